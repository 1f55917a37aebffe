/* test-plan.c: the plan model (protector rule, versions) and the printed
 * plans (recipients, languages), checked with the PDF validators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <libintl.h>

#include "hw-store.h"
#include "hw-demo.h"
#include "hw-interchange.h"
#include "hw-language.h"
#include "hw-plan.h"
#include "hw-plan-document.h"
#include "hw-test-pdf.h"

static char *tmpdir;

typedef struct {
  HwStore *store;
  gint64   case_id;
  gint64   mother, father, grandma, neighbour, foster, advocate, caseworker;
  gint64   other_case_person;
  gint64   safety, reunification;
} Fixture;

static gint64
add_person (HwStore    *store,
            gint64      case_id,
            const char *name,
            const char *role,
            const char *phone,
            const char *address,
            const char *address_withheld_from,
            gboolean    harm,
            const char *withheld_from)
{
  g_autoptr(HwRecord) p = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (p, "case_id", case_id);
  hw_record_set_string (p, "name", name);
  hw_record_set_string (p, "role", role);
  hw_record_set_string (p, "phone", phone);
  hw_record_set_string (p, "address", address);
  hw_record_set_string (p, "address_withheld_from", address_withheld_from);
  hw_record_set_boolean (p, "alleged_harm_source", harm);
  if (withheld_from != NULL)
    {
      hw_record_set_boolean (p, "confidential", TRUE);
      hw_record_set_string (p, "withheld_from", withheld_from);
    }
  id = hw_store_insert (store, "Add person", p, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_item (Fixture    *f,
          gint64      plan,
          const char *section,
          const char *text,
          gint64      who,
          const char *withheld_from)
{
  g_autoptr(HwRecord) item = hw_record_new ("plan_items");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (item, "section", section);
  hw_record_set_string (item, "text", text);
  hw_record_set_ref (item, "who_person_id", who);
  hw_record_set_string (item, "when_text", "Every day");
  hw_record_set_string (item, "how_checked", "Checked at the meeting");
  if (withheld_from != NULL)
    {
      hw_record_set_boolean (item, "confidential", TRUE);
      hw_record_set_string (item, "withheld_from", withheld_from);
    }
  id = hw_plan_add_item (f->store, plan, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_case (HwStore    *store,
          const char *name)
{
  g_autoptr(HwRecord) c = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (c, "family_name", name);
  hw_record_set_string (c, "case_number", "CASE-77");
  hw_record_set_string (c, "primary_language", "es");
  id = hw_store_insert (store, "Add family", c, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  static int n;
  gint64 other;

  path = g_strdup_printf ("%s/plan-%d.db", tmpdir, n++);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);

  f->case_id = add_case (f->store, "Navarro");
  f->mother = add_person (f->store, f->case_id, "Inés Navarro", "mother", "555-0101",
                          "1 Hidden Lane", "support,screen", FALSE, NULL);
  f->father = add_person (f->store, f->case_id, "Raúl Navarro", "father", "555-0102", "", "", TRUE, NULL);
  f->grandma = add_person (f->store, f->case_id, "Pilar Navarro", "kin-caregiver", "555-0103",
                           "5 Open Street", "", FALSE, NULL);
  f->neighbour = add_person (f->store, f->case_id, "Walter Quinn", "neighbour", "555-0104", "", "", FALSE, NULL);
  f->foster = add_person (f->store, f->case_id, "Fiona Foster", "foster-parent", "555-0105",
                          "9 Secret Road", "family,support,screen", FALSE, NULL);
  f->advocate = add_person (f->store, f->case_id, "Xenia Advocate", "professional", "555-0106",
                            "", "", FALSE, "family,support,screen");
  f->caseworker = add_person (f->store, f->case_id, "Carla Worker", "caseworker", "555-0107", "", "", FALSE, NULL);
  other = add_case (f->store, "Other");
  f->other_case_person = add_person (f->store, other, "Someone Else", "mother", "", "", "", FALSE, NULL);

  f->safety = hw_plan_ensure (f->store, f->case_id, HW_PLAN_SAFETY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->safety, >, 0);
  g_assert_cmpint (hw_plan_ensure (f->store, f->case_id, HW_PLAN_SAFETY, NULL), ==, f->safety);
  f->reunification = hw_plan_ensure (f->store, f->case_id, HW_PLAN_REUNIFICATION, &error);
  g_assert_no_error (error);

  add_item (f, f->safety, "danger", "DANGER-STATEMENT the children could be hurt", 0, NULL);
  add_item (f, f->safety, "safety-goal", "SAFETY-GOAL children safe at home", 0, NULL);
  add_item (f, f->safety, "rule", "RULE-GRANDMA Pilar takes the children to school", f->grandma, NULL);
  add_item (f, f->safety, "rule", "RULE-NEIGHBOUR Walter checks in every evening", f->neighbour, NULL);
  add_item (f, f->safety, "rule", "RULE-SECRET meets the advocate weekly", f->mother, "family,support");
  add_item (f, f->safety, "rule", "RULE-ADVOCATE advocate calls weekly", f->advocate, NULL);
  add_item (f, f->safety, "network", "NETWORK-GRANDMA helps every morning", f->grandma, NULL);
  add_item (f, f->safety, "network", "NETWORK-FOSTER keeps in touch", f->foster, NULL);
  add_item (f, f->safety, "network", "NETWORK-MOTHER the mother", f->mother, NULL);
  add_item (f, f->safety, "trigger", "TRIGGER-SIGN a late call", 0, NULL);
  add_item (f, f->safety, "if-not-followed", "IF-NOT-FOLLOWED the network meets", 0, NULL);
  add_item (f, f->safety, "emergency", "EMERGENCY-LINE crisis line", 0, NULL);
  add_item (f, f->safety, "child-version", "CHILD-VERSION grandma helps us", 0, NULL);
  g_assert_true (hw_plan_set_dates (f->store, f->safety, NULL, "2027-03-01", NULL, &error));
  g_assert_no_error (error);

  add_item (f, f->reunification, "need", "NEED-RENT help with rent", 0, NULL);
  add_item (f, f->reunification, "worry", "WORRY-ALONE feeling alone", 0, NULL);
  add_item (f, f->reunification, "support", "SUPPORT-GROUP parenting group", f->mother, NULL);
  add_item (f, f->reunification, "checkin", "CHECKIN-VISIT home visit", f->caseworker, NULL);
  add_item (f, f->reunification, "respite", "RESPITE-WEEKEND with grandma", f->grandma, NULL);
  add_item (f, f->reunification, "respite", "RESPITE-FOSTER video calls", f->foster, NULL);
  add_item (f, f->reunification, "warning-sign", "WARNING-SIGN missed school", 0, NULL);
  add_item (f, f->reunification, "exit", "EXIT-PLAN close after a year", 0, NULL);
  g_assert_true (hw_plan_set_dates (f->store, f->reunification, NULL, NULL, "2027-11-30", &error));
  g_assert_true (hw_plan_set_point_person (f->store, f->reunification, NULL, f->caseworker, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static gint64
count_items (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM plan_items", G_TYPE_INVALID);
}

static void
test_protector (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) item = hw_record_new ("plan_items");
  g_autoptr(HwRecord) change = NULL;
  gint64 before = count_items (f);
  gint64 rule;

  hw_record_set_string (item, "section", "rule");
  hw_record_set_string (item, "text", "He looks after the children");
  hw_record_set_ref (item, "who_person_id", f->father);
  g_assert_cmpint (hw_plan_add_item (f->store, f->safety, item, &error), ==, 0);
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_PROTECTOR);
  g_assert_nonnull (strstr (error->message, "Raúl Navarro"));
  g_assert_cmpint (count_items (f), ==, before);
  g_clear_error (&error);

  /* changing an existing rule's protector to him is refused too */
  rule = hw_store_query_int (f->store, 0, "SELECT id FROM plan_items WHERE text LIKE 'RULE-GRANDMA%'", G_TYPE_INVALID);
  change = hw_record_new ("plan_items");
  hw_record_set_id (change, rule);
  hw_record_set_ref (change, "who_person_id", f->father);
  g_assert_false (hw_plan_update_item (f->store, change, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_PROTECTOR);
  g_clear_error (&error);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT who_person_id FROM plan_items WHERE id = ?",
                                       G_TYPE_INT64, rule, G_TYPE_INVALID), ==, f->grandma);

  /* in the plan for after going home he may have a part */
  g_assert_true (hw_plan_check_person (f->store, f->reunification, "respite", f->father, &error));
  g_assert_no_error (error);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count_items (f);
  struct { const char *section; const char *text; gint64 who; } bad[] = {
    { "rule", "   ", 0 },
    { "no-such-section", "text", 0 },
    { "need", "a reunification section in a safety plan", 0 },
    { "rule", "someone from another family", f->other_case_person },
    { "rule", "nobody at all", 999999 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HwRecord) item = hw_record_new ("plan_items");

      hw_record_set_string (item, "section", bad[i].section);
      hw_record_set_string (item, "text", bad[i].text);
      hw_record_set_ref (item, "who_person_id", bad[i].who);
      g_assert_cmpint (hw_plan_add_item (f->store, f->safety, item, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_true (error->domain == HW_PLAN_ERROR);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_items (f), ==, before);

  g_assert_false (hw_plan_set_dates (f->store, f->safety, NULL, "2026-02-30", NULL, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hw_plan_set_dates (f->store, f->safety, NULL, "next week", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (hw_plan_freeze (f->store, f->safety, "31/12/2026", NULL, 0, &error), ==, 0);
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hw_plan_get_latest_version (f->store, f->safety), ==, 0);
  g_assert_null (hw_plan_load_version (f->store, f->safety, 3, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (hw_plan_ensure (f->store, 424242, HW_PLAN_SAFETY, &error), ==, 0);
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
}

static void
test_edit_move_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 before = count_items (f);
  gint64 neighbour_rule = hw_store_query_int (f->store, 0, "SELECT id FROM plan_items WHERE text LIKE 'RULE-NEIGHBOUR%'",
                                              G_TYPE_INVALID);

  g_assert_true (hw_plan_move_item (f->store, neighbour_rule, -1, &error));
  g_assert_no_error (error);
  rows = hw_store_select (f->store, "plan_items", &error,
                          "SELECT id, text FROM plan_items WHERE plan_id = ? AND section = 'rule' ORDER BY position, id",
                          G_TYPE_INT64, f->safety, G_TYPE_INVALID);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (rows, 0)), ==, neighbour_rule);

  g_assert_true (hw_plan_delete_item (f->store, neighbour_rule, &error));
  g_assert_cmpint (count_items (f), ==, before - 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_items (f), ==, before);
  g_assert_false (hw_plan_delete_item (f->store, 987654, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
}

/* The rules' ids in their order */
static char *
rule_order (Fixture *f)
{
  g_autoptr(GPtrArray) rows = hw_store_select (f->store, "plan_items", NULL,
                                               "SELECT id FROM plan_items WHERE plan_id = ? AND section = 'rule' "
                                               "ORDER BY position, id",
                                               G_TYPE_INT64, f->safety, G_TYPE_INVALID);
  GString *s = g_string_new (NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_string_append_printf (s, "%" G_GINT64_FORMAT " ", hw_record_get_id (g_ptr_array_index (rows, i)));
  return g_string_free (s, FALSE);
}

/* Removing and moving an entry only as shown: someone else (a second
 * store on the same file) changes one entry and moves another; removing
 * or moving them from the versions read before is refused, nothing
 * changes, no step is added; from the versions now, each goes through. */
static void
test_delete_move_versions (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *order = NULL, *order_after = NULL;
  g_autofree char *label = NULL, *label_after = NULL;
  gint64 neighbour = hw_store_query_int (f->store, 0, "SELECT id FROM plan_items WHERE text LIKE 'RULE-NEIGHBOUR%'",
                                         G_TYPE_INVALID);
  gint64 grandma = hw_store_query_int (f->store, 0, "SELECT id FROM plan_items WHERE text LIKE 'RULE-GRANDMA%'",
                                       G_TYPE_INVALID);
  gint64 count = count_items (f);
  gint64 neighbour_version, grandma_version;

  row = hw_store_get (f->store, "plan_items", neighbour, &error);
  g_assert_no_error (error);
  neighbour_version = hw_record_get_version (row);
  g_clear_object (&row);
  row = hw_store_get (f->store, "plan_items", grandma, &error);
  grandma_version = hw_record_get_version (row);
  g_clear_object (&row);
  label = hw_store_get_undo_label (f->store);

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "plan_items", neighbour, &error);
  hw_record_set_string (theirs, "text", "RULE-NEIGHBOUR checks in every evening");
  g_assert_true (hw_plan_update_item (other, theirs, &error));
  g_assert_no_error (error);
  /* they move the grandmother's rule down (it is first) */
  g_assert_true (hw_plan_move_item (other, grandma, 1, &error));
  g_assert_no_error (error);
  order = rule_order (f);

  g_assert_false (hw_plan_delete_item_at (f->store, neighbour, neighbour_version, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (hw_plan_move_item_at (f->store, grandma, grandma_version, 1, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (hw_plan_move_item_at (f->store, neighbour, neighbour_version, -1, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_items (f), ==, count);
  order_after = rule_order (f);
  g_assert_cmpstr (order_after, ==, order);
  g_clear_pointer (&order_after, g_free);
  row = hw_store_get (f->store, "plan_items", neighbour, &error);
  g_assert_cmpstr (hw_record_get_string (row, "text"), ==, "RULE-NEIGHBOUR checks in every evening");
  g_clear_object (&row);
  label_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label_after, ==, label);
  g_clear_pointer (&label_after, g_free);

  /* from what is there now */
  row = hw_store_get (f->store, "plan_items", grandma, &error);
  g_assert_true (hw_plan_move_item_at (f->store, grandma, hw_record_get_version (row), -1, &error));
  g_assert_no_error (error);
  g_clear_object (&row);
  order_after = rule_order (f);
  g_assert_cmpstr (order_after, !=, order);
  {
    g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT " ", grandma);

    g_assert_true (g_str_has_prefix (order_after, first));
  }
  label_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label_after, ==, "Move an entry of the plan");
  g_clear_pointer (&label_after, g_free);
  row = hw_store_get (f->store, "plan_items", neighbour, &error);
  g_assert_true (hw_plan_delete_item_at (f->store, neighbour, hw_record_get_version (row), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_items (f), ==, count - 1);
}

static char *
export_text (Fixture    *f,
             const char *what,
             const char *recipient,
             const char *language,
             gint64      version,
             const char *name)
{
  HwExportOptions opts;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = what;
  opts.format = "pdf";
  opts.output = path;
  opts.language = language;
  opts.version = version;
  g_assert_true (hw_recipient_parse (recipient, &opts.recipient, &error));
  g_assert_true (hw_plan_export (f->store, &opts, &error));
  g_assert_no_error (error);
  hw_test_assert_valid_pdf (path, 0);

  /* nothing withheld may hide in the metadata either */
  {
    const char *info[] = { "pdfinfo", path, NULL };
    g_autofree char *meta = hw_test_run (info, NULL);
    g_autofree char *text = hw_test_pdftotext (path);

    return g_strconcat (text, "\n--metadata--\n", meta, NULL);
  }
}

static void
assert_has_all (const char         *text,
                const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) == NULL)
      g_error ("“%s” missing from:\n%s", words[i], text);
}

static void
assert_has_none (const char         *text,
                 const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      g_error ("“%s” must not be in:\n%s", words[i], text);
}

static void
test_recipients_safety (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *family = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *person = NULL;
  g_autofree char *neighbour = g_strdup_printf ("person:%" G_GINT64_FORMAT, f->neighbour);
  const char *every_section[] = {
    "Safety plan", "What we are worried about", "Safety goals", "Safety rules", "Safety network",
    "Triggers and warning signs", "If the plan is not followed", "Emergency contacts and crisis lines",
    "The plan in the children’s words", "Our support network", "Review date", "Signatures",
    "DANGER-STATEMENT", "SAFETY-GOAL", "RULE-GRANDMA", "RULE-NEIGHBOUR", "NETWORK-GRANDMA",
    "TRIGGER-SIGN", "IF-NOT-FOLLOWED", "EMERGENCY-LINE", "CHILD-VERSION", "1 March 2027",
    "Navarro", "CASE-77", "Pilar Navarro", "555-0103", "5 Open Street", "1 Hidden Lane",
    "Copy for the family", NULL
  };
  const char *withheld_from_family[] = {
    "RULE-SECRET", "Xenia", "555-0106", "9 Secret Road", NULL
  };
  const char *agency_sees[] = {
    "RULE-SECRET", "Xenia Advocate", "9 Secret Road", "1 Hidden Lane", "Copy for the agency", NULL
  };
  const char *support_sees[] = {
    "Your part of the safety plan", "RULE-NEIGHBOUR", "Walter Quinn", "555-0104", "EMERGENCY-LINE", NULL
  };
  const char *support_never[] = {
    "RULE-GRANDMA", "RULE-SECRET", "DANGER-STATEMENT", "CHILD-VERSION", "NETWORK-GRANDMA",
    "1 Hidden Lane", "9 Secret Road", "Xenia", "Pilar", "Inés", NULL
  };

  {
    g_autoptr(HwRecord) member = hw_record_new ("network_members");
    g_autoptr(GError) error = NULL;

    hw_record_set_int (member, "case_id", f->case_id);
    hw_record_set_int (member, "person_id", f->father);
    hw_record_set_string (member, "role", "checks-in");
    g_assert_cmpint (hw_store_insert (f->store, "Add network member", member, &error), >, 0);
    g_assert_no_error (error);
  }
  family = export_text (f, "safety-plan", "family", "en", 0, "s-family.pdf");
  agency = export_text (f, "safety-plan", "agency", "en", 0, "s-agency.pdf");

  assert_has_all (family, every_section);
  assert_has_none (family, withheld_from_family);
  /* he is in the network on the ecomap, yet never printed as a protector */
  g_assert_null (strstr (family, "Raúl"));
  g_assert_null (strstr (agency, "Raúl"));
  assert_has_all (agency, agency_sees);
  for (guint i = 0; every_section[i] != NULL; i++)
    if (!g_str_equal (every_section[i], "Copy for the family") && strstr (agency, every_section[i]) == NULL)
      g_error ("“%s” missing from the agency copy", every_section[i]);

  person = export_text (f, "safety-plan", neighbour, "en", 0, "s-person.pdf");
  assert_has_all (person, support_sees);
  assert_has_none (person, support_never);
}

static void
test_recipients_reunification (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *family = export_text (f, "reunification-plan", "family", "en", 0, "r-family.pdf");
  g_autofree char *grandma = g_strdup_printf ("person:%" G_GINT64_FORMAT, f->grandma);
  g_autofree char *person = NULL;
  const char *every_section[] = {
    "Plan for after the children come home", "Needs now and later", "The family’s worries",
    "Supports for the next 12 months", "Check-ins", "Breaks and contact with the foster family",
    "Warning signs and what to do", "Point person", "Closing the case", "Projected closing date",
    "30 November 2027", "NEED-RENT", "WORRY-ALONE", "SUPPORT-GROUP", "CHECKIN-VISIT",
    "RESPITE-WEEKEND", "RESPITE-FOSTER", "WARNING-SIGN", "EXIT-PLAN", "Carla Worker", "Fiona Foster",
    NULL
  };
  const char *never[] = { "9 Secret Road", "Xenia", NULL };

  assert_has_all (family, every_section);
  assert_has_none (family, never);

  /* the point person's phone written with brackets, as people do */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HwRecord) worker = hw_store_get (f->store, "people", f->caseworker, &error);

    g_assert_no_error (error);
    hw_record_set_string (worker, "phone", "(555) 600-0107");
    g_assert_true (hw_store_update (f->store, "Phone", worker, &error));
    g_assert_no_error (error);
  }
  person = export_text (f, "reunification-plan", grandma, "en", 0, "r-person.pdf");
  {
    const char *sees[] = { "RESPITE-WEEKEND", "Carla Worker", "(555) 600-0107", "Pilar Navarro",
                           NULL };
    const char *not_sees[] = {
      "RESPITE-FOSTER", "NEED-RENT", "WORRY-ALONE", "CHECKIN-VISIT", "Fiona",
      /* the check-ins are somebody else's, not missing: no "Check-ins:
       * nothing written yet" in her part */
      "Check-ins", "Nothing written down yet", "Nothing written yet",
      /* a phone number in brackets is not put in brackets again */
      "((", NULL
    };

    assert_has_all (person, sees);
    assert_has_none (person, not_sees);
  }
}

/* Drops what changes between two prints of the same version: nothing
 * but the text, so the whole text must match. */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HwPlanSignatory sigs[] = {
    { f->mother, NULL, NULL },
    { f->grandma, NULL, "Grandmother" },
    { 0, "Dana Judge", "Court liaison" },
  };
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *draft = NULL;
  g_autoptr(HwRecord) change = NULL;
  gint64 number;
  gint64 rule = hw_store_query_int (f->store, 0, "SELECT id FROM plan_items WHERE text LIKE 'RULE-GRANDMA%'",
                                    G_TYPE_INVALID);

  g_assert_true (hw_plan_draft_changed (f->store, f->safety));
  number = hw_plan_freeze (f->store, f->safety, "2026-11-20", sigs, G_N_ELEMENTS (sigs), &error);
  g_assert_no_error (error);
  g_assert_cmpint (number, ==, 1);
  g_assert_false (hw_plan_draft_changed (f->store, f->safety));

  first = export_text (f, "safety-plan", "agency", "en", 1, "v1-a.pdf");
  {
    const char *words[] = { "Version 1, agreed on 20 November 2026", "Agreed on 20 November 2026",
                            "Inés Navarro", "Grandmother", "Dana Judge", "Court liaison", "RULE-GRANDMA", NULL };
    assert_has_all (first, words);
  }

  /* the draft changes; the agreed version does not */
  change = hw_record_new ("plan_items");
  hw_record_set_id (change, rule);
  hw_record_set_string (change, "text", "RULE-CHANGED after the meeting");
  g_assert_true (hw_plan_update_item (f->store, change, &error));
  g_assert_no_error (error);
  g_assert_true (hw_plan_set_dates (f->store, f->safety, NULL, "2027-06-01", NULL, &error));
  {
    g_autoptr(HwRecord) p = hw_record_new ("people");

    hw_record_set_id (p, f->grandma);
    hw_record_set_string (p, "phone", "555-9999");
    g_assert_true (hw_store_update (f->store, "Change phone", p, &error));
  }
  g_assert_true (hw_plan_draft_changed (f->store, f->safety));

  again = export_text (f, "safety-plan", "agency", "en", 1, "v1-b.pdf");
  g_assert_cmpstr (again, ==, first);

  draft = export_text (f, "safety-plan", "agency", "en", 0, "draft.pdf");
  {
    const char *words[] = { "RULE-CHANGED", "555-9999", "1 June 2027", "Draft", NULL };
    const char *not_words[] = { "RULE-GRANDMA", NULL };

    assert_has_all (draft, words);
    assert_has_none (draft, not_words);
  }

  g_assert_cmpint (hw_plan_freeze (f->store, f->safety, NULL, sigs, 1, &error), ==, 2);
  g_assert_false (hw_plan_draft_changed (f->store, f->safety));
}

/* Spanish needs a compiled catalog: the one the build makes from po/, or
 * else one compiled here from this area's fragment. */
static gboolean
ensure_spanish_catalog (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *po = NULL;
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");

  if (hw_language_has_catalog ("es"))
    {
      g_autoptr(HwLanguageSwitch) sw = hw_language_push ("es");

      /* the build's catalog, once it holds this area's strings */
      if (g_strcmp0 (dgettext (GETTEXT_PACKAGE, "Safety plan"), "Safety plan") != 0)
        return TRUE;
      g_test_message ("the built catalog lacks po/fragments/docs.po: compiling the fragment");
    }
  po = g_build_filename (TEST_SOURCE_DIR, "..", "po", "fragments", "docs.po", NULL);
  if (msgfmt == NULL || !g_file_test (po, G_FILE_TEST_EXISTS))
    return FALSE;
  dir = g_build_filename (tmpdir, "locale", "es", "LC_MESSAGES", NULL);
  g_mkdir_with_parents (dir, 0700);
  mo = g_build_filename (dir, "homeward.mo", NULL);
  {
    const char *argv[] = { msgfmt, "-o", mo, po, NULL };
    int status;
    g_autofree char *out = hw_test_run (argv, &status);

    if (status != 0)
      g_error ("msgfmt failed: %s", out);
  }
  {
    g_autofree char *locale = g_build_filename (tmpdir, "locale", NULL);

    g_setenv ("HOMEWARD_LOCALEDIR", locale, TRUE);
  }
  return hw_language_has_catalog ("es");
}

static void
test_spanish (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *es = NULL;
  g_autofree char *en = NULL;
  g_autofree char *es_r = NULL;
  const char *headings[] = {
    "Plan de seguridad", "Lo que nos preocupa", "Reglas de seguridad", "Red de seguridad",
    "Contactos de emergencia", "Fecha de revisión", "1 de marzo de 2027", "Firmas", "Firma",
    "Copia para la familia", "Página 1 de", NULL
  };
  const char *english[] = { "Safety plan", "Safety rules", "Signatures", "Page 1 of", NULL };

  if (!ensure_spanish_catalog ())
    {
      g_test_skip ("no Spanish catalog (build po/ or install msgfmt from gettext)");
      return;
    }

  es = export_text (f, "safety-plan", "family", "es", 0, "es.pdf");
  assert_has_all (es, headings);
  assert_has_none (es, english);

  /* the case's language (Spanish) when none is asked for */
  g_free (es);
  es = export_text (f, "safety-plan", "family", NULL, 0, "es-default.pdf");
  assert_has_all (es, headings);

  /* and English right after: the switch was undone */
  en = export_text (f, "safety-plan", "family", "en", 0, "en.pdf");
  assert_has_all (en, english);

  es_r = export_text (f, "reunification-plan", "family", "es", 0, "es-r.pdf");
  {
    const char *r_headings[] = { "Plan para después del regreso a casa", "Fecha prevista de cierre", NULL };
    assert_has_all (es_r, r_headings);
  }
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  HwExportOptions opts;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "never.pdf", NULL);

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.output = path;

  opts.what = "shopping-list";
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  opts.what = "safety-plan";
  opts.format = "png";
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_clear_error (&error);
  opts.format = "pdf";

  opts.paper = "a5";
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_clear_error (&error);
  opts.paper = "letter";

  opts.version = 9;
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  opts.version = 0;

  /* a support person who is withheld from support copies, or not in the case */
  opts.recipient.kind = HW_RECIPIENT_SUPPORT;
  opts.recipient.person_id = f->advocate;
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  opts.recipient.person_id = f->other_case_person;
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_clear_error (&error);

  opts.case_id = 424242;
  opts.recipient.kind = HW_RECIPIENT_FAMILY;
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* a damaged frozen version is refused with a message */
  g_assert_cmpint (hw_plan_freeze (f->store, f->safety, NULL, NULL, 0, &error), ==, 1);
  g_assert_true (hw_store_begin_edit (f->store, "Break", &error));
  g_assert_true (hw_store_exec (f->store, "UPDATE plan_versions SET snapshot = '{not json'", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  opts.case_id = f->case_id;
  opts.version = 1;
  g_assert_false (hw_plan_export (f->store, &opts, &error));
  g_assert_error (error, HW_PLAN_ERROR, HW_PLAN_ERROR_SNAPSHOT);
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "demo.db", NULL);
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  gint64 case_id, safety, reunification, father;
  Fixture f = { 0 };

  g_assert_no_error (error);
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  /* hw_demo_create () runs hw_plan_add_demo () and the ecomap's demo */

  safety = hw_plan_find (store, case_id, HW_PLAN_SAFETY);
  reunification = hw_plan_find (store, case_id, HW_PLAN_REUNIFICATION);
  g_assert_cmpint (safety, >, 0);
  g_assert_cmpint (reunification, >, 0);
  g_assert_cmpint (hw_store_query_int (store, 0, "SELECT count(*) FROM plan_items WHERE plan_id = ? AND section = 'rule'",
                                       G_TYPE_INT64, safety, G_TYPE_INVALID), >=, 4);
  /* the person alleged to have caused harm protects nothing */
  father = hw_demo_find_person (store, case_id, "father");
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM plan_items WHERE plan_id = ? AND who_person_id = ?",
                                       G_TYPE_INT64, safety, G_TYPE_INT64, father, G_TYPE_INVALID), ==, 0);

  f.store = store;
  f.case_id = case_id;
  {
    g_autofree char *family = export_text (&f, "safety-plan", "family", "en", 0, "demo-s-family.pdf");
    g_autofree char *agency = export_text (&f, "safety-plan", "agency", "en", 0, "demo-s-agency.pdf");
    g_autofree char *r = export_text (&f, "reunification-plan", "family", "en", 0, "demo-r-family.pdf");
    /* the foster family's address and the confidential advocate */
    const char *never[] = { "Juniper", "Alicia", NULL };
    const char *agency_sees[] = { "own advocate", NULL };
    const char *not_for_support[] = { "own advocate", "Alicia", "Juniper", "Alder Court", NULL };
    g_autofree char *rosa = g_strdup_printf ("person:%" G_GINT64_FORMAT,
                                             hw_demo_find_person (store, case_id, "kin-caregiver"));
    g_autofree char *support = export_text (&f, "safety-plan", rosa, "en", 0, "demo-s-rosa.pdf");

    assert_has_none (support, not_for_support);
    assert_has_none (family, never);
    /* the support network figure is the real ecomap, with names */
    g_assert_nonnull (strstr (family, "Rosa"));
    g_assert_null (strstr (family, "Support network map"));
    assert_has_none (r, never);
    assert_has_all (agency, agency_sees);
    g_assert_null (strstr (family, "{"));
  }

  /* An agreed version keeps its map: renaming someone afterwards changes
   * the draft, not the reprint. */
  {
    gint64 rosa = hw_demo_find_person (store, case_id, "kin-caregiver");
    HwPlanSignatory sigs[] = { { rosa, NULL, NULL } };
    g_autoptr(HwRecord) p = hw_record_new ("people");
    g_autofree char *first = NULL;
    g_autofree char *again = NULL;
    g_autofree char *draft = NULL;

    g_assert_cmpint (hw_plan_freeze (store, safety, "2026-11-20", sigs, 1, &error), ==, 1);
    g_assert_no_error (error);
    first = export_text (&f, "safety-plan", "family", "en", 1, "demo-v1.pdf");
    hw_record_set_id (p, rosa);
    hw_record_set_string (p, "name", "Rosalind Renamed");
    g_assert_true (hw_store_update (store, "Change name", p, &error));
    again = export_text (&f, "safety-plan", "family", "en", 1, "demo-v1-again.pdf");
    g_assert_cmpstr (again, ==, first);
    draft = export_text (&f, "safety-plan", "family", "en", 0, "demo-draft.pdf");
    g_assert_nonnull (strstr (draft, "Rosalind Renamed"));
    g_assert_null (strstr (again, "Rosalind"));

    /* moved to another database (new ids), the agreed version still
     * reprints the same, frozen map included */
    {
      g_autofree char *json = hw_interchange_export_text (store, case_id, &error);
      g_autofree char *path2 = g_build_filename (tmpdir, "moved.db", NULL);
      g_autoptr(HwStore) other = NULL;
      g_autofree char *moved = NULL;
      Fixture f2 = { 0 };

      g_assert_no_error (error);
      other = hw_store_open (path2, &error);
      g_assert_no_error (error);
      /* something first, so that no id stays the same */
      hw_demo_create (other, &error);
      g_assert_no_error (error);
      g_assert_true (hw_store_begin_edit (other, "Rename", &error));
      g_assert_true (hw_store_exec (other, "UPDATE people SET name = 'Somebody ' || id", &error));
      g_assert_true (hw_store_exec (other, "UPDATE ecomap_nodes SET label = 'Somebody'", &error));
      g_assert_true (hw_store_commit_edit (other, &error));
      f2.store = other;
      f2.case_id = hw_interchange_import_data (other, json, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (f2.case_id, !=, case_id);
      moved = export_text (&f2, "safety-plan", "family", "en", 1, "moved-v1.pdf");
      g_assert_null (strstr (moved, "Somebody"));
      g_assert_cmpstr (moved, ==, first);
    }
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("hw-test-plan-XXXXXX", NULL);
  g_unsetenv ("LANGUAGE");

#define ADD(path, func) g_test_add ("/plan/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("protector", test_protector);
  ADD ("bad-input", test_bad_input);
  ADD ("edit-move-undo", test_edit_move_undo);
  ADD ("delete-move-versions", test_delete_move_versions);
  ADD ("recipients-safety", test_recipients_safety);
  ADD ("recipients-reunification", test_recipients_reunification);
  ADD ("versions", test_versions);
  ADD ("spanish", test_spanish);
  ADD ("export-errors", test_export_errors);
  g_test_add_func ("/plan/demo", test_demo);

  ret = g_test_run ();
  if (g_getenv ("HW_TEST_KEEP") == NULL)
    {
      const char *rm[] = { "rm", "-rf", tmpdir, NULL };
      g_free (hw_test_run (rm, NULL));
    }
  else
    g_print ("kept %s\n", tmpdir);
  return ret;
}
