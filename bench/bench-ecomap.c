/* bench-ecomap.c: how fast the ecomap is laid out, drawn and exported,
 * compared with graphviz `twopi -Tpdf` on the same graph, how long a full
 * redraw takes at 1920x1080 (the layout done), the editor's frames through
 * its view cache (a pan, a zoom, an edit: hw-ecomap-cache.h)
 * and one frame while a node is dragged. Ends with a table of each figure
 * next to its target (issue 18). Prints figures; asserts nothing (speed is
 * not a test).
 *
 *   meson test -C build --benchmark --suite bench -v
 *   or: build/bench/bench-ecomap [N ...]
 *   build/bench/bench-ecomap --redraw N ...: full redraws at fit zoom only
 *   build/bench/bench-ecomap --pdf N ...: the PDF export against twopi only
 *   build/bench/bench-ecomap --png FILE N: the editor's picture of an N
 *     node map at fit zoom, and FILE.full.png in full detail, to compare;
 *     FILE.100.png: at 100%, centred on the household
 *   build/bench/bench-ecomap --pdf-file FILE N: the PDF export of an N node
 *     map kept in FILE, to look at and to count what its page holds
 *   build/bench/bench-ecomap --scroll N ...: pans out of the view cache's
 *     margin at 100%; --settle N ...: zoom steps coming to rest at 100%;
 *     --edit N ...: edits at 100%, drawn only where they changed;
 *     --resize N ...: the window made larger at 100%;
 *     --floor N ...: at 100%, the whole drawing against its ties alone as
 *     plain lines (the least any drawing of every tie costs in cairo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "hw-ecomap-render.h"
#include "hw-ecomap-cache.h"
#include "bench-stats.h"

#define REPEATS 5
#define SCREEN_W 1920
#define SCREEN_H 1080
#define REDRAWS  40

static const char * const first[] = {
  "Ana", "Luis", "Rosa", "Marco", "Carmen", "Joseph", "Priya", "Tom", "Nia", "Margaret",
  "Alicia", "Samuel", "Karen", "James", "Elena", "Mateo", "Sofía", "Lucía", "Dana", "Ray",
};
static const char * const last[] = {
  "Morales", "Reyes", "Ortiz", "Baker", "Green", "Shah", "Becker", "Thompson", "Liu",
  "Brooks", "Whitfield", "Castillo", "Okafor", "Kim", "Alvarez", "Delgado",
};
static const char * const orgs[] = {
  "Elementary School", "Counseling Center", "Food Bank", "Housing Partnership",
  "Community Clinic", "Parenting Program", "Family Court", "Recovery Services", "Church",
};

static HwEcomapMap *
make_map (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  HwEcomapMap *map = hw_ecomap_map_new ();

  map->title = g_strdup_printf ("Benchmark map, %u nodes", n);
  map->subtitle = g_strdup ("Generated");
  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  hw_ecomap_map_add_member (map, "Parent One");
  hw_ecomap_map_add_member (map, "Child One");
  hw_ecomap_map_add_member (map, "Child Two");

  for (guint i = 0; i < n; i++)
    {
      gboolean org = g_rand_int_range (rand, 0, 4) == 0;
      g_autofree char *label = NULL;
      gint64 id = 2 + i;

      if (org)
        label = g_strdup_printf ("%s %u", orgs[g_rand_int_range (rand, 0, G_N_ELEMENTS (orgs))], i);
      else
        label = g_strdup_printf ("%s %s %u", first[g_rand_int_range (rand, 0, G_N_ELEMENTS (first))],
                                 last[g_rand_int_range (rand, 0, G_N_ELEMENTS (last))], i);
      hw_ecomap_map_add_node (map, id, org ? HW_ECOMAP_NODE_ORGANISATION : HW_ECOMAP_NODE_PERSON,
                              g_rand_int_range (rand, 0, HW_ECOMAP_N_CATEGORIES), label);
      hw_ecomap_map_add_tie (map, 1000000 + i, 1, id, g_rand_int_range (rand, 0, HW_TIE_NONE),
                             g_rand_int_range (rand, 0, 6) == 0, g_rand_int_range (rand, 0, 4));
    }
  /* and some ties between the outer nodes */
  for (guint i = 0; n > 1 && i < n / 5; i++)
    {
      gint64 a = 2 + g_rand_int_range (rand, 0, n), b = 2 + g_rand_int_range (rand, 0, n);

      if (a != b)
        hw_ecomap_map_add_tie (map, 2000000 + i, a, b, g_rand_int_range (rand, 0, HW_TIE_NONE),
                               FALSE, HW_TIE_FLOW_NONE);
    }
  return map;
}

static const char *
dot_style (HwTieStrength s)
{
  switch (s)
    {
    case HW_TIE_STRONG: return "penwidth=3";
    case HW_TIE_TENUOUS: return "style=dashed";
    case HW_TIE_BROKEN: return "style=dotted";
    case HW_TIE_MODERATE:
    case HW_TIE_NONE:
    case HW_TIE_N_STRENGTHS:
    default:
      return "penwidth=1";
    }
}

/* The same graph for twopi: household as the root, labels under nodes. */
static char *
make_dot (HwEcomapMap *map)
{
  GString *s = g_string_new ("graph ecomap {\n  root=n1; overlap=false; splines=false;\n"
                             "  node [shape=circle, width=0.3, fontname=\"DejaVu Sans\", fontsize=8.5];\n"
                             "  n1 [label=\"Household\", width=1.2];\n");

  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

      g_string_append_printf (s, "  n%" G_GINT64_FORMAT " [xlabel=\"%s\", label=\"\"%s];\n",
                              node->id, node->label,
                              node->kind == HW_ECOMAP_NODE_ORGANISATION ? ", shape=box" : "");
    }
  for (guint i = 0; i < map->ties->len; i++)
    {
      HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, i);
      const char *dir = tie->flow == HW_TIE_FLOW_A_TO_B ? ", dir=forward"
                        : tie->flow == HW_TIE_FLOW_B_TO_A ? ", dir=back"
                        : tie->flow == HW_TIE_FLOW_BOTH ? ", dir=both" : "";

      g_string_append_printf (s, "  n%" G_GINT64_FORMAT " -- n%" G_GINT64_FORMAT " [%s%s];\n",
                              tie->node_a, tie->node_b, dot_style (tie->strength), dir);
    }
  g_string_append (s, "}\n");
  return g_string_free (s, FALSE);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, (int (*) (const void *, const void *)) compare_double);
  return v[n / 2];
}

static double
percentile_of (const double *v,
               guint         n,
               double        p)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_append_vals (ms, v, n);
  return bench_percentile (ms, p);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this process, and of its waited-for children: on a shared
 * machine the wall clock also counts the time others had the processor. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
children_cpu_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_CHILDREN, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  double layout_pure, layout, draw, export, total, twopi;
  /* for the table: p95s, and CPU time medians of ours and of twopi */
  double total_p95, twopi_p95, total_cpu, twopi_cpu;
} Figures;

