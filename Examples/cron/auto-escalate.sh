#!/usr/bin/env bash
# Escalates every ticket whose escalation trigger fired (time limit, customer request,
# complexity; seed 000 四(一)2), rewriting the ticket file in place under its lock.
# Meant for cron, every five minutes:
#   */5 * * * * TICKETS=/srv/desk/tickets.ndjson DESK_AGENT=desk.cron /path/to/auto-escalate.sh
# Each escalation is reported on stderr, which cron mails to the job's owner.
set -euo pipefail
: "${TICKETS:?set TICKETS to the ticket file}"
desk escalate --auto -i "$TICKETS"
