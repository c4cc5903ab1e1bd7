#!/usr/bin/env bash
# desk's benchmark: desk beside jq and Miller on the same generated files, in one run.
# Usage: bench/run.sh [--quick] [--runs N]
#   --quick   only the 100k-ticket file (the 1M file takes ~1 min to generate, ~1.3 GB)
# Generates data with ../shared/bench/gen_tickets.py (fixed seeds) into bench/data/ unless
# present, builds desk as the README does (release, fully static), and writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in jq mlr python3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: installing jq, miller and time" >&2; apt-get install -y -qq jq miller time >/dev/null; break; }
done
swift build -c release --static-swift-stdlib -Xswiftc -static-executable 2>&1 | tail -1 >&2
exec python3 bench/bench.py --desk .build/release/desk "$@"
