/* hw-visits-render.c: month and week grids, counts chart, level history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visits-render"

#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <pango/pangocairo.h>
#include "hw-i18n.h"

#include "hw-date.h"
#include "hw-visits-render.h"

#define FONT "Sans"

/* Ink: dark enough to read on a projector; tints only add to patterns. */
static const double INK[3] = { 0.10, 0.10, 0.12 };
static const double GRID[3] = { 0.55, 0.55, 0.60 };

static const double level_tint[HW_VISIT_N_LEVELS][3] = {
  { 0.62, 0.30, 0.55 },   /* therapeutic: plum */
  { 0.80, 0.35, 0.20 },   /* supervised: rust */
  { 0.78, 0.58, 0.10 },   /* monitored: ochre */
  { 0.20, 0.55, 0.30 },   /* unsupervised: green */
  { 0.20, 0.40, 0.70 },   /* overnight: blue */
  { 0.10, 0.55, 0.60 },   /* extended: teal */
  { 0.15, 0.20, 0.45 },   /* trial home visit: navy */
};

/* Text --------------------------------------------------------------------- */

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

static const cairo_user_data_key_t layout_key;

/* One layout per cairo_t, kept on it: making a pango context for every
 * piece of text costs more than drawing the whole grid. */
static PangoLayout *
get_layout (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = cairo_get_user_data (cr, &layout_key);
  PangoFontDescription *desc;

  if (layout == NULL)
    {
      layout = pango_cairo_create_layout (cr);
      cairo_set_user_data (cr, &layout_key, layout, g_object_unref);
    }
  else
    pango_cairo_update_layout (cr, layout);
  desc = pango_font_description_from_string (FONT);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its top-left (or top-centre/right) at (@x, @y), cut
 * with an ellipsis at @max_width (<= 0: no limit). Returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      max_width,
           Align       align)
{
  PangoLayout *layout = get_layout (cr, text, size, bold);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  if (align == ALIGN_CENTER)
    x -= w / 2.0;
  else if (align == ALIGN_RIGHT)
    x -= w;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

/* Draws @text from (@x, @y) on up to @max_lines lines of @max_width,
 * wrapped between words and cut with an ellipsis only when even those
 * lines are too few; strikes each line through if @strike. */
static void
draw_text_lines (cairo_t    *cr,
                 const char *text,
                 double      x,
                 double      y,
                 double      size,
                 double      max_width,
                 int         max_lines,
                 gboolean    strike)
{
  PangoLayout *layout = get_layout (cr, text, size, FALSE);
  PangoLayoutIter *iter;

  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -MAX (max_lines, 1));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  if (!strike)
    return;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_set_line_width (cr, size * 0.115);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y + (logical.y + logical.height / 2.0) / PANGO_SCALE);
      cairo_rel_line_to (cr, (double) logical.width / PANGO_SCALE, 0);
      cairo_stroke (cr);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
text_width (cairo_t *cr, const char *text, double size, gboolean bold)
{
  int w, h;

  pango_layout_get_pixel_size (get_layout (cr, text, size, bold), &w, &h);
  return w;
}

static void
set_rgb (cairo_t *cr, const double c[3])
{
  cairo_set_source_rgb (cr, c[0], c[1], c[2]);
}

/* Patterns ----------------------------------------------------------------- */

typedef enum {
  PAT_CROSSHATCH, PAT_DIAGONAL, PAT_HORIZONTAL, PAT_DOTS, PAT_HALF,
  PAT_VERTICAL, PAT_SOLID, PAT_BACKDIAGONAL, PAT_OUTLINE, PAT_GRID_DOTS,
} Pattern;

static void
draw_pattern (cairo_t      *cr,
              Pattern       pattern,
              const double  tint[3],
              double        x,
              double        y,
              double        w,
              double        h)
{
  double step = MAX (3.0, MIN (w, h) / 3.5);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  /* a pale tint behind, the pattern in a dark shade of it */
  cairo_set_source_rgb (cr, 1 - (1 - tint[0]) * 0.25, 1 - (1 - tint[1]) * 0.25, 1 - (1 - tint[2]) * 0.25);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, tint[0] * 0.6, tint[1] * 0.6, tint[2] * 0.6);
  cairo_set_line_width (cr, MAX (1.0, step / 3.5));

  switch (pattern)
    {
    case PAT_SOLID:
      cairo_paint (cr);
      break;
    case PAT_HALF:
      cairo_rectangle (cr, x, y + h / 2, w, h / 2);
      cairo_fill (cr);
      break;
    case PAT_HORIZONTAL:
      for (double yy = y + step / 2; yy < y + h; yy += step)
        {
          cairo_move_to (cr, x, yy);
          cairo_line_to (cr, x + w, yy);
        }
      cairo_stroke (cr);
      break;
    case PAT_VERTICAL:
      for (double xx = x + step / 2; xx < x + w; xx += step)
        {
          cairo_move_to (cr, xx, y);
          cairo_line_to (cr, xx, y + h);
        }
      cairo_stroke (cr);
      break;
    case PAT_CROSSHATCH:
    case PAT_DIAGONAL:
    case PAT_BACKDIAGONAL:
      for (double d = -h; d < w + h; d += step)
        {
          if (pattern != PAT_BACKDIAGONAL)
            {
              cairo_move_to (cr, x + d, y + h);
              cairo_line_to (cr, x + d + h, y);
            }
          if (pattern != PAT_DIAGONAL)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + h, y + h);
            }
        }
      cairo_stroke (cr);
      break;
    case PAT_DOTS:
    case PAT_GRID_DOTS:
      for (double yy = y + step / 2; yy < y + h; yy += step)
        for (double xx = x + step / 2 + (pattern == PAT_DOTS && ((int) ((yy - y) / step)) % 2 ? step / 2 : 0);
             xx < x + w; xx += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, xx, yy, MAX (0.9, step / 4.5), 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case PAT_OUTLINE:
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      break;
    }
  cairo_restore (cr);

  cairo_save (cr);
  set_rgb (cr, INK);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (0, w - 1), MAX (0, h - 1));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static const Pattern level_pattern[HW_VISIT_N_LEVELS] = {
  PAT_CROSSHATCH, PAT_DIAGONAL, PAT_HORIZONTAL, PAT_DOTS, PAT_HALF, PAT_VERTICAL, PAT_SOLID,
};

