/* hw-meeting-invite-dialog.h: Invite, in the meeting editor: the people
 * taking part join the meeting from their phones (issue 16).
 *
 * The window owns the meeting's HwJoinServer: it starts it when made, on
 * this computer's address on the local network, and stops it when it is
 * destroyed (Stop Inviting, another meeting opened, the editor closed).
 * Closing the window only hides it: the links keep working.
 *
 * Each person who may join has a row: their QR code and short link (one
 * use, ten minutes), their own long link, Copy Link, Show on the Room's
 * Screen / Hide From Screen, and Remove Link (at once) / New Link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-join-server.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_INVITE_DIALOG (hw_meeting_invite_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingInviteDialog, hw_meeting_invite_dialog, HW, MEETING_INVITE_DIALOG,
                      AdwWindow)

/**
 * hw_meeting_invite_dialog_new:
 * @editor: the meeting editor (an HwMeetingView), whose room's screen
 *   "Show on the Room's Screen" uses
 *
 * Starts the server for @meeting_id and makes a link for everyone who
 * may join. If it cannot start, the window says why.
 */
HwMeetingInviteDialog *hw_meeting_invite_dialog_new            (HwStore               *store,
                                                                gint64                 meeting_id,
                                                                GtkWidget             *editor);
/* (transfer none): the server, running unless it could not start */
HwJoinServer          *hw_meeting_invite_dialog_get_server     (HwMeetingInviteDialog *self);
/* The person's short link while it works, else NULL. */
const char            *hw_meeting_invite_dialog_get_short_link (HwMeetingInviteDialog *self,
                                                                gint64                 person_id);
/* The person's long link unless removed, else NULL. */
const char            *hw_meeting_invite_dialog_get_link       (HwMeetingInviteDialog *self,
                                                                gint64                 person_id);
/* The people listed, in order (gint64 ids). */
GArray                *hw_meeting_invite_dialog_get_people     (HwMeetingInviteDialog *self);

G_END_DECLS
