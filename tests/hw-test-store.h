/* hw-test-store.h: a database of the sample family in a folder of its own,
 * for tests (header-only, static).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-store.h"

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
  HwStore *store;
  gint64 id;

  *dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "homeward.db", NULL);
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
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
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_finalize_object (store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  g_free (dir);
}
