/* hw-case-view.h: one family's case: its details and a page per area
 * (people, meeting, ecomap, service plan, family time, plans).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_CASE_VIEW (hw_case_view_get_type ())
G_DECLARE_FINAL_TYPE (HwCaseView, hw_case_view, HW, CASE_VIEW, GtkWidget)

GtkWidget    *hw_case_view_new          (HwStore    *store,
                                         gint64      case_id);
gint64        hw_case_view_get_case_id  (HwCaseView *self);
/* (transfer none): the stack of area pages, for a view switcher */
AdwViewStack *hw_case_view_get_stack    (HwCaseView *self);
/* (transfer none) (nullable): the page of area @name (see hw-areas.c) */
GtkWidget    *hw_case_view_get_page     (HwCaseView *self,
                                         const char *name);
/* Opens the dialog of the case details. */
void          hw_case_view_edit_details (HwCaseView *self);
/* Shows the people page and opens the dialog to add a person. */
void          hw_case_view_add_person   (HwCaseView *self);

G_END_DECLS
