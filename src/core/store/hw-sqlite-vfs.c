/* hw-sqlite-vfs.c: SQLite's file locks as open-file-description locks.
 *
 * A shim over the "unix" VFS: reads, writes, syncs and the -shm mapping
 * are unix's; only the locks are ours. The byte ranges and the order in
 * which they are taken are those of SQLite's os_unix.c, so that a program
 * using stock SQLite on the same file (the sqlite3 shell, a backup tool)
 * and Homeward exclude each other exactly as two stock programs would:
 * the kernel makes open-file-description locks and POSIX locks conflict.
 *
 * Each connection has its own descriptors for its locks, so two
 * connections in one process exclude each other like two processes, and
 * no close() of any other descriptor, in any library, releases them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* F_OFD_SETLK */
#define G_LOG_DOMAIN "hw-store"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "hw-sqlite-vfs.h"

#define HW_VFS_NAME "homeward"

/* The database file's lock bytes (os_unix.c, sqlite3PendingByte). */
#define PENDING_BYTE  0x40000000
#define RESERVED_BYTE (PENDING_BYTE + 1)
#define SHARED_FIRST  (PENDING_BYTE + 2)
#define SHARED_SIZE   510

/* The -shm file's lock bytes: SQLITE_SHM_NLOCK bytes from 120, then the
 * "dead man switch" byte that every connection holds shared while it has
 * the -shm mapped; the first one to open it (none hold it) resets it. */
#define SHM_BASE ((22 + SQLITE_SHM_NLOCK) * 4)
#define SHM_DMS  (SHM_BASE + SQLITE_SHM_NLOCK)

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;      /* unix's file, in the same allocation after us */
  char         *shm_path;  /* main database only */
  int           lock_fd;   /* main database only: our description for its locks */
  int           shm_fd;    /* our description for the -shm locks, once mapped */
  int           level;     /* SQLITE_LOCK_NONE ... SQLITE_LOCK_EXCLUSIVE */
} HwFile;

/* HwFile rounded up so that unix's file after it is well aligned. */
#define HW_FILE_SIZE ((sizeof (HwFile) + 15) & ~(gsize) 15)

static sqlite3_vfs hw_vfs;

static sqlite3_vfs *
real_vfs (void)
{
  return hw_vfs.pAppData;
}

/* Takes, changes or releases an open-file-description lock without
 * waiting. Returns 0 or errno. */
static int
ofd_lock (int   fd,
          short type,
          off_t start,
          off_t len)
{
  struct flock fl;
  int rc;

  memset (&fl, 0, sizeof fl);   /* l_pid must be 0 */
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = start;
  fl.l_len = len;
  do
    rc = fcntl (fd, F_OFD_SETLK, &fl);
  while (rc < 0 && errno == EINTR);
  return rc == 0 ? 0 : errno;
}

/* As os_unix.c's sqliteErrorFromPosixError(). */
static int
lock_error (int err,
            int ioerr)
{
  switch (err)
    {
    case EACCES:
    case EAGAIN:
    case EBUSY:
    case ETIMEDOUT:
    case EINTR:
    case ENOLCK:
      return SQLITE_BUSY;
    case EBADF:
      /* a write lock asked on a read-only connection (only ever when it
       * closes and checks whether it is the last one): someone is busy */
      return SQLITE_BUSY;
    case EPERM:
      return SQLITE_PERM;
    default:
      return ioerr;
    }
}

/* io methods ---------------------------------------------------------------- */

static int
hw_file_close (sqlite3_file *file)
{
  HwFile *self = (HwFile *) file;
  int rc;

  if (self->shm_fd >= 0)
    close (self->shm_fd);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  self->shm_fd = self->lock_fd = -1;
  g_clear_pointer (&self->shm_path, g_free);
  rc = self->real->pMethods->xClose (self->real);
  return rc;
}

static int
hw_file_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xRead (real, buf, amount, offset);
}

static int
hw_file_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xWrite (real, buf, amount, offset);
}

static int
hw_file_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xTruncate (real, size);
}

static int
hw_file_sync (sqlite3_file *file, int flags)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xSync (real, flags);
}

static int
hw_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xFileSize (real, size);
}

/* The same steps as os_unix.c's posixUnixLock(). SQLite only asks for
 * SHARED, RESERVED or EXCLUSIVE. */
