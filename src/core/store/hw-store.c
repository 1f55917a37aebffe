/* hw-store.c: the one owner of the Homeward database.
 *
 * Undo works on the database itself, with the technique described in
 * sqlite's "Automatic Undo/Redo Using SQLite": temporary triggers on every
 * user table write, for each change, the SQL statement that reverses it
 * into hw_undo_log. An edit's statements form one step in hw_history.
 * Undoing runs a step's statements newest first; doing so fires the
 * triggers again, which yields exactly the statements of the redo step.
 * The journal lives in the database, so undo survives a restart, and
 * references are DEFERRABLE so steps may re-create rows in any order.
 *
 * The same store runs on a PostgreSQL server (hw_store_open() given a
 * postgresql:// address): there the journal is written by one plpgsql
 * function (hw-schema-pg.c), the rows an edit changed are read back from
 * its journal instead of sqlite's update hook, and each helper's write
 * runs in a savepoint. See "The store on PostgreSQL" in
 * docs/agency-server.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hw-db.h"
#include "hw-export.h"
#include "hw-history.h"
#include "hw-schema.h"
#include "hw-schema-pg.h"
#include "hw-sql.h"
#include "hw-sqlite-vfs.h"
#include "hw-store-private.h"
#include "hw-store.h"

typedef struct {
  char   *table;
  gint64  row;
  int     op;    /* SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE */
} HwChange;

struct _HwStore
{
  GObject    parent_instance;
  /* sqlite only: the file's own handle, for what only sqlite has (the
   * checks at open, the update hook, the undo journal, backups) */
  sqlite3   *db;
  /* the same connection as an HwDb: the edits, the audit trail and the
   * helpers the areas call go through it, so that they can run on
   * PostgreSQL too (docs/agency-server.md, "Porting plan") */
  HwDb      *conn;
  char      *path;
  char      *author;
  char      *role;           /* PostgreSQL: session_user, the default author */
  char      *edit_label;
  gint64     edit_first_seq;
  GArray    *changes;        /* HwChange, collected by the update hook */
  gint64     data_version;   /* PRAGMA data_version when last looked at */
  GMutex     check_lock;     /* checked_at and damaged: backups run in threads */
  gint64     checked_at;     /* unix seconds of the last full check of the content */
  char      *damaged;        /* why the content is no longer trusted, or NULL */
  /* PostgreSQL only: the newest hw_audit and hw_history ids this store
   * has seen, for hw_store_refresh(); mark_ok: no other program had
   * written when the open edit began */
  gint64     mark_audit;
  gint64     mark_history;
  /* PostgreSQL only: a second connection of its own that LISTENs on
   * HW_SCHEMA_PG_CHANNEL, watched by listen_source; NULL when it could
   * not be opened or was lost (hw_store_refresh() polls the marks then).
   * remote: the tables (and "hw_settings") other programs changed,
   * not yet announced; own_pid: the server process of self->conn, whose
   * notifications are this store's own edits */
  HwDb      *listen;
  GSource   *listen_source;
  int        own_pid;
  GPtrArray *remote;
  /* to listen again after a loss: the address (a password stays in
   * hw-db-pg.c), the main context of the open, and when to try next
   * (monotonic µs; hw_store_refresh() tries) */
  char         *listen_uri;
  GMainContext *listen_context;
  gint64        listen_retry_at;
  /* PostgreSQL: whether homeward_sequence_past() is there for the
   * signed-in role: -1 not asked yet in the open edit */
  int        sequence_past;
  guint      in_edit : 1;
  guint      checked_on_open : 1;
  guint      server : 1;         /* PostgreSQL: self->db is NULL */
  guint      mark_ok : 1;
};

G_DEFINE_FINAL_TYPE (HwStore, hw_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (hw-store-error-quark, hw_store_error)

/* HOMEWARD_SLOW_SQL_MS=N: every statement that took more than N ms is
 * written to standard error, without its values (they are families'
 * details), to find what grows with an agency's database (issue 18). */
static int
slow_statement_cb (unsigned int  type,
                   void         *user_data,
                   void         *statement,
                   void         *nanoseconds)
{
  double ms = *(sqlite3_int64 *) nanoseconds / 1e6;

  if (ms > GPOINTER_TO_UINT (user_data))
    g_printerr ("homeward: %.1f ms: %s\n", ms, sqlite3_sql (statement));
  return 0;
}

static void
trace_slow_statements (sqlite3 *db)
{
  const char *limit = g_getenv ("HOMEWARD_SLOW_SQL_MS");

  if (limit != NULL && *limit != '\0')
    sqlite3_trace_v2 (db, SQLITE_TRACE_PROFILE, slow_statement_cb,
                      GUINT_TO_POINTER ((guint) g_ascii_strtoull (limit, NULL, 10)));
}

static void
hw_change_clear (gpointer data)
{
  HwChange *change = data;
  g_free (change->table);
}

void
hw_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *what)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = HW_STORE_ERROR_INVALID;
      message = _("This change would break a rule of the data");
      break;
    case SQLITE_FULL:
      code = HW_STORE_ERROR_FULL;
      message = _("The disk is full, so nothing was saved. Free some space and try again");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = HW_STORE_ERROR_READ_ONLY;
      message = _("The database cannot be written to (it is read-only)");
      break;
    case SQLITE_CORRUPT:
      code = HW_STORE_ERROR_CORRUPT;
      message = _("The database is damaged");
      break;
    case SQLITE_NOTADB:
      code = HW_STORE_ERROR_NOT_HOMEWARD;
      message = _("This file is not a Homeward database");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = HW_STORE_ERROR_BUSY;
      message = _("The database is in use by another program");
      break;
    default:
      code = HW_STORE_ERROR_IO;
      message = _("The database could not be read or written");
      break;
    }

  g_set_error (error, HW_STORE_ERROR, code, "%s%s%s (%s)",
               what ? what : "", what ? ": " : "", message, detail);
}

/* Table and column names are put into SQL text, so only plain identifiers
 * are accepted. */
static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return !g_ascii_isdigit (*name);
}

static gboolean
is_user_table (const char *table)
{
  return table != NULL && g_strv_contains (hw_schema_get_user_tables (), table);
}

/* sqlite only: which rows an edit changed, for the audit trail and
 * ::changed (PostgreSQL will need RETURNING or triggers instead) */
static void
update_hook_cb (void          *user_data,
                int            op,
                const char    *database,
                const char    *table,
                sqlite3_int64  row)
{
  HwStore *self = user_data;
  HwChange change;

  g_assert (HW_IS_STORE (self));

  if (g_str_has_prefix (table, "hw_") || g_strcmp0 (database, "main") != 0)
    return;

  if (!self->in_edit)
    {
      /* A write outside an edit would escape undo and the audit trail. */
      g_critical ("Table %s changed outside an edit; use hw_store_begin_edit()", table);
      return;
    }

  change.table = g_strdup (table);
  change.row = row;
  change.op = op;
  g_array_append_val (self->changes, change);
}

/* Undo triggers ----------------------------------------------------------- */

/* sqlite only: the undo journal's temporary triggers */

static gboolean
create_undo_triggers (sqlite3  *db,
                      GError  **error)
{
  const char * const *tables = hw_schema_get_user_tables ();

  for (guint t = 0; tables[t]; t++)
    {
      const char *table = tables[t];
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) set = g_string_new (NULL);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autofree char *info_sql = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      info_sql = g_strdup_printf ("PRAGMA main.table_info(%s)", table);
      if (sqlite3_prepare_v2 (db, info_sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          hw_store_set_sqlite_error (error, db, sqlite3_errcode (db), NULL);
          return FALSE;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);

      for (guint i = 0; i < columns->len; i++)
        {
          const char *col = g_ptr_array_index (columns, i);

          g_string_append_printf (names, "%s%s", i ? "," : "", col);
          g_string_append_printf (values, "%s'||quote(old.%s)||'", i ? "," : "", col);
          /* undoing an update is a change too: the version moves on,
           * never back, so that an editor holding the version before the
           * undo cannot save over it */
          if (g_strcmp0 (col, "version") == 0)
            g_string_append_printf (set, "%sversion=version+1", set->len ? "," : "");
          else if (g_strcmp0 (col, "id") != 0)
            g_string_append_printf (set, "%s%s='||quote(old.%s)||'", set->len ? "," : "", col, col);
        }

      sql = g_strdup_printf (
        "DROP TRIGGER IF EXISTS temp.hw_undo_%1$s_insert;"
        "DROP TRIGGER IF EXISTS temp.hw_undo_%1$s_update;"
        "DROP TRIGGER IF EXISTS temp.hw_undo_%1$s_delete;"
        "CREATE TEMP TRIGGER hw_undo_%1$s_insert AFTER INSERT ON main.%1$s BEGIN "
        "  INSERT INTO hw_undo_log(sql, tbl, row_id) VALUES('DELETE FROM %1$s WHERE id='||new.id,"
        "    '%1$s', new.id); "
        "END;"
        "CREATE TEMP TRIGGER hw_undo_%1$s_update AFTER UPDATE ON main.%1$s BEGIN "
        "  INSERT INTO hw_undo_log(sql, tbl, row_id, old_version)"
        "    VALUES('UPDATE %1$s SET %2$s WHERE id='||old.id, '%1$s', old.id, old.version); "
        "END;"
        "CREATE TEMP TRIGGER hw_undo_%1$s_delete BEFORE DELETE ON main.%1$s BEGIN "
        "  INSERT INTO hw_undo_log(sql, tbl, row_id, old_version)"
        "    VALUES('INSERT INTO %1$s(%3$s) VALUES(%4$s)', '%1$s', old.id, old.version); "
        "END;",
        table, set->str, names->str, values->str);

      if (!hw_sql_exec (db, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* Opening ----------------------------------------------------------------- */

static const char *vfs_for_testing = NULL;

void
hw_store_use_vfs_for_testing (const char *vfs)
{
  vfs_for_testing = vfs;
}

/* Every connection of the store locks the file with locks that no other
 * open() and close() of the file in this process can drop: see
 * hw-sqlite-vfs.h and docs/locking.md. */
static const char *
vfs_name (void)
{
  return vfs_for_testing ? vfs_for_testing : hw_sqlite_vfs_name ();
}

static gboolean
read_header (const char  *path,
             char         header[16],
             gsize       *size,
             GError     **error)
{
  struct stat st;
  int fd;
  gssize n;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD,
                   _("“%s” is not a file"), path);
      return FALSE;
    }

  *size = st.st_size;
  memset (header, 0, 16);
  if (st.st_size == 0)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, HW_STORE_ERROR,
                   saved == EACCES ? HW_STORE_ERROR_READ_ONLY : HW_STORE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, 16);
  close (fd);
  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD,
                   _("“%s” is not a Homeward database. It was left as it is."), path);
      return FALSE;
    }
  return TRUE;
}