void
hw_visits_draw_level_swatch (cairo_t    *cr,
                             const char *level,
                             double      x,
                             double      y,
                             double      width,
                             double      height)
{
  int i = hw_visit_level_index (level);
  static const double grey[3] = { 0.5, 0.5, 0.5 };

  draw_pattern (cr, i < 0 ? PAT_OUTLINE : level_pattern[i], i < 0 ? grey : level_tint[i],
                x, y, width, height);
}

/* Flags and statuses --------------------------------------------------------- */

static const struct {
  HwVisitFlags flag;
  const char *symbol;
  const char *label;
} flags[] = {
  { HW_VISIT_FLAG_CHILD_CONFLICT, "⚠", N_("Child in two visits at once") },
  { HW_VISIT_FLAG_SCHOOL_HOURS, "◷", N_("During school hours") },
  { HW_VISIT_FLAG_TRIAL_OVERDUE, "‼", N_("Trial home visit past 6 months") },
  { HW_VISIT_FLAG_MAKEUP_OWED, "↻", N_("Make-up visit owed") },
  { HW_VISIT_FLAG_MAKEUP, "★", N_("Make-up visit") },
};

const char *
hw_visits_flag_symbol (HwVisitFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].flag == flag)
      return flags[i].symbol;
  return "";
}

const char *
hw_visits_flag_label (HwVisitFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].flag == flag)
      return _(flags[i].label);
  return "";
}

static const char *
status_symbol (const char *status)
{
  if (g_strcmp0 (status, "happened") == 0)
    return "✓";
  if (g_strcmp0 (status, "no-show") == 0)
    return "∅";
  if (hw_visit_status_is_cancelled (status))
    return "✕";
  return "";
}

static const char *
flag_symbols_static (guint f)
{
  static char buf[64];

  /* one drawing at a time: a static buffer spares an allocation per chip */
  buf[0] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (f & flags[i].flag)
      g_strlcat (buf, flags[i].symbol, sizeof buf);
  return buf;
}

static char *
flag_symbols (guint f)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (f & flags[i].flag)
      g_string_append (s, flags[i].symbol);
  return g_string_free (s, FALSE);
}

/* The legend: levels (pattern + name), then statuses and flags. Returns
 * the height used. */
static double
draw_legend_full (cairo_t *cr, double x, double y, double width, double s, gboolean with_flags, gboolean draw);

static double
draw_legend (cairo_t *cr, double x, double y, double width, double s, gboolean with_flags)
{
  return draw_legend_full (cr, x, y, width, s, with_flags, TRUE);
}

/* the height the legend needs at this width */
static double
legend_height (double width, double s)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double h = draw_legend_full (cr, 0, 0, width, s, TRUE, FALSE);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return h;
}

