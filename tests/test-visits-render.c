/* test-visits-render.c: the month and week grids, counts chart and level
 * history drawn from the demo visits: to PNG (kept in the build dir to be
 * looked at) and to PDF, whose text layer must name the levels (level is
 * never shown by colour alone) and hold no names or places (grids are
 * safe to project).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-store.h"
#include "hw-visits.h"
#include "hw-visits-render.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
} Fixture;

static gint64
add_person (HwStore *store, gint64 case_id, const char *name, const char *role)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "role", role);
  return hw_store_insert (store, NULL, rec, NULL);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) c = hw_record_new ("cases");
  g_autofree char *path = NULL;
  gint64 kids[2], mum[1];
  HwVisitPlan plan = { 0 };

  f->dir = g_dir_make_tmp ("homeward-render-XXXXXX", &error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (hw_store_begin_edit (f->store, "Add demo family", &error));
  hw_record_set_string (c, "family_name", "Rivera");
  f->case_id = hw_store_insert (f->store, NULL, c, &error);
  mum[0] = add_person (f->store, f->case_id, "Maria Rivera", "mother");
  kids[0] = add_person (f->store, f->case_id, "Ana Rivera", "child");
  kids[1] = add_person (f->store, f->case_id, "Leo Rivera", "child");
  add_person (f->store, f->case_id, "Dana Cole", "caseworker");
  add_person (f->store, f->case_id, "Pat Green", "foster-parent");
  g_assert_true (hw_visits_add_demo (f->store, f->case_id, &error));
  g_assert_no_error (error);

  /* a fixed month with every kind of mark, for the pictures */
  plan.case_id = f->case_id;
  plan.title = "Family time";
  plan.place = "Secret Street 1";
  plan.tzid = "America/New_York";
  plan.visitors = mum;
  plan.n_visitors = 1;
  plan.children = kids;
  plan.n_children = 2;
  plan.dtstart = "2025-03-04T16:00";
  plan.duration_minutes = 120;
  plan.rrule = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=9";
  plan.level = "supervised";
  g_assert_cmpint (hw_visits_create_series (f->store, &plan, &error), >, 0);
  plan.dtstart = "2025-03-06T17:00";
  plan.rrule = "";
  plan.level = "therapeutic";
  g_assert_cmpint (hw_visits_create_series (f->store, &plan, &error), >, 0);
  plan.dtstart = "2025-03-08T10:00";
  plan.rrule = "FREQ=WEEKLY;COUNT=4";
  plan.level = "unsupervised";
  plan.duration_minutes = 240;
  g_assert_cmpint (hw_visits_create_series (f->store, &plan, &error), >, 0);
  plan.dtstart = "2025-03-14T17:00";
  plan.rrule = "FREQ=WEEKLY;COUNT=3";
  plan.level = "overnight";
  plan.duration_minutes = 20 * 60;
  g_assert_cmpint (hw_visits_create_series (f->store, &plan, &error), >, 0);
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_true (hw_visits_set_school_hours (f->store, "08:00-15:00", &error));
  {
    gint64 sid = hw_store_query_int (f->store, 0, "SELECT min(id) FROM visit_series WHERE dtstart = '2025-03-04T16:00:00'", G_TYPE_INVALID);
    HwVisitOutcome happened = { "happened", "16:05", "17:55", "", "monitored" };
    HwVisitOutcome cancel = { "cancelled-agency", "", "", "", "" };
    HwVisitOutcome noshow = { "no-show", "", "", "", "" };

    hw_visits_record_outcome (f->store, sid, "2025-03-04T16:00", &happened, &error);
    hw_visits_record_outcome (f->store, sid, "2025-03-11T16:00", &cancel, &error);
    hw_visits_record_outcome (f->store, sid, "2025-03-13T16:00", &noshow, &error);
    g_assert_no_error (error);
  }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static GArray *
march (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GArray *v = hw_visits_list (f->store, f->case_id, 0, 1740700800 /* 2025-02-28 */,
                              1743552000 /* 2025-04-02 */, &error);
  g_assert_no_error (error);
  return v;
}

/* fraction of pixels that are not white */
static double
ink (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  guint64 n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if ((*(const guint32 *) (data + y * stride + 4 * x) & 0xffffff) != 0xffffff)
        n++;
  return (double) n / (w * h);
}

typedef void (*DrawFunc) (cairo_t *cr, double w, double h, Fixture *f);

