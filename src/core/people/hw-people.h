/* hw-people.h: the named queries on a family's people and organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-record-list.h"
#include "hw-store.h"

G_BEGIN_DECLS

/**
 * HwPeopleFilter:
 * @HW_PEOPLE_ALL: everyone in the family's list
 * @HW_PEOPLE_ADULTS: everyone but the children (role "child")
 * @HW_PEOPLE_CHILDREN_LAST: the adults first, then the children
 *
 * Which people a query returns, and in which order. Within a group people
 * are in alphabetical order of name (case ignored), then in the order they
 * were added.
 */
typedef enum {
  HW_PEOPLE_ALL           = 0,
  HW_PEOPLE_ADULTS        = 1 << 0,
  HW_PEOPLE_CHILDREN_LAST = 1 << 1,
} HwPeopleFilter;

HwRecordList *hw_people_list_new        (HwStore         *store,
                                         gint64           case_id);
HwRecordList *hw_organisations_list_new (HwStore         *store,
                                         gint64           case_id);
GPtrArray    *hw_people_select          (HwStore         *store,
                                         gint64           case_id,
                                         HwPeopleFilter   filter,
                                         GError         **error);
GPtrArray    *hw_organisations_select   (HwStore         *store,
                                         gint64           case_id,
                                         GError         **error);

/* A person's worker ---------------------------------------------------- */

/* TRUE when @role is one a worker can have (caseworker, therapist, parent
 * partner, mentor...): someone paid or trained to walk with the family. */
gboolean      hw_person_role_is_worker  (const char      *role);

/**
 * hw_people_check_worker:
 * @person_id: the person (0 for one not added yet)
 * @role: the role the person has or will have
 * @worker_id: their worker, or 0 for none
 *
 * Checks that @worker_id is a person of @case_id with a worker's role and
 * not the person themself; and that a person who is someone's worker
 * keeps a worker's role. Fails with %HW_STORE_ERROR_INVALID and a message
 * for the person at the window.
 */
gboolean      hw_people_check_worker    (HwStore         *store,
                                         gint64           case_id,
                                         gint64           person_id,
                                         const char      *role,
                                         gint64           worker_id,
                                         GError         **error);
/* Sets (or with 0 clears) the worker of @person_id as one edit "Change
 * worker", checked by hw_people_check_worker(). */
gboolean      hw_people_set_worker      (HwStore         *store,
                                         gint64           person_id,
                                         gint64           worker_id,
                                         GError         **error);
/* Every person's worker of @case_id checked (after an import). */
gboolean      hw_people_check_workers   (HwStore         *store,
                                         gint64           case_id,
                                         GError         **error);
/* The people of @case_id who can be a worker, in the order of names. */
GPtrArray    *hw_people_select_workers  (HwStore         *store,
                                         gint64           case_id,
                                         GError         **error);

G_END_DECLS