static double
draw_legend_full (cairo_t *cr, double x, double y, double width, double s, gboolean with_flags, gboolean draw)
{
  const char *const *levels = hw_visit_levels ();
  /* never under 7 points on paper, where the month is drawn small */
  double fs = MAX (12 * s, 7.0), sw = fs * 14 / 12, cx = x, line = fs * 20 / 12, top = y;

  for (int i = 0; levels[i] != NULL; i++)
    {
      const char *label = hw_visit_level_label (levels[i]);
      double w = sw + fs / 3 + text_width (cr, label, fs, FALSE) + fs * 14 / 12;

      if (cx + w > x + width && cx > x)
        {
          cx = x;
          y += line;
        }
      if (draw)
        {
          hw_visits_draw_level_swatch (cr, levels[i], cx, y + fs / 6, sw, sw);
          set_rgb (cr, INK);
          draw_text (cr, label, cx + sw + fs / 3, y, fs, FALSE, -1, ALIGN_LEFT);
        }
      cx += w;
    }
  if (!with_flags)
    return y + line - top;

  cx = x;
  y += line;
  {
    struct { const char *sym; const char *label; } items[] = {
      { "✓", hw_visit_status_label ("happened") },
      { "✕", _("Cancelled") },
      { "∅", hw_visit_status_label ("no-show") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (items) + G_N_ELEMENTS (flags); i++)
      {
        const char *sym = i < G_N_ELEMENTS (items) ? items[i].sym : flags[i - G_N_ELEMENTS (items)].symbol;
        const char *label = i < G_N_ELEMENTS (items) ? items[i].label : _(flags[i - G_N_ELEMENTS (items)].label);
        g_autofree char *text = g_strdup_printf ("%s %s", sym, label);
        double w = text_width (cr, text, fs, FALSE) + fs * 14 / 12;

        if (cx + w > x + width && cx > x)
          {
            cx = x;
            y += line;
          }
        if (draw)
          {
            set_rgb (cr, INK);
            draw_text (cr, text, cx, y, fs, FALSE, -1, ALIGN_LEFT);
          }
        cx += w;
      }
  }
  return y + line - top;
}

/* Dates ---------------------------------------------------------------------- */

/* the names in the current gettext language, not the C library's locale */
static const char *
month_name (int month)
{
  return hw_language_month_name ((month - 1) % 12 + 1);
}

static const char *
month_abbrev (int month)
{
  return hw_language_month_abbrev ((month - 1) % 12 + 1);
}

/* Monday = 0 */
static const char *
weekday_abbrev (int i)
{
  return hw_language_weekday_abbrev ((GDateWeekday) (i + 1));
}

/* Monday = 0 */
static int
weekday_of (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_weekday (&date) - 1;
}

/* Month layout (shared by drawing and hit testing) ------------------------------ */

typedef struct {
  double s, margin, title_h, header_h, legend_h;
  double x0, y0, cell_w, cell_h;
  int rows, offset, days;
  double chip_h, chip_top;
} MonthLayout;

static void
month_layout (MonthLayout *l, double width, double height, int year, int month)
{
  l->s = CLAMP (MIN (width / 1000.0, height / 720.0), 0.55, 3.0);
  l->margin = 10 * l->s;
  l->title_h = 40 * l->s;
  l->header_h = 26 * l->s;
  l->legend_h = legend_height (width - 2 * l->margin, l->s) + 12 * l->s;
  l->offset = weekday_of (year, month, 1);
  l->days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  l->rows = (l->offset + l->days + 6) / 7;
  l->x0 = l->margin;
  l->y0 = l->margin + l->title_h + l->header_h;
  l->cell_w = (width - 2 * l->margin) / 7;
  l->cell_h = (height - l->y0 - l->legend_h - l->margin) / l->rows;
  l->chip_h = 22 * l->s;
  l->chip_top = 26 * l->s;
}

/* A day's visits get two lines each when the cell has room for them all
 * ("10:00 Sin supervisión" is cut to "10:00 Sin s…" on one line of a
 * month printed on paper). */
static double
chip_height (const MonthLayout *l, int total)
{
  double two = l->chip_h + 16 * l->s;

  return (total > 0 && l->chip_top + total * two <= l->cell_h) ? two : l->chip_h;
}

static gboolean
visit_on_day (const HwVisit *v, int year, int month, int day)
{
  const char *d = v->occ.local_start;

  return atoi (d) == year && atoi (d + 5) == month && atoi (d + 8) == day;
}

void
hw_visits_draw_month (cairo_t    *cr,
                      double      width,
                      double      height,
                      int         year,
                      int         month,
                      GArray     *visits,
                      const char *today)
{
  MonthLayout l;
  g_autofree char *title = NULL;
  double s;

  month_layout (&l, width, height, year, month);
  s = l.s;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  {
    /* "December 2026", "Diciembre de 2026": a title starts with a capital
     * even where month names do not */
    g_autofree char *when = hw_language_format_date (year, month, 1, HW_DATE_MONTH_YEAR);

    title = hw_language_capitalise (when);
  }
  set_rgb (cr, INK);
  draw_text (cr, title, l.margin, l.margin, 26 * s, TRUE, -1, ALIGN_LEFT);

  for (int i = 0; i < 7; i++)
    draw_text (cr, weekday_abbrev (i), l.x0 + (i + 0.5) * l.cell_w, l.y0 - l.header_h + 3 * s,
               14 * s, TRUE, -1, ALIGN_CENTER);

  for (int cell = 0; cell < l.rows * 7; cell++)
    {
      int day = cell - l.offset + 1;
      double cx = l.x0 + (cell % 7) * l.cell_w, cy = l.y0 + (cell / 7) * l.cell_h;
      char num[4], iso[11];
      int shown = 0, total = 0;
      double chip_y, ch;

      /* weekends a little grey, days of other months greyer */
      if (day < 1 || day > l.days)
        cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      else if (cell % 7 >= 5)
        cairo_set_source_rgb (cr, 0.975, 0.975, 0.975);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, cx, cy, l.cell_w, l.cell_h);
      cairo_fill (cr);
      set_rgb (cr, GRID);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, cx + 0.5, cy + 0.5, l.cell_w, l.cell_h);
      cairo_stroke (cr);
      if (day < 1 || day > l.days)
        continue;

      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
      g_snprintf (num, sizeof num, "%d", day);
      if (today != NULL && strcmp (today, iso) == 0)
        {
          /* today: a heavy frame and the number in a filled circle */
          set_rgb (cr, INK);
          cairo_set_line_width (cr, 3 * s);
          cairo_rectangle (cr, cx + 1.5 * s, cy + 1.5 * s, l.cell_w - 3 * s, l.cell_h - 3 * s);
          cairo_stroke (cr);
          cairo_arc (cr, cx + 15 * s, cy + 13 * s, 11 * s, 0, 2 * G_PI);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          draw_text (cr, num, cx + 15 * s, cy + 4 * s, 13 * s, TRUE, -1, ALIGN_CENTER);
        }
      else
        {
          set_rgb (cr, INK);
          draw_text (cr, num, cx + 6 * s, cy + 4 * s, 14 * s, TRUE, -1, ALIGN_LEFT);
        }

      for (guint i = 0; visits != NULL && i < visits->len; i++)
        if (visit_on_day (&g_array_index (visits, HwVisit, i), year, month, day))
          total++;

      chip_y = cy + l.chip_top;
      ch = chip_height (&l, total);
      for (guint i = 0; visits != NULL && i < visits->len; i++)
        {
          HwVisit *v = &g_array_index (visits, HwVisit, i);
          g_autofree char *syms = NULL;
          g_autofree char *text = NULL;
          gboolean cancelled;
          double tx, sym_w;

          if (!visit_on_day (v, year, month, day))
            continue;
          /* keep a line for "+N more" when the cell is full */
          if (chip_y + ch * (shown + 1 < total ? 2 : 1) > cy + l.cell_h)
            {
              g_autofree char *more = g_strdup_printf (ngettext ("+%d more", "+%d more", total - shown),
                                                       total - shown);
              set_rgb (cr, INK);
              draw_text (cr, more, cx + 6 * s, chip_y + 2 * s, 12 * s, TRUE, l.cell_w - 10 * s, ALIGN_LEFT);
              break;
            }
          cancelled = hw_visit_status_is_cancelled (v->status) || strcmp (v->status, "no-show") == 0;
          hw_visits_draw_level_swatch (cr, v->level, cx + 5 * s, chip_y + 2 * s, l.chip_h - 4 * s, l.chip_h - 4 * s);
          /* status and flag symbols keep their room at the right; the
           * text before them gives way (the swatch still shows the level) */
          syms = g_strdup_printf ("%s%s", status_symbol (v->status), flag_symbols_static (v->flags));
          text = g_strdup_printf ("%.5s %s", v->occ.local_start + 11, hw_visit_level_short_label (v->level));
          tx = cx + 5 * s + l.chip_h;
          sym_w = syms[0] ? text_width (cr, syms, 14 * s, TRUE) + 4 * s : 0;
          set_rgb (cr, INK);
          if (syms[0])
            draw_text (cr, syms, cx + l.cell_w - 4 * s, chip_y + 1 * s, 14 * s, TRUE, -1, ALIGN_RIGHT);
          if (cancelled)
            cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
          /* struck through: cancelled visits stay visible but crossed */
          draw_text_lines (cr, text, tx, chip_y + 2 * s, 13 * s, cx + l.cell_w - tx - 4 * s - sym_w,
                           ch > l.chip_h ? 2 : 1, cancelled);
          chip_y += ch;
          shown++;
        }
    }

  draw_legend (cr, l.margin, height - l.legend_h - l.margin + 10 * s, width - 2 * l.margin, s, TRUE);
  cairo_restore (cr);
}

