/* fuzz-common.c: shared set-up of the fuzz harnesses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "homeward-fuzz"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

static char *tmpdir;
static HwStore *store;
static gint64 the_case_id;
static char *input_path;

static void
remove_tmpdir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&store);
  if (tmpdir == NULL)
    return;
  dir = g_dir_open (tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  g_clear_pointer (&input_path, g_free);
}

HwStore *
fuzz_get_store (gint64 *case_id)
{
  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HwRecord) record = NULL;
      g_autofree char *db = NULL;

      /* Messages of rejected inputs are expected and would flood the log. */
      g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
      tmpdir = g_dir_make_tmp ("homeward-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_tmpdir);
      db = g_build_filename (tmpdir, "fuzz.db", NULL);
      input_path = g_build_filename (tmpdir, "input", NULL);
      store = hw_store_open (db, &error);
      g_assert_no_error (error);

      record = hw_record_new ("cases");
      hw_record_set_string (record, "family_name", "Fuzz");
      the_case_id = hw_store_insert (store, "Add family", record, &error);
      g_assert_no_error (error);
      g_assert_cmpint (the_case_id, >, 0);
    }
  if (case_id != NULL)
    *case_id = the_case_id;
  return store;
}

const char *
fuzz_write_input (const uint8_t *data,
                  size_t         size)
{
  g_autoptr(GError) error = NULL;

  fuzz_get_store (NULL);
  g_file_set_contents (input_path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return input_path;
}
