/* hw-plan-print-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-print-dialog"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-language.h"
#include "hw-plan.h"
#include "hw-people.h"
#include "hw-plan-document.h"
#include "hw-plan-print-dialog.h"
#include "hw-plan-queries.h"
#include "hw-print-operation.h"
#include "hw-recipient.h"
#include "hw-save-file.h"

struct _HwPlanPrintDialog
{
  AdwWindow        parent_instance;

  HwStore         *store;
  gint64           plan_id;
  gint64           version;
  gboolean         agree;

  GPtrArray       *recipients;   /* "family", "agency", "person:ID" */
  GStrv            languages;    /* the ones whose catalog loads ("en", "es") */
  GArray          *signatory_ids;
  GPtrArray       *signatory_checks;

  GtkLabel            *error_label;
  AdwComboRow         *recipient_row;
  AdwComboRow         *language_row;
  AdwComboRow         *paper_row;
  AdwPreferencesGroup *agree_group;
  AdwPreferencesGroup *signatories_group;
  AdwEntryRow         *date_row;
};

G_DEFINE_FINAL_TYPE (HwPlanPrintDialog, hw_plan_print_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  PROP_VERSION,
  PROP_AGREE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const papers[] = { "a4", "letter", NULL };

static void
show_error (HwPlanPrintDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gint64
hw_plan_print_dialog_get_version (HwPlanPrintDialog *self)
{
  g_return_val_if_fail (HW_IS_PLAN_PRINT_DIALOG (self), 0);
  return self->version;
}

gboolean
hw_plan_print_dialog_select (HwPlanPrintDialog *self,
                             const char        *recipient,
                             const char        *language)
{
  gboolean found = FALSE;

  g_return_val_if_fail (HW_IS_PLAN_PRINT_DIALOG (self), FALSE);

  for (guint i = 0; recipient != NULL && i < self->recipients->len; i++)
    if (g_str_equal (g_ptr_array_index (self->recipients, i), recipient))
      {
        adw_combo_row_set_selected (self->recipient_row, i);
        found = TRUE;
      }
  for (guint i = 0; language != NULL && self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], language))
      adw_combo_row_set_selected (self->language_row, i);
  return found || recipient == NULL;
}

/* "Agree": the draft becomes version N, once; later presses reprint it. */
static gboolean
agree (HwPlanPrintDialog  *self,
       GError            **error)
{
  g_autoptr(GArray) sigs = g_array_new (FALSE, TRUE, sizeof (HwPlanSignatory));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  gint64 number;

  for (guint i = 0; i < self->signatory_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->signatory_checks, i)))
      {
        HwPlanSignatory s = { g_array_index (self->signatory_ids, gint64, i), NULL, NULL };

        g_array_append_val (sigs, s);
      }

  number = hw_plan_freeze (self->store, self->plan_id, *date != '\0' ? date : NULL,
                           (const HwPlanSignatory *) sigs->data, sigs->len, error);
  if (number == 0)
    return FALSE;

  self->version = number;
  self->agree = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->agree_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->signatories_group), FALSE);
  {
    g_autofree char *title = g_strdup_printf (_("Print Version %d"), (int) number);

    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  return TRUE;
}

HwDocument *
hw_plan_print_dialog_build_document (HwPlanPrintDialog  *self,
                                     GError            **error)
{
  g_autoptr(JsonNode) snapshot = NULL;
  HwRecipient recipient;
  guint r = adw_combo_row_get_selected (self->recipient_row);
  guint l = adw_combo_row_get_selected (self->language_row);
  guint p = adw_combo_row_get_selected (self->paper_row);
  HwDocument *doc;

  g_return_val_if_fail (HW_IS_PLAN_PRINT_DIALOG (self), NULL);

  if (self->agree && !agree (self, error))
    return NULL;
  if (r >= self->recipients->len ||
      !hw_recipient_parse (g_ptr_array_index (self->recipients, r), &recipient, error))
    return NULL;

  snapshot = self->version > 0 ? hw_plan_load_version (self->store, self->plan_id, self->version, error)
                               : hw_plan_snapshot (self->store, self->plan_id, error);
  if (snapshot == NULL)
    return NULL;
  doc = hw_plan_document_new_for_store (self->store, snapshot, &recipient,
                                        l < g_strv_length (self->languages) ? self->languages[l] : NULL,
                                        error);
  if (doc != NULL && !hw_document_set_paper_name (doc, p < G_N_ELEMENTS (papers) - 1 ? papers[p] : "a4", error))
    g_clear_object (&doc);
  return doc;
}

