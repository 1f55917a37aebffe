/* test-db.c: the same HwDb cases on both backends.
 *
 *   test-db --backend=sqlite   (suite core: a file in a temporary folder)
 *   test-db --backend=pg       (suite pg: run by tests/pg-cluster.sh, which
 *                               starts a cluster and sets
 *                               HOMEWARD_TEST_PG_URI; each case gets an
 *                               empty schema of its own)
 *
 * Text (Unicode, empty, quotes) and NULLs read back as written, int64's
 * limits too; a CHECK violation and a foreign key broken at COMMIT are
 * HW_STORE_ERROR_INVALID and keep nothing; a rollback keeps nothing; a `?`
 * inside a string is text, not a parameter; a wrong address or a stopped
 * server is HW_STORE_ERROR_IO and no message holds the password; integers,
 * floats, text and NULL are told apart (hw_db_stmt_column_type ()). On pg,
 * also: the translated schema has every table and column sqlite has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "hw-db.h"
#include "hw-schema.h"
#include "hw-schema-pg.h"
#include "hw-store.h"

static gboolean use_pg;

typedef struct {
  char *dir;      /* sqlite: the temporary folder */
  HwDb *db;
} Fixture;

/* The test schema, in sqlite's words; on PostgreSQL through the same
 * translation as the real schema. */
static const char test_schema[] =
  "CREATE TABLE parents ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  note TEXT,"
  "  n INTEGER,"
  "  x REAL"
  ");"
  "CREATE TABLE children ("
  "  id INTEGER PRIMARY KEY,"
  "  parent_id INTEGER NOT NULL REFERENCES parents(id) ON DELETE CASCADE"
  "    DEFERRABLE INITIALLY DEFERRED,"
  "  name TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

static const char *
pg_uri (void)
{
  return g_getenv ("HOMEWARD_TEST_PG_URI");
}

/* a new connection to the fixture's database (and, on pg, its schema) */
static HwDb *
open_db (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HwDb *db;

  if (use_pg)
    {
      db = hw_db_pg_open (pg_uri (), &error);
      g_assert_no_error (error);
      hw_db_exec (db, "SET search_path = hwtest", &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autofree char *path = g_build_filename (f->dir, "test.db", NULL);

      db = hw_db_sqlite_open (path, &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (db);
  return db;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;

  if (use_pg)
    {
      g_autoptr(HwDb) admin = hw_db_pg_open (pg_uri (), &error);

      g_assert_no_error (error);
      hw_db_exec (admin, "DROP SCHEMA IF EXISTS hwtest CASCADE; CREATE SCHEMA hwtest", &error);
      g_assert_no_error (error);
      g_assert_cmpint (hw_db_get_backend (admin), ==, HW_DB_BACKEND_POSTGRESQL);
    }
  else
    {
      f->dir = g_dir_make_tmp ("homeward-db-XXXXXX", &error);
      g_assert_no_error (error);
    }
  f->db = open_db (f);

  if (data == NULL)
    return;
  schema = use_pg ? hw_schema_pg_translate (test_schema, &error) : g_strdup (test_schema);
  g_assert_no_error (error);
  hw_db_exec (f->db, schema, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->db, hw_db_close);
  if (f->dir)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

      g_assert_cmpint (system (cmd), ==, 0);
      g_free (f->dir);
    }
}

static gint64
count (HwDb       *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_step (stmt, &error), ==, HW_DB_STEP_ROW);
  g_assert_no_error (error);
  return hw_db_stmt_column_int64 (stmt, 0);
}

static gint64
insert_parent (Fixture    *f,
               const char *name,
               GError    **error)
{
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (f->db, "INSERT INTO parents(name) VALUES (?)", error);

  if (stmt == NULL)
    return 0;
  hw_db_stmt_bind_text (stmt, 1, name);
  if (hw_db_stmt_step (stmt, error) != HW_DB_STEP_DONE)
    return 0;
  return hw_db_last_insert_id (f->db);
}

static void
test_text_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const texts[] = {
    "Okafor",
    "",
    "Nguyễn Thị Mai — 家族 👪 ñ ß",
    "O'Brien said \"yes\"; -- not a comment",
    "a ? b ?1 $1 :x",
    "two\nlines\ttab",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDbStmt) insert = NULL;
  g_autoptr(HwDbStmt) select = NULL;
  gint64 ids[G_N_ELEMENTS (texts)];

  insert = hw_db_prepare (f->db, "INSERT INTO parents(name, note) VALUES ('x', ?)", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      hw_db_stmt_reset (insert);
      hw_db_stmt_bind_text (insert, 1, texts[i]);
      g_assert_cmpint (hw_db_stmt_step (insert, &error), ==, HW_DB_STEP_DONE);
      g_assert_no_error (error);
      g_assert_cmpint (hw_db_changes (f->db), ==, 1);
      ids[i] = hw_db_last_insert_id (f->db);
      g_assert_cmpint (ids[i], ==, i + 1);
    }

  select = hw_db_prepare (f->db, "SELECT note, length(note) FROM parents WHERE id = ?", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_column_count (select), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      hw_db_stmt_reset (select);
      hw_db_stmt_bind_int64 (select, 1, ids[i]);
      g_assert_cmpint (hw_db_stmt_step (select, &error), ==, HW_DB_STEP_ROW);
      g_assert_no_error (error);
      g_assert_cmpstr (hw_db_stmt_column_name (select, 0), ==, "note");
      g_assert_false (hw_db_stmt_column_is_null (select, 0));
      g_assert_cmpstr (hw_db_stmt_column_text (select, 0), ==, texts[i]);
      /* characters, not bytes, on both */
      g_assert_cmpint (hw_db_stmt_column_int64 (select, 1), ==,
                       g_utf8_strlen (texts[i], -1));
      g_assert_cmpint (hw_db_stmt_step (select, &error), ==, HW_DB_STEP_DONE);
    }

  /* rows in order, then done */
  {
    g_autoptr(HwDbStmt) all = hw_db_prepare (f->db, "SELECT id FROM parents ORDER BY id", &error);
    guint n = 0;

    g_assert_no_error (error);
    while (hw_db_stmt_step (all, &error) == HW_DB_STEP_ROW)
      g_assert_cmpint (hw_db_stmt_column_int64 (all, 0), ==, ids[n++]);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (texts));
  }

  /* an UPDATE counts its rows; an INSERT of nothing keeps the last id */
  hw_db_exec (f->db, "UPDATE parents SET n = 1 WHERE id > 2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_changes (f->db), ==, G_N_ELEMENTS (texts) - 2);
  hw_db_exec (f->db, "INSERT INTO parents(name) SELECT name FROM parents WHERE id < 0", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_last_insert_id (f->db), ==, ids[G_N_ELEMENTS (texts) - 1]);

  /* a table without id: inserts, no id */
  {
    g_autoptr(HwDbStmt) s = hw_db_prepare (f->db, "INSERT INTO settings(key, value) VALUES (?, ?);",
                                           &error);

    g_assert_no_error (error);
    hw_db_stmt_bind_text (s, 1, "k");
    hw_db_stmt_bind_text (s, 2, "v");
    g_assert_cmpint (hw_db_stmt_step (s, &error), ==, HW_DB_STEP_DONE);
    g_assert_no_error (error);
    g_assert_cmpint (count (f->db, "SELECT count(*) FROM settings WHERE value = 'v'"), ==, 1);
  }
}

