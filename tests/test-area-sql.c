/* test-area-sql.c: the areas' SQL is taken by both backends.
 *
 *   test-area-sql --backend=sqlite   (suite core: a store's file)
 *   test-area-sql --backend=pg       (suite pg: run by tests/pg-cluster.sh,
 *                                     the real schema migrated into an
 *                                     empty PostgreSQL schema)
 *
 * /area-sql/prepare-every-statement reads the core's sources (src/core,
 * not src/core/store) and prepares every complete statement it finds
 * written out there as a string: PostgreSQL parses and checks each against
 * the schema at prepare, so a function, a cast or a parameter whose type
 * cannot be inferred fails here, naming its file and line. On sqlite the
 * same statements prepare too (which shows they are read whole).
 * Statements put together from pieces (a table's name in a `%s`, a macro
 * in the middle) are counted as skipped; the names of hw-visits.c and
 * hw-interchange.c must each give some statements.
 *
 * /area-sql/catalog: on pg, hw_catalog_columns () (what the case exporter
 * and importer know of each table) gives the same columns, types, NOT
 * NULLs, defaults and references on PostgreSQL as on sqlite.
 * /area-sql/string-agg: hw_dialect_string_agg () joins text on both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "hw-catalog.h"
#include "hw-db.h"
#include "hw-dialect.h"
#include "hw-schema.h"
#include "hw-schema-pg.h"
#include "hw-store.h"

static gboolean use_pg;

typedef struct {
  char    *dir;     /* the sqlite store's folder */
  HwStore *store;   /* sqlite, on both backends (catalog compares with it) */
  HwDb    *pg;      /* pg only */
  HwDb    *db;      /* the backend under test */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("homeward-area-sql-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  f->db = hw_store_get_connection (f->store);

  if (use_pg)
    {
      f->pg = hw_db_pg_open (g_getenv ("HOMEWARD_TEST_PG_URI"), &error);
      g_assert_no_error (error);
      hw_db_exec (f->pg, "DROP SCHEMA IF EXISTS hwareas CASCADE; CREATE SCHEMA hwareas;"
                         " SET search_path = hwareas", &error);
      g_assert_no_error (error);
      hw_schema_pg_migrate (f->pg, &error);
      g_assert_no_error (error);
      f->db = f->pg;
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_pointer (&f->pg, hw_db_close);
  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

/* --- statements from the sources ----------------------------------------- */

typedef struct {
  char *file;   /* relative to src/core */
  int   line;
  char *sql;    /* NULL: skipped (put together from pieces) */
} Found;

static void
found_free (gpointer data)
{
  Found *s = data;

  g_free (s->file);
  g_free (s->sql);
  g_free (s);
}

static const char *
skip_space (const char *p)
{
  for (;;)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (p[0] == '\\' && p[1] == '\n')
        p += 2;
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          p = end ? end + 2 : p + strlen (p);
        }
      else
        return p;
    }
}

static gboolean
starts_statement (const char *sql)
{
  while (*sql == ' ')
    sql++;
  return g_str_has_prefix (sql, "SELECT ") || g_str_has_prefix (sql, "INSERT ")
         || g_str_has_prefix (sql, "UPDATE ") || g_str_has_prefix (sql, "DELETE ")
         || g_str_has_prefix (sql, "WITH ");
}

/* The string literals of @text, adjacent ones joined (as the compiler
 * does; `%" G_GINT64_FORMAT "` becomes the number 1, and then `%%` is
 * `%`), that start an SQL statement. A statement with another printf
 * conversion, or joined with a macro, is kept as skipped. */
