/* test-family-search.c: the list of families filtered as one types, on a
 * few hundred families (under Xvfb).
 *
 * The rows shown must be exactly the families found, in order, after each
 * letter typed or erased, whatever rows the list keeps and fills again
 * (hw-found-cases.c, hw-case-row.c); the open family stays selected
 * whenever it is found, and the search keeps its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-case-row.h"
#include "hw-case-slot.h"
#include "hw-record.h"
#include "hw-test-store.h"
#include "hw-window.h"

#define N_FAMILIES 400

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
child (HwWindow   *window,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), HW_TYPE_WINDOW, name));
}

/* A few hundred families with names that share beginnings (Guzmán 1,
 * Guzmán 2, ..., Gutiérrez 1, ...), one edit. */
static gint64
add_families (HwStore *store)
{
  static const char *names[] = { "Guzmán", "Gutiérrez", "Garcia", "Brown", "Tremblay", "Ortega",
                                 "Nguyen", "Guerrero" };
  g_autoptr(GError) error = NULL;
  gint64 guzman_42 = 0;

  g_assert_true (hw_store_begin_edit (store, "Add families", &error));
  for (guint i = 0; i < N_FAMILIES; i++)
    {
      g_autoptr(HwRecord) kase = hw_record_new ("cases");
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)],
                                               i / (guint) G_N_ELEMENTS (names));
      g_autofree char *number = g_strdup_printf ("FC-2024-%05u", 7 * i + 3);
      gint64 id;

      hw_record_set_string (kase, "family_name", name);
      hw_record_set_string (kase, "case_number", number);
      id = hw_store_insert (store, "Add family", kase, &error);
      g_assert_no_error (error);
      if (g_str_equal (name, "Guzmán 42"))
        guzman_42 = id;
    }
  g_assert_true (hw_store_commit_edit (store, &error));
  g_assert_cmpint (guzman_42, >, 0);
  return guzman_42;
}

/* The search's rule, said another way: each word of the search starts a
 * word of the name or the number, case and accents ignored. */
static gboolean
expected_match (HwRecord   *record,
                const char *text)
{
  g_autofree char *both = g_strdup_printf ("%s %s", hw_record_get_string (record, "family_name"),
                                           hw_record_get_string (record, "case_number"));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0' || g_str_match_string (stripped, both, TRUE);
}

/* Types @text (as the entry does after a pause) and checks the list. */
static void
check_search (HwWindow   *window,
              const char *text,
              gint64      open_id)
{
  GtkWidget *entry = child (window, "case_search");
  GtkListView *list = GTK_LIST_VIEW (child (window, "case_list"));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  GListModel *cases = hw_window_get_cases (window);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  guint open_position = GTK_INVALID_LIST_POSITION;
  guint n_rows = 0, n_tagged = 0;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  spin ();

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(HwRecord) record = g_list_model_get_item (cases, i);

      if (expected_match (record, text))
        {
          if (hw_record_get_id (record) == open_id)
            open_position = expected->len;
          g_ptr_array_add (expected, record);
        }
    }

  /* the model: exactly the matches, in the list's order */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(HwCaseSlot) slot = g_list_model_get_item (shown, i);

      g_assert_cmpint (hw_record_get_id (hw_case_slot_get_record (slot)), ==,
                       hw_record_get_id (expected->pdata[i]));
    }

  /* the rows the list made, in order from the first: the same names */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (list)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row == NULL || !gtk_widget_has_css_class (row, "case-row"))
        continue;
      g_assert_cmpuint (n_rows, <, expected->len);
      g_assert_cmpstr (hw_case_row_get_title (HW_CASE_ROW (row)), ==,
                       hw_record_get_string (expected->pdata[n_rows], "family_name"));
      /* the sample's tag on the sample's row only (rows show other
       * families after each letter) */
      {
        GtkWidget *tag = gtk_widget_get_last_child (row);
        gboolean tagged = tag != NULL && gtk_widget_has_css_class (tag, "sample-tag")
                          && gtk_widget_get_visible (tag);

        g_assert_cmpint (tagged, ==, hw_record_get_boolean (expected->pdata[n_rows], "sample"));
        n_tagged += tagged;
      }
      n_rows++;
    }
  /* rows for the first families found at least (GTK 4.8 keeps up to 200) */
  g_assert_cmpuint (n_rows, >=, MIN (expected->len, 20));
  g_assert_cmpuint (n_tagged, <=, 1);
  if (g_str_equal (text, "mor"))
    g_assert_cmpuint (n_tagged, ==, 1);

  /* the open family stays open, and selected whenever it is found */
  g_assert_cmpint (hw_window_get_case_id (window), ==, open_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)), ==,
                    open_position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
  g_assert_cmpint (gtk_widget_get_visible (child (window, "no_match_label")), ==,
                   expected->len == 0 && *text != '\0');
}

