/* test-crash.c: a crash or power cut loses at most the edit in progress.
 *
 * The parent forks children that make random edits through the store
 * (insert, update, delete, a two-row edit, undo, redo). Before each one a
 * child writes to a pipe what it is about to do ("begin ..."), and after
 * the edit returns it writes "committed <id> <marker> <snapshot>", where
 * the snapshot is the whole test table as the child reads it after the
 * commit. The parent SIGKILLs the child at a random moment, then opens the
 * database with the store, as the app would after a crash, and checks:
 *   - PRAGMA integrity_check says ok;
 *   - the table is the last committed snapshot, or that snapshot with the
 *     one edit in progress applied whole (it may have reached the disk
 *     before the kill), never half of it;
 *   - so every edit reported committed is there.
 *
 * Two more runs do the same while something else touches the file:
 *   - /crash/kills-with-reader: another process opens, reads and closes
 *     the database over and over (stock SQLite, like a backup tool or the
 *     sqlite3 shell, and a Homeward store, like the command line);
 *   - /crash/kills-with-sniffing: that reader, and before its edits the
 *     child also opens and closes the database, its -wal or its -shm the
 *     way a file chooser or GIO guessing a file type does. With SQLite's
 *     own POSIX locks this loses committed edits (docs/locking.md):
 *     HOMEWARD_CRASH_VFS=unix shows it.
 *
 * HOMEWARD_CRASH_KILLS sets the number of kills per run (default 200);
 * HOMEWARD_CRASH_SEED replays a run.
 *
 * `test-crash --backend=pg` (suite pg, as crash-pg, run by
 * tests/pg-cluster.sh, which gives HOMEWARD_TEST_PG_URI) runs the same
 * loop against a PostgreSQL server: /crash/server-kills, 50 kills by
 * default. The child is the client; the server sees its connection drop
 * and rolls back what was not committed. The same check, without sqlite's
 * integrity_check (the server's own files are not what is tested).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-crash"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "hw-store-private.h"
#include "hw-store.h"

#define MAX_ROWS 24

/* --backend=pg: the server's address instead of a file */
static const char *server_uri;

/* The test table is "cases": family_name holds a unique marker per edit. */

static char *
snapshot (HwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GString *s = g_string_new (NULL);

  rows = hw_store_select (store, "cases", &error,
                          "SELECT id, family_name FROM cases ORDER BY id",
                          G_TYPE_INVALID);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *r = g_ptr_array_index (rows, i);
      g_string_append_printf (s, "%s%" G_GINT64_FORMAT "=%s", i ? "," : "",
                              hw_record_get_id (r),
                              hw_record_get_string (r, "family_name"));
    }
  if (s->len == 0)
    g_string_append (s, "-");
  return g_string_free (s, FALSE);
}

/* Child ------------------------------------------------------------------- */

static void
say (int         fd,
     const char *fmt,
     ...) G_GNUC_PRINTF (2, 3);

static void
say (int         fd,
     const char *fmt,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize done = 0, len;

  va_start (args, fmt);
  line = g_strdup_vprintf (fmt, args);
  va_end (args);
  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (fd, line + done, len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      done += n;
    }
}

static gint64
random_row (HwStore *store,
            GRand   *rand)
{
  gint64 n = hw_store_query_int (store, 0, "SELECT count(*) FROM cases", G_TYPE_INVALID);

  if (n == 0)
    return 0;
  return hw_store_query_int (store, 0, "SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET ?",
                             G_TYPE_INT64, (gint64) g_rand_int_range (rand, 0, n),
                             G_TYPE_INVALID);
}

/* What a file chooser does to a file in the folder it shows: GIO guesses
 * its type (reading its start), then a plain open and close. */
static void
sniff (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  int fd;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd >= 0)
    close (fd);
}

