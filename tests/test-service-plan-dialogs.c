/* test-service-plan-dialogs.c: the service plan's edit dialogs on the
 * sample family write what they show through the core in one edit: a
 * need kept off the screen keeps what else it was withheld from, a task
 * done by the agency names no person, a review and its ratings go back
 * with one undo, and a refused goal leaves the dialog open with the
 * reason and writes nothing; a goal, a need, a support after going home
 * or a check-in someone else changed meanwhile too, showing their text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-service-plan.h"
#include "hw-service-plan-checkin-dialog.h"
#include "hw-service-plan-goal-dialog.h"
#include "hw-service-plan-need-dialog.h"
#include "hw-service-plan-queries.h"
#include "hw-enums.h"
#include "hw-service-plan-review-dialog.h"
#include "hw-service-plan-support-dialog.h"
#include "hw-service-plan-task-dialog.h"
#include "hw-test-find.h"
#include "hw-test-png.h"
#include "hw-test-store.h"

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The first widget of @type under @root whose title (a preferences row)
 * or label (a check button) is @title, or the first of @type for NULL. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;

      if (ADW_IS_PREFERENCES_ROW (root))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (GTK_IS_CHECK_BUTTON (root))
        text = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
      else
        text = hw_test_label_text (root);
      if (title == NULL || g_strcmp0 (text, title) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_text (GtkWindow  *dialog,
          const char *title,
          const char *text)
{
  GtkWidget *row = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
saved_cb (GtkWindow *dialog,
          gint64     id,
          gint64    *out)
{
  *out = id;
}

/* Presses Save: the id written, or 0 when the dialog stayed open. */
static gint64
save (GtkWindow *dialog)
{
  gint64 id = 0;

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &id);
  gtk_window_present (dialog);
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  settle ();
  return id;
}

static gboolean
wait_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds (frames need time). */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* @widget is wholly inside what its scrolled window shows. */
static void
assert_in_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scrolled);
  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  g_test_message ("%s at %.0f..%.0f of %d", G_OBJECT_TYPE_NAME (widget), bounds.origin.y,
                  bounds.origin.y + bounds.size.height, gtk_widget_get_height (scrolled));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled) + 0.5);
}

/* The sample family's need of @domain. */
static gint64
need_of (HwStore    *store,
         gint64      case_id,
         const char *domain)
{
  static const HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  g_autoptr(GPtrArray) needs = hw_service_plan_list_needs (store, case_id, &agency, NULL);

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    if (g_str_equal (hw_record_get_string (g_ptr_array_index (needs, i), "domain"), domain))
      return hw_record_get_id (g_ptr_array_index (needs, i));
  g_assert_not_reached ();
}

