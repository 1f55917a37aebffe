#!/bin/bash
# test-roles-pg.sh: who sees what on a server (issue 17). Run by
# pg-cluster.sh, which gives HOMEWARD_TEST_PG_URI (an empty database on a
# throw-away cluster, superuser "postgres").
#
# tools/pg-roles.sql is run on the database; alice (a caseworker of team
# A), bob (a caseworker of team B) and carol (a supervisor) sign in as
# their own roles:
# - `homeward import/demo/list/export --database postgresql://alice@…`
#   shows alice only team A's families, bob only team B's, carol both;
#   a new case takes its creator's team;
# - alice can neither read nor change team B's rows with psql either
#   (the case, a child table, a grandchild table through its parent),
#   nor make a case of team B;
# - the audit trail names alice for alice's edits; nobody can write
#   another name or change the trail; `homeward audit` shows it;
# - the same case exports the same to alice as to the superuser;
# - the undo journal: alice and carol read and change none of bob's
#   steps, lines and chains; alice's undo and redo take her step, not
#   bob's newer one; her undo of a row bob changed since is refused naming
#   him (homeward_changed_by()), "Someone else" without the function;
#   pruning takes only her own oldest steps;
# - without the policies (RLS disabled on one table at the end) the
#   check that alice sees nothing of team B fails: the test can fail.
set -euo pipefail

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
URI="${HOMEWARD_TEST_PG_URI:?run me with tests/pg-cluster.sh run}"
SRC=$(cd "$(dirname "$0")/.." && pwd)
PSQL="${HOMEWARD_PG_BINDIR:-/usr/lib/postgresql/15/bin}/psql"
[ -x "$PSQL" ] || PSQL=$(command -v psql)
dir=$(mktemp -d)
chmod 755 "$dir"
trap 'rm -rf "$dir"' EXIT
cd "$dir"

fail () { echo "FAIL: $*" >&2; exit 1; }
ok () { echo "ok - $*"; }
as () { local who=$1; shift; echo "${URI/user=postgres/user=$who}"; }
# psql as a role: the answer, or exit status 1 with the error
sql () { "$PSQL" -X -qtA -v ON_ERROR_STOP=1 "$(as "$1")" -c "$2" 2>"$dir/sql.err"; }
refused () {
  if sql "$1" "$2" >/dev/null; then
    fail "$1 was allowed: $2"
  fi
  grep -qE 'row-level security|permission denied' "$dir/sql.err" \
    || fail "$1: $2 refused for another reason: $(cat "$dir/sql.err")"
}
ALICE=$(as alice) BOB=$(as bob) CAROL=$(as carol)

# Homeward makes its tables (as the superuser), then the roles script
"$HOMEWARD" list --database "$URI" >/dev/null
"$PSQL" -X -q -v ON_ERROR_STOP=1 "$URI" -f "$SRC/tools/pg-roles.sql" >"$dir/roles.out" 2>&1 \
  || fail "pg-roles.sql: $(cat "$dir/roles.out")"
# twice is the same
"$PSQL" -X -q -v ON_ERROR_STOP=1 "$URI" -f "$SRC/tools/pg-roles.sql" >"$dir/roles.out" 2>&1 \
  || fail "pg-roles.sql a second time: $(cat "$dir/roles.out")"
grep -q WARNING "$dir/roles.out" && fail "pg-roles.sql warns: $(cat "$dir/roles.out")"
sql postgres "
  INSERT INTO teams (id, name) VALUES (1, 'Team A'), (2, 'Team B');
  CREATE ROLE alice LOGIN; GRANT homeward_caseworker TO alice;
  CREATE ROLE bob LOGIN; GRANT homeward_caseworker TO bob;
  CREATE ROLE carol LOGIN; GRANT homeward_supervisor TO carol;
  CREATE ROLE dave LOGIN; GRANT homeward_readonly TO dave;
  INSERT INTO team_members VALUES (1, 'alice'), (2, 'bob'), (1, 'dave');" >/dev/null \
  || fail "roles: $(cat "$dir/sql.err")"
ok "pg-roles.sql ran (twice); alice (team A), bob (team B), carol (supervisor), dave (read-only, team A)"

