/* hw-lock.h: the passphrase of the screen lock.
 *
 * Only a salted yescrypt hash of the passphrase is kept, in the database's
 * internal settings (hw_settings): it is not user data, so it is neither
 * undoable nor in the audit trail. The lock guards the screen, not the
 * file: the database itself is not encrypted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_LOCK_ERROR (hw_lock_error_quark ())

typedef enum {
  HW_LOCK_ERROR_TOO_SHORT,       /* empty or shorter than HW_LOCK_MIN_LENGTH */
  HW_LOCK_ERROR_TOO_LONG,        /* longer than HW_LOCK_MAX_BYTES */
  HW_LOCK_ERROR_INVALID,         /* not valid UTF-8 */
  HW_LOCK_ERROR_WRONG,           /* the current passphrase is not right */
  HW_LOCK_ERROR_NO_PASSPHRASE,   /* there is none to change or remove */
  HW_LOCK_ERROR_FAILED,          /* the hash could not be made or stored */
} HwLockError;

/* in characters */
#define HW_LOCK_MIN_LENGTH 8
/* in bytes; far more than anyone types, and keeps hashing cheap */
#define HW_LOCK_MAX_BYTES 1024

/* the key in hw_settings */
#define HW_LOCK_SETTING_KEY "lock-passphrase-hash"

GQuark   hw_lock_error_quark        (void);

gboolean hw_lock_has_passphrase     (HwStore     *store);

/**
 * hw_lock_set_passphrase:
 * @current: (nullable): the passphrase in use; needed when one is set
 * @passphrase: the new one, at least %HW_LOCK_MIN_LENGTH characters
 *
 * Sets the first passphrase, or changes it when @current is right. On any
 * refusal nothing is stored and @error says why in plain words.
 */
gboolean hw_lock_set_passphrase     (HwStore     *store,
                                     const char  *current,
                                     const char  *passphrase,
                                     GError     **error);

/* Removes the passphrase; needs the current one. */
gboolean hw_lock_clear_passphrase   (HwStore     *store,
                                     const char  *current,
                                     GError     **error);

/* Removes the passphrase without the current one: for a facilitator who
 * forgot it (`homeward forget-passphrase`). This gives nothing away: the
 * lock guards the screen, and whoever can run Homeward on the account can
 * read the file. HW_LOCK_ERROR_NO_PASSPHRASE when none is set. */
gboolean hw_lock_forget_passphrase  (HwStore     *store,
                                     GError     **error);

/* TRUE if a passphrase is set and @passphrase is it (constant-time). */
gboolean hw_lock_verify             (HwStore     *store,
                                     const char  *passphrase);

/* Checks the rules for a new passphrase without storing anything. */
gboolean hw_lock_check_new          (const char  *passphrase,
                                     GError     **error);

G_END_DECLS
