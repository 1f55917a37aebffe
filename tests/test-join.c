/* test-join.c: the join server (src/core/join) with a real HTTP client.
 *
 * A SoupSession talks to an HwJoinServer on 127.0.0.1, port 0, serving
 * the sample family's second meeting: every route's success, and every
 * refusal (oversize body, body of unknown length, invalid UTF-8, missing
 * or foreign CSRF token, another origin, another Host, a wrong, expired or
 * withdrawn link, an unknown or deleted meeting, too many requests, a
 * public address). A score stays private until revealed; nothing withheld
 * from a person, and no confidential person, reaches any page or event of
 * any attendee in any step; no token reaches the log. The short one-time
 * links: used once, expiring, withdrawn with the link, one refusal page,
 * and limited guessing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libsoup/soup.h>
#include <string.h>

#include "hw-join-server.h"
#include "hw-language.h"
#include "hw-join-token.h"
#include "hw-enums.h"
#include "hw-family-plan.h"
#include "hw-meeting.h"
#include "hw-recipient.h"
#include "hw-date.h"
#include "hw-plan.h"
#include "hw-service-plan.h"
#include "hw-visits.h"
#include "hw-test-store.h"

/* Every log message of the test, whatever its level or domain. */
static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") || g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      {
        if (fields[i].length < 0)
          g_string_append (captured_log, fields[i].value);
        else
          g_string_append_len (captured_log, fields[i].value, fields[i].length);
        g_string_append_c (captured_log, '\n');
      }
  /* warnings and criticals still fail the test */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

typedef struct {
  HwStore      *store;
  char         *dir;
  gint64        case_id;
  gint64        meeting_id;
  HwJoinServer *server;
  SoupSession  *session;
  GPtrArray    *tokens;   /* every link made, to look for in the log */
} Fixture;

typedef struct {
  guint   status;
  GBytes *raw;
  char   *body;
  char   *location;
  char   *csp;
  char   *referrer;
  char   *nosniff;
  char   *type;
} Reply;

static void
reply_free (Reply *r)
{
  g_clear_pointer (&r->raw, g_bytes_unref);
  g_free (r->body);
  g_free (r->location);
  g_free (r->csp);
  g_free (r->referrer);
  g_free (r->nosniff);
  g_free (r->type);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* One request; @headers: NULL-terminated name, value pairs (a NULL value
 * removes the header). */
static Reply *
request (Fixture     *f,
         const char  *method,
         const char  *url,
         const char  *content_type,
         const char  *body,
         gssize       body_length,
         const char **headers)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  GBytes *bytes = NULL;
  Reply *r = g_new0 (Reply, 1);
  SoupMessageHeaders *h;

  g_assert_nonnull (msg);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (body != NULL)
    {
      g_autoptr(GBytes) b = g_bytes_new (body, body_length < 0 ? strlen (body) : (gsize) body_length);

      soup_message_set_request_body_from_bytes (msg, content_type, b);
    }
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    {
      if (headers[i + 1] == NULL)
        soup_message_headers_remove (soup_message_get_request_headers (msg), headers[i]);
      else
        soup_message_headers_replace (soup_message_get_request_headers (msg), headers[i], headers[i + 1]);
    }
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, read_done_cb, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);

  r->status = soup_message_get_status (msg);
  r->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  r->raw = bytes;
  h = soup_message_get_response_headers (msg);
  r->location = g_strdup (soup_message_headers_get_one (h, "Location"));
  r->csp = g_strdup (soup_message_headers_get_one (h, "Content-Security-Policy"));
  r->referrer = g_strdup (soup_message_headers_get_one (h, "Referrer-Policy"));
  r->nosniff = g_strdup (soup_message_headers_get_one (h, "X-Content-Type-Options"));
  r->type = g_strdup (soup_message_headers_get_content_type (h, NULL));
  return r;
}

static Reply *
get (Fixture    *f,
     const char *url)
{
  return request (f, "GET", url, NULL, NULL, 0, NULL);
}

/* A form POST from the page itself (same Origin). */
static Reply *
post (Fixture    *f,
      const char *url,
      const char *form)
{
  const char *headers[] = { "Origin", hw_join_server_get_base_url (f->server), NULL };

  return request (f, "POST", url, "application/x-www-form-urlencoded", form, -1, headers);
}

/* The value of the first csrf field of a page. */
static char *
csrf_of (const char *page)
{
  const char *start = strstr (page, "name=\"csrf\" value=\"");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("name=\"csrf\" value=\"");
  end = strchr (start, '"');
  return g_strndup (start, end - start);
}

/* The version of the score the page shows for the statement @item_id
 * (its form's hidden field "version"; 0: not scored yet). */
static gint64
score_version_of (const char *page,
                  gint64      item_id)
{
  g_autofree char *field = g_strdup_printf ("name=\"item\" value=\"%" G_GINT64_FORMAT "\">\n"
                                            "<input type=\"hidden\" name=\"version\" value=\"",
                                            item_id);
  const char *start = strstr (page, field);

  g_assert_nonnull (start);
  return g_ascii_strtoll (start + strlen (field), NULL, 10);
}

static gint64
person_named (Fixture    *f,
              const char *name)
{
  return hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE case_id = ? AND name = ?",
                             G_TYPE_INT64, f->case_id, G_TYPE_STRING, name, G_TYPE_INVALID);
}

static char *
invite (Fixture *f,
        gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  char *url = hw_join_server_invite (f->server, person_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (url);
  g_ptr_array_add (f->tokens, g_strdup (strrchr (url, '/') + 1));
  return url;
}

static gint64
count_items (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM meeting_items", G_TYPE_INVALID);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = hw_test_store_new_demo ("test-join-XXXXXX", &f->dir, &f->case_id);
  /* the meeting with the scaling step and a confidential attendee */
  f->meeting_id = hw_store_query_int (f->store, 0, "SELECT max(id) FROM meetings WHERE case_id = ?",
                                      G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_cmpint (f->meeting_id, >, 0);
  f->server = hw_join_server_new (f->store, f->meeting_id);
  hw_join_server_start (f->server, "127.0.0.1", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hw_join_server_get_port (f->server), >, 0);
  f->session = soup_session_new ();
  f->tokens = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* no link ever reached the log */
  for (guint i = 0; i < f->tokens->len; i++)
    g_assert_null (strstr (captured_log->str, g_ptr_array_index (f->tokens, i)));
  g_ptr_array_unref (f->tokens);
  g_clear_object (&f->session);
  hw_join_server_stop (f->server);
  /* closed connections are let go of from the main loop */
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (f->server);
  hw_test_store_free (f->store, f->dir);
}

/* Tokens ------------------------------------------------------------------ */

static void
test_tokens (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 1000; i++)
    {
      char *token = hw_join_token_new ();

      g_assert_true (hw_join_token_is_wellformed (token));
      g_assert_cmpuint (strlen (token), ==, 43);
      g_assert_true (g_hash_table_add (seen, token));
    }
  g_assert_false (hw_join_token_is_wellformed ("short"));
  g_assert_false (hw_join_token_is_wellformed ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"));
  g_assert_true (hw_join_secret_equal ("abc", "abc"));
  g_assert_false (hw_join_secret_equal ("abc", "abd"));
  g_assert_false (hw_join_secret_equal ("abc", "abcd"));
  g_assert_false (hw_join_secret_equal ("", "a"));
}

/* Addresses --------------------------------------------------------------- */

static void
test_addresses (void)
{
  static const struct { const char *address; gboolean local; } cases[] = {
    { "127.0.0.1", TRUE }, { "10.1.2.3", TRUE }, { "172.16.0.9", TRUE }, { "192.168.1.20", TRUE },
    { "169.254.3.4", TRUE }, { "::1", TRUE }, { "fe80::1", TRUE }, { "fd12:3456::1", TRUE },
    { "8.8.8.8", FALSE }, { "0.0.0.0", FALSE }, { "::", FALSE }, { "172.32.0.1", FALSE },
    { "2001:db8::1", FALSE }, { "224.0.0.1", FALSE },
  };
  g_autofree char *dir = NULL;
  HwStore *store = hw_test_store_new_demo ("test-join-XXXXXX", &dir, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GInetAddress) a = g_inet_address_new_from_string (cases[i].address);

      g_assert_cmpint (hw_join_address_is_local (a), ==, cases[i].local);
      if (!cases[i].local)
        {
          /* refused before anything listens */
          g_autoptr(HwJoinServer) server = hw_join_server_new (store, 1);
          g_autoptr(GError) error = NULL;

          g_assert_false (hw_join_server_start (server, cases[i].address, 0, &error));
          g_assert_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS);
          g_assert_false (hw_join_server_is_running (server));
        }
    }
  {
    g_autoptr(HwJoinServer) server = hw_join_server_new (store, 1);
    g_autoptr(GError) error = NULL;

    g_assert_false (hw_join_server_start (server, "not an address", 0, &error));
    g_assert_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_ADDRESS);
  }
  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
