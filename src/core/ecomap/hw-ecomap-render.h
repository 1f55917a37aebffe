/* hw-ecomap-render.h: an ecomap as a plain model, and the one cairo
 * renderer that draws it for the editor, the printout, the documents and
 * the command line export.
 *
 * Notation (Hartman 1978), by line style, never by colour alone:
 *   strong    thick line          moderate   plain line
 *   tenuous   dashed line         broken     line with a cut (two bars)
 *   stressful wavy line laid over the tie, whatever its strength
 *   flow      arrowheads where support goes (both ends: reciprocal)
 * People are circles, organisations rounded squares; a safety network
 * member carries a small diamond. The legend is drawn with the map and its
 * labels can be changed by the user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>
#include <pango/pango.h>

#include "hw-ecomap-layout.h"

G_BEGIN_DECLS

typedef enum {
  HW_ECOMAP_NODE_PERSON,
  HW_ECOMAP_NODE_ORGANISATION,
} HwEcomapNodeKind;

typedef enum {
  HW_TIE_FLOW_NONE,
  HW_TIE_FLOW_A_TO_B,
  HW_TIE_FLOW_B_TO_A,
  HW_TIE_FLOW_BOTH,
} HwTieFlow;

gboolean    hw_tie_flow_from_string (const char *id,
                                     HwTieFlow  *out);
const char *hw_tie_flow_to_string   (HwTieFlow   flow);

/* How a tie differs from an earlier snapshot (for the compare view). */
typedef enum {
  HW_TIE_CHANGE_NONE,
  HW_TIE_CHANGE_ADDED,
  HW_TIE_CHANGE_LOST,      /* drawn faint: it existed before, not any more */
  HW_TIE_CHANGE_STRONGER,
  HW_TIE_CHANGE_WEAKER,
} HwTieChange;

typedef enum {
  HW_ECOMAP_LEGEND_STRONG,
  HW_ECOMAP_LEGEND_MODERATE,
  HW_ECOMAP_LEGEND_TENUOUS,
  HW_ECOMAP_LEGEND_BROKEN,
  HW_ECOMAP_LEGEND_STRESSFUL,
  HW_ECOMAP_LEGEND_FLOW,
  HW_ECOMAP_LEGEND_PERSON,
  HW_ECOMAP_LEGEND_ORGANISATION,
  HW_ECOMAP_LEGEND_NETWORK,
  HW_ECOMAP_LEGEND_DISTANCE,
  HW_ECOMAP_N_LEGEND_KEYS
} HwEcomapLegendKey;

/* "strong", "moderate", ..., "distance" (the ecomap_legend.key column) */
gboolean    hw_ecomap_legend_key_from_string (const char        *id,
                                              HwEcomapLegendKey *out);
const char *hw_ecomap_legend_key_to_string   (HwEcomapLegendKey  key);
/* the translated label used when the user has not written their own */
const char *hw_ecomap_legend_default_label   (HwEcomapLegendKey  key);

typedef struct {
  gint64           id;          /* the ecomap_nodes id */
  gint64           person_id;   /* or 0 */
  gint64           org_id;      /* or 0 */
  char            *label;
  HwEcomapNodeKind kind;
  HwEcomapCategory category;
  gboolean         network_member;
  gboolean         pinned;      /* keep x, y */
  double           x, y;        /* map units; set by hw_ecomap_map_layout */
  gint64           version;     /* the row version read by hw_ecomap_load, or 0 */
  /* filled in by hw_ecomap_map_layout */
  HwTieStrength    strength;
  double           radius;
  double           label_width, label_height;
  PangoLayout     *layout;
} HwEcomapMapNode;

typedef struct {
  gint64        id;
  gint64        node_a, node_b;  /* node ids; the household's id is allowed */
  HwTieStrength strength;        /* HW_TIE_NONE is drawn as moderate */
  gboolean      stressful;
  HwTieFlow     flow;
  HwTieChange   change;
  gint64        version;         /* the row version read by hw_ecomap_load, or 0 */
} HwEcomapMapTie;

