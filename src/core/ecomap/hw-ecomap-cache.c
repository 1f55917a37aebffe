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

/* An image's memory, kept from one image to the next: a new image that
 * fits in it takes the same memory, which the process has already been
 * given. Memory new to the process costs a page fault on its first
 * touch: an image of 1920x1080 and its margin, 13 MB, took about 10 ms of
 * them (bench-ecomap --resize), more than drawing a map of 60 nodes.
 * @data is reference counted (a GRcBox): a frame painted from it holds a
 * reference (set_source_pixels ()). */
typedef struct
{
  guint8 *data;
  gsize   size;
} Pixels;

/* What a frame paints from: an image's pixels as they are when the frame
 * is played, not a snapshot of them (set_source_pixels ()) */
typedef struct
{
  guint8 *data;     /* a reference to a Pixels' data */
  int     width, height, stride;
} Painted;

struct _HwEcomapCache
{
  cairo_surface_t     *image;        /* on @pixels */
  Pixels               pixels;
  Pixels               scratch;      /* redraw_rects ()' */
  guint                generation;   /* the map's, when drawn */
  GArray              *items;        /* and its HwEcomapItem (whenever @image is) */
  HwEcomapDrawOptions  options;
  int                  width, height, scale;
  double               zoom, pan_x, pan_y;
  /* device pixels of @image not drawn yet (white): a large map's margin,
   * drawn by hw_ecomap_cache_fill () between frames, or by a frame that
   * shows some of it (NULL: none) */
  cairo_region_t      *missing;
  cairo_rectangle_int_t shown;       /* device pixels of @image the last frame showed */

  /* PROGRESSIVE: the view asked for, drawn into @next piece by piece
   * (the same map, size and scale as @image; the same options but,
   * maybe, what is selected); once whole, @next and its pixels are the
   * image's, and the image's pixels @next's for the next view */
  cairo_surface_t     *next;         /* on @next_pixels */
  Pixels               next_pixels;
  double               next_zoom, next_pan_x, next_pan_y;
  HwEcomapDrawOptions  next_options;
  GArray              *next_todo;    /* cairo_rectangle_int_t, the last first */
  cairo_region_t      *next_done;    /* device pixels of @next drawn */
  gint64               budget_us;
};

static void
pixels_clear (Pixels *pixels)
{
  g_clear_pointer (&pixels->data, g_rc_box_release);
  pixels->size = 0;
}

/* A new image of @width x @height device pixels on @pixels (their memory
 * made larger if it has to be: what it held is lost), @scale device
 * pixels to a unit. What it shows is left as the memory holds it: the
 * caller draws all of it. No other image may be on @pixels but one
 * finished (image_done ()). */
/* At least @size bytes at @pixels (more memory if it has less: what it
 * held is lost) */
static void
pixels_reserve (Pixels *pixels,
                gsize   size)
{
  if (size <= pixels->size)
    return;
  pixels_clear (pixels);
  pixels->data = g_rc_box_alloc (size);
  pixels->size = size;
}

static cairo_surface_t *
image_on (Pixels *pixels,
          int     width,
          int     height,
          int     scale)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  cairo_surface_t *image;

  pixels_reserve (pixels, (gsize) stride * height);
  image = cairo_image_surface_create_for_data (pixels->data, CAIRO_FORMAT_ARGB32, width, height,
                                               stride);
  cairo_surface_set_device_scale (image, scale, scale);
  return image;
}

/* Finishes *@image, so that its memory can be written to or freed: a
 * copy that cairo keeps of it (a recording it was painted into, as
 * GTK's cairo nodes are) takes its pixels first. */
static void
image_done (cairo_surface_t **image)
{
  if (*image == NULL)
    return;
  cairo_surface_finish (*image);
  g_clear_pointer (image, cairo_surface_destroy);
}

static void
painted_clear (gpointer data)
{
  Painted *painted = data;

  g_rc_box_release (painted->data);
}

static cairo_surface_t *
painted_acquire (cairo_pattern_t             *pattern,
                 void                        *data,
                 cairo_surface_t             *target,
                 const cairo_rectangle_int_t *extents)
{
  Painted *painted = data;

  return cairo_image_surface_create_for_data (painted->data, CAIRO_FORMAT_ARGB32, painted->width,
                                              painted->height, painted->stride);
}

static void
painted_release (cairo_pattern_t *pattern,
                 void            *data,
                 cairo_surface_t *surface)
{
  cairo_surface_destroy (surface);
}

static cairo_status_t
painted_copy (cairo_pattern_t       *pattern,
              void                  *data,
              const cairo_pattern_t *other)
{
  g_rc_box_acquire (data);
  return CAIRO_STATUS_SUCCESS;
}

static void
painted_finish (cairo_pattern_t *pattern,
                void            *data)
{
  g_rc_box_release_full (data, painted_clear);
}

/* Sets @cr's source to @image (on @pixels) with its top left at @x, @y,
 * as cairo_set_source_surface () would, but as a raster source: cairo
 * reads the pixels when the frame is played. Painted into a recording (a
 * GTK cairo node, which the widget keeps until its next frame is made), a
 * surface keeps a snapshot, and cairo copies the whole image before the
 * cache next changes or drops it (13 MB at 1920x1080, and as many page
 * faults). GTK plays a node before the widget draws again; a node played
 * later shows the pixels as they are then, and the memory stays while a
 * node holds it. */
