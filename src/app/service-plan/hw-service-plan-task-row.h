/* hw-service-plan-task-row.h: a task: done box, what, who, when, what is in the way, its notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_TASK_ROW (hw_service_plan_task_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanTaskRow, hw_service_plan_task_row, HW, SERVICE_PLAN_TASK_ROW, GtkListBoxRow)

GtkWidget *hw_service_plan_task_row_new        (HwRecord *record);
HwRecord  *hw_service_plan_task_row_get_record (HwServicePlanTaskRow *self);
/* With the need's area and the goal above the task (by person). */
GtkWidget *hw_service_plan_task_row_new_with_goal (HwRecord *record);

G_END_DECLS
