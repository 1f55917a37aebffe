/* hw-service-plan-item.c: the interface of the service plan's item rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-item"

#include "hw-service-plan-item.h"

G_DEFINE_INTERFACE (HwServicePlanItem, hw_service_plan_item, GTK_TYPE_WIDGET)

static void
hw_service_plan_item_default_init (HwServicePlanItemInterface *iface)
{
}

/**
 * hw_service_plan_item_get_item_table:
 *
 * Returns: the table of the item the row stands for
 */
const char *
hw_service_plan_item_get_item_table (HwServicePlanItem *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_ITEM (self), NULL);

  return HW_SERVICE_PLAN_ITEM_GET_IFACE (self)->get_item_table (self);
}

/**
 * hw_service_plan_item_get_item_id:
 *
 * Returns: the id of the item the row stands for
 */
gint64
hw_service_plan_item_get_item_id (HwServicePlanItem *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_ITEM (self), 0);

  return HW_SERVICE_PLAN_ITEM_GET_IFACE (self)->get_item_id (self);
}

/**
 * hw_service_plan_item_find_row:
 * @list: a list of the plan
 * @table: the item's table
 * @id: the item's id
 *
 * Returns: (transfer none) (nullable): the row of @list for the item
 */
GtkWidget *
hw_service_plan_item_find_row (GtkListBox *list,
                               const char *table,
                               gint64      id)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (HW_IS_SERVICE_PLAN_ITEM (child) &&
        hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (child)) == id &&
        g_strcmp0 (hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (child)), table) == 0)
      return child;
  return NULL;
}
