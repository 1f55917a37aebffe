/* hw-history.c: the undo history is bounded, and the file gives back the
 * space it frees.
 *
 * Without a bound the journal grew with every edit: 300 imports of the
 * sample case made a 58 MB file, half of it undo statements. Steps are
 * dropped from the ends of the two stacks only (the oldest undo steps,
 * the redo steps that would be redone last), so what is kept still undoes
 * and redoes in order. A step's age is hw_history.at (migration 3): the
 * time the step was made, or moved between the undo and redo stacks.
 *
 * Freed pages are zeroed (secure_delete) but stay in the file unless the
 * file is in incremental auto-vacuum; hw_history_after_open() switches an
 * existing file once (that needs a VACUUM, outside any transaction), and
 * pruning then ends with `PRAGMA incremental_vacuum`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-history"

#include <string.h>

#include "hw-history.h"
#include "hw-sql.h"
#include "hw-db.h"

static guint
get_limit (HwStore    *store,
           const char *key,
           guint       fallback,
           guint       min,
           guint       max)
{
  g_autofree char *text = hw_store_get_setting (store, key);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return fallback;
  return CLAMP ((guint) value, min, max);
}

guint
hw_history_get_max_steps (HwStore *store)
{
  g_return_val_if_fail (HW_IS_STORE (store), HW_HISTORY_DEFAULT_MAX_STEPS);
  return get_limit (store, HW_HISTORY_MAX_STEPS_KEY, HW_HISTORY_DEFAULT_MAX_STEPS,
                    HW_HISTORY_MIN_STEPS, HW_HISTORY_MAX_STEPS);
}

guint
hw_history_get_max_days (HwStore *store)
{
  g_return_val_if_fail (HW_IS_STORE (store), HW_HISTORY_DEFAULT_MAX_DAYS);
  return get_limit (store, HW_HISTORY_MAX_DAYS_KEY, HW_HISTORY_DEFAULT_MAX_DAYS,
                    HW_HISTORY_MIN_DAYS, HW_HISTORY_MAX_DAYS);
}

static gboolean
set_limit (HwStore     *store,
           const char  *key,
           guint        value,
           GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  if (!hw_store_set_setting (store, key, text, error))
    return FALSE;
  if (hw_store_in_edit (store))
    return TRUE;
  return hw_history_prune (store, TRUE, error) && hw_history_free_pages (store, error);
}

gboolean
hw_history_set_max_steps (HwStore  *store,
                          guint     steps,
                          GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  return set_limit (store, HW_HISTORY_MAX_STEPS_KEY,
                    CLAMP (steps, HW_HISTORY_MIN_STEPS, HW_HISTORY_MAX_STEPS), error);
}

gboolean
hw_history_set_max_days (HwStore  *store,
                         guint     days,
                         GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  return set_limit (store, HW_HISTORY_MAX_DAYS_KEY,
                    CLAMP (days, HW_HISTORY_MIN_DAYS, HW_HISTORY_MAX_DAYS), error);
}

/* The store's connection, on either backend. The SQL below is the same
 * on both but for sqlite's CROSS JOIN … ON planner hint (PostgreSQL:
 * JOIN … ON) and what only a file has (BEGIN IMMEDIATE, the vacuum). */
static HwDb *
conn (HwStore *store)
{
  return hw_store_get_connection (store);
}

static const char *
cross_join (HwStore *store)
{
  return hw_store_is_server (store) ? "JOIN" : "CROSS JOIN";
}

/* A single integer from @sql (no parameters), or @fallback. */
static gint64
query_int (HwStore    *store,
           gint64      fallback,
           const char *sql)
{
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (conn (store), sql, NULL);

  if (stmt != NULL &&
      hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW &&
      !hw_db_stmt_column_is_null (stmt, 0))
    return hw_db_stmt_column_int64 (stmt, 0);
  return fallback;
}

/* The ids of the newest steps of @kind to drop: every step of @kind with
 * an id up to @too_old goes, and every step of @kind of this store's
 * author (@own: an SQL condition on hw_history, "" on a file) with an id
 * up to @beyond. For undo steps the low ids are the oldest edits; for
 * redo steps they are the ones that would be redone last. Either way the
 * steps left still apply in order. 0: none.
 *
 * On a server each person's steps are counted apart: one person's many
 * edits do not push out another's steps, and what a person's store may
 * see of the history is only their own anyway (tools/pg-roles.sql); the
 * age bound is everyone's it can see. On a file, the history is one. */
