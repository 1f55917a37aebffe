/* hw-visits.h: family time (visits): plans as recurring series, what
 * happened at each visit, make-up visits, conflicts and monthly counts.
 *
 * A visit plan is a row of visit_series (start, zone, RRULE, level...) with
 * its participants; its occurrences are expanded with HwRecurrence. What
 * happened at one occurrence is a row of visit_records keyed by the
 * occurrence's key (see hw-recurrence.h); no row means "scheduled".
 *
 * Make-up rule (DOMAIN.md, Family time): a make-up visit is owed when the
 * caregiver, the agency or a provider cancels; never for a parent's
 * cancellation or a no-show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-store.h"
#include "hw-export.h"
#include "hw-recurrence.h"

G_BEGIN_DECLS

/* Levels, from most to least supervised (the order of stepping up). */
#define HW_VISIT_N_LEVELS 7
const char *const *hw_visit_levels          (void);
/* translated label of a level / status id, or the id if unknown */
const char  *hw_visit_level_label           (const char *level);
/* short translated label for a calendar cell ("Superv.") */
const char  *hw_visit_level_short_label     (const char *level);
int          hw_visit_level_index           (const char *level);

#define HW_VISIT_N_STATUSES 7
const char *const *hw_visit_statuses        (void);
const char  *hw_visit_status_label          (const char *status);
gboolean     hw_visit_status_is_cancelled   (const char *status);
/* TRUE for cancellations that owe the family a make-up visit */
gboolean     hw_visit_status_owes_makeup    (const char *status);

/* Plans ---------------------------------------------------------------- */

typedef struct {
  gint64        case_id;
  const char   *title;
  const char   *place;
  const char   *dtstart;          /* local "YYYY-MM-DDTHH:MM[:SS]" */
  const char   *tzid;             /* Olson name; "" floating */
  int           duration_minutes;
  const char   *rrule;            /* "" for a single visit */
  const char   *level;            /* a level id */
  gint64        supervisor_person_id;   /* 0 = none */
  const char   *supervisor;       /* free text when not a person of the case */
  gint64        transport_person_id;
  const char   *transport;
  const char   *notes;
  const gint64 *visitors;         /* people ids: who visits */
  guint         n_visitors;
  const gint64 *children;         /* people ids: the children visited */
  guint         n_children;
  const char   *uid;              /* NULL: a new one is made (import keeps it) */
} HwVisitPlan;

/* Validates @plan (dates, zone, rule, level, people of the case) and
 * writes the series and its participants. Inside an open edit it only
 * writes; otherwise it makes its own edit. Returns the new series id or 0. */
gint64       hw_visits_create_series        (HwStore           *store,
                                             const HwVisitPlan *plan,
                                             GError           **error);
/* hw_visits_create_series() for a person planning visits: refused, with
 * nothing written, when a child of @plan would be in two visits at once
 * (another plan has a visit at the same time: change or end that plan
 * instead of doubling every visit). */
gint64       hw_visits_schedule             (HwStore           *store,
                                             const HwVisitPlan *plan,
                                             GError           **error);
/* Replaces the plan of an existing series (participants too). */
gboolean     hw_visits_update_series        (HwStore           *store,
                                             gint64             series_id,
                                             const HwVisitPlan *plan,
                                             GError           **error);
gboolean     hw_visits_delete_series        (HwStore           *store,
                                             gint64             series_id,
                                             GError           **error);
/* The recurrence of a series with its exceptions. */
HwRecurrence *hw_visits_get_recurrence      (HwStore           *store,
                                             gint64             series_id,
                                             GError           **error);

/* Moves one occurrence (@new_start local, same zone) or, with @new_start
 * NULL/"", takes it off the calendar. */
gboolean     hw_visits_move_occurrence      (HwStore           *store,
                                             gint64             series_id,
                                             const char        *key,
                                             const char        *new_start,
                                             GError           **error);
/* The same, only if the visit still starts at @shown_start (its
 * local_start as the caller read it, "" when it was off the calendar):
 * else someone else moved it meanwhile, and it fails with
 * %HW_STORE_ERROR_CONFLICT, changing nothing. */
gboolean     hw_visits_move_occurrence_at   (HwStore           *store,
                                             gint64             series_id,
                                             const char        *key,
                                             const char        *shown_start,
                                             const char        *new_start,
                                             GError           **error);

/* Plans that change over time ------------------------------------------- */

/* A visit plan is never rewritten backwards: a change from a date on ends
 * the plan on the day before (its rule gets an UNTIL) and starts a new
 * plan that follows it (visit_series.follows_id, change_date,
 * change_reason). The visits before the date, what happened at them and
 * their make-ups stay exactly as they were. The date is today or later:
 * a change that should have started earlier is recorded from today, its
 * reason saying when it was decided. */

