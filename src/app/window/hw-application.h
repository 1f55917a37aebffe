/* hw-application.h: the Homeward application (one store, its windows).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_APPLICATION (hw_application_get_type ())
G_DECLARE_FINAL_TYPE (HwApplication, hw_application, HW, APPLICATION, AdwApplication)

HwApplication *hw_application_new          (void);
/* (transfer none) (nullable): the open store, NULL before it is opened */
HwStore       *hw_application_get_store    (HwApplication *self);
/* (transfer none) (nullable): the app's settings, NULL when the schema is
 * not installed (the app then simply forgets window size and last case) */
GSettings     *hw_application_get_settings (HwApplication *self);

G_END_DECLS
