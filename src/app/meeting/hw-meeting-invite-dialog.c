/* hw-meeting-invite-dialog.c: Invite, in the meeting editor
 * (hw-meeting-invite-dialog.h).
 *
 * The links are secrets of one person each: they are shown here and on
 * the room's screen when the facilitator asks, copied when asked, and
 * never logged. Nothing of them is written to the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-invite-dialog"

#include <arpa/inet.h>
#include <glib/gi18n.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include "hw-join-tls.h"
#include "hw-meeting-invite-dialog.h"
#include "hw-meeting-view.h"
#include "hw-presentation-window.h"
#include "hw-qr-code.h"
#include "hw-toast.h"

/* a QR code on this window: about 200 pixels, whole pixels a module */
#define QR_PIXELS 200

typedef struct {
  gint64     person_id;
  char      *name;
  char      *url;          /* NULL once removed */
  char      *short_url;    /* NULL once removed */
  GtkWidget *qr;
  GtkWidget *short_label;
  GtkWidget *link_label;
  GtkWidget *status_label;
  GtkWidget *copy_button;
  GtkWidget *show_button;
  GtkWidget *remove_button;
  GtkWidget *new_button;
} Invitee;

struct _HwMeetingInviteDialog
{
  AdwWindow     parent_instance;

  HwStore      *store;
  gint64        meeting_id;
  GtkWidget    *editor;      /* weak */
  HwJoinServer *server;
  GPtrArray    *invitees;    /* Invitee */
  guint         check_id;

  /* template */
  GtkLabel     *network_label;
  GtkListBox   *people_list;
};

G_DEFINE_FINAL_TYPE (HwMeetingInviteDialog, hw_meeting_invite_dialog, ADW_TYPE_WINDOW)

static void
invitee_wipe (Invitee *inv)
{
  if (inv->url != NULL)
    memset (inv->url, 0, strlen (inv->url));
  if (inv->short_url != NULL)
    memset (inv->short_url, 0, strlen (inv->short_url));
  g_clear_pointer (&inv->url, g_free);
  g_clear_pointer (&inv->short_url, g_free);
}

static void
invitee_free (gpointer data)
{
  Invitee *inv = data;

  invitee_wipe (inv);
  g_free (inv->name);
  g_free (inv);
}

static Invitee *
find_invitee (HwMeetingInviteDialog *self,
              gint64                 person_id)
{
  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  for (guint i = 0; self->invitees != NULL && i < self->invitees->len; i++)
    {
      Invitee *inv = g_ptr_array_index (self->invitees, i);

      if (inv->person_id == person_id)
        return inv;
    }
  return NULL;
}

/* The address ---------------------------------------------------------------- */

/* An IPv4 address of this computer on the local network (private before
 * link-local), or NULL. */
static char *
pick_address (void)
{
  struct ifaddrs *list = NULL;
  char *private = NULL;
  char *link_local = NULL;

  if (getifaddrs (&list) != 0)
    return NULL;
  for (struct ifaddrs *i = list; i != NULL; i = i->ifa_next)
    {
      g_autoptr(GSocketAddress) sa = NULL;
      GInetAddress *inet;

      if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET
          || !(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK))
        continue;
      sa = g_socket_address_new_from_native (i->ifa_addr, sizeof (struct sockaddr_in));
      if (sa == NULL)
        continue;
      inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (sa));
      if (!hw_join_address_is_local (inet) || g_inet_address_get_is_loopback (inet))
        continue;
      if (g_inet_address_get_is_link_local (inet))
        {
          if (link_local == NULL)
            link_local = g_inet_address_to_string (inet);
        }
      else if (private == NULL)
        private = g_inet_address_to_string (inet);
    }
  freeifaddrs (list);
  if (private != NULL)
    {
      g_free (link_local);
      return private;
    }
  return link_local;
}

/* The room's screen ------------------------------------------------------------ */

static HwPresentationWindow *
get_presentation (HwMeetingInviteDialog *self,
                  gboolean               open)
{
  GtkWindow *window;

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  if (!HW_IS_MEETING_VIEW (self->editor))
    return NULL;
  window = hw_meeting_view_get_presentation (HW_MEETING_VIEW (self->editor));
  if (window == NULL && open)
    {
      gtk_widget_activate_action (self->editor, "meeting.present", NULL);
      window = hw_meeting_view_get_presentation (HW_MEETING_VIEW (self->editor));
    }
  return window != NULL ? HW_PRESENTATION_WINDOW (window) : NULL;
}

