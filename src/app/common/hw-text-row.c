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
 * in their tooltips, or with `whole-tooltip` in the row's, title and
 * subtitle together), and screen readers read the row as its title,
 * described by its subtitle.
 *
 * It is made in code, not from a template: the family time page makes
 * one for each visit of the month. A row type of its own derives from it,
 * and its template adds prefixes and suffixes as an action row's does:
 * `<child type="prefix">`, `<child type="suffix">`
 * (ui/plans/hw-plan-item-row.ui).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-text-row"

#include "hw-long-text.h"
#include "hw-text-column.h"
#include "hw-text-row.h"
#include "hw-wrap-label.h"

typedef struct
{
  GtkWidget     *prefixes;
  HwWrapLabel   *title;
  HwWrapLabel   *subtitle;
  GtkWidget     *suffixes;
  gboolean       whole_tooltip;
} HwTextRowPrivate;

static GtkBuildableIface *parent_buildable_iface;

static void hw_text_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (HwTextRow, hw_text_row, GTK_TYPE_LIST_BOX_ROW,
                         G_ADD_PRIVATE (HwTextRow)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, hw_text_row_buildable_init))

enum {
  PROP_0,
  PROP_TITLE_LINES,
  PROP_SUBTITLE_LINES,
  PROP_WHOLE_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What screen readers say of the row, and its tooltip if it has the
 * whole text: set again when the title or the subtitle changes. */
static void
update_row (HwTextRow *self)
{
  HwTextRowPrivate *priv = hw_text_row_get_instance_private (self);
  const char *title = hw_wrap_label_get_text (priv->title);
  const char *subtitle = hw_wrap_label_get_text (priv->subtitle);

  /* before the description: a tooltip's text describes its widget too */
  if (priv->whole_tooltip)
    hw_row_set_whole_tooltip (GTK_WIDGET (self), title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* (an empty one in place of the tooltip's) */
  if (*subtitle != '\0' || priv->whole_tooltip)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
hw_text_row_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  HwTextRow *self = HW_TEXT_ROW (buildable);

  if (g_strcmp0 (type, "prefix") == 0)
    hw_text_row_add_prefix (self, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "suffix") == 0)
    hw_text_row_add_suffix (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
hw_text_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = hw_text_row_buildable_add_child;
}

static void
hw_text_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HwTextRow *self = HW_TEXT_ROW (object);
  HwTextRowPrivate *priv = hw_text_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE_LINES:
      g_value_set_int (value, hw_wrap_label_get_lines (priv->title));
      break;
    case PROP_SUBTITLE_LINES:
      g_value_set_int (value, hw_wrap_label_get_lines (priv->subtitle));
      break;
    case PROP_WHOLE_TOOLTIP:
      g_value_set_boolean (value, priv->whole_tooltip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_text_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HwTextRow *self = HW_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE_LINES:
      hw_text_row_set_title_lines (self, g_value_get_int (value));
      break;
    case PROP_SUBTITLE_LINES:
      hw_text_row_set_subtitle_lines (self, g_value_get_int (value));
      break;
    case PROP_WHOLE_TOOLTIP:
      hw_text_row_set_whole_tooltip (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_text_row_class_init (HwTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hw_text_row_get_property;
  object_class->set_property = hw_text_row_set_property;

  properties[PROP_TITLE_LINES] =
    g_param_spec_int ("title-lines", NULL, NULL, 0, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE_LINES] =
    g_param_spec_int ("subtitle-lines", NULL, NULL, 0, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_TOOLTIP] =
    g_param_spec_boolean ("whole-tooltip", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  HwTextRowPrivate *priv = hw_text_row_get_instance_private (self);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *column = hw_text_column_new (3);   /* as the theme spaces them */

  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (header, "header");

  priv->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (priv->prefixes, "prefixes");
  gtk_widget_set_visible (priv->prefixes, FALSE);

  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_add_css_class (column, "title");
  priv->title = HW_WRAP_LABEL (text_label ("title"));
  priv->subtitle = HW_WRAP_LABEL (text_label ("subtitle"));
  gtk_widget_set_visible (GTK_WIDGET (priv->subtitle), FALSE);
  hw_text_column_append (HW_TEXT_COLUMN (column), GTK_WIDGET (priv->title));
  hw_text_column_append (HW_TEXT_COLUMN (column), GTK_WIDGET (priv->subtitle));

  priv->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (priv->suffixes, "suffixes");
  gtk_widget_set_visible (priv->suffixes, FALSE);

  gtk_box_append (GTK_BOX (header), priv->prefixes);
  gtk_box_append (GTK_BOX (header), column);
  gtk_box_append (GTK_BOX (header), priv->suffixes);
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
  HwTextRowPrivate *priv;

  g_return_val_if_fail (HW_IS_TEXT_ROW (self), NULL);
  priv = hw_text_row_get_instance_private (self);
  return hw_wrap_label_get_text (priv->title);
}

/* Sets the title (plain text), what screen readers call the row. */
void
hw_text_row_set_title (HwTextRow  *self,
                       const char *title)
{
  HwTextRowPrivate *priv;

  g_return_if_fail (HW_IS_TEXT_ROW (self));
  priv = hw_text_row_get_instance_private (self);

  hw_wrap_label_set_text (priv->title, title);
  update_row (self);
}

const char *
hw_text_row_get_subtitle (HwTextRow *self)
{
  HwTextRowPrivate *priv;

  g_return_val_if_fail (HW_IS_TEXT_ROW (self), NULL);
  priv = hw_text_row_get_instance_private (self);
  return hw_wrap_label_get_text (priv->subtitle);
}

/* Sets the smaller, dimmed words under the title (none if empty), how
 * screen readers describe the row. */
void
hw_text_row_set_subtitle (HwTextRow  *self,
                          const char *subtitle)
{
  HwTextRowPrivate *priv;

  g_return_if_fail (HW_IS_TEXT_ROW (self));
  priv = hw_text_row_get_instance_private (self);

  hw_wrap_label_set_text (priv->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (priv->subtitle), subtitle != NULL && *subtitle != '\0');
  update_row (self);
}

/* At most @lines lines of title, the last ending in "…"; 0: all. */
void
hw_text_row_set_title_lines (HwTextRow *self,
                             int        lines)
{
  HwTextRowPrivate *priv;

  g_return_if_fail (HW_IS_TEXT_ROW (self));
  priv = hw_text_row_get_instance_private (self);
  hw_wrap_label_set_lines (priv->title, lines);
}

/* At most @lines lines of subtitle, the last ending in "…"; 0: all. */
void
hw_text_row_set_subtitle_lines (HwTextRow *self,
                                int        lines)
{
  HwTextRowPrivate *priv;

  g_return_if_fail (HW_IS_TEXT_ROW (self));
  priv = hw_text_row_get_instance_private (self);
  hw_wrap_label_set_lines (priv->subtitle, lines);
}

/* With @whole, the row's tooltip is its whole title and subtitle, always
 * (a row that cuts them short after a few lines); without, a title or a
 * subtitle cut short has its own whole text as its tooltip. */
void
hw_text_row_set_whole_tooltip (HwTextRow *self,
                               gboolean   whole)
{
  HwTextRowPrivate *priv;

  g_return_if_fail (HW_IS_TEXT_ROW (self));
  priv = hw_text_row_get_instance_private (self);

  priv->whole_tooltip = !!whole;
  hw_wrap_label_set_whole_text_tooltip (priv->title, !whole);
  hw_wrap_label_set_whole_text_tooltip (priv->subtitle, !whole);
  update_row (self);
}

/* Adds @widget before the title, after the prefixes added before. */
void
hw_text_row_add_prefix (HwTextRow *self,
                        GtkWidget *widget)
{
  HwTextRowPrivate *priv;

  g_return_if_fail (HW_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  priv = hw_text_row_get_instance_private (self);

  gtk_box_append (GTK_BOX (priv->prefixes), widget);
  gtk_widget_set_visible (priv->prefixes, TRUE);
}

/* Adds @widget at the end of the row, after the suffixes added before. */
void
hw_text_row_add_suffix (HwTextRow *self,
                        GtkWidget *widget)
{
  HwTextRowPrivate *priv;

  g_return_if_fail (HW_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  priv = hw_text_row_get_instance_private (self);

  gtk_box_append (GTK_BOX (priv->suffixes), widget);
  gtk_widget_set_visible (priv->suffixes, TRUE);
}