static void
set_source_pixels (cairo_t         *cr,
                   cairo_surface_t *image,
                   Pixels          *pixels,
                   double           x,
                   double           y)
{
  Painted *painted = g_rc_box_new (Painted);
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  double scale_x, scale_y;

  painted->data = g_rc_box_acquire (pixels->data);
  painted->width = cairo_image_surface_get_width (image);
  painted->height = cairo_image_surface_get_height (image);
  painted->stride = cairo_image_surface_get_stride (image);
  pattern = cairo_pattern_create_raster_source (painted, CAIRO_CONTENT_COLOR_ALPHA, painted->width,
                                                painted->height);
  cairo_raster_source_pattern_set_acquire (pattern, painted_acquire, painted_release);
  cairo_raster_source_pattern_set_copy (pattern, painted_copy);
  cairo_raster_source_pattern_set_finish (pattern, painted_finish);
  /* user space -> the image's device pixels (a raster source has no
   * device scale of its own) */
  cairo_surface_get_device_scale (image, &scale_x, &scale_y);
  cairo_matrix_init_scale (&matrix, scale_x, scale_y);
  cairo_matrix_translate (&matrix, -x, -y);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
}

HwEcomapCache *
hw_ecomap_cache_new (void)
{
  HwEcomapCache *cache = g_new0 (HwEcomapCache, 1);

  cache->budget_us = HW_ECOMAP_CACHE_BUDGET_US;
  return cache;
}

static void
drop_next (HwEcomapCache *cache)
{
  image_done (&cache->next);
  g_clear_pointer (&cache->next_todo, g_array_unref);
  g_clear_pointer (&cache->next_done, cairo_region_destroy);
}

void
hw_ecomap_cache_free (HwEcomapCache *cache)
{
  if (cache == NULL)
    return;
  drop_next (cache);
  image_done (&cache->image);
  g_clear_pointer (&cache->missing, cairo_region_destroy);
  pixels_clear (&cache->pixels);
  pixels_clear (&cache->next_pixels);
  pixels_clear (&cache->scratch);
  g_clear_pointer (&cache->items, g_array_unref);
  g_free (cache);
}

void
hw_ecomap_cache_invalidate (HwEcomapCache *cache)
{
  g_return_if_fail (cache != NULL);
  drop_next (cache);
  image_done (&cache->image);
  g_clear_pointer (&cache->missing, cairo_region_destroy);
  g_clear_pointer (&cache->items, g_array_unref);
}

