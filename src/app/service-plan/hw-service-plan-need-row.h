/* hw-service-plan-need-row.h: a need in the plan by area: its area, the family's words, strengths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_NEED_ROW (hw_service_plan_need_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanNeedRow, hw_service_plan_need_row, HW, SERVICE_PLAN_NEED_ROW, GtkListBoxRow)

GtkWidget *hw_service_plan_need_row_new        (HwRecord *record);
HwRecord  *hw_service_plan_need_row_get_record (HwServicePlanNeedRow *self);

G_END_DECLS
