/* hw-interchange.c: one whole case as JSON.
 *
 * The exporter and importer are driven by the schema itself (the columns
 * and foreign keys the database's catalog lists, hw-catalog.h), so every
 * area's tables travel with the case without code of their own, and a new
 * column can never be silently dropped. Through HwDb, in SQL both backends
 * take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-interchange"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hw-catalog.h"
#include "hw-date.h"
#include "hw-interchange.h"
#include "hw-people.h"
#include "hw-placements.h"
#include "hw-schema.h"

G_DEFINE_QUARK (hw-interchange-error-quark, hw_interchange_error)

/* How each table hangs from the case. Tables are listed parents first. */
typedef struct {
  const char *table;
  const char *parent_column;
  const char *parent_table;
} Scope;

static const Scope scopes[] = {
  { "people", "case_id", "cases" },
  { "organisations", "case_id", "cases" },
  { "ecomap_nodes", "case_id", "cases" },
  { "ties", "case_id", "cases" },
  { "ecomap_legend", "case_id", "cases" },
  { "ecomap_snapshots", "case_id", "cases" },
  { "network_members", "case_id", "cases" },
  { "needs", "case_id", "cases" },
  { "goals", "need_id", "needs" },
  { "tasks", "goal_id", "goals" },
  { "progress_notes", "task_id", "tasks" },
  { "aftercare_supports", "case_id", "cases" },
  { "aftercare_checkins", "support_id", "aftercare_supports" },
  { "readiness_reviews", "case_id", "cases" },
  { "readiness_ratings", "review_id", "readiness_reviews" },
  { "meetings", "case_id", "cases" },
  { "meeting_attendees", "meeting_id", "meetings" },
  { "meeting_items", "meeting_id", "meetings" },
  { "meeting_scores", "meeting_id", "meetings" },
  { "meeting_phase_times", "meeting_id", "meetings" },
  { "family_plans", "meeting_id", "meetings" },
  { "visit_series", "case_id", "cases" },
  { "visit_participants", "series_id", "visit_series" },
  { "visit_exceptions", "series_id", "visit_series" },
  { "visit_records", "series_id", "visit_series" },
  { "plans", "case_id", "cases" },
  { "plan_items", "plan_id", "plans" },
  { "plan_versions", "plan_id", "plans" },
  { "case_events", "case_id", "cases" },
  { "placements", "case_id", "cases" },
};

typedef HwCatalogColumn Column;

/* Where a case is kept, not what the family's record says: cases.team_id
 * (schema 11, the team on an agency's server; NULL in a file). Never
 * exported, never imported (the case takes the importing person's team),
 * so the same case exports the same from a file and from a server. */
static gboolean
is_local_column (const char *table,
                 const char *column)
{
  /* a row's version (hw-store.h, "Row versions") is this database's
   * count of its changes, not part of the family's record */
  return g_str_equal (column, "version") ||
         (g_str_equal (table, "cases") && g_str_equal (column, "team_id"));
}

/* Columns of @table in order, "id" first, with their foreign keys (a
 * catalog that cannot be read gives what it gave, as before), without
 * the local ones. */
static GPtrArray *
table_columns (HwDb       *db,
               const char *table)
{
  GPtrArray *columns = hw_catalog_columns (db, table, NULL);

  for (guint c = 0; columns != NULL && c < columns->len; )
    {
      Column *col = g_ptr_array_index (columns, c);

      if (is_local_column (table, col->name))
        g_ptr_array_remove_index (columns, c);
      else
        c++;
    }
  return columns;
}

static const Scope *
find_scope (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    if (g_str_equal (scopes[i].table, table))
      return &scopes[i];
  return NULL;
}

