/* hw-preferences-window.c: lock after N minutes (GSettings), the
 * Homeward passphrase (hw-lock, kept as a salted hash in the database) and
 * how much undo history is kept (hw-history, settings in the database, so
 * that the command line follows them too).
 *
 * Where the families are kept (the GSettings key "database",
 * hw-database-choice.c): this computer's file or the agency's server,
 * checked before it is saved (never with a password), tried in a thread
 * with "Check", used the next time Homeward starts.
 *
 * The passphrase fields are cleared after every attempt, so that no copy
 * stays on screen; the store is asked again each time whether a
 * passphrase is set, since the window holds no data of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-preferences-window"

#include <glib/gi18n.h>

#include "hw-database-choice.h"
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
  GtkWidget            *families_page;
  GtkWidget            *database_group;
  GtkCheckButton       *this_computer_check;
  GtkCheckButton       *server_check;
  GtkWidget            *server_entry;
  GtkLabel             *database_message;
  GtkLabel             *database_in_use;
  GtkWidget            *check_button;
  GtkWidget            *save_choice_button;

  /* "Check" trying the server in a thread */
  GCancellable         *check_cancellable;
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

/* Where the families are kept */

static void
show_database_message (HwPreferencesWindow *self,
                       const char          *text,
                       gboolean             is_error)
{
  GtkWidget *label = GTK_WIDGET (self->database_message);

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  gtk_label_set_text (self->database_message, text ? text : "");
  gtk_widget_set_visible (label, text != NULL);
  if (is_error)
    {
      gtk_widget_remove_css_class (label, "success");
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "success");
    }
}

static void
update_database_sensitivity (HwPreferencesWindow *self)
{
  gboolean server = gtk_check_button_get_active (self->server_check);
  gboolean checking = self->check_cancellable != NULL;

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  gtk_widget_set_sensitive (self->server_entry, server);
  gtk_widget_set_sensitive (self->check_button, server && !checking);
}

static void
choice_toggled_cb (HwPreferencesWindow *self,
                   GtkCheckButton      *check)
{
  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  if (!gtk_check_button_get_active (check))
    return;
  show_database_message (self, NULL, FALSE);
  update_database_sensitivity (self);
}

/* the address typed, checked; a message and NULL if refused */
static char *
checked_address (HwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *checked = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_entry));

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  checked = hw_database_choice_check (text, &error);
  if (checked != NULL && *checked == '\0')
    {
      show_database_message (self, _("Type the address of your agency’s server first."), TRUE);
      gtk_widget_grab_focus (self->server_entry);
      return NULL;
    }
  /* a file's path is for the command line; here, a server's address */
  if (checked != NULL && !hw_store_is_address (checked))
    g_set_error (&error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_INVALID,
                 _("This is not the address of a server. It starts with postgresql://, for "
                   "example postgresql://db.agency.example/homeward?sslmode=verify-full."));
  if (error != NULL)
    {
      show_database_message (self, error->message, TRUE);
      gtk_widget_grab_focus (self->server_entry);
      return NULL;
    }
  return g_steal_pointer (&checked);
}

static void
try_server_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (hw_database_choice_try_server (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
try_server_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  HwPreferencesWindow *self = HW_PREFERENCES_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the window was closed meanwhile */

  g_clear_object (&self->check_cancellable);
  update_database_sensitivity (self);
  if (error == NULL)
    show_database_message (self, _("The server answered and let you sign in. Save your choice to use it "
                                   "the next time Homeward starts."), FALSE);
  else
    {
      /* libpq's words come on several indented lines: one paragraph */
      g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
      g_autofree char *words = g_regex_replace_literal (spaces, error->message, -1, 0, " ", 0, NULL);

      text = g_strdup_printf (_("The server did not answer, or did not let Homeward in. %s"),
                              words != NULL ? words : error->message);
      show_database_message (self, text, TRUE);
    }
}

static void
check_clicked_cb (HwPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *address = NULL;

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  if (self->check_cancellable != NULL || !gtk_check_button_get_active (self->server_check))
    return;
  address = checked_address (self);
  if (address == NULL)
    return;

  show_database_message (self, _("Trying the server…"), FALSE);
  self->check_cancellable = g_cancellable_new ();
  update_database_sensitivity (self);
  task = g_task_new (self, self->check_cancellable, try_server_done_cb, NULL);
  g_task_set_source_tag (task, check_clicked_cb);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_steal_pointer (&address), g_free);
  g_task_run_in_thread (task, try_server_thread);
}

static void
save_choice_clicked_cb (HwPreferencesWindow *self)
{
  g_autofree char *value = NULL;
  const char *saved_words;

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  if (self->settings == NULL)
    return;
  if (gtk_check_button_get_active (self->server_check))
    {
      value = checked_address (self);
      if (value == NULL)
        return;
      saved_words = _("Saved. Homeward uses your agency’s server the next time it starts.");
    }
  else
    {
      value = g_strdup ("");
      saved_words = _("Saved. Homeward uses the file on this computer the next time it starts.");
    }
  if (!g_settings_set_string (self->settings, HW_DATABASE_CHOICE_KEY, value))
    {
      show_database_message (self, _("The choice could not be saved."), TRUE);
      return;
    }
  show_database_message (self, saved_words, FALSE);
  if (*value != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->server_entry), value);
}

static void
setup_database_choice (HwPreferencesWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *in_use = NULL;

  g_assert (HW_IS_PREFERENCES_WINDOW (self));

  if (hw_store_is_server (self->store))
    in_use = g_strdup_printf (_("In use now: your agency’s server, %s."), hw_store_get_path (self->store));
  else
    in_use = g_strdup_printf (_("In use now: the file %s on this computer."), hw_store_get_path (self->store));
  gtk_label_set_text (self->database_in_use, in_use);

  if (self->settings != NULL)
    g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, HW_DATABASE_CHOICE_KEY))
    {
      gtk_widget_set_sensitive (self->database_group, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->database_in_use), TRUE);
      return;
    }

  saved = g_settings_get_string (self->settings, HW_DATABASE_CHOICE_KEY);
  if (hw_store_is_address (saved))
    {
      gtk_check_button_set_active (self->server_check, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->server_entry), saved);
    }
  else
    gtk_check_button_set_active (self->this_computer_check, TRUE);
  show_database_message (self, NULL, FALSE);
  update_database_sensitivity (self);
}

void
hw_preferences_window_show_database_choice (HwPreferencesWindow *self)
{
  g_return_if_fail (HW_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           ADW_PREFERENCES_PAGE (self->families_page));
  if (gtk_check_button_get_active (self->server_check))
    gtk_widget_grab_focus (GTK_WIDGET (self->server_check));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->this_computer_check));
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
  setup_database_choice (self);

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
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, families_page);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, database_group);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, this_computer_check);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, server_check);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, server_entry);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, database_message);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, database_in_use);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, HwPreferencesWindow, save_choice_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_choice_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
hw_preferences_window_init (HwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
