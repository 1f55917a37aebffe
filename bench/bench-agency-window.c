/* bench-agency-window.c: the window on an agency's database (issue 18).
 *
 * Opens the main window on DB (make one with bench/gen-agency: 5,000
 * families for the figures) and on a database with one family,
 * and prints a table of each figure (median and p95 of several tries) for
 * both next to the targets:
 *   - the time to a usable window: from opening the database to the
 *     window's first frame drawn, with the first family open (target:
 *     within 1.5x the time with one family), RUNS times (default 5);
 *   - the family search: each letter of a name typed, from the search to
 *     the list's next frame drawn (target: 16 ms), letters typed 150 ms
 *     apart as a person types. The time the program works for it: the
 *     frame also waits for the frame clock's tick (frames are 16.7 ms
 *     apart at 60 Hz, on a screen's refresh), up to a frame whatever the
 *     work, and that wait is printed on a line of its own;
 *   - opening a family: from choosing it to its first frame (target:
 *     100 ms), for 20 families one after another, with the memory (RSS)
 *     after each (it must not keep growing). On the people page, the
 *     first a family shows; HW_BENCH_AREA=NAME opens them on that area's
 *     page (family-time, service-plan...: hw-areas.c).
 *
 *   build/bench/gen-agency /tmp/agency.db 5000
 *   tests/run-with-display.sh build/bench/bench-agency-window /tmp/agency.db [RUNS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-stats.h"
#include "hw-backup.h"
#include "hw-case-view.h"
#include "hw-demo.h"
#include "hw-record.h"
#include "hw-store.h"
#include "hw-window.h"

static gboolean painted;

/* the time the main loop spent waiting (in poll), in µs */
static gint64    waited_us;
static GPollFunc real_poll;

static gint
counting_poll (GPollFD *fds,
               guint    n_fds,
               gint     timeout)
{
  gint64 t0 = g_get_monotonic_time ();
  gint result = real_poll (fds, n_fds, timeout);

  waited_us += g_get_monotonic_time () - t0;
  return result;
}

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

/* this process's CPU time in ms: on a busy machine the wall-clock
 * figures include the time spent waiting for a core */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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

/* ms from opening the database to the window's first frame: what a start
 * costs that grows with the file (the store's checks and tidying) and
 * with the families (the list, the first family open) */
static double
open_window (const char  *path,
             HwStore    **store_out,
             GtkWidget  **out)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  HwStore *store = hw_store_open (path, &error);
  GtkWidget *window;
  gint64 t1;

  if (store == NULL)
    g_error ("%s: %s", path, error->message);
  window = GTK_WIDGET (hw_window_new (NULL, store));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (window);
  t1 = next_frame (window);
  *store_out = store;
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

typedef struct {
  const char *name;
  GArray     *window_ms;
  GArray     *search_ms;        /* working: the frame clock's wait left out */
  GArray     *search_frame_ms;  /* to the frame drawn */
  GArray     *open_ms;
  GArray     *window_cpu, *search_cpu, *open_cpu;
  double      rss_first, rss_middle, rss_last;
  guint       n_families;
} Figures;

