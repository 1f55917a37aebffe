/* hw-sql.c: the few plain sqlite calls the core's modules share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-store"

#include "hw-sql.h"
#include "hw-store.h"

gboolean
hw_sql_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

gint64
hw_sql_query_int (sqlite3    *db,
                  gint64      fallback,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 ret = fallback;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW &&
      sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    ret = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return ret;
}

char *
hw_sql_query_text (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *ret = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ret = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return ret;
}

char *
hw_sql_immutable_uri (const char *path)
{
  GString *uri = g_string_new ("file:");

  /* the characters that end or escape a URI's path */
  for (const char *p = path; *p; p++)
    if (*p == '%' || *p == '?' || *p == '#')
      g_string_append_printf (uri, "%%%02X", (guchar) *p);
    else
      g_string_append_c (uri, *p);
  g_string_append (uri, "?immutable=1");
  return g_string_free (uri, FALSE);
}