static gboolean
is_on_screen (HwMeetingInviteDialog *self,
              Invitee               *inv)
{
  HwPresentationWindow *screen = get_presentation (self, FALSE);

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  return screen != NULL && inv->short_url != NULL
         && g_strcmp0 (hw_presentation_window_get_invite (screen), inv->short_url) == 0;
}

static void
take_off_screen (HwMeetingInviteDialog *self,
                 Invitee               *inv)
{
  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  if (is_on_screen (self, inv))
    hw_presentation_window_hide_invite (get_presentation (self, FALSE));
}

/* The rows --------------------------------------------------------------------- */

static void
update_row (HwMeetingInviteDialog *self,
            Invitee               *inv)
{
  gboolean removed = inv->url == NULL;
  gboolean code_works = !removed && self->server != NULL
                        && hw_join_server_has_code (self->server, inv->person_id);
  gboolean shown = is_on_screen (self, inv);

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  gtk_widget_set_visible (inv->qr, code_works);
  gtk_widget_set_visible (inv->short_label, code_works);
  gtk_widget_set_visible (inv->link_label, !removed);
  gtk_widget_set_visible (inv->copy_button, !removed);
  gtk_widget_set_visible (inv->show_button, code_works);
  gtk_widget_set_visible (inv->remove_button, !removed);
  gtk_widget_set_visible (inv->new_button, removed || !code_works);
  gtk_button_set_label (GTK_BUTTON (inv->show_button),
                        shown ? _("_Hide From Screen") : _("Sho_w on the Room’s Screen"));
  if (removed)
    gtk_label_set_text (GTK_LABEL (inv->status_label),
                        _("This link no longer works. "
                          "Make a new one to let this person join again."));
  else if (!code_works)
    gtk_label_set_text (GTK_LABEL (inv->status_label),
                        _("The short link was used or is too old. The long link still works."));
  else if (shown)
    gtk_label_set_text (GTK_LABEL (inv->status_label), _("On the room’s screen now."));
  else
    gtk_label_set_text (GTK_LABEL (inv->status_label),
                        _("Scan the code, or type the short link, within ten minutes. "
                          "It works once."));
}

static void
update_rows (HwMeetingInviteDialog *self)
{
  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  for (guint i = 0; i < self->invitees->len; i++)
    update_row (self, g_ptr_array_index (self->invitees, i));
}

/* Shows the person's links (new ones, or none once removed). */
static void
fill_row (HwMeetingInviteDialog *self,
          Invitee               *inv)
{
  g_autofree char *qr_label = NULL;

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  if (inv->short_url != NULL)
    {
      int modules = hw_qr_code_get_modules (inv->short_url);
      int module_px = MAX (3, QR_PIXELS / MAX (modules, 1));
      g_autoptr(GdkTexture) texture = hw_qr_code_texture_new (inv->short_url, module_px);

      gtk_picture_set_paintable (GTK_PICTURE (inv->qr), GDK_PAINTABLE (texture));
      gtk_label_set_text (GTK_LABEL (inv->short_label), inv->short_url);
      gtk_label_set_text (GTK_LABEL (inv->link_label), inv->url);
    }
  else
    {
      gtk_picture_set_paintable (GTK_PICTURE (inv->qr), NULL);
      gtk_label_set_text (GTK_LABEL (inv->short_label), "");
      gtk_label_set_text (GTK_LABEL (inv->link_label), "");
    }
  qr_label = g_strdup_printf (_("QR code of the short link for %s"), inv->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (inv->qr), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  qr_label, -1);
  update_row (self, inv);
}

