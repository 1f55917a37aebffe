/* test-database-choice.c: Preferences → Families → "Where Families Are
 * Kept" (under Xvfb, GSETTINGS_BACKEND=memory): the welcome page's "Use
 * Your Agency's Server…" opens it; an address with a password is refused
 * in words and the key stays as it was; a good address is saved to the
 * key "database", shown again next time, and "This computer" puts ''
 * back; "Check" says in words that a server did not answer, in a thread.
 *
 * HOMEWARD_DATABASE_CHOICE_SCREENSHOTS=FOLDER also saves, to look at:
 * welcome.png, refused.png, saved.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-database-choice"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hw-database-choice.h"
#include "hw-preferences-window.h"
#include "hw-window.h"

#define GOOD "postgresql://db.agency.example/homeward?sslmode=verify-full"

typedef struct {
  char      *dir;
  HwStore   *store;
  HwWindow  *window;
  GSettings *settings;
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

  f->settings = g_settings_new (APP_ID);
  /* the schema's default (10 minutes) must not lock during a test */
  g_settings_set_int (f->settings, "lock-after-minutes", 0);
  g_settings_reset (f->settings, HW_DATABASE_CHOICE_KEY);

  /* no family: the welcome page */
  f->dir = g_dir_make_tmp ("homeward-test-database-choice-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  f->window = hw_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (hw_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i - 1);

      if (other != GTK_WINDOW (f->window))
        gtk_window_destroy (other);
    }
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
  g_settings_reset (f->settings, HW_DATABASE_CHOICE_KEY);
  g_clear_object (&f->settings);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static GtkWidget *
part (GtkWidget  *prefs,
      const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (prefs, HW_TYPE_PREFERENCES_WINDOW, name));

  g_assert_nonnull (widget);
  return widget;
}

/* the message under the address, as it is drawn */
static const char *
message (GtkWidget *prefs)
{
  GtkWidget *label = part (prefs, "database_message");

  if (!gtk_widget_get_mapped (label))
    return "";
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  const char *folder = g_getenv ("HOMEWARD_DATABASE_CHOICE_SCREENSHOTS");
  g_autofree char *path = folder ? g_build_filename (folder, name, NULL) : NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (path == NULL)
    return;
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  /* the paintable is empty until the window has drawn a frame */
  for (int i = 0; i < 100 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      g_usleep (20000);
      spin ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%dx%d)", path, width, height);
}

/* the button of @root whose label is @text */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_BUTTON (root) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)))), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* the row of a choice, to activate as a click or Space on it does */
static AdwActionRow *
row_of (GtkWidget  *prefs,
        const char *check)
{
  GtkWidget *row = gtk_widget_get_ancestor (part (prefs, check), ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == part (prefs, check));
  return ADW_ACTION_ROW (row);
}

/* as a person does: the welcome page's button */
static GtkWidget *
open_from_welcome (Fixture *f)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->window), "Use Your Agency’s _Server…");
  GtkWidget *stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW,
                                                                "main_stack"));
  GtkWidget *prefs;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "welcome");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.database-choice");
  g_signal_emit_by_name (button, "clicked");
  spin ();
  prefs = GTK_WIDGET (find_toplevel (HW_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  while (!gtk_widget_get_mapped (prefs))
    g_main_context_iteration (NULL, TRUE);
  spin ();
  return prefs;
}

/* The welcome page's button opens Preferences at the group, "This
 * computer" chosen, the address not editable until the server is. */
static void
test_welcome_button (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *prefs;

  save_screenshot (GTK_WINDOW (f->window), "welcome.png");
  prefs = open_from_welcome (f);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (f->window));
  g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)) ==
                 ADW_PREFERENCES_PAGE (part (prefs, "families_page")));
  g_assert_true (gtk_widget_get_mapped (part (prefs, "database_group")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (part (prefs, "this_computer_check"))));
  g_assert_true (gtk_widget_has_focus (part (prefs, "this_computer_check")));
  g_assert_false (gtk_widget_is_sensitive (part (prefs, "server_entry")));
  g_assert_false (gtk_widget_is_sensitive (part (prefs, "check_button")));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (part (prefs, "server_entry"))), ==,
                   "postgresql://host/dbname?sslmode=verify-full");
  /* what is in use now, in words */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (part (prefs, "database_in_use"))), "on this computer"));
}

/* An address with a password is refused with a message pointing at
 * ~/.pgpass and nothing is saved; a good one is saved to the key and
 * shown the next time; "This computer" puts '' back. */
