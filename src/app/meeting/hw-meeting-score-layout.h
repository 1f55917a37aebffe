/* hw-meeting-score-layout.h: a score row's layout: its children on one
 * line, the last one on a line of its own when the row is narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_MEETING_SCORE_LAYOUT (hw_meeting_score_layout_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingScoreLayout, hw_meeting_score_layout, HW, MEETING_SCORE_LAYOUT,
                      GtkLayoutManager)

/* The space between children on a line, and between the two lines */
#define HW_MEETING_SCORE_SPACING 12
#define HW_MEETING_SCORE_LINE_SPACING 6
/* How wide the last child (what makes it this number) is at least
 * beside the others; narrower, it goes on a line of its own */
#define HW_MEETING_SCORE_LAST_WIDTH 180

GtkLayoutManager *hw_meeting_score_layout_new (void);

G_END_DECLS