static void
bench_size (guint        n,
            const char  *dir,
            Figures     *out)
{
  double t_pure[REPEATS], t_layout[REPEATS], t_draw[REPEATS], t_export[REPEATS], t_total[REPEATS];
  double t_twopi[REPEATS], c_total[REPEATS], c_twopi[REPEATS];
  g_autofree char *pdf = g_build_filename (dir, "bench.pdf", NULL);
  g_autofree char *dot_path = g_build_filename (dir, "bench.dot", NULL);
  g_autofree char *twopi_pdf = g_build_filename (dir, "twopi.pdf", NULL);
  gboolean have_twopi = g_find_program_in_path ("twopi") != NULL;

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(HwEcomapMap) map = make_map (n);
      g_autoptr(GError) error = NULL;
      g_autofree HwEcomapLayoutNode *lay = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      double t0, t1;

      /* the pure ring layout alone, on sizes measured once */
      hw_ecomap_map_layout (map);
      lay = g_new0 (HwEcomapLayoutNode, map->nodes->len);
      for (guint i = 0; i < map->nodes->len; i++)
        {
          HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);

          lay[i] = (HwEcomapLayoutNode) { node->id, node->category, node->strength, node->radius,
                                          node->label_width, node->label_height, FALSE, 0, 0 };
        }
      t0 = now_ms ();
      hw_ecomap_layout (lay, map->nodes->len, map->household_radius);
      t_pure[r] = now_ms () - t0;

      /* a fresh map: measuring text + layout, as the editor does on load */
      g_clear_pointer (&map, hw_ecomap_map_free);
      map = make_map (n);
      c_total[r] = cpu_ms ();
      t0 = now_ms ();
      hw_ecomap_map_layout (map);
      t1 = now_ms ();
      t_layout[r] = t1 - t0;
      c_total[r] = cpu_ms () - c_total[r];

      /* drawing one page into a PDF surface that writes nowhere */
      t0 = now_ms ();
      surface = cairo_pdf_surface_create_for_stream (discard_cb, NULL, 841.89, 595.28);
      cr = cairo_create (surface);
      hw_ecomap_draw_page (map, cr, 841.89, 595.28);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      t_draw[r] = now_ms () - t0;

      /* the whole export to a file */
      c_total[r] -= cpu_ms ();
      t0 = now_ms ();
      if (!hw_ecomap_map_export (map, "pdf", "a4", pdf, &error))
        g_error ("export failed: %s", error->message);
      t_export[r] = now_ms () - t0;
      c_total[r] += cpu_ms ();

      t_total[r] = t_layout[r] + t_export[r];

      if (have_twopi)
        {
          g_autofree char *dot = make_dot (map);
          const char *argv[] = { "twopi", "-Tpdf", "-o", twopi_pdf, dot_path, NULL };
          int status = 0;

          g_file_set_contents (dot_path, dot, -1, NULL);
          c_twopi[r] = children_cpu_ms ();
          t0 = now_ms ();
          if (!g_spawn_sync (NULL, (char **) argv, NULL,
                             G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                             NULL, NULL, NULL, NULL, &status, NULL))
            have_twopi = FALSE;
          t_twopi[r] = now_ms () - t0;
          c_twopi[r] = children_cpu_ms () - c_twopi[r];
        }
    }

  out->layout_pure = median (t_pure, REPEATS);
  out->layout = median (t_layout, REPEATS);
  out->draw = median (t_draw, REPEATS);
  out->export = median (t_export, REPEATS);
  out->total = median (t_total, REPEATS);
  out->twopi = have_twopi ? median (t_twopi, REPEATS) : NAN;
  out->total_p95 = percentile_of (t_total, REPEATS, 0.95);
  out->total_cpu = percentile_of (c_total, REPEATS, 0.5);
  out->twopi_cpu = have_twopi ? percentile_of (c_twopi, REPEATS, 0.5) : NAN;
  out->twopi_p95 = have_twopi ? percentile_of (t_twopi, REPEATS, 0.95) : NAN;

  g_unlink (pdf);
  g_unlink (dot_path);
  g_unlink (twopi_pdf);
}

/* Redraws at the window's size on an ARGB image (what GTK's cairo
 * renderer gives us): a full redraw (zoom, pan, any edit) and a drag
 * frame as the editor draws it: the map without the dragged node, cached
 * once when the drag starts, painted, then the node and its ties on top. */
