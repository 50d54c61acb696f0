#!/usr/bin/env bash
# Runs .ci/run in N fresh clones of HEAD, one after another, and prints pass/fail and wall time for each:
#   bench/suite-stability.sh N [--hog K]
# With --hog K, the last K runs have every core kept busy by `yes > /dev/null` (one per core) for the whole run.
# Each clone is made and removed under a temporary folder, and the build servers are shut down after each run, so every
# run starts as cold as CI's; the log of a failed run is kept in this checkout's TestResults/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
usage() { echo "usage: bench/suite-stability.sh N [--hog K]" >&2; exit 2; }
runs=${1:-}
hogged=0
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || usage
if [ $# -gt 1 ]; then
  [ "$2" = "--hog" ] && [[ "${3:-}" =~ ^[0-9]+$ ]] && [ "$3" -le "$runs" ] || usage
  hogged=$3
fi
cores=$(nproc)
commit=$(git -C "$root" rev-parse --short HEAD)
work=$(mktemp -d)
hogs=()
stop_hogs() {
  for pid in "${hogs[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${hogs[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  hogs=()
}
trap 'stop_hogs; rm -rf "$work"' EXIT

echo "suite stability: $runs fresh clones of $commit, the last $hogged with $cores CPU hogs; $cores cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
printf '%-4s %-6s %-8s %-10s %s\n' run load result wall "closing line"
passed=0
for i in $(seq 1 "$runs"); do
  clone="$work/run-$i"
  git clone -q "$root" "$clone"
  load="quiet"
  if [ "$i" -gt $((runs - hogged)) ]; then
    load="hogged"
    for _ in $(seq 1 "$cores"); do yes > /dev/null & hogs+=($!); done
  fi
  start=$(date +%s)
  set +e
  (cd "$clone" && CI=true bash .ci/run < /dev/null > "$work/run-$i.log" 2>&1)
  status=$?
  set -e
  wall=$(( $(date +%s) - start ))
  stop_hogs
  (cd "$clone" && dotnet build-server shutdown >/dev/null 2>&1) || true
  result=$([ "$status" -eq 0 ] && echo green || echo RED)
  [ "$status" -eq 0 ] && passed=$((passed + 1))
  printf '%-4s %-6s %-8s %-10s %s\n' "$i" "$load" "$result" "$((wall / 60))m$((wall % 60))s" "$(grep -E '^tests: ' "$work/run-$i.log" | tail -1)"
  if [ "$status" -ne 0 ]; then
    mkdir -p "$root/TestResults"
    cp "$work/run-$i.log" "$root/TestResults/suite-stability-run-$i.log"
    grep -E '^\s+Failed ' "$work/run-$i.log" | head -20 || true
  fi
  rm -rf "$clone"
done
echo "green $passed of $runs"
[ "$passed" -eq "$runs" ]
