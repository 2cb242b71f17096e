#!/usr/bin/env bash
# Measures ibdash's Flex statement parser against xmllint, Python's ElementTree and `grep -c` (the
# memory-bound ceiling) on one generated ~57 MB statement, each as a whole process: best wall time of
# BENCH_RUNS runs (default 3) and MB/s by it, CPU time (user + system) and MB/s by it (what one core does,
# whatever else shares the machine), and peak RSS (GNU time if present, else /proc VmHWM polling; no CPU
# time then). Prints a Markdown table with the exact commands; progress goes to stderr.
#
#   scripts/bench-flex.sh              # generates /tmp/ibdash-flex-bench.xml once, then measures
#   scripts/bench-flex.sh --regenerate # makes the statement again
#   FLEX_BENCH_FILE=/tmp/other.xml BENCH_RUNS=5 scripts/bench-flex.sh
set -euo pipefail
cd "$(dirname "$0")/.."

file=${FLEX_BENCH_FILE:-/tmp/ibdash-flex-bench.xml}
runs=${BENCH_RUNS:-3}
generator=Tests/IBKRTests/Fixtures/flex/generate_statement.py
generate=(python3 "$generator" --accounts 2 --trades 30000 --positions 200 --days 250 --seed 7)

if [ ! -s "$file" ] || [ "${1:-}" = "--regenerate" ]; then
  echo "generating $file: ${generate[*]}" >&2
  "${generate[@]}" > "$file.partial"
  mv "$file.partial" "$file"
fi

echo "building flex-parse-bench (release)" >&2
swift build -c release --package-path Benchmarks --product flex-parse-bench >&2
bench="$(swift build -c release --package-path Benchmarks --show-bin-path)/flex-parse-bench"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bytes=$(stat -c %s "$file")
cat "$file" > /dev/null # into the page cache, so no tool pays for the disk

# A command line as one would type it: arguments with shell characters in single quotes.
quote_command() {
  local out="" arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./=:,+-]+$ ]]; then out+="$arg "; else out+="'${arg//\'/\'\\\'\'}' "; fi
  done
  printf '%s' "${out% }"
}

# Runs a command; sets elapsed_ns, peak_kb and cpu_s (empty without GNU time).
run_once() {
  local start end
  if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o "$work/rss" true 2>/dev/null; then
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    end=$(date +%s%N)
    read -r peak_kb user system < <(tail -n 1 "$work/rss")
    cpu_s=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.3f", u + s }')
  else
    start=$(date +%s%N)
    "$@" > "$work/out" 2> "$work/err" &
    local pid=$! value
    peak_kb=0
    cpu_s=""
    while kill -0 "$pid" 2>/dev/null; do
      value=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      if [ -n "$value" ] && [ "$value" -gt "$peak_kb" ]; then peak_kb=$value; fi
      sleep 0.002
    done
    wait "$pid" || { cat "$work/err" >&2; exit 1; }
    end=$(date +%s%N)
  fi
  elapsed_ns=$((end - start))
}

rows=()
measure() {
  local name=$1
  shift
  if ! command -v "$1" > /dev/null 2>&1; then
    rows+=("| $name | \`$(quote_command "$@")\` | not installed | | | | |")
    echo "skipping $name: $1 is not installed" >&2
    return
  fi
  local best=0 peak=0 best_cpu=""
  for _ in $(seq "$runs"); do
    run_once "$@"
    if [ "$best" -eq 0 ] || [ "$elapsed_ns" -lt "$best" ]; then best=$elapsed_ns; fi
    if [ "$peak_kb" -gt "$peak" ]; then peak=$peak_kb; fi
    if [ -n "$cpu_s" ] && { [ -z "$best_cpu" ] || awk -v a="$cpu_s" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; }; then
      best_cpu=$cpu_s
    fi
  done
  local row
  row=$(awk -v n="$name" -v c="$(quote_command "$@")" -v t="$best" -v b="$bytes" -v k="$peak" -v u="$best_cpu" \
    'BEGIN {
       cpu = (u == "" || u + 0 == 0) ? "| – | –" : sprintf("| %.3f | %.0f", u, b / 1e6 / u)
       printf "| %s | `%s` | %.3f | %.0f %s | %.0f |", n, c, t / 1e9, b / 1e6 / (t / 1e9), cpu, k / 1024
     }')
  rows+=("$row")
  echo "$row" >&2
}

echo "measuring ($runs runs each)" >&2
measure "ibdash FlexStatementParser" "$bench" "$file"
measure "xmllint --stream" xmllint --stream --noout "$file"
measure "CPython xml.etree" python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$file"
measure "grep -c" grep -c '<Trade ' "$file"
parse_only=$("$bench" "$file" 5)

echo "Flex parse benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "File: \`$file\`, $bytes bytes, made by \`${generate[*]}\`"
echo
echo "| Tool | Command | Wall s (best of $runs) | MB/s by wall | CPU s (best) | MB/s by CPU | Peak RSS MB |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "ibdash parse only (bytes in memory to typed models, one thread, best of 5 in one process): $parse_only"
