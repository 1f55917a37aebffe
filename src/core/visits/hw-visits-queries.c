/* hw-visits-queries.c: the named queries the visit dialogs ask
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visits-queries"

#include "hw-visits-queries.h"

/**
 * hw_visits_latest_tzid:
 * @store: the store
 * @case_id: the family
 * @error: where a failed query is reported
 *
 * New visits are planned in the time zone of the family's latest plan of
 * visits, so that a family's visits keep one clock.
 *
 * Returns: (transfer full) (nullable): the time zone (Olson name, "" for
 *   floating times) of the latest visit series of the family, or %NULL
 *   when it has none (or with @error set when the question failed)
 */
char *
hw_visits_latest_tzid (HwStore  *store,
                       gint64    case_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  rows = hw_store_select (store, "visit_series", error,
                          "SELECT id, tzid FROM visit_series WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (hw_record_get_string (g_ptr_array_index (rows, 0), "tzid"));
}
