/* bench-stats.h: percentiles of timings in milliseconds, for the
 * benchmarks (header-only, static).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline int
bench_cmp_double (gconstpointer a,
                  gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @p percentile (0..1) of @ms (a GArray of double), sorting it. */
static inline double
bench_percentile (GArray *ms,
                  double  p)
{
  guint i;

  if (ms->len == 0)
    return 0;
  g_array_sort (ms, bench_cmp_double);
  i = (guint) (p * (ms->len - 1) + 0.5);
  return g_array_index (ms, double, MIN (i, ms->len - 1));
}
