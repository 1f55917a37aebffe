/* hw-key-date-dialog.c: add or change one key date of a case.
 *
 * The fields show the key date as it was read when the dialog opened;
 * Save writes them through the core (hw_case_dates_add / _change) as one
 * edit. When the core refuses them (a day that does not exist, a return
 * home before the removal, a second removal), the dialog stays open with
 * what was typed and says why; nothing is written. The kind of hearing and
 * what the court ordered belong to hearings only, so they show only when
 * the kind is a hearing (and are not saved otherwise). When someone else
 * changed the key date since it was read, the save is refused too and the
 * dialog shows their text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-key-date-dialog"

#include <glib/gi18n.h>

#include "hw-case-dates.h"
#include "hw-form.h"
#include "hw-key-date-dialog.h"

struct _HwKeyDateDialog
{
  GtkWindow    parent_instance;

  HwStore     *store;
  gint64       case_id;
  HwRecord    *record;

  /* template widgets */
  GtkLabel    *error_label;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  AdwComboRow *hearing_kind_row;
  AdwEntryRow *ordered_row;
  AdwEntryRow *notes_row;
};

G_DEFINE_FINAL_TYPE (HwKeyDateDialog, hw_key_date_dialog, GTK_TYPE_WINDOW)

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

/* A combo row of @ids, showing @label_of each; @current selected. */
static void
setup_combo (AdwComboRow         *row,
             const char * const  *ids,
             const char *       (*label_of) (const char *),
             const char          *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (labels, label_of (ids[i]));
      if (g_strcmp0 (ids[i], current) == 0)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static const char *
combo_id (AdwComboRow        *row,
          const char * const *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  for (guint i = 0; ids[i] != NULL; i++)
    if (i == selected)
      return ids[i];
  return "";
}

static gboolean
is_hearing (HwKeyDateDialog *self)
{
  g_assert (HW_IS_KEY_DATE_DIALOG (self));

  return g_str_equal (combo_id (self->kind_row, hw_case_event_kinds ()), "hearing");
}

static void
kind_changed_cb (HwKeyDateDialog *self)
{
  gboolean hearing = is_hearing (self);

  gtk_widget_set_visible (GTK_WIDGET (self->hearing_kind_row), hearing);
  gtk_widget_set_visible (GTK_WIDGET (self->ordered_row), hearing);
}

/* A new case starts with its removal; after that, hearings are what is
 * added most. */
static const char *
first_kind (HwKeyDateDialog *self)
{
  g_autoptr(GPtrArray) events = hw_case_dates_list (self->store, self->case_id, NULL);

  g_assert (HW_IS_KEY_DATE_DIALOG (self));

  return events != NULL && events->len > 0 ? "hearing" : "removal";
}

/* The fields, from the key date as read (or the defaults for a new one). */
static void
fill (HwKeyDateDialog *self)
{
  HwRecord *r = self->record;

  setup_combo (self->kind_row, hw_case_event_kinds (), hw_case_event_kind_label,
               r ? hw_record_get_string (r, "kind") : first_kind (self));
  setup_combo (self->hearing_kind_row, hw_hearing_kinds (), hw_hearing_kind_label,
               r ? hw_record_get_string (r, "hearing_kind") : NULL);
  if (r != NULL)
    {
      hw_form_set_text (self->date_row, r, "date");
      hw_form_set_text (self->ordered_row, r, "ordered");
      hw_form_set_text (self->notes_row, r, "notes");
    }
  kind_changed_cb (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwKeyDateDialog *self = HW_KEY_DATE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = hw_form_get_text (self->date_row);
  g_autofree char *ordered = hw_form_get_text (self->ordered_row);
  g_autofree char *notes = hw_form_get_text (self->notes_row);
  gboolean hearing = is_hearing (self);
  HwCaseEvent event = {
    combo_id (self->kind_row, hw_case_event_kinds ()),
    date,
    hearing ? combo_id (self->hearing_kind_row, hw_hearing_kinds ()) : "",
    hearing ? ordered : "",
    notes,
  };
  gint64 id;

  if (self->record != NULL)
    {
      id = hw_record_get_id (self->record);
      /* saved over the key date as it was shown only */
      if (!hw_case_dates_change_at (self->store, id, hw_record_get_version (self->record),
                                    &event, &error))
        id = 0;
    }
  else
    id = hw_case_dates_add (self->store, self->case_id, &event, &error);

  if (id == 0)
    {
      /* someone else changed the key date since the dialog opened: their
       * text is shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "case_events",
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
hw_key_date_dialog_constructed (GObject *object)
{
  HwKeyDateDialog *self = HW_KEY_DATE_DIALOG (object);

  G_OBJECT_CLASS (hw_key_date_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self),
                        self->record ? _("Change Key Date") : _("Add Key Date"));
  fill (self);
  g_signal_connect_object (self->kind_row, "notify::selected",
                           G_CALLBACK (kind_changed_cb), self, G_CONNECT_SWAPPED);
  /* type the date straight away */
  gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

static void
hw_key_date_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HwKeyDateDialog *self = HW_KEY_DATE_DIALOG (object);

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
hw_key_date_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HwKeyDateDialog *self = HW_KEY_DATE_DIALOG (object);

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
hw_key_date_dialog_dispose (GObject *object)
{
  HwKeyDateDialog *self = HW_KEY_DATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_KEY_DATE_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_key_date_dialog_parent_class)->dispose (object);
}

static void
hw_key_date_dialog_class_init (HwKeyDateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_key_date_dialog_constructed;
  object_class->get_property = hw_key_date_dialog_get_property;
  object_class->set_property = hw_key_date_dialog_set_property;
  object_class->dispose = hw_key_date_dialog_dispose;

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
   * HwKeyDateDialog::saved:
   * @id: the key date added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "cases/hw-key-date-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwKeyDateDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwKeyDateDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HwKeyDateDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HwKeyDateDialog, hearing_kind_row);
  gtk_widget_class_bind_template_child (widget_class, HwKeyDateDialog, ordered_row);
  gtk_widget_class_bind_template_child (widget_class, HwKeyDateDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_key_date_dialog_init (HwKeyDateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
hw_key_date_dialog_new (HwStore  *store,
                        gint64    case_id,
                        HwRecord *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_KEY_DATE_DIALOG,
                       "store", store,
                       "case-id", record ? hw_record_get_int (record, "case_id") : case_id,
                       "record", record,
                       NULL);
}
