/* test-tooltip.c: tooltips that wait until they are shown (hw-tooltip.c)
 * show the text they were given, or a label's whole text as it changes,
 * without setting GTK's own tooltip text (which costs X round trips).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-long-text.h"
#include "hw-tooltip.h"

/* Whether the pointer resting on @widget would show a tooltip. */
static gboolean
would_show (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  if (!gtk_widget_get_has_tooltip (widget))
    return FALSE;
  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

static void
test_widget (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new ());

  g_assert_null (hw_widget_get_tooltip (button));
  g_assert_false (would_show (button));
  hw_widget_set_tooltip (button, "Edit");
  g_assert_cmpstr (hw_widget_get_tooltip (button), ==, "Edit");
  g_assert_true (would_show (button));
  /* GTK's own tooltip text stays unset: setting it costs round trips */
  g_assert_null (gtk_widget_get_tooltip_text (button));
  hw_widget_set_tooltip (button, NULL);
  g_assert_null (hw_widget_get_tooltip (button));
  g_assert_false (would_show (button));
  g_object_unref (button);
}

/* A label cut short with "…" shows its whole text, whatever it becomes;
 * an empty one shows no tooltip. */
static void
test_label_whole_text (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Elena Morales"));

  hw_label_ellipsize_long (GTK_LABEL (label), 10);
  g_assert_cmpstr (hw_widget_get_tooltip (label), ==, "Elena Morales");
  g_assert_true (would_show (label));
  gtk_label_set_text (GTK_LABEL (label), "County Children and Family Services");
  g_assert_cmpstr (hw_widget_get_tooltip (label), ==, "County Children and Family Services");
  gtk_label_set_text (GTK_LABEL (label), "");
  g_assert_false (would_show (label));
  g_assert_null (gtk_widget_get_tooltip_text (label));
  g_object_unref (label);
}

/* An action row's tooltip holds its whole title and subtitle. */
static void
test_action_row (void)
{
  GtkWidget *row = g_object_ref_sink (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Rosa Morales");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "Grandmother · (555) 010-2233");
  hw_action_row_set_whole_tooltip (ADW_ACTION_ROW (row));
  g_assert_cmpstr (hw_widget_get_tooltip (row), ==, "Rosa Morales\nGrandmother · (555) 010-2233");
  g_assert_true (would_show (row));
  g_object_unref (row);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/tooltip/widget", test_widget);
  g_test_add_func ("/tooltip/label-whole-text", test_label_whole_text);
  g_test_add_func ("/tooltip/action-row", test_action_row);
  return g_test_run ();
}
