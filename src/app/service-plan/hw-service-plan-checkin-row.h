/* hw-service-plan-checkin-row.h: a check-in logged of a support after going home
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_CHECKIN_ROW (hw_service_plan_checkin_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanCheckinRow, hw_service_plan_checkin_row,
                      HW, SERVICE_PLAN_CHECKIN_ROW, GtkListBoxRow)

GtkWidget *hw_service_plan_checkin_row_new        (HwRecord *record);
HwRecord  *hw_service_plan_checkin_row_get_record (HwServicePlanCheckinRow *self);

G_END_DECLS
