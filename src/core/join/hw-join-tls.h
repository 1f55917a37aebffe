/* hw-join-tls.h: the join server's certificate (issue 16).
 *
 * The page on the attendees' phones is served over HTTPS. Either the
 * agency names its own certificate and key (preferences, or `homeward
 * serve --tls-certificate FILE --tls-key FILE`), or Homeward makes one for
 * this computer on first use: a self-signed ECDSA P-256 certificate (made
 * with GnuTLS) for the address the server listens on and the computer's
 * name, valid for 398 days, kept with its key (mode 0600) in a folder of
 * the user's data. A new one is made when the address is not in it, or
 * when it has less than 30 days left. docs/join.md says what a browser
 * shows for a self-signed certificate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* $XDG_DATA_HOME/homeward/join-tls: where the made certificate is kept. */
char            *hw_join_tls_default_dir  (void);

/**
 * hw_join_tls_for_this_computer:
 * @dir: the folder for the certificate (made 0700 if missing)
 * @address: the IP address the server listens on ("192.168.1.20")
 *
 * The certificate made for this computer, made now if there is none that
 * names @address and has 30 days left.
 *
 * Returns: (transfer full): the certificate with its private key, or NULL
 *   with @error set (the folder cannot be written, no random numbers)
 */
GTlsCertificate *hw_join_tls_for_this_computer (const char  *dir,
                                                const char  *address,
                                                GError     **error);

/**
 * hw_join_tls_load:
 * @cert_file: a PEM certificate (may be followed by its chain)
 * @key_file: its PEM private key
 *
 * The agency's own certificate. Refused with a clear message when a file
 * is missing or unreadable, the key does not match, or it has expired.
 *
 * Returns: (transfer full): or NULL with @error set
 */
GTlsCertificate *hw_join_tls_load         (const char  *cert_file,
                                           const char  *key_file,
                                           GError     **error);

/* "AB:CD:…": the SHA-256 fingerprint of @cert, to compare with what a
 * browser shows. */
char            *hw_join_tls_fingerprint  (GTlsCertificate *cert);

G_END_DECLS
