/* test-readiness-chart.c: the readiness chart from the store, drawn to PNG
 * (kept in the build dir to look at) and PDF (its text checked with
 * pdftotext).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "hw-readiness-chart.h"
#include "hw-service-plan.h"
#include "hw-store.h"

static char *
out_path (const char *name)
{
  const char *root = g_getenv ("HOMEWARD_BUILD_ROOT");

  return g_build_filename (root ? root : g_get_tmp_dir (), "tests", name, NULL);
}

static HwReadinessChart *
chart_from_store (HwStore **store_out,
                  char    **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  g_autofree char *path = NULL;
  HwStore *store;
  gint64 case_id, r1, r2, r3;
  static const char * const domains[] = {
    "environment", "parenting-skills", "family-relationships", "family-safety",
    "child-wellbeing", "caregiver-commitment", "readiness",
  };
  static const int ratings[3][7] = {
    { -2, -3, -1, -2, -1, 0, -3 },
    { -1, -1, 0, -1, 0, 1, -1 },
    { 0, 1, 1, 1, 0, 2, 1 },
  };
  HwReadinessChart *chart;

  *dir_out = g_dir_make_tmp ("homeward-chart-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir_out, "homeward.db", NULL);
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_record_set_string (rec, "family_name", "Test");
  case_id = hw_store_insert (store, "Add case", rec, &error);
  g_assert_no_error (error);

  /* added out of date order: the chart sorts by date */
  r3 = hw_service_plan_add_review (store, case_id, "2025-07-08", "", &error);
  r1 = hw_service_plan_add_review (store, case_id, "2025-01-15", "", &error);
  r2 = hw_service_plan_add_review (store, case_id, "2025-04-10", "", &error);
  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (domains); d++)
    {
      g_assert_true (hw_service_plan_set_rating (store, r1, domains[d], ratings[0][d], &error));
      /* one domain left unrated in the middle review */
      if (d != 4)
        g_assert_true (hw_service_plan_set_rating (store, r2, domains[d], ratings[1][d], &error));
      g_assert_true (hw_service_plan_set_rating (store, r3, domains[d], ratings[2][d], &error));
    }

  chart = hw_readiness_chart_load (store, case_id, &error);
  g_assert_no_error (error);
  *store_out = store;
  return chart;
}

static void
remove_dir (char *dir)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (dir);
}

static void
test_load (void)
{
  g_autoptr(HwReadinessChart) chart = NULL;
  g_autoptr(HwStore) store = NULL;
  char *dir = NULL;

  chart = chart_from_store (&store, &dir);
  g_assert_cmpuint (hw_readiness_chart_get_n_reviews (chart), ==, 3);
  g_assert_cmpint (hw_readiness_chart_get_rating (chart, 0, "readiness"), ==, -3);
  g_assert_cmpint (hw_readiness_chart_get_rating (chart, 2, "readiness"), ==, 1);
  g_assert_cmpint (hw_readiness_chart_get_rating (chart, 1, "child-wellbeing"), ==, HW_READINESS_UNRATED);
  g_assert_cmpint (hw_readiness_chart_get_rating (chart, 0, "no-such-domain"), ==, HW_READINESS_UNRATED);
  remove_dir (dir);
}

static void
test_png (void)
{
  g_autoptr(HwReadinessChart) chart = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *png = out_path ("readiness-chart.png");
  cairo_surface_t *surface;
  cairo_t *cr;
  char *dir = NULL;
  double width = 960, height;
  guint dark = 0;

  chart = chart_from_store (&store, &dir);
  height = hw_readiness_chart_get_height_for_width (chart, width, 0);
  g_assert_cmpfloat (height, >, 200);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  hw_readiness_chart_draw (chart, cr, width, height, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* something was drawn: a fair share of dark (text, markers) pixels */
  for (int y = 0; y < (int) height; y++)
    {
      guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) +
                                  y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < (int) width; x++)
        if ((row[x] & 0xff) < 0x60 && ((row[x] >> 8) & 0xff) < 0x60)
          dark++;
    }
  g_assert_cmpuint (dark, >, 2000);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("chart written to %s", png);
  cairo_surface_destroy (surface);
  remove_dir (dir);
}

static void
test_pdf_text (void)
{
  g_autoptr(HwReadinessChart) chart = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = out_path ("readiness-chart.pdf");
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  char *dir = NULL;
  int status;

  chart = chart_from_store (&store, &dir);
  surface = cairo_pdf_surface_create (pdf, 515, 400);
  cr = cairo_create (surface);
  hw_readiness_chart_draw (chart, cr, 515, 400, 9);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The chart reads without colour: dates, domains and changes as words */
  g_assert_nonnull (strstr (text, "15 Jan 2025"));
  g_assert_nonnull (strstr (text, "Safety at home"));
  g_assert_nonnull (strstr (text, "+4 better"));   /* readiness: -3 -> +1 */
  g_assert_nonnull (strstr (text, "+2 Going"));   /* the scale, in words */
  remove_dir (dir);
}

static void
test_empty_and_many (void)
{
  g_autoptr(HwReadinessChart) chart = hw_readiness_chart_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);

  /* nothing to draw: a sentence, no crash */
  hw_readiness_chart_draw (chart, cr, 400, 300, 0);
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-0%d-01", i + 1);
      guint review = hw_readiness_chart_add_review (chart, date);

      hw_readiness_chart_set_rating (chart, review, "readiness", i % 6 - 3);
      /* out of range is clamped, not trusted */
      hw_readiness_chart_set_rating (chart, review, "family-safety", 40);
    }
  g_assert_cmpint (hw_readiness_chart_get_rating (chart, 0, "family-safety"), ==, 2);
  hw_readiness_chart_draw (chart, cr, 400, 300, 0);
  /* tiny sizes do not crash either */
  hw_readiness_chart_draw (chart, cr, 10, 10, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readiness-chart/load", test_load);
  g_test_add_func ("/readiness-chart/png", test_png);
  g_test_add_func ("/readiness-chart/pdf-text", test_pdf_text);
  g_test_add_func ("/readiness-chart/empty-and-many", test_empty_and_many);

  return g_test_run ();
}
