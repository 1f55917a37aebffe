#!/bin/sh
# End to end: `homeward due` prints a point person's week (tasks and
# aftercare check-ins due in the seven days from a day, and what is
# overdue), one plain line each; only that person's; the week moves with
# --week; bad input (an unknown name, an impossible date, an empty name)
# is refused with a message; it writes nothing to the database.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/h.db"

fail () { echo "FAIL: $*" >&2; exit 1; }

"$HOMEWARD" demo --database "$db" >/dev/null
worker=$(sqlite3 "$db" "SELECT name FROM people WHERE role = 'caseworker' ORDER BY id LIMIT 1")
parent=$(sqlite3 "$db" "SELECT name FROM people WHERE role IN ('mother','father','parent') ORDER BY id LIMIT 1")
[ -n "$worker" ] && [ -n "$parent" ] || fail "the sample family has no caseworker or parent"
today=$(date +%F)
next_week=$(date -d '+7 days' +%F)
before=$(sqlite3 "$db" .dump | sha256sum)

# the help names the command
"$HOMEWARD" --help | grep -q "homeward due \[--database FILE\] \[--person NAME\] \[--week YYYY-MM-DD\]" \
  || fail "--help does not show homeward due"

# the point person's week: the check-in of the sample family due today
"$HOMEWARD" due --database "$db" --person "$worker" > "$dir/worker.txt"
head -n 1 "$dir/worker.txt" | grep -qF "Due from $today to " || fail "no heading: $(cat "$dir/worker.txt")"
grep -qE "^$today  due +check-in +Morales: One point person to call about anything" "$dir/worker.txt" \
  || fail "the check-in due today is missing: $(cat "$dir/worker.txt")"
# names compare without regard to case
upper=$(echo "$worker" | tr '[:lower:]' '[:upper:]')
"$HOMEWARD" due --database "$db" --person "$upper" | grep -q "check-in" || fail "a name in capitals is not found"

# a week later the same check-in is overdue
"$HOMEWARD" due --database "$db" --person "$worker" --week "$next_week" > "$dir/later.txt"
grep -qE "^$today  overdue +check-in" "$dir/later.txt" || fail "not overdue a week later: $(cat "$dir/later.txt")"

# the parent's week has their tasks and no one else's, and no check-in
"$HOMEWARD" due --database "$db" --person "$parent" --week "$next_week" > "$dir/parent.txt"
grep -q " task " "$dir/parent.txt" || fail "the parent's tasks are missing: $(cat "$dir/parent.txt")"
grep -v "^Due from" "$dir/parent.txt" | grep -v "($parent)\$" && fail "a line that is not the parent's"
grep -q "check-in" "$dir/parent.txt" && fail "the parent has a check-in"

# everyone's: both
"$HOMEWARD" due --database "$db" --week "$next_week" > "$dir/all.txt"
grep -q "check-in" "$dir/all.txt" && grep -q " task " "$dir/all.txt" || fail "everyone's week is incomplete"

# refusals: a message on stderr, nothing on stdout, a non-zero status
if "$HOMEWARD" due --database "$db" --person "Nobody Here" > "$dir/out.txt" 2> "$dir/err.txt"; then
  fail "an unknown person was accepted"
fi
grep -q "nobody called “Nobody Here”" "$dir/err.txt" || fail "no message for an unknown person"
[ -s "$dir/out.txt" ] && fail "output for an unknown person"
if "$HOMEWARD" due --database "$db" --week 2026-02-30 > "$dir/out.txt" 2> "$dir/err.txt"; then
  fail "an impossible date was accepted"
fi
grep -q "is not a date" "$dir/err.txt" || fail "no message for an impossible date"
if "$HOMEWARD" due --database "$db" --person "  " 2> "$dir/err.txt"; then
  fail "an empty name was accepted"
fi
grep -q "needs a name" "$dir/err.txt" || fail "no message for an empty name"

# a database with nothing planned
"$HOMEWARD" due --database "$dir/empty.db" | grep -q "Nothing is due or overdue." || fail "empty database"

# nothing was written
after=$(sqlite3 "$db" .dump | sha256sum)
[ "$before" = "$after" ] || fail "homeward due changed the database"
echo "ok"
