/* hw-plan-item-row.c: a row of the plan editor: one entry of a plan
 *
 * Shows its record (a row of `plan_items` from the editor's live list):
 * the family's words, then who, when, how often, how it is checked, the
 * phone number and whether some copies leave it out (a HwTextRow: laid
 * out as an action row, hw-plan-item-row.ui says why not one); its buttons activate
 * the editor's actions (editor.up, editor.down, editor.edit,
 * editor.delete) with the entry's id. The name of who does it comes from
 * the editor, which reads it from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-item-row"

#include <glib/gi18n.h>

#include "hw-plan-item-row.h"

struct _HwPlanItemRow
{
  HwTextRow     parent_instance;

  HwRecord     *record;
  char         *who_name;

  /* template widgets */
  GtkWidget    *up_button;
  GtkWidget    *down_button;
  GtkWidget    *edit_button;
  GtkWidget    *delete_button;
};

G_DEFINE_FINAL_TYPE (HwPlanItemRow, hw_plan_item_row, HW_TYPE_TEXT_ROW)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_WHO_NAME,
  PROP_ITEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_part (GString    *s,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

static void
show_record (HwPlanItemRow *self)
{
  HwRecord *item = self->record;
  gint64 id = hw_record_get_id (item);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *buttons[] = { self->up_button, self->down_button, self->edit_button, self->delete_button };

  g_assert (HW_IS_PLAN_ITEM_ROW (self));

  append_part (subtitle, self->who_name);
  append_part (subtitle, hw_record_get_string (item, "when_text"));
  append_part (subtitle, hw_record_get_string (item, "how_often"));
  append_part (subtitle, hw_record_get_string (item, "how_checked"));
  append_part (subtitle, hw_record_get_string (item, "phone"));
  if (*hw_record_get_string (item, "withheld_from") != '\0' || hw_record_get_boolean (item, "confidential"))
    append_part (subtitle, _("Left out of some copies"));

  hw_text_row_set_title (HW_TEXT_ROW (self), hw_record_get_string (item, "text"));
  hw_text_row_set_subtitle (HW_TEXT_ROW (self), subtitle->str);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i]), "x", id);
}

static void
hw_plan_item_row_constructed (GObject *object)
{
  HwPlanItemRow *self = HW_PLAN_ITEM_ROW (object);

  G_OBJECT_CLASS (hw_plan_item_row_parent_class)->constructed (object);

  g_assert (HW_IS_RECORD (self->record));
  show_record (self);
}

static void
hw_plan_item_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HwPlanItemRow *self = HW_PLAN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_WHO_NAME:
      g_value_set_string (value, self->who_name);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, hw_plan_item_row_get_item_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_item_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HwPlanItemRow *self = HW_PLAN_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_WHO_NAME:
      self->who_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_item_row_dispose (GObject *object)
{
  HwPlanItemRow *self = HW_PLAN_ITEM_ROW (object);

  g_clear_object (&self->record);
  g_clear_pointer (&self->who_name, g_free);
  G_OBJECT_CLASS (hw_plan_item_row_parent_class)->dispose (object);
}

static void
hw_plan_item_row_class_init (HwPlanItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_plan_item_row_constructed;
  object_class->get_property = hw_plan_item_row_get_property;
  object_class->set_property = hw_plan_item_row_set_property;
  object_class->dispose = hw_plan_item_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO_NAME] =
    g_param_spec_string ("who-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/plans/hw-plan-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemRow, delete_button);
}

static void
hw_plan_item_row_init (HwPlanItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_plan_item_row_new:
 * @item: a row of `plan_items`
 * @who_name: (nullable): the name of who the entry names, if anyone
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_plan_item_row_new (HwRecord   *item,
                      const char *who_name)
{
  g_return_val_if_fail (HW_IS_RECORD (item), NULL);

  return g_object_new (HW_TYPE_PLAN_ITEM_ROW, "record", item, "who-name", who_name, NULL);
}

/* (transfer none): the entry the row shows */
HwRecord *
hw_plan_item_row_get_record (HwPlanItemRow *self)
{
  g_return_val_if_fail (HW_IS_PLAN_ITEM_ROW (self), NULL);
  return self->record;
}

/* The id of the entry the row shows. */
gint64
hw_plan_item_row_get_item_id (HwPlanItemRow *self)
{
  g_return_val_if_fail (HW_IS_PLAN_ITEM_ROW (self), 0);
  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

