/* hw-service-plan-place.c: the keyboard's place in a list of the plan,
 * kept while its live list replaces rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-place"

#include "hw-service-plan-item.h"
#include "hw-service-plan-place.h"

static GtkAdjustment *
vadjustment (GtkListBox *list)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);

  return scrolled != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
}

/* The row of @list holding the keyboard focus, or NULL. */
static GtkWidget *
focused_row (GtkListBox *list)
{
  GtkWidget *focus = hw_focus_within (GTK_WIDGET (list));

  if (focus == NULL || focus == GTK_WIDGET (list))
    return NULL;
  return GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

void
hw_service_plan_place_save (HwServicePlanPlace *place,
                            GtkListBox         *list,
                            guint               position,
                            guint               removed)
{
  GtkAdjustment *adjustment;
  GtkWidget *row;
  int index;

  g_return_if_fail (place != NULL);
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  hw_service_plan_place_clear (place);
  row = focused_row (list);
  if (row == NULL)
    return;
  /* a row that stays keeps the focus on its own */
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || (guint) index < position || (guint) index >= position + removed)
    return;

  place->saved = TRUE;
  place->index = index;
  if (HW_IS_SERVICE_PLAN_ITEM (row))
    {
      place->table = g_strdup (hw_service_plan_item_get_item_table (HW_SERVICE_PLAN_ITEM (row)));
      place->id = hw_service_plan_item_get_item_id (HW_SERVICE_PLAN_ITEM (row));
    }
  adjustment = vadjustment (list);
  place->scroll = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
  /* on a button of the row (Add Task, Note, Log Check-in, the check box) */
  hw_focus_memo_save (&place->inside, row);
}

void
hw_service_plan_place_restore (HwServicePlanPlace *place,
                               GtkListBox         *list)
{
  GtkAdjustment *adjustment;
  GtkWidget *row = NULL;

  g_return_if_fail (place != NULL);
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  if (!place->saved)
    return;
  if (place->table != NULL && place->id != 0)
    row = hw_service_plan_item_find_row (list, place->table, place->id);
  /* the item has gone: the row now in its place, or the last */
  for (guint i = place->index; row == NULL && i != G_MAXUINT; i--)
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));

  if (row != NULL)
    {
      hw_focus_memo_restore (&place->inside, row);
      if (focused_row (list) != row)
        gtk_widget_grab_focus (row);
      /* GTK scrolled to the first row when the focused one went */
      adjustment = vadjustment (list);
      if (adjustment != NULL)
        gtk_adjustment_set_value (adjustment, place->scroll);
    }
  hw_service_plan_place_clear (place);
}

void
hw_service_plan_place_clear (HwServicePlanPlace *place)
{
  g_return_if_fail (place != NULL);

  place->saved = FALSE;
  g_clear_pointer (&place->table, g_free);
  place->id = 0;
  place->index = 0;
  place->scroll = 0;
  hw_focus_memo_clear (&place->inside);
}