void
hw_ecomap_cache_set_budget (HwEcomapCache *cache,
                            gint64         budget_us)
{
  g_return_if_fail (cache != NULL);
  cache->budget_us = MAX (budget_us, 0);
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
view_matrix (double          zoom,
             double          pan_x,
             double          pan_y,
             cairo_matrix_t *matrix)
{
  cairo_matrix_init_translate (matrix, MARGIN, MARGIN);
  cairo_matrix_translate (matrix, pan_x, pan_y);
  cairo_matrix_scale (matrix, zoom, zoom);
}

static void
image_matrix (const HwEcomapCache *cache,
              cairo_matrix_t      *matrix)
{
  view_matrix (cache->zoom, cache->pan_x, cache->pan_y, matrix);
}

/* The map the image is a drawing of: its generation, and its items for
 * an edit (draw_edited ()) once the map is gone */
static void
set_map (HwEcomapCache *cache,
         HwEcomapMap   *map)
{
  cache->generation = map->generation;
  if (cache->items == NULL)
    cache->items = g_array_new (FALSE, FALSE, sizeof (HwEcomapItem));
  g_array_set_size (cache->items, 0);
  hw_ecomap_map_items (map, cache->items);
}

/* Where a shape is cut by a clip's edge, cairo rasterises the pixels
 * along that edge a level or so differently from the whole shape: the
 * damage is drawn with this many device pixels more all round, and those
 * are left out. */
#define CLEAN_EDGE 4
#define PIECE      128

/* @rect cut to @within; FALSE if nothing is left */
static gboolean
intersect (cairo_rectangle_int_t       *rect,
           const cairo_rectangle_int_t *within)
{
  int x1 = MAX (rect->x, within->x), y1 = MAX (rect->y, within->y);
  int x2 = MIN (rect->x + rect->width, within->x + within->width);
  int y2 = MIN (rect->y + rect->height, within->y + within->height);

  if (x2 <= x1 || y2 <= y1)
    return FALSE;
  *rect = (cairo_rectangle_int_t) { x1, y1, x2 - x1, y2 - y1 };
  return TRUE;
}

/* Draws @rect (device pixels of @target) again as draw_fresh () drew it,
 * over white, clipped to it; the rest of @target stays. Where the clip
 * cuts a shape at a side, cairo rasterises the pixels along that side a
 * level or so off a whole drawing (so redraw_rects_into () draws around
 * a rectangle with a clean edge); a band as wide as the image cuts no
 * pixel row (cairo rasterises row by row): the same pixels as a fresh
 * drawing. */
static void
draw_clipped (cairo_surface_t             *target,
              const cairo_matrix_t        *matrix,
              int                          scale,
              HwEcomapMap                 *map,
              const HwEcomapDrawOptions   *options,
              const cairo_rectangle_int_t *rect)
{
  cairo_t *cr = cairo_create (target);

  cairo_rectangle (cr, (double) rect->x / scale, (double) rect->y / scale,
                   (double) rect->width / scale, (double) rect->height / scale);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_transform (cr, matrix);
  hw_ecomap_draw_map (map, cr, options);
  cairo_destroy (cr);
}

/* Draws the device pixel rectangles @damage of @target again, as
 * draw_fresh () drew them but with @options; the rest of it stays. A
 * rectangle as wide as @target is drawn straight into it
 * (draw_clipped ()). Another is drawn onto a scratch image (on @scratch)
 * with CLEAN_EDGE pixels more all round, then the rectangle copied in. */
static void
redraw_rects_into (cairo_surface_t           *target,
                   const cairo_matrix_t      *matrix,
                   int                        scale,
                   HwEcomapMap               *map,
                   const HwEcomapDrawOptions *options,
                   GArray                    *damage,
                   Pixels                    *scratch)
{
  int width = cairo_image_surface_get_width (target);
  int height = cairo_image_surface_get_height (target);
  cairo_rectangle_int_t image = { 0, 0, width, height };

  cairo_surface_flush (target);
  for (guint i = 0; i < damage->len; i++)
    {
      const cairo_rectangle_int_t *r = &g_array_index (damage, cairo_rectangle_int_t, i);
      /* with its clean edge, within the image: the scratch image, at the
       * same device pixels as the image (an offset of whole pixels) */
      cairo_rectangle_int_t edged = { r->x - CLEAN_EDGE, r->y - CLEAN_EDGE, r->width + 2 * CLEAN_EDGE,
                                      r->height + 2 * CLEAN_EDGE };
      cairo_surface_t *piece;
      cairo_t *cr;

      if (r->x == 0 && r->width == width)
        {
          draw_clipped (target, matrix, scale, map, options, r);
          continue;
        }
      if (!intersect (&edged, &image))
        continue;
      piece = image_on (scratch, edged.width, edged.height, scale);
      cairo_surface_set_device_offset (piece, -edged.x, -edged.y);

      /* one rectangle at a time: a clip of several is cut into bands, and
       * a shape is cut at each band's edge too */
      draw_clipped (piece, matrix, scale, map, options, &edged);

      /* the rectangle itself copied in, pixel for pixel */
      cr = cairo_create (target);
      cairo_rectangle (cr, (double) r->x / scale, (double) r->y / scale, (double) r->width / scale,
                       (double) r->height / scale);
      cairo_clip (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, piece, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
      cairo_paint (cr);
      cairo_destroy (cr);
      image_done (&piece);
    }
  cairo_surface_flush (target);
}

/* the same, into the cache's image */
static void
redraw_rects (HwEcomapCache             *cache,
              HwEcomapMap               *map,
              const HwEcomapDrawOptions *options,
              GArray                    *damage)
{
  cairo_matrix_t matrix;

  /* map -> device pixels of the image, as draw_fresh () places the map */
  image_matrix (cache, &matrix);
  redraw_rects_into (cache->image, &matrix, cache->scale, map, options, damage, &cache->scratch);
}

/* Whether @map's margin is left for later (hw_ecomap_cache_fill ()) when
 * the image is drawn afresh or takes a new size: a whole drawing of a
 * large map at full detail takes several frames, and its margin (a
 * quarter of the rows at 1920x1080) is out of sight until a pan. */
static gboolean
lazy_margin (HwEcomapMap *map)
{
  return map->nodes->len >= HW_ECOMAP_CACHE_PROGRESSIVE_NODES;
}

/* Adds @region (device pixels of the image) to what the image has still
 * to draw, and paints it white until then (as a zoom's scaled frames show
 * it). */
static void
add_missing (HwEcomapCache  *cache,
             cairo_region_t *region)
{
  int scale = cache->scale;
  cairo_t *cr;

  if (cairo_region_is_empty (region))
    return;
  if (cache->missing == NULL)
    cache->missing = cairo_region_create ();
  cairo_region_union (cache->missing, region);
  cr = cairo_create (cache->image);
  for (int i = 0; i < cairo_region_num_rectangles (region); i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (region, i, &r);
      cairo_rectangle (cr, (double) r.x / scale, (double) r.y / scale, (double) r.width / scale,
                       (double) r.height / scale);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_destroy (cr);
}

/* The image's pixels moved by @sx, @sy device pixels (a pan, a new
 * size) to @kept: what it had still to draw moves with them. */
static void
shift_missing (HwEcomapCache               *cache,
               int                          sx,
               int                          sy,
               const cairo_rectangle_int_t *kept)
{
  if (cache->missing == NULL)
    return;
  cairo_region_translate (cache->missing, sx, sy);
  cairo_region_intersect_rectangle (cache->missing, kept);
  if (cairo_region_is_empty (cache->missing))
    g_clear_pointer (&cache->missing, cairo_region_destroy);
}

/* The same, and the image's pixels outside @kept (the bands around it)
 * have all to be drawn. */
static void
move_missing (HwEcomapCache               *cache,
              int                          sx,
              int                          sy,
              const cairo_rectangle_int_t *kept)
{
  cairo_rectangle_int_t image = { 0, 0, cairo_image_surface_get_width (cache->image),
                                  cairo_image_surface_get_height (cache->image) };
  cairo_region_t *bands = cairo_region_create_rectangle (&image);

  shift_missing (cache, sx, sy, kept);
  cairo_region_subtract_rectangle (bands, kept);
  add_missing (cache, bands);
  cairo_region_destroy (bands);
}

/* Draws what the image has still to draw within @area (device pixels of
 * the image), with the cached options; @map is the one it shows. With
 * @clip, only what falls in it, but for a band as wide as the image,
 * drawn whole (as a fresh drawing draws it: a clip cutting its rows
 * would leave pixels along the cut a level or so off). */
static void
draw_missing (HwEcomapCache               *cache,
              HwEcomapMap                 *map,
              const cairo_rectangle_int_t *area,
              const cairo_rectangle_int_t *clip)
{
  g_autoptr(GArray) damage = NULL;
  int width;
  cairo_region_t *todo;

  if (cache->missing == NULL)
    return;
  width = cairo_image_surface_get_width (cache->image);
  todo = cairo_region_copy (cache->missing);
  cairo_region_intersect_rectangle (todo, area);
  damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  for (int i = 0; i < cairo_region_num_rectangles (todo); i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (todo, i, &r);
      if (clip != NULL && !(r.x == 0 && r.width == width) && !intersect (&r, clip))
        continue;
      g_array_append_val (damage, r);
      cairo_region_subtract_rectangle (cache->missing, &r);
    }
  cairo_region_destroy (todo);
  if (damage->len > 0)
    redraw_rects (cache, map, &cache->options, damage);
  if (cairo_region_is_empty (cache->missing))
    g_clear_pointer (&cache->missing, cairo_region_destroy);
}

/* What the image has still to draw, drawn now unless @map's margin is
 * left for later (lazy_margin ()): a small map's takes a few
 * milliseconds. (For a large map, hw_ecomap_cache_draw () draws the
 * window's part of it before the frame is painted, and
 * hw_ecomap_cache_fill () the rest.) A region cuts the bands around the
 * pixels kept in rows: those as wide as the image are drawn straight
 * into it, the rest with a clean edge (redraw_rects ()). */
static void
draw_unless_lazy (HwEcomapCache *cache,
                  HwEcomapMap   *map)
{
  cairo_rectangle_int_t image = { 0, 0, cairo_image_surface_get_width (cache->image),
                                  cairo_image_surface_get_height (cache->image) };

  if (!lazy_margin (map))
    draw_missing (cache, map, &image, NULL);
}

/* The image drawn afresh for the view, with @options: whole, or for a
 * large map the window's rows, the margin left to draw (lazy_margin ()) */
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

  set_map (cache, map);
  cache->options = *options;
  cache->width = width;
  cache->height = height;
  cache->scale = scale;
  cache->zoom = zoom;
  cache->pan_x = pan_x;
  cache->pan_y = pan_y;

  drop_next (cache);
  image_done (&cache->image);
  cache->image = image_on (&cache->pixels, (width + 2 * MARGIN) * scale,
                           (height + 2 * MARGIN) * scale, scale);
  g_clear_pointer (&cache->missing, cairo_region_destroy);
  image_matrix (cache, &matrix);
  if (lazy_margin (map))
    {
      /* the window's rows, as wide as the image (no clean edge needed);
       * the margin above and below them later */
      int w = cairo_image_surface_get_width (cache->image);
      cairo_rectangle_int_t rows = { 0, MARGIN * scale, w, height * scale };

      draw_clipped (cache->image, &matrix, scale, map, options, &rows);
      move_missing (cache, 0, 0, &rows);
    }
  else
    {
      cairo_t *cr = cairo_create (cache->image);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_transform (cr, &matrix);
      hw_ecomap_draw_map (map, cr, options);
      cairo_destroy (cr);
    }
  cairo_surface_flush (cache->image);
}

/* @box (map units) in device pixels of an image @width x @height drawn
 * with @matrix, a pixel more all round for antialiasing; FALSE if it
 * falls outside */
static gboolean
box_pixels (const HwEcomapBox    *box,
            const cairo_matrix_t *matrix,
            int                   scale,
            int                   width,
            int                   height,
            cairo_rectangle_int_t *rect)
{
  double x1 = box->x1, y1 = box->y1, x2 = box->x2, y2 = box->y2;
  int px1, py1, px2, py2;

  cairo_matrix_transform_point (matrix, &x1, &y1);
  cairo_matrix_transform_point (matrix, &x2, &y2);
  px1 = MAX (0, (int) floor (MIN (x1, x2) * scale) - 1);
  py1 = MAX (0, (int) floor (MIN (y1, y2) * scale) - 1);
  px2 = MIN (width, (int) ceil (MAX (x1, x2) * scale) + 1);
  py2 = MIN (height, (int) ceil (MAX (y1, y2) * scale) + 1);
  if (px2 <= px1 || py2 <= py1)
    return FALSE;
  *rect = (cairo_rectangle_int_t) { px1, py1, px2 - px1, py2 - py1 };
  return TRUE;
}

/* Where @map draws the cached selection and @options' (their rings and
 * halos), in boxes along at most @piece map units of a tie */
static void
selection_boxes (HwEcomapCache             *cache,
                 HwEcomapMap               *map,
                 const HwEcomapDrawOptions *options,
                 double                     piece,
                 GArray                    *boxes)
{
  hw_ecomap_map_selection_boxes (map, cache->options.selected_node, cache->options.selected_tie,
                                 piece, boxes);
  hw_ecomap_map_selection_boxes (map, cache->options.connect_from, 0, piece, boxes);
  hw_ecomap_map_selection_boxes (map, options->selected_node, options->selected_tie, piece, boxes);
  hw_ecomap_map_selection_boxes (map, options->connect_from, 0, piece, boxes);
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

  selection_boxes (cache, map, options, piece, boxes);
  cache->options = *options;

  /* map -> device pixels of the image, as draw_fresh () places the map */
  image_matrix (cache, &matrix);
  for (guint i = 0; i < boxes->len; i++)
    {
      cairo_rectangle_int_t rect;

      if (box_pixels (&g_array_index (boxes, HwEcomapBox, i), &matrix, scale, width, height, &rect))
        g_array_append_val (damage, rect);
    }
  redraw_rects (cache, map, options, damage);
}

/* After an edit, the places to draw again are gathered in tiles of this
 * many device pixels, and each row of tiles in runs: a pass over the map
 * for each run (runs of the same columns in rows one under the other are
 * one), so that a long slanting tie is a staircase, not its whole box.
 * Small, because a place near the household, where every tie to it
 * begins, costs a stroke of each of them: bench-ecomap --edit at 1,000
 * nodes, a median edit drawn in part took 11.4 ms in tiles of 128, 9.3
 * in tiles of 64 and 8.8 in tiles of 32. */
#define TILE 32
/* An edit that would take more passes than this, or cover more than half
 * of the image, is drawn afresh: it costs about as much (each pass goes
 * over the whole map, on its own scratch image). */
#define EDIT_MAX_PASSES 40

/* @map is @cache's map after an edit (the view and options alike): draws
 * the image again only where an item that changed was drawn and is
 * (hw_ecomap_map_items ()), and where the selection was and is. FALSE if
 * that is too much (EDIT_MAX_PASSES, half the image): nothing done. */
static gboolean
draw_edited (HwEcomapCache             *cache,
             HwEcomapMap               *map,
             const HwEcomapDrawOptions *options)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (HwEcomapItem));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (HwEcomapBox));
  g_autoptr(GArray) damage = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  int width = cairo_image_surface_get_width (cache->image);
  int height = cairo_image_surface_get_height (cache->image);
  int cols = (width + TILE - 1) / TILE, rows = (height + TILE - 1) / TILE;
  g_autofree guint8 *tiles = g_new0 (guint8, (gsize) cols * rows);
  double piece = TILE / (cache->zoom * cache->scale);
  GArray *old = cache->items;
  gint64 area = 0;
  cairo_matrix_t matrix;
  guint i = 0, j = 0;

  hw_ecomap_map_items (map, items);
  /* both lists are in the same order: walk them side by side */
  while (i < old->len || j < items->len)
    {
      const HwEcomapItem *a = i < old->len ? &g_array_index (old, HwEcomapItem, i) : NULL;
      const HwEcomapItem *b = j < items->len ? &g_array_index (items, HwEcomapItem, j) : NULL;
      int order = a == NULL ? 1 : b == NULL ? -1 : hw_ecomap_item_compare (a, b);

      if (order == 0 && hw_ecomap_item_same (a, b))
        ;
      else
        {
          if (order <= 0)
            hw_ecomap_item_boxes (a, piece, boxes);
          if (order >= 0)
            hw_ecomap_item_boxes (b, piece, boxes);
        }
      i += order <= 0;
      j += order >= 0;
    }
  if (!same_selection (&cache->options, options))
    {
      /* (the old selection where the new map has it: where it moved or
       * went, its item changed, and is drawn again above) */
      selection_boxes (cache, map, options, piece, boxes);
    }

  image_matrix (cache, &matrix);
  for (guint k = 0; k < boxes->len; k++)
    {
      cairo_rectangle_int_t r;

      if (!box_pixels (&g_array_index (boxes, HwEcomapBox, k), &matrix, cache->scale, width, height, &r))
        continue;
      for (int ty = r.y / TILE; ty <= (r.y + r.height - 1) / TILE; ty++)
        for (int tx = r.x / TILE; tx <= (r.x + r.width - 1) / TILE; tx++)
          tiles[ty * cols + tx] = 1;
    }

  /* each row's runs of tiles, a run joined to the one above it when it
   * spans the same columns */
  for (int ty = 0; ty < rows; ty++)
    for (int tx = 0; tx < cols; tx++)
      {
        int end = tx;
        cairo_rectangle_int_t run;
        gboolean joined = FALSE;

        if (!tiles[ty * cols + tx])
          continue;
        while (end < cols && tiles[ty * cols + end])
          end++;
        run = (cairo_rectangle_int_t) { tx * TILE, ty * TILE, MIN (end * TILE, width) - tx * TILE,
                                        MIN ((ty + 1) * TILE, height) - ty * TILE };
        for (guint k = 0; k < damage->len && !joined; k++)
          {
            cairo_rectangle_int_t *d = &g_array_index (damage, cairo_rectangle_int_t, k);

            if (d->x == run.x && d->width == run.width && d->y + d->height == run.y)
              {
                d->height += run.height;
                joined = TRUE;
              }
          }
        if (!joined)
          g_array_append_val (damage, run);
        area += (gint64) run.width * run.height;
        tx = end;
      }
  if (damage->len > EDIT_MAX_PASSES || area * 2 > (gint64) width * height)
    return FALSE;

  cache->options = *options;
  cache->generation = map->generation;
  g_array_unref (cache->items);
  cache->items = g_steal_pointer (&items);
  redraw_rects (cache, map, options, damage);
  return TRUE;
}

