/* hw-join-token.h: the secrets of the join server (hw-join-server.h).
 *
 * Random bytes come from the kernel (getrandom(2), else /dev/urandom):
 * GLib's g_random_*() is a Mersenne Twister, predictable from its output,
 * and must never make a secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fills @buf with @len bytes from the kernel's CSPRNG; FALSE if none. */
gboolean  hw_join_random_bytes     (guint8      *buf,
                                    gsize        len);
/* A new token: 32 random bytes (256 bits) as base64url without padding
 * (43 characters), or NULL if the system has no random source. */
char     *hw_join_token_new        (void);
/* TRUE if @text has the shape of a token (43 base64url characters). */
gboolean  hw_join_token_is_wellformed (const char *text);
/* The alphabet of the short codes: no 0/O, 1/I/L, which are read and
 * typed wrong. */
#define HW_JOIN_CODE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#define HW_JOIN_CODE_LENGTH 8
/* A new short code: 8 characters of HW_JOIN_CODE_ALPHABET, each equally
 * likely (about 40 bits), or NULL if the system has no random source. */
char     *hw_join_code_new         (void);
/* @text in capitals if it has the shape of a short code (case does not
 * matter: phones capitalise), else NULL. */
char     *hw_join_code_normalize   (const char *text);
/* The SHA-256 of @token in hex: what the server keeps, never the token. */
char     *hw_join_token_digest     (const char  *token);
/* Compares two strings in a time that does not depend on where they
 * differ (for secrets). */
gboolean  hw_join_secret_equal     (const char  *a,
                                    const char  *b);

G_END_DECLS
