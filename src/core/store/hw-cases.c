/* hw-cases.c: the named queries on the list of families (cases) and on
 * the undo journal that the window needs
 *
 * The window holds no SQL: it asks here for the families in the order of
 * the sidebar, whether a family is still there, and which undo step is
 * the newest (so that a Delete Family toast undoes only its own edit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-cases"

#include "hw-cases.h"

/**
 * hw_cases_list_new:
 * @store: the store
 *
 * Returns: (transfer full): every family as a live list, in alphabetical
 *   order of family name (case ignored), then in the order they were
 *   added; each record has id, family_name, case_number, status, sample
 */
HwRecordList *
hw_cases_list_new (HwStore *store)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  /* lower() rather than COLLATE NOCASE, which PostgreSQL does not have:
   * on sqlite both fold A-Z only and then compare bytes, so the order is
   * the same */
  return hw_record_list_new (store, "cases",
                             "SELECT id, family_name, case_number, status, sample FROM cases "
                             "ORDER BY lower(family_name), id");
}

/**
 * hw_case_exists:
 * @store: the store
 * @case_id: a family's id
 * @error: where a failed query is reported
 *
 * Returns: whether the family is in the database now (FALSE with @error
 *   set when the question could not be asked)
 */
gboolean
hw_case_exists (HwStore  *store,
                gint64    case_id,
                GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  rows = hw_store_select (store, "cases", error, "SELECT id FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  return rows != NULL && rows->len > 0;
}

/**
 * hw_cases_newest_undo_step:
 * @store: the store
 *
 * Returns: the id of the newest step on the undo stack, or 0 when there
 *   is nothing to undo
 */
gint64
hw_cases_newest_undo_step (HwStore *store)
{
  g_return_val_if_fail (HW_IS_STORE (store), 0);

  /* this store's author's, as undo takes (hw-store.h) */
  return hw_store_query_int (store, 0, "SELECT max(id) FROM hw_history"
                             " WHERE kind = 'undo' AND author IN (?, '')",
                             G_TYPE_STRING, hw_store_get_author (store), G_TYPE_INVALID);
}
