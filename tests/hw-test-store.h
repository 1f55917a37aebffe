/* hw-test-store.h: a database of the sample family in a folder of its own,
 * for tests (header-only, static): a copy of one made once a program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hw-backup.h"
#include "hw-demo.h"
#include "hw-store.h"

/* The sample family is made once a test program, in a database of its own
 * that stays until the program ends; each hw_test_store_new_demo () opens
 * a copy of that file. Making it took 0.2 s, and some 5 s under valgrind,
 * for each of the hundred and more tests that start from it. */
static char *hw_test_store_template_path;
static char *hw_test_store_template_dir;
static gint64 hw_test_store_template_case;
static pid_t hw_test_store_template_owner;

/* Removes @dir, a folder a test made, and all it holds (what the test
 * wrote beside its database: exports, backups). */
static inline void
hw_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        hw_test_remove_dir (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Removes the database @path, its WAL files and its folder @dir, with
 * whatever else the test left in it. */
static inline void
hw_test_store_remove_files (const char *path,
                            const char *dir)
{
  hw_backup_remove_files (path);
  hw_test_remove_dir (dir);
}

static inline void
hw_test_store_template_remove (void)
{
  /* (a child forked by a test that ends with exit () leaves it alone) */
  if (hw_test_store_template_path == NULL || getpid () != hw_test_store_template_owner)
    return;
  hw_test_store_remove_files (hw_test_store_template_path, hw_test_store_template_dir);
  g_clear_pointer (&hw_test_store_template_path, g_free);
  g_clear_pointer (&hw_test_store_template_dir, g_free);
}

/* The file of the sample family, made at the first call (and again if a
 * test removed it); *@case_id the family. */
static inline const char *
hw_test_store_template (gint64 *case_id)
{
  static gboolean registered;
  g_autoptr(GError) error = NULL;
  HwStore *store;

  if (hw_test_store_template_path != NULL &&
      !g_file_test (hw_test_store_template_path, G_FILE_TEST_IS_REGULAR))
    hw_test_store_template_remove ();
  if (hw_test_store_template_path == NULL)
    {
      hw_test_store_template_owner = getpid ();
      hw_test_store_template_dir = g_dir_make_tmp ("homeward-test-template-XXXXXX", &error);
      g_assert_no_error (error);
      hw_test_store_template_path = g_build_filename (hw_test_store_template_dir, "homeward.db",
                                                      NULL);
      store = hw_store_open (hw_test_store_template_path, &error);
      g_assert_no_error (error);
      hw_test_store_template_case = hw_demo_create (store, &error);
      g_assert_no_error (error);
      g_assert_cmpint (hw_test_store_template_case, >, 0);
      /* closed: its write-ahead log is written into the file */
      g_assert_finalize_object (store);
      if (!registered)
        atexit (hw_test_store_template_remove);
      registered = TRUE;
    }
  *case_id = hw_test_store_template_case;
  return hw_test_store_template_path;
}

/* Makes a folder from @tmpl (ending in XXXXXX) and a database in it with
 * the sample family. Returns the store; *@dir is the folder, *@case_id the
 * family. */
static inline HwStore *
hw_test_store_new_demo (const char  *tmpl,
                        char       **dir,
                        gint64      *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autofree char *from_wal = NULL;
  HwStore *store;
  gint64 id;

  from = g_file_new_for_path (hw_test_store_template (&id));
  /* (after a clean close there is no log left; a copy of one would do) */
  from_wal = g_strconcat (hw_test_store_template_path, "-wal", NULL);
  g_assert_false (g_file_test (from_wal, G_FILE_TEST_EXISTS));
  *dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "homeward.db", NULL);
  to = g_file_new_for_path (path);
  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  if (case_id != NULL)
    *case_id = id;
  return store;
}

/* Checks that nothing else keeps @store (a widget that forgot to let go
 * fails here), then removes the database, its WAL files and @dir, and
 * frees @dir. */
static inline void
hw_test_store_free (HwStore *store,
                    char    *dir)
{
  g_autofree char *path = g_strdup (hw_store_get_path (store));

  g_assert_finalize_object (store);
  hw_test_store_remove_files (path, dir);
  g_free (dir);
}
