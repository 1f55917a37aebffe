/* hw-ecomap-render.c: the ecomap model and its cairo renderer.
 *
 * Text is measured once per layout with a Pango context whose metrics are
 * not hinted, so a label has the same size in map units on the screen, in
 * a PDF and in a PNG; the cached PangoLayouts are then only shown, which
 * keeps a redraw of a large map (dragging a node) cheap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap-render"

#include <math.h>
#include <string.h>
#include "hw-i18n.h"
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "hw-ecomap-render.h"
#include "hw-export.h"

#define NODE_RADIUS        11.0
#define LABEL_MAX_WIDTH    130.0
#define LABEL_PAD          2.0    /* the white backing, each side of a name */
#define LABEL_EM           8.5    /* "Sans 8.5" at 72 dpi: map units */
#define HOUSEHOLD_MIN      46.0
#define TIE_GAP            2.0
#define ARROW_LENGTH       9.0
#define ARROW_HALF_WIDTH   4.5
#define STRONG_WIDTH       4.0
#define PLAIN_WIDTH        1.3
#define WAVE_AMPLITUDE     3.5
#define WAVE_LENGTH        9.0
/* A stressful tie carries at most this many waves, in its middle: a long
 * tie in a large map would otherwise carry hundreds, each one as costly to
 * draw and to write into a PDF as a whole node. */
#define WAVE_MAX_PERIODS   24
#define LEGEND_SAMPLE      40.0
#define LEGEND_PAD         8.0
#define LEGEND_LABEL_WIDTH 170.0

#define INK        0.13, 0.13, 0.15
#define STRESS_INK 0.62, 0.08, 0.08
#define FAINT_INK  0.62, 0.62, 0.64
#define ACCENT     0.11, 0.42, 0.85

/* Enums ------------------------------------------------------------------- */

static const char * const flow_ids[] = { "none", "a-to-b", "b-to-a", "both" };

gboolean
hw_tie_flow_from_string (const char *id,
                         HwTieFlow  *out)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (flow_ids); i++)
    if (g_str_equal (id, flow_ids[i]))
      {
        *out = i;
        return TRUE;
      }
  *out = HW_TIE_FLOW_NONE;
  return FALSE;
}

const char *
hw_tie_flow_to_string (HwTieFlow flow)
{
  g_return_val_if_fail (flow <= HW_TIE_FLOW_BOTH, "none");
  return flow_ids[flow];
}

static const char * const legend_ids[HW_ECOMAP_N_LEGEND_KEYS] = {
  "strong", "moderate", "tenuous", "broken", "stressful", "flow",
  "person", "organisation", "network", "distance",
};

static const char * const legend_defaults[HW_ECOMAP_N_LEGEND_KEYS] = {
  N_("Strong tie"),
  N_("Moderate tie"),
  N_("Weak tie"),
  N_("Broken or cut-off tie"),
  N_("Stressful or in conflict"),
  N_("Support flows this way"),
  N_("Person"),
  N_("Organisation or service"),
  N_("Member of the safety network"),
  N_("Closer to the centre: stronger tie"),
};

gboolean
hw_ecomap_legend_key_from_string (const char        *id,
                                  HwEcomapLegendKey *out)
{
  for (guint i = 0; id != NULL && i < HW_ECOMAP_N_LEGEND_KEYS; i++)
    if (g_str_equal (id, legend_ids[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hw_ecomap_legend_key_to_string (HwEcomapLegendKey key)
{
  g_return_val_if_fail (key < HW_ECOMAP_N_LEGEND_KEYS, "");
  return legend_ids[key];
}

const char *
hw_ecomap_legend_default_label (HwEcomapLegendKey key)
{
  g_return_val_if_fail (key < HW_ECOMAP_N_LEGEND_KEYS, "");
  return _(legend_defaults[key]);
}

/* Model ------------------------------------------------------------------- */

/* never 0: a cache that has drawn nothing holds generation 0 */
static guint generations = 0;

void
hw_ecomap_map_changed (HwEcomapMap *map)
{
  g_return_if_fail (map != NULL);
  map->generation = (guint) g_atomic_int_add (&generations, 1) + 1;
  if (map->generation == 0)
    map->generation = (guint) g_atomic_int_add (&generations, 1) + 1;
}

static void
clear_node (gpointer data)
{
  HwEcomapMapNode *node = data;

  g_clear_pointer (&node->label, g_free);
  g_clear_object (&node->layout);
}

typedef struct _FarSprites FarSprites;
static void far_sprites_free (gpointer sprites);

HwEcomapMap *
hw_ecomap_map_new (void)
{
  HwEcomapMap *map = g_new0 (HwEcomapMap, 1);

  map->members = g_ptr_array_new_with_free_func (g_free);
  map->nodes = g_array_new (FALSE, TRUE, sizeof (HwEcomapMapNode));
  g_array_set_clear_func (map->nodes, clear_node);
  map->ties = g_array_new (FALSE, TRUE, sizeof (HwEcomapMapTie));
  map->household_radius = HOUSEHOLD_MIN;
  hw_ecomap_map_changed (map);
  return map;
}

void
hw_ecomap_map_free (HwEcomapMap *map)
{
  if (map == NULL)
    return;
  g_free (map->title);
  g_free (map->subtitle);
  g_free (map->sample_line);
  g_free (map->household_label);
  g_ptr_array_unref (map->members);
  g_array_unref (map->nodes);
  g_array_unref (map->ties);
  for (guint i = 0; i < HW_ECOMAP_N_LEGEND_KEYS; i++)
    g_free (map->legend[i]);
  g_clear_object (&map->household_layout);
  for (guint i = 0; i < HW_ECOMAP_N_CATEGORIES; i++)
    g_clear_object (&map->sector_layout[i]);
  g_clear_pointer (&map->index, g_hash_table_unref);
  g_clear_object (&map->context);
  far_sprites_free (map->far_sprites);
  g_free (map);
}

guint
hw_ecomap_map_add_node (HwEcomapMap      *map,
                        gint64            id,
                        HwEcomapNodeKind  kind,
                        HwEcomapCategory  category,
                        const char       *label)
{
  HwEcomapMapNode node = { 0 };

  node.id = id;
  node.kind = kind;
  node.category = MIN (category, HW_ECOMAP_N_CATEGORIES - 1);
  node.label = g_strdup (label != NULL ? label : "");
  node.strength = HW_TIE_NONE;
  /* the index points into the array, which may move */
  g_clear_pointer (&map->index, g_hash_table_unref);
  g_array_append_val (map->nodes, node);
  hw_ecomap_map_changed (map);
  return map->nodes->len - 1;
}

void
hw_ecomap_map_add_member (HwEcomapMap *map,
                          const char  *name)
{
  g_ptr_array_add (map->members, g_strdup (name));
  hw_ecomap_map_changed (map);
}

guint
hw_ecomap_map_add_tie (HwEcomapMap   *map,
                       gint64         id,
                       gint64         node_a,
                       gint64         node_b,
                       HwTieStrength  strength,
                       gboolean       stressful,
                       HwTieFlow      flow)
{
  HwEcomapMapTie tie = { 0 };

  tie.id = id;
  tie.node_a = node_a;
  tie.node_b = node_b;
  tie.strength = MIN (strength, HW_TIE_NONE);
  tie.stressful = stressful;
  tie.flow = MIN (flow, HW_TIE_FLOW_BOTH);
  g_array_append_val (map->ties, tie);
  hw_ecomap_map_changed (map);
  return map->ties->len - 1;
}

void
hw_ecomap_map_set_legend (HwEcomapMap      *map,
                          HwEcomapLegendKey key,
                          const char       *label)
{
  g_return_if_fail (key < HW_ECOMAP_N_LEGEND_KEYS);
  g_free (map->legend[key]);
  map->legend[key] = (label != NULL && *label != '\0') ? g_strdup (label) : NULL;
  hw_ecomap_map_changed (map);
}

const char *
hw_ecomap_map_get_legend (HwEcomapMap      *map,
                          HwEcomapLegendKey key)
{
  g_return_val_if_fail (key < HW_ECOMAP_N_LEGEND_KEYS, "");
  return map->legend[key] != NULL ? map->legend[key] : hw_ecomap_legend_default_label (key);
}

int
hw_ecomap_map_find_node (HwEcomapMap *map,
                         gint64       id)
{
  for (guint i = 0; i < map->nodes->len; i++)
    if (g_array_index (map->nodes, HwEcomapMapNode, i).id == id)
      return i;
  return -1;
}

static HwEcomapMapNode *
node_by_id (HwEcomapMap *map,
            GHashTable  *index,
            gint64       id)
{
  gpointer pos;

  if (index != NULL)
    {
      if (!g_hash_table_lookup_extended (index, &id, NULL, &pos))
        return NULL;
      return &g_array_index (map->nodes, HwEcomapMapNode, GPOINTER_TO_UINT (pos));
    }
  else
    {
      int i = hw_ecomap_map_find_node (map, id);

      return i < 0 ? NULL : &g_array_index (map->nodes, HwEcomapMapNode, i);
    }
}

/* id -> index in map->nodes; the keys point into the nodes themselves */
static GHashTable *
build_index (HwEcomapMap *map)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < map->nodes->len; i++)
    g_hash_table_insert (index, &g_array_index (map->nodes, HwEcomapMapNode, i).id,
                         GUINT_TO_POINTER (i));
  return index;
}

static GHashTable *
get_index (HwEcomapMap *map)
{
  if (map->index == NULL)
    map->index = build_index (map);
  return map->index;
}

/* Layout ------------------------------------------------------------------ */

static PangoContext *
get_context (HwEcomapMap *map)
{
  if (map->context == NULL)
    {
      PangoFontMap *font_map = pango_cairo_font_map_get_default ();
      cairo_font_options_t *options = cairo_font_options_create ();

      map->context = pango_font_map_create_context (font_map);
      /* unhinted metrics: the same sizes on every surface and zoom */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (map->context, options);
      /* 72 dpi: a font's size in points is its size in map units */
      pango_cairo_context_set_resolution (map->context, 72);
      /* glyphs where the font puts them: rounded to whole map units (a
       * point at 72 dpi) the letters of a small name stood unevenly, and
       * a PDF gave each glyph a position of its own */
      pango_context_set_round_glyph_positions (map->context, FALSE);
      cairo_font_options_destroy (options);
    }
  return map->context;
}

static PangoLayout *
make_layout (HwEcomapMap *map,
             const char  *font,
             const char  *text,
             double       max_width,
             gboolean     wrap)
{
  PangoLayout *layout = pango_layout_new (get_context (map));
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      if (wrap)
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      else
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static void
update_household (HwEcomapMap *map)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = NULL;
  double w, h;

  title = g_markup_escape_text (map->household_label != NULL && *map->household_label
                                ? map->household_label : _("Household"), -1);
  g_string_append_printf (markup, "<b>%s</b>", title);
  for (guint i = 0; i < map->members->len; i++)
    {
      g_autofree char *name = g_markup_escape_text (g_ptr_array_index (map->members, i), -1);

      g_string_append_printf (markup, "\n%s", name);
    }

  g_clear_object (&map->household_layout);
  map->household_layout = make_layout (map, "Sans 9", "", 0, FALSE);
  pango_layout_set_markup (map->household_layout, markup->str, -1);
  pango_layout_set_alignment (map->household_layout, PANGO_ALIGN_CENTER);
  layout_size (map->household_layout, &w, &h);
  /* the text block's corners inside the circle, with some air */
  map->household_radius = MAX (HOUSEHOLD_MIN, hypot (w, h) / 2 + 8);
}

static void
update_strengths (HwEcomapMap *map,
                  GHashTable  *index)
{
  g_autofree gboolean *to_household = g_new0 (gboolean, MAX (map->nodes->len, 1));

  for (guint i = 0; i < map->nodes->len; i++)
    g_array_index (map->nodes, HwEcomapMapNode, i).strength = HW_TIE_NONE;

  /* the tie to the household decides; failing that the strongest tie */
  for (guint t = 0; t < map->ties->len; t++)
    {
      HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
      gint64 ends[2] = { tie->node_a, tie->node_b };

      if (tie->change == HW_TIE_CHANGE_LOST)
        continue;
      for (guint e = 0; e < 2; e++)
        {
          HwEcomapMapNode *node = node_by_id (map, index, ends[e]);
          gboolean household = (ends[1 - e] == map->household_id);
          guint pos;

          if (node == NULL)
            continue;
          pos = node - &g_array_index (map->nodes, HwEcomapMapNode, 0);
          if (household && !to_household[pos])
            {
              to_household[pos] = TRUE;
              node->strength = tie->strength;
            }
          else if (household == to_household[pos])
            node->strength = MIN (node->strength, tie->strength);
        }
    }
}

static PangoLayout *
sector_layout (HwEcomapMap      *map,
               HwEcomapCategory  category)
{
  return make_layout (map, "Sans Italic 8", hw_ecomap_category_label (category), 0, FALSE);
}

/* Sector names go just outside the outermost laid out node, pushed out
 * along the sector's bisector by their own size so they never overlap a
 * node. Pinned nodes do not count: dragging one must not move the names. */
static void
update_sector_labels (HwEcomapMap *map)
{
  double outer = map->household_radius;
  gboolean any_free = FALSE;

  for (guint i = 0; i < map->nodes->len; i++)
    any_free |= !g_array_index (map->nodes, HwEcomapMapNode, i).pinned;

  /* (a map with every node pinned, such as a snapshot, uses them all) */
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      if (!node->pinned || !any_free)
        outer = MAX (outer, hypot (node->x, node->y) +
                     MAX (node->radius + node->label_height + 4, node->label_width / 2));
    }
  map->sector_outer = outer + 10;

  for (guint c = 0; c < HW_ECOMAP_N_CATEGORIES; c++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double mid = (map->sector_start[c] + map->sector_end[c]) / 2;
      double w, h, d;

      if (map->sector_end[c] <= map->sector_start[c])
        {
          memset (&map->sector_label[c], 0, sizeof map->sector_label[c]);
          g_clear_object (&map->sector_layout[c]);
          continue;
        }
      layout = sector_layout (map, c);
      layout_size (layout, &w, &h);
      g_set_object (&map->sector_layout[c], layout);
      d = map->sector_outer + w / 2 * fabs (sin (mid)) + h / 2 * fabs (cos (mid));
      map->sector_label[c].x1 = d * sin (mid) - w / 2;
      map->sector_label[c].y1 = -d * cos (mid) - h / 2;
      map->sector_label[c].x2 = map->sector_label[c].x1 + w;
      map->sector_label[c].y2 = map->sector_label[c].y1 + h;
    }
}

void
hw_ecomap_map_layout (HwEcomapMap *map)
{
  GHashTable *index = get_index (map);
  g_autofree HwEcomapLayoutNode *lay = g_new0 (HwEcomapLayoutNode, MAX (map->nodes->len, 1));

  hw_ecomap_map_changed (map);
  update_household (map);
  update_strengths (map, index);

  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      g_clear_object (&node->layout);
      /* Long names wrap (never cut: a printout must show the whole
       * name). Laid out first as they are, on one line, left aligned:
       * most names fit, and Pango lays a name out a quarter cheaper so
       * than at a width it must break lines at, centred (1,000 names:
       * 130 M -> 92 M instructions). */
      node->layout = make_layout (map, "Sans 8.5", node->label, 0, FALSE);
      layout_size (node->layout, &node->label_width, &node->label_height);
      if (node->label_width > LABEL_MAX_WIDTH)
        {
          pango_layout_set_width (node->layout, (int) (LABEL_MAX_WIDTH * PANGO_SCALE));
          pango_layout_set_wrap (node->layout, PANGO_WRAP_WORD_CHAR);
        }
      /* a name of several lines: its lines centred on each other */
      if (pango_layout_get_width (node->layout) > 0 || pango_layout_get_line_count (node->layout) > 1)
        {
          pango_layout_set_alignment (node->layout, PANGO_ALIGN_CENTER);
          layout_size (node->layout, &node->label_width, &node->label_height);
        }
      /* a little room each side for the white backing of the label */
      node->label_width = MIN (node->label_width, LABEL_MAX_WIDTH) + 2 * LABEL_PAD;
      node->radius = NODE_RADIUS;

      lay[i].id = node->id;
      lay[i].category = node->category;
      lay[i].strength = node->strength;
      lay[i].radius = node->radius;
      lay[i].label_width = node->label_width;
      lay[i].label_height = node->label_height;
      lay[i].pinned = node->pinned;
      lay[i].x = node->x;
      lay[i].y = node->y;
    }

  hw_ecomap_layout (lay, map->nodes->len, map->household_radius);

  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      node->x = lay[i].x;
      node->y = lay[i].y;
    }
  for (guint c = 0; c < HW_ECOMAP_N_CATEGORIES; c++)
    if (!hw_ecomap_layout_sector (lay, map->nodes->len, c,
                                  &map->sector_start[c], &map->sector_end[c]))
      map->sector_start[c] = map->sector_end[c] = 0;
  update_sector_labels (map);
}

