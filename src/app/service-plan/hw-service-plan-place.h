/* hw-service-plan-place.h: the keyboard's place in a list of the plan,
 * kept while its live list replaces rows.
 *
 * A page of the service plan follows a live list of the core: an edit,
 * undo, redo or someone else's change (a second caseworker on the
 * agency's server) replaces the rows of the items that changed. When the
 * row with the keyboard focus is one of them, GTK hands the focus to the
 * list's first row and scrolls there. Saved before the rows go (from the
 * list model's "items-changed", connected before the list box's own
 * handler) and restored after (connected after it), the focus is back on
 * the new row of the same item, on the same button in it (hw-focus-memo.h),
 * or, when the item has gone, on the row now in its place; the list stays
 * scrolled where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-focus-memo.h"

G_BEGIN_DECLS

typedef struct {
  gboolean     saved;    /* the focused row is being replaced */
  char        *table;    /* its item (NULL: a heading) */
  gint64       id;
  guint        index;    /* its place in the list */
  double       scroll;   /* where the list was scrolled to */
  HwFocusMemo  inside;   /* the button in it that had the focus, if any */
} HwServicePlanPlace;

/* Before @list replaces @removed rows from @position: notes the focus
 * when its row is one of them. */
void hw_service_plan_place_save    (HwServicePlanPlace *place,
                                    GtkListBox         *list,
                                    guint               position,
                                    guint               removed);
/* After: puts the focus and the scroll back, and forgets. Does nothing
 * when nothing was saved. */
void hw_service_plan_place_restore (HwServicePlanPlace *place,
                                    GtkListBox         *list);
void hw_service_plan_place_clear   (HwServicePlanPlace *place);

G_END_DECLS
