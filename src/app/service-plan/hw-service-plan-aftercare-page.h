/* hw-service-plan-aftercare-page.h: support after going home: each kind of support and what is planned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_AFTERCARE_PAGE (hw_service_plan_aftercare_page_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanAftercarePage, hw_service_plan_aftercare_page, HW, SERVICE_PLAN_AFTERCARE_PAGE, GtkWidget)

/* The rows to show: a live list of the core (hw-service-plan-queries.h). */
void     hw_service_plan_aftercare_page_set_model  (HwServicePlanAftercarePage *self,
                                                   GListModel *model);
/* Gives the keyboard focus to the row of @table / @id: FALSE if none. */
gboolean hw_service_plan_aftercare_page_focus_item (HwServicePlanAftercarePage *self,
                                                   const char *table,
                                                   gint64      id);

G_END_DECLS
