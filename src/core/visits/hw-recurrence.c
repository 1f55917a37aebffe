/* hw-recurrence.c: visit recurrence expansion with libical.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-recurrence"

#include <string.h>
#include <stdio.h>
#include <libical/ical.h>
#include "hw-i18n.h"

#include "hw-date.h"
#include "hw-recurrence.h"

/* A guard against rules that would run for ever (e.g. a daily rule
 * without an end asked for a range far in the future). */
#define MAX_ITERATIONS 200000

G_DEFINE_QUARK (hw-recurrence-error-quark, hw_recurrence_error)

typedef struct {
  char original[HW_LOCAL_TIME_LEN];
  char new_start[HW_LOCAL_TIME_LEN];   /* "" = removed */
} Exception;

struct _HwRecurrence {
  gatomicrefcount ref_count;
  char dtstart[HW_LOCAL_TIME_LEN];
  char *tzid;                    /* "" = floating */
  char *rrule;                   /* normalised, "" = single */
  int duration;                  /* minutes */
  icaltimezone *zone;            /* NULL = floating */
  struct icalrecurrencetype rule;
  gboolean repeats;
  struct icaltimetype ical_start; /* floating wall time */
  GHashTable *exceptions;        /* original -> Exception* */
  char *cache_key;               /* start + rule as iterated */
};

G_DEFINE_BOXED_TYPE (HwRecurrence, hw_recurrence, hw_recurrence_ref, hw_recurrence_unref)

/* Wall-clock arithmetic ---------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm): cheap enough to run for every occurrence of a long series. */
static gint64
days_from_civil (int y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64 z, int *y, int *m, int *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

/* the wall time read as if it were UTC */
static gint64
wall_seconds (const struct icaltimetype *tt)
{
  return days_from_civil (tt->year, tt->month, tt->day) * 86400
         + tt->hour * 3600 + tt->minute * 60 + tt->second;
}

static void
format_wall_seconds (gint64 s, char out[HW_LOCAL_TIME_LEN])
{
  gint64 days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
  gint64 rem = s - days * 86400;
  int y, m, d;

  civil_from_days (days, &y, &m, &d);
  g_snprintf (out, HW_LOCAL_TIME_LEN, "%04d-%02d-%02dT%02d:%02d:%02d",
              y, m, d, (int) (rem / 3600), (int) (rem / 60 % 60), (int) (rem % 60));
}

static void
format_ical (const struct icaltimetype *tt, char out[HW_LOCAL_TIME_LEN])
{
  g_snprintf (out, HW_LOCAL_TIME_LEN, "%04d-%02d-%02dT%02d:%02d:%02d",
              tt->year, tt->month, tt->day, tt->hour, tt->minute, tt->second);
}

static int
offset_of_utc (icaltimezone *zone, gint64 utc)
{
  struct icaltimetype tt;
  int dst = 0;

  if (zone == NULL)
    return 0;
  tt = icaltime_from_timet_with_zone ((time_t) utc, 0, icaltimezone_get_utc_timezone ());
  return icaltimezone_get_utc_offset_of_utc_time (zone, &tt, &dst);
}

/* RFC 5545 3.3.5: a wall time in a gap is read with the offset before the
 * gap; one that happens twice is the first one. libical's own conversion
 * does the opposite in both cases, so the offsets are worked out here. */
static gint64
zone_wall_to_utc (icaltimezone *zone, gint64 wall)
{
  int before, after;
  gint64 a, b;
  gboolean a_ok, b_ok;

  if (zone == NULL)
    return wall;

  /* no zone moves its clocks twice within two days */
  before = offset_of_utc (zone, wall - 86400);
  after = offset_of_utc (zone, wall + 86400);
  if (before == after)
    return wall - before;

  a = wall - before;
  b = wall - after;
  a_ok = offset_of_utc (zone, a) == before;
  b_ok = offset_of_utc (zone, b) == after;
  if (a_ok && b_ok)
    return MIN (a, b);     /* overlap: the first */
  if (a_ok)
    return a;
  if (b_ok)
    return b;
  return wall - before;    /* gap: the offset before it */
}

static void
zone_utc_to_wall (icaltimezone *zone, gint64 utc, char out[HW_LOCAL_TIME_LEN])
{
  format_wall_seconds (utc + offset_of_utc (zone, utc), out);
}

/* Parsing and validation --------------------------------------------------- */

static gboolean
parse_local (const char           *text,
             struct icaltimetype  *out,
             GError              **error)
{
  GDate day;
  guint h, mi, s;
  HwDateCheck check;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DATE,
                   _("A date and time is needed."));
      return FALSE;
    }

  check = hw_date_time_check (text, NULL, &h, &mi, &s);
  if (check == HW_DATE_NOT_ISO)
    {
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DATE,
                   _("“%s” is not a date and time. Write it as 2025-03-14T16:30."),
                   text);
      return FALSE;
    }

  /* the day before the time; visits are dated from 1900 to 2200, a year
   * outside is a typing slip */
  if (!hw_date_parse_day (text, &day)
      || g_date_get_year (&day) < 1900 || g_date_get_year (&day) > 2200)
    {
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DATE,
                   _("The date “%s” does not exist."), text);
      return FALSE;
    }
  if (check == HW_DATE_IMPOSSIBLE_TIME)
    {
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DATE,
                   _("The time in “%s” does not exist."), text);
      return FALSE;
    }

  if (out != NULL)
    {
      *out = icaltime_null_time ();
      out->year = g_date_get_year (&day);
      out->month = g_date_get_month (&day);
      out->day = g_date_get_day (&day);
      out->hour = h;
      out->minute = mi;
      out->second = s;
      out->is_date = 0;
      out->zone = NULL;
    }
  return TRUE;
}