/* SQL selecting the ids of @table's rows that belong to case ?1 */
static char *
scope_ids_sql (const char *table)
{
  const Scope *scope;
  g_autofree char *parent = NULL;

  if (g_str_equal (table, "cases"))
    return g_strdup ("SELECT id FROM cases WHERE id = ?1");

  scope = find_scope (table);
  g_assert (scope != NULL);
  if (g_str_equal (scope->parent_table, "cases"))
    return g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", table, scope->parent_column);

  parent = scope_ids_sql (scope->parent_table);
  return g_strdup_printf ("SELECT id FROM %s WHERE %s IN (%s)", table, scope->parent_column, parent);
}

static JsonNode *
row_to_json (HwDbStmt   *stmt,
             const char *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int n = hw_db_stmt_column_count (stmt);

  json_builder_begin_object (builder);
  for (int i = 0; i < n; i++)
    {
      if (is_local_column (table, hw_db_stmt_column_name (stmt, i)))
        continue;
      json_builder_set_member_name (builder, hw_db_stmt_column_name (stmt, i));
      switch (hw_db_stmt_column_type (stmt, i))
        {
        case HW_DB_TYPE_INTEGER:
          json_builder_add_int_value (builder, hw_db_stmt_column_int64 (stmt, i));
          break;
        case HW_DB_TYPE_FLOAT:
          json_builder_add_double_value (builder, hw_db_stmt_column_double (stmt, i));
          break;
        case HW_DB_TYPE_NULL:
          json_builder_add_null_value (builder);
          break;
        default:
          json_builder_add_string_value (builder, hw_db_stmt_column_text (stmt, i));
          break;
        }
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
add_rows (JsonArray   *array,
          HwDb        *db,
          const char  *table,
          gint64       case_id,
          GError     **error)
{
  g_autofree char *ids = scope_ids_sql (table);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id IN (%s) ORDER BY id", table, ids);
  g_autoptr(HwDbStmt) stmt = NULL;
  HwDbStep step;

  stmt = hw_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, case_id);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    json_array_add_element (array, row_to_json (stmt, table));
  return step == HW_DB_STEP_DONE;
}

JsonNode *
hw_interchange_export_case (HwStore  *store,
                            gint64    case_id,
                            GError  **error)
{
  HwDb *db = hw_store_get_connection (store);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonObject) tables = json_object_new ();
  g_autoptr(JsonArray) cases = json_array_new ();
  JsonNode *node;

  if (!add_rows (cases, db, "cases", case_id, error))
    return NULL;
  if (json_array_get_length (cases) != 1)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("There is no case number %lld in this database"), (long long) case_id);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      JsonArray *rows = json_array_new ();

      if (!add_rows (rows, db, scopes[i].table, case_id, error))
        {
          json_array_unref (rows);
          return NULL;
        }
      json_object_set_array_member (tables, scopes[i].table, rows);
    }

  json_object_set_string_member (root, "format", HW_INTERCHANGE_FORMAT);
  json_object_set_int_member (root, "version", HW_INTERCHANGE_VERSION);
  json_object_set_int_member (root, "schema", hw_schema_get_version ());
  json_object_set_member (root, "case", json_node_ref (json_array_get_element (cases, 0)));
  json_object_set_object_member (root, "tables", g_steal_pointer (&tables));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}

char *
hw_interchange_export_text (HwStore  *store,
                            gint64    case_id,
                            GError  **error)
{
  g_autoptr(JsonNode) node = hw_interchange_export_case (store, case_id, error);
  g_autoptr(JsonGenerator) gen = NULL;
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;
  gen = json_generator_new ();
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

gboolean
hw_interchange_export (HwStore               *store,
                       const HwExportOptions *opts,
                       GError               **error)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (opts->format, "json") != 0)
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FORMAT,
                   _("A whole case can only be exported as json, not “%s”"), opts->format);
      return FALSE;
    }
  /* A case file holds everything, confidential details included. */
  if (opts->recipient.kind != HW_RECIPIENT_AGENCY)
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_RECIPIENT,
                   _("A whole case file holds confidential details, so it is only made for the agency. "
                     "For anyone else, export a document (for example --what safety-plan)."));
      return FALSE;
    }

  text = hw_interchange_export_text (store, opts->case_id, error);
  if (text == NULL)
    return FALSE;
  return hw_export_write_file (opts->output, text, -1, error);
}

