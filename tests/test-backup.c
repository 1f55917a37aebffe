/* test-backup.c: backups made while the database is open, automatic ones
 * kept by day, restoring, and refusing what must not be restored.
 *
 * Every test runs with its own $XDG_DATA_HOME (G_TEST_OPTION_ISOLATE_DIRS),
 * so the automatic backups land in a private folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-backup"
#define _GNU_SOURCE /* memmem */

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hw-backup.h"
#include "hw-purge.h"
#include "hw-schema.h"
#include "hw-test-store.h"

/* Helpers ----------------------------------------------------------------- */

/* Every row of every table, user data and undo history, as text: two
 * databases with the same dump hold the same data. */
static char *
dump_db (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *tables = hw_schema_get_user_tables ();
  const char * const internal[] = { "hw_undo_log", "hw_history", "hw_settings", NULL };

  for (guint pass = 0; pass < 2; pass++)
    for (const char * const *t = pass == 0 ? tables : internal; *t; t++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", *t);
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
        g_string_append_printf (out, "[%s]\n", *t);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            for (int c = 0; c < sqlite3_column_count (stmt); c++)
              {
                const char *v = (const char *) sqlite3_column_text (stmt, c);
                g_string_append_printf (out, "%s%s", c ? "|" : "", v ? v : "NULL");
              }
            g_string_append_c (out, '\n');
          }
        sqlite3_finalize (stmt);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_file (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3 *db = NULL;
  char *dump;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  dump = dump_db (db);
  sqlite3_close (db);
  return dump;
}

static char *
read_all (const char *path,
          gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static gint64
count_cases (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);

  g_assert_no_error (error);
  return hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID);
}

static gint64
add_case (HwStore    *store,
          const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  gint64 id;

  hw_record_set_string (rec, "family_name", family);
  hw_record_set_string (rec, "case_number", "T-1");
  id = hw_store_insert (store, "Add family", rec, &error);
  g_assert_no_error (error);
  return id;
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GDateTime *
day (int d,
     int hour)
{
  /* March 2026 and on, local time */
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 1, hour, 30, 0);
  return g_date_time_add_days (start, d);
}

/* Making a backup --------------------------------------------------------- */

