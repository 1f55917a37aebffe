/* hw-ecomap-queries.c: the named queries the ecomap view asks
 *
 * The view reads the map itself with hw_ecomap_load(); what it asks
 * besides (how many of the family are not on the map yet, which safety
 * network roles a person has) is answered here, so that no SQL lives in
 * the view and a second store backend has one place to answer it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap-queries"

#include "hw-ecomap-queries.h"

/* The integer column "n" of the one row @rows holds, or -1 on error. */
static gint64
count_of (GPtrArray *rows)
{
  if (rows == NULL)
    return -1;
  if (rows->len == 0)
    return 0;
  return hw_record_get_int (g_ptr_array_index (rows, 0), "n");
}

/**
 * hw_ecomap_count_missing:
 * @store: the store
 * @case_id: the family
 * @error: where a failed query is reported
 *
 * Counts what hw_ecomap_ensure_nodes() would put on the map: the people
 * outside the household and the organisations of the family that have no
 * place on the map yet, plus one when the household itself has none.
 *
 * Returns: the count, or -1 with @error set
 */
gint64
hw_ecomap_count_missing (HwStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), -1);

  rows = hw_store_select (store, "ecomap_nodes", error,
                          "SELECT (SELECT count(*) FROM people p WHERE p.case_id = ?1 AND p.in_household = 0"
                          "  AND NOT EXISTS (SELECT 1 FROM ecomap_nodes n WHERE n.person_id = p.id))"
                          " + (SELECT count(*) FROM organisations o WHERE o.case_id = ?1"
                          "  AND NOT EXISTS (SELECT 1 FROM ecomap_nodes n WHERE n.org_id = o.id))"
                          " + (SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM ecomap_nodes n WHERE n.case_id = ?1"
                          "  AND n.person_id IS NULL AND n.org_id IS NULL) AS n",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  return count_of (rows);
}

/**
 * hw_ecomap_has_network_role:
 * @store: the store
 * @person_id: a person
 * @role: a safety network role (HW_CHOICES_NETWORK_ROLE), e.g. "checks-in"
 * @error: where a failed query is reported
 *
 * Returns: whether the person has that role in the family's safety
 *   network (FALSE with @error set when the question could not be asked)
 */
gboolean
hw_ecomap_has_network_role (HwStore     *store,
                            gint64       person_id,
                            const char  *role,
                            GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  rows = hw_store_select (store, "network_members", error,
                          "SELECT count(*) AS n FROM network_members WHERE person_id = ? AND role = ?",
                          G_TYPE_INT64, person_id, G_TYPE_STRING, role, G_TYPE_INVALID);
  return count_of (rows) > 0;
}

/**
 * hw_ecomap_network_role_version:
 * @store: the store
 * @person_id: a person
 * @role: a safety network role (HW_CHOICES_NETWORK_ROLE)
 * @error: where a failed query is reported
 *
 * Returns: the row version of the person's role in the safety network
 *   (hw-store.h, "Row versions"), for hw_ecomap_set_network_role_at(); 0
 *   when they do not have it (or with @error set)
 */
gint64
hw_ecomap_network_role_version (HwStore     *store,
                                gint64       person_id,
                                const char  *role,
                                GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (role != NULL, 0);

  rows = hw_store_select (store, "network_members", error,
                          "SELECT version AS n FROM network_members WHERE person_id = ? AND role = ?",
                          G_TYPE_INT64, person_id, G_TYPE_STRING, role, G_TYPE_INVALID);
  return MAX (count_of (rows), 0);
}