static void
test_nulls (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDbStmt) insert = NULL;
  g_autoptr(HwDbStmt) select = NULL;

  insert = hw_db_prepare (f->db, "INSERT INTO parents(name, note, n, x) VALUES ('a', ?, ?, ?)",
                          &error);
  g_assert_no_error (error);
  hw_db_stmt_bind_text (insert, 1, NULL);
  hw_db_stmt_bind_null (insert, 2);
  hw_db_stmt_bind_null (insert, 3);
  g_assert_cmpint (hw_db_stmt_step (insert, &error), ==, HW_DB_STEP_DONE);
  g_assert_no_error (error);

  select = hw_db_prepare (f->db, "SELECT note, n, x, note IS NULL, n = 1 FROM parents", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_step (select, &error), ==, HW_DB_STEP_ROW);
  for (int c = 0; c < 3; c++)
    {
      g_assert_true (hw_db_stmt_column_is_null (select, c));
      g_assert_null (hw_db_stmt_column_text (select, c));
      g_assert_cmpint (hw_db_stmt_column_int64 (select, c), ==, 0);
    }
  /* a truth value is 1 or 0 on both (PostgreSQL's boolean too), NULL
   * compared is NULL */
  g_assert_cmpstr (hw_db_stmt_column_text (select, 3), ==, "1");
  g_assert_cmpint (hw_db_stmt_column_int64 (select, 3), ==, 1);
  g_assert_true (hw_db_stmt_column_is_null (select, 4));

  /* NOT NULL is a rule of the data */
  g_assert_cmpint (insert_parent (f, NULL, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parents"), ==, 1);
}

/* what hw_store_select () makes of each column: integers (a truth value
 * too), floats, text and NULL, told apart on both backends */
static void
test_column_types (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDbStmt) insert = NULL;
  g_autoptr(HwDbStmt) select = NULL;

  insert = hw_db_prepare (f->db, "INSERT INTO parents(name, note, n, x) VALUES ('a', ?, ?, ?)",
                          &error);
  g_assert_no_error (error);
  hw_db_stmt_bind_null (insert, 1);
  hw_db_stmt_bind_int64 (insert, 2, 42);
  hw_db_stmt_bind_double (insert, 3, 1.5);
  g_assert_cmpint (hw_db_stmt_step (insert, &error), ==, HW_DB_STEP_DONE);
  g_assert_no_error (error);

  select = hw_db_prepare (f->db, "SELECT id, name, note, n, x, n = 42, count(*) FROM parents"
                                 " GROUP BY id, name, note, n, x", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_step (select, &error), ==, HW_DB_STEP_ROW);
  g_assert_cmpint (hw_db_stmt_column_type (select, 0), ==, HW_DB_TYPE_INTEGER);
  g_assert_cmpint (hw_db_stmt_column_type (select, 1), ==, HW_DB_TYPE_TEXT);
  g_assert_cmpint (hw_db_stmt_column_type (select, 2), ==, HW_DB_TYPE_NULL);
  g_assert_cmpint (hw_db_stmt_column_type (select, 3), ==, HW_DB_TYPE_INTEGER);
  g_assert_cmpint (hw_db_stmt_column_type (select, 4), ==, HW_DB_TYPE_FLOAT);
  g_assert_cmpint (hw_db_stmt_column_type (select, 5), ==, HW_DB_TYPE_INTEGER);
  g_assert_cmpint (hw_db_stmt_column_type (select, 6), ==, HW_DB_TYPE_INTEGER);
  g_assert_cmpint (hw_db_stmt_column_int64 (select, 3), ==, 42);
  g_assert_cmpfloat (hw_db_stmt_column_double (select, 4), ==, 1.5);
  g_assert_cmpstr (hw_db_stmt_column_text (select, 1), ==, "a");
}

