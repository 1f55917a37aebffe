/* test-service-plan-place.c: someone else's change to the service plan
 * (a second caseworker on the agency's server, another window) arrives
 * while this person works on it: on every tab of the plan the keyboard
 * focus stays on the same row and the same button in it, the list stays
 * scrolled where it was, the words being typed stay, and the change
 * shows. The change comes from a second store on the same file, announced
 * by hw_store_refresh() as a server's notification is (issue 17).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include <adwaita.h>

#include "hw-aftercare-checkins.h"
#include "hw-record.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-view.h"
#include "hw-service-plan.h"
#include "hw-test-find.h"
#include "hw-test-png.h"
#include "hw-test-store.h"

typedef struct {
  char         *dir;
  HwStore      *store;   /* this window's */
  HwStore      *other;   /* someone else's, on the same database */
  gint64        case_id;
  GtkWidget    *window;
  GtkWidget    *view;
  AdwViewStack *stack;
} Fixture;

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Runs the main loop for @ms (a search entry waits before it searches). */
static void
wait_ms (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
  settle ();
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static GtkAdjustment *
vadjustment (GtkListBox *list)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* Shows the tab @name; returns its list (of rows) */
static GtkListBox *
show_tab (Fixture    *f,
          const char *name)
{
  GtkWidget *page;
  GtkWidget *list;

  adw_view_stack_set_visible_child_name (f->stack, name);
  page = adw_view_stack_get_child_by_name (f->stack, name);
  g_assert_nonnull (page);
  list = find_type (page, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  /* laid out on the next frames (a busy machine may take a while) */
  for (int i = 0; i < 100 && gtk_adjustment_get_upper (vadjustment (GTK_LIST_BOX (list))) <= 0; i++)
    wait_ms (50);
  wait_ms (100);
  g_assert_true (gtk_widget_get_mapped (list));
  return GTK_LIST_BOX (list);
}

static GtkWidget *
row_of (GtkListBox *list,
        const char *table,
        gint64      id)
{
  GtkWidget *row = hw_service_plan_item_find_row (list, table, id);

  g_assert_nonnull (row);
  return row;
}

/* Scrolls @list to @widget, deep in it, and puts the keyboard focus
 * there. Returns where the list is scrolled to. */
static double
put_focus (Fixture    *f,
           GtkListBox *list,
           GtkWidget  *widget)
{
  GtkAdjustment *adjustment = vadjustment (list);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t at;
  double value;

  /* where @widget is in what the scrolled window scrolls */
  g_assert_true (gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + at.y -
                                        gtk_adjustment_get_page_size (adjustment) / 2);
  wait_ms (100);
  g_assert_true (gtk_widget_grab_focus (widget));
  settle ();
  g_assert_true (focus (f) == widget);
  value = gtk_adjustment_get_value (vadjustment (list));
  /* deep: the list had to scroll */
  if (value <= 0)
    g_error ("not deep enough: at %g of %g (page %g)", at.y, gtk_adjustment_get_upper (adjustment),
             gtk_adjustment_get_page_size (adjustment));
  return value;
}

/* The focus is on @widget, @list still scrolled to @value (give or take
 * a row's growth), not lost to the window nor moved to another row. */
#define assert_place(f, list, widget, value) assert_place_at (__LINE__, f, list, widget, value)
static void
assert_place_at (int         line,
                 Fixture    *f,
                 GtkListBox *list,
                 GtkWidget  *widget,
                 double      value)
{
  GtkWidget *now = focus (f);

  g_assert_nonnull (now);
  if (now != widget && HW_IS_SERVICE_PLAN_ITEM (now) && HW_IS_SERVICE_PLAN_ITEM (widget))
    g_error ("line %d: the focus went to the row of %s %" G_GINT64_FORMAT ", not the one of %s %"
             G_GINT64_FORMAT " it was on", line,
             hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (now)),
             hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (now)),
             hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (widget)),
             hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (widget)));
  if (now != widget)
    g_error ("line %d: the focus went to a %s (in a %s), not the %s it was on", line,
             G_OBJECT_TYPE_NAME (now),
             gtk_widget_get_parent (now) ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (now)) : "-",
             G_OBJECT_TYPE_NAME (widget));
  if (fabs (gtk_adjustment_get_value (vadjustment (list)) - value) > 2.0)
    g_error ("line %d: the list was scrolled to %g, now %g", line, value,
             gtk_adjustment_get_value (vadjustment (list)));
}