test_unknown_meeting (void)
{
  g_autofree char *dir = NULL;
  HwStore *store = hw_test_store_new_demo ("test-join-XXXXXX", &dir, NULL);
  g_autoptr(HwJoinServer) server = hw_join_server_new (store, 9999);
  g_autoptr(GError) error = NULL;

  g_assert_false (hw_join_server_start (server, "127.0.0.1", 0, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_assert_false (hw_join_server_is_running (server));
  g_clear_error (&error);
  /* no links from a server that is off */
  g_assert_null (hw_join_server_invite (server, 1, &error));
  g_assert_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_RUNNING);
  g_clear_object (&server);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

/* Routes ------------------------------------------------------------------ */

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *elena = invite (f, person_named (f, "Elena Morales"));
  g_autofree char *karen = invite (f, person_named (f, "Karen Whitfield"));
  g_autofree char *css = g_strconcat (hw_join_server_get_base_url (f->server), "/static/join.css", NULL);
  g_autofree char *js = g_strconcat (hw_join_server_get_base_url (f->server), "/static/join.js", NULL);
  g_autofree char *root = g_strconcat (hw_join_server_get_base_url (f->server), "/", NULL);
  g_autoptr(Reply) r = NULL;

  g_assert_true (g_str_has_prefix (elena, "http://127.0.0.1:"));

  r = get (f, elena);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->type, ==, "text/html");
  g_assert_nonnull (strstr (r->csp, "default-src 'self'"));
  g_assert_null (strstr (r->csp, "unsafe-inline"));
  g_assert_cmpstr (r->referrer, ==, "no-referrer");
  g_assert_cmpstr (r->nosniff, ==, "nosniff");
  /* Elena's language is Spanish: the page is in Spanish */
  g_assert_nonnull (strstr (r->body, "<html lang=\"es\""));
  g_assert_nonnull (strstr (r->body, "Qué tan seguros, del 0 al 10"));
  g_assert_nonnull (strstr (r->body, "Elena Morales"));
  /* no inline script, labelled form fields */
  g_assert_null (strstr (r->body, "<script>"));
  g_assert_nonnull (strstr (r->body, "<script src=\"/static/join.js\""));
  g_assert_nonnull (strstr (r->body, "<label for=\"text\">"));
  g_assert_nonnull (strstr (r->body, "<legend>"));
  g_clear_pointer (&r, reply_free);

  /* Karen reads English */
  r = get (f, karen);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_nonnull (strstr (r->body, "<html lang=\"en\""));
  g_assert_nonnull (strstr (r->body, "How safe, from 0 to 10"));
  g_clear_pointer (&r, reply_free);

  r = get (f, css);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->type, ==, "text/css");
  g_assert_cmpstr (r->nosniff, ==, "nosniff");
  g_clear_pointer (&r, reply_free);
  r = get (f, js);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_cmpstr (r->type, ==, "text/javascript");
  g_clear_pointer (&r, reply_free);

  r = get (f, root);
  g_assert_cmpuint (r->status, ==, 404);
  g_assert_nonnull (r->csp);
  g_clear_pointer (&r, reply_free);

  /* a page is not a form target: GET on /add */
  {
    g_autofree char *add = g_strconcat (elena, "/add", NULL);

    r = get (f, add);
    g_assert_cmpuint (r->status, ==, 405);
  }
}

static void
language_in_changed_cb (HwStore     *store,
                        const char  *table,
                        char       **seen)
{
  const char *current = hw_language_get_current ();

  if (*seen == NULL)
    *seen = g_strdup (current != NULL ? current : "(the program's)");
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  gint64 elena_id = person_named (f, "Elena Morales");
  g_autofree char *elena = invite (f, elena_id);
  g_autofree char *rosa = invite (f, person_named (f, "Rosa Morales"));
  g_autofree char *add = g_strconcat (elena, "/add", NULL);
  g_autoptr(Reply) page = get (f, elena);
  g_autofree char *csrf = csrf_of (page->body);
  g_autofree char *form = NULL;
  g_autoptr(Reply) r = NULL;
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwPresentation) screen = NULL;
  g_autoptr(GError) error = NULL;
  const char *said = "Abuela Rosa drives the kids to school every day";
  gint64 before = count_items (f), item_id;
  g_autofree char *language_seen = NULL;

  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "strengths", &error));
  {
    g_autofree char *escaped = g_uri_escape_string (said, NULL, FALSE);

    form = g_strdup_printf ("csrf=%s&contribution=strength&text=%s", csrf, escaped);
  }
  /* Elena's page is in Spanish; the window's handlers of the store's
   * ::changed (the editor's new row, the room's screen) run in the
   * program's language all the same */
  g_signal_connect (f->store, "changed", G_CALLBACK (language_in_changed_cb), &language_seen);
  r = post (f, add, form);
  g_signal_handlers_disconnect_by_func (f->store, language_in_changed_cb, &language_seen);
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_true (g_str_has_suffix (r->location, "?sent=1"));
  g_assert_cmpint (count_items (f), ==, before + 1);
  g_assert_cmpstr (language_seen, ==, "(the program's)");

  /* stored with its real author, in the current step, hidden */
  item_id = hw_store_query_int (f->store, 0, "SELECT max(id) FROM meeting_items", G_TYPE_INVALID);
  item = hw_store_get (f->store, "meeting_items", item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (item, "text"), ==, said);
  g_assert_cmpint (hw_record_get_int (item, "author_person_id"), ==, elena_id);
  g_assert_cmpint (hw_record_get_int (item, "meeting_id"), ==, f->meeting_id);
  g_assert_cmpstr (hw_record_get_string (item, "phase"), ==, "strengths");
  g_assert_cmpstr (hw_record_get_string (item, "contribution"), ==, "strength");
  g_assert_true (hw_record_get_boolean (item, "hidden"));
  /* one edit of the store: undoable like any other */
  {
    g_autofree char *label = hw_store_get_undo_label (f->store);
    g_assert_cmpstr (label, ==, "Add an item sent from a phone");
  }

  /* the author sees it waiting; nobody else, and not the room's screen */
  g_clear_pointer (&r, reply_free);
  r = get (f, elena);
  g_assert_nonnull (strstr (r->body, said));
  g_clear_pointer (&r, reply_free);
  r = get (f, rosa);
  g_assert_null (strstr (r->body, said));
  screen = hw_meeting_presentation (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < screen->strengths->len; i++)
    g_assert_cmpstr (((HwPresentationItem *) g_ptr_array_index (screen->strengths, i))->text, !=, said);
  g_clear_pointer (&screen, hw_presentation_free);

  /* the same idea from Rosa's phone, merged into Elena's by the
   * facilitator: both see the merged item as what they sent */
  {
    const char *rosa_said = "Rosa takes them to school";
    gint64 rosa_item = hw_meeting_add_contribution (f->store, f->meeting_id,
                                                    person_named (f, "Rosa Morales"), "strength",
                                                    rosa_said, &error);

    g_assert_no_error (error);
    g_assert_true (hw_meeting_merge_items (f->store, item_id, rosa_item, &error));
    g_assert_no_error (error);
    g_clear_pointer (&r, reply_free);
    r = get (f, rosa);
    g_assert_nonnull (strstr (r->body, said));
    g_assert_nonnull (strstr (r->body, rosa_said));
    g_clear_pointer (&r, reply_free);
    r = get (f, elena);
    g_assert_nonnull (strstr (r->body, rosa_said));
    /* undo the merge, then Rosa's item */
    g_assert_true (hw_store_undo (f->store, &error));
    g_clear_pointer (&r, reply_free);
    r = get (f, rosa);
    g_assert_null (strstr (r->body, said));
    g_assert_nonnull (strstr (r->body, rosa_said));
    g_assert_true (hw_store_undo (f->store, &error));
    g_assert_no_error (error);
  }

  /* let through by the facilitator: on everyone's page and the screen */
  g_assert_true (hw_meeting_set_item_hidden (f->store, item_id, FALSE, &error));
  g_clear_pointer (&r, reply_free);
  r = get (f, rosa);
  g_assert_nonnull (strstr (r->body, said));
  screen = hw_meeting_presentation (f->store, f->meeting_id, &error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < screen->strengths->len; i++)
      found |= g_strcmp0 (((HwPresentationItem *) g_ptr_array_index (screen->strengths, i))->text, said) == 0;
    g_assert_true (found);
  }

  /* the same validation as the window: empty text, unknown kind */
  g_clear_pointer (&r, reply_free);
  g_free (form);
  form = g_strdup_printf ("csrf=%s&contribution=strength&text=%%20%%20", csrf);
  r = post (f, add, form);
  g_assert_cmpuint (r->status, ==, 400);
  g_assert_nonnull (strstr (r->body, "role=\"alert\""));
  g_clear_pointer (&r, reply_free);
  g_free (form);
  form = g_strdup_printf ("csrf=%s&contribution=decision&text=hello", csrf);
  r = post (f, add, form);
  g_assert_cmpuint (r->status, ==, 400);
  g_assert_cmpint (count_items (f), ==, before + 1);
}

/* The value after "Name: " in the scores list of a page, or -1. */
static int
shown_score (const char *page,
             const char *name)
{
  g_autofree char *needle = g_strdup_printf ("<li>%s: ", name);
  const char *at = strstr (page, needle);

  return at ? atoi (at + strlen (needle)) : -1;
}

static void
test_score (Fixture       *f,
            gconstpointer  data)
{
  gint64 elena_id = person_named (f, "Elena Morales");
  g_autofree char *elena = invite (f, elena_id);
  g_autofree char *rosa = invite (f, person_named (f, "Rosa Morales"));
  g_autofree char *score_url = g_strconcat (elena, "/score", NULL);
  g_autoptr(Reply) page = NULL;
  g_autoptr(Reply) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csrf = NULL;
  g_autofree char *form = NULL;
  gint64 item_id;

  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "scaling", &error));
  g_assert_true (hw_meeting_set_scores_revealed (f->store, f->meeting_id, FALSE, &error));
  /* a statement both may see */
  item_id = hw_store_query_int (f->store, 0,
                                "SELECT id FROM meeting_items WHERE meeting_id = ? AND phase = 'worries'"
                                " AND confidential = 0 AND withheld_from = '' AND hidden = 0 ORDER BY id LIMIT 1",
                                G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);
  g_assert_cmpint (item_id, >, 0);

  page = get (f, elena);
  csrf = csrf_of (page->body);
  /* over the score the page shows */
  form = g_strdup_printf ("csrf=%s&item=%" G_GINT64_FORMAT "&version=%" G_GINT64_FORMAT "&score=3", csrf,
                          item_id, score_version_of (page->body, item_id));
  r = post (f, score_url, form);
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_cmpint (hw_store_query_int (f->store, -1,
                                       "SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?",
                                       G_TYPE_INT64, item_id, G_TYPE_INT64, elena_id, G_TYPE_INVALID), ==, 3);

  /* Elena sees her own score selected; Rosa sees nobody's */
  g_clear_pointer (&r, reply_free);
  r = get (f, elena);
  {
    g_autofree char *select = g_strdup_printf ("id=\"score-%" G_GINT64_FORMAT "\"", item_id);
    const char *at = strstr (r->body, select);

    g_assert_nonnull (at);
    g_assert_nonnull (strstr (at, "<option value=\"3\" selected>"));
  }
  g_clear_pointer (&r, reply_free);
  r = get (f, rosa);
  g_assert_cmpint (shown_score (r->body, "Elena Morales"), ==, -1);
  g_assert_null (strstr (r->body, "class=\"scores\""));

  /* revealed: everyone's, by name */
  g_assert_true (hw_meeting_set_scores_revealed (f->store, f->meeting_id, TRUE, &error));
  g_clear_pointer (&r, reply_free);
  r = get (f, rosa);
  g_assert_cmpint (shown_score (r->body, "Elena Morales"), ==, 3);

  /* out of range, not a number, a statement not on the page */
  g_clear_pointer (&r, reply_free);
  g_free (form);
  form = g_strdup_printf ("csrf=%s&item=%" G_GINT64_FORMAT "&score=11", csrf, item_id);
  r = post (f, score_url, form);
  g_assert_cmpuint (r->status, ==, 400);
  g_clear_pointer (&r, reply_free);
  g_free (form);
  form = g_strdup_printf ("csrf=%s&item=%" G_GINT64_FORMAT "&score=seven", csrf, item_id);
  r = post (f, score_url, form);
  g_assert_cmpuint (r->status, ==, 400);
  {
    gint64 secret = hw_store_query_int (f->store, 0,
                                        "SELECT id FROM meeting_items WHERE meeting_id = ?"
                                        " AND phase IN ('worries','safety-goals') AND confidential = 1 LIMIT 1",
                                        G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);

    if (secret > 0)
      {
        g_clear_pointer (&r, reply_free);
        g_free (form);
        form = g_strdup_printf ("csrf=%s&item=%" G_GINT64_FORMAT "&score=5", csrf, secret);
        r = post (f, score_url, form);
        g_assert_cmpuint (r->status, ==, 400);
      }
  }
  g_assert_cmpint (hw_store_query_int (f->store, -1,
                                       "SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?",
                                       G_TYPE_INT64, item_id, G_TYPE_INT64, elena_id, G_TYPE_INVALID), ==, 3);
}

