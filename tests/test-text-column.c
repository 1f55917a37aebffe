/* test-text-column.c: HwTextColumn stacks its children as a vertical
 * GtkBox does, at every width, and spares them GtkBox's searches: a row
 * with a column of texts beside a button asks the texts' heights at the
 * width they get, not at every width a search for the narrowest tries
 * (hw-text-column.c). HwTextRow, made of one, takes the room of an
 * AdwActionRow and reads to screen readers as one (hw-text-row.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-test-window.h"
#include "hw-text-column.h"
#include "hw-text-row.h"
#include "hw-wrap-label.h"

/* A child like a wrapping text of @area square pixels: as tall as it
 * must be at a width, and it counts the widths it was asked about. */
#define TEST_TYPE_TEXT (test_text_get_type ())
G_DECLARE_FINAL_TYPE (TestText, test_text, TEST, TEXT, GtkWidget)

struct _TestText
{
  GtkWidget   parent_instance;
  int         area;
  GHashTable *widths;
};

G_DEFINE_FINAL_TYPE (TestText, test_text, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
test_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_text_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  TestText *self = TEST_TEXT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 10;
      *natural = self->area / 20;
      return;
    }
  g_hash_table_add (self->widths, GINT_TO_POINTER (for_size));
  /* lines of 20 px; at least one */
  *minimum = *natural = for_size > 0 ? MAX (20, (self->area / for_size + 19) / 20 * 20) : 20;
}

static void
test_text_finalize (GObject *object)
{
  g_hash_table_unref (TEST_TEXT (object)->widths);
  G_OBJECT_CLASS (test_text_parent_class)->finalize (object);
}

static void
test_text_class_init (TestTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_text_finalize;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_text_get_request_mode;
  GTK_WIDGET_CLASS (klass)->measure = test_text_measure;
}

static void
test_text_init (TestText *self)
{
  self->widths = g_hash_table_new (NULL, NULL);
}

static GtkWidget *
test_text_new (int area)
{
  TestText *text = g_object_new (TEST_TYPE_TEXT, NULL);

  text->area = area;
  return GTK_WIDGET (text);
}

static int
height_at (GtkWidget *widget,
           int        width)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return min;
}

static const char *const texts[] = {
  "Housing",
  "In your words: we need a place with two bedrooms so all three children can come home, and a lease in Elena’s name.",
  "Strengths: rent has been paid on time for eight months",
};

/* A column of three labels (the middle one hidden, then shown) is as
 * tall as a vertical GtkBox of the same labels, at every width. */
static void
test_heights_as_box (void)
{
  g_autoptr(GtkWidget) column = g_object_ref_sink (hw_text_column_new (4));
  g_autoptr(GtkWidget) box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  GtkWidget *hidden[2] = { NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *ours = hw_wrap_label_new (texts[i]);
      GtkWidget *theirs = hw_wrap_label_new (texts[i]);

      hw_wrap_label_set_lines (HW_WRAP_LABEL (ours), 0);
      hw_wrap_label_set_lines (HW_WRAP_LABEL (theirs), 0);
      hw_text_column_append (HW_TEXT_COLUMN (column), ours);
      gtk_box_append (GTK_BOX (box), theirs);
      if (i == 1)
        {
          hidden[0] = ours;
          hidden[1] = theirs;
        }
    }
  for (int shown = 0; shown < 2; shown++)
    {
      gtk_widget_set_visible (hidden[0], shown);
      gtk_widget_set_visible (hidden[1], shown);
      for (int width = 40; width < 1200; width += 13)
        g_assert_cmpint (height_at (column, width), ==, height_at (box, width));
      g_assert_cmpint (height_at (column, -1), ==, height_at (box, -1));
    }
}

/* Beside a button in a horizontal box (a row of the service plan), a
 * text in the column is asked its height at one width or two; in a
 * vertical GtkBox, at the many widths of GtkBox's searches (that is what
 * the column is for: the test fails if the column searches too). */
