/* hw-purge.c: deleting a family for good, and purging closed cases.
 *
 * Where a deleted family's data can stay after an ordinary delete, and
 * what removes it here:
 *  - the rows themselves: secure_delete (set by the store) overwrites
 *    deleted cells and freed pages with zeros;
 *  - the undo journal: the undo statement of a deleted row is an INSERT
 *    with every value, and of a changed row an UPDATE with the old values;
 *    the steps that may hold them are dropped (see hw_case_delete_forever());
 *  - the write-ahead log (the -wal file) keeps older copies of changed
 *    pages until a checkpoint overwrites the database and the log is
 *    truncated: `PRAGMA wal_checkpoint(TRUNCATE)` after committing;
 *  - free pages at the end of the file: given back by incremental vacuum.
 * The audit trail never held names (only ids and edit labels), so its rows
 * stay, and one more says the case was deleted for good.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-purge"

#include <glib/gi18n-lib.h>

#include "hw-backup.h"
#include "hw-date.h"
#include "hw-history.h"
#include "hw-purge.h"
#include "hw-sql.h"

static gboolean
refuse_server (HwStore  *store,
               GError  **error)
{
  if (!hw_store_is_server (store))
    return FALSE;
  g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
               _("The database %s is on a server. Deleting a family for good is not "
                 "possible there yet. Nothing was deleted."),
               hw_store_get_path (store));
  return TRUE;
}

gboolean
hw_purge_wipe_free_space (HwStore  *store,
                          GError  **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int busy = 1, rc;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (!hw_store_in_edit (store), FALSE);

  if (refuse_server (store, error))
    return FALSE;
  db = hw_store_get_db (store);
  if (hw_store_query_int (store, 0, "PRAGMA auto_vacuum", G_TYPE_INVALID) == 2)
    {
      if (!hw_history_free_pages (store, error))
        return FALSE;
    }
  else if (!hw_sql_exec (db, "VACUUM", error))
    return FALSE;

  /* TRUNCATE waits (busy timeout) for readers of older snapshots, copies
   * every page into the database and cuts the log to zero bytes. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    busy = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW || busy != 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY,
                   _("Another program is reading the database, so older copies of deleted data "
                     "stay in its journal file (“%s-wal”) until every program has closed it"),
                   hw_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

/* The newest undo step whose statements re-insert case @case_id: the
 * delete of that case that is in effect; its INSERT statement in
 * @insert. 0: none. */
static gint64
find_delete_step (HwStore  *store,
                  gint64    case_id,
                  char    **insert)
{
  g_autofree char *pattern = g_strdup_printf ("INSERT INTO cases(id,* VALUES(%" G_GINT64_FORMAT ",*", case_id);
  sqlite3_stmt *stmt = NULL;
  gint64 step = 0;

  if (sqlite3_prepare_v2 (hw_store_get_db (store),
                          "SELECT h.id, l.sql FROM hw_history h JOIN hw_undo_log l"
                          " ON l.seq BETWEEN h.first_seq AND h.last_seq"
                          " WHERE h.kind = 'undo' AND l.sql GLOB ?"
                          " ORDER BY h.id DESC, l.seq DESC LIMIT 1",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      step = sqlite3_column_int64 (stmt, 0);
      *insert = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return step;
}

static gboolean
audit_deleted (HwStore  *store,
               gint64    case_id,
               GError  **error)
{
  sqlite3 *db = hw_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO hw_audit (author, action, tbl, row_id, change)"
                           " VALUES (?, ?, 'cases', ?, 'delete')", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, hw_store_get_author (store), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, HW_PURGE_AUDIT_ACTION, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, case_id);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      hw_store_set_sqlite_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  gint64  id;
  char   *family_name;
  char   *case_number;
  char   *created;
} CaseIdentity;

static void
case_identity_clear (gpointer data)
{
  CaseIdentity *who = data;

  g_free (who->family_name);
  g_free (who->case_number);
  g_free (who->created);
}

/* What tells a case apart in a backup, where another case may have the
 * same id: from its row. FALSE: there is no such row. */
static gboolean
identity_from_row (HwStore      *store,
                   CaseIdentity *who)
{
  g_autoptr(GPtrArray) rows = hw_store_select (store, "cases", NULL,
                                               "SELECT id, family_name, case_number, created"
                                               " FROM cases WHERE id = ?",
                                               G_TYPE_INT64, who->id, G_TYPE_INVALID);
  HwRecord *r;

  if (rows == NULL || rows->len != 1)
    return FALSE;
  r = g_ptr_array_index (rows, 0);
  who->family_name = g_strdup (hw_record_get_string (r, "family_name"));
  who->case_number = g_strdup (hw_record_get_string (r, "case_number"));
  who->created = g_strdup (hw_record_get_string (r, "created"));
  return TRUE;
}

/* The same, when an undoable edit deleted the case: from the INSERT
 * statement that would bring it back (its VALUES evaluated by sqlite, the
 * column names read from the statement). */
static gboolean
identity_from_insert (sqlite3      *db,
                      const char   *insert,
                      CaseIdentity *who)
{
  g_autofree char *select = NULL;
  g_auto(GStrv) columns = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *open, *values;

  if (insert == NULL ||
      (open = strchr (insert, '(')) == NULL ||
      (values = strstr (insert, ") VALUES(")) == NULL)
    return FALSE;

  {
    g_autofree char *names = g_strndup (open + 1, values - open - 1);
    columns = g_strsplit (names, ",", -1);
  }
  select = g_strdup_printf ("SELECT * FROM (%s)", values + 2);
  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      (guint) sqlite3_column_count (stmt) != g_strv_length (columns))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      if (g_str_equal (columns[i], "family_name"))
        who->family_name = g_strdup (text);
      else if (g_str_equal (columns[i], "case_number"))
        who->case_number = g_strdup (text);
      else if (g_str_equal (columns[i], "created"))
        who->created = g_strdup (text);
    }
  sqlite3_finalize (stmt);
  return who->family_name != NULL && who->case_number != NULL && who->created != NULL;
}

