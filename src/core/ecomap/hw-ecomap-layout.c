/* hw-ecomap-layout.c: ring layout of an ecomap (see the header for what it
 * guarantees).
 *
 * How: the circle is cut into one sector per category that has nodes, each
 * as wide as the room its nodes need (so all sectors fill out to about the
 * same radius). Nodes are placed band by band, strongest tie first; a band
 * starts outside everything the band before it reached, which is what makes
 * "closer means stronger" hold strictly. Inside a band and a sector the
 * nodes are spread evenly along a ring; a node whose spot is taken looks
 * left and right along the ring, then a little further out, until its
 * footprint is free. A uniform grid keeps the "is it free" question cheap
 * for large maps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap-layout"

#include <math.h>
#include <string.h>

#include "hw-ecomap-layout.h"
#include "hw-enums.h"










static const char * const category_ids[HW_ECOMAP_N_CATEGORIES] = {
  "family", "kin", "friends", "school", "work",
  "health", "services", "faith", "legal", "community",
};


static const char * const strength_ids[HW_TIE_N_STRENGTHS] = {
  "strong", "moderate", "tenuous", "broken", "none",
};

gboolean
hw_ecomap_category_from_string (const char       *id,
                                HwEcomapCategory *out)
{
  for (guint i = 0; id != NULL && i < HW_ECOMAP_N_CATEGORIES; i++)
    if (g_str_equal (id, category_ids[i]))
      {
        *out = i;
        return TRUE;
      }
  *out = HW_ECOMAP_CATEGORY_COMMUNITY;
  return FALSE;
}

const char *
hw_ecomap_category_to_string (HwEcomapCategory category)
{
  g_return_val_if_fail (category < HW_ECOMAP_N_CATEGORIES, "community");
  return category_ids[category];
}

const char *
hw_ecomap_category_label (HwEcomapCategory category)
{
  g_return_val_if_fail (category < HW_ECOMAP_N_CATEGORIES, "");
  return hw_choice_label (HW_CHOICES_ECOMAP_CATEGORY, category_ids[category]);
}

gboolean
hw_tie_strength_from_string (const char    *id,
                             HwTieStrength *out)
{
  for (guint i = 0; id != NULL && i < HW_TIE_N_STRENGTHS; i++)
    if (g_str_equal (id, strength_ids[i]))
      {
        *out = i;
        return TRUE;
      }
  *out = HW_TIE_NONE;
  return FALSE;
}

const char *
hw_tie_strength_to_string (HwTieStrength strength)
{
  g_return_val_if_fail (strength < HW_TIE_N_STRENGTHS, "none");
  return strength_ids[strength];
}

double
hw_ecomap_layout_angle (double x,
                        double y)
{
  double a = atan2 (x, -y);

  if (a < 0)
    a += 2 * G_PI;
  if (a >= 2 * G_PI)
    a = 0;
  return a;
}

static double
half_width (const HwEcomapLayoutNode *node)
{
  return MAX (node->radius, node->label_width / 2);
}

void
hw_ecomap_layout_node_box (const HwEcomapLayoutNode *node,
                           HwEcomapBox              *box)
{
  double hw = half_width (node);

  box->x1 = node->x - hw;
  box->x2 = node->x + hw;
  box->y1 = node->y - node->radius;
  box->y2 = node->y + node->radius;
  if (node->label_height > 0)
    box->y2 += HW_ECOMAP_LAYOUT_LABEL_GAP + node->label_height;
}

static gboolean
node_is_pinned (const HwEcomapLayoutNode *node)
{
  /* A pinned node with nonsense coordinates is laid out instead. */
  return node->pinned && isfinite (node->x) && isfinite (node->y);
}

static guint
node_band (const HwEcomapLayoutNode *node)
{
  return MIN ((guint) node->strength, HW_TIE_N_STRENGTHS - 1);
}

static guint
node_category (const HwEcomapLayoutNode *node)
{
  return MIN ((guint) node->category, HW_ECOMAP_N_CATEGORIES - 1);
}

/* Order --------------------------------------------------------------- */

typedef struct {
  const HwEcomapLayoutNode *nodes;
} SortContext;

