/* hw-store-private.h: for tests only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opens every later store with SQLite VFS @vfs (e.g. "unix", SQLite's own
 * POSIX locks), or with Homeward's again when NULL. Only for the test
 * that shows what Homeward's own locks protect against. */
void hw_store_use_vfs_for_testing (const char *vfs);

G_END_DECLS
