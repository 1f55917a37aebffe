/* hw-meeting-step-row.h: a step of the meeting in the steps sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_MEETING_STEP_ROW (hw_meeting_step_row_get_type ())
G_DECLARE_FINAL_TYPE (HwMeetingStepRow, hw_meeting_step_row, HW, MEETING_STEP_ROW, GtkListBoxRow)

GtkWidget  *hw_meeting_step_row_new         (const char       *page,
                                             const char       *title,
                                             const char       *number);
const char *hw_meeting_step_row_get_page    (HwMeetingStepRow *self);
const char *hw_meeting_step_row_get_title   (HwMeetingStepRow *self);
const char *hw_meeting_step_row_get_prompt  (HwMeetingStepRow *self);
void        hw_meeting_step_row_set_current (HwMeetingStepRow *self,
                                             gboolean          current);

void           hw_meeting_step_rows_fill         (GtkListBox *list);
GtkListBoxRow *hw_meeting_step_rows_find         (GtkListBox *list,
                                                  const char *page);
void           hw_meeting_step_rows_mark_current (GtkListBox *list,
                                                  const char *phase);

G_END_DECLS
