/* hw-plan-queries.h: the named queries the plan editor and its dialogs ask
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-plan.h"
#include "hw-record-list.h"

G_BEGIN_DECLS

HwRecordList *hw_plan_items_list_new           (HwStore     *store,
                                                gint64       case_id,
                                                HwPlanKind   kind);
GPtrArray    *hw_plan_versions_select          (HwStore     *store,
                                                gint64       plan_id,
                                                GError     **error);
gint64        hw_plan_count_aftercare_supports (HwStore     *store,
                                                gint64       case_id,
                                                GError     **error);
gboolean      hw_plan_person_has_part          (HwStore     *store,
                                                gint64       plan_id,
                                                gint64       person_id,
                                                GError     **error);

G_END_DECLS
