#!/usr/bin/env bash
# Lighthouse 12.2.3 on the published site (Production settings) for / and /privacyverklaring:
# prints the accessibility, best-practices and SEO scores and exits non-zero if one is below 100.
# Needs Chromium (apt-get install -y chromium) and npm; installs Lighthouse into bench/node_modules.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
port="${PORT:-5391}"
base="http://127.0.0.1:$port"
export CHROME_PATH="${CHROME_PATH:-${CHROMIUM_PATH:-/usr/bin/chromium}}"

[ -x "$here/node_modules/.bin/lighthouse" ] || (cd "$here" && npm ci --no-audit --no-fund >/dev/null)

dotnet publish "$root/src/Interoffice.Web" -c Release -o "$work/site" --nologo -v quiet >/dev/null
(
  cd "$work/site"
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Default="Data Source=$work/bench.db" \
  Site__BaseUrl="$base" \
  Serilog__MinimumLevel__Default=Warning \
  exec dotnet Interoffice.Web.dll --urls "$base" >"$work/site.log" 2>&1
) &
site=$!
trap 'kill $site 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

status=0
printf '%-20s %14s %15s %5s\n' page accessibility best-practices seo
for page in / /privacyverklaring; do
  "$here/node_modules/.bin/lighthouse" "$base$page" \
    --only-categories=accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic" \
    --output=json --output-path="$work/report.json" --quiet
  read -r a b s < <(node -e '
    const r = require(process.argv[1]);
    const c = r.categories;
    console.log([c.accessibility, c["best-practices"], c.seo].map(x => Math.round(x.score * 100)).join(" "));
    for (const [id, audit] of Object.entries(r.audits))
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "manual" && audit.scoreDisplayMode !== "notApplicable")
        console.error(`  ${id}: ${audit.title}`);
  ' "$work/report.json")
  printf '%-20s %14s %15s %5s\n' "$page" "$a" "$b" "$s"
  [ "$a" = 100 ] && [ "$b" = 100 ] && [ "$s" = 100 ] || status=1
done
exit $status