/* Moves the pixels of @kept (device pixels of a new image at @to,
 * @to_stride bytes a row) from where they were in an old image at @from
 * (@from_stride bytes a row, @sx, @sy pixels from there), a row at a
 * time. In the same memory (@to == @from), in the order that reads every
 * row before another is written over it; FALSE, nothing moved, when no
 * order does (a row moving up while another moves down). */
static gboolean
move_rows (guint8                      *to,
           int                          to_stride,
           const guint8                *from,
           int                          from_stride,
           const cairo_rectangle_int_t *kept,
           int                          sx,
           int                          sy)
{
  gsize bytes = (gsize) kept->width * 4;
  int first = kept->y, last = kept->y + kept->height - 1;
#define ROW_TO(y)   ((gint64) (y) * to_stride + (gint64) kept->x * 4)
#define ROW_FROM(y) ((gint64) ((y) - sy) * from_stride + (gint64) (kept->x - sx) * 4)
  gint64 first_by = ROW_TO (first) - ROW_FROM (first), last_by = ROW_TO (last) - ROW_FROM (last);

  if (kept->width <= 0 || kept->height <= 0 || (to == from && first_by == 0 && last_by == 0))
    return TRUE;
  if (to != from || (first_by >= 0 && last_by >= 0))
    for (int y = last; y >= first; y--)
      memmove (to + ROW_TO (y), from + ROW_FROM (y), bytes);
  else if (first_by <= 0 && last_by <= 0)
    for (int y = first; y <= last; y++)
      memmove (to + ROW_TO (y), from + ROW_FROM (y), bytes);
  else
    return FALSE;
#undef ROW_TO
#undef ROW_FROM
  return TRUE;
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
  int width = cairo_image_surface_get_width (cache->image);
  int height = cairo_image_surface_get_height (cache->image);
  int stride = cairo_image_surface_get_stride (cache->image);
  cairo_rectangle_int_t kept = { MAX (sx, 0), MAX (sy, 0), width - ABS (sx), height - ABS (sy) };
  guint8 *data;

  cairo_surface_flush (cache->image);
  data = cairo_image_surface_get_data (cache->image);
  /* (a row of the same stride moves by the same bytes as every other) */
  move_rows (data, stride, data, stride, &kept, sx, sy);
  cairo_surface_mark_dirty (cache->image);
  cache->pan_x = pan_x;
  cache->pan_y = pan_y;
  /* what the pan uncovered, left to draw */
  move_missing (cache, sx, sy, &kept);
  draw_unless_lazy (cache, map);
}

