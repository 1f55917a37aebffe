/* test-wrap-label.c: HwWrapLabel takes the room a GtkLabel that wraps to
 * two lines takes, at every width, without laying its text out again for
 * each (hw-wrap-label.c), and the room of the service plan's labels (up to
 * eight lines, or all, asking for at most 80 characters of width); it cuts
 * long text short, follows font changes, and reads to screen readers as
 * before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-test-window.h"
#include "hw-wrap-label.h"

static const char *const texts[] = {
  "Ana",
  "Rosa Morales",
  "Mother · Grandmother of the children · (555) 010-2233 · Worker: Priya Shah",
  "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft",
  "County Children and Family Services, Eastern Region Office",
  "José Ñúñez · Tía",
};

static GtkWidget *
gtk_label_as_action_row (const char *text,
                         int         lines)
{
  /* as AdwActionRow's title with title-lines @lines */
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return g_object_ref_sink (label);
}

static int
height_at (GtkWidget *widget,
           int        width)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, nat);
  return nat;
}

static int
natural_width (GtkWidget *widget)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, nat);
  return nat;
}

/* At every width, from a few letters to wider than the text, the height
 * is a GtkLabel's: one line where the text fits, two (or up to `lines`)
 * where it does not. One and two lines are known from the one line's
 * height; three are laid out. */
static void
test_heights_as_gtk_label (void)
{
  for (int lines = 1; lines <= 3; lines++)
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GtkWidget) ours = g_object_ref_sink (hw_wrap_label_new (texts[t]));
      g_autoptr(GtkWidget) gtk = gtk_label_as_action_row (texts[t], lines);
      int whole = natural_width (gtk);
      int one_line = height_at (gtk, -1);

      hw_wrap_label_set_lines (HW_WRAP_LABEL (ours), lines);
      g_test_message ("“%s”, %d lines: %d px wide, a line %d px", texts[t], lines, whole, one_line);
      g_assert_cmpint (abs (natural_width (ours) - whole), <=, 1);
      g_assert_cmpint (height_at (ours, -1), ==, one_line);
      for (int width = 30; width < whole + 60; width += 7)
        {
          int expected = height_at (gtk, width);

          if (height_at (ours, width) != expected)
            g_error ("“%s”, %d lines, at %d px: %d px high, a GtkLabel %d px",
                     texts[t], lines, width, height_at (ours, width), expected);
        }
      /* the width the text takes, and one less */
      g_assert_cmpint (height_at (ours, whole), ==, one_line);
      if (whole > 40)
        g_assert_cmpint (height_at (ours, whole - 2), ==, height_at (gtk, whole - 2));
    }
}

/* a family's words: long, some of it one word with nowhere to break */
static const char *const long_texts[] = {
  "We want the children home by the summer. Dad will finish the parenting "
  "class on Tuesdays, Mum keeps going to the group at the church hall, and "
  "Grandma Rosa picks the children up from school on the days we both work. "
  "Aunt Lupe is the one to call if anything goes wrong at night.",
  "Supervised visits at the family centre every Saturday morning; "
  "Nakamura-Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegeundsorgfaltigkeitbeschutzen "
  "drives the children there and back.",
  "Housing: the flat on Elm Street has two bedrooms now · Income: Dad's new job at the depot starts on the 3rd · School: both children are enrolled",
};

/* A GtkLabel as the service plan's rows had them (hw_label_wrap_lines(),
 * or all lines with @lines 0). */
static GtkWidget *
gtk_label_as_plan_row (const char *text,
                       int         lines,
                       int         max_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  if (lines > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (GTK_LABEL (label), lines);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return g_object_ref_sink (label);
}

static int
natural_height (GtkWidget *widget)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  return nat;
}

/* The service plan's labels: eight lines or three, or all of them (line
 * breaks kept), asking for the width of 80 characters or 20 at most. At
 * every width the height is a GtkLabel's, whichever order the widths
 * are asked in (a layout kept for one width answers for others). */
static void
test_plan_labels_as_gtk_label (void)
{
  static const int lines[] = { 8, 3, 0 };
  static const int max_chars[] = { 80, 20, -1 };
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    g_ptr_array_add (all, (gpointer) texts[t]);
  for (guint t = 0; t < G_N_ELEMENTS (long_texts); t++)
    g_ptr_array_add (all, (gpointer) long_texts[t]);
  g_ptr_array_add (all, "First line of the note\nSecond, a little longer line of the note\n\nAfter a blank line");

  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
  for (guint m = 0; m < G_N_ELEMENTS (max_chars); m++)
  for (guint t = 0; t < all->len; t++)
    {
      const char *text = g_ptr_array_index (all, t);
      g_autoptr(GtkWidget) ours = g_object_ref_sink (hw_wrap_label_new (text));
      g_autoptr(GtkWidget) gtk = gtk_label_as_plan_row (text, lines[l], max_chars[m]);
      int whole = natural_width (gtk);

      hw_wrap_label_set_lines (HW_WRAP_LABEL (ours), lines[l]);
      hw_wrap_label_set_max_width_chars (HW_WRAP_LABEL (ours), max_chars[m]);
      g_test_message ("“%.20s…”, %d lines, %d characters: %d px wide", text, lines[l], max_chars[m], whole);
      g_assert_cmpint (natural_width (ours), ==, whole);
      g_assert_cmpint (natural_height (ours), ==, natural_height (gtk));
      /* narrower and narrower, then wider and wider, then by jumps */
      for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < 200; i++)
          {
            int width = pass == 0 ? whole + 40 - i * 3
                      : pass == 1 ? 30 + i * 3
                      : 30 + (i * 97) % (whole + 40);
            int expected;

            if (width < 30 || width > whole + 40)
              continue;
            expected = height_at (gtk, width);
            if (height_at (ours, width) != expected)
              g_error ("“%.20s…”, %d lines, %d characters, at %d px (pass %d): %d px high, a GtkLabel %d px",
                       text, lines[l], max_chars[m], width, pass, height_at (ours, width), expected);
          }
    }
}

