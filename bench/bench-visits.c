/* bench-visits.c: a case with 5,000 visits over 5 years; how long it takes
 * to open the database, expand the month's visits and draw the month grid
 * (target: under 50 ms). Prints figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "hw-store.h"
#include "hw-visits.h"
#include "hw-visits-render.h"

#define N_SERIES 10
#define PER_SERIES 500

static gint64
add_person (HwStore *store, gint64 case_id, const char *name, const char *role)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "role", role);
  return hw_store_insert (store, NULL, rec, NULL);
}

static gint64
fill (HwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) c = hw_record_new ("cases");
  static const char *const levels[] = { "therapeutic", "supervised", "monitored", "unsupervised", "overnight" };
  static const char *const statuses[] = { "happened", "happened", "happened", "happened", "happened",
                                          "happened", "cancelled-parent", "cancelled-caregiver",
                                          "no-show", "cancelled-agency" };
  sqlite3 *db = hw_store_get_db (store);
  sqlite3_stmt *rec_stmt, *ex_stmt;
  gint64 case_id, mum, kids[2], worker;
  guint n_visits = 0, n_records = 0;

  if (!hw_store_begin_edit (store, "Benchmark data", &error))
    g_error ("%s", error->message);
  hw_record_set_string (c, "family_name", "Benchmark");
  case_id = hw_store_insert (store, NULL, c, &error);
  mum = add_person (store, case_id, "Parent", "mother");
  kids[0] = add_person (store, case_id, "Child one", "child");
  kids[1] = add_person (store, case_id, "Child two", "child");
  worker = add_person (store, case_id, "Worker", "caseworker");

  sqlite3_prepare_v2 (db, "INSERT INTO visit_records (series_id, occurrence_start, status, observations)"
                          " VALUES (?, ?, ?, 'Played together; said goodbye calmly.')", -1, &rec_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO visit_exceptions (series_id, original_start, new_start)"
                          " VALUES (?, ?, ?)", -1, &ex_stmt, NULL);

  for (int i = 0; i < N_SERIES; i++)
    {
      HwVisitPlan plan = { 0 };
      char start[32];
      g_autoptr(HwRecurrence) r = NULL;
      g_autoptr(GArray) occ = NULL;
      gint64 sid;

      /* five years from January 2021, two visits a week each */
      g_snprintf (start, sizeof start, "2021-01-%02dT%02d:00", 4 + i % 2, 9 + i);
      plan.case_id = case_id;
      plan.title = "Family time";
      plan.place = "Visit room";
      plan.dtstart = start;
      plan.tzid = "America/New_York";
      plan.duration_minutes = 90;
      plan.rrule = i % 2 ? "FREQ=WEEKLY;BYDAY=TU,FR;COUNT=500" : "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=500";
      plan.level = levels[i % G_N_ELEMENTS (levels)];
      plan.supervisor_person_id = worker;
      plan.visitors = &mum;
      plan.n_visitors = 1;
      plan.children = &kids[i % 2];
      plan.n_children = 1;
      sid = hw_visits_create_series (store, &plan, &error);
      if (sid == 0)
        g_error ("%s", error->message);

      r = hw_visits_get_recurrence (store, sid, &error);
      occ = hw_recurrence_expand_all (r, G_MAXINT64 / 2);
      n_visits += occ->len;
      for (guint j = 0; j < occ->len; j++)
        {
          HwOccurrence *o = &g_array_index (occ, HwOccurrence, j);

          if (j % 25 == 7)
            {
              /* every 25th moved a day later, some taken off */
              char moved[HW_LOCAL_TIME_LEN];

              hw_recurrence_utc_to_local ("America/New_York", o->start_utc + 86400, moved);
              sqlite3_bind_int64 (ex_stmt, 1, sid);
              sqlite3_bind_text (ex_stmt, 2, o->key, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (ex_stmt, 3, j % 50 == 7 ? "" : moved, -1, SQLITE_TRANSIENT);
              sqlite3_step (ex_stmt);
              sqlite3_reset (ex_stmt);
              if (j % 50 == 7)
                continue;
            }
          /* everything before the last half year has an outcome */
          if (o->start_utc > 1750000000)
            continue;
          sqlite3_bind_int64 (rec_stmt, 1, sid);
          sqlite3_bind_text (rec_stmt, 2, o->key, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (rec_stmt, 3, statuses[(j * 7 + i) % G_N_ELEMENTS (statuses)], -1, SQLITE_STATIC);
          if (sqlite3_step (rec_stmt) != SQLITE_DONE)
            g_error ("%s", sqlite3_errmsg (db));
          sqlite3_reset (rec_stmt);
          n_records++;
        }
    }
  sqlite3_finalize (rec_stmt);
  sqlite3_finalize (ex_stmt);
  if (!hw_store_commit_edit (store, &error))
    g_error ("%s", error->message);
  printf ("data: %u visits in %d plans, %u outcomes recorded\n", n_visits, N_SERIES, n_records);
  return case_id;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *cmd = NULL;
  const int months[][2] = { { 2021, 2 }, { 2022, 6 }, { 2023, 3 }, { 2024, 11 }, { 2025, 10 } };
  double total[G_N_ELEMENTS (months) * 3], worst = 0;
  guint n = 0;
  HwStore *store;
  gint64 case_id;

  store = hw_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  case_id = fill (store);
  g_object_unref (store);

  /* fontconfig and pango load their fonts once per process (the app does
   * it at start-up): time it apart */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
    cairo_t *cr = cairo_create (surface);
    double t0;
    GArray *visits;

    store = hw_store_open (path, &error);
    visits = hw_visits_list (store, case_id, 0, 1609459200 /* 2021-01-01 */, 1612137600, &error);
    t0 = now_ms ();
    hw_visits_draw_month (cr, 1920, 1080, 2021, 1, visits, NULL);
    printf ("font set-up (first drawing of January 2021), once per process: %.1f ms\n", now_ms () - t0);
    g_array_unref (visits);
    g_object_unref (store);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  printf ("%-8s %8s %8s %8s %8s %6s\n", "month", "open", "list", "draw", "total", "shown");
  for (int round = 0; round < 3; round++)
    for (guint m = 0; m < G_N_ELEMENTS (months); m++)
      {
        g_autoptr(GDateTime) first = g_date_time_new_utc (months[m][0], months[m][1], 1, 0, 0, 0);
        g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
        cairo_surface_t *surface;
        cairo_t *cr;
        GArray *visits;
        double t0, t1, t2, t3;

        t0 = now_ms ();
        store = hw_store_open (path, &error);
        if (store == NULL)
          g_error ("%s", error->message);
        t1 = now_ms ();
        /* the grid shows whole weeks: a week more on each side */
        visits = hw_visits_list (store, case_id, 0, g_date_time_to_unix (first) - 7 * 86400,
                                 g_date_time_to_unix (next) + 7 * 86400, &error);
        if (visits == NULL)
          g_error ("%s", error->message);
        t2 = now_ms ();
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
        cr = cairo_create (surface);
        hw_visits_draw_month (cr, 1920, 1080, months[m][0], months[m][1], visits, NULL);
        cairo_surface_flush (surface);
        t3 = now_ms ();
        if (round == 2 && m == 2)
          cairo_surface_write_to_png (surface, "bench-visits-month.png");
        printf ("%04d-%02d  %8.1f %8.1f %8.1f %8.1f %6u%s\n", months[m][0], months[m][1],
                t1 - t0, t2 - t1, t3 - t2, t3 - t0, visits->len, round == 0 ? "  (rules expanded for the first time)" : "");
        total[n++] = t3 - t0;
        worst = MAX (worst, t3 - t0);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        g_array_unref (visits);
        g_object_unref (store);
      }

  qsort (total, n, sizeof (double), compare_double);
  printf ("open + expand + draw a month (1920x1080): median %.1f ms, worst %.1f ms (target < 50 ms)\n",
          total[n / 2], worst);

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cmd) != 0)
    return 1;
  return 0;
}