gboolean
hw_recurrence_parse_local (const char  *text,
                           char         out[HW_LOCAL_TIME_LEN],
                           GError     **error)
{
  struct icaltimetype tt;

  if (!parse_local (text, &tt, error))
    return FALSE;
  if (out != NULL)
    format_ical (&tt, out);
  return TRUE;
}

static icaltimezone *
lookup_zone (const char *tzid,
             GError    **error)
{
  icaltimezone *zone;

  if (tzid == NULL || *tzid == '\0')
    return NULL;
  if (g_ascii_strcasecmp (tzid, "UTC") == 0 || strcmp (tzid, "Etc/UTC") == 0)
    return icaltimezone_get_utc_timezone ();
  zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL)
    g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_ZONE,
                 _("“%s” is not a known time zone. Use a name such as America/New_York."),
                 tzid);
  return zone;
}

gboolean
hw_recurrence_validate_tzid (const char  *tzid,
                             GError     **error)
{
  GError *local_error = NULL;

  lookup_zone (tzid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_rule (const char                *rrule,
            struct icalrecurrencetype *out,
            char                     **normalised,
            GError                   **error)
{
  struct icalrecurrencetype rule;
  const char *text = rrule;

  if (text == NULL)
    text = "";
  while (g_ascii_isspace (*text))
    text++;
  if (g_ascii_strncasecmp (text, "RRULE:", 6) == 0)
    text += 6;

  if (*text == '\0')
    {
      icalrecurrencetype_clear (&rule);
      if (out != NULL)
        *out = rule;
      if (normalised != NULL)
        *normalised = g_strdup ("");
      return TRUE;
    }

  /* libical reports errors through the global icalerrno */
  icalerror_clear_errno ();
  rule = icalrecurrencetype_from_string (text);
  if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_RULE,
                   _("The repeat rule “%s” is not valid."), text);
      return FALSE;
    }
  if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE
      || rule.freq == ICAL_HOURLY_RECURRENCE)
    {
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_RULE,
                   _("Visits cannot repeat more often than once a day."));
      return FALSE;
    }
  if (rule.interval < 1 || rule.interval > 1000 || rule.count < 0 || rule.count > 10000)
    {
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_RULE,
                   _("The repeat rule “%s” is not valid."), text);
      return FALSE;
    }

  if (out != NULL)
    *out = rule;
  if (normalised != NULL)
    {
      char *s = icalrecurrencetype_as_string_r (&rule);
      *normalised = g_strdup (s);
      icalmemory_free_buffer (s);
    }
  return TRUE;
}

