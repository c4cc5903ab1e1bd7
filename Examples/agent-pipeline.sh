#!/usr/bin/env bash
# An agent's pipeline from intake to resolution, on a scratch ticket file:
# open -> classify -> reply (a taboo reply is refused) -> escalate --auto -> ack ->
# resolve (vague wording is refused) --observe -> --confirm -> survey -> check -> report.
# Usage: Examples/agent-pipeline.sh [TICKETS]   (default: a temporary file, removed at the end)
# Each step prints one line; desk's refusals go to stderr and are expected (exit 1).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
desk=${DESK:-desk}
export DESK_POLICY="$here/policy-cn-2026.json" DESK_AGENT=agent.li
if [ $# -gt 0 ]; then t=$1; else
  dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT; t=$dir/tickets.ndjson
fi
id=DK-261102-0A1B-DEMO1
step() { echo "== $*"; }
refused() { if "$@" 2>/dev/null; then echo "expected a refusal" >&2; exit 1; else [ $? -eq 1 ] && echo "   refused, as it should be"; fi; }

step "open a phone ticket (Monday 2026-11-02 09:10 Beijing time)"
$desk open --now 2026-11-02T01:10:00Z --id $id --channel phone --title "OA系统无法登录，整个财务部受影响" \
  --description "今天早上开始所有人登录OA都提示密码错误，业务中断" --requester 王伟 --phone "+86 138 0000 1234" \
  --department 财务部 --os "Windows 11" --occurred-at 2026-11-02T00:50:00Z --frequency always \
  --steps-tried "重启电脑，清除浏览器缓存" -a "$t" >/dev/null
step "classify: priority, category and SLA due times"
$desk classify --now 2026-11-02T01:11:00Z -i "$t"
$desk show --format text --now 2026-11-02T01:11:00Z "$t" | grep -E "^DK|category|due"
step "first reply; a taboo reply is refused"
$desk reply --id $id --text "您好，已收到，正在排查OA登录问题" --now 2026-11-02T01:12:00Z -i "$t"
refused $desk reply --id $id --text "我不知道" --now 2026-11-02T01:13:00Z -i "$t"
step "the five-minute cron: tier 1's 30-minute limit for high priority has passed"
$desk escalate --auto --now 2026-11-02T02:00:00Z -i "$t" 2>&1
step "tier 2 acknowledges with an ETA"
$desk escalate --ack --id $id --by agent.zhou --eta 2h --now 2026-11-02T02:10:00Z -i "$t"
step "resolve: vague wording is refused, then cause, solution and result, observed 30 minutes"
refused $desk resolve --id $id --cause "已处理" --solution "OK" --result "done" --by agent.zhou --now 2026-11-02T03:00:00Z -i "$t"
$desk resolve --id $id --cause "域控证书过期导致OA的LDAP认证失败" --solution "续签域控证书并重启OA认证服务" \
  --result "财务部全员已可正常登录，验证通过" --by agent.zhou --observe 30m --now 2026-11-02T03:00:00Z -i "$t"
$desk resolve --confirm --id $id --by agent.zhou --now 2026-11-02T03:31:00Z -i "$t"
step "survey: invite, then record the requester's answer"
$desk survey --invite --now 2026-11-02T04:00:00Z -i "$t"
token=$(grep -o '"token":"[^"]*"' "$t" | head -1 | cut -d'"' -f4)
printf '{"token":"%s","efficiency":5,"attitude":5,"effectiveness":4,"comment":"处理很快","responded_at":"2026-11-02T06:00:00Z"}\n' "$token" \
  | $desk survey --record - --now 2026-11-02T06:00:00Z -i "$t"
step "check and the final card"
$desk check --now 2026-11-03T00:00:00Z "$t"
$desk show --format text --now 2026-11-03T00:00:00Z "$t" | grep -E "^DK|escalated|cause|result|survey|history"
step "November's report, headline"
$desk report --month 2026-11 --now 2026-12-01T00:00:00Z --format text "$t" | sed -n '4,10p'
