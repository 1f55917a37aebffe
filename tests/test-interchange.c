/* test-interchange.c: the JSON case file round-trips exactly, and a bad
 * file imports nothing and says which field is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "hw-demo.h"
#include "hw-family-plan.h"
#include "hw-interchange.h"
#include "hw-meeting.h"
#include "hw-schema.h"
#include "hw-store.h"

static char *tmpdir;

static HwStore *
new_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  HwStore *store = hw_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
total_rows (HwStore *store)
{
  const char * const *tables = hw_schema_get_user_tables ();
  gint64 total = 0;

  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      total += hw_store_query_int (store, 0, sql, G_TYPE_INVALID);
    }
  return total;
}

static void
test_round_trip (void)
{
  g_autoptr(HwStore) a = new_store ("a.db");
  g_autoptr(HwStore) b = new_store ("b.db");
  g_autoptr(HwStore) c = new_store ("c.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  gint64 case_a, case_b, case_c;

  case_a = hw_demo_create (a, &error);
  g_assert_no_error (error);
  /* the family's plan of the latest meeting (schema 10) travels too, with
   * its author */
  {
    gint64 meeting = hw_store_query_int (a, 0, "SELECT max(id) FROM meetings", G_TYPE_INVALID);
    gint64 mother = hw_demo_find_person (a, case_a, "mother");

    g_assert_true (hw_meeting_set_phase (a, meeting, "family-time", &error));
    g_assert_true (hw_family_plan_save (a, meeting, mother, "Rosa keeps the children on Fridays", &error));
    g_assert_true (hw_family_plan_share (a, meeting, mother, &error));
    g_assert_no_error (error);
  }
  /* a case in a team (on a server, where the team decides who sees it)
   * exports without it: the same file as from anywhere else */
  g_assert_true (hw_store_begin_edit (a, "Give a team", &error));
  g_assert_true (hw_store_exec (a, "INSERT INTO teams (id, name) VALUES (1, 'North office')", &error));
  g_assert_true (hw_store_exec (a, "UPDATE cases SET team_id = 1", &error));
  g_assert_true (hw_store_commit_edit (a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (a, 0, "SELECT team_id FROM cases", G_TYPE_INVALID), ==, 1);
  text_a = hw_interchange_export_text (a, case_a, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text_a, "\"team_id\""));

  /* into an empty database: the same file comes back, byte for byte */
  case_b = hw_interchange_import_data (b, text_a, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_b, ==, case_a);
  text_b = hw_interchange_export_text (b, case_b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpint (total_rows (a) , ==, total_rows (b));
  g_assert_nonnull (strstr (text_a, "\"family_plans\""));
  g_assert_cmpint (hw_store_query_int (b, 0, "SELECT count(*) FROM family_plans f JOIN people p"
                                       " ON p.id = f.updated_by_person_id AND p.role = 'mother'"
                                       " WHERE f.text = 'Rosa keeps the children on Fridays'"
                                       " AND f.shared_at <> ''", G_TYPE_INVALID), ==, 1);

  /* into a database that already holds families: new ids, same content */
  hw_demo_create (c, &error);
  g_assert_no_error (error);
  hw_demo_create (c, &error);
  g_assert_no_error (error);
  case_c = hw_interchange_import_data (c, text_a, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_c, ==, 3);
  /* (the two sample families have no family's plan: one row fewer each) */
  g_assert_cmpint (total_rows (c), ==, 3 * total_rows (a) - 2);
  g_assert_cmpint (hw_store_query_int (c, 0, "SELECT count(*) FROM people WHERE case_id = ?",
                                       G_TYPE_INT64, case_c, G_TYPE_INVALID),
                   ==,
                   hw_store_query_int (a, 0, "SELECT count(*) FROM people", G_TYPE_INVALID));
  /* every reference of the imported case stays inside it */
  g_assert_cmpint (hw_store_query_int (c, -1, "SELECT count(*) FROM pragma_foreign_key_check", G_TYPE_INVALID), ==, 0);

  /* an import is one undoable edit */
  g_assert_true (hw_store_undo (c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_rows (c), ==, 2 * total_rows (a) - 2);
}

typedef struct {
  const char *name;
  const char *json;
  int         code;
  const char *mentions;
} BadFile;

static void
test_bad_files (void)
{
  g_autoptr(HwStore) store = new_store ("bad.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  gint64 case_id, before;
  const BadFile files[] = {
    { "not json", "{ this is not json", HW_INTERCHANGE_ERROR_SYNTAX, "JSON" },
    { "empty", "", HW_INTERCHANGE_ERROR_SYNTAX, NULL },
    { "array", "[1, 2, 3]", HW_INTERCHANGE_ERROR_FORMAT, "format" },
    { "other format", "{\"format\": \"recipes\", \"version\": 1}", HW_INTERCHANGE_ERROR_FORMAT, "format" },
    { "newer", "{\"format\": \"homeward-case\", \"version\": 99, \"case\": {}}", HW_INTERCHANGE_ERROR_TOO_NEW, "newer" },
    { "no case", "{\"format\": \"homeward-case\", \"version\": 1}", HW_INTERCHANGE_ERROR_FIELD, "case" },
    { "case without name", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1}}",
      HW_INTERCHANGE_ERROR_FIELD, "case.family_name" },
    { "wrong type", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": 42}}",
      HW_INTERCHANGE_ERROR_FIELD, "case.family_name" },
    { "unknown field", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": \"A\", \"favourite_colour\": \"blue\"}}",
      HW_INTERCHANGE_ERROR_FIELD, "case.favourite_colour" },
    /* the team is where a case is kept (schema 11), never in a file */
    { "team", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": \"A\", \"team_id\": 1}}",
      HW_INTERCHANGE_ERROR_FIELD, "case.team_id" },
    { "impossible date", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": \"A\"},"
      " \"tables\": {\"people\": [{\"id\": 1, \"case_id\": 1, \"name\": \"B\", \"birth_date\": \"2024-02-30\"}]}}",
      HW_INTERCHANGE_ERROR_FIELD, "tables.people[0].birth_date" },
    { "dangling reference", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": \"A\"},"
      " \"tables\": {\"people\": [{\"id\": 1, \"case_id\": 7, \"name\": \"B\"}]}}",
      HW_INTERCHANGE_ERROR_FIELD, "tables.people[0].case_id" },
    { "duplicate id", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": \"A\"},"
      " \"tables\": {\"people\": [{\"id\": 1, \"case_id\": 1, \"name\": \"B\"}, {\"id\": 1, \"case_id\": 1, \"name\": \"C\"}]}}",
      HW_INTERCHANGE_ERROR_FIELD, "tables.people[1].id" },
    { "unknown table", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": \"A\"},"
      " \"tables\": {\"pets\": []}}", HW_INTERCHANGE_ERROR_FIELD, "tables.pets" },
    /* passes the shape checks, breaks a rule of the data on the 2nd row:
     * the first row must not stay behind */
    { "bad value", "{\"format\": \"homeward-case\", \"version\": 1, \"case\": {\"id\": 1, \"family_name\": \"A\"},"
      " \"tables\": {\"people\": [{\"id\": 1, \"case_id\": 1, \"name\": \"B\"}, {\"id\": 2, \"case_id\": 1, \"name\": \"C\", \"in_household\": 7}]}}",
      HW_INTERCHANGE_ERROR_FIELD, "tables.people[1]" },
  };

  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  good = hw_interchange_export_text (store, case_id, &error);
  before = total_rows (store);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) local = NULL;
      gint64 id;

      g_test_message ("bad file: %s", files[i].name);
      id = hw_interchange_import_data (store, files[i].json, -1, &local);
      g_assert_cmpint (id, ==, 0);
      g_assert_error (local, HW_INTERCHANGE_ERROR, files[i].code);
      g_assert_true (g_str_has_prefix (local->message, "Nothing was imported"));
      if (files[i].mentions)
        g_assert_nonnull (strstr (local->message, files[i].mentions));
      g_assert_cmpint (total_rows (store), ==, before);
      g_assert_false (hw_store_in_edit (store));
    }

  /* a good file cut anywhere is refused and writes nothing (the final
   * newline off first: a cut there would leave the whole file) */
  g_strchomp (good);
  for (gsize cut = 1; cut < strlen (good); cut += strlen (good) / 37)
    {
      g_autoptr(GError) local = NULL;
      g_assert_cmpint (hw_interchange_import_data (store, good, cut, &local), ==, 0);
      g_assert_nonnull (local);
      g_assert_cmpint (total_rows (store), ==, before);
    }
}

static void
test_export_refuses_others (void)
{
  g_autoptr(HwStore) store = new_store ("refuse.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (tmpdir, "family.json", NULL);
  HwExportOptions opts;

  hw_export_options_init (&opts);
  opts.case_id = hw_demo_create (store, &error);
  opts.format = "json";
  opts.output = out;
  opts.recipient.kind = HW_RECIPIENT_FAMILY;
  g_assert_false (hw_interchange_export (store, &opts, &error));
  g_assert_error (error, HW_INTERCHANGE_ERROR, HW_INTERCHANGE_ERROR_RECIPIENT);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  opts.recipient.kind = HW_RECIPIENT_AGENCY;
  opts.case_id = 999;
  g_assert_false (hw_interchange_export (store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cmd = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("homeward-interchange-XXXXXX", NULL);

  g_test_add_func ("/interchange/round-trip", test_round_trip);
  g_test_add_func ("/interchange/bad-files", test_bad_files);
  g_test_add_func ("/interchange/export-refuses-others", test_export_refuses_others);

  ret = g_test_run ();
  cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", tmpdir);
  g_free (tmpdir);
  return ret;
}
