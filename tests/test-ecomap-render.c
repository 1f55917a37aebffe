/* test-ecomap-render.c: the ecomap renderer on a plain model: exports that
 * real readers accept, every name in the PDF's text, PNG dimensions, hit
 * testing, and refusals of bad requests.
 *
 * Set HW_KEEP_OUTPUT=DIR to keep the files to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "hw-ecomap-render.h"
#include "hw-ecomap-cache.h"
#include "hw-test-valgrind.h"

static const char * const names[] = {
  "Rosa Delgado", "Tomás Delgado", "Grandma Inés", "Lincoln Elementary",
  "Pastor Kim", "Dr. Alvarez", "Family Court", "Marcus Reed",
  "Uncle Ray", "Hope Food Bank", "City Bus Pass", "Ms. Okafor (mentor)",
};

static HwEcomapMap *
sample_map (void)
{
  HwEcomapMap *map = hw_ecomap_map_new ();
  static const HwEcomapCategory cats[] = {
    HW_ECOMAP_CATEGORY_FAMILY, HW_ECOMAP_CATEGORY_FAMILY, HW_ECOMAP_CATEGORY_KIN,
    HW_ECOMAP_CATEGORY_SCHOOL, HW_ECOMAP_CATEGORY_FAITH, HW_ECOMAP_CATEGORY_HEALTH,
    HW_ECOMAP_CATEGORY_LEGAL, HW_ECOMAP_CATEGORY_FRIENDS, HW_ECOMAP_CATEGORY_KIN,
    HW_ECOMAP_CATEGORY_SERVICES, HW_ECOMAP_CATEGORY_COMMUNITY, HW_ECOMAP_CATEGORY_FRIENDS,
  };
  static const HwTieStrength strengths[] = {
    HW_TIE_STRONG, HW_TIE_MODERATE, HW_TIE_STRONG, HW_TIE_MODERATE,
    HW_TIE_TENUOUS, HW_TIE_MODERATE, HW_TIE_BROKEN, HW_TIE_TENUOUS,
    HW_TIE_BROKEN, HW_TIE_MODERATE, HW_TIE_TENUOUS, HW_TIE_STRONG,
  };

  map->title = g_strdup ("Ecomap: Delgado family");
  map->subtitle = g_strdup ("24 November 2026 · Copy for the agency");
  map->household_id = 1;
  map->household_label = g_strdup ("Delgado household");
  hw_ecomap_map_add_member (map, "Ana Delgado");
  hw_ecomap_map_add_member (map, "Luis Delgado (9)");
  hw_ecomap_map_add_member (map, "Sofia Delgado (4)");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      guint idx = hw_ecomap_map_add_node (map, 10 + i,
                                          (i == 3 || i == 5 || i == 6 || i == 9 || i == 10)
                                          ? HW_ECOMAP_NODE_ORGANISATION : HW_ECOMAP_NODE_PERSON,
                                          cats[i], names[i]);

      g_array_index (map->nodes, HwEcomapMapNode, idx).network_member = (i == 2 || i == 11);
      hw_ecomap_map_add_tie (map, 100 + i, 1, 10 + i, strengths[i],
                             i == 6 || i == 8 || i == 1,
                             (HwTieFlow) (i % 4));
    }
  /* a tie between two outer nodes */
  hw_ecomap_map_add_tie (map, 200, 12, 18, HW_TIE_MODERATE, TRUE, HW_TIE_FLOW_BOTH);
  hw_ecomap_map_set_legend (map, HW_ECOMAP_LEGEND_STRESSFUL, "Conflict (our wording)");
  hw_ecomap_map_layout (map);
  return map;
}

static char *outdir;

static char *
tmp_path (const char *name)
{
  const char *keep = g_getenv ("HW_KEEP_OUTPUT");

  if (keep != NULL)
    return g_build_filename (keep, name, NULL);
  return g_build_filename (outdir, name, NULL);
}

static gboolean
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  GSpawnFlags flags = G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL;

  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, flags,
                     NULL, NULL, out, NULL, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  return g_spawn_check_wait_status (status, NULL);
}

/* pdftotext breaks lines and may add spaces; compare without whitespace */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
test_export_pdf (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autofree char *path = tmp_path ("ecomap-render.pdf");
  g_autofree char *text = NULL, *flat = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (hw_ecomap_map_export (map, "pdf", "a4", path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (run ((const char *[]) { "qpdf", "--check", path, NULL }, NULL));
  g_assert_true (run ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL }, &text));
  flat = squeeze (text);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = squeeze (names[i]);

      if (strstr (flat, name) == NULL)
        g_error ("“%s” not in the PDF text:\n%s", names[i], text);
    }
  g_assert_nonnull (strstr (flat, "AnaDelgado"));
  g_assert_nonnull (strstr (flat, "Conflict(ourwording)"));
  g_assert_nonnull (strstr (flat, "Strongtie"));
  if (g_getenv ("HW_KEEP_OUTPUT") == NULL)
    g_unlink (path);
}

static void
test_export_png (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autofree char *path = tmp_path ("ecomap-render.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  g_assert_true (hw_ecomap_map_export (map, "png", "letter", path, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* letter landscape at 150 dpi */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1650);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1275);
  cairo_surface_destroy (image);

  g_assert_true (hw_ecomap_map_export (map, "png", NULL, path, &error));
  image = cairo_image_surface_create_from_png (path);
  /* A4 landscape at 150 dpi */
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1754);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1241);
  cairo_surface_destroy (image);
  if (g_getenv ("HW_KEEP_OUTPUT") == NULL)
    g_unlink (path);
}

static void
test_export_svg (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autofree char *path = tmp_path ("ecomap-render.svg");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (hw_ecomap_map_export (map, "svg", "a4", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  /* a real XML parser accepts it */
  if (g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    g_assert_true (run ((const char *[]) { "/usr/bin/python3", "-c",
                                           "import sys, xml.dom.minidom as m; "
                                           "d = m.parse(sys.argv[1]); "
                                           "assert d.documentElement.tagName == 'svg'",
                                           path, NULL }, NULL));
  if (g_getenv ("HW_KEEP_OUTPUT") == NULL)
    g_unlink (path);
}

static void
test_export_refused (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autofree char *path = tmp_path ("ecomap-refused.pdf");
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  g_assert_false (hw_ecomap_map_export (map, "docx", NULL, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (hw_ecomap_map_export (map, "pdf", "tabloid", path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (hw_ecomap_map_export (map, "pdf", NULL, "/nonexistent-dir/x.pdf", &error));
  g_assert_nonnull (error);
}

static void
test_hit_testing (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  HwEcomapMapNode *a, *b;
  double mx, my;

  g_assert_cmpint (hw_ecomap_map_node_at (map, 0, 0), ==, 1);
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      g_assert_cmpint (hw_ecomap_map_node_at (map, node->x, node->y), ==, node->id);
      /* on its label too */
      g_assert_cmpint (hw_ecomap_map_node_at (map, node->x,
                                              node->y + node->radius + 4 + node->label_height / 2),
                       ==, node->id);
    }
  g_assert_cmpint (hw_ecomap_map_node_at (map, 1e6, 1e6), ==, 0);

  /* the middle of the tie between nodes 12 and 18 */
  a = &g_array_index (map->nodes, HwEcomapMapNode, hw_ecomap_map_find_node (map, 12));
  b = &g_array_index (map->nodes, HwEcomapMapNode, hw_ecomap_map_find_node (map, 18));
  mx = (a->x + b->x) / 2;
  my = (a->y + b->y) / 2;
  g_assert_cmpint (hw_ecomap_map_tie_at (map, mx, my, 4), ==, 200);
  g_assert_cmpint (hw_ecomap_map_tie_at (map, 1e6, 1e6, 4), ==, 0);
}

static void
test_strengths_from_ties (void)
{
  g_autoptr(HwEcomapMap) map = hw_ecomap_map_new ();
  HwEcomapMapNode *node;

  map->household_id = 1;
  hw_ecomap_map_add_node (map, 2, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_KIN, "A");
  hw_ecomap_map_add_node (map, 3, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_KIN, "B");
  hw_ecomap_map_add_node (map, 4, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_KIN, "C");
  /* A: tenuous to the household, strong to B: the household tie decides */
  hw_ecomap_map_add_tie (map, 1, 1, 2, HW_TIE_TENUOUS, FALSE, HW_TIE_FLOW_NONE);
  hw_ecomap_map_add_tie (map, 2, 2, 3, HW_TIE_STRONG, FALSE, HW_TIE_FLOW_NONE);
  hw_ecomap_map_layout (map);
  node = &g_array_index (map->nodes, HwEcomapMapNode, 0);
  g_assert_cmpint (node->strength, ==, HW_TIE_TENUOUS);
  /* B: no household tie, its strongest */
  node = &g_array_index (map->nodes, HwEcomapMapNode, 1);
  g_assert_cmpint (node->strength, ==, HW_TIE_STRONG);
  /* C: no ties */
  node = &g_array_index (map->nodes, HwEcomapMapNode, 2);
  g_assert_cmpint (node->strength, ==, HW_TIE_NONE);

  /* a moved node is pinned and stays put through a new layout */
  hw_ecomap_map_move_node (map, 4, 500, -20);
  hw_ecomap_map_layout (map);
  node = &g_array_index (map->nodes, HwEcomapMapNode, 2);
  g_assert_true (node->pinned);
  g_assert_cmpfloat (node->x, ==, 500);
  g_assert_cmpfloat (node->y, ==, -20);
}

static void
test_legend (void)
{
  g_autoptr(HwEcomapMap) map = hw_ecomap_map_new ();
  HwEcomapLegendKey key;

  g_assert_cmpstr (hw_ecomap_map_get_legend (map, HW_ECOMAP_LEGEND_STRONG), ==, "Strong tie");
  hw_ecomap_map_set_legend (map, HW_ECOMAP_LEGEND_STRONG, "Very close");
  g_assert_cmpstr (hw_ecomap_map_get_legend (map, HW_ECOMAP_LEGEND_STRONG), ==, "Very close");
  hw_ecomap_map_set_legend (map, HW_ECOMAP_LEGEND_STRONG, "");
  g_assert_cmpstr (hw_ecomap_map_get_legend (map, HW_ECOMAP_LEGEND_STRONG), ==, "Strong tie");
  g_assert_true (hw_ecomap_legend_key_from_string ("network", &key));
  g_assert_cmpint (key, ==, HW_ECOMAP_LEGEND_NETWORK);
  g_assert_false (hw_ecomap_legend_key_from_string ("nope", &key));
}

/* The compare view's badges and faint lost ties draw without trouble. */
static void
test_changes_draw (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autofree char *path = tmp_path ("ecomap-changes.png");
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < map->ties->len; t++)
    g_array_index (map->ties, HwEcomapMapTie, t).change = t % 5;
  hw_ecomap_map_layout (map);
  g_assert_true (hw_ecomap_map_export (map, "png", NULL, path, &error));
  g_assert_no_error (error);
  if (g_getenv ("HW_KEEP_OUTPUT") == NULL)
    g_unlink (path);
}

static char *
pdf_text (HwEcomapMap *map,
          const char  *name)
{
  g_autofree char *path = tmp_path (name);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hw_ecomap_map_export (map, "pdf", "a4", path, &error));
  g_assert_no_error (error);
  g_assert_true (run ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL }, &text));
  if (g_getenv ("HW_KEEP_OUTPUT") == NULL)
    g_unlink (path);
  return squeeze (text);
}

/* The view drawn straight onto an image of the window's size at @scale
 * (no cache): what every cached frame must be */
static cairo_surface_t *
draw_direct (HwEcomapMap               *map,
             int                        width,
             int                        height,
             int                        scale,
             double                     x,
             double                     y,
             double                     zoom,
             const HwEcomapDrawOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                         height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, zoom, zoom);
  hw_ecomap_draw_map (map, cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* draw_direct () at one device pixel a unit, a node and a tie selected */
static cairo_surface_t *
draw_image (HwEcomapMap *map,
            int          width,
            int          height,
            double       dx,
            double       dy,
            double       zoom)
{
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .selected_node = 13, .selected_tie = 104 };

  return draw_direct (map, width, height, 1, dx, dy, zoom, &options);
}

/* Is @small the same, pixel for pixel, as @big from (@x, @y) on? */
static gboolean
same_pixels (cairo_surface_t *small,
             cairo_surface_t *big,
             int              x,
             int              y)
{
  int w = cairo_image_surface_get_width (small), h = cairo_image_surface_get_height (small);
  int ss = cairo_image_surface_get_stride (small), bs = cairo_image_surface_get_stride (big);
  const guchar *sd = cairo_image_surface_get_data (small);
  const guchar *bd = cairo_image_surface_get_data (big);

  for (int row = 0; row < h; row++)
    if (memcmp (sd + row * ss, bd + (row + y) * bs + x * 4, w * 4) != 0)
      return FALSE;
  return TRUE;
}

/* The view drawn through a recording surface, replayed on an image of
 * @width x @height: @bounded, the recording has the image's size and the
 * renderer skips what is outside it; else it is unbounded, and everything
 * is drawn. */
static cairo_surface_t *
draw_recorded (HwEcomapMap *map,
               int          width,
               int          height,
               double       dx,
               double       dy,
               double       zoom,
               gboolean     bounded)
{
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                               bounded ? &extents : NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .selected_node = 13, .selected_tie = 104 };
  cairo_t *cr = cairo_create (recording);

  cairo_translate (cr, dx, dy);
  cairo_scale (cr, zoom, zoom);
  hw_ecomap_draw_map (map, cr, &options);
  cairo_destroy (cr);

  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  cairo_surface_destroy (recording);
  return image;
}

/* A redraw (zoom, pan) skips what is outside the clip: what is on the
 * screen must look exactly as when everything is drawn, at any pan. */
static void
test_clip_exact (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  const int w = 240, h = 180;
  static const double pans[][3] = {
    { 120, 90, 1.0 }, { 20, 10, 1.0 }, { -150, 40, 1.3 }, { 300, -100, 2.0 },
    { 120, 250, 0.7 }, { -60, 200, 1.6 }, { 60, 20, 3.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pans); i++)
    {
      cairo_surface_t *skipped = draw_recorded (map, w, h, pans[i][0], pans[i][1], pans[i][2],
                                                TRUE);
      cairo_surface_t *whole = draw_recorded (map, w, h, pans[i][0], pans[i][1], pans[i][2],
                                              FALSE);

      if (!same_pixels (skipped, whole, 0, 0))
        {
          g_autofree char *a = tmp_path ("clip-skipped.png"), *b = tmp_path ("clip-whole.png");

          cairo_surface_write_to_png (skipped, a);
          cairo_surface_write_to_png (whole, b);
          g_error ("the view at pan %g, %g, zoom %g differs from the map drawn whole "
                   "(see %s and %s)", pans[i][0], pans[i][1], pans[i][2], a, b);
        }
      cairo_surface_destroy (skipped);
      cairo_surface_destroy (whole);
    }
}

/* The labels' text layouts are kept with the map between redraws; a name
 * changed after a first drawing must be what the next one shows, and so
 * must a legend's wording and a tie's style. */
static void
test_changed_after_draw (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autofree char *before = pdf_text (map, "before.pdf");
  g_autofree char *after = NULL;
  HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, 4);
  cairo_surface_t *tie_before, *tie_after;

  g_assert_cmpstr (node->label, ==, "Pastor Kim");
  g_assert_nonnull (strstr (before, "PastorKim"));

  g_free (node->label);
  node->label = g_strdup ("Reverend Okonkwo-Lindqvist");
  hw_ecomap_map_set_legend (map, HW_ECOMAP_LEGEND_STRESSFUL, "Fights a lot");
  hw_ecomap_map_layout (map);
  after = pdf_text (map, "after.pdf");
  g_assert_null (strstr (after, "PastorKim"));
  g_assert_nonnull (strstr (after, "ReverendOkonkwo-Lindqvist"));
  g_assert_null (strstr (after, "Conflict(ourwording)"));
  g_assert_nonnull (strstr (after, "Fightsalot"));
  /* the longer name is measured again: its label is wider */
  g_assert_cmpfloat (node->label_width, >, 60);

  /* a tie made stronger: the next drawing shows it */
  tie_before = draw_image (map, 400, 300, 200, 150, 0.6);
  g_array_index (map->ties, HwEcomapMapTie, 1).strength = HW_TIE_STRONG;
  hw_ecomap_map_layout (map);
  tie_after = draw_image (map, 400, 300, 200, 150, 0.6);
  g_assert_false (same_pixels (tie_after, tie_before, 0, 0));
  cairo_surface_destroy (tie_before);
  cairo_surface_destroy (tie_after);
}

