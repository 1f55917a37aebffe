/* hw-plan-item-dialog.h: add or change one entry of a plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PLAN_ITEM_DIALOG (hw_plan_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwPlanItemDialog, hw_plan_item_dialog, HW, PLAN_ITEM_DIALOG, AdwWindow)

/* @item_id 0 adds an entry to @section of @plan_id. Emits ::saved (gint64
 * id) and closes after a successful save; a refusal (such as naming the
 * alleged source of harm as a protector) is shown in the dialog and
 * nothing is written. */
HwPlanItemDialog *hw_plan_item_dialog_new  (HwStore    *store,
                                            gint64      plan_id,
                                            const char *section,
                                            gint64      item_id);
/* for tests: Save, as the button does; FALSE if refused */
gboolean          hw_plan_item_dialog_save (HwPlanItemDialog *self);

G_END_DECLS
