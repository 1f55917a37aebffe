/* hw-date.c: dates as the store keeps them, "YYYY-MM-DD".
 *
 * Every area reads dates typed by people, imported from files or given on
 * the command line; they all go through hw_date_check() (or
 * hw_date_time_check()), so that the same text is read the same way
 * everywhere. An area may add its own range of years on top (meetings and
 * visits: 1900 to 2200).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-date"

#include <string.h>

#include "hw-date.h"

/* The value of @n ASCII digits at @text, or -1 if one of them is not a
 * digit (so no sign and no space gets through, as sscanf would let). */
static int
digits_value (const char *text,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + g_ascii_digit_value (text[i]);
    }
  return value;
}

/* Whether @text starts with the shape "YYYY-MM-DD" (its length is the
 * caller's to check). */
static gboolean
has_day_shape (const char *text)
{
  return text[4] == '-' && text[7] == '-' &&
         digits_value (text, 4) >= 0 && digits_value (text + 5, 2) >= 0 &&
         digits_value (text + 8, 2) >= 0;
}

/* The day "YYYY-MM-DD" at the start of @text, of the right shape. */
static HwDateCheck
check_day (const char *text,
           GDate      *out)
{
  int y = digits_value (text, 4);
  int m = digits_value (text + 5, 2);
  int d = digits_value (text + 8, 2);

  /* g_date_valid_dmy knows month lengths and leap years (2026-02-30 fails);
   * the range checks first, as a GDateDay or GDateMonth is narrower than int */
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return HW_DATE_IMPOSSIBLE;
  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }
  return HW_DATE_VALID;
}

HwDateCheck
hw_date_check (const char *text,
               GDate      *out)
{
  if (text == NULL || strlen (text) != 10 || !has_day_shape (text))
    return HW_DATE_NOT_ISO;
  return check_day (text, out);
}

gboolean
hw_date_parse (const char *text,
               GDate      *out)
{
  return hw_date_check (text, out) == HW_DATE_VALID;
}

gboolean
hw_date_parse_day (const char *text,
                   GDate      *out)
{
  for (guint i = 0; text != NULL && i < 10; i++)
    if (text[i] == '\0')
      return FALSE;
  if (text == NULL || !has_day_shape (text) ||
      (text[10] != '\0' && text[10] != 'T' && text[10] != ' '))
    return FALSE;
  return check_day (text, out) == HW_DATE_VALID;
}

HwDateCheck
hw_date_time_check (const char *text,
                    GDate      *date,
                    guint      *hour,
                    guint      *minute,
                    guint      *second)
{
  GDate day;
  size_t len;
  int h, mi, s = 0;

  if (text == NULL)
    return HW_DATE_NOT_ISO;
  len = strlen (text);
  if ((len != 16 && len != 19) || !has_day_shape (text) ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      (len == 19 && text[16] != ':'))
    return HW_DATE_NOT_ISO;
  h = digits_value (text + 11, 2);
  mi = digits_value (text + 14, 2);
  if (len == 19)
    s = digits_value (text + 17, 2);
  if (h < 0 || mi < 0 || s < 0)
    return HW_DATE_NOT_ISO;

  if (check_day (text, &day) != HW_DATE_VALID)
    return HW_DATE_IMPOSSIBLE;
  if (h > 23 || mi > 59 || s > 59)
    return HW_DATE_IMPOSSIBLE_TIME;

  if (date != NULL)
    *date = day;
  if (hour != NULL)
    *hour = (guint) h;
  if (minute != NULL)
    *minute = (guint) mi;
  if (second != NULL)
    *second = (guint) s;
  return HW_DATE_VALID;
}

gboolean
hw_date_time_parse (const char *text,
                    GDate      *date,
                    guint      *hour,
                    guint      *minute,
                    guint      *second)
{
  return hw_date_time_check (text, date, hour, minute, second) == HW_DATE_VALID;
}

char *
hw_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

char *
hw_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
