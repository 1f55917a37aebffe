/* hw-service-plan-support-dialog.c: add or change a support after going
 * home (aftercare).
 *
 * The fields show the support as it was read when the dialog opened;
 * Save writes them through the core (hw_service_plan_save) as one edit.
 * When the core refuses them (no description, an impossible date, an end
 * before the start), the dialog stays open with what was typed and says
 * why; nothing is written. When someone else changed the support since it
 * was read, the save is refused too and the dialog shows their text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-support-dialog"

#include <glib/gi18n.h>

#include "hw-aftercare-checkins.h"
#include "hw-form.h"
#include "hw-people.h"
#include "hw-service-plan.h"
#include "hw-service-plan-form.h"
#include "hw-service-plan-support-dialog.h"

struct _HwServicePlanSupportDialog
{
  GtkWindow    parent_instance;

  HwStore     *store;
  gint64       case_id;
  char        *component;
  HwRecord    *record;
  /* the ids of the entries of person_row and organisation_row */
  GArray      *person_ids;
  GArray      *organisation_ids;

  GtkLabel    *error_label;
  AdwComboRow *component_row;
  AdwEntryRow *description_row;
  AdwComboRow *person_row;
  AdwComboRow *organisation_row;
  AdwEntryRow *checkin_row;
  AdwComboRow *every_row;
  AdwEntryRow *start_date_row;
  AdwEntryRow *end_date_row;
};

G_DEFINE_FINAL_TYPE (HwServicePlanSupportDialog, hw_service_plan_support_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_COMPONENT,
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
hw_service_plan_support_dialog_new (HwStore    *store,
                                    gint64      case_id,
                                    const char *component,
                                    HwRecord   *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_SUPPORT_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "component", component,
                       "record", record,
                       NULL);
}

static void
setup_providers (HwServicePlanSupportDialog *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) organisations = NULL;

  g_assert (HW_IS_SERVICE_PLAN_SUPPORT_DIALOG (self));

  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->organisation_ids, g_array_unref);
  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ALL, NULL);
  organisations = hw_organisations_select (self->store, self->case_id, NULL);
  self->person_ids =
    hw_service_plan_form_references (self->person_row, people, FALSE,
                                     self->record
                                     ? hw_record_get_int (self->record, "provider_person_id") : 0);
  self->organisation_ids =
    hw_service_plan_form_references (self->organisation_row, organisations, FALSE,
                                     self->record
                                     ? hw_record_get_int (self->record, "provider_org_id") : 0);
}

/* The fields, from the support as read (or the defaults for a new one). */
static void
fill (HwServicePlanSupportDialog *self)
{
  hw_service_plan_form_set_choice (self->component_row, HW_CHOICES_AFTERCARE_COMPONENT,
                                   self->record, "component", self->component);
  hw_service_plan_form_set_text (self->description_row, self->record, "description", NULL);
  setup_providers (self);
  hw_service_plan_form_set_text (self->checkin_row, self->record, "checkin_schedule",
                                 _("Weekly in month 1, then monthly"));
  {
    g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
    const char * const *ids = hw_checkin_frequencies ();
    /* a new support is checked on every week, as the first month asks */
    const char *every = self->record ? hw_record_get_string (self->record, "checkin_every")
                                     : "weekly";

    for (guint i = 0; ids[i] != NULL; i++)
      gtk_string_list_append (labels, hw_checkin_frequency_label (ids[i]));
    adw_combo_row_set_model (self->every_row, G_LIST_MODEL (labels));
    for (guint i = 0; ids[i] != NULL; i++)
      if (g_strcmp0 (ids[i], every) == 0)
        adw_combo_row_set_selected (self->every_row, i);
  }
  hw_service_plan_form_set_text (self->start_date_row, self->record, "start_date", NULL);
  hw_service_plan_form_set_text (self->end_date_row, self->record, "end_date", NULL);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanSupportDialog *self = HW_SERVICE_PLAN_SUPPORT_DIALOG (widget);
  g_autoptr(HwRecord) record = hw_record_new ("aftercare_supports");
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->record != NULL)
    {
      hw_record_set_id (record, hw_record_get_id (self->record));
      /* saved over the support as it was shown only */
      hw_record_set_version (record, hw_record_get_version (self->record));
    }
  else
    hw_record_set_int (record, "case_id", self->case_id);
  hw_record_set_string (record, "component", hw_form_combo_get_id (self->component_row));
  hw_form_record_set_text (record, "description", self->description_row);
  hw_record_set_ref (record, "provider_person_id",
                     hw_service_plan_form_get_reference (self->person_row, self->person_ids));
  hw_record_set_ref (record, "provider_org_id",
                     hw_service_plan_form_get_reference (self->organisation_row,
                                                         self->organisation_ids));
  hw_form_record_set_text (record, "checkin_schedule", self->checkin_row);
  {
    guint every = adw_combo_row_get_selected (self->every_row);

    hw_record_set_string (record, "checkin_every",
                          every < HW_CHECKIN_N_FREQUENCIES ? hw_checkin_frequencies ()[every] : "");
  }
  hw_form_record_set_text (record, "start_date", self->start_date_row);
  hw_form_record_set_text (record, "end_date", self->end_date_row);

  id = hw_service_plan_save (self->store, NULL, record, &error);
  if (id == 0)
    {
      /* someone else changed the support since the dialog opened: their
       * text is shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "aftercare_supports",
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
hw_service_plan_support_dialog_constructed (GObject *object)
{
  HwServicePlanSupportDialog *self = HW_SERVICE_PLAN_SUPPORT_DIALOG (object);

  G_OBJECT_CLASS (hw_service_plan_support_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), self->record ? _("Change Support") : _("Add Support"));
  fill (self);
  /* type straight away */
  gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
}

static void
hw_service_plan_support_dialog_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  HwServicePlanSupportDialog *self = HW_SERVICE_PLAN_SUPPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_COMPONENT:
      g_value_set_string (value, self->component);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_support_dialog_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  HwServicePlanSupportDialog *self = HW_SERVICE_PLAN_SUPPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_COMPONENT:
      self->component = g_value_dup_string (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_support_dialog_dispose (GObject *object)
{
  HwServicePlanSupportDialog *self = HW_SERVICE_PLAN_SUPPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_SUPPORT_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_support_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_support_dialog_finalize (GObject *object)
{
  HwServicePlanSupportDialog *self = HW_SERVICE_PLAN_SUPPORT_DIALOG (object);

  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->organisation_ids, g_array_unref);
  g_free (self->component);

  G_OBJECT_CLASS (hw_service_plan_support_dialog_parent_class)->finalize (object);
}

static void
hw_service_plan_support_dialog_class_init (HwServicePlanSupportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_support_dialog_constructed;
  object_class->get_property = hw_service_plan_support_dialog_get_property;
  object_class->set_property = hw_service_plan_support_dialog_set_property;
  object_class->dispose = hw_service_plan_support_dialog_dispose;
  object_class->finalize = hw_service_plan_support_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the kind of a new support (an HW_CHOICES_AFTERCARE_COMPONENT id) */
  properties[PROP_COMPONENT] =
    g_param_spec_string ("component", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanSupportDialog::saved:
   * @id: the support added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-support-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, component_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, checkin_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, every_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSupportDialog, end_date_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_support_dialog_init (HwServicePlanSupportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
