#!/usr/bin/env bash
# desk's benchmark: desk beside DuckDB, polars, jq and Miller on the same generated files, in one run.
# Usage: bench/run.sh [--quick] [--runs N] [--threads N]
#   --quick   only the 100k-ticket file (the 1M and 3M files take minutes to generate, 1.3 and 4 GB)
# Generates data with ../shared/bench/gen_tickets.py (fixed seeds) into bench/data/ unless
# present; installs DuckDB and polars into the benchmark's own Python environment (bench/.venv,
# versions pinned in bench/requirements.txt); builds desk as the README does (release, fully
# static), and writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in jq mlr python3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: installing jq, miller and time" >&2; { apt-get update -qq && apt-get install -y -qq jq miller time python3-venv; } >/dev/null; break; }
done
if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c 'import duckdb, polars' 2>/dev/null; then
  echo "bench: installing DuckDB and polars into bench/.venv" >&2
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q -r bench/requirements.txt
fi
swift build -c release --static-swift-stdlib -Xswiftc -static-executable 2>&1 | tail -1 >&2
exec python3 bench/bench.py --desk .build/release/desk --python bench/.venv/bin/python "$@"