static void
scan_file (const char *rel,
           const char *text,
           GPtrArray  *out)
{
  const char *p = text;
  int line = 1;
  char before = '\0';   /* the last code character before a literal */
  char word[32] = "";   /* and the word it ends, if any */

  while (*p)
    {
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          end = end ? end + 2 : p + strlen (p);
          for (; p < end; p++)
            line += *p == '\n';
          continue;
        }
      if (p[0] == '/' && p[1] == '/')
        {
          while (*p && *p != '\n')
            p++;
          continue;
        }
      if (*p == '\'')
        {
          /* a character constant: '"', '\'', 'x' */
          p++;
          if (*p == '\\')
            p++;
          if (*p)
            p++;
          if (*p == '\'')
            p++;
          continue;
        }
      if (*p == '"')
        {
          g_autoptr(GString) sql = g_string_new (NULL);
          gboolean printf_args = FALSE, pieces = FALSE;
          int start = line;
          const char *after;

          for (;;)
            {
              p++;
              while (*p && *p != '"')
                {
                  if (*p == '\\' && p[1])
                    {
                      g_string_append_c (sql, p[1] == 'n' ? '\n' : p[1]);
                      p += 2;
                      continue;
                    }
                  g_string_append_c (sql, *p++);
                }
              if (*p == '"')
                p++;
              after = skip_space (p);
              for (const char *q = p; q < after; q++)
                line += *q == '\n';
              p = after;
              if (*p == '"')
                continue;
              if (g_str_has_prefix (p, "G_GINT64_FORMAT") && sql->len && sql->str[sql->len - 1] == '%')
                {
                  g_string_truncate (sql, sql->len - 1);
                  g_string_append_c (sql, '1');
                  printf_args = TRUE;
                  p = skip_space (p + strlen ("G_GINT64_FORMAT"));
                  for (const char *q = after; q < p; q++)
                    line += *q == '\n';
                  if (*p == '"')
                    continue;
                }
              break;
            }
          /* joined with a macro, or a macro's text itself */
          if (g_ascii_isalpha (*p) || *p == '_'
              || ((g_ascii_isalnum (before) || before == '_') && strcmp (word, "return") != 0))
            pieces = TRUE;
          if (starts_statement (sql->str))
            {
              Found *s = g_new0 (Found, 1);

              /* a name or a list put in with %s, %d…: made of pieces */
              for (const char *q = sql->str; (q = strchr (q, '%')) != NULL; q++)
                {
                  const char *c = q + 1;

                  if (*c == '%')
                    {
                      printf_args = TRUE;
                      q++;
                      continue;
                    }
                  while (g_ascii_isdigit (*c) || *c == 'l' || *c == '$')
                    c++;
                  if (*c == 's' || *c == 'd' || *c == 'u' || *c == 'i')
                    pieces = TRUE;
                }
              if (printf_args)
                {
                  if (!pieces)
                    {
                      g_auto(GStrv) parts = g_strsplit (sql->str, "%%", -1);
                      g_autofree char *joined = g_strjoinv ("%", parts);

                      g_string_assign (sql, joined);
                    }
                }
              s->file = g_strdup (rel);
              s->line = start;
              s->sql = pieces ? NULL : g_strdup (sql->str);
              g_ptr_array_add (out, s);
            }
          before = '"';
          continue;
        }
      if (g_ascii_isalpha (*p) || *p == '_')
        {
          const char *w = p;

          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          g_strlcpy (word, w, MIN ((gsize) (p - w) + 1, sizeof word));
          before = p[-1];
          continue;
        }
      if (*p == '\n')
        line++;
      if (!g_ascii_isspace (*p))
        {
          before = *p;
          word[0] = '\0';
        }
      p++;
    }
}

static void
scan_dir (const char *root,
          const char *rel,
          GPtrArray  *out)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *child = *rel ? g_build_filename (rel, n, NULL) : g_strdup (n);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          if (g_strcmp0 (child, "store") != 0)
            scan_dir (root, child, out);
        }
      else if (g_str_has_suffix (n, ".c"))
        {
          g_autofree char *text = NULL;

          g_file_get_contents (full, &text, NULL, &error);
          g_assert_no_error (error);
          scan_file (child, text, out);
        }
    }
}

