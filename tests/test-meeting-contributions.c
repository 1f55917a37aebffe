/* test-meeting-contributions.c: what a family member sends from their
 * phone is marked in the meeting editor with their name and kept off the
 * room's screen; the row's Show on Screen lets it through (an undoable
 * edit), Hide From Screen takes it off again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-meeting.h"
#include "hw-meeting-item-row.h"
#include "hw-meeting-later.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-view.h"
#include "hw-presentation-window.h"
#include "hw-test-meeting-view.h"
#include "hw-test-png.h"
#include "hw-test-store.h"

/* What the room's screen shows of the current step, one item a line. */
static char *
screen_text (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwPresentation) p = hw_meeting_presentation (f->store, f->meeting, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  for (guint i = 0; i < p->phase_items->len; i++)
    {
      HwPresentationItem *item = g_ptr_array_index (p->phase_items, i);

      g_string_append_printf (out, "%s\n", item->text);
    }
  return g_string_free (out, FALSE);
}

static gboolean
item_hidden (Fixture *f,
             gint64   item)
{
  g_autoptr(HwRecord) row = hw_store_get (f->store, "meeting_items", item, NULL);

  g_assert_nonnull (row);
  return hw_record_get_boolean (row, "hidden");
}

/* HW_SCREENSHOT_DIR=DIR keeps a picture of the editor, to look at */
static void
keep_picture (Fixture    *f,
              const char *name)
{
  hw_test_keep_window_png (f->window, "HW_SCREENSHOT_DIR", name);
}

/* The screen-state icon of a phone item: its icon, tooltip and accessible
 * name all say @state; the row's eye agrees (open only when on screen). */
static void
check_screen_icon (Fixture    *f,
                   gint64      item,
                   const char *icon_name,
                   const char *state)
{
  GtkWidget *icon = find_name (f, "screen", item);
  GtkWidget *eye = find_name (f, "private", item);
  g_autofree char *wrong = NULL;

  g_assert_true (GTK_IS_IMAGE (icon));
  g_assert_true (gtk_widget_get_visible (icon) && gtk_widget_get_mapped (icon));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, icon_name);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, state);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (icon),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, state);
  if (wrong != NULL)
    g_error ("the screen icon of item %" G_GINT64_FORMAT " is called “%s”, not “%s”", item,
             wrong, state);
  g_assert_nonnull (eye);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (eye)), ==, icon_name);
}

