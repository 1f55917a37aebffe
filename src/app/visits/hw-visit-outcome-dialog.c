/* hw-visit-outcome-dialog.c: record what happened at one visit.
 *
 * Saving is one edit: the outcome and, for a cancellation that owes the
 * family a make-up (caregiver, agency or provider), the make-up visit if a
 * date is given. A refusal is shown above the form; the dialog stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visit-outcome-dialog"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hw-visit-outcome-dialog.h"

struct _HwVisitOutcomeDialog
{
  AdwWindow    parent_instance;

  HwStore     *store;
  gint64       series_id;
  char         key[HW_LOCAL_TIME_LEN];
  gboolean     makeup_given;

  GtkLabel    *error_label;
  AdwComboRow *status_row;
  AdwEntryRow *arrival_row;
  AdwEntryRow *departure_row;
  GtkTextView *observations;
  AdwComboRow *recommendation_row;
  AdwEntryRow *makeup_row;
  AdwEntryRow *move_row;
  gboolean     had_record;
};

G_DEFINE_FINAL_TYPE (HwVisitOutcomeDialog, hw_visit_outcome_dialog, ADW_TYPE_WINDOW)

/* A button with a mnemonic. GTK 4.8 also puts the raw text ("_Save") in
 * the accessible label, so screen readers said "_Save Save": the name is
 * left to the label inside. */
static GtkWidget *
mnemonic_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  return button;
}


static void
hw_visit_outcome_dialog_dispose (GObject *object)
{
  HwVisitOutcomeDialog *self = HW_VISIT_OUTCOME_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_visit_outcome_dialog_parent_class)->dispose (object);
}

static const char *
selected_status (HwVisitOutcomeDialog *self)
{
  guint i = adw_combo_row_get_selected (self->status_row);

  return i < HW_VISIT_N_STATUSES ? hw_visit_statuses ()[i] : "scheduled";
}

static void
status_changed_cb (HwVisitOutcomeDialog *self)
{
  const char *status = selected_status (self);
  gboolean happened = g_strcmp0 (status, "happened") == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->arrival_row), happened);
  gtk_widget_set_sensitive (GTK_WIDGET (self->departure_row), happened);
  gtk_widget_set_visible (GTK_WIDGET (self->makeup_row),
                          !self->makeup_given && hw_visit_status_owes_makeup (status));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  HwVisitOutcomeDialog *self = HW_VISIT_OUTCOME_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *observations = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->observations);
  GtkTextIter a, b;
  const char *status = selected_status (self);
  guint rec = adw_combo_row_get_selected (self->recommendation_row);
  gboolean happened = g_strcmp0 (status, "happened") == 0;
  const char *makeup = gtk_editable_get_text (GTK_EDITABLE (self->makeup_row));
  const char *move = gtk_editable_get_text (GTK_EDITABLE (self->move_row));
  HwVisitOutcome outcome = { 0 };
  gint64 record_id = 0;
  gboolean record;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  observations = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  outcome.status = status;
  outcome.arrival = happened ? gtk_editable_get_text (GTK_EDITABLE (self->arrival_row)) : "";
  outcome.departure = happened ? gtk_editable_get_text (GTK_EDITABLE (self->departure_row)) : "";
  outcome.observations = observations;
  outcome.recommendation = rec > 0 && rec <= HW_VISIT_N_LEVELS ? hw_visit_levels ()[rec - 1] : "";

  if (!hw_store_begin_edit (self->store,
                            hw_visit_status_is_cancelled (status) ? N_("Cancel a visit") : N_("Record a visit"),
                            &error))
    goto fail;
  if (move[0] != '\0')
    {
      g_autofree char *to = g_strdelimit (g_strstrip (g_strdup (move)), " ", 'T');

      if (!hw_visits_move_occurrence (self->store, self->series_id, self->key, to, &error))
        goto rollback;
    }
  /* moving alone records nothing */
  record = !(move[0] != '\0' && !self->had_record && g_strcmp0 (status, "scheduled") == 0
             && observations[0] == '\0' && outcome.recommendation[0] == '\0');
  if (record)
    {
      record_id = hw_visits_record_outcome (self->store, self->series_id, self->key, &outcome, &error);
      if (record_id == 0)
        goto rollback;
    }
  if (record && gtk_widget_get_visible (GTK_WIDGET (self->makeup_row)) && makeup[0] != '\0')
    {
      g_autofree char *start = g_strdelimit (g_strstrip (g_strdup (makeup)), " ", 'T');

      if (hw_visits_schedule_makeup (self->store, record_id, start, &error) == 0)
        goto rollback;
    }
  if (!hw_store_commit_edit (self->store, &error))
    goto fail;
  gtk_window_destroy (GTK_WINDOW (self));
  return;

rollback:
  hw_store_rollback_edit (self->store);
