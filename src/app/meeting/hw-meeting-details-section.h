/* hw-meeting-details-section.h: when and where the meeting is, who leads
 * it, its language, and when the next one is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_DETAILS_SECTION (hw_meeting_details_section_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingDetailsSection, hw_meeting_details_section, HW, MEETING_DETAILS_SECTION,
                      GtkWidget)

GtkWidget *hw_meeting_details_section_new (HwStore  *store,
                                           gint64    meeting_id,
                                           gboolean  next_meeting_only);

G_END_DECLS
