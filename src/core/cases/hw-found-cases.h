/* hw-found-cases.h: the families a search finds, as a list model of
 * slots (HwCaseSlot) for the list of families.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hw-case-slot.h"
#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_FOUND_CASES (hw_found_cases_get_type ())
G_DECLARE_FINAL_TYPE (HwFoundCases, hw_found_cases, HW, FOUND_CASES, GObject)

/* @cases: a list model of HwRecord (the families, in their order) */
HwFoundCases *hw_found_cases_new        (GListModel   *cases);
void          hw_found_cases_set_search (HwFoundCases *self,
                                         const char   *text);
const char   *hw_found_cases_get_search (HwFoundCases *self);
HwRecord     *hw_found_cases_get_record (HwFoundCases *self,
                                         guint         position);
guint         hw_found_cases_find       (HwFoundCases *self,
                                         gint64        case_id);
gboolean      hw_found_cases_matches    (HwRecord     *record,
                                         const char   *text);

G_END_DECLS
