/* hw-service-plan-component-row.h: a kind of support after going home, as
 * a title with its Add Support button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_COMPONENT_ROW (hw_service_plan_component_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanComponentRow, hw_service_plan_component_row, HW, SERVICE_PLAN_COMPONENT_ROW, GtkListBoxRow)

/* @component: an aftercare component id */
GtkWidget *hw_service_plan_component_row_new (const char *component);

G_END_DECLS
