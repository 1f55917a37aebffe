/* hw-db-pg.c: HwDb on a PostgreSQL server through libpq.
 *
 * - Statements are prepared on the server (PQprepare, one name per
 *   statement, DEALLOCATEd when freed) after `?` became `$n`; parameters
 *   and results go as text, so a value reads back exactly as sqlite gives
 *   it (a truth value as "1"/"0").
 * - sqlite's last_insert_rowid: an INSERT into a table with an `id`
 *   column gets " RETURNING id" added, and the backend keeps the id (a
 *   sequence's lastval() would be wrong: the undo journal's trigger
 *   inserts into hw_undo_log in the same statement).
 * - Errors: the SQLSTATE decides the HW_STORE_ERROR code (class 23, a
 *   rule of the data, and 22, a bad value, are INVALID; a lost or refused
 *   connection is IO). The server's words follow in brackets, with the
 *   connection's password, should it appear, replaced by "***"; the
 *   address is always shown without it (hw_db_redact_uri()).
 * - After an error inside a transaction PostgreSQL refuses everything
 *   but ROLLBACK (sqlite would carry on): the store ends an edit that
 *   failed anyway, and a COMMIT of such a transaction is an error here,
 *   never the silent ROLLBACK the server answers with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-db"

#include <string.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "hw-db-private.h"
#include "hw-store.h"

#define BOOLOID 16
#define INT8OID 20
#define INT2OID 21
#define INT4OID 23
#define OIDOID 26
#define FLOAT4OID 700
#define FLOAT8OID 701
#define NUMERICOID 1700

typedef struct {
  HwDb        parent;
  PGconn     *conn;
  gint64      last_insert_id;
  gint64      changes;
  guint       next_stmt;
  /* table name -> GINT_TO_POINTER (1: has an `id` column, 2: has not) */
  GHashTable *id_tables;
  /* prepared statements freed inside a failed transaction, where even
   * DEALLOCATE is refused: dropped when it has ended */
  GPtrArray  *to_deallocate;
} HwDbPg;

typedef struct {
  HwDbStmt  parent;
  char     *name;
  guint     n_params;
  char    **values;        /* n_params texts, NULL = SQL NULL */
  PGresult *result;
  int       row;           /* the current row; -1 before the first */
  gboolean  returning_id;  /* " RETURNING id" was added */
  gboolean  done;
} HwDbPgStmt;

#define PG(d) ((HwDbPg *) (d))
#define PG_STMT(s) ((HwDbPgStmt *) (s))

/* @text with the connection's password replaced by "***" */
static char *
scrub (PGconn     *conn,
       const char *text)
{
  const char *password = conn ? PQpass (conn) : NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_auto(GStrv) parts = NULL;

  if (password == NULL || *password == '\0')
    return g_steal_pointer (&trimmed);
  parts = g_strsplit (trimmed, password, -1);
  return g_strjoinv ("***", parts);
}

