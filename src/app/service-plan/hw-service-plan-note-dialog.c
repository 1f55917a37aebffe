/* hw-service-plan-note-dialog.c: add a progress note to a task.
 *
 * Above the earlier notes of the task (newest first, to read before
 * writing the next, and following the store: someone else's note shows
 * as it comes), the new note's text, date and author. Save writes
 * it through the core (hw_service_plan_save) as one edit. When the core
 * refuses it (no text, an impossible date), the dialog stays open with
 * what was typed and says why; nothing is written.
 *
 * Notes are only added here: a note once written is part of the record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-note-dialog"

#include <glib/gi18n.h>

#include "hw-focus-memo.h"
#include "hw-form.h"
#include "hw-service-plan.h"
#include "hw-service-plan-form.h"
#include "hw-service-plan-note-dialog.h"

struct _HwServicePlanNoteDialog
{
  GtkWindow             parent_instance;

  HwStore              *store;
  gint64                case_id;
  gint64                task_id;
  char                 *today;
  gboolean              show_private;
  /* the rows of the earlier notes, remade when the notes change */
  GPtrArray            *earlier_rows;

  GtkLabel             *error_label;
  AdwEntryRow          *text_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *author_row;
  AdwPreferencesGroup  *earlier_group;
};

G_DEFINE_FINAL_TYPE (HwServicePlanNoteDialog, hw_service_plan_note_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_TASK_ID,
  PROP_TODAY,
  PROP_SHOW_PRIVATE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWindow *
hw_service_plan_note_dialog_new (HwStore    *store,
                                 gint64      case_id,
                                 gint64      task_id,
                                 const char *today,
                                 gboolean    show_private)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_NOTE_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "task-id", task_id,
                       "today", today,
                       "show-private", show_private,
                       NULL);
}

/* The task's notes so far that may be shown, newest first; again when
 * the notes change (someone else's note comes while this one is being
 * written: the words typed stay, the keyboard's place among the notes
 * too). */
static void
show_earlier_notes (HwServicePlanNoteDialog *self)
{
  static const HwRecipient screen = { HW_RECIPIENT_SCREEN, 0 };
  static const HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  g_autoptr(GPtrArray) notes = NULL;
  HwFocusMemo focus = { 0 };
  GtkWidget *list = NULL;

  g_assert (HW_IS_SERVICE_PLAN_NOTE_DIALOG (self));

  /* the rows are in the group's own list */
  if (self->earlier_rows->len > 0)
    list = gtk_widget_get_parent (g_ptr_array_index (self->earlier_rows, 0));
  if (list != NULL)
    hw_focus_memo_save (&focus, list);
  for (guint i = 0; i < self->earlier_rows->len; i++)
    adw_preferences_group_remove (self->earlier_group, g_ptr_array_index (self->earlier_rows, i));
  g_ptr_array_set_size (self->earlier_rows, 0);

  notes = hw_service_plan_list_notes (self->store, self->task_id,
                                      self->show_private ? &agency : &screen, NULL);
  for (guint i = notes != NULL ? notes->len : 0; i > 0; i--)
    {
      HwRecord *note = g_ptr_array_index (notes, i - 1);
      GtkWidget *row = adw_action_row_new ();
      const char *author = hw_record_get_string (note, "author");
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;

      when = hw_service_plan_format_date (hw_record_get_string (note, "date"), FALSE);

      subtitle = author[0] ? g_strdup_printf ("%s · %s", when, author) : g_strdup (when);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hw_record_get_string (note, "text"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->earlier_group, row);
      g_ptr_array_add (self->earlier_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->earlier_group), self->earlier_rows->len > 0);
  if (list != NULL && self->earlier_rows->len > 0)
    hw_focus_memo_restore (&focus, list);
  hw_focus_memo_clear (&focus);
}

static void
store_changed_cb (HwServicePlanNoteDialog *self,
                  const char              *table)
{
  g_assert (HW_IS_SERVICE_PLAN_NOTE_DIALOG (self));

  if (g_strcmp0 (table, "progress_notes") == 0)
    show_earlier_notes (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanNoteDialog *self = HW_SERVICE_PLAN_NOTE_DIALOG (widget);
  g_autoptr(HwRecord) record = hw_record_new ("progress_notes");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (record, "task_id", self->task_id);
  hw_form_record_set_text (record, "text", self->text_row);
  hw_form_record_set_text (record, "date", self->date_row);
  hw_form_record_set_text (record, "author", self->author_row);

  id = hw_service_plan_save (self->store, NULL, record, &error);
  if (id == 0)
    {
      /* the dialog stays open with what was typed, and says what is wrong */
      hw_form_show_error (self->error_label, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hw_service_plan_note_dialog_constructed (GObject *object)
{
  HwServicePlanNoteDialog *self = HW_SERVICE_PLAN_NOTE_DIALOG (object);

  G_OBJECT_CLASS (hw_service_plan_note_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), _("Add Progress Note"));
  hw_service_plan_form_set_text (self->date_row, NULL, "date", self->today);
  hw_service_plan_form_set_text (self->author_row, NULL, "author",
                                 hw_store_get_author (self->store));
  show_earlier_notes (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* type straight away */
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
}

static void
hw_service_plan_note_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HwServicePlanNoteDialog *self = HW_SERVICE_PLAN_NOTE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_TASK_ID:
      g_value_set_int64 (value, self->task_id);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_SHOW_PRIVATE:
      g_value_set_boolean (value, self->show_private);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_note_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HwServicePlanNoteDialog *self = HW_SERVICE_PLAN_NOTE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_TASK_ID:
      self->task_id = g_value_get_int64 (value);
      break;
    case PROP_TODAY:
      self->today = g_value_dup_string (value);
      break;
    case PROP_SHOW_PRIVATE:
      self->show_private = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_note_dialog_dispose (GObject *object)
{
  HwServicePlanNoteDialog *self = HW_SERVICE_PLAN_NOTE_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_NOTE_DIALOG);
  g_clear_pointer (&self->earlier_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_note_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_note_dialog_finalize (GObject *object)
{
  HwServicePlanNoteDialog *self = HW_SERVICE_PLAN_NOTE_DIALOG (object);

  g_free (self->today);

  G_OBJECT_CLASS (hw_service_plan_note_dialog_parent_class)->finalize (object);
}

static void
hw_service_plan_note_dialog_class_init (HwServicePlanNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_note_dialog_constructed;
  object_class->get_property = hw_service_plan_note_dialog_get_property;
  object_class->set_property = hw_service_plan_note_dialog_set_property;
  object_class->dispose = hw_service_plan_note_dialog_dispose;
  object_class->finalize = hw_service_plan_note_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASK_ID] =
    g_param_spec_int64 ("task-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the date of the new note (YYYY-MM-DD) */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* whether the earlier notes kept off the shared screen are shown */
  properties[PROP_SHOW_PRIVATE] =
    g_param_spec_boolean ("show-private", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanNoteDialog::saved:
   * @id: the note added
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNoteDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNoteDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNoteDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNoteDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNoteDialog, earlier_group);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_note_dialog_init (HwServicePlanNoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->earlier_rows = g_ptr_array_new ();
}
