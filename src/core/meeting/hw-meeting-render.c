/* hw-meeting-render.c: the projected screen of a family meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-render"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <math.h>

#include "hw-export.h"
#include "hw-language.h"
#include "hw-meeting-render.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

typedef struct { double r, g, b; } Rgb;

/* High contrast on a projector: near-black ground, white text, one
 * saturated accent per column. All pass WCAG AAA (7:1) on the ground. */
static const Rgb ground    = { 0.04, 0.04, 0.05 };
static const Rgb panel     = { 0.13, 0.13, 0.15 };
static const Rgb white     = { 1.00, 1.00, 1.00 };
static const Rgb grey      = { 0.80, 0.80, 0.82 };
static const Rgb yellow    = { 1.00, 0.84, 0.00 };
static const Rgb green     = { 0.49, 0.93, 0.56 };
static const Rgb pink      = { 1.00, 0.62, 0.62 };
static const Rgb cyan      = { 0.45, 0.86, 1.00 };

typedef struct {
  cairo_t *cr;
  double   s;       /* scale: 1.0 at 1080 lines */
  guint    n_cut;   /* texts that must show whole but were cut short */
} Ctx;

static void
set_rgb (cairo_t *cr, const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* Lays out @text in a box @w wide, at most @max_lines lines (ellipsized
 * after that; 0 = no limit). Returns the layout for measuring/drawing. */
static PangoLayout *
make_layout (Ctx        *ctx,
             const char *text,
             double      w,
             double      px,
             gboolean    bold,
             int         max_lines,
             PangoAlignment align)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  /* Never below the minimum, whatever the scale asks for. */
  pango_font_description_set_absolute_size (font, MAX (px, HW_MEETING_RENDER_MIN_TEXT_PX) * ctx->s * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
draw_layout (Ctx         *ctx,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *colour)
{
  cairo_save (ctx->cr);
  set_rgb (ctx->cr, colour);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, layout);
  cairo_restore (ctx->cr);
}

/* Draws text and returns its height. */
static double
draw_text (Ctx        *ctx,
           const char *text,
           double      x,
           double      y,
           double      w,
           double      px,
           gboolean    bold,
           int         max_lines,
           const Rgb  *colour)
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, w, px, bold, max_lines, PANGO_ALIGN_LEFT);

  draw_layout (ctx, layout, x, y, colour);
  return layout_height (layout);
}

