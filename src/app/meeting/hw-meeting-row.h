/* hw-meeting-row.h: a meeting in the list of a family's meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_ROW (hw_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingRow, hw_meeting_row, HW, MEETING_ROW, GtkListBoxRow)

GtkWidget *hw_meeting_row_new            (HwRecord     *record);
gint64     hw_meeting_row_get_meeting_id (HwMeetingRow *self);

G_END_DECLS
