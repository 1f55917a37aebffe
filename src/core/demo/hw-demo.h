/* hw-demo.h: a realistic sample family, for the first run and for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* Creates the Morales family with every area filled in, as one edit.
 * Returns the case id, or 0 with @error set (nothing written). */
gint64 hw_demo_create (HwStore  *store,
                       GError  **error);

/* The id of the first person of @case_id with @role, or 0. */
gint64 hw_demo_find_person (HwStore    *store,
                            gint64      case_id,
                            const char *role);

G_END_DECLS
