/* hw-service-plan-timeline-row.h: a dated task or goal in the due dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_TIMELINE_ROW (hw_service_plan_timeline_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanTimelineRow, hw_service_plan_timeline_row, HW, SERVICE_PLAN_TIMELINE_ROW, GtkListBoxRow)

GtkWidget *hw_service_plan_timeline_row_new        (HwRecord *record);
HwRecord  *hw_service_plan_timeline_row_get_record (HwServicePlanTimelineRow *self);

G_END_DECLS
