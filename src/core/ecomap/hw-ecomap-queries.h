/* hw-ecomap-queries.h: the named queries the ecomap view asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

gint64   hw_ecomap_count_missing     (HwStore     *store,
                                      gint64       case_id,
                                      GError     **error);
gboolean hw_ecomap_has_network_role  (HwStore     *store,
                                      gint64       person_id,
                                      const char  *role,
                                      GError     **error);
gint64   hw_ecomap_network_role_version (HwStore  *store,
                                      gint64       person_id,
                                      const char  *role,
                                      GError     **error);

G_END_DECLS
