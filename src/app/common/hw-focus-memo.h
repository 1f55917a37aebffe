/* hw-focus-memo.h: the keyboard focus kept across a list made again.
 *
 * A view that makes its rows again when the store changes (someone else's
 * change on a server, a phone's item, another window) would leave a
 * keyboard or screen-reader user nowhere: the focused row is gone. Save
 * where the focus is before, restore it after: on the row with the same
 * title (else the same place), on the same kind of widget in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  gboolean  saved;        /* the focus was inside the container */
  int       row_index;    /* the place of the container's child holding it */
  char     *row_title;    /* that child's title (an AdwPreferencesRow's), or NULL */
  GType     focus_type;   /* the focused widget's type ... */
  int       focus_index;  /* ... and which of that type in the row, in order */
} HwFocusMemo;

/* Notes where the focus is when it is inside @container; TRUE if it is. */
gboolean hw_focus_memo_save    (HwFocusMemo *memo,
                                GtkWidget   *container);
/* Puts the focus back on the equivalent widget of @container's new
 * children (the row itself, else the container when the row is gone),
 * and forgets. Does nothing when nothing was saved. */
void     hw_focus_memo_restore (HwFocusMemo *memo,
                                GtkWidget   *container);
void     hw_focus_memo_clear   (HwFocusMemo *memo);

/* The widget that has the keyboard focus when it is @widget or inside it
 * (the text of an entry row, say), else NULL: is the person typing there? */
GtkWidget *hw_focus_within     (GtkWidget   *widget);

G_END_DECLS
