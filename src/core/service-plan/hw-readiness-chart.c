/* hw-readiness-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-readiness-chart"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hw-i18n.h"
#include <pango/pangocairo.h>

#include "hw-enums.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan.h"

#define N_SCALE (HW_READINESS_MAX - HW_READINESS_MIN + 1)

typedef struct {
  char *date;
  /* indexed like hw_choices_get (HW_CHOICES_READINESS_DOMAIN) */
  int  *ratings;
} Review;

struct _HwReadinessChart {
  GArray *reviews;   /* of Review */
  guint   n_domains;
};

static void
review_clear (gpointer data)
{
  Review *review = data;

  g_free (review->date);
  g_free (review->ratings);
}

HwReadinessChart *
hw_readiness_chart_new (void)
{
  HwReadinessChart *self = g_new0 (HwReadinessChart, 1);

  self->reviews = g_array_new (FALSE, TRUE, sizeof (Review));
  g_array_set_clear_func (self->reviews, review_clear);
  hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &self->n_domains);
  return self;
}

void
hw_readiness_chart_free (HwReadinessChart *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->reviews);
  g_free (self);
}

guint
hw_readiness_chart_add_review (HwReadinessChart *self,
                               const char       *date)
{
  Review review = { 0 };

  g_return_val_if_fail (self != NULL, 0);

  review.date = g_strdup (date != NULL ? date : "");
  review.ratings = g_new (int, MAX (self->n_domains, 1));
  for (guint i = 0; i < self->n_domains; i++)
    review.ratings[i] = HW_READINESS_UNRATED;
  g_array_append_val (self->reviews, review);
  return self->reviews->len - 1;
}

void
hw_readiness_chart_set_rating (HwReadinessChart *self,
                               guint             review,
                               const char       *domain,
                               int               rating)
{
  int index;

  g_return_if_fail (self != NULL);
  g_return_if_fail (review < self->reviews->len);

  index = hw_choices_index (HW_CHOICES_READINESS_DOMAIN, domain);
  if (index < 0)
    return;
  if (rating != HW_READINESS_UNRATED)
    rating = CLAMP (rating, HW_READINESS_MIN, HW_READINESS_MAX);
  g_array_index (self->reviews, Review, review).ratings[index] = rating;
}

guint
hw_readiness_chart_get_n_reviews (HwReadinessChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->reviews->len;
}

int
hw_readiness_chart_get_rating (HwReadinessChart *self,
                               guint             review,
                               const char       *domain)
{
  int index;

  g_return_val_if_fail (self != NULL, HW_READINESS_UNRATED);
  g_return_val_if_fail (review < self->reviews->len, HW_READINESS_UNRATED);

  index = hw_choices_index (HW_CHOICES_READINESS_DOMAIN, domain);
  if (index < 0)
    return HW_READINESS_UNRATED;
  return g_array_index (self->reviews, Review, review).ratings[index];
}

