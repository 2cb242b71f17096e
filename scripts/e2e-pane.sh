#!/bin/sh
# Runs ibdash inside a tmux pane for scripts/e2e.sh and scripts/screenshots.sh.
#
# usage: e2e-pane.sh DIR TERM VAR=VALUE BINARY [ARGUMENT...]
#
# A pane inherits the environment of whoever started the tmux server (`swift test` exports NO_COLOR=1), so the
# app's environment is pinned here: TERM, LC_ALL, no NO_COLOR unless VAR=VALUE sets it, no interactive Swift
# backtracer (it would wait 30 s in the pane after a crash), and every XDG directory under DIR so that a test never
# touches the user's status socket, log, cache or configuration.
# Writes DIR/app.pid (the app's own PID: exec keeps it, so a test signals exactly that process) and DIR/app.err
# (its stderr: anything printed there while curses runs would garble the screen). When the app has ended it prints
# EXIT=<status> and STTY=<icanon and echo as the terminal is left>, then waits to be killed with the pane.
dir=$1 term=$2 extra=$3
shift 3
# Ctrl-C reaches this shell too: a handler (not an ignore, which the app would inherit) keeps it alive to report.
trap : INT
sh -c 'echo $$ > "$0.new" && mv "$0.new" "$0" && exec "$@"' "$dir/app.pid" \
  env -u NO_COLOR LC_ALL=C.UTF-8 TERM="$term" SWIFT_BACKTRACE=interactive=no \
  XDG_RUNTIME_DIR="$dir/run" XDG_STATE_HOME="$dir/state" XDG_CACHE_HOME="$dir/cache" XDG_CONFIG_HOME="$dir/config" \
  "$extra" "$@" 2>"$dir/app.err"
echo "EXIT=$?"
echo "STTY=$(stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' ')"
exec sleep 3600
