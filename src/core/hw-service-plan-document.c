/* hw-service-plan-document.c: the printed service plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan"

#include <glib/gi18n-lib.h>

#include "hw-service-plan.h"

gboolean
hw_service_plan_export_pdf (HwStore                *store,
                            const HwExportOptions  *opts,
                            GError                **error)
{
  /* The shared document renderer (hw-document.h) is not on main yet. */
  g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
               _("Printing the service plan is not available in this build yet."));
  return FALSE;
}