static const HwEcomapDrawOptions cache_options = {
  .show_sectors = TRUE, .selected_node = 13, .selected_tie = 104,
};

/* The view drawn through @cache with @options on a fresh image of the
 * window's size at @scale device pixels a unit. */
static cairo_surface_t *
draw_cached_with (HwEcomapCache             *cache,
                  HwEcomapMap               *map,
                  int                        width,
                  int                        height,
                  int                        scale,
                  double                     dx,
                  double                     dy,
                  double                     zoom,
                  const HwEcomapDrawOptions *options,
                  HwEcomapCacheMode          mode,
                  HwEcomapCacheResult       *result)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                         height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  *result = hw_ecomap_cache_draw (cache, map, cr, width, height, scale, zoom, dx, dy, options, mode);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The view drawn through @cache on a fresh image of the window's size. */
static cairo_surface_t *
draw_cached (HwEcomapCache       *cache,
             HwEcomapMap         *map,
             int                  width,
             int                  height,
             double               dx,
             double               dy,
             double               zoom,
             HwEcomapCacheMode    mode,
             HwEcomapCacheResult *result)
{
  return draw_cached_with (cache, map, width, height, 1, dx, dy, zoom, &cache_options, mode, result);
}

/* The largest difference of any channel of any pixel; @n_different
 * (nullable): how many pixels differ at all. */
static int
max_difference (cairo_surface_t *a,
                cairo_surface_t *b,
                int             *n_different)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int as = cairo_image_surface_get_stride (a), bs = cairo_image_surface_get_stride (b);
  const guchar *ad = cairo_image_surface_get_data (a);
  const guchar *bd = cairo_image_surface_get_data (b);
  int most = 0, n = 0;

  for (int row = 0; row < h; row++)
    for (int x = 0; x < w; x++)
      {
        const guchar *pa = ad + row * as + x * 4, *pb = bd + row * bs + x * 4;
        int d = 0;

        for (int c = 0; c < 4; c++)
          d = MAX (d, abs (pa[c] - pb[c]));
        n += d > 0;
        most = MAX (most, d);
      }
  if (n_different != NULL)
    *n_different = n;
  return most;
}

/* @exact: bit for bit; else a few pixels off by a few levels in 255, which
 * no eye sees (see below) */
static void
assert_same_image (cairo_surface_t *a,
                   cairo_surface_t *b,
                   gboolean         exact,
                   const char      *what)
{
  int n_different;
  int most = max_difference (a, b, &n_different);

  if (exact ? !same_pixels (a, b, 0, 0) : (most > 8 || n_different > 20))
    {
      g_autofree char *pa = tmp_path ("cache-cached.png"), *pb = tmp_path ("cache-fresh.png");

      cairo_surface_write_to_png (a, pa);
      cairo_surface_write_to_png (b, pb);
      g_error ("%s: the cached view differs from a fresh drawing: %d pixels, by up to %d "
               "levels (see %s and %s)", what, n_different, most, pa, pb);
    }
}

/* @cached drawn again in pieces under clips, against @fresh drawn whole:
 * where a clip cuts a shape's rows, cairo rasterises a row of its edge a
 * little differently, so a few pixels may be off, each by at most 16
 * levels in 255 (which no eye sees), at most @max_pixels of them. Returns
 * the largest difference; @n_different (nullable): how many pixels. */
static int
assert_near_fresh (cairo_surface_t *cached,
                   cairo_surface_t *fresh,
                   int              max_pixels,
                   const char      *what,
                   int             *n_different)
{
  int n, most = max_difference (cached, fresh, &n);

  if (most > 16 || n > max_pixels)
    assert_same_image (cached, fresh, TRUE, what);
  if (n_different != NULL)
    *n_different = n;
  return most;
}

/* Rows @first to @first + @n_rows of @image, sharing its pixels */
static cairo_surface_t *
image_rows (cairo_surface_t *image,
            int              first,
            int              n_rows)
{
  int stride = cairo_image_surface_get_stride (image);

  return cairo_image_surface_create_for_data (cairo_image_surface_get_data (image) +
                                              (gsize) first * stride, CAIRO_FORMAT_ARGB32,
                                              cairo_image_surface_get_width (image), n_rows,
                                              stride);
}

/* The largest difference from a fresh drawing seen, and at how many
 * pixels (per device pixel a unit, squared) */
typedef struct {
  int most, n;
} Worst;

/* One EXACT frame of @map through @cache at (@x, @y, @zoom), @w x @h at
 * @scale, against a fresh drawing of that view: drawn again under clips
 * (a change of selection, a pan out of the margin, an edit, a new size),
 * at most @max_pixels pixels a unit a few levels off (assert_near_fresh
 * (); the more shapes a clip's edge cuts, the more). Returns the frame;
 * @result: what the cache did; @worst (nullable) keeps the largest
 * difference. */
static cairo_surface_t *
frame_near_fresh (HwEcomapCache             *cache,
                  HwEcomapMap               *map,
                  int                        w,
                  int                        h,
                  int                        scale,
                  double                     x,
                  double                     y,
                  double                     zoom,
                  const HwEcomapDrawOptions *options,
                  int                        max_pixels,
                  const char                *what,
                  HwEcomapCacheResult       *result,
                  Worst                     *worst)
{
  g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
  HwEcomapCacheResult fresh_result;
  cairo_surface_t *cached, *fresh;
  int most, n;

  cached = draw_cached_with (cache, map, w, h, scale, x, y, zoom, options, HW_ECOMAP_CACHE_EXACT, result);
  fresh = draw_cached_with (other, map, w, h, scale, x, y, zoom, options, HW_ECOMAP_CACHE_EXACT,
                            &fresh_result);
  g_assert_cmpint (fresh_result, ==, HW_ECOMAP_CACHE_DRAWN);
  most = assert_near_fresh (cached, fresh, max_pixels * scale * scale, what, &n);
  if (worst != NULL)
    {
      worst->most = MAX (worst->most, most);
      worst->n = MAX (worst->n, n / (scale * scale));
    }
  cairo_surface_destroy (fresh);
  return cached;
}

/* Pan frames painted from the cache are the same pixels as the map drawn
 * afresh at that pan; a pan by part of a pixel or a zoom draws afresh,
 * and a zoom gesture may paint the old image scaled. */
static void
test_cache_same_pixels (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  const int w = 400, h = 300;
  static const struct { double x, y, zoom; HwEcomapCacheResult result; } steps[] = {
    { 200, 150, 0.8, HW_ECOMAP_CACHE_DRAWN },
    { 200, 150, 0.8, HW_ECOMAP_CACHE_HIT },
    { 237, 129, 0.8, HW_ECOMAP_CACHE_HIT },
    { 90, 300, 0.8, HW_ECOMAP_CACHE_HIT },        /* within the margin */
    { 90.5, 300, 0.8, HW_ECOMAP_CACHE_DRAWN },    /* part of a pixel */
    { 700, 300, 0.8, HW_ECOMAP_CACHE_DRAWN },     /* out of the margin */
    { 700, 300, 1.2, HW_ECOMAP_CACHE_DRAWN },     /* zoomed */
    { 650, 280, 1.2, HW_ECOMAP_CACHE_HIT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      HwEcomapCacheResult result;
      cairo_surface_t *cached = draw_cached (cache, map, w, h, steps[i].x, steps[i].y,
                                             steps[i].zoom, HW_ECOMAP_CACHE_EXACT, &result);
      cairo_surface_t *direct = draw_image (map, w, h, steps[i].x, steps[i].y, steps[i].zoom);
      g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
      HwEcomapCacheResult fresh_result;
      cairo_surface_t *fresh = draw_cached (other, map, w, h, steps[i].x, steps[i].y,
                                            steps[i].zoom, HW_ECOMAP_CACHE_EXACT, &fresh_result);
      g_autofree char *what = g_strdup_printf ("step %u (pan %g, %g, zoom %g)", i, steps[i].x,
                                               steps[i].y, steps[i].zoom);

      g_assert_cmpint (result, ==, steps[i].result);
      g_assert_cmpint (fresh_result, ==, HW_ECOMAP_CACHE_DRAWN);
      /* what a pan frame paints is what a fresh drawing of that view is */
      assert_same_image (cached, fresh, TRUE, what);
      /* and the map drawn straight into the window, but for a level or two
       * where a line leaves the window: cairo rasterises a stroke cut by
       * the window's edge a little differently from one drawn whole */
      assert_same_image (cached, direct, FALSE, what);
      cairo_surface_destroy (cached);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (direct);
    }

  /* a zoom gesture: the old image scaled, then the exact frame */
  {
    HwEcomapCacheResult result;
    cairo_surface_t *scaled = draw_cached (cache, map, w, h, 650, 280, 1.4,
                                           HW_ECOMAP_CACHE_SCALED_OK, &result);
    cairo_surface_t *fresh = draw_image (map, w, h, 650, 280, 1.4);
    cairo_surface_t *exact;

    g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_SCALED);
    cairo_surface_destroy (scaled);
    exact = draw_cached (cache, map, w, h, 650, 280, 1.4, HW_ECOMAP_CACHE_EXACT, &result);
    g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
    assert_same_image (exact, fresh, FALSE, "after the zoom");
    cairo_surface_destroy (exact);
    cairo_surface_destroy (fresh);
  }
}

/* The editor draws the view cache with fine curves: what it showed before
 * there was a cache, when GTK recorded its drawing (the renderer's coarser
 * curves for images made small stressful waves angular). */
static void
test_cache_looks_as_before (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  HwEcomapDrawOptions options = cache_options;
  const int w = 400, h = 300;
  /* (farther out the ties are drawn otherwise: test_far_detail) */
  static const double views[][3] = { { 200, 150, 0.8 }, { 150, 120, 1.0 }, { 260, 60, 2.0 } };

  options.fine_curves = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_surface_t *before = draw_recorded (map, w, h, views[i][0], views[i][1], views[i][2],
                                               TRUE);
      cairo_t *cr = cairo_create (cached);
      g_autofree char *what = g_strdup_printf ("the editor's look at zoom %g", views[i][2]);
      int n_different;

      hw_ecomap_cache_draw (cache, map, cr, w, h, 1, views[i][2], views[i][0], views[i][1],
                            &options, HW_ECOMAP_CACHE_EXACT);
      cairo_destroy (cr);
      cairo_surface_flush (cached);
      /* (glyphs replayed from a recording land a little differently: a
       * few hundred pixels of a label's edge; coarse waves change more) */
      max_difference (cached, before, &n_different);
      g_test_message ("%s: %d pixels differ", what, n_different);
      if (n_different > w * h / 200)
        {
          g_autofree char *pa = tmp_path ("looks-cached.png");
          g_autofree char *pb = tmp_path ("looks-before.png");

          cairo_surface_write_to_png (cached, pa);
          cairo_surface_write_to_png (before, pb);
          g_error ("%s: %d pixels differ from the editor's drawing before the cache (see %s "
                   "and %s)", what, n_different, pa, pb);
        }
      cairo_surface_destroy (cached);
      cairo_surface_destroy (before);
    }
}

/* the darkest channel of any pixel within @reach pixels of (@x, @y) */
static int
darkest_near (cairo_surface_t *image,
              double           x,
              double           y,
              int              reach)
{
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guchar *data = cairo_image_surface_get_data (image);
  int darkest = 255;

  for (int py = (int) floor (y) - reach; py <= (int) floor (y) + reach; py++)
    for (int px = (int) floor (x) - reach; px <= (int) floor (x) + reach; px++)
      if (px >= 0 && py >= 0 && px < w && py < h)
        for (int c = 0; c < 3; c++)
          darkest = MIN (darkest, data[py * stride + px * 4 + c]);
  return darkest;
}

