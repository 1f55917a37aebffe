/* hw-meeting-view.h: the family meetings of a case: a list of meetings
 * and the editor of one (details, who takes part, the agenda step by
 * step with quick entry, scores, decisions and next steps, the clock, the
 * room's screen and printing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_VIEW (hw_meeting_view_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingView, hw_meeting_view, HW, MEETING_VIEW, GtkWidget)

GtkWidget *hw_meeting_view_new          (HwStore       *store,
                                         gint64         case_id);
/* Opens @meeting_id in the editor (0: none). */
void       hw_meeting_view_open_meeting (HwMeetingView *self,
                                         gint64         meeting_id);
gint64     hw_meeting_view_get_meeting  (HwMeetingView *self);
/* Shows a page: "details", "attendees" or a step of the agenda. */
void       hw_meeting_view_show_page    (HwMeetingView *self,
                                         const char    *page);
/* (nullable) (transfer none): the room's screen when it is open */
GtkWindow *hw_meeting_view_get_presentation (HwMeetingView *self);
/* (nullable) (transfer none): the Invite window (an
 * HwMeetingInviteDialog, which owns the join server) while inviting */
GtkWindow *hw_meeting_view_get_invite_dialog (HwMeetingView *self);

G_END_DECLS
