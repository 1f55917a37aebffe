/* hw-visit-outcome-dialog.h: what happened at one visit (or its
 * cancellation), and a make-up visit when one is owed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"
#include "hw-visits.h"

G_BEGIN_DECLS

#define HW_TYPE_VISIT_OUTCOME_DIALOG (hw_visit_outcome_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwVisitOutcomeDialog, hw_visit_outcome_dialog, HW, VISIT_OUTCOME_DIALOG, AdwWindow)

/* @status: (nullable): a status to start with, e.g. "cancelled-parent" */
HwVisitOutcomeDialog *hw_visit_outcome_dialog_new (GtkWindow     *parent,
                                                   HwStore       *store,
                                                   const HwVisit *visit,
                                                   const char    *status);

G_END_DECLS
