/* test-meeting-queries.c: the named queries of the meeting editor, each
 * with the rows it must give, in its order, and the live lists following
 * edits (and leaving out what belongs to another meeting or family).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "hw-meeting.h"
#include "hw-meeting-queries.h"
#include "hw-record.h"
#include "hw-test-store.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   sample_case;
  gint64   case_id;
  gint64   ana;     /* mother */
  gint64   bea;     /* grandmother */
  gint64   cal;     /* a child: never an attendee */
  gint64   dan;     /* caseworker */
  gint64   meeting;
} Fixture;

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *role,
            const char *relationship)
{
  g_autoptr(HwRecord) person = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (person, "case_id", f->case_id);
  hw_record_set_string (person, "name", name);
  hw_record_set_string (person, "role", role);
  hw_record_set_string (person, "relationship", relationship);
  id = hw_store_insert (f->store, "Add person", person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;

  /* the sample family has meetings of its own: none may show up here */
  f->store = hw_test_store_new_demo ("hw-meeting-queries-XXXXXX", &f->dir, &f->sample_case);
  hw_record_set_string (kase, "family_name", "Test");
  f->case_id = hw_store_insert (f->store, "Add family", kase, &error);
  g_assert_no_error (error);
  /* added in this order on purpose: the lists are not in name order */
  f->dan = add_person (f, "Dan Caseworker", "caseworker", "Caseworker");
  f->ana = add_person (f, "Ana Mother", "mother", "Mother");
  f->cal = add_person (f, "Cal Child", "child", "Son");
  f->bea = add_person (f, "Bea Grandmother", "kin-caregiver", "Grandmother");
  f->meeting = hw_meeting_create (f->store, f->case_id, "family-team-meeting", "2026-05-02 10:00",
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->meeting, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  hw_test_store_free (f->store, f->dir);
}

/* "a,b,c": @column of each row of @model */
static char *
column_of (GListModel *model,
           const char *column)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HwRecord) rec = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, hw_record_is_null (rec, column) ? "NULL"
                                                            : hw_record_get_string (rec, column));
    }
  return g_string_free (out, FALSE);
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

