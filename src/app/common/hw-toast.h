/* hw-toast.h: the one way a view tells the person what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void hw_toast_show       (GtkWidget    *widget,
                          AdwToast     *toast);
void hw_toast_show_error (GtkWidget    *widget,
                          const GError *error);
void hw_toast_show_undo  (GtkWidget    *widget,
                          const char   *title);

G_END_DECLS
