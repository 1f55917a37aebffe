/* test-recurrence.c: RRULE expansion against known dates.
 *
 * Expected UTC instants were worked out by hand from the published DST
 * rules (US: second Sunday of March / first Sunday of November at 02:00;
 * EU: last Sunday of March / October at 01:00 UTC).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "hw-language.h"
#include "hw-recurrence.h"

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static GArray *
expand_all (HwRecurrence *r)
{
  return hw_recurrence_expand_all (r, utc ("2030-01-01T00:00:00Z"));
}

#define OCC(a, i) (&g_array_index ((a), HwOccurrence, (i)))

static void
check (GArray *occ, guint i, const char *key, const char *local, const char *utc_iso)
{
  g_assert_cmpuint (i, <, occ->len);
  g_assert_cmpstr (OCC (occ, i)->key, ==, key);
  g_assert_cmpstr (OCC (occ, i)->local_start, ==, local);
  g_assert_cmpint (OCC (occ, i)->start_utc, ==, utc (utc_iso));
}

static void
test_weekly_new_york_march (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2025-03-03T10:00:00", "America/New_York",
                                                 "FREQ=WEEKLY;COUNT=4", 90, &error);
  g_autoptr(GArray) occ = NULL;

  g_assert_no_error (error);
  occ = expand_all (r);
  g_assert_cmpuint (occ->len, ==, 4);
  check (occ, 0, "2025-03-03T10:00:00", "2025-03-03T10:00:00", "2025-03-03T15:00:00Z");
  /* clocks went forward on Sunday 9 March: still 10:00 local */
  check (occ, 1, "2025-03-10T10:00:00", "2025-03-10T10:00:00", "2025-03-10T14:00:00Z");
  check (occ, 2, "2025-03-17T10:00:00", "2025-03-17T10:00:00", "2025-03-17T14:00:00Z");
  check (occ, 3, "2025-03-24T10:00:00", "2025-03-24T10:00:00", "2025-03-24T14:00:00Z");
  g_assert_cmpint (OCC (occ, 0)->end_utc - OCC (occ, 0)->start_utc, ==, 90 * 60);
  g_assert_cmpstr (OCC (occ, 0)->local_end, ==, "2025-03-03T11:30:00");
}

static void
test_gap_new_york (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2025-03-02T02:30", "America/New_York",
                                                 "FREQ=WEEKLY;COUNT=4", 60, &error);
  g_autoptr(GArray) occ = NULL;

  g_assert_no_error (error);
  occ = expand_all (r);
  g_assert_cmpuint (occ->len, ==, 4);
  check (occ, 0, "2025-03-02T02:30:00", "2025-03-02T02:30:00", "2025-03-02T07:30:00Z");
  /* 02:30 does not exist on 9 March: read with the offset before the gap
   * (RFC 5545 3.3.5), i.e. 03:30 EDT; the key stays the rule's time */
  check (occ, 1, "2025-03-09T02:30:00", "2025-03-09T03:30:00", "2025-03-09T07:30:00Z");
  /* and the series goes back to 02:30 (libical's own zone iterator drifts) */
  check (occ, 2, "2025-03-16T02:30:00", "2025-03-16T02:30:00", "2025-03-16T06:30:00Z");
  check (occ, 3, "2025-03-23T02:30:00", "2025-03-23T02:30:00", "2025-03-23T06:30:00Z");
}

static void
test_overlap_new_york_november (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2025-10-26T01:30:00", "America/New_York",
                                                 "FREQ=WEEKLY;COUNT=3", 60, &error);
  g_autoptr(GArray) occ = NULL;

  g_assert_no_error (error);
  occ = expand_all (r);
  g_assert_cmpuint (occ->len, ==, 3);
  check (occ, 0, "2025-10-26T01:30:00", "2025-10-26T01:30:00", "2025-10-26T05:30:00Z");
  /* 01:30 happens twice on 2 November: the first one (EDT) */
  check (occ, 1, "2025-11-02T01:30:00", "2025-11-02T01:30:00", "2025-11-02T05:30:00Z");
  check (occ, 2, "2025-11-09T01:30:00", "2025-11-09T01:30:00", "2025-11-09T06:30:00Z");
  /* the hour-long visit on 2 November ends at 01:30 EST by the clock */
  g_assert_cmpstr (OCC (occ, 1)->local_end, ==, "2025-11-02T01:30:00");
}

