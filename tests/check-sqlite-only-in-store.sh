#!/bin/sh
# check-sqlite-only-in-store.sh: outside the store (src/core/store), the
# core talks to the database through HwDb only, in the one SQL dialect
# both backends take (docs/agency-server.md, "The SQL both backends
# take"), so that every area runs on an agency's PostgreSQL server as on a
# sqlite file. Fails listing each line that calls sqlite3 directly,
# borrows the store's sqlite3 handle, or holds a construct PostgreSQL
# does not take (ifnull, INSERT OR …, REPLACE INTO, group_concat, sqlite's
# date functions, COLLATE NOCASE, GLOB, a case-blind LIKE, `a IS b` on
# values, a bare ? whose type cannot be inferred, PRAGMA, sqlite_master).
# A statement that can only be written per backend belongs in the store's
# own files, with a version for each.
#
# Usage: check-sqlite-only-in-store.sh SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
root=${1:-$(dirname "$0")/..}
cd "$root"

files=$(find src/core -path src/core/store -prune -o -type f \( -name '*.c' -o -name '*.h' \) -print | sort)

# Direct sqlite: any sqlite3 name, the store's raw handle.
api=$(grep -nE -e '\bsqlite3(_[a-z0-9_]+)?\b' -e '\bSQLITE_[A-Z_]+\b' -e '\bhw_store_get_db\b' $files || true)

# Inside string literals (SQL is always in "…"): case-insensitive words…
words=$(grep -niE \
  -e '"[^"]*\b(ifnull|iif|instr|group_concat|julianday|strftime|datetime|date|randomblob|last_insert_rowid)\(' \
  -e '"[^"]*\bINSERT +OR +(IGNORE|REPLACE|ABORT|FAIL|ROLLBACK)\b' \
  -e '"[^"]*\bREPLACE +INTO\b' \
  -e '"[^"]*\bCOLLATE +NOCASE\b' \
  -e '"[^"]*\bGLOB\b' \
  -e '"[^"]*\b(PRAGMA|sqlite_master|sqlite_schema|sqlite_sequence)\b' \
  $files || true)

# …and SQL's upper-case keywords: `a IS b` on values (IS NULL, IS NOT
# NULL, IS [NOT] DISTINCT FROM are fine), LIKE on a bare column (sqlite's
# ignores case, PostgreSQL's does not: lower() both sides), a bare ? in a
# SELECT list, as a function's argument or before IS NULL (write
# CAST(? AS TEXT)).
keywords=$(grep -nE \
  -e '"[^"]*\?[0-9]* +IS +(NOT +)?NULL\b' \
  -e '"[^"]*[^A-Za-z_]IS +(NOT +)?[^NDTF" ]' \
  -e '"[^"]*[A-Za-z0-9_.] +(NOT +)?LIKE\b' \
  -e '"[^"]*\bSELECT +(DISTINCT +)?\?' \
  -e '"[^"]*[a-z_]\( *\?' \
  $files || true)

hits=$(printf '%s\n%s\n%s\n' "$api" "$words" "$keywords" | sed '/^$/d' | sort -u)

if [ -n "$hits" ]; then
  echo "sqlite-only code or SQL in src/core outside src/core/store (use HwDb and the SQL both backends take, docs/agency-server.md):"
  echo "$hits"
  n=$(printf '%s\n' "$hits" | wc -l)
  echo "0 passed, $n failed"
  exit 1
fi
echo "1 passed, 0 failed"
