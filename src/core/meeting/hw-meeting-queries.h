/* hw-meeting-queries.h: the named queries of the meeting editor
 *
 * The views ask for what they show by name (the meetings of a family, who
 * takes part, the items of a step, the statements to scale, who scales
 * them) and never hold SQL. A live list (HwRecordList) follows every edit,
 * undo and redo of the tables it is built from; a select is read once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-record-list.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* From this age (on the day of the meeting) a child takes part in the
 * family's meetings like the adults: invited, and scaling the statements
 * with their own scores. */
#define HW_MEETING_CHILD_AGE 11

HwRecordList *hw_meetings_list_new            (HwStore     *store,
                                               gint64       case_id);
HwRecordList *hw_meeting_attendance_list_new  (HwStore     *store,
                                               gint64       meeting_id);
HwRecordList *hw_meeting_items_list_new       (HwStore     *store,
                                               gint64       meeting_id,
                                               const char  *phase);
HwRecordList *hw_meeting_statements_list_new  (HwStore     *store,
                                               gint64       meeting_id);
GPtrArray    *hw_meeting_scorers_select       (HwStore     *store,
                                               gint64       item_id,
                                               GError     **error);
GPtrArray    *hw_meeting_uninvited_select     (HwStore     *store,
                                               gint64       meeting_id,
                                               GError     **error);
gboolean      hw_meeting_has_score            (HwStore     *store,
                                               gint64       item_id,
                                               gint64       person_id,
                                               int          score,
                                               const char  *reason);

G_END_DECLS
