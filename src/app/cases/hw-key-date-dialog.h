/* hw-key-date-dialog.h: add or change one key date of a case (removal,
 * hearing, trial home visit, return home, closure, re-entry).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_KEY_DATE_DIALOG (hw_key_date_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwKeyDateDialog, hw_key_date_dialog, HW, KEY_DATE_DIALOG, GtkWindow)

/* @record: (nullable): the key date to change (a row of case_events), or
 * NULL to add one to @case_id. Emits ::saved (gint64 id) once written. */
GtkWindow *hw_key_date_dialog_new (HwStore  *store,
                                   gint64    case_id,
                                   HwRecord *record);

G_END_DECLS
