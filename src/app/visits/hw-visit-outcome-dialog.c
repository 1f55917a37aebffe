/* hw-visit-outcome-dialog.c: record what happened at one visit.
 *
 * Saving is one edit: the outcome and, for a cancellation that owes the
 * family a make-up (caregiver, agency or provider), the make-up visit if a
 * date is given. A refusal is shown above the form; the dialog stays.
 * The outcome is saved only over what was recorded when the dialog opened
 * (its row version, or nothing): when someone else recorded or changed it
 * since, the save is refused, nothing is written, and the dialog shows
 * what they recorded.
 * The form is a template (ui/visits/hw-visit-outcome-dialog.ui); the
 * visit's day and time and the choices are set in code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visit-outcome-dialog"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hw-language.h"
#include "hw-visit-outcome-dialog.h"

struct _HwVisitOutcomeDialog
{
  AdwWindow    parent_instance;

  HwStore     *store;
  gint64       series_id;
  char         key[HW_LOCAL_TIME_LEN];
  char         shown_start[HW_LOCAL_TIME_LEN];   /* where the visit was when shown */
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
  gint64       record_version;  /* of the outcome shown; 0 nothing recorded */
  char        *from;            /* the visit's planned clock times, "16:00" */
  char        *to;
  AdwPreferencesGroup *group;
  GtkWidget   *cancel_button;
  GtkWidget   *save_button;
};

G_DEFINE_FINAL_TYPE (HwVisitOutcomeDialog, hw_visit_outcome_dialog, ADW_TYPE_WINDOW)

static void
hw_visit_outcome_dialog_dispose (GObject *object)
{
  HwVisitOutcomeDialog *self = HW_VISIT_OUTCOME_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
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
  const char *status;
  gboolean happened;

  g_assert (HW_IS_VISIT_OUTCOME_DIALOG (self));

  status = selected_status (self);
  happened = g_strcmp0 (status, "happened") == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->arrival_row), happened);
  gtk_widget_set_sensitive (GTK_WIDGET (self->departure_row), happened);
  gtk_widget_set_visible (GTK_WIDGET (self->makeup_row),
                          !self->makeup_given && hw_visit_status_owes_makeup (status));
}

/* "16:05" from "2025-03-04T16:05:00" */
static char *
clock_of (const char *local)
{
  return local && strlen (local) >= 16 ? g_strndup (local + 11, 5) : g_strdup ("");
}

/* The fields, from an outcome: @status, the arrival and departure
 * ("" shows the planned times), @observations, @recommendation. */
static void
fill (HwVisitOutcomeDialog *self,
      const char           *status,
      const char           *arrival_local,
      const char           *departure_local,
      const char           *observations,
      const char           *recommendation)
{
  const char *const *ids = hw_visit_statuses ();
  g_autofree char *arrival = clock_of (arrival_local);
  g_autofree char *departure = clock_of (departure_local);
  int level = hw_visit_level_index (recommendation);

  for (int i = 0; ids[i]; i++)
    if (g_strcmp0 (ids[i], status) == 0)
      adw_combo_row_set_selected (self->status_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->arrival_row), arrival[0] ? arrival : self->from);
  gtk_editable_set_text (GTK_EDITABLE (self->departure_row), departure[0] ? departure : self->to);
  adw_combo_row_set_selected (self->recommendation_row, level >= 0 ? (guint) level + 1 : 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->observations),
                            observations ? observations : "", -1);
}

/* Someone else recorded or changed the outcome since it was shown: what
 * they recorded is shown instead, and saved over next time. */
