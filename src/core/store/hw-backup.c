/* hw-backup.c: copies of the database, made while it is open, and restoring
 * one of them.
 *
 * Why sqlite's backup API and not a file copy: the database is in WAL mode,
 * so the file alone is not the database, and copying it while the window
 * writes gives a torn copy. The backup API reads through sqlite, under its
 * locks, and restarts by itself when the source changes under it.
 *
 * Why the store's own connection: opening and closing the database file a
 * second time in the same process is the POSIX-lock trap of issue 12 (a
 * close() drops every lock the process holds on the file). The backup
 * reads through the connection the store already has.
 *
 * Restoring goes the same way in the other direction: the backup is first
 * copied and opened with hw_store_open() (which refuses a file that is not
 * a Homeward database, damaged or newer, and brings an older one up to
 * date), then written into the database through sqlite, in one
 * transaction, so a reader in another process sees the old data or the
 * new, never half.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-backup"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hw-backup.h"
#include "hw-schema.h"
#include "hw-sql.h"

G_DEFINE_QUARK (hw-backup-error-quark, hw_backup_error)

G_DEFINE_BOXED_TYPE (HwBackupInfo, hw_backup_info, hw_backup_info_copy, hw_backup_info_free)

/* pages copied per step: small, so an edit in the window waits little */
#define STEP_PAGES 128
/* how long a busy database is waited for, in 10 ms rounds (30 s) */
#define BUSY_ROUNDS 3000

static const char * const kind_names[] = { "daily", "close", "before-restore" };

HwBackupInfo *
hw_backup_info_copy (const HwBackupInfo *info)
{
  HwBackupInfo *copy = g_new0 (HwBackupInfo, 1);

  copy->path = g_strdup (info->path);
  copy->made = info->made ? g_date_time_ref (info->made) : NULL;
  copy->kind = info->kind;
  copy->n_families = info->n_families;
  copy->size = info->size;
  return copy;
}

void
hw_backup_info_free (HwBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->made, g_date_time_unref);
  g_free (info);
}

/* Small helpers ----------------------------------------------------------- */

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
set_errno_error (GError     **error,
                 int          saved,
                 const char  *format,
                 ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HW_STORE_ERROR,
               saved == ENOSPC ? HW_STORE_ERROR_FULL :
               saved == EACCES || saved == EROFS || saved == EPERM ? HW_STORE_ERROR_READ_ONLY :
               HW_STORE_ERROR_IO,
               "%s: %s", what, g_strerror (saved));
}

static gboolean
fsync_path (const char  *path,
            gboolean     folder,
            GError     **error)
{
  int fd = g_open (path, (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || (fsync (fd) != 0 && !(folder && errno == EINVAL)))
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      set_errno_error (error, saved, _("Could not write “%s” to the disk"), path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * hw_backup_remove_files:
 * @path: a database file
 *
 * Removes @path and the files sqlite may have made next to it (its
 * journal, write-ahead log and shared memory), those that are there.
 */
void
hw_backup_remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  g_return_if_fail (path != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Creates @path (which must not exist yet, or be a stale temporary file of
 * ours) empty and private. */
static gboolean
create_private (const char  *path,
                GError     **error)
{
  int fd;

  hw_backup_remove_files (path);
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not create “%s”"), path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
copy_file_private (const char  *from,
                   const char  *to,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  int fd;
  gsize done = 0;

  /* databases of a few MB: reading them whole keeps this simple */
  if (!g_file_get_contents (from, &contents, &length, error))
    return FALSE;
  fd = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not create “%s”"), to);
      return FALSE;
    }
  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (to);
          set_errno_error (error, saved, _("Could not write “%s”"), to);
          return FALSE;
        }
      done += n;
    }
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (to);
      set_errno_error (error, saved, _("Could not write “%s” to the disk"), to);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Copies every page of @src's main database into @dst's, in steps, waiting
 * while either side is busy. On failure @dst is as it was (the copy is
 * one transaction on @dst) and @error is set from @err_db. */
static gboolean
copy_pages (sqlite3       *dst,
            sqlite3       *src,
            GCancellable  *cancellable,
            const char    *what,
            GError       **error)
{
  sqlite3_backup *backup;
  guint busy = 0;
  int rc;

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      hw_store_set_sqlite_error (error, dst, sqlite3_errcode (dst), what);
      return FALSE;
    }

  for (;;)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_backup_finish (backup);
          g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_CANCELLED,
                       "%s: %s", what, _("stopped"));
          return FALSE;
        }
      rc = sqlite3_backup_step (backup, STEP_PAGES);
      if (rc == SQLITE_DONE)
        break;
      if (rc == SQLITE_OK)
        continue;
      if (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) && busy++ < BUSY_ROUNDS)
        {
          /* the other side is in a transaction (another program, or an
           * edit of the window on this same connection): wait for it */
          g_usleep (10 * 1000);
          continue;
        }
      break;
    }

  rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, dst, rc, what);
      return FALSE;
    }
  return TRUE;
}

