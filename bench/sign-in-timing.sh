#!/usr/bin/env bash
# What an attacker can time on the staff sign-in: the published site (Production settings) answers failed sign-ins for
# an unknown address, a wrong password, a disabled and a locked account; prints the median time of each and its ratio
# to the wrong password (1.00 = indistinguishable). A ratio far below 1 would mean a kind skips the password hashing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
port="${PORT:-5392}"
base="http://127.0.0.1:$port"
tries="${TRIES:-40}"
password='correct paard batterij nietje'

dotnet publish "$root/src/Interoffice.Web" -c Release -o "$work/site" --nologo -v quiet >/dev/null
export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$work/bench.db" \
  Serilog__MinimumLevel__Default=Warning Staff__SignInRateLimitPermits=100000
# Four wrong passwords per account stay below the lockout (five), so ten accounts take forty wrong passwords.
accounts=$(( (tries + 3) / 4 ))
for email in $(seq -f 'actief%g' 1 "$accounts") uit dicht; do
  echo "$password" | dotnet "$work/site/Interoffice.Web.dll" staff create --email "$email@interoffice.nl" >/dev/null
done
dotnet "$work/site/Interoffice.Web.dll" staff disable --email uit@interoffice.nl >/dev/null
(cd "$work/site" && exec dotnet Interoffice.Web.dll --urls "$base" >"$work/site.log" 2>&1) &
site=$!
trap 'kill $site 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

# One sign-in post as a browser sends it (the page's token and cookie); prints the seconds the answer took.
attempt() {
  local jar="$work/jar" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" "$base/beheer/inloggen" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Email=$1" --data-urlencode "Password=$2" "$base/beheer/inloggen"
}

for i in 1 2 3 4 5 6; do attempt dicht@interoffice.nl "fout $i" >/dev/null; done   # locks the account
for i in 1 2 3 4 5; do attempt actief1@interoffice.nl "$password" >/dev/null; done  # warms up the site

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
declare -A median
median[wrong-password]=$(for i in $(seq 1 "$tries"); do attempt "actief$(( (i - 1) / 4 + 1 ))@interoffice.nl" "geraden wachtwoord"; done | median)
median[unknown-address]=$(for _ in $(seq 1 "$tries"); do attempt niemand@interoffice.nl "geraden wachtwoord"; done | median)
# The disabled and the locked account are tried with their right password.
median[disabled-account]=$(for _ in $(seq 1 "$tries"); do attempt uit@interoffice.nl "$password"; done | median)
median[locked-account]=$(for _ in $(seq 1 "$tries"); do attempt dicht@interoffice.nl "$password"; done | median)

printf '%-18s %12s %8s\n' kind median-ms ratio
for kind in wrong-password unknown-address disabled-account locked-account; do
  awk -v k="$kind" -v m="${median[$kind]}" -v w="${median[wrong-password]}" 'BEGIN { printf "%-18s %12.1f %8.2f\n", k, m * 1000, m / w }'
done
