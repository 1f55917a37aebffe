/* hw-presentation-window.h: the projected screen of a family meeting.
 *
 * Draws hw_meeting_render_presentation() from hw_meeting_presentation()
 * only, so nothing confidential can reach it. With two monitors or more it
 * goes fullscreen on one that is not the editor's; with one, F5 toggles
 * fullscreen and Esc leaves it (or closes the screen when not fullscreen).
 * Right/Left (or Page Down/Up) move to the next/previous step; Down/Up
 * page through the statements on the scaling step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PRESENTATION_WINDOW (hw_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (HwPresentationWindow, hw_presentation_window, HW, PRESENTATION_WINDOW, GtkWindow)

HwPresentationWindow *hw_presentation_window_new              (HwStore              *store,
                                                               gint64                meeting_id);
/* Seconds spent in the current step that the editor has not written to
 * the store yet (the running clock). */
void                  hw_presentation_window_set_live_seconds (HwPresentationWindow *self,
                                                               gint64                seconds);
/* Presents the window: fullscreen on a monitor other than @editor's when
 * there are two or more (@editor then asks for the keyboard back, which
 * the compositor may refuse), else as a
 * normal window. Returns TRUE if it went to another monitor. If that
 * monitor goes away, the window becomes a normal one; if a monitor is
 * plugged in later, the window goes fullscreen there. */
gboolean              hw_presentation_window_show             (HwPresentationWindow *self,
                                                               GtkWindow            *editor);
/* The monitor the window is fullscreen on while it is not the editor's,
 * else NULL. */
GdkMonitor           *hw_presentation_window_get_monitor      (HwPresentationWindow *self);
/* Shows @name, the QR code of @short_url and @short_url itself over the
 * step, until hw_presentation_window_hide_invite(). The arrow keys and
 * the rest work as before. */
void                  hw_presentation_window_show_invite      (HwPresentationWindow *self,
                                                               const char           *name,
                                                               const char           *short_url);
void                  hw_presentation_window_hide_invite      (HwPresentationWindow *self);
/* The short link shown, or NULL. */
const char           *hw_presentation_window_get_invite       (HwPresentationWindow *self);
/* The phase title currently shown (for tests). */
const char           *hw_presentation_window_get_phase_title  (HwPresentationWindow *self);
/* Whether the screen now shows everyone's scores, or only how many have
 * scored (for tests). */
gboolean              hw_presentation_window_get_scores_revealed (HwPresentationWindow *self);

G_END_DECLS
