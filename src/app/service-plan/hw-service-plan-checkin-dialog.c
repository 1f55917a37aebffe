/* hw-service-plan-checkin-dialog.c: log or change a check-in of a support
 * after going home: the day, who checked in, how, with whom, what came up,
 * the follow-up, and whether the family's copy leaves it out.
 *
 * The fields show the check-in as it was read when the dialog opened;
 * Save hands them to the core (hw_aftercare_log_checkin or
 * hw_aftercare_change_checkin_at) as one edit. When the core refuses them (a
 * day in the future or before going home, nobody chosen), the dialog
 * stays open with what was typed and says why; nothing is written. When
 * someone else changed the check-in since it was read, the save is
 * refused too and the dialog shows their text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-checkin-dialog"

#include <glib/gi18n.h>

#include "hw-aftercare-checkins.h"
#include "hw-form.h"
#include "hw-people.h"
#include "hw-service-plan.h"
#include "hw-service-plan-checkin-dialog.h"
#include "hw-service-plan-form.h"

struct _HwServicePlanCheckinDialog
{
  GtkWindow    parent_instance;

  HwStore     *store;
  gint64       case_id;
  gint64       support_id;
  char        *today;
  HwRecord    *record;
  /* the ids of the entries of person_row */
  GArray      *person_ids;

  /* template widgets */
  GtkLabel    *error_label;
  AdwPreferencesGroup *group;
  AdwEntryRow *date_row;
  AdwComboRow *person_row;
  AdwComboRow *how_row;
  AdwEntryRow *with_row;
  AdwEntryRow *came_up_row;
  AdwEntryRow *follow_up_row;
  GtkSwitch   *family_switch;
};

G_DEFINE_FINAL_TYPE (HwServicePlanCheckinDialog, hw_service_plan_checkin_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_SUPPORT_ID,
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

static void
setup_choices (HwServicePlanCheckinDialog *self,
               HwRecord                   *support)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GtkStringList) ways = gtk_string_list_new (NULL);
  const char * const *ids = hw_checkin_ways ();
  const char *how = self->record ? hw_record_get_string (self->record, "how") : "phone";
  gint64 who = 0;

  g_assert (HW_IS_SERVICE_PLAN_CHECKIN_DIALOG (self));

  /* a new check-in is by whoever provides the support, the usual case */
  if (self->record != NULL)
    who = hw_record_get_int (self->record, "person_id");
  else if (support != NULL)
    who = hw_record_get_int (support, "provider_person_id");
  g_clear_pointer (&self->person_ids, g_array_unref);
  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ALL, NULL);
  self->person_ids = hw_service_plan_form_references (self->person_row, people, FALSE, who);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (ways, hw_checkin_way_label (ids[i]));
  adw_combo_row_set_model (self->how_row, G_LIST_MODEL (ways));
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], how) == 0)
      adw_combo_row_set_selected (self->how_row, i);
}

/* The fields, from the check-in as read (or the defaults for a new one
 * of @support). */