static void
test_need (void)
{
  char *dir = NULL;
  gint64 case_id, id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(HwRecord) need = NULL;
  GtkWindow *dialog;
  GtkWidget *toggle;

  /* the violence need is withheld from support people and the screen:
   * shown on screen again, it stays withheld from support people */
  id = need_of (store, case_id, "domestic-violence");
  need = hw_store_get (store, "needs", id, NULL);
  dialog = hw_service_plan_need_dialog_new (store, case_id, need);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Change Need");
  toggle = find (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_cmpint (save (dialog), ==, id);
  g_clear_object (&need);
  need = hw_store_get (store, "needs", id, NULL);
  g_assert_cmpstr (hw_record_get_string (need, "withheld_from"), ==, "support");
  g_assert_cmpint (hw_record_get_int (need, "confidential"), ==, 1);

  /* a new need, private */
  dialog = hw_service_plan_need_dialog_new (store, case_id, NULL);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Add Need");
  set_text (dialog, "In the family’s _words", "  We want our own kitchen.  ");
  gtk_switch_set_active (GTK_SWITCH (find (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL)), TRUE);
  id = save (dialog);
  g_assert_cmpint (id, >, 0);
  g_clear_object (&need);
  need = hw_store_get (store, "needs", id, NULL);
  g_assert_cmpstr (hw_record_get_string (need, "family_words"), ==, "We want our own kitchen.");
  g_assert_cmpstr (hw_record_get_string (need, "domain"), ==, "housing");
  g_assert_cmpstr (hw_record_get_string (need, "withheld_from"), ==, "screen");

  hw_test_store_free (g_steal_pointer (&store), dir);
}

static void
test_goal_refused (void)
{
  char *dir = NULL;
  gint64 case_id, need_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *undo_before = hw_store_get_undo_label (store);
  g_autofree char *undo_after = NULL;
  GtkWindow *dialog;
  GtkWidget *problem;

  need_id = need_of (store, case_id, "housing");
  before = hw_service_plan_list_goals (store, need_id, NULL);
  dialog = hw_service_plan_goal_dialog_new (store, case_id, need_id, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (save (dialog), ==, 0);

  /* still open, with the reason; nothing written */
  g_assert_nonnull (dialog);
  problem = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "The goal cannot be empty.");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  after = hw_service_plan_list_goals (store, need_id, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  undo_after = hw_store_get_undo_label (store);
  g_assert_cmpstr (undo_after, ==, undo_before);

  /* Cancel closes it */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  settle ();
  g_assert_null (dialog);
  hw_test_store_free (g_steal_pointer (&store), dir);
}

/* Two people on one goal: another program (a second store on the same
 * file, someone else) changes it while the dialog is open; Save is
 * refused with the message, the dialog shows their text, and a second
 * Save (on their text) goes through. */
static void
test_goal_conflict (void)
{
  char *dir = NULL;
  gint64 case_id, need_id, goal_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *row, *problem;

  need_id = need_of (store, case_id, "housing");
  goals = hw_service_plan_list_goals (store, need_id, NULL);
  g_assert_cmpuint (goals->len, >, 0);
  goal_id = hw_record_get_id (g_ptr_array_index (goals, 0));
  dialog = hw_service_plan_goal_dialog_new (store, case_id, need_id, g_ptr_array_index (goals, 0));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  other = hw_store_open (hw_store_get_path (store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "goals", goal_id, &error);
  g_assert_no_error (error);
  hw_record_set_string (theirs, "text", "Their words for the goal");
  g_assert_true (hw_store_update (other, "Change goal", theirs, &error));
  g_assert_no_error (error);

  set_text (dialog, "What will be _different", "My words for the goal");
  g_assert_cmpint (save (dialog), ==, 0);
  g_assert_nonnull (dialog);
  problem = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                  "Someone else changed this since you opened it. Their text is shown; make your change again.");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  row = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "What will be _different");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Their words for the goal");
  stored = hw_store_get (store, "goals", goal_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "text"), ==, "Their words for the goal");
  g_clear_object (&stored);

  /* made again on their text, it is saved (the first Save's handler
   * wrote into a variable that is gone) */
  g_signal_handlers_disconnect_matched (dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, saved_cb, NULL);
  set_text (dialog, "What will be _different", "Our words for the goal");
  g_assert_cmpint (save (dialog), ==, goal_id);
  stored = hw_store_get (store, "goals", goal_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "text"), ==, "Our words for the goal");

  g_clear_object (&other);
  hw_test_store_free (g_steal_pointer (&store), dir);
}

/* Two people on one item: @dialog shows @column of row @id of @table
 * (in the entry row titled @title); another program (a second store on
 * the same file, someone else) changes it while the dialog is open; Save
 * is refused with the message, the dialog shows their text, their change
 * is intact, and a second Save (made again on their text) goes through.
 * Takes @dialog. */
static void
check_conflict (HwStore    *store,
                GtkWindow  *dialog,
                const char *table,
                gint64      id,
                const char *column,
                const char *title)
{
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *problem;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  other = hw_store_open (hw_store_get_path (store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, table, id, &error);
  g_assert_no_error (error);
  hw_record_set_string (theirs, column, "Their words");
  g_assert_true (hw_store_update (other, "Change", theirs, &error));
  g_assert_no_error (error);

  set_text (dialog, title, "My words");
  g_assert_cmpint (save (dialog), ==, 0);
  g_assert_nonnull (dialog);
  problem = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                  "Someone else changed this since you opened it. Their text is shown; make your change again.");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  /* the message and Save in sight (the window does not grow with the
   * message: they were scrolled out of it) */
  wait_ms (300);
  /* to look at: HOMEWARD_SCREENSHOT_DIR=... */
  hw_test_keep_window_png (GTK_WIDGET (dialog), "HOMEWARD_SCREENSHOT_DIR", "conflict-dialog.png");
  assert_in_view (problem);
  assert_in_view (hw_test_find_widget (GTK_WIDGET (dialog), hw_test_match_button_action, "dialog.save"));
  row = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Their words");
  stored = hw_store_get (store, table, id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, column), ==, "Their words");
  g_clear_object (&stored);

  /* made again on their text, it is saved (the first Save's handler
   * wrote into a variable that is gone) */
  g_signal_handlers_disconnect_matched (dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, saved_cb, NULL);
  set_text (dialog, title, "Our words");
  g_assert_cmpint (save (dialog), ==, id);
  g_assert_null (dialog);
  stored = hw_store_get (store, table, id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, column), ==, "Our words");
}

static void
test_need_conflict (void)
{
  char *dir = NULL;
  gint64 case_id, id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(HwRecord) need = NULL;

  id = need_of (store, case_id, "housing");
  need = hw_store_get (store, "needs", id, NULL);
  check_conflict (store, hw_service_plan_need_dialog_new (store, case_id, need),
                  "needs", id, "family_words", "In the family’s _words");
  hw_test_store_free (g_steal_pointer (&store), dir);
}