static int
hw_file_lock (sqlite3_file *file,
              int           level)
{
  HwFile *self = (HwFile *) file;
  int err;

  if (self->lock_fd < 0)
    return self->real->pMethods->xLock (self->real, level);
  if (self->level >= level)
    return SQLITE_OK;

  if (level == SQLITE_LOCK_SHARED)
    {
      /* A read lock on PENDING while taking SHARED keeps a new reader out
       * while a writer waits for the readers to leave. */
      if ((err = ofd_lock (self->lock_fd, F_RDLCK, PENDING_BYTE, 1)) != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
      err = ofd_lock (self->lock_fd, F_RDLCK, SHARED_FIRST, SHARED_SIZE);
      ofd_lock (self->lock_fd, F_UNLCK, PENDING_BYTE, 1);
      if (err != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
      self->level = SQLITE_LOCK_SHARED;
      return SQLITE_OK;
    }

  if (level == SQLITE_LOCK_RESERVED)
    {
      if ((err = ofd_lock (self->lock_fd, F_WRLCK, RESERVED_BYTE, 1)) != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
      self->level = SQLITE_LOCK_RESERVED;
      return SQLITE_OK;
    }

  g_assert (level == SQLITE_LOCK_EXCLUSIVE);
  if (self->level < SQLITE_LOCK_PENDING)
    {
      if ((err = ofd_lock (self->lock_fd, F_WRLCK, PENDING_BYTE, 1)) != 0)
        return lock_error (err, SQLITE_IOERR_LOCK);
      self->level = SQLITE_LOCK_PENDING;
    }
  if ((err = ofd_lock (self->lock_fd, F_WRLCK, SHARED_FIRST, SHARED_SIZE)) != 0)
    return lock_error (err, SQLITE_IOERR_LOCK);   /* stays PENDING */
  self->level = SQLITE_LOCK_EXCLUSIVE;
  return SQLITE_OK;
}

/* As os_unix.c's posixUnlock(): down to SHARED or to none. */
static int
hw_file_unlock (sqlite3_file *file,
                int           level)
{
  HwFile *self = (HwFile *) file;

  if (self->lock_fd < 0)
    return self->real->pMethods->xUnlock (self->real, level);
  if (self->level <= level)
    return SQLITE_OK;

  if (level == SQLITE_LOCK_SHARED)
    {
      if (self->level == SQLITE_LOCK_EXCLUSIVE &&
          ofd_lock (self->lock_fd, F_RDLCK, SHARED_FIRST, SHARED_SIZE) != 0)
        return SQLITE_IOERR_RDLOCK;
      if (ofd_lock (self->lock_fd, F_UNLCK, PENDING_BYTE, 2) != 0)
        return SQLITE_IOERR_UNLOCK;
      self->level = SQLITE_LOCK_SHARED;
      return SQLITE_OK;
    }

  if (ofd_lock (self->lock_fd, F_UNLCK, PENDING_BYTE, 2 + SHARED_SIZE) != 0)
    return SQLITE_IOERR_UNLOCK;
  self->level = SQLITE_LOCK_NONE;
  return SQLITE_OK;
}

static int
hw_file_check_reserved_lock (sqlite3_file *file,
                             int          *reserved)
{
  HwFile *self = (HwFile *) file;
  struct flock fl;

  if (self->lock_fd < 0)
    return self->real->pMethods->xCheckReservedLock (self->real, reserved);
  if (self->level > SQLITE_LOCK_SHARED)
    {
      *reserved = 1;
      return SQLITE_OK;
    }
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = RESERVED_BYTE;
  fl.l_len = 1;
  if (fcntl (self->lock_fd, F_OFD_GETLK, &fl) != 0)
    return SQLITE_IOERR_CHECKRESERVEDLOCK;
  *reserved = fl.l_type != F_UNLCK;
  return SQLITE_OK;
}

static int
hw_file_control (sqlite3_file *file, int op, void *arg)
{
  HwFile *self = (HwFile *) file;

  if (op == SQLITE_FCNTL_LOCKSTATE && self->lock_fd >= 0)
    {
      *(int *) arg = self->level;
      return SQLITE_OK;
    }
  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
hw_file_sector_size (sqlite3_file *file)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xSectorSize (real);
}

static int
hw_file_device_characteristics (sqlite3_file *file)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xDeviceCharacteristics (real);
}

static int
hw_file_shm_map (sqlite3_file      *file,
                 int                page,
                 int                page_size,
                 int                extend,
                 void volatile    **out)
{
  HwFile *self = (HwFile *) file;
  int rc = self->real->pMethods->xShmMap (self->real, page, page_size, extend, out);

  if (rc != SQLITE_OK || self->shm_fd >= 0 || self->shm_path == NULL)
    return rc;

  /* unix has just joined the -shm (holding the DMS byte shared with a
   * POSIX lock that any close() in the process could drop): hold it with
   * a lock of our own too, so that no other process ever takes this -shm
   * for abandoned and resets it under us. */
  /* Read-write even for a read-only connection, as unix does: one may
   * have to rebuild the -shm after a crash, under exclusive locks. */
  self->shm_fd = open (self->shm_path, O_RDWR | O_CLOEXEC);
  if (self->shm_fd < 0 && (errno == EACCES || errno == EROFS))
    self->shm_fd = open (self->shm_path, O_RDONLY | O_CLOEXEC);
  if (self->shm_fd < 0)
    return SQLITE_IOERR_SHMOPEN;
  if (ofd_lock (self->shm_fd, F_RDLCK, SHM_DMS, 1) != 0)
    {
      close (self->shm_fd);
      self->shm_fd = -1;
      return SQLITE_BUSY;
    }
  return SQLITE_OK;
}

static int
hw_file_shm_lock (sqlite3_file *file,
                  int           offset,
                  int           n,
                  int           flags)
{
  HwFile *self = (HwFile *) file;
  short type;
  int err;

  if (self->shm_fd < 0)
    return self->real->pMethods->xShmLock (self->real, offset, n, flags);

  if (flags & SQLITE_SHM_UNLOCK)
    type = F_UNLCK;
  else if (flags & SQLITE_SHM_SHARED)
    type = F_RDLCK;
  else
    type = F_WRLCK;
  err = ofd_lock (self->shm_fd, type, SHM_BASE + offset, n);
  if (err == 0)
    return SQLITE_OK;
  return type == F_UNLCK ? SQLITE_IOERR_SHMLOCK : lock_error (err, SQLITE_IOERR_SHMLOCK);
}

static void
hw_file_shm_barrier (sqlite3_file *file)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  real->pMethods->xShmBarrier (real);
}

static int
hw_file_shm_unmap (sqlite3_file *file,
                   int           delete_flag)
{
  HwFile *self = (HwFile *) file;

  if (self->shm_fd >= 0)
    {
      close (self->shm_fd);   /* releases our -shm locks, and only ours */
      self->shm_fd = -1;
    }
  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

static int
hw_file_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xFetch (real, offset, amount, out);
}

static int
hw_file_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  sqlite3_file *real = ((HwFile *) file)->real;
  return real->pMethods->xUnfetch (real, offset, page);
}

