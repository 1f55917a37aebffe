/* test-visits.c: visit plans, outcomes (saved only over what was read of
 * them), the make-up rule, conflicts,
 * overdue trial home visits, monthly counts and the level history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-store.h"
#include "hw-visits.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   mother, father, ana, leo, worker, foster, other_case_person;
} Fixture;

static gint64
add_person (HwStore *store, gint64 case_id, const char *name, const char *role, gboolean harm)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "role", role);
  hw_record_set_boolean (rec, "alleged_harm_source", harm);
  id = hw_store_insert (store, "Add person", rec, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_case (HwStore *store, const char *name)
{
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (rec, "family_name", name);
  id = hw_store_insert (store, "Add case", rec, &error);
  g_assert_no_error (error);
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 other;

  f->dir = g_dir_make_tmp ("homeward-visits-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  f->case_id = add_case (f->store, "Rivera");
  f->mother = add_person (f->store, f->case_id, "Maria Rivera", "mother", FALSE);
  f->father = add_person (f->store, f->case_id, "Tom Rivera", "father", TRUE);
  f->ana = add_person (f->store, f->case_id, "Ana Rivera", "child", FALSE);
  f->leo = add_person (f->store, f->case_id, "Leo Rivera", "child", FALSE);
  f->worker = add_person (f->store, f->case_id, "Dana Cole", "caseworker", FALSE);
  f->foster = add_person (f->store, f->case_id, "Pat Green", "foster-parent", FALSE);
  other = add_case (f->store, "Other");
  f->other_case_person = add_person (f->store, other, "Somebody Else", "mother", FALSE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static HwVisitPlan
weekly_plan (Fixture *f, const gint64 *visitors, guint nv, const gint64 *children, guint nc)
{
  HwVisitPlan plan = { 0 };

  plan.case_id = f->case_id;
  plan.title = "Family time";
  plan.place = "Agency visit room";
  plan.dtstart = "2025-03-04T16:00";
  plan.tzid = "America/New_York";
  plan.duration_minutes = 120;
  plan.rrule = "FREQ=WEEKLY;COUNT=8";
  plan.level = "supervised";
  plan.supervisor_person_id = f->worker;
  plan.transport_person_id = f->foster;
  plan.visitors = visitors;
  plan.n_visitors = nv;
  plan.children = children;
  plan.n_children = nc;
  return plan;
}

#define V(a, i) (&g_array_index ((a), HwVisit, (i)))

static GArray *
list_all (Fixture *f, gint64 person)
{
  g_autoptr(GError) error = NULL;
  GArray *a = hw_visits_list (f->store, f->case_id, person, utc ("2024-01-01T00:00:00Z"),
                              utc ("2027-01-01T00:00:00Z"), &error);

  g_assert_no_error (error);
  return a;
}

static gint64
count_rows (Fixture *f, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return hw_store_query_int (f->store, -1, sql, G_TYPE_INVALID);
}

static void
test_create_and_refuse (Fixture *f, gconstpointer data)
{
  gint64 visitors[] = { f->mother };
  gint64 children[] = { f->ana, f->leo };
  HwVisitPlan plan = weekly_plan (f, visitors, 1, children, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  gint64 id;
  gint64 bad_people[] = { f->other_case_person };
  gint64 both[] = { f->ana };

  id = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_rows (f, "visit_participants"), ==, 3);
  visits = list_all (f, 0);
  g_assert_cmpuint (visits->len, ==, 8);
  g_assert_cmpstr (V (visits, 0)->status, ==, "scheduled");
  g_assert_cmpstr (V (visits, 0)->supervisor, ==, "Dana Cole");
  g_assert_cmpstr (V (visits, 0)->transport, ==, "Pat Green");
  g_assert_cmpstr (V (visits, 0)->who, ==, "Maria Rivera, Ana Rivera, Leo Rivera");
  g_assert_cmpuint (V (visits, 0)->children->len, ==, 2);

  /* each bad plan is refused and writes nothing */
