#!/usr/bin/env bash
# Crash safety of `desk ... -i FILE`: start a rewrite of a few-MB ticket file, kill -9 it at a
# random moment, and check that FILE is byte-identical to either the old or the new version
# (never torn); then a following run must succeed and, when the killed run left a named
# temporary file (rare: desk writes to a nameless O_TMPFILE and names it just before the
# rename), say on stderr that it removed it. At the end no temporary file may remain. A shorter
# second phase kills single-ticket appends (-a) the same way.
#
# Usage: scripts/crash-test.sh [TRIALS]        (default 50)
# DESK names the binary (default: desk on PATH, else .build/debug/desk); CRASH_TICKETS the
# number of tickets in the file (default 4000, about 4 MB).
# Prints one line per outcome class and `crash-test: ok` on success; exits 1 on a violation.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
trials=${1:-50}
desk=${DESK:-$(command -v desk || echo "$root/.build/debug/desk")}
tickets=${CRASH_TICKETS:-4000}
work=$(mktemp -d "${TMPDIR:-/tmp}/desk-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/ref"
file=$work/tickets.ndjson
ref=$work/ref/tickets.ndjson
export DESK_NOW=2026-10-20T02:00:00Z DESK_AGENT=agent.crash DESK_LOCK_TIMEOUT=10

# Every trial reopens its own resolved ticket, so each run changes the file.
python3 - "$tickets" "$trials" > "$file" <<'EOF'
import sys
n, trials = int(sys.argv[1]), int(sys.argv[2])
pad = "工单内容 " * 90
for i in range(max(n, trials)):
    status = "resolved" if i < trials else "open"
    print('{"id":"CT-%05d","opened_at":"2026-10-14T01:30:00Z","channel":"email","status":"%s",'
          '"title":"crash test %d","description":"%s","x_big":1e400}' % (i, status, i, pad))
EOF
chmod 640 "$file"

hash() { sha256sum < "$1" | cut -d' ' -f1; }
nanos() { date +%s%N; }
temps() { find "$work" -maxdepth 1 -name '.tickets.ndjson.desk-tmp.*' | wc -l; }
fail() { echo "crash-test: FAIL (trial $t): $*" >&2; exit 1; }

old_kept=0 new_done=0 temp_left=0 notes=0
printf 'crash-test: %s trials on %s bytes with %s\n' "$trials" "$(wc -c < "$file")" "$desk"
for ((t = 0; t < trials; t++)); do
    id=$(printf 'CT-%05d' "$t")
    cmd=("$desk" open --reopen --id "$id" --reason "crash trial $t")
    old=$(hash "$file")
    # The version a complete run would write, made on a copy; its duration sets the kill window.
    cp -p "$file" "$ref"
    start=$(nanos)
    err=$("${cmd[@]}" -i "$ref" 2>&1 >/dev/null) || fail "reference run failed: $err"
    took=$(( ($(nanos) - start) / 1000 ))               # microseconds
    new=$(hash "$ref")
    [ "$new" != "$old" ] || fail "the reference run changed nothing"

    "${cmd[@]}" -i "$file" 2>/dev/null & pid=$!
    delay=$(( RANDOM * RANDOM % (took * 12 / 10 + 1) ))  # 0 .. 1.2 x a full run
    sleep "$((delay / 1000000)).$(printf '%06d' $((delay % 1000000)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true

    now=$(hash "$file")
    if [ "$now" = "$old" ]; then
        old_kept=$((old_kept + 1))
    elif [ "$now" = "$new" ]; then
        new_done=$((new_done + 1))
    else
        fail "file is neither the old nor the new version (torn write)"
    fi
    [ "$(stat -c %a "$file")" = 640 ] || fail "mode changed to $(stat -c %a "$file")"

    # A following run succeeds and cleans up what the killed one left.
    left=$(temps)
    err=$("$desk" open --id "AFTER-$t" --channel web --title "after trial $t" -i "$file" 2>&1 >/dev/null) \
        || fail "the following run failed: $err"
    if [ "$left" -gt 0 ]; then
        temp_left=$((temp_left + 1))
        grep -q 'left by an interrupted desk run' <<<"$err" || fail "no note about the stale temporary file: $err"
        notes=$((notes + 1))
    fi
    [ "$(temps)" -eq 0 ] || fail "temporary files remain after the following run"
    "$desk" show "$file" > /dev/null || fail "the file no longer parses"
done

# Appends (-a) of one ticket, killed the same way: FILE must be the old one or the old one
# plus exactly the new line. (An append is not a rename; see docs/GUARANTEES.md.)
append_trials=$(( (trials + 3) / 4 ))
app_old=0 app_new=0
for ((t = 0; t < append_trials; t++)); do
    cmd=("$desk" open --id "APP-$t" --channel chat --title "append trial $t")
    old=$(hash "$file")
    cp -p "$file" "$ref"
    start=$(nanos)
    err=$("${cmd[@]}" -a "$ref" 2>&1 >/dev/null) || fail "reference append failed: $err"
    took=$(( ($(nanos) - start) / 1000 ))
    new=$(hash "$ref")
    "${cmd[@]}" -a "$file" >/dev/null 2>&1 & pid=$!
    delay=$(( RANDOM * RANDOM % (took * 12 / 10 + 1) ))
    sleep "$((delay / 1000000)).$(printf '%06d' $((delay % 1000000)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    now=$(hash "$file")
    if [ "$now" = "$old" ]; then app_old=$((app_old + 1))
    elif [ "$now" = "$new" ]; then app_new=$((app_new + 1))
    else fail "appended file is neither the old nor the new version"; fi
done

[ "$(temps)" -eq 0 ] || fail "temporary files remain at the end"
count=$("$desk" show "$file" | wc -l)
[ "$count" -eq "$(( $(python3 -c "print(max($tickets, $trials))") + trials + app_new ))" ] || fail "ticket count is $count"
echo "crash-test: killed before the rename (old version kept): $old_kept"
echo "crash-test: finished before the kill (new version): $new_done"
echo "crash-test: temporary file left by the kill and removed by the next run (with a note): $temp_left"
echo "crash-test: appends killed: $append_trials (old file: $app_old, old file plus the new line: $app_new)"
echo "crash-test: ok"
