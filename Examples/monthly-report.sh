#!/usr/bin/env bash
# Monthly feedback report for cron: writes reports/YYYY-MM.html and reports/YYYY-MM.json for the
# month before "now" (seed 000 §四.(二).2: 定期(如每月)汇总分析反馈数据).
#
# Usage: monthly-report.sh [--now RFC3339] [--out DIR] TICKETS.ndjson
#   --now   the current time (default: $DESK_NOW, else the system clock); the report covers the
#           calendar month before it, in UTC+8 (the policy's Asia/Shanghai zone)
#   --out   output folder (default: reports)
# Exit status: desk's (0 ok, 2 usage, 3 bad input, 4 I/O); files appear only when both succeed.
# crontab: 30 1 1 * *  cd /srv/desk && Examples/monthly-report.sh tickets.ndjson >>logs/report.log 2>&1
set -euo pipefail

now="${DESK_NOW:-}"
out="reports"
while [ $# -gt 0 ]; do
  case "$1" in
    --now) now="${2:?--now needs a time}"; shift 2 ;;
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) echo "monthly-report: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "monthly-report: expected one tickets file" >&2; exit 2; }
tickets="$1"
[ -n "$now" ] || now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# The local (UTC+8) year and month of "now", without depending on TZ or GNU date arithmetic.
local_ym="$(TZ=UTC date -u -d "@$(( $(TZ=UTC date -u -d "$now" +%s) + 8 * 3600 ))" +%Y-%m)" || {
  echo "monthly-report: --now is not a time: $now" >&2; exit 2; }
year="${local_ym%-*}"; month="${local_ym#*-}"
month=$((10#$month - 1)); if [ "$month" -eq 0 ]; then month=12; year=$((year - 1)); fi
period="$(printf '%04d-%02d' "$year" "$month")"

mkdir -p "$out"
tmp="$(mktemp -d "$out/.report.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
desk report --month "$period" --now "$now" --trend 12 --by owner --by channel --by category --format html "$tickets" > "$tmp/$period.html"
desk report --month "$period" --now "$now" --by owner --by channel --by category --format json "$tickets" > "$tmp/$period.json"
mv -f "$tmp/$period.html" "$tmp/$period.json" "$out/"
echo "$out/$period.html"
echo "$out/$period.json"
