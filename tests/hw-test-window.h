/* hw-test-window.h: a widget shown in a window, for the widget tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* A window @width px wide and @height px high showing @child at its top
 * (as tall as @child asks), returned once @child has its size. */
static inline GtkWidget *
hw_test_window_with (GtkWidget *child,
                     int        width,
                     int        height)
{
  GtkWidget *window = gtk_window_new ();
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_set_valign (child, GTK_ALIGN_START);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (child) == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (child), >, 0);
  return window;
}
