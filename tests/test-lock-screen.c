/* test-lock-screen.c: the screen lock hides the case, and only the right
 * passphrase shows it again.
 *
 * HOMEWARD_LOCK_SCREENSHOTS=FOLDER also saves, to look at: locked.png
 * (with the "not right" message, 1920x1080), locked-no-passphrase.png and
 * preferences.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lock-screen"

#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-idle-monitor.h"
#include "hw-lock.h"
#include "hw-lock-screen.h"
#include "hw-person-dialog.h"
#include "hw-preferences-window.h"
#include "hw-test-store.h"
#include "hw-window.h"

#define PASS "kitchen table 7"

typedef struct {
  char     *dir;
  HwStore  *store;
  gint64    case_id;
  HwWindow *window;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
open_window (Fixture *f)
{
  f->window = hw_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

static void
close_window (Fixture *f)
{
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_assert_null (f->window);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* the schema's default (10 minutes) must not lock during a test */
  g_settings_set_int (settings, "lock-after-minutes", 0);

  f->store = hw_test_store_new_demo ("homeward-test-lock-screen-XXXXXX", &f->dir, &f->case_id);
  if (data != NULL)
    {
      hw_lock_set_passphrase (f->store, NULL, PASS, &error);
      g_assert_no_error (error);
    }
  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* dialogs the test left open */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i - 1);

      if (other != GTK_WINDOW (f->window))
        gtk_window_destroy (other);
    }
  close_window (f);
  hw_test_store_free (f->store, f->dir);
}

static HwLockScreen *
lock_screen (Fixture *f)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f->window));

  g_assert_true (HW_IS_LOCK_SCREEN (content));
  return HW_LOCK_SCREEN (content);
}

/* The first descendant of @root of @type (and, if @text, with that label
 * or title), visible or not. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *label = NULL;

      if (GTK_IS_LABEL (root))
        label = gtk_label_get_text (GTK_LABEL (root));
      else if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
        label = gtk_button_get_label (GTK_BUTTON (root));
      else if (GTK_IS_BUTTON (root) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
        label = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root))));
      else if (ADW_IS_PREFERENCES_ROW (root))
        label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      if (text == NULL || g_strcmp0 (label, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether any label that is drawn in @root contains @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  if (GTK_IS_EDITABLE (root) && strstr (gtk_editable_get_text (GTK_EDITABLE (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
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

static void
assert_locked (Fixture *f)
{
  HwLockScreen *lock = lock_screen (f);
  GtkWidget *case_view = hw_window_get_case_view (f->window);
  GtkWidget *entry = find_widget (GTK_WIDGET (lock), GTK_TYPE_PASSWORD_ENTRY, NULL);
  GtkWidget *title = find_widget (GTK_WIDGET (lock), GTK_TYPE_LABEL, "Homeward is locked");

  g_assert_true (hw_lock_screen_get_locked (lock));
  /* the case is hidden, not covered: unmapped, and invisible so that the
   * accessibility tree leaves it out */
  g_assert_nonnull (case_view);
  g_assert_false (gtk_widget_get_mapped (case_view));
  g_assert_false (gtk_widget_is_visible (case_view));
  g_assert_false (gtk_widget_get_visible (hw_lock_screen_get_child (lock)));
  g_assert_false (gtk_widget_get_mapped (hw_lock_screen_get_child (lock)));
  /* the family's name is nowhere on screen, nor in the title */
  g_assert_false (shows_text (GTK_WIDGET (f->window), "Morales"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Homeward");
  /* the cover is */
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (title));
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_mapped (entry) == hw_lock_has_passphrase (f->store));
}

static void
assert_unlocked (Fixture *f)
{
  HwLockScreen *lock = lock_screen (f);
  GtkWidget *case_view = hw_window_get_case_view (f->window);

  g_assert_false (hw_lock_screen_get_locked (lock));
  g_assert_true (gtk_widget_get_mapped (case_view));
  g_assert_false (gtk_widget_get_mapped (find_widget (GTK_WIDGET (lock), GTK_TYPE_PASSWORD_ENTRY, NULL)));
  g_assert_true (shows_text (GTK_WIDGET (f->window), "Morales"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "Morales"));
}

