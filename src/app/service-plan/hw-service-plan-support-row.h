/* hw-service-plan-support-row.h: a support after going home: what, who, check-ins, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_SUPPORT_ROW (hw_service_plan_support_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanSupportRow, hw_service_plan_support_row, HW, SERVICE_PLAN_SUPPORT_ROW, GtkListBoxRow)

GtkWidget *hw_service_plan_support_row_new        (HwRecord *record);
HwRecord  *hw_service_plan_support_row_get_record (HwServicePlanSupportRow *self);

G_END_DECLS
