/* hw-service-plan-goal-dialog.c: add or change a goal of a need.
 *
 * The fields show the goal as it was read when the dialog opened; Save
 * writes them through the core (hw_service_plan_save) as one edit. When
 * the core refuses them, the dialog stays open with what was typed and
 * says why; nothing is written. When someone else changed the goal since
 * it was read, the save is refused too and the dialog shows their text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-goal-dialog"

#include <glib/gi18n.h>

#include "hw-form.h"
#include "hw-service-plan.h"
#include "hw-service-plan-form.h"
#include "hw-service-plan-goal-dialog.h"

struct _HwServicePlanGoalDialog
{
  GtkWindow    parent_instance;

  HwStore     *store;
  gint64       case_id;
  gint64       need_id;
  HwRecord    *record;

  GtkLabel    *error_label;
  AdwEntryRow *text_row;
  AdwEntryRow *target_date_row;
  AdwComboRow *achievement_row;
};

G_DEFINE_FINAL_TYPE (HwServicePlanGoalDialog, hw_service_plan_goal_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_NEED_ID,
  PROP_RECORD,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWindow *
hw_service_plan_goal_dialog_new (HwStore  *store,
                                 gint64    case_id,
                                 gint64    need_id,
                                 HwRecord *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_GOAL_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "need-id", need_id,
                       "record", record,
                       NULL);
}

/* The fields, from the goal as read (or empty for a new one). */
static void
fill (HwServicePlanGoalDialog *self)
{
  hw_service_plan_form_set_text (self->text_row, self->record, "text", NULL);
  hw_service_plan_form_set_text (self->target_date_row, self->record, "target_date", NULL);
  hw_service_plan_form_set_choice (self->achievement_row, HW_CHOICES_ACHIEVEMENT, self->record,
                                   "achievement", "none");
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanGoalDialog *self = HW_SERVICE_PLAN_GOAL_DIALOG (widget);
  g_autoptr(HwRecord) record = hw_record_new ("goals");
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record != NULL)
    {
      hw_record_set_id (record, hw_record_get_id (self->record));
      /* saved over the goal as it was shown only */
      hw_record_set_version (record, hw_record_get_version (self->record));
    }
  else
    hw_record_set_int (record, "need_id", self->need_id);
  hw_form_record_set_text (record, "text", self->text_row);
  hw_form_record_set_text (record, "target_date", self->target_date_row);
  hw_record_set_string (record, "achievement", hw_form_combo_get_id (self->achievement_row));

  id = hw_service_plan_save (self->store, NULL, record, &error);
  if (id == 0)
    {
      /* someone else changed the goal since the dialog opened: their
       * text is shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "goals",
                                                    hw_record_get_id (self->record), NULL);

          if (newer != NULL)
            {
              g_set_object (&self->record, newer);
              fill (self);
            }
        }
      /* else the dialog stays open with what was typed, and says what is wrong */
      hw_form_show_error (self->error_label, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hw_service_plan_goal_dialog_constructed (GObject *object)
{
  HwServicePlanGoalDialog *self = HW_SERVICE_PLAN_GOAL_DIALOG (object);

  G_OBJECT_CLASS (hw_service_plan_goal_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), self->record ? _("Change Goal") : _("Add Goal"));
  fill (self);
  /* type straight away */
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
}

static void
hw_service_plan_goal_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HwServicePlanGoalDialog *self = HW_SERVICE_PLAN_GOAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_NEED_ID:
      g_value_set_int64 (value, self->need_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_goal_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HwServicePlanGoalDialog *self = HW_SERVICE_PLAN_GOAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_NEED_ID:
      self->need_id = g_value_get_int64 (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_goal_dialog_dispose (GObject *object)
{
  HwServicePlanGoalDialog *self = HW_SERVICE_PLAN_GOAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_GOAL_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_goal_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_goal_dialog_class_init (HwServicePlanGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_goal_dialog_constructed;
  object_class->get_property = hw_service_plan_goal_dialog_get_property;
  object_class->set_property = hw_service_plan_goal_dialog_set_property;
  object_class->dispose = hw_service_plan_goal_dialog_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEED_ID] =
    g_param_spec_int64 ("need-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanGoalDialog::saved:
   * @id: the goal added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanGoalDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanGoalDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanGoalDialog, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanGoalDialog, achievement_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_goal_dialog_init (HwServicePlanGoalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
