/* hw-signin-window.h: asks for the password of one's role on the
 * agency's server when Homeward starts and the server asks for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HW_TYPE_SIGNIN_WINDOW (hw_signin_window_get_type ())
G_DECLARE_FINAL_TYPE (HwSigninWindow, hw_signin_window, HW, SIGNIN_WINDOW, AdwWindow)

/* @asks: what the server asked (the store's message, naming the server
 * and the role); @problem: why the last try failed, or NULL */
HwSigninWindow *hw_signin_window_new        (const char     *asks,
                                             const char     *problem);
/* what was typed, or NULL while nothing was signed in with */
const char     *hw_signin_window_get_password (HwSigninWindow *self);

/* Shows the window and waits (before the application runs: a main loop
 * of its own) until the person signs in or cancels: the password, or
 * NULL when cancelled or when there is no display. */
char           *hw_signin_window_ask        (const char     *asks,
                                             const char     *problem);

G_END_DECLS
