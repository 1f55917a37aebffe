/* hw-case-dates.h: the key dates of a case: removal (entry into care),
 * each court hearing (its kind and what was ordered), trial home visit
 * start, return home, case closure and re-entry into care; and what they
 * tell: time in care, the next hearing, and whether the twelve months of
 * aftercare after the return home are covered.
 *
 * The rows are case_events (schema 5). Every add, change and delete is
 * one store edit (undoable, audited) and is checked against the whole
 * history of the case, so the history always reads in order: one removal,
 * then a re-entry for every later entry into care, a return home only
 * while in care, and so on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* Kinds of key date, in the order a case usually goes through them. */
#define HW_CASE_EVENT_N_KINDS 6
const char * const *hw_case_event_kinds          (void);
/* Translated label of a kind ("Return home"), or the id if unknown. */
const char         *hw_case_event_kind_label     (const char *kind);

/* Kinds of court hearing. */
#define HW_HEARING_N_KINDS 6
const char * const *hw_hearing_kinds             (void);
const char         *hw_hearing_kind_label        (const char *hearing_kind);

typedef struct {
  /* removal, hearing, trial-home-visit, return-home, closure, re-entry */
  const char *kind;
  const char *date;          /* YYYY-MM-DD */
  const char *hearing_kind;  /* hearings only: a hearing kind; NULL or "" otherwise */
  const char *ordered;       /* hearings: what the court ordered; may be NULL */
  const char *notes;         /* may be NULL */
} HwCaseEvent;

/**
 * hw_case_dates_add:
 * @event: the key date
 *
 * Checks @event (a real date, a known kind, a hearing kind for a hearing
 * and only then) and the history it makes (see the top of this file), and
 * adds it as one edit labelled "Add key date" (or joins an open edit).
 *
 * Returns: the new row's id, or 0 with @error set (%HW_STORE_ERROR_INVALID
 *   for a refused date) and nothing written
 */
gint64      hw_case_dates_add            (HwStore            *store,
                                          gint64              case_id,
                                          const HwCaseEvent  *event,
                                          GError            **error);
/* Replaces key date @event_id with @event (its case stays), checked as by
 * hw_case_dates_add(). */
gboolean    hw_case_dates_change         (HwStore            *store,
                                          gint64              event_id,
                                          const HwCaseEvent  *event,
                                          GError            **error);
/* The same, saved only over @version of the key date (the one shown, see
 * hw_record_get_version()): when someone else changed it since, refused
 * with %HW_STORE_ERROR_CONFLICT and nothing written. */
gboolean    hw_case_dates_change_at      (HwStore            *store,
                                          gint64              event_id,
                                          gint64              version,
                                          const HwCaseEvent  *event,
                                          GError            **error);
/* Deletes key date @event_id, unless the history left would not read in
 * order (deleting the removal before a return home). */
gboolean    hw_case_dates_delete         (HwStore            *store,
                                          gint64              event_id,
                                          GError            **error);

/**
 * hw_case_dates_list:
 *
 * Returns: (transfer full) (element-type HwRecord): the key dates of
 *   @case_id in date order (on one day, in the order of the kinds), each
 *   with id, case_id, kind, date, hearing_kind, ordered, notes, position
 *   and version (the row version read, for hw_case_dates_change_at());
 *   NULL with @error set when the question could not be asked
 */
GPtrArray  *hw_case_dates_list           (HwStore            *store,
                                          gint64              case_id,
                                          GError            **error);

/* Time in care ---------------------------------------------------------- */

typedef struct {
  char     *entered;      /* the latest removal or re-entry, YYYY-MM-DD */
  char     *left;         /* the return home or closure after it, or NULL: still in care */
  int       days;         /* from @entered to @left (or today) */
  int       months;       /* whole months in the same span */
} HwTimeInCare;

void        hw_time_in_care_free         (HwTimeInCare       *time);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwTimeInCare, hw_time_in_care_free)

/**
 * hw_case_dates_time_in_care:
 * @today: (nullable): "YYYY-MM-DD"; NULL for today
 *
 * Returns: (transfer full) (nullable): the time of the latest stay in
 *   care (from the latest removal or re-entry to the return home or the
 *   closure after it, or to @today), or NULL when the case has no entry
 *   into care on or before @today
 */
HwTimeInCare *hw_case_dates_time_in_care (HwStore            *store,
                                          gint64              case_id,
                                          const char         *today);

/**
 * hw_case_dates_next_hearing:
 * @today: (nullable): "YYYY-MM-DD"; NULL for today
 *
 * Returns: (transfer full) (nullable): the first hearing after @today (a
 *   hearing on @today itself is still to come, so it counts), or NULL
 */
HwRecord   *hw_case_dates_next_hearing   (HwStore            *store,
                                          gint64              case_id,
                                          const char         *today);

/**
 * hw_case_dates_return_home:
 *
 * Returns: (transfer full) (nullable): the date of the latest return home
 *   that no re-entry followed, "YYYY-MM-DD", or NULL
 */
char       *hw_case_dates_return_home    (HwStore            *store,
                                          gint64              case_id);

/* The aftercare window --------------------------------------------------- */

typedef struct {
  char      *return_home;   /* YYYY-MM-DD */
  char      *window_end;    /* the last day of the twelve months, YYYY-MM-DD */
  /* (element-type HwRecord): aftercare supports (rows of
   * aftercare_supports) whose end date is before the end of the window */
  GPtrArray *ending_early;
  /* (element-type utf8): the first day ("YYYY-MM-DD") of each of the
   * twelve months after the return home in which no support is planned;
   * month i runs from return home + i months to the day before
   * return home + i + 1 months. A support with no start date counts from
   * the return home, one with no end date as still running. */
  GPtrArray *uncovered;
} HwAftercareCheck;

void        hw_aftercare_check_free      (HwAftercareCheck   *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwAftercareCheck, hw_aftercare_check_free)

/**
 * hw_case_dates_check_aftercare:
 * @return_home: (nullable): "YYYY-MM-DD"; NULL for the case's return home
 *   (hw_case_dates_return_home())
 *
 * Returns: (transfer full) (nullable): the check, or NULL when there is no
 *   return home (or @return_home is not a date) or the supports could not
 *   be read (@error set)
 */
HwAftercareCheck *hw_case_dates_check_aftercare (HwStore     *store,
                                                 gint64       case_id,
                                                 const char  *return_home,
                                                 GError     **error);

/**
 * hw_case_dates_summary:
 * @today: (nullable): "YYYY-MM-DD"; NULL for today
 *
 * The line of the case's header, in the current gettext language: "In
 * care 9 months · Next hearing 14 January 2027 (review)"; after a return
 * home "8 months in care, until 20 November 2026". Each part is left out
 * when there is nothing to say.
 *
 * Returns: (transfer full): the line, "" when there is nothing to say
 */
char       *hw_case_dates_summary        (HwStore            *store,
                                          gint64              case_id,
                                          const char         *today);

/* "March, April 2027" / "December 2026, January 2027": the months of
 * @uncovered (first days, in order) in the current gettext language. */
char       *hw_case_dates_format_months  (GPtrArray          *uncovered);

G_END_DECLS