static void
test_make (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *dump_store = NULL;
  g_autofree char *dump_backup = NULL;
  g_autofree char *mode = NULL;
  g_autoptr(HwStore) copy = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  sqlite3 *db = NULL;

  dest = g_build_filename (dir, "copy.db", NULL);
  tmp = g_strconcat (dest, ".tmp", NULL);
  wal = g_strconcat (dest, "-wal", NULL);

  g_assert_true (hw_backup_make (store, dest, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (mode_of (dest), ==, 0600);

  /* the same data, undo history included, in a one-file database */
  dump_store = dump_db (hw_store_get_db (store));
  dump_backup = dump_file (dest);
  g_assert_cmpstr (dump_store, ==, dump_backup);
  g_assert_cmpint (sqlite3_open_v2 (dest, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  g_assert_cmpstr (mode, ==, "delete");

  /* it opens as a Homeward database */
  copy = hw_store_open (dest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_clear_object (&copy);

  /* made again over itself: replaced, with the newer data */
  add_case (store, "Newer");
  g_assert_true (hw_backup_make (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (dest), ==, 2);

  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
}

static void
test_make_fails (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *ro = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);

  /* a folder that is not there */
  dest = g_build_filename (dir, "no-such-folder", "copy.db", NULL);
  g_assert_false (hw_backup_make (store, dest, &error));
  g_assert_nonnull (error);
  g_test_message ("missing folder: %s", error->message);
  g_assert_nonnull (strstr (error->message, "could not be made"));
  g_clear_error (&error);

  /* a read-only folder, with a backup already there: left as it was */
  if (getuid () != 0)
    {
      HwStore *other;

      ro = g_build_filename (dir, "ro", NULL);
      g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
      g_free (dest);
      dest = g_build_filename (ro, "copy.db", NULL);
      g_assert_true (hw_backup_make (store, dest, &error));
      g_assert_no_error (error);
      before = read_all (dest, &before_len);
      add_case (store, "Not in the old backup");
      g_assert_cmpint (g_chmod (ro, 0500), ==, 0);
      g_assert_false (hw_backup_make (store, dest, &error));
      g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_READ_ONLY);
      g_test_message ("read-only folder: %s", error->message);
      g_clear_error (&error);
      g_chmod (ro, 0700);
      after = read_all (dest, &after_len);
      g_assert_cmpmem (before, before_len, after, after_len);
      {
        g_autofree char *tmp = g_strconcat (dest, ".tmp", NULL);
        g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
      }
      other = NULL;
      (void) other;
    }

  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
}

/* Automatic backups ------------------------------------------------------- */

static void
test_daily_rotation (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *tag = NULL;
  g_autofree char *newest = NULL;
  g_autoptr(GPtrArray) list = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  const char *db = hw_store_get_path (store);

  tag = hw_backup_database_tag (db);
  g_assert_cmpuint (strlen (tag), ==, 8);

  for (int d = 0; d < 20; d++)
    {
      g_autoptr(GDateTime) morning = day (d, 9);
      g_autoptr(GDateTime) noon = day (d, 12);
      g_autofree char *path = hw_backup_daily_at (store, morning, &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_assert_nonnull (strstr (path, tag));
      g_assert_nonnull (strstr (path, "-daily.db"));
      g_assert_cmpuint (mode_of (path), ==, 0600);
      /* one a day */
      again = hw_backup_daily_at (store, noon, &error);
      g_assert_no_error (error);
      g_assert_null (again);
      g_free (newest);
      newest = g_steal_pointer (&path);
    }
  g_assert_cmpuint (mode_of (folder), ==, 0700);

  list = hw_backup_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, HW_BACKUP_KEEP);
  /* newest first; the newest is kept, the oldest six are gone */
  {
    HwBackupInfo *first = g_ptr_array_index (list, 0);
    HwBackupInfo *last = g_ptr_array_index (list, list->len - 1);
    g_autoptr(GDateTime) d19 = day (19, 9);
    g_autoptr(GDateTime) d6 = day (6, 9);
    g_autoptr(GDateTime) d6_date = g_date_time_add_seconds (d6, 0);

    g_assert_cmpstr (first->path, ==, newest);
    g_assert_cmpint (g_date_time_get_day_of_year (first->made), ==, g_date_time_get_day_of_year (d19));
    g_assert_cmpint (g_date_time_get_day_of_year (last->made), ==, g_date_time_get_day_of_year (d6_date));
    g_assert_cmpint (first->kind, ==, HW_BACKUP_KIND_DAILY);
    g_assert_cmpint (first->n_families, ==, 1);
    g_assert_cmpint (first->size, >, 0);
  }

  /* closing the app twice a day keeps the last one only */
  {
    g_autoptr(GDateTime) evening = day (19, 18);
    g_autoptr(GDateTime) night = day (19, 22);
    g_autofree char *c1 = hw_backup_make_automatic (store, HW_BACKUP_KIND_CLOSE, evening, &error);
    g_autofree char *c2 = NULL;
    guint n_close = 0;

    g_assert_no_error (error);
    add_case (store, "After the evening");
    c2 = hw_backup_make_automatic (store, HW_BACKUP_KIND_CLOSE, night, &error);
    g_assert_no_error (error);
    g_assert_false (g_file_test (c1, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (c2, G_FILE_TEST_EXISTS));
    g_clear_pointer (&list, g_ptr_array_unref);
    list = hw_backup_list (db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, HW_BACKUP_KEEP);
    for (guint i = 0; i < list->len; i++)
      n_close += ((HwBackupInfo *) g_ptr_array_index (list, i))->kind == HW_BACKUP_KIND_CLOSE;
    g_assert_cmpuint (n_close, ==, 1);
    g_assert_cmpstr (((HwBackupInfo *) g_ptr_array_index (list, 0))->path, ==, c2);
    g_assert_cmpint (((HwBackupInfo *) g_ptr_array_index (list, 0))->n_families, ==, 2);
  }

  /* another database keeps its own backups, and does not count ours */
  {
    char *dir2 = NULL;
    HwStore *store2 = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir2, NULL);
    g_autoptr(GDateTime) d19 = day (19, 10);
    g_autofree char *path = hw_backup_daily_at (store2, d19, &error);
    g_autoptr(GPtrArray) list2 = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (path);
    list2 = hw_backup_list (hw_store_get_path (store2), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list2->len, ==, 1);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = hw_backup_list (db, &error);
    g_assert_cmpuint (list->len, ==, HW_BACKUP_KEEP);
    hw_test_store_free (store2, dir2);
  }

  hw_test_store_free (store, dir);
}

typedef struct {
  GMainLoop *loop;
  char      *made;
  GError    *error;
} AsyncData;

static void
daily_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncData *data = user_data;

  data->made = hw_backup_daily_finish (HW_STORE (source), result, &data->error);
  g_main_loop_quit (data->loop);
}

/* In a thread, while this thread keeps editing through the same store. */
static void
test_daily_async (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL, NULL };
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  g_autoptr(HwStore) copy = NULL;
  gint64 n;

  hw_backup_daily_async (store, NULL, daily_done_cb, &data);
  for (int i = 0; i < 20; i++)
    add_case (store, "Edited during the backup");
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_nonnull (data.made);

  /* a consistent picture: some number of the 20 edits, each whole */
  copy = hw_store_open (data.made, &error);
  g_assert_no_error (error);
  n = hw_store_query_int (copy, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID);
  g_assert_cmpint (n, >=, 1);
  g_assert_cmpint (n, <=, 21);
  g_clear_object (&copy);
  g_free (data.made);

  /* the same day again: nothing to do */
  data.made = NULL;
  hw_backup_daily_async (store, NULL, daily_done_cb, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_null (data.made);

  /* the worker thread lets go of the task (and the store) after the
   * callback may have run */
  while (G_OBJECT (store)->ref_count > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  hw_test_store_free (store, dir);
}

/* Refusals ---------------------------------------------------------------- */

typedef enum { BAD_TRUNCATED, BAD_FOREIGN, BAD_NEWER, BAD_TEXT, BAD_EMPTY, BAD_PLAIN_SQLITE } BadKind;

/* Makes a bad backup of @kind from a good one. */
static char *
make_bad_backup (HwStore    *store,
                 const char *dir,
                 BadKind     kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "bad-backup.db", NULL);
  sqlite3 *db = NULL;

  g_unlink (path);
  switch (kind)
    {
    case BAD_TRUNCATED:
      {
        g_autofree char *contents = NULL;
        gsize len;

        g_assert_true (hw_backup_make (store, path, &error));
        contents = read_all (path, &len);
        g_assert_cmpuint (len, >, 8192);
        g_assert_true (g_file_set_contents (path, contents, len / 2, &error));
        break;
      }
    case BAD_FOREIGN:
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; CREATE TABLE cases (id INTEGER PRIMARY KEY);"
                                         "INSERT INTO cases VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      break;
    case BAD_NEWER:
      g_assert_true (hw_backup_make (store, path, &error));
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      break;
    case BAD_TEXT:
      g_assert_true (g_file_set_contents (path, "Notes, not a database.\n", -1, &error));
      break;
    case BAD_EMPTY:
      g_assert_true (g_file_set_contents (path, "", 0, &error));
      break;
    case BAD_PLAIN_SQLITE:
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 0; VACUUM", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      break;
    }
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_refuse_bad (void)
{
  static const struct { BadKind kind; int code; const char *name; } cases[] = {
    { BAD_TRUNCATED, HW_STORE_ERROR_CORRUPT, "truncated" },
    { BAD_FOREIGN, HW_STORE_ERROR_NOT_HOMEWARD, "another program's" },
    { BAD_NEWER, HW_STORE_ERROR_TOO_NEW, "newer" },
    { BAD_TEXT, HW_STORE_ERROR_NOT_HOMEWARD, "text" },
    { BAD_EMPTY, HW_STORE_ERROR_NOT_HOMEWARD, "empty" },
    { BAD_PLAIN_SQLITE, HW_STORE_ERROR_NOT_HOMEWARD, "empty sqlite" },
  };
  char *dir = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  g_autofree char *db = g_strdup (hw_store_get_path (store));
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *before = NULL;
  gsize before_len;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = make_bad_backup (store, dir, cases[i].kind);
      g_autofree char *bad_before = NULL;
      g_autofree char *bad_after = NULL;
      gsize bad_before_len, bad_after_len;

      bad_before = read_all (bad, &bad_before_len);

      /* into the open store */
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *dump_before = dump_db (hw_store_get_db (store));
        g_autofree char *dump_after = NULL;
        g_autoptr(GPtrArray) list = NULL;

        g_assert_false (hw_backup_restore_into_store (store, bad, NULL, &error));
        g_assert_error (error, HW_STORE_ERROR, cases[i].code);
        g_test_message ("%s, into the store: %s", cases[i].name, error->message);
        g_assert_nonnull (strstr (error->message, bad));
        dump_after = dump_db (hw_store_get_db (store));
        g_assert_cmpstr (dump_before, ==, dump_after);
        /* nothing saved either: nothing was about to change */
        list = hw_backup_list (db, NULL);
        g_assert_cmpuint (list->len, ==, 0);
      }

      /* into the file, closed (the file alone is the database), with and
       * without force: byte for byte as it was */
      g_assert_finalize_object (store);
      g_free (before);
      before = read_all (db, &before_len);
      for (int force = 0; force < 2; force++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *after = NULL;
          g_autofree char *wal = g_strconcat (db, "-wal", NULL);
          gsize after_len;

          g_assert_false (hw_backup_restore (bad, db, force, NULL, &error));
          g_assert_error (error, HW_STORE_ERROR, cases[i].code);
          g_test_message ("%s, into the file (force %d): %s", cases[i].name, force, error->message);
          after = read_all (db, &after_len);
          g_assert_cmpmem (before, before_len, after, after_len);
          g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
        }

      bad_after = read_all (bad, &bad_after_len);
      g_assert_cmpmem (bad_before, bad_before_len, bad_after, bad_after_len);
      g_unlink (bad);
      {
        g_autoptr(GError) error = NULL;
        store = hw_store_open (db, &error);
        g_assert_no_error (error);
      }
    }

  /* no private copy is left behind anywhere */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".homeward-restore"));
  }
  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
  hw_test_remove_dir (folder);
}

