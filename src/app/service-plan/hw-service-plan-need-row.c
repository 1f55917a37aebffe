/* hw-service-plan-need-row.c: a need of the plan, with its Add Goal button
 *
 * The row shows its record: a change of the item gives a new record and a
 * new row (the list model reports that item alone), never a rebuilt page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-need-row"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-need-row.h"
#include "hw-text-column.h"
#include "hw-wrap-label.h"

struct _HwServicePlanNeedRow
{
  GtkListBoxRow parent_instance;

  HwRecord  *record;

  HwWrapLabel *domain_label;
  HwWrapLabel *words_label;
  HwWrapLabel *strengths_label;
  GtkWidget *add_goal_button;
};

static void item_iface_init (HwServicePlanItemInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwServicePlanNeedRow, hw_service_plan_need_row, GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (HW_TYPE_SERVICE_PLAN_ITEM, item_iface_init))

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HwServicePlanNeedRow *self)
{
  HwRecord *record = self->record;

  g_assert (HW_IS_SERVICE_PLAN_NEED_ROW (self));

  const char *domain = hw_choice_label (HW_CHOICES_NEED_DOMAIN, hw_record_get_string (record, "domain"));
  const char *words = hw_record_get_string (record, "family_words");
  const char *strengths = hw_record_get_string (record, "strengths");
  g_autofree char *words_text = g_strdup_printf (_("In your words: %s"), words);
  g_autofree char *strengths_text = g_strdup_printf (_("Strengths: %s"), strengths);

  hw_wrap_label_set_text (self->domain_label, domain);
  hw_wrap_label_set_text (self->words_label, words_text);
  gtk_widget_set_visible (GTK_WIDGET (self->words_label), words[0] != '\0');
  hw_wrap_label_set_text (self->strengths_label, strengths_text);
  gtk_widget_set_visible (GTK_WIDGET (self->strengths_label), strengths[0] != '\0');
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_goal_button),
                                          g_variant_new_int64 (hw_record_get_id (record)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, domain, -1);
}

/**
 * hw_service_plan_need_row_new:
 * @record: the item to show
 *
 * Returns: (transfer floating): a row showing @record
 */
GtkWidget *
hw_service_plan_need_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_NEED_ROW, "record", record, NULL);
}

/**
 * hw_service_plan_need_row_get_record:
 *
 * Returns: (transfer none): the record the row shows
 */
HwRecord *
hw_service_plan_need_row_get_record (HwServicePlanNeedRow *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_NEED_ROW (self), NULL);

  return self->record;
}

static const char *
get_item_table (HwServicePlanItem *item)
{
  HwServicePlanNeedRow *self = HW_SERVICE_PLAN_NEED_ROW (item);

  return self->record != NULL ? hw_record_get_table (self->record) : NULL;
}

static gint64
get_item_id (HwServicePlanItem *item)
{
  HwServicePlanNeedRow *self = HW_SERVICE_PLAN_NEED_ROW (item);

  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

static void
item_iface_init (HwServicePlanItemInterface *iface)
{
  iface->get_item_table = get_item_table;
  iface->get_item_id = get_item_id;
}

static void
hw_service_plan_need_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HwServicePlanNeedRow *self = HW_SERVICE_PLAN_NEED_ROW (object);

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
hw_service_plan_need_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HwServicePlanNeedRow *self = HW_SERVICE_PLAN_NEED_ROW (object);

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
hw_service_plan_need_row_dispose (GObject *object)
{
  HwServicePlanNeedRow *self = HW_SERVICE_PLAN_NEED_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_service_plan_need_row_parent_class)->dispose (object);
}

static void
hw_service_plan_need_row_class_init (HwServicePlanNeedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_need_row_get_property;
  object_class->set_property = hw_service_plan_need_row_set_property;
  object_class->dispose = hw_service_plan_need_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_TEXT_COLUMN);
  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-need-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedRow, domain_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedRow, words_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedRow, strengths_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedRow, add_goal_button);
}

static void
hw_service_plan_need_row_init (HwServicePlanNeedRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
