/* test-lock.c: the screen-lock passphrase is kept only as a salted hash,
 * and every refusal leaves the stored value as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lock"
#define _GNU_SOURCE /* memmem */

#include <string.h>

#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-lock.h"
#include "hw-store.h"

#define PASS "correct horse battery"
#define OTHER "tr0ub4dor & 3 más"

typedef struct {
  char    *dir;
  HwStore *store;
} Fixture;

static HwStore *
open_store (const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  HwStore *store = hw_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("homeward-test-lock-XXXXXX", &error);
  g_assert_no_error (error);
  f->store = open_store (f->dir, "a.db");
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  remove_dir (f->dir);
  g_free (f->dir);
}

static char *
stored (HwStore *store)
{
  return hw_store_get_setting (store, HW_LOCK_SETTING_KEY);
}

/* Everything the database holds, as text, to look for the passphrase. */
static gboolean
database_contains (HwStore    *store,
                   const char *needle)
{
  g_autofree char *path = g_strdup (hw_store_get_path (store));
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_contents = NULL;
  gsize wal_length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_file_get_contents (wal, &wal_contents, &wal_length, NULL);
  return (memmem (contents, length, needle, strlen (needle)) != NULL ||
          (wal_contents != NULL && memmem (wal_contents, wal_length, needle, strlen (needle)) != NULL));
}

static void
test_salted (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = open_store (f->dir, "b.db");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *a2 = NULL;

  g_assert_false (hw_lock_has_passphrase (f->store));
  g_assert_true (hw_lock_set_passphrase (f->store, NULL, PASS, &error));
  g_assert_no_error (error);
  g_assert_true (hw_lock_set_passphrase (other, NULL, PASS, &error));
  g_assert_no_error (error);
  g_assert_true (hw_lock_has_passphrase (f->store));

  a = stored (f->store);
  b = stored (other);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  /* yescrypt, with a salt of its own in each store */
  g_assert_true (g_str_has_prefix (a, "$y$"));
  g_assert_cmpstr (a, !=, b);

  /* the same passphrase set again gets a fresh salt too */
  g_assert_true (hw_lock_set_passphrase (f->store, PASS, PASS, &error));
  g_assert_no_error (error);
  a2 = stored (f->store);
  g_assert_cmpstr (a, !=, a2);
  g_assert_true (hw_lock_verify (f->store, PASS));

  /* never the passphrase itself, in the value or anywhere in the file */
  g_assert_null (strstr (a2, PASS));
  g_assert_null (strstr (a2, "horse"));
  g_assert_false (database_contains (f->store, "horse"));
  g_assert_false (database_contains (other, "horse"));

  /* not user data: nothing to undo, nothing in the audit trail */
  g_assert_false (hw_store_can_undo (f->store));
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM hw_audit", G_TYPE_INVALID), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* nothing set: nothing verifies */
  g_assert_false (hw_lock_verify (f->store, PASS));
  g_assert_false (hw_lock_verify (f->store, ""));

  g_assert_true (hw_lock_set_passphrase (f->store, NULL, OTHER, &error));
  g_assert_no_error (error);
  g_assert_true (hw_lock_verify (f->store, OTHER));
  g_assert_false (hw_lock_verify (f->store, PASS));
  g_assert_false (hw_lock_verify (f->store, ""));
  g_assert_false (hw_lock_verify (f->store, NULL));
  g_assert_false (hw_lock_verify (f->store, "tr0ub4dor & 3 mas"));
  g_assert_false (hw_lock_verify (f->store, "tr0ub4dor & 3 más "));
  g_assert_false (hw_lock_verify (f->store, "TR0UB4DOR & 3 MÁS"));

  /* it stays set when the database is opened again */
  {
    g_autofree char *path = g_strdup (hw_store_get_path (f->store));

    g_assert_finalize_object (g_steal_pointer (&f->store));
    f->store = hw_store_open (path, &error);
    g_assert_no_error (error);
  }
  g_assert_true (hw_lock_has_passphrase (f->store));
  g_assert_true (hw_lock_verify (f->store, OTHER));
}

/* A forgotten passphrase: removed without the current one, and nothing
 * else of the database changes (the case data, the undo journal). */
