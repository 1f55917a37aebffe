/* hw-save-file.c: choosing where to save a document, and saying it was saved
 *
 * Every "Save as…" of the window goes through here so that they behave
 * alike: the chooser starts in the person's Documents folder (not in the
 * program's working folder, which is usually the database's folder) with
 * a name that says what the file is, and a saved file is confirmed with a
 * toast whose button opens its folder. The caller writes the file and
 * closes its own dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-save-file"

#include <glib/gi18n.h>

#include "hw-save-file.h"
#include "hw-toast.h"

/**
 * hw_save_file_default_folder:
 *
 * Returns: (transfer full): the Documents folder, or the home folder when
 *   there is none
 */
GFile *
hw_save_file_default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GTask           *task)
{
  g_autoptr(GTask) owned = task;
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    g_task_return_new_error (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Not saved"));
  else
    g_task_return_pointer (owned, file, g_object_unref);
}

/**
 * hw_save_file_choose:
 * @parent: the window the chooser belongs to
 * @title: the chooser's title ("Save the Plan as PDF")
 * @file_name: the suggested name, with its extension
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; use hw_save_file_choose_finish()
 * @user_data: for @callback
 *
 * Asks where to save, starting in the Documents folder.
 */
void
hw_save_file_choose (GtkWindow           *parent,
                     const char          *title,
                     const char          *file_name,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GFile) folder = hw_save_file_default_folder ();
  GtkFileChooserNative *chooser;
  GTask *task;

  g_return_if_fail (title != NULL);
  g_return_if_fail (file_name != NULL);

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, hw_save_file_choose);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * hw_save_file_choose_finish:
 * @result: the result passed to the callback
 * @error: set to %G_IO_ERROR_CANCELLED when the person cancelled
 *
 * Returns: (transfer full) (nullable): the file to write
 */
GFile *
hw_save_file_choose_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hw_save_file_choose, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
unref_file (gpointer  data,
            GClosure *closure)
{
  g_object_unref (data);
}

static void
open_folder_cb (AdwToast *toast,
                GFile    *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder != NULL ? folder : file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_message ("Could not open %s: %s", uri, error->message);
}

/**
 * hw_save_file_show_saved:
 * @widget: a widget inside the window that stays open (not the closing
 *   dialog)
 * @file: the file just written
 *
 * Confirms the save with a toast naming the file and its folder, with a
 * button that opens the folder.
 */
void
hw_save_file_show_saved (GtkWidget *widget,
                         GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *folder_name = NULL;
  g_autoptr(GFile) folder = NULL;
  AdwToast *toast;

  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  folder = g_file_get_parent (file);
  folder_name = folder != NULL ? g_file_get_basename (folder) : g_strdup ("/");
  /* TRANSLATORS: "Saved “plan.pdf” in Documents" */
  toast = adw_toast_new_format (_("Saved “%s” in %s"), name, folder_name);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                         g_object_ref (file), unref_file, 0);
  hw_toast_show (widget, toast);
}
