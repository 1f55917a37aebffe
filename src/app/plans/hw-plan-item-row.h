/* hw-plan-item-row.h: a row of the plan editor: one entry of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-record.h"
#include "hw-text-row.h"

G_BEGIN_DECLS

#define HW_TYPE_PLAN_ITEM_ROW (hw_plan_item_row_get_type ())
G_DECLARE_FINAL_TYPE (HwPlanItemRow, hw_plan_item_row, HW, PLAN_ITEM_ROW, HwTextRow)

GtkWidget *hw_plan_item_row_new         (HwRecord      *item,
                                         const char    *who_name);
HwRecord  *hw_plan_item_row_get_record  (HwPlanItemRow *self);
gint64     hw_plan_item_row_get_item_id (HwPlanItemRow *self);

G_END_DECLS
