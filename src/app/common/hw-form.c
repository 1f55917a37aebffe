/* hw-form.c: small helpers shared by the edit dialogs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-form"

#include <glib/gi18n.h>

#include "hw-date.h"
#include "hw-form.h"

/* the version of the row hw_form_load_record() read for a dialog */
#define VERSION_KEY "hw-form-version"

/* A combo row of fixed choices holds their ids in its model (a
 * GtkStringList of ids, "" for "none") and shows each one's label through
 * its expression: the row itself carries no other state. */
typedef struct {
  HwChoices  which;
  char      *none_label;
} ChoiceLabels;

static void
choice_labels_free (gpointer  data,
                    GClosure *closure)
{
  ChoiceLabels *labels = data;

  g_free (labels->none_label);
  g_free (labels);
}

static char *
choice_label_cb (GtkStringObject *item,
                 gpointer         user_data)
{
  ChoiceLabels *labels = user_data;
  const char *id = gtk_string_object_get_string (item);

  if (labels->none_label != NULL && *id == '\0')
    return g_strdup (labels->none_label);
  return g_strdup (hw_choice_label (labels->which, id));
}

void
hw_form_combo_setup (AdwComboRow *row,
                     HwChoices    which,
                     const char  *none_label)
{
  g_autoptr(GtkStringList) ids = gtk_string_list_new (NULL);
  ChoiceLabels *labels = g_new0 (ChoiceLabels, 1);
  const HwChoice *choices;
  guint n = 0;

  choices = hw_choices_get (which, &n);
  if (none_label != NULL)
    gtk_string_list_append (ids, "");
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (ids, choices[i].id);

  labels->which = which;
  labels->none_label = g_strdup (none_label);
  adw_combo_row_set_expression (row, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                  G_CALLBACK (choice_label_cb),
                                                                  labels, choice_labels_free));
  adw_combo_row_set_model (row, G_LIST_MODEL (ids));
}

const char *
hw_form_combo_get_id (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  g_return_val_if_fail (GTK_IS_STRING_LIST (adw_combo_row_get_model (row)), "");

  /* the id stays alive in the model: an interned copy for the caller */
  return item != NULL ? g_intern_string (gtk_string_object_get_string (item)) : "";
}

void
hw_form_combo_set_id (AdwComboRow *row,
                      const char  *id)
{
  GListModel *ids = adw_combo_row_get_model (row);
  guint n;

  g_return_if_fail (GTK_IS_STRING_LIST (ids));

  n = g_list_model_get_n_items (ids);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (ids), i), id != NULL ? id : "") == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

char *
hw_form_get_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
hw_form_check_date (const char  *text,
                    const char  *what,
                    GError     **error)
{
  HwDateCheck check;

  if (text == NULL || *text == '\0')
    return TRUE;

  check = hw_date_check (text, NULL);
  if (check == HW_DATE_NOT_ISO)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %s is a field, e.g. "Birth date" */
                   _("%s: write the date as year-month-day, for example 2015-04-23."), what);
      return FALSE;
    }

  if (check == HW_DATE_IMPOSSIBLE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: first %s is a field, e.g. "Birth date"; second the date typed */
                   _("%s: %s is not a real date. Check the day and the month."), what, text);
      return FALSE;
    }

  return TRUE;
}

char *
hw_form_get_recipients (GtkCheckButton *family,
                        GtkCheckButton *support,
                        GtkCheckButton *screen)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  if (family != NULL && gtk_check_button_get_active (family))
    g_ptr_array_add (kinds, (gpointer) "family");
  if (support != NULL && gtk_check_button_get_active (support))
    g_ptr_array_add (kinds, (gpointer) "support");
  if (screen != NULL && gtk_check_button_get_active (screen))
    g_ptr_array_add (kinds, (gpointer) "screen");
  g_ptr_array_add (kinds, NULL);

  return g_strjoinv (",", (char **) kinds->pdata);
}

static gboolean
set_has (char       **kinds,
         const char  *kind)
{
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (g_strstrip (kinds[i]), kind) == 0)
      return TRUE;
  return FALSE;
}

