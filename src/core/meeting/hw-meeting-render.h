/* hw-meeting-render.h: the projected screen of a family meeting.
 *
 * Draws on any cairo_t (a widget's snapshot, a PNG, a PDF) from an
 * HwPresentation only, which never holds confidential data. Sizes scale
 * with the target: at 1920x1080 the phase title is 88 px and no text is
 * smaller than 43 px (32 pt at 96 dpi), so it reads from the back of a
 * room. White and yellow on near-black; every colour also has a label or
 * a shape, so nothing depends on colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hw-meeting.h"

G_BEGIN_DECLS

/* The smallest text size drawn, in pixels at a height of 1080. */
#define HW_MEETING_RENDER_MIN_TEXT_PX 43.0
/* The phase title size, in pixels at a height of 1080. */
#define HW_MEETING_RENDER_TITLE_PX    88.0

/**
 * hw_meeting_render_presentation:
 * @cr: where to draw; the area (0,0)-(@width,@height) in user units
 * @presentation: what may be shown
 *
 * Fills the whole area.
 */
void      hw_meeting_render_presentation (cairo_t              *cr,
                                          const HwPresentation *presentation,
                                          double                width,
                                          double                height);

guint     hw_meeting_render_presentation_checked (cairo_t              *cr,
                                                  const HwPresentation *presentation,
                                                  double                width,
                                                  double                height);

/* Renders to a PNG file of @width x @height pixels (for tests and the
 * `homeward export --what meeting --format png` preview). */
gboolean  hw_meeting_render_png          (const HwPresentation *presentation,
                                          int                   width,
                                          int                   height,
                                          const char           *path,
                                          GError              **error);

/* "12:05" or "1:02:05" */
char     *hw_meeting_format_duration     (gint64                seconds);

G_END_DECLS
