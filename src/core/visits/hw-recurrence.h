/* hw-recurrence.h: a visit series' recurrence (start, time zone, RRULE,
 * exceptions) and its expansion into occurrences with libical.
 *
 * Occurrences are expanded here, in the core, never in views.
 *
 * Times: a series starts at a local wall-clock time "YYYY-MM-DDTHH:MM:SS"
 * in an Olson time zone (e.g. "America/New_York"; libical's builtin
 * zoneinfo). An empty zone means floating time, read as UTC. The rule is
 * applied to wall-clock times, so a weekly 10:00 visit stays at 10:00
 * across daylight-saving changes. A wall time that does not exist (in the
 * spring-forward gap) is read with the offset before the gap (RFC 5545
 * 3.3.5: 02:30 becomes 03:30); one that happens twice (fall back) is the
 * first of the two.
 *
 * Each occurrence is known by its *key*: the wall-clock start the rule
 * gives it, before any move. visit_exceptions.original_start and
 * visit_records.occurrence_start hold keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HW_RECURRENCE_ERROR (hw_recurrence_error_quark ())

typedef enum {
  HW_RECURRENCE_ERROR_INVALID_DATE,   /* not a date/time, or impossible */
  HW_RECURRENCE_ERROR_INVALID_RULE,   /* RRULE text libical refuses */
  HW_RECURRENCE_ERROR_INVALID_ZONE,   /* unknown time zone */
  HW_RECURRENCE_ERROR_INVALID_DURATION,
  HW_RECURRENCE_ERROR_NOT_AN_OCCURRENCE, /* an exception for a time the rule never gives */
} HwRecurrenceError;

GQuark hw_recurrence_error_quark (void);

/* "YYYY-MM-DDTHH:MM:SS" + NUL */
#define HW_LOCAL_TIME_LEN 20

typedef struct {
  char     key[HW_LOCAL_TIME_LEN];          /* the rule's start, before a move */
  char     local_start[HW_LOCAL_TIME_LEN];  /* wall clock in the series' zone */
  char     local_end[HW_LOCAL_TIME_LEN];
  gint64   start_utc;                       /* seconds since the epoch */
  gint64   end_utc;
  gboolean moved;
} HwOccurrence;

typedef struct _HwRecurrence HwRecurrence;

#define HW_TYPE_RECURRENCE (hw_recurrence_get_type ())
GType         hw_recurrence_get_type      (void) G_GNUC_CONST;

/**
 * hw_recurrence_new:
 * @dtstart: local start "YYYY-MM-DDTHH:MM:SS" (seconds may be left out)
 * @tzid: (nullable): Olson zone name; NULL or "" for floating time
 * @rrule: (nullable): RFC 5545 RRULE value ("FREQ=WEEKLY;BYDAY=TU,TH"),
 *   with or without the "RRULE:" prefix; NULL or "" for a single visit
 * @duration_minutes: length of each occurrence, 1 .. 7 days
 *
 * Returns: (transfer full) (nullable): the recurrence, or %NULL with a
 *   %HW_RECURRENCE_ERROR in plain language
 */
HwRecurrence *hw_recurrence_new           (const char    *dtstart,
                                           const char    *tzid,
                                           const char    *rrule,
                                           int            duration_minutes,
                                           GError       **error);
HwRecurrence *hw_recurrence_ref           (HwRecurrence  *self);
void          hw_recurrence_unref         (HwRecurrence  *self);

const char   *hw_recurrence_get_dtstart   (HwRecurrence  *self);
const char   *hw_recurrence_get_tzid      (HwRecurrence  *self);
/* the normalised rule ("" for a single visit) */
const char   *hw_recurrence_get_rrule     (HwRecurrence  *self);
int           hw_recurrence_get_duration  (HwRecurrence  *self);

/**
 * hw_recurrence_add_exception:
 * @original_start: key of an occurrence the rule gives
 * @new_start: (nullable): where it moves to (local, same zone); NULL or ""
 *   removes the occurrence
 *
 * Fails if @original_start is not an occurrence of the rule or a date is
 * impossible.
 */
gboolean      hw_recurrence_add_exception (HwRecurrence  *self,
                                           const char    *original_start,
                                           const char    *new_start,
                                           GError       **error);