static void
set_error (HwDbPg         *self,
           GError        **error,
           const PGresult *res)
{
  const char *state = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = res ? PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL) : NULL;
  g_autofree char *joined = NULL;
  g_autofree char *words = NULL;
  const char *message;
  int code;

  if (primary == NULL)
    primary = res ? PQresultErrorMessage (res) : NULL;
  if (primary == NULL || *primary == '\0')
    primary = PQerrorMessage (self->conn);
  joined = detail ? g_strdup_printf ("%s: %s", primary, detail) : g_strdup (primary);
  words = scrub (self->conn, joined);

  if (PQstatus (self->conn) == CONNECTION_BAD)
    {
      code = HW_STORE_ERROR_IO;
      message = _("The connection to the database server was lost, so nothing was saved");
    }
  else if (state == NULL)
    {
      code = HW_STORE_ERROR_IO;
      message = _("The database could not be read or written");
    }
  else if (g_str_has_prefix (state, "23") || g_str_has_prefix (state, "22"))
    {
      code = HW_STORE_ERROR_INVALID;
      message = _("This change would break a rule of the data");
    }
  else if (g_str_equal (state, "53100"))
    {
      code = HW_STORE_ERROR_FULL;
      message = _("The database server’s disk is full, so nothing was saved");
    }
  else if (g_str_equal (state, "25006") || g_str_equal (state, "42501"))
    {
      code = HW_STORE_ERROR_READ_ONLY;
      message = _("You may not change this on the database server");
    }
  else if (g_str_has_prefix (state, "40") || g_str_equal (state, "55P03"))
    {
      code = HW_STORE_ERROR_BUSY;
      message = _("Someone else was changing the same thing at the same moment; nothing was saved");
    }
  else if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57") ||
           g_str_has_prefix (state, "28"))
    {
      code = HW_STORE_ERROR_IO;
      message = _("The connection to the database server was lost, so nothing was saved");
    }
  else
    {
      code = HW_STORE_ERROR_IO;
      message = _("The database could not be read or written");
    }

  g_set_error (error, HW_STORE_ERROR, code, "%s (%s)", message, words);
}

static void
deallocate_pending (HwDbPg *self)
{
  if (self->to_deallocate->len == 0 ||
      PQtransactionStatus (self->conn) == PQTRANS_INERROR)
    return;
  for (guint i = 0; i < self->to_deallocate->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s",
                                              (char *) g_ptr_array_index (self->to_deallocate, i));
      PQclear (PQexec (self->conn, sql));
    }
  g_ptr_array_set_size (self->to_deallocate, 0);
}

static void
pg_close (HwDb *db)
{
  HwDbPg *self = PG (db);

  PQfinish (self->conn);
  g_hash_table_unref (self->id_tables);
  g_ptr_array_unref (self->to_deallocate);
  g_free (db->name);
  g_free (self);
}

static HwDbStmt *pg_prepare   (HwDb *db, const char *sql, GError **error);
static HwDbStep  pg_step      (HwDbStmt *stmt, GError **error);
static void      pg_stmt_free (HwDbStmt *stmt);
static char     *insert_table (const char *sql);

/* whether @sql is a single INSERT (no second statement after a ';') */
static gboolean
is_one_insert (const char *sql)
{
  g_autofree char *table = insert_table (sql);
  gboolean quoted = FALSE;

  if (table == NULL)
    return FALSE;
  for (const char *p = sql; *p; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      else if (*p == ';' && !quoted)
        {
          while (g_ascii_isspace (*++p) || *p == ';')
            ;
          return *p == '\0';
        }
    }
  return TRUE;
}

static gboolean
pg_exec (HwDb        *db,
         const char  *sql,
         GError     **error)
{
  HwDbPg *self = PG (db);
  PGresult *res;
  ExecStatusType status;

  /* the server would answer a COMMIT of a failed transaction with a
   * ROLLBACK and no error */
  if (g_ascii_strcasecmp (sql, "COMMIT") == 0 &&
      PQtransactionStatus (self->conn) == PQTRANS_INERROR)
    {
      PQclear (PQexec (self->conn, "ROLLBACK"));
      deallocate_pending (self);
      g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                           _("A step of this change failed, so nothing of it was saved"));
      return FALSE;
    }

  /* one INSERT: as a statement, so that its id is kept */
  if (is_one_insert (sql))
    {
      HwDbStmt *stmt = pg_prepare (db, sql, error);
      HwDbStep step;

      if (stmt == NULL)
        return FALSE;
      step = pg_step (stmt, error);
      pg_stmt_free (stmt);
      return step != HW_DB_STEP_ERROR;
    }

  res = PQexec (self->conn, sql);
  status = PQresultStatus (res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_error (self, error, res);
      PQclear (res);
      deallocate_pending (self);
      return FALSE;
    }
  if (*PQcmdTuples (res))
    self->changes = g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
  PQclear (res);
  deallocate_pending (self);
  return TRUE;
}