/* A new size (the window's), the view where it was or panned by whole
 * pixels (@sx, @sy device pixels): the image takes the new size in the
 * same memory (more if it needs it), its pixels moved to where the new
 * size has them (the same pixels as a fresh drawing: the window's top
 * left stays where it is), and only the bands around them are drawn, with
 * the cached options. FALSE, nothing done, when less than half of the new
 * image would be kept. (The rows' move takes under a millisecond at
 * 1920x1080: a map of 12 nodes made larger took 2.5 ms, against 3.1 ms
 * drawn afresh; bench-ecomap --resize.) */
static gboolean
draw_resized (HwEcomapCache *cache,
              HwEcomapMap   *map,
              int            width,
              int            height,
              int            sx,
              int            sy,
              double         pan_x,
              double         pan_y)
{
  int scale = cache->scale;
  int new_w = (width + 2 * MARGIN) * scale, new_h = (height + 2 * MARGIN) * scale;
  int old_stride = cairo_image_surface_get_stride (cache->image);
  int new_stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, new_w);
  cairo_rectangle_int_t image = { 0, 0, new_w, new_h };
  cairo_rectangle_int_t kept = { sx, sy, cairo_image_surface_get_width (cache->image),
                                 cairo_image_surface_get_height (cache->image) };

  if (!intersect (&kept, &image) || (gint64) kept.width * kept.height * 2 < (gint64) new_w * new_h)
    return FALSE;

  image_done (&cache->image);
  if ((gsize) new_stride * new_h > cache->pixels.size ||
      !move_rows (cache->pixels.data, new_stride, cache->pixels.data, old_stride, &kept, sx, sy))
    {
      /* into new memory (a size never drawn before): the rows copied */
      Pixels old = cache->pixels;

      cache->pixels = (Pixels) { NULL, 0 };
      pixels_reserve (&cache->pixels, (gsize) new_stride * new_h);
      move_rows (cache->pixels.data, new_stride, old.data, old_stride, &kept, sx, sy);
      pixels_clear (&old);
    }
  cache->image = image_on (&cache->pixels, new_w, new_h, scale);
  cache->width = width;
  cache->height = height;
  cache->pan_x = pan_x;
  cache->pan_y = pan_y;
  /* the bands around what is kept, left to draw */
  move_missing (cache, sx, sy, &kept);
  draw_unless_lazy (cache, map);
  return TRUE;
}