static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  const char *refused[] = {
    "postgresql://alice:S3cret-pw@db.agency.example/homeward",
    "postgresql://alice@db.agency.example/homeward?password=S3cret-pw",
  };
  g_autofree char *saved = NULL;
  GtkWidget *prefs = open_from_welcome (f);
  GtkWidget *entry = part (prefs, "server_entry");
  GtkWidget *save = part (prefs, "save_choice_button");

  /* choose the server, as with a click on its row */
  adw_action_row_activate (row_of (prefs, "server_check"));
  spin ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (part (prefs, "server_check"))));
  g_assert_true (gtk_widget_is_sensitive (entry));

  /* nothing typed yet */
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_nonnull (strstr (message (prefs), "Type the address"));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), refused[i]);
      g_signal_emit_by_name (save, "clicked");
      spin ();
      g_test_message ("%s", message (prefs));
      g_assert_nonnull (strstr (message (prefs), "password"));
      g_assert_nonnull (strstr (message (prefs), "~/.pgpass"));
      g_assert_null (strstr (message (prefs), "S3cret-pw"));
      g_assert_true (gtk_widget_has_css_class (part (prefs, "database_message"), "error"));
      saved = g_settings_get_string (f->settings, HW_DATABASE_CHOICE_KEY);
      g_assert_cmpstr (saved, ==, "");
      g_clear_pointer (&saved, g_free);
      /* "Check" refuses it the same way, without trying the server */
      gtk_label_set_text (GTK_LABEL (part (prefs, "database_message")), "");
      g_signal_emit_by_name (part (prefs, "check_button"), "clicked");
      spin ();
      g_assert_nonnull (strstr (message (prefs), "~/.pgpass"));
      g_assert_true (gtk_widget_is_sensitive (part (prefs, "check_button")));
    }
  save_screenshot (GTK_WINDOW (prefs), "refused.png");

  /* another kind of address, a file's path: not a server */
  gtk_editable_set_text (GTK_EDITABLE (entry), "mysql://db.agency.example/homeward");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_nonnull (strstr (message (prefs), "PostgreSQL server only"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "/home/alice/homeward.db");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_nonnull (strstr (message (prefs), "not the address of a server"));
  saved = g_settings_get_string (f->settings, HW_DATABASE_CHOICE_KEY);
  g_assert_cmpstr (saved, ==, "");
  g_clear_pointer (&saved, g_free);

  /* a good one, with spaces around it */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  " GOOD " ");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  saved = g_settings_get_string (f->settings, HW_DATABASE_CHOICE_KEY);
  g_assert_cmpstr (saved, ==, GOOD);
  g_clear_pointer (&saved, g_free);
  g_assert_nonnull (strstr (message (prefs), "next time it starts"));
  g_assert_true (gtk_widget_has_css_class (part (prefs, "database_message"), "success"));
  save_screenshot (GTK_WINDOW (prefs), "saved.png");
  gtk_window_destroy (GTK_WINDOW (prefs));
  spin ();

  /* Preferences shows the saved choice */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  spin ();
  prefs = GTK_WIDGET (find_toplevel (HW_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (part (prefs, "server_check"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (prefs, "server_entry"))), ==, GOOD);

  /* back to this computer, on the Families page */
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (part (prefs, "families_page")));
  spin ();
  adw_action_row_activate (row_of (prefs, "this_computer_check"));
  spin ();
  g_assert_false (gtk_widget_is_sensitive (part (prefs, "server_entry")));
  g_signal_emit_by_name (part (prefs, "save_choice_button"), "clicked");
  spin ();
  saved = g_settings_get_string (f->settings, HW_DATABASE_CHOICE_KEY);
  g_assert_cmpstr (saved, ==, "");
  g_assert_nonnull (strstr (message (prefs), "file on this computer"));
}

static gboolean
message_is_not (GtkWidget  *prefs,
                const char *text)
{
  return g_strcmp0 (message (prefs), text) != 0;
}

/* "Check": a server that does not answer (port 1 refuses at once), tried
 * in a thread; then a window closed while it tries. */
static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *prefs = open_from_welcome (f);
  GtkWidget *check = part (prefs, "check_button");
  gint64 until;

  adw_action_row_activate (row_of (prefs, "server_check"));
  gtk_editable_set_text (GTK_EDITABLE (part (prefs, "server_entry")),
                         "postgresql://alice@127.0.0.1:1/homeward?connect_timeout=5");
  g_signal_emit_by_name (check, "clicked");
  /* not twice at once */
  g_assert_false (gtk_widget_is_sensitive (check));
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!message_is_not (prefs, "Trying the server…") && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("%s", message (prefs));
  g_assert_nonnull (strstr (message (prefs), "did not answer, or did not let Homeward in"));
  g_assert_null (strchr (message (prefs), '\n'));
  g_assert_true (gtk_widget_is_sensitive (check));
  /* nothing saved by trying */
  {
    g_autofree char *saved = g_settings_get_string (f->settings, HW_DATABASE_CHOICE_KEY);

    g_assert_cmpstr (saved, ==, "");
  }

  /* closed while trying: the answer, when it comes, goes nowhere */
  g_signal_emit_by_name (check, "clicked");
  gtk_window_destroy (GTK_WINDOW (prefs));
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    {
      g_usleep (10000);
      spin ();
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/database-choice/welcome-button", Fixture, NULL, fixture_set_up, test_welcome_button, fixture_tear_down);
  g_test_add ("/database-choice/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/database-choice/check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);

  return g_test_run ();
}