/* Same without checking that @original_start is an occurrence: for rows
 * that were checked when stored (a long series has many). */
gboolean      hw_recurrence_set_exception (HwRecurrence  *self,
                                           const char    *original_start,
                                           const char    *new_start,
                                           GError       **error);

/* The exception of @key: NULL if none, "" if removed, else the new start. */
const char   *hw_recurrence_lookup_exception (HwRecurrence *self,
                                              const char   *key);

/* TRUE if the rule (ignoring exceptions) gives an occurrence at @key. */
gboolean      hw_recurrence_has_key       (HwRecurrence  *self,
                                           const char    *key);

/**
 * hw_recurrence_expand:
 * @from_utc: start of the range, seconds since the epoch
 * @to_utc: end of the range (exclusive)
 *
 * Returns: (transfer full) (element-type HwOccurrence): the occurrences
 *   that overlap the range, removed ones left out, moved ones at their
 *   new time, sorted by start
 */
GArray       *hw_recurrence_expand        (HwRecurrence  *self,
                                           gint64         from_utc,
                                           gint64         to_utc);
/* All occurrences; a rule without COUNT or UNTIL is cut at @limit_utc. */
GArray       *hw_recurrence_expand_all    (HwRecurrence  *self,
                                           gint64         limit_utc);

/* FALSE for a single visit (no rule). */
gboolean      hw_recurrence_get_repeats   (HwRecurrence  *self);
/* Plain-language summary in the current gettext language, a whole
 * sentence: "Every week on Tuesday and Thursday, 6 times", "Once". */
char         *hw_recurrence_describe      (HwRecurrence  *self);

/* Helpers ---------------------------------------------------------------- */

/* Checks and normalises an RRULE ("" is valid: no repetition). */
gboolean      hw_recurrence_validate_rrule (const char   *rrule,
                                            char        **normalised,
                                            GError      **error);
/* Parses "YYYY-MM-DDTHH:MM[:SS]" strictly, refusing impossible dates, and
 * writes the canonical form into @out (may be NULL). */
gboolean      hw_recurrence_parse_local    (const char   *text,
                                            char          out[HW_LOCAL_TIME_LEN],
                                            GError      **error);
gboolean      hw_recurrence_validate_tzid  (const char   *tzid,
                                            GError      **error);
/**
 * hw_recurrence_limit_rule:
 * @rrule: a rule ("" for a single visit)
 * @last_day: (nullable): "YYYY-MM-DD": the rule ends that day (UNTIL at
 *   23:59:59 wall time, COUNT dropped)
 * @count: with @last_day %NULL, the new COUNT (0 drops it); ignored else
 *
 * Returns: (transfer full) (nullable): the normalised rule ("" stays ""),
 *   or %NULL with an error
 */
char         *hw_recurrence_limit_rule     (const char   *rrule,
                                            const char   *last_day,
                                            int           count,
                                            GError      **error);
/* COUNT of a rule, 0 if it has none (or is not valid). */
int           hw_recurrence_rule_count     (const char   *rrule);
/* TRUE if the rule ends (COUNT or UNTIL) or is a single visit. */
gboolean      hw_recurrence_rule_ends      (const char   *rrule);
/* What a rule says, for a form: its frequency (0 none, 1 daily, 2 weekly,
 * 3 monthly, 4 yearly), interval, weekdays (bit 0 Monday ... bit 6
 * Sunday), COUNT (0 none) and UNTIL day ("" none). FALSE if not valid. */
gboolean      hw_recurrence_rule_info      (const char   *rrule,
                                            int          *freq,
                                            int          *interval,
                                            guint        *weekdays,
                                            int          *count,
                                            char          until_day[11]);
/* Local wall time in @tzid -> UTC seconds (gap and overlap as above). */
gboolean      hw_recurrence_local_to_utc   (const char   *tzid,
                                            const char   *local,
                                            gint64       *out_utc,
                                            GError      **error);
/* UTC seconds -> local wall time in @tzid. */
void          hw_recurrence_utc_to_local   (const char   *tzid,
                                            gint64        utc,
                                            char          out[HW_LOCAL_TIME_LEN]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwRecurrence, hw_recurrence_unref)

G_END_DECLS
