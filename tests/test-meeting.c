/* test-meeting.c: family meetings in the store: every record type, undo,
 * refusals that write nothing, confidentiality of the projected screen and
 * of the family's copy, the presentation drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <cairo-pdf.h>

#include "hw-demo.h"
#include "hw-family-plan.h"
#include "hw-language.h"
#include "hw-meeting.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-render.h"
#include "hw-store.h"
#include "hw-test-store.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   other_case;
  gint64   mother;      /* Elena */
  gint64   grandmother; /* Rosa */
  gint64   caseworker;  /* Priya */
  gint64   advocate;    /* confidential */
  gint64   stranger;    /* a person of another case */
  gint64   meeting;
} Fixture;

static gint64
count (HwStore    *store,
       const char *sql)
{
  return hw_store_query_int (store, -1, sql, G_TYPE_INVALID);
}

/* A fingerprint of every user row that matters here, to prove that a
 * refused call wrote nothing. */
static char *
snapshot (HwStore *store)
{
  static const char * const tables[] = {
    "meetings", "meeting_attendees", "meeting_items", "meeting_scores", "meeting_phase_times",
    "family_plans", "needs", "goals", "tasks", NULL,
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[i]);
      g_autoptr(GPtrArray) rows = hw_store_select (store, tables[i], NULL, sql, G_TYPE_INVALID);

      g_assert_nonnull (rows);
      for (guint r = 0; r < rows->len; r++)
        {
          HwRecord *rec = g_ptr_array_index (rows, r);

          g_string_append_printf (s, "%s:%" G_GINT64_FORMAT, tables[i], hw_record_get_id (rec));
          for (guint c = 0; c < hw_record_get_n_columns (rec); c++)
            g_string_append_printf (s, "|%s", hw_record_get_string (rec, hw_record_get_column (rec, c)));
          g_string_append_c (s, '\n');
        }
    }
  g_string_append_printf (s, "undo:%d", hw_store_can_undo (store));
  return g_string_free (s, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) other = hw_record_new ("cases");
  g_autoptr(HwRecord) person = hw_record_new ("people");

  f->store = hw_test_store_new_demo ("homeward-meeting-XXXXXX", &f->dir, &f->case_id);
  /* these tests count rows: start from the sample family without its
   * sample meetings and service plan (their demos are tested on their own) */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM meetings WHERE case_id = %" G_GINT64_FORMAT ";"
                                            "DELETE FROM needs WHERE case_id = %" G_GINT64_FORMAT,
                                            f->case_id, f->case_id);
    g_assert_true (hw_store_begin_edit (f->store, "Remove sample meetings", &error));
    g_assert_true (hw_store_exec (f->store, sql, &error));
    g_assert_true (hw_store_commit_edit (f->store, &error));
    g_assert_no_error (error);
  }
  f->mother = hw_demo_find_person (f->store, f->case_id, "mother");
  f->grandmother = hw_demo_find_person (f->store, f->case_id, "kin-caregiver");
  f->caseworker = hw_demo_find_person (f->store, f->case_id, "caseworker");
  f->advocate = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE case_id = ? AND confidential = 1"
                                    " AND role = 'professional'",
                                    G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_cmpint (f->mother, >, 0);
  g_assert_cmpint (f->grandmother, >, 0);
  g_assert_cmpint (f->caseworker, >, 0);
  g_assert_cmpint (f->advocate, >, 0);

  hw_record_set_string (other, "family_name", "Other");
  f->other_case = hw_store_insert (f->store, "Add case", other, &error);
  g_assert_no_error (error);
  hw_record_set_int (person, "case_id", f->other_case);
  hw_record_set_string (person, "name", "Somebody Else");
  f->stranger = hw_store_insert (f->store, "Add person", person, &error);
  g_assert_no_error (error);

  f->meeting = hw_meeting_create (f->store, f->case_id, "family-team-meeting", "2026-05-02 10:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->meeting, >, 0);
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

static gint64
attend (Fixture    *f,
        gint64      person,
        const char *attendance)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hw_meeting_add_attendee (f->store, f->meeting, person, "Role", attendance, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add (Fixture    *f,
     const char *phase,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hw_meeting_add_item (f->store, f->meeting, phase, text, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Asserts that @call fails with @code and changes nothing at all. */
#define REFUSED(f, code, call) G_STMT_START {                              \
    g_autofree char *before_ = snapshot ((f)->store);                     \
    g_autofree char *after_ = NULL;                                       \
    g_autoptr(GError) error_ = NULL;                                      \
    GError **error = &error_;                                             \
    g_assert_false ((call) != 0);                                         \
    g_assert_error (error_, HW_STORE_ERROR, code);                        \
    g_assert_cmpstr (error_->message, !=, "");                           \
    g_assert_false (hw_store_in_edit ((f)->store));                       \
    after_ = snapshot ((f)->store);                                       \
    g_assert_cmpstr (before_, ==, after_);                                \
  } G_STMT_END

static void
test_meeting_record (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) got = NULL;
  g_autoptr(HwRecord) change = hw_record_new ("meetings");
  g_autoptr(HwRecord) bad = NULL;

  got = hw_store_get (f->store, "meetings", f->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (got, "starts_at"), ==, "2026-05-02T10:00:00");
  g_assert_cmpstr (hw_record_get_string (got, "kind"), ==, "family-team-meeting");
  g_clear_object (&got);

  hw_record_set_id (change, f->meeting);
  hw_record_set_string (change, "kind", "team-decision-making");
  hw_record_set_string (change, "place", "  Room 4  ");
  hw_record_set_string (change, "video_link", "https://meet.example.org/x");
  hw_record_set_string (change, "facilitator", "Tom Becker");
  hw_record_set_string (change, "interpreter", "Ana Castillo");
  hw_record_set_string (change, "language", "es");
  hw_record_set_boolean (change, "confidentiality_acknowledged", TRUE);
  hw_record_set_string (change, "current_phase", "strengths");
  hw_record_set_string (change, "next_meeting", "2026-06-01 09:30");
  g_assert_true (hw_meeting_update (f->store, change, &error));
  g_assert_no_error (error);

  got = hw_store_get (f->store, "meetings", f->meeting, &error);
  g_assert_cmpstr (hw_record_get_string (got, "kind"), ==, "team-decision-making");
  g_assert_cmpstr (hw_record_get_string (got, "place"), ==, "Room 4");
  g_assert_cmpstr (hw_record_get_string (got, "language"), ==, "es");
  g_assert_true (hw_record_get_boolean (got, "confidentiality_acknowledged"));
  g_assert_cmpstr (hw_record_get_string (got, "current_phase"), ==, "strengths");
  g_assert_cmpstr (hw_record_get_string (got, "next_meeting"), ==, "2026-06-01T09:30:00");
  g_clear_object (&got);

  /* undo brings the old details back */
  g_assert_true (hw_store_undo (f->store, &error));
  got = hw_store_get (f->store, "meetings", f->meeting, &error);
  g_assert_cmpstr (hw_record_get_string (got, "kind"), ==, "family-team-meeting");
  g_assert_cmpstr (hw_record_get_string (got, "place"), ==, "");
  g_clear_object (&got);
  g_assert_true (hw_store_redo (f->store, &error));

  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_create (f->store, f->case_id, "party", "2026-05-02 10:00", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_create (f->store, f->case_id, "icebreaker", "2026-02-30 10:00", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_create (f->store, f->case_id, "icebreaker", "2026-05-02 25:00", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_create (f->store, f->case_id, "icebreaker", "tomorrow", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_create (f->store, f->case_id, "icebreaker", NULL, error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_create (f->store, 9999, "icebreaker", "2026-05-02 10:00", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_phase (f->store, f->meeting, "lunch", error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_set_phase (f->store, 9999, "worries", error));

  bad = hw_record_new ("meetings");
  hw_record_set_id (bad, f->meeting);
  hw_record_set_string (bad, "place", "Room 5");
  hw_record_set_string (bad, "next_meeting", "2026-04-31");
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_update (f->store, bad, error));
  g_clear_object (&bad);
  bad = hw_record_new ("meetings");
  hw_record_set_id (bad, f->meeting);
  hw_record_set_int (bad, "case_id", f->other_case);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_update (f->store, bad, error));
  g_clear_object (&bad);
  bad = hw_record_new ("meetings");
  hw_record_set_id (bad, f->meeting);
  hw_record_set_string (bad, "language", "klingon");
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_update (f->store, bad, error));

  g_assert_true (hw_meeting_set_phase (f->store, f->meeting, "worries", &error));
  g_assert_no_error (error);
}

static void
test_attendees (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) got = NULL;
  gint64 a, worry;

  a = attend (f, f->mother, "present");
  attend (f, f->caseworker, "remote");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_attendees"), ==, 2);

  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_attendee (f->store, f->meeting, f->mother, "", "present", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_attendee (f->store, f->meeting, f->stranger, "", "present", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_attendee (f->store, f->meeting, f->grandmother, "", "asleep", error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_add_attendee (f->store, 9999, f->grandmother, "", "present", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_attendee (f->store, a, 0, NULL, "maybe", error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_set_attendee (f->store, 9999, 0, NULL, "absent", error));

  g_assert_true (hw_meeting_set_attendee (f->store, a, 0, "Mother", "declined", &error));
  got = hw_store_get (f->store, "meeting_attendees", a, &error);
  g_assert_cmpstr (hw_record_get_string (got, "attendance"), ==, "declined");
  g_assert_cmpstr (hw_record_get_string (got, "role"), ==, "Mother");
  g_clear_object (&got);
  g_assert_true (hw_store_undo (f->store, &error));
  got = hw_store_get (f->store, "meeting_attendees", a, &error);
  g_assert_cmpstr (hw_record_get_string (got, "attendance"), ==, "present");

  /* removing an attendee takes their scores with them; undo restores both */
  worry = add (f, "worries", "A worry");
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->mother, 4, "", &error), >, 0);
  g_assert_true (hw_meeting_remove_attendee (f->store, a, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_attendees"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 0);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_attendees"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 1);
}

static char *
phase_texts (Fixture    *f,
             const char *phase)
{
  g_autoptr(GPtrArray) items = hw_meeting_list_items (f->store, f->meeting, phase, NULL, NULL);
  GString *s = g_string_new (NULL);

  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *r = g_ptr_array_index (items, i);

      g_assert_cmpint (hw_record_get_int (r, "position"), ==, i);
      g_string_append_printf (s, "%s%s", i ? "," : "", hw_record_get_string (r, "text"));
    }
  return g_string_free (s, FALSE);
}

#define ASSERT_PHASE(f, phase, expected) G_STMT_START {  \
    g_autofree char *t_ = phase_texts (f, phase);         \
    g_assert_cmpstr (t_, ==, expected);                   \
  } G_STMT_END

static void
test_items (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d;
  gint64 order[3];
  g_autofree char *label = NULL;

  a = add (f, "strengths", "  A  ");
  b = add (f, "strengths", "B");
  c = add (f, "strengths", "C");
  add (f, "worries", "W");
  ASSERT_PHASE (f, "strengths", "A,B,C");

  g_assert_true (hw_meeting_edit_item (f->store, b, "B2", &error));
  ASSERT_PHASE (f, "strengths", "A,B2,C");
  g_assert_true (hw_store_undo (f->store, &error));
  ASSERT_PHASE (f, "strengths", "A,B,C");

  /* edited in place over the version shown: someone else's change since
   * (here the undo, a change too) refuses it and keeps their text */
  {
    g_autoptr(HwRecord) shown = hw_store_get (f->store, "meeting_items", b, &error);
    gint64 version = hw_record_get_version (shown);

    g_assert_no_error (error);
    g_assert_true (hw_meeting_edit_item_at (f->store, b, version, "B3", &error));
    g_assert_no_error (error);
    REFUSED (f, HW_STORE_ERROR_CONFLICT, hw_meeting_edit_item_at (f->store, b, version, "B4", error));
    ASSERT_PHASE (f, "strengths", "A,B3,C");
    g_assert_true (hw_store_undo (f->store, &error));
    ASSERT_PHASE (f, "strengths", "A,B,C");
  }

  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_item (f->store, f->meeting, "strengths", "   ", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_item (f->store, f->meeting, "gossip", "x", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_item (f->store, f->meeting, NULL, "x", error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_add_item (f->store, 9999, "strengths", "x", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_edit_item (f->store, b, "", error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_edit_item (f->store, 9999, "x", error));
  {
    g_autofree char *huge = g_strnfill (5000, 'x');
    REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_item (f->store, f->meeting, "strengths", huge, error));
  }

  /* reorder is one edit: one undo restores the old order */
  order[0] = c; order[1] = a; order[2] = b;
  g_assert_true (hw_meeting_reorder_items (f->store, order, 3, &error));
  ASSERT_PHASE (f, "strengths", "C,A,B");
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, !=, NULL);
  g_assert_true (hw_store_undo (f->store, &error));
  ASSERT_PHASE (f, "strengths", "A,B,C");

  order[0] = a; order[1] = a; order[2] = b;
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_reorder_items (f->store, order, 3, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_reorder_items (f->store, order, 2, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_reorder_items (f->store, order, 0, error));

  g_assert_true (hw_meeting_move_item (f->store, c, -1, &error));
  ASSERT_PHASE (f, "strengths", "A,C,B");
  g_assert_true (hw_meeting_move_item (f->store, a, 2, &error));
  ASSERT_PHASE (f, "strengths", "C,B,A");
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_move_item (f->store, c, -1, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_move_item (f->store, a, 1, error));

  /* delete renumbers the phase; undo brings the item back in its place */
  g_assert_true (hw_meeting_delete_item (f->store, b, &error));
  ASSERT_PHASE (f, "strengths", "C,A");
  g_assert_true (hw_store_undo (f->store, &error));
  ASSERT_PHASE (f, "strengths", "C,B,A");
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_delete_item (f->store, 9999, error));

  /* confidentiality flags */
  g_assert_true (hw_meeting_set_item_confidential (f->store, a, TRUE, "family, screen", &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT confidential FROM meeting_items WHERE id = ?",
                                       G_TYPE_INT64, a, G_TYPE_INVALID), ==, 1);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_item_confidential (f->store, a, TRUE, "neighbours", error));

  d = add (f, "ideas", "An idea");
  g_assert_cmpint (d, >, 0);
  ASSERT_PHASE (f, "ideas", "An idea");
}

static void
test_scores (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) got = NULL;
  gint64 worry, goal, strength, other_worry, s1, s2, other_meeting, absent;

  attend (f, f->mother, "present");
  attend (f, f->caseworker, "remote");
  absent = attend (f, f->grandmother, "absent");
  g_assert_cmpint (absent, >, 0);
  worry = add (f, "worries", "If nothing changes the children could be hurt");
  goal = add (f, "safety-goals", "A safe adult is always there");
  strength = add (f, "strengths", "Visits go well");

  s1 = hw_meeting_set_score (f->store, worry, f->mother, 7, "I go to my group", &error);
  g_assert_no_error (error);
  s2 = hw_meeting_set_score (f->store, goal, f->caseworker, 0, "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (s1, >, 0);
  g_assert_cmpint (s2, >, 0);

  /* a second score by the same person replaces the first */
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->mother, 10, "Better", &error), ==, s1);
  got = hw_store_get (f->store, "meeting_scores", s1, &error);
  g_assert_cmpint (hw_record_get_int (got, "score"), ==, 10);
  g_assert_cmpstr (hw_record_get_string (got, "reason"), ==, "Better");
  g_clear_object (&got);
  g_assert_true (hw_store_undo (f->store, &error));
  got = hw_store_get (f->store, "meeting_scores", s1, &error);
  g_assert_cmpint (hw_record_get_int (got, "score"), ==, 7);

  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_score (f->store, worry, f->mother, 11, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_score (f->store, worry, f->mother, -1, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_score (f->store, strength, f->mother, 5, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_score (f->store, worry, f->stranger, 5, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_score (f->store, worry, f->advocate, 5, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_score (f->store, worry, f->grandmother, 5, "", error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_set_score (f->store, 9999, f->mother, 5, "", error));

  /* the statement must belong to the meeting the person attends */
  other_meeting = hw_meeting_create (f->store, f->case_id, "icebreaker", "2026-04-01T10:00", &error);
  other_worry = hw_meeting_add_item (f->store, other_meeting, "worries", "Other", &error);
  g_assert_no_error (error);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_score (f->store, other_worry, f->mother, 5, "", error));

  g_assert_true (hw_meeting_delete_score (f->store, s2, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 2);

  /* deleting the statement deletes its scores, undo restores them */
  g_assert_true (hw_meeting_delete_item (f->store, worry, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 2);
}

/* Two phones send the same worry: the facilitator merges them into one,
 * keeping both authors and every score; one undo brings both back. */
static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) got = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *long_text = NULL;
  gint64 a, b, c, first, strength, other_meeting, other_item, s1, s2, s3;

  attend (f, f->mother, "present");
  attend (f, f->grandmother, "present");
  attend (f, f->caseworker, "remote");
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting, "worries", &error));
  first = add (f, "worries", "Typed in the window");
  a = hw_meeting_add_contribution (f->store, f->meeting, f->mother, "worry", "Nobody answers the phone at night", &error);
  g_assert_no_error (error);
  b = hw_meeting_add_contribution (f->store, f->meeting, f->grandmother, "worry", "  At night nobody picks up ", &error);
  g_assert_no_error (error);
  strength = add (f, "strengths", "Visits go well");
  g_assert_true (hw_meeting_set_item_confidential (f->store, b, FALSE, "family", &error));
  s1 = hw_meeting_set_score (f->store, a, f->mother, 3, "", &error);
  s2 = hw_meeting_set_score (f->store, b, f->grandmother, 4, "Worried", &error);
  g_assert_no_error (error);
  g_assert_true (hw_meeting_set_item_hidden (f->store, a, FALSE, &error));
  g_assert_no_error (error);

  before = snapshot (f->store);
  g_assert_true (hw_meeting_merge_items (f->store, a, b, &error));
  g_assert_no_error (error);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Merge two items of the meeting");
  got = hw_store_get (f->store, "meeting_items", a, &error);
  g_assert_cmpstr (hw_record_get_string (got, "text"), ==,
                   "Nobody answers the phone at night. At night nobody picks up");
  g_assert_cmpint (hw_record_get_int (got, "author_person_id"), ==, f->mother);
  g_assert_cmpint (hw_record_get_int (got, "coauthor_person_id"), ==, f->grandmother);
  /* at least as private as the stricter: b was not on the screen yet and
   * withheld from the family */
  g_assert_true (hw_record_get_boolean (got, "hidden"));
  g_assert_cmpstr (hw_record_get_string (got, "withheld_from"), ==, "family");
  g_assert_false (hw_record_get_boolean (got, "confidential"));
  g_clear_object (&got);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_items WHERE phase = 'worries'"), ==, 2);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT position FROM meeting_items WHERE id = ?",
                                       G_TYPE_INT64, a, G_TYPE_INVALID), ==, 1);
  /* the grandmother's score moved to the kept item */
  got = hw_store_get (f->store, "meeting_scores", s2, &error);
  g_assert_cmpint (hw_record_get_int (got, "item_id"), ==, a);
  g_assert_cmpint (hw_record_get_int (got, "score"), ==, 4);
  g_clear_object (&got);
  {
    g_autoptr(HwRecordList) list = hw_meeting_items_list_new (f->store, f->meeting, "worries");
    HwRecord *row = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(HwRecord) r = g_list_model_get_item (G_LIST_MODEL (list), i);
        if (hw_record_get_id (r) == a)
          row = g_steal_pointer (&r);
      }
    g_assert_nonnull (row);
    g_assert_cmpstr (hw_record_get_string (row, "coauthor_name"), !=, "");
    g_assert_cmpstr (hw_record_get_string (row, "author_name"), !=,
                     hw_record_get_string (row, "coauthor_name"));
    g_object_unref (row);
  }

  /* one undo brings both items back exactly: ids, texts, authors, scores */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_undo (f->store, &error));

  /* the same words twice are kept once */
  c = hw_meeting_add_contribution (f->store, f->meeting, f->caseworker, "worry", "typed IN the window", &error);
  g_assert_no_error (error);
  g_assert_true (hw_meeting_merge_items (f->store, first, c, &error));
  got = hw_store_get (f->store, "meeting_items", first, &error);
  g_assert_cmpstr (hw_record_get_string (got, "text"), ==, "Typed in the window");
  /* typed in the window: the phone's author becomes its author */
  g_assert_cmpint (hw_record_get_int (got, "author_person_id"), ==, f->caseworker);
  g_assert_true (hw_record_is_null (got, "coauthor_person_id"));
  g_assert_cmpstr (hw_record_get_string (got, "contribution"), ==, "worry");
  g_clear_object (&got);
  g_assert_true (hw_store_undo (f->store, &error));

  /* refusals change nothing */
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_merge_items (f->store, a, a, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_merge_items (f->store, a, strength, error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_merge_items (f->store, a, 99999, error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_merge_items (f->store, 99999, a, error));
  other_meeting = hw_meeting_create (f->store, f->case_id, "icebreaker", "2026-04-01T10:00", &error);
  other_item = hw_meeting_add_item (f->store, other_meeting, "worries", "Other", &error);
  g_assert_no_error (error);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_merge_items (f->store, a, other_item, error));
  /* someone scored both: one of the scores would be lost */
  s3 = hw_meeting_set_score (f->store, b, f->mother, 8, "", &error);
  g_assert_cmpint (s3, >, 0);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_merge_items (f->store, a, b, error));
  g_assert_true (hw_meeting_delete_score (f->store, s3, &error));
  g_assert_cmpint (s1, >, 0);
  /* three different people: an item names at most two */
  g_assert_true (hw_meeting_merge_items (f->store, a, b, &error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_merge_items (f->store, a, c, error));
  /* too long together */
  long_text = g_strnfill (3000, 'x');
  g_assert_true (hw_meeting_edit_item (f->store, first, long_text, &error));
  g_clear_pointer (&long_text, g_free);
  long_text = g_strnfill (1500, 'z');
  g_assert_true (hw_meeting_edit_item (f->store, c, long_text, &error));
  g_assert_no_error (error);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_merge_items (f->store, first, c, error));
}

static void
test_score_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 later, w1, w2;

  attend (f, f->mother, "present");
  attend (f, f->caseworker, "present");
  w1 = add (f, "worries", "The children could be hurt");
  g_assert_cmpint (hw_meeting_set_score (f->store, w1, f->mother, 4, "", &error), >, 0);
  g_assert_cmpint (hw_meeting_set_score (f->store, w1, f->caseworker, 2, "", &error), >, 0);

  later = hw_meeting_create (f->store, f->case_id, "family-team-meeting", "2026-06-02 10:00", &error);
  g_assert_cmpint (hw_meeting_add_attendee (f->store, later, f->mother, "", "present", &error), >, 0);
  g_assert_cmpint (hw_meeting_add_attendee (f->store, later, f->grandmother, "", "present", &error), >, 0);
  /* same statement, other case and blanks */
  w2 = hw_meeting_add_item (f->store, later, "worries", "  the children COULD be hurt ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_meeting_set_score (f->store, w2, f->mother, 7, "", &error), >, 0);
  g_assert_cmpint (hw_meeting_set_score (f->store, w2, f->grandmother, 6, "", &error), >, 0);

  g_assert_cmpint (hw_meeting_get_previous (f->store, later), ==, f->meeting);
  g_assert_cmpint (hw_meeting_get_previous (f->store, f->meeting), ==, 0);

  changes = hw_meeting_score_changes (f->store, f->meeting, later, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changes->len, ==, 2);
  for (guint i = 0; i < changes->len; i++)
    {
      HwScoreChange *c = g_ptr_array_index (changes, i);

      if (c->person_id == f->mother)
        {
          g_assert_cmpint (c->before, ==, 4);
          g_assert_cmpint (c->after, ==, 7);
        }
      else
        {
          g_assert_cmpint (c->person_id, ==, f->grandmother);
          g_assert_cmpint (c->before, ==, -1);
          g_assert_cmpint (c->after, ==, 6);
        }
    }

  {
    gint64 other_meeting;
    g_autoptr(GPtrArray) none = NULL;

    other_meeting = hw_meeting_create (f->store, f->other_case, "icebreaker", "2026-06-02 10:00", &error);
    g_assert_no_error (error);
    none = hw_meeting_score_changes (f->store, f->meeting, other_meeting, &error);
    g_assert_null (none);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  }
}

static void
test_decisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) got = NULL;
  gint64 d, s;

  d = hw_meeting_add_decision (f->store, f->meeting, "Overnight visits start", TRUE, "ignored", &error);
  g_assert_no_error (error);
  got = hw_store_get (f->store, "meeting_items", d, &error);
  g_assert_cmpstr (hw_record_get_string (got, "phase"), ==, "decisions");
  g_assert_true (hw_record_get_boolean (got, "consensus"));
  g_assert_cmpstr (hw_record_get_string (got, "dissent"), ==, "");
  g_clear_object (&got);

  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_decision (f->store, f->meeting, "X", FALSE, "  ", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_decision (f->store, f->meeting, "", TRUE, NULL, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_decision (f->store, d, 0, FALSE, NULL, error));

  g_assert_true (hw_meeting_set_decision (f->store, d, 0, FALSE, "The advocate wants to wait", &error));
  got = hw_store_get (f->store, "meeting_items", d, &error);
  g_assert_false (hw_record_get_boolean (got, "consensus"));
  g_assert_cmpstr (hw_record_get_string (got, "dissent"), ==, "The advocate wants to wait");
  g_clear_object (&got);
  g_assert_true (hw_store_undo (f->store, &error));
  got = hw_store_get (f->store, "meeting_items", d, &error);
  g_assert_true (hw_record_get_boolean (got, "consensus"));

  s = add (f, "strengths", "Not a decision");
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_decision (f->store, s, 0, TRUE, NULL, error));
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) got = NULL;
  g_autoptr(HwRecord) task = NULL;
  gint64 act, act2, task_id, task2, s, other_goal;

  act = hw_meeting_add_action (f->store, f->meeting, "Sign up for the parenting group",
                               f->mother, f->caseworker, "2026-05-16", &error);
  g_assert_no_error (error);
  got = hw_store_get (f->store, "meeting_items", act, &error);
  g_assert_cmpstr (hw_record_get_string (got, "phase"), ==, "actions");
  g_assert_cmpint (hw_record_get_int (got, "owner_person_id"), ==, f->mother);
  g_assert_cmpint (hw_record_get_int (got, "checker_person_id"), ==, f->caseworker);
  g_assert_cmpstr (hw_record_get_string (got, "due_date"), ==, "2026-05-16");
  g_clear_object (&got);

  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_action (f->store, f->meeting, "X", f->mother, 0, "2026-02-29", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_action (f->store, f->meeting, "X", f->mother, 0, "2026-13-01", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_action (f->store, f->meeting, "X", f->mother, 0, "16/05/2026", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_action (f->store, f->meeting, "X", f->stranger, 0, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_action (f->store, f->meeting, "X", 0, f->stranger, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_action (f->store, f->meeting, "X", 9999, 0, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_action (f->store, act, 0, f->mother, 0, "2026-04-31", error));

  /* a leap day is a real date */
  act2 = hw_meeting_add_action (f->store, f->meeting, "Ask the school", 0, 0, "2028-02-29", &error);
  g_assert_no_error (error);
  g_assert_true (hw_meeting_set_action (f->store, act2, 0, f->grandmother, f->caseworker, "", &error));
  g_assert_no_error (error);

  s = add (f, "strengths", "Not an action");
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_action (f->store, s, 0, f->mother, 0, "", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_action_to_task (f->store, s, 0, error));

  /* to the service plan: need "child-safety" and the meeting's goal are
   * made once and reused */
  task_id = hw_meeting_action_to_task (f->store, act, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (task_id, >, 0);
  task = hw_store_get (f->store, "tasks", task_id, &error);
  g_assert_cmpstr (hw_record_get_string (task, "description"), ==, "Sign up for the parenting group");
  g_assert_cmpint (hw_record_get_int (task, "responsible_person_id"), ==, f->mother);
  g_assert_cmpstr (hw_record_get_string (task, "target_date"), ==, "2026-05-16");
  g_assert_cmpstr (hw_record_get_string (task, "start_date"), ==, "2026-05-02");
  g_assert_cmpstr (hw_record_get_string (task, "status"), ==, "not-started");
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT task_id FROM meeting_items WHERE id = ?",
                                       G_TYPE_INT64, act, G_TYPE_INVALID), ==, task_id);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM goals WHERE text = 'Actions from the family meeting of 2026-05-02'"), ==, 1);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_action_to_task (f->store, act, 0, error));

  task2 = hw_meeting_action_to_task (f->store, act2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT goal_id FROM tasks WHERE id = ?", G_TYPE_INT64, task2, G_TYPE_INVALID),
                   ==, hw_record_get_int (task, "goal_id"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM needs WHERE domain = 'child-safety'"), ==, 1);

  /* one undo removes the task and the link */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM tasks"), ==, 1);
  g_assert_true (hw_store_query_int (f->store, -1, "SELECT task_id IS NULL FROM meeting_items WHERE id = ?",
                                     G_TYPE_INT64, act2, G_TYPE_INVALID) == 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM tasks"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM goals"), ==, 0);

  /* a goal of another case is refused; a goal of this case is used */
  {
    g_autoptr(HwRecord) need = hw_record_new ("needs");
    g_autoptr(HwRecord) goal = hw_record_new ("goals");
    g_autoptr(HwRecord) own_need = hw_record_new ("needs");
    g_autoptr(HwRecord) own_goal = hw_record_new ("goals");
    gint64 own;

    hw_record_set_int (need, "case_id", f->other_case);
    hw_record_set_string (need, "domain", "housing");
    hw_record_set_int (goal, "need_id", hw_store_insert (f->store, "Add need", need, &error));
    hw_record_set_string (goal, "text", "Somewhere to live");
    other_goal = hw_store_insert (f->store, "Add goal", goal, &error);
    g_assert_no_error (error);
    REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_action_to_task (f->store, act, other_goal, error));

    hw_record_set_int (own_need, "case_id", f->case_id);
    hw_record_set_string (own_need, "domain", "parenting");
    hw_record_set_int (own_goal, "need_id", hw_store_insert (f->store, "Add need", own_need, &error));
    hw_record_set_string (own_goal, "text", "Parenting skills");
    own = hw_store_insert (f->store, "Add goal", own_goal, &error);
    task_id = hw_meeting_action_to_task (f->store, act, own, &error);
    g_assert_no_error (error);
    g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT goal_id FROM tasks WHERE id = ?",
                                         G_TYPE_INT64, task_id, G_TYPE_INVALID), ==, own);
  }
}

static void
test_phase_times (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hw_meeting_add_phase_time (f->store, f->meeting, "welcome", 90, &error));
  g_assert_true (hw_meeting_add_phase_time (f->store, f->meeting, "welcome", 30, &error));
  g_assert_true (hw_meeting_add_phase_time (f->store, f->meeting, "worries", 600, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_meeting_get_phase_time (f->store, f->meeting, "welcome"), ==, 120);
  g_assert_cmpint (hw_meeting_get_phase_time (f->store, f->meeting, "worries"), ==, 600);
  g_assert_cmpint (hw_meeting_get_phase_time (f->store, f->meeting, "ideas"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_phase_times"), ==, 2);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (hw_meeting_get_phase_time (f->store, f->meeting, "worries"), ==, 0);

  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_phase_time (f->store, f->meeting, "welcome", 0, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_phase_time (f->store, f->meeting, "welcome", -5, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_add_phase_time (f->store, f->meeting, "nap", 5, error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_add_phase_time (f->store, 9999, "welcome", 5, error));
}

static void
test_delete_meeting_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 w;

  attend (f, f->mother, "present");
  w = add (f, "worries", "W");
  g_assert_cmpint (hw_meeting_set_score (f->store, w, f->mother, 3, "", &error), >, 0);
  g_assert_true (hw_meeting_add_phase_time (f->store, f->meeting, "worries", 60, &error));
  before = snapshot (f->store);

  g_assert_true (hw_meeting_delete (f->store, f->meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_items"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 0);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_meeting_delete (f->store, 9999, error));
}

/* The family's own plan of private family time: written by the family,
 * one undoable edit to save and one to share; professionals see it only
 * once shared; bad input writes nothing. */
static void
test_family_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) plan = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *invalid = g_strdup ("plan \xff\xfe");
  g_autoptr(GString) big = g_string_new (NULL);
  gint64 absent_relative;

  attend (f, f->mother, "present");
  attend (f, f->grandmother, "remote");
  attend (f, f->caseworker, "present");
  absent_relative = hw_demo_find_person (f->store, f->case_id, "relative");
  g_assert_cmpint (absent_relative, >, 0);
  attend (f, absent_relative, "absent");

  g_assert_true (hw_family_plan_role_is_family ("mother"));
  g_assert_true (hw_family_plan_role_is_family ("neighbour"));
  g_assert_false (hw_family_plan_role_is_family ("caseworker"));
  g_assert_false (hw_family_plan_role_is_family ("foster-parent"));
  g_assert_false (hw_family_plan_role_is_family (NULL));

  /* only during private family time */
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, f->mother, "Our plan", error));
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting, "family-time", &error));
  g_assert_no_error (error);

  /* refusals: not the family, not taking part, another case, no such
   * meeting, too long, not UTF-8; nothing to share yet */
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, f->caseworker, "Our plan", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, f->advocate, "Our plan", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, absent_relative, "Our plan", error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, f->stranger, "Our plan", error));
  REFUSED (f, HW_STORE_ERROR_NOT_FOUND, hw_family_plan_save (f->store, 9999, f->mother, "Our plan", error));
  for (guint i = 0; i <= HW_FAMILY_PLAN_MAX_TEXT; i++)
    g_string_append (big, "é");
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, f->mother, big->str, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, f->mother, invalid, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_save (f->store, f->meeting, f->mother, NULL, error));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_share (f->store, f->meeting, f->mother, error));
  g_assert_null (hw_family_plan_get (f->store, f->meeting, &error));
  g_assert_no_error (error);

  /* saved by the mother: one edit, and undo takes it away */
  g_assert_true (hw_family_plan_save (f->store, f->meeting, f->mother, "  Grandma keeps the kids on Fridays  ", &error));
  g_assert_no_error (error);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Save the family’s plan");
  plan = hw_family_plan_get (f->store, f->meeting, &error);
  g_assert_cmpstr (hw_record_get_string (plan, "text"), ==, "Grandma keeps the kids on Fridays");
  g_assert_cmpint (hw_record_get_int (plan, "updated_by_person_id"), ==, f->mother);
  g_assert_cmpstr (hw_record_get_string (plan, "shared_at"), ==, "");
  g_assert_cmpuint (strlen (hw_record_get_string (plan, "updated_at")), ==, 19);
  g_clear_object (&plan);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_null (hw_family_plan_get (f->store, f->meeting, NULL));
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);

  /* the grandmother changes it: the same row, her name on it */
  g_assert_true (hw_family_plan_save (f->store, f->meeting, f->grandmother, "Grandma keeps the kids on Fridays and Saturdays", &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM family_plans"), ==, 1);
  plan = hw_family_plan_get (f->store, f->meeting, &error);
  g_assert_cmpint (hw_record_get_int (plan, "updated_by_person_id"), ==, f->grandmother);
  g_clear_object (&plan);

  /* before sharing: the family sees it, the caseworker does not */
  text = hw_family_plan_text_for (f->store, f->meeting, f->mother);
  g_assert_cmpstr (text, ==, "Grandma keeps the kids on Fridays and Saturdays");
  g_clear_pointer (&text, g_free);
  g_assert_null (hw_family_plan_text_for (f->store, f->meeting, f->caseworker));
  g_assert_null (hw_family_plan_text_for (f->store, f->meeting, f->advocate));
  g_assert_null (hw_family_plan_text_for (f->store, f->meeting, 0));
  g_assert_null (hw_family_plan_shared_text (f->store, f->meeting));
  g_assert_false (hw_family_plan_is_shared (f->store, f->meeting));
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_share (f->store, f->meeting, f->caseworker, error));

  /* shared: one edit; everyone sees it; undo makes it private again */
  g_assert_true (hw_family_plan_share (f->store, f->meeting, f->grandmother, &error));
  g_assert_no_error (error);
  g_clear_pointer (&label, g_free);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Share the family’s plan with the team");
  g_assert_true (hw_family_plan_is_shared (f->store, f->meeting));
  text = hw_family_plan_text_for (f->store, f->meeting, f->caseworker);
  g_assert_cmpstr (text, ==, "Grandma keeps the kids on Fridays and Saturdays");
  g_clear_pointer (&text, g_free);
  text = hw_family_plan_shared_text (f->store, f->meeting);
  g_assert_nonnull (text);
  g_clear_pointer (&text, g_free);
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_family_plan_share (f->store, f->meeting, f->mother, error));

  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (hw_family_plan_is_shared (f->store, f->meeting));
  g_assert_null (hw_family_plan_text_for (f->store, f->meeting, f->caseworker));
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_true (hw_family_plan_is_shared (f->store, f->meeting));

  /* deleting the meeting takes the plan; undo brings it back */
  g_assert_true (hw_meeting_delete (f->store, f->meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM family_plans"), ==, 0);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  text = hw_family_plan_shared_text (f->store, f->meeting);
  g_assert_cmpstr (text, ==, "Grandma keeps the kids on Fridays and Saturdays");
}

/* Every string of the presentation model, to search for leaks. */
static char *
presentation_text (const HwPresentation *p)
{
  GString *s = g_string_new (NULL);
  GPtrArray *lists[] = { p->phase_items, p->strengths, p->worries, p->next_steps };

  g_string_append_printf (s, "%s\n%s\n%s\n%s\n%s\n", p->meeting_title, p->when, p->phase,
                          p->phase_title, p->next_meeting);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        HwPresentationItem *item = g_ptr_array_index (lists[l], i);
        g_string_append_printf (s, "%s\n%s\n", item->text, item->detail ? item->detail : "");
      }
  for (guint i = 0; i < p->scales->len; i++)
    {
      HwPresentationScale *sc = g_ptr_array_index (p->scales, i);

      g_string_append_printf (s, "%s\n", sc->statement);
      for (guint j = 0; j < sc->marks->len; j++)
        g_string_append_printf (s, "%s\n", ((HwPresentationMark *) g_ptr_array_index (sc->marks, j))->label);
    }
  return g_string_free (s, FALSE);
}