static int
compare_index (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const HwEcomapLayoutNode *nodes = ((SortContext *) user_data)->nodes;
  const HwEcomapLayoutNode *na = &nodes[*(const guint *) a];
  const HwEcomapLayoutNode *nb = &nodes[*(const guint *) b];

  if (node_band (na) != node_band (nb))
    return node_band (na) < node_band (nb) ? -1 : 1;
  if (node_category (na) != node_category (nb))
    return node_category (na) < node_category (nb) ? -1 : 1;
  if (na->id != nb->id)
    return na->id < nb->id ? -1 : 1;
  /* equal ids: fall back on sizes so the order still does not depend on
   * the input order (unless two nodes are identical, when it does not
   * matter which is which) */
  if (na->label_width != nb->label_width)
    return na->label_width < nb->label_width ? -1 : 1;
  if (na->radius != nb->radius)
    return na->radius < nb->radius ? -1 : 1;
  return 0;
}

/* Sectors ----------------------------------------------------------------- */

/* Every node counts, pinned ones too, so that dragging a node does not
 * reshape the sectors and move everyone else. */
static void
compute_sectors (const HwEcomapLayoutNode *nodes,
                 guint                     n_nodes,
                 double                    start[HW_ECOMAP_N_CATEGORIES],
                 double                    end[HW_ECOMAP_N_CATEGORIES])
{
  double demand[HW_ECOMAP_N_CATEGORIES] = { 0 };
  double total = 0;
  double a = 0;
  g_autofree double *needs = g_new (double, MAX (n_nodes, 1));
  g_autofree guint *cats = g_new (guint, MAX (n_nodes, 1));
  g_autofree guint *order = g_new (guint, MAX (n_nodes, 1));
  SortContext ctx = { nodes };

  /* Sum in a fixed order: floating point sums depend on the order, and the
   * result must not depend on the order of the input. */
  for (guint i = 0; i < n_nodes; i++)
    order[i] = i;
  g_qsort_with_data (order, n_nodes, sizeof (guint), compare_index, &ctx);
  for (guint i = 0; i < n_nodes; i++)
    {
      const HwEcomapLayoutNode *node = &nodes[order[i]];
      double need = 2 * half_width (node) + HW_ECOMAP_LAYOUT_MARGIN;

      /* a node of zero size still needs its sector; NaN sizes count as 0 */
      needs[i] = isfinite (need) ? MAX (need, 1.0) : 1.0;
      cats[i] = node_category (node);
    }
  for (guint i = 0; i < n_nodes; i++)
    demand[cats[i]] += needs[i];
  for (guint c = 0; c < HW_ECOMAP_N_CATEGORIES; c++)
    total += demand[c];

  for (guint c = 0; c < HW_ECOMAP_N_CATEGORIES; c++)
    {
      start[c] = a;
      if (total > 0)
        a += 2 * G_PI * demand[c] / total;
      end[c] = a;
    }
  /* rounding: the last non-empty sector closes the circle */
  for (int c = HW_ECOMAP_N_CATEGORIES - 1; c >= 0; c--)
    if (end[c] > start[c])
      {
        end[c] = 2 * G_PI;
        break;
      }
}

gboolean
hw_ecomap_layout_sector (const HwEcomapLayoutNode *nodes,
                         guint                     n_nodes,
                         HwEcomapCategory          category,
                         double                   *start,
                         double                   *end)
{
  double s[HW_ECOMAP_N_CATEGORIES], e[HW_ECOMAP_N_CATEGORIES];

  g_return_val_if_fail (category < HW_ECOMAP_N_CATEGORIES, FALSE);

  compute_sectors (nodes, n_nodes, s, e);
  *start = s[category];
  *end = e[category];
  return e[category] > s[category];
}

/* Occupancy grid ---------------------------------------------------------- */

/* Ties are kept in classes by the angle their node takes up (see Tie):
 * wider than 0.2 radians, 0.1, 0.05, 0.025, and the rest. A look-up
 * must see every tie whose node may cover the spot's angle: one list of
 * all would be searched as wide as the widest node (the few near the
 * household), each class is searched only as wide as its own widest. */
#define TIE_CLASSES 5