static void
test_typing_and_erasing (void)
{
  /* typed letter by letter, erased, another name, and one that finds
   * nothing, as the benchmark does; the sample family (its row tagged),
   * then others in the same rows */
  static const char *typed[] = { "g", "gu", "guz", "guzm", "guzmá", "guzmán", "guzmán 4",
                                 "guzmán 42", "guzmán 4", "guzmán", "guz", "gu", "g", "", "0",
                                 "00", "001", "0012", "", "t", "tr", "tre", "trem", "tremx",
                                 "trem", "", "guzman 42", "GUZ",
                                 "gut", "ortega 1", "", "x", "", "mor", "g", "", "mor", "",
                                 NULL };
  char *dir = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-test-family-search-XXXXXX", &dir, NULL);
  gint64 open_id = add_families (store);
  HwWindow *window = hw_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  hw_window_select_case (window, open_id);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (hw_window_get_cases (window)), ==, N_FAMILIES + 1);

  for (guint i = 0; typed[i] != NULL; i++)
    check_search (window, typed[i], open_id);

  /* a family chosen while searching is the one open after the search */
  check_search (window, "brown", open_id);
  {
    GtkListView *list = GTK_LIST_VIEW (child (window, "case_list"));
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
    g_autoptr(HwCaseSlot) slot = g_list_model_get_item (shown, 3);

    open_id = hw_record_get_id (hw_case_slot_get_record (slot));
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown), 3);
    spin ();
  }
  check_search (window, "brown", open_id);
  check_search (window, "", open_id);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  hw_test_store_free (store, dir);
}

/* Waits for @widget's window to draw two frames (the layout of the next
 * one after a change). */
static void
draw_frames (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 counter = gdk_frame_clock_get_frame_counter (clock);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (clock);
  while (gdk_frame_clock_get_frame_counter (clock) < counter + 2 && g_get_monotonic_time () < end)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  spin ();
}

/* The first row of the list, a family's (HwCaseRow) */
static GtkWidget *
first_row (HwWindow *window)
{
  GtkWidget *list = child (window, "case_list");

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && gtk_widget_has_css_class (row, "case-row"))
        return row;
    }
  g_assert_not_reached ();
}

typedef struct {
  graphene_rect_t  box;         /* the glyphs' ink, in the row */
  GskRenderNode   *node;        /* a text node */
} Text;

/* The texts @node draws (text nodes, moved by @dx, @dy) appended to
 * @texts (Text) */
static void
collect_texts (GskRenderNode *node,
               float          dx,
               float          dy,
               GArray        *boxes)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_texts (gsk_container_node_get_child (node, i), dx, dy, boxes);
      break;
    case GSK_TRANSFORM_NODE:
      {
        float tx, ty;

        g_assert_cmpint (gsk_transform_get_category (gsk_transform_node_get_transform (node)), >=,
                         GSK_TRANSFORM_CATEGORY_2D_TRANSLATE);
        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
        collect_texts (gsk_transform_node_get_child (node), dx + tx, dy + ty, boxes);
      }
      break;
    case GSK_TEXT_NODE:
      {
        Text text = { .node = node };

        gsk_render_node_get_bounds (node, &text.box);
        text.box.origin.x += dx;
        text.box.origin.y += dy;
        g_array_append_val (boxes, text);
      }
      break;
    default:
      break;
    }
}

/* What @row draws: a Text for each line of text (the name, the number,
 * the sample's tag), top to bottom, each the union of its runs (a run of
 * each font: "·" may be drawn from another font than the words) with its
 * first run's node. The nodes are kept in @node. */
