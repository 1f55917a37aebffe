/* hw-visits-view.h: family time of a case: month, week and list of the
 * visits, the monthly counts and the level history; schedule visits,
 * record what happened, cancel, make-up visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_VISITS_VIEW (hw_visits_view_get_type ())
G_DECLARE_FINAL_TYPE (HwVisitsView, hw_visits_view, HW, VISITS_VIEW, GtkWidget)

GtkWidget *hw_visits_view_new       (HwStore      *store,
                                     gint64        case_id);
/* Shows the month of @day ("YYYY-MM-DD"); for tests and links. */
void       hw_visits_view_show_day  (HwVisitsView *self,
                                     const char   *day);

G_END_DECLS
