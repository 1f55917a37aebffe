/* test-meeting-summary.c: the written meeting summary as PDF, checked
 * with qpdf --check and pdftotext: every section present, what is withheld
 * from the family absent from the family's copy (text and metadata).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "hw-demo.h"
#include "hw-test-store.h"
#include "hw-meeting.h"
#include "hw-family-plan.h"
#include "hw-meeting-summary.h"
#include "hw-store.h"
#include "hw-test-pdf.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   earlier;
  gint64   recent;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = hw_test_store_new_demo ("homeward-summary-XXXXXX", &f->dir, &f->case_id);

  /* the sample meetings, unless the demo already has them */
  if (hw_store_query_int (f->store, 0, "SELECT count(*) FROM meetings WHERE case_id = ?",
                          G_TYPE_INT64, f->case_id, G_TYPE_INVALID) == 0)
    {
      g_assert_true (hw_store_begin_edit (f->store, "Add sample meetings", &error));
      g_assert_true (hw_meeting_add_demo (f->store, f->case_id, &error));
      g_assert_no_error (error);
      g_assert_true (hw_store_commit_edit (f->store, &error));
    }
  f->earlier = hw_store_query_int (f->store, 0, "SELECT id FROM meetings WHERE case_id = ? ORDER BY starts_at LIMIT 1",
                                   G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  f->recent = hw_store_query_int (f->store, 0, "SELECT id FROM meetings WHERE case_id = ? ORDER BY starts_at DESC LIMIT 1",
                                  G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_cmpint (f->earlier, !=, f->recent);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_finalize_object (f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static char *
export (Fixture    *f,
        const char *recipient,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  HwExportOptions opts;
  char *path = g_build_filename (f->dir, name, NULL);

  hw_export_options_init (&opts);
  opts.meeting_id = f->recent;
  opts.what = "meeting";
  opts.format = "pdf";
  opts.output = path;
  /* the words below are English; without it the summary is in the
   * language the meeting was held in (Spanish) */
  opts.language = "en";
  g_assert_true (hw_recipient_parse (recipient, &opts.recipient, &error));
  g_assert_true (hw_meeting_export (f->store, &opts, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  static const char * const expected[] = {
    "Who took part", "Elena Morales", "By phone or video",
    "Ground rules", "Why we are here", "What is working well",
    "What we are worried about", "Safety goals", "How safe, from 0 to 10", "Ideas",
    "Private family time", "Decisions", "everyone agreed", "Not everyone agreed",
    "The children’s advocate wants to wait one more month.",
    "Who does it", "By when", "Who checks", "Write down the Saturday night plan",
    "plan B", "Next meeting", "Last meeting", "Why this number",
    "Weekend visits have gone well", "Tom Becker", "Ana Castillo",
    NULL,
  };
  g_autofree char *pdf = export (f, "agency", "agency.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  hw_test_assert_valid_pdf (pdf, 0);
  text = hw_test_pdftotext (pdf);
  /* table cells and long lines wrap: compare with single spaces */
  {
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
  }
  for (guint i = 0; expected[i]; i++)
    if (strstr (flat, expected[i]) == NULL)
      g_error ("“%s” missing from the summary:\n%s", expected[i], text);

  /* the welcome with nothing noted gets no heading with nothing under it
   * (who took part is listed above) */
  g_assert_null (strstr (flat, "Welcome and roles"));

  /* the agency's copy has the agency-only note and the advocate */
  g_assert_nonnull (strstr (flat, "Agency only"));
  g_assert_nonnull (strstr (flat, "Alicia Brooks"));
  g_assert_nonnull (strstr (flat, "used her safety plan"));
}

static void
test_family_copy (Fixture       *f,
                  gconstpointer  data)
{
  const char *meta_argv[] = { "pdfinfo", NULL, NULL };
  g_autofree char *pdf = export (f, "family", "family.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *raw = NULL;
  gsize len;
  int status;

  hw_test_assert_valid_pdf (pdf, 0);
  text = hw_test_pdftotext (pdf);
  g_assert_null (strstr (text, "Agency only"));
  g_assert_null (strstr (text, "Marco called"));
  /* the confidential advocate: neither her name nor her reason */
  g_assert_null (strstr (text, "Alicia"));
  g_assert_null (strstr (text, "Brooks"));
  g_assert_null (strstr (text, "used her safety plan"));
  /* nor a row of scores that says someone unnamed took part */
  g_assert_null (strstr (text, "Another participant"));
  g_assert_nonnull (strstr (text, "Elena Morales"));

  meta_argv[1] = pdf;
  info = hw_test_run (meta_argv, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (info, "Alicia"));
  g_assert_null (strstr (info, "Agency only"));

  /* and not hidden in the file either (uncompressed streams are not used
   * for text, so look at the raw bytes for the plain words) */
  g_assert_true (g_file_get_contents (pdf, &raw, &len, NULL));
  g_assert_null (g_strstr_len (raw, len, "Alicia"));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "never.pdf", NULL);
  HwExportOptions opts;

  hw_export_options_init (&opts);
  opts.output = path;
  opts.meeting_id = 9999;
  g_assert_false (hw_meeting_export (f->store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  opts.meeting_id = f->recent;
  opts.format = "docx";
  g_assert_false (hw_meeting_export (f->store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  opts.format = "pdf";
  opts.paper = "napkin";
  g_assert_false (hw_meeting_export (f->store, &opts, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  opts.paper = "letter";
  opts.case_id = 9999;
  g_assert_false (hw_meeting_export (f->store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_render_pages (Fixture       *f,
                   gconstpointer  data)
{
  static const HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *all = NULL;
  const char *root = g_getenv ("HOMEWARD_BUILD_ROOT");

  doc = hw_meeting_summary_build (f->store, f->recent, &family, "letter", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_document_get_n_pages (doc), >=, 2);
  all = hw_document_get_text (doc);
  g_assert_null (strstr (all, "Agency only"));
  /* pictures of the pages, to look at */
  for (guint i = 0; root != NULL && i < hw_document_get_n_pages (doc) && i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("meeting-summary-%u.png", i + 1);
      g_autofree char *path = g_build_filename (root, name, NULL);

      g_assert_true (hw_document_export_png (doc, i, 1.0, path, &error));
      g_assert_no_error (error);
    }
}

/* The family's own plan is in a printed summary only once the family has
 * shared it with the team. */
static void
test_family_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 mother = hw_demo_find_person (f->store, f->case_id, "mother");
  const char *recipients[] = { "agency", "family", "screen", NULL };

  g_assert_true (hw_meeting_set_phase (f->store, f->recent, "family-time", &error));
  g_assert_true (hw_family_plan_save (f->store, f->recent, mother, "Our secret Saturday arrangement", &error));
  g_assert_no_error (error);
  for (guint i = 0; recipients[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("private-%u.pdf", i);
      g_autofree char *pdf = export (f, recipients[i], name);
      g_autofree char *text = hw_test_pdftotext (pdf);

      g_assert_null (strstr (text, "Saturday arrangement"));
    }
  g_assert_true (hw_family_plan_share (f->store, f->recent, mother, &error));
  g_assert_no_error (error);
  {
    g_autofree char *pdf = export (f, "agency", "shared.pdf");
    g_autofree char *text = hw_test_pdftotext (pdf);

    g_assert_nonnull (strstr (text, "The family’s plan"));
    g_assert_nonnull (strstr (text, "Saturday arrangement"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/meeting-summary/sections", test_sections);
  ADD ("/meeting-summary/family-copy", test_family_copy);
  ADD ("/meeting-summary/refusals", test_refusals);
  ADD ("/meeting-summary/family-plan", test_family_plan);
  ADD ("/meeting-summary/pages", test_render_pages);
#undef ADD

  return g_test_run ();
}