static void
type_and_unlock (Fixture    *f,
                 const char *text,
                 gboolean    with_button)
{
  GtkWidget *lock = GTK_WIDGET (lock_screen (f));
  GtkWidget *entry = find_widget (lock, GTK_TYPE_PASSWORD_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (with_button)
    /* what a click does (gtk_widget_activate clicks only after a delay) */
    g_signal_emit_by_name (find_widget (lock, GTK_TYPE_BUTTON, "_Unlock"), "clicked");
  else
    g_signal_emit_by_name (entry, "activate");
  spin ();
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name,
                 int         want_width,
                 int         want_height)
{
  const char *folder = g_getenv ("HOMEWARD_LOCK_SCREENSHOTS");
  g_autofree char *path = folder ? g_build_filename (folder, name, NULL) : NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (path == NULL)
    return;
  gtk_window_set_default_size (window, want_width, want_height);
  for (int i = 0; i < 50 && gtk_widget_get_width (GTK_WIDGET (window)) < want_width - 20; i++)
    {
      g_usleep (20000);
      spin ();
    }
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  /* the paintable is empty until the window has drawn a frame */
  for (int i = 0; i < 100 && node == NULL; i++)
    {
      g_usleep (20000);
      spin ();
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%dx%d)", path, width, height);
}

/* Ctrl+L's action hides the case; a wrong passphrase keeps it hidden with
 * a message; the right one shows it again as it was. */
static void
test_lock_unlock (Fixture       *f,
                  gconstpointer  data)
{
  HwLockScreen *lock = lock_screen (f);
  GtkWidget *message;
  GtkWidget *entry;

  /* a passphrase set: the window starts locked (else quit and start again
   * would get around the lock) */
  assert_locked (f);
  type_and_unlock (f, PASS, FALSE);
  assert_unlocked (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL));
  spin ();
  assert_locked (f);

  /* wrong, then empty: still locked, a plain message, the entry emptied */
  type_and_unlock (f, "kitchen table 8", FALSE);
  assert_locked (f);
  message = find_widget (GTK_WIDGET (lock), GTK_TYPE_LABEL, "That passphrase is not right. Try again.");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_mapped (message));
  entry = find_widget (GTK_WIDGET (lock), GTK_TYPE_PASSWORD_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  type_and_unlock (f, "", TRUE);
  assert_locked (f);
  g_assert_false (hw_lock_screen_unlock (lock, NULL));
  assert_locked (f);

  save_screenshot (GTK_WINDOW (f->window), "locked.png", 1920, 1080);

  /* right, with the button */
  type_and_unlock (f, PASS, TRUE);
  assert_unlocked (f);
  g_assert_false (gtk_widget_get_mapped (message));

  /* locking again starts clean: no old message */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL));
  spin ();
  assert_locked (f);
  g_assert_false (gtk_widget_get_mapped (message));
  g_assert_true (hw_lock_screen_unlock (lock, PASS));
  spin ();
  assert_unlocked (f);
}

/* With no passphrase the case is still hidden; Unlock needs only a click
 * and the cover says how to set a passphrase. */
static void
test_no_passphrase (Fixture       *f,
                    gconstpointer  data)
{
  HwLockScreen *lock = lock_screen (f);

  assert_unlocked (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL));
  spin ();
  assert_locked (f);
  g_assert_true (shows_text (GTK_WIDGET (lock), "anyone can unlock"));
  g_assert_false (gtk_widget_get_mapped (find_widget (GTK_WIDGET (lock), GTK_TYPE_PASSWORD_ENTRY, NULL)));
  save_screenshot (GTK_WINDOW (f->window), "locked-no-passphrase.png", 1200, 800);
  type_and_unlock (f, "", TRUE);
  assert_unlocked (f);
}