/* The checks a copy must pass: not damaged, ours, the expected version. */
static gboolean
check_copy (sqlite3     *db,
            gint64       app_id,
            gint64       version,
            const char  *what,
            char       **damage,
            GError     **error)
{
  g_autofree char *check = hw_sql_query_text (db, "PRAGMA quick_check");

  if (g_strcmp0 (check, "ok") != 0)
    {
      if (damage != NULL)
        *damage = g_strdup (check ? check : sqlite3_errmsg (db));
      g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_CHECK,
                   _("%s: the copy is damaged (%s), so it was removed"),
                   what, check ? check : sqlite3_errmsg (db));
      return FALSE;
    }
  if (hw_sql_query_int (db, -1, "PRAGMA application_id") != app_id ||
      hw_sql_query_int (db, -1, "PRAGMA user_version") != version)
    {
      g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_CHECK,
                   _("%s: the copy is not the same kind of database as the original, so it was removed"),
                   what);
      return FALSE;
    }
  return TRUE;
}

/* Making a backup --------------------------------------------------------- */

static gboolean
make_backup (HwStore       *store,
             const char    *dest,
             GCancellable  *cancellable,
             GError       **error)
{
  sqlite3 *src = hw_store_get_db (store);
  g_autofree char *tmp = g_strconcat (dest, ".tmp", NULL);
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *what = g_strdup_printf (_("The backup “%s” could not be made"), dest);
  sqlite3 *dst = NULL;
  g_autofree char *damage = NULL;
  gint64 app_id, version, checked_at;
  int rc;

  app_id = hw_sql_query_int (src, -1, "PRAGMA main.application_id");
  version = hw_sql_query_int (src, -1, "PRAGMA main.user_version");

  if (!create_private (tmp, error))
    {
      g_prefix_error (error, "%s: ", what);
      return FALSE;
    }

  rc = sqlite3_open_v2 (tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, dst, rc, what);
      goto fail;
    }
  sqlite3_extended_result_codes (dst, 1);
  /* nothing to protect in a copy that is checked and synced at the end */
  sqlite3_exec (dst, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", NULL, NULL, NULL);

  checked_at = g_get_real_time () / G_USEC_PER_SEC;
  if (!copy_pages (dst, src, cancellable, what, error))
    goto fail;

  /* Pages copied from a WAL database say "WAL" in their header: make the
   * copy a plain one-file database, which is what a backup should be. */
  if (sqlite3_exec (dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, dst, sqlite3_errcode (dst), what);
      goto fail;
    }
  /* The copy is the database page for page: its check is a check of
   * the database as it is now, which spares the next start its own (see
   * "The check stamp" in hw-store.c). Damage found here is in the
   * database itself: no more changes go into it. */
  if (!check_copy (dst, app_id, version, what, &damage, error))
    {
      if (damage != NULL)
        hw_store_mark_damaged (store, damage);
      goto fail;
    }
  hw_store_note_checked (store, checked_at);

  rc = sqlite3_close (dst);
  dst = NULL;
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, NULL, rc, what);
      goto fail;
    }
  {
    g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);

    /* the journal-mode switch leaves nothing behind; be sure */
    if (g_file_test (wal, G_FILE_TEST_EXISTS))
      {
        g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_CHECK,
                     _("%s: the copy is not complete, so it was removed"), what);
        goto fail;
      }
  }

  if (!fsync_path (tmp, FALSE, error))
    goto fail;
  if (g_rename (tmp, dest) != 0)
    {
      set_errno_error (error, errno, _("Could not put the backup in place as “%s”"), dest);
      goto fail;
    }
  if (!fsync_path (dir, TRUE, error))
    return FALSE; /* the backup is there; only the folder's entry may not be on disk yet */
  return TRUE;

