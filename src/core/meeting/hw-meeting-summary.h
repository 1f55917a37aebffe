/* hw-meeting-summary.h: the written summary of a family meeting, as a
 * paged document (HwDocument) for one recipient. The PDF export
 * (hw_meeting_export, declared in hw-meeting.h) and the app's print button
 * both draw it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-document.h"
#include "hw-meeting.h"

G_BEGIN_DECLS

/**
 * hw_meeting_summary_build:
 * @meeting_id: the meeting
 * @recipient: who the copy is for; whatever is withheld from them is not
 *   put into the document at all
 * @paper: "a4", "letter" or NULL (a4)
 *
 * Attendees, every step of the agenda with what was said, the scores
 * (with the change since the previous meeting), decisions with any
 * dissent, next steps with who does them, by when and who checks, plan B
 * and the next meeting.
 *
 * Returns: (transfer full): the document, or NULL with @error set
 */
HwDocument *hw_meeting_summary_build (HwStore            *store,
                                      gint64              meeting_id,
                                      const HwRecipient  *recipient,
                                      const char         *paper,
                                      GError            **error);

G_END_DECLS
