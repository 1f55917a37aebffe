/* hw-service-plan-view.c: the service plan area of a case.
 *
 * One page per tab (hw-service-plan-*-page.c), each bound to a live list
 * of the core (hw-service-plan-queries.h): an edit, undo or redo replaces
 * the rows of the items that changed, and the view never keeps its own
 * copy of the plan. The view holds the tool bar, the tab switcher, the
 * summary line and the actions; a filter change gives the pages new lists.
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
#include "hw-people.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan-aftercare-page.h"
#include "hw-service-plan-area-page.h"
#include "hw-service-plan-goal-dialog.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-need-dialog.h"
#include "hw-service-plan-note-dialog.h"
#include "hw-service-plan-person-page.h"
#include "hw-service-plan-readiness-page.h"
#include "hw-service-plan-support-dialog.h"
#include "hw-service-plan-task-dialog.h"
#include "hw-service-plan-timeline-page.h"
#include "hw-service-plan.h"
#include "hw-service-plan-queries.h"
#include "hw-service-plan-view.h"
#include "hw-toast.h"

struct _HwServicePlanView
{
  GtkWidget                   parent_instance;

  HwStore                    *store;
  gint64                      case_id;
  GDate                       today;
  gboolean                    fixed_today;
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
  HwServicePlanAreaPage      *area_page;
  HwServicePlanPersonPage    *person_page;
  HwServicePlanTimelinePage  *timeline_page;
  HwServicePlanAftercarePage *aftercare_page;
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
    g_string_append_printf (text, " · %s", _("Private items are shown: do not project this screen"));
  gtk_label_set_text (self->summary, text->str);
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
  due_dates = hw_service_plan_due_dates_list_new (self->store, self->case_id, recipient (self),
                                                  today (self));
  aftercare = hw_service_plan_aftercare_list_new (self->store, self->case_id, recipient (self));
  reviews = hw_service_plan_reviews_list_new (self->store, self->case_id);
  hw_service_plan_area_page_set_model (self->area_page, G_LIST_MODEL (outline));
  hw_service_plan_person_page_set_model (self->person_page, G_LIST_MODEL (by_person));
  hw_service_plan_timeline_page_set_model (self->timeline_page, G_LIST_MODEL (due_dates));
  hw_service_plan_aftercare_page_set_model (self->aftercare_page, G_LIST_MODEL (aftercare));
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
      hw_service_plan_person_page_focus_item (self->person_page, table, id))
    return TRUE;
  if (page == GTK_WIDGET (self->timeline_page) &&
      hw_service_plan_timeline_page_focus_item (self->timeline_page, table, id))
    return TRUE;
  if (page == GTK_WIDGET (self->aftercare_page) &&
      hw_service_plan_aftercare_page_focus_item (self->aftercare_page, table, id))
    return TRUE;
  if (page == GTK_WIDGET (self->readiness_page) &&
      hw_service_plan_readiness_page_focus_item (self->readiness_page, table, id))
    return TRUE;
  return hw_service_plan_area_page_focus_item (self->area_page, table, id);
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
}

static void
filter_changed_cb (HwServicePlanView *self)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

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

/* Forms ------------------------------------------------------------------------- */

typedef enum {
  F_TEXT,
  F_DATE,
  F_RATING,
} FieldKind;

typedef struct {
  FieldKind  kind;
  char      *column;
  GtkWidget *widget;
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
  form->error = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (form->error, 0);
  gtk_label_set_wrap (form->error, TRUE);
  gtk_label_set_wrap_mode (form->error, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (form->error), "error");
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
          if (!hw_service_plan_clear_rating (store, id, field->column, error))
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
          if (form->view->focus_id == 0)
            form->view->focus_id = g_idle_add (focus_new_idle_cb, form->view);
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
        current = hw_service_plan_get_rating (self->store, id, domains[i].id, NULL);
      form_rating (form, domains[i].id, current);
    }
  form_present (form);
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
  if (table == NULL)
    return;
  g_free (self->new_table);
  self->new_table = g_strdup (table);
  self->new_id = id;
  if (self->focus_id == 0)
    self->focus_id = g_idle_add (focus_new_idle_cb, self);
}

/* Shows @dialog over the view's window; an item it adds gets the focus. */
static void
present_dialog (HwServicePlanView *self,
                GtkWindow         *dialog,
                gboolean           adding)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  if (adding)
    g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (dialog);
}

/* @id's row of @table, for its dialog: NULL (with a message) when it has
 * gone meanwhile. */
static HwRecord *
get_item (HwServicePlanView *self,
          const char        *table,
          gint64             id)
{
  g_autoptr(GError) error = NULL;
  HwRecord *record;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  record = hw_store_get (self->store, table, id, &error);
  if (record == NULL)
    hw_toast_show_error (GTK_WIDGET (self), error);
  return record;
}

