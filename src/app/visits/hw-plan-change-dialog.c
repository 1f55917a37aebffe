/* hw-plan-change-dialog.c: one form for the four ways a visit plan changes
 * over time: from a date on (days, time, length, place, supervisor,
 * level), a step up or down of the supervision level with its reason, or
 * its end.
 *
 * The form is a template (ui/visits/hw-plan-change-dialog.ui); the code
 * shows the groups each kind needs and fills the choices from the plan as
 * the core reads it. Nothing is kept here: the button hands the values to
 * the core (hw_visits_change_from, hw_visits_step_level,
 * hw_visits_end_plan), one edit each, which checks everything; a refusal
 * is shown in plain words above the form and the dialog stays open. A
 * change made is confirmed with a toast that offers Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-change-dialog"

#include <string.h>
#include <glib/gi18n.h>

#include "hw-language.h"
#include "hw-people.h"
#include "hw-plan-change-dialog.h"
#include "hw-toast.h"
#include "hw-visits.h"
#include "hw-visits-document.h"

struct _HwPlanChangeDialog
{
  AdwWindow        parent_instance;

  HwStore         *store;
  gint64           case_id;
  gint64           series_id;
  HwPlanChangeKind kind;
  GtkWidget       *toast_widget;   /* weak */
  GArray          *level_ids;      /* const char *, parallel to the level combo */
  GArray          *person_ids;     /* gint64, parallel to the supervisor combo after "nobody" */
  HwVisitRhythm    rhythm;         /* the plan's, from the day shown when opened */
  gboolean         supervisor_was_text;

  GtkLabel        *error_label;
  AdwPreferencesGroup *when_group;
  AdwPreferencesGroup *rhythm_group;
  AdwPreferencesGroup *level_group;
  AdwEntryRow     *date_row;
  GtkToggleButton *day_buttons[7];
  AdwEntryRow     *time_row;
  GtkSpinButton   *length_spin;
  AdwEntryRow     *place_row;
  AdwComboRow     *supervisor_row;
  AdwComboRow     *level_row;
  AdwEntryRow     *reason_row;
  GtkWidget       *cancel_button;
  GtkWidget       *apply_button;
};

G_DEFINE_FINAL_TYPE (HwPlanChangeDialog, hw_plan_change_dialog, ADW_TYPE_WINDOW)

static void
hw_plan_change_dialog_dispose (GObject *object)
{
  HwPlanChangeDialog *self = HW_PLAN_CHANGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->toast_widget);
  g_clear_pointer (&self->level_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  G_OBJECT_CLASS (hw_plan_change_dialog_parent_class)->dispose (object);
}

static void
show_error (HwPlanChangeDialog *self,
            const char         *message)
{
  g_assert (HW_IS_PLAN_CHANGE_DIALOG (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  /* read out at once: the form stays as typed */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  message, -1);
}

static char *
selected_text (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item)
             ? g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)))
             : g_strdup ("");
}

