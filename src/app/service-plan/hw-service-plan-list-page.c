/* hw-service-plan-list-page.c: one tab of the service plan: a live list of rows
 *
 * The tabs by area, by person, by due date and after going home are the
 * same page: a list bound to a live list of the core. Only two things
 * differ, chosen by the construct-only "kind": the row made for each
 * record, and the name screen readers give the list (kinds[] below).
 *
 * The rows are made when the page is first shown (opening a family made
 * the four tabs' rows, and only one tab shows), and again when its list
 * is replaced while it shows.
 *
 * An edit, undo, redo or someone else's change replaces the rows of the
 * items that changed, not the page. The keyboard's place is kept
 * (hw-service-plan-place.h): the new row of the focused item, the same
 * button in it, the list scrolled where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-list-page"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hw-record.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-section-row.h"
#include "hw-service-plan-need-row.h"
#include "hw-service-plan-goal-row.h"
#include "hw-service-plan-task-row.h"
#include "hw-service-plan-timeline-row.h"
#include "hw-service-plan-checkin-row.h"
#include "hw-service-plan-component-row.h"
#include "hw-service-plan-support-row.h"
#include "hw-service-plan-list-page.h"
#include "hw-service-plan-place.h"

struct _HwServicePlanListPage
{
  GtkWidget              parent_instance;

  HwServicePlanListKind  kind;
  GListModel            *model;
  gboolean               bound;       /* the list shows the model's rows */
  /* the keyboard's place while the list changes */
  HwServicePlanPlace     place;

  GtkListBox            *list;
};