void
hw_ecomap_map_move_node (HwEcomapMap *map,
                         gint64       id,
                         double       x,
                         double       y)
{
  HwEcomapMapNode *node = node_by_id (map, get_index (map), id);

  if (node == NULL)
    return;
  node->x = x;
  node->y = y;
  node->pinned = TRUE;
  hw_ecomap_map_changed (map);
}

static void
node_layout_struct (const HwEcomapMapNode *node,
                    HwEcomapLayoutNode    *out)
{
  memset (out, 0, sizeof *out);
  out->radius = node->radius;
  out->label_width = node->label_width;
  out->label_height = node->label_height;
  out->x = node->x;
  out->y = node->y;
}

void
hw_ecomap_map_bounds (HwEcomapMap *map,
                      HwEcomapBox *bounds)
{
  double r = map->household_radius;

  bounds->x1 = bounds->y1 = -r;
  bounds->x2 = bounds->y2 = r;
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapLayoutNode lay;
      HwEcomapBox box;

      node_layout_struct (&g_array_index (map->nodes, HwEcomapMapNode, i), &lay);
      hw_ecomap_layout_node_box (&lay, &box);
      bounds->x1 = MIN (bounds->x1, box.x1);
      bounds->y1 = MIN (bounds->y1, box.y1);
      bounds->x2 = MAX (bounds->x2, box.x2);
      bounds->y2 = MAX (bounds->y2, box.y2);
    }
  for (guint c = 0; c < HW_ECOMAP_N_CATEGORIES; c++)
    {
      const HwEcomapBox *box = &map->sector_label[c];

      if (map->sector_end[c] <= map->sector_start[c])
        continue;
      bounds->x1 = MIN (bounds->x1, box->x1);
      bounds->y1 = MIN (bounds->y1, box->y1);
      bounds->x2 = MAX (bounds->x2, box->x2);
      bounds->y2 = MAX (bounds->y2, box->y2);
    }
}

/* Hit testing ------------------------------------------------------------- */

gint64
hw_ecomap_map_node_at (HwEcomapMap *map,
                       double       x,
                       double       y)
{
  /* last drawn is on top */
  for (int i = (int) map->nodes->len - 1; i >= 0; i--)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);
      HwEcomapLayoutNode lay;
      HwEcomapBox box;

      if (hypot (x - node->x, y - node->y) <= node->radius + 2)
        return node->id;
      node_layout_struct (node, &lay);
      hw_ecomap_layout_node_box (&lay, &box);
      if (x >= box.x1 && x <= box.x2 && y >= node->y + node->radius && y <= box.y2)
        return node->id;
    }
  if (hypot (x, y) <= map->household_radius)
    return map->household_id;
  return 0;
}

static gboolean
node_position (HwEcomapMap *map,
               GHashTable  *index,
               gint64       id,
               double      *x,
               double      *y,
               double      *r)
{
  HwEcomapMapNode *node;

  if (id == map->household_id)
    {
      *x = *y = 0;
      *r = map->household_radius;
      return TRUE;
    }
  node = node_by_id (map, index, id);
  if (node == NULL)
    return FALSE;
  *x = node->x;
  *y = node->y;
  *r = node->radius;
  return TRUE;
}

/* Anything a tie draws is within this distance of its line: the thick
 * line, the wave, arrowheads, the broken tie's bars, the selection. */
#define TIE_REACH 12.0
/* A change badge (a word, wider than the line) is within this much of the
 * tie's middle each way. */
#define BADGE_HALF_WIDTH  60.0
#define BADGE_HALF_HEIGHT 20.0

/* Where a node is drawn: with its focus ring, diamond and label (whose
 * ink may overhang its measured box a little). */
static void
node_box (const HwEcomapMapNode *node,
          HwEcomapBox           *box)
{
  double half = MAX (node->radius + 8, MAX (node->label_width, LABEL_MAX_WIDTH) / 2 + 4);

  box->x1 = node->x - half;
  box->y1 = node->y - node->radius - 8;
  box->x2 = node->x + half;
  box->y2 = node->y + node->radius + HW_ECOMAP_LAYOUT_LABEL_GAP + node->label_height + 8;
}

/* Beyond a node's radius, the most its selection ring reaches: the ring 4
 * or 5 (the household's) outside it, half its 2.5 width, and some to
 * spare. A tie's halo: half its 11 width (round ends), and as much to
 * spare. (The view cache adds a device pixel all round for antialiasing.) */
#define SELECTION_REACH 8.0

static void
append_box (GArray *boxes,
            double  x1,
            double  y1,
            double  x2,
            double  y2,
            double  reach)
{
  HwEcomapBox box = { MIN (x1, x2) - reach, MIN (y1, y2) - reach,
                      MAX (x1, x2) + reach, MAX (y1, y2) + reach };

  g_array_append_val (boxes, box);
}

void
hw_ecomap_map_selection_boxes (HwEcomapMap *map,
                               gint64       node,
                               gint64       tie,
                               double       piece,
                               GArray      *boxes)
{
  GHashTable *index;
  double x, y, r;

  g_return_if_fail (map != NULL && boxes != NULL && piece > 0);
  index = get_index (map);
  if (node != 0 && node_position (map, index, node, &x, &y, &r))
    append_box (boxes, x, y, x, y, r + SELECTION_REACH);
  for (guint t = 0; tie != 0 && t < map->ties->len; t++)
    {
      HwEcomapMapTie *it = &g_array_index (map->ties, HwEcomapMapTie, t);
      double ax, ay, ar, bx, by, br;
      guint n;

      if (it->id != tie)
        continue;
      if (!node_position (map, index, it->node_a, &ax, &ay, &ar) ||
          !node_position (map, index, it->node_b, &bx, &by, &br))
        break;
      /* (the halo runs between the nodes' edges: from centre to centre
       * covers it, and a tie too short to draw adds a box or two) */
      n = (guint) CLAMP (ceil (hypot (bx - ax, by - ay) / piece), 1, 1000);
      for (guint i = 0; i < n; i++)
        append_box (boxes, ax + (bx - ax) * i / n, ay + (by - ay) * i / n,
                    ax + (bx - ax) * (i + 1) / n, ay + (by - ay) * (i + 1) / n, SELECTION_REACH);
      break;
    }
}

/* A fingerprint of what an item's drawing depends on (FNV-1a) */
#define LOOK_START 14695981039346656037ull

static void
look_bytes (guint64    *look,
            const void *data,
            gsize       size)
{
  const guint8 *p = data;

  for (gsize i = 0; i < size; i++)
    *look = (*look ^ p[i]) * 1099511628211ull;
}

static void
look_double (guint64 *look,
             double   v)
{
  look_bytes (look, &v, sizeof v);
}

static void
look_int (guint64 *look,
          gint64   v)
{
  look_bytes (look, &v, sizeof v);
}

static void
look_string (guint64    *look,
             const char *s)
{
  /* (with its end, so that "ab" + "c" differs from "a" + "bc") */
  look_bytes (look, s != NULL ? s : "", s != NULL ? strlen (s) + 1 : 1);
  look_int (look, s == NULL);
}

