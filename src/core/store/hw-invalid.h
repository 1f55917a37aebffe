/* hw-invalid.h: the one way the core refuses a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets @error to HW_STORE_ERROR_INVALID with the message @format (plain
 * words for a parent or a caseworker, already translated) and returns
 * FALSE, so that a check reads `return hw_invalid (error, _("…"));`. */
gboolean hw_invalid (GError     **error,
                     const char  *format,
                     ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