typedef enum {
  HW_VISIT_STEP_DOWN = -1,     /* to a more supervised level */
  HW_VISIT_STEP_UP   = 1,      /* to a less supervised level */
} HwVisitStep;

/**
 * hw_visits_change_plan:
 * @series_id: the plan that changes
 * @from_day: "YYYY-MM-DD", the first day of the new plan: today or later,
 *   on or after the plan's first visit and not after its last
 * @plan: the plan from @from_day on: its first visit on or after
 *   @from_day, its case the old plan's
 * @reason: (nullable): why; needed when the level changes (the level
 *   history shows it)
 *
 * One edit: ends @series_id on the day before @from_day and starts @plan.
 * Visits of the old plan on or after @from_day that have something
 * written down move to the new plan when it has a visit at the same time,
 * else the change is refused. Refused too when a child of the new plan
 * would be in two visits at once. When the old plan has no visit before
 * @from_day it is changed in place.
 *
 * Returns: the id of the plan from @from_day on, or 0 with an error and
 *   nothing changed
 */
gint64       hw_visits_change_plan          (HwStore           *store,
                                             gint64             series_id,
                                             const char        *from_day,
                                             const HwVisitPlan *plan,
                                             const char        *reason,
                                             GError           **error);
/**
 * hw_visits_step_level:
 * @direction: up (less supervised) or down (more supervised)
 * @level: the new level, a step in @direction from the plan's
 * @reason: why: required, kept as evidence
 *
 * hw_visits_change_plan() with everything kept but the level: the new
 * plan's first visit is the old plan's first visit on or after @from_day,
 * same day, time and rhythm (a COUNT keeps the visits left).
 *
 * Returns: the id of the plan from @from_day on, or 0 with an error
 */
gint64       hw_visits_step_level           (HwStore           *store,
                                             gint64             series_id,
                                             const char        *from_day,
                                             HwVisitStep        direction,
                                             const char        *level,
                                             const char        *reason,
                                             GError           **error);
/**
 * hw_visits_end_plan:
 * @last_day: "YYYY-MM-DD": no visits after this day (today or later)
 * @reason: why the visits end: required (an end of family time is a
 *   decision a court asks about, like a change of level); kept in the
 *   plan's end_reason with @last_day in ended_on, and shown in the level
 *   history
 *
 * One edit: the plan keeps its visits up to @last_day. A plan whose
 * first visit is after @last_day is taken off entirely (no visit of it
 * ever took place, so there is no history to keep the reason in).
 * Refused when a visit after @last_day already has something written
 * down, or without a reason.
 */
gboolean     hw_visits_end_plan             (HwStore           *store,
                                             gint64             series_id,
                                             const char        *last_day,
                                             const char        *reason,
                                             GError           **error);

/* The first visit a new plan offers: @wanted ("YYYY-MM-DD", NULL for
 * today) or today if that is past, moved on to the next day whose weekday
 * is in @weekdays (bit 0 Monday ... bit 6 Sunday; 0 any day). */
void         hw_visits_default_first_day    (const char        *wanted,
                                             guint              weekdays,
                                             char               out[11]);

/* A plan's rhythm from a day on, as the forms show it. */
typedef struct {
  int      repeat;                /* 0 once, 1 every week, 2 every two weeks, 3 every month */
  guint    weekdays;              /* bit 0 Monday ... bit 6 Sunday (weekly) */
  int      count_left;            /* visits left from the day on (COUNT); 0 no count */
  char     until_day[11];         /* the rule's last day, "" */
  char     time[6];               /* "HH:MM" */
  int      duration_minutes;
} HwVisitRhythm;

/* The rhythm of @series_id from @from_day on (weekdays of the first visit
 * when the rule names none). */
gboolean     hw_visits_get_rhythm           (HwStore           *store,
                                             gint64             series_id,
                                             const char        *from_day,
                                             HwVisitRhythm     *out,
                                             GError           **error);
/* The RRULE of @rhythm ("" for once). */
char        *hw_visits_rhythm_to_rrule      (const HwVisitRhythm *rhythm);

/* What changes from a day on; NULL / 0 / FALSE keep the old plan's. */
typedef struct {
  const char          *level;
  const char          *place;
  const char          *time;              /* "HH:MM" */
  int                  duration_minutes;
  const HwVisitRhythm *rhythm;            /* only its repeat and weekdays are read */
  gboolean             set_supervisor;
  gint64               supervisor_person_id;
  const char          *supervisor;
} HwVisitPlanChange;