static void
bench_drag (guint n)
{
  g_autoptr(HwEcomapMap) map = make_map (n);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  cairo_surface_t *cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  HwEcomapDrawOptions options = { .selected_node = 2, .show_sectors = TRUE, .fine_curves = TRUE };
  double full[30], frames[120], start;
  cairo_matrix_t matrix;
  HwEcomapMapNode *node;
  cairo_t *cr;

  hw_ecomap_map_layout (map);
  hw_ecomap_fit_matrix (map, 0, 0, 1280, 800, &matrix);
  node = &g_array_index (map->nodes, HwEcomapMapNode, 0);

  for (guint f = 0; f < G_N_ELEMENTS (full); f++)
    {
      double t0 = now_ms ();

      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_transform (cr, &matrix);
      hw_ecomap_draw_map (map, cr, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      full[f] = now_ms () - t0;
    }

  /* drag start: the cache */
  start = now_ms ();
  cr = cairo_create (cache);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_transform (cr, &matrix);
  options.exclude_node = node->id;
  hw_ecomap_draw_map (map, cr, &options);
  cairo_destroy (cr);
  start = now_ms () - start;

  options.exclude_node = 0;
  options.only_node = node->id;
  for (guint f = 0; f < G_N_ELEMENTS (frames); f++)
    {
      double t0 = now_ms ();

      hw_ecomap_map_move_node (map, node->id, node->x + 1.5, node->y + 0.5);
      cr = cairo_create (surface);
      cairo_set_source_surface (cr, cache, 0, 0);
      cairo_paint (cr);
      cairo_transform (cr, &matrix);
      hw_ecomap_draw_map (map, cr, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      frames[f] = now_ms () - t0;
    }
  cairo_surface_destroy (surface);
  cairo_surface_destroy (cache);

  {
    double full_med = median (full, G_N_ELEMENTS (full));
    double med = median (frames, G_N_ELEMENTS (frames));
    /* the 95th percentile: a shared machine has hiccups */
    double p95 = frames[(guint) (G_N_ELEMENTS (frames) * 0.95)];

    printf ("\nRedraw, %u nodes, 1280x800:\n"
            "  full redraw (zoom, pan, edit): median %.2f ms\n"
            "  drag start (cache without the node): %.2f ms, once per drag\n"
            "  drag frame (cache + node + its ties): median %.2f ms, 95th percentile %.2f ms\n"
            "  target: a drag frame within 16 ms: %s\n",
            n, full_med, start, med, p95, p95 <= 16 ? "met" : "NOT met");
  }
}

typedef struct {
  double median, p95, cpu;   /* wall clock, and the median CPU time */
  double zoom;               /* of a redraw: device pixels per map unit */
  HwEcomapDetail detail;     /* how much is drawn at that zoom */
} Timing;

static void
timing_of (GArray *ms,
           GArray *cpu,
           Timing *out)
{
  out->median = bench_percentile (ms, 0.5);
  out->p95 = bench_percentile (ms, 0.95);
  out->cpu = bench_percentile (cpu, 0.5);
}

/* Three kinds of frame measured together: their wall clock and CPU
 * times, made empty */
static void
new_timings (GArray *ms[3],
             GArray *cpu[3])
{
  for (guint k = 0; k < 3; k++)
    {
      ms[k] = g_array_new (FALSE, FALSE, sizeof (double));
      cpu[k] = g_array_new (FALSE, FALSE, sizeof (double));
    }
}

/* timing_of () of each of the three into @a, @b, @c; frees them */
static void
timings_of (GArray *ms[3],
            GArray *cpu[3],
            Timing *a,
            Timing *b,
            Timing *c)
{
  Timing *out[3] = { a, b, c };

  for (guint k = 0; k < 3; k++)
    {
      timing_of (ms[k], cpu[k], out[k]);
      g_array_unref (ms[k]);
      g_array_unref (cpu[k]);
    }
}

/* Lays @map out and sets @view to show it at 1920x1080: @fit, the whole
 * map (what the view opens with); else at 100%, centred on the household. */
static void
laid_out_view (HwEcomapMap    *map,
               gboolean        fit,
               cairo_matrix_t *view)
{
  hw_ecomap_map_layout (map);
  if (fit)
    hw_ecomap_fit_matrix (map, 0, 0, SCREEN_W, SCREEN_H, view);
  else
    cairo_matrix_init_translate (view, SCREEN_W / 2.0, SCREEN_H / 2.0);
}

/* One full redraw as the editor's canvas makes it (hw-ecomap-canvas.c):
 * white, then the map with the view's transform (pan, then zoom) on an
 * ARGB image of the screen's size, sectors shown. */
static double
redraw_once (HwEcomapMap          *map,
             cairo_surface_t      *surface,
             const cairo_matrix_t *view)
{
  HwEcomapDrawOptions options = { .show_sectors = TRUE };
  double t0 = now_ms ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_transform (cr, view);
  hw_ecomap_draw_map (map, cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return now_ms () - t0;
}

/* What a timed redraw draws: @map (map_once ()), or @lines, each a
 * tie's x1, y1, x2, y2 (lines_once ()), onto @surface with @view */
typedef struct
{
  HwEcomapMap          *map;
  cairo_surface_t      *surface;
  const cairo_matrix_t *view;
  GArray               *lines;
  cairo_antialias_t     antialias;
} Redraw;

static double
map_once (const Redraw *redraw)
{
  return redraw_once (redraw->map, redraw->surface, redraw->view);
}

/* @once (@redraw) once to warm up (glyph caches), then REDRAWS times:
 * their wall clock and CPU times into @out */
static void
time_redraws (const Redraw *redraw,
              double      (*once) (const Redraw *redraw),
              Timing       *out)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  once (redraw);
  for (guint f = 0; f < REDRAWS; f++)
    {
      double c = cpu_ms ();
      double t = once (redraw);

      c = cpu_ms () - c;
      g_array_append_val (ms, t);
      g_array_append_val (cpu, c);
    }
  timing_of (ms, cpu, out);
}

/* Full redraws of an @n node map at 1920x1080: @fit TRUE at the zoom that
 * shows the whole map (what the view opens with, and the worst case: every
 * node and tie is on the screen), else at 100% centred on the household. */
static void
bench_redraw (guint     n,
              gboolean  fit,
              Timing   *out)
{
  g_autoptr(HwEcomapMap) map = make_map (n);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
  cairo_matrix_t view;

  laid_out_view (map, fit, &view);
  {
    cairo_t *cr = cairo_create (surface);

    cairo_transform (cr, &view);
    out->detail = hw_ecomap_draw_detail (cr);
    out->zoom = view.xx;
    cairo_destroy (cr);
  }
  time_redraws (&(Redraw) { map, surface, &view, NULL, CAIRO_ANTIALIAS_DEFAULT }, map_once, out);
  cairo_surface_destroy (surface);
}

/* Where a tie to the node @id ends: its centre and radius (the
 * household's too); FALSE if the map has no such node */
static gboolean
tie_end (HwEcomapMap *map,
         gint64       id,
         double       end[3])
{
  int i;

  if (id == map->household_id)
    {
      end[0] = end[1] = 0;
      end[2] = map->household_radius;
      return TRUE;
    }
  i = hw_ecomap_map_find_node (map, id);
  if (i < 0)
    return FALSE;
  end[0] = g_array_index (map->nodes, HwEcomapMapNode, i).x;
  end[1] = g_array_index (map->nodes, HwEcomapMapNode, i).y;
  end[2] = g_array_index (map->nodes, HwEcomapMapNode, i).radius;
  return TRUE;
}

/* @redraw's lines, each one antialiased (or not: @redraw->antialias)
 * stroke of a plain tie's width, on white */
static double
lines_once (const Redraw *redraw)
{
  double t0 = now_ms ();
  cairo_t *cr = cairo_create (redraw->surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_transform (cr, redraw->view);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_antialias (cr, redraw->antialias);
  for (guint i = 0; i < redraw->lines->len; i++)
    {
      const double *line = &g_array_index (redraw->lines, double, 4 * i);

      cairo_move_to (cr, line[0], line[1]);
      cairo_line_to (cr, line[2], line[3]);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (redraw->surface);
  return now_ms () - t0;
}

/* The least a drawing at 100% could cost that shows every tie in the
 * window: each tie's visible line alone, as one antialiased stroke of a
 * plain tie's width (1.5 map units: no dashes, waves, arrowheads, nodes
 * or names), from the household's or node's edge to the other's, on the
 * same 1920x1080 image as bench_redraw (@antialias: cairo's default, or
 * none, cairo's fastest stroke). What the whole drawing costs beyond it
 * is the ties' notation and the rest of the map. */
static void
bench_tie_floor (guint             n,
                 cairo_antialias_t antialias,
                 Timing           *out)
{
  g_autoptr(HwEcomapMap) map = make_map (n);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
  cairo_matrix_t view;

  laid_out_view (map, FALSE, &view);
  for (guint t = 0; t < map->ties->len; t++)
    {
      const HwEcomapMapTie *tie = &g_array_index (map->ties, HwEcomapMapTie, t);
      double a[3], b[3], line[4], ux, uy, len;

      if (!tie_end (map, tie->node_a, a) || !tie_end (map, tie->node_b, b))
        continue;
      len = hypot (b[0] - a[0], b[1] - a[1]);
      if (len <= a[2] + b[2])
        continue;
      ux = (b[0] - a[0]) / len;
      uy = (b[1] - a[1]) / len;
      line[0] = a[0] + ux * a[2];
      line[1] = a[1] + uy * a[2];
      line[2] = b[0] - ux * b[2];
      line[3] = b[1] - uy * b[2];
      g_array_append_val (lines, line);
    }
  time_redraws (&(Redraw) { map, surface, &view, lines, antialias }, lines_once, out);
  cairo_surface_destroy (surface);
}

static const char *
detail_text (HwEcomapDetail detail)
{
  switch (detail)
    {
    case HW_ECOMAP_DETAIL_FAR: return "from afar: hairline ties, zigzag waves";
    case HW_ECOMAP_DETAIL_FARTHER: return "from afar: hairline ties, zigzag waves, no names";
    case HW_ECOMAP_DETAIL_FULL:
    default:
      return "in full detail";
    }
}

/* The last frame's cairo node (its recording surface), kept while the
 * next frame is drawn, as GTK keeps a widget's last render node until
 * its new one is made. */
static cairo_surface_t *last_node;

/* One frame of the editor through @cache onto @window (@width x
 * @height, one device pixel a unit) as GTK 4 makes it from
 * hw-ecomap-canvas.c's snapshot: the cache paints into a cairo node (a
 * recording surface), and the renderer plays the node onto the window.
 * While a node holds what it painted from an image, cairo copies that
 * image before it changes (copy on write): the frame pays for that as in
 * the editor. */
static HwEcomapCacheResult
node_frame (HwEcomapCache             *cache,
            HwEcomapMap               *map,
            cairo_surface_t           *window,
            int                        width,
            int                        height,
            double                     zoom,
            double                     pan_x,
            double                     pan_y,
            const HwEcomapDrawOptions *options,
            HwEcomapCacheMode          mode)
{
  cairo_surface_t *node = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                          &(cairo_rectangle_t) { 0, 0, width, height });
  cairo_t *cr = cairo_create (node);
  HwEcomapCacheResult got;

  got = hw_ecomap_cache_draw (cache, map, cr, width, height, 1, zoom, pan_x, pan_y, options, mode);
  cairo_destroy (cr);
  cr = cairo_create (window);
  cairo_set_source_surface (cr, node, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (window);
  g_clear_pointer (&last_node, cairo_surface_destroy);
  last_node = node;
  return got;
}

/* One frame of the editor at 1920x1080 (node_frame ()): what the cache
 * did, and its wall clock and CPU time in @ms and @cpu. */
static HwEcomapCacheResult
cache_frame (HwEcomapCache             *cache,
             HwEcomapMap               *map,
             cairo_surface_t           *surface,
             double                     zoom,
             double                     pan_x,
             double                     pan_y,
             const HwEcomapDrawOptions *options,
             HwEcomapCacheMode          mode,
             double                    *ms,
             double                    *cpu)
{
  double c0 = cpu_ms (), t0 = now_ms ();
  HwEcomapCacheResult got;

  got = node_frame (cache, map, surface, SCREEN_W, SCREEN_H, zoom, pan_x, pan_y, options, mode);
  *ms = now_ms () - t0;
  *cpu = cpu_ms () - c0;
  return got;
}

/* The editor's frames through the view cache (hw-ecomap-cache.h), as
 * hw-ecomap-canvas.c draws them at 1920x1080: @pan: pan frames (whole
 * pixels, within the cache's margin), @zoom: the frames of a zoom gesture
 * (the image painted scaled), @fresh: a frame after an edit that moves
 * much of the map (drawn afresh into the cache, with its margin, then
 * painted). */
static void
bench_cached (guint     n,
              gboolean  fit,
              Timing   *pan,
              Timing   *zoom,
              Timing   *fresh)
{
  g_autoptr(HwEcomapMap) map = make_map (n);
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  GArray *ms[3], *cpu[3];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
  /* as hw-ecomap-canvas.c draws: curves as fine as on paper */
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
  cairo_matrix_t view;

  new_timings (ms, cpu);
  laid_out_view (map, fit, &view);

  for (guint f = 0; f < REDRAWS * 3; f++)
    {
      guint kind = f % 3;   /* 0 pan, 1 zoom, 2 fresh */
      double z = view.xx, px = view.x0, py = view.y0;
      HwEcomapCacheMode mode = HW_ECOMAP_CACHE_EXACT;
      HwEcomapCacheResult want = HW_ECOMAP_CACHE_HIT, got;
      double t, c;

      if (kind == 0)
        {
          /* a pan by up to 80 pixels each way */
          px += (double) ((f * 7) % 161) - 80;
          py += (double) ((f * 13) % 161) - 80;
        }
      else if (kind == 1)
        {
          z *= (f % 2) ? 1.15 : 1 / 1.15;
          mode = HW_ECOMAP_CACHE_SCALED_OK;
          want = HW_ECOMAP_CACHE_SCALED;
        }
      else
        {
          /* an edit that moves much of the map (a new person, a name:
           * the layout places a sector's nodes again): drawn afresh. (The
           * cache draws an edit that moves little only where it changed:
           * bench_edit ().) */
          hw_ecomap_map_changed (map);
          hw_ecomap_cache_invalidate (cache);
          want = HW_ECOMAP_CACHE_DRAWN;
        }
      got = cache_frame (cache, map, surface, z, px, py, &options, mode, &t, &c);
      if (f < 3)
        continue;   /* warm: the first image, glyph caches */
      if (got != want)
        g_error ("the view cache did not do what the bench measures (%d, not %d)", got, want);
      g_array_append_val (ms[kind], t);
      g_array_append_val (cpu[kind], c);
    }
  cairo_surface_destroy (surface);
  timings_of (ms, cpu, pan, zoom, fresh);
}

/* The ids (gint64) of @map's nodes well inside the screen at @view, into
 * @in_view: at least one */
static void
nodes_in_view (HwEcomapMap          *map,
               const cairo_matrix_t *view,
               GArray               *in_view)
{
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);
      double x = node->x, y = node->y;

      cairo_matrix_transform_point (view, &x, &y);
      if (x > 50 && x < SCREEN_W - 50 && y > 50 && y < SCREEN_H - 50)
        g_array_append_val (in_view, node->id);
    }
  if (in_view->len == 0)
    g_error ("no node in view");
}

/* The editor's frame after a change of selection (a click on a node or a
 * tie, Tab to the next) through the view cache at 1920x1080, @fit: whole
 * map in view, else at 100% centred on the household: the cache drawn
 * again only around the rings and halos that go and come, then painted.
 * Selected in turn: a node in view, its tie to the household, the
 * household. */
static void
bench_select (guint    n,
              gboolean fit,
              Timing  *out)
{
  g_autoptr(HwEcomapMap) map = make_map (n);
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) in_view = g_array_new (FALSE, FALSE, sizeof (gint64));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
  cairo_matrix_t view;

  laid_out_view (map, fit, &view);
  nodes_in_view (map, &view, in_view);

  for (guint f = 0; f < REDRAWS * 3 + 1; f++)
    {
      gint64 node = g_array_index (in_view, gint64, (f / 3 * 7) % in_view->len);
      HwEcomapCacheResult got;
      double t, c;

      /* (make_map: node i's tie to the household is 1000000 + i - 2) */
      options.selected_node = f % 3 == 0 ? node : f % 3 == 2 ? map->household_id : 0;
      options.selected_tie = f % 3 == 1 ? 1000000 + node - 2 : 0;
      got = cache_frame (cache, map, surface, view.xx, view.x0, view.y0, &options,
                         HW_ECOMAP_CACHE_EXACT, &t, &c);
      if (f == 0)
        continue;   /* the first image, glyph caches */
      if (got != HW_ECOMAP_CACHE_RESELECTED)
        g_error ("the view cache did not do what the bench measures (%d)", got);
      g_array_append_val (ms, t);
      g_array_append_val (cpu, c);
    }
  cairo_surface_destroy (surface);
  timing_of (ms, cpu, out);
}

/* The edits bench_edit () makes, in turn, to a node in view and its tie
 * to the household, as the editor's panel does (the map laid out again) */
static const char * const edit_names[] = {
  "a tie made stressful or calm", "support's flow turned", "a safety network member or not",
  "a tie stronger or weaker", "a name changed",
};
#define N_EDITS G_N_ELEMENTS (edit_names)

static void
make_edit (HwEcomapMap *map,
           guint        kind,
           gint64       node_id)
{
  int i = hw_ecomap_map_find_node (map, node_id);
  HwEcomapMapNode *node = &g_array_index (map->nodes, HwEcomapMapNode, i);
  HwEcomapMapTie *tie = NULL;

  for (guint t = 0; t < map->ties->len; t++)
    if (g_array_index (map->ties, HwEcomapMapTie, t).id == 1000000 + node_id - 2)
      tie = &g_array_index (map->ties, HwEcomapMapTie, t);
  switch (kind)
    {
    case 0:
      tie->stressful = !tie->stressful;
      break;
    case 1:
      tie->flow = (tie->flow + 1) % (HW_TIE_FLOW_BOTH + 1);
      break;
    case 2:
      node->network_member = !node->network_member;
      break;
    case 3:
      tie->strength = tie->strength == HW_TIE_STRONG ? HW_TIE_MODERATE : HW_TIE_STRONG;
      break;
    default:
      {
        /* (the same length: a longer name may take another place) */
        char *label = g_strdup (node->label);

        label[0] = label[0] == 'X' ? 'Y' : 'X';
        g_free (node->label);
        node->label = label;
      }
      break;
    }
  hw_ecomap_map_layout (map);
}

/* Edits at 100% (centred on the household, in full detail), each to a
 * node in view (make_edit ()), the map laid out again, then its frame
 * through the view cache: @edited, those drawn again only where what
 * changed was and is; @whole, those the cache drew afresh (the layout
 * moved much of the view); @before, every edit's frame drawn afresh, as
 * the cache did before. @edited_share: of each kind of edit, the share
 * drawn only in part. */
static void
bench_edit (guint    n,
            Timing  *edited,
            Timing  *whole,
            Timing  *before,
            double   edited_share[N_EDITS])
{
  g_autoptr(HwEcomapMap) map = make_map (n);
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  g_autoptr(GArray) in_view = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *ms[3], *cpu[3];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
  guint done[N_EDITS] = { 0 }, partly[N_EDITS] = { 0 };
  cairo_matrix_t view;
  double t, c;

  new_timings (ms, cpu);
  laid_out_view (map, FALSE, &view);
  nodes_in_view (map, &view, in_view);

  /* the first image, glyph caches */
  cache_frame (cache, map, surface, view.xx, view.x0, view.y0, &options, HW_ECOMAP_CACHE_EXACT,
               &t, &c);
  for (guint f = 0; f < REDRAWS * 2; f++)
    {
      g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
      guint kind = f % N_EDITS, k;
      HwEcomapCacheResult got;

      make_edit (map, kind, g_array_index (in_view, gint64, (f * 7) % in_view->len));
      got = cache_frame (cache, map, surface, view.xx, view.x0, view.y0, &options,
                         HW_ECOMAP_CACHE_EXACT, &t, &c);
      if (got != HW_ECOMAP_CACHE_EDITED && got != HW_ECOMAP_CACHE_DRAWN)
        g_error ("the view cache did not do what the bench measures (%d)", got);
      k = got == HW_ECOMAP_CACHE_EDITED ? 0 : 1;
      done[kind]++;
      partly[kind] += k == 0;
      g_array_append_val (ms[k], t);
      g_array_append_val (cpu[k], c);
      cache_frame (other, map, surface, view.xx, view.x0, view.y0, &options, HW_ECOMAP_CACHE_EXACT,
                   &t, &c);
      g_array_append_val (ms[2], t);
      g_array_append_val (cpu[2], c);
    }
  cairo_surface_destroy (surface);
  timings_of (ms, cpu, edited, whole, before);
  for (guint k = 0; k < N_EDITS; k++)
    edited_share[k] = done[k] > 0 ? (double) partly[k] / done[k] : 0;
}

/* the share of all the bench's edits drawn only in part */
static double
edit_share_local (const double share[N_EDITS])
{
  double sum = 0;

  for (guint k = 0; k < N_EDITS; k++)
    sum += share[k];
  return sum / N_EDITS;
}

static void
print_edit (guint n)
{
  Timing edited, whole, before;
  double share[N_EDITS];

  bench_edit (n, &edited, &whole, &before, share);
  printf ("an edit at 100%%, %u nodes, drawn only where it changed: median %.2f ms, p95 %.2f ms, "
          "cpu %.2f ms;\n  drawn afresh (much of the view moved): median %.2f ms; "
          "every edit drawn afresh (before): median %.2f ms\n", n, edited.median, edited.p95,
          edited.cpu, whole.median, before.median);
  for (guint k = 0; k < N_EDITS; k++)
    printf ("  %s: %.0f%% drawn only where it changed\n", edit_names[k], 100 * share[k]);
}

/* The editor's idle time between frames (hw-ecomap-canvas.c): the
 * cache's margin drawn a call of hw_ecomap_cache_fill () at a time while
 * some is left, at most @max_calls calls (0: until it is whole); each
 * call's wall clock time appended to @steps (nullable). */
static void
idle_fill (HwEcomapCache *cache,
           HwEcomapMap   *map,
           guint          max_calls,
           GArray        *steps)
{
  for (guint i = 0; hw_ecomap_cache_needs_fill (cache) && (max_calls == 0 || i < max_calls); i++)
    {
      double t0 = now_ms ();
      gboolean more = hw_ecomap_cache_fill (cache, map);

      t0 = now_ms () - t0;
      if (steps != NULL)
        g_array_append_val (steps, t0);
      if (!more)
        break;
    }
}

/* The window made larger and smaller again at 100% (centred on the
 * household, in full detail), as a maximised window is restored: from
 * 1600x900 to 1920x1080 and back. @grown: the frames at the larger size
 * through the cache (the old image's pixels kept, the bands around them
 * drawn, the window's part of them at once); @fresh: the same frames
 * drawn afresh (the window's rows), as before; @idle: the calls that draw
 * the rest of the margin when the editor is idle after each frame, and
 * @longest the longest of them. */
static void
bench_resize (guint    n,
              Timing  *grown,
              Timing  *fresh,
              Timing  *idle,
              double  *longest)
{
  g_autoptr(GArray) idle_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HwEcomapMap) map = make_map (n);
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fresh_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fresh_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
  cairo_matrix_t view;

  /* (the window's two sizes: the window system's, not the editor's) */
  cairo_surface_t *windows[2] = { cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900),
                                  cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H) };

  laid_out_view (map, FALSE, &view);
  for (guint f = 0; f < REDRAWS * 2 + 1; f++)
    {
      gboolean large = f % 2 == 1;
      int w = large ? SCREEN_W : 1600, h = large ? SCREEN_H : 900;
      HwEcomapCacheResult got;
      double t0, c0;

      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();

          c0 = cpu_ms ();
          t0 = now_ms ();
          got = node_frame (k == 0 ? cache : other, map, windows[large], w, h, view.xx, view.x0,
                            view.y0, &options, HW_ECOMAP_CACHE_EXACT);
          if (f == 0 || !large)
            {
              /* the first image, glyph caches; the smaller size: nothing to draw */
              idle_fill (cache, map, 0, NULL);
              break;
            }
          if (got != (k == 0 ? HW_ECOMAP_CACHE_RESIZED : HW_ECOMAP_CACHE_DRAWN))
            g_error ("the view cache did not do what the bench measures (%d)", got);
          t0 = now_ms () - t0;
          c0 = cpu_ms () - c0;
          g_array_append_val (k == 0 ? ms : fresh_ms, t0);
          g_array_append_val (k == 0 ? cpu : fresh_cpu, c0);
          if (k == 0)
            idle_fill (cache, map, 0, idle_ms);
        }
    }
  g_clear_pointer (&last_node, cairo_surface_destroy);
  cairo_surface_destroy (windows[0]);
  cairo_surface_destroy (windows[1]);
  timing_of (ms, cpu, grown);
  timing_of (fresh_ms, fresh_cpu, fresh);
  /* (CPU time: not measured apart; the wall clock's median) */
  timing_of (idle_ms, idle_ms, idle);
  *longest = bench_percentile (idle_ms, 1.0);
}