static GtkWidget *
person_button (const char *label,
               const char *action,
               gint64      person_id,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (person_id));
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkWidget *
make_row (HwMeetingInviteDialog *self,
          Invitee               *inv)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (inv->name);
  g_autofree char *wname = NULL;

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  inv->qr = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (inv->qr), FALSE);
  gtk_widget_set_valign (inv->qr, GTK_ALIGN_START);
  wname = g_strdup_printf ("invite-qr-%" G_GINT64_FORMAT, inv->person_id);
  gtk_widget_set_name (inv->qr, wname);
  gtk_box_append (GTK_BOX (box), inv->qr);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "title-3");
  gtk_box_append (GTK_BOX (text), name);

  inv->short_label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (inv->short_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (inv->short_label), 0);
  gtk_label_set_wrap (GTK_LABEL (inv->short_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (inv->short_label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (inv->short_label, "title-2");
  gtk_widget_add_css_class (inv->short_label, "monospace");
  g_free (wname);
  wname = g_strdup_printf ("invite-short-%" G_GINT64_FORMAT, inv->person_id);
  gtk_widget_set_name (inv->short_label, wname);
  gtk_box_append (GTK_BOX (text), inv->short_label);

  inv->link_label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (inv->link_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (inv->link_label), 0);
  gtk_label_set_wrap (GTK_LABEL (inv->link_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (inv->link_label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (inv->link_label, "caption");
  gtk_widget_add_css_class (inv->link_label, "monospace");
  gtk_box_append (GTK_BOX (text), inv->link_label);

  inv->status_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (inv->status_label), 0);
  gtk_label_set_wrap (GTK_LABEL (inv->status_label), TRUE);
  gtk_widget_add_css_class (inv->status_label, "dim-label");
  g_free (wname);
  wname = g_strdup_printf ("invite-status-%" G_GINT64_FORMAT, inv->person_id);
  gtk_widget_set_name (inv->status_label, wname);
  gtk_box_append (GTK_BOX (text), inv->status_label);

  inv->copy_button = person_button (_("_Copy Link"), "invite.copy", inv->person_id,
                                    _("Copy this person’s own link, to send it to them"));
  inv->show_button = person_button (_("Sho_w on the Room’s Screen"), "invite.show",
                                    inv->person_id,
                                    _("Show the code and the short link large on the room’s "
                                      "screen"));
  inv->remove_button = person_button (_("_Remove Link"), "invite.remove", inv->person_id,
                                      _("This person’s links stop working at once"));
  inv->new_button = person_button (_("_New Link"), "invite.new", inv->person_id,
                                   _("Make new links for this person"));
  gtk_widget_add_css_class (inv->remove_button, "destructive-action");
  gtk_box_append (GTK_BOX (buttons), inv->copy_button);
  gtk_box_append (GTK_BOX (buttons), inv->show_button);
  gtk_box_append (GTK_BOX (buttons), inv->remove_button);
  gtk_box_append (GTK_BOX (buttons), inv->new_button);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_append (GTK_BOX (text), buttons);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  inv->name, -1);
  return row;
}

/* Makes new links for the person: the old ones stop working. */
static gboolean
new_links (HwMeetingInviteDialog *self,
           Invitee               *inv,
           GError               **error)
{
  g_autofree char *short_url = NULL;
  char *url;

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  take_off_screen (self, inv);
  url = hw_join_server_invite_with_code (self->server, inv->person_id, &short_url, error);
  invitee_wipe (inv);
  if (url == NULL)
    return FALSE;
  inv->url = url;
  inv->short_url = g_steal_pointer (&short_url);
  return TRUE;
}

/* Always HTTPS: with the agency's certificate when preferences name one,
 * else with one made for this computer (hw-join-tls.h). */
static gboolean
use_tls (HwJoinServer *server)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autofree char *dir = hw_join_tls_default_dir ();
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;

  if (schema != NULL && g_settings_schema_has_key (schema, "join-tls-certificate"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      cert = g_strstrip (g_settings_get_string (settings, "join-tls-certificate"));
      key = g_strstrip (g_settings_get_string (settings, "join-tls-key"));
    }
  if (cert != NULL && *cert != '\0')
    {
      /* a key left empty is refused by the server with a clear message */
      hw_join_server_set_tls (server, cert, key != NULL && *key != '\0' ? key : cert, NULL);
      return TRUE;
    }
  hw_join_server_set_tls (server, NULL, NULL, dir);
  return FALSE;
}

/* Starts the server and lists everyone who may join. */
static void
start (HwMeetingInviteDialog *self)
{
  g_autofree char *address = pick_address ();
  gboolean agency_certificate;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  self->server = hw_join_server_new (self->store, self->meeting_id);
  agency_certificate = use_tls (self->server);
  if (!hw_join_server_start (self->server, address != NULL ? address : "127.0.0.1", 0, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Phones cannot join: %s"), error->message);

      gtk_label_set_text (self->network_label, text);
      return;
    }
  {
    g_autoptr(GString) text = g_string_new (address != NULL
                                            ? _("Phones and laptops on the same network as this computer can "
                                                "open these links. Each link is for one person only.")
                                            : _("No local network found: only this computer can open the links."));

    /* honest about the certificate made here (docs/join.md) */
    if (!agency_certificate)
      g_string_append_printf (text, " %s",
                              _("The first time, a phone warns that it does not know this computer: that is "
                                "expected here. Tap Advanced, then go on to the page."));
    gtk_label_set_text (self->network_label, text->str);
  }

  all = hw_join_server_invite_all (self->server, &error);
  if (all == NULL)
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      HwJoinInvite *ji = g_ptr_array_index (all, i);
      Invitee *inv = g_new0 (Invitee, 1);

      inv->person_id = ji->person_id;
      inv->name = g_strdup (ji->name);
      g_ptr_array_add (self->invitees, inv);
      gtk_list_box_append (self->people_list, make_row (self, inv));
      if (!new_links (self, inv, &error))
        {
          hw_toast_show_error (GTK_WIDGET (self), error);
          g_clear_error (&error);
        }
      fill_row (self, inv);
    }
  if (all->len == 0)
    gtk_label_set_text (self->network_label,
                        _("Nobody can join yet: mark who is here (present, or by phone or "
                          "video) on the page “Who is taking part”."));
}

/* Callbacks -------------------------------------------------------------------- */

static void
code_used_cb (HwMeetingInviteDialog *self,
              gint64                 person_id,
              HwJoinServer          *server)
{
  Invitee *inv = find_invitee (self, person_id);

  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  if (inv == NULL)
    return;
  /* it no longer works: off the room's screen by itself */
  take_off_screen (self, inv);
  update_row (self, inv);
}

/* Short links also run out after ten minutes. */
static gboolean
check_cb (gpointer user_data)
{
  HwMeetingInviteDialog *self = HW_MEETING_INVITE_DIALOG (user_data);

  for (guint i = 0; i < self->invitees->len; i++)
    {
      Invitee *inv = g_ptr_array_index (self->invitees, i);

      if (inv->url != NULL && !hw_join_server_has_code (self->server, inv->person_id))
        take_off_screen (self, inv);
    }
  update_rows (self);
  return G_SOURCE_CONTINUE;
}

/* Actions ---------------------------------------------------------------------- */

static Invitee *
action_invitee (HwMeetingInviteDialog *self,
                GVariant              *parameter)
{
  g_assert (HW_IS_MEETING_INVITE_DIALOG (self));

  if (self->server == NULL || !hw_join_server_is_running (self->server))
    return NULL;
  return find_invitee (self, g_variant_get_int64 (parameter));
}

static void
copy_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwMeetingInviteDialog *self = HW_MEETING_INVITE_DIALOG (widget);
  Invitee *inv = action_invitee (self, parameter);

  if (inv == NULL || inv->url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), inv->url);
  hw_toast_show (widget, adw_toast_new (_("Link copied: send it to this person only")));
}

static void
show_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwMeetingInviteDialog *self = HW_MEETING_INVITE_DIALOG (widget);
  Invitee *inv = action_invitee (self, parameter);
  HwPresentationWindow *screen;

  if (inv == NULL || inv->short_url == NULL)
    return;
  if (is_on_screen (self, inv))
    take_off_screen (self, inv);
  else if (hw_join_server_has_code (self->server, inv->person_id))
    {
      screen = get_presentation (self, TRUE);
      if (screen == NULL)
        return;
      hw_presentation_window_show_invite (screen, inv->name, inv->short_url);
      /* the room's screen may have taken the focus */
      gtk_window_present (GTK_WINDOW (self));
    }
  update_rows (self);
}