# the families: alice's demo family, bob's imported one under another name
"$HOMEWARD" demo --database "$dir/sample.db" >/dev/null
"$HOMEWARD" export --database "$dir/sample.db" --case 1 --what case --format json --output "$dir/a.json"
jq '.case.family_name = "Haddad"' "$dir/a.json" >"$dir/b.json"
"$HOMEWARD" import --database "$BOB" "$dir/b.json" >"$dir/out" 2>&1 || fail "bob's import: $(cat "$dir/out")"
b_case=$(grep -oE 'case [0-9]+' "$dir/out" | grep -oE '[0-9]+')
"$HOMEWARD" import --database "$ALICE" "$dir/a.json" >"$dir/out" 2>&1 || fail "alice's import: $(cat "$dir/out")"
a_case=$(grep -oE 'case [0-9]+' "$dir/out" | grep -oE '[0-9]+')
[ -n "$a_case" ] && [ -n "$b_case" ] && [ "$a_case" != "$b_case" ] || fail "case numbers: $a_case $b_case"
[ "$(sql postgres "SELECT team_id FROM cases WHERE id = $a_case")" = 1 ] || fail "alice's case is not team A's"
[ "$(sql postgres "SELECT team_id FROM cases WHERE id = $b_case")" = 2 ] || fail "bob's case is not team B's"
ok "alice's case $a_case is team A's, bob's case $b_case team B's (the creator's team)"

# the id sequences: bob's import kept its ids and moved them past
# (homeward_sequence_past()), so alice's rows took new ones; nobody may
# set a sequence themselves (back, everyone's next row would fail)
refused alice "SELECT setval(pg_get_serial_sequence('people', 'id'), 1)"
refused bob "SELECT setval(pg_get_serial_sequence('cases', 'id'), 1)"
seq_people () { sql postgres "SELECT last_value FROM pg_sequences WHERE sequencename = 'people_id_seq'"; }
before=$(seq_people)
[ "$before" -ge "$(sql postgres "SELECT max(id) FROM people")" ] || fail "the people sequence is behind its rows: $before"
sql alice "SELECT homeward_sequence_past('people', 1)" >/dev/null || fail "homeward_sequence_past: $(cat "$dir/sql.err")"
sql alice "SELECT homeward_sequence_past('people', 900000000)" >/dev/null || fail "homeward_sequence_past: $(cat "$dir/sql.err")"
sql alice "SELECT homeward_sequence_past('pg_class', 900000000)" >/dev/null || fail "homeward_sequence_past: $(cat "$dir/sql.err")"
[ "$(seq_people)" = "$before" ] || fail "homeward_sequence_past moved the sequence back or past a row not there: $(seq_people)"
refused dave "SELECT homeward_sequence_past('people', 1)"
ok "sequences: imports keep ids and move them on; setval refused to alice and bob, the function only forward to a row there, not dave's"

"$HOMEWARD" list --database "$ALICE" >"$dir/list-a"
"$HOMEWARD" list --database "$BOB" >"$dir/list-b"
"$HOMEWARD" list --database "$CAROL" >"$dir/list-c"
"$HOMEWARD" list --database "$(as dave)" >"$dir/list-d" 2>&1 || fail "dave's list: $(cat "$dir/list-d")"
grep -q Morales "$dir/list-a" && ! grep -q Haddad "$dir/list-a" || fail "alice's list: $(cat "$dir/list-a")"
grep -q Haddad "$dir/list-b" && ! grep -q Morales "$dir/list-b" || fail "bob's list: $(cat "$dir/list-b")"
grep -q Haddad "$dir/list-c" && grep -q Morales "$dir/list-c" || fail "carol's list: $(cat "$dir/list-c")"
grep -q Morales "$dir/list-d" && ! grep -q Haddad "$dir/list-d" || fail "dave's list: $(cat "$dir/list-d")"
ok "homeward list: alice and dave see team A's family, bob team B's, carol both"

# exports: one's own case the same as the superuser's; another team's: none
"$HOMEWARD" export --database "$ALICE" --case "$a_case" --what case --format json --output "$dir/alice.json"
"$HOMEWARD" export --database "$URI" --case "$a_case" --what case --format json --output "$dir/super.json"
diff <(jq -S 'del(.case.created)' "$dir/super.json") <(jq -S 'del(.case.created)' "$dir/alice.json") >/dev/null \
  || fail "alice's export of her case differs from the superuser's"
[ "$(jq '.case | has("team_id")' "$dir/alice.json")" = false ] || fail "the team is exported"
[ "$(jq '.tables.people | length' "$dir/alice.json")" = "$(jq '.tables.people | length' "$dir/a.json")" ] \
  || fail "alice's export lacks people"
if "$HOMEWARD" export --database "$ALICE" --case "$b_case" --what case --format json \
     --output "$dir/stolen.json" 2>"$dir/err"; then
  fail "alice exported team B's case"
