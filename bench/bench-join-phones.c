/* bench-join-phones.c: 30 phones in a meeting, each sending 2 items a
 * second for a minute (issue 16).
 *
 * A demo database; the sample meeting with 30 people taking part, each
 * given their link by the join server, which runs in this process on
 * 127.0.0.1 in the main thread, as in the app. The phones are libsoup
 * client sessions in a second thread (their own main context), one
 * session a phone: each opens its page, takes the CSRF token from its
 * form, then posts a strength every 1/RATE seconds (and, like a browser,
 * follows the 303 back to its page).
 *
 * Measured: the time from a POST being sent to the moment the store's
 * ::changed signal for that item is seen in the main thread (what makes
 * the room's screen read and redraw itself; the redraw itself is
 * bench-room-screen's), and the time from a POST being sent to its page
 * being back on the phone. At the end every item is looked for in the
 * database: each phone's items, in order, with their author.
 *
 *   build/bench/bench-join-phones [--duration SECONDS] [--phones N] [--rate PER_SECOND]
 *
 * The targets are this benchmark's own (the issue names none): the
 * room's screen should feel live, under a tenth of a second typically
 * and under a third of a second for 95 in 100 items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bench-stats.h"
#include "hw-demo.h"
#include "hw-join-server.h"
#include "hw-meeting.h"
#include "hw-store.h"

#define TARGET_MEDIAN_MS 100.0
#define TARGET_P95_MS    300.0

typedef struct _Bench Bench;

typedef struct {
  Bench       *bench;
  guint        index;
  gint64       person_id;
  char        *url;       /* the person's link */
  char        *csrf;
  SoupSession *session;
  guint        sent;
  guint        answered;
  guint        failed;
  guint        timer;
} Phone;

struct _Bench {
  /* set before the phones' thread starts */
  GPtrArray    *phones;
  char         *origin;
  guint         duration_s;
  double        rate;

  /* the phones' thread */
  GMainContext *context;
  GMainLoop    *loop;
  gint64        end_time;
  guint         running;    /* phones still sending or waiting for an answer */

  /* shared: when each item was sent (text -> gint64 µs), under lock */
  GMutex        lock;
  GHashTable   *sent_at;
  GArray       *post_ms;    /* POST sent -> page back on the phone */
  guint         errors;
  char         *first_error;

  /* the main thread */
  HwStore      *store;
  gint64        meeting_id;
  gint64        last_item_id;
  GArray       *screen_ms;  /* POST sent -> the store's ::changed seen */
  guint         seen;
};

static void
phone_free (Phone *phone)
{
  g_clear_object (&phone->session);
  g_free (phone->url);
  g_free (phone->csrf);
  g_free (phone);
}

static void
note_error (Bench      *bench,
            const char *what)
{
  g_mutex_lock (&bench->lock);
  bench->errors++;
  if (bench->first_error == NULL)
    bench->first_error = g_strdup (what);
  g_mutex_unlock (&bench->lock);
}

static char *
item_text (Phone *phone,
           guint  n)
{
  return g_strdup_printf ("Phone %02u says a strength of the family, number %u", phone->index + 1, n + 1);
}

static void phone_done (Phone *phone);

static void
post_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Phone *phone = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  gint64 t0 = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), "t0"));
  double ms = (g_get_monotonic_time () - t0) / 1000.0;

  phone->answered++;
  if (body == NULL || soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_autofree char *what = g_strdup_printf ("phone %u: %s", phone->index + 1,
                                               error ? error->message
                                                     : soup_message_get_reason_phrase (msg));
      phone->failed++;
      note_error (phone->bench, what);
    }
  else
    {
      g_mutex_lock (&phone->bench->lock);
      g_array_append_val (phone->bench->post_ms, ms);
      g_mutex_unlock (&phone->bench->lock);
    }
  if (phone->timer == 0 && phone->answered == phone->sent)
    phone_done (phone);
}

