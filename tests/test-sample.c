/* test-sample.c: the made-up sample family (cases.sample = 1) says so on
 * every page of every document made for it, in the document's language,
 * and a real family's documents never do.
 *
 * The real family is the same sample made a second time with its mark
 * taken away (cases.sample = 0), so the two families' documents differ in
 * nothing but the mark. Each document goes through the real export path
 * (`homeward export`), for the family and for the agency, in English and
 * in Spanish, and each page is read on its own with pdftotext -f N -l N.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <cairo.h>

#include "hw-demo.h"
#include "hw-document.h"
#include "hw-ecomap.h"
#include "hw-export.h"
#include "hw-interchange.h"
#include "hw-language.h"
#include "hw-meeting.h"
#include "hw-plan.h"
#include "hw-plan-document.h"
#include "hw-service-plan.h"
#include "hw-store.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"
#include "hw-test-valgrind.h"
#include "hw-visits.h"

#define MARK_EN "Sample — not a real family"
#define MARK_ES "Ejemplo — no es una familia real"

typedef struct {
  HwStore *store;
  char    *dir;
  gint64   sample_id;
  gint64   real_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) kase = NULL;

  f->store = hw_test_store_new_demo ("homeward-test-sample-XXXXXX", &f->dir, &f->sample_id);
  f->real_id = hw_demo_create (f->store, &error);
  g_assert_no_error (error);
  kase = hw_store_get (f->store, "cases", f->real_id, &error);
  g_assert_no_error (error);
  hw_record_set_boolean (kase, "sample", FALSE);
  g_assert_true (hw_store_update (f->store, "not a sample", kase, &error));
  g_assert_no_error (error);

  /* an agreed version of each plan, printed as well as the draft */
  for (guint c = 0; c < 2; c++)
    for (HwPlanKind kind = HW_PLAN_SAFETY; kind <= HW_PLAN_REUNIFICATION; kind++)
      {
        gint64 plan_id = hw_plan_find (f->store, c == 0 ? f->sample_id : f->real_id, kind);
        HwPlanSignatory signatory = { hw_demo_find_person (f->store, c == 0 ? f->sample_id : f->real_id, "mother"),
                                      NULL, NULL };

        g_assert_cmpint (hw_plan_freeze (f->store, plan_id, "2026-11-24", &signatory, 1, &error), ==, 1);
        g_assert_no_error (error);
      }

  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT sample FROM cases WHERE id = ?",
                                       G_TYPE_INT64, f->sample_id, G_TYPE_INVALID), ==, 1);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT sample FROM cases WHERE id = ?",
                                       G_TYPE_INT64, f->real_id, G_TYPE_INVALID), ==, 0);
  /* the Spanish checks need the build's catalog (HOMEWARD_LOCALEDIR) */
  g_assert_true (hw_language_has_catalog ("es"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hw_test_store_free (f->store, f->dir);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static guint
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  int status;
  g_autofree char *info = hw_test_run (argv, &status);
  const char *line;

  g_assert_cmpint (status, ==, 0);
  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, pdf, "-", NULL };
  int status;
  char *text = hw_test_run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return text;
}

/* Every page of @pdf carries the mark in @language (and not the other
 * language's), or, for a real family, no page carries either. */
static void
assert_pages (const char *pdf,
              const char *what,
              const char *language,
              gboolean    sample)
{
  guint n = pdf_pages (pdf);

  g_assert_cmpuint (n, >=, 1);
  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *text = page_text (pdf, page);
      gboolean en = strstr (text, MARK_EN) != NULL;
      gboolean es = strstr (text, MARK_ES) != NULL;

      if (sample && !(g_str_equal (language, "es") ? es && !en : en && !es))
        g_error ("%s (%s), page %u of %u: the sample mark is missing:\n%s", what, language, page, n, text);
      if (!sample && (en || es))
        g_error ("%s (%s), page %u of %u: a real family's page says it is a sample:\n%s",
                 what, language, page, n, text);
    }
  g_test_message ("%s (%s): %u pages %s", what, language, n, sample ? "marked" : "unmarked");
}

typedef gboolean (*ExportFunc) (HwStore *store, const HwExportOptions *opts, GError **error);

static void
export_and_check (Fixture          *f,
                  ExportFunc        func,
                  HwExportOptions  *opts,
                  const char       *language,
                  gboolean          sample)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ".pdf",
                                           opts->what, hw_recipient_kind_to_string (opts->recipient.kind),
                                           language, sample ? "sample" : "real", opts->meeting_id,
                                           opts->version);
  g_autofree char *path = out_path (f, name);

  opts->output = path;
  opts->language = language;
  opts->format = "pdf";
  {
    /* every export switches to opts->language itself; the meeting
     * summary's screen language is switched too, as the window's Print
     * makes it in the screen's language */
    g_autoptr(HwLanguageSwitch) sw = func == hw_meeting_export ? hw_language_push (language) : NULL;

    g_assert_true (func (f->store, opts, &error));
  }
  g_assert_no_error (error);
  assert_pages (path, name, language, sample);
  opts->output = NULL;
}

