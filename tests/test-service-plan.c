/* test-service-plan.c: needs, goals, tasks, notes, aftercare and readiness
 * reviews in the store; refusals; undo; overdue logic on a fixed clock;
 * the views' queries and the recipient rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-recipient.h"
#include "hw-service-plan.h"
#include "hw-store.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   other_case;
  gint64   mother;
  gint64   aunt;
  gint64   stranger;     /* a person of the other case */
  gint64   clinic;
  gint64   far_org;      /* an organisation of the other case */
  GDate    today;
} Fixture;

static gint64
insert (HwStore  *store,
        HwRecord *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hw_store_insert (store, "Test setup", record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_case (HwStore    *store,
          const char *name)
{
  g_autoptr(HwRecord) rec = hw_record_new ("cases");

  hw_record_set_string (rec, "family_name", name);
  return insert (store, rec);
}

static gint64
add_person (HwStore    *store,
            gint64      case_id,
            const char *name,
            const char *role)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "role", role);
  return insert (store, rec);
}

static gint64
add_org (HwStore    *store,
         gint64      case_id,
         const char *name,
         const char *kind)
{
  g_autoptr(HwRecord) rec = hw_record_new ("organisations");

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "kind", kind);
  return insert (store, rec);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("homeward-sp-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);

  f->case_id = add_case (f->store, "García");
  f->other_case = add_case (f->store, "Other");
  f->mother = add_person (f->store, f->case_id, "María García", "mother");
  f->aunt = add_person (f->store, f->case_id, "Rosa", "relative");
  f->stranger = add_person (f->store, f->other_case, "Stranger", "mother");
  f->clinic = add_org (f->store, f->case_id, "Clinic", "health");
  f->far_org = add_org (f->store, f->other_case, "Far away", "services");

  /* the fixed clock: Wednesday 12 March 2025 */
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, 12, G_DATE_MARCH, 2025);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = NULL;

  g_clear_object (&f->store);
  cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static gint64
count (HwStore    *store,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return hw_store_query_int (store, -1, sql, G_TYPE_INVALID);
}

/* A need, a goal and a task ready to hang things on. */
static gint64
add_chain (Fixture *f,
           gint64  *goal_out)
{
  g_autoptr(GError) error = NULL;
  gint64 need, goal, task;

  need = hw_service_plan_add_need (f->store, f->case_id, "housing", "We need a bigger flat", "Rent paid", &error);
  g_assert_no_error (error);
  goal = hw_service_plan_add_goal (f->store, need, "A safe home with a lease", "2025-06-30", &error);
  g_assert_no_error (error);
  task = hw_service_plan_add_task (f->store, goal, "Apply for a voucher", f->clinic, f->mother, FALSE,
                                   "Once", "2025-03-01", "2025-03-20", &error);
  g_assert_no_error (error);
  g_assert_cmpint (task, >, 0);
  if (goal_out)
    *goal_out = goal;
  return task;
}

/* Dates and the clock ------------------------------------------------------ */

