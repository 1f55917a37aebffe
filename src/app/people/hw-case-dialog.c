/* hw-case-dialog.c: add a family or edit its details (case number, status,
 * goals, language, tribal affiliation).
 *
 * Works like the person dialog: read from the store when it opens, all
 * fields written back as one edit on Add or Done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-case-dialog"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-form.h"
#include "hw-case-dialog.h"

struct _HwCaseDialog
{
  AdwWindow       parent_instance;

  HwStore        *store;
  gint64          case_id;

  GtkLabel       *error_label;
  GtkLabel       *save_label;
  AdwEntryRow    *family_name_row;
  AdwEntryRow    *case_number_row;
  AdwComboRow    *status_row;
  AdwComboRow    *goal_row;
  AdwComboRow    *concurrent_goal_row;
  AdwComboRow    *language_row;
  GtkSwitch      *interpreter_switch;
  AdwEntryRow    *tribe_row;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (HwCaseDialog, hw_case_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

HwCaseDialog *
hw_case_dialog_new (HwStore *store,
                    gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_CASE_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}

static void
load (HwCaseDialog *self)
{
  g_autoptr(HwRecord) record = NULL;

  if (self->case_id == 0)
    {
      hw_form_combo_set_id (self->status_row, "in-care");
      hw_form_combo_set_id (self->goal_row, "reunification");
      hw_form_combo_set_id (self->concurrent_goal_row, "");
      hw_form_combo_set_id (self->language_row, "en");
      return;
    }

  record = hw_form_load_record (GTK_WIDGET (self), self->error_label, self->store,
                                "cases", self->case_id);
  if (record == NULL)
    return;

  hw_form_set_text (self->family_name_row, record, "family_name");
  hw_form_set_text (self->case_number_row, record, "case_number");
  hw_form_combo_set_id (self->status_row, hw_record_get_string (record, "status"));
  hw_form_combo_set_id (self->goal_row, hw_record_get_string (record, "permanency_goal"));
  hw_form_combo_set_id (self->concurrent_goal_row, hw_record_get_string (record, "concurrent_goal"));
  hw_form_combo_set_id (self->language_row, hw_record_get_string (record, "primary_language"));
  gtk_switch_set_active (self->interpreter_switch, hw_record_get_boolean (record, "interpreter_needed"));
  hw_form_set_text (self->tribe_row, record, "tribal_affiliation");
  hw_form_set_text (self->notes_row, record, "notes");
}

/* Checks and writes; *bad_row is the field to fix when it fails. */
static gboolean
save (HwCaseDialog  *self,
      GtkWidget    **bad_row,
      GError       **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("cases");
  g_autofree char *family_name = hw_form_get_text (self->family_name_row);

  *bad_row = NULL;

  if (*family_name == '\0')
    {
      *bad_row = GTK_WIDGET (self->family_name_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write the family's name."));
      return FALSE;
    }

  hw_record_set_string (record, "family_name", family_name);
  hw_form_record_set_text (record, "case_number", self->case_number_row);
  hw_record_set_string (record, "status", hw_form_combo_get_id (self->status_row));
  hw_record_set_string (record, "permanency_goal", hw_form_combo_get_id (self->goal_row));
  hw_record_set_string (record, "concurrent_goal", hw_form_combo_get_id (self->concurrent_goal_row));
  hw_record_set_string (record, "primary_language", hw_form_combo_get_id (self->language_row));
  hw_record_set_boolean (record, "interpreter_needed", gtk_switch_get_active (self->interpreter_switch));
  hw_form_record_set_text (record, "tribal_affiliation", self->tribe_row);
  hw_form_record_set_text (record, "notes", self->notes_row);

  if (!hw_form_write_record (GTK_WIDGET (self), self->store, record, &self->case_id,
                             N_("Add family"), N_("Edit family details"), error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, self->case_id);
  return TRUE;
}

gboolean
hw_case_dialog_save (HwCaseDialog  *self,
                       GError         **error)
{
  GtkWidget *bad_row = NULL;

  g_return_val_if_fail (HW_IS_CASE_DIALOG (self), FALSE);

  return save (self, &bad_row, error);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwCaseDialog *self = HW_CASE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row = NULL;

  hw_form_show_error (self->error_label, GTK_WIDGET (self->family_name_row), NULL);

  if (!save (self, &bad_row, &error))
    {
      /* someone else changed it since the dialog opened: their text is
       * shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        load (self);
      hw_form_show_error (self->error_label, bad_row, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
hw_case_dialog_constructed (GObject *object)
{
  HwCaseDialog *self = HW_CASE_DIALOG (object);

  G_OBJECT_CLASS (hw_case_dialog_parent_class)->constructed (object);

  hw_form_combo_setup (self->status_row, HW_CHOICES_CASE_STATUS, NULL);
  hw_form_combo_setup (self->goal_row, HW_CHOICES_PERMANENCY_GOAL, NULL);
  /* the goals have their own "None" (""), the usual concurrent goal */
  hw_form_combo_setup (self->concurrent_goal_row, HW_CHOICES_PERMANENCY_GOAL, NULL);
  hw_form_combo_setup (self->language_row, HW_CHOICES_LANGUAGE, NULL);

  hw_form_set_mode (GTK_WINDOW (self), self->save_label, self->case_id == 0,
                    _("New Family"), _("Family Details"));

  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->family_name_row));
}

static void
hw_case_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HwCaseDialog *self = HW_CASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_case_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HwCaseDialog *self = HW_CASE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_case_dialog_dispose (GObject *object)
{
  HwCaseDialog *self = HW_CASE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_CASE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_case_dialog_parent_class)->dispose (object);
}

static void
hw_case_dialog_class_init (HwCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_case_dialog_constructed;
  object_class->get_property = hw_case_dialog_get_property;
  object_class->set_property = hw_case_dialog_set_property;
  object_class->dispose = hw_case_dialog_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwCaseDialog::saved:
   * @case_id: the family added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/people/hw-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, case_number_row);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, concurrent_goal_row);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, tribe_row);
  gtk_widget_class_bind_template_child (widget_class, HwCaseDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* read as a dialog by screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
hw_case_dialog_init (HwCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
