/* test-document-layout.c: the layout of printed documents, read back from
 * the PDF with pdftotext (-bbox for where each word is):
 *  - table columns are at least as wide as their longest word, so that no
 *    word is broken inside ("seguimien-to");
 *  - a heading stays on a page with its lead-in and the start of what
 *    follows; no table row and no list item stands alone on either side
 *    of a page break; a group's label is said again on a new page;
 *  - the footer's date is on one line;
 *  - the readiness chart fits its box whole (its last row inside), its
 *    words never overlap and are at least 7 points on paper, in English
 *    and Spanish, on paper and at screen sizes;
 *  - the visits month is not cut to "10:00 Sin s…" where the day has
 *    room, and its legend is at least 7 points on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "hw-document.h"
#include "hw-enums.h"
#include "hw-language.h"
#include "hw-readiness-chart.h"
#include "hw-recipient.h"
#include "hw-service-plan-document.h"
#include "hw-visits.h"
#include "hw-visits-render.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"
#include "hw-test-valgrind.h"

/* The page (1-based) of the first word that is @text, 0 if none. */
static guint
page_of (GPtrArray  *words,
         const char *text)
{
  for (guint i = 0; i < words->len; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);

      if (g_str_equal (w->text, text))
        return w->page;
    }
  return 0;
}

static guint
count_on_page (GPtrArray  *words,
               guint       page,
               const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < words->len; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);

      if (w->page == page && g_str_has_prefix (w->text, prefix))
        n++;
    }
  return n;
}

static char *
write_pdf (HwDocument *doc,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-document-layout-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* Filler that puts what follows lower and lower on the first page. */
static void
add_filler (HwDocument *doc,
            guint       n_lines)
{
  for (guint i = 0; i < n_lines; i++)
    hw_document_add_paragraph (doc, "Filler line that takes one line of the page.");
}

/* Narrow columns ------------------------------------------------------------ */

static const char * const long_words[] = {
  "seguimiento", "Planificada", "proveedor", "frecuencia", "Obstáculos", "Supervisión",
  "Acompañamiento", NULL
};

static void
test_no_word_broken (void)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  const char *headers[] = {
    "Qué se hará", "Quién lo hace", "Con quién", "Con qué frecuencia", "Desde", "Para",
    "Llamadas y visitas de seguimiento",
  };
  /* the shares a builder gives: far too little for the long words */
  const double widths[] = { 6.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 };
  const char *row1[] = { "Weekly therapy for Sofía", "Planificada", "proveedor", "Semanal",
                         "19 oct 2026", "16 feb 2027", "Supervisión" };
  const char *row2[] = { "Find a family therapist", "Acompañamiento", "Obstáculos", "frecuencia",
                         "12 nov 2026", "28 nov 2026", "seguimiento" };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) tokens = NULL;

  hw_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths);
  hw_document_add_table_row (doc, row1);
  hw_document_add_table_row (doc, row2);
  path = write_pdf (doc, "narrow.pdf");
  text = hw_test_pdftotext (path);

  /* every long word whole, and no word cut with a hyphen of our own */
  tokens = g_strsplit_set (text, " \n\f", -1);
  for (guint i = 0; long_words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint t = 0; tokens[t] != NULL && !found; t++)
        found = g_str_equal (tokens[t], long_words[i]);
      if (!found)
        g_error ("“%s” is broken in the table:\n%s", long_words[i], text);
    }
  for (guint t = 0; tokens[t] != NULL; t++)
    if (g_str_has_suffix (tokens[t], "-") && strlen (tokens[t]) > 1)
      g_error ("a word broken with a hyphen: “%s”\n%s", tokens[t], text);
  remove_pdf (path);
}

/* A single word wider than any column could be still breaks (and the
 * table still draws). */
static void
test_word_wider_than_page (void)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  const char *headers[] = { "A", "B", "C" };
  g_autofree char *huge = NULL;
  const char *row[] = { NULL, "short", "words here" };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 120; i++)
    g_string_append_c (s, 'a' + i % 26);
  huge = g_string_free (s, FALSE);
  row[0] = huge;
  hw_document_add_table (doc, 3, headers, NULL);
  hw_document_add_table_row (doc, row);
  path = write_pdf (doc, "huge.pdf");
  text = hw_test_pdftotext (path);
  g_assert_nonnull (strstr (text, "short"));
  g_assert_nonnull (strstr (text, "words"));
  remove_pdf (path);
}