/* A score from a phone over a score changed elsewhere since the page was
 * shown (the facilitator typed another one in for her) is refused, said
 * in the phone's language, and the page shows the score saved now; sent
 * again from that page, it is saved. */
static void
test_score_conflict (Fixture       *f,
                     gconstpointer  data)
{
  gint64 elena_id = person_named (f, "Elena Morales");
  g_autofree char *elena = invite (f, elena_id);
  g_autofree char *score_url = g_strconcat (elena, "/score", NULL);
  g_autoptr(Reply) page = NULL;
  g_autoptr(Reply) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csrf = NULL;
  g_autofree char *form = NULL;
  g_autofree char *select = NULL;
  gint64 item_id, shown, version = 0;
  const char *at;

  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "scaling", &error));
  item_id = hw_store_query_int (f->store, 0,
                                "SELECT id FROM meeting_items WHERE meeting_id = ? AND phase = 'worries'"
                                " AND confidential = 0 AND withheld_from = '' AND hidden = 0 ORDER BY id LIMIT 1",
                                G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);
  g_assert_cmpint (item_id, >, 0);

  page = get (f, elena);
  csrf = csrf_of (page->body);
  shown = score_version_of (page->body, item_id);
  /* the facilitator gives her score meanwhile, from the editor */
  {
    g_autoptr(GPtrArray) now = hw_store_select (f->store, "meeting_scores", NULL,
                                                "SELECT id, version FROM meeting_scores"
                                                " WHERE item_id = ? AND person_id = ?",
                                                G_TYPE_INT64, item_id, G_TYPE_INT64, elena_id, G_TYPE_INVALID);

    if (now != NULL && now->len > 0)
      version = hw_record_get_version (g_ptr_array_index (now, 0));
    g_assert_cmpint (version, ==, shown);
  }
  g_assert_cmpint (hw_meeting_set_score_at (f->store, item_id, elena_id, version, 6, "", &error), >, 0);
  g_assert_no_error (error);

  form = g_strdup_printf ("csrf=%s&item=%" G_GINT64_FORMAT "&version=%" G_GINT64_FORMAT "&score=2", csrf,
                          item_id, shown);
  r = post (f, score_url, form);
  g_assert_cmpuint (r->status, ==, 409);
  /* in Elena's language */
  g_assert_nonnull (strstr (r->body, "<html lang=\"es\""));
  g_assert_nonnull (strstr (r->body, "Su puntuación se cambió en otro lugar"));
  /* the page shows the score saved now, and its version */
  select = g_strdup_printf ("id=\"score-%" G_GINT64_FORMAT "\"", item_id);
  at = strstr (r->body, select);
  g_assert_nonnull (at);
  g_assert_nonnull (strstr (at, "<option value=\"6\" selected>"));
  g_assert_cmpint (score_version_of (r->body, item_id), >, shown);
  g_assert_cmpint (hw_store_query_int (f->store, -1,
                                       "SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?",
                                       G_TYPE_INT64, item_id, G_TYPE_INT64, elena_id, G_TYPE_INVALID), ==, 6);

  /* sent again from that page: saved */
  g_free (form);
  form = g_strdup_printf ("csrf=%s&item=%" G_GINT64_FORMAT "&version=%" G_GINT64_FORMAT "&score=2", csrf,
                          item_id, score_version_of (r->body, item_id));
  g_clear_pointer (&r, reply_free);
  r = post (f, score_url, form);
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_cmpint (hw_store_query_int (f->store, -1,
                                       "SELECT score FROM meeting_scores WHERE item_id = ? AND person_id = ?",
                                       G_TYPE_INT64, item_id, G_TYPE_INT64, elena_id, G_TYPE_INVALID), ==, 2);
}

/* Events ------------------------------------------------------------------ */

typedef struct {
  GInputStream *stream;
  GString      *text;
  gboolean      done;
} StreamRead;

static void
stream_open_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  StreamRead *sr = user_data;
  g_autoptr(GError) error = NULL;

  sr->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  sr->done = TRUE;
}

static void
stream_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  StreamRead *sr = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  g_assert_no_error (error);
  if (bytes != NULL)
    g_string_append_len (sr->text, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  sr->done = TRUE;
}

/* Reads the stream until @needle has arrived (or 5 s have passed). */
static gboolean
read_until (StreamRead *sr,
            const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (strstr (sr->text->str, needle) == NULL && g_get_monotonic_time () < deadline)
    {
      sr->done = FALSE;
      g_input_stream_read_bytes_async (sr->stream, 4096, G_PRIORITY_DEFAULT, NULL, stream_read_cb, sr);
      while (!sr->done)
        g_main_context_iteration (NULL, TRUE);
    }
  return strstr (sr->text->str, needle) != NULL;
}

static StreamRead *
open_events (Fixture    *f,
             const char *link,
             guint      *status)
{
  g_autofree char *url = g_strconcat (link, "/events", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  StreamRead *sr = g_new0 (StreamRead, 1);

  sr->text = g_string_new (NULL);
  soup_session_send_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, stream_open_cb, sr);
  while (!sr->done)
    g_main_context_iteration (NULL, TRUE);
  *status = soup_message_get_status (msg);
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                   ==, *status == 200 ? "text/event-stream" : "text/html");
  return sr;
}

static void
stream_read_free (StreamRead *sr)
{
  g_clear_object (&sr->stream);
  g_string_free (sr->text, TRUE);
  g_free (sr);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  gint64 karen_id = person_named (f, "Karen Whitfield");
  g_autofree char *karen = invite (f, karen_id);
  g_autoptr(GError) error = NULL;
  StreamRead *sr;
  guint status;

  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "strengths", &error));
  sr = open_events (f, karen, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (read_until (sr, "\"phase\":\"strengths\""));
  g_assert_nonnull (strstr (sr->text->str, "event: phase\n"));
  g_assert_nonnull (strstr (sr->text->str, "\"revealed\":false"));

  /* the facilitator moves on: the phone hears it */
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "worries", &error));
  g_assert_true (read_until (sr, "\"phase\":\"worries\""));
  g_assert_true (read_until (sr, "What we are worried about"));
  g_assert_true (hw_meeting_set_scores_revealed (f->store, f->meeting_id, TRUE, &error));
  g_assert_true (read_until (sr, "\"revealed\":true"));

  /* the link withdrawn: the stream ends at once, and cannot reopen */
  g_assert_true (hw_join_server_revoke (f->server, karen_id));
  g_assert_true (read_until (sr, "event: end"));
  stream_read_free (sr);
  sr = open_events (f, karen, &status);
  g_assert_cmpuint (status, ==, 403);
  stream_read_free (sr);
  /* a phone that goes away: the server lets go of its stream */
  {
    g_autofree char *message = g_strdup_printf ("a live page of person %" G_GINT64_FORMAT " closed", karen_id);
    g_autofree char *again = invite (f, karen_id);
    StreamRead *other = open_events (f, again, &status);
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    g_assert_cmpuint (status, ==, 200);
    g_assert_true (read_until (other, "event: phase"));
    g_assert_null (strstr (captured_log->str, message));
    stream_read_free (other);
    soup_session_abort (f->session);
    /* the server learns it when it next writes (a change, or the
     * heartbeat every 20 seconds) */
    for (guint i = 0; strstr (captured_log->str, message) == NULL && g_get_monotonic_time () < deadline; i++)
      {
        if (i % 1000 == 0)
          g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, i % 2000 ? "ideas" : "worries",
                                               &error));
        g_main_context_iteration (NULL, FALSE);
      }
    g_assert_nonnull (strstr (captured_log->str, message));
    g_clear_object (&f->session);
    f->session = soup_session_new ();
  }
}

