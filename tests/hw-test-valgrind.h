/* hw-test-valgrind.h: tests that sweep many sizes or go through every
 * combination of options thin out under valgrind, where each document
 * takes seconds: tools/valgrind.sh sets HOMEWARD_TEST_UNDER_VALGRIND=1.
 * Every code path still runs there; the normal and the sanitizer builds
 * run every case (CI must stay under 45 minutes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline gboolean
hw_test_under_valgrind (void)
{
  return g_strcmp0 (g_getenv ("HOMEWARD_TEST_UNDER_VALGRIND"), "1") == 0;
}

/* The step of a sweep over sizes: 1, or @thin under valgrind. */
static inline guint
hw_test_sweep_step (guint thin)
{
  return hw_test_under_valgrind () ? thin : 1;
}

/* Whether a test that goes through every scale (1, 2) and every zoom of
 * a list runs the pair (@scale, @zoom_index): all of them, or under
 * valgrind every other pair (each scale and each zoom still runs). */
static inline gboolean
hw_test_pair_runs (int   scale,
                   guint zoom_index)
{
  return !hw_test_under_valgrind () || (scale + zoom_index) % 2 != 0;
}
