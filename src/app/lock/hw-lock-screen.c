/* hw-lock-screen.c: a cover that replaces the window's content while
 * Homeward is locked.
 *
 * Locked, the case widgets are not drawn over but hidden: the child (the
 * window's former content) is made invisible, hence unmapped, so that
 * nothing of the case can be seen, nor read from the accessibility tree.
 * The child and the cover are direct children of one widget with a bin
 * layout (one level more in the tree, not three), and only one of them is
 * visible at a time.
 * Dialogs of the window (a person being edited...) are hidden too and come
 * back on unlock, and the window title (which names the family) becomes
 * plain "Homeward".
 *
 * Keys: while locked, shortcuts must not reach the hidden window (Ctrl+N
 * would open a dialog about the family, Ctrl+Z would change data unseen).
 * A capture-phase controller on the window sends every key to the cover,
 * and the cover swallows any shortcut that the passphrase entry did not
 * use itself.
 *
 * Without a passphrase, locking still hides the case, and Unlock opens it
 * with a click; the cover says that anyone can unlock and where to set a
 * passphrase. A passphrase cannot be set from the locked screen: a
 * passer-by could otherwise lock the facilitator out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-lock-screen"

#include <string.h>

#include <glib/gi18n.h>

#include "hw-lock.h"
#include "hw-lock-screen.h"
#include "hw-preferences-window.h"

struct _HwLockScreen
{
  GtkWidget      parent_instance;

  HwStore       *store;
  GtkWindow     *window;         /* weak: the window we were installed in */
  HwIdleMonitor *idle_monitor;
  GSettings     *settings;
  gboolean       locked;
  char          *saved_title;
  GPtrArray     *hidden_windows; /* dialogs hidden by lock, shown on unlock */
  GtkWidget     *child;

  /* template widgets */
  GtkWidget     *cover;
  AdwStatusPage *status_page;
  GtkWidget     *entry;
  GtkLabel      *message;
  GtkWidget     *unlock_button;
};

G_DEFINE_FINAL_TYPE (HwLockScreen, hw_lock_screen, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HwLockScreen *
hw_lock_screen_new (HwStore *store)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  return g_object_new (HW_TYPE_LOCK_SCREEN, "store", store, NULL);
}

void
hw_lock_screen_set_child (HwLockScreen *self,
                          GtkWidget    *child)
{
  g_return_if_fail (HW_IS_LOCK_SCREEN (self));
  g_return_if_fail (child == NULL || gtk_widget_get_parent (child) == NULL);

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_visible (child, !self->locked);
      gtk_widget_insert_before (child, GTK_WIDGET (self), self->cover);
    }
}

GtkWidget *
hw_lock_screen_get_child (HwLockScreen *self)
{
  g_return_val_if_fail (HW_IS_LOCK_SCREEN (self), NULL);
  return self->child;
}

gboolean
hw_lock_screen_get_locked (HwLockScreen *self)
{
  g_return_val_if_fail (HW_IS_LOCK_SCREEN (self), FALSE);
  return self->locked;
}

HwIdleMonitor *
hw_lock_screen_get_idle_monitor (HwLockScreen *self)
{
  g_return_val_if_fail (HW_IS_LOCK_SCREEN (self), NULL);
  return self->idle_monitor;
}

