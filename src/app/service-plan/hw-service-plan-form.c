/* hw-service-plan-form.c: helpers shared by the service plan's edit
 * dialogs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-form"

#include <glib/gi18n.h>

#include "hw-form.h"
#include "hw-service-plan-form.h"

void
hw_service_plan_form_set_text (AdwEntryRow *row,
                               HwRecord    *record,
                               const char  *column,
                               const char  *fallback)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (record != NULL)
    hw_form_set_text (row, record, column);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), fallback ? fallback : "");
}

void
hw_service_plan_form_set_choice (AdwComboRow *row,
                                 HwChoices    which,
                                 HwRecord    *record,
                                 const char  *column,
                                 const char  *fallback)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  hw_form_combo_setup (row, which, NULL);
  hw_form_combo_set_id (row, record ? hw_record_get_string (record, column) : fallback);
}

GArray *
hw_service_plan_form_references (AdwComboRow *row,
                                 GPtrArray   *records,
                                 gboolean     with_agency,
                                 gint64       current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0, agency = -1;
  guint selected = 0;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), ids);

  gtk_string_list_append (labels, _("Nobody yet"));
  g_array_append_val (ids, none);
  if (with_agency)
    {
      gtk_string_list_append (labels, _("Agency"));
      g_array_append_val (ids, agency);
    }
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      HwRecord *record = g_ptr_array_index (records, i);
      gint64 id = hw_record_get_id (record);

      gtk_string_list_append (labels, hw_record_get_string (record, "name"));
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == current)
      selected = i;
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  return ids;
}

gint64
hw_service_plan_form_get_reference (AdwComboRow *row,
                                    GArray      *ids)
{
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), 0);

  selected = adw_combo_row_get_selected (row);
  return ids != NULL && selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}