/* Runs until killed. Never returns. */
static void G_GNUC_NORETURN
child_main (const char *path,
            int         fd,
            guint       round,
            guint32     seed,
            gboolean    sniffing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  const char *files[] = { path, wal, shm };
  HwStore *store;
  guint n = 0;

  if (server_uri == NULL)
    hw_store_use_vfs_for_testing (g_getenv ("HOMEWARD_CRASH_VFS"));
  store = hw_store_open (path, &error);
  if (store == NULL)
    {
      say (fd, "error open: %s\n", error->message);
      _exit (2);
    }
  /* What this child starts from: its own recovery of the -wal index may
   * have found an earlier kill's edit, which an undo can come back to. */
  {
    g_autofree char *opened = snapshot (store);

    say (fd, "opened %s\n", opened);
  }

  for (;;)
    {
      g_autofree char *marker = g_strdup_printf ("r%u-%u", round, n++);
      g_autofree char *marker2 = g_strdup_printf ("r%u-%u", round, n++);
      g_autofree char *snap = NULL;
      gint64 rows = hw_store_query_int (store, 0, "SELECT count(*) FROM cases", G_TYPE_INVALID);
      gint64 id = 0;
      gboolean ok = FALSE;
      int op = g_rand_int_range (rand, 0, 100);

      g_clear_error (&error);
      if (sniffing && g_rand_boolean (rand))
        sniff (files[g_rand_int_range (rand, 0, G_N_ELEMENTS (files))]);
      if (rows >= MAX_ROWS && op < 50)
        op = 60;   /* delete instead of growing */

      if (op < 30)
        {
          g_autoptr(HwRecord) rec = hw_record_new ("cases");

          say (fd, "begin insert %s\n", marker);
          hw_record_set_string (rec, "family_name", marker);
          id = hw_store_insert (store, "Add family", rec, &error);
          ok = id > 0;
        }
      else if (op < 45)
        {
          /* one edit, two rows: both or neither */
          g_autoptr(HwRecord) a = hw_record_new ("cases");
          g_autoptr(HwRecord) b = hw_record_new ("cases");

          say (fd, "begin pair %s %s\n", marker, marker2);
          hw_record_set_string (a, "family_name", marker);
          hw_record_set_string (b, "family_name", marker2);
          ok = hw_store_begin_edit (store, "Add two families", &error) &&
               (id = hw_store_insert (store, NULL, a, &error)) > 0 &&
               hw_store_insert (store, NULL, b, &error) > 0 &&
               hw_store_commit_edit (store, &error);
          if (!ok && hw_store_in_edit (store))
            hw_store_rollback_edit (store);
        }
      else if (op < 60 && (id = random_row (store, rand)) > 0)
        {
          g_autoptr(HwRecord) rec = hw_record_new ("cases");

          say (fd, "begin update %" G_GINT64_FORMAT " %s\n", id, marker);
          hw_record_set_id (rec, id);
          hw_record_set_string (rec, "family_name", marker);
          ok = hw_store_update (store, "Rename family", rec, &error);
        }
      else if (op < 75 && (id = random_row (store, rand)) > 0)
        {
          say (fd, "begin delete %" G_GINT64_FORMAT "\n", id);
          ok = hw_store_delete (store, "Remove family", "cases", id, &error);
          g_free (marker);
          marker = g_strdup ("-");
        }
      else if (op < 90 && hw_store_can_undo (store))
        {
          say (fd, "begin undo\n");
          ok = hw_store_undo (store, &error);
          g_free (marker);
          marker = g_strdup ("undo");
        }
      else if (hw_store_can_redo (store))
        {
          say (fd, "begin redo\n");
          ok = hw_store_redo (store, &error);
          g_free (marker);
          marker = g_strdup ("redo");
        }
      else
        continue;

      if (!ok)
        {
          say (fd, "error %s\n", error ? error->message : "no message");
          _exit (2);
        }
      snap = snapshot (store);
      say (fd, "committed %" G_GINT64_FORMAT " %s %s\n", id, marker, snap);
    }
}

/* Parent ------------------------------------------------------------------ */

/* What the in-progress edit would make of @before, or NULL when it may
 * restore any earlier state (undo, redo). */
static GHashTable *
parse_snapshot (const char *snap)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) items = NULL;

  if (g_strcmp0 (snap, "-") == 0)
    return rows;
  items = g_strsplit (snap, ",", -1);
  for (guint i = 0; items[i]; i++)
    {
      char *eq = strchr (items[i], '=');
      g_assert_nonnull (eq);
      g_hash_table_insert (rows, g_strndup (items[i], eq - items[i]), g_strdup (eq + 1));
    }
  return rows;
}

static gboolean
rows_equal (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (g_hash_table_lookup (b, key), value) != 0)
      return FALSE;
  return TRUE;
}