/* A dialog about the family goes away while locked and comes back. */
static void
test_dialog_hidden (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *dialog;

  type_and_unlock (f, PASS, FALSE);
  assert_unlocked (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-person", NULL));
  spin ();
  dialog = find_toplevel (HW_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL));
  spin ();
  assert_locked (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  type_and_unlock (f, PASS, FALSE);
  assert_unlocked (f);
  g_assert_true (find_toplevel (HW_TYPE_PERSON_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (dialog);
}

/* While locked, shortcuts stop at the cover; the preferences cannot be
 * opened; and a title set meanwhile does not show the family's name. */
static void
test_locked_keys_and_title (Fixture       *f,
                            gconstpointer  data)
{
  HwLockScreen *lock = lock_screen (f);
  GtkWidget *cover = gtk_widget_get_parent (gtk_widget_get_parent (find_widget (GTK_WIDGET (lock), GTK_TYPE_LABEL,
                                                                                "Homeward is locked")));
  g_autoptr(GListModel) controllers = NULL;
  gboolean stopped = FALSE;
  gboolean found = FALSE;

  assert_locked (f);
  while (cover != NULL && gtk_widget_get_parent (cover) != GTK_WIDGET (lock))
    cover = gtk_widget_get_parent (cover);
  g_assert_nonnull (cover);
  controllers = gtk_widget_observe_controllers (cover);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      found = TRUE;
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_n, 0, GDK_CONTROL_MASK, &stopped);
      g_assert_true (stopped);
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_z, 0, GDK_CONTROL_MASK, &stopped);
      g_assert_true (stopped);
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_F10, 0, 0, &stopped);
      g_assert_true (stopped);
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &stopped);
      g_assert_false (stopped);
    }
  g_assert_true (found);

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "preferences"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL);
  spin ();
  g_assert_null (find_toplevel (HW_TYPE_PREFERENCES_WINDOW));

  gtk_window_set_title (GTK_WINDOW (f->window), "Morales – Homeward");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Homeward");

  type_and_unlock (f, PASS, FALSE);
  assert_unlocked (f);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "preferences"));
}

/* lock-after-minutes drives the idle monitor; the check runs on a made-up
 * clock, so nothing here waits for minutes or depends on speed. */
static void
test_idle (Fixture       *f,
           gconstpointer  data)
{
  HwLockScreen *lock = lock_screen (f);
  HwIdleMonitor *monitor = hw_lock_screen_get_idle_monitor (lock);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gint64 now;

  g_assert_nonnull (monitor);
  assert_unlocked (f);
  g_assert_cmpuint (hw_idle_monitor_get_interval (monitor), ==, 0);

  g_settings_set_int (settings, "lock-after-minutes", 3);
  spin ();
  g_assert_cmpuint (hw_idle_monitor_get_interval (monitor), ==, 180);

  hw_idle_monitor_reset (monitor);
  now = g_get_monotonic_time ();
  g_assert_false (hw_idle_monitor_check (monitor, now + 179 * G_USEC_PER_SEC));
  assert_unlocked (f);
  g_assert_true (hw_idle_monitor_check (monitor, now + 181 * G_USEC_PER_SEC));
  assert_locked (f);
  /* once per quiet spell */
  g_assert_false (hw_idle_monitor_check (monitor, now + 999 * G_USEC_PER_SEC));

  type_and_unlock (f, "", TRUE);
  assert_unlocked (f);
  /* input arms it again */
  hw_idle_monitor_reset (monitor);
  now = g_get_monotonic_time ();
  g_assert_true (hw_idle_monitor_check (monitor, now + 200 * G_USEC_PER_SEC));
  assert_locked (f);
  type_and_unlock (f, "", TRUE);

  /* 0 = never */
  g_settings_set_int (settings, "lock-after-minutes", 0);
  spin ();
  g_assert_cmpuint (hw_idle_monitor_get_interval (monitor), ==, 0);
  hw_idle_monitor_reset (monitor);
  g_assert_false (hw_idle_monitor_check (monitor, g_get_monotonic_time () + G_GINT64_CONSTANT (86400) * 365 * G_USEC_PER_SEC));
  assert_unlocked (f);
}

static void
locked_cb (GObject    *object,
           GParamSpec *pspec,
           gboolean   *locked)
{
  *locked = hw_lock_screen_get_locked (HW_LOCK_SCREEN (object));
}

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The real timer: a one-second interval locks the window. Only that it
 * happens is checked, with a generous limit, never how fast. */
