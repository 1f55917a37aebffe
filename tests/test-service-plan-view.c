/* test-service-plan-view.c: the service plan view on the sample family:
 * overdue items carry an icon and words, a check box writes through the
 * store (and undo brings the row back), a fixed clock moves what is
 * overdue, "Due this week for" narrows the due dates to one person's week,
 * and the view is freed when its window goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-demo.h"
#include "hw-service-plan-list-page.h"
#include "hw-service-plan-view.h"
#include "hw-store.h"
#include "hw-test-find.h"

static void
settle (void)
{
  /* the view rebuilds in an idle after each change */
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      {
        GtkWidget *badge = gtk_widget_get_parent (g_ptr_array_index (labels, i));
        GtkWidget *icon = gtk_widget_get_first_child (badge);

        /* never colour alone: an icon goes with the words */
        g_assert_true (GTK_IS_IMAGE (icon));
        n++;
      }
  return n;
}

static void
test_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-spv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *cmd = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *window, *view;
  GtkCheckButton *open_task = NULL;
  gint64 case_id, done_before;
  guint overdue_now, overdue_later;
  GDate later;

  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 2400);
  view = hw_service_plan_view_new (store, case_id);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  overdue_now = count_labels (view, "Overdue");
  g_assert_cmpuint (overdue_now, >=, 1);

  /* a fixed clock far ahead: every open task with a date is overdue */
  g_date_clear (&later, 1);
  g_date_set_dmy (&later, 1, G_DATE_JANUARY, 2035);
  hw_service_plan_view_set_today (HW_SERVICE_PLAN_VIEW (view), &later);
  settle ();
  overdue_later = count_labels (view, "Overdue");
  g_assert_cmpuint (overdue_later, >, overdue_now);

  /* ticking a task's box writes through the store, at once */
  done_before = hw_store_query_int (store, -1, "SELECT count(*) FROM tasks WHERE status = 'done'", G_TYPE_INVALID);
  collect (view, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len && open_task == NULL; i++)
    if (!gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      open_task = g_ptr_array_index (checks, i);
  g_assert_nonnull (open_task);
  gtk_check_button_set_active (open_task, TRUE);
  settle ();
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM tasks WHERE status = 'done'", G_TYPE_INVALID),
                   ==, done_before + 1);
  g_assert_true (hw_store_undo (store, &error));
  settle ();
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM tasks WHERE status = 'done'", G_TYPE_INVALID),
                   ==, done_before);

  /* the view goes with its window: nothing keeps it alive */
  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (view);

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* Labels of @root that start with @prefix (mapped ones only). */
static guint
count_prefixed (GtkWidget  *root,
                const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  collect (root, GTK_TYPE_WIDGET, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = hw_test_label_text (g_ptr_array_index (labels, i));

      if (text != NULL && g_str_has_prefix (text, prefix))
        n++;
    }
  return n;
}

/* The sample family's service plan in a window 1200 px wide and @height
 * high, once drawn; its store in @store. */
static GtkWidget *
show_sample_plan (const char  *path,
                  int          height,
                  HwStore    **store,
                  GtkWidget  **view)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gint64 case_id;

  *store = hw_store_open (path, &error);
  g_assert_no_error (error);
  case_id = hw_demo_create (*store, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, height);
  *view = hw_service_plan_view_new (*store, case_id);
  gtk_window_set_child (GTK_WINDOW (window), *view);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  return window;
}

/* "Due this week for": one person's week in the due dates: the point
 * person sees the check-in of the support they provide, a parent sees
 * their tasks and no check-in; "Everyone" has both. */
