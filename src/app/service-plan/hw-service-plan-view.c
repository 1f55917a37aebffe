/* hw-service-plan-view.c: the service plan area of a case.
 *
 * The lists are rebuilt from the store whenever a plan table changes
 * (an edit, undo or redo), so the view never keeps its own copy of the
 * plan; the row that had the keyboard focus gets it back after a rebuild.
 *
 * By default the view shows what may be projected on the shared screen
 * (HW_RECIPIENT_SCREEN): private needs and notes are absent until the
 * caseworker chooses "Show Private".
 *
 * Keyboard: Enter edits the focused row, Ctrl+D marks a task done (or not
 * done), Ctrl+Shift+N adds a need, Ctrl+G a goal to the focused need,
 * Ctrl+T a task to the focused goal, Ctrl+M a progress note to the focused
 * task, Delete removes the focused item, Alt+Up/Down moves it. Undo is the
 * window's Ctrl+Z.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-view"

#include <time.h>

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-print-dialog.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan.h"
#include "hw-service-plan-document.h"
#include "hw-service-plan-view.h"
#include "hw-toast.h"

struct _HwServicePlanView
{
  GtkWidget         parent_instance;

  HwStore          *store;
  gint64            case_id;
  GDate             today;
  gboolean          fixed_today;
  guint             rebuild_id;
  guint             fit_id;
  HwReadinessChart *chart_data;
  /* a row just added through a form: it gets the focus after the rebuild */
  char             *new_table;
  gint64            new_id;

  GtkWidget        *tool_bar;
  AdwViewStack     *stack;
  GtkSearchEntry   *search;
  GtkToggleButton  *hide_done;
  GtkToggleButton  *soon_only;
  GtkDropDown      *sort;
  GtkWidget        *add_need_button;
  GtkToggleButton  *show_private;
  GtkLabel         *summary;
  GtkListBox       *domain_list;
  GtkListBox       *person_list;
  GtkListBox       *timeline_list;
  GtkListBox       *aftercare_list;
  GtkListBox       *review_list;
  GtkDrawingArea   *chart;
};

G_DEFINE_FINAL_TYPE (HwServicePlanView, hw_service_plan_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a row stands for: a table and a row id. Kept on the row so that
 * actions know what the focused row is; the data itself is read from the
 * store each time. */
typedef struct {
  char   *table;
  gint64  id;
} RowKey;

static void
row_key_free (gpointer data)
{
  RowKey *key = data;

  g_free (key->table);
  g_free (key);
}

static void
set_row_key (GtkWidget  *row,
             const char *table,
             gint64      id)
{
  RowKey *key = g_new0 (RowKey, 1);

  key->table = g_strdup (table);
  key->id = id;
  g_object_set_data_full (G_OBJECT (row), "hw-row-key", key, row_key_free);
}

static RowKey *
get_row_key (GtkWidget *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "hw-row-key") : NULL;
}

static const HwRecipient *
recipient (HwServicePlanView *self)
{
  static const HwRecipient screen = { HW_RECIPIENT_SCREEN, 0 };
  static const HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };

  return gtk_toggle_button_get_active (self->show_private) ? &agency : &screen;
}

static const GDate *
today (HwServicePlanView *self)
{
  if (!self->fixed_today)
    {
      g_date_clear (&self->today, 1);
      g_date_set_time_t (&self->today, time (NULL));
    }
  return &self->today;
}

static char *
short_date (const char *iso)
{
  return hw_service_plan_format_date (iso, FALSE);
}

/* Labels --------------------------------------------------------------------- */

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "Overdue" / "Due this week" as an icon and words, never colour alone. */
static GtkWidget *
make_due_badge (const char *due_state)
{
  GtkWidget *box, *icon;
  HwDueState state;

  if (g_strcmp0 (due_state, "overdue") == 0)
    state = HW_DUE_OVERDUE;
  else if (g_strcmp0 (due_state, "due-this-week") == 0)
    state = HW_DUE_THIS_WEEK;
  else
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  icon = gtk_image_new_from_icon_name (state == HW_DUE_OVERDUE ? "dialog-warning-symbolic"
                                                               : "alarm-symbolic");
  gtk_widget_set_visible (icon, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), make_label (hw_due_state_label (state), "heading", FALSE));
  gtk_widget_add_css_class (box, state == HW_DUE_OVERDUE ? "error" : "warning");
  return box;
}

static GtkWidget *
make_action_button (const char *icon_name,
                    const char *label,
                    const char *action,
                    GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
make_row (const char *table,
          gint64      id,
          GtkWidget  *content)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (content, 8);
  gtk_widget_set_margin_bottom (content, 8);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  set_row_key (row, table, id);
  return row;
}