/* Applies the edit described by @begin ("begin insert m", "begin pair a
 * b", "begin update ID m", "begin delete ID") to @rows. The ids of
 * inserted rows are not known in advance: they are the rows of @after
 * that are not in @rows and carry the edit's markers. */
static gboolean
apply_edit (GHashTable *rows,
            GHashTable *after,
            const char *begin)
{
  g_auto(GStrv) w = g_strsplit (begin, " ", -1);

  if (g_strcmp0 (w[1], "insert") == 0 || g_strcmp0 (w[1], "pair") == 0)
    {
      guint want = g_strcmp0 (w[1], "pair") == 0 ? 2 : 1;
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, after);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (rows, key) &&
            (g_strcmp0 (value, w[2]) == 0 || (want == 2 && g_strcmp0 (value, w[3]) == 0)))
          g_ptr_array_add (found, key);
      if (found->len != want)
        return FALSE;
      for (guint i = 0; i < found->len; i++)
        {
          const char *id = g_ptr_array_index (found, i);
          g_hash_table_insert (rows, g_strdup (id), g_strdup (g_hash_table_lookup (after, id)));
        }
      return TRUE;
    }
  if (g_strcmp0 (w[1], "update") == 0)
    {
      if (!g_hash_table_contains (rows, w[2]))
        return FALSE;
      g_hash_table_insert (rows, g_strdup (w[2]), g_strdup (w[3]));
      return TRUE;
    }
  if (g_strcmp0 (w[1], "delete") == 0)
    return g_hash_table_remove (rows, w[2]);
  return FALSE;   /* undo, redo: see check_after_kill() */
}

/* Is @after exactly @before with the edits @first and then @second (the
 * latter may be NULL) applied whole? */
static gboolean
edits_applied_whole (const char *before,
                     const char *after,
                     const char *first,
                     const char *second)
{
  g_autoptr(GHashTable) b = parse_snapshot (before);
  g_autoptr(GHashTable) a = parse_snapshot (after);

  if (!apply_edit (b, a, first))
    return FALSE;
  if (second != NULL && !apply_edit (b, a, second))
    return FALSE;
  return rows_equal (a, b);
}

static gboolean
is_undo_or_redo (const char *begin)
{
  return begin != NULL &&
         (g_str_has_prefix (begin, "begin undo") || g_str_has_prefix (begin, "begin redo"));
}

/* The other process: reads the database until @stop is closed. Exits 0
 * when it read something. */
static void G_GNUC_NORETURN
reader_main (const char *path,
             int         stop)
{
  guint n_read = 0;
  char c;

  g_unix_set_fd_nonblocking (stop, TRUE, NULL);
  for (guint i = 0; read (stop, &c, 1) < 0 && errno == EAGAIN; i++)
    {
      if (i % 2 == 0)
        {
          sqlite3 *db = NULL;
          sqlite3_stmt *stmt = NULL;

          /* stock SQLite: its own POSIX locks */
          if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
            {
              sqlite3_busy_timeout (db, 1000);
              if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM cases", -1, &stmt, NULL) == SQLITE_OK &&
                  sqlite3_step (stmt) == SQLITE_ROW)
                n_read++;
              sqlite3_finalize (stmt);
            }
          sqlite3_close (db);
        }
      else
        {
          /* the command line */
          g_autoptr(HwStore) store = hw_store_open (path, NULL);

          if (store != NULL &&
              hw_store_query_int (store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID) >= 0)
            n_read++;
        }
      g_usleep (g_random_int_range (0, 2000));
    }
  _exit (n_read > 0 ? 0 : 1);
}

typedef struct {
  gboolean reader;
  gboolean sniffing;
} Mode;

typedef struct {
  const Mode *mode;
  char       *path;
  GRand      *rand;
  guint       kills;
  char       *last;        /* last committed snapshot */
  GHashTable *seen;        /* every state the table has been in */
  /* The edits in progress at earlier kills that were not found on disk
   * then, and the state they would apply to. While another process keeps
   * the -wal index alive, the index may not list an edit's frames; a later
   * recovery of the index (the next first opener) may find them whole,
   * until a new commit overwrites them. Each is an edit that "may or may
   * not have reached the disk". There can be several: the next child,
   * seeing the old index, begins its own edit at the same place in the
   * -wal and may be killed before writing a frame of it, leaving the
   * earlier edit's frames there. A recovery then finds at most one of
   * them (a later one written over an earlier one's frames breaks the
   * earlier one's checksums). */
  GPtrArray  *pending;
  char       *pending_base;
  GQueue      trace;       /* the last lines of the children and checks */
  guint       n_committed;
  guint       n_in_flight_applied;
  guint       n_late_applied;
} Run;