char *
hw_meeting_format_duration (gint64 seconds)
{
  if (seconds < 0)
    seconds = 0;
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* A plain-words reminder of what the phase is for, under the title. */
static const char *
phase_prompt (const char *phase)
{
  static const struct { const char *phase; const char *prompt; } prompts[] = {
    { "welcome",      N_("Who is here, and why we are here") },
    { "ground-rules", N_("How we will talk together, and what stays private") },
    { "purpose",      N_("What we want to decide today, and the family's goals") },
    { "story",        N_("The family's story, in their own words") },
    { "strengths",    N_("What is working well") },
    { "worries",      N_("What we are worried about, and what could happen if nothing changes") },
    { "complicating", N_("What makes things harder") },
    { "safety-goals", N_("What the children need to be safe") },
    { "scaling",      N_("0 = the children cannot go home · 10 = safe enough to close the case") },
    { "ideas",        N_("Every idea counts") },
    { "family-time",  N_("The family talks on their own. Professionals leave the room.") },
    { "decisions",    N_("What we agreed") },
    { "actions",      N_("Who does what, by when, and who checks") },
    { "plan-b",       N_("What could go wrong, and what we do then") },
    { "next-meeting", N_("When we meet again") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    if (g_strcmp0 (prompts[i].phase, phase) == 0)
      return _(prompts[i].prompt);
  return "";
}

static gboolean
is_column_phase (const char *phase)
{
  static const char * const phases[] = {
    "strengths", "worries", "complicating", "safety-goals", "actions", NULL,
  };

  return phase != NULL && g_strv_contains (phases, phase);
}

/* The layouts of one item of draw_items(): its text, its due date
 * (*@due) and its detail line (*@detail), each NULL if it has none.
 * Measuring and drawing both use these, so what is measured is what is
 * drawn. The due date and whether everyone agreed must show whole: they
 * wrap (a name may be cut short, with "…"). */
static PangoLayout *
item_layouts (Ctx                      *ctx,
              const HwPresentationItem *item,
              double                    w,
              double                    px,
              PangoLayout             **due,
              PangoLayout             **detail)
{
  /* long harm statements need room; "+N more" takes over when full */
  PangoLayout *text = make_layout (ctx, item->text, w, px, FALSE, 6, PANGO_ALIGN_LEFT);

  *due = NULL;
  *detail = NULL;
  if (item->due != NULL && item->due[0] != '\0')
    *due = make_layout (ctx, item->due, w, HW_MEETING_RENDER_MIN_TEXT_PX, FALSE, 2, PANGO_ALIGN_LEFT);
  if (item->detail != NULL && item->detail[0] != '\0')
    *detail = make_layout (ctx, item->detail, w, HW_MEETING_RENDER_MIN_TEXT_PX, FALSE,
                           item->due != NULL ? 1 : 2, PANGO_ALIGN_LEFT);
  return text;
}

static double
optional_height (PangoLayout *layout)
{
  return layout != NULL ? layout_height (layout) : 0;
}

/* The height of one item of draw_items(), without the gap after it. */
static double
item_height (Ctx                      *ctx,
             const HwPresentationItem *item,
             double                    w,
             double                    px)
{
  g_autoptr(PangoLayout) due = NULL;
  g_autoptr(PangoLayout) detail = NULL;
  g_autoptr(PangoLayout) text = item_layouts (ctx, item, w, px, &due, &detail);

  return layout_height (text) + optional_height (due) + optional_height (detail);
}

/* Draws a list of items in a box; stops with "+N more" when it is full.
 * With @latest (the column being worked on), a full box shows the last
 * items instead, under "+N earlier": what was just said is on the screen.
 * Returns the height used. */
static double
draw_items (Ctx       *ctx,
            GPtrArray *items,
            double     x,
            double     y,
            double     w,
            double     h,
            double     px,
            const Rgb *bullet_colour,
            const char *bullet,
            const char *empty_text,
            gboolean   latest)
{
  double top = y;
  double gap = 18 * ctx->s;
  double bullet_w = px * 1.0 * ctx->s;
  double more_h;
  guint first = 0;

  {
    g_autoptr(PangoLayout) probe = make_layout (ctx, "+9", w, px, FALSE, 1, PANGO_ALIGN_LEFT);
    more_h = layout_height (probe);
  }

  if (items == NULL || items->len == 0)
    {
      if (empty_text != NULL)
        return draw_text (ctx, empty_text, x, y, w, px, FALSE, 2, &grey);
      return 0;
    }

  if (latest)
    {
      double used = 0;

      /* from the newest back, as many as fit with the "+N earlier" line */
      for (first = items->len; first > 0; first--)
        {
          /* no gap is needed after the last one */
          double need = item_height (ctx, g_ptr_array_index (items, first - 1), w - bullet_w, px) +
                        (first < items->len ? gap : 0);

          if (used + need + (first - 1 > 0 ? more_h + gap : 0) > h)
            break;
          used += need;
        }
      /* the newest always shows, even if it is too long for the box */
      first = MIN (first, items->len - 1);
      if (first > 0)
        {
          g_autofree char *earlier = g_strdup_printf (_("+%u earlier"), first);

          draw_text (ctx, earlier, x + bullet_w, y, w - bullet_w, px, TRUE, 1, bullet_colour);
          y += more_h + gap;
        }
    }

  for (guint i = first; i < items->len; i++)
    {
      const HwPresentationItem *item = g_ptr_array_index (items, i);
      g_autoptr(PangoLayout) due = NULL;
      g_autoptr(PangoLayout) detail = NULL;
      g_autoptr(PangoLayout) text = item_layouts (ctx, item, w - bullet_w, px, &due, &detail);
      double need = layout_height (text) + optional_height (due) + optional_height (detail);
      gboolean last = (i == items->len - 1);

      /* Keep room for the "+N more" line unless this is the last item. */
      if (y + need > top + h - (last ? 0 : more_h + gap))
        {
          g_autofree char *more = g_strdup_printf (_("+%u more"), items->len - i);
          draw_text (ctx, more, x + bullet_w, y, w - bullet_w, px, TRUE, 1, bullet_colour);
          y += more_h + gap;
          break;
        }

      draw_text (ctx, bullet, x, y, bullet_w, px, TRUE, 1, bullet_colour);
      draw_layout (ctx, text, x + bullet_w, y, &white);
      y += layout_height (text);
      if (due != NULL)
        {
          if (pango_layout_is_ellipsized (due))
            ctx->n_cut++;
          draw_layout (ctx, due, x + bullet_w, y, &grey);
          y += layout_height (due);
        }
      if (detail != NULL)
        {
          /* a name may be cut short; whether everyone agreed may not */
          if (item->due == NULL && pango_layout_is_ellipsized (detail))
            ctx->n_cut++;
          draw_layout (ctx, detail, x + bullet_w, y, &grey);
          y += layout_height (detail);
        }
      y += gap;
    }
  return y - top;
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_columns (Ctx                  *ctx,
              const HwPresentation *p,
              double                x0,
              double                y0,
              double                w,
              double                h)
{
  struct {
    const char *title;
    const char *bullet;
    const Rgb  *colour;
    GPtrArray  *items;
    gboolean    current;
  } cols[3] = {
    { _("Working well"), "+", &green, p->strengths,
      g_strcmp0 (p->phase, "strengths") == 0 },
    { _("Worries"), "!", &pink, p->worries,
      g_strcmp0 (p->phase, "worries") == 0 || g_strcmp0 (p->phase, "complicating") == 0 },
    { _("Next steps"), "→", &cyan, p->next_steps,
      g_strcmp0 (p->phase, "safety-goals") == 0 || g_strcmp0 (p->phase, "actions") == 0 ||
      g_strcmp0 (p->phase, "decisions") == 0 },
  };
  double gap = 36 * ctx->s;
  double col_w = (w - 2 * gap) / 3;
  double pad = 28 * ctx->s;

  for (int i = 0; i < 3; i++)
    {
      double x = x0 + i * (col_w + gap);
      double th;

      cairo_save (ctx->cr);
      rounded_rect (ctx->cr, x, y0, col_w, h, 18 * ctx->s);
      set_rgb (ctx->cr, &panel);
      cairo_fill_preserve (ctx->cr);
      /* The column being worked on gets a thick outline, not just a tint. */
      if (cols[i].current)
        {
          set_rgb (ctx->cr, cols[i].colour);
          cairo_set_line_width (ctx->cr, 8 * ctx->s);
          cairo_stroke (ctx->cr);
        }
      else
        cairo_new_path (ctx->cr);
      cairo_restore (ctx->cr);

      th = draw_text (ctx, cols[i].title, x + pad, y0 + pad, col_w - 2 * pad,
                      56, TRUE, 1, cols[i].colour);
      cairo_save (ctx->cr);
      set_rgb (ctx->cr, cols[i].colour);
      cairo_rectangle (ctx->cr, x + pad, y0 + pad + th + 6 * ctx->s, col_w - 2 * pad, 5 * ctx->s);
      cairo_fill (ctx->cr);
      cairo_restore (ctx->cr);

      draw_items (ctx, cols[i].items, x + pad, y0 + pad + th + 34 * ctx->s,
                  col_w - 2 * pad, h - 2 * pad - th - 34 * ctx->s, 44,
                  cols[i].colour, cols[i].bullet, _("Nothing yet"), cols[i].current);
    }
}

static int
mark_by_score_cmp (gconstpointer a,
                   gconstpointer b)
{
  const HwPresentationMark *ma = *(HwPresentationMark * const *) a;
  const HwPresentationMark *mb = *(HwPresentationMark * const *) b;

  return ma->score - mb->score;
}

typedef struct {
  PangoLayout *name;    /* "Rosa 7" */
  double       disc_x;
  double       name_x;
  int          row;     /* 0 = just above the line */
} Placed;

static void
placed_clear (gpointer data)
{
  Placed *pl = data;

  g_clear_object (&pl->name);
}

/* Places everyone's disc on the line (lx0..lx1) and their name in the
 * lowest row above it where it does not overlap another name. Returns the
 * number of rows used. */
static int
place_marks (Ctx                       *ctx,
             const HwPresentationScale *scale,
             double                     x0,
             double                     w,
             double                     lx0,
             double                     lx1,
             GArray                    *out)
{
  double s = ctx->s;
  double r = 16 * s;
  int counts[11] = { 0 };
  int placed[11] = { 0 };
  int n_rows = 0;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GArray) row_right = g_array_new (FALSE, TRUE, sizeof (double));

  for (guint i = 0; i < scale->marks->len; i++)
    {
      HwPresentationMark *m = g_ptr_array_index (scale->marks, i);

      g_ptr_array_add (sorted, m);
      counts[CLAMP (m->score, 0, 10)]++;
    }
  /* left to right, so that each name can take the lowest free row */
  g_ptr_array_sort (sorted, mark_by_score_cmp);

  for (guint i = 0; i < sorted->len; i++)
    {
      const HwPresentationMark *m = g_ptr_array_index (sorted, i);
      int v = CLAMP (m->score, 0, 10);
      g_autofree char *text = g_strdup_printf ("%s %d", m->label, m->score);
      Placed pl = { 0 };
      double lw;
      int row;

      pl.name = make_layout (ctx, text, w, HW_MEETING_RENDER_MIN_TEXT_PX, FALSE, 1, PANGO_ALIGN_LEFT);
      /* several people at one number sit side by side */
      pl.disc_x = lx0 + (lx1 - lx0) * v / 10.0 + (placed[v] - (counts[v] - 1) / 2.0) * r * 1.5;
      placed[v]++;
      lw = layout_width (pl.name);
      pl.name_x = CLAMP (pl.disc_x - lw / 2, x0, x0 + w - lw);

      for (row = 0; row < (int) row_right->len; row++)
        if (g_array_index (row_right, double, row) + 24 * s < pl.name_x)
          break;
      if (row == (int) row_right->len)
        g_array_set_size (row_right, row + 1);
      g_array_index (row_right, double, row) = pl.name_x + lw;
      pl.row = row;
      n_rows = MAX (n_rows, row + 1);
      g_array_append_val (out, pl);
    }
  return n_rows;
}

static double
label_height (Ctx *ctx)
{
  g_autoptr(PangoLayout) probe = make_layout (ctx, "Ag", 1000, HW_MEETING_RENDER_MIN_TEXT_PX, FALSE, 1, PANGO_ALIGN_LEFT);

  return layout_height (probe);
}

/* "4 of 6 have given their score": all the room sees of a statement's
 * scores until the facilitator reveals them. */
static char *
scored_count_text (const HwPresentationScale *scale)
{
  if (scale->n_people == 0)
    return g_strdup (_("No one has given a score yet"));
  /* TRANSLATORS: how many of the people taking part have scored a
   * statement, e.g. "4 of 6 have given their score" */
  return g_strdup_printf (ngettext ("%u of %u has given their score",
                                    "%u of %u have given their score", scale->n_scored),
                          scale->n_scored, scale->n_people);
}

static const char *
hidden_scores_text (void)
{
  return _("Scores are shown when the facilitator reveals them");
}

/* The height of a statement whose scores are not revealed: the
 * statement, the count, the plain line. */
static double
hidden_scale_height (Ctx                       *ctx,
                     const HwPresentationScale *scale,
                     double                     w)
{
  g_autofree char *count = scored_count_text (scale);
  g_autoptr(PangoLayout) st = make_layout (ctx, scale->statement, w, 44, TRUE, 2, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) cl = make_layout (ctx, count, w - 40 * ctx->s, 43, TRUE, 2, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) hl = make_layout (ctx, hidden_scores_text (), w - 40 * ctx->s, 43, FALSE, 2,
                                           PANGO_ALIGN_LEFT);

  return layout_height (st) + 12 * ctx->s + layout_height (cl) + 4 * ctx->s + layout_height (hl);
}

/* A statement whose scores are not revealed: no line, no disc, no number,
 * no name; only how many have scored, so the room knows to wait. Returns
 * the height used. */
static double
draw_hidden_scale (Ctx                       *ctx,
                   const HwPresentationScale *scale,
                   double                     x0,
                   double                     y0,
                   double                     w)
{
  g_autofree char *count = scored_count_text (scale);
  double y = y0;

  y += draw_text (ctx, scale->statement, x0, y, w, 44, TRUE, 2, &white);
  y += 12 * ctx->s;
  y += draw_text (ctx, count, x0 + 40 * ctx->s, y, w - 40 * ctx->s, 43, TRUE, 2, &yellow);
  y += 4 * ctx->s;
  y += draw_text (ctx, hidden_scores_text (), x0 + 40 * ctx->s, y, w - 40 * ctx->s, 43, FALSE, 2,
                  &grey);
  return y - y0;
}

/* The height a scale needs: statement, name rows, line, numbers. */
static double
scale_height (Ctx                       *ctx,
              const HwPresentationScale *scale,
              double                     w)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_autoptr(PangoLayout) st = make_layout (ctx, scale->statement, w, 44, TRUE, 2, PANGO_ALIGN_LEFT);
  int rows;

  g_array_set_clear_func (placed, placed_clear);
  rows = place_marks (ctx, scale, 0, w, 40 * ctx->s, w - 40 * ctx->s, placed);
  return layout_height (st) + 20 * ctx->s + MAX (rows, 1) * label_height (ctx) +
         10 * ctx->s + 2 * 16 * ctx->s + 6 * ctx->s + label_height (ctx);
}

/* One 0-10 line with everyone's marks: the statement on top, the names
 * in rows above the line with a leader down to each person's disc, the
 * numbers under the line. The previous meeting's marks are hollow rings.
 * Returns the height used. */
static double
draw_scale (Ctx                       *ctx,
            const HwPresentationScale *scale,
            double                     x0,
            double                     y0,
            double                     w)
{
  cairo_t *cr = ctx->cr;
  double s = ctx->s;
  double r = 16 * s;
  double label_h = label_height (ctx);
  double th, lx0, lx1, ly;
  int rows;
  g_autoptr(GArray) placed = g_array_new (FALSE, TRUE, sizeof (Placed));

  g_array_set_clear_func (placed, placed_clear);
  th = draw_text (ctx, scale->statement, x0, y0, w, 44, TRUE, 2, &white);

  lx0 = x0 + 40 * s;
  lx1 = x0 + w - 40 * s;
  rows = place_marks (ctx, scale, x0, w, lx0, lx1, placed);
  ly = y0 + th + 20 * s + MAX (rows, 1) * label_h + 10 * s + r;

  /* the line, its ticks and the numbers 0..10 under it */
  cairo_save (cr);
  set_rgb (cr, &grey);
  cairo_set_line_width (cr, 5 * s);
  cairo_new_path (cr);
  cairo_move_to (cr, lx0, ly);
  cairo_line_to (cr, lx1, ly);
  cairo_stroke (cr);
  for (int v = 0; v <= 10; v++)
    {
      double tx = lx0 + (lx1 - lx0) * v / 10.0;
      g_autofree char *num = g_strdup_printf ("%d", v);
      g_autoptr(PangoLayout) l = make_layout (ctx, num, 200 * s, HW_MEETING_RENDER_MIN_TEXT_PX, TRUE, 1, PANGO_ALIGN_LEFT);

      set_rgb (cr, &grey);
      cairo_set_line_width (cr, 4 * s);
      cairo_move_to (cr, tx, ly - 14 * s);
      cairo_line_to (cr, tx, ly + 14 * s);
      cairo_stroke (cr);
      draw_layout (ctx, l, tx - layout_width (l) / 2, ly + r + 6 * s, &grey);
    }
  cairo_restore (cr);

  /* the earlier meeting's marks first, so today's discs cover them */
  for (guint i = 0; i < scale->marks->len; i++)
    {
      HwPresentationMark *m = g_ptr_array_index (scale->marks, i);

      if (m->previous >= 0 && m->previous != m->score)
        {
          double px = lx0 + (lx1 - lx0) * CLAMP (m->previous, 0, 10) / 10.0;

          cairo_save (cr);
          set_rgb (cr, &cyan);
          cairo_set_line_width (cr, 4 * s);
          cairo_new_path (cr);
          cairo_arc (cr, px, ly, r, 0, 2 * G_PI);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  /* leaders, then the names on a ground-coloured box (so that a leader
   * from a higher row never runs through a word), then the discs */
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *pl = &g_array_index (placed, Placed, i);
      double row_y = ly - r - 10 * s - (pl->row + 1) * label_h;

      cairo_save (cr);
      set_rgb (cr, &yellow);
      cairo_set_line_width (cr, 3 * s);
      cairo_new_path (cr);
      cairo_move_to (cr, pl->disc_x, row_y + label_h);
      cairo_line_to (cr, pl->disc_x, ly);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *pl = &g_array_index (placed, Placed, i);
      double row_y = ly - r - 10 * s - (pl->row + 1) * label_h;

      cairo_save (cr);
      set_rgb (cr, &ground);
      cairo_rectangle (cr, pl->name_x - 8 * s, row_y, layout_width (pl->name) + 16 * s, label_h);
      cairo_fill (cr);
      cairo_restore (cr);
      draw_layout (ctx, pl->name, pl->name_x, row_y, &yellow);
    }
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *pl = &g_array_index (placed, Placed, i);

      cairo_save (cr);
      set_rgb (cr, &yellow);
      cairo_new_path (cr);
      cairo_arc (cr, pl->disc_x, ly, r, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      set_rgb (cr, &ground);
      cairo_set_line_width (cr, 3 * s);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  return ly + r + 6 * s + label_h - y0;
}

static void
draw_scales (Ctx                  *ctx,
             const HwPresentation *p,
             double                x0,
             double                y0,
             double                w,
             double                h)
{
  guint n = p->scales ? p->scales->len : 0;
  gboolean any_previous = FALSE;
  double y = y0;
  double legend_h = 56 * ctx->s;
  guint shown = 0;

  if (n == 0)
    {
      draw_text (ctx, _("No statements to scale yet"), x0, y0, w, 44, FALSE, 2, &grey);
      return;
    }

  for (guint i = 0; p->scores_revealed && i < n; i++)
    {
      HwPresentationScale *sc = g_ptr_array_index (p->scales, i);
      for (guint j = 0; j < sc->marks->len; j++)
        if (((HwPresentationMark *) g_ptr_array_index (sc->marks, j))->previous >= 0)
          any_previous = TRUE;
    }

  /* As many statements as fit legibly, in the agenda's order; the rest
   * are counted so the room knows there is more. */
  for (guint i = MIN (p->first_scale, n - 1); i < n; i++)
    {
      HwPresentationScale *sc = g_ptr_array_index (p->scales, i);
      double need = p->scores_revealed ? scale_height (ctx, sc, w)
                                       : hidden_scale_height (ctx, sc, w);
      double reserve = (i + 1 < n ? label_height (ctx) : 0) + (any_previous ? legend_h : 0);

      if (shown > 0 && y + need > y0 + h - reserve)
        break;
      /* the model holds no marks before the reveal; the renderer does not
       * draw them either, whatever it is given */
      if (p->scores_revealed)
        y += draw_scale (ctx, sc, x0, y, w) + 20 * ctx->s;
      else
        y += draw_hidden_scale (ctx, sc, x0, y, w) + 40 * ctx->s;
      shown++;
    }
  if (shown < n)
    {
      guint rest = n - shown;
      g_autofree char *more = g_strdup_printf (ngettext ("%u more statement", "%u more statements", rest), rest);

      y += draw_text (ctx, more, x0, y, w, 43, TRUE, 1, &yellow);
    }

  if (any_previous)
    {
      cairo_t *cr = ctx->cr;
      double ly = y0 + h - legend_h / 2;

      cairo_save (cr);
      set_rgb (cr, &yellow);
      cairo_new_path (cr);
      cairo_arc (cr, x0 + 20 * ctx->s, ly, 16 * ctx->s, 0, 2 * G_PI);
      cairo_fill (cr);
      set_rgb (cr, &cyan);
      cairo_set_line_width (cr, 4 * ctx->s);
      cairo_new_path (cr);
      cairo_arc (cr, x0 + 480 * ctx->s, ly, 16 * ctx->s, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_restore (cr);
      draw_text (ctx, _("Today"), x0 + 50 * ctx->s, ly - 28 * ctx->s, 380 * ctx->s, 43, FALSE, 1, &white);
      draw_text (ctx, _("Last meeting"), x0 + 510 * ctx->s, ly - 28 * ctx->s, 600 * ctx->s, 43, FALSE, 1, &white);
    }
}

void
hw_meeting_render_presentation (cairo_t              *cr,
                                const HwPresentation *p,
                                double                width,
                                double                height)
{
  hw_meeting_render_presentation_checked (cr, p, width, height);
}

/* The top line's "meeting · day": a long name gives way to the day, which
 * shows whole ("Después de volver a casa (revisión… · 28 de noviembre de
 * 2026, 10:00"); a day cut short counts as cut. */
static void
draw_title_and_when (Ctx        *ctx,
                     const char *title,
                     const char *when,
                     double      x,
                     double      y,
                     double      w)
{
  gboolean has_title = title != NULL && title[0] != '\0';
  g_autofree char *tail = NULL;
  g_autoptr(PangoLayout) when_l = NULL;
  double when_w = 0;

  if (when != NULL && when[0] != '\0')
    {
      tail = has_title ? g_strdup_printf (" · %s", when) : g_strdup (when);
      when_l = make_layout (ctx, tail, w, 43, FALSE, 1, PANGO_ALIGN_LEFT);
      when_w = layout_width (when_l);
      if (pango_layout_is_ellipsized (when_l))
        ctx->n_cut++;
    }
  if (has_title && w - when_w >= 1)
    {
      g_autoptr(PangoLayout) title_l = make_layout (ctx, title, w - when_w, 43, FALSE, 1, PANGO_ALIGN_LEFT);

      draw_layout (ctx, title_l, x, y, &grey);
      if (pango_layout_is_ellipsized (title_l))
        {
          /* a cut line is as wide as it may be, whatever its "…" takes:
           * the day follows the "…" itself */
          PangoRectangle ink;

          pango_layout_get_pixel_extents (title_l, &ink, NULL);
          x += ink.x + ink.width;
        }
      else
        x += layout_width (title_l);
    }
  if (when_l != NULL)
    draw_layout (ctx, when_l, x, y, &grey);
}

/**
 * hw_meeting_render_presentation_checked:
 *
 * Draws like hw_meeting_render_presentation().
 *
 * Returns: how many texts that must show whole (a due date, whether
 *   everyone agreed) were cut short: 0 on a good screen. For tests.
 */
guint
hw_meeting_render_presentation_checked (cairo_t              *cr,
                                        const HwPresentation *p,
                                        double                width,
                                        double                height)
{
  Ctx ctx = { cr, MIN (width / 1920.0, height / 1080.0), 0 };
  double s = ctx.s;
  double margin = 60 * s;
  double content_w;
  double y;
  g_autofree char *step = NULL;
  g_autofree char *timer = NULL;
  g_autoptr(PangoLayout) timer_l = NULL;
  g_autoptr(PangoLayout) step_l = NULL;
  g_autoptr(PangoLayout) title_l = NULL;
  const char *prompt;

  g_return_val_if_fail (cr != NULL && p != NULL, 0);

  cairo_save (cr);
  set_rgb (cr, &ground);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* When the target is not 16:9, centre a 16:9 stage in it. */
  cairo_translate (cr, (width - 1920 * s) / 2, (height - 1080 * s) / 2);
  content_w = 1920 * s - 2 * margin;
  y = 36 * s;

  /* top line: meeting, date · step n of m · time in this phase */
  step = g_strdup_printf (_("Step %u of %u"), p->phase_number, p->n_phases);
  timer = hw_meeting_format_duration (p->phase_seconds);
  timer_l = make_layout (&ctx, timer, 400 * s, 56, TRUE, 1, PANGO_ALIGN_LEFT);
  step_l = make_layout (&ctx, step, 600 * s, 43, FALSE, 1, PANGO_ALIGN_LEFT);
  {
    double tw = layout_width (timer_l);
    double sw = layout_width (step_l);

    draw_title_and_when (&ctx, p->meeting_title, p->when, margin, y + 8 * s, content_w - tw - sw - 120 * s);
    draw_layout (&ctx, step_l, margin + content_w - tw - sw - 50 * s, y + 8 * s, &grey);
    /* a clock symbol drawn, not a glyph, so no font can lose it */
    cairo_save (cr);
    set_rgb (cr, &yellow);
    cairo_set_line_width (cr, 4 * s);
    cairo_new_path (cr);
    cairo_arc (cr, margin + content_w - tw - 24 * s, y + 40 * s, 16 * s, 0, 2 * G_PI);
    cairo_move_to (cr, margin + content_w - tw - 24 * s, y + 40 * s);
    cairo_line_to (cr, margin + content_w - tw - 24 * s, y + 30 * s);
    cairo_move_to (cr, margin + content_w - tw - 24 * s, y + 40 * s);
    cairo_line_to (cr, margin + content_w - tw - 16 * s, y + 40 * s);
    cairo_stroke (cr);
    cairo_restore (cr);
    draw_layout (&ctx, timer_l, margin + content_w - tw, y, &yellow);
    y += layout_height (timer_l) + 16 * s;
  }

  /* the phase title, the largest text on the screen */
  title_l = make_layout (&ctx, p->phase_title, content_w, HW_MEETING_RENDER_TITLE_PX, TRUE, 1, PANGO_ALIGN_LEFT);
  draw_layout (&ctx, title_l, margin, y, &white);
  y += layout_height (title_l);
  prompt = phase_prompt (p->phase);
  if (prompt[0] != '\0' && g_strcmp0 (prompt, p->phase_title) != 0)
    y += draw_text (&ctx, prompt, margin, y, content_w, 43, FALSE, 1, &yellow);
  y += 14 * s;
  cairo_save (cr);
  set_rgb (cr, &yellow);
  cairo_rectangle (cr, margin, y, content_w, 6 * s);
  cairo_fill (cr);
  cairo_restore (cr);
  y += 36 * s;

  {
    double body_h = 1080 * s - y - 40 * s;
    double footer_h = 0;

    /* the next meeting stays visible from the action plan on */
    if (p->next_meeting && p->next_meeting[0] != '\0' &&
        (g_strcmp0 (p->phase, "actions") == 0 || g_strcmp0 (p->phase, "plan-b") == 0))
      {
        g_autofree char *next = g_strdup_printf (_("Next meeting: %s"), p->next_meeting);
        g_autoptr(PangoLayout) l = make_layout (&ctx, next, content_w, 43, TRUE, 1, PANGO_ALIGN_LEFT);

        footer_h = layout_height (l) + 16 * s;
        draw_layout (&ctx, l, margin, 1080 * s - 40 * s - layout_height (l), &cyan);
      }
    body_h -= footer_h;

    if (g_strcmp0 (p->phase, "scaling") == 0)
      draw_scales (&ctx, p, margin, y, content_w, body_h);
    else if (is_column_phase (p->phase))
      draw_columns (&ctx, p, margin, y, content_w, body_h);
    else if (g_strcmp0 (p->phase, "next-meeting") == 0 && p->next_meeting && p->next_meeting[0])
      {
        /* a line of its own: "Martes 2 de junio…", where the sentence
         * under the other steps says "Próxima reunión: martes 2…" */
        g_autofree char *next = hw_language_capitalise (p->next_meeting);
        double h = draw_text (&ctx, next, margin, y, content_w, 88, TRUE, 1, &cyan);
        draw_items (&ctx, p->phase_items, margin, y + h + 30 * s, content_w, body_h - h - 30 * s,
                    52, &yellow, "•", NULL, TRUE);
      }
    else
      /* the step's own list (ideas, ground rules...): the newest shows */
      draw_items (&ctx, p->phase_items, margin, y, content_w, body_h, 52, &yellow, "•", NULL, TRUE);
  }

  cairo_restore (cr);
  return ctx.n_cut;
}

gboolean
hw_meeting_render_png (const HwPresentation *presentation,
                       int                   width,
                       int                   height,
                       const char           *path,
                       GError              **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GFileOutputStream) out = NULL;
  cairo_status_t status;

  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  hw_meeting_render_presentation (cr, presentation, width, height);
  cairo_destroy (cr);

  out = hw_export_create_file (path, error);
  if (out == NULL)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = cairo_surface_write_to_png_stream (surface, hw_export_cairo_write, out);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the picture: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}
