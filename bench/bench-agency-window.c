/* bench-agency-window.c: the window on an agency's database (issue 18).
 *
 * Opens the main window on DB (make one with bench/gen-agency: 5,000
 * families for the figures) and on a database with one family,
 * and prints, next to the targets:
 *   - the time to a usable window: from creating it to its first frame
 *     drawn, with the first family open (target: within 1.5x the time
 *     with one family);
 *   - the family search: each letter of a name typed, from the search to
 *     the list's next frame (target: 16 ms);
 *   - opening a family: from choosing it to its first frame (target:
 *     100 ms), for 20 families one after another, with the memory (RSS)
 *     after each (it must not keep growing).
 *
 *   build/bench/gen-agency /tmp/agency.db 5000
 *   tests/run-with-display.sh build/bench/bench-agency-window /tmp/agency.db
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-stats.h"
#include "hw-demo.h"
#include "hw-record.h"
#include "hw-store.h"
#include "hw-window.h"

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

/* Waits for @window's next frame; returns the time it was drawn. */
static gint64
next_frame (GtkWidget *window)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (!painted)
    g_error ("no frame was drawn in 30 s");
  return g_get_monotonic_time ();
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock;
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!gtk_widget_get_realized (window) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  g_assert (clock != NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static double
rss_mib (void)
{
  g_autofree char *text = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%ld %ld", &pages, &resident) != 2)
    return 0;
  return resident * (double) sysconf (_SC_PAGESIZE) / 1048576.0;
}

/* ms from creating the window to its first frame */
static double
open_window (HwStore    *store,
             GtkWidget **out)
{
  gint64 t0 = g_get_monotonic_time ();
  GtkWidget *window = GTK_WIDGET (hw_window_new (NULL, store));
  gint64 t1;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (window);
  t1 = next_frame (window);
  *out = window;
  return (t1 - t0) / 1000.0;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

static void
row (const char *figure,
     double      ms,
     double      target)
{
  g_print ("%-44s %9.1f ms %9.1f ms   %s\n", figure, ms, target, verdict (ms <= target));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwStore) one = NULL;
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *one_path = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GtkWidget *window = NULL;
  GtkWidget *entry;
  GListModel *cases;
  double one_ms, agency_ms, rss_first = 0, rss_last = 0;
  static const char *typed[] = { "g", "gu", "guz", "guzm", "guzmá", "guzmán", "guzmán 4", "guzmán 42",
                                 "", "0", "00", "001", "0012", "00127", NULL };
  guint n_families;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DB   (make DB with bench/gen-agency)\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();

  store = hw_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s: %s", argv[1], error->message);
  dir = g_dir_make_tmp ("hw-bench-agency-XXXXXX", &error);
  g_assert_no_error (error);
  one_path = g_build_filename (dir, "one.db", NULL);
  one = hw_store_open (one_path, &error);
  g_assert_no_error (error);
  hw_demo_create (one, &error);
  g_assert_no_error (error);

  /* a usable window: one family, then the agency's (after a first window
   * that loads the theme, fonts and icons, which every start pays alike) */
  open_window (one, &window);
  close_window (window);
  one_ms = open_window (one, &window);
  close_window (window);
  agency_ms = open_window (store, &window);
  cases = hw_window_get_cases (HW_WINDOW (window));
  n_families = g_list_model_get_n_items (cases);

  /* the search, letter by letter (the signal the entry sends after a
   * pause in typing, sent at once: the pause is the entry's, not ours) */
  entry = GTK_WIDGET (gtk_widget_get_template_child (window, HW_TYPE_WINDOW, "case_search"));
  for (guint i = 0; typed[i] != NULL; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      gtk_editable_set_text (GTK_EDITABLE (entry), typed[i]);
      g_signal_emit_by_name (entry, "search-changed");
      g_array_append_val (search_ms, (double) { (next_frame (window) - t0) / 1000.0 });
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  next_frame (window);

  /* 20 families, one after another, spread over the list */
  ids = g_ptr_array_new ();
  g_print ("Families: %u (and 1)\n\n", n_families);
  g_print ("%-44s %10s %10s\n", "opening a family", "ms", "RSS MiB");
  for (guint i = 0; i < 20 && n_families > 0; i++)
    {
      g_autoptr(HwRecord) record = g_list_model_get_item (cases, (i * 7919) % n_families);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      hw_window_select_case (HW_WINDOW (window), hw_record_get_id (record));
      ms = (next_frame (window) - t0) / 1000.0;
      g_array_append_val (open_ms, ms);
      rss_last = rss_mib ();
      if (i == 0)
        rss_first = rss_last;
      g_print ("  %-42s %10.1f %10.1f\n", hw_record_get_string (record, "family_name"), ms, rss_last);
    }

  g_print ("\n%-44s %12s %12s   %s\n", "figure", "measured", "target", "");
  g_print ("%-44s %9.0f ms\n", "usable window, 1 family", one_ms);
  g_print ("%-44s %9.0f ms %9.0f ms   %s\n", "usable window, all families", agency_ms, 1.5 * one_ms,
           verdict (agency_ms <= 1.5 * one_ms));
  row ("search as you type, median", bench_percentile (search_ms, 0.5), 16.0);
  row ("search as you type, slowest", bench_percentile (search_ms, 1.0), 16.0);
  row ("opening a family, median", bench_percentile (open_ms, 0.5), 100.0);
  row ("opening a family, slowest", bench_percentile (open_ms, 1.0), 100.0);
  g_print ("%-44s %6.1f MiB after the 1st, %.1f MiB after the 20th (%+.1f)\n", "memory",
           rss_first, rss_last, rss_last - rss_first);

  close_window (window);
  g_clear_object (&one);
  {
    g_autofree char *wal = g_strconcat (one_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (one_path, "-shm", NULL);

    g_unlink (one_path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