fail:
  if (dst != NULL)
    sqlite3_close (dst);
  hw_backup_remove_files (tmp);
  return FALSE;
}

/* A database on a server is backed up there (pg_dump, see
 * docs/agency-server.md): the copies below are of a sqlite file. */
static gboolean
refuse_server (HwStore  *store,
               GError  **error)
{
  if (!hw_store_is_server (store))
    return FALSE;
  g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
               _("The database %s is on a server. Its backups are made on the server "
                 "(with pg_dump), not by Homeward. Nothing was changed."),
               hw_store_get_path (store));
  return TRUE;
}

gboolean
hw_backup_make (HwStore     *store,
                const char  *dest,
                GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  if (refuse_server (store, error))
    return FALSE;

  return make_backup (store, dest, NULL, error);
}

/* Automatic backups ------------------------------------------------------- */

char *
hw_backup_get_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "homeward", "backups", NULL);
}

char *
hw_backup_database_tag (const char *database)
{
  g_autofree char *absolute = g_canonicalize_filename (database, NULL);
  g_autofree char *real = realpath (absolute, NULL);
  g_autofree char *sum = NULL;
  const char *path = real ? real : absolute;

  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  return g_strndup (sum, 8);
}

static GRegex *
name_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^homeward-([0-9a-f]{8})-([0-9]{4})-([0-9]{2})-([0-9]{2})-"
                               "([0-9]{2})([0-9]{2})([0-9]{2})-(daily|close|before-restore)"
                               "(?:-[0-9]+)?\\.db$",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }
  return regex;
}

static gint64
count_families (const char *path)
{
  sqlite3 *db = NULL;
  gint64 n = -1;
  /* read-only and immutable: nothing is written next to a backup that is
   * only looked at */
  g_autofree char *uri = hw_sql_immutable_uri (path);

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      hw_sql_query_int (db, -1, "PRAGMA application_id") == HW_SCHEMA_APPLICATION_ID)
    n = hw_sql_query_int (db, -1, "SELECT count(*) FROM cases");
  sqlite3_close (db);
  return n;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const HwBackupInfo *x = *(HwBackupInfo * const *) a;
  const HwBackupInfo *y = *(HwBackupInfo * const *) b;
  int c = g_date_time_compare (y->made, x->made);

  return c != 0 ? c : -g_strcmp0 (x->path, y->path);
}

static GPtrArray *
list_backups (const char  *database,
              gboolean     count,
              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_backup_info_free);
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *tag = hw_backup_database_tag (database);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The backups could not be listed: "));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *file_tag = NULL;
      g_autofree char *kind = NULL;
      HwBackupInfo *info;
      int f[6];
      struct stat st;

      if (!g_regex_match (name_regex (), name, 0, &match))
        continue;
      file_tag = g_match_info_fetch (match, 1);
      if (!g_str_equal (file_tag, tag))
        continue;
      for (int i = 0; i < 6; i++)
        {
          g_autofree char *s = g_match_info_fetch (match, i + 2);
          f[i] = atoi (s);
        }
      kind = g_match_info_fetch (match, 8);

      info = g_new0 (HwBackupInfo, 1);
      info->path = g_build_filename (folder, name, NULL);
      info->made = g_date_time_new (local, f[0], f[1], f[2], f[3], f[4], f[5]);
      if (info->made == NULL)
        {
          hw_backup_info_free (info);
          continue;
        }
      info->kind = g_str_equal (kind, "daily") ? HW_BACKUP_KIND_DAILY :
                   g_str_equal (kind, "close") ? HW_BACKUP_KIND_CLOSE :
                   HW_BACKUP_KIND_BEFORE_RESTORE;
      info->size = g_stat (info->path, &st) == 0 ? st.st_size : 0;
      info->n_families = count ? count_families (info->path) : -1;
      g_ptr_array_add (list, info);
    }

  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

GPtrArray *
hw_backup_list (const char  *database,
                GError     **error)
{
  g_return_val_if_fail (database != NULL, NULL);
  return list_backups (database, TRUE, error);
}