static HwEcomapItem *
append_item (GArray          *items,
             HwEcomapItemKind kind,
             gint64           id,
             guint64          look,
             gboolean         line,
             double           x1,
             double           y1,
             double           x2,
             double           y2,
             double           reach)
{
  HwEcomapItem item = { kind, id, look, line, x1, y1, x2, y2, reach };

  g_array_append_val (items, item);
  return &g_array_index (items, HwEcomapItem, items->len - 1);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      unused)
{
  const HwEcomapItem *x = a, *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

int
hw_ecomap_item_compare (const HwEcomapItem *a,
                        const HwEcomapItem *b)
{
  return compare_items (a, b, NULL);
}

gboolean
hw_ecomap_item_same (const HwEcomapItem *a,
                     const HwEcomapItem *b)
{
  return compare_items (a, b, NULL) == 0 && a->look == b->look && !a->line == !b->line &&
         a->x1 == b->x1 && a->y1 == b->y1 && a->x2 == b->x2 && a->y2 == b->y2 &&
         a->reach == b->reach;
}

void
hw_ecomap_map_items (HwEcomapMap *map,
                     GArray      *items)
{
  GHashTable *index;
  guint first;
  guint64 look;

  g_return_if_fail (map != NULL && items != NULL);
  index = get_index (map);
  first = items->len;

  /* the household: its circle, name and members (the text fits in the
   * circle), its selection ring */
  if (map->household_id != 0)
    {
      double r = map->household_radius + SELECTION_REACH;

      look = LOOK_START;
      look_double (&look, map->household_radius);
      look_string (&look, map->household_label);
      for (guint i = 0; i < map->members->len; i++)
        look_string (&look, g_ptr_array_index (map->members, i));
      append_item (items, HW_ECOMAP_ITEM_HOUSEHOLD, map->household_id, look, FALSE, -r, -r, r, r, 0);
    }

  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);
      HwEcomapBox box;

      look = LOOK_START;
      look_double (&look, node->x);
      look_double (&look, node->y);
      look_double (&look, node->radius);
      look_double (&look, node->label_width);
      look_double (&look, node->label_height);
      look_int (&look, node->kind);
      look_int (&look, node->category);
      look_int (&look, node->network_member);
      look_int (&look, node->strength);
      look_string (&look, node->label);
      node_box (node, &box);
      append_item (items, HW_ECOMAP_ITEM_NODE, node->id, look, FALSE, box.x1, box.y1, box.x2, box.y2, 0);
    }

  /* a tie between the nodes' edges (where its line, and its halo when
   * selected, begin and end), as hw_ecomap_draw_map () draws it or leaves
   * it out */
  for (guint t = 0; t < map->ties->len; t++)
    {
      HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
      double ax, ay, ar, bx, by, br, mx, my, len;

      if (!node_position (map, index, tie->node_a, &ax, &ay, &ar) ||
          !node_position (map, index, tie->node_b, &bx, &by, &br))
        continue;
      len = hypot (bx - ax, by - ay);
      look = LOOK_START;
      look_double (&look, ar);
      look_double (&look, br);
      look_int (&look, tie->node_a);
      look_int (&look, tie->node_b);
      look_int (&look, tie->strength);
      look_int (&look, tie->stressful);
      look_int (&look, tie->flow);
      look_int (&look, tie->change);
      if (len > ar + br + 2 * TIE_GAP)
        append_item (items, HW_ECOMAP_ITEM_TIE, tie->id, look, TRUE, ax + (bx - ax) * ar / len,
                     ay + (by - ay) * ar / len, bx - (bx - ax) * br / len, by - (by - ay) * br / len,
                     TIE_REACH);
      if (tie->change == HW_TIE_CHANGE_NONE)
        continue;
      mx = (ax + bx) / 2;
      my = (ay + by) / 2;
      append_item (items, HW_ECOMAP_ITEM_BADGE, tie->id, look, FALSE, mx - BADGE_HALF_WIDTH,
                   my - BADGE_HALF_HEIGHT, mx + BADGE_HALF_WIDTH, my + BADGE_HALF_HEIGHT, 0);
    }

  /* the sectors' dividers (dashed, 0.8 wide) and names */
  for (guint c = 0; c < HW_ECOMAP_N_CATEGORIES; c++)
    {
      double s = map->sector_start[c], e = map->sector_end[c];
      double inner = map->household_radius + 8, outer = map->sector_outer;
      const HwEcomapBox *label = &map->sector_label[c];

      if (e <= s)
        continue;
      look = LOOK_START;
      look_double (&look, s);
      look_double (&look, e);
      if (e - s < 2 * G_PI - 1e-6)
        append_item (items, HW_ECOMAP_ITEM_SECTOR_LINE, c, look, TRUE, inner * sin (s),
                     -inner * cos (s), outer * sin (s), -outer * cos (s), 2);
      if (map->sector_layout[c] != NULL)
        append_item (items, HW_ECOMAP_ITEM_SECTOR_NAME, c, look, FALSE, label->x1 - 4,
                     label->y1 - 4, label->x2 + 4, label->y2 + 4, 0);
    }

  g_qsort_with_data (&g_array_index (items, HwEcomapItem, first), items->len - first,
                     sizeof (HwEcomapItem), compare_items, NULL);
}

void
hw_ecomap_item_boxes (const HwEcomapItem *item,
                      double              piece,
                      GArray             *boxes)
{
  guint n;

  g_return_if_fail (item != NULL && boxes != NULL && piece > 0);
  if (!item->line)
    {
      append_box (boxes, item->x1, item->y1, item->x2, item->y2, 0);
      return;
    }
  n = (guint) CLAMP (ceil (hypot (item->x2 - item->x1, item->y2 - item->y1) / piece), 1, 1000);
  for (guint i = 0; i < n; i++)
    append_box (boxes, item->x1 + (item->x2 - item->x1) * i / n,
                item->y1 + (item->y2 - item->y1) * i / n,
                item->x1 + (item->x2 - item->x1) * (i + 1) / n,
                item->y1 + (item->y2 - item->y1) * (i + 1) / n, item->reach);
}

gint64
hw_ecomap_map_tie_at (HwEcomapMap *map,
                      double       x,
                      double       y,
                      double       tolerance)
{
  GHashTable *index = get_index (map);
  gint64 best = 0;
  double best_d = tolerance;

  for (guint t = 0; t < map->ties->len; t++)
    {
      HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
      double ax, ay, ar, bx, by, br, dx, dy, len2, u, d;

      if (!node_position (map, index, tie->node_a, &ax, &ay, &ar) ||
          !node_position (map, index, tie->node_b, &bx, &by, &br))
        continue;
      dx = bx - ax;
      dy = by - ay;
      len2 = dx * dx + dy * dy;
      if (len2 <= 0)
        continue;
      u = CLAMP (((x - ax) * dx + (y - ay) * dy) / len2, 0, 1);
      d = hypot (x - (ax + u * dx), y - (ay + u * dy));
      if (d <= best_d)
        {
          best_d = d;
          best = tie->id;
        }
    }
  return best;
}

/* Drawing ----------------------------------------------------------------- */

static void
path_arrow (cairo_t *cr,
            double   tip_x,
            double   tip_y,
            double   ux,
            double   uy,
            double   scale)
{
  /* (ux, uy): unit vector pointing at the tip */
  double len = ARROW_LENGTH * scale, half = ARROW_HALF_WIDTH * scale;
  double bx = tip_x - ux * len, by = tip_y - uy * len;

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, bx - uy * half, by + ux * half);
  cairo_line_to (cr, bx + uy * half, by - ux * half);
  cairo_close_path (cr);
}

static void
path_wave (cairo_t *cr,
           double   x1,
           double   y1,
           double   x2,
           double   y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len = hypot (dx, dy);
  double ux = dx / len, uy = dy / len;
  guint n = MAX ((guint) floor (len / WAVE_LENGTH), 1);
  double step = len / n;

  /* One period per step, each a single S-shaped Bézier: from the axis, up,
   * down and back to the axis. With its control points a third of the way
   * along at ±h, the curve's peaks stand at 3·t(1−t)(1−2t)·h for
   * t = (3 − √3)/6, that is h/(2√3): so h = 2√3 · amplitude. Half the
   * curves of a wave made of two halves, for every output (a PDF writes
   * six numbers a curve). */
  double h = 2 * 1.7320508075688772 * WAVE_AMPLITUDE;

  cairo_move_to (cr, x1, y1);
  for (guint i = 0; i < n; i++)
    {
      double s0 = i * step, s1 = (i + 1) * step;
      double c1 = s0 + step / 3, c2 = s0 + 2 * step / 3;

      cairo_curve_to (cr,
                      x1 + ux * c1 - uy * h, y1 + uy * c1 + ux * h,
                      x1 + ux * c2 + uy * h, y1 + uy * c2 - ux * h,
                      x1 + ux * s1, y1 + uy * s1);
    }
}

/* The wave seen from afar, where its curves are a pixel or two: the same
 * peaks joined by straight lines, much cheaper to stroke. */
static void
path_zigzag (cairo_t *cr,
             double   x1,
             double   y1,
             double   x2,
             double   y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len = hypot (dx, dy);
  double ux = dx / len, uy = dy / len;
  guint n = MAX ((guint) floor (len / WAVE_LENGTH), 1);
  double step = len / n;

  cairo_move_to (cr, x1, y1);
  for (guint i = 0; i < n * 2; i++)
    {
      double peak = (i + 0.5) * step / 2, side = (i % 2 == 0) ? 1 : -1;

      cairo_line_to (cr, x1 + ux * peak - uy * WAVE_AMPLITUDE * side,
                     y1 + uy * peak + ux * WAVE_AMPLITUDE * side);
    }
  cairo_line_to (cr, x2, y2);
}

/* A tie to draw, between two points already at the nodes' edges. */
typedef struct {
  double        x1, y1, x2, y2;
  HwTieStrength strength;
  gboolean      stressful;
  HwTieFlow     flow;
  gboolean      faint;
} TieSegment;

static gboolean
segment_arrows (const TieSegment *seg,
                gboolean         *at_a,
                gboolean         *at_b)
{
  *at_b = (seg->flow == HW_TIE_FLOW_A_TO_B || seg->flow == HW_TIE_FLOW_BOTH);
  *at_a = (seg->flow == HW_TIE_FLOW_B_TO_A || seg->flow == HW_TIE_FLOW_BOTH);
  return *at_a || *at_b;
}

static double
arrow_scale (HwTieStrength strength)
{
  return strength == HW_TIE_STRONG ? 1.35 : 1.0;
}

/* The line itself stops where an arrowhead starts, so that a thick line
 * does not blunt the tip. */
static gboolean
segment_line (const TieSegment *seg,
              double           *sx1,
              double           *sy1,
              double           *sx2,
              double           *sy2,
              double           *ux,
              double           *uy,
              double           *len)
{
  double back = ARROW_LENGTH * arrow_scale (seg->strength) - 1;
  gboolean at_a, at_b;

  *len = hypot (seg->x2 - seg->x1, seg->y2 - seg->y1);
  if (*len < 1)
    return FALSE;
  *ux = (seg->x2 - seg->x1) / *len;
  *uy = (seg->y2 - seg->y1) / *len;
  *sx1 = seg->x1;
  *sy1 = seg->y1;
  *sx2 = seg->x2;
  *sy2 = seg->y2;
  segment_arrows (seg, &at_a, &at_b);
  if (at_b && *len > 3 * ARROW_LENGTH)
    {
      *sx2 -= *ux * back;
      *sy2 -= *uy * back;
    }
  if (at_a && *len > 3 * ARROW_LENGTH)
    {
      *sx1 += *ux * back;
      *sy1 += *uy * back;
    }
  return TRUE;
}

/* device pixels per map unit */
static double
device_zoom (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  return sqrt (fabs (m.xx * m.yy - m.xy * m.yx) * sx * sy);
}

/* Names smaller than this many pixels to the em are left out on the
 * screen (8.5 points at a zoom under 0.47). */
#define READABLE_EM_PX 4.0

