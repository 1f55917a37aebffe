#!/bin/sh
# End to end: `homeward serve` prints one link per attendee taking part
# ("NAME URL" a line; none for a confidential attendee), the link opens
# that person's page over HTTP, a made-up link is refused, the tokens are
# not on stderr, SIGTERM stops it cleanly (exit 0, the port closed), and a
# missing meeting or a public address is refused. Over HTTPS: the
# certificate made for this computer (in $XDG_DATA_HOME, 0600) verifies for
# 127.0.0.1 with curl, a client that does not trust it gets nothing, and its
# fingerprint is printed; --no-tls only with --address 127.0.0.1.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
dir=$(mktemp -d)
pid=
cleanup () {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
db="$dir/h.db"
export XDG_DATA_HOME="$dir/data"
cert="$XDG_DATA_HOME/homeward/join-tls/join-certificate.pem"

fail () { echo "FAIL: $*" >&2; [ -f "$dir/err" ] && cat "$dir/err" >&2; exit 1; }

"$HOMEWARD" demo --database "$db" >/dev/null
meeting=$(sqlite3 "$db" "SELECT max(id) FROM meetings")
expected=$(sqlite3 "$db" "SELECT count(*) FROM meeting_attendees a JOIN people p ON p.id = a.person_id
                          WHERE a.meeting_id = $meeting AND a.attendance IN ('present','remote')
                          AND p.confidential = 0 AND ',' || p.withheld_from || ',' NOT LIKE '%,support,%'")
secret=$(sqlite3 "$db" "SELECT p.name FROM meeting_attendees a JOIN people p ON p.id = a.person_id
                        WHERE a.meeting_id = $meeting AND p.confidential = 1 LIMIT 1")
[ -n "$secret" ] || fail "the sample meeting has no confidential attendee"

"$HOMEWARD" --help | grep -q "homeward serve" || fail "--help does not mention serve"

: >"$dir/out"   # made here: the child's redirection may come after the first look
"$HOMEWARD" serve --database "$db" --meeting "$meeting" --address 127.0.0.1 --port 0 \
    >"$dir/out" 2>"$dir/err" &
pid=$!
i=0
while [ "$(wc -l < "$dir/out")" -lt "$expected" ]; do
  i=$((i + 1))
  [ $i -lt 100 ] || fail "no links after 10 s"
  kill -0 "$pid" 2>/dev/null || fail "homeward serve stopped"
  sleep 0.1
done
sleep 0.2
[ "$(wc -l < "$dir/out")" -eq "$expected" ] || fail "$(wc -l < "$dir/out") links for $expected attendees"
grep -vqE '^.+ https://127\.0\.0\.1:[0-9]+/j/[A-Za-z0-9_-]{43}$' "$dir/out" && fail "a line is not NAME URL"
[ -f "$cert" ] || fail "no certificate made in $cert"
[ "$(stat -c %a "$XDG_DATA_HOME/homeward/join-tls/join-key.pem")" = 600 ] || fail "the key is not 0600"
grep -qE 'SHA-256.*([0-9A-F]{2}:){31}[0-9A-F]{2}' "$dir/err" || fail "no fingerprint on stderr"
grep -q "$secret" "$dir/out" && fail "a link for the confidential attendee"

line=$(head -n 1 "$dir/out")
url=${line##* }
name=${line% *}
curl -s -o /dev/null "$url" && fail "a client that does not trust the certificate got the page"
curl -sS --cacert "$cert" -D "$dir/headers" -o "$dir/page.html" "$url" || fail "curl $url"
head -n 1 "$dir/headers" | grep -q " 200" || fail "the link does not open: $(head -n 1 "$dir/headers")"
grep -qi '^Content-Security-Policy: default-src' "$dir/headers" || fail "no CSP"
grep -qi '^Referrer-Policy: no-referrer' "$dir/headers" || fail "no Referrer-Policy"
grep -q "$name" "$dir/page.html" || fail "the page is not $name's"
grep -q "$secret" "$dir/page.html" && fail "the confidential attendee on $name's page"

base=${url%/j/*}
status=$(curl -s --cacert "$cert" -o /dev/null -w '%{http_code}' "$base/j/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
[ "$status" = 403 ] || fail "a made-up link answered $status"

# the links are for their people only: not on stderr
token=${url##*/}
grep -q -- "$token" "$dir/err" && fail "a token on stderr"

kill -TERM "$pid"
i=0
while kill -0 "$pid" 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 100 ] || fail "still running 10 s after SIGTERM"
  sleep 0.1
done
wait "$pid" || fail "exit status $? after SIGTERM"
pid=
curl -s --cacert "$cert" -o /dev/null "$url" && fail "still answering after it stopped"

if "$HOMEWARD" serve --database "$db" --meeting 9999 --address 127.0.0.1 >/dev/null 2>"$dir/err"; then
  fail "an unknown meeting was served"
fi
grep -q "meeting" "$dir/err" || fail "no message for an unknown meeting"
if "$HOMEWARD" serve --database "$db" --meeting "$meeting" --address 8.8.8.8 >/dev/null 2>"$dir/err"; then
  fail "a public address was used"
fi
grep -q "local network" "$dir/err" || fail "no message for a public address"
if "$HOMEWARD" serve --database "$db" >/dev/null 2>"$dir/err"; then
  fail "served without --meeting"
fi
if "$HOMEWARD" serve --database "$db" --meeting "$meeting" --no-tls >/dev/null 2>"$dir/err"; then
  fail "plain HTTP on the network"
fi
grep -q -- "--no-tls" "$dir/err" || fail "no message for --no-tls"
if "$HOMEWARD" serve --database "$db" --meeting "$meeting" --address 127.0.0.1 \
    --tls-certificate "$cert" >/dev/null 2>"$dir/err"; then
  fail "a certificate without its key"
fi
if "$HOMEWARD" serve --database "$db" --meeting "$meeting" --address 127.0.0.1 \
    --tls-certificate "$dir/none.pem" --tls-key "$dir/none.pem" >/dev/null 2>"$dir/err"; then
  fail "a missing certificate"
fi
grep -q "cannot be used" "$dir/err" || fail "no message for a missing certificate: $(cat "$dir/err")"
echo "ok: homeward serve"