static void
remove_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwMeetingInviteDialog *self = HW_MEETING_INVITE_DIALOG (widget);
  Invitee *inv = action_invitee (self, parameter);

  if (inv == NULL || inv->url == NULL)
    return;
  take_off_screen (self, inv);
  hw_join_server_revoke (self->server, inv->person_id);
  invitee_wipe (inv);
  fill_row (self, inv);
  gtk_widget_grab_focus (inv->new_button);
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HwMeetingInviteDialog *self = HW_MEETING_INVITE_DIALOG (widget);
  Invitee *inv = action_invitee (self, parameter);
  g_autoptr(GError) error = NULL;

  if (inv == NULL)
    return;
  if (!new_links (self, inv, &error))
    hw_toast_show_error (widget, error);
  fill_row (self, inv);
  if (inv->url != NULL)
    gtk_widget_grab_focus (inv->copy_button);
}

static void
stop_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  /* dispose stops the server; the editor lets go of the window */
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Public ----------------------------------------------------------------------- */

HwMeetingInviteDialog *
hw_meeting_invite_dialog_new (HwStore   *store,
                              gint64     meeting_id,
                              GtkWidget *editor)
{
  HwMeetingInviteDialog *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (editor == NULL || GTK_IS_WIDGET (editor), NULL);

  self = g_object_new (HW_TYPE_MEETING_INVITE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  g_set_weak_pointer (&self->editor, editor);
  start (self);
  if (self->server != NULL)
    g_signal_connect_object (self->server, "code-used", G_CALLBACK (code_used_cb), self,
                             G_CONNECT_SWAPPED);
  self->check_id = g_timeout_add_seconds (1, check_cb, self);
  return self;
}

HwJoinServer *
hw_meeting_invite_dialog_get_server (HwMeetingInviteDialog *self)
{
  g_return_val_if_fail (HW_IS_MEETING_INVITE_DIALOG (self), NULL);
  return self->server;
}

const char *
hw_meeting_invite_dialog_get_short_link (HwMeetingInviteDialog *self,
                                         gint64                 person_id)
{
  Invitee *inv;

  g_return_val_if_fail (HW_IS_MEETING_INVITE_DIALOG (self), NULL);

  inv = find_invitee (self, person_id);
  if (inv == NULL || inv->short_url == NULL || !hw_join_server_has_code (self->server, person_id))
    return NULL;
  return inv->short_url;
}

const char *
hw_meeting_invite_dialog_get_link (HwMeetingInviteDialog *self,
                                   gint64                 person_id)
{
  Invitee *inv;

  g_return_val_if_fail (HW_IS_MEETING_INVITE_DIALOG (self), NULL);

  inv = find_invitee (self, person_id);
  return inv != NULL ? inv->url : NULL;
}

GArray *
hw_meeting_invite_dialog_get_people (HwMeetingInviteDialog *self)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HW_IS_MEETING_INVITE_DIALOG (self), out);

  for (guint i = 0; i < self->invitees->len; i++)
    g_array_append_val (out, ((Invitee *) g_ptr_array_index (self->invitees, i))->person_id);
  return out;
}