static void
test_dates (void)
{
  GDate date;

  g_assert_true (hw_service_plan_parse_date ("2025-03-14", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 14);
  g_assert_true (hw_service_plan_parse_date ("2024-02-29", NULL));
  g_assert_false (hw_service_plan_parse_date ("2025-02-29", NULL));
  g_assert_false (hw_service_plan_parse_date ("2025-02-30", NULL));
  g_assert_false (hw_service_plan_parse_date ("2025-04-31", NULL));
  g_assert_false (hw_service_plan_parse_date ("2025-13-01", NULL));
  g_assert_false (hw_service_plan_parse_date ("2025-00-10", NULL));
  g_assert_false (hw_service_plan_parse_date ("2025-3-14", NULL));
  g_assert_false (hw_service_plan_parse_date ("2025-03-14x", NULL));
  g_assert_false (hw_service_plan_parse_date ("14/03/2025", NULL));
  g_assert_false (hw_service_plan_parse_date ("", NULL));
  g_assert_false (hw_service_plan_parse_date (NULL, NULL));

  {
    g_autofree char *long_form = hw_service_plan_format_date ("2025-03-04", TRUE);
    g_autofree char *short_form = hw_service_plan_format_date ("2025-05-14", FALSE);
    g_autofree char *not_a_date = hw_service_plan_format_date ("soon", FALSE);

    g_assert_cmpstr (long_form, ==, "4 March 2025");
    g_assert_cmpstr (short_form, ==, "14 May 2025");
    g_assert_cmpstr (not_a_date, ==, "soon");
  }
}

static void
test_due_state (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 12, G_DATE_MARCH, 2025);

  g_assert_cmpint (hw_service_plan_due_state ("in-progress", "2025-03-11", &today), ==, HW_DUE_OVERDUE);
  g_assert_cmpint (hw_service_plan_due_state ("not-started", "2024-12-31", &today), ==, HW_DUE_OVERDUE);
  g_assert_cmpint (hw_service_plan_due_state ("in-progress", "2025-03-12", &today), ==, HW_DUE_THIS_WEEK);
  g_assert_cmpint (hw_service_plan_due_state ("in-progress", "2025-03-18", &today), ==, HW_DUE_THIS_WEEK);
  g_assert_cmpint (hw_service_plan_due_state ("in-progress", "2025-03-19", &today), ==, HW_DUE_LATER);
  /* done or dropped is never overdue */
  g_assert_cmpint (hw_service_plan_due_state ("done", "2025-03-01", &today), ==, HW_DUE_CLOSED);
  g_assert_cmpint (hw_service_plan_due_state ("dropped", "2025-03-01", &today), ==, HW_DUE_CLOSED);
  g_assert_cmpint (hw_service_plan_due_state ("in-progress", "", &today), ==, HW_DUE_NO_DATE);
  g_assert_cmpint (hw_service_plan_due_state ("in-progress", NULL, &today), ==, HW_DUE_NO_DATE);
  /* across a year's end */
  g_date_set_dmy (&today, 29, G_DATE_DECEMBER, 2025);
  g_assert_cmpint (hw_service_plan_due_state ("in-progress", "2026-01-04", &today), ==, HW_DUE_THIS_WEEK);
  g_assert_cmpint (hw_service_plan_due_state ("in-progress", "2026-01-05", &today), ==, HW_DUE_LATER);
  g_assert_cmpstr (hw_due_state_to_string (HW_DUE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (hw_due_state_to_string (HW_DUE_THIS_WEEK), ==, "due-this-week");
}

/* Every record type -------------------------------------------------------- */

static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) task = NULL;
  g_autoptr(HwRecord) change = NULL;
  g_autoptr(GPtrArray) ratings = NULL;
  gint64 goal, task_id, need2, note, after, review;

  task_id = add_chain (f, &goal);
  task = hw_store_get (f->store, "tasks", task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (task, "status"), ==, "not-started");
  g_assert_cmpint (hw_record_get_int (task, "provider_org_id"), ==, f->clinic);
  g_assert_cmpint (hw_record_get_int (task, "responsible_person_id"), ==, f->mother);
  g_assert_cmpstr (hw_record_get_string (task, "target_date"), ==, "2025-03-20");

  /* positions: a second need goes after the first */
  need2 = hw_service_plan_add_need (f->store, f->case_id, "parenting", "", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT position FROM needs WHERE id = ?",
                                       G_TYPE_INT64, need2, G_TYPE_INVALID), ==, 1);

  /* update: barriers are normalised, text trimmed */
  change = hw_record_new ("tasks");
  hw_record_set_id (change, task_id);
  hw_record_set_string (change, "barriers", " wait-list, cost,cost ");
  hw_record_set_string (change, "description", "  Apply for a housing voucher  ");
  g_assert_cmpint (hw_service_plan_save (f->store, NULL, change, &error), ==, task_id);
  g_assert_no_error (error);
  g_clear_object (&task);
  task = hw_store_get (f->store, "tasks", task_id, &error);
  g_assert_cmpstr (hw_record_get_string (task, "barriers"), ==, "cost,wait-list");
  g_assert_cmpstr (hw_record_get_string (task, "description"), ==, "Apply for a housing voucher");

  g_assert_true (hw_service_plan_set_task_status (f->store, task_id, "done", &error));
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_achievement (f->store, goal, "major", &error));
  g_assert_no_error (error);

  note = hw_service_plan_add_note (f->store, task_id, "2025-03-10", "Caseworker",
                                   "Voucher approved, “finally”", &error);
  g_assert_no_error (error);
  g_assert_cmpint (note, >, 0);

  after = hw_service_plan_add_aftercare (f->store, f->case_id, "navigation", "One person to call",
                                         f->aunt, 0, "Weekly in month 1, then monthly",
                                         "2025-04-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (after, >, 0);

  review = hw_service_plan_add_review (f->store, f->case_id, "2025-03-12", "First review", &error);
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_rating (f->store, review, "family-safety", -2, &error));
  g_assert_no_error (error);
  /* rating the same domain again replaces it */
  g_assert_true (hw_service_plan_set_rating (f->store, review, "family-safety", 1, &error));
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_rating (f->store, review, "readiness", -3, &error));
  ratings = hw_service_plan_list_ratings (f->store, review, &error);
  g_assert_cmpuint (ratings->len, ==, 2);
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (ratings, 0), "rating"), ==, 1);

  /* a need goes with its goals, tasks and notes */
  g_assert_true (hw_service_plan_delete (f->store, NULL, "needs",
                                         hw_store_query_int (f->store, 0, "SELECT need_id FROM goals WHERE id = ?",
                                                             G_TYPE_INT64, goal, G_TYPE_INVALID),
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "goals"), ==, 0);
  g_assert_cmpint (count (f->store, "tasks"), ==, 0);
  g_assert_cmpint (count (f->store, "progress_notes"), ==, 0);
  /* and comes back with them */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "goals"), ==, 1);
  g_assert_cmpint (count (f->store, "tasks"), ==, 1);
  g_assert_cmpint (count (f->store, "progress_notes"), ==, 1);

  g_assert_false (hw_service_plan_delete (f->store, NULL, "tasks", 9999, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autoptr(HwRecord) task = NULL;
  gint64 task_id;

  task_id = add_chain (f, NULL);
  g_assert_true (hw_service_plan_set_task_status (f->store, task_id, "done", &error));
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Mark task done");

  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  task = hw_store_get (f->store, "tasks", task_id, &error);
  g_assert_cmpstr (hw_record_get_string (task, "status"), ==, "not-started");

  /* undo the task itself, then redo it */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count (f->store, "tasks"), ==, 0);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "tasks"), ==, 1);
}

