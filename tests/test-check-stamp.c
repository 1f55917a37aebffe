/* test-check-stamp.c: when opening may skip the full check of the file.
 *
 * hw_store_open() runs `PRAGMA quick_check` (every page of the file)
 * unless the file is exactly as this program closed it after a check less
 * than a day old (see "The check stamp" in hw-store.c). These tests show
 * the check is skipped only then: a file written by anything else, left
 * with a -wal by a crash, or last checked too long ago is checked again,
 * and damage found by a backup's check stops every later edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-check-stamp"

#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hw-backup.h"
#include "hw-store-private.h"
#include "hw-store.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("homeward-stamp-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "homeward.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_autofree char *stamp = hw_store_stamp_path_for_testing (f->path);

  g_unlink (stamp);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static HwStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  HwStore *store = hw_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
add_family (HwStore    *store,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");

  hw_record_set_string (rec, "family_name", name);
  g_assert_cmpint (hw_store_insert (store, "Add family", rec, &error), >, 0);
  g_assert_no_error (error);
}

/* A database with one family, closed cleanly. */
static void
make_database (const char *path)
{
  g_autoptr(HwStore) store = open_store (path);

  add_family (store, "Rivera");
}

/* Whether opening @path now runs the full check. */
static gboolean
checks_on_open (const char *path)
{
  g_autoptr(HwStore) store = open_store (path);

  return hw_store_checked_on_open_for_testing (store);
}

static void
test_trusted_after_clean_close (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *stamp = hw_store_stamp_path_for_testing (f->path);

  make_database (f->path);
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
  /* the file as we left it, checked (made) just now */
  g_assert_false (checks_on_open (f->path));
  g_assert_false (checks_on_open (f->path));
}

static void
test_stamp_only_while_closed (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *stamp = hw_store_stamp_path_for_testing (f->path);
  g_autoptr(HwStore) store = NULL;

  make_database (f->path);
  store = open_store (f->path);
  /* a crash from here on leaves no stamp behind */
  g_assert_false (g_file_test (stamp, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
}

/* Another program writes the file, keeping its size: checked again, even
 * right after our close. */
static void
test_written_by_another (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len;
  int fd;

  make_database (f->path);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  fd = g_open (f->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, len), ==, (gssize) len);
  close (fd);
  g_assert_true (checks_on_open (f->path));
  /* and trusted again once we closed it after that check */
  g_assert_false (checks_on_open (f->path));
}

/* Only the times changed (e.g. a copy that keeps them): ctime tells. */
static void
test_touched (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("touch -r '%s' '%s'", f->path, f->path);

  make_database (f->path);
  g_usleep (20 * 1000);
  g_assert_cmpint (system (cmd), ==, 0);
  g_assert_true (checks_on_open (f->path));
}

/* Replaced by another file (a restore, a copy from elsewhere). */
static void
test_replaced (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *cmd = g_strdup_printf ("cp -p '%s' '%s' && mv '%s' '%s'",
                                          f->path, other, other, f->path);

  make_database (f->path);
  g_assert_cmpint (system (cmd), ==, 0);
  g_assert_true (checks_on_open (f->path));
}

/* A -wal beside the file: a crash, or another program has it open. */
static void
test_wal_left (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  make_database (f->path);
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_assert_true (checks_on_open (f->path));
}

/* The last full check more than a day ago: checked again. */
static void
test_too_old (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *stamp = hw_store_stamp_path_for_testing (f->path);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  gint64 day_ago = g_get_real_time () / G_USEC_PER_SEC - 24 * 3600 - 5;

  make_database (f->path);
  g_assert_true (g_key_file_load_from_file (keys, stamp, G_KEY_FILE_NONE, NULL));
  g_key_file_set_int64 (keys, "stamp", "checked-at", day_ago);
  g_assert_true (g_key_file_save_to_file (keys, stamp, NULL));
  g_assert_true (checks_on_open (f->path));
  /* that check is recent */
  g_assert_false (checks_on_open (f->path));
}

/* A backup's check of its page-for-page copy counts as a full check. */
static void
test_backup_counts (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *stamp = hw_store_stamp_path_for_testing (f->path);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GKeyFile) after = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  make_database (f->path);
  g_assert_true (g_key_file_load_from_file (keys, stamp, G_KEY_FILE_NONE, NULL));
  g_key_file_set_int64 (keys, "stamp", "checked-at", now - 23 * 3600);
  g_assert_true (g_key_file_save_to_file (keys, stamp, NULL));

  store = open_store (f->path);
  g_assert_false (hw_store_checked_on_open_for_testing (store));
  g_assert_cmpint (hw_store_get_checked_at (store), ==, now - 23 * 3600);
  g_assert_true (hw_backup_make (store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_get_checked_at (store), >=, now);
  g_clear_object (&store);

  g_assert_true (g_key_file_load_from_file (after, stamp, G_KEY_FILE_NONE, NULL));
  g_assert_cmpint (g_key_file_get_int64 (after, "stamp", "checked-at", NULL), >=, now);
}

/* Damage found by a backup's check: no more edits, no stamp, and the
 * next open checks the whole file. */
static void
test_damaged_stops_edits (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *stamp = hw_store_stamp_path_for_testing (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  g_autofree char *setting = NULL;

  make_database (f->path);
  store = open_store (f->path);
  g_test_expect_message ("hw-store", G_LOG_LEVEL_WARNING, "*may be damaged*");
  hw_store_mark_damaged (store, "Tree 5 page 5: btreeInitPage() returns error code 11");
  g_test_assert_expected_messages ();
  g_assert_true (hw_store_is_damaged (store));

  hw_record_set_string (rec, "family_name", "Okafor");
  g_assert_cmpint (hw_store_insert (store, "Add family", rec, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  /* writes outside edits fail too */
  g_assert_false (hw_store_set_setting (store, "x", "y", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  setting = hw_store_get_setting (store, "x");
  g_assert_null (setting);

  g_clear_object (&store);
  g_assert_false (g_file_test (stamp, G_FILE_TEST_EXISTS));
  g_assert_true (checks_on_open (f->path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/check-stamp/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("trusted-after-clean-close", test_trusted_after_clean_close);
  ADD ("stamp-only-while-closed", test_stamp_only_while_closed);
  ADD ("written-by-another", test_written_by_another);
  ADD ("touched", test_touched);
  ADD ("replaced", test_replaced);
  ADD ("wal-left", test_wal_left);
  ADD ("too-old", test_too_old);
  ADD ("backup-counts", test_backup_counts);
  ADD ("damaged-stops-edits", test_damaged_stops_edits);
#undef ADD

  return g_test_run ();
}
