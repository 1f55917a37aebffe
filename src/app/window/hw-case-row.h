/* hw-case-row.h: a family in the list of families.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_CASE_ROW (hw_case_row_get_type ())
G_DECLARE_FINAL_TYPE (HwCaseRow, hw_case_row, HW, CASE_ROW, GtkWidget)

GtkWidget  *hw_case_row_new          (void);
void        hw_case_row_set_record   (HwCaseRow *self,
                                      HwRecord  *record);
const char *hw_case_row_get_title    (HwCaseRow *self);
const char *hw_case_row_get_subtitle (HwCaseRow *self);

G_END_DECLS
