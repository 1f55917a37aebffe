/* test-visits-view.c: the family-time view follows the store (a plan
 * added, undone) and is freed with nothing left behind; the outcome
 * dialog saves only over the outcome it showed, and shows someone else's
 * when they recorded one meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libintl.h>
#include <string.h>
#include <adwaita.h>

#include "hw-demo.h"
#include "hw-language.h"
#include "hw-record.h"
#include "hw-store.h"
#include "hw-text-row.h"
#include "hw-visits.h"
#include "hw-visit-outcome-dialog.h"
#include "hw-visits-view.h"

static guint
count_rows (GtkWidget *widget, const char *prefix)
{
  guint n = 0;

  if (HW_IS_TEXT_ROW (widget) && g_str_has_prefix (hw_text_row_get_title (HW_TEXT_ROW (widget)), prefix))
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c, prefix);
  return n;
}

/* the text of the first label under @widget that contains @part */
static const char *
find_label (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      const char *text = find_label (c, part);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* whether a row under @widget has @part in its subtitle */
static gboolean
has_row_subtitle (GtkWidget  *widget,
                  const char *part)
{
  if (HW_IS_TEXT_ROW (widget) && hw_text_row_get_subtitle (HW_TEXT_ROW (widget)) != NULL &&
      strstr (hw_text_row_get_subtitle (HW_TEXT_ROW (widget)), part) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_row_subtitle (c, part))
      return TRUE;
  return FALSE;
}

/* the @n-th row (from 0) whose title starts with @prefix */
static GtkWidget *
nth_row (GtkWidget  *widget,
         const char *prefix,
         guint       n)
{
  GtkWidget *found = NULL;

  if (HW_IS_TEXT_ROW (widget) && g_str_has_prefix (hw_text_row_get_title (HW_TEXT_ROW (widget)), prefix))
    return n == 0 ? widget : NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && found == NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      guint before = count_rows (c, prefix);

      if (n < before)
        found = nth_row (c, prefix, n);
      else
        n -= before;
    }
  return found;
}

/* the button under @widget whose label is @label */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* the mother's supervised visits with the child: three Tuesdays from
 * 3 March 2026, 16:30 to 18:00 */
static gint64
create_three_tuesdays (HwStore *store,
                       gint64   case_id,
                       gint64  *mother,
                       gint64  *child)
{
  g_autoptr(GError) error = NULL;
  HwVisitPlan plan = { 0 };
  gint64 series;

  plan.case_id = case_id;
  plan.dtstart = "2026-03-03T16:30";
  plan.tzid = "America/New_York";
  plan.duration_minutes = 90;
  plan.rrule = "FREQ=WEEKLY;COUNT=3";
  plan.level = "supervised";
  plan.visitors = mother;
  plan.n_visitors = 1;
  plan.children = child;
  plan.n_children = 1;
  series = hw_visits_create_series (store, &plan, &error);
  g_assert_no_error (error);
  g_assert_cmpint (series, >, 0);
  return series;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The sample family in a store on a file of its own: its case, mother
 * and child. */
typedef struct {
  char    *dir;
  char    *path;
  HwStore *store;
  gint64   case_id, mother, child;
} Demo;

static void
open_demo (Demo *demo)
{
  g_autoptr(GError) error = NULL;

  demo->dir = g_dir_make_tmp ("homeward-visits-view-XXXXXX", &error);
  g_assert_no_error (error);
  demo->path = g_build_filename (demo->dir, "homeward.db", NULL);
  demo->store = hw_store_open (demo->path, &error);
  g_assert_no_error (error);
  demo->case_id = hw_demo_create (demo->store, &error);
  g_assert_no_error (error);
  demo->mother = hw_demo_find_person (demo->store, demo->case_id, "mother");
  demo->child = hw_demo_find_person (demo->store, demo->case_id, "child");
}

/* (the store must be the last reference) */
static void
close_demo (Demo *demo)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", demo->dir);

  g_assert_finalize_object (demo->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_clear_pointer (&demo->dir, g_free);
  g_clear_pointer (&demo->path, g_free);
}

/* The family-time view of @demo's family in a window of its own, on
 * March 2026. */
static GtkWidget *
show_view (Demo       *demo,
           GtkWidget **window)
{
  GtkWidget *view = hw_visits_view_new (demo->store, demo->case_id);

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), view);
  gtk_window_present (GTK_WINDOW (*window));
  hw_visits_view_show_day (HW_VISITS_VIEW (view), "2026-03-01");
  spin ();
  return view;
}