/* A header that is not a plan item: a section title in a list. */
static GtkWidget *
make_section_row (const char *title,
                  const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *row;

  gtk_box_append (GTK_BOX (box), make_label (title, "title-3", TRUE));
  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_box_append (GTK_BOX (box), make_label (subtitle, "dim-label", TRUE));
  row = make_row ("section", 0, box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* Rows ------------------------------------------------------------------------ */

static void done_toggled_cb (GtkCheckButton *check, HwServicePlanView *self);

static GtkWidget *
make_task_row (HwServicePlanView *self,
               HwRecord          *task,
               gboolean           show_goal)
{
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check, *description, *badge, *note_button, *row;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *check_label = NULL;
  g_autofree char *note_label = NULL;
  const char *status = hw_record_get_string (task, "status");
  const char *who = hw_record_get_string (task, "responsible_name");
  const char *provider = hw_record_get_string (task, "provider_name");
  const char *frequency = hw_record_get_string (task, "frequency");
  const char *barriers = hw_record_get_string (task, "barriers");
  gboolean done = g_str_equal (status, "done");
  gint64 id = hw_record_get_id (task);

  check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "hw-task", g_memdup2 (&id, sizeof id), g_free);
  /* Translators: accessible name of a task's check box */
  check_label = g_strdup_printf (_("Done: %s"), hw_record_get_string (task, "description"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  gtk_widget_set_tooltip_text (check, _("Mark done (Ctrl+D)"));
  g_signal_connect_object (check, "toggled", G_CALLBACK (done_toggled_cb), self, 0);
  gtk_box_append (GTK_BOX (hbox), check);

  description = make_label (hw_record_get_string (task, "description"), NULL, TRUE);
  if (done || g_str_equal (status, "dropped"))
    gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (vbox), description);

  if (show_goal)
    {
      g_autofree char *goal = g_strdup_printf ("%s — %s",
                                               hw_choice_label (HW_CHOICES_NEED_DOMAIN, hw_record_get_string (task, "domain")),
                                               hw_record_get_string (task, "goal_text"));
      gtk_box_append (GTK_BOX (vbox), make_label (goal, "dim-label", TRUE));
    }

  g_string_append (meta, hw_choice_label (HW_CHOICES_TASK_STATUS, status));
  g_string_append (meta, " · ");
  g_string_append (meta, who[0] ? who : _("Nobody yet"));
  if (provider[0])
    /* Translators: the provider of a task, after who does it */
    g_string_append_printf (meta, " · %s", provider);
  if (frequency[0])
    g_string_append_printf (meta, " · %s", frequency);
  if (hw_record_get_string (task, "target_date")[0])
    {
      g_autofree char *date = short_date (hw_record_get_string (task, "target_date"));

      /* Translators: the due date of a task, e.g. "by 27 Nov 2026" */
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("by %s"), date);
    }
  if (barriers[0])
    {
      g_auto(GStrv) ids = g_strsplit (barriers, ",", -1);

      g_string_append_printf (meta, " · %s ", _("In the way:"));
      for (guint i = 0; ids[i]; i++)
        g_string_append_printf (meta, "%s%s", i ? ", " : "", hw_choice_label (HW_CHOICES_BARRIER, ids[i]));
    }
  gtk_box_append (GTK_BOX (vbox), make_label (meta->str, "dim-label", TRUE));
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_box_append (GTK_BOX (hbox), vbox);

  badge = make_due_badge (hw_record_get_string (task, "due_state"));
  if (badge != NULL)
    gtk_box_append (GTK_BOX (hbox), badge);

  if (hw_record_get_int (task, "note_count") > 0)
    /* Translators: button on a task; %d is how many notes it has */
    note_label = g_strdup_printf (_("_Note (%d)"), (int) hw_record_get_int (task, "note_count"));
  else
    note_label = g_strdup (_("_Note"));
  note_button = make_action_button ("document-edit-symbolic", note_label, "plan.add-note",
                                    g_variant_new_int64 (id));
  gtk_widget_set_tooltip_text (note_button, _("Add a progress note (Ctrl+M)"));
  gtk_box_append (GTK_BOX (hbox), note_button);

  row = make_row ("tasks", id, hbox);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hw_record_get_string (task, "description"), -1);
  return row;
}

