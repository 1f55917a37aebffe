/* test-service-plan-export.c: the CSV read back by a real parser (Debian's
 * python3 csv module), the JSON by json-glib, and the recipient rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hw-service-plan.h"
#include "hw-store.h"
#include "hw-test-store.h"

#define TRICKY_WORDS "We need \"a real home\", not a shelter,\nand a yard — por favor, María 👍 中文 مرحبا"
#define TRICKY_NOTE  "Line one, with a comma\r\nline \"two\""

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   task;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(HwRecord) person = hw_record_new ("people");
  g_autoptr(HwRecord) secret = hw_record_new ("needs");
  g_autoptr(HwRecord) note = hw_record_new ("progress_notes");
  gint64 need, goal, mother, secret_id;

  f->dir = g_dir_make_tmp ("homeward-spx-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);

  hw_record_set_string (kase, "family_name", "Núñez");
  f->case_id = hw_store_insert (f->store, "Add case", kase, &error);
  hw_record_set_int (person, "case_id", f->case_id);
  hw_record_set_string (person, "name", "María Núñez");
  hw_record_set_string (person, "role", "mother");
  mother = hw_store_insert (f->store, "Add person", person, &error);
  g_assert_no_error (error);

  need = hw_service_plan_add_need (f->store, f->case_id, "housing", TRICKY_WORDS, "Pays rent, always", &error);
  goal = hw_service_plan_add_goal (f->store, need, "=SUM(A1:A9) is not a formula", "2025-06-30", &error);
  f->task = hw_service_plan_add_task (f->store, goal, "Apply for the voucher", 0, mother, FALSE,
                                      "Once, soon", "2025-03-01", "2025-03-20", &error);
  g_assert_no_error (error);
  g_assert_true (hw_service_plan_set_task_status (f->store, f->task, "in-progress", &error));
  {
    g_autoptr(HwRecord) change = hw_record_new ("tasks");

    hw_record_set_id (change, f->task);
    hw_record_set_string (change, "barriers", "language,cost");
    g_assert_cmpint (hw_service_plan_save (f->store, NULL, change, &error), ==, f->task);
  }
  hw_service_plan_add_note (f->store, f->task, "2025-03-05", "Sam", TRICKY_NOTE, &error);
  g_assert_no_error (error);

  /* withheld from the family: must not be in their copy at all */
  hw_record_set_int (secret, "case_id", f->case_id);
  hw_record_set_string (secret, "domain", "domestic-violence");
  hw_record_set_string (secret, "family_words", "SECRET NEED");
  hw_record_set_int (secret, "confidential", 1);
  hw_record_set_string (secret, "withheld_from", "family,screen");
  secret_id = hw_service_plan_save (f->store, NULL, secret, &error);
  goal = hw_service_plan_add_goal (f->store, secret_id, "SECRET GOAL", "", &error);
  hw_service_plan_add_task (f->store, goal, "SECRET TASK", 0, 0, TRUE, "", "", "", &error);
  g_assert_no_error (error);
  hw_record_set_int (note, "task_id", f->task);
  hw_record_set_string (note, "date", "2025-03-06");
  hw_record_set_string (note, "text", "SECRET NOTE");
  hw_record_set_int (note, "confidential", 1);
  hw_record_set_string (note, "withheld_from", "family");
  g_assert_cmpint (hw_service_plan_save (f->store, NULL, note, &error), >, 0);

  /* a need with no goal still shows */
  hw_service_plan_add_need (f->store, f->case_id, "legal", "Court date in May", "", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = NULL;

  g_clear_object (&f->store);
  cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static char *
export (Fixture         *f,
        const char      *format,
        HwRecipientKind  kind)
{
  g_autoptr(GError) error = NULL;
  HwExportOptions opts;
  char *path = g_strdup_printf ("%s/plan-%d.%s", f->dir, kind, format);
  struct stat st;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = "service-plan";
  opts.format = format;
  opts.output = path;
  opts.recipient.kind = kind;
  g_assert_true (hw_service_plan_export (f->store, &opts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return path;
}

/* Parses @path with Debian's python3 csv module; returns the rows as JSON. */
static JsonArray *
python_csv_rows (const char *path,
                 JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    rows = list(csv.reader(f, strict=True))\n"
    "widths = {len(r) for r in rows}\n"
    "assert len(widths) == 1, widths\n"
    "json.dump(rows, sys.stdout, ensure_ascii=True)\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("Debian's /usr/bin/python3 is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 csv failed: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static const char *
cell (JsonArray *rows,
      guint      row,
      guint      column)
{
  return json_array_get_string_element (json_array_get_array_element (rows, row), column);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *agency_path = export (f, "csv", HW_RECIPIENT_AGENCY);
  g_autofree char *family_path = export (f, "csv", HW_RECIPIENT_FAMILY);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_autofree char *raw = NULL;
  gsize length;
  JsonArray *rows, *family_rows;

  rows = python_csv_rows (agency_path, parser);
  if (rows == NULL)
    return;

  /* header + housing task + legal (no goal) + the withheld need */
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "Domain");
  g_assert_cmpstr (cell (rows, 0, 6), ==, "Task");
  /* plan order follows the domains: housing, domestic violence, legal */
  g_assert_cmpstr (cell (rows, 1, 0), ==, "Housing");
  g_assert_cmpstr (cell (rows, 1, 1), ==, TRICKY_WORDS);
  g_assert_cmpstr (cell (rows, 1, 2), ==, "Pays rent, always");
  /* a spreadsheet formula is defused, the text kept */
  g_assert_cmpstr (cell (rows, 1, 3), ==, "'=SUM(A1:A9) is not a formula");
  g_assert_cmpstr (cell (rows, 1, 6), ==, "Apply for the voucher");
  g_assert_cmpstr (cell (rows, 1, 8), ==, "María Núñez");
  g_assert_cmpstr (cell (rows, 1, 9), ==, "Once, soon");
  g_assert_cmpstr (cell (rows, 1, 10), ==, "2025-03-01");
  g_assert_cmpstr (cell (rows, 1, 11), ==, "2025-03-20");
  g_assert_cmpstr (cell (rows, 1, 12), ==, "In progress");
  g_assert_cmpstr (cell (rows, 1, 14), ==, "Cost, Language");
  g_assert_nonnull (strstr (cell (rows, 1, 15), TRICKY_NOTE));
  g_assert_nonnull (strstr (cell (rows, 1, 15), "SECRET NOTE"));
  g_assert_cmpstr (cell (rows, 2, 1), ==, "SECRET NEED");
  g_assert_cmpstr (cell (rows, 3, 0), ==, "Legal");
  g_assert_cmpstr (cell (rows, 3, 1), ==, "Court date in May");
  g_assert_cmpstr (cell (rows, 3, 6), ==, "");

  /* the family's copy: the withheld need, its goal and task and the
   * withheld note are not in the file at all */
  family_rows = python_csv_rows (family_path, parser2);
  g_assert_cmpuint (json_array_get_length (family_rows), ==, 3);
  g_assert_true (g_file_get_contents (family_path, &raw, &length, NULL));
  g_assert_true (g_utf8_validate (raw, length, NULL));
  g_assert_true (g_str_has_prefix (raw, "\xEF\xBB\xBF"));
  g_assert_null (strstr (raw, "SECRET"));
  g_assert_nonnull (strstr (raw, "\r\n"));
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *agency_path = export (f, "json", HW_RECIPIENT_AGENCY);
  g_autofree char *family_path = export (f, "json", HW_RECIPIENT_FAMILY);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  JsonObject *root, *need, *task;
  JsonArray *needs, *notes;

  g_assert_true (json_parser_load_from_file (parser, agency_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "homeward-service-plan");
  needs = json_object_get_array_member (root, "needs");
  g_assert_cmpuint (json_array_get_length (needs), ==, 3);
  need = json_array_get_object_element (needs, 0);
  g_assert_cmpstr (json_object_get_string_member (need, "family_words"), ==, TRICKY_WORDS);
  task = json_array_get_object_element (
           json_object_get_array_member (
             json_array_get_object_element (json_object_get_array_member (need, "goals"), 0),
             "tasks"), 0);
  g_assert_cmpstr (json_object_get_string_member (task, "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (task, "responsible"), "name"),
                   ==, "María Núñez");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (task, "barriers")), ==, 2);
  notes = json_object_get_array_member (task, "progress_notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 0), "text"), ==, TRICKY_NOTE);

  g_assert_true (g_file_get_contents (family_path, &raw, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, raw, -1, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (raw, "SECRET"));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "needs")), ==, 2);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
  return out;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *agency_path = export (f, "pdf", HW_RECIPIENT_AGENCY);
  g_autofree char *family_path = export (f, "pdf", HW_RECIPIENT_FAMILY);
  g_autofree char *agency_text = NULL;
  g_autofree char *family_text = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *raw = NULL;
  gsize length;
  const char *qpdf[] = { "qpdf", "--check", NULL, NULL };
  const char *text_agency[] = { "pdftotext", agency_path, "-", NULL };
  const char *text_family[] = { "pdftotext", family_path, "-", NULL };
  const char *pdffonts[] = { "pdffonts", family_path, NULL };

  qpdf[2] = agency_path;
  g_free (run (qpdf));
  qpdf[2] = family_path;
  g_free (run (qpdf));

  agency_text = run (text_agency);
  family_text = run (text_family);
  g_assert_nonnull (strstr (agency_text, "Apply for the voucher"));
  g_assert_nonnull (strstr (agency_text, "SECRET NEED"));
  g_assert_nonnull (strstr (agency_text, "SECRET NOTE"));
  g_assert_nonnull (strstr (family_text, "Apply for the voucher"));
  g_assert_nonnull (strstr (family_text, "María Núñez"));
  /* withheld from the family: absent from the text layer */
  g_assert_null (strstr (family_text, "SECRET"));
  /* nor hidden elsewhere in the file (metadata, uncompressed streams) */
  g_assert_true (g_file_get_contents (family_path, &raw, &length, NULL));
  g_assert_null (g_strstr_len (raw, length, "SECRET"));

  /* every font embedded */
  fonts = run (pdffonts);
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

    for (guint i = 2; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        g_assert_nonnull (strstr (lines[i], " yes "));
  }
}

/* A support person's copy says "their part only", and is: the sample's
 * grandmother gets her own task and the goal it serves, the support she
 * gives after the children are home and her own signature line, nothing
 * of the mother's substance-use work, the other tasks, the gaps, the
 * agency's readiness reviews or the parents' signatures. */
static void
test_support_part (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 case_id, rosa;
  HwStore *store = hw_test_store_new_demo ("test-service-plan-part-XXXXXX", &dir, &case_id);
  HwExportOptions opts;
  const char *argv[] = { "pdftotext", NULL, "-", NULL };
  static const char * const absent[] = {
    "sober", "Random drug tests", "Apply for the housing voucher", "Readiness reviews",
    "Nothing planned yet", "Marco Reyes", "Priya Shah", "protective order",
    "In the family’s words", "Strengths", NULL,
  };

  rosa = hw_store_query_int (store, 0, "SELECT id FROM people WHERE case_id = ? AND name = "
                             "'Rosa Morales'", G_TYPE_INT64, case_id, G_TYPE_INVALID);
  g_assert_cmpint (rosa, >, 0);
  path = g_build_filename (dir, "rosa.pdf", NULL);
  hw_export_options_init (&opts);
  opts.case_id = case_id;
  opts.what = "service-plan";
  opts.format = "pdf";
  opts.output = path;
  opts.language = "en";
  opts.recipient.kind = HW_RECIPIENT_SUPPORT;
  opts.recipient.person_id = rosa;
  g_assert_true (hw_service_plan_export (store, &opts, &error));
  g_assert_no_error (error);
  argv[1] = path;
  text = run (argv);
  {
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    char *flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

    g_free (text);
    text = flat;
  }
  g_assert_nonnull (strstr (text, "their part only"));
  g_assert_nonnull (strstr (text, "Weekly therapy for Sofía"));
  g_assert_nonnull (strstr (text, "Sofía sleeps through the night"));
  g_assert_nonnull (strstr (text, "respite weekend"));
  g_assert_nonnull (strstr (text, "Rosa Morales"));
  g_assert_nonnull (strstr (text, "I agree to do my part"));
  for (guint i = 0; absent[i] != NULL; i++)
    if (strstr (text, absent[i]) != NULL)
      g_error ("“%s” is in Rosa’s copy:\n%s", absent[i], text);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nope.csv", NULL);
  HwExportOptions opts;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.format = "xlsx";
  opts.output = path;
  g_assert_false (hw_service_plan_export (f->store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  opts.format = "csv";
  opts.case_id = 4242;
  g_assert_false (hw_service_plan_export (f->store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* a folder that does not exist: an error, no crash */
  opts.case_id = f->case_id;
  opts.output = "/nonexistent-homeward/plan.csv";
  g_assert_false (hw_service_plan_export (f->store, &opts, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/service-plan-export/csv", Fixture, NULL, fixture_setup, test_csv, fixture_teardown);
  g_test_add ("/service-plan-export/json", Fixture, NULL, fixture_setup, test_json, fixture_teardown);
  g_test_add ("/service-plan-export/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/service-plan-export/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add_func ("/service-plan-export/support-part", test_support_part);

  return g_test_run ();
}