/* Refusals: each leaves every table as it was --------------------------------- */

static gint64
total_rows (HwStore *store)
{
  return count (store, "needs") + count (store, "goals") + count (store, "tasks") +
         count (store, "progress_notes") + count (store, "aftercare_supports") +
         count (store, "readiness_reviews") + count (store, "readiness_ratings");
}

static void
assert_refused (Fixture  *f,
                HwRecord *record)
{
  g_autoptr(GError) error = NULL;
  gint64 before = total_rows (f->store);
  g_autofree char *undo_before = hw_store_get_undo_label (f->store);
  g_autofree char *undo_after = NULL;

  g_assert_false (hw_service_plan_validate (f->store, record, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (hw_service_plan_save (f->store, NULL, record, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_cmpint (total_rows (f->store), ==, before);
  undo_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (undo_before, ==, undo_after);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) stored = NULL;
  gint64 goal, task_id, need, review;

  task_id = add_chain (f, &goal);
  need = hw_store_query_int (f->store, 0, "SELECT need_id FROM goals WHERE id = ?",
                             G_TYPE_INT64, goal, G_TYPE_INVALID);
  review = hw_service_plan_add_review (f->store, f->case_id, "2025-03-01", "", &error);
  g_assert_no_error (error);

  {
    g_autoptr(HwRecord) r = hw_record_new ("needs");
    hw_record_set_int (r, "case_id", f->case_id);
    hw_record_set_string (r, "domain", "astrology");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("needs");
    hw_record_set_int (r, "case_id", 4242);
    hw_record_set_string (r, "domain", "housing");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("needs");
    hw_record_set_int (r, "case_id", f->case_id);
    hw_record_set_string (r, "domain", "housing");
    hw_record_set_string (r, "withheld_from", "family,neighbours");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("goals");
    hw_record_set_int (r, "need_id", need);
    hw_record_set_string (r, "text", "   ");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("goals");
    hw_record_set_int (r, "need_id", need);
    hw_record_set_string (r, "text", "A goal");
    hw_record_set_string (r, "target_date", "2025-02-30");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("goals");
    hw_record_set_int (r, "need_id", need);
    hw_record_set_string (r, "text", "A goal");
    hw_record_set_string (r, "achievement", "huge");
    assert_refused (f, r);
  }
  /* tasks */
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    hw_record_set_string (r, "start_date", "2025-03-10");
    hw_record_set_string (r, "target_date", "2025-03-01");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    hw_record_set_string (r, "start_date", "2025-02-30");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    hw_record_set_int (r, "provider_org_id", f->far_org);
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    /* an organisation that does not exist */
    hw_record_set_int (r, "provider_org_id", 999);
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    hw_record_set_int (r, "responsible_person_id", f->stranger);
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    hw_record_set_int (r, "responsible_person_id", f->mother);
    hw_record_set_int (r, "responsible_agency", 1);
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    hw_record_set_string (r, "status", "finished");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", goal);
    hw_record_set_string (r, "description", "Task");
    hw_record_set_string (r, "barriers", "cost,weather");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_int (r, "goal_id", 777);
    hw_record_set_string (r, "description", "Task");
    assert_refused (f, r);
  }
  /* an update checked against the stored row: a target before the stored
   * start (2025-03-01) */
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_id (r, task_id);
    hw_record_set_string (r, "target_date", "2025-02-01");
    assert_refused (f, r);
    stored = hw_store_get (f->store, "tasks", task_id, &error);
    g_assert_cmpstr (hw_record_get_string (stored, "target_date"), ==, "2025-03-20");
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("tasks");
    hw_record_set_id (r, task_id);
    hw_record_set_int (r, "responsible_person_id", f->stranger);
    assert_refused (f, r);
  }
  /* notes */
  {
    g_autoptr(HwRecord) r = hw_record_new ("progress_notes");
    hw_record_set_int (r, "task_id", task_id);
    hw_record_set_string (r, "text", "Note");
    assert_refused (f, r);   /* no date */
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("progress_notes");
    hw_record_set_int (r, "task_id", task_id);
    hw_record_set_string (r, "date", "2025-03-01");
    hw_record_set_string (r, "text", "");
    assert_refused (f, r);
  }
  /* aftercare */
  {
    g_autoptr(HwRecord) r = hw_record_new ("aftercare_supports");
    hw_record_set_int (r, "case_id", f->case_id);
    hw_record_set_string (r, "component", "luck");
    hw_record_set_string (r, "description", "x");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("aftercare_supports");
    hw_record_set_int (r, "case_id", f->case_id);
    hw_record_set_string (r, "component", "navigation");
    hw_record_set_string (r, "description", "x");
    hw_record_set_int (r, "provider_person_id", f->stranger);
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("aftercare_supports");
    hw_record_set_int (r, "case_id", f->case_id);
    hw_record_set_string (r, "component", "navigation");
    hw_record_set_string (r, "description", "x");
    hw_record_set_string (r, "start_date", "2025-05-01");
    hw_record_set_string (r, "end_date", "2025-04-01");
    assert_refused (f, r);
  }
  /* readiness */
  {
    g_autoptr(HwRecord) r = hw_record_new ("readiness_reviews");
    hw_record_set_int (r, "case_id", f->case_id);
    hw_record_set_string (r, "date", "2025-13-01");
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("readiness_ratings");
    hw_record_set_int (r, "review_id", review);
    hw_record_set_string (r, "domain", "readiness");
    hw_record_set_int (r, "rating", 3);
    assert_refused (f, r);
  }
  {
    g_autoptr(HwRecord) r = hw_record_new ("readiness_ratings");
    hw_record_set_int (r, "review_id", review);
    hw_record_set_string (r, "domain", "moon-phase");
    hw_record_set_int (r, "rating", 0);
    assert_refused (f, r);
  }
  /* not a service plan table at all */
  {
    g_autoptr(HwRecord) r = hw_record_new ("cases");
    hw_record_set_string (r, "family_name", "Sneaky");
    assert_refused (f, r);
  }
  g_assert_false (hw_service_plan_set_rating (f->store, review, "readiness", -4, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hw_service_plan_set_task_status (f->store, task_id, "nearly", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
}

/* Views -------------------------------------------------------------------- */

static void
test_views (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) by_due = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) people = NULL;
  HwTaskFilter filter = { 0 };
  gint64 need_a, need_b, goal_a, goal_b, late, week, later, done, agency;

  /* needs in the "wrong" order: the plan order follows the domains */
  need_b = hw_service_plan_add_need (f->store, f->case_id, "transportation", "The bus takes two hours", "", &error);
  need_a = hw_service_plan_add_need (f->store, f->case_id, "housing", "A bigger flat", "", &error);
  goal_a = hw_service_plan_add_goal (f->store, need_a, "Safe home", "2025-03-13", &error);
  goal_b = hw_service_plan_add_goal (f->store, need_b, "On time to visits", "", &error);
  g_assert_no_error (error);

  late = hw_service_plan_add_task (f->store, goal_b, "Bus pass", 0, 0, TRUE, "", "", "2025-03-10", &error);
  week = hw_service_plan_add_task (f->store, goal_a, "See flats", 0, f->mother, FALSE, "", "", "2025-03-18", &error);
  later = hw_service_plan_add_task (f->store, goal_a, "Sign the lease", f->clinic, f->mother, FALSE, "", "", "2025-05-01", &error);
  done = hw_service_plan_add_task (f->store, goal_b, "Ask Rosa for rides", 0, f->aunt, FALSE, "", "", "2025-03-01", &error);
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_task_status (f->store, done, "done", &error));
  agency = late;

  all = hw_service_plan_list_tasks (f->store, f->case_id, NULL, NULL, HW_TASK_SORT_PLAN, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  /* housing before transport, tasks in their order */
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (all, 0)), ==, week);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (all, 1)), ==, later);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (all, 2)), ==, late);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 0), "due_state"), ==, "due-this-week");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 1), "due_state"), ==, "later");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 2), "due_state"), ==, "overdue");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 3), "due_state"), ==, "closed");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 2), "responsible_name"), ==, "Agency");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 1), "provider_name"), ==, "Clinic");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 0), "goal_text"), ==, "Safe home");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 0), "domain"), ==, "housing");

  /* what I need to do */
  filter.by_person = TRUE;
  filter.person_id = f->mother;
  mine = hw_service_plan_list_tasks (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_DUE, &f->today, &error);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (mine, 0)), ==, week);
  filter.person_id = 0;   /* the agency's */
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = hw_service_plan_list_tasks (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_DUE, &f->today, &error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (mine, 0)), ==, agency);

  /* overdue and due this week */
  memset (&filter, 0, sizeof filter);
  filter.due_soon_only = TRUE;
  soon = hw_service_plan_list_tasks (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_DUE, &f->today, &error);
  g_assert_cmpuint (soon->len, ==, 2);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (soon, 0)), ==, late);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (soon, 1)), ==, week);

  /* text, any case, accents folded the same way */
  memset (&filter, 0, sizeof filter);
  filter.text = "BUS";
  found = hw_service_plan_list_tasks (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_PLAN, &f->today, &error);
  g_assert_cmpuint (found->len, ==, 2);   /* "Bus pass" and the need "The bus takes..." */
  filter.text = NULL;
  filter.open_only = TRUE;
  filter.domain = "transportation";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = hw_service_plan_list_tasks (f->store, f->case_id, NULL, &filter, HW_TASK_SORT_PLAN, &f->today, &error);
  g_assert_cmpuint (found->len, ==, 1);

  /* sorted by status: in progress/not started before done */
  by_due = hw_service_plan_list_tasks (f->store, f->case_id, NULL, NULL, HW_TASK_SORT_STATUS, &f->today, &error);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (by_due, 3)), ==, done);

  /* the timeline: open dated tasks and dated goals, by date */
  timeline = hw_service_plan_list_timeline (f->store, f->case_id, NULL, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 4);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (timeline, 0), "date"), ==, "2025-03-10");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (timeline, 1), "kind"), ==, "goal");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (timeline, 1), "due_state"), ==, "due-this-week");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (timeline, 3), "date"), ==, "2025-05-01");

  people = hw_service_plan_list_responsible (f->store, f->case_id, NULL, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (people, 0), "name"), ==, "María García");
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (people, 0), "open_count"), ==, 2);
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (people, 2), "agency"), ==, 1);
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (people, 2), "overdue_count"), ==, 1);
}

