/* hw-plan-print-dialog.h: the print dialog of a plan: the common
 * HwPrintDialog (for whom, language, paper; Print… or Save as PDF…) with
 * the plan's own questions under it. In "agree" mode it first freezes the
 * draft as a new version with the date and the people who sign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-print-dialog.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* @version 0 prints the draft, N reprints version N; @agree freezes the
 * draft first ("Agree and print"). Returns: (transfer floating) */
HwPrintDialog *hw_plan_print_dialog_new         (HwStore       *store,
                                                 gint64         plan_id,
                                                 gint64         version,
                                                 gboolean       agree);
/* The version printed (after an agreement, the new one); 0 = draft. */
gint64         hw_plan_print_dialog_get_version (HwPrintDialog *dialog);

G_END_DECLS