static void
test_follows_store (void)
{
  g_autoptr(GError) error = NULL;
  Demo demo = { 0 };
  HwStore *store;
  GtkWidget *window, *view;
  gint64 case_id, elena, sofia, series;

  open_demo (&demo);
  store = demo.store;
  case_id = demo.case_id;
  elena = demo.mother;
  sofia = demo.child;
  view = show_view (&demo, &window);
  /* the list page holds a row per visit of the month */
  g_assert_cmpuint (count_rows (view, "Tuesday"), ==, 0);

  series = create_three_tuesdays (store, case_id, &elena, &sofia);
  spin ();
  g_assert_cmpuint (count_rows (view, "Tuesday"), ==, 3);

  /* the keyboard on the second visit's "Record…": someone else's change
   * (another store on the file, announced as the app does each second)
   * makes the list again, and the focus is on the same visit's button */
  {
    g_autoptr(HwStore) other = hw_store_open (demo.path, &error);
    g_autoptr(HwRecord) person = NULL;
    GtkWidget *row, *button, *focus;
    g_autofree char *title = NULL;

    g_assert_no_error (error);
    hw_store_set_author (other, "Someone Else");   /* not this window's undo */
    row = nth_row (view, "Tuesday", 1);
    g_assert_nonnull (row);
    title = g_strdup (hw_text_row_get_title (HW_TEXT_ROW (row)));
    button = find_button (row, "_Record…");
    g_assert_nonnull (button);
    g_assert_true (gtk_widget_grab_focus (button));
    spin ();
    person = hw_store_get (other, "people", elena, &error);
    hw_record_set_string (person, "name", "Elena M. Morales");
    g_assert_true (hw_store_update (other, "Rename", person, &error));
    g_assert_no_error (error);
    g_assert_true (hw_store_refresh (store));
    spin ();
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (focus != button);   /* the list was made again */
    row = gtk_widget_get_ancestor (focus, HW_TYPE_TEXT_ROW);
    g_assert_nonnull (row);
    g_assert_cmpstr (hw_text_row_get_title (HW_TEXT_ROW (row)), ==, title);
    g_assert_true (focus == find_button (row, "_Record…"));
  }

  /* the month's figures as text: family time in words, as the printed
   * report has it ("1 hour 45 minutes", not "1.8 hours") */
  {
    HwVisitOutcome happened = { "happened", "16:30", "18:15", "", "" };
    const char *summary;

    g_assert_cmpint (hw_visits_record_outcome (store, series, "2026-03-03T16:30", &happened, &error),
                     >, 0);
    g_assert_no_error (error);
    spin ();
    summary = find_label (view, "of family time");
    g_assert_nonnull (summary);
    g_assert_nonnull (strstr (summary, "1\u00a0hour 45\u00a0minutes of family time"));
    g_assert_true (hw_store_undo (store, &error));
    spin ();
  }

  /* undo is another edit: the view follows it too */
  g_assert_true (hw_store_undo (store, &error));
  spin ();
  g_assert_cmpuint (count_rows (view, "Tuesday"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  close_demo (&demo);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (title == NULL || (ADW_IS_PREFERENCES_ROW (root)
                            && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)),
                                          title) == 0)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
observations_of (GtkWidget *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (dialog, GTK_TYPE_TEXT_VIEW,
                                                                                NULL)));
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

static void
set_observations (GtkWidget  *dialog,
                  const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (dialog, GTK_TYPE_TEXT_VIEW,
                                                                                  NULL))), text, -1);
}

/* The sample family with the three Tuesdays' plan (in @store): its
 * case, the plan's series, March 2026's visits (@visits) and the plan's
 * first visit among them. */