static GtkWindow *
get_window (HwLockScreen *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (HW_IS_LOCK_SCREEN (self));

  if (self->window != NULL)
    return self->window;
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The cover as it should look for the store's passphrase state. */
static void
update_cover (HwLockScreen *self)
{
  gboolean has = hw_lock_has_passphrase (self->store);

  g_assert (HW_IS_LOCK_SCREEN (self));

  gtk_widget_set_visible (self->entry, has);
  if (has)
    adw_status_page_set_description (self->status_page,
                                     _("The family's information is hidden. Type the Homeward passphrase to go on."));
  else
    adw_status_page_set_description (self->status_page,
                                     _("The family's information is hidden. No passphrase is set, so anyone can unlock. "
                                       "Set one in Preferences, in the main menu."));
}

static void
show_message (HwLockScreen *self,
              const char   *text)
{
  g_assert (HW_IS_LOCK_SCREEN (self));

  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static void
focus_cover (HwLockScreen *self)
{
  g_assert (HW_IS_LOCK_SCREEN (self));

  if (gtk_widget_get_visible (self->entry))
    gtk_widget_grab_focus (self->entry);
  else
    gtk_widget_grab_focus (self->unlock_button);
}

static void
set_actions_enabled (HwLockScreen *self,
                     gboolean      enabled)
{
  GtkWindow *window = get_window (self);
  GAction *action;

  g_assert (HW_IS_LOCK_SCREEN (self));

  if (window == NULL || !G_IS_ACTION_MAP (window))
    return;
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "preferences");
  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "database-choice");
  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
hw_lock_screen_lock (HwLockScreen *self)
{
  GtkWindow *window;
  GtkWidget *child;

  g_return_if_fail (HW_IS_LOCK_SCREEN (self));

  if (self->locked)
    return;
  self->locked = TRUE;
  window = get_window (self);

  /* Dialogs of this window (edit forms, message dialogs) show case data
   * too: hide them, and give them back on unlock as they were. */
  if (window != NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

          if (other != window && gtk_window_get_transient_for (other) == window &&
              gtk_widget_get_visible (GTK_WIDGET (other)))
            g_ptr_array_add (self->hidden_windows, g_object_ref (other));
        }
      for (guint i = 0; i < self->hidden_windows->len; i++)
        gtk_widget_set_visible (g_ptr_array_index (self->hidden_windows, i), FALSE);

      g_free (self->saved_title);
      self->saved_title = g_strdup (gtk_window_get_title (window));
      gtk_window_set_title (window, _("Homeward"));
    }

  child = self->child;
  if (child != NULL)
    gtk_widget_set_visible (child, FALSE);
  gtk_widget_set_visible (self->cover, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  show_message (self, NULL);
  update_cover (self);
  set_actions_enabled (self, FALSE);
  focus_cover (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static void
do_unlock (HwLockScreen *self)
{
  GtkWindow *window = get_window (self);
  GtkWidget *child = self->child;

  g_assert (HW_IS_LOCK_SCREEN (self));

  self->locked = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  show_message (self, NULL);

  gtk_widget_set_visible (self->cover, FALSE);
  if (child != NULL)
    gtk_widget_set_visible (child, TRUE);
  if (window != NULL && self->saved_title != NULL)
    gtk_window_set_title (window, self->saved_title);
  g_clear_pointer (&self->saved_title, g_free);
  set_actions_enabled (self, TRUE);

  for (guint i = 0; i < self->hidden_windows->len; i++)
    gtk_window_present (g_ptr_array_index (self->hidden_windows, i));
  g_ptr_array_set_size (self->hidden_windows, 0);

  if (child != NULL && window != NULL && gtk_window_get_focus (window) == NULL)
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

gboolean
hw_lock_screen_unlock (HwLockScreen *self,
                       const char   *passphrase)
{
  g_return_val_if_fail (HW_IS_LOCK_SCREEN (self), FALSE);

  if (!self->locked)
    return TRUE;
  if (hw_lock_has_passphrase (self->store) && !hw_lock_verify (self->store, passphrase))
    {
      /* the same words for an empty and a wrong attempt: nothing to learn */
      show_message (self, _("That passphrase is not right. Try again."));
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      focus_cover (self);
      return FALSE;
    }
  do_unlock (self);
  return TRUE;
}

static void
unlock_cb (HwLockScreen *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  g_assert (HW_IS_LOCK_SCREEN (self));

  hw_lock_screen_unlock (self, text);
  /* do not leave a copy of the passphrase in freed memory */
  if (text != NULL)
    explicit_bzero (text, strlen (text));
}

/* Capture phase on the window: while locked, keys go to the cover only. */
static gboolean
window_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               HwLockScreen          *self)
{
  GtkWindow *window = get_window (self);
  GtkWidget *focus;

  g_assert (HW_IS_LOCK_SCREEN (self));

  if (!self->locked || window == NULL)
    return GDK_EVENT_PROPAGATE;
  focus = gtk_window_get_focus (window);
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->cover))
    return GDK_EVENT_PROPAGATE;
  focus_cover (self);
  return GDK_EVENT_STOP;
}

/* Bubble phase on the cover: a shortcut that the entry did not use stops
 * here, before the window's own key bindings. Tab, arrows, Enter and
 * typing go on. */
static gboolean
cover_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              HwLockScreen          *self)
{
  g_assert (HW_IS_LOCK_SCREEN (self));

  if (!self->locked)
    return GDK_EVENT_PROPAGATE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return GDK_EVENT_STOP;
  if ((keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35) || keyval == GDK_KEY_Menu)
    return GDK_EVENT_STOP;
  return GDK_EVENT_PROPAGATE;
}

/* Code that sets the title while locked (e.g. the family list was read
 * again) must not show the family's name: keep it for unlock instead. */
static void
window_title_cb (HwLockScreen *self,
                 GParamSpec   *pspec,
                 GtkWindow    *window)
{
  const char *title = gtk_window_get_title (window);
  const char *locked_title = _("Homeward");

  g_assert (HW_IS_LOCK_SCREEN (self));

  if (!self->locked || g_strcmp0 (title, locked_title) == 0)
    return;
  g_free (self->saved_title);
  self->saved_title = g_strdup (title);
  gtk_window_set_title (window, locked_title);
}