static GtkWidget *
make_need_row (HwRecord *need)
{
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button, *row;
  const char *domain = hw_choice_label (HW_CHOICES_NEED_DOMAIN, hw_record_get_string (need, "domain"));
  const char *words = hw_record_get_string (need, "family_words");
  const char *strengths = hw_record_get_string (need, "strengths");

  gtk_box_append (GTK_BOX (vbox), make_label (domain, "title-3", TRUE));
  if (words[0])
    {
      g_autofree char *text = g_strdup_printf (_("In your words: %s"), words);
      gtk_box_append (GTK_BOX (vbox), make_label (text, NULL, TRUE));
    }
  if (strengths[0])
    {
      g_autofree char *text = g_strdup_printf (_("Strengths: %s"), strengths);
      gtk_box_append (GTK_BOX (vbox), make_label (text, "dim-label", TRUE));
    }
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_box_append (GTK_BOX (hbox), vbox);

  button = make_action_button ("list-add-symbolic", _("Add _Goal"), "plan.add-goal",
                               g_variant_new_int64 (hw_record_get_id (need)));
  gtk_widget_set_tooltip_text (button, _("Add a goal to this need (Ctrl+G)"));
  gtk_box_append (GTK_BOX (hbox), button);

  row = make_row ("needs", hw_record_get_id (need), hbox);
  gtk_widget_add_css_class (row, "hw-need-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, domain, -1);
  return row;
}

static GtkWidget *
make_goal_row (HwRecord *goal)
{
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *button, *row;
  g_autofree char *title = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  const char *target = hw_record_get_string (goal, "target_date");

  /* Translators: a goal in the plan */
  title = g_strdup_printf (_("Goal: %s"), hw_record_get_string (goal, "text"));
  gtk_box_append (GTK_BOX (vbox), make_label (title, "heading", TRUE));
  if (target[0])
    {
      g_autofree char *date = short_date (target);
      g_string_append_printf (meta, _("By %s"), date);
      g_string_append (meta, " · ");
    }
  g_string_append (meta, hw_choice_label (HW_CHOICES_ACHIEVEMENT, hw_record_get_string (goal, "achievement")));
  gtk_box_append (GTK_BOX (vbox), make_label (meta->str, "dim-label", TRUE));
  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_widget_set_margin_start (vbox, 18);
  gtk_box_append (GTK_BOX (hbox), vbox);

  button = make_action_button ("list-add-symbolic", _("Add _Task"), "plan.add-task",
                               g_variant_new_int64 (hw_record_get_id (goal)));
  gtk_widget_set_tooltip_text (button, _("Add a task to this goal (Ctrl+T)"));
  gtk_box_append (GTK_BOX (hbox), button);

  row = make_row ("goals", hw_record_get_id (goal), hbox);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* Building the lists ----------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
get_filter (HwServicePlanView *self,
            HwTaskFilter      *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->open_only = gtk_toggle_button_get_active (self->hide_done);
  filter->due_soon_only = gtk_toggle_button_get_active (self->soon_only);
  filter->text = gtk_editable_get_text (GTK_EDITABLE (self->search));
}

static void
add_empty_row (GtkListBox *list,
               const char *text)
{
  GtkWidget *row = make_row ("section", 0, make_label (text, "dim-label", TRUE));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

static void
build_domain_list (HwServicePlanView *self,
                   GPtrArray         *tasks)
{
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GError) error = NULL;
  HwTaskFilter filter;
  gboolean filtered;
  guint shown = 0;

  get_filter (self, &filter);
  filtered = filter.open_only || filter.due_soon_only || (filter.text != NULL && filter.text[0] != '\0');
  clear_list (self->domain_list);
  needs = hw_service_plan_list_needs (self->store, self->case_id, recipient (self), &error);
  if (needs == NULL)
    {
      g_warning ("Could not read the needs: %s", error->message);
      return;
    }
  if (needs->len == 0)
    add_empty_row (self->domain_list, _("No needs yet. Use “Add Need” to write down the first one, in the family’s words."));

  for (guint n = 0; n < needs->len; n++)
    {
      HwRecord *need = g_ptr_array_index (needs, n);
      g_autoptr(GPtrArray) goals = hw_service_plan_list_goals (self->store, hw_record_get_id (need), NULL);
      gboolean need_shown = FALSE;

      /* unfiltered, every need and goal shows (so tasks can be added to
       * them); filtered, only those with a matching task */
      if (!filtered)
        {
          gtk_list_box_append (self->domain_list, make_need_row (need));
          need_shown = TRUE;
        }
      for (guint g = 0; goals != NULL && g < goals->len; g++)
        {
          HwRecord *goal = g_ptr_array_index (goals, g);
          gboolean goal_shown = !filtered;

          if (goal_shown)
            gtk_list_box_append (self->domain_list, make_goal_row (goal));
          for (guint t = 0; t < tasks->len; t++)
            {
              HwRecord *task = g_ptr_array_index (tasks, t);

              if (hw_record_get_int (task, "goal_id") != hw_record_get_id (goal))
                continue;
              if (!need_shown)
                {
                  gtk_list_box_append (self->domain_list, make_need_row (need));
                  need_shown = TRUE;
                }
              if (!goal_shown)
                {
                  gtk_list_box_append (self->domain_list, make_goal_row (goal));
                  goal_shown = TRUE;
                }
              gtk_list_box_append (self->domain_list, make_task_row (self, task, FALSE));
              shown++;
            }
        }
    }
  if (filtered && shown == 0 && needs->len > 0)
    add_empty_row (self->domain_list, _("Nothing to show with these filters."));
}

static void
build_person_list (HwServicePlanView *self,
                   GPtrArray         *tasks)
{
  g_autoptr(GPtrArray) people = NULL;

  clear_list (self->person_list);
  people = hw_service_plan_list_responsible (self->store, self->case_id, recipient (self), today (self), NULL);
  if (people == NULL || people->len == 0)
    {
      add_empty_row (self->person_list, _("Nobody has a task yet."));
      return;
    }
  for (guint p = 0; p < people->len; p++)
    {
      HwRecord *person = g_ptr_array_index (people, p);
      gboolean agency = hw_record_get_int (person, "agency") != 0;
      g_autofree char *subtitle = NULL;
      guint shown = 0;

      /* Translators: under a person's name in "what I need to do" */
      subtitle = g_strdup_printf (_("%d to do, %d overdue"),
                                  (int) hw_record_get_int (person, "open_count"),
                                  (int) hw_record_get_int (person, "overdue_count"));
      gtk_list_box_append (self->person_list,
                           make_section_row (hw_record_get_string (person, "name"), subtitle));
      for (guint t = 0; t < tasks->len; t++)
        {
          HwRecord *task = g_ptr_array_index (tasks, t);

          if (agency ? hw_record_get_int (task, "responsible_agency") == 0
                     : hw_record_get_int (task, "responsible_person_id") != hw_record_get_id (person))
            continue;
          gtk_list_box_append (self->person_list, make_task_row (self, task, TRUE));
          shown++;
        }
      if (shown == 0)
        add_empty_row (self->person_list, _("Nothing to show with these filters."));
    }
}

static void
build_timeline (HwServicePlanView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  const char *section = NULL;

  clear_list (self->timeline_list);
  items = hw_service_plan_list_timeline (self->store, self->case_id, recipient (self), today (self), NULL);
  if (items == NULL || items->len == 0)
    {
      add_empty_row (self->timeline_list, _("No due dates yet."));
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *item = g_ptr_array_index (items, i);
      const char *due = hw_record_get_string (item, "due_state");
      const char *this_section;
      GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *badge, *date_label, *row;
      g_autofree char *date = short_date (hw_record_get_string (item, "date"));
      g_autofree char *text = NULL;
      gboolean is_goal = g_str_equal (hw_record_get_string (item, "kind"), "goal");
      const char *who = hw_record_get_string (item, "responsible_name");

      if (g_str_equal (due, "overdue"))
        this_section = _("Overdue");
      else if (g_str_equal (due, "due-this-week"))
        this_section = _("This week");
      else
        this_section = _("Later");
      if (g_strcmp0 (section, this_section) != 0)
        {
          gtk_list_box_append (self->timeline_list, make_section_row (this_section, NULL));
          section = this_section;
        }

      date_label = make_label (date, "heading", FALSE);
      gtk_widget_set_size_request (date_label, 110, -1);
      gtk_box_append (GTK_BOX (hbox), date_label);
      text = is_goal ? g_strdup_printf (_("Goal: %s"), hw_record_get_string (item, "text"))
                     : g_strdup (hw_record_get_string (item, "text"));
      gtk_box_append (GTK_BOX (vbox), make_label (text, NULL, TRUE));
      {
        g_autofree char *meta = g_strdup_printf ("%s%s%s",
                                                 hw_choice_label (HW_CHOICES_NEED_DOMAIN, hw_record_get_string (item, "domain")),
                                                 who[0] ? " · " : "", who);
        gtk_box_append (GTK_BOX (vbox), make_label (meta, "dim-label", TRUE));
      }
      gtk_widget_set_hexpand (vbox, TRUE);
      gtk_box_append (GTK_BOX (hbox), vbox);
      badge = make_due_badge (due);
      if (badge)
        gtk_box_append (GTK_BOX (hbox), badge);
      row = make_row (is_goal ? "goals" : "tasks", hw_record_get_id (item), hbox);
      gtk_list_box_append (self->timeline_list, row);
    }
}

static void
build_aftercare (HwServicePlanView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  const HwChoice *components;
  guint n_components;

  clear_list (self->aftercare_list);
  rows = hw_service_plan_list_aftercare (self->store, self->case_id, recipient (self), NULL);
  if (rows == NULL)
    return;
  components = hw_choices_get (HW_CHOICES_AFTERCARE_COMPONENT, &n_components);
  for (guint c = 0; c < n_components; c++)
    {
      GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *title, *button, *row;
      guint found = 0;

      title = make_label (hw_choice_label (HW_CHOICES_AFTERCARE_COMPONENT, components[c].id), "title-4", TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (hbox), title);
      button = make_action_button ("list-add-symbolic", _("_Add Support"), "plan.add-aftercare",
                                   g_variant_new_string (components[c].id));
      gtk_box_append (GTK_BOX (hbox), button);
      row = make_row ("section", 0, hbox);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->aftercare_list, row);

      for (guint i = 0; i < rows->len; i++)
        {
          HwRecord *support = g_ptr_array_index (rows, i);
          GtkWidget *vbox;
          g_autoptr(GString) meta = g_string_new (NULL);
          const char *provider = hw_record_get_string (support, "provider_name");
          const char *schedule = hw_record_get_string (support, "checkin_schedule");

          if (!g_str_equal (hw_record_get_string (support, "component"), components[c].id))
            continue;
          found++;
          vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          gtk_box_append (GTK_BOX (vbox), make_label (hw_record_get_string (support, "description"), NULL, TRUE));
          /* a provider kept off this screen is left out, not "nobody" */
          if (provider[0])
            g_string_append (meta, provider);
          else if (hw_record_get_int (support, "provider_person_id") == 0 &&
                   hw_record_get_int (support, "provider_org_id") == 0)
            g_string_append (meta, _("Nobody yet"));
          if (schedule[0])
            g_string_append_printf (meta, "%s%s %s", meta->len ? " · " : "", _("Check-ins:"), schedule);
          if (hw_record_get_string (support, "start_date")[0])
            {
              g_autofree char *from = short_date (hw_record_get_string (support, "start_date"));
              g_autofree char *to = short_date (hw_record_get_string (support, "end_date"));
              g_string_append_printf (meta, " · %s – %s", from, to);
            }
          gtk_box_append (GTK_BOX (vbox), make_label (meta->str, "dim-label", TRUE));
          gtk_widget_set_margin_start (vbox, 18);
          gtk_list_box_append (self->aftercare_list, make_row ("aftercare_supports", hw_record_get_id (support), vbox));
        }
      if (found == 0)
        add_empty_row (self->aftercare_list, _("Nothing planned yet."));
    }
}

static void fit_chart (HwServicePlanView *self, int width);

static void
build_reviews (HwServicePlanView *self)
{
  g_autoptr(GPtrArray) reviews = NULL;

  clear_list (self->review_list);
  g_clear_pointer (&self->chart_data, hw_readiness_chart_free);
  self->chart_data = hw_readiness_chart_load (self->store, self->case_id, NULL);
  fit_chart (self, gtk_widget_get_width (GTK_WIDGET (self->chart)));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  reviews = hw_service_plan_list_reviews (self->store, self->case_id, NULL);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      HwRecord *review = g_ptr_array_index (reviews, i);
      GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *date = short_date (hw_record_get_string (review, "date"));
      g_autofree char *title = g_strdup_printf (_("Review of %s"), date);

      gtk_box_append (GTK_BOX (vbox), make_label (title, "heading", TRUE));
      if (hw_record_get_string (review, "notes")[0])
        gtk_box_append (GTK_BOX (vbox), make_label (hw_record_get_string (review, "notes"), "dim-label", TRUE));
      gtk_list_box_append (self->review_list, make_row ("readiness_reviews", hw_record_get_id (review), vbox));
    }
}

