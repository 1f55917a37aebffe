/* test-visits-document.c: the family-time plan and monthly report as PDF:
 * checked by qpdf, its text layer read with pdftotext (levels written
 * out; what is withheld from a recipient absent), pages kept as PNG to
 * be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-test-store.h"
#include "hw-store.h"
#include "hw-visits.h"
#include "hw-visits-document.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  HwVisitPlan plan = { 0 };
  gint64 lucia, elena, karen;

  f->store = hw_test_store_new_demo ("homeward-visits-doc-XXXXXX", &f->dir, &f->case_id);

  /* Lucía's visits at the foster home, whose address the family may not
   * see, driven by the foster mother */
  lucia = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE name LIKE 'Luc%a Morales'", G_TYPE_INVALID);
  elena = hw_demo_find_person (f->store, f->case_id, "mother");
  karen = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE name = 'Karen Whitfield'", G_TYPE_INVALID);
  g_assert_cmpint (lucia, >, 0);
  plan.case_id = f->case_id;
  plan.title = "Lucía and her mother";
  plan.place = "9 Juniper Lane, Oakdale";
  plan.dtstart = "2026-03-04T17:00";
  plan.tzid = "America/New_York";
  plan.duration_minutes = 90;
  plan.rrule = "FREQ=WEEKLY;COUNT=6";
  plan.level = "therapeutic";
  plan.transport_person_id = karen;
  plan.supervisor = "Dr. Nia Thompson";
  plan.visitors = &elena;
  plan.n_visitors = 1;
  plan.children = &lucia;
  plan.n_children = 1;
  g_assert_cmpint (hw_visits_create_series (f->store, &plan, &error), >, 0);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static char *
run (const char *const *argv, int *status)
{
  char *out = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, status, &error))
    return NULL;
  return out;
}

static char *
export_pdf_for (Fixture *f, HwRecipientKind kind, gint64 person_id, const char *name);
static char *flatten (const char *text);
static char *
export_pdf_in (Fixture *f, HwRecipientKind kind, gint64 person_id, const char *language,
               const char *name);

static char *
export_pdf (Fixture *f, HwRecipientKind kind, const char *name)
{
  return export_pdf_for (f, kind, 0, name);
}

static char *
export_pdf_for (Fixture *f, HwRecipientKind kind, gint64 person_id, const char *name)
{
  return export_pdf_in (f, kind, person_id, "en", name);
}

