/* test-service-plan-queries.c: the named queries of the service plan view:
 * the flat list of each tab (what shows under the filters, sections,
 * "nothing here" rows), their live versions following edits and undo, and
 * the readiness ratings of a review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hw-readiness-chart.h"
#include "hw-recipient.h"
#include "hw-service-plan-queries.h"
#include "hw-store.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   empty_case;
  gint64   mother;
  gint64   need_housing, need_transport;
  gint64   goal_home, goal_bus;
  gint64   task_flats, task_pass, task_done;
  GDate    today;
} Fixture;

static gint64
insert (HwStore    *store,
        const char *table,
        gint64      case_id,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new (table);
  gint64 id;

  if (case_id != 0)
    hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, g_str_equal (table, "cases") ? "family_name" : "name", name);
  if (g_str_equal (table, "people"))
    hw_record_set_string (rec, "role", "mother");
  id = hw_store_insert (store, "Test setup", rec, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("homeward-spq-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  f->case_id = insert (f->store, "cases", 0, "García");
  f->empty_case = insert (f->store, "cases", 0, "Empty");
  f->mother = insert (f->store, "people", f->case_id, "María García");

  /* transport added first: the plan order follows the areas */
  f->need_transport = hw_service_plan_add_need (f->store, f->case_id, "transportation", "The bus", "", &error);
  f->need_housing = hw_service_plan_add_need (f->store, f->case_id, "housing", "A bigger flat", "", &error);
  f->goal_home = hw_service_plan_add_goal (f->store, f->need_housing, "Safe home", "2025-03-13", &error);
  f->goal_bus = hw_service_plan_add_goal (f->store, f->need_transport, "On time", "", &error);
  f->task_flats = hw_service_plan_add_task (f->store, f->goal_home, "See flats", 0, f->mother, FALSE,
                                            "", "", "2025-03-18", &error);
  f->task_pass = hw_service_plan_add_task (f->store, f->goal_bus, "Bus pass", 0, 0, TRUE,
                                           "", "", "2025-03-10", &error);
  f->task_done = hw_service_plan_add_task (f->store, f->goal_bus, "Ask for rides", 0, f->mother, FALSE,
                                           "", "", "", &error);
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_task_status (f->store, f->task_done, "done", &error));

  /* Wednesday 12 March 2025 */
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, 12, G_DATE_MARCH, 2025);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* "needs:3 goals:4 empty:filtered" */
static char *
describe (GListModel *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HwRecord) row = g_list_model_get_item (rows, i);
      const char *table = hw_record_get_table (row);

      g_string_append_printf (out, "%s%s:", i ? " " : "", table);
      if (g_str_equal (table, "empty"))
        g_string_append (out, hw_record_get_string (row, "reason"));
      else if (g_str_equal (table, "heading"))
        g_string_append (out, hw_record_get_string (row, "section"));
      else if (g_str_equal (table, "aftercare_component"))
        g_string_append (out, hw_record_get_string (row, "component"));
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, hw_record_get_id (row));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_array (GPtrArray *rows)
{
  g_autoptr(GListStore) store = g_list_store_new (HW_TYPE_RECORD);

  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    g_list_store_append (store, g_ptr_array_index (rows, i));
  return describe (G_LIST_MODEL (store));
}

static char *
expect (const char *format,
        ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return text;
}

static void
test_outline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *got = NULL, *want = NULL;
  HwTaskFilter filter = { 0 };

  /* unfiltered: every need and goal, tasks under their goal */
  rows = hw_service_plan_select_outline (f->store, f->case_id, NULL, NULL, HW_TASK_SORT_PLAN, &f->today, &error);
  g_assert_no_error (error);
  got = describe_array (rows);
  want = expect ("needs:%" G_GINT64_FORMAT " goals:%" G_GINT64_FORMAT " tasks:%" G_GINT64_FORMAT
                 " needs:%" G_GINT64_FORMAT " goals:%" G_GINT64_FORMAT " tasks:%" G_GINT64_FORMAT
                 " tasks:%" G_GINT64_FORMAT,
                 f->need_housing, f->goal_home, f->task_flats,
                 f->need_transport, f->goal_bus, f->task_pass, f->task_done);
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&want, g_free);

  /* a word: only the need and goal above the task that has it */
  filter.text = "pass";
  rows = hw_service_plan_select_outline (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_PLAN, &f->today, &error);
  got = describe_array (rows);
  want = expect ("needs:%" G_GINT64_FORMAT " goals:%" G_GINT64_FORMAT " tasks:%" G_GINT64_FORMAT,
                 f->need_transport, f->goal_bus, f->task_pass);
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&got, g_free);

  /* nothing passes: one row that says so */
  filter.text = "no such words";
  rows = hw_service_plan_select_outline (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_PLAN, &f->today, &error);
  got = describe_array (rows);
  g_assert_cmpstr (got, ==, "empty:filtered");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&got, g_free);

  /* no needs at all */
  rows = hw_service_plan_select_outline (f->store, f->empty_case, NULL, NULL, HW_TASK_SORT_PLAN, &f->today, &error);
  got = describe_array (rows);
  g_assert_cmpstr (got, ==, "empty:no-needs");
}