static guint
tie_class (double alpha)
{
  guint c = 0;

  for (double limit = 0.2; c < TIE_CLASSES - 1 && alpha <= limit; limit /= 2)
    c++;
  return c;
}

typedef struct {
  double      cell;
  /* the cells near the household, where nearly every look-up falls, in
   * an array of (2 * dense_half) squared lists (NULL: empty) indexed
   * from cell (-dense_half, -dense_half); any others in @cells */
  GArray    **dense;
  gint64      dense_half;
  GHashTable *cells;    /* packed cell key -> GArray of guint node index */
  /* the Tie of every node placed, by angle, in classes of the angle
   * they take up (TIE_CLASSES), and the widest angle in each class */
  GArray     *ties[TIE_CLASSES];
  double      max_alpha[TIE_CLASSES];
  HwEcomapBox *boxes;   /* per node placed: its box */
  const HwEcomapLayoutNode *nodes;
  double      household_radius;
  guint      *stamps;   /* per node: the last ray check that looked at it */
  guint       stamp;
} Grid;

/* see hw_ecomap_layout_set_shortcuts () */
static gboolean use_shortcuts = TRUE;

void
hw_ecomap_layout_set_shortcuts (gboolean shortcuts)
{
  use_shortcuts = shortcuts;
}

static gint64
cell_key (gint64 cx, gint64 cy)
{
  /* through unsigned: shifting a negative value is undefined */
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffff));
}

/* g_int64_hash keeps only the low 32 bits, which is cy alone: every cell
 * of a row would land in one bucket. Mix both halves. */
static guint
cell_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;

  k ^= k >> 33;
  k *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  k ^= k >> 33;
  return (guint) k;
}

static void
grid_range (Grid              *grid,
            const HwEcomapBox *box,
            gint64            *cx1,
            gint64            *cy1,
            gint64            *cx2,
            gint64            *cy2)
{
  *cx1 = (gint64) floor ((box->x1 - HW_ECOMAP_LAYOUT_MARGIN) / grid->cell);
  *cy1 = (gint64) floor ((box->y1 - HW_ECOMAP_LAYOUT_MARGIN) / grid->cell);
  *cx2 = (gint64) floor ((box->x2 + HW_ECOMAP_LAYOUT_MARGIN) / grid->cell);
  *cy2 = (gint64) floor ((box->y2 + HW_ECOMAP_LAYOUT_MARGIN) / grid->cell);
}

/* where the list of cell (cx, cy) is kept if it is in the dense part */
static GArray **
grid_dense_slot (Grid   *grid,
                 gint64  cx,
                 gint64  cy)
{
  gint64 side = 2 * grid->dense_half;

  cx += grid->dense_half;
  cy += grid->dense_half;
  if (cx < 0 || cy < 0 || cx >= side || cy >= side)
    return NULL;
  return &grid->dense[cy * side + cx];
}

/* the node indices in cell (cx, cy), or NULL */
static GArray *
grid_cell (Grid   *grid,
           gint64  cx,
           gint64  cy)
{
  GArray **slot = grid_dense_slot (grid, cx, cy);
  gint64 key;

  if (slot != NULL)
    return *slot;
  key = cell_key (cx, cy);
  return g_hash_table_lookup (grid->cells, &key);
}

static void
cell_list_append (Grid   *grid,
                  gint64  cx,
                  gint64  cy,
                  guint   index)
{
  GArray **slot = grid_dense_slot (grid, cx, cy);
  GArray *list = slot != NULL ? *slot : grid_cell (grid, cx, cy);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      if (slot != NULL)
        *slot = list;
      else
        {
          gint64 *k = g_new (gint64, 1);

          *k = cell_key (cx, cy);
          g_hash_table_insert (grid->cells, k, list);
        }
    }
  if (list->len == 0 || g_array_index (list, guint, list->len - 1) != index)
    g_array_append_val (list, index);
}

/* The tie from the household to a placed node, seen from the centre:
 * its angle (clockwise from the top, as the sectors), its length and the
 * half angle the node's circle (with the margin) takes up there. Two
 * ties only meet a node when their angles are close, so a list sorted by
 * angle answers "is this spot on a tie, or its tie under a node" with a
 * few comparisons, even on a map of a thousand nodes. */
