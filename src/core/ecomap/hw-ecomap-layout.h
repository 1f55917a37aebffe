/* hw-ecomap-layout.h: the automatic ring layout of an ecomap.
 *
 * A pure function on plain structs (no store, no drawing): the household
 * sits at the origin as a circle; every other node is placed around it in
 * the angular sector of its category (family, kin, friends, school, work,
 * health, services, faith, legal, community, in that order clockwise from
 * the top), and the stronger its tie, the closer to the centre. Nodes the
 * user has moved (pinned) keep their place and the others avoid them.
 *
 * Coordinates are map units (1 unit = 1 point when printed at scale 1),
 * y grows downwards as in cairo.
 *
 * Guarantees (tested in tests/test-ecomap-layout.c):
 *  - pinned nodes are not moved;
 *  - the footprint (circle + label, see hw_ecomap_layout_node_box()) of a
 *    placed node overlaps no other footprint and not the household circle;
 *  - a placed node's centre lies in its category's sector;
 *  - among placed nodes, a stronger tie is strictly closer to the centre;
 *  - the same input gives the same output, whatever the input order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HW_ECOMAP_CATEGORY_FAMILY,
  HW_ECOMAP_CATEGORY_KIN,
  HW_ECOMAP_CATEGORY_FRIENDS,
  HW_ECOMAP_CATEGORY_SCHOOL,
  HW_ECOMAP_CATEGORY_WORK,
  HW_ECOMAP_CATEGORY_HEALTH,
  HW_ECOMAP_CATEGORY_SERVICES,
  HW_ECOMAP_CATEGORY_FAITH,
  HW_ECOMAP_CATEGORY_LEGAL,
  HW_ECOMAP_CATEGORY_COMMUNITY,
  HW_ECOMAP_N_CATEGORIES
} HwEcomapCategory;

/* Ordered from the closest to the farthest ring. NONE: no tie at all. */
typedef enum {
  HW_TIE_STRONG,
  HW_TIE_MODERATE,
  HW_TIE_TENUOUS,
  HW_TIE_BROKEN,
  HW_TIE_NONE,
  HW_TIE_N_STRENGTHS
} HwTieStrength;

/* Database ids ("family", "strong"...) <-> enums. Unknown ids map to
 * community / none and return FALSE. */
gboolean    hw_ecomap_category_from_string (const char       *id,
                                            HwEcomapCategory *out);
const char *hw_ecomap_category_to_string   (HwEcomapCategory  category);
/* translated, for sector labels */
const char *hw_ecomap_category_label       (HwEcomapCategory  category);
gboolean    hw_tie_strength_from_string    (const char       *id,
                                            HwTieStrength    *out);
const char *hw_tie_strength_to_string      (HwTieStrength     strength);

/* Space kept between footprints, and between a label and its circle. */
#define HW_ECOMAP_LAYOUT_MARGIN 6.0
#define HW_ECOMAP_LAYOUT_LABEL_GAP 3.0

typedef struct {
  gint64           id;            /* caller's id; used to order ties */
  HwEcomapCategory category;
  HwTieStrength    strength;      /* tie to the household, or strongest */
  double           radius;        /* of the node's circle */
  double           label_width;   /* label drawn centred below the circle */
  double           label_height;
  gboolean         pinned;        /* in: keep x, y */
  double           x, y;          /* in if pinned; out: centre */
} HwEcomapLayoutNode;

typedef struct {
  double x1, y1, x2, y2;
} HwEcomapBox;

/* The footprint of @node at its x, y: circle and label. */
void     hw_ecomap_layout_node_box     (const HwEcomapLayoutNode *node,
                                        HwEcomapBox              *box);

/**
 * hw_ecomap_layout:
 * @nodes: the nodes (not the household); x, y of unpinned ones are set
 * @n_nodes: how many
 * @household_radius: radius of the household circle at the origin
 *
 * Places every unpinned node. Deterministic; never fails.
 */
void     hw_ecomap_layout              (HwEcomapLayoutNode *nodes,
                                        guint               n_nodes,
                                        double              household_radius);

/**
 * hw_ecomap_layout_set_shortcuts:
 * @shortcuts: TRUE (the default) to skip spots known to be taken
 *
 * For tests: the layout is the same either way, to the last bit.
 */
void     hw_ecomap_layout_set_shortcuts (gboolean shortcuts);

/* The angular sector [*start, *end) (radians, clockwise from the top, so
 * in cairo coordinates angle a is at (sin a, -cos a)) that the last layout
 * of these nodes gives @category; FALSE if the category is empty. */
gboolean hw_ecomap_layout_sector       (const HwEcomapLayoutNode *nodes,
                                        guint                     n_nodes,
                                        HwEcomapCategory          category,
                                        double                   *start,
                                        double                   *end);

/* The angle of a point as used for sectors: [0, 2π), clockwise from the top. */
double   hw_ecomap_layout_angle        (double x,
                                        double y);

/* Bounding box of the household circle and all footprints. */
void     hw_ecomap_layout_bounds       (const HwEcomapLayoutNode *nodes,
                                        guint                     n_nodes,
                                        double                    household_radius,
                                        HwEcomapBox              *bounds);

G_END_DECLS