int
hw_visits_month_hit (double      width,
                     double      height,
                     int         year,
                     int         month,
                     GArray     *visits,
                     double      x,
                     double      y,
                     char        day_out[11])
{
  MonthLayout l;
  int col, row, cell, day, n = 0, total = 0;
  double cy, ch;

  month_layout (&l, width, height, year, month);
  if (x < l.x0 || y < l.y0)
    return -1;
  col = (int) ((x - l.x0) / l.cell_w);
  row = (int) ((y - l.y0) / l.cell_h);
  if (col > 6 || row >= l.rows)
    return -1;
  cell = row * 7 + col;
  day = cell - l.offset + 1;
  if (day < 1 || day > l.days)
    return -1;
  if (day_out)
    g_snprintf (day_out, 11, "%04d-%02d-%02d", year, month, day);
  cy = l.y0 + row * l.cell_h + l.chip_top;
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    if (visit_on_day (&g_array_index (visits, HwVisit, i), year, month, day))
      total++;
  ch = chip_height (&l, total);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      if (!visit_on_day (&g_array_index (visits, HwVisit, i), year, month, day))
        continue;
      if (y >= cy + n * ch && y < cy + (n + 1) * ch)
        return (int) i;
      n++;
    }
  return -1;
}

/* Week ----------------------------------------------------------------------- */