static const sqlite3_io_methods hw_io_methods = {
  3,
  hw_file_close,
  hw_file_read,
  hw_file_write,
  hw_file_truncate,
  hw_file_sync,
  hw_file_size,
  hw_file_lock,
  hw_file_unlock,
  hw_file_check_reserved_lock,
  hw_file_control,
  hw_file_sector_size,
  hw_file_device_characteristics,
  hw_file_shm_map,
  hw_file_shm_lock,
  hw_file_shm_barrier,
  hw_file_shm_unmap,
  hw_file_fetch,
  hw_file_unfetch,
};

/* vfs methods --------------------------------------------------------------- */

static int
hw_vfs_open (sqlite3_vfs      *vfs,
             sqlite3_filename  name,
             sqlite3_file     *file,
             int               flags,
             int              *out_flags)
{
  HwFile *self = (HwFile *) file;
  int rc;

  memset (self, 0, sizeof *self);
  self->real = (sqlite3_file *) ((char *) file + HW_FILE_SIZE);
  self->lock_fd = self->shm_fd = -1;

  rc = real_vfs ()->xOpen (real_vfs (), name, self->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      if (self->real->pMethods != NULL)
        self->real->pMethods->xClose (self->real);
      return rc;
    }
  if (self->real->pMethods->iVersion < 3)
    {
      self->real->pMethods->xClose (self->real);
      return SQLITE_CANTOPEN;
    }

  /* An immutable or unlocked file (a read-only look at a file that may
   * be refused) takes no locks at all, as with unix. */
  if ((flags & SQLITE_OPEN_MAIN_DB) && name != NULL &&
      !sqlite3_uri_boolean (name, "immutable", 0) && !sqlite3_uri_boolean (name, "nolock", 0))
    {
      int effective = out_flags ? *out_flags : flags;
      gboolean read_only = (effective & SQLITE_OPEN_READONLY) != 0;

      /* A read-only description can only take read locks: enough for a
       * reader, which only asks for more when it closes (to learn whether
       * it is the last one). */
      self->lock_fd = open (name, (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
      if (self->lock_fd < 0 && !read_only && (errno == EACCES || errno == EROFS))
        self->lock_fd = open (name, O_RDONLY | O_CLOEXEC);
      if (self->lock_fd < 0)
        {
          self->real->pMethods->xClose (self->real);
          return SQLITE_CANTOPEN;
        }
      self->shm_path = g_strconcat (name, "-shm", NULL);
    }

  self->base.pMethods = &hw_io_methods;
  return SQLITE_OK;
}

static int
hw_vfs_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs ()->xDelete (real_vfs (), name, sync_dir);
}

static int
hw_vfs_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs ()->xAccess (real_vfs (), name, flags, out);
}