fail:
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
hw_visit_outcome_dialog_class_init (HwVisitOutcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_visit_outcome_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "outcome.save", NULL,
                                   save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_visit_outcome_dialog_init (HwVisitOutcomeDialog *self)
{
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group, const char *title, const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

/* "16:05" from "2025-03-04T16:05:00" */
static char *
clock_of (const char *local)
{
  return local && strlen (local) >= 16 ? g_strndup (local + 11, 5) : g_strdup ("");
}

HwVisitOutcomeDialog *
hw_visit_outcome_dialog_new (GtkWindow     *parent,
                             HwStore       *store,
                             const HwVisit *visit,
                             const char    *status)
{
  HwVisitOutcomeDialog *self = g_object_new (HW_TYPE_VISIT_OUTCOME_DIALOG,
                                             "title", _("What Happened"),
                                             "modal", TRUE,
                                             "transient-for", parent,
                                             "default-width", 560,
                                             "default-height", 680,
                                             NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = mnemonic_button (_("_Cancel"));
  GtkWidget *save = mnemonic_button (_("_Save"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *notes = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkStringList *recs = gtk_string_list_new (NULL);
  GtkWidget *frame, *text;
  const char *const *ids = hw_visit_statuses ();
  const char *const *levels = hw_visit_levels ();
  g_autoptr(GDateTime) when = g_date_time_new_utc (atoi (visit->occ.local_start), atoi (visit->occ.local_start + 5),
                                                   atoi (visit->occ.local_start + 8), 0, 0, 0);
  g_autofree char *date = g_date_time_format (when, "%A %-d %B %Y");
  g_autofree char *from = clock_of (visit->occ.local_start);
  g_autofree char *to = clock_of (visit->occ.local_end);
  g_autofree char *description = g_strdup_printf ("%s, %s–%s · %s", date, from, to, hw_visit_level_label (visit->level));
  g_autofree char *arrival = clock_of (visit->arrival);
  g_autofree char *departure = clock_of (visit->departure);
  const char *initial = status ? status : visit->status;

  self->store = g_object_ref (store);
  self->series_id = visit->series_id;
  g_strlcpy (self->key, visit->occ.key, sizeof self->key);
  /* a make-up was already given when the cancellation owes one but the
   * calendar does not flag it as owed */
  self->makeup_given = visit->record_id != 0 && hw_visit_status_owes_makeup (visit->status)
                       && !(visit->flags & HW_VISIT_FLAG_MAKEUP_OWED);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "outcome.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  adw_preferences_group_set_title (group, description);
  for (int i = 0; ids[i]; i++)
    gtk_string_list_append (statuses, hw_visit_status_label (ids[i]));
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("What happened"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_object_unref (statuses);
  for (int i = 0; ids[i]; i++)
    if (g_strcmp0 (ids[i], initial) == 0)
      adw_combo_row_set_selected (self->status_row, i);
  adw_preferences_group_add (group, GTK_WIDGET (self->status_row));
  self->arrival_row = entry_row (group, _("_Arrived at (hours:minutes)"), arrival[0] ? arrival : from);
  self->departure_row = entry_row (group, _("_Left at (hours:minutes)"), departure[0] ? departure : to);
  self->makeup_row = entry_row (group, _("_Make-up visit on (year-month-day hours:minutes)"), "");
  self->move_row = entry_row (group, _("Mo_ve this visit to (year-month-day hours:minutes)"), "");
  self->had_record = visit->record_id != 0;

  gtk_string_list_append (recs, _("No change"));
  for (int i = 0; levels[i]; i++)
    gtk_string_list_append (recs, hw_visit_level_label (levels[i]));
  self->recommendation_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->recommendation_row), _("Recommended level"));
  adw_combo_row_set_model (self->recommendation_row, G_LIST_MODEL (recs));
  g_object_unref (recs);
  if (hw_visit_level_index (visit->recommendation) >= 0)
    adw_combo_row_set_selected (self->recommendation_row, hw_visit_level_index (visit->recommendation) + 1);
  adw_preferences_group_add (group, GTK_WIDGET (self->recommendation_row));

  adw_preferences_group_set_title (notes, _("What you saw and heard"));
  adw_preferences_group_set_description (notes, _("Describe behaviour, not opinions: “read two books with the children”, not “good visit”."));
  text = gtk_text_view_new ();
  self->observations = GTK_TEXT_VIEW (text);
  gtk_text_view_set_wrap_mode (self->observations, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->observations, 8);
  gtk_text_view_set_left_margin (self->observations, 8);
  gtk_text_view_set_right_margin (self->observations, 8);
  gtk_widget_set_size_request (text, -1, 140);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->observations), visit->observations, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What you saw and heard"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), text);
  adw_preferences_group_add (notes, frame);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), notes);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb), self,
                           G_CONNECT_SWAPPED);
  status_changed_cb (self);
  return self;
}