int
hw_backup_rotate (const char  *database,
                  guint        keep,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  int removed = 0;

  g_return_val_if_fail (database != NULL, -1);

  /* the newest one is never removed */
  keep = MAX (keep, 1);
  list = list_backups (database, FALSE, error);
  if (list == NULL)
    return -1;
  for (guint i = keep; i < list->len; i++)
    {
      HwBackupInfo *info = g_ptr_array_index (list, i);

      if (g_unlink (info->path) == 0)
        removed++;
      else
        g_debug ("Could not remove the old backup %s: %s", info->path, g_strerror (errno));
      /* a damaged database saved before a restore may have its -wal */
      hw_backup_remove_files (info->path);
    }
  return removed;
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_errno_error (error, errno, _("Could not create the folder for backups “%s”"), folder);
      return FALSE;
    }
  /* backups hold what the database holds */
  g_chmod (folder, 0700);
  return TRUE;
}

/* A name for a new backup of @database, not yet taken. */
static char *
automatic_name (const char   *database,
                HwBackupKind  kind,
                GDateTime    *now)
{
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *tag = hw_backup_database_tag (database);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  for (guint n = 1;; n++)
    {
      g_autofree char *name = NULL;
      char *path;

      if (n == 1)
        name = g_strdup_printf ("homeward-%s-%s-%s.db", tag, stamp, kind_names[kind]);
      else
        name = g_strdup_printf ("homeward-%s-%s-%s-%u.db", tag, stamp, kind_names[kind], n);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
make_automatic (HwStore       *store,
                HwBackupKind   kind,
                GDateTime     *now,
                GCancellable  *cancellable,
                GError       **error)
{
  const char *database = hw_store_get_path (store);
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GError) rotate_error = NULL;

  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();
  if (!ensure_folder (folder, error))
    return NULL;

  path = automatic_name (database, kind, now);
  if (!make_backup (store, path, cancellable, error))
    return NULL;

  /* One backup on closing a day is enough: the last one. Without this,
   * opening and closing the app fifteen times would leave only today. */
  if (kind == HW_BACKUP_KIND_CLOSE)
    {
      g_autoptr(GPtrArray) list = list_backups (database, FALSE, NULL);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          HwBackupInfo *info = g_ptr_array_index (list, i);

          if (info->kind == HW_BACKUP_KIND_CLOSE && same_day (info->made, now) &&
              !g_str_equal (info->path, path))
            hw_backup_remove_files (info->path);
        }
    }

  if (hw_backup_rotate (database, HW_BACKUP_KEEP, &rotate_error) < 0)
    g_warning ("Could not remove old backups: %s", rotate_error->message);

  return g_steal_pointer (&path);
}

char *
hw_backup_make_automatic (HwStore       *store,
                          HwBackupKind   kind,
                          GDateTime     *now,
                          GError       **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= HW_BACKUP_KIND_BEFORE_RESTORE, NULL);

  if (refuse_server (store, error))
    return NULL;

  return make_automatic (store, kind, now, NULL, error);
}

static char *
daily (HwStore       *store,
       GDateTime     *now,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GPtrArray) list = NULL;

  /* a server: nothing to do here (the server is backed up there) */
  if (hw_store_is_server (store))
    return NULL;
  if (now == NULL)
    now = local_now = g_date_time_new_now_local ();

  list = list_backups (hw_store_get_path (store), FALSE, error);
  if (list == NULL)
    return NULL;
  /* any backup of today: one made on closing earlier today holds what
   * this start found */
  for (guint i = 0; i < list->len; i++)
    {
      HwBackupInfo *info = g_ptr_array_index (list, i);

      if (same_day (info->made, now))
        return NULL;
    }
  return make_automatic (store, HW_BACKUP_KIND_DAILY, now, cancellable, error);
}

char *
hw_backup_daily_at (HwStore    *store,
                    GDateTime  *now,
                    GError    **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  return daily (store, now, NULL, error);
}

char *
hw_backup_daily (HwStore  *store,
                 GError  **error)
{
  return hw_backup_daily_at (store, NULL, error);
}

static void
daily_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  char *path = daily (HW_STORE (source_object), NULL, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

void
hw_backup_daily_async (HwStore             *store,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HW_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, hw_backup_daily_async);
  g_task_run_in_thread (task, daily_thread);
}