typedef struct {
  char         *title;          /* e.g. "Ecomap: Ortiz family" */
  char         *subtitle;       /* e.g. date and "Copy for the family" */
  char         *sample_line;    /* "Sample — not a real family" (translated)
                                   for the made-up sample family, else NULL;
                                   drawn on the page (hw_ecomap_draw_page) */
  gint64        household_id;   /* the household node's id (0 if none yet) */
  char         *household_label;
  GPtrArray    *members;        /* (element-type utf8) names in the household */
  GArray       *nodes;          /* HwEcomapMapNode, not the household */
  GArray       *ties;           /* HwEcomapMapTie */
  char         *legend[HW_ECOMAP_N_LEGEND_KEYS]; /* NULL: the default label */
  /* the row version of each legend line read by hw_ecomap_load; 0: the
   * usual wording (no row) */
  gint64        legend_version[HW_ECOMAP_N_LEGEND_KEYS];
  /* filled in by hw_ecomap_map_layout */
  double        household_radius;
  PangoLayout  *household_layout;
  PangoContext *context;
  double        sector_start[HW_ECOMAP_N_CATEGORIES];
  double        sector_end[HW_ECOMAP_N_CATEGORIES];
  double        sector_outer;   /* radius where sector names are written */
  HwEcomapBox   sector_label[HW_ECOMAP_N_CATEGORIES];
  PangoLayout  *sector_layout[HW_ECOMAP_N_CATEGORIES];
  GHashTable   *index;          /* node id -> position in nodes */
  /* unique among maps, new on every change made through these functions
   * (hw_ecomap_map_layout after editing fields): what a cached drawing of
   * the map (hw-ecomap-cache.h) is checked against */
  guint         generation;
  /* private to the drawing: the node shapes from afar (far_sprite ()) */
  gpointer      far_sprites;
} HwEcomapMap;

HwEcomapMap *hw_ecomap_map_new          (void);
void         hw_ecomap_map_free         (HwEcomapMap      *map);
/* Returns the index of the new node in map->nodes. */
guint        hw_ecomap_map_add_node     (HwEcomapMap      *map,
                                         gint64            id,
                                         HwEcomapNodeKind  kind,
                                         HwEcomapCategory  category,
                                         const char       *label);
void         hw_ecomap_map_add_member   (HwEcomapMap      *map,
                                         const char       *name);
guint        hw_ecomap_map_add_tie      (HwEcomapMap      *map,
                                         gint64            id,
                                         gint64            node_a,
                                         gint64            node_b,
                                         HwTieStrength     strength,
                                         gboolean          stressful,
                                         HwTieFlow         flow);
void         hw_ecomap_map_set_legend   (HwEcomapMap      *map,
                                         HwEcomapLegendKey key,
                                         const char       *label);
const char  *hw_ecomap_map_get_legend   (HwEcomapMap      *map,
                                         HwEcomapLegendKey key);
/* Marks the map changed for a cache of its drawing (hw_ecomap_map_layout
 * does this too). */
void         hw_ecomap_map_changed      (HwEcomapMap      *map);
/* index in map->nodes, or -1 (also for the household) */
int          hw_ecomap_map_find_node    (HwEcomapMap      *map,
                                         gint64            id);

/**
 * hw_ecomap_map_layout:
 *
 * Measures the labels, works out each node's strongest tie (to the
 * household if it has one, else to anyone) and places every unpinned node
 * with hw_ecomap_layout(). Call again after any change to the model.
 */
void         hw_ecomap_map_layout       (HwEcomapMap      *map);
/* Moves one node (e.g. while dragging) without laying out the others. */
void         hw_ecomap_map_move_node    (HwEcomapMap      *map,
                                         gint64            id,
                                         double            x,
                                         double            y);
void         hw_ecomap_map_bounds       (HwEcomapMap      *map,
                                         HwEcomapBox      *bounds);
/* Where a selection is drawn, in map units: @node's ring (the node
 * selected, or connected from), @tie's halo (covered by boxes each along
 * at most @piece of it, so that a long tie's is not one large box); each
 * appended to @boxes (HwEcomapBox). 0 or an unknown id adds nothing. For
 * the view cache, which draws a change of selection again only there. */
void         hw_ecomap_map_selection_boxes (HwEcomapMap   *map,
                                            gint64         node,
                                            gint64         tie,
                                            double         piece,
                                            GArray        *boxes);

