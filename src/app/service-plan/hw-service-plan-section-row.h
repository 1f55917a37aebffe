/* hw-service-plan-section-row.h: a row that is not a plan item: a section
 * title (a person, "Overdue"), or the words saying there is nothing here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_SECTION_ROW (hw_service_plan_section_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanSectionRow, hw_service_plan_section_row, HW, SERVICE_PLAN_SECTION_ROW, GtkListBoxRow)

/* @title (nullable) as a title, @subtitle (nullable) dimmed under it */
GtkWidget *hw_service_plan_section_row_new (const char *title,
                                            const char *subtitle);

G_END_DECLS