/* all the ink of an image: how far from white its pixels are */
static double
ink_of (cairo_surface_t *image)
{
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guchar *data = cairo_image_surface_get_data (image);
  double ink = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int c = 0; c < 3; c++)
        ink += 255 - data[y * stride + x * 4 + c];
  return ink;
}

/* Every node and every tie of @map is to be seen on @image (drawn at
 * @zoom, the map's centre at @dx, @dy): a node's outline, and most of
 * five points along each tie (a dash or the cut of a broken tie may fall
 * between them). */
static void
assert_all_seen (HwEcomapMap     *map,
                 cairo_surface_t *image,
                 double           dx,
                 double           dy,
                 double           zoom,
                 const char      *what)
{
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);
      int dark = darkest_near (image, (node->x - node->radius) * zoom + dx, node->y * zoom + dy, 1);

      if (dark > 190)
        g_error ("%s: node %s is not drawn (%d)", what, node->label, dark);
    }
  for (guint t = 0; t < map->ties->len; t++)
    {
      HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
      int a = hw_ecomap_map_find_node (map, tie->node_a), b = hw_ecomap_map_find_node (map, tie->node_b);
      HwEcomapMapNode *na = a >= 0 ? &g_array_index (map->nodes, HwEcomapMapNode, a) : NULL;
      HwEcomapMapNode *nb = b >= 0 ? &g_array_index (map->nodes, HwEcomapMapNode, b) : NULL;
      double ax = na ? na->x : 0, ay = na ? na->y : 0, ar = na ? na->radius : map->household_radius;
      double bx = nb ? nb->x : 0, by = nb ? nb->y : 0, br = nb ? nb->radius : map->household_radius;
      double len = hypot (bx - ax, by - ay), ux = (bx - ax) / len, uy = (by - ay) / len;
      double inner = len - ar - br - 4;
      guint seen = 0;

      for (guint k = 1; k <= 5; k++)
        {
          double s = ar + 2 + inner * (0.1 + 0.8 * (k - 1) / 4.0);

          seen += darkest_near (image, (ax + ux * s) * zoom + dx, (ay + uy * s) * zoom + dy, 1) < 190;
        }
      if (seen < 3)
        g_error ("%s: tie %" G_GINT64_FORMAT " is not drawn (%u of 5 points)", what, tie->id, seen);
    }
}

/* the rows of column @x between @y0 and @y1 darker than 190 */
static int
dark_rows (cairo_surface_t *image,
           int              x,
           int              y0,
           int              y1)
{
  int n = 0;

  for (int y = y0; y <= y1; y++)
    n += darkest_near (image, x, y, 0) < 190;
  return n;
}

/* From afar (not antialiased, for speed) the notation still reads: a
 * strong tie at least two pixels wide, a moderate one one pixel, a
 * tenuous one in dashes with gaps that show (at least 3 pixels). */
static void
test_far_notation (void)
{
  g_autoptr(HwEcomapMap) map = hw_ecomap_map_new ();
  static const struct { double y; HwTieStrength strength; } rows[] = {
    { -300, HW_TIE_STRONG }, { 0, HW_TIE_MODERATE }, { 300, HW_TIE_TENUOUS },
  };
  const int w = 600, h = 400;
  const double zoom = 0.45;
  cairo_surface_t *image;

  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    for (int side = 0; side < 2; side++)
      {
        guint idx = hw_ecomap_map_add_node (map, 10 + 2 * i + side, HW_ECOMAP_NODE_PERSON,
                                            HW_ECOMAP_CATEGORY_FRIENDS, "");
        HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, idx);

        node->pinned = TRUE;
        node->x = side == 0 ? -600 : 600;
        node->y = rows[i].y;
      }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    hw_ecomap_map_add_tie (map, 100 + i, 10 + 2 * i, 11 + 2 * i, rows[i].strength, FALSE,
                           HW_TIE_FLOW_NONE);
  hw_ecomap_map_layout (map);
  /* the household (in the middle row) out of the way */
  map->household_radius = 1;

  image = draw_image (map, w, h, w / 2.0, h / 2.0, zoom);
  {
    cairo_t *cr = cairo_create (image);

    cairo_scale (cr, zoom, zoom);
    g_assert_cmpint (hw_ecomap_draw_detail (cr), !=, HW_ECOMAP_DETAIL_FULL);
    cairo_destroy (cr);
  }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int y = (int) floor (h / 2.0 + rows[i].y * zoom);
      int thick = 0, dashes = 0, gap = 0, smallest_gap = G_MAXINT;
      gboolean in_dash = FALSE;

      /* across, at a few places right of the middle */
      for (int x = w / 2 + 40; x < w / 2 + 120; x += 20)
        thick = MAX (thick, dark_rows (image, x, y - 6, y + 6));
      /* along */
      for (int x = w / 2 + 40; x < w / 2 + 200; x++)
        {
          gboolean dark = dark_rows (image, x, y - 2, y + 2) > 0;

          if (dark && !in_dash)
            {
              dashes++;
              if (dashes > 1)
                smallest_gap = MIN (smallest_gap, gap);
            }
          gap = dark ? 0 : gap + 1;
          in_dash = dark;
        }
      g_test_message ("tie %u: %d pixels wide, %d dashes, smallest gap %d", i, thick, dashes,
                      smallest_gap);
      switch (rows[i].strength)
        {
        case HW_TIE_STRONG:
          g_assert_cmpint (thick, >=, 2);
          g_assert_cmpint (dashes, ==, 1);
          break;
        case HW_TIE_MODERATE:
          g_assert_cmpint (thick, ==, 1);
          g_assert_cmpint (dashes, ==, 1);
          break;
        case HW_TIE_TENUOUS:
        default:
          g_assert_cmpint (dashes, >=, 10);
          g_assert_cmpint (smallest_gap, >=, 3);
          break;
        }
    }
  cairo_surface_destroy (image);
}

/* How red the pixel at (@x, @y) is: red minus green, 0 on white or grey
 * (ARGB32 is B, G, R, A in memory on little-endian machines). */
static int
redness (cairo_surface_t *image,
         int              x,
         int              y)
{
  const guchar *p = cairo_image_surface_get_data (image) +
                    y * cairo_image_surface_get_stride (image) + x * 4;
  guint32 pixel;

  memcpy (&pixel, p, 4);
  return (int) ((pixel >> 16) & 0xff) - (int) ((pixel >> 8) & 0xff);
}

/* A stressful tie in full detail: a wave of the amplitude the notation
 * has (3.5 map units each side of the tie), a period every 9 units, at
 * most 24 periods in the tie's middle. Catches a wave built of curves
 * whose peaks fall short of or beyond the amplitude. */
static void
test_stressful_wave (void)
{
  g_autoptr(HwEcomapMap) map = hw_ecomap_map_new ();
  const int w = 1000, h = 200;
  const double zoom = 2, axis = h / 2.0;
  int highest = 0, lowest = 0, turns = 0, last_side = 0;
  cairo_surface_t *image;

  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  for (int side = 0; side < 2; side++)
    {
      guint idx = hw_ecomap_map_add_node (map, 10 + side, HW_ECOMAP_NODE_PERSON,
                                          HW_ECOMAP_CATEGORY_FRIENDS, "");
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, idx);

      node->pinned = TRUE;
      node->x = side == 0 ? -200 : 200;
      node->y = 100;
    }
  hw_ecomap_map_add_tie (map, 100, 10, 11, HW_TIE_MODERATE, TRUE, HW_TIE_FLOW_NONE);
  hw_ecomap_map_layout (map);
  map->household_radius = 1;

  /* map (0, 100) in the image's middle */
  image = draw_image (map, w, h, w / 2.0, axis - 100 * zoom, zoom);
  {
    cairo_t *cr = cairo_create (image);

    cairo_scale (cr, zoom, zoom);
    g_assert_cmpint (hw_ecomap_draw_detail (cr), ==, HW_ECOMAP_DETAIL_FULL);
    cairo_destroy (cr);
  }
  /* across the middle 150 units: how far the red goes from the tie, and
   * how often it changes sides */
  for (int x = w / 2 - 150; x < w / 2 + 150; x++)
    {
      double sum = 0, weight = 0;

      for (int y = 0; y < h; y++)
        if (redness (image, x, y) > 60)
          {
            highest = MAX (highest, (int) axis - y);
            lowest = MAX (lowest, y - (int) axis);
            sum += (y + 0.5 - axis) * redness (image, x, y);
            weight += redness (image, x, y);
          }
      g_assert_cmpfloat (weight, >, 0);
      if (fabs (sum / weight) > 2)
        {
          int side = sum > 0 ? 1 : -1;

          if (last_side != 0 && side != last_side)
            turns++;
          last_side = side;
        }
    }
  g_test_message ("the wave reaches %d and %d pixels from the tie, turns %d times", highest,
                  lowest, turns);
  /* 3.5 units and half the line's 1.4, at zoom 2: 8.4 pixels */
  g_assert_cmpint (highest, >=, 6);
  g_assert_cmpint (highest, <=, 10);
  g_assert_cmpint (lowest, >=, 6);
  g_assert_cmpint (lowest, <=, 10);
  /* 150 units of 9-unit periods turn twice a period: 33 */
  g_assert_cmpint (turns, >=, 30);
  g_assert_cmpint (turns, <=, 36);
  /* nothing red past the middle 24 periods (108 units each side) */
  for (int y = 0; y < h; y++)
    {
      g_assert_cmpint (redness (image, (int) (w / 2 - 115 * zoom), y), <=, 60);
      g_assert_cmpint (redness (image, (int) (w / 2 + 115 * zoom), y), <=, 60);
    }
  cairo_surface_destroy (image);
}

/* Whether (@x, @y) of @image, or a pixel next to it, is dark (a channel
 * under 128) or light (every channel over 160) as asked */
static gboolean
near_shade (cairo_surface_t *image,
            int              x,
            int              y,
            gboolean         dark)
{
  if (dark)
    return darkest_near (image, x, y, 1) < 128;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (x + dx >= 0 && y + dy >= 0 && x + dx < cairo_image_surface_get_width (image)
          && y + dy < cairo_image_surface_get_height (image)
          && darkest_near (image, x + dx, y + dy, 0) > 160)
        return TRUE;
  return FALSE;
}

/* A map of @n nodes, a third of its ties stressful, seen whole on a page:
 * the thinner its lines, the more nodes */
static HwEcomapMap *
crowded_map (guint n)
{
  HwEcomapMap *map = hw_ecomap_map_new ();

  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  hw_ecomap_map_add_member (map, "Parent One");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      hw_ecomap_map_add_node (map, 10 + i, i % 4 == 0 ? HW_ECOMAP_NODE_ORGANISATION : HW_ECOMAP_NODE_PERSON,
                              (HwEcomapCategory) (i % HW_ECOMAP_N_CATEGORIES), name);
      hw_ecomap_map_add_tie (map, 1000 + i, 1, 10 + i, (HwTieStrength) (i % HW_TIE_NONE),
                             i % 3 == 0, (HwTieFlow) (i % 4));
    }
  hw_ecomap_map_layout (map);
  return map;
}

/* The page's content as qpdf writes it uncompressed, without the date */
static char *
pdf_content (const char *path)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);

  g_assert_true (run ((const char *[]) { "qpdf", "--qdf", "--object-streams=disable", "--static-id",
                                         path, "-", NULL }, &out));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "CreationDate") == NULL)
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

/* The SVG at @path without the number cairo gives each surface it makes */
static char *
svg_content (const char *path)
{
  g_autofree char *svg = NULL;
  g_autoptr(GRegex) ids = g_regex_new ("id=\"surface[0-9]+\"", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  return g_regex_replace_literal (ids, svg, -1, 0, "id=\"surface\"", 0, NULL);
}

/* On paper, lines are stroked at a coarser tolerance than cairo's own
 * (cairo flattens them only to find where on the page they fall): the
 * PDF and the SVG are the same as at cairo's own, waves, dots and dashes
 * included, for a small map and for one of 1,000 nodes whose waves are a
 * quarter of a point wide (300 under valgrind: still under a point). */
static void
test_paper_tolerance (void)
{
  HwEcomapMap *maps[] = { sample_map (), crowded_map (hw_test_sweep_step (16) > 1 ? 300 : 1000) };

  for (guint m = 0; m < G_N_ELEMENTS (maps); m++)
    {
      const char *formats[] = { "pdf", "svg" };

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_strdup_printf ("ecomap-tolerance-%u.%s", m, formats[f]);
          g_autofree char *fine_name = g_strdup_printf ("ecomap-tolerance-%u-fine.%s", m, formats[f]);
          g_autofree char *path = tmp_path (name);
          g_autofree char *fine = tmp_path (fine_name);
          g_autofree char *a = NULL, *b = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_true (hw_ecomap_map_export (maps[m], formats[f], "a4", path, &error));
          g_assert_no_error (error);
          hw_ecomap_set_paper_tolerance (0);
          g_assert_true (hw_ecomap_map_export (maps[m], formats[f], "a4", fine, &error));
          hw_ecomap_set_paper_tolerance (0.25);
          g_assert_no_error (error);
          if (f == 0)
            {
              a = pdf_content (path);
              b = pdf_content (fine);
              /* the waves are there: curves, in the stroke colour */
              g_assert_true (strstr (a, " c\n") != NULL || strstr (a, " c ") != NULL);
            }
          else
            {
              a = svg_content (path);
              b = svg_content (fine);
              g_assert_nonnull (strstr (a, " C "));
            }
          g_assert_cmpstr (a, ==, b);
          g_unlink (path);
          g_unlink (fine);
        }
      hw_ecomap_map_free (maps[m]);
    }
}

/* @map drawn into the PDF @pdf, a square page @size points wide, in map
 * units at 72 dpi with the household's centre at (@x, @y), and that page
 * as a PDF reader draws it (pdftoppm, into @prefix.png) at 4 pixels a
 * unit */
static cairo_surface_t *
paper_picture (HwEcomapMap *map,
               const char  *pdf,
               const char  *prefix,
               double       size,
               double       x,
               double       y)
{
  g_autofree char *read = g_strconcat (prefix, ".png", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, size, size), *image;
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, x, y);
  hw_ecomap_draw_map (map, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (run ((const char *[]) { "pdftoppm", "-png", "-r", "288", "-singlefile", pdf, prefix, NULL },
                      NULL));
  image = cairo_image_surface_create_from_png (read);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  return image;
}