/* Deleted for good means gone from the automatic backups too. A backup
 * that cannot be changed is said, without the family's name. */
static void
forget_in_backups (HwStore *store,
                   GArray  *identities)
{
  for (guint i = 0; i < identities->len; i++)
    {
      CaseIdentity *who = &g_array_index (identities, CaseIdentity, i);
      g_autoptr(GError) error = NULL;
      int n = hw_backup_forget_case (hw_store_get_path (store), who->id, who->family_name,
                                     who->case_number, who->created, &error);

      if (n < 0)
        g_warning ("Case %" G_GINT64_FORMAT " could not be removed from every backup: %s",
                   who->id, error->message);
      else if (n > 0)
        g_debug ("Case %" G_GINT64_FORMAT " removed from %d backups", who->id, n);
    }
}

/* Deletes @ids for good in one edit, then wipes, then removes them from
 * the automatic backups. */
static gboolean
delete_cases_forever (HwStore  *store,
                      GArray   *ids,
                      GError  **error)
{
  g_autoptr(GError) wipe_error = NULL;
  g_autoptr(GArray) identities = g_array_new (FALSE, TRUE, sizeof (CaseIdentity));
  gboolean any_present = FALSE;
  gint64 cut = 0;
  g_autofree char *sql = NULL;

  g_array_set_clear_func (identities, case_identity_clear);

  /* what this promises (no copy left in the file, its backups, the undo
   * journal) is a sqlite file's; on a server it is not built yet */
  if (refuse_server (store, error))
    return FALSE;
  if (hw_store_in_edit (store))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY,
                   "Cannot delete for good inside an open edit");
      return FALSE;
    }
  /* not translated: the label is kept in the audit trail */
  if (!hw_store_begin_edit (store, "Delete a family for good", error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      CaseIdentity who = { .id = id };

      if (identity_from_row (store, &who))
        {
          any_present = TRUE;
          g_array_append_val (identities, who);
          if (!hw_store_delete (store, NULL, "cases", id, error))
            goto fail;
        }
      else
        {
          g_autofree char *insert = NULL;
          gint64 step = find_delete_step (store, id, &insert);

          if (step == 0)
            {
              g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                           _("There is no case %lld. Nothing was deleted."), (long long) id);
              goto fail;
            }
          cut = MAX (cut, step);
          if (identity_from_insert (hw_store_get_db (store), insert, &who))
            g_array_append_val (identities, who);
          else
            case_identity_clear (&who);
        }
      if (!audit_deleted (store, id, error))
        goto fail;
    }

  /* The statements this edit's own delete just logged go too: the edit
   * then leaves no step behind. */
  if (any_present)
    sql = g_strdup ("DELETE FROM hw_undo_log; DELETE FROM hw_history;");
  else
    sql = g_strdup_printf ("DELETE FROM hw_undo_log WHERE seq IN ("
                           "  SELECT l.seq FROM hw_history h JOIN hw_undo_log l"
                           "  ON l.seq BETWEEN h.first_seq AND h.last_seq WHERE h.id <= %" G_GINT64_FORMAT ");"
                           "DELETE FROM hw_history WHERE id <= %" G_GINT64_FORMAT ";",
                           cut, cut);
  if (!hw_store_exec (store, sql, error))
    goto fail;

  if (!hw_store_commit_edit (store, error))
    return FALSE;

  /* The case is gone; what is left is making sure no copy stays. */
  if (!hw_purge_wipe_free_space (store, &wipe_error))
    g_message ("%s", wipe_error->message);
  forget_in_backups (store, identities);
  return TRUE;

fail:
  hw_store_rollback_edit (store);
  return FALSE;
}

gboolean
hw_case_delete_forever (HwStore  *store,
                        gint64    case_id,
                        GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (case_id <= 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("There is no case %lld. Nothing was deleted."), (long long) case_id);
      return FALSE;
    }
  g_array_append_val (ids, case_id);
  return delete_cases_forever (store, ids, error);
}

gboolean
hw_purge_parse_date (const char  *text,
                     GError     **error)
{
  if (hw_date_parse (text, NULL))
    return TRUE;
  g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
               _("“%s” is not a date. Write it as YYYY-MM-DD, for example 2020-12-31."),
               text ? text : "");
  return FALSE;
}

GPtrArray *
hw_purge_find_closed (HwStore     *store,
                      const char  *before,
                      GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (!hw_purge_parse_date (before, error))
    return NULL;
  return hw_store_select (store, "cases", error,
                          "SELECT id, case_number, family_name, closed_date FROM cases"
                          " WHERE status = 'closed' AND closed_date IS NOT NULL AND closed_date < ?"
                          " ORDER BY closed_date, id",
                          G_TYPE_STRING, before, G_TYPE_INVALID);
}

gboolean
hw_purge_closed (HwStore     *store,
                 const char  *before,
                 guint       *n_deleted,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (n_deleted)
    *n_deleted = 0;
  rows = hw_purge_find_closed (store, before, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = hw_record_get_id (g_ptr_array_index (rows, i));
      g_array_append_val (ids, id);
    }
  if (!delete_cases_forever (store, ids, error))
    return FALSE;
  if (n_deleted)
    *n_deleted = rows->len;
  return TRUE;
}