gboolean
hw_recurrence_validate_rrule (const char  *rrule,
                              char       **normalised,
                              GError     **error)
{
  return parse_rule (rrule, NULL, normalised, error);
}

char *
hw_recurrence_limit_rule (const char  *rrule,
                          const char  *last_day,
                          int          count,
                          GError     **error)
{
  struct icalrecurrencetype rule;
  char *s;
  char *out;

  if (rrule == NULL || *rrule == '\0')
    return g_strdup ("");
  if (!parse_rule (rrule, &rule, NULL, error))
    return NULL;
  if (rule.freq == ICAL_NO_RECURRENCE)
    return g_strdup ("");
  if (last_day != NULL)
    {
      g_autofree char *end = g_strdup_printf ("%.10sT23:59:59", last_day);

      if (strlen (last_day) != 10 || !parse_local (end, &rule.until, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DATE,
                         _("“%s” is not a date. Write it as 2026-03-10."), last_day);
          return NULL;
        }
      /* a wall time of the series' zone, as hw_recurrence_new reads it */
      rule.until.zone = NULL;
      rule.count = 0;
    }
  else
    rule.count = MAX (count, 0);
  s = icalrecurrencetype_as_string_r (&rule);
  out = g_strdup (s);
  icalmemory_free_buffer (s);
  return out;
}

int
hw_recurrence_rule_count (const char *rrule)
{
  struct icalrecurrencetype rule;

  if (rrule == NULL || *rrule == '\0' || !parse_rule (rrule, &rule, NULL, NULL))
    return 0;
  return rule.count;
}

gboolean
hw_recurrence_rule_info (const char *rrule,
                         int        *freq,
                         int        *interval,
                         guint      *weekdays,
                         int        *count,
                         char        until_day[11])
{
  struct icalrecurrencetype rule;

  *freq = 0;
  *interval = 1;
  *weekdays = 0;
  *count = 0;
  until_day[0] = '\0';
  if (!parse_rule (rrule, &rule, NULL, NULL))
    return FALSE;
  switch (rule.freq)
    {
    case ICAL_DAILY_RECURRENCE: *freq = 1; break;
    case ICAL_WEEKLY_RECURRENCE: *freq = 2; break;
    case ICAL_MONTHLY_RECURRENCE: *freq = 3; break;
    case ICAL_YEARLY_RECURRENCE: *freq = 4; break;
    default: *freq = 0; return TRUE;
    }
  *interval = MAX (rule.interval, 1);
  *count = rule.count;
  for (int i = 0; i < ICAL_BY_DAY_SIZE && rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      /* libical: 1 = Sunday ... 7 = Saturday */
      int wd = icalrecurrencetype_day_day_of_week (rule.by_day[i]);

      if (wd >= 1 && wd <= 7)
        *weekdays |= 1u << ((wd + 5) % 7);
    }
  if (!icaltime_is_null_time (rule.until))
    g_snprintf (until_day, 11, "%04d-%02d-%02d", rule.until.year, rule.until.month, rule.until.day);
  return TRUE;
}

gboolean
hw_recurrence_rule_ends (const char *rrule)
{
  struct icalrecurrencetype rule;

  if (rrule == NULL || *rrule == '\0' || !parse_rule (rrule, &rule, NULL, NULL))
    return TRUE;
  return rule.freq == ICAL_NO_RECURRENCE || rule.count > 0 || !icaltime_is_null_time (rule.until);
}

gboolean
hw_recurrence_local_to_utc (const char  *tzid,
                            const char  *local,
                            gint64      *out_utc,
                            GError     **error)
{
  GError *local_error = NULL;
  struct icaltimetype tt;
  icaltimezone *zone;

  zone = lookup_zone (tzid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!parse_local (local, &tt, error))
    return FALSE;
  *out_utc = zone_wall_to_utc (zone, wall_seconds (&tt));
  return TRUE;
}

void
hw_recurrence_utc_to_local (const char *tzid,
                            gint64      utc,
                            char        out[HW_LOCAL_TIME_LEN])
{
  icaltimezone *zone = lookup_zone (tzid, NULL);

  zone_utc_to_wall (zone, utc, out);
}

/* The object -------------------------------------------------------------- */