static gint64
wall_of (const char *local)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (atoi (local), atoi (local + 5), atoi (local + 8),
                                                 strlen (local) > 11 ? atoi (local + 11) : 0,
                                                 strlen (local) > 14 ? atoi (local + 14) : 0, 0);
  return dt ? g_date_time_to_unix (dt) : 0;
}

void
hw_visits_draw_week (cairo_t    *cr,
                     double      width,
                     double      height,
                     const char *monday,
                     GArray     *visits,
                     const char *today)
{
  double s = CLAMP (MIN (width / 1000.0, height / 720.0), 0.55, 3.0);
  double margin = 10 * s, axis_w = 54 * s, title_h = 40 * s, header_h = 40 * s;
  double legend_h = legend_height (width - 2 * margin, s) + 12 * s;
  double x0 = margin + axis_w, y0 = margin + title_h + header_h;
  double col_w = (width - x0 - margin) / 7, grid_h = height - y0 - legend_h - margin;
  gint64 week0 = wall_of (monday);
  int first_hour = 8, last_hour = 20;
  double hour_h;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) mon = g_date_time_new_from_unix_utc (week0);
  g_autoptr(GDateTime) sun = g_date_time_add_days (mon, 6);

  /* show every visit of the week, whatever its hours */
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    {
      HwVisit *v = &g_array_index (visits, HwVisit, i);
      gint64 a = wall_of (v->occ.local_start), b = a + (v->occ.end_utc - v->occ.start_utc);

      if (b <= week0 || a >= week0 + 7 * 86400)
        continue;
      if (b - a >= 86400 || (a - week0) / 86400 != (b - 1 - week0) / 86400)
        {
          first_hour = 0;
          last_hour = 24;
          continue;
        }
      first_hour = MIN (first_hour, (int) ((a - week0) % 86400 / 3600));
      last_hour = MAX (last_hour, (int) (((b - week0) % 86400 + 3599) / 3600));
    }
  hour_h = grid_h / (last_hour - first_hour);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* Translators: a week, "10 – 16 March 2025" */
  title = g_strdup_printf (C_("week", "%d %s – %d %s %d"),
                           g_date_time_get_day_of_month (mon), month_name (g_date_time_get_month (mon)),
                           g_date_time_get_day_of_month (sun), month_name (g_date_time_get_month (sun)),
                           g_date_time_get_year (sun));
  set_rgb (cr, INK);
  draw_text (cr, title, margin, margin, 26 * s, TRUE, -1, ALIGN_LEFT);

  for (int d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (mon, d);
      g_autofree char *label = g_strdup_printf ("%s %d", weekday_abbrev (d), g_date_time_get_day_of_month (day));
      g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
      double cx = x0 + d * col_w;

      if (today && strcmp (iso, today) == 0)
        {
          set_rgb (cr, INK);
          cairo_rectangle (cr, cx + 2 * s, y0 - header_h + 4 * s, col_w - 4 * s, header_h - 8 * s);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
        }
      else
        set_rgb (cr, INK);
      draw_text (cr, label, cx + col_w / 2, y0 - header_h + 9 * s, 16 * s, TRUE, -1, ALIGN_CENTER);
      if (d >= 5)
        {
          cairo_set_source_rgb (cr, 0.975, 0.975, 0.975);
          cairo_rectangle (cr, cx, y0, col_w, grid_h);
          cairo_fill (cr);
        }
    }

  cairo_set_line_width (cr, 1);
  for (int h = first_hour; h <= last_hour; h++)
    {
      double y = y0 + (h - first_hour) * hour_h;
      char label[8];

      set_rgb (cr, GRID);
      cairo_move_to (cr, x0, floor (y) + 0.5);
      cairo_line_to (cr, x0 + 7 * col_w, floor (y) + 0.5);
      cairo_stroke (cr);
      if (h < last_hour)
        {
          g_snprintf (label, sizeof label, "%02d:00", h);
          set_rgb (cr, INK);
          draw_text (cr, label, x0 - 6 * s, y + 2 * s, 13 * s, FALSE, -1, ALIGN_RIGHT);
        }
    }
  for (int d = 0; d <= 7; d++)
    {
      set_rgb (cr, GRID);
      cairo_move_to (cr, floor (x0 + d * col_w) + 0.5, y0);
      cairo_line_to (cr, floor (x0 + d * col_w) + 0.5, y0 + grid_h);
      cairo_stroke (cr);
    }

  for (int d = 0; d < 7; d++)
    {
      gint64 day0 = week0 + d * 86400, day1 = day0 + 86400;
      g_autoptr(GArray) todays = g_array_new (FALSE, FALSE, sizeof (guint));
      int lanes[64] = { 0 };
      int n_lanes = 1;

      for (guint i = 0; visits != NULL && i < visits->len; i++)
        {
          HwVisit *v = &g_array_index (visits, HwVisit, i);
          gint64 a = wall_of (v->occ.local_start), b = a + (v->occ.end_utc - v->occ.start_utc);

          if (a < day1 && b > day0 && todays->len < G_N_ELEMENTS (lanes))
            g_array_append_val (todays, i);
        }
      /* overlapping visits side by side: each takes the first free lane */
      for (guint k = 0; k < todays->len; k++)
        {
          HwVisit *v = &g_array_index (visits, HwVisit, g_array_index (todays, guint, k));
          gint64 a = wall_of (v->occ.local_start);
          int lane = 0;

          for (guint j = 0; j < k; j++)
            {
              HwVisit *w = &g_array_index (visits, HwVisit, g_array_index (todays, guint, j));
              gint64 wa = wall_of (w->occ.local_start), wb = wa + (w->occ.end_utc - w->occ.start_utc);

              if (wb > a && lanes[j] == lane)
                lane++;
            }
          lanes[k] = lane;
          n_lanes = MAX (n_lanes, lane + 1);
        }
      for (guint k = 0; k < todays->len; k++)
        {
          HwVisit *v = &g_array_index (visits, HwVisit, g_array_index (todays, guint, k));
          gint64 a = MAX (wall_of (v->occ.local_start), day0);
          gint64 b = MIN (wall_of (v->occ.local_start) + (v->occ.end_utc - v->occ.start_utc), day1);
          double lane_w = (col_w - 6 * s) / n_lanes;
          double bx = x0 + d * col_w + 3 * s + lanes[k] * lane_w;
          double by = y0 + ((a - day0) / 3600.0 - first_hour) * hour_h;
          double bh = MAX ((b - a) / 3600.0 * hour_h, 18 * s);
          double strip = 12 * s, ty;
          gboolean cancelled = hw_visit_status_is_cancelled (v->status) || strcmp (v->status, "no-show") == 0;
          /* a visit over midnight shows its own start only on its first day */
          g_autofree char *times = a > wall_of (v->occ.local_start)
                                   ? g_strdup_printf ("…–%.5s", v->occ.local_end + 11)
                                   : g_strdup_printf ("%.5s–%.5s", v->occ.local_start + 11, v->occ.local_end + 11);
          g_autofree char *syms = flag_symbols (v->flags);
          g_autofree char *status = g_strdup_printf ("%s %s", status_symbol (v->status), hw_visit_status_label (v->status));

          cairo_set_source_rgb (cr, cancelled ? 0.94 : 1, cancelled ? 0.94 : 1, cancelled ? 0.94 : 1);
          cairo_rectangle (cr, bx, by, lane_w - 2 * s, bh);
          cairo_fill (cr);
          hw_visits_draw_level_swatch (cr, v->level, bx, by, strip, bh);
          set_rgb (cr, INK);
          cairo_set_line_width (cr, (v->flags & HW_VISIT_FLAG_CHILD_CONFLICT) ? 3 * s : 1.5 * s);
          if (cancelled)
            {
              double dash[] = { 5 * s, 3 * s };
              cairo_set_dash (cr, dash, 2, 0);
            }
          cairo_rectangle (cr, bx, by, lane_w - 2 * s, bh);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);

          ty = by + 2 * s;
          cairo_save (cr);
          cairo_rectangle (cr, bx, by, lane_w - 2 * s, bh);
          cairo_clip (cr);
          ty += draw_text (cr, times, bx + strip + 4 * s, ty, 13 * s, TRUE, lane_w - strip - 8 * s, ALIGN_LEFT);
          ty += draw_text (cr, hw_visit_level_label (v->level), bx + strip + 4 * s, ty, 12 * s, FALSE,
                           lane_w - strip - 8 * s, ALIGN_LEFT);
          if (strcmp (v->status, "scheduled") != 0)
            ty += draw_text (cr, status, bx + strip + 4 * s, ty, 12 * s, FALSE, lane_w - strip - 8 * s, ALIGN_LEFT);
          if (syms[0])
            draw_text (cr, syms, bx + strip + 4 * s, ty, 14 * s, TRUE, lane_w - strip - 8 * s, ALIGN_LEFT);
          cairo_restore (cr);
        }
    }

  draw_legend (cr, margin, height - legend_h - margin + 10 * s, width - 2 * margin, s, TRUE);
  cairo_restore (cr);
}

