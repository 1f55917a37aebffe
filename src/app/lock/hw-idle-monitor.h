/* hw-idle-monitor.h: tells when nobody has used Homeward for a while.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HW_TYPE_IDLE_MONITOR (hw_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (HwIdleMonitor, hw_idle_monitor, HW, IDLE_MONITOR, GObject)

/* @settings (nullable): its "lock-after-minutes" sets the interval and is
 * followed when it changes; without it the interval is 0 (never). */
HwIdleMonitor *hw_idle_monitor_new          (GtkWindow     *window,
                                             GSettings     *settings);
/* Seconds without input before ::idle; 0 = never. Tests set a few. */
void           hw_idle_monitor_set_interval (HwIdleMonitor *self,
                                             guint          seconds);
guint          hw_idle_monitor_get_interval (HwIdleMonitor *self);
/* Counts as input now (the event controllers call it). */
void           hw_idle_monitor_reset        (HwIdleMonitor *self);
/* Emits ::idle if, at monotonic time @now_us, the last input is at least
 * the interval ago; returns whether it did. The timer calls it; tests call
 * it with a made-up clock, so that nothing waits or depends on speed. */
gboolean       hw_idle_monitor_check        (HwIdleMonitor *self,
                                             gint64         now_us);

G_END_DECLS