static gboolean
post_cb (gpointer user_data)
{
  Phone *phone = user_data;
  Bench *bench = phone->bench;
  g_autofree char *text = NULL;
  g_autofree char *add = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *form = NULL;
  gint64 now = g_get_monotonic_time ();

  if (now >= bench->end_time)
    {
      phone->timer = 0;
      if (phone->answered == phone->sent)
        phone_done (phone);
      return G_SOURCE_REMOVE;
    }
  text = item_text (phone, phone->sent);
  form = soup_form_encode ("csrf", phone->csrf, "contribution", "strength", "text", text, NULL);
  add = g_strconcat (phone->url, "/add", NULL);
  msg = soup_message_new (SOUP_METHOD_POST, add);
  body = g_bytes_new (form, strlen (form));
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Origin", bench->origin);
  g_mutex_lock (&bench->lock);
  now = g_get_monotonic_time ();
  g_hash_table_insert (bench->sent_at, g_steal_pointer (&text), GSIZE_TO_POINTER ((gsize) now));
  g_mutex_unlock (&bench->lock);
  g_object_set_data (G_OBJECT (msg), "t0", GSIZE_TO_POINTER ((gsize) now));
  phone->sent++;
  soup_session_send_and_read_async (phone->session, msg, G_PRIORITY_DEFAULT, NULL, post_done_cb, phone);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_post_cb (gpointer user_data)
{
  Phone *phone = user_data;

  post_cb (phone);
  phone->timer = g_timeout_add ((guint) (1000.0 / phone->bench->rate), post_cb, phone);
  return G_SOURCE_REMOVE;
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Phone *phone = user_data;
  Bench *bench = phone->bench;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr(GRegex) regex = g_regex_new ("name=\"csrf\" value=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *html = NULL;
  guint delay;

  if (body == NULL || soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_error ("phone %u: the page did not open: %s", phone->index + 1,
             error ? error->message : soup_message_get_reason_phrase (msg));
  html = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  if (!g_regex_match (regex, html, 0, &match))
    g_error ("phone %u: no CSRF token in the page", phone->index + 1);
  phone->csrf = g_match_info_fetch (match, 1);
  /* the phones' posts spread over a period, not all at once */
  delay = (guint) (phone->index * (1000.0 / bench->rate) / bench->phones->len);
  g_timeout_add (delay, first_post_cb, phone);
}

static void
phone_done (Phone *phone)
{
  Bench *bench = phone->bench;

  if (--bench->running == 0)
    g_main_loop_quit (bench->loop);
}

static gpointer
phones_thread (gpointer user_data)
{
  Bench *bench = user_data;

  g_main_context_push_thread_default (bench->context);
  bench->end_time = g_get_monotonic_time () + (gint64) bench->duration_s * G_USEC_PER_SEC
                    + G_USEC_PER_SEC; /* the pages open in the first second */
  bench->running = bench->phones->len;
  for (guint i = 0; i < bench->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (bench->phones, i);
      g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, phone->url);

      phone->session = soup_session_new ();
      soup_session_send_and_read_async (phone->session, msg, G_PRIORITY_DEFAULT, NULL, page_cb, phone);
    }
  g_main_loop_run (bench->loop);
  for (guint i = 0; i < bench->phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (bench->phones, i);

      soup_session_abort (phone->session);
      g_clear_object (&phone->session);
    }
  g_main_context_pop_thread_default (bench->context);
  return NULL;
}

/* The main thread: the store's ::changed, as the room's screen sees it. */
static void
store_changed_cb (HwStore    *store,
                  const char *table,
                  Bench      *bench)
{
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GPtrArray) items = NULL;

  if (g_strcmp0 (table, "meeting_items") != 0)
    return;
  items = hw_store_select (store, "meeting_items", NULL,
                           "SELECT id, text FROM meeting_items WHERE meeting_id = ? AND id > ? ORDER BY id",
                           G_TYPE_INT64, bench->meeting_id, G_TYPE_INT64, bench->last_item_id, G_TYPE_INVALID);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      HwRecord *item = g_ptr_array_index (items, i);
      gpointer t0 = NULL;
      gboolean found;

      bench->last_item_id = MAX (bench->last_item_id, hw_record_get_id (item));
      g_mutex_lock (&bench->lock);
      found = g_hash_table_lookup_extended (bench->sent_at, hw_record_get_string (item, "text"), NULL, &t0);
      g_mutex_unlock (&bench->lock);
      if (found)
        {
          double ms = (now - (gint64) GPOINTER_TO_SIZE (t0)) / 1000.0;

          g_array_append_val (bench->screen_ms, ms);
          bench->seen++;
        }
    }
}

