/* hw-aftercare-year.h: whether the year after going home is covered by
 * aftercare supports, shown above the service plan's aftercare list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_AFTERCARE_YEAR (hw_aftercare_year_get_type ())
G_DECLARE_FINAL_TYPE (HwAftercareYear, hw_aftercare_year, HW, AFTERCARE_YEAR, GtkWidget)

/* Hidden while the case has no return home. */
GtkWidget  *hw_aftercare_year_new      (HwStore         *store,
                                        gint64           case_id);
/* The text shown now, "" when hidden (for tests). */
char       *hw_aftercare_year_get_text (HwAftercareYear *self);

G_END_DECLS
