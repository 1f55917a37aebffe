/* hw-dialect.c: SQL spelled per backend (see hw-dialect.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-dialect"

#include "hw-dialect.h"

/* @text as an SQL string literal: 'it''s' */
static char *
quote (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "'", -1);
  g_autofree char *joined = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", joined);
}

char *
hw_dialect_string_agg (HwDb       *db,
                       const char *expr,
                       const char *separator)
{
  g_autofree char *sep = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (expr != NULL && separator != NULL, NULL);

  sep = quote (separator);
  if (hw_db_get_backend (db) == HW_DB_BACKEND_POSTGRESQL)
    return g_strdup_printf ("string_agg(CAST(%s AS TEXT), %s)", expr, sep);
  return g_strdup_printf ("group_concat(%s, %s)", expr, sep);
}
