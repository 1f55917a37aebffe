/* hw-service-plan-task-dialog.c: add or change a task of a goal.
 *
 * The fields show the task as it was read when the dialog opened; Save
 * writes them through the core (hw_service_plan_save) as one edit. When
 * the core refuses them (no description, an impossible date, a target
 * before the start), the dialog stays open with what was typed and says
 * why; nothing is written.
 *
 * "Who does it" is a person of the case or the agency, never both: the
 * agency is the entry after "Nobody yet".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-task-dialog"

#include <glib/gi18n.h>

#include "hw-form.h"
#include "hw-people.h"
#include "hw-service-plan.h"
#include "hw-service-plan-form.h"
#include "hw-service-plan-task-dialog.h"

#define N_BARRIER_CHECKS 4

struct _HwServicePlanTaskDialog
{
  GtkWindow       parent_instance;

  HwStore        *store;
  gint64          case_id;
  gint64          goal_id;
  char           *today;
  HwRecord       *record;
  /* the ids of the entries of responsible_row and provider_row */
  GArray         *responsible_ids;
  GArray         *provider_ids;
  /* the check box of the i-th barrier of HW_CHOICES_BARRIER */
  GtkCheckButton *barrier_checks[N_BARRIER_CHECKS];

  GtkLabel       *error_label;
  AdwEntryRow    *description_row;
  AdwComboRow    *responsible_row;
  AdwComboRow    *provider_row;
  AdwEntryRow    *frequency_row;
  AdwEntryRow    *start_date_row;
  AdwEntryRow    *target_date_row;
  AdwComboRow    *status_row;
  GtkBox         *barriers_box;
};

G_DEFINE_FINAL_TYPE (HwServicePlanTaskDialog, hw_service_plan_task_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_GOAL_ID,
  PROP_TODAY,
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
hw_service_plan_task_dialog_new (HwStore    *store,
                                 gint64      case_id,
                                 gint64      goal_id,
                                 const char *today,
                                 HwRecord   *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_TASK_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "goal-id", goal_id,
                       "today", today,
                       "record", record,
                       NULL);
}

static void
setup_references (HwServicePlanTaskDialog *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  gint64 responsible = 0, provider = 0;

  g_assert (HW_IS_SERVICE_PLAN_TASK_DIALOG (self));

  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ALL, NULL);
  organisations = hw_organisations_select (self->store, self->case_id, NULL);
  if (self->record != NULL)
    {
      responsible = hw_record_get_int (self->record, "responsible_agency")
                    ? -1 : hw_record_get_int (self->record, "responsible_person_id");
      provider = hw_record_get_int (self->record, "provider_org_id");
    }
  self->responsible_ids = hw_service_plan_form_references (self->responsible_row, people, TRUE,
                                                           responsible);
  self->provider_ids = hw_service_plan_form_references (self->provider_row, organisations, FALSE,
                                                        provider);
}

static void
setup_barriers (HwServicePlanTaskDialog *self)
{
  const char *barriers = self->record ? hw_record_get_string (self->record, "barriers") : "";
  g_auto(GStrv) current = g_strsplit (barriers, ",", -1);
  const HwChoice *choices;
  guint n;

  g_assert (HW_IS_SERVICE_PLAN_TASK_DIALOG (self));

  choices = hw_choices_get (HW_CHOICES_BARRIER, &n);
  for (guint i = 0; i < n && i < N_BARRIER_CHECKS; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (hw_choice_label (HW_CHOICES_BARRIER,
                                                                           choices[i].id));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains ((const char * const *) current, choices[i].id));
      self->barrier_checks[i] = GTK_CHECK_BUTTON (check);
      gtk_box_append (self->barriers_box, check);
    }
}

/* The barriers ticked, as "cost,transport". */
static char *
get_barriers (HwServicePlanTaskDialog *self)
{
  GString *set = g_string_new (NULL);
  const HwChoice *choices;
  guint n;

  g_assert (HW_IS_SERVICE_PLAN_TASK_DIALOG (self));

  choices = hw_choices_get (HW_CHOICES_BARRIER, &n);
  for (guint i = 0; i < n && i < N_BARRIER_CHECKS && self->barrier_checks[i] != NULL; i++)
    if (gtk_check_button_get_active (self->barrier_checks[i]))
      g_string_append_printf (set, "%s%s", set->len ? "," : "", choices[i].id);
  return g_string_free (set, FALSE);
}

