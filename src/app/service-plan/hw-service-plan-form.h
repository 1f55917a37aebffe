/* hw-service-plan-form.h: helpers shared by the service plan's edit
 * dialogs (not a widget); the general ones are in hw-form.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-enums.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* Shows @column of @record in @row, or @fallback (may be NULL) when
 * there is no @record (a new item). */
void    hw_service_plan_form_set_text    (AdwEntryRow  *row,
                                          HwRecord     *record,
                                          const char   *column,
                                          const char   *fallback);
/* Fills @row with the labels of @which and chooses @column of @record,
 * or @fallback for a new item. */
void    hw_service_plan_form_set_choice  (AdwComboRow  *row,
                                          HwChoices     which,
                                          HwRecord     *record,
                                          const char   *column,
                                          const char   *fallback);

/* Fills @row with "Nobody yet", "Agency" when @with_agency, then the
 * names of @records (people or organisations), and chooses @current
 * (-1: the agency). Returns: (transfer full) the ids of the entries in
 * their order (0 nobody, -1 the agency), for
 * hw_service_plan_form_get_reference(). */
GArray *hw_service_plan_form_references  (AdwComboRow  *row,
                                          GPtrArray    *records,
                                          gboolean      with_agency,
                                          gint64        current);
/* The id chosen in @row (0 nobody, -1 the agency). */
gint64  hw_service_plan_form_get_reference (AdwComboRow *row,
                                            GArray      *ids);

G_END_DECLS
