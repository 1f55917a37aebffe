/* hw-person-dialog.c: add or edit one person of a case.
 *
 * The dialog reads the person from the store when it opens and writes all
 * fields back as one edit when the person presses Add or Done; nothing is
 * kept anywhere else. Bad input (no name, an impossible birth date) is
 * refused with a message next to the fields and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-person-dialog"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-form.h"
#include "hw-people.h"
#include "hw-person-dialog.h"

struct _HwPersonDialog
{
  AdwWindow       parent_instance;

  HwStore        *store;
  gint64          case_id;
  gint64          person_id;

  GtkLabel       *error_label;
  GtkLabel       *save_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *role_row;
  AdwComboRow    *worker_row;
  GArray         *worker_ids;     /* gint64, in the order of worker_row; 0 first: none */
  AdwEntryRow    *relationship_row;
  AdwEntryRow    *pronouns_row;
  AdwComboRow    *language_row;
  AdwEntryRow    *birth_date_row;
  GtkSwitch      *household_switch;
  GtkSwitch      *harm_switch;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *address_row;
  GtkCheckButton *address_family_check;
  GtkCheckButton *address_support_check;
  GtkCheckButton *address_screen_check;
  GtkSwitch      *confidential_switch;
  GtkCheckButton *withheld_family_check;
  GtkCheckButton *withheld_support_check;
  GtkCheckButton *withheld_screen_check;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (HwPersonDialog, hw_person_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_PERSON_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

HwPersonDialog *
hw_person_dialog_new (HwStore *store,
                      gint64   case_id,
                      gint64   person_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PERSON_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "person-id", person_id,
                       NULL);
}

/* The people of the case who can be a worker (not the person themself),
 * "No worker" first; @current chosen. */
static void
fill_workers (HwPersonDialog *self,
              gint64          current)
{
  g_autoptr(GPtrArray) workers = hw_people_select_workers (self->store, self->case_id, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint selected = 0;

  g_assert (HW_IS_PERSON_DIALOG (self));

  g_array_set_size (self->worker_ids, 0);
  gtk_string_list_append (names, _("No worker"));
  g_array_append_val (self->worker_ids, none);
  for (guint i = 0; workers != NULL && i < workers->len; i++)
    {
      HwRecord *w = g_ptr_array_index (workers, i);
      gint64 id = hw_record_get_id (w);

      if (id == self->person_id)
        continue;
      if (id == current)
        selected = self->worker_ids->len;
      gtk_string_list_append (names, hw_record_get_string (w, "name"));
      g_array_append_val (self->worker_ids, id);
    }
  adw_combo_row_set_model (self->worker_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->worker_row, selected);
}

static gint64
worker_id (HwPersonDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->worker_row);

  g_assert (HW_IS_PERSON_DIALOG (self));

  return selected < self->worker_ids->len ? g_array_index (self->worker_ids, gint64, selected) : 0;
}

static void
load (HwPersonDialog *self)
{
  g_autoptr(HwRecord) record = NULL;

  if (self->person_id == 0)
    {
      hw_form_combo_set_id (self->role_row, "relative");
      fill_workers (self, 0);
      return;
    }

  record = hw_form_load_record (GTK_WIDGET (self), self->error_label, self->store,
                                "people", self->person_id);
  if (record == NULL)
    return;

  self->case_id = hw_record_get_int (record, "case_id");
  fill_workers (self, hw_record_is_null (record, "worker_id")
                      ? 0 : hw_record_get_int (record, "worker_id"));
  hw_form_set_text (self->name_row, record, "name");
  hw_form_combo_set_id (self->role_row, hw_record_get_string (record, "role"));
  hw_form_set_text (self->relationship_row, record, "relationship");
  hw_form_set_text (self->pronouns_row, record, "pronouns");
  hw_form_combo_set_id (self->language_row, hw_record_get_string (record, "language"));
  hw_form_set_text (self->birth_date_row, record, "birth_date");
  gtk_switch_set_active (self->household_switch, hw_record_get_boolean (record, "in_household"));
  gtk_switch_set_active (self->harm_switch, hw_record_get_boolean (record, "alleged_harm_source"));
  hw_form_set_text (self->phone_row, record, "phone");
  hw_form_set_text (self->email_row, record, "email");
  hw_form_set_text (self->address_row, record, "address");
  hw_form_set_recipients (hw_record_get_string (record, "address_withheld_from"),
                          self->address_family_check, self->address_support_check,
                          self->address_screen_check);
  gtk_switch_set_active (self->confidential_switch, hw_record_get_boolean (record, "confidential"));
  hw_form_set_recipients (hw_record_get_string (record, "withheld_from"),
                          self->withheld_family_check, self->withheld_support_check,
                          self->withheld_screen_check);
  hw_form_set_text (self->notes_row, record, "notes");
}