/* Refusals ---------------------------------------------------------------- */

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *elena = invite (f, person_named (f, "Elena Morales"));
  g_autofree char *rosa = invite (f, person_named (f, "Rosa Morales"));
  g_autofree char *add = g_strconcat (elena, "/add", NULL);
  g_autoptr(Reply) page = get (f, elena);
  g_autoptr(Reply) rosa_page = get (f, rosa);
  g_autofree char *csrf = csrf_of (page->body);
  g_autofree char *rosa_csrf = csrf_of (rosa_page->body);
  g_autofree char *form = NULL;
  g_autoptr(Reply) r = NULL;
  gint64 before = count_items (f);

  /* oversize: refused from its Content-Length, before it is read */
  {
    g_autoptr(GString) big = g_string_new (NULL);

    g_string_append_printf (big, "csrf=%s&contribution=idea&text=", csrf);
    while (big->len < 17 * 1024)
      g_string_append (big, "aaaaaaaaaa");
    r = post (f, add, big->str);
    g_assert_cmpuint (r->status, ==, 413);
    g_clear_pointer (&r, reply_free);
  }

  /* invalid UTF-8, escaped or raw */
  form = g_strdup_printf ("csrf=%s&contribution=idea&text=%%FF%%FEbad", csrf);
  r = post (f, add, form);
  g_assert_cmpuint (r->status, ==, 400);
  g_clear_pointer (&r, reply_free);
  g_free (form);
  form = g_strdup_printf ("csrf=%s&contribution=idea&text=\xff\xfe", csrf);
  r = post (f, add, form);
  g_assert_cmpuint (r->status, ==, 400);
  g_clear_pointer (&r, reply_free);
  /* a NUL inside the body */
  g_free (form);
  form = g_strdup_printf ("csrf=%s&contribution=idea&text=a", csrf);
  {
    g_autofree char *with_nul = g_strdup_printf ("%sXb", form);
    const char *headers[] = { "Origin", hw_join_server_get_base_url (f->server), NULL };

    with_nul[strlen (form)] = '\0';
    r = request (f, "POST", add, "application/x-www-form-urlencoded", with_nul, strlen (form) + 2, headers);
    g_assert_cmpuint (r->status, ==, 400);
    g_clear_pointer (&r, reply_free);
  }

  /* CSRF: missing, forged, or another person's page's */
  r = post (f, add, "contribution=idea&text=hello");
  g_assert_cmpuint (r->status, ==, 403);
  g_clear_pointer (&r, reply_free);
  r = post (f, add, "csrf=00000000000000000000000000000000.abcdef&contribution=idea&text=hello");
  g_assert_cmpuint (r->status, ==, 403);
  g_clear_pointer (&r, reply_free);
  g_free (form);
  form = g_strdup_printf ("csrf=%s&contribution=idea&text=hello", rosa_csrf);
  r = post (f, add, form);
  g_assert_cmpuint (r->status, ==, 403);
  g_clear_pointer (&r, reply_free);

  /* posted from another site, or as another kind of body */
  g_free (form);
  form = g_strdup_printf ("csrf=%s&contribution=idea&text=hello", csrf);
  {
    const char *evil[] = { "Origin", "http://evil.example", NULL };
    const char *cross[] = { "Sec-Fetch-Site", "cross-site", NULL };
    const char *null_origin[] = { "Origin", "null", NULL };
    const char *null_cross[] = { "Origin", "null", "Sec-Fetch-Site", "cross-site", NULL };

    r = request (f, "POST", add, "application/x-www-form-urlencoded", form, -1, evil);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    r = request (f, "POST", add, "application/x-www-form-urlencoded", form, -1, cross);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    /* "Origin: null" (a sandboxed frame, a data: page), unless the
     * browser says it is the page itself (below) */
    r = request (f, "POST", add, "application/x-www-form-urlencoded", form, -1, null_origin);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    r = request (f, "POST", add, "application/x-www-form-urlencoded", form, -1, null_cross);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    r = request (f, "POST", add, "text/plain", form, -1, NULL);
    g_assert_cmpuint (r->status, ==, 415);
    g_clear_pointer (&r, reply_free);
  }

  /* a request naming another Host (DNS rebinding) */
  {
    const char *host[] = { "Host", "evil.example", NULL };

    r = request (f, "GET", elena, NULL, NULL, 0, host);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
  }

  g_assert_cmpint (count_items (f), ==, before);

  /* and with everything right, it goes in */
  r = post (f, add, form);
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_cmpint (count_items (f), ==, before + 1);
  g_clear_pointer (&r, reply_free);

  /* what Chromium sends from the page, whose Referrer-Policy is
   * no-referrer: "Origin: null" with "Sec-Fetch-Site: same-origin" */
  {
    const char *chromium[] = { "Origin", "null", "Sec-Fetch-Site", "same-origin", NULL };

    r = request (f, "POST", add, "application/x-www-form-urlencoded", form, -1, chromium);
    g_assert_cmpuint (r->status, ==, 303);
    g_assert_cmpint (count_items (f), ==, before + 2);
  }
}

static void
test_bad_links (Fixture       *f,
                gconstpointer  data)
{
  gint64 elena_id = person_named (f, "Elena Morales");
  g_autofree char *elena = invite (f, elena_id);
  g_autofree char *base = g_strdup (hw_join_server_get_base_url (f->server));
  g_autofree char *wrong = NULL;
  g_autofree char *malformed = g_strconcat (base, "/j/abc", NULL);
  g_autofree char *csrf = NULL;
  g_autofree char *form = NULL;
  g_autofree char *add = g_strconcat (elena, "/add", NULL);
  g_autoptr(Reply) r = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autofree char *token = hw_join_token_new ();

    wrong = g_strconcat (base, "/j/", token, NULL);
  }
  r = get (f, wrong);
  g_assert_cmpuint (r->status, ==, 403);
  g_clear_pointer (&r, reply_free);
  r = get (f, malformed);
  g_assert_cmpuint (r->status, ==, 403);
  g_clear_pointer (&r, reply_free);

  /* withdrawn: the page, and a form from before, no longer work */
  r = get (f, elena);
  g_assert_cmpuint (r->status, ==, 200);
  csrf = csrf_of (r->body);
  g_clear_pointer (&r, reply_free);
  g_assert_true (hw_join_server_revoke (f->server, elena_id));
  g_assert_false (hw_join_server_revoke (f->server, elena_id));
  r = get (f, elena);
  g_assert_cmpuint (r->status, ==, 403);
  g_clear_pointer (&r, reply_free);
  form = g_strdup_printf ("csrf=%s&contribution=idea&text=replayed", csrf);
  r = post (f, add, form);
  g_assert_cmpuint (r->status, ==, 403);
  g_clear_pointer (&r, reply_free);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM meeting_items WHERE text = 'replayed'",
                                       G_TYPE_INVALID), ==, 0);

  /* a new link replaces the old one */
  {
    g_autofree char *again = invite (f, elena_id);
    g_autofree char *third = invite (f, elena_id);

    r = get (f, again);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    r = get (f, third);
    g_assert_cmpuint (r->status, ==, 200);
    g_clear_pointer (&r, reply_free);
  }

  /* expired */
  /* (long enough for a first request under valgrind) */
  hw_join_server_set_token_lifetime (f->server, 2 * G_TIME_SPAN_SECOND);
  {
    g_autofree char *brief = invite (f, person_named (f, "Rosa Morales"));

    r = get (f, brief);
    g_assert_cmpuint (r->status, ==, 200);
    g_clear_pointer (&r, reply_free);
    g_usleep (2100 * 1000);
    r = get (f, brief);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
  }
  hw_join_server_set_token_lifetime (f->server, 12 * G_TIME_SPAN_HOUR);

  /* no link for someone not taking part, or not of this meeting */
  {
    gint64 absent = person_named (f, "Karen Whitfield");
    gint64 attendee_id = hw_store_query_int (f->store, 0,
                                             "SELECT id FROM meeting_attendees WHERE meeting_id = ? AND person_id = ?",
                                             G_TYPE_INT64, f->meeting_id, G_TYPE_INT64, absent, G_TYPE_INVALID);
    g_autofree char *before = invite (f, absent);

    g_assert_true (hw_meeting_set_attendee (f->store, attendee_id, 0, NULL, "absent", &error));
    g_assert_null (hw_join_server_invite (f->server, absent, &error));
    g_assert_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_ATTENDEE);
    g_clear_error (&error);
    /* and a link made before stops working */
    r = get (f, before);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    g_assert_null (hw_join_server_invite (f->server, 999999, &error));
    g_assert_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_ATTENDEE);
    g_clear_error (&error);
  }

  /* the meeting deleted while people are on it */
  {
    g_autofree char *carmen = invite (f, person_named (f, "Carmen Ortiz"));

    g_assert_true (hw_meeting_delete (f->store, f->meeting_id, &error));
    r = get (f, carmen);
    g_assert_cmpuint (r->status, ==, 410);
  }
}

static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *elena = NULL;
  g_autofree char *rosa = NULL;
  g_autoptr(Reply) r = NULL;

  hw_join_server_set_limits (f->server, 16 * 1024, 3, 0.0);
  elena = invite (f, person_named (f, "Elena Morales"));
  rosa = invite (f, person_named (f, "Rosa Morales"));
  for (guint i = 0; i < 3; i++)
    {
      r = get (f, elena);
      g_assert_cmpuint (r->status, ==, 200);
      g_clear_pointer (&r, reply_free);
    }
  r = get (f, elena);
  g_assert_cmpuint (r->status, ==, 429);
  g_clear_pointer (&r, reply_free);
  /* per link: Rosa is not slowed down by Elena */
  r = get (f, rosa);
  g_assert_cmpuint (r->status, ==, 200);
}

