/* hw-purge.h: deleting a family for good, and purging closed cases after
 * their retention period.
 *
 * An ordinary delete can be undone, so the undo journal keeps every value
 * of the deleted rows. Deleting for good removes the case, every undo and
 * redo step that may hold its data, and the copies sqlite keeps on disk
 * (free pages, the write-ahead log), so that no name, address or note of
 * the family stays in the database file or beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* The action kept in the audit trail for each case deleted for good (with
 * the case's id, never its name). */
#define HW_PURGE_AUDIT_ACTION "Deleted for good"

/**
 * hw_case_delete_forever:
 * @store: a store, outside an edit
 * @case_id: a case; it may also be one already deleted by an ordinary,
 *   still undoable edit (the window's Delete Family)
 * @error: return location for an error
 *
 * In one transaction: deletes the case (its rows go with it by ON DELETE
 * CASCADE), drops the undo and redo steps that may hold its data and
 * records in the audit trail that the case was deleted for good, by whom
 * and when. Then frees the pages, truncates the write-ahead log and
 * removes the case from every automatic backup of the database
 * (hw_backup_forget_case(); a backup that cannot be changed is logged as
 * a warning, the delete itself stands).
 *
 * Which steps go: if the case is still there, every step (any of them may
 * hold its values, and an undo statement does not say which family a row
 * belonged to). If it was deleted by an edit that can still be undone,
 * that edit and every step before it: steps made after it were made while
 * the case was gone, so they hold nothing of it.
 *
 * A case that does not exist (and has no undoable delete) is
 * %HW_STORE_ERROR_NOT_FOUND, and nothing changes.
 */
gboolean   hw_case_delete_forever   (HwStore      *store,
                                     gint64        case_id,
                                     GError      **error);

/**
 * hw_purge_parse_date:
 * @text: a date as YYYY-MM-DD
 *
 * Returns: whether @text is a real date written as YYYY-MM-DD; if not,
 *   @error says so in plain words
 */
gboolean   hw_purge_parse_date      (const char   *text,
                                     GError      **error);

/**
 * hw_purge_find_closed:
 * @before: YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type HwRecord): the closed cases whose
 *   closed_date is before @before (columns id, case_number, family_name,
 *   closed_date), oldest first, or NULL with @error set for a bad date
 */
GPtrArray *hw_purge_find_closed     (HwStore      *store,
                                     const char   *before,
                                     GError      **error);

/**
 * hw_purge_closed:
 * @before: YYYY-MM-DD
 * @n_deleted: (out) (optional): how many cases were deleted
 *
 * Deletes for good, in one transaction, every case that
 * hw_purge_find_closed() lists.
 */
gboolean   hw_purge_closed          (HwStore      *store,
                                     const char   *before,
                                     guint        *n_deleted,
                                     GError      **error);

/**
 * hw_purge_wipe_free_space:
 *
 * Frees the pages of deleted rows (incremental vacuum, or a VACUUM on a
 * file not yet switched to it) and truncates the write-ahead log, which
 * still holds older copies of the pages. Outside an edit.
 *
 * Returns: FALSE if the log could not be truncated (another program is
 *   reading the database); the data is deleted all the same, and the log
 *   is emptied when the last program closes the database
 */
gboolean   hw_purge_wipe_free_space (HwStore      *store,
                                     GError      **error);

G_END_DECLS