/* Looks at an existing file through a read-only connection, so that a file
 * we refuse is never written to. */
/* sqlite only: the file's header and PRAGMA quick_check */
static gboolean
check_existing (const char  *path,
                gboolean     full_check,
                GError     **error)
{
  sqlite3 *db = NULL;
  gint64 app_id, version, n_objects;
  g_autofree char *check = NULL;
  g_autofree char *wal = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* Without a -wal file beside it, the file alone is the whole database:
   * open it as immutable, so that sqlite creates no -wal or -shm files
   * next to a file we may refuse. With one (left by a crash), read it
   * normally so that the committed changes in it are seen. */
  wal = g_strconcat (path, "-wal", NULL);
  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *uri = hw_sql_immutable_uri (path);

      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, vfs_name ());
    }
  else
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, vfs_name ());
  if (rc != SQLITE_OK)
    {
      int kind = (rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY ||
                 (rc & 0xff) == SQLITE_PERM ? HW_STORE_ERROR_READ_ONLY : HW_STORE_ERROR_IO;
      g_set_error (error, HW_STORE_ERROR, kind,
                   _("Cannot open “%s”: %s"), path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }

  /* Another program may be writing, or rebuilding the -wal index after a
   * crash: wait for it as the store's own connection does. */
  sqlite3_busy_timeout (db, 5000);

  /* Reading the schema is where a damaged or foreign file shows itself. */
  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  n_objects = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_finalize (stmt);
  if (n_objects < 0)
    {
      int ext = sqlite3_extended_errcode (db);
      /* e.g. a -wal left by a crash in a folder we may not write to: the
       * file is fine, we just cannot open it here */
      if ((ext & 0xff) == SQLITE_CANTOPEN || (ext & 0xff) == SQLITE_READONLY || (ext & 0xff) == SQLITE_PERM)
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_READ_ONLY,
                     _("The database “%s” cannot be opened here because its folder or its files are read-only (%s). It was left as it is."),
                     path, sqlite3_errmsg (db));
      else if ((ext & 0xff) == SQLITE_BUSY || (ext & 0xff) == SQLITE_LOCKED)
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY,
                     _("The database “%s” is busy: another program has kept it locked for a while. Nothing was changed; try again in a moment."),
                     path);
      else if ((ext & 0xff) == SQLITE_NOTADB)
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD,
                     _("“%s” is not a Homeward database. It was left as it is."), path);
      else
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged (%s). It was left as it is: restore it from a backup."),
                     path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  app_id = hw_sql_query_int (db, -1, "PRAGMA application_id");
  version = hw_sql_query_int (db, -1, "PRAGMA user_version");

  if (app_id != HW_SCHEMA_APPLICATION_ID && !(app_id == 0 && n_objects == 0 && version == 0))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_HOMEWARD,
                   _("“%s” is a database of another program, not of Homeward. It was left as it is."),
                   path);
      sqlite3_close (db);
      return FALSE;
    }

  if (version > (gint64) hw_schema_get_version ())
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Homeward (data version %d; this version reads up to %u). Update Homeward to open it. It was left as it is."),
                   path, (int) version, hw_schema_get_version ());
      sqlite3_close (db);
      return FALSE;
    }

  /* Every page of the file: the time this takes grows with the file, so
   * it is skipped when the file is the one we closed after a check (see
   * "The check stamp" above). */
  if (!full_check)
    {
      sqlite3_close (db);
      return TRUE;
    }
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). It was left as it is: restore it from a backup."),
                   path, check ? check : sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);
  return TRUE;
}

/* The check stamp ---------------------------------------------------------
 *
 * `PRAGMA quick_check` reads every page, so at an agency's size it made
 * every start (of the window and of each command) take longer the bigger
 * the file. It is skipped only when the file is, provably enough, the one
 * this program closed cleanly after its content was last checked:
 *
 * - when a store is closed cleanly (the last connection gone, no -wal
 *   left), a small key file in $XDG_STATE_HOME/homeward/checked/ records
 *   the file's device, inode, size, mtime and ctime, and when its content
 *   was last fully checked: by the check at open, or by the check every
 *   backup gets (hw-backup.c: the close backup and the day's backup are
 *   page-for-page copies that must pass quick_check);
 * - opening skips the check only if that record matches the file exactly,
 *   there is no -wal or -journal beside it, and the last full check is
 *   less than a day old. Any write to the file by anything changes its
 *   ctime (which no program can set back), so a file written, copied over
 *   or restored since is checked. A stamp taken in the same clock tick as
 *   the file's last write could miss a write in that tick, so the close
 *   waits until the tick is over before taking it, and filesystems with
 *   whole-second times are always checked;
 * - the record is removed as soon as the store opens the file for
 *   writing: it exists only while the file is closed, so a crash leaves
 *   none and the next start checks.
 *
 * What this gives up: damage to the disk's copy of a file nobody wrote
 * (bit rot) may be found by the next daily check instead of the next
 * start; sqlite still refuses the damaged pages it reads. When a backup's
 * check finds damage the store refuses every edit from then on
 * (hw_store_mark_damaged()) and the next start checks.
 */

#define CHECK_MAX_AGE   (24 * 3600)          /* seconds: a full check at least daily */
#define STAMP_SETTLE_US (50 * 1000)          /* longer than a kernel clock tick */

static char *
stamp_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *real = realpath (absolute, NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real ? real : absolute, -1);
  g_autofree char *name = g_strconcat (sum, ".stamp", NULL);

  return g_build_filename (g_get_user_state_dir (), "homeward", "checked", name, NULL);
}

static gint64
timespec_us (const struct timespec *ts)
{
  return (gint64) ts->tv_sec * G_USEC_PER_SEC + ts->tv_nsec / 1000;
}

