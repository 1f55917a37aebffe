/* hw-record.h: one row of a table, as read from or written to the store.
 *
 * A record knows its table, its id (0 = not stored yet) and the columns
 * that were read or set, in order. It is a plain value holder: widgets
 * get records from the store and never keep them as the truth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HW_TYPE_RECORD (hw_record_get_type ())
G_DECLARE_FINAL_TYPE (HwRecord, hw_record, HW, RECORD, GObject)

HwRecord    *hw_record_new          (const char *table);
const char  *hw_record_get_table    (HwRecord   *self);
gint64       hw_record_get_id       (HwRecord   *self);
void         hw_record_set_id       (HwRecord   *self,
                                     gint64      id);

/* Column names in the order they were read or set. */
guint        hw_record_get_n_columns (HwRecord  *self);
const char  *hw_record_get_column    (HwRecord  *self,
                                      guint      i);
gboolean     hw_record_has          (HwRecord   *self,
                                     const char *column);
gboolean     hw_record_is_null      (HwRecord   *self,
                                     const char *column);

/* Getters: a missing or NULL column reads as "" / 0 / 0.0. */
const char  *hw_record_get_string   (HwRecord   *self,
                                     const char *column);
gint64       hw_record_get_int      (HwRecord   *self,
                                     const char *column);
double       hw_record_get_double   (HwRecord   *self,
                                     const char *column);
gboolean     hw_record_get_boolean  (HwRecord   *self,
                                     const char *column);

void         hw_record_set_string   (HwRecord   *self,
                                     const char *column,
                                     const char *value);
void         hw_record_set_int      (HwRecord   *self,
                                     const char *column,
                                     gint64      value);
void         hw_record_set_double   (HwRecord   *self,
                                     const char *column,
                                     double      value);
void         hw_record_set_boolean  (HwRecord   *self,
                                     const char *column,
                                     gboolean    value);
void         hw_record_set_null     (HwRecord   *self,
                                     const char *column);
/* Sets a nullable reference: 0 is stored as NULL. */
void         hw_record_set_ref      (HwRecord   *self,
                                     const char *column,
                                     gint64      id);

/* The row's version as read (the column "version"; 0: not known). A
 * record with a version is saved by hw_store_update() only over that
 * version of the row (hw-store.h, "Row versions"). */
gint64       hw_record_get_version  (HwRecord   *self);
void         hw_record_set_version  (HwRecord   *self,
                                     gint64      version);

/* Internal, used by the store: value kinds follow sqlite's. */
typedef enum {
  HW_VALUE_NULL,
  HW_VALUE_INT,
  HW_VALUE_DOUBLE,
  HW_VALUE_TEXT,
} HwValueKind;

HwValueKind  hw_record_get_kind     (HwRecord   *self,
                                     const char *column);

G_END_DECLS
