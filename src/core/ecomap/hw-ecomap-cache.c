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

static gboolean
options_equal (const HwEcomapDrawOptions *a,
               const HwEcomapDrawOptions *b)
{
  return a->selected_node == b->selected_node && a->selected_tie == b->selected_tie &&
         a->connect_from == b->connect_from && !a->show_sectors == !b->show_sectors &&
         a->exclude_node == b->exclude_node && a->only_node == b->only_node &&
         !a->fine_curves == !b->fine_curves;
}

/* @v moved by a whole number of device pixels (within a rounding error) */
static gboolean
whole_pixels (double v,
              int    scale)
{
  double d = v * scale;

  return fabs (d - round (d)) < 1e-6;
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
  cairo_t *cr;

  g_clear_pointer (&cache->image, cairo_surface_destroy);
  cache->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (width + 2 * MARGIN) * scale,
                                             (height + 2 * MARGIN) * scale);
  cairo_surface_set_device_scale (cache->image, scale, scale);
  cr = cairo_create (cache->image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* a whole number of device pixels from where the window's view puts the
   * map: drawn exactly as it would be in the window */
  cairo_translate (cr, MARGIN, MARGIN);
  cairo_translate (cr, pan_x, pan_y);
  cairo_scale (cr, zoom, zoom);
  hw_ecomap_draw_map (map, cr, options);
  cairo_destroy (cr);
  cairo_surface_flush (cache->image);

  cache->generation = map->generation;
  cache->options = *options;
  cache->width = width;
  cache->height = height;
  cache->scale = scale;
  cache->zoom = zoom;
  cache->pan_x = pan_x;
  cache->pan_y = pan_y;
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
             options_equal (&cache->options, options) && cache->scale == scale;

  if (same_map && mode == HW_ECOMAP_CACHE_SCALED_OK &&
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
      !whole_pixels (dx, scale) || !whole_pixels (dy, scale) ||
      fabs (dx) > MARGIN || fabs (dy) > MARGIN)
    {
      draw_fresh (cache, map, width, height, scale, zoom, pan_x, pan_y, options);
      dx = dy = 0;
      result = HW_ECOMAP_CACHE_DRAWN;
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