static gboolean
has_companion (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-journal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *other = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (other, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static char *
describe_file (const struct stat *st)
{
  return g_strdup_printf ("%ju %ju %jd %jd.%09ld %jd.%09ld",
                          (uintmax_t) st->st_dev, (uintmax_t) st->st_ino, (intmax_t) st->st_size,
                          (intmax_t) st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
                          (intmax_t) st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
}

/* When the content of @path was last fully checked, if the stamp says the
 * file has not changed since we closed it; 0 if it must be checked now. */
static gint64
stamp_checked_at (const char *path)
{
  g_autofree char *stamp = stamp_path (path);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *file = NULL;
  g_autofree char *recorded = NULL;
  struct stat st;
  gint64 checked_at, stamped_at, now;

  if (has_companion (path) || stat (path, &st) != 0 ||
      !g_key_file_load_from_file (keys, stamp, G_KEY_FILE_NONE, NULL))
    return 0;
  /* whole-second times (FAT, some network shares): a write in the same
   * second as ours would not show */
  if (st.st_mtim.tv_nsec == 0 && st.st_ctim.tv_nsec == 0)
    return 0;
  file = describe_file (&st);
  recorded = g_key_file_get_string (keys, "stamp", "file", NULL);
  checked_at = g_key_file_get_int64 (keys, "stamp", "checked-at", NULL);
  stamped_at = g_key_file_get_int64 (keys, "stamp", "stamped-at", NULL);
  now = g_get_real_time () / G_USEC_PER_SEC;
  if (g_strcmp0 (file, recorded) != 0 ||
      stamped_at - MAX (timespec_us (&st.st_ctim), timespec_us (&st.st_mtim)) < STAMP_SETTLE_US ||
      checked_at <= 0 || checked_at > now + 60 || now - checked_at >= CHECK_MAX_AGE)
    return 0;
  return checked_at;
}

static void
forget_stamp (const char *path)
{
  g_autofree char *stamp = stamp_path (path);

  if (g_unlink (stamp) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", stamp, g_strerror (errno));
}

/* After the store's connection is closed: see "The check stamp". */
static void
write_stamp (const char *path,
             gint64      checked_at)
{
  g_autofree char *stamp = stamp_path (path);
  g_autofree char *dir = g_path_get_dirname (stamp);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  struct stat st;
  gint64 last_write, wait;

  if (checked_at <= 0 || has_companion (path) || stat (path, &st) != 0)
    return;
  /* let the clock tick of our last write pass: any later write then
   * gives the file another ctime */
  last_write = MAX (timespec_us (&st.st_ctim), timespec_us (&st.st_mtim));
  wait = last_write + STAMP_SETTLE_US - g_get_real_time ();
  if (wait > 0)
    g_usleep (MIN (wait, STAMP_SETTLE_US));
  if (stat (path, &st) != 0)
    return;

  file = describe_file (&st);
  g_key_file_set_string (keys, "stamp", "file", file);
  g_key_file_set_int64 (keys, "stamp", "stamped-at", g_get_real_time ());
  g_key_file_set_int64 (keys, "stamp", "checked-at", checked_at);
  text = g_key_file_to_data (keys, NULL, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Could not create %s: %s", dir, g_strerror (errno));
      return;
    }
  if (!g_file_set_contents_full (stamp, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("Could not record the check of %s: %s", path, error->message);
}

gboolean
hw_store_checked_on_open_for_testing (HwStore *self)
{
  return self->checked_on_open;
}

char *
hw_store_stamp_path_for_testing (const char *path)
{
  return stamp_path (path);
}

void
hw_store_note_checked (HwStore *self,
                       gint64   when)
{
  g_return_if_fail (HW_IS_STORE (self));

  g_mutex_lock (&self->check_lock);
  self->checked_at = MAX (self->checked_at, when);
  g_mutex_unlock (&self->check_lock);
}

void
hw_store_mark_damaged (HwStore    *self,
                       const char *reason)
{
  g_return_if_fail (HW_IS_STORE (self));

  g_mutex_lock (&self->check_lock);
  if (self->damaged == NULL)
    self->damaged = g_strdup (reason ? reason : "?");
  self->checked_at = 0;
  g_mutex_unlock (&self->check_lock);
  /* every write fails from now on, edits with hw_store_begin_edit()'s
   * message; the connection is serialized, so any thread may do this.
   * sqlite only: PRAGMA query_only (and HwDb is not thread-safe) */
  if (self->db != NULL)
    sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  g_warning ("%s may be damaged (%s): no more changes are saved to it", self->path, reason);
}

gboolean
hw_store_is_damaged (HwStore *self)
{
  gboolean ret;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  g_mutex_lock (&self->check_lock);
  ret = self->damaged != NULL;
  g_mutex_unlock (&self->check_lock);
  return ret;
}

gint64
hw_store_get_checked_at (HwStore *self)
{
  gint64 ret;

  g_return_val_if_fail (HW_IS_STORE (self), 0);

  g_mutex_lock (&self->check_lock);
  ret = self->checked_at;
  g_mutex_unlock (&self->check_lock);
  return ret;
}

static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is read-only, so changes could not be saved. It was left as it is."),
                   path);
      return FALSE;
    }
  /* sqlite writes its journal files next to the database. */
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” is read-only, so changes to the database “%s” could not be saved. It was left as it is."),
                   dir, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, HW_STORE_ERROR,
                   saved == EACCES || saved == EROFS ? HW_STORE_ERROR_READ_ONLY : HW_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, HW_STORE_ERROR,
                   saved == EACCES || saved == EROFS ? HW_STORE_ERROR_READ_ONLY : HW_STORE_ERROR_IO,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* sqlite only: PRAGMA user_version (the server's schema is
 * hw-schema-pg.c's) */
static gboolean
migrate (HwStore  *self,
         GError  **error)
{
  guint n_migrations;
  const char * const *migrations = hw_schema_get_migrations (&n_migrations);
  gint64 version = hw_sql_query_int (self->db, 0, "PRAGMA user_version");
  g_autofree char *set_version = NULL;

  g_assert (HW_IS_STORE (self));

  if (version == (gint64) n_migrations)
    return TRUE;

  if (!hw_sql_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = version; i < n_migrations; i++)
    {
      if (!hw_sql_exec (self->db, migrations[i], error))
        {
          g_prefix_error (error, _("Could not upgrade the database to data version %u: "), i + 1);
          hw_sql_exec (self->db, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                 HW_SCHEMA_APPLICATION_ID, n_migrations);
  if (!hw_sql_exec (self->db, set_version, error) ||
      !hw_sql_exec (self->db, "COMMIT", error))
    {
      hw_sql_exec (self->db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

char *
hw_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "homeward", "homeward.db", NULL);
}

/**
 * hw_store_is_address:
 *
 * Returns: TRUE if @name is a database server's address
 *   ("postgresql://host/db", "postgres:///db", any "scheme://…"), not a file
 */
gboolean
hw_store_is_address (const char *name)
{
  const char *p = name;

  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strncasecmp (name, "postgresql:", 11) == 0 ||
      g_ascii_strncasecmp (name, "postgres:", 9) == 0)
    return TRUE;
  /* RFC 3986 scheme, then "://" */
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  return g_str_has_prefix (p, "://");
}

/* "postgresql://…" or "postgres://…", any case */
static gboolean
is_postgresql_address (const char *name)
{
  return g_ascii_strncasecmp (name, "postgresql://", 13) == 0 ||
         g_ascii_strncasecmp (name, "postgres://", 11) == 0;
}

static gint64 db_query_int (HwDb *db, gint64 fallback, const char *sql);
static gboolean stamp_versions (HwStore *self, gint64 first, gint64 last, GError **error);
static void read_mark (HwStore *self, gint64 *audit, gint64 *history);

/* PostgreSQL: whether the function @signature (as to_regprocedure() takes
 * it) is there and the signed-in role may run it (tools/pg-roles.sql's) */
static gboolean
has_function (HwStore    *self,
              const char *signature)
{
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (self->conn,
                                            "SELECT CASE WHEN p IS NOT NULL AND has_function_privilege(p::oid, 'EXECUTE')"
                                            " THEN 1 ELSE 0 END"
                                            " FROM (SELECT to_regprocedure(CAST(? AS TEXT)) AS p) AS f", NULL);

  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_text (stmt, 1, signature);
  return hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW && hw_db_stmt_column_int64 (stmt, 0) == 1;
}

/* Another program's changes on PostgreSQL: LISTEN/NOTIFY --------------- */

static void
stop_listening (HwStore *self)
{
  if (self->listen_source != NULL)
    {
      g_source_destroy (self->listen_source);
      g_clear_pointer (&self->listen_source, g_source_unref);
    }
  g_clear_pointer (&self->listen, hw_db_close);
}

/* the table a notification names (hw-schema-pg.c's hw_notify_change()) */
static char *
payload_table (const char *payload)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, payload, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "table"))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (object, "table", NULL));
}

/* Takes what the listening connection received into self->remote.
 * FALSE when the connection is lost: then it is closed, said once, and
 * hw_store_refresh() polls again as before LISTEN/NOTIFY. */
static gboolean
read_remote (HwStore  *self,
             gboolean  sync)
{
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  if (self->listen == NULL)
    return FALSE;
  ok = hw_db_pg_read_notifies (self->listen, sync, self->own_pid, payloads);
  for (guint i = 0; i < payloads->len; i++)
    {
      char *table = payload_table (g_ptr_array_index (payloads, i));

      if (table == NULL ||
          g_ptr_array_find_with_equal_func (self->remote, table, g_str_equal, NULL))
        g_free (table);
      else
        g_ptr_array_add (self->remote, table);
    }
  if (!ok)
    {
      g_warning ("The connection that hears other people's changes to %s was lost; "
                 "connecting it again", self->path);
      stop_listening (self);
      /* hw_store_refresh() (the app's every second) listens again */
      self->listen_retry_at = 0;
      /* what was missed meanwhile is not known: the next refresh
       * announces everything once */
      self->mark_audit = -1;
    }
  return ok;
}

/* Emits ::changed for the tables other programs changed (see
 * hw_store_refresh()); a setting is announced as the table "hw_settings".
 * Nothing inside an edit: its commit or rollback announces them. */
static gboolean
announce_remote (HwStore *self)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (self->in_edit || self->remote == NULL || self->remote->len == 0)
    return FALSE;
  tables = g_steal_pointer (&self->remote);
  self->remote = g_ptr_array_new_with_free_func (g_free);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  for (guint i = 0; i < tables->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, (const char *) g_ptr_array_index (tables, i));
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

static gboolean
listen_ready_cb (int           fd,
                 GIOCondition  condition,
                 gpointer      data)
{
  HwStore *self = data;
  gboolean ok;

  g_object_ref (self);
  ok = read_remote (self, FALSE);
  if (!ok)
    {
      /* read_remote() destroyed this source: announce what may be missed */
      hw_store_refresh (self);
    }
  else
    announce_remote (self);
  g_object_unref (self);
  return ok ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* How long after a failed attempt to listen the next one is made: an
 * unreachable server may take its connect_timeout each time. */
#define LISTEN_RETRY_USEC (10 * G_USEC_PER_SEC)

/* A second connection (the store's own is often inside a transaction,
 * and libpq would read the notifications there, unseen by the socket's
 * watch): LISTEN, and a watch on its socket in the main context of the
 * open. Failing (said when @quiet is FALSE), hw_store_refresh() polls
 * and tries again. */
static gboolean
start_listening (HwStore  *self,
                 gboolean  quiet)
{
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert (self->listen == NULL);

  self->own_pid = hw_db_pg_get_backend_pid (self->conn);
  self->listen = hw_db_pg_open (self->listen_uri, &error);
  if (self->listen == NULL ||
      !hw_db_exec (self->listen, "LISTEN " HW_SCHEMA_PG_CHANNEL, &error) ||
      (fd = hw_db_pg_get_socket (self->listen)) < 0)
    {
      if (!quiet)
        g_warning ("Cannot hear other people's changes to %s (%s); "
                   "looking for them every second instead",
                   self->path, error ? error->message : "no socket");
      g_clear_pointer (&self->listen, hw_db_close);
      self->listen_retry_at = g_get_monotonic_time () + LISTEN_RETRY_USEC;
      return FALSE;
    }
  self->listen_source = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->listen_source, (GSourceFunc) (void (*) (void)) listen_ready_cb,
                         self, NULL);
  g_source_set_static_name (self->listen_source, "[homeward] LISTEN " HW_SCHEMA_PG_CHANNEL);
  g_source_attach (self->listen_source, self->listen_context);
  return TRUE;
}

/* PostgreSQL: the server owns the files, their durability and their
 * locks, so none of the sqlite checks at open apply (see "The schema on
 * PostgreSQL" in docs/agency-server.md). Nothing is created on this
 * machine. */
static HwStore *
open_server (const char  *address,
             GError     **error)
{
  g_autoptr(HwStore) self = NULL;
  g_autofree char *uri = g_strdup (address);
  g_autofree char *set_journal = NULL;

  /* libpq knows the scheme in lower case only */
  for (char *p = uri; *p && *p != ':'; p++)
    *p = g_ascii_tolower (*p);

  self = g_object_new (HW_TYPE_STORE, NULL);
  self->server = TRUE;
  /* never the password: the path is shown in messages */
  self->path = hw_db_redact_uri (uri);
  self->checked_at = g_get_real_time () / G_USEC_PER_SEC;

  self->conn = hw_db_pg_open (uri, error);
  if (self->conn == NULL)
    return NULL;
  if (!hw_schema_pg_migrate (self->conn, error))
    return NULL;
  /* the undo journal's function writes only for connections that ask */
  set_journal = g_strdup_printf ("SET %s = on", HW_SCHEMA_PG_JOURNAL_SETTING);
  if (!hw_db_exec (self->conn, set_journal, error))
    return NULL;
  /* the signed-in role is who edits, and whose steps undo takes */
  {
    g_autoptr(HwDbStmt) stmt = hw_db_prepare (self->conn, "SELECT CAST(session_user AS TEXT)", error);

    if (stmt == NULL || hw_db_stmt_step (stmt, error) != HW_DB_STEP_ROW)
      return NULL;
    self->role = g_strdup (hw_db_stmt_column_text (stmt, 0));
    g_free (self->author);
    self->author = g_strdup (self->role);
  }

  hw_history_after_open (self);
  read_mark (self, &self->mark_audit, &self->mark_history);
  self->remote = g_ptr_array_new_with_free_func (g_free);
  self->listen_uri = g_steal_pointer (&uri);
  self->listen_context = g_main_context_ref_thread_default ();
  start_listening (self, FALSE);
  return g_steal_pointer (&self);
}

HwStore *
hw_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(HwStore) self = NULL;
  char header[16];
  gsize size = 0;
  gint64 checked_at = 0;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* An address is never taken as a file name: "postgresql:///x" would
   * otherwise become a folder "postgresql:" with a new, empty database in
   * it, and the person would work in a file nobody else sees. */
  if (hw_store_is_address (path))
    {
      /* the address may hold a password: never in a message */
      g_autofree char *shown = NULL;

      if (is_postgresql_address (path))
        return open_server (path, error);

      shown = hw_db_redact_uri (path);
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("“%s” is the address of a database server Homeward cannot use. Give "
                     "the address of a PostgreSQL server (postgresql://…) or the path of "
                     "a file (for example ~/Documents/homeward.db). Nothing was created."),
                   shown);
      return NULL;
    }

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (exists)
    {
      if (!read_header (path, header, &size, error))
        return NULL;
      checked_at = size > 0 ? stamp_checked_at (path) : 0;
      if (size > 0 && !check_existing (path, checked_at == 0, error))
        return NULL;
      if (!check_writable (path, error))
        return NULL;
    }
  else if (!create_private_file (path, error))
    return NULL;

  self = g_object_new (HW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  /* checked just now, or an empty or new file: nothing to check */
  self->checked_at = checked_at > 0 ? checked_at : g_get_real_time () / G_USEC_PER_SEC;
  self->checked_on_open = size > 0 && checked_at == 0;
  /* from here on the file may change: the stamp is for a closed file */
  forget_stamp (path);

  /* sqlite only: Homeward's locking VFS, WAL and the PRAGMAs below */
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, vfs_name ());
  if (rc != SQLITE_OK)
    {
      hw_store_set_sqlite_error (error, self->db, rc, path);
      return NULL;
    }
  self->conn = hw_db_sqlite_wrap (self->db);
  trace_slow_statements (self->db);

  /* The database holds details of children and families: keep it private
   * even if someone copied it in with looser permissions. */
  if (g_chmod (path, 0600) != 0)
    g_debug ("Could not make %s private: %s", path, g_strerror (errno));

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!hw_sql_exec (self->db,
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA secure_delete = ON;",
                 error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (!migrate (self, error) || !create_undo_triggers (self->db, error))
    return NULL;

  sqlite3_update_hook (self->db, update_hook_cb, self);
  /* forget undo steps past their limits; the first time, switch the file
   * to incremental vacuum so that the space they took is given back */
  hw_history_after_open (self);
  self->data_version = hw_sql_query_int (self->db, 0, "PRAGMA data_version");

  return g_steal_pointer (&self);
}

/* GObject ----------------------------------------------------------------- */

static void
hw_store_finalize (GObject *object)
{
  HwStore *self = (HwStore *)object;

  /* first: nothing is announced from here on */
  stop_listening (self);
  g_clear_pointer (&self->remote, g_ptr_array_unref);
  g_clear_pointer (&self->listen_uri, g_free);
  g_clear_pointer (&self->listen_context, g_main_context_unref);
  if (self->in_edit)
    {
      g_warning ("Store finalized inside an open edit; rolling it back");
      hw_store_rollback_edit (self);
    }
  /* lent the handle: closing it leaves the handle open */
  g_clear_pointer (&self->conn, hw_db_close);
  if (self->db != NULL)
    {
      /* sqlite only: the check stamp of a cleanly closed file */
      sqlite3_update_hook (self->db, NULL, NULL);
      /* closed cleanly, with nothing left in a -wal: the next open may
       * trust the last check (see "The check stamp") */
      if (sqlite3_close (self->db) == SQLITE_OK && self->damaged == NULL && self->path != NULL)
        write_stamp (self->path, self->checked_at);
      self->db = NULL;
    }
  g_clear_pointer (&self->damaged, g_free);
  g_mutex_clear (&self->check_lock);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->edit_label, g_free);

  G_OBJECT_CLASS (hw_store_parent_class)->finalize (object);
}

static void
hw_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HwStore *self = HW_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hw_store_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, hw_store_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_store_class_init (HwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hw_store_finalize;
  object_class->get_property = hw_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwStore::changed:
   * @table: a user table that a committed edit, undo or redo changed
   *
   * Emitted after the transaction is committed, once per table.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hw_store_init (HwStore *self)
{
  g_mutex_init (&self->check_lock);
  self->changes = g_array_new (FALSE, FALSE, sizeof (HwChange));
  g_array_set_clear_func (self->changes, hw_change_clear);
  self->author = g_strdup (g_get_user_name ());
  self->sequence_past = -1;
}

const char *
hw_store_get_path (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
hw_store_get_db (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return self->db;
}

/**
 * hw_store_get_connection:
 * @self: a store
 *
 * The store's connection as an #HwDb, for the areas to move their queries
 * onto (one at a time, see docs/agency-server.md): the same connection
 * and transaction as hw_store_get_db(), so the two may be mixed inside an
 * edit. Open edits with hw_store_begin_edit(), never with hw_db_begin().
 *
 * Returns: (transfer none): the connection, owned by @self
 */
HwDb *
hw_store_get_connection (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return self->conn;
}

/* A single integer from @sql (no parameters), or @fallback. */
static gint64
db_query_int (HwDb       *db,
              gint64      fallback,
              const char *sql)
{
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (db, sql, NULL);

  if (stmt != NULL &&
      hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW &&
      !hw_db_stmt_column_is_null (stmt, 0))
    return hw_db_stmt_column_int64 (stmt, 0);
  return fallback;
}

/* The first journal seq that an edit or undo beginning now can write:
 * on sqlite max + 1, as sqlite numbers a new line. On a server the next
 * value of the journal's sequence: max(seq) there is only the signed-in
 * person's own (tools/pg-roles.sql: the journal's row-level security),
 * which would make a step's range span everyone else's lines since and
 * the owner, who sees all lines, take them for the step's (or for lines
 * of no step). Our lines come after the value taken, which is never a
 * line's. */
static gint64
next_journal_seq (HwStore *self)
{
  if (self->server)
    return db_query_int (self->conn, 1,
                         "SELECT nextval(pg_get_serial_sequence('hw_undo_log', 'seq'))");
  return db_query_int (self->conn, 0, "SELECT coalesce(max(seq), 0) FROM hw_undo_log") + 1;
}

/* PostgreSQL only: the newest audit row and undo step. Every edit of
 * any program writes at least one of them. */
static void
read_mark (HwStore *self,
           gint64  *audit,
           gint64  *history)
{
  g_autoptr(HwDbStmt) stmt = NULL;

  *audit = *history = -1;
  stmt = hw_db_prepare (self->conn,
                        "SELECT (SELECT coalesce(max(id), 0) FROM hw_audit),"
                        " (SELECT coalesce(max(id), 0) FROM hw_history)", NULL);
  if (stmt != NULL && hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    {
      *audit = hw_db_stmt_column_int64 (stmt, 0);
      *history = hw_db_stmt_column_int64 (stmt, 1);
    }
}

/* PostgreSQL only: which rows the journal's statements between @first
 * and @last undo, as sqlite's update hook lists them (the journal is
 * written by hw_undo_journal() in hw-schema-pg.c):
 *   "DELETE FROM t WHERE id=N"             undoes an insert into t
 *   "UPDATE t SET … WHERE id=N"            an update (the id last)
 *   "INSERT INTO t(id,…) VALUES('N',…)"    a delete (the id first) */
static gboolean
changes_from_journal (HwStore  *self,
                      gint64    first,
                      gint64    last,
                      GError  **error)
{
  g_autoptr(HwDbStmt) stmt = NULL;
  HwDbStep step;

  stmt = hw_db_prepare (self->conn,
                        "SELECT sql FROM hw_undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq",
                        error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, first);
  hw_db_stmt_bind_int64 (stmt, 2, last);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      const char *sql = hw_db_stmt_column_text (stmt, 0);
      const char *where = NULL;
      const char *end = NULL;
      HwChange change = { NULL, 0, 0 };

      if (sql == NULL)
        continue;
      if (g_str_has_prefix (sql, "DELETE FROM ") && (where = strstr (sql, " WHERE id=")) != NULL)
        {
          change.table = g_strndup (sql + 12, where - (sql + 12));
          change.row = g_ascii_strtoll (where + 10, NULL, 10);
          change.op = SQLITE_INSERT;
        }
      else if (g_str_has_prefix (sql, "UPDATE ") && (end = strstr (sql, " SET ")) != NULL &&
               (where = g_strrstr (sql, " WHERE id=")) != NULL)
        {
          change.table = g_strndup (sql + 7, end - (sql + 7));
          change.row = g_ascii_strtoll (where + 10, NULL, 10);
          change.op = SQLITE_UPDATE;
        }
      else if (g_str_has_prefix (sql, "INSERT INTO ") && (end = strchr (sql, '(')) != NULL)
        {
          const char *values = strstr (sql, " VALUES('");

          change.table = g_strndup (sql + 12, end - (sql + 12));
          if (g_str_has_prefix (end, "(id,") && values != NULL)
            change.row = g_ascii_strtoll (values + 9, NULL, 10);
          change.op = SQLITE_DELETE;
        }
      else
        continue;

      if (!is_user_table (change.table))
        {
          g_free (change.table);
          continue;
        }
      g_array_append_val (self->changes, change);
    }
  return step == HW_DB_STEP_DONE;
}

gboolean
hw_store_is_server (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return self->server;
}

void
hw_store_set_author (HwStore    *self,
                     const char *author)
{
  g_return_if_fail (HW_IS_STORE (self));

  /* on a server the author is the role signed in (open_server()) */
  if (self->server)
    return;
  if (author == NULL || *author == '\0')
    author = self->role ? self->role : g_get_user_name ();
  g_free (self->author);
  self->author = g_strdup (author);
}

const char *
hw_store_get_author (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return self->author;
}

/* Edits ------------------------------------------------------------------- */

gboolean
hw_store_in_edit (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return self->in_edit;
}

gboolean
hw_store_join_edit (HwStore     *self,
                    const char  *label,
                    gboolean    *own,
                    GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (own != NULL, FALSE);

  *own = !self->in_edit;
  if (!*own)
    return TRUE;
  return hw_store_begin_edit (self, label, error);
}

gboolean
hw_store_leave_edit (HwStore   *self,
                     gboolean   own,
                     gboolean   ok,
                     GError   **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (!own)
    return ok;
  if (!ok)
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }
  return hw_store_commit_edit (self, error);
}

/* PostgreSQL only: whether any other program wrote since this store last
 * looked (see hw_store_refresh()); if not, the commit may move the mark
 * past this edit's own rows. */
static void
note_mark_at_begin (HwStore *self)
{
  gint64 audit, history;

  if (!self->server)
    return;
  read_mark (self, &audit, &history);
  self->mark_ok = audit == self->mark_audit && history == self->mark_history;
}

gboolean
hw_store_begin_edit (HwStore     *self,
                     const char  *label,
                     GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (self->in_edit)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY,
                   "An edit is already open (“%s”)", self->edit_label);
      return FALSE;
    }

  if (hw_store_is_damaged (self))
    {
      g_mutex_lock (&self->check_lock);
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT,
                   _("The database “%s” may be damaged (%s), so no more changes are saved to it. Close Homeward and start it again to have the database checked."),
                   self->path, self->damaged);
      g_mutex_unlock (&self->check_lock);
      return FALSE;
    }

  /* sqlite: BEGIN IMMEDIATE, as before */
  if (!hw_db_begin (self->conn, error))
    return FALSE;
  note_mark_at_begin (self);

  self->in_edit = TRUE;
  self->sequence_past = -1;
  g_free (self->edit_label);
  self->edit_label = g_strdup (label);
  self->edit_first_seq = next_journal_seq (self);
  g_array_set_size (self->changes, 0);
  return TRUE;
}

