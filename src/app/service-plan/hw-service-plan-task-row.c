/* hw-service-plan-task-row.c: a task of the plan; its box marks it done through the store
 *
 * The row shows its record: a change of the item gives a new record and a
 * new row (the list model reports that item alone), never a rebuilt page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-task-row"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "hw-enums.h"
#include "hw-service-plan.h"
#include "hw-service-plan-due-badge.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-task-row.h"
#include "hw-text-column.h"
#include "hw-wrap-label.h"

struct _HwServicePlanTaskRow
{
  GtkListBoxRow parent_instance;

  HwRecord  *record;
  gboolean   show_goal;
  GtkCheckButton*check;
  HwWrapLabel *description_label;
  HwWrapLabel *goal_label;
  HwWrapLabel *meta_label;
  HwServicePlanDueBadge*badge;
  GtkWidget *note_button;
  AdwButtonContent*note_content;
};

static void item_iface_init (HwServicePlanItemInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HwServicePlanTaskRow, hw_service_plan_task_row, GTK_TYPE_LIST_BOX_ROW,
                               G_IMPLEMENT_INTERFACE (HW_TYPE_SERVICE_PLAN_ITEM, item_iface_init))

enum {
  PROP_0,
  PROP_RECORD,
  PROP_SHOW_GOAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The box writes through the store at once; the row then comes back with
 * the task's new record. */
static void
check_toggled_cb (HwServicePlanTaskRow *self)
{
  g_assert (HW_IS_SERVICE_PLAN_TASK_ROW (self));

  if (self->record != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "plan.set-done", "(xb)",
                                hw_record_get_id (self->record),
                                gtk_check_button_get_active (self->check));
}

static void
update (HwServicePlanTaskRow *self)
{
  HwRecord *record = self->record;

  g_assert (HW_IS_SERVICE_PLAN_TASK_ROW (self));

  const char *status = hw_record_get_string (record, "status");
  const char *who = hw_record_get_string (record, "responsible_name");
  const char *provider = hw_record_get_string (record, "provider_name");
  const char *frequency = hw_record_get_string (record, "frequency");
  const char *barriers = hw_record_get_string (record, "barriers");
  const char *description = hw_record_get_string (record, "description");
  gboolean done = g_str_equal (status, "done");
  gint64 id = hw_record_get_id (record);
  gint64 notes = hw_record_get_int (record, "note_count");
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *check_label = NULL;
  g_autofree char *note_label = NULL;

  g_signal_handlers_block_by_func (self->check, check_toggled_cb, self);
  gtk_check_button_set_active (self->check, done);
  g_signal_handlers_unblock_by_func (self->check, check_toggled_cb, self);
  /* Translators: accessible name of a task's check box */
  check_label = g_strdup_printf (_("Done: %s"), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);

  hw_wrap_label_set_text (self->description_label, description);
  if (done || g_str_equal (status, "dropped"))
    gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->description_label), "dim-label");

  if (self->show_goal)
    {
      g_autofree char *goal = g_strdup_printf ("%s — %s",
                                               hw_choice_label (HW_CHOICES_NEED_DOMAIN,
                                                                hw_record_get_string (record, "domain")),
                                               hw_record_get_string (record, "goal_text"));
      hw_wrap_label_set_text (self->goal_label, goal);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->goal_label), self->show_goal);

  g_string_append (meta, hw_choice_label (HW_CHOICES_TASK_STATUS, status));
  g_string_append (meta, " · ");
  g_string_append (meta, who[0] ? who : _("Nobody yet"));
  if (provider[0])
    /* Translators: the provider of a task, after who does it */
    g_string_append_printf (meta, " · %s", provider);
  if (frequency[0])
    g_string_append_printf (meta, " · %s", frequency);
  if (hw_record_get_string (record, "target_date")[0])
    {
      g_autofree char *date = hw_service_plan_format_date (hw_record_get_string (record, "target_date"), FALSE);

      /* Translators: the due date of a task, e.g. "by 27 Nov 2026" */
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("by %s"), date);
    }
  if (barriers[0])
    {
      g_auto(GStrv) ids = g_strsplit (barriers, ",", -1);

      g_string_append_printf (meta, " · %s ", _("In the way:"));
      for (guint i = 0; ids[i]; i++)
        g_string_append_printf (meta, "%s%s", i ? ", " : "", hw_choice_label (HW_CHOICES_BARRIER, ids[i]));
    }
  hw_wrap_label_set_text (self->meta_label, meta->str);
  hw_service_plan_due_badge_set_due_state (self->badge, hw_record_get_string (record, "due_state"));

  if (notes > 0)
    /* Translators: button on a task; %d is how many notes it has */
    note_label = g_strdup_printf (_("_Note (%d)"), (int) notes);
  else
    note_label = g_strdup (_("_Note"));
  adw_button_content_set_label (self->note_content, note_label);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->note_button), g_variant_new_int64 (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/**
 * hw_service_plan_task_row_new:
 * @record: the item to show
 *
 * Returns: (transfer floating): a row showing @record
 */
GtkWidget *
hw_service_plan_task_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_TASK_ROW, "record", record, NULL);
}

/**
 * hw_service_plan_task_row_new_with_goal:
 * @record: the task to show
 *
 * Returns: (transfer floating): a row showing @record under its area and goal
 */
GtkWidget *
hw_service_plan_task_row_new_with_goal (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_TASK_ROW, "record", record, "show-goal", TRUE, NULL);
}

/**
 * hw_service_plan_task_row_get_record:
 *
 * Returns: (transfer none): the record the row shows
 */
HwRecord *
hw_service_plan_task_row_get_record (HwServicePlanTaskRow *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_TASK_ROW (self), NULL);

  return self->record;
}

static const char *
get_item_table (HwServicePlanItem *item)
{
  HwServicePlanTaskRow *self = HW_SERVICE_PLAN_TASK_ROW (item);

  return self->record != NULL ? hw_record_get_table (self->record) : NULL;
}

static gint64
get_item_id (HwServicePlanItem *item)
{
  HwServicePlanTaskRow *self = HW_SERVICE_PLAN_TASK_ROW (item);

  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

static void
item_iface_init (HwServicePlanItemInterface *iface)
{
  iface->get_item_table = get_item_table;
  iface->get_item_id = get_item_id;
}

static void
hw_service_plan_task_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HwServicePlanTaskRow *self = HW_SERVICE_PLAN_TASK_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_SHOW_GOAL:
      g_value_set_boolean (value, self->show_goal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_task_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HwServicePlanTaskRow *self = HW_SERVICE_PLAN_TASK_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_set_object (&self->record, g_value_get_object (value));
      if (self->record != NULL)
        update (self);
      break;
    case PROP_SHOW_GOAL:
      self->show_goal = g_value_get_boolean (value);
      if (self->record != NULL)
        update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_task_row_dispose (GObject *object)
{
  HwServicePlanTaskRow *self = HW_SERVICE_PLAN_TASK_ROW (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_service_plan_task_row_parent_class)->dispose (object);
}

static void
hw_service_plan_task_row_class_init (HwServicePlanTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_task_row_get_property;
  object_class->set_property = hw_service_plan_task_row_set_property;
  object_class->dispose = hw_service_plan_task_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_GOAL] =
    g_param_spec_boolean ("show-goal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_TEXT_COLUMN);
  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskRow, check);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskRow, goal_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskRow, badge);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskRow, note_button);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskRow, note_content);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
  g_type_ensure (HW_TYPE_SERVICE_PLAN_DUE_BADGE);
}

static void
hw_service_plan_task_row_init (HwServicePlanTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