/* What a drawing of the map is made of, for the view cache, which after
 * an edit draws again only where what changed was and is: the household,
 * each node, each tie and its change badge, each sector's divider and
 * name; with a fingerprint of everything its drawing depends on, and
 * where it is drawn: a box, or (@line) within @reach of a line. Whatever
 * hw_ecomap_draw_map () draws, but for the selection
 * (hw_ecomap_map_selection_boxes ()), is within its item's place. */
typedef enum {
  HW_ECOMAP_ITEM_HOUSEHOLD,
  HW_ECOMAP_ITEM_NODE,
  HW_ECOMAP_ITEM_TIE,
  HW_ECOMAP_ITEM_BADGE,
  HW_ECOMAP_ITEM_SECTOR_LINE,
  HW_ECOMAP_ITEM_SECTOR_NAME,
} HwEcomapItemKind;

typedef struct {
  HwEcomapItemKind kind;
  gint64           id;       /* the node's or tie's id; a sector's category */
  guint64          look;
  gboolean         line;
  double           x1, y1, x2, y2;   /* map units */
  double           reach;
} HwEcomapItem;

/* Appends @map's items to @items (HwEcomapItem), in the order of
 * hw_ecomap_item_compare (). */
void         hw_ecomap_map_items        (HwEcomapMap        *map,
                                         GArray             *items);
/* by kind, then id */
int          hw_ecomap_item_compare     (const HwEcomapItem *a,
                                         const HwEcomapItem *b);
/* the same item drawn the same way in the same place */
gboolean     hw_ecomap_item_same        (const HwEcomapItem *a,
                                         const HwEcomapItem *b);
/* Boxes (HwEcomapBox, map units) covering where @item is drawn, a line's
 * in pieces each along at most @piece of it, appended to @boxes. */
void         hw_ecomap_item_boxes       (const HwEcomapItem *item,
                                         double              piece,
                                         GArray             *boxes);

/* Hit testing, in map units. The household is found too. 0: nothing. */
gint64       hw_ecomap_map_node_at      (HwEcomapMap      *map,
                                         double            x,
                                         double            y);
gint64       hw_ecomap_map_tie_at       (HwEcomapMap      *map,
                                         double            x,
                                         double            y,
                                         double            tolerance);

/* (What the selection changes in the drawing is drawn only within
 * hw_ecomap_map_selection_boxes (): the view cache draws again only
 * there when the selection changes.) */
typedef struct {
  gint64   selected_node;   /* drawn with a focus ring; 0 = none */
  gint64   selected_tie;
  gint64   connect_from;    /* a node the user is connecting from */
  gboolean show_sectors;    /* faint category names around the map */
  /* For dragging: draw everything but one node and its ties once into a
   * cache, then each frame only that node and its ties over the cache. */
  gint64   exclude_node;
  gint64   only_node;
  /* Curves as finely flattened on an image as in print: what the editor
   * has always shown (GTK 4.8 records its drawing, so the coarser
   * tolerance the renderer uses on images never applied), which a small
   * stressful wave needs to stay round. */
  gboolean fine_curves;
} HwEcomapDrawOptions;

/* How much of the map is drawn (hw_ecomap_draw_map). On paper (PDF,
 * print, SVG, a recording) and on the screen at the usual zooms, all of
 * it. On the screen from afar, where a plain tie is under a pixel wide,
 * the ties are stroked with cairo's fast antialiasing and a stressful
 * tie's wave as straight zigzags (the same peaks); farther still, where
 * names would be under 4 pixels to the em, the names are left out
 * (zooming in shows them). Every node and tie is always drawn. */
typedef enum {
  HW_ECOMAP_DETAIL_FULL,
  HW_ECOMAP_DETAIL_FAR,
  HW_ECOMAP_DETAIL_FARTHER,
} HwEcomapDetail;

/* what hw_ecomap_draw_map would draw on @cr with its current transform */
HwEcomapDetail hw_ecomap_draw_detail    (cairo_t                   *cr);

/* Draws the map in map units on @cr as it is (the caller sets the
 * transform, e.g. zoom and pan in the editor). No legend. */
void         hw_ecomap_draw_map         (HwEcomapMap               *map,
                                         cairo_t                   *cr,
                                         const HwEcomapDrawOptions *options);
