/* hw-application.c: opens the store, owns the app-wide actions.
 *
 * The store is opened in handle_local_options, before the application
 * registers, so that a database that cannot be opened ends the program
 * with a non-zero status and a message on stderr (and, when there is a
 * display, a window that says what happened) instead of a half-working
 * window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-application"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hw-application.h"
#include "hw-backup.h"
#include "hw-database-choice.h"
#include "hw-signin-window.h"
#include "hw-window.h"

struct _HwApplication
{
  AdwApplication  parent_instance;

  HwStore        *store;
  GSettings      *settings;
  char           *database_path;
  guint           refresh_id;

  /* the day's backup, made in a worker thread after the window shows */
  guint           backup_idle_id;
  GCancellable   *backup_cancellable;
  gboolean        backup_running;
};

G_DEFINE_FINAL_TYPE (HwApplication, hw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database in FILE, or on the server at a postgresql:// address, instead of the one "
       "chosen in Preferences"), N_("FILE|postgresql://…") },
  { NULL }
};

HwApplication *
hw_application_new (void)
{
  return g_object_new (HW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/app/homeward/Homeward",
                       NULL);
}

HwStore *
hw_application_get_store (HwApplication *self)
{
  g_return_val_if_fail (HW_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
hw_application_get_settings (HwApplication *self)
{
  g_return_val_if_fail (HW_IS_APPLICATION (self), NULL);
  return self->settings;
}

static AdwColorScheme
color_scheme_from_nick (const char *nick)
{
  if (g_strcmp0 (nick, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (nick, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  /* "follow": light unless the system prefers dark */
  return ADW_COLOR_SCHEME_PREFER_LIGHT;
}

static void
color_scheme_changed_cb (GSettings     *settings,
                         const char    *key,
                         HwApplication *self)
{
  g_autofree char *nick = g_settings_get_string (settings, "color-scheme");

  g_assert (HW_IS_APPLICATION (self));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      color_scheme_from_nick (nick));
}

/* Without the settings schema the style choice still works for this run. */
static void
color_scheme_action_cb (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  g_simple_action_set_state (action, value);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      color_scheme_from_nick (g_variant_get_string (value, NULL)));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HwApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  g_assert (HW_IS_APPLICATION (self));

  /* Closing the windows lets each one remember its size first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
  g_application_quit (G_APPLICATION (self));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HwApplication *self = user_data;
  static const char *developers[] = { "The Homeward contributors", NULL };
  GtkWindow *about;

  g_assert (HW_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Homeward"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan with a family how their children can come home safely: "
                                      "family team meetings, the family's support network, the service plan, "
                                      "family time and the written plans."),
                        "developer-name", _("The Homeward contributors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
shortcuts_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  HwApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  g_assert (HW_IS_APPLICATION (self));

  builder = gtk_builder_new_from_resource ("/app/homeward/Homeward/window/help-overlay.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (window);
}

static gboolean
refresh_cb (gpointer user_data)
{
  HwApplication *self = user_data;

  g_assert (HW_IS_APPLICATION (self));

  if (self->store != NULL)
    hw_store_refresh (self->store);
  return G_SOURCE_CONTINUE;
}

static void
hw_application_startup (GApplication *application)
{
  HwApplication *self = HW_APPLICATION (application);
  static const GActionEntry entries[] = {
    { "quit", quit_action_cb },
    { "about", about_action_cb },
    { "shortcuts", shortcuts_action_cb },
  };
  /* Window actions (undo, redo, add person) have their keys bound by the
   * window class itself, so that they also work without an application. */
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
  };
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (hw_application_parent_class)->startup (application);

  /* The command line or a second window may change the same database:
   * show their changes here within a second. */
  self->refresh_id = g_timeout_add_seconds (1, refresh_cb, self);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  /* The settings are optional so that a build that is run from its folder
   * without the compiled schema still works. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "color-scheme"))
    {
      g_autoptr(GAction) action = NULL;

      self->settings = g_settings_new (APP_ID);
      action = g_settings_create_action (self->settings, "color-scheme");
      g_action_map_add_action (G_ACTION_MAP (self), action);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (color_scheme_changed_cb), self, 0);
      color_scheme_changed_cb (self->settings, "color-scheme", self);
    }
  else
    {
      g_autoptr(GSimpleAction) action = NULL;

      if (schema != NULL)
        self->settings = g_settings_new (APP_ID);
      action = g_simple_action_new_stateful ("color-scheme", G_VARIANT_TYPE_STRING,
                                             g_variant_new_string ("follow"));
      g_signal_connect (action, "change-state", G_CALLBACK (color_scheme_action_cb), NULL);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          ADW_COLOR_SCHEME_PREFER_LIGHT);
    }
}

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  HwApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = hw_backup_daily_finish (HW_STORE (source), result, &error);

  g_assert (HW_IS_APPLICATION (self));

  self->backup_running = FALSE;
  if (error != NULL && !g_error_matches (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_CANCELLED))
    g_warning ("The day's backup was not made: %s", error->message);
  else if (path != NULL)
    g_debug ("The day's backup is %s", path);
  g_application_release (G_APPLICATION (self));
}

/* After the window is on the screen, and in a thread: a slow disk never
 * holds up the start. */
static gboolean
daily_backup_idle_cb (gpointer user_data)
{
  HwApplication *self = user_data;

  g_assert (HW_IS_APPLICATION (self));

  self->backup_idle_id = 0;
  self->backup_running = TRUE;
  self->backup_cancellable = g_cancellable_new ();
  /* released when the backup is done */
  g_application_hold (G_APPLICATION (self));
  hw_backup_daily_async (self->store, self->backup_cancellable, daily_backup_done_cb, self);
  return G_SOURCE_REMOVE;
}

static void
hw_application_activate (GApplication *application)
{
  HwApplication *self = HW_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (hw_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);

  if (self->store != NULL && self->backup_cancellable == NULL && self->backup_idle_id == 0)
    self->backup_idle_id = g_timeout_add_full (G_PRIORITY_LOW, 500, daily_backup_idle_cb, self, NULL);
}

/* The backup made when the app closes: after every window is gone, so
 * that it holds the last edit. */
static void
hw_application_shutdown (GApplication *application)
{
  HwApplication *self = HW_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_clear_handle_id (&self->backup_idle_id, g_source_remove);
  /* the day's backup, if it is still being made, gives way to this one */
  if (self->backup_running)
    {
      g_cancellable_cancel (self->backup_cancellable);
      while (self->backup_running)
        g_main_context_iteration (NULL, TRUE);
    }

  if (self->store != NULL && !hw_store_in_edit (self->store))
    {
      path = hw_backup_on_close (self->store, &error);
      if (path == NULL)
        g_warning ("The backup on closing was not made: %s", error->message);
    }

  G_APPLICATION_CLASS (hw_application_parent_class)->shutdown (application);
}

static void
use_this_computer_clicked_cb (GtkButton *button,
                              gboolean  *use_this_computer)
{
  *use_this_computer = TRUE;
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))));
}

