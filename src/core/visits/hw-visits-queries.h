/* hw-visits-queries.h: the named queries the visit dialogs ask
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

char *hw_visits_latest_tzid (HwStore  *store,
                             gint64    case_id,
                             GError  **error);

G_END_DECLS