HwEcomapDetail
hw_ecomap_draw_detail (cairo_t *cr)
{
  double zoom;

  if (cairo_surface_get_type (cairo_get_group_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return HW_ECOMAP_DETAIL_FULL;
  zoom = device_zoom (cr);
  if (PLAIN_WIDTH * zoom > 1.0)
    return HW_ECOMAP_DETAIL_FULL;
  if (LABEL_EM * zoom < READABLE_EM_PX)
    return HW_ECOMAP_DETAIL_FARTHER;
  return HW_ECOMAP_DETAIL_FAR;
}

/* On paper (PDF, PostScript, SVG) a stroke of many lines costs about what
 * one line does, and each drawing operation has its cost in the file and
 * in cairo: ties of one style go out as one path, which looks the same
 * (one opaque ink; a dash pattern starts afresh on each line). On an
 * image, one stroke per tie: a single path of many lines meeting at the
 * household makes cairo resolve every crossing, which is slower. */
static gboolean
is_vector_target (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Strokes the path, on paper (PDF, PostScript, SVG) at a tolerance of at
 * least a quarter point. cairo 1.16 writes a line, curve or cap there as
 * it is, but first strokes the path into a polygon, its curves and caps
 * flattened at the tolerance, only to know where on the page it falls:
 * at a quarter point instead of a tenth, the export of a 1,000-node map
 * costs 8% less (the waves of stressful ties, the nodes' dots), and the
 * file is the same. Not coarser: cairo takes every line a point wide for
 * that polygon, and from a tolerance over half of it left thin waves out
 * of the page. Not with a dash of no length (dots), which cairo writes
 * as long as the tolerance. */
static double paper_tolerance = 0.25;

void
hw_ecomap_set_paper_tolerance (double tolerance)
{
  paper_tolerance = tolerance;
}

static void
vector_stroke (cairo_t *cr)
{
  double tolerance = cairo_get_tolerance (cr);
  int n_dashes = cairo_get_dash_count (cr);
  double dashes[8];

  if (!is_vector_target (cr) || tolerance >= paper_tolerance || n_dashes > (int) G_N_ELEMENTS (dashes))
    {
      cairo_stroke (cr);
      return;
    }
  cairo_get_dash (cr, dashes, NULL);
  for (int i = 0; i < n_dashes; i++)
    if (dashes[i] <= 0)
      {
        cairo_stroke (cr);
        return;
      }
  cairo_set_tolerance (cr, paper_tolerance);
  cairo_stroke (cr);
  cairo_set_tolerance (cr, tolerance);
}

/* Strokes the path @width map units wide. On paper under a plain uniform
 * scale (a map fitted to its page), with the identity matrix and the
 * width in device units: cairo 1.16's PDF and PostScript output wraps
 * every stroke made under a scaled matrix in "q 1 0 0 1 0 0 cm … Q", six
 * numbers and two operators for every node of a map. cairo keeps the path
 * in device space whatever the matrix, so the line is the same. Leaves
 * the line width at @width, as cairo_set_line_width () would. */
static void
stroke_width (cairo_t *cr,
              double   width)
{
  cairo_matrix_t m;

  cairo_set_line_width (cr, width);
  cairo_get_matrix (cr, &m);
  if (!is_vector_target (cr) || m.xy != 0 || m.yx != 0 || m.xx != m.yy || m.xx <= 0 ||
      cairo_get_dash_count (cr) > 0)
    {
      vector_stroke (cr);
      return;
    }
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_line_width (cr, width * m.xx);
  vector_stroke (cr);
  cairo_restore (cr);
}

/* The ink and width of a tie's line. @far_zoom 0: in full. From afar
 * (@far_zoom: device pixels per map unit), a line under a pixel wide is a
 * hairline: one pixel, not antialiased (cairo's fastest stroke), its ink
 * lighter as the line is thinner, so that it looks about as dark as
 * before; a wider one whole pixels wide, not antialiased either. */
static void
set_stroke (cairo_t      *cr,
            const double *ink,
            double        width,
            double        far_zoom)
{
  if (far_zoom > 0 && width * far_zoom <= 1)
    {
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_line_width (cr, 1 / far_zoom);
      /* (opaque, lighter: on the white page the same as the ink at a
       * coverage of @a, and an opaque source is cairo's fastest; never
       * lighter than 3/4 of the ink, or a crowd of ties goes grey) */
      double a = MAX (width * far_zoom, 0.75);

      cairo_set_source_rgb (cr, 1 - a + ink[0] * a, 1 - a + ink[1] * a, 1 - a + ink[2] * a);
    }
  else if (far_zoom > 0)
    {
      /* a wider one (a strong tie) whole pixels wide, at least 2, not
       * antialiased either: an antialiased stroke costs several times
       * more, and from afar its edges do not show */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_line_width (cr, MAX (2, round (width * far_zoom)) / far_zoom);
      cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
    }
  else
    {
      cairo_set_line_width (cr, width);
      cairo_set_source_rgb (cr, ink[0], ink[1], ink[2]);
    }
}

/* Strong, moderate and weak lines: @strength's segments. */
static void
stroke_plain (cairo_t          *cr,
              const TieSegment *segs,
              guint             n,
              HwTieStrength     strength,
              gboolean          faint,
              gboolean          batch,
              const double     *ink,
              double            far_zoom)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const TieSegment *seg = &segs[i];
      double sx1, sy1, sx2, sy2, ux, uy, len;
      HwTieStrength s = seg->strength == HW_TIE_NONE ? HW_TIE_MODERATE : seg->strength;

      if (s != strength || seg->faint != faint ||
          !segment_line (seg, &sx1, &sy1, &sx2, &sy2, &ux, &uy, &len))
        continue;
      if (!any)
        {
          if (strength == HW_TIE_TENUOUS)
            {
              static const double dash[] = { 6.0, 4.0 };
              double far_dash[2] = { MAX (6.0, 4 / far_zoom), MAX (4.0, 3 / far_zoom) };

              /* from afar, dashes of at least 4 pixels and gaps of 3:
               * finer ones read as a grey line and cost a stroke each */
              cairo_set_dash (cr, far_zoom > 0 ? far_dash : dash, 2, 0);
            }
          set_stroke (cr, ink, strength == HW_TIE_STRONG ? STRONG_WIDTH : PLAIN_WIDTH, far_zoom);
        }
      cairo_move_to (cr, sx1, sy1);
      cairo_line_to (cr, sx2, sy2);
      if (!batch)
        cairo_stroke (cr);
      any = TRUE;
    }
  if (any && batch)
    vector_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Broken: a cut in the middle, marked by two bars across the line. One
 * stroke per tie on an image, as for the plain lines. */
static void
stroke_broken (cairo_t          *cr,
               const TieSegment *segs,
               guint             n,
               gboolean          faint,
               gboolean          batch,
               const double     *ink,
               double            far_zoom)
{
  set_stroke (cr, ink, PLAIN_WIDTH * 1.2, far_zoom);
  for (guint i = 0; i < n; i++)
    {
      const TieSegment *seg = &segs[i];
      double sx1, sy1, sx2, sy2, ux, uy, len, mx, my, gap, bar = 6.0;

      if (seg->strength != HW_TIE_BROKEN || seg->faint != faint ||
          !segment_line (seg, &sx1, &sy1, &sx2, &sy2, &ux, &uy, &len))
        continue;
      mx = (sx1 + sx2) / 2;
      my = (sy1 + sy2) / 2;
      gap = MIN (4.0, len / 6);
      cairo_move_to (cr, sx1, sy1);
      cairo_line_to (cr, mx - ux * gap, my - uy * gap);
      cairo_move_to (cr, mx + ux * gap, my + uy * gap);
      cairo_line_to (cr, sx2, sy2);
      for (int side = -1; side <= 1; side += 2)
        {
          double cx = mx + side * ux * gap, cy = my + side * uy * gap;

          cairo_move_to (cr, cx - uy * bar + ux * 2, cy + ux * bar + uy * 2);
          cairo_line_to (cr, cx + uy * bar - ux * 2, cy - ux * bar - uy * 2);
        }
      if (!batch)
        cairo_stroke (cr);
    }
  if (batch)
    vector_stroke (cr);
}

/* Draws ties in batches (one path per line style) rather than one by
 * one: a large map strokes a handful of paths instead of hundreds. */
static void
draw_segments (cairo_t          *cr,
               const TieSegment *segs,
               guint             n,
               gboolean          far)
{
  static const double ink[3] = { INK }, faint_ink[3] = { FAINT_INK }, stress_ink[3] = { STRESS_INK };
  gboolean batch = is_vector_target (cr);
  /* arrowheads are small and apart: one fill of them all on an image too */
  gboolean batch_fills = batch || far;
  double far_zoom = far ? device_zoom (cr) : 0;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean faint = pass == 0;
      const double *line_ink = faint ? faint_ink : ink;
      gboolean any = FALSE;

      stroke_plain (cr, segs, n, HW_TIE_STRONG, faint, batch, line_ink, far_zoom);
      stroke_plain (cr, segs, n, HW_TIE_MODERATE, faint, batch, line_ink, far_zoom);
      stroke_plain (cr, segs, n, HW_TIE_TENUOUS, faint, batch, line_ink, far_zoom);
      stroke_broken (cr, segs, n, faint, batch, line_ink, far_zoom);

      /* stressful: a wave over the middle of the tie, clear of arrowheads */
      for (guint i = 0; i < n; i++)
        {
          const TieSegment *seg = &segs[i];
          double len = hypot (seg->x2 - seg->x1, seg->y2 - seg->y1), inset, ux, uy;

          if (!seg->stressful || seg->faint != faint || len <= 2 * WAVE_LENGTH)
            continue;
          ux = (seg->x2 - seg->x1) / len;
          uy = (seg->y2 - seg->y1) / len;
          inset = MIN (len * 0.15, 2 * ARROW_LENGTH);
          inset = MAX (inset, (len - WAVE_MAX_PERIODS * WAVE_LENGTH) / 2);
          if (!any)
            {
              set_stroke (cr, faint ? faint_ink : stress_ink, 1.4, far_zoom);
              any = TRUE;
            }
          if (far)
            path_zigzag (cr, seg->x1 + ux * inset, seg->y1 + uy * inset,
                         seg->x2 - ux * inset, seg->y2 - uy * inset);
          else
            path_wave (cr, seg->x1 + ux * inset, seg->y1 + uy * inset,
                       seg->x2 - ux * inset, seg->y2 - uy * inset);
          if (!batch)
            cairo_stroke (cr);
        }
      if (any && batch)
        vector_stroke (cr);
      /* arrowheads, solid */
      cairo_set_source_rgb (cr, line_ink[0], line_ink[1], line_ink[2]);
      if (far)
        cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      for (guint i = 0; i < n; i++)
        {
          const TieSegment *seg = &segs[i];
          double len = hypot (seg->x2 - seg->x1, seg->y2 - seg->y1), ux, uy;
          gboolean at_a, at_b;

          if (seg->faint != faint || len < 1 || !segment_arrows (seg, &at_a, &at_b))
            continue;
          ux = (seg->x2 - seg->x1) / len;
          uy = (seg->y2 - seg->y1) / len;
          if (at_b)
            path_arrow (cr, seg->x2, seg->y2, ux, uy, arrow_scale (seg->strength));
          if (at_a)
            path_arrow (cr, seg->x1, seg->y1, -ux, -uy, arrow_scale (seg->strength));
          if (!batch_fills)
            cairo_fill (cr);
        }
      if (batch_fills)
        cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_tie_line (cairo_t      *cr,
               double        x1,
               double        y1,
               double        x2,
               double        y2,
               HwTieStrength strength,
               gboolean      stressful,
               HwTieFlow     flow,
               gboolean      faint)
{
  TieSegment seg = { x1, y1, x2, y2, strength, stressful, flow, faint };

  draw_segments (cr, &seg, 1, FALSE);
}

static void
path_rounded_rect (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
path_node_shape (cairo_t          *cr,
                 HwEcomapNodeKind  kind,
                 double            x,
                 double            y,
                 double            r)
{
  if (kind == HW_ECOMAP_NODE_ORGANISATION)
    path_rounded_rect (cr, x - r, y - r, 2 * r, 2 * r, r * 0.3);
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
}

/* path_node_shape grown by @grow (< 0: shrunk): the edge of its outline */
static void
path_node_outline (cairo_t          *cr,
                   HwEcomapNodeKind  kind,
                   double            x,
                   double            y,
                   double            r,
                   double            grow)
{
  if (kind == HW_ECOMAP_NODE_ORGANISATION)
    path_rounded_rect (cr, x - r - grow, y - r - grow, 2 * (r + grow), 2 * (r + grow),
                       MAX (r * 0.3 + grow, 0));
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r + grow, 0, 2 * G_PI);
    }
}

static void
draw_diamond (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, INK);
  cairo_set_line_width (cr, 1);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);
}

/* Whether @cr draws into PDF or PostScript */
static gboolean
is_paper_target (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  return type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS;
}

/* the width paper_node_path ()'s path is stroked at */
static double
paper_node_width (HwEcomapNodeKind kind,
                  double           r,
                  double           grow)
{
  double half = r + grow;

  /* an organisation: path_rounded_rect's corners, grown as its outline's are */
  if (kind == HW_ECOMAP_NODE_ORGANISATION)
    return 2 * CLAMP (r * 0.3 + grow, 0, half);
  return 2 * half;
}

/* Adds the path of paper_node_shape () to @cr's */
static void
paper_node_path (cairo_t          *cr,
                 HwEcomapNodeKind  kind,
                 double            x,
                 double            y,
                 double            r,
                 double            grow)
{
  if (kind == HW_ECOMAP_NODE_ORGANISATION)
    {
      double inset = r + grow - paper_node_width (kind, r, grow) / 2;

      cairo_rectangle (cr, x - inset, y - inset, 2 * inset, 2 * inset);
    }
  else
    {
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x, y);
    }
}

/* Paints the paths of paper_node_path () for @kind, stroked @width wide */
static void
paper_node_paint (cairo_t          *cr,
                  HwEcomapNodeKind  kind,
                  double            width)
{
  if (kind == HW_ECOMAP_NODE_ORGANISATION)
    cairo_fill_preserve (cr);
  stroke_width (cr, width);
}

/* On paper, in the source: the node's shape (path_node_shape) of @r
 * grown by @grow, without a path of curves. PDF and PostScript paint a
 * line of no length with round caps as a filled circle centred on its
 * point (PDF 1.7, 8.5.3.2), and a square filled and stroked with round
 * joins as a rounded square: a person's circle is a dot, 5 numbers in
 * the page instead of 26 for four curves; an organisation's rounded
 * square 5 instead of 34. Wants round caps and joins set. */
static void
paper_node_shape (cairo_t          *cr,
                  HwEcomapNodeKind  kind,
                  double            x,
                  double            y,
                  double            r,
                  double            grow)
{
  paper_node_path (cr, kind, x, y, r, grow);
  paper_node_paint (cr, kind, paper_node_width (kind, r, grow));
}

/* the colour inside a node's outline */
static void
set_inside_source (cairo_t          *cr,
                   HwEcomapNodeKind  kind)
{
  if (kind == HW_ECOMAP_NODE_ORGANISATION)
    cairo_set_source_rgb (cr, 0.90, 0.91, 0.93);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
}

/* where the white backing of @node's name is */
static void
label_box (const HwEcomapMapNode *node,
           double                *x,
           double                *y,
           double                *width,
           double                *height)
{
  *width = node->label_width;
  *height = node->label_height;
  *x = node->x - *width / 2;
  *y = node->y + node->radius + HW_ECOMAP_LAYOUT_LABEL_GAP;
}

/* A node's shape from afar: the outline as the ring between two fills,
 * the ink's and the inside's (cheaper than a stroke) */
static void
far_node_fills (cairo_t          *cr,
                HwEcomapNodeKind  kind,
                double            x,
                double            y,
                double            r)
{
  cairo_set_source_rgb (cr, INK);
  path_node_outline (cr, kind, x, y, r, 0.75);
  cairo_fill (cr);
  path_node_outline (cr, kind, x, y, r, -0.75);
  set_inside_source (cr, kind);
  cairo_fill (cr);
}

/* Node shapes from afar on the screen, as stamps. A node seen from afar
 * is a dozen pixels across, its ring two antialiased fills: a whole map
 * of 300 nodes made 600 fills, a quarter of the frame. Each kind's shape
 * is drawn once into a small image for each quarter-pixel position (the
 * same path, antialiasing and tolerance), then stamped where each node
 * falls (OVER: the same as the two fills, by the compositing rules), its
 * centre rounded to a quarter pixel. Kept for the zoom, size and scale
 * last drawn. */
#define SPRITE_PHASES 4

typedef struct {
  double           zoom;
  double           radius;
  double           scale;
  cairo_antialias_t antialias;
  double           tolerance;
  int              size;
  cairo_surface_t *images[SPRITE_PHASES * SPRITE_PHASES];
} FarSprite;