/* Keeping together ----------------------------------------------------------- */

/* Wherever the filler puts it, the goal's heading, its "By when" and the
 * first rows of its task table are on one page. */
static void
test_heading_kept_with_next (void)
{
  for (guint n = 20; n < 60; n += hw_test_sweep_step (4))
    {
      g_autoptr(HwDocument) doc = hw_document_new ();
      g_autoptr(GPtrArray) words = NULL;
      g_autofree char *path = NULL;
      const char *headers[] = { "Taskheader", "Who" };
      guint heading_page;

      add_filler (doc, n);
      hw_document_add_heading (doc, 2, "Transportheading");
      hw_document_add_labelled (doc, "Familywords",
                                "The bus takes two hours to get to the visits.");
      hw_document_add_labelled (doc, "Strengths", "Has not missed a visit in two months.");
      hw_document_add_heading (doc, 3, "Goalheading: Elena gets to every visit on time.");
      hw_document_add_labelled (doc, "Bywhen", "2 January 2027");
      hw_document_add_labelled (doc, "Progress", "Some progress");
      hw_document_add_table (doc, 2, headers, NULL);
      for (guint r = 0; r < 4; r++)
        {
          g_autofree char *cell = g_strdup_printf ("taskrow%u", r + 1);
          const char *row[] = { cell, "Agency" };

          hw_document_add_table_row (doc, row);
        }
      path = write_pdf (doc, "keep.pdf");
      words = hw_test_pdf_words (path);
      heading_page = page_of (words, "Transportheading");
      g_assert_cmpuint (heading_page, >, 0);
      if (page_of (words, "Goalheading:") != heading_page ||
          page_of (words, "Bywhen:") != heading_page ||
          page_of (words, "Taskheader") != heading_page ||
          page_of (words, "taskrow1") != heading_page)
        g_error ("after %u filler lines the heading (page %u) is parted from what follows "
                 "(goal %u, by when %u, table %u, first row %u)", n, heading_page,
                 page_of (words, "Goalheading:"), page_of (words, "Bywhen:"),
                 page_of (words, "Taskheader"), page_of (words, "taskrow1"));
      remove_pdf (path);
    }
}

/* However a table of 9 rows or a list of 6 items falls, every page that
 * has some of them has at least two, and a table's header is on each. */
static void
test_no_row_or_item_alone (void)
{
  for (guint n = 30; n < 66; n += hw_test_sweep_step (4))
    {
      g_autoptr(HwDocument) doc = hw_document_new ();
      g_autoptr(GPtrArray) words = NULL;
      g_autofree char *path = NULL;
      const char *headers[] = { "Ratingheader", "Why" };
      guint pages;

      add_filler (doc, n);
      hw_document_add_table (doc, 2, headers, NULL);
      for (guint r = 0; r < 9; r++)
        {
          g_autofree char *cell = g_strdup_printf ("ratingrow%u", r + 1);
          const char *row[] = { cell, "Elena is trying hard; I worry about the evenings." };

          hw_document_add_table_row (doc, row);
        }
      add_filler (doc, n / 3);
      hw_document_add_heading (doc, 2, "Closing");
      for (guint i = 0; i < 6; i++)
        {
          g_autofree char *item = g_strdup_printf ("listitem%u is closed when the family has "
                                                   "managed for twelve months.", i + 1);
          hw_document_add_bullet (doc, item);
        }
      hw_document_add_labelled (doc, "Closing date", "3 December 2027");
      path = write_pdf (doc, "widows.pdf");
      words = hw_test_pdf_words (path);
      pages = hw_document_get_n_pages (doc);
      for (guint p = 1; p <= pages; p++)
        {
          guint rows = count_on_page (words, p, "ratingrow");
          guint items = count_on_page (words, p, "listitem");

          if (rows == 1 || items == 1)
            g_error ("after %u filler lines page %u has %u table row(s) and %u list item(s)",
                     n, p, rows, items);
          if (rows > 0 && count_on_page (words, p, "Ratingheader") != 1)
            g_error ("after %u filler lines page %u has rows without the header", n, p);
        }
      remove_pdf (path);
    }
}

/* However the signatures fall, none stands alone on a page (above all
 * not the last one, on a page of its own away from the agreement), and
 * the "Signatures" heading is never left at the foot of a page without
 * the first of them. */
