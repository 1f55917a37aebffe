/* hw-service-plan-view.c: the service plan area of a case.
 *
 * One page per tab (hw-service-plan-list-page.c, one of each kind, and
 * hw-service-plan-readiness-page.c), each bound to a live list
 * of the core (hw-service-plan-queries.h): an edit, undo or redo replaces
 * the rows of the items that changed, and the view never keeps its own
 * copy of the plan. The view holds the tool bar, the tab switcher, the
 * summary line and the actions; a filter change gives the pages new lists.
 * Each kind of item has its edit dialog (hw-service-plan-*-dialog.c),
 * which writes through the core on its own.
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

#include "hw-aftercare-year.h"
#include "hw-enums.h"
#include "hw-people.h"
#include "hw-print-dialog.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan-checkin-dialog.h"
#include "hw-service-plan-checkin-row.h"
#include "hw-service-plan-document.h"
#include "hw-service-plan-goal-dialog.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-need-dialog.h"
#include "hw-service-plan-needs-import-dialog.h"
#include "hw-service-plan-note-dialog.h"
#include "hw-service-plan-list-page.h"
#include "hw-service-plan-queries.h"
#include "hw-service-plan-readiness-page.h"
#include "hw-service-plan-review-dialog.h"
#include "hw-service-plan-support-dialog.h"
#include "hw-service-plan-task-dialog.h"
#include "hw-service-plan-timeline-row.h"
#include "hw-service-plan.h"
#include "hw-service-plan-view.h"
#include "hw-toast.h"

struct _HwServicePlanView
{
  GtkWidget                   parent_instance;

  HwStore                    *store;
  gint64                      case_id;
  GDate                       today;
  gboolean                    fixed_today;
  gboolean                    filling_people;
  guint                       summary_id;
  guint                       focus_id;
  /* an item just added through a form: its row gets the focus */
  char                       *new_table;
  gint64                      new_id;

  GtkWidget                  *tool_bar;
  AdwViewStack               *stack;
  GtkSearchEntry             *search;
  GtkToggleButton            *hide_done;
  GtkToggleButton            *soon_only;
  GtkDropDown                *sort;
  GtkWidget                  *add_need_button;
  GtkToggleButton            *show_private;
  GtkLabel                   *summary;
  HwServicePlanListPage      *area_page;
  HwServicePlanListPage      *person_page;
  HwServicePlanListPage      *timeline_page;
  GtkBox                     *timeline_box;
  GtkDropDown                *due_person;
  /* the people of due_person after "Everyone" (gint64) */
  GArray                     *due_person_ids;
  HwServicePlanListPage      *aftercare_page;
  GtkBox                     *aftercare_box;
  HwServicePlanReadinessPage *readiness_page;
};

G_DEFINE_FINAL_TYPE (HwServicePlanView, hw_service_plan_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The pages ------------------------------------------------------------------ */

static void
get_filter (HwServicePlanView *self,
            HwTaskFilter      *filter)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  memset (filter, 0, sizeof *filter);
  filter->open_only = gtk_toggle_button_get_active (self->hide_done);
  filter->due_soon_only = gtk_toggle_button_get_active (self->soon_only);
  filter->text = gtk_editable_get_text (GTK_EDITABLE (self->search));
}

static void
update_summary (HwServicePlanView *self)
{
  g_autoptr(GPtrArray) all_tasks = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint open = 0, overdue = 0, soon = 0;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  all_tasks = hw_service_plan_list_tasks (self->store, self->case_id, recipient (self), NULL,
                                          HW_TASK_SORT_PLAN, today (self), NULL);
  if (all_tasks == NULL)
    return;
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
    g_string_append_printf (text, " · %s",
                            _("Private items are shown: do not project this screen"));
  gtk_label_set_text (self->summary, text->str);
}

