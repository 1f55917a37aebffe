/* hw-service-plan-need-dialog.h: add or change a need of a service plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_NEED_DIALOG (hw_service_plan_need_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanNeedDialog, hw_service_plan_need_dialog,
                      HW, SERVICE_PLAN_NEED_DIALOG, GtkWindow)

/* @record: (nullable): the need to change (a row of needs), or NULL to
 * add one to @case_id. Emits ::saved (gint64 id) once written. */
GtkWindow *hw_service_plan_need_dialog_new (HwStore  *store,
                                            gint64    case_id,
                                            HwRecord *record);

G_END_DECLS
