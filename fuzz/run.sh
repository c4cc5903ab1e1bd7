#!/usr/bin/env bash
# Fuzzes with libFuzzer for a bounded time: the JSON parser and ticket decoder (target
# `ticket`, the default), or the command line and environment (target `arguments`,
# fuzz/FuzzArguments.swift, seeds in fuzz/seeds-arguments/).
# Usage: fuzz/run.sh [SECONDS] [ticket|arguments]   (default 600 ticket)
# The seed corpus is built from the JSONTestSuite, the Examples and fuzz/seeds/ (hostile
# tickets: huge numbers, duplicate keys, escapes, BOM and CRLF); findings land in
# fuzz/findings/ (crash-*, timeout-*), and the run's summary is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
target=${2:-ticket}
if [ "$target" = arguments ]; then
    out=.build/fuzz-arguments
    mkdir -p "$out/corpus" fuzz/findings
    cp fuzz/seeds-arguments/* "$out/corpus/"
    swiftc -O -swift-version 6 -sanitize=fuzzer,address -parse-as-library -module-name DeskKit \
      $(find Sources/DeskKit -name '*.swift' | sort) fuzz/FuzzArguments.swift -o "$out/fuzz-arguments"
    status=0
    # Absolute paths: the target works in its own scratch folder (it chdirs there).
    "$out/fuzz-arguments" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=4096 \
      -artifact_prefix="$PWD/fuzz/findings/arguments-" "$PWD/$out/corpus" > "$out/last-run.log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|ERROR|SUMMARY|Test unit written' "$out/last-run.log" || true
    echo "findings in fuzz/findings/: $(find fuzz/findings -type f | wc -l)"
    exit $status
fi
out=.build/fuzz
mkdir -p "$out/corpus" fuzz/findings
cp ../shared/conformance/JSONTestSuite/test_parsing/*.json "$out/corpus/" 2>/dev/null || true
split -l 1 -d -a 4 Examples/tickets.ndjson "$out/corpus/example-"
cp Examples/*.json "$out/corpus/" 2>/dev/null || true
cp fuzz/seeds/* "$out/corpus/"
swiftc -O -swift-version 6 -sanitize=fuzzer,address -parse-as-library -module-name DeskKit \
  $(find Sources/DeskKit -name '*.swift' | sort) fuzz/FuzzTicket.swift -o "$out/fuzz-ticket"
# The whole log is kept in $out/last-run.log; the summary shows coverage at start and end,
# the number of runs, and any finding.
status=0
"$out/fuzz-ticket" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix=fuzz/findings/ "$out/corpus" > "$out/last-run.log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|ERROR|SUMMARY|Test unit written' "$out/last-run.log" || true
echo "findings in fuzz/findings/: $(find fuzz/findings -type f | wc -l)"
exit $status