static const HwRecipientKind recipients[] = { HW_RECIPIENT_FAMILY, HW_RECIPIENT_AGENCY };
static const char * const languages[] = { "en", "es" };

static void
test_every_page (Fixture       *f,
                 gconstpointer  data)
{
  const struct { const char *what; ExportFunc func; } documents[] = {
    { "service-plan", hw_service_plan_export },
    { "visits", hw_visits_export },
    { "ecomap", hw_ecomap_export },
  };

  for (guint s = 0; s < 2; s++)
    {
      gboolean sample = s == 0;
      gint64 case_id = sample ? f->sample_id : f->real_id;
      g_autoptr(GPtrArray) meetings = NULL;
      g_autoptr(GError) error = NULL;

      meetings = hw_store_select (f->store, "meetings", &error,
                                  "SELECT id FROM meetings WHERE case_id = ? ORDER BY id",
                                  G_TYPE_INT64, case_id, G_TYPE_INVALID);
      g_assert_no_error (error);
      g_assert_cmpuint (meetings->len, >, 0);

      for (guint r = 0; r < G_N_ELEMENTS (recipients); r++)
        for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
          {
            HwExportOptions opts;

            /* under valgrind half of them: each recipient and each
             * language still, with and without the mark */
            if (hw_test_under_valgrind () && (s + r + l) % 2 != 0)
              continue;

            /* the plans: the draft and every agreed version */
            for (HwPlanKind kind = HW_PLAN_SAFETY; kind <= HW_PLAN_REUNIFICATION; kind++)
              {
                gint64 plan_id = hw_plan_find (f->store, case_id, kind);
                gint64 latest = hw_plan_get_latest_version (f->store, plan_id);

                g_assert_cmpint (plan_id, >, 0);
                g_assert_cmpint (latest, ==, 1);
                for (gint64 version = 0; version <= latest; version++)
                  {
                    hw_export_options_init (&opts);
                    opts.case_id = case_id;
                    opts.what = hw_plan_kind_to_string (kind);
                    opts.recipient.kind = recipients[r];
                    opts.version = version;
                    export_and_check (f, hw_plan_export, &opts, languages[l], sample);
                  }
              }

            for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
              {
                hw_export_options_init (&opts);
                opts.case_id = case_id;
                opts.what = documents[d].what;
                opts.recipient.kind = recipients[r];
                export_and_check (f, documents[d].func, &opts, languages[l], sample);
              }

            for (guint m = 0; m < meetings->len; m++)
              {
                hw_export_options_init (&opts);
                opts.case_id = case_id;
                opts.what = "meeting";
                opts.meeting_id = hw_record_get_id (g_ptr_array_index (meetings, m));
                opts.recipient.kind = recipients[r];
                export_and_check (f, hw_meeting_export, &opts, languages[l], sample);
              }
          }
    }
}

/* A plan version agreed before snapshots recorded the mark (schema 1) is
 * printed with the mark the family has now. */
static void
test_old_version (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 plan_id = hw_plan_find (f->store, f->sample_id, HW_PLAN_SAFETY);
  gint64 latest = hw_plan_get_latest_version (f->store, plan_id);
  g_autofree char *path = out_path (f, "old-version.pdf");
  HwExportOptions opts;

  g_assert_cmpint (latest, >, 0);
  g_assert_true (hw_store_begin_edit (f->store, "forget the mark", &error));
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE plan_versions SET snapshot = json_remove (snapshot, '$.case.sample') "
                                            "WHERE plan_id = %" G_GINT64_FORMAT, plan_id);

    g_assert_true (hw_store_exec (f->store, sql, &error));
  }
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_cmpint (hw_store_query_int (f->store, -1,
                                       "SELECT count(*) FROM plan_versions WHERE plan_id = ? "
                                       "AND json_extract (snapshot, '$.case.sample') IS NOT NULL",
                                       G_TYPE_INT64, plan_id, G_TYPE_INVALID), ==, 0);

  hw_export_options_init (&opts);
  opts.case_id = f->sample_id;
  opts.what = "safety-plan";
  opts.version = latest;
  opts.language = "en";
  opts.output = path;
  g_assert_true (hw_plan_export (f->store, &opts, &error));
  g_assert_no_error (error);
  assert_pages (path, "old version", "en", TRUE);
  /* and the draft still counts as agreed if nothing else changed */
  g_assert_false (hw_plan_draft_changed (f->store, plan_id));
}

