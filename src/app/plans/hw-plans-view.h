/* hw-plans-view.h: the "Plans" area of a case: the safety plan and the
 * plan for after the children go home, each with its editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-plan.h"
#include "hw-plan-editor.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PLANS_VIEW (hw_plans_view_get_type ())
G_DECLARE_FINAL_TYPE (HwPlansView, hw_plans_view, HW, PLANS_VIEW, GtkWidget)

GtkWidget    *hw_plans_view_new        (HwStore     *store,
                                        gint64       case_id);
HwPlanEditor *hw_plans_view_get_editor (HwPlansView *self,
                                        HwPlanKind   kind);

G_END_DECLS
