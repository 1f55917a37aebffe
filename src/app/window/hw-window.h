/* hw-window.h: the main window: the families on the left, one family's
 * case on the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_WINDOW (hw_window_get_type ())
G_DECLARE_FINAL_TYPE (HwWindow, hw_window, HW, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests): the window then keeps no settings. */
HwWindow   *hw_window_new           (GtkApplication *application,
                                     HwStore        *store);
HwStore    *hw_window_get_store     (HwWindow       *self);
/* Shows the case @case_id (0: none) and selects it in the list. */
void        hw_window_select_case   (HwWindow       *self,
                                     gint64          case_id);
gint64      hw_window_get_case_id   (HwWindow       *self);
/* (transfer none): the list model of the families, as shown */
GListModel *hw_window_get_cases     (HwWindow       *self);
/* (transfer none) (nullable): the HwCaseView shown, if any */
GtkWidget  *hw_window_get_case_view (HwWindow       *self);
/* Shows @toast over the window (takes ownership). */
void        hw_window_add_toast     (HwWindow       *self,
                                     AdwToast       *toast);

G_END_DECLS
