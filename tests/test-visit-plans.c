/* test-visit-plans.c: visit plans that change over time: a change from a
 * date on, stepping the level up or down with a reason, ending a plan;
 * what each keeps (past visits, outcomes, counts, level history), what it
 * refuses, undo, the JSON interchange and the upgrade of an older
 * database (schema migration 4).
 *
 * Dates are counted from today: a change may only start today or later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "hw-interchange.h"
#include "hw-schema.h"
#include "hw-store.h"
#include "hw-visits.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   mother, ana, leo, worker, tom;
  gint64   plan;            /* weekly, supervised, started six weeks ago */
  char     start[20];       /* its first visit */
} Fixture;

static gint64
add_person (HwStore *store, gint64 case_id, const char *name, const char *role)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "role", role);
  id = hw_store_insert (store, "Add person", rec, &error);
  g_assert_no_error (error);
  return id;
}

/* today + @days as "YYYY-MM-DD" */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) d = g_date_time_add_days (now, days);

  return g_date_time_format (d, "%Y-%m-%d");
}

static gint64
wall (const char *local)
{
  gint64 w = 0;

  g_assert_true (hw_recurrence_local_to_utc (NULL, local, &w, NULL));
  return w;
}

static GArray *
list_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GArray *a = hw_visits_list (f->store, f->case_id, 0, wall ("2020-01-01T00:00:00"),
                              wall ("2030-01-01T00:00:00"), &error);

  g_assert_no_error (error);
  return a;
}

/* One line per visit: start, plan, level, status, place. */
static char *
describe_visits (Fixture *f, const char *before_day)
{
  g_autoptr(GArray) visits = list_all (f);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = &g_array_index (visits, HwVisit, i);

      if (before_day && strncmp (v->occ.local_start, before_day, 10) >= 0)
        continue;
      g_string_append_printf (s, "%s %" G_GINT64_FORMAT " %s %s %s %" G_GINT64_FORMAT " %s\n",
                              v->occ.local_start, v->series_id, v->level, v->status, v->place,
                              v->record_id, v->observations);
    }
  return g_string_free (s, FALSE);
}

static guint
count_flag (Fixture *f, guint flag)
{
  g_autoptr(GArray) visits = list_all (f);
  guint n = 0;

  for (guint i = 0; i < visits->len; i++)
    if (g_array_index (visits, HwVisit, i).flags & flag)
      n++;
  return n;
}

static guint
count_visits (Fixture *f)
{
  g_autoptr(GArray) visits = list_all (f);

  return visits->len;
}