static char *
invite_with_code (Fixture  *f,
                  gint64    person_id,
                  char    **short_url)
{
  g_autoptr(GError) error = NULL;
  char *url = hw_join_server_invite_with_code (f->server, person_id, short_url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (url);
  g_assert_nonnull (*short_url);
  g_ptr_array_add (f->tokens, g_strdup (strrchr (url, '/') + 1));
  g_ptr_array_add (f->tokens, g_strdup (strrchr (*short_url, '/') + 1));
  return url;
}

static void
code_used_cb (HwJoinServer *server,
              gint64        person_id,
              gpointer      user_data)
{
  *(gint64 *) user_data = person_id;
}

static void
assert_code_refused (Fixture    *f,
                     const char *url)
{
  g_autoptr(Reply) r = get (f, url);

  g_assert_cmpuint (r->status, ==, 403);
  g_assert_nonnull (strstr (r->body, "This link no longer works"));
  g_assert_nonnull (strstr (r->body, "Ask the facilitator for a new one."));
  g_assert_null (r->location);
}

/* The short codes themselves. */
static void
test_code_shape (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint counts[256] = { 0 };

  for (guint i = 0; i < 2000; i++)
    {
      char *code = hw_join_code_new ();
      g_autofree char *normal = hw_join_code_normalize (code);

      g_assert_cmpuint (strlen (code), ==, 8);
      g_assert_cmpstr (normal, ==, code);
      g_assert_cmpuint (strcspn (code, "0O1IL"), ==, 8);
      for (const char *p = code; *p; p++)
        counts[(guchar) *p]++;
      g_assert_true (g_hash_table_add (seen, code));
    }
  /* every letter of the alphabet turns up, none much more than another
   * (16000 letters over 31: about 516 each) */
  for (const char *p = HW_JOIN_CODE_ALPHABET; *p; p++)
    g_assert_cmpuint (counts[(guchar) *p], >, 350);
  {
    g_autofree char *lower = hw_join_code_normalize ("abcd2345");

    g_assert_cmpstr (lower, ==, "ABCD2345");
  }
  g_assert_null (hw_join_code_normalize ("ABCD234O"));
  g_assert_null (hw_join_code_normalize ("ABCD2341"));
  g_assert_null (hw_join_code_normalize ("ABCD234"));
  g_assert_null (hw_join_code_normalize ("ABCD23456"));
  g_assert_null (hw_join_code_normalize (NULL));
}

static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  gint64 elena_id = person_named (f, "Elena Morales");
  g_autofree char *short_url = NULL;
  g_autofree char *url = invite_with_code (f, elena_id, &short_url);
  g_autofree char *base = g_strdup (hw_join_server_get_base_url (f->server));
  const char *code = strrchr (short_url, '/') + 1;
  gint64 used = 0;
  g_autoptr(Reply) r = NULL;

  g_signal_connect (f->server, "code-used", G_CALLBACK (code_used_cb), &used);

  /* http://127.0.0.1:PORT/j/CODE */
  g_assert_true (g_str_has_prefix (short_url, base));
  g_assert_cmpuint (strlen (short_url), ==, strlen (base) + 3 + 8);
  g_assert_true (hw_join_server_has_code (f->server, elena_id));

  /* a POST is not how it is used, and does not use it up */
  r = request (f, "POST", short_url, "application/x-www-form-urlencoded", "a=b", -1, NULL);
  g_assert_cmpuint (r->status, ==, 405);
  g_clear_pointer (&r, reply_free);

  /* typed in small letters on a phone: it still works, once */
  {
    g_autofree char *lower = g_ascii_strdown (code, -1);
    g_autofree char *typed = g_strconcat (base, "/j/", lower, NULL);

    r = get (f, typed);
  }
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_cmpstr (r->location, ==, url);
  g_assert_nonnull (r->csp);
  g_clear_pointer (&r, reply_free);
  g_assert_cmpint (used, ==, elena_id);
  g_assert_false (hw_join_server_has_code (f->server, elena_id));
  /* the page it led to works */
  r = get (f, url);
  g_assert_cmpuint (r->status, ==, 200);
  g_clear_pointer (&r, reply_free);

  /* used: refused, and the long link still works */
  assert_code_refused (f, short_url);
  r = get (f, url);
  g_assert_cmpuint (r->status, ==, 200);
  g_clear_pointer (&r, reply_free);

  /* unknown, or not even of the alphabet: the same page */
  {
    g_autofree char *other = hw_join_code_new ();
    g_autofree char *unknown = g_strconcat (base, "/j/", other, NULL);
    g_autofree char *odd = g_strconcat (base, "/j/OOOO0000", NULL);

    assert_code_refused (f, unknown);
    assert_code_refused (f, odd);
  }

  /* withdrawn with the link: the code goes with it */
  {
    g_autofree char *short2 = NULL;
    g_autofree char *url2 = invite_with_code (f, elena_id, &short2);

    g_assert_true (hw_join_server_revoke (f->server, elena_id));
    g_assert_false (hw_join_server_has_code (f->server, elena_id));
    assert_code_refused (f, short2);
    r = get (f, url2);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
  }

  /* a new link replaces the code too */
  {
    g_autofree char *short3 = NULL;
    g_autofree char *short4 = NULL;
    g_autofree char *url3 = invite_with_code (f, elena_id, &short3);
    g_autofree char *url4 = invite_with_code (f, elena_id, &short4);

    assert_code_refused (f, short3);
    r = get (f, short4);
    g_assert_cmpuint (r->status, ==, 303);
    g_assert_cmpstr (r->location, ==, url4);
    g_clear_pointer (&r, reply_free);
  }

  /* expired, while the long link still works */
  hw_join_server_set_code_lifetime (f->server, G_TIME_SPAN_SECOND);
  {
    g_autofree char *short5 = NULL;
    g_autofree char *url5 = invite_with_code (f, person_named (f, "Rosa Morales"), &short5);

    g_usleep (1100 * 1000);
    g_assert_false (hw_join_server_has_code (f->server, person_named (f, "Rosa Morales")));
    assert_code_refused (f, short5);
    r = get (f, url5);
    g_assert_cmpuint (r->status, ==, 200);
    g_clear_pointer (&r, reply_free);
  }

  /* stopped: nothing works */
  {
    g_autofree char *short6 = NULL;
    g_autofree char *url6 = NULL;

    hw_join_server_set_code_lifetime (f->server, 10 * G_TIME_SPAN_MINUTE);
    url6 = invite_with_code (f, elena_id, &short6);
    hw_join_server_stop (f->server);
    g_assert_false (hw_join_server_has_code (f->server, elena_id));
  }
  g_signal_handlers_disconnect_by_data (f->server, &used);
}

/* Guessing codes is limited per address, whatever the code. */
static void
test_code_rate_limit (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *short_url = NULL;
  g_autofree char *url = NULL;
  g_autofree char *base = g_strdup (hw_join_server_get_base_url (f->server));
  g_autoptr(Reply) r = NULL;

  /* the buckets out of the way: the count of wrong codes is tested */
  hw_join_server_set_limits (f->server, 16 * 1024, 1000, 100.0);
  url = invite_with_code (f, person_named (f, "Elena Morales"), &short_url);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *guess = hw_join_code_new ();
      g_autofree char *wrong = g_strconcat (base, "/j/", guess, NULL);

      assert_code_refused (f, wrong);
    }
  /* the 21st try is refused, even with the right code, which still
   * works later (it was not used) */
  r = get (f, short_url);
  g_assert_cmpuint (r->status, ==, 429);
  g_assert_null (r->location);
  g_clear_pointer (&r, reply_free);
  g_assert_true (hw_join_server_has_code (f->server, person_named (f, "Elena Morales")));
  /* the long links are not slowed down by it */
  r = get (f, url);
  g_assert_cmpuint (r->status, ==, 200);
  g_clear_pointer (&r, reply_free);

  /* and codes take from the same buckets as tokens */
  hw_join_server_stop (f->server);
  {
    g_autoptr(GError) error = NULL;

    hw_join_server_start (f->server, "127.0.0.1", 0, &error);
    g_assert_no_error (error);
  }
  hw_join_server_set_limits (f->server, 16 * 1024, 3, 0.0);
  g_free (base);
  base = g_strdup (hw_join_server_get_base_url (f->server));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *wrong = g_strconcat (base, "/j/AAAAAAAA", NULL);

      assert_code_refused (f, wrong);
    }
  {
    g_autofree char *wrong = g_strconcat (base, "/j/AAAAAAAA", NULL);

    r = get (f, wrong);
    g_assert_cmpuint (r->status, ==, 429);
  }
}

/* "What I need to do": each attendee's own tasks of the service plan, as
 * their own printed copy lists them, and nobody else's. */
static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shown = 0, n_withheld = 0;

  invites = hw_join_server_invite_all (f->server, &error);
  g_assert_no_error (error);
  tasks = hw_store_select (f->store, "tasks", &error,
                           "SELECT t.id, t.description, t.responsible_person_id,"
                           " ((n.confidential = 1 AND n.withheld_from = '')"
                           "  OR ',' || n.withheld_from || ',' LIKE '%,support,%') AS withheld"
                           " FROM tasks t JOIN goals g ON g.id = t.goal_id JOIN needs n ON n.id = g.need_id"
                           " WHERE n.case_id = ?",
                           G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_no_error (error);
  for (guint i = 0; i < invites->len; i++)
    {
      HwJoinInvite *invite = g_ptr_array_index (invites, i);
      g_autoptr(Reply) r = NULL;

      guint shown_before = n_shown;

      g_ptr_array_add (f->tokens, g_strdup (strrchr (invite->url, '/') + 1));
      r = get (f, invite->url);
      g_assert_cmpuint (r->status, ==, 200);
      for (guint t = 0; t < tasks->len; t++)
        {
          HwRecord *task = g_ptr_array_index (tasks, t);
          g_autofree char *escaped = g_markup_escape_text (hw_record_get_string (task, "description"), -1);
          gboolean mine = !hw_record_is_null (task, "responsible_person_id")
                          && hw_record_get_int (task, "responsible_person_id") == invite->person_id;
          gboolean withheld = hw_record_get_int (task, "withheld");

          if (mine && !withheld)
            {
              g_assert_nonnull (strstr (r->body, escaped));
              n_shown++;
            }
          else
            {
              g_assert_null (strstr (r->body, escaped));
              n_withheld += mine;
            }
        }
      /* the heading, exactly when the person has tasks to see */
      if (n_shown > shown_before)
        g_assert_nonnull (strstr (r->body, "id=\"tasks-heading\""));
      else
        g_assert_null (strstr (r->body, "id=\"tasks-heading\""));
    }
  /* the sample family has both, or this tests nothing */
  g_assert_cmpuint (n_shown, >, 1);
  g_assert_cmpuint (n_withheld, >, 0);
}

/* What I need to do: marking a task done ---------------------------------- */

/* A column of one row, as text (freed with the fixture's test). */
static char *
text_of (Fixture    *f,
         const char *table,
         gint64      id,
         const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) row = hw_store_get (f->store, table, id, &error);

  g_assert_no_error (error);
  return g_strdup (hw_record_get_string (row, column));
}

/* The first person whose page offers to mark one of their tasks done:
 * their link, and the id of that task. */