static gboolean
pg_in_transaction (HwDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (PG (db)->conn);

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

static gint64
pg_last_insert_id (HwDb *db)
{
  return PG (db)->last_insert_id;
}

static gint64
pg_changes (HwDb *db)
{
  return PG (db)->changes;
}

/* skips white space and comments */
static const char *
skip_space (const char *p)
{
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (p[0] == '-' && p[1] == '-')
        p = strchr (p, '\n') ? strchr (p, '\n') : p + strlen (p);
      else if (p[0] == '/' && p[1] == '*')
        p = strstr (p, "*/") ? strstr (p, "*/") + 2 : p + strlen (p);
      else
        return p;
    }
}

static gboolean
skip_word (const char **p,
           const char  *word)
{
  gsize len = strlen (word);

  *p = skip_space (*p);
  if (g_ascii_strncasecmp (*p, word, len) != 0 ||
      g_ascii_isalnum ((*p)[len]) || (*p)[len] == '_')
    return FALSE;
  *p += len;
  return TRUE;
}

/* (transfer full) (nullable): the table an "INSERT INTO t" writes to */
static char *
insert_table (const char *sql)
{
  const char *p = sql;
  const char *start;

  if (!skip_word (&p, "INSERT") || !skip_word (&p, "INTO"))
    return NULL;
  p = skip_space (p);
  start = p;
  while (g_ascii_isalnum (*p) || *p == '_' || *p == '.')
    p++;
  return p > start ? g_ascii_strdown (start, p - start) : NULL;
}

static gboolean
has_id_column (HwDbPg     *self,
               const char *table)
{
  gpointer known = g_hash_table_lookup (self->id_tables, table);
  const char *values[1] = { table };
  PGresult *res;
  gboolean has;

  if (known)
    return GPOINTER_TO_INT (known) == 1;
  res = PQexecParams (self->conn,
                      "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1)"
                      " AND attname = 'id' AND NOT attisdropped",
                      1, NULL, values, NULL, NULL, 0);
  has = PQresultStatus (res) == PGRES_TUPLES_OK && PQntuples (res) > 0;
  /* a failed look-up (a failed transaction) is not remembered */
  if (PQresultStatus (res) == PGRES_TUPLES_OK)
    g_hash_table_insert (self->id_tables, g_strdup (table), GINT_TO_POINTER (has ? 1 : 2));
  PQclear (res);
  return has;
}

/* whether @sql has the word RETURNING outside quotes */
static gboolean
has_returning (const char *sql)
{
  g_autofree char *lower = NULL;
  gboolean quoted = FALSE;

  lower = g_ascii_strdown (sql, -1);
  for (const char *p = lower; *p; p++)
    {
      if (*p == '\'')
        quoted = !quoted;
      else if (!quoted && g_str_has_prefix (p, "returning") &&
               (p == lower || !g_ascii_isalnum (p[-1])))
        return TRUE;
    }
  return FALSE;
}

static HwDbStmt *
pg_prepare (HwDb        *db,
            const char  *sql,
            GError     **error)
{
  HwDbPg *self = PG (db);
  g_autofree char *table = insert_table (sql);
  g_autofree char *text = NULL;
  g_autofree char *with_id = NULL;
  HwDbPgStmt *stmt;
  PGresult *res;
  guint n_params = 0;

  text = hw_db_rewrite_placeholders (sql, &n_params);
  stmt = g_new0 (HwDbPgStmt, 1);
  stmt->parent.db = db;
  stmt->n_params = n_params;
  stmt->values = g_new0 (char *, n_params + 1);
  stmt->row = -1;

  if (table && !has_returning (sql) && has_id_column (self, table))
    {
      gsize len = strlen (text);

      while (len > 0 && (g_ascii_isspace (text[len - 1]) || text[len - 1] == ';'))
        len--;
      text[len] = '\0';
      with_id = g_strconcat (text, " RETURNING id", NULL);
      g_free (text);
      text = g_steal_pointer (&with_id);
      stmt->returning_id = TRUE;
    }

  stmt->name = g_strdup_printf ("hw_%u", ++self->next_stmt);
  res = PQprepare (self->conn, stmt->name, text, n_params, NULL);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      set_error (self, error, res);
      PQclear (res);
      g_strfreev (stmt->values);
      g_free (stmt->name);
      g_free (stmt);
      return NULL;
    }
  PQclear (res);
  return (HwDbStmt *) stmt;
}