/* Import ------------------------------------------------------------------ */

typedef struct {
  HwStore    *store;
  HwDb       *db;
  JsonObject *tables;
  JsonObject *case_obj;
  /* table -> GHashTable(old id -> GINT_TO_POINTER(1)) of ids in the file */
  GHashTable *file_ids;
  /* table -> GHashTable(old id -> new id) */
  GHashTable *id_map;
} Import;

static gboolean
field_error (GError     **error,
             const char  *table,
             guint        index,
             const char  *column,
             const char  *format,
             ...) G_GNUC_PRINTF (5, 6);

static gboolean
field_error (GError     **error,
             const char  *table,
             guint        index,
             const char  *column,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_str_equal (table, "cases"))
    where = g_strdup_printf ("case.%s", column);
  else
    where = g_strdup_printf ("tables.%s[%u].%s", table, index, column);

  g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
               _("Nothing was imported: the field %s is wrong: %s"), where, what);
  return FALSE;
}

static gboolean
is_date_column (const char *name)
{
  return g_str_equal (name, "date") || g_str_has_suffix (name, "_date");
}

static gboolean
is_datetime_column (const char *name)
{
  static const char * const names[] = {
    "starts_at", "dtstart", "occurrence_start", "original_start", "new_start",
    "taken_at", "agreed_on", "created", NULL
  };
  return g_strv_contains (names, name);
}

static gboolean
valid_datetime (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (hw_date_parse (text, NULL))
    return TRUE;
  dt = g_date_time_new_from_iso8601 (text, utc);
  return dt != NULL;
}