static void
test_refuse_overwrite (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  HwStore *other_store;

  backup = g_build_filename (dir, "backup.db", NULL);
  g_assert_true (hw_backup_make (store, backup, &error));
  g_assert_no_error (error);

  other = g_build_filename (dir, "other.db", NULL);
  other_store = hw_store_open (other, &error);
  g_assert_no_error (error);
  add_case (other_store, "Other family");
  g_assert_finalize_object (other_store);
  before = read_all (other, &before_len);

  g_assert_false (hw_backup_restore (backup, other, FALSE, NULL, &error));
  g_assert_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_EXISTS);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  after = read_all (other, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
}

/* Restoring --------------------------------------------------------------- */

static void
test_restore_new_and_force (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dump_backup = NULL;
  g_autofree char *dump_fresh = NULL;
  g_autofree char *dump_saved = NULL;
  g_autofree char *dump_now = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  g_autofree char *db = g_strdup (hw_store_get_path (store));

  backup = g_build_filename (dir, "backup.db", NULL);
  g_assert_true (hw_backup_make (store, backup, &error));
  dump_backup = dump_file (backup);

  /* no database yet: made from the backup */
  fresh = g_build_filename (dir, "sub", "fresh.db", NULL);
  g_assert_true (hw_backup_restore (backup, fresh, FALSE, &saved, &error));
  g_assert_no_error (error);
  g_assert_null (saved);
  g_assert_cmpuint (mode_of (fresh), ==, 0600);
  dump_fresh = dump_file (fresh);
  g_assert_cmpstr (dump_backup, ==, dump_fresh);

  /* over the database, with force: the backup's data; the data it had is
   * saved first */
  add_case (store, "Added after the backup");
  dump_now = dump_db (hw_store_get_db (store));
  g_assert_finalize_object (store);
  g_assert_true (hw_backup_restore (backup, db, TRUE, &saved, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_nonnull (strstr (saved, "before-restore"));
  g_clear_pointer (&dump_fresh, g_free);
  dump_fresh = dump_file (db);
  g_assert_cmpstr (dump_backup, ==, dump_fresh);
  dump_saved = dump_file (saved);
  g_assert_cmpstr (dump_now, ==, dump_saved);

  store = hw_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
}

static void
count_changed_cb (HwStore    *store,
                  const char *table,
                  GHashTable *seen)
{
  g_hash_table_add (seen, g_strdup (table));
}

static void
test_restore_into_store (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *dump_backup = NULL;
  g_autofree char *dump_store = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_saved = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  gint64 undo_steps;
  gint64 id;

  backup = g_build_filename (dir, "backup.db", NULL);
  g_assert_true (hw_backup_make (store, backup, &error));
  dump_backup = dump_file (backup);
  undo_steps = hw_store_query_int (store, -1, "SELECT count(*) FROM hw_history", G_TYPE_INVALID);

  add_case (store, "Gone after the restore");
  add_case (store, "Also gone");
  dump_before = dump_db (hw_store_get_db (store));

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), seen);
  g_assert_true (hw_backup_restore_into_store (store, backup, &saved, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (store, count_changed_cb, seen);

  dump_store = dump_db (hw_store_get_db (store));
  g_assert_cmpstr (dump_backup, ==, dump_store);
  dump_saved = dump_file (saved);
  g_assert_cmpstr (dump_before, ==, dump_saved);
  for (const char * const *t = hw_schema_get_user_tables (); *t; t++)
    g_assert_true (g_hash_table_contains (seen, *t));
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM hw_history", G_TYPE_INVALID), ==, undo_steps);

  /* the store goes on working: an edit, its undo */
  id = add_case (store, "After the restore");
  g_assert_cmpint (id, >, 0);
  g_assert_true (hw_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM cases WHERE id = ?",
                                       G_TYPE_INT64, id, G_TYPE_INVALID), ==, 0);
  g_assert_true (hw_store_redo (store, &error));
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM cases WHERE id = ?",
                                       G_TYPE_INT64, id, G_TYPE_INVALID), ==, 1);

  /* not in the middle of an edit */
  g_assert_true (hw_store_begin_edit (store, "Open", &error));
  g_assert_false (hw_backup_restore_into_store (store, backup, NULL, &error));
  g_assert_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_IN_EDIT);
  g_clear_error (&error);
  hw_store_rollback_edit (store);

  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
}