static char *
invite_with_open_task (Fixture *f,
                       gint64  *person_id,
                       gint64  *task_id)
{
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GError) error = NULL;

  invites = hw_join_server_invite_all (f->server, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < invites->len; i++)
    {
      HwJoinInvite *invite = g_ptr_array_index (invites, i);
      g_autoptr(Reply) r = NULL;
      const char *field;

      g_ptr_array_add (f->tokens, g_strdup (strrchr (invite->url, '/') + 1));
      r = get (f, invite->url);
      g_assert_cmpuint (r->status, ==, 200);
      field = strstr (r->body, "name=\"task\" value=\"");
      if (field != NULL)
        {
          *task_id = g_ascii_strtoll (field + strlen ("name=\"task\" value=\""), NULL, 10);
          *person_id = invite->person_id;
          return g_strdup (invite->url);
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_task_done (Fixture       *f,
                gconstpointer  data)
{
  gint64 person_id = 0, task_id = 0, other_task, withheld_task, notes_before;
  g_autofree char *url = invite_with_open_task (f, &person_id, &task_id);
  g_autofree char *task_url = g_strconcat (url, "/task", NULL);
  g_autofree char *csrf = NULL;
  g_autofree char *form = NULL;
  g_autofree char *name = NULL;
  g_autoptr(HwRecord) task = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Reply) page = get (f, url);
  g_autoptr(Reply) r = NULL;

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_nonnull (strstr (page->body, "id=\"tasks-heading\""));
  csrf = csrf_of (page->body);
  name = text_of (f, "people", person_id, "name");
  notes_before = hw_store_query_int (f->store, -1, "SELECT count(*) FROM progress_notes", G_TYPE_INVALID);

  /* someone else's task, and one of the person's own under a need
   * withheld from them: refused, nothing changes */
  other_task = hw_store_query_int (f->store, 0,
                                   "SELECT t.id FROM tasks t JOIN goals g ON g.id = t.goal_id"
                                   " JOIN needs n ON n.id = g.need_id WHERE n.case_id = ?"
                                   " AND coalesce(t.responsible_person_id, 0) != ? AND t.status != 'done' LIMIT 1",
                                   G_TYPE_INT64, f->case_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  g_assert_cmpint (other_task, >, 0);
  withheld_task = hw_store_query_int (f->store, 0,
                                      "SELECT t.id FROM tasks t JOIN goals g ON g.id = t.goal_id"
                                      " JOIN needs n ON n.id = g.need_id WHERE n.case_id = ?"
                                      " AND t.responsible_person_id = ? AND"
                                      " ((n.confidential = 1 AND n.withheld_from = '')"
                                      "  OR ',' || n.withheld_from || ',' LIKE '%,support,%') LIMIT 1",
                                      G_TYPE_INT64, f->case_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  {
    gint64 refused[] = { other_task, withheld_task, 999999 };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(Reply) bad = NULL;
        g_autofree char *f1 = NULL;

        if (refused[i] == 0)
          continue;
        f1 = g_strdup_printf ("csrf=%s&task=%" G_GINT64_FORMAT "&note=done", csrf, refused[i]);
        bad = post (f, task_url, f1);
        g_assert_cmpuint (bad->status, ==, 400);
        /* said on the page, in the person's language */
        g_assert_nonnull (strstr (bad->body, "class=\"notice error\" role=\"alert\""));
      }
    {
      g_autofree char *status = text_of (f, "tasks", other_task, "status");

      g_assert_cmpstr (status, !=, "done");
    }
  }
  /* an overlong note: refused */
  {
    g_autoptr(GString) big = g_string_new (NULL);
    g_autoptr(Reply) bad = NULL;

    g_string_append_printf (big, "csrf=%s&task=%" G_GINT64_FORMAT "&note=", csrf, task_id);
    for (guint i = 0; i < 2001; i++)
      g_string_append_c (big, 'a');
    bad = post (f, task_url, big->str);
    g_assert_cmpuint (bad->status, ==, 400);
  }
  /* without the page's CSRF token: refused */
  {
    g_autofree char *f2 = g_strdup_printf ("task=%" G_GINT64_FORMAT "&note=x", task_id);
    g_autoptr(Reply) bad = post (f, task_url, f2);

    g_assert_cmpuint (bad->status, ==, 403);
  }
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM progress_notes", G_TYPE_INVALID), ==,
                   notes_before);

  /* the task itself, with a note: one edit */
  form = g_strdup_printf ("csrf=%s&task=%" G_GINT64_FORMAT "&note=%s", csrf, task_id,
                          "Went+to+the+first+class+on+Monday");
  r = post (f, task_url, form);
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_true (g_str_has_suffix (r->location, "?done=1"));
  task = hw_store_get (f->store, "tasks", task_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (task, "status"), ==, "done");
  notes = hw_service_plan_list_notes (f->store, task_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, >, 0);
  {
    HwRecord *note = g_ptr_array_index (notes, notes->len - 1);
    g_autofree char *today = hw_date_today_iso ();

    g_assert_cmpstr (hw_record_get_string (note, "text"), ==, "Went to the first class on Monday");
    g_assert_cmpstr (hw_record_get_string (note, "author"), ==, name);
    g_assert_cmpstr (hw_record_get_string (note, "date"), ==, today);
  }
  {
    g_autofree char *label = hw_store_get_undo_label (f->store);

    g_assert_cmpstr (label, ==, "Mark task done");
  }

  /* the page now says so, with nothing left to press for that task */
  {
    g_autofree char *done_url = g_strconcat (url, "?done=1", NULL);
    g_autofree char *field = g_strdup_printf ("name=\"task\" value=\"%" G_GINT64_FORMAT "\"", task_id);
    g_autoptr(Reply) after = get (f, done_url);

    g_assert_nonnull (strstr (after->body, "class=\"notice\" role=\"status\""));
    g_assert_null (strstr (after->body, field));
  }
  /* twice: refused, no second note */
  {
    g_autoptr(Reply) again = post (f, task_url, form);

    g_assert_cmpuint (again->status, ==, 400);
    g_assert_nonnull (strstr (again->body, "class=\"notice error\" role=\"alert\""));
    g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM progress_notes", G_TYPE_INVALID), ==,
                     notes_before + 1);
  }
  /* one undo takes back both the status and the note */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM progress_notes", G_TYPE_INVALID), ==,
                   notes_before);
  g_clear_object (&task);
  task = hw_store_get (f->store, "tasks", task_id, &error);
  g_assert_cmpstr (hw_record_get_string (task, "status"), !=, "done");

  /* without a note: only the status */
  {
    g_autofree char *f3 = g_strdup_printf ("csrf=%s&task=%" G_GINT64_FORMAT "&note=+++", csrf, task_id);
    g_autoptr(Reply) plain = post (f, task_url, f3);

    g_assert_cmpuint (plain->status, ==, 303);
    g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM progress_notes", G_TYPE_INVALID), ==,
                     notes_before);
    {
      g_autofree char *status = text_of (f, "tasks", task_id, "status");

      g_assert_cmpstr (status, ==, "done");
    }
  }
  /* a GET of /task is not a way to change anything */
  {
    g_autoptr(Reply) wrong = get (f, task_url);

    g_assert_cmpuint (wrong->status, ==, 405);
  }
}

/* My family time ------------------------------------------------------------ */

static void
test_visits (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) hidden = hw_record_new ("people");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *start = g_date_time_format (tomorrow, "%Y-%m-%dT10:00:00");
  gint64 visitor = 0, other = 0, keeper;
  HwVisitPlan plan = { 0 };
  const char *visitor_url = NULL, *other_url = NULL;

  invites = hw_join_server_invite_all (f->server, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invites->len, >=, 2);
  for (guint i = 0; i < invites->len; i++)
    g_ptr_array_add (f->tokens, g_strdup (strrchr (((HwJoinInvite *) g_ptr_array_index (invites, i))->url, '/') + 1));
  visitor = ((HwJoinInvite *) g_ptr_array_index (invites, 0))->person_id;
  visitor_url = ((HwJoinInvite *) g_ptr_array_index (invites, 0))->url;
  other = ((HwJoinInvite *) g_ptr_array_index (invites, 1))->person_id;
  other_url = ((HwJoinInvite *) g_ptr_array_index (invites, 1))->url;

  /* an address kept from support copies: the person caring for the
   * children, say, whose home is where the visit takes place */
  keeper = hw_store_query_int (f->store, 0,
                               "SELECT p.id FROM people p WHERE p.case_id = ? AND p.confidential = 0"
                               " AND p.id NOT IN (SELECT person_id FROM meeting_attendees WHERE meeting_id = ?)"
                               " LIMIT 1",
                               G_TYPE_INT64, f->case_id, G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);
  g_assert_cmpint (keeper, >, 0);
  hw_record_set_id (hidden, keeper);
  hw_record_set_string (hidden, "address", "77 Hidden Hollow Road");
  hw_record_set_string (hidden, "address_withheld_from", "family,support");
  g_assert_true (hw_store_update (f->store, "Keep an address", hidden, &error));
  g_assert_no_error (error);

  plan.case_id = f->case_id;
  plan.title = "Weekly family time";
  plan.place = "77 Hidden Hollow Road";
  plan.dtstart = start;
  plan.tzid = "";
  plan.duration_minutes = 90;
  plan.rrule = "FREQ=WEEKLY;COUNT=3";
  plan.level = "supervised";
  plan.visitors = &visitor;
  plan.n_visitors = 1;
  g_assert_cmpint (hw_visits_create_series (f->store, &plan, &error), >, 0);
  g_assert_no_error (error);
  plan.title = "Library afternoon";
  plan.place = "Oakdale Public Library";
  plan.rrule = "";
  g_assert_cmpint (hw_visits_create_series (f->store, &plan, &error), >, 0);
  g_assert_no_error (error);

  {
    g_autoptr(Reply) r = get (f, visitor_url);
    g_autofree char *when = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_nonnull (strstr (r->body, "id=\"visits-heading\""));
    g_assert_nonnull (strstr (r->body, "Weekly family time"));
    g_assert_nonnull (strstr (r->body, "Library afternoon"));
    g_assert_nonnull (strstr (r->body, "Oakdale Public Library"));
    g_assert_nonnull (strstr (r->body, ", 10:00</strong>"));
    /* the protected address is never written, in any form */
    g_assert_null (strstr (r->body, "Hidden Hollow"));
    when = g_date_time_format (tomorrow, "%-d");
    g_assert_nonnull (strstr (r->body, when));
  }
  /* the visits are that person's, not everyone's */
  {
    g_autoptr(Reply) r = get (f, other_url);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_null (strstr (r->body, "Weekly family time"));
    g_assert_null (strstr (r->body, "Library afternoon"));
  }
  (void) other;
}

