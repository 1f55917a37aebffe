/* hw-service-plan-due-badge.h: "Overdue" / "Due this week" as an icon and
 * words, never colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_DUE_BADGE (hw_service_plan_due_badge_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanDueBadge, hw_service_plan_due_badge, HW, SERVICE_PLAN_DUE_BADGE, GtkBox)

/* @due_state as hw_due_state_to_string(): the badge shows for "overdue"
 * and "due-this-week" only. */
void hw_service_plan_due_badge_set_due_state (HwServicePlanDueBadge *self,
                                              const char            *due_state);

G_END_DECLS
