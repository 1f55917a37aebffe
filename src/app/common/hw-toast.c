/* hw-toast.c: the one way a view tells the person what happened
 *
 * Views show the outcome of an edit in the window's toast overlay: a
 * confirmation with Undo after a removal, the store's message when it
 * refused an edit. An error is a toast too, never a modal dialog: the
 * store has changed nothing, the person keeps their place and their
 * typing, and the message stays until it is read or another one comes
 * (high priority). Dialogs are kept for questions that need an answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-toast"

#include <glib/gi18n.h>

#include "hw-toast.h"

/* The window's own overlay, for a widget outside it (the window itself,
 * or a dialog's parent passed on as the place for the toast). */
static GtkWidget *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * hw_toast_show:
 * @widget: a widget inside the window
 * @toast: (transfer full): the toast, usually fresh from adw_toast_new()
 *
 * Shows @toast in the nearest #AdwToastOverlay above @widget, or else the
 * first one in @widget's window (when @widget is the window). A widget
 * that is not in a window (a test, a page being torn down) logs the title
 * instead, so nothing is silently lost.
 */
void
hw_toast_show (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && GTK_IS_WINDOW (widget))
    overlay = find_overlay_below (widget);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  g_message ("%s", adw_toast_get_title (toast));
  g_object_unref (g_object_ref_sink (toast));
}

/**
 * hw_toast_show_error:
 * @widget: a widget inside the window
 * @error: what the store (or the check before it) said
 *
 * Shows @error's message, which is written for the person, as a
 * high-priority toast.
 */
void
hw_toast_show_error (GtkWidget    *widget,
                     const GError *error)
{
  AdwToast *toast;

  g_return_if_fail (error != NULL);

  toast = adw_toast_new (error->message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  hw_toast_show (widget, toast);
}

/**
 * hw_toast_show_undo:
 * @widget: a widget inside the window
 * @title: what was done ("Person removed")
 *
 * Confirms an edit with an Undo button (the window's `win.undo`).
 */
void
hw_toast_show_undo (GtkWidget  *widget,
                    const char *title)
{
  AdwToast *toast;

  g_return_if_fail (title != NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  hw_toast_show (widget, toast);
}
