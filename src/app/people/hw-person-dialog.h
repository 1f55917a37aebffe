/* hw-person-dialog.h: add or edit one person of a case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PERSON_DIALOG (hw_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwPersonDialog, hw_person_dialog, HW, PERSON_DIALOG, AdwWindow)

/* @person_id 0 adds a new person to @case_id. */
HwPersonDialog *hw_person_dialog_new  (HwStore         *store,
                                       gint64           case_id,
                                       gint64           person_id);
/* Checks the fields and writes them as one edit ("Add person" or "Edit
 * person"); emits ::saved with the person's id. On bad input nothing is
 * written and @error says what to fix. */
gboolean        hw_person_dialog_save (HwPersonDialog  *self,
                                       GError         **error);

G_END_DECLS