static void
test_prepare_every_statement (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *root = g_build_filename (TEST_SOURCE_DIR, "..", "src", "core", NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (found_free);
  g_autoptr(GString) failed = g_string_new (NULL);
  guint prepared = 0, skipped = 0, visits = 0, interchange = 0;

  scan_dir (root, "", found);
  for (guint i = 0; i < found->len; i++)
    {
      Found *s = g_ptr_array_index (found, i);
      g_auto(GStrv) parts = NULL;

      if (s->sql == NULL)
        {
          skipped++;
          g_test_message ("skipped (made of pieces): %s:%d", s->file, s->line);
          continue;
        }
      /* several statements for hw_store_exec (): one prepare each */
      parts = g_strsplit (s->sql, ";", -1);
      for (guint k = 0; parts[k] != NULL; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(HwDbStmt) stmt = NULL;

          if (*g_strstrip (parts[k]) == '\0')
            continue;
          stmt = hw_db_prepare (f->db, parts[k], &error);
          if (stmt == NULL)
            g_string_append_printf (failed, "  %s:%d: %s\n    %s\n", s->file, s->line,
                                    error->message, parts[k]);
          else
            prepared++;
        }
      if (g_str_has_suffix (s->file, "hw-visits.c"))
        visits++;
      if (g_str_has_suffix (s->file, "hw-interchange.c"))
        interchange++;
    }
  g_test_message ("%u statements prepared on %s, %u skipped", prepared,
                  use_pg ? "PostgreSQL" : "sqlite", skipped);
  if (failed->len)
    g_test_message ("refused:\n%s", failed->str);
  g_assert_cmpuint (failed->len, ==, 0);
  g_assert_cmpuint (prepared, >, 100);
  g_assert_cmpuint (visits, >, 10);
  g_assert_cmpuint (interchange, >, 0);
}

/* --- the catalog ----------------------------------------------------------- */

static char *
columns_text (HwDb       *db,
              const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) columns = hw_catalog_columns (db, table, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < columns->len; i++)
    {
      HwCatalogColumn *c = g_ptr_array_index (columns, i);

      g_string_append_printf (text, "%s %s%s%s%s%s\n", c->name, c->type,
                              c->not_null ? " NOT NULL" : "",
                              c->has_default ? " DEFAULT" : "",
                              c->ref_table ? " REFERENCES " : "",
                              c->ref_table ? c->ref_table : "");
    }
  return g_string_free (text, FALSE);
}

static void
test_catalog (Fixture       *f,
              gconstpointer  data)
{
  HwDb *sqlite = hw_store_get_connection (f->store);
  const char * const *tables = hw_schema_get_user_tables ();
  guint references = 0;

  if (!use_pg)
    {
      g_autofree char *people = columns_text (sqlite, "people");
      g_autofree char *goals = columns_text (sqlite, "goals");

      g_assert_true (g_str_has_prefix (people, "id INTEGER\n"));
      g_assert_nonnull (strstr (people, "\nname TEXT NOT NULL"));
      g_assert_nonnull (strstr (people, "\ncase_id INTEGER NOT NULL REFERENCES cases\n"));
      g_assert_nonnull (strstr (goals, "\nneed_id INTEGER NOT NULL REFERENCES needs\n"));
      return;
    }
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *a = columns_text (sqlite, tables[i]);
      g_autofree char *b = columns_text (f->pg, tables[i]);

      g_test_message ("%s", tables[i]);
      g_assert_cmpstr (b, ==, a);
      g_assert_cmpuint (strlen (a), >, 0);
      references += strstr (a, " REFERENCES ") != NULL;
    }
  g_assert_cmpuint (references, >, 10);
}

/* --- string aggregation ---------------------------------------------------- */

static void
test_string_agg (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *agg = hw_dialect_string_agg (f->db, "t.x || ' ' || t.n", ", ");
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM (SELECT 'it''s' AS x, 1 AS n"
                                          " UNION ALL SELECT 'b', 2) t", agg);
  g_autofree char *none = g_strdup_printf ("SELECT %s FROM (SELECT 'a' AS x, 1 AS n) t"
                                           " WHERE t.n = 0", agg);
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (f->db, sql, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_step (stmt, &error), ==, HW_DB_STEP_ROW);
  text = hw_db_stmt_column_text (stmt, 0);
  g_assert_true (g_strcmp0 (text, "it's 1, b 2") == 0 || g_strcmp0 (text, "b 2, it's 1") == 0);
  g_clear_pointer (&stmt, hw_db_stmt_free);

  stmt = hw_db_prepare (f->db, none, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_step (stmt, &error), ==, HW_DB_STEP_ROW);
  g_assert_true (hw_db_stmt_column_is_null (stmt, 0));
}

int
main (int   argc,
      char *argv[])
{
  const char *backend = "sqlite";

  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "--backend="))
      backend = argv[i] + strlen ("--backend=");
  use_pg = g_str_equal (backend, "pg");
  if (use_pg && g_getenv ("HOMEWARD_TEST_PG_URI") == NULL)
    {
      g_printerr ("test-area-sql: SKIP: no PostgreSQL cluster; run it through tests/pg-cluster.sh run\n");
      return 77;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/area-sql/prepare-every-statement", Fixture, NULL, fixture_setup,
              test_prepare_every_statement, fixture_teardown);
  g_test_add ("/area-sql/catalog", Fixture, NULL, fixture_setup, test_catalog, fixture_teardown);
  g_test_add ("/area-sql/string-agg", Fixture, NULL, fixture_setup, test_string_agg,
              fixture_teardown);
  return g_test_run ();
}
