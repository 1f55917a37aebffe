/* hw-meeting-attendees-section.h: who is taking part in the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_ATTENDEES_SECTION (hw_meeting_attendees_section_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingAttendeesSection, hw_meeting_attendees_section, HW,
                      MEETING_ATTENDEES_SECTION, GtkWidget)

GtkWidget *hw_meeting_attendees_section_new (HwStore *store,
                                             gint64   meeting_id);

G_END_DECLS
