/* test-meeting-invite.c: Invite in the meeting editor (issue 16): the
 * window lists everyone who may join with their own QR code (the size
 * libqrencode gives for their short link), the short link leads once to
 * the person's page (fetched here with libsoup), Remove Link stops the
 * link at once and New Link makes another, Show on the Room's Screen puts
 * the code on the room's screen until it is used, and the server stops
 * (its port closed) on Stop Inviting, when another meeting is opened and
 * when the editor goes away. With zbarimg installed, the codes drawn on
 * the window and on the room's screen are read back as the short link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <libsoup/soup.h>
#include <qrencode.h>
#include <string.h>

#include "hw-join-server.h"
#include "hw-meeting.h"
#include "hw-join-tls.h"
#include "hw-meeting-invite-dialog.h"
#include "hw-meeting-later.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-view.h"
#include "hw-preferences-window.h"
#include "hw-presentation-window.h"
#include "hw-test-meeting-view.h"
#include "hw-test-png.h"
#include "hw-test-store.h"

typedef struct {
  guint  status;
  char  *location;
} Reply;

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* The page is served over HTTPS with the certificate made for this
 * computer (hw-join-tls.h): the client trusts that one only. */
static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *peer,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  g_autofree char *dir = hw_join_tls_default_dir ();
  g_autofree char *path = g_build_filename (dir, "join-certificate.pem", NULL);
  g_autoptr(GTlsCertificate) made = g_tls_certificate_new_from_file (path, NULL);

  return made != NULL && g_tls_certificate_is_same (peer, made);
}

/* GET @url without following a redirect: the status, and the Location. */
static guint
fetch (const char  *url,
       char       **location)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  GBytes *bytes = NULL;

  g_assert_nonnull (msg);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  g_assert_true (g_str_has_prefix (url, "https://"));
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), NULL);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, read_done_cb, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_bytes_unref (bytes);
  if (location != NULL)
    *location = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                        "Location"));
  return soup_message_get_status (msg);
}

/* TRUE if something listens at @url's host and port. */
static gboolean
port_open (const char *host,
           guint       port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GError) error = NULL;

  conn = g_socket_client_connect_to_host (client, host, port, NULL, &error);
  return conn != NULL;
}

static HwMeetingInviteDialog *
invite (Fixture *f)
{
  GtkWindow *dialog;

  g_assert_null (hw_meeting_view_get_invite_dialog (HW_MEETING_VIEW (f->view)));
  g_assert_true (gtk_widget_activate_action (f->view, "meeting.invite", NULL));
  spin ();
  dialog = hw_meeting_view_get_invite_dialog (HW_MEETING_VIEW (f->view));
  g_assert_true (HW_IS_MEETING_INVITE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_true (hw_join_server_is_running (
    hw_meeting_invite_dialog_get_server (HW_MEETING_INVITE_DIALOG (dialog))));
  return HW_MEETING_INVITE_DIALOG (dialog);
}

static void
activate (HwMeetingInviteDialog *dialog,
          const char            *action,
          gint64                 person_id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, "x", person_id));
  spin ();
}

/* The width of @text's QR code in modules with its quiet zone, as
 * libqrencode makes it. */
static int
qr_modules (const char *text)
{
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  int width;

  g_assert_nonnull (code);
  width = code->width + 8;
  QRcode_free (code);
  return width;
}

static gint64
person_named (Fixture    *f,
              const char *name)
{
  return hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE case_id = ? AND name = ?",
                             G_TYPE_INT64, f->case_id, G_TYPE_STRING, name, G_TYPE_INVALID);
}

