/* hw-visit-dialog.h: plan visits (a new series) for a case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_VISIT_DIALOG (hw_visit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwVisitDialog, hw_visit_dialog, HW, VISIT_DIALOG, AdwWindow)

/* @day: (nullable): "YYYY-MM-DD" to start on */
HwVisitDialog *hw_visit_dialog_new (GtkWindow  *parent,
                                    HwStore    *store,
                                    gint64      case_id,
                                    const char *day);

G_END_DECLS