/* White, and the image painted at the view asked for though drawn at
 * another zoom or pan (a little soft) */
static void
paint_scaled (HwEcomapCache *cache,
              cairo_t       *cr,
              int            width,
              int            height,
              double         zoom,
              double         pan_x,
              double         pan_y)
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
  set_source_pixels (cr, cache->image, &cache->pixels, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The pieces a view is drawn in over several frames, in device pixels of
 * an image like the cache's, the last to draw first: bands as wide as the
 * image (a piece cut at the side would leave a seam down the window): the
 * window's rows in BANDS bands from the top, then the margin's above and
 * below, in two bands each. Each piece costs a pass over the map. */
#define BANDS 16

static GArray *
progressive_pieces (int width,
                    int height,
                    int scale)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  int m = MARGIN * scale, w = width * scale, h = height * scale;
  int all_w = w + 2 * m;
  cairo_rectangle_int_t margin[] = {
    { 0, 0, all_w, m / 2 }, { 0, m / 2, all_w, m - m / 2 },
    { 0, m + h, all_w, m / 2 }, { 0, m + h + m / 2, all_w, m - m / 2 },
  };

  for (int i = G_N_ELEMENTS (margin) - 1; i >= 0; i--)
    g_array_append_val (pieces, margin[i]);
  for (int band = BANDS - 1; band >= 0; band--)
    {
      cairo_rectangle_int_t r = { 0, m + h * band / BANDS, all_w,
                                  h * (band + 1) / BANDS - h * band / BANDS };

      if (r.height > 0)
        g_array_append_val (pieces, r);
    }
  return pieces;
}