static void
update_summary (HwServicePlanView *self,
                GPtrArray         *all_tasks)
{
  guint open = 0, overdue = 0, soon = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < all_tasks->len; i++)
    {
      const char *due = hw_record_get_string (g_ptr_array_index (all_tasks, i), "due_state");

      open += !g_str_equal (due, "closed");
      overdue += g_str_equal (due, "overdue");
      soon += g_str_equal (due, "due-this-week");
    }
  /* Translators: summary line of the service plan */
  g_string_printf (text, _("%u to do · %u overdue · %u due this week"), open, overdue, soon);
  if (gtk_toggle_button_get_active (self->show_private))
    g_string_append_printf (text, " · %s", _("Private items are shown: do not project this screen"));
  gtk_label_set_text (self->summary, text->str);
}

/* Finds the row of @list standing for @table/@id, for focus after a rebuild. */
static GtkWidget *
find_row (GtkListBox *list,
          const char *table,
          gint64      id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RowKey *key = get_row_key (child);

      if (key && key->id == id && g_strcmp0 (key->table, table) == 0)
        return child;
    }
  return NULL;
}

static GtkWidget *
focused_row (HwServicePlanView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  if (GTK_IS_LIST_BOX_ROW (focus))
    return focus;
  return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

static void
rebuild (HwServicePlanView *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) all_tasks = NULL;
  g_autofree char *focus_table = NULL;
  GtkListBox *focus_list = NULL;
  gint64 focus_id = 0;
  GtkWidget *row;
  HwTaskFilter filter;

  if (self->store == NULL || self->case_id == 0)
    return;

  row = focused_row (self);
  if (row != NULL && get_row_key (row) != NULL)
    {
      focus_table = g_strdup (get_row_key (row)->table);
      focus_id = get_row_key (row)->id;
      focus_list = GTK_LIST_BOX (gtk_widget_get_parent (row));
    }

  get_filter (self, &filter);
  tasks = hw_service_plan_list_tasks (self->store, self->case_id, recipient (self), &filter,
                                      gtk_drop_down_get_selected (self->sort), today (self), NULL);
  all_tasks = hw_service_plan_list_tasks (self->store, self->case_id, recipient (self), NULL,
                                          HW_TASK_SORT_PLAN, today (self), NULL);
  if (tasks == NULL || all_tasks == NULL)
    return;

  build_domain_list (self, tasks);
  build_person_list (self, tasks);
  build_timeline (self);
  build_aftercare (self);
  build_reviews (self);
  update_summary (self, all_tasks);

  if (self->new_table != NULL)
    {
      /* what was just added, on the page shown, or else by area */
      GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
      GtkListBox *lists[] = { self->domain_list, self->person_list, self->timeline_list,
                              self->aftercare_list, self->review_list };
      GtkWidget *again = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (lists) && again == NULL; i++)
        if (gtk_widget_is_ancestor (GTK_WIDGET (lists[i]), page))
          again = find_row (lists[i], self->new_table, self->new_id);
      if (again == NULL)
        again = find_row (self->domain_list, self->new_table, self->new_id);
      if (again != NULL)
        gtk_widget_grab_focus (again);
      g_clear_pointer (&self->new_table, g_free);
    }
  else if (focus_list != NULL)
    {
      GtkWidget *again = find_row (focus_list, focus_table, focus_id);

      if (again != NULL)
        gtk_widget_grab_focus (again);
    }
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  HwServicePlanView *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (HwServicePlanView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
store_changed_cb (HwServicePlanView *self,
                  const char        *table)
{
  static const char * const watched[] = {
    "needs", "goals", "tasks", "progress_notes", "aftercare_supports",
    "readiness_reviews", "readiness_ratings", "people", "organisations", "cases",
  };

  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    if (g_strcmp0 (table, watched[i]) == 0)
      {
        queue_rebuild (self);
        return;
      }
}

static void
filter_changed_cb (HwServicePlanView *self)
{
  queue_rebuild (self);
}

/* The chart is as tall as its width needs: nothing is cut off. */
static void
fit_chart (HwServicePlanView *self,
           int                width)
{
  int height;

  if (self->chart_data == NULL || width <= 0)
    return;
  height = (int) hw_readiness_chart_get_height_for_width (self->chart_data, width, 0) + 1;
  if (height != gtk_drawing_area_get_content_height (self->chart))
    gtk_drawing_area_set_content_height (self->chart, height);
}

static gboolean
fit_chart_idle_cb (gpointer user_data)
{
  HwServicePlanView *self = user_data;

  self->fit_id = 0;
  fit_chart (self, gtk_widget_get_width (GTK_WIDGET (self->chart)));
  return G_SOURCE_REMOVE;
}

/* A new size cannot be asked for while being allocated one: fit after. */
static void
chart_resize_cb (GtkDrawingArea    *area,
                 int                width,
                 int                height,
                 HwServicePlanView *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add (fit_chart_idle_cb, self);
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  HwServicePlanView *self = user_data;

  if (self->chart_data != NULL)
    hw_readiness_chart_draw (self->chart_data, cr, width, height, 0);
}

/* Forms ------------------------------------------------------------------------- */

typedef enum {
  F_TEXT,
  F_DATE,
  F_CHOICE,
  F_PERSON,
  F_ORG,
  F_RESPONSIBLE,
  F_BARRIERS,
  F_OFF_SCREEN,
  F_RATING,
} FieldKind;

typedef struct {
  FieldKind  kind;
  char      *column;
  HwChoices  choices;
  GtkWidget *widget;
  GArray    *ids;            /* gint64 for people/organisations */
  GtkWidget *checks[4];      /* barriers */
} Field;

typedef struct {
  HwServicePlanView *view;
  GtkWindow         *window;
  GtkWidget         *group;
  GtkLabel          *error;
  char              *table;
  char              *parent_column;
  gint64             parent_id;
  gint64             id;
  HwRecord          *stored;
  GPtrArray         *fields;   /* of Field* */
} Form;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->column);
  g_clear_pointer (&field->ids, g_array_unref);
  g_free (field);
}

