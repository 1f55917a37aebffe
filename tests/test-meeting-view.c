/* test-meeting-view.c: the meeting editor's pages are their sections, its
 * rows are widgets that carry their item and act on it through their
 * actions (move, delete, take part), the lists follow the store, and the
 * view lets go of everything when it is destroyed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include <string.h>

#include "hw-enums.h"
#include "hw-family-plan.h"
#include "hw-language.h"
#include "hw-meeting.h"
#include "hw-meeting-attendees-section.h"
#include "hw-meeting-details-section.h"
#include "hw-meeting-item-row.h"
#include "hw-meeting-later.h"
#include "hw-meeting-phase-section.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-row.h"
#include "hw-meeting-scaling-section.h"
#include "hw-meeting-score-layout.h"
#include "hw-meeting-score-row.h"
#include "hw-meeting-step-row.h"
#include "hw-presentation-window.h"
#include "hw-meeting-view.h"
#include "hw-people.h"
#include "hw-test-meeting-view.h"
#include "hw-test-png.h"
#include "hw-test-store.h"

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  const HwChoice *phases;
  guint n;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "details");
  spin ();
  g_assert_nonnull (find_type (f->view, HW_TYPE_MEETING_DETAILS_SECTION));
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "attendees");
  spin ();
  g_assert_nonnull (find_type (f->view, HW_TYPE_MEETING_ATTENDEES_SECTION));
  g_assert_null (find_type (f->view, HW_TYPE_MEETING_DETAILS_SECTION));

  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwRecord) meeting = NULL;
      gboolean scaling = g_str_equal (phases[i].id, "scaling");

      hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), phases[i].id);
      spin ();
      g_assert_true ((find_type (f->view, HW_TYPE_MEETING_SCALING_SECTION) != NULL) == scaling);
      g_assert_true ((find_type (f->view, HW_TYPE_MEETING_PHASE_SECTION) != NULL) == !scaling);
      /* each person's score on a row that puts the reason below when
       * narrow (/meeting-view/score-layout) */
      if (scaling)
        {
          GtkWidget *score_row = find_type (f->view, HW_TYPE_MEETING_SCORE_ROW);

          g_assert_nonnull (score_row);
          g_assert_true (HW_IS_MEETING_SCORE_LAYOUT (gtk_widget_get_layout_manager (score_row)));
        }
      /* a phase page has its quick entry; the scaling page its scores */
      g_assert_nonnull (hw_meeting_find_first_field (f->view));
      /* choosing a step moves the meeting to it */
      meeting = hw_store_get (f->store, "meetings", f->meeting, NULL);
      g_assert_cmpstr (hw_record_get_string (meeting, "current_phase"), ==, phases[i].id);
    }
  /* the last step asks for the next meeting too */
  g_assert_nonnull (find_type (f->view, HW_TYPE_MEETING_DETAILS_SECTION));
}

static char *
strengths (Fixture *f)
{
  g_autoptr(GPtrArray) items = hw_meeting_list_items (f->store, f->meeting, "strengths", NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "",
                            hw_record_get_string (g_ptr_array_index (items, i), "text"));
  return g_string_free (out, FALSE);
}

static void
test_item_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *inside = NULL, *after = NULL, *gone = NULL, *undone = NULL;
  GtkWidget *row;
  gint64 item, item_id = 0;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "strengths");
  spin ();
  item = hw_meeting_add_item (f->store, f->meeting, "strengths", "ZZ last strength", &error);
  g_assert_no_error (error);
  spin ();

  /* the new item's row: a widget of its own that carries its item */
  row = find_name (f, "item", item);
  g_assert_nonnull (row);
  g_assert_true (HW_IS_MEETING_ITEM_ROW (row));
  g_object_get (row, "item-id", &item_id, NULL);
  g_assert_cmpint (item_id, ==, item);
  g_assert_cmpint (hw_meeting_item_row_get_item_id (HW_MEETING_ITEM_ROW (row)), ==, item);

  /* item.move(-1): one place up, once the action's caller has returned */
  before = strengths (f);
  g_assert_true (g_str_has_suffix (before, "|ZZ last strength"));
  g_assert_true (gtk_widget_activate_action (row, "item.move", "i", -1));
  inside = strengths (f);
  g_assert_cmpstr (inside, ==, before);   /* not yet: inside the click */
  spin ();
  after = strengths (f);
  g_assert_cmpstr (after, !=, before);
  g_assert_false (g_str_has_suffix (after, "|ZZ last strength"));

  /* item.delete on the new row that replaced the old one */
  row = find_name (f, "item", item);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (row, "item.delete", NULL));
  spin ();
  g_assert_null (find_name (f, "item", item));
  gone = strengths (f);
  g_assert_null (strstr (gone, "ZZ last strength"));
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_nonnull (find_name (f, "item", item));
  undone = strengths (f);
  g_assert_cmpstr (undone, ==, after);
}