/* The main window: it stays open for the toast that confirms a save. */
static GtkWidget *
toast_widget (HwPlanPrintDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return GTK_WIDGET (parent != NULL ? parent : GTK_WINDOW (self));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HwPlanPrintDialog *self = HW_PLAN_PRINT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = hw_plan_print_dialog_build_document (self, &error);
  g_autoptr(HwPrintOperation) op = NULL;
  g_autofree char *file_name = NULL;
  GtkPrintOperationResult result;

  g_assert (HW_IS_PLAN_PRINT_DIALOG (self));

  if (doc == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  op = hw_print_operation_new (doc);
  file_name = hw_document_get_file_name (doc, "pdf");
  hw_print_operation_set_file_name (op, file_name);
  /* The print dialog has a Preview button: the same pages on screen. */
  result = hw_print_operation_run_dialog (op, GTK_WINDOW (self), toast_widget (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    gtk_window_close (GTK_WINDOW (self));
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HwPlanPrintDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *path = NULL;

  g_assert (HW_IS_PLAN_PRINT_DIALOG (self));

  file = hw_save_file_choose_finish (result, NULL);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return;

  doc = hw_plan_print_dialog_build_document (self, &error);
  if (doc == NULL || !hw_document_export_pdf (doc, path, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  hw_save_file_show_saved (toast_widget (self), file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwPlanPrintDialog *self = HW_PLAN_PRINT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autofree char *file_name = NULL;

  g_assert (HW_IS_PLAN_PRINT_DIALOG (self));

  /* The name comes from the document's title, in the chosen language;
   * the plan is agreed only once a file is chosen, so the title is read
   * from the pages as they stand (the same title). */
  {
    gboolean agree_now = self->agree;

    self->agree = FALSE;
    doc = hw_plan_print_dialog_build_document (self, &error);
    self->agree = agree_now;
  }
  if (doc == NULL)
    {
      show_error (self, error->message);
      return;
    }
  file_name = hw_document_get_file_name (doc, "pdf");
  hw_save_file_choose (GTK_WINDOW (self), _("Save the Plan as PDF"), file_name, NULL,
                       export_chosen_cb, g_object_ref (self));
}

static gboolean
signs_by_default (HwStore    *store,
                  gint64      plan_id,
                  HwRecord   *person)
{
  static const char * const roles[] = { "mother", "father", "parent", "stepparent", "kin-caregiver", "caseworker", NULL };

  if (hw_record_get_boolean (person, "alleged_harm_source"))
    return FALSE;
  if (g_strv_contains (roles, hw_record_get_string (person, "role")))
    return TRUE;
  return hw_plan_person_has_part (store, plan_id, hw_record_get_id (person), NULL);
}

static void
hw_plan_print_dialog_constructed (GObject *object)
{
  HwPlanPrintDialog *self = HW_PLAN_PRINT_DIALOG (object);
  g_autoptr(GtkStringList) recipients = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) paper = gtk_string_list_new (NULL);
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(HwRecord) kase = NULL;
  g_autoptr(GPtrArray) people = NULL;
  HwRecipient support = { HW_RECIPIENT_SUPPORT, 0 };

  G_OBJECT_CLASS (hw_plan_print_dialog_parent_class)->constructed (object);

  plan = hw_store_get (self->store, "plans", self->plan_id, NULL);
  if (plan != NULL)
    kase = hw_store_get (self->store, "cases", hw_record_get_int (plan, "case_id"), NULL);

  gtk_string_list_append (recipients, _("The family"));
  g_ptr_array_add (self->recipients, g_strdup ("family"));
  gtk_string_list_append (recipients, _("The agency and the court"));
  g_ptr_array_add (self->recipients, g_strdup ("agency"));

  people = hw_people_select (self->store, plan != NULL ? hw_record_get_int (plan, "case_id") : 0,
                            HW_PEOPLE_ADULTS, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);
      GtkWidget *row, *check;

      /* a support person's own copy, if they may have one */
      if (hw_recipient_may_see_record (&support, p))
        {
          /* TRANSLATORS: a choice of who a printed copy is for; %s is a name */
          g_autofree char *label = g_strdup_printf (_("%s (their part only)"), hw_record_get_string (p, "name"));

          gtk_string_list_append (recipients, label);
          g_ptr_array_add (self->recipients, g_strdup_printf ("person:%" G_GINT64_FORMAT, id));
        }

      /* who signs */
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hw_record_get_string (p, "name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hw_record_get_string (p, "relationship"));
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), signs_by_default (self->store, self->plan_id, p));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hw_record_get_string (p, "name"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->signatories_group, row);
      g_ptr_array_add (self->signatory_checks, check);
      g_array_append_val (self->signatory_ids, id);
    }
  adw_combo_row_set_model (self->recipient_row, G_LIST_MODEL (recipients));

  /* only the languages whose translation loads: a copy is never made in
   * English when another was chosen */
  for (guint i = 0; self->languages[i] != NULL; i++)
    gtk_string_list_append (langs, hw_choice_label (HW_CHOICES_LANGUAGE, self->languages[i]));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (langs));
  /* the family's language first */
  for (guint i = 0; kase != NULL && self->languages[i] != NULL; i++)
    if (g_str_equal (hw_record_get_string (kase, "primary_language"), self->languages[i]))
      adw_combo_row_set_selected (self->language_row, i);

  gtk_string_list_append (paper, _("A4"));
  gtk_string_list_append (paper, _("US Letter"));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (paper));

  if (self->agree)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      gtk_window_set_title (GTK_WINDOW (self), _("Agree and Print"));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
      gtk_widget_set_visible (GTK_WIDGET (self->agree_group), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->signatories_group), TRUE);
    }
  else if (self->version > 0)
    {
      g_autofree char *title = g_strdup_printf (_("Print Version %d"), (int) self->version);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
}

