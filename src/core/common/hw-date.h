/* hw-date.h: dates as the store keeps them, "YYYY-MM-DD", and date-times
 * "YYYY-MM-DD HH:MM[:SS]": reading, checking and writing them. (Writing a
 * date for people, in their language, is the documents' job: hw-language.h.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for "YYYY-MM-DD" and its NUL. */
#define HW_DATE_ISO_LEN 11

/**
 * HwDateCheck:
 * @HW_DATE_VALID: a real date written as YYYY-MM-DD
 * @HW_DATE_NOT_ISO: not written as YYYY-MM-DD: %NULL, empty, a wrong
 *   length, a character that is not a digit, or no dashes ("2026-1-5",
 *   "2026-01-05x", "05/01/2026")
 * @HW_DATE_IMPOSSIBLE: written as YYYY-MM-DD but no such day
 *   ("2026-02-29", "2026-13-01", "2026-04-31", "0000-01-01")
 * @HW_DATE_IMPOSSIBLE_TIME: a real day, but no such time ("24:00", "10:60")
 *   (only from hw_date_time_check())
 *
 * What hw_date_check() or hw_date_time_check() found, so that a caller can
 * tell "write it as year-month-day" from "there is no such day".
 */
typedef enum {
  HW_DATE_VALID,
  HW_DATE_NOT_ISO,
  HW_DATE_IMPOSSIBLE,
  HW_DATE_IMPOSSIBLE_TIME,
} HwDateCheck;

/**
 * hw_date_check:
 * @text: (nullable): the text to read
 * @out: (out) (optional): the date, set only when the result is
 *   %HW_DATE_VALID
 *
 * Reads exactly ten characters "YYYY-MM-DD" (four, two and two ASCII
 * digits; no sign, no spaces, nothing after) and checks the day exists,
 * leap years included (2024-02-29 is a date, 2026-02-29 is not). Years
 * run from 1 to 9999.
 *
 * Returns: whether @text is a date, and if not, why not
 */
HwDateCheck  hw_date_check      (const char   *text,
                                 GDate        *out);

/**
 * hw_date_parse:
 * @text: (nullable): the text to read
 * @out: (out) (optional): the date, set only when %TRUE is returned
 *
 * hw_date_check() for callers that need only yes or no.
 *
 * Returns: whether @text is a real date written as YYYY-MM-DD
 */
gboolean     hw_date_parse      (const char   *text,
                                 GDate        *out);

/**
 * hw_date_parse_day:
 * @text: (nullable): a date, or a date-time such as "2026-03-14T16:30:00"
 * @out: (out) (optional): the day, set only when %TRUE is returned
 *
 * The day a stored date or date-time falls on: "YYYY-MM-DD" alone or
 * followed by "T" or a space and anything; what follows is not read.
 *
 * Returns: whether @text starts with a real date followed by nothing, "T"
 *   or a space
 */
gboolean     hw_date_parse_day  (const char   *text,
                                 GDate        *out);

/**
 * hw_date_time_check:
 * @text: (nullable): the text to read
 * @date: (out) (optional): the day
 * @hour: (out) (optional): 0 to 23
 * @minute: (out) (optional): 0 to 59
 * @second: (out) (optional): 0 to 59; 0 when @text has no seconds
 *
 * Reads "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS", with a space or a
 * "T" between the day and the time, and nothing else (no time zone, no
 * fraction). The shape is checked first (%HW_DATE_NOT_ISO), then the day
 * (%HW_DATE_IMPOSSIBLE, as for hw_date_check()), then the time
 * (%HW_DATE_IMPOSSIBLE_TIME). The outputs are set only when
 * %HW_DATE_VALID is returned.
 *
 * Returns: whether @text is a date and time, and if not, why not
 */
HwDateCheck  hw_date_time_check (const char   *text,
                                 GDate        *date,
                                 guint        *hour,
                                 guint        *minute,
                                 guint        *second);

/**
 * hw_date_time_parse:
 *
 * hw_date_time_check() for callers that need only yes or no: the same
 * arguments.
 *
 * Returns: whether @text is a real date and time
 */
gboolean     hw_date_time_parse (const char   *text,
                                 GDate        *date,
                                 guint        *hour,
                                 guint        *minute,
                                 guint        *second);

/**
 * hw_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as "YYYY-MM-DD"
 */
char        *hw_date_to_iso     (const GDate  *date);

/**
 * hw_date_today_iso:
 *
 * Returns: (transfer full): today in the local time zone as "YYYY-MM-DD"
 */
char        *hw_date_today_iso  (void);

G_END_DECLS