static const HwVisit *
first_tuesday (HwStore  *store,
               gint64   *case_id,
               gint64   *series,
               GArray  **visits)
{
  g_autoptr(GError) error = NULL;
  gint64 elena, sofia;

  *case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  elena = hw_demo_find_person (store, *case_id, "mother");
  sofia = hw_demo_find_person (store, *case_id, "child");
  *series = create_three_tuesdays (store, *case_id, &elena, &sofia);
  *visits = hw_visits_list (store, *case_id, 0, 1772323200 /* 2026-03-01 */,
                            1775001600 /* 2026-04-01 */, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (*visits)->len; i++)
    if (g_array_index (*visits, HwVisit, i).series_id == *series)
      return &g_array_index (*visits, HwVisit, i);
  g_assert_not_reached ();
  return NULL;
}

/* Two people on one visit: the outcome dialog opened on a visit with
 * nothing recorded; someone else (a second program) records it as
 * cancelled meanwhile; Save is refused with the message, the dialog shows
 * their outcome, theirs is intact; made again over it, it is saved. */
static void
test_outcome_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-visits-view-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autofree char *shown = NULL;
  HwStore *store = hw_store_open (path, &error);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(GArray) visits = NULL;
  g_autoptr(HwRecord) stored = NULL;
  HwVisitOutcome theirs = { "cancelled-caregiver", "", "", "Their notes", "" };
  const HwVisit *visit = NULL;
  HwVisitOutcomeDialog *dialog;
  GtkWidget *status;
  const char *problem;
  gint64 case_id, series;

  g_assert_no_error (error);
  visit = first_tuesday (store, &case_id, &series, &visits);
  g_assert_cmpint (visit->record_id, ==, 0);

  dialog = hw_visit_outcome_dialog_new (NULL, store, visit, "happened");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();

  other = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  g_assert_cmpint (hw_visits_record_outcome (other, series, visit->occ.key, &theirs, &error), >, 0);
  g_assert_no_error (error);

  set_observations (GTK_WIDGET (dialog), "My notes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "outcome.save", NULL));
  spin ();
  g_assert_nonnull (dialog);
  problem = find_label (GTK_WIDGET (dialog), "Someone else changed this since you opened it.");
  g_assert_cmpstr (problem, ==,
                   "Someone else changed this since you opened it. Their text is shown; make your change again.");
  shown = observations_of (GTK_WIDGET (dialog));
  g_assert_cmpstr (shown, ==, "Their notes");
  status = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "What happened");
  g_assert_cmpstr (hw_visit_statuses ()[adw_combo_row_get_selected (ADW_COMBO_ROW (status))], ==,
                   "cancelled-caregiver");
  stored = hw_visits_get_outcome (store, series, visit->occ.key, &error);
  g_assert_cmpstr (hw_record_get_string (stored, "observations"), ==, "Their notes");
  g_assert_cmpstr (hw_record_get_string (stored, "status"), ==, "cancelled-caregiver");
  g_clear_object (&stored);

  /* made again over their outcome: saved, the dialog closes */
  set_observations (GTK_WIDGET (dialog), "Our notes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "outcome.save", NULL));
  spin ();
  g_assert_null (dialog);
  stored = hw_visits_get_outcome (store, series, visit->occ.key, &error);
  g_assert_cmpstr (hw_record_get_string (stored, "observations"), ==, "Our notes");
  g_assert_cmpstr (hw_record_get_string (stored, "status"), ==, "cancelled-caregiver");
  g_clear_object (&stored);

  /* two people move the next visit: the dialog's move, from where the
   * visit was shown, is refused with the message; Bob's move stays */
  {
    const HwVisit *next = NULL;
    GtkWidget *move;
    g_autoptr(GArray) after = NULL;

    for (guint i = 0; i < visits->len; i++)
      if (g_array_index (visits, HwVisit, i).series_id == series && &g_array_index (visits, HwVisit, i) != visit
          && next == NULL)
        next = &g_array_index (visits, HwVisit, i);
    g_assert_nonnull (next);
    dialog = hw_visit_outcome_dialog_new (NULL, store, next, "scheduled");
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gtk_window_present (GTK_WINDOW (dialog));
    spin ();
    g_assert_true (hw_visits_move_occurrence (other, series, next->occ.key, "2026-03-11T10:00", &error));
    g_assert_no_error (error);
    move = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                        "Mo_ve this visit to (year-month-day hours:minutes)");
    g_assert_nonnull (move);
    gtk_editable_set_text (GTK_EDITABLE (move), "2026-03-12 17:00");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "outcome.save", NULL));
    spin ();
    g_assert_nonnull (dialog);
    g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Someone else moved this visit since you opened it."));
    after = hw_visits_list (store, case_id, 0, 1772323200, 1775001600, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < after->len; i++)
      if (g_strcmp0 (g_array_index (after, HwVisit, i).occ.key, next->occ.key) == 0)
        g_assert_cmpstr (g_array_index (after, HwVisit, i).occ.local_start, ==, "2026-03-11T10:00:00");
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin ();
    g_assert_null (dialog);
  }

  g_clear_object (&other);
  g_clear_pointer (&visits, g_array_unref);
  g_assert_finalize_object (store);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* Two people schedule a make-up for the same visit the agency cancelled:
 * the dialog's, made from the visit as shown, is refused with the
 * message; the dialog shows the make-up as given (no field for another)
 * and there is one make-up. */