static gboolean
check_value (JsonNode    *value,
             Column      *c,
             const char  *table,
             guint        index,
             GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (value))
    {
      if (c->not_null)
        return field_error (error, table, index, c->name, _("it may not be empty (null)"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (value))
    return field_error (error, table, index, c->name, _("expected a plain value, found a list or an object"));

  if (g_str_equal (c->type, "INTEGER"))
    {
      if (json_node_get_value_type (value) != G_TYPE_INT64)
        return field_error (error, table, index, c->name, _("expected a whole number"));
    }
  else if (g_str_equal (c->type, "REAL"))
    {
      GType t = json_node_get_value_type (value);
      if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
        return field_error (error, table, index, c->name, _("expected a number"));
    }
  else
    {
      const char *text;

      if (json_node_get_value_type (value) != G_TYPE_STRING)
        return field_error (error, table, index, c->name, _("expected text"));
      text = json_node_get_string (value);
      if (!g_utf8_validate (text, -1, NULL))
        return field_error (error, table, index, c->name, _("the text is not valid UTF-8"));
      if (*text != '\0' && is_date_column (c->name) && !hw_date_parse (text, NULL))
        return field_error (error, table, index, c->name, _("“%s” is not a real date (use YYYY-MM-DD)"), text);
      if (*text != '\0' && is_datetime_column (c->name) && !valid_datetime (text))
        return field_error (error, table, index, c->name, _("“%s” is not a real date and time"), text);
    }
  return TRUE;
}

static GHashTable *
ids_of (Import     *imp,
        const char *table)
{
  GHashTable *ids = g_hash_table_lookup (imp->file_ids, table);

  if (ids == NULL)
    {
      ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (imp->file_ids, g_strdup (table), ids);
    }
  return ids;
}

/* First pass: collect ids and check every value's type and shape. */
static gboolean
check_rows (Import      *imp,
            const char  *table,
            JsonArray   *rows,
            GPtrArray   *columns,
            GError     **error)
{
  GHashTable *ids = ids_of (imp, table);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      JsonObject *row;
      g_autoptr(GList) members = NULL;
      JsonNode *id_node;
      gint64 id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return field_error (error, table, i, "", _("each row must be an object"));
      row = json_node_get_object (node);

      id_node = json_object_get_member (row, "id");
      if (id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node) ||
          json_node_get_value_type (id_node) != G_TYPE_INT64 ||
          json_node_get_int (id_node) <= 0)
        return field_error (error, table, i, "id", _("every row needs a positive whole number as id"));
      id = json_node_get_int (id_node);
      if (g_hash_table_contains (ids, &id))
        return field_error (error, table, i, "id", _("the id %lld is used twice"), (long long) id);
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));

      members = json_object_get_members (row);
      for (GList *l = members; l; l = l->next)
        {
          gboolean known = FALSE;
          for (guint c = 0; c < columns->len && !known; c++)
            known = g_str_equal (((Column *) g_ptr_array_index (columns, c))->name, l->data);
          if (!known)
            return field_error (error, table, i, l->data, _("there is no such field"));
        }

      for (guint c = 0; c < columns->len; c++)
        {
          Column *col = g_ptr_array_index (columns, c);
          JsonNode *value = json_object_get_member (row, col->name);

          if (value == NULL)
            {
              if (col->not_null && !col->has_default && !g_str_equal (col->name, "id"))
                return field_error (error, table, i, col->name, _("this field is missing"));
              continue;
            }
          if (!check_value (value, col, table, i, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Second pass (after all ids are known): every reference must point to a
 * row of the file, so nothing can attach to another family's data. */
static gboolean
check_references (Import      *imp,
                  const char  *table,
                  JsonArray   *rows,
                  GPtrArray   *columns,
                  GError     **error)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      for (guint c = 0; c < columns->len; c++)
        {
          Column *col = g_ptr_array_index (columns, c);
          JsonNode *value;
          gint64 ref;

          if (col->ref_table == NULL)
            continue;
          value = json_object_get_member (row, col->name);
          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            continue;
          ref = json_node_get_int (value);
          if (!g_hash_table_contains (ids_of (imp, col->ref_table), &ref))
            return field_error (error, table, i, col->name,
                                _("it refers to %s number %lld, which is not in the file"),
                                col->ref_table, (long long) ref);
        }
    }
  return TRUE;
}

static gint64
map_id (Import     *imp,
        const char *table,
        gint64      old_id)
{
  GHashTable *map = g_hash_table_lookup (imp->id_map, table);
  gint64 *new_id = map ? g_hash_table_lookup (map, &old_id) : NULL;
  return new_id ? *new_id : 0;
}

static void
remember_id (Import     *imp,
             const char *table,
             gint64      old_id,
             gint64      new_id)
{
  GHashTable *map = g_hash_table_lookup (imp->id_map, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (imp->id_map, g_strdup (table), map);
    }
  g_hash_table_insert (map, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));
}

/* Inserts the rows of one table, keeping each id where it is free (so a
 * case moved into an empty database comes back exactly) and mapping the
 * references through the ids already given to parent rows. References
 * within the same table (and to tables not written yet) are set in a
 * second step by fix_late_references(). */
