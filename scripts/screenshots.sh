#!/usr/bin/env bash
# Screenshots of real `ibdash --demo` runs in tmux, for the README and for people deciding whether to try it.
#
# usage: scripts/screenshots.sh [--out DIR] [--no-png] [path/to/ibdash]
#
# Each scene is captured with `tmux capture-pane -e -p -N` into DIR/NAME.ansi and rendered to DIR/NAME.png by
# scripts/ansi2png.py (Pillow from PyPI, Debian's DejaVu fonts). DIR defaults to screenshots/ and keeps only the
# PNGs there. Without Pillow, or with --no-png, only the captures are made: every scene still runs and is checked.
# A scene passes when its capture shows what the scene is about. Prints `ok NAME …`/`FAIL NAME …` per scene and
# `N passed, M failed` last; exits 1 when any failed. The demo's market has a fixed seed, so regenerated
# screenshots differ only in the prices that moved and the clock.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DEST=$ROOT/screenshots
PNG=1
BIN=
while [ $# -gt 0 ]; do
  case $1 in
    --out) DEST=$2; shift 2 ;;
    --no-png) PNG=0; shift ;;
    *) BIN=$1; shift ;;
  esac
done
[ -n "$BIN" ] || BIN="$(swift build --show-bin-path 2>/dev/null)/ibdash"
if [ ! -x "$BIN" ]; then
  echo "FAIL no ibdash binary at $BIN (run swift build first)"
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$PNG" = 1 ] && ! python3 -c 'import PIL' 2>/dev/null; then
  echo "note: Pillow is not installed (pip install pillow): captures only, no PNGs"
  PNG=0
fi
mkdir -p "$DEST"
OUT=$(mktemp -d "${TMPDIR:-/tmp}/ibdash-shots.XXXXXX")
source "$ROOT/scripts/e2e-lib.sh"
make_xdg_dirs
PASSED=0
FAILED=0
trap 'stop_tmux; rm -rf "$OUT"' EXIT

# The demo with its first data in: positions, orders, P&L and the Flex history (a few seconds after start).
demo_with_data() {
  wait_for 'Positions \([1-9][0-9]*\)' 20 && wait_for '(BUY|SELL) +[0-9]+ ' 30 && wait_for 'P&L ●' 40 &&
    wait_for 'NAV .* · [0-9]+d' 30
}

# shot NAME REGEX DESCRIPTION: waits for what the scene is about, then captures (and renders) the pane.
shot() {
  local name=$1 marker=$2 what=$3
  if ! wait_for "$marker" 10; then
    FAILED=$((FAILED + 1))
    echo "FAIL $name: $what (no /$marker/ on screen)"
    screen >"$DEST/$name.failed.txt"
    return
  fi
  # Two identical captures in a row: the frame is complete, not caught halfway through a redraw.
  local previous= current
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    current=$(screen -e -N)
    [ "$current" = "$previous" ] && break
    previous=$current
    sleep 0.1
  done
  printf '%s\n' "$current" >"$DEST/$name.ansi"
  local size
  size=$("${T[@]}" display-message -p -t "$S" '#{pane_width} #{pane_height}')
  if [ "$PNG" = 1 ]; then
    if ! python3 "$ROOT/scripts/ansi2png.py" "$DEST/$name.ansi" "$DEST/$name.png" --cols "${size% *}" \
      --rows "${size#* }" "${RENDER_ARGS[@]}"; then
      FAILED=$((FAILED + 1))
      echo "FAIL $name: $what (ansi2png.py failed)"
      return
    fi
    [ "$DEST" = "$ROOT/screenshots" ] && rm -f "$DEST/$name.ansi"
  fi
  PASSED=$((PASSED + 1))
  echo "ok $name: $what (${size/ /×})"
}

# Extra options of ansi2png.py for the scenes that follow.
RENDER_ARGS=()

# The default theme: main view wide and narrow, the details, history and help, from one demo run.
APP_ARGS=(--demo)
start shots 160 45 tmux-256color E2E=1
if demo_with_data; then
  shot main-wide 'Alerts \(' "all accounts: positions, P&L with the NAV sparkline, orders, alerts"
  keys Enter
  shot position-detail 'Open lots' "one position: contract, quantities, lots and trades from Flex"
  keys Escape
  wait_for 'Positions \(' 5
  keys BTab Right Enter
  shot account-detail 'Ledger by currency' "one account: balances, margin, look-ahead, ledger by currency"
  keys Escape
  wait_for 'Positions \(' 5
  keys H
  shot history 'Trades \([0-9]+\)' "history: the NAV chart and trades from the Flex statement"
  keys Escape 0
  wait_for 'Positions \(' 5
  keys '?'
  shot help 'Show or hide this help' "the keys, over the main view"
  keys Escape
  wait_gone 'Show or hide this help' 5
  "${T[@]}" resize-window -t "$S" -x 70 -y 40
  shot main-narrow '^[╰└]─{68}[╯┘]$' "a narrow tmux split: the panes stacked, fewer columns"
else
  FAILED=$((FAILED + 6))
  echo "FAIL the demo showed no data (main-wide, position-detail, account-detail, history, help, main-narrow)"
fi

# The whole server goes, not just the session: killing a server's last session makes it exit on its own, and a
# new-session sent while it is exiting fails with "server exited unexpectedly". The next scene starts a fresh one.
stop_tmux

# theme_shot NAME VAR=VALUE REGEX DESCRIPTION: one scene of its own demo run, the main view in another theme.
theme_shot() {
  start "$1" 160 45 tmux-256color "$2"
  if demo_with_data; then
    shot "$1" "$3" "$4"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL $1: the demo showed no data"
  fi
  stop_tmux
}

# The light theme is meant for a terminal with a light background, and is rendered on one.
APP_ARGS=(--demo --theme light)
RENDER_ARGS=(--light)
theme_shot theme-light E2E=1 'Alerts \(' "the light theme"
APP_ARGS=(--demo)
RENDER_ARGS=()
theme_shot theme-mono NO_COLOR=1 '^┌─' "NO_COLOR=1: the mono theme, glyphs and attributes only"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
