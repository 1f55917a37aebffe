#!/bin/sh
# End to end: `homeward delete` and `homeward purge` leave nothing of the
# family in the database file or its -wal (checked with strings), keep
# another family whole, write the audit without a name; bad input (no such
# case, an impossible date, no --yes without a terminal, "no" typed)
# changes nothing.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
dir=$(mktemp -d)
reader=""
trap '[ -n "$reader" ] && kill "$reader" 2>/dev/null; rm -rf "$dir"' EXIT
db="$dir/h.db"

fail () { echo "FAIL: $*" >&2; exit 1; }

# Strings of the sample family (src/core/demo/hw-demo.c): name, address, phone,
# note. The second family is the same case file with these replaced.
morales="Morales|48 Alder Court|(555) 201-4410|Prefers to speak Spanish in meetings|112 Birch Street|Sample family created by Homeward"
okafor="Okafor|7 Maple Drive|(555) 333-0001|Prefers to speak Igbo in meetings|19 Poplar Way|Second family of the test"

make_db () {  # two families: 1 Morales, 2 Okafor
  rm -f "$db" "$db-wal" "$db-shm"
  "$HOMEWARD" demo --database "$db" >/dev/null
  "$HOMEWARD" export --database "$db" --case 1 --format json --output "$dir/case.json"
  sed -e 's/Morales/Okafor/g' -e 's/48 Alder Court/7 Maple Drive/g' -e 's/(555) 201-4410/(555) 333-0001/g' \
      -e 's/Prefers to speak Spanish in meetings/Prefers to speak Igbo in meetings/g' \
      -e 's/112 Birch Street/19 Poplar Way/g' -e 's/Sample family created by Homeward/Second family of the test/g' \
      "$dir/case.json" > "$dir/okafor.json"
  "$HOMEWARD" import --database "$db" "$dir/okafor.json" >/dev/null
}

# strings of the database and its -wal
traces () {
  { strings -n 4 "$db"; [ -e "$db-wal" ] && strings -n 4 "$db-wal"; true; } > "$dir/strings.txt"
}
assert_gone () {   # list
  traces
  echo "$1" | tr '|' '\n' | while read -r s; do
    if grep -qF -- "$s" "$dir/strings.txt"; then fail "“$s” is still in the database files"; fi
  done
}
assert_there () {
  traces
  echo "$1" | tr '|' '\n' | while read -r s; do
    grep -qF -- "$s" "$dir/strings.txt" || fail "“$s” is missing from the database files"
  done
}
dump () { sqlite3 "$db" .dump | sha256sum; }

# Another program keeps the database open meanwhile, so the -wal file
# stays beside it and can be looked at: sqlite3 reading from a fifo that
# this script holds open, and ends by closing it.
hold_open () {
  rm -f "$dir/fifo"
  mkfifo "$dir/fifo"
  sqlite3 "$db" < "$dir/fifo" >/dev/null 2>&1 &
  reader=$!
  exec 3>"$dir/fifo"
  echo "SELECT count(*) FROM cases;" >&3
  sleep 0.5
}
release () { exec 3>&-; wait "$reader" 2>/dev/null || true; reader=""; }

# --- delete -----------------------------------------------------------
make_db
"$HOMEWARD" list --database "$db" >/dev/null     # the first open tidies the file
hold_open
assert_there "$morales"     # the test can fail
assert_there "$okafor"

before=$(dump)
# no such case
if "$HOMEWARD" delete --database "$db" --case 99 --yes 2>"$dir/err"; then fail "delete of a missing case succeeded"; fi
grep -q "no case 99" "$dir/err" || fail "missing case: $(cat "$dir/err")"
# no terminal, no --yes
if "$HOMEWARD" delete --database "$db" --case 1 </dev/null 2>"$dir/err"; then fail "delete without --yes and without a terminal succeeded"; fi
grep -q -- "--yes" "$dir/err" || fail "no terminal: $(cat "$dir/err")"
# on a terminal, anything but yes
if command -v script >/dev/null; then
  echo no | script -qec "'$HOMEWARD' delete --database '$db' --case 1" /dev/null > "$dir/out" || true
  grep -q "Delete the Morales family for good? This cannot be undone. Type yes:" "$dir/out" || fail "question: $(cat "$dir/out")"
  grep -q "Nothing was deleted" "$dir/out" || fail "no: $(cat "$dir/out")"
fi
[ "$(dump)" = "$before" ] || fail "bad input changed the database"

if command -v script >/dev/null; then
  echo yes | script -qec "'$HOMEWARD' delete --database '$db' --case 1" /dev/null > "$dir/out"
else
  "$HOMEWARD" delete --database "$db" --case 1 --yes > "$dir/out"
fi
grep -q "deleted for good" "$dir/out" || fail "delete: $(cat "$dir/out")"
[ -e "$db-wal" ] || fail "the -wal file is not there to be checked"
assert_gone "$morales"
assert_there "$okafor"
release
assert_gone "$morales"

"$HOMEWARD" list --database "$db" > "$dir/list"
grep -q Okafor "$dir/list" || fail "the other family is gone"
grep -q Morales "$dir/list" && fail "the family is still listed"
[ "$(sqlite3 "$db" "SELECT count(*) FROM people WHERE case_id = 2")" = 17 ] || fail "the other family lost people"
[ "$(sqlite3 "$db" "PRAGMA quick_check")" = ok ] || fail "quick_check"
"$HOMEWARD" audit --database "$db" --output "$dir/audit.csv"
grep -q '"Deleted for good","cases","1","delete"' "$dir/audit.csv" || fail "audit has no delete for good"
grep -q Morales "$dir/audit.csv" && fail "the audit names the family"

# --- purge ------------------------------------------------------------
make_db
sqlite3 "$db" "UPDATE cases SET status = 'closed', closed_date = '2019-03-01' WHERE id = 1;
               UPDATE cases SET status = 'closed', closed_date = '2023-06-01' WHERE id = 2;"
"$HOMEWARD" list --database "$db" >/dev/null
before=$(dump)
for bad in 2021-02-30 2021-13-01 yesterday 21-01-01 ""; do
  if "$HOMEWARD" purge --database "$db" --closed-before "$bad" --yes 2>"$dir/err"; then fail "purge took “$bad”"; fi
  grep -q "YYYY-MM-DD" "$dir/err" || fail "bad date “$bad”: $(cat "$dir/err")"
done
if "$HOMEWARD" purge --database "$db" --closed-before 2020-01-01 </dev/null 2>/dev/null >/dev/null; then
  fail "purge without --yes and without a terminal succeeded"
fi
"$HOMEWARD" purge --database "$db" --closed-before 2020-01-01 --dry-run > "$dir/out"
grep -q "FC-2026-0142 *Morales *2019-03-01" "$dir/out" || fail "dry run: $(cat "$dir/out")"
grep -q Okafor "$dir/out" && fail "dry run lists a case closed after the date"
[ "$(dump)" = "$before" ] || fail "a dry run or bad input changed the database"

hold_open
"$HOMEWARD" purge --database "$db" --closed-before 2020-01-01 --yes > "$dir/out"
grep -q "Deleted 1 case for good" "$dir/out" || fail "purge: $(cat "$dir/out")"
assert_gone "$morales"
assert_there "$okafor"
release
[ "$(sqlite3 "$db" "SELECT count(*) FROM cases")" = 1 ] || fail "purge removed the wrong cases"
"$HOMEWARD" purge --database "$db" --closed-before 2020-01-01 --dry-run | grep -q "nothing to delete" || fail "second dry run"
echo "delete and purge: ok"
