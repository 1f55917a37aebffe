/* hw-org-dialog.c: add or edit one organisation of a case.
 *
 * Works like the person dialog: read from the store when it opens, all
 * fields written back as one edit on Add or Done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-org-dialog"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-form.h"
#include "hw-org-dialog.h"

struct _HwOrgDialog
{
  AdwWindow       parent_instance;

  HwStore        *store;
  gint64          case_id;
  gint64          org_id;

  GtkLabel       *error_label;
  GtkLabel       *save_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *contact_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *address_row;
  GtkSwitch      *confidential_switch;
  GtkCheckButton *withheld_family_check;
  GtkCheckButton *withheld_support_check;
  GtkCheckButton *withheld_screen_check;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (HwOrgDialog, hw_org_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_ORG_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

HwOrgDialog *
hw_org_dialog_new (HwStore *store,
                      gint64   case_id,
                      gint64   org_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_ORG_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "org-id", org_id,
                       NULL);
}

static void
load (HwOrgDialog *self)
{
  g_autoptr(HwRecord) record = NULL;

  if (self->org_id == 0)
    {
      hw_form_combo_set_id (self->kind_row, "services");
      return;
    }

  record = hw_form_load_record (GTK_WIDGET (self), self->error_label, self->store,
                                "organisations", self->org_id);
  if (record == NULL)
    return;

  self->case_id = hw_record_get_int (record, "case_id");
  hw_form_set_text (self->name_row, record, "name");
  hw_form_combo_set_id (self->kind_row, hw_record_get_string (record, "kind"));
  hw_form_set_text (self->contact_row, record, "contact");
  hw_form_set_text (self->phone_row, record, "phone");
  hw_form_set_text (self->email_row, record, "email");
  hw_form_set_text (self->address_row, record, "address");
  gtk_switch_set_active (self->confidential_switch, hw_record_get_boolean (record, "confidential"));
  hw_form_set_recipients (hw_record_get_string (record, "withheld_from"),
                          self->withheld_family_check, self->withheld_support_check,
                          self->withheld_screen_check);
  hw_form_set_text (self->notes_row, record, "notes");
}

/* Checks and writes; *bad_row is the field to fix when it fails. */
static gboolean
save (HwOrgDialog  *self,
      GtkWidget   **bad_row,
      GError      **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("organisations");
  g_autofree char *name = hw_form_get_text (self->name_row);
  g_autofree char *withheld = NULL;

  *bad_row = NULL;

  if (*name == '\0')
    {
      *bad_row = GTK_WIDGET (self->name_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write the organisation's name."));
      return FALSE;
    }

  withheld = hw_form_get_recipients (self->withheld_family_check,
                                     self->withheld_support_check,
                                     self->withheld_screen_check);

  hw_record_set_int (record, "case_id", self->case_id);
  hw_record_set_string (record, "name", name);
  hw_record_set_string (record, "kind", hw_form_combo_get_id (self->kind_row));
  hw_form_record_set_text (record, "contact", self->contact_row);
  hw_form_record_set_text (record, "phone", self->phone_row);
  hw_form_record_set_text (record, "email", self->email_row);
  hw_form_record_set_text (record, "address", self->address_row);
  hw_record_set_boolean (record, "confidential", gtk_switch_get_active (self->confidential_switch));
  hw_record_set_string (record, "withheld_from", withheld);
  hw_form_record_set_text (record, "notes", self->notes_row);

  if (!hw_form_write_record (GTK_WIDGET (self), self->store, record, &self->org_id,
                             N_("Add organisation"), N_("Edit organisation"), error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, self->org_id);
  return TRUE;
}

gboolean
hw_org_dialog_save (HwOrgDialog  *self,
                       GError         **error)
{
  GtkWidget *bad_row = NULL;

  g_return_val_if_fail (HW_IS_ORG_DIALOG (self), FALSE);

  return save (self, &bad_row, error);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwOrgDialog *self = HW_ORG_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row = NULL;

  hw_form_show_error (self->error_label, GTK_WIDGET (self->name_row), NULL);

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
hw_org_dialog_constructed (GObject *object)
{
  HwOrgDialog *self = HW_ORG_DIALOG (object);

  G_OBJECT_CLASS (hw_org_dialog_parent_class)->constructed (object);

  hw_form_combo_setup (self->kind_row, HW_CHOICES_ORG_KIND, NULL);

  hw_form_set_mode (GTK_WINDOW (self), self->save_label, self->org_id == 0,
                    _("Add Organisation"), _("Edit Organisation"));

  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
hw_org_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HwOrgDialog *self = HW_ORG_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_ORG_ID:
      g_value_set_int64 (value, self->org_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_org_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HwOrgDialog *self = HW_ORG_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_ORG_ID:
      self->org_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_org_dialog_dispose (GObject *object)
{
  HwOrgDialog *self = HW_ORG_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_ORG_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_org_dialog_parent_class)->dispose (object);
}

static void
hw_org_dialog_class_init (HwOrgDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_org_dialog_constructed;
  object_class->get_property = hw_org_dialog_get_property;
  object_class->set_property = hw_org_dialog_set_property;
  object_class->dispose = hw_org_dialog_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORG_ID] =
    g_param_spec_int64 ("org-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwOrgDialog::saved:
   * @org_id: the organisation added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/people/hw-org-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, confidential_switch);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, withheld_family_check);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, withheld_support_check);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, withheld_screen_check);
  gtk_widget_class_bind_template_child (widget_class, HwOrgDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* read as a dialog by screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
hw_org_dialog_init (HwOrgDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
