/* hw-focus-memo.c: the keyboard focus kept across a list made again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-focus-memo"

#include <adwaita.h>

#include "hw-focus-memo.h"

/* the @n-th widget of @type under @root (itself included), depth first;
 * @n counts down */
static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             int       *n)
{
  if (G_OBJECT_TYPE (root) == type && (*n)-- == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = nth_of_type (c, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* how many widgets of @type come before @target under @root, depth
 * first; -1 when @target is not there */
static int
index_of (GtkWidget *root,
          GtkWidget *target,
          int       *seen)
{
  if (root == target)
    return *seen;
  if (G_OBJECT_TYPE (root) == G_OBJECT_TYPE (target))
    (*seen)++;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int found = index_of (c, target, seen);

      if (found >= 0)
        return found;
    }
  return -1;
}

static const char *
row_title (GtkWidget *row)
{
  return ADW_IS_PREFERENCES_ROW (row) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

GtkWidget *
hw_focus_within (GtkWidget *widget)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || (focus != widget && !gtk_widget_is_ancestor (focus, widget)))
    return NULL;
  return focus;
}

gboolean
hw_focus_memo_save (HwFocusMemo *memo,
                    GtkWidget   *container)
{
  GtkWidget *focus, *row;
  int seen = 0, index = 0;

  g_return_val_if_fail (memo != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (container), FALSE);

  hw_focus_memo_clear (memo);
  focus = hw_focus_within (container);
  if (focus == NULL || focus == container)
    return FALSE;

  for (row = focus; gtk_widget_get_parent (row) != container; row = gtk_widget_get_parent (row))
    ;
  for (GtkWidget *c = gtk_widget_get_first_child (container); c != row; c = gtk_widget_get_next_sibling (c))
    index++;

  memo->saved = TRUE;
  memo->row_index = index;
  memo->row_title = g_strdup (row_title (row));
  memo->focus_type = G_OBJECT_TYPE (focus);
  memo->focus_index = MAX (index_of (row, focus, &seen), 0);
  return TRUE;
}

void
hw_focus_memo_restore (HwFocusMemo *memo,
                       GtkWidget   *container)
{
  GtkWidget *row = NULL, *target = NULL;
  int index = 0, n;

  g_return_if_fail (memo != NULL);
  g_return_if_fail (GTK_IS_WIDGET (container));

  if (!memo->saved)
    return;
  /* the row with the same title, else the one in the same place (or the
   * last, when the list got shorter) */
  if (memo->row_title != NULL)
    for (GtkWidget *c = gtk_widget_get_first_child (container); c != NULL && row == NULL;
         c = gtk_widget_get_next_sibling (c))
      if (g_strcmp0 (row_title (c), memo->row_title) == 0)
        row = c;
  for (GtkWidget *c = gtk_widget_get_first_child (container); row == NULL && c != NULL;
       c = gtk_widget_get_next_sibling (c), index++)
    if (index == memo->row_index || gtk_widget_get_next_sibling (c) == NULL)
      row = c;

  if (row != NULL)
    {
      n = memo->focus_index;
      target = nth_of_type (row, memo->focus_type, &n);
      if (target == NULL || !gtk_widget_grab_focus (target))
        gtk_widget_grab_focus (row);
    }
  else
    gtk_widget_grab_focus (container);
  hw_focus_memo_clear (memo);
}

void
hw_focus_memo_clear (HwFocusMemo *memo)
{
  g_return_if_fail (memo != NULL);

  g_clear_pointer (&memo->row_title, g_free);
  memo->saved = FALSE;
  memo->row_index = 0;
  memo->focus_type = G_TYPE_INVALID;
  memo->focus_index = 0;
}
