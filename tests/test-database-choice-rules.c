/* test-database-choice-rules.c: the rules of the place chosen in Preferences
 * to keep the families (hw-database-choice.c, the GSettings key
 * "database"): what is accepted, how, and every refusal in words, never
 * with a password; the command line's --database winning over the key.
 * Run by tests/pg-cluster.sh (suite pg, HOMEWARD_TEST_PG_URI set), "Check"
 * also signs in to a real server, and leaves nothing there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-database-choice-rules"

#include <string.h>

#include <glib/gstdio.h>

#include "hw-database-choice.h"
#include "hw-db.h"
#include "hw-store.h"

typedef struct {
  const char *text;
  const char *stored;
} Accepted;

static void
test_accepted (void)
{
  g_autofree char *folder = g_dir_make_tmp ("homeward-choice-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (folder, "homeward.db", NULL);
  g_autofree char *missing = g_build_filename (folder, "not yet", "homeward.db", NULL);
  const Accepted cases[] = {
    /* this computer's own file */
    { "", "" },
    { "   ", "" },
    /* a server, the password in ~/.pgpass */
    { "postgresql://db.agency.example/homeward?sslmode=verify-full",
      "postgresql://db.agency.example/homeward?sslmode=verify-full" },
    { "postgres://alice@db.agency.example:5433/homeward", "postgres://alice@db.agency.example:5433/homeward" },
    { "  postgresql://alice@db/homeward  \n", "postgresql://alice@db/homeward" },
    { "postgresql:///homeward?host=/var/run/postgresql", "postgresql:///homeward?host=/var/run/postgresql" },
    { "postgresql://[::1]/homeward", "postgresql://[::1]/homeward" },
    /* the scheme in any case, stored as libpq reads it */
    { "PostgreSQL://db/homeward", "postgresql://db/homeward" },
    /* an empty password is no secret */
    { "postgresql://alice:@db/homeward", "postgresql://alice:@db/homeward" },
    /* a full path: a file there or one to be made (the store makes it) */
    { file, file },
    { missing, missing },
  };

  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = hw_database_choice_check (cases[i].text, &error);

      g_test_message ("accepted: %s", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, cases[i].stored);
    }
  g_unlink (file);
  g_rmdir (folder);
}

typedef struct {
  const char *text;
  int         code;
  const char *words;   /* in the message */
} Refused;

