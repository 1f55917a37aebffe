/* test-key-dates.c: the key dates in the window, on the sample family:
 * the case header says time in care and the next hearing and follows the
 * store; the dialog refuses an impossible date and a return home before
 * the removal with the reason, writing nothing, and shows the kind of
 * hearing only for hearings, and when someone else changed the date
 * meanwhile refuses the save and shows their text (so does the
 * placement dialog, changing or ending a placement); the page lists the dates, deletes one with
 * Undo and refuses to delete the removal a later date needs; the
 * aftercare tab's check appears with a return home.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-aftercare-year.h"
#include "hw-case-dates.h"
#include "hw-case-view.h"
#include "hw-date.h"
#include "hw-key-date-dialog.h"
#include "hw-key-dates-page.h"
#include "hw-placement-dialog.h"
#include "hw-placements.h"
#include "hw-record.h"
#include "hw-test-store.h"

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The first widget of @type under @root whose title (a preferences row)
 * or text (a label) is @title, or starts with it when @prefix. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *title,
      gboolean    prefix)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;

      if (ADW_IS_PREFERENCES_ROW (root))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (GTK_IS_LABEL (root))
        text = gtk_label_get_text (GTK_LABEL (root));
      if (title == NULL || g_strcmp0 (text, title) == 0 ||
          (prefix && text != NULL && g_str_has_prefix (text, title)))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type, title, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
day_from_today (int days)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_time_t (&d, time (NULL));
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return hw_date_to_iso (&d);
}

static gint64
n_events (HwStore *store)
{
  return hw_store_query_int (store, -1, "SELECT count(*) FROM case_events", G_TYPE_INVALID);
}

static gint64
event_of_kind (HwStore    *store,
               const char *kind)
{
  return hw_store_query_int (store, 0, "SELECT id FROM case_events WHERE kind = ? ORDER BY date"
                             " LIMIT 1", G_TYPE_STRING, kind, G_TYPE_INVALID);
}

static void
test_header (void)
{
  char *dir = NULL;
  gint64 case_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-kd-header-XXXXXX", &dir, &case_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = hw_case_dates_summary (store, case_id, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = hw_case_view_new (store, case_id);
  GtkWidget *label;

  gtk_window_set_child (window, view);
  gtk_window_present (window);
  settle ();

  /* "In care 9 months · Next hearing 14 January 2027 (review)" */
  label = find (view, GTK_TYPE_LABEL, "In care ", TRUE);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
  g_assert_true (g_regex_match_simple ("^In care [0-9]+ months · Next hearing [0-9]+ [A-Z][a-z]+ "
                                       "[0-9]{4} \\(review\\)$", expected, 0, 0));

  /* the header follows the store: without the coming hearing, no "Next hearing" */
  g_assert_true (hw_case_dates_delete (store, event_of_kind (store, "trial-home-visit"), &error));
  g_assert_true (hw_store_delete (store, "Delete", "case_events",
                                  hw_store_query_int (store, 0, "SELECT max(id) FROM case_events"
                                                      " WHERE kind = 'hearing'", G_TYPE_INVALID),
                                  &error));
  g_assert_no_error (error);
  settle ();
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (label)), "Next hearing"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "In care "));

  /* and with no key dates at all, the line goes */
  while (n_events (store) > 0)
    g_assert_true (hw_store_delete (store, "Delete", "case_events",
                                    hw_store_query_int (store, 0, "SELECT max(id) FROM case_events",
                                                        G_TYPE_INVALID), &error));
  settle ();
  g_assert_false (gtk_widget_get_visible (label));

  gtk_window_destroy (window);
  settle ();
  hw_test_store_free (g_steal_pointer (&store), dir);
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

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  settle ();
  return id;
}

