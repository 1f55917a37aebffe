/* hw-catalog.c: a table's columns and foreign keys from each backend's
 * catalog. The one place outside the schema files that asks the catalog,
 * so the SQL of the areas stays the one dialect both backends take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-catalog"

#include "hw-catalog.h"

static void
column_free (gpointer data)
{
  HwCatalogColumn *c = data;

  g_free (c->name);
  g_free (c->type);
  g_free (c->ref_table);
  g_free (c);
}

static HwCatalogColumn *
find_column (GPtrArray  *columns,
             const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    {
      HwCatalogColumn *c = g_ptr_array_index (columns, i);

      if (g_strcmp0 (c->name, name) == 0)
        return c;
    }
  return NULL;
}

/* PostgreSQL's type names as sqlite's declared ones (hw-schema-pg.c
 * makes INTEGER BIGINT and REAL DOUBLE PRECISION) */
static char *
pg_type (const char *data_type)
{
  if (g_strcmp0 (data_type, "bigint") == 0 || g_strcmp0 (data_type, "integer") == 0
      || g_strcmp0 (data_type, "smallint") == 0 || g_strcmp0 (data_type, "boolean") == 0)
    return g_strdup ("INTEGER");
  if (g_strcmp0 (data_type, "double precision") == 0 || g_strcmp0 (data_type, "real") == 0
      || g_strcmp0 (data_type, "numeric") == 0)
    return g_strdup ("REAL");
  return g_strdup ("TEXT");
}

/* sqlite: the statements differ only in the table's name, which comes
 * from the caller's own list of tables, never from outside */
static gboolean
sqlite_columns (HwDb        *db,
                const char  *table,
                GPtrArray   *columns,
                GError     **error)
{
  g_autofree char *info = g_strdup_printf ("PRAGMA table_info(%s)", table);
  g_autofree char *fks = g_strdup_printf ("PRAGMA foreign_key_list(%s)", table);
  g_autoptr(HwDbStmt) stmt = NULL;
  HwDbStep step;

  stmt = hw_db_prepare (db, info, error);
  if (stmt == NULL)
    return FALSE;
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      HwCatalogColumn *c = g_new0 (HwCatalogColumn, 1);

      c->name = g_strdup (hw_db_stmt_column_text (stmt, 1));
      c->type = g_ascii_strup (hw_db_stmt_column_text (stmt, 2), -1);
      c->not_null = hw_db_stmt_column_int64 (stmt, 3) != 0;
      c->has_default = !hw_db_stmt_column_is_null (stmt, 4);
      g_ptr_array_add (columns, c);
    }
  if (step == HW_DB_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, hw_db_stmt_free);

  stmt = hw_db_prepare (db, fks, error);
  if (stmt == NULL)
    return FALSE;
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      HwCatalogColumn *c = find_column (columns, hw_db_stmt_column_text (stmt, 3));

      if (c != NULL)
        {
          g_free (c->ref_table);
          c->ref_table = g_strdup (hw_db_stmt_column_text (stmt, 2));
        }
    }
  return step != HW_DB_STEP_ERROR;
}

static gboolean
pg_columns (HwDb        *db,
            const char  *table,
            GPtrArray   *columns,
            GError     **error)
{
  g_autoptr(HwDbStmt) stmt = NULL;
  HwDbStep step;

  stmt = hw_db_prepare (db,
                        "SELECT column_name, data_type, is_nullable = 'NO', column_default IS NOT NULL"
                        " FROM information_schema.columns"
                        " WHERE table_schema = current_schema() AND table_name = CAST(? AS TEXT)"
                        " ORDER BY ordinal_position", error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_text (stmt, 1, table);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      HwCatalogColumn *c = g_new0 (HwCatalogColumn, 1);

      c->name = g_strdup (hw_db_stmt_column_text (stmt, 0));
      c->type = pg_type (hw_db_stmt_column_text (stmt, 1));
      /* as on sqlite, where the rowid alias "id" is not declared NOT NULL
       * and has no DEFAULT (PostgreSQL's identity is not a DEFAULT either) */
      c->not_null = hw_db_stmt_column_int64 (stmt, 2) != 0 && g_strcmp0 (c->name, "id") != 0;
      c->has_default = hw_db_stmt_column_int64 (stmt, 3) != 0;
      g_ptr_array_add (columns, c);
    }
  if (step == HW_DB_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, hw_db_stmt_free);

  stmt = hw_db_prepare (db,
                        "SELECT a.attname, f.relname FROM pg_constraint k"
                        " JOIN pg_class t ON t.oid = k.conrelid"
                        " JOIN pg_namespace n ON n.oid = t.relnamespace"
                        " JOIN pg_class f ON f.oid = k.confrelid"
                        " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
                        " WHERE k.contype = 'f' AND n.nspname = current_schema()"
                        " AND t.relname = CAST(? AS TEXT)", error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_text (stmt, 1, table);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      HwCatalogColumn *c = find_column (columns, hw_db_stmt_column_text (stmt, 0));

      if (c != NULL)
        {
          g_free (c->ref_table);
          c->ref_table = g_strdup (hw_db_stmt_column_text (stmt, 1));
        }
    }
  return step != HW_DB_STEP_ERROR;
}

GPtrArray *
hw_catalog_columns (HwDb        *db,
                    const char  *table,
                    GError     **error)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func (column_free);

  g_return_val_if_fail (db != NULL, columns);
  g_return_val_if_fail (table != NULL, columns);

  if (hw_db_get_backend (db) == HW_DB_BACKEND_POSTGRESQL)
    pg_columns (db, table, columns, error);
  else
    sqlite_columns (db, table, columns, error);
  return columns;
}