static void
test_no_search (void)
{
  GtkWidget *texts_in[2];
  guint asked[2];

  for (int kind = 0; kind < 2; kind++)
    {
      g_autoptr(GtkWidget) row = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
      GtkWidget *column = kind == 0 ? hw_text_column_new (2) : gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      texts_in[kind] = test_text_new (20000);
      gtk_widget_set_hexpand (column, TRUE);
      if (kind == 0)
        hw_text_column_append (HW_TEXT_COLUMN (column), texts_in[kind]);
      else
        gtk_box_append (GTK_BOX (column), texts_in[kind]);
      gtk_box_append (GTK_BOX (row), column);
      gtk_box_append (GTK_BOX (row), gtk_button_new_with_label ("Add Goal"));
      g_assert_cmpint (height_at (row, 600), >=, 20000 / 600);
      asked[kind] = g_hash_table_size (TEST_TEXT (texts_in[kind])->widths);
      g_test_message ("%s: asked about %u widths", kind == 0 ? "HwTextColumn" : "GtkBox", asked[kind]);
    }
  g_assert_cmpuint (asked[0], <=, 2);
  g_assert_cmpuint (asked[1], >, 5);
}

/* In a window, each shown child gets the column's width and the height
 * it asks for at that width, under the one before, `spacing` below it. */
static void
test_allocation (void)
{
  GtkWidget *column = hw_text_column_new (6);
  GtkWidget *children[3];
  GtkWidget *window;
  int y = 0;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      children[i] = test_text_new (6000 * (i + 1));
      hw_text_column_append (HW_TEXT_COLUMN (column), children[i]);
    }
  gtk_widget_set_visible (children[1], FALSE);
  window = hw_test_window_with (column, 300, 400);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_visible (children[i]))
        continue;
      g_assert_true (gtk_widget_compute_bounds (children[i], column, &bounds));
      g_assert_cmpfloat (bounds.origin.x, ==, 0);
      g_assert_cmpfloat (bounds.origin.y, ==, y);
      g_assert_cmpfloat (bounds.size.width, ==, gtk_widget_get_width (column));
      g_assert_cmpfloat (bounds.size.height, ==, height_at (children[i], gtk_widget_get_width (column)));
      y += bounds.size.height + 6;
    }
  g_assert_cmpint (gtk_widget_get_height (column), ==, y - 6);
  hw_text_column_set_spacing (HW_TEXT_COLUMN (column), 0);
  g_assert_cmpint (height_at (column, gtk_widget_get_width (column)), ==, y - 12);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In a boxed list 600 px wide (and 300), a HwTextRow is as tall as an
 * AdwActionRow with the same title, subtitle, prefix and suffix, short
 * or long; its title and subtitle are what screen readers read. */
static void
test_row_as_action_row (void)
{
  static const char *const titles[] = { "Tuesday 3 March, 16:00–18:00", texts[1] };
  static const char *const subtitles[] = { "", "Supervised · Family centre · Elena, Marco", texts[2] };

  for (int width = 600; width >= 300; width -= 300)
  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
  for (guint s = 0; s < G_N_ELEMENTS (subtitles); s++)
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *ours = hw_text_row_new ();
      GtkWidget *theirs = adw_action_row_new ();
      GtkWidget *window;

      gtk_widget_add_css_class (list, "boxed-list");
      hw_text_row_set_title (HW_TEXT_ROW (ours), titles[t]);
      hw_text_row_set_subtitle (HW_TEXT_ROW (ours), subtitles[s]);
      hw_text_row_add_prefix (HW_TEXT_ROW (ours), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      hw_text_row_add_suffix (HW_TEXT_ROW (ours), gtk_button_new_with_label ("Record…"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (theirs), titles[t]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (theirs), subtitles[s]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (theirs), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (theirs), gtk_button_new_with_label ("Record…"));
      gtk_list_box_append (GTK_LIST_BOX (list), ours);
      gtk_list_box_append (GTK_LIST_BOX (list), theirs);
      window = hw_test_window_with (list, width, 400);

      g_test_message ("%d px, title %u, subtitle %u: %d and %d px high", width, t, s,
                      gtk_widget_get_height (ours), gtk_widget_get_height (theirs));
      g_assert_cmpint (gtk_widget_get_height (ours), ==, gtk_widget_get_height (theirs));
      g_assert_cmpstr (hw_text_row_get_title (HW_TEXT_ROW (ours)), ==, titles[t]);
      gtk_test_accessible_assert_property (ours, GTK_ACCESSIBLE_PROPERTY_LABEL, titles[t]);
      if (*subtitles[s] != '\0')
        gtk_test_accessible_assert_property (ours, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitles[s]);
      else
        g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (ours), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/text-column/heights-as-box", test_heights_as_box);
  g_test_add_func ("/text-column/no-search", test_no_search);
  g_test_add_func ("/text-column/allocation", test_allocation);
  g_test_add_func ("/text-row/as-action-row", test_row_as_action_row);
  return g_test_run ();
}
