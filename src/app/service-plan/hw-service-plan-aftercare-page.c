/* hw-service-plan-aftercare-page.c: support after going home: each kind of support and what is planned
 *
 * The list is bound to a live list of the core: an edit, undo or redo
 * replaces the rows of the items that changed, not the page. The row that
 * had the keyboard focus gets it back when its item comes back changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-aftercare-page"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hw-record.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-section-row.h"
#include "hw-service-plan-component-row.h"
#include "hw-service-plan-support-row.h"
#include "hw-service-plan-aftercare-page.h"

struct _HwServicePlanAftercarePage
{
  GtkWidget   parent_instance;

  GListModel *model;
  /* the item whose row had the focus while the list changes */
  char       *focus_table;
  gint64      focus_id;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (HwServicePlanAftercarePage, hw_service_plan_aftercare_page, GTK_TYPE_WIDGET)

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  HwRecord *record = HW_RECORD (item);
  const char *table = hw_record_get_table (record);

  if (g_str_equal (table, "aftercare_component"))
    return hw_service_plan_component_row_new (hw_record_get_string (record, "component"));
  if (g_str_equal (table, "aftercare_supports"))
    return hw_service_plan_support_row_new (record);
  /* "empty" */
  return hw_service_plan_section_row_new (NULL, _("Nothing planned yet."));
}

static GtkWidget *
focused_row (HwServicePlanAftercarePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_assert (HW_IS_SERVICE_PLAN_AFTERCARE_PAGE (self));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return NULL;
  return GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

/* Runs before the list box replaces the rows. */
static void
items_changing_cb (HwServicePlanAftercarePage *self)
{
  GtkWidget *row = focused_row (self);

  g_assert (HW_IS_SERVICE_PLAN_AFTERCARE_PAGE (self));

  g_clear_pointer (&self->focus_table, g_free);
  if (row != NULL && HW_IS_SERVICE_PLAN_ITEM (row))
    {
      self->focus_table = g_strdup (hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (row)));
      self->focus_id = hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (row));
    }
}

/* Runs after: a focused row that was replaced hands the focus on. */
static void
items_changed_cb (HwServicePlanAftercarePage *self)
{
  g_autofree char *table = g_steal_pointer (&self->focus_table);

  g_assert (HW_IS_SERVICE_PLAN_AFTERCARE_PAGE (self));

  if (table != NULL && focused_row (self) == NULL)
    hw_service_plan_aftercare_page_focus_item (self, table, self->focus_id);
}

void
hw_service_plan_aftercare_page_set_model (HwServicePlanAftercarePage *self,
                                          GListModel *model)
{
  g_return_if_fail (HW_IS_SERVICE_PLAN_AFTERCARE_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  /* connected before and after the list box's own handler */
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changing_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, model, create_row_cb, NULL, NULL);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

gboolean
hw_service_plan_aftercare_page_focus_item (HwServicePlanAftercarePage *self,
                                           const char *table,
                                           gint64      id)
{
  GtkWidget *row;

  g_return_val_if_fail (HW_IS_SERVICE_PLAN_AFTERCARE_PAGE (self), FALSE);

  row = hw_service_plan_item_find_row (self->list, table, id);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
list_row_activated_cb (HwServicePlanAftercarePage *self,
                                                     GtkListBoxRow *row)
{
  g_assert (HW_IS_SERVICE_PLAN_AFTERCARE_PAGE (self));

  g_signal_emit (self, signals[ROW_ACTIVATED], 0, row);
}

static void
hw_service_plan_aftercare_page_dispose (GObject *object)
{
  HwServicePlanAftercarePage *self = HW_SERVICE_PLAN_AFTERCARE_PAGE (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_AFTERCARE_PAGE);
  /* the scrolled window holding the list has no id */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_pointer (&self->focus_table, g_free);

  G_OBJECT_CLASS (hw_service_plan_aftercare_page_parent_class)->dispose (object);
}

static void
hw_service_plan_aftercare_page_class_init (HwServicePlanAftercarePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_service_plan_aftercare_page_dispose;

  /**
   * HwServicePlanAftercarePage::row-activated:
   * @row: the row
   *
   * A row was activated (Enter, or a click): the view opens its item.
   */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-aftercare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanAftercarePage, list);
  gtk_widget_class_bind_template_callback (widget_class, list_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hw_service_plan_aftercare_page_init (HwServicePlanAftercarePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
