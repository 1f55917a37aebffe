/* hw-key-dates-page.c: the key dates of a case, in date order, with Add,
 * Change and Delete.
 *
 * The list is read again from the store (hw_case_dates_list) whenever
 * case_events changes, so an undo, another window or an import shows at
 * once; the page keeps no copy. It is a page of the case view (hw-areas.c)
 * rather than a window of its own so that its toasts land in the main
 * window, whose Undo (win.undo) they offer. Delete asks nothing: the
 * toast's Undo brings the date back, and a delete the history cannot do
 * without (the removal before a return home) is refused with the core's
 * message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-key-dates-page"

#include <glib/gi18n.h>

#include "hw-focus-memo.h"
#include "hw-case-dates.h"
#include "hw-key-date-dialog.h"
#include "hw-key-dates-page.h"
#include "hw-language.h"
#include "hw-toast.h"

struct _HwKeyDatesPage
{
  GtkWidget    parent_instance;

  HwStore     *store;
  gint64       case_id;
  guint        n_rows;

  /* template widgets */
  GtkLabel    *summary_label;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (HwKeyDatesPage, hw_key_dates_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows ------------------------------------------------------------------- */

static GtkWidget *
row_button (const char *icon_name,
            const char *action_name,
            gint64      id,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

static GtkWidget *
event_row_new (HwRecord *event)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 id = hw_record_get_id (event);
  const char *kind = hw_record_get_string (event, "kind");
  const char *ordered = hw_record_get_string (event, "ordered");
  const char *notes = hw_record_get_string (event, "notes");
  g_autofree char *day = hw_language_format_iso (hw_record_get_string (event, "date"),
                                                 HW_DATE_LONG, FALSE);
  g_autofree char *title = NULL;
  g_autofree char *change = NULL;
  g_autofree char *remove = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (g_str_equal (kind, "hearing"))
    {
      const char *hearing_kind = hw_record_get_string (event, "hearing_kind");

      /* Translators: "14 January 2027 · Court hearing: Review" */
      title = g_strdup_printf (_("%s · %s: %s"), day, hw_case_event_kind_label (kind),
                               hw_hearing_kind_label (hearing_kind));
      if (*ordered != '\0')
        /* Translators: what a court ordered at a hearing */
        g_string_append_printf (subtitle, _("Ordered: %s"), ordered);
    }
  else
    /* Translators: "2 March 2026 · Removal" */
    title = g_strdup_printf (_("%s · %s"), day, hw_case_event_kind_label (kind));
  if (*notes != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, "\n");
      g_string_append (subtitle, notes);
    }

  /* names and orders are text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  /* Translators: %s is a key date such as "2 March 2026 · Removal" */
  change = g_strdup_printf (_("Change %s"), title);
  remove = g_strdup_printf (_("Delete %s"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-edit-symbolic", "key-dates.change", id, change));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", "key-dates.delete", id, remove));
  /* Enter or a click on the row changes it */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "key-dates.change");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  return row;
}

static void
fill_rows (HwKeyDatesPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  g_assert (HW_IS_KEY_DATES_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;

  rows = hw_case_dates_list (self->store, self->case_id, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot read the key dates: %s", error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->list, event_row_new (g_ptr_array_index (rows, i)));
  self->n_rows = rows->len;

  summary = hw_case_dates_summary (self->store, self->case_id, NULL);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *summary != '\0');
}

/* Made again on every change of the store, also someone else's: the
 * keyboard's place is kept (the same row, the same button). */
static void
fill (HwKeyDatesPage *self)
{
  HwFocusMemo focus = { 0 };

  hw_focus_memo_save (&focus, GTK_WIDGET (self->list));
  fill_rows (self);
  hw_focus_memo_restore (&focus, GTK_WIDGET (self->list));
}

static void
store_changed_cb (HwKeyDatesPage *self,
                  const char     *table)
{
  if (g_strcmp0 (table, "case_events") == 0)
    fill (self);
}

/* Actions ---------------------------------------------------------------- */

static void
saved_cb (HwKeyDatesPage *self,
          gint64          id,
          GtkWindow      *dialog)
{
  g_autoptr(HwRecord) record = NULL;

  g_assert (HW_IS_KEY_DATES_PAGE (self));

  /* the dialog's record is the key date it changed; none when it added */
  g_object_get (dialog, "record", &record, NULL);
  hw_toast_show_undo (GTK_WIDGET (self),
                      record == NULL ? _("Key date added") : _("Key date changed"));
}

static void
open_dialog (HwKeyDatesPage *self,
             HwRecord       *record)
{
  GtkWindow *dialog = hw_key_date_dialog_new (self->store, self->case_id, record);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (HW_IS_KEY_DATES_PAGE (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hw_key_dates_page_add (HW_KEY_DATES_PAGE (widget));
}

static void
change_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwKeyDatesPage *self = HW_KEY_DATES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) record = hw_store_get (self->store, "case_events",
                                             g_variant_get_int64 (parameter), &error);

  if (record == NULL)
    {
      hw_toast_show_error (widget, error);
      return;
    }
  open_dialog (self, record);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwKeyDatesPage *self = HW_KEY_DATES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!hw_case_dates_delete (self->store, g_variant_get_int64 (parameter), &error))
    {
      hw_toast_show_error (widget, error);
      return;
    }
  hw_toast_show_undo (widget, _("Key date deleted"));
}

/* GObject ---------------------------------------------------------------- */

static void
hw_key_dates_page_constructed (GObject *object)
{
  HwKeyDatesPage *self = HW_KEY_DATES_PAGE (object);

  G_OBJECT_CLASS (hw_key_dates_page_parent_class)->constructed (object);

  g_assert (HW_IS_STORE (self->store));

  fill (self);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
hw_key_dates_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HwKeyDatesPage *self = HW_KEY_DATES_PAGE (object);

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
hw_key_dates_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HwKeyDatesPage *self = HW_KEY_DATES_PAGE (object);

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
hw_key_dates_page_dispose (GObject *object)
{
  HwKeyDatesPage *self = HW_KEY_DATES_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_KEY_DATES_PAGE);
  /* dispose_template only unparents the children bound to fields */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_key_dates_page_parent_class)->dispose (object);
}

static void
hw_key_dates_page_class_init (HwKeyDatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_key_dates_page_constructed;
  object_class->get_property = hw_key_dates_page_get_property;
  object_class->set_property = hw_key_dates_page_set_property;
  object_class->dispose = hw_key_dates_page_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "cases/hw-key-dates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwKeyDatesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HwKeyDatesPage, list);

  gtk_widget_class_install_action (widget_class, "key-dates.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "key-dates.change", "x", change_action_cb);
  gtk_widget_class_install_action (widget_class, "key-dates.delete", "x", delete_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hw_key_dates_page_init (HwKeyDatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public ----------------------------------------------------------------- */

GtkWidget *
hw_key_dates_page_new (HwStore *store,
                       gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_KEY_DATES_PAGE, "store", store, "case-id", case_id, NULL);
}

void
hw_key_dates_page_add (HwKeyDatesPage *self)
{
  g_return_if_fail (HW_IS_KEY_DATES_PAGE (self));

  open_dialog (self, NULL);
}

guint
hw_key_dates_page_get_n_rows (HwKeyDatesPage *self)
{
  g_return_val_if_fail (HW_IS_KEY_DATES_PAGE (self), 0);

  return self->n_rows;
}
