#!/usr/bin/env bash
# Knowledge-base benchmark: kb search and similar over 10k articles + 100k resolved tickets.
# Usage: bench/kb.sh [--runs N]   (data generated once into bench/data/kb/, seeded)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release 2>&1 | tail -1 >&2
{
  echo "# desk knowledge-base benchmark"
  echo
  echo "$(date -u +%Y-%m-%d) on $(hostname) ($(nproc) cores, $(uname -m)); command: \`bench/kb.sh $*\`; each run a fresh desk process (start-up, index load, freshness check with a hash of every source, query, output)."
  echo
  python3 bench/kb_bench.py --desk .build/release/desk "$@"
} > bench/KB-RESULTS.md
cat bench/KB-RESULTS.md