char *
hw_backup_daily_finish (HwStore       *store,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
hw_backup_on_close (HwStore  *store,
                    GError  **error)
{
  /* a server: backed up there */
  if (hw_store_is_server (store))
    return NULL;
  return hw_backup_make_automatic (store, HW_BACKUP_KIND_CLOSE, NULL, error);
}

/* Checking a backup ------------------------------------------------------- */

/* Words that name the backup, not the private copy the check was made on. */
static void
set_backup_error (GError     **error,
                  GError      *store_error,
                  const char  *backup,
                  const char  *copy)
{
  if (store_error->domain == HW_STORE_ERROR)
    switch (store_error->code)
      {
      case HW_STORE_ERROR_NOT_HOMEWARD:
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD,
                     _("“%s” is not a Homeward backup, so nothing was restored."), backup);
        return;
      case HW_STORE_ERROR_CORRUPT:
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT,
                     _("The backup “%s” is damaged, so nothing was restored. Choose another backup."), backup);
        return;
      case HW_STORE_ERROR_TOO_NEW:
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_TOO_NEW,
                     _("The backup “%s” was made by a newer version of Homeward, so nothing was restored. Update Homeward to restore it."),
                     backup);
        return;
      default:
        break;
      }

  {
    g_autoptr(GString) message = g_string_new (store_error->message);

    if (copy != NULL)
      g_string_replace (message, copy, backup, 0);
    g_set_error (error, store_error->domain, store_error->code,
                 _("The backup “%s” could not be read, so nothing was restored: %s"),
                 backup, message->str);
  }
}

/* The application_id in a database file's header, -1 when the file is no
 * sqlite database. */
static gint64
header_application_id (const char *path)
{
  guchar header[100];
  gssize n;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return -1;
  n = read (fd, header, sizeof header);
  close (fd);
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return -1;
  return ((guint32) header[68] << 24) | ((guint32) header[69] << 16) |
         ((guint32) header[70] << 8) | header[71];
}

/* Copies @backup (with its -wal, if it has one) into a new private file in
 * @dir and opens that copy with hw_store_open(), which refuses what is not
 * a Homeward database, damaged or newer, and brings an older one up to
 * this version. Returns the copy's path; the caller removes it. */
static char *
checked_copy (const char  *backup,
              const char  *dir,
              gint64      *n_families,
              GError     **error)
{
  g_autofree char *tmpl = g_build_filename (dir, ".homeward-restore-XXXXXX", NULL);
  g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HwStore) store = NULL;
  sqlite3 *db = NULL;
  struct stat st;
  gint64 app_id = -1;
  int fd;

  if (g_stat (backup, &st) != 0)
    {
      set_errno_error (error, errno, _("Could not read the backup “%s”"), backup);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size == 0)
    {
      /* hw_store_open() would take an empty file for a new database */
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD,
                   _("“%s” is not a Homeward backup, so nothing was restored."), backup);
      return NULL;
    }

  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not create “%s”"), tmpl);
      return NULL;
    }
  close (fd);
  g_unlink (tmpl);
  if (!copy_file_private (backup, tmpl, error))
    return NULL;
  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *tmp_wal = g_strconcat (tmpl, "-wal", NULL);

      if (!copy_file_private (wal, tmp_wal, error))
        {
          hw_backup_remove_files (tmpl);
          return NULL;
        }
    }

  /* hw_store_open() takes a fresh sqlite file (no tables, no id) for a new
   * database and would make it one: a backup must be ours already. The id
   * is read from the header itself, so that a damaged file is told from a
   * foreign one; only a header not yet updated from its -wal needs sqlite. */
  app_id = header_application_id (tmpl);
  if (app_id != HW_SCHEMA_APPLICATION_ID && app_id >= 0 && g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      if (sqlite3_open_v2 (tmpl, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        app_id = hw_sql_query_int (db, -1, "PRAGMA application_id");
      sqlite3_close (db);
    }
  if (app_id != HW_SCHEMA_APPLICATION_ID)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD,
                   _("“%s” is not a Homeward backup, so nothing was restored."), backup);
      hw_backup_remove_files (tmpl);
      return NULL;
    }

  store = hw_store_open (tmpl, &local_error);
  if (store == NULL)
    {
      set_backup_error (error, local_error, backup, tmpl);
      hw_backup_remove_files (tmpl);
      return NULL;
    }
  if (n_families != NULL)
    *n_families = hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID);
  g_clear_object (&store);

  return g_steal_pointer (&tmpl);
}