void
hw_form_set_recipients (const char     *set,
                        GtkCheckButton *family,
                        GtkCheckButton *support,
                        GtkCheckButton *screen)
{
  g_auto(GStrv) kinds = g_strsplit (set ? set : "", ",", -1);

  if (family != NULL)
    gtk_check_button_set_active (family, set_has (kinds, "family"));
  if (support != NULL)
    gtk_check_button_set_active (support, set_has (kinds, "support"));
  if (screen != NULL)
    gtk_check_button_set_active (screen, set_has (kinds, "screen"));
}

#define REVEAL_MAX_FRAMES 10

/* A tick of the label shown (hw_form_show_error()): once its scrolled
 * window has laid it out, scrolls to the end, so that the message and the
 * buttons under it are seen (the window does not grow with it: before,
 * Cancel and Save went out of sight under a long message). */
static gboolean
reveal_tick_cb (GtkWidget     *label,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *child = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (child == NULL || ++*frames > REVEAL_MAX_FRAMES)
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (!gtk_widget_get_visible (label) || gtk_widget_get_height (label) <= 0 ||
      !gtk_widget_compute_bounds (label, child, &bounds) ||
      gtk_adjustment_get_upper (adjustment) < bounds.origin.y + bounds.size.height)
    return G_SOURCE_CONTINUE;   /* not laid out yet */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

void
hw_form_show_error (GtkLabel   *label,
                    GtkWidget  *row,
                    const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL && row == NULL &&
      gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_SCROLLED_WINDOW) != NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (label), reveal_tick_cb, g_new0 (guint, 1), g_free);
  if (row != NULL)
    {
      if (message != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_widget_grab_focus (row);
        }
      else
        gtk_widget_remove_css_class (row, "error");
    }
}

void
hw_form_set_mode (GtkWindow  *dialog,
                  GtkLabel   *save_label,
                  gboolean    adding,
                  const char *add_title,
                  const char *edit_title)
{
  gtk_window_set_title (dialog, adding ? add_title : edit_title);
  gtk_label_set_text_with_mnemonic (save_label, adding ? _("_Add") : _("_Done"));
}

HwRecord *
hw_form_load_record (GtkWidget  *dialog,
                     GtkLabel   *error_label,
                     HwStore    *store,
                     const char *table,
                     gint64      id)
{
  g_autoptr(HwRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 *version;

  record = hw_store_get (store, table, id, &error);
  if (record == NULL)
    {
      hw_form_show_error (error_label, NULL, error->message);
      gtk_widget_action_set_enabled (dialog, "dialog.save", FALSE);
      return NULL;
    }
  version = g_new (gint64, 1);
  *version = hw_record_get_version (record);
  g_object_set_data_full (G_OBJECT (dialog), VERSION_KEY, version, g_free);
  return g_steal_pointer (&record);
}

void
hw_form_set_text (AdwEntryRow *row,
                  HwRecord    *record,
                  const char  *column)
{
  gtk_editable_set_text (GTK_EDITABLE (row), hw_record_get_string (record, column));
}

void
hw_form_record_set_text (HwRecord    *record,
                         const char  *column,
                         AdwEntryRow *row)
{
  g_autofree char *text = hw_form_get_text (row);

  hw_record_set_string (record, column, text);
}

gboolean
hw_form_write_record (GtkWidget   *dialog,
                      HwStore     *store,
                      HwRecord    *record,
                      gint64      *id,
                      const char  *add_label,
                      const char  *edit_label,
                      GError     **error)
{
  gint64 new_id;

  if (*id != 0)
    {
      const gint64 *version = g_object_get_data (G_OBJECT (dialog), VERSION_KEY);

      hw_record_set_id (record, *id);
      if (version != NULL)
        hw_record_set_version (record, *version);
      return hw_store_update (store, edit_label, record, error);
    }

  new_id = hw_store_insert (store, add_label, record, error);
  if (new_id <= 0)
    return FALSE;
  *id = new_id;
  return TRUE;
}
