#!/usr/bin/env bash
# Consent choices per second: 32 connections posting "Alles accepteren" as new visitors (no cookie, so every post
# is a new visitor and a new record), against one instance and against two instances sharing one SQLite file, in
# one run beside the `dotnet new mvc` template's home page. Prints requests/s of each and the ratios, and exits
# non-zero when one instance takes under 0.1x the template's home page or two take fewer than one.
# SEPARATE=1 gives the second instance a file of its own: a control for what a second process costs on this machine
# without any shared lock. Needs wrk (apt-get install -y wrk), curl and openssl. ROUNDS (3) and SECONDS_PER_RUN (5)
# make it longer or shorter.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
rounds="${ROUNDS:-3}"
seconds="${SECONDS_PER_RUN:-5}"
first="http://127.0.0.1:${PORT:-5394}"
second="http://127.0.0.1:${SECOND_PORT:-5395}"
template="http://127.0.0.1:${TEMPLATE_PORT:-5396}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

echo "Publishing both sites (Release)…" >&2
dotnet publish "$root/src/Interoffice.Web" -c Release -o "$work/site" --nologo -v quiet >/dev/null
dotnet new mvc -n Template -o "$work/template-src" --no-https >/dev/null
dotnet publish "$work/template-src" -c Release -o "$work/template" --nologo -v quiet >/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/signing-key.pem" 2>/dev/null

start_ours() { # url log
  (
    cd "$work/site"
    . "$here/site-env.sh"
    # Signed as in production; the per-address limit (all of wrk comes from one address) out of the way.
    ConnectionStrings__Default="Data Source=${DB:-$work/bench.db}" Site__BaseUrl="$1" Consent__SigningKeyPath="$work/signing-key.pem" \
    Consent__ChoiceRateLimitPermits=100000000 Consent__ChoiceRateLimitWindowMinutes=1 \
    exec dotnet Interoffice.Web.dll --urls "$1" >"$2" 2>&1
  ) &
}
start_ours "$first" "$work/first.log"; one=$!
(
  cd "$work/template"
  ASPNETCORE_ENVIRONMENT=Production exec dotnet Template.dll --urls "$template" >"$work/template.log" 2>&1
) &
other=$!
trap 'kill $one ${two:-} $other 2>/dev/null || true; rm -rf "$work"' EXIT
for url in "$first/readyz" "$template/"; do
  for _ in $(seq 1 120); do curl -fs "$url" >/dev/null 2>&1 && break; sleep 0.5; done
done
DB=${SEPARATE:+$work/other.db} start_ours "$second" "$work/second.log"; two=$!
for _ in $(seq 1 120); do curl -fs "$second/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

cat >"$work/choose.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "Choice=alles&ReturnUrl=/"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Sec-Fetch-Site"] = "same-origin"
LUA

# requests/s that were answered 2xx/3xx (a 303 is a choice taken): url connections seconds [lua]
measure() {
  local args=(-t2 "-c$2" "-d$3" "$1")
  [ -n "${4:-}" ] && args=(-s "$4" "${args[@]}")
  wrk "${args[@]}" | awk -v d="$3" '
    /Requests\/sec/ { rps = $2 } /requests in/ { total = $1 } /Non-2xx or 3xx/ { bad = $NF }
    END { printf "%.0f\n", rps * (total - bad) / (total ? total : 1) }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "Warming up…" >&2
measure "$template/" 32 5 >/dev/null
measure "$first/cookies/keuze" 32 5 "$work/choose.lua" >/dev/null
measure "$second/cookies/keuze" 32 5 "$work/choose.lua" >/dev/null
measure "$first/cookies/keuze" 16 10 "$work/choose.lua" >/dev/null &
measure "$second/cookies/keuze" 16 10 "$work/choose.lua" >/dev/null
wait %%

for round in $(seq 1 "$rounds"); do
  echo "Round $round of $rounds…" >&2
  measure "$template/" 32 "$seconds" >>"$work/r-template"
  measure "$first/cookies/keuze" 32 "$seconds" "$work/choose.lua" >>"$work/one"
  # 32 connections in all, half to each instance, at the same time.
  measure "$first/cookies/keuze" 16 "$seconds" "$work/choose.lua" >"$work/a" &
  measure "$second/cookies/keuze" 16 "$seconds" "$work/choose.lua" >"$work/b"
  wait %%
  echo "  two instances: $(cat "$work/a") + $(cat "$work/b")" >&2
  echo $(( $(cat "$work/a") + $(cat "$work/b") )) >>"$work/two"
done

home="$(median <"$work/r-template")"
single="$(median <"$work/one")"
pair="$(median <"$work/two")"
# The start's own readiness probes (503 while the database is prepared) are not choices.
errors="$(cat "$work/first.log" "$work/second.log" | grep -E '"@l":"(Error|Fatal)"' | grep -v -c -E '/readyz|Health check' || true)"
printf '%-36s %10s %7s %s\n' what requests/s ratio target
printf '%-36s %10s %7s\n' "template: / (reference)" "$home" "1.00"
r1="$(awk -v a="$single" -v b="$home" 'BEGIN { printf "%.2f", a / b }')"
r2="$(awk -v a="$pair" -v b="$single" 'BEGIN { printf "%.2f", a / b }')"
status=0
ok1="≥ 0.1 ok"; awk -v r="$r1" 'BEGIN { exit !(r >= 0.1) }' || { ok1="≥ 0.1 MISSED"; status=1; }
ok2="≥ 1.0 of one ok"; awk -v r="$r2" 'BEGIN { exit !(r >= 1.0) }' || { ok2="≥ 1.0 of one MISSED"; status=1; }
printf '%-36s %10s %7s %s\n' "ours: choices, one instance" "$single" "$r1" "$ok1"
printf '%-36s %10s %7s %s\n' "ours: choices, two instances, 1 file" "$pair" "$r2" "$ok2"
echo "Errors in the sites' logs: $errors" >&2
cat "$work/first.log" "$work/second.log" | grep -E '"@l":"(Error|Fatal)"' | grep -v -E '/readyz|Health check' | cut -c1-400 | head -3 >&2 || true
(cd "$work/site" && ConnectionStrings__Default="Data Source=$work/bench.db" Consent__SigningKeyPath="$work/signing-key.pem" dotnet Interoffice.Web.dll consent verify | head -2) >&2
echo "Medians of $rounds rounds of ${seconds}s, wrk -t2, 32 connections in all, $(nproc) cores; the two-instance ratio is to one instance." >&2
exit $status
