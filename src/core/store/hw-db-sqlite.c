/* hw-db-sqlite.c: HwDb on an embedded sqlite file (or on the store's own
 * sqlite3 handle, hw_db_sqlite_wrap()). A thin layer: the SQL is sqlite's
 * already, errors are mapped as the store maps them
 * (hw_store_set_sqlite_error()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-db"

#include <glib/gi18n.h>

#include "hw-db-private.h"
#include "hw-store.h"

typedef struct {
  HwDb     parent;
  sqlite3 *db;
  gboolean owned;
} HwDbSqlite;

typedef struct {
  HwDbStmt      parent;
  sqlite3_stmt *stmt;
} HwDbSqliteStmt;

#define SQLITE_DB(d) (((HwDbSqlite *) (d))->db)
#define SQLITE_STMT(s) (((HwDbSqliteStmt *) (s))->stmt)

static void
sqlite_close (HwDb *db)
{
  HwDbSqlite *self = (HwDbSqlite *) db;

  if (self->owned)
    sqlite3_close (self->db);
  g_free (db->name);
  g_free (self);
}

static gboolean
sqlite_exec (HwDb        *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (SQLITE_DB (db), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, SQLITE_DB (db), rc, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_in_transaction (HwDb *db)
{
  return !sqlite3_get_autocommit (SQLITE_DB (db));
}

static gint64
sqlite_last_insert_id (HwDb *db)
{
  return sqlite3_last_insert_rowid (SQLITE_DB (db));
}

static gint64
sqlite_changes (HwDb *db)
{
  return sqlite3_changes64 (SQLITE_DB (db));
}

static HwDbStmt *
sqlite_prepare (HwDb        *db,
                const char  *sql,
                GError     **error)
{
  HwDbSqliteStmt *stmt;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2 (SQLITE_DB (db), sql, -1, &s, NULL);

  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, SQLITE_DB (db), rc, NULL);
      return NULL;
    }
  stmt = g_new0 (HwDbSqliteStmt, 1);
  stmt->parent.db = db;
  stmt->stmt = s;
  return (HwDbStmt *) stmt;
}

static void
sqlite_stmt_free (HwDbStmt *stmt)
{
  sqlite3_finalize (SQLITE_STMT (stmt));
  g_free (stmt);
}

static void
sqlite_bind_text (HwDbStmt   *stmt,
                  guint       index,
                  const char *value)
{
  sqlite3_bind_text (SQLITE_STMT (stmt), index, value, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_int64 (HwDbStmt *stmt,
                   guint     index,
                   gint64    value)
{
  sqlite3_bind_int64 (SQLITE_STMT (stmt), index, value);
}

static void
sqlite_bind_double (HwDbStmt *stmt,
                    guint     index,
                    double    value)
{
  sqlite3_bind_double (SQLITE_STMT (stmt), index, value);
}

static void
sqlite_bind_null (HwDbStmt *stmt,
                  guint     index)
{
  sqlite3_bind_null (SQLITE_STMT (stmt), index);
}

static HwDbStep
sqlite_step (HwDbStmt  *stmt,
             GError   **error)
{
  int rc = sqlite3_step (SQLITE_STMT (stmt));

  if (rc == SQLITE_ROW)
    return HW_DB_STEP_ROW;
  if (rc == SQLITE_DONE)
    return HW_DB_STEP_DONE;
  hw_store_set_sqlite_error (error, SQLITE_DB (stmt->db), rc, NULL);
  return HW_DB_STEP_ERROR;
}

static void
sqlite_reset (HwDbStmt *stmt)
{
  sqlite3_reset (SQLITE_STMT (stmt));
}

static int
sqlite_column_count (HwDbStmt *stmt)
{
  return sqlite3_column_count (SQLITE_STMT (stmt));
}

static const char *
sqlite_column_name (HwDbStmt *stmt,
                    int       column)
{
  return sqlite3_column_name (SQLITE_STMT (stmt), column);
}

static gboolean
sqlite_column_is_null (HwDbStmt *stmt,
                       int       column)
{
  return sqlite3_column_type (SQLITE_STMT (stmt), column) == SQLITE_NULL;
}

static HwDbType
sqlite_column_type (HwDbStmt *stmt,
                    int       column)
{
  switch (sqlite3_column_type (SQLITE_STMT (stmt), column))
    {
    case SQLITE_NULL:
      return HW_DB_TYPE_NULL;
    case SQLITE_INTEGER:
      return HW_DB_TYPE_INTEGER;
    case SQLITE_FLOAT:
      return HW_DB_TYPE_FLOAT;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
    default:
      return HW_DB_TYPE_TEXT;
    }
}

static const char *
sqlite_column_text (HwDbStmt *stmt,
                    int       column)
{
  return (const char *) sqlite3_column_text (SQLITE_STMT (stmt), column);
}

static gint64
sqlite_column_int64 (HwDbStmt *stmt,
                     int       column)
{
  return sqlite3_column_int64 (SQLITE_STMT (stmt), column);
}

static double
sqlite_column_double (HwDbStmt *stmt,
                      int       column)
{
  return sqlite3_column_double (SQLITE_STMT (stmt), column);
}

static const HwDbClass sqlite_class = {
  .close = sqlite_close,
  .exec = sqlite_exec,
  .in_transaction = sqlite_in_transaction,
  .last_insert_id = sqlite_last_insert_id,
  .changes = sqlite_changes,
  .prepare = sqlite_prepare,
  .stmt_free = sqlite_stmt_free,
  .bind_text = sqlite_bind_text,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
  .column_is_null = sqlite_column_is_null,
  .column_type = sqlite_column_type,
  .column_text = sqlite_column_text,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
};

static HwDb *
sqlite_new (sqlite3    *db,
            gboolean    owned,
            const char *name)
{
  HwDbSqlite *self = g_new0 (HwDbSqlite, 1);

  self->parent.klass = &sqlite_class;
  self->parent.backend = HW_DB_BACKEND_SQLITE;
  self->parent.name = g_strdup (name ? name : "");
  self->db = db;
  self->owned = owned;
  return (HwDb *) self;
}

HwDb *
hw_db_sqlite_wrap (sqlite3 *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return sqlite_new (db, FALSE, sqlite3_db_filename (db, "main"));
}

HwDb *
hw_db_sqlite_open (const char  *path,
                   GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (hw_store_is_address (path))
    {
      g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                           _("This is the address of a database server, not a file"));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }
  return sqlite_new (db, TRUE, path);
}