/* Checks and writes; *bad_row is the field to fix when it fails. */
static gboolean
save (HwPersonDialog  *self,
      GtkWidget      **bad_row,
      GError         **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("people");
  g_autofree char *name = hw_form_get_text (self->name_row);
  g_autofree char *birth_date = hw_form_get_text (self->birth_date_row);
  g_autofree char *address_withheld = NULL;
  g_autofree char *withheld = NULL;

  *bad_row = NULL;

  if (*name == '\0')
    {
      *bad_row = GTK_WIDGET (self->name_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write the person's name."));
      return FALSE;
    }
  if (!hw_form_check_date (birth_date, _("Birth date"), error))
    {
      *bad_row = GTK_WIDGET (self->birth_date_row);
      return FALSE;
    }

  if (!hw_people_check_worker (self->store, self->case_id, self->person_id,
                               hw_form_combo_get_id (self->role_row), worker_id (self), error))
    {
      *bad_row = GTK_WIDGET (worker_id (self) != 0 ? self->worker_row : self->role_row);
      return FALSE;
    }

  address_withheld = hw_form_get_recipients (self->address_family_check,
                                             self->address_support_check,
                                             self->address_screen_check);
  withheld = hw_form_get_recipients (self->withheld_family_check,
                                     self->withheld_support_check,
                                     self->withheld_screen_check);

  hw_record_set_int (record, "case_id", self->case_id);
  hw_record_set_string (record, "name", name);
  hw_record_set_string (record, "role", hw_form_combo_get_id (self->role_row));
  if (worker_id (self) != 0)
    hw_record_set_int (record, "worker_id", worker_id (self));
  else
    hw_record_set_null (record, "worker_id");
  hw_form_record_set_text (record, "relationship", self->relationship_row);
  hw_form_record_set_text (record, "pronouns", self->pronouns_row);
  hw_record_set_string (record, "language", hw_form_combo_get_id (self->language_row));
  hw_record_set_string (record, "birth_date", birth_date);
  hw_record_set_boolean (record, "in_household", gtk_switch_get_active (self->household_switch));
  hw_record_set_boolean (record, "alleged_harm_source", gtk_switch_get_active (self->harm_switch));
  hw_form_record_set_text (record, "phone", self->phone_row);
  hw_form_record_set_text (record, "email", self->email_row);
  hw_form_record_set_text (record, "address", self->address_row);
  hw_record_set_string (record, "address_withheld_from", address_withheld);
  hw_record_set_boolean (record, "confidential", gtk_switch_get_active (self->confidential_switch));
  hw_record_set_string (record, "withheld_from", withheld);
  hw_form_record_set_text (record, "notes", self->notes_row);

  /* The labels never name the person: they go into the audit trail. */
  if (!hw_form_write_record (GTK_WIDGET (self), self->store, record, &self->person_id,
                             N_("Add person"), N_("Edit person"), error))
    return FALSE;

  g_signal_emit (self, signals[SAVED], 0, self->person_id);
  return TRUE;
}

gboolean
hw_person_dialog_save (HwPersonDialog  *self,
                       GError         **error)
{
  GtkWidget *bad_row = NULL;

  g_return_val_if_fail (HW_IS_PERSON_DIALOG (self), FALSE);

  return save (self, &bad_row, error);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwPersonDialog *self = HW_PERSON_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row = NULL;

  hw_form_show_error (self->error_label, GTK_WIDGET (self->name_row), NULL);
  hw_form_show_error (self->error_label, GTK_WIDGET (self->birth_date_row), NULL);
  hw_form_show_error (self->error_label, GTK_WIDGET (self->worker_row), NULL);
  hw_form_show_error (self->error_label, GTK_WIDGET (self->role_row), NULL);

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
hw_person_dialog_constructed (GObject *object)
{
  HwPersonDialog *self = HW_PERSON_DIALOG (object);

  G_OBJECT_CLASS (hw_person_dialog_parent_class)->constructed (object);

  hw_form_combo_setup (self->role_row, HW_CHOICES_PERSON_ROLE, NULL);
  hw_form_combo_setup (self->language_row, HW_CHOICES_LANGUAGE, _("Not recorded"));

  hw_form_set_mode (GTK_WINDOW (self), self->save_label, self->person_id == 0,
                    _("Add Person"), _("Edit Person"));

  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
hw_person_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HwPersonDialog *self = HW_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_person_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HwPersonDialog *self = HW_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_person_dialog_dispose (GObject *object)
{
  HwPersonDialog *self = HW_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PERSON_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->worker_ids, g_array_unref);

  G_OBJECT_CLASS (hw_person_dialog_parent_class)->dispose (object);
}

static void
hw_person_dialog_class_init (HwPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_person_dialog_constructed;
  object_class->get_property = hw_person_dialog_get_property;
  object_class->set_property = hw_person_dialog_set_property;
  object_class->dispose = hw_person_dialog_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwPersonDialog::saved:
   * @person_id: the person added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/people/hw-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, worker_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, household_switch);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, harm_switch);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, address_family_check);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, address_support_check);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, address_screen_check);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, confidential_switch);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, withheld_family_check);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, withheld_support_check);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, withheld_screen_check);
  gtk_widget_class_bind_template_child (widget_class, HwPersonDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* read as a dialog by screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
hw_person_dialog_init (HwPersonDialog *self)
{
  self->worker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
