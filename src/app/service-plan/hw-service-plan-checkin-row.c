/* hw-service-plan-checkin-row.c: a check-in logged of a support after
 * going home, under its support: the day, how, who, with whom, what came
 * up and the follow-up. Enter opens it to change it; Delete removes it
 * (with Undo), as any row of the plan.
 *
 * The row shows its record: a change of the item gives a new record and a
 * new row (the list model reports that item alone), never a rebuilt page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-checkin-row"

#include <glib/gi18n.h>

#include "hw-aftercare-checkins.h"
#include "hw-service-plan.h"
#include "hw-service-plan-checkin-row.h"
#include "hw-service-plan-item.h"
#include "hw-wrap-label.h"

struct _HwServicePlanCheckinRow
{
  GtkListBoxRow parent_instance;

  HwRecord  *record;

  /* template widgets */
  HwWrapLabel *title_label;
  HwWrapLabel *text_label;
};

static void item_iface_init (HwServicePlanItemInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwServicePlanCheckinRow, hw_service_plan_checkin_row,
                               GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (HW_TYPE_SERVICE_PLAN_ITEM, item_iface_init))

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HwServicePlanCheckinRow *self)
{
  HwRecord *record = self->record;
  g_autofree char *day = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *who, *with_whom, *came_up, *follow_up;

  g_assert (HW_IS_SERVICE_PLAN_CHECKIN_ROW (self));

  day = hw_service_plan_format_date (hw_record_get_string (record, "date"), FALSE);
  who = hw_record_get_string (record, "person_name");
  with_whom = hw_record_get_string (record, "with_whom");
  came_up = hw_record_get_string (record, "what_came_up");
  follow_up = hw_record_get_string (record, "follow_up");

  /* Translators: a check-in logged, "3 Dec 2026 · Phone call" */
  g_string_printf (title, _("%s · %s"), day,
                   hw_checkin_way_label (hw_record_get_string (record, "how")));
  if (who[0])
    g_string_append_printf (title, " · %s", who);
  if (with_whom[0])
    /* Translators: who a check-in was with, after the person who made it */
    g_string_append_printf (title, _(", with %s"), with_whom);
  if (hw_record_get_string (record, "withheld_from")[0])
    g_string_append_printf (title, " · %s", _("kept private"));
  hw_wrap_label_set_text (self->title_label, title->str);

  if (came_up[0])
    g_string_append (text, came_up);
  if (follow_up[0])
    {
      if (text->len)
        g_string_append_c (text, '\n');
      /* Translators: what is to be done after a check-in */
      g_string_append_printf (text, _("Follow-up: %s"), follow_up);
    }
  hw_wrap_label_set_text (self->text_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), text->len > 0);
}

/**
 * hw_service_plan_checkin_row_new:
 * @record: the check-in to show (hw_aftercare_list_checkins())
 *
 * Returns: (transfer floating): a row showing @record
 */
GtkWidget *
hw_service_plan_checkin_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_CHECKIN_ROW, "record", record, NULL);
}

/**
 * hw_service_plan_checkin_row_get_record:
 *
 * Returns: (transfer none): the record the row shows
 */
HwRecord *
hw_service_plan_checkin_row_get_record (HwServicePlanCheckinRow *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_CHECKIN_ROW (self), NULL);

  return self->record;
}

static const char *
get_item_table (HwServicePlanItem *item)
{
  HwServicePlanCheckinRow *self = HW_SERVICE_PLAN_CHECKIN_ROW (item);

  return self->record != NULL ? hw_record_get_table (self->record) : NULL;
}

static gint64
get_item_id (HwServicePlanItem *item)
{
  HwServicePlanCheckinRow *self = HW_SERVICE_PLAN_CHECKIN_ROW (item);

  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

static void
item_iface_init (HwServicePlanItemInterface *iface)
{
  iface->get_item_table = get_item_table;
  iface->get_item_id = get_item_id;
}

static void
hw_service_plan_checkin_row_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HwServicePlanCheckinRow *self = HW_SERVICE_PLAN_CHECKIN_ROW (object);

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
hw_service_plan_checkin_row_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HwServicePlanCheckinRow *self = HW_SERVICE_PLAN_CHECKIN_ROW (object);

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
hw_service_plan_checkin_row_dispose (GObject *object)
{
  HwServicePlanCheckinRow *self = HW_SERVICE_PLAN_CHECKIN_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_service_plan_checkin_row_parent_class)->dispose (object);
}

static void
hw_service_plan_checkin_row_class_init (HwServicePlanCheckinRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_checkin_row_get_property;
  object_class->set_property = hw_service_plan_checkin_row_set_property;
  object_class->dispose = hw_service_plan_checkin_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-checkin-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinRow, text_label);
}

static void
hw_service_plan_checkin_row_init (HwServicePlanCheckinRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* long notes wrap and are cut short with the whole in the tooltip */
}