struct _FarSprites {
  FarSprite kinds[HW_ECOMAP_NODE_ORGANISATION + 1];
};

static gboolean far_sprites_on = TRUE;

void
hw_ecomap_set_far_sprites (gboolean sprites)
{
  far_sprites_on = sprites;
}

static void
far_sprite_clear (FarSprite *sprite)
{
  for (guint i = 0; i < G_N_ELEMENTS (sprite->images); i++)
    g_clear_pointer (&sprite->images[i], cairo_surface_destroy);
}

static void
far_sprites_free (gpointer data)
{
  FarSprites *sprites = data;

  if (sprites == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (sprites->kinds); k++)
    far_sprite_clear (&sprites->kinds[k]);
  g_free (sprites);
}

static FarSprites *
far_sprites_of (HwEcomapMap *map)
{
  if (!far_sprites_on)
    return NULL;
  if (map->far_sprites == NULL)
    map->far_sprites = g_new0 (FarSprites, 1);
  return map->far_sprites;
}

/* Stamps @node's shape from afar; FALSE (nothing drawn) where a stamp
 * would not do: a turned or stretched view, or an unknown kind. */
static gboolean
far_sprite (FarSprites            *sprites,
            cairo_t               *cr,
            const HwEcomapMapNode *node)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double sx, sy, ox, oy, x = node->x, y = node->y, zoom;
  FarSprite *sprite;
  int px, py, qx, qy, half;
  cairo_surface_t *image;
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || !(m.xx > 0) || sx != sy ||
      (guint) node->kind >= G_N_ELEMENTS (sprites->kinds) || !(node->radius > 0))
    return FALSE;
  zoom = m.xx * sx;   /* pixels a map unit */
  sprite = &sprites->kinds[node->kind];
  if (sprite->zoom != zoom || sprite->radius != node->radius || sprite->scale != sx ||
      sprite->antialias != cairo_get_antialias (cr) || sprite->tolerance != cairo_get_tolerance (cr))
    {
      far_sprite_clear (sprite);
      sprite->zoom = zoom;
      sprite->radius = node->radius;
      sprite->scale = sx;
      sprite->antialias = cairo_get_antialias (cr);
      sprite->tolerance = cairo_get_tolerance (cr);
      /* (the ring's outer edge, a quarter pixel of play and a pixel of
       * antialiasing each side) */
      sprite->size = (int) ceil (2 * (node->radius + 0.75) * zoom) + 4;
      if (sprite->size > 256)
        sprite->size = 0;
    }
  if (sprite->size == 0)
    return FALSE;

  /* the node's centre in the target's pixels, to a quarter pixel */
  cairo_user_to_device (cr, &x, &y);
  x = x * sx + ox;
  y = y * sy + oy;
  if (!(fabs (x) < 1e6 && fabs (y) < 1e6))
    return FALSE;
  px = (int) floor (x);
  py = (int) floor (y);
  qx = (int) round ((x - px) * SPRITE_PHASES);
  qy = (int) round ((y - py) * SPRITE_PHASES);
  if (qx == SPRITE_PHASES)
    px++, qx = 0;
  if (qy == SPRITE_PHASES)
    py++, qy = 0;
  half = sprite->size / 2;

  image = sprite->images[qy * SPRITE_PHASES + qx];
  if (image == NULL)
    {
      cairo_t *icr;

      image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sprite->size, sprite->size);
      icr = cairo_create (image);
      cairo_set_antialias (icr, sprite->antialias);
      cairo_set_tolerance (icr, sprite->tolerance);
      cairo_translate (icr, half + (double) qx / SPRITE_PHASES, half + (double) qy / SPRITE_PHASES);
      cairo_scale (icr, zoom, zoom);
      far_node_fills (icr, node->kind, 0, 0, node->radius);
      cairo_destroy (icr);
      cairo_surface_set_device_scale (image, sx, sy);
      sprite->images[qy * SPRITE_PHASES + qx] = image;
    }

  /* in the target's own units */
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, image, (px - half - ox) / sx, (py - half - oy) / sy);
  cairo_rectangle (cr, (px - half - ox) / sx, (py - half - oy) / sy, sprite->size / sx, sprite->size / sy);
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}

/* @far: seen from afar (HwEcomapDetail), @label: with its name */
static void
draw_node (cairo_t               *cr,
           const HwEcomapMapNode *node,
           gboolean               selected,
           gboolean               connecting,
           gboolean               far,
           gboolean               label,
           gboolean               shape,
           FarSprites            *sprites)
{
  double r = node->radius;

  if (!shape)
    ;
  else if (far && sprites != NULL && far_sprite (sprites, cr, node))
    ;
  else if (far)
    far_node_fills (cr, node->kind, node->x, node->y, r);
  else if (is_paper_target (cr))
    {
      /* on paper: the outline 1.5 wide as the ring between two shapes,
       * the ink's and the inside's, each without curves (the same shape
       * as the circle or rounded square filled and stroked, in a fifth of
       * the numbers: they were a third of a big map's page) */
      cairo_line_cap_t cap = cairo_get_line_cap (cr);
      cairo_line_join_t join = cairo_get_line_join (cr);

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_source_rgb (cr, INK);
      paper_node_shape (cr, node->kind, node->x, node->y, r, 0.75);
      set_inside_source (cr, node->kind);
      paper_node_shape (cr, node->kind, node->x, node->y, r, -0.75);
      cairo_set_line_cap (cr, cap);
      cairo_set_line_join (cr, join);
    }
  else
    {
      path_node_shape (cr, node->kind, node->x, node->y, r);
      set_inside_source (cr, node->kind);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, INK);
      stroke_width (cr, 1.5);
    }

  if (node->network_member)
    draw_diamond (cr, node->x + r * 0.75, node->y - r * 0.75, 4.5);

  if (selected || connecting)
    {
      static const double dots[] = { 2.0, 2.0 };

      cairo_save (cr);
      cairo_set_source_rgb (cr, ACCENT);
      cairo_set_line_width (cr, 2.5);
      if (connecting)
        cairo_set_dash (cr, dots, 2, 0);
      path_node_shape (cr, node->kind, node->x, node->y, r + 4);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (label && node->layout != NULL && node->label_height > 0)
    {
      double lx, ly, lw, lh;

      label_box (node, &lx, &ly, &lw, &lh);

      /* a white backing keeps the name readable where a tie passes */
      /* (from afar opaque: cairo's fastest fill, and a faint tie under
       * a small name only blurred it) */
      if (shape)
        {
          if (far)
            cairo_set_source_rgb (cr, 1, 1, 1);
          else
            cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
          /* (square: white on the white page, its corners never showed
           * but cost a PDF 30 numbers a name) */
          cairo_rectangle (cr, lx, ly, lw, lh);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, INK);
      /* the name centred under the node: a wrapped one is centred in its
       * width, one that fits is as wide as its backing's inside */
      if (pango_layout_get_width (node->layout) > 0)
        cairo_move_to (cr, node->x - LABEL_MAX_WIDTH / 2, ly);
      else
        cairo_move_to (cr, lx + LABEL_PAD, ly);
      pango_cairo_show_layout (cr, node->layout);
    }
}

/* On paper, the shapes of the nodes @batch says, as draw_node () draws
 * each (paper_node_shape ()), in four strokes: the people's ink, the
 * organisations' ink, then their insides; then the white backings of
 * their names, in one fill. 3,500 strokes and fills of a 1,000-node map
 * become five (its export 653 M → 596 M instructions: cairo 1.16
 * records each, checks where it falls, then writes it). Only for nodes
 * that stand apart (apart_nodes ()): the picture is the same. */
static void
paper_node_shapes (HwEcomapMap    *map,
                   cairo_t        *cr,
                   const gboolean *batch)
{
  cairo_line_cap_t cap = cairo_get_line_cap (cr);
  cairo_line_join_t join = cairo_get_line_join (cr);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int inside = 0; inside < 2; inside++)
    for (int kind = HW_ECOMAP_NODE_PERSON; kind <= HW_ECOMAP_NODE_ORGANISATION; kind++)
      {
        double grow = inside ? -0.75 : 0.75, width = -1;

        if (!inside)
          cairo_set_source_rgb (cr, INK);
        else
          set_inside_source (cr, kind);
        for (guint i = 0; i < map->nodes->len; i++)
          {
            HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);
            double w;

            if (!batch[i] || (int) node->kind != kind)
              continue;
            w = paper_node_width (kind, node->radius, grow);
            /* one stroke a width (all nodes are of one size) */
            if (width >= 0 && w != width)
              paper_node_paint (cr, kind, width);
            paper_node_path (cr, kind, node->x, node->y, node->radius, grow);
            width = w;
          }
        if (width >= 0)
          paper_node_paint (cr, kind, width);
      }
  cairo_set_line_join (cr, join);

  /* The names' backings, as draw_node () draws them, each as a line
   * across its middle as thick as it is tall, with butt caps: that is
   * the same rectangle, in four numbers instead of eight (the backings
   * were 8% of a 1,000-node map's export). One stroke per height (a
   * name of one line, of two...). */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *first = &g_array_index (map->nodes, HwEcomapMapNode, i);
      double height = first->label_height;
      gboolean earlier = FALSE;

      if (!batch[i] || first->layout == NULL || height <= 0)
        continue;
      /* (a height met before was drawn then) */
      for (guint j = 0; j < i && !earlier; j++)
        {
          HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, j);

          earlier = batch[j] && node->layout != NULL && node->label_height == height;
        }
      if (earlier)
        continue;
      for (guint j = i; j < map->nodes->len; j++)
        {
          HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, j);
          double x, y, w, h;

          if (!batch[j] || node->layout == NULL || node->label_height != height)
            continue;
          label_box (node, &x, &y, &w, &h);
          cairo_move_to (cr, x, y + h / 2);
          cairo_line_to (cr, x + w, y + h / 2);
        }
      stroke_width (cr, height);
    }
  cairo_set_line_cap (cr, cap);
}

static int
compare_box_x1 (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const HwEcomapBox *boxes = user_data;
  double x1 = boxes[*(const guint *) a].x1, x2 = boxes[*(const guint *) b].x1;

  return x1 < x2 ? -1 : x1 > x2;
}

/* In @apart, whether each node @draw says stands apart from the others
 * drawn: what draw_node () draws of it (its outline and network mark,
 * at most 2.25 out of its box for a node of radius 11, and its name, in
 * its box grown by 3) meets nothing drawn of another. Such nodes look
 * the same drawn in any order. */
static void
apart_nodes (HwEcomapMap    *map,
             const gboolean *draw,
             gboolean       *apart)
{
  guint n = map->nodes->len, n_drawn = 0;
  g_autofree HwEcomapBox *boxes = g_new (HwEcomapBox, n);
  g_autofree guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      HwEcomapLayoutNode lay;

      apart[i] = draw[i];
      if (!draw[i])
        continue;
      node_layout_struct (&g_array_index (map->nodes, HwEcomapMapNode, i), &lay);
      hw_ecomap_layout_node_box (&lay, &boxes[i]);
      boxes[i].x1 -= 3;
      boxes[i].y1 -= 3;
      boxes[i].x2 += 3;
      boxes[i].y2 += 3;
      order[n_drawn++] = i;
    }
  g_qsort_with_data (order, n_drawn, sizeof *order, compare_box_x1, boxes);
  for (guint a = 0; a < n_drawn; a++)
    {
      const HwEcomapBox *box = &boxes[order[a]];

      /* (not a number: never apart) */
      if (!(box->x1 <= box->x2 && box->y1 <= box->y2))
        apart[order[a]] = FALSE;
      for (guint b = a + 1; b < n_drawn && boxes[order[b]].x1 <= box->x2; b++)
        if (boxes[order[b]].y1 <= box->y2 && box->y1 <= boxes[order[b]].y2)
          apart[order[a]] = apart[order[b]] = FALSE;
    }
}

static void
draw_household (HwEcomapMap *map,
                cairo_t     *cr,
                gboolean     selected)
{
  double r = map->household_radius;
  double w, h;

  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.97, 0.97, 0.95);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, INK);
  stroke_width (cr, 2.5);

  if (selected)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, ACCENT);
      cairo_set_line_width (cr, 2.5);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, r + 5, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (map->household_layout == NULL)
    update_household (map);
  layout_size (map->household_layout, &w, &h);
  cairo_set_source_rgb (cr, INK);
  cairo_move_to (cr, -w / 2, -h / 2);
  pango_cairo_show_layout (cr, map->household_layout);
}