/* On paper, a name's white backing (85% opaque) covers exactly the box
 * of the name: a tie running under it shows pale there, and dark just
 * outside it, at its ends and below it, for a name of one line and one
 * of two (the backings are drawn one stroke per height). Names of
 * spaces, so that no letter darkens the box. */
static void
test_paper_name_backing (void)
{
  HwEcomapMap *map = hw_ecomap_map_new ();
  g_autofree char *pdf = tmp_path ("ecomap-backing.pdf");
  g_autofree char *prefix = tmp_path ("ecomap-backing-read");
  g_autofree char *read = g_strconcat (prefix, ".png", NULL);
  HwEcomapMapNode *one, *two;
  cairo_surface_t *image;
  double x1, x2;

  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  /* (the name of two lines first: the backings of each height, the
   * first one's then the next one's, are drawn their own height) */
  hw_ecomap_map_add_node (map, 12, HW_ECOMAP_NODE_ORGANISATION, HW_ECOMAP_CATEGORY_SCHOOL, "    \n    ");
  hw_ecomap_map_add_node (map, 10, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "          ");
  hw_ecomap_map_add_node (map, 11, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  hw_ecomap_map_add_node (map, 13, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  hw_ecomap_map_add_node (map, 14, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  hw_ecomap_map_add_node (map, 15, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  hw_ecomap_map_add_node (map, 16, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  /* along y = 0 under the first name; along x = 200 and x = 300 under
   * the first and the second */
  hw_ecomap_map_add_tie (map, 100, 1, 11, HW_TIE_MODERATE, FALSE, HW_TIE_FLOW_NONE);
  hw_ecomap_map_add_tie (map, 101, 13, 14, HW_TIE_STRONG, FALSE, HW_TIE_FLOW_NONE);
  hw_ecomap_map_add_tie (map, 102, 15, 16, HW_TIE_STRONG, FALSE, HW_TIE_FLOW_NONE);
  hw_ecomap_map_layout (map);
  hw_ecomap_map_move_node (map, 10, 200, -20);
  hw_ecomap_map_move_node (map, 11, 420, 0);
  hw_ecomap_map_move_node (map, 12, 300, -20);
  hw_ecomap_map_move_node (map, 13, 300, 180);
  hw_ecomap_map_move_node (map, 14, 300, -180);
  hw_ecomap_map_move_node (map, 15, 200, 180);
  hw_ecomap_map_move_node (map, 16, 200, -180);
  two = &g_array_index (map->nodes, HwEcomapMapNode, 0);
  one = &g_array_index (map->nodes, HwEcomapMapNode, 1);
  g_assert_cmpfloat (two->label_height, >, 1.5 * one->label_height);

  /* the household's centre at (50, 250) */
  image = paper_picture (map, pdf, prefix, 500, 50, 250);

  /* the first: the tie pale from end to end of the box, dark a unit out */
  x1 = one->x - one->label_width / 2;
  x2 = one->x + one->label_width / 2;
  for (double x = x1 + 1; x <= x2 - 1; x += 0.5)
    g_assert_cmpint (darkest_near (image, 4 * (50 + x), 4 * 250, 1), >, 190);
  g_assert_cmpint (darkest_near (image, 4 * (50 + x1 - 1.5), 4 * 250, 1), <, 128);
  g_assert_cmpint (darkest_near (image, 4 * (50 + x2 + 1.5), 4 * 250, 1), <, 128);
  /* each: pale down to the bottom of its lines, dark below */
  for (guint i = 0; i < 2; i++)
    {
      HwEcomapMapNode *node = i == 0 ? one : two;
      double top = node->y + node->radius + HW_ECOMAP_LAYOUT_LABEL_GAP;

      for (double y = top + 1; y <= top + node->label_height - 1; y += 0.5)
        g_assert_cmpint (darkest_near (image, 4 * (50 + node->x), 4 * (250 + y), 1), >, 190);
      g_assert_cmpint (darkest_near (image, 4 * (50 + node->x), 4 * (250 + top + node->label_height + 1.5), 1),
                       <, 128);
    }

  cairo_surface_destroy (image);
  hw_ecomap_map_free (map);
  if (g_getenv ("HW_KEEP_OUTPUT") == NULL)
    {
      g_unlink (pdf);
      g_unlink (read);
    }
}

/* The map seen from afar, drawn on an image of @scale pixels a unit at
 * @zoom, its household at (@x, @y), nodes stamped or filled as @sprites */
static cairo_surface_t *
far_picture (HwEcomapMap *map,
             gboolean     sprites,
             int          scale,
             double       zoom,
             double       x,
             double       y)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640 * scale, 480 * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, zoom, zoom);
  g_assert_cmpint (hw_ecomap_draw_detail (cr), !=, HW_ECOMAP_DETAIL_FULL);
  hw_ecomap_set_far_sprites (sprites);
  hw_ecomap_draw_map (map, cr, NULL);
  hw_ecomap_set_far_sprites (TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* From afar on the screen, the nodes' shapes are stamped from images
 * drawn once (a node placed to a quarter pixel) instead of filled one by
 * one: the picture is the same but for the antialiasing of the shapes'
 * edges, at 1 and 2 pixels a unit (a HiDPI screen), at a view that puts
 * the nodes between pixels. A stamp a pixel off makes edge pixels differ
 * by 200 levels and more. */
static void
test_far_sprites (void)
{
  g_autoptr(HwEcomapMap) map = hw_ecomap_map_new ();

  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Name %u", i);

      hw_ecomap_map_add_node (map, 10 + i, i % 3 == 0 ? HW_ECOMAP_NODE_ORGANISATION : HW_ECOMAP_NODE_PERSON,
                              i % HW_ECOMAP_N_CATEGORIES, name);
    }
  hw_ecomap_map_layout (map);

  for (int scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *filled = far_picture (map, FALSE, scale, 0.6 / scale, 320.37, 240.81);
      cairo_surface_t *stamped = far_picture (map, TRUE, scale, 0.6 / scale, 320.37, 240.81);
      int w = cairo_image_surface_get_width (filled), h = cairo_image_surface_get_height (filled);
      int stride = cairo_image_surface_get_stride (filled);
      const guchar *a = cairo_image_surface_get_data (filled), *b = cairo_image_surface_get_data (stamped);
      guint ink = 0, differing = 0, far_off = 0;
      int most = 0;

      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            int d = 0;

            for (int c = 0; c < 3; c++)
              d = MAX (d, abs (a[y * stride + 4 * x + c] - b[y * stride + 4 * x + c]));
            ink += a[y * stride + 4 * x + 1] < 128;
            differing += d > 0;
            far_off += d > 64;
            most = MAX (most, d);
          }
      g_test_message ("scale %d: %u dark pixels, %u differ, %u by more than 64 levels, at most %d",
                      scale, ink, differing, far_off, most);
      /* (the stamps are used: edges differ a little) */
      g_assert_cmpuint (differing, >, 0);
      g_assert_cmpint (most, <=, 110);
      g_assert_cmpuint (far_off, <=, ink / 20);
      cairo_surface_destroy (filled);
      cairo_surface_destroy (stamped);
    }
}

/* A node's name is laid out on one line, left aligned, and wrapped and
 * centred only when it is too wide or has lines of its own: its size
 * is what a layout 130 wide, wrapping and centred, gives (the way the
 * names were laid out before), and it is drawn centred under the node
 * as that layout drew it: the dark pixels of the name start and end
 * where that layout's ink does, for a short name, one that wraps, one
 * of two lines and names in Hebrew and Arabic. */
static void
test_name_centred (void)
{
  static const char * const names[] = {
    "Ana",
    "Housing Partnership and Family Resource Center of the County",
    "Grandma Rosa\nand Uncle Luis Castillo",
    "\xd7\x9e\xd7\xa8\xd7\x9b\xd7\x96 \xd7\xa7\xd7\x94\xd7\x99\xd7\x9c\xd7\xaa\xd7\x99",
    "\xd9\x85\xd8\xb1\xd9\x83\xd8\xb2 \xd8\xa7\xd9\x84\xd8\xa3\xd8\xb3\xd8\xb1\xd8\xa9",
  };
  HwEcomapMap *map = hw_ecomap_map_new ();
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *desc = pango_font_description_from_string ("Sans 8.5");
  const double zoom = 4;
  guint lines = 0;

  /* the map's own context (hw-ecomap-render.c, get_context ()) */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);

  map->household_id = 1;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    hw_ecomap_map_add_node (map, 10 + i, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, names[i]);
  hw_ecomap_map_layout (map);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);
      g_autoptr(PangoLayout) before = pango_layout_new (context);
      HwEcomapDrawOptions draw = { .only_node = node->id };
      PangoRectangle ink, logical;
      PangoLayoutIter *iter;
      double top = node->y + node->radius + HW_ECOMAP_LAYOUT_LABEL_GAP, origin;
      int width, height, stride;
      cairo_surface_t *image;
      const guchar *data;
      cairo_t *cr;

      pango_layout_set_font_description (before, desc);
      pango_layout_set_text (before, names[i], -1);
      pango_layout_set_width (before, 130 * PANGO_SCALE);
      pango_layout_set_wrap (before, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (before, PANGO_ALIGN_CENTER);
      pango_layout_get_extents (before, &ink, &logical);
      g_assert_cmpfloat_with_epsilon (node->label_width, MIN (logical.width / (double) PANGO_SCALE, 130) + 4,
                                      1e-9);
      g_assert_cmpfloat_with_epsilon (node->label_height, logical.height / (double) PANGO_SCALE, 1e-9);
      g_assert_cmpint (pango_layout_get_line_count (node->layout), ==, pango_layout_get_line_count (before));

      /* the node alone, its name's band 4 pixels a unit */
      width = (int) ceil ((node->label_width + 20) * zoom);
      height = (int) ceil (node->label_height * zoom);
      image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cr = cairo_create (image);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, zoom, zoom);
      origin = node->x - node->label_width / 2 - 10;
      cairo_translate (cr, -origin, -top);
      hw_ecomap_draw_map (map, cr, &draw);
      cairo_destroy (cr);
      cairo_surface_flush (image);
      data = cairo_image_surface_get_data (image);
      stride = cairo_image_surface_get_stride (image);

      /* line by line: where that layout put its ink, drawn at the
       * node's x - 65, and where the name's dark pixels are */
      iter = pango_layout_get_iter (before);
      do
        {
          int x1 = G_MAXINT, x2 = G_MININT;
          double left, right;

          pango_layout_iter_get_line_extents (iter, &ink, &logical);
          left = node->x - 65 + ink.x / (double) PANGO_SCALE;
          right = left + ink.width / (double) PANGO_SCALE;
          for (int y = (int) ceil (logical.y * zoom / PANGO_SCALE);
               y < MIN (height, (int) floor ((logical.y + logical.height) * zoom / PANGO_SCALE)); y++)
            for (int x = 0; x < width; x++)
              if (data[y * stride + x * 4 + 1] < 128)
                {
                  x1 = MIN (x1, x);
                  x2 = MAX (x2, x + 1);
                }
          g_assert_cmpint (x1, <, x2);
          g_test_message ("name %u: ink from %.2f to %.2f, drawn from %.2f to %.2f", i, left, right,
                          x1 / zoom + origin, x2 / zoom + origin);
          /* (dark pixels lie within the ink, at most a pixel or so in) */
          g_assert_cmpfloat (fabs (x1 / zoom + origin - left), <, 0.6);
          g_assert_cmpfloat (fabs (x2 / zoom + origin - right), <, 0.6);
          lines++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      cairo_surface_destroy (image);
    }
  /* (the long name wraps to three lines, the next has two) */
  g_assert_cmpuint (lines, ==, 1 + 3 + 2 + 1 + 1);

  pango_font_description_free (desc);
  cairo_font_options_destroy (options);
  g_object_unref (context);
  hw_ecomap_map_free (map);
}

/* On paper the nodes that stand apart are drawn at once (their shapes,
 * then their names): nodes that overlap (moved onto each other by hand)
 * are still drawn one after the other, the later on top. Two people ten
 * units apart: the second's ring, where it runs inside the first's circle,
 * is ink in the PDF, not covered by the first's white inside. */
static void
test_paper_overlapping_nodes (void)
{
  HwEcomapMap *map = hw_ecomap_map_new ();
  g_autofree char *pdf = tmp_path ("ecomap-overlap.pdf");
  g_autofree char *prefix = tmp_path ("ecomap-overlap-read");
  g_autofree char *read = g_strconcat (prefix, ".png", NULL);
  cairo_surface_t *image;
  double r;

  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  hw_ecomap_map_add_node (map, 10, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  hw_ecomap_map_add_node (map, 11, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  /* and one far from both, drawn with the batch */
  hw_ecomap_map_add_node (map, 12, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_FAMILY, "");
  hw_ecomap_map_layout (map);
  hw_ecomap_map_move_node (map, 10, 200, 0);
  hw_ecomap_map_move_node (map, 11, 210, 0);
  hw_ecomap_map_move_node (map, 12, 300, 100);
  r = g_array_index (map->nodes, HwEcomapMapNode, 1).radius;

  /* the household's centre at (100, 200) */
  image = paper_picture (map, pdf, prefix, 400, 100, 200);

  /* the second's ring at its left, (210 - r, 0): inside the first's circle */
  g_assert_cmpint (darkest_near (image, (int) round (4 * (100 + 210 - r)), 4 * 200, 1), <, 128);
  /* the first's white inside just right of it, and the third's */
  g_assert_cmpint (darkest_near (image, (int) round (4 * (100 + 210 - r + 2.5)), 4 * 200, 0), >, 200);
  g_assert_cmpint (darkest_near (image, 4 * (100 + 300), 4 * (200 + 100), 0), >, 200);
  /* and the third's ring, drawn with the batch */
  g_assert_cmpint (darkest_near (image, (int) round (4 * (100 + 300 - r)), 4 * (200 + 100), 1), <, 128);

  cairo_surface_destroy (image);
  hw_ecomap_map_free (map);
  g_unlink (pdf);
  g_unlink (read);
}

/* On paper, the nodes are drawn without curves (a person's circle as a
 * round dot, an organisation's rounded square as a square with round
 * joins, each the ink's then the inside's): the PDF, as a PDF reader
 * draws it (pdftoppm), shows the same picture as the PNG export, drawn
 * with curves: each dark pixel of one is dark in the other, near enough
 * for the two ways of drawing text, and so is each light one. */
static void
test_paper_shapes (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autofree char *pdf = tmp_path ("ecomap-paper.pdf");
  g_autofree char *png = tmp_path ("ecomap-paper.png");
  g_autofree char *prefix = tmp_path ("ecomap-paper-read");
  g_autofree char *read = g_strconcat (prefix, ".png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *drawn, *printed;
  int w, h;
  guint dark = 0, dark_missing = 0, light = 0, light_missing = 0;

  g_assert_true (hw_ecomap_map_export (map, "pdf", "letter", pdf, &error));
  g_assert_no_error (error);
  g_assert_true (hw_ecomap_map_export (map, "png", "letter", png, &error));
  g_assert_no_error (error);
  /* the PNG export is letter landscape at 150 dpi */
  g_assert_true (run ((const char *[]) { "pdftoppm", "-png", "-r", "150", "-singlefile", pdf, prefix,
                                         NULL }, NULL));
  drawn = cairo_image_surface_create_from_png (png);
  printed = cairo_image_surface_create_from_png (read);
  g_assert_cmpint (cairo_surface_status (printed), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (drawn);
  h = cairo_image_surface_get_height (drawn);
  g_assert_cmpint (cairo_image_surface_get_width (printed), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (printed), ==, h);
  cairo_surface_flush (drawn);
  cairo_surface_flush (printed);

  /* (under valgrind every 16th row: the pictures are the same there) */
  for (int y = 0; y < h; y += (int) hw_test_sweep_step (16))
    for (int x = 0; x < w; x++)
      {
        cairo_surface_t *images[] = { drawn, printed };

        for (guint i = 0; i < 2; i++)
          {
            if (near_shade (images[i], x, y, TRUE) && !near_shade (images[i], x, y, FALSE))
              {
                /* wholly dark here: dark near here in the other */
                dark++;
                dark_missing += !near_shade (images[1 - i], x, y, TRUE);
              }
            else if (!near_shade (images[i], x, y, TRUE))
              {
                light++;
                light_missing += !near_shade (images[1 - i], x, y, FALSE);
              }
          }
      }
  g_test_message ("dark pixels: %u, %u not dark in the other; light: %u, %u not light",
                  dark, dark_missing, light, light_missing);
  /* none on Debian 12's poppler; organisations with square corners (no
   * round joins) make 5, people with no dot (no round caps) 500 */
  g_assert_cmpuint (dark, >, 10000 / hw_test_sweep_step (16));
  g_assert_cmpuint (dark_missing, <=, 2);
  g_assert_cmpuint (light_missing, <=, 2);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (printed);
  if (g_getenv ("HW_KEEP_OUTPUT") == NULL)
    {
      g_unlink (pdf);
      g_unlink (png);
      g_unlink (read);
    }
}

/* On the screen from afar the ties and node shapes are drawn straight
 * into the image, and farther still the names are left out: never on
 * paper, nor at the usual zooms; and the picture from afar still shows
 * every node and tie, with about the ink of the full drawing. */
static void
test_far_detail (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  static const struct { double zoom; HwEcomapDetail detail; } image_levels[] = {
    { 2.0, HW_ECOMAP_DETAIL_FULL }, { 1.0, HW_ECOMAP_DETAIL_FULL }, { 0.8, HW_ECOMAP_DETAIL_FULL },
    { 0.6, HW_ECOMAP_DETAIL_FAR }, { 0.5, HW_ECOMAP_DETAIL_FAR },
    { 0.4, HW_ECOMAP_DETAIL_FARTHER }, { 0.1, HW_ECOMAP_DETAIL_FARTHER },
  };
  cairo_surface_t *surfaces[4];
  const int w = 400, h = 300;

  surfaces[0] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  surfaces[1] = cairo_pdf_surface_create_for_stream (NULL, NULL, w, h);
  surfaces[2] = cairo_svg_surface_create_for_stream (NULL, NULL, w, h);
  surfaces[3] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (image_levels); i++)
    for (guint k = 0; k < G_N_ELEMENTS (surfaces); k++)
      {
        cairo_t *cr = cairo_create (surfaces[k]);

        cairo_scale (cr, image_levels[i].zoom, image_levels[i].zoom);
        /* paper and recordings (GTK's own drawing): always in full */
        g_assert_cmpint (hw_ecomap_draw_detail (cr), ==,
                         k == 0 ? image_levels[i].detail : HW_ECOMAP_DETAIL_FULL);
        cairo_destroy (cr);
      }
  for (guint k = 0; k < G_N_ELEMENTS (surfaces); k++)
    cairo_surface_destroy (surfaces[k]);
  /* a window at twice the pixels: as far as the same zoom at twice */
  {
    cairo_surface_t *hidpi = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * 2, h * 2);
    cairo_t *cr;

    cairo_surface_set_device_scale (hidpi, 2, 2);
    cr = cairo_create (hidpi);
    cairo_scale (cr, 0.5, 0.5);
    g_assert_cmpint (hw_ecomap_draw_detail (cr), ==, HW_ECOMAP_DETAIL_FULL);
    cairo_destroy (cr);
    cairo_surface_destroy (hidpi);
  }

  /* the export and the printout draw every name */
  {
    g_autofree char *text = NULL;

    text = pdf_text (map, "far.pdf");
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *squeezed = squeeze (names[i]);

        g_assert_nonnull (strstr (text, squeezed));
      }
  }

  for (guint z = 0; z < 3; z++)
    {
      double zoom = z == 0 ? 0.6 : z == 1 ? 0.45 : 0.3;
      cairo_surface_t *far = draw_image (map, w, h, w / 2.0, h / 2.0, zoom);
      cairo_surface_t *full = draw_recorded (map, w, h, w / 2.0, h / 2.0, zoom, TRUE);
      g_autofree char *what = g_strdup_printf ("from afar, zoom %g", zoom);
      double ink_far = ink_of (far), ink_full = ink_of (full);

      g_test_message ("%s: ink %.0f, the full drawing's %.0f", what, ink_far, ink_full);
      assert_all_seen (map, full, w / 2.0, h / 2.0, zoom, "in full");
      assert_all_seen (map, far, w / 2.0, h / 2.0, zoom, what);
      /* the same lines and shapes (and at 0.6 the same names) */
      if (z == 0 && fabs (ink_far - ink_full) > 0.1 * ink_full)
        {
          g_autofree char *pa = tmp_path ("far.png"), *pb = tmp_path ("far-full.png");

          cairo_surface_write_to_png (far, pa);
          cairo_surface_write_to_png (full, pb);
          g_error ("%s: ink %.0f, the full drawing %.0f (see %s and %s)", what, ink_far, ink_full,
                   pa, pb);
        }
      cairo_surface_destroy (far);
      cairo_surface_destroy (full);
    }
}

/* An edit draws again what changed (test_cache_edited): a renamed node
 * shows its new name at once, and so does a moved one, a new map, another
 * selection. */
static void
test_cache_invalidated (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  g_autoptr(HwEcomapMap) other = sample_map ();
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, 4);
  const int w = 400, h = 300;
  HwEcomapCacheResult result;
  cairo_surface_t *before, *after, *fresh;

  before = draw_cached (cache, map, w, h, 200, 150, 1.0, HW_ECOMAP_CACHE_EXACT, &result);
  g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);

  g_free (node->label);
  node->label = g_strdup ("Reverend Okonkwo-Lindqvist");
  hw_ecomap_map_layout (map);
  after = draw_cached (cache, map, w, h, 200, 150, 1.0, HW_ECOMAP_CACHE_EXACT, &result);
  fresh = draw_image (map, w, h, 200, 150, 1.0);
  g_assert_true (result == HW_ECOMAP_CACHE_DRAWN || result == HW_ECOMAP_CACHE_EDITED);
  g_assert_false (same_pixels (after, before, 0, 0));
  assert_near_fresh (after, fresh, 60, "after a rename", NULL);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (fresh);

  /* moved while the view stays: drawn again only around it */
  hw_ecomap_map_move_node (map, node->id, node->x + 30, node->y - 20);
  after = draw_cached (cache, map, w, h, 200, 150, 1.0, HW_ECOMAP_CACHE_EXACT, &result);
  fresh = draw_image (map, w, h, 200, 150, 1.0);
  g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_EDITED);
  assert_near_fresh (after, fresh, 60, "after a move", NULL);
  cairo_surface_destroy (after);
  cairo_surface_destroy (fresh);

  /* another map (the moved node where the layout puts it): never taken
   * for the cached one, it is drawn as it is */
  g_assert_cmpuint (other->generation, !=, map->generation);
  after = draw_cached (cache, other, w, h, 200, 150, 1.0, HW_ECOMAP_CACHE_EXACT, &result);
  fresh = draw_image (other, w, h, 200, 150, 1.0);
  g_assert_true (result == HW_ECOMAP_CACHE_DRAWN || result == HW_ECOMAP_CACHE_EDITED);
  assert_near_fresh (after, fresh, 60, "another map", NULL);
  cairo_surface_destroy (after);
  cairo_surface_destroy (fresh);
  after = draw_cached (cache, other, w, h, 200, 150, 1.0, HW_ECOMAP_CACHE_SCALED_OK, &result);
  g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
  cairo_surface_destroy (after);
}