static void
hw_plan_print_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HwPlanPrintDialog *self = HW_PLAN_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLAN_ID:
      self->plan_id = g_value_get_int64 (value);
      break;
    case PROP_VERSION:
      self->version = g_value_get_int64 (value);
      break;
    case PROP_AGREE:
      self->agree = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_print_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HwPlanPrintDialog *self = HW_PLAN_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_AGREE:
      g_value_set_boolean (value, self->agree);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_print_dialog_finalize (GObject *object)
{
  HwPlanPrintDialog *self = HW_PLAN_PRINT_DIALOG (object);

  g_clear_object (&self->store);
  g_ptr_array_unref (self->recipients);
  g_strfreev (self->languages);
  g_ptr_array_unref (self->signatory_checks);
  g_array_unref (self->signatory_ids);
  G_OBJECT_CLASS (hw_plan_print_dialog_parent_class)->finalize (object);
}

static void
hw_plan_print_dialog_class_init (HwPlanPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_plan_print_dialog_constructed;
  object_class->set_property = hw_plan_print_dialog_set_property;
  object_class->get_property = hw_plan_print_dialog_get_property;
  object_class->finalize = hw_plan_print_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREE] =
    g_param_spec_boolean ("agree", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/plans/hw-plan-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlanPrintDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlanPrintDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanPrintDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanPrintDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanPrintDialog, agree_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlanPrintDialog, signatories_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlanPrintDialog, date_row);

  gtk_widget_class_install_action (widget_class, "dialog.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "dialog.export", NULL, export_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_plan_print_dialog_init (HwPlanPrintDialog *self)
{
  self->recipients = g_ptr_array_new_with_free_func (g_free);
  self->signatory_checks = g_ptr_array_new ();
  self->signatory_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->languages = hw_language_list_available ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

HwPlanPrintDialog *
hw_plan_print_dialog_new (HwStore  *store,
                          gint64    plan_id,
                          gint64    version,
                          gboolean  agree)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PLAN_PRINT_DIALOG,
                       "store", store,
                       "plan-id", plan_id,
                       "version", version,
                       "agree", agree,
                       NULL);
}