/* A drag at 100% (centred on the household, in full detail) that leaves
 * the view cache's margin at each frame: across, down, back and both ways
 * at once, 200 units each. @scrolled: the frames through the cache (the
 * image moved and the bands it uncovers drawn); @fresh: the same frames
 * drawn afresh, as the cache did before it could move its image. */
static void
bench_scroll (guint    n,
              Timing  *scrolled,
              Timing  *fresh)
{
  static const double moves[][2] = { { 200, 0 }, { 0, 200 }, { -200, 0 }, { 0, -200 },
                                     { 200, 200 }, { -200, -200 } };
  g_autoptr(HwEcomapMap) map = make_map (n);
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fresh_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fresh_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
  cairo_matrix_t view;
  double pan_x, pan_y;

  laid_out_view (map, FALSE, &view);
  pan_x = view.x0;
  pan_y = view.y0;
  for (guint f = 0; f < REDRAWS + 1; f++)
    {
      g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
      HwEcomapCacheResult got;
      double t, c;

      if (f > 0)
        {
          pan_x += moves[(f - 1) % G_N_ELEMENTS (moves)][0];
          pan_y += moves[(f - 1) % G_N_ELEMENTS (moves)][1];
        }
      for (guint k = 0; k < 2; k++)
        {
          got = cache_frame (k == 0 ? cache : other, map, surface, view.xx, pan_x, pan_y, &options,
                             HW_ECOMAP_CACHE_EXACT, &t, &c);
          if (f == 0)
            break;   /* the first image, glyph caches */
          if (got != (k == 0 ? HW_ECOMAP_CACHE_SCROLLED : HW_ECOMAP_CACHE_DRAWN))
            g_error ("the view cache did not do what the bench measures (%d)", got);
          g_array_append_val (k == 0 ? ms : fresh_ms, t);
          g_array_append_val (k == 0 ? cpu : fresh_cpu, c);
        }
      /* (the idle time before the next frame of the drag: a call) */
      idle_fill (cache, map, 1, NULL);
    }
  cairo_surface_destroy (surface);
  timing_of (ms, cpu, scrolled);
  timing_of (fresh_ms, fresh_cpu, fresh);
}

