/* hw-people-page.h: the people and organisations of a case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PEOPLE_PAGE (hw_people_page_get_type ())
G_DECLARE_FINAL_TYPE (HwPeoplePage, hw_people_page, HW, PEOPLE_PAGE, GtkWidget)

GtkWidget  *hw_people_page_new               (HwStore      *store,
                                              gint64        case_id);
/* Opens the dialog to add a person. */
void        hw_people_page_add_person        (HwPeoplePage *self);
/* (transfer none): the lists shown, of HwRecord */
GListModel *hw_people_page_get_people        (HwPeoplePage *self);
GListModel *hw_people_page_get_organisations (HwPeoplePage *self);

G_END_DECLS
