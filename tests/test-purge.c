/* test-purge.c: a family deleted for good leaves nothing of itself in the
 * database file or its write-ahead log; another family stays whole; the
 * audit trail says so without a name; bad input changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include <glib/gstdio.h>
#include <string.h>

#include "hw-demo.h"
#include "hw-history.h"
#include "hw-interchange.h"
#include "hw-purge.h"
#include "hw-store.h"

/* Strings of the sample family (hw-demo.c) that the other family, made
 * from the same case file, has replaced by its own. */
static const char * const morales[] = {
  "Morales", "48 Alder Court", "(555) 201-4410", "Prefers to speak Spanish in meetings",
  "112 Birch Street", "Sample family created by Homeward", NULL
};
static const char * const okafor[] = {
  "Okafor", "7 Maple Drive", "(555) 333-0001", "Prefers to speak Igbo in meetings",
  "19 Poplar Way", "Second family of the test", NULL
};

typedef struct {
  char    *dir;
  char    *path;
  HwStore *store;
  gint64   morales_id;
  gint64   okafor_id;
} Fixture;

static gint64
count (HwStore    *store,
       const char *sql)
{
  return hw_store_query_int (store, -1, sql, G_TYPE_INVALID);
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);
  return g_strjoinv (to, parts);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  f->dir = g_dir_make_tmp ("homeward-purge-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  if (data != NULL)
    hw_history_after_open (f->store);
  f->morales_id = hw_demo_create (f->store, &error);
  g_assert_no_error (error);

  text = hw_interchange_export_text (f->store, f->morales_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; morales[i]; i++)
    {
      char *next = replace_all (text, morales[i], okafor[i]);
      g_free (text);
      text = next;
    }
  f->okafor_id = hw_interchange_import_data (f->store, text, -1, &error);
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

/* Whether @needle is anywhere in the bytes of @path (a missing file holds
 * nothing). */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
assert_traces (Fixture            *f,
               const char * const *strings,
               gboolean            present)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  for (guint i = 0; strings[i]; i++)
    {
      gboolean found = file_contains (f->path, strings[i]) || file_contains (wal, strings[i]);

      if (found != present)
        g_error ("“%s” is %s the database files", strings[i], present ? "missing from" : "still in");
    }
}

static void
assert_okafor_whole (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hw_interchange_export_text (f->store, f->okafor_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; okafor[i]; i++)
    g_assert_nonnull (strstr (text, okafor[i]));
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM people WHERE case_id = ?",
                                       G_TYPE_INT64, f->okafor_id, G_TYPE_INVALID), ==, 17);
}

static void
test_delete_forever (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  /* before: both families are in the files (the test can fail) */
  g_clear_object (&f->store);
  f->store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  assert_traces (f, morales, TRUE);
  assert_traces (f, okafor, TRUE);

  hw_store_set_author (f->store, "Facilitator Kim");
  g_assert_true (hw_case_delete_forever (f->store, f->morales_id, &error));
  g_assert_no_error (error);

  assert_traces (f, morales, FALSE);
  assert_traces (f, okafor, TRUE);
  assert_okafor_whole (f);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 1);
  /* any step could hold the family's values: none is left */
  g_assert_false (hw_store_can_undo (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log"), ==, 0);

  audit = hw_store_select (f->store, "hw_audit", &error,
                           "SELECT author, row_id, at FROM hw_audit WHERE action = ? AND tbl = 'cases'",
                           G_TYPE_STRING, HW_PURGE_AUDIT_ACTION, G_TYPE_INVALID);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (audit, 0), "author"), ==, "Facilitator Kim");
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (audit, 0), "row_id"), ==, f->morales_id);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE action LIKE '%Morales%' OR author LIKE '%Morales%'"), ==, 0);

  /* and after closing */
  g_clear_object (&f->store);
  assert_traces (f, morales, FALSE);
  assert_traces (f, okafor, TRUE);
}

/* The window's way: an ordinary delete first (undoable), then for good.
 * Edits made after the delete keep their undo. */
static void
test_delete_after_undoable_delete (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");

  g_assert_true (hw_store_delete (f->store, "Delete family", "cases", f->morales_id, &error));
  g_assert_no_error (error);
  hw_record_set_string (rec, "family_name", "Nguyen");
  hw_store_insert (f->store, "Add case", rec, &error);
  g_assert_no_error (error);
  /* the deleted family is still in the journal, ready to be undone */
  assert_traces (f, morales, TRUE);

  g_assert_true (hw_case_delete_forever (f->store, f->morales_id, &error));
  g_assert_no_error (error);
  assert_traces (f, morales, FALSE);
  assert_okafor_whole (f);

  /* the later edit can still be undone; nothing brings the family back */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history"), ==, 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (hw_store_can_undo (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE family_name = 'Nguyen'"), ==, 1);
}

static void
test_missing_case (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 steps = count (f->store, "SELECT count(*) FROM hw_history");
  gint64 audit = count (f->store, "SELECT count(*) FROM hw_audit");

  g_assert_false (hw_case_delete_forever (f->store, 999, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history"), ==, steps);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit"), ==, audit);
  g_assert_true (hw_store_can_undo (f->store));
}

static void
test_purge_closed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *bad[] = { "2021-02-30", "yesterday", "2021-2-3", "", "2021-13-01", "20210101", "0000-01-01", NULL };
  guint n = 0;

  for (guint i = 0; bad[i]; i++)
    {
      g_assert_false (hw_purge_parse_date (bad[i], &error));
      g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (hw_purge_closed (f->store, bad[i], &n, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_true (hw_purge_parse_date ("2024-02-29", NULL));

  g_assert_true (hw_store_begin_edit (f->store, "Close case", &error));
  g_assert_true (hw_store_exec (f->store, "UPDATE cases SET status = 'closed'", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_begin_edit (f->store, "test", &error));
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE cases SET closed_date = '2020-05-01' WHERE id = %" G_GINT64_FORMAT, f->morales_id);
    g_assert_true (hw_store_exec (f->store, sql, &error));
  }
  g_assert_true (hw_store_commit_edit (f->store, &error));

  rows = hw_purge_find_closed (f->store, "2021-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (rows, 0)), ==, f->morales_id);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (rows, 0), "closed_date"), ==, "2020-05-01");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (rows, 0), "family_name"), ==, "Morales");
  /* nothing before the date */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = hw_purge_find_closed (f->store, "2020-05-01", &error);
  g_assert_cmpuint (rows->len, ==, 0);

  g_assert_true (hw_purge_closed (f->store, "2021-01-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 1);
  assert_traces (f, morales, FALSE);
  assert_okafor_whole (f);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE action = '" HW_PURGE_AUDIT_ACTION "'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/purge/delete-forever", Fixture, NULL, fixture_setup, test_delete_forever, fixture_teardown);
  g_test_add ("/purge/delete-forever-incremental", Fixture, "incremental", fixture_setup, test_delete_forever, fixture_teardown);
  g_test_add ("/purge/after-undoable-delete", Fixture, "incremental", fixture_setup, test_delete_after_undoable_delete, fixture_teardown);
  g_test_add ("/purge/missing-case", Fixture, NULL, fixture_setup, test_missing_case, fixture_teardown);
  g_test_add ("/purge/closed", Fixture, "incremental", fixture_setup, test_purge_closed, fixture_teardown);

  return g_test_run ();
}
