/* hw-service-plan-task-dialog.h: add or change a task of a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_TASK_DIALOG (hw_service_plan_task_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanTaskDialog, hw_service_plan_task_dialog,
                      HW, SERVICE_PLAN_TASK_DIALOG, GtkWindow)

/* @record: (nullable): the task to change (a row of tasks), or NULL to
 * add one to @goal_id, starting on @today (YYYY-MM-DD). The people and
 * organisations to choose from are those of @case_id. Emits ::saved
 * (gint64 id) once written. */
GtkWindow *hw_service_plan_task_dialog_new (HwStore    *store,
                                            gint64      case_id,
                                            gint64      goal_id,
                                            const char *today,
                                            HwRecord   *record);

G_END_DECLS