static void
draw_badge (HwEcomapMap *map,
            cairo_t     *cr,
            double       x,
            double       y,
            HwTieChange  change)
{
  g_autoptr(PangoLayout) layout = NULL;
  const char *text;
  double w, h;

  switch (change)
    {
    case HW_TIE_CHANGE_ADDED: text = _("new"); break;
    case HW_TIE_CHANGE_LOST: text = _("lost"); break;
    case HW_TIE_CHANGE_STRONGER: text = _("stronger"); break;
    case HW_TIE_CHANGE_WEAKER: text = _("weaker"); break;
    case HW_TIE_CHANGE_NONE:
    default:
      return;
    }
  layout = make_layout (map, "Sans Bold 7.5", text, 0, FALSE);
  layout_size (layout, &w, &h);
  path_rounded_rect (cr, x - w / 2 - 4, y - h / 2 - 1, w + 8, h + 2, (h + 2) / 2);
  if (change == HW_TIE_CHANGE_LOST)
    cairo_set_source_rgb (cr, 0.45, 0.45, 0.47);
  else
    cairo_set_source_rgb (cr, ACCENT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x - w / 2, y - h / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_sectors (HwEcomapMap *map,
              cairo_t     *cr)
{
  double outer = map->sector_outer;

  for (guint c = 0; c < HW_ECOMAP_N_CATEGORIES; c++)
    {
      double s = map->sector_start[c], e = map->sector_end[c];

      if (e <= s)
        continue;

      /* a faint divider where the sector begins (none for a full circle) */
      if (e - s < 2 * G_PI - 1e-6)
        {
          static const double dash[] = { 1.0, 4.0 };

          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.72, 0.72, 0.75);
          cairo_set_line_width (cr, 0.8);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, (map->household_radius + 8) * sin (s),
                         -(map->household_radius + 8) * cos (s));
          cairo_line_to (cr, outer * sin (s), -outer * cos (s));
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      if (map->sector_layout[c] == NULL)
        continue;
      cairo_set_source_rgb (cr, 0.40, 0.40, 0.43);
      cairo_move_to (cr, map->sector_label[c].x1, map->sector_label[c].y1);
      pango_cairo_show_layout (cr, map->sector_layout[c]);
    }
}

/* What is drawn outside the clip leaves no mark: on the screen, zoomed in,
 * most of a large map is outside, and skipping it is most of a redraw. */
typedef struct {
  double x1, y1, x2, y2;   /* the clip's extents in map units */
} Visible;

static void
visible_init (Visible *visible,
              cairo_t *cr)
{
  cairo_clip_extents (cr, &visible->x1, &visible->y1, &visible->x2, &visible->y2);
  /* (an unbounded surface, or none: everything) */
  if (!(visible->x2 > visible->x1) || !(visible->y2 > visible->y1))
    {
      visible->x1 = visible->y1 = -G_MAXDOUBLE;
      visible->x2 = visible->y2 = G_MAXDOUBLE;
    }
}

static gboolean
visible_box (const Visible *visible,
             double         x1,
             double         y1,
             double         x2,
             double         y2)
{
  return x1 <= visible->x2 && x2 >= visible->x1 && y1 <= visible->y2 && y2 >= visible->y1;
}

static gboolean
visible_segment (const Visible *visible,
                 double         x1,
                 double         y1,
                 double         x2,
                 double         y2)
{
  return visible_box (visible, MIN (x1, x2) - TIE_REACH, MIN (y1, y2) - TIE_REACH,
                      MAX (x1, x2) + TIE_REACH, MAX (y1, y2) + TIE_REACH);
}

static gboolean
visible_node (const Visible         *visible,
              const HwEcomapMapNode *node)
{
  HwEcomapBox box;

  node_box (node, &box);
  return visible_box (visible, box.x1, box.y1, box.x2, box.y2);
}

static gboolean
tie_touches (const HwEcomapMapTie *tie,
             gint64                node)
{
  return node != 0 && (tie->node_a == node || tie->node_b == node);
}

void
hw_ecomap_draw_map (HwEcomapMap               *map,
                    cairo_t                   *cr,
                    const HwEcomapDrawOptions *options)
{
  static const HwEcomapDrawOptions defaults = { 0 };
  GHashTable *index = get_index (map);
  g_autoptr(GArray) segments = NULL;
  g_autofree gboolean *drawn = NULL;
  g_autofree gboolean *batched = NULL;
  gint64 only, exclude;
  Visible visible;
  HwEcomapDetail detail;

  if (options == NULL)
    options = &defaults;
  only = options->only_node;
  exclude = options->exclude_node;

  cairo_save (cr);
  visible_init (&visible, cr);
  detail = hw_ecomap_draw_detail (cr);
  /* On screen, curves (waves, circles) flattened less finely look the
   * same and stroke several times faster; vector output keeps them exact.
   * (From afar the waves are zigzags, and fine curves have no use.) */
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE &&
      (!options->fine_curves || detail != HW_ECOMAP_DETAIL_FULL))
    cairo_set_tolerance (cr, 0.5);

  if (options->show_sectors && only == 0)
    draw_sectors (map, cr);

  /* ties under the nodes (lost ones, faint, under the rest) */
  segments = g_array_sized_new (FALSE, FALSE, sizeof (TieSegment), map->ties->len);
  for (guint t = 0; t < map->ties->len; t++)
      {
        HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
        gboolean lost = (tie->change == HW_TIE_CHANGE_LOST);
        double ax, ay, ar, bx, by, br, dx, dy, len, ux, uy;
        TieSegment seg;

        if ((only != 0 && !tie_touches (tie, only)) || tie_touches (tie, exclude))
          continue;
        if (!node_position (map, index, tie->node_a, &ax, &ay, &ar) ||
            !node_position (map, index, tie->node_b, &bx, &by, &br))
          continue;
        dx = bx - ax;
        dy = by - ay;
        len = hypot (dx, dy);
        if (len <= ar + br + 2 * TIE_GAP || !visible_segment (&visible, ax, ay, bx, by))
          continue;
        ux = dx / len;
        uy = dy / len;

        if (tie->id != 0 && tie->id == options->selected_tie)
          {
            cairo_save (cr);
            cairo_set_source_rgba (cr, ACCENT, 0.35);
            cairo_set_line_width (cr, 11);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_move_to (cr, ax + ux * ar, ay + uy * ar);
            cairo_line_to (cr, bx - ux * br, by - uy * br);
            cairo_stroke (cr);
            cairo_restore (cr);
          }

        seg.x1 = ax + ux * (ar + TIE_GAP);
        seg.y1 = ay + uy * (ar + TIE_GAP);
        seg.x2 = bx - ux * (br + TIE_GAP);
        seg.y2 = by - uy * (br + TIE_GAP);
        seg.strength = tie->strength;
        seg.stressful = tie->stressful;
        seg.flow = tie->flow;
        seg.faint = lost;
        g_array_append_val (segments, seg);
      }
  draw_segments (cr, (TieSegment *) (void *) segments->data, segments->len,
                 detail != HW_ECOMAP_DETAIL_FULL);

  if (only == 0)
    draw_household (map, cr, map->household_id != 0 &&
                             options->selected_node == map->household_id);

  /* from afar, the nodes' rings antialiased the fast way (a few pixels
   * across, they look the same) */
  if (detail != HW_ECOMAP_DETAIL_FULL)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  drawn = g_new (gboolean, map->nodes->len);
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      drawn[i] = !((only != 0 && node->id != only) || (exclude != 0 && node->id == exclude) ||
                   !visible_node (&visible, node));
    }
  /* on paper, the shapes of the nodes that stand apart at once */
  batched = g_new0 (gboolean, map->nodes->len);
  if (is_paper_target (cr) && detail == HW_ECOMAP_DETAIL_FULL)
    {
      apart_nodes (map, drawn, batched);
      for (guint i = 0; i < map->nodes->len; i++)
        {
          HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

          /* (a selection ring is wider: not on paper anyway) */
          if (node->id != 0 && (node->id == options->selected_node || node->id == options->connect_from))
            batched[i] = FALSE;
        }
      paper_node_shapes (map, cr, batched);
    }
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      if (!drawn[i])
        continue;
      draw_node (cr, node,
                 node->id != 0 && node->id == options->selected_node,
                 node->id != 0 && node->id == options->connect_from,
                 detail != HW_ECOMAP_DETAIL_FULL, detail != HW_ECOMAP_DETAIL_FARTHER,
                 !batched[i], far_sprites_of (map));
    }
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  /* change badges last, so no node hides them */
  for (guint t = 0; t < map->ties->len; t++)
    {
      HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
      double ax, ay, ar, bx, by, br;

      if (tie->change == HW_TIE_CHANGE_NONE)
        continue;
      if ((only != 0 && !tie_touches (tie, only)) || tie_touches (tie, exclude))
        continue;
      if (!node_position (map, index, tie->node_a, &ax, &ay, &ar) ||
          !node_position (map, index, tie->node_b, &bx, &by, &br) ||
          /* (a badge is a word, wider than the line) */
          !visible_box (&visible, (ax + bx) / 2 - BADGE_HALF_WIDTH, (ay + by) / 2 - BADGE_HALF_HEIGHT,
                        (ax + bx) / 2 + BADGE_HALF_WIDTH, (ay + by) / 2 + BADGE_HALF_HEIGHT))
        continue;
      draw_badge (map, cr, (ax + bx) / 2, (ay + by) / 2, tie->change);
    }

  cairo_restore (cr);
}

/* Legend ------------------------------------------------------------------ */

static PangoLayout *
legend_title_layout (HwEcomapMap *map)
{
  return make_layout (map, "Sans Bold 9", _("Legend"), 0, FALSE);
}

static PangoLayout *
legend_layout (HwEcomapMap      *map,
               HwEcomapLegendKey key)
{
  return make_layout (map, "Sans 8.5", hw_ecomap_map_get_legend (map, key),
                      LEGEND_LABEL_WIDTH, TRUE);
}

void
hw_ecomap_legend_size (HwEcomapMap *map,
                       double      *width,
                       double      *height)
{
  g_autoptr(PangoLayout) title = legend_title_layout (map);
  double w, h, tw, th;

  layout_size (title, &tw, &th);
  w = tw;
  h = LEGEND_PAD + th + 4;
  for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
    {
      g_autoptr(PangoLayout) layout = legend_layout (map, k);
      double lw, lh;

      layout_size (layout, &lw, &lh);
      w = MAX (w, LEGEND_SAMPLE + 8 + lw);
      h += MAX (lh, 16) + 3;
    }
  *width = w + 2 * LEGEND_PAD;
  *height = h + LEGEND_PAD;
}

static void
draw_legend_sample (cairo_t          *cr,
                    HwEcomapLegendKey key,
                    double            x,
                    double            cy)
{
  double x2 = x + LEGEND_SAMPLE;

  switch (key)
    {
    case HW_ECOMAP_LEGEND_STRONG:
      draw_tie_line (cr, x, cy, x2, cy, HW_TIE_STRONG, FALSE, HW_TIE_FLOW_NONE, FALSE);
      break;
    case HW_ECOMAP_LEGEND_MODERATE:
      draw_tie_line (cr, x, cy, x2, cy, HW_TIE_MODERATE, FALSE, HW_TIE_FLOW_NONE, FALSE);
      break;
    case HW_ECOMAP_LEGEND_TENUOUS:
      draw_tie_line (cr, x, cy, x2, cy, HW_TIE_TENUOUS, FALSE, HW_TIE_FLOW_NONE, FALSE);
      break;
    case HW_ECOMAP_LEGEND_BROKEN:
      draw_tie_line (cr, x, cy, x2, cy, HW_TIE_BROKEN, FALSE, HW_TIE_FLOW_NONE, FALSE);
      break;
    case HW_ECOMAP_LEGEND_STRESSFUL:
      draw_tie_line (cr, x, cy, x2, cy, HW_TIE_MODERATE, TRUE, HW_TIE_FLOW_NONE, FALSE);
      break;
    case HW_ECOMAP_LEGEND_FLOW:
      draw_tie_line (cr, x, cy, x2, cy, HW_TIE_MODERATE, FALSE, HW_TIE_FLOW_A_TO_B, FALSE);
      break;
    case HW_ECOMAP_LEGEND_PERSON:
    case HW_ECOMAP_LEGEND_ORGANISATION:
    case HW_ECOMAP_LEGEND_NETWORK:
      {
        HwEcomapMapNode node = { 0 };

        node.kind = key == HW_ECOMAP_LEGEND_ORGANISATION
                    ? HW_ECOMAP_NODE_ORGANISATION : HW_ECOMAP_NODE_PERSON;
        node.network_member = key == HW_ECOMAP_LEGEND_NETWORK;
        node.radius = 7;
        node.x = x + LEGEND_SAMPLE / 2;
        node.y = cy;
        draw_node (cr, &node, FALSE, FALSE, FALSE, TRUE, TRUE, NULL);
      }
      break;
    case HW_ECOMAP_LEGEND_DISTANCE:
      {
        /* the centre and three rings around it */
        cairo_save (cr);
        cairo_set_source_rgb (cr, INK);
        cairo_set_line_width (cr, 1);
        cairo_new_sub_path (cr);
        cairo_arc (cr, x + 3, cy, 3, 0, 2 * G_PI);
        cairo_fill (cr);
        for (int i = 1; i <= 3; i++)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x + 3, cy, 3 + i * 8, -0.55, 0.55);
            cairo_stroke (cr);
          }
        cairo_restore (cr);
      }
      break;
    case HW_ECOMAP_N_LEGEND_KEYS:
    default:
      break;
    }
}