void
hw_store_rollback_edit (HwStore *self)
{
  g_return_if_fail (HW_IS_STORE (self));

  if (!self->in_edit)
    return;
  hw_db_rollback (self->conn, NULL);
  self->in_edit = FALSE;
  g_array_set_size (self->changes, 0);
  if (self->server)
    announce_remote (self);
}

static gboolean
write_audit (HwStore     *self,
             const char  *action,
             guint       *n_written,
             GError     **error)
{
  g_autoptr(HwDbStmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (HW_IS_STORE (self));

  stmt = hw_db_prepare (self->conn,
                        "INSERT INTO hw_audit (author, action, tbl, row_id, change)"
                        " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < self->changes->len; i++)
    {
      const HwChange *change = &g_array_index (self->changes, HwChange, i);
      const char *op = change->op == SQLITE_INSERT ? "insert" :
                       change->op == SQLITE_DELETE ? "delete" : "update";
      char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%s", change->table, change->row, op);

      if (!g_hash_table_add (seen, key))
        continue;
      /* A row this edit inserted and then changed (an import links its
       * rows after inserting them) was inserted by this edit: that is
       * the whole story of who made it and when. */
      if (change->op == SQLITE_UPDATE)
        {
          g_autofree char *inserted = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/insert",
                                                       change->table, change->row);
          if (g_hash_table_contains (seen, inserted))
            continue;
        }

      hw_db_stmt_reset (stmt);
      hw_db_stmt_bind_text (stmt, 1, self->author);
      hw_db_stmt_bind_text (stmt, 2, action);
      hw_db_stmt_bind_text (stmt, 3, change->table);
      hw_db_stmt_bind_int64 (stmt, 4, change->row);
      hw_db_stmt_bind_text (stmt, 5, op);
      if (hw_db_stmt_step (stmt, error) != HW_DB_STEP_DONE)
        return FALSE;
      (*n_written)++;
    }

  return TRUE;
}

/* Commits the open transaction and announces what changed. */
static gboolean
finish_edit (HwStore     *self,
             const char  *action,
             GError     **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  guint n_audit = 0;
  gint64 audit = -1, history = -1;

  g_assert (HW_IS_STORE (self));

  if (!write_audit (self, action, &n_audit, error))
    goto fail;
  if (self->server)
    read_mark (self, &audit, &history);

  /* Not hw_db_commit (): that refuses an edit in which a statement
   * failed, and the store has always let a caller carry on after a
   * refused write (sqlite's rule). On PostgreSQL a failed statement
   * spoils the transaction, so each helper's write runs in a SAVEPOINT
   * (run_in_edit()); a write of the caller's own that failed there still
   * makes this COMMIT fail and keep nothing. */
  if (!hw_db_exec (self->conn, "COMMIT", error))
    {
      /* e.g. a deferred foreign key that does not hold */
      goto fail;
    }

  self->in_edit = FALSE;

  /* PostgreSQL: when nobody else wrote meanwhile, what is new since the
   * last look is this edit's own (an audit id for each of its rows);
   * anything else and the next hw_store_refresh() announces it */
  if (self->server && self->mark_ok && audit == self->mark_audit + n_audit &&
      history >= self->mark_history)
    {
      self->mark_audit = audit;
      self->mark_history = history;
    }

  tables = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const HwChange *change = &g_array_index (self->changes, HwChange, i);
      if (!g_ptr_array_find_with_equal_func (tables, change->table, g_str_equal, NULL))
        g_ptr_array_add (tables, g_strdup (change->table));
    }
  g_array_set_size (self->changes, 0);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  for (guint i = 0; i < tables->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, (const char *) g_ptr_array_index (tables, i));
  g_object_thaw_notify (G_OBJECT (self));

  /* what other people changed while this edit was open */
  if (self->server)
    announce_remote (self);
  return TRUE;

fail:
  hw_store_rollback_edit (self);
  return FALSE;
}