static void
show_theirs (HwVisitOutcomeDialog *self)
{
  g_autoptr(HwRecord) theirs = hw_visits_get_outcome (self->store, self->series_id, self->key, NULL);

  g_assert (HW_IS_VISIT_OUTCOME_DIALOG (self));

  if (theirs == NULL)
    {
      self->had_record = FALSE;
      self->record_version = 0;
      fill (self, "scheduled", "", "", "", "");
    }
  else
    {
      const char *status = hw_record_get_string (theirs, "status");

      self->had_record = TRUE;
      self->record_version = hw_record_get_version (theirs);
      self->makeup_given = hw_visit_status_owes_makeup (status)
                           && hw_record_get_int (theirs, "makeup_given") != 0;
      fill (self, status, hw_record_get_string (theirs, "arrival"),
            hw_record_get_string (theirs, "departure"), hw_record_get_string (theirs, "observations"),
            hw_record_get_string (theirs, "recommendation"));
    }
  status_changed_cb (self);
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

      /* only from where it was shown: someone else may have moved it */
      if (!hw_visits_move_occurrence_at (self->store, self->series_id, self->key, self->shown_start,
                                         to, &error))
        goto rollback;
    }
  /* moving alone records nothing */
  record = !(move[0] != '\0' && !self->had_record && g_strcmp0 (status, "scheduled") == 0
             && observations[0] == '\0' && outcome.recommendation[0] == '\0');
  if (record)
    {
      /* saved over the outcome as it was shown only */
      record_id = hw_visits_record_outcome_at (self->store, self->series_id, self->key,
                                               self->record_version, &outcome, &error);
      if (record_id == 0)
        goto rollback;
    }
  if (record && gtk_widget_get_visible (GTK_WIDGET (self->makeup_row)) && makeup[0] != '\0')
    {
      g_autofree char *start = g_strdelimit (g_strstrip (g_strdup (makeup)), " ", 'T');
      g_autoptr(HwRecord) recorded = hw_store_get (self->store, "visit_records", record_id, &error);

      /* over the outcome as this edit left it (saved over the one shown,
       * just above): someone else's make-up since is refused, not doubled */
      if (recorded == NULL ||
          hw_visits_schedule_makeup_at (self->store, record_id, hw_record_get_version (recorded),
                                        start, &error) == 0)
        goto rollback;
    }
  if (!hw_store_commit_edit (self->store, &error))
    goto fail;
  gtk_window_destroy (GTK_WINDOW (self));
  return;

rollback:
  hw_store_rollback_edit (self->store);
fail:
  /* their outcome is shown, and the message says to make the change again */
  if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
    show_theirs (self);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
hw_visit_outcome_dialog_class_init (HwVisitOutcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_visit_outcome_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/visits/hw-visit-outcome-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, group);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, arrival_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, departure_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, makeup_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, move_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, recommendation_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, observations);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HwVisitOutcomeDialog, save_button);
  gtk_widget_class_install_action (widget_class, "outcome.save", NULL,
                                   save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_visit_outcome_dialog_init (HwVisitOutcomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 also puts a mnemonic button's raw text ("_Save") in its
   * accessible label, so screen readers said "_Save Save": the name is
   * left to the label inside. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

HwVisitOutcomeDialog *
hw_visit_outcome_dialog_new (GtkWindow     *parent,
                             HwStore       *store,
                             const HwVisit *visit,
                             const char    *status)
{
  HwVisitOutcomeDialog *self = g_object_new (HW_TYPE_VISIT_OUTCOME_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) recs = gtk_string_list_new (NULL);
  const char *const *ids = hw_visit_statuses ();
  const char *const *levels = hw_visit_levels ();
  /* "Tuesday 3 March 2026", "Martes 3 de marzo de 2026": the day's and
   * month's names in the window's language, the line's first letter a
   * capital */
  g_autofree char *day = hw_language_format_iso (visit->occ.local_start, HW_DATE_WEEKDAY, FALSE);
  g_autofree char *date = hw_language_capitalise (day);
  g_autofree char *from = clock_of (visit->occ.local_start);
  g_autofree char *to = clock_of (visit->occ.local_end);
  g_autofree char *description = g_strdup_printf ("%s, %s–%s · %s", date, from, to, hw_visit_level_label (visit->level));
  const char *initial = status ? status : visit->status;

  self->store = g_object_ref (store);
  self->series_id = visit->series_id;
  g_strlcpy (self->key, visit->occ.key, sizeof self->key);
  g_strlcpy (self->shown_start, visit->occ.local_start, sizeof self->shown_start);
  /* a make-up was already given when the cancellation owes one but the
   * calendar does not flag it as owed */
  self->makeup_given = visit->record_id != 0 && hw_visit_status_owes_makeup (visit->status)
                       && !(visit->flags & HW_VISIT_FLAG_MAKEUP_OWED);
  self->had_record = visit->record_id != 0;
  self->record_version = visit->record_id != 0 ? visit->record_version : 0;
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  adw_preferences_group_set_title (self->group, description);
  for (int i = 0; ids[i]; i++)
    gtk_string_list_append (statuses, hw_visit_status_label (ids[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  gtk_string_list_append (recs, _("No change"));
  for (int i = 0; levels[i]; i++)
    gtk_string_list_append (recs, hw_visit_level_label (levels[i]));
  adw_combo_row_set_model (self->recommendation_row, G_LIST_MODEL (recs));
  fill (self, initial, visit->arrival, visit->departure, visit->observations, visit->recommendation);

  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb), self,
                           G_CONNECT_SWAPPED);
  status_changed_cb (self);
  return self;
}
