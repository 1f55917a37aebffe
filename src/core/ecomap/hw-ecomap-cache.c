/* hw-ecomap-cache.c: the editor's map kept as an image between pan frames.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap-cache"

#include <math.h>
#include <string.h>

#include "hw-ecomap-cache.h"

/* How far around the window the image reaches, in the window's units: a
 * pan within it is a paint; wider would make each fresh drawing cost more
 * (more of a zoomed-in map to draw) and hold more memory. */
#define MARGIN 192

struct _HwEcomapCache
{
  cairo_surface_t     *image;
  guint                generation;   /* the map's, when drawn */
  HwEcomapDrawOptions  options;
  int                  width, height, scale;
  double               zoom, pan_x, pan_y;
};

HwEcomapCache *
hw_ecomap_cache_new (void)
{
  return g_new0 (HwEcomapCache, 1);
}

void
hw_ecomap_cache_free (HwEcomapCache *cache)
{
  if (cache == NULL)
    return;
  g_clear_pointer (&cache->image, cairo_surface_destroy);
  g_free (cache);
}

void
hw_ecomap_cache_invalidate (HwEcomapCache *cache)
{
  g_return_if_fail (cache != NULL);
  g_clear_pointer (&cache->image, cairo_surface_destroy);
}

/* the same but for what is selected */
static gboolean
options_alike (const HwEcomapDrawOptions *a,
               const HwEcomapDrawOptions *b)
{
  return !a->show_sectors == !b->show_sectors && a->exclude_node == b->exclude_node &&
         a->only_node == b->only_node && !a->fine_curves == !b->fine_curves;
}

static gboolean
same_selection (const HwEcomapDrawOptions *a,
                const HwEcomapDrawOptions *b)
{
  return a->selected_node == b->selected_node && a->selected_tie == b->selected_tie &&
         a->connect_from == b->connect_from;
}

/* @v moved by a whole number of device pixels (within a rounding error) */
static gboolean
whole_pixels (double v,
              int    scale)
{
  double d = v * scale;

  return fabs (d - round (d)) < 1e-6;
}

/* Map units -> the image's user units, for the cache's view: a whole
 * number of device pixels from where the window's view puts the map, so
 * it is drawn exactly as it would be in the window. */
static void
image_matrix (const HwEcomapCache *cache,
              cairo_matrix_t      *matrix)
{
  cairo_matrix_init_translate (matrix, MARGIN, MARGIN);
  cairo_matrix_translate (matrix, cache->pan_x, cache->pan_y);
  cairo_matrix_scale (matrix, cache->zoom, cache->zoom);
}