static void
test_due_week (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-spv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *cmd = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  g_autoptr(GPtrArray) drops = g_ptr_array_new ();
  GtkDropDown *due_person = NULL;
  GListModel *names;
  GtkWidget *window, *view;
  guint worker = 0, parent = 0;

  g_assert_no_error (error);
  window = show_sample_plan (path, 2400, &store, &view);
  collect (view, ADW_TYPE_VIEW_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  adw_view_stack_set_visible_child_name (g_ptr_array_index (stacks, 0), "timeline");
  settle ();

  collect (view, GTK_TYPE_DROP_DOWN, drops);
  for (guint i = 0; i < drops->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (drops, i));

      if (GTK_IS_STRING_LIST (model) &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "Everyone") == 0)
        due_person = g_ptr_array_index (drops, i);
    }
  g_assert_nonnull (due_person);
  names = gtk_drop_down_get_model (due_person);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      if (g_strcmp0 (name, "Priya Shah") == 0)
        worker = i;
      if (g_strcmp0 (name, "Elena Morales") == 0)
        parent = i;
    }
  g_assert_cmpuint (worker, >, 0);
  g_assert_cmpuint (parent, >, 0);

  /* everyone's due dates: the check-in and a task of the parent's */
  g_assert_cmpuint (count_prefixed (view, "Check-in: One point person"), ==, 1);
  g_assert_cmpuint (count_prefixed (view, "Visit three apartments"), ==, 1);

  gtk_drop_down_set_selected (due_person, worker);
  settle ();
  g_assert_cmpuint (count_prefixed (view, "Check-in: One point person"), ==, 1);
  g_assert_cmpuint (count_prefixed (view, "Visit three apartments"), ==, 0);

  gtk_drop_down_set_selected (due_person, parent);
  settle ();
  g_assert_cmpuint (count_prefixed (view, "Check-in: One point person"), ==, 0);
  g_assert_cmpuint (count_prefixed (view, "Visit three apartments"), ==, 1);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (view);

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* The first widget of @type at or under @root, shown or not. */
static GtkWidget *
first_of_type (GtkWidget *root,
               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Rows of a list page (those in its list box). */
static guint
count_rows (GtkWidget *page)
{
  GtkWidget *list = first_of_type (page, GTK_TYPE_LIST_BOX);
  guint n = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

/* Opening a family makes the rows of the tab shown, not of the other
 * three (they were most of the work); a tab's rows are made when it is
 * first shown. */
static void
test_rows_when_shown (void)
{
  g_autofree char *dir = g_dir_make_tmp ("homeward-spv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *cmd = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  GtkWidget *window, *view, *area = NULL, *person = NULL;

  g_assert_nonnull (dir);
  window = show_sample_plan (path, 900, &store, &view);

  collect (view, ADW_TYPE_VIEW_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  for (GtkWidget *page = gtk_widget_get_first_child (g_ptr_array_index (stacks, 0)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      GtkWidget *found = first_of_type (page, HW_TYPE_SERVICE_PLAN_LIST_PAGE);
      HwServicePlanListKind kind;

      if (found == NULL)
        continue;
      g_object_get (found, "kind", &kind, NULL);
      if (kind == HW_SERVICE_PLAN_LIST_AREA)
        area = found;
      else if (kind == HW_SERVICE_PLAN_LIST_PERSON)
        person = found;
    }
  g_assert_nonnull (area);
  g_assert_nonnull (person);
  g_assert_true (gtk_widget_get_mapped (area));
  g_assert_false (gtk_widget_get_mapped (person));
  g_assert_cmpuint (count_rows (area), >, 5);
  g_assert_cmpuint (count_rows (person), ==, 0);

  /* the stack's page holding it */
  {
    GtkWidget *page = person;

    while (gtk_widget_get_parent (page) != g_ptr_array_index (stacks, 0))
      page = gtk_widget_get_parent (page);
    adw_view_stack_set_visible_child (g_ptr_array_index (stacks, 0), page);
  }
  settle ();
  g_assert_true (gtk_widget_get_mapped (person));
  g_assert_cmpuint (count_rows (person), >, 5);
  g_assert_cmpuint (count_prefixed (view, "Visit three apartments"), >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_clear_object (&store);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/service-plan-view/view", test_view);
  g_test_add_func ("/service-plan-view/due-week", test_due_week);
  g_test_add_func ("/service-plan-view/rows-when-shown", test_rows_when_shown);

  return g_test_run ();
}