/* A zoom step that comes to rest at 100% (centred on the household, in
 * full detail), from a view 15% further out or in: the frames through
 * the cache in PROGRESSIVE mode until the view is whole. @longest: the
 * longest frame of each rest; @n_frames: the frames a rest took, at most;
 * @fresh: the same rest drawn afresh at once (EXACT), as before. */
static void
bench_settle (guint    n,
              Timing  *longest,
              guint   *n_frames,
              Timing  *fresh)
{
  g_autoptr(HwEcomapMap) map = make_map (n);
  g_autoptr(GArray) worst = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) worst_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fresh_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fresh_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
  HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
  cairo_matrix_t view;

  /* (one cache for every step, as the editor's canvas keeps one) */
  g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();

  *n_frames = 0;
  laid_out_view (map, FALSE, &view);
  for (guint r = 0; r < 9; r++)
    {
      g_autoptr(HwEcomapCache) other = hw_ecomap_cache_new ();
      double from = r % 2 ? 1.15 : 1 / 1.15, t, c, most = 0, most_cpu = 0;
      HwEcomapCacheResult got;
      guint frames = 0;

      /* the view before the step (the household stays in the middle) */
      cache_frame (cache, map, surface, from, view.x0, view.y0, &options, HW_ECOMAP_CACHE_EXACT, &t,
                   &c);
      do
        {
          got = cache_frame (cache, map, surface, 1.0, view.x0, view.y0, &options,
                             HW_ECOMAP_CACHE_PROGRESSIVE, &t, &c);
          most = MAX (most, t);
          most_cpu = MAX (most_cpu, c);
          frames++;
        }
      while (got == HW_ECOMAP_CACHE_PARTIAL && frames < 1000);
      if (got != HW_ECOMAP_CACHE_DRAWN)
        g_error ("the view cache did not do what the bench measures (%d)", got);
      cache_frame (other, map, surface, from, view.x0, view.y0, &options, HW_ECOMAP_CACHE_EXACT, &t,
                   &c);
      cache_frame (other, map, surface, 1.0, view.x0, view.y0, &options, HW_ECOMAP_CACHE_EXACT, &t,
                   &c);
      if (r == 0)
        continue;   /* the first images, glyph caches */
      *n_frames = MAX (*n_frames, frames);
      g_array_append_val (worst, most);
      g_array_append_val (worst_cpu, most_cpu);
      g_array_append_val (fresh_ms, t);
      g_array_append_val (fresh_cpu, c);
    }
  cairo_surface_destroy (surface);
  timing_of (worst, worst_cpu, longest);
  timing_of (fresh_ms, fresh_cpu, fresh);
}