static void
draw_fresh (HwEcomapCache             *cache,
            HwEcomapMap               *map,
            int                        width,
            int                        height,
            int                        scale,
            double                     zoom,
            double                     pan_x,
            double                     pan_y,
            const HwEcomapDrawOptions *options)
{
  cairo_matrix_t matrix;
  cairo_t *cr;

  cache->generation = map->generation;
  cache->options = *options;
  cache->width = width;
  cache->height = height;
  cache->scale = scale;
  cache->zoom = zoom;
  cache->pan_x = pan_x;
  cache->pan_y = pan_y;

  g_clear_pointer (&cache->image, cairo_surface_destroy);
  cache->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (width + 2 * MARGIN) * scale,
                                             (height + 2 * MARGIN) * scale);
  cairo_surface_set_device_scale (cache->image, scale, scale);
  cr = cairo_create (cache->image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  image_matrix (cache, &matrix);
  cairo_transform (cr, &matrix);
  hw_ecomap_draw_map (map, cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (cache->image);
}

/* Where a shape is cut by a clip's edge, cairo rasterises the pixels
 * along that edge a level or so differently from the whole shape: the
 * damage is drawn with this many device pixels more all round, and those
 * are left out. */
#define CLEAN_EDGE 4
#define PIECE      128

/* Draws the device pixel rectangles @damage of the image again, as
 * draw_fresh () drew them but with @options: everything that falls in a
 * rectangle is drawn again in order, over white, onto a scratch image
 * with CLEAN_EDGE pixels more all round, and the rectangle copied in; the
 * rest of the image stays. */
static void
redraw_rects (HwEcomapCache             *cache,
              HwEcomapMap               *map,
              const HwEcomapDrawOptions *options,
              GArray                    *damage)
{
  int width = cairo_image_surface_get_width (cache->image);
  int height = cairo_image_surface_get_height (cache->image);
  int scale = cache->scale;
  cairo_rectangle_int_t image = { 0, 0, width, height }, all;
  cairo_region_t *region = cairo_region_create ();
  cairo_matrix_t matrix;
  cairo_surface_t *scratch;
  cairo_t *cr;

  if (damage->len == 0)
    {
      cairo_region_destroy (region);
      return;
    }
  for (guint i = 0; i < damage->len; i++)
    {
      const cairo_rectangle_int_t *r = &g_array_index (damage, cairo_rectangle_int_t, i);
      /* with its clean edge, for the scratch image's size */
      cairo_rectangle_int_t rect = { r->x - CLEAN_EDGE, r->y - CLEAN_EDGE, r->width + 2 * CLEAN_EDGE,
                                     r->height + 2 * CLEAN_EDGE };

      cairo_region_union_rectangle (region, &rect);
    }
  cairo_region_intersect_rectangle (region, &image);
  cairo_region_get_extents (region, &all);
  cairo_region_destroy (region);

  /* map -> device pixels of the image, as draw_fresh () places the map */
  image_matrix (cache, &matrix);
  /* the scratch image: the damage and its clean edge, at the same device
   * pixels as the image (an offset of whole pixels) */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, all.width, all.height);
  cairo_surface_set_device_scale (scratch, scale, scale);
  cairo_surface_set_device_offset (scratch, -all.x, -all.y);
  for (guint i = 0; i < damage->len; i++)
    {
      const cairo_rectangle_int_t *r = &g_array_index (damage, cairo_rectangle_int_t, i);

      /* one rectangle at a time: a clip of several is cut into bands, and
       * a shape is cut at each band's edge too */
      cr = cairo_create (scratch);
      cairo_rectangle (cr, (double) (r->x - CLEAN_EDGE) / scale, (double) (r->y - CLEAN_EDGE) / scale,
                       (double) (r->width + 2 * CLEAN_EDGE) / scale,
                       (double) (r->height + 2 * CLEAN_EDGE) / scale);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_transform (cr, &matrix);
      hw_ecomap_draw_map (map, cr, options);
      cairo_destroy (cr);

      /* the rectangle itself copied in, pixel for pixel */
      cr = cairo_create (cache->image);
      cairo_rectangle (cr, (double) r->x / scale, (double) r->y / scale, (double) r->width / scale,
                       (double) r->height / scale);
      cairo_clip (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, scratch, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (scratch);
  cairo_surface_flush (cache->image);
}

/* Draws the image again where the cached selection was drawn and where
 * @options' is, each box widened to whole device pixels (redraw_rects ()). */
static void
draw_reselected (HwEcomapCache             *cache,
                 HwEcomapMap               *map,
                 const HwEcomapDrawOptions *options)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (HwEcomapBox));
  g_autoptr(GArray) damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  int width = cairo_image_surface_get_width (cache->image);
  int height = cairo_image_surface_get_height (cache->image);
  int scale = cache->scale;
  /* a halo in pieces of about PIECE device pixels: each box costs a pass
   * over the map (what falls in it), and a longer one takes in more */
  double piece = PIECE / (cache->zoom * scale);
  cairo_matrix_t matrix;

  hw_ecomap_map_selection_boxes (map, cache->options.selected_node, cache->options.selected_tie,
                                 piece, boxes);
  hw_ecomap_map_selection_boxes (map, cache->options.connect_from, 0, piece, boxes);
  hw_ecomap_map_selection_boxes (map, options->selected_node, options->selected_tie, piece, boxes);
  hw_ecomap_map_selection_boxes (map, options->connect_from, 0, piece, boxes);
  cache->options = *options;

  /* map -> device pixels of the image, as draw_fresh () places the map */
  image_matrix (cache, &matrix);
  for (guint i = 0; i < boxes->len; i++)
    {
      const HwEcomapBox *box = &g_array_index (boxes, HwEcomapBox, i);
      double x1 = box->x1, y1 = box->y1, x2 = box->x2, y2 = box->y2;
      int px1, py1, px2, py2;
      cairo_rectangle_int_t rect;

      cairo_matrix_transform_point (&matrix, &x1, &y1);
      cairo_matrix_transform_point (&matrix, &x2, &y2);
      px1 = MAX (0, (int) floor (x1 * scale) - 1);
      py1 = MAX (0, (int) floor (y1 * scale) - 1);
      px2 = MIN (width, (int) ceil (x2 * scale) + 1);
      py2 = MIN (height, (int) ceil (y2 * scale) + 1);
      if (px2 <= px1 || py2 <= py1)
        continue;
      rect = (cairo_rectangle_int_t) { px1, py1, px2 - px1, py2 - py1 };
      g_array_append_val (damage, rect);
    }
  redraw_rects (cache, map, options, damage);
}

