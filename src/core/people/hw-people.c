/* hw-people.c: the named queries on a family's people and organisations
 *
 * The views ask for people by what they need (everyone, the adults who
 * can take on a task, the adults before the children) and never hold SQL:
 * the same question then has the same answer in every view, and a second
 * store backend has one place to answer it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-people"

#include "hw-people.h"

#define PEOPLE_ORDER "name COLLATE NOCASE, id"

static char *
people_sql (gint64         case_id,
            HwPeopleFilter filter)
{
  return g_strdup_printf ("SELECT * FROM people WHERE case_id = %" G_GINT64_FORMAT "%s"
                          " ORDER BY %s" PEOPLE_ORDER,
                          case_id,
                          (filter & HW_PEOPLE_ADULTS) ? " AND role <> 'child'" : "",
                          (filter & HW_PEOPLE_CHILDREN_LAST) ? "role = 'child', " : "");
}

/**
 * hw_people_list_new:
 * @store: the store
 * @case_id: the family
 *
 * Returns: (transfer full): every person of the family as a live list
 *   (every column), in alphabetical order
 */
HwRecordList *
hw_people_list_new (HwStore *store,
                    gint64   case_id)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = people_sql (case_id, HW_PEOPLE_ALL);
  return hw_record_list_new (store, "people", sql);
}

/**
 * hw_organisations_list_new:
 * @store: the store
 * @case_id: the family
 *
 * Returns: (transfer full): the family's organisations as a live list
 *   (every column), in alphabetical order
 */
HwRecordList *
hw_organisations_list_new (HwStore *store,
                           gint64   case_id)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT * FROM organisations WHERE case_id = %" G_GINT64_FORMAT
                         " ORDER BY " PEOPLE_ORDER, case_id);
  return hw_record_list_new (store, "organisations", sql);
}

/**
 * hw_people_select:
 * @store: the store
 * @case_id: the family
 * @filter: who, in which order
 * @error: where a failed query is reported
 *
 * Returns: (transfer full) (element-type HwRecord): the people now (every
 *   column), or %NULL with @error set
 */
GPtrArray *
hw_people_select (HwStore         *store,
                  gint64           case_id,
                  HwPeopleFilter   filter,
                  GError         **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = people_sql (case_id, filter);
  return hw_store_select (store, "people", error, sql, G_TYPE_INVALID);
}

/**
 * hw_organisations_select:
 * @store: the store
 * @case_id: the family
 * @error: where a failed query is reported
 *
 * Returns: (transfer full) (element-type HwRecord): the family's
 *   organisations now (every column), or %NULL with @error set
 */
GPtrArray *
hw_organisations_select (HwStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "organisations", error,
                          "SELECT * FROM organisations WHERE case_id = ? ORDER BY " PEOPLE_ORDER,
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
}