static void
pg_reset (HwDbStmt *stmt)
{
  HwDbPgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
  self->done = FALSE;
}

static void
pg_stmt_free (HwDbStmt *stmt)
{
  HwDbPgStmt *self = PG_STMT (stmt);
  HwDbPg *db = PG (stmt->db);

  pg_reset (stmt);
  g_ptr_array_add (db->to_deallocate, g_steal_pointer (&self->name));
  deallocate_pending (db);
  for (guint i = 0; i < self->n_params; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self);
}

static void
set_value (HwDbStmt *stmt,
           guint     index,
           char     *value)
{
  HwDbPgStmt *self = PG_STMT (stmt);

  if (index > self->n_params)
    {
      g_critical ("Parameter %u of a statement with %u", index, self->n_params);
      g_free (value);
      return;
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
}

static void
pg_bind_text (HwDbStmt   *stmt,
              guint       index,
              const char *value)
{
  set_value (stmt, index, g_strdup (value));
}

static void
pg_bind_int64 (HwDbStmt *stmt,
               guint     index,
               gint64    value)
{
  set_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_double (HwDbStmt *stmt,
                guint     index,
                double    value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  set_value (stmt, index, g_strdup (g_ascii_dtostr (buf, sizeof buf, value)));
}

static void
pg_bind_null (HwDbStmt *stmt,
              guint     index)
{
  set_value (stmt, index, NULL);
}

static HwDbStep
pg_step (HwDbStmt  *stmt,
         GError   **error)
{
  HwDbPgStmt *self = PG_STMT (stmt);
  HwDbPg *db = PG (stmt->db);
  ExecStatusType status;

  if (self->done)
    return HW_DB_STEP_DONE;
  if (self->result != NULL)
    {
      if (++self->row < PQntuples (self->result))
        return HW_DB_STEP_ROW;
      self->done = TRUE;
      return HW_DB_STEP_DONE;
    }

  self->result = PQexecPrepared (db->conn, self->name, self->n_params,
                                 (const char * const *) self->values, NULL, NULL, 0);
  status = PQresultStatus (self->result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_error (db, error, self->result);
      g_clear_pointer (&self->result, PQclear);
      return HW_DB_STEP_ERROR;
    }
  if (*PQcmdTuples (self->result))
    db->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);

  if (self->returning_id)
    {
      int n = PQntuples (self->result);

      /* as sqlite: an INSERT that inserted nothing keeps the last id */
      if (n > 0 && !PQgetisnull (self->result, n - 1, 0))
        db->last_insert_id = g_ascii_strtoll (PQgetvalue (self->result, n - 1, 0), NULL, 10);
      self->done = TRUE;
      return HW_DB_STEP_DONE;
    }
  if (status == PGRES_COMMAND_OK || PQntuples (self->result) == 0)
    {
      self->done = TRUE;
      return HW_DB_STEP_DONE;
    }
  self->row = 0;
  return HW_DB_STEP_ROW;
}

static gboolean
has_row (HwDbPgStmt *self,
         int         column)
{
  return self->result != NULL && self->row >= 0 && self->row < PQntuples (self->result) &&
         column >= 0 && column < PQnfields (self->result);
}

static int
pg_column_count (HwDbStmt *stmt)
{
  HwDbPgStmt *self = PG_STMT (stmt);

  if (self->result == NULL)
    {
      /* before the first step, as sqlite can: ask the server */
      PGresult *res = PQdescribePrepared (PG (stmt->db)->conn, self->name);
      int n = PQresultStatus (res) == PGRES_COMMAND_OK ? PQnfields (res) : 0;

      PQclear (res);
      return n;
    }
  return PQnfields (self->result);
}

static const char *
pg_column_name (HwDbStmt *stmt,
                int       column)
{
  HwDbPgStmt *self = PG_STMT (stmt);

  if (self->result == NULL || column < 0 || column >= PQnfields (self->result))
    return NULL;
  return PQfname (self->result, column);
}

static gboolean
pg_column_is_null (HwDbStmt *stmt,
                   int       column)
{
  HwDbPgStmt *self = PG_STMT (stmt);

  return !has_row (self, column) || PQgetisnull (self->result, self->row, column);
}

static HwDbType
pg_column_type (HwDbStmt *stmt,
                int       column)
{
  HwDbPgStmt *self = PG_STMT (stmt);

  if (pg_column_is_null (stmt, column))
    return HW_DB_TYPE_NULL;
  switch (PQftype (self->result, column))
    {
    case BOOLOID:
    case INT2OID:
    case INT4OID:
    case INT8OID:
    case OIDOID:
      return HW_DB_TYPE_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return HW_DB_TYPE_FLOAT;
    default:
      return HW_DB_TYPE_TEXT;
    }
}

static const char *
pg_column_text (HwDbStmt *stmt,
                int       column)
{
  HwDbPgStmt *self = PG_STMT (stmt);
  const char *value;

  if (pg_column_is_null (stmt, column))
    return NULL;
  value = PQgetvalue (self->result, self->row, column);
  if (PQftype (self->result, column) == BOOLOID)
    return value[0] == 't' ? "1" : "0";
  return value;
}

static gint64
pg_column_int64 (HwDbStmt *stmt,
                 int       column)
{
  const char *text = pg_column_text (stmt, column);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static double
pg_column_double (HwDbStmt *stmt,
                  int       column)
{
  const char *text = pg_column_text (stmt, column);

  return text ? g_ascii_strtod (text, NULL) : 0;
}

static void
notice_cb (void       *data,
           const char *message)
{
  g_debug ("server: %s", message);
}

static const HwDbClass pg_class = {
  .close = pg_close,
  .exec = pg_exec,
  .in_transaction = pg_in_transaction,
  .last_insert_id = pg_last_insert_id,
  .changes = pg_changes,
  .prepare = pg_prepare,
  .stmt_free = pg_stmt_free,
  .bind_text = pg_bind_text,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .reset = pg_reset,
  .column_count = pg_column_count,
  .column_name = pg_column_name,
  .column_is_null = pg_column_is_null,
  .column_type = pg_column_type,
  .column_text = pg_column_text,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
};

/* hw_store_set_server_password(): in this process's memory only */
static char *server_password;
G_LOCK_DEFINE_STATIC (server_password);

void
hw_store_set_server_password (const char *password)
{
  G_LOCK (server_password);
  if (server_password != NULL)
    {
      memset (server_password, 0, strlen (server_password));
      g_free (server_password);
    }
  server_password = password && *password ? g_strdup (password) : NULL;
  G_UNLOCK (server_password);
}

HwDb *
hw_db_pg_open (const char  *uri,
               GError     **error)
{
  /* later entries override what the URI says: the text is UTF-8; the
   * password the person typed, when there is one, last */
  const char *keys[] = {
    "connect_timeout", "fallback_application_name", "dbname", "client_encoding", NULL, NULL
  };
  const char *values[] = { "10", "homeward", uri, "UTF8", NULL, NULL };
  gboolean typed = FALSE;
  g_autofree char *shown = NULL;
  PQconninfoOption *options;
  char *parse_error = NULL;
  HwDbPg *self;
  PGconn *conn;

  g_return_val_if_fail (uri != NULL, NULL);

  shown = hw_db_redact_uri (uri);

  /* libpq's words about a malformed address may quote any part of it,
   * the password too: they are not shown */
  options = PQconninfoParse (uri, &parse_error);
  if (options == NULL)
    {
      PQfreemem (parse_error);
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("“%s” is not a valid address of a database server"), shown);
      return NULL;
    }
  PQconninfoFree (options);

  G_LOCK (server_password);
  if (server_password != NULL)
    {
      keys[4] = "password";
      values[4] = server_password;
      typed = TRUE;
    }
  conn = PQconnectdbParams (keys, values, 1);
  G_UNLOCK (server_password);
  if (conn == NULL)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO,
                   _("Could not connect to the database server at %s (out of memory)"), shown);
      return NULL;
    }
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *words = scrub (conn, PQerrorMessage (conn));
      const char *user = PQuser (conn);

      /* no password to give (none typed, none in ~/.pgpass) */
      if (PQconnectionNeedsPassword (conn))
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NEEDS_PASSWORD,
                     /* Translators: %s is the name one signs in with, then the server */
                     _("The database server at %2$s asks for the password of “%1$s”."),
                     user ? user : "", shown);
      /* the typed password was sent and the connection refused: most
       * often a wrong password (the server says which in its words) */
      else if (typed && PQconnectionUsedPassword (conn))
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NEEDS_PASSWORD,
                     _("The database server at %s did not accept the password (%s)"), shown, words);
      else
        g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO,
                     _("Could not connect to the database server at %s (%s)"), shown, words);
      PQfinish (conn);
      return NULL;
    }
  if (PQserverVersion (conn) < 150000)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_IO,
                   _("The database server at %s runs PostgreSQL %d; Homeward needs 15 or newer"),
                   shown, PQserverVersion (conn) / 10000);
      PQfinish (conn);
      return NULL;
    }

  /* the server's NOTICEs ("drop cascades to…") are not for the user */
  PQsetNoticeProcessor (conn, notice_cb, NULL);

  self = g_new0 (HwDbPg, 1);
  self->parent.klass = &pg_class;
  self->parent.backend = HW_DB_BACKEND_POSTGRESQL;
  self->parent.name = g_steal_pointer (&shown);
  self->conn = conn;
  self->id_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->to_deallocate = g_ptr_array_new_with_free_func (g_free);
  return (HwDb *) self;
}

