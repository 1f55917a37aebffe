/* hw-test-find.h: finding a widget in a tree for the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-wrap-label.h"

/* Whether @widget is the one looked for (@data: what is looked for). */
typedef gboolean (*HwTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

/* The first widget, depth first from @root (itself included), that
 * @match accepts, or NULL. */
static inline GtkWidget *
hw_test_find_widget (GtkWidget         *root,
                     HwTestWidgetMatch  match,
                     gconstpointer      data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hw_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* a button that runs the action named @data */
static inline gboolean
hw_test_match_button_action (GtkWidget     *widget,
                             gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* a check button labelled @data */
static inline gboolean
hw_test_match_check_label (GtkWidget     *widget,
                           gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

/* a preferences row titled @data */
static inline gboolean
hw_test_match_row_title (GtkWidget     *widget,
                         gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* The text of @widget if it is a label (a GtkLabel or a HwWrapLabel),
 * else NULL. */
static inline const char *
hw_test_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (HW_IS_WRAP_LABEL (widget))
    return hw_wrap_label_get_text (HW_WRAP_LABEL (widget));
  return NULL;
}

/* a label on screen whose text starts with @data */
static inline gboolean
hw_test_match_shown_label_prefix (GtkWidget     *widget,
                                  gconstpointer  data)
{
  const char *text = hw_test_label_text (widget);

  return text != NULL && gtk_widget_get_mapped (widget) && g_str_has_prefix (text, data);
}
