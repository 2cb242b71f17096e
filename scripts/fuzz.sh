#!/usr/bin/env bash
# Fuzzes the two parsers of what ibdash reads from the network with libFuzzer (Fuzz/README.md):
#   flex         a Flex Web Service body: classify, statement parser, `flex parse` output, history mapping
#   clientportal a Client Portal answer: JSON parser, every wire model and its mapping
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   # default 60 seconds each, both targets, one after the other
#
# Builds Fuzz/ in release mode with the fuzzer and address sanitizers (and Swift's debug preconditions, so an
# out-of-range index into a buffer traps even inside the document's memory), then runs each target for SECONDS
# on a fresh copy of its seed corpus: the test fixtures, the inputs of earlier findings, and for Flex a few
# small generated statements. Tokens the parsers look up by hash (element, attribute and JSON key names) are
# taken from the sources into a dictionary, since libFuzzer cannot see through a hash. Prints executions per
# second and whether anything was found; a finding (crash, timeout, leak, out of memory) is kept in
# Fuzz/findings/TARGET/ and makes the script exit 1. FUZZ_JOBS=2 runs the targets side by side;
# FUZZ_SKIP_BUILD=1 runs the fuzzers as last built.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(flex clientportal)
for target in "${targets[@]}"; do
  case $target in
    flex | clientportal) ;;
    *) echo "unknown target $target (flex, clientportal)" >&2; exit 2 ;;
  esac
done

# SwiftPM knows a path dependency by its folder's name, so in a checkout whose folder is itself named `fuzz`
# the root package and this one's folder `Fuzz` clash; build from a copy of the sources elsewhere then.
package=Fuzz
if [ "$(basename "$PWD" | tr '[:upper:]' '[:lower:]')" = fuzz ]; then
  mirror=${FUZZ_MIRROR:-${TMPDIR:-/tmp}/ibdash-fuzz-mirror}/ibdash
  mkdir -p "$mirror/Fuzz"
  # Only what changed is copied, so that the copy's unchanged files keep their identity and the build stays
  # incremental; files gone from the checkout are removed from the copy.
  cp -R -p -u Package.swift Sources Tests "$mirror/"
  cp -R -p -u Fuzz/Package.swift Fuzz/Sources "$mirror/Fuzz/"
  (cd "$mirror" && find Sources Tests Fuzz/Sources -type f) | while read -r file; do
    [ -e "$file" ] || rm -f "$mirror/$file"
  done
  package=$mirror/Fuzz
  echo "building from a copy in $mirror (this checkout's folder is named fuzz)" >&2
fi

build=(swift build -c release --package-path "$package" --sanitize fuzzer --sanitize address -Xswiftc -assert-config -Xswiftc Debug)
if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  echo "building: ${build[*]}" >&2
  "${build[@]}" >&2