/* A database that another program has open: restored through sqlite. */
static void
test_restore_while_open (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *backup = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  g_autofree char *db = g_strdup (hw_store_get_path (store));

  backup = g_build_filename (dir, "backup.db", NULL);
  g_assert_true (hw_backup_make (store, backup, &error));
  add_case (store, "Gone after the restore");
  g_assert_true (hw_backup_restore (backup, db, TRUE, NULL, &error));
  g_assert_no_error (error);
  /* the open store reads the restored data */
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID), ==, 1);
  add_case (store, "After");
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID), ==, 2);

  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
}

/* A damaged database, with force: saved as it is, then replaced. */
static void
test_restore_over_damaged (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_bytes = NULL;
  g_autofree char *dump_backup = NULL;
  g_autofree char *dump_db_now = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  g_autofree char *db = g_strdup (hw_store_get_path (store));
  const char *junk = "This was a database once.\n";
  gsize len;

  backup = g_build_filename (dir, "backup.db", NULL);
  g_assert_true (hw_backup_make (store, backup, &error));
  dump_backup = dump_file (backup);
  g_assert_finalize_object (store);
  g_assert_true (g_file_set_contents (db, junk, -1, &error));

  g_assert_true (hw_backup_restore (backup, db, TRUE, &saved, &error));
  g_assert_no_error (error);
  saved_bytes = read_all (saved, &len);
  g_assert_cmpstr (saved_bytes, ==, junk);
  dump_db_now = dump_file (db);
  g_assert_cmpstr (dump_backup, ==, dump_db_now);

  store = hw_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  hw_test_remove_dir (dir);
  g_free (dir);
}