static GArray *
row_texts (GtkWidget      *row,
           GskRenderNode **node)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Text));
  GArray *texts = g_array_new (FALSE, FALSE, sizeof (Text));

  GTK_WIDGET_GET_CLASS (row)->snapshot (row, snapshot);
  *node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (*node);
  collect_texts (*node, 0, 0, runs);
  for (guint r = 0; r < runs->len; r++)
    {
      Text *run = &g_array_index (runs, Text, r);
      gboolean merged = FALSE;

      for (guint t = 0; t < texts->len && !merged; t++)
        {
          Text *text = &g_array_index (texts, Text, t);

          if (run->box.origin.y < text->box.origin.y + text->box.size.height
              && text->box.origin.y < run->box.origin.y + run->box.size.height)
            {
              graphene_rect_union (&text->box, &run->box, &text->box);
              merged = TRUE;
            }
        }
      if (!merged)
        g_array_append_val (texts, *run);
    }
  return texts;
}

/* @row (a family's) draws its name above its case number, each inside
 * the row, and its children (the sample's tag) are given at least the
 * height they ask for; returns the row's height. */
static int
check_row_fits (GtkWidget *row)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) boxes = row_texts (row, &node);
  int width = gtk_widget_get_width (row), height = gtk_widget_get_height (row);
  GtkWidget *tag = gtk_widget_get_last_child (row);

  /* the name, the number, and the sample's tag (a label) if shown */
  g_assert_cmpuint (boxes->len, ==, 2 + (tag != NULL && gtk_widget_get_visible (tag)));
  for (guint i = 0; i < boxes->len; i++)
    {
      graphene_rect_t *box = &g_array_index (boxes, Text, i).box;

      g_assert_cmpfloat (box->size.height, >, 5);
      /* (a text node's box is its glyphs' ink rounded out to whole
       * pixels: a letter's ink may reach a little past its line, as in
       * a GtkLabel) */
      g_assert_cmpfloat (box->origin.x, >=, -1);
      g_assert_cmpfloat (box->origin.y, >=, -1);
      g_assert_cmpfloat (box->origin.x + box->size.width, <=, width + 1);
      g_assert_cmpfloat (box->origin.y + box->size.height, <=, height + 1);
    }
  /* the name above the number, apart */
  g_assert_cmpfloat (g_array_index (boxes, Text, 0).box.origin.y
                     + g_array_index (boxes, Text, 0).box.size.height, <=,
                     g_array_index (boxes, Text, 1).box.origin.y);

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int nat;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, &nat, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (child), >=, nat);
    }
  return height;
}

/* Large text switched on while the list shows families: the rows (those
 * kept, and those made after a search, measured once for all rows) grow
 * with the text and cut no label. */
static void
test_text_scaling (void)
{
  char *dir = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-test-family-search-XXXXXX", &dir, NULL);
  HwWindow *window = hw_window_new (NULL, store);
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (window));
  int dpi = 0, small, large;

  add_families (store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  draw_frames (GTK_WIDGET (window));
  small = check_row_fits (first_row (window));

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    dpi = 96 * 1024;
  g_object_set (settings, "gtk-xft-dpi", 2 * dpi, NULL);
  draw_frames (GTK_WIDGET (window));
  large = check_row_fits (first_row (window));
  g_assert_cmpint (large, >, small + small / 2);

  /* rows made anew after a search that found few */
  check_search (window, "guzmán 42", hw_window_get_case_id (window));
  check_search (window, "", hw_window_get_case_id (window));
  draw_frames (GTK_WIDGET (window));
  g_assert_cmpint (check_row_fits (first_row (window)), ==, large);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  draw_frames (GTK_WIDGET (window));
  g_assert_cmpint (check_row_fits (first_row (window)), ==, small);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  hw_test_store_free (store, dir);
}

/* Whether @row shows a tooltip with the pointer at @y */
static gboolean
asks_tooltip (GtkWidget *row,
              int        y)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (row, "query-tooltip", 4, y, FALSE, tooltip, &shown);
  return shown;
}

/* A row draws the family's name semi-bold in the list's font, and the
 * case number in libadwaita's caption size, dimmed as its dim-label, as
 * the labels it replaced did; a name cut short shows whole in a tooltip,
 * a whole one has none; the sample's row is taller by its tag. */