static void
test_madrid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) spring = hw_recurrence_new ("2025-03-22T17:00:00", "Europe/Madrid",
                                                      "FREQ=WEEKLY;BYDAY=SA;COUNT=3", 120, &error);
  g_autoptr(HwRecurrence) autumn = NULL;
  g_autoptr(GArray) occ = NULL;

  g_assert_no_error (error);
  occ = expand_all (spring);
  g_assert_cmpuint (occ->len, ==, 3);
  check (occ, 0, "2025-03-22T17:00:00", "2025-03-22T17:00:00", "2025-03-22T16:00:00Z");
  check (occ, 1, "2025-03-29T17:00:00", "2025-03-29T17:00:00", "2025-03-29T16:00:00Z");
  check (occ, 2, "2025-04-05T17:00:00", "2025-04-05T17:00:00", "2025-04-05T15:00:00Z");
  g_clear_pointer (&occ, g_array_unref);

  autumn = hw_recurrence_new ("2025-10-18T17:00:00", "Europe/Madrid",
                              "FREQ=WEEKLY;BYDAY=SA;UNTIL=20251102T000000Z", 120, &error);
  g_assert_no_error (error);
  occ = expand_all (autumn);
  g_assert_cmpuint (occ->len, ==, 3);
  check (occ, 0, "2025-10-18T17:00:00", "2025-10-18T17:00:00", "2025-10-18T15:00:00Z");
  check (occ, 1, "2025-10-25T17:00:00", "2025-10-25T17:00:00", "2025-10-25T15:00:00Z");
  check (occ, 2, "2025-11-01T17:00:00", "2025-11-01T17:00:00", "2025-11-01T16:00:00Z");
}

static void
test_twice_weekly (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2025-01-07T16:00:00", "America/Chicago",
                                                 "RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6", 60, &error);
  g_autoptr(GArray) occ = NULL;
  const char *keys[] = { "2025-01-07", "2025-01-09", "2025-01-14", "2025-01-16",
                         "2025-01-21", "2025-01-23" };
  g_autofree char *desc = NULL;

  g_assert_no_error (error);
  occ = expand_all (r);
  g_assert_cmpuint (occ->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < occ->len; i++)
    {
      g_autofree char *k = g_strconcat (keys[i], "T16:00:00", NULL);
      g_assert_cmpstr (OCC (occ, i)->key, ==, k);
    }
  /* CST is UTC-6 */
  check (occ, 0, "2025-01-07T16:00:00", "2025-01-07T16:00:00", "2025-01-07T22:00:00Z");
  desc = hw_recurrence_describe (r);
  g_assert_cmpstr (desc, ==, "Every week on Tuesday and Thursday, 6 times");
}

static void
test_every_other_week (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2025-01-01T09:00:00", "America/New_York",
                                                 "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20250228", 60, &error);
  g_autoptr(GArray) occ = NULL;
  const char *keys[] = { "2025-01-01", "2025-01-15", "2025-01-29", "2025-02-12", "2025-02-26" };
  g_autofree char *desc = NULL;

  g_assert_no_error (error);
  occ = expand_all (r);
  g_assert_cmpuint (occ->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < occ->len; i++)
    g_assert_true (g_str_has_prefix (OCC (occ, i)->key, keys[i]));
  desc = hw_recurrence_describe (r);
  g_assert_cmpstr (desc, ==, "Every other week on Wednesday, until 28 February 2025");
}

