/* test-plan-import.c: bringing a meeting's worries, safety goals, decisions
 * and next steps into the safety plan, and low readiness ratings into needs
 * of the service plan: what is proposed, that confidential entries stay
 * confidential (and out of the family's printed copy), that nothing comes
 * in twice, that adding is one Undo step, and that bad input changes
 * nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hw-meeting.h"
#include "hw-plan.h"
#include "hw-plan-document.h"
#include "hw-plan-import.h"
#include "hw-service-plan.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"

typedef struct {
  HwStore *store;
  char    *dir;
  gint64   case_id;
  gint64   plan_id;
  gint64   meeting_id;
  gint64   mother, father, grandma;
  gint64   secret_worry;
} Fixture;

static gint64
person_named (Fixture    *f,
              const char *name)
{
  gint64 id = hw_store_query_int (f->store, 0,
                                  "SELECT id FROM people WHERE case_id = ? AND name = ?",
                                  G_TYPE_INT64, f->case_id, G_TYPE_STRING, name,
                                  G_TYPE_INVALID);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return hw_store_query_int (f->store, -1, sql, G_TYPE_INT64, f->plan_id, G_TYPE_INVALID);
}

static gint64
plan_items (Fixture *f)
{
  return count (f, "SELECT count(*) FROM plan_items WHERE plan_id = ?");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  f->store = hw_test_store_new_demo ("test-plan-import-XXXXXX", &f->dir, &f->case_id);
  f->plan_id = hw_plan_find (f->store, f->case_id, HW_PLAN_SAFETY);
  g_assert_cmpint (f->plan_id, >, 0);
  f->mother = person_named (f, "Elena Morales");
  f->father = person_named (f, "Marco Reyes");     /* alleged to have harmed */
  f->grandma = person_named (f, "Rosa Morales");

  f->meeting_id = hw_meeting_create (f->store, f->case_id, "family-team-meeting",
                                     "2026-12-01T10:00", &error);
  g_assert_no_error (error);
  hw_meeting_add_item (f->store, f->meeting_id, "worries",
                       "We worry the children miss school when Elena is unwell.", &error);
  g_assert_no_error (error);
  f->secret_worry = hw_meeting_add_item (f->store, f->meeting_id, "worries",
                                         "Elena’s new address must stay secret from Marco.",
                                         &error);
  g_assert_no_error (error);
  hw_meeting_set_item_confidential (f->store, f->secret_worry, TRUE, "family,support", &error);
  g_assert_no_error (error);
  /* already in the sample's plan, written with other capitals and spaces */
  {
    g_autoptr(GPtrArray) rows = hw_store_select (f->store, "plan_items", &error,
                                                 "SELECT id, text FROM plan_items "
                                                 "WHERE plan_id = ? AND section = 'danger' "
                                                 "ORDER BY position LIMIT 1",
                                                 G_TYPE_INT64, f->plan_id, G_TYPE_INVALID);
    const char *text;
    g_autofree char *shouted = NULL;
    g_autofree char *spaced = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    text = hw_record_get_string (g_ptr_array_index (rows, 0), "text");
    shouted = g_utf8_strup (text, -1);
    spaced = g_strconcat ("  ", shouted, "  ", NULL);

    hw_meeting_add_item (f->store, f->meeting_id, "worries", spaced, &error);
    g_assert_no_error (error);
  }
  hw_meeting_add_item (f->store, f->meeting_id, "safety-goals",
                       "The children get to school every day.", &error);
  g_assert_no_error (error);
  hw_meeting_add_decision (f->store, f->meeting_id, "Rosa takes the children to school "
                           "when Elena is unwell.", TRUE, NULL, &error);
  g_assert_no_error (error);
  id = hw_meeting_add_action (f->store, f->meeting_id, "Rosa calls the school every Monday.",
                              f->grandma, f->mother, "2026-12-15", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  hw_meeting_add_action (f->store, f->meeting_id, "Marco finishes the parenting course.",
                         f->father, 0, "2027-01-31", &error);
  g_assert_no_error (error);
  /* not brought in: other phases */
  hw_meeting_add_item (f->store, f->meeting_id, "strengths", "Elena loves her children.", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hw_test_store_free (f->store, f->dir);
}

static HwPlanImportItem *
find (GPtrArray  *items,
      const char *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      HwPlanImportItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->text, text))
        return item;
    }
  return NULL;
}

