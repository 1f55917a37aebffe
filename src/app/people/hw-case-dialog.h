/* hw-case-dialog.h: add a family (a case) or edit its details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_CASE_DIALOG (hw_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwCaseDialog, hw_case_dialog, HW, CASE_DIALOG, AdwWindow)

/* @case_id 0 adds a new family. */
HwCaseDialog *hw_case_dialog_new  (HwStore       *store,
                                   gint64         case_id);
/* Checks the fields and writes them as one edit; emits ::saved. */
gboolean      hw_case_dialog_save (HwCaseDialog  *self,
                                   GError       **error);

G_END_DECLS
