/* hw-sql.h: the few plain sqlite calls the core's modules share (no
 * store, no edit: for PRAGMAs, the internal tables, and files that are not
 * opened as a store, such as backups).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Runs @sql (no results); on failure sets @error as the store does
 * (hw_store_set_sqlite_error()). */
gboolean  hw_sql_exec       (sqlite3     *db,
                             const char  *sql,
                             GError     **error);
/* The first column of the first row of @sql as an integer, or @fallback
 * when there is none, it is NULL, or the query fails. */
gint64    hw_sql_query_int  (sqlite3     *db,
                             gint64       fallback,
                             const char  *sql);
/* (transfer full) (nullable): the first column of the first row as text */
char     *hw_sql_query_text (sqlite3     *db,
                             const char  *sql);

/* (transfer full): a "file:" URI that opens @path read-only as immutable
 * (no locks, no -wal or -shm created beside it), for a look at a file
 * that may be refused or that nothing else writes. */
char     *hw_sql_immutable_uri (const char *path);

G_END_DECLS
