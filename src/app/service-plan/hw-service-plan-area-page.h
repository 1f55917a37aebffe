/* hw-service-plan-area-page.h: the plan by area: each need, its goals and their tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_AREA_PAGE (hw_service_plan_area_page_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanAreaPage, hw_service_plan_area_page, HW, SERVICE_PLAN_AREA_PAGE, GtkWidget)

/* The rows to show: a live list of the core (hw-service-plan-queries.h). */
void     hw_service_plan_area_page_set_model  (HwServicePlanAreaPage *self,
                                              GListModel *model);
/* Gives the keyboard focus to the row of @table / @id: FALSE if none. */
gboolean hw_service_plan_area_page_focus_item (HwServicePlanAreaPage *self,
                                              const char *table,
                                              gint64      id);

G_END_DECLS