void
hw_ecomap_draw_legend (HwEcomapMap *map,
                       cairo_t     *cr,
                       double       x,
                       double       y)
{
  g_autoptr(PangoLayout) title = legend_title_layout (map);
  double w, h, tw, th, cy;

  hw_ecomap_legend_size (map, &w, &h);
  cairo_save (cr);

  path_rounded_rect (cr, x, y, w, h, 6);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.70, 0.70, 0.72);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  layout_size (title, &tw, &th);
  cairo_set_source_rgb (cr, INK);
  cairo_move_to (cr, x + LEGEND_PAD, y + LEGEND_PAD);
  pango_cairo_show_layout (cr, title);
  cy = y + LEGEND_PAD + th + 4;

  for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
    {
      g_autoptr(PangoLayout) layout = legend_layout (map, k);
      double lw, lh, row;

      layout_size (layout, &lw, &lh);
      row = MAX (lh, 16);
      draw_legend_sample (cr, k, x + LEGEND_PAD, cy + row / 2);
      cairo_set_source_rgb (cr, INK);
      cairo_move_to (cr, x + LEGEND_PAD + LEGEND_SAMPLE + 8, cy + (row - lh) / 2);
      pango_cairo_show_layout (cr, layout);
      cy += row + 3;
    }

  cairo_restore (cr);
}

/* Pages ------------------------------------------------------------------- */

void
hw_ecomap_fit_matrix (HwEcomapMap    *map,
                      double          x,
                      double          y,
                      double          width,
                      double          height,
                      cairo_matrix_t *matrix)
{
  HwEcomapBox b;
  double bw, bh, scale;
  const double margin = 8;

  hw_ecomap_map_bounds (map, &b);
  b.x1 -= margin;
  b.y1 -= margin;
  b.x2 += margin;
  b.y2 += margin;
  bw = b.x2 - b.x1;
  bh = b.y2 - b.y1;
  scale = MIN (width / bw, height / bh);
  if (!isfinite (scale) || scale <= 0)
    scale = 1;
  cairo_matrix_init_translate (matrix,
                               x + width / 2 - scale * (b.x1 + bw / 2),
                               y + height / 2 - scale * (b.y1 + bh / 2));
  cairo_matrix_scale (matrix, scale, scale);
}

static double
fit_scale (HwEcomapMap *map,
           double       width,
           double       height)
{
  cairo_matrix_t m;

  if (width <= 0 || height <= 0)
    return 0;
  hw_ecomap_fit_matrix (map, 0, 0, width, height, &m);
  return m.xx;
}

void
hw_ecomap_draw_figure (HwEcomapMap *map,
                       cairo_t     *cr,
                       double       x,
                       double       y,
                       double       width,
                       double       height)
{
  const HwEcomapDrawOptions options = { .show_sectors = TRUE };
  double lw, lh, beside, below;
  cairo_matrix_t m;

  hw_ecomap_legend_size (map, &lw, &lh);
  /* legend on the right or at the bottom: whichever leaves the map larger */
  beside = fit_scale (map, width - lw - 12, height);
  below = fit_scale (map, width, height - lh - 12);

  cairo_save (cr);
  if (beside >= below)
    {
      hw_ecomap_draw_legend (map, cr, x + width - lw, y + height - lh);
      hw_ecomap_fit_matrix (map, x, y, width - lw - 12, height, &m);
    }
  else
    {
      hw_ecomap_draw_legend (map, cr, x + width - lw, y + height - lh);
      hw_ecomap_fit_matrix (map, x, y, width, height - lh - 12, &m);
    }
  cairo_transform (cr, &m);
  hw_ecomap_draw_map (map, cr, &options);
  cairo_restore (cr);
}

void
hw_ecomap_draw_page (HwEcomapMap *map,
                     cairo_t     *cr,
                     double       width,
                     double       height)
{
  const double margin = 36;
  const double pad = 5;
  double y = margin;
  double text_w = width - 2 * margin;
  double mark_bottom = margin;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* The made-up sample family: said in a box at the top right, beside the
   * title, so that the map cannot pass for a real family's. */
  if (map->sample_line != NULL)
    {
      g_autoptr(PangoLayout) mark = make_layout (map, "Sans Bold 10", map->sample_line,
                                                 text_w * 0.4, TRUE);
      double w, h, box_w, box_h;

      layout_size (mark, &w, &h);
      box_w = w + 2 * pad;
      box_h = h + 2 * pad;
      cairo_rectangle (cr, width - margin - box_w, margin, box_w, box_h);
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, INK);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_move_to (cr, width - margin - box_w + pad, margin + pad);
      pango_cairo_show_layout (cr, mark);
      text_w -= box_w + 12;
      mark_bottom = margin + box_h;
    }

  if (map->title != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (map, "Sans Bold 15", map->title,
                                                   text_w, TRUE);
      double w, h;

      layout_size (layout, &w, &h);
      cairo_set_source_rgb (cr, INK);
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += h + 2;
    }
  if (map->subtitle != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (map, "Sans 9.5", map->subtitle,
                                                   text_w, TRUE);
      double w, h;

      layout_size (layout, &w, &h);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += h;
    }
  y = MAX (y, mark_bottom) + 8;

  hw_ecomap_draw_figure (map, cr, margin, y, width - 2 * margin, height - y - margin);
  cairo_restore (cr);
}

/* Export ------------------------------------------------------------------ */

static void
paper_size (const char *paper,
            double     *width,
            double     *height)
{
  /* landscape: a map is round, a page is not, and the legend goes beside */
  if (paper != NULL && g_ascii_strcasecmp (paper, "letter") == 0)
    {
      *width = 792;
      *height = 612;
    }
  else
    {
      *width = 841.89;
      *height = 595.28;
    }
}

static gboolean
cairo_ok (cairo_status_t status,
          GError       **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not draw the ecomap: %s"), cairo_status_to_string (status));
  return FALSE;
}

static void
abandon (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  /* closing with a cancelled cancellable drops the temporary file and
   * leaves any earlier file at the path as it was */
  g_cancellable_cancel (cancel);
  g_output_stream_close (stream, cancel, NULL);
}

gboolean
hw_ecomap_map_export (HwEcomapMap  *map,
                      const char   *format,
                      const char   *paper,
                      const char   *path,
                      GError      **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  double width, height, scale = 1;
  cairo_status_t status;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == NULL ||
      (g_strcmp0 (format, "pdf") != 0 && g_strcmp0 (format, "png") != 0 &&
       g_strcmp0 (format, "svg") != 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An ecomap can be exported as pdf, png or svg, not “%s”."),
                   format != NULL ? format : "");
      return FALSE;
    }
  if (paper != NULL && g_ascii_strcasecmp (paper, "a4") != 0 &&
      g_ascii_strcasecmp (paper, "letter") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown paper size “%s”: use a4 or letter."), paper);
      return FALSE;
    }
  paper_size (paper, &width, &height);

  out = hw_export_create_file (path, error);
  if (out == NULL)
    return FALSE;

  if (g_str_equal (format, "pdf"))
    {
      surface = cairo_pdf_surface_create_for_stream (hw_export_cairo_write, out, width, height);
      /* metadata says nothing about the family: it is not withheld-aware */
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Ecomap"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Homeward");
    }
  else if (g_str_equal (format, "svg"))
    surface = cairo_svg_surface_create_for_stream (hw_export_cairo_write, out, width, height);
  else
    {
      scale = 150.0 / 72.0;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            (int) ceil (width * scale - 1e-6),
                                            (int) ceil (height * scale - 1e-6));
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hw_ecomap_draw_page (map, cr, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && g_str_equal (format, "png"))
    status = cairo_surface_write_to_png_stream (surface, hw_export_cairo_write, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!cairo_ok (status, error))
    {
      abandon (G_OUTPUT_STREAM (out));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

/* Figures in documents ------------------------------------------------------
 *
 * A map inside a plan is read on paper, where a name under 8 points is
 * unreadable, and it has the text's width, no more. A ring layout of the
 * sample family is already about 800 map units wide: at a text width of
 * 480 points its names would be 5 points high, and enlarging them in place
 * would make them cover one another. So a figure draws the names on the
 * map only when the map fits at full size (names of 8.5 points, category
 * names of 8); otherwise the circles carry numbers (8 points, bold) and the
 * names are listed under the map, grouped by category in the order the
 * sectors go round, with the household and its members first. The legend
 * is a compact block of several columns under that, with small samples.
 * Every word of the figure is then at least HW_ECOMAP_FIGURE_MIN_TEXT
 * points on paper, whatever the number of people.
 */

#define FIGURE_GAP          8.0
#define FIGURE_NUMBER_SIZE  8.0
#define FIGURE_NUMBER_R     7.5    /* points: room for "88" in 8 pt bold */
#define FIGURE_KEY_SIZE     8.5
#define FIGURE_LEGEND_SIZE  8.0
#define FIGURE_COLUMN_MIN   150.0
#define FIGURE_SWATCH       22.0
#define FIGURE_MAX_SCALE    1.2    /* a small map is not blown up further */
#define FIGURE_MARGIN       8.0    /* map units around the map, as in fit_matrix */

static PangoLayout *
figure_layout (HwEcomapMap *map,
               double       size,
               gboolean     bold,
               double       max_width)
{
  PangoLayout *layout = pango_layout_new (get_context (map));
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  /* 72 dpi: points are units */
  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static guint
figure_columns (double width)
{
  return (guint) CLAMP (floor (width / FIGURE_COLUMN_MIN), 1, 4);
}

/* The order the numbers go in: by sector (as the sectors go round), then
 * clockwise from the top within it. */
static double
node_angle (const HwEcomapMapNode *node)
{
  double a = atan2 (node->x, -node->y);

  return a < 0 ? a + 2 * G_PI : a;
}

static int
compare_numbered (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  HwEcomapMap *map = user_data;
  const HwEcomapMapNode *na = &g_array_index (map->nodes, HwEcomapMapNode, *(const guint *) a);
  const HwEcomapMapNode *nb = &g_array_index (map->nodes, HwEcomapMapNode, *(const guint *) b);
  double aa = node_angle (na), ab = node_angle (nb);

  if (na->category != nb->category)
    return na->category < nb->category ? -1 : 1;
  if (aa != ab)
    return aa < ab ? -1 : 1;
  return na->id < nb->id ? -1 : (na->id > nb->id ? 1 : 0);
}

/* (transfer full): node indices in numbering order */
static GArray *
numbered_order (HwEcomapMap *map)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), map->nodes->len);

  for (guint i = 0; i < map->nodes->len; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_numbered, map);
  return order;
}

/* The key: one layout per entry (group names in italics), in reading order. */
static GPtrArray *
key_entries (HwEcomapMap *map,
             GArray      *order,
             double       column_width)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *title = NULL;
  int category = -1;
  PangoLayout *layout;

  title = g_markup_escape_text (map->household_label != NULL && *map->household_label
                                ? map->household_label : _("Household"), -1);
  g_string_append_printf (markup, "<b>%s</b>", title);
  for (guint i = 0; i < map->members->len; i++)
    {
      g_autofree char *name = g_markup_escape_text (g_ptr_array_index (map->members, i), -1);

      g_string_append_printf (markup, i == 0 ? ": %s" : ", %s", name);
    }
  layout = figure_layout (map, FIGURE_KEY_SIZE, FALSE, column_width);
  pango_layout_set_markup (layout, markup->str, -1);
  pango_layout_set_indent (layout, -14 * PANGO_SCALE);
  g_ptr_array_add (entries, layout);

  for (guint i = 0; i < order->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode,
                                              g_array_index (order, guint, i));
      g_autofree char *name = g_markup_escape_text (node->label != NULL ? node->label : "", -1);
      g_autofree char *entry = NULL;

      if ((int) node->category != category)
        {
          g_autofree char *group = g_markup_escape_text (hw_ecomap_category_label (node->category),
                                                         -1);
          g_autofree char *group_markup = g_strdup_printf ("<i>%s</i>", group);

          category = node->category;
          layout = figure_layout (map, FIGURE_KEY_SIZE, FALSE, column_width);
          pango_layout_set_markup (layout, group_markup, -1);
          g_ptr_array_add (entries, layout);
        }
      entry = g_strdup_printf ("<b>%u</b>  %s", i + 1, name);
      layout = figure_layout (map, FIGURE_KEY_SIZE, FALSE, column_width);
      pango_layout_set_markup (layout, entry, -1);
      /* a name that wraps goes on under the name, not under the number */
      pango_layout_set_indent (layout, -14 * PANGO_SCALE);
      g_ptr_array_add (entries, layout);
    }
  return entries;
}

/* Lays @heights out in @n_columns columns, top to bottom then left to
 * right, each column about as tall as the others; returns the tallest.
 * @column (nullable) receives each entry's column, @top its top. */
static double
flow_columns (const double *heights,
              guint         n,
              guint         n_columns,
              double        spacing,
              guint        *column,
              double       *top)
{
  double total = 0, target, tallest = 0, y = 0;
  guint c = 0;

  for (guint i = 0; i < n; i++)
    total += heights[i] + spacing;
  target = total / MAX (n_columns, 1);
  for (guint i = 0; i < n; i++)
    {
      if (y > 0 && y + heights[i] / 2 > target && c + 1 < n_columns)
        {
          c++;
          y = 0;
        }
      if (column != NULL)
        column[i] = c;
      if (top != NULL)
        top[i] = y;
      y += heights[i] + spacing;
      tallest = MAX (tallest, y - spacing);
    }
  return tallest;
}

