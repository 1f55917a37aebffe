#!/bin/bash
# test-move-pg.sh: `homeward move` between a file and a PostgreSQL server
# and back (issue 17). Run by pg-cluster.sh (HOMEWARD_TEST_PG_URI).
#
# - the sample family and a second imported family moved file -> server ->
#   new file: every case's JSON export the same in all three;
# - moved into a file holding another family (--yes), where the ids are
#   taken: new ids, and the copy still checks;
# - moving twice, into a non-empty database without --yes, from a missing
#   file, to a bad address or an unreachable server: a clear message and
#   nothing changes (the destination's export the same, no file made).
set -euo pipefail

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
URI="${HOMEWARD_TEST_PG_URI:?run me with tests/pg-cluster.sh run}"
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT
cd "$dir"

fail () { echo "FAIL: $*" >&2; exit 1; }
ok () { echo "ok - $*"; }

# every case of a database as JSON, in id order, without the ids
exports () {
  local db=$1 id
  for id in $("$HOMEWARD" list --database "$db" | grep -oE '^ *[0-9]+' | tr -d ' '); do
    "$HOMEWARD" export --database "$db" --case "$id" --what case --format json --output "$dir/e.json"
    jq -S 'walk(if type == "object" then with_entries(select(.key | test("^id$|_id$") | not)) else . end)' "$dir/e.json"
  done
}

"$HOMEWARD" demo --database "$dir/laptop.db" >/dev/null
"$HOMEWARD" export --database "$dir/laptop.db" --case 1 --what case --format json --output "$dir/one.json"
jq '.case.family_name = "Okafor" | .case.case_number = "FC-2026-0200"' "$dir/one.json" >"$dir/two.json"
"$HOMEWARD" import --database "$dir/laptop.db" "$dir/two.json" >/dev/null
[ "$("$HOMEWARD" list --database "$dir/laptop.db" | grep -cE 'Morales|Okafor')" -eq 2 ] || fail "two families on the laptop"
exports "$dir/laptop.db" >"$dir/laptop.txt"
cp "$dir/laptop.db" "$dir/laptop-before.db"

# file -> server
"$HOMEWARD" move --from "$dir/laptop.db" --to "$URI" >"$dir/out" 2>&1 || fail "move to the server: $(cat "$dir/out")"
grep -q 'Morales' "$dir/out" && grep -q 'Okafor' "$dir/out" || fail "a line per family: $(cat "$dir/out")"
grep -q 'Moved 2 families' "$dir/out" || fail "the summary: $(cat "$dir/out")"
grep -q 'Nothing was deleted' "$dir/out" || fail "how to delete: $(cat "$dir/out")"
exports "$URI" >"$dir/server.txt"
diff "$dir/laptop.txt" "$dir/server.txt" >"$dir/diff" || { head -20 "$dir/diff" >&2; fail "the server's exports differ"; }
cmp -s <(exports "$dir/laptop-before.db") "$dir/laptop.txt" || fail "the laptop's file changed"
[ "$("$HOMEWARD" list --database "$dir/laptop.db" | grep -cE 'Morales|Okafor')" -eq 2 ] || fail "the source lost a family"
ok "two families moved from a file to the server, the same exports, the file kept"

# server -> a new file
"$HOMEWARD" move --from "$URI" --to "$dir/back.db" >"$dir/out" 2>&1 || fail "move back: $(cat "$dir/out")"
exports "$dir/back.db" >"$dir/back.txt"
diff "$dir/laptop.txt" "$dir/back.txt" >"$dir/diff" || { head -20 "$dir/diff" >&2; fail "the new file's exports differ"; }
# ids kept where free: the very same export, ids included
"$HOMEWARD" export --database "$dir/back.db" --case 1 --what case --format json --output "$dir/back1.json"
cmp -s "$dir/one.json" "$dir/back1.json" || fail "the sample family came back with other ids"
ok "moved back from the server into a new file: the same exports, the same ids"

# moving twice: refused, nothing changes
if "$HOMEWARD" move --from "$dir/laptop.db" --to "$URI" --yes >"$dir/out" 2>&1; then
  fail "moved twice"
fi
grep -q 'already in' "$dir/out" || fail "the message for moving twice: $(cat "$dir/out")"
diff "$dir/laptop.txt" <(exports "$URI") >/dev/null || fail "moving twice changed the server"
ok "moving twice is refused: $(cat "$dir/out")"

# into a database with another family: refused without --yes; with --yes
# the ids are taken (new ones) and the copy still checks
"$HOMEWARD" import --database "$dir/other.db" "$dir/two.json" >/dev/null
jq '.case.family_name = "Lindqvist"' "$dir/one.json" >"$dir/three.json"
"$HOMEWARD" import --database "$dir/other.db" "$dir/three.json" >/dev/null
"$HOMEWARD" demo --database "$dir/sample.db" >/dev/null
if "$HOMEWARD" move --from "$dir/sample.db" --to "$dir/other.db" >"$dir/out" 2>&1; then
  fail "moved into a database with other families without --yes"
fi
grep -q -- '--yes' "$dir/out" || fail "the message says --yes: $(cat "$dir/out")"
"$HOMEWARD" move --from "$dir/sample.db" --to "$dir/other.db" --yes >"$dir/out" 2>&1 || fail "move --yes: $(cat "$dir/out")"
grep -qE 'case 1 there is case [0-9]+ here' "$dir/out" && ! grep -q 'case 1 there is case 1 here' "$dir/out" \
  || fail "the ids were free? $(cat "$dir/out")"
ok "into a database with other families: only with --yes, new ids, the copy checks"

# bad addresses, a missing file, an unreachable server: a message, nothing made or changed
before=$(exports "$URI" | md5sum)
for args in "--from $dir/missing.db --to $URI" \
            "--from $dir/laptop.db --to postgresql://[bad" \
            "--from $dir/laptop.db --to postgresql:///homeward_test?host=$dir/nowhere" \
            "--from postgresql:///nothere?host=$dir/nowhere --to $dir/new.db" \
            "--from $dir/laptop.db" ; do
  if "$HOMEWARD" move $args >"$dir/out" 2>&1; then
    fail "move $args succeeded"
  fi
  [ -s "$dir/out" ] || fail "move $args: no message"
  grep -q 'homeward' "$dir/out" || fail "move $args: $(cat "$dir/out")"
  ! grep -qi 'critical\|assert' "$dir/out" || fail "move $args: $(cat "$dir/out")"
  echo "   $(head -n1 "$dir/out")"
done
[ "$(exports "$URI" | md5sum)" = "$before" ] || fail "a failed move changed the server"
[ ! -e "$dir/new.db" ] && [ ! -e "$dir/missing.db" ] || fail "a failed move made a file"
ls -A "$dir" | grep -q '^postgresql' && fail "a folder named after the address was made"
ok "bad address, missing file, unreachable server: a message, nothing changed"
echo "ok: homeward move"