/* A change of selection draws the cache again only where the selection
 * was and is (a full drawing of a large map at full detail takes several
 * frames): each frame is a fresh drawing with the new selection, but for
 * a few pixels a few levels off, at one and two device pixels a unit,
 * from afar to close up, with pans in between; rings and halos come and
 * go, a long tie's halo (the tie between two outer nodes) and the
 * household's. */
static void
test_cache_reselected (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  static const struct { gint64 node, tie, connect; } selections[] = {
    { 13, 0, 0 }, { 14, 0, 0 }, { 0, 104, 0 }, { 1, 0, 0 }, { 0, 200, 0 }, { 0, 0, 15 },
    { 16, 200, 0 }, { 0, 0, 0 }, { 21, 111, 13 }, { 12, 0, 18 }, { 0, 0, 0 },
  };
  static const double views[][3] = { { 200, 150, 0.35 }, { 200, 150, 0.8 }, { 150, 120, 1.0 },
                                     { 260, 60, 2.0 } };
  guint n_changed = 0;

  for (int scale = 1; scale <= 2; scale++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
        HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
        cairo_surface_t *before = NULL;

        for (guint i = 0; i < G_N_ELEMENTS (selections); i++)
          {
            g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
            g_autofree char *what = NULL;
            HwEcomapCacheResult result, fresh_result;
            /* every third frame panned by whole pixels, within the margin */
            double dx = views[v][0] + (i % 3 == 2 ? 7 * (double) i : 0);
            double dy = views[v][1] - (i % 3 == 2 ? 5 * (double) i : 0);
            cairo_surface_t *cached, *fresh;

            options.selected_node = selections[i].node;
            options.selected_tie = selections[i].tie;
            options.connect_from = selections[i].connect;
            what = g_strdup_printf ("scale %d, zoom %g, selection %u", scale, views[v][2], i);
            cached = draw_cached_with (cache, map, 400, 300, scale, dx, dy, views[v][2], &options,
                                       HW_ECOMAP_CACHE_SCALED_OK, &result);
            fresh = draw_cached_with (other, map, 400, 300, scale, dx, dy, views[v][2], &options,
                                      HW_ECOMAP_CACHE_SCALED_OK, &fresh_result);
            g_assert_cmpint (result, ==, i == 0 ? HW_ECOMAP_CACHE_DRAWN : HW_ECOMAP_CACHE_RESELECTED);
            g_assert_cmpint (fresh_result, ==, HW_ECOMAP_CACHE_DRAWN);
            /* the boxes drawn again under clips: at most a few dozen
             * pixels of the 120,000 a little off (12 levels seen) */
            assert_near_fresh (cached, fresh, 60 * scale * scale, what, NULL);
            /* (the same view as the frame before: a ring that came or went shows) */
            if (before != NULL && i % 3 != 2 && (i - 1) % 3 != 2 && !same_pixels (cached, before, 0, 0))
              n_changed++;
            g_clear_pointer (&before, cairo_surface_destroy);
            before = cached;
            cairo_surface_destroy (fresh);
          }
        g_clear_pointer (&before, cairo_surface_destroy);
      }
  /* (not one whose ring is out of the view: most changes show) */
  g_assert_cmpuint (n_changed, >=, 20);
}

/* A pan out of the cache's margin moves the image and draws only the
 * bands it uncovers (a whole drawing at full detail takes several frames
 * on a large map): each frame is a fresh drawing of that view but for a
 * few pixels along the bands' edges, at one and two device pixels a unit,
 * across, down, both ways at once and with a change of selection; a jump
 * that keeps less than half of the image draws afresh. */
static void
test_cache_scrolled (void)
{
  g_autoptr(HwEcomapMap) map = sample_map ();
  static const struct { double x, y; gint64 node; HwEcomapCacheResult result; } steps[] = {
    { 200, 150, 13, HW_ECOMAP_CACHE_DRAWN },
    { 450, 150, 13, HW_ECOMAP_CACHE_SCROLLED },   /* right, 250 */
    { 450, -80, 13, HW_ECOMAP_CACHE_SCROLLED },   /* up, 230 */
    { 250, 120, 13, HW_ECOMAP_CACHE_SCROLLED },   /* left and down, 200 each */
    { 260, 110, 13, HW_ECOMAP_CACHE_HIT },        /* within the margin */
    { 40, 110, 16, HW_ECOMAP_CACHE_SCROLLED },    /* left, 220, another node selected */
    { 40, 330, 16, HW_ECOMAP_CACHE_SCROLLED },    /* down, 220 */
    { 660, 330, 16, HW_ECOMAP_CACHE_DRAWN },      /* a jump of 620: afresh */
  };
  static const double zooms[] = { 0.8, 1.0, 2.0 };
  Worst worst = { 0 };

  for (int scale = 1; scale <= 2; scale++)
    for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
      {
        g_autoptr(HwEcomapCache) cache = NULL;
        HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };

        if (!hw_test_pair_runs (scale, z))
          continue;
        cache = hw_ecomap_cache_new ();

        for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
          {
            g_autofree char *what = g_strdup_printf ("scale %d, zoom %g, step %u", scale, zooms[z], i);
            HwEcomapCacheResult result;

            options.selected_node = steps[i].node;
            cairo_surface_destroy (frame_near_fresh (cache, map, 400, 300, scale, steps[i].x,
                                                     steps[i].y, zooms[z], &options, 60, what,
                                                     &result, &worst));
            if (result != steps[i].result)
              g_error ("%s: the cache answered %d, not %d", what, result, steps[i].result);
          }
      }
  g_test_message ("scrolled frames: at most %d levels off, at most %d pixels", worst.most, worst.n);
}

