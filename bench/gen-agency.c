/* gen-agency.c: makes a database the size an agency reaches, for the
 * benchmarks of issue 18.
 *
 * N families (5,000 by default), each a copy of the sample family under
 * another made-up name: 17 people, 11 organisations, an ecomap, 2
 * meetings, a service plan, 2 plans, 4 visit series and 30 recorded visits
 * a year for 3 years (the sample's year of visits, repeated one and two
 * years earlier). Every family goes in through the JSON case import, the
 * way a case moved from another laptop does: one edit each, with its
 * audit row, so the file also holds what real use leaves in it. Not
 * marked as samples.
 *
 *   build/bench/gen-agency DB [N]
 *
 * DB must not exist. Prints the time taken and the file's size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hw-backup.h"
#include "hw-demo.h"
#include "hw-interchange.h"
#include "hw-store.h"

static const char * const surnames[] = {
  "Abara", "Baptiste", "Castro", "Dlamini", "Eriksen", "Fontaine", "Guzmán", "Haddad",
  "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Mbeki", "Nakamura", "Okafor", "Petrov",
  "Quispe", "Rahman", "Sato", "Tremblay", "Usman", "Vargas", "Whitehorse", "Xiong",
  "Yilmaz", "Zhou", NULL
};

/* "Elena Morales" → "Elena Castro 17" */
static char *
renamed (const char *name,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (name, from, -1);

  return g_strjoinv (to, parts);
}

/* "2026-06-30T16:00:00" one or two years earlier */
static char *
years_earlier (const char *when,
               int         years)
{
  int y;

  if (when == NULL || strlen (when) < 4)
    return g_strdup (when);
  y = (int) g_ascii_strtoll (when, NULL, 10);
  return g_strdup_printf ("%04d%s", y - years, when + 4);
}

static void
add_earlier_visits (JsonObject *tables)
{
  JsonArray *records = json_object_get_array_member (tables, "visit_records");
  guint n = json_array_get_length (records);
  gint64 next_id = 0;

  for (guint i = 0; i < n; i++)
    next_id = MAX (next_id, json_object_get_int_member (json_array_get_object_element (records, i), "id"));
  next_id++;

  for (int years = 1; years <= 2; years++)
    for (guint i = 0; i < n; i++)
      {
        JsonObject *old = json_array_get_object_element (records, i);
        g_autofree char *row_text = json_to_string (json_array_get_element (records, i), FALSE);
        g_autoptr(JsonNode) copy = json_from_string (row_text, NULL);
        JsonObject *row = json_node_get_object (copy);
        static const char * const times[] = { "occurrence_start", "arrival", "departure", NULL };

        json_object_set_int_member (row, "id", next_id++);
        for (guint t = 0; times[t] != NULL; t++)
          if (json_object_has_member (old, times[t]) && !json_object_get_null_member (old, times[t]))
            {
              g_autofree char *earlier = years_earlier (json_object_get_string_member (old, times[t]), years);

              json_object_set_string_member (row, times[t], earlier);
            }
        /* a make-up visit points at a visit of its own year: drop the link */
        json_object_set_null_member (row, "makeup_for");
        json_array_add_element (records, g_steal_pointer (&copy));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *tmp_db = NULL;
  g_autoptr(HwStore) sample_store = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(JsonNode) sample = NULL;
  g_autofree char *sample_text = NULL;
  const char *path;
  const char *sample_name;
  guint n;
  gint64 started, sample_id;
  GStatBuf st;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DB [N]\n", argv[0]);
      return 2;
    }
  path = argv[1];
  n = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5000;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists: give a new file\n", path);
      return 2;
    }

  /* the sample family, as a case file */
  tmp = g_dir_make_tmp ("hw-gen-agency-XXXXXX", &error);
  g_assert_no_error (error);
  tmp_db = g_build_filename (tmp, "sample.db", NULL);
  sample_store = hw_store_open (tmp_db, &error);
  g_assert_no_error (error);
  sample_id = hw_demo_create (sample_store, &error);
  g_assert_no_error (error);
  sample = hw_interchange_export_case (sample_store, sample_id, &error);
  g_assert_no_error (error);
  sample_name = json_object_get_string_member (json_object_get_object_member (json_node_get_object (sample), "case"),
                                               "family_name");

  /* three years of visits, made once: every family gets the same */
  add_earlier_visits (json_object_get_object_member (json_node_get_object (sample), "tables"));
  sample_text = json_to_string (sample, FALSE);

  store = hw_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A file made for benchmarks, made again if the machine stops: no
   * need to wait for the disk after each family (the app itself always
   * does). This alone takes 5,000 families from hours to minutes. */
  if (sqlite3_exec (hw_store_get_db (store), "PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK)
    g_printerr ("synchronous = OFF: %s\n", sqlite3_errmsg (hw_store_get_db (store)));

  started = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      /* json_node_copy() shares the objects: a fresh tree from the text */
      g_autoptr(JsonNode) copy = json_from_string (sample_text, NULL);
      JsonObject *root = json_node_get_object (copy);
      JsonObject *kase = json_object_get_object_member (root, "case");
      JsonArray *people = json_object_get_array_member (json_object_get_object_member (root, "tables"),
                                                        "people");
      g_autofree char *family = g_strdup_printf ("%s %u", surnames[i % (G_N_ELEMENTS (surnames) - 1)], i + 1);
      g_autofree char *number = g_strdup_printf ("FC-%04u-%05u", 2023 + i % 4, i + 1);
      g_autofree char *text = NULL;

      json_object_set_string_member (kase, "family_name", family);
      json_object_set_string_member (kase, "case_number", number);
      json_object_set_int_member (kase, "sample", 0);
      for (guint p = 0; p < json_array_get_length (people); p++)
        {
          JsonObject *person = json_array_get_object_element (people, p);
          g_autofree char *name = renamed (json_object_get_string_member (person, "name"), sample_name, family);

          json_object_set_string_member (person, "name", name);
        }

      text = json_to_string (copy, FALSE);
      if (hw_interchange_import_data (store, text, -1, &error) == 0)
        {
          g_printerr ("family %u: %s\n", i + 1, error->message);
          return 1;
        }
      if ((i + 1) % 500 == 0)
        g_print ("%u families, %.1f s\n", i + 1, (g_get_monotonic_time () - started) / 1e6);
    }

  g_clear_object (&store);
  g_clear_object (&sample_store);
  hw_backup_remove_files (tmp_db);
  g_rmdir (tmp);
  g_print ("%u families in %.1f s; %s is %.1f MiB\n", n, (g_get_monotonic_time () - started) / 1e6, path,
           g_stat (path, &st) == 0 ? st.st_size / 1048576.0 : 0.0);
  return 0;
}
