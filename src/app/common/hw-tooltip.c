/* hw-tooltip.c: tooltips that cost nothing until they are shown
 *
 * gtk_widget_set_tooltip_text() in GTK 4.8 ends with
 * gtk_widget_trigger_tooltip_query(), which asks the display for the
 * pointer's position and the surface under it: on X11, XIQueryPointer,
 * XIGetClientPointer and XSync, each a round trip to the server. Opening
 * a family made several hundred of them (every row's whole text, every
 * row's Edit and Remove buttons): a fifth of the time it took. Here the
 * text waits in the widget and ::query-tooltip hands it over when the
 * pointer rests on the widget, which is the only time it is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-tooltip"

#include "hw-tooltip.h"

static GQuark
text_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("hw-tooltip-text");
  return quark;
}

static GQuark
whole_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("hw-tooltip-whole-text");
  return quark;
}

static GQuark
connected_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("hw-tooltip-connected");
  return quark;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = hw_widget_get_tooltip (widget);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ensure_connected (GtkWidget *widget)
{
  if (g_object_get_qdata (G_OBJECT (widget), connected_quark ()) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (widget), connected_quark (), GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

void
hw_widget_set_tooltip (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (text, hw_widget_get_tooltip (widget)) == 0)
    return;
  g_object_set_qdata_full (G_OBJECT (widget), text_quark (), g_strdup (text), g_free);
  ensure_connected (widget);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  /* what gtk_widget_set_tooltip_text () tells a screen reader too */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
hw_widget_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if (GTK_IS_LABEL (widget) && g_object_get_qdata (G_OBJECT (widget), whole_quark ()) != NULL)
    return gtk_label_get_text (GTK_LABEL (widget));
  return g_object_get_qdata (G_OBJECT (widget), text_quark ());
}

void
hw_label_tooltip_whole_text (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  g_object_set_qdata (G_OBJECT (label), whole_quark (), GINT_TO_POINTER (TRUE));
  ensure_connected (GTK_WIDGET (label));
  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
}