static void
test_show_on_screen (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *before = NULL, *shown = NULL, *undone = NULL;
  g_autofree char *widget_name = NULL;
  const char *text = "ZZ Rosa walks the kids to school";
  GtkWidget *label, *show, *hide;
  gint64 author, item;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "strengths");
  spin ();

  /* someone taking part sends a strength from their phone */
  author = hw_store_query_int (f->store, 0, "SELECT person_id FROM meeting_attendees"
                               " WHERE meeting_id = ? AND attendance IN ('present', 'remote')"
                               " ORDER BY id LIMIT 1", G_TYPE_INT64, f->meeting, G_TYPE_INVALID);
  g_assert_cmpint (author, >, 0);
  {
    g_autoptr(HwRecord) person = hw_store_get (f->store, "people", author, NULL);

    g_assert_nonnull (person);
    name = g_strdup (hw_record_get_string (person, "name"));
  }
  item = hw_meeting_add_contribution (f->store, f->meeting, author, "strength", text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item, >, 0);
  spin ();

  /* in the editor, marked with whose phone it came from; not on the screen */
  g_assert_true (item_hidden (f, item));
  before = screen_text (f);
  g_assert_null (strstr (before, text));
  g_assert_true (HW_IS_MEETING_ITEM_ROW (find_name (f, "item", item)));
  label = find_name (f, "phone", item);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), name));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "not on the screen yet"));
  show = find_name (f, "show", item);
  hide = find_name (f, "hide", item);
  g_assert_nonnull (show);
  g_assert_nonnull (hide);
  g_assert_true (gtk_widget_get_visible (show));
  g_assert_false (gtk_widget_get_visible (hide));
  g_assert_true (gtk_widget_get_focusable (show) || gtk_widget_get_can_focus (show));
  /* a crossed-out eye, never the open one that means "on the screen" */
  check_screen_icon (f, item, "view-conceal-symbolic", "Not on the room’s screen yet");
  keep_picture (f, "phone-item-hidden.png");

  /* an item written in the editor has no such note */
  {
    gint64 own = hw_meeting_add_item (f->store, f->meeting, "strengths", "ZZ typed here",
                                      &error);
    GtkWidget *own_label;

    g_assert_no_error (error);
    spin ();
    own_label = find_name (f, "phone", own);
    g_assert_true (own_label == NULL || !gtk_widget_get_visible (own_label));
  }

  /* Show on Screen (a click: the button's action): through the store,
   * once the click is over */
  g_signal_emit_by_name (show, "clicked");
  spin ();
  g_assert_false (item_hidden (f, item));
  shown = screen_text (f);
  g_assert_nonnull (strstr (shown, text));
  /* the new row keeps a small note, and can take it off again */
  label = find_name (f, "phone", item);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), name));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (label)), "not on the screen"));
  g_assert_false (gtk_widget_get_visible (find_name (f, "show", item)));
  check_screen_icon (f, item, "view-reveal-symbolic", "On the room’s screen");
  keep_picture (f, "phone-item-shown.png");
  hide = find_name (f, "hide", item);
  g_assert_true (gtk_widget_get_visible (hide));
  /* the focus followed to the button that undoes it */
  widget_name = g_strdup_printf ("hide-%" G_GINT64_FORMAT, item);
  g_assert_cmpstr (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (f->window))), ==,
                   widget_name);

  /* Undo (the toast's, Ctrl+Z's) keeps it off the screen again */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_true (item_hidden (f, item));
  undone = screen_text (f);
  g_assert_null (strstr (undone, text));
  g_assert_true (gtk_widget_get_visible (find_name (f, "show", item)));
  check_screen_icon (f, item, "view-conceal-symbolic", "Not on the room’s screen yet");

  /* Show again, then Hide From Screen through the row's action */
  g_assert_true (gtk_widget_activate_action (find_name (f, "item", item),
                                             "item.show-on-screen", NULL));
  spin ();
  g_assert_false (item_hidden (f, item));
  g_assert_true (gtk_widget_activate_action (find_name (f, "item", item),
                                             "item.hide-from-screen", NULL));
  spin ();
  g_assert_true (item_hidden (f, item));
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Two phones send the same strength: Merge on the lower row (a click, or
 * Ctrl+M: the row's action) makes one item of both, naming both people;
 * undo brings both back. */
static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *wrong = NULL;
  const char *name1, *name2;
  GtkWidget *merge, *label;
  gint64 first, second;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "strengths");
  spin ();
  people = hw_store_select (f->store, "people", NULL,
                            "SELECT p.id, p.name FROM meeting_attendees a JOIN people p ON p.id = a.person_id"
                            " WHERE a.meeting_id = ? AND a.attendance IN ('present', 'remote')"
                            " ORDER BY a.id LIMIT 2", G_TYPE_INT64, f->meeting, G_TYPE_INVALID);
  g_assert_nonnull (people);
  g_assert_cmpuint (people->len, ==, 2);
  name1 = hw_record_get_string (g_ptr_array_index (people, 0), "name");
  name2 = hw_record_get_string (g_ptr_array_index (people, 1), "name");
  first = hw_meeting_add_contribution (f->store, f->meeting,
                                       hw_record_get_id (g_ptr_array_index (people, 0)),
                                       "strength", "ZZ Grandma has the kids after school", &error);
  g_assert_no_error (error);
  second = hw_meeting_add_contribution (f->store, f->meeting,
                                        hw_record_get_id (g_ptr_array_index (people, 1)),
                                        "strength", "ZZ The kids go to Grandma’s after school",
                                        &error);
  g_assert_no_error (error);
  spin ();

  /* the lower row offers to merge into the one above, and says so */
  merge = find_name (f, "merge", second);
  g_assert_nonnull (merge);
  g_assert_true (gtk_widget_get_visible (merge));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (merge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Merge with the item above: "
                                              "ZZ The kids go to Grandma’s after school");
  if (wrong != NULL)
    g_error ("the merge button is called “%s”", wrong);

  g_signal_emit_by_name (merge, "clicked");
  spin ();
  g_assert_null (hw_store_get (f->store, "meeting_items", second, NULL));
  label = find_name (f, "phone", first);
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), name1));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), name2));
  {
    g_autoptr(HwRecord) row = hw_store_get (f->store, "meeting_items", first, NULL);

    g_assert_cmpstr (hw_record_get_string (row, "text"), ==,
                     "ZZ Grandma has the kids after school. ZZ The kids go to Grandma’s after school");
  }
  if (g_getenv ("HW_SCREENSHOT_DIR") != NULL)
    {
      /* the new rows drawn at least once before the picture */
      gboolean waited = FALSE;

      g_timeout_add (400, set_true, &waited);
      while (!waited)
        g_main_context_iteration (NULL, TRUE);
    }
  keep_picture (f, "phone-items-merged.png");

  /* undo: both rows again */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_nonnull (find_name (f, "item", second));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (find_name (f, "phone", first))), name2));

  /* the keyboard's way: the row's action (Ctrl+M) */
  g_assert_true (gtk_widget_activate_action (find_name (f, "item", second), "item.merge-up", NULL));
  spin ();
  g_assert_null (hw_store_get (f->store, "meeting_items", second, NULL));
  g_assert_cmpstr (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (f->window))), ==,
                   gtk_widget_get_name (find_name (f, "item", first)));
}

static gboolean
scores_revealed (Fixture *f)
{
  g_autoptr(HwRecord) meeting = hw_store_get (f->store, "meetings", f->meeting, NULL);

  g_assert_nonnull (meeting);
  return hw_record_get_boolean (meeting, "scores_revealed");
}

static void
test_reveal_scores (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HwPresentationWindow *screen;
  GtkWidget *toggle;

  hw_meeting_view_show_page (HW_MEETING_VIEW (f->view), "scaling");
  spin ();
  /* the room's screen, open all along: it follows the store at once */
  screen = hw_presentation_window_new (f->store, f->meeting);
  gtk_window_present (GTK_WINDOW (screen));
  spin ();
  g_assert_false (hw_presentation_window_get_scores_revealed (screen));
  toggle = hw_meeting_find_named (f->view, "reveal-scores");
  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_false (scores_revealed (f));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* a click reveals them, once it is over */
  g_signal_emit_by_name (toggle, "clicked");
  spin ();
  g_assert_true (scores_revealed (f));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (hw_presentation_window_get_scores_revealed (screen));

  /* Undo hides them again, and the toggle follows */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_false (scores_revealed (f));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_false (hw_presentation_window_get_scores_revealed (screen));
  /* and following the store wrote nothing */
  g_assert_false (scores_revealed (f));
  gtk_window_destroy (GTK_WINDOW (screen));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/meeting-contributions/show-on-screen", Fixture, NULL, fixture_setup,
              test_show_on_screen, fixture_teardown);
  g_test_add ("/meeting-contributions/merge", Fixture, NULL, fixture_setup,
              test_merge, fixture_teardown);
  g_test_add ("/meeting-contributions/reveal-scores", Fixture, NULL, fixture_setup,
              test_reveal_scores, fixture_teardown);
  return g_test_run ();
}
