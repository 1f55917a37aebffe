/* test-logs.c: nothing a family told us reaches a log.
 *
 * Every GLib log message of every level (debug too) is captured while the
 * core does all it does with the sample family: every document for every
 * kind of reader, the case file out and in again, undo and redo of every
 * edit, bad files refused, a stored visit plan that cannot be read. No
 * name, address, phone number, e-mail or note of the family may appear
 * in what was logged (SECURITY.md: logs name tables and row numbers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-logs"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hw-ecomap.h"
#include "hw-export.h"
#include "hw-interchange.h"
#include "hw-meeting.h"
#include "hw-plan-document.h"
#include "hw-service-plan.h"
#include "hw-test-store.h"
#include "hw-visits.h"

static GString *logged;   /* while capturing */
static guint n_logged;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (logged == NULL)
    return g_log_writer_default (level, fields, n_fields, user_data);
  for (gsize i = 0; i < n_fields; i++)
    {
      /* every field: the message, but also the domain, file, function */
      if (fields[i].length < 0)
        g_string_append (logged, fields[i].value);
      else
        g_string_append_len (logged, fields[i].value, fields[i].length);
      g_string_append_c (logged, '\n');
    }
  n_logged++;
  /* criticals and worse still end the test as usual */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

/* Every piece of the family's own words: names, addresses, phones,
 * e-mails and notes of people and organisations, the case's notes, the
 * visit plans' titles, places and notes. */
static GPtrArray *
secrets_of (HwStore *store)
{
  const char *tables[] = { "people", "organisations", "cases", "visit_series" };
  const char *sql[] = {
    "SELECT name, phone, email, address, notes FROM people",
    "SELECT name, phone, email, address, notes FROM organisations",
    "SELECT family_name, notes FROM cases",
    "SELECT title, place, notes FROM visit_series",
  };
  GPtrArray *secrets = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = hw_store_select (store, tables[i], &error, sql[i], G_TYPE_INVALID);
      const char *columns[] = { "name", "phone", "email", "address", "notes", "family_name", "title", "place" };

      g_assert_no_error (error);
      for (guint r = 0; r < rows->len; r++)
        for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
          {
            const char *value = hw_record_get_string (g_ptr_array_index (rows, r), columns[c]);

            /* short values ("Ana") could turn up by chance in any text */
            if (g_utf8_strlen (value, -1) >= 6)
              g_ptr_array_add (secrets, g_strdup (value));
          }
    }
  return secrets;
}

static void
export_all (HwStore    *store,
            gint64      case_id,
            const char *dir)
{
  struct { const char *what, *format; } documents[] = {
    { "case", "json" }, { "ecomap", "pdf" }, { "ecomap", "svg" }, { "meeting", "pdf" },
    { "service-plan", "pdf" }, { "service-plan", "csv" }, { "service-plan", "json" },
    { "visits", "ics" }, { "visits", "pdf" }, { "safety-plan", "pdf" }, { "reunification-plan", "pdf" },
  };
  HwRecipient readers[] = {
    { HW_RECIPIENT_FAMILY, 0 }, { HW_RECIPIENT_AGENCY, 0 },
    { HW_RECIPIENT_SUPPORT, hw_store_query_int (store, 0, "SELECT min(id) FROM people WHERE role = 'kin-caregiver'",
                                                G_TYPE_INVALID) },
  };
  gint64 meeting_id = hw_store_query_int (store, 0, "SELECT max(id) FROM meetings", G_TYPE_INVALID);

  g_assert_cmpint (readers[2].person_id, >, 0);
  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *name = g_strdup_printf ("%s-%u.%s", documents[d].what, r, documents[d].format);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        HwExportOptions opts;
        gboolean ok = FALSE;
        const char *what = documents[d].what;

        hw_export_options_init (&opts);
        opts.case_id = case_id;
        opts.meeting_id = meeting_id;
        opts.what = what;
        opts.format = documents[d].format;
        opts.output = path;
        opts.recipient = readers[r];
        if (g_str_equal (what, "case"))
          ok = hw_interchange_export (store, &opts, &error);
        else if (g_str_equal (what, "ecomap"))
          ok = hw_ecomap_export (store, &opts, &error);
        else if (g_str_equal (what, "meeting"))
          ok = hw_meeting_export (store, &opts, &error);
        else if (g_str_equal (what, "service-plan"))
          ok = hw_service_plan_export (store, &opts, &error);
        else if (g_str_equal (what, "visits"))
          ok = hw_visits_export (store, &opts, &error);
        else
          ok = hw_plan_export (store, &opts, &error);
        /* a reader may be refused a whole kind of document (the case
         * file is the agency's): that is an answer, not a log line */
        if (!ok)
          {
            g_assert_nonnull (error);
            g_test_message ("%s for reader %u: %s", name, r, error->message);
          }
        g_unlink (path);
      }
}