static void
test_int64_limits (Fixture       *f,
                   gconstpointer  data)
{
  static const gint64 values[] = { G_MAXINT64, G_MININT64, 0, -1, 1, G_MAXINT32 + 1LL };
  static const double doubles[] = { 0.1, -1e300, 1.5, 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(HwDbStmt) insert = NULL;
      g_autoptr(HwDbStmt) select = NULL;
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);
      gint64 id;

      insert = hw_db_prepare (f->db, "INSERT INTO parents(name, n, x) VALUES ('a', ?, ?)", &error);
      g_assert_no_error (error);
      hw_db_stmt_bind_int64 (insert, 1, values[i]);
      hw_db_stmt_bind_double (insert, 2, doubles[i % G_N_ELEMENTS (doubles)]);
      g_assert_cmpint (hw_db_stmt_step (insert, &error), ==, HW_DB_STEP_DONE);
      g_assert_no_error (error);
      id = hw_db_last_insert_id (f->db);

      select = hw_db_prepare (f->db, "SELECT n, x FROM parents WHERE id = ? AND n = ?", &error);
      g_assert_no_error (error);
      hw_db_stmt_bind_int64 (select, 1, id);
      hw_db_stmt_bind_int64 (select, 2, values[i]);
      g_assert_cmpint (hw_db_stmt_step (select, &error), ==, HW_DB_STEP_ROW);
      g_assert_no_error (error);
      g_assert_cmpint (hw_db_stmt_column_int64 (select, 0), ==, values[i]);
      g_assert_cmpstr (hw_db_stmt_column_text (select, 0), ==, text);
      g_assert_cmpfloat (hw_db_stmt_column_double (select, 1), ==,
                         doubles[i % G_N_ELEMENTS (doubles)]);
    }
}