/* After a crash ------------------------------------------------------------ */

/* A child makes a backup, says so, then edits until it is killed. The
 * restore then gives exactly the backup's data, in a database that passes
 * quick_check and opens. */
static void
test_restore_after_crash (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autofree char *backup = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  g_autofree char *db = g_strdup (hw_store_get_path (store));
  guint32 seed = g_test_rand_int ();

  backup = g_build_filename (dir, "backup.db", NULL);
  g_assert_finalize_object (store);

  for (int round = 0; round < 5; round++)
    {
      g_autofree char *dump_backup = NULL;
      g_autofree char *dump_restored = NULL;
      g_autofree char *check = NULL;
      g_autoptr(HwStore) reopened = NULL;
      int fds[2];
      pid_t pid;
      char c;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          HwStore *child = hw_store_open (db, NULL);

          close (fds[0]);
          if (child == NULL || !hw_backup_make (child, backup, NULL))
            _exit (2);
          if (write (fds[1], "b", 1) != 1)
            _exit (3);
          for (guint n = 0;; n++)
            {
              g_autofree char *name = g_strdup_printf ("Crash %u", n);
              g_autoptr(HwRecord) rec = hw_record_new ("cases");

              hw_record_set_string (rec, "family_name", name);
              hw_store_insert (child, "Add family", rec, NULL);
              if (n % 3 == 0)
                hw_store_undo (child, NULL);
            }
        }
      close (fds[1]);
      g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
      close (fds[0]);
      g_usleep (g_random_int_range (0, 200) * 1000 + (seed % 7) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);

      dump_backup = dump_file (backup);
      g_assert_true (hw_backup_restore (backup, db, TRUE, NULL, &error));
      g_assert_no_error (error);
      dump_restored = dump_file (db);
      g_assert_cmpstr (dump_backup, ==, dump_restored);

      reopened = hw_store_open (db, &error);
      g_assert_no_error (error);
      {
        sqlite3_stmt *stmt = NULL;
        sqlite3_prepare_v2 (hw_store_get_db (reopened), "PRAGMA quick_check", -1, &stmt, NULL);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        sqlite3_finalize (stmt);
      }
      g_assert_cmpstr (check, ==, "ok");
      /* no edit of the child after its backup is there */
      g_assert_cmpint (hw_store_query_int (reopened, -1, "SELECT count(*) FROM cases WHERE family_name LIKE 'Crash %'",
                                           G_TYPE_INVALID), ==, 0);
    }

  hw_test_remove_dir (dir);
  g_free (dir);
}