/* The ecomap as PNG and SVG: the same page drawing as the PDF checked
 * above; here, that the mark's box is really drawn in those formats. */
static gboolean
has_ink (cairo_surface_t *image,
         double           x0,
         double           x1,
         double           y)
{
  unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint non_white = 0;

  cairo_surface_flush (image);
  for (int x = (int) x0; x < (int) x1; x++)
    {
      guint32 pixel = *(guint32 *) (data + (int) y * stride + 4 * x);

      if ((pixel & 0xffffff) != 0xffffff)
        non_white++;
    }
  return non_white > (x1 - x0) / 2;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_ecomap_images (Fixture       *f,
                    gconstpointer  data)
{
  char *svg_text[2] = { NULL, NULL };

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *png = out_path (f, s == 0 ? "sample.png" : "real.png");
      g_autofree char *svg = out_path (f, s == 0 ? "sample.svg" : "real.svg");
      cairo_surface_t *image;
      HwExportOptions opts;
      double scale = 150.0 / 72.0;
      double w;

      hw_export_options_init (&opts);
      opts.case_id = s == 0 ? f->sample_id : f->real_id;
      opts.what = "ecomap";
      opts.language = "en";
      opts.format = "png";
      opts.output = png;
      g_assert_true (hw_ecomap_export (f->store, &opts, &error));
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      w = cairo_image_surface_get_width (image);
      /* a grey box at the top right, in the page's 36 pt margin; the title
       * is on the left, so a real family's page is white there */
      g_assert_true (has_ink (image, w - (36 + 40) * scale, w - (36 + 4) * scale, (36 + 3) * scale) == (s == 0));
      cairo_surface_destroy (image);

      opts.format = "svg";
      opts.output = svg;
      g_assert_true (hw_ecomap_export (f->store, &opts, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg, &svg_text[s], NULL, &error));
      g_assert_no_error (error);
    }
  /* cairo writes text as glyph outlines: the sample's page draws the
   * mark's glyphs (one use per letter, spaces excepted) on top of the
   * same map */
  g_assert_cmpuint (count (svg_text[0], "xlink:href=\"#glyph"), >=,
                    count (svg_text[1], "xlink:href=\"#glyph") + strlen ("Sample—notarealfamily") - 2);
  g_free (svg_text[0]);
  g_free (svg_text[1]);
}

/* The interchange file carries the mark both ways. */
static void
test_interchange (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(HwStore) other = NULL;

  other = hw_test_store_new_demo ("homeward-test-sample-other-XXXXXX", &other_dir, NULL);
  for (guint s = 0; s < 2; s++)
    {
      gint64 case_id = s == 0 ? f->sample_id : f->real_id;
      g_autofree char *json = hw_interchange_export_text (f->store, case_id, &error);
      gint64 imported;

      g_assert_no_error (error);
      g_assert_nonnull (strstr (json, s == 0 ? "\"sample\" : 1" : "\"sample\" : 0"));
      imported = hw_interchange_import_data (other, json, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (imported, >, 0);
      g_assert_cmpint (hw_store_query_int (other, -1, "SELECT sample FROM cases WHERE id = ?",
                                           G_TYPE_INT64, imported, G_TYPE_INVALID), ==, s == 0 ? 1 : 0);
    }
  hw_test_store_free (g_steal_pointer (&other), g_steal_pointer (&other_dir));
}

/* The document itself: the mark goes on every page, header or not. */
static void
test_document (void)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autofree char *dir = g_dir_make_tmp ("homeward-test-sample-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (hw_document_get_sample (doc));
  hw_document_set_sample (doc, TRUE);
  g_assert_true (hw_document_get_sample (doc));
  for (guint i = 0; i < 3; i++)
    {
      hw_document_add_heading (doc, 1, "A page");
      hw_document_add_page_break (doc);
    }
  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  assert_pages (path, "a document without a case name", "en", TRUE);

  hw_document_set_sample (doc, FALSE);
  g_assert_true (hw_document_export_pdf (doc, path, &error));
  g_assert_no_error (error);
  assert_pages (path, "the same, not a sample", "en", FALSE);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sample/every-page", test_every_page);
  ADD ("/sample/old-plan-version", test_old_version);
  ADD ("/sample/ecomap-png-svg", test_ecomap_images);
  ADD ("/sample/interchange", test_interchange);
#undef ADD
  g_test_add_func ("/sample/document", test_document);

  return g_test_run ();
}
