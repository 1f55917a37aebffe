/* hw-ecomap-canvas.h: draws an ecomap with the core renderer and lets the
 * user select, drag, zoom and pan. It edits nothing itself: moves and
 * connections are reported by signals and the owner writes them through
 * the store, whose change brings a fresh map back with
 * hw_ecomap_canvas_set_map().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-ecomap-render.h"
#include "hw-ecomap-cache.h"

G_BEGIN_DECLS

#define HW_TYPE_ECOMAP_CANVAS (hw_ecomap_canvas_get_type ())
G_DECLARE_FINAL_TYPE (HwEcomapCanvas, hw_ecomap_canvas, HW, ECOMAP_CANVAS, GtkWidget)

GtkWidget   *hw_ecomap_canvas_new               (void);
/* Takes @map (transfer full). Keeps zoom, pan and the selection if the
 * selected node or tie is still there. */
void         hw_ecomap_canvas_set_map           (HwEcomapCanvas *self,
                                                 HwEcomapMap    *map);
HwEcomapMap *hw_ecomap_canvas_get_map           (HwEcomapCanvas *self);
/* Read-only canvases (snapshot comparison) only select, zoom and pan. */
void         hw_ecomap_canvas_set_editable      (HwEcomapCanvas *self,
                                                 gboolean        editable);

gint64       hw_ecomap_canvas_get_selected_node (HwEcomapCanvas *self);
gint64       hw_ecomap_canvas_get_selected_tie  (HwEcomapCanvas *self);
void         hw_ecomap_canvas_select            (HwEcomapCanvas *self,
                                                 gint64          node_id,
                                                 gint64          tie_id);
/* Selects the next (+1) or previous (-1) node, for the keyboard. */
void         hw_ecomap_canvas_select_step       (HwEcomapCanvas *self,
                                                 int             step);

/* While set, the next node chosen is tied to @node_id ("connect" signal). */
void         hw_ecomap_canvas_set_connect_from  (HwEcomapCanvas *self,
                                                 gint64          node_id);
gint64       hw_ecomap_canvas_get_connect_from  (HwEcomapCanvas *self);
/* Ends a pending connection with @node_id (as if it had been clicked). */
void         hw_ecomap_canvas_choose_node       (HwEcomapCanvas *self,
                                                 gint64          node_id);

void         hw_ecomap_canvas_zoom              (HwEcomapCanvas *self,
                                                 double          factor);
void         hw_ecomap_canvas_fit               (HwEcomapCanvas *self);
double       hw_ecomap_canvas_get_zoom          (HwEcomapCanvas *self);
/* How long each frame draws once a zoom rests on a large map
 * (hw_ecomap_cache_set_budget (); 0: a piece a frame, for tests). */
void         hw_ecomap_canvas_set_frame_budget  (HwEcomapCanvas *self,
                                                 gint64          budget_us);
/* What the view cache did for the last frame (for tests). */
HwEcomapCacheResult hw_ecomap_canvas_get_last_frame (HwEcomapCanvas *self);
/* Whether the view cache has some of its margin still to draw (drawn
 * when the main loop is idle; for tests). */
gboolean     hw_ecomap_canvas_get_filling       (HwEcomapCanvas *self);

G_END_DECLS