/* The first row of @table of the sample family's case (by @sql). */
static HwRecord *
first_row (HwStore    *store,
           const char *table,
           const char *sql,
           gint64      case_id)
{
  g_autoptr(GPtrArray) rows = hw_store_select (store, table, NULL, sql,
                                               G_TYPE_INT64, case_id, G_TYPE_INVALID);

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, >, 0);
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static void
test_support_conflict (void)
{
  char *dir = NULL;
  gint64 case_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(HwRecord) support = NULL;

  support = first_row (store, "aftercare_supports",
                       "SELECT * FROM aftercare_supports WHERE case_id = ? ORDER BY id", case_id);
  check_conflict (store,
                  hw_service_plan_support_dialog_new (store, case_id, NULL, support),
                  "aftercare_supports", hw_record_get_id (support), "description", "_What");
  hw_test_store_free (g_steal_pointer (&store), dir);
}

static void
test_checkin_conflict (void)
{
  char *dir = NULL;
  gint64 case_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(HwRecord) checkin = NULL;

  checkin = first_row (store, "aftercare_checkins",
                       "SELECT c.* FROM aftercare_checkins c"
                       " JOIN aftercare_supports s ON s.id = c.support_id"
                       " WHERE s.case_id = ? ORDER BY c.id", case_id);
  check_conflict (store,
                  hw_service_plan_checkin_dialog_new (store, case_id, 0, "2025-03-03", checkin),
                  "aftercare_checkins", hw_record_get_id (checkin), "what_came_up",
                  "What came _up");
  hw_test_store_free (g_steal_pointer (&store), dir);
}

static void
test_task (void)
{
  char *dir = NULL;
  gint64 case_id, goal_id, id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(HwRecord) task = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  GtkWindow *dialog;

  goals = hw_service_plan_list_goals (store, need_of (store, case_id, "housing"), NULL);
  goal_id = hw_record_get_id (g_ptr_array_index (goals, 0));
  dialog = hw_service_plan_task_dialog_new (store, case_id, goal_id, "2025-03-03", NULL);
  set_text (dialog, "What will be _done", "Call the landlord");
  /* "Nobody yet", then the agency */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                   "_Who does it")), 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON,
                                                       "Transport")), TRUE);
  id = save (dialog);
  g_assert_cmpint (id, >, 0);
  task = hw_store_get (store, "tasks", id, NULL);
  g_assert_cmpstr (hw_record_get_string (task, "description"), ==, "Call the landlord");
  g_assert_cmpint (hw_record_get_int (task, "responsible_agency"), ==, 1);
  g_assert_cmpint (hw_record_get_int (task, "responsible_person_id"), ==, 0);
  g_assert_cmpstr (hw_record_get_string (task, "start_date"), ==, "2025-03-03");
  g_assert_cmpstr (hw_record_get_string (task, "status"), ==, "not-started");
  g_assert_cmpstr (hw_record_get_string (task, "barriers"), ==, "transport");

  /* opened again, it shows the agency and the barrier */
  dialog = hw_service_plan_task_dialog_new (store, case_id, 0, "2025-03-03", task);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog),
                                                                     ADW_TYPE_COMBO_ROW,
                                                                     "_Who does it"))), ==, 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (GTK_WIDGET (dialog),
                                                                      GTK_TYPE_CHECK_BUTTON,
                                                                      "Transport"))));
  gtk_window_destroy (dialog);

  hw_test_store_free (g_steal_pointer (&store), dir);
}

static void
test_review (void)
{
  char *dir = NULL;
  gint64 case_id, id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(GPtrArray) reviews = hw_service_plan_list_reviews (store, case_id, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *group, *row;

  dialog = hw_service_plan_review_dialog_new (store, case_id, "2025-03-03", NULL);
  set_text (dialog, "_Notes", "Home visit went well.");
  /* the first area: +2 */
  group = find (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP, NULL);
  row = find (group, ADW_TYPE_COMBO_ROW, NULL);
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  id = save (dialog);
  g_assert_cmpint (id, >, 0);
  after = hw_service_plan_list_ratings (store, id, NULL);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (after, 0), "rating"), ==, 2);

  /* one undo takes the review and its rating back */
  g_assert_true (hw_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = hw_service_plan_list_reviews (store, case_id, NULL);
  g_assert_cmpuint (after->len, ==, reviews->len);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = hw_service_plan_list_ratings (store, id, NULL);
  g_assert_cmpuint (after->len, ==, 0);

  hw_test_store_free (g_steal_pointer (&store), dir);
}

