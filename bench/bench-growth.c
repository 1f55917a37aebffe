/* bench-growth.c: how the database grows when the same case is imported
 * 300 times (the sample family, through the JSON case format), and how
 * much of the file is undo journal, audit trail and data.
 *
 * Before the undo history was bounded (issue 12) this made a file of about
 * 58 MB, half of it undo statements. The figures are measured on the file
 * after the store is closed (the write-ahead log checkpointed into it),
 * then again after a reopen, which is when a Homeward started the next day
 * tidies the history (hw_history_after_open()).
 *
 *   build/bench/bench-growth [N_IMPORTS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hw-demo.h"
#include "hw-interchange.h"
#include "hw-store.h"
#ifndef BENCH_BASELINE
#include "hw-history.h"
#endif

static gint64
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* Bytes of the file's pages by what they hold, from sqlite's dbstat. */
static void
report (const char *title,
        const char *path,
        guint       n_cases)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 undo = 0, audit = 0, data = 0, other = 0, free_pages = 0, page_size = 0;
  gint64 size = file_size (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT coalesce(m.tbl_name, d.name), sum(d.pgsize) FROM dbstat d"
                                       " LEFT JOIN sqlite_master m ON m.name = d.name GROUP BY 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      gint64 bytes = sqlite3_column_int64 (stmt, 1);

      if (g_str_equal (name, "hw_undo_log") || g_str_equal (name, "hw_history"))
        undo += bytes;
      else if (g_str_equal (name, "hw_audit"))
        audit += bytes;
      else if (g_str_has_prefix (name, "sqlite_") || g_str_has_prefix (name, "hw_"))
        other += bytes;
      else
        data += bytes;
    }
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA freelist_count", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    free_pages = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    page_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_print ("%s\n", title);
  g_print ("  cases:            %u\n", n_cases);
  g_print ("  file:             %.1f MiB (%.1f KiB per case), -wal %.1f KiB\n",
           size / 1048576.0, size / 1024.0 / n_cases, file_size (wal) / 1024.0);
  g_print ("  undo journal:     %.1f MiB (%.0f%%)\n", undo / 1048576.0, 100.0 * undo / MAX (size, 1));
  g_print ("  audit trail:      %.1f MiB (%.0f%%)\n", audit / 1048576.0, 100.0 * audit / MAX (size, 1));
  g_print ("  data:             %.1f MiB (%.0f%%)\n", data / 1048576.0, 100.0 * data / MAX (size, 1));
  g_print ("  free pages:       %.1f MiB\n", free_pages * page_size / 1048576.0);
  g_print ("  other:            %.1f MiB\n", other / 1048576.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-growth-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "growth.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *text = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 300;
  HwStore *store;
  gint64 case_id, t0;

  g_assert_no_error (error);
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
#ifndef BENCH_BASELINE
  hw_history_after_open (store);
#endif
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  text = hw_interchange_export_text (store, case_id, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (hw_interchange_import_data (store, text, -1, &error), >, 0);
      g_assert_no_error (error);
    }
  g_print ("%u imports of the sample case (%zu bytes of JSON) in %.1f s\n",
           n, strlen (text), (g_get_monotonic_time () - t0) / 1e6);
  g_object_unref (store);
  report ("After the imports, store closed:", path, n + 1);

#ifndef BENCH_BASELINE
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_history_after_open (store);
  g_object_unref (store);
  report ("After the next start (hw_history_after_open):", path, n + 1);

  /* The bound at work: the default keeps 500 steps, more than these 300
   * imports; with 100 the oldest 200 go and their pages are given back. */
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_history_after_open (store);
  g_assert_true (hw_history_set_max_steps (store, 100, &error));
  g_assert_no_error (error);
  g_object_unref (store);
  report ("With undo-max-steps = 100:", path, n + 1);
#endif

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  return 0;
}
