#!/bin/sh
# End to end: `homeward forget-passphrase` removes a forgotten screen-lock
# passphrase and nothing else; a bad database or bad arguments change
# nothing and say why.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/h.db"

fail () { echo "FAIL: $*" >&2; exit 1; }
# everything but the passphrase, to compare before and after
dump () { sqlite3 "$db" ".dump" | grep -v "lock-passphrase-hash"; }

"$HOMEWARD" demo --database "$db" > /dev/null

# none set: says so, changes nothing
dump > "$dir/before.sql"
out=$("$HOMEWARD" forget-passphrase --database "$db") || fail "exit status with no passphrase"
echo "$out" | grep -q "nothing was changed" || fail "no-passphrase message: $out"
dump > "$dir/after.sql"
cmp -s "$dir/before.sql" "$dir/after.sql" || fail "the database changed with no passphrase set"

# a passphrase set (the hash as the app stores it; the value is not checked)
sqlite3 "$db" "INSERT INTO hw_settings (key, value) VALUES ('lock-passphrase-hash', '\$y\$j9T\$abc\$def')"
out=$("$HOMEWARD" forget-passphrase --database "$db") || fail "exit status"
echo "$out" | grep -q "passphrase is removed" || fail "message: $out"
[ "$(sqlite3 "$db" "SELECT count(*) FROM hw_settings WHERE key = 'lock-passphrase-hash'")" = 0 ] \
  || fail "the passphrase is still there"
dump > "$dir/after.sql"
cmp -s "$dir/before.sql" "$dir/after.sql" || fail "something besides the passphrase changed"

# bad arguments
if "$HOMEWARD" forget-passphrase --database "$db" extra 2> "$dir/err"; then fail "an extra argument was taken"; fi
grep -q "takes no other arguments" "$dir/err" || fail "extra-argument message: $(cat "$dir/err")"

# a damaged file is refused and left as it was
head -c 4096 /dev/urandom > "$dir/bad.db"
sum=$(sha256sum < "$dir/bad.db")
if "$HOMEWARD" forget-passphrase --database "$dir/bad.db" 2> "$dir/err"; then fail "a damaged file was taken"; fi
[ -s "$dir/err" ] || fail "no message for a damaged file"
[ "$(sha256sum < "$dir/bad.db")" = "$sum" ] || fail "the damaged file was changed"

# listed in the help
"$HOMEWARD" --help | grep -q "forget-passphrase" || fail "not in --help"
echo ok
