/* hw-db-private.h: what a HwDb backend provides (hw-db-sqlite.c,
 * hw-db-pg.c); hw-db.c checks arguments and dispatches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-db.h"

G_BEGIN_DECLS

typedef struct {
  void        (*close)          (HwDb *db);
  gboolean    (*exec)           (HwDb *db, const char *sql, GError **error);
  gboolean    (*in_transaction) (HwDb *db);
  gint64      (*last_insert_id) (HwDb *db);
  gint64      (*changes)        (HwDb *db);
  HwDbStmt   *(*prepare)        (HwDb *db, const char *sql, GError **error);

  void        (*stmt_free)      (HwDbStmt *stmt);
  void        (*bind_text)      (HwDbStmt *stmt, guint index, const char *value);
  void        (*bind_int64)     (HwDbStmt *stmt, guint index, gint64 value);
  void        (*bind_double)    (HwDbStmt *stmt, guint index, double value);
  void        (*bind_null)      (HwDbStmt *stmt, guint index);
  HwDbStep    (*step)           (HwDbStmt *stmt, GError **error);
  void        (*reset)          (HwDbStmt *stmt);
  int         (*column_count)   (HwDbStmt *stmt);
  const char *(*column_name)    (HwDbStmt *stmt, int column);
  gboolean    (*column_is_null) (HwDbStmt *stmt, int column);
  HwDbType    (*column_type)    (HwDbStmt *stmt, int column);
  const char *(*column_text)    (HwDbStmt *stmt, int column);
  gint64      (*column_int64)   (HwDbStmt *stmt, int column);
  double      (*column_double)  (HwDbStmt *stmt, int column);
} HwDbClass;

/* Every backend's structs start with these. */
struct _HwDb {
  const HwDbClass *klass;
  HwDbBackend      backend;
  char            *name;   /* path, or URI without password */
  /* a statement failed inside the open transaction: it can only be
   * rolled back (PostgreSQL's rule, kept on sqlite too) */
  gboolean         failed;
};

struct _HwDbStmt {
  HwDb *db;
};

G_END_DECLS