static void
apply_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  HwPlanChangeDialog *self = HW_PLAN_CHANGE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *day
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  guint li = adw_combo_row_get_selected (self->level_row);
  const char *level
      = li < self->level_ids->len ? g_array_index (self->level_ids, const char *, li) : NULL;
  g_autofree char *level_label = level ? g_strdup (hw_visit_level_label (level)) : NULL;
  /* the toast's day in words (what was typed, if it is not a date: the
   * change is refused then, and no toast shows) */
  g_autofree char *day_words = hw_language_format_iso (day, HW_DATE_LONG, FALSE);
  g_autofree char *title = NULL;
  gboolean ok;

  switch (self->kind)
    {
    case HW_PLAN_CHANGE_STEP_UP:
    case HW_PLAN_CHANGE_STEP_DOWN:
      ok = hw_visits_step_level (self->store, self->series_id, day,
                                 self->kind == HW_PLAN_CHANGE_STEP_UP ? HW_VISIT_STEP_UP
                                                                      : HW_VISIT_STEP_DOWN,
                                 level, reason, &error)
           != 0;
      /* Translators: a toast, "Visits step up to Unsupervised from 10 December 2026" */
      title = g_strdup_printf (self->kind == HW_PLAN_CHANGE_STEP_UP
                                   ? _("Visits step up to %s from %s")
                                   : _("Visits step down to %s from %s"),
                               level_label, day_words);
      break;
    case HW_PLAN_CHANGE_END:
      ok = hw_visits_end_plan (self->store, self->series_id, day, reason, &error);
      /* Translators: a toast, "Visit plan ends on 10 December 2026" */
      title = g_strdup_printf (_("Visit plan ends on %s"), day_words);
      break;
    case HW_PLAN_CHANGE_FROM:
    default:
      {
        HwVisitRhythm rhythm = self->rhythm;
        HwVisitPlanChange change = { 0 };
        g_autofree char *supervisor = selected_text (self->supervisor_row);
        guint si = adw_combo_row_get_selected (self->supervisor_row);

        rhythm.weekdays = 0;
        for (guint d = 0; d < 7; d++)
          if (gtk_toggle_button_get_active (self->day_buttons[d]))
            rhythm.weekdays |= 1u << d;
        change.rhythm = &rhythm;
        change.time = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
        change.duration_minutes = gtk_spin_button_get_value_as_int (self->length_spin);
        change.place = gtk_editable_get_text (GTK_EDITABLE (self->place_row));
        change.level = level;
        change.set_supervisor = TRUE;
        if (si == 0 || si == GTK_INVALID_LIST_POSITION)
          change.supervisor = "";
        else if (si - 1 < self->person_ids->len)
          change.supervisor_person_id = g_array_index (self->person_ids, gint64, si - 1);
        else
          change.supervisor = supervisor;   /* the plan's own free text, kept */
        ok = hw_visits_change_from (self->store, self->series_id, day, &change, reason, &error)
             != 0;
        /* Translators: a toast, "Visit plan changed from 10 December 2026" */
        title = g_strdup_printf (_("Visit plan changed from %s"), day_words);
      }
      break;
    }

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  if (self->toast_widget != NULL)
    hw_toast_show_undo (self->toast_widget, title);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hw_plan_change_dialog_class_init (HwPlanChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_plan_change_dialog_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/app/homeward/Homeward/visits/hw-plan-change-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, rhythm_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, level_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, date_row);
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = g_strdup_printf ("day_%u", d);

      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,
                                                 G_STRUCT_OFFSET (HwPlanChangeDialog, day_buttons)
                                                 + d * sizeof (GtkToggleButton *));
    }
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, length_spin);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HwPlanChangeDialog, apply_button);

  gtk_widget_class_install_action (widget_class, "plan-change.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_plan_change_dialog_init (HwPlanChangeDialog *self)
{
  self->level_ids = g_array_new (FALSE, FALSE, sizeof (const char *));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 also puts a mnemonic button's raw text ("_Save") in its
   * accessible label: the name is left to the label inside. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->apply_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The levels the kind may choose: a step up only less supervised ones,
 * a step down only more supervised ones; the next one is selected. */
static void
fill_levels (HwPlanChangeDialog *self,
             const char         *current)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *const *ids = hw_visit_levels ();
  int now = hw_visit_level_index (current);
  guint selected = 0;

  g_assert (HW_IS_PLAN_CHANGE_DIALOG (self));

  for (int i = 0; ids[i] != NULL; i++)
    {
      if ((self->kind == HW_PLAN_CHANGE_STEP_UP && i <= now)
          || (self->kind == HW_PLAN_CHANGE_STEP_DOWN && i >= now))
        continue;
      if (self->kind == HW_PLAN_CHANGE_FROM && i == now)
        selected = self->level_ids->len;
      if (self->kind == HW_PLAN_CHANGE_STEP_DOWN)
        selected = self->level_ids->len;      /* the last one below: the nearest */
      g_array_append_val (self->level_ids, ids[i]);
      gtk_string_list_append (labels, hw_visit_level_label (ids[i]));
    }
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->level_row, selected);
  if (self->level_ids->len == 0)
    {
      const char *message = self->kind == HW_PLAN_CHANGE_STEP_UP
                            ? _("These visits are at the least supervised level already: "
                                "there is no step up.")
                            : _("These visits are at the most supervised level already: "
                                "there is no step down.");

      show_error (self, message);
      gtk_widget_set_sensitive (self->apply_button, FALSE);
    }
}

static void
fill_supervisors (HwPlanChangeDialog       *self,
                  const HwVisitPlanSummary *plan)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people
      = hw_people_select (self->store, self->case_id, HW_PEOPLE_CHILDREN_LAST, NULL);
  guint selected = 0;

  g_assert (HW_IS_PLAN_CHANGE_DIALOG (self));

  gtk_string_list_append (names, _("Nobody"));
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);

      /* children and a person alleged to have harmed them never
       * supervise (the core refuses them too) */
      if (g_strcmp0 (hw_record_get_string (p, "role"), "child") == 0
          || hw_record_get_boolean (p, "alleged_harm_source"))
        continue;
      if (id == plan->supervisor_person_id)
        selected = self->person_ids->len + 1;
      g_array_append_val (self->person_ids, id);
      gtk_string_list_append (names, hw_record_get_string (p, "name"));
    }
  /* a supervisor written as text (an agency's visit coach) stays a choice */
  if (plan->supervisor_person_id == 0 && plan->supervisor != NULL && plan->supervisor[0])
    {
      selected = self->person_ids->len + 1;
      gtk_string_list_append (names, plan->supervisor);
    }
  adw_combo_row_set_model (self->supervisor_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->supervisor_row, selected);
}

