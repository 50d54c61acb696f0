#!/usr/bin/env bash
# Requests per second of the published site against the `dotnet new mvc` template, in one run on one machine:
# both published in Release and started side by side, then measured with wrk (2 threads, 32 connections) in
# alternating rounds; prints the median requests/s and p99 latency of each page and its ratio to the template's
# home page, and exits non-zero when a ratio is under its target.
# Needs wrk (apt-get install -y wrk) and curl. ROUNDS (5) and SECONDS_PER_RUN (5) make it longer or shorter.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
rounds="${ROUNDS:-5}"
seconds="${SECONDS_PER_RUN:-5}"
ours="http://127.0.0.1:${PORT:-5392}"
template="http://127.0.0.1:${TEMPLATE_PORT:-5393}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

echo "Publishing both sites (Release)…" >&2
dotnet publish "$root/src/Interoffice.Web" -c Release -o "$work/site" --nologo -v quiet >/dev/null
dotnet new mvc -n Template -o "$work/template-src" --no-https >/dev/null
dotnet publish "$work/template-src" -c Release -o "$work/template" --nologo -v quiet >/dev/null

# Ours as in production, with every third-party service on (the heaviest first visit); logs to a file, as a
# container's log would be collected. The template with its own defaults.
(
  cd "$work/site"
  . "$here/site-env.sh"
  ConnectionStrings__Default="Data Source=$work/bench.db" \
  Site__BaseUrl="$ours" \
  exec dotnet Interoffice.Web.dll --urls "$ours" >"$work/site.log" 2>&1
) &
site=$!
(
  cd "$work/template"
  ASPNETCORE_ENVIRONMENT=Production exec dotnet Template.dll --urls "$template" >"$work/template.log" 2>&1
) &
other=$!
trap 'kill $site $other 2>/dev/null || true; rm -rf "$work"' EXIT
for url in "$ours/healthz" "$template/"; do
  for _ in $(seq 1 120); do curl -fs "$url" >/dev/null 2>&1 && break; sleep 0.5; done
done

# A returning visitor carries the consent cookie the site set for "Alles accepteren".
curl -fs -o /dev/null -c "$work/jar" -H "Sec-Fetch-Site: same-origin" --data "Choice=alles&ReturnUrl=/" "$ours/cookies/keuze"
consent="$(awk '$6 == "io.consent" { print $7 }' "$work/jar")"
[ -n "$consent" ] || { echo "no consent cookie was set" >&2; exit 1; }
our_css="$(curl -fs "$ours/" | grep -o '/css/site\.[a-z0-9]*\.css' | head -1)"

# name|url|cookie|target ratio to the template's home page (empty: reference only)
targets=(
  "template: /css/site.css|$template/css/site.css||"
  "template: /|$template/||"
  "ours: static stylesheet|$ours$our_css||1.0"
  "ours: / first visit|$ours/||0.8"
  "ours: / returning visitor|$ours/|io.consent=$consent|0.9"
  "ours: /privacyverklaring|$ours/privacyverklaring||0.7"
  "ours: /cookies|$ours/cookies||0.7"
  "ours: /contact|$ours/contact||0.5"
  "ours: /nieuwsbrief|$ours/nieuwsbrief||0.7"
)

measure() { # url cookie seconds -> "requests/s p99-ms"
  local args=(-t2 -c32 "-d$3" --latency "$1")
  [ -n "$2" ] && args=(-H "Cookie: $2" "${args[@]}")
  wrk "${args[@]}" | awk '
    /Requests\/sec/ { rps = $2 }
    $1 == "99%" { v = $2; ms = v + 0; if (v ~ /us$/) ms = ms / 1000; else if (v ~ /[^m]s$/) ms = ms * 1000; p99 = ms }
    END { printf "%.0f %.2f\n", rps, p99 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Long enough for tiered compilation to reach its optimised code on every path, on both sites.
echo "Warming up…" >&2
for t in "${targets[@]}"; do IFS='|' read -r _ url cookie _ <<<"$t"; measure "$url" "$cookie" "${WARMUP_SECONDS:-10}" >/dev/null; done

for round in $(seq 1 "$rounds"); do
  echo "Round $round of $rounds…" >&2
  for i in "${!targets[@]}"; do
    IFS='|' read -r _ url cookie _ <<<"${targets[$i]}"
    measure "$url" "$cookie" "$seconds" >>"$work/result-$i"
  done
done

reference="$(cut -d' ' -f1 "$work/result-1" | median)"
status=0
printf '%-28s %10s %9s %7s %8s\n' page requests/s p99-ms ratio target
for i in "${!targets[@]}"; do
  IFS='|' read -r name _ _ goal <<<"${targets[$i]}"
  rps="$(cut -d' ' -f1 "$work/result-$i" | median)"
  p99="$(cut -d' ' -f2 "$work/result-$i" | median)"
  ratio="$(awk -v a="$rps" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')"
  verdict=""
  if [ -n "$goal" ]; then
    if awk -v r="$ratio" -v g="$goal" 'BEGIN { exit !(r >= g) }'; then verdict="≥ $goal ok"; else verdict="≥ $goal MISSED"; status=1; fi
  fi
  printf '%-28s %10s %9s %7s %8s\n' "$name" "$rps" "$p99" "$ratio" "$verdict"
done
echo "Medians of $rounds rounds of ${seconds}s per page, wrk -t2 -c32, $(nproc) cores; ratios to the template's home page." >&2
exit $status