static void
form_free (gpointer data)
{
  Form *form = data;

  g_clear_object (&form->view);
  g_clear_object (&form->stored);
  g_free (form->table);
  g_free (form->parent_column);
  g_ptr_array_unref (form->fields);
  g_free (form);
}

static const char *
stored_string (Form       *form,
               const char *column)
{
  return form->stored ? hw_record_get_string (form->stored, column) : "";
}

static Field *
add_field (Form       *form,
           FieldKind   kind,
           const char *column,
           GtkWidget  *widget)
{
  Field *field = g_new0 (Field, 1);

  field->kind = kind;
  field->column = g_strdup (column);
  field->widget = widget;
  g_ptr_array_add (form->fields, field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form->group), widget);
  return field;
}

static void
form_text (Form       *form,
           const char *column,
           const char *title,
           const char *fallback)
{
  GtkWidget *row = adw_entry_row_new ();
  const char *value = form->stored ? stored_string (form, column) : (fallback ? fallback : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  add_field (form, F_TEXT, column, row);
}

static void
form_date (Form       *form,
           const char *column,
           const char *title,
           const char *fallback)
{
  form_text (form, column, title, fallback);
  ((Field *) g_ptr_array_index (form->fields, form->fields->len - 1))->kind = F_DATE;
}

static GtkWidget *
combo_row (const char         *title,
           const char * const *labels,
           guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static void
form_choice (Form       *form,
             const char *column,
             const char *title,
             HwChoices   which,
             const char *fallback)
{
  const HwChoice *choices;
  guint n, selected = 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *value = form->stored ? stored_string (form, column) : fallback;
  Field *field;

  choices = hw_choices_get (which, &n);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (labels, (gpointer) hw_choice_label (which, choices[i].id));
      if (g_strcmp0 (choices[i].id, value) == 0)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);
  field = add_field (form, F_CHOICE, column, combo_row (title, (const char * const *) labels->pdata, selected));
  field->choices = which;
}

/* People or organisations of the case, with "Nobody" first (and the agency
 * second for a responsible party). */
static void
form_reference (Form       *form,
                FieldKind   kind,
                const char *column,
                const char *title)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0, agency = -1, current = 0;
  guint selected = 0;
  Field *field;

  rows = hw_store_select (form->view->store, kind == F_ORG ? "organisations" : "people", NULL,
                          kind == F_ORG ? "SELECT id, name FROM organisations WHERE case_id = ? ORDER BY name"
                                        : "SELECT id, name FROM people WHERE case_id = ? ORDER BY name",
                          G_TYPE_INT64, form->view->case_id, G_TYPE_INVALID);
  g_ptr_array_add (labels, (gpointer) _("Nobody yet"));
  g_array_append_val (ids, none);
  if (kind == F_RESPONSIBLE)
    {
      g_ptr_array_add (labels, (gpointer) _("Agency"));
      g_array_append_val (ids, agency);
    }
  if (form->stored)
    {
      if (kind == F_RESPONSIBLE && hw_record_get_int (form->stored, "responsible_agency"))
        current = -1;
      else
        current = hw_record_get_int (form->stored, column);
    }
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      gint64 id = hw_record_get_id (g_ptr_array_index (rows, i));

      g_ptr_array_add (labels, (gpointer) hw_record_get_string (g_ptr_array_index (rows, i), "name"));
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == current)
      selected = i;
  g_ptr_array_add (labels, NULL);
  field = add_field (form, kind, column, combo_row (title, (const char * const *) labels->pdata, selected));
  field->ids = ids;
}

static void
form_barriers (Form *form)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const HwChoice *choices;
  guint n;
  Field *field;
  g_auto(GStrv) current = g_strsplit (stored_string (form, "barriers"), ",", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("In the way"));
  field = add_field (form, F_BARRIERS, "barriers", row);
  choices = hw_choices_get (HW_CHOICES_BARRIER, &n);
  for (guint i = 0; i < n && i < G_N_ELEMENTS (field->checks); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (hw_choice_label (HW_CHOICES_BARRIER, choices[i].id));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains ((const char * const *) current, choices[i].id));
      g_object_set_data (G_OBJECT (check), "hw-id", (gpointer) choices[i].id);
      field->checks[i] = check;
      gtk_box_append (GTK_BOX (box), check);
    }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
}

static void
form_off_screen (Form *form)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Private: keep off the shared screen"));
  gtk_switch_set_active (GTK_SWITCH (toggle), form->stored && hw_record_get_int (form->stored, "confidential"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  add_field (form, F_OFF_SCREEN, "confidential", row)->checks[0] = toggle;
}

/* Index 0 is "not rated"; index i is the rating 3 - i (+2 ... -3). */
static void
form_rating (Form       *form,
             const char *domain,
             int         current)
{
  const char *labels[8];
  guint selected = 0;
  Field *field;

  labels[0] = _("Not rated");
  for (int r = HW_READINESS_MAX; r >= HW_READINESS_MIN; r--)
    labels[HW_READINESS_MAX - r + 1] = hw_readiness_rating_label (r);
  labels[7] = NULL;
  if (current != HW_READINESS_UNRATED)
    selected = HW_READINESS_MAX - current + 1;
  field = add_field (form, F_RATING, domain,
                     combo_row (hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domain), labels, selected));
  (void) field;
}

