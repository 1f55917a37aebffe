/* hw-service-plan-readiness-page.h: the readiness reviews: their chart, the
 * Add Review button and the list of reviews.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_READINESS_PAGE (hw_service_plan_readiness_page_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanReadinessPage, hw_service_plan_readiness_page, HW, SERVICE_PLAN_READINESS_PAGE, GtkWidget)

/* The store and family the chart is drawn from; the chart follows edits. */
void     hw_service_plan_readiness_page_set_case    (HwServicePlanReadinessPage *self,
                                                     HwStore                    *store,
                                                     gint64                      case_id);
/* The reviews to list: hw_service_plan_reviews_list_new(). */
void     hw_service_plan_readiness_page_set_model   (HwServicePlanReadinessPage *self,
                                                     GListModel                 *model);
gboolean hw_service_plan_readiness_page_focus_item  (HwServicePlanReadinessPage *self,
                                                     const char                 *table,
                                                     gint64                      id);

G_END_DECLS
