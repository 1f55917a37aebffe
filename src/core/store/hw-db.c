/* hw-db.c: the backend-independent half of HwDb: argument checks,
 * dispatch to the backend, `?` to `$n`, and URIs without passwords.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-db"

#include <string.h>
#include <glib/gi18n.h>

#include "hw-db-private.h"
#include "hw-store.h"

/* An error inside a transaction spoils it, on both backends: sqlite
 * would let the rest be committed, PostgreSQL would not; an edit is all
 * or nothing either way. */
static void
note_failure (HwDb *db)
{
  if (db->klass->in_transaction (db))
    db->failed = TRUE;
}

HwDb *
hw_db_open (const char  *name,
            GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (hw_store_is_address (name))
    return hw_db_pg_open (name, error);
  return hw_db_sqlite_open (name, error);
}

void
hw_db_close (HwDb *db)
{
  if (db == NULL)
    return;
  db->klass->close (db);
}

HwDbBackend
hw_db_get_backend (HwDb *db)
{
  g_return_val_if_fail (db != NULL, HW_DB_BACKEND_SQLITE);
  return db->backend;
}

const char *
hw_db_get_name (HwDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->name;
}

gboolean
hw_db_exec (HwDb        *db,
            const char  *sql,
            GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  if (!db->klass->exec (db, sql, error))
    {
      note_failure (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_db_begin (HwDb    *db,
             GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  if (db->klass->in_transaction (db))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY,
                   "A transaction is already open on %s", db->name);
      return FALSE;
    }
  /* sqlite: take the write lock now, not at the first write, so that a
   * busy file fails here and not half-way through an edit */
  db->failed = FALSE;
  return db->klass->exec (db, db->backend == HW_DB_BACKEND_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN",
                          error);
}

gboolean
hw_db_commit (HwDb    *db,
              GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  if (db->failed)
    {
      db->klass->exec (db, "ROLLBACK", NULL);
      db->failed = FALSE;
      g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                           _("A step of this change failed, so nothing of it was saved"));
      return FALSE;
    }
  if (!db->klass->exec (db, "COMMIT", error))
    {
      /* sqlite keeps the transaction open after a failed COMMIT (a
       * deferred foreign key); PostgreSQL has ended it. Make both end:
       * nothing of it is kept. */
      if (db->klass->in_transaction (db))
        db->klass->exec (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_db_rollback (HwDb    *db,
                GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  db->failed = FALSE;
  return db->klass->exec (db, "ROLLBACK", error);
}

gboolean
hw_db_in_transaction (HwDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return db->klass->in_transaction (db);
}

gint64
hw_db_last_insert_id (HwDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return db->klass->last_insert_id (db);
}

gint64
hw_db_changes (HwDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return db->klass->changes (db);
}

HwDbStmt *
hw_db_prepare (HwDb        *db,
               const char  *sql,
               GError     **error)
{
  HwDbStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  stmt = db->klass->prepare (db, sql, error);
  if (stmt == NULL)
    note_failure (db);
  return stmt;
}

void
hw_db_stmt_free (HwDbStmt *stmt)
{
  if (stmt == NULL)
    return;
  stmt->db->klass->stmt_free (stmt);
}

void
hw_db_stmt_bind_text (HwDbStmt   *stmt,
                      guint       index,
                      const char *value)
{
  g_return_if_fail (stmt != NULL && index > 0);
  if (value == NULL)
    stmt->db->klass->bind_null (stmt, index);
  else
    stmt->db->klass->bind_text (stmt, index, value);
}

void
hw_db_stmt_bind_int64 (HwDbStmt *stmt,
                       guint     index,
                       gint64    value)
{
  g_return_if_fail (stmt != NULL && index > 0);
  stmt->db->klass->bind_int64 (stmt, index, value);
}

void
hw_db_stmt_bind_double (HwDbStmt *stmt,
                        guint     index,
                        double    value)
{
  g_return_if_fail (stmt != NULL && index > 0);
  stmt->db->klass->bind_double (stmt, index, value);
}

void
hw_db_stmt_bind_null (HwDbStmt *stmt,
                      guint     index)
{
  g_return_if_fail (stmt != NULL && index > 0);
  stmt->db->klass->bind_null (stmt, index);
}

HwDbStep
hw_db_stmt_step (HwDbStmt  *stmt,
                 GError   **error)
{
  HwDbStep step;

  g_return_val_if_fail (stmt != NULL, HW_DB_STEP_ERROR);
  step = stmt->db->klass->step (stmt, error);
  if (step == HW_DB_STEP_ERROR)
    note_failure (stmt->db);
  return step;
}

void
hw_db_stmt_reset (HwDbStmt *stmt)
{
  g_return_if_fail (stmt != NULL);
  stmt->db->klass->reset (stmt);
}

int
hw_db_stmt_column_count (HwDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->db->klass->column_count (stmt);
}

const char *
hw_db_stmt_column_name (HwDbStmt *stmt,
                        int       column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return stmt->db->klass->column_name (stmt, column);
}

gboolean
hw_db_stmt_column_is_null (HwDbStmt *stmt,
                           int       column)
{
  g_return_val_if_fail (stmt != NULL, TRUE);
  return stmt->db->klass->column_is_null (stmt, column);
}

HwDbType
hw_db_stmt_column_type (HwDbStmt *stmt,
                        int       column)
{
  g_return_val_if_fail (stmt != NULL, HW_DB_TYPE_NULL);
  return stmt->db->klass->column_type (stmt, column);
}

const char *
hw_db_stmt_column_text (HwDbStmt *stmt,
                        int       column)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  return stmt->db->klass->column_text (stmt, column);
}

gint64
hw_db_stmt_column_int64 (HwDbStmt *stmt,
                         int       column)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->db->klass->column_int64 (stmt, column);
}

double
hw_db_stmt_column_double (HwDbStmt *stmt,
                          int       column)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->db->klass->column_double (stmt, column);
}