static void form_save_cb (Form *form);

static void
form_cancel_cb (Form *form)
{
  gtk_window_destroy (form->window);
}

static Form *
form_new (HwServicePlanView *self,
          const char        *title,
          const char        *table,
          gint64             id,
          const char        *parent_column,
          gint64             parent_id)
{
  Form *form = g_new0 (Form, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *header, *cancel, *save, *box, *page, *buttons;
  GtkEventController *shortcuts;

  form->view = g_object_ref (self);
  form->table = g_strdup (table);
  form->id = id;
  form->parent_column = g_strdup (parent_column);
  form->parent_id = parent_id;
  form->fields = g_ptr_array_new_with_free_func (field_free);
  if (id != 0)
    form->stored = hw_store_get (self->store, table, id, NULL);

  form->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (form->window, title);
  gtk_window_set_modal (form->window, TRUE);
  gtk_window_set_default_size (form->window, 620, -1);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (form->window, GTK_WINDOW (root));
  g_object_set_data_full (G_OBJECT (form->window), "hw-form", form, form_free);

  header = gtk_header_bar_new ();
  gtk_window_set_titlebar (form->window, header);
  /* Cancel and Save under the fields, where the eye and the Tab key end
   * up after the last field (and where screen readers find them) */
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  /* no mnemonics here: GTK 4.8 then names the buttons "_Save Save" for
   * screen readers; Enter saves (the default widget), Escape cancels */
  cancel = gtk_button_new_with_label (_("Cancel"));
  save = gtk_button_new_with_label (_("Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_window_set_default_widget (form->window, save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (form_cancel_cb), form);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (form_save_cb), form);

  /* Escape cancels, as in any dialog. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (form->window), shortcuts);

  page = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (page), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (page), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (page), 640);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  form->group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (box), form->group);
  form->error = GTK_LABEL (make_label ("", "error", TRUE));
  gtk_widget_set_visible (GTK_WIDGET (form->error), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->error), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page), box);
  gtk_window_set_child (form->window, page);
  return form;
}

static void
form_present (Form *form)
{
  /* the first text field has the focus: type straight away */
  for (guint i = 0; i < form->fields->len; i++)
    {
      Field *field = g_ptr_array_index (form->fields, i);

      if (field->kind == F_TEXT)
        {
          gtk_widget_grab_focus (field->widget);
          break;
        }
    }
  gtk_window_present (form->window);
}

static char *
today_iso (HwServicePlanView *self)
{
  const GDate *day = today (self);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));
}

/* Writes the fields into @record (the table's columns). */
static void
form_fill_record (Form     *form,
                  HwRecord *record)
{
  for (guint i = 0; i < form->fields->len; i++)
    {
      Field *field = g_ptr_array_index (form->fields, i);

      switch (field->kind)
        {
        case F_TEXT:
        case F_DATE:
          {
            g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
            hw_record_set_string (record, field->column, g_strstrip (text));
          }
          break;
        case F_CHOICE:
          {
            guint n;
            const HwChoice *choices = hw_choices_get (field->choices, &n);
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

            if (selected < n)
              hw_record_set_string (record, field->column, choices[selected].id);
          }
          break;
        case F_PERSON:
        case F_ORG:
          hw_record_set_ref (record, field->column,
                             g_array_index (field->ids, gint64, adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget))));
          break;
        case F_RESPONSIBLE:
          {
            gint64 id = g_array_index (field->ids, gint64, adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget)));

            hw_record_set_ref (record, "responsible_person_id", id > 0 ? id : 0);
            hw_record_set_int (record, "responsible_agency", id == -1);
          }
          break;
        case F_BARRIERS:
          {
            g_autoptr(GString) set = g_string_new (NULL);

            for (guint j = 0; j < G_N_ELEMENTS (field->checks) && field->checks[j]; j++)
              if (gtk_check_button_get_active (GTK_CHECK_BUTTON (field->checks[j])))
                g_string_append_printf (set, "%s%s", set->len ? "," : "",
                                        (const char *) g_object_get_data (G_OBJECT (field->checks[j]), "hw-id"));
            hw_record_set_string (record, "barriers", set->str);
          }
          break;
        case F_OFF_SCREEN:
          {
            gboolean private = gtk_switch_get_active (GTK_SWITCH (field->checks[0]));
            const char *old = stored_string (form, "withheld_from");

            g_auto(GStrv) kinds = g_strsplit (old, ",", -1);
            g_autoptr(GString) set = g_string_new (NULL);

            /* keep what was withheld from others; add or drop the screen */
            for (guint k = 0; kinds[k] != NULL; k++)
              if (kinds[k][0] != '\0' && !g_str_equal (kinds[k], "screen"))
                g_string_append_printf (set, "%s%s", set->len ? "," : "", kinds[k]);
            if (private)
              g_string_append_printf (set, "%s%s", set->len ? "," : "", "screen");
            hw_record_set_int (record, "confidential", set->len > 0);
            hw_record_set_string (record, "withheld_from", set->str);
          }
          break;
        case F_RATING:
        default:
          break;
        }
    }
}

static gboolean
save_review (Form    *form,
             GError **error)
{
  HwStore *store = form->view->store;
  g_autoptr(HwRecord) record = hw_record_new ("readiness_reviews");
  gint64 id;

  if (!hw_store_begin_edit (store, form->id ? _("Change readiness review") : _("Add readiness review"), error))
    return FALSE;
  if (form->id)
    hw_record_set_id (record, form->id);
  else
    hw_record_set_int (record, "case_id", form->view->case_id);
  form_fill_record (form, record);
  id = hw_service_plan_save (store, NULL, record, error);
  for (guint i = 0; id != 0 && i < form->fields->len; i++)
    {
      Field *field = g_ptr_array_index (form->fields, i);
      guint selected;

      if (field->kind != F_RATING)
        continue;
      selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
      if (selected == 0)
        {
          gint64 old = hw_store_query_int (store, 0, "SELECT id FROM readiness_ratings WHERE review_id = ? AND domain = ?",
                                           G_TYPE_INT64, id, G_TYPE_STRING, field->column, G_TYPE_INVALID);
          if (old != 0 && !hw_service_plan_delete (store, NULL, "readiness_ratings", old, error))
            id = 0;
        }
      else if (!hw_service_plan_set_rating (store, id, field->column, HW_READINESS_MAX + 1 - (int) selected, error))
        id = 0;
    }
  if (id == 0)
    {
      hw_store_rollback_edit (store);
      return FALSE;
    }
  return hw_store_commit_edit (store, error);
}

