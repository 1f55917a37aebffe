/* hw-placement-dialog.h: add, change or end one placement of a child
 * (where the child lives, since when, with whom).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PLACEMENT_DIALOG (hw_placement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwPlacementDialog, hw_placement_dialog, HW, PLACEMENT_DIALOG, GtkWindow)

/* @record: (nullable): the placement to change (a row of placements), or
 * NULL to add one to @case_id. With @ending, the dialog is about ending
 * @record: its title says so and the last day is the field to type in.
 * Emits ::saved (gint64 id) once written. */
GtkWindow *hw_placement_dialog_new (HwStore  *store,
                                    gint64    case_id,
                                    HwRecord *record,
                                    gboolean  ending);

G_END_DECLS
