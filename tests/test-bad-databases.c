/* test-bad-databases.c: files the store must refuse, and a full disk.
 *
 * For every bad file: hw_store_open() fails with the right HwStoreError and
 * a message, and afterwards the file is byte for byte what it was and no
 * other file (journal, -wal, -shm) was left next to it.
 *
 * Permission cases fork a child. When the tests run as root (CI
 * containers), the child gives up root for "nobody" first, because root
 * may write any file whatever its mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-bad-databases"
#define _GNU_SOURCE   /* unshare() */

#include <errno.h>
#include <sched.h>
#include <sys/mount.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hw-schema.h"
#include "hw-store.h"

#define NOBODY 65534

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("homeward-bad-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "homeward.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("chmod -R u+rwX '%s' && rm -rf '%s'", f->dir, f->dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

/* Checksum of @path's bytes ("(none)" when it cannot be read as a file). */
static char *
fingerprint (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("(none)");
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  return g_strdup_printf ("%s %" G_GSIZE_FORMAT, sum, len);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in the folder of @path, sorted. */
static char *
listing (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) s = g_string_new (NULL);
  const char *name;

  dir = g_dir_open (dirname, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", (char *) g_ptr_array_index (names, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A good database with one family in it, closed. */
static void
make_good_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  g_autoptr(HwRecord) rec = hw_record_new ("cases");

  g_assert_no_error (error);
  hw_record_set_string (rec, "family_name", "Rivera");
  g_assert_cmpint (hw_store_insert (store, "Add family", rec, &error), >, 0);
  g_assert_no_error (error);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* Opens @path expecting @code; checks the message and that nothing changed. */
static void
assert_refused (const char   *path,
                HwStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *before = fingerprint (path);
  g_autofree char *after = NULL;

  store = hw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, HW_STORE_ERROR, (gint) code);
  if (error == NULL)
    return;
  g_test_message ("refused: %s", error->message);
  /* a sentence for a person, not an sqlite code */
  g_assert_cmpuint (strlen (error->message), >, 20);

  after = fingerprint (path);
  g_assert_cmpstr (after, ==, before);
}

/* Files that are not good databases ------------------------------------- */

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;

  make_good_database (f->path);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);

  /* cut in the middle: the header promises pages that are not there */
  write_file (f->path, contents, len / 2);
  assert_refused (f->path, HW_STORE_ERROR_CORRUPT);

  /* cut inside the 100-byte header: still recognisably an sqlite file */
  write_file (f->path, contents, 60);
  assert_refused (f->path, HW_STORE_ERROR_CORRUPT);
}

static void
test_random_bytes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint32 *bytes = g_new (guint32, 16384);
  g_autofree char *contents = NULL;
  gsize len;

  for (guint i = 0; i < 16384; i++)
    bytes[i] = g_rand_int (rand);
  write_file (f->path, bytes, 16384 * sizeof (guint32));
  assert_refused (f->path, HW_STORE_ERROR_NOT_HOMEWARD);

  /* random pages behind a valid sqlite header */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  make_good_database (f->path);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  memcpy (contents + 100, bytes, MIN (len - 100, 16384 * sizeof (guint32)));
  write_file (f->path, contents, len);
  assert_refused (f->path, HW_STORE_ERROR_CORRUPT);
}

/* A page that nothing reads while opening (the root of the empty people
 * table) made unreadable: only the full check at open finds it. The file
 * was closed cleanly just before, so this also shows that the check stamp
 * of that close (hw-store.c) does not hide a change made right after it. */
static void
test_damaged_table_page (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = 0, page_size = 0;
  gsize len;

  make_good_database (f->path);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size)"
                                       " FROM sqlite_master WHERE name = 'people'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  page_size = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (page, >, 1);

  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpint ((gint64) len, >=, page * page_size);
  /* the b-tree page type byte: 13 (a table leaf) becomes 0, no page type */
  g_assert_cmpint (contents[(page - 1) * page_size], ==, 13);
  contents[(page - 1) * page_size] = 0;
  write_file (f->path, contents, len);
  assert_refused (f->path, HW_STORE_ERROR_CORRUPT);
}