static void
open_need_dialog (HwServicePlanView *self,
                  gint64             id)
{
  g_autoptr(HwRecord) record = NULL;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (id != 0 && (record = get_item (self, "needs", id)) == NULL)
    return;
  present_dialog (self, hw_service_plan_need_dialog_new (self->store, self->case_id, record), id == 0);
}

/* Changes goal @id, or adds one to @need_id (@id 0). */
static void
open_goal_dialog (HwServicePlanView *self,
                  gint64             id,
                  gint64             need_id)
{
  g_autoptr(HwRecord) record = NULL;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (id != 0 && (record = get_item (self, "goals", id)) == NULL)
    return;
  present_dialog (self, hw_service_plan_goal_dialog_new (self->store, self->case_id, need_id, record),
                  id == 0);
}

/* Changes task @id, or adds one to @goal_id (@id 0). */
static void
open_task_dialog (HwServicePlanView *self,
                  gint64             id,
                  gint64             goal_id)
{
  g_autoptr(HwRecord) record = NULL;
  g_autofree char *start = today_iso (self);

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (id != 0 && (record = get_item (self, "tasks", id)) == NULL)
    return;
  present_dialog (self, hw_service_plan_task_dialog_new (self->store, self->case_id, goal_id, start,
                                                         record),
                  id == 0);
}

/* Changes support @id, or adds one of kind @component (@id 0). */
static void
open_support_dialog (HwServicePlanView *self,
                     gint64             id,
                     const char        *component)
{
  g_autoptr(HwRecord) record = NULL;

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (id != 0 && (record = get_item (self, "aftercare_supports", id)) == NULL)
    return;
  present_dialog (self, hw_service_plan_support_dialog_new (self->store, self->case_id, component,
                                                            record),
                  id == 0);
}

/* Adds a progress note to task @task_id. */
static void
open_note_dialog (HwServicePlanView *self,
                  gint64             task_id)
{
  g_autofree char *date = today_iso (self);

  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  present_dialog (self, hw_service_plan_note_dialog_new (self->store, self->case_id, task_id, date,
                                                         gtk_toggle_button_get_active (self->show_private)),
                  TRUE);
}

/* Actions ------------------------------------------------------------------------- */

static void
edit_item (HwServicePlanView *self,
           const char        *table,
           gint64             id)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

  if (id == 0)
    return;
  if (g_str_equal (table, "needs"))
    open_need_dialog (self, id);
  else if (g_str_equal (table, "goals"))
    open_goal_dialog (self, id, 0);
  else if (g_str_equal (table, "tasks"))
    open_task_dialog (self, id, 0);
  else if (g_str_equal (table, "aftercare_supports"))
    open_support_dialog (self, id, NULL);
  else if (g_str_equal (table, "readiness_reviews"))
    open_review_form (self, id);
}

static void
row_activated_cb (HwServicePlanView *self,
                  GtkListBoxRow     *row)
{
  g_assert (HW_IS_SERVICE_PLAN_VIEW (self));

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

  if (!hw_service_plan_set_task_status (self->store, task_id, done ? "done" : "in-progress", &error))
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

static void
add_need_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_need_dialog (HW_SERVICE_PLAN_VIEW (widget), 0);
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

static void
add_goal_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  gint64 id = target_id (self, parameter, "needs");

  if (id != 0)
    open_goal_dialog (self, 0, id);
}

static void
add_task_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  gint64 id = target_id (self, parameter, "goals");

  if (id != 0)
    open_task_dialog (self, 0, id);
}

static void
add_note_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HwServicePlanView *self = HW_SERVICE_PLAN_VIEW (widget);
  gint64 id = target_id (self, parameter, "tasks");

  if (id != 0)
    open_note_dialog (self, id);
}

static void
add_aftercare_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_support_dialog (HW_SERVICE_PLAN_VIEW (widget), 0,
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
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  hw_service_plan_readiness_page_set_case (self->readiness_page, self->store, self->case_id);
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
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, area_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, person_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, aftercare_page);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanView, readiness_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-need", NULL, add_need_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.set-done", "(xb)", set_done_action_cb);
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
  g_type_ensure (HW_TYPE_SERVICE_PLAN_AREA_PAGE);
  g_type_ensure (HW_TYPE_SERVICE_PLAN_PERSON_PAGE);
  g_type_ensure (HW_TYPE_SERVICE_PLAN_TIMELINE_PAGE);
  g_type_ensure (HW_TYPE_SERVICE_PLAN_AFTERCARE_PAGE);
  g_type_ensure (HW_TYPE_SERVICE_PLAN_READINESS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}
