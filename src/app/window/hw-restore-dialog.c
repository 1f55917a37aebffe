/* hw-restore-dialog.c: Restore from Backup.
 *
 * Lists the automatic backups of the open database (when, how many
 * families), or lets one choose a file. A message dialog says what will
 * happen before anything does; the restore itself is
 * hw_backup_restore_into_store(), which saves what is there first and
 * makes the store announce every table as changed, so every view reads
 * its data again.
 *
 * The file chooser opens in the backups folder, never in the database's
 * own folder: a file dialog that reads the database file from this
 * process would drop sqlite's locks on it (issue 12).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-restore-dialog"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hw-backup.h"
#include "hw-language.h"
#include "hw-restore-dialog.h"
#include "hw-window.h"

struct _HwRestoreDialog
{
  AdwWindow             parent_instance;

  HwStore              *store;
  GtkFileChooserNative *chooser;

  /* template widgets */
  GtkListBox           *backups_list;
};

G_DEFINE_FINAL_TYPE (HwRestoreDialog, hw_restore_dialog, ADW_TYPE_WINDOW)

static char *
format_when (GDateTime *when)
{
  /* the day's and month's names in the window's language, whatever the
   * C library's locale says */
  g_autofree char *date = hw_language_format_date_time (when, HW_DATE_WEEKDAY);
  g_autofree char *time = g_date_time_format (when, "%H:%M");
  /* TRANSLATORS: a date, then a time, e.g. "Tuesday 1 December 2026 at 09:14" */
  g_autofree char *text = g_strdup_printf (_("%s at %s"), date, time);

  /* (a row's title: "Martes 1 de diciembre…") */
  return hw_language_capitalise (text);
}

static const char *
kind_label (HwBackupKind kind)
{
  switch (kind)
    {
    case HW_BACKUP_KIND_DAILY:
      return _("When Homeward started");
    case HW_BACKUP_KIND_CLOSE:
      return _("When Homeward closed");
    case HW_BACKUP_KIND_BEFORE_RESTORE:
    default:
      return _("Saved before a restore");
    }
}

static void
show_error (HwRestoreDialog *self,
            const char      *heading,
            const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  g_assert (HW_IS_RESTORE_DIALOG (self));

  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore (HwRestoreDialog *self,
         const char      *path,
         const char      *what)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_assert (HW_IS_RESTORE_DIALOG (self));

  if (!hw_backup_restore_into_store (self->store, path, NULL, &error))
    {
      show_error (self, _("The Backup Was Not Restored"), error->message);
      return;
    }

  if (HW_IS_WINDOW (parent))
    {
      AdwToast *toast = adw_toast_new_format (_("Restored the families as they were %s"), what);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      hw_window_add_toast (HW_WINDOW (parent), toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

typedef struct {
  HwRestoreDialog *self;
  char            *path;
  char            *what;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  g_object_unref (confirm->self);
  g_free (confirm->path);
  g_free (confirm->what);
  g_free (confirm);
}

static gboolean
restore_idle_cb (gpointer user_data)
{
  Confirm *confirm = user_data;

  restore (confirm->self, confirm->path, confirm->what);
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirm          *confirm)
{
  /* Once the message dialog is gone: the restore closes this dialog, which
   * must not happen while the message dialog, transient for it, is still
   * answering. */
  if (g_strcmp0 (response, "restore") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_idle_cb, confirm, (GDestroyNotify) confirm_free);
  else
    confirm_free (confirm);
}

/* @what: when the families were so ("on Tuesday ..."), or where */
static void
confirm (HwRestoreDialog *self,
         const char      *path,
         const char      *what,
         const char      *body)
{
  GtkWidget *dialog;
  Confirm *data;

  g_assert (HW_IS_RESTORE_DIALOG (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Restore This Backup?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (Confirm, 1);
  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  data->what = g_strdup (what);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A row of the list activates this with its backup: (path, when). */
static void
from_backup_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HwRestoreDialog *self = HW_RESTORE_DIALOG (widget);
  const char *path = NULL;
  const char *when = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;

  g_assert (HW_IS_RESTORE_DIALOG (self));

  g_variant_get (parameter, "(&s&s)", &path, &when);
  /* TRANSLATORS: %s is a date and time */
  what = g_strdup_printf (_("on %s"), when);
  body = g_strdup_printf (_("The families as they were on %s replace what is in Homeward now. "
                            "What is there now is saved as a backup first."), when);
  confirm (self, path, what, body);
}

static void
chooser_response_cb (HwRestoreDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  gint64 n_families = 0;

  g_assert (HW_IS_RESTORE_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* said before asking, not after */
  if (!hw_backup_check_file (path, &n_families, &error))
    {
      show_error (self, _("This File Cannot Be Restored"), error->message);
      return;
    }
  name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  what = g_strdup_printf (_("in “%s”"), name);
  body = g_strdup_printf (ngettext ("The %d family in “%s” replaces what is in Homeward now. "
                                       "What is there now is saved as a backup first.",
                                       "The %d families in “%s” replace what is in Homeward now. "
                                       "What is there now is saved as a backup first.",
                                       n_families),
                          (int) n_families, name);
  confirm (self, path, what, body);
}

static void
choose_file_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HwRestoreDialog *self = HW_RESTORE_DIALOG (widget);
  g_autofree char *folder = hw_backup_get_folder ();
  g_autoptr(GFile) folder_file = NULL;
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Homeward backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  /* the backups folder, not the database's (see the top of this file) */
  if (g_mkdir_with_parents (folder, 0700) == 0)
    {
      folder_file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder_file, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
fill_list (HwRestoreDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = hw_backup_list (hw_store_get_path (self->store), &error);

  g_assert (HW_IS_RESTORE_DIALOG (self));

  if (list == NULL || list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     list == NULL ? error->message : _("No backups yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->backups_list, row);
      return;
    }

  for (guint i = 0; i < list->len; i++)
    {
      HwBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *when = format_when (info->made);
      g_autofree char *families = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      if (info->n_families >= 0)
        families = g_strdup_printf (ngettext ("%d family", "%d families", info->n_families),
                                    (int) info->n_families);
      else
        families = g_strdup (_("cannot be read"));
      /* TRANSLATORS: "3 families · When Homeward started" */
      subtitle = g_strdup_printf (_("%s · %s"), families, kind_label (info->kind));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), info->n_families >= 0);
      gtk_widget_set_sensitive (row, info->n_families >= 0);
      icon = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      /* a backup that cannot be read offers nothing to restore */
      if (info->n_families >= 0)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "restore.from-backup");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", info->path, when);
        }
      gtk_list_box_append (self->backups_list, row);
    }
}

HwRestoreDialog *
hw_restore_dialog_new (GtkWindow *parent,
                       HwStore   *store)
{
  HwRestoreDialog *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  self = g_object_new (HW_TYPE_RESTORE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_list (self);
  return self;
}

static void
hw_restore_dialog_dispose (GObject *object)
{
  HwRestoreDialog *self = HW_RESTORE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_RESTORE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_restore_dialog_parent_class)->dispose (object);
}

static void
hw_restore_dialog_class_init (HwRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_restore_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/window/hw-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwRestoreDialog, backups_list);
  gtk_widget_class_install_action (widget_class, "dialog.choose-file", NULL, choose_file_action_cb);
  gtk_widget_class_install_action (widget_class, "restore.from-backup", "(ss)", from_backup_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_restore_dialog_init (HwRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
