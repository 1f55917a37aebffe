/* hw-service-plan-goal-dialog.h: add or change a goal of a need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_GOAL_DIALOG (hw_service_plan_goal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanGoalDialog, hw_service_plan_goal_dialog,
                      HW, SERVICE_PLAN_GOAL_DIALOG, GtkWindow)

/* @record: (nullable): the goal to change (a row of goals), or NULL to
 * add one to @need_id. Emits ::saved (gint64 id) once written. */
GtkWindow *hw_service_plan_goal_dialog_new (HwStore  *store,
                                            gint64    case_id,
                                            gint64    need_id,
                                            HwRecord *record);

G_END_DECLS