fi
[ ! -s "$dir/stolen.json" ] || fail "something of team B's case was written"
"$HOMEWARD" export --database "$CAROL" --case "$b_case" --what case --format json --output "$dir/carol.json" \
  || fail "carol cannot export team B's case"
ok "export: alice's case the same as the superuser's, without the team; team B's case refused to alice, given to carol"

# psql as alice: nothing of team B, and no way to change it
[ "$(sql alice "SELECT count(*) FROM cases WHERE id = $b_case")" = 0 ] || fail "alice reads team B's case"
[ "$(sql alice "SELECT count(*) FROM people WHERE case_id = $b_case")" = 0 ] || fail "alice reads team B's people"
[ "$(sql alice "SELECT count(*) FROM goals g JOIN needs n ON n.id = g.need_id WHERE n.case_id = $a_case")" -gt 0 ] \
  || fail "alice does not see her own goals"
[ "$(sql postgres "SELECT count(*) FROM tasks t JOIN goals g ON g.id = t.goal_id JOIN needs n ON n.id = g.need_id WHERE n.case_id = $b_case")" -gt 0 ] \
  || fail "the sample has no tasks to hide"
[ "$(sql alice "SELECT count(*) FROM tasks t WHERE t.goal_id IN (SELECT g.id FROM goals g, needs n WHERE n.id = g.need_id AND n.case_id = $b_case)")" = 0 ] \
  || fail "alice reads team B's tasks"