static void
test_recipients (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) need = hw_record_new ("needs");
  g_autoptr(HwRecord) note = hw_record_new ("progress_notes");
  g_autoptr(GPtrArray) agency_tasks = NULL;
  g_autoptr(GPtrArray) family_tasks = NULL;
  g_autoptr(GPtrArray) screen_tasks = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  HwRecipient screen = { HW_RECIPIENT_SCREEN, 0 };
  gint64 task, goal, need_id, later_need;

  task = add_chain (f, NULL);
  hw_record_set_int (need, "case_id", f->case_id);
  hw_record_set_string (need, "domain", "domestic-violence");
  hw_record_set_string (need, "family_words", "SECRET NEED");
  hw_record_set_int (need, "confidential", 1);
  hw_record_set_string (need, "withheld_from", "screen, family");
  need_id = hw_service_plan_save (f->store, NULL, need, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (need, "withheld_from"), ==, "family,screen");
  goal = hw_service_plan_add_goal (f->store, need_id, "Hidden goal", "", &error);
  hw_service_plan_add_task (f->store, goal, "Hidden task", 0, 0, TRUE, "", "", "", &error);
  g_assert_no_error (error);

  hw_record_set_int (note, "task_id", task);
  hw_record_set_string (note, "date", "2025-03-02");
  hw_record_set_string (note, "text", "SECRET NOTE");
  hw_record_set_int (note, "confidential", 1);
  hw_record_set_string (note, "withheld_from", "family");
  g_assert_cmpint (hw_service_plan_save (f->store, NULL, note, &error), >, 0);
  hw_service_plan_add_note (f->store, task, "2025-03-03", NULL, "Open note", &error);
  g_assert_no_error (error);

  agency_tasks = hw_service_plan_list_tasks (f->store, f->case_id, NULL, NULL, 0, &f->today, &error);
  family_tasks = hw_service_plan_list_tasks (f->store, f->case_id, &family, NULL, 0, &f->today, &error);
  screen_tasks = hw_service_plan_list_tasks (f->store, f->case_id, &screen, NULL, 0, &f->today, &error);
  g_assert_cmpuint (agency_tasks->len, ==, 2);
  g_assert_cmpuint (family_tasks->len, ==, 1);
  g_assert_cmpuint (screen_tasks->len, ==, 1);
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (family_tasks, 0), "note_count"), ==, 1);
  notes = hw_service_plan_list_notes (f->store, task, &family, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (notes, 0), "text"), ==, "Open note");

  /* the agency reads every note, by date; the screen no confidential one */
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = hw_service_plan_list_notes (f->store, task, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (notes, 0), "text"), ==, "SECRET NOTE");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (notes, 1), "text"), ==, "Open note");
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = hw_service_plan_list_notes (f->store, task, &screen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (notes, 0), "text"), ==, "Open note");

  /* needs by domain, then position: the later housing need comes before
   * the violence one; the family and the screen do not get that one */
  later_need = hw_service_plan_add_need (f->store, f->case_id, "housing", "A second housing need", "", &error);
  g_assert_no_error (error);
  needs = hw_service_plan_list_needs (f->store, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, ==, 3);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (needs, 0), "domain"), ==, "housing");
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (needs, 1)), ==, later_need);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (needs, 2)), ==, need_id);
  g_clear_pointer (&needs, g_ptr_array_unref);
  needs = hw_service_plan_list_needs (f->store, f->case_id, &family, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, ==, 2);
  g_assert_cmpint (hw_record_get_id (g_ptr_array_index (needs, 1)), ==, later_need);
  g_clear_pointer (&needs, g_ptr_array_unref);
  needs = hw_service_plan_list_needs (f->store, f->case_id, &screen, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, ==, 2);
  for (guint i = 0; i < needs->len; i++)
    g_assert_cmpint (hw_record_get_id (g_ptr_array_index (needs, i)), !=, need_id);
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 goal, t1, t2, t3;

  t1 = add_chain (f, &goal);
  t2 = hw_service_plan_add_task (f->store, goal, "Second", 0, 0, FALSE, "", "", "", &error);
  t3 = hw_service_plan_add_task (f->store, goal, "Third", 0, 0, FALSE, "", "", "", &error);
  g_assert_no_error (error);

  g_assert_true (hw_service_plan_move (f->store, "tasks", t3, -1, &error));
  g_assert_no_error (error);
