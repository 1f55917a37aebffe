/* hw-plan-import-dialog.h: review what a meeting recorded and bring the
 * chosen entries into the safety plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PLAN_IMPORT_DIALOG (hw_plan_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwPlanImportDialog, hw_plan_import_dialog, HW, PLAN_IMPORT_DIALOG, AdwWindow)

/* Lists what the family's latest meeting (or another one, chosen in the
 * dialog) would add to the safety plan @plan_id, every entry ticked. Add
 * Selected adds the ticked ones in one edit, emits ::added (guint how
 * many) and closes; a refusal is shown in the dialog and nothing is
 * written. */
HwPlanImportDialog *hw_plan_import_dialog_new      (HwStore            *store,
                                                    gint64              plan_id);

/* for tests: what the button and the rows do */
gboolean            hw_plan_import_dialog_add      (HwPlanImportDialog *self);
gboolean            hw_plan_import_dialog_select_meeting (HwPlanImportDialog *self,
                                                    gint64              meeting_id);
guint               hw_plan_import_dialog_get_n_items (HwPlanImportDialog *self);
void                hw_plan_import_dialog_set_active (HwPlanImportDialog *self,
                                                    guint               index,
                                                    gboolean            active);

G_END_DECLS
