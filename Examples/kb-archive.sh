#!/usr/bin/env bash
# Archive last month's resolved tickets as knowledge-base drafts, for cron on the 1st (seed 000
# 三(三)1 问题归档: 定期整理常见问题及解决方案，更新至知识库; seed 002 2.6.2). Tickets an article
# already cites are skipped, so a second run adds nothing. Prints the new drafts' ids, then the
# drafts still waiting for an editor (publish refuses them until the template is filled).
#
# Usage: kb-archive.sh [--now RFC3339] --kb KB.ndjson TICKETS.ndjson
#   --now   the current time (default: $DESK_NOW, else the system clock); drafts the calendar
#           month before it, in UTC+8 (the policy's Asia/Shanghai zone)
#   --kb    the knowledge base file (created when missing)
# crontab: 0 2 1 * *  cd /srv/desk && Examples/kb-archive.sh --kb kb.ndjson tickets.ndjson >>logs/kb.log 2>&1
set -euo pipefail

now="${DESK_NOW:-}"
kb=""
while [ $# -gt 0 ]; do
  case "$1" in
    --now) now="${2:?--now needs a time}"; shift 2 ;;
    --kb) kb="${2:?--kb needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) echo "kb-archive: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] && [ -n "$kb" ] || { echo "kb-archive: expected --kb FILE and one tickets file" >&2; exit 2; }
tickets="$1"
[ -n "$now" ] || now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

# The local (UTC+8) year and month of "now", then the month before it.
local_ym="$(TZ=UTC date -u -d "@$(( $(TZ=UTC date -u -d "$now" +%s) + 8 * 3600 ))" +%Y-%m)" || {
  echo "kb-archive: --now is not a time: $now" >&2; exit 2; }
year="${local_ym%-*}"; month="${local_ym#*-}"
month=$((10#$month - 1)); if [ "$month" -eq 0 ]; then month=12; year=$((year - 1)); fi
period="$(printf '%04d-%02d' "$year" "$month")"

echo "drafted from tickets resolved in $period:"
desk kb draft --resolved-in "$period" --kb "$kb" --now "$now" "$tickets" | sed -n 's/^{"id":"\([^"]*\)".*/  \1/p'
echo "drafts waiting for an editor: $(grep -c '"status":"draft"' "$kb" || true)"
