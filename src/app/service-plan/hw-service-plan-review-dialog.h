/* hw-service-plan-review-dialog.h: add or change a readiness review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_REVIEW_DIALOG (hw_service_plan_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanReviewDialog, hw_service_plan_review_dialog,
                      HW, SERVICE_PLAN_REVIEW_DIALOG, GtkWindow)

/* @record: (nullable): the review to change (a row of
 * readiness_reviews), or NULL to add one to @case_id, dated @today
 * (YYYY-MM-DD) unless changed. Emits ::saved (gint64 id) once written. */
GtkWindow *hw_service_plan_review_dialog_new (HwStore    *store,
                                              gint64      case_id,
                                              const char *today,
                                              HwRecord   *record);

G_END_DECLS
