/* test-plan-figure.c: the support network map inside a printed safety plan
 * is as wide as the text and no word of it is smaller than 8 points on
 * paper, on A4 and Letter, in English and Spanish, for the sample family
 * and for a network of 40 people (measured in the renderer, and read back
 * from the PDF with pdftotext -bbox). The ecomap's own paper copy
 * (`homeward export --what ecomap --format pdf`, the same document the
 * window prints) is held to the same: a portrait page whose every word
 * between the title and the footer is at least 8 points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hw-ecomap.h"
#include "hw-ecomap-render.h"
#include "hw-language.h"
#include "hw-plan.h"
#include "hw-plan-document.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"

typedef struct {
  HwStore *store;
  char    *dir;
  gint64   case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = hw_test_store_new_demo ("test-plan-figure-XXXXXX", &f->dir, &f->case_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hw_test_store_free (f->store, f->dir);
}

/* The sample family's network grows to 40 people and services. */
static void
grow_network (Fixture *f)
{
  static const char * const categories[] = {
    "kin", "friends", "school", "health", "services", "community", "faith", "work"
  };
  g_autoptr(GError) error = NULL;
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  g_autoptr(HwEcomapMap) map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  guint n;

  g_assert_no_error (error);
  n = map->nodes->len;
  for (guint i = 0; n + i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Neighbour Number %u Hernández-Whitfield", i + 1);
      gint64 node = hw_ecomap_add_person (f->store, f->case_id, name,
                                          categories[i % G_N_ELEMENTS (categories)], &error);

      g_assert_no_error (error);
      hw_ecomap_add_tie (f->store, household, node, i % 3 == 0 ? "strong" : "moderate", &error);
      g_assert_no_error (error);
    }
}

/* The figure as the document gives it: the width it was given, and how
 * the renderer drew it. */
typedef struct {
  HwEcomapMap       *map;
  double             width;
  double             height;
  HwEcomapFigureInfo info;
  guint              n_drawn;
} Probe;

static double
probe_height_cb (double   width,
                 gpointer user_data)
{
  Probe *probe = user_data;

  return hw_ecomap_figure_height (probe->map, width);
}

static void
probe_draw_cb (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  Probe *probe = user_data;

  probe->width = width;
  probe->height = height;
  probe->n_drawn++;
  hw_ecomap_figure_measure (probe->map, width, height, &probe->info);
  hw_ecomap_draw_document_figure (probe->map, cr, width, height);
}

static void
check_measured (Fixture    *f,
                const char *paper,
                const char *language,
                gboolean    numbered)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "measured.pdf", NULL);
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  Probe probe = { 0 };
  double page_w, page_h;
  gint64 plan = hw_plan_find (f->store, f->case_id, HW_PLAN_SAFETY);

  g_assert_cmpint (plan, >, 0);
  snapshot = hw_plan_snapshot (f->store, plan, &error);
  g_assert_no_error (error);
  probe.map = hw_ecomap_load (f->store, f->case_id, &agency, &error);
  g_assert_no_error (error);

  doc = hw_plan_document_new_full (snapshot, &agency, language, probe_height_cb, probe_draw_cb,
                                   &probe, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hw_document_set_paper_name (doc, paper, &error));
  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  hw_document_get_page_size (doc, &page_w, &page_h);

  g_assert_cmpuint (probe.n_drawn, ==, 1);
  /* the text's width: the page less its margins of 56 points */
  g_assert_cmpfloat_with_epsilon (probe.width, page_w - 2 * 56, 0.01);
  g_assert_cmpfloat (probe.height, <=, page_h - 2 * 64);
  g_assert_cmpfloat (probe.info.min_text_size, >=, HW_ECOMAP_FIGURE_MIN_TEXT);
  g_assert_cmpint (probe.info.numbered, ==, numbered);
  /* the figure got all it asked for */
  g_assert_cmpfloat (probe.info.height, <=, probe.height + 0.01);
  g_test_message ("%s %s: scale %.2f, figure %.0f x %.0f pt", paper, language,
                  probe.info.scale, probe.width, probe.height);
  hw_ecomap_map_free (probe.map);
}

