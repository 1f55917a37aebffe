/* hw-db.h: one statement-level database interface, two backends.
 *
 * HwDb is what the store's areas will talk to instead of sqlite3_*: an
 * embedded sqlite file (hw-db-sqlite.c, the default) or a PostgreSQL 15
 * server through libpq (hw-db-pg.c). Both take the same SQL: the subset of
 * sqlite's dialect that PostgreSQL also understands, with `?` (or `?NNN`)
 * placeholders, which the PostgreSQL backend rewrites to `$n`. See "The
 * SQL both backends take" in docs/agency-server.md.
 *
 * Errors are HW_STORE_ERROR codes on both: a value that breaks a rule
 * (CHECK, UNIQUE, NOT NULL, a foreign key, also at COMMIT) is
 * %HW_STORE_ERROR_INVALID; a server that cannot be reached, or a
 * connection lost, is %HW_STORE_ERROR_IO. No message ever holds the
 * password of a connection URI.
 *
 * Not thread-safe: one HwDb per thread, as with the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _HwDb HwDb;
typedef struct _HwDbStmt HwDbStmt;

typedef enum {
  HW_DB_BACKEND_SQLITE,
  HW_DB_BACKEND_POSTGRESQL,
} HwDbBackend;

/* the kind of a column's value in the current row */
typedef enum {
  HW_DB_TYPE_NULL,
  HW_DB_TYPE_INTEGER,   /* also a truth value */
  HW_DB_TYPE_FLOAT,
  HW_DB_TYPE_TEXT,      /* also anything else (a blob, a date on PostgreSQL) */
} HwDbType;

/* what hw_db_stmt_step() found */
typedef enum {
  HW_DB_STEP_ERROR,   /* @error is set; the statement can be reset */
  HW_DB_STEP_ROW,     /* a row is there: read it with hw_db_stmt_column_*() */
  HW_DB_STEP_DONE,    /* no (more) rows */
} HwDbStep;

/**
 * hw_db_open:
 * @name: a libpq connection URI ("postgresql://…", "postgres://…"), or
 *   the path of a sqlite file (created if missing)
 * @error: return location for a %HW_STORE_ERROR
 *
 * Opens a connection: PostgreSQL for an address (hw_store_is_address()),
 * sqlite for a path. Foreign keys are enforced on both. Nothing of
 * Homeward's schema is checked or created here (see hw-schema-pg.h).
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL
 */
HwDb       *hw_db_open                (const char  *name,
                                       GError     **error);
/* sqlite file at @path (created if missing; WAL; foreign keys on), for
 * tests and tools: the store opens its own file (mode 0600, locks, the
 * checks of hw_store_open()) and hands it over with hw_db_sqlite_wrap() */
HwDb       *hw_db_sqlite_open         (const char  *path,
                                       GError     **error);
/* (transfer full): wraps an open sqlite3 handle that stays the caller's
 * (never closed by hw_db_close()): how the store hands its connection to
 * areas moved onto HwDb one at a time */
HwDb       *hw_db_sqlite_wrap         (sqlite3     *db);
/* a PostgreSQL server through libpq, @uri any connection URI or
 * "key=value" string libpq takes */
HwDb       *hw_db_pg_open             (const char  *uri,
                                       GError     **error);
void        hw_db_close               (HwDb        *db);
/* PostgreSQL only, for LISTEN/NOTIFY (the store's listening connection):
 * the server process of the connection (a notification's sender), the
 * socket to watch, and what arrived (@sync: after a round trip, so
 * that everything committed before the call is there): the payloads of notifications not
 * sent by @ignore_pid are added to @payloads. FALSE once the connection
 * is lost. */
int         hw_db_pg_get_backend_pid  (HwDb        *db);
int         hw_db_pg_get_socket       (HwDb        *db);
gboolean    hw_db_pg_read_notifies    (HwDb        *db,
                                       gboolean     sync,
                                       int          ignore_pid,
                                       GPtrArray   *payloads);

