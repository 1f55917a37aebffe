/* hw-lock-screen.h: hides the case while the facilitator is away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-idle-monitor.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_LOCK_SCREEN (hw_lock_screen_get_type ())
G_DECLARE_FINAL_TYPE (HwLockScreen, hw_lock_screen, HW, LOCK_SCREEN, GtkWidget)

/**
 * hw_lock_screen_install:
 *
 * Puts a lock screen around the content of @window (which becomes the
 * lock screen's child), starts the idle monitor (GSettings
 * "lock-after-minutes"), and adds to @window the actions "win.lock"
 * (Ctrl+L) and "win.preferences" (Ctrl+comma). If a passphrase is set the
 * window starts locked: otherwise quitting and starting again would get
 * around the lock.
 *
 * Returns: (transfer none): the lock screen, now @window's content
 */
HwLockScreen  *hw_lock_screen_install          (AdwApplicationWindow *window,
                                                HwStore              *store);
HwLockScreen  *hw_lock_screen_new              (HwStore              *store);
void           hw_lock_screen_set_child        (HwLockScreen         *self,
                                                GtkWidget            *child);
GtkWidget     *hw_lock_screen_get_child        (HwLockScreen         *self);
/* Hides the child (and the window's dialogs) at once. */
void           hw_lock_screen_lock             (HwLockScreen         *self);
/* Unlocks if @passphrase is right, or if no passphrase is set. */
gboolean       hw_lock_screen_unlock           (HwLockScreen         *self,
                                                const char           *passphrase);
gboolean       hw_lock_screen_get_locked       (HwLockScreen         *self);
/* (transfer none) (nullable): set by hw_lock_screen_install() */
HwIdleMonitor *hw_lock_screen_get_idle_monitor (HwLockScreen         *self);

G_END_DECLS