static guint
n_people (Fixture *f)
{
  return (guint) hw_store_query_int (f->store, 0,
                                     "SELECT count(*) FROM ecomap_nodes WHERE case_id = ?",
                                     G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
}

/* Words of the PDF ----------------------------------------------------- */

/* The index of the first word of @phrase (words separated by spaces). */
static guint
find_phrase (GPtrArray  *words,
             const char *phrase)
{
  g_auto(GStrv) parts = g_strsplit (phrase, " ", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + n <= words->len; i++)
    {
      guint k = 0;

      while (k < n && g_str_equal (((HwTestWord *) g_ptr_array_index (words, i + k))->text, parts[k]))
        k++;
      if (k == n)
        return i;
    }
  g_error ("“%s” is not in the PDF", phrase);
  return 0;
}

/* Every word between the heading and the caption of the map: at least 8
 * points, and together they reach across the text's width. */
static void
check_pdf (Fixture    *f,
           const char *paper,
           const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/plan-%s-%s.pdf", f->dir, paper, language);
  g_autoptr(GPtrArray) words = NULL;
  HwExportOptions opts;
  gboolean es = g_str_equal (language, "es");
  guint heading, caption, n = 0;
  double page_w = g_str_equal (paper, "letter") ? 612 : 595.276;
  double left = G_MAXDOUBLE, right = 0, smallest = G_MAXDOUBLE;
  HwTestWord *h, *c;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = "safety-plan";
  opts.format = "pdf";
  opts.output = path;
  opts.language = language;
  opts.paper = paper;
  g_assert_true (hw_plan_export (f->store, &opts, &error));
  g_assert_no_error (error);

  /* HW_TEST_SHOTS=dir keeps the PDFs, to look at */
  if (g_getenv ("HW_TEST_SHOTS") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("plan-figure-%u-%s-%s.pdf", n_people (f), paper,
                                               language);
      g_autofree char *copy = g_build_filename (g_getenv ("HW_TEST_SHOTS"), name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }

  words = hw_test_pdf_words (path);
  heading = find_phrase (words, es ? "Nuestra red de apoyo" : "Our support network");
  caption = find_phrase (words, es ? "Las personas y los servicios alrededor de la familia"
                                   : "The people and services around the family");
  h = g_ptr_array_index (words, heading);
  c = g_ptr_array_index (words, caption);
  /* the map never leaves its heading alone on a page */
  g_assert_cmpuint (h->page, ==, c->page);
  for (guint i = heading; i < caption; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);
      double size = (w->y2 - w->y1) / HW_TEST_BOX_PER_POINT;

      if (w->page != c->page || w->y1 <= h->y2 || w->y2 >= c->y1)
        continue;
      n++;
      if (size < HW_ECOMAP_FIGURE_MIN_TEXT - 0.05)
        g_error ("%s %s: “%s” is %.1f points high on paper", paper, language, w->text, size);
      smallest = MIN (smallest, size);
      left = MIN (left, w->x1);
      right = MAX (right, w->x2);
    }
  /* every name of the network is there, and none is too small */
  g_assert_cmpuint (n, >, 60);
  g_test_message ("%s %s: %u words, the smallest %.2f pt", paper, language, n, smallest);
  /* from the left margin to the last column of the key and the legend */
  g_assert_cmpfloat (fabs (left - 56), <, 1);
  g_assert_cmpfloat (right, >, page_w - 56 - 100);
  g_assert_cmpfloat (right, <=, page_w - 56 + 1);
}

static gboolean have_spanish (void);

/* The ecomap's paper copy: every word under the title and above the
 * footer at least 8 points; the map as wide as the text. */
static void
check_ecomap_pdf (Fixture    *f,
                  const char *paper,
                  const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/ecomap-%s-%s.pdf", f->dir, paper, language);
  g_autoptr(GPtrArray) words = NULL;
  HwExportOptions opts;
  gboolean es = g_str_equal (language, "es");
  guint title, footer, n = 0;
  double page_w = g_str_equal (paper, "letter") ? 612 : 595.276;
  double right = 0, smallest = G_MAXDOUBLE;
  HwTestWord *t, *c;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = "ecomap";
  opts.format = "pdf";
  opts.output = path;
  opts.language = language;
  opts.paper = paper;
  opts.recipient.kind = HW_RECIPIENT_FAMILY;
  g_assert_true (hw_ecomap_export (f->store, &opts, &error));
  g_assert_no_error (error);

  words = hw_test_pdf_words (path);
  title = find_phrase (words, es ? "Ecomapa de la familia Morales"
                                 : "Ecomap of the Morales family");
  footer = find_phrase (words, es ? "Confidencial:" : "Confidential:");
  t = g_ptr_array_index (words, title);
  c = g_ptr_array_index (words, footer);
  for (guint i = 0; i < words->len; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);
      double size = (w->y2 - w->y1) / HW_TEST_BOX_PER_POINT;

      if (w->page != t->page || w->y1 <= t->y2 || w->y2 >= c->y1)
        continue;
      n++;
      if (size < HW_ECOMAP_FIGURE_MIN_TEXT - 0.05)
        g_error ("ecomap %s %s: “%s” is %.1f points high on paper", paper, language, w->text,
                 size);
      smallest = MIN (smallest, size);
      right = MAX (right, w->x2);
    }
  g_assert_cmpuint (n, >, 60);
  g_test_message ("ecomap %s %s: %u words, the smallest %.2f pt", paper, language, n,
                  smallest);
  g_assert_cmpfloat (right, >, page_w - 56 - 100);
}