/* @child in a window @width px wide: as wide as the window (a label's
 * least width is "…"), its height */
static GtkWidget *
window_with (GtkWidget *child,
             int        width)
{
  GtkWidget *window = hw_test_window_with (child, width, 200);

  g_assert_cmpint (gtk_widget_get_width (child), <=, width);
  return window;
}

/* A long text is cut short at a narrow width, and whole at a wide one;
 * a line break in it is kept. */
static void
test_cut (void)
{
  GtkWidget *label = hw_wrap_label_new (texts[2]);
  GtkWidget *window = window_with (label, 120);

  g_assert_true (hw_wrap_label_is_cut (HW_WRAP_LABEL (label)));
  g_assert_cmpint (gtk_widget_get_height (label), ==, height_at (label, -1) * 2);
  hw_wrap_label_set_text (HW_WRAP_LABEL (label), "Ana");
  g_assert_false (hw_wrap_label_is_cut (HW_WRAP_LABEL (label)));
  /* a line break is kept, as a GtkLabel keeps it */
  hw_wrap_label_set_text (HW_WRAP_LABEL (label), "Ana\nMorales");
  g_assert_cmpstr (hw_wrap_label_get_text (HW_WRAP_LABEL (label)), ==, "Ana\nMorales");
  {
    g_autoptr(GtkWidget) gtk = gtk_label_as_action_row ("Ana\nMorales", 2);

    g_assert_cmpint (height_at (label, 600), ==, height_at (gtk, 600));
    g_autoptr(GtkWidget) one = g_object_ref_sink (hw_wrap_label_new ("Ana"));

    g_assert_cmpint (height_at (label, 600), >, height_at (one, 600) * 3 / 2);
  }
  /* one line is one line: the cut comes at the end of it */
  hw_wrap_label_set_lines (HW_WRAP_LABEL (label), 1);
  hw_wrap_label_set_text (HW_WRAP_LABEL (label), texts[2]);
  g_assert_cmpint (height_at (label, 120), ==, height_at (label, -1));
  g_assert_true (hw_wrap_label_is_cut (HW_WRAP_LABEL (label)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With whole-text-tooltip, there is a tooltip (the whole text) when the
 * text is cut short, and none when it is whole. */
static gboolean
asks_tooltip (GtkWidget *label)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (label, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

static void
test_whole_text_tooltip (void)
{
  GtkWidget *label = hw_wrap_label_new (long_texts[0]);
  GtkWidget *window;

  hw_wrap_label_set_lines (HW_WRAP_LABEL (label), 3);
  hw_wrap_label_set_whole_text_tooltip (HW_WRAP_LABEL (label), TRUE);
  window = window_with (label, 200);
  g_assert_true (gtk_widget_get_has_tooltip (label));
  g_assert_true (hw_wrap_label_is_cut (HW_WRAP_LABEL (label)));
  g_assert_true (asks_tooltip (label));
  /* whole at this width: no tooltip */
  hw_wrap_label_set_text (HW_WRAP_LABEL (label), "Housing");
  g_assert_false (hw_wrap_label_is_cut (HW_WRAP_LABEL (label)));
  g_assert_false (asks_tooltip (label));
  /* all lines: never cut */
  hw_wrap_label_set_text (HW_WRAP_LABEL (label), long_texts[0]);
  hw_wrap_label_set_lines (HW_WRAP_LABEL (label), 0);
  g_assert_false (asks_tooltip (label));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Larger text (the theme, or Large Text in the settings): the label
 * grows, measured again, not kept at the old font's size. */
static void
test_font_change (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = hw_wrap_label_new (texts[1]);
  GtkWidget *gtk = gtk_label_new (texts[1]);
  GtkWidget *window;
  int width, height, gtk_width;
  gint64 end;

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk);
  window = window_with (box, 600);
  width = natural_width (label);
  height = height_at (label, -1);
  gtk_width = natural_width (gtk);

  gtk_css_provider_load_from_data (css, "label { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  /* until a GtkLabel beside it has the new font (the next frame) */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (natural_width (gtk) == gtk_width && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (natural_width (gtk), >, gtk_width * 3 / 2);
  g_assert_cmpint (natural_width (label), >, width * 3 / 2);
  g_assert_cmpint (abs (natural_width (label) - natural_width (gtk)), <=, 1);
  g_assert_cmpint (height_at (label, -1), >, height * 3 / 2);
  g_assert_cmpint (height_at (label, 30), ==, 2 * height_at (label, -1));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Screen readers: a label whose name is its text. */
static void
test_accessible (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (hw_wrap_label_new ("Rosa Morales"));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (label, GTK_ACCESSIBLE_PROPERTY_LABEL, "Rosa Morales");
  hw_wrap_label_set_text (HW_WRAP_LABEL (label), "Luis Morales");
  gtk_test_accessible_assert_property (label, GTK_ACCESSIBLE_PROPERTY_LABEL, "Luis Morales");
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/wrap-label/heights-as-gtk-label", test_heights_as_gtk_label);
  g_test_add_func ("/wrap-label/plan-labels-as-gtk-label", test_plan_labels_as_gtk_label);
  g_test_add_func ("/wrap-label/cut", test_cut);
  g_test_add_func ("/wrap-label/whole-text-tooltip", test_whole_text_tooltip);
  g_test_add_func ("/wrap-label/font-change", test_font_change);
  g_test_add_func ("/wrap-label/accessible", test_accessible);
  return g_test_run ();
}
