/* bench-commit.c: how long one edit takes to commit on sqlite, with its
 * undo entry and its audit row, as the window makes them.
 *
 * Issue 18's target: an edit commits within 5 ms (median). Three kinds of
 * edit on the sample family, each made N times one after the other in
 * its own transaction (the way a person's edits come): change a person's
 * phone, add a person, remove that person. Each is timed from the
 * call to its return (the commit is durable: WAL, synchronous=NORMAL as
 * the store sets it). Prints a table of median, 90th and 99th percentile
 * next to the target.
 *
 *   build/bench/bench-commit [N]      (N edits of each kind, default 500)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>

#include "bench-stats.h"
#include "hw-backup.h"
#include "hw-demo.h"
#include "hw-people.h"
#include "hw-record.h"
#include "hw-store.h"

#define TARGET_MS 5.0

static void
report (const char *what,
        GArray     *ms)
{
  double median;

  median = bench_percentile (ms, 0.5);
  g_print ("%-34s %7u %9.2f %9.2f %9.2f %9.1f   %s\n", what, ms->len, median,
           bench_percentile (ms, 0.9), bench_percentile (ms, 0.99), TARGET_MS,
           median <= TARGET_MS ? "met" : "MISSED");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) update_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) insert_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) delete_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) note_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 500;
  gint64 case_id, person_id;

  if (n == 0)
    n = 500;
  dir = g_dir_make_tmp ("hw-bench-commit-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "homeward.db", NULL);
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  people = hw_people_select (store, case_id, HW_PEOPLE_ADULTS, &error);
  g_assert_no_error (error);
  g_assert (people->len > 0);
  person_id = hw_record_get_id (g_ptr_array_index (people, 0));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwRecord) person = hw_store_get (store, "people", person_id, &error);
      g_autofree char *phone = g_strdup_printf ("555-%04u", i);
      gint64 t0;

      g_assert_no_error (error);
      hw_record_set_string (person, "phone", phone);
      t0 = g_get_monotonic_time ();
      if (!hw_store_update (store, "Edit person", person, &error))
        g_error ("update: %s", error->message);
      g_array_append_val (update_ms, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwRecord) note = hw_record_new ("people");
      g_autofree char *name = g_strdup_printf ("Helper %u", i);
      gint64 t0, id;

      hw_record_set_int (note, "case_id", case_id);
      hw_record_set_string (note, "name", name);
      hw_record_set_string (note, "role", "friend");
      t0 = g_get_monotonic_time ();
      id = hw_store_insert (store, "Add person", note, &error);
      if (id == 0)
        g_error ("insert: %s", error->message);
      g_array_append_val (insert_ms, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
      g_array_append_val (note_ids, id);
    }

  for (guint i = 0; i < note_ids->len; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (!hw_store_delete (store, "Delete person", "people", g_array_index (note_ids, gint64, i), &error))
        g_error ("delete: %s", error->message);
      g_array_append_val (delete_ms, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
    }

  g_print ("One edit = one transaction with its undo entry and audit row (sqlite, WAL).\n");
  g_print ("%-34s %7s %9s %9s %9s %9s   %s\n", "edit", "n", "median", "p90", "p99",
           "target", "(ms; target is the median)");
  report ("change a person (update)", update_ms);
  report ("add a person (insert)", insert_ms);
  report ("remove a person (delete)", delete_ms);

  g_clear_object (&store);
  hw_backup_remove_files (path);
  g_rmdir (dir);
  return 0;
}