#define POS(id) hw_store_query_int (f->store, -1, "SELECT position FROM tasks WHERE id = ?", G_TYPE_INT64, (id), G_TYPE_INVALID)
  g_assert_cmpint (POS (t1), ==, 0);
  g_assert_cmpint (POS (t3), ==, 1);
  g_assert_cmpint (POS (t2), ==, 2);
  /* past the top: nothing happens */
  g_assert_true (hw_service_plan_move (f->store, "tasks", t1, -1, &error));
  g_assert_cmpint (POS (t1), ==, 0);
  /* one undo puts the whole move back */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (POS (t2), ==, 1);
  g_assert_cmpint (POS (t3), ==, 2);
#undef POS
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) aftercare = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  GDate today;
  guint overdue = 0, done = 0;
  gint64 empty_case;

  add_person (f->store, f->case_id, "Leo", "child");
  add_person (f->store, f->case_id, "Sam Worker", "caseworker");
  add_org (f->store, f->case_id, "Family Centre", "provider");
  add_org (f->store, f->case_id, "Lincoln School", "school");

  g_assert_true (hw_store_begin_edit (f->store, "Add the demo family", &error));
  g_assert_true (hw_service_plan_add_demo (f->store, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_commit_edit (f->store, &error));

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  tasks = hw_service_plan_list_tasks (f->store, f->case_id, NULL, NULL, HW_TASK_SORT_PLAN, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, >=, 10);
  for (guint i = 0; i < tasks->len; i++)
    {
      const char *due = hw_record_get_string (g_ptr_array_index (tasks, i), "due_state");
      overdue += g_str_equal (due, "overdue");
      done += g_str_equal (hw_record_get_string (g_ptr_array_index (tasks, i), "status"), "done");
    }
  g_assert_cmpuint (overdue, >=, 2);
  g_assert_cmpuint (done, >=, 2);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(DISTINCT domain) FROM needs", G_TYPE_INVALID), >=, 5);

  aftercare = hw_service_plan_list_aftercare (f->store, f->case_id, NULL, &error);
  g_assert_cmpuint (aftercare->len, ==, 7);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (aftercare, 6), "component"), ==, "navigation");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (aftercare, 6), "provider_name"), ==, "Sam Worker");
  reviews = hw_service_plan_list_reviews (f->store, f->case_id, &error);
  g_assert_cmpuint (reviews->len, ==, 3);
  g_assert_cmpint (count (f->store, "readiness_ratings"), ==, 21);
  /* the last review is better than the first overall */
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT sum(rating) FROM readiness_ratings WHERE review_id = ?",
                                       G_TYPE_INT64, hw_record_get_id (g_ptr_array_index (reviews, 2)), G_TYPE_INVALID),
                   >, hw_store_query_int (f->store, 0,
                                          "SELECT sum(rating) FROM readiness_ratings WHERE review_id = ?",
                                          G_TYPE_INT64, hw_record_get_id (g_ptr_array_index (reviews, 0)), G_TYPE_INVALID));

  /* the shared sample family: the plan fits the people it has, and never
   * makes the father (alleged to have harmed a child) responsible */
  {
    gint64 morales = hw_demo_create (f->store, &error);
    g_autoptr(GPtrArray) family_tasks = NULL;
    HwRecipient screen = { HW_RECIPIENT_SCREEN, 0 };

    g_assert_no_error (error);
    g_assert_true (hw_store_begin_edit (f->store, "Add the demo plan", &error));
    g_assert_true (hw_service_plan_add_demo (f->store, morales, &error));
    g_assert_no_error (error);
    g_assert_true (hw_store_commit_edit (f->store, &error));
    g_assert_cmpint (hw_store_query_int (f->store, -1,
                                         "SELECT count(*) FROM tasks t JOIN people p ON p.id = t.responsible_person_id"
                                         " WHERE p.alleged_harm_source = 1", G_TYPE_INVALID), ==, 0);
    g_assert_cmpint (hw_store_query_int (f->store, -1,
                                         "SELECT count(*) FROM tasks t JOIN people p ON p.id = t.responsible_person_id"
                                         " WHERE p.case_id = ? AND p.role = 'mother'",
                                         G_TYPE_INT64, morales, G_TYPE_INVALID), >=, 8);
    /* the meeting screen does not get the withheld need */
    family_tasks = hw_service_plan_list_tasks (f->store, morales, &screen, NULL, HW_TASK_SORT_PLAN, &today, &error);
    for (guint i = 0; i < family_tasks->len; i++)
      g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (family_tasks, i), "domain"), !=, "domestic-violence");
  }

  /* a case with nobody in it still gets a plan, with nobody responsible */
  empty_case = add_case (f->store, "Empty");
  g_assert_true (hw_store_begin_edit (f->store, "Add the demo family", &error));
  g_assert_true (hw_service_plan_add_demo (f->store, empty_case, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_commit_edit (f->store, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service-plan/dates", test_dates);
  g_test_add_func ("/service-plan/due-state", test_due_state);
  g_test_add ("/service-plan/records", Fixture, NULL, fixture_setup, test_records, fixture_teardown);
  g_test_add ("/service-plan/undo", Fixture, NULL, fixture_setup, test_undo, fixture_teardown);
  g_test_add ("/service-plan/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add ("/service-plan/views", Fixture, NULL, fixture_setup, test_views, fixture_teardown);
  g_test_add ("/service-plan/recipients", Fixture, NULL, fixture_setup, test_recipients, fixture_teardown);
  g_test_add ("/service-plan/move", Fixture, NULL, fixture_setup, test_move, fixture_teardown);
  g_test_add ("/service-plan/demo", Fixture, NULL, fixture_setup, test_demo, fixture_teardown);

  return g_test_run ();
}