fi
bin=$("${build[@]}" --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Words in double quotes in the given sources that look like names, one dictionary entry each, in the form
# `form` (a printf format).
dictionary_from() {
  local form=$1
  shift
  grep -oh '"[A-Za-z0-9_][A-Za-z0-9_./-]*"' "$@" | tr -d '"' | sort -u | while read -r word; do
    # shellcheck disable=SC2059
    printf "$form\n" "$word"
  done
}

# `find` over the folders given first that exist (the findings folders come with the first finding).
seed_files() {
  local folders=()
  while [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; do
    [ -d "$1" ] && folders+=("$1")
    shift
  done
  find "${folders[@]}" "$@"
}

prepare_flex() {
  local corpus=$1 dict=$2 generator=Tests/IBKRTests/Fixtures/flex/generate_statement.py
  seed_files Tests/IBKRTests/Fixtures/flex Tests/IBKRTests/Fixtures/fuzz/flex -name '*.xml' -size -32k \
    -exec cp {} "$corpus/" \;
  # Small statements in the other date and time formats, with lots, and one with more than the 64 rows
  # after which the parser sizes a section's list.
  local n=0
  generate() {
    n=$((n + 1))
    python3 "$generator" --accounts 1 --positions 1 --days 2 --profile minimal --no-corporate-actions "$@" \
      > "$corpus/generated-$n.xml"
  }
  generate --trades 2 --seed 1
  generate --trades 3 --seed 2 --accounts 2 --lots --closed-lots --date-format dd/MM/yyyy --time-format HH:mm:ss --separator ,
  generate --trades 3 --seed 3 --date-format MM/dd/yy --base-currency EUR
  generate --trades 3 --seed 4 --date-format dd-MMM-yy --separator ' '
  generate --trades 3 --seed 5 --date-format yyyy-MM-dd --profile full
  generate --trades 70 --seed 6 --days 1
  {
    dictionary_from '"%s"' Sources/IBKR/Flex/*.swift
    printf '%s\n' '"<FlexQueryResponse "' '"<FlexStatementResponse"' '"</"' '"/>"' '"=\""' "\"='\"" \
      '"<!--"' '"-->"' '"<![CDATA["' '"]]>"' '"<!DOCTYPE "' '"<?xml version=\"1.0\"?>"' '"&amp;"' '"&#x"' \
      '"&#"' '"\xef\xbb\xbf"' '"20261030;093015"' '"10/30/2026"' '"30/10/26"' '"30-Oct-26"' '"2026-10-30T09:30:15"' \
      '"MULTI"' '"N/A"' '" EDT"' '"-04:00"' '"1,234.50"'
  } > "$dict"
}

prepare_clientportal() {
  local corpus=$1 dict=$2
  seed_files Tests/IBKRTests/Fixtures/clientportal Tests/IBKRTests/Fixtures/fuzz/clientportal -name '*.json' \
    -exec cp {} "$corpus/" \;
  {
    dictionary_from '"\\"%s\\":"' Sources/IBKR/ClientPortal/Wire/*.swift Sources/IBKR/ClientPortal/Mapping/*.swift
    printf '%s\n' '"\\u"' '"\\ud83d\\ude00"' '"1e308"' '"-0.0"' '"\"1,300\""' '"\"C187.12\""' '"\"H1.5\""' \
      '"\"+2.13%\""' '"\"null\""' '"\"20250819-13:55:12\""' '"\xef\xbb\xbf"' '"{\"error\":"' '"\"U1234567.Core\""' '"true"' '"null"'
  } > "$dict"
}

# Options per target: binary, longest input, seconds before an input counts as a hang.
options() {
  case $1 in
    flex) echo "FlexBodyFuzzer 32768 10" ;;
    clientportal) echo "ClientPortalFuzzer 8192 10" ;;
  esac
}

run_target() {
  local target=$1 binary max_len timeout
  read -r binary max_len timeout < <(options "$target")
  local corpus="$work/$target-corpus" dict="$work/$target.dict" log="$work/$target.log"
  local findings="Fuzz/findings/$target"
  mkdir -p "$corpus" "$findings"
  "prepare_$target" "$corpus" "$dict"
  local seeds
  seeds=$(find "$corpus" -type f | wc -l)
  echo "fuzzing $target for ${seconds}s: $seeds seeds, -max_len=$max_len -timeout=$timeout" >&2
  local status=0
  # Leaks are checked once the run ends and for every input that looks like one (libFuzzer's own check).
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$bin/$binary" "$corpus" -dict="$dict" -max_len="$max_len" \
    -timeout="$timeout" -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$findings/" > "$log" 2>&1 || status=$?
  local runs rate slowest rss cov
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' "$log" | tail -n 1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9a-zA-Z]*' "$log" | tail -n 1 || true)
  local found
  found=$(grep -ho "Test unit written to .*" "$log" | sed 's/Test unit written to //' || true)
  if [ "$status" -eq 0 ] && [ -z "$found" ]; then
    echo "$target: ${runs:-?} executions in ${seconds}s, ${rate:-?}/s; slowest input ${slowest:-?} s; peak RSS ${rss:-?} MB; $cov; nothing found"
  else
    echo "$target: ${runs:-?} executions, ${rate:-?}/s; $cov; FOUND (exit $status): ${found:-see the log below}"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*error: )" "$log" | head -n 5 || true
    cp "$log" "$findings/last-run.log"
    echo "log: $findings/last-run.log"
    return 1
  fi
}

failed=0
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
  pids=()
  for target in "${targets[@]}"; do
    run_target "$target" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
else
  for target in "${targets[@]}"; do run_target "$target" || failed=1; done
fi
exit "$failed"
