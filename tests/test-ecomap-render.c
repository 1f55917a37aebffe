/* test-ecomap-render.c: the ecomap renderer on a plain model: exports that
 * real readers accept, every name in the PDF's text, PNG dimensions, hit
 * testing, and refusals of bad requests.
 *
 * Set HW_KEEP_OUTPUT=DIR to keep the files to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <cairo.h>

#include "hw-ecomap-render.h"

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

  ret = g_test_run ();
  g_rmdir (outdir);
  g_free (outdir);
  return ret;
}