/* A family's map as the editor loads it after each edit (a new map each
 * time, laid out): nodes 10 to 10 + n - 1, each tied to the household
 * (tie 1000 + i), and tie 3000 between two of them when @extra_tie. */
#define SPEC_NODES 40

typedef struct {
  guint         n;
  gboolean      gone[SPEC_NODES];
  char          label[SPEC_NODES][48];
  gboolean      network[SPEC_NODES];
  HwTieStrength strength[SPEC_NODES];
  gboolean      stressful[SPEC_NODES];
  HwTieFlow     flow[SPEC_NODES];
  HwTieChange   change[SPEC_NODES];
  gboolean      pinned[SPEC_NODES];
  double        x[SPEC_NODES], y[SPEC_NODES];
  gboolean      extra_tie;
  guint         members;
  char          household[48];
} MapSpec;

static void
spec_init (MapSpec *spec,
           guint    n)
{
  memset (spec, 0, sizeof *spec);
  spec->n = n;
  for (guint i = 0; i < SPEC_NODES; i++)
    {
      g_snprintf (spec->label[i], sizeof spec->label[i], "%s %u", names[i % G_N_ELEMENTS (names)], i);
      spec->strength[i] = (HwTieStrength) (i % HW_TIE_NONE);
      spec->stressful[i] = i % 3 == 0;
      spec->flow[i] = (HwTieFlow) (i % 4);
    }
  /* one placed by hand, near the household */
  spec->pinned[9] = TRUE;
  spec->x[9] = 95;
  spec->y[9] = -60;
  spec->members = 2;
  g_strlcpy (spec->household, "Delgado household", sizeof spec->household);
}

static HwEcomapMap *
spec_map (const MapSpec *spec)
{
  HwEcomapMap *map = hw_ecomap_map_new ();

  map->household_id = 1;
  map->household_label = g_strdup (spec->household);
  for (guint m = 0; m < spec->members; m++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", m);

      hw_ecomap_map_add_member (map, name);
    }
  for (guint i = 0; i < spec->n; i++)
    {
      HwEcomapMapNode *node;
      guint k;

      if (spec->gone[i])
        continue;
      k = hw_ecomap_map_add_node (map, 10 + i, i % 4 == 0 ? HW_ECOMAP_NODE_ORGANISATION
                                                          : HW_ECOMAP_NODE_PERSON,
                                  (HwEcomapCategory) (i % HW_ECOMAP_N_CATEGORIES), spec->label[i]);
      node = &g_array_index (map->nodes, HwEcomapMapNode, k);
      node->network_member = spec->network[i];
      node->pinned = spec->pinned[i];
      node->x = spec->x[i];
      node->y = spec->y[i];
      k = hw_ecomap_map_add_tie (map, 1000 + i, 1, 10 + i, spec->strength[i], spec->stressful[i],
                                 spec->flow[i]);
      g_array_index (map->ties, HwEcomapMapTie, k).change = spec->change[i];
    }
  if (spec->extra_tie && !spec->gone[2] && !spec->gone[8])
    hw_ecomap_map_add_tie (map, 3000, 12, 18, HW_TIE_STRONG, TRUE, HW_TIE_FLOW_BOTH);
  hw_ecomap_map_layout (map);
  return map;
}

/* The edits of test_cache_edited (), in turn: @step's change to @spec
 * and @options; @local: one that moves nothing else, so drawn again
 * only where it is (HW_ECOMAP_CACHE_EDITED); @pan: the view panned too,
 * within the margin */
static const char *
edit_spec (guint                step,
           MapSpec             *spec,
           HwEcomapDrawOptions *options,
           gboolean            *local,
           double              *pan)
{
  *local = TRUE;
  *pan = 0;
  switch (step)
    {
    case 0: spec->stressful[3] = !spec->stressful[3]; return "a tie made calm";
    case 1: spec->flow[5] = (spec->flow[5] + 1) % 4; return "support's flow turned";
    case 2: spec->network[7] = TRUE; return "a safety network member";
    case 3: spec->change[2] = HW_TIE_CHANGE_STRONGER; return "a change badge";
    case 4: spec->extra_tie = TRUE; return "a tie between two people";
    case 5: spec->extra_tie = FALSE; return "that tie deleted";
    case 6: return "nothing that shows";
    case 7:
      spec->stressful[3] = !spec->stressful[3];
      options->selected_node = 15;
      options->selected_tie = 0;
      return "an edit and another selection";
    case 8:
      spec->flow[6] = (spec->flow[6] + 1) % 4;
      *pan = 40;
      return "an edit and a pan";
    case 9: spec->change[2] = HW_TIE_CHANGE_NONE; return "the badge gone";
    case 10: spec->network[7] = FALSE; return "no longer in the safety network";
    default:
      break;
    }
  /* these may move others (the layout places the nodes of a sector
   * together, sorted by ring and name, and the sectors by what is in
   * them) */
  *local = FALSE;
  switch (step)
    {
    case 11:
      /* (one placed by hand before: dragged again) */
      spec->x[9] += 25;
      spec->y[9] -= 35;
      return "a person moved";
    case 12:
      spec->strength[4] = spec->strength[4] == HW_TIE_STRONG ? HW_TIE_TENUOUS : HW_TIE_STRONG;
      return "a tie stronger";
    case 13:
      g_strlcpy (spec->label[6], "Reverend Okonkwo-Lindqvist", sizeof spec->label[6]);
      return "a longer name";
    case 14: spec->gone[11] = TRUE; return "a person deleted";
    case 15: spec->n++; return "a person added";
    case 16: spec->members++; return "a member of the household";
    case 17:
      g_strlcpy (spec->household, "Delgado-Reyes household", sizeof spec->household);
      return "the household's name";
    case 18: spec->gone[8] = TRUE; return "a person with two ties deleted";
    case 19:
      /* (a digit for another: as wide, so it may move nothing) */
      spec->label[5][strlen (spec->label[5]) - 1] = '8';
      return "a name as wide";
    default:
      return NULL;
    }
}

/* An edit draws the cache again only where something that changed was
 * and is (a whole drawing of a large map at full detail takes several
 * frames): after each of a family's edits (edit_spec ()), the map loaded
 * again as a new map, each frame is a fresh drawing of the new map but
 * for a few pixels a few levels off, at one and two device pixels a
 * unit, from afar to close up; edits that move nothing else are drawn in
 * part; an edit that changes nothing drawn leaves the pixels as they
 * were. */
static void
test_cache_edited (void)
{
  static const double zooms[] = { 0.5, 1.0, 2.0 };
  guint n_edited = 0, n_shown = 0, n_runs = 0;
  Worst worst = { 0 };

  for (int scale = 1; scale <= 2; scale++)
    for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
      {
        g_autoptr(HwEcomapCache) cache = NULL;
        HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE,
                                        .selected_node = 13, .selected_tie = 1004 };
        double x = 200, y = 150;
        cairo_surface_t *before;
        HwEcomapCacheResult result;
        const char *edit;
        gboolean local;
        double pan;
        MapSpec spec;

        if (!hw_test_pair_runs (scale, z))
          continue;
        n_runs++;
        cache = hw_ecomap_cache_new ();
        spec_init (&spec, 30);
        {
          g_autoptr(HwEcomapMap) map = spec_map (&spec);

          before = draw_cached_with (cache, map, 400, 300, scale, x, y, zooms[z], &options,
                                     HW_ECOMAP_CACHE_EXACT, &result);
          g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
        }
        for (guint step = 0; (edit = edit_spec (step, &spec, &options, &local, &pan)) != NULL; step++)
          {
            g_autoptr(HwEcomapMap) map = spec_map (&spec);
            g_autofree char *what = g_strdup_printf ("scale %d, zoom %g: %s", scale, zooms[z], edit);
            cairo_surface_t *cached;

            x += pan;
            y -= pan / 2;
            cached = frame_near_fresh (cache, map, 400, 300, scale, x, y, zooms[z], &options, 60,
                                       what, &result, &worst);
            if (local && result != HW_ECOMAP_CACHE_EDITED)
              g_error ("%s: the cache answered %d, not %d", what, result, HW_ECOMAP_CACHE_EDITED);
            if (!local && result != HW_ECOMAP_CACHE_EDITED && result != HW_ECOMAP_CACHE_DRAWN)
              g_error ("%s: the cache answered %d", what, result);
            n_edited += result == HW_ECOMAP_CACHE_EDITED;
            if (g_str_equal (edit, "nothing that shows"))
              assert_same_image (cached, before, TRUE, what);
            else if (pan == 0 && !same_pixels (cached, before, 0, 0))
              n_shown++;
            cairo_surface_destroy (before);
            before = cached;
          }
        cairo_surface_destroy (before);
      }
  g_test_message ("edited frames: at most %d levels off, at most %d pixels; %u drawn in part, "
                  "%u edits seen", worst.most, worst.n, n_edited, n_shown);
  /* (at 2.0 some edits fall out of the view, and some that may move
   * others move nothing) */
  g_assert_cmpuint (n_edited, >=, n_runs * 11);
  g_assert_cmpuint (n_shown, >=, n_runs * 50 / 6);
}

/* A new size keeps what the old image holds of the new one and draws the
 * bands around it (a whole drawing of a large map at full detail takes
 * several frames): each frame is a fresh drawing at that size but for a
 * few pixels along the bands' edges, growing, shrinking (nothing to draw:
 * bit for bit), with a pan and with another selection, at one and two
 * device pixels a unit, on a large map and a small one; a size that keeps
 * less than half of the image draws afresh. */
static void
test_cache_resized (void)
{
  g_autoptr(HwEcomapMap) map = crowded_map (140);
  g_autoptr(HwEcomapMap) small = sample_map ();
  static const struct {
    int w, h;
    double x, y;
    gint64 node;
    HwEcomapCacheResult result;
  } steps[] = {
    { 400, 300, 200, 150, 13, HW_ECOMAP_CACHE_DRAWN },
    /* wider and taller (new memory, the rows copied) */
    { 620, 420, 200, 150, 13, HW_ECOMAP_CACHE_RESIZED },
    /* smaller: all kept (in the same memory, rows moved up) */
    { 300, 250, 200, 150, 13, HW_ECOMAP_CACHE_RESIZED },
    /* larger again: the same memory, rows moved down */
    { 620, 420, 200, 150, 13, HW_ECOMAP_CACHE_RESIZED },
    /* smaller, and a pan up and left (rows moved up) */
    { 380, 320, 193, 140, 13, HW_ECOMAP_CACHE_RESIZED },
    /* taller, another node (the rows stay where they are) */
    { 380, 380, 193, 140, 16, HW_ECOMAP_CACHE_RESIZED },
    /* wider, and a pan down and right (rows moved down) */
    { 420, 390, 199, 150, 16, HW_ECOMAP_CACHE_RESIZED },
    /* wider, and a pan up (the top rows would move up, the bottom ones
     * down: new memory) */
    { 460, 390, 205, 140, 16, HW_ECOMAP_CACHE_RESIZED },
    /* much larger: afresh */
    { 1200, 900, 205, 140, 16, HW_ECOMAP_CACHE_DRAWN },
  };
  static const double zooms[] = { 0.8, 1.0, 2.0 };
  Worst worst = { 0 };

  for (int scale = 1; scale <= 2; scale++)
    for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
      {
        g_autoptr(HwEcomapCache) cache = NULL;
        HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };

        if (!hw_test_pair_runs (scale, z))
          continue;
        cache = hw_ecomap_cache_new ();

        for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
          {
            g_autofree char *what = g_strdup_printf ("scale %d, zoom %g, %dx%d", scale, zooms[z],
                                                     steps[i].w, steps[i].h);
            HwEcomapCacheResult result;
            cairo_surface_t *cached;

            options.selected_node = steps[i].node;
            /* (a crowded map: more shapes cut at the bands' edges) */
            cached = frame_near_fresh (cache, map, steps[i].w, steps[i].h, scale, steps[i].x,
                                       steps[i].y, zooms[z], &options, 200, what, &result, &worst);
            if (result != steps[i].result)
              g_error ("%s: the cache answered %d, not %d", what, result, steps[i].result);
            if (i == 2)
              {
                /* smaller, no pan: nothing drawn, bit for bit */
                g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
                cairo_surface_t *fresh = draw_cached_with (other, map, steps[i].w, steps[i].h, scale,
                                                           steps[i].x, steps[i].y, zooms[z],
                                                           &options, HW_ECOMAP_CACHE_EXACT, &result);

                assert_same_image (cached, fresh, TRUE, what);
                cairo_surface_destroy (fresh);
              }
            cairo_surface_destroy (cached);

            /* the margin of the new size too: panned to its far corners,
             * a paint of what a fresh drawing there is */
            for (guint k = 0; k < 2; k++)
              {
                double far = k == 0 ? 190 : -190;

                cairo_surface_destroy (frame_near_fresh (cache, map, steps[i].w, steps[i].h, scale,
                                                         steps[i].x + far, steps[i].y + far,
                                                         zooms[z], &options, 200, what, &result,
                                                         NULL));
                g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
              }
          }
      }
  g_test_message ("resized frames: at most %d levels off, at most %d pixels", worst.most, worst.n);

  /* a small map keeps its image too (moving its rows costs less than
   * drawing it afresh) */
  {
    g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
    HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
    HwEcomapCacheResult result;

    g_assert_cmpuint (small->nodes->len, <, HW_ECOMAP_CACHE_PROGRESSIVE_NODES);
    cairo_surface_destroy (draw_cached_with (cache, small, 400, 300, 1, 200, 150, 1.0, &options,
                                             HW_ECOMAP_CACHE_EXACT, &result));
    cairo_surface_destroy (frame_near_fresh (cache, small, 620, 420, 1, 200, 150, 1.0, &options, 60,
                                             "a small map made larger", &result, NULL));
    g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_RESIZED);
  }
}