/* Reads one line from @fd into @line; FALSE at end of file. */
static gboolean
read_line (int      fd,
           GString *buf,
           GString *line)
{
  for (;;)
    {
      char *nl = memchr (buf->str, '\n', buf->len);
      char chunk[4096];
      ssize_t n;

      if (nl != NULL)
        {
          g_string_assign (line, "");
          g_string_append_len (line, buf->str, nl - buf->str);
          g_string_erase (buf, 0, nl - buf->str + 1);
          return TRUE;
        }
      n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      g_string_append_len (buf, chunk, n);
    }
}

#define TRACE_LINES 200

/* Keeps @line for the message of a failure. */
static void
trace (Run        *run,
       guint       round,
       const char *line)
{
  g_queue_push_tail (&run->trace, g_strdup_printf ("%u: %s", round, line));
  if (run->trace.length > TRACE_LINES)
    g_free (g_queue_pop_head (&run->trace));
}

/* What led to a failure: the children's last lines and what each
 * recovery found. */
static void
print_trace (Run *run)
{
  for (GList *l = run->trace.head; l != NULL; l = l->next)
    g_printerr ("%s\n", (const char *) l->data);
}

static const char *found_pending (Run        *run,
                                  const char *now,
                                  const char *in_flight);

/* Handles one line of the child; returns FALSE on "error". */
static void
take_line (Run        *run,
           guint       round,
           const char *line,
           char      **in_flight)
{
  trace (run, round, line);
  if (g_str_has_prefix (line, "opened "))
    {
      const char *opened = line + strlen ("opened ");

      /* Nothing committed may be lost when a program opens the file
       * either: it finds the last state, or that with one whole edit of
       * an earlier kill (see Run) */
      if (g_strcmp0 (opened, run->last) != 0)
        {
          const char *found = found_pending (run, opened, NULL);

          if (found == NULL || g_strcmp0 (run->pending_base, run->last) != 0)
            {
              print_trace (run);
              g_error ("In round %u the child opened data that is not what was committed.\n"
                       "  last committed: %s\n  found: %s", round, run->last, opened);
            }
          g_test_message ("In round %u the child found an earlier kill's edit: %s", round, found);
          run->n_late_applied++;
          g_free (run->last);
          run->last = g_strdup (opened);
          g_hash_table_add (run->seen, g_strdup (opened));
          g_ptr_array_set_size (run->pending, 0);
          g_clear_pointer (&run->pending_base, g_free);
        }
    }
  else if (g_str_has_prefix (line, "begin "))
    {
      g_free (*in_flight);
      *in_flight = g_strdup (line);
    }
  else if (g_str_has_prefix (line, "committed "))
    {
      g_auto(GStrv) w = g_strsplit (line, " ", 4);

      g_assert_nonnull (w[3]);
      g_free (run->last);
      run->last = g_strdup (w[3]);
      g_hash_table_add (run->seen, g_strdup (w[3]));
      g_clear_pointer (in_flight, g_free);
      g_ptr_array_set_size (run->pending, 0);
      g_clear_pointer (&run->pending_base, g_free);
      run->n_committed++;
    }
  else
    g_error ("The child failed: %s", line);
}

/* An undo or redo brings back some earlier state: is @now one of those
 * with @in_flight applied on top? */
static gboolean
applied_to_a_seen_state (Run        *run,
                         const char *now,
                         const char *in_flight)
{
  GHashTableIter iter;
  gpointer state;

  if (is_undo_or_redo (in_flight))
    return g_hash_table_contains (run->seen, now);
  g_hash_table_iter_init (&iter, run->seen);
  while (g_hash_table_iter_next (&iter, &state, NULL))
    if (edits_applied_whole (state, now, in_flight, NULL))
      return TRUE;
  return FALSE;
}

/* Is @now the last state with one of the pending edits applied (and then
 * @in_flight, when not NULL)? Returns that edit. */
