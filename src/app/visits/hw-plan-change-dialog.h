/* hw-plan-change-dialog.h: change a visit plan from a date on, step its
 * level up or down, or end it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

typedef enum {
  HW_PLAN_CHANGE_FROM,         /* Change from a Date… */
  HW_PLAN_CHANGE_STEP_UP,      /* Step Up… */
  HW_PLAN_CHANGE_STEP_DOWN,    /* Step Down… */
  HW_PLAN_CHANGE_END,          /* End Plan… */
} HwPlanChangeKind;

#define HW_TYPE_PLAN_CHANGE_DIALOG (hw_plan_change_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwPlanChangeDialog, hw_plan_change_dialog, HW, PLAN_CHANGE_DIALOG, AdwWindow)

/* @toast_widget: (nullable): where the confirmation with Undo is shown
 * once the change is made (the view that opened the dialog) */
HwPlanChangeDialog *hw_plan_change_dialog_new (GtkWindow        *parent,
                                               GtkWidget        *toast_widget,
                                               HwStore          *store,
                                               gint64            case_id,
                                               gint64            series_id,
                                               HwPlanChangeKind  kind);

G_END_DECLS
