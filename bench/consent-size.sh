#!/usr/bin/env bash
# Size of the consent banner's own JavaScript and CSS, gzipped, against the budget (3 KB and 2 KB) and against
# the consent managers the site compares itself with (their dist files, gzipped: vanilla-cookieconsent 3.1
# JS 10 KB + CSS 5 KB, Klaro 0.7 69 KB, tarteaucitron.js 1.32 core 19 KB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
js="$root/src/Interoffice.Web/wwwroot/js/consent.js"
css="$root/src/Interoffice.Web/wwwroot/css/consent.css"
gz() { gzip -9 -c "$1" | wc -c; }
js_gz=$(gz "$js"); css_gz=$(gz "$css"); total=$((js_gz + css_gz))

printf '%-28s %8s %8s %s\n' file gzipped budget verdict
printf '%-28s %8d %8d %s\n' consent.js "$js_gz" 3072 "$([ "$js_gz" -le 3072 ] && echo within || echo OVER)"
printf '%-28s %8d %8d %s\n' consent.css "$css_gz" 2048 "$([ "$css_gz" -le 2048 ] && echo within || echo OVER)"
echo
printf '%-28s %8s\n' 'compared with' 'ratio'
awk -v t="$total" 'BEGIN {
  printf "%-28s %7.1fx larger\n", "vanilla-cookieconsent 3.1", (15 * 1024) / t
  printf "%-28s %7.1fx larger\n", "tarteaucitron.js 1.32 core", (19 * 1024) / t
  printf "%-28s %7.1fx larger\n", "Klaro 0.7", (69 * 1024) / t
}'
[ "$js_gz" -le 3072 ] && [ "$css_gz" -le 2048 ]
