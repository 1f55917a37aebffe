/* hw-service-plan-person-page.h: what each person needs to do: each person who has a task, then their tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_PERSON_PAGE (hw_service_plan_person_page_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanPersonPage, hw_service_plan_person_page, HW, SERVICE_PLAN_PERSON_PAGE, GtkWidget)

/* The rows to show: a live list of the core (hw-service-plan-queries.h). */
void     hw_service_plan_person_page_set_model  (HwServicePlanPersonPage *self,
                                                GListModel *model);
/* Gives the keyboard focus to the row of @table / @id: FALSE if none. */
gboolean hw_service_plan_person_page_focus_item (HwServicePlanPersonPage *self,
                                                const char *table,
                                                gint64      id);

G_END_DECLS