/* The person whose week the due dates show, 0 for everyone's. */
static gint64
due_person_id (HwServicePlanView *self)
{
  guint selected = gtk_drop_down_get_selected (self->due_person);

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (self->due_person_ids == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->due_person_ids->len)
    return 0;
  return g_array_index (self->due_person_ids, gint64, selected - 1);
}

/* "Due this week for": everyone, then the people of the case; the person
 * chosen stays chosen while they are there. */
static void
fill_due_people (HwServicePlanView *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 chosen = due_person_id (self);
  guint selected = 0;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ALL, NULL);
  g_clear_pointer (&self->due_person_ids, g_array_unref);
  self->due_person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("Everyone"));
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *person = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (person);

      gtk_string_list_append (names, hw_record_get_string (person, "name"));
      g_array_append_val (self->due_person_ids, id);
      if (id == chosen)
        selected = i + 1;
    }
  /* the signal would reload with a half-made choice: quiet while filling */
  self->filling_people = TRUE;
  gtk_drop_down_set_model (self->due_person, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->due_person, selected);
  self->filling_people = FALSE;
}

/* New lists for the pages: the filters, the recipient or the day changed. */
static void
reload (HwServicePlanView *self)
{
  g_autoptr(HwRecordList) outline = NULL;
  g_autoptr(HwRecordList) by_person = NULL;
  g_autoptr(HwRecordList) due_dates = NULL;
  g_autoptr(HwRecordList) aftercare = NULL;
  g_autoptr(HwRecordList) reviews = NULL;
  HwTaskSort sort;
  HwTaskFilter filter;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (self->store == NULL || self->case_id == 0)
    return;
  get_filter (self, &filter);
  sort = gtk_drop_down_get_selected (self->sort);
  outline = hw_service_plan_outline_list_new (self->store, self->case_id, recipient (self),
                                              &filter, sort, today (self));
  by_person = hw_service_plan_by_person_list_new (self->store, self->case_id, recipient (self),
                                                  &filter, sort, today (self));
  if (due_person_id (self) != 0)
    due_dates = hw_service_plan_due_week_list_new (self->store, self->case_id, recipient (self),
                                                   due_person_id (self), today (self));
  else
    due_dates = hw_service_plan_due_dates_list_new (self->store, self->case_id,
                                                    recipient (self), today (self));
  aftercare = hw_service_plan_aftercare_list_new (self->store, self->case_id, recipient (self),
                                                  today (self));
  reviews = hw_service_plan_reviews_list_new (self->store, self->case_id);
  hw_service_plan_list_page_set_model (self->area_page, G_LIST_MODEL (outline));
  hw_service_plan_list_page_set_model (self->person_page, G_LIST_MODEL (by_person));
  hw_service_plan_list_page_set_model (self->timeline_page, G_LIST_MODEL (due_dates));
  hw_service_plan_list_page_set_model (self->aftercare_page, G_LIST_MODEL (aftercare));
  hw_service_plan_readiness_page_set_model (self->readiness_page, G_LIST_MODEL (reviews));
  update_summary (self);
}

/* Gives the focus to the row of @table / @id: on the page shown, or else
 * by area. */
static gboolean
focus_item (HwServicePlanView *self,
            const char        *table,
            gint64             id)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (page == GTK_WIDGET (self->person_page) &&
      hw_service_plan_list_page_focus_item (self->person_page, table, id))
    return TRUE;
  if (page == GTK_WIDGET (self->timeline_box) &&
      hw_service_plan_list_page_focus_item (self->timeline_page, table, id))
    return TRUE;
  if (page == GTK_WIDGET (self->aftercare_box) &&
      hw_service_plan_list_page_focus_item (self->aftercare_page, table, id))
    return TRUE;
  if (page == GTK_WIDGET (self->readiness_page) &&
      hw_service_plan_readiness_page_focus_item (self->readiness_page, table, id))
    return TRUE;
  return hw_service_plan_list_page_focus_item (self->area_page, table, id);
}