static void
fill (HwServicePlanCheckinDialog *self,
      HwRecord                   *support)
{
  hw_service_plan_form_set_text (self->date_row, self->record, "date", self->today);
  setup_choices (self, support);
  hw_service_plan_form_set_text (self->with_row, self->record, "with_whom", NULL);
  hw_service_plan_form_set_text (self->came_up_row, self->record, "what_came_up", NULL);
  hw_service_plan_form_set_text (self->follow_up_row, self->record, "follow_up", NULL);
  if (self->record != NULL)
    {
      g_auto(GStrv) kept = g_strsplit (hw_record_get_string (self->record, "withheld_from"),
                                       ",", -1);

      gtk_switch_set_active (self->family_switch,
                             g_strv_contains ((const char * const *) kept, "family"));
    }
  else
    gtk_switch_set_active (self->family_switch, FALSE);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanCheckinDialog *self = HW_SERVICE_PLAN_CHECKIN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  guint way = adw_combo_row_get_selected (self->how_row);
  HwCheckin checkin = { 0 };
  gint64 id;

  checkin.date = date;
  checkin.person_id = hw_service_plan_form_get_reference (self->person_row, self->person_ids);
  checkin.how = way < HW_CHECKIN_N_WAYS ? hw_checkin_ways ()[way] : "";
  checkin.with_whom = gtk_editable_get_text (GTK_EDITABLE (self->with_row));
  checkin.what_came_up = gtk_editable_get_text (GTK_EDITABLE (self->came_up_row));
  checkin.follow_up = gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row));
  checkin.withheld_from = gtk_switch_get_active (self->family_switch) ? "family" : "";
  /* a check-in kept from someone else (the file or an import) keeps that */
  if (self->record != NULL && !gtk_switch_get_active (self->family_switch))
    {
      const char *kept = hw_record_get_string (self->record, "withheld_from");

      if (kept[0] != '\0' && !g_str_equal (kept, "family"))
        checkin.withheld_from = kept;
    }

  if (self->record != NULL)
    {
      id = hw_record_get_id (self->record);
      /* saved over the check-in as it was shown only */
      if (!hw_aftercare_change_checkin_at (self->store, id, hw_record_get_version (self->record),
                                           &checkin, &error))
        id = 0;
    }
  else
    id = hw_aftercare_log_checkin (self->store, self->support_id, &checkin, &error);
  if (id == 0)
    {
      /* someone else changed the check-in since the dialog opened: their
       * text is shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "aftercare_checkins",
                                                    hw_record_get_id (self->record), NULL);

          if (newer != NULL)
            {
              g_set_object (&self->record, newer);
              fill (self, NULL);
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
hw_service_plan_checkin_dialog_constructed (GObject *object)
{
  HwServicePlanCheckinDialog *self = HW_SERVICE_PLAN_CHECKIN_DIALOG (object);
  g_autoptr(HwRecord) support = NULL;

  G_OBJECT_CLASS (hw_service_plan_checkin_dialog_parent_class)->constructed (object);

  if (self->record != NULL)
    self->support_id = hw_record_get_int (self->record, "support_id");
  support = hw_store_get (self->store, "aftercare_supports", self->support_id, NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        self->record ? _("Change Check-in") : _("Log Check-in"));
  if (support != NULL)
    adw_preferences_group_set_description (self->group,
                                           hw_record_get_string (support, "description"));
  fill (self, support);
  /* type straight away: what came up is what there is to write */
  gtk_widget_grab_focus (GTK_WIDGET (self->came_up_row));
}

static void
hw_service_plan_checkin_dialog_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  HwServicePlanCheckinDialog *self = HW_SERVICE_PLAN_CHECKIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_SUPPORT_ID:
      g_value_set_int64 (value, self->support_id);
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
hw_service_plan_checkin_dialog_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  HwServicePlanCheckinDialog *self = HW_SERVICE_PLAN_CHECKIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_SUPPORT_ID:
      self->support_id = g_value_get_int64 (value);
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
hw_service_plan_checkin_dialog_dispose (GObject *object)
{
  HwServicePlanCheckinDialog *self = HW_SERVICE_PLAN_CHECKIN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_CHECKIN_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_checkin_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_checkin_dialog_finalize (GObject *object)
{
  HwServicePlanCheckinDialog *self = HW_SERVICE_PLAN_CHECKIN_DIALOG (object);

  g_clear_pointer (&self->person_ids, g_array_unref);
  g_free (self->today);

  G_OBJECT_CLASS (hw_service_plan_checkin_dialog_parent_class)->finalize (object);
}

static void
hw_service_plan_checkin_dialog_class_init (HwServicePlanCheckinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_checkin_dialog_constructed;
  object_class->get_property = hw_service_plan_checkin_dialog_get_property;
  object_class->set_property = hw_service_plan_checkin_dialog_set_property;
  object_class->dispose = hw_service_plan_checkin_dialog_dispose;
  object_class->finalize = hw_service_plan_checkin_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPORT_ID] =
    g_param_spec_int64 ("support-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the day a new check-in gets, "YYYY-MM-DD" */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanCheckinDialog::saved:
   * @id: the check-in logged or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, group);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, how_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, with_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, came_up_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanCheckinDialog, family_switch);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_checkin_dialog_init (HwServicePlanCheckinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
hw_service_plan_checkin_dialog_new (HwStore    *store,
                                    gint64      case_id,
                                    gint64      support_id,
                                    const char *today,
                                    HwRecord   *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_CHECKIN_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "support-id", support_id,
                       "today", today,
                       "record", record,
                       NULL);
}
