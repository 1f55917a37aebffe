/* hw-backup.h: copies of the database, made while it is open, and restoring
 * one of them.
 *
 * A backup is a complete, self-contained Homeward database (one file, no
 * -wal), made with sqlite's online backup API from the store's own
 * connection, so it is a consistent picture of the last committed edit
 * even while the window keeps editing. Every copy is checked (quick_check,
 * application_id, data version) before it replaces anything; a copy that
 * fails is removed and nothing else changes.
 *
 * Automatic backups live in $XDG_DATA_HOME/homeward/backups/ (folder 0700,
 * files 0600), named
 *   homeward-TAG-YYYY-MM-DD-HHMMSS-KIND.db
 * where TAG is a short hash of the database's path (several databases keep
 * their backups apart) and KIND says why it was made (daily, close,
 * before-restore). The last %HW_BACKUP_KEEP of each database are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_BACKUP_ERROR (hw_backup_error_quark ())

/* A backup that cannot be read is refused with the HW_STORE_ERROR that
 * hw_store_open() gives (NOT_HOMEWARD, CORRUPT, TOO_NEW, ...), in words
 * that name the backup. These are the other refusals. */
typedef enum {
  HW_BACKUP_ERROR_EXISTS,     /* would replace a file without force */
  HW_BACKUP_ERROR_CHECK,      /* the copy just made did not pass its check */
  HW_BACKUP_ERROR_IN_USE,     /* another program has the database open */
  HW_BACKUP_ERROR_IN_EDIT,    /* the store has an edit open */
  HW_BACKUP_ERROR_CANCELLED,
} HwBackupError;

GQuark hw_backup_error_quark (void);

/* how many automatic backups of one database are kept */
#define HW_BACKUP_KEEP 14

typedef enum {
  HW_BACKUP_KIND_DAILY,           /* the first start of a day */
  HW_BACKUP_KIND_CLOSE,           /* the app closed (one a day: the last) */
  HW_BACKUP_KIND_BEFORE_RESTORE,  /* what was there before a restore */
} HwBackupKind;

/* One automatic backup, as hw_backup_list() finds it. */
typedef struct {
  char         *path;
  GDateTime    *made;        /* local time, read from the file's name */
  HwBackupKind  kind;
  gint64        n_families;  /* -1: the file cannot be read */
  goffset       size;
} HwBackupInfo;

#define HW_TYPE_BACKUP_INFO (hw_backup_info_get_type ())
GType         hw_backup_info_get_type (void);
HwBackupInfo *hw_backup_info_copy     (const HwBackupInfo *info);
void          hw_backup_info_free     (HwBackupInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwBackupInfo, hw_backup_info_free)

/**
 * hw_backup_make:
 * @store: the open database
 * @dest: the file to write; replaced if it exists (callers that must not
 *   replace a file check first)
 *
 * Copies the database into `@dest.tmp` (created 0600) with sqlite's online
 * backup API, checks the copy (PRAGMA quick_check, application_id and data
 * version the same as the store's), makes it a one-file database, syncs
 * it to the disk and renames it over @dest, then syncs the folder. If
 * anything fails, the copy is removed, @dest is left as it was and @error
 * says why in plain words.
 */
gboolean      hw_backup_make          (HwStore       *store,
                                       const char    *dest,
                                       GError       **error);

/* $XDG_DATA_HOME/homeward/backups (not created) */
char         *hw_backup_get_folder    (void);
void          hw_backup_remove_files  (const char    *path);

/* The 8 hex digits that tell the backups of @database from others'. */
char         *hw_backup_database_tag  (const char    *database);

/**
 * hw_backup_make_automatic:
 * @kind: why
 * @now: (nullable): the time to name it with (tests); NULL for now
 *
 * Makes an automatic backup of @store in hw_backup_get_folder() (created
 * 0700), then keeps the newest %HW_BACKUP_KEEP of this database. A backup
 * made when closing replaces one made when closing earlier the same day.
 *
 * Returns: (transfer full): the new backup's path, or NULL with @error
 */
char         *hw_backup_make_automatic (HwStore      *store,
                                        HwBackupKind  kind,
                                        GDateTime    *now,
                                        GError      **error);

