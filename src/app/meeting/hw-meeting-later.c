/* hw-meeting-later.c: writes asked for from inside a row, run once the
 * row's signal has returned, and the keyboard focus given back afterwards
 *
 * A write makes the lists of the meeting editor build their rows again,
 * and a widget must not be destroyed in the middle of its own signal: the
 * rows ask for their writes through hw_meeting_run_later(). The new rows
 * are new widgets, so the one that had the focus is found again by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-later"

#include "hw-meeting-later.h"

typedef struct {
  GtkWidget          *widget;
  HwMeetingLaterFunc  func;
  GVariant           *parameter;
} Later;

static gboolean
later_cb (gpointer data)
{
  Later *later = data;

  /* a widget no longer in the window was replaced by a newer row: what
   * it asked for was already written, or is asked again by the new one */
  if (gtk_widget_get_root (later->widget) != NULL)
    later->func (later->widget, later->parameter);
  g_object_unref (later->widget);
  g_clear_pointer (&later->parameter, g_variant_unref);
  g_free (later);
  return G_SOURCE_REMOVE;
}

/**
 * hw_meeting_run_later:
 * @widget: the widget (a row, or a control in it) asking for the write
 * @func: the write; called with @widget and @parameter
 * @parameter: (nullable): a parameter for @func; a floating one is sunk
 *
 * Calls @func once the signal being handled has returned, unless @widget
 * has left the window by then.
 */
void
hw_meeting_run_later (GtkWidget          *widget,
                      HwMeetingLaterFunc  func,
                      GVariant           *parameter)
{
  Later *later;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  later = g_new0 (Later, 1);
  later->widget = g_object_ref (widget);
  later->func = func;
  later->parameter = parameter ? g_variant_ref_sink (parameter) : NULL;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, later_cb, later, NULL);
}

/**
 * hw_meeting_find_named:
 * @root: where to look
 * @name: a widget name (gtk_widget_set_name())
 *
 * Returns: (transfer none) (nullable): @root or the first widget under it
 *   named @name
 */
GtkWidget *
hw_meeting_find_named (GtkWidget  *root,
                       const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hw_meeting_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_unscored (GtkWidget *root)
{
  if (GTK_IS_SPIN_BUTTON (root) && gtk_spin_button_get_value (GTK_SPIN_BUTTON (root)) < 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_unscored (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * hw_meeting_find_first_field:
 * @page: a page of the meeting editor
 *
 * Returns: (transfer none) (nullable): where to type first on @page: its
 *   quick-entry line, or on the scaling step the first score nobody has
 *   given yet
 */
GtkWidget *
hw_meeting_find_first_field (GtkWidget *page)
{
  GtkWidget *entry;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  entry = hw_meeting_find_named (page, "quick-add");
  return entry != NULL ? entry : find_unscored (page);
}

typedef struct {
  GtkWidget *scope;
  char      *name;
} Refocus;

static gboolean
refocus_cb (gpointer data)
{
  Refocus *refocus = data;
  GtkWidget *widget = NULL;

  if (gtk_widget_get_root (refocus->scope) != NULL)
    widget = hw_meeting_find_named (refocus->scope, refocus->name);
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
  g_object_unref (refocus->scope);
  g_free (refocus->name);
  g_free (refocus);
  return G_SOURCE_REMOVE;
}

/**
 * hw_meeting_refocus_later:
 * @scope: a widget that outlives the rows (the list they are in)
 * @name: the name of the widget to give the focus to
 *
 * Rows are made again after each edit: gives the keyboard focus back to
 * the widget named @name under @scope once the lists have caught up.
 */
void
hw_meeting_refocus_later (GtkWidget  *scope,
                          const char *name)
{
  Refocus *refocus;

  g_return_if_fail (GTK_IS_WIDGET (scope));

  refocus = g_new0 (Refocus, 1);
  refocus->scope = g_object_ref (scope);
  refocus->name = g_strdup (name);
  g_idle_add_full (G_PRIORITY_LOW, refocus_cb, refocus, NULL);
}
