/* hw-service-plan-checkin-dialog.h: log or change a check-in of a support
 * after going home
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_CHECKIN_DIALOG (hw_service_plan_checkin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanCheckinDialog, hw_service_plan_checkin_dialog,
                      HW, SERVICE_PLAN_CHECKIN_DIALOG, GtkWindow)

/* @record: (nullable): the check-in to change (a row of
 * aftercare_checkins), or NULL to log one for support @support_id, dated
 * @today ("YYYY-MM-DD"), by whoever provides the support. Emits ::saved
 * (gint64 id) once written. */
GtkWindow *hw_service_plan_checkin_dialog_new (HwStore    *store,
                                               gint64      case_id,
                                               gint64      support_id,
                                               const char *today,
                                               HwRecord   *record);

G_END_DECLS
