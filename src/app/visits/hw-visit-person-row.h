/* hw-visit-person-row.h: a person to choose in the Schedule Visits dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_VISIT_PERSON_ROW (hw_visit_person_row_get_type ())
G_DECLARE_FINAL_TYPE (HwVisitPersonRow, hw_visit_person_row, HW, VISIT_PERSON_ROW, AdwActionRow)

GtkWidget *hw_visit_person_row_new           (HwRecord         *person);
gint64     hw_visit_person_row_get_person_id (HwVisitPersonRow *self);
gboolean   hw_visit_person_row_get_active    (HwVisitPersonRow *self);

G_END_DECLS
