/* test-store.c: the store, its undo journal, audit trail and refusals.
 *
 *   test-store                 (suite core: sqlite files in temporary folders)
 *   test-store --backend=pg    (suite pg, as store-pg: run by
 *                               tests/pg-cluster.sh, which starts a cluster
 *                               and sets HOMEWARD_TEST_PG_URI; each case
 *                               gets an empty schema of its own)
 *
 * The cases of the store's API run on both backends; what only a file
 * has (its mode, PRAGMAs, refusing damaged files) on sqlite only, and what
 * only a server has (an address that cannot be reached) on pg only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "hw-backup.h"
#include "hw-db.h"
#include "hw-history.h"
#include "hw-record-list.h"
#include "hw-recipient.h"
#include "hw-schema.h"
#include "hw-store.h"

static gboolean use_pg;

typedef struct {
  char    *dir;
  char    *path;    /* the file, or on pg the address of the case's schema */
  HwStore *store;
} Fixture;

static const char *
pg_uri (void)
{
  return g_getenv ("HOMEWARD_TEST_PG_URI");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("homeward-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (use_pg)
    {
      g_autoptr(HwDb) admin = hw_db_pg_open (pg_uri (), &error);

      g_assert_no_error (error);
      hw_db_exec (admin, "SET client_min_messages = warning;"
                         "DROP SCHEMA IF EXISTS hwstore CASCADE; CREATE SCHEMA hwstore", &error);
      g_assert_no_error (error);
      /* every connection of the store in that schema */
      f->path = g_strconcat (pg_uri (), strchr (pg_uri (), '?') ? "&" : "?",
                             "options=-csearch_path%3Dhwstore", NULL);
    }
  else
    f->path = g_build_filename (f->dir, "sub", "homeward.db", NULL);
  f->store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = NULL;

  g_clear_object (&f->store);
  cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
add_case (HwStore    *store,
          const char *name)
{
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (rec, "family_name", name);
  hw_record_set_string (rec, "case_number", "2026-0042");
  id = hw_store_insert (store, "Add case", rec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_person (HwStore    *store,
            gint64      case_id,
            const char *name)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "role", "mother");
  id = hw_store_insert (store, "Add person", rec, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
count (HwStore    *store,
       const char *sql)
{
  return hw_store_query_int (store, -1, sql, G_TYPE_INVALID);
}

static void
test_new_file_is_private (Fixture       *f,
                          gconstpointer  data)
{
  struct stat st;
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (count (f->store, "PRAGMA application_id"), ==, HW_SCHEMA_APPLICATION_ID);
  g_assert_cmpint (count (f->store, "PRAGMA user_version"), ==, hw_schema_get_version ());
  g_assert_cmpint (count (f->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
}

static void
test_insert_update_delete_undo (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(HwRecord) got = NULL;
  g_autofree char *label = NULL;
  gint64 case_id, person;

  g_assert_false (hw_store_can_undo (f->store));
  case_id = add_case (f->store, "Rivera");
  person = add_person (f->store, case_id, "Ana Rivera");

  rec = hw_record_new ("people");
  hw_record_set_id (rec, person);
  hw_record_set_string (rec, "phone", "555-0101");
  g_assert_true (hw_store_update (f->store, "Edit person", rec, &error));
  g_assert_no_error (error);

  got = hw_store_get (f->store, "people", person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (got, "phone"), ==, "555-0101");
  g_assert_cmpstr (hw_record_get_string (got, "name"), ==, "Ana Rivera");
  g_clear_object (&got);

  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Edit person");

  /* undo the edit: phone is back to empty */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  got = hw_store_get (f->store, "people", person, &error);
  g_assert_cmpstr (hw_record_get_string (got, "phone"), ==, "");
  g_clear_object (&got);
  g_assert_true (hw_store_can_redo (f->store));

  /* redo it */
  g_assert_true (hw_store_redo (f->store, &error));
  got = hw_store_get (f->store, "people", person, &error);
  g_assert_cmpstr (hw_record_get_string (got, "phone"), ==, "555-0101");
  g_clear_object (&got);

  /* delete the whole case: people go with it (cascade), undo brings all back */
  g_assert_true (hw_store_delete (f->store, "Delete case", "cases", case_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 1);
  got = hw_store_get (f->store, "people", person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (got, "phone"), ==, "555-0101");
  g_clear_object (&got);

  /* a new edit drops the redo steps */
  g_assert_true (hw_store_undo (f->store, &error)); /* edit person */
  g_assert_true (hw_store_can_redo (f->store));
  add_person (f->store, case_id, "Luis Rivera");
  g_assert_false (hw_store_can_redo (f->store));

  /* undo everything, down to an empty database */
  while (hw_store_can_undo (f->store))
    {
      g_assert_true (hw_store_undo (f->store, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_false (hw_store_undo (f->store, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOTHING_TO_UNDO);
}

static void
test_undo_survives_restart (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id = add_case (f->store, "Nguyen");

  add_person (f->store, case_id, "Mai Nguyen");
  g_clear_object (&f->store);

  f->store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (hw_store_can_undo (f->store));
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 1);
}

static void
test_rules_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  gint64 case_id = add_case (f->store, "Okafor");

  /* an empty name breaks a CHECK: nothing is written, nothing to undo added */
  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", "   ");
  g_assert_cmpint (hw_store_insert (f->store, "Add person", rec, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history"), ==, 1);

  /* a person in a case that does not exist: the deferred key fails at commit */
  g_clear_object (&rec);
  rec = hw_record_new ("people");
  hw_record_set_int (rec, "case_id", 9999);
  hw_record_set_string (rec, "name", "Nobody");
  g_assert_cmpint (hw_store_insert (f->store, "Add person", rec, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_false (hw_store_in_edit (f->store));

  /* updating a row that is gone */
  g_clear_object (&rec);
  rec = hw_record_new ("people");
  hw_record_set_id (rec, 4242);
  hw_record_set_string (rec, "name", "Ghost");
  g_assert_false (hw_store_update (f->store, "Edit person", rec, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "This item no longer exists. It may have been deleted.");
  g_clear_error (&error);
  /* and deleting one */
  g_assert_false (hw_store_delete (f->store, "Delete person", "people", 4242, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "This item no longer exists. It may have been deleted.");
  g_clear_error (&error);
  g_assert_false (hw_store_in_edit (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history"), ==, 1);

  /* an update that breaks a CHECK leaves the row as it was */
  g_clear_object (&rec);
  rec = hw_record_new ("people");
  hw_record_set_id (rec, add_person (f->store, case_id, "Ngozi Okafor"));
  hw_record_set_string (rec, "name", " ");
  g_assert_false (hw_store_update (f->store, "Edit person", rec, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people WHERE name = 'Ngozi Okafor'"), ==, 1);
  g_assert_false (hw_store_in_edit (f->store));

  /* unknown tables are refused before any SQL is made */
  g_assert_false (hw_store_delete (f->store, "x", "sqlite_master", 1, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
}

static void
changed_cb (HwStore    *store,
            const char *table,
            GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

static void
test_changed_and_audit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "audit.csv", NULL);
  g_autofree char *csv = NULL;
  struct stat st;
  gint64 case_id;

  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);
  hw_store_set_author (f->store, "Facilitator Kim");
  case_id = add_case (f->store, "Haddad");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "cases");

  /* one edit with two tables */
  g_assert_true (hw_store_begin_edit (f->store, "Add family", &error));
  add_person (f->store, case_id, "Samir Haddad");
  add_person (f->store, case_id, "Lina Haddad");
  g_assert_cmpuint (seen->len, ==, 1); /* nothing announced before commit */
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "people");

  /* one undo step for the whole edit */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);

  if (hw_store_is_server (f->store))
    {
      /* on a server the author is the role signed in, whatever the
       * program says (the test cluster's superuser) */
      g_assert_cmpstr (hw_store_get_author (f->store), ==, "postgres");
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE author = 'postgres'"), ==, 5);
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE author = 'Facilitator Kim'"), ==, 0);
    }
  else
    g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE author = 'Facilitator Kim'"), ==, 5);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE action = 'Undo: Add family'"), ==, 2);

  g_assert_true (hw_store_export_audit (f->store, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\"at\",\"author\""));
  g_assert_nonnull (strstr (csv, "\"Undo: Add family\""));
  /* the audit trail holds no names of people */
  g_assert_null (strstr (csv, "Samir"));
  g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* hw_store_join_edit(): a helper's writes make their own edit, or join
 * the caller's, whose commit or rollback they leave alone. */
static void
test_join_edit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean own = FALSE;
  gint64 case_id = add_case (f->store, "Haddad");

  /* alone: its own edit, committed when the writes went well */
  g_assert_true (hw_store_join_edit (f->store, "Add two people", &own, &error));
  g_assert_no_error (error);
  g_assert_true (own);
  g_assert_true (hw_store_in_edit (f->store));
  add_person (f->store, case_id, "Samir Haddad");
  add_person (f->store, case_id, "Lina Haddad");
  g_assert_true (hw_store_leave_edit (f->store, own, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (hw_store_in_edit (f->store));
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add two people");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 2);

  /* alone, failed: rolled back */
  g_assert_true (hw_store_join_edit (f->store, "Add one more", &own, &error));
  g_assert_true (own);
  add_person (f->store, case_id, "Omar Haddad");
  g_assert_false (hw_store_leave_edit (f->store, own, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (hw_store_in_edit (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 2);

  /* inside the caller's edit: joined, and a failure is the caller's to
   * roll back */
  g_assert_true (hw_store_begin_edit (f->store, "Caller's edit", &error));
  g_assert_true (hw_store_join_edit (f->store, "Ignored", &own, &error));
  g_assert_false (own);
  add_person (f->store, case_id, "Omar Haddad");
  g_assert_true (hw_store_leave_edit (f->store, own, TRUE, &error));
  g_assert_true (hw_store_in_edit (f->store));
  g_assert_false (hw_store_leave_edit (f->store, own, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_in_edit (f->store));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&label, g_free);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Caller's edit");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 3);
}

static void
test_record_list_follows (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HwRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 case_id = add_case (f->store, "Begay");

  sql = g_strdup_printf ("SELECT id, name FROM people WHERE case_id = %" G_GINT64_FORMAT " ORDER BY name", case_id);
  list = hw_record_list_new (f->store, "people", sql);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  add_person (f->store, case_id, "Zoe Begay");
  add_person (f->store, case_id, "Ava Begay");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(HwRecord) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (hw_record_get_string (first, "name"), ==, "Ava Begay");
  }
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_settings_not_undoable (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (hw_store_set_setting (f->store, "lock-hash", "abc", &error));
  g_assert_true (hw_store_set_setting (f->store, "lock-hash", "def", &error));
  value = hw_store_get_setting (f->store, "lock-hash");
  g_assert_cmpstr (value, ==, "def");
  g_assert_false (hw_store_can_undo (f->store));
}

/* Refusals: the file must stay byte for byte as it was. */

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = checksum_file (path);
  g_autofree char *after = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, HW_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_bad_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-bad-XXXXXX", &error);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *cmd = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Dear diary, this is not a database.\n", -1, NULL));
  assert_refused (text, HW_STORE_ERROR_NOT_HOMEWARD);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (other, HW_STORE_ERROR_NOT_HOMEWARD);

  /* a Homeward database from the future */
  {
    g_autoptr(HwStore) store = hw_store_open (newer, &error);
    g_assert_no_error (error);
    add_case (store, "Future");
  }
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (newer, HW_STORE_ERROR_TOO_NEW);

  /* a good database cut short */
  {
    g_autoptr(HwStore) store = hw_store_open (truncated, &error);
    g_autofree char *contents = NULL;
    gsize len;
    g_assert_no_error (error);
    for (int i = 0; i < 200; i++)
      add_case (store, "Many families to make the file several pages long");
    g_clear_object (&store);
    g_assert_cmpint (sqlite3_open (truncated, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_true (g_file_get_contents (truncated, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 8192);
    g_assert_true (g_file_set_contents (truncated, contents, len / 2, NULL));
  }
  assert_refused (truncated, HW_STORE_ERROR_CORRUPT);

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* Root may write to anything, so as root the check runs in a child that
 * has become "nobody". */
static void
assert_refused_as_user (const char *path,
                        int         code)
{
  pid_t pid;
  int status = 0;

  if (getuid () != 0)
    {
      assert_refused (path, code);
      return;
    }
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (3);
      assert_refused (path, code);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_refuse_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-ro-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "folder", NULL);
  g_autofree char *path = g_build_filename (sub, "ro.db", NULL);
  g_autofree char *cmd = NULL;

  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    g_assert_no_error (error);
    add_case (store, "Read Only");
  }
  /* leave no WAL beside it, so that reading needs no writing */
  {
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (sub, 0777), ==, 0);

  /* a read-only file */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused_as_user (path, HW_STORE_ERROR_READ_ONLY);

  /* a writable file in a read-only folder */
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  assert_refused_as_user (path, HW_STORE_ERROR_READ_ONLY);

  g_assert_cmpint (g_chmod (sub, 0700), ==, 0);
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* A Homeward file at an older data version (here 0: made but never
 * filled) is brought up to date in place, and opening it again changes
 * nothing. */
static void
test_migrates_older_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-migrate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *cmd = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 0;", HW_SCHEMA_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "PRAGMA user_version"), ==, hw_schema_get_version ());
    add_case (store, "Upgraded");
  }
  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "PRAGMA user_version"), ==, hw_schema_get_version ());
    g_assert_cmpint (count (store, "SELECT count(*) FROM cases WHERE family_name = 'Upgraded'"), ==, 1);
  }

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

static void
test_recipients (void)
{
  HwRecipient family, agency, screen, support;
  g_autoptr(GError) error = NULL;
  g_autofree char *norm = NULL;

  g_assert_true (hw_recipient_parse ("family", &family, NULL));
  g_assert_true (hw_recipient_parse ("agency", &agency, NULL));
  g_assert_true (hw_recipient_parse ("screen", &screen, NULL));
  g_assert_true (hw_recipient_parse ("person:12", &support, NULL));
  g_assert_cmpint (support.kind, ==, HW_RECIPIENT_SUPPORT);
  g_assert_cmpint (support.person_id, ==, 12);
  g_assert_false (hw_recipient_parse ("person:abc", &support, &error));
  g_clear_error (&error);
  g_assert_false (hw_recipient_parse ("neighbours", &support, &error));
  g_clear_error (&error);

  /* nothing confidential: everyone sees it */
  g_assert_true (hw_recipient_may_see (&family, FALSE, ""));
  g_assert_true (hw_recipient_may_see (&screen, FALSE, ""));
  /* withheld from the family only */
  g_assert_false (hw_recipient_may_see (&family, TRUE, "family"));
  g_assert_true (hw_recipient_may_see (&agency, TRUE, "family"));
  g_assert_false (hw_recipient_may_see (&screen, TRUE, "family"));
  /* confidential without a list: the agency only */
  g_assert_false (hw_recipient_may_see (&family, TRUE, ""));
  g_assert_true (hw_recipient_may_see (&agency, TRUE, ""));
  g_assert_false (hw_recipient_may_see (&screen, TRUE, ""));

  g_assert_true (hw_recipient_normalise_set (" screen, family ", &norm, &error));
  g_assert_cmpstr (norm, ==, "family,screen");
  g_assert_false (hw_recipient_normalise_set ("family,cousins", NULL, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

/* A case's closed_date follows its status (data version 2), and undo
 * brings both back together. */
static void
test_closed_date_follows_status (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gint64 id = add_case (f->store, "Okafor");
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                                          " AND closed_date IS NULL", id);
  g_autofree char *closed_today = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                                                   " AND closed_date = '%s'", id, today);

  g_assert_cmpint (count (f->store, sql), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT sample FROM cases"), ==, 0);

  rec = hw_store_get (f->store, "cases", id, &error);
  g_assert_no_error (error);
  hw_record_set_string (rec, "status", "closed");
  g_assert_true (hw_store_update (f->store, "Close case", rec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, closed_today), ==, 1);

  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, sql), ==, 1);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, closed_today), ==, 1);

  /* reopened: no closed date */
  g_clear_object (&rec);
  rec = hw_store_get (f->store, "cases", id, &error);
  hw_record_set_string (rec, "status", "reunified");
  g_assert_true (hw_store_update (f->store, "Reopen case", rec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, sql), ==, 1);
}

/* One edit that inserts a row and then changes it is audited as the
 * insert alone; a later change is audited as a change. */
static void
test_audit_insert_then_update (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  gint64 id;

  g_assert_true (hw_store_begin_edit (f->store, "Import case", &error));
  hw_record_set_string (rec, "family_name", "Okafor");
  id = hw_store_insert (f->store, NULL, rec, &error);
  g_assert_no_error (error);
  hw_record_set_id (rec, id);
  hw_record_set_string (rec, "case_number", "2026-0099");
  g_assert_true (hw_store_update (f->store, NULL, rec, &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE tbl = 'cases'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE change = 'insert'"), ==, 1);

  hw_record_set_string (rec, "case_number", "2026-0100");
  g_assert_true (hw_store_update (f->store, "Edit family details", rec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit WHERE change = 'update'"), ==, 1);
}

/* An address is never taken as a file name: nothing is created (not a
 * folder "postgresql:" in the working folder). A PostgreSQL address is a
 * server (here none is listening: HW_STORE_ERROR_IO), any other is
 * refused with a clear message. */
static void
test_refuse_address (void)
{
  static const char * const addresses[] = {
    "postgresql:///homeward?host=/nonexistent-hw-socket-dir",
    "postgresql://caseworker@/homeward?host=/nonexistent-hw-socket-dir",
    "postgres:///x?host=/nonexistent-hw-socket-dir",
    "POSTGRESQL:///d?host=/nonexistent-hw-socket-dir",
    "https://example.org/homeward.db", "sqlite3://x",
    "postgresql://alice:s3cret-pw@/homeward?host=/nonexistent-hw-socket-dir",
    "ftp://alice:s3cret-pw@example.org/x.db",
  };
  static const char * const files[] = {
    "homeward.db", "./postgresql", "my:file.db", "C-drive/x.db", "postgresql.db",
  };
  g_autofree char *dir = g_dir_make_tmp ("hw-test-address-XXXXXX", NULL);
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_nonnull (dir);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;
      HwStore *store;

      g_assert_true (hw_store_is_address (addresses[i]));
      store = hw_store_open (addresses[i], &error);
      g_assert_null (store);
      if (g_ascii_strncasecmp (addresses[i], "postgres", 8) == 0)
        g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
      else
        {
          g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "address of a database server Homeward cannot use"));
        }
      /* a password in the address is never repeated */
      g_assert_null (strstr (error->message, "s3cret"));
      /* nothing made */
      listing = g_dir_open (".", 0, NULL);
      g_assert_null (g_dir_read_name (listing));
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_false (hw_store_is_address (files[i]));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The store's helpers run on HwDb (hw_store_get_connection ()): sqlite's
 * refusals reach the caller with the same HwStoreError codes and words as
 * when they ran on sqlite3_* (hw_store_set_sqlite_error ()). */
static void
test_errors_through_hwdb (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  sqlite3 *db = hw_store_get_db (f->store);
  sqlite3 *other = NULL;
  gint64 case_id = add_case (f->store, "Okafor");

  g_assert_nonnull (hw_store_get_connection (f->store));
  g_assert_cmpint (hw_db_get_backend (hw_store_get_connection (f->store)), ==,
                   HW_DB_BACKEND_SQLITE);

  /* SQLITE_CONSTRAINT: a CHECK */
  rec = hw_record_new ("people");
  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", " ");
  g_assert_cmpint (hw_store_insert (f->store, "Add person", rec, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message,
                                   "This change would break a rule of the data (CHECK constraint"));
  g_clear_error (&error);

  /* SQLITE_ERROR: SQL that does not make sense */
  g_assert_true (hw_store_begin_edit (f->store, "x", &error));
  g_assert_false (hw_store_exec (f->store, "UPDATE nowhere SET a = 1", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "The database could not be read or written (no such table: nowhere)");
  g_clear_error (&error);
  /* sqlite's rule, kept: a refused statement does not spoil the edit */
  g_assert_true (hw_store_exec (f->store, "UPDATE cases SET family_name = 'Ade'", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM cases WHERE family_name = ?",
                                       G_TYPE_STRING, "Ade", G_TYPE_INVALID), ==, 1);
  rows = hw_store_select (f->store, "cases", &error, "SELECT * FROM nowhere", G_TYPE_INVALID);
  g_assert_null (rows);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
  g_clear_error (&error);

  /* SQLITE_READONLY */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (hw_store_set_setting (f->store, "k", "v", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "The database cannot be written to (it is read-only) "
                                       "(attempt to write a readonly database)");
  g_clear_error (&error);
  hw_record_set_string (rec, "name", "Ngozi");
  g_assert_cmpint (hw_store_insert (f->store, "Add person", rec, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (hw_store_in_edit (f->store));
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);

  /* SQLITE_FULL: no room for one more page */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  hw_record_set_string (rec, "notes", big);
  g_assert_cmpint (hw_store_insert (f->store, "Add person", rec, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "The disk is full, so nothing was saved. "
                                       "Free some space and try again (database or disk is full)");
  g_clear_error (&error);
  g_assert_false (hw_store_in_edit (f->store));
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==,
                   SQLITE_OK);

  /* SQLITE_BUSY: another program holds the write lock (no waiting here) */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  g_assert_false (hw_store_begin_edit (f->store, "x", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "The database is in use by another program (database is locked)");
  g_clear_error (&error);
  g_assert_false (hw_store_in_edit (f->store));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  sqlite3_busy_timeout (db, 5000);

  /* and everything works again, the audit trail included */
  hw_record_set_string (rec, "notes", "fine");
  g_assert_cmpint (hw_store_insert (f->store, "Add person", rec, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM hw_audit WHERE tbl = 'people'"
                                       " AND change = 'insert'", G_TYPE_INVALID), ==, 1);
}

/* A write the store refuses inside an edit leaves the edit as it was: the
 * caller carries on, and the commit keeps the other writes (sqlite's rule;
 * on PostgreSQL each write runs in a savepoint for it). */
static void
test_refused_write_keeps_edit (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) bad = hw_record_new ("people");
  g_autoptr(HwRecord) gone = hw_record_new ("people");
  g_autofree char *label = NULL;
  gint64 case_id = add_case (f->store, "Mensah");

  g_assert_true (hw_store_begin_edit (f->store, "Add family", &error));
  add_person (f->store, case_id, "Kofi Mensah");
  /* a CHECK */
  hw_record_set_int (bad, "case_id", case_id);
  hw_record_set_string (bad, "name", "  ");
  g_assert_cmpint (hw_store_insert (f->store, NULL, bad, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hw_store_in_edit (f->store));
  /* a row that is not there */
  hw_record_set_id (gone, 4242);
  hw_record_set_string (gone, "name", "Ghost");
  g_assert_false (hw_store_update (f->store, NULL, gone, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* SQL that makes no sense */
  g_assert_false (hw_store_exec (f->store, "UPDATE nowhere SET a = 1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* and the edit carries on */
  add_person (f->store, case_id, "Ama Mensah");
  g_assert_true (hw_store_exec (f->store, "UPDATE cases SET case_number = '2026-0001'", &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE case_number = '2026-0001'"), ==, 1);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add family");
  /* one step: undo takes both people and the case number back */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases WHERE case_number = '2026-0042'"), ==, 1);
}

/* A rolled-back edit keeps nothing, announces nothing and adds no step. */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 case_id = add_case (f->store, "Tran");
  gint64 n_audit = count (f->store, "SELECT count(*) FROM hw_audit");

  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_true (hw_store_begin_edit (f->store, "Add person", &error));
  add_person (f->store, case_id, "Linh Tran");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 1);
  hw_store_rollback_edit (f->store);
  g_assert_false (hw_store_in_edit (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_audit"), ==, n_audit);
  g_assert_cmpuint (seen->len, ==, 0);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add case");
  g_assert_false (hw_store_can_redo (f->store));
  /* and the next edit works */
  add_person (f->store, case_id, "Linh Tran");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 1);
}

/* The undo history keeps at most the steps it is allowed: the oldest go,
 * and what is left still undoes in order. */
static void
test_history_bounds (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_undone = 0;

  g_assert_true (hw_history_set_max_steps (f->store, HW_HISTORY_MIN_STEPS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hw_history_get_max_steps (f->store), ==, HW_HISTORY_MIN_STEPS);
  for (guint i = 0; i < 3 * HW_HISTORY_MIN_STEPS; i++)
    add_case (f->store, "Lee");
  /* pruned now and then, with a margin (hw-history.c) */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'undo'"), <,
                   3 * HW_HISTORY_MIN_STEPS);
  g_assert_true (hw_history_prune (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE kind = 'undo'"), ==,
                   HW_HISTORY_MIN_STEPS);
  /* the journal holds the statements of the steps kept only */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log"), ==, HW_HISTORY_MIN_STEPS);
  while (hw_store_can_undo (f->store))
    {
      g_assert_true (hw_store_undo (f->store, &error));
      g_assert_no_error (error);
      n_undone++;
    }
  g_assert_cmpuint (n_undone, ==, HW_HISTORY_MIN_STEPS);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM cases"), ==, 2 * HW_HISTORY_MIN_STEPS);
}

/* Another program (here a second store on the same database) changes it:
 * hw_store_refresh () says so once and announces every table; the store's
 * own edits are not "another program". */
static void
test_refresh_other_program (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = hw_store_open (f->path, &error);
  g_autofree char *label = NULL;
  gint64 case_id;

  g_assert_no_error (error);
  g_assert_false (hw_store_refresh (f->store));
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);

  /* own edits */
  case_id = add_case (f->store, "Diaz");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_false (hw_store_refresh (f->store));
  g_assert_cmpuint (seen->len, ==, 1);

  /* the other program's */
  add_person (other, case_id, "Rosa Diaz");
  g_assert_true (hw_store_refresh (f->store));
  g_assert_true (g_ptr_array_find_with_equal_func (seen, "people", g_str_equal, NULL));
  /* sqlite: every table; PostgreSQL: the tables changed (LISTEN/NOTIFY) */
  g_assert_cmpuint (seen->len, >=, 2);
  g_assert_false (hw_store_refresh (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 1);
  /* its undo step is in the one history */
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add person");

  /* an own edit after the other's: still not another program */
  g_ptr_array_set_size (seen, 0);
  add_person (f->store, case_id, "Luis Diaz");
  g_assert_false (hw_store_refresh (f->store));

  /* the other program undoes */
  g_assert_true (hw_store_undo (other, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_refresh (f->store));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people"), ==, 1);
  g_assert_true (hw_store_can_redo (f->store));
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static guint
n_seen (GPtrArray  *seen,
        const char *table)
{
  guint n = 0;

  for (guint i = 0; i < seen->len; i++)
    n += g_str_equal (g_ptr_array_index (seen, i), table);
  return n;
}

/* runs the main loop (never hw_store_refresh()) until @table was
 * announced or @ms passed; the milliseconds it took, or -1 */
static gint64
wait_for (GPtrArray  *seen,
          const char *table,
          guint       ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timed_out_cb, &timed_out);
  gint64 start = g_get_monotonic_time ();

  while (n_seen (seen, table) == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return n_seen (seen, table) > 0 ? (g_get_monotonic_time () - start) / 1000 : -1;
}

/* PostgreSQL: another program's committed edit is announced by
 * LISTEN/NOTIFY within a second, with the main loop running and no
 * hw_store_refresh(); an edit rolled back is not; a setting is; the
 * store's own edits are announced once, by their commit. */
static void
test_server_notify (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = hw_store_open (f->path, &error);
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  gint64 case_id, ms;

  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);

  /* the other's committed edit */
  case_id = add_case (other, "Diaz");
  ms = wait_for (seen, "cases", 1000);
  g_test_message ("another program's edit announced after %" G_GINT64_FORMAT " ms", ms);
  g_assert_cmpint (ms, >=, 0);
  g_assert_cmpuint (n_seen (seen, "cases"), ==, 1);

  /* rolled back: never announced (notifications come in the order of
   * the commits, so the setting committed after it proves it) */
  g_assert_true (hw_store_begin_edit (other, "Add person", &error));
  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", "Rosa Diaz");
  hw_record_set_string (rec, "role", "mother");
  g_assert_cmpint (hw_store_insert (other, "Add person", rec, &error), >, 0);
  g_assert_no_error (error);
  hw_store_rollback_edit (other);
  g_assert_true (hw_store_set_setting (other, "language", "es", &error));
  g_assert_no_error (error);
  g_assert_cmpint (wait_for (seen, "hw_settings", 5000), >=, 0);
  g_assert_cmpuint (n_seen (seen, "people"), ==, 0);

  /* own edits: announced once, by the commit */
  g_ptr_array_set_size (seen, 0);
  add_person (f->store, case_id, "Luis Diaz");
  g_assert_cmpuint (n_seen (seen, "people"), ==, 1);
  g_assert_true (hw_store_set_setting (f->store, "language", "en", &error));
  g_assert_true (hw_store_set_setting (other, "language", "fr", &error));
  g_assert_cmpint (wait_for (seen, "hw_settings", 5000), >=, 0);
  g_assert_cmpuint (n_seen (seen, "people"), ==, 1);
  g_assert_cmpuint (n_seen (seen, "hw_settings"), ==, 1);
  g_assert_false (hw_store_refresh (f->store));

  /* the other's edit while this store has an edit open: announced when
   * it ends */
  g_ptr_array_set_size (seen, 0);
  g_assert_true (hw_store_begin_edit (f->store, "Own edit", &error));
  add_person (other, case_id, "Ana Diaz");
  g_assert_false (hw_store_refresh (f->store));
  g_assert_cmpuint (seen->len, ==, 0);
  hw_store_rollback_edit (f->store);
  if (n_seen (seen, "people") == 0)
    g_assert_true (hw_store_refresh (f->store));
  g_assert_cmpuint (n_seen (seen, "people"), ==, 1);
}

/* PostgreSQL: a notification names the table and the operation, never
 * a row, its family or a setting's key (any role may LISTEN, and
 * row-level security does not reach notifications: an id would tell
 * another team which families are being worked on). */
static void
test_server_notify_payload (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = hw_store_open (f->path, &error);
  g_autofree char *case_text = NULL;
  HwDb *listener;
  gint64 case_id;

  g_assert_no_error (error);
  listener = hw_db_pg_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (hw_db_exec (listener, "LISTEN homeward", &error));
  g_assert_no_error (error);

  case_id = add_case (other, "Diaz");
  add_person (other, case_id, "Rosa Diaz");
  g_assert_true (hw_store_set_setting (other, "language", "es", &error));
  g_assert_no_error (error);
  g_assert_true (hw_db_pg_read_notifies (listener, TRUE, 0, payloads));
  hw_db_close (listener);

  case_text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_assert_cmpuint (payloads->len, >=, 3);   /* cases, people, hw_settings */
  for (guint i = 0; i < payloads->len; i++)
    {
      const char *payload = g_ptr_array_index (payloads, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      g_test_message ("notification: %s", payload);
      g_assert_true (json_parser_load_from_data (parser, payload, -1, NULL));
      object = json_node_get_object (json_parser_get_root (parser));
      g_assert_nonnull (object);
      g_assert_cmpuint (json_object_get_size (object), ==, 2);
      g_assert_true (json_object_has_member (object, "table"));
      g_assert_true (json_object_has_member (object, "op"));
      g_assert_null (strstr (payload, case_text));
      g_assert_null (strstr (payload, "language"));
    }
}

/* PostgreSQL: the listening connection lost: said once, announced as
 * everything changed, then hw_store_refresh() polls as before. */
static void
test_server_notify_lost (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDb) admin = hw_db_pg_open (f->path, &error);
  g_autoptr(HwStore) other = NULL;

  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);
  g_test_expect_message ("hw-store", G_LOG_LEVEL_WARNING, "*was lost*");
  hw_db_exec (admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     " WHERE query = 'LISTEN homeward'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait_for (seen, "cases", 5000), >=, 0);
  g_test_assert_expected_messages ();

  /* listening again (not polling, which sees only what the role may
   * read: under tools/pg-roles.sql its own audit rows): another
   * program's edit is heard with only the main loop running */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN homeward'"),
                   ==, 1);
  other = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (seen, 0);
  g_assert_false (hw_store_refresh (f->store));
  add_case (other, "Lee");
  g_assert_cmpint (wait_for (seen, "cases", 5000), >=, 0);
  g_assert_cmpuint (n_seen (seen, "cases"), ==, 1);
  g_assert_cmpuint (n_seen (seen, "people"), ==, 0);

  /* and seen by refresh, without a main loop, as before */
  g_ptr_array_set_size (seen, 0);
  add_case (other, "Kim");
  g_assert_true (hw_store_refresh (f->store));
  g_assert_cmpuint (n_seen (seen, "cases"), ==, 1);
}

/* What only a file has is refused with a clear message on a server, and
 * nothing is written on this machine. */
static void
test_server_refuses_file_things (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "copy.db", NULL);

  g_assert_true (hw_store_is_server (f->store));
  g_assert_null (hw_store_get_db (f->store));
  g_assert_cmpint (hw_db_get_backend (hw_store_get_connection (f->store)), ==,
                   HW_DB_BACKEND_POSTGRESQL);
  g_assert_true (g_str_has_prefix (hw_store_get_path (f->store), "postgresql://"));
  g_assert_false (hw_backup_make (f->store, dest, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pg_dump"));
  g_clear_error (&error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_null (hw_backup_on_close (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (hw_store_is_damaged (f->store));

  /* the schema is there, at this version, and the journal on */
  g_assert_cmpint (count (f->store, "SELECT max(version) FROM hw_schema_version"), ==,
                   hw_schema_get_version ());
  g_assert_cmpint (count (f->store, "SELECT CASE WHEN current_setting('homeward.journal') = 'on'"
                                    " THEN 1 ELSE 0 END"), ==, 1);
}

/* An address that leads nowhere (no server at that socket, a database
 * that is not there, a wrong scheme's case) is a clear HW_STORE_ERROR_IO;
 * nothing is created in the working folder and no password is shown. */
static void
test_server_unreachable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hw-test-server-XXXXXX", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *no_db = g_strdup (pg_uri ());
  g_autofree char *fixed = NULL;
  const char *addresses[] = {
    "postgresql:///homeward?host=/nonexistent-hw-socket-dir&connect_timeout=2",
    "postgresql://alice:s3cret-pw@/homeward?host=/nonexistent-hw-socket-dir",
    "POSTGRES:///homeward?host=/nonexistent-hw-socket-dir",
    NULL,
  };
  char *db_name = strstr (no_db, "homeward_test");

  /* the running test server, but a database that does not exist */
  g_assert_nonnull (db_name);
  fixed = g_strconcat ("postgresql://bob:0ther-pw@", no_db + strlen ("postgresql://"), NULL);
  db_name = strstr (fixed, "homeward_test");
  memcpy (db_name, "nowhere_test1", strlen ("homeward_test"));
  addresses[3] = fixed;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;
      HwStore *store = hw_store_open (addresses[i], &error);

      g_assert_null (store);
      g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
      g_test_message ("%s", error->message);
      g_assert_null (strstr (error->message, "s3cret"));
      g_assert_null (strstr (error->message, "0ther-pw"));
      listing = g_dir_open (".", 0, NULL);
      g_assert_null (g_dir_read_name (listing));
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Row versions and undo of one's own edits (issue 17, "Many writers"):
 * two stores on one database, two connections, two people. */

/* A store of @author on the fixture's database. On a server the author is
 * the role signed in (hw_store_set_author() does nothing there), so the
 * store signs in as a role of that name, made here. */
static HwStore *
store_as (Fixture    *f,
          const char *author)
{
  g_autoptr(GError) error = NULL;
  HwStore *other;

  if (use_pg)
    {
      g_autoptr(HwDb) admin = hw_db_pg_open (pg_uri (), &error);
      g_autofree char *create = g_strdup_printf (
        "DO $$ BEGIN"
        "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN"
        "    CREATE ROLE \"%s\" LOGIN SUPERUSER;"
        "  END IF;"
        " END $$", author, author);
      g_autofree char *as = g_strdup_printf ("user=%s", author);
      g_auto(GStrv) parts = NULL;
      g_autofree char *path = NULL;

      g_assert_no_error (error);
      g_assert_true (hw_db_exec (admin, create, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (f->path, "user=postgres"));
      parts = g_strsplit (f->path, "user=postgres", 2);
      path = g_strjoinv (as, parts);
      other = hw_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hw_store_get_author (other), ==, author);
      return other;
    }
  other = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  hw_store_set_author (other, author);
  return other;
}

static HwStore *
second_store (Fixture    *f,
              const char *author)
{
  return store_as (f, author);
}

/* the fixture's own store becomes @author's */
static void
become (Fixture    *f,
        const char *author)
{
  g_clear_object (&f->store);
  f->store = store_as (f, author);
}

/* A person's own setting (the screen-lock passphrase): on a file the
 * laptop's, the same key for everyone who uses it; on a server one
 * per signed-in role, never another's, never the agency's key. */
static void
test_own_settings (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) alice = store_as (f, "alice");
  g_autoptr(HwStore) bob = store_as (f, "bob");
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *raw = NULL;

  g_assert_true (hw_store_set_own_setting (alice, "lock-passphrase-hash", "alice's", &error));
  g_assert_no_error (error);
  mine = hw_store_get_own_setting (alice, "lock-passphrase-hash");
  theirs = hw_store_get_own_setting (bob, "lock-passphrase-hash");
  agency = hw_store_get_setting (bob, "lock-passphrase-hash");
  g_assert_cmpstr (mine, ==, "alice's");
  if (use_pg)
    {
      raw = hw_store_get_setting (alice, "person/alice/lock-passphrase-hash");
      g_assert_cmpstr (raw, ==, "alice's");
      g_assert_null (theirs);
      g_assert_null (agency);
      /* bob's own is his, and forgetting it leaves alice's */
      g_assert_true (hw_store_set_own_setting (bob, "lock-passphrase-hash", "bob's", &error));
      g_assert_true (hw_store_set_own_setting (bob, "lock-passphrase-hash", NULL, &error));
      g_assert_no_error (error);
      g_clear_pointer (&mine, g_free);
      mine = hw_store_get_own_setting (alice, "lock-passphrase-hash");
      g_assert_cmpstr (mine, ==, "alice's");
    }
  else
    {
      g_assert_cmpstr (theirs, ==, "alice's");
      g_assert_cmpstr (agency, ==, "alice's");
    }
}

static char *
person_field (HwStore    *store,
              gint64      person,
              const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) got = hw_store_get (store, "people", person, &error);

  g_assert_no_error (error);
  return g_strdup (hw_record_get_string (got, column));
}

static void
rename_person (HwStore    *store,
               gint64      person,
               const char *column,
               const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_store_get (store, "people", person, &error);

  g_assert_no_error (error);
  hw_record_set_string (rec, column, value);
  g_assert_true (hw_store_update (store, "Edit person", rec, &error));
  g_assert_no_error (error);
}

static void
test_versions_every_table (Fixture       *f,
                           gconstpointer  data)
{
  const char * const *tables = hw_schema_get_user_tables ();

  /* a user table added later needs its version column too */
  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = 0", tables[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = hw_store_select (f->store, tables[i], &error, sql, G_TYPE_INVALID);

      if (error != NULL)
        g_test_message ("%s has no version column", tables[i]);
      g_assert_no_error (error);
    }
}

/* Every column that refers to another table's row leads an index: a
 * query by it (a task's notes, a meeting's scores, a case's supports)
 * reads a few rows, not the whole table, and deleting a person or a
 * family does not read every table that refers to it (issue 18). */
static void
test_foreign_keys_indexed (Fixture       *f,
                           gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_keys = 0;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf (
        "SELECT k.\"from\" FROM pragma_foreign_key_list ('%s') k "
        "WHERE k.\"from\" <> 'id' AND NOT EXISTS ("
        "  SELECT 1 FROM pragma_index_list ('%s') l, pragma_index_info (l.name) i "
        "  WHERE i.seqno = 0 AND i.name = k.\"from\")", table, table);
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM pragma_foreign_key_list ('%s')", table);
      sqlite3_stmt *keys = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, count, -1, &keys, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (keys), ==, SQLITE_ROW);
      n_keys += sqlite3_column_int (keys, 0);
      sqlite3_finalize (keys);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &keys, NULL), ==, SQLITE_OK);
      while (sqlite3_step (keys) == SQLITE_ROW)
        g_string_append_printf (missing, " %s.%s", table, sqlite3_column_text (keys, 0));
      sqlite3_finalize (keys);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  /* (the check found the keys: the schema has dozens) */
  g_assert_cmpuint (n_keys, >, 50);
  if (missing->len > 0)
    g_error ("columns that refer to other rows without an index:%s", missing->str);
}

/* A delete of what was shown is refused when someone changed it since;
 * the row and its change stay, and nothing is put in the undo history. */
static void
test_versions_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HwStore) bob = second_store (f, "Bob");
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) shown = NULL;
  g_autoptr(HwRecord) edit = NULL;
  g_autofree char *name = NULL;
  gint64 case_id, person, version;

  become (f, "Alice");
  case_id = add_case (f->store, "Rivera");
  person = add_person (f->store, case_id, "Ana Rivera");

  /* Bob is shown the person; Alice changes her */
  shown = hw_store_get (bob, "people", person, &error);
  g_assert_no_error (error);
  version = hw_record_get_version (shown);
  edit = hw_store_get (f->store, "people", person, &error);
  g_assert_no_error (error);
  hw_record_set_string (edit, "phone", "555-0123");
  g_assert_true (hw_store_update (f->store, "Edit person", edit, &error));
  g_assert_no_error (error);

  /* Bob's delete of what he was shown is refused */
  g_assert_false (hw_store_delete_at (bob, "Remove person", "people", person, version, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Someone else changed this"));
  g_clear_error (&error);
  name = person_field (f->store, person, "phone");
  g_assert_cmpstr (name, ==, "555-0123");
  g_assert_false (hw_store_can_undo (bob));

  /* at the version he reads now, it goes */
  g_assert_true (hw_store_delete_at (bob, "Remove person", "people", person,
                                     hw_record_get_version (edit), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM people WHERE name = 'Ana Rivera'"), ==, 0);

  /* gone: "no longer exists", at any version */
  g_assert_false (hw_store_delete_at (f->store, "Remove person", "people", person,
                                      hw_record_get_version (edit), &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
}

static void
test_versions_conflict (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HwStore) bob = second_store (f, "Bob");
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) mine = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) newer = NULL;
  g_autoptr(HwRecord) blind = NULL;
  g_autofree char *name = NULL;
  gint64 case_id, person, version;

  become (f, "Alice");
  case_id = add_case (f->store, "Rivera");
  person = add_person (f->store, case_id, "Ana Rivera");

  /* both open the same person */
  mine = hw_store_get (f->store, "people", person, &error);
  g_assert_no_error (error);
  theirs = hw_store_get (bob, "people", person, &error);
  g_assert_no_error (error);
  version = hw_record_get_version (mine);
  g_assert_cmpint (version, >=, 1);
  g_assert_cmpint (hw_record_get_version (theirs), ==, version);

  /* Alice saves first */
  hw_record_set_string (mine, "name", "Ana María Rivera");
  g_assert_true (hw_store_update (f->store, "Edit person", mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_record_get_version (mine), ==, version + 1);

  /* Bob's save is refused, nothing is overwritten */
  hw_record_set_string (theirs, "name", "Anita Rivera");
  hw_record_set_string (theirs, "phone", "555-0199");
  g_assert_false (hw_store_update (bob, "Edit person", theirs, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Someone else changed this"));
  g_clear_error (&error);
  name = person_field (f->store, person, "name");
  g_assert_cmpstr (name, ==, "Ana María Rivera");
  g_clear_pointer (&name, g_free);
  name = person_field (f->store, person, "phone");
  g_assert_cmpstr (name, ==, "");
  g_clear_pointer (&name, g_free);
  g_assert_false (hw_store_can_undo (bob));

  /* the newer text is there for Bob to read, and his change on it saves */
  newer = hw_store_get (bob, "people", person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (newer, "name"), ==, "Ana María Rivera");
  g_assert_cmpint (hw_record_get_version (newer), ==, version + 1);
  hw_record_set_string (newer, "phone", "555-0199");
  g_assert_true (hw_store_update (bob, "Edit person", newer, &error));
  g_assert_no_error (error);

  /* Alice's record still holds the version she saved: stale now */
  hw_record_set_string (mine, "notes", "x");
  g_assert_false (hw_store_update (f->store, "Edit person", mine, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* a record that says no version saves as before (and moves it on) */
  blind = hw_record_new ("people");
  hw_record_set_id (blind, person);
  hw_record_set_string (blind, "notes", "y");
  g_assert_true (hw_store_update (f->store, "Edit person", blind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT version FROM people WHERE id = ?",
                                       G_TYPE_INT64, person, G_TYPE_INVALID), ==, version + 3);

  /* a row that is gone is still "no longer exists" */
  g_assert_true (hw_store_delete (bob, "Remove person", "people", person, &error));
  g_assert_false (hw_store_update (f->store, "Edit person", newer, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
}

static void
test_versions_undo_own (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(HwStore) bob = second_store (f, "Bob");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  gint64 case_id, px, py, before;

  become (f, "Alice");
  case_id = add_case (f->store, "Rivera");
  px = add_person (f->store, case_id, "Ana");
  py = add_person (f->store, case_id, "Luis");

  rename_person (f->store, px, "name", "Ana Rivera");     /* Alice */
  rename_person (f->store, px, "phone", "555-0101");      /* Alice, again */
  rename_person (bob, py, "name", "Luis Rivera");         /* Bob, newest */

  /* Alice's undo is her newest step, not Bob's */
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Edit person");
  g_assert_true (hw_store_can_undo (bob));
  before = hw_store_query_int (f->store, 0, "SELECT version FROM people WHERE id = ?",
                               G_TYPE_INT64, px, G_TYPE_INVALID);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  x = person_field (f->store, px, "phone");
  g_assert_cmpstr (x, ==, "");
  y = person_field (f->store, py, "name");
  g_assert_cmpstr (y, ==, "Luis Rivera");
  g_clear_pointer (&x, g_free);
  g_clear_pointer (&y, g_free);
  /* undo is a change too: the version moves on, never back */
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT version FROM people WHERE id = ?",
                                       G_TYPE_INT64, px, G_TYPE_INVALID), >, before);

  /* her earlier edit of the same row undoes too: her own changes since
   * do not stand in the way */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  x = person_field (f->store, px, "name");
  g_assert_cmpstr (x, ==, "Ana");
  g_clear_pointer (&x, g_free);
  y = person_field (f->store, py, "name");
  g_assert_cmpstr (y, ==, "Luis Rivera");
  g_clear_pointer (&y, g_free);

  /* and redo, twice */
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  x = person_field (f->store, px, "phone");
  g_assert_cmpstr (x, ==, "555-0101");
  g_clear_pointer (&x, g_free);

  /* Bob's edits do not take Alice's redo steps away */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_true (hw_store_can_redo (f->store));
  rename_person (bob, py, "phone", "555-0202");
  g_assert_true (hw_store_can_redo (f->store));

  /* Bob's undo is his own newest step */
  g_assert_true (hw_store_undo (bob, &error));
  g_assert_no_error (error);
  y = person_field (f->store, py, "phone");
  g_assert_cmpstr (y, ==, "");
  g_clear_pointer (&y, g_free);
  x = person_field (f->store, px, "name");
  g_assert_cmpstr (x, ==, "Ana Rivera");
}

static void
test_versions_undo_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(HwStore) bob = second_store (f, "Bob");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  gint64 case_id, person, steps;

  become (f, "Alice");
  case_id = add_case (f->store, "Rivera");
  person = add_person (f->store, case_id, "Ana");
  rename_person (f->store, person, "name", "Ana Rivera");   /* Alice */
  rename_person (bob, person, "phone", "555-0303");         /* then Bob, the same person */

  /* undoing Alice's edit would put Bob's phone back to empty: refused,
   * saying who, and nothing changes */
  steps = count (f->store, "SELECT count(*) FROM hw_history");
  g_assert_false (hw_store_undo (f->store, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Bob changed this after you"));
  g_clear_error (&error);
  name = person_field (f->store, person, "name");
  g_assert_cmpstr (name, ==, "Ana Rivera");
  phone = person_field (f->store, person, "phone");
  g_assert_cmpstr (phone, ==, "555-0303");
  g_clear_pointer (&phone, g_free);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history"), ==, steps);
  g_assert_true (hw_store_can_undo (f->store));

  /* Bob's own undo is his to make */
  g_assert_true (hw_store_undo (bob, &error));
  g_assert_no_error (error);
  phone = person_field (f->store, person, "phone");
  g_assert_cmpstr (phone, ==, "");
  g_clear_pointer (&phone, g_free);

  /* and a redo is checked the same way: Alice changes the phone after
   * Bob's undo, so his redo would overwrite her */
  rename_person (f->store, person, "phone", "555-0404");
  g_assert_true (hw_store_can_redo (bob));
  g_assert_false (hw_store_redo (bob, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Alice"));
  phone = person_field (f->store, person, "phone");
  g_assert_cmpstr (phone, ==, "555-0404");
}

/* On a server the history's bound is per person: Alice's many edits do
 * not push out Bob's older steps (on a file the history is one). */
static void
test_server_prune_own (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HwStore) bob = second_store (f, "Bob");
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  gint64 case_id, pb, pa, bob_steps, bob_lines;

  case_id = add_case (bob, "Rivera");
  pb = add_person (bob, case_id, "Luis");
  rename_person (bob, pb, "phone", "555-0101");
  bob_steps = count (f->store, "SELECT count(*) FROM hw_history WHERE author = 'Bob'");
  bob_lines = count (f->store, "SELECT count(*) FROM hw_undo_log l WHERE EXISTS ("
                                " SELECT 1 FROM hw_history h WHERE h.author = 'Bob'"
                                " AND l.seq BETWEEN h.first_seq AND h.last_seq)");
  g_assert_cmpint (bob_steps, ==, 3);
  g_assert_cmpint (bob_lines, >=, 3);

  become (f, "Alice");
  pa = add_person (f->store, case_id, "Ana");
  for (guint i = 0; i < HW_HISTORY_MIN_STEPS + 4; i++)
    {
      g_autofree char *notes = g_strdup_printf ("note %u", i);

      rename_person (f->store, pa, "notes", notes);
    }
  g_assert_true (hw_history_set_max_steps (f->store, HW_HISTORY_MIN_STEPS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE author = 'Alice'"), ==,
                   HW_HISTORY_MIN_STEPS);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_history WHERE author = 'Bob'"), ==,
                   bob_steps);
  /* no line outside its step, Bob's all there */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log l WHERE NOT EXISTS ("
                                    " SELECT 1 FROM hw_history h"
                                    " WHERE l.seq BETWEEN h.first_seq AND h.last_seq)"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM hw_undo_log l WHERE EXISTS ("
                                    " SELECT 1 FROM hw_history h WHERE h.author = 'Bob'"
                                    " AND l.seq BETWEEN h.first_seq AND h.last_seq)"), ==, bob_lines);

  /* Bob's steps still undo */
  g_assert_true (hw_store_undo (bob, &error));
  g_assert_no_error (error);
  phone = person_field (bob, pb, "phone");
  g_assert_cmpstr (phone, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--backend=pg"))
      use_pg = TRUE;
  if (use_pg && pg_uri () == NULL)
    {
      g_printerr ("test-store: SKIP: no PostgreSQL cluster; run it through tests/pg-cluster.sh run\n");
      return 77;
    }

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  /* the store's API: both backends */
  ADD ("/store/undo-redo", test_insert_update_delete_undo);
  ADD ("/store/undo-survives-restart", test_undo_survives_restart);
  ADD ("/store/rules-refused", test_rules_refused);
  ADD ("/store/refused-write-keeps-edit", test_refused_write_keeps_edit);
  ADD ("/store/rollback", test_rollback);
  ADD ("/store/changed-and-audit", test_changed_and_audit);
  ADD ("/store/join-edit", test_join_edit);
  ADD ("/store/record-list", test_record_list_follows);
  ADD ("/store/settings", test_settings_not_undoable);
  ADD ("/store/closed-date", test_closed_date_follows_status);
  ADD ("/store/audit-insert-then-update", test_audit_insert_then_update);
  ADD ("/store/history-bounds", test_history_bounds);
  ADD ("/store/refresh-sees-other-program", test_refresh_other_program);
  ADD ("/store/versions/every-table", test_versions_every_table);
  ADD ("/store/versions/conflict", test_versions_conflict);
  ADD ("/store/versions/delete", test_versions_delete);
  ADD ("/store/versions/undo-own", test_versions_undo_own);
  ADD ("/store/own-settings", test_own_settings);
  ADD ("/store/versions/undo-refused", test_versions_undo_refused);
  if (use_pg)
    {
      ADD ("/store/server/what-a-file-has", test_server_refuses_file_things);
      ADD ("/store/server/notify", test_server_notify);
      ADD ("/store/server/notify-lost", test_server_notify_lost);
      ADD ("/store/server/prune-own", test_server_prune_own);
      ADD ("/store/server/notify-payload", test_server_notify_payload);
      g_test_add_func ("/store/server/unreachable", test_server_unreachable);
    }
  else
    {
      ADD ("/store/new-file-is-private", test_new_file_is_private);
      ADD ("/store/foreign-keys-indexed", test_foreign_keys_indexed);
      ADD ("/store/errors-through-hwdb", test_errors_through_hwdb);
      g_test_add_func ("/store/refuse-bad-files", test_refuse_bad_files);
      g_test_add_func ("/store/refuse-read-only", test_refuse_read_only);
      g_test_add_func ("/store/refuse-address", test_refuse_address);
      g_test_add_func ("/store/migrates-older-version", test_migrates_older_version);
      g_test_add_func ("/recipient/rules", test_recipients);
    }
#undef ADD

  return g_test_run ();
}
