/* bench-pg-concurrent.c: N people editing one database at once (issue 17).
 *
 * N clients (forked processes: a store is not thread-safe, so each has its
 * own HwStore and its own connection) make edits on the sample family for
 * a while, each edit one transaction through the store's API with its undo
 * entry and audit row, as the window makes them: add a person, change that
 * person's phone, in turn. Each edit is timed from the call to its return.
 * An edit refused as BUSY (sqlite's lock, PostgreSQL's serialization or
 * deadlock) is counted and tried again; any other failure is an error.
 * Prints, for a sqlite file and for PostgreSQL: edits per second, median
 * and 99th percentile commit time, busy retries and errors.
 *
 *   bash tests/pg-cluster.sh run build/bench/bench-pg-concurrent [--clients N] [--duration S]
 *   build/bench/bench-pg-concurrent --uri postgresql://… [--clients N] [--duration S]
 *   build/bench/bench-pg-concurrent [--clients N] [--duration S]     (sqlite only)
 *
 * Defaults: 20 clients, 60 seconds for each database. The PostgreSQL
 * address is --uri, else $HOMEWARD_TEST_PG_URI (what pg-cluster.sh gives);
 * its database gets the sample family added. Built, not run by CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-stats.h"
#include "hw-demo.h"
#include "hw-record.h"
#include "hw-store.h"

typedef struct {
  guint64 edits;
  guint64 busy;
  guint64 errors;
} Counts;

static gboolean
edit_once (HwStore  *store,
           gint64    case_id,
           guint     client,
           guint     i,
           gint64   *person_id,
           GError  **error)
{
  if (i % 2 == 0 || *person_id == 0)
    {
      g_autoptr(HwRecord) person = hw_record_new ("people");
      g_autofree char *name = g_strdup_printf ("Helper %u-%u", client, i);

      hw_record_set_int (person, "case_id", case_id);
      hw_record_set_string (person, "name", name);
      hw_record_set_string (person, "role", "friend");
      *person_id = hw_store_insert (store, "Add person", person, error);
      return *person_id != 0;
    }
  else
    {
      g_autoptr(HwRecord) person = hw_record_new ("people");
      g_autofree char *phone = g_strdup_printf ("555-%04u", i % 10000);

      hw_record_set_id (person, *person_id);
      hw_record_set_string (person, "phone", phone);
      return hw_store_update (store, "Edit person", person, error);
    }
}

/* one client: edits until @end (real time, µs), writes Counts then the
 * times (double ms) to @out */
static int
client (const char *db,
        gint64      case_id,
        guint       number,
        gint64      start,
        gint64      end,
        const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (db, &error);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) data = g_string_new (NULL);
  Counts counts = { 0 };
  gint64 person_id = 0;
  guint i = 0;

  if (store == NULL)
    {
      g_printerr ("client %u: %s\n", number, error->message);
      return 1;
    }
  hw_store_set_author (store, "bench");
  while (g_get_real_time () < start)
    g_usleep (1000);
  while (g_get_real_time () < end)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (edit_once (store, case_id, number, i, &person_id, &error))
        {
          g_array_append_val (ms, (double) { (g_get_monotonic_time () - t0) / 1000.0 });
          counts.edits++;
          i++;
        }
      else if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY))
        counts.busy++;
      else
        {
          if (counts.errors++ < 3)
            g_printerr ("client %u: %s\n", number, error->message);
          i++;
        }
      g_clear_error (&error);
    }
  g_string_append_len (data, (const char *) &counts, sizeof counts);
  g_string_append_len (data, (const char *) ms->data, ms->len * sizeof (double));
  if (!g_file_set_contents (out, data->str, data->len, &error))
    return 1;
  return 0;
}

