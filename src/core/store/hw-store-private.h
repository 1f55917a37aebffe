/* hw-store-private.h: for tests only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* Opens every later store with SQLite VFS @vfs (e.g. "unix", SQLite's own
 * POSIX locks), or with Homeward's again when NULL. Only for the test
 * that shows what Homeward's own locks protect against. */
void hw_store_use_vfs_for_testing (const char *vfs);

/* Whether hw_store_open() ran `PRAGMA quick_check` on @self's file (FALSE
 * when it trusted the check stamp, or the file was new). */
gboolean hw_store_checked_on_open_for_testing (HwStore *self);

/* Where the check stamp of the database @path is kept. */
char *hw_store_stamp_path_for_testing (const char *path);

G_END_DECLS