static void
make_foreign_database (const char *path,
                       const char *extra_sql)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf (
    "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);"
    "INSERT INTO contacts (name) VALUES ('someone');%s", extra_sql);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_other_application (Fixture       *f,
                        gconstpointer  data)
{
  /* another program's database: other tables, no application_id */
  make_foreign_database (f->path, "");
  assert_refused (f->path, HW_STORE_ERROR_NOT_HOMEWARD);
  g_unlink (f->path);

  /* another program that does set its own application_id */
  make_foreign_database (f->path, "PRAGMA application_id = 1598903374;");
  assert_refused (f->path, HW_STORE_ERROR_NOT_HOMEWARD);
  g_unlink (f->path);

  /* even with a user_version, as many programs keep one */
  make_foreign_database (f->path, "PRAGMA user_version = 1;");
  assert_refused (f->path, HW_STORE_ERROR_NOT_HOMEWARD);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u;", hw_schema_get_version () + 1);

  make_good_database (f->path);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_refused (f->path, HW_STORE_ERROR_TOO_NEW);
}

static void
test_not_a_file (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  assert_refused (f->path, HW_STORE_ERROR_NOT_HOMEWARD);
}

/* Refusing a file must not leave sqlite's -wal and -shm files beside it
 * either: the folder is as it was. */
