/* hw-visits-render.h: family time drawn with cairo + pango on any cairo_t
 * (screen, PNG, PDF): a month grid, a week grid, the monthly counts chart
 * and the history of supervision levels.
 *
 * The level of a visit is shown by a fill pattern *and* a label, never by
 * colour alone; flags (conflict, school hours, trial past 6 months, make-up
 * owed) by a symbol and a word in the legend. Grids show times, levels
 * and statuses only, no names or places, so they are safe to project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hw-visits.h"

G_BEGIN_DECLS

/* Fills the rectangle with the pattern of @level (with its tint). */
void     hw_visits_draw_level_swatch  (cairo_t    *cr,
                                       const char *level,
                                       double      x,
                                       double      y,
                                       double      width,
                                       double      height);

/* The symbols used for flags, for legends and accessible text. */
const char *hw_visits_flag_symbol     (HwVisitFlags flag);
const char *hw_visits_flag_label      (HwVisitFlags flag);

/**
 * hw_visits_draw_month:
 * @visits: (element-type HwVisit): the visits of the month (and around it)
 * @today: (nullable): "YYYY-MM-DD" to mark, or %NULL
 *
 * Draws the month as a grid of weeks (Monday first) with a legend, in
 * the rectangle (0, 0, @width, @height).
 */
void     hw_visits_draw_month         (cairo_t    *cr,
                                       double      width,
                                       double      height,
                                       int         year,
                                       int         month,
                                       GArray     *visits,
                                       const char *today);

/* The week that starts on Monday @monday ("YYYY-MM-DD"), hours down the side. */
void     hw_visits_draw_week          (cairo_t    *cr,
                                       double      width,
                                       double      height,
                                       const char *monday,
                                       GArray     *visits,
                                       const char *today);

/* Stacked bars per month: happened, cancelled by whom, no-shows, still
 * planned; hours of family time written under each bar.
 * @months: (element-type HwVisitMonth) */
void     hw_visits_draw_counts        (cairo_t    *cr,
                                       double      width,
                                       double      height,
                                       GArray     *months);

/* The supervision level over time as steps, from the first step to @until
 * ("YYYY-MM-DD"). @steps: (element-type HwVisitLevelStep) */
void     hw_visits_draw_level_history (cairo_t    *cr,
                                       double      width,
                                       double      height,
                                       GArray     *steps,
                                       const char *until);

/* Which visit is at (@x, @y) of a month grid drawn at that size; -1 if
 * none. For pointer and keyboard handling in the view. */
int      hw_visits_month_hit          (double      width,
                                       double      height,
                                       int         year,
                                       int         month,
                                       GArray     *visits,
                                       double      x,
                                       double      y,
                                       char        day_out[11]);

G_END_DECLS