static void
set_text (GtkWindow  *dialog,
          const char *title,
          const char *text)
{
  GtkWidget *row = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title, FALSE);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_dialog (void)
{
  char *dir = NULL;
  gint64 case_id, id = 0, before;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-kd-dialog-XXXXXX", &dir, &case_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) hearing = NULL;
  g_autoptr(HwRecord) changed = NULL;
  g_autofree char *home = day_from_today (100);
  GtkWindow *dialog = hw_key_date_dialog_new (store, case_id, NULL);
  AdwComboRow *kind;
  GtkWidget *hearing_kind, *ordered, *error_label;

  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &id);
  gtk_window_present (dialog);
  settle ();
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Add Key Date");
  kind = ADW_COMBO_ROW (find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_What happened", FALSE));
  hearing_kind = find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Kind of hearing", FALSE);
  ordered = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "What the court _ordered", FALSE);
  g_assert_nonnull (kind);
  g_assert_nonnull (hearing_kind);
  g_assert_nonnull (ordered);

  /* only a hearing has a kind and an order */
  adw_combo_row_set_selected (kind, 3);   /* Return home */
  settle ();
  g_assert_false (gtk_widget_get_visible (hearing_kind));
  g_assert_false (gtk_widget_get_visible (ordered));
  adw_combo_row_set_selected (kind, 1);   /* Court hearing */
  settle ();
  g_assert_true (gtk_widget_get_visible (hearing_kind));
  g_assert_true (gtk_widget_get_visible (ordered));
  adw_combo_row_set_selected (kind, 3);
  settle ();

  /* refused: a day that does not exist, a return home before the removal */
  before = n_events (store);
  set_text (dialog, "_Date (YYYY-MM-DD)", "2026-02-30");
  g_assert_cmpint (save (dialog), ==, 0);
  g_assert_cmpint (id, ==, 0);
  error_label = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "“2026-02-30” is not a real date", TRUE);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  set_text (dialog, "_Date (YYYY-MM-DD)", "2026-01-05");
  save (dialog);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "before the removal"));
  g_assert_cmpint (n_events (store), ==, before);

  /* a return home after the trial home visit is saved, as one undoable edit */
  set_text (dialog, "_Date (YYYY-MM-DD)", home);
  save (dialog);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (n_events (store), ==, before + 1);
  g_assert_cmpstr (hw_record_get_string (changed = hw_store_get (store, "case_events", id, NULL),
                                         "kind"), ==, "return-home");
  g_clear_object (&changed);
  g_assert_true (hw_store_undo (store, &error));
  g_assert_cmpint (n_events (store), ==, before);
  g_assert_finalize_object (dialog);

  /* changing the review hearing: its kind shown, what was ordered written */
  hearing = hw_store_get (store, "case_events",
                          hw_store_query_int (store, 0, "SELECT id FROM case_events WHERE"
                                              " hearing_kind = 'review'", G_TYPE_INVALID),
                          &error);
  g_assert_no_error (error);
  dialog = hw_key_date_dialog_new (store, case_id, hearing);
  g_object_ref_sink (dialog);
  id = 0;
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &id);
  gtk_window_present (dialog);
  settle ();
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Change Key Date");
  hearing_kind = find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Kind of hearing", FALSE);
  g_assert_true (gtk_widget_get_visible (hearing_kind));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (hearing_kind)), ==, 3);
  set_text (dialog, "What the court _ordered", "Trial home visit from next week.");
  save (dialog);
  g_assert_cmpint (id, ==, hw_record_get_id (hearing));
  changed = hw_store_get (store, "case_events", id, NULL);
  g_assert_cmpstr (hw_record_get_string (changed, "ordered"), ==,
                   "Trial home visit from next week.");
  g_assert_cmpstr (hw_record_get_string (changed, "hearing_kind"), ==, "review");
  g_assert_finalize_object (dialog);

  hw_test_store_free (g_steal_pointer (&store), dir);
}

/* Two people on one key date: the dialog opened on a row of the page's
 * list (hw_case_dates_list, with its version); another program (a second
 * store on the same file, someone else) changes it; Save is refused with
 * the message, the dialog shows their text, their change is intact; made
 * again on their text, it is saved. */
static void
test_dialog_conflict (void)
{
  char *dir = NULL;
  gint64 case_id, event_id, id = 0;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-kd-conflict-XXXXXX", &dir, &case_id);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(GPtrArray) events = hw_case_dates_list (store, case_id, NULL);
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  HwRecord *hearing = NULL;
  GtkWindow *dialog;
  GtkWidget *row, *problem;

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (g_strcmp0 (hw_record_get_string (g_ptr_array_index (events, i), "hearing_kind"),
                   "review") == 0)
      hearing = g_ptr_array_index (events, i);
  g_assert_nonnull (hearing);
  g_assert_cmpint (hw_record_get_version (hearing), >, 0);
  event_id = hw_record_get_id (hearing);
  dialog = hw_key_date_dialog_new (store, case_id, hearing);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &id);
  gtk_window_present (dialog);
  settle ();

  other = hw_store_open (hw_store_get_path (store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "case_events", event_id, &error);
  g_assert_no_error (error);
  hw_record_set_string (theirs, "notes", "Their notes");
  g_assert_true (hw_store_update (other, "Change key date", theirs, &error));
  g_assert_no_error (error);

  set_text (dialog, "_Notes", "My notes");
  save (dialog);
  g_assert_cmpint (id, ==, 0);
  problem = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                  "Someone else changed this since you opened it. Their text is shown; "
                  "make your change again.", FALSE);
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  row = find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Notes", FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Their notes");
  /* still the review hearing */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog),
                                                                     ADW_TYPE_COMBO_ROW,
                                                                     "_Kind of hearing",
                                                                     FALSE))), ==, 3);
  stored = hw_store_get (store, "case_events", event_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "notes"), ==, "Their notes");
  g_clear_object (&stored);

  set_text (dialog, "_Notes", "Our notes");
  save (dialog);
  g_assert_cmpint (id, ==, event_id);
  stored = hw_store_get (store, "case_events", event_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "notes"), ==, "Our notes");
  g_assert_cmpstr (hw_record_get_string (stored, "hearing_kind"), ==, "review");
  g_assert_finalize_object (dialog);

  g_clear_object (&other);
  hw_test_store_free (g_steal_pointer (&store), dir);
}