gboolean
hw_store_commit_edit (HwStore  *self,
                      GError  **error)
{
  gint64 last_seq;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (!self->in_edit)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY, "No edit is open");
      return FALSE;
    }

  last_seq = db_query_int (self->conn, 0, "SELECT coalesce(max(seq), 0) FROM hw_undo_log");
  if (last_seq >= self->edit_first_seq)
    {
      g_autofree char *sql = NULL;

      /* PostgreSQL: what the update hook lists on sqlite, from the
       * journal (before the step is compacted) */
      if (self->server &&
          !changes_from_journal (self, self->edit_first_seq, last_seq, error))
        {
          hw_store_rollback_edit (self);
          return FALSE;
        }

      /* the same SQL on both backends, but for the CROSS JOIN … ON
       * planner hint below, which is sqlite's (PostgreSQL: JOIN); %Q
       * quotes as both do */
      if (!hw_history_compact_step (self, self->edit_first_seq, last_seq, error))
        {
          hw_store_rollback_edit (self);
          return FALSE;
        }
      /* The step ends at its last line left: had it kept the seq of a
       * line compaction dropped, sqlite (which numbers a new line max +
       * 1) would give that seq to the next step's first line, and undoing
       * this step, which deletes its range, would delete that line too
       * (a redo then lost the update it undid). */
      last_seq = db_query_int (self->conn, 0, "SELECT coalesce(max(seq), 0) FROM hw_undo_log");

      /* A new edit makes the redo steps meaningless. CROSS JOIN keeps
       * the steps outside: one range lookup per redo step. Left to
       * itself the planner read the whole journal on every edit, which
       * made each edit slower as the file grew (0.2 s per imported family
       * at first, 1.5 s at 300 families). */
      /* Only one's own redo steps: someone else's edit does not take
       * them away (redoing checks the rows' versions as undo does). */
      sql = sqlite3_mprintf ("DELETE FROM hw_undo_log WHERE seq IN ("
                             "  SELECT l.seq FROM hw_history h %s hw_undo_log l"
                             "  ON l.seq BETWEEN h.first_seq AND h.last_seq"
                             "  WHERE h.kind = 'redo' AND h.author IN (%Q, ''));"
                             "DELETE FROM hw_history WHERE kind = 'redo' AND author IN (%Q, '');"
                             "INSERT INTO hw_history (kind, label, first_seq, last_seq, author)"
                             "  VALUES ('undo', %Q, %lld, %lld, %Q);",
                             self->server ? "JOIN" : "CROSS JOIN", self->author, self->author,
                             self->edit_label, (long long) self->edit_first_seq, (long long) last_seq,
                             self->author);
      if (!hw_db_exec (self->conn, sql, error))
        {
          sqlite3_free (g_steal_pointer (&sql));
          hw_store_rollback_edit (self);
          return FALSE;
        }
      sqlite3_free (g_steal_pointer (&sql));

      /* the versions undoing this step will expect */
      if (!stamp_versions (self, self->edit_first_seq, last_seq, error))
        {
          hw_store_rollback_edit (self);
          return FALSE;
        }

      /* The history is bounded: now and then the oldest steps go, in
       * this edit's transaction. */
      if (!hw_history_prune (self, FALSE, error))
        {
          hw_store_rollback_edit (self);
          return FALSE;
        }
    }

  return finish_edit (self, self->edit_label, error);
}

static void
bind_record (HwDbStmt   *stmt,
             guint       index,
             HwRecord   *record,
             const char *column)
{
  switch (hw_record_get_kind (record, column))
    {
    case HW_VALUE_INT:
      hw_db_stmt_bind_int64 (stmt, index, hw_record_get_int (record, column));
      break;
    case HW_VALUE_DOUBLE:
      hw_db_stmt_bind_double (stmt, index, hw_record_get_double (record, column));
      break;
    case HW_VALUE_TEXT:
      hw_db_stmt_bind_text (stmt, index, hw_record_get_string (record, column));
      break;
    case HW_VALUE_NULL:
    default:
      hw_db_stmt_bind_null (stmt, index);
      break;
    }
}

static gboolean
check_record (HwRecord  *record,
              GError   **error)
{
  const char *table = hw_record_get_table (record);

  if (!is_user_table (table))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, "Unknown table “%s”", table);
      return FALSE;
    }
  for (guint i = 0; i < hw_record_get_n_columns (record); i++)
    if (!is_identifier (hw_record_get_column (record, i)))
      {
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                     "Bad column name “%s”", hw_record_get_column (record, i));
        return FALSE;
      }
  return TRUE;
}

/* Runs @func inside an edit: the caller's if one is open, else its own. */
typedef gboolean (*EditFunc) (HwStore *self, gpointer data, GError **error);

/* Inside the caller's edit, a write that is refused leaves the edit as it
 * was, so the caller may carry on (sqlite's rule, which the store has
 * always kept). PostgreSQL refuses everything after a failed statement
 * until the transaction ends, so there the write runs in a savepoint
 * that a failure rolls back. */
static gboolean
run_in_savepoint (HwStore   *self,
                  EditFunc   func,
                  gpointer   data,
                  GError   **error)
{
  g_assert (HW_IS_STORE (self));

  if (!self->server)
    return func (self, data, error);

  if (!hw_db_exec (self->conn, "SAVEPOINT hw_write", error))
    return FALSE;
  if (!func (self, data, error))
    {
      hw_db_exec (self->conn, "ROLLBACK TO SAVEPOINT hw_write; RELEASE SAVEPOINT hw_write", NULL);
      return FALSE;
    }
  return hw_db_exec (self->conn, "RELEASE SAVEPOINT hw_write", error);
}

