/* hw-readiness-chart.h: the readiness reviews of a case as a small chart
 * of change over time, drawn with cairo and pango on any cairo_t (screen,
 * print, PDF, PNG).
 *
 * One row per readiness domain (our own wording), the rating scale
 * -3 ... +2 across, and each review as a line of markers. Reviews differ by
 * marker shape and dash pattern as well as colour, and the change from the
 * first to the last review is written out at the end of each row, so the
 * chart reads the same in black and white.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_READINESS_MIN      (-3)
#define HW_READINESS_MAX      2
#define HW_READINESS_UNRATED  G_MININT
/* only the latest reviews are drawn; more would not stay readable */
#define HW_READINESS_CHART_MAX_REVIEWS 5

typedef struct _HwReadinessChart HwReadinessChart;

HwReadinessChart *hw_readiness_chart_new        (void);
void              hw_readiness_chart_free       (HwReadinessChart *self);
/* Adds a review on @date ('YYYY-MM-DD'); returns its index. Reviews are
 * drawn in the order added. */
guint             hw_readiness_chart_add_review (HwReadinessChart *self,
                                                 const char       *date);
/* @domain: a readiness domain id (hw-enums); unknown ids are ignored */
void              hw_readiness_chart_set_rating (HwReadinessChart *self,
                                                 guint             review,
                                                 const char       *domain,
                                                 int               rating);
guint             hw_readiness_chart_get_n_reviews (HwReadinessChart *self);
/* HW_READINESS_UNRATED if not rated */
int               hw_readiness_chart_get_rating (HwReadinessChart *self,
                                                 guint             review,
                                                 const char       *domain);

/* The reviews of a case from the store, oldest first. */
HwReadinessChart *hw_readiness_chart_load       (HwStore          *store,
                                                 gint64            case_id,
                                                 GError          **error);

/**
 * hw_readiness_chart_draw:
 * @cr: where to draw; the chart fills (0,0)-(@width,@height) in user units
 * @font_size: base text size in user units (e.g. 11 for print at 72 units
 *   per inch, larger on a projected screen); 0 picks one from the size
 *
 * Draws the chart (white background included). With no reviews it writes a
 * short sentence saying so.
 */
void              hw_readiness_chart_draw       (HwReadinessChart *self,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height,
                                                 double            font_size);

/* A good height for @width at @font_size (0: as in draw) */
double            hw_readiness_chart_get_height_for_width (HwReadinessChart *self,
                                                 double            width,
                                                 double            font_size);

/* Translated wording of a rating of the scale: "+2 Going well" etc. */
const char       *hw_readiness_rating_label     (int               rating);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwReadinessChart, hw_readiness_chart_free)

G_END_DECLS