static void
test_check_violation (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (insert_parent (f, "  ", &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parents"), ==, 0);
  g_clear_error (&error);

  /* a duplicate key too */
  hw_db_exec (f->db, "INSERT INTO settings(key, value) VALUES ('k', 'v')", &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "INSERT INTO settings(key, value) VALUES ('k', 'w')", &error);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM settings WHERE value = 'v'"), ==, 1);
}

static void
test_deferred_foreign_key (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDb) other = NULL;
  gint64 parent;

  hw_db_begin (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (hw_db_in_transaction (f->db));
  parent = insert_parent (f, "Okafor", &error);
  g_assert_no_error (error);
  /* a child of a parent that does not exist: fine until COMMIT */
  hw_db_exec (f->db, "INSERT INTO children(parent_id, name) VALUES (9999, 'orphan')", &error);
  g_assert_no_error (error);
  g_assert_cmpint (parent, >, 0);
  g_assert_false (hw_db_commit (f->db, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hw_db_in_transaction (f->db));

  /* nothing kept, seen from here and from another connection */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parents"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM children"), ==, 0);
  other = open_db (f);
  g_assert_cmpint (count (other, "SELECT count(*) FROM parents"), ==, 0);

  /* in the other order, the same rows are fine: checked at COMMIT */
  hw_db_begin (f->db, &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "INSERT INTO children(id, parent_id, name) VALUES (1, 7, 'first')", &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "INSERT INTO parents(id, name) VALUES (7, 'later')", &error);
  g_assert_no_error (error);
  hw_db_commit (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (other, "SELECT count(*) FROM children WHERE parent_id = 7"), ==, 1);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  hw_db_begin (f->db, &error);
  g_assert_no_error (error);
  /* one transaction at a time */
  g_assert_false (hw_db_begin (f->db, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY);
  g_clear_error (&error);
  insert_parent (f, "Okafor", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parents"), ==, 1);
  hw_db_rollback (f->db, &error);
  g_assert_no_error (error);
  g_assert_false (hw_db_in_transaction (f->db));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parents"), ==, 0);

  /* a failed step spoils the transaction on both backends: COMMIT
   * keeps nothing, not even the step that worked */
  hw_db_begin (f->db, &error);
  g_assert_no_error (error);
  insert_parent (f, "Okafor", &error);
  g_assert_no_error (error);
  insert_parent (f, "", &error);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hw_db_commit (f->db, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hw_db_in_transaction (f->db));
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parents"), ==, 0);

  /* and the next one works */
  hw_db_begin (f->db, &error);
  g_assert_no_error (error);
  insert_parent (f, "Okafor", &error);
  hw_db_commit (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM parents"), ==, 1);
}

static void
test_placeholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDbStmt) stmt = NULL;
  g_autofree char *rewritten = NULL;
  guint n = 0;

  /* the rewrite itself */
  rewritten = hw_db_rewrite_placeholders ("SELECT '?', \"a?\", ? -- ?\n, ?3 /* ? */, ?, 'it''s ?'",
                                          &n);
  g_assert_cmpstr (rewritten, ==, "SELECT '?', \"a?\", $1 -- ?\n, $3 /* ? */, $4, 'it''s ?'");
  g_assert_cmpuint (n, ==, 4);

  /* and on the backend */
  stmt = hw_db_prepare (f->db,
                        "SELECT '?' AS a, ? AS b, 'it''s ? -- not' AS c, ?2 || ?1 AS d", &error);
  g_assert_no_error (error);
  hw_db_stmt_bind_text (stmt, 1, "x");
  hw_db_stmt_bind_text (stmt, 2, "y");
  g_assert_cmpint (hw_db_stmt_step (stmt, &error), ==, HW_DB_STEP_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_column_count (stmt), ==, 4);
  g_assert_cmpstr (hw_db_stmt_column_text (stmt, 0), ==, "?");
  g_assert_cmpstr (hw_db_stmt_column_text (stmt, 1), ==, "x");
  g_assert_cmpstr (hw_db_stmt_column_text (stmt, 2), ==, "it's ? -- not");
  g_assert_cmpstr (hw_db_stmt_column_text (stmt, 3), ==, "yx");
}

static void
assert_no_secret (const GError *error,
                  const char   *secret)
{
  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_null (strstr (error->message, secret));
}

static void
test_wrong_address (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDb) db = NULL;

  if (!use_pg)
    {
      /* a folder that is not there */
      g_autofree char *path = g_build_filename (f->dir, "missing", "x.db", NULL);

      db = hw_db_sqlite_open (path, &error);
      g_assert_null (db);
      g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
      g_clear_error (&error);
      /* an address is never a file name */
      db = hw_db_sqlite_open ("postgresql:///x", &error);
      g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
      g_assert_false (g_file_test ("postgresql:", G_FILE_TEST_EXISTS));
      return;
    }

  {
    const char *dir = g_getenv ("HOMEWARD_TEST_PG_DIR");
    g_autofree char *down = NULL;
    g_autofree char *wrong = NULL;
    g_autofree char *kv = NULL;
    g_autoptr(HwDb) admin = open_db (f);

    /* no server on this port: as when the server is down */
    down = g_strdup_printf ("postgresql://alice:Secr3t-Down@/homeward_test?host=%s&port=1", dir);
    db = hw_db_open (down, &error);
    g_assert_null (db);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
    assert_no_secret (error, "Secr3t-Down");
    g_assert_nonnull (strstr (error->message, "alice:***@"));
    g_clear_error (&error);

    /* a server that refuses the password */
    hw_db_exec (admin, "DROP ROLE IF EXISTS hw_password;"
                       "CREATE ROLE hw_password LOGIN PASSWORD 'the-right-0ne'", &error);
    g_assert_no_error (error);
    wrong = g_strdup_printf ("postgresql://hw_password:Wr0ng-Pass@/homeward_test?host=%s", dir);
    db = hw_db_open (wrong, &error);
    g_assert_null (db);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
    assert_no_secret (error, "Wr0ng-Pass");
    g_clear_error (&error);
    kv = g_strdup_printf ("host=%s dbname=homeward_test user=hw_password password='Wr0ng Pass2'",
                          dir);
    db = hw_db_pg_open (kv, &error);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
    assert_no_secret (error, "Wr0ng Pass2");
    g_clear_error (&error);

    /* the right one works */
    g_free (wrong);
    wrong = g_strdup_printf ("postgresql://hw_password:the-right-0ne@/homeward_test?host=%s", dir);
    db = hw_db_open (wrong, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (hw_db_get_name (db), "the-right-0ne"));
    g_clear_pointer (&db, hw_db_close);

    /* no password in the address and none typed: the server asks for
     * it, said as such (the window then asks the person) */
    g_free (wrong);
    wrong = g_strdup_printf ("postgresql:///homeward_test?host=%s&user=hw_password", dir);
    db = hw_db_open (wrong, &error);
    g_assert_null (db);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NEEDS_PASSWORD);
    g_assert_nonnull (strstr (error->message, "hw_password"));
    g_clear_error (&error);
    /* a typed password the server refuses: asked again, never shown */
    hw_store_set_server_password ("Typ3d-Wr0ng");
    db = hw_db_open (wrong, &error);
    g_assert_null (db);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NEEDS_PASSWORD);
    assert_no_secret (error, "Typ3d-Wr0ng");
    g_clear_error (&error);
    /* the right one typed: every connection opened after takes it */
    hw_store_set_server_password ("the-right-0ne");
    db = hw_db_open (wrong, &error);
    g_assert_no_error (error);
    g_clear_pointer (&db, hw_db_close);
    db = hw_db_open (wrong, &error);
    g_assert_no_error (error);
    g_clear_pointer (&db, hw_db_close);
    /* forgotten: asked again */
    hw_store_set_server_password (NULL);
    db = hw_db_open (wrong, &error);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NEEDS_PASSWORD);
    g_clear_error (&error);

    /* an address libpq cannot read: its words are not shown */
    db = hw_db_open ("postgresql://bob:Pa55%zzword@/x", &error);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
    assert_no_secret (error, "Pa55");
    g_clear_error (&error);
    hw_db_exec (admin, "DROP ROLE hw_password", &error);
    g_assert_no_error (error);

    /* the server goes away under an open connection: IO, and the
     * transaction is not taken for open */
    db = open_db (f);
    hw_db_begin (db, &error);
    g_assert_no_error (error);
    hw_db_exec (admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                       " WHERE pid <> pg_backend_pid() AND datname = current_database()"
                       " AND application_name = 'homeward'", &error);
    g_assert_no_error (error);
    g_assert_false (hw_db_exec (db, "SELECT 1", &error));
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
    g_clear_error (&error);
    g_assert_false (hw_db_commit (db, &error));
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
  }
}