static gboolean
run_in_edit (HwStore     *self,
             const char  *label,
             EditFunc     func,
             gpointer     data,
             GError     **error)
{
  g_assert (HW_IS_STORE (self));

  if (self->in_edit)
    return run_in_savepoint (self, func, data, error);

  if (!hw_store_begin_edit (self, label, error))
    return FALSE;
  if (!func (self, data, error))
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }
  return hw_store_commit_edit (self, error);
}

static gboolean
insert_func (HwStore   *self,
             gpointer   data,
             GError   **error)
{
  HwRecord *record = data;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(HwDbStmt) stmt = NULL;
  guint n = hw_record_get_n_columns (record);
  gint64 id = hw_record_get_id (record);
  guint index = 1;

  g_assert (HW_IS_STORE (self));

  g_string_printf (sql, "INSERT INTO %s (", hw_record_get_table (record));
  if (id > 0)
    {
      g_string_append (sql, "id");
      g_string_append (marks, "?");
    }
  for (guint i = 0; i < n; i++)
    {
      gboolean first = i == 0 && id <= 0;
      g_string_append_printf (sql, "%s%s", first ? "" : ", ", hw_record_get_column (record, i));
      g_string_append (marks, first ? "?" : ", ?");
    }
  if (n == 0 && id <= 0)
    g_string_printf (sql, "INSERT INTO %s DEFAULT VALUES", hw_record_get_table (record));
  else
    g_string_append_printf (sql, ") VALUES (%s)", marks->str);

  stmt = hw_db_prepare (self->conn, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (id > 0)
    hw_db_stmt_bind_int64 (stmt, index++, id);
  for (guint i = 0; i < n; i++)
    bind_record (stmt, index++, record, hw_record_get_column (record, i));

  if (hw_db_stmt_step (stmt, error) != HW_DB_STEP_DONE)
    return FALSE;
  hw_record_set_id (record, hw_db_last_insert_id (self->conn));

  /* PostgreSQL only: a row given its id (an import keeping the ids it
   * can) does not move the table's identity sequence, whose next value
   * would then be taken; move it past the id, never back */
  if (id > 0 && hw_store_is_server (self))
    {
      /* with tools/pg-roles.sql a person may not setval() (that could set
       * a sequence back); its homeward_sequence_past() moves it forward.
       * Asked once an edit: an import puts thousands of rows */
      g_autoptr(HwDbStmt) seq = NULL;

      if (self->sequence_past < 0)
        self->sequence_past = has_function (self, "homeward_sequence_past(text,bigint)");
      seq = hw_db_prepare (self->conn, self->sequence_past
        ? "SELECT homeward_sequence_past(CAST(?1 AS TEXT), CAST(?2 AS BIGINT))"
        : "SELECT setval(pg_get_serial_sequence(CAST(?1 AS TEXT), 'id'), CAST(?2 AS BIGINT))"
          " FROM pg_sequences WHERE schemaname || '.' || sequencename = pg_get_serial_sequence(CAST(?1 AS TEXT), 'id')"
          " AND coalesce(last_value, 0) < CAST(?2 AS BIGINT)", error);

      if (seq == NULL)
        return FALSE;
      hw_db_stmt_bind_text (seq, 1, hw_record_get_table (record));
      hw_db_stmt_bind_int64 (seq, 2, id);
      while (TRUE)
        {
          HwDbStep step = hw_db_stmt_step (seq, error);

          if (step == HW_DB_STEP_ERROR)
            return FALSE;
          if (step == HW_DB_STEP_DONE)
            break;
        }
    }
  return TRUE;
}

gint64
hw_store_insert (HwStore     *self,
                 const char  *label,
                 HwRecord    *record,
                 GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), 0);
  g_return_val_if_fail (HW_IS_RECORD (record), 0);

  if (!check_record (record, error))
    return 0;
  if (!run_in_edit (self, label, insert_func, record, error))
    {
      hw_record_set_id (record, 0);
      return 0;
    }
  return hw_record_get_id (record);
}

/* Runs and frees @stmt, an UPDATE or DELETE of one row by id: a row
 * that is not there (deleted meanwhile) is an error too. */
static gboolean
step_one_row (HwStore   *self,
              HwDbStmt  *stmt,
              GError   **error)
{
  HwDbStep step = hw_db_stmt_step (stmt, error);

  g_assert (HW_IS_STORE (self));

  hw_db_stmt_free (stmt);
  if (step != HW_DB_STEP_DONE)
    return FALSE;
  if (hw_db_changes (self->conn) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This item no longer exists. It may have been deleted."));
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_store_set_conflict (GError   **error,
                       gboolean   removal)
{
  g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT,
                       removal
                       ? _("Someone else changed this since you opened it. It was not removed; look at their change first.")
                       : _("Someone else changed this since you opened it. Their text is shown; make your change again."));
  return FALSE;
}

static gboolean
update_func (HwStore   *self,
             gpointer   data,
             GError   **error)
{
  HwRecord *record = data;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *check = NULL;
  HwDbStmt *stmt = NULL;
  guint n = hw_record_get_n_columns (record);
  guint index = 1;
  gint64 expected;
  HwDbStep step;

  g_assert (HW_IS_STORE (self));

  if (n == 0 || (n == 1 && hw_record_has (record, "version")))
    return TRUE;

  /* "version" is not a value to save but the version the caller read:
   * the row is saved only if it is still at it (hw-store.h) */
  expected = hw_record_has (record, "version") && !hw_record_is_null (record, "version")
             ? hw_record_get_int (record, "version") : 0;
  g_string_printf (sql, "UPDATE %s SET ", hw_record_get_table (record));
  for (guint i = 0; i < n; i++)
    {
      const char *column = hw_record_get_column (record, i);

      if (g_str_equal (column, "version"))
        continue;
      g_string_append_printf (sql, "%s = ?, ", column);
    }
  g_string_append (sql, "version = version + 1 WHERE id = ?");
  if (expected > 0)
    g_string_append (sql, " AND version = ?");

  stmt = hw_db_prepare (self->conn, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *column = hw_record_get_column (record, i);

      if (!g_str_equal (column, "version"))
        bind_record (stmt, index++, record, column);
    }
  hw_db_stmt_bind_int64 (stmt, index++, hw_record_get_id (record));
  if (expected > 0)
    hw_db_stmt_bind_int64 (stmt, index++, expected);

  step = hw_db_stmt_step (stmt, error);
  hw_db_stmt_free (stmt);
  if (step != HW_DB_STEP_DONE)
    return FALSE;
  if (hw_db_changes (self->conn) > 0)
    {
      if (expected > 0)
        hw_record_set_int (record, "version", expected + 1);
      return TRUE;
    }

  /* not there, or not at the version the caller read */
  check = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", hw_record_get_table (record));
  if (expected > 0 &&
      hw_store_query_int (self, 0, check, G_TYPE_INT64, hw_record_get_id (record), G_TYPE_INVALID) > 0)
    {
      hw_store_set_conflict (error, FALSE);
      return FALSE;
    }
  g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
               _("This item no longer exists. It may have been deleted."));
  return FALSE;
}

gboolean
hw_store_update (HwStore     *self,
                 const char  *label,
                 HwRecord    *record,
                 GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  g_return_val_if_fail (HW_IS_RECORD (record), FALSE);

  if (!check_record (record, error))
    return FALSE;
  return run_in_edit (self, label, update_func, record, error);
}

typedef struct {
  const char *table;
  gint64      id;
  gint64      version;
} DeleteData;

static gboolean
delete_func (HwStore   *self,
             gpointer   data,
             GError   **error)
{
  DeleteData *d = data;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?%s", d->table,
                                          d->version > 0 ? " AND version = ?" : "");
  g_autofree char *check = NULL;
  HwDbStmt *stmt = NULL;
  HwDbStep step;

  g_assert (HW_IS_STORE (self));

  stmt = hw_db_prepare (self->conn, sql, error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, d->id);
  if (d->version <= 0)
    return step_one_row (self, stmt, error);

  hw_db_stmt_bind_int64 (stmt, 2, d->version);
  step = hw_db_stmt_step (stmt, error);
  hw_db_stmt_free (stmt);
  if (step != HW_DB_STEP_DONE)
    return FALSE;
  if (hw_db_changes (self->conn) > 0)
    return TRUE;
  /* still there at another version: someone changed it since it was shown */
  check = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", d->table);
  if (hw_store_query_int (self, 0, check, G_TYPE_INT64, d->id, G_TYPE_INVALID) > 0)
    {
      hw_store_set_conflict (error, TRUE);
      return FALSE;
    }
  g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
               _("This item no longer exists. It may have been deleted."));
  return FALSE;
}

gboolean
hw_store_delete (HwStore     *self,
                 const char  *label,
                 const char  *table,
                 gint64       id,
                 GError     **error)
{
  return hw_store_delete_at (self, label, table, id, 0, error);
}

gboolean
hw_store_delete_at (HwStore     *self,
                    const char  *label,
                    const char  *table,
                    gint64       id,
                    gint64       version,
                    GError     **error)
{
  DeleteData d = { table, id, version };

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (!is_user_table (table))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, "Unknown table “%s”", table);
      return FALSE;
    }
  return run_in_edit (self, label, delete_func, &d, error);
}

static gboolean
exec_func (HwStore   *self,
           gpointer   data,
           GError   **error)
{
  return hw_db_exec (self->conn, data, error);
}

gboolean
hw_store_exec (HwStore     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (!self->in_edit)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY,
                   "hw_store_exec() needs an open edit");
      return FALSE;
    }
  return run_in_savepoint (self, exec_func, (gpointer) sql, error);
}

/* Reads ------------------------------------------------------------------- */

static gboolean
bind_va (HwDbStmt *stmt,
         va_list   args)
{
  guint index = 1;

  for (;;)
    {
      GType type = va_arg (args, GType);

      if (type == G_TYPE_INVALID)
        break;
      if (type == G_TYPE_INT64)
        hw_db_stmt_bind_int64 (stmt, index, va_arg (args, gint64));
      else if (type == G_TYPE_STRING)
        hw_db_stmt_bind_text (stmt, index, va_arg (args, const char *));
      else if (type == G_TYPE_DOUBLE)
        hw_db_stmt_bind_double (stmt, index, va_arg (args, double));
      else if (type == G_TYPE_INT || type == G_TYPE_BOOLEAN)
        hw_db_stmt_bind_int64 (stmt, index, va_arg (args, int));
      else
        {
          g_critical ("Unsupported parameter type %s", g_type_name (type));
          return FALSE;
        }
      index++;
    }
  return TRUE;
}

