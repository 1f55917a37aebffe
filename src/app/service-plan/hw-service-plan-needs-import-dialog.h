/* hw-service-plan-needs-import-dialog.h: review the needs that the low
 * ratings of the latest readiness review call for, and add the chosen
 * ones to the service plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (hw_service_plan_needs_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanNeedsImportDialog, hw_service_plan_needs_import_dialog,
                      HW, SERVICE_PLAN_NEEDS_IMPORT_DIALOG, AdwWindow)

/* Lists one need per service plan domain that a rating at or below
 * HW_PLAN_IMPORT_LOW_RATING in the family's latest readiness review calls
 * for (and the family has no need in yet), every one ticked. Add Selected
 * adds the ticked ones in one edit, emits ::added (guint how many) and
 * closes; a refusal is shown in the dialog and nothing is written. */
HwServicePlanNeedsImportDialog *hw_service_plan_needs_import_dialog_new (HwStore *store,
                                                                        gint64   case_id);

/* for tests: what the button and the rows do */
gboolean hw_service_plan_needs_import_dialog_add        (HwServicePlanNeedsImportDialog *self);
guint    hw_service_plan_needs_import_dialog_get_n_items (HwServicePlanNeedsImportDialog *self);
void     hw_service_plan_needs_import_dialog_set_active (HwServicePlanNeedsImportDialog *self,
                                                         guint                           index,
                                                         gboolean                        active);

G_END_DECLS