gboolean
hw_backup_check_file (const char  *backup,
                      gint64      *n_families,
                      GError     **error)
{
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *copy = NULL;

  g_return_val_if_fail (backup != NULL, FALSE);

  if (!ensure_folder (folder, error))
    return FALSE;
  copy = checked_copy (backup, folder, n_families, error);
  if (copy == NULL)
    return FALSE;
  hw_backup_remove_files (copy);
  return TRUE;
}

/* Restoring --------------------------------------------------------------- */

static void
announce_restored (HwStore *store)
{
  const char * const *tables = hw_schema_get_user_tables ();

  g_object_freeze_notify (G_OBJECT (store));
  g_object_notify (G_OBJECT (store), "can-undo");
  g_object_notify (G_OBJECT (store), "can-redo");
  for (guint i = 0; tables[i] != NULL; i++)
    g_signal_emit_by_name (store, "changed", tables[i]);
  g_object_thaw_notify (G_OBJECT (store));
}

/* Writes the checked copy @copy into @store. */
static gboolean
restore_copy_into_store (HwStore     *store,
                         const char  *copy,
                         const char  *backup,
                         GError     **error)
{
  sqlite3 *db = hw_store_get_db (store);
  g_autofree char *what = g_strdup_printf (_("The backup “%s” could not be restored"), backup);
  g_autofree char *check = NULL;
  sqlite3 *src = NULL;
  int rc;

  rc = sqlite3_open_v2 (copy, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, src, rc, what);
      sqlite3_close (src);
      return FALSE;
    }
  if (!copy_pages (db, src, NULL, what, error))
    {
      sqlite3_close (src);
      g_prefix_error (error, "%s ", _("Nothing was changed."));
      return FALSE;
    }
  sqlite3_close (src);

  check = hw_sql_query_text (db, "PRAGMA quick_check");
  if (g_strcmp0 (check, "ok") != 0)
    {
      /* should never happen: the copy passed the same check */
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT,
                   _("%s: the database does not pass its check after the restore (%s). "
                     "What was there before is in the backups."), what, check ? check : "?");
      announce_restored (store);
      return FALSE;
    }

  hw_store_note_checked (store, g_get_real_time () / G_USEC_PER_SEC);
  announce_restored (store);
  return TRUE;
}

gboolean
hw_backup_restore_into_store (HwStore     *store,
                              const char  *backup,
                              char       **saved_as,
                              GError     **error)
{
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *copy = NULL;
  g_autofree char *saved = NULL;
  gboolean ok;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (saved_as != NULL)
    *saved_as = NULL;
  if (refuse_server (store, error))
    return FALSE;
  if (hw_store_in_edit (store))
    {
      g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_IN_EDIT,
                   _("A change is being saved; try the restore again in a moment."));
      return FALSE;
    }
  if (!ensure_folder (folder, error))
    return FALSE;

  copy = checked_copy (backup, folder, NULL, error);
  if (copy == NULL)
    return FALSE;

  saved = make_automatic (store, HW_BACKUP_KIND_BEFORE_RESTORE, NULL, NULL, error);
  if (saved == NULL)
    {
      g_prefix_error (error, "%s ", _("Nothing was restored, because what is in Homeward now could not be saved first:"));
      hw_backup_remove_files (copy);
      return FALSE;
    }

  ok = restore_copy_into_store (store, copy, backup, error);
  hw_backup_remove_files (copy);
  if (ok && saved_as != NULL)
    *saved_as = g_steal_pointer (&saved);
  return ok;
}

/* Whether a process other than this one holds a lock on @path's bytes
 * [@start, @start + @len): sqlite's locks on the database file and on its
 * -shm file. */
