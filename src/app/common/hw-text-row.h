/* hw-text-row.h: a list row laid out as an action row, quick to measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_TEXT_ROW (hw_text_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (HwTextRow, hw_text_row, HW, TEXT_ROW, GtkListBoxRow)

struct _HwTextRowClass
{
  GtkListBoxRowClass parent_class;
};

GtkWidget  *hw_text_row_new                (void);
const char *hw_text_row_get_title          (HwTextRow  *self);
void        hw_text_row_set_title          (HwTextRow  *self,
                                            const char *title);
const char *hw_text_row_get_subtitle       (HwTextRow  *self);
void        hw_text_row_set_subtitle       (HwTextRow  *self,
                                            const char *subtitle);
void        hw_text_row_set_title_lines    (HwTextRow  *self,
                                            int         lines);
void        hw_text_row_set_subtitle_lines (HwTextRow  *self,
                                            int         lines);
void        hw_text_row_set_whole_tooltip  (HwTextRow  *self,
                                            gboolean    whole);
void        hw_text_row_add_prefix         (HwTextRow  *self,
                                            GtkWidget  *widget);
void        hw_text_row_add_suffix         (HwTextRow  *self,
                                            GtkWidget  *widget);

G_END_DECLS