static void
test_by_person (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *got = NULL, *want = NULL;
  HwTaskFilter filter = { 0 };

  rows = hw_service_plan_select_by_person (f->store, f->case_id, NULL, NULL, HW_TASK_SORT_PLAN, &f->today, &error);
  g_assert_no_error (error);
  got = describe_array (rows);
  /* the mother, her tasks; the agency last (id 0), its task */
  want = expect ("people:%" G_GINT64_FORMAT " tasks:%" G_GINT64_FORMAT " tasks:%" G_GINT64_FORMAT
                 " people:0 tasks:%" G_GINT64_FORMAT,
                 f->mother, f->task_flats, f->task_done, f->task_pass);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (rows, 0), "open_count"), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&want, g_free);

  /* the agency's task hidden by a word: its heading says nothing passes */
  filter.text = "flats";
  rows = hw_service_plan_select_by_person (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_PLAN, &f->today, &error);
  got = describe_array (rows);
  want = expect ("people:%" G_GINT64_FORMAT " tasks:%" G_GINT64_FORMAT " people:0 empty:filtered",
                 f->mother, f->task_flats);
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&got, g_free);

  rows = hw_service_plan_select_by_person (f->store, f->empty_case, NULL, NULL, HW_TASK_SORT_PLAN, &f->today, &error);
  got = describe_array (rows);
  g_assert_cmpstr (got, ==, "empty:nobody");
}

static void
test_due_dates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *got = NULL, *want = NULL;

  rows = hw_service_plan_select_due_dates (f->store, f->case_id, NULL, &f->today, &error);
  g_assert_no_error (error);
  got = describe_array (rows);
  /* bus pass overdue; the goal (13 March) and the flats (18 March) this week */
  want = expect ("heading:overdue timeline:%" G_GINT64_FORMAT " heading:this-week timeline:%"
                 G_GINT64_FORMAT " timeline:%" G_GINT64_FORMAT,
                 f->task_pass, f->goal_home, f->task_flats);
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&got, g_free);

  rows = hw_service_plan_select_due_dates (f->store, f->empty_case, NULL, &f->today, &error);
  got = describe_array (rows);
  g_assert_cmpstr (got, ==, "empty:no-dates");
}