/* Same input, same positions: two maps made alike, laid out apart. */
static gboolean
layout_is_deterministic (guint n)
{
  g_autoptr(HwEcomapMap) a = make_map (n);
  g_autoptr(HwEcomapMap) b = make_map (n);

  hw_ecomap_map_layout (a);
  hw_ecomap_map_layout (b);
  for (guint i = 0; i < a->nodes->len; i++)
    {
      HwEcomapMapNode *na = &g_array_index (a->nodes, HwEcomapMapNode, i);
      HwEcomapMapNode *nb = &g_array_index (b->nodes, HwEcomapMapNode, i);

      if (memcmp (&na->x, &nb->x, sizeof na->x) != 0 || memcmp (&na->y, &nb->y, sizeof na->y) != 0)
        return FALSE;
    }
  return TRUE;
}

/* @target NULL: a figure shown for what it is, no target of its own */
static void
table_row (const char *figure,
           double      median,
           double      p95,
           double      cpu,
           const char *unit,
           const char *target,
           gboolean    met)
{
  printf ("  %-46s %8.2f %8.2f %8.2f %-3s %-15s %s\n", figure, median, p95, cpu, unit,
          target != NULL ? target : "", target == NULL ? "" : met ? "yes" : "NO");
}

/* A frame's row: @t against the frame target of an @n node map (8 ms at
 * 300 nodes, 16 ms at 1,000), met by the median */
static void
frame_row (const char   *figure,
           const Timing *t,
           guint         n)
{
  double target = n <= 300 ? 8 : 16;

  table_row (figure, t->median, t->p95, t->cpu, "ms", target == 8 ? "<= 8" : "<= 16",
             t->median <= target);
}

/* frame_row () at 300 and 1,000 nodes (@t[0], @t[1]), indented under the
 * line before: "@label, N nodes" */
static void
frame_rows (const char   *label,
            const Timing  t[2])
{
  for (guint k = 0; k < 2; k++)
    {
      guint n = k == 0 ? 300 : 1000;
      g_autofree char *name = g_strdup_printf ("  %s, %u nodes", label, n);

      frame_row (name, &t[k], n);
    }
}

static void
print_redraw (guint n)
{
  Timing t;

  bench_redraw (n, TRUE, &t);
  printf ("redraw %u nodes, fit %dx%d (zoom %.3f, %s): median %.2f ms, p95 %.2f ms, "
          "cpu %.2f ms\n", n, SCREEN_W, SCREEN_H, t.zoom, detail_text (t.detail), t.median,
          t.p95, t.cpu);
  bench_redraw (n, FALSE, &t);
  printf ("redraw %u nodes at 100%% (%s): median %.2f ms, p95 %.2f ms, cpu %.2f ms\n", n,
          detail_text (t.detail), t.median, t.p95, t.cpu);
}

static void
print_scroll (guint n)
{
  Timing t, fresh;

  bench_scroll (n, &t, &fresh);
  printf ("pan out of the margin at 100%%, %u nodes: median %.2f ms, p95 %.2f ms, "
          "cpu %.2f ms (drawn afresh: median %.2f ms)\n", n, t.median, t.p95, t.cpu,
          fresh.median);
}

static void
print_settle (guint n)
{
  Timing t, fresh;
  guint frames;

  bench_settle (n, &t, &frames, &fresh);
  printf ("zoom at rest at 100%%, %u nodes: longest frame median %.2f ms, p95 %.2f ms, "
          "cpu %.2f ms; up to %u frames (drawn afresh at once: median %.2f ms)\n", n,
          t.median, t.p95, t.cpu, frames, fresh.median);
}

static void
print_resize (guint n)
{
  Timing t, fresh, idle;
  double longest;

  bench_resize (n, &t, &fresh, &idle, &longest);
  printf ("window made larger at 100%%, %u nodes: median %.2f ms, p95 %.2f ms, cpu %.2f ms "
          "(drawn afresh: median %.2f ms); the margin after it, drawn when idle: a call "
          "median %.2f ms, p95 %.2f ms, longest %.2f ms\n", n, t.median, t.p95, t.cpu,
          fresh.median, idle.median, idle.p95, longest);
}