static gboolean
write_rows (Import      *imp,
            const char  *table,
            JsonArray   *rows,
            GPtrArray   *columns,
            GPtrArray   *written,
            GError     **error)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(HwRecord) record = hw_record_new (table);
      g_autofree char *taken_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", table);
      gint64 old_id = json_object_get_int_member (row, "id");
      g_autoptr(GError) local_error = NULL;
      gint64 new_id;
      gboolean kept_id = FALSE;

      if (hw_store_query_int (imp->store, 1, taken_sql, G_TYPE_INT64, old_id, G_TYPE_INVALID) == 0)
        {
          hw_record_set_id (record, old_id);
          kept_id = TRUE;
        }

      for (guint c = 0; c < columns->len; c++)
        {
          Column *col = g_ptr_array_index (columns, c);
          JsonNode *value = json_object_get_member (row, col->name);

          if (value == NULL || g_str_equal (col->name, "id"))
            continue;
          if (JSON_NODE_HOLDS_NULL (value))
            hw_record_set_null (record, col->name);
          else if (col->ref_table != NULL)
            {
              gint64 mapped = map_id (imp, col->ref_table, json_node_get_int (value));
              /* not written yet: NULL for now if allowed, else fixed below */
              if (mapped == 0 && !col->not_null)
                hw_record_set_null (record, col->name);
              else
                hw_record_set_int (record, col->name, mapped ? mapped : json_node_get_int (value));
            }
          else if (json_node_get_value_type (value) == G_TYPE_INT64)
            hw_record_set_int (record, col->name, json_node_get_int (value));
          else if (json_node_get_value_type (value) == G_TYPE_DOUBLE)
            hw_record_set_double (record, col->name, json_node_get_double (value));
          else
            hw_record_set_string (record, col->name, json_node_get_string (value));
        }

      new_id = hw_store_insert (imp->store, NULL, record, &local_error);
      /* On a server with row-level security (tools/pg-roles.sql) an id
       * may be taken by a row of another team's case, which the check
       * above cannot see: a new id then (a refused write inside an edit
       * leaves it as it was). */
      if (new_id == 0 && kept_id && hw_store_is_server (imp->store) &&
          g_error_matches (local_error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID))
        {
          g_clear_error (&local_error);
          hw_record_set_id (record, 0);
          new_id = hw_store_insert (imp->store, NULL, record, &local_error);
        }
      if (new_id == 0)
        return field_error (error, table, i, "", "%s", local_error->message);
      remember_id (imp, table, old_id, new_id);
    }
  g_ptr_array_add (written, g_strdup (table));
  return TRUE;
}

static gboolean
fix_late_references (Import      *imp,
                     const char  *table,
                     JsonArray   *rows,
                     GPtrArray   *columns,
                     GError     **error)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 new_id = map_id (imp, table, json_object_get_int_member (row, "id"));
      g_autoptr(HwRecord) record = hw_record_new (table);
      gboolean needed = FALSE;

      hw_record_set_id (record, new_id);
      for (guint c = 0; c < columns->len; c++)
        {
          Column *col = g_ptr_array_index (columns, c);
          JsonNode *value = json_object_get_member (row, col->name);
          gint64 mapped;

          if (col->ref_table == NULL || value == NULL || JSON_NODE_HOLDS_NULL (value))
            continue;
          mapped = map_id (imp, col->ref_table, json_node_get_int (value));
          g_assert (mapped != 0);
          hw_record_set_int (record, col->name, mapped);
          needed = TRUE;
        }
      if (needed)
        {
          g_autoptr(GError) local_error = NULL;
          if (!hw_store_update (imp->store, NULL, record, &local_error))
            return field_error (error, table, i, "", "%s", local_error->message);
        }
    }
  return TRUE;
}

gint64
hw_interchange_import_data (HwStore     *store,
                            const char  *data,
                            gssize       length,
                            GError     **error)
{
  return hw_interchange_import_mapped (store, data, length, NULL, error);
}

