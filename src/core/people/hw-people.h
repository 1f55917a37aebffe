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

G_END_DECLS