char *
hw_db_rewrite_placeholders (const char *sql,
                            guint      *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  guint highest = 0;
  const char *p = sql;

  g_return_val_if_fail (sql != NULL, NULL);

  while (*p)
    {
      if (*p == '\'' || *p == '"')
        {
          /* a string or a quoted name; a doubled quote inside is one
           * quote and simply closes and reopens it here */
          char quote = *p;
          const char *end = strchr (p + 1, quote);

          end = end ? end + 1 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          guint n;

          p++;
          if (g_ascii_isdigit (*p))
            {
              char *end = NULL;

              n = (guint) g_ascii_strtoull (p, &end, 10);
              p = end;
            }
          else
            {
              /* sqlite: a plain ? is one more than the highest so far */
              n = highest + 1;
            }
          highest = MAX (highest, n);
          g_string_append_printf (out, "$%u", n);
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  if (n_params)
    *n_params = highest;
  return g_string_free (out, FALSE);
}

char *
hw_db_redact_uri (const char *uri)
{
  g_autoptr(GRegex) kv = NULL;
  g_autofree char *without_kv = NULL;
  const char *scheme_end;

  g_return_val_if_fail (uri != NULL, NULL);

  /* password=… as a URI parameter or a "key=value" word, quoted or not */
  kv = g_regex_new ("(^|[?&\\s])(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^&\\s]*)",
                    G_REGEX_CASELESS, 0, NULL);
  without_kv = g_regex_replace (kv, uri, -1, 0, "\\1\\2***", 0, NULL);
  if (without_kv == NULL)
    return g_strdup ("***");

  /* scheme://user:password@host… */
  scheme_end = strstr (without_kv, "://");
  if (scheme_end != NULL)
    {
      const char *authority = scheme_end + 3;
      gsize len = strcspn (authority, "/?#");
      const char *at = g_strrstr_len (authority, len, "@");
      const char *colon = at ? memchr (authority, ':', at - authority) : NULL;

      if (colon != NULL)
        return g_strdup_printf ("%.*s***%s", (int) (colon + 1 - without_kv), without_kv, at);
    }
  return g_steal_pointer (&without_kv);
}