static void
test_invite (Fixture       *f,
             gconstpointer  data)
{
  HwMeetingInviteDialog *dialog = invite (f);
  HwJoinServer *server = hw_meeting_invite_dialog_get_server (dialog);
  g_autoptr(GArray) people = hw_meeting_invite_dialog_get_people (dialog);
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  gint64 elena = person_named (f, "Elena Morales");
  gint64 rosa = person_named (f, "Rosa Morales");
  g_autofree char *location = NULL;
  g_autofree char *elena_link = NULL;
  HwPresentationWindow *screen;
  guint listed = 0;

  /* everyone taking part is listed, unless they may not have a link */
  attendees = hw_store_select (f->store, "meeting_attendees", &error,
                               "SELECT person_id FROM meeting_attendees WHERE meeting_id = ?"
                               " AND attendance IN ('present','remote')",
                               G_TYPE_INT64, f->meeting, G_TYPE_INVALID);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, >, 2);
  for (guint i = 0; i < attendees->len; i++)
    {
      gint64 id = hw_record_get_int (g_ptr_array_index (attendees, i), "person_id");
      gboolean found = FALSE;

      for (guint j = 0; j < people->len; j++)
        found |= g_array_index (people, gint64, j) == id;
      if (found)
        listed++;
      else
        {
          g_autofree char *url = hw_join_server_invite (server, id, &error);

          g_assert_null (url);
          g_assert_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_ATTENDEE);
          g_clear_error (&error);
        }
    }
  g_assert_cmpuint (listed, ==, people->len);

  /* each with their own QR code of their own short link, on the window */
  for (guint j = 0; j < people->len; j++)
    {
      gint64 id = g_array_index (people, gint64, j);
      const char *short_url = hw_meeting_invite_dialog_get_short_link (dialog, id);
      g_autofree char *qr_name = g_strdup_printf ("invite-qr-%" G_GINT64_FORMAT, id);
      g_autofree char *short_name = g_strdup_printf ("invite-short-%" G_GINT64_FORMAT, id);
      GtkWidget *qr = hw_meeting_find_named (GTK_WIDGET (dialog), qr_name);
      GtkWidget *label = hw_meeting_find_named (GTK_WIDGET (dialog), short_name);
      GdkPaintable *paintable;
      int modules, width;

      g_assert_nonnull (short_url);
      g_assert_true (g_str_has_prefix (short_url, hw_join_server_get_base_url (server)));
      g_assert_cmpuint (strlen (strrchr (short_url, '/') + 1), ==, 8);
      g_assert_true (GTK_IS_PICTURE (qr));
      g_assert_true (gtk_widget_get_visible (qr));
      paintable = gtk_picture_get_paintable (GTK_PICTURE (qr));
      g_assert_nonnull (paintable);
      modules = qr_modules (short_url);
      width = gdk_paintable_get_intrinsic_width (paintable);
      g_assert_cmpint (width, ==, gdk_paintable_get_intrinsic_height (paintable));
      g_assert_cmpint (width % modules, ==, 0);
      /* three pixels a module at least: a phone reads it off the laptop */
      g_assert_cmpint (width / modules, >=, 3);
      g_assert_cmpint (width, >=, 150);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, short_url);
      g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
    }

  /* the short link leads once to the person's own page */
  elena_link = g_strdup (hw_meeting_invite_dialog_get_link (dialog, elena));
  g_assert_nonnull (elena_link);
  {
    g_autofree char *short_url = g_strdup (hw_meeting_invite_dialog_get_short_link (dialog, elena));

    g_assert_cmpuint (fetch (short_url, &location), ==, 303);
    g_assert_cmpstr (location, ==, elena_link);
    g_assert_cmpuint (fetch (location, NULL), ==, 200);
    spin ();
    /* used: the window says so, and it works no more */
    g_assert_null (hw_meeting_invite_dialog_get_short_link (dialog, elena));
    g_assert_cmpuint (fetch (short_url, NULL), ==, 403);
  }

  /* Remove Link: at once; New Link: another one */
  activate (dialog, "invite.remove", elena);
  g_assert_null (hw_meeting_invite_dialog_get_link (dialog, elena));
  g_assert_cmpuint (fetch (elena_link, NULL), ==, 403);
  {
    g_autofree char *status_name = g_strdup_printf ("invite-status-%" G_GINT64_FORMAT, elena);
    GtkWidget *status = hw_meeting_find_named (GTK_WIDGET (dialog), status_name);

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "no longer works"));
  }
  activate (dialog, "invite.new", elena);
  g_assert_nonnull (hw_meeting_invite_dialog_get_link (dialog, elena));
  g_assert_cmpstr (hw_meeting_invite_dialog_get_link (dialog, elena), !=, elena_link);
  g_assert_cmpuint (fetch (hw_meeting_invite_dialog_get_link (dialog, elena), NULL), ==, 200);
  g_assert_cmpuint (fetch (elena_link, NULL), ==, 403);

  /* Show on the Room's Screen opens the screen with Rosa's code, Hide
   * takes it off, and once used it goes by itself */
  activate (dialog, "invite.show", rosa);
  screen = HW_PRESENTATION_WINDOW (hw_meeting_view_get_presentation (HW_MEETING_VIEW (f->view)));
  g_assert_nonnull (screen);
  g_assert_cmpstr (hw_presentation_window_get_invite (screen), ==,
                   hw_meeting_invite_dialog_get_short_link (dialog, rosa));
  activate (dialog, "invite.show", rosa);
  g_assert_null (hw_presentation_window_get_invite (screen));
  activate (dialog, "invite.show", rosa);
  g_assert_nonnull (hw_presentation_window_get_invite (screen));
  {
    g_autofree char *short_url = g_strdup (hw_meeting_invite_dialog_get_short_link (dialog, rosa));

    g_assert_cmpuint (fetch (short_url, NULL), ==, 303);
    spin ();
    g_assert_null (hw_presentation_window_get_invite (screen));
  }
  /* Remove Link takes it off too */
  activate (dialog, "invite.show", elena);
  g_assert_nonnull (hw_presentation_window_get_invite (screen));
  activate (dialog, "invite.remove", elena);
  g_assert_null (hw_presentation_window_get_invite (screen));
}