static void
test_attendee_rows (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) attendance = hw_meeting_attendance_list_new (f->store, f->meeting);
  HwRecord *person;
  GtkWidget *check;
  gint64 person_id = 0;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "attendees");
  spin ();
  /* someone not taking part yet */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (attendance)) && person_id == 0; i++)
    {
      g_autoptr(HwRecord) rec = g_list_model_get_item (G_LIST_MODEL (attendance), i);

      if (hw_record_is_null (rec, "attendee_id"))
        person_id = hw_record_get_id (rec);
    }
  if (person_id == 0)
    {
      g_autoptr(HwRecord) first = g_list_model_get_item (G_LIST_MODEL (attendance), 0);

      g_assert_true (hw_meeting_remove_attendee (f->store, hw_record_get_int (first, "attendee_id"),
                                                 &error));
      g_assert_no_error (error);
      person_id = hw_record_get_id (first);
      spin ();
    }

  check = find_name (f, "attend", person_id);
  g_assert_true (GTK_IS_SWITCH (check));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (check)));
  gtk_switch_set_active (GTK_SWITCH (check), TRUE);
  spin ();
  person = hw_record_list_find (attendance, person_id, NULL);
  g_assert_nonnull (person);
  g_assert_false (hw_record_is_null (person, "attendee_id"));
  g_assert_cmpstr (hw_record_get_string (person, "attendance"), ==, "present");
  /* the new row shows it, and has the focus back */
  check = find_name (f, "attend", person_id);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (check)));
  g_assert_true (gtk_widget_has_focus (check));
}

static GtkLabel *
find_label_starting (GtkWidget  *root,
                     const char *start)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), start))
    return GTK_LABEL (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label_starting (c, start);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sample's father was never asked to its meetings: the attendees page
 * names him; a child who is 11 or older by the meeting is named too and
 * can take part; asking them (or recording that they declined) clears it. */
static void
test_not_asked_yet (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) sofia = NULL;
  GtkLabel *label;
  gint64 marco, sofia_id;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "attendees");
  spin ();
  label = find_label_starting (f->view, "Not asked yet:");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "Not asked yet: Marco Reyes (father). Fathers and children aged 11 and older "
                   "should be asked to take part: switch them on below, or choose “Declined” "
                   "if they were asked and will not come.");

  /* Sofía, 12 by the meeting (the sample makes her younger) */
  sofia_id = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE name = 'Sofía Morales'",
                                 G_TYPE_INVALID);
  sofia = hw_store_get (f->store, "people", sofia_id, &error);
  hw_record_set_string (sofia, "birth_date", "2014-01-01");
  g_assert_true (hw_store_update (f->store, "Birth date", sofia, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label),
                                   "Not asked yet: Marco Reyes (father), Sofía Morales (12)."));
  /* she can take part like the adults */
  g_assert_true (GTK_IS_SWITCH (find_name (f, "attend", sofia_id)));

  marco = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE name = 'Marco Reyes'",
                              G_TYPE_INVALID);
  g_assert_cmpint (hw_meeting_add_attendee (f->store, f->meeting, marco, "", "declined", &error),
                   >, 0);
  g_assert_cmpint (hw_meeting_add_attendee (f->store, f->meeting, sofia_id, "", "present", &error),
                   >, 0);
  g_assert_no_error (error);
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
}

static gboolean
find_toggle (GtkWidget   *root,
             const char  *tooltip_start,
             GtkWidget  **found)
{
  const char *tip = gtk_widget_get_tooltip_text (root);

  if (GTK_IS_TOGGLE_BUTTON (root) && tip != NULL && g_str_has_prefix (tip, tooltip_start))
    {
      *found = root;
      return TRUE;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (find_toggle (c, tooltip_start, found))
      return TRUE;
  return FALSE;
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(HwRecord) meeting = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_autofree char *phase = g_strdup (hw_record_get_string (meeting, "current_phase"));
  gint64 before = hw_meeting_get_phase_time (f->store, f->meeting, phase);
  gint64 end = g_get_monotonic_time () + 2200 * 1000;
  GtkWidget *clock = NULL;

  g_assert_true (find_toggle (f->view, "Start or pause the clock", &clock));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (clock), TRUE);
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  /* counted, not written while it runs */
  g_assert_cmpint (hw_meeting_get_phase_time (f->store, f->meeting, phase), ==, before);
  /* a pause writes the seconds to the step they were spent in */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (clock), FALSE);
  g_assert_cmpint (hw_meeting_get_phase_time (f->store, f->meeting, phase), >=, before + 2);
}

/* Whether any label or text under @root holds @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  if (GTK_IS_EDITABLE (root) && strstr (gtk_editable_get_text (GTK_EDITABLE (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* Private family time: the editor says the family is writing its plan,
 * never a word of it, until they share it; then the plan itself, and it
 * follows the store (undo of the sharing hides it again). */