G_DEFINE_FINAL_TYPE (HwServicePlanListPage, hw_service_plan_list_page, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (HwServicePlanListKind, hw_service_plan_list_kind,
                    G_DEFINE_ENUM_VALUE (HW_SERVICE_PLAN_LIST_AREA, "area"),
                    G_DEFINE_ENUM_VALUE (HW_SERVICE_PLAN_LIST_PERSON, "person"),
                    G_DEFINE_ENUM_VALUE (HW_SERVICE_PLAN_LIST_TIMELINE, "timeline"),
                    G_DEFINE_ENUM_VALUE (HW_SERVICE_PLAN_LIST_AFTERCARE, "aftercare"))

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The plan by area (hw_service_plan_outline_list_new()): each need, its
 * goals and their tasks. */
static GtkWidget *
create_area_row_cb (gpointer item,
                    gpointer user_data)
{
  HwRecord *record = HW_RECORD (item);
  const char *table = hw_record_get_table (record);

  if (g_str_equal (table, "needs"))
    return hw_service_plan_need_row_new (record);
  if (g_str_equal (table, "goals"))
    return hw_service_plan_goal_row_new (record);
  if (g_str_equal (table, "tasks"))
    return hw_service_plan_task_row_new (record);
  /* "empty" */
  if (g_str_equal (hw_record_get_string (record, "reason"), "no-needs"))
    return hw_service_plan_section_row_new (NULL, _("No needs yet. Use “Add Need” to write down the first one, in the family’s words."));
  return hw_service_plan_section_row_new (NULL, _("Nothing to show with these filters."));
}

/* What each person needs to do (hw_service_plan_by_person_list_new()):
 * each person who has a task, then their tasks. */
static GtkWidget *
create_person_row_cb (gpointer item,
                      gpointer user_data)
{
  HwRecord *record = HW_RECORD (item);
  const char *table = hw_record_get_table (record);

  if (g_str_equal (table, "people"))
    {
      /* Translators: under a person's name in "what I need to do" */
      g_autofree char *subtitle = g_strdup_printf (_("%d to do, %d overdue"),
                                                   (int) hw_record_get_int (record, "open_count"),
                                                   (int) hw_record_get_int (record, "overdue_count"));

      return hw_service_plan_section_row_new (hw_record_get_string (record, "name"), subtitle);
    }
  if (g_str_equal (table, "tasks"))
    return hw_service_plan_task_row_new_with_goal (record);
  /* "empty" */
  if (g_str_equal (hw_record_get_string (record, "reason"), "nobody"))
    return hw_service_plan_section_row_new (NULL, _("Nobody has a task yet."));
  return hw_service_plan_section_row_new (NULL, _("Nothing to show with these filters."));
}

/* The due dates (hw_service_plan_due_dates_list_new()): what is overdue,
 * due this week, later. */
static GtkWidget *
create_timeline_row_cb (gpointer item,
                        gpointer user_data)
{
  HwRecord *record = HW_RECORD (item);
  const char *table = hw_record_get_table (record);

  if (g_str_equal (table, "heading"))
    {
      const char *section = hw_record_get_string (record, "section");

      if (g_str_equal (section, "overdue"))
        return hw_service_plan_section_row_new (_("Overdue"), NULL);
      if (g_str_equal (section, "this-week"))
        return hw_service_plan_section_row_new (_("This week"), NULL);
      return hw_service_plan_section_row_new (_("Later"), NULL);
    }
  if (g_str_equal (table, "timeline"))
    return hw_service_plan_timeline_row_new (record);
  /* "empty" */
  if (g_str_equal (hw_record_get_string (record, "reason"), "nothing-due"))
    return hw_service_plan_section_row_new (NULL, _("Nothing is due this week or overdue."));
  return hw_service_plan_section_row_new (NULL, _("No due dates yet."));
}

/* Support after going home (hw_service_plan_aftercare_list_new()): each
 * kind of support and what is planned. */
static GtkWidget *
create_aftercare_row_cb (gpointer item,
                         gpointer user_data)
{
  HwRecord *record = HW_RECORD (item);
  const char *table = hw_record_get_table (record);

  if (g_str_equal (table, "aftercare_component"))
    return hw_service_plan_component_row_new (hw_record_get_string (record, "component"));
  if (g_str_equal (table, "aftercare_supports"))
    return hw_service_plan_support_row_new (record);
  if (g_str_equal (table, "aftercare_checkins"))
    return hw_service_plan_checkin_row_new (record);
  /* "empty" */
  return hw_service_plan_section_row_new (NULL, _("Nothing planned yet."));
}

/* What differs between the kinds, indexed by HwServicePlanListKind. */
static const struct {
  GtkListBoxCreateWidgetFunc create_row;
  const char                *list_name;  /* for screen readers */
} kinds[] = {
  [HW_SERVICE_PLAN_LIST_AREA] = { create_area_row_cb, N_("Plan by area") },
  [HW_SERVICE_PLAN_LIST_PERSON] = { create_person_row_cb, N_("What each person needs to do") },
  [HW_SERVICE_PLAN_LIST_TIMELINE] = { create_timeline_row_cb, N_("Due dates") },
  [HW_SERVICE_PLAN_LIST_AFTERCARE] = { create_aftercare_row_cb, N_("Support after going home") },
};

/* Runs before the list box replaces the rows: where the keyboard is, if
 * its row is going. */
static void
items_changing_cb (HwServicePlanListPage *self,
                   guint                  position,
                   guint                  removed,
                   guint                  added)
{
  g_assert (HW_IS_SERVICE_PLAN_LIST_PAGE (self));

  hw_service_plan_place_save (&self->place, self->list, position, removed);
}

/* Runs after: the new row of the same item (the same button in it) gets
 * the focus back, the list stays where it was. */
static void
items_changed_cb (HwServicePlanListPage *self)
{
  g_assert (HW_IS_SERVICE_PLAN_LIST_PAGE (self));

  hw_service_plan_place_restore (&self->place, self->list);
}

/* Makes the rows of the model, if they are not made, and follows its
 * changes. */
static void
ensure_bound (HwServicePlanListPage *self)
{
  GListModel *model = self->model;

  if (self->bound)
    return;
  self->bound = TRUE;
  /* connected before and after the list box's own handler */
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changing_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, model, kinds[self->kind].create_row, NULL, NULL);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
hw_service_plan_list_page_map (GtkWidget *widget)
{
  /* the rows, before they are shown with the list */
  ensure_bound (HW_SERVICE_PLAN_LIST_PAGE (widget));
  GTK_WIDGET_CLASS (hw_service_plan_list_page_parent_class)->map (widget);
}

/**
 * hw_service_plan_list_page_set_model:
 * @self: a page
 * @model: (nullable): the live list of records of the page's kind
 *
 * Shows the rows of @model, made by the page's kind, and follows its changes.
 */
void
hw_service_plan_list_page_set_model (HwServicePlanListPage *self,
                                     GListModel *model)
{
  g_return_if_fail (HW_IS_SERVICE_PLAN_LIST_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  self->bound = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_bound (self);
  else
    /* no rows of the old list: they are made again when shown */
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
}

/**
 * hw_service_plan_list_page_focus_item:
 * @self: a page
 * @table: the table of the item
 * @id: its id
 *
 * Gives the keyboard focus to the row of @table / @id.
 *
 * Returns: FALSE if the page has no such row
 */
gboolean
hw_service_plan_list_page_focus_item (HwServicePlanListPage *self,
                                      const char *table,
                                      gint64      id)
{
  GtkWidget *row;

  g_return_val_if_fail (HW_IS_SERVICE_PLAN_LIST_PAGE (self), FALSE);

  ensure_bound (self);
  row = hw_service_plan_item_find_row (self->list, table, id);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
list_row_activated_cb (HwServicePlanListPage *self,
                       GtkListBoxRow *row)
{
  g_assert (HW_IS_SERVICE_PLAN_LIST_PAGE (self));

  g_signal_emit (self, signals[ROW_ACTIVATED], 0, row);
}

static void
hw_service_plan_list_page_constructed (GObject *object)
{
  HwServicePlanListPage *self = HW_SERVICE_PLAN_LIST_PAGE (object);

  G_OBJECT_CLASS (hw_service_plan_list_page_parent_class)->constructed (object);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(kinds[self->kind].list_name), -1);
}

static void
hw_service_plan_list_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HwServicePlanListPage *self = HW_SERVICE_PLAN_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_list_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HwServicePlanListPage *self = HW_SERVICE_PLAN_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_list_page_dispose (GObject *object)
{
  HwServicePlanListPage *self = HW_SERVICE_PLAN_LIST_PAGE (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_LIST_PAGE);
  /* the scrolled window holding the list has no id */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  hw_service_plan_place_clear (&self->place);

  G_OBJECT_CLASS (hw_service_plan_list_page_parent_class)->dispose (object);
}

static void
hw_service_plan_list_page_class_init (HwServicePlanListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_list_page_constructed;
  object_class->get_property = hw_service_plan_list_page_get_property;
  object_class->set_property = hw_service_plan_list_page_set_property;
  object_class->dispose = hw_service_plan_list_page_dispose;
  widget_class->map = hw_service_plan_list_page_map;

  /**
   * HwServicePlanListPage:kind:
   *
   * Which list the page shows: the rows it makes and the list's name.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       HW_TYPE_SERVICE_PLAN_LIST_KIND, HW_SERVICE_PLAN_LIST_AREA,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanListPage::row-activated:
   * @row: the row
   *
   * A row was activated (Enter, or a click): the view opens its item.
   */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanListPage, list);
  gtk_widget_class_bind_template_callback (widget_class, list_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hw_service_plan_list_page_init (HwServicePlanListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
