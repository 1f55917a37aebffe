/* hw-service-plan-readiness-page.c: the readiness chart and reviews.
 *
 * The chart is drawn by the core (hw-readiness-chart.c) from the store,
 * read again when a review or rating changes; the list of reviews is bound
 * to a live list, so an edit replaces the row of that review alone, and
 * the keyboard's place is kept (hw-service-plan-place.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-readiness-page"

#include <adwaita.h>

#include "hw-readiness-chart.h"
#include "hw-service-plan-item.h"
#include "hw-service-plan-place.h"
#include "hw-service-plan-readiness-page.h"
#include "hw-service-plan-review-row.h"

struct _HwServicePlanReadinessPage
{
  GtkWidget         parent_instance;

  HwStore          *store;
  gint64            case_id;
  HwReadinessChart *chart_data;
  guint             fit_id;
  GListModel       *model;
  /* the keyboard's place while the reviews change */
  HwServicePlanPlace place;

  GtkDrawingArea   *chart;
  GtkListBox       *review_list;
};

G_DEFINE_FINAL_TYPE (HwServicePlanReadinessPage, hw_service_plan_readiness_page, GTK_TYPE_WIDGET)

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return hw_service_plan_review_row_new (HW_RECORD (item));
}

/* The chart is as tall as its width needs: nothing is cut off. */
static void
fit_chart (HwServicePlanReadinessPage *self,
           int                         width)
{
  int height;

  g_assert (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));

  if (self->chart_data == NULL || width <= 0)
    return;
  height = (int) hw_readiness_chart_get_height_for_width (self->chart_data, width, 0) + 1;
  if (height != gtk_drawing_area_get_content_height (self->chart))
    gtk_drawing_area_set_content_height (self->chart, height);
}

static void
load_chart (HwServicePlanReadinessPage *self)
{
  g_assert (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));

  g_clear_pointer (&self->chart_data, hw_readiness_chart_free);
  if (self->store != NULL)
    self->chart_data = hw_readiness_chart_load (self->store, self->case_id, NULL);
  fit_chart (self, gtk_widget_get_width (GTK_WIDGET (self->chart)));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
store_changed_cb (HwServicePlanReadinessPage *self,
                  const char                 *table)
{
  g_assert (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));

  if (g_strcmp0 (table, "readiness_reviews") == 0 || g_strcmp0 (table, "readiness_ratings") == 0)
    load_chart (self);
}

static gboolean
fit_chart_idle_cb (gpointer user_data)
{
  HwServicePlanReadinessPage *self = user_data;

  self->fit_id = 0;
  fit_chart (self, gtk_widget_get_width (GTK_WIDGET (self->chart)));
  return G_SOURCE_REMOVE;
}

/* A new size cannot be asked for while being allocated one: fit after. */
static void
chart_resize_cb (GtkDrawingArea             *area,
                 int                         width,
                 int                         height,
                 HwServicePlanReadinessPage *self)
{
  g_assert (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));

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
  HwServicePlanReadinessPage *self = user_data;

  if (self->chart_data != NULL)
    hw_readiness_chart_draw (self->chart_data, cr, width, height, 0);
}

void
hw_service_plan_readiness_page_set_case (HwServicePlanReadinessPage *self,
                                         HwStore                    *store,
                                         gint64                      case_id)
{
  g_return_if_fail (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));
  g_return_if_fail (HW_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  self->case_id = case_id;
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  load_chart (self);
}

/* Before the list box replaces rows: where the keyboard is, if its row
 * is going (a review changed, here or by someone else). */
static void
reviews_changing_cb (HwServicePlanReadinessPage *self,
                     guint                       position,
                     guint                       removed,
                     guint                       added)
{
  g_assert (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));

  hw_service_plan_place_save (&self->place, self->review_list, position, removed);
}

/* After: the focus back on the review's new row, the page where it was. */
static void
reviews_changed_cb (HwServicePlanReadinessPage *self)
{
  g_assert (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));

  hw_service_plan_place_restore (&self->place, self->review_list);
}

void
hw_service_plan_readiness_page_set_model (HwServicePlanReadinessPage *self,
                                          GListModel                 *model)
{
  g_return_if_fail (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  /* connected before and after the list box's own handler */
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (reviews_changing_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->review_list, model, create_row_cb, NULL, NULL);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (reviews_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

gboolean
hw_service_plan_readiness_page_focus_item (HwServicePlanReadinessPage *self,
                                           const char                 *table,
                                           gint64                      id)
{
  GtkWidget *row;

  g_return_val_if_fail (HW_IS_SERVICE_PLAN_READINESS_PAGE (self), FALSE);

  row = hw_service_plan_item_find_row (self->review_list, table, id);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (row);
  return TRUE;
}

static void
list_row_activated_cb (HwServicePlanReadinessPage *self,
                       GtkListBoxRow              *row)
{
  g_assert (HW_IS_SERVICE_PLAN_READINESS_PAGE (self));

  g_signal_emit (self, signals[ROW_ACTIVATED], 0, row);
}

static void
hw_service_plan_readiness_page_dispose (GObject *object)
{
  HwServicePlanReadinessPage *self = HW_SERVICE_PLAN_READINESS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->fit_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_READINESS_PAGE);
  /* the scrolled window holding the list has no id */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->chart_data, hw_readiness_chart_free);
  g_clear_object (&self->store);
  g_clear_object (&self->model);
  hw_service_plan_place_clear (&self->place);

  G_OBJECT_CLASS (hw_service_plan_readiness_page_parent_class)->dispose (object);
}

static void
hw_service_plan_readiness_page_class_init (HwServicePlanReadinessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_service_plan_readiness_page_dispose;

  /**
   * HwServicePlanReadinessPage::row-activated:
   * @row: the row of a review
   */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-readiness-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReadinessPage, chart);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReadinessPage, review_list);
  gtk_widget_class_bind_template_callback (widget_class, list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_resize_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hw_service_plan_readiness_page_init (HwServicePlanReadinessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
}