static void
test_forget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* the people, the undo history and the audit trail */
  const char *counts[] = { "SELECT count(*) FROM people", "SELECT count(*) FROM hw_history",
                           "SELECT count(*) FROM hw_audit" };
  gint64 before[G_N_ELEMENTS (counts)];

  g_assert_false (hw_lock_forget_passphrase (f->store, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_NO_PASSPHRASE);
  g_clear_error (&error);

  g_assert_true (hw_lock_set_passphrase (f->store, NULL, PASS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_demo_create (f->store, &error), >, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      before[i] = hw_store_query_int (f->store, -1, counts[i], G_TYPE_INVALID);
      g_assert_cmpint (before[i], >, 0);
    }

  g_assert_true (hw_lock_forget_passphrase (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (hw_lock_has_passphrase (f->store));
  g_assert_false (hw_lock_verify (f->store, PASS));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpint (hw_store_query_int (f->store, -1, counts[i], G_TYPE_INVALID), ==, before[i]);

  /* a new one can be set at once, without the old one */
  g_assert_true (hw_lock_set_passphrase (f->store, NULL, OTHER, &error));
  g_assert_no_error (error);
  g_assert_true (hw_lock_verify (f->store, OTHER));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char long_one[HW_LOCK_MAX_BYTES + 2];

  /* empty, short (counted in characters, not bytes), invalid: nothing set */
  g_assert_false (hw_lock_set_passphrase (f->store, NULL, "", &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_SHORT);
  g_assert_nonnull (strstr (error->message, "8"));
  g_clear_error (&error);
  g_assert_false (hw_lock_set_passphrase (f->store, NULL, NULL, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_SHORT);
  g_clear_error (&error);
  g_assert_false (hw_lock_set_passphrase (f->store, NULL, "1234567", &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_SHORT);
  g_assert_nonnull (strstr (error->message, "too short"));
  g_clear_error (&error);
  /* 7 characters, 14 bytes */
  g_assert_false (hw_lock_set_passphrase (f->store, NULL, "ñññññññ", &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_SHORT);
  g_clear_error (&error);
  g_assert_false (hw_lock_set_passphrase (f->store, NULL, "abcdefg\xff\xfe", &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_INVALID);
  g_clear_error (&error);
  memset (long_one, 'a', sizeof long_one - 1);
  long_one[sizeof long_one - 1] = '\0';
  g_assert_false (hw_lock_set_passphrase (f->store, NULL, long_one, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_false (hw_lock_has_passphrase (f->store));
  g_assert_null (stored (f->store));

  /* nothing to clear */
  g_assert_false (hw_lock_clear_passphrase (f->store, NULL, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_NO_PASSPHRASE);
  g_clear_error (&error);

  /* exactly 8 characters is enough */
  g_assert_true (hw_lock_set_passphrase (f->store, NULL, "ñññññññ!", &error));
  g_assert_no_error (error);
  g_assert_true (hw_lock_verify (f->store, "ñññññññ!"));
  g_assert_true (hw_lock_set_passphrase (f->store, "ñññññññ!", PASS, &error));
  g_assert_no_error (error);
  before = stored (f->store);

  /* change: without the current one, with a wrong one, or to a short one */
  g_assert_false (hw_lock_set_passphrase (f->store, NULL, OTHER, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_WRONG);
  g_clear_error (&error);
  g_assert_false (hw_lock_set_passphrase (f->store, "", OTHER, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_WRONG);
  g_clear_error (&error);
  g_assert_false (hw_lock_set_passphrase (f->store, OTHER, OTHER, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_WRONG);
  g_clear_error (&error);
  g_assert_false (hw_lock_set_passphrase (f->store, PASS, "short", &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_SHORT);
  g_clear_error (&error);
  /* clear: without the current one, or with a wrong one */
  g_assert_false (hw_lock_clear_passphrase (f->store, NULL, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_WRONG);
  g_clear_error (&error);
  g_assert_false (hw_lock_clear_passphrase (f->store, OTHER, &error));
  g_assert_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_WRONG);
  g_clear_error (&error);

  after = stored (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (hw_lock_verify (f->store, PASS));
  g_assert_false (hw_lock_verify (f->store, OTHER));

  /* with the current one: change, then clear */
  g_assert_true (hw_lock_set_passphrase (f->store, PASS, OTHER, &error));
  g_assert_no_error (error);
  g_assert_false (hw_lock_verify (f->store, PASS));
  g_assert_true (hw_lock_verify (f->store, OTHER));
  g_assert_true (hw_lock_clear_passphrase (f->store, OTHER, &error));
  g_assert_no_error (error);
  g_assert_false (hw_lock_has_passphrase (f->store));
  g_assert_false (hw_lock_verify (f->store, OTHER));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lock/salted", Fixture, NULL, fixture_set_up, test_salted, fixture_tear_down);
  g_test_add ("/lock/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/lock/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/lock/forget", Fixture, NULL, fixture_set_up, test_forget, fixture_tear_down);

  return g_test_run ();
}
