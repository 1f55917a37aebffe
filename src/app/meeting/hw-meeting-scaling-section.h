/* hw-meeting-scaling-section.h: the scaling step: how safe, from 0 to 10
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_SCALING_SECTION (hw_meeting_scaling_section_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingScalingSection, hw_meeting_scaling_section, HW, MEETING_SCALING_SECTION,
                      GtkWidget)

GtkWidget *hw_meeting_scaling_section_new (HwStore *store,
                                           gint64   meeting_id);

G_END_DECLS
