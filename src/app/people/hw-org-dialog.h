/* hw-org-dialog.h: add or edit one organisation of a case (a school, a
 * service, a church...).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_ORG_DIALOG (hw_org_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwOrgDialog, hw_org_dialog, HW, ORG_DIALOG, AdwWindow)

/* @org_id 0 adds a new organisation to @case_id. */
HwOrgDialog *hw_org_dialog_new  (HwStore      *store,
                                 gint64        case_id,
                                 gint64        org_id);
/* Checks the fields and writes them as one edit; emits ::saved. */
gboolean     hw_org_dialog_save (HwOrgDialog  *self,
                                 GError      **error);

G_END_DECLS
