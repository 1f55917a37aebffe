/* hw-invalid.c: the one way the core refuses a value (hw-invalid.h); each
 * area's checks had a copy of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-invalid"

#include "hw-invalid.h"
#include "hw-store.h"

gboolean
hw_invalid (GError     **error,
            const char  *format,
            ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, message);
  return FALSE;
}