static int
hw_vfs_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs ()->xFullPathname (real_vfs (), name, n, out);
}

static void *
hw_vfs_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs ()->xDlOpen (real_vfs (), name);
}

static void
hw_vfs_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs ()->xDlError (real_vfs (), n, out);
}

static void (*hw_vfs_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs ()->xDlSym (real_vfs (), handle, symbol);
}

static void
hw_vfs_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs ()->xDlClose (real_vfs (), handle);
}

static int
hw_vfs_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs ()->xRandomness (real_vfs (), n, out);
}

static int
hw_vfs_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs ()->xSleep (real_vfs (), microseconds);
}

static int
hw_vfs_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs ()->xCurrentTime (real_vfs (), out);
}

static int
hw_vfs_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs ()->xGetLastError (real_vfs (), n, out);
}

static int
hw_vfs_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs ()->xCurrentTimeInt64 (real_vfs (), out);
}

/* Whether this kernel and this folder's file system give
 * open-file-description locks. */
static gboolean
ofd_locks_work (void)
{
  g_autofree char *path = NULL;
  struct flock fl;
  int fd, rc;

  fd = g_file_open_tmp ("homeward-lock-XXXXXX", &path, NULL);
  if (fd < 0)
    return TRUE;   /* cannot tell; the first open will say */
  unlink (path);
  memset (&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = SHARED_FIRST;
  fl.l_len = 1;
  rc = fcntl (fd, F_OFD_SETLK, &fl);
  close (fd);
  return rc == 0;
}

const char *
hw_sqlite_vfs_name (void)
{
  static gsize done = 0;
  static const char *name = "unix";

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *unix_vfs = sqlite3_vfs_find ("unix");

      if (unix_vfs == NULL || unix_vfs->iVersion < 2)
        g_warning ("SQLite has no usable “unix” file layer; the database is locked the usual way");
      else if (!ofd_locks_work ())
        g_warning ("This system has no open-file-description locks; the database is locked the usual way, "
                   "which another program opening the file could undo");
      else
        {
          hw_vfs = *unix_vfs;
          hw_vfs.iVersion = MIN (unix_vfs->iVersion, 2);
          hw_vfs.szOsFile = HW_FILE_SIZE + unix_vfs->szOsFile;
          hw_vfs.pNext = NULL;
          hw_vfs.zName = HW_VFS_NAME;
          hw_vfs.pAppData = unix_vfs;
          hw_vfs.xOpen = hw_vfs_open;
          hw_vfs.xDelete = hw_vfs_delete;
          hw_vfs.xAccess = hw_vfs_access;
          hw_vfs.xFullPathname = hw_vfs_full_pathname;
          hw_vfs.xDlOpen = hw_vfs_dl_open;
          hw_vfs.xDlError = hw_vfs_dl_error;
          hw_vfs.xDlSym = hw_vfs_dl_sym;
          hw_vfs.xDlClose = hw_vfs_dl_close;
          hw_vfs.xRandomness = hw_vfs_randomness;
          hw_vfs.xSleep = hw_vfs_sleep;
          hw_vfs.xCurrentTime = hw_vfs_current_time;
          hw_vfs.xGetLastError = hw_vfs_get_last_error;
          hw_vfs.xCurrentTimeInt64 = hw_vfs_current_time_int64;
          if (sqlite3_vfs_register (&hw_vfs, 0) == SQLITE_OK)
            name = HW_VFS_NAME;
          else
            g_warning ("Could not register Homeward's SQLite file layer; the database is locked the usual way");
        }
      g_once_init_leave (&done, 1);
    }
  return name;
}