/* GObject ---------------------------------------------------------------------- */

static void
hw_meeting_invite_dialog_dispose (GObject *object)
{
  HwMeetingInviteDialog *self = HW_MEETING_INVITE_DIALOG (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  for (guint i = 0; self->invitees != NULL && i < self->invitees->len; i++)
    take_off_screen (self, g_ptr_array_index (self->invitees, i));
  if (self->server != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->server, self);
      hw_join_server_stop (self->server);
      g_clear_object (&self->server);
    }
  g_clear_weak_pointer (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_INVITE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_invite_dialog_parent_class)->dispose (object);
}

static void
hw_meeting_invite_dialog_finalize (GObject *object)
{
  HwMeetingInviteDialog *self = HW_MEETING_INVITE_DIALOG (object);

  g_ptr_array_unref (self->invitees);

  G_OBJECT_CLASS (hw_meeting_invite_dialog_parent_class)->finalize (object);
}

static void
hw_meeting_invite_dialog_class_init (HwMeetingInviteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_meeting_invite_dialog_dispose;
  object_class->finalize = hw_meeting_invite_dialog_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/app/homeward/Homeward/meeting/hw-meeting-invite-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingInviteDialog, network_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingInviteDialog, people_list);

  gtk_widget_class_install_action (widget_class, "invite.copy", "x", copy_action_cb);
  gtk_widget_class_install_action (widget_class, "invite.show", "x", show_action_cb);
  gtk_widget_class_install_action (widget_class, "invite.remove", "x", remove_action_cb);
  gtk_widget_class_install_action (widget_class, "invite.new", "x", new_action_cb);
  gtk_widget_class_install_action (widget_class, "invite.stop", NULL, stop_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_meeting_invite_dialog_init (HwMeetingInviteDialog *self)
{
  self->invitees = g_ptr_array_new_with_free_func (invitee_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
