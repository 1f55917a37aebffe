/* hw-text-column.c: texts one under another, as wide as the widest
 *
 * A vertical GtkBox of wrapping labels, beside buttons in a horizontal
 * GtkBox (a row of the service plan), costs GTK 4.8 a search in a
 * search. To find how tall the row is at a width, the horizontal box
 * asks the vertical one how narrow it can be at a height, for heights it
 * finds by halving (gtkboxlayout.c, distribute_remaining_size ()); to
 * answer, the vertical box asks its labels how tall they are at widths it
 * finds by halving, from the narrowest ("…", a few pixels, where a long
 * text is hundreds of lines) up. Each of those is a layout of the text.
 * Opening a family on the service plan made about 26,000 of them.
 *
 * This column asks nothing of the kind: it is as wide as its widest
 * child at any height (at the least, as the narrowest its widest child
 * can be), and as tall, at a width, as its children at that width, one
 * under another, with `spacing` pixels between them. That is all a row
 * needs: the row gives it the width left beside its buttons, and its
 * height follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-text-column"

#include "hw-text-column.h"

struct _HwTextColumn
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (HwTextColumn, hw_text_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkSizeRequestMode
hw_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hw_text_column_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HwTextColumn *self = HW_TEXT_COLUMN (widget);
  int shown = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      shown++;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* whatever the height: no search for the narrowest */
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min;
          *natural += child_nat;
        }
    }
  if (orientation == GTK_ORIENTATION_VERTICAL && shown > 1)
    {
      *minimum += (shown - 1) * self->spacing;
      *natural += (shown - 1) * self->spacing;
    }
}

static void
hw_text_column_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  HwTextColumn *self = HW_TEXT_COLUMN (widget);
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height = 0;

      if (!gtk_widget_get_visible (child))
        continue;
      /* its least height at this width: a label's is its whole text */
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + self->spacing;
    }
}

static void
hw_text_column_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HwTextColumn *self = HW_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_text_column_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HwTextColumn *self = HW_TEXT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      hw_text_column_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_text_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hw_text_column_parent_class)->dispose (object);
}

static void
hw_text_column_class_init (HwTextColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_text_column_get_property;
  object_class->set_property = hw_text_column_set_property;
  object_class->dispose = hw_text_column_dispose;

  widget_class->get_request_mode = hw_text_column_get_request_mode;
  widget_class->measure = hw_text_column_measure;
  widget_class->size_allocate = hw_text_column_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT / 64, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a box, as far as the theme and screen readers go */
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
hw_text_column_init (HwTextColumn *self)
{
}

GtkWidget *
hw_text_column_new (int spacing)
{
  return g_object_new (HW_TYPE_TEXT_COLUMN, "spacing", spacing, NULL);
}

/* Adds @child under the others (children come from a template too). */
void
hw_text_column_append (HwTextColumn *self,
                       GtkWidget    *child)
{
  g_return_if_fail (HW_IS_TEXT_COLUMN (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

int
hw_text_column_get_spacing (HwTextColumn *self)
{
  g_return_val_if_fail (HW_IS_TEXT_COLUMN (self), 0);
  return self->spacing;
}

/* @spacing pixels between one child and the next. */
void
hw_text_column_set_spacing (HwTextColumn *self,
                            int           spacing)
{
  g_return_if_fail (HW_IS_TEXT_COLUMN (self));
  g_return_if_fail (spacing >= 0);

  if (spacing == self->spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}
