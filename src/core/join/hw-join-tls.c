/* hw-join-tls.c: the join server's certificate, made with GnuTLS or the
 * agency's own. See hw-join-tls.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hw-i18n.h"
#include <errno.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>
#include "hw-join-tls.h"
#include "hw-join-token.h"

#define CERT_NAME "join-certificate.pem"
#define KEY_NAME "join-key.pem"
#define VALID_DAYS 398        /* the longest browsers accept */
#define RENEW_DAYS 30         /* made anew when fewer days are left */

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)

char *
hw_join_tls_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "homeward", "join-tls", NULL);
}

/* The address as the bytes a certificate's IP name holds. */
static GBytes *
address_bytes (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  if (inet == NULL)
    return NULL;
  return g_bytes_new (g_inet_address_to_bytes (inet), g_inet_address_get_native_size (inet));
}

/* TRUE when @cert_pem names @address and has more than RENEW_DAYS left. */
static gboolean
still_good (const char *cert_pem,
            GBytes     *ip)
{
  g_auto(gnutls_x509_crt_t) crt = NULL;
  gnutls_datum_t datum = { (unsigned char *) cert_pem, strlen (cert_pem) };
  time_t expires;

  if (gnutls_x509_crt_init (&crt) < 0
      || gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM) < 0)
    return FALSE;
  expires = gnutls_x509_crt_get_expiration_time (crt);
  if (expires == (time_t) -1 || expires - time (NULL) < RENEW_DAYS * 86400)
    return FALSE;
  return gnutls_x509_crt_check_ip (crt, g_bytes_get_data (ip, NULL), g_bytes_get_size (ip), 0) != 0;
}

static gboolean
gnutls_failed (int       rc,
               GError  **error)
{
  if (rc >= 0)
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("A certificate for this computer could not be made (%s)."), gnutls_strerror (rc));
  return TRUE;
}

/* A new self-signed certificate for @address and this computer's name:
 * its PEM and its key's PEM (PKCS #8). */
static gboolean
make_certificate (const char  *address,
                  GBytes      *ip,
                  char       **cert_pem,
                  char       **key_pem,
                  GError     **error)
{
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_x509_privkey_t) key = NULL;
  gnutls_datum_t out = { NULL, 0 };
  guint8 serial[16];
  const char *host = g_get_host_name ();
  g_autofree char *cn = g_strdup_printf ("Homeward on %s", host);
  time_t now = time (NULL);

  if (!hw_join_random_bytes (serial, sizeof serial))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("This computer has no source of random numbers for the links."));
      return FALSE;
    }
  serial[0] &= 0x7f;   /* a positive number */
  serial[0] |= 0x01;   /* without a leading zero byte */

  if (gnutls_failed (gnutls_x509_privkey_init (&key), error)
      || gnutls_failed (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                                      GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0),
                        error)
      || gnutls_failed (gnutls_x509_crt_init (&crt), error)
      || gnutls_failed (gnutls_x509_crt_set_version (crt, 3), error)
      || gnutls_failed (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), error)
      /* an hour back, for a phone whose clock is a little behind */
      || gnutls_failed (gnutls_x509_crt_set_activation_time (crt, now - 3600), error)
      || gnutls_failed (gnutls_x509_crt_set_expiration_time (crt, now + (time_t) VALID_DAYS * 86400), error)
      || gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, cn, strlen (cn)), error)
      || gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0,
                                                       "Homeward", strlen ("Homeward")), error)
      || gnutls_failed (gnutls_x509_crt_set_key (crt, key), error)
      || gnutls_failed (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                              g_bytes_get_data (ip, NULL),
                                                              g_bytes_get_size (ip), GNUTLS_FSAN_APPEND),
                        error)
      || gnutls_failed (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, host, strlen (host),
                                                              GNUTLS_FSAN_APPEND),
                        error)
      || gnutls_failed (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), error)
      || gnutls_failed (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), error)
      || gnutls_failed (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0), error)
      || gnutls_failed (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), error))
    return FALSE;

  if (gnutls_failed (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), error))
    return FALSE;
  *cert_pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  if (gnutls_failed (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &out),
                     error))
    {
      g_clear_pointer (cert_pem, g_free);
      return FALSE;
    }
  *key_pem = g_strndup ((const char *) out.data, out.size);
  /* the key's bytes are not left in freed memory */
  memset (out.data, 0, out.size);
  gnutls_free (out.data);
  g_debug ("made a certificate for %s", address);
  return TRUE;
}