/* The view at @x, @y as a whole drawing of the cache's image at @x0, @y0
 * shows it: the map drawn straight onto an image with the cache's margin
 * (MARGIN in hw-ecomap-cache.c) all round, and the window cut out of it
 * where the pan puts it. (Drawn at another place, a crowded map may
 * differ by a few pixels where a shape's edge falls on other subpixels.) */
#define CACHE_MARGIN 192

static cairo_surface_t *
draw_whole (HwEcomapMap               *map,
            int                        width,
            int                        height,
            int                        scale,
            double                     x0,
            double                     y0,
            double                     x,
            double                     y,
            double                     zoom,
            const HwEcomapDrawOptions *options)
{
  static cairo_user_data_key_t key;
  cairo_surface_t *big = draw_direct (map, width + 2 * CACHE_MARGIN, height + 2 * CACHE_MARGIN, scale,
                                      x0 + CACHE_MARGIN, y0 + CACHE_MARGIN, zoom, options);
  int stride = cairo_image_surface_get_stride (big);
  int left = (CACHE_MARGIN - (int) (x - x0)) * scale, top = (CACHE_MARGIN - (int) (y - y0)) * scale;
  cairo_surface_t *window =
    cairo_image_surface_create_for_data (cairo_image_surface_get_data (big) + (gsize) top * stride +
                                         left * 4, CAIRO_FORMAT_ARGB32, width * scale,
                                         height * scale, stride);

  g_assert_cmpint (ABS ((int) (x - x0)), <=, CACHE_MARGIN);
  g_assert_cmpint (ABS ((int) (y - y0)), <=, CACHE_MARGIN);
  cairo_surface_set_user_data (window, &key, big, (cairo_destroy_func_t) cairo_surface_destroy);
  return window;
}

/* A large map's margin is drawn after the window: a fresh drawing shows
 * the window bit for bit as a whole drawing of the image does, and leaves
 * the margin; a frame that shows some of it before it is filled draws it
 * first (rows as wide as the image: bit for bit too); hw_ecomap_cache_fill
 * () draws the rest a piece a call with no budget (64 rows of a
 * 1920x1080 window's image, in pixels),
 * refuses another map, and once it is done every pan within the margin
 * is bit for bit what the whole drawing shows there. A pan out of the margin draws the window's
 * part of what it uncovers and leaves the rest; a new size the same. A
 * small map is drawn whole. */
static void
test_cache_margin_later (void)
{
  g_autoptr(HwEcomapMap) map = crowded_map (140);
  g_autoptr(HwEcomapMap) other = crowded_map (140);
  g_autoptr(HwEcomapMap) small = sample_map ();
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE, .selected_node = 13 };
  static const double corners[][2] = { { 190, 190 }, { -190, 190 }, { 190, -190 }, { -190, -190 } };

  g_assert_cmpuint (map->nodes->len, >=, HW_ECOMAP_CACHE_PROGRESSIVE_NODES);
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
      const double x = 200, y = 150;
      HwEcomapCacheResult result;
      cairo_surface_t *frame, *direct;
      guint calls = 0;

      hw_ecomap_cache_set_budget (cache, 0);
      frame = draw_cached_with (cache, map, 400, 300, scale, x, y, 1.0, &options,
                                HW_ECOMAP_CACHE_EXACT, &result);
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
      direct = draw_whole (map, 400, 300, scale, x, y, x, y, 1.0, &options);
      assert_same_image (frame, direct, TRUE, "drawn afresh, the window");
      cairo_surface_destroy (frame);
      cairo_surface_destroy (direct);
      g_assert_true (hw_ecomap_cache_needs_fill (cache));

      /* (another map: nothing done) */
      g_assert_false (hw_ecomap_cache_fill (cache, other));
      g_assert_true (hw_ecomap_cache_needs_fill (cache));

      /* 100 rows of the margin above shown before it is filled */
      frame = draw_cached_with (cache, map, 400, 300, scale, x, y + 100, 1.0, &options,
                                HW_ECOMAP_CACHE_EXACT, &result);
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
      direct = draw_whole (map, 400, 300, scale, x, y, x, y + 100, 1.0, &options);
      assert_same_image (frame, direct, TRUE, "a pan into the margin before it is drawn");
      cairo_surface_destroy (frame);
      cairo_surface_destroy (direct);

      /* the rest, a piece a call: the 92 rows above and the 192 below, in
       * pieces of at most 64 rows of a 1920x1080 window's image (2,304
       * device pixels wide) */
      while (hw_ecomap_cache_fill (cache, map))
        calls++;
      calls++;
      g_assert_false (hw_ecomap_cache_needs_fill (cache));
      g_assert_false (hw_ecomap_cache_fill (cache, map));
      {
        int rows = 64 * 2304 / ((400 + 2 * CACHE_MARGIN) * scale);

        g_assert_cmpuint (calls, ==, (92 * scale + rows - 1) / rows + (192 * scale + rows - 1) / rows);
      }

      for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
        {
          g_autofree char *what = g_strdup_printf ("scale %d, filled, a pan to %g, %g", scale,
                                                   corners[c][0], corners[c][1]);

          frame = draw_cached_with (cache, map, 400, 300, scale, x + corners[c][0],
                                    y + corners[c][1], 1.0, &options, HW_ECOMAP_CACHE_EXACT,
                                    &result);
          g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
          direct = draw_whole (map, 400, 300, scale, x, y, x + corners[c][0], y + corners[c][1],
                               1.0, &options);
          assert_same_image (frame, direct, TRUE, what);
          cairo_surface_destroy (frame);
          cairo_surface_destroy (direct);
        }

      /* a pan out of the margin: the window's part of what it uncovered,
       * the rest left; then filled, and shown near a fresh drawing (the
       * column uncovered is cut where the window's edge was, across many
       * ties of this crowded map: some 230 pixels a few levels off) */
      cairo_surface_destroy (frame_near_fresh (cache, map, 400, 300, scale, x + 250, y, 1.0,
                                               &options, 300, "out of the margin", &result,
                                               NULL));
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_SCROLLED);
      g_assert_true (hw_ecomap_cache_needs_fill (cache));
      while (hw_ecomap_cache_fill (cache, map))
        ;
      for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
        {
          cairo_surface_destroy (frame_near_fresh (cache, map, 400, 300, scale,
                                                   x + 250 + corners[c][0], y + corners[c][1],
                                                   1.0, &options, 300, "out of the margin, filled",
                                                   &result, NULL));
          g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
        }

      /* a pan out of the margin and a new size before the margin is
       * filled: what is left moves with the pixels (the margin above the
       * window comes into sight) */
      {
        g_autoptr(HwEcomapCache) early = hw_ecomap_cache_new ();

        cairo_surface_destroy (draw_cached_with (early, map, 400, 300, scale, x, y, 1.0, &options,
                                                 HW_ECOMAP_CACHE_EXACT, &result));
        cairo_surface_destroy (frame_near_fresh (early, map, 400, 300, scale, x + 40, y + 250, 1.0,
                                                 &options, 300, "out of the margin, unfilled",
                                                 &result, NULL));
        g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_SCROLLED);
        cairo_surface_destroy (frame_near_fresh (early, map, 380, 420, scale, x + 30, y + 380, 1.0,
                                                 &options, 300, "a new size, unfilled", &result,
                                                 NULL));
        g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_RESIZED);
        for (guint c = 0; c < G_N_ELEMENTS (corners); c++)
          {
            cairo_surface_destroy (frame_near_fresh (early, map, 380, 420, scale,
                                                     x + 30 + corners[c][0], y + 380 + corners[c][1],
                                                     1.0, &options, 300, "unfilled, a corner",
                                                     &result, NULL));
            g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
          }
      }

      /* a new size (the old image's margin beside the window: nothing new
       * shows, all of it left; the seam above still in sight) */
      cairo_surface_destroy (frame_near_fresh (cache, map, 500, 300, scale, x + 250, y, 1.0,
                                               &options, 300, "larger", &result, NULL));
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_RESIZED);
      g_assert_true (hw_ecomap_cache_needs_fill (cache));
      while (hw_ecomap_cache_fill (cache, map))
        ;
      cairo_surface_destroy (frame_near_fresh (cache, map, 500, 300, scale, x + 250 - 190, y, 1.0,
                                               &options, 300, "larger, filled", &result, NULL));
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
    }

  /* a small map: whole at once */
  {
    g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
    HwEcomapCacheResult result;

    g_assert_cmpuint (small->nodes->len, <, HW_ECOMAP_CACHE_PROGRESSIVE_NODES);
    cairo_surface_destroy (draw_cached_with (cache, small, 400, 300, 1, 200, 150, 1.0, &options,
                                             HW_ECOMAP_CACHE_EXACT, &result));
    g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
    g_assert_false (hw_ecomap_cache_needs_fill (cache));
    g_assert_false (hw_ecomap_cache_fill (cache, small));
    /* the bands a pan out of the margin uncovers, and those around a new
     * size, at once too */
    cairo_surface_destroy (frame_near_fresh (cache, small, 400, 300, 1, 450, 150, 1.0, &options,
                                             60, "a small map panned", &result, NULL));
    g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_SCROLLED);
    g_assert_false (hw_ecomap_cache_needs_fill (cache));
    cairo_surface_destroy (frame_near_fresh (cache, small, 620, 420, 1, 450, 150, 1.0, &options,
                                             60, "a small map made larger", &result, NULL));
    g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_RESIZED);
    g_assert_false (hw_ecomap_cache_needs_fill (cache));
  }
}

/* @node (a recording surface, as a GTK cairo node is) played onto a new
 * image of @width x @height at @scale, as GTK's renderer plays it */
static cairo_surface_t *
play_node (cairo_surface_t *node,
           int              width,
           int              height,
           int              scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                         height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, node, 0, 0);
  cairo_paint (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The editor's frames as GTK makes them: the canvas paints into a cairo
 * node (a recording surface), which the renderer plays onto the window
 * after; the widget keeps its last node until the next is made. Each
 * kind of frame, played from its node, is bit for bit the frame painted
 * straight onto an image; the last node still plays after the next frame
 * changed the image, and after the cache is gone (its memory stays while
 * a node holds it). */
static void
test_cache_into_node (void)
{
  g_autoptr(HwEcomapMap) map = crowded_map (140);
  g_autoptr(HwEcomapMap) edited = crowded_map (140);
  static const struct {
    int w, h;
    double x, y, zoom;
    gboolean edited;
    gint64 node;
    HwEcomapCacheMode mode;
    HwEcomapCacheResult result;
  } steps[] = {
    { 400, 300, 200, 150, 1.0, FALSE, 13, HW_ECOMAP_CACHE_EXACT, HW_ECOMAP_CACHE_DRAWN },
    { 400, 300, 260, 150, 1.0, FALSE, 13, HW_ECOMAP_CACHE_EXACT, HW_ECOMAP_CACHE_HIT },
    { 400, 300, 500, 150, 1.0, FALSE, 13, HW_ECOMAP_CACHE_EXACT, HW_ECOMAP_CACHE_SCROLLED },
    { 400, 300, 500, 150, 1.0, FALSE, 16, HW_ECOMAP_CACHE_EXACT, HW_ECOMAP_CACHE_RESELECTED },
    { 400, 300, 500, 150, 1.0, TRUE, 16, HW_ECOMAP_CACHE_EXACT, HW_ECOMAP_CACHE_EDITED },
    { 460, 330, 500, 150, 1.0, TRUE, 16, HW_ECOMAP_CACHE_EXACT, HW_ECOMAP_CACHE_RESIZED },
    { 460, 330, 500, 150, 1.3, TRUE, 16, HW_ECOMAP_CACHE_SCALED_OK, HW_ECOMAP_CACHE_SCALED },
    { 460, 330, 500, 150, 1.3, TRUE, 16, HW_ECOMAP_CACHE_PROGRESSIVE, HW_ECOMAP_CACHE_PARTIAL },
  };

  /* (a tie far from the household made stressful: a change in one place) */
  g_array_index (edited->ties, HwEcomapMapTie, 60).stressful =
    !g_array_index (edited->ties, HwEcomapMapTie, 60).stressful;
  for (int scale = 1; scale <= 2; scale++)
    {
      HwEcomapCache *cache = hw_ecomap_cache_new ();
      g_autoptr(HwEcomapCache) direct = hw_ecomap_cache_new ();
      cairo_surface_t *last_node = NULL, *last_played = NULL;
      guint n_partial = 0;

      hw_ecomap_cache_set_budget (cache, 0);
      hw_ecomap_cache_set_budget (direct, 0);
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          HwEcomapMap *shown = steps[i].edited ? edited : map;
          HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE,
                                          .selected_node = steps[i].node };
          HwEcomapCacheResult result, direct_result;

          do
            {
              g_autofree char *what = g_strdup_printf ("scale %d, step %u", scale, i);
              cairo_surface_t *node = cairo_recording_surface_create (
                CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t) { 0, 0, steps[i].w, steps[i].h });
              cairo_surface_t *played, *painted;
              cairo_t *cr = cairo_create (node);

              result = hw_ecomap_cache_draw (cache, shown, cr, steps[i].w, steps[i].h, scale,
                                             steps[i].zoom, steps[i].x, steps[i].y, &options,
                                             steps[i].mode);
              cairo_destroy (cr);
              painted = draw_cached_with (direct, shown, steps[i].w, steps[i].h, scale, steps[i].x,
                                          steps[i].y, steps[i].zoom, &options, steps[i].mode,
                                          &direct_result);
              g_assert_cmpint (result, ==, direct_result);
              played = play_node (node, steps[i].w, steps[i].h, scale);
              assert_same_image (played, painted, TRUE, what);
              cairo_surface_destroy (painted);

              /* the last node, kept by the widget till now, still plays */
              if (last_node != NULL)
                cairo_surface_destroy (play_node (last_node, steps[i].w, steps[i].h, scale));
              g_clear_pointer (&last_node, cairo_surface_destroy);
              g_clear_pointer (&last_played, cairo_surface_destroy);
              last_node = node;
              last_played = played;
              n_partial += result == HW_ECOMAP_CACHE_PARTIAL;
            }
          while (result == HW_ECOMAP_CACHE_PARTIAL);
          if (steps[i].result == HW_ECOMAP_CACHE_PARTIAL)
            g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
          else
            g_assert_cmpint (result, ==, steps[i].result);
        }
      g_assert_cmpuint (n_partial, >, 4);

      /* the cache gone, its last frame's node plays as it did */
      hw_ecomap_cache_free (cache);
      {
        cairo_surface_t *again = play_node (last_node, steps[G_N_ELEMENTS (steps) - 1].w,
                                            steps[G_N_ELEMENTS (steps) - 1].h, scale);

        assert_same_image (again, last_played, TRUE, "the node of a cache gone");
        cairo_surface_destroy (again);
      }
      cairo_surface_destroy (last_node);
      cairo_surface_destroy (last_played);
    }
}

