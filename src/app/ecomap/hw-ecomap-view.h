/* hw-ecomap-view.h: the ecomap and support-network editor of a case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_ECOMAP_VIEW (hw_ecomap_view_get_type ())
G_DECLARE_FINAL_TYPE (HwEcomapView, hw_ecomap_view, HW, ECOMAP_VIEW, GtkWidget)

GtkWidget *hw_ecomap_view_new (HwStore *store,
                               gint64   case_id);

G_END_DECLS