static void
last_doomed (HwStore    *store,
             const char *kind,
             guint       keep,
             gint64      cutoff,
             const char *own,
             gint64     *beyond,
             gint64     *too_old)
{
  char *sql = sqlite3_mprintf ("SELECT id FROM hw_history WHERE kind = %Q%s"
                               " ORDER BY id DESC LIMIT 1 OFFSET %u", kind, own, keep);

  *beyond = query_int (store, 0, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("SELECT max(id) FROM hw_history WHERE kind = %Q AND at < %lld",
                         kind, (long long) cutoff);
  *too_old = query_int (store, 0, sql);
  sqlite3_free (sql);
}

/* The condition on hw_history (as @h) of the steps to drop */
static char *
doomed_steps (const char *h,
              const char *own_h,
              gint64      undo_beyond,
              gint64      undo_too_old,
              gint64      redo_beyond,
              gint64      redo_too_old)
{
  return g_strdup_printf ("(%1$skind = 'undo' AND ((%1$sid <= %2$" G_GINT64_FORMAT "%3$s)"
                          "  OR %1$sid <= %4$" G_GINT64_FORMAT "))"
                          " OR (%1$skind = 'redo' AND ((%1$sid <= %5$" G_GINT64_FORMAT "%3$s)"
                          "  OR %1$sid <= %6$" G_GINT64_FORMAT "))",
                          h, undo_beyond, own_h, undo_too_old, redo_beyond, redo_too_old);
}

gboolean
hw_history_prune (HwStore   *store,
                  gboolean   force,
                  GError   **error)
{
  HwDb *db;
  guint max_steps, max_days, margin;
  gint64 cutoff, n_undo, n_redo, oldest, undo_beyond, undo_too_old, redo_beyond, redo_too_old;
  gboolean own, server;
  g_autofree char *mine = NULL;
  g_autofree char *mine_h = NULL;
  g_autofree char *doomed = NULL;
  g_autofree char *doomed_h = NULL;
  char *sql;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  db = conn (store);
  server = hw_store_is_server (store);
  max_steps = hw_history_get_max_steps (store);
  max_days = hw_history_get_max_days (store);
  cutoff = g_get_real_time () / G_USEC_PER_SEC - (gint64) max_days * 24 * 3600;
  margin = force ? 0 : MAX (max_steps / 10, 10);

  /* on a server, this store's author's steps (and those from before
   * steps had authors, as undo takes them) */
  if (server)
    {
      char *q = sqlite3_mprintf ("%Q", hw_store_get_author (store));

      mine = g_strdup_printf (" AND author IN (%s, '')", q);
      mine_h = g_strdup_printf (" AND h.author IN (%s, '')", q);
      sqlite3_free (q);
    }
  else
    {
      mine = g_strdup ("");
      mine_h = g_strdup ("");
    }

  sql = sqlite3_mprintf ("SELECT count(*) FROM hw_history WHERE kind = 'undo'%s", mine);
  n_undo = query_int (store, 0, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("SELECT count(*) FROM hw_history WHERE kind = 'redo'%s", mine);
  n_redo = query_int (store, 0, sql);
  sqlite3_free (sql);
  oldest = query_int (store, G_MAXINT64, "SELECT min(at) FROM hw_history");
  if (n_undo <= max_steps + margin && n_redo <= max_steps + margin && oldest >= cutoff)
    return TRUE;

  last_doomed (store, "undo", max_steps, cutoff, mine, &undo_beyond, &undo_too_old);
  last_doomed (store, "redo", max_steps, cutoff, mine, &redo_beyond, &redo_too_old);
  if (undo_beyond == 0 && undo_too_old == 0 && redo_beyond == 0 && redo_too_old == 0)
    return TRUE;

  g_debug ("Pruning undo steps up to %" G_GINT64_FORMAT " (own) and %" G_GINT64_FORMAT
           " and redo steps up to %" G_GINT64_FORMAT " (own) and %" G_GINT64_FORMAT,
           undo_beyond, undo_too_old, redo_beyond, redo_too_old);
  doomed = doomed_steps ("", mine, undo_beyond, undo_too_old, redo_beyond, redo_too_old);
  doomed_h = doomed_steps ("h.", mine_h, undo_beyond, undo_too_old, redo_beyond, redo_too_old);

  own = !hw_store_in_edit (store);
  if (own ? !hw_db_begin (db, error) : !hw_db_exec (db, "SAVEPOINT hw_prune", error))
    return FALSE;

  sql = sqlite3_mprintf (
    /* hw_undo_log.seq is its primary key: one range lookup per step */
    "DELETE FROM hw_undo_log WHERE seq IN ("
    "  SELECT l.seq FROM hw_history h %s hw_undo_log l"
    "  ON l.seq BETWEEN h.first_seq AND h.last_seq"
    "  WHERE %s);"
    "DELETE FROM hw_history WHERE %s;",
    cross_join (store), doomed_h, doomed);
  ok = hw_db_exec (db, sql, error);
  sqlite3_free (sql);

  /* Inside an edit the pages are freed in its transaction, so the file
   * shrinks when the edit is committed. (sqlite only: the server frees
   * space with its own VACUUM.) */
  if (ok && !own && !server)
    ok = hw_db_exec (db, "PRAGMA incremental_vacuum", error);

  if (!ok)
    {
      hw_db_exec (db, own ? "ROLLBACK" : "ROLLBACK TO hw_prune; RELEASE hw_prune", NULL);
      return FALSE;
    }
  if (!hw_db_exec (db, own ? "COMMIT" : "RELEASE hw_prune", error))
    {
      hw_db_exec (db, own ? "ROLLBACK" : "ROLLBACK TO hw_prune; RELEASE hw_prune", NULL);
      return FALSE;
    }

  if (own)
    {
      g_object_notify (G_OBJECT (store), "can-undo");
      g_object_notify (G_OBJECT (store), "can-redo");
    }
  return TRUE;
}

/* Whether @table has a UNIQUE constraint other than its primary key. */
static gboolean
has_unique (HwStore    *store,
            const char *table)
{
  if (hw_store_is_server (store))
    return hw_store_query_int (store, 1,
                               "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                               " WHERE c.relname = ? AND c.relnamespace ="
                               " (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
                               " AND i.indisunique AND NOT i.indisprimary",
                               G_TYPE_STRING, table, G_TYPE_INVALID) > 0;
  return hw_store_query_int (store, 1,
                             "SELECT count(*) FROM pragma_index_list(?) WHERE \"unique\" AND origin <> 'pk'",
                             G_TYPE_STRING, table, G_TYPE_INVALID) > 0;
}

gboolean
hw_history_compact_step (HwStore  *store,
                         gint64    first_seq,
                         gint64    last_seq,
                         GError  **error)
{
  HwDb *db;
  g_autoptr(HwDbStmt) stmt = NULL;
  g_autoptr(GHashTable) inserted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) unique = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) doomed = g_array_new (FALSE, FALSE, sizeof (gint64));
  HwDbStep step;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  db = conn (store);
  stmt = hw_db_prepare (db, "SELECT seq, sql FROM hw_undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq",
                        error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, first_seq);
  hw_db_stmt_bind_int64 (stmt, 2, last_seq);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      gint64 seq = hw_db_stmt_column_int64 (stmt, 0);
      const char *sql = hw_db_stmt_column_text (stmt, 1);
      const char *where;

      if (sql == NULL)
        continue;
      /* The statements are the ones the undo journal writes (hw-store.c
       * on sqlite, hw-schema-pg.c on PostgreSQL):
       * "DELETE FROM t WHERE id=N" undoes an insert, and
       * "UPDATE t SET ... WHERE id=N" (the id always last) an update. */
      if (g_str_has_prefix (sql, "DELETE FROM ") && (where = strstr (sql, " WHERE id=")) != NULL)
        {
          g_autofree char *table = g_strndup (sql + 12, where - (sql + 12));

          if (!g_hash_table_contains (unique, table))
            g_hash_table_insert (unique, g_strdup (table), GINT_TO_POINTER (has_unique (store, table) ? 2 : 1));
          g_hash_table_add (inserted, g_strdup_printf ("%s%s", table, where));
        }
      else if (g_str_has_prefix (sql, "UPDATE ") && (where = g_strrstr (sql, " WHERE id=")) != NULL)
        {
          const char *set = strstr (sql, " SET ");
          g_autofree char *table = set ? g_strndup (sql + 7, set - (sql + 7)) : NULL;
          g_autofree char *key = table ? g_strdup_printf ("%s%s", table, where) : NULL;

          if (key != NULL && g_hash_table_contains (inserted, key) &&
              GPOINTER_TO_INT (g_hash_table_lookup (unique, table)) == 1)
            g_array_append_val (doomed, seq);
        }
    }
  g_clear_pointer (&stmt, hw_db_stmt_free);
  if (step != HW_DB_STEP_DONE)
    return FALSE;

  if (doomed->len == 0)
    return TRUE;
  stmt = hw_db_prepare (db, "DELETE FROM hw_undo_log WHERE seq = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doomed->len; i++)
    {
      hw_db_stmt_reset (stmt);
      hw_db_stmt_bind_int64 (stmt, 1, g_array_index (doomed, gint64, i));
      if (hw_db_stmt_step (stmt, error) != HW_DB_STEP_DONE)
        return FALSE;
    }
  return TRUE;
}