/**
 * hw_backup_daily:
 *
 * Makes the day's backup when none of this database was made today.
 *
 * Returns: (transfer full) (nullable): the new backup's path; NULL with
 *   @error unset when today's backup was there already
 */
char         *hw_backup_daily         (HwStore       *store,
                                       GError       **error);
/* hw_backup_daily() at @now (tests) */
char         *hw_backup_daily_at      (HwStore       *store,
                                       GDateTime     *now,
                                       GError       **error);

/* The same in a worker thread, so that a slow disk never holds up the
 * window. The copy uses the store's connection (opened FULLMUTEX) in small
 * steps: an edit in the window waits for one step at most. The store must
 * stay open until @callback runs (the task holds a reference). */
void          hw_backup_daily_async   (HwStore             *store,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char         *hw_backup_daily_finish  (HwStore             *store,
                                       GAsyncResult        *result,
                                       GError             **error);

/* The backup made when the app closes. Returns its path. */
char         *hw_backup_on_close      (HwStore       *store,
                                       GError       **error);

/**
 * hw_backup_list:
 * @database: the database's path
 *
 * Returns: (transfer full) (element-type HwBackupInfo): the automatic
 *   backups of @database, newest first (empty when there are none)
 */
GPtrArray    *hw_backup_list          (const char    *database,
                                       GError       **error);

/* Removes all but the newest @keep automatic backups of @database.
 * Returns how many were removed, or -1 with @error. */
int           hw_backup_rotate        (const char    *database,
                                       guint          keep,
                                       GError       **error);

/**
 * hw_backup_check_file:
 *
 * Whether @backup can be restored: a Homeward database, not damaged, not
 * written by a newer Homeward. Checked on a private copy, so @backup is
 * only read. On success *@n_families (if not NULL) is how many families
 * it holds.
 */
gboolean      hw_backup_check_file    (const char    *backup,
                                       gint64        *n_families,
                                       GError       **error);

/**
 * hw_backup_restore:
 * @backup: the backup file
 * @database: the database to restore into
 * @force: replace @database if it exists
 * @saved_as: (out) (optional) (transfer full) (nullable): where what was
 *   in @database before is saved (NULL when there was no database)
 *
 * Refuses a bad backup (not a Homeward database, damaged, written by a
 * newer Homeward) and never replaces an existing database without @force.
 * A missing database is created from the backup. With @force, the current
 * database is first saved as an automatic backup, then the backup is
 * written into it through sqlite (so a program that has it open sees the
 * restored data and its locks are kept); a database too damaged to be
 * opened is saved as it is and replaced by a rename, and only when no
 * other program has it open. On any refusal @database is not changed.
 */
gboolean      hw_backup_restore       (const char    *backup,
                                       const char    *database,
                                       gboolean       force,
                                       char         **saved_as,
                                       GError       **error);

/**
 * hw_backup_restore_into_store:
 * @store: the open database, with no edit open
 * @backup: the backup file
 * @saved_as: (out) (optional) (transfer full): where what was in the store
 *   before is saved
 *
 * hw_backup_restore() for the database the window has open: checks the
 * backup, saves the current data as an automatic backup, then copies the
 * backup into the store's connection in one transaction (all or nothing).
 * The undo history and the audit trail become the backup's. Afterwards the
 * store emits ::changed for every user table and notifies can-undo and
 * can-redo, so every view reads its data again.
 */
gboolean      hw_backup_restore_into_store (HwStore     *store,
                                            const char  *backup,
                                            char       **saved_as,
                                            GError     **error);

/**
 * hw_backup_forget_case:
 * @database: whose automatic backups
 * @case_id, @family_name, @case_number, @created: the case, matched on all
 *   four so that another case that got the same id is never touched
 *
 * For "delete for good": removes the case (and, through the foreign keys,
 * everything of it) from every automatic backup of @database, with
 * secure_delete; in a backup it was in, the undo history is emptied too
 * (its statements may hold the family's names) and the file is vacuumed,
 * so no free page keeps a trace. Each backup is changed on a copy that is
 * checked and renamed over it.
 *
 * Returns: how many backups were changed, or -1 with @error (backups
 *   changed before the error stay changed)
 */
int           hw_backup_forget_case   (const char    *database,
                                       gint64         case_id,
                                       const char    *family_name,
                                       const char    *case_number,
                                       const char    *created,
                                       GError       **error);

G_END_DECLS
