/* hw-cases.h: the named queries on the list of families (cases) and on
 * the undo journal that the window needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-record-list.h"
#include "hw-store.h"

G_BEGIN_DECLS

HwRecordList *hw_cases_list_new          (HwStore  *store);
gboolean      hw_case_exists             (HwStore  *store,
                                          gint64    case_id,
                                          GError  **error);
gint64        hw_cases_newest_undo_step  (HwStore  *store);

G_END_DECLS