/* The server stops with Stop Inviting, another meeting, or the editor. */
static void
test_stops (Fixture       *f,
            gconstpointer  data)
{
  HwMeetingInviteDialog *dialog = invite (f);
  HwJoinServer *server = hw_meeting_invite_dialog_get_server (dialog);
  g_autofree char *host = NULL;
  guint port = hw_join_server_get_port (server);
  g_autoptr(GError) error = NULL;
  gint64 other;

  {
    g_autoptr(GUri) uri = g_uri_parse (hw_join_server_get_base_url (server), G_URI_FLAGS_NONE,
                                       NULL);

    host = g_strdup (g_uri_get_host (uri));
  }
  g_assert_true (port_open (host, port));

  /* closing the window only hides it: the links keep working */
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (hw_meeting_view_get_invite_dialog (HW_MEETING_VIEW (f->view))
                 == GTK_WINDOW (dialog));
  g_assert_true (port_open (host, port));

  /* Stop Inviting */
  g_object_add_weak_pointer (G_OBJECT (server), (gpointer *) &server);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "invite.stop", NULL));
  spin ();
  g_assert_null (hw_meeting_view_get_invite_dialog (HW_MEETING_VIEW (f->view)));
  g_assert_null (server);
  g_assert_false (port_open (host, port));

  /* another meeting opened */
  dialog = invite (f);
  server = hw_meeting_invite_dialog_get_server (dialog);
  port = hw_join_server_get_port (server);
  g_assert_true (port_open (host, port));
  other = hw_meeting_create (f->store, f->case_id, "family-team-meeting", "2030-01-01 10:00",
                             &error);
  g_assert_no_error (error);
  hw_meeting_view_open_meeting (HW_MEETING_VIEW (f->view), other);
  spin ();
  g_assert_null (hw_meeting_view_get_invite_dialog (HW_MEETING_VIEW (f->view)));
  g_assert_false (port_open (host, port));

  /* the editor goes away (another family, the window closed) */
  hw_meeting_view_open_meeting (HW_MEETING_VIEW (f->view), f->meeting);
  spin ();
  dialog = invite (f);
  server = hw_meeting_invite_dialog_get_server (dialog);
  port = hw_join_server_get_port (server);
  g_object_add_weak_pointer (G_OBJECT (server), (gpointer *) &server);
  g_assert_true (port_open (host, port));
  {
    GtkWidget *old = f->view;

    g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
    f->view = hw_meeting_view_new (f->store, f->case_id);
    gtk_window_set_child (GTK_WINDOW (f->window), f->view);
    spin ();
    g_assert_null (old);
  }
  g_assert_null (server);
  g_assert_false (port_open (host, port));
}


/* What zbarimg reads in @path, or NULL. */
static char *
zbar (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "zbarimg", "-q", "--raw", path, NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_strdup (g_strstrip (out));
}

/* A phone's reader (zbarimg) reads the codes drawn on the window and on
 * the room's screen as the short link. */
