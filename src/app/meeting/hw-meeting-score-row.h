/* hw-meeting-score-row.h: one person's score (0 to 10) of a statement,
 * and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_SCORE_ROW (hw_meeting_score_row_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingScoreRow, hw_meeting_score_row, HW, MEETING_SCORE_ROW, GtkWidget)

GtkWidget *hw_meeting_score_row_new         (HwStore           *store,
                                             gint64             item_id,
                                             HwRecord          *record,
                                             int                previous);
void       hw_meeting_score_row_add_columns (HwMeetingScoreRow *self,
                                             GtkSizeGroup      *who,
                                             GtkSizeGroup      *score,
                                             GtkSizeGroup      *before);

G_END_DECLS