static void
print_floor (guint n)
{
  Timing whole, aa, mono;

  bench_redraw (n, FALSE, &whole);
  bench_tie_floor (n, CAIRO_ANTIALIAS_DEFAULT, &aa);
  bench_tie_floor (n, CAIRO_ANTIALIAS_NONE, &mono);
  printf ("at 100%%, %u nodes: the whole drawing median %.2f ms (cpu %.2f); the ties alone as "
          "plain lines: antialiased %.2f ms (cpu %.2f), not antialiased %.2f ms (cpu %.2f)\n",
          n, whole.median, whole.cpu, aa.median, aa.cpu, mono.median, mono.cpu);
}

/* The modes that take sizes: build/bench/bench-ecomap --OPTION N ... */
static const struct {
  const char *option;
  void      (*print) (guint n);
} per_size[] = {
  { "--redraw", print_redraw },
  { "--scroll", print_scroll },
  { "--settle", print_settle },
  { "--edit", print_edit },
  { "--resize", print_resize },
  { "--floor", print_floor },
};

int
main (int   argc,
      char *argv[])
{
  /* where the PDFs and twopi's files are written, for the modes that do */
  g_autofree char *dir = NULL;
  guint sizes[16] = { 50, 300, 1000 };
  guint n_sizes = 3;
  Figures pdf1000 = { .total = NAN, .twopi = NAN, .total_p95 = NAN, .twopi_p95 = NAN,
                      .total_cpu = NAN, .twopi_cpu = NAN };

  if (argc > 1 && g_str_equal (argv[1], "--drag"))
    {
      bench_drag (300);
      return 0;
    }
  if (argc > 1 && g_str_equal (argv[1], "--pdf"))
    {
      /* only the PDF export against twopi, target 5x at 1000 nodes */
      dir = g_dir_make_tmp ("hw-bench-ecomap-XXXXXX", NULL);
      for (int i = 2; i < argc; i++)
        {
          guint n = (guint) g_ascii_strtoull (argv[i], NULL, 10);
          Figures f;

          bench_size (n, dir, &f);
          printf ("pdf %u nodes: ours %.2f ms (cpu %.2f), twopi %.2f ms (cpu %.2f): "
                  "%.1fx (cpu %.1fx), target >= 5x\n", n, f.total, f.total_cpu, f.twopi,
                  f.twopi_cpu, f.twopi / f.total, f.twopi_cpu / f.total_cpu);
        }
      g_rmdir (dir);
      return 0;
    }
  if (argc > 3 && g_str_equal (argv[1], "--pdf-file"))
    {
      g_autoptr(HwEcomapMap) map = make_map ((guint) g_ascii_strtoull (argv[3], NULL, 10));
      g_autoptr(GError) error = NULL;

      hw_ecomap_map_layout (map);
      if (!hw_ecomap_map_export (map, "pdf", "a4", argv[2], &error))
        {
          fprintf (stderr, "bench-ecomap: %s\n", error->message);
          return 1;
        }
      printf ("%s: %u nodes\n", argv[2], map->nodes->len);
      return 0;
    }
  if (argc > 3 && g_str_equal (argv[1], "--png"))
    {
      /* to look at: the editor's frame of an N node map at the zoom that
       * fits 1920x1080 (through the view cache, as hw-ecomap-canvas.c
       * draws it), and the same drawn in full detail (as on paper) */
      guint n = (guint) g_ascii_strtoull (argv[3], NULL, 10);
      g_autoptr(HwEcomapMap) map = make_map (n);
      g_autoptr(HwEcomapCache) cache = hw_ecomap_cache_new ();
      HwEcomapDrawOptions options = { .show_sectors = TRUE, .fine_curves = TRUE };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_W, SCREEN_H);
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      g_autofree char *full = g_strconcat (argv[2], ".full.png", NULL);
      g_autofree char *at_100 = g_strconcat (argv[2], ".100.png", NULL);
      cairo_matrix_t view;
      double fit_zoom;
      cairo_t *cr;

      hw_ecomap_map_layout (map);
      hw_ecomap_fit_matrix (map, 0, 0, SCREEN_W, SCREEN_H, &view);
      cr = cairo_create (surface);
      hw_ecomap_cache_draw (cache, map, cr, SCREEN_W, SCREEN_H, 1, view.xx, view.x0, view.y0,
                            &options, HW_ECOMAP_CACHE_EXACT);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, argv[2]);
      cr = cairo_create (recording);
      cairo_transform (cr, &view);
      hw_ecomap_draw_map (map, cr, &options);
      cairo_destroy (cr);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, full);
      fit_zoom = view.xx;
      laid_out_view (map, FALSE, &view);
      redraw_once (map, surface, &view);
      cairo_surface_write_to_png (surface, at_100);
      cairo_surface_destroy (recording);
      cairo_surface_destroy (surface);
      printf ("%s: the editor at zoom %.3f; %s: in full detail; %s: at 100%%, centred on the household\n",
              argv[2], fit_zoom, full, at_100);
      return 0;
    }
  for (guint k = 0; argc > 1 && k < G_N_ELEMENTS (per_size); k++)
    if (g_str_equal (argv[1], per_size[k].option))
      {
        for (int i = 2; i < argc; i++)
          per_size[k].print ((guint) g_ascii_strtoull (argv[i], NULL, 10));
        return 0;
      }
  if (argc > 1)
    {
      n_sizes = 0;
      for (int i = 1; i < argc && n_sizes < G_N_ELEMENTS (sizes); i++)
        sizes[n_sizes++] = (guint) g_ascii_strtoull (argv[i], NULL, 10);
    }

  dir = g_dir_make_tmp ("hw-bench-ecomap-XXXXXX", NULL);
  printf ("Ecomap benchmark (median of %d runs, milliseconds; cpu: CPU time, which\n"
          "  others on a shared machine inflate less than the wall clock)\n", REPEATS);
  printf ("  layout*: ring layout alone; layout: measuring labels + layout;\n"
          "  draw: one page into a PDF surface; export: page written to a PDF file;\n"
          "  ours: layout + export; twopi: `twopi -Tpdf` on the same graph (process included)\n\n");
  printf ("%6s %9s %9s %9s %9s %9s %9s %8s %9s %9s %8s\n",
          "nodes", "layout*", "layout", "draw", "export", "ours", "twopi", "ratio",
          "ours cpu", "twopi cpu", "cpu ratio");

  for (guint i = 0; i < n_sizes; i++)
    {
      Figures f;

      bench_size (sizes[i], dir, &f);
      printf ("%6u %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %7.1fx %9.2f %9.2f %7.1fx\n",
              sizes[i], f.layout_pure, f.layout, f.draw, f.export, f.total, f.twopi,
              f.twopi / f.total, f.total_cpu, f.twopi_cpu, f.twopi_cpu / f.total_cpu);
      if (sizes[i] == 1000)
        pdf1000 = f;
    }

  bench_drag (300);
  bench_drag (1000);

  if (argc == 1)
    {
      Timing fit300, fit1000, zoom300, zoom1000, floor_aa[2], floor_mono[2];
      Timing pan_c[2], zoom_c[2], fresh_c[2], select_fit[2], select_full[2];
      Timing scroll[2], scroll_fresh[2], settle[2], settle_fresh[2];
      Timing edited[2], edited_whole[2], edited_before[2];
      Timing resized[2], resized_fresh[2], resized_idle[2];
      double idle_longest[2];
      double edited_share[2][N_EDITS];
      guint settle_frames[2];
      gboolean deterministic = layout_is_deterministic (300) && layout_is_deterministic (1000);
      double ratio = pdf1000.twopi / pdf1000.total;

      bench_redraw (300, TRUE, &fit300);
      bench_redraw (1000, TRUE, &fit1000);
      bench_redraw (300, FALSE, &zoom300);
      bench_redraw (1000, FALSE, &zoom1000);
      bench_tie_floor (300, CAIRO_ANTIALIAS_DEFAULT, &floor_aa[0]);
      bench_tie_floor (1000, CAIRO_ANTIALIAS_DEFAULT, &floor_aa[1]);
      bench_tie_floor (300, CAIRO_ANTIALIAS_NONE, &floor_mono[0]);
      bench_tie_floor (1000, CAIRO_ANTIALIAS_NONE, &floor_mono[1]);
      bench_cached (300, TRUE, &pan_c[0], &zoom_c[0], &fresh_c[0]);
      bench_cached (1000, TRUE, &pan_c[1], &zoom_c[1], &fresh_c[1]);
      bench_select (300, TRUE, &select_fit[0]);
      bench_select (1000, TRUE, &select_fit[1]);
      bench_select (300, FALSE, &select_full[0]);
      bench_select (1000, FALSE, &select_full[1]);
      bench_scroll (300, &scroll[0], &scroll_fresh[0]);
      bench_scroll (1000, &scroll[1], &scroll_fresh[1]);
      bench_settle (300, &settle[0], &settle_frames[0], &settle_fresh[0]);
      bench_settle (1000, &settle[1], &settle_frames[1], &settle_fresh[1]);
      bench_edit (300, &edited[0], &edited_whole[0], &edited_before[0], edited_share[0]);
      bench_edit (1000, &edited[1], &edited_whole[1], &edited_before[1], edited_share[1]);
      bench_resize (300, &resized[0], &resized_fresh[0], &resized_idle[0], &idle_longest[0]);
      bench_resize (1000, &resized[1], &resized_fresh[1], &resized_idle[1], &idle_longest[1]);

      printf ("\nTargets (issue 18); met: by the median (wall clock). cpu: median CPU time,\n"
              "which other users of a shared machine inflate less than the wall clock\n");
      printf ("  %-46s %8s %8s %8s %-3s %-15s %s\n", "figure", "median", "p95", "cpu", "",
              "target", "met");
      frame_row ("redraw 300 nodes, 1920x1080, whole map", &fit300, 300);
      frame_row ("redraw 1000 nodes, 1920x1080, whole map", &fit1000, 1000);
      frame_row ("redraw 300 nodes, 1920x1080, at 100%", &zoom300, 300);
      frame_row ("redraw 1000 nodes, 1920x1080, at 100%", &zoom1000, 1000);
      printf ("  what no drawing of every tie at 100%% costs less than in cairo: the ties\n"
              "  alone as plain lines, one antialiased stroke each (not antialiased: 300\n"
              "  nodes %.2f ms, 1000 nodes %.2f ms):\n", floor_mono[0].median,
              floor_mono[1].median);
      table_row ("  the ties alone, 300 nodes", floor_aa[0].median, floor_aa[0].p95,
                 floor_aa[0].cpu, "ms", NULL, TRUE);
      table_row ("  the ties alone, 1000 nodes", floor_aa[1].median, floor_aa[1].p95,
                 floor_aa[1].cpu, "ms", NULL, TRUE);
      printf ("  (drawn at: whole map, 300 nodes: zoom %.2f, %s; 1000 nodes: zoom %.2f, %s;\n"
              "   at 100%%: %s)\n", fit300.zoom, detail_text (fit300.detail), fit1000.zoom,
              detail_text (fit1000.detail), detail_text (zoom300.detail));
      printf ("  the editor's frames through the view cache (whole map in view):\n");
      for (guint k = 0; k < 2; k++)
        {
          guint n = k == 0 ? 300 : 1000;
          g_autofree char *pan_name = g_strdup_printf ("  pan frame, %u nodes (cached image)", n);
          g_autofree char *zoom_name = g_strdup_printf ("  zoom frame, %u nodes (image scaled)", n);
          g_autofree char *fresh_name = g_strdup_printf ("  an edit drawn afresh, %u nodes", n);

          frame_row (pan_name, &pan_c[k], n);
          frame_row (zoom_name, &zoom_c[k], n);
          frame_row (fresh_name, &fresh_c[k], n);
        }
      printf ("  a change of selection through the view cache (drawn again around it):\n");
      for (guint k = 0; k < 4; k++)
        {
          guint n = k % 2 == 0 ? 300 : 1000;
          const Timing *t = k < 2 ? &select_fit[k] : &select_full[k - 2];
          g_autofree char *name = g_strdup_printf ("  select, %u nodes, %s", n,
                                                   k < 2 ? "whole map" : "at 100%");

          frame_row (name, t, n);
        }
      printf ("  a pan out of the cache's margin, at 100%% (the image moved, the bands it\n"
              "  uncovers drawn; drawn afresh before: 300 nodes %.2f ms, 1000 nodes %.2f ms):\n",
              scroll_fresh[0].median, scroll_fresh[1].median);
      frame_rows ("pan out of the margin", scroll);
      printf ("  a zoom step that comes to rest at 100%%, drawn a piece a frame (the longest\n"
              "  frame; up to %u and %u frames; drawn afresh at once before: %.2f and %.2f ms):\n",
              settle_frames[0], settle_frames[1], settle_fresh[0].median, settle_fresh[1].median);
      frame_rows ("zoom at rest (longest frame)", settle);
      printf ("  an edit at 100%% that moves nothing else (a tie's stress or flow, the safety\n"
              "  network: %.0f%% and %.0f%% of the bench's edits), drawn again only where it\n"
              "  changed (every edit drawn afresh before: %.2f and %.2f ms):\n",
              100 * edit_share_local (edited_share[0]), 100 * edit_share_local (edited_share[1]),
              edited_before[0].median, edited_before[1].median);
      frame_rows ("an edit drawn in part", edited);
      printf ("  the window made larger at 100%%, 1600x900 to 1920x1080 (the old image kept,\n"
              "  the window's part of the bands around it drawn; drawn afresh: %.2f and\n"
              "  %.2f ms):\n", resized_fresh[0].median, resized_fresh[1].median);
      frame_rows ("window made larger", resized);
      printf ("  the rest of the margin after it, drawn when the editor is idle, a call at a\n"
              "  time (a call delays a frame asked for while it runs; the longest: %.2f and\n"
              "  %.2f ms):\n", idle_longest[0], idle_longest[1]);
      frame_rows ("margin drawn when idle (a call)", resized_idle);
      table_row ("PDF 1000 nodes: ours (layout + export)", pdf1000.total, pdf1000.total_p95,
                 pdf1000.total_cpu, "ms", NULL, TRUE);
      if (isnan (ratio))
        printf ("  %-46s %8s %8s %8s %-3s %-15s %s\n", "PDF 1000 nodes: twopi -Tpdf", "-", "-", "-",
                "", "(not found)", "-");
      else
        {
          table_row ("PDF 1000 nodes: twopi -Tpdf", pdf1000.twopi, pdf1000.twopi_p95,
                     pdf1000.twopi_cpu, "ms", NULL, TRUE);
          printf ("  %-46s %8.2f %8s %8.2f %-3s %-15s %s\n",
                  "PDF 1000 nodes: twopi / ours (medians)", ratio, "",
                  pdf1000.twopi_cpu / pdf1000.total_cpu, "x", ">= 5x", ratio >= 5 ? "yes" : "NO");
        }
      printf ("  %-46s %8s %8s %8s %-3s %-15s %s\n", "layout deterministic (300 and 1000 nodes)",
              deterministic ? "same" : "DIFFERS", "", "", "", "same positions",
              deterministic ? "yes" : "NO");
    }
  g_rmdir (dir);
  return 0;
}