static void
form_save_cb (Form *form)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (form->table, "readiness_reviews"))
    ok = save_review (form, &error);
  else
    {
      g_autoptr(HwRecord) record = hw_record_new (form->table);

      if (form->id)
        hw_record_set_id (record, form->id);
      else
        hw_record_set_int (record, form->parent_column, form->parent_id);
      form_fill_record (form, record);
      ok = hw_service_plan_save (form->view->store, NULL, record, &error) != 0;
      if (ok && form->id == 0)
        {
          g_free (form->view->new_table);
          form->view->new_table = g_strdup (form->table);
          form->view->new_id = hw_record_get_id (record);
          queue_rebuild (form->view);
        }
    }

  if (!ok)
    {
      /* the dialog stays open with what was typed, and says what is wrong */
      gtk_label_set_text (form->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (form->error), TRUE);
      return;
    }
  gtk_window_destroy (form->window);
}

static void
open_need_form (HwServicePlanView *self,
                gint64             id)
{
  Form *form = form_new (self, id ? _("Change Need") : _("Add Need"), "needs", id, "case_id", self->case_id);

  form_choice (form, "domain", _("_Area"), HW_CHOICES_NEED_DOMAIN, "housing");
  form_text (form, "family_words", _("In the family’s _words"), NULL);
  form_text (form, "strengths", _("_Strengths"), NULL);
  form_off_screen (form);
  form_present (form);
}

static void
open_goal_form (HwServicePlanView *self,
                gint64             id,
                gint64             need_id)
{
  Form *form = form_new (self, id ? _("Change Goal") : _("Add Goal"), "goals", id, "need_id", need_id);

  form_text (form, "text", _("What will be _different"), NULL);
  form_date (form, "target_date", _("By _when (YYYY-MM-DD)"), NULL);
  form_choice (form, "achievement", _("_Progress so far"), HW_CHOICES_ACHIEVEMENT, "none");
  form_present (form);
}

static void
open_task_form (HwServicePlanView *self,
                gint64             id,
                gint64             goal_id)
{
  Form *form = form_new (self, id ? _("Change Task") : _("Add Task"), "tasks", id, "goal_id", goal_id);
  g_autofree char *start = today_iso (self);

  form_text (form, "description", _("What will be _done"), NULL);
  form_reference (form, F_RESPONSIBLE, "responsible_person_id", _("_Who does it"));
  form_reference (form, F_ORG, "provider_org_id", _("With _whom (provider)"));
  form_text (form, "frequency", _("How _often"), NULL);
  form_date (form, "start_date", _("_From (YYYY-MM-DD)"), start);
  form_date (form, "target_date", _("_By (YYYY-MM-DD)"), NULL);
  form_choice (form, "status", _("_Status"), HW_CHOICES_TASK_STATUS, "not-started");
  form_barriers (form);
  form_present (form);
}

static void
open_note_form (HwServicePlanView *self,
                gint64             task_id)
{
  Form *form = form_new (self, _("Add Progress Note"), "progress_notes", 0, "task_id", task_id);
  g_autofree char *date = today_iso (self);

  g_autoptr(GPtrArray) notes = NULL;

  form_text (form, "text", _("_Note"), NULL);
  form_date (form, "date", _("_Date (YYYY-MM-DD)"), date);
  form_text (form, "author", _("_Written by"), hw_store_get_author (self->store));

  /* the notes so far, newest first, to read before writing the next */
  notes = hw_service_plan_list_notes (self->store, task_id, recipient (self), NULL);
  if (notes != NULL && notes->len > 0)
    {
      GtkWidget *earlier = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (earlier), _("Earlier notes"));
      for (guint i = notes->len; i > 0; i--)
        {
          HwRecord *note = g_ptr_array_index (notes, i - 1);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *when = hw_service_plan_format_date (hw_record_get_string (note, "date"), FALSE);
          g_autofree char *subtitle = NULL;
          const char *author = hw_record_get_string (note, "author");

          subtitle = author[0] ? g_strdup_printf ("%s · %s", when, author) : g_strdup (when);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hw_record_get_string (note, "text"));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (earlier), row);
        }
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (form->group)), earlier, form->group);
    }
  form_present (form);
}

static void
open_aftercare_form (HwServicePlanView *self,
                     gint64             id,
                     const char        *component)
{
  Form *form = form_new (self, id ? _("Change Support") : _("Add Support"), "aftercare_supports", id,
                         "case_id", self->case_id);

  form_choice (form, "component", _("_Kind of support"), HW_CHOICES_AFTERCARE_COMPONENT, component);
  form_text (form, "description", _("_What"), NULL);
  form_reference (form, F_PERSON, "provider_person_id", _("Who _provides it"));
  form_reference (form, F_ORG, "provider_org_id", _("_Organisation"));
  form_text (form, "checkin_schedule", _("_Check-ins"), _("Weekly in month 1, then monthly"));
  form_date (form, "start_date", _("_From (YYYY-MM-DD)"), NULL);
  form_date (form, "end_date", _("_To (YYYY-MM-DD)"), NULL);
  form_present (form);
}

static void
open_review_form (HwServicePlanView *self,
                  gint64             id)
{
  Form *form = form_new (self, id ? _("Change Readiness Review") : _("Add Readiness Review"),
                         "readiness_reviews", id, "case_id", self->case_id);
  g_autofree char *date = today_iso (self);
  const HwChoice *domains;
  guint n;

  form_date (form, "date", _("_Date (YYYY-MM-DD)"), date);
  form_text (form, "notes", _("_Notes"), NULL);
  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n);
  for (guint i = 0; i < n; i++)
    {
      int current = HW_READINESS_UNRATED;

      if (id != 0)
        {
          g_autoptr(GPtrArray) rows = hw_store_select (self->store, "readiness_ratings", NULL,
                                                       "SELECT id, rating FROM readiness_ratings WHERE review_id = ? AND domain = ?",
                                                       G_TYPE_INT64, id, G_TYPE_STRING, domains[i].id, G_TYPE_INVALID);
          if (rows != NULL && rows->len == 1)
            current = (int) hw_record_get_int (g_ptr_array_index (rows, 0), "rating");
        }
      form_rating (form, domains[i].id, current);
    }
  form_present (form);
}