static void
test_until_utc (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) incl = NULL;
  g_autoptr(HwRecurrence) excl = NULL;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;

  /* 24 March 10:00 EDT is 14:00Z: UNTIL is inclusive */
  incl = hw_recurrence_new ("2025-03-03T10:00:00", "America/New_York",
                            "FREQ=WEEKLY;UNTIL=20250324T140000Z", 60, &error);
  g_assert_no_error (error);
  excl = hw_recurrence_new ("2025-03-03T10:00:00", "America/New_York",
                            "FREQ=WEEKLY;UNTIL=20250324T135959Z", 60, &error);
  g_assert_no_error (error);
  a = expand_all (incl);
  b = expand_all (excl);
  g_assert_cmpuint (a->len, ==, 4);
  g_assert_cmpuint (b->len, ==, 3);
}

static void
test_exceptions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2025-05-05T15:00:00", "America/New_York",
                                                 "FREQ=WEEKLY;COUNT=4", 60, &error);
  g_autoptr(GArray) occ = NULL;
  g_autoptr(GArray) june = NULL;

  g_assert_no_error (error);
  /* 12 May cancelled from the calendar; 19 May moved to Wednesday 21;
   * 26 May moved into June */
  g_assert_true (hw_recurrence_add_exception (r, "2025-05-12T15:00:00", NULL, &error));
  g_assert_true (hw_recurrence_add_exception (r, "2025-05-19T15:00", "2025-05-21T17:00", &error));
  g_assert_true (hw_recurrence_add_exception (r, "2025-05-26T15:00:00", "2025-06-02T10:00:00", &error));
  g_assert_no_error (error);

  occ = expand_all (r);
  g_assert_cmpuint (occ->len, ==, 3);
  check (occ, 0, "2025-05-05T15:00:00", "2025-05-05T15:00:00", "2025-05-05T19:00:00Z");
  check (occ, 1, "2025-05-19T15:00:00", "2025-05-21T17:00:00", "2025-05-21T21:00:00Z");
  g_assert_true (OCC (occ, 1)->moved);
  g_assert_false (OCC (occ, 0)->moved);
  check (occ, 2, "2025-05-26T15:00:00", "2025-06-02T10:00:00", "2025-06-02T14:00:00Z");

  /* a range of June only finds the one moved there from May */
  june = hw_recurrence_expand (r, utc ("2025-06-01T04:00:00Z"), utc ("2025-07-01T04:00:00Z"));
  g_assert_cmpuint (june->len, ==, 1);
  g_assert_cmpstr (OCC (june, 0)->key, ==, "2025-05-26T15:00:00");

  /* not an occurrence of the rule */
  g_assert_false (hw_recurrence_add_exception (r, "2025-05-06T15:00:00", NULL, &error));
  g_assert_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_NOT_AN_OCCURRENCE);
  g_clear_error (&error);
  g_assert_false (hw_recurrence_add_exception (r, "2025-05-05T15:00:00", "2025-02-30T10:00", &error));
  g_assert_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DATE);
}

static void
test_range (void)
{
  g_autoptr(GError) error = NULL;
  /* no end: the range bounds the work */
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2021-01-04T10:00:00", "Europe/Madrid",
                                                 "FREQ=WEEKLY;BYDAY=MO,TH", 60, &error);
  g_autoptr(GArray) occ = NULL;
  g_autoptr(GArray) edge = NULL;

  g_assert_no_error (error);
  occ = hw_recurrence_expand (r, utc ("2025-02-01T00:00:00+01:00"), utc ("2025-03-01T00:00:00+01:00"));
  /* February 2025: Mondays 3,10,17,24 and Thursdays 6,13,20,27 */
  g_assert_cmpuint (occ->len, ==, 8);
  g_assert_cmpstr (OCC (occ, 0)->key, ==, "2025-02-03T10:00:00");
  g_assert_cmpstr (OCC (occ, 7)->key, ==, "2025-02-27T10:00:00");

  /* a visit overlapping the start of the range counts */
  edge = hw_recurrence_expand (r, utc ("2025-02-03T10:30:00+01:00"), utc ("2025-02-03T12:00:00+01:00"));
  g_assert_cmpuint (edge->len, ==, 1);
}