/* One PROGRESSIVE frame of @map through @cache at (@x, @y, @zoom): what
 * the cache said */
static HwEcomapCacheResult
progressive_frame (HwEcomapCache             *cache,
                   HwEcomapMap               *map,
                   int                        scale,
                   double                     x,
                   double                     y,
                   double                     zoom,
                   const HwEcomapDrawOptions *options)
{
  HwEcomapCacheResult result;

  cairo_surface_destroy (draw_cached_with (cache, map, 400, 300, scale, x, y, zoom, options,
                                           HW_ECOMAP_CACHE_PROGRESSIVE, &result));
  return result;
}

/* PROGRESSIVE frames until the view is whole: how many */
static guint
frames_until_whole (HwEcomapCache             *cache,
                    HwEcomapMap               *map,
                    int                        scale,
                    double                     x,
                    double                     y,
                    double                     zoom,
                    const HwEcomapDrawOptions *options)
{
  guint calls = 0;

  while (progressive_frame (cache, map, scale, x, y, zoom, options) == HW_ECOMAP_CACHE_PARTIAL &&
         calls < 100)
    calls++;
  return calls + 1;
}

/* A zoom that comes to rest on a large map, drawn piece by piece (one
 * piece a call with a budget of 0): each frame shows what is drawn of the
 * new view, the rest as the old image scaled, and asks for another; the
 * last is the fresh drawing, bit for bit.
 * A small map is drawn whole at once; an edit, or another view, in the
 * middle starts again. */
static void
test_cache_progressive (void)
{
  g_autoptr(HwEcomapMap) big = crowded_map (140);
  g_autoptr(HwEcomapMap) small = sample_map ();
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
  const int w = 400, h = 300;
  /* the window's rows in 16 bands, the margin's above and below in 4 */
  const guint n_pieces = 16 + 4;

  g_assert_cmpuint (big->nodes->len, >=, HW_ECOMAP_CACHE_PROGRESSIVE_NODES);
  g_assert_cmpuint (small->nodes->len, <, HW_ECOMAP_CACHE_PROGRESSIVE_NODES);
  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
      g_autoptr(HwEcomapCache) fresh_cache = hw_ecomap_cache_new ();
      g_autoptr(HwEcomapCache) scaled_cache = hw_ecomap_cache_new ();
      HwEcomapCacheResult result;
      cairo_surface_t *frame, *fresh, *scaled, *hit;
      guint calls = 0;

      hw_ecomap_cache_set_budget (cache, 0);
      cairo_surface_destroy (draw_cached_with (cache, big, w, h, scale, 200, 150, 0.8, &options,
                                               HW_ECOMAP_CACHE_EXACT, &result));
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
      /* what the frames are made of: the view drawn afresh, and the old
       * image scaled to it */
      fresh = draw_cached_with (fresh_cache, big, w, h, scale, 200, 150, 1.1, &options,
                                HW_ECOMAP_CACHE_EXACT, &result);
      cairo_surface_destroy (draw_cached_with (scaled_cache, big, w, h, scale, 200, 150, 0.8, &options,
                                               HW_ECOMAP_CACHE_EXACT, &result));
      scaled = draw_cached_with (scaled_cache, big, w, h, scale, 200, 150, 1.1, &options,
                                 HW_ECOMAP_CACHE_SCALED_OK, &result);
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_SCALED);
      g_assert_false (same_pixels (fresh, scaled, 0, 0));

      do
        {
          frame = draw_cached_with (cache, big, w, h, scale, 200, 150, 1.1, &options,
                                    HW_ECOMAP_CACHE_PROGRESSIVE, &result);
          calls++;
          if (calls == 1)
            {
              /* the first band drawn (a sixteenth of the window's rows, a
               * pixel less for its edge), the rest still the old image */
              int rows = h * scale / 16 - 1;
              cairo_surface_t *top = image_rows (frame, 0, rows);
              cairo_surface_t *fresh_top = image_rows (fresh, 0, rows);
              cairo_surface_t *scaled_top = image_rows (scaled, 0, rows);
              cairo_surface_t *below = image_rows (frame, rows + 2, h * scale - rows - 2);
              cairo_surface_t *scaled_below = image_rows (scaled, rows + 2, h * scale - rows - 2);

              assert_near_fresh (top, fresh_top, 60 * scale, "the first band, the new view", NULL);
              /* (cairo paints the scaled image through the clip of what
               * is not drawn yet a level or two differently) */
              g_assert_cmpint (max_difference (below, scaled_below, NULL), <=, 4);
              g_assert_false (same_pixels (top, scaled_top, 0, 0));
              cairo_surface_destroy (top);
              cairo_surface_destroy (scaled_top);
              cairo_surface_destroy (fresh_top);
              cairo_surface_destroy (below);
              cairo_surface_destroy (scaled_below);
            }
          if (result == HW_ECOMAP_CACHE_PARTIAL)
            cairo_surface_destroy (frame);
        }
      while (result == HW_ECOMAP_CACHE_PARTIAL && calls < 100);
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
      g_assert_cmpuint (calls, ==, n_pieces);
      /* bit for bit: the pieces are bands as wide as the image, and a clip
       * that cuts no pixel row leaves cairo's rasterising as it was */
      assert_same_image (frame, fresh, TRUE, "the view drawn piece by piece");
      /* it is the cache's image now, margin included: a pan is a paint */
      hit = draw_cached_with (cache, big, w, h, scale, 320, 60, 1.1, &options,
                              HW_ECOMAP_CACHE_PROGRESSIVE, &result);
      g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
      {
        g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
        cairo_surface_t *panned = draw_cached_with (other, big, w, h, scale, 320, 60, 1.1, &options,
                                                    HW_ECOMAP_CACHE_EXACT, &result);

        assert_same_image (hit, panned, TRUE, "panned within the margin drawn piece by piece");
        cairo_surface_destroy (panned);
      }
      cairo_surface_destroy (hit);
      cairo_surface_destroy (frame);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (scaled);

      /* begun, then another view: it starts again */
      g_assert_cmpint (progressive_frame (cache, big, scale, 320, 60, 1.3, &options), ==,
                       HW_ECOMAP_CACHE_PARTIAL);
      g_assert_cmpuint (frames_until_whole (cache, big, scale, 300, 60, 1.3, &options), ==, n_pieces);

      /* a zoom that rests with another selection (a click during the
       * gesture): drawn piece by piece with it; another one meanwhile
       * starts again; the view is then a fresh drawing with the last */
      {
        g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
        HwEcomapDrawOptions picked = options;
        cairo_surface_t *done, *fresh_picked;

        picked.selected_node = 15;
        picked.selected_tie = 1030;
        g_assert_cmpint (progressive_frame (cache, big, scale, 300, 60, 1.2, &picked), ==,
                         HW_ECOMAP_CACHE_PARTIAL);
        g_assert_cmpint (progressive_frame (cache, big, scale, 300, 60, 1.2, &picked), ==,
                         HW_ECOMAP_CACHE_PARTIAL);
        picked.selected_node = 0;
        g_assert_cmpuint (frames_until_whole (cache, big, scale, 300, 60, 1.2, &picked), ==, n_pieces);
        done = draw_cached_with (cache, big, w, h, scale, 300, 60, 1.2, &picked,
                                 HW_ECOMAP_CACHE_PROGRESSIVE, &result);
        g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_HIT);
        fresh_picked = draw_cached_with (other, big, w, h, scale, 300, 60, 1.2, &picked,
                                         HW_ECOMAP_CACHE_EXACT, &result);
        assert_same_image (done, fresh_picked, TRUE, "a zoom at rest with another selection");
        cairo_surface_destroy (done);
        cairo_surface_destroy (fresh_picked);
      }

      /* begun, then an edit: drawn afresh at once */
      g_assert_cmpint (progressive_frame (cache, big, scale, 300, 60, 1.5, &options), ==,
                       HW_ECOMAP_CACHE_PARTIAL);
      hw_ecomap_map_changed (big);
      g_assert_cmpint (progressive_frame (cache, big, scale, 300, 60, 1.5, &options), ==,
                       HW_ECOMAP_CACHE_DRAWN);
    }

  /* a small map: drawn whole at once, as EXACT draws it */
  {
    g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
    g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
    HwEcomapCacheResult result;
    cairo_surface_t *frame, *fresh;

    hw_ecomap_cache_set_budget (cache, 0);
    cairo_surface_destroy (draw_cached_with (cache, small, w, h, 1, 200, 150, 0.8, &options,
                                             HW_ECOMAP_CACHE_EXACT, &result));
    frame = draw_cached_with (cache, small, w, h, 1, 200, 150, 1.1, &options,
                              HW_ECOMAP_CACHE_PROGRESSIVE, &result);
    g_assert_cmpint (result, ==, HW_ECOMAP_CACHE_DRAWN);
    fresh = draw_cached_with (other, small, w, h, 1, 200, 150, 1.1, &options, HW_ECOMAP_CACHE_EXACT,
                              &result);
    assert_same_image (frame, fresh, TRUE, "a small map at rest");
    cairo_surface_destroy (frame);
    cairo_surface_destroy (fresh);
  }
}

/* Same input, same positions, bit for bit: two maps made alike, and one
 * map laid out again. */
static void
test_layout_deterministic (void)
{
  g_autoptr(HwEcomapMap) a = sample_map ();
  g_autoptr(HwEcomapMap) b = sample_map ();
  g_autofree double *first = g_new0 (double, 2 * a->nodes->len);

  g_assert_cmpuint (a->nodes->len, ==, b->nodes->len);
  for (guint i = 0; i < a->nodes->len; i++)
    {
      HwEcomapMapNode *na = &g_array_index (a->nodes, HwEcomapMapNode, i);
      HwEcomapMapNode *nb = &g_array_index (b->nodes, HwEcomapMapNode, i);

      g_assert_true (memcmp (&na->x, &nb->x, sizeof (double)) == 0);
      g_assert_true (memcmp (&na->y, &nb->y, sizeof (double)) == 0);
      first[2 * i] = na->x;
      first[2 * i + 1] = na->y;
    }
  hw_ecomap_map_layout (a);
  for (guint i = 0; i < a->nodes->len; i++)
    {
      HwEcomapMapNode *na = &g_array_index (a->nodes, HwEcomapMapNode, i);

      g_assert_true (memcmp (&na->x, &first[2 * i], sizeof (double)) == 0);
      g_assert_true (memcmp (&na->y, &first[2 * i + 1], sizeof (double)) == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  outdir = g_dir_make_tmp ("hw-ecomap-render-XXXXXX", NULL);
  g_assert_nonnull (outdir);

  g_test_add_func ("/ecomap-render/export-pdf", test_export_pdf);
  g_test_add_func ("/ecomap-render/export-png", test_export_png);
  g_test_add_func ("/ecomap-render/export-svg", test_export_svg);
  g_test_add_func ("/ecomap-render/export-refused", test_export_refused);
  g_test_add_func ("/ecomap-render/hit-testing", test_hit_testing);
  g_test_add_func ("/ecomap-render/strengths", test_strengths_from_ties);
  g_test_add_func ("/ecomap-render/legend", test_legend);
  g_test_add_func ("/ecomap-render/changes", test_changes_draw);
  g_test_add_func ("/ecomap-render/clip-exact", test_clip_exact);
  g_test_add_func ("/ecomap-render/changed-after-draw", test_changed_after_draw);
  g_test_add_func ("/ecomap-render/layout-deterministic", test_layout_deterministic);
  g_test_add_func ("/ecomap-render/cache-same-pixels", test_cache_same_pixels);
  g_test_add_func ("/ecomap-render/cache-invalidated", test_cache_invalidated);
  g_test_add_func ("/ecomap-render/cache-reselected", test_cache_reselected);
  g_test_add_func ("/ecomap-render/cache-edited", test_cache_edited);
  g_test_add_func ("/ecomap-render/cache-resized", test_cache_resized);
  g_test_add_func ("/ecomap-render/cache-into-node", test_cache_into_node);
  g_test_add_func ("/ecomap-render/cache-margin-later", test_cache_margin_later);
  g_test_add_func ("/ecomap-render/cache-scrolled", test_cache_scrolled);
  g_test_add_func ("/ecomap-render/cache-progressive", test_cache_progressive);
  g_test_add_func ("/ecomap-render/cache-looks-as-before", test_cache_looks_as_before);
  g_test_add_func ("/ecomap-render/far-detail", test_far_detail);
  g_test_add_func ("/ecomap-render/far-notation", test_far_notation);
  g_test_add_func ("/ecomap-render/stressful-wave", test_stressful_wave);
  g_test_add_func ("/ecomap-render/paper-shapes", test_paper_shapes);
  g_test_add_func ("/ecomap-render/paper-tolerance", test_paper_tolerance);
  g_test_add_func ("/ecomap-render/paper-overlapping-nodes", test_paper_overlapping_nodes);
  g_test_add_func ("/ecomap-render/name-centred", test_name_centred);
  g_test_add_func ("/ecomap-render/paper-name-backing", test_paper_name_backing);
  g_test_add_func ("/ecomap-render/far-sprites", test_far_sprites);

  ret = g_test_run ();
  g_rmdir (outdir);
  g_free (outdir);
  return ret;
}
