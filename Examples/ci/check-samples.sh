#!/usr/bin/env bash
# CI job: lint sample tickets with `desk check` and annotate the run (GitHub Actions shows
# `::error`/`::warning` lines as annotations on the files). Exits with desk's status: 0 clean,
# 1 error-level findings (with --strict: any finding), 2 usage, 3 unreadable input.
#   usage: check-samples.sh [TICKETS...]   (default: Examples/tickets.ndjson)
#   env:   DESK (the desk binary, default `desk`), DESK_POLICY, DESK_NOW, CHECK_FLAGS (e.g. --strict)
set -euo pipefail
desk="${DESK:-desk}"
here="$(cd "$(dirname "$0")" && pwd)"
if [ "$#" -eq 0 ]; then set -- "$here/../tickets.ndjson"; fi
status=0
# shellcheck disable=SC2086 # CHECK_FLAGS is a list of flags
"$desk" check --format github ${CHECK_FLAGS:-} "$@" || status=$?
exit "$status"