static HwRecord *
record_from_row (HwDbStmt   *stmt,
                 const char *table)
{
  HwRecord *record = hw_record_new (table);
  int n = hw_db_stmt_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = hw_db_stmt_column_name (stmt, i);

      if (g_strcmp0 (name, "id") == 0)
        {
          hw_record_set_id (record, hw_db_stmt_column_int64 (stmt, i));
          continue;
        }
      switch (hw_db_stmt_column_type (stmt, i))
        {
        case HW_DB_TYPE_INTEGER:
          hw_record_set_int (record, name, hw_db_stmt_column_int64 (stmt, i));
          break;
        case HW_DB_TYPE_FLOAT:
          hw_record_set_double (record, name, hw_db_stmt_column_double (stmt, i));
          break;
        case HW_DB_TYPE_NULL:
          hw_record_set_null (record, name);
          break;
        case HW_DB_TYPE_TEXT:
        default:
          hw_record_set_string (record, name, hw_db_stmt_column_text (stmt, i));
          break;
        }
    }
  return record;
}

GPtrArray *
hw_store_select (HwStore     *self,
                 const char  *table,
                 GError     **error,
                 const char  *sql,
                 ...)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(HwDbStmt) stmt = NULL;
  va_list args;
  HwDbStep step;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = hw_db_prepare (self->conn, sql, error);
  if (stmt == NULL)
    return NULL;

  va_start (args, sql);
  if (!bind_va (stmt, args))
    {
      va_end (args);
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, "Bad query parameters");
      return NULL;
    }
  va_end (args);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    g_ptr_array_add (rows, record_from_row (stmt, table));

  if (step != HW_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&rows);
}

gint64
hw_store_query_int (HwStore    *self,
                    gint64      fallback,
                    const char *sql,
                    ...)
{
  g_autoptr(HwDbStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ret = fallback;
  va_list args;

  g_return_val_if_fail (HW_IS_STORE (self), fallback);

  stmt = hw_db_prepare (self->conn, sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Bad query: %s: %s", sql, error->message);
      return fallback;
    }
  va_start (args, sql);
  if (bind_va (stmt, args) &&
      hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW &&
      !hw_db_stmt_column_is_null (stmt, 0))
    ret = hw_db_stmt_column_int64 (stmt, 0);
  va_end (args);
  return ret;
}

HwRecord *
hw_store_get (HwStore     *self,
              const char  *table,
              gint64       id,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);

  if (!is_user_table (table))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, "Unknown table “%s”", table);
      return NULL;
    }

  sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);
  rows = hw_store_select (self, table, error, sql, G_TYPE_INT64, id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This item no longer exists. It may have been deleted."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* Row versions of undo steps -------------------------------------------- */

/* The user tables that journal lines [first, last] are about. */
static GPtrArray *
step_tables (HwStore  *self,
             gint64    first,
             gint64    last,
             GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HwDbStmt) stmt = NULL;
  HwDbStep step;

  stmt = hw_db_prepare (self->conn,
                        "SELECT DISTINCT tbl FROM hw_undo_log"
                        " WHERE seq BETWEEN ? AND ? AND tbl IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  hw_db_stmt_bind_int64 (stmt, 1, first);
  hw_db_stmt_bind_int64 (stmt, 2, last);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    {
      const char *table = hw_db_stmt_column_text (stmt, 0);

      /* the names go into SQL text below */
      if (is_user_table (table))
        g_ptr_array_add (tables, g_strdup (table));
    }
  if (step != HW_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&tables);
}

/* After this store's author made the step of journal lines [first,
 * last] (an edit, an undo or a redo), the author's chain on each row it
 * touched (hw_row_chain) moves on: the row's version now, and since when
 * nobody else has changed the row between two of the author's own steps.
 * The chain goes on when the row was, before this step, at the version
 * the author's last step left it at (the step's first line on the row
 * says the version before); else someone else changed it meanwhile and
 * the chain starts again at this step. One statement per table, however
 * long the history: undo checks the chain (check_versions()). */
static gboolean
stamp_versions (HwStore  *self,
                gint64    first,
                gint64    last,
                GError  **error)
{
  g_autoptr(GPtrArray) tables = step_tables (self, first, last, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = NULL;
      g_autoptr(HwDbStmt) stmt = NULL;

      /* "WHERE true": sqlite's upsert after a SELECT needs a WHERE */
      sql = g_strdup_printf (
        "INSERT INTO hw_row_chain (tbl, row_id, author, version, prev, since)"
        " SELECT '%1$s', s.row_id, ?3, (SELECT r.version FROM %1$s r WHERE r.id = s.row_id),"
        "        s.old_version, ?1"
        " FROM hw_undo_log s WHERE s.seq IN (SELECT min(seq) FROM hw_undo_log"
        "   WHERE seq BETWEEN ?1 AND ?2 AND tbl = '%1$s' GROUP BY row_id) AND true"
        " ON CONFLICT (tbl, row_id, author) DO UPDATE SET"
        "  since = CASE WHEN coalesce(hw_row_chain.version, 0) = coalesce(excluded.prev, 0)"
        "          THEN hw_row_chain.since ELSE excluded.since END,"
        "  version = excluded.version, prev = excluded.prev", table);
      stmt = hw_db_prepare (self->conn, sql, error);
      if (stmt == NULL)
        return FALSE;
      hw_db_stmt_bind_int64 (stmt, 1, first);
      hw_db_stmt_bind_int64 (stmt, 2, last);
      hw_db_stmt_bind_text (stmt, 3, self->author);
      if (hw_db_stmt_step (stmt, error) != HW_DB_STEP_DONE)
        return FALSE;
    }
  return TRUE;
}

/* PostgreSQL: whether tools/pg-roles.sql's homeward_changed_by() is
 * there for the signed-in role. Asked each time (a refusal is rare), so
 * that running the script while a program is open is seen. */
static gboolean
has_changed_by (HwStore *self)
{
  return self->server && has_function (self, "homeward_changed_by(text,bigint)");
}

/* Before undoing or redoing the step of journal lines [first, last]:
 * refuses when someone else changed a row of it since (the row is not at
 * the version the author's chain left it at, or the chain started again
 * after this step), saying who. */
static gboolean
check_versions (HwStore     *self,
                const char  *kind,
                gint64       first,
                gint64       last,
                GError     **error)
{
  g_autoptr(GPtrArray) tables = step_tables (self, first, last, error);

  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = NULL;
      g_autoptr(HwDbStmt) stmt = NULL;
      g_autoptr(HwDbStmt) who = NULL;
      HwDbStep step;
      gint64 row;

      /* the row is not at the version the author's chain left it at,
       * or the chain started again after this step */
      sql = g_strdup_printf ("SELECT l.row_id FROM hw_undo_log l"
                             " LEFT JOIN %1$s r ON r.id = l.row_id"
                             " LEFT JOIN hw_row_chain c"
                             "  ON c.tbl = '%1$s' AND c.row_id = l.row_id AND c.author = ?3"
                             " WHERE l.seq BETWEEN ?1 AND ?2 AND l.tbl = '%1$s'"
                             " AND (c.since IS NULL OR c.since > ?1"
                             "      OR coalesce(r.version, 0) <> coalesce(c.version, 0))"
                             " LIMIT 1", table);
      stmt = hw_db_prepare (self->conn, sql, error);
      if (stmt == NULL)
        return FALSE;
      hw_db_stmt_bind_int64 (stmt, 1, first);
      hw_db_stmt_bind_int64 (stmt, 2, last);
      hw_db_stmt_bind_text (stmt, 3, self->author);
      step = hw_db_stmt_step (stmt, error);
      if (step == HW_DB_STEP_ERROR)
        return FALSE;
      if (step == HW_DB_STEP_DONE)
        continue;
      row = hw_db_stmt_column_int64 (stmt, 0);

      /* On a server with tools/pg-roles.sql someone else's audit rows
       * are not one's to read: homeward_changed_by() gives only their
       * name. Without it (a database set up without the script), the
       * audit trail as before. */
      if (has_changed_by (self))
        {
          who = hw_db_prepare (self->conn, "SELECT homeward_changed_by(?, ?)", error);
          if (who == NULL)
            return FALSE;
          hw_db_stmt_bind_text (who, 1, table);
          hw_db_stmt_bind_int64 (who, 2, row);
        }
      else
        {
          who = hw_db_prepare (self->conn,
                               "SELECT author FROM hw_audit WHERE tbl = ? AND row_id = ? AND author <> ?"
                               " ORDER BY id DESC LIMIT 1", error);
          if (who == NULL)
            return FALSE;
          hw_db_stmt_bind_text (who, 1, table);
          hw_db_stmt_bind_int64 (who, 2, row);
          hw_db_stmt_bind_text (who, 3, self->author);
        }
      if (hw_db_stmt_step (who, NULL) == HW_DB_STEP_ROW &&
          hw_db_stmt_column_text (who, 0) != NULL && *hw_db_stmt_column_text (who, 0) != '\0')
        {
          const char *name = hw_db_stmt_column_text (who, 0);

          /* Translators: %s is the name of the person who changed it */
          g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT,
                       g_str_equal (kind, "undo")
                       ? _("%s changed this after you; undo would overwrite their change.")
                       : _("%s changed this after you; redo would overwrite their change."),
                       name);
        }
      else
        g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT,
                             g_str_equal (kind, "undo")
                             ? _("Someone else changed this after you; undo would overwrite their change.")
                             : _("Someone else changed this after you; redo would overwrite their change."));
      return FALSE;
    }
  return TRUE;
}

/* Undo -------------------------------------------------------------------- */

/* This store's author's steps, and those made before steps had authors
 * (anyone's) */
#define OWN_STEP "author IN (?, '')"

static gboolean
has_step (HwStore    *self,
          const char *kind)
{
  g_autoptr(HwDbStmt) stmt = hw_db_prepare (self->conn,
                                            "SELECT 1 FROM hw_history WHERE kind = ? AND " OWN_STEP
                                            " LIMIT 1", NULL);

  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_text (stmt, 1, kind);
  hw_db_stmt_bind_text (stmt, 2, self->author);
  return hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW;
}

gboolean
hw_store_can_undo (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return has_step (self, "undo");
}

gboolean
hw_store_can_redo (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return has_step (self, "redo");
}

