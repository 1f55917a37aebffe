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

#include <glib/gi18n-lib.h>

#include "hw-people.h"

/* lower() rather than COLLATE NOCASE, which PostgreSQL does not have: on
 * sqlite both fold A-Z only and then compare bytes (hw-cases.c) */
#define PEOPLE_ORDER "lower(name), id"

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

/* A person's worker ---------------------------------------------------- */

/* The roles of people who are there for their work, whom a parent, a
 * child or a caregiver can have as "their" worker. A teacher, a lawyer or
 * an interpreter is a professional too, but not someone's assigned worker. */
static const char * const worker_roles[] = {
  "caseworker", "facilitator", "therapist", "guardian-ad-litem", "parent-partner",
  "youth-partner", "recovery-coach", "success-coach", "mentor", "professional", NULL
};

gboolean
hw_person_role_is_worker (const char *role)
{
  return role != NULL && g_strv_contains (worker_roles, role);
}

static gboolean
worker_invalid (GError     **error,
                const char  *message)
{
  g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
hw_people_check_worker (HwStore     *store,
                        gint64       case_id,
                        gint64       person_id,
                        const char  *role,
                        gint64       worker_id,
                        GError     **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (worker_id != 0)
    {
      g_autoptr(HwRecord) worker = hw_store_get (store, "people", worker_id, NULL);

      if (worker_id == person_id)
        return worker_invalid (error, _("A person cannot be their own worker."));
      if (worker == NULL || hw_record_get_int (worker, "case_id") != case_id)
        return worker_invalid (error, _("The worker must be one of the family’s people."));
      if (!hw_person_role_is_worker (hw_record_get_string (worker, "role")))
        return worker_invalid (error, _("The worker must be someone there for their work: "
                                        "a caseworker, a therapist, a parent partner, a "
                                        "mentor or another professional."));
    }
  /* someone's worker who stops being a professional would leave them with
   * a worker who is not one */
  if (person_id != 0 && !hw_person_role_is_worker (role) &&
      hw_store_query_int (store, 0, "SELECT count(*) FROM people WHERE worker_id = ? AND id <> ?",
                          G_TYPE_INT64, person_id, G_TYPE_INT64, person_id,
                          G_TYPE_INVALID) > 0)
    return worker_invalid (error, _("This person is someone’s worker, so their role must stay "
                                    "one of a worker. Choose another worker for those people "
                                    "first."));
  return TRUE;
}

gboolean
hw_people_set_worker (HwStore  *store,
                      gint64    person_id,
                      gint64    worker_id,
                      GError  **error)
{
  g_autoptr(HwRecord) person = NULL;
  g_autoptr(HwRecord) record = hw_record_new ("people");

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  person = hw_store_get (store, "people", person_id, NULL);
  if (person == NULL)
    {
      g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                           _("This person is no longer there: someone may have deleted them."));
      return FALSE;
    }
  if (!hw_people_check_worker (store, hw_record_get_int (person, "case_id"), person_id,
                               hw_record_get_string (person, "role"), worker_id, error))
    return FALSE;

  hw_record_set_id (record, person_id);
  if (worker_id != 0)
    hw_record_set_int (record, "worker_id", worker_id);
  else
    hw_record_set_null (record, "worker_id");
  return hw_store_update (store, N_("Change worker"), record, error);
}

gboolean
hw_people_check_workers (HwStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  people = hw_store_select (store, "people", error,
                            "SELECT id, role, worker_id FROM people"
                            " WHERE case_id = ? AND worker_id IS NOT NULL ORDER BY id",
                            G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);

      if (!hw_people_check_worker (store, case_id, hw_record_get_id (p),
                                   hw_record_get_string (p, "role"),
                                   hw_record_get_int (p, "worker_id"), error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
hw_people_select_workers (HwStore  *store,
                          gint64    case_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) people = NULL;
  GPtrArray *workers;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  people = hw_people_select (store, case_id, HW_PEOPLE_ALL, error);
  if (people == NULL)
    return NULL;
  workers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);

      if (hw_person_role_is_worker (hw_record_get_string (p, "role")))
        g_ptr_array_add (workers, g_object_ref (p));
    }
  return workers;
}