HwRecurrence *
hw_recurrence_new (const char  *dtstart,
                   const char  *tzid,
                   const char  *rrule,
                   int          duration_minutes,
                   GError     **error)
{
  g_autoptr(HwRecurrence) self = NULL;
  GError *local_error = NULL;
  icaltimezone *zone;
  struct icaltimetype start;
  struct icalrecurrencetype rule;
  char *normalised = NULL;

  if (!parse_local (dtstart, &start, error))
    return NULL;
  zone = lookup_zone (tzid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!parse_rule (rrule, &rule, &normalised, error))
    return NULL;
  if (duration_minutes < 1 || duration_minutes > 7 * 24 * 60)
    {
      g_free (normalised);
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_DURATION,
                   _("A visit lasts between one minute and seven days."));
      return NULL;
    }

  self = g_new0 (HwRecurrence, 1);
  g_atomic_ref_count_init (&self->ref_count);
  format_ical (&start, self->dtstart);
  self->tzid = g_strdup (tzid ? tzid : "");
  self->rrule = normalised;
  self->duration = duration_minutes;
  self->zone = zone;
  self->ical_start = start;
  self->repeats = rule.freq != ICAL_NO_RECURRENCE;
  self->exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (self->repeats)
    {
      icalrecur_iterator *it;

      /* The rule runs on floating wall times (libical's own zone handling
       * drifts by an hour after a DST gap), so UNTIL is made a wall time of
       * the series' zone too. */
      if (!icaltime_is_null_time (rule.until))
        {
          if (rule.until.is_date)
            {
              rule.until.is_date = 0;
              rule.until.hour = 23;
              rule.until.minute = 59;
              rule.until.second = 59;
            }
          else if (icaltime_is_utc (rule.until))
            {
              gint64 u = wall_seconds (&rule.until);
              char buf[HW_LOCAL_TIME_LEN];

              zone_utc_to_wall (zone, u, buf);
              parse_local (buf, &rule.until, NULL);
            }
          rule.until.zone = NULL;
        }
      self->rule = rule;

      it = icalrecur_iterator_new (rule, start);
      if (it == NULL)
        {
          icalerror_clear_errno ();
          g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_INVALID_RULE,
                       _("The repeat rule “%s” cannot be used with this start."),
                       self->rrule);
          return NULL;
        }
      icalrecur_iterator_free (it);
      {
        char *r = icalrecurrencetype_as_string_r (&self->rule);

        self->cache_key = g_strconcat (self->dtstart, "|", r, NULL);
        icalmemory_free_buffer (r);
      }
    }

  return g_steal_pointer (&self);
}

HwRecurrence *
hw_recurrence_ref (HwRecurrence *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hw_recurrence_unref (HwRecurrence *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->exceptions, g_hash_table_unref);
      g_free (self->tzid);
      g_free (self->rrule);
      g_free (self->cache_key);
      g_free (self);
    }
}

const char *
hw_recurrence_get_dtstart (HwRecurrence *self)
{
  return self->dtstart;
}

const char *
hw_recurrence_get_tzid (HwRecurrence *self)
{
  return self->tzid;
}

const char *
hw_recurrence_get_rrule (HwRecurrence *self)
{
  return self->rrule;
}

int
hw_recurrence_get_duration (HwRecurrence *self)
{
  return self->duration;
}

/* The wall-clock starts a rule gives do not depend on the zone (the rule
 * runs on floating times), so they are cached per (start, rule) for the
 * whole process: libical's iterator goes through ICU and is slow, and a
 * calendar view asks for the same series again at every step. */
typedef struct {
  GArray  *walls;      /* gint64, sorted */
  gboolean complete;   /* the rule ended (COUNT/UNTIL) */
  gint64   horizon;    /* walls are known up to here */
} Expansion;

static GMutex cache_lock;
static GHashTable *cache;

static void
expansion_free (gpointer data)
{
  Expansion *e = data;

  g_array_unref (e->walls);
  g_free (e);
}