static void
test_no_signature_alone (void)
{
  for (guint n = 20; n < 70; n += hw_test_sweep_step (5))
    {
      g_autoptr(HwDocument) doc = hw_document_new ();
      g_autoptr(GPtrArray) words = NULL;
      g_autofree char *path = NULL;
      guint pages;

      add_filler (doc, n);
      hw_document_add_heading (doc, 2, "Signaturesheading");
      hw_document_add_paragraph (doc, "By signing, each of us agrees to do our part.");
      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *name = g_strdup_printf ("Signer%u Morales", i + 1);

          hw_document_add_signature (doc, name, "Relative");
        }
      path = write_pdf (doc, "signatures.pdf");
      words = hw_test_pdf_words (path);
      pages = hw_document_get_n_pages (doc);
      for (guint p = 1; p <= pages; p++)
        {
          guint signers = count_on_page (words, p, "Signer");

          if (signers == 1)
            g_error ("after %u filler lines page %u has one signature alone", n, p);
          if (count_on_page (words, p, "Signaturesheading") == 1 && signers == 0)
            g_error ("after %u filler lines the heading of the signatures is alone on page %u",
                     n, p);
        }
      remove_pdf (path);
    }
}

/* A group's label ("Kind of support") said once for its rows is said
 * again on the page its rows continue on. */
static void
test_group_label_repeated (void)
{
  for (guint n = 30; n < 60; n += 3)
    {
      g_autoptr(HwDocument) doc = hw_document_new ();
      g_autoptr(GPtrArray) words = NULL;
      g_autofree char *path = NULL;
      const char *headers[] = { "Kind", "What" };

      add_filler (doc, n);
      hw_document_add_table (doc, 2, headers, NULL);
      hw_document_set_table_group_column (doc, 0);
      for (guint r = 0; r < 12; r++)
        {
          g_autofree char *what = g_strdup_printf ("supportrow%u: safety planning around the "
                                                   "protective order continues.", r + 1);
          const char *row[] = { r == 0 ? "Keepingsafe" : "", what };

          hw_document_add_table_row (doc, row);
        }
      path = write_pdf (doc, "group.pdf");
      words = hw_test_pdf_words (path);
      for (guint p = 1; p <= hw_document_get_n_pages (doc); p++)
        if (count_on_page (words, p, "supportrow") > 0 &&
            count_on_page (words, p, "Keepingsafe") != 1)
          g_error ("after %u filler lines page %u has the group's rows without its label", n, p);
      remove_pdf (path);
    }
}

/* The footer -------------------------------------------------------------- */

static void
test_footer_date_one_line (void)
{
  const char *dates[] = {
    "Borrador impreso el 3 de diciembre de 2026",
    "Resumen de la reunión del 22 de octubre de 2026, 10:00",
    "Impreso el miércoles 30 de septiembre de 2026",
  };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr(HwDocument) doc = hw_document_new ();
      g_autoptr(GPtrArray) words = NULL;
      g_autofree char *path = NULL;
      g_auto(GStrv) date_words = g_strsplit (dates[d], " ", -1);
      double y = -1;

      hw_document_set_confidentiality (doc, "Confidencial. Comparta esta copia solo con las "
                                            "personas a quienes va dirigida.");
      hw_document_set_recipient_line (doc, "Copia para la agencia y la corte");
      hw_document_set_date_line (doc, dates[d]);
      hw_document_add_paragraph (doc, "Body");
      path = write_pdf (doc, "footer.pdf");
      words = hw_test_pdf_words (path);
      /* the date's words are the last words of the page */
      g_assert_cmpuint (words->len, >=, g_strv_length (date_words));
      for (guint i = 0; date_words[i] != NULL; i++)
        {
          HwTestWord *w = g_ptr_array_index (words, words->len - g_strv_length (date_words) + i);

          g_assert_cmpstr (w->text, ==, date_words[i]);
          if (y < 0)
            y = w->y1;
          if (fabs (w->y1 - y) > 0.5)
            g_error ("“%s” wraps: “%s” is on another line", dates[d], w->text);
        }
      remove_pdf (path);
    }
}

/* The readiness chart -------------------------------------------------------- */