static gboolean
locked_by_other (const char *path,
                 off_t       start,
                 off_t       len)
{
  struct flock fl = { 0 };
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean locked = FALSE;

  if (fd < 0)
    return FALSE;
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = start;
  fl.l_len = len;
  if (fcntl (fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
    locked = TRUE;
  /* this process holds no sqlite lock on this file (hw_store_open failed
   * on it), so closing it drops none */
  close (fd);
  return locked;
}

/* For a database too damaged to open: keep its bytes among the backups,
 * then put the checked copy in its place by a rename. */
static gboolean
replace_damaged (const char  *database,
                 const char  *copy,
                 char       **saved_as,
                 GError     **error)
{
  g_autofree char *folder = hw_backup_get_folder ();
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (database);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *saved = NULL;

  /* sqlite's lock bytes: the pending/reserved/shared bytes at 1 GiB in the
   * database file, and the WAL locks at 120..127 in the -shm file */
  if (locked_by_other (database, 0x40000000, 512 + 2) ||
      (g_file_test (shm, G_FILE_TEST_EXISTS) && locked_by_other (shm, 120, 9)))
    {
      g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_IN_USE,
                   _("The database “%s” is open in another program (Homeward?). Close it, then restore again. Nothing was changed."),
                   database);
      return FALSE;
    }

  if (!ensure_folder (folder, error))
    return FALSE;
  saved = automatic_name (database, HW_BACKUP_KIND_BEFORE_RESTORE, now);
  if (!copy_file_private (database, saved, error))
    {
      g_prefix_error (error, "%s ", _("Nothing was restored, because what is there now could not be saved first:"));
      return FALSE;
    }
  if (g_file_test (wal, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *saved_wal = g_strconcat (saved, "-wal", NULL);

      if (!copy_file_private (wal, saved_wal, error))
        {
          g_unlink (saved);
          g_prefix_error (error, "%s ", _("Nothing was restored, because what is there now could not be saved first:"));
          return FALSE;
        }
    }

  if (!fsync_path (copy, FALSE, error))
    return FALSE;
  /* no process has the old file open: its -wal and -shm belong to it and
   * must not be read with the restored file */
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (copy, database) != 0)
    {
      set_errno_error (error, errno, _("Could not put the restored database in place as “%s”"), database);
      return FALSE;
    }
  if (!fsync_path (dir, TRUE, error))
    return FALSE;
  if (saved_as != NULL)
    *saved_as = g_steal_pointer (&saved);
  return TRUE;
}

/* No database yet: the checked copy becomes it, without ever replacing a
 * file that appeared meanwhile. */
static gboolean
put_new (const char  *database,
         const char  *copy,
         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (database);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      /* sqlite would read that -wal as part of the restored file */
      g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_EXISTS,
                   _("“%s” is left over from a database that is gone. Move it away, then restore again. Nothing was changed."),
                   wal);
      return FALSE;
    }
  if (!fsync_path (copy, FALSE, error))
    return FALSE;
  if (link (copy, database) == 0)
    g_unlink (copy);
  else if (errno == EEXIST)
    {
      g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_EXISTS,
                   _("“%s” already exists. Nothing was changed."), database);
      return FALSE;
    }
  else if (g_rename (copy, database) != 0)   /* a file system without links */
    {
      set_errno_error (error, errno, _("Could not put the restored database in place as “%s”"), database);
      return FALSE;
    }
  return fsync_path (dir, TRUE, error);
}

gboolean
hw_backup_restore (const char  *backup,
                   const char  *database,
                   gboolean     force,
                   char       **saved_as,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GError) open_error = NULL;
  gboolean ok;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (database != NULL, FALSE);

  if (saved_as != NULL)
    *saved_as = NULL;

  /* never a folder "postgresql:" (a server is restored with pg_restore) */
  if (hw_store_is_address (database))
    {
      g_autofree char *shown = hw_db_redact_uri (database);

      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("%s is the address of a database server: a backup file cannot be "
                     "restored into it (the server's own backups are restored with "
                     "pg_restore). Nothing was changed."), shown);
      return FALSE;
    }

  dir = g_path_get_dirname (database);
  if (!ensure_folder (dir, error))
    return FALSE;

  /* next to the database, so that it can be renamed into place */
  copy = checked_copy (backup, dir, NULL, error);
  if (copy == NULL)
    return FALSE;

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      ok = put_new (database, copy, error);
      hw_backup_remove_files (copy);
      return ok;
    }

  if (!force)
    {
      hw_backup_remove_files (copy);
      g_set_error (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_EXISTS,
                   _("The database “%s” already exists, so it was not replaced. Nothing was changed."),
                   database);
      return FALSE;
    }

  store = hw_store_open (database, &open_error);
  if (store != NULL)
    {
      /* through sqlite, under its locks: a program that has the database
       * open keeps working and sees the restored data */
      ok = hw_backup_restore_into_store (store, copy, saved_as, error);
      if (!ok && error != NULL && *error != NULL)
        {
          g_autoptr(GString) message = g_string_new ((*error)->message);

          g_string_replace (message, copy, backup, 0);
          g_free ((*error)->message);
          (*error)->message = g_string_free (g_steal_pointer (&message), FALSE);
        }
    }
  else if (g_error_matches (open_error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT) ||
           g_error_matches (open_error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD) ||
           g_error_matches (open_error, HW_STORE_ERROR, HW_STORE_ERROR_TOO_NEW))
    ok = replace_damaged (database, copy, saved_as, error);
  else
    {
      g_propagate_error (error, g_steal_pointer (&open_error));
      ok = FALSE;
    }

  hw_backup_remove_files (copy);
  return ok;
}

