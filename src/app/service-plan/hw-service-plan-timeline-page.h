/* hw-service-plan-timeline-page.h: the due dates: what is overdue, due this week, later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_TIMELINE_PAGE (hw_service_plan_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanTimelinePage, hw_service_plan_timeline_page, HW, SERVICE_PLAN_TIMELINE_PAGE, GtkWidget)

/* The rows to show: a live list of the core (hw-service-plan-queries.h). */
void     hw_service_plan_timeline_page_set_model  (HwServicePlanTimelinePage *self,
                                                  GListModel *model);
/* Gives the keyboard focus to the row of @table / @id: FALSE if none. */
gboolean hw_service_plan_timeline_page_focus_item (HwServicePlanTimelinePage *self,
                                                  const char *table,
                                                  gint64      id);

G_END_DECLS