static gboolean
run (const char *label,
     const char *db,
     guint       clients,
     guint       seconds)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hw-bench-conc-XXXXXX", NULL);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  Counts total = { 0 };
  gint64 case_id, start, end;
  guint failed = 0;

  {
    g_autoptr(HwStore) store = hw_store_open (db, &error);
    if (store == NULL)
      {
        g_printerr ("%s: %s\n", label, error->message);
        return FALSE;
      }
    case_id = hw_demo_create (store, &error);
    if (case_id == 0)
      {
        g_printerr ("%s: %s\n", label, error->message);
        return FALSE;
      }
  }

  start = g_get_real_time () + G_USEC_PER_SEC * 2;   /* every client connected first */
  end = start + (gint64) seconds * G_USEC_PER_SEC;
  for (guint c = 0; c < clients; c++)
    {
      pid_t pid = fork ();

      if (pid == 0)
        {
          g_autofree char *out = g_strdup_printf ("%s/client-%u", dir, c);
          _exit (client (db, case_id, c, start, end, out));
        }
      g_assert (pid > 0);
    }
  for (guint c = 0; c < clients; c++)
    {
      int status = 0;

      if (wait (&status) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        failed++;
    }
  for (guint c = 0; c < clients; c++)
    {
      g_autofree char *out = g_strdup_printf ("%s/client-%u", dir, c);
      g_autofree char *data = NULL;
      gsize len = 0;
      Counts counts;

      if (!g_file_get_contents (out, &data, &len, NULL) || len < sizeof counts)
        continue;
      memcpy (&counts, data, sizeof counts);
      total.edits += counts.edits;
      total.busy += counts.busy;
      total.errors += counts.errors;
      g_array_append_vals (ms, data + sizeof counts, (len - sizeof counts) / sizeof (double));
      g_unlink (out);
    }
  g_rmdir (dir);

  g_print ("%-12s %7u %8" G_GUINT64_FORMAT " %9.1f %9.2f %9.2f %8" G_GUINT64_FORMAT " %7" G_GUINT64_FORMAT "%s\n",
           label, clients, total.edits, (double) total.edits / seconds,
           bench_percentile (ms, 0.5), bench_percentile (ms, 0.99), total.busy, total.errors,
           failed ? "  (some clients failed)" : "");
  return failed == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gint clients = 20, seconds = 60;
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "clients", 'c', 0, G_OPTION_ARG_INT, &clients, "Clients editing at once (default 20)", "N" },
    { "duration", 'd', 0, G_OPTION_ARG_INT, &seconds, "Seconds of edits on each database (default 60)", "S" },
    { "uri", 'u', 0, G_OPTION_ARG_STRING, &uri, "The PostgreSQL database (default $HOMEWARD_TEST_PG_URI)", "URI" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- N clients editing one database at once");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || clients < 1 || seconds < 1)
    {
      g_printerr ("bench-pg-concurrent: %s\n", error ? error->message : "--clients and --duration must be positive");
      return 2;
    }
  if (uri == NULL && g_getenv ("HOMEWARD_TEST_PG_URI"))
    uri = g_strdup (g_getenv ("HOMEWARD_TEST_PG_URI"));

  g_print ("%d clients (processes, one store each), %d s each; one edit = add a person or change a phone,\n"
           "one transaction with its undo entry and audit row; BUSY edits are tried again.\n",
           clients, seconds);
  g_print ("%-12s %7s %8s %9s %9s %9s %8s %7s\n", "database", "clients", "edits", "edits/s",
           "median ms", "p99 ms", "busy", "errors");
  {
    g_autofree char *dir = g_dir_make_tmp ("hw-bench-conc-db-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "homeward.db", NULL);
    g_autoptr(GDir) d = NULL;
    const char *name;

    ok &= run ("sqlite", path, clients, seconds);
    d = g_dir_open (dir, 0, NULL);
    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  if (uri != NULL)
    ok &= run ("postgresql", uri, clients, seconds);
  else
    g_print ("postgresql   (not run: give --uri, or run under tests/pg-cluster.sh run)\n");
  return ok ? 0 : 1;
}