static void
test_idle_timer (Fixture       *f,
                 gconstpointer  data)
{
  HwLockScreen *lock = lock_screen (f);
  HwIdleMonitor *monitor = hw_lock_screen_get_idle_monitor (lock);
  gboolean locked = FALSE, gave_up = FALSE;
  guint give_up_id;

  assert_unlocked (f);
  g_signal_connect (lock, "notify::locked", G_CALLBACK (locked_cb), &locked);
  give_up_id = g_timeout_add_seconds (60, give_up_cb, &gave_up);
  hw_idle_monitor_set_interval (monitor, 1);
  while (!locked && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (give_up_id);
  assert_locked (f);
  hw_idle_monitor_set_interval (monitor, 0);
  g_signal_handlers_disconnect_by_func (lock, locked_cb, &locked);
  type_and_unlock (f, "", TRUE);
}

/* The preferences: set a passphrase (twice the same), refused when the
 * two differ or it is short, then change it with the current one. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *prefs;
  GtkWidget *new_row, *confirm_row, *current_row, *save;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  spin ();
  prefs = GTK_WIDGET (find_toplevel (HW_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (f->window));
  new_row = find_widget (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW, "New passphrase");
  confirm_row = find_widget (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW, "New passphrase again");
  current_row = find_widget (prefs, ADW_TYPE_PASSWORD_ENTRY_ROW, "Current passphrase");
  save = find_widget (prefs, GTK_TYPE_BUTTON, "_Save Passphrase");
  g_assert_nonnull (new_row);
  g_assert_nonnull (confirm_row);
  g_assert_nonnull (current_row);
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_visible (current_row));

  /* short */
  gtk_editable_set_text (GTK_EDITABLE (new_row), "short");
  gtk_editable_set_text (GTK_EDITABLE (confirm_row), "short");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_false (hw_lock_has_passphrase (f->store));
  g_assert_true (shows_text (prefs, "too short"));
  /* not the same twice */
  gtk_editable_set_text (GTK_EDITABLE (new_row), PASS);
  gtk_editable_set_text (GTK_EDITABLE (confirm_row), "kitchen table 8");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_false (hw_lock_has_passphrase (f->store));
  g_assert_true (shows_text (prefs, "not the same"));
  /* right */
  gtk_editable_set_text (GTK_EDITABLE (new_row), PASS);
  gtk_editable_set_text (GTK_EDITABLE (confirm_row), PASS);
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_true (hw_lock_verify (f->store, PASS));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  g_assert_true (gtk_widget_get_visible (current_row));

  /* change: a wrong current one changes nothing */
  gtk_editable_set_text (GTK_EDITABLE (current_row), "not it at all");
  gtk_editable_set_text (GTK_EDITABLE (new_row), "a new long one");
  gtk_editable_set_text (GTK_EDITABLE (confirm_row), "a new long one");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_true (hw_lock_verify (f->store, PASS));
  g_assert_true (shows_text (prefs, "not right"));
  save_screenshot (GTK_WINDOW (prefs), "preferences.png", 560, 640);
  gtk_editable_set_text (GTK_EDITABLE (current_row), PASS);
  gtk_editable_set_text (GTK_EDITABLE (new_row), "a new long one");
  gtk_editable_set_text (GTK_EDITABLE (confirm_row), "a new long one");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_true (hw_lock_verify (f->store, "a new long one"));

  /* the minutes follow GSettings */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    GtkSpinButton *spin_button = GTK_SPIN_BUTTON (find_widget (prefs, GTK_TYPE_SPIN_BUTTON, NULL));

    g_assert_nonnull (spin_button);
    gtk_spin_button_set_value (spin_button, 25);
    spin ();
    g_assert_cmpint (g_settings_get_int (settings, "lock-after-minutes"), ==, 25);
    g_assert_cmpuint (hw_idle_monitor_get_interval (hw_lock_screen_get_idle_monitor (lock_screen (f))), ==, 25 * 60);
    g_settings_set_int (settings, "lock-after-minutes", 0);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/lock-screen/lock-unlock", Fixture, "with passphrase", fixture_set_up, test_lock_unlock, fixture_tear_down);
  g_test_add ("/lock-screen/no-passphrase", Fixture, NULL, fixture_set_up, test_no_passphrase, fixture_tear_down);
  g_test_add ("/lock-screen/dialog-hidden", Fixture, "with passphrase", fixture_set_up, test_dialog_hidden, fixture_tear_down);
  g_test_add ("/lock-screen/locked-keys-title", Fixture, "with passphrase", fixture_set_up, test_locked_keys_and_title, fixture_tear_down);
  g_test_add ("/lock-screen/idle", Fixture, NULL, fixture_set_up, test_idle, fixture_tear_down);
  g_test_add ("/lock-screen/idle-timer", Fixture, NULL, fixture_set_up, test_idle_timer, fixture_tear_down);
  g_test_add ("/lock-screen/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);

  return g_test_run ();
}
