/* hw-meeting-print.h: prints a paged HwDocument (the meeting summary)
 * with the GTK print dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-document.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_PRINT (hw_meeting_print_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingPrint, hw_meeting_print, HW, MEETING_PRINT, GtkPrintOperation)

HwMeetingPrint *hw_meeting_print_new     (HwDocument  *document,
                                          const char  *job_name);
gboolean        hw_meeting_print_summary (HwStore     *store,
                                          gint64       meeting_id,
                                          const char  *recipient,
                                          GtkWindow   *parent,
                                          GError     **error);

G_END_DECLS