static void
test_family_plan (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 mother = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE role = 'mother'", G_TYPE_INVALID);
  GtkLabel *label;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "family-time");
  spin ();
  label = find_label_starting (f->view, "The family is writing its plan privately.");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));

  g_assert_true (hw_family_plan_save (f->store, f->meeting, mother, "Grandma Rosa keeps the kids at weekends", &error));
  g_assert_no_error (error);
  spin ();
  g_assert_false (shows_text (f->window, "Grandma Rosa keeps the kids"));
  g_assert_nonnull (find_label_starting (f->view, "The family is writing its plan privately."));

  g_assert_true (hw_family_plan_share (f->store, f->meeting, mother, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_true (shows_text (f->window, "Grandma Rosa keeps the kids at weekends"));
  g_assert_null (find_label_starting (f->view, "The family is writing its plan privately."));

  g_assert_true (hw_store_undo (f->store, &error));
  spin ();
  g_assert_false (shows_text (f->window, "Grandma Rosa keeps the kids"));
}

/* Someone else's change (another window, a phone) shown while the
 * facilitator types: what they were typing stays, where it was, with the
 * focus -- in the quick entry and in an item being edited -- and the
 * other person's item shows. The change comes from another store on the
 * same file, announced by hw_store_refresh() as the app does each second
 * (on a server LISTEN/NOTIFY announces it the same way). */
static void
test_keeps_typing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *quick, *row, *row_after, *label, *focus;
  gint64 first, theirs;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "strengths");
  spin ();
  items = hw_meeting_list_items (f->store, f->meeting, "strengths", NULL, NULL);
  g_assert_nonnull (items);
  g_assert_cmpuint (items->len, >, 0);
  first = hw_record_get_id (g_ptr_array_index (items, 0));

  /* half a new item typed in the quick entry */
  quick = hw_meeting_find_first_field (f->view);
  g_assert_true (GTK_IS_EDITABLE (quick));
  gtk_widget_grab_focus (quick);
  gtk_editable_set_text (GTK_EDITABLE (quick), "Dad walks the kids to sch");
  gtk_editable_set_position (GTK_EDITABLE (quick), 10);
  spin ();

  /* someone else adds a strength and changes nothing of ours */
  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  theirs = hw_meeting_add_item (other, f->meeting, "strengths", "Aunt Lidia drives on Fridays", &error);
  g_assert_no_error (error);
  g_assert_true (hw_store_refresh (f->store));
  spin ();

  g_assert_nonnull (find_name (f, "item", theirs));
  g_assert_true (quick == hw_meeting_find_first_field (f->view));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quick)), ==, "Dad walks the kids to sch");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (quick)), ==, 10);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == quick || (focus != NULL && gtk_widget_is_ancestor (focus, quick)));

  /* an item being edited in place: its row, its words and the focus stay */
  row = find_name (f, "item", first);
  g_assert_nonnull (row);
  hw_meeting_item_row_start_editing (HW_MEETING_ITEM_ROW (row));
  spin ();
  label = GTK_WIDGET (gtk_widget_get_template_child (row, HW_TYPE_MEETING_ITEM_ROW, "text_label"));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)));
  gtk_editable_set_text (GTK_EDITABLE (label), "Mom keeps every appointment, now half-chang");
  spin ();
  theirs = hw_meeting_add_item (other, f->meeting, "strengths", "The school nurse checks in", &error);
  g_assert_no_error (error);
  g_assert_true (hw_store_refresh (f->store));
  spin ();

  g_assert_nonnull (find_name (f, "item", theirs));
  row_after = find_name (f, "item", first);
  g_assert_true (row_after == row);
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "Mom keeps every appointment, now half-chang");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && (focus == label || gtk_widget_is_ancestor (focus, label)));

  /* done: the label's editing ends before the window goes (GTK 4.8's
   * editable label destroyed while editing leaves a timer whose
   * callback finds its controller gone) */
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), FALSE);
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
}

#define CONFLICT_MESSAGE "Someone else changed this since you opened it. Their text is shown; make your change again."

/* Two people on one meeting: another program (a second store on the same
 * file, someone else) changes a decision's "who disagreed and why" and a
 * next step's owner and date while the facilitator's rows show the old
 * ones. The facilitator's change is refused with the message (a toast),
 * the row shows theirs (a drop-down goes back to their choice) and theirs
 * is kept; made again, it goes through. */
static void
test_item_conflicts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) stored = NULL;
  g_autoptr(GPtrArray) people = hw_people_select (f->store, f->case_id, HW_PEOPLE_ALL, NULL);
  GtkWidget *dissent, *owner, *due;
  gint64 decision, action, first, second;
  g_autoptr(HwRecord) theirs_decision = NULL;
  g_autoptr(HwRecord) theirs_action = NULL;

  g_assert_cmpuint (people->len, >=, 2);
  first = hw_record_get_id (g_ptr_array_index (people, 0));
  second = hw_record_get_id (g_ptr_array_index (people, 1));
  decision = hw_meeting_add_decision (f->store, f->meeting, "Overnight visits start", FALSE,
                                      "Grandma wants to wait", &error);
  g_assert_no_error (error);
  action = hw_meeting_add_action (f->store, f->meeting, "Call the school", 0, 0, "", &error);
  g_assert_no_error (error);

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");

  /* the decision: who disagreed and why */
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "decisions");
  spin ();
  dissent = (GtkWidget *) gtk_widget_get_template_child (find_name (f, "item", decision), HW_TYPE_MEETING_ITEM_ROW,
                                           "dissent_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dissent)), ==, "Grandma wants to wait");
  theirs_decision = hw_store_get (other, "meeting_items", decision, &error);
  g_assert_no_error (error);
  g_assert_true (hw_meeting_set_decision (other, decision, hw_record_get_version (theirs_decision), FALSE,
                                          "Grandma wants a month first", &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (dissent), "Grandma is fine with it now");
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  g_signal_emit_by_name (dissent, "activate");
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dissent)), ==, "Grandma wants a month first");
  stored = hw_store_get (f->store, "meeting_items", decision, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "dissent"), ==, "Grandma wants a month first");
  g_clear_object (&stored);
  /* made again on their text, it is saved */
  gtk_editable_set_text (GTK_EDITABLE (dissent), "Grandma wants two weeks first");
  g_signal_emit_by_name (dissent, "activate");
  spin ();
  stored = hw_store_get (f->store, "meeting_items", decision, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "dissent"), ==, "Grandma wants two weeks first");
  g_clear_object (&stored);

  /* the next step: who does it, and by when */
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "actions");
  spin ();
  owner = find_name (f, "owner", action);
  due = find_name (f, "due", action);
  g_assert_true (GTK_IS_DROP_DOWN (owner));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (owner)), ==, 0);
  theirs_action = hw_store_get (other, "meeting_items", action, &error);
  g_assert_no_error (error);
  g_assert_true (hw_meeting_set_action (other, action, hw_record_get_version (theirs_action), first, 0,
                                        "2026-06-01", &error));
  g_assert_no_error (error);

  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 2);   /* the second person */
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (owner)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-06-01");
  stored = hw_store_get (f->store, "meeting_items", action, NULL);
  g_assert_cmpint (hw_record_get_int (stored, "owner_person_id"), ==, first);
  g_assert_cmpstr (hw_record_get_string (stored, "due_date"), ==, "2026-06-01");
  g_clear_object (&stored);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (owner), 2);
  spin ();
  stored = hw_store_get (f->store, "meeting_items", action, NULL);
  g_assert_cmpint (hw_record_get_int (stored, "owner_person_id"), ==, second);
  g_assert_cmpstr (hw_record_get_string (stored, "due_date"), ==, "2026-06-01");
  g_clear_object (&stored);
}