HwReadinessChart *
hw_readiness_chart_load (HwStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_autoptr(HwReadinessChart) self = hw_readiness_chart_new ();
  g_autoptr(GPtrArray) reviews = NULL;

  reviews = hw_store_select (store, "readiness_reviews", error,
                             "SELECT id, date FROM readiness_reviews"
                             " WHERE case_id = ? ORDER BY date, id",
                             G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (reviews == NULL)
    return NULL;

  for (guint i = 0; i < reviews->len; i++)
    {
      HwRecord *review = g_ptr_array_index (reviews, i);
      g_autoptr(GPtrArray) ratings = NULL;
      guint index;

      ratings = hw_store_select (store, "readiness_ratings", error,
                                 "SELECT id, domain, rating FROM readiness_ratings"
                                 " WHERE review_id = ?",
                                 G_TYPE_INT64, hw_record_get_id (review),
                                 G_TYPE_INVALID);
      if (ratings == NULL)
        return NULL;

      index = hw_readiness_chart_add_review (self, hw_record_get_string (review, "date"));
      for (guint j = 0; j < ratings->len; j++)
        {
          HwRecord *rating = g_ptr_array_index (ratings, j);

          hw_readiness_chart_set_rating (self, index,
                                         hw_record_get_string (rating, "domain"),
                                         (int) hw_record_get_int (rating, "rating"));
        }
    }

  return g_steal_pointer (&self);
}

const char *
hw_readiness_rating_label (int rating)
{
  /* Our own plain wording of the scale (not a licensed instrument's). */
  switch (rating)
    {
    case 2:  return _("+2 Going well");
    case 1:  return _("+1 Mostly good");
    case 0:  return _("0 Good enough");
    case -1: return _("−1 Some concern");
    case -2: return _("−2 Real concern");
    case -3: return _("−3 Serious concern");
    default: return "";
    }
}

/* Drawing ------------------------------------------------------------------- */

typedef struct {
  double r, g, b;
} Rgb;

/* Okabe-Ito colours: told apart by most colour-blind readers, and never
 * the only difference (shape and dash differ too). */
static const Rgb review_colours[HW_READINESS_CHART_MAX_REVIEWS] = {
  { 0.90, 0.62, 0.00 },   /* orange */
  { 0.34, 0.71, 0.91 },   /* sky blue */
  { 0.80, 0.47, 0.65 },   /* purple */
  { 0.00, 0.62, 0.45 },   /* green */
  { 0.00, 0.45, 0.70 },   /* blue */
};

typedef enum {
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_TRIANGLE,
  MARKER_DIAMOND,
  MARKER_TRIANGLE_DOWN,
} Marker;

typedef struct {
  double      font_size;
  double      pad;
  double      legend_h;
  double      header_h;
  double      row_h;      /* the least height of a row */
  double      label_w;
  double      change_w;
  /* the scale's words over its lines: on one level, or on two (every
   * other rating higher up) when a word is wider than a column */
  double      axis_font;
  double      axis_wrap;  /* the width the words wrap at */
  guint       axis_levels;
  double      axis_lower_h;
  double      plot_x0;
  double      plot_x1;
  double      step;
  double     *row_y;      /* n_domains + 1 tops of rows, from the first row's */
  guint       first;      /* first review drawn */
  guint       n_shown;
} Layout;

static void
layout_clear (Layout *l)
{
  g_clear_pointer (&l->row_y, g_free);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             double      size,
             gboolean    bold,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics hinting off: text must measure the same on screen, PNG and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *w,
           double      *h)
{
  int pw, ph;

  pango_layout_get_size (layout, &pw, &ph);
  if (w)
    *w = (double) pw / PANGO_SCALE;
  if (h)
    *h = (double) ph / PANGO_SCALE;
}

static char *
format_date (const char *iso)
{
  return hw_service_plan_format_date (iso, FALSE);
}

static char *
legend_text (HwReadinessChart *self,
             guint             index)
{
  Review *review = &g_array_index (self->reviews, Review, index);
  g_autofree char *date = format_date (review->date);

  /* Translators: legend entry of the readiness chart: "Review 2: 3 Mar 2025" */
  return g_strdup_printf (_("Review %u: %s"), index + 1, date);
}

static double
auto_font_size (double width)
{
  return CLAMP (width / 62.0, 8.0, 30.0);
}

/* The words of a rating over its line, wrapped at the scale's width. */
static PangoLayout *
axis_label (cairo_t      *cr,
            const Layout *l,
            int           rating)
{
  PangoLayout *layout = make_layout (cr, l->axis_font, rating == 0,
                                     hw_readiness_rating_label (rating));

  pango_layout_set_width (layout, (int) (l->axis_wrap * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* A domain's name, wrapped in the label column. */
static PangoLayout *
row_label (cairo_t      *cr,
           const Layout *l,
           const char   *domain)
{
  PangoLayout *layout = make_layout (cr, l->font_size, FALSE,
                                     hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domain));

  pango_layout_set_width (layout, (int) (l->label_w * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout;
}

/* The widest single word of the scale's labels at @size. */
static double
widest_axis_word (cairo_t *cr,
                  double   size)
{
  double widest = 0;

  for (int r = HW_READINESS_MIN; r <= HW_READINESS_MAX; r++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, size, r == 0, hw_readiness_rating_label (r));
      double w;

      /* one word a line: the layout is as wide as its widest word */
      pango_layout_set_width (layout, PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      text_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
compute_layout (HwReadinessChart *self,
                cairo_t          *cr,
                double            width,
                double            font_size,
                Layout           *l)
{
  const HwChoice *domains;
  guint n_domains;
  double x, legend_rows, gap, upper_h = 0, change_h;

  memset (l, 0, sizeof *l);
  l->font_size = font_size > 0 ? font_size : auto_font_size (width);
  l->pad = l->font_size;
  l->row_h = l->font_size * 2.8;
  l->n_shown = MIN (self->reviews->len, HW_READINESS_CHART_MAX_REVIEWS);
  l->first = self->reviews->len - l->n_shown;

  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);
  for (guint i = 0; i < n_domains; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, l->font_size, FALSE,
                                                   hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domains[i].id));
      double w;

      text_size (layout, &w, NULL);
      l->label_w = MAX (l->label_w, w);
    }
  /* Long labels wrap rather than squeeze the scale. */
  l->label_w = MIN (l->label_w + l->font_size, width * 0.28);

  {
    g_autoptr(PangoLayout) layout = make_layout (cr, l->font_size, TRUE, _("Change"));
    g_autoptr(PangoLayout) sample = make_layout (cr, l->font_size, FALSE, _("+5 better"));
    double w1, w2;

    text_size (layout, &w1, &change_h);
    text_size (sample, &w2, NULL);
    l->change_w = MAX (w1, w2) + l->font_size;
  }

  /* The legend flows over as many lines as it needs. */
  legend_rows = 1;
  x = l->pad;
  for (guint i = 0; i < l->n_shown; i++)
    {
      g_autofree char *text = legend_text (self, l->first + i);
      g_autoptr(PangoLayout) layout = make_layout (cr, l->font_size, FALSE, text);
      double w, entry;

      text_size (layout, &w, NULL);
      entry = l->font_size * 3.5 + w + l->font_size * 1.5;
      if (x + entry > width - l->pad && x > l->pad)
        {
          legend_rows++;
          x = l->pad;
        }
      x += entry;
    }
  if (self->reviews->len > l->n_shown)
    legend_rows++;
  l->legend_h = legend_rows * l->font_size * 1.9;

  /* Each rating gets a column of its own, its line in the middle, so the
   * words over the outer lines never run into the labels or "Change". */
  l->plot_x0 = l->pad + l->label_w + l->font_size * 0.5;
  l->plot_x1 = width - l->pad - l->change_w - l->font_size * 0.5;
  if (l->plot_x1 < l->plot_x0 + N_SCALE)
    l->plot_x1 = l->plot_x0 + N_SCALE;
  l->step = (l->plot_x1 - l->plot_x0) / N_SCALE;

  /* The scale's words wrap in their column. A word wider than a column
   * ("Preocupación") would run into its neighbour's: then every other
   * rating's words go up a level and each has two columns; the words
   * shrink (never under 7 points) only if even that is too narrow. */
  gap = l->font_size * 0.4;
  l->axis_font = l->font_size * 0.9;
  l->axis_levels = 1;
  l->axis_wrap = MAX (l->step - gap, 1);
  if (widest_axis_word (cr, l->axis_font) > l->axis_wrap)
    {
      double least = MIN (7.0, l->axis_font);

      l->axis_levels = 2;
      l->axis_wrap = MAX (2 * l->step - gap, 1);
      while (l->axis_font > least && widest_axis_word (cr, l->axis_font) > l->axis_wrap)
        l->axis_font = MAX (least, l->axis_font - 0.25);
    }
  l->axis_lower_h = change_h;
  for (int r = HW_READINESS_MIN; r <= HW_READINESS_MAX; r++)
    {
      g_autoptr(PangoLayout) layout = axis_label (cr, l, r);
      double h;

      text_size (layout, NULL, &h);
      if (l->axis_levels == 2 && (r - HW_READINESS_MIN) % 2 == 1)
        upper_h = MAX (upper_h, h);
      else
        l->axis_lower_h = MAX (l->axis_lower_h, h);
    }
  l->header_h = l->font_size * 0.6 + l->axis_lower_h + l->font_size * 0.6;
  if (l->axis_levels == 2)
    l->header_h += l->font_size * 0.3 + upper_h;

  /* Rows are as high as their wrapped names need. */
  l->row_y = g_new0 (double, n_domains + 1);
  for (guint d = 0; d < n_domains; d++)
    {
      g_autoptr(PangoLayout) layout = row_label (cr, l, domains[d].id);
      double h;

      text_size (layout, NULL, &h);
      l->row_y[d + 1] = l->row_y[d] + MAX (l->row_h, h + l->font_size * 0.8);
    }
}

static double
total_height (HwReadinessChart *self,
              const Layout     *l)
{
  guint n_domains;

  if (self->reviews->len == 0)
    return l->font_size * 4;
  hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);
  return l->pad + l->legend_h + l->header_h + l->row_y[n_domains] + l->pad;
}

double
hw_readiness_chart_get_height_for_width (HwReadinessChart *self,
                                         double            width,
                                         double            font_size)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  Layout l;
  double height;

  g_return_val_if_fail (self != NULL, 0);

  /* Text is measured on a throwaway surface: only the metrics matter. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  compute_layout (self, cr, width, font_size, &l);
  height = total_height (self, &l);
  layout_clear (&l);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

static void
set_dash (cairo_t *cr,
          guint    index,
          double   unit)
{
  const double dashed[] = { 4 * unit, 2.5 * unit };
  const double dotted[] = { 0.1 * unit, 1.6 * unit };
  const double dash_dot[] = { 4 * unit, 1.5 * unit, 0.1 * unit, 1.5 * unit };
  const double long_dash[] = { 8 * unit, 3 * unit };

  switch (index % HW_READINESS_CHART_MAX_REVIEWS)
    {
    case 0: cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0); break;
    case 1: cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0); break;
    case 2: cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0); break;
    case 3: cairo_set_dash (cr, long_dash, G_N_ELEMENTS (long_dash), 0); break;
    default: cairo_set_dash (cr, NULL, 0, 0); break;
    }
}

static void
draw_marker (cairo_t *cr,
             Marker   marker,
             double   x,
             double   y,
             double   r,
             Rgb      colour)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  switch (marker)
    {
    case MARKER_CIRCLE:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
      break;
    case MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case MARKER_TRIANGLE_DOWN:
    default:
      cairo_move_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.8);
      cairo_close_path (cr);
      break;
    }
  cairo_set_source_rgb (cr, colour.r, colour.g, colour.b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, MAX (1.0, r * 0.22));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Markers of different reviews sit at different heights within a row so
 * that equal ratings never hide each other. */
static double
review_offset (const Layout *l,
               guint         shown_index)
{
  double spread = l->row_h * 0.5;

  if (l->n_shown <= 1)
    return 0;
  return -spread / 2 + spread * shown_index / (l->n_shown - 1);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
hw_readiness_chart_draw (HwReadinessChart *self,
                         cairo_t          *cr,
                         double            width,
                         double            height,
                         double            font_size)
{
  const HwChoice *domains;
  guint n_domains;
  Layout l;
  double rows_y0, x, y, step, needed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  compute_layout (self, cr, width, font_size, &l);
  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);

  /* The whole chart always fits the box: a box lower than the chart's
   * words need (a window made small) gets the chart drawn smaller, never
   * cut. */
  needed = total_height (self, &l);
  if (needed > height + 0.5 && height > 0)
    {
      double scale = height / needed;

      cairo_translate (cr, width * (1 - scale) / 2, 0);
      cairo_scale (cr, scale, scale);
    }

  if (self->reviews->len == 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, l.font_size, FALSE,
                                                   _("No readiness review yet."));
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      draw_text (cr, layout, l.pad, l.pad);
      layout_clear (&l);
      cairo_restore (cr);
      return;
    }

  /* Legend: marker, a piece of the line, and the review's date. */
  x = l.pad;
  y = l.pad;
  for (guint i = 0; i < l.n_shown; i++)
    {
      g_autofree char *text = legend_text (self, l.first + i);
      g_autoptr(PangoLayout) layout = make_layout (cr, l.font_size,
                                                   i == l.n_shown - 1, text);
      double w, h, entry;
      Rgb colour = review_colours[i];

      text_size (layout, &w, &h);
      entry = l.font_size * 3.5 + w + l.font_size * 1.5;
      if (x + entry > width - l.pad && x > l.pad)
        {
          x = l.pad;
          y += l.font_size * 1.9;
        }
      cairo_save (cr);
      set_dash (cr, i, l.font_size * 0.25);
      cairo_set_line_width (cr, l.font_size * 0.16);
      cairo_set_source_rgb (cr, colour.r * 0.7, colour.g * 0.7, colour.b * 0.7);
      cairo_move_to (cr, x, y + h / 2);
      cairo_line_to (cr, x + l.font_size * 3, y + h / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      draw_marker (cr, (Marker) i, x + l.font_size * 1.5, y + h / 2,
                   l.font_size * 0.42, colour);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_text (cr, layout, x + l.font_size * 3.5, y);
      x += entry;
    }
  if (self->reviews->len > l.n_shown)
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;

      /* Translators: under the readiness chart's legend */
      text = g_strdup_printf (_("Showing the last %u of %u reviews."),
                              l.n_shown, self->reviews->len);
      layout = make_layout (cr, l.font_size * 0.9, FALSE, text);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      draw_text (cr, layout, l.pad, y + l.font_size * 1.9);
    }

  step = l.step;
  rows_y0 = l.pad + l.legend_h + l.header_h;

#define X_OF(rating) (l.plot_x0 + ((rating) - HW_READINESS_MIN + 0.5) * step)
#define ROW_MID(d) (rows_y0 + (l.row_y[(d)] + l.row_y[(d) + 1]) / 2)

  /* Scale header: each rating's words, centred over its line; on two
   * levels when they need more than a column. */
  for (int r = HW_READINESS_MIN; r <= HW_READINESS_MAX; r++)
    {
      g_autoptr(PangoLayout) layout = axis_label (cr, &l, r);
      gboolean upper = l.axis_levels == 2 && (r - HW_READINESS_MIN) % 2 == 1;
      double bottom = rows_y0 - l.font_size * 0.6;
      PangoRectangle ink, logical;
      double w, h, left;

      if (upper)
        bottom -= l.axis_lower_h + l.font_size * 0.3;
      text_size (layout, &w, &h);
      /* a centred layout's lines start at its logical box's x */
      pango_layout_get_extents (layout, &ink, &logical);
      left = X_OF (r) - w / 2;
      left = CLAMP (left, 0, MAX (0, width - w));
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_text (cr, layout, left - (double) logical.x / PANGO_SCALE, bottom - h);
    }
  {
    g_autoptr(PangoLayout) layout = make_layout (cr, l.font_size, TRUE, _("Change"));
    double h;

    text_size (layout, NULL, &h);
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    draw_text (cr, layout, width - l.pad - l.change_w, rows_y0 - l.font_size * 0.6 - h);
  }

  /* Rows: a light band on every other row, and the domain's name. */
  for (guint d = 0; d < n_domains; d++)
    {
      g_autoptr(PangoLayout) layout = row_label (cr, &l, domains[d].id);
      double row_y = rows_y0 + l.row_y[d];
      double row_h = l.row_y[d + 1] - l.row_y[d];
      double h;

      if (d % 2 == 0)
        {
          cairo_rectangle (cr, l.pad * 0.5, row_y, width - l.pad, row_h);
          cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
          cairo_fill (cr);
        }
      text_size (layout, NULL, &h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_text (cr, layout, l.pad, row_y + (row_h - h) / 2);
    }

  /* Scale lines; "good enough" (0) stronger as the reference. */
  for (int r = HW_READINESS_MIN; r <= HW_READINESS_MAX; r++)
    {
      cairo_set_line_width (cr, r == 0 ? l.font_size * 0.14 : l.font_size * 0.06);
      cairo_set_source_rgb (cr, r == 0 ? 0.35 : 0.7, r == 0 ? 0.35 : 0.7, r == 0 ? 0.35 : 0.7);
      cairo_move_to (cr, X_OF (r), rows_y0 - l.font_size * 0.4);
      cairo_line_to (cr, X_OF (r), rows_y0 + l.row_y[n_domains]);
      cairo_stroke (cr);
    }

  /* Each review: a line through its ratings, then its markers on top. */
  for (guint i = 0; i < l.n_shown; i++)
    {
      Review *review = &g_array_index (self->reviews, Review, l.first + i);
      Rgb colour = review_colours[i];
      gboolean pen_down = FALSE;

      cairo_save (cr);
      set_dash (cr, i, l.font_size * 0.25);
      cairo_set_line_width (cr, i == l.n_shown - 1 ? l.font_size * 0.16 : l.font_size * 0.1);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_source_rgb (cr, colour.r * 0.7, colour.g * 0.7, colour.b * 0.7);
      cairo_new_path (cr);
      for (guint d = 0; d < n_domains; d++)
        {
          int rating = review->ratings[d];
          double px, py;

          if (rating == HW_READINESS_UNRATED)
            {
              /* an unrated domain breaks the line rather than guess */
              pen_down = FALSE;
              continue;
            }
          px = X_OF (rating);
          py = ROW_MID (d) + review_offset (&l, i);
          if (pen_down)
            cairo_line_to (cr, px, py);
          else
            cairo_move_to (cr, px, py);
          pen_down = TRUE;
        }
      cairo_stroke (cr);
      cairo_restore (cr);

      for (guint d = 0; d < n_domains; d++)
        {
          int rating = review->ratings[d];

          if (rating == HW_READINESS_UNRATED)
            continue;
          draw_marker (cr, (Marker) i, X_OF (rating),
                       ROW_MID (d) + review_offset (&l, i),
                       l.font_size * (i == l.n_shown - 1 ? 0.5 : 0.42), colour);
        }
    }

  /* Change from the first to the last review shown, in words. */
  for (guint d = 0; d < n_domains && l.n_shown > 0; d++)
    {
      int first = HW_READINESS_UNRATED, last = HW_READINESS_UNRATED;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double h;

      for (guint i = 0; i < l.n_shown; i++)
        {
          int rating = g_array_index (self->reviews, Review, l.first + i).ratings[d];

          if (rating == HW_READINESS_UNRATED)
            continue;
          if (first == HW_READINESS_UNRATED)
            first = rating;
          last = rating;
        }
      if (first == HW_READINESS_UNRATED)
        text = g_strdup (_("not rated"));
      else if (l.n_shown < 2)
        text = g_strdup ("");
      else if (last > first)
        /* Translators: change in the readiness chart, e.g. "+2 better" */
        text = g_strdup_printf (_("+%d better"), last - first);
      else if (last < first)
        /* Translators: change in the readiness chart, e.g. "−1 worse" */
        text = g_strdup_printf (_("−%d worse"), first - last);
      else
        text = g_strdup (_("same"));

      layout = make_layout (cr, l.font_size, last > first, text);
      text_size (layout, NULL, &h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_text (cr, layout, width - l.pad - l.change_w, ROW_MID (d) - h / 2);
    }

#undef ROW_MID
#undef X_OF
  layout_clear (&l);
  cairo_restore (cr);
}
