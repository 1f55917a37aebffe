/* hw-service-plan-goal-row.h: a goal under its need: what will be different, by when, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_GOAL_ROW (hw_service_plan_goal_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanGoalRow, hw_service_plan_goal_row, HW, SERVICE_PLAN_GOAL_ROW, GtkListBoxRow)

GtkWidget *hw_service_plan_goal_row_new        (HwRecord *record);
HwRecord  *hw_service_plan_goal_row_get_record (HwServicePlanGoalRow *self);

G_END_DECLS