b_task=$(sql postgres "SELECT min(t.id) FROM tasks t JOIN goals g ON g.id = t.goal_id JOIN needs n ON n.id = g.need_id WHERE n.case_id = $b_case")
[ "$(sql alice "SELECT count(*) FROM tasks WHERE id = $b_task")" = 0 ] || fail "alice reads team B's task by id"
visible=0
for t in $(sql postgres "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
                          AND tablename NOT LIKE 'hw\_%' AND tablename NOT IN ('teams','team_members')"); do
  n_all=$(sql postgres "SELECT count(*) FROM $t")
  n_a=$(sql alice "SELECT count(*) FROM $t")
  n_b=$(sql bob "SELECT count(*) FROM $t")
  [ $((n_a + n_b)) -eq "$n_all" ] || fail "$t: alice sees $n_a rows, bob $n_b, there are $n_all"
  [ "$n_all" -eq 0 ] || visible=$((visible + 1))
done
[ "$visible" -gt 10 ] || fail "only $visible tables hold rows"
ok "every table: alice's rows and bob's rows are all the rows, none seen by both ($visible tables with rows)"

# the settings: a person's own (the screen-lock passphrase) theirs alone;
# the agency's read by everyone, changed only by a supervisor
sql alice "INSERT INTO hw_settings (key, value) VALUES ('person/alice/lock-passphrase-hash', 'a')" >/dev/null \
  || fail "alice cannot keep her own setting: $(cat "$dir/sql.err")"
sql bob "INSERT INTO hw_settings (key, value) VALUES ('person/bob/lock-passphrase-hash', 'b')" >/dev/null \
  || fail "bob cannot keep his own setting: $(cat "$dir/sql.err")"
sql carol "INSERT INTO hw_settings (key, value) VALUES ('undo-max-days', '30')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value" >/dev/null \
  || fail "the supervisor cannot change the agency's setting: $(cat "$dir/sql.err")"
[ "$(sql alice "SELECT string_agg(key, ',' ORDER BY key) FROM hw_settings WHERE key LIKE 'person/%'")" = person/alice/lock-passphrase-hash ] \
  || fail "alice reads another person's settings: $(sql alice "SELECT string_agg(key, ',') FROM hw_settings")"
[ "$(sql carol "SELECT count(*) FROM hw_settings WHERE key LIKE 'person/%'")" = 0 ] \
  || fail "the supervisor reads people's own settings"
[ "$(sql alice "SELECT value FROM hw_settings WHERE key = 'undo-max-days'")" = 30 ] \
  || fail "alice does not read the agency's setting"
[ "$(sql alice "UPDATE hw_settings SET value = 'x' WHERE key = 'person/bob/lock-passphrase-hash' RETURNING key" | grep -c .)" = 0 ] \
  || fail "alice changed bob's passphrase"
[ "$(sql alice "DELETE FROM hw_settings WHERE key LIKE 'person/bob/%' RETURNING key" | grep -c .)" = 0 ] \
  || fail "alice deleted bob's passphrase"
refused alice "INSERT INTO hw_settings (key, value) VALUES ('person/bob/lock-passphrase-hash', 'mine')"
refused alice "INSERT INTO hw_settings (key, value) VALUES ('visits.school-hours', 'x')"
[ "$(sql alice "UPDATE hw_settings SET value = '1' WHERE key = 'undo-max-days' RETURNING key" | grep -c .)" = 0 ] \
  || fail "alice changed the agency's setting"
[ "$(sql postgres "SELECT value FROM hw_settings WHERE key = 'person/bob/lock-passphrase-hash'")" = b ] \
  || fail "bob's passphrase changed"
[ "$(sql postgres "SELECT value FROM hw_settings WHERE key = 'undo-max-days'")" = 30 ] \
  || fail "the agency's setting changed"
sql postgres "DELETE FROM hw_settings WHERE key = 'undo-max-days'" >/dev/null
ok "settings: each person reads and writes only their own, a supervisor the agency's"

[ "$(sql alice "UPDATE people SET name = 'x' WHERE case_id = $b_case RETURNING id" | grep -c .)" = 0 ] \
  || fail "alice changed team B's people"
[ "$(sql alice "DELETE FROM cases WHERE id = $b_case RETURNING id" | grep -c .)" = 0 ] \
  || fail "alice deleted team B's case"
[ "$(sql alice "UPDATE tasks SET description = 'x' WHERE id = $b_task RETURNING id" | grep -c .)" = 0 ] \
  || fail "alice changed team B's task"
refused alice "INSERT INTO people (case_id, name) VALUES ($b_case, 'Intruder')"
refused alice "INSERT INTO cases (family_name, team_id) VALUES ('Other', 2)"
refused alice "UPDATE cases SET team_id = 2 WHERE id = $a_case"
refused alice "UPDATE people SET case_id = $b_case WHERE case_id = $a_case"
b_goal=$(sql postgres "SELECT min(g.id) FROM goals g JOIN needs n ON n.id = g.need_id WHERE n.case_id = $b_case")
refused alice "INSERT INTO tasks (goal_id, description) VALUES ($b_goal, 'x')"
refused dave "UPDATE people SET name = 'x' WHERE case_id = $a_case"
[ "$(sql postgres "SELECT count(*) FROM people WHERE case_id = $b_case AND name IN ('x', 'Intruder')")" = 0 ] \
  || fail "team B's people were changed"
[ "$(sql postgres "SELECT team_id FROM cases WHERE id = $a_case")" = 1 ] || fail "alice's case moved team"
[ "$(sql alice "INSERT INTO cases (family_name) VALUES ('Okafor') RETURNING team_id")" = 1 ] \
  || fail "alice's new case did not take her team"
ok "psql as alice: team B's rows unseen, unchanged, undeletable; no case or row put into team B; dave cannot write"

# the audit trail
[ "$(sql postgres "SELECT count(*) FROM hw_audit WHERE tbl = 'cases' AND row_id = $a_case AND author = 'alice'")" = 1 ] \
  || fail "the audit trail does not name alice for her import: $(sql postgres "SELECT author FROM hw_audit WHERE tbl = 'cases' AND row_id = $a_case")"
[ "$(sql postgres "SELECT count(*) FROM hw_audit WHERE tbl = 'cases' AND row_id = $b_case AND author = 'bob'")" = 1 ] \
  || fail "the audit trail does not name bob"
[ "$(sql postgres "SELECT count(*) FROM hw_audit WHERE author NOT IN ('alice', 'bob', 'postgres')")" = 0 ] \
  || fail "the audit trail names someone else"
refused alice "INSERT INTO hw_audit (author, action, tbl, row_id, change) VALUES ('bob', 'x', 'cases', 1, 'update')"
[ "$(sql alice "INSERT INTO hw_audit (action, tbl, row_id, change) VALUES ('Test', 'cases', $a_case, 'update') RETURNING author")" = alice ] \
  || fail "hw_audit.author is not the signed-in role by default"
refused alice "UPDATE hw_audit SET author = 'bob'"
refused alice "DELETE FROM hw_audit"
[ "$(sql alice "SELECT count(*) FROM hw_audit WHERE author <> 'alice'")" = 0 ] || fail "alice reads others' audit rows"
"$HOMEWARD" audit --database "$ALICE" --output "$dir/audit.csv" || fail "homeward audit as alice"
grep -q '"alice"' "$dir/audit.csv" && ! grep -q '"bob"' "$dir/audit.csv" || fail "alice's audit: $(head "$dir/audit.csv")"
"$HOMEWARD" audit --database "$CAROL" --output "$dir/audit-c.csv"
grep -q '"alice"' "$dir/audit-c.csv" && grep -q '"bob"' "$dir/audit-c.csv" || fail "carol's audit"
ok "audit: alice's and bob's edits name them; another name or a change of the trail refused; homeward audit shows it"

# the store as alice: an edit, its undo, redo (the journal works for her)
n_before=$(sql postgres "SELECT count(*) FROM people WHERE case_id = $a_case")
"$HOMEWARD" demo --database "$ALICE" >/dev/null || fail "demo as alice"
[ "$(sql alice "SELECT count(*) FROM cases WHERE family_name = 'Morales'")" -ge 2 ] || fail "alice's demo family"
[ "$(sql bob "SELECT count(*) FROM cases WHERE family_name = 'Morales'")" = 0 ] || fail "bob sees alice's demo"
[ "$(sql postgres "SELECT count(*) FROM people WHERE case_id = $a_case")" = "$n_before" ] || fail "demo changed case $a_case"
ok "demo as alice: her team's, unseen by bob"

# the check can fail: without the policy bob sees team A's people
sql postgres "ALTER TABLE people DISABLE ROW LEVEL SECURITY" >/dev/null
[ "$(sql bob "SELECT count(*) FROM people WHERE case_id = $a_case")" -gt 0 ] \
  || fail "without row-level security bob still sees nothing: the checks above prove nothing"
ok "without the policy the same query shows bob team A's people (the checks can fail)"
sql postgres "ALTER TABLE people ENABLE ROW LEVEL SECURITY" >/dev/null

# The undo journal (hw_history, hw_undo_log, hw_row_chain): each person's
# own rows only, a supervisor's too. bob's journal line holds the old
# phone of team B's person.
UNDO_AS="$HOMEWARD_BUILD_ROOT/tests/undo-as"
pa=$(sql postgres "SELECT min(id) FROM people WHERE case_id = $a_case")
pb=$(sql postgres "SELECT min(id) FROM people WHERE case_id = $b_case")
pa_name=$(sql postgres "SELECT name FROM people WHERE id = $pa")
pb_phone=$(sql postgres "SELECT phone FROM people WHERE id = $pb")
"$UNDO_AS" "$ALICE" set people "$pa" name "Ana Undo" >"$dir/out" 2>&1 || fail "alice's edit: $(cat "$dir/out")"
"$UNDO_AS" "$BOB" set people "$pb" phone "555-0111" >"$dir/out" 2>&1 || fail "bob's edit: $(cat "$dir/out")"
for t in hw_history hw_undo_log hw_row_chain; do
  [ "$(sql postgres "SELECT count(*) FROM $t WHERE author = 'bob'")" -gt 0 ] || fail "bob has no rows in $t"
  [ "$(sql postgres "SELECT count(*) FROM $t WHERE author = 'alice'")" -gt 0 ] || fail "alice has no rows in $t"
  [ "$(sql alice "SELECT count(*) FROM $t WHERE author <> 'alice'")" = 0 ] || fail "alice reads others' rows of $t"
  [ "$(sql alice "SELECT count(*) FROM $t")" = "$(sql postgres "SELECT count(*) FROM $t WHERE author = 'alice'")" ] \
    || fail "alice does not read all her own rows of $t"
  [ "$(sql carol "SELECT count(*) FROM $t")" = 0 ] || fail "the supervisor reads others' rows of $t"
  [ "$(sql alice "UPDATE $t SET author = author WHERE author = 'bob' RETURNING 1" | grep -c .)" = 0 ] \
    || fail "alice changed bob's rows of $t"
  [ "$(sql alice "DELETE FROM $t WHERE author = 'bob' RETURNING 1" | grep -c .)" = 0 ] \
    || fail "alice deleted bob's rows of $t"
done
[ "$(sql alice "SELECT count(*) FROM hw_undo_log WHERE tbl = 'people' AND row_id = $pb")" = 0 ] \
  || fail "alice reads the journal of team B's person"
refused alice "INSERT INTO hw_history (kind, label, first_seq, last_seq, author) VALUES ('undo', 'x', 1, 1, 'bob')"
refused alice "INSERT INTO hw_undo_log (sql, author) VALUES ('DELETE FROM cases WHERE id=$b_case', 'bob')"
refused alice "INSERT INTO hw_row_chain (tbl, row_id, author, since) VALUES ('people', $pb, 'bob', 1)"
[ "$(sql alice "INSERT INTO hw_undo_log (sql) VALUES ('SELECT 1') RETURNING author")" = alice ] \
  || fail "hw_undo_log.author is not the signed-in role by default"
sql alice "DELETE FROM hw_undo_log WHERE sql = 'SELECT 1'" >/dev/null
# the check can fail: without the policy alice reads bob's line
sql postgres "ALTER TABLE hw_undo_log DISABLE ROW LEVEL SECURITY" >/dev/null
[ "$(sql alice "SELECT count(*) FROM hw_undo_log WHERE tbl = 'people' AND row_id = $pb")" -gt 0 ] \
  || fail "without row-level security alice still reads no line of bob's: the check proves nothing"
sql postgres "ALTER TABLE hw_undo_log ENABLE ROW LEVEL SECURITY" >/dev/null
ok "undo journal: alice and carol read and change none of bob's steps, lines and chains (and without the policy alice would)"

# alice undoes and redoes her own step, made before bob's on another row
"$UNDO_AS" "$ALICE" undo >"$dir/out" 2>&1 || fail "alice's undo: $(cat "$dir/out")"
[ "$(sql postgres "SELECT name FROM people WHERE id = $pa")" = "$pa_name" ] || fail "alice's undo did not undo"
[ "$(sql postgres "SELECT phone FROM people WHERE id = $pb")" = 555-0111 ] || fail "alice's undo took bob's step"
"$UNDO_AS" "$ALICE" redo >"$dir/out" 2>&1 || fail "alice's redo: $(cat "$dir/out")"
[ "$(sql postgres "SELECT name FROM people WHERE id = $pa")" = "Ana Undo" ] || fail "alice's redo did not redo"
"$UNDO_AS" "$BOB" undo >"$dir/out" 2>&1 || fail "bob's undo: $(cat "$dir/out")"
[ "$(sql postgres "SELECT phone FROM people WHERE id = $pb")" = "$pb_phone" ] || fail "bob's undo did not undo"
[ "$(sql postgres "SELECT name FROM people WHERE id = $pa")" = "Ana Undo" ] || fail "bob's undo took alice's step"
ok "undo and redo as alice take her step, not bob's newer one; bob's undo his"

# alice's undo of a row bob changed since is refused, naming him, though
# his audit rows are not hers to read (homeward_changed_by())
sql postgres "INSERT INTO team_members VALUES (1, 'bob')" >/dev/null
"$UNDO_AS" "$ALICE" set people "$pa" phone "555-0222" >"$dir/out" 2>&1 || fail "alice's edit: $(cat "$dir/out")"
"$UNDO_AS" "$BOB" set people "$pa" name "Ana Bob" >"$dir/out" 2>&1 || fail "bob's edit of alice's row: $(cat "$dir/out")"
if "$UNDO_AS" "$ALICE" undo >"$dir/out" 2>&1; then
  fail "alice's undo over bob's change was let through"
fi
grep -q "bob changed this after you" "$dir/out" || fail "alice's refused undo says: $(cat "$dir/out")"
[ "$(sql postgres "SELECT name || '/' || phone FROM people WHERE id = $pa")" = "Ana Bob/555-0222" ] \
  || fail "the refused undo changed the row"
[ "$(sql alice "SELECT homeward_changed_by('people', $pa)")" = bob ] || fail "homeward_changed_by of alice's row"
[ -z "$(sql alice "SELECT homeward_changed_by('people', $pb)")" ] \
  || fail "homeward_changed_by names who changed a row alice never changed"
# without the function (a server set up without the script): the refusal
# all the same, without the name
sql postgres "DROP FUNCTION homeward_changed_by(text, bigint)" >/dev/null
if "$UNDO_AS" "$ALICE" undo >"$dir/out" 2>&1; then
  fail "alice's undo over bob's change was let through without homeward_changed_by"
fi
grep -q "Someone else changed this after you" "$dir/out" || fail "without homeward_changed_by: $(cat "$dir/out")"
"$PSQL" -X -q -v ON_ERROR_STOP=1 "$URI" -f "$SRC/tools/pg-roles.sql" >"$dir/roles.out" 2>&1 \
  || fail "pg-roles.sql a third time: $(cat "$dir/roles.out")"
sql postgres "DELETE FROM team_members WHERE team_id = 1 AND role_name = 'bob'" >/dev/null
ok "alice's undo of a row bob changed since: refused, \"bob changed this after you\" (\"Someone else\" without the function)"

# pruning the history takes only one's own oldest steps
sql postgres "INSERT INTO hw_settings (key, value) VALUES ('undo-max-steps', '10')
              ON CONFLICT (key) DO UPDATE SET value = excluded.value" >/dev/null
for i in $(seq 1 14); do
  "$UNDO_AS" "$ALICE" set people "$pa" notes "note $i" >"$dir/out" 2>&1 || fail "alice's edit $i: $(cat "$dir/out")"
done
b_steps=$(sql postgres "SELECT count(*) FROM hw_history WHERE author = 'bob'")
b_lines=$(sql postgres "SELECT count(*) FROM hw_undo_log WHERE author = 'bob'")
[ "$(sql postgres "SELECT count(*) FROM hw_history WHERE kind = 'undo'")" -gt 10 ] || fail "too few steps to prune"
"$UNDO_AS" "$ALICE" open >"$dir/out" 2>&1 || fail "alice's open: $(cat "$dir/out")"
[ "$(sql postgres "SELECT count(*) FROM hw_history WHERE kind = 'undo' AND author = 'alice'")" = 10 ] \
  || fail "alice's history was not pruned to 10 steps: $(sql postgres "SELECT count(*) FROM hw_history WHERE kind = 'undo' AND author = 'alice'")"
[ "$(sql postgres "SELECT count(*) FROM hw_history WHERE author = 'bob'")" = "$b_steps" ] || fail "alice's pruning took bob's steps"
[ "$(sql postgres "SELECT count(*) FROM hw_undo_log WHERE author = 'bob'")" = "$b_lines" ] || fail "alice's pruning took bob's lines"
[ "$(sql postgres "SELECT count(*) FROM hw_undo_log l WHERE author = 'alice' AND NOT EXISTS (
        SELECT 1 FROM hw_history h WHERE h.author = 'alice' AND l.seq BETWEEN h.first_seq AND h.last_seq)")" = 0 ] \
  || fail "alice's pruned steps left lines"
# the owner opening the database finds no line of anyone's outside its step
"$HOMEWARD" list --database "$URI" >/dev/null
[ "$(sql postgres "SELECT count(*) FROM hw_undo_log WHERE author IN ('alice', 'bob')")" = \
  "$(sql postgres "SELECT count(*) FROM hw_undo_log l WHERE author IN ('alice', 'bob') AND EXISTS (
        SELECT 1 FROM hw_history h WHERE h.author = l.author AND l.seq BETWEEN h.first_seq AND h.last_seq)")" ] \
  || fail "lines outside their author's steps"
[ "$(sql postgres "SELECT count(*) FROM hw_undo_log WHERE author = 'bob'")" = "$b_lines" ] || fail "the owner's open took bob's lines"
"$UNDO_AS" "$ALICE" undo >"$dir/out" 2>&1 || fail "alice's undo after pruning: $(cat "$dir/out")"
[ "$(sql postgres "SELECT notes FROM people WHERE id = $pa")" = "note 13" ] || fail "alice's undo after pruning"
sql postgres "DELETE FROM hw_settings WHERE key = 'undo-max-steps'" >/dev/null
# two steps of bob's after alice's newest line, then one of alice's: her
# step's range must not begin before bob's (had it begun at her own
# newest line + 1, the owner's open found her line after bob's last step
# and deleted it as a line of no step)
"$UNDO_AS" "$BOB" set people "$pb" notes "bob 1" >"$dir/out" 2>&1 || fail "bob's edit: $(cat "$dir/out")"
"$UNDO_AS" "$BOB" set people "$pb" notes "bob 2" >"$dir/out" 2>&1 || fail "bob's edit: $(cat "$dir/out")"
"$UNDO_AS" "$ALICE" set people "$pa" notes "after bob" >"$dir/out" 2>&1 || fail "alice's edit: $(cat "$dir/out")"
a_lines=$(sql postgres "SELECT count(*) FROM hw_undo_log WHERE author = 'alice'")
"$HOMEWARD" list --database "$URI" >/dev/null
[ "$(sql postgres "SELECT count(*) FROM hw_undo_log WHERE author = 'alice'")" = "$a_lines" ] \
  || fail "the owner's open took alice's lines"
"$UNDO_AS" "$ALICE" undo >"$dir/out" 2>&1 || fail "alice's undo: $(cat "$dir/out")"
[ "$(sql postgres "SELECT notes FROM people WHERE id = $pa")" = "note 13" ] || fail "alice's undo after bob's steps"
ok "pruning as alice: her steps down to 10, bob's $b_steps steps and $b_lines lines kept; the owner's open keeps every line, alice's after two of bob's steps too"

# the store's edits, undo and redo as alice, killed at random (the kill -9
# harness, test-crash, signed in as alice): deleting a family deletes its
# people, meetings, tasks…, and undo puts the children back before their
# case, which the policies must let through. In a database of its own
# (test-crash's edits are anywhere in `cases`) with bob's family and his
# undo steps in it: alice's undo never reaches them.
sql postgres "CREATE DATABASE homeward_alice" >/dev/null
URI2=${URI/homeward_test/homeward_alice}
"$HOMEWARD" list --database "$URI2" >/dev/null
"$PSQL" -X -q -v ON_ERROR_STOP=1 "$URI2" -f "$SRC/tools/pg-roles.sql" >"$dir/roles.out" 2>&1 \
  || fail "pg-roles.sql on a second database: $(cat "$dir/roles.out")"
"$PSQL" -X -qtA -v ON_ERROR_STOP=1 "$URI2" -c "
  INSERT INTO teams (id, name) VALUES (1, 'Team A'), (2, 'Team B');
  INSERT INTO team_members VALUES (1, 'alice'), (2, 'bob');" >/dev/null
"$HOMEWARD" demo --database "${URI2/user=postgres/user=alice}" >/dev/null
"$HOMEWARD" import --database "${URI2/user=postgres/user=bob}" "$dir/b.json" >/dev/null
"$HOMEWARD" demo --database "${URI2/user=postgres/user=alice}" >/dev/null
bob_journal () {
  "$PSQL" -X -qtA "$URI2" -c "SELECT (SELECT count(*) FROM hw_history WHERE author = 'bob') || '/' ||
                                     (SELECT count(*) FROM hw_undo_log WHERE author = 'bob')"
}
bob_steps=$(bob_journal)
[ "${bob_steps%%/*}" -gt 0 ] || fail "bob has no undo step in the second database"
# alice forgets her own undo history so far (the harness's undo must not
# reach her demo families): the same statements remove only her steps
"$PSQL" -X -qtA -v ON_ERROR_STOP=1 "${URI2/user=postgres/user=alice}" \
  -c "DELETE FROM hw_undo_log; DELETE FROM hw_history" >/dev/null
[ "$("$PSQL" -X -qtA "$URI2" -c "SELECT count(*) FROM hw_history WHERE author = 'alice'")" = 0 ] \
  || fail "alice's steps are still there"
[ "$(bob_journal)" = "$bob_steps" ] || fail "alice's DELETE FROM hw_undo_log took bob's steps"
b2=$("$PSQL" -X -qtA "$URI2" -c "SELECT count(*) FROM people p JOIN cases c ON c.id = p.case_id WHERE c.team_id = 2")
[ "$b2" -gt 5 ] || fail "bob's family is not in the second database"
HOMEWARD_TEST_PG_URI=${URI2/user=postgres/user=alice} HOMEWARD_CRASH_KILLS=15 HOMEWARD_CRASH_SEED=${HOMEWARD_CRASH_SEED:-531876767} \
  "$HOMEWARD_BUILD_ROOT/tests/test-crash" --backend=pg >"$dir/crash.out" 2>&1 \
  || { tail -n 30 "$dir/crash.out" >&2; fail "random edits as alice"; }
[ "$("$PSQL" -X -qtA "$URI2" -c "SELECT count(*) FROM people p JOIN cases c ON c.id = p.case_id WHERE c.team_id = 2")" = "$b2" ] \
  || fail "alice's edits changed team B's people"
[ "$("$PSQL" -X -qtA "$URI2" -c "SELECT count(*) FROM cases WHERE team_id IS DISTINCT FROM 1 AND team_id <> 2")" = 0 ] \
  || fail "alice's edits made a case outside team A"
[ "$(bob_journal)" = "$bob_steps" ] || fail "alice's edits changed bob's undo steps: $bob_steps, now $(bob_journal)"
[ "$("$PSQL" -X -qtA "$URI2" -c "SELECT count(*) FROM hw_audit WHERE author = 'alice' AND action LIKE 'Undo%'")" -gt 0 ] \
  || fail "no undo by alice was audited"
n_children=$("$PSQL" -X -qtA "$URI2" -c "SELECT count(*) FROM hw_audit WHERE author = 'alice'
                                          AND action = 'Undo: Remove family' AND tbl <> 'cases'")
# the seed is one whose edits delete a family with its children and undo it
[ "$n_children" -gt 0 ] || fail "no family with children was deleted and put back by undo: try another HOMEWARD_CRASH_SEED"
ok "random edits, undo and redo as alice, killed 15 times: all committed ones there; team B and bob's undo steps untouched ($n_children rows of families put back by undo)"

echo "ok: roles and row-level security on PostgreSQL"