gboolean
hw_history_free_pages (HwStore  *store,
                       GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  /* sqlite only: the server gives space back with its own (auto)vacuum */
  if (hw_store_is_server (store))
    return TRUE;
  if (query_int (store, 0, "PRAGMA freelist_count") == 0 ||
      query_int (store, 0, "PRAGMA auto_vacuum") != 2)
    return TRUE;
  /* sqlite3_exec steps the pragma to the end: stepping it once would free
   * only one page */
  return hw_db_exec (conn (store), "PRAGMA incremental_vacuum", error);
}

/* Statements of steps that are gone (a crash cannot leave them, but older
 * versions or a tool might). Steps are ranges of hw_undo_log.seq, so what
 * is of no step lies before the first, between two, or after the last:
 * one range lookup on the primary key per step, not a pass over the whole
 * journal (which made every start slower as the file grew). */
#define ORPHANS(join) \
  "WITH gaps (after, before) AS (" \
  "  SELECT last_seq, lead (first_seq) OVER (ORDER BY first_seq) FROM hw_history" \
  "  UNION ALL SELECT -1, (SELECT min(first_seq) FROM hw_history))" \
  " SELECT l.seq FROM gaps " join " hw_undo_log l" \
  "  ON l.seq > gaps.after AND l.seq < coalesce (gaps.before, 9223372036854775807)"

