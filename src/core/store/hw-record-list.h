/* hw-record-list.h: a GListModel of HwRecord that follows the store.
 *
 * The list runs its query again whenever one of the tables it watches is
 * changed by a committed edit, undo or redo, and reports the difference
 * through ::items-changed. Views bind to it and never keep copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_RECORD_LIST (hw_record_list_get_type ())
G_DECLARE_FINAL_TYPE (HwRecordList, hw_record_list, HW, RECORD_LIST, GObject)

/**
 * hw_record_list_new:
 * @store: the store
 * @table: the table the rows belong to (watched for changes)
 * @sql: the SELECT to run; it must return an `id` column. Parameters are
 *   formatted into it by the caller (integers only).
 */
HwRecordList *hw_record_list_new      (HwStore      *store,
                                       const char   *table,
                                       const char   *sql);
/* Also run the query again when @table changes (e.g. a joined table). */
void          hw_record_list_watch    (HwRecordList *self,
                                       const char   *table);
void          hw_record_list_refresh  (HwRecordList *self);
HwRecord     *hw_record_list_find     (HwRecordList *self,
                                       gint64        id,
                                       guint        *position);

/* Reads the rows of a live list now: (transfer full) (element-type HwRecord),
 * or NULL with @error set. */
typedef GPtrArray *(*HwRecordListFunc) (HwStore   *store,
                                        gpointer   user_data,
                                        GError   **error);

HwRecordList *hw_record_list_new_with_func (HwStore          *store,
                                            const char       *table,
                                            HwRecordListFunc  func,
                                            gpointer          user_data,
                                            GDestroyNotify    destroy);

G_END_DECLS
