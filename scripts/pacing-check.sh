#!/usr/bin/env bash
# The issue's long pacing checks against a real `ibdash sim` (HTTPS, 3 accounts, pacing enforced):
#   1. the client at full polling speed (many callers on every endpoint) for CLIENT_SECONDS (default 120);
#   2. the engine alone with 3 accounts for ENGINE_SECONDS (default 300) after every dataset went live.
# Both must leave the simulator with zero pacing violations; the engine run must keep every dataset live.
# Usage: scripts/pacing-check.sh [CLIENT_SECONDS] [ENGINE_SECONDS]
# The figures are the lines starting with "pacing-check:"; the simulator's own counts are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

client_seconds=${1:-120}
engine_seconds=${2:-300}

swift build --build-tests
binary="$(swift build --show-bin-path)/ibdash"
output=$(mktemp)
"$binary" sim --port 0 --control-port 0 --tls --accounts 3 --no-daily-reset >"$output" 2>&1 &
simulator=$!
cleanup() {
  kill "$simulator" 2>/dev/null || true
  wait "$simulator" 2>/dev/null || true
  rm -f "$output"
}
trap cleanup EXIT

for _ in $(seq 1 150); do
  grep -q '^Control:' "$output" && break
  kill -0 "$simulator" 2>/dev/null || { cat "$output"; echo "ibdash sim did not start" >&2; exit 1; }
  sleep 0.2
done
api=$(sed -n 's/^API: *//p' "$output")
control=$(sed -n 's/^Control: *POST *//p' "$output")
stats=$(sed -n 's/^Stats: *GET *//p' "$output")
if [ -z "$api" ] || [ -z "$control" ]; then
  cat "$output"
  echo "cannot read the simulator's addresses" >&2
  exit 1
fi
echo "ibdash sim: API $api, control $control"
export IBDASH_SIM_API="$api" IBDASH_SIM_CONTROL="$control"

status=0
IBDASH_LONG_CHECK_SECONDS="$client_seconds" swift test --skip-build \
  --filter 'PacingCheckTests/theClientAtFullSpeedStaysInsideIBKRsPacing' || status=1
IBDASH_LONG_CHECK_SECONDS="$engine_seconds" swift test --skip-build \
  --filter 'PacingCheckTests/theEngineKeepsEveryDatasetLiveWithoutPacingViolations' || status=1

echo "ibdash sim counted, over both runs:"
python3 - "$stats" <<'EOF'
import json, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as answer:
    stats = json.load(answer)
print(f"  requests {stats['totalRequests']}, pacing violations {stats['totalPacingViolations']}")
for name in ("pacingViolations", "penalized", "faults"):
    if stats[name]:
        print(f"  {name}: {stats[name]}")
EOF
exit "$status"
