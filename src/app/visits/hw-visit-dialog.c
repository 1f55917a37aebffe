/* hw-visit-dialog.c: plan visits for a case.
 *
 * The form is a template (ui/visits/hw-visit-dialog.ui); the rows of the
 * people of the case (HwVisitPersonRow) and the choices of supervision
 * level, supervisor and driver are added in code.
 * Nothing is kept here: Schedule hands the plan to hw_visits_create_series
 * (one edit), which checks every value; a refusal is shown in plain words
 * above the form and the dialog stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visit-dialog"

#include <string.h>
#include <glib/gi18n.h>

#include "hw-people.h"
#include "hw-visit-dialog.h"
#include "hw-visit-person-row.h"
#include "hw-visits.h"
#include "hw-visits-queries.h"

struct _HwVisitDialog
{
  AdwWindow      parent_instance;

  HwStore       *store;
  gint64         case_id;
  char          *tzid;
  GArray        *person_ids;       /* gint64, parallel to the combo models after "nobody" */

  GtkLabel      *error_label;
  AdwEntryRow   *title_row;
  AdwEntryRow   *place_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *time_row;
  GtkSpinButton *length_spin;
  AdwComboRow   *repeat_row;
  GtkToggleButton *day_buttons[7];
  GtkSpinButton *count_spin;
  AdwComboRow   *level_row;
  AdwComboRow   *supervisor_row;
  AdwComboRow   *driver_row;
  GPtrArray     *visitor_checks;   /* HwVisitPersonRow */
  GPtrArray     *child_checks;     /* HwVisitPersonRow */
  AdwPreferencesGroup *children_group;
  AdwPreferencesGroup *visitors_group;
  GtkWidget     *cancel_button;
  GtkWidget     *save_button;
  char           wanted_day[11];   /* the day the dialog was opened on */
  gboolean       date_typed;       /* the person wrote a date: leave it */
  gboolean       setting_date;
};

G_DEFINE_FINAL_TYPE (HwVisitDialog, hw_visit_dialog, ADW_TYPE_WINDOW)

static const char *const day_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static void
hw_visit_dialog_dispose (GObject *object)
{
  HwVisitDialog *self = HW_VISIT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->visitor_checks, g_ptr_array_unref);
  g_clear_pointer (&self->child_checks, g_ptr_array_unref);
  G_OBJECT_CLASS (hw_visit_dialog_parent_class)->dispose (object);
}

static void
show_error (HwVisitDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static GArray *
checked_ids (GPtrArray *checks)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    {
      HwVisitPersonRow *row = g_ptr_array_index (checks, i);

      if (hw_visit_person_row_get_active (row))
        {
          gint64 id = hw_visit_person_row_get_person_id (row);
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

/* Selected person of a combo: 0 for "nobody". */
static gint64
combo_person (HwVisitDialog *self,
              AdwComboRow   *row)
{
  guint i = adw_combo_row_get_selected (row);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i - 1 >= self->person_ids->len)
    return 0;
  return g_array_index (self->person_ids, gint64, i - 1);
}

static char *
build_rrule (HwVisitDialog *self,
             const char    *date)
{
  GString *rule;
  GString *days = g_string_new (NULL);
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  int count = gtk_spin_button_get_value_as_int (self->count_spin);

  if (repeat == 0)
    {
      g_string_free (days, TRUE);
      return g_strdup ("");
    }
  rule = g_string_new (repeat == 3 ? "FREQ=MONTHLY" : "FREQ=WEEKLY");
  if (repeat == 2)
    g_string_append (rule, ";INTERVAL=2");
  if (repeat != 3)
    {
      for (int d = 0; d < 7; d++)
        if (gtk_toggle_button_get_active (self->day_buttons[d]))
          g_string_append_printf (days, "%s%s", days->len ? "," : "", day_codes[d]);
      if (days->len > 0)
        g_string_append_printf (rule, ";BYDAY=%s", days->str);
    }
  if (count > 0)
    g_string_append_printf (rule, ";COUNT=%d", count);
  g_string_free (days, TRUE);
  return g_string_free (rule, FALSE);
}

static void
schedule_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  HwVisitDialog *self = HW_VISIT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visitors = checked_ids (self->visitor_checks);
  g_autoptr(GArray) children = checked_ids (self->child_checks);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autofree char *start = g_strdup_printf ("%sT%s", g_strstrip (g_strdup (date)), time);
  g_autofree char *rrule = build_rrule (self, date);
  const char *const *levels = hw_visit_levels ();
  HwVisitPlan plan = { 0 };
  guint level = adw_combo_row_get_selected (self->level_row);

  if (children->len == 0)
    {
      show_error (self, _("Choose at least one child for these visits."));
      return;
    }

  plan.case_id = self->case_id;
  plan.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  plan.place = gtk_editable_get_text (GTK_EDITABLE (self->place_row));
  plan.dtstart = start;
  plan.tzid = self->tzid;
  plan.duration_minutes = gtk_spin_button_get_value_as_int (self->length_spin);
  plan.rrule = rrule;
  plan.level = level < HW_VISIT_N_LEVELS ? levels[level] : "";
  plan.supervisor_person_id = combo_person (self, self->supervisor_row);
  plan.transport_person_id = combo_person (self, self->driver_row);
  plan.visitors = (const gint64 *) (gpointer) visitors->data;
  plan.n_visitors = visitors->len;
  plan.children = (const gint64 *) (gpointer) children->data;
  plan.n_children = children->len;

  /* a second plan for a child at the times of the first would double
   * every visit: that is a change of the plan (Plans page) */
  if (hw_visits_schedule (self->store, &plan, &error) == 0)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The first visit offered is never in the past: the day the dialog was
 * opened on or today, moved on to the first chosen weekday; once the
 * person writes a date, it is theirs. */
static void
offer_first_day (HwVisitDialog *self)
{
  guint weekdays = 0;
  guint repeat;
  char day[11];

  g_assert (HW_IS_VISIT_DIALOG (self));

  if (self->date_typed)
    return;
  repeat = adw_combo_row_get_selected (self->repeat_row);
  for (guint d = 0; d < 7 && (repeat == 1 || repeat == 2); d++)
    if (gtk_toggle_button_get_active (self->day_buttons[d]))
      weekdays |= 1u << d;
  hw_visits_default_first_day (self->wanted_day[0] ? self->wanted_day : NULL, weekdays, day);
  self->setting_date = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), day);
  self->setting_date = FALSE;
}