static void
test_no_files_left_behind (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;
  struct {
    const char   *what;
    HwStoreError  code;
  } cases[] = {
    { "truncated", HW_STORE_ERROR_CORRUPT },
    { "newer", HW_STORE_ERROR_TOO_NEW },
    { "foreign", HW_STORE_ERROR_NOT_HOMEWARD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HwStore) store = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

      /* start clean, whatever the case before left behind */
      g_unlink (f->path);
      g_unlink (wal);
      g_unlink (shm);
      if (g_str_equal (cases[i].what, "foreign"))
        make_foreign_database (f->path, "PRAGMA journal_mode = WAL;");
      else
        make_good_database (f->path);
      if (g_str_equal (cases[i].what, "truncated"))
        {
          g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
          write_file (f->path, contents, len / 2);
          g_clear_pointer (&contents, g_free);
        }
      else if (g_str_equal (cases[i].what, "newer"))
        {
          sqlite3 *db = NULL;
          g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
        }

      before = listing (f->path);
      store = hw_store_open (f->path, &error);
      g_assert_error (error, HW_STORE_ERROR, (gint) cases[i].code);
      after = listing (f->path);
      g_test_message ("%s: folder before: %s; after: %s", cases[i].what, before, after);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Permissions: in a child, without root ----------------------------------- */

typedef void (*ChildFunc) (Fixture *f, int fd);

/* Runs @func in a child that is not root; returns what it wrote to @fd. */
static char *
run_in_child (Fixture   *f,
              ChildFunc  func)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int fds[2];
  int status;
  char buf[1024];
  ssize_t n;
  pid_t pid;

  if (getuid () == 0)
    {
      g_autofree char *cmd = g_strdup_printf ("chown -R %d:%d '%s'", NOBODY, NOBODY, f->dir);
      g_assert_cmpint (system (cmd), ==, 0);
    }

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      if (getuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
        _exit (10);
      func (f, fds[1]);
      _exit (0);
    }
  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* In the child: open and report "<code> <message>" or "opened". */
static void
child_open (Fixture *f,
            int      fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (f->path, &error);
  g_autofree char *line = NULL;

  if (store != NULL)
    line = g_strdup ("opened");
  else if (error->domain != HW_STORE_ERROR)
    line = g_strdup_printf ("wrong-domain %s", error->message);
  else
    line = g_strdup_printf ("%d %s", error->code, error->message);
  if (write (fd, line, strlen (line)) < 0)
    _exit (11);
}

static void
assert_child_refused (Fixture      *f,
                      HwStoreError  code)
{
  g_autofree char *before = fingerprint (f->path);
  g_autofree char *after = NULL;
  g_autofree char *out = run_in_child (f, child_open);
  g_autofree char *want = g_strdup_printf ("%d ", code);

  g_test_message ("child: %s", out);
  g_assert_true (g_str_has_prefix (out, want));
  g_assert_cmpuint (strlen (out), >, 20);

  after = fingerprint (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  make_good_database (f->path);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  assert_child_refused (f, HW_STORE_ERROR_READ_ONLY);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *missing = NULL;

  /* a database in a folder where sqlite cannot create its -wal and -shm */
  make_good_database (f->path);
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  assert_child_refused (f, HW_STORE_ERROR_READ_ONLY);

  /* a new database in a read-only folder: not created */
  g_free (f->path);
  f->path = g_build_filename (f->dir, "new.db", NULL);
  missing = g_strdup (f->path);
  assert_child_refused (f, HW_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A full disk -------------------------------------------------------------- */

static gint64
count_cases (HwStore *store)
{
  return hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID);
}

/* An edit that does not fit fails with a message; nothing of it is
 * written, the store stays usable, and the file is as it was. */
static void
test_full_max_page_count (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undo_label = NULL;
  gint64 pages;
  char *sql;

  make_good_database (f->path);
  before = fingerprint (f->path);

  store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  undo_label = hw_store_get_undo_label (store);
  /* the file may not grow by a single page any more */
  pages = hw_store_query_int (store, -1, "PRAGMA page_count", G_TYPE_INVALID);
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_cmpint (sqlite3_exec (hw_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (sql);

  hw_record_set_string (rec, "family_name", "Big");
  hw_record_set_string (rec, "notes", big);
  g_assert_cmpint (hw_store_insert (store, "Add family", rec, &error), <=, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_FULL);
  if (error == NULL)
    return;
  g_test_message ("full: %s", error->message);
  g_clear_error (&error);

  /* nothing half done: the edit is not there, not in undo either */
  g_assert_false (hw_store_in_edit (store));
  g_assert_cmpint (count_cases (store), ==, 1);
  {
    g_autofree char *label = hw_store_get_undo_label (store);
    g_assert_cmpstr (label, ==, undo_label);
  }

  g_clear_object (&store);

  /* closed after the failed edit: the file is as before */
  after = fingerprint (f->path);
  g_assert_cmpstr (after, ==, before);

  /* and once there is room again, the same edit goes through */
  store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (store), ==, 1);
  g_assert_cmpint (hw_store_insert (store, "Add family", rec, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (store), ==, 2);
}

/* The same with a real write failure: a file size limit (RLIMIT_FSIZE)
 * in a child makes write() fail as on a full disk. */
static void
child_fill_disk (Fixture *f,
                 int      fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  g_autofree char *big = g_strnfill (1024 * 1024, 'x');
  g_autofree char *line = NULL;
  struct rlimit limit;
  gint64 id;

  store = hw_store_open (f->path, &error);
  if (store == NULL)
    {
      line = g_strdup_printf ("open-failed %s", error->message);
      goto out;
    }

  /* Big enough for the -shm index and a small -wal, too small for 1 MB. */
  signal (SIGXFSZ, SIG_IGN);
  limit.rlim_cur = limit.rlim_max = 256 * 1024;
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    {
      line = g_strdup ("setrlimit-failed");
      goto out;
    }

  hw_record_set_string (rec, "family_name", "Big");
  hw_record_set_string (rec, "notes", big);
  id = hw_store_insert (store, "Add family", rec, &error);
  if (id > 0)
    line = g_strdup ("inserted");
  else
    line = g_strdup_printf ("%d %s|%s|%d", error->code, error->message,
                            hw_store_in_edit (store) ? "in-edit" : "closed",
                            (int) count_cases (store));
out:
  if (write (fd, line, strlen (line)) < 0)
    _exit (11);
}

static void
test_full_file_size_limit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *want = NULL;

  make_good_database (f->path);
  before = fingerprint (f->path);
  out = run_in_child (f, child_fill_disk);
  g_test_message ("child: %s", out);

  /* a disk-full error (a write that stops short), or at worst an I/O
   * error (a write refused outright); the edit rolled back */
  want = g_strdup_printf ("%d ", HW_STORE_ERROR_FULL);
  if (!g_str_has_prefix (out, want))
    {
      g_free (want);
      want = g_strdup_printf ("%d ", HW_STORE_ERROR_IO);
    }
  g_assert_true (g_str_has_prefix (out, want));
  g_assert_true (g_str_has_suffix (out, "|closed|1"));

  /* once the child is gone, the file is as it was */
  after = fingerprint (f->path);
  g_assert_cmpstr (after, ==, before);

  store = hw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_cases (store), ==, 1);
}

/* A real full disk (ENOSPC): a 2 MB tmpfs (an empty database is 450 KB,
 * and its write-ahead log as much again) mounted in a private mount
 * namespace of a child, so that nothing outside the test sees it and it
 * goes away with the child. Needs root (CI containers); skipped otherwise. */
static void
test_full_tmpfs (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *disk = g_build_filename (f->dir, "disk", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  char buf[1024];
  ssize_t n;
  int fds[2];
  int status;
  pid_t pid;

  g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HwStore) store = NULL;
      g_autoptr(HwRecord) rec = hw_record_new ("cases");
      g_autofree char *path = g_build_filename (disk, "homeward.db", NULL);
      g_autofree char *big = g_strnfill (4 * 1024 * 1024, 'x');
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *line = NULL;

      close (fds[0]);
      if (unshare (CLONE_NEWNS) != 0 ||
          /* the type is ignored here, but valgrind wants a string */
          mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0 ||
          mount ("homeward-test", disk, "tmpfs", 0, "size=2m,mode=0700") != 0)
        {
          line = g_strdup_printf ("skip %s", g_strerror (errno));
          goto out;
        }

      make_good_database (path);
      before = fingerprint (path);
      store = hw_store_open (path, &error);
      if (store == NULL)
        {
          line = g_strdup_printf ("open-failed %s", error->message);
          goto out;
        }
      hw_record_set_string (rec, "family_name", "Big");
      hw_record_set_string (rec, "notes", big);
      if (hw_store_insert (store, "Add family", rec, &error) > 0)
        {
          line = g_strdup ("inserted");
          goto out;
        }
      line = g_strdup_printf ("%d %s|%s|%d", error->code, error->message,
                              hw_store_in_edit (store) ? "in-edit" : "closed",
                              (int) count_cases (store));
      g_clear_object (&store);
      after = fingerprint (path);
      if (g_strcmp0 (before, after) != 0)
        {
          g_free (line);
          line = g_strdup_printf ("changed %s -> %s", before, after);
        }
out:
      if (write (fds[1], line, strlen (line)) < 0)
        _exit (11);
      _exit (0);
    }
  close (fds[1]);
  while ((n = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  g_test_message ("child: %s", out->str);
  if (g_str_has_prefix (out->str, "skip "))
    {
      g_test_skip (out->str);
      return;
    }
  {
    g_autofree char *want = g_strdup_printf ("%d ", HW_STORE_ERROR_FULL);
    g_assert_true (g_str_has_prefix (out->str, want));
    g_assert_true (g_str_has_suffix (out->str, "|closed|1"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Go on after a failed check, so that one run shows every case that
   * fails (the program still exits non-zero). */
  g_test_set_nonfatal_assertions ();

#define ADD(name, func) \
  g_test_add ("/bad-databases/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("truncated", test_truncated);
  ADD ("random-bytes", test_random_bytes);
  ADD ("damaged-table-page", test_damaged_table_page);
  ADD ("other-application", test_other_application);
  ADD ("newer-schema", test_newer_schema);
  ADD ("not-a-file", test_not_a_file);
  ADD ("no-files-left-behind", test_no_files_left_behind);
  ADD ("read-only-file", test_read_only_file);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("full/max-page-count", test_full_max_page_count);
  ADD ("full/file-size-limit", test_full_file_size_limit);
  ADD ("full/tmpfs", test_full_tmpfs);
#undef ADD

  return g_test_run ();
}
