#!/usr/bin/env bash
# Start-up time and memory of the published site against the `dotnet new mvc` template, in one run on one machine:
# both published in Release, then started one at a time in alternating rounds (template, site, template, site…).
# Each round starts the process on a new empty App_Data (a fresh SQLite database), times it from process start to the
# first 200 on /, then loads / with wrk (2 threads, 32 connections) for LOAD_SECONDS and reads the working set (VmRSS).
# Prints the medians, their ratios to the template's, the targets, and the machine's load; exits non-zero when a
# target is missed. Needs wrk (apt-get install -y wrk) and curl. ROUNDS (7) and LOAD_SECONDS (5) change the run;
# SITE_DIR / TEMPLATE_DIR reuse a publish folder instead of publishing (to compare settings quickly).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d)"
rounds="${ROUNDS:-7}"
seconds="${LOAD_SECONDS:-5}"
port="${PORT:-5394}"
url="http://127.0.0.1:$port"
startup_target=1.5
memory_target=1.3
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

site="${SITE_DIR:-}"
template="${TEMPLATE_DIR:-}"
if [ -z "$site" ]; then
  echo "Publishing the site (Release)…" >&2
  site="$work/site"
  dotnet publish "$root/src/Interoffice.Web" -c Release -o "$site" --nologo -v quiet >/dev/null
fi
if [ -z "$template" ]; then
  echo "Publishing the template (Release)…" >&2
  template="$work/template"
  dotnet new mvc -n Template -o "$work/template-src" --no-https >/dev/null
  dotnet publish "$work/template-src" -c Release -o "$template" --nologo -v quiet >/dev/null
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Starts one of the two, as perf.sh does (ours as in production with every third-party service on, on a new empty
# App_Data); prints "startup-ms working-set-MB startup-cpu-ms".
measure() {
  local which="$1" data="$work/data-$2" start code
  rm -rf "$data" && mkdir -p "$data"
  start="$(now_ms)"
  if [ "$which" = site ]; then
    (
      cd "$site"
      . "$here/site-env.sh"
      ConnectionStrings__Default="Data Source=$data/App_Data/interoffice.db" \
      Smtp__PickupDirectory="$data/App_Data/mail" \
      Site__BaseUrl="$url" \
      exec dotnet Interoffice.Web.dll --urls "$url" >"$data/log" 2>&1
    ) &
  else
    (
      cd "$template"
      ASPNETCORE_ENVIRONMENT=Production exec dotnet Template.dll --urls "$url" >"$data/log" 2>&1
    ) &
  fi
  pid=$!
  for _ in $(seq 1 3000); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$url/" 2>/dev/null || true)"
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "$which stopped; its log:" >&2; cat "$data/log" >&2; exit 1; }
    sleep 0.01
  done
  [ "$code" = 200 ] || { echo "$which did not answer 200 on /" >&2; exit 1; }
  local elapsed=$(($(now_ms) - start))
  # CPU time used until then (user + system, in ms): less disturbed than the elapsed time when others load the machine.
  local cpu
  cpu="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")"
  wrk -t2 -c32 "-d$seconds" "$url/" >/dev/null
  local rss
  rss="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")"
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=""
  echo "$elapsed $rss $cpu"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# One unmeasured start of each first: the disk cache holds both afterwards, as it does for every later round.
measure template warm >/dev/null
measure site warm >/dev/null
loads=("$(cut -d' ' -f1 /proc/loadavg)")
for round in $(seq 1 "$rounds"); do
  echo "Round $round of $rounds…" >&2
  measure template "$round" >>"$work/result-template"
  measure site "$round" >>"$work/result-site"
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
done

status=0
verdict() { # ratio target: sets $v
  if awk -v r="$1" -v g="$2" 'BEGIN { exit !(r <= g) }'; then v="≤ $2 ok"; else v="≤ $2 MISSED"; status=1; fi
}
t_start="$(cut -d' ' -f1 "$work/result-template" | median)"
s_start="$(cut -d' ' -f1 "$work/result-site" | median)"
t_rss="$(cut -d' ' -f2 "$work/result-template" | median)"
s_rss="$(cut -d' ' -f2 "$work/result-site" | median)"
start_ratio="$(awk -v a="$s_start" -v b="$t_start" 'BEGIN { printf "%.2f", a / b }')"
t_cpu="$(cut -d' ' -f3 "$work/result-template" | median)"
s_cpu="$(cut -d' ' -f3 "$work/result-site" | median)"
cpu_ratio="$(awk -v a="$s_cpu" -v b="$t_cpu" 'BEGIN { printf "%.2f", a / b }')"
rss_ratio="$(awk -v a="$s_rss" -v b="$t_rss" 'BEGIN { printf "%.2f", a / b }')"
printf '%-34s %9s %9s %7s %s\n' figure template site ratio target
verdict "$start_ratio" $startup_target
printf '%-34s %9s %9s %7s %s\n' "start-up to first 200 on / (ms)" "$t_start" "$s_start" "$start_ratio" "$v"
printf '%-34s %9s %9s %7s %s\n' "  CPU time until then (ms)" "$t_cpu" "$s_cpu" "$cpu_ratio" "(reference)"
verdict "$rss_ratio" $memory_target
printf '%-34s %9s %9s %7s %s\n' "working set after ${seconds}s load (MB)" "$t_rss" "$s_rss" "$rss_ratio" "$v"
echo "Every round (start-up ms, MB, CPU ms): template $(tr '\n' ' ' <"$work/result-template")| site $(tr '\n' ' ' <"$work/result-site")" >&2
echo "Medians of $rounds alternating rounds, wrk -t2 -c32, $(nproc) cores; 1-minute load average per round: ${loads[*]}." >&2
exit $status