static void
test_ecomap_document (Fixture       *f,
                      gconstpointer  data)
{
  check_ecomap_pdf (f, "a4", "en");
  check_ecomap_pdf (f, "letter", "en");
  grow_network (f);
  check_ecomap_pdf (f, "a4", "en");
  if (!have_spanish ())
    return;
  check_ecomap_pdf (f, "a4", "es");
}

static gboolean
have_spanish (void)
{
  if (!hw_language_has_catalog ("es"))
    {
      g_test_skip ("no Spanish catalog in HOMEWARD_LOCALEDIR");
      return FALSE;
    }
  return TRUE;
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  check_measured (f, "a4", "en", TRUE);
  check_measured (f, "letter", "en", TRUE);
  check_pdf (f, "a4", "en");
  check_pdf (f, "letter", "en");
  if (!have_spanish ())
    return;
  check_measured (f, "a4", "es", TRUE);
  check_pdf (f, "a4", "es");
  check_pdf (f, "letter", "es");
}

static void
test_forty (Fixture       *f,
            gconstpointer  data)
{
  grow_network (f);
  check_measured (f, "a4", "en", TRUE);
  check_measured (f, "letter", "en", TRUE);
  check_pdf (f, "a4", "en");
  check_pdf (f, "letter", "en");
  if (!have_spanish ())
    return;
  check_pdf (f, "a4", "es");
}

/* A small map keeps the names on it, at full size. */
static void
test_small (void)
{
  g_autoptr(HwEcomapMap) map = hw_ecomap_map_new ();
  HwEcomapFigureInfo info;

  map->household_id = 1;
  hw_ecomap_map_add_member (map, "Ana");
  hw_ecomap_map_add_node (map, 2, HW_ECOMAP_NODE_PERSON, HW_ECOMAP_CATEGORY_KIN, "Rosa");
  hw_ecomap_map_add_node (map, 3, HW_ECOMAP_NODE_ORGANISATION, HW_ECOMAP_CATEGORY_SCHOOL,
                          "Lincoln School");
  hw_ecomap_map_add_tie (map, 10, 1, 2, HW_TIE_STRONG, FALSE, HW_TIE_FLOW_NONE);
  hw_ecomap_map_add_tie (map, 11, 1, 3, HW_TIE_MODERATE, TRUE, HW_TIE_FLOW_BOTH);
  hw_ecomap_map_layout (map);

  hw_ecomap_figure_measure (map, 483.276, 0, &info);
  g_assert_false (info.numbered);
  g_assert_cmpfloat (info.scale, >=, 1.0);
  g_assert_cmpfloat (info.min_text_size, >=, HW_ECOMAP_FIGURE_MIN_TEXT);
  g_assert_cmpfloat (info.height, ==, hw_ecomap_figure_height (map, 483.276));
  g_assert_cmpfloat (info.height, <, 483.276);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan-figure/sample", Fixture, NULL, fixture_set_up, test_sample,
              fixture_tear_down);
  g_test_add ("/plan-figure/forty-people", Fixture, NULL, fixture_set_up, test_forty,
              fixture_tear_down);
  g_test_add_func ("/plan-figure/small-map", test_small);
  g_test_add ("/plan-figure/ecomap-document", Fixture, NULL, fixture_set_up,
              test_ecomap_document, fixture_tear_down);
  return g_test_run ();
}