/* After the form that added it has gone, the new item has the focus. */
static gboolean
focus_new_idle_cb (gpointer user_data)
{
  HwServicePlanView *self = user_data;

  self->focus_id = 0;
  if (self->new_table != NULL)
    focus_item (self, self->new_table, self->new_id);
  g_clear_pointer (&self->new_table, g_free);
  return G_SOURCE_REMOVE;
}

static gboolean
summary_idle_cb (gpointer user_data)
{
  HwServicePlanView *self = user_data;

  self->summary_id = 0;
  update_summary (self);
  return G_SOURCE_REMOVE;
}

/* The pages follow the store on their own; the summary line is counted
 * again once the edit is over. */
static void
store_changed_cb (HwServicePlanView *self,
                  const char        *table)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (self->summary_id == 0)
    self->summary_id = g_idle_add (summary_idle_cb, self);
  if (g_strcmp0 (table, "people") == 0)
    fill_due_people (self);
}

static void
filter_changed_cb (HwServicePlanView *self)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  reload (self);
}

static void
due_person_changed_cb (HwServicePlanView *self)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (!self->filling_people)
    reload (self);
}

static GtkWidget *
focused_row (HwServicePlanView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  if (GTK_IS_LIST_BOX_ROW (focus))
    return focus;
  return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

/* The plan item of the focused row: FALSE for none (or a title row). */
static gboolean
focused_item (HwServicePlanView  *self,
              const char        **table,
              gint64             *id)
{
  GtkWidget *row = focused_row (self);

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (row == NULL || !HW_IS_SERVICE_PLAN_ITEM (row))
    return FALSE;
  *table = hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (row));
  *id = hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (row));
  return *table != NULL && *id != 0;
}

/* Dialogs ------------------------------------------------------------------------ */

/* An item added through a dialog gets the focus once the dialog has gone. */
static void
dialog_saved_cb (GtkWindow         *dialog,
                 gint64             id,
                 HwServicePlanView *self)
{
  const char *table = NULL;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (HW_IS_SERVICE_PLAN_NEED_DIALOG (dialog))
    table = "needs";
  else if (HW_IS_SERVICE_PLAN_GOAL_DIALOG (dialog))
    table = "goals";
  else if (HW_IS_SERVICE_PLAN_TASK_DIALOG (dialog))
    table = "tasks";
  else if (HW_IS_SERVICE_PLAN_NOTE_DIALOG (dialog))
    table = "progress_notes";
  else if (HW_IS_SERVICE_PLAN_SUPPORT_DIALOG (dialog))
    table = "aftercare_supports";
  else if (HW_IS_SERVICE_PLAN_CHECKIN_DIALOG (dialog))
    table = "aftercare_checkins";
  if (table == NULL)
    return;
  g_free (self->new_table);
  self->new_table = g_strdup (table);
  self->new_id = id;
  if (self->focus_id == 0)
    self->focus_id = g_idle_add (focus_new_idle_cb, self);
}

/* The dialog that changes @id of @table or, with @id 0, adds one: below
 * @parent_id (a goal's need, a task's goal, a note's task) or, for a
 * support, of kind @component. New tasks, notes and reviews are dated
 * today. */
