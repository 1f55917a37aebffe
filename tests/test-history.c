/* test-history.c: the undo history is bounded by count and by age, what
 * is kept still undoes and redoes, and the file gives the space back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "hw-history.h"
#include "hw-store.h"

typedef struct {
  char    *dir;
  char    *path;
  HwStore *store;
  gint64   case_id;
} Fixture;

static gint64
count (HwStore    *store,
       const char *sql)
{
  return hw_store_query_int (store, -1, sql, G_TYPE_INVALID);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");

  f->dir = g_dir_make_tmp ("homeward-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  hw_history_after_open (f->store);
  hw_record_set_string (rec, "family_name", "Okafor");
  f->case_id = hw_store_insert (f->store, "Add case", rec, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static void
add_people (Fixture *f,
            guint    n,
            gsize    note_size)
{
  g_autofree char *note = g_strnfill (note_size, 'n');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwRecord) rec = hw_record_new ("people");
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      hw_record_set_int (rec, "case_id", f->case_id);
      hw_record_set_string (rec, "name", name);
      hw_record_set_string (rec, "notes", note);
      hw_store_insert (f->store, "Add person", rec, &error);
      g_assert_no_error (error);
    }
}

/* Every statement of the journal belongs to a step, and every step's
 * statements are there. */
static void
assert_journal_consistent (HwStore *store)
{
  g_assert_cmpint (count (store, "SELECT count(*) FROM hw_undo_log"), ==,
                   count (store, "SELECT count(*) FROM hw_history h JOIN hw_undo_log l"
                                 " ON l.seq BETWEEN h.first_seq AND h.last_seq"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM hw_history h WHERE NOT EXISTS"
                                 " (SELECT 1 FROM hw_undo_log l WHERE l.seq BETWEEN h.first_seq AND h.last_seq)"), ==, 0);
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (hw_history_get_max_steps (f->store), ==, 500);
  g_assert_cmpuint (hw_history_get_max_days (f->store), ==, 30);
  g_assert_true (hw_history_set_max_steps (f->store, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hw_history_get_max_steps (f->store), ==, HW_HISTORY_MIN_STEPS);
  g_assert_true (hw_store_set_setting (f->store, HW_HISTORY_MAX_DAYS_KEY, "soon", &error));
  g_assert_cmpuint (hw_history_get_max_days (f->store), ==, 30);
  /* every new step is stamped (migration 3) */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE at IS NULL"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT abs(max(at) - CAST(strftime('%s','now') AS INTEGER)) FROM hw_history"), <, 60);
  /* after_open made the file incremental */
  g_assert_cmpint (count (f->store, "PRAGMA auto_vacuum"), ==, 2);
}

static void
test_prune_by_count (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hw_history_set_max_steps (f->store, 10, &error));
  add_people (f, 30, 10);
  /* at commit the count may pass the limit by a margin (10 here) */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'undo'"), <=, 20);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'undo'"), >=, 10);
  assert_journal_consistent (f->store);

  g_assert_true (hw_history_prune (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'undo'"), ==, 10);
  assert_journal_consistent (f->store);

  /* the newest ten still undo, one by one, newest first */
  for (int i = 29; i >= 20; i--)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM people WHERE name = 'Person %d'", i);

      g_assert_cmpint (count (f->store, sql), ==, 1);
      g_assert_true (hw_store_undo (f->store, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (f->store, sql), ==, 0);
    }
  g_assert_false (hw_store_can_undo (f->store));
  g_assert_false (hw_store_undo (f->store, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOTHING_TO_UNDO);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 20);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 1);
}

