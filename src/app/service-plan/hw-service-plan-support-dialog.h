/* hw-service-plan-support-dialog.h: add or change a support after going
 * home (aftercare)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_SUPPORT_DIALOG (hw_service_plan_support_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanSupportDialog, hw_service_plan_support_dialog,
                      HW, SERVICE_PLAN_SUPPORT_DIALOG, GtkWindow)

/* @record: (nullable): the support to change (a row of
 * aftercare_supports), or NULL to add one of kind @component (an
 * HW_CHOICES_AFTERCARE_COMPONENT id) to @case_id. Emits ::saved (gint64
 * id) once written. */
GtkWindow *hw_service_plan_support_dialog_new (HwStore    *store,
                                               gint64      case_id,
                                               const char *component,
                                               HwRecord   *record);

G_END_DECLS