static char *
step_label (HwStore    *self,
            const char *kind)
{
  g_autoptr(HwDbStmt) stmt = NULL;

  g_assert (HW_IS_STORE (self));

  stmt = hw_db_prepare (self->conn,
                        "SELECT label FROM hw_history WHERE kind = ? AND " OWN_STEP
                        " ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  hw_db_stmt_bind_text (stmt, 1, kind);
  hw_db_stmt_bind_text (stmt, 2, self->author);
  if (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    return g_strdup (hw_db_stmt_column_text (stmt, 0));
  return NULL;
}

char *
hw_store_get_undo_label (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return step_label (self, "undo");
}

char *
hw_store_get_redo_label (HwStore *self)
{
  g_return_val_if_fail (HW_IS_STORE (self), NULL);
  return step_label (self, "redo");
}

/* Replays the newest step of kind @from in reverse and files what the
 * journal logged meanwhile as a step of kind @to. The journal is written
 * by the TEMP triggers on sqlite and by hw_undo_journal() on PostgreSQL
 * (hw-schema-pg.c), the same statements on both. Only this store's
 * author's steps, and only while nobody else has changed their rows
 * since (check_versions()). */
static gboolean
replay_step (HwStore     *self,
             const char  *from,
             const char  *to,
             const char  *action_prefix,
             GError     **error)
{
  g_autoptr(HwDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;
  char *sql = NULL;
  gint64 step_id = 0, first = 0, last = 0, new_first, new_last;
  HwDbStep step;
  gboolean ok;

  g_assert (HW_IS_STORE (self));

  if (self->in_edit)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_BUSY,
                   "Cannot undo or redo inside an open edit");
      return FALSE;
    }

  if (!hw_db_begin (self->conn, error))
    return FALSE;
  note_mark_at_begin (self);
  self->in_edit = TRUE;
  self->sequence_past = -1;
  g_array_set_size (self->changes, 0);

  stmt = hw_db_prepare (self->conn,
                        "SELECT id, label, first_seq, last_seq FROM hw_history"
                        " WHERE kind = ? AND " OWN_STEP " ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }
  hw_db_stmt_bind_text (stmt, 1, from);
  hw_db_stmt_bind_text (stmt, 2, self->author);
  step = hw_db_stmt_step (stmt, error);
  if (step == HW_DB_STEP_ERROR)
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }
  if (step == HW_DB_STEP_ROW)
    {
      step_id = hw_db_stmt_column_int64 (stmt, 0);
      label = g_strdup (hw_db_stmt_column_text (stmt, 1));
      first = hw_db_stmt_column_int64 (stmt, 2);
      last = hw_db_stmt_column_int64 (stmt, 3);
    }
  g_clear_pointer (&stmt, hw_db_stmt_free);

  if (step_id == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOTHING_TO_UNDO,
                   g_str_equal (from, "undo") ? _("There is nothing to undo") : _("There is nothing to redo"));
      hw_store_rollback_edit (self);
      return FALSE;
    }

  stmt = hw_db_prepare (self->conn,
                        "SELECT sql FROM hw_undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC",
                        error);
  if (stmt == NULL)
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }
  hw_db_stmt_bind_int64 (stmt, 1, first);
  hw_db_stmt_bind_int64 (stmt, 2, last);
  while ((step = hw_db_stmt_step (stmt, error)) == HW_DB_STEP_ROW)
    g_ptr_array_add (statements, g_strdup (hw_db_stmt_column_text (stmt, 0)));
  g_clear_pointer (&stmt, hw_db_stmt_free);
  if (step == HW_DB_STEP_ERROR)
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }

  /* someone else changed a row of the step since: undoing it would put
   * back what was there before their change */
  if (!check_versions (self, from, first, last, error))
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }

  new_first = next_journal_seq (self);

  for (guint i = 0; i < statements->len; i++)
    if (!hw_db_exec (self->conn, g_ptr_array_index (statements, i), error))
      {
        hw_store_rollback_edit (self);
        return FALSE;
      }

  new_last = db_query_int (self->conn, 0, "SELECT coalesce(max(seq), 0) FROM hw_undo_log");

  /* PostgreSQL: the rows changed, from the journal (sqlite: the hook) */
  if (self->server && new_last >= new_first &&
      !changes_from_journal (self, new_first, new_last, error))
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }

  sql = sqlite3_mprintf ("DELETE FROM hw_undo_log WHERE seq BETWEEN %lld AND %lld;"
                         "DELETE FROM hw_history WHERE id = %lld;"
                         "INSERT INTO hw_history (kind, label, first_seq, last_seq, author)"
                         "  VALUES (%Q, %Q, %lld, %lld, %Q);",
                         (long long) first, (long long) last, (long long) step_id,
                         to, label, (long long) new_first, (long long) new_last, self->author);
  ok = hw_db_exec (self->conn, sql, error);
  sqlite3_free (sql);
  if (ok && new_last >= new_first)
    ok = stamp_versions (self, new_first, new_last, error);
  if (!ok)
    {
      hw_store_rollback_edit (self);
      return FALSE;
    }

  action = g_strconcat (action_prefix, label, NULL);
  return finish_edit (self, action, error);
}

gboolean
hw_store_undo (HwStore  *self,
               GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  /* The audit trail is not translated: it is a record, not UI. */
  return replay_step (self, "undo", "redo", "Undo: ", error);
}

gboolean
hw_store_redo (HwStore  *self,
               GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (self), FALSE);
  return replay_step (self, "redo", "undo", "Redo: ", error);
}

/* Audit and settings ------------------------------------------------------ */

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  g_string_append_c (out, '"');
  for (const char *p = value ? value : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\",");
}

gboolean
hw_store_export_audit (HwStore     *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\"at\",\"author\",\"action\",\"table\",\"row\",\"change\"\r\n");
  g_autoptr(HwDbStmt) stmt = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  stmt = hw_db_prepare (self->conn,
                        "SELECT at, author, action, tbl, row_id, change FROM hw_audit ORDER BY id",
                        error);
  if (stmt == NULL)
    return FALSE;
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    for (int i = 0; i < 6; i++)
      csv_field (out, hw_db_stmt_column_text (stmt, i), i == 5);
  g_clear_pointer (&stmt, hw_db_stmt_free);

  return hw_export_write_file (path, out->str, out->len, error);
}

char *
hw_store_get_setting (HwStore    *self,
                      const char *key)
{
  g_autoptr(HwDbStmt) stmt = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);

  stmt = hw_db_prepare (self->conn, "SELECT value FROM hw_settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  hw_db_stmt_bind_text (stmt, 1, key);
  if (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    return g_strdup (hw_db_stmt_column_text (stmt, 0));
  return NULL;
}

gboolean
hw_store_set_setting (HwStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(HwDbStmt) stmt = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (value == NULL)
    stmt = hw_db_prepare (self->conn, "DELETE FROM hw_settings WHERE key = ?1", error);
  else
    stmt = hw_db_prepare (self->conn,
                          "INSERT INTO hw_settings (key, value) VALUES (?1, ?2)"
                          " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_text (stmt, 1, key);
  if (value != NULL)
    hw_db_stmt_bind_text (stmt, 2, value);
  return hw_db_stmt_step (stmt, error) == HW_DB_STEP_DONE;
}

/* the key of a setting of the person signed in (hw_store_get_own_setting()) */
static char *
own_key (HwStore    *self,
         const char *key)
{
  if (!hw_store_is_server (self))
    return g_strdup (key);
  return g_strconcat ("person/", self->role ? self->role : "", "/", key, NULL);
}

char *
hw_store_get_own_setting (HwStore    *self,
                          const char *key)
{
  g_autofree char *full = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), NULL);

  full = own_key (self, key);
  return hw_store_get_setting (self, full);
}

gboolean
hw_store_set_own_setting (HwStore     *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  g_autofree char *full = NULL;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  full = own_key (self, key);
  return hw_store_set_setting (self, full, value, error);
}

/**
 * hw_store_refresh:
 * @self: a store
 *
 * Looks whether another program (the command line, a second window)
 * committed changes to the database since the last look, and if so emits
 * ::changed for every user table and notifies can-undo and can-redo, so
 * that views show them. Cheap (one PRAGMA): the app calls it every second.
 * Does nothing inside an edit.
 *
 * On PostgreSQL the store LISTENs on a second connection of its own and
 * announces another program's committed changes as they arrive, from
 * the main loop, without this call: ::changed for each table changed
 * (and "hw_settings" for a setting). Here it makes one round trip on
 * that connection and announces what had not been yet, so a command
 * without a main loop sees the same. When that connection was lost or
 * could not be opened, it opens it again (at most every 10 s) and then
 * announces every table once; until then it polls as before
 * LISTEN/NOTIFY: the newest audit row and undo step (another program's
 * edit writes at least one of them; a setting alone is not seen; under
 * row-level security only one's own).
 *
 * Returns: whether another program changed the database
 */
gboolean
hw_store_refresh (HwStore *self)
{
  const char * const *tables;
  gint64 version;

  g_return_val_if_fail (HW_IS_STORE (self), FALSE);

  if (self->in_edit)
    return FALSE;
  if (self->server && self->listen != NULL)
    {
      /* LISTEN/NOTIFY: what arrived and was not yet announced (also
       * when no main loop runs, as in a command) */
      if (read_remote (self, TRUE))
        return announce_remote (self);
    }
  if (self->server && self->listen == NULL && g_get_monotonic_time () >= self->listen_retry_at &&
      start_listening (self, TRUE))
    {
      /* listening again: what came while not is not known, and the
       * polling below sees only what this role may read (its own audit
       * rows under tools/pg-roles.sql): announce everything once */
      g_debug ("Listening again for other people's changes to %s", self->path);
      read_mark (self, &self->mark_audit, &self->mark_history);
      g_ptr_array_set_size (self->remote, 0);
    }
  else if (self->server)
    {
      gint64 audit, history;

      read_mark (self, &audit, &history);
      if (audit < 0 || (audit == self->mark_audit && history == self->mark_history))
        return FALSE;
      self->mark_audit = audit;
      self->mark_history = history;
      /* everything is announced below */
      if (self->remote != NULL)
        g_ptr_array_set_size (self->remote, 0);
    }
  else
    {
      /* sqlite: data_version changes only for commits of other
       * connections (a server announces them with LISTEN/NOTIFY) */
      version = hw_sql_query_int (self->db, self->data_version, "PRAGMA data_version");
      if (version == self->data_version)
        return FALSE;
      self->data_version = version;
    }

  tables = hw_schema_get_user_tables ();
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  for (guint i = 0; tables[i] != NULL; i++)
    g_signal_emit (self, signals[CHANGED], 0, tables[i]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}