static void
date_changed_cb (HwVisitDialog *self)
{
  g_assert (HW_IS_VISIT_DIALOG (self));

  if (!self->setting_date)
    self->date_typed = TRUE;
}

static void
repeat_changed_cb (HwVisitDialog *self)
{
  guint repeat;

  g_assert (HW_IS_VISIT_DIALOG (self));

  repeat = adw_combo_row_get_selected (self->repeat_row);

  for (int d = 0; d < 7; d++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->day_buttons[d]), repeat == 1 || repeat == 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->count_spin), repeat != 0);
  offer_first_day (self);
}

static void
hw_visit_dialog_class_init (HwVisitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_visit_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/visits/hw-visit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, length_spin);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, repeat_row);
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = g_strdup_printf ("day_%u", d);

      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,
                                                 G_STRUCT_OFFSET (HwVisitDialog, day_buttons)
                                                 + d * sizeof (GtkToggleButton *));
    }
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, driver_row);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, children_group);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, visitors_group);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HwVisitDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed_cb);

  gtk_widget_class_install_action (widget_class, "visit.schedule", NULL,
                                   schedule_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_visit_dialog_init (HwVisitDialog *self)
{
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->visitor_checks = g_ptr_array_new ();
  self->child_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 also puts a mnemonic button's raw text ("_Save") in its
   * accessible label, so screen readers said "_Save Save": the name is
   * left to the label inside. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
add_person_row (AdwPreferencesGroup *group,
                GPtrArray           *checks,
                HwRecord            *person)
{
  GtkWidget *row = hw_visit_person_row_new (person);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, row);
}

/* The zone of the case's latest plan, else this computer's. */
static char *
pick_zone (HwStore *store, gint64 case_id)
{
  char *latest = hw_visits_latest_tzid (store, case_id, NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);

  if (latest != NULL)
    return latest;
  if (id != NULL && hw_recurrence_validate_tzid (id, NULL))
    return g_strdup (id);
  return g_strdup ("");
}

HwVisitDialog *
hw_visit_dialog_new (GtkWindow  *parent,
                     HwStore    *store,
                     gint64      case_id,
                     const char *day)
{
  HwVisitDialog *self = g_object_new (HW_TYPE_VISIT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sup = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) drv = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *const *level_ids = hw_visit_levels ();

  self->store = g_object_ref (store);
  self->case_id = case_id;
  self->tzid = pick_zone (store, case_id);

  g_strlcpy (self->wanted_day, day ? day : today, sizeof self->wanted_day);
  offer_first_day (self);
  g_signal_connect_object (self->date_row, "changed", G_CALLBACK (date_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint d = 0; d < 7; d++)
    g_signal_connect_object (self->day_buttons[d], "toggled", G_CALLBACK (offer_first_day), self,
                             G_CONNECT_SWAPPED);
  for (int i = 0; level_ids[i]; i++)
    gtk_string_list_append (levels, hw_visit_level_label (level_ids[i]));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_selected (self->level_row, 1);

  gtk_string_list_append (sup, _("Nobody"));
  gtk_string_list_append (drv, _("Nobody"));
  people = hw_people_select (store, case_id, HW_PEOPLE_CHILDREN_LAST, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);

      if (g_strcmp0 (hw_record_get_string (p, "role"), "child") == 0)
        add_person_row (self->children_group, self->child_checks, p);
      else
        {
          add_person_row (self->visitors_group, self->visitor_checks, p);
          g_array_append_val (self->person_ids, id);
          gtk_string_list_append (sup, hw_record_get_string (p, "name"));
          gtk_string_list_append (drv, hw_record_get_string (p, "name"));
        }
    }
  adw_combo_row_set_model (self->supervisor_row, G_LIST_MODEL (sup));
  adw_combo_row_set_model (self->driver_row, G_LIST_MODEL (drv));
  return self;
}
