/* hw-service-plan-timeline-row.c: a task, goal or check-in by its due date, with its due badge
 *
 * The row shows its record: a change of the item gives a new record and a
 * new row (the list model reports that item alone), never a rebuilt page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-timeline-row"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-service-plan.h"
#include "hw-service-plan-due-badge.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-timeline-row.h"
#include "hw-text-column.h"
#include "hw-wrap-label.h"

struct _HwServicePlanTimelineRow
{
  GtkListBoxRow parent_instance;

  HwRecord  *record;

  GtkLabel  *date_label;
  HwWrapLabel *text_label;
  HwWrapLabel *meta_label;
  HwServicePlanDueBadge*badge;
};

static void item_iface_init (HwServicePlanItemInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwServicePlanTimelineRow, hw_service_plan_timeline_row, GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (HW_TYPE_SERVICE_PLAN_ITEM, item_iface_init))

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HwServicePlanTimelineRow *self)
{
  HwRecord *record = self->record;

  g_assert (HW_IS_SERVICE_PLAN_TIMELINE_ROW (self));

  const char *kind = hw_record_get_string (record, "kind");
  gboolean is_goal = g_str_equal (kind, "goal");
  gboolean is_checkin = g_str_equal (kind, "checkin");
  const char *who = hw_record_get_string (record, "responsible_name");
  g_autofree char *date = hw_service_plan_format_date (hw_record_get_string (record, "date"), FALSE);
  g_autofree char *text = NULL;
  g_autofree char *meta = NULL;

  gtk_label_set_text (self->date_label, date);
  if (is_goal)
    text = g_strdup_printf (_("Goal: %s"), hw_record_get_string (record, "text"));
  else if (is_checkin)
    /* Translators: a check-in due after going home, "Check-in: weekly calls" */
    text = g_strdup_printf (_("Check-in: %s"), hw_record_get_string (record, "text"));
  else
    text = g_strdup (hw_record_get_string (record, "text"));
  hw_wrap_label_set_text (self->text_label, text);
  meta = g_strdup_printf ("%s%s%s",
                          is_checkin ? _("Support after going home")
                                     : hw_choice_label (HW_CHOICES_NEED_DOMAIN,
                                                        hw_record_get_string (record, "domain")),
                          who[0] ? " · " : "", who);
  hw_wrap_label_set_text (self->meta_label, meta);
  hw_service_plan_due_badge_set_due_state (self->badge, hw_record_get_string (record, "due_state"));
}

/**
 * hw_service_plan_timeline_row_new:
 * @record: the item to show
 *
 * Returns: (transfer floating): a row showing @record
 */
GtkWidget *
hw_service_plan_timeline_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_TIMELINE_ROW, "record", record, NULL);
}

/**
 * hw_service_plan_timeline_row_get_record:
 *
 * Returns: (transfer none): the record the row shows
 */
HwRecord *
hw_service_plan_timeline_row_get_record (HwServicePlanTimelineRow *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_TIMELINE_ROW (self), NULL);

  return self->record;
}

static const char *
get_item_table (HwServicePlanItem *item)
{
  HwServicePlanTimelineRow *self = HW_SERVICE_PLAN_TIMELINE_ROW (item);

  const char *kind;

  if (self->record == NULL)
    return NULL;
  kind = hw_record_get_string (self->record, "kind");
  if (g_str_equal (kind, "goal"))
    return "goals";
  /* a check-in due: its support (activating the row logs the check-in) */
  if (g_str_equal (kind, "checkin"))
    return "aftercare_supports";
  return "tasks";
}

static gint64
get_item_id (HwServicePlanItem *item)
{
  HwServicePlanTimelineRow *self = HW_SERVICE_PLAN_TIMELINE_ROW (item);

  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

static void
item_iface_init (HwServicePlanItemInterface *iface)
{
  iface->get_item_table = get_item_table;
  iface->get_item_id = get_item_id;
}

static void
hw_service_plan_timeline_row_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  HwServicePlanTimelineRow *self = HW_SERVICE_PLAN_TIMELINE_ROW (object);

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
hw_service_plan_timeline_row_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  HwServicePlanTimelineRow *self = HW_SERVICE_PLAN_TIMELINE_ROW (object);

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
hw_service_plan_timeline_row_dispose (GObject *object)
{
  HwServicePlanTimelineRow *self = HW_SERVICE_PLAN_TIMELINE_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_service_plan_timeline_row_parent_class)->dispose (object);
}

static void
hw_service_plan_timeline_row_class_init (HwServicePlanTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_timeline_row_get_property;
  object_class->set_property = hw_service_plan_timeline_row_set_property;
  object_class->dispose = hw_service_plan_timeline_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_TEXT_COLUMN);
  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTimelineRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTimelineRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTimelineRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTimelineRow, badge);
  g_type_ensure (HW_TYPE_SERVICE_PLAN_DUE_BADGE);
}

static void
hw_service_plan_timeline_row_init (HwServicePlanTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