static void
test_no_family_data_in_logs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) secrets = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *case_file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *bad = NULL;
  HwStore *store, *other;
  gint64 case_id, other_case;
  guint undone = 0;

  logged = g_string_new (NULL);

  store = hw_test_store_new_demo ("homeward-test-logs-XXXXXX", &dir, &case_id);
  secrets = secrets_of (store);
  g_assert_cmpuint (secrets->len, >, 20);

  export_all (store, case_id, dir);

  /* the case file out, and in again into another database */
  {
    HwExportOptions opts;

    case_file = g_build_filename (dir, "case.json", NULL);
    hw_export_options_init (&opts);
    opts.case_id = case_id;
    opts.what = "case";
    opts.format = "json";
    opts.output = case_file;
    g_assert_true (hw_interchange_export (store, &opts, &error));
    g_assert_no_error (error);
  }
  other = hw_test_store_new_demo ("homeward-test-logs-other-XXXXXX", &other_dir, &other_case);
  g_assert_cmpint (hw_interchange_import_file (other, case_file, &error), >, 0);
  g_assert_no_error (error);

  /* bad files: a case file cut in the middle, a date that is not one, a
   * damaged calendar; each is refused with a message, nothing logged
   * about its contents */
  g_assert_true (g_file_get_contents (case_file, &contents, NULL, NULL));
  g_assert_cmpint (hw_interchange_import_data (other, contents, strlen (contents) / 2, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  bad = g_strdup (contents);
  {
    /* the first birth date that is filled in becomes 30 February */
    char *date = NULL;

    for (char *at = strstr (bad, "\"birth_date\""); at != NULL && date == NULL;
         at = strstr (at + 1, "\"birth_date\""))
      {
        char *value = strchr (strchr (at + strlen ("\"birth_date\""), ':'), '"') + 1;

        if (g_ascii_isdigit (*value))
          date = value;
      }
    g_assert_nonnull (date);
    memcpy (date, "2019-02-30", 10);
  }
  g_assert_cmpint (hw_interchange_import_data (other, bad, -1, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (hw_visits_import_ics_data (other, other_case, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* every edit undone and redone again */
  while (hw_store_can_undo (store) && undone < 2000)
    {
      g_assert_true (hw_store_undo (store, &error));
      g_assert_no_error (error);
      undone++;
    }
  while (hw_store_can_redo (store))
    {
      g_assert_true (hw_store_redo (store, &error));
      g_assert_no_error (error);
    }

  /* a stored visit plan that cannot be read is skipped with a warning
   * that names its row, not its title or place */
  {
    sqlite3 *db = NULL;
    g_autofree char *path = g_strdup (hw_store_get_path (store));

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE visit_series SET rrule = 'FREQ=SOMETIMES' "
                                       "WHERE id = (SELECT min(id) FROM visit_series)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  export_all (store, case_id, dir);

  g_test_message ("%u log messages, %" G_GSIZE_FORMAT " bytes", n_logged, logged->len);
  /* the damaged visit plan was logged: the capture works */
  g_assert_nonnull (strstr (logged->str, "Visit plan"));
  {
    g_autoptr(GString) seen = g_steal_pointer (&logged);

    for (guint i = 0; i < secrets->len; i++)
      if (strstr (seen->str, g_ptr_array_index (secrets, i)) != NULL)
        g_error ("a log message holds the family's “%s”:\n%s",
                 (char *) g_ptr_array_index (secrets, i), seen->str);
  }

  hw_test_store_free (other, g_steal_pointer (&other_dir));
  g_unlink (case_file);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* once per process (GLib's rule): it passes everything on when not
   * capturing */
  g_log_set_writer_func (capture_writer, NULL, NULL);
  /* the damaged visit plan's warning is expected: only criticals end it */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/logs/no-family-data", test_no_family_data_in_logs);

  return g_test_run ();
}
