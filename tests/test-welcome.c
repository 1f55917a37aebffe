/* test-welcome.c: the welcome page of a window with no family, its two
 * buttons, and the sample family's tag and band (under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hw-case-dialog.h"
#include "hw-case-row.h"
#include "hw-record-list.h"
#include "hw-window.h"

typedef struct {
  char     *dir;
  HwStore  *store;
  HwWindow *window;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("homeward-test-welcome-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  f->window = hw_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (hw_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_assert_null (f->window);
  g_assert_finalize_object (f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW, name));

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
welcome_shown (Fixture *f)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "main_stack"))), "welcome") == 0;
}

static gint64
n_cases (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID);
}

/* The dialog windows open now, other than the main window. */
static GtkWindow *
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
test_welcome_page (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *sample_button = child (f, "sample_button");
  GtkWidget *first_button = child (f, "first_family_button");
  GtkWidget *page = child (f, "welcome_page");

  /* an empty database: the welcome page, and nothing was added */
  g_assert_true (welcome_shown (f));
  g_assert_cmpint (n_cases (f), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Welcome to Homeward");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "children can come home"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (sample_button)))), ==,
                   "_Try the Sample Family");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (first_button)))), ==,
                   "_Add My First Family");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (first_button)), ==, "win.add-case");
  /* the keyboard starts on the first button */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == sample_button);
  g_assert_true (gtk_widget_is_sensitive (sample_button));
  g_assert_true (gtk_widget_is_sensitive (first_button));
  g_assert_false (gtk_widget_get_visible (child (f, "sample_banner")));

  /* "Add My First Family": the New Family dialog; cancelled, nothing */
  g_assert_null (find_dialog (HW_TYPE_CASE_DIALOG));
  g_signal_emit_by_name (first_button, "clicked");
  spin ();
  {
    GtkWindow *dialog = find_dialog (HW_TYPE_CASE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_cmpstr (gtk_window_get_title (dialog), ==, "New Family");
    gtk_window_destroy (dialog);
    spin ();
  }
  g_assert_cmpint (n_cases (f), ==, 0);
  g_assert_true (welcome_shown (f));

  /* "Try the Sample Family": the Morales family, marked, opened */
  g_signal_emit_by_name (sample_button, "clicked");
  spin ();
  g_assert_cmpint (n_cases (f), ==, 1);
  g_assert_false (welcome_shown (f));
  g_assert_cmpint (hw_window_get_case_id (f->window), >, 0);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT sample FROM cases WHERE id = ? AND family_name = 'Morales'",
                                       G_TYPE_INT64, hw_window_get_case_id (f->window), G_TYPE_INVALID), ==, 1);
  g_assert_true (gtk_widget_get_visible (child (f, "sample_banner")));
  g_assert_true (gtk_widget_get_mapped (child (f, "sample_banner")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Morales – Homeward");

  /* undone: no family, so the welcome page again, focused */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  spin ();
  g_assert_cmpint (n_cases (f), ==, 0);
  g_assert_true (welcome_shown (f));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == sample_button);

  /* redone, then deleted: the same */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  spin ();
  g_assert_false (welcome_shown (f));
  {
    g_autoptr(GError) error = NULL;

    gint64 id = hw_store_query_int (f->store, 0, "SELECT id FROM cases", G_TYPE_INVALID);

    g_assert_cmpint (id, >, 0);
    g_assert_true (hw_store_delete (f->store, "Delete family", "cases", id, &error));
    g_assert_no_error (error);
  }
  spin ();
  g_assert_true (welcome_shown (f));
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, 0);
}

/* A real family has no band; the list row of the sample has the tag and
 * says it to a screen reader. */
static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) real = hw_record_new ("cases");
  gint64 real_id, sample_id;

  hw_record_set_string (real, "family_name", "Abbott");
  real_id = hw_store_insert (f->store, "Add family", real, &error);
  g_assert_no_error (error);
  spin ();
  g_assert_false (welcome_shown (f));
  hw_window_select_case (f->window, real_id);
  g_assert_false (gtk_widget_get_visible (child (f, "sample_banner")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-sample", NULL));
  spin ();
  sample_id = hw_window_get_case_id (f->window);
  g_assert_cmpint (sample_id, !=, real_id);
  g_assert_true (gtk_widget_get_visible (child (f, "sample_banner")));
  hw_window_select_case (f->window, real_id);
  g_assert_false (gtk_widget_get_visible (child (f, "sample_banner")));
  hw_window_select_case (f->window, sample_id);
  g_assert_true (gtk_widget_get_visible (child (f, "sample_banner")));

  /* the rows: Abbott (no tag), Morales (tag) */
  {
    guint tagged = 0, untagged = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (child (f, "case_list")); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget *box = gtk_widget_get_first_child (row);
        GtkWidget *tag;

        if (box == NULL || !gtk_widget_has_css_class (box, "case-row"))
          continue;
        /* the tag, if the row has one (a row makes it for the first
         * sample it shows), is its only child: the row draws its texts */
        tag = gtk_widget_get_last_child (box);
        if (tag != NULL && !gtk_widget_has_css_class (tag, "sample-tag"))
          tag = NULL;
        else if (tag != NULL)
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tag)), ==, "Sample — not a real family");
        if (g_str_equal (hw_case_row_get_title (HW_CASE_ROW (box)), "Morales"))
          {
            g_assert_nonnull (tag);
            g_assert_true (gtk_widget_get_visible (tag));
            tagged++;
          }
        else
          {
            g_assert_true (tag == NULL || !gtk_widget_get_visible (tag));
            untagged++;
          }
      }
    g_assert_cmpuint (tagged, ==, 1);
    g_assert_cmpuint (untagged, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/welcome/page", Fixture, NULL, fixture_set_up, test_welcome_page, fixture_tear_down);
  g_test_add ("/welcome/marks", Fixture, NULL, fixture_set_up, test_marks, fixture_tear_down);

  return g_test_run ();
}
