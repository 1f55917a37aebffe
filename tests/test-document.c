/* test-document.c: the paged document renderer, checked with qpdf,
 * pdffonts, pdfinfo and pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>

#include <pango/pangocairo.h>

#include "hw-document.h"
#include "hw-test-pdf.h"

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static void
draw_box_cb (cairo_t *cr,
             double   w,
             double   h,
             gpointer user_data)
{
  int *calls = user_data;

  (*calls)++;
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_set_line_width (cr, 2);
  cairo_rectangle (cr, 1, 1, w - 2, h - 2);
  cairo_stroke (cr);
  cairo_arc (cr, w / 2, h / 2, MIN (w, h) / 4, 0, 2 * G_PI);
  cairo_fill (cr);
}

static HwDocument *
sample_document (int *figure_calls)
{
  HwDocument *doc = hw_document_new ();
  const char *headers[] = { "Rule", "Who makes sure", "How often" };
  const double widths[] = { 3, 2, 1 };

  hw_document_set_case (doc, "Rivera family", "2026-0042");
  hw_document_set_confidentiality (doc, "Confidential: for the people named in this plan");
  hw_document_set_recipient_line (doc, "Copy for the family");
  hw_document_set_date_line (doc, "24 November 2026");
  hw_document_set_metadata (doc, "Safety plan", "Homeward test", "Safety plan of the Rivera family", "2026-11-24");

  hw_document_add_heading (doc, 1, "Safety plan");
  hw_document_add_paragraph (doc, "Markup must stay text: <b>not bold</b> & 5 < 6.");
  hw_document_add_labelled (doc, "Review date", "1 March 2027");
  hw_document_add_bullet (doc, "A bullet that is long enough to wrap onto a second line of the page, "
                               "so that the hanging indent can be seen in the rendered page.");
  hw_document_add_checkbox (doc, TRUE, "Ticked box");
  hw_document_add_checkbox (doc, FALSE, "Empty box");
  hw_document_add_note (doc, "A small note.");
  hw_document_add_heading (doc, 2, "Rules");
  hw_document_add_table (doc, 3, headers, widths);
  for (int i = 0; i < 120; i++)
    {
      g_autofree char *rule = g_strdup_printf ("Rule number %d: the children are never left alone with an adult "
                                               "who has been drinking.", i + 1);
      const char *row[] = { rule, "Grandmother Ana", "Every day" };

      hw_document_add_table_row (doc, row);
    }
  hw_document_add_heading (doc, 2, "Ecomap");
  hw_document_add_figure (doc, 1.5, draw_box_cb, figure_calls, NULL, "The family's support network");
  hw_document_add_heading (doc, 2, "Other scripts");
  hw_document_add_paragraph (doc, "العربية: خطة الحماية");
  hw_document_add_paragraph (doc, "中文：家庭安全计划");
  hw_document_add_page_break (doc);
  hw_document_add_heading (doc, 2, "Signatures");
  hw_document_add_signature (doc, "Maria Rivera", "Mother");
  hw_document_add_signature (doc, "Ana Rivera", "Grandmother");
  return doc;
}

static gboolean
script_has_font (const char *text)
{
  PangoContext *ctx = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoLayout) layout = pango_layout_new (ctx);

  g_object_unref (ctx);
  pango_layout_set_text (layout, text, -1);
  return pango_layout_get_unknown_glyphs_count (layout) == 0;
}

static void
test_pdf_valid (void)
{
  int calls = 0;
  g_autoptr(HwDocument) doc = sample_document (&calls);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("sample.pdf");
  g_autofree char *text = NULL;
  const char *info[] = { "pdfinfo", path, NULL };
  g_autofree char *i = NULL;
  guint n_pages;
  GStatBuf st;

  n_pages = hw_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >=, 4);
  /* pagination is computed once: asking again gives the same answer */
  g_assert_cmpuint (hw_document_get_n_pages (doc), ==, n_pages);

  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (calls, ==, 1);

  hw_test_assert_valid_pdf (path, n_pages);

  i = hw_test_run (info, NULL);
  g_assert_true (g_regex_match_simple ("^Title: +Safety plan$", i, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Author: +Homeward test$", i, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Subject: +Safety plan of the Rivera family$", i, G_REGEX_MULTILINE, 0));

  text = hw_test_pdftotext (path);
  g_assert_nonnull (strstr (text, "Markup must stay text: <b>not bold</b> & 5 < 6."));
  g_assert_nonnull (strstr (text, "Review date: 1 March 2027"));
  g_assert_nonnull (strstr (text, "Rule number 120:"));
  g_assert_nonnull (strstr (text, "Rivera family"));
  g_assert_nonnull (strstr (text, "2026-0042"));
  g_assert_nonnull (strstr (text, "Confidential: for the people named in this plan"));
  g_assert_nonnull (strstr (text, "Copy for the family"));
  g_assert_nonnull (strstr (text, "The family's support network"));
  g_assert_nonnull (strstr (text, "☒"));
  g_assert_nonnull (strstr (text, "☐"));
  g_assert_nonnull (strstr (text, "Maria Rivera"));
  g_assert_nonnull (strstr (text, "Did not sign"));
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (text, "Page 1 of "));
    g_assert_nonnull (strstr (text, last));
  }
  /* every line of text appears once: continued paragraphs and tables are
   * not drawn twice under a clip */
  g_assert_cmpuint (hw_test_count (text, "Rule number 57:"), ==, 1);

  /* Arabic is covered by DejaVu Sans; Chinese needs a CJK font
   * (Debian: fonts-wqy-microhei or fonts-noto-cjk). */
  g_assert_nonnull (strstr (text, "خطة"));
  g_assert_nonnull (strstr (text, "الحماية"));
  if (script_has_font ("中文"))
    g_assert_nonnull (strstr (text, "家庭安全计划"));
  else
    g_test_message ("no CJK font installed: Chinese text not checked");
}