int
hw_db_pg_get_backend_pid (HwDb *db)
{
  g_return_val_if_fail (db != NULL && db->backend == HW_DB_BACKEND_POSTGRESQL, 0);
  return PQbackendPID (PG (db)->conn);
}

int
hw_db_pg_get_socket (HwDb *db)
{
  g_return_val_if_fail (db != NULL && db->backend == HW_DB_BACKEND_POSTGRESQL, -1);
  return PQsocket (PG (db)->conn);
}

gboolean
hw_db_pg_read_notifies (HwDb      *db,
                        gboolean   sync,
                        int        ignore_pid,
                        GPtrArray *payloads)
{
  PGconn *conn;
  PGnotify *notify;

  g_return_val_if_fail (db != NULL && db->backend == HW_DB_BACKEND_POSTGRESQL, FALSE);
  g_return_val_if_fail (payloads != NULL, FALSE);

  conn = PG (db)->conn;
  if (PQstatus (conn) != CONNECTION_OK)
    return FALSE;
  if (sync)
    {
      /* a round trip: the server sends what others committed before it
       * (it is told at their commit) ahead of the answer */
      PGresult *result = PQexec (conn, "");

      PQclear (result);
    }
  /* reads what the socket holds without waiting; 0 = the connection broke */
  if (PQstatus (conn) != CONNECTION_OK || !PQconsumeInput (conn))
    return FALSE;
  while ((notify = PQnotifies (conn)) != NULL)
    {
      if (notify->be_pid != ignore_pid)
        g_ptr_array_add (payloads, g_strdup (notify->extra));
      PQfreemem (notify);
    }
  return PQstatus (conn) == CONNECTION_OK;
}
