/* hw-catalog.h: what a table holds, as the database's own catalog tells
 * it, on both backends (sqlite's PRAGMA table_info / foreign_key_list,
 * PostgreSQL's information_schema and pg_constraint): for code driven by
 * the schema itself, such as the case exporter and importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-db.h"

G_BEGIN_DECLS

typedef struct {
  char     *name;
  char     *type;        /* INTEGER, REAL or TEXT (upper case) */
  gboolean  not_null;    /* declared NOT NULL (sqlite: not the rowid "id") */
  gboolean  has_default; /* a DEFAULT */
  char     *ref_table;   /* the table a foreign key points to, or NULL */
} HwCatalogColumn;

/* (transfer full) (element-type HwCatalogColumn): the columns of @table
 * in their order, with their foreign keys; empty if there is no such
 * table; what was read so far, with @error set, if the catalog cannot be
 * read */
GPtrArray *hw_catalog_columns (HwDb        *db,
                               const char  *table,
                               GError     **error);

G_END_DECLS
