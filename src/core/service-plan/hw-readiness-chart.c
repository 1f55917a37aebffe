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
  double      row_h;
  double      label_w;
  double      change_w;
  guint       first;      /* first review drawn */
  guint       n_shown;
} Layout;

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

static void
compute_layout (HwReadinessChart *self,
                cairo_t          *cr,
                double            width,
                double            font_size,
                Layout           *l)
{
  const HwChoice *domains;
  guint n_domains;
  double x, legend_rows;

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

    text_size (layout, &w1, NULL);
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
  l->header_h = l->font_size * 4.2;
}

double
hw_readiness_chart_get_height_for_width (HwReadinessChart *self,
                                         double            width,
                                         double            font_size)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  Layout l;
  guint n_domains;

  g_return_val_if_fail (self != NULL, 0);

  /* Text is measured on a throwaway surface: only the metrics matter. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  compute_layout (self, cr, width, font_size, &l);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (self->reviews->len == 0)
    return l.font_size * 4;
  hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);
  return l.pad + l.legend_h + l.header_h + n_domains * l.row_h + l.pad;
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
  double plot_x0, plot_x1, rows_y0, x, y, step;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  compute_layout (self, cr, width, font_size, &l);
  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);

  if (self->reviews->len == 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, l.font_size, FALSE,
                                                   _("No readiness review yet."));
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      draw_text (cr, layout, l.pad, l.pad);
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

  /* Each rating gets a column of its own, its line in the middle, so the
   * words over the outer lines never run into the labels or "Change". */
  plot_x0 = l.pad + l.label_w + l.font_size * 0.5;
  plot_x1 = width - l.pad - l.change_w - l.font_size * 0.5;
  if (plot_x1 < plot_x0 + N_SCALE)
    plot_x1 = plot_x0 + N_SCALE;
  step = (plot_x1 - plot_x0) / N_SCALE;
  rows_y0 = l.pad + l.legend_h + l.header_h;

#define X_OF(rating) (plot_x0 + ((rating) - HW_READINESS_MIN + 0.5) * step)

  /* Scale header: each rating's words, centred over its line. */
  for (int r = HW_READINESS_MIN; r <= HW_READINESS_MAX; r++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, l.font_size * 0.9, r == 0,
                                                   hw_readiness_rating_label (r));
      double w, h;

      pango_layout_set_width (layout, (int) (MAX (step - l.font_size * 0.4, l.font_size * 3) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      text_size (layout, &w, &h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_text (cr, layout, X_OF (r) - w / 2, rows_y0 - l.font_size * 0.6 - h);
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
      g_autoptr(PangoLayout) layout = make_layout (cr, l.font_size, FALSE,
                                                   hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domains[d].id));
      double row_y = rows_y0 + d * l.row_h;
      double h;

      if (d % 2 == 0)
        {
          cairo_rectangle (cr, l.pad * 0.5, row_y, width - l.pad, l.row_h);
          cairo_set_source_rgb (cr, 0.94, 0.94, 0.94);
          cairo_fill (cr);
        }
      pango_layout_set_width (layout, (int) (l.label_w * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      text_size (layout, NULL, &h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_text (cr, layout, l.pad, row_y + (l.row_h - h) / 2);
    }

  /* Scale lines; "good enough" (0) stronger as the reference. */
  for (int r = HW_READINESS_MIN; r <= HW_READINESS_MAX; r++)
    {
      cairo_set_line_width (cr, r == 0 ? l.font_size * 0.14 : l.font_size * 0.06);
      cairo_set_source_rgb (cr, r == 0 ? 0.35 : 0.7, r == 0 ? 0.35 : 0.7, r == 0 ? 0.35 : 0.7);
      cairo_move_to (cr, X_OF (r), rows_y0 - l.font_size * 0.4);
      cairo_line_to (cr, X_OF (r), rows_y0 + n_domains * l.row_h);
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
          py = rows_y0 + (d + 0.5) * l.row_h + review_offset (&l, i);
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
                       rows_y0 + (d + 0.5) * l.row_h + review_offset (&l, i),
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
      draw_text (cr, layout, width - l.pad - l.change_w,
                 rows_y0 + d * l.row_h + (l.row_h - h) / 2);
    }

#undef X_OF
  cairo_restore (cr);
}
