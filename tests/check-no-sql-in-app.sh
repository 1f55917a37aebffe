#!/bin/sh
# check-no-sql-in-app.sh: the window's code holds no SQL. Views ask the core
# for named queries (src/core/<area>/…), so that every question about the
# data is answered in one place and a second store backend (PostgreSQL)
# has nothing to find in the views. Fails listing each line that runs a
# query or holds a statement in src/app.
#
# Usage: check-no-sql-in-app.sh SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
root=${1:-$(dirname "$0")/..}
cd "$root"

hits=$(grep -rnE \
  -e '\b(hw_store_(select|query_int|query_text|exec)|hw_record_list_new|hw_sql_[a-z_]+|sqlite3_[a-z_]+) *\(' \
  -e '"[^"]*\b(SELECT|INSERT INTO|INSERT OR|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE|PRAGMA)\b' \
  --include='*.c' --include='*.h' src/app || true)

if [ -n "$hits" ]; then
  echo "SQL or direct queries in src/app (ask the core for a named query instead):"
  echo "$hits"
  n=$(printf '%s\n' "$hits" | wc -l)
  echo "0 passed, $n failed"
  exit 1
fi
echo "1 passed, 0 failed"