#define REFUSE(mutate) G_STMT_START { \
    HwVisitPlan p = weekly_plan (f, visitors, 1, children, 2); \
    mutate; \
    g_assert_cmpint (hw_visits_create_series (f->store, &p, &error), ==, 0); \
    g_assert_nonnull (error); \
    g_assert_cmpstr (error->message, !=, ""); \
    g_clear_error (&error); \
    g_assert_cmpint (count_rows (f, "visit_series"), ==, 1); \
    g_assert_cmpint (count_rows (f, "visit_participants"), ==, 3); \
  } G_STMT_END
  REFUSE (p.dtstart = "2025-02-29T16:00");
  REFUSE (p.dtstart = "next tuesday");
  REFUSE (p.rrule = "FREQ=SOMETIMES");
  REFUSE (p.tzid = "Atlantis/Capital");
  REFUSE (p.level = "whenever");
  REFUSE (p.duration_minutes = 0);
  REFUSE ((p.visitors = bad_people, p.n_visitors = 1));
  REFUSE ((p.visitors = both, p.n_visitors = 1));
  REFUSE (p.supervisor_person_id = f->father);   /* alleged harm: never the protector */
  REFUSE (p.case_id = 9999);
#undef REFUSE

  /* update: twice weekly, one child */
  plan.rrule = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4";
  plan.n_children = 1;
  g_assert_true (hw_visits_update_series (f->store, id, &plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "visit_participants"), ==, 2);
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, 0);
  g_assert_cmpuint (visits->len, ==, 4);
  g_assert_cmpstr (V (visits, 1)->occ.key, ==, "2025-03-06T16:00:00");

  /* undo brings the weekly plan back (the store journals every edit) */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, 0);
  g_assert_cmpuint (visits->len, ==, 8);

  g_assert_true (hw_visits_delete_series (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "visit_series"), ==, 0);
  g_assert_cmpint (count_rows (f, "visit_participants"), ==, 0);
}