gint64
hw_interchange_import_mapped (HwStore     *store,
                              const char  *data,
                              gssize       length,
                              GHashTable **id_map,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) columns_of = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GList) table_names = NULL;
  Import imp = { 0 };
  JsonNode *root;
  JsonObject *obj;
  JsonNode *member;
  g_autoptr(JsonArray) case_rows = NULL;
  gint64 case_id = 0;
  gboolean own = FALSE;

  g_return_val_if_fail (HW_IS_STORE (store), 0);

  if (length < 0)
    length = strlen (data);

  if (length == 0)
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_SYNTAX,
                   _("Nothing was imported: the file is empty"));
      return 0;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_SYNTAX,
                   _("Nothing was imported: the file is not valid JSON (%s)"), local_error->message);
      return 0;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto not_a_case;
  obj = json_node_get_object (root);
  member = json_object_get_member (obj, "format");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (member), HW_INTERCHANGE_FORMAT) != 0)
    goto not_a_case;

  member = json_object_get_member (obj, "version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64)
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
                   _("Nothing was imported: the field version is missing or not a number"));
      return 0;
    }
  if (json_node_get_int (member) > HW_INTERCHANGE_VERSION ||
      (json_object_has_member (obj, "schema") &&
       json_object_get_int_member_with_default (obj, "schema", 0) > (gint64) hw_schema_get_version ()))
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_TOO_NEW,
                   _("Nothing was imported: the file was made by a newer version of Homeward. Update Homeward to import it."));
      return 0;
    }
  if (json_node_get_int (member) < 1)
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
                   _("Nothing was imported: the field version is wrong"));
      return 0;
    }

  member = json_object_get_member (obj, "case");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
                   _("Nothing was imported: the field case is missing or not an object"));
      return 0;
    }
  imp.case_obj = json_node_get_object (member);

  member = json_object_get_member (obj, "tables");
  if (member != NULL && !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
                   _("Nothing was imported: the field tables is not an object"));
      return 0;
    }
  imp.tables = member ? json_node_get_object (member) : NULL;

  imp.store = store;
  imp.db = hw_store_get_connection (store);
  imp.file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  imp.id_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  columns_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  written = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_insert (columns_of, (gpointer) "cases", table_columns (imp.db, "cases"));
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    g_hash_table_insert (columns_of, (gpointer) scopes[i].table, table_columns (imp.db, scopes[i].table));

  /* unknown tables are an error, not something to drop silently */
  if (imp.tables)
    {
      table_names = json_object_get_members (imp.tables);
      for (GList *l = table_names; l; l = l->next)
        if (find_scope (l->data) == NULL)
          {
            g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
                         _("Nothing was imported: the file has an unknown part “tables.%s”"), (char *) l->data);
            goto out;
          }
    }

  case_rows = json_array_new ();
  json_array_add_object_element (case_rows, json_object_ref (imp.case_obj));

  /* Check everything before writing anything. */
  if (!check_rows (&imp, "cases", case_rows, g_hash_table_lookup (columns_of, "cases"), error))
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      JsonNode *rows = imp.tables ? json_object_get_member (imp.tables, scopes[i].table) : NULL;

      if (rows == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (rows))
        {
          g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
                       _("Nothing was imported: the field tables.%s must be a list"), scopes[i].table);
          goto out;
        }
      if (!check_rows (&imp, scopes[i].table, json_node_get_array (rows),
                       g_hash_table_lookup (columns_of, scopes[i].table), error))
        goto out;
    }
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      JsonNode *rows = imp.tables ? json_object_get_member (imp.tables, scopes[i].table) : NULL;

      if (rows != NULL &&
          !check_references (&imp, scopes[i].table, json_node_get_array (rows),
                             g_hash_table_lookup (columns_of, scopes[i].table), error))
        goto out;
    }

  /* Write it all as one edit (or within the caller's, hw-move.c). */
  if (!hw_store_join_edit (store, N_("Import case"), &own, error))
    goto out;

  if (!write_rows (&imp, "cases", case_rows, g_hash_table_lookup (columns_of, "cases"), written, error))
    goto rollback;
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      JsonNode *rows = imp.tables ? json_object_get_member (imp.tables, scopes[i].table) : NULL;

      if (rows != NULL &&
          !write_rows (&imp, scopes[i].table, json_node_get_array (rows),
                       g_hash_table_lookup (columns_of, scopes[i].table), written, error))
        goto rollback;
    }
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      JsonNode *rows = imp.tables ? json_object_get_member (imp.tables, scopes[i].table) : NULL;

      if (rows != NULL &&
          !fix_late_references (&imp, scopes[i].table, json_node_get_array (rows),
                                g_hash_table_lookup (columns_of, scopes[i].table), error))
        goto rollback;
    }

  case_id = map_id (&imp, "cases", json_object_get_int_member (imp.case_obj, "id"));
  /* rules that span rows (a placement is of a child of the case, a worker
   * is a professional of the case) are checked once everything is in */
  if (!hw_placements_check_case (store, case_id, &local_error) ||
      !hw_people_check_workers (store, case_id, &local_error))
    {
      g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FIELD,
                   _("Nothing was imported: %s"), local_error->message);
      goto rollback;
    }
  if (!hw_store_leave_edit (store, own, TRUE, error))
    {
      g_prefix_error (error, _("Nothing was imported: "));
      case_id = 0;
    }
  else if (id_map != NULL)
    *id_map = g_steal_pointer (&imp.id_map);
  goto out;

