/* hw-signin-window.c: Sign In to Your Agency's Server.
 *
 * On an agency's server each person signs in as their own role. When the
 * address holds no password and ~/.pgpass gives none, the server asks
 * for it (HW_STORE_ERROR_NEEDS_PASSWORD): this window asks the person,
 * before anything else of the application exists (the store is opened
 * in handle-local-options), so it runs a main loop of its own, as the
 * window that says a database cannot be opened does. The password goes
 * to hw_store_set_server_password(): in memory only, never in a file or
 * in the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-signin-window"

#include <string.h>
#include <glib/gi18n.h>

#include "hw-signin-window.h"

struct _HwSigninWindow
{
  AdwWindow         parent_instance;

  char             *password;

  /* template widgets */
  AdwStatusPage    *status_page;
  GtkPasswordEntry *password_entry;
  GtkLabel         *problem_label;
  GtkButton        *signin_button;
};

G_DEFINE_FINAL_TYPE (HwSigninWindow, hw_signin_window, ADW_TYPE_WINDOW)

static void
forget (char **password)
{
  if (*password != NULL)
    memset (*password, 0, strlen (*password));
  g_clear_pointer (password, g_free);
}

static void
update_button (HwSigninWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self->signin_button), text != NULL && *text != '\0');
}

static void
sign_in (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  HwSigninWindow *self = HW_SIGNIN_WINDOW (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (text == NULL || *text == '\0')
    return;
  forget (&self->password);
  self->password = g_strdup (text);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_window_close (GTK_WINDOW (self));
}

static void
hw_signin_window_finalize (GObject *object)
{
  HwSigninWindow *self = HW_SIGNIN_WINDOW (object);

  forget (&self->password);

  G_OBJECT_CLASS (hw_signin_window_parent_class)->finalize (object);
}

static void
hw_signin_window_class_init (HwSigninWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hw_signin_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/window/hw-signin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HwSigninWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, HwSigninWindow, password_entry);
  gtk_widget_class_bind_template_child (widget_class, HwSigninWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HwSigninWindow, signin_button);
  gtk_widget_class_bind_template_callback (widget_class, update_button);

  gtk_widget_class_install_action (widget_class, "signin.sign-in", NULL, sign_in);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_signin_window_init (HwSigninWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_button (self);
}

HwSigninWindow *
hw_signin_window_new (const char *asks,
                      const char *problem)
{
  HwSigninWindow *self = g_object_new (HW_TYPE_SIGNIN_WINDOW, NULL);
  g_autofree char *description = NULL;

  /* the description is markup; the server's address may hold "&" */
  description = g_markup_printf_escaped ("%s\n%s", asks ? asks : "",
                                         _("Type the password you sign in to your agency’s server with. "
                                           "Homeward keeps it only until it closes."));
  adw_status_page_set_description (self->status_page, description);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL && *problem != '\0');
  return self;
}

const char *
hw_signin_window_get_password (HwSigninWindow *self)
{
  g_return_val_if_fail (HW_IS_SIGNIN_WINDOW (self), NULL);
  return self->password;
}

static gboolean
close_request_cb (GtkWindow *window,
                  GMainLoop *loop)
{
  g_main_loop_quit (loop);
  return FALSE;   /* and the window goes */
}

char *
hw_signin_window_ask (const char *asks,
                      const char *problem)
{
  g_autoptr(GMainLoop) loop = NULL;
  HwSigninWindow *self;
  char *password;

  if (!gtk_init_check ())
    return NULL;
  adw_init ();

  self = hw_signin_window_new (asks, problem);
  g_object_ref_sink (self);
  loop = g_main_loop_new (NULL, FALSE);
  /* not "destroy": that comes with the last reference, and this
   * function holds one until it has taken the password */
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), loop);
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  g_main_loop_run (loop);

  password = g_steal_pointer (&self->password);
  g_object_unref (self);
  return password;
}