/* Counts chart ------------------------------------------------------------- */

typedef struct {
  const char *label;
  Pattern pattern;
  double tint[3];
} Category;

void
hw_visits_draw_counts (cairo_t *cr,
                       double   width,
                       double   height,
                       GArray  *months)
{
  Category cats[] = {
    { hw_visit_status_label ("happened"), PAT_SOLID, { 0.20, 0.55, 0.30 } },
    { hw_visit_status_label ("cancelled-parent"), PAT_DIAGONAL, { 0.80, 0.35, 0.20 } },
    { hw_visit_status_label ("cancelled-caregiver"), PAT_BACKDIAGONAL, { 0.62, 0.30, 0.55 } },
    { hw_visit_status_label ("cancelled-agency"), PAT_CROSSHATCH, { 0.20, 0.40, 0.70 } },
    { hw_visit_status_label ("cancelled-provider"), PAT_GRID_DOTS, { 0.10, 0.55, 0.60 } },
    { hw_visit_status_label ("no-show"), PAT_HORIZONTAL, { 0.78, 0.58, 0.10 } },
    { hw_visit_status_label ("scheduled"), PAT_OUTLINE, { 0.5, 0.5, 0.5 } },
  };
  double s = CLAMP (MIN (width / 1000.0, height / 600.0), 0.55, 3.0);
  double margin = 12 * s, title_h = 40 * s, legend_h, axis_w = 40 * s, foot_h = 48 * s;
  double cx = margin, ly;
  guint max = 1;
  double x0, y0, plot_w, plot_h, bar_w;
  guint n = months ? months->len : 0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  set_rgb (cr, INK);
  draw_text (cr, _("Family time each month"), margin, margin, 22 * s, TRUE, -1, ALIGN_LEFT);

  /* legend under the title */
  ly = margin + title_h;
  for (guint i = 0; i < G_N_ELEMENTS (cats); i++)
    {
      double w = 18 * s + text_width (cr, cats[i].label, 12 * s, FALSE) + 16 * s;

      if (cx + w > width - margin && cx > margin)
        {
          cx = margin;
          ly += 22 * s;
        }
      draw_pattern (cr, cats[i].pattern, cats[i].tint, cx, ly + 1 * s, 14 * s, 14 * s);
      set_rgb (cr, INK);
      draw_text (cr, cats[i].label, cx + 18 * s, ly, 12 * s, FALSE, -1, ALIGN_LEFT);
      cx += w;
    }
  legend_h = ly + 30 * s - (margin + title_h);

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (months, HwVisitMonth, i).planned);

  x0 = margin + axis_w;
  y0 = margin + title_h + legend_h;
  plot_w = width - x0 - margin;
  plot_h = height - y0 - foot_h - margin;
  bar_w = n ? plot_w / n : plot_w;

  /* axis with whole-number ticks */
  {
    guint step = max <= 10 ? 1 : max <= 20 ? 2 : max <= 50 ? 5 : 10;

    cairo_set_line_width (cr, 1);
    for (guint t = 0; t <= max; t += step)
      {
        double y = y0 + plot_h - plot_h * t / max;
        char label[16];

        set_rgb (cr, GRID);
        cairo_move_to (cr, x0, floor (y) + 0.5);
        cairo_line_to (cr, x0 + plot_w, floor (y) + 0.5);
        cairo_stroke (cr);
        g_snprintf (label, sizeof label, "%u", t);
        set_rgb (cr, INK);
        draw_text (cr, label, x0 - 6 * s, y - 8 * s, 12 * s, FALSE, -1, ALIGN_RIGHT);
      }
  }

  for (guint i = 0; i < n; i++)
    {
      HwVisitMonth *m = &g_array_index (months, HwVisitMonth, i);
      guint values[] = { m->happened, m->cancelled_parent, m->cancelled_caregiver, m->cancelled_agency,
                         m->cancelled_provider, m->no_show, m->scheduled };
      double bx = x0 + i * bar_w + bar_w * 0.18, bw = bar_w * 0.64;
      double y = y0 + plot_h;
      char label[32], hours[32];

      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          double h = plot_h * values[c] / max;

          if (values[c] == 0)
            continue;
          draw_pattern (cr, cats[c].pattern, cats[c].tint, bx, y - h, bw, h);
          if (h >= 16 * s && bw >= 20 * s)
            {
              char num[8];

              g_snprintf (num, sizeof num, "%u", values[c]);
              /* the count on a white tag, readable over any pattern */
              cairo_set_source_rgb (cr, 1, 1, 1);
              cairo_rectangle (cr, bx + bw / 2 - 10 * s, y - h / 2 - 8 * s, 20 * s, 16 * s);
              cairo_fill (cr);
              set_rgb (cr, INK);
              draw_text (cr, num, bx + bw / 2, y - h / 2 - 8 * s, 12 * s, TRUE, -1, ALIGN_CENTER);
            }
          y -= h;
        }
      if (m->planned > 0)
        {
          char total[16];

          g_snprintf (total, sizeof total, "%u", m->planned);
          set_rgb (cr, INK);
          draw_text (cr, total, bx + bw / 2, y - 18 * s, 13 * s, TRUE, -1, ALIGN_CENTER);
        }

      if (m->month == 1 || i == 0)
        g_snprintf (label, sizeof label, "%s %d", month_abbrev (m->month), m->year);
      else
        g_snprintf (label, sizeof label, "%s", month_abbrev (m->month));
      {
        g_autofree char *number = hw_language_format_decimal (m->hours, 1);

        /* Translators: hours of family time under a bar, "3.5 h"; %s is
         * the number, already with the language's decimal mark. The
         * space is a non-breaking space (U+00A0): keep one there. */
        g_snprintf (hours, sizeof hours, _("%s h"), number);
      }
      set_rgb (cr, INK);
      draw_text (cr, label, bx + bw / 2, y0 + plot_h + 4 * s, 12 * s, TRUE, bar_w, ALIGN_CENTER);
      draw_text (cr, hours, bx + bw / 2, y0 + plot_h + 22 * s, 12 * s, FALSE, bar_w, ALIGN_CENTER);
    }
  set_rgb (cr, INK);
  cairo_set_line_width (cr, 1.5 * s);
  cairo_move_to (cr, x0, y0 + plot_h);
  cairo_line_to (cr, x0 + plot_w, y0 + plot_h);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Level history --------------------------------------------------------------- */