static const char *
found_pending (Run        *run,
               const char *now,
               const char *in_flight)
{
  for (guint i = 0; i < run->pending->len; i++)
    {
      const char *p = g_ptr_array_index (run->pending, i);
      gboolean found;

      if (in_flight == NULL)
        found = is_undo_or_redo (p) ? g_hash_table_contains (run->seen, now)
                                    : edits_applied_whole (run->last, now, p, NULL);
      else
        found = is_undo_or_redo (p) ? applied_to_a_seen_state (run, now, in_flight)
                                    : edits_applied_whole (run->last, now, p, in_flight);
      if (found)
        return p;
    }
  return NULL;
}

static void
check_after_kill (Run        *run,
                  guint       round,
                  const char *in_flight)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *now = NULL;
  g_autofree char *integrity = NULL;
  const char *pending = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The app's way back in after a crash. */
  store = hw_store_open (run->path, &error);
  g_assert_no_error (error);

  if (server_uri == NULL)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (hw_store_get_db (store), "PRAGMA integrity_check",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      integrity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      g_assert_cmpstr (integrity, ==, "ok");
    }

  now = snapshot (store);
  /* the pending edits apply to the last state only */
  if (g_strcmp0 (run->pending_base, run->last) != 0)
    {
      g_ptr_array_set_size (run->pending, 0);
      g_clear_pointer (&run->pending_base, g_free);
    }
  if (g_strcmp0 (now, run->last) == 0)
    ;   /* the edit in progress, if any, did not reach the disk */
  else if (is_undo_or_redo (in_flight) && g_hash_table_contains (run->seen, now))
    run->n_in_flight_applied++;   /* undo/redo brings back an earlier state */
  else if (in_flight != NULL && edits_applied_whole (run->last, now, in_flight, NULL))
    run->n_in_flight_applied++;   /* committed, killed before it could say so */
  else if ((pending = found_pending (run, now, NULL)) != NULL)
    run->n_late_applied++;   /* an earlier kill's edit, found by a later recovery */
  else if (in_flight != NULL && (pending = found_pending (run, now, in_flight)) != NULL)
    {
      /* the child found an earlier edit when it rebuilt the index, and
       * made its own on top of it */
      run->n_late_applied++;
      run->n_in_flight_applied++;
    }
  else
    {
      g_autofree char *all = run->pending->len > 0
                             ? g_strjoinv ("; ", (char **) run->pending->pdata) : NULL;

      print_trace (run);

      g_error ("After kill %u the data is not what was committed.\n"
               "  last committed: %s\n  edit in progress: %s\n"
               "  edits of earlier kills not found then: %s\n  found: %s",
               round, run->last, in_flight ? in_flight : "(none)", all ? all : "(none)", now);
    }
  if (pending != NULL)
    g_test_message ("After kill %u an earlier kill's edit was found: %s", round, pending);
  {
    g_autofree char *found = g_strdup_printf ("recovered %s%s%s", now,
                                              pending ? " with earlier " : "",
                                              pending ? pending : "");
    trace (run, round, found);
  }

  if (g_strcmp0 (now, run->last) == 0 && in_flight != NULL)
    {
      /* not on disk now; it may still be found later (see Run) */
      if (run->pending_base == NULL)
        run->pending_base = g_strdup (now);
      g_ptr_array_add (run->pending, g_strdup (in_flight));
    }
  else if (g_strcmp0 (now, run->last) != 0)
    {
      g_ptr_array_set_size (run->pending, 0);
      g_clear_pointer (&run->pending_base, g_free);
    }

  g_free (run->last);
  run->last = g_steal_pointer (&now);
  g_hash_table_add (run->seen, g_strdup (run->last));
}

static void
one_round (Run   *run,
           guint  round)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *in_flight = NULL;
  int fds[2];
  pid_t pid;
  int status;
  guint32 seed = g_rand_int (run->rand);
  /* Kill after 0..12 reported edits, then after a further 0..3 ms: the
   * kill lands anywhere, including inside sqlite's commit. */
  guint lines_before_kill = g_rand_int_range (run->rand, 0, 25);
  gulong delay_us = g_rand_int_range (run->rand, 0, 3000);

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_main (run->path, fds[1], round, seed, run->mode->sniffing);
    }
  close (fds[1]);

  for (guint i = 0; i < lines_before_kill && read_line (fds[0], buf, line); i++)
    take_line (run, round, line->str, &in_flight);
  g_usleep (delay_us);
  kill (pid, SIGKILL);
  while (read_line (fds[0], buf, line))
    take_line (run, round, line->str, &in_flight);
  close (fds[0]);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL))
    g_error ("Child of round %u ended by itself before it was killed (%s %d)", round,
             WIFSIGNALED (status) ? "signal" : "exit status",
             WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));

  check_after_kill (run, round, in_flight);
}

