/* hw-long-text.h: texts of any length in a window that keeps its size
 *
 * A name, a place or a family's words can be hundreds of characters
 * long, one word without a space among them. No text may widen the
 * window: labels wrap or are cut short with "…", and the whole text is
 * then in their tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The widest a one-line name asks to be, in characters. */
#define HW_LONG_TEXT_NAME_CHARS 30

/* Makes @label one line cut short with "…" when it does not fit, asking
 * for at most @max_chars characters of width, with its whole text in its
 * tooltip (kept as the text changes). */
void  hw_label_ellipsize_long   (GtkLabel    *label,
                                 int          max_chars);
/* Makes @label wrap, anywhere in a word too long for a line, asking for
 * at most @max_chars characters of width when it has room. */
void  hw_label_wrap_long        (GtkLabel    *label,
                                 int          max_chars);
/* Like hw_label_wrap_long(), but cut short with "…" past @lines lines,
 * with the whole text in the tooltip. For a label beside other widgets in
 * a row: GTK 4.8 lays a wrapping label out in a row as wide as its
 * natural width, unless it may be cut short. */
void  hw_label_wrap_lines       (GtkLabel    *label,
                                 int          max_chars,
                                 int          lines);
/* Makes the label that shows @editable's text (when it is not being
 * edited) wrap like hw_label_wrap_lines(): GTK 4.8 keeps it on one line,
 * as wide as the whole text. */
void  hw_editable_label_wrap_lines (GtkEditableLabel *editable,
                                    int               max_chars,
                                    int               lines);
/* For a drop-down of a GtkStringList (names of people...): the chosen
 * name is cut short with "…" past @max_chars characters, the whole name in
 * the tooltip; the names in its list wrap instead. */
void  hw_drop_down_fit_names    (GtkDropDown *dropdown,
                                 int          max_chars);
/* Gives @row a tooltip with its whole title and subtitle, for when their
 * title-lines and subtitle-lines cut them short; call it after setting
 * them. */
void  hw_action_row_set_whole_tooltip (AdwActionRow *row);
/* The same for a row laid out otherwise: @title, and @subtitle (NULL or
 * empty: none) on a line of its own. */
void  hw_row_set_whole_tooltip  (GtkWidget   *row,
                                 const char  *title,
                                 const char  *subtitle);
/* @text cut to @max_chars characters with "…" when it is longer, for the
 * places that only take a string (window titles). (transfer full) */
char *hw_long_text_shorten      (const char  *text,
                                 int          max_chars);

G_END_DECLS