static void
test_table_repeats_header (void)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("table.pdf");
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *headers[] = { "HeaderOne", "HeaderTwo" };

  hw_document_add_heading (doc, 1, "A long table");
  hw_document_add_table (doc, 2, headers, NULL);
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *a = g_strdup_printf ("row%03d", i);
      const char *row[] = { a, "a cell" };

      hw_document_add_table_row (doc, row);
    }
  g_assert_cmpuint (hw_document_get_n_pages (doc), ==, 3);
  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  hw_test_assert_valid_pdf (path, 3);

  text = hw_test_pdftotext (path);
  /* pdftotext ends each page with a form feed */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 3);
  for (guint p = 0; p < 3; p++)
    {
      g_assert_cmpuint (hw_test_count (pages[p], "HeaderOne"), ==, 1);
      g_assert_cmpuint (hw_test_count (pages[p], "HeaderTwo"), ==, 1);
    }
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *a = g_strdup_printf ("row%03d", i);

      g_assert_cmpuint (hw_test_count (text, a), ==, 1);
    }
}

static void
test_long_paragraph_splits (void)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("long.pdf");
  g_autofree char *text = NULL;

  for (int i = 0; i < 600; i++)
    g_string_append_printf (s, "word%03d ", i);
  hw_document_add_paragraph (doc, s->str);
  hw_document_set_paper (doc, HW_PAPER_LETTER);
  g_assert_cmpuint (hw_document_get_n_pages (doc), >=, 2);
  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  hw_test_assert_valid_pdf (path, hw_document_get_n_pages (doc));
  text = hw_test_pdftotext (path);
  for (int i = 0; i < 600; i++)
    {
      g_autofree char *w = g_strdup_printf ("word%03d", i);

      g_assert_cmpuint (hw_test_count (text, w), ==, 1);
    }
  {
    const char *info[] = { "pdfinfo", path, NULL };
    g_autofree char *i = hw_test_run (info, NULL);

    /* 612 x 792 pts (letter) */
    g_assert_nonnull (strstr (i, "612 x 792 pts"));
  }
}

static void
test_bad_input (void)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_false (hw_document_set_paper_name (doc, "a5", &error));
  g_assert_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hw_document_set_margins (doc, 400, 10, 400, 10, &error));
  g_assert_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* an empty document still has one page (header and footer) */
  g_assert_cmpuint (hw_document_get_n_pages (doc), ==, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cr = cairo_create (surface);
  g_assert_false (hw_document_draw_page (doc, cr, 5, &error));
  g_assert_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_null (hw_document_render_page (doc, 0, 0, &error));
  g_assert_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  /* a folder that does not exist: an error, no file */
  path = g_build_filename (tmpdir, "no-such-folder", "x.pdf", NULL);
  g_assert_false (hw_document_export_pdf (doc, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_png (void)
{
  int calls = 0;
  g_autoptr(HwDocument) doc = sample_document (&calls);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path ("page1.png");
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (hw_document_export_png (doc, 0, 1.0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8);
  g_assert_cmpint (memcmp (contents, "\x89PNG\r\n\x1a\n", 8), ==, 0);

  if (g_getenv ("HW_TEST_KEEP") != NULL)
    {
      /* for looking at the pages: HW_TEST_KEEP=dir */
      g_autofree char *pdf = g_build_filename (g_getenv ("HW_TEST_KEEP"), "sample.pdf", NULL);

      g_assert_true (hw_document_export_pdf (doc, pdf, &error));
    }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("hw-test-document-XXXXXX", NULL);

  g_test_add_func ("/document/pdf-valid", test_pdf_valid);
  g_test_add_func ("/document/table-repeats-header", test_table_repeats_header);
  g_test_add_func ("/document/long-paragraph", test_long_paragraph_splits);
  g_test_add_func ("/document/bad-input", test_bad_input);
  g_test_add_func ("/document/png", test_png);

  ret = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };
    g_free (hw_test_run (rm, NULL));
  }
  return ret;
}
