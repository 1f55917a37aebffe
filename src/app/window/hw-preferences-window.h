/* hw-preferences-window.h: the screen lock settings and the passphrase,
 * the undo history, where the families are kept, the phones' certificate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PREFERENCES_WINDOW (hw_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HwPreferencesWindow, hw_preferences_window, HW, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings (nullable): without it the minutes and the place where the
 * families are kept cannot be changed. */
HwPreferencesWindow *hw_preferences_window_new                 (HwStore             *store,
                                                                GSettings           *settings);
/* shows the group "Where Families Are Kept", the focus on its choice */
void                 hw_preferences_window_show_database_choice (HwPreferencesWindow *self);

G_END_DECLS