static void
test_propose (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  HwPlanImportItem *item;
  gint64 before = plan_items (f);
  guint already = 99;

  /* the family's meetings, latest first */
  meetings = hw_plan_import_meetings (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, >=, 2);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (meetings, 0)), ==, f->meeting_id);
  for (guint i = 1; i < meetings->len; i++)
    g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (meetings, i - 1), "starts_at"), >=,
                     hw_record_get_string (g_ptr_array_index (meetings, i), "starts_at"));

  items = hw_plan_import_propose (f->store, f->plan_id, f->meeting_id, &already, &error);
  g_assert_no_error (error);
  /* proposing writes nothing */
  g_assert_cmpint (plan_items (f), ==, before);
  g_assert_cmpuint (already, ==, 1);
  g_assert_cmpuint (items->len, ==, 6);

  /* in the plan's order: worries, goals, then rules */
  g_assert_cmpstr (((HwPlanImportItem *) g_ptr_array_index (items, 0))->section, ==, "danger");
  g_assert_cmpstr (((HwPlanImportItem *) g_ptr_array_index (items, 2))->section, ==,
                   "safety-goal");
  item = find (items, "We worry the children miss school when Elena is unwell.");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->section, ==, "danger");
  g_assert_false (item->confidential);

  item = find (items, "Elena’s new address must stay secret from Marco.");
  g_assert_nonnull (item);
  g_assert_true (item->confidential);
  g_assert_cmpstr (item->withheld_from, ==, "family,support");

  item = find (items, "Rosa takes the children to school when Elena is unwell.");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->section, ==, "rule");
  g_assert_cmpstr (item->source, ==, "decisions");

  item = find (items, "Rosa calls the school every Monday.");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->section, ==, "rule");
  g_assert_cmpint (item->who_person_id, ==, f->grandma);
  g_assert_cmpstr (item->who_name, ==, "Rosa Morales");
  g_assert_cmpstr (item->when_text, ==, "2026-12-15");

  /* the person alleged to have harmed the children is never the protector */
  item = find (items, "Marco finishes the parenting course.");
  g_assert_nonnull (item);
  g_assert_cmpint (item->who_person_id, ==, 0);
  g_assert_true (item->who_refused);

  g_assert_null (find (items, "Elena loves her children."));
}

static void
test_apply_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *label = NULL;
  gint64 before = plan_items (f);
  gint64 steps = hw_store_query_int (f->store, 0, "SELECT count(*) FROM hw_history",
                                     G_TYPE_INVALID);
  guint added = 0, already = 0;

  items = hw_plan_import_propose (f->store, f->plan_id, f->meeting_id, NULL, &error);
  g_assert_no_error (error);
  /* the person unticks one */
  g_ptr_array_remove_index (items, 0);
  g_assert_true (hw_plan_import_apply (f->store, f->plan_id, items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpint (plan_items (f), ==, before + 5);

  /* one step of Undo */
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM hw_history",
                                       G_TYPE_INVALID), ==, steps + 1);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Bring in from the meeting");

  /* kept as the meeting had it */
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM plan_items WHERE plan_id = ? "
                                       "AND confidential = 1 AND withheld_from = 'family,support' "
                                       "AND text LIKE 'Elena’s new address%'",
                                       G_TYPE_INT64, f->plan_id, G_TYPE_INVALID), ==, 1);
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM plan_items WHERE plan_id = ? "
                                       "AND section = 'rule' AND who_person_id = ? "
                                       "AND when_text = '2026-12-15'",
                                       G_TYPE_INT64, f->plan_id, G_TYPE_INT64, f->grandma,
                                       G_TYPE_INVALID), ==, 1);

  /* nothing twice: not proposed again, and applying the same list adds
   * nothing and leaves no empty Undo step */
  again = hw_plan_import_propose (f->store, f->plan_id, f->meeting_id, &already, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 1);   /* the one left out */
  g_assert_cmpuint (already, ==, 6);
  g_assert_true (hw_plan_import_apply (f->store, f->plan_id, items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpint (plan_items (f), ==, before + 5);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM hw_history",
                                       G_TYPE_INVALID), ==, steps + 1);

  /* one Undo takes all of it away */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_items (f), ==, before);
}

