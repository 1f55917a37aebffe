/* hw-text-column.h: texts one under another, as wide as the widest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_TEXT_COLUMN (hw_text_column_get_type ())
G_DECLARE_FINAL_TYPE (HwTextColumn, hw_text_column, HW, TEXT_COLUMN, GtkWidget)

GtkWidget *hw_text_column_new         (int           spacing);
void       hw_text_column_append      (HwTextColumn *self,
                                       GtkWidget    *child);
int        hw_text_column_get_spacing (HwTextColumn *self);
void       hw_text_column_set_spacing (HwTextColumn *self,
                                       int           spacing);

G_END_DECLS