typedef struct {
  double theta;
  double rho;
  double alpha;
  guint  index;
} Tie;

static double
spot_angle (double x,
            double y)
{
  double theta = atan2 (x, -y);

  return theta < 0 ? theta + 2 * G_PI : theta;
}

static double
spot_alpha (double radius,
            double rho)
{
  return asin (MIN (1.0, (radius + HW_ECOMAP_LAYOUT_MARGIN) / MAX (rho, 1e-9)));
}

/* the first tie at an angle >= @theta */
static guint
ties_lower_bound (GArray *ties,
                  double  theta)
{
  guint lo = 0, hi = ties->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (ties, Tie, mid).theta < theta)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
grid_add_tie (Grid  *grid,
              guint  index)
{
  const HwEcomapLayoutNode *node = &grid->nodes[index];
  Tie tie;
  guint c;

  tie.rho = hypot (node->x, node->y);
  if (!isfinite (tie.rho) || tie.rho <= grid->household_radius)
    return;
  tie.theta = spot_angle (node->x, node->y);
  tie.alpha = spot_alpha (node->radius, tie.rho);
  tie.index = index;
  c = tie_class (tie.alpha);
  g_array_insert_val (grid->ties[c], ties_lower_bound (grid->ties[c], tie.theta), tie);
  grid->max_alpha[c] = MAX (grid->max_alpha[c], tie.alpha);
}

/* TRUE if @node at its x, y (@rho, @theta, @alpha seen from the centre)
 * would sit on the tie of a node in @ties, or its own tie would run under
 * such a node; @window: the widest angle a node there or @node takes up. */