static void
test_single (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new ("2025-07-04T12:00", "", NULL, 30, &error);
  g_autoptr(GArray) occ = NULL;
  g_autofree char *desc = NULL;

  g_assert_no_error (error);
  occ = expand_all (r);
  g_assert_cmpuint (occ->len, ==, 1);
  /* floating time reads as UTC */
  check (occ, 0, "2025-07-04T12:00:00", "2025-07-04T12:00:00", "2025-07-04T12:00:00Z");
  desc = hw_recurrence_describe (r);
  g_assert_cmpstr (desc, ==, "Once");
  g_assert_true (hw_recurrence_has_key (r, "2025-07-04T12:00:00"));
  g_assert_false (hw_recurrence_has_key (r, "2025-07-05T12:00:00"));
}

static void
test_invalid (void)
{
  const char *bad_dates[] = { "2025-02-30T10:00:00", "2025-02-29T10:00", "2025-13-01T10:00",
                              "2025-04-31T10:00", "2025-01-01T24:00", "2025-01-01T10:60",
                              "banana", "2025-1-1T10:00", "", "2025-01-01", "2025-01-01T10:00:00Z" };
  const char *bad_rules[] = { "FREQ=FOO", "garbage", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;INTERVAL=0",
                              "FREQ=WEEKLY;COUNT=-1", "FREQ=WEEKLY;UNTIL=2025", "FREQ=HOURLY",
                              "FREQ=MINUTELY;COUNT=3", "FREQ=WEEKLY;COUNT=3;UNTIL=20250101T000000Z" };
  g_autofree char *norm = NULL;
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      HwRecurrence *r = hw_recurrence_new (bad_dates[i], "America/New_York", "FREQ=WEEKLY", 60, &error);

      g_assert_null (r);
      g_assert_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DATE);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }
  /* 2024 was a leap year */
  g_assert_true (hw_recurrence_parse_local ("2024-02-29T10:00", NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_rules); i++)
    {
      HwRecurrence *r = hw_recurrence_new ("2025-01-01T10:00", "America/New_York", bad_rules[i], 60, &error);

      g_assert_null (r);
      g_assert_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_RULE);
      g_clear_error (&error);
      g_assert_false (hw_recurrence_validate_rrule (bad_rules[i], NULL, &error));
      g_clear_error (&error);
    }

  g_assert_null (hw_recurrence_new ("2025-01-01T10:00", "Mars/Olympus_Mons", "", 60, &error));
  g_assert_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_ZONE);
  g_clear_error (&error);
  g_assert_null (hw_recurrence_new ("2025-01-01T10:00", "Europe/Madrid", "", 0, &error));
  g_assert_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DURATION);
  g_clear_error (&error);

  g_assert_true (hw_recurrence_validate_rrule ("rrule:FREQ=WEEKLY;BYDAY=TU,TH", &norm, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "FREQ=WEEKLY;BYDAY=TU,TH");
}

static void
test_local_utc (void)
{
  gint64 u = 0;
  char buf[HW_LOCAL_TIME_LEN];
  g_autoptr(GError) error = NULL;

  g_assert_true (hw_recurrence_local_to_utc ("Europe/Madrid", "2025-07-01T12:00", &u, &error));
  g_assert_cmpint (u, ==, utc ("2025-07-01T10:00:00Z"));
  hw_recurrence_utc_to_local ("America/New_York", utc ("2025-12-25T17:00:00Z"), buf);
  g_assert_cmpstr (buf, ==, "2025-12-25T12:00:00");
  hw_recurrence_utc_to_local ("", utc ("1969-12-31T23:00:00Z"), buf);
  g_assert_cmpstr (buf, ==, "1969-12-31T23:00:00");
}

/* A rule in words, as a whole sentence in the document's language: the
 * Spanish is "Todos los sábados", never the English built word by word
 * ("Cada semana el sábado"), and an end date is a date in words. */
static char *
describe_in (const char *language,
             const char *dtstart,
             const char *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecurrence) r = hw_recurrence_new (dtstart, "Europe/Madrid", rrule, 60, &error);
  g_autoptr(HwLanguageSwitch) sw = NULL;

  g_assert_no_error (error);
  sw = hw_language_push (language);
  return hw_recurrence_describe (r);
}

