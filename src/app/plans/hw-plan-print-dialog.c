/* hw-plan-print-dialog.c: a plan's print dialog is the common one
 * (hw-print-dialog.c) with two groups of its own, the date of the
 * agreement and who signs, shown only when the draft is being agreed.
 * The plan's state lives in a PlanPrint, the build function's data, which
 * the dialog frees when it goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-print-dialog"

#include <glib/gi18n.h>

#include "hw-people.h"
#include "hw-plan.h"
#include "hw-plan-document.h"
#include "hw-plan-print-dialog.h"
#include "hw-plan-queries.h"


typedef struct {
  HwStore             *store;
  gint64               plan_id;
  gint64               version;
  gboolean             agree;

  GArray              *signatory_ids;
  GPtrArray           *signatory_checks;   /* widgets of the dialog */
  AdwPreferencesGroup *agree_group;
  AdwPreferencesGroup *signatories_group;
  AdwEntryRow         *date_row;
  const char          *version_title;      /* "Print Version %d", translated */
} PlanPrint;

static void
plan_print_free (PlanPrint *pp)
{
  g_clear_object (&pp->store);
  g_array_unref (pp->signatory_ids);
  g_ptr_array_unref (pp->signatory_checks);
  g_free (pp);
}

/* "Agree": the draft becomes version N, once; later presses reprint it. */
static gboolean
agree (HwPrintDialog  *dialog,
       PlanPrint      *pp,
       GError        **error)
{
  g_autoptr(GArray) sigs = g_array_new (FALSE, TRUE, sizeof (HwPlanSignatory));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pp->date_row))));
  g_autofree char *title = NULL;
  gint64 number;

  for (guint i = 0; i < pp->signatory_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (pp->signatory_checks, i)))
      {
        HwPlanSignatory s = { g_array_index (pp->signatory_ids, gint64, i), NULL, NULL };

        g_array_append_val (sigs, s);
      }

  number = hw_plan_freeze (pp->store, pp->plan_id, *date != '\0' ? date : NULL,
                           (const HwPlanSignatory *) sigs->data, sigs->len, error);
  if (number == 0)
    return FALSE;

  pp->version = number;
  pp->agree = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (pp->agree_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (pp->signatories_group), FALSE);
  /* in the screen's language, translated before the document's was
   * switched on */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  title = g_strdup_printf (pp->version_title, (int) number);
#pragma GCC diagnostic pop
  gtk_window_set_title (GTK_WINDOW (dialog), title);
  return TRUE;
}

static HwDocument *
build_cb (HwPrintDialog     *dialog,
          const HwRecipient *recipient,
          const char        *language,
          const char        *paper,
          gboolean           for_real,
          gpointer           user_data,
          GError           **error)
{
  PlanPrint *pp = user_data;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(HwDocument) doc = NULL;

  /* agreed only when printed or saved, not to name the file */
  if (for_real && pp->agree && !agree (dialog, pp, error))
    return NULL;
  snapshot = pp->version > 0 ? hw_plan_load_version (pp->store, pp->plan_id, pp->version, error)
                             : hw_plan_snapshot (pp->store, pp->plan_id, error);
  if (snapshot == NULL)
    return NULL;
  doc = hw_plan_document_new_for_store (pp->store, snapshot, recipient, language, error);
  if (doc == NULL || !hw_document_set_paper_name (doc, paper, error))
    return NULL;
  return g_steal_pointer (&doc);
}

static gboolean
signs_by_default (HwStore    *store,
                  gint64      plan_id,
                  HwRecord   *person)
{
  static const char * const roles[] = { "mother", "father", "parent", "stepparent",
                                        "kin-caregiver", "caseworker", NULL };

  if (hw_record_get_boolean (person, "alleged_harm_source"))
    return FALSE;
  if (g_strv_contains (roles, hw_record_get_string (person, "role")))
    return TRUE;
  return hw_plan_person_has_part (store, plan_id, hw_record_get_id (person), NULL);
}

/* The date of the agreement and who signs, shown in agree mode only. */
static void
add_agreement_groups (HwPrintDialog *dialog,
                      PlanPrint     *pp,
                      gint64         case_id)
{
  g_autoptr(GPtrArray) people = hw_people_select (pp->store, case_id, HW_PEOPLE_ADULTS, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  pp->agree_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (pp->agree_group, _("Agreement"));
  adw_preferences_group_set_description (pp->agree_group,
                                         _("The plan is kept as it is today. Later changes make a new "
                                           "draft; this version can always be printed again."));
  pp->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pp->date_row), _("Agreed on (year-month-day)"));
  gtk_editable_set_text (GTK_EDITABLE (pp->date_row), today);
  adw_preferences_group_add (pp->agree_group, GTK_WIDGET (pp->date_row));

  pp->signatories_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (pp->signatories_group, _("Who Signs"));
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hw_record_get_string (p, "name"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hw_record_get_string (p, "relationship"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), signs_by_default (pp->store, pp->plan_id, p));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hw_record_get_string (p, "name"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (pp->signatories_group, row);
      g_ptr_array_add (pp->signatory_checks, check);
      g_array_append_val (pp->signatory_ids, id);
    }

  gtk_widget_set_visible (GTK_WIDGET (pp->agree_group), pp->agree);
  gtk_widget_set_visible (GTK_WIDGET (pp->signatories_group), pp->agree);
  hw_print_dialog_add_group (dialog, GTK_WIDGET (pp->agree_group));
  hw_print_dialog_add_group (dialog, GTK_WIDGET (pp->signatories_group));
}

HwPrintDialog *
hw_plan_print_dialog_new (HwStore  *store,
                          gint64    plan_id,
                          gint64    version,
                          gboolean  agree)
{
  g_autoptr(HwRecord) plan = NULL;
  g_autofree char *title = NULL;
  HwPrintDialog *dialog;
  PlanPrint *pp;
  gint64 case_id;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  plan = hw_store_get (store, "plans", plan_id, NULL);
  case_id = plan != NULL ? hw_record_get_int (plan, "case_id") : 0;
  if (agree)
    title = g_strdup (_("Agree and Print"));
  else if (version > 0)
    title = g_strdup_printf (_("Print Version %d"), (int) version);
  else
    title = g_strdup (_("Print the Plan"));
  dialog = hw_print_dialog_new (store, case_id, title, _("Save the Plan as PDF"));

  pp = g_new0 (PlanPrint, 1);
  pp->store = g_object_ref (store);
  pp->plan_id = plan_id;
  pp->version = version;
  pp->agree = agree;
  pp->version_title = _("Print Version %d");
  pp->signatory_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  pp->signatory_checks = g_ptr_array_new ();
  add_agreement_groups (dialog, pp, case_id);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, agree ? 640 : 420);

  /* the dialog owns it (get_version() asks the dialog for it back) */
  hw_print_dialog_set_build_func (dialog, build_cb, pp, (GDestroyNotify) plan_print_free);
  return dialog;
}

gint64
hw_plan_print_dialog_get_version (HwPrintDialog *dialog)
{
  PlanPrint *pp;

  g_return_val_if_fail (HW_IS_PRINT_DIALOG (dialog), 0);

  pp = hw_print_dialog_get_build_data (dialog, build_cb);
  g_return_val_if_fail (pp != NULL, 0);
  return pp->version;
}
