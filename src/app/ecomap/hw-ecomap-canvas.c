/* hw-ecomap-canvas.c: the drawing surface of the ecomap editor.
 *
 * Drawing goes through the same cairo renderer as the printout and the
 * export. While a node is dragged, the map without that node is drawn
 * once into a cached image and each frame only paints the cache and the
 * node with its ties, so a drag stays smooth on large maps. Otherwise the
 * map is drawn through a view cache (hw-ecomap-cache.h): panning paints
 * one image drawn once (moved, and drawn only where it uncovers, when the
 * pan leaves its margin), a zoom gesture paints it scaled until the wheel
 * rests (then a large map is drawn sharp over a few frames, a piece a
 * frame), a change of selection draws it again around the selection, and
 * any change to the map or the size draws it afresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap-canvas"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hw-ecomap-canvas.h"
#include "hw-ecomap-cache.h"

#define MOVE_STEP 10.0
#define DRAG_THRESHOLD 3.0
/* after the last step of a zoom, the map is drawn sharp again */
#define ZOOM_SETTLE_MS 180

struct _HwEcomapCanvas
{
  GtkWidget        parent_instance;

  HwEcomapMap     *map;
  gboolean         editable;
  gint64           selected_node;
  gint64           selected_tie;
  gint64           connect_from;

  /* view: device = map * zoom + pan */
  double           zoom;
  double           pan_x, pan_y;
  gboolean         fitted;

  /* a drag in progress */
  gint64           drag_node;
  double           drag_start_x, drag_start_y;   /* node (map) or pan (device) */
  gboolean         drag_moved;
  gboolean         panning;
  cairo_surface_t *drag_cache;

  /* the map as last drawn, for pan and zoom frames */
  HwEcomapCache      *view_cache;
  HwEcomapCacheResult last_frame;   /* what it did last (for tests) */
  gboolean         zooming;
  guint            zoom_settle_id;
  /* a view being drawn sharp piece by piece: the next frame's tick */
  guint            progress_tick_id;
  /* the view cache's margin drawn when idle (hw_ecomap_cache_fill ()) */
  guint            fill_id;
};

G_DEFINE_FINAL_TYPE (HwEcomapCanvas, hw_ecomap_canvas, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  NODE_MOVED,
  CONNECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
to_map (HwEcomapCanvas *self,
        double          x,
        double          y,
        double         *mx,
        double         *my)
{
  *mx = (x - self->pan_x) / self->zoom;
  *my = (y - self->pan_y) / self->zoom;
}

static void
apply_view (HwEcomapCanvas *self,
            cairo_t        *cr)
{
  cairo_translate (cr, self->pan_x, self->pan_y);
  cairo_scale (cr, self->zoom, self->zoom);
}

static void
draw_options (HwEcomapCanvas      *self,
              HwEcomapDrawOptions *options)
{
  memset (options, 0, sizeof *options);
  options->selected_node = self->selected_node;
  options->selected_tie = self->selected_tie;
  options->connect_from = self->connect_from;
  options->show_sectors = TRUE;
  /* drawn into images (the view cache, the drag cache): as smooth as the
   * screen has always been */
  options->fine_curves = TRUE;
}

static void
drop_cache (HwEcomapCanvas *self)
{
  g_clear_pointer (&self->drag_cache, cairo_surface_destroy);
}

/* The map without the dragged node, at the widget's size and scale. */
static void
build_cache (HwEcomapCanvas *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  HwEcomapDrawOptions options;
  cairo_t *cr;

  drop_cache (self);
  if (w <= 0 || h <= 0 || self->map == NULL)
    return;
  self->drag_cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  cairo_surface_set_device_scale (self->drag_cache, scale, scale);
  cr = cairo_create (self->drag_cache);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  apply_view (self, cr);
  draw_options (self, &options);
  options.exclude_node = self->drag_node;
  hw_ecomap_draw_map (self->map, cr, &options);
  cairo_destroy (cr);
}

static gboolean
draw_on_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  HwEcomapCanvas *self = HW_ECOMAP_CANVAS (widget);

  self->progress_tick_id = 0;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_REMOVE;
}

