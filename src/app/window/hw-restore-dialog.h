/* hw-restore-dialog.h: Restore from Backup: the automatic backups of the
 * open database, or a file, put back into the open store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_RESTORE_DIALOG (hw_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwRestoreDialog, hw_restore_dialog, HW, RESTORE_DIALOG, AdwWindow)

/* @parent: the window; when it is an HwWindow, it tells in a toast what
 * was restored */
HwRestoreDialog *hw_restore_dialog_new (GtkWindow *parent,
                                        HwStore   *store);

G_END_DECLS