/* My copy of the plans -------------------------------------------------------- */

static char *
pdf_text (Fixture *f,
          GBytes  *pdf)
{
  g_autofree char *path = g_build_filename (f->dir, "copy.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status = 0;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_plan_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GPtrArray) secret_people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = NULL;
  guint n_copies = 0, n_spanish = 0;

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  secret_people = hw_store_select (f->store, "people", &error,
                                   "SELECT id, name, address, address_withheld_from FROM people WHERE case_id = ? AND"
                                   " ((confidential = 1 AND withheld_from = '')"
                                   "  OR ',' || withheld_from || ',' LIKE '%,support,%')",
                                   G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_no_error (error);
  g_assert_cmpuint (secret_people->len, >, 0);

  invites = hw_join_server_invite_all (f->server, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < invites->len; i++)
    {
      HwJoinInvite *invite = g_ptr_array_index (invites, i);
      const char *kinds[] = { "/safety-plan.pdf", "/reunification-plan.pdf" };
      g_autoptr(Reply) page = NULL;

      gboolean spanish;

      g_ptr_array_add (f->tokens, g_strdup (strrchr (invite->url, '/') + 1));
      page = get (f, invite->url);
      g_assert_nonnull (strstr (page->body, "id=\"copies-heading\""));
      spanish = strstr (page->body, "<html lang=\"es\"") != NULL;
      n_spanish += spanish;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *url = g_strconcat (invite->url, kinds[k], NULL);
          g_autofree char *link = g_strdup_printf ("href=\"%s%s\"", strstr (invite->url, "/j/"), kinds[k]);
          g_autoptr(Reply) r = get (f, url);
          g_autofree char *text = NULL;
          g_autofree char *folded = NULL;

          /* the page links to it */
          g_assert_nonnull (strstr (page->body, link));
          g_assert_cmpuint (r->status, ==, 200);
          g_assert_cmpstr (r->type, ==, "application/pdf");
          g_assert_nonnull (r->csp);
          g_assert_cmpuint (g_bytes_get_size (r->raw), >, 1000);
          g_assert_true (memcmp (g_bytes_get_data (r->raw, NULL), "%PDF-", 5) == 0);
          text = pdf_text (f, r->raw);
          /* in the person's language, as the page is */
          folded = g_utf8_strdown (text, -1);
          if (spanish)
            g_assert_nonnull (strstr (folded, k == 0 ? "plan de seguridad" : "casa"));
          else
            g_assert_nonnull (strstr (folded, k == 0 ? "safety plan" : "home"));
          g_assert_nonnull (strstr (text, "Morales"));
          /* nobody withheld from this person is named, no protected address */
          for (guint s = 0; s < secret_people->len; s++)
            {
              HwRecord *p = g_ptr_array_index (secret_people, s);

              g_assert_null (strstr (text, hw_record_get_string (p, "name")));
            }
          n_copies++;
        }
    }
  g_assert_cmpuint (n_copies, ==, invites->len * 2);
  /* the sample family has both languages, or this tests less */
  g_assert_cmpuint (n_spanish, >, 0);
  g_assert_cmpuint (n_spanish, <, invites->len);

  /* a wrong link gets no copy */
  {
    g_autofree char *base = g_strdup (hw_join_server_get_base_url (f->server));
    g_autofree char *url = g_strconcat (base, "/j/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/safety-plan.pdf", NULL);
    g_autoptr(Reply) r = get (f, url);

    g_assert_cmpuint (r->status, ==, 403);
    g_assert_cmpstr (r->type, !=, "application/pdf");
  }
  /* a withdrawn one neither */
  {
    HwJoinInvite *invite = g_ptr_array_index (invites, 0);
    g_autofree char *url = g_strconcat (invite->url, "/safety-plan.pdf", NULL);
    g_autoptr(Reply) r = NULL;

    g_assert_true (hw_join_server_revoke (f->server, invite->person_id));
    r = get (f, url);
    g_assert_cmpuint (r->status, ==, 403);
  }
}

/* Nothing withheld reaches anyone ----------------------------------------- */

static void
test_withheld (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GPtrArray) secret_items = NULL;
  g_autoptr(GPtrArray) secret_people = NULL;
  g_autoptr(GError) error = NULL;
  const HwChoice *phases;
  guint n_phases, n_pages = 0;
  gint64 confidential_attendee;

  /* everything the support copy may not show, found by SQL, independently
   * of hw-recipient.c */
  secret_items = hw_store_select (f->store, "meeting_items", &error,
                                  "SELECT id, text FROM meeting_items WHERE meeting_id = ? AND"
                                  " ((confidential = 1 AND withheld_from = '')"
                                  "  OR ',' || withheld_from || ',' LIKE '%,support,%')",
                                  G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);
  g_assert_no_error (error);
  secret_people = hw_store_select (f->store, "people", &error,
                                   "SELECT id, name FROM people WHERE case_id = ? AND"
                                   " ((confidential = 1 AND withheld_from = '')"
                                   "  OR ',' || withheld_from || ',' LIKE '%,support,%')",
                                   G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_no_error (error);
  /* the sample meeting has both, or this test tests nothing */
  g_assert_cmpuint (secret_items->len, >, 0);
  g_assert_cmpuint (secret_people->len, >, 0);
  confidential_attendee = hw_store_query_int (f->store, 0,
                                              "SELECT a.person_id FROM meeting_attendees a JOIN people p"
                                              " ON p.id = a.person_id WHERE a.meeting_id = ? AND p.confidential = 1",
                                              G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);
  g_assert_cmpint (confidential_attendee, >, 0);

  /* scores by everyone (the confidential attendee too), then revealed */
  {
    g_autoptr(GPtrArray) attendees = hw_store_select (f->store, "meeting_attendees", &error,
                                                      "SELECT id, person_id FROM meeting_attendees"
                                                      " WHERE meeting_id = ?",
                                                      G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);
    gint64 statement = hw_store_query_int (f->store, 0,
                                           "SELECT id FROM meeting_items WHERE meeting_id = ? AND phase = 'worries'"
                                           " AND confidential = 0 AND withheld_from = '' LIMIT 1",
                                           G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID);

    for (guint i = 0; i < attendees->len; i++)
      {
        gint64 pid = hw_record_get_int (g_ptr_array_index (attendees, i), "person_id");

        hw_meeting_set_attendee (f->store, hw_record_get_id (g_ptr_array_index (attendees, i)), 0, NULL,
                                 "present", &error);
        g_assert_no_error (error);
        hw_meeting_set_score (f->store, statement, pid, 5, "", &error);
        g_assert_no_error (error);
      }
  }
  g_assert_true (hw_meeting_set_scores_revealed (f->store, f->meeting_id, TRUE, &error));

  /* a contribution of the confidential attendee, let through but
   * withheld from support copies by the facilitator */
  {
    gint64 id = hw_meeting_add_contribution (f->store, f->meeting_id, confidential_attendee, "worry",
                                             "A worry only the agency may read", &error);

    g_assert_no_error (error);
    g_assert_true (hw_meeting_set_item_confidential (f->store, id, TRUE, "support", &error));
    g_assert_true (hw_meeting_set_item_hidden (f->store, id, FALSE, &error));
    g_ptr_array_add (secret_items, hw_store_get (f->store, "meeting_items", id, NULL));
  }

  invites = hw_join_server_invite_all (f->server, &error);
  g_assert_no_error (error);
  /* every attendee but the confidential one has a link */
  g_assert_cmpuint (invites->len, ==,
                    hw_store_query_int (f->store, 0, "SELECT count(*) FROM meeting_attendees WHERE meeting_id = ?",
                                        G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID) - 1);
  g_assert_null (hw_join_server_invite (f->server, confidential_attendee, &error));
  g_assert_error (error, HW_JOIN_ERROR, HW_JOIN_ERROR_NOT_ATTENDEE);
  g_clear_error (&error);

  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n_phases);
  for (guint i = 0; i < invites->len; i++)
    {
      HwJoinInvite *invite = g_ptr_array_index (invites, i);
      StreamRead *sr;
      guint status;

      g_ptr_array_add (f->tokens, g_strdup (strrchr (invite->url, '/') + 1));
      sr = open_events (f, invite->url, &status);
      g_assert_cmpuint (status, ==, 200);
      for (guint p = 0; p < n_phases; p++)
        {
          g_autoptr(Reply) r = NULL;
          g_autofree char *needle = g_strdup_printf ("\"phase\":\"%s\"", phases[p].id);

          g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, phases[p].id, &error));
          r = get (f, invite->url);
          g_assert_cmpuint (r->status, ==, 200);
          n_pages++;
          g_assert_true (read_until (sr, needle));
          for (guint s = 0; s < secret_items->len; s++)
            {
              const char *text = hw_record_get_string (g_ptr_array_index (secret_items, s), "text");
              g_autofree char *escaped = g_markup_escape_text (text, -1);

              g_assert_null (strstr (r->body, text));
              g_assert_null (strstr (r->body, escaped));
              g_assert_null (strstr (sr->text->str, text));
            }
          for (guint s = 0; s < secret_people->len; s++)
            {
              const char *name = hw_record_get_string (g_ptr_array_index (secret_people, s), "name");

              g_assert_null (strstr (r->body, name));
              g_assert_null (strstr (sr->text->str, name));
            }
        }
      stream_read_free (sr);
      /* one page per step per person, and a stream per person */
      g_assert_true (hw_join_server_revoke (f->server, invite->person_id));
    }
  g_assert_cmpuint (n_pages, ==, invites->len * n_phases);
}

/* The family's plan ------------------------------------------------------- */

/* A form of the family's plan, @text escaped for the body. */
static char *
plan_form (const char *csrf,
           const char *text)
{
  g_autofree char *escaped = g_uri_escape_string (text, NULL, FALSE);

  return g_strdup_printf ("csrf=%s&plan=%s", csrf, escaped);
}

static gint64
count_plans (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM family_plans", G_TYPE_INVALID);
}

