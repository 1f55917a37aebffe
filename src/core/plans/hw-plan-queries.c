/* hw-plan-queries.c: the named queries the plan editor and its dialogs ask
 *
 * The safety plan and post-reunification plan views hold no SQL: they
 * ask here for the entries of a plan (a live list), its agreed versions,
 * how many aftercare supports the printed plan adds, and whether a person
 * has a part in the plan (who signs by default).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-queries"

#include "hw-plan-queries.h"

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
 * hw_plan_items_list_new:
 * @store: the store
 * @case_id: the family
 * @kind: which plan
 *
 * The entries of the family's plan of @kind (empty while it has none), in
 * their order. The list follows the plans and people tables too (a plan
 * made, a name changed), for the rows that show who does what.
 *
 * Returns: (transfer full): the entries (every column of plan_items) as a
 *   live list
 */
HwRecordList *
hw_plan_items_list_new (HwStore    *store,
                        gint64      case_id,
                        HwPlanKind  kind)
{
  g_autofree char *sql = NULL;
  HwRecordList *items;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT i.* FROM plan_items i JOIN plans p ON p.id = i.plan_id "
                         "WHERE p.case_id = %" G_GINT64_FORMAT " AND p.kind = '%s' "
                         "ORDER BY i.position, i.id",
                         case_id, hw_plan_kind_to_string (kind));
  items = hw_record_list_new (store, "plan_items", sql);
  hw_record_list_watch (items, "plans");
  hw_record_list_watch (items, "people");
  return items;
}

/**
 * hw_plan_versions_select:
 * @store: the store
 * @plan_id: the plan
 * @error: where a failed query is reported
 *
 * Returns: (transfer full) (element-type HwRecord): the agreed versions
 *   of the plan, newest first (id, number, agreed_on), or %NULL with
 *   @error set
 */
GPtrArray *
hw_plan_versions_select (HwStore  *store,
                         gint64    plan_id,
                         GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "plan_versions", error,
                          "SELECT id, number, agreed_on FROM plan_versions WHERE plan_id = ? "
                          "ORDER BY number DESC",
                          G_TYPE_INT64, plan_id, G_TYPE_INVALID);
}

/**
 * hw_plan_count_aftercare_supports:
 * @store: the store
 * @case_id: the family
 * @error: where a failed query is reported
 *
 * The printed post-reunification plan lists the service plan's aftercare
 * supports before its own; the editor says how many.
 *
 * Returns: how many aftercare supports the family has, or -1 with @error
 *   set
 */
gint64
hw_plan_count_aftercare_supports (HwStore  *store,
                                  gint64    case_id,
                                  GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), -1);

  rows = hw_store_select (store, "aftercare_supports", error,
                          "SELECT count(*) AS n FROM aftercare_supports WHERE case_id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  return count_of (rows);
}

/**
 * hw_plan_person_has_part:
 * @store: the store
 * @plan_id: the plan
 * @person_id: a person
 * @error: where a failed query is reported
 *
 * Returns: whether the person is named in an entry of the plan other
 *   than an emergency contact (so signs it by default); FALSE with
 *   @error set when the question could not be asked
 */
gboolean
hw_plan_person_has_part (HwStore  *store,
                         gint64    plan_id,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  rows = hw_store_select (store, "plan_items", error,
                          "SELECT count(*) AS n FROM plan_items WHERE plan_id = ? AND who_person_id = ? "
                          "AND section <> 'emergency'",
                          G_TYPE_INT64, plan_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  return count_of (rows) > 0;
}
