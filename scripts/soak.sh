#!/usr/bin/env bash
# The fault soak: the dashboard in a private tmux session against `ibdash sim --tls` (3 accounts, free ports,
# private XDG directories), with faults cycling — 5xx, 429 bursts, 15 s latency, truncated and malformed JSON,
# auth lost, a competing login, the gateway down and back, Flex 1012 (then a valid token again), Flex 1019 for
# long, Flex 1018. It checks that the process stays up with an intact screen, that the simulator counts no pacing
# violation, that every fault class shows in the alert log once per episode, that the last good numbers stay on
# screen marked stale, that every dataset is live again within two cadences of the last fault, and that resident
# memory grows less than 10 % after the warm-up.
# Usage: scripts/soak.sh [MINUTES]   (default 10; 3 is the shortest run that still has every fault)
# The Markdown report goes to soak-report.md (or $SOAK_REPORT); exit status 0 only when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:-10}
report=${SOAK_REPORT:-soak-report.md}
command -v tmux >/dev/null || { echo "soak: tmux is needed" >&2; exit 2; }

swift build --product ibdash
binary="$(swift build --show-bin-path)/ibdash"
exec python3 scripts/soak/soak.py --binary "$binary" --minutes "$minutes" --report "$report"
