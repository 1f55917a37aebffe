/* hw-lock.c: the passphrase of the screen lock, kept as a salted hash.
 *
 * Hashing is libxcrypt's yescrypt ("$y$"): a fresh random salt from
 * crypt_gensalt_ra() each time a passphrase is set, so two databases with
 * the same passphrase store different values, and the stored string never
 * holds the passphrase. Verifying hashes the attempt with the stored
 * setting and compares in constant time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-lock"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hw-lock.h"

G_DEFINE_QUARK (hw-lock-error-quark, hw_lock_error)

/* The crypt scratch area is ~32 KB: on the heap, and wiped after use since
 * it held the passphrase. */
static struct crypt_data *
crypt_data_new (void)
{
  return g_new0 (struct crypt_data, 1);
}

static void
crypt_data_free (struct crypt_data *data)
{
  explicit_bzero (data, sizeof *data);
  g_free (data);
}

typedef struct crypt_data crypt_data_struct;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (crypt_data_struct, crypt_data_free)

/* Equal strings, in a time that depends only on their lengths (which are
 * fixed by the hash method, so they tell an attacker nothing). */
static gboolean
equal_constant_time (const char *a,
                     const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  volatile unsigned char diff = 0;

  if (la != lb)
    return FALSE;
  for (size_t i = 0; i < la; i++)
    diff |= (unsigned char) a[i] ^ (unsigned char) b[i];
  return diff == 0;
}

gboolean
hw_lock_check_new (const char  *passphrase,
                   GError     **error)
{
  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_SHORT,
                   _("Type a passphrase of at least %d characters."), HW_LOCK_MIN_LENGTH);
      return FALSE;
    }
  if (strlen (passphrase) > HW_LOCK_MAX_BYTES)
    {
      g_set_error_literal (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_LONG,
                           _("This passphrase is too long. Use a shorter one."));
      return FALSE;
    }
  if (!g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error_literal (error, HW_LOCK_ERROR, HW_LOCK_ERROR_INVALID,
                           _("This passphrase has characters that cannot be read. Type it again."));
      return FALSE;
    }
  if (g_utf8_strlen (passphrase, -1) < HW_LOCK_MIN_LENGTH)
    {
      g_set_error (error, HW_LOCK_ERROR, HW_LOCK_ERROR_TOO_SHORT,
                   _("This passphrase is too short. Use at least %d characters."), HW_LOCK_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_lock_has_passphrase (HwStore *store)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  stored = hw_store_get_own_setting (store, HW_LOCK_SETTING_KEY);
  return stored != NULL && *stored != '\0';
}

gboolean
hw_lock_verify (HwStore    *store,
                const char *passphrase)
{
  g_autofree char *stored = NULL;
  g_autoptr(crypt_data_struct) data = NULL;
  const char *hashed;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  stored = hw_store_get_own_setting (store, HW_LOCK_SETTING_KEY);
  if (stored == NULL || *stored == '\0' || passphrase == NULL)
    return FALSE;
  if (strlen (passphrase) > HW_LOCK_MAX_BYTES)
    return FALSE;

  data = crypt_data_new ();
  /* crypt_rn returns NULL (never a "*0" failure token) when it fails */
  hashed = crypt_rn (passphrase, stored, data, sizeof *data);
  if (hashed == NULL)
    return FALSE;
  return equal_constant_time (hashed, stored);
}

/* Checks @current against the stored passphrase, if one is stored. */
static gboolean
check_current (HwStore     *store,
               const char  *current,
               GError     **error)
{
  if (!hw_lock_has_passphrase (store))
    return TRUE;
  if (current == NULL || *current == '\0')
    {
      g_set_error_literal (error, HW_LOCK_ERROR, HW_LOCK_ERROR_WRONG,
                           _("Type the current passphrase first."));
      return FALSE;
    }
  if (!hw_lock_verify (store, current))
    {
      g_set_error_literal (error, HW_LOCK_ERROR, HW_LOCK_ERROR_WRONG,
                           _("The current passphrase is not right."));
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_lock_set_passphrase (HwStore     *store,
                        const char  *current,
                        const char  *passphrase,
                        GError     **error)
{
  g_autoptr(crypt_data_struct) data = NULL;
  char *salt;
  const char *hashed;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (!check_current (store, current, error))
    return FALSE;
  if (!hw_lock_check_new (passphrase, error))
    return FALSE;

  /* count 0: libxcrypt's default cost; NULL: random bytes from the OS */
  salt = crypt_gensalt_ra ("$y$", 0, NULL, 0);
  if (salt == NULL)
    {
      g_set_error_literal (error, HW_LOCK_ERROR, HW_LOCK_ERROR_FAILED,
                           _("The passphrase could not be saved: this system cannot make a secure hash."));
      return FALSE;
    }
  data = crypt_data_new ();
  hashed = crypt_rn (passphrase, salt, data, sizeof *data);
  free (salt);
  if (hashed == NULL || strncmp (hashed, "$y$", 3) != 0)
    {
      g_set_error_literal (error, HW_LOCK_ERROR, HW_LOCK_ERROR_FAILED,
                           _("The passphrase could not be saved: this system cannot make a secure hash."));
      return FALSE;
    }

  ok = hw_store_set_own_setting (store, HW_LOCK_SETTING_KEY, hashed, error);
  if (!ok)
    g_prefix_error (error, "%s ", _("The passphrase could not be saved."));
  return ok;
}

gboolean
hw_lock_clear_passphrase (HwStore     *store,
                          const char  *current,
                          GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (hw_lock_has_passphrase (store) && !check_current (store, current, error))
    return FALSE;
  return hw_lock_forget_passphrase (store, error);
}

gboolean
hw_lock_forget_passphrase (HwStore  *store,
                           GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (!hw_lock_has_passphrase (store))
    {
      g_set_error_literal (error, HW_LOCK_ERROR, HW_LOCK_ERROR_NO_PASSPHRASE,
                           _("No passphrase is set."));
      return FALSE;
    }
  return hw_store_set_own_setting (store, HW_LOCK_SETTING_KEY, NULL, error);
}