static void
test_describe (void)
{
  /* 2026-10-24 is a Saturday, 2026-06-30 a Tuesday */
  const struct { const char *start, *rule, *en, *es; } cases[] = {
    { "2026-10-24T10:00", "FREQ=WEEKLY;BYDAY=SA",
      "Every week on Saturday", "Todos los sábados" },
    { "2026-10-25T10:00", "FREQ=WEEKLY;BYDAY=SU",
      "Every week on Sunday", "Todos los domingos" },
    { "2026-09-08T16:00", "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12",
      "Every week on Tuesday and Thursday, 12 times", "Todos los martes y jueves, 12 veces" },
    { "2026-09-07T16:00", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
      "Every week on Monday, Wednesday and Friday", "Todos los lunes, miércoles y viernes" },
    /* no days: the first visit's day */
    { "2026-06-30T16:00", "FREQ=WEEKLY;COUNT=10",
      "Every week on Tuesday, 10 times", "Todos los martes, 10 veces" },
    { "2026-06-30T16:00", "FREQ=WEEKLY;COUNT=1",
      "Every week on Tuesday, 1 time", "Todos los martes, 1 vez" },
    { "2026-10-24T10:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;UNTIL=20261203T235959",
      "Every other week on Saturday, until 3 December 2026",
      "Cada dos semanas, los sábados, hasta el 3 de diciembre de 2026" },
    { "2026-10-24T10:00", "FREQ=WEEKLY;INTERVAL=3;BYDAY=SA",
      "Every 3 weeks on Saturday", "Cada 3 semanas, los sábados" },
    { "2026-10-17T10:00", "FREQ=MONTHLY;BYDAY=3SA",
      "Every month on the third Saturday", "Todos los meses, el tercer sábado" },
    { "2026-10-31T10:00", "FREQ=MONTHLY;BYDAY=-1SA;COUNT=4",
      "Every month on the last Saturday, 4 times", "Todos los meses, el último sábado, 4 veces" },
    { "2026-10-07T10:00", "FREQ=MONTHLY",
      "Every month on day 7", "Todos los meses, el día 7" },
    { "2026-10-07T10:00", "FREQ=MONTHLY;INTERVAL=2",
      "Every 2 months on day 7", "Cada 2 meses, el día 7" },
    { "2026-10-07T10:00", "FREQ=DAILY", "Every day", "Cada día" },
    { "2026-10-07T10:00", NULL, "Once", "Una vez" },
  };

  /* the Spanish needs the build's catalog (HOMEWARD_LOCALEDIR) */
  g_assert_true (hw_language_is_available ("es"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = describe_in ("en", cases[i].start, cases[i].rule);
      g_autofree char *es = describe_in ("es", cases[i].start, cases[i].rule);

      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (es, ==, cases[i].es);
      g_assert_null (strstr (es, "Cada semana el"));
      g_assert_false (g_regex_match_simple ("[0-9]{4}-[0-9]{2}", es, 0, 0));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/weekly-new-york-march", test_weekly_new_york_march);
  g_test_add_func ("/recurrence/gap-new-york", test_gap_new_york);
  g_test_add_func ("/recurrence/overlap-new-york-november", test_overlap_new_york_november);
  g_test_add_func ("/recurrence/madrid", test_madrid);
  g_test_add_func ("/recurrence/twice-weekly", test_twice_weekly);
  g_test_add_func ("/recurrence/every-other-week", test_every_other_week);
  g_test_add_func ("/recurrence/until-utc", test_until_utc);
  g_test_add_func ("/recurrence/exceptions", test_exceptions);
  g_test_add_func ("/recurrence/range", test_range);
  g_test_add_func ("/recurrence/single", test_single);
  g_test_add_func ("/recurrence/invalid", test_invalid);
  g_test_add_func ("/recurrence/local-utc", test_local_utc);
  g_test_add_func ("/recurrence/describe", test_describe);

  return g_test_run ();
}