/* Someone else changes how an attendee takes part while the row shows
 * the old way: the facilitator's choice is refused with the message and
 * the drop-down goes back to theirs; chosen again, it is saved. */
static void
test_attendee_conflict (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecordList) attendance = hw_meeting_attendance_list_new (f->store, f->meeting);
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) stored = NULL;
  GtkWidget *dropdown;
  gint64 person_id = 0, attendee = 0;
  int remote = hw_choices_index (HW_CHOICES_ATTENDANCE, "remote");
  int absent = hw_choices_index (HW_CHOICES_ATTENDANCE, "absent");

  g_assert_cmpint (remote, >=, 0);
  g_assert_cmpint (absent, >=, 0);
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "attendees");
  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (attendance)) && attendee == 0; i++)
    {
      g_autoptr(HwRecord) rec = g_list_model_get_item (G_LIST_MODEL (attendance), i);

      if (!hw_record_is_null (rec, "attendee_id") &&
          g_strcmp0 (hw_record_get_string (rec, "attendance"), "present") == 0)
        {
          person_id = hw_record_get_id (rec);
          attendee = hw_record_get_int (rec, "attendee_id");
        }
    }
  g_assert_cmpint (attendee, >, 0);
  dropdown = find_name (f, "attendance", person_id);
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "meeting_attendees", attendee, &error);
  g_assert_no_error (error);
  g_assert_true (hw_meeting_set_attendee (other, attendee, hw_record_get_version (theirs), NULL, "remote", &error));
  g_assert_no_error (error);

  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), absent);
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, remote);
  stored = hw_store_get (f->store, "meeting_attendees", attendee, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "attendance"), ==, "remote");
  g_clear_object (&stored);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), absent);
  spin ();
  stored = hw_store_get (f->store, "meeting_attendees", attendee, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "attendance"), ==, "absent");
}

/* The meeting's details: someone else changes the place while the page
 * shows the old one, then the facilitator while it is being typed over
 * (their change announced by hw_store_refresh(), the typing kept). Each
 * save over their change is refused with the message and their text is
 * shown; made again, it is saved. */
static void
test_details_conflict (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) stored = NULL;
  GtkWidget *section, *place, *facilitator, *focus;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "details");
  spin ();
  section = find_type (f->view, HW_TYPE_MEETING_DETAILS_SECTION);
  g_assert_nonnull (section);
  place = (GtkWidget *) gtk_widget_get_template_child (section, HW_TYPE_MEETING_DETAILS_SECTION, "place_row");
  facilitator = (GtkWidget *) gtk_widget_get_template_child (section, HW_TYPE_MEETING_DETAILS_SECTION,
                                                             "facilitator_row");

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  {
    g_autoptr(HwRecord) theirs = hw_store_get (other, "meetings", f->meeting, &error);
    g_autoptr(HwRecord) change = hw_record_new ("meetings");

    g_assert_no_error (error);
    hw_record_set_id (change, f->meeting);
    hw_record_set_version (change, hw_record_get_version (theirs));
    hw_record_set_string (change, "place", "Library, room 2");
    g_assert_true (hw_meeting_update (other, change, &error));
    g_assert_no_error (error);
  }

  gtk_editable_set_text (GTK_EDITABLE (place), "Town hall");
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  g_signal_emit_by_name (place, "apply");
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Library, room 2");
  stored = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "place"), ==, "Library, room 2");
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (place), "Town hall");
  g_signal_emit_by_name (place, "apply");
  spin ();
  stored = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "place"), ==, "Town hall");
  g_clear_object (&stored);

  /* typed over while someone else changes the same line: the typing
   * stays until it is saved, and that save is refused */
  gtk_widget_grab_focus (facilitator);
  gtk_editable_set_text (GTK_EDITABLE (facilitator), "Ms. Ortiz");
  spin ();
  {
    g_autoptr(HwRecord) theirs = hw_store_get (other, "meetings", f->meeting, &error);
    g_autoptr(HwRecord) change = hw_record_new ("meetings");

    hw_record_set_id (change, f->meeting);
    hw_record_set_version (change, hw_record_get_version (theirs));
    hw_record_set_string (change, "facilitator", "Mr. Díaz");
    g_assert_true (hw_meeting_update (other, change, &error));
    g_assert_no_error (error);
  }
  g_assert_true (hw_store_refresh (f->store));
  spin ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && (focus == facilitator || gtk_widget_is_ancestor (focus, facilitator)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (facilitator)), ==, "Ms. Ortiz");
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  g_signal_emit_by_name (facilitator, "apply");
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (facilitator)), ==, "Mr. Díaz");
  stored = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "facilitator"), ==, "Mr. Díaz");
  g_clear_object (&stored);

  gtk_editable_set_text (GTK_EDITABLE (facilitator), "Ms. Ortiz");
  g_signal_emit_by_name (facilitator, "apply");
  spin ();
  stored = hw_store_get (f->store, "meetings", f->meeting, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "facilitator"), ==, "Ms. Ortiz");
  g_assert_cmpstr (hw_record_get_string (stored, "place"), ==, "Town hall");
  g_clear_object (&stored);
}