static GArray *
rule_walls (HwRecurrence *self,
            gint64        need)
{
  Expansion *e;
  GArray *walls;
  icalrecur_iterator *it;
  guint n = 0;
  gint64 horizon;

  if (!self->repeats)
    {
      gint64 w = wall_seconds (&self->ical_start);

      walls = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1);
      g_array_append_val (walls, w);
      return walls;
    }

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, expansion_free);
  e = g_hash_table_lookup (cache, self->cache_key);
  if (e != NULL && (e->complete || e->horizon >= need))
    {
      walls = g_array_ref (e->walls);
      g_mutex_unlock (&cache_lock);
      return walls;
    }

  /* a year beyond what is asked, so that paging on is free */
  horizon = need > G_MAXINT64 / 4 ? need : need + 400 * 86400;
  walls = g_array_new (FALSE, FALSE, sizeof (gint64));
  it = icalrecur_iterator_new (self->rule, self->ical_start);
  e = g_new0 (Expansion, 1);
  e->complete = TRUE;
  while (it != NULL)
    {
      struct icaltimetype tt;
      gint64 w;

      if (n++ >= MAX_ITERATIONS)
        {
          /* cut: never "complete", but nothing more will be computed */
          e->complete = FALSE;
          horizon = G_MAXINT64;
          break;
        }
      tt = icalrecur_iterator_next (it);
      if (icaltime_is_null_time (tt))
        break;
      w = wall_seconds (&tt);
      g_array_append_val (walls, w);
      if (w > horizon)
        {
          e->complete = FALSE;
          break;
        }
    }
  if (it != NULL)
    icalrecur_iterator_free (it);
  e->walls = g_array_ref (walls);
  e->horizon = horizon;
  if (g_hash_table_size (cache) > 1024)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, g_strdup (self->cache_key), e);
  g_mutex_unlock (&cache_lock);
  return walls;
}

/* index of the first wall >= @wall */
static guint
lower_bound (GArray *walls, gint64 wall)
{
  guint lo = 0, hi = walls->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (walls, gint64, mid) < wall)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
hw_recurrence_has_key (HwRecurrence *self,
                       const char   *key)
{
  struct icaltimetype tt;
  g_autoptr(GArray) walls = NULL;
  gint64 w;
  guint i;

  if (!parse_local (key, &tt, NULL))
    return FALSE;
  w = wall_seconds (&tt);
  walls = rule_walls (self, w);
  i = lower_bound (walls, w);
  return i < walls->len && g_array_index (walls, gint64, i) == w;
}

static gboolean
add_exception (HwRecurrence  *self,
               const char    *original_start,
               const char    *new_start,
               gboolean       check,
               GError       **error)
{
  Exception *ex;
  char original[HW_LOCAL_TIME_LEN];
  char moved[HW_LOCAL_TIME_LEN] = "";

  if (!hw_recurrence_parse_local (original_start, original, error))
    return FALSE;
  if (new_start != NULL && *new_start != '\0'
      && !hw_recurrence_parse_local (new_start, moved, error))
    return FALSE;
  if (check && !hw_recurrence_has_key (self, original))
    {
      g_set_error (error, HW_RECURRENCE_ERROR, HW_RECURRENCE_ERROR_NOT_AN_OCCURRENCE,
                   _("There is no visit of this series on %s."), original);
      return FALSE;
    }

  ex = g_new0 (Exception, 1);
  memcpy (ex->original, original, HW_LOCAL_TIME_LEN);
  memcpy (ex->new_start, moved, HW_LOCAL_TIME_LEN);
  g_hash_table_replace (self->exceptions, ex->original, ex);
  return TRUE;
}

gboolean
hw_recurrence_add_exception (HwRecurrence  *self,
                             const char    *original_start,
                             const char    *new_start,
                             GError       **error)
{
  return add_exception (self, original_start, new_start, TRUE, error);
}

const char *
hw_recurrence_lookup_exception (HwRecurrence *self,
                                const char   *key)
{
  char k[HW_LOCAL_TIME_LEN];
  Exception *ex;

  if (!hw_recurrence_parse_local (key, k, NULL))
    return NULL;
  ex = g_hash_table_lookup (self->exceptions, k);
  return ex ? ex->new_start : NULL;
}