static void
test_confidential (Fixture       *f,
                   gconstpointer  data)
{
  static const HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  static const HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  static const char * const phases[] = { "welcome", "strengths", "worries", "scaling", "actions", "decisions", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fam = NULL;
  g_autoptr(GPtrArray) ag = NULL;
  g_autofree char *advocate = NULL;
  gint64 secret, worry, action;

  {
    g_autoptr(HwRecord) person = hw_store_get (f->store, "people", f->advocate, &error);
    advocate = g_strdup (hw_record_get_string (person, "name"));
  }

  attend (f, f->mother, "present");
  attend (f, f->advocate, "present");
  add (f, "strengths", "Visits go well");
  secret = add (f, "strengths", "SECRET strength");
  g_assert_true (hw_meeting_set_item_confidential (f->store, secret, TRUE, "", &error));
  worry = add (f, "worries", "SECRET worry");
  g_assert_true (hw_meeting_set_item_confidential (f->store, worry, FALSE, "family", &error));
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->mother, 5, "", &error), >, 0);
  worry = add (f, "worries", "Open worry");
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->advocate, 3, "SECRET reason", &error), >, 0);
  g_assert_cmpint (hw_meeting_set_score (f->store, worry, f->mother, 6, "", &error), >, 0);
  action = hw_meeting_add_action (f->store, f->meeting, "Call the advocate", f->advocate, f->mother, "2026-05-20", &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);
  /* revealed, so the scorers' names reach the screen's model at all */
  g_assert_true (hw_meeting_set_scores_revealed (f->store, f->meeting, TRUE, &error));

  for (guint i = 0; phases[i]; i++)
    {
      g_autoptr(HwPresentation) p = NULL;
      g_autofree char *text = NULL;

      g_assert_true (hw_meeting_set_phase (f->store, f->meeting, phases[i], &error));
      p = hw_meeting_presentation (f->store, f->meeting, &error);
      g_assert_no_error (error);
      text = presentation_text (p);
      g_assert_null (strstr (text, "SECRET"));
      g_assert_null (strstr (text, advocate));
      g_assert_nonnull (strstr (text, "Visits go well"));
      g_assert_nonnull (strstr (text, "Open worry"));
      g_assert_cmpstr (p->phase, ==, phases[i]);

      if (g_strcmp0 (phases[i], "scaling") == 0)
        {
          HwPresentationScale *sc;

          g_assert_cmpint (p->scales->len, ==, 1);
          sc = g_ptr_array_index (p->scales, 0);
          g_assert_cmpstr (sc->statement, ==, "Open worry");
          g_assert_cmpint (sc->marks->len, ==, 2);
          g_assert_nonnull (strstr (text, "Participant"));
        }
      if (g_strcmp0 (phases[i], "welcome") == 0)
        g_assert_cmpint (p->phase_items->len, ==, 1);  /* only the mother */
    }

  /* the family's copy leaves out what is withheld from the family; the
   * agency's copy has everything */
  fam = hw_meeting_list_items (f->store, f->meeting, NULL, &family, &error);
  ag = hw_meeting_list_items (f->store, f->meeting, NULL, &agency, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ag->len, ==, 5);
  g_assert_cmpint (fam->len, ==, 3);
  for (guint i = 0; i < fam->len; i++)
    g_assert_null (strstr (hw_record_get_string (g_ptr_array_index (fam, i), "text"), "SECRET"));
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(HwPresentation) p = NULL;
  gint64 first, second;
  guint up = 0;

  g_assert_true (hw_store_begin_edit (f->store, "Add sample data", &error));
  g_assert_true (hw_meeting_add_demo (f->store, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_commit_edit (f->store, &error));

  first = hw_store_query_int (f->store, 0, "SELECT id FROM meetings WHERE case_id = ? AND id <> ? ORDER BY starts_at LIMIT 1",
                              G_TYPE_INT64, f->case_id, G_TYPE_INT64, f->meeting, G_TYPE_INVALID);
  second = hw_store_query_int (f->store, 0, "SELECT id FROM meetings WHERE case_id = ? AND id <> ? ORDER BY starts_at DESC LIMIT 1",
                               G_TYPE_INT64, f->case_id, G_TYPE_INT64, f->meeting, G_TYPE_INVALID);
  g_assert_cmpint (first, !=, second);
  changes = hw_meeting_score_changes (f->store, first, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changes->len, >=, 6);
  for (guint i = 0; i < changes->len; i++)
    {
      HwScoreChange *c = g_ptr_array_index (changes, i);

      g_assert_cmpint (c->before, >=, 0);
      if (c->after > c->before)
        up++;
    }
  g_assert_cmpint (up, ==, changes->len);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM meeting_items WHERE meeting_id = ? AND phase = 'actions'",
                                       G_TYPE_INT64, second, G_TYPE_INVALID), ==, 2);

  /* the recent meeting is at the scaling step, with earlier marks (once
   * the scores are revealed) */
  g_assert_true (hw_meeting_set_scores_revealed (f->store, second, TRUE, &error));
  p = hw_meeting_presentation (f->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->phase, ==, "scaling");
  g_assert_cmpint (p->scales->len, ==, 3);
  g_assert_cmpint (((HwPresentationMark *) g_ptr_array_index (
                      ((HwPresentationScale *) g_ptr_array_index (p->scales, 0))->marks, 0))->previous, >=, 0);

  /* after the reveal is undone, one undo takes all the sample meetings away */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meetings"), ==, 1);
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  static const char * const phases[] = { "scaling", "worries", "welcome", "actions", NULL };
  g_autoptr(GError) error = NULL;
  gint64 recent;

  g_assert_true (hw_store_begin_edit (f->store, "Add sample data", &error));
  g_assert_true (hw_meeting_add_demo (f->store, f->case_id, &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  recent = hw_store_query_int (f->store, 0, "SELECT id FROM meetings ORDER BY starts_at DESC LIMIT 1", G_TYPE_INVALID);

  for (guint i = 0; phases[i]; i++)
    {
      g_autoptr(HwPresentation) p = NULL;
      g_autofree char *name = g_strdup_printf ("meeting-screen-%s.png", phases[i]);
      g_autofree char *path = g_build_filename (g_getenv ("HOMEWARD_BUILD_ROOT") ? g_getenv ("HOMEWARD_BUILD_ROOT") : f->dir,
                                                name, NULL);
      cairo_surface_t *png;

      g_assert_true (hw_meeting_set_phase (f->store, recent, phases[i], &error));
      p = hw_meeting_presentation (f->store, recent, &error);
      g_assert_no_error (error);
      g_assert_true (hw_meeting_render_png (p, 1920, 1080, path, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1080);
      cairo_surface_destroy (png);
      g_test_message ("screen written to %s", path);
    }

  /* the presenter pages to the last statement */
  {
    g_autoptr(HwPresentation) p = NULL;
    g_autofree char *path = g_build_filename (f->dir, "scale-2.png", NULL);

    g_assert_true (hw_meeting_set_phase (f->store, recent, "scaling", &error));
    p = hw_meeting_presentation (f->store, recent, &error);
    p->first_scale = 2;
    g_assert_true (hw_meeting_render_png (p, 1280, 720, path, &error));
    g_assert_no_error (error);
    p->first_scale = 99;  /* out of range: the last one, no crash */
    g_assert_true (hw_meeting_render_png (p, 1280, 720, path, &error));
  }

  /* big enough to read from the back of the room: 32 pt at 96 dpi */
  g_assert_cmpfloat (HW_MEETING_RENDER_MIN_TEXT_PX, >=, 32.0 * 96.0 / 72.0 - 0.5);
  g_assert_cmpfloat (HW_MEETING_RENDER_TITLE_PX, >, HW_MEETING_RENDER_MIN_TEXT_PX);
}

/* The room's screen for @p drawn into a PDF at 1920x1080, as pdftotext
 * reads it. */
static char *
screen_text (Fixture              *f,
             const HwPresentation *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "screen.pdf", NULL);
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  char *out = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  surface = cairo_pdf_surface_create (pdf, 1920, 1080);
  cr = cairo_create (surface);
  hw_meeting_render_presentation (cr, p, 1920, 1080);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Draws the room's screen into a PDF at every step and reads its text
 * back with pdftotext: what is private is not drawn, what is open is. */
static void
test_screen_text (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const phases[] = { "welcome", "strengths", "worries", "scaling", "actions", "decisions", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *advocate = NULL;
  gint64 secret;

  {
    g_autoptr(HwRecord) person = hw_store_get (f->store, "people", f->advocate, &error);
    advocate = g_strdup (hw_record_get_string (person, "name"));
  }
  attend (f, f->mother, "present");
  attend (f, f->advocate, "present");
  add (f, "strengths", "Visits go well");
  secret = add (f, "strengths", "SECRET strength");
  g_assert_true (hw_meeting_set_item_confidential (f->store, secret, TRUE, "", &error));
  secret = add (f, "worries", "SECRET worry");
  g_assert_true (hw_meeting_set_item_confidential (f->store, secret, FALSE, "family", &error));
  secret = add (f, "worries", "Open worry");
  g_assert_cmpint (hw_meeting_set_score (f->store, secret, f->advocate, 3, "", &error), >, 0);
  g_assert_cmpint (hw_meeting_add_action (f->store, f->meeting, "Call back", f->advocate, 0, "2026-05-20", &error), >, 0);
  /* revealed, so the screen draws the scores at all */
  g_assert_true (hw_meeting_set_scores_revealed (f->store, f->meeting, TRUE, &error));

  for (guint i = 0; phases[i]; i++)
    {
      g_autoptr(HwPresentation) p = NULL;
      g_autofree char *out = NULL;

      g_assert_true (hw_meeting_set_phase (f->store, f->meeting, phases[i], &error));
      p = hw_meeting_presentation (f->store, f->meeting, &error);
      g_assert_no_error (error);
      out = screen_text (f, p);
      g_assert_cmpstr (strstr (out, "SECRET"), ==, NULL);
      g_assert_cmpstr (strstr (out, advocate), ==, NULL);
      g_assert_nonnull (strstr (out, p->phase_title));
      if (g_strcmp0 (phases[i], "strengths") == 0)
        g_assert_nonnull (strstr (out, "Visits go well"));
      if (g_strcmp0 (phases[i], "scaling") == 0)
        g_assert_nonnull (strstr (out, "Participant 3"));
    }
}

/* More strengths than the column holds: while the room works on them the
 * newest is on the screen (under "+N earlier"); on another step the
 * column shows the first ones (and "+N more"). */
static void
test_screen_latest (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (int i = 1; i <= 9; i++)
    {
      g_autofree char *text = g_strdup_printf ("Strength%d: the children are collected from school on time", i);

      add (f, "strengths", text);
    }

  {
    g_autoptr(HwPresentation) p = NULL;
    g_autofree char *out = NULL;

    g_assert_true (hw_meeting_set_phase (f->store, f->meeting, "strengths", &error));
    p = hw_meeting_presentation (f->store, f->meeting, &error);
    out = screen_text (f, p);
    g_assert_nonnull (strstr (out, "Strength9"));
    g_assert_null (strstr (out, "Strength1:"));
    g_assert_nonnull (strstr (out, "earlier"));
    /* a picture to look at, when asked for */
    if (g_getenv ("HOMEWARD_SCREENSHOT_DIR") != NULL)
      {
        g_autofree char *png = g_build_filename (g_getenv ("HOMEWARD_SCREENSHOT_DIR"), "screen-latest.png", NULL);

        g_mkdir_with_parents (g_getenv ("HOMEWARD_SCREENSHOT_DIR"), 0755);
        g_assert_true (hw_meeting_render_png (p, 1920, 1080, png, &error));
        g_assert_no_error (error);
      }
  }
  {
    g_autoptr(HwPresentation) p = NULL;
    g_autofree char *out = NULL;

    g_assert_true (hw_meeting_set_phase (f->store, f->meeting, "worries", &error));
    p = hw_meeting_presentation (f->store, f->meeting, &error);
    out = screen_text (f, p);
    g_assert_nonnull (strstr (out, "Strength1:"));
    g_assert_null (strstr (out, "Strength9"));
    g_assert_nonnull (strstr (out, "more"));
  }
}

/* The room's screen says when in words a parent reads, in the window's
 * language: the meeting's day on the top line, the next meeting's with
 * its day of the week (not "2026-06-02 09:30"). */
static void
test_screen_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) change = hw_record_new ("meetings");
  const struct { const char *language, *when, *next, *due; } expected[] = {
    { "en", "2 May 2026, 10:00", "Tuesday 2 June 2026, 09:30", "by 20 May 2026" },
    { "es", "2 de mayo de 2026, 10:00", "martes 2 de junio de 2026, 09:30",
      "antes del 20 de mayo de 2026" },
  };
  /* drawn on a line of its own on the next meeting's step */
  const char *const alone[] = { "Tuesday 2 June 2026, 09:30", "Martes 2 de junio de 2026, 09:30" };

  hw_record_set_id (change, f->meeting);
  hw_record_set_string (change, "next_meeting", "2026-06-02 09:30");
  hw_record_set_string (change, "current_phase", "next-meeting");
  g_assert_true (hw_meeting_update (f->store, change, &error));
  g_assert_no_error (error);
  /* a next step with its due date, on the screen's third column */
  g_assert_cmpint (hw_meeting_add_action (f->store, f->meeting, "Call the school", 0, 0, "2026-05-20",
                                          &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HwLanguageSwitch) sw = hw_language_push (expected[i].language);
      g_autoptr(HwPresentation) p = hw_meeting_presentation (f->store, f->meeting, &error);
      g_autofree char *out = NULL;
      g_autofree char *flat = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (p->when, ==, expected[i].when);
      g_assert_cmpstr (p->next_meeting, ==, expected[i].next);
      /* drawn: the next meeting's step shows it in large letters */
      out = screen_text (f, p);
      flat = g_strdelimit (g_strdup (out), "\n", ' ');
      g_assert_nonnull (strstr (flat, expected[i].when));
      g_assert_nonnull (strstr (flat, alone[i]));
      g_assert_null (strstr (flat, "2026-06-02"));
      g_assert_cmpuint (p->next_steps->len, ==, 1);
      g_assert_cmpstr (((HwPresentationItem *) g_ptr_array_index (p->next_steps, 0))->due, ==,
                       expected[i].due);
      /* a picture to look at, when asked for */
      if (g_getenv ("HOMEWARD_SCREENSHOT_DIR") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("screen-dates-%s.png", expected[i].language);
          g_autofree char *png = g_build_filename (g_getenv ("HOMEWARD_SCREENSHOT_DIR"), name, NULL);

          g_mkdir_with_parents (g_getenv ("HOMEWARD_SCREENSHOT_DIR"), 0755);
          g_assert_true (hw_meeting_render_png (p, 1920, 1080, png, &error));
          g_assert_no_error (error);
        }
    }
}

static void
test_dates (void)
{
  g_autofree char *a = hw_meeting_normalise_datetime ("2026-05-02 10:00");
  g_autofree char *b = hw_meeting_normalise_datetime ("2026-05-02T10:00:30");
  g_autofree char *c = hw_meeting_normalise_datetime ("2026-02-29 10:00");
  g_autofree char *d = hw_meeting_normalise_datetime ("2026-05-02 10:60");
  g_autofree char *e = hw_meeting_normalise_datetime ("2026-05-02");

  g_assert_cmpstr (a, ==, "2026-05-02T10:00:00");
  g_assert_cmpstr (b, ==, "2026-05-02T10:00:30");
  g_assert_null (c);
  g_assert_null (d);
  g_assert_null (e);
  g_assert_true (hw_meeting_valid_date ("2024-02-29"));
  g_assert_false (hw_meeting_valid_date ("2023-02-29"));
  g_assert_false (hw_meeting_valid_date ("2023-2-28"));
  g_assert_false (hw_meeting_valid_date ("2023-02-28x"));
  g_assert_false (hw_meeting_valid_date (""));
  g_assert_false (hw_meeting_valid_date (NULL));
}

static gint64
version_of (HwStore    *store,
            const char *table,
            gint64      id)
{
  g_autoptr(HwRecord) row = hw_store_get (store, table, id, NULL);

  g_assert_nonnull (row);
  return hw_record_get_version (row);
}

/* Two people on one meeting (two stores on one file): each switch, the
 * step, deleting an item or a score, made from the version one was shown
 * after the other changed it, is refused with nothing changed; from the
 * version now it goes through. */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) row = NULL;
  gint64 a, w, score, v;

  attend (f, f->mother, "present");
  a = add (f, "strengths", "A");
  w = add (f, "worries", "W");
  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");

  /* on the room's screen or not */
  v = version_of (f->store, "meeting_items", a);
  g_assert_true (hw_meeting_set_item_hidden (other, a, TRUE, &error));
  REFUSED (f, HW_STORE_ERROR_CONFLICT, hw_meeting_set_item_hidden_at (f->store, a, v, FALSE, error));
  row = hw_store_get (f->store, "meeting_items", a, NULL);
  g_assert_true (hw_record_get_boolean (row, "hidden"));
  g_clear_object (&row);
  g_assert_true (hw_meeting_set_item_hidden_at (f->store, a, version_of (f->store, "meeting_items", a),
                                                FALSE, &error));
  g_assert_no_error (error);
  row = hw_store_get (f->store, "meeting_items", a, NULL);
  g_assert_false (hw_record_get_boolean (row, "hidden"));
  g_clear_object (&row);

  /* private */
  v = version_of (f->store, "meeting_items", a);
  g_assert_true (hw_meeting_set_item_confidential (other, a, TRUE, "family", &error));
  REFUSED (f, HW_STORE_ERROR_CONFLICT,
           hw_meeting_set_item_confidential_at (f->store, a, v, FALSE, "", error));
  row = hw_store_get (f->store, "meeting_items", a, NULL);
  g_assert_true (hw_record_get_boolean (row, "confidential"));
  g_assert_cmpstr (hw_record_get_string (row, "withheld_from"), ==, "family");
  g_clear_object (&row);
  g_assert_true (hw_meeting_set_item_confidential_at (f->store, a, version_of (f->store, "meeting_items", a),
                                                      FALSE, "", &error));
  g_assert_no_error (error);
  row = hw_store_get (f->store, "meeting_items", a, NULL);
  g_assert_false (hw_record_get_boolean (row, "confidential"));
  g_clear_object (&row);

  /* reveal the scores (the meeting's version) */
  v = version_of (f->store, "meetings", f->meeting);
  g_assert_true (hw_meeting_set_scores_revealed (other, f->meeting, TRUE, &error));
  REFUSED (f, HW_STORE_ERROR_CONFLICT, hw_meeting_set_scores_revealed_at (f->store, f->meeting, v, FALSE, error));
  row = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_assert_true (hw_record_get_boolean (row, "scores_revealed"));
  g_clear_object (&row);
  g_assert_true (hw_meeting_set_scores_revealed_at (f->store, f->meeting,
                                                    version_of (f->store, "meetings", f->meeting),
                                                    FALSE, &error));
  g_assert_no_error (error);

  /* the step: both at the welcome, both press Next; the second does not
   * move the meeting past the step the first moved it to */
  v = version_of (f->store, "meetings", f->meeting);
  g_assert_true (hw_meeting_set_phase_at (other, f->meeting, v, "strengths", &error));
  g_assert_no_error (error);
  REFUSED (f, HW_STORE_ERROR_CONFLICT, hw_meeting_set_phase_at (f->store, f->meeting, v, "worries", error));
  row = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_assert_cmpstr (hw_record_get_string (row, "current_phase"), ==, "strengths");
  g_clear_object (&row);
  /* a bad step is still refused as such */
  REFUSED (f, HW_STORE_ERROR_INVALID, hw_meeting_set_phase_at (f->store, f->meeting,
                                                               version_of (f->store, "meetings", f->meeting),
                                                               "lunch", error));
  g_assert_true (hw_meeting_set_phase_at (f->store, f->meeting, version_of (f->store, "meetings", f->meeting),
                                          "worries", &error));
  g_assert_no_error (error);
  row = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_assert_cmpstr (hw_record_get_string (row, "current_phase"), ==, "worries");
  g_clear_object (&row);

  /* deleting a score someone else changed since */
  score = hw_meeting_set_score (f->store, w, f->mother, 3, "", &error);
  g_assert_no_error (error);
  v = version_of (f->store, "meeting_scores", score);
  g_assert_cmpint (hw_meeting_set_score (other, w, f->mother, 5, "Bob asked", &error), ==, score);
  REFUSED (f, HW_STORE_ERROR_CONFLICT, hw_meeting_delete_score_at (f->store, score, v, error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 1);

  /* deleting an item someone else changed since: it stays, with its score */
  v = version_of (f->store, "meeting_items", w);
  g_assert_true (hw_meeting_edit_item (other, w, "W, as Bob wrote it", &error));
  REFUSED (f, HW_STORE_ERROR_CONFLICT, hw_meeting_delete_item_at (f->store, w, v, error));
  row = hw_store_get (f->store, "meeting_items", w, NULL);
  g_assert_cmpstr (hw_record_get_string (row, "text"), ==, "W, as Bob wrote it");
  g_clear_object (&row);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 1);

  /* at the versions now, both go */
  g_assert_true (hw_meeting_delete_score_at (f->store, score, version_of (f->store, "meeting_scores", score),
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_scores"), ==, 0);
  g_assert_true (hw_meeting_delete_item_at (f->store, w, version_of (f->store, "meeting_items", w), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_items WHERE phase = 'worries'"), ==, 0);
  /* one step, undone as one */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM meeting_items WHERE phase = 'worries'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/meeting/dates", test_dates);
  ADD ("/meeting/family-plan", test_family_plan);
  ADD ("/meeting/record", test_meeting_record);
  ADD ("/meeting/attendees", test_attendees);
  ADD ("/meeting/items", test_items);
  ADD ("/meeting/versions", test_versions);
  ADD ("/meeting/scores", test_scores);
  ADD ("/meeting/score-changes", test_score_changes);
  ADD ("/meeting/merge", test_merge);
  ADD ("/meeting/decisions", test_decisions);
  ADD ("/meeting/actions", test_actions);
  ADD ("/meeting/phase-times", test_phase_times);
  ADD ("/meeting/delete-undo", test_delete_meeting_undo);
  ADD ("/meeting/confidential", test_confidential);
  ADD ("/meeting/demo", test_demo);
  ADD ("/meeting/render", test_render);
  ADD ("/meeting/screen-text", test_screen_text);
  ADD ("/meeting/screen-latest", test_screen_latest);
  ADD ("/meeting/screen-dates", test_screen_dates);
#undef ADD

  return g_test_run ();
}