/* The stored score of @person for @item, and its version. */
static int
stored_score (HwStore *store,
              gint64   item,
              gint64   person,
              gint64  *version)
{
  g_autoptr(GPtrArray) scorers = hw_meeting_scorers_select (store, item, NULL);

  for (guint i = 0; scorers != NULL && i < scorers->len; i++)
    {
      HwRecord *r = g_ptr_array_index (scorers, i);

      if (hw_record_get_id (r) == person && !hw_record_is_null (r, "score"))
        {
          if (version != NULL)
            *version = hw_record_get_int (r, "score_version");
          return hw_record_get_int (r, "score");
        }
    }
  return -1;
}

/* A score the facilitator types in for someone while someone else (a
 * second store on the same file) scores it: refused with the message,
 * the row shows their score and reason, theirs is kept; typed again, it
 * is saved. The same for a score changed over someone else's change. */
static void
test_score_conflict (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(GPtrArray) scorers = NULL;
  g_autofree char *spin_name = NULL;
  g_autofree char *reason_name = NULL;
  GtkWidget *box, *reason;
  gint64 item, person, version = 0;

  item = hw_meeting_add_item (f->store, f->meeting, "worries", "Nobody checks the homework", &error);
  g_assert_no_error (error);
  scorers = hw_meeting_scorers_select (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scorers->len, >, 0);
  person = hw_record_get_id (g_ptr_array_index (scorers, 0));
  spin_name = g_strdup_printf ("score-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, item, person);
  reason_name = g_strdup_printf ("reason-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, item, person);
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "scaling");
  spin ();
  box = hw_meeting_find_named (f->view, spin_name);
  g_assert_true (GTK_IS_SPIN_BUTTON (box));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (box)), ==, -1);

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  g_assert_cmpint (hw_meeting_set_score_at (other, item, person, 0, 4, "Bob asked them", &error), >, 0);
  g_assert_no_error (error);

  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (box), 7);
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (box)), ==, 4);
  reason = hw_meeting_find_named (f->view, reason_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason)), ==, "Bob asked them");
  g_assert_cmpint (stored_score (f->store, item, person, NULL), ==, 4);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (box), 7);
  spin ();
  g_assert_cmpint (stored_score (f->store, item, person, NULL), ==, 7);

  /* an update of that score over someone else's */
  box = hw_meeting_find_named (f->view, spin_name);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (box)), ==, 7);
  g_assert_cmpint (stored_score (other, item, person, &version), ==, 7);
  g_assert_cmpint (hw_meeting_set_score_at (other, item, person, version, 5, "Bob again", &error), >, 0);
  g_assert_no_error (error);
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (box), 8);
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (box)), ==, 5);
  g_assert_cmpint (stored_score (f->store, item, person, NULL), ==, 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (box), 8);
  spin ();
  g_assert_cmpint (stored_score (f->store, item, person, NULL), ==, 8);
}

#define NOT_REMOVED_MESSAGE "Someone else changed this since you opened it. It was not removed; look at their change first."

static HwStore *
open_other (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HwStore *other = hw_store_open (hw_store_get_path (f->store), &error);

  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  return other;
}

static gboolean
stored_boolean (HwStore    *store,
                const char *table,
                gint64      id,
                const char *column)
{
  g_autoptr(HwRecord) row = hw_store_get (store, table, id, NULL);

  g_assert_nonnull (row);
  return hw_record_get_boolean (row, column);
}

/* The item's switches while someone else changed the item: private, on
 * the room's screen, and deleting it are refused with the message, the
 * row shows their item, and made again they go through. */