static gint64
sql_int (Fixture *f, const char *sql)
{
  return hw_store_query_int (f->store, -1, sql, G_TYPE_INVALID);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autofree char *path = NULL;
  g_autofree char *first = day_from_today (-42);
  g_autoptr(HwRecurrence) r = NULL;
  g_autoptr(GArray) occ = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 visitors[1], children[2];
  HwVisitPlan plan = { 0 };

  f->dir = g_dir_make_tmp ("homeward-visit-plans-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_record_set_string (kase, "family_name", "Rivera");
  f->case_id = hw_store_insert (f->store, "Add case", kase, &error);
  g_assert_no_error (error);
  f->mother = add_person (f->store, f->case_id, "Maria Rivera", "mother");
  f->ana = add_person (f->store, f->case_id, "Ana Rivera", "child");
  f->leo = add_person (f->store, f->case_id, "Leo Rivera", "child");
  f->worker = add_person (f->store, f->case_id, "Dana Cole", "caseworker");
  f->tom = add_person (f->store, f->case_id, "Tom Rivera", "father");

  /* twenty weekly visits at 10:00 (floating time), six weeks behind */
  visitors[0] = f->mother;
  children[0] = f->ana;
  children[1] = f->leo;
  g_snprintf (f->start, sizeof f->start, "%sT10:00:00", first);
  plan.case_id = f->case_id;
  plan.title = "Family time";
  plan.place = "Agency visit room";
  plan.dtstart = f->start;
  plan.tzid = "";
  plan.duration_minutes = 120;
  plan.rrule = "FREQ=WEEKLY;COUNT=20";
  plan.level = "supervised";
  plan.supervisor_person_id = f->worker;
  plan.visitors = visitors;
  plan.n_visitors = 1;
  plan.children = children;
  plan.n_children = 2;
  f->plan = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);

  /* what happened at the past ones (one cancelled by the agency) */
  r = hw_visits_get_recurrence (f->store, f->plan, &error);
  g_assert_no_error (error);
  occ = hw_recurrence_expand_all (r, now);
  for (guint i = 0; i < occ->len; i++)
    {
      HwOccurrence *o = &g_array_index (occ, HwOccurrence, i);
      HwVisitOutcome happened = { "happened", "", "", "Read a book together.", "" };
      HwVisitOutcome cancelled = { "cancelled-agency", "", "", "", "" };

      if (strncmp (o->key, first, 10) < 0 || o->end_utc > now - 86400)
        continue;
      hw_visits_record_outcome (f->store, f->plan, o->key, i == 2 ? &cancelled : &happened, &error);
      g_assert_no_error (error);
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static void
test_change_from_a_date (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = day_from_today (8);
  g_autofree char *start = g_strdup_printf ("%sT17:30:00", from);
  g_autofree char *past = describe_visits (f, from);
  g_autofree char *all_before = describe_visits (f, NULL);
  g_autoptr(GArray) months_before = NULL;
  g_autoptr(GArray) months_after = NULL;
  g_autoptr(GArray) history = NULL;
  g_autoptr(GArray) plans = NULL;
  g_autofree char *past_after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 visitors[] = { f->mother };
  gint64 children[] = { f->ana, f->leo };
  guint records = sql_int (f, "SELECT count(*) FROM visit_records");
  HwVisitPlan plan = { 0 };
  gint64 id;

  months_before = hw_visits_monthly_counts (f->store, f->case_id, g_date_time_get_year (now) - 1,
                                            g_date_time_get_month (now), 12, &error);
  g_assert_no_error (error);

  plan.case_id = f->case_id;
  plan.title = "Family time";
  plan.place = "Riverside Library";
  plan.dtstart = start;
  plan.tzid = "";
  plan.duration_minutes = 90;
  plan.rrule = "FREQ=WEEKLY;COUNT=6";
  plan.level = "monitored";
  plan.supervisor_person_id = f->worker;
  plan.visitors = visitors;
  plan.n_visitors = 1;
  plan.children = children;
  plan.n_children = 2;

  /* a level change needs its reason */
  g_assert_cmpint (hw_visits_change_plan (f->store, f->plan, from, &plan, "  ", &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  id = hw_visits_change_plan (f->store, f->plan, from, &plan,
                              "Court review: monitored visits ordered.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, f->plan);

  /* the past is exactly as it was: same visits, same rows, same outcomes */
  past_after = describe_visits (f, from);
  g_assert_cmpstr (past_after, ==, past);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM visit_records"), ==, records);
  months_after = hw_visits_monthly_counts (f->store, f->case_id, g_date_time_get_year (now) - 1,
                                           g_date_time_get_month (now), 12, &error);
  g_assert_no_error (error);
  /* this month and the past ones count the same up to the change */
  for (guint i = 0; i < 11; i++)
    {
      HwVisitMonth *a = &g_array_index (months_before, HwVisitMonth, i);
      HwVisitMonth *b = &g_array_index (months_after, HwVisitMonth, i);

      g_assert_cmpuint (a->happened, ==, b->happened);
      g_assert_cmpuint (a->cancelled_agency, ==, b->cancelled_agency);
      g_assert_cmpuint (a->planned, ==, b->planned);
    }

  /* the old plan ends the day before; the new one carries on: no doubled
   * visit and no child in two visits at once */
  {
    g_autoptr(GArray) visits = list_all (f);
    guint old_after = 0, new_visits = 0;

    for (guint i = 0; i < visits->len; i++)
      {
        HwVisit *v = &g_array_index (visits, HwVisit, i);

        if (v->series_id == f->plan && strncmp (v->occ.local_start, from, 10) >= 0)
          old_after++;
        if (v->series_id == id)
          {
            new_visits++;
            g_assert_cmpstr (v->level, ==, "monitored");
            g_assert_cmpstr (v->place, ==, "Riverside Library");
            g_assert_cmpstr (v->occ.local_start + 11, ==, "17:30:00");
          }
      }
    g_assert_cmpuint (old_after, ==, 0);
    g_assert_cmpuint (new_visits, ==, 6);
  }
  g_assert_cmpuint (count_flag (f, HW_VISIT_FLAG_CHILD_CONFLICT), ==, 0);

  /* the level history keeps the supervised weeks and says why it changed */
  history = hw_visits_level_history (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 0).level, ==, "supervised");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 0).reason, ==, "");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 1).level, ==, "monitored");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 1).change_date, ==, from);
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 1).reason, ==,
                   "Court review: monitored visits ordered.");

  plans = hw_visits_list_plans (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (g_array_index (plans, HwVisitPlanSummary, 0).id, ==, id);
  g_assert_cmpint (g_array_index (plans, HwVisitPlanSummary, 0).follows_id, ==, f->plan);
  {
    char last[11];
    g_autofree char *day_before = NULL;
    g_autoptr(GDateTime) d
        = g_date_time_new_utc (atoi (from), atoi (from + 5), atoi (from + 8), 0, 0, 0);
    g_autoptr(GDateTime) b = g_date_time_add_days (d, -1);

    day_before = g_date_time_format (b, "%Y-%m-%d");
    g_strlcpy (last, g_array_index (plans, HwVisitPlanSummary, 1).last_day, sizeof last);
    /* the old plan's last visit is on or before the day before */
    g_assert_cmpstr (last, <=, day_before);
  }

  /* one step of undo puts everything back */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *all_after_undo = describe_visits (f, NULL);

    g_assert_cmpstr (all_after_undo, ==, all_before);
  }
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM visit_series"), ==, 1);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM visit_series"), ==, 2);
}