static void
test_redact (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "postgresql://alice:s3cret@db.example.org:5432/homeward?sslmode=verify-full",
      "postgresql://alice:***@db.example.org:5432/homeward?sslmode=verify-full" },
    { "postgresql://alice@db/homeward?password=s3cret&sslmode=require",
      "postgresql://alice@db/homeward?password=***&sslmode=require" },
    { "host=db user=alice password='s3 cret' dbname=x",
      "host=db user=alice password=*** dbname=x" },
    { "postgres:///homeward", "postgres:///homeward" },
    { "/home/alice/homeward.db", "/home/alice/homeward.db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = hw_db_redact_uri (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* --- the real schema on PostgreSQL (pg only) ------------------------------ */

static int
sort_strings (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* every row of @sql as "a | b | c", sorted */
static GPtrArray *
rows_of (HwDb       *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (db, sql, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  while (hw_db_stmt_step (stmt, &error) == HW_DB_STEP_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int c = 0; c < hw_db_stmt_column_count (stmt); c++)
        g_string_append_printf (row, "%s%s", c ? " | " : "",
                                hw_db_stmt_column_is_null (stmt, c)
                                  ? "NULL" : hw_db_stmt_column_text (stmt, c));
      g_ptr_array_add (out, g_string_free (row, FALSE));
    }
  g_assert_no_error (error);
  g_ptr_array_sort (out, sort_strings);
  return out;
}

/* the same rows from both catalogs, or the test fails naming the rows
 * that differ */
static void
assert_same_rows (const char *what,
                  HwDb       *sqlite,
                  const char *sqlite_sql,
                  HwDb       *pg,
                  const char *pg_sql)
{
  g_autoptr(GPtrArray) a = rows_of (sqlite, sqlite_sql);
  g_autoptr(GPtrArray) b = rows_of (pg, pg_sql);
  g_autoptr(GString) differ = g_string_new (NULL);

  for (guint i = 0, j = 0; i < a->len || j < b->len;)
    {
      const char *x = i < a->len ? g_ptr_array_index (a, i) : NULL;
      const char *y = j < b->len ? g_ptr_array_index (b, j) : NULL;
      int cmp = x == NULL ? 1 : y == NULL ? -1 : strcmp (x, y);

      if (cmp == 0)
        i++, j++;
      else if (cmp < 0)
        g_string_append_printf (differ, "  only on sqlite: %s\n", x), i++;
      else
        g_string_append_printf (differ, "  only on PostgreSQL: %s\n", y), j++;
    }
  g_test_message ("%s: %u on sqlite, %u on PostgreSQL", what, a->len, b->len);
  if (differ->len)
    g_test_message ("%s that differ:\n%s", what, differ->str);
  g_assert_cmpuint (differ->len, ==, 0);
  g_assert_cmpuint (a->len, >, 0);
}

static void
test_schema_same_columns (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-db-schema-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwDb) sqlite = NULL;
  const char * const *tables = hw_schema_get_user_tables ();

  /* the sqlite schema, as the store makes it */
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  sqlite = hw_db_sqlite_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (hw_schema_pg_get_version (f->db, &error), ==, 0);
  hw_schema_pg_migrate (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_schema_pg_get_version (f->db, &error), ==, hw_schema_get_version ());
  /* a second time: nothing to do, nothing broken */
  hw_schema_pg_migrate (f->db, &error);
  g_assert_no_error (error);

  /* every column: its name, whether it may be NULL, its type */
  assert_same_rows ("columns", sqlite,
    "SELECT m.name || '.' || p.name,"
    "  CASE WHEN p.\"notnull\" OR p.pk THEN 'NOT NULL' ELSE 'NULL' END,"
    "  CASE upper(p.type) WHEN 'INTEGER' THEN 'bigint' WHEN 'REAL' THEN 'double precision'"
    "    WHEN 'TEXT' THEN 'text' ELSE p.type END"
    " FROM sqlite_master m, pragma_table_info(m.name) p"
    " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
    f->db,
    "SELECT table_name || '.' || column_name,"
    "  CASE WHEN is_nullable = 'NO' THEN 'NOT NULL' ELSE 'NULL' END, data_type"
    " FROM information_schema.columns"
    " WHERE table_schema = current_schema() AND table_name <> 'hw_schema_version'");

  /* every foreign key: from, to, what a delete does */
  assert_same_rows ("foreign keys", sqlite,
    "SELECT m.name || '.' || k.\"from\", k.\"table\" || '.' || k.\"to\", k.on_delete"
    " FROM sqlite_master m, pragma_foreign_key_list(m.name) k WHERE m.type = 'table'",
    f->db,
    "SELECT t.relname || '.' || a.attname, r.relname || '.' || ra.attname,"
    "  CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'"
    "    WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' ELSE 'SET DEFAULT' END"
    " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
    "  JOIN pg_class r ON r.oid = c.confrelid"
    "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
    "  JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]"
    " WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace");
  /* all checked at COMMIT, so that undo can put rows back in any order */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                                 " AND connamespace = current_schema()::regnamespace"
                                 " AND NOT (condeferrable AND condeferred)"), ==, 0);

  /* every UNIQUE, with its columns in order */
  assert_same_rows ("unique constraints", sqlite,
    "SELECT m.name || '(' || (SELECT group_concat(name, ',') FROM"
    "  (SELECT ii.name FROM pragma_index_info(il.name) ii ORDER BY ii.seqno)) || ')'"
    " FROM sqlite_master m, pragma_index_list(m.name) il"
    " WHERE m.type = 'table' AND il.origin = 'u'",
    f->db,
    "SELECT t.relname || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.n)"
    "  FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)"
    "  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) || ')'"
    " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
    " WHERE c.contype = 'u' AND c.connamespace = current_schema()::regnamespace");

  /* every index the schema makes by name */
  assert_same_rows ("indexes", sqlite,
    "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    f->db,
    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    " AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'");

  /* the same number of CHECKs on each table (sqlite keeps them only in
   * the CREATE text: counted there) */
  for (guint i = 0; tables[i]; i++)
    {
      g_autoptr(HwDbStmt) stmt = NULL;
      g_autofree char *create = NULL;
      g_autofree char *alters = NULL;
      g_autofree char *pg_sql = NULL;
      g_auto(GStrv) parts = NULL;

      stmt = hw_db_prepare (sqlite, "SELECT sql FROM sqlite_master WHERE name = ?", &error);
      g_assert_no_error (error);
      hw_db_stmt_bind_text (stmt, 1, tables[i]);
      g_assert_cmpint (hw_db_stmt_step (stmt, &error), ==, HW_DB_STEP_ROW);
      create = g_strdup (hw_db_stmt_column_text (stmt, 0));
      parts = g_strsplit (create, "CHECK (", -1);
      pg_sql = g_strdup_printf ("SELECT count(*) FROM pg_constraint WHERE contype = 'c'"
                                " AND conrelid = to_regclass('%s')", tables[i]);
      g_test_message ("%s: %u CHECKs", tables[i], g_strv_length (parts) - 1);
      g_assert_cmpint (count (f->db, pg_sql), ==, g_strv_length (parts) - 1);
    }

  g_clear_pointer (&sqlite, hw_db_close);
  g_assert_cmpint (system (cmd), ==, 0);
}