/**
 * hw_plan_change_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @toast_widget: (nullable): where the confirmation with Undo goes
 * @store: the store
 * @case_id: the family
 * @series_id: the visit plan
 * @kind: what the form does
 *
 * Returns: (transfer none): the dialog, not shown yet; it destroys itself
 *   when done
 */
HwPlanChangeDialog *
hw_plan_change_dialog_new (GtkWindow        *parent,
                           GtkWidget        *toast_widget,
                           HwStore          *store,
                           gint64            case_id,
                           gint64            series_id,
                           HwPlanChangeKind  kind)
{
  HwPlanChangeDialog *self
      = g_object_new (HW_TYPE_PLAN_CHANGE_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GArray) plans = hw_visits_list_plans (store, case_id, NULL);
  const HwVisitPlanSummary *plan = NULL;
  char first[11];
  g_autofree char *heading = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->case_id = case_id;
  self->series_id = series_id;
  self->kind = kind;
  g_set_weak_pointer (&self->toast_widget, toast_widget);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    if (g_array_index (plans, HwVisitPlanSummary, i).id == series_id)
      plan = &g_array_index (plans, HwVisitPlanSummary, i);

  /* a change starts today at the earliest, or on the plan's first day */
  hw_visits_default_first_day (plan ? plan->first_day : NULL, 0, first);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), first);

  switch (kind)
    {
    case HW_PLAN_CHANGE_STEP_UP:
      gtk_window_set_title (GTK_WINDOW (self), _("Step Up Visits"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Step Up"));
      break;
    case HW_PLAN_CHANGE_STEP_DOWN:
      gtk_window_set_title (GTK_WINDOW (self), _("Step Down Visits"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Step Down"));
      break;
    case HW_PLAN_CHANGE_END:
      gtk_window_set_title (GTK_WINDOW (self), _("End Visit Plan"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_End Plan"));
      gtk_widget_remove_css_class (self->apply_button, "suggested-action");
      gtk_widget_add_css_class (self->apply_button, "destructive-action");
      break;
    case HW_PLAN_CHANGE_FROM:
    default:
      gtk_window_set_title (GTK_WINDOW (self), _("Change Visit Plan"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("C_hange"));
      break;
    }
  /* the label just set went into the accessible name again, with its
   * underline: the name is left to the label inside */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->apply_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_set_visible (GTK_WIDGET (self->rhythm_group), kind == HW_PLAN_CHANGE_FROM);
  /* an end keeps its reason too (required: the court reads why family
   * time stopped), so the group shows with only the reason in it */
  gtk_widget_set_visible (GTK_WIDGET (self->level_row), kind != HW_PLAN_CHANGE_END);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 kind == HW_PLAN_CHANGE_END
                                     ? _("_Last day with visits (year-month-day)")
                                     : _("_From (year-month-day)"));

  if (plan != NULL)
    {
      /* Translators: the plan a dialog changes, "Family time: Supervised" */
      heading = g_strdup_printf (_("%s: %s"), hw_visits_display_title (plan->title),
                                 hw_visit_level_label (plan->level));
      adw_preferences_group_set_title (self->when_group, heading);
      if (kind == HW_PLAN_CHANGE_END)
        {
          g_autofree char *text = g_strdup_printf (
              "%s\n%s", plan->when,
              _("Visits after this day come off the calendar; the visits before it stay "
                 "as they happened."));

          adw_preferences_group_set_description (self->when_group, text);
        }
      else
        adw_preferences_group_set_description (self->when_group, plan->when);
      fill_levels (self, plan->level);
      fill_supervisors (self, plan);
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), plan->place);
    }
  adw_preferences_group_set_description (
      self->level_group,
      kind == HW_PLAN_CHANGE_FROM
          ? _("A change of level needs a reason: the level history is what a court reads.")
      : kind == HW_PLAN_CHANGE_END
          ? _("Ending visits needs a reason. It is kept with the level history, in the "
              "family's and the court's copies.")
          : _("The visits keep their days and times. The reason is kept with the "
               "level history, in the family's and the court's copies."));
  if (hw_visits_get_rhythm (store, series_id, first, &self->rhythm, NULL))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->time_row), self->rhythm.time);
      gtk_spin_button_set_value (self->length_spin, self->rhythm.duration_minutes);
      for (guint d = 0; d < 7; d++)
        gtk_toggle_button_set_active (self->day_buttons[d],
                                      (self->rhythm.weekdays & (1u << d)) != 0);
      /* days only mean something for a weekly plan */
      if (self->rhythm.repeat != 1 && self->rhythm.repeat != 2)
        for (guint d = 0; d < 7; d++)
          gtk_widget_set_sensitive (GTK_WIDGET (self->day_buttons[d]), FALSE);
    }
  return self;
}