static HwReadinessChart *
sample_chart (void)
{
  HwReadinessChart *chart = hw_readiness_chart_new ();
  const HwChoice *domains;
  guint n_domains;
  static const int ratings[3][7] = {
    { -2, -2, -1, -2, -1, 0, -3 },
    { -1, -1, 0, -1, -1, 1, -1 },
    { 1, 1, 1, 1, 0, 2, 1 },
  };
  const char *dates[] = { "2026-06-06", "2026-09-04", "2026-11-26" };

  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);
  for (guint r = 0; r < 3; r++)
    {
      guint review = hw_readiness_chart_add_review (chart, dates[r]);

      for (guint d = 0; d < n_domains; d++)
        hw_readiness_chart_set_rating (chart, review, domains[d].id, ratings[r][d % 7]);
    }
  return chart;
}

static gboolean
overlap (HwTestWord *a,
         HwTestWord *b)
{
  /* a point of slack: boxes of one line's neighbouring words touch */
  return a->x1 < b->x2 - 0.5 && b->x1 < a->x2 - 0.5 &&
         a->y1 < b->y2 - 0.5 && b->y1 < a->y2 - 0.5;
}

/* The chart alone on a page of its own height, as the document gives it
 * its box: @font_size 0 is the screen's. */
static void
check_chart (const char *language,
             double      width,
             double      font_size,
             double      least_points)
{
  g_autoptr(HwLanguageSwitch) sw = hw_language_push (language);
  g_autoptr(HwReadinessChart) chart = sample_chart ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-document-layout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GPtrArray) words = NULL;
  const HwChoice *domains;
  guint n_domains;
  double height = hw_readiness_chart_get_height_for_width (chart, width, font_size);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_auto(GStrv) last_label = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  hw_readiness_chart_draw (chart, cr, width, height, font_size);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  words = hw_test_pdf_words (path);
  g_assert_cmpuint (words->len, >, 20);
  for (guint i = 0; i < words->len; i++)
    {
      HwTestWord *a = g_ptr_array_index (words, i);

      /* every word inside the box */
      if (a->x1 < -0.5 || a->x2 > width + 0.5 || a->y1 < -0.5 || a->y2 > height + 0.5)
        g_error ("%s, %g wide: “%s” is outside the chart's box (%g,%g-%g,%g in %gx%g)",
                 language, width, a->text, a->x1, a->y1, a->x2, a->y2, width, height);
      if (a->y2 - a->y1 < least_points * HW_TEST_BOX_PER_POINT - 0.05)
        g_error ("%s, %g wide: “%s” is smaller than %g points", language, width, a->text,
                 least_points);
      for (guint j = i + 1; j < words->len; j++)
        {
          HwTestWord *b = g_ptr_array_index (words, j);

          if (overlap (a, b))
            g_error ("%s, %g wide: “%s” (%g,%g-%g,%g) runs into “%s” (%g,%g-%g,%g)",
                     language, width, a->text, a->x1, a->y1, a->x2, a->y2,
                     b->text, b->x1, b->y1, b->x2, b->y2);
        }
    }

  /* the last row's name is there (the chart is not cut) */
  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);
  last_label = g_strsplit (hw_choice_label (HW_CHOICES_READINESS_DOMAIN,
                                            domains[n_domains - 1].id), " ", -1);
  for (guint i = 0; i < words->len && !found; i++)
    found = g_str_equal (((HwTestWord *) g_ptr_array_index (words, i))->text,
                         last_label[g_strv_length (last_label) - 1]);
  if (!found)
    g_error ("%s, %g wide: the last row (“%s”) is missing", language, width,
             hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domains[n_domains - 1].id));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_chart_paper (void)
{
  /* A4 and Letter text widths, the print's 8.5 points; the scale's words
   * never under 7 */
  check_chart ("es", 483.3, 8.5, 7.0);
  check_chart ("en", 483.3, 8.5, 7.0);
  check_chart ("es", 500, 8.5, 7.0);
  check_chart ("es", 380, 8.5, 7.0);
  /* narrow: the areas' names wrap on three lines and more */
  check_chart ("es", 300, 8.5, 7.0);
  check_chart ("en", 300, 8.5, 7.0);
}

static void
test_chart_screen (void)
{
  const double widths[] = { 360, 500, 700, 900, 1300 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      check_chart ("es", widths[i], 0, 7.0);
      check_chart ("en", widths[i], 0, 7.0);
    }
}