static void
test_switch_conflicts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = open_other (f);
  GtkWidget *private, *text, *show, *hide;
  gint64 item, waiting, author;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "strengths");
  spin ();
  item = hw_meeting_add_item (f->store, f->meeting, "strengths", "Grandma walks them to school", &error);
  g_assert_no_error (error);
  /* sent from a phone by someone taking part: not on the room's screen yet */
  author = hw_store_query_int (f->store, 0, "SELECT person_id FROM meeting_attendees"
                               " WHERE meeting_id = ? AND attendance IN ('present', 'remote')"
                               " ORDER BY id LIMIT 1", G_TYPE_INT64, f->meeting, G_TYPE_INVALID);
  g_assert_cmpint (author, >, 0);
  waiting = hw_meeting_add_contribution (f->store, f->meeting, author, "strength", "Dad cooks on Sundays",
                                         &error);
  g_assert_no_error (error);
  spin ();

  /* private: they changed the words meanwhile */
  private = find_name (f, "private", item);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (private));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (private)));
  g_assert_true (hw_meeting_edit_item (other, item, "Grandma walks them to school every day", &error));
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private), TRUE);
  spin ();
  g_test_assert_expected_messages ();
  g_assert_false (stored_boolean (f->store, "meeting_items", item, "confidential"));
  private = find_name (f, "private", item);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (private)));
  text = (GtkWidget *) gtk_widget_get_template_child (find_name (f, "item", item), HW_TYPE_MEETING_ITEM_ROW, "text_label");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Grandma walks them to school every day");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private), TRUE);
  spin ();
  g_assert_true (stored_boolean (f->store, "meeting_items", item, "confidential"));

  /* on the room's screen: they let it through meanwhile */
  show = find_name (f, "show", waiting);
  g_assert_true (gtk_widget_get_visible (show));
  g_assert_true (hw_meeting_set_item_hidden (other, waiting, FALSE, &error));
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  g_assert_true (gtk_widget_activate_action (find_name (f, "item", waiting), "item.show-on-screen", NULL));
  spin ();
  g_test_assert_expected_messages ();
  /* the row shows theirs: on the screen, the button to take it off */
  show = find_name (f, "show", waiting);
  hide = find_name (f, "hide", waiting);
  g_assert_false (gtk_widget_get_visible (show));
  g_assert_true (gtk_widget_get_visible (hide));
  g_assert_false (stored_boolean (f->store, "meeting_items", waiting, "hidden"));
  hw_test_keep_window_png (f->window, "HW_SCREENSHOT_DIR", "meeting-switch-conflict.png");
  /* and over theirs, taking it off goes through */
  g_assert_true (gtk_widget_activate_action (find_name (f, "item", waiting), "item.hide-from-screen", NULL));
  spin ();
  g_assert_true (stored_boolean (f->store, "meeting_items", waiting, "hidden"));

  /* deleting: they changed it meanwhile, it stays with their words */
  g_assert_true (hw_meeting_edit_item (other, waiting, "Dad cooks on Sundays and Wednesdays", &error));
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, NOT_REMOVED_MESSAGE);
  g_assert_true (gtk_widget_activate_action (find_name (f, "item", waiting), "item.delete", NULL));
  spin ();
  g_test_assert_expected_messages ();
  g_assert_nonnull (find_name (f, "item", waiting));
  text = (GtkWidget *) gtk_widget_get_template_child (find_name (f, "item", waiting), HW_TYPE_MEETING_ITEM_ROW, "text_label");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Dad cooks on Sundays and Wednesdays");
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM meeting_items WHERE id = ?",
                                       G_TYPE_INT64, waiting, G_TYPE_INVALID), ==, 1);
  g_assert_true (gtk_widget_activate_action (find_name (f, "item", waiting), "item.delete", NULL));
  spin ();
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM meeting_items WHERE id = ?",
                                       G_TYPE_INT64, waiting, G_TYPE_INVALID), ==, 0);
}

/* Reveal Scores while someone else changed the meeting: refused with the
 * message, the toggle shows theirs; made again, it goes through. */
static void
test_reveal_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = open_other (f);
  g_autoptr(HwRecord) theirs = hw_record_new ("meetings");
  GtkWidget *section, *reveal;

  g_assert_true (hw_meeting_set_scores_revealed (f->store, f->meeting, FALSE, &error));
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "scaling");
  spin ();
  section = find_type (f->view, HW_TYPE_MEETING_SCALING_SECTION);
  g_assert_nonnull (section);
  reveal = (GtkWidget *) gtk_widget_get_template_child (section, HW_TYPE_MEETING_SCALING_SECTION, "reveal_button");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (reveal)));

  /* the other facilitator revealed and hid them again meanwhile */
  g_assert_true (hw_meeting_set_scores_revealed (other, f->meeting, TRUE, &error));
  g_assert_true (hw_meeting_set_scores_revealed (other, f->meeting, FALSE, &error));
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reveal), TRUE);
  spin ();
  g_test_assert_expected_messages ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (reveal)));
  g_assert_false (stored_boolean (f->store, "meetings", f->meeting, "scores_revealed"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reveal), TRUE);
  spin ();
  g_assert_true (stored_boolean (f->store, "meetings", f->meeting, "scores_revealed"));
}

static const char *
shown_step (Fixture *f)
{
  GtkListBox *steps = GTK_LIST_BOX (gtk_widget_get_template_child (f->view, HW_TYPE_MEETING_VIEW,
                                                                   "phase_list"));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (steps);

  g_assert_nonnull (row);
  return hw_meeting_step_row_get_page (HW_MEETING_STEP_ROW (row));
}