GTlsCertificate *
hw_join_tls_for_this_computer (const char  *dir,
                               const char  *address,
                               GError     **error)
{
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autoptr(GBytes) ip = NULL;
  g_autofree char *both = NULL;
  GTlsCertificate *cert;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (address != NULL, NULL);

  ip = address_bytes (address);
  if (ip == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address of this computer (write it as 192.168.1.20)."), address);
      return NULL;
    }
  cert_path = g_build_filename (dir, CERT_NAME, NULL);
  key_path = g_build_filename (dir, KEY_NAME, NULL);

  if (!g_file_get_contents (cert_path, &cert_pem, NULL, NULL)
      || !g_file_get_contents (key_path, &key_pem, NULL, NULL)
      || !still_good (cert_pem, ip))
    {
      g_clear_pointer (&cert_pem, g_free);
      if (key_pem != NULL)
        memset (key_pem, 0, strlen (key_pem));
      g_clear_pointer (&key_pem, g_free);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("The folder “%s” for this computer’s certificate could not be made (%s)."), dir,
                       g_strerror (saved));
          return NULL;
        }
      g_chmod (dir, 0700);
      if (!make_certificate (address, ip, &cert_pem, &key_pem, error))
        return NULL;
      /* the key first: a certificate is never kept without its key */
      if (!g_file_set_contents_full (key_path, key_pem, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error)
          || !g_file_set_contents_full (cert_path, cert_pem, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        return NULL;
    }

  both = g_strconcat (cert_pem, "\n", key_pem, NULL);
  memset (key_pem, 0, strlen (key_pem));
  cert = g_tls_certificate_new_from_pem (both, -1, error);
  memset (both, 0, strlen (both));
  return cert;
}

/* TRUE when the key in @key_file is the key of the first certificate in
 * @cert_file (GLib loads a pair without checking that). */
static gboolean
key_matches (const char *cert_file,
             const char *key_file)
{
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_x509_privkey_t) key = NULL;
  gnutls_datum_t datum;
  guint8 a[64], b[64];
  size_t a_len = sizeof a, b_len = sizeof b;
  gboolean same;

  if (!g_file_get_contents (cert_file, &cert_pem, NULL, NULL)
      || !g_file_get_contents (key_file, &key_pem, NULL, NULL))
    return FALSE;
  datum.data = (unsigned char *) cert_pem;
  datum.size = strlen (cert_pem);
  if (gnutls_x509_crt_init (&crt) < 0 || gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM) < 0)
    return FALSE;
  datum.data = (unsigned char *) key_pem;
  datum.size = strlen (key_pem);
  same = gnutls_x509_privkey_init (&key) >= 0
         && gnutls_x509_privkey_import2 (key, &datum, GNUTLS_X509_FMT_PEM, NULL, 0) >= 0
         && gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA256, a, &a_len) >= 0
         && gnutls_x509_privkey_get_key_id (key, GNUTLS_KEYID_USE_SHA256, b, &b_len) >= 0
         && a_len == b_len && memcmp (a, b, a_len) == 0;
  memset (key_pem, 0, strlen (key_pem));
  return same;
}

GTlsCertificate *
hw_join_tls_load (const char  *cert_file,
                  const char  *key_file,
                  GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (cert_file != NULL, NULL);
  g_return_val_if_fail (key_file != NULL, NULL);

  cert = g_tls_certificate_new_from_files (cert_file, key_file, &local);
  if (cert == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The certificate “%s” with the key “%s” cannot be used (%s)."), cert_file, key_file,
                   local->message);
      return NULL;
    }
  if (!key_matches (cert_file, key_file))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The certificate “%s” with the key “%s” cannot be used (the key is not the certificate’s)."),
                   cert_file, key_file);
      return NULL;
    }
  until = g_tls_certificate_get_not_valid_after (cert);
  if (until != NULL && g_date_time_compare (until, now) <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The certificate “%s” has expired: phones would refuse it. Ask for a new one."), cert_file);
      return NULL;
    }
  return g_steal_pointer (&cert);
}

char *
hw_join_tls_fingerprint (GTlsCertificate *cert)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (cert), NULL);

  g_object_get (cert, "certificate", &der, NULL);
  if (der != NULL)
    g_checksum_update (sum, der->data, der->len);
  g_checksum_get_digest (sum, digest, &len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (out, "%s%02X", i ? ":" : "", digest[i]);
  return g_string_free (out, FALSE);
}