static double
day_number (const char *iso)
{
  GDate d;

  return hw_date_parse_day (iso, &d) ? g_date_get_julian (&d) : 0;
}

void
hw_visits_draw_level_history (cairo_t    *cr,
                              double      width,
                              double      height,
                              GArray     *steps,
                              const char *until)
{
  const char *const *levels = hw_visit_levels ();
  double s = CLAMP (MIN (width / 1000.0, height / 500.0), 0.55, 3.0);
  double margin = 12 * s, title_h = 40 * s, axis_w = 0, foot_h = 40 * s;
  double x0, y0, plot_w, plot_h, row_h, first, last;
  double label_end[2];
  guint n = steps ? steps->len : 0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  set_rgb (cr, INK);
  draw_text (cr, _("Supervision level over time"), margin, margin, 22 * s, TRUE, -1, ALIGN_LEFT);

  for (int i = 0; levels[i]; i++)
    axis_w = MAX (axis_w, text_width (cr, hw_visit_level_label (levels[i]), 13 * s, FALSE) + 30 * s);
  x0 = margin + axis_w;
  y0 = margin + title_h;
  plot_w = width - x0 - margin;
  plot_h = height - y0 - foot_h - margin;
  row_h = plot_h / HW_VISIT_N_LEVELS;

  /* one row per level, stepping up from the bottom */
  for (int i = 0; levels[i]; i++)
    {
      double y = y0 + plot_h - (i + 1) * row_h;

      hw_visits_draw_level_swatch (cr, levels[i], x0 - 22 * s, y + row_h / 2 - 8 * s, 16 * s, 16 * s);
      set_rgb (cr, INK);
      draw_text (cr, hw_visit_level_label (levels[i]), x0 - 28 * s, y + row_h / 2 - 9 * s, 13 * s, FALSE,
                 -1, ALIGN_RIGHT);
      set_rgb (cr, GRID);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x0, floor (y + row_h) + 0.5);
      cairo_line_to (cr, x0 + plot_w, floor (y + row_h) + 0.5);
      cairo_stroke (cr);
    }

  if (n == 0)
    {
      set_rgb (cr, INK);
      draw_text (cr, _("No visits yet"), x0 + plot_w / 2, y0 + plot_h / 2, 16 * s, FALSE, -1, ALIGN_CENTER);
      cairo_restore (cr);
      return;
    }

  label_end[0] = label_end[1] = 0;
  first = day_number (g_array_index (steps, HwVisitLevelStep, 0).day);
  last = until ? day_number (until) : first;
  last = MAX (last, day_number (g_array_index (steps, HwVisitLevelStep, n - 1).day) + 7);
  if (last <= first)
    last = first + 1;

  for (guint i = 0; i < n; i++)
    {
      HwVisitLevelStep *st = &g_array_index (steps, HwVisitLevelStep, i);
      double a = day_number (st->day);
      double b = i + 1 < n ? day_number (g_array_index (steps, HwVisitLevelStep, i + 1).day) : last;
      int li = hw_visit_level_index (st->level);
      double xa = x0 + plot_w * (a - first) / (last - first);
      double xb = x0 + plot_w * (b - first) / (last - first);
      double y = y0 + plot_h - (li + 1) * row_h;

      /* the band of the level, in its pattern, from the step to the next */
      hw_visits_draw_level_swatch (cr, st->level, xa, y + row_h * 0.2, MAX (2, xb - xa), row_h * 0.6);
      set_rgb (cr, INK);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, floor (xa) + 0.5, y0);
      cairo_line_to (cr, floor (xa) + 0.5, y0 + plot_h + 4 * s);
      cairo_stroke (cr);
      {
        char label[32];
        double lw;
        int row;

        if (last - first > 300)
          g_snprintf (label, sizeof label, "%d %s %.4s", atoi (st->day + 8), month_abbrev (atoi (st->day + 5)), st->day);
        else
          g_snprintf (label, sizeof label, "%d %s", atoi (st->day + 8), month_abbrev (atoi (st->day + 5)));
        lw = text_width (cr, label, 12 * s, TRUE);
        /* two rows of dates; a date that would overwrite another is left
         * out (its step is still drawn) */
        row = xa > label_end[0] ? 0 : xa > label_end[1] ? 1 : -1;
        if (row >= 0)
          {
            draw_text (cr, label, MIN (xa + 2 * s, width - margin - lw), y0 + plot_h + 6 * s + row * 16 * s,
                       12 * s, TRUE, -1, ALIGN_LEFT);
            label_end[row] = xa + lw + 8 * s;
          }
      }
    }
  cairo_restore (cr);
}