static void
figures_init (Figures    *f,
              const char *name)
{
  f->name = name;
  f->window_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->search_frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  f->window_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  f->search_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  f->open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
figures_clear (Figures *f)
{
  g_array_unref (f->window_ms);
  g_array_unref (f->search_ms);
  g_array_unref (f->search_frame_ms);
  g_array_unref (f->open_ms);
  g_array_unref (f->window_cpu);
  g_array_unref (f->search_cpu);
  g_array_unref (f->open_cpu);
}

/* Changes the search's text to @text as typing does: the letters after
 * what the two have in common are deleted (backspace), then the new ones
 * inserted. (gtk_editable_set_text () would empty the entry first, and an
 * empty search entry finds all the families at once, without waiting:
 * each letter would cost two searches, one of them the widest.) */
static void
type_text (GtkWidget  *entry,
           const char *text)
{
  const char *old = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *a = old, *b = text;
  int common, old_chars;

  while (*a != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  common = g_utf8_pointer_to_offset (old, a);
  old_chars = g_utf8_strlen (old, -1);
  if (common < old_chars)
    gtk_editable_delete_text (GTK_EDITABLE (entry), common, old_chars);
  if (*b != '\0')
    {
      int position = common;

      gtk_editable_insert_text (GTK_EDITABLE (entry), b, -1, &position);
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
}

/* The searches of @typed, one after another, to the next frame each: a
 * function of its own for callgrind's --toggle-collect=profile_search. */
static G_GNUC_NO_INLINE void
profile_search_letter (GtkWidget  *window,
                       GtkWidget  *entry,
                       const char *text)
{
  type_text (entry, text);
  g_signal_emit_by_name (entry, "search-changed");
  next_frame (window);
}

/* (each letter a call of its own: --dump-after=profile_search_letter
 * gives each one's figures) */
static G_GNUC_NO_INLINE void
profile_search (GtkWidget   *window,
                GtkWidget   *entry,
                const char **typed)
{
  for (guint i = 0; typed[i] != NULL; i++)
    profile_search_letter (window, entry, typed[i]);
}

/* How many families HW_BENCH_PROFILE=open opens: HW_BENCH_OPENS, or 200 */
static guint
profile_opens (void)
{
  const char *opens = g_getenv ("HW_BENCH_OPENS");

  return opens != NULL && atoi (opens) > 0 ? (guint) atoi (opens) : 200;
}

/* Opens the family @case_id, to the next frame (for callgrind's
 * --toggle-collect=profile_open) */
static G_GNUC_NO_INLINE void
profile_open (GtkWidget *window,
              gint64     case_id)
{
  hw_window_select_case (HW_WINDOW (window), case_id);
  next_frame (window);
}

/* The window @runs times on @path, then the search and 20 families in the
 * last one. */
static void
measure (const char *path,
         guint       runs,
         Figures    *f)
{
  static const char *typed[] = { "g", "gu", "guz", "guzm", "guzmá", "guzmán", "guzmán 4", "guzmán 42",
                                 "", "0", "00", "001", "0012", "00127", "", "t", "tr", "tre",
                                 "trem", "", NULL };
  HwStore *store = NULL;
  GtkWidget *window = NULL;
  GtkWidget *entry;
  GListModel *cases;

  for (guint r = 0; r < runs; r++)
    {
      double ms, cpu;

      if (window != NULL)
        {
          close_window (window);
          g_clear_object (&store);
        }
      cpu = cpu_ms ();
      ms = open_window (path, &store, &window);
      g_array_append_val (f->window_ms, ms);
      g_array_append_val (f->window_cpu, (double) { cpu_ms () - cpu });
    }
  cases = hw_window_get_cases (HW_WINDOW (window));
  f->n_families = g_list_model_get_n_items (cases);

  /* a person reaches the search a moment after the window shows: what
   * the window does when idle (folding the families' words) is done by
   * then, up to a second */
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_main_context_pending (NULL) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }

  /* the search, letter by letter (the signal the entry sends after a
   * pause in typing, sent at once: the pause is the entry's, not ours),
   * 150 ms apart */
  entry = GTK_WIDGET (gtk_widget_get_template_child (window, HW_TYPE_WINDOW, "case_search"));
  for (guint i = 0; typed[i] != NULL; i++)
    {
      gint64 t0, pause_end = g_get_monotonic_time () + 150 * 1000;
      double cpu;

      while (g_get_monotonic_time () < pause_end)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      t0 = g_get_monotonic_time ();
      cpu = cpu_ms ();
      waited_us = 0;

      type_text (entry, typed[i]);
      g_signal_emit_by_name (entry, "search-changed");
      {
        gint64 drawn = next_frame (window);

        g_array_append_val (f->search_frame_ms, (double) { (drawn - t0) / 1000.0 });
        g_array_append_val (f->search_ms, (double) { (drawn - t0 - waited_us) / 1000.0 });
      }
      g_array_append_val (f->search_cpu, (double) { cpu_ms () - cpu });
      if (g_getenv ("HW_BENCH_EACH") != NULL)
        g_print ("  search \"%s\": %.1f ms (to the frame %.1f ms), CPU %.1f ms\n", typed[i],
                 g_array_index (f->search_ms, double, f->search_ms->len - 1),
                 g_array_index (f->search_frame_ms, double, f->search_frame_ms->len - 1),
                 g_array_index (f->search_cpu, double, f->search_cpu->len - 1));
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  next_frame (window);
  /* HW_BENCH_AREA=family-time (or another area): the families opened on
   * that page (the window keeps the page shown from family to family) */
  if (g_getenv ("HW_BENCH_AREA") != NULL && hw_window_get_case_view (HW_WINDOW (window)) != NULL)
    {
      AdwViewStack *stack = hw_case_view_get_stack (HW_CASE_VIEW (hw_window_get_case_view (HW_WINDOW (window))));

      adw_view_stack_set_visible_child_name (stack, g_getenv ("HW_BENCH_AREA"));
      next_frame (window);
      g_print ("(families opened on the page %s)\n", g_getenv ("HW_BENCH_AREA"));
    }

  /* HW_BENCH_PROFILE=search or =open: that, 10 times more, for perf */
  if (g_strcmp0 (g_getenv ("HW_BENCH_PROFILE"), "search") == 0)
    for (guint n = 0; n < 10; n++)
      profile_search (window, entry, typed);
  if (g_strcmp0 (g_getenv ("HW_BENCH_PROFILE"), "open") == 0)
    for (guint i = 0; i < profile_opens () && f->n_families > 0; i++)
      {
        g_autoptr(HwRecord) record = g_list_model_get_item (cases, (i * 7919) % f->n_families);

        /* family to family, as the figures below */
        profile_open (window, hw_record_get_id (record));
      }

  /* 20 families, one after another, spread over the list (with one
   * family: that one, after none) */
  g_print ("%s: %u families\n  %-40s %10s %10s\n", f->name, f->n_families, "opening a family", "ms", "RSS MiB");
  for (guint i = 0; i < 20 && f->n_families > 0; i++)
    {
      g_autoptr(HwRecord) record = g_list_model_get_item (cases, (i * 7919) % f->n_families);
      gint64 t0;
      double ms, rss, cpu;

      if (f->n_families == 1)
        {
          hw_window_select_case (HW_WINDOW (window), 0);
          next_frame (window);
        }
      t0 = g_get_monotonic_time ();
      cpu = cpu_ms ();
      waited_us = 0;
      hw_window_select_case (HW_WINDOW (window), hw_record_get_id (record));
      ms = (next_frame (window) - t0) / 1000.0;
      g_array_append_val (f->open_ms, ms);
      g_array_append_val (f->open_cpu, (double) { cpu_ms () - cpu });
      rss = rss_mib ();
      if (i == 0)
        f->rss_first = rss;
      if (i == 9)
        f->rss_middle = rss;
      f->rss_last = rss;
      g_print ("  %-40s %10.1f %10.1f\n", hw_record_get_string (record, "family_name"), ms, rss);
    }
  close_window (window);
  g_clear_object (&store);
}

static void
table_row (const char *figure,
           GArray     *one,
           GArray     *agency,
           double      target,
           const char *target_text)
{
  double one_med = bench_percentile (one, 0.5), one_p95 = bench_percentile (one, 0.95);
  double med = bench_percentile (agency, 0.5), p95 = bench_percentile (agency, 0.95);

  g_print ("%-30s %8.1f %8.1f   %8.1f %8.1f   %-18s %s\n", figure, one_med, one_p95, med, p95, target_text,
           med <= target ? "yes" : "NO");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *one_path = NULL;
  Figures one, agency;
  guint runs = 5;
  double one_window, agency_window, growth;

  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, counting_poll);

  if (argc < 2)
    {
      g_printerr ("Usage: %s DB [RUNS]   (make DB with bench/gen-agency)\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    runs = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));
  /* Under Xvfb GTK would draw with GL emulated on the CPU (llvmpipe),
   * which measures the emulator rather than the app: draw with cairo as
   * the tests do, unless told otherwise. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("hw-bench-agency-XXXXXX", &error);
  g_assert_no_error (error);
  one_path = g_build_filename (dir, "one.db", NULL);
  {
    g_autoptr(HwStore) store = hw_store_open (one_path, &error);

    g_assert_no_error (error);
    hw_demo_create (store, &error);
    g_assert_no_error (error);
  }

  /* a first window that loads the theme, fonts and icons, which every
   * start pays alike */
  {
    HwStore *store = NULL;
    GtkWidget *window = NULL;

    open_window (one_path, &store, &window);
    close_window (window);
    g_object_unref (store);
  }

  figures_init (&one, "1 family");
  figures_init (&agency, argv[1]);
  measure (one_path, runs, &one);
  measure (argv[1], runs, &agency);

  one_window = bench_percentile (one.window_ms, 0.5);
  agency_window = bench_percentile (agency.window_ms, 0.5);
  growth = agency.rss_last - agency.rss_middle;

  g_print ("\nFamilies: 1 and %u; %u starts each; ms, median and p95\n", agency.n_families, runs);
  g_print ("%-30s %17s   %17s   %-18s %s\n", "figure", "1 family", "all families", "target", "met");
  g_print ("%-30s %8.1f %8.1f   %8.1f %8.1f   %-18s %s\n", "usable window (start)",
           one_window, bench_percentile (one.window_ms, 0.95),
           agency_window, bench_percentile (agency.window_ms, 0.95),
           "1.5 x 1 family", agency_window <= 1.5 * one_window ? "yes" : "NO");
  table_row ("search as you type", one.search_ms, agency.search_ms, 16.0, "16 ms");
  g_print ("%-30s %8.1f %8.1f   %8.1f %8.1f   %-18s %s\n", "  with the frame clock's wait",
           bench_percentile (one.search_frame_ms, 0.5), bench_percentile (one.search_frame_ms, 0.95),
           bench_percentile (agency.search_frame_ms, 0.5), bench_percentile (agency.search_frame_ms, 0.95),
           "(up to 16.7 more)", "-");
  table_row ("opening a family", one.open_ms, agency.open_ms, 100.0, "100 ms");
  g_print ("%-30s %8.1f %8.1f   %8.1f %8.1f   %-18s %s\n", "RSS MiB: 1st, 20th open",
           one.rss_first, one.rss_last, agency.rss_first, agency.rss_last,
           "flat (10th→20th)", growth <= 2.0 ? "yes" : "NO");
  g_print ("  (all families: %+.1f MiB from the 10th to the 20th family)\n", growth);
  g_print ("\nThe same, in this process's CPU time (ms; without the waits of a busy machine):\n");
  table_row ("usable window (start), CPU", one.window_cpu, agency.window_cpu,
             1.5 * bench_percentile (one.window_cpu, 0.5), "1.5 x 1 family");
  table_row ("search as you type, CPU", one.search_cpu, agency.search_cpu, 16.0, "16 ms");
  table_row ("opening a family, CPU", one.open_cpu, agency.open_cpu, 100.0, "100 ms");

  figures_clear (&one);
  figures_clear (&agency);
  hw_backup_remove_files (one_path);
  g_rmdir (dir);
  return 0;
}