static void
test_schema_behaviour (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) undo = g_ptr_array_new_with_free_func (g_free);
  gint64 case_id;

  hw_schema_pg_migrate (f->db, &error);
  g_assert_no_error (error);

  /* defaults: the same text as sqlite's strftime and randomblob */
  hw_db_exec (f->db, "INSERT INTO cases(family_name) VALUES ('Okafor')", &error);
  g_assert_no_error (error);
  case_id = hw_db_last_insert_id (f->db);
  g_assert_cmpint (case_id, ==, 1);
  stmt = hw_db_prepare (f->db, "SELECT created, status, closed_date FROM cases", &error);
  g_assert_cmpint (hw_db_stmt_step (stmt, &error), ==, HW_DB_STEP_ROW);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       hw_db_stmt_column_text (stmt, 0), 0, 0));
  g_assert_cmpstr (hw_db_stmt_column_text (stmt, 1), ==, "in-care");
  g_assert_true (hw_db_stmt_column_is_null (stmt, 2));
  g_clear_pointer (&stmt, hw_db_stmt_free);
  hw_db_exec (f->db, "INSERT INTO visit_series(case_id, dtstart) VALUES (1, '2026-01-05T10:00:00')",
              &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM visit_series"
                                 " WHERE uid ~ '^[0-9a-f]{32}$'"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM hw_audit"), ==, 0);
  hw_db_exec (f->db, "INSERT INTO hw_audit(author, action, tbl, row_id, change)"
                     " VALUES ('a', 'b', 'cases', 1, 'insert')", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM hw_audit WHERE at ~"
                                 " '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$'"),
                   ==, 1);

  /* CHECKs */
  hw_db_exec (f->db, "UPDATE cases SET status = 'lost'", &error);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  hw_db_exec (f->db, "INSERT INTO people(case_id, name) VALUES (1, '   ')", &error);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* the triggers: closed_date follows the status */
  hw_db_exec (f->db, "UPDATE cases SET status = 'closed'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases WHERE closed_date ="
                                 " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD')"), ==, 1);
  hw_db_exec (f->db, "UPDATE cases SET status = 'reunified'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases WHERE closed_date IS NULL"), ==, 1);
  hw_db_exec (f->db, "INSERT INTO cases(family_name, status) VALUES ('Lee', 'closed')", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases WHERE closed_date IS NOT NULL"),
                   ==, 1);
  hw_db_exec (f->db, "INSERT INTO hw_history(kind, label, first_seq, last_seq)"
                     " VALUES ('undo', 'x', 1, 1)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM hw_history"
                                 " WHERE at > 1700000000"), ==, 1);

  /* the undo journal: off unless the connection turns it on */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM hw_undo_log"), ==, 0);
  hw_db_exec (f->db, "SET " HW_SCHEMA_PG_JOURNAL_SETTING " = on", &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "INSERT INTO people(id, case_id, name, notes) VALUES (5, 1, 'Ada', 'it''s')",
              &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "UPDATE people SET name = 'Ada B', birth_date = '2019-02-03' WHERE id = 5",
              &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "UPDATE cases SET notes = 'a note' WHERE id = 1", &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "DELETE FROM cases WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM people"), ==, 0);
  hw_db_exec (f->db, "SET " HW_SCHEMA_PG_JOURNAL_SETTING " = off", &error);
  g_assert_no_error (error);

  /* undone in reverse, the rows are back as they were */
  stmt = hw_db_prepare (f->db, "SELECT sql FROM hw_undo_log ORDER BY seq DESC", &error);
  g_assert_no_error (error);
  while (hw_db_stmt_step (stmt, &error) == HW_DB_STEP_ROW)
    g_ptr_array_add (undo, g_strdup (hw_db_stmt_column_text (stmt, 0)));
  g_assert_no_error (error);
  g_assert_cmpuint (undo->len, >=, 5);
  hw_db_begin (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < undo->len; i++)
    {
      g_test_message ("undo: %s", (char *) g_ptr_array_index (undo, i));
      hw_db_exec (f->db, g_ptr_array_index (undo, i), &error);
      g_assert_no_error (error);
    }
  hw_db_commit (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM cases"
                                 " WHERE id = 1 AND family_name = 'Okafor' AND notes = ''"
                                 " AND status = 'reunified' AND closed_date IS NULL"), ==, 1);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM people"), ==, 0);

  /* a new id after explicit ones does not collide */
  hw_db_exec (f->db, "INSERT INTO cases(family_name) VALUES ('New')", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_last_insert_id (f->db), >, 2);
}