/* Draws pieces of the view (@zoom, @pan_x, @pan_y, with @options) into
 * cache->next: one, and another while it should end within the budget;
 * TRUE once the view is whole, and then it is the cache's image. */
static gboolean
draw_progressive (HwEcomapCache             *cache,
                  HwEcomapMap               *map,
                  double                     zoom,
                  double                     pan_x,
                  double                     pan_y,
                  const HwEcomapDrawOptions *options)
{
  gint64 start = g_get_monotonic_time (), now, last;
  int scale = cache->scale;
  cairo_matrix_t matrix;

  if (cache->next == NULL)
    {
      cache->next = image_on (&cache->next_pixels, cairo_image_surface_get_width (cache->image),
                              cairo_image_surface_get_height (cache->image), cache->scale);
      cache->next_zoom = zoom;
      cache->next_pan_x = pan_x;
      cache->next_pan_y = pan_y;
      cache->next_options = *options;
      cache->next_todo = progressive_pieces (cache->width, cache->height, cache->scale);
      cache->next_done = cairo_region_create ();
    }
  view_matrix (zoom, pan_x, pan_y, &matrix);
  do
    {
      gint64 piece_start = g_get_monotonic_time ();
      cairo_rectangle_int_t piece = g_array_index (cache->next_todo, cairo_rectangle_int_t,
                                                   cache->next_todo->len - 1);

      g_array_set_size (cache->next_todo, cache->next_todo->len - 1);
      /* (a band as wide as the image: no clean edge needed) */
      draw_clipped (cache->next, &matrix, scale, map, &cache->next_options, &piece);
      cairo_region_union_rectangle (cache->next_done, &piece);
      now = g_get_monotonic_time ();
      last = now - piece_start;
    }
  /* another piece only if it should end within the budget, as long as
   * the last one took */
  while (cache->next_todo->len > 0 && now - start + last <= cache->budget_us);

  if (cache->next_todo->len > 0)
    return FALSE;
  cairo_surface_flush (cache->next);
  image_done (&cache->image);
  g_clear_pointer (&cache->missing, cairo_region_destroy);
  cache->image = g_steal_pointer (&cache->next);
  {
    Pixels pixels = cache->pixels;

    cache->pixels = cache->next_pixels;
    cache->next_pixels = pixels;
  }
  cache->options = cache->next_options;
  cache->zoom = zoom;
  cache->pan_x = pan_x;
  cache->pan_y = pan_y;
  drop_next (cache);
  return TRUE;
}

/* Clips @cr (the window's units) to @region (device pixels of an image
 * like the cache's) */
static void
clip_to_region (cairo_t        *cr,
                cairo_region_t *region,
                int             scale)
{
  for (int i = 0; i < cairo_region_num_rectangles (region); i++)
    {
      cairo_rectangle_int_t r;

      cairo_region_get_rectangle (region, i, &r);
      cairo_rectangle (cr, (double) r.x / scale - MARGIN, (double) r.y / scale - MARGIN,
                       (double) r.width / scale, (double) r.height / scale);
    }
  cairo_clip (cr);
}

/* The frame while a view is drawn piece by piece: what is drawn of it,
 * and the last image scaled where it is not drawn yet (only there: that
 * painting is a good part of such a frame) */
