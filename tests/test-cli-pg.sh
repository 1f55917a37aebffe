#!/bin/bash
# test-cli-pg.sh: the command line on a PostgreSQL server, compared with
# the same on a sqlite file (issue 17). Run by pg-cluster.sh, which gives
# HOMEWARD_TEST_PG_URI (an empty database on a throw-away cluster).
#
# - `homeward demo` and `list` work on the server;
# - the sample family exported from a file, imported into the server and
#   into a new file, exports the same from both (JSON, every table and
#   column; only the export's own time differs);
# - the safety plan, the family-time plan and the service plan printed
#   from the server hold the same text as from the file;
# - `backup`, `delete` refuse the server with a message and create
#   nothing; an address is never taken as a file name (no "postgresql:"
#   folder appears).
set -euo pipefail

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
URI="${HOMEWARD_TEST_PG_URI:?run me with tests/pg-cluster.sh run}"
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT
cd "$dir"

fail () { echo "FAIL: $*" >&2; exit 1; }
ok () { echo "ok - $*"; }

# a file's export, without the time the case was made (an import makes it anew)
normal () { jq -S 'del(.case.created)' "$1"; }

"$HOMEWARD" demo --database "$dir/sample.db" >/dev/null
"$HOMEWARD" export --database "$dir/sample.db" --case 1 --what case --format json --output "$dir/a.json"

# into the server, and into a new file
"$HOMEWARD" import --database "$URI" "$dir/a.json" >"$dir/out" || fail "import into the server: $(cat "$dir/out")"
server_case=$(grep -oE 'case [0-9]+' "$dir/out" | grep -oE '[0-9]+')
[ -n "$server_case" ] || fail "no case number from the import: $(cat "$dir/out")"
"$HOMEWARD" import --database "$dir/copy.db" "$dir/a.json" >"$dir/out2"
file_case=$(grep -oE 'case [0-9]+' "$dir/out2" | grep -oE '[0-9]+')
ok "imported into the server as case $server_case and into a file as case $file_case"

"$HOMEWARD" export --database "$URI" --case "$server_case" --what case --format json --output "$dir/pg.json"
"$HOMEWARD" export --database "$dir/copy.db" --case "$file_case" --what case --format json --output "$dir/sq.json"
if ! diff <(normal "$dir/sq.json") <(normal "$dir/pg.json") >"$dir/diff"; then
  head -n 40 "$dir/diff" >&2
  fail "the exports from the server and from the file differ"
fi
[ "$(jq '.tables.people | length' "$dir/pg.json")" -gt 5 ] || fail "the server's export has no people"
ok "the same case exports the same from the server and from a file ($(wc -c <"$dir/pg.json") bytes)"

# the printed copies: the same words
for what in safety-plan visits service-plan; do
  "$HOMEWARD" export --database "$URI" --case "$server_case" --what "$what" --format pdf \
      --output "$dir/pg-$what.pdf" 2>"$dir/err" || fail "$what from the server: $(cat "$dir/err")"
  "$HOMEWARD" export --database "$dir/copy.db" --case "$file_case" --what "$what" --format pdf \
      --output "$dir/sq-$what.pdf"
  # the case number in running text may differ (case 1 / case 2): compare the rest
  if ! diff <(pdftotext -layout "$dir/sq-$what.pdf" - | sed 's/case [0-9]*//g') \
            <(pdftotext -layout "$dir/pg-$what.pdf" - | sed 's/case [0-9]*//g') >"$dir/diff"; then
    head -n 20 "$dir/diff" >&2
    fail "$what: the server's copy says something else"
  fi
  [ -z "$(grep -c . "$dir/err" | grep -v '^0$')" ] || fail "$what: warnings from the server's export: $(cat "$dir/err")"
  ok "$what printed from the server holds the same text as from the file"
done

"$HOMEWARD" demo --database "$URI" >/dev/null
"$HOMEWARD" list --database "$URI" >"$dir/list"
[ "$(grep -c 'Morales' "$dir/list")" -eq 2 ] || fail "list on the server: $(cat "$dir/list")"
ok "demo and list on the server"

# what only a file has: refused, nothing made
if "$HOMEWARD" backup --database "$URI" >"$dir/out" 2>&1; then
  fail "a backup of the server was made"
fi
if "$HOMEWARD" delete --database "$URI" --case 1 --yes >"$dir/out" 2>&1; then
  fail "delete for good on the server"
fi
[ "$("$HOMEWARD" list --database "$URI" | grep -c Morales)" -eq 2 ] || fail "delete changed something"
ls -A "$dir" | grep -q '^postgresql' && fail "a folder named after the address was made"
ok "backup and delete refuse the server, nothing is made"
# an upgrade of the server's schema: by the tables' owner with `homeward
# migrate`; a person's own role is refused with words that say whom to
# ask, and nothing changes
PSQL="${HOMEWARD_PG_BINDIR:-/usr/lib/postgresql/15/bin}/psql"
sql () { "$PSQL" -X -qtA -v ON_ERROR_STOP=1 "$1" -c "$2"; }
"$HOMEWARD" migrate --database "$URI" >"$dir/out" 2>&1 || fail "migrate: $(cat "$dir/out")"
grep -q 'up to date (version' "$dir/out" || fail "migrate says: $(cat "$dir/out")"
version=$(sql "$URI" "SELECT version FROM hw_schema_version")
sql "$URI" "DROP ROLE IF EXISTS eve; CREATE ROLE eve LOGIN;
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO eve;
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO eve" >/dev/null
EVE="${URI/user=postgres/user=eve}"
"$HOMEWARD" list --database "$EVE" >"$dir/out" 2>&1 || fail "eve's list on an up-to-date server: $(cat "$dir/out")"
sql "$URI" "UPDATE hw_schema_version SET version = version - 1" >/dev/null
if "$HOMEWARD" list --database "$EVE" >"$dir/out" 2>&1; then
  fail "eve opened a server with an older schema: $(cat "$dir/out")"
fi
grep -q 'older version of Homeward' "$dir/out" && grep -q 'homeward migrate' "$dir/out" \
  || fail "eve is not told to ask for homeward migrate: $(cat "$dir/out")"
[ "$(sql "$URI" "SELECT version FROM hw_schema_version")" = $((version - 1)) ] || fail "eve's refused open changed the schema version"
sql "$URI" "UPDATE hw_schema_version SET version = $version" >/dev/null
sql "$URI" "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM eve; REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM eve; DROP ROLE eve" >/dev/null
ok "migrate as the owner; a person's role told to ask for it on an older schema, nothing changed"

echo "ok: the command line on PostgreSQL"
