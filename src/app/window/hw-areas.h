/* hw-areas.h: the areas of a case, one page each in the case view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* Every area view is made the same way: `hw_xxx_view_new (store, case_id)`. */
typedef GtkWidget *(*HwAreaViewNew) (HwStore *store,
                                     gint64   case_id);

typedef struct {
  const char    *name;      /* page name in the view stack, e.g. "meeting" */
  const char    *title;     /* untranslated (N_()), e.g. "Meeting" */
  const char    *icon_name;
  HwAreaViewNew  view_new;  /* NULL while the area is not built yet */
} HwArea;

/* (array length=n_areas): the areas in the order they are shown */
const HwArea *hw_areas_get (guint *n_areas);

G_END_DECLS