gboolean
hw_recurrence_set_exception (HwRecurrence  *self,
                             const char    *original_start,
                             const char    *new_start,
                             GError       **error)
{
  return add_exception (self, original_start, new_start, FALSE, error);
}

static void
fill_occurrence (HwRecurrence *self,
                 HwOccurrence *occ,
                 const char   *key,
                 gint64        wall,
                 gboolean      moved)
{
  memcpy (occ->key, key, HW_LOCAL_TIME_LEN);
  occ->moved = moved;
  occ->start_utc = zone_wall_to_utc (self->zone, wall);
  occ->end_utc = occ->start_utc + (gint64) self->duration * 60;
  /* the displayed start differs from the rule's wall time only in a gap */
  if (self->zone == NULL || occ->start_utc + offset_of_utc (self->zone, occ->start_utc) == wall)
    format_wall_seconds (wall, occ->local_start);
  else
    zone_utc_to_wall (self->zone, occ->start_utc, occ->local_start);
  zone_utc_to_wall (self->zone, occ->end_utc, occ->local_end);
}

static int
compare_occurrence (gconstpointer a, gconstpointer b)
{
  const HwOccurrence *oa = a, *ob = b;

  if (oa->start_utc != ob->start_utc)
    return oa->start_utc < ob->start_utc ? -1 : 1;
  return strcmp (oa->key, ob->key);
}

GArray *
hw_recurrence_expand (HwRecurrence *self,
                      gint64        from_utc,
                      gint64        to_utc)
{
  GHashTableIter iter;
  gpointer value;
  gboolean any_moved = FALSE;
  g_autoptr(GArray) walls = NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HwOccurrence));
  gboolean any_exceptions = g_hash_table_size (self->exceptions) > 0;
  /* no zone is more than a day from UTC */
  gint64 from_wall = from_utc - (gint64) self->duration * 60 - 86400;
  gint64 to_wall = to_utc + 86400;

  if (to_utc <= from_utc)
    return out;

  walls = rule_walls (self, to_wall);
  for (guint i = lower_bound (walls, from_wall); i < walls->len; i++)
    {
      gint64 wall = g_array_index (walls, gint64, i);
      char key[HW_LOCAL_TIME_LEN];
      HwOccurrence occ;

      if (wall >= to_wall)
        break;
      format_wall_seconds (wall, key);
      if (any_exceptions && g_hash_table_contains (self->exceptions, key))
        continue;
      fill_occurrence (self, &occ, key, wall, FALSE);
      if (occ.start_utc < to_utc && occ.end_utc > from_utc)
        g_array_append_val (out, occ);
    }

  /* a moved occurrence may land in the range from outside it */
  g_hash_table_iter_init (&iter, self->exceptions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Exception *e = value;
      struct icaltimetype tt;
      HwOccurrence occ;

      if (e->new_start[0] == '\0')
        continue;
      parse_local (e->new_start, &tt, NULL);
      fill_occurrence (self, &occ, e->original, wall_seconds (&tt), TRUE);
      if (occ.start_utc < to_utc && occ.end_utc > from_utc)
        {
          g_array_append_val (out, occ);
          any_moved = TRUE;
        }
    }
  if (any_moved)
    g_array_sort (out, compare_occurrence);
  return out;
}

GArray *
hw_recurrence_expand_all (HwRecurrence *self,
                          gint64        limit_utc)
{
  /* 1900-01-01: before any date parse_local accepts */
  return hw_recurrence_expand (self, G_GINT64_CONSTANT (-2208988800), limit_utc);
}

/* Description ------------------------------------------------------------- */

/* A day name as it reads in "on Tuesday the 3rd"-style phrases (one day):
 * the singular, "Saturday" / "sábado". */
static const char *
weekday_name (int wd)
{
  /* icalrecurrencetype_weekday: 1 = Sunday */
  switch (wd)
    {
    case ICAL_SUNDAY_WEEKDAY: return _("Sunday");
    case ICAL_MONDAY_WEEKDAY: return _("Monday");
    case ICAL_TUESDAY_WEEKDAY: return _("Tuesday");
    case ICAL_WEDNESDAY_WEEKDAY: return _("Wednesday");
    case ICAL_THURSDAY_WEEKDAY: return _("Thursday");
    case ICAL_FRIDAY_WEEKDAY: return _("Friday");
    case ICAL_SATURDAY_WEEKDAY: return _("Saturday");
    default: return "";
    }
}