/* Forgetting a case ------------------------------------------------------- */

static gboolean
contains (const char *path,
          const char *needle)
{
  gsize len;
  g_autofree char *contents = read_all (path, &len);

  return memmem (contents, len, needle, strlen (needle)) != NULL;
}

static void
test_forget_case (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HwRecord) rec = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  const char *db = hw_store_get_path (store);
  const char *secret = "Quetzalcoatl-Forgettable";
  gint64 id;
  int n;

  id = add_case (store, secret);
  rec = hw_store_get (store, "cases", id, &error);
  g_assert_no_error (error);
  for (int d = 0; d < 3; d++)
    {
      g_autoptr(GDateTime) when = day (d, 9);
      g_autofree char *path = hw_backup_daily_at (store, when, &error);
      g_assert_no_error (error);
      g_assert_true (contains (path, secret));
    }

  /* a case with the same id but another name is left alone */
  n = hw_backup_forget_case (db, id, "Someone else", "T-1", hw_record_get_string (rec, "created"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);

  n = hw_backup_forget_case (db, id, secret, "T-1", hw_record_get_string (rec, "created"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);

  list = hw_backup_list (db, &error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      HwBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_false (contains (info->path, secret));
      g_assert_cmpint (info->n_families, ==, 1);
      g_assert_cmpuint (mode_of (info->path), ==, 0600);
    }

  /* again: nothing left to change */
  n = hw_backup_forget_case (db, id, secret, "T-1", hw_record_get_string (rec, "created"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);

  hw_test_store_free (store, dir);
}

/* Deleting a family for good (hw-purge.c) also removes it from the
 * automatic backups: from the command line (the case is there) and from
 * the window (an undoable delete first, for good when its Undo is gone). */
static void
test_delete_forever_reaches_backups (gconstpointer data)
{
  gboolean from_window = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  g_autoptr(GPtrArray) list = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-backup-XXXXXX", &dir, NULL);
  const char *secret = "Tlaloc-Deleted-For-Good";
  gint64 id = add_case (store, secret);

  for (int d = 0; d < 2; d++)
    {
      g_autoptr(GDateTime) when = day (d, 9);
      g_autofree char *path = hw_backup_daily_at (store, when, &error);
      g_assert_no_error (error);
      g_assert_true (contains (path, secret));
    }

  if (from_window)
    {
      g_assert_true (hw_store_delete (store, "Delete family", "cases", id, &error));
      g_assert_no_error (error);
    }
  g_assert_true (hw_case_delete_forever (store, id, &error));
  g_assert_no_error (error);

  list = hw_backup_list (hw_store_get_path (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      HwBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_false (contains (info->path, secret));
      g_assert_cmpint (info->n_families, ==, 1);   /* the sample family stays */
    }
  hw_test_store_free (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/make", test_make);
  g_test_add_func ("/backup/make-fails", test_make_fails);
  g_test_add_func ("/backup/daily-rotation", test_daily_rotation);
  g_test_add_func ("/backup/daily-async", test_daily_async);
  g_test_add_func ("/backup/refuse-bad", test_refuse_bad);
  g_test_add_func ("/backup/refuse-overwrite", test_refuse_overwrite);
  g_test_add_func ("/backup/restore-new-and-force", test_restore_new_and_force);
  g_test_add_func ("/backup/restore-into-store", test_restore_into_store);
  g_test_add_func ("/backup/restore-while-open", test_restore_while_open);
  g_test_add_func ("/backup/restore-over-damaged", test_restore_over_damaged);
  g_test_add_func ("/backup/restore-after-crash", test_restore_after_crash);
  g_test_add_func ("/backup/forget-case", test_forget_case);
  g_test_add_data_func ("/backup/delete-forever/command-line", GINT_TO_POINTER (FALSE),
                        test_delete_forever_reaches_backups);
  g_test_add_data_func ("/backup/delete-forever/window", GINT_TO_POINTER (TRUE),
                        test_delete_forever_reaches_backups);

  return g_test_run ();
}
