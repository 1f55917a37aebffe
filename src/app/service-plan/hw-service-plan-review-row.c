/* hw-service-plan-review-row.c: a readiness review in the list under the chart
 *
 * The row shows its record: a change of the item gives a new record and a
 * new row (the list model reports that item alone), never a rebuilt page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-review-row"

#include <glib/gi18n.h>

#include "hw-service-plan.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-review-row.h"
#include "hw-wrap-label.h"

struct _HwServicePlanReviewRow
{
  GtkListBoxRow parent_instance;

  HwRecord  *record;

  HwWrapLabel *title_label;
  HwWrapLabel *notes_label;
};

static void item_iface_init (HwServicePlanItemInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwServicePlanReviewRow, hw_service_plan_review_row, GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (HW_TYPE_SERVICE_PLAN_ITEM, item_iface_init))

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HwServicePlanReviewRow *self)
{
  HwRecord *record = self->record;

  g_assert (HW_IS_SERVICE_PLAN_REVIEW_ROW (self));

  g_autofree char *date = hw_service_plan_format_date (hw_record_get_string (record, "date"), FALSE);
  g_autofree char *title = g_strdup_printf (_("Review of %s"), date);
  const char *notes = hw_record_get_string (record, "notes");

  hw_wrap_label_set_text (self->title_label, title);
  hw_wrap_label_set_text (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes[0] != '\0');
}

/**
 * hw_service_plan_review_row_new:
 * @record: the item to show
 *
 * Returns: (transfer floating): a row showing @record
 */
GtkWidget *
hw_service_plan_review_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_REVIEW_ROW, "record", record, NULL);
}

/**
 * hw_service_plan_review_row_get_record:
 *
 * Returns: (transfer none): the record the row shows
 */
HwRecord *
hw_service_plan_review_row_get_record (HwServicePlanReviewRow *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_REVIEW_ROW (self), NULL);

  return self->record;
}

static const char *
get_item_table (HwServicePlanItem *item)
{
  HwServicePlanReviewRow *self = HW_SERVICE_PLAN_REVIEW_ROW (item);

  return self->record != NULL ? hw_record_get_table (self->record) : NULL;
}

static gint64
get_item_id (HwServicePlanItem *item)
{
  HwServicePlanReviewRow *self = HW_SERVICE_PLAN_REVIEW_ROW (item);

  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

static void
item_iface_init (HwServicePlanItemInterface *iface)
{
  iface->get_item_table = get_item_table;
  iface->get_item_id = get_item_id;
}

static void
hw_service_plan_review_row_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  HwServicePlanReviewRow *self = HW_SERVICE_PLAN_REVIEW_ROW (object);

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
hw_service_plan_review_row_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  HwServicePlanReviewRow *self = HW_SERVICE_PLAN_REVIEW_ROW (object);

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
hw_service_plan_review_row_dispose (GObject *object)
{
  HwServicePlanReviewRow *self = HW_SERVICE_PLAN_REVIEW_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_service_plan_review_row_parent_class)->dispose (object);
}

static void
hw_service_plan_review_row_class_init (HwServicePlanReviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_review_row_get_property;
  object_class->set_property = hw_service_plan_review_row_set_property;
  object_class->dispose = hw_service_plan_review_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-review-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReviewRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReviewRow, notes_label);
}

static void
hw_service_plan_review_row_init (HwServicePlanReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
