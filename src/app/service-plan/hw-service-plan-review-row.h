/* hw-service-plan-review-row.h: a readiness review: its date and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_REVIEW_ROW (hw_service_plan_review_row_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanReviewRow, hw_service_plan_review_row, HW, SERVICE_PLAN_REVIEW_ROW, GtkListBoxRow)

GtkWidget *hw_service_plan_review_row_new        (HwRecord *record);
HwRecord  *hw_service_plan_review_row_get_record (HwServicePlanReviewRow *self);

G_END_DECLS
