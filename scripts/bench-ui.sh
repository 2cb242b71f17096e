#!/usr/bin/env bash
# Issue 5's UI targets, measured on release builds, printed as Markdown tables with the load average:
#   1. frames: `ui-frame-bench` (Benchmarks/) draws the benchmark dashboard (3 accounts, 1,000 positions,
#      200×60) with the real renderer into real ncurses on a pseudo-terminal: a full frame and a one-price
#      update, best and median CPU and wall time, and the bytes ncurses writes;
#   2. the real binary in a private tmux server (200×60), once data is on screen, for BENCH_IDLE_SECONDS
#      (default 60): CPU time (utime + stime from /proc/PID/stat) as % of one core, peak and steady RSS
#      (VmHWM, VmRSS). Two setups: `ibdash --demo`, whose process also runs the simulated gateway (prices move
#      every second), and `ibdash --gateway` on a separate `ibdash sim` with the market closed, where only the
#      clock ticks and the polling goes on (the simulator's own CPU is given beside it).
# Progress goes to stderr. Usage: scripts/bench-ui.sh [--frames-only | --idle-only]
#   BENCH_REPEATS=300 (frame runs)  BENCH_IDLE_SECONDS=60  IBDASH_BINARY=path (measure that ibdash, not a release build)
set -euo pipefail
cd "$(dirname "$0")/.."

repeats=${BENCH_REPEATS:-300}
idle_seconds=${BENCH_IDLE_SECONDS:-60}
what=${1:-all}

bin="$(swift build -c release --package-path Benchmarks --show-bin-path)"
ibdash=${IBDASH_BINARY:-$bin/ibdash}
if [ "$what" != "--idle-only" ]; then
  echo "building ui-frame-bench (release)" >&2
  swift build -c release --package-path Benchmarks --product ui-frame-bench >&2
fi
if [ "$what" != "--frames-only" ] && [ -z "${IBDASH_BINARY:-}" ]; then
  echo "building ibdash (release)" >&2
  swift build -c release --package-path Benchmarks --product ibdash >&2
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ "$what" != "--idle-only" ]; then
  echo "measuring frames ($repeats runs each)" >&2
  before=$(load)
  frames=$("$bin/ui-frame-bench" "$repeats")
  echo "UI frame benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load before $before, after $(load)"
  echo
  echo "Command: \`$bin/ui-frame-bench $repeats\`"
  echo
  printf '%s\n' "$frames"
  echo
fi
[ "$what" = "--frames-only" ] && exit 0

work=$(mktemp -d)
socket="ibdash-bench-$$"
simulator=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  if [ -n "$simulator" ]; then
    kill "$simulator" 2>/dev/null || true
    wait "$simulator" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A home of its own: no user configuration, themes or logs get in.
mkdir -p "$work/home" "$work/config" "$work/state"
environment=(env -i PATH="$PATH" HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
  TERM=xterm-256color LANG=C.UTF-8)
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
status_kb() { awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status"; }

# Starts `ibdash ARGS` in a 200×60 tmux pane and prints its pid once positions are on screen.
start_dashboard() {
  tmux -L "$socket" -f /dev/null kill-server 2>/dev/null || true
  tmux -L "$socket" -f /dev/null new-session -d -x 200 -y 60 "exec ${environment[*]} $ibdash $*"
  local pid screen=""
  pid=$(tmux -L "$socket" list-panes -F '#{pane_pid}')
  for _ in $(seq 1 300); do
    screen=$(tmux -L "$socket" capture-pane -p 2>/dev/null || true)
    # The positions pane's title counts the rows it lists.
    if grep -qE 'Positions \([1-9]' <<<"$screen"; then
      echo "$pid"
      return
    fi
    sleep 0.2
  done
  echo "no data on screen after 60 s; the screen was:" >&2
  echo "$screen" >&2
  exit 1
}

# Prints a table row: CPU % of one core over idle_seconds, peak and steady RSS, and the process's own figures.
measure_idle() {
  local name=$1 pid=$2 extra=${3:-} before after peak steady anonymous start_load
  sleep 5 # past the first fetches and frames
  start_load=$(load)
  before=$(cpu_ticks "$pid")
  local extra_before=""
  [ -n "$extra" ] && extra_before=$(cpu_ticks "$extra")
  sleep "$idle_seconds"
  after=$(cpu_ticks "$pid")
  peak=$(status_kb "$pid" VmHWM)
  steady=$(status_kb "$pid" VmRSS)
  anonymous=$(status_kb "$pid" RssAnon)
  local extra_cpu="–"
  if [ -n "$extra" ]; then
    extra_cpu=$(awk -v b="$extra_before" -v a="$(cpu_ticks "$extra")" -v t="$ticks" -v s="$idle_seconds" \
      'BEGIN { printf "%.2f %%", (a - b) / t / s * 100 }')
  fi
  awk -v n="$name" -v b="$before" -v a="$after" -v t="$ticks" -v s="$idle_seconds" -v p="$peak" -v r="$steady" \
    -v m="$anonymous" \
    -v e="$extra_cpu" -v l="$start_load" \
    'BEGIN { printf "| %s | %.2f %% | %.1f | %.1f | %.1f | %s | %s |\n", n, (a - b) / t / s * 100, p / 1024, r / 1024, m / 1024, e, l }'
}

rows=()
echo "measuring ibdash --demo for ${idle_seconds} s" >&2
pid=$(start_dashboard --demo)
rows+=("$(measure_idle "\`ibdash --demo\` (simulator in the process, prices moving)" "$pid")")
echo "${rows[-1]}" >&2
tmux -L "$socket" kill-server 2>/dev/null || true

echo "measuring ibdash --gateway on ibdash sim (market closed) for ${idle_seconds} s" >&2
# The simulator runs from a copy of the binary: a real gateway shares no code pages with the dashboard, and pages
# two processes share stay resident in both (the dashboard's trim after start-up leaves them alone).
cp "$ibdash" "$work/ibdash-sim"
"${environment[@]}" "$work/ibdash-sim" sim --port 0 --tls --accounts 3 --market-hours alwaysClosed --no-daily-reset \
  > "$work/sim.out" 2>&1 &
simulator=$!
for _ in $(seq 1 150); do
  grep -q '^API:' "$work/sim.out" && break
  kill -0 "$simulator" 2>/dev/null || { cat "$work/sim.out" >&2; echo "ibdash sim did not start" >&2; exit 1; }
  sleep 0.2
done
api=$(sed -n 's/^API: *//p' "$work/sim.out")
pid=$(start_dashboard --gateway "$api")
rows+=("$(measure_idle "\`ibdash --gateway $api\` on \`ibdash sim --tls --market-hours alwaysClosed\`" "$pid" "$simulator")")
echo "${rows[-1]}" >&2

echo "Idle dashboard, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, 200×60 tmux pane, ${idle_seconds} s after data was on screen"
echo
echo "Binary: \`$ibdash\`"
echo
echo "| Process | CPU (% of one core) | Peak RSS MB (VmHWM) | Steady RSS MB (VmRSS) | of it anonymous MB (RssAnon) | Simulator process CPU | Load at start |"
echo "|---|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Targets: idle CPU ≤ 0.5 % of one core; RSS of the demo ≤ 40 MB."
