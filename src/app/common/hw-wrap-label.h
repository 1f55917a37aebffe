/* hw-wrap-label.h: a label that wraps to a few lines, then ends in "…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_WRAP_LABEL (hw_wrap_label_get_type ())
G_DECLARE_FINAL_TYPE (HwWrapLabel, hw_wrap_label, HW, WRAP_LABEL, GtkWidget)

GtkWidget  *hw_wrap_label_new       (const char  *text);
const char *hw_wrap_label_get_text  (HwWrapLabel *self);
void        hw_wrap_label_set_text  (HwWrapLabel *self,
                                     const char  *text);
int         hw_wrap_label_get_lines (HwWrapLabel *self);
void        hw_wrap_label_set_lines (HwWrapLabel *self,
                                     int          lines);
int         hw_wrap_label_get_max_width_chars    (HwWrapLabel *self);
void        hw_wrap_label_set_max_width_chars    (HwWrapLabel *self,
                                                  int          chars);
gboolean    hw_wrap_label_get_whole_text_tooltip (HwWrapLabel *self);
void        hw_wrap_label_set_whole_text_tooltip (HwWrapLabel *self,
                                                  gboolean     whole);
gboolean    hw_wrap_label_is_cut    (HwWrapLabel *self);

G_END_DECLS
