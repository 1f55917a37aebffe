/* hw-service-plan-note-dialog.h: add a progress note to a task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_SERVICE_PLAN_NOTE_DIALOG (hw_service_plan_note_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwServicePlanNoteDialog, hw_service_plan_note_dialog,
                      HW, SERVICE_PLAN_NOTE_DIALOG, GtkWindow)

/* Adds a note to @task_id, dated @today (YYYY-MM-DD) unless changed.
 * The earlier notes shown are those the shared screen may show, or all
 * of them with @show_private. Emits ::saved (gint64 id) once written. */
GtkWindow *hw_service_plan_note_dialog_new (HwStore    *store,
                                            gint64      case_id,
                                            gint64      task_id,
                                            const char *today,
                                            gboolean    show_private);

G_END_DECLS
