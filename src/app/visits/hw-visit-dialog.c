/* hw-visit-dialog.c: plan visits for a case.
 *
 * The form is built in code: its rows depend on the people of the case.
 * Nothing is kept here: Schedule hands the plan to hw_visits_create_series
 * (one edit), which checks every value; a refusal is shown in plain words
 * above the form and the dialog stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visit-dialog"

#include <string.h>
#include <glib/gi18n.h>

#include "hw-visit-dialog.h"
#include "hw-visits.h"

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
  GPtrArray     *visitor_checks;   /* GtkSwitch, data "person-id" */
  GPtrArray     *child_checks;
};

G_DEFINE_FINAL_TYPE (HwVisitDialog, hw_visit_dialog, ADW_TYPE_WINDOW)

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
      GtkSwitch *check = g_ptr_array_index (checks, i);

      if (gtk_switch_get_active (check))
        {
          gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "person-id");
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

  if (hw_visits_create_series (self->store, &plan, &error) == 0)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
repeat_changed_cb (HwVisitDialog *self)
{
  guint repeat = adw_combo_row_get_selected (self->repeat_row);

  for (int d = 0; d < 7; d++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->day_buttons[d]), repeat == 1 || repeat == 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->count_spin), repeat != 0);
}

static void
hw_visit_dialog_class_init (HwVisitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_visit_dialog_dispose;
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

static GtkSpinButton *
spin_row (AdwPreferencesGroup *group, const char *title, const char *subtitle,
          double min, double max, double step, double value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

static AdwComboRow *
combo_row (AdwPreferencesGroup *group, const char *title, GtkStringList *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_object_unref (model);
  return row;
}

/* A switch per person: GTK 4.8 gives switches (not check buttons) an
 * action on the accessibility bus, so assistive tools can turn them on. */
static void
add_person_check (AdwPreferencesGroup *group, GPtrArray *checks, HwRecord *person)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_switch_new ();
  gint64 *id = g_new (gint64, 1);

  *id = hw_record_get_id (person);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hw_record_get_string (person, "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hw_record_get_string (person, "relationship"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "person-id", id, g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, check);
}

/* The zone of the case's latest plan, else this computer's. */
static char *
pick_zone (HwStore *store, gint64 case_id)
{
  g_autoptr(GPtrArray) rows = hw_store_select (store, "visit_series", NULL,
                                               "SELECT id, tzid FROM visit_series WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                                               G_TYPE_INT64, case_id, G_TYPE_INVALID);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);

  if (rows != NULL && rows->len > 0)
    return g_strdup (hw_record_get_string (g_ptr_array_index (rows, 0), "tzid"));
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
  HwVisitDialog *self = g_object_new (HW_TYPE_VISIT_DIALOG,
                                      "title", _("Schedule Visits"),
                                      "modal", TRUE,
                                      "transient-for", parent,
                                      "default-width", 560,
                                      "default-height", 720,
                                      NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = mnemonic_button (_("_Cancel"));
  GtkWidget *save = mnemonic_button (_("_Schedule"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *when = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *how = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *visitors = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *children = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkStringList *repeat = gtk_string_list_new (NULL);
  GtkStringList *levels = gtk_string_list_new (NULL);
  GtkStringList *sup = gtk_string_list_new (NULL);
  GtkStringList *drv = gtk_string_list_new (NULL);
  GtkWidget *days_row = adw_action_row_new ();
  GtkWidget *days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *const *level_ids = hw_visit_levels ();
  static const char *const day_names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday")
  };
  static const char *const day_letters[] = {
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")
  };

  self->store = g_object_ref (store);
  self->case_id = case_id;
  self->tzid = pick_zone (store, case_id);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "visit.schedule");
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
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problem"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  adw_preferences_group_set_title (when, _("When"));
  self->date_row = entry_row (when, _("_First visit (year-month-day)"), day ? day : today);
  self->time_row = entry_row (when, _("Start _time (hours:minutes)"), "16:00");
  self->length_spin = spin_row (when, _("Length in minutes"), NULL, 15, 7 * 24 * 60, 15, 120);
  gtk_string_list_append (repeat, _("Does not repeat"));
  gtk_string_list_append (repeat, _("Every week"));
  gtk_string_list_append (repeat, _("Every other week"));
  gtk_string_list_append (repeat, _("Every month"));
  self->repeat_row = combo_row (when, _("Repeat"), repeat);
  adw_combo_row_set_selected (self->repeat_row, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row), _("On these days"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (days_row), _("Empty: the first visit’s day"));
  gtk_widget_add_css_class (days_box, "linked");
  gtk_widget_set_valign (days_box, GTK_ALIGN_CENTER);
  for (int d = 0; d < 7; d++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_(day_letters[d]));

      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(day_names[d]), -1);
      gtk_box_append (GTK_BOX (days_box), toggle);
      self->day_buttons[d] = GTK_TOGGLE_BUTTON (toggle);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (days_row), days_box);
  adw_preferences_group_add (when, days_row);
  self->count_spin = spin_row (when, _("Number of visits"), _("0: until the plan is changed"), 0, 500, 1, 12);
  g_signal_connect_object (self->repeat_row, "notify::selected", G_CALLBACK (repeat_changed_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_set_title (how, _("How"));
  self->title_row = entry_row (how, _("_Name of the visits"), _("Family time"));
  self->place_row = entry_row (how, _("_Place"), "");
  for (int i = 0; level_ids[i]; i++)
    gtk_string_list_append (levels, hw_visit_level_label (level_ids[i]));
  self->level_row = combo_row (how, _("Supervision"), levels);
  adw_combo_row_set_selected (self->level_row, 1);

  gtk_string_list_append (sup, _("Nobody"));
  gtk_string_list_append (drv, _("Nobody"));
  adw_preferences_group_set_title (visitors, _("Who visits"));
  adw_preferences_group_set_title (children, _("Children"));
  people = hw_store_select (store, "people", NULL,
                            "SELECT id, name, role, relationship, alleged_harm_source FROM people"
                            " WHERE case_id = ? ORDER BY role = 'child', name",
                            G_TYPE_INT64, case_id, G_TYPE_INVALID);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);

      if (g_strcmp0 (hw_record_get_string (p, "role"), "child") == 0)
        add_person_check (children, self->child_checks, p);
      else
        {
          add_person_check (visitors, self->visitor_checks, p);
          g_array_append_val (self->person_ids, id);
          gtk_string_list_append (sup, hw_record_get_string (p, "name"));
          gtk_string_list_append (drv, hw_record_get_string (p, "name"));
        }
    }
  self->supervisor_row = combo_row (how, _("Supervisor"), sup);
  self->driver_row = combo_row (how, _("Who drives"), drv);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), when);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), children);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), visitors);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), how);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  return self;
}