static gboolean
fill_cb (gpointer data)
{
  HwEcomapCanvas *self = HW_ECOMAP_CANVAS (data);

  if (self->map != NULL && hw_ecomap_cache_fill (self->view_cache, self->map))
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
hw_ecomap_canvas_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HwEcomapCanvas *self = HW_ECOMAP_CANVAS (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  HwEcomapDrawOptions options;
  cairo_t *cr;

  if (w <= 0 || h <= 0)
    return;
  if (!self->fitted && self->map != NULL)
    hw_ecomap_canvas_fit (self);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  draw_options (self, &options);
  if (self->map != NULL && !(self->drag_node != 0 && self->drag_cache != NULL))
    {
      /* once a zoom rests, a large map is drawn sharp over a few frames:
       * each draws a piece, and the next frame's tick asks for another
       * (a redraw asked for while drawing would be forgotten) */
      self->last_frame = hw_ecomap_cache_draw (self->view_cache, self->map, cr, w, h,
                                               gtk_widget_get_scale_factor (widget), self->zoom,
                                               self->pan_x, self->pan_y, &options,
                                               self->zooming ? HW_ECOMAP_CACHE_SCALED_OK
                                                             : HW_ECOMAP_CACHE_PROGRESSIVE);
      if (self->last_frame == HW_ECOMAP_CACHE_PARTIAL && self->progress_tick_id == 0)
        self->progress_tick_id = gtk_widget_add_tick_callback (widget, draw_on_cb, NULL, NULL);
      /* a large map's margin, out of sight, once nothing else is to do
       * (after redraws and input) */
      if (hw_ecomap_cache_needs_fill (self->view_cache) && self->fill_id == 0)
        self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);
    }
  else if (self->drag_node != 0 && self->drag_cache != NULL)
    {
      cairo_set_source_surface (cr, self->drag_cache, 0, 0);
      cairo_paint (cr);
      options.only_node = self->drag_node;
    }
  else
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  if (self->map != NULL && options.only_node != 0)
    {
      apply_view (self, cr);
      hw_ecomap_draw_map (self->map, cr, &options);
    }
  cairo_destroy (cr);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent = { 0.11, 0.42, 0.85, 0.6 };
      GskRoundedRect outline;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colours[4] = { accent, accent, accent, accent };

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, w - 2, h - 2), 4);
      gtk_snapshot_append_border (snapshot, &outline, widths, colours);
    }
}

static void
hw_ecomap_canvas_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
hw_ecomap_canvas_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  HwEcomapCanvas *self = HW_ECOMAP_CANVAS (widget);

  /* a new size invalidates a cached drag image (the view cache keeps
   * what its image holds of a new size, and draws the rest) */
  drop_cache (self);
}

/* Selection ---------------------------------------------------------------- */

void
hw_ecomap_canvas_select (HwEcomapCanvas *self,
                         gint64          node_id,
                         gint64          tie_id)
{
  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));

  if (self->selected_node == node_id && self->selected_tie == tie_id)
    return;
  self->selected_node = node_id;
  self->selected_tie = tie_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

gint64
hw_ecomap_canvas_get_selected_node (HwEcomapCanvas *self)
{
  g_return_val_if_fail (HW_IS_ECOMAP_CANVAS (self), 0);
  return self->selected_node;
}

gint64
hw_ecomap_canvas_get_selected_tie (HwEcomapCanvas *self)
{
  g_return_val_if_fail (HW_IS_ECOMAP_CANVAS (self), 0);
  return self->selected_tie;
}

void
hw_ecomap_canvas_select_step (HwEcomapCanvas *self,
                              int             step)
{
  int n, i;

  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));
  if (self->map == NULL || self->map->nodes->len == 0)
    return;
  n = self->map->nodes->len;
  i = hw_ecomap_map_find_node (self->map, self->selected_node);
  if (i < 0)
    i = step > 0 ? 0 : n - 1;
  else
    i = ((i + step) % n + n) % n;
  hw_ecomap_canvas_select (self, g_array_index (self->map->nodes, HwEcomapMapNode, i).id, 0);
}

void
hw_ecomap_canvas_set_connect_from (HwEcomapCanvas *self,
                                   gint64          node_id)
{
  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));
  self->connect_from = node_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