static void
open_dialog (HwServicePlanView *self,
             const char        *table,
             gint64             id,
             gint64             parent_id,
             const char        *component)
{
  g_autoptr(HwRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *dialog;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (id != 0 && (record = hw_store_get (self->store, table, id, &error)) == NULL)
    {
      /* it has gone meanwhile */
      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (today (self)),
                         g_date_get_month (today (self)), g_date_get_day (today (self)));
  if (g_str_equal (table, "needs"))
    dialog = hw_service_plan_need_dialog_new (self->store, self->case_id, record);
  else if (g_str_equal (table, "goals"))
    dialog = hw_service_plan_goal_dialog_new (self->store, self->case_id, parent_id, record);
  else if (g_str_equal (table, "tasks"))
    dialog = hw_service_plan_task_dialog_new (self->store, self->case_id, parent_id, day, record);
  else if (g_str_equal (table, "progress_notes"))
    dialog = hw_service_plan_note_dialog_new (self->store, self->case_id, parent_id, day,
                                              gtk_toggle_button_get_active (self->show_private));
  else if (g_str_equal (table, "aftercare_supports"))
    dialog = hw_service_plan_support_dialog_new (self->store, self->case_id, component, record);
  else if (g_str_equal (table, "aftercare_checkins"))
    /* a new check-in: of the support @parent_id, dated today */
    dialog = hw_service_plan_checkin_dialog_new (self->store, self->case_id, parent_id, day,
                                                 record);
  else
    dialog = hw_service_plan_review_dialog_new (self->store, self->case_id, day, record);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  /* a new item gets the focus (a new review shows in the chart) */
  if (id == 0)
    g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (dialog);
}

/* Actions ------------------------------------------------------------------------- */

/* Enter or a click on a row: the dialog of its item, if it has one. */
static void
edit_item (HwServicePlanView *self,
           const char        *table,
           gint64             id)
{
  static const char * const editable[] = {
    "needs", "goals", "tasks", "aftercare_supports", "aftercare_checkins",
    "readiness_reviews", NULL
  };

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (id != 0 && g_strv_contains (editable, table))
    open_dialog (self, table, id, 0, NULL);
}

static void
row_activated_cb (HwServicePlanView *self,
                  GtkListBoxRow     *row)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  /* a check-in due in the due dates: log it */
  if (HW_IS_SERVICE_PLAN_TIMELINE_ROW (row))
    {
      HwRecord *item = hw_service_plan_timeline_row_get_record (HW_SERVICE_PLAN_TIMELINE_ROW (row));

      if (g_str_equal (hw_record_get_string (item, "kind"), "checkin"))
        {
          open_dialog (self, "aftercare_checkins", 0, hw_record_get_id (item), NULL);
          return;
        }
    }
  if (HW_IS_SERVICE_PLAN_ITEM (row))
    edit_item (self, hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (row)),
               hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (row)));
}

static void
set_done (HwServicePlanView *self,
          gint64             task_id,
          gboolean           done)
{
  g_autoptr(GError) error = NULL;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (!hw_service_plan_set_task_status (self->store, task_id, done ? "done" : "in-progress",
                                        &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
}

/* A task's check box: (task id, done). */
static void
set_done_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gint64 id;
  gboolean done;

  g_variant_get (parameter, "(xb)", &id, &done);
  set_done (HW_SERVICE_PLAN_VIEW (widget), id, done);
}

/* With no parameter (a keyboard shortcut), these act on the focused row. */
static gint64
target_id (HwServicePlanView *self,
           GVariant          *parameter,
           const char        *table)
{
  const char *focused_table;
  gint64 id;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (parameter != NULL)
    return g_variant_get_int64 (parameter);
  if (focused_item (self, &focused_table, &id) && g_strcmp0 (focused_table, table) == 0)
    return id;
  return 0;
}

/* plan.add-goal, plan.add-task and plan.add-note, with the need, goal or
 * task as parameter, or as plan.add-…-focused (a shortcut) below the
 * focused row's need, goal or task. */
static void
add_child_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  static const char * const kinds[][3] = {
    /* action, parent, child */
    { "plan.add-goal", "needs", "goals" },
    { "plan.add-task", "goals", "tasks" },
    { "plan.add-note", "tasks", "progress_notes" },
  };
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gint64 id;

      if (!g_str_has_prefix (action_name, kinds[i][0]))
        continue;
      id = target_id (self, parameter, kinds[i][1]);
      if (id != 0)
        open_dialog (self, kinds[i][2], 0, id, NULL);
    }
}

/* plan.add-need, plan.add-review and plan.add-aftercare (with the kind of
 * support as parameter). */