static void
test_schema_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* another program's tables: not touched */
  hw_db_exec (f->db, "CREATE TABLE invoices (n integer)", &error);
  g_assert_no_error (error);
  g_assert_false (hw_schema_pg_migrate (f->db, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD);
  g_clear_error (&error);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM pg_tables"
                                 " WHERE schemaname = current_schema()"), ==, 1);
  hw_db_exec (f->db, "DROP TABLE invoices", &error);
  g_assert_no_error (error);

  /* a newer Homeward's */
  hw_schema_pg_migrate (f->db, &error);
  g_assert_no_error (error);
  hw_db_exec (f->db, "UPDATE hw_schema_version SET version = 999", &error);
  g_assert_no_error (error);
  g_assert_false (hw_schema_pg_migrate (f->db, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (hw_schema_pg_get_version (f->db, NULL), ==, 999);
}

static gpointer
migrate_thread (gpointer data)
{
  Fixture *f = data;
  g_autoptr(HwDb) db = open_db (f);
  GError *error = NULL;

  hw_schema_pg_migrate (db, &error);
  return error;
}

static void
test_schema_two_at_once (Fixture       *f,
                         gconstpointer  data)
{
  GThread *threads[4];

  /* four programs start on an empty database at the same moment: one
   * migrates, the others wait for it and find nothing to do */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("migrate", migrate_thread, f);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GError) error = g_thread_join (threads[i]);

      g_assert_no_error (error);
    }
  g_assert_cmpint (hw_schema_pg_get_version (f->db, NULL), ==, hw_schema_get_version ());
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM hw_schema_version"), ==, 1);
}