/* The confidential worry is in the agency's copy, not in the family's. */
static void
test_confidential_print (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *recipients[] = { "family", "agency" };

  items = hw_plan_import_propose (f->store, f->plan_id, f->meeting_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hw_plan_import_apply (f->store, f->plan_id, items, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (recipients); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.pdf", f->dir, recipients[i]);
      g_autofree char *text = NULL;
      HwExportOptions opts;

      hw_export_options_init (&opts);
      opts.case_id = f->case_id;
      opts.what = "safety-plan";
      opts.format = "pdf";
      opts.output = path;
      opts.language = "en";
      g_assert_true (hw_recipient_parse (recipients[i], &opts.recipient, &error));
      g_assert_true (hw_plan_export (f->store, &opts, &error));
      g_assert_no_error (error);
      text = hw_test_pdftotext (path);
      g_assert_nonnull (strstr (text, "miss school"));
      if (i == 0)
        g_assert_null (strstr (text, "address must stay"));
      else
        g_assert_nonnull (strstr (text, "address must stay"));
      g_unlink (path);
    }
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(HwRecord) other = hw_record_new ("cases");
  gint64 before = plan_items (f);
  gint64 other_case, other_meeting, reunification;
  guint added = 9;

  hw_record_set_string (other, "family_name", "Other");
  other_case = hw_store_insert (f->store, "Add family", other, &error);
  g_assert_no_error (error);
  other_meeting = hw_meeting_create (f->store, other_case, "family-team-meeting",
                                     "2026-12-02T10:00", &error);
  g_assert_no_error (error);

  /* a meeting of another family */
  items = hw_plan_import_propose (f->store, f->plan_id, other_meeting, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* no such meeting, no such plan */
  g_assert_null (hw_plan_import_propose (f->store, f->plan_id, 999999, NULL, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hw_plan_import_propose (f->store, 999999, f->meeting_id, NULL, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* the plan for after going home takes nothing from here */
  reunification = hw_plan_ensure (f->store, f->case_id, HW_PLAN_REUNIFICATION, &error);
  g_assert_no_error (error);
  g_assert_null (hw_plan_import_propose (f->store, reunification, f->meeting_id, NULL, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  /* nothing chosen: nothing written, no Undo step */
  g_assert_true (hw_plan_import_apply (f->store, f->plan_id, empty, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);

  /* one bad entry among good ones: none is added */
  items = hw_plan_import_propose (f->store, f->plan_id, f->meeting_id, NULL, &error);
  g_assert_no_error (error);
  {
    HwPlanImportItem *bad = g_ptr_array_index (items, items->len - 1);

    bad->who_person_id = f->father;   /* as if the check were skipped */
  }
  g_assert_false (hw_plan_import_apply (f->store, f->plan_id, items, &added, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_PROTECTOR);
  g_assert_cmpint (plan_items (f), ==, before);
  g_assert_false (hw_store_in_edit (f->store));
}

static gint64
needs (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM needs WHERE case_id = ?",
                             G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
}

static void
test_needs (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *label = NULL;
  HwPlanImportItem *item;
  gint64 review, read_review, before = needs (f);
  guint added = 0;

  /* the sample's latest review has no low rating */
  items = hw_plan_import_propose_needs (f->store, f->case_id, HW_PLAN_IMPORT_LOW_RATING,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  review = hw_service_plan_add_review (f->store, f->case_id, "2026-12-02", "", &error);
  g_assert_no_error (error);
  /* child-safety (no need yet) twice; housing and mental-health-child the
   * family has already; a good rating */
  hw_service_plan_set_rating (f->store, review, "family-safety", -2, &error);
  hw_service_plan_set_rating (f->store, review, "readiness", -3, &error);
  hw_service_plan_set_rating (f->store, review, "environment", -1, &error);
  hw_service_plan_set_rating (f->store, review, "child-wellbeing", -2, &error);
  hw_service_plan_set_rating (f->store, review, "caregiver-commitment", 1, &error);
  g_assert_no_error (error);

  items = hw_plan_import_propose_needs (f->store, f->case_id, HW_PLAN_IMPORT_LOW_RATING,
                                        &read_review, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read_review, ==, review);
  g_assert_cmpint (needs (f), ==, before);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->section, ==, "child-safety");
  g_assert_cmpint (item->rating, ==, -3);
  g_assert_cmpstr (item->source, ==, "readiness,family-safety");

  g_assert_true (hw_plan_import_apply_needs (f->store, f->case_id, items, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpint (needs (f), ==, before + 1);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add needs from the readiness review");

  /* not twice */
  again = hw_plan_import_propose_needs (f->store, f->case_id, HW_PLAN_IMPORT_LOW_RATING,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_true (hw_plan_import_apply_needs (f->store, f->case_id, items, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpint (needs (f), ==, before + 1);

  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (needs (f), ==, before);

  /* a family that does not exist */
  g_assert_null (hw_plan_import_propose_needs (f->store, 999999, -1, NULL, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
}

/* A worry sent from a phone waits for the facilitator: until it is let
 * through it is not offered for the plan; then it is. */
static void
test_hidden_contribution (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const char *worry = "Marco came to the house last week.";
  gint64 id;

  g_assert_cmpint (hw_meeting_add_attendee (f->store, f->meeting_id, f->mother, "Mother",
                                            "present", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "worries", &error));
  id = hw_meeting_add_contribution (f->store, f->meeting_id, f->mother, "worry", worry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  items = hw_plan_import_propose (f->store, f->plan_id, f->meeting_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find (items, worry));

  g_assert_true (hw_meeting_set_item_hidden (f->store, id, FALSE, &error));
  after = hw_plan_import_propose (f->store, f->plan_id, f->meeting_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find (after, worry));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-import/propose", test_propose);
  ADD ("/plan-import/apply-once", test_apply_once);
  ADD ("/plan-import/confidential-print", test_confidential_print);
  ADD ("/plan-import/bad-input", test_bad_input);
  ADD ("/plan-import/needs", test_needs);
  ADD ("/plan-import/hidden-contribution", test_hidden_contribution);
#undef ADD
  return g_test_run ();
}
