/* test-join-tls.c: the join page over HTTPS (src/core/join/hw-join-tls.c).
 *
 * A certificate is made for this computer on first use (for the address
 * served, kept 0600 in a 0700 folder), reused while it names the address,
 * made anew for another address; a browser that does not trust it gets no
 * page, one that accepts it gets the page and can post a form (the
 * same-origin check takes https). The agency's own certificate is used
 * when named; a missing file or a key of another certificate is refused
 * with a clear message and nothing listens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/stat.h>

#include "hw-join-server.h"
#include "hw-join-tls.h"
#include "hw-test-store.h"

typedef struct {
  HwStore *store;
  char    *dir;
  char    *tls_dir;
  gint64   case_id;
  gint64   meeting_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = hw_test_store_new_demo ("test-join-tls-XXXXXX", &f->dir, &f->case_id);
  f->meeting_id = hw_store_query_int (f->store, 0, "SELECT max(id) FROM meetings WHERE case_id = ?",
                                      G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  f->tls_dir = g_build_filename (f->dir, "tls", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cert = g_build_filename (f->tls_dir, "join-certificate.pem", NULL);
  g_autofree char *key = g_build_filename (f->tls_dir, "join-key.pem", NULL);

  g_unlink (cert);
  g_unlink (key);
  g_rmdir (f->tls_dir);
  g_free (f->tls_dir);
  hw_test_store_free (f->store, f->dir);
}

static HwJoinServer *
start (Fixture     *f,
       const char  *address,
       const char  *cert_file,
       const char  *key_file,
       GError     **error)
{
  g_autoptr(HwJoinServer) server = hw_join_server_new (f->store, f->meeting_id);

  hw_join_server_set_tls (server, cert_file, key_file, cert_file ? NULL : f->tls_dir);
  if (!hw_join_server_start (server, address, 0, error))
    return NULL;
  return g_steal_pointer (&server);
}

static void
stop (HwJoinServer *server)
{
  hw_join_server_stop (server);
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (server);
}

typedef struct {
  GTlsCertificate *expected;  /* accepted when the server shows this one */
  gboolean         asked;
} Trust;

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *peer,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  Trust *trust = user_data;

  trust->asked = TRUE;
  return trust->expected != NULL && g_tls_certificate_is_same (peer, trust->expected);
}

static void
send_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  GBytes *bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, error);

  if (bytes != NULL)
    {
      g_object_set_data_full (G_OBJECT (source), "body", bytes, (GDestroyNotify) g_bytes_unref);
      g_clear_error (error);
    }
  g_object_set_data (G_OBJECT (source), "done", GINT_TO_POINTER (1));
}

