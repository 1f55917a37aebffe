#!/bin/sh
# End to end: `homeward backup`, `homeward backups` and `homeward restore`
# on the command line: what they write, what they refuse, their exit
# status (0 done, 1 refused or failed, 2 wrong arguments), and that a
# refusal changes nothing.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# the automatic backups go here
export XDG_DATA_HOME="$dir/data"
unset DISPLAY WAYLAND_DISPLAY || true
db="$dir/h.db"

fail () { echo "FAIL: $*" >&2; exit 1; }
# the families, people and undo history, to compare databases
dump () { sqlite3 "file:$1?mode=ro" "SELECT * FROM cases; SELECT * FROM people; SELECT * FROM hw_history; SELECT * FROM hw_undo_log"; }
status () { set +e; "$@" > "$dir/out" 2> "$dir/err"; rc=$?; set -e; echo $rc; }

"$HOMEWARD" demo --database "$db" > /dev/null

# backup: a checked, private, one-file copy
[ "$(status "$HOMEWARD" backup --database "$db" --output "$dir/b.db")" = 0 ] || fail "backup: $(cat "$dir/err")"
[ -f "$dir/b.db" ] || fail "no backup file"
[ ! -e "$dir/b.db-wal" ] || fail "the backup has a -wal"
[ "$(stat -c %a "$dir/b.db")" = 600 ] || fail "the backup is not 0600"
[ "$(sqlite3 "file:$dir/b.db?mode=ro" "PRAGMA quick_check")" = ok ] || fail "quick_check of the backup"
[ "$(dump "$dir/b.db")" = "$(dump "$db")" ] || fail "the backup does not hold the database's data"

# ... never over an existing file without --force
sum=$(sha256sum < "$dir/b.db")
sqlite3 "$db" "INSERT INTO cases (family_name) VALUES ('Added later')"
[ "$(status "$HOMEWARD" backup --database "$db" --output "$dir/b.db")" = 1 ] || fail "backup over a file: exit status"
grep -q "already exists" "$dir/err" || fail "backup over a file: message: $(cat "$dir/err")"
[ "$(sha256sum < "$dir/b.db")" = "$sum" ] || fail "backup over a file without --force changed it"
[ "$(status "$HOMEWARD" backup --database "$db" --output "$dir/b2.db" --force)" = 0 ] || fail "backup --force"
[ "$(status "$HOMEWARD" backup --database "$db")" = 2 ] || fail "backup without --output: exit status"
grep -q -- "--output" "$dir/err" || fail "backup without --output: message"

# restore: never over an existing database without --force
before=$(sha256sum < "$db")
[ "$(status "$HOMEWARD" restore --database "$db" "$dir/b.db")" = 1 ] || fail "restore without --force: exit status"
grep -q -- "--force" "$dir/err" || fail "restore without --force: message: $(cat "$dir/err")"
[ "$(sha256sum < "$db")" = "$before" ] || fail "restore without --force changed the database"

# ... nor from a bad backup, even with --force
printf 'These are notes.\n' > "$dir/notes.db"
head -c 20000 "$dir/b.db" > "$dir/truncated.db"
cp "$dir/b.db" "$dir/newer.db"; sqlite3 "$dir/newer.db" "PRAGMA user_version = 99"
for bad in notes truncated newer missing; do
  [ "$(status "$HOMEWARD" restore --database "$db" --force "$dir/$bad.db")" = 1 ] || fail "restore of $bad: exit status"
  [ -s "$dir/err" ] || fail "restore of $bad: no message"
  [ "$(sha256sum < "$db")" = "$before" ] || fail "restore of $bad changed the database"
done
[ "$(status "$HOMEWARD" restore --database "$db" --force "$dir/newer.db")" = 1 ]
grep -q "newer version of Homeward" "$dir/err" || fail "newer backup: message: $(cat "$dir/err")"
[ "$(status "$HOMEWARD" restore --database "$db" --force "$dir/truncated.db")" = 1 ]
grep -q "damaged" "$dir/err" || fail "truncated backup: message: $(cat "$dir/err")"
[ "$(status "$HOMEWARD" restore --database "$db" --force "$dir/notes.db")" = 1 ]
grep -q "not a Homeward backup" "$dir/err" || fail "text file: message: $(cat "$dir/err")"

# ... wrong arguments
[ "$(status "$HOMEWARD" restore "$dir/b.db")" = 2 ] || fail "restore without --database: exit status"
[ "$(status "$HOMEWARD" restore --database "$db")" = 2 ] || fail "restore without a backup: exit status"

# with --force: the backup's data; what was there is saved first
now=$(dump "$db")
[ "$(status "$HOMEWARD" restore --database "$db" --force "$dir/b.db")" = 0 ] || fail "restore --force: $(cat "$dir/err")"
[ "$(dump "$db")" = "$(dump "$dir/b.db")" ] || fail "after the restore the database is not the backup"
[ "$(sqlite3 "file:$db?mode=ro" "PRAGMA quick_check")" = ok ] || fail "quick_check after the restore"
saved=$(sed -n 's/.*saved in “\(.*\)”.*/\1/p' "$dir/out")
[ -f "$saved" ] || fail "what was there before is not saved: $(cat "$dir/out")"
[ "$(dump "$saved")" = "$now" ] || fail "the saved copy is not what was there before"
[ "$(stat -c %a "$saved")" = 600 ] || fail "the saved copy is not 0600"
[ "$(stat -c %a "$dir/data/homeward/backups")" = 700 ] || fail "the backups folder is not 0700"
"$HOMEWARD" list --database "$db" > /dev/null || fail "the restored database does not open"

# into a new file
[ "$(status "$HOMEWARD" restore --database "$dir/new/n.db" "$dir/b.db")" = 0 ] || fail "restore into a new file"
[ "$(dump "$dir/new/n.db")" = "$(dump "$dir/b.db")" ] || fail "the new file is not the backup"

# backups: the automatic ones of this database only
[ "$(status "$HOMEWARD" backups --database "$db")" = 0 ] || fail "backups: exit status"
grep -q "before a restore" "$dir/out" || fail "backups does not list the saved copy: $(cat "$dir/out")"
grep -q "$saved" "$dir/out" || fail "backups does not show the file"
[ "$(status "$HOMEWARD" backups --database "$dir/other.db")" = 0 ] || fail "backups of another database"
grep -q "no automatic backups" "$dir/out" || fail "another database has backups: $(cat "$dir/out")"
[ "$(status "$HOMEWARD" backups --database "$db" extra)" = 2 ] || fail "backups with an extra argument"

# listed in the help
for c in "homeward backup" "homeward restore" "homeward backups"; do
  "$HOMEWARD" --help | grep -q "$c" || fail "$c is not in --help"
done
echo ok
