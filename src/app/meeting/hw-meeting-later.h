/* hw-meeting-later.h: writes asked for from inside a row, run once the
 * row's signal has returned, and the keyboard focus given back afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*HwMeetingLaterFunc) (GtkWidget *widget,
                                    GVariant  *parameter);

void       hw_meeting_run_later     (GtkWidget          *widget,
                                     HwMeetingLaterFunc  func,
                                     GVariant           *parameter);
void       hw_meeting_refocus_later (GtkWidget          *scope,
                                     const char         *name);
GtkWidget *hw_meeting_find_named    (GtkWidget          *root,
                                     const char         *name);
GtkWidget *hw_meeting_find_first_field (GtkWidget       *page);

G_END_DECLS