static void
test_outcomes_and_makeups (Fixture *f, gconstpointer data)
{
  gint64 visitors[] = { f->mother };
  gint64 children[] = { f->ana };
  HwVisitPlan plan = weekly_plan (f, visitors, 1, children, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  HwVisitOutcome happened = { "happened", "16:05", "17:50", "Read a book together.", "monitored" };
  HwVisitOutcome caregiver = { "cancelled-caregiver", "", "", "", "" };
  HwVisitOutcome parent = { "cancelled-parent", "", "", "", "" };
  HwVisitOutcome noshow = { "no-show", "", "", "", "" };
  gint64 id, r1, r2, r3, r4, makeup;

  id = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);

  r1 = hw_visits_record_outcome (f->store, id, "2025-03-04T16:00:00", &happened, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r1, >, 0);
  r2 = hw_visits_record_outcome (f->store, id, "2025-03-11T16:00", &caregiver, &error);
  g_assert_no_error (error);
  r3 = hw_visits_record_outcome (f->store, id, "2025-03-18T16:00", &parent, &error);
  g_assert_no_error (error);
  r4 = hw_visits_record_outcome (f->store, id, "2025-03-25T16:00", &noshow, &error);
  g_assert_no_error (error);

  /* recording again updates the same row */
  g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-03-04T16:00", &happened, &error), ==, r1);
  g_assert_cmpint (count_rows (f, "visit_records"), ==, 4);

  /* refusals, nothing written */
  {
    HwVisitOutcome bad_status = { "went-ok", "", "", "", "" };
    HwVisitOutcome bad_times = { "happened", "17:00", "16:00", "", "" };
    HwVisitOutcome bad_clock = { "happened", "25:61", "", "", "" };
    HwVisitOutcome times_on_cancel = { "cancelled-agency", "16:00", "", "", "" };
    HwVisitOutcome bad_rec = { "happened", "", "", "", "more" };

    g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-03-05T16:00", &happened, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-04-01T16:00", &bad_status, &error), ==, 0);
    g_clear_error (&error);
    g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-04-01T16:00", &bad_times, &error), ==, 0);
    g_clear_error (&error);
    g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-04-01T16:00", &bad_clock, &error), ==, 0);
    g_clear_error (&error);
    g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-04-01T16:00", &times_on_cancel, &error), ==, 0);
    g_clear_error (&error);
    g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-04-01T16:00", &bad_rec, &error), ==, 0);
    g_clear_error (&error);
    g_assert_cmpint (count_rows (f, "visit_records"), ==, 4);
  }

  visits = list_all (f, 0);
  g_assert_cmpstr (V (visits, 0)->status, ==, "happened");
  g_assert_cmpstr (V (visits, 0)->arrival, ==, "2025-03-04T16:05:00");
  g_assert_cmpstr (V (visits, 0)->recommendation, ==, "monitored");
  g_assert_false (V (visits, 0)->flags & HW_VISIT_FLAG_MAKEUP_OWED);
  /* the caregiver cancelled: a make-up is owed */
  g_assert_true (V (visits, 1)->flags & HW_VISIT_FLAG_MAKEUP_OWED);
  /* the parent cancelled, or did not come: none owed */
  g_assert_false (V (visits, 2)->flags & HW_VISIT_FLAG_MAKEUP_OWED);
  g_assert_false (V (visits, 3)->flags & HW_VISIT_FLAG_MAKEUP_OWED);

  g_assert_cmpint (hw_visits_schedule_makeup (f->store, r3, "2025-03-21T16:00", &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hw_visits_schedule_makeup (f->store, r4, "2025-03-28T16:00", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (hw_visits_schedule_makeup (f->store, r2, "2025-02-30T16:00", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "visit_series"), ==, 1);

  makeup = hw_visits_schedule_makeup (f->store, r2, "2025-03-14T16:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (makeup, >, 0);
  /* only one make-up per cancellation */
  g_assert_cmpint (hw_visits_schedule_makeup (f->store, r2, "2025-03-15T16:00", &error), ==, 0);
  g_clear_error (&error);

  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, 0);
  g_assert_cmpuint (visits->len, ==, 9);
  g_assert_false (V (visits, 1)->flags & HW_VISIT_FLAG_MAKEUP_OWED);
  g_assert_cmpint (V (visits, 2)->series_id, ==, makeup);
  g_assert_true (V (visits, 2)->flags & HW_VISIT_FLAG_MAKEUP);
  g_assert_cmpstr (V (visits, 2)->who, ==, "Maria Rivera, Ana Rivera");
  g_assert_cmpstr (V (visits, 2)->level, ==, "supervised");
}

/* The visit of @series_id at @key, as the calendar reads it. */
static HwVisit *
visit_at (GArray *visits, gint64 series_id, const char *key)
{
  for (guint i = 0; i < visits->len; i++)
    if (V (visits, i)->series_id == series_id && g_str_has_prefix (V (visits, i)->occ.key, key))
      return V (visits, i);
  g_assert_not_reached ();
}

/* Two people on one visit's outcome: what the calendar read (nothing
 * recorded, or a record at a version) is what a save goes over. Someone
 * else (a second program) records or changes it meanwhile: the save is
 * refused with a conflict and their outcome stays; saved over what is
 * read again, it goes through. */
static void
test_outcome_versions (Fixture *f, gconstpointer data)
{
  gint64 visitors[] = { f->mother };
  gint64 children[] = { f->ana };
  HwVisitPlan plan = weekly_plan (f, visitors, 1, children, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  HwVisitOutcome mine = { "happened", "16:05", "17:50", "Mine.", "" };
  HwVisitOutcome their_cancel = { "cancelled-caregiver", "", "", "Theirs.", "" };
  HwVisitOutcome their_change = { "happened", "16:10", "17:30", "Theirs again.", "" };
  HwVisit *v;
  gint64 id, version, record;

  id = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);
  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");

  /* read with nothing recorded; they cancel it meanwhile */
  visits = list_all (f, 0);
  v = visit_at (visits, id, "2025-03-04T16:00");
  g_assert_cmpint (v->record_id, ==, 0);
  g_assert_cmpint (v->record_version, ==, 0);
  record = hw_visits_record_outcome (other, id, "2025-03-04T16:00", &their_cancel, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_visits_record_outcome_at (f->store, id, v->occ.key, v->record_version, &mine,
                                                &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  theirs = hw_visits_get_outcome (f->store, id, "2025-03-04T16:00", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (theirs, "status"), ==, "cancelled-caregiver");
  g_assert_cmpstr (hw_record_get_string (theirs, "observations"), ==, "Theirs.");
  g_assert_cmpint (hw_record_get_int (theirs, "makeup_given"), ==, 0);
  g_assert_cmpint (count_rows (f, "visit_records"), ==, 1);

  /* read again: the record at its version; they change it meanwhile */
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, 0);
  v = visit_at (visits, id, "2025-03-04T16:00");
  g_assert_cmpint (v->record_id, ==, record);
  g_assert_cmpint (v->record_version, ==, hw_record_get_version (theirs));
  version = v->record_version;
  g_assert_cmpint (hw_visits_record_outcome (other, id, "2025-03-04T16:00", &their_change, &error),
                   ==, record);
  g_assert_cmpint (hw_visits_record_outcome_at (f->store, id, v->occ.key, version, &mine, &error),
                   ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&theirs);
  theirs = hw_visits_get_outcome (f->store, id, "2025-03-04T16:00", &error);
  g_assert_cmpstr (hw_record_get_string (theirs, "observations"), ==, "Theirs again.");
  g_assert_cmpint (hw_record_get_version (theirs), >, version);

  /* over what is there now, it goes through */
  g_assert_cmpint (hw_visits_record_outcome_at (f->store, id, v->occ.key,
                                                hw_record_get_version (theirs), &mine, &error),
                   ==, record);
  g_assert_no_error (error);
  g_clear_object (&theirs);
  theirs = hw_visits_get_outcome (f->store, id, "2025-03-04T16:00", &error);
  g_assert_cmpstr (hw_record_get_string (theirs, "observations"), ==, "Mine.");
  g_assert_cmpint (count_rows (f, "visit_records"), ==, 1);

  /* nothing recorded and nobody else: recorded */
  g_clear_object (&theirs);
  theirs = hw_visits_get_outcome (f->store, id, "2025-03-11T16:00", &error);
  g_assert_no_error (error);
  g_assert_null (theirs);
  g_assert_cmpint (hw_visits_record_outcome_at (f->store, id, "2025-03-11T16:00", 0, &mine, &error),
                   >, 0);
  g_assert_no_error (error);
}

static void
test_moves (Fixture *f, gconstpointer data)
{
  gint64 visitors[] = { f->mother };
  gint64 children[] = { f->ana };
  HwVisitPlan plan = weekly_plan (f, visitors, 1, children, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  HwVisitOutcome happened = { "happened", "", "", "", "" };
  gint64 id = hw_visits_create_series (f->store, &plan, &error);

  g_assert_no_error (error);
  g_assert_true (hw_visits_move_occurrence (f->store, id, "2025-03-11T16:00", "2025-03-12T10:00", &error));
  g_assert_no_error (error);
  g_assert_true (hw_visits_move_occurrence (f->store, id, "2025-03-18T16:00", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (hw_visits_move_occurrence (f->store, id, "2025-03-19T16:00", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  visits = list_all (f, 0);
  g_assert_cmpuint (visits->len, ==, 7);
  g_assert_cmpstr (V (visits, 1)->occ.local_start, ==, "2025-03-12T10:00:00");
  g_assert_cmpstr (V (visits, 1)->occ.key, ==, "2025-03-11T16:00:00");
  g_assert_true (V (visits, 1)->occ.moved);

  /* a moved visit is recorded under its key; a removed one cannot be */
  g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-03-11T16:00", &happened, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (hw_visits_record_outcome (f->store, id, "2025-03-18T16:00", &happened, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* two people move the same visit: the second, from where it was shown
   * to them, is refused and the first one's move stays */
  {
    g_autoptr(GArray) now = NULL;
    char shown[HW_LOCAL_TIME_LEN];

    g_strlcpy (shown, V (visits, 2)->occ.local_start, sizeof shown);   /* 25 March, as read */
    g_assert_cmpstr (shown, ==, "2025-03-25T16:00:00");
    g_assert_true (hw_visits_move_occurrence_at (f->store, id, "2025-03-25T16:00", shown,
                                                 "2025-03-26T09:00", &error));   /* the first */
    g_assert_no_error (error);
    g_assert_false (hw_visits_move_occurrence_at (f->store, id, "2025-03-25T16:00", shown,
                                                  "2025-03-27T11:00", &error));  /* the second */
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    now = list_all (f, 0);
    g_assert_cmpstr (V (now, 2)->occ.local_start, ==, "2025-03-26T09:00:00");
    /* made again from where it is now, it goes through */
    g_assert_true (hw_visits_move_occurrence_at (f->store, id, "2025-03-25T16:00", V (now, 2)->occ.local_start,
                                                 "2025-03-27T11:00", &error));
    g_assert_no_error (error);
    /* one taken off the calendar meanwhile: refused too */
    g_assert_false (hw_visits_move_occurrence_at (f->store, id, "2025-03-18T16:00", "2025-03-18T16:00",
                                                  "2025-03-19T10:00", &error));
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  }
}

static void
test_conflicts (Fixture *f, gconstpointer data)
{
  gint64 mother[] = { f->mother };
  gint64 ana[] = { f->ana };
  gint64 leo[] = { f->leo };
  HwVisitPlan a = weekly_plan (f, mother, 1, ana, 1);
  HwVisitPlan b = weekly_plan (f, mother, 1, ana, 1);
  HwVisitPlan c = weekly_plan (f, mother, 1, leo, 1);
  HwVisitPlan sat = weekly_plan (f, mother, 1, leo, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  HwVisitOutcome cancel = { "cancelled-agency", "", "", "", "" };
  gint64 ida, idb;

  /* b overlaps a on its first date only (an hour later) */
  b.dtstart = "2025-03-04T17:00";
  b.rrule = "";
  /* c is at the same time as a, with the other child: no conflict */
  c.rrule = "FREQ=WEEKLY;COUNT=1";
  /* Saturday morning: not school time */
  sat.dtstart = "2025-03-08T10:00";
  sat.rrule = "";
  sat.supervisor_person_id = 0;

  ida = hw_visits_create_series (f->store, &a, &error);
  idb = hw_visits_create_series (f->store, &b, &error);
  hw_visits_create_series (f->store, &c, &error);
  hw_visits_create_series (f->store, &sat, &error);
  g_assert_no_error (error);

  visits = list_all (f, 0);
  g_assert_cmpuint (visits->len, ==, 11);
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = V (visits, i);
      gboolean expect = (v->series_id == ida && strcmp (v->occ.key, "2025-03-04T16:00:00") == 0)
                        || v->series_id == idb;
      g_assert_cmpint (!!(v->flags & HW_VISIT_FLAG_CHILD_CONFLICT), ==, expect);
      g_assert_false (v->flags & HW_VISIT_FLAG_SCHOOL_HOURS);
    }

  /* a cancelled visit is no longer in the way */
  g_assert_cmpint (hw_visits_record_outcome (f->store, idb, "2025-03-04T17:00", &cancel, &error), >, 0);
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, 0);
  for (guint i = 0; i < visits->len; i++)
    g_assert_false (V (visits, i)->flags & HW_VISIT_FLAG_CHILD_CONFLICT);

  /* school hours: the Tuesday 16:00 visits end after school; 14:00 does not */
  g_assert_false (hw_visits_set_school_hours (f->store, "8 till 3", &error));
  g_clear_error (&error);
  g_assert_true (hw_visits_set_school_hours (f->store, "08:00-15:00", &error));
  g_assert_no_error (error);
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, 0);
  for (guint i = 0; i < visits->len; i++)
    g_assert_false (V (visits, i)->flags & HW_VISIT_FLAG_SCHOOL_HOURS);
  a.dtstart = "2025-03-04T14:00";
  g_assert_true (hw_visits_update_series (f->store, ida, &a, &error));
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, 0);
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = V (visits, i);

      g_assert_cmpint (!!(v->flags & HW_VISIT_FLAG_SCHOOL_HOURS), ==, v->series_id == ida);
    }

  /* the person filter: Leo's visits only */
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, f->leo);
  g_assert_cmpuint (visits->len, ==, 2);
  g_clear_pointer (&visits, g_array_unref);
  visits = list_all (f, f->foster);    /* drives to every one */
  g_assert_cmpuint (visits->len, ==, 11);
}

static void
test_trial_home_visit (Fixture *f, gconstpointer data)
{
  gint64 mother[] = { f->mother };
  gint64 kids[] = { f->ana, f->leo };
  HwVisitPlan plan = weekly_plan (f, mother, 1, kids, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  char limit[11];

  hw_visits_trial_limit ("2025-01-06", limit);
  g_assert_cmpstr (limit, ==, "2025-07-06");
  hw_visits_trial_limit ("2024-08-31", limit);
  g_assert_cmpstr (limit, ==, "2025-02-28");

  plan.dtstart = "2025-01-06T09:00";
  plan.rrule = "FREQ=WEEKLY;COUNT=40";
  plan.duration_minutes = 6 * 24 * 60;
  plan.level = "trial-home-visit";
  hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);

  visits = hw_visits_list (f->store, f->case_id, 0, utc ("2025-06-20T00:00:00Z"),
                           utc ("2025-07-20T00:00:00Z"), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = V (visits, i);

      g_assert_cmpint (!!(v->flags & HW_VISIT_FLAG_TRIAL_OVERDUE), ==,
                       strcmp (v->occ.local_start, "2025-07-06") >= 0);
    }
  g_assert_true (V (visits, visits->len - 1)->flags & HW_VISIT_FLAG_TRIAL_OVERDUE);
  g_assert_false (V (visits, 0)->flags & HW_VISIT_FLAG_TRIAL_OVERDUE);
}

static void
test_monthly_counts_and_history (Fixture *f, gconstpointer data)
{
  gint64 mother[] = { f->mother };
  gint64 ana[] = { f->ana };
  HwVisitPlan plan = weekly_plan (f, mother, 1, ana, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) history = NULL;
  HwVisitOutcome happened = { "happened", "16:00", "17:30", "", "" };
  HwVisitOutcome happened_planned = { "happened", "", "", "", "" };
  HwVisitOutcome parent = { "cancelled-parent", "", "", "", "" };
  HwVisitOutcome agency = { "cancelled-agency", "", "", "", "" };
  HwVisitOutcome noshow = { "no-show", "", "", "", "" };
  HwVisitMonth *m;
  gint64 s1, s2;

  /* March 2025: Tuesdays 4, 11, 18, 25; April: 1, 8, 15, 22 */
  s1 = hw_visits_create_series (f->store, &plan, &error);
  /* from May, monitored on Saturdays, 3 hours */
  plan.dtstart = "2025-05-03T10:00";
  plan.rrule = "FREQ=WEEKLY;UNTIL=20250531T235959Z";
  plan.level = "monitored";
  plan.duration_minutes = 180;
  s2 = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);

  hw_visits_record_outcome (f->store, s1, "2025-03-04T16:00", &happened, &error);          /* 1.5 h */
  hw_visits_record_outcome (f->store, s1, "2025-03-11T16:00", &happened_planned, &error);  /* 2 h */
  hw_visits_record_outcome (f->store, s1, "2025-03-18T16:00", &parent, &error);
  hw_visits_record_outcome (f->store, s1, "2025-03-25T16:00", &noshow, &error);
  hw_visits_record_outcome (f->store, s1, "2025-04-01T16:00", &agency, &error);
  hw_visits_record_outcome (f->store, s1, "2025-04-08T16:00", &happened_planned, &error);
  hw_visits_record_outcome (f->store, s2, "2025-05-03T10:00", &happened_planned, &error);
  g_assert_no_error (error);

  months = hw_visits_monthly_counts (f->store, f->case_id, 2025, 2, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 5);

  m = &g_array_index (months, HwVisitMonth, 0);     /* February */
  g_assert_cmpint (m->month, ==, 2);
  g_assert_cmpuint (m->planned, ==, 0);

  m = &g_array_index (months, HwVisitMonth, 1);     /* March */
  g_assert_cmpint (m->year, ==, 2025);
  g_assert_cmpint (m->month, ==, 3);
  g_assert_cmpuint (m->planned, ==, 4);
  g_assert_cmpuint (m->happened, ==, 2);
  g_assert_cmpuint (m->cancelled_parent, ==, 1);
  g_assert_cmpuint (m->no_show, ==, 1);
  g_assert_cmpuint (m->cancelled_agency, ==, 0);
  g_assert_cmpfloat_with_epsilon (m->hours, 3.5, 0.001);

  m = &g_array_index (months, HwVisitMonth, 2);     /* April */
  g_assert_cmpuint (m->planned, ==, 4);
  g_assert_cmpuint (m->happened, ==, 1);
  g_assert_cmpuint (m->cancelled_agency, ==, 1);
  g_assert_cmpuint (m->scheduled, ==, 2);
  g_assert_cmpfloat_with_epsilon (m->hours, 2.0, 0.001);

  m = &g_array_index (months, HwVisitMonth, 3);     /* May: Saturdays 3, 10, 17, 24, 31 */
  g_assert_cmpuint (m->planned, ==, 5);
  g_assert_cmpuint (m->happened, ==, 1);
  g_assert_cmpfloat_with_epsilon (m->hours, 3.0, 0.001);

  g_assert_null (hw_visits_monthly_counts (f->store, f->case_id, 2025, 13, 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  history = hw_visits_level_history (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 0).day, ==, "2025-03-04");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 0).level, ==, "supervised");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 1).day, ==, "2025-05-03");
  g_assert_cmpstr (g_array_index (history, HwVisitLevelStep, 1).level, ==, "monitored");
}

