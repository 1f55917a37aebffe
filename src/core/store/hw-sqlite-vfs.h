/* hw-sqlite-vfs.h: SQLite's file locks as open-file-description locks.
 *
 * SQLite's default "unix" VFS locks the database with POSIX advisory
 * locks (fcntl F_SETLK). Those belong to the process, and POSIX says any
 * close() of *any* descriptor of the same file in the process drops all
 * of them: a file chooser, GIO guessing a file's type or a thumbnailer
 * that merely opens and closes the database silently unlocks it ("How To
 * Corrupt An SQLite Database File", 2.2). Another process may then
 * checkpoint and delete the -wal and -shm files under the open window,
 * and every later edit goes into a deleted file.
 *
 * The "homeward" VFS does the file I/O through "unix" but takes every
 * lock (the database's SHARED/RESERVED/PENDING/EXCLUSIVE bytes and the
 * WAL's -shm bytes, with the same byte ranges SQLite uses) as Linux
 * open-file-description locks (F_OFD_SETLK) on descriptors of its own.
 * Those belong to the descriptor, so nothing else that opens and closes
 * the file can drop them, and they conflict with the POSIX locks of any
 * other program using SQLite on the file. See docs/locking.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * hw_sqlite_vfs_name:
 *
 * Registers the "homeward" VFS once and returns its name, to pass to
 * sqlite3_open_v2(). Where the kernel or file system has no
 * open-file-description locks, logs a warning once and returns "unix".
 *
 * Returns: (transfer none): the VFS name to open databases with
 */
const char *hw_sqlite_vfs_name (void);

G_END_DECLS