static gboolean
drop_orphans (HwStore  *store,
              GError  **error)
{
  gboolean server = hw_store_is_server (store);
  HwDb *db = conn (store);
  gint64 n_orphans;

  n_orphans = query_int (store, 0, server ? "SELECT count(*) FROM (" ORPHANS ("JOIN") ") AS o"
                                          : "SELECT count(*) FROM (" ORPHANS ("CROSS JOIN") ") AS o");
  if (n_orphans == 0)
    return TRUE;
  g_debug ("Deleting %" G_GINT64_FORMAT " undo statements of no step", n_orphans);
  if (!hw_db_begin (db, error) ||
      !hw_db_exec (db, server ? "DELETE FROM hw_undo_log WHERE seq IN (" ORPHANS ("JOIN") ")"
                              : "DELETE FROM hw_undo_log WHERE seq IN (" ORPHANS ("CROSS JOIN") ")",
                   error) ||
      !hw_db_exec (db, "COMMIT", error))
    {
      if (hw_db_in_transaction (db))
        hw_db_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

void
hw_history_after_open (HwStore *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HW_IS_STORE (store));
  g_return_if_fail (!hw_store_in_edit (store));

  /* 2 = incremental. A new file could have it set before its first table,
   * but files made before this version need one VACUUM (atomic: a crash
   * leaves the file as it was). sqlite only. */
  if (!hw_store_is_server (store) && query_int (store, 0, "PRAGMA auto_vacuum") != 2)
    {
      HwDb *db = conn (store);

      if (hw_db_exec (db, "PRAGMA auto_vacuum = INCREMENTAL; VACUUM;", &error))
        hw_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
      else
        {
          g_message ("Could not switch %s to incremental vacuum, will try on the next start: %s",
                     hw_store_get_path (store), error->message);
          g_clear_error (&error);
        }
    }

  if (!hw_history_prune (store, TRUE, &error) ||
      !drop_orphans (store, &error) ||
      !hw_history_free_pages (store, &error))
    g_message ("Could not tidy the undo history of %s: %s",
               hw_store_get_path (store), error->message);
}