static void
test_row_look (void)
{
  char *dir = NULL;
  HwStore *store = hw_test_store_new_demo ("homeward-test-family-search-XXXXXX", &dir, NULL);
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_name = g_string_new ("Featherstonehaugh");
  HwWindow *window;
  GtkWidget *row;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) texts = NULL;
  const PangoFontDescription *list_font;
  g_autoptr(PangoFontDescription) title_font = NULL;
  g_autoptr(PangoFontDescription) subtitle_font = NULL;
  const GdkRGBA *title_color, *subtitle_color;
  GdkRGBA color;
  int plain_height;

  add_families (store);
  for (guint i = 0; i < 12; i++)
    g_string_append (long_name, " Montgomery-Cholmondeley");
  hw_record_set_string (kase, "family_name", long_name->str);
  hw_record_set_string (kase, "case_number", "FC-2024-99999");
  g_assert_cmpint (hw_store_insert (store, "Add family", kase, &error), >, 0);
  g_assert_no_error (error);
  window = hw_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  draw_frames (GTK_WIDGET (window));

  check_search (window, "featherstonehaugh", hw_window_get_case_id (window));
  draw_frames (GTK_WIDGET (window));
  row = first_row (window);
  g_assert_cmpstr (hw_case_row_get_title (HW_CASE_ROW (row)), ==, long_name->str);
  g_assert_cmpstr (hw_case_row_get_subtitle (HW_CASE_ROW (row)), ==, "FC-2024-99999 · Children in care");
  plain_height = check_row_fits (row);
  texts = row_texts (row, &node);
  g_assert_cmpuint (texts->len, ==, 2);

  /* the fonts: the list's, semi-bold; libadwaita's caption (9 pt) */
  list_font = pango_context_get_font_description (gtk_widget_get_pango_context (child (window, "case_list")));
  title_font = pango_font_describe_with_absolute_size (gsk_text_node_get_font (g_array_index (texts, Text, 0).node));
  subtitle_font = pango_font_describe_with_absolute_size (gsk_text_node_get_font (g_array_index (texts, Text, 1).node));
  g_assert_true (pango_font_description_get_size_is_absolute (list_font));
  g_assert_cmpint (pango_font_description_get_weight (title_font), >=, PANGO_WEIGHT_SEMIBOLD);
  g_assert_cmpfloat_with_epsilon (pango_font_description_get_size (title_font),
                                  pango_font_description_get_size (list_font), PANGO_SCALE / 10.0);
  g_assert_cmpint (pango_font_description_get_weight (subtitle_font), ==, PANGO_WEIGHT_NORMAL);
  /* in pixels at the list's resolution */
  g_assert_cmpfloat_with_epsilon (pango_font_description_get_size (subtitle_font),
                                  9 * PANGO_SCALE * pango_cairo_context_get_resolution (
                                    gtk_widget_get_pango_context (child (window, "case_list"))) / 72.0,
                                  PANGO_SCALE / 10.0);

  /* the colours: the row's; the number dimmed to 0.55 */
  gtk_style_context_get_color (gtk_widget_get_style_context (row), &color);
  title_color = gsk_text_node_get_color (g_array_index (texts, Text, 0).node);
  subtitle_color = gsk_text_node_get_color (g_array_index (texts, Text, 1).node);
  g_assert_true (gdk_rgba_equal (title_color, &color));
  g_assert_cmpfloat_with_epsilon (subtitle_color->red, color.red, 1e-6);
  g_assert_cmpfloat_with_epsilon (subtitle_color->alpha, color.alpha * 0.55, 1e-6);

  /* the name is cut short: its tooltip; the number is whole: none */
  g_assert_cmpfloat (g_array_index (texts, Text, 0).box.size.width, <=, gtk_widget_get_width (row));
  g_assert_true (asks_tooltip (row, (int) (g_array_index (texts, Text, 0).box.origin.y + 4)));
  g_assert_false (asks_tooltip (row, (int) (g_array_index (texts, Text, 1).box.origin.y + 4)));

  /* a whole name: no tooltip */
  check_search (window, "guzmán 42", hw_window_get_case_id (window));
  draw_frames (GTK_WIDGET (window));
  row = first_row (window);
  g_assert_cmpstr (hw_case_row_get_title (HW_CASE_ROW (row)), ==, "Guzmán 42");
  g_assert_false (asks_tooltip (row, (int) (g_array_index (texts, Text, 0).box.origin.y + 4)));

  /* the sample's row: its tag under the texts */
  check_search (window, "morales", hw_window_get_case_id (window));
  draw_frames (GTK_WIDGET (window));
  row = first_row (window);
  g_assert_nonnull (gtk_widget_get_last_child (row));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (row)));
  g_assert_cmpint (check_row_fits (row), >, plain_height);
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_last_child (row)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
  hw_test_store_free (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/family-search/typing-and-erasing", test_typing_and_erasing);
  g_test_add_func ("/family-search/text-scaling", test_text_scaling);
  g_test_add_func ("/family-search/row-look", test_row_look);
  return g_test_run ();
}
