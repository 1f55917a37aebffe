/* hw-service-plan-goal-row.c: a goal of the plan, with its Add Task button
 *
 * The row shows its record: a change of the item gives a new record and a
 * new row (the list model reports that item alone), never a rebuilt page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-goal-row"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-service-plan.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-goal-row.h"
#include "hw-text-column.h"
#include "hw-wrap-label.h"

struct _HwServicePlanGoalRow
{
  GtkListBoxRow parent_instance;

  HwRecord  *record;

  HwWrapLabel *title_label;
  HwWrapLabel *meta_label;
  GtkWidget *add_task_button;
};

static void item_iface_init (HwServicePlanItemInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwServicePlanGoalRow, hw_service_plan_goal_row, GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (HW_TYPE_SERVICE_PLAN_ITEM, item_iface_init))

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HwServicePlanGoalRow *self)
{
  HwRecord *record = self->record;

  g_assert (HW_IS_SERVICE_PLAN_GOAL_ROW (self));

  const char *target = hw_record_get_string (record, "target_date");
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *title = NULL;

  /* Translators: a goal in the plan */
  title = g_strdup_printf (_("Goal: %s"), hw_record_get_string (record, "text"));
  hw_wrap_label_set_text (self->title_label, title);
  if (target[0] != '\0')
    {
      g_autofree char *date = hw_service_plan_format_date (target, FALSE);

      g_string_append_printf (meta, _("By %s"), date);
      g_string_append (meta, " · ");
    }
  g_string_append (meta, hw_choice_label (HW_CHOICES_ACHIEVEMENT,
                                          hw_record_get_string (record, "achievement")));
  hw_wrap_label_set_text (self->meta_label, meta->str);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_task_button),
                                          g_variant_new_int64 (hw_record_get_id (record)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/**
 * hw_service_plan_goal_row_new:
 * @record: the item to show
 *
 * Returns: (transfer floating): a row showing @record
 */
GtkWidget *
hw_service_plan_goal_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_GOAL_ROW, "record", record, NULL);
}

/**
 * hw_service_plan_goal_row_get_record:
 *
 * Returns: (transfer none): the record the row shows
 */
HwRecord *
hw_service_plan_goal_row_get_record (HwServicePlanGoalRow *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_GOAL_ROW (self), NULL);

  return self->record;
}

static const char *
get_item_table (HwServicePlanItem *item)
{
  HwServicePlanGoalRow *self = HW_SERVICE_PLAN_GOAL_ROW (item);

  return self->record != NULL ? hw_record_get_table (self->record) : NULL;
}

static gint64
get_item_id (HwServicePlanItem *item)
{
  HwServicePlanGoalRow *self = HW_SERVICE_PLAN_GOAL_ROW (item);

  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

static void
item_iface_init (HwServicePlanItemInterface *iface)
{
  iface->get_item_table = get_item_table;
  iface->get_item_id = get_item_id;
}

static void
hw_service_plan_goal_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HwServicePlanGoalRow *self = HW_SERVICE_PLAN_GOAL_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_goal_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HwServicePlanGoalRow *self = HW_SERVICE_PLAN_GOAL_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_set_object (&self->record, g_value_get_object (value));
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_goal_row_dispose (GObject *object)
{
  HwServicePlanGoalRow *self = HW_SERVICE_PLAN_GOAL_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_service_plan_goal_row_parent_class)->dispose (object);
}

static void
hw_service_plan_goal_row_class_init (HwServicePlanGoalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_goal_row_get_property;
  object_class->set_property = hw_service_plan_goal_row_set_property;
  object_class->dispose = hw_service_plan_goal_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_TEXT_COLUMN);
  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-goal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanGoalRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanGoalRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanGoalRow, add_task_button);
}

static void
hw_service_plan_goal_row_init (HwServicePlanGoalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