static void
test_crash_kills (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *cmd = NULL;
  const char *env_kills = g_getenv ("HOMEWARD_CRASH_KILLS");
  const char *env_seed = g_getenv ("HOMEWARD_CRASH_SEED");
  guint32 seed = env_seed ? (guint32) g_ascii_strtoull (env_seed, NULL, 10) : g_random_int ();
  Run run = { 0 };
  int stop[2] = { -1, -1 };
  pid_t reader = -1;

  run.mode = data;
  run.kills = env_kills ? (guint) g_ascii_strtoull (env_kills, NULL, 10) :
              server_uri ? 50 : 200;
  run.rand = g_rand_new_with_seed (seed);
  run.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.pending = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_test_message ("%u kills, HOMEWARD_CRASH_SEED=%u", run.kills, seed);

  dir = g_dir_make_tmp ("homeward-crash-XXXXXX", &error);
  g_assert_no_error (error);
  run.path = server_uri ? g_strdup (server_uri) : g_build_filename (dir, "homeward.db", NULL);

  /* Create the database before the first child, so that the first kill
   * does not merely interrupt its creation. */
  store = hw_store_open (run.path, &error);
  g_assert_no_error (error);
  run.last = snapshot (store);
  g_hash_table_add (run.seen, g_strdup (run.last));
  g_clear_object (&store);

  if (run.mode->reader)
    {
      g_assert_cmpint (pipe (stop), ==, 0);
      reader = fork ();
      g_assert_cmpint (reader, >=, 0);
      if (reader == 0)
        {
          close (stop[1]);
          reader_main (run.path, stop[0]);
        }
      close (stop[0]);
    }

  for (guint round = 1; round <= run.kills; round++)
    one_round (&run, round);

  if (reader > 0)
    {
      int status;

      close (stop[1]);
      g_assert_cmpint (waitpid (reader, &status, 0), ==, reader);
      if (WIFSIGNALED (status))
        g_error ("The reading process was ended by signal %d (%s)",
                 WTERMSIG (status), g_strsignal (WTERMSIG (status)));
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("The reading process read nothing (status %d)", status);
    }

  g_test_message ("%u edits reported committed; %u times the edit in progress "
                  "had reached the disk when the child was killed, %u times it was "
                  "found after a later kill",
                  run.n_committed, run.n_in_flight_applied, run.n_late_applied);
  /* The test must have exercised something. */
  g_assert_cmpuint (run.n_committed, >, run.kills);

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (run.path);
  g_free (run.last);
  g_ptr_array_unref (run.pending);
  g_queue_clear_full (&run.trace, g_free);
  g_free (run.pending_base);
  g_hash_table_unref (run.seen);
  g_rand_free (run.rand);
}

int
main (int   argc,
      char *argv[])
{
  static const Mode alone = { FALSE, FALSE };
  static const Mode with_reader = { TRUE, FALSE };
  static const Mode with_sniffing = { TRUE, TRUE };

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--backend=pg"))
      {
        server_uri = g_getenv ("HOMEWARD_TEST_PG_URI");
        if (server_uri == NULL)
          {
            g_printerr ("test-crash: SKIP: no PostgreSQL cluster; run it through tests/pg-cluster.sh run\n");
            return 77;
          }
      }
  g_test_init (&argc, &argv, NULL);

  if (server_uri != NULL)
    {
      /* the same loop against the server: no reader of a file to add */
      g_test_add_data_func ("/crash/server-kills", &alone, test_crash_kills);
      return g_test_run ();
    }
  g_test_add_data_func ("/crash/kills", &alone, test_crash_kills);
  g_test_add_data_func ("/crash/kills-with-reader", &with_reader, test_crash_kills);
  g_test_add_data_func ("/crash/kills-with-sniffing", &with_sniffing, test_crash_kills);
  return g_test_run ();
}