static void
test_demo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  gint64 first, last;

  g_assert_true (hw_store_begin_edit (f->store, "Add demo family", &error));
  g_assert_true (hw_visits_add_demo (f->store, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (f, "visit_series"), ==, 4);   /* 3 plans + 1 make-up */
  g_assert_cmpint (count_rows (f, "visit_records"), >, 20);
  g_assert_true (hw_visits_get_span (f->store, f->case_id, &first, &last));
  visits = hw_visits_list (f->store, f->case_id, 0, first, last + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, >, 30);
  /* the demo never supervises with the parent alleged to have harmed */
  for (guint i = 0; i < visits->len; i++)
    g_assert_cmpint (V (visits, i)->supervisor_person_id, !=, f->father);
}

static void
test_demo_morales (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = NULL;
  /* the sample family comes with its visits (hw_demo_create calls
   * hw_visits_add_demo in the same edit) */
  gint64 case_id = hw_demo_create (f->store, &error);
  gint64 marco, elena, carmen, first, last;
  gboolean carmen_supervises = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM visit_series WHERE case_id = ?",
                                       G_TYPE_INT64, case_id, G_TYPE_INVALID), ==, 4);

  marco = hw_demo_find_person (f->store, case_id, "father");
  elena = hw_demo_find_person (f->store, case_id, "mother");
  carmen = hw_demo_find_person (f->store, case_id, "relative");
  g_assert_true (hw_visits_get_span (f->store, case_id, &first, &last));
  visits = hw_visits_list (f->store, case_id, 0, first, last + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (visits->len, >, 30);
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = V (visits, i);

      /* the father alleged to have harmed is in no visit */
      for (guint j = 0; j < v->visitors->len; j++)
        g_assert_cmpint (g_array_index (v->visitors, gint64, j), !=, marco);
      g_assert_cmpint (v->supervisor_person_id, !=, marco);
      g_assert_cmpint (g_array_index (v->visitors, gint64, 0), ==, elena);
      g_assert_cmpuint (v->children->len, ==, 3);
      carmen_supervises |= v->supervisor_person_id == carmen;
    }
  g_assert_true (carmen_supervises);
}