/* A box lower than the chart needs gets all of the chart, smaller. */
static void
test_chart_small_box (void)
{
  g_autoptr(HwReadinessChart) chart = sample_chart ();
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;

  hw_readiness_chart_draw (chart, cr, 483, 150, 8.5);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_cmpfloat (y + h, <=, 150.5);
  g_assert_cmpfloat (x, >=, -0.5);
  g_assert_cmpfloat (x + w, <=, 483.5);
  cairo_surface_destroy (surface);
}

/* The chart inside the sample family's service plan: its last row above
 * its caption on one page, its names at their 8.5 points. The figure box
 * once shrank to fit the foot of a page while the chart kept its size, and
 * the last rows ran under the caption; aftercare rows added one by one
 * move the chart down the pages to find every such foot. */
static void
check_chart_in_plan (HwStore    *store,
                     gint64      case_id,
                     const char *language,
                     const char *recipient_text,
                     const char *paper,
                     guint       round)
{
  g_autoptr(HwLanguageSwitch) sw = hw_language_push (language);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) label = NULL;
  const char *caption_word = g_str_equal (language, "es") ? "marca" : "marker";
  const char *legend_word = g_str_equal (language, "es") ? "Revisión" : "Review";
  const HwChoice *domains;
  guint n_domains;
  HwRecipient recipient;
  HwTestWord *caption = NULL, *last = NULL;

  g_assert_true (hw_recipient_parse (recipient_text, &recipient, &error));
  g_assert_no_error (error);
  doc = hw_service_plan_build_document (store, case_id, &recipient, paper, &error);
  g_assert_no_error (error);
  path = write_pdf (doc, "service-plan.pdf");
  words = hw_test_pdf_words (path);

  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);
  label = g_strsplit (hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domains[n_domains - 1].id),
                      " ", -1);
  for (guint i = 0; i < words->len && caption == NULL; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);

      if (g_str_equal (w->text, caption_word))
        caption = w;
    }
  g_assert_nonnull (caption);
  /* the chart's last row: the lowest word that ends its name on the
   * caption's page (the table above may have it too) */
  for (guint i = 0; i < words->len; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);

      if (w->page == caption->page && g_str_equal (w->text, label[g_strv_length (label) - 1]) &&
          (last == NULL || w->y1 > last->y1))
        last = w;
    }
  /* ... and below the chart's legend ("Review 1: …"), which a cut chart's
   * hidden last row is not on the page to be */
  for (guint i = 0; i < words->len && last != NULL; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);

      if (w->page == caption->page && g_str_equal (w->text, legend_word) && w->y1 > last->y1)
        last = NULL;
    }
  if (last == NULL || last->y2 > caption->y1)
    g_error ("%s, %s, %s, round %u: the chart's last row is not above its caption on page %u",
             language, recipient_text, paper, round, caption->page);
  if (last->y2 - last->y1 < 8.5 * HW_TEST_BOX_PER_POINT * 0.98)
    g_error ("%s, %s, %s, round %u: the chart is drawn smaller (its names at %g points)",
             language, recipient_text, paper, round, (last->y2 - last->y1) / HW_TEST_BOX_PER_POINT);
  remove_pdf (path);
}

static void
test_chart_in_service_plan (void)
{
  char *dir = NULL;   /* freed by hw_test_store_free () */
  gint64 case_id;
  HwStore *store = hw_test_store_new_demo ("test-document-layout-XXXXXX", &dir, &case_id);
  /* a support person's copy is their part only: no readiness reviews */
  const char *recipients[] = { "agency", "family" };
  const char *languages[] = { "es", "en" };
  const HwChoice *components;
  guint n_components;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint r = 0; r < G_N_ELEMENTS (recipients); r++)
      {
        check_chart_in_plan (store, case_id, languages[l], recipients[r], "a4", 0);
        check_chart_in_plan (store, case_id, languages[l], recipients[r], "letter", 0);
      }

  components = hw_choices_get (HW_CHOICES_AFTERCARE_COMPONENT, &n_components);
  for (guint round = 1; round <= 24; round += hw_test_sweep_step (3))
    {
      g_autoptr(GError) error = NULL;

      hw_service_plan_add_aftercare (store, case_id, components[round % n_components].id,
                                     round % 2 ? "A short check-in."
                                               : "A longer support that takes two or three "
                                                 "lines of the table's widest column to say.",
                                     0, 0, "Monthly", "2027-01-02", "2028-01-02", &error);
      g_assert_no_error (error);
      check_chart_in_plan (store, case_id, "es", "agency", "a4", round);
    }
  hw_test_store_free (store, dir);
}

