/* test-date.c: the one reader of dates in the core (hw-date.c): real days
 * only, leap years, the exact shape YYYY-MM-DD, date-times, and the ISO
 * text written back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hw-date.h"

static void
assert_day (const GDate *date,
            guint        y,
            guint        m,
            guint        d)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, y);
  g_assert_cmpuint (g_date_get_month (date), ==, m);
  g_assert_cmpuint (g_date_get_day (date), ==, d);
}

static void
test_date_parse (void)
{
  GDate date;

  g_assert_true (hw_date_parse ("2026-03-14", &date));
  assert_day (&date, 2026, 3, 14);
  g_assert_true (hw_date_parse ("2026-03-14", NULL));
  g_assert_true (hw_date_parse ("0001-01-01", &date));
  assert_day (&date, 1, 1, 1);
  g_assert_true (hw_date_parse ("9999-12-31", &date));
  assert_day (&date, 9999, 12, 31);
  g_assert_true (hw_date_parse ("2026-01-31", NULL));
  g_assert_true (hw_date_parse ("2026-04-30", NULL));
}

static void
test_date_leap_years (void)
{
  GDate date;

  g_assert_true (hw_date_parse ("2024-02-29", &date));
  assert_day (&date, 2024, 2, 29);
  g_assert_true (hw_date_parse ("2000-02-29", NULL));   /* divisible by 400 */
  g_assert_false (hw_date_parse ("2026-02-29", NULL));
  g_assert_false (hw_date_parse ("1900-02-29", NULL));  /* by 100, not by 400 */
  g_assert_false (hw_date_parse ("2100-02-29", NULL));
  g_assert_true (hw_date_parse ("2026-02-28", NULL));
  g_assert_false (hw_date_parse ("2024-02-30", NULL));
}

static void
test_date_impossible (void)
{
  const char *impossible[] = {
    "2026-02-30", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "2026-01-32",
    "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "2026-99-99", NULL
  };

  for (guint i = 0; impossible[i] != NULL; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_assert_cmpint (hw_date_check (impossible[i], &date), ==, HW_DATE_IMPOSSIBLE);
      g_assert_false (hw_date_parse (impossible[i], &date));
      /* nothing written to the caller's date on failure */
      g_assert_false (g_date_valid (&date));
    }
}

static void
test_date_not_iso (void)
{
  const char *shapes[] = {
    "", "2026-1-5", "2026-01-5", "2026-1-05", "26-01-05", "2026-01-05x", "2026-01-05 ",
    " 2026-01-05", "2026-01-05T10:00", "20260105", "2026/01/05", "05/01/2026", "yesterday",
    "+202-01-05", " 202-01-05", "2026-+1-05", "2026-01-+5", "2026- 1-05", "2026-01--5",
    "-026-01-05", "2026_01_05", "２０２６-01-05", "2026-01", "2026", "2026-01-0\xc3\xa9", NULL
  };

  g_assert_cmpint (hw_date_check (NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_false (hw_date_parse (NULL, NULL));
  for (guint i = 0; shapes[i] != NULL; i++)
    {
      g_test_message ("%s", shapes[i]);
      g_assert_cmpint (hw_date_check (shapes[i], NULL), ==, HW_DATE_NOT_ISO);
      g_assert_false (hw_date_parse (shapes[i], NULL));
    }
}

static void
test_date_parse_day (void)
{
  GDate date;

  g_assert_true (hw_date_parse_day ("2026-03-14", &date));
  assert_day (&date, 2026, 3, 14);
  g_assert_true (hw_date_parse_day ("2026-03-14T16:30:00", &date));
  assert_day (&date, 2026, 3, 14);
  g_assert_true (hw_date_parse_day ("2024-02-29 09:00", NULL));
  g_assert_false (hw_date_parse_day ("2026-02-29T16:30:00", NULL));
  g_assert_false (hw_date_parse_day ("2026-03-14x", NULL));
  g_assert_false (hw_date_parse_day ("2026-3-14T16:30", NULL));
  g_assert_false (hw_date_parse_day ("2026-03", NULL));
  g_assert_false (hw_date_parse_day ("", NULL));
  g_assert_false (hw_date_parse_day (NULL, NULL));
}

static void
test_date_time (void)
{
  GDate date;
  guint h = 99, m = 99, s = 99;

  g_assert_true (hw_date_time_parse ("2026-05-02 10:05", &date, &h, &m, &s));
  assert_day (&date, 2026, 5, 2);
  g_assert_cmpuint (h, ==, 10);
  g_assert_cmpuint (m, ==, 5);
  g_assert_cmpuint (s, ==, 0);
  g_assert_true (hw_date_time_parse ("2026-05-02T23:59:58", &date, &h, &m, &s));
  g_assert_cmpuint (h, ==, 23);
  g_assert_cmpuint (m, ==, 59);
  g_assert_cmpuint (s, ==, 58);
  g_assert_true (hw_date_time_parse ("2024-02-29T00:00", NULL, NULL, NULL, NULL));

  /* the shape is read first, then the day, then the time */
  g_assert_cmpint (hw_date_time_check ("2026-05-02", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10:5", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-05-02x10:05", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10:05:1", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10:05Z", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10.05", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10:05:00.5", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-5-02 10:05:00", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("2026-02-30 25:00", NULL, NULL, NULL, NULL), ==, HW_DATE_IMPOSSIBLE);
  g_assert_cmpint (hw_date_time_check ("2026-02-29 10:00", NULL, NULL, NULL, NULL), ==, HW_DATE_IMPOSSIBLE);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 24:00", NULL, NULL, NULL, NULL), ==, HW_DATE_IMPOSSIBLE_TIME);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10:60", NULL, NULL, NULL, NULL), ==, HW_DATE_IMPOSSIBLE_TIME);
  g_assert_cmpint (hw_date_time_check ("2026-05-02 10:00:60", NULL, NULL, NULL, NULL), ==, HW_DATE_IMPOSSIBLE_TIME);
  g_assert_cmpint (hw_date_time_check (NULL, NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);
  g_assert_cmpint (hw_date_time_check ("", NULL, NULL, NULL, NULL), ==, HW_DATE_NOT_ISO);

  /* nothing written to the caller's values on failure */
  h = 99;
  g_assert_false (hw_date_time_parse ("2026-05-02 24:00", NULL, &h, NULL, NULL));
  g_assert_cmpuint (h, ==, 99);
}

static void
test_date_to_iso (void)
{
  g_autofree char *iso = NULL;
  g_autofree char *early = NULL;
  g_autofree char *today = hw_date_today_iso ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2026);
  iso = hw_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2026-01-05");
  g_date_set_dmy (&date, 9, G_DATE_MARCH, 987);
  early = hw_date_to_iso (&date);
  g_assert_cmpstr (early, ==, "0987-03-09");

  /* what is written is read back */
  g_assert_true (hw_date_parse (early, &date));
  assert_day (&date, 987, 3, 9);
  g_assert_true (hw_date_parse (today, NULL));
  /* (midnight may pass between the two readings of the clock) */
  if (!g_str_equal (today, expected))
    g_test_message ("the day changed during the test");
  else
    g_assert_cmpstr (today, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/leap-years", test_date_leap_years);
  g_test_add_func ("/date/impossible", test_date_impossible);
  g_test_add_func ("/date/not-iso", test_date_not_iso);
  g_test_add_func ("/date/parse-day", test_date_parse_day);
  g_test_add_func ("/date/time", test_date_time);
  g_test_add_func ("/date/to-iso", test_date_to_iso);

  return g_test_run ();
}