/* Actions ------------------------------------------------------------------------- */

static void
edit_row (HwServicePlanView *self,
          GtkWidget         *row)
{
  RowKey *key = get_row_key (row);

  if (key == NULL || key->id == 0)
    return;
  if (g_str_equal (key->table, "needs"))
    open_need_form (self, key->id);
  else if (g_str_equal (key->table, "goals"))
    open_goal_form (self, key->id, 0);
  else if (g_str_equal (key->table, "tasks"))
    open_task_form (self, key->id, 0);
  else if (g_str_equal (key->table, "aftercare_supports"))
    open_aftercare_form (self, key->id, NULL);
  else if (g_str_equal (key->table, "readiness_reviews"))
    open_review_form (self, key->id);
}

static void
row_activated_cb (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  HwServicePlanView *self)
{
  edit_row (self, GTK_WIDGET (row));
}

static void
set_done (HwServicePlanView *self,
          gint64             task_id,
          gboolean           done)
{
  g_autoptr(GError) error = NULL;

  if (!hw_service_plan_set_task_status (self->store, task_id, done ? "done" : "in-progress", &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
}

static void
done_toggled_cb (GtkCheckButton    *check,
                 HwServicePlanView *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "hw-task");

  if (id != NULL)
    set_done (self, *id, gtk_check_button_get_active (check));
}

static void
add_need_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_need_form (HW_SERVICE_PLAN_VIEW (widget), 0);
}

/* With no parameter (a keyboard shortcut), these act on the focused row. */
static gint64
target_id (HwServicePlanView *self,
           GVariant          *parameter,
           const char        *table)
{
  RowKey *key;

  if (parameter != NULL)
    return g_variant_get_int64 (parameter);
  key = get_row_key (focused_row (self));
  if (key != NULL && g_strcmp0 (key->table, table) == 0)
    return key->id;
  return 0;
}

static void
add_goal_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  gint64 id = target_id (self, parameter, "needs");

  if (id != 0)
    open_goal_form (self, 0, id);
}

static void
add_task_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  gint64 id = target_id (self, parameter, "goals");

  if (id != 0)
    open_task_form (self, 0, id);
}

static void
add_note_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  gint64 id = target_id (self, parameter, "tasks");

  if (id != 0)
    open_note_form (self, id);
}

static void
add_aftercare_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_aftercare_form (HW_SERVICE_PLAN_VIEW (widget), 0,
                       parameter ? g_variant_get_string (parameter, NULL) : "basic-resources");
}

static void
add_review_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_review_form (HW_SERVICE_PLAN_VIEW (widget), 0);
}

static void
toggle_done_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  gint64 id = target_id (self, NULL, "tasks");
  g_autoptr(HwRecord) task = NULL;

  if (id == 0)
    return;
  task = hw_store_get (self->store, "tasks", id, NULL);
  if (task != NULL)
    set_done (self, id, !g_str_equal (hw_record_get_string (task, "status"), "done"));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  RowKey *key = get_row_key (focused_row (self));
  g_autoptr(GError) error = NULL;

  /* no question asked: Ctrl+Z brings it back */
  if (key != NULL && key->id != 0 &&
      !hw_service_plan_delete (self->store, NULL, key->table, key->id, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  RowKey *key = get_row_key (focused_row (self));
  g_autoptr(GError) error = NULL;

  if (key == NULL || key->id == 0 || g_str_equal (key->table, "readiness_reviews"))
    return;
  if (!hw_service_plan_move (self->store, key->table, key->id,
                             g_str_equal (action_name, "plan.move-up") ? -1 : 1, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
}

/* Printing -------------------------------------------------------------------------- */

/* The plan for whom the print dialog says, in its language: what is
 * withheld from that reader is not in it. */
static HwDocument *
print_build_cb (HwPrintDialog     *dialog,
                const HwRecipient *recipient,
                const char        *language,
                const char        *paper,
                gboolean           for_real,
                gpointer           user_data,
                GError           **error)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (user_data);

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  return hw_service_plan_build_document (self->store, self->case_id, recipient, paper, error);
}

/* plan.print: asks for whom and in which language (the family's copy,
 * in the family's language, first), then prints or saves the plan */
static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  HwPrintDialog *dialog = hw_print_dialog_new (self->store, self->case_id, _("Print the Service Plan"),
                                               _("Save the Service Plan as PDF"));

  hw_print_dialog_set_build_func (dialog, print_build_cb, g_object_ref (self), g_object_unref);
  hw_print_dialog_present (dialog, widget);
}

/* GObject --------------------------------------------------------------------------- */

GtkWidget *
hw_service_plan_view_new (HwStore *store,
                          gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_VIEW,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}

void
hw_service_plan_view_set_today (HwServicePlanView *self,
                                const GDate       *day)
{
  g_return_if_fail (HW_IS_SERVICE_PLAN_VIEW (self));

  self->fixed_today = day != NULL;
  if (day != NULL)
    self->today = *day;
  queue_rebuild (self);
}

static void
hw_service_plan_view_constructed (GObject *object)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (object);

  G_OBJECT_CLASS (hw_service_plan_view_parent_class)->constructed (object);

  g_assert (HW_IS_STORE (self->store));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
hw_service_plan_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (object);

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
hw_service_plan_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (object);

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
hw_service_plan_view_dispose (GObject *object)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_VIEW);
  /* the template's own children without an id (the switcher row) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->chart_data, hw_readiness_chart_free);
  g_clear_pointer (&self->new_table, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_view_parent_class)->dispose (object);
}

static void
hw_service_plan_view_class_init (HwServicePlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_view_constructed;
  object_class->get_property = hw_service_plan_view_get_property;
  object_class->set_property = hw_service_plan_view_set_property;
  object_class->dispose = hw_service_plan_view_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/service-plan/hw-service-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, tool_bar);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, search);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, hide_done);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, soon_only);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, sort);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, add_need_button);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, show_private);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, summary);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, domain_list);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, person_list);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, aftercare_list);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, review_list);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, chart);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-need", NULL, add_need_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", "x", add_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-task", "x", add_task_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-note", "x", add_note_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-goal-focused", NULL, add_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-task-focused", NULL, add_task_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-note-focused", NULL, add_note_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-aftercare", "s", add_aftercare_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-review", NULL, add_review_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.toggle-done", NULL, toggle_done_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.add-need", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "plan.add-goal-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "plan.add-task-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "plan.add-note-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "plan.toggle-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "plan.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "plan.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_service_plan_view_init (HwServicePlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  g_signal_connect_object (self->chart, "resize", G_CALLBACK (chart_resize_cb), self, 0);
}
