/* hw-ecomap-cache.h: the editor's map, drawn once into an image and
 * painted again while only the view moves.
 *
 * A full redraw of a large map costs more than a frame (issue 18): every
 * tie is a long antialiased stroke. Panning does not change what the map
 * looks like, only where it is, so the cache keeps one image of the map at
 * the current zoom, a margin wider than the window, and a pan frame only
 * paints it at an offset of whole device pixels: the same pixels as a
 * fresh drawing; a pan out of the margin moves the image's pixels and
 * draws only the bands that uncovers. A large map's margin is drawn
 * after the window, between frames (hw_ecomap_cache_fill ()). An edit (hw_ecomap_map_layout, a
 * move, a new map of the same family) draws it again only where what
 * changed was and is, or whole when that is much of it; a new size keeps
 * what the old image holds of the new one and draws the rest; the zoom
 * draws it again (once a zoom rests on a large map, a piece a frame:
 * HW_ECOMAP_CACHE_PROGRESSIVE); a change of selection
 * (a click on a node, Tab to the next) draws it again only around the
 * rings and halos that go or come: at full detail, a whole drawing of a
 * large map takes several frames.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>

#include "hw-ecomap-render.h"

G_BEGIN_DECLS

typedef struct _HwEcomapCache HwEcomapCache;

typedef enum {
  /* the frame is drawn afresh unless the cache holds it exactly */
  HW_ECOMAP_CACHE_EXACT,
  /* during a zoom gesture: an image drawn at another zoom may be painted
   * scaled (a little soft for that frame); the caller draws exactly again
   * once the gesture rests */
  HW_ECOMAP_CACHE_SCALED_OK,
  /* once a zoom gesture rests: as EXACT, but a large map at its new zoom
   * (and maybe with another selection) may be drawn over several frames,
   * the window first, each frame within the cache's budget: until it is
   * whole the frame shows the last image scaled with what is drawn over
   * it, and says HW_ECOMAP_CACHE_PARTIAL */
  HW_ECOMAP_CACHE_PROGRESSIVE,
} HwEcomapCacheMode;

typedef enum {
  /* drawn afresh (and kept); a large map's margin left to draw
   * (hw_ecomap_cache_fill ()) */
  HW_ECOMAP_CACHE_DRAWN,
  HW_ECOMAP_CACHE_HIT,      /* painted from the cache: the same pixels */
  HW_ECOMAP_CACHE_SCALED,   /* painted from the cache at another zoom */
  /* only the selection changed: the cache drawn again where it was and
   * is (a fresh drawing, but for a few pixels a level or two off where
   * cairo cut a shape's rows at those places' edges), then painted */
  HW_ECOMAP_CACHE_RESELECTED,
  /* a pan out of the margin: the image moved with the map, and drawn
   * only where that uncovered (a fresh drawing, but for a few pixels as
   * above, along the bands' edges; for a large map only the window's
   * part of them, the rest left to draw), then painted; any change of
   * selection drawn as above */
  HW_ECOMAP_CACHE_SCROLLED,
  /* the map changed (an edit), the view as drawn: the image drawn again
   * only where something that changed was or is (hw_ecomap_map_items ();
   * a fresh drawing, but for a few pixels as above, along those places'
   * edges), and where the selection was and is, then painted. An edit
   * that changed much of the view is drawn afresh (DRAWN). */
  HW_ECOMAP_CACHE_EDITED,
  /* a new size, the view where it was (or panned by whole pixels): the
   * image takes the new size with the old one's pixels where they
   * overlap, and the bands around them are drawn (a fresh drawing, but
   * for a few pixels as above, along the bands' edges; for a large map
   * only the window's part of them, the rest left to draw); any change of
   * selection drawn as above. A size that keeps less than half of the
   * image is drawn afresh (DRAWN). */
  HW_ECOMAP_CACHE_RESIZED,
  /* PROGRESSIVE: part of the view drawn at its zoom, over the last image
   * scaled; the caller draws another frame (with the same view) to go on */
  HW_ECOMAP_CACHE_PARTIAL,
} HwEcomapCacheResult;

HwEcomapCache      *hw_ecomap_cache_new        (void);
void                hw_ecomap_cache_free       (HwEcomapCache *cache);
/* Forgets the image: the next frame is drawn afresh (on the same
 * memory). */
void                hw_ecomap_cache_invalidate (HwEcomapCache *cache);
/* How long (microseconds) a PROGRESSIVE frame may draw: after its first
 * piece, it draws another only if that should end within the budget, as
 * long as the last piece took (default HW_ECOMAP_CACHE_BUDGET_US; 0: one
 * piece a frame, for tests). */
void                hw_ecomap_cache_set_budget (HwEcomapCache *cache,
                                                gint64         budget_us);

#define HW_ECOMAP_CACHE_BUDGET_US 3000
/* maps with fewer nodes are drawn whole, at once, in PROGRESSIVE mode too
 * (they take a few milliseconds) */
#define HW_ECOMAP_CACHE_PROGRESSIVE_NODES 100

/**
 * hw_ecomap_cache_draw:
 * @cr: drawn on in its user space, the area (0, 0, @width, @height)
 * @scale: device pixels per unit of @cr (the window's scale factor)
 * @zoom, @pan_x, @pan_y: the view: device = map * zoom + pan (in @cr's units)
 * @options: (nullable): as for hw_ecomap_draw_map
 *
 * Paints white and the map, as hw_ecomap_draw_map would after
 * cairo_translate (pan) and cairo_scale (zoom), from the cache when it can.
 */
HwEcomapCacheResult hw_ecomap_cache_draw       (HwEcomapCache             *cache,
                                                HwEcomapMap               *map,
                                                cairo_t                   *cr,
                                                int                        width,
                                                int                        height,
                                                int                        scale,
                                                double                     zoom,
                                                double                     pan_x,
                                                double                     pan_y,
                                                const HwEcomapDrawOptions *options,
                                                HwEcomapCacheMode          mode);

/* A large map's margin (what a pan within it shows) is drawn after the
 * window: hw_ecomap_cache_draw () draws the window's part of the image,
 * and leaves the rest of a fresh drawing, of a new size or of a pan out
 * of the margin for later. While hw_ecomap_cache_needs_fill () says so,
 * the caller calls hw_ecomap_cache_fill () between frames (when idle)
 * with the map last drawn: it draws a piece, and more while within the
 * budget, nearest the window first, and says whether some is left. A
 * frame that shows some of what is left draws it first. */
gboolean            hw_ecomap_cache_needs_fill (HwEcomapCache             *cache);
gboolean            hw_ecomap_cache_fill       (HwEcomapCache             *cache,
                                                HwEcomapMap               *map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwEcomapCache, hw_ecomap_cache_free)

G_END_DECLS
