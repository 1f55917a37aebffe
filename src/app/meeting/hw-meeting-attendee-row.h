/* hw-meeting-attendee-row.h: an adult of the family, and whether and how
 * they take part in the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_ATTENDEE_ROW (hw_meeting_attendee_row_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingAttendeeRow, hw_meeting_attendee_row, HW, MEETING_ATTENDEE_ROW, AdwActionRow)

GtkWidget *hw_meeting_attendee_row_new (HwStore  *store,
                                        gint64    meeting_id,
                                        HwRecord *record);

G_END_DECLS