/* Shown when the database cannot be opened and there is a display: the
 * same words as on stderr, in a window that can be read and closed.
 * @from_settings: the database is the one chosen in Preferences, which
 * cannot be reached from here when it cannot be opened: a button offers
 * this computer's own file for this time (the choice stays as it is).
 * Returns: TRUE if that button was pressed. */
static gboolean
show_open_error (GError   *error,
                 gboolean  from_settings)
{
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *description = NULL;
  GtkWidget *window, *box, *header, *page;
  gboolean use_this_computer = FALSE;

  if (!gtk_init_check ())
    return FALSE;
  adw_init ();

  if (from_settings)
    description = g_markup_printf_escaped (_("%s\n\nThis is the place chosen in Preferences to keep the families. "
                                             "Homeward tries it again the next time it starts. To work now, open the "
                                             "file on this computer instead: families added there are not on the server."),
                                           error->message);
  else
    /* the store's message already says that the file was left as it is */
    description = g_markup_printf_escaped (_("%s\n\nChoose another file with <tt>--database FILE</tt>, "
                                             "or restore it from a backup."),
                                           error->message);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Homeward"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, from_settings ? 640 : 520);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The database could not be opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_set_vexpand (page, TRUE);
  if (from_settings)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new_with_mnemonic (_("_Open the File on This Computer"));

      /* named by its label alone: GTK 4.8 reads a button's "label" twice,
       * and its mnemonic's underscore */
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect (button, "clicked", G_CALLBACK (use_this_computer_clicked_cb), &use_this_computer);
      adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
    }
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);
  return use_this_computer;
}

