#!/usr/bin/env bash
# show's filters against an unfiltered show (bench/filters.py), on the benchmark's data; builds
# desk as bench/run.sh does. Usage: bench/run-filters.sh [--quick] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib -Xswiftc -static-executable 2>&1 | tail -1 >&2
exec python3 bench/filters.py --desk .build/release/desk "$@"
