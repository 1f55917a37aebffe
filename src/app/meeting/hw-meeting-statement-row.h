/* hw-meeting-statement-row.h: a worry or a safety goal, scaled 0 to 10 by
 * each person taking part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_MEETING_STATEMENT_ROW (hw_meeting_statement_row_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingStatementRow, hw_meeting_statement_row, HW, MEETING_STATEMENT_ROW,
                      GtkListBoxRow)

GtkWidget *hw_meeting_statement_row_new (HwStore  *store,
                                         gint64    meeting_id,
                                         HwRecord *record);

G_END_DECLS