static gint64
query_id (HwStore    *store,
          const char *sql,
          const char *text)
{
  gint64 id = hw_store_query_int (store, 0, sql, G_TYPE_STRING, text, G_TYPE_INVALID);

  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
task_id (HwStore    *store,
         const char *prefix)
{
  g_autofree char *like = g_strconcat (prefix, "%", NULL);

  return query_id (store, "SELECT id FROM tasks WHERE description LIKE ?", like);
}

static gint64
goal_id (HwStore    *store,
         const char *prefix)
{
  g_autofree char *like = g_strconcat (prefix, "%", NULL);

  return query_id (store, "SELECT id FROM goals WHERE text LIKE ?", like);
}

static gint64
person_id (HwStore    *store,
           const char *name)
{
  return query_id (store, "SELECT id FROM people WHERE name = ?", name);
}

/* Announces the other store's change to the window's, as a server's
 * notification (or the check every second) does. */
static void
announce (Fixture *f)
{
  g_assert_true (hw_store_refresh (f->store));
  wait_ms (200);
}

static char *
day_from_today (int days)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_time_t (&d, time (NULL));
  g_date_add_days (&d, days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = hw_test_store_new_demo ("homeward-spplace-XXXXXX", &f->dir, &f->case_id);
  f->other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (f->other, "Bob");

  f->window = gtk_window_new ();
  /* shorter than the plan: the tabs scroll */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 600);
  f->view = hw_service_plan_view_new (f->store, f->case_id);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
  f->stack = ADW_VIEW_STACK (find_type (f->view, ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (f->stack);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* a dialog a test left open */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  settle ();
  g_clear_object (&f->other);
  hw_test_store_free (g_steal_pointer (&f->store), g_steal_pointer (&f->dir));
}

/* By area: the needs, their goals and tasks. The focus on a goal's "Add
 * Task" button deep in the list; someone adds a need in another area,
 * then a task to that very goal (its row is made again: it counts the
 * tasks), then a progress note on a task whose "Note" button has the
 * focus, then renames a task whose check box has it. */
static void
test_by_area (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkListBox *list = show_tab (f, "domain");
  gint64 goal = goal_id (f->store, "Has a day job");
  gint64 task = task_id (f->store, "Random drug tests");
  gint64 renamed = task_id (f->store, "Ask for more day shifts");
  g_autoptr(HwRecord) record = NULL;
  g_autofree char *label = NULL;
  g_autofree char *today = day_from_today (0);
  GtkWidget *button, *note;
  int n_notes = 0;
  double value;

  button = hw_test_find_widget (row_of (list, "goals", goal), hw_test_match_button_action, "plan.add-task");
  g_assert_nonnull (button);
  value = put_focus (f, list, button);

  /* another need, in another area */
  g_assert_cmpint (hw_service_plan_add_need (f->other, f->case_id, "legal",
                                             "A lawyer for the custody hearing", "", &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "In your words: A lawyer for the custody hearing"));
  assert_place (f, list, hw_test_find_widget (row_of (list, "goals", goal), hw_test_match_button_action, "plan.add-task"), value);

  /* a goal to the first need, above */
  g_assert_cmpint (hw_service_plan_add_goal (f->other, query_id (f->store, "SELECT id FROM needs WHERE domain = ?",
                                                                 "housing"),
                                             "Keeps up with the rent for six months.", NULL, &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Goal: Keeps up with the rent"));
  assert_place (f, list, hw_test_find_widget (row_of (list, "goals", goal), hw_test_match_button_action, "plan.add-task"), value);

  /* a task to the goal whose button has the focus */
  g_assert_cmpint (hw_service_plan_add_task (f->other, goal, "Ask the job centre about day jobs",
                                             0, 0, TRUE, "", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Ask the job centre about day jobs"));
  assert_place (f, list, hw_test_find_widget (row_of (list, "goals", goal), hw_test_match_button_action, "plan.add-task"), value);

  /* a progress note on the task whose "Note" button has the focus: the
   * button counts the notes */
  note = hw_test_find_widget (row_of (list, "tasks", task), hw_test_match_button_action, "plan.add-note");
  g_assert_nonnull (hw_test_find_widget (note, hw_test_match_shown_label_prefix, "Note ("));
  g_assert_cmpint (sscanf (gtk_label_get_text (GTK_LABEL (hw_test_find_widget (note, hw_test_match_shown_label_prefix, "Note ("))), "Note (%d)", &n_notes),
                   ==, 1);
  value = put_focus (f, list, note);
  /* to look at: HOMEWARD_SCREENSHOT_DIR=... keeps the window before and after */
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), TRUE);
  hw_test_keep_window_png (f->window, "HOMEWARD_SCREENSHOT_DIR", "service-plan-place-before.png");
  g_assert_cmpint (hw_service_plan_add_note (f->other, task, today, "Bob",
                                             "Two clean tests this month.", &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  hw_test_keep_window_png (f->window, "HOMEWARD_SCREENSHOT_DIR", "service-plan-place-after.png");
  note = hw_test_find_widget (row_of (list, "tasks", task), hw_test_match_button_action, "plan.add-note");
  label = g_strdup_printf ("Note (%d)", n_notes + 1);
  g_assert_nonnull (hw_test_find_widget (note, hw_test_match_shown_label_prefix, label));
  assert_place (f, list, note, value);

  /* the check box of a task that someone else renames */
  value = put_focus (f, list, find_type (row_of (list, "tasks", renamed), GTK_TYPE_CHECK_BUTTON));
  record = hw_store_get (f->other, "tasks", renamed, &error);
  g_assert_no_error (error);
  hw_record_set_string (record, "description", "Ask the manager for more day shifts");
  g_assert_true (hw_store_update (f->other, "Rename", record, &error));
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Ask the manager for more day shifts"));
  assert_place (f, list, find_type (row_of (list, "tasks", renamed), GTK_TYPE_CHECK_BUTTON), value);
}

/* By person: what each one needs to do. The focus on the "Note" button of
 * a parent's task; someone gives the parent another task (the count under
 * her name changes). */
static void
test_by_person (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkListBox *list = show_tab (f, "person");
  gint64 parent = person_id (f->store, "Elena Morales");
  gint64 task = task_id (f->store, "Ask for more day shifts");
  gint64 goal = goal_id (f->store, "Has a day job");
  GtkWidget *note;
  double value;

  note = hw_test_find_widget (row_of (list, "tasks", task), hw_test_match_button_action, "plan.add-note");
  g_assert_nonnull (note);
  value = put_focus (f, list, note);

  g_assert_cmpint (hw_service_plan_add_task (f->other, goal, "Update the CV with the advocate",
                                             0, parent, FALSE, "", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Update the CV with the advocate"));
  assert_place (f, list, hw_test_find_widget (row_of (list, "tasks", task), hw_test_match_button_action, "plan.add-note"), value);
}

/* Due dates: the focus on a row deep in the dates; someone adds a task due
 * in ten days. Then "Due this week for" a parent, with the focus on it:
 * someone adds a person to the case (the list of names is made again). */
static void
test_due_dates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) person = hw_record_new ("people");
  g_autofree char *due = day_from_today (10);
  g_autofree char *start = day_from_today (0);
  GtkListBox *list = show_tab (f, "timeline");
  GtkWidget *last = NULL, *drop;
  gint64 goal = goal_id (f->store, "Has a day job");
  const char *table;
  gint64 id;
  double value;
  guint selected;

  /* the last item with a date */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (HW_IS_SERVICE_PLAN_ITEM (row) &&
        hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (row)) != 0)
      last = row;
  g_assert_nonnull (last);
  table = hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (last));
  id = hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (last));
  value = put_focus (f, list, last);

  g_assert_cmpint (hw_service_plan_add_task (f->other, goal, "Send the CV to three employers",
                                             0, 0, TRUE, "", start, due, &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Send the CV to three employers"));
  assert_place (f, list, row_of (list, table, id), value);

  /* "Due this week for", chosen and focused */
  drop = find_type (adw_view_stack_get_child_by_name (f->stack, "timeline"), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (drop);
  for (selected = 0; selected < g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (drop))); selected++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (drop))),
                                               selected), "Elena Morales") == 0)
      break;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), selected);
  settle ();
  g_assert_true (gtk_widget_grab_focus (drop));
  settle ();
  g_assert_true (focus (f) == drop || gtk_widget_is_ancestor (focus (f), drop));

  hw_record_set_int (person, "case_id", f->case_id);
  hw_record_set_string (person, "name", "Rosa Morales");
  hw_record_set_string (person, "role", "relative");
  g_assert_cmpint (hw_store_insert (f->other, "Add person", person, &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (drop))),
                                               gtk_drop_down_get_selected (GTK_DROP_DOWN (drop))),
                   ==, "Elena Morales");
  g_assert_true (focus (f) == drop || gtk_widget_is_ancestor (focus (f), drop));
}

