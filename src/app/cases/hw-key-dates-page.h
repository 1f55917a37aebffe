/* hw-key-dates-page.h: the page of a case's key dates (removal, hearings,
 * trial home visit, return home, closure, re-entry), with Add, Change and
 * Delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_KEY_DATES_PAGE (hw_key_dates_page_get_type ())
G_DECLARE_FINAL_TYPE (HwKeyDatesPage, hw_key_dates_page, HW, KEY_DATES_PAGE, GtkWidget)

GtkWidget *hw_key_dates_page_new          (HwStore        *store,
                                           gint64          case_id);
/* Opens the dialog that adds a key date (what the Add button does). */
void       hw_key_dates_page_add          (HwKeyDatesPage *self);
/* The number of key dates listed now (for tests). */
guint      hw_key_dates_page_get_n_rows   (HwKeyDatesPage *self);

G_END_DECLS