static void
lock_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  hw_lock_screen_lock (HW_LOCK_SCREEN (user_data));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HwLockScreen *self = HW_LOCK_SCREEN (user_data);
  GtkWindow *preferences;

  if (self->locked)
    return;
  preferences = GTK_WINDOW (hw_preferences_window_new (self->store, self->settings));
  gtk_window_set_transient_for (preferences, get_window (self));
  gtk_window_present (preferences);
}

/* the welcome page's "Use Your Agency's Server…": Preferences at the
 * group "Where Families Are Kept" */
static void
database_choice_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  HwLockScreen *self = HW_LOCK_SCREEN (user_data);
  HwPreferencesWindow *preferences;

  if (self->locked)
    return;
  preferences = hw_preferences_window_new (self->store, self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), get_window (self));
  hw_preferences_window_show_database_choice (preferences);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
idle_cb (HwLockScreen *self)
{
  g_assert (HW_IS_LOCK_SCREEN (self));

  hw_lock_screen_lock (self);
}

HwLockScreen *
hw_lock_screen_install (AdwApplicationWindow *window,
                        HwStore              *store)
{
  g_autoptr(GtkWidget) content = NULL;
  g_autoptr(GSimpleAction) lock_action = NULL;
  g_autoptr(GSimpleAction) preferences_action = NULL;
  g_autoptr(GSimpleAction) database_choice_action = NULL;
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkEventController *controller;
  GtkShortcutController *shortcuts;
  HwLockScreen *self;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  self = hw_lock_screen_new (store);
  g_set_weak_pointer (&self->window, GTK_WINDOW (window));

  content = adw_application_window_get_content (window);
  if (content != NULL)
    {
      g_object_ref (content);
      adw_application_window_set_content (window, NULL);
      hw_lock_screen_set_child (self, content);
    }
  adw_application_window_set_content (window, GTK_WIDGET (self));

  /* The settings are optional, as in HwApplication: without the compiled
   * schema the window never locks by itself. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "lock-after-minutes"))
    self->settings = g_settings_new (APP_ID);
  self->idle_monitor = hw_idle_monitor_new (GTK_WINDOW (window), self->settings);
  g_signal_connect_object (self->idle_monitor, "idle", G_CALLBACK (idle_cb), self, G_CONNECT_SWAPPED);

  lock_action = g_simple_action_new ("lock", NULL);
  g_signal_connect_object (lock_action, "activate", G_CALLBACK (lock_action_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (lock_action));
  preferences_action = g_simple_action_new ("preferences", NULL);
  g_signal_connect_object (preferences_action, "activate", G_CALLBACK (preferences_action_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (preferences_action));
  database_choice_action = g_simple_action_new ("database-choice", NULL);
  g_signal_connect_object (database_choice_action, "activate", G_CALLBACK (database_choice_action_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (database_choice_action));

  /* Keys that also work without an application (tests). */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.lock")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_comma, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.preferences")));
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (shortcuts));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (window_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  g_signal_connect_object (window, "notify::title", G_CALLBACK (window_title_cb), self, G_CONNECT_SWAPPED);

  if (hw_lock_has_passphrase (store))
    hw_lock_screen_lock (self);
  return self;
}

/* GObject --------------------------------------------------------------- */

static void
hw_lock_screen_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HwLockScreen *self = HW_LOCK_SCREEN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_lock_screen_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HwLockScreen *self = HW_LOCK_SCREEN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_lock_screen_dispose (GObject *object)
{
  HwLockScreen *self = HW_LOCK_SCREEN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_LOCK_SCREEN);
  g_clear_object (&self->idle_monitor);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->window);
  if (self->hidden_windows != NULL)
    g_ptr_array_set_size (self->hidden_windows, 0);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_lock_screen_parent_class)->dispose (object);
}

static void
hw_lock_screen_finalize (GObject *object)
{
  HwLockScreen *self = HW_LOCK_SCREEN (object);

  g_free (self->saved_title);
  g_ptr_array_unref (self->hidden_windows);

  G_OBJECT_CLASS (hw_lock_screen_parent_class)->finalize (object);
}

static void
hw_lock_screen_class_init (HwLockScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_lock_screen_get_property;
  object_class->set_property = hw_lock_screen_set_property;
  object_class->dispose = hw_lock_screen_dispose;
  object_class->finalize = hw_lock_screen_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/lock/hw-lock-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, HwLockScreen, cover);
  gtk_widget_class_bind_template_child (widget_class, HwLockScreen, status_page);
  gtk_widget_class_bind_template_child (widget_class, HwLockScreen, entry);
  gtk_widget_class_bind_template_child (widget_class, HwLockScreen, message);
  gtk_widget_class_bind_template_child (widget_class, HwLockScreen, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, unlock_cb);
  gtk_widget_class_bind_template_callback (widget_class, cover_key_cb);
}

static void
hw_lock_screen_init (HwLockScreen *self)
{
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}