/* After going home: the focus on the point person's "Log Check-in"
 * button; someone logs a check-in (the support's next one moves, a row
 * for the check-in comes). */
static void
test_aftercare (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = day_from_today (0);
  GtkListBox *list = show_tab (f, "aftercare");
  gint64 support = query_id (f->store, "SELECT id FROM aftercare_supports WHERE component = ?",
                             "navigation");
  gint64 worker = person_id (f->store, "Priya Shah");
  HwCheckin checkin = { today, worker, "phone", "Elena", "The lease is signed.", NULL, NULL };
  GtkWidget *button;
  double value;

  button = hw_test_find_widget (row_of (list, "aftercare_supports", support), hw_test_match_button_action, "plan.log-checkin");
  g_assert_nonnull (button);
  value = put_focus (f, list, button);

  g_assert_cmpint (hw_aftercare_log_checkin (f->other, support, &checkin, &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "The lease is signed."));
  assert_place (f, list, hw_test_find_widget (row_of (list, "aftercare_supports", support), hw_test_match_button_action, "plan.log-checkin"),
                value);
}

/* Readiness: the focus on the latest review; someone adds a newer one. */
static void
test_readiness (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = day_from_today (0);
  GtkListBox *list = show_tab (f, "readiness");
  gint64 latest = query_id (f->store, "SELECT id FROM readiness_reviews WHERE notes LIKE ?",
                            "Ready for a trial home visit%");
  g_autoptr(HwRecord) record = NULL;
  double value;

  value = put_focus (f, list, row_of (list, "readiness_reviews", latest));
  g_assert_cmpint (hw_service_plan_add_review (f->other, f->case_id, today,
                                               "Housing found; the trial visit can start.", &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Housing found; the trial visit can start."));
  assert_place (f, list, row_of (list, "readiness_reviews", latest), value);

  /* someone changes the words of the review that has the focus: its row
   * is made again */
  record = hw_store_get (f->other, "readiness_reviews", latest, &error);
  g_assert_no_error (error);
  hw_record_set_string (record, "notes", "Ready for a trial home visit now that housing is found.");
  g_assert_true (hw_store_update (f->other, "Change review", record, &error));
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Ready for a trial home visit now that"));
  assert_place (f, list, row_of (list, "readiness_reviews", latest), value);
}

/* Someone deletes the task whose row has the focus: the focus goes to the
 * row now in its place, not to the window. */
static void
test_deleted (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkListBox *list = show_tab (f, "domain");
  gint64 task = task_id (f->store, "Random drug tests");
  GtkWidget *row = row_of (list, "tasks", task);
  GtkWidget *next = gtk_widget_get_next_sibling (row);
  const char *next_table = hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (next));
  gint64 next_id = hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (next));
  double value;

  value = put_focus (f, list, row);
  g_assert_true (hw_service_plan_delete (f->other, NULL, "tasks", task, &error));
  g_assert_no_error (error);
  announce (f);
  g_assert_null (hw_service_plan_item_find_row (list, "tasks", task));
  assert_place (f, list, row_of (list, next_table, next_id), value);
}