hw_ecomap_canvas_get_connect_from (HwEcomapCanvas *self)
{
  g_return_val_if_fail (HW_IS_ECOMAP_CANVAS (self), 0);
  return self->connect_from;
}

void
hw_ecomap_canvas_choose_node (HwEcomapCanvas *self,
                              gint64          node_id)
{
  gint64 from = self->connect_from;

  if (from != 0 && node_id != 0 && node_id != from)
    {
      self->connect_from = 0;
      hw_ecomap_canvas_select (self, node_id, 0);
      g_signal_emit (self, signals[CONNECT], 0, from, node_id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    hw_ecomap_canvas_select (self, node_id, 0);
}

/* Map and view -------------------------------------------------------------- */

void
hw_ecomap_canvas_set_map (HwEcomapCanvas *self,
                          HwEcomapMap    *map)
{
  gint64 node, tie;
  gint64 dragging = self->drag_node;
  double drag_x = 0, drag_y = 0;

  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));

  /* A node being dragged when someone else's change comes in stays in
   * the hand, where the pointer has it: the drag goes on over the new
   * map and is saved when dropped, as before. */
  if (dragging != 0 && self->map != NULL)
    {
      int i = hw_ecomap_map_find_node (self->map, dragging);

      if (i >= 0)
        {
          drag_x = g_array_index (self->map->nodes, HwEcomapMapNode, i).x;
          drag_y = g_array_index (self->map->nodes, HwEcomapMapNode, i).y;
        }
      else
        dragging = 0;
    }

  drop_cache (self);
  /* (the view cache keeps its image: a new map is never taken for the
   * old one, and the next frame draws again only what the edit changed) */
  self->drag_node = 0;
  g_clear_pointer (&self->map, hw_ecomap_map_free);
  self->map = map;

  if (dragging != 0 && map != NULL && hw_ecomap_map_find_node (map, dragging) >= 0)
    {
      self->drag_node = dragging;
      if (self->drag_moved)
        {
          hw_ecomap_map_move_node (map, dragging, drag_x, drag_y);
          build_cache (self);
        }
    }

  /* keep the selection if it still exists */
  node = self->selected_node;
  tie = self->selected_tie;
  if (map == NULL ||
      (node != 0 && node != map->household_id && hw_ecomap_map_find_node (map, node) < 0))
    node = 0;
  if (tie != 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; map != NULL && i < map->ties->len; i++)
        found |= g_array_index (map->ties, HwEcomapMapTie, i).id == tie;
      if (!found)
        tie = 0;
    }
  if (self->connect_from != 0 && map != NULL &&
      hw_ecomap_map_find_node (map, self->connect_from) < 0 && self->connect_from != map->household_id)
    self->connect_from = 0;
  hw_ecomap_canvas_select (self, node, tie);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

HwEcomapMap *
hw_ecomap_canvas_get_map (HwEcomapCanvas *self)
{
  g_return_val_if_fail (HW_IS_ECOMAP_CANVAS (self), NULL);
  return self->map;
}

void
hw_ecomap_canvas_set_editable (HwEcomapCanvas *self,
                               gboolean        editable)
{
  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));
  self->editable = editable;
}

void
hw_ecomap_canvas_fit (HwEcomapCanvas *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_matrix_t m;

  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));
  if (self->map == NULL || w <= 0 || h <= 0)
    return;
  hw_ecomap_fit_matrix (self->map, 0, 0, w, h, &m);
  self->zoom = m.xx;
  self->pan_x = m.x0;
  self->pan_y = m.y0;
  self->fitted = TRUE;
  drop_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