/* Forgetting a case ------------------------------------------------------- */

/* Removes the case from one backup, on a copy renamed over it. Returns 1
 * when the case was in it, 0 when not, -1 on error. */
static int
forget_in (const char  *path,
           gint64       case_id,
           const char  *family_name,
           const char  *case_number,
           const char  *created,
           GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *what = g_strdup_printf (_("The backup “%s” could not be changed"), path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id, version;
  int rc, found;

  hw_backup_remove_files (tmp);
  if (!copy_file_private (path, tmp, error))
    return -1;

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_fail;
  sqlite3_extended_result_codes (db, 1);
  app_id = hw_sql_query_int (db, -1, "PRAGMA application_id");
  version = hw_sql_query_int (db, -1, "PRAGMA user_version");
  if (app_id != HW_SCHEMA_APPLICATION_ID)
    {
      /* not ours to change */
      sqlite3_close (db);
      hw_backup_remove_files (tmp);
      return 0;
    }
  rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON; BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_fail;
  rc = sqlite3_prepare_v2 (db, "DELETE FROM cases WHERE id = ? AND family_name = ? AND case_number = ? AND created = ?",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, family_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, case_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, created, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto sqlite_fail;
  found = sqlite3_changes (db) > 0;
  if (!found)
    {
      sqlite3_close (db);
      hw_backup_remove_files (tmp);
      return 0;
    }
  /* the undo statements may hold the family's names and notes */
  rc = sqlite3_exec (db, "DELETE FROM hw_undo_log; DELETE FROM hw_history; COMMIT; VACUUM;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_fail;
  if (!check_copy (db, app_id, version, what, NULL, error))
    goto fail;
  sqlite3_close (db);
  db = NULL;
  if (!fsync_path (tmp, FALSE, error))
    goto fail;
  if (g_rename (tmp, path) != 0)
    {
      set_errno_error (error, errno, _("Could not put the changed backup in place as “%s”"), path);
      goto fail;
    }
  if (!fsync_path (dir, TRUE, error))
    return -1;
  return 1;

sqlite_fail:
  hw_store_set_sqlite_error (error, db, rc, what);
fail:
  sqlite3_close (db);
  hw_backup_remove_files (tmp);
  return -1;
}

int
hw_backup_forget_case (const char  *database,
                       gint64       case_id,
                       const char  *family_name,
                       const char  *case_number,
                       const char  *created,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) first_error = NULL;
  int changed = 0;

  g_return_val_if_fail (database != NULL, -1);
  g_return_val_if_fail (family_name != NULL && case_number != NULL && created != NULL, -1);

  list = list_backups (database, FALSE, error);
  if (list == NULL)
    return -1;
  /* one backup that cannot be changed does not keep the case in others */
  for (guint i = 0; i < list->len; i++)
    {
      HwBackupInfo *info = g_ptr_array_index (list, i);
      g_autoptr(GError) local_error = NULL;
      int n = forget_in (info->path, case_id, family_name, case_number, created, &local_error);

      if (n < 0 && first_error == NULL)
        first_error = g_steal_pointer (&local_error);
      else if (n > 0)
        changed += n;
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return -1;
    }
  return changed;
}
