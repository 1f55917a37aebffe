/* hw-tooltip.h: tooltips that cost nothing until they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @widget the tooltip @text (NULL: none) and the same accessible
 * description gtk_widget_set_tooltip_text() would. Unlike that function,
 * which in GTK 4.8 asks the display where the pointer is every time
 * (three X round trips), it only keeps the text until a tooltip is asked
 * for: a family's page sets hundreds of tooltips. */
void        hw_widget_set_tooltip   (GtkWidget  *widget,
                                     const char *text);
/* The text the tooltip shows: that given to hw_widget_set_tooltip(), a
 * label's whole text after hw_label_tooltip_whole_text(), or NULL. */
const char *hw_widget_get_tooltip   (GtkWidget  *widget);
/* Makes @label's tooltip its whole text, whatever it becomes (for a label
 * that may be cut short with "…"), read when the tooltip is shown. */
void        hw_label_tooltip_whole_text (GtkLabel *label);

G_END_DECLS