/* The visits month ------------------------------------------------------------ */

static void
test_visits_month_paper (void)
{
  g_autoptr(HwLanguageSwitch) sw = hw_language_push ("es");
  g_autoptr(GArray) visits = g_array_new (FALSE, TRUE, sizeof (HwVisit));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-document-layout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "month.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) words = NULL;
  /* the month as the visits document draws it: the text's width, 1.35:1 */
  double width = 483.3, height = width / 1.35;
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *days[] = { "2026-12-05T10:00:00", "2026-12-12T10:00:00" };
  g_autofree char *label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      HwVisit v = { 0 };

      g_strlcpy (v.occ.local_start, days[i], sizeof v.occ.local_start);
      g_strlcpy (v.occ.local_end, days[i], sizeof v.occ.local_end);
      v.level = (char *) "unsupervised";
      v.status = (char *) "scheduled";
      g_array_append_val (visits, v);
    }

  g_assert_no_error (error);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  hw_visits_draw_month (cr, width, height, 2026, 12, visits, NULL);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  text = hw_test_pdftotext (path);
  label = g_strdup (hw_visit_level_short_label ("unsupervised"));
  words = hw_test_pdf_words (path);
  {
    /* The entry whole: the PDF's text layer keeps the words an ellipsis
     * stands for, so the words' boxes are measured: cut to "Sin s…", the
     * box of the label's last word is only as wide as the ellipsis. */
    g_auto(GStrv) label_words = g_strsplit (label, " ", -1);
    const char *last = label_words[g_strv_length (label_words) - 1];
    double size = 13 * CLAMP (MIN (width / 1000.0, height / 720.0), 0.55, 3.0);
    g_autoptr(PangoLayout) layout = NULL;
    g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans");
    cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *scr = cairo_create (scratch);
    int natural;
    guint n = 0;

    pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
    layout = pango_cairo_create_layout (scr);
    pango_layout_set_font_description (layout, desc);
    pango_layout_set_text (layout, last, -1);
    pango_layout_get_size (layout, &natural, NULL);
    cairo_destroy (scr);
    cairo_surface_destroy (scratch);

    for (guint i = 0; i < words->len; i++)
      {
        HwTestWord *w = g_ptr_array_index (words, i);

        if (!g_str_equal (w->text, last))
          continue;
        n++;
        if (w->x2 - w->x1 < 0.8 * natural / PANGO_SCALE)
          g_error ("the visit is cut short: “%s” is %g wide, %g whole\n%s", last,
                   w->x2 - w->x1, (double) natural / PANGO_SCALE, text);
      }
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (days));
  }

  /* every word at least 7 points (the legend was 6.6) */
  for (guint i = 0; i < words->len; i++)
    {
      HwTestWord *w = g_ptr_array_index (words, i);

      if (w->y2 - w->y1 < 7.0 * HW_TEST_BOX_PER_POINT - 0.05)
        g_error ("“%s” in the month is smaller than 7 points (%g)", w->text,
                 (w->y2 - w->y1) / HW_TEST_BOX_PER_POINT);
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-layout/table/no-word-broken", test_no_word_broken);
  g_test_add_func ("/document-layout/table/word-wider-than-page", test_word_wider_than_page);
  g_test_add_func ("/document-layout/keep/heading-with-next", test_heading_kept_with_next);
  g_test_add_func ("/document-layout/keep/no-row-or-item-alone", test_no_row_or_item_alone);
  g_test_add_func ("/document-layout/keep/group-label-repeated", test_group_label_repeated);
  g_test_add_func ("/document-layout/keep/no-signature-alone", test_no_signature_alone);
  g_test_add_func ("/document-layout/footer/date-one-line", test_footer_date_one_line);
  g_test_add_func ("/document-layout/chart/paper", test_chart_paper);
  g_test_add_func ("/document-layout/chart/screen", test_chart_screen);
  g_test_add_func ("/document-layout/chart/small-box", test_chart_small_box);
  g_test_add_func ("/document-layout/chart/in-service-plan", test_chart_in_service_plan);
  g_test_add_func ("/document-layout/visits/month-paper", test_visits_month_paper);
  return g_test_run ();
}