zoom_settled_cb (gpointer data)
{
  HwEcomapCanvas *self = data;

  g_assert (HW_IS_ECOMAP_CANVAS (self));
  self->zoom_settle_id = 0;
  self->zooming = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
zoom_at (HwEcomapCanvas *self,
         double          factor,
         double          x,
         double          y)
{
  double mx, my, zoom = CLAMP (self->zoom * factor, 0.05, 20);

  to_map (self, x, y, &mx, &my);
  self->zoom = zoom;
  /* the point under the pointer stays put */
  self->pan_x = x - mx * zoom;
  self->pan_y = y - my * zoom;
  drop_cache (self);
  /* the frames of a zoom paint the last image scaled; the map is drawn
   * sharp once the zoom rests */
  self->zooming = TRUE;
  g_clear_handle_id (&self->zoom_settle_id, g_source_remove);
  self->zoom_settle_id = g_timeout_add (ZOOM_SETTLE_MS, zoom_settled_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hw_ecomap_canvas_zoom (HwEcomapCanvas *self,
                       double          factor)
{
  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));
  zoom_at (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
hw_ecomap_canvas_set_frame_budget (HwEcomapCanvas *self,
                                   gint64          budget_us)
{
  g_return_if_fail (HW_IS_ECOMAP_CANVAS (self));
  hw_ecomap_cache_set_budget (self->view_cache, budget_us);
}

HwEcomapCacheResult
hw_ecomap_canvas_get_last_frame (HwEcomapCanvas *self)
{
  g_return_val_if_fail (HW_IS_ECOMAP_CANVAS (self), HW_ECOMAP_CACHE_DRAWN);
  return self->last_frame;
}

gboolean
hw_ecomap_canvas_get_filling (HwEcomapCanvas *self)
{
  g_return_val_if_fail (HW_IS_ECOMAP_CANVAS (self), FALSE);
  return hw_ecomap_cache_needs_fill (self->view_cache);
}

double
hw_ecomap_canvas_get_zoom (HwEcomapCanvas *self)
{
  g_return_val_if_fail (HW_IS_ECOMAP_CANVAS (self), 1);
  return self->zoom;
}

/* Input --------------------------------------------------------------------- */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               HwEcomapCanvas *self)
{
  double mx, my;
  gint64 node, tie = 0;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_node = 0;
  self->drag_moved = FALSE;
  self->panning = FALSE;
  if (self->map == NULL)
    return;

  to_map (self, x, y, &mx, &my);
  node = hw_ecomap_map_node_at (self->map, mx, my);
  if (node == 0)
    tie = hw_ecomap_map_tie_at (self->map, mx, my, 6 / MAX (self->zoom, 0.05));

  if (node != 0 && self->connect_from != 0)
    {
      hw_ecomap_canvas_choose_node (self, node);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  hw_ecomap_canvas_select (self, node, tie);

  if (node != 0 && node != self->map->household_id && self->editable)
    {
      int i = hw_ecomap_map_find_node (self->map, node);
      HwEcomapMapNode *n = &g_array_index (self->map->nodes, HwEcomapMapNode, i);

      self->drag_node = node;
      self->drag_start_x = n->x;
      self->drag_start_y = n->y;
    }
  else if (node == 0 && tie == 0)
    {
      self->panning = TRUE;
      self->drag_start_x = self->pan_x;
      self->drag_start_y = self->pan_y;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                HwEcomapCanvas *self)
{
  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  if (self->drag_node != 0)
    {
      if (!self->drag_moved)
        build_cache (self);
      self->drag_moved = TRUE;
      hw_ecomap_map_move_node (self->map, self->drag_node,
                               self->drag_start_x + dx / self->zoom,
                               self->drag_start_y + dy / self->zoom);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (self->panning)
    {
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

      self->drag_moved = TRUE;
      /* by whole device pixels: each frame paints the view cache as it is */
      self->pan_x = self->drag_start_x + round (dx * scale) / scale;
      self->pan_y = self->drag_start_y + round (dy * scale) / scale;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             HwEcomapCanvas *self)
{
  gint64 node = self->drag_node;
  gboolean moved = self->drag_moved;

  self->drag_node = 0;
  self->panning = FALSE;
  drop_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* one edit per drag, when the node is dropped */
  if (node != 0 && moved)
    g_signal_emit (self, signals[NODE_MOVED], 0, node,
                   self->drag_start_x + dx / self->zoom,
                   self->drag_start_y + dy / self->zoom);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           HwEcomapCanvas           *self)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (event != NULL)
    {
      double ex, ey;

      if (gdk_event_get_position (event, &ex, &ey))
        {
          graphene_point_t p;
          GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
          double nx = 0, ny = 0;

          gtk_native_get_surface_transform (native, &nx, &ny);
          if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                        &GRAPHENE_POINT_INIT (ex - nx, ey - ny), &p))
            {
              x = p.x;
              y = p.y;
            }
        }
    }
  zoom_at (self, dy < 0 ? 1.15 : 1 / 1.15, x, y);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HwEcomapCanvas        *self)
{
  double step = (state & GDK_SHIFT_MASK) ? MOVE_STEP * 5 : MOVE_STEP;
  double dx = 0, dy = 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left: dx = -step; break;
    case GDK_KEY_Right: dx = step; break;
    case GDK_KEY_Up: dy = -step; break;
    case GDK_KEY_Down: dy = step; break;
    case GDK_KEY_Escape:
      if (self->connect_from != 0)
        {
          hw_ecomap_canvas_set_connect_from (self, 0);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->connect_from != 0 && self->selected_node != 0)
        {
          hw_ecomap_canvas_choose_node (self, self->selected_node);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_c:
      gtk_widget_activate_action (GTK_WIDGET (self), "ecomap.connect", NULL);
      return TRUE;
    case GDK_KEY_a:
      gtk_widget_activate_action (GTK_WIDGET (self), "ecomap.add-person", NULL);
      return TRUE;
    case GDK_KEY_o:
      gtk_widget_activate_action (GTK_WIDGET (self), "ecomap.add-organisation", NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      gtk_widget_activate_action (GTK_WIDGET (self), "ecomap.delete", NULL);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_n:
      hw_ecomap_canvas_select_step (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_p:
      hw_ecomap_canvas_select_step (self, -1);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      hw_ecomap_canvas_zoom (self, 1.25);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      hw_ecomap_canvas_zoom (self, 0.8);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_Home:
      hw_ecomap_canvas_fit (self);
      return TRUE;
    default:
      return FALSE;
    }

  /* arrows: move the selected node, one undoable edit per press */
  if (self->editable && self->map != NULL && self->selected_node != 0 &&
      self->selected_node != self->map->household_id)
    {
      int i = hw_ecomap_map_find_node (self->map, self->selected_node);

      if (i >= 0)
        {
          HwEcomapMapNode *n = &g_array_index (self->map->nodes, HwEcomapMapNode, i);

          g_signal_emit (self, signals[NODE_MOVED], 0, n->id, n->x + dx, n->y + dy);
          return TRUE;
        }
    }
  else
    {
      /* nothing to move: pan instead */
      self->pan_x -= dx * 2;
      self->pan_y -= dy * 2;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    }
  return FALSE;
}

/* GObject ------------------------------------------------------------------- */

static void
hw_ecomap_canvas_dispose (GObject *object)
{
  HwEcomapCanvas *self = HW_ECOMAP_CANVAS (object);

  drop_cache (self);
  g_clear_handle_id (&self->zoom_settle_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  if (self->progress_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->progress_tick_id);
  self->progress_tick_id = 0;
  g_clear_pointer (&self->view_cache, hw_ecomap_cache_free);
  g_clear_pointer (&self->map, hw_ecomap_map_free);
  G_OBJECT_CLASS (hw_ecomap_canvas_parent_class)->dispose (object);
}

static void
hw_ecomap_canvas_class_init (HwEcomapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_ecomap_canvas_dispose;
  widget_class->snapshot = hw_ecomap_canvas_snapshot;
  widget_class->measure = hw_ecomap_canvas_measure;
  widget_class->size_allocate = hw_ecomap_canvas_size_allocate;

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* (node id, x, y in map units): the user dropped or nudged a node */
  signals[NODE_MOVED] =
    g_signal_new ("node-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* (from node id, to node id): the user asked for a tie */
  signals[CONNECT] =
    g_signal_new ("connect", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "ecomap-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
hw_ecomap_canvas_init (HwEcomapCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *key = gtk_event_controller_key_new ();

  self->zoom = 1;
  self->editable = TRUE;
  self->view_cache = hw_ecomap_cache_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ecomap"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move the selected person or place; "
                                    "Page Up and Page Down choose another; plus and minus zoom"),
                                  -1);
}

GtkWidget *
hw_ecomap_canvas_new (void)
{
  return g_object_new (HW_TYPE_ECOMAP_CANVAS, NULL);
}
