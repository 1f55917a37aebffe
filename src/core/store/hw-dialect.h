/* hw-dialect.h: the few pieces of SQL spelled differently on each backend,
 * for the areas' statements to format in (docs/agency-server.md, "The SQL
 * both backends take": everything else is one dialect).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-db.h"

G_BEGIN_DECLS

/* (transfer full): an aggregate joining the text of @expr over a group's
 * rows with @separator between them (in no particular order; NULL for no
 * rows): group_concat() on sqlite, string_agg() on PostgreSQL. @expr is
 * SQL; @separator is plain text, quoted here. */
char *hw_dialect_string_agg (HwDb       *db,
                             const char *expr,
                             const char *separator);

G_END_DECLS
