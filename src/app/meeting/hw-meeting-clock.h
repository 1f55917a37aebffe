/* hw-meeting-clock.h: the clock of the step a meeting is at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_CLOCK (hw_meeting_clock_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingClock, hw_meeting_clock, HW, MEETING_CLOCK, GObject)

HwMeetingClock *hw_meeting_clock_new         (HwStore        *store);
void            hw_meeting_clock_set_step    (HwMeetingClock *self,
                                              gint64          meeting_id,
                                              const char     *phase);
const char     *hw_meeting_clock_get_phase   (HwMeetingClock *self);
void            hw_meeting_clock_set_running (HwMeetingClock *self,
                                              gboolean        running);
gint64          hw_meeting_clock_get_pending (HwMeetingClock *self);
gint64          hw_meeting_clock_get_seconds (HwMeetingClock *self);
void            hw_meeting_clock_flush       (HwMeetingClock *self);

G_END_DECLS
