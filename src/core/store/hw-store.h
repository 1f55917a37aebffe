/* hw-store.h: the one owner of the Homeward database.
 *
 * Every change to user data goes through an *edit*: one sqlite transaction
 * that is committed at once (there is no Save button), recorded in the undo
 * journal and in the audit trail, and announced with the ::changed signal
 * after it is committed. Reads may use the sqlite3 handle directly, or,
 * in code moved onto HwDb (hw-db.h), hw_store_get_connection().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "hw-db.h"
#include "hw-record.h"

G_BEGIN_DECLS

#define HW_STORE_ERROR (hw_store_error_quark ())

typedef enum {
  HW_STORE_ERROR_NOT_HOMEWARD,   /* not a sqlite file, or another app's */
  HW_STORE_ERROR_CORRUPT,        /* fails PRAGMA quick_check */
  HW_STORE_ERROR_TOO_NEW,        /* written by a newer Homeward */
  HW_STORE_ERROR_IO,             /* cannot create, read or write */
  HW_STORE_ERROR_READ_ONLY,      /* file or folder is read-only */
  HW_STORE_ERROR_FULL,           /* disk full */
  HW_STORE_ERROR_INVALID,        /* a value breaks a rule of the data */
  HW_STORE_ERROR_NOT_FOUND,      /* no such row */
  HW_STORE_ERROR_NOTHING_TO_UNDO,
  HW_STORE_ERROR_BUSY,           /* an edit is already open / none is open */
  HW_STORE_ERROR_CONFLICT,       /* someone else changed the row since it was
                                  * read (hw_store_update), or since the step
                                  * to undo or redo was made */
  HW_STORE_ERROR_NEEDS_PASSWORD, /* the server asks for a password, or did
                                  * not take the one given
                                  * (hw_store_set_server_password) */
} HwStoreError;

GQuark hw_store_error_quark (void);

#define HW_TYPE_STORE (hw_store_get_type ())
G_DECLARE_FINAL_TYPE (HwStore, hw_store, HW, STORE, GObject)

/* The password of the role signing in to a server, when the address
 * has none and ~/.pgpass does not give it (the window asks for it):
 * used by every connection opened after (the store opens two), kept in
 * this process's memory only, never written anywhere; NULL forgets it. */
void        hw_store_set_server_password (const char *password);

/**
 * hw_store_open:
 * @path: database file; created (mode 0600, folders 0700) if missing
 * @error: return location for an error
 *
 * Opens or creates a Homeward database. Before writing anything it checks
 * that an existing file is a Homeward database, passes `PRAGMA quick_check`
 * and is not newer than this program; if not, it fails with a
 * %HW_STORE_ERROR and the file is left byte for byte as it was. The full
 * check is skipped when the file is exactly as this program closed it
 * after a check less than a day old (see "The check stamp" in hw-store.c).
 *
 * A PostgreSQL address ("postgresql://…", "postgres://…": any libpq URI)
 * opens that server's database instead, creating or upgrading Homeward's
 * schema there (hw-schema-pg.h); nothing is created on this machine, and
 * a server that cannot be reached is %HW_STORE_ERROR_IO. What only a file
 * has (backups, purge, hw_store_get_db()) is refused or %NULL there (see
 * hw_store_is_server()). Any other address (hw_store_is_address()) is
 * refused with %HW_STORE_ERROR_INVALID and nothing is created.
 */
HwStore    *hw_store_open            (const char  *path,
                                      GError     **error);
gboolean    hw_store_is_address      (const char  *name);
/* the file, or the server's address without its password */
const char *hw_store_get_path        (HwStore     *self);
/* whether @self is on a PostgreSQL server (else a sqlite file) */
gboolean    hw_store_is_server       (HwStore     *self);
/* sqlite only: the file's handle; %NULL on a server */
sqlite3    *hw_store_get_db          (HwStore     *self);
/* the same connection as an HwDb, for code that is to run on PostgreSQL
 * too; open edits with hw_store_begin_edit() all the same */
HwDb       *hw_store_get_connection  (HwStore     *self);
/* the name recorded as author in the audit trail and of each undo step
 * (default: the login name; on a server the role signed in, session_user, and then this does nothing).
 * Undo and redo take only this author's steps. */