static void
test_prune_by_age (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_people (f, 5, 10);
  /* the case and the first three people were added 40 days ago */
  g_assert_true (hw_store_begin_edit (f->store, "test", &error));
  g_assert_true (hw_store_exec (f->store,
                                "UPDATE hw_history SET at = at - 40 * 86400"
                                " WHERE id IN (SELECT id FROM hw_history ORDER BY id LIMIT 4)", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (hw_history_prune (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history"), ==, 2);
  assert_journal_consistent (f->store);

  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (hw_store_can_undo (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 3);
  /* and redo brings them back */
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 5);

  /* a shorter limit prunes at once */
  g_assert_true (hw_store_begin_edit (f->store, "test", &error));
  g_assert_true (hw_store_exec (f->store, "UPDATE hw_history SET at = at - 5 * 86400", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_true (hw_history_set_max_days (f->store, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log"), ==, 0);
}

static void
test_redo_pruned_consistently (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_people (f, 15, 10);
  for (int i = 0; i < 15; i++)
    g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'redo'"), ==, 15);

  /* ten redo steps are kept: the next ten to redo, so they still apply */
  g_assert_true (hw_history_set_max_steps (f->store, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'redo'"), ==, 10);
  assert_journal_consistent (f->store);
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM people WHERE name = 'Person %d'", i);

      g_assert_true (hw_store_redo (f->store, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (f->store, sql), ==, 1);
    }
  g_assert_false (hw_store_can_redo (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 10);

  /* by age: the redo steps that would be redone last go first */
  for (int i = 0; i < 4; i++)
    g_assert_true (hw_store_undo (f->store, &error));
  g_assert_true (hw_store_begin_edit (f->store, "test", &error));
  g_assert_true (hw_store_exec (f->store,
                                "UPDATE hw_history SET at = at - 40 * 86400 WHERE kind = 'redo'"
                                " AND id IN (SELECT id FROM hw_history WHERE kind = 'redo' ORDER BY id LIMIT 2)", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_true (hw_history_prune (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'redo'"), ==, 2);
  assert_journal_consistent (f->store);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people WHERE name IN ('Person 6', 'Person 7')"), ==, 2);
  g_assert_false (hw_store_can_redo (f->store));
}

static gint64
closed_file_size (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  /* closing checkpoints the write-ahead log into the file */
  g_clear_object (&f->store);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  f->store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  return st.st_size;
}

static void
test_file_shrinks (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 big, small;

  add_people (f, 40, 20000);
  /* 40 edits that each shorten a note: each undo step holds the old note */
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE people SET notes = 'short' WHERE name = 'Person %d'", i);

      g_assert_true (hw_store_begin_edit (f->store, "Change notes", &error));
      g_assert_true (hw_store_exec (f->store, sql, &error));
      g_assert_true (hw_store_commit_edit (f->store, &error));
      g_assert_no_error (error);
    }
  big = closed_file_size (f);
  g_assert_cmpint (big, >, 800 * 1000);

  g_assert_true (hw_history_set_max_steps (f->store, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "PRAGMA freelist_count"), ==, 0);
  small = closed_file_size (f);
  g_test_message ("file: %" G_GINT64_FORMAT " bytes before pruning, %" G_GINT64_FORMAT " after", big, small);
  /* the journal goes from 40 old notes to 10; the people's table keeps
   * its half-empty pages (only a VACUUM would repack them) */
  g_assert_cmpint (small, <, big * 6 / 10);
}

static void
test_after_open_converts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  g_autoptr(HwRecord) rec = hw_record_new ("cases");

  g_assert_no_error (error);
  hw_record_set_string (rec, "family_name", "Okafor");
  hw_store_insert (store, "Add case", rec, &error);
  g_assert_no_error (error);
  /* hw_store_open() tidies: a new file is incremental at once */
  g_assert_cmpint (count (store, "PRAGMA auto_vacuum"), ==, 2);
  /* a file made before this version: no auto-vacuum */
  g_assert_cmpint (sqlite3_exec (hw_store_get_db (store), "PRAGMA auto_vacuum = NONE; VACUUM;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (count (store, "PRAGMA auto_vacuum"), ==, 0);
  /* journal statements of no step (none should exist, but tidy them) */
  g_assert_cmpint (sqlite3_exec (hw_store_get_db (store),
                                 "INSERT INTO hw_undo_log (sql) VALUES ('DELETE FROM cases WHERE id=99')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* the next start converts it */
  g_clear_object (&store);
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "PRAGMA auto_vacuum"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cases WHERE family_name = 'Okafor'"), ==, 1);
  assert_journal_consistent (store);
  g_assert_true (hw_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM cases"), ==, 0);

  g_clear_object (&store);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* An edit that inserts a row and then changes it keeps only the delete as
 * its undo: undo and redo still give the same rows. */
static void
test_compact_step (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  gint64 id;

  add_people (f, 1, 10);
  g_assert_true (hw_store_begin_edit (f->store, "Import", &error));
  hw_record_set_int (rec, "case_id", f->case_id);
  hw_record_set_string (rec, "name", "First name");
  id = hw_store_insert (f->store, NULL, rec, &error);
  g_assert_no_error (error);
  g_assert_true (hw_store_exec (f->store, "UPDATE people SET name = 'Second name' WHERE name = 'First name'", &error));
  /* a row that was there before keeps its undo of the update */
  g_assert_true (hw_store_exec (f->store, "UPDATE people SET name = 'Renamed' WHERE name = 'Person 0'", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log l JOIN (SELECT * FROM hw_history ORDER BY id DESC LIMIT 1) h"
                                 " ON l.seq BETWEEN h.first_seq AND h.last_seq"), ==, 2);
  assert_journal_consistent (f->store);

  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people WHERE name = 'Person 0'"), ==, 1);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM people WHERE id = ? AND name = 'Second name'",
                                       G_TYPE_INT64, id, G_TYPE_INVALID), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people WHERE name = 'Renamed'"), ==, 1);
}

/* Statements of no step (older versions or a tool may leave them) go when
 * the file is opened: before the first step, between two and after the
 * last; every step keeps its own. Found by range, not by reading the
 * whole journal (hw-history.c). */
static void
test_orphans_dropped (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 first, last, kept;

  add_people (f, 3, 10);
  db = hw_store_get_db (f->store);
  first = count (f->store, "SELECT min(first_seq) FROM hw_history");
  last = count (f->store, "SELECT max(last_seq) FROM hw_history");
  kept = count (f->store, "SELECT count(*) FROM hw_undo_log");
  g_assert_cmpint (first, >=, 1);   /* seq first - 1 (maybe 0) is before it */
  /* steps follow each other without a gap: move the last one on by 5 */
  {
    g_autofree char *sql = g_strdup_printf (
      "UPDATE hw_undo_log SET seq = seq + 5 WHERE seq >= (SELECT first_seq FROM hw_history"
      "  WHERE id = (SELECT max(id) FROM hw_history));"
      "UPDATE hw_history SET first_seq = first_seq + 5, last_seq = last_seq + 5"
      "  WHERE id = (SELECT max(id) FROM hw_history);"
      "INSERT INTO hw_undo_log (seq, sql) VALUES"
      " (%" G_GINT64_FORMAT ", 'SELECT 1'), (%" G_GINT64_FORMAT ", 'SELECT 2'),"
      " (%" G_GINT64_FORMAT ", 'SELECT 3'), (%" G_GINT64_FORMAT ", 'SELECT 4');",
      first - 1, last + 2, last + 6, last + 12);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log"), ==, kept + 4);

  g_clear_object (&f->store);
  f->store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log"), ==, kept);
  assert_journal_consistent (f->store);
  g_assert_true (hw_store_can_undo (f->store));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/history/defaults", Fixture, NULL, fixture_setup, test_defaults, fixture_teardown);
  g_test_add ("/history/prune-by-count", Fixture, NULL, fixture_setup, test_prune_by_count, fixture_teardown);
  g_test_add ("/history/prune-by-age", Fixture, NULL, fixture_setup, test_prune_by_age, fixture_teardown);
  g_test_add ("/history/redo-pruned-consistently", Fixture, NULL, fixture_setup, test_redo_pruned_consistently, fixture_teardown);
  g_test_add ("/history/file-shrinks", Fixture, NULL, fixture_setup, test_file_shrinks, fixture_teardown);
  g_test_add ("/history/compact-step", Fixture, NULL, fixture_setup, test_compact_step, fixture_teardown);
  g_test_add ("/history/orphans-dropped", Fixture, NULL, fixture_setup, test_orphans_dropped, fixture_teardown);
  g_test_add_func ("/history/after-open-converts", test_after_open_converts);

  return g_test_run ();
}
