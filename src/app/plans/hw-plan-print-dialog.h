/* hw-plan-print-dialog.h: choose who a copy of a plan is for, its
 * language and paper, then print it (with a preview) or save it as PDF.
 * In "agree" mode it first freezes the draft as a new version with the
 * date and the people who sign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-document.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PLAN_PRINT_DIALOG (hw_plan_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwPlanPrintDialog, hw_plan_print_dialog, HW, PLAN_PRINT_DIALOG, AdwWindow)

/* @version 0 prints the draft, N reprints version N; @agree freezes the
 * draft first ("Agree and print"). */
HwPlanPrintDialog *hw_plan_print_dialog_new            (HwStore           *store,
                                                        gint64             plan_id,
                                                        gint64             version,
                                                        gboolean           agree);
/* For tests and for the buttons: freezes (in agree mode) and builds the
 * document for the chosen recipient, language and paper. */
HwDocument        *hw_plan_print_dialog_build_document (HwPlanPrintDialog *self,
                                                        GError           **error);
/* The version printed (after an agreement, the new one); 0 = draft. */
gint64             hw_plan_print_dialog_get_version    (HwPlanPrintDialog *self);
/* Selects the recipient ("family", "agency", "person:ID") and language. */
gboolean           hw_plan_print_dialog_select         (HwPlanPrintDialog *self,
                                                        const char        *recipient,
                                                        const char        *language);

G_END_DECLS
