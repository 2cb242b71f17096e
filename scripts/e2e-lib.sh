# Shell helpers shared by scripts/e2e.sh and scripts/screenshots.sh (sourced, not run): a private tmux server,
# ibdash started in its panes through e2e-pane.sh, and polling the screen against a deadline.
# The sourcing script sets BIN (the ibdash binary) and OUT (a private directory) first.

TMUX_NAME="ibdash-$(basename "$0" .sh)-$$"
T=(tmux -L "$TMUX_NAME" -f /dev/null)
PANE_SH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/e2e-pane.sh"
# The session the helpers look at, and the arguments ibdash is started with.
S=
APP_ARGS=()

# The XDG directories under OUT that the panes use (see e2e-pane.sh), for commands run beside them.
make_xdg_dirs() { mkdir -p -m 700 "$OUT/run" "$OUT/state" "$OUT/cache" "$OUT/config"; }
XDG_ENV=(env XDG_RUNTIME_DIR="$OUT/run" XDG_STATE_HOME="$OUT/state" XDG_CACHE_HOME="$OUT/cache"
  XDG_CONFIG_HOME="$OUT/config")

# Ends the private tmux server (its panes get SIGHUP) and removes the socket file it leaves behind.
stop_tmux() {
  "${T[@]}" kill-server >/dev/null 2>&1
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_NAME"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# The pane's text (-e: with its SGR codes; -N: with trailing blanks).
screen() { "${T[@]}" capture-pane -p -t "$S" "$@" 2>/dev/null; }

# poll SECONDS COMMAND...: runs COMMAND every POLL_INTERVAL seconds (default 0.1) until it succeeds (0) or the
# deadline passes (1). The one way these scripts wait: never a fixed sleep. Each look at the screen starts a tmux
# client and a grep, so a longer interval (the Swift test uses 0.25) leaves more CPU to whatever runs beside.
poll() {
  local deadline=$(($(now_ms) + $1 * 1000))
  shift
  until "$@"; do
    (($(now_ms) < deadline)) || return 1
    sleep "${POLL_INTERVAL:-0.1}"
  done
}

screen_has() { screen | grep -qE -- "$1"; }
screen_lacks() { ! screen_has "$1"; }

# wait_for REGEX [SECONDS]: until a line of the screen matches.
wait_for() { poll "${2:-5}" screen_has "$1"; }

# wait_gone REGEX [SECONDS]: until no line of the screen matches.
wait_gone() { poll "${2:-5}" screen_lacks "$1"; }

# The pane's command: ibdash APP_ARGS with a pinned environment. pane_command TERM VAR=VALUE
pane_command() {
  local quoted
  printf -v quoted '%q ' sh "$PANE_SH" "$OUT" "$1" "$2" "$BIN" "${APP_ARGS[@]}"
  echo "$quoted"
}

# start SESSION COLS ROWS TERM VAR=VALUE: a new session whose pane runs ibdash APP_ARGS; the helpers now look at it.
start() {
  S=$1
  rm -f "$OUT/app.pid"
  "${T[@]}" new-session -d -s "$S" -x "$2" -y "$3" "$(pane_command "$4" "$5")"
}

# restart TERM VAR=VALUE: ibdash started again in the current session.
restart() {
  rm -f "$OUT/app.pid"
  "${T[@]}" respawn-pane -k -t "$S" "$(pane_command "$1" "$2")"
}

keys() { "${T[@]}" send-keys -t "$S" "$@"; }