static void
test_makeup_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-visits-view-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  HwStore *store = hw_store_open (path, &error);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(GArray) visits = NULL;
  HwVisitOutcome cancel = { "cancelled-agency", "", "", "", "" };
  const HwVisit *visit = NULL;
  HwVisitOutcomeDialog *dialog;
  GtkWidget *makeup;
  gint64 case_id, series, record, n_series;

  g_assert_no_error (error);
  visit = first_tuesday (store, &case_id, &series, &visits);
  record = hw_visits_record_outcome (store, series, visit->occ.key, &cancel, &error);
  g_assert_no_error (error);
  g_clear_pointer (&visits, g_array_unref);
  visits = hw_visits_list (store, case_id, 0, 1772323200, 1775001600, &error);
  g_assert_no_error (error);
  visit = NULL;
  for (guint i = 0; i < visits->len; i++)
    if (g_array_index (visits, HwVisit, i).series_id == series && visit == NULL)
      visit = &g_array_index (visits, HwVisit, i);
  g_assert_cmpint (visit->record_id, ==, record);
  g_assert_true (visit->flags & HW_VISIT_FLAG_MAKEUP_OWED);

  dialog = hw_visit_outcome_dialog_new (NULL, store, visit, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  makeup = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                        "_Make-up visit on (year-month-day hours:minutes)");
  g_assert_nonnull (makeup);
  g_assert_true (gtk_widget_get_visible (makeup));

  /* Bob schedules one meanwhile */
  other = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  g_assert_cmpint (hw_visits_schedule_makeup (other, record, "2026-03-06T16:00", &error), >, 0);
  g_assert_no_error (error);
  n_series = hw_store_query_int (store, 0, "SELECT count(*) FROM visit_series", G_TYPE_INVALID);

  gtk_editable_set_text (GTK_EDITABLE (makeup), "2026-03-07 10:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "outcome.save", NULL));
  spin ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (find_label (GTK_WIDGET (dialog), "Someone else changed this since you opened it."), ==,
                   "Someone else changed this since you opened it. Their text is shown; make your change again.");
  /* their make-up is given: no field for a second one */
  g_assert_false (gtk_widget_get_visible (makeup));
  g_assert_cmpint (hw_store_query_int (store, 0, "SELECT count(*) FROM visit_series", G_TYPE_INVALID), ==,
                   n_series);
  g_assert_cmpint (hw_store_query_int (store, 0, "SELECT count(*) FROM visit_records WHERE makeup_for = ?",
                                       G_TYPE_INT64, record, G_TYPE_INVALID), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (dialog);

  g_clear_object (&other);
  g_clear_pointer (&visits, g_array_unref);
  g_assert_finalize_object (store);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* In Spanish, with the C library's locale still "C" (as on a computer
 * whose formats are not Spanish): the month's title, the week's, the
 * list's days and the outcome dialog's date are Spanish, as the printed
 * copies have them ("sábado 1 de marzo", not "Saturday 1 March" nor
 * "sábado 1 marzo"). */
static void
test_dates_in_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwLanguageSwitch) sw = NULL;
  Demo demo = { 0 };
  GtkWidget *window, *view, *stack, *dialog;
  g_autoptr(GArray) visits = NULL;
  const HwVisit *first = NULL;
  gint64 series;
  const char *summary;

  open_demo (&demo);
  series = create_three_tuesdays (demo.store, demo.case_id, &demo.mother, &demo.child);
  /* and a plan still to come, with its end set */
  {
    HwVisitPlan plan = { 0 };

    plan.case_id = demo.case_id;
    plan.dtstart = "2027-01-05T16:30";
    plan.tzid = "America/New_York";
    plan.duration_minutes = 60;
    plan.rrule = "FREQ=WEEKLY;COUNT=2";
    plan.level = "supervised";
    plan.visitors = &demo.mother;
    plan.n_visitors = 1;
    plan.children = &demo.child;
    plan.n_children = 1;
    g_assert_cmpint (hw_visits_create_series (demo.store, &plan, &error), >, 0);
    g_assert_no_error (error);
  }

  /* the window's texts from Homeward's catalog, as src/main.c sets it */
  textdomain (GETTEXT_PACKAGE);
  sw = hw_language_push ("es");
  view = show_view (&demo, &window);

  /* the month's title above the pages, as the month's grid writes it */
  g_assert_cmpstr (find_label (view, "Marzo de 2026"), ==, "Marzo de 2026");
  g_assert_null (find_label (view, "March"));
  /* the progress page's summary starts with it */
  summary = find_label (view, "de tiempo en familia.");
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary, "Marzo de 2026: "));
  /* the list: a row per visit, its day in Spanish */
  g_assert_cmpuint (count_rows (view, "Martes 3 de marzo, 16:30"), ==, 1);
  g_assert_cmpuint (count_rows (view, "Martes 17 de marzo, 16:30"), ==, 1);
  g_assert_cmpuint (count_rows (view, "Tuesday"), ==, 0);
  /* the plans' days, in words */
  g_assert_true (has_row_subtitle (view, "Desde el 3 de marzo de 2026, terminó el 17 de marzo de 2026"));
  g_assert_true (has_row_subtitle (view, "Del 5 de enero de 2027 al 12 de enero de 2027"));
  g_assert_false (has_row_subtitle (view, "2026-03-03"));

  /* the week's title: Monday 2 to Sunday 8 March */
  stack = find_widget (view, ADW_TYPE_VIEW_STACK, NULL);
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "week");
  hw_visits_view_show_day (HW_VISITS_VIEW (view), "2026-03-03");
  spin ();
  g_assert_cmpstr (find_label (view, "2 mar"), ==, "2 mar – 8 mar 2026");

  /* the outcome dialog's line about the visit */
  visits = hw_visits_list (demo.store, demo.case_id, 0, 1772323200 /* 2026-03-01 */,
                           1775001600 /* 2026-04-01 */, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < visits->len && first == NULL; i++)
    if (g_array_index (visits, HwVisit, i).series_id == series)
      first = &g_array_index (visits, HwVisit, i);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (first->occ.local_start, "2026-03-03"));
  dialog = GTK_WIDGET (hw_visit_outcome_dialog_new (GTK_WINDOW (window), demo.store, first, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  g_assert_nonnull (find_label (dialog, "Martes 3 de marzo de 2026, 16:30–18:00"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  g_clear_pointer (&sw, hw_language_pop);
  textdomain ("messages");
  g_clear_pointer (&visits, g_array_unref);
  close_demo (&demo);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/visits-view/follows-store", test_follows_store);
  g_test_add_func ("/visits-view/outcome-conflict", test_outcome_conflict);
  g_test_add_func ("/visits-view/makeup-conflict", test_makeup_conflict);
  g_test_add_func ("/visits-view/dates-in-language", test_dates_in_language);
  return g_test_run ();
}