static gint64
attend (Fixture    *f,
        gint64      person,
        const char *attendance)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hw_meeting_add_attendee (f->store, f->meeting, person, "", attendance, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_item (Fixture    *f,
          const char *phase,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hw_meeting_add_item (f->store, f->meeting, phase, text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_meetings_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) list = hw_meetings_list_new (f->store, f->case_id);
  g_autofree char *kinds = NULL, *dates = NULL;
  guint changes = 0;
  gint64 later, earlier;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  later = hw_meeting_create (f->store, f->case_id, "team-decision-making", "2026-07-01 09:00",
                             &error);
  g_assert_no_error (error);
  earlier = hw_meeting_create (f->store, f->case_id, "icebreaker", "2026-01-10 18:30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);

  /* the latest first; the sample family's meetings are not this family's */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  kinds = column_of (G_LIST_MODEL (list), "kind");
  g_assert_cmpstr (kinds, ==, "team-decision-making,family-team-meeting,icebreaker");
  dates = column_of (G_LIST_MODEL (list), "starts_at");
  g_assert_cmpstr (dates, ==, "2026-07-01T09:00:00,2026-05-02T10:00:00,2026-01-10T18:30:00");
  g_assert_nonnull (hw_record_list_find (list, later, NULL));
  g_assert_nonnull (hw_record_list_find (list, earlier, NULL));

  g_assert_true (hw_meeting_delete (f->store, later, &error));
  g_assert_no_error (error);
  g_assert_null (hw_record_list_find (list, later, NULL));
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hw_record_list_find (list, later, NULL));
}

static void
test_attendance_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) list = hw_meeting_attendance_list_new (f->store, f->meeting);
  g_autofree char *names = NULL, *how = NULL, *relationships = NULL;
  g_autoptr(HwRecord) first = NULL;
  gint64 bea_attendee;

  /* nobody takes part yet: the adults in the order they were added */
  names = column_of (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (names, ==, "Dan Caseworker,Ana Mother,Bea Grandmother");
  g_clear_pointer (&names, g_free);
  how = column_of (G_LIST_MODEL (list), "attendee_id");
  g_assert_cmpstr (how, ==, "NULL,NULL,NULL");
  g_clear_pointer (&how, g_free);
  relationships = column_of (G_LIST_MODEL (list), "relationship");
  g_assert_cmpstr (relationships, ==, "Caseworker,Mother,Grandmother");

  /* those taking part first, in the order they joined */
  bea_attendee = attend (f, f->bea, "remote");
  attend (f, f->ana, "present");
  names = column_of (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (names, ==, "Bea Grandmother,Ana Mother,Dan Caseworker");
  how = column_of (G_LIST_MODEL (list), "attendance");
  g_assert_cmpstr (how, ==, "remote,present,NULL");
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (hw_record_get_id (first), ==, f->bea);
  g_assert_cmpint (hw_record_get_int (first, "attendee_id"), ==, bea_attendee);

  /* the child is never listed */
  g_assert_null (hw_record_list_find (list, f->cal, NULL));

  g_assert_true (hw_meeting_remove_attendee (f->store, bea_attendee, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = column_of (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (names, ==, "Ana Mother,Dan Caseworker,Bea Grandmother");
}

static gint64
add_child (Fixture    *f,
           const char *name,
           const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_person (f, name, "child", "Child");
  g_autoptr(HwRecord) child = hw_store_get (f->store, "people", id, &error);

  hw_record_set_string (child, "birth_date", birth_date);
  g_assert_true (hw_store_update (f->store, "Birth date", child, &error));
  g_assert_no_error (error);
  return id;
}

static char *
names_of (GPtrArray *records)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < records->len; i++)
    g_strv_builder_add (b, hw_record_get_string (g_ptr_array_index (records, i), "name"));
  names = g_strv_builder_end (b);
  return g_strjoinv (",", names);
}

/* Children of HW_MEETING_CHILD_AGE (11) or more on the meeting's day
 * (2 May 2026) take part like the adults and scale with their own scores;
 * fathers and those children, when not on the meeting's list, are named
 * so that the facilitator asks them. */
static void
test_fathers_and_older_children (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) list = hw_meeting_attendance_list_new (f->store, f->meeting);
  g_autoptr(GPtrArray) uninvited = NULL;
  g_autoptr(GPtrArray) scorers = NULL;
  g_autofree char *names = NULL;
  gint64 eve, gus, hal, ivy, statement;

  eve = add_child (f, "Eve Teen", "2013-09-30");
  gus = add_child (f, "Gus Eleven", "2015-05-02");     /* 11 on the day */
  ivy = add_child (f, "Ivy Ten", "2015-05-03");        /* 11 the day after */
  hal = add_person (f, "Hal Father", "father", "Father");

  g_assert_nonnull (hw_record_list_find (list, eve, NULL));
  g_assert_nonnull (hw_record_list_find (list, gus, NULL));
  g_assert_null (hw_record_list_find (list, ivy, NULL));
  /* no birth date: not counted in */
  g_assert_null (hw_record_list_find (list, f->cal, NULL));

  uninvited = hw_meeting_uninvited_select (f->store, f->meeting, &error);
  g_assert_no_error (error);
  names = names_of (uninvited);
  g_assert_cmpstr (names, ==, "Hal Father,Eve Teen,Gus Eleven");
  g_assert_true (hw_record_is_null (g_ptr_array_index (uninvited, 0), "age"));
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (uninvited, 1), "age"), ==, 12);
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (uninvited, 2), "age"), ==, 11);
  g_clear_pointer (&uninvited, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);

  /* asked: he said no; she comes; he did not come */
  attend (f, hal, "declined");
  attend (f, eve, "present");
  attend (f, gus, "absent");
  uninvited = hw_meeting_uninvited_select (f->store, f->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uninvited->len, ==, 0);

  /* she scales the statements with her own score */
  statement = add_item (f, "worries", "We worry the children miss school.");
  scorers = hw_meeting_scorers_select (f->store, statement, &error);
  g_assert_no_error (error);
  names = names_of (scorers);
  g_assert_cmpstr (names, ==, "Eve Teen");
  g_assert_cmpint (hw_meeting_set_score (f->store, statement, eve, 6, "School is better now",
                                         &error), >, 0);
  g_assert_no_error (error);

  /* another family's meeting: none of them */
  {
    g_autoptr(GPtrArray) other = NULL;
    gint64 sample_meeting = hw_store_query_int (f->store, 0, "SELECT id FROM meetings WHERE "
                                                "case_id = ? LIMIT 1", G_TYPE_INT64,
                                                f->sample_case, G_TYPE_INVALID);

    other = hw_meeting_uninvited_select (f->store, sample_meeting, &error);
    g_assert_no_error (error);
    g_clear_pointer (&names, g_free);
    names = names_of (other);
    /* the sample's father has not been asked to its meetings */
    g_assert_cmpstr (names, ==, "Marco Reyes");
  }
}