static char *
export_pdf_in (Fixture *f, HwRecipientKind kind, gint64 person_id, const char *language,
               const char *name)
{
  g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
  HwExportOptions opts;
  g_autoptr(GError) error = NULL;
  const char *qpdf[] = { "qpdf", "--check", pdf, NULL };
  const char *text[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autofree char *check = NULL;
  int status = 0;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = "visits";
  opts.format = "pdf";
  opts.output = pdf;
  opts.language = language;
  opts.recipient.kind = kind;
  opts.recipient.person_id = person_id;
  g_assert_true (hw_visits_export (f->store, &opts, &error));
  g_assert_no_error (error);

  check = run (qpdf, &status);
  if (check == NULL)
    {
      g_test_skip ("qpdf not found");
      return NULL;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return run (text, &status);
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *agency = export_pdf (f, HW_RECIPIENT_AGENCY, "agency.pdf");
  g_autofree char *family = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "agency.pdf", NULL);
  /* pictures to look at only when asked for: never into the source tree */
  const char *shots = g_getenv ("HOMEWARD_SCREENSHOT_DIR");
  g_autofree char *prefix = shots ? g_build_filename (shots, "visits-document", NULL) : NULL;
  const char *png[] = { "pdftoppm", "-png", "-r", "50", pdf, prefix, NULL };
  int status;

  if (agency == NULL)
    return;
  family = export_pdf (f, HW_RECIPIENT_FAMILY, "family.pdf");

  g_assert_nonnull (strstr (agency, "Family time plan"));
  g_assert_nonnull (strstr (agency, "Supervised"));
  g_assert_nonnull (strstr (agency, "Monitored"));
  g_assert_nonnull (strstr (agency, "Unsupervised"));
  g_assert_nonnull (strstr (agency, "Every week"));
  g_assert_nonnull (strstr (agency, "Juniper Lane"));
  g_assert_nonnull (strstr (agency, "Karen Whitfield"));
  g_assert_nonnull (strstr (agency, "Planned"));

  /* the family's copy: the foster home's address is absent */
  g_assert_null (strstr (family, "Juniper Lane"));
  g_assert_nonnull (strstr (family, "Lucía and her mother"));
  /* the agency's working notes are absent too */
  g_assert_null (strstr (family, "Supervisor writes notes"));
  g_assert_nonnull (strstr (agency, "Supervisor writes notes"));
  /* the father alleged to have harmed is in no visit */
  g_assert_null (strstr (agency, "Marco Reyes"));

  if (prefix != NULL)
    {
      g_mkdir_with_parents (shots, 0755);
      g_free (run (png, &status));
    }
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };

  g_assert_null (hw_visits_build_document (f->store, f->case_id, &agency, 0, 2026, 13, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (hw_visits_build_document (f->store, f->case_id, &agency, 0, 0, 0, "a3", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (hw_visits_build_document (f->store, 9999, &agency, 0, 0, 0, NULL, &error));
  g_assert_nonnull (error);
}

/* The level history as text with the reason of each step (the sample
 * family's step up to unsupervised visits): the court's and the family's
 * copies give it; a support person's copy, about their own visits, has
 * the steps without the reasons. */
static void
test_level_history (Fixture *f, gconstpointer data)
{
  g_autofree char *agency = export_pdf (f, HW_RECIPIENT_AGENCY, "agency.pdf");
  g_autofree char *family = NULL;
  g_autofree char *support = NULL;
  gint64 karen = hw_store_query_int (
      f->store, 0, "SELECT id FROM people WHERE name = 'Karen Whitfield'", G_TYPE_INVALID);

  if (agency == NULL)
    return;
  family = export_pdf (f, HW_RECIPIENT_FAMILY, "family.pdf");
  support = export_pdf_for (f, HW_RECIPIENT_SUPPORT, karen, "support.pdf");
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? agency : family;

      g_assert_nonnull (strstr (text, "Level history"));
      g_assert_nonnull (strstr (text, "Twelve monitored"));
      g_assert_nonnull (strstr (text, "Why it changed"));
    }
  g_assert_nonnull (strstr (support, "Level history"));
  g_assert_null (strstr (support, "Twelve monitored"));
  g_assert_null (strstr (support, "Why it changed"));
}

/* A plan that was ended says when and why, in its entry and in the level
 * history: the family's and the court's copies; a support person's copy
 * has no reasons. */
static void
test_end_reason (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *family = NULL;
  g_autofree char *support = NULL;
  g_autofree char *last = NULL;
  gint64 karen = hw_store_query_int (
      f->store, 0, "SELECT id FROM people WHERE name = 'Karen Whitfield'", G_TYPE_INVALID);
  /* the sample family's latest plan, which has visits behind it */
  gint64 series = hw_store_query_int (
      f->store, 0, "SELECT id FROM visit_series WHERE case_id = ?"
      " AND title <> 'Lucía and her mother' ORDER BY dtstart DESC, id DESC LIMIT 1",
      G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_time_t (&d, time (NULL));
  g_date_add_days (&d, 14);
  last = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
  g_assert_true (hw_visits_end_plan (f->store, series, last,
                                     "The court paused visits until the review hearing.", &error));
  g_assert_no_error (error);

  agency = export_pdf (f, HW_RECIPIENT_AGENCY, "agency.pdf");
  if (agency == NULL)
    return;
  family = export_pdf (f, HW_RECIPIENT_FAMILY, "family.pdf");
  support = export_pdf_for (f, HW_RECIPIENT_SUPPORT, karen, "support.pdf");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = flatten (i == 0 ? agency : family);

      g_assert_nonnull (strstr (text, "Why it ended"));
      g_assert_nonnull (strstr (text, "Last day of visits"));
      g_assert_nonnull (strstr (text, "Ended: "));
      g_assert_nonnull (strstr (text, "The court paused visits until the review hearing."));
    }
  {
    g_autofree char *text = flatten (support);

    g_assert_null (strstr (text, "The court paused visits"));
    g_assert_null (strstr (text, "Why it ended"));
  }
}

/* pdftotext's text as one line: lines joined, non-breaking and repeated
 * spaces made one space */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("(\\s|\u00a0)+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

/* The words of the plan read right in each language: whole sentences for
 * the rules (no "Cada semana el sábado" built word by word), a single
 * visit "on" its day, lengths of time in words, the language's decimal
 * mark, dates in words, one word for the driver and for the caregiver,
 * plural headings for counts. */
static void
test_wording (Fixture *f, gconstpointer data)
{
  const char *kinds[] = { "agency", "family", "support" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      HwRecipientKind kind = k == 0 ? HW_RECIPIENT_AGENCY
                             : k == 1 ? HW_RECIPIENT_FAMILY : HW_RECIPIENT_SUPPORT;
      gint64 person = k == 2 ? hw_demo_find_person (f->store, f->case_id, "mother") : 0;
      g_autofree char *es_name = g_strdup_printf ("es-%s.pdf", kinds[k]);
      g_autofree char *en_name = g_strdup_printf ("en-%s.pdf", kinds[k]);
      g_autofree char *es_raw = export_pdf_in (f, kind, person, "es", es_name);
      g_autofree char *en_raw = NULL;
      g_autofree char *es = NULL;
      g_autofree char *en = NULL;

      if (es_raw == NULL)
        return;
      en_raw = export_pdf_in (f, kind, person, "en", en_name);
      es = flatten (es_raw);
      en = flatten (en_raw);

      /* the sample family's plans, then Lucía's (90 minutes, from a Wednesday) */
      g_assert_nonnull (strstr (es, "Todos los sábados, desde el sábado 24 de octubre de 2026 "
                                    "a las 10:00, durante 4 horas"));
      g_assert_nonnull (strstr (es, "Todos los martes y jueves, 12 veces, desde el martes 8"));
      g_assert_nonnull (strstr (es, "Todos los martes, 10 veces"));
      g_assert_nonnull (strstr (es, "Una vez, el viernes 7 de agosto de 2026 a las"));
      g_assert_nonnull (strstr (es, "durante 1 hora y 30 minutos"));
      g_assert_null (strstr (es, "Cada semana"));
      g_assert_null (strstr (es, "Una vez, desde"));
      g_assert_false (g_regex_match_simple ("[0-9] min\\b", es, 0, 0));
      g_assert_false (g_regex_match_simple ("[0-9]{4}-[0-9]{2}-[0-9]{2}", es, 0, 0));
      g_assert_nonnull (strstr (en, "Every week on Saturday, from Saturday 24 October 2026 at "
                                    "10:00, for 4 hours"));
      g_assert_nonnull (strstr (en, "Once, on Friday 7 August 2026 at"));
      g_assert_nonnull (strstr (en, "for 1 hour 30 minutes"));
      g_assert_false (g_regex_match_simple ("[0-9] min\\b", en, 0, 0));

      /* numbers with decimals (the hours of family time) */
      g_assert_true (g_regex_match_simple ("[0-9],[0-9]", es, 0, 0));
      g_assert_false (g_regex_match_simple ("[0-9]\\.[0-9]", es, 0, 0));
      g_assert_true (g_regex_match_simple ("[0-9]\\.[0-9]", en, 0, 0));
      g_assert_false (g_regex_match_simple ("[0-9],[0-9]", en, 0, 0));

      /* one word for the driver, one for the caregiver; counts in plural */
      g_assert_null (strstr (es, "maneja"));
      g_assert_nonnull (strstr (es, "quién conduce"));
      g_assert_null (strstr (es, "persona que cuida a los niños"));
      g_assert_nonnull (strstr (es, "Planificadas"));
      g_assert_nonnull (strstr (es, "Canceladas por la familia de acogida"));
      g_assert_null (strstr (es, " por la familia de acogida por "));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/visits-document/pdf", Fixture, NULL, setup, test_pdf, teardown);
  g_test_add ("/visits-document/refusals", Fixture, NULL, setup, test_refusals, teardown);
  g_test_add ("/visits-document/level-history", Fixture, NULL, setup, test_level_history, teardown);
  g_test_add ("/visits-document/wording", Fixture, NULL, setup, test_wording, teardown);
  g_test_add ("/visits-document/end-reason", Fixture, NULL, setup, test_end_reason, teardown);

  return g_test_run ();
}