static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);

  if (g_str_equal (action_name, "plan.add-need"))
    open_dialog (self, "needs", 0, 0, NULL);
  else if (g_str_equal (action_name, "plan.add-review"))
    open_dialog (self, "readiness_reviews", 0, 0, NULL);
  else
    open_dialog (self, "aftercare_supports", 0, 0,
                 parameter ? g_variant_get_string (parameter, NULL) : "basic-resources");
}

static void
needs_imported_cb (HwServicePlanView *self,
                   guint              n_added)
{
  g_autofree char *title = NULL;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (n_added == 0)
    {
      hw_toast_show (GTK_WIDGET (self),
                     adw_toast_new (_("Nothing new: the plan has those needs already")));
      return;
    }
  title = g_strdup_printf (ngettext ("%u need added from the readiness review",
                                     "%u needs added from the readiness review", n_added),
                           n_added);
  hw_toast_show_undo (GTK_WIDGET (self), title);
  adw_view_stack_set_visible_child_name (self->stack, "domain");
}

/* Low ratings of the latest readiness review become needs, as a reviewed
 * step (the dialog lists them; nothing is added until Add Selected). */
static void
import_needs_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  HwServicePlanNeedsImportDialog *dialog;

  if (self->case_id == 0)
    return;
  dialog = hw_service_plan_needs_import_dialog_new (self->store, self->case_id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "added", G_CALLBACK (needs_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_autoptr(GError) error = NULL;
  const char *table;
  gint64 id;

  /* no question asked: Ctrl+Z brings it back */
  if (focused_item (self, &table, &id) &&
      !hw_service_plan_delete (self->store, NULL, table, id, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *table;
  gint64 id;

  if (!focused_item (self, &table, &id) || g_str_equal (table, "readiness_reviews"))
    return;
  if (!hw_service_plan_move (self->store, table, id,
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

/* plan.log-checkin (a support's id): the dialog that logs a check-in */
static void
log_checkin_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);

  open_dialog (self, "aftercare_checkins", 0, g_variant_get_int64 (parameter), NULL);
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
  reload (self);
}

static void
hw_service_plan_view_constructed (GObject *object)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (object);

  G_OBJECT_CLASS (hw_service_plan_view_parent_class)->constructed (object);

  g_assert (HW_IS_STORE (self->store));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  hw_service_plan_readiness_page_set_case (self->readiness_page, self->store, self->case_id);
  gtk_box_prepend (self->aftercare_box, hw_aftercare_year_new (self->store, self->case_id));
  fill_due_people (self);
  g_signal_connect_object (self->due_person, "notify::selected",
                           G_CALLBACK (due_person_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
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

  g_clear_handle_id (&self->summary_id, g_source_remove);
  g_clear_handle_id (&self->focus_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_VIEW);
  /* the template's own children without an id (the switcher row) */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->new_table, g_free);
  g_clear_pointer (&self->due_person_ids, g_array_unref);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, tool_bar);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, search);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, hide_done);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, soon_only);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, sort);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, add_need_button);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, show_private);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, summary);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, area_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, person_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, aftercare_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, aftercare_box);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, due_person);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, readiness_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-need", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.set-done", "(xb)", set_done_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", "x", add_child_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-task", "x", add_child_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-note", "x", add_child_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-goal-focused", NULL,
                                   add_child_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-task-focused", NULL,
                                   add_child_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-note-focused", NULL,
                                   add_child_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-aftercare", "s", add_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-review", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.log-checkin", "x",
                                   log_checkin_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.import-needs", NULL,
                                   import_needs_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.toggle-done", NULL, toggle_done_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                      "plan.add-need", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                      "plan.add-goal-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                      "plan.add-task-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                      "plan.add-note-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                      "plan.toggle-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "plan.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                      "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                      "plan.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_service_plan_view_init (HwServicePlanView *self)
{
  GtkLayoutManager *layout;

  g_type_ensure (HW_TYPE_SERVICE_PLAN_LIST_PAGE);
  g_type_ensure (HW_TYPE_SERVICE_PLAN_READINESS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
}