/* Size of the legend box, and drawing it with its top left at x, y. */
void         hw_ecomap_legend_size      (HwEcomapMap      *map,
                                         double           *width,
                                         double           *height);
void         hw_ecomap_draw_legend      (HwEcomapMap      *map,
                                         cairo_t          *cr,
                                         double            x,
                                         double            y);

/* The transform that fits the whole map into @width x @height (plus a
 * margin), centred: map units -> device. */
void         hw_ecomap_fit_matrix       (HwEcomapMap      *map,
                                         double            x,
                                         double            y,
                                         double            width,
                                         double            height,
                                         cairo_matrix_t   *matrix);

/**
 * hw_ecomap_draw_figure:
 *
 * Draws map and legend (beside or below it, whichever fits better) into
 * the rectangle @x, @y, @width, @height of @cr: for documents and prints.
 */
void         hw_ecomap_draw_figure      (HwEcomapMap      *map,
                                         cairo_t          *cr,
                                         double            x,
                                         double            y,
                                         double            width,
                                         double            height);

/* The smallest size, in points on paper, of any word of a document figure. */
#define HW_ECOMAP_FIGURE_MIN_TEXT 8.0

/* How a map is drawn as a document figure (hw_ecomap_draw_document_figure);
 * also what the tests check. */
typedef struct {
  double   height;         /* what the figure needs at that width */
  double   scale;          /* map units -> points */
  gboolean numbered;       /* numbers on the map, the names in a key under it */
  double   map_height;     /* points */
  double   key_height;     /* points; 0 when the names are on the map */
  double   legend_height;  /* points */
  double   min_text_size;  /* the smallest word drawn, in points */
} HwEcomapFigureInfo;

/**
 * hw_ecomap_figure_measure:
 * @width: the figure's width in points (a document's text width)
 * @height: the height it is given, or 0 to ask what it needs
 *
 * Works out how the map is drawn as a figure of a printed document: the
 * names on the map if it fits at full size, else numbers on the map and
 * the names in a key under it, so that no word is smaller than
 * %HW_ECOMAP_FIGURE_MIN_TEXT points; the legend is a compact block of
 * several columns at the bottom.
 */
void         hw_ecomap_figure_measure   (HwEcomapMap        *map,
                                         double              width,
                                         double              height,
                                         HwEcomapFigureInfo *info);
/* The height the figure needs at @width (an HwDocumentHeightFunc). */
double       hw_ecomap_figure_height    (HwEcomapMap      *map,
                                         double            width);
/* Draws it into the box (0, 0, @width, @height) of @cr, in points (an
 * HwDocumentDrawFunc). */
void         hw_ecomap_draw_document_figure (HwEcomapMap  *map,
                                         cairo_t          *cr,
                                         double            width,
                                         double            height);

/* A whole page: title, subtitle, then the figure. */
void         hw_ecomap_draw_page        (HwEcomapMap      *map,
                                         cairo_t          *cr,
                                         double            width,
                                         double            height);

/**
 * hw_ecomap_map_export:
 * @format: "pdf", "png" or "svg"
 * @paper: "a4" or "letter" (landscape); NULL = a4
 *
 * Writes one page (PNG at 150 dpi) to @path through hw_export_create_file.
 */
gboolean     hw_ecomap_map_export       (HwEcomapMap      *map,
                                         const char       *format,
                                         const char       *paper,
                                         const char       *path,
                                         GError          **error);

/**
 * hw_ecomap_set_paper_tolerance:
 * @tolerance: the least tolerance lines are stroked at on paper (PDF,
 *   PostScript, SVG), in points: 0.25 unless set; 0: cairo's own (0.1)
 *
 * For tests: the files are the same whatever it is (see vector_stroke ()).
 */
void         hw_ecomap_set_paper_tolerance (double tolerance);

/**
 * hw_ecomap_set_far_sprites:
 * @sprites: TRUE (the default) to stamp the nodes' shapes from afar on the
 *   screen from images drawn once, FALSE to fill them one by one
 *
 * For tests: the two differ only in the antialiasing of the shapes'
 * edges (a node is placed to a quarter pixel).
 */
void         hw_ecomap_set_far_sprites     (gboolean sprites);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwEcomapMap, hw_ecomap_map_free)

G_END_DECLS
