/* hw-placements-page.h: the page of where a case's children live: each
 * child's placements in date order, with Add, Change, End and Delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PLACEMENTS_PAGE (hw_placements_page_get_type ())
G_DECLARE_FINAL_TYPE (HwPlacementsPage, hw_placements_page, HW, PLACEMENTS_PAGE, GtkWidget)

GtkWidget *hw_placements_page_new        (HwStore          *store,
                                          gint64            case_id);
/* Opens the dialog that adds a placement (what the Add button does). */
void       hw_placements_page_add        (HwPlacementsPage *self);
/* The number of placements listed now (for tests). */
guint      hw_placements_page_get_n_rows (HwPlacementsPage *self);

G_END_DECLS
