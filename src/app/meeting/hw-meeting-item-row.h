/* hw-meeting-item-row.h: one thing said in a step of the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_ITEM_ROW (hw_meeting_item_row_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingItemRow, hw_meeting_item_row, HW, MEETING_ITEM_ROW, GtkListBoxRow)

GtkWidget *hw_meeting_item_row_new           (HwStore          *store,
                                              gint64            case_id,
                                              HwRecord         *record);
gint64     hw_meeting_item_row_get_item_id   (HwMeetingItemRow *self);
void       hw_meeting_item_row_start_editing (HwMeetingItemRow *self);

G_END_DECLS