/* The task as stored now, in every field. */
static void
show_newer (HwServicePlanTaskDialog *self)
{
  g_autoptr(HwRecord) newer = hw_store_get (self->store, "tasks", hw_record_get_id (self->record), NULL);
  g_auto(GStrv) barriers = NULL;
  const HwChoice *choices;
  guint n;

  if (newer == NULL)
    return;
  g_set_object (&self->record, newer);
  hw_service_plan_form_set_text (self->description_row, self->record, "description", NULL);
  g_clear_pointer (&self->responsible_ids, g_array_unref);
  g_clear_pointer (&self->provider_ids, g_array_unref);
  setup_references (self);
  hw_service_plan_form_set_text (self->frequency_row, self->record, "frequency", NULL);
  hw_service_plan_form_set_text (self->start_date_row, self->record, "start_date", self->today);
  hw_service_plan_form_set_text (self->target_date_row, self->record, "target_date", NULL);
  hw_service_plan_form_set_choice (self->status_row, HW_CHOICES_TASK_STATUS, self->record,
                                   "status", "not-started");
  barriers = g_strsplit (hw_record_get_string (self->record, "barriers"), ",", -1);
  choices = hw_choices_get (HW_CHOICES_BARRIER, &n);
  for (guint i = 0; i < n && i < N_BARRIER_CHECKS && self->barrier_checks[i] != NULL; i++)
    gtk_check_button_set_active (self->barrier_checks[i],
                                 g_strv_contains ((const char * const *) barriers, choices[i].id));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanTaskDialog *self = HW_SERVICE_PLAN_TASK_DIALOG (widget);
  g_autoptr(HwRecord) record = hw_record_new ("tasks");
  g_autoptr(GError) error = NULL;
  g_autofree char *barriers = get_barriers (self);
  gint64 responsible = hw_service_plan_form_get_reference (self->responsible_row,
                                                           self->responsible_ids);
  gint64 id;

  if (self->record != NULL)
    {
      hw_record_set_id (record, hw_record_get_id (self->record));
      /* saved over the task as it was shown only */
      hw_record_set_version (record, hw_record_get_version (self->record));
    }
  else
    hw_record_set_int (record, "goal_id", self->goal_id);
  hw_form_record_set_text (record, "description", self->description_row);
  hw_record_set_ref (record, "responsible_person_id", responsible > 0 ? responsible : 0);
  hw_record_set_int (record, "responsible_agency", responsible == -1);
  hw_record_set_ref (record, "provider_org_id",
                     hw_service_plan_form_get_reference (self->provider_row, self->provider_ids));
  hw_form_record_set_text (record, "frequency", self->frequency_row);
  hw_form_record_set_text (record, "start_date", self->start_date_row);
  hw_form_record_set_text (record, "target_date", self->target_date_row);
  hw_record_set_string (record, "status", hw_form_combo_get_id (self->status_row));
  hw_record_set_string (record, "barriers", barriers);

  id = hw_service_plan_save (self->store, NULL, record, &error);
  if (id == 0)
    {
      /* someone else changed the task since the dialog opened: their
       * text is shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        show_newer (self);
      /* else the dialog stays open with what was typed, and says what is wrong */
      hw_form_show_error (self->error_label, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hw_service_plan_task_dialog_constructed (GObject *object)
{
  HwServicePlanTaskDialog *self = HW_SERVICE_PLAN_TASK_DIALOG (object);

  G_OBJECT_CLASS (hw_service_plan_task_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), self->record ? _("Change Task") : _("Add Task"));
  hw_service_plan_form_set_text (self->description_row, self->record, "description", NULL);
  setup_references (self);
  hw_service_plan_form_set_text (self->frequency_row, self->record, "frequency", NULL);
  hw_service_plan_form_set_text (self->start_date_row, self->record, "start_date", self->today);
  hw_service_plan_form_set_text (self->target_date_row, self->record, "target_date", NULL);
  hw_service_plan_form_set_choice (self->status_row, HW_CHOICES_TASK_STATUS, self->record,
                                   "status", "not-started");
  setup_barriers (self);
  /* type straight away */
  gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
}

static void
hw_service_plan_task_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HwServicePlanTaskDialog *self = HW_SERVICE_PLAN_TASK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_GOAL_ID:
      g_value_set_int64 (value, self->goal_id);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_task_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HwServicePlanTaskDialog *self = HW_SERVICE_PLAN_TASK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_GOAL_ID:
      self->goal_id = g_value_get_int64 (value);
      break;
    case PROP_TODAY:
      self->today = g_value_dup_string (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_task_dialog_dispose (GObject *object)
{
  HwServicePlanTaskDialog *self = HW_SERVICE_PLAN_TASK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_TASK_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_task_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_task_dialog_finalize (GObject *object)
{
  HwServicePlanTaskDialog *self = HW_SERVICE_PLAN_TASK_DIALOG (object);

  g_clear_pointer (&self->responsible_ids, g_array_unref);
  g_clear_pointer (&self->provider_ids, g_array_unref);
  g_free (self->today);

  G_OBJECT_CLASS (hw_service_plan_task_dialog_parent_class)->finalize (object);
}

static void
hw_service_plan_task_dialog_class_init (HwServicePlanTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_task_dialog_constructed;
  object_class->get_property = hw_service_plan_task_dialog_get_property;
  object_class->set_property = hw_service_plan_task_dialog_set_property;
  object_class->dispose = hw_service_plan_task_dialog_dispose;
  object_class->finalize = hw_service_plan_task_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOAL_ID] =
    g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the start date of a new task (YYYY-MM-DD) */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanTaskDialog::saved:
   * @id: the task added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanTaskDialog, barriers_box);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_task_dialog_init (HwServicePlanTaskDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