static void
test_refused (void)
{
  g_autofree char *folder = g_dir_make_tmp ("homeward-choice-XXXXXX", NULL);
  g_autofree char *folder_slash = g_strconcat (folder, "/", NULL);
  const Refused cases[] = {
    /* a password, anywhere in the address */
    { "postgresql://alice:S3cret-pw@db.agency.example/homeward", HW_DATABASE_CHOICE_ERROR_PASSWORD, "~/.pgpass" },
    { "postgres://alice:S3cret-pw@db/homeward?sslmode=require", HW_DATABASE_CHOICE_ERROR_PASSWORD, "~/.pgpass" },
    { "postgresql://alice@db/homeward?password=S3cret-pw", HW_DATABASE_CHOICE_ERROR_PASSWORD, "~/.pgpass" },
    { "postgresql://db/homeward?sslmode=verify-full&password=S3cret-pw", HW_DATABASE_CHOICE_ERROR_PASSWORD, "never keeps a password" },
    /* a path that is not a full path */
    { "homeward.db", HW_DATABASE_CHOICE_ERROR_RELATIVE, "not a full path" },
    { "./homeward.db", HW_DATABASE_CHOICE_ERROR_RELATIVE, "starting with /" },
    { "Documents/homeward.db", HW_DATABASE_CHOICE_ERROR_RELATIVE, "not a full path" },
    { "~/Documents/homeward.db", HW_DATABASE_CHOICE_ERROR_RELATIVE, "not a full path" },
    /* another kind of server: its password is not shown either */
    { "mysql://root:S3cret-pw@db/homeward", HW_DATABASE_CHOICE_ERROR_SCHEME, "PostgreSQL server only" },
    { "https://db.agency.example/homeward", HW_DATABASE_CHOICE_ERROR_SCHEME, "another kind of server" },
    { "sqlite:///home/alice/homeward.db", HW_DATABASE_CHOICE_ERROR_SCHEME, "postgresql://" },
    /* garbage */
    { "postgresql://[::1/homeward", HW_DATABASE_CHOICE_ERROR_INVALID, "cannot read this address" },
    { "postgresql://db/homeward?nonsense=S3cret-pw", HW_DATABASE_CHOICE_ERROR_INVALID, "cannot read this address" },
    { "postgresql://alice:S3cret-pw@[db/homeward", HW_DATABASE_CHOICE_ERROR_INVALID, "cannot read this address" },
    { "host=db dbname=homeward password=S3cret-pw", HW_DATABASE_CHOICE_ERROR_INVALID, "starting with postgresql://" },
    { "/home/alice/home\nward.db", HW_DATABASE_CHOICE_ERROR_INVALID, "neither" },
    { "\xff\xfe", HW_DATABASE_CHOICE_ERROR_INVALID, "neither" },
    { "/", HW_DATABASE_CHOICE_ERROR_INVALID, "is a folder" },
    { folder, HW_DATABASE_CHOICE_ERROR_INVALID, "is a folder" },
    { folder_slash, HW_DATABASE_CHOICE_ERROR_INVALID, "is a folder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;

      g_test_message ("refused: %s", cases[i].text);
      stored = hw_database_choice_check (cases[i].text, &error);
      g_assert_null (stored);
      g_assert_error (error, HW_DATABASE_CHOICE_ERROR, cases[i].code);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      g_assert_null (strstr (error->message, "S3cret-pw"));
    }
  g_rmdir (folder);
}

/* the key, as the window's start and the command line read it
 * (GSETTINGS_BACKEND=memory) */
static void
test_resolve (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = hw_store_default_path ();
  g_autofree char *path = NULL;
  gboolean from_settings = TRUE;

  /* '' (the default): this computer's file */
  g_settings_reset (settings, HW_DATABASE_CHOICE_KEY);
  path = hw_database_choice_resolve (NULL, &from_settings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, default_path);
  g_assert_false (from_settings);
  g_clear_pointer (&path, g_free);

  /* the server chosen in Preferences */
  g_settings_set_string (settings, HW_DATABASE_CHOICE_KEY, "postgresql://db.agency.example/homeward");
  path = hw_database_choice_resolve (NULL, &from_settings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "postgresql://db.agency.example/homeward");
  g_assert_true (from_settings);
  g_clear_pointer (&path, g_free);

  /* --database always wins */
  path = hw_database_choice_resolve ("/tmp/other.db", &from_settings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "/tmp/other.db");
  g_assert_false (from_settings);
  g_clear_pointer (&path, g_free);

  /* a key set by hand with a password is refused, not used, not shown */
  g_settings_set_string (settings, HW_DATABASE_CHOICE_KEY, "postgresql://alice:S3cret-pw@db/homeward");
  path = hw_database_choice_resolve (NULL, &from_settings, &error);
  g_assert_null (path);
  g_assert_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_PASSWORD);
  g_assert_nonnull (strstr (error->message, "chosen in Preferences"));
  g_assert_null (strstr (error->message, "S3cret-pw"));
  g_clear_error (&error);

  g_settings_reset (settings, HW_DATABASE_CHOICE_KEY);
}

/* "Check" in Preferences: a server that does not answer, in words */
static void
test_try_server (void)
{
  g_autoptr(GError) error = NULL;

  /* port 1: nothing listens there, refused at once */
  g_assert_false (hw_database_choice_try_server ("postgresql://alice@127.0.0.1:1/homeward?connect_timeout=3", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
}

/* "Check" on a real server (the pg suite's cluster): it answers, and
 * nothing of Homeward's is made there by checking */
static void
test_try_real_server (void)
{
  const char *uri = g_getenv ("HOMEWARD_TEST_PG_URI");
  g_autoptr(GError) error = NULL;
  g_autoptr(HwDb) db = NULL;
  g_autoptr(HwDbStmt) stmt = NULL;
  g_autofree char *checked = NULL;

  if (uri == NULL)
    {
      g_test_skip ("no PostgreSQL cluster; run it through tests/pg-cluster.sh run");
      return;
    }
  checked = hw_database_choice_check (uri, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (checked, ==, uri);
  g_assert_true (hw_database_choice_try_server (checked, &error));
  g_assert_no_error (error);

  db = hw_db_pg_open (uri, &error);
  g_assert_no_error (error);
  stmt = hw_db_prepare (db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'hw_schema_version'",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_db_stmt_step (stmt, &error), ==, HW_DB_STEP_ROW);
  g_assert_cmpint (hw_db_stmt_column_int64 (stmt, 0), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database-choice/accepted", test_accepted);
  g_test_add_func ("/database-choice/refused", test_refused);
  g_test_add_func ("/database-choice/resolve", test_resolve);
  g_test_add_func ("/database-choice/try-server", test_try_server);
  g_test_add_func ("/database-choice/try-real-server", test_try_real_server);

  return g_test_run ();
}