/* A day name as it reads in "every week on Tuesday and Saturday": a
 * language may need another form there (Spanish: "todos los sábados",
 * plural), so these have their own context. */
static const char *
weekday_every (int wd)
{
  /* Translators: day names in "Every week on {days}": use the form that
   * fits that sentence, e.g. Spanish plural "sábados", "domingos",
   * "martes" (the sentence itself gives the article: "Todos los {days}"). */
  switch (wd)
    {
    case ICAL_SUNDAY_WEEKDAY: return C_("every week on", "Sunday");
    case ICAL_MONDAY_WEEKDAY: return C_("every week on", "Monday");
    case ICAL_TUESDAY_WEEKDAY: return C_("every week on", "Tuesday");
    case ICAL_WEDNESDAY_WEEKDAY: return C_("every week on", "Wednesday");
    case ICAL_THURSDAY_WEEKDAY: return C_("every week on", "Thursday");
    case ICAL_FRIDAY_WEEKDAY: return C_("every week on", "Friday");
    case ICAL_SATURDAY_WEEKDAY: return C_("every week on", "Saturday");
    default: return "";
    }
}

/* "the third Saturday" of a month; @position 1..5, or -1 for the last */
static char *
weekday_in_month (int wd, int position)
{
  const char *template;
  GString *s;

  /* Translators: a day of a month in "Every month on {days}"; keep
   * {weekday} (a day name, "Saturday"). Spanish: "el tercer {weekday}". */
  switch (position)
    {
    case 1: template = _("the first {weekday}"); break;
    case 2: template = _("the second {weekday}"); break;
    case 3: template = _("the third {weekday}"); break;
    case 4: template = _("the fourth {weekday}"); break;
    case 5: template = _("the fifth {weekday}"); break;
    case -1: template = _("the last {weekday}"); break;
    default: return g_strdup (weekday_every (wd));
    }
  s = g_string_new (template);
  g_string_replace (s, "{weekday}", weekday_name (wd), 0);
  return g_string_free (s, FALSE);
}

/* "Tuesday", "Tuesday and Thursday", "Monday, Tuesday and Thursday" */
static char *
join_list (GPtrArray *items)
{
  g_autofree char *text = NULL;

  if (items->len == 0)
    return g_strdup ("");
  text = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i < items->len; i++)
    {
      GString *s;

      if (i == items->len - 1)
        /* Translators: the last two items of a list, "Tuesday and
         * Thursday"; keep the words in braces. Spanish "{first} y {last}". */
        s = g_string_new (_("{first} and {last}"));
      else
        /* Translators: items of a list before its last two, "Monday,
         * Tuesday"; keep the words in braces. */
        s = g_string_new (_("{first}, {last}"));
      g_string_replace (s, "{first}", text, 0);
      g_string_replace (s, "{last}", g_ptr_array_index (items, i), 0);
      g_free (text);
      text = g_string_free (s, FALSE);
    }
  return g_steal_pointer (&text);
}

static char *
replace_days (const char *template, const char *days)
{
  GString *s = g_string_new (template);

  g_string_replace (s, "{days}", days, 0);
  return g_string_free (s, FALSE);
}