static double
key_height (HwEcomapMap *map,
            double       width)
{
  g_autoptr(GArray) order = numbered_order (map);
  guint n_columns = figure_columns (width);
  double column_width = width / n_columns - 8;
  g_autoptr(GPtrArray) entries = key_entries (map, order, column_width);
  g_autofree double *heights = g_new0 (double, MAX (entries->len, 1));

  for (guint i = 0; i < entries->len; i++)
    {
      double w;

      layout_size (g_ptr_array_index (entries, i), &w, &heights[i]);
    }
  return flow_columns (heights, entries->len, n_columns, 1.5, NULL, NULL);
}

static void
draw_key (HwEcomapMap *map,
          cairo_t     *cr,
          double       x,
          double       y,
          double       width)
{
  g_autoptr(GArray) order = numbered_order (map);
  guint n_columns = figure_columns (width);
  double column_width = width / n_columns - 8;
  g_autoptr(GPtrArray) entries = key_entries (map, order, column_width);
  g_autofree double *heights = g_new0 (double, MAX (entries->len, 1));
  g_autofree double *tops = g_new0 (double, MAX (entries->len, 1));
  g_autofree guint *columns = g_new0 (guint, MAX (entries->len, 1));

  for (guint i = 0; i < entries->len; i++)
    {
      double w;

      layout_size (g_ptr_array_index (entries, i), &w, &heights[i]);
    }
  flow_columns (heights, entries->len, n_columns, 1.5, columns, tops);
  cairo_save (cr);
  cairo_set_source_rgb (cr, INK);
  for (guint i = 0; i < entries->len; i++)
    {
      cairo_move_to (cr, x + columns[i] * (width / n_columns), y + tops[i]);
      pango_cairo_show_layout (cr, g_ptr_array_index (entries, i));
    }
  cairo_restore (cr);
}

/* The compact legend: a title, then the keys in columns, small samples. */
static double
compact_legend (HwEcomapMap *map,
                cairo_t     *cr,
                double       x,
                double       y,
                double       width)
{
  g_autoptr(PangoLayout) title = figure_layout (map, FIGURE_LEGEND_SIZE + 0.5, TRUE, width);
  guint n_columns = figure_columns (width);
  double column_width = width / n_columns;
  double label_width = column_width - FIGURE_SWATCH - 12;
  double heights[HW_ECOMAP_N_LEGEND_KEYS];
  PangoLayout *labels[HW_ECOMAP_N_LEGEND_KEYS];
  guint columns[HW_ECOMAP_N_LEGEND_KEYS];
  double tops[HW_ECOMAP_N_LEGEND_KEYS];
  double tw, th, body;

  pango_layout_set_text (title, _("Legend"), -1);
  layout_size (title, &tw, &th);
  for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
    {
      double w;

      labels[k] = figure_layout (map, FIGURE_LEGEND_SIZE, FALSE, label_width);
      pango_layout_set_text (labels[k], hw_ecomap_map_get_legend (map, k), -1);
      layout_size (labels[k], &w, &heights[k]);
      heights[k] = MAX (heights[k], 12);
    }
  body = flow_columns (heights, HW_ECOMAP_N_LEGEND_KEYS, n_columns, 3, columns, tops);

  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, INK);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, title);
      for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
        {
          double cx = x + columns[k] * column_width;
          double cy = y + th + 3 + tops[k];
          double lw, lh;

          layout_size (labels[k], &lw, &lh);
          cairo_save (cr);
          /* the editor's samples, at half size */
          cairo_translate (cr, cx, cy + heights[k] / 2);
          cairo_scale (cr, FIGURE_SWATCH / LEGEND_SAMPLE, FIGURE_SWATCH / LEGEND_SAMPLE);
          draw_legend_sample (cr, k, 0, 0);
          cairo_restore (cr);
          cairo_set_source_rgb (cr, INK);
          cairo_move_to (cr, cx + FIGURE_SWATCH + 6, cy + (heights[k] - lh) / 2);
          pango_cairo_show_layout (cr, labels[k]);
        }
      cairo_restore (cr);
    }
  for (guint k = 0; k < HW_ECOMAP_N_LEGEND_KEYS; k++)
    g_object_unref (labels[k]);
  return th + 3 + body;
}

/* Bounds of the circles' centres and the household, for numbered maps. */
static void
centre_bounds (HwEcomapMap *map,
               HwEcomapBox *b)
{
  double r = map->household_radius;

  b->x1 = b->y1 = -r;
  b->x2 = b->y2 = r;
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      b->x1 = MIN (b->x1, node->x);
      b->y1 = MIN (b->y1, node->y);
      b->x2 = MAX (b->x2, node->x);
      b->y2 = MAX (b->y2, node->y);
    }
}

/* The scale of a numbered map in a @width x @height box: circles of at
 * least FIGURE_NUMBER_R points around every centre, inside the box. */
static double
numbered_scale (HwEcomapMap *map,
                double       width,
                double       height,
                double      *circle)
{
  HwEcomapBox b;
  double bw, bh, s;

  centre_bounds (map, &b);
  bw = MAX (b.x2 - b.x1, 1);
  bh = MAX (b.y2 - b.y1, 1);
  /* circles drawn FIGURE_NUMBER_R wide on paper... */
  s = MIN ((width - 2 * FIGURE_NUMBER_R - 4) / bw, (height - 2 * FIGURE_NUMBER_R - 4) / bh);
  /* ...unless their own size is more */
  if (s * NODE_RADIUS > FIGURE_NUMBER_R)
    s = MIN ((width - 4) / (bw + 2 * NODE_RADIUS), (height - 4) / (bh + 2 * NODE_RADIUS));
  s = CLAMP (s, 0.01, FIGURE_MAX_SCALE);
  *circle = MAX (NODE_RADIUS, FIGURE_NUMBER_R / s);
  return s;
}

void
hw_ecomap_figure_measure (HwEcomapMap        *map,
                          double              width,
                          double              height,
                          HwEcomapFigureInfo *info)
{
  HwEcomapBox b;
  double legend_h, key_h, named_s, circle;

  g_return_if_fail (map != NULL);
  g_return_if_fail (info != NULL);

  memset (info, 0, sizeof *info);
  if (map->household_layout == NULL)
    hw_ecomap_map_layout (map);
  legend_h = compact_legend (map, NULL, 0, 0, width);
  info->legend_height = legend_h;

  /* names on the map if it fits at full size */
  hw_ecomap_map_bounds (map, &b);
  named_s = MIN (width / (b.x2 - b.x1 + 2 * FIGURE_MARGIN),
                 height > 0 ? (height - legend_h - FIGURE_GAP) / (b.y2 - b.y1 + 2 * FIGURE_MARGIN)
                            : G_MAXDOUBLE);
  if (named_s >= 1.0)
    {
      info->numbered = FALSE;
      info->scale = MIN (named_s, FIGURE_MAX_SCALE);
      info->map_height = (b.y2 - b.y1 + 2 * FIGURE_MARGIN) * info->scale;
      /* category names are the smallest words: 8 map units */
      info->min_text_size = MIN (8.0 * info->scale, FIGURE_LEGEND_SIZE);
      info->height = info->map_height + FIGURE_GAP + legend_h;
      return;
    }

  key_h = key_height (map, width);
  info->numbered = TRUE;
  info->key_height = key_h;
  info->scale = numbered_scale (map, width,
                                height > 0 ? height - legend_h - key_h - 2 * FIGURE_GAP
                                           : G_MAXDOUBLE,
                                &circle);
  centre_bounds (map, &b);
  info->map_height = (b.y2 - b.y1 + 2 * circle) * info->scale + 4;
  info->min_text_size = MIN (FIGURE_NUMBER_SIZE, MIN (FIGURE_KEY_SIZE, FIGURE_LEGEND_SIZE));
  info->height = info->map_height + FIGURE_GAP + key_h + FIGURE_GAP + legend_h;
}

double
hw_ecomap_figure_height (HwEcomapMap *map,
                         double       width)
{
  HwEcomapFigureInfo info;

  g_return_val_if_fail (map != NULL, width);

  hw_ecomap_figure_measure (map, width, 0, &info);
  return info.height;
}

/* The household in a numbered map: its name if it fits in the circle. */
static void
draw_numbered_household (HwEcomapMap *map,
                         cairo_t     *cr,
                         double       cx,
                         double       cy,
                         double       r)
{
  g_autoptr(PangoLayout) title = figure_layout (map, FIGURE_NUMBER_SIZE, TRUE, 1.6 * r);
  double w, h;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.97, 0.97, 0.95);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, INK);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  pango_layout_set_text (title, map->household_label != NULL && *map->household_label
                                ? map->household_label : _("Household"), -1);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  layout_size (title, &w, &h);
  /* (the key under the map names the household in any case) */
  if (w <= 1.6 * r && h <= 1.2 * r)
    {
      cairo_move_to (cr, cx - 0.8 * r, cy - h / 2);
      pango_cairo_show_layout (cr, title);
    }
}

static void
draw_numbered_map (HwEcomapMap *map,
                   cairo_t     *cr,
                   double       x,
                   double       y,
                   double       width,
                   double       height,
                   double       s,
                   double       circle)
{
  g_autoptr(GArray) order = numbered_order (map);
  g_autoptr(GArray) segments = NULL;
  GHashTable *index = get_index (map);
  HwEcomapBox b;
  double ox, oy;

  centre_bounds (map, &b);
  /* map units -> points, centred in the box */
  ox = x + width / 2 - s * (b.x1 + b.x2) / 2;
  oy = y + height / 2 - s * (b.y1 + b.y2) / 2;

  cairo_save (cr);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, s, s);
  segments = g_array_sized_new (FALSE, FALSE, sizeof (TieSegment), map->ties->len);
  for (guint t = 0; t < map->ties->len; t++)
    {
      HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
      double ax, ay, ar, bx, by, br, len, ux, uy;
      TieSegment seg;

      if (tie->change == HW_TIE_CHANGE_LOST ||
          !node_position (map, index, tie->node_a, &ax, &ay, &ar) ||
          !node_position (map, index, tie->node_b, &bx, &by, &br))
        continue;
      if (tie->node_a != map->household_id)
        ar = circle;
      if (tie->node_b != map->household_id)
        br = circle;
      len = hypot (bx - ax, by - ay);
      if (len <= ar + br + 2 * TIE_GAP)
        continue;
      ux = (bx - ax) / len;
      uy = (by - ay) / len;
      seg.x1 = ax + ux * (ar + TIE_GAP);
      seg.y1 = ay + uy * (ar + TIE_GAP);
      seg.x2 = bx - ux * (br + TIE_GAP);
      seg.y2 = by - uy * (br + TIE_GAP);
      seg.strength = tie->strength;
      seg.stressful = tie->stressful;
      seg.flow = tie->flow;
      seg.faint = FALSE;
      g_array_append_val (segments, seg);
    }
  draw_segments (cr, (TieSegment *) (void *) segments->data, segments->len, FALSE);
  cairo_restore (cr);

  /* circles and words in points, so that their size is their size on paper */
  draw_numbered_household (map, cr, ox, oy, map->household_radius * s);
  for (guint i = 0; i < order->len; i++)
    {
      HwEcomapMapNode node = g_array_index (map->nodes, HwEcomapMapNode,
                                            g_array_index (order, guint, i));
      g_autoptr(PangoLayout) number = figure_layout (map, FIGURE_NUMBER_SIZE, TRUE, 0);
      g_autofree char *text = g_strdup_printf ("%u", i + 1);
      double w, h;

      node.x = ox + node.x * s;
      node.y = oy + node.y * s;
      node.radius = circle * s;
      node.layout = NULL;
      draw_node (cr, &node, FALSE, FALSE, FALSE, TRUE, TRUE, NULL);
      pango_layout_set_text (number, text, -1);
      layout_size (number, &w, &h);
      cairo_set_source_rgb (cr, INK);
      cairo_move_to (cr, node.x - w / 2, node.y - h / 2);
      pango_cairo_show_layout (cr, number);
    }
}

void
hw_ecomap_draw_document_figure (HwEcomapMap *map,
                                cairo_t     *cr,
                                double       width,
                                double       height)
{
  const HwEcomapDrawOptions options = { .show_sectors = TRUE };
  HwEcomapFigureInfo info;
  double y = 0;

  g_return_if_fail (map != NULL);
  g_return_if_fail (cr != NULL);

  hw_ecomap_figure_measure (map, width, height, &info);
  cairo_save (cr);
  if (!info.numbered)
    {
      HwEcomapBox b;
      double s = info.scale;

      hw_ecomap_map_bounds (map, &b);
      cairo_save (cr);
      cairo_translate (cr, width / 2 - s * (b.x1 + b.x2) / 2,
                       info.map_height / 2 - s * (b.y1 + b.y2) / 2);
      cairo_scale (cr, s, s);
      hw_ecomap_draw_map (map, cr, &options);
      cairo_restore (cr);
    }
  else
    {
      double circle = MAX (NODE_RADIUS, FIGURE_NUMBER_R / info.scale);

      draw_numbered_map (map, cr, 0, 0, width, info.map_height, info.scale, circle);
      draw_key (map, cr, 0, info.map_height + FIGURE_GAP, width);
      y = info.key_height + FIGURE_GAP;
    }
  y += info.map_height + FIGURE_GAP;
  /* what is left of the box, if the page gave more than asked */
  compact_legend (map, cr, 0, MAX (y, height - info.legend_height), width);
  cairo_restore (cr);
}