static gboolean
thread_joined_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static gpointer
run_phones (gpointer user_data)
{
  phones_thread (user_data);
  /* tell the main thread */
  g_main_context_invoke (NULL, thread_joined_cb, g_object_get_data (G_OBJECT (((Bench *) user_data)->store),
                                                                   "bench-done"));
  return NULL;
}

static void
add_people (HwStore *store,
            gint64   case_id,
            gint64   meeting_id,
            guint    n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwRecord) person = hw_record_new ("people");
      g_autofree char *name = g_strdup_printf ("Relative %02u Morales", i + 1);
      gint64 id;

      hw_record_set_int (person, "case_id", case_id);
      hw_record_set_string (person, "name", name);
      hw_record_set_string (person, "role", "relative");
      hw_record_set_string (person, "relationship", "Relative");
      id = hw_store_insert (store, "Add person", person, &error);
      if (id == 0)
        g_error ("add a person: %s", error->message);
      if (hw_meeting_add_attendee (store, meeting_id, id, "Relative", "present", &error) == 0)
        g_error ("add an attendee: %s", error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwJoinServer) server = NULL;
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GThread) thread = NULL;
  int duration = 60, n_phones = 30;
  double rate = 2.0;
  gint64 case_id;
  Bench bench = { 0 };
  gboolean done = FALSE;
  guint stored = 0, in_order = 0, expected = 0;
  double median, p95;
  GOptionEntry entries[] = {
    { "duration", 'd', 0, G_OPTION_ARG_INT, &duration, "How long the phones send, in seconds (60)", "SECONDS" },
    { "phones", 'n', 0, G_OPTION_ARG_INT, &n_phones, "How many phones (30)", "N" },
    { "rate", 'r', 0, G_OPTION_ARG_DOUBLE, &rate, "Items a second from each phone (2)", "PER_SECOND" },
    { NULL },
  };

  options = g_option_context_new ("- 30 phones sending items to a meeting");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (duration < 1 || n_phones < 1 || n_phones > 200 || rate <= 0 || rate > 4.5)
    {
      /* the server gives each link 5 requests a second; a browser makes
       * two for each item (the POST and its page) */
      g_printerr ("--duration at least 1, --phones 1 to 200, --rate above 0 and at most 4.5\n");
      return 2;
    }

  dir = g_dir_make_tmp ("hw-bench-join-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "homeward.db", NULL);
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  bench.meeting_id = hw_store_query_int (store, 0, "SELECT max(id) FROM meetings WHERE case_id = ?",
                                         G_TYPE_INT64, case_id, G_TYPE_INVALID);
  g_assert_cmpint (bench.meeting_id, >, 0);
  if (!hw_meeting_set_phase (store, bench.meeting_id, "strengths", &error))
    g_error ("phase: %s", error->message);

  server = hw_join_server_new (store, bench.meeting_id);
  if (!hw_join_server_start (server, "127.0.0.1", 0, &error))
    g_error ("start: %s", error->message);
  invites = hw_join_server_invite_all (server, &error);
  g_assert_no_error (error);
  if (invites->len < (guint) n_phones)
    {
      add_people (store, case_id, bench.meeting_id, n_phones - invites->len);
      g_clear_pointer (&invites, g_ptr_array_unref);
      invites = hw_join_server_invite_all (server, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (invites->len, >=, (guint) n_phones);

  bench.store = store;
  bench.duration_s = duration;
  bench.rate = rate;
  bench.origin = g_strdup (hw_join_server_get_base_url (server));
  bench.phones = g_ptr_array_new_with_free_func ((GDestroyNotify) phone_free);
  for (int i = 0; i < n_phones; i++)
    {
      HwJoinInvite *invite = g_ptr_array_index (invites, i);
      Phone *phone = g_new0 (Phone, 1);

      phone->bench = &bench;
      phone->index = i;
      phone->person_id = invite->person_id;
      phone->url = g_strdup (invite->url);
      g_ptr_array_add (bench.phones, phone);
    }
  g_mutex_init (&bench.lock);
  bench.sent_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  bench.post_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.screen_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.last_item_id = hw_store_query_int (store, 0, "SELECT max(id) FROM meeting_items", G_TYPE_INVALID);
  bench.context = g_main_context_new ();
  bench.loop = g_main_loop_new (bench.context, FALSE);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), &bench);
  g_object_set_data (G_OBJECT (store), "bench-done", &done);

  g_print ("%d phones, %.1f items a second each, for %d s, to the join server in this process...\n",
           n_phones, rate, duration);
  thread = g_thread_new ("phones", run_phones, &bench);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  /* the last ::changed were emitted before the last answers */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* every item stored, by its phone's person, in the order sent */
  for (guint i = 0; i < bench.phones->len; i++)
    {
      Phone *phone = g_ptr_array_index (bench.phones, i);
      g_autoptr(GPtrArray) rows = hw_store_select (store, "meeting_items", NULL,
                                                   "SELECT id, text FROM meeting_items WHERE meeting_id = ?"
                                                   " AND author_person_id = ? AND phase = 'strengths'"
                                                   " AND hidden = 1 ORDER BY id",
                                                   G_TYPE_INT64, bench.meeting_id, G_TYPE_INT64,
                                                   phone->person_id, G_TYPE_INVALID);

      g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);

      expected += phone->sent;
      for (guint j = 0; j < rows->len; j++)
        {
          g_autofree char *text = j < phone->sent ? item_text (phone, j) : NULL;
          const char *got = hw_record_get_string (g_ptr_array_index (rows, j), "text");

          if (g_strcmp0 (got, text) == 0)
            in_order++;
          g_hash_table_add (texts, (gpointer) got);
        }
      /* each item sent, once, by its phone's person (the order may differ
       * when a phone's posts overlap, waiting for the server) */
      for (guint j = 0; j < phone->sent; j++)
        {
          g_autofree char *text = item_text (phone, j);

          if (g_hash_table_contains (texts, text))
            stored++;
        }
      if (rows->len != phone->sent)
        stored = 0;
    }

  g_print ("\nSent %u items, %u answered with an error, %u stored by the right person (%u in the order "
           "sent), %u seen through the store's ::changed.\n",
           expected, bench.errors, stored, in_order, bench.seen);
  if (bench.first_error != NULL)
    g_print ("First error: %s\n", bench.first_error);
  g_print ("\n%-48s %9s %9s %9s %9s\n", "(ms)", "median", "p95", "max", "target");
  median = bench_percentile (bench.screen_ms, 0.5);
  p95 = bench_percentile (bench.screen_ms, 0.95);
  g_print ("%-48s %9.1f %9.1f %9.1f %9s\n", "POST sent -> store's ::changed (room's screen)", median, p95,
           bench_percentile (bench.screen_ms, 1.0), "");
  g_print ("%-48s %9.1f %9.1f %9s %9s\n", "  target", TARGET_MEDIAN_MS, TARGET_P95_MS, "",
           median <= TARGET_MEDIAN_MS && p95 <= TARGET_P95_MS ? "met" : "MISSED");
  g_print ("%-48s %9.1f %9.1f %9.1f\n", "POST sent -> its page back on the phone",
           bench_percentile (bench.post_ms, 0.5), bench_percentile (bench.post_ms, 0.95),
           bench_percentile (bench.post_ms, 1.0));

  hw_join_server_stop (server);
  g_signal_handlers_disconnect_by_data (store, &bench);
  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  if (stored != expected || bench.seen != expected || bench.errors > 0)
    {
      g_printerr ("FAILED: not every item was stored and seen\n");
      return 1;
    }
  return 0;
}
