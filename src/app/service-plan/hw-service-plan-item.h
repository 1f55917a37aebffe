/* hw-service-plan-item.h: what a row of the service plan stands for (a
 * need, goal, task, support or review: its table and id), so that the
 * keyboard actions know the focused row without data hung on widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_ITEM (hw_service_plan_item_get_type ())
G_DECLARE_INTERFACE (HwServicePlanItem, hw_service_plan_item, HW, SERVICE_PLAN_ITEM, GtkWidget)

struct _HwServicePlanItemInterface
{
  GTypeInterface parent_iface;

  /* the table of the plan item ("needs", "goals", "tasks", ...) */
  const char *(*get_item_table) (HwServicePlanItem *self);
  gint64      (*get_item_id)    (HwServicePlanItem *self);
};

const char *hw_service_plan_item_get_item_table (HwServicePlanItem *self);
gint64      hw_service_plan_item_get_item_id    (HwServicePlanItem *self);

/* The row of @list standing for @table / @id, or NULL. */
GtkWidget  *hw_service_plan_item_find_row       (GtkListBox        *list,
                                                 const char        *table,
                                                 gint64             id);

G_END_DECLS