static gboolean
ties_cross (Grid                     *grid,
            GArray                   *ties,
            double                    window,
            const HwEcomapLayoutNode *node,
            guint                     self,
            double                    rho,
            double                    theta,
            double                    alpha)
{
  /* A circle of radius r at distance d from the centre covers the rays
   * within asin (r / d) of its angle: the angle tests below are exact. */
  for (int turn = -1; turn <= 1; turn++)
    {
      double centre = theta + turn * 2 * G_PI;

      if (centre + window < 0 || centre - window >= 2 * G_PI)
        continue;
      for (guint i = ties_lower_bound (ties, centre - window); i < ties->len; i++)
        {
          const Tie *tie = &g_array_index (ties, Tie, i);
          double delta = fabs (tie->theta - centre);
          double along;

          if (tie->theta > centre + window)
            break;
          if (tie->index == self)
            continue;
          /* the other node on this node's tie */
          if (delta < tie->alpha)
            {
              along = tie->rho * cos (delta);
              if (along > grid->household_radius && along < rho - node->radius)
                return TRUE;
            }
          /* this node on the other's tie */
          if (delta < alpha)
            {
              along = rho * cos (delta);
              if (along > grid->household_radius &&
                  along < tie->rho - grid->nodes[tie->index].radius)
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* TRUE if @node at its x, y would sit on the tie of a node placed
 * before, or its own tie would run under such a node. */
static gboolean
grid_tie_crosses (Grid                     *grid,
                  const HwEcomapLayoutNode *node,
                  guint                     self)
{
  double rho = hypot (node->x, node->y);
  double theta = spot_angle (node->x, node->y);
  double alpha = spot_alpha (node->radius, rho);

  for (guint c = 0; c < TIE_CLASSES; c++)
    if (grid->ties[c]->len > 0 &&
        ties_cross (grid, grid->ties[c], MAX (grid->max_alpha[c], alpha),
                    node, self, rho, theta, alpha))
      return TRUE;
  return FALSE;
}

static void
grid_add (Grid  *grid,
          guint  index)
{
  HwEcomapBox box;
  gint64 cx1, cy1, cx2, cy2;

  hw_ecomap_layout_node_box (&grid->nodes[index], &box);
  grid->boxes[index] = box;
  grid_range (grid, &box, &cx1, &cy1, &cx2, &cy2);
  /* A pinned node dragged absurdly far away would make a huge range;
   * clamp: such a node is far from everything anyway. */
  if (cx2 - cx1 > 4096 || cy2 - cy1 > 4096)
    return;
  for (gint64 cx = cx1; cx <= cx2; cx++)
    for (gint64 cy = cy1; cy <= cy2; cy++)
      cell_list_append (grid, cx, cy, index);
  grid_add_tie (grid, index);
}

static gboolean
boxes_overlap (const HwEcomapBox *a,
               const HwEcomapBox *b,
               double             margin)
{
  return a->x1 < b->x2 + margin && b->x1 < a->x2 + margin &&
         a->y1 < b->y2 + margin && b->y1 < a->y2 + margin;
}

static double
box_distance_to_origin (const HwEcomapBox *box)
{
  double dx = MAX (MAX (box->x1, -box->x2), 0);
  double dy = MAX (MAX (box->y1, -box->y2), 0);

  return sqrt (dx * dx + dy * dy);
}

/* How far @box can move, in any direction, and still overlap @other
 * (boxes_overlap () with @margin): the least of the four overlaps. */
static double
overlap_depth (const HwEcomapBox *box,
               const HwEcomapBox *other,
               double             margin)
{
  return MIN (MIN (other->x2 + margin - box->x1, box->x2 + margin - other->x1),
              MIN (other->y2 + margin - box->y1, box->y2 + margin - other->y1));
}

/* Whether @box is clear of the household and of every node placed.
 * When it is not, @depth is how far it can move and stay in the way of
 * the same one (at least that far: 0 when not known). @blocker: the
 * placed node's box in the way of the last box asked about, if any,
 * looked at first (the next spot along the ring is often behind the
 * same node: two in five asked on a 1,000-node map), and updated. */
static gboolean
grid_is_free (Grid               *grid,
              const HwEcomapBox  *box,
              double             *depth,
              const HwEcomapBox **blocker)
{
  gint64 cx1, cy1, cx2, cy2;
  double reach = grid->household_radius + HW_ECOMAP_LAYOUT_MARGIN;
  double distance = box_distance_to_origin (box);

  *depth = 0;
  if (distance < reach)
    {
      /* (moving the box by d changes its distance by d at most) */
      *depth = reach - distance;
      return FALSE;
    }
  if (use_shortcuts && *blocker != NULL && boxes_overlap (box, *blocker, HW_ECOMAP_LAYOUT_MARGIN))
    {
      *depth = overlap_depth (box, *blocker, HW_ECOMAP_LAYOUT_MARGIN);
      return FALSE;
    }

  grid_range (grid, box, &cx1, &cy1, &cx2, &cy2);
  for (gint64 cx = cx1; cx <= cx2; cx++)
    for (gint64 cy = cy1; cy <= cy2; cy++)
      {
        GArray *list = grid_cell (grid, cx, cy);

        for (guint i = 0; list != NULL && i < list->len; i++)
          {
            const HwEcomapBox *other = &grid->boxes[g_array_index (list, guint, i)];

            if (boxes_overlap (box, other, HW_ECOMAP_LAYOUT_MARGIN))
              {
                *depth = overlap_depth (box, other, HW_ECOMAP_LAYOUT_MARGIN);
                *blocker = other;
                return FALSE;
              }
          }
      }
  return TRUE;
}

/* Does the segment (x1,y1)-(x2,y2) cross the box? (slab method) */
static gboolean
segment_hits_box (double x1,
                  double y1,
                  double x2,
                  double y2,
                  double bx1,
                  double by1,
                  double bx2,
                  double by2)
{
  double t0 = 0, t1 = 1;
  double d[2] = { x2 - x1, y2 - y1 };
  double p[2] = { x1, y1 };
  double lo[2] = { bx1, by1 }, hi[2] = { bx2, by2 };

  for (int k = 0; k < 2; k++)
    {
      if (fabs (d[k]) < 1e-12)
        {
          if (p[k] < lo[k] || p[k] > hi[k])
            return FALSE;
        }
      else
        {
          double ta = (lo[k] - p[k]) / d[k], tb = (hi[k] - p[k]) / d[k];

          if (ta > tb)
            {
              double tmp = ta;
              ta = tb;
              tb = tmp;
            }
          t0 = MAX (t0, ta);
          t1 = MIN (t1, tb);
          if (t0 > t1)
            return FALSE;
        }
    }
  return TRUE;
}

/* TRUE if the straight line from the household to (x, y), where the tie
 * to the household is drawn, passes clear of every node circle already
 * placed and of their labels; otherwise that tie would run under another
 * node or be hidden under a label's halo. */
static gboolean
grid_ray_is_clear (Grid   *grid,
                   double  x,
                   double  y,
                   guint   self)
{
  double len = hypot (x, y);
  double ux, uy;

  if (len <= grid->household_radius)
    return TRUE;
  ux = x / len;
  uy = y / len;
  grid->stamp++;

  for (double t = grid->household_radius; t < len + grid->cell; t += grid->cell)
    {
      double px = ux * MIN (t, len), py = uy * MIN (t, len);
      gint64 cx0 = (gint64) floor (px / grid->cell);
      gint64 cy0 = (gint64) floor (py / grid->cell);

      for (gint64 cx = cx0 - 1; cx <= cx0 + 1; cx++)
        for (gint64 cy = cy0 - 1; cy <= cy0 + 1; cy++)
          {
            GArray *list = grid_cell (grid, cx, cy);

            for (guint i = 0; list != NULL && i < list->len; i++)
              {
                guint j = g_array_index (list, guint, i);
                const HwEcomapLayoutNode *other = &grid->nodes[j];
                double along, across;

                if (j == self || grid->stamps[j] == grid->stamp)
                  continue;
                grid->stamps[j] = grid->stamp;
                along = other->x * ux + other->y * uy;
                across = fabs (-other->x * uy + other->y * ux);
                if (along > grid->household_radius && along < len &&
                    across < other->radius + HW_ECOMAP_LAYOUT_MARGIN)
                  return FALSE;
                if (other->label_height > 0 &&
                    segment_hits_box (ux * grid->household_radius, uy * grid->household_radius,
                                      x, y,
                                      other->x - other->label_width / 2,
                                      other->y + other->radius + HW_ECOMAP_LAYOUT_LABEL_GAP,
                                      other->x + other->label_width / 2,
                                      other->y + other->radius + HW_ECOMAP_LAYOUT_LABEL_GAP +
                                      other->label_height))
                  return FALSE;
              }
          }
    }
  return TRUE;
}

static void
array_free (gpointer data)
{
  g_array_unref (data);
}

/* Puts @node on the first free spot at radius >= @rho, looking along the
 * ring from @target within [@start, @end) first. Returns the radius used. */
static double
place_node (Grid               *grid,
            HwEcomapLayoutNode *node,
            guint               self,
            double              rho,
            double              target,
            double              start,
            double              end,
            double              ring_step)
{
  double arc_step = MAX (half_width (node) / 2, 2.0);
  double rho_step = MAX (ring_step / 4, 2.0);
  /* The best spot has a tie to the centre that runs under no other node
   * nor its label; the next best, under no node (a label's halo only
   * hides a piece of the line, a node on it reads as a tie to that
   * node). Look for those only near the ring the node was meant for (in
   * a crowded sector there may be none), then take any free spot. One
   * sweep outwards looks at each spot once and remembers the first free
   * spot of each kind. */
  double clear_until = rho + ring_step * 0.5;      /* of nodes and labels */
  double nodes_clear_until = rho + ring_step * 1.5; /* of nodes */
  gboolean found_free = FALSE, found_clear = FALSE;
  double free_x = 0, free_y = 0, free_rho = 0, clear_x = 0, clear_y = 0, clear_rho = 0;

  for (guint tries = 0; ; tries++, rho += rho_step)
    {
      double da = arc_step / rho;
      gboolean in_range = TRUE;
      /* per way along the ring (sign 1, -1): spots before the k here are
       * known to be taken, by what took the last one looked at */
      guint taken_until[2] = { 0, 0 };
      const HwEcomapBox *blocker[2] = { NULL, NULL };

      if (found_clear && rho > clear_until)
        {
          node->x = clear_x;
          node->y = clear_y;
          return clear_rho;
        }
      if (found_free && rho > nodes_clear_until)
        {
          node->x = free_x;
          node->y = free_y;
          return free_rho;
        }

      /* walk both ways from the target until both ends of the sector */
      for (guint k = 0; in_range; k++)
        {
          in_range = FALSE;
          for (int sign = 1; sign >= -1; sign -= 2)
            {
              double a = target + sign * (double) k * da;
              HwEcomapBox box;
              double depth;

              if (k == 0 && sign < 0)
                continue;
              if (a < start || a >= end)
                continue;
              in_range = TRUE;
              if (k < taken_until[sign < 0])
                continue;
              node->x = rho * sin (a);
              node->y = -rho * cos (a);
              hw_ecomap_layout_node_box (node, &box);
              if (!grid_is_free (grid, &box, &depth, &blocker[sign < 0]))
                {
                  /* The next spots j steps on lie at most j * arc_step
                   * away (a chord is shorter than its arc): those
                   * nearer than @depth are taken too, and are skipped
                   * (with room for rounding) without the same answer
                   * being worked out again. From the target, both ways. */
                  guint more = use_shortcuts && depth > 1e-6 ? (guint) MIN ((depth - 1e-6) / arc_step, 1e6) : 0;

                  taken_until[sign < 0] = k + 1 + more;
                  if (k == 0)
                    taken_until[1] = taken_until[0];
                  continue;
                }
              if (rho > nodes_clear_until)
                return rho;   /* nothing better was near: the first free */
              if (!found_free)
                {
                  found_free = TRUE;
                  free_x = node->x, free_y = node->y, free_rho = rho;
                }
              if (found_clear && rho > clear_until)
                continue;
              if (grid_tie_crosses (grid, node, self))
                continue;
              if (rho <= clear_until &&
                  grid_ray_is_clear (grid, node->x, node->y, self))
                return rho;
              if (!found_clear)
                {
                  found_clear = TRUE;
                  clear_x = node->x, clear_y = node->y, clear_rho = rho;
                }
              if (rho > clear_until)
                return rho;
            }
        }
      /* Give up on finding room in a hopeless case (e.g. a sector of zero
       * width because of sizes like NaN): keep going out, which always ends
       * because far enough out nothing is in the way. */
      if (tries > 100000)
        {
          node->x = rho * sin ((start + end) / 2);
          node->y = -rho * cos ((start + end) / 2);
          return rho;
        }
    }
}

void
hw_ecomap_layout (HwEcomapLayoutNode *nodes,
                  guint               n_nodes,
                  double              household_radius)
{
  double start[HW_ECOMAP_N_CATEGORIES], end[HW_ECOMAP_N_CATEGORIES];
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  SortContext ctx = { nodes };
  Grid grid = { 0 };
  double ring_step = 0;
  double rho_band;
  guint i;

  g_return_if_fail (n_nodes == 0 || nodes != NULL);

  if (!isfinite (household_radius) || household_radius < 0)
    household_radius = 0;

  /* sanitise sizes once so nothing below meets NaN or negatives */
  for (i = 0; i < n_nodes; i++)
    {
      HwEcomapLayoutNode *n = &nodes[i];

      if (!isfinite (n->radius) || n->radius < 0)
        n->radius = 0;
      if (!isfinite (n->label_width) || n->label_width < 0)
        n->label_width = 0;
      if (!isfinite (n->label_height) || n->label_height < 0)
        n->label_height = 0;
    }

  compute_sectors (nodes, n_nodes, start, end);

  for (i = 0; i < n_nodes; i++)
    {
      HwEcomapBox box;

      nodes[i].x = node_is_pinned (&nodes[i]) ? nodes[i].x : 0;
      nodes[i].y = node_is_pinned (&nodes[i]) ? nodes[i].y : 0;
      hw_ecomap_layout_node_box (&nodes[i], &box);
      /* rings are as far apart as the tallest node; wide labels on the
       * left and right are pushed out further by the collision check */
      ring_step = MAX (ring_step, box.y2 - box.y1);
    }
  ring_step = MAX (ring_step, 8.0);

  grid.cell = ring_step + HW_ECOMAP_LAYOUT_MARGIN;
  grid.cells = g_hash_table_new_full (cell_hash, g_int64_equal, g_free, array_free);
  /* the rings a map of this many nodes is likely to fill, in cells (the
   * rest, if any, is found in the hash table all the same) */
  grid.dense_half = (gint64) CLAMP (2 * sqrt ((double) n_nodes) +
                                    household_radius / grid.cell + 8, 8, 512);
  grid.dense = g_new0 (GArray *, (gsize) (4 * grid.dense_half * grid.dense_half));
  for (guint c = 0; c < TIE_CLASSES; c++)
    grid.ties[c] = g_array_new (FALSE, FALSE, sizeof (Tie));
  grid.boxes = g_new0 (HwEcomapBox, MAX (n_nodes, 1));
  grid.nodes = nodes;
  grid.household_radius = household_radius;
  grid.stamps = g_new0 (guint, MAX (n_nodes, 1));

  for (i = 0; i < n_nodes; i++)
    {
      if (node_is_pinned (&nodes[i]))
        grid_add (&grid, i);
      else
        g_array_append_val (order, i);
    }
  g_array_sort_with_data (order, compare_index, &ctx);

  /* leave the strongest ties long enough to show their line style */
  rho_band = household_radius + HW_ECOMAP_LAYOUT_MARGIN + ring_step / 2 + 30;

  i = 0;
  while (i < order->len)
    {
      guint band = node_band (&nodes[g_array_index (order, guint, i)]);
      double band_max = rho_band;

      while (i < order->len &&
             node_band (&nodes[g_array_index (order, guint, i)]) == band)
        {
          guint cat = node_category (&nodes[g_array_index (order, guint, i)]);
          guint first = i, last = i;
          double s = start[cat], e = end[cat];
          double rho = rho_band;

          while (last < order->len &&
                 node_band (&nodes[g_array_index (order, guint, last)]) == band &&
                 node_category (&nodes[g_array_index (order, guint, last)]) == cat)
            last++;

          /* ring by ring: as many nodes as the arc holds, evenly spread */
          while (first < last)
            {
              double width = 0;
              guint fit, k;

              for (k = first; k < last; k++)
                width += 2 * half_width (&nodes[g_array_index (order, guint, k)]) +
                         2 * HW_ECOMAP_LAYOUT_MARGIN;
              width /= (last - first);
              fit = (guint) floor (rho * (e - s) / MAX (width, 1.0));
              fit = CLAMP (fit, 1, last - first);

              for (k = 0; k < fit; k++)
                {
                  guint idx = g_array_index (order, guint, first + k);
                  double target = s + (k + 0.5) * (e - s) / fit;
                  double used;

                  used = place_node (&grid, &nodes[idx], idx, rho, target, s, e, ring_step);
                  band_max = MAX (band_max, used);
                  grid_add (&grid, idx);
                }
              first += fit;
              rho += ring_step + HW_ECOMAP_LAYOUT_MARGIN;
            }
          i = last;
        }

      /* the next band starts strictly outside this one */
      rho_band = band_max + ring_step / 2 + HW_ECOMAP_LAYOUT_MARGIN;
    }

  g_hash_table_unref (grid.cells);
  for (gint64 k = 0; k < 4 * grid.dense_half * grid.dense_half; k++)
    if (grid.dense[k] != NULL)
      g_array_unref (grid.dense[k]);
  g_free (grid.dense);
  for (guint c = 0; c < TIE_CLASSES; c++)
    g_array_unref (grid.ties[c]);
  g_free (grid.boxes);
  g_free (grid.stamps);
}

void
hw_ecomap_layout_bounds (const HwEcomapLayoutNode *nodes,
                         guint                     n_nodes,
                         double                    household_radius,
                         HwEcomapBox              *bounds)
{
  bounds->x1 = bounds->y1 = -household_radius;
  bounds->x2 = bounds->y2 = household_radius;

  for (guint i = 0; i < n_nodes; i++)
    {
      HwEcomapBox box;

      hw_ecomap_layout_node_box (&nodes[i], &box);
      if (!isfinite (box.x1) || !isfinite (box.y1) ||
          !isfinite (box.x2) || !isfinite (box.y2))
        continue;
      bounds->x1 = MIN (bounds->x1, box.x1);
      bounds->y1 = MIN (bounds->y1, box.y1);
      bounds->x2 = MAX (bounds->x2, box.x2);
      bounds->y2 = MAX (bounds->y2, box.y2);
    }
}