HwDbBackend hw_db_get_backend         (HwDb        *db);
/* the file's path, or the URI without its password (for messages) */
const char *hw_db_get_name            (HwDb        *db);

/* Runs @sql, one or more statements without parameters or results. */
gboolean    hw_db_exec                (HwDb        *db,
                                       const char  *sql,
                                       GError     **error);
/* A transaction. A statement that fails inside it spoils it: COMMIT then
 * rolls back and fails with %HW_STORE_ERROR_INVALID (on both backends).
 * Foreign keys are checked at commit (they are
 * DEFERRABLE INITIALLY DEFERRED): a failed commit is
 * %HW_STORE_ERROR_INVALID and keeps nothing (the transaction is over). */
gboolean    hw_db_begin               (HwDb        *db,
                                       GError     **error);
gboolean    hw_db_commit              (HwDb        *db,
                                       GError     **error);
gboolean    hw_db_rollback            (HwDb        *db,
                                       GError     **error);
gboolean    hw_db_in_transaction      (HwDb        *db);
/* the id of the last row inserted through this connection by an INSERT
 * into a table with an `id` column (0 if none yet); unchanged by an
 * INSERT that inserted nothing */
gint64      hw_db_last_insert_id      (HwDb        *db);
/* rows changed by the last INSERT, UPDATE or DELETE */
gint64      hw_db_changes             (HwDb        *db);

/* (transfer full) (nullable): @sql is one statement */
HwDbStmt   *hw_db_prepare             (HwDb        *db,
                                       const char  *sql,
                                       GError     **error);
void        hw_db_stmt_free           (HwDbStmt    *stmt);

/* Parameters count from 1, as `?NNN` does; a %NULL @value binds NULL.
 * Bindings stay through hw_db_stmt_reset(). */
void        hw_db_stmt_bind_text      (HwDbStmt    *stmt,
                                       guint        index,
                                       const char  *value);
void        hw_db_stmt_bind_int64     (HwDbStmt    *stmt,
                                       guint        index,
                                       gint64       value);
void        hw_db_stmt_bind_double    (HwDbStmt    *stmt,
                                       guint        index,
                                       double       value);
void        hw_db_stmt_bind_null      (HwDbStmt    *stmt,
                                       guint        index);

HwDbStep    hw_db_stmt_step           (HwDbStmt    *stmt,
                                       GError     **error);
/* to run the statement again (with the same or new bindings) */
void        hw_db_stmt_reset          (HwDbStmt    *stmt);

/* The current row's columns, from 0. Text is UTF-8 and valid until the
 * next step, reset or free; NULL is %NULL (text) or 0 (numbers). A truth
 * value reads as 1 or 0 ("1"/"0" as text) on both backends. */
int         hw_db_stmt_column_count   (HwDbStmt    *stmt);
const char *hw_db_stmt_column_name    (HwDbStmt    *stmt,
                                       int          column);
gboolean    hw_db_stmt_column_is_null (HwDbStmt    *stmt,
                                       int          column);
/* sqlite: the value's own type (a column may hold any); PostgreSQL: the
 * column's type (integers and booleans, floats and numeric, or text) */
HwDbType    hw_db_stmt_column_type    (HwDbStmt    *stmt,
                                       int          column);
const char *hw_db_stmt_column_text    (HwDbStmt    *stmt,
                                       int          column);
gint64      hw_db_stmt_column_int64   (HwDbStmt    *stmt,
                                       int          column);
double      hw_db_stmt_column_double  (HwDbStmt    *stmt,
                                       int          column);

/* (transfer full): @sql with each `?` / `?NNN` outside quotes and
 * comments made `$n`; *@n_params: the highest n */
char       *hw_db_rewrite_placeholders (const char *sql,
                                        guint      *n_params);
/* (transfer full): @uri (URI or "key=value" form) with its password, if
 * any, replaced by "***", for messages and logs */
char       *hw_db_redact_uri           (const char *uri);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwDb, hw_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwDbStmt, hw_db_stmt_free)

G_END_DECLS