/* Words typed in the search, not finished: someone adds a task they
 * match; the words, the cursor and the focus stay, the task shows. */
static void
test_search_typing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkListBox *list = show_tab (f, "domain");
  GtkWidget *search = find_type (f->view, GTK_TYPE_SEARCH_ENTRY);
  gint64 goal = goal_id (f->store, "Elena gets to every visit");
  GtkWidget *now;

  g_assert_nonnull (search);
  g_assert_true (gtk_widget_grab_focus (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "bus");
  gtk_editable_set_position (GTK_EDITABLE (search), -1);
  wait_ms (400);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Get a monthly bus pass"));

  g_assert_cmpint (hw_service_plan_add_task (f->other, goal, "Bus tickets for the Saturday visits",
                                             0, 0, TRUE, "", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (list), hw_test_match_shown_label_prefix, "Bus tickets for the Saturday visits"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "bus");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (search)), ==, 3);
  now = focus (f);
  g_assert_true (now == search || gtk_widget_is_ancestor (now, search));
}

/* Progress notes: the note being written in its dialog, not saved;
 * someone adds a note to the same task. What was typed stays, with the
 * focus; their note shows among the earlier ones. */
static void
test_note_dialog (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = day_from_today (0);
  GtkListBox *list = show_tab (f, "domain");
  gint64 task = task_id (f->store, "Random drug tests");
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;
  GtkWidget *text, *now;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "plan.add-note", "x", task));
  settle ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), "Add Progress Note") == 0)
        dialog = window;
    }
  g_assert_nonnull (dialog);
  text = find_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (text);
  now = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (now != NULL && gtk_widget_is_ancestor (now, text));
  gtk_editable_set_text (GTK_EDITABLE (text), "Missed the test on Tuesday, came on Wedn");
  settle ();

  g_assert_cmpint (hw_service_plan_add_note (f->other, task, today, "Bob",
                                             "The clinic moved the tests to Wednesdays.", &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==,
                   "Missed the test on Tuesday, came on Wedn");
  now = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (now != NULL && gtk_widget_is_ancestor (now, text));
  /* nothing of ours saved */
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM progress_notes WHERE text LIKE 'Missed%'",
                                       G_TYPE_INVALID), ==, 0);
  /* their note, among the earlier ones */
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (dialog), hw_test_match_row_title, "The clinic moved the tests to Wednesdays."));
  g_assert_true (gtk_widget_get_mapped (hw_test_find_widget (GTK_WIDGET (dialog), hw_test_match_row_title,
                                                         "The clinic moved the tests to Wednesdays.")));

  /* reading their note with the keyboard (a screen reader) when another
   * one comes: the focus stays on it */
  g_assert_true (gtk_widget_grab_focus (hw_test_find_widget (GTK_WIDGET (dialog), hw_test_match_row_title,
                                                         "The clinic moved the tests to Wednesdays.")));
  settle ();
  g_assert_cmpint (hw_service_plan_add_note (f->other, task, today, "Bob",
                                             "Also on Fridays from next month.", &error), >, 0);
  g_assert_no_error (error);
  announce (f);
  g_assert_nonnull (hw_test_find_widget (GTK_WIDGET (dialog), hw_test_match_row_title, "Also on Fridays from next month."));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) ==
                 hw_test_find_widget (GTK_WIDGET (dialog), hw_test_match_row_title, "The clinic moved the tests to Wednesdays."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==,
                   "Missed the test on Tuesday, came on Wedn");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/service-plan-place/by-area", test_by_area);
  ADD ("/service-plan-place/by-person", test_by_person);
  ADD ("/service-plan-place/due-dates", test_due_dates);
  ADD ("/service-plan-place/aftercare", test_aftercare);
  ADD ("/service-plan-place/readiness", test_readiness);
  ADD ("/service-plan-place/deleted", test_deleted);
  ADD ("/service-plan-place/search-typing", test_search_typing);
  ADD ("/service-plan-place/note-dialog", test_note_dialog);
#undef ADD

  return g_test_run ();
}
