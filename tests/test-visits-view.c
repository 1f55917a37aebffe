/* test-visits-view.c: the family-time view follows the store (a plan
 * added, undone) and is freed with nothing left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <adwaita.h>

#include "hw-demo.h"
#include "hw-record.h"
#include "hw-store.h"
#include "hw-visits.h"
#include "hw-visits-view.h"

static guint
count_rows (GtkWidget *widget, const char *prefix)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (widget)
      && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
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

/* the @n-th row (from 0) whose title starts with @prefix */
static GtkWidget *
nth_row (GtkWidget  *widget,
         const char *prefix,
         guint       n)
{
  GtkWidget *found = NULL;

  if (ADW_IS_ACTION_ROW (widget)
      && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
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

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_follows_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-visits-view-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  HwStore *store = hw_store_open (path, &error);
  GtkWidget *window, *view;
  gint64 case_id, elena, sofia, series;
  HwVisitPlan plan = { 0 };

  g_assert_no_error (error);
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  elena = hw_demo_find_person (store, case_id, "mother");
  sofia = hw_demo_find_person (store, case_id, "child");

  window = gtk_window_new ();
  view = hw_visits_view_new (store, case_id);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  hw_visits_view_show_day (HW_VISITS_VIEW (view), "2026-03-01");
  spin ();
  /* the list page holds a row per visit of the month */
  g_assert_cmpuint (count_rows (view, "Tuesday"), ==, 0);

  plan.case_id = case_id;
  plan.dtstart = "2026-03-03T16:30";
  plan.tzid = "America/New_York";
  plan.duration_minutes = 90;
  plan.rrule = "FREQ=WEEKLY;COUNT=3";
  plan.level = "supervised";
  plan.visitors = &elena;
  plan.n_visitors = 1;
  plan.children = &sofia;
  plan.n_children = 1;
  series = hw_visits_create_series (store, &plan, &error);
  g_assert_cmpint (series, >, 0);
  spin ();
  g_assert_cmpuint (count_rows (view, "Tuesday"), ==, 3);

  /* the keyboard on the second visit's "Record…": someone else's change
   * (another store on the file, announced as the app does each second)
   * makes the list again, and the focus is on the same visit's button */
  {
    g_autoptr(HwStore) other = hw_store_open (path, &error);
    g_autoptr(HwRecord) person = NULL;
    GtkWidget *row, *button, *focus;
    g_autofree char *title = NULL;

    g_assert_no_error (error);
    hw_store_set_author (other, "Someone Else");   /* not this window's undo */
    row = nth_row (view, "Tuesday", 1);
    g_assert_nonnull (row);
    title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
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
    row = gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW);
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
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
  g_assert_finalize_object (store);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/visits-view/follows-store", test_follows_store);
  return g_test_run ();
}
