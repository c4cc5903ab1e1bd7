#!/usr/bin/env bash
# The Spark check (.ci/run runs it before the unit tests): Examples/spark/report.py in Spark local
# mode over 200,000 generated tickets in 8 input partitions plus an empty one must write the
# report byte for byte as one `desk report` over the same file, as html and (from the merged
# partial) as json; and a bad line must fail the job, named by its partition-local line under
# --label. Needs Java (17+) and PySpark; without them it prints SKIPPED and the reason, exit 0.
# Usage: Examples/spark/check.sh [DESK_BINARY]   (default: the debug build of this checkout)
set -euo pipefail
cd "$(dirname "$0")/../.."

skip() { echo "SKIPPED spark check: $*"; exit 0; }
command -v java >/dev/null 2>&1 || skip "no Java runtime (apt-get install openjdk-17-jre-headless)"
python3 -c 'import pyspark' 2>/dev/null || skip "PySpark is not installed (pip install pyspark)"
[ -f ../shared/bench/gen_tickets.py ] || skip "../shared/bench/gen_tickets.py is missing"

desk=${1:-$(swift build --show-bin-path)/desk}
[ -x "$desk" ] || swift build
desk=$(cd "$(dirname "$desk")" && pwd)/$(basename "$desk")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
policy=Examples/policy-cn-2026.json
opts=(--policy "$policy" --month 2026-06 --now 2026-12-01T00:00:00Z --by owner --by channel)

python3 ../shared/bench/gen_tickets.py -n 200000 --seed 7 -o "$work/tickets.ndjson"
python3 Examples/spark/report.py --desk "$desk" "${opts[@]}" --partitions 8 --empty-partitions 1 --show-partitions \
  --format html --out "$work/spark.html" --save-partial "$work/spark.partial" "$work/tickets.ndjson" 2> "$work/spark.log" \
  || { tail -40 "$work/spark.log"; echo "FAIL: the Spark job failed"; exit 1; }
sizes=$(grep -o 'lines per partition: .*' "$work/spark.log")
echo "spark: $sizes"
count=$(echo "$sizes" | tr -cd ',' | wc -c)
[ "$count" -ge 8 ] || { echo "FAIL: fewer than 9 partitions"; exit 1; }
echo "$sizes" | grep -Eq '[[ ]0[],]' || { echo "FAIL: no empty partition"; exit 1; }

"$desk" report "${opts[@]}" --format html "$work/tickets.ndjson" > "$work/single.html"
cmp "$work/single.html" "$work/spark.html" || { echo "FAIL: the Spark html report differs from the single pass"; exit 1; }
"$desk" report "${opts[@]}" --format json "$work/tickets.ndjson" > "$work/single.json"
"$desk" report --merge --policy "$policy" --format json "$work/spark.partial" > "$work/spark.json"
cmp "$work/single.json" "$work/spark.json" || { echo "FAIL: the Spark json report differs from the single pass"; exit 1; }
echo "spark: html and json byte-identical to the single pass ($(wc -c < "$work/spark.partial") byte merged partial)"

# A bad line fails the job (checkCode=True), and desk names it by its line in its partition.
{ head -n 500 "$work/tickets.ndjson"; echo '{"id":"broken"'; } > "$work/bad.ndjson"
if python3 Examples/spark/report.py --desk "$desk" "${opts[@]}" --partitions 1 --format json \
  --out "$work/bad.json" "$work/bad.ndjson" > "$work/bad.log" 2>&1; then
  echo "FAIL: the Spark job accepted a bad line"; exit 1
fi
grep -q 'spark-partition:501:' "$work/bad.log" || { tail -30 "$work/bad.log"; echo "FAIL: no 'spark-partition:501:' in the failed job's output"; exit 1; }
echo "spark: a bad line fails the job: $(grep -o 'spark-partition:501:[^"]*' "$work/bad.log" | head -1)"
echo "spark check: ok"