static char *
stored_step (HwStore *store,
             gint64   meeting)
{
  g_autoptr(HwRecord) row = hw_store_get (store, "meetings", meeting, NULL);

  return g_strdup (hw_record_get_string (row, "current_phase"));
}

/* Two facilitators move the meeting on: the second, from the step shown,
 * is refused with the message and the view shows the step the first
 * chose; chosen again, the step moves. */
static void
test_step_conflict (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = open_other (f);
  g_autofree char *step = NULL;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "strengths");
  spin ();
  g_assert_cmpstr (shown_step (f), ==, "strengths");
  step = stored_step (f->store, f->meeting);
  g_assert_cmpstr (step, ==, "strengths");

  /* both press Next: worries once, not a step further */
  g_assert_true (hw_meeting_set_phase (other, f->meeting, "worries", &error));
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "worries");
  spin ();
  g_assert_cmpstr (shown_step (f), ==, "worries");
  g_clear_pointer (&step, g_free);
  step = stored_step (f->store, f->meeting);
  g_assert_cmpstr (step, ==, "worries");

  /* Bob again, to ideas; this facilitator, still on worries, chooses
   * safety goals: refused, the view goes to ideas */
  g_assert_true (hw_meeting_set_phase (other, f->meeting, "ideas", &error));
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "safety-goals");
  spin ();
  g_test_assert_expected_messages ();
  g_assert_cmpstr (shown_step (f), ==, "ideas");
  g_clear_pointer (&step, g_free);
  step = stored_step (f->store, f->meeting);
  g_assert_cmpstr (step, ==, "ideas");

  /* from the step shown now, it moves */
  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "safety-goals");
  spin ();
  g_assert_cmpstr (shown_step (f), ==, "safety-goals");
  g_clear_pointer (&step, g_free);
  step = stored_step (f->store, f->meeting);
  g_assert_cmpstr (step, ==, "safety-goals");
}

/* The room's screen's Next, pressed while the other facilitator moved
 * the meeting elsewhere: from the step the screen showed, refused; the
 * meeting stays at their step and the screen shows it; Next again moves
 * on from there, one step. */
static void
test_screen_next_conflict (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = open_other (f);
  g_autofree char *step = NULL;
  HwPresentationWindow *screen;
  const HwChoice *phases;
  guint n;
  int worries;

  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n);
  worries = hw_choices_index (HW_CHOICES_MEETING_PHASE, "worries");
  g_assert_cmpint (worries + 1, <, (int) n);
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting, "safety-goals", &error));
  screen = hw_presentation_window_new (f->store, f->meeting);
  g_object_add_weak_pointer (G_OBJECT (screen), (gpointer *) &screen);
  gtk_window_present (GTK_WINDOW (screen));
  spin ();
  g_assert_cmpstr (hw_presentation_window_get_phase_title (screen), ==,
                   hw_choice_label (HW_CHOICES_MEETING_PHASE, "safety-goals"));

  /* Bob takes the meeting back to the worries */
  g_assert_true (hw_meeting_set_phase (other, f->meeting, "worries", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (screen), "presentation.next", NULL));
  spin ();
  step = stored_step (f->store, f->meeting);
  g_assert_cmpstr (step, ==, "worries");
  g_assert_cmpstr (hw_presentation_window_get_phase_title (screen), ==,
                   hw_choice_label (HW_CHOICES_MEETING_PHASE, "worries"));

  /* from the step shown now: one step on */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (screen), "presentation.next", NULL));
  spin ();
  g_clear_pointer (&step, g_free);
  step = stored_step (f->store, f->meeting);
  g_assert_cmpstr (step, ==, phases[worries + 1].id);

  gtk_window_destroy (GTK_WINDOW (screen));
  spin ();
  g_assert_null (screen);
}

/* The meeting's day in words, as everywhere else in the window: "24
 * February 2025, 10:00 · Family room" above the steps, "24 Feb 2025,
 * 10:00" in the list of meetings; never "2025-02-24 10:00". */
static void
test_dates_in_words (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HwRecord) meeting = hw_store_get (f->store, "meetings", f->meeting, NULL);
  const char *iso = hw_record_get_string (meeting, "starts_at");
  g_autofree char *as_iso = NULL;
  g_autofree char *long_date = hw_language_format_iso (iso, HW_DATE_LONG, TRUE);
  g_autofree char *short_date = hw_language_format_iso (iso, HW_DATE_SHORT, TRUE);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", long_date,
                                               hw_record_get_string (meeting, "place"));
  GtkWidget *row;

  g_assert_cmpuint (strlen (iso), >=, 16);
  as_iso = g_strdup_printf ("%.10s %.5s", iso, iso + 11);
  /* (words: the month's name, the time after a comma) */
  g_assert_nonnull (strstr (long_date, hw_language_month_name (atoi (iso + 5))));
  g_assert_nonnull (strstr (short_date, hw_language_month_abbrev (atoi (iso + 5))));
  g_assert_true (g_str_has_suffix (long_date, as_iso + 10));
  g_assert_true (shows_text (f->view, subtitle));
  row = find_type (f->view, HW_TYPE_MEETING_ROW);
  g_assert_nonnull (row);
  g_assert_true (shows_text (row, short_date));
  g_assert_false (shows_text (row, as_iso));
}