/* (one rectangle per band: bench-ecomap's pan out of the margin at 1,000
 * nodes took 12.3 ms in squares of 256 pixels, 18.1 in squares of 128,
 * and 9.6 ms whole: each rectangle costs a pass over the map) */
static void
add_band (GArray *damage,
          int     x,
          int     y,
          int     width,
          int     height)
{
  cairo_rectangle_int_t rect = { x, y, width, height };

  if (width > 0 && height > 0)
    g_array_append_val (damage, rect);
}

/* A pan out of the margin, by @sx, @sy device pixels: the image's pixels
 * move with the map (the same pixels as a fresh drawing: the map moved by
 * whole pixels), and only the bands it uncovers are drawn, with the
 * cached options. */
static void
draw_scrolled (HwEcomapCache *cache,
               HwEcomapMap   *map,
               int            sx,
               int            sy,
               double         pan_x,
               double         pan_y)
{
  g_autoptr(GArray) damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  int width = cairo_image_surface_get_width (cache->image);
  int height = cairo_image_surface_get_height (cache->image);
  int stride = cairo_image_surface_get_stride (cache->image);
  int kept = (width - ABS (sx)) * 4;
  int dst_x = MAX (sx, 0), src_x = MAX (-sx, 0);
  guint8 *data;

  cairo_surface_flush (cache->image);
  data = cairo_image_surface_get_data (cache->image);
  /* each row of the new image takes the old row @sy above it: in the
   * order that reads every old row before it is written over */
  if (sy >= 0)
    for (int y = height - 1; y >= sy; y--)
      memmove (data + (gsize) y * stride + dst_x * 4, data + (gsize) (y - sy) * stride + src_x * 4, kept);
  else
    for (int y = 0; y < height + sy; y++)
      memmove (data + (gsize) y * stride + dst_x * 4, data + (gsize) (y - sy) * stride + src_x * 4, kept);
  cairo_surface_mark_dirty (cache->image);
  cache->pan_x = pan_x;
  cache->pan_y = pan_y;

  /* the columns uncovered, the whole height; then the rows uncovered,
   * beside them */
  add_band (damage, sx > 0 ? 0 : width + sx, 0, ABS (sx), height);
  add_band (damage, MAX (sx, 0), sy > 0 ? 0 : height + sy, width - ABS (sx), ABS (sy));
  redraw_rects (cache, map, &cache->options, damage);
}