/* Two people schedule a make-up for the same visit the agency cancelled,
 * each from the visit as shown: the second is refused, nothing is made,
 * and one make-up is there; over the visit as it is now, the refusal is
 * the one-make-up rule, not a second make-up. A stale outcome is refused
 * too once a make-up was scheduled (that moves the visit's version on). */
static void
test_makeup_versions (Fixture *f, gconstpointer data)
{
  gint64 visitors[] = { f->mother };
  gint64 children[] = { f->ana };
  HwVisitPlan plan = weekly_plan (f, visitors, 1, children, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) shown = NULL;
  g_autoptr(HwRecord) now = NULL;
  HwVisitOutcome cancel = { "cancelled-agency", "", "", "", "" };
  gint64 id, record, version, makeup;

  id = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);
  record = hw_visits_record_outcome (f->store, id, "2025-03-04T16:00", &cancel, &error);
  g_assert_no_error (error);
  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");

  /* both see the cancelled visit, no make-up yet */
  shown = hw_visits_get_outcome (f->store, id, "2025-03-04T16:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_record_get_int (shown, "makeup_given"), ==, 0);
  version = hw_record_get_version (shown);

  /* Bob schedules one first */
  makeup = hw_visits_schedule_makeup_at (other, record, version, "2025-03-14T16:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (makeup, >, 0);
  g_assert_cmpint (count_rows (f, "visit_series"), ==, 2);

  /* the second, from the visit as shown: refused, nothing made */
  g_assert_cmpint (hw_visits_schedule_makeup_at (f->store, record, version, "2025-03-15T16:00", &error),
                   ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "visit_series"), ==, 2);
  g_assert_cmpint (count_rows (f, "visit_records"), ==, 2);
  g_assert_false (hw_store_in_edit (f->store));
  /* what is shown now: a make-up given, at a newer version */
  now = hw_visits_get_outcome (f->store, id, "2025-03-04T16:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_record_get_int (now, "makeup_given"), ==, 1);
  g_assert_cmpint (hw_record_get_version (now), >, version);
  /* an outcome saved over the visit as shown before the make-up: refused */
  g_assert_cmpint (hw_visits_record_outcome_at (f->store, id, "2025-03-04T16:00", version, &cancel, &error),
                   ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* over the version now: still only one make-up per cancellation */
  g_assert_cmpint (hw_visits_schedule_makeup_at (f->store, record, hw_record_get_version (now),
                                                 "2025-03-15T16:00", &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "visit_series"), ==, 2);

  /* undone, the make-up goes; scheduled over the version now, it is made */
  g_assert_true (hw_store_undo (other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "visit_series"), ==, 1);
  g_clear_object (&now);
  now = hw_visits_get_outcome (f->store, id, "2025-03-04T16:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_record_get_int (now, "makeup_given"), ==, 0);
  makeup = hw_visits_schedule_makeup_at (f->store, record, hw_record_get_version (now), "2025-03-15T16:00",
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (makeup, >, 0);
  g_assert_cmpint (count_rows (f, "visit_series"), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/visits/create-and-refuse", test_create_and_refuse);
  ADD ("/visits/outcomes-and-makeups", test_outcomes_and_makeups);
  ADD ("/visits/outcome-versions", test_outcome_versions);
  ADD ("/visits/makeup-versions", test_makeup_versions);
  ADD ("/visits/moves", test_moves);
  ADD ("/visits/conflicts", test_conflicts);
  ADD ("/visits/trial-home-visit", test_trial_home_visit);
  ADD ("/visits/monthly-counts-and-history", test_monthly_counts_and_history);
  ADD ("/visits/demo", test_demo);
  ADD ("/visits/demo-morales", test_demo_morales);
#undef ADD

  return g_test_run ();
}