/* A placement dialog open on @placement (changing it, or ending it when
 * @ending) while another program changes the placement's notes: Save is
 * refused with the message, the dialog shows their notes, their change is
 * intact; saved again, it goes through. @field (titled @title) is what
 * the dialog's user types, @typed into it. */
static void
check_placement_conflict (HwStore    *store,
                          gint64      case_id,
                          HwRecord   *placement,
                          gboolean    ending,
                          const char *title,
                          const char *column,
                          const char *typed)
{
  gint64 placement_id = hw_record_get_id (placement), id = 0;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *their_notes = g_strdup_printf ("Their notes %d", ending);
  GtkWindow *dialog;
  GtkWidget *problem;

  g_assert_cmpint (hw_record_get_version (placement), >, 0);
  dialog = hw_placement_dialog_new (store, case_id, placement, ending);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &id);
  gtk_window_present (dialog);
  settle ();

  other = hw_store_open (hw_store_get_path (store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "placements", placement_id, &error);
  g_assert_no_error (error);
  hw_record_set_string (theirs, "notes", their_notes);
  g_assert_true (hw_store_update (other, "Change placement", theirs, &error));
  g_assert_no_error (error);

  set_text (dialog, title, typed);
  save (dialog);
  g_assert_cmpint (id, ==, 0);
  problem = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                  "Someone else changed this since you opened it. Their text is shown; "
                  "make your change again.", FALSE);
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (GTK_WIDGET (dialog),
                                                              ADW_TYPE_ENTRY_ROW, "N_otes",
                                                              FALSE))), ==, their_notes);
  stored = hw_store_get (store, "placements", placement_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "notes"), ==, their_notes);
  g_assert_cmpstr (hw_record_get_string (stored, column), !=, typed);
  g_clear_object (&stored);

  set_text (dialog, title, typed);
  save (dialog);
  g_assert_cmpint (id, ==, placement_id);
  stored = hw_store_get (store, "placements", placement_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, column), ==, typed);
  if (!g_str_equal (column, "notes"))
    g_assert_cmpstr (hw_record_get_string (stored, "notes"), ==, their_notes);
  g_assert_finalize_object (dialog);
}

static void
test_placement_dialog_conflict (void)
{
  char *dir = NULL;
  gint64 case_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-kd-placement-XXXXXX", &dir, &case_id);
  g_autoptr(GPtrArray) current = hw_placements_current (store, case_id, NULL, NULL);
  g_autoptr(HwRecord) again = NULL;
  g_autofree char *start = NULL;

  g_assert_nonnull (current);
  g_assert_cmpuint (current->len, >, 0);
  /* changing it: the notes */
  check_placement_conflict (store, case_id, g_ptr_array_index (current, 0), FALSE,
                            "N_otes", "notes", "My notes");
  /* ending it (on the day it started, which the history allows) */
  again = hw_store_get (store, "placements", hw_record_get_id (g_ptr_array_index (current, 0)),
                        NULL);
  start = g_strdup (hw_record_get_string (again, "start_date"));
  check_placement_conflict (store, case_id, again, TRUE,
                            "Last _day, if it ended without a move (YYYY-MM-DD)", "end_date",
                            start);
  hw_test_store_free (g_steal_pointer (&store), dir);
}

