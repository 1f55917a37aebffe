/* hw-service-plan-need-dialog.c: add or change a need of a service plan.
 *
 * The fields show the need as it was read when the dialog opened; Save
 * writes them through the core (hw_service_plan_save) as one edit. When
 * the core refuses them, the dialog stays open with what was typed and
 * says why; nothing is written. When someone else changed the need since
 * it was read, the save is refused too and the dialog shows their text.
 *
 * "Private" keeps the need off the shared screen: it adds or drops the
 * screen from the need's withheld_from and keeps whatever else the need
 * was withheld from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-need-dialog"

#include <glib/gi18n.h>

#include "hw-form.h"
#include "hw-service-plan.h"
#include "hw-service-plan-form.h"
#include "hw-service-plan-need-dialog.h"

struct _HwServicePlanNeedDialog
{
  GtkWindow    parent_instance;

  HwStore     *store;
  gint64       case_id;
  HwRecord    *record;

  GtkLabel    *error_label;
  AdwComboRow *domain_row;
  AdwEntryRow *family_words_row;
  AdwEntryRow *strengths_row;
  GtkSwitch   *private_switch;
};

G_DEFINE_FINAL_TYPE (HwServicePlanNeedDialog, hw_service_plan_need_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
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
hw_service_plan_need_dialog_new (HwStore  *store,
                                 gint64    case_id,
                                 HwRecord *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_NEED_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "record", record,
                       NULL);
}

/* The need's withheld_from with the screen added (@private) or taken out. */
static char *
withheld_from (HwServicePlanNeedDialog *self,
               gboolean                 private)
{
  const char *old = self->record ? hw_record_get_string (self->record, "withheld_from") : "";
  g_auto(GStrv) kinds = g_strsplit (old, ",", -1);
  GString *set = g_string_new (NULL);

  g_assert (HW_IS_SERVICE_PLAN_NEED_DIALOG (self));

  for (guint i = 0; kinds[i] != NULL; i++)
    if (kinds[i][0] != '\0' && !g_str_equal (kinds[i], "screen"))
      g_string_append_printf (set, "%s%s", set->len ? "," : "", kinds[i]);
  if (private)
    g_string_append_printf (set, "%s%s", set->len ? "," : "", "screen");
  return g_string_free (set, FALSE);
}

/* The fields, from the need as read (or the defaults for a new one). */
static void
fill (HwServicePlanNeedDialog *self)
{
  hw_service_plan_form_set_choice (self->domain_row, HW_CHOICES_NEED_DOMAIN, self->record,
                                   "domain", "housing");
  hw_service_plan_form_set_text (self->family_words_row, self->record, "family_words", NULL);
  hw_service_plan_form_set_text (self->strengths_row, self->record, "strengths", NULL);
  gtk_switch_set_active (self->private_switch,
                         self->record && hw_record_get_int (self->record, "confidential"));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanNeedDialog *self = HW_SERVICE_PLAN_NEED_DIALOG (widget);
  g_autoptr(HwRecord) record = hw_record_new ("needs");
  g_autoptr(GError) error = NULL;
  g_autofree char *withheld = withheld_from (self, gtk_switch_get_active (self->private_switch));
  gint64 id;

  if (self->record != NULL)
    {
      hw_record_set_id (record, hw_record_get_id (self->record));
      /* saved over the need as it was shown only */
      hw_record_set_version (record, hw_record_get_version (self->record));
    }
  else
    hw_record_set_int (record, "case_id", self->case_id);
  hw_record_set_string (record, "domain", hw_form_combo_get_id (self->domain_row));
  hw_form_record_set_text (record, "family_words", self->family_words_row);
  hw_form_record_set_text (record, "strengths", self->strengths_row);
  hw_record_set_int (record, "confidential", withheld[0] != '\0');
  hw_record_set_string (record, "withheld_from", withheld);

  id = hw_service_plan_save (self->store, NULL, record, &error);
  if (id == 0)
    {
      /* someone else changed the need since the dialog opened: their
       * text is shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "needs",
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
hw_service_plan_need_dialog_constructed (GObject *object)
{
  HwServicePlanNeedDialog *self = HW_SERVICE_PLAN_NEED_DIALOG (object);

  G_OBJECT_CLASS (hw_service_plan_need_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), self->record ? _("Change Need") : _("Add Need"));
  fill (self);
  /* type straight away */
  gtk_widget_grab_focus (GTK_WIDGET (self->family_words_row));
}

static void
hw_service_plan_need_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HwServicePlanNeedDialog *self = HW_SERVICE_PLAN_NEED_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_need_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HwServicePlanNeedDialog *self = HW_SERVICE_PLAN_NEED_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_need_dialog_dispose (GObject *object)
{
  HwServicePlanNeedDialog *self = HW_SERVICE_PLAN_NEED_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_NEED_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_need_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_need_dialog_class_init (HwServicePlanNeedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_need_dialog_constructed;
  object_class->get_property = hw_service_plan_need_dialog_get_property;
  object_class->set_property = hw_service_plan_need_dialog_set_property;
  object_class->dispose = hw_service_plan_need_dialog_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanNeedDialog::saved:
   * @id: the need added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-need-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedDialog, domain_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedDialog, family_words_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedDialog, strengths_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedDialog, private_switch);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_need_dialog_init (HwServicePlanNeedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