/**
 * hw_visits_change_from:
 *
 * hw_visits_change_plan() for a form: the new plan is the old one with
 * @change applied; its first visit is the first day on or after
 * @from_day that the rhythm gives (a weekday it names), at the time.
 *
 * Returns: the id of the plan from @from_day on, or 0 with an error
 */
gint64       hw_visits_change_from          (HwStore                 *store,
                                             gint64                   series_id,
                                             const char              *from_day,
                                             const HwVisitPlanChange *change,
                                             const char              *reason,
                                             GError                 **error);

typedef struct {
  gint64   id;
  char    *title;
  char    *level;                 /* a level id */
  char    *place;
  char    *when;                  /* "Every week on Tuesday, 16:00, 2 h" */
  char     first_day[11];         /* the rule's first visit */
  char     last_day[11];          /* its last, "" while open-ended */
  char     change_date[11];       /* the day it took over, "" */
  char    *change_reason;
  char     ended_on[11];          /* the last day it was ended from, "" */
  char    *end_reason;            /* why it was ended, "" */
  gint64   follows_id;            /* the plan it continues, 0 */
  gint64   supervisor_person_id;  /* 0 none or free text */
  char    *supervisor;            /* the free text, "" */
  gboolean makeup;                /* a one-off make-up visit */
} HwVisitPlanSummary;

/* The plans of a case, newest first. (element-type HwVisitPlanSummary),
 * the array clears its elements. */
GArray      *hw_visits_list_plans           (HwStore           *store,
                                             gint64             case_id,
                                             GError           **error);

/* Outcomes ------------------------------------------------------------- */

typedef struct {
  const char *status;          /* a status id */
  const char *arrival;         /* "HH:MM" or local date-time; "" unknown */
  const char *departure;
  const char *observations;    /* behaviour-specific notes */
  const char *recommendation;  /* a level id, or "" */
} HwVisitOutcome;

/* Records what happened at the occurrence @key of @series_id. Returns the
 * visit_records id, or 0 with an error (nothing written). */
gint64       hw_visits_record_outcome       (HwStore              *store,
                                             gint64                series_id,
                                             const char           *key,
                                             const HwVisitOutcome *outcome,
                                             GError              **error);
/**
 * hw_visits_record_outcome_at:
 * @version: the version of the visit's record as read
 *   (HwVisit.record_version): 0 when nothing was recorded then
 *
 * hw_visits_record_outcome(), saved only over what was read: when someone
 * else recorded (or changed) the outcome since, refused with
 * %HW_STORE_ERROR_CONFLICT and nothing written.
 */
gint64       hw_visits_record_outcome_at    (HwStore              *store,
                                             gint64                series_id,
                                             const char           *key,
                                             gint64                version,
                                             const HwVisitOutcome *outcome,
                                             GError              **error);
/* What is recorded of the occurrence @key of @series_id now: the
 * visit_records row (with its version) plus makeup_given (1 when a make-up
 * visit is scheduled for it, else 0), or NULL when nothing is recorded
 * (@error unset) or it could not be read (@error set). */
HwRecord    *hw_visits_get_outcome          (HwStore              *store,
                                             gint64                series_id,
                                             const char           *key,
                                             GError              **error);
/* Schedules a one-off make-up visit for the cancelled visit @record_id
 * at @local_start. Fails if that cancellation owes no make-up (a parent's
 * cancellation or a no-show) or one is already scheduled. Returns the new
 * series id. */
gint64       hw_visits_schedule_makeup      (HwStore           *store,
                                             gint64             record_id,
                                             const char        *local_start,
                                             GError           **error);
/* The same, only over @version of the cancelled visit's record (the
 * one shown, hw_visits_get_outcome()): when someone else changed its
 * outcome or scheduled a make-up for it since, refused with
 * %HW_STORE_ERROR_CONFLICT and nothing is made. Scheduling a make-up
 * moves the cancelled visit's version on. 0: checked against the
 * version read when called. */
gint64       hw_visits_schedule_makeup_at   (HwStore           *store,
                                             gint64             record_id,
                                             gint64             version,
                                             const char        *local_start,
                                             GError           **error);

/* Reading the calendar ------------------------------------------------- */

typedef enum {
  HW_VISIT_FLAG_CHILD_CONFLICT = 1 << 0,  /* a child is in another visit at the same time */
  HW_VISIT_FLAG_SCHOOL_HOURS   = 1 << 1,  /* over a child's school hours */
  HW_VISIT_FLAG_TRIAL_OVERDUE  = 1 << 2,  /* trial home visit past 6 months */
  HW_VISIT_FLAG_MAKEUP_OWED    = 1 << 3,  /* cancelled, make-up owed, none scheduled */
  HW_VISIT_FLAG_MAKEUP         = 1 << 4,  /* this visit is a make-up */
} HwVisitFlags;