/* The rule's rhythm without its end: "Every week on Tuesday" */
static char *
describe_rhythm (HwRecurrence *self)
{
  const struct icalrecurrencetype *r = &self->rule;
  int n = r->interval;
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (int i = 0; i < ICAL_BY_DAY_SIZE && r->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      int wd = icalrecurrencetype_day_day_of_week (r->by_day[i]);

      if (r->freq == ICAL_MONTHLY_RECURRENCE)
        g_ptr_array_add (days, weekday_in_month (wd,
                                                 icalrecurrencetype_day_position (r->by_day[i])));
      else
        g_ptr_array_add (days, g_strdup (weekday_every (wd)));
    }

  switch (r->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      if (n == 1)
        return g_strdup (_("Every day"));
      return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Every %d day", "Every %d days", n), n);
    case ICAL_WEEKLY_RECURRENCE:
      /* without days, a weekly rule repeats on its first day's weekday */
      if (days->len == 0)
        g_ptr_array_add (days, g_strdup (weekday_every (icaltime_day_of_week (self->ical_start))));
      list = join_list (days);
      if (n == 1)
        /* Translators: {days} are day names in their "every week on" form
         * ("Tuesday and Thursday"); Spanish "Todos los {days}". */
        return replace_days (_("Every week on {days}"), list);
      if (n == 2)
        /* Translators: {days} as in "Every week on {days}"; Spanish "Cada dos
         * semanas, los {days}". */
        return replace_days (_("Every other week on {days}"), list);
      {
        g_autofree char *t = NULL;

        /* Translators: {days} as in "Every week on {days}"; keep %d */
        t = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Every %d week on {days}",
                                        "Every %d weeks on {days}", n), n);
        return replace_days (t, list);
      }
    case ICAL_MONTHLY_RECURRENCE:
      if (days->len > 0)
        {
          list = join_list (days);
          if (n == 1)
            /* Translators: {days} is "the third Saturday"-style; Spanish
             * "Todos los meses, {days}". */
            return replace_days (_("Every month on {days}"), list);
          {
            g_autofree char *t = NULL;

            /* Translators: {days} as in "Every month on {days}"; keep %d */
            t = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Every %d month on {days}",
                                            "Every %d months on {days}", n), n);
            return replace_days (t, list);
          }
        }
      else
        {
          int day = r->by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX && r->by_month_day[0] > 0
                    ? r->by_month_day[0] : self->ical_start.day;
          g_autofree char *t = NULL;

          if (n == 1)
            /* Translators: "Every month on day 7"; Spanish "Todos los meses, el día %d" */
            return g_strdup_printf (_("Every month on day %d"), day);
          /* Translators: "Every 3 months on day 7": the first %d is the
           * number of months, the second the day of the month */
          t = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Every %d month on day {day}",
                                          "Every %d months on day {day}", n), n);
          {
            g_autofree char *d = g_strdup_printf ("%d", day);
            GString *s = g_string_new (t);

            g_string_replace (s, "{day}", d, 0);
            return g_string_free (s, FALSE);
          }
        }
    default:
      if (n == 1)
        return g_strdup (_("Every year"));
      return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Every %d year", "Every %d years", n), n);
    }
}

gboolean
hw_recurrence_get_repeats (HwRecurrence *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->repeats;
}

/**
 * hw_recurrence_describe:
 * @self: a recurrence
 *
 * The rule in words, in the current gettext language, as a whole
 * translatable sentence: "Every week on Tuesday and Thursday, 6 times",
 * "Every other week on Wednesday, until 28 February 2025", "Once". The
 * first day and the time are not part of it.
 *
 * Returns: (transfer full): the description
 */
char *
hw_recurrence_describe (HwRecurrence *self)
{
  const struct icalrecurrencetype *r = &self->rule;
  g_autofree char *rhythm = NULL;
  GString *s;

  if (!self->repeats)
    return g_strdup (_("Once"));

  rhythm = describe_rhythm (self);
  if (r->count > 0)
    {
      s = g_string_new (NULL);
      /* Translators: a rule that ends after a number of visits, "Every
       * week on Tuesday, 6 times"; keep {rhythm} and %d. */
      g_string_printf (s, dngettext (GETTEXT_PACKAGE, "{rhythm}, %d time", "{rhythm}, %d times",
                                     r->count), r->count);
    }
  else if (!icaltime_is_null_time (r->until))
    {
      g_autofree char *date = hw_language_format_date (r->until.year, r->until.month,
                                                       r->until.day, HW_DATE_LONG);

      /* Translators: a rule that ends on a date, "Every week on Tuesday,
       * until 3 December 2026"; keep the words in braces. Spanish
       * "{rhythm}, hasta el {date}". */
      s = g_string_new (_("{rhythm}, until {date}"));
      g_string_replace (s, "{date}", date ? date : "", 0);
    }
  else
    s = g_string_new ("{rhythm}");
  g_string_replace (s, "{rhythm}", rhythm, 0);
  return g_string_free (s, FALSE);
}