static void
test_page (void)
{
  char *dir = NULL;
  gint64 case_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-kd-page-XXXXXX", &dir, &case_id);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = hw_key_dates_page_new (store, case_id);
  GtkWidget *row, *button;
  const char *name;
  gint64 removal = event_of_kind (store, "removal");
  guint n;

  gtk_window_set_child (window, page);
  gtk_window_present (window);
  settle ();
  n = hw_key_dates_page_get_n_rows (HW_KEY_DATES_PAGE (page));
  g_assert_cmpint (n, ==, n_events (store));
  g_assert_cmpuint (n, >=, 4);
  row = find (page, ADW_TYPE_ACTION_ROW, NULL, FALSE);
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                   " · Removal"));
  /* the row's buttons are named for screen readers by what they do to which date */
  button = find (row, GTK_TYPE_BUTTON, NULL, FALSE);
  g_assert_nonnull (button);
  name = gtk_widget_get_tooltip_text (button);
  g_assert_true (g_str_has_prefix (name, "Change "));
  g_assert_true (g_str_has_suffix (name, " · Removal"));

  /* deleting the trial home visit: gone from the list, back with Undo */
  g_assert_true (gtk_widget_activate_action (page, "key-dates.delete", "x",
                                             event_of_kind (store, "trial-home-visit")));
  settle ();
  g_assert_cmpuint (hw_key_dates_page_get_n_rows (HW_KEY_DATES_PAGE (page)), ==, n - 1);
  g_assert_true (hw_store_undo (store, &error));
  settle ();
  g_assert_cmpuint (hw_key_dates_page_get_n_rows (HW_KEY_DATES_PAGE (page)), ==, n);

  /* the removal the trial home visit needs cannot go */
  g_assert_true (gtk_widget_activate_action (page, "key-dates.delete", "x", removal));
  settle ();
  g_assert_cmpuint (hw_key_dates_page_get_n_rows (HW_KEY_DATES_PAGE (page)), ==, n);
  g_assert_cmpint (event_of_kind (store, "removal"), ==, removal);

  /* the keyboard on the removal's "Change" button: someone else's change
   * (another store on the file, announced as the app does each second)
   * makes the list again; the focus is on the removal's new button */
  {
    g_autoptr(HwStore) other = hw_store_open (hw_store_get_path (store), &error);
    g_autoptr(HwRecord) event = NULL;
    GtkWidget *focus;

    g_assert_no_error (error);
    hw_store_set_author (other, "Someone Else");
    row = find (page, ADW_TYPE_ACTION_ROW, NULL, FALSE);
    button = find (row, GTK_TYPE_BUTTON, NULL, FALSE);
    g_assert_true (gtk_widget_grab_focus (button));
    settle ();
    event = hw_store_get (other, "case_events", removal, &error);
    g_assert_no_error (error);
    hw_record_set_string (event, "notes", "Police welfare check first");
    g_assert_true (hw_store_update (other, "Change key date", event, &error));
    g_assert_no_error (error);
    g_assert_true (hw_store_refresh (store));
    settle ();
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (focus != button);   /* the list was made again */
    row = find (page, ADW_TYPE_ACTION_ROW, NULL, FALSE);
    g_assert_true (focus == find (row, GTK_TYPE_BUTTON, NULL, FALSE));
  }

  gtk_window_destroy (window);
  settle ();
  hw_test_store_free (g_steal_pointer (&store), dir);
}

static void
test_aftercare_year (void)
{
  char *dir = NULL;
  gint64 case_id;
  g_autoptr(HwStore) store = hw_test_store_new_demo ("homeward-kd-year-XXXXXX", &dir, &case_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *home = day_from_today (400);
  g_autofree char *hidden = NULL;
  g_autofree char *shown = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *year = hw_aftercare_year_new (store, case_id);
  HwCaseEvent event = { "return-home", home, NULL, NULL, NULL };

  gtk_window_set_child (window, year);
  gtk_window_present (window);
  settle ();
  /* no return home yet: nothing to check */
  hidden = hw_aftercare_year_get_text (HW_AFTERCARE_YEAR (year));
  g_assert_cmpstr (hidden, ==, "");
  g_assert_false (gtk_widget_get_visible (year));

  /* going home in 400 days: the sample's supports end before that year is over */
  g_assert_cmpint (hw_case_dates_add (store, case_id, &event, &error), >, 0);
  g_assert_no_error (error);
  settle ();
  g_assert_true (gtk_widget_get_visible (year));
  shown = hw_aftercare_year_get_text (HW_AFTERCARE_YEAR (year));
  g_assert_true (g_str_has_prefix (shown, "Home since "));
  g_assert_nonnull (strstr (shown, "Nothing planned for: "));
  /* the sample's supports all end on one day: counted, not listed */
  g_assert_nonnull (strstr (shown, "Ends before the year is over: "));
  g_assert_nonnull (strstr (shown, " supports end on "));

  gtk_window_destroy (window);
  settle ();
  hw_test_store_free (g_steal_pointer (&store), dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/key-dates/header", test_header);
  g_test_add_func ("/key-dates/dialog", test_dialog);
  g_test_add_func ("/key-dates/dialog-conflict", test_dialog_conflict);
  g_test_add_func ("/key-dates/placement-dialog-conflict", test_placement_dialog_conflict);
  g_test_add_func ("/key-dates/page", test_page);
  g_test_add_func ("/key-dates/aftercare-year", test_aftercare_year);
  return g_test_run ();
}