static void
to_png (const char *name, int w, int h, DrawFunc draw, Fixture *f)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_strdup_printf ("%s/visits-%s.png", g_getenv ("HOMEWARD_BUILD_ROOT") ? g_getenv ("HOMEWARD_BUILD_ROOT") : ".", name);
  double fraction;

  draw (cr, w, h, f);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  fraction = ink (surface);
  g_test_message ("%s: %.1f%% ink, %s", name, fraction * 100, path);
  g_assert_cmpfloat (fraction, >, 0.03);
  g_assert_cmpfloat (fraction, <, 0.8);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
pdf_text (const char *dir, const char *name, DrawFunc draw, Fixture *f)
{
  g_autofree char *pdf = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 842, 595);
  cairo_t *cr = cairo_create (surface);
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  char *out = NULL;
  int status;

  draw (cr, 842, 595, f);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return NULL;
  return out;
}

static void
draw_month (cairo_t *cr, double w, double h, Fixture *f)
{
  g_autoptr(GArray) v = march (f);

  hw_visits_draw_month (cr, w, h, 2025, 3, v, "2025-03-12");
}

static void
draw_week (cairo_t *cr, double w, double h, Fixture *f)
{
  g_autoptr(GArray) v = march (f);

  hw_visits_draw_week (cr, w, h, "2025-03-10", v, "2025-03-12");
}

static void
draw_counts (cairo_t *cr, double w, double h, Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_months (now, -6);
  g_autoptr(GArray) m = hw_visits_monthly_counts (f->store, f->case_id, g_date_time_get_year (start),
                                                  g_date_time_get_month (start), 8, NULL);

  g_assert_nonnull (m);
  hw_visits_draw_counts (cr, w, h, m);
}

static void
draw_history (cairo_t *cr, double w, double h, Fixture *f)
{
  g_autoptr(GArray) steps = hw_visits_level_history (f->store, f->case_id, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_nonnull (steps);
  hw_visits_draw_level_history (cr, w, h, steps, today);
}

static void
test_pictures (Fixture *f, gconstpointer data)
{
  to_png ("month", 1280, 900, draw_month, f);
  to_png ("month-small", 640, 480, draw_month, f);
  to_png ("week", 1280, 900, draw_week, f);
  to_png ("counts", 1000, 600, draw_counts, f);
  to_png ("history", 1000, 450, draw_history, f);
}

static void
test_text_layer (Fixture *f, gconstpointer data)
{
  g_autofree char *month = pdf_text (f->dir, "month.pdf", draw_month, f);
  g_autofree char *week = pdf_text (f->dir, "week.pdf", draw_week, f);

  if (month == NULL)
    {
      g_test_skip ("pdftotext not found");
      return;
    }
  /* the level is written, not only patterned */
  g_assert_nonnull (strstr (month, "Superv."));
  g_assert_nonnull (strstr (month, "Unsupervised"));    /* legend */
  g_assert_nonnull (strstr (month, "March 2025"));
  g_assert_nonnull (strstr (week, "Supervised"));
  g_assert_nonnull (strstr (week, "16:00"));
  /* safe to project: no names, no places */
  g_assert_null (strstr (month, "Rivera"));
  g_assert_null (strstr (month, "Secret Street"));
  g_assert_null (strstr (week, "Rivera"));
  g_assert_null (strstr (week, "Secret Street"));
}

static void
test_hit (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) v = march (f);
  char day[11] = "";
  int found = -1;

  /* somewhere in the cell of Tuesday 4 March (row 0, column 1 when the
   * 1st is a Saturday) there is the 16:00 visit */
  for (double y = 60; y < 300 && found < 0; y += 2)
    found = hw_visits_month_hit (1280, 900, 2025, 3, v, 10 + 1.5 * (1260 / 7.0), y, day);
  g_assert_cmpint (found, >=, 0);
  g_assert_cmpstr (day, ==, "2025-03-04");
  g_assert_cmpstr (g_array_index (v, HwVisit, found).occ.local_start, ==, "2025-03-04T16:00:00");
  g_assert_cmpint (hw_visits_month_hit (1280, 900, 2025, 3, v, 3, 3, day), ==, -1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/visits-render/pictures", Fixture, NULL, setup, test_pictures, teardown);
  g_test_add ("/visits-render/text-layer", Fixture, NULL, setup, test_text_layer, teardown);
  g_test_add ("/visits-render/hit", Fixture, NULL, setup, test_hit, teardown);

  return g_test_run ();
}