/* @child's place in @parent */
static graphene_rect_t
bounds_in (GtkWidget *child,
           GtkWidget *parent)
{
  graphene_rect_t rect;

  g_assert_true (gtk_widget_compute_bounds (child, parent, &rect));
  return rect;
}

/* A score row's layout (HwMeetingScoreLayout), with children like the
 * row's: the name, the score, last time's score, the reason. Wide, all on
 * one line, the name whole; narrow (a laptop with the families beside the
 * meeting: 323 pixels), the reason on a line of its own below, as wide as
 * the row, and the name still whole, where a box cut it to four letters.
 * Its minimum width is a box's. */
static void
test_score_layout (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *who = gtk_label_new ("Karen Whitfield");
  GtkWidget *score = gtk_spin_button_new_with_range (0, 10, 1);
  GtkWidget *before = gtk_label_new ("last time 3");
  GtkWidget *reason = gtk_entry_new ();
  GtkWidget *children[] = { who, score, before, reason };
  int mins[4], nats[4], row_min, row_nat, who_nat, narrow_h, wide_h;
  graphene_rect_t w, s, b, r;

  g_object_ref_sink (row);
  gtk_widget_set_layout_manager (row, hw_meeting_score_layout_new ());
  gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_widget_set_hexpand (reason, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), "What makes it this number? (Enter saves)");
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      gtk_box_append (GTK_BOX (row), children[i]);
      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1, &mins[i], &nats[i], NULL, NULL);
    }
  who_nat = nats[0];

  /* as wide at least as a box of them */
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &row_min, &row_nat, NULL, NULL);
  g_assert_cmpint (row_min, ==, mins[0] + mins[1] + mins[2] + mins[3] + 3 * HW_MEETING_SCORE_SPACING);
  g_assert_cmpint (row_nat, ==, nats[0] + nats[1] + nats[2] + nats[3] + 3 * HW_MEETING_SCORE_SPACING);

  /* wide: one line, the reason takes the rest */
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 900, NULL, &wide_h, NULL, NULL);
  gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, 900, wide_h }, -1);
  w = bounds_in (who, row);
  s = bounds_in (score, row);
  b = bounds_in (before, row);
  r = bounds_in (reason, row);
  g_assert_cmpfloat (w.size.width, ==, who_nat);
  g_assert_cmpfloat (s.origin.x, >=, w.origin.x + w.size.width);
  g_assert_cmpfloat (b.origin.x, >=, s.origin.x + s.size.width);
  g_assert_cmpfloat (r.origin.x, >=, b.origin.x + b.size.width);
  g_assert_cmpfloat (r.origin.x + r.size.width, ==, 900);
  g_assert_cmpfloat (r.origin.y, <, s.origin.y + s.size.height);

  /* narrow: the reason below, the whole width; the name whole */
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, 323, NULL, &narrow_h, NULL, NULL);
  g_assert_cmpint (narrow_h, >, wide_h);
  gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, 323, narrow_h }, -1);
  w = bounds_in (who, row);
  s = bounds_in (score, row);
  b = bounds_in (before, row);
  r = bounds_in (reason, row);
  g_assert_cmpfloat (w.size.width, ==, who_nat);
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, 323);
  g_assert_cmpfloat (r.origin.x, ==, 0);
  g_assert_cmpfloat (r.size.width, ==, 323);
  g_assert_cmpfloat (r.origin.y, >=, s.origin.y + s.size.height);
  g_assert_cmpfloat (r.origin.y + r.size.height, <=, narrow_h);

  /* at its minimum width: on two lines, nothing outside the row */
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, row_min, NULL, &narrow_h, NULL, NULL);
  gtk_widget_size_allocate (row, &(GtkAllocation) { 0, 0, row_min, narrow_h }, -1);
  b = bounds_in (before, row);
  r = bounds_in (reason, row);
  g_assert_cmpfloat (b.origin.x + b.size.width, <=, row_min);
  g_assert_cmpfloat (r.size.width, ==, row_min);

  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/meeting-view/not-asked-yet", test_not_asked_yet);
  ADD ("/meeting-view/pages", test_pages);
  ADD ("/meeting-view/item-rows", test_item_rows);
  ADD ("/meeting-view/attendee-rows", test_attendee_rows);
  ADD ("/meeting-view/clock", test_clock);
  ADD ("/meeting-view/family-plan", test_family_plan);
  ADD ("/meeting-view/item-conflicts", test_item_conflicts);
  ADD ("/meeting-view/attendee-conflict", test_attendee_conflict);
  ADD ("/meeting-view/details-conflict", test_details_conflict);
  ADD ("/meeting-view/score-conflict", test_score_conflict);
  ADD ("/meeting-view/switch-conflicts", test_switch_conflicts);
  ADD ("/meeting-view/reveal-conflict", test_reveal_conflict);
  ADD ("/meeting-view/step-conflict", test_step_conflict);
  ADD ("/meeting-view/screen-next-conflict", test_screen_next_conflict);
  ADD ("/meeting-view/keeps-typing", test_keeps_typing);
  ADD ("/meeting-view/dates-in-words", test_dates_in_words);
  ADD ("/meeting-view/after-keeps-typing", test_clock);   /* nothing left behind */
#undef ADD
  g_test_add_func ("/meeting-view/score-layout", test_score_layout);

  return g_test_run ();
}
