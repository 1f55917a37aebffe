/* hw-plan-editor.h: the editor of one plan of a case (the safety plan or
 * the plan for after going home): its sections and entries, its date,
 * its agreed versions, and printing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-plan.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PLAN_EDITOR (hw_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (HwPlanEditor, hw_plan_editor, HW, PLAN_EDITOR, GtkWidget)

GtkWidget  *hw_plan_editor_new          (HwStore      *store,
                                         gint64        case_id,
                                         HwPlanKind    kind);
/* The plan's id; created (one edit) when @create and it has none yet. */
gint64      hw_plan_editor_get_plan_id  (HwPlanEditor *self,
                                         gboolean      create);
/* Where the plan stands, as shown ("Version 1, as agreed.") */
const char *hw_plan_editor_get_status   (HwPlanEditor *self);
/* The number of entry rows shown in @section (for tests). */
guint       hw_plan_editor_count_rows   (HwPlanEditor *self,
                                         const char   *section);

G_END_DECLS
