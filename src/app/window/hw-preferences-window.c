/* hw-preferences-window.c: lock after N minutes (GSettings), the
 * Homeward passphrase (hw-lock, kept as a salted hash in the database) and
 * how much undo history is kept (hw-history, settings in the database, so
 * that the command line follows them too).
 *
 * The passphrase fields are cleared after every attempt, so that no copy
 * stays on screen; the store is asked again each time whether a
 * passphrase is set, since the window holds no data of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-preferences-window"

#include <glib/gi18n.h>

#include "hw-history.h"
#include "hw-lock.h"
#include "hw-preferences-window.h"

struct _HwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  HwStore              *store;
  GSettings            *settings;

  /* template widgets */
  GtkWidget            *minutes_row;
  GtkAdjustment        *minutes_adjustment;
  AdwPreferencesGroup  *passphrase_group;
  GtkWidget            *current_row;
  GtkWidget            *new_row;
  GtkWidget            *confirm_row;
  GtkLabel             *message;
  GtkWidget            *remove_button;
  GtkWidget            *save_button;
  GtkAdjustment        *steps_adjustment;
  GtkAdjustment        *days_adjustment;
  GtkWidget            *tls_group;
  GtkWidget            *tls_certificate_row;
  GtkWidget            *tls_key_row;
};

G_DEFINE_FINAL_TYPE (HwPreferencesWindow, hw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_message (HwPreferencesWindow *self,
              const char          *text)
{
  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL);
}

static void
clear_fields (HwPreferencesWindow *self)
{
  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
}

static void
update_passphrase_group (HwPreferencesWindow *self)
{
  gboolean has = hw_lock_has_passphrase (self->store);
  g_autofree char *rule = g_strdup_printf (_("Use at least %d characters. A few words that you will remember are easiest."),
                                           HW_LOCK_MIN_LENGTH);
  g_autofree char *description = NULL;

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  if (has)
    description = g_strdup_printf ("%s %s",
                                   _("A passphrase is set. To change or remove it, type the current one first."),
                                   rule);
  else
    description = g_strdup_printf ("%s %s",
                                   _("No passphrase is set: anyone can unlock Homeward with a click. Set one to protect the families' information."),
                                   rule);
  adw_preferences_group_set_description (self->passphrase_group, description);
  gtk_widget_set_visible (self->current_row, has);
  gtk_widget_set_visible (self->remove_button, has);
  gtk_button_set_label (GTK_BUTTON (self->save_button), has ? _("_Change Passphrase") : _("_Save Passphrase"));
}

static void
save_clicked_cb (HwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));
  const char *new_one = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  gboolean had = hw_lock_has_passphrase (self->store);

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  /* the rules of the new one first, then whether both copies match */
  if (!hw_lock_check_new (new_one, &error))
    {
      show_message (self, error->message);
      gtk_widget_grab_focus (self->new_row);
      return;
    }
  if (g_strcmp0 (new_one, again) != 0)
    {
      show_message (self, _("The two new passphrases are not the same. Type them again."));
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
      gtk_widget_grab_focus (self->confirm_row);
      return;
    }
  if (!hw_lock_set_passphrase (self->store, had ? current : NULL, new_one, &error))
    {
      show_message (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
      gtk_widget_grab_focus (had ? self->current_row : self->new_row);
      return;
    }

  show_message (self, NULL);
  clear_fields (self);
  update_passphrase_group (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (had ? _("Passphrase changed") : _("Passphrase saved")));
}

static void
remove_clicked_cb (HwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_row));

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  if (!hw_lock_clear_passphrase (self->store, current, &error))
    {
      show_message (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->current_row), "");
      gtk_widget_grab_focus (self->current_row);
      return;
    }
  show_message (self, NULL);
  clear_fields (self);
  update_passphrase_group (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Passphrase removed: anyone can unlock Homeward")));
}

static void
history_limit_changed_cb (HwPreferencesWindow *self,
                          GtkAdjustment       *adjustment)
{
  g_autoptr(GError) error = NULL;
  guint value = (guint) gtk_adjustment_get_value (adjustment);
  gboolean ok;

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  if (self->store == NULL)
    return;
  if (adjustment == self->steps_adjustment)
    ok = hw_history_set_max_steps (self->store, value, &error);
  else
    ok = hw_history_set_max_days (self->store, value, &error);
  if (!ok)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

HwPreferencesWindow *
hw_preferences_window_new (HwStore   *store,
                           GSettings *settings)
{
  HwPreferencesWindow *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HW_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "lock-after-minutes", self->minutes_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "join-tls-certificate", self->tls_certificate_row, "text", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "join-tls-key", self->tls_key_row, "text", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_sensitive (self->minutes_row, FALSE);
      gtk_widget_set_sensitive (self->tls_group, FALSE);
    }
  update_passphrase_group (self);

  /* the values first, then follow the changes */
  gtk_adjustment_set_value (self->steps_adjustment, hw_history_get_max_steps (store));
  gtk_adjustment_set_value (self->days_adjustment, hw_history_get_max_days (store));
  g_signal_connect_object (self->steps_adjustment, "value-changed",
                           G_CALLBACK (history_limit_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->days_adjustment, "value-changed",
                           G_CALLBACK (history_limit_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
hw_preferences_window_dispose (GObject *object)
{
  HwPreferencesWindow *self = HW_PREFERENCES_WINDOW (object);

  if (self->settings != NULL && self->minutes_adjustment != NULL)
    g_settings_unbind (self->minutes_adjustment, "value");
  if (self->settings != NULL && self->tls_certificate_row != NULL)
    {
      g_settings_unbind (self->tls_certificate_row, "text");
      g_settings_unbind (self->tls_key_row, "text");
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_preferences_window_parent_class)->dispose (object);
}

static void
hw_preferences_window_class_init (HwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/window/hw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, minutes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, current_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, new_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, message);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, steps_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, days_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, tls_group);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, tls_certificate_row);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, tls_key_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
hw_preferences_window_init (HwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