static void
paint_partial (HwEcomapCache *cache,
               cairo_t       *cr,
               int            width,
               int            height)
{
  int scale = cache->scale;
  cairo_rectangle_int_t window = { MARGIN * scale, MARGIN * scale, width * scale, height * scale };
  cairo_region_t *rest = cairo_region_create_rectangle (&window);

  cairo_region_subtract (rest, cache->next_done);
  cairo_save (cr);
  clip_to_region (cr, rest, scale);
  paint_scaled (cache, cr, width, height, cache->next_zoom, cache->next_pan_x, cache->next_pan_y);
  cairo_restore (cr);
  cairo_region_destroy (rest);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  clip_to_region (cr, cache->next_done, scale);
  set_source_pixels (cr, cache->next, &cache->next_pixels, -MARGIN, -MARGIN);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
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
  gboolean same_look, same_map, same_sel, same_size, view_moved, progressive, edited;
  double dx = pan_x - cache->pan_x, dy = pan_y - cache->pan_y;

  g_return_val_if_fail (cache != NULL, HW_ECOMAP_CACHE_DRAWN);
  g_return_val_if_fail (map != NULL, HW_ECOMAP_CACHE_DRAWN);
  g_return_val_if_fail (cr != NULL, HW_ECOMAP_CACHE_DRAWN);

  if (options == NULL)
    options = &defaults;
  scale = MAX (scale, 1);
  if (width <= 0 || height <= 0 || !(zoom > 0))
    return HW_ECOMAP_CACHE_DRAWN;

  /* an image drawn with these options (but maybe the selection) at this
   * scale; of this very map */
  same_look = cache->image != NULL && options_alike (&cache->options, options) &&
              cache->scale == scale;
  same_map = same_look && cache->generation == map->generation;
  same_sel = same_selection (&cache->options, options);
  same_size = width == cache->width && height == cache->height;
  view_moved = zoom != cache->zoom || !whole_pixels (dx, scale) || !whole_pixels (dy, scale);
  /* an edit, the view where it was (or a pan within the margin): what
   * changed is drawn again */
  edited = same_look && cache->generation != map->generation && same_size && !view_moved &&
           fabs (dx) <= MARGIN && fabs (dy) <= MARGIN;
  /* (the selection too may change while a zoom rests: the frames drawn
   * so far show the old one where the last image is scaled) */
  progressive = mode == HW_ECOMAP_CACHE_PROGRESSIVE && same_map && view_moved && same_size &&
                map->nodes->len >= HW_ECOMAP_CACHE_PROGRESSIVE_NODES;
  /* a view drawn piece by piece goes on only while it is asked for */
  if (cache->next != NULL &&
      !(progressive && zoom == cache->next_zoom && pan_x == cache->next_pan_x &&
        pan_y == cache->next_pan_y && same_selection (&cache->next_options, options)))
    drop_next (cache);

  if (same_map && mode == HW_ECOMAP_CACHE_SCALED_OK && same_sel && view_moved)
    {
      paint_scaled (cache, cr, width, height, zoom, pan_x, pan_y);
      return HW_ECOMAP_CACHE_SCALED;
    }

  if (progressive)
    {
      if (!draw_progressive (cache, map, zoom, pan_x, pan_y, options))
        {
          paint_partial (cache, cr, width, height);
          return HW_ECOMAP_CACHE_PARTIAL;
        }
      dx = dy = 0;
      result = HW_ECOMAP_CACHE_DRAWN;
    }
  else if (edited && draw_edited (cache, map, options))
    result = HW_ECOMAP_CACHE_EDITED;
  else if (same_map && !view_moved && !same_size &&
           draw_resized (cache, map, width, height, (int) round (dx * scale),
                         (int) round (dy * scale), pan_x, pan_y))
    {
      dx = dy = 0;
      result = HW_ECOMAP_CACHE_RESIZED;
      if (!same_sel)
        draw_reselected (cache, map, options);
    }
  else if (!same_map || view_moved || !same_size)
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
          if (!same_sel)
            draw_reselected (cache, map, options);
        }
      dx = dy = 0;
    }
  else if (!same_sel)
    {
      draw_reselected (cache, map, options);
      result = HW_ECOMAP_CACHE_RESELECTED;
    }

  /* what the window shows of the image: drawn now if it is not yet */
  cache->shown = (cairo_rectangle_int_t) { MARGIN * scale - (int) round (dx * scale),
                                           MARGIN * scale - (int) round (dy * scale),
                                           width * scale, height * scale };
  draw_missing (cache, map,
                &(cairo_rectangle_int_t) { 0, cache->shown.y,
                                           cairo_image_surface_get_width (cache->image),
                                           cache->shown.height },
                &cache->shown);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_source_pixels (cr, cache->image, &cache->pixels, -MARGIN + round (dx * scale) / scale,
                     -MARGIN + round (dy * scale) / scale);
  /* whole pixels: nothing to filter, and the fastest copy */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
  return result;
}

gboolean
hw_ecomap_cache_needs_fill (HwEcomapCache *cache)
{
  g_return_val_if_fail (cache != NULL, FALSE);
  return cache->missing != NULL;
}

/* How many device pixels of the margin hw_ecomap_cache_fill () draws at
 * a time, at most: 64 rows of the image of a 1920x1080 window (each piece
 * costs a pass over the map, and delays a frame asked for while it is
 * drawn) */
#define FILL_PIXELS (64 * (1920 + 2 * MARGIN))

/* The next piece of the margin to draw: of what is left, the rectangle
 * nearest what the window showed last, its rows nearest to it, at most
 * FILL_PIXELS */
static void
next_fill_piece (HwEcomapCache         *cache,
                 cairo_rectangle_int_t *piece)
{
  const cairo_rectangle_int_t *shown = &cache->shown;
  gint64 best = G_MAXINT64;
  int rows;

  for (int i = 0; i < cairo_region_num_rectangles (cache->missing); i++)
    {
      cairo_rectangle_int_t r;
      gint64 gap_y, gap_x;

      cairo_region_get_rectangle (cache->missing, i, &r);
      gap_y = MAX (0, MAX (shown->y - (r.y + r.height), r.y - (shown->y + shown->height)));
      gap_x = MAX (0, MAX (shown->x - (r.x + r.width), r.x - (shown->x + shown->width)));
      if (gap_y + gap_x < best)
        {
          best = gap_y + gap_x;
          *piece = r;
        }
    }
  rows = MAX (FILL_PIXELS / piece->width, 1);
  if (piece->height > rows)
    {
      /* above the window: its lowest rows; else its highest */
      if (piece->y + piece->height <= shown->y)
        piece->y += piece->height - rows;
      piece->height = rows;
    }
}

gboolean
hw_ecomap_cache_fill (HwEcomapCache *cache,
                      HwEcomapMap   *map)
{
  gint64 start = g_get_monotonic_time (), now, last;

  g_return_val_if_fail (cache != NULL, FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  /* (another map: the next frame draws it first; a view being drawn
   * piece by piece replaces the image once whole) */
  if (cache->missing == NULL || cache->image == NULL || map->generation != cache->generation ||
      cache->next != NULL)
    return FALSE;
  /* (only pixels the last frame did not show change: a GTK node played
   * again shows what it showed) */
  /* a piece, and another only if it should end within the budget, as
   * long as the last one took */
  do
    {
      gint64 piece_start = g_get_monotonic_time ();
      cairo_rectangle_int_t piece;

      next_fill_piece (cache, &piece);
      draw_missing (cache, map, &piece, NULL);
      now = g_get_monotonic_time ();
      last = now - piece_start;
    }
  while (cache->missing != NULL && now - start + last <= cache->budget_us);
  return cache->missing != NULL;
}