rollback:
  /* a joined edit is left to its opener, who must roll it back */
  hw_store_leave_edit (store, own, FALSE, NULL);
  case_id = 0;
  goto out;

not_a_case:
  g_set_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_FORMAT,
               _("Nothing was imported: this is not a Homeward case file (the field format must be “%s”)"),
               HW_INTERCHANGE_FORMAT);
  return 0;

out:
  g_clear_pointer (&imp.file_ids, g_hash_table_unref);
  g_clear_pointer (&imp.id_map, g_hash_table_unref);
  return case_id;
}

gint64
hw_interchange_import_file (HwStore     *store,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return 0;
  return hw_interchange_import_data (store, contents, length, error);
}

/* new id -> old id of one table, from hw_interchange_import_mapped()'s map */
static gint64
unmap_one (GHashTable *reverse,
           const char *table,
           gint64      id)
{
  GHashTable *map = g_hash_table_lookup (reverse, table);
  gint64 *old_id = map ? g_hash_table_lookup (map, &id) : NULL;
  return old_id ? *old_id : id;
}

static void
unmap_row (HwDb        *db,
           GHashTable  *reverse,
           GHashTable  *columns_of,
           const char  *table,
           JsonObject  *row)
{
  GPtrArray *columns = g_hash_table_lookup (columns_of, table);

  if (columns == NULL)
    {
      columns = table_columns (db, table);
      g_hash_table_insert (columns_of, (gpointer) table, columns);
    }
  for (guint c = 0; c < columns->len; c++)
    {
      Column *col = g_ptr_array_index (columns, c);
      JsonNode *value = json_object_get_member (row, col->name);
      const char *of = g_str_equal (col->name, "id") ? table : col->ref_table;

      if (of == NULL || value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
          json_node_get_value_type (value) != G_TYPE_INT64)
        continue;
      json_object_set_int_member (row, col->name, unmap_one (reverse, of, json_node_get_int (value)));
    }
}

void
hw_interchange_unmap_ids (HwStore    *store,
                          JsonNode   *export,
                          GHashTable *id_map)
{
  g_autoptr(GHashTable) reverse = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) columns_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  HwDb *db = hw_store_get_connection (store);
  GHashTableIter iter;
  gpointer key, value;
  JsonObject *root, *tables;

  g_return_if_fail (export != NULL && JSON_NODE_HOLDS_OBJECT (export) && id_map != NULL);

  g_hash_table_iter_init (&iter, id_map);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *back = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
      GHashTableIter it;
      gpointer old_id, new_id;

      g_hash_table_iter_init (&it, value);
      while (g_hash_table_iter_next (&it, &old_id, &new_id))
        g_hash_table_insert (back, new_id, old_id);   /* the pointers stay in @id_map */
      g_hash_table_insert (reverse, key, back);
    }

  root = json_node_get_object (export);
  if (json_object_has_member (root, "case"))
    unmap_row (db, reverse, columns_of, "cases", json_object_get_object_member (root, "case"));
  tables = json_object_has_member (root, "tables") ? json_object_get_object_member (root, "tables") : NULL;
  for (guint i = 0; tables != NULL && i < G_N_ELEMENTS (scopes); i++)
    {
      JsonArray *rows = json_object_has_member (tables, scopes[i].table)
                        ? json_object_get_array_member (tables, scopes[i].table) : NULL;

      for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
        unmap_row (db, reverse, columns_of, scopes[i].table, json_array_get_object_element (rows, r));
    }
}
