/* hw-person-row.h: a row of the people page: a person or an organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-record.h"
#include "hw-text-row.h"

G_BEGIN_DECLS

#define HW_TYPE_PERSON_ROW (hw_person_row_get_type ())
G_DECLARE_FINAL_TYPE (HwPersonRow, hw_person_row, HW, PERSON_ROW, HwTextRow)

GtkWidget *hw_person_row_new              (HwRecord    *record,
                                           gboolean     organisation);
HwRecord  *hw_person_row_get_record       (HwPersonRow *self);
gint64     hw_person_row_get_item_id      (HwPersonRow *self);
gboolean   hw_person_row_get_organisation (HwPersonRow *self);
/* Adds "Worker: @name" to the row's line (the person's assigned worker). */
void       hw_person_row_set_worker       (HwPersonRow *self,
                                           const char  *name);

G_END_DECLS
