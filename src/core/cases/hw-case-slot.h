/* hw-case-slot.h: one place in the list of families found (HwFoundCases),
 * holding whichever family the search puts there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hw-record.h"

G_BEGIN_DECLS

#define HW_TYPE_CASE_SLOT (hw_case_slot_get_type ())
G_DECLARE_FINAL_TYPE (HwCaseSlot, hw_case_slot, HW, CASE_SLOT, GObject)

HwCaseSlot *hw_case_slot_new        (void);
HwRecord   *hw_case_slot_get_record (HwCaseSlot *self);
void        hw_case_slot_set_record (HwCaseSlot *self,
                                     HwRecord   *record);

G_END_DECLS