void        hw_store_set_author      (HwStore     *self,
                                      const char  *author);
const char *hw_store_get_author      (HwStore     *self);
/* the default database: $XDG_DATA_HOME/homeward/homeward.db */
char       *hw_store_default_path    (void);

/* The check of the content -------------------------------------------- */

/**
 * hw_store_note_checked:
 * @when: unix seconds at which a full check of the content passed (e.g. a
 *   backup's page-for-page copy passed `PRAGMA quick_check`)
 *
 * Records a full check, so that the next open may skip its own while the
 * file is left as this store closes it (at most a day; see hw-store.c).
 * Thread-safe.
 */
void        hw_store_note_checked    (HwStore     *self,
                                      gint64       when);
/**
 * hw_store_mark_damaged:
 * @reason: what the check said
 *
 * A check found the content damaged: from now on every edit fails with
 * %HW_STORE_ERROR_CORRUPT and nothing more is written to the file; the
 * next open checks it in full. Thread-safe.
 */
void        hw_store_mark_damaged    (HwStore     *self,
                                      const char  *reason);
gboolean    hw_store_is_damaged      (HwStore     *self);
/* unix seconds of the last full check known to this store */
gint64      hw_store_get_checked_at  (HwStore     *self);

/* Edits ----------------------------------------------------------------- */

/**
 * hw_store_begin_edit:
 * @label: what the user did, in plain words, e.g. "Add person". Shown in
 *   the Undo menu and kept in the audit trail. Must not contain
 *   confidential data (names, addresses...).
 *
 * Opens the transaction of one edit. Any number of writes may follow, with
 * the helpers below or directly on the sqlite3 handle, then
 * hw_store_commit_edit() or hw_store_rollback_edit().
 */
gboolean    hw_store_begin_edit      (HwStore     *self,
                                      const char  *label,
                                      GError     **error);
gboolean    hw_store_commit_edit     (HwStore     *self,
                                      GError     **error);
void        hw_store_rollback_edit   (HwStore     *self);
gboolean    hw_store_in_edit         (HwStore     *self);

/**
 * hw_store_join_edit:
 * @own: (out): whether this call opened the edit
 *
 * Opens an edit labelled @label unless the caller's caller has one open
 * already: then the writes that follow join that edit. End it with
 * hw_store_leave_edit().
 */
gboolean    hw_store_join_edit       (HwStore     *self,
                                      const char  *label,
                                      gboolean    *own,
                                      GError     **error);
/**
 * hw_store_leave_edit:
 * @own: what hw_store_join_edit() said
 * @ok: whether the writes since succeeded
 *
 * Commits the edit hw_store_join_edit() opened when @ok, or rolls it
 * back; an edit that was joined is left to whoever opened it.
 *
 * Returns: @ok, or FALSE when the commit fails
 */
gboolean    hw_store_leave_edit      (HwStore     *self,
                                      gboolean     own,
                                      gboolean     ok,
                                      GError     **error);

/* Write helpers. Each one, called outside an edit, makes its own one-step
 * edit labelled @label; inside an edit @label is ignored.
 *
 * Row versions: every user table has a column "version" that each update
 * moves forward. hw_store_update() given a record that has a "version"
 * (as read by hw_store_get() or a SELECT *, or set with
 * hw_record_set_version()) saves only if the row is still at that
 * version, else fails with %HW_STORE_ERROR_CONFLICT and changes nothing:
 * someone else changed it since it was read; read the newer row with
 * hw_store_get(). On success the record's version is the row's new one,
 * so the same record can be saved again. A record without "version"
 * saves whatever the row holds (and still moves its version on). */
gint64      hw_store_insert          (HwStore     *self,
                                      const char  *label,
                                      HwRecord    *record,
                                      GError     **error);
gboolean    hw_store_update          (HwStore     *self,
                                      const char  *label,
                                      HwRecord    *record,
                                      GError     **error);
gboolean    hw_store_delete          (HwStore     *self,
                                      const char  *label,
                                      const char  *table,
                                      gint64       id,
                                      GError     **error);