static void
test_items_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) strengths = hw_meeting_items_list_new (f->store, f->meeting, "strengths");
  g_autoptr(HwRecordList) actions = hw_meeting_items_list_new (f->store, f->meeting, "actions");
  g_autoptr(HwRecordList) worries = hw_meeting_items_list_new (f->store, f->meeting, "worries");
  g_autofree char *texts = NULL, *scores = NULL;
  gint64 reads, drives, worry, action, other;
  g_autoptr(HwRecord) rec = NULL;

  reads = add_item (f, "strengths", "Ana reads every evening");
  drives = add_item (f, "strengths", "Bea drives to school");
  add_item (f, "ideas", "Not a strength");
  worry = add_item (f, "worries", "A worry");
  texts = column_of (G_LIST_MODEL (strengths), "text");
  g_assert_cmpstr (texts, ==, "Ana reads every evening,Bea drives to school");

  /* their order follows a move */
  g_assert_true (hw_meeting_move_item (f->store, drives, -1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&texts, g_free);
  texts = column_of (G_LIST_MODEL (strengths), "text");
  g_assert_cmpstr (texts, ==, "Bea drives to school,Ana reads every evening");
  g_assert_nonnull (hw_record_list_find (strengths, reads, NULL));

  /* the scores given, with names */
  attend (f, f->ana, "present");
  attend (f, f->bea, "present");
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->ana, 4, "", &error), >, 0);
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->bea, 7, "Better", &error), >, 0);
  g_assert_no_error (error);
  scores = column_of (G_LIST_MODEL (worries), "scores_text");
  g_assert_cmpstr (scores, ==, "Ana Mother 4, Bea Grandmother 7");

  /* an action's task: there, then gone with the service plan's task */
  action = hw_meeting_add_action (f->store, f->meeting, "Book the group", f->ana, f->dan,
                                  "2026-06-01", &error);
  g_assert_no_error (error);
  rec = g_list_model_get_item (G_LIST_MODEL (actions), 0);
  g_assert_cmpint (hw_record_get_int (rec, "task_exists"), ==, 0);
  g_clear_object (&rec);
  g_assert_cmpint (hw_meeting_action_to_task (f->store, action, 0, &error), >, 0);
  g_assert_no_error (error);
  rec = g_list_model_get_item (G_LIST_MODEL (actions), 0);
  g_assert_cmpint (hw_record_get_int (rec, "task_exists"), ==, 1);
  g_assert_cmpint (hw_record_get_int (rec, "owner_person_id"), ==, f->ana);
  g_assert_cmpstr (hw_record_get_string (rec, "due_date"), ==, "2026-06-01");

  /* another meeting's items are not these */
  other = hw_meeting_create (f->store, f->case_id, "family-team-meeting", "2026-06-02 10:00",
                             &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_meeting_add_item (f->store, other, "strengths", "Elsewhere", &error), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (strengths)), ==, 2);

  /* only a step goes into the query */
  g_test_expect_message ("hw-meeting-queries", G_LOG_LEVEL_CRITICAL, "*hw_choices_valid*");
  g_assert_null (hw_meeting_items_list_new (f->store, f->meeting, "x' OR 1=1 --"));
  g_test_assert_expected_messages ();
}