static int
hw_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  HwApplication *self = HW_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *path = NULL;
  g_autofree char *asks = NULL;
  gboolean retried = FALSE;
  gboolean from_settings = FALSE;
  const char *real_name;

  if (g_variant_dict_lookup (options, "database", "^ay", &given))
    {
      /* Another database is another app: do not hand the request over to
       * an instance that has the default database open. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  /* --database, else the place chosen in Preferences (the key
   * "database"), else this computer's own file */
  path = hw_database_choice_resolve (given, &from_settings, &error);
  if (path != NULL)
    self->store = hw_store_open (path, &error);
  /* the agency's server asks for the person's password: asked in a
   * window, as many times as it is refused, until they cancel */
  while (self->store == NULL &&
         g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_NEEDS_PASSWORD))
    {
      char *password;

      if (asks == NULL)
        asks = g_strdup (error->message);
      password = hw_signin_window_ask (asks, retried ? error->message : NULL);
      if (password == NULL)
        {
          /* cancelled (or no display): said on the terminal only */
          g_printerr (_("Homeward cannot open the database: %s\n"), error->message);
          return 1;
        }
      retried = TRUE;
      hw_store_set_server_password (password);
      memset (password, 0, strlen (password));
      g_free (password);
      g_clear_error (&error);
      self->store = hw_store_open (path, &error);
    }
  if (self->store == NULL)
    {
      g_printerr (_("Homeward cannot open the database: %s\n"), error->message);
      if (!show_open_error (error, path == NULL || from_settings))
        return 1;
      /* this time only: the choice in Preferences stays */
      g_clear_error (&error);
      g_free (path);
      path = hw_store_default_path ();
      self->store = hw_store_open (path, &error);
      if (self->store == NULL)
        {
          g_printerr (_("Homeward cannot open the database: %s\n"), error->message);
          show_open_error (error, FALSE);
          return 1;
        }
    }
  self->database_path = g_strdup (path);

  real_name = g_get_real_name ();
  if (real_name == NULL || *real_name == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();
  /* on a server the role signed in (the store's default) names who
   * edits, in the audit trail and for undo */
  if (!hw_store_is_server (self->store))
    hw_store_set_author (self->store, real_name);

  /* Nothing is added to the database here: with no family, the window
   * shows a welcome page that offers the sample family or a first real
   * one (hw-window.c). */

  return G_APPLICATION_CLASS (hw_application_parent_class)->handle_local_options (application, options);
}

static void
hw_application_dispose (GObject *object)
{
  HwApplication *self = HW_APPLICATION (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->backup_idle_id, g_source_remove);
  g_clear_object (&self->backup_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_application_parent_class)->dispose (object);
}

static void
hw_application_finalize (GObject *object)
{
  HwApplication *self = HW_APPLICATION (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (hw_application_parent_class)->finalize (object);
}

static void
hw_application_class_init (HwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hw_application_dispose;
  object_class->finalize = hw_application_finalize;

  app_class->startup = hw_application_startup;
  app_class->activate = hw_application_activate;
  app_class->shutdown = hw_application_shutdown;
  app_class->handle_local_options = hw_application_handle_local_options;
}

static void
hw_application_init (HwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Family team meetings and plans for children to come home safely."));
}
