/* hw-demo-private.h: what the sample family's files (hw-demo-*.c) share.
 * Not for use outside src/core/demo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* The id of the person of @case_id called exactly @name, or 0. */
gint64 hw_demo_find_person_named (HwStore    *store,
                                  gint64      case_id,
                                  const char *name);

/* The id of the first person of @case_id with @role who is not alleged to
 * have caused harm, or 0: the sample data never makes that person
 * responsible for the children's safety. */
gint64 hw_demo_find_safe_person  (HwStore    *store,
                                  gint64      case_id,
                                  const char *role);

G_END_DECLS