static void
test_aftercare (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *got = NULL, *want = NULL;
  gint64 support;

  support = hw_service_plan_add_aftercare (f->store, f->case_id, "support-networks", "Parents group",
                                           f->mother, 0, "", "", "", &error);
  g_assert_no_error (error);
  rows = hw_service_plan_select_aftercare_outline (f->store, f->case_id, NULL, NULL, &error);
  g_assert_no_error (error);
  got = describe_array (rows);
  want = expect ("aftercare_component:basic-resources empty:nothing-planned"
                 " aftercare_component:safety-practices empty:nothing-planned"
                 " aftercare_component:trauma-informed empty:nothing-planned"
                 " aftercare_component:child-clinical empty:nothing-planned"
                 " aftercare_component:caregiver-supports empty:nothing-planned"
                 " aftercare_component:support-networks aftercare_supports:%" G_GINT64_FORMAT
                 " aftercare_component:navigation empty:nothing-planned", support);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (rows, 11), "provider_name"), ==, "María García");
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) outline = NULL;
  g_autoptr(HwRecordList) screen = NULL;
  g_autoptr(HwRecordList) reviews = NULL;
  g_autoptr(HwRecordList) aftercare = NULL;
  g_autoptr(HwRecord) change = hw_record_new ("needs");
  HwRecipient on_screen = { HW_RECIPIENT_SCREEN, 0 };
  HwTaskFilter filter = { 0 };
  char text[] = "flats";
  guint changes = 0, n, position;
  gint64 task;

  outline = hw_service_plan_outline_list_new (f->store, f->case_id, NULL, NULL, HW_TASK_SORT_PLAN, &f->today);
  n = g_list_model_get_n_items (G_LIST_MODEL (outline));
  g_assert_cmpuint (n, ==, 7);
  g_signal_connect (outline, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* a new task shows at once, under its goal; undo takes it away */
  task = hw_service_plan_add_task (f->store, f->goal_home, "Pack", 0, 0, FALSE, "", "", "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, >, 0);
  g_assert_nonnull (hw_record_list_find (outline, task, &position));
  g_assert_cmpuint (position, ==, 3);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_null (hw_record_list_find (outline, task, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (outline)), ==, n);

  /* a need kept off the shared screen leaves the screen's list with its
   * goals and tasks; the filter is the list's own copy */
  filter.text = text;
  screen = hw_service_plan_outline_list_new (f->store, f->case_id, &on_screen, &filter,
                                             HW_TASK_SORT_PLAN, &f->today);
  text[0] = 'X';
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (screen)), ==, 3);
  hw_record_set_id (change, f->need_housing);
  hw_record_set_int (change, "confidential", 1);
  hw_record_set_string (change, "withheld_from", "screen");
  g_assert_cmpint (hw_service_plan_save (f->store, NULL, change, &error), ==, f->need_housing);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (screen)), ==, 1);
  g_assert_null (hw_record_list_find (screen, f->task_flats, NULL));
  g_assert_nonnull (hw_record_list_find (outline, f->task_flats, NULL));

  reviews = hw_service_plan_reviews_list_new (f->store, f->case_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reviews)), ==, 0);
  hw_service_plan_add_review (f->store, f->case_id, "2025-03-01", "First", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reviews)), ==, 1);

  aftercare = hw_service_plan_aftercare_list_new (f->store, f->case_id, NULL, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (aftercare));
  hw_service_plan_add_aftercare (f->store, f->case_id, "safety-practices", "Check-in calls", 0, 0, "", "", "", &error);
  g_assert_no_error (error);
  /* the "nothing planned" row of safety gives way to the support */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (aftercare)), ==, n);
}

static void
test_ratings (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 review;

  review = hw_service_plan_add_review (f->store, f->case_id, "2025-03-01", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_service_plan_get_rating (f->store, review, "environment", &error), ==, HW_READINESS_UNRATED);
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_rating (f->store, review, "environment", -2, &error));
  g_assert_true (hw_service_plan_set_rating (f->store, review, "child-wellbeing", 1, &error));
  g_assert_cmpint (hw_service_plan_get_rating (f->store, review, "environment", &error), ==, -2);

  /* clearing takes that rating alone away; undo brings it back */
  g_assert_true (hw_service_plan_clear_rating (f->store, review, "environment", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_service_plan_get_rating (f->store, review, "environment", NULL), ==, HW_READINESS_UNRATED);
  g_assert_cmpint (hw_service_plan_get_rating (f->store, review, "child-wellbeing", NULL), ==, 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (hw_service_plan_get_rating (f->store, review, "environment", NULL), ==, -2);

  /* nothing to clear is no error */
  g_assert_true (hw_service_plan_clear_rating (f->store, review, "readiness", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/service-plan-queries/outline", Fixture, NULL, fixture_setup, test_outline, fixture_teardown);
  g_test_add ("/service-plan-queries/by-person", Fixture, NULL, fixture_setup, test_by_person, fixture_teardown);
  g_test_add ("/service-plan-queries/due-dates", Fixture, NULL, fixture_setup, test_due_dates, fixture_teardown);
  g_test_add ("/service-plan-queries/aftercare", Fixture, NULL, fixture_setup, test_aftercare, fixture_teardown);
  g_test_add ("/service-plan-queries/live", Fixture, NULL, fixture_setup, test_live, fixture_teardown);
  g_test_add ("/service-plan-queries/ratings", Fixture, NULL, fixture_setup, test_ratings, fixture_teardown);

  return g_test_run ();
}