static void
test_scan (Fixture       *f,
           gconstpointer  data)
{
  HwMeetingInviteDialog *dialog;
  g_autoptr(GArray) people = NULL;
  g_autofree char *png = NULL;
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  HwPresentationWindow *screen;
  gint64 id;

  if (zbarimg == NULL)
    {
      g_test_skip ("zbarimg is not installed (apt-get install zbar-tools)");
      return;
    }
  dialog = invite (f);
  people = hw_meeting_invite_dialog_get_people (dialog);
  g_assert_cmpuint (people->len, >, 0);
  id = g_array_index (people, gint64, 0);
  png = g_build_filename (f->dir, "qr.png", NULL);

  {
    g_autofree char *qr_name = g_strdup_printf ("invite-qr-%" G_GINT64_FORMAT, id);
    GtkWidget *qr = hw_meeting_find_named (GTK_WIDGET (dialog), qr_name);
    GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (qr));
    g_autofree char *read = NULL;

    g_assert_true (gdk_texture_save_to_png (GDK_TEXTURE (paintable), png));
    read = zbar (png);
    g_assert_cmpstr (read, ==, hw_meeting_invite_dialog_get_short_link (dialog, id));
  }

  activate (dialog, "invite.show", id);
  screen = HW_PRESENTATION_WINDOW (hw_meeting_view_get_presentation (HW_MEETING_VIEW (f->view)));
  g_assert_nonnull (screen);
  {
    GtkWidget *area = gtk_window_get_child (GTK_WINDOW (screen));
    g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (area);
    g_autofree char *read = NULL;

    /* a projector's 1280x720 */
    g_assert_true (hw_test_save_png (area, paintable, 1280, 720, png));
    read = zbar (png);
    g_assert_cmpstr (read, ==, hw_meeting_invite_dialog_get_short_link (dialog, id));
  }
}

/* The agency's certificate, named in Preferences → Phones, is the one the
 * page is served with; one that cannot be used is said in the window and
 * nothing listens. */
static AdwEntryRow *
entry_row_titled (GtkWidget  *root,
                  const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ENTRY_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = entry_row_titled (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label in @root holds @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_agency_certificate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *agency = g_build_filename (f->dir, "agency", NULL);
  g_autofree char *cert_path = g_build_filename (agency, "join-certificate.pem", NULL);
  g_autofree char *key_path = g_build_filename (agency, "join-key.pem", NULL);
  g_autoptr(GTlsCertificate) made = NULL;
  g_autoptr(GError) error = NULL;
  HwPreferencesWindow *prefs;
  AdwEntryRow *cert_row, *key_row;
  HwMeetingInviteDialog *dialog;

  made = hw_join_tls_for_this_computer (agency, "127.0.0.1", &error);
  g_assert_no_error (error);

  /* typed in Preferences → Phones */
  prefs = hw_preferences_window_new (f->store, settings);
  cert_row = entry_row_titled (GTK_WIDGET (prefs), "Certificate file (PEM)");
  key_row = entry_row_titled (GTK_WIDGET (prefs), "Private key file (PEM)");
  g_assert_nonnull (cert_row);
  g_assert_nonnull (key_row);
  gtk_editable_set_text (GTK_EDITABLE (cert_row), cert_path);
  gtk_editable_set_text (GTK_EDITABLE (key_row), key_path);
  {
    g_autofree char *kept = g_settings_get_string (settings, "join-tls-certificate");

    g_assert_cmpstr (kept, ==, cert_path);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));

  dialog = invite (f);
  g_assert_true (g_tls_certificate_is_same (
    hw_join_server_get_tls_certificate (hw_meeting_invite_dialog_get_server (dialog)), made));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "invite.stop", NULL));
  spin ();

  /* a key that is not there: said, and nothing listens */
  g_settings_set_string (settings, "join-tls-key", "/nonexistent/key.pem");
  g_assert_true (gtk_widget_activate_action (f->view, "meeting.invite", NULL));
  spin ();
  dialog = HW_MEETING_INVITE_DIALOG (hw_meeting_view_get_invite_dialog (HW_MEETING_VIEW (f->view)));
  g_assert_nonnull (dialog);
  g_assert_false (hw_join_server_is_running (hw_meeting_invite_dialog_get_server (dialog)));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Phones cannot join"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "cannot be used"));

  g_settings_reset (settings, "join-tls-certificate");
  g_settings_reset (settings, "join-tls-key");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/meeting-invite/invite", test_invite);
  ADD ("/meeting-invite/stops", test_stops);
  ADD ("/meeting-invite/scan", test_scan);
  ADD ("/meeting-invite/agency-certificate", test_agency_certificate);
#undef ADD
  return g_test_run ();
}
