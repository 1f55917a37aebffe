/* hw-service-plan-view.h: the shared service plan of a case, for a
 * projected screen: by area, by person, due dates, support after going
 * home and readiness reviews.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_VIEW (hw_service_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanView, hw_service_plan_view, HW, SERVICE_PLAN_VIEW, GtkWidget)

GtkWidget *hw_service_plan_view_new (HwStore *store,
                                     gint64   case_id);

/* For tests: judge due dates against @today instead of the local date. */
void       hw_service_plan_view_set_today (HwServicePlanView *self,
                                           const GDate       *today);

G_END_DECLS