/* Sets @error to %HW_STORE_ERROR_CONFLICT in the words a person is shown
 * when someone else changed a row since it was shown to them (@removal:
 * what was refused is a removal). For the checks an area makes itself
 * before writing; hw_store_update() and hw_store_delete_at() say the
 * same. Returns: FALSE. */
gboolean    hw_store_set_conflict    (GError     **error,
                                      gboolean     removal);
/* Deletes the row only if it is still at @version (the version shown; 0:
 * whatever it holds), else %HW_STORE_ERROR_CONFLICT and nothing is
 * deleted: someone else changed it since it was shown. */
gboolean    hw_store_delete_at       (HwStore     *self,
                                      const char  *label,
                                      const char  *table,
                                      gint64       id,
                                      gint64       version,
                                      GError     **error);
/* Runs @sql (no results) inside the current edit. */
gboolean    hw_store_exec            (HwStore     *self,
                                      const char  *sql,
                                      GError     **error);

/* Reads ----------------------------------------------------------------- */

HwRecord   *hw_store_get             (HwStore     *self,
                                      const char  *table,
                                      gint64       id,
                                      GError     **error);
/**
 * hw_store_select:
 * @sql: a SELECT; each row becomes an #HwRecord of @table whose id is the
 *   column named "id" (if any)
 * @...: values for the `?` parameters, as pairs of a #GType
 *   (G_TYPE_INT64, G_TYPE_STRING, G_TYPE_DOUBLE) and a value, ended by
 *   G_TYPE_INVALID
 *
 * Returns: (transfer full) (element-type HwRecord): the rows
 */
GPtrArray  *hw_store_select          (HwStore     *self,
                                      const char  *table,
                                      GError     **error,
                                      const char  *sql,
                                      ...);
/* A single integer from a query such as SELECT count(*) ..., or @fallback */
gint64      hw_store_query_int       (HwStore     *self,
                                      gint64       fallback,
                                      const char  *sql,
                                      ...);

/* Undo ------------------------------------------------------------------ */

gboolean    hw_store_can_undo        (HwStore     *self);
gboolean    hw_store_can_redo        (HwStore     *self);
/* (transfer full) (nullable): label of the edit that undo/redo would revert */
char       *hw_store_get_undo_label  (HwStore     *self);
char       *hw_store_get_redo_label  (HwStore     *self);
/* Undo and redo take the newest step of hw_store_get_author() (steps made
 * before undo had authors are anyone's). When someone else has changed a
 * row of that step since, they refuse with %HW_STORE_ERROR_CONFLICT, say
 * who, and change nothing. */
gboolean    hw_store_undo            (HwStore     *self,
                                      GError     **error);
gboolean    hw_store_redo            (HwStore     *self,
                                      GError     **error);

/* Other programs on the same database ------------------------------------ */

gboolean    hw_store_refresh         (HwStore     *self);

/* Audit ----------------------------------------------------------------- */

/* Writes the audit trail as CSV (at, author, action, table, row, change). */
gboolean    hw_store_export_audit    (HwStore     *self,
                                      const char  *path,
                                      GError     **error);

/* Settings kept in the database (e.g. the passphrase hash). */
char       *hw_store_get_setting     (HwStore     *self,
                                      const char  *key);
gboolean    hw_store_set_setting     (HwStore     *self,
                                      const char  *key,
                                      const char  *value,
                                      GError     **error);
/* A setting of the person signed in, not of the whole database (the
 * screen-lock passphrase): on a file the same as the above (the file is
 * one laptop's); on a server kept under "person/ROLE/KEY", which
 * tools/pg-roles.sql lets only that role read and write. */
char       *hw_store_get_own_setting (HwStore     *self,
                                      const char  *key);
gboolean    hw_store_set_own_setting (HwStore     *self,
                                      const char  *key,
                                      const char  *value,
                                      GError     **error);

/* Sets *error from the last sqlite error of @db, mapped to HwStoreError. */
void        hw_store_set_sqlite_error (GError    **error,
                                       sqlite3    *db,
                                       int         rc,
                                       const char *what);

G_END_DECLS
