/* hw-service-plan-support-row.c: a support of the plan after going home
 *
 * The row shows its record: a change of the item gives a new record and a
 * new row (the list model reports that item alone), never a rebuilt page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-support-row"

#include <glib/gi18n.h>

#include "hw-aftercare-checkins.h"
#include "hw-service-plan.h"
#include "hw-service-plan-due-badge.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-support-row.h"
#include "hw-text-column.h"
#include "hw-wrap-label.h"

struct _HwServicePlanSupportRow
{
  GtkListBoxRow parent_instance;

  HwRecord  *record;

  HwWrapLabel *description_label;
  HwWrapLabel *meta_label;
  HwWrapLabel *next_label;
  HwServicePlanDueBadge *badge;
  GtkButton *log_button;
};

static void item_iface_init (HwServicePlanItemInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwServicePlanSupportRow, hw_service_plan_support_row, GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (HW_TYPE_SERVICE_PLAN_ITEM, item_iface_init))

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HwServicePlanSupportRow *self)
{
  HwRecord *record = self->record;

  g_assert (HW_IS_SERVICE_PLAN_SUPPORT_ROW (self));

  g_autoptr(GString) meta = g_string_new (NULL);
  const char *provider = hw_record_get_string (record, "provider_name");
  const char *schedule = hw_record_get_string (record, "checkin_schedule");

  hw_wrap_label_set_text (self->description_label, hw_record_get_string (record, "description"));
  /* a provider kept off this screen is left out, not "nobody" */
  if (provider[0])
    g_string_append (meta, provider);
  else if (hw_record_get_int (record, "provider_person_id") == 0 &&
           hw_record_get_int (record, "provider_org_id") == 0)
    g_string_append (meta, _("Nobody yet"));
  if (schedule[0])
    g_string_append_printf (meta, "%s%s %s", meta->len ? " · " : "", _("Check-ins:"), schedule);
  if (hw_record_get_string (record, "start_date")[0])
    {
      g_autofree char *from = hw_service_plan_format_date (hw_record_get_string (record, "start_date"), FALSE);
      g_autofree char *to = hw_service_plan_format_date (hw_record_get_string (record, "end_date"), FALSE);

      g_string_append_printf (meta, " · %s – %s", from, to);
    }
  hw_wrap_label_set_text (self->meta_label, meta->str);

  /* the next check-in due (hw_service_plan_select_aftercare_outline()) */
  {
    const char *every = hw_record_get_string (record, "checkin_every");
    const char *next = hw_record_get_string (record, "next_due");
    g_autofree char *line = NULL;

    if (next[0] != '\0')
      {
        g_autofree char *day = hw_service_plan_format_date (next, FALSE);

        /* Translators: under a support, "Every week · next check-in 10 Dec 2026" */
        line = g_strdup_printf (_("%s · next check-in %s"), hw_checkin_frequency_label (every),
                                day);
      }
    else if (every[0] != '\0')
      /* Translators: under a support with a rhythm and nothing left to do */
      line = g_strdup_printf (_("%s · no check-in due"), hw_checkin_frequency_label (every));
    hw_wrap_label_set_text (self->next_label, line != NULL ? line : "");
    gtk_widget_set_visible (GTK_WIDGET (self->next_label), line != NULL);
    hw_service_plan_due_badge_set_due_state (self->badge,
                                             hw_record_get_string (record, "next_due_state"));
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->log_button), "x",
                                      hw_record_get_id (record));
    /* every row has one: a screen reader says which support it is for */
    {
      /* Translators: the name of a support's button for screen readers */
      g_autofree char *name = g_strdup_printf (_("Log a check-in of %s"),
                                               hw_record_get_string (record, "description"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->log_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  }
}

/**
 * hw_service_plan_support_row_new:
 * @record: the item to show
 *
 * Returns: (transfer floating): a row showing @record
 */
GtkWidget *
hw_service_plan_support_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_SUPPORT_ROW, "record", record, NULL);
}

/**
 * hw_service_plan_support_row_get_record:
 *
 * Returns: (transfer none): the record the row shows
 */
HwRecord *
hw_service_plan_support_row_get_record (HwServicePlanSupportRow *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_SUPPORT_ROW (self), NULL);

  return self->record;
}

static const char *
get_item_table (HwServicePlanItem *item)
{
  HwServicePlanSupportRow *self = HW_SERVICE_PLAN_SUPPORT_ROW (item);

  return self->record != NULL ? hw_record_get_table (self->record) : NULL;
}

static gint64
get_item_id (HwServicePlanItem *item)
{
  HwServicePlanSupportRow *self = HW_SERVICE_PLAN_SUPPORT_ROW (item);

  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

static void
item_iface_init (HwServicePlanItemInterface *iface)
{
  iface->get_item_table = get_item_table;
  iface->get_item_id = get_item_id;
}

static void
hw_service_plan_support_row_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HwServicePlanSupportRow *self = HW_SERVICE_PLAN_SUPPORT_ROW (object);

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
hw_service_plan_support_row_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HwServicePlanSupportRow *self = HW_SERVICE_PLAN_SUPPORT_ROW (object);

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
hw_service_plan_support_row_dispose (GObject *object)
{
  HwServicePlanSupportRow *self = HW_SERVICE_PLAN_SUPPORT_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_service_plan_support_row_parent_class)->dispose (object);
}

static void
hw_service_plan_support_row_class_init (HwServicePlanSupportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_support_row_get_property;
  object_class->set_property = hw_service_plan_support_row_set_property;
  object_class->dispose = hw_service_plan_support_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_TEXT_COLUMN);
  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-support-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportRow, next_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportRow, badge);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportRow, log_button);
}

static void
hw_service_plan_support_row_init (HwServicePlanSupportRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
