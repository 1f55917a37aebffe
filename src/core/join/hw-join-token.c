/* hw-join-token.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-join"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "hw-join-token.h"

#define TOKEN_BYTES 32
#define TOKEN_CHARS 43   /* base64 of 32 bytes, without the '=' */

gboolean
hw_join_random_bytes (guint8 *buf,
                      gsize   len)
{
  gsize done = 0;
  int fd;

  while (done < len)
    {
      ssize_t n = getrandom (buf + done, len - done, 0);

      if (n > 0)
        done += (gsize) n;
      else if (n < 0 && errno == EINTR)
        continue;
      else
        break;
    }
  if (done == len)
    return TRUE;

  /* a kernel without getrandom(2) */
  fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  while (done < len)
    {
      ssize_t n = read (fd, buf + done, len - done);

      if (n > 0)
        done += (gsize) n;
      else if (n < 0 && errno == EINTR)
        continue;
      else
        break;
    }
  close (fd);
  return done == len;
}

char *
hw_join_token_new (void)
{
  guint8 bytes[TOKEN_BYTES];
  g_autofree char *b64 = NULL;

  if (!hw_join_random_bytes (bytes, sizeof bytes))
    return NULL;
  b64 = g_base64_encode (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);
  for (char *p = b64; *p; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return g_steal_pointer (&b64);
}

gboolean
hw_join_token_is_wellformed (const char *text)
{
  if (text == NULL || strlen (text) != TOKEN_CHARS)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

char *
hw_join_code_new (void)
{
  const gsize n_letters = sizeof HW_JOIN_CODE_ALPHABET - 1;
  /* the largest multiple of the alphabet's size that fits a byte: bytes
   * at or above it are drawn again, so that no letter is more likely */
  const guint limit = 256 - 256 % n_letters;
  char *code = g_malloc0 (HW_JOIN_CODE_LENGTH + 1);
  gsize done = 0;

  while (done < HW_JOIN_CODE_LENGTH)
    {
      guint8 bytes[16];

      if (!hw_join_random_bytes (bytes, sizeof bytes))
        {
          g_free (code);
          return NULL;
        }
      for (gsize i = 0; i < sizeof bytes && done < HW_JOIN_CODE_LENGTH; i++)
        if (bytes[i] < limit)
          code[done++] = HW_JOIN_CODE_ALPHABET[bytes[i] % n_letters];
      memset (bytes, 0, sizeof bytes);
    }
  return code;
}

char *
hw_join_code_normalize (const char *text)
{
  g_autofree char *upper = NULL;

  if (text == NULL || strlen (text) != HW_JOIN_CODE_LENGTH)
    return NULL;
  upper = g_ascii_strup (text, -1);
  for (const char *p = upper; *p; p++)
    if (strchr (HW_JOIN_CODE_ALPHABET, *p) == NULL)
      return NULL;
  return g_steal_pointer (&upper);
}

char *
hw_join_token_digest (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

gboolean
hw_join_secret_equal (const char *a,
                      const char *b)
{
  gsize la, lb;
  guint8 diff;

  if (a == NULL || b == NULL)
    return FALSE;
  la = strlen (a);
  lb = strlen (b);
  diff = la != lb;
  for (gsize i = 0; i < la; i++)
    diff |= (guint8) a[i] ^ (guint8) b[i < lb ? i : 0];
  return diff == 0;
}