HwEcomapCacheResult
hw_ecomap_cache_draw (HwEcomapCache             *cache,
                      HwEcomapMap               *map,
                      cairo_t                   *cr,
                      int                        width,
                      int                        height,
                      int                        scale,
                      double                     zoom,
                      double                     pan_x,
                      double                     pan_y,
                      const HwEcomapDrawOptions *options,
                      HwEcomapCacheMode          mode)
{
  static const HwEcomapDrawOptions defaults = { 0 };
  HwEcomapCacheResult result = HW_ECOMAP_CACHE_HIT;
  gboolean same_map;
  double dx = pan_x - cache->pan_x, dy = pan_y - cache->pan_y;

  g_return_val_if_fail (cache != NULL, HW_ECOMAP_CACHE_DRAWN);
  g_return_val_if_fail (map != NULL, HW_ECOMAP_CACHE_DRAWN);
  g_return_val_if_fail (cr != NULL, HW_ECOMAP_CACHE_DRAWN);

  if (options == NULL)
    options = &defaults;
  scale = MAX (scale, 1);
  if (width <= 0 || height <= 0 || !(zoom > 0))
    return HW_ECOMAP_CACHE_DRAWN;

  same_map = cache->image != NULL && cache->generation == map->generation &&
             options_alike (&cache->options, options) && cache->scale == scale;

  if (same_map && mode == HW_ECOMAP_CACHE_SCALED_OK && same_selection (&cache->options, options) &&
      (zoom != cache->zoom || !whole_pixels (dx, scale) || !whole_pixels (dy, scale)))
    {
      /* image units -> map -> the view asked for */
      cairo_save (cr);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_translate (cr, pan_x, pan_y);
      cairo_scale (cr, zoom / cache->zoom, zoom / cache->zoom);
      cairo_translate (cr, -MARGIN - cache->pan_x, -MARGIN - cache->pan_y);
      cairo_set_source_surface (cr, cache->image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
      cairo_paint (cr);
      cairo_restore (cr);
      return HW_ECOMAP_CACHE_SCALED;
    }

  if (!same_map || zoom != cache->zoom || width != cache->width || height != cache->height ||
      !whole_pixels (dx, scale) || !whole_pixels (dy, scale))
    {
      draw_fresh (cache, map, width, height, scale, zoom, pan_x, pan_y, options);
      dx = dy = 0;
      result = HW_ECOMAP_CACHE_DRAWN;
    }
  else if (fabs (dx) > MARGIN || fabs (dy) > MARGIN)
    {
      int sx = (int) round (dx * scale), sy = (int) round (dy * scale);
      gint64 image_w = cairo_image_surface_get_width (cache->image);
      gint64 image_h = cairo_image_surface_get_height (cache->image);
      gint64 kept_w = MAX (image_w - ABS (sx), 0), kept_h = MAX (image_h - ABS (sy), 0);

      /* a jump that keeps less than half of the image: drawn afresh (the
       * bands would cost as much, in more passes) */
      if (kept_w * kept_h * 2 < image_w * image_h)
        {
          draw_fresh (cache, map, width, height, scale, zoom, pan_x, pan_y, options);
          result = HW_ECOMAP_CACHE_DRAWN;
        }
      else
        {
          draw_scrolled (cache, map, sx, sy, pan_x, pan_y);
          result = HW_ECOMAP_CACHE_SCROLLED;
          if (!same_selection (&cache->options, options))
            draw_reselected (cache, map, options);
        }
      dx = dy = 0;
    }
  else if (!same_selection (&cache->options, options))
    {
      draw_reselected (cache, map, options);
      result = HW_ECOMAP_CACHE_RESELECTED;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, cache->image, -MARGIN + round (dx * scale) / scale,
                            -MARGIN + round (dy * scale) / scale);
  /* whole pixels: nothing to filter, and the fastest copy */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  return result;
}
