/* hw-meeting-phase-section.h: the things said in one step of the meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_PHASE_SECTION (hw_meeting_phase_section_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingPhaseSection, hw_meeting_phase_section, HW, MEETING_PHASE_SECTION,
                      GtkWidget)

GtkWidget *hw_meeting_phase_section_new (HwStore    *store,
                                         gint64      case_id,
                                         gint64      meeting_id,
                                         const char *phase);

G_END_DECLS