static void
test_step_up_and_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = day_from_today (0);
  g_autofree char *later = day_from_today (21);
  g_autofree char *before = describe_visits (f, NULL);
  g_autofree char *undo_label = NULL;
  g_autoptr(GArray) history = NULL;
  guint total = count_visits (f);
  gint64 up, down;

  up = hw_visits_step_level (f->store, f->plan, today, HW_VISIT_STEP_UP, "unsupervised",
                             "Six weeks of visits without concerns; the team agreed.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (up, !=, 0);
  undo_label = hw_store_get_undo_label (f->store);
  g_assert_true (strstr (undo_label, "Step up") != NULL);
  /* audited as one action */
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM hw_audit WHERE action = 'Step up visits'"), >=,
                   2);

  /* the same twenty visits, no more: COUNT kept the visits left */
  g_assert_cmpuint (count_visits (f), ==, total);
  g_assert_cmpuint (count_flag (f, HW_VISIT_FLAG_CHILD_CONFLICT), ==, 0);

  down = hw_visits_step_level (f->store, up, later, HW_VISIT_STEP_DOWN, "monitored",
                               "Missed two visits; back to monitored until the next review.",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (down, !=, 0);
  g_assert_cmpuint (count_visits (f), ==, total);
  g_assert_cmpuint (count_flag (f, HW_VISIT_FLAG_CHILD_CONFLICT), ==, 0);

  history = hw_visits_level_history (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 1).level, ==, "unsupervised");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 1).reason, ==,
                   "Six weeks of visits without concerns; the team agreed.");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 2).level, ==, "monitored");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 2).reason, ==,
                   "Missed two visits; back to monitored until the next review.");

  /* undo each */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = describe_visits (f, NULL);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_end (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *end = day_from_today (10);
  g_autofree char *before = describe_visits (f, NULL);
  g_autofree char *past = describe_visits (f, end);
  g_autoptr(GArray) visits = NULL;
  gint64 future;
  HwVisitPlan plan = { 0 };
  gint64 children[] = { f->ana };
  g_autofree char *next_month = day_from_today (40);
  g_autofree char *start = g_strdup_printf ("%sT18:00:00", next_month);

  /* no reason, or only spaces: refused, nothing changes */
  g_assert_false (hw_visits_end_plan (f->store, f->plan, end, NULL, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hw_visits_end_plan (f->store, f->plan, end, "   ", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *unchanged = describe_visits (f, NULL);

    g_assert_cmpstr (unchanged, ==, before);
  }

  g_assert_true (hw_visits_end_plan (f->store, f->plan, end, " The family moved away. ", &error));
  g_assert_no_error (error);
  /* the day and the reason are kept, trimmed, for the level history */
  {
    g_autoptr(HwRecord) row = hw_store_get (f->store, "visit_series", f->plan, &error);
    g_autoptr(GArray) plans = hw_visits_list_plans (f->store, f->case_id, &error);

    g_assert_cmpstr (hw_record_get_string (row, "end_reason"), ==, "The family moved away.");
    g_assert_cmpstr (hw_record_get_string (row, "ended_on"), ==, end);
    g_assert_cmpstr (g_array_index (plans, HwVisitPlanSummary, 0).end_reason, ==,
                     "The family moved away.");
  }
  visits = list_all (f);
  for (guint i = 0; i < visits->len; i++)
    g_assert_cmpint (strncmp (g_array_index (visits, HwVisit, i).occ.local_start, end, 10), <=, 0);
  {
    g_autofree char *past_after = describe_visits (f, end);

    g_assert_cmpstr (past_after, ==, past);
  }
  /* ended already */
  g_assert_false (hw_visits_end_plan (f->store, f->plan, end, "Again", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (hw_store_undo (f->store, &error));
  {
    g_autofree char *after = describe_visits (f, NULL);

    g_assert_cmpstr (after, ==, before);
  }

  /* a plan that ends before its first visit leaves nothing behind */
  plan.case_id = f->case_id;
  plan.dtstart = start;
  plan.duration_minutes = 60;
  plan.rrule = "FREQ=WEEKLY";
  plan.level = "unsupervised";
  plan.children = children;
  plan.n_children = 1;
  future = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);
  g_assert_true (hw_visits_end_plan (f->store, future, end, "Not needed", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM visit_series"), ==, 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM visit_series"), ==, 2);
}

/* Every refusal leaves the database as it was. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *yesterday = day_from_today (-1);
  g_autofree char *too_early = day_from_today (-60);
  g_autofree char *too_late = day_from_today (200);
  g_autofree char *soon = day_from_today (7);
  g_autofree char *before = describe_visits (f, NULL);
  g_autofree char *label = hw_store_get_undo_label (f->store);
  g_autofree char *ana_start = NULL;
  gint64 other;
  struct {
    const char *day;
    HwVisitStep dir;
    const char *level;
    const char *reason;
  } steps[] = {
    { yesterday, HW_VISIT_STEP_UP, "monitored", "Reason" },        /* in the past */
    { too_early, HW_VISIT_STEP_UP, "monitored", "Reason" },        /* before the plan and past */
    { too_late, HW_VISIT_STEP_UP, "monitored", "Reason" },         /* after its last visit */
    { soon, HW_VISIT_STEP_UP, "supervised", "Reason" },            /* same level */
    { soon, HW_VISIT_STEP_UP, "therapeutic", "Reason" },           /* a step up that goes down */
    { soon, HW_VISIT_STEP_DOWN, "monitored", "Reason" },           /* a step down that goes up */
    { soon, HW_VISIT_STEP_UP, "monitored", "" },                   /* no reason */
    { soon, HW_VISIT_STEP_UP, "no-such-level", "Reason" },
    { "2026-02-30", HW_VISIT_STEP_UP, "monitored", "Reason" },     /* no such day */
    { "next week", HW_VISIT_STEP_UP, "monitored", "Reason" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *after = NULL;
      g_autofree char *label_after = NULL;

      g_assert_cmpint (hw_visits_step_level (f->store, f->plan, steps[i].day, steps[i].dir,
                                             steps[i].level, steps[i].reason, &error),
                       ==, 0);
      g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_clear_error (&error);
      after = describe_visits (f, NULL);
      g_assert_cmpstr (after, ==, before);
      label_after = hw_store_get_undo_label (f->store);
      g_assert_cmpstr (label_after, ==, label);
    }
  g_assert_false (hw_visits_end_plan (f->store, f->plan, yesterday, "Reason", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hw_visits_end_plan (f->store, 9999, soon, "Reason", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* a second plan for Ana on Fridays... */
  {
    g_autoptr(HwRecurrence) r = hw_visits_get_recurrence (f->store, f->plan, NULL);
    g_autoptr(GArray) occ
        = hw_recurrence_expand (r, wall (f->start) + 50 * 86400, wall (f->start) + 100 * 86400);
    gint64 children[] = { f->ana };
    HwVisitPlan plan = { 0 };

    /* ...at the old plan's time a week after the step: the step's plan
     * would be in two places at once */
    g_assert_cmpuint (occ->len, >, 2);
    ana_start = g_strdup (g_array_index (occ, HwOccurrence, 2).key);
    plan.case_id = f->case_id;
    plan.dtstart = ana_start;
    plan.duration_minutes = 60;
    plan.rrule = "";
    plan.level = "therapeutic";
    plan.children = children;
    plan.n_children = 1;
    other = hw_visits_create_series (f->store, &plan, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_flag (f, HW_VISIT_FLAG_CHILD_CONFLICT), ==, 2);
  }
  g_free (before);
  before = describe_visits (f, NULL);
  g_assert_cmpint (hw_visits_step_level (f->store, f->plan, soon, HW_VISIT_STEP_UP, "monitored",
                                         "Reason", &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_true (strstr (error->message, "two visits at once") != NULL);
  g_clear_error (&error);
  {
    g_autofree char *after = describe_visits (f, NULL);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (hw_visits_delete_series (f->store, other, &error));
  g_assert_no_error (error);

  /* a visit after the date with an outcome written down (cancelled ahead
   * by the caregiver) that the new plan has no visit for */
  {
    g_autoptr(HwRecurrence) r = hw_visits_get_recurrence (f->store, f->plan, NULL);
    g_autoptr(GArray) occ
        = hw_recurrence_expand (r, wall (f->start) + 60 * 86400, wall (f->start) + 120 * 86400);
    HwVisitOutcome cancelled = { "cancelled-caregiver", "", "", "", "" };
    g_autofree char *start = g_strdup_printf ("%sT19:00:00", soon);
    gint64 visitors[] = { f->mother };
    gint64 children[] = { f->ana, f->leo };
    HwVisitPlan plan = { 0 };

    g_assert_cmpint (hw_visits_record_outcome (f->store, f->plan,
                                               g_array_index (occ, HwOccurrence, 1).key, &cancelled,
                                               &error),
                     >, 0);
    g_assert_no_error (error);
    plan.case_id = f->case_id;
    plan.dtstart = start;
    plan.duration_minutes = 60;
    plan.rrule = "FREQ=WEEKLY;COUNT=3";
    plan.level = "supervised";
    plan.visitors = visitors;
    plan.n_visitors = 1;
    plan.children = children;
    plan.n_children = 2;
    g_free (before);
    before = describe_visits (f, NULL);
    g_assert_cmpint (hw_visits_change_plan (f->store, f->plan, soon, &plan, NULL, &error), ==, 0);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
    g_clear_error (&error);
    {
      g_autofree char *after = describe_visits (f, NULL);

      g_assert_cmpstr (after, ==, before);
    }
    /* a step keeps the times: the cancellation moves with its visit */
    g_assert_cmpint (hw_visits_step_level (f->store, f->plan, soon, HW_VISIT_STEP_UP, "monitored",
                                           "Reason", &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (
        sql_int (f, "SELECT count(*) FROM visit_records WHERE status = 'cancelled-caregiver'"
                    " AND series_id <> (SELECT min(id) FROM visit_series)"),
        ==, 1);
  }
}

static void
test_default_first_day (void)
{
  g_autofree char *today = day_from_today (0);
  g_autofree char *later = day_from_today (30);
  char out[11];
  GDate d;

  hw_visits_default_first_day ("2001-01-01", 0, out);
  g_assert_cmpstr (out, ==, today);
  hw_visits_default_first_day (NULL, 0, out);
  g_assert_cmpstr (out, ==, today);
  hw_visits_default_first_day (later, 0, out);
  g_assert_cmpstr (out, ==, later);
  for (guint wd = 0; wd < 7; wd++)
    {
      g_autofree char *week = day_from_today (6);

      hw_visits_default_first_day ("2001-01-01", 1u << wd, out);
      g_assert_cmpstr (out, >=, today);
      g_assert_cmpstr (out, <=, week);
      g_assert_true (g_date_valid_dmy (atoi (out + 8), atoi (out + 5), atoi (out)));
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, atoi (out + 8), atoi (out + 5), atoi (out));
      g_assert_cmpint (g_date_get_weekday (&d), ==, wd + 1);
    }
}

static void
test_interchange (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = day_from_today (0);
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *old_json = NULL;
  JsonObject *tables;
  JsonArray *series;
  gint64 copy, old_copy;

  g_autofree char *last = day_from_today (30);
  gint64 stepped;

  stepped = hw_visits_step_level (f->store, f->plan, today, HW_VISIT_STEP_UP, "monitored",
                                  "Agreed at the family team meeting.", &error);
  g_assert_cmpint (stepped, >, 0);
  g_assert_no_error (error);
  /* the new plan ends in a month, with why */
  g_assert_true (hw_visits_end_plan (f->store, stepped, last, "The court ended the visits.",
                                     &error));
  g_assert_no_error (error);
  json = hw_interchange_export_text (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (json, "\"change_reason\" : \"Agreed at the family team meeting.\"")
                 != NULL);
  g_assert_true (strstr (json, "\"end_reason\" : \"The court ended the visits.\"") != NULL);

  copy = hw_interchange_import_data (f->store, json, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) a = hw_visits_level_history (f->store, f->case_id, NULL);
    g_autoptr(GArray) b = hw_visits_level_history (f->store, copy, NULL);
    g_autoptr(GArray) plans = hw_visits_list_plans (f->store, copy, NULL);

    g_assert_cmpuint (a->len, ==, 2);
    g_assert_cmpuint (b->len, ==, 2);
    g_assert_cmpstr (g_array_index (b, HwVisitLevelStep, 1).reason, ==,
                     "Agreed at the family team meeting.");
    g_assert_cmpstr (g_array_index (b, HwVisitLevelStep, 1).change_date, ==, today);
    /* the link follows the copy's own rows */
    g_assert_cmpuint (plans->len, ==, 2);
    g_assert_cmpint (g_array_index (plans, HwVisitPlanSummary, 0).follows_id, ==,
                     g_array_index (plans, HwVisitPlanSummary, 1).id);
    /* the end and its reason came along */
    g_assert_cmpstr (g_array_index (plans, HwVisitPlanSummary, 0).end_reason, ==,
                     "The court ended the visits.");
    g_assert_cmpstr (g_array_index (plans, HwVisitPlanSummary, 0).ended_on, ==, last);
  }

  /* a file from before (schema 3) has none of the three fields */
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  json_object_set_int_member (json_node_get_object (json_parser_get_root (parser)), "schema", 3);
  tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "tables");
  series = json_object_get_array_member (tables, "visit_series");
  for (guint i = 0; i < json_array_get_length (series); i++)
    {
      JsonObject *row = json_array_get_object_element (series, i);

      json_object_remove_member (row, "follows_id");
      json_object_remove_member (row, "change_date");
      json_object_remove_member (row, "change_reason");
    }
  json_generator_set_root (gen, json_parser_get_root (parser));
  old_json = json_generator_to_data (gen, NULL);
  g_assert_null (strstr (old_json, "change_reason"));
  old_copy = hw_interchange_import_data (f->store, old_json, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) b = hw_visits_level_history (f->store, old_copy, NULL);

    g_assert_cmpuint (b->len, ==, 2);
    g_assert_cmpstr (g_array_index (b, HwVisitLevelStep, 1).reason, ==, "");
  }
}

/* A database of schema 3 (before plans could change) opens, gains the
 * columns, keeps its plans and can step them up. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-visit-plans-old-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *cmd = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *start = NULL;
  g_autofree char *today = day_from_today (0);
  g_autofree char *first = day_from_today (-14);
  const char *const *migrations;
  guint n;
  sqlite3 *db = NULL;

  migrations = hw_schema_get_migrations (&n);
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (sqlite3_exec (db, migrations[i], NULL, NULL, NULL), ==, SQLITE_OK);
  start = g_strdup_printf ("%sT10:00:00", first);
  sql = g_strdup_printf (
      "PRAGMA application_id = %d; PRAGMA user_version = 3;"
      "INSERT INTO cases (id, family_name) VALUES (1, 'Old');"
      "INSERT INTO people (id, case_id, name, role) VALUES (1, 1, 'Kid', 'child');"
      "INSERT INTO visit_series (id, case_id, dtstart, rrule, level)"
      "  VALUES (1, 1, '%s', 'FREQ=WEEKLY', 'supervised');"
      "INSERT INTO visit_participants (series_id, person_id, part) VALUES (1, 1, 'child');",
      HW_SCHEMA_APPLICATION_ID, start);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    g_autoptr(GArray) history = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (hw_store_query_int (store, 0, "PRAGMA user_version", G_TYPE_INVALID), ==,
                     hw_schema_get_version ());
    g_assert_cmpint (
        hw_store_query_int (store, 0,
                            "SELECT count(*) FROM visit_series WHERE change_reason = ''"
                            " AND change_date = '' AND follows_id IS NULL",
                            G_TYPE_INVALID),
        ==, 1);
    g_assert_cmpint (hw_visits_step_level (store, 1, today, HW_VISIT_STEP_UP, "monitored",
                                           "Going well.", &error),
                     >, 1);
    g_assert_no_error (error);
    history = hw_visits_level_history (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 2);
    g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 0).day, ==, first);
  }
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* The form's way: the rhythm read back, days and time changed. */
static void
test_change_from_form (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = day_from_today (8);
  g_autofree char *rrule = NULL;
  g_autoptr(GArray) visits = NULL;
  guint total = count_visits (f);
  HwVisitRhythm rhythm;
  HwVisitPlanChange change = { 0 };
  guint new_visits = 0;
  gint64 id;

  g_assert_true (hw_visits_get_rhythm (f->store, f->plan, from, &rhythm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rhythm.repeat, ==, 1);
  g_assert_cmpstr (rhythm.time, ==, "10:00");
  g_assert_cmpint (rhythm.duration_minutes, ==, 120);
  g_assert_cmpint (rhythm.count_left, >, 0);
  g_assert_cmpint (rhythm.count_left, <, 20);
  g_assert_cmpuint (__builtin_popcount (rhythm.weekdays), ==, 1);
  rrule = hw_visits_rhythm_to_rrule (&rhythm);
  g_assert_true (g_str_has_prefix (rrule, "FREQ=WEEKLY;BYDAY="));

  /* Mondays and Wednesdays at 17:00, at the library, the same visits left */
  rhythm.weekdays = 1u << 0 | 1u << 2;
  change.rhythm = &rhythm;
  change.time = "17:00";
  change.place = "Library";
  id = hw_visits_change_from (f->store, f->plan, from, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (count_visits (f), ==, total);
  g_assert_cmpuint (count_flag (f, HW_VISIT_FLAG_CHILD_CONFLICT), ==, 0);
  visits = list_all (f);
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = &g_array_index (visits, HwVisit, i);
      GDate d;

      if (v->series_id != id)
        continue;
      new_visits++;
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, atoi (v->occ.local_start + 8), atoi (v->occ.local_start + 5),
                      atoi (v->occ.local_start));
      g_assert_true (g_date_get_weekday (&d) == G_DATE_MONDAY
                     || g_date_get_weekday (&d) == G_DATE_WEDNESDAY);
      g_assert_cmpstr (v->occ.local_start + 11, ==, "17:00:00");
      g_assert_cmpstr (v->place, ==, "Library");
      g_assert_cmpstr (v->level, ==, "supervised");
      g_assert_cmpint (strncmp (v->occ.local_start, from, 10), >=, 0);
    }
  g_assert_cmpuint (new_visits, ==, (guint) rhythm.count_left);

  /* a weekly rhythm with no day is refused */
  rhythm.weekdays = 0;
  g_assert_cmpint (hw_visits_change_from (f->store, id, from, &change, NULL, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
}

/* Scheduling the next level as a second plan would double every visit:
 * the window's Schedule refuses it and writes nothing. */
static void
test_schedule_refuses_doubles (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_visits_get_recurrence (f->store, f->plan, NULL);
  g_autoptr(GArray) occ
      = hw_recurrence_expand (r, wall (f->start) + 50 * 86400, wall (f->start) + 100 * 86400);
  g_autofree char *other_time = NULL;
  g_autofree char *label = hw_store_get_undo_label (f->store);
  g_autofree char *label_after = NULL;
  gint64 children[] = { f->leo };
  HwVisitPlan plan = { 0 };

  plan.case_id = f->case_id;
  plan.dtstart = g_array_index (occ, HwOccurrence, 0).key;
  plan.duration_minutes = 60;
  plan.rrule = "FREQ=WEEKLY;COUNT=4";
  plan.level = "monitored";
  plan.children = children;
  plan.n_children = 1;
  g_assert_cmpint (hw_visits_schedule (f->store, &plan, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "two visits at once"));
  g_clear_error (&error);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM visit_series"), ==, 1);
  label_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label_after, ==, label);

  /* the same visits in the evening are fine */
  other_time = g_strdup_printf ("%.10sT19:00:00", g_array_index (occ, HwOccurrence, 0).key);
  plan.dtstart = other_time;
  g_assert_cmpint (hw_visits_schedule (f->store, &plan, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_flag (f, HW_VISIT_FLAG_CHILD_CONFLICT), ==, 0);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/visit-plans/change-from-a-date", test_change_from_a_date);
  ADD ("/visit-plans/step-up-and-down", test_step_up_and_down);
  ADD ("/visit-plans/change-from-form", test_change_from_form);
  ADD ("/visit-plans/end", test_end);
  ADD ("/visit-plans/refusals", test_refusals);
  ADD ("/visit-plans/schedule-refuses-doubles", test_schedule_refuses_doubles);
  ADD ("/visit-plans/interchange", test_interchange);
  g_test_add_func ("/visit-plans/default-first-day", test_default_first_day);
  g_test_add_func ("/visit-plans/migration", test_migration);
  return g_test_run ();
}
