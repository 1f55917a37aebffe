/* hw-text-row.c: a list row laid out as an action row, quick to measure
 *
 * AdwActionRow's title and subtitle are GtkLabels in a vertical GtkBox
 * beside its prefixes and suffixes, and GTK 4.8 lays such labels out
 * again at each of the many widths its boxes search through
 * (hw-text-column.c). This row has the action row's parts and style
 * classes (`row > box.header > box.title`, `.prefixes`, `.suffixes`, the
 * title and subtitle labels), so the theme draws it as one, with
 * HwWrapLabels in a HwTextColumn: the same room, one layout per width
 * the row is given. As the action row's, the title and subtitle show all
 * their lines unless told a number (then they end in "…", the whole text
 * in their tooltips), and screen readers read the row as its title,
 * described by its subtitle.
 *
 * It is made in code, not from a template: the family time page makes
 * one for each visit of the month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-text-row"

#include "hw-text-column.h"
#include "hw-text-row.h"
#include "hw-wrap-label.h"

struct _HwTextRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *prefixes;
  HwWrapLabel   *title;
  HwWrapLabel   *subtitle;
  GtkWidget     *suffixes;
};

G_DEFINE_FINAL_TYPE (HwTextRow, hw_text_row, GTK_TYPE_LIST_BOX_ROW)

static void
hw_text_row_class_init (HwTextRowClass *klass)
{
}

static GtkWidget *
text_label (const char *style)
{
  GtkWidget *label = hw_wrap_label_new (NULL);

  hw_wrap_label_set_lines (HW_WRAP_LABEL (label), 0);
  hw_wrap_label_set_whole_text_tooltip (HW_WRAP_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style);
  return label;
}

static void
hw_text_row_init (HwTextRow *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *column = hw_text_column_new (3);   /* as the theme spaces them */

  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (header, "header");

  self->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->prefixes, "prefixes");
  gtk_widget_set_visible (self->prefixes, FALSE);

  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_add_css_class (column, "title");
  self->title = HW_WRAP_LABEL (text_label ("title"));
  self->subtitle = HW_WRAP_LABEL (text_label ("subtitle"));
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), FALSE);
  hw_text_column_append (HW_TEXT_COLUMN (column), GTK_WIDGET (self->title));
  hw_text_column_append (HW_TEXT_COLUMN (column), GTK_WIDGET (self->subtitle));

  self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->suffixes, "suffixes");
  gtk_widget_set_visible (self->suffixes, FALSE);

  gtk_box_append (GTK_BOX (header), self->prefixes);
  gtk_box_append (GTK_BOX (header), column);
  gtk_box_append (GTK_BOX (header), self->suffixes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), header);
}

/**
 * hw_text_row_new:
 *
 * Returns: (transfer floating): a row with no title yet
 */
GtkWidget *
hw_text_row_new (void)
{
  return g_object_new (HW_TYPE_TEXT_ROW, NULL);
}

const char *
hw_text_row_get_title (HwTextRow *self)
{
  g_return_val_if_fail (HW_IS_TEXT_ROW (self), NULL);
  return hw_wrap_label_get_text (self->title);
}

/* Sets the title (plain text), what screen readers call the row. */
void
hw_text_row_set_title (HwTextRow  *self,
                       const char *title)
{
  g_return_if_fail (HW_IS_TEXT_ROW (self));

  hw_wrap_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, hw_wrap_label_get_text (self->title),
                                  -1);
}

const char *
hw_text_row_get_subtitle (HwTextRow *self)
{
  g_return_val_if_fail (HW_IS_TEXT_ROW (self), NULL);
  return hw_wrap_label_get_text (self->subtitle);
}

/* Sets the smaller, dimmed words under the title (none if empty), how
 * screen readers describe the row. */
void
hw_text_row_set_subtitle (HwTextRow  *self,
                          const char *subtitle)
{
  g_return_if_fail (HW_IS_TEXT_ROW (self));

  hw_wrap_label_set_text (self->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL && *subtitle != '\0');
  if (subtitle != NULL && *subtitle != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* At most @lines lines of title, the last ending in "…"; 0: all. */
void
hw_text_row_set_title_lines (HwTextRow *self,
                             int        lines)
{
  g_return_if_fail (HW_IS_TEXT_ROW (self));
  hw_wrap_label_set_lines (self->title, lines);
}

/* At most @lines lines of subtitle, the last ending in "…"; 0: all. */
void
hw_text_row_set_subtitle_lines (HwTextRow *self,
                                int        lines)
{
  g_return_if_fail (HW_IS_TEXT_ROW (self));
  hw_wrap_label_set_lines (self->subtitle, lines);
}

/* Adds @widget before the title, after the prefixes added before. */
void
hw_text_row_add_prefix (HwTextRow *self,
                        GtkWidget *widget)
{
  g_return_if_fail (HW_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->prefixes), widget);
  gtk_widget_set_visible (self->prefixes, TRUE);
}

/* Adds @widget at the end of the row, after the suffixes added before. */
void
hw_text_row_add_suffix (HwTextRow *self,
                        GtkWidget *widget)
{
  g_return_if_fail (HW_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}