/* Two people on one readiness review: someone else (a second store on
 * the same file) changes its notes and a rating while the dialog is open;
 * Save is refused with the message, the dialog shows their notes and
 * rating, theirs are kept; a second Save goes through. */
static void
test_review_conflict (void)
{
  char *dir = NULL;
  gint64 case_id, review_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-spd-XXXXXX", &dir, &case_id);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) review = hw_record_new ("readiness_reviews");
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  const HwChoice *domains;
  guint n;
  GtkWindow *dialog;
  GtkWidget *group, *rating, *notes, *problem;

  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n);
  hw_record_set_int (review, "case_id", case_id);
  hw_record_set_string (review, "date", "2025-03-01");
  hw_record_set_string (review, "notes", "First look");
  review_id = hw_service_plan_save (store, NULL, review, &error);
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_rating (store, review_id, domains[0].id, 0, &error));
  g_assert_no_error (error);
  reviews = hw_service_plan_list_reviews (store, case_id, NULL);
  for (guint i = 0; i < reviews->len; i++)
    if (hw_record_get_id (g_ptr_array_index (reviews, i)) == review_id)
      g_set_object (&review, g_ptr_array_index (reviews, i));
  g_assert_cmpint (hw_record_get_id (review), ==, review_id);
  dialog = hw_service_plan_review_dialog_new (store, case_id, "2025-03-03", review);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  group = find (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP, NULL);
  rating = find (group, ADW_TYPE_COMBO_ROW, NULL);
  notes = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Notes");
  /* entry 0 "not rated", entry i the rating 3 - i: 0 is entry 3 */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)), ==, 3);

  /* someone else, in one edit as their dialog does */
  other = hw_store_open (hw_store_get_path (store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  {
    g_autoptr(HwRecord) theirs = hw_store_get (other, "readiness_reviews", review_id, &error);
    g_autoptr(HwRecord) change = hw_record_new ("readiness_reviews");

    g_assert_no_error (error);
    hw_record_set_id (change, review_id);
    hw_record_set_version (change, hw_record_get_version (theirs));
    hw_record_set_string (change, "notes", "Their notes: the move went well");
    g_assert_true (hw_store_begin_edit (other, "Change readiness review", &error));
    g_assert_cmpint (hw_service_plan_save (other, NULL, change, &error), ==, review_id);
    g_assert_true (hw_service_plan_set_rating (other, review_id, domains[0].id, 2, &error));
    g_assert_true (hw_store_commit_edit (other, &error));
    g_assert_no_error (error);
  }

  gtk_editable_set_text (GTK_EDITABLE (notes), "My notes");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 5);   /* -2 */
  g_assert_cmpint (save (dialog), ==, 0);
  g_assert_nonnull (dialog);
  problem = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                  "Someone else changed this since you opened it. Their text is shown; make your change again.");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (notes)), ==, "Their notes: the move went well");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rating)), ==, 1);   /* +2 */
  {
    g_autoptr(HwRecord) stored = hw_store_get (store, "readiness_reviews", review_id, NULL);

    g_assert_cmpstr (hw_record_get_string (stored, "notes"), ==, "Their notes: the move went well");
    g_assert_cmpint (hw_service_plan_get_rating (store, review_id, domains[0].id, NULL), ==, 2);
  }

  /* made again on theirs, it is saved */
  g_signal_handlers_disconnect_matched (dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, saved_cb, NULL);
  gtk_editable_set_text (GTK_EDITABLE (notes), "Our notes");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rating), 2);   /* +1 */
  g_assert_cmpint (save (dialog), ==, review_id);
  {
    g_autoptr(HwRecord) stored = hw_store_get (store, "readiness_reviews", review_id, NULL);

    g_assert_cmpstr (hw_record_get_string (stored, "notes"), ==, "Our notes");
    g_assert_cmpint (hw_service_plan_get_rating (store, review_id, domains[0].id, NULL), ==, 1);
  }

  g_clear_object (&other);
  hw_test_store_free (g_steal_pointer (&store), dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/service-plan-dialogs/need", test_need);
  g_test_add_func ("/service-plan-dialogs/goal-refused", test_goal_refused);
  g_test_add_func ("/service-plan-dialogs/goal-conflict", test_goal_conflict);
  g_test_add_func ("/service-plan-dialogs/need-conflict", test_need_conflict);
  g_test_add_func ("/service-plan-dialogs/support-conflict", test_support_conflict);
  g_test_add_func ("/service-plan-dialogs/checkin-conflict", test_checkin_conflict);
  g_test_add_func ("/service-plan-dialogs/task", test_task);
  g_test_add_func ("/service-plan-dialogs/review", test_review);
  g_test_add_func ("/service-plan-dialogs/review-conflict", test_review_conflict);
  return g_test_run ();
}