typedef struct {
  gint64        series_id;
  HwOccurrence  occ;
  char         *title;
  char         *place;
  char         *level;
  char         *status;          /* "scheduled" if nothing recorded */
  gint64        record_id;       /* 0 = nothing recorded */
  gint64        record_version;  /* the record's row version as read, 0 = nothing recorded */
  char         *arrival;
  char         *departure;
  char         *observations;
  char         *recommendation;
  char         *supervisor;      /* name (person or free text) */
  char         *transport;
  char         *who;             /* participants' names, "Ana, Leo" */
  gint64        supervisor_person_id;
  gint64        transport_person_id;
  GArray       *children;        /* gint64 person ids */
  GArray       *visitors;
  guint         flags;           /* HwVisitFlags */
} HwVisit;

/**
 * hw_visits_list:
 * @person_id: 0 for the whole case, or only the visits this person attends
 *   (as visitor or child), supervises or drives
 * @from_utc: range start, seconds since the epoch
 * @to_utc: range end (exclusive)
 *
 * Expands every series of the case in the range and joins what was
 * recorded. Flags conflicts (school hours from the setting
 * "visits.school-hours", e.g. "08:00-15:00" Monday to Friday; unset = not
 * checked), overdue trial home visits and owed make-ups.
 *
 * Returns: (transfer full) (element-type HwVisit): sorted by start; free
 *   with g_array_unref (the array clears its elements)
 */
GArray      *hw_visits_list                 (HwStore           *store,
                                             gint64             case_id,
                                             gint64             person_id,
                                             gint64             from_utc,
                                             gint64             to_utc,
                                             GError           **error);

/* "HH:MM-HH:MM" for Monday to Friday, or NULL/"" to stop checking. */
gboolean     hw_visits_set_school_hours     (HwStore           *store,
                                             const char        *hours,
                                             GError           **error);

/* The date (local, "YYYY-MM-DD") after which a trial home visit that
 * started on @first_day (a date or date-time) is overdue: six months
 * later; "" if @first_day is not a date. */
void         hw_visits_trial_limit          (const char        *first_day,
                                             char               out[11]);

/* Counts and progression ------------------------------------------------ */

typedef struct {
  int     year;
  int     month;                  /* 1..12 */
  guint   planned;                /* on the calendar (not taken off it) */
  guint   happened;
  guint   cancelled_parent;
  guint   cancelled_caregiver;
  guint   cancelled_agency;
  guint   cancelled_provider;
  guint   no_show;
  guint   scheduled;              /* nothing recorded yet */
  double  hours;                  /* family time that happened */
} HwVisitMonth;

/* Counts for @n_months months from @year-@month (local dates of the
 * visits). Returns (element-type HwVisitMonth). */
GArray      *hw_visits_monthly_counts       (HwStore           *store,
                                             gint64             case_id,
                                             int                year,
                                             int                month,
                                             guint              n_months,
                                             GError           **error);

typedef struct {
  char        day[11];            /* local date the level began */
  const char *level;              /* static level id */
  gint64      series_id;          /* the plan of the first visit at it */
  char        change_date[11];    /* the day that plan took over, "" */
  char       *reason;             /* why the level changed, "" unknown */
} HwVisitLevelStep;

/* The supervision level over time: one step per change, from the visits
 * that were not cancelled, in date order, with the reason the plan of
 * the step's first visit gives. (element-type HwVisitLevelStep), the
 * array clears its elements. */
GArray      *hw_visits_level_history        (HwStore           *store,
                                             gint64             case_id,
                                             GError           **error);

/* First and last visit of the case as UTC seconds; FALSE if none. */
gboolean     hw_visits_get_span             (HwStore           *store,
                                             gint64             case_id,
                                             gint64            *first_utc,
                                             gint64            *last_utc);

/* Export / import (hw-ical.c) ------------------------------------------ */

/* `homeward export --what visits --format ics|pdf` */
gboolean     hw_visits_export               (HwStore                *store,
                                             const HwExportOptions  *opts,
                                             GError                **error);
/* Builds the iCalendar text (for tests and the app). */
char        *hw_visits_to_ics               (HwStore                *store,
                                             const HwExportOptions  *opts,
                                             GError                **error);
/* Reads @path and creates its visits in @case_id in one edit, all or
 * nothing: a malformed file is refused with a clear message. */
gboolean     hw_visits_import_ics           (HwStore                *store,
                                             gint64                  case_id,
                                             const char             *path,
                                             GError                **error);
/* Same, from text; @n_created (nullable) gets the number of plans made. */
gboolean     hw_visits_import_ics_data      (HwStore                *store,
                                             gint64                  case_id,
                                             const char             *data,
                                             guint                  *n_created,
                                             GError                **error);

G_END_DECLS