static void
test_translate_every_migration (void)
{
  guint n = 0;
  const char * const *migrations = hw_schema_get_migrations (&n);
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = hw_schema_pg_translate (migrations[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (strstr (sql, ";"));
    }
  /* what cannot be translated is refused, not passed on */
  bad = hw_schema_pg_translate ("CREATE TRIGGER new_one AFTER INSERT ON cases BEGIN SELECT 1; END;",
                                &error);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_null (bad);
  g_clear_error (&error);
  bad = hw_schema_pg_translate ("UPDATE cases SET notes = datetime('now')", &error);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
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
  if (use_pg && pg_uri () == NULL)
    {
      g_printerr ("test-db: SKIP: no PostgreSQL cluster; run it through tests/pg-cluster.sh run\n");
      return 77;
    }

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func, schema) \
  g_test_add ("/db/" name, Fixture, (schema) ? "schema" : NULL, fixture_setup, func, \
              fixture_teardown)
  ADD ("text-round-trip", test_text_round_trip, TRUE);
  ADD ("nulls", test_nulls, TRUE);
  ADD ("int64-limits", test_int64_limits, TRUE);
  ADD ("column-types", test_column_types, TRUE);
  ADD ("check-violation", test_check_violation, TRUE);
  ADD ("deferred-foreign-key", test_deferred_foreign_key, TRUE);
  ADD ("rollback", test_rollback, TRUE);
  ADD ("placeholders", test_placeholders, FALSE);
  ADD ("wrong-address", test_wrong_address, FALSE);
  g_test_add_func ("/db/redact-uri", test_redact);
  g_test_add_func ("/db/translate-every-migration", test_translate_every_migration);
  if (use_pg)
    {
      ADD ("schema/same-columns", test_schema_same_columns, FALSE);
      ADD ("schema/behaviour", test_schema_behaviour, FALSE);
      ADD ("schema/refused", test_schema_refused, FALSE);
      ADD ("schema/two-at-once", test_schema_two_at_once, FALSE);
    }
#undef ADD

  return g_test_run ();
}