static void
test_family_plan (Fixture       *f,
                  gconstpointer  data)
{
  gint64 elena_id = person_named (f, "Elena Morales");
  g_autofree char *elena = invite (f, elena_id);
  g_autofree char *rosa = invite (f, person_named (f, "Rosa Morales"));
  g_autofree char *priya = invite (f, person_named (f, "Priya Shah"));
  g_autofree char *karen = invite (f, person_named (f, "Karen Whitfield"));
  g_autofree char *save = g_strconcat (elena, "/plan", NULL);
  g_autofree char *share = g_strconcat (elena, "/share", NULL);
  g_autofree char *priya_save = g_strconcat (priya, "/plan", NULL);
  g_autofree char *priya_share = g_strconcat (priya, "/share", NULL);
  g_autofree char *csrf = NULL, *priya_csrf = NULL, *form = NULL, *share_form = NULL;
  g_autoptr(Reply) r = NULL;
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language_seen = NULL;
  const char *words = "Rosa keeps the children on school nights; Elena calls Carmen when she feels unsafe";
  const char *others[] = { NULL, NULL, NULL };

  others[0] = priya;
  others[1] = karen;

  /* before private family time: no form, nothing to say */
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "ideas", &error));
  r = get (f, elena);
  g_assert_null (strstr (r->body, "name=\"plan\""));
  g_clear_pointer (&r, reply_free);

  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "family-time", &error));
  g_assert_no_error (error);

  /* a family member's page: the form, labelled, and what sharing means */
  r = get (f, elena);
  g_assert_cmpuint (r->status, ==, 200);
  g_assert_nonnull (strstr (r->body, "/plan\">"));
  g_assert_nonnull (strstr (r->body, "/share\">"));
  g_assert_nonnull (strstr (r->body, "<label for=\"plan\">"));
  g_assert_nonnull (strstr (r->body, "<textarea id=\"plan\" name=\"plan\""));
  /* Elena's page is in Spanish */
  g_assert_nonnull (strstr (r->body, "El plan de nuestra familia"));
  csrf = csrf_of (r->body);
  g_clear_pointer (&r, reply_free);

  /* a professional's page: no form, only that the family is writing it */
  r = get (f, karen);
  g_assert_null (strstr (r->body, "/plan\">"));
  g_assert_null (strstr (r->body, "/share\">"));
  g_assert_null (strstr (r->body, "name=\"plan\""));
  g_assert_nonnull (strstr (r->body, "The family is writing its plan in private."));
  g_clear_pointer (&r, reply_free);
  r = get (f, priya);
  priya_csrf = csrf_of (r->body);
  g_clear_pointer (&r, reply_free);

  /* Elena saves it: one undoable edit, with her as its author, made in
   * the program's language */
  form = plan_form (csrf, words);
  g_signal_connect (f->store, "changed", G_CALLBACK (language_in_changed_cb), &language_seen);
  r = post (f, save, form);
  g_signal_handlers_disconnect_by_func (f->store, language_in_changed_cb, &language_seen);
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_true (g_str_has_suffix (r->location, "?planned=1"));
  g_assert_cmpstr (language_seen, ==, "(the program's)");
  g_clear_pointer (&r, reply_free);
  plan = hw_family_plan_get (f->store, f->meeting_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpstr (hw_record_get_string (plan, "text"), ==, words);
  g_assert_cmpint (hw_record_get_int (plan, "updated_by_person_id"), ==, elena_id);
  g_assert_cmpstr (hw_record_get_string (plan, "shared_at"), ==, "");
  {
    g_autofree char *label = hw_store_get_undo_label (f->store);
    g_assert_cmpstr (label, ==, "Save the family’s plan");
  }

  /* the family sees it; no professional's page has a word of it, nor the
   * room's screen, nor the facilitator's view of it */
  r = get (f, elena);
  g_assert_nonnull (strstr (r->body, "Rosa keeps the children"));
  g_clear_pointer (&r, reply_free);
  r = get (f, rosa);
  g_assert_nonnull (strstr (r->body, "Rosa keeps the children"));
  g_clear_pointer (&r, reply_free);
  for (guint i = 0; others[i] != NULL; i++)
    {
      r = get (f, others[i]);
      g_assert_cmpuint (r->status, ==, 200);
      g_assert_null (strstr (r->body, "Rosa keeps the children"));
      g_assert_null (strstr (r->body, "school nights"));
      g_assert_nonnull (strstr (r->body, "The family is writing its plan in private."));
      g_clear_pointer (&r, reply_free);
    }
  g_assert_null (hw_family_plan_shared_text (f->store, f->meeting_id));
  {
    g_autoptr(HwPresentation) screen = hw_meeting_presentation (f->store, f->meeting_id, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < screen->phase_items->len; i++)
      g_assert_null (strstr (((HwPresentationItem *) g_ptr_array_index (screen->phase_items, i))->text,
                             "school nights"));
  }

  /* a professional may neither write nor share it */
  {
    gint64 before = count_plans (f);
    g_autofree char *priya_form = plan_form (priya_csrf, "We decided for them");
    g_autofree char *priya_share_form = g_strdup_printf ("csrf=%s", priya_csrf);

    r = post (f, priya_save, priya_form);
    g_assert_cmpuint (r->status, ==, 403);
    g_assert_null (strstr (r->body, "school nights"));
    g_clear_pointer (&r, reply_free);
    r = post (f, priya_share, priya_share_form);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    g_assert_cmpint (count_plans (f), ==, before);
    g_assert_false (hw_family_plan_is_shared (f->store, f->meeting_id));
  }

  /* bad input changes nothing: too long, invalid UTF-8, another page's
   * CSRF token, no token */
  {
    g_autoptr(GString) big = g_string_new (NULL);
    g_autofree char *big_form = NULL;
    g_autofree char *rosa_page_csrf = NULL;
    g_autofree char *stolen = NULL;

    for (guint i = 0; i <= HW_FAMILY_PLAN_MAX_TEXT; i++)
      g_string_append_c (big, 'a');
    big_form = plan_form (csrf, big->str);
    r = post (f, save, big_form);
    g_assert_cmpuint (r->status, ==, 400);
    g_assert_nonnull (strstr (r->body, "role=\"alert\""));
    /* the words sent are kept in the form, to shorten them */
    g_assert_nonnull (strstr (r->body, "aaaaaaaaaaaaaaaaaaaa</textarea>"));
    g_clear_pointer (&r, reply_free);

    g_free (big_form);
    big_form = g_strdup_printf ("csrf=%s&plan=%%FF%%FEbad", csrf);
    r = post (f, save, big_form);
    g_assert_cmpuint (r->status, ==, 400);
    g_clear_pointer (&r, reply_free);

    r = get (f, rosa);
    rosa_page_csrf = csrf_of (r->body);
    g_clear_pointer (&r, reply_free);
    stolen = plan_form (rosa_page_csrf, "Changed by someone else");
    r = post (f, save, stolen);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    r = post (f, save, "plan=no+token");
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);

    g_clear_object (&plan);
    plan = hw_family_plan_get (f->store, f->meeting_id, NULL);
    g_assert_cmpstr (hw_record_get_string (plan, "text"), ==, words);
  }

  /* shared with the team: one edit; then everyone sees it */
  share_form = g_strdup_printf ("csrf=%s", csrf);
  r = post (f, share, share_form);
  g_assert_cmpuint (r->status, ==, 303);
  g_assert_true (g_str_has_suffix (r->location, "?shared=1"));
  g_clear_pointer (&r, reply_free);
  g_assert_true (hw_family_plan_is_shared (f->store, f->meeting_id));
  {
    g_autofree char *label = hw_store_get_undo_label (f->store);
    g_autofree char *shared = hw_family_plan_shared_text (f->store, f->meeting_id);

    g_assert_cmpstr (label, ==, "Share the family’s plan with the team");
    g_assert_cmpstr (shared, ==, words);
  }
  for (guint i = 0; others[i] != NULL; i++)
    {
      r = get (f, others[i]);
      g_assert_nonnull (strstr (r->body, "Rosa keeps the children"));
      g_assert_null (strstr (r->body, "name=\"plan\""));
      g_clear_pointer (&r, reply_free);
    }
  /* shared once is enough */
  r = post (f, share, share_form);
  g_assert_cmpuint (r->status, ==, 400);
  g_clear_pointer (&r, reply_free);

  /* after private family time, no one writes it any more; the shared
   * plan stays on every page */
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "decisions", &error));
  r = post (f, save, form);
  g_assert_cmpuint (r->status, ==, 400);
  g_clear_pointer (&r, reply_free);
  r = get (f, priya);
  g_assert_nonnull (strstr (r->body, "Rosa keeps the children"));
  g_clear_pointer (&r, reply_free);

  /* a withdrawn link writes nothing */
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "family-time", &error));
  hw_join_server_revoke (f->server, elena_id);
  {
    g_autofree char *changed = plan_form (csrf, "After the link was withdrawn");

    r = post (f, save, changed);
    g_assert_cmpuint (r->status, ==, 403);
    g_clear_pointer (&r, reply_free);
    g_clear_object (&plan);
    plan = hw_family_plan_get (f->store, f->meeting_id, NULL);
    g_assert_cmpstr (hw_record_get_string (plan, "text"), ==, words);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/join/tokens", test_tokens);
  g_test_add_func ("/join/addresses", test_addresses);
  g_test_add_func ("/join/unknown-meeting", test_unknown_meeting);
  ADD ("/join/page", test_page);
  ADD ("/join/add", test_add);
  ADD ("/join/score", test_score);
  ADD ("/join/score-conflict", test_score_conflict);
  ADD ("/join/events", test_events);
  ADD ("/join/bad-input", test_bad_input);
  ADD ("/join/bad-links", test_bad_links);
  ADD ("/join/rate-limit", test_rate_limit);
  ADD ("/join/tasks", test_tasks);
  ADD ("/join/task-done", test_task_done);
  ADD ("/join/visits", test_visits);
  ADD ("/join/plan-copy", test_plan_copy);
  g_test_add_func ("/join/code-shape", test_code_shape);
  ADD ("/join/codes", test_codes);
  ADD ("/join/code-rate-limit", test_code_rate_limit);
  ADD ("/join/withheld", test_withheld);
  ADD ("/join/family-plan", test_family_plan);
#undef ADD
  {
    int ret = g_test_run ();

    /* the server did log (so the capture worked), about people by id only */
    g_assert_nonnull (strstr (captured_log->str, "made a link for person"));
    g_string_free (captured_log, TRUE);
    return ret;
  }
}