static void
test_statements_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) list = hw_meeting_statements_list_new (f->store, f->meeting);
  g_autofree char *texts = NULL, *phases = NULL;
  guint changes = 0;
  gint64 worry;

  add_item (f, "safety-goals", "Goal one");
  worry = add_item (f, "worries", "Worry one");
  add_item (f, "strengths", "Not to scale");
  add_item (f, "worries", "Worry two");
  /* the worries first, then the safety goals */
  texts = column_of (G_LIST_MODEL (list), "text");
  g_assert_cmpstr (texts, ==, "Worry one,Worry two,Goal one");
  phases = column_of (G_LIST_MODEL (list), "phase");
  g_assert_cmpstr (phases, ==, "worries,worries,safety-goals");

  /* a score given changes the statement's row (its scores) */
  attend (f, f->ana, "present");
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->ana, 6, "Why", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  /* someone else taking part makes the rows be read again */
  attend (f, f->bea, "present");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

static void
test_scorers_and_has_score (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scorers = NULL;
  gint64 worry = add_item (f, "worries", "A worry");
  HwRecord *rec;

  attend (f, f->dan, "absent");
  attend (f, f->bea, "remote");
  attend (f, f->ana, "present");
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->ana, 3, "Not yet", &error), >, 0);
  g_assert_no_error (error);

  /* those in the room or from afar, in the order they joined: not the absent */
  scorers = hw_meeting_scorers_select (f->store, worry, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scorers);
  g_assert_cmpuint (scorers->len, ==, 2);
  rec = g_ptr_array_index (scorers, 0);
  g_assert_cmpint (hw_record_get_id (rec), ==, f->bea);
  g_assert_cmpstr (hw_record_get_string (rec, "name"), ==, "Bea Grandmother");
  g_assert_true (hw_record_is_null (rec, "score"));
  rec = g_ptr_array_index (scorers, 1);
  g_assert_cmpint (hw_record_get_id (rec), ==, f->ana);
  g_assert_cmpint (hw_record_get_int (rec, "score"), ==, 3);
  g_assert_cmpstr (hw_record_get_string (rec, "reason"), ==, "Not yet");
  g_clear_pointer (&scorers, g_ptr_array_unref);

  /* an item that does not exist has no one to scale it */
  scorers = hw_meeting_scorers_select (f->store, worry + 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scorers->len, ==, 0);

  g_assert_true (hw_meeting_has_score (f->store, worry, f->ana, 3, "Not yet"));
  g_assert_false (hw_meeting_has_score (f->store, worry, f->ana, 4, "Not yet"));
  g_assert_false (hw_meeting_has_score (f->store, worry, f->ana, 3, "Other reason"));
  g_assert_false (hw_meeting_has_score (f->store, worry, f->bea, 3, "Not yet"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/meeting-queries/fathers-and-older-children", test_fathers_and_older_children);
  ADD ("/meeting-queries/meetings", test_meetings_list);
  ADD ("/meeting-queries/attendance", test_attendance_list);
  ADD ("/meeting-queries/items", test_items_list);
  ADD ("/meeting-queries/statements", test_statements_list);
  ADD ("/meeting-queries/scorers", test_scorers_and_has_score);
#undef ADD

  return g_test_run ();
}