/* One request; the body as text, or NULL with @error set. */
static char *
fetch (const char       *method,
       const char       *url,
       const char       *form,
       const char       *origin,
       Trust            *trust,
       guint            *status,
       GError          **error)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  GBytes *body;

  g_assert_nonnull (msg);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), trust);
  if (form != NULL)
    {
      g_autoptr(GBytes) b = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", b);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Origin", origin);
    }
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_done_cb, error);
  while (g_object_get_data (G_OBJECT (session), "done") == NULL)
    g_main_context_iteration (NULL, TRUE);
  *status = soup_message_get_status (msg);
  body = g_object_get_data (G_OBJECT (session), "body");
  if (body == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static gnutls_x509_crt_t
parse (GTlsCertificate *cert)
{
  g_autofree char *pem = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum;

  g_object_get (cert, "certificate-pem", &pem, NULL);
  datum.data = (unsigned char *) pem;
  datum.size = strlen (pem);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  return crt;
}

static void
test_made_for_this_computer (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwJoinServer) server = start (f, "127.0.0.1", NULL, NULL, &error);
  g_autofree char *cert_path = g_build_filename (f->tls_dir, "join-certificate.pem", NULL);
  g_autofree char *key_path = g_build_filename (f->tls_dir, "join-key.pem", NULL);
  g_autofree char *first = NULL;
  g_autofree char *url = NULL;
  GTlsCertificate *cert;
  gnutls_x509_crt_t crt;
  GStatBuf st;
  guint8 loopback[4] = { 127, 0, 0, 1 };
  guint8 other[4] = { 127, 0, 0, 2 };
  time_t now = time (NULL);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hw_join_server_get_base_url (server), "https://127.0.0.1:"));
  cert = hw_join_server_get_tls_certificate (server);
  g_assert_nonnull (cert);
  first = hw_join_tls_fingerprint (cert);
  g_assert_cmpuint (strlen (first), ==, 32 * 3 - 1);

  /* kept privately */
  g_assert_cmpint (g_stat (f->tls_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (cert_path, &st), ==, 0);

  /* for this address and this computer's name, for at most 398 days, a
   * server certificate only */
  crt = parse (cert);
  g_assert_true (gnutls_x509_crt_check_ip (crt, loopback, 4, 0));
  g_assert_false (gnutls_x509_crt_check_ip (crt, other, 4, 0));
  g_assert_true (gnutls_x509_crt_check_hostname (crt, g_get_host_name ()));
  g_assert_cmpint (gnutls_x509_crt_get_expiration_time (crt) - now, <=, 398 * 86400);
  g_assert_cmpint (gnutls_x509_crt_get_expiration_time (crt) - now, >, 390 * 86400);
  g_assert_cmpint (gnutls_x509_crt_get_activation_time (crt), <, now);
  g_assert_cmpint (gnutls_x509_crt_get_ca_status (crt, NULL), ==, 0);
  gnutls_x509_crt_deinit (crt);

  /* a browser that does not trust it gets nothing; one that accepts it
   * gets the page and may post from it */
  url = hw_join_server_invite (server, hw_store_query_int (f->store, 0,
                                                           "SELECT a.person_id FROM meeting_attendees a"
                                                           " JOIN people p ON p.id = a.person_id"
                                                           " WHERE a.meeting_id = ? AND p.confidential = 0"
                                                           " AND a.attendance = 'present' LIMIT 1",
                                                           G_TYPE_INT64, f->meeting_id, G_TYPE_INVALID),
                               &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "https://"));
  {
    Trust nobody = { NULL, FALSE };
    guint status = 0;
    g_autofree char *body = fetch ("GET", url, NULL, NULL, &nobody, &status, &error);

    g_assert_null (body);
    g_assert_nonnull (error);
    g_assert_true (nobody.asked);
    g_clear_error (&error);
  }
  {
    Trust trust = { cert, FALSE };
    guint status = 0;
    g_autofree char *page = fetch ("GET", url, NULL, NULL, &trust, &status, &error);
    g_autofree char *form = NULL;
    g_autofree char *sent = NULL;
    const char *csrf;
    gint64 before = hw_store_query_int (f->store, 0, "SELECT count(*) FROM meeting_items", G_TYPE_INVALID);

    g_assert_no_error (error);
    g_assert_cmpuint (status, ==, 200);
    csrf = strstr (page, "name=\"csrf\" value=\"");
    g_assert_nonnull (csrf);
    csrf += strlen ("name=\"csrf\" value=\"");
    form = g_strdup_printf ("csrf=%.*s&contribution=idea&text=Over+https", (int) (strchr (csrf, '"') - csrf), csrf);
    {
      g_autofree char *add = g_strconcat (url, "/add", NULL);

      /* from the https page itself */
      sent = fetch ("POST", add, form, hw_join_server_get_base_url (server), &trust, &status, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (status, ==, 303);
      g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM meeting_items", G_TYPE_INVALID), ==,
                       before + 1);
      /* an http origin is another origin */
      {
        g_autofree char *plain = g_strdup_printf ("http://%s", hw_join_server_get_base_url (server) + strlen ("https://"));
        g_autofree char *refused = fetch ("POST", add, form, plain, &trust, &status, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (status, ==, 403);
      }
    }
  }
  stop (g_steal_pointer (&server));

  /* started again: the same certificate */
  server = start (f, "127.0.0.1", NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *again = hw_join_tls_fingerprint (hw_join_server_get_tls_certificate (server));

    g_assert_cmpstr (again, ==, first);
  }
  stop (g_steal_pointer (&server));

  /* on another address: a new one, for that address */
  server = start (f, "127.0.0.2", NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *moved = hw_join_tls_fingerprint (hw_join_server_get_tls_certificate (server));

    g_assert_cmpstr (moved, !=, first);
    crt = parse (hw_join_server_get_tls_certificate (server));
    g_assert_true (gnutls_x509_crt_check_ip (crt, other, 4, 0));
    gnutls_x509_crt_deinit (crt);
  }
  stop (g_steal_pointer (&server));
}

static void
test_agency_certificate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *agency = g_build_filename (f->dir, "agency", NULL);
  g_autofree char *cert_path = g_build_filename (agency, "join-certificate.pem", NULL);
  g_autofree char *key_path = g_build_filename (agency, "join-key.pem", NULL);
  g_autofree char *other_key = g_build_filename (f->tls_dir, "join-key.pem", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such.pem", NULL);
  g_autoptr(GTlsCertificate) made = NULL;
  g_autoptr(GTlsCertificate) other = NULL;
  g_autoptr(HwJoinServer) server = NULL;

  /* "the agency's": a certificate made elsewhere, given by its files */
  made = hw_join_tls_for_this_computer (agency, "127.0.0.1", &error);
  g_assert_no_error (error);
  other = hw_join_tls_for_this_computer (f->tls_dir, "127.0.0.1", &error);
  g_assert_no_error (error);

  server = start (f, "127.0.0.1", cert_path, key_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_tls_certificate_is_same (hw_join_server_get_tls_certificate (server), made));
  {
    Trust trust = { made, FALSE };
    guint status = 0;
    g_autofree char *body = fetch ("GET", hw_join_server_get_base_url (server), NULL, NULL, &trust, &status, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (status, ==, 404);
  }
  stop (g_steal_pointer (&server));

  /* a missing file, a key of another certificate: refused, nothing listens */
  {
    const char *pairs[][2] = { { missing, key_path }, { cert_path, missing }, { cert_path, other_key } };

    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      {
        g_autoptr(HwJoinServer) bad = hw_join_server_new (f->store, f->meeting_id);

        hw_join_server_set_tls (bad, pairs[i][0], pairs[i][1], NULL);
        g_assert_false (hw_join_server_start (bad, "127.0.0.1", 0, &error));
        g_assert_nonnull (error);
        g_assert_nonnull (strstr (error->message, "cannot be used"));
        g_assert_false (hw_join_server_is_running (bad));
        g_clear_error (&error);
      }
  }
  g_unlink (cert_path);
  g_unlink (key_path);
  g_rmdir (agency);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/join-tls/made-for-this-computer", Fixture, NULL, fixture_setup, test_made_for_this_computer,
              fixture_teardown);
  g_test_add ("/join-tls/agency-certificate", Fixture, NULL, fixture_setup, test_agency_certificate,
              fixture_teardown);
  return g_test_run ();
}
