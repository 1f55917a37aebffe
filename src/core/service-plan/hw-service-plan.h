/* hw-service-plan.h: the shared service plan of a case (needs, goals,
 * tasks, progress notes), the post-reunification supports (aftercare) and
 * the readiness reviews.
 *
 * All writes go through the store as one undoable edit each and are
 * validated first: a bad value (an impossible date, a target before the
 * start, a provider or a responsible person of another case, an unknown
 * choice) fails with %HW_STORE_ERROR_INVALID and writes nothing.
 *
 * Records use the columns of the schema (hw-schema.c): needs, goals, tasks,
 * progress_notes, aftercare_supports, readiness_reviews, readiness_ratings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-export.h"
#include "hw-recipient.h"
#include "hw-record.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* Dates -------------------------------------------------------------------- */

/* TRUE if @text is a real calendar date 'YYYY-MM-DD' (2025-02-30 is not).
 * On success and if @out is not NULL, *out holds it. The same as
 * hw_date_parse(), kept for the service plan's callers. */
gboolean     hw_service_plan_parse_date   (const char   *text,
                                           GDate        *out);

/**
 * hw_service_plan_format_date:
 * @iso: 'YYYY-MM-DD'
 * @long_form: "24 November 2026" rather than "24 Nov 2026"
 *
 * A date for people, with month names from Homeward's own catalog, so that
 * a document printed in the family's language (hw_language_push()) has
 * them in that language too (the C library's names follow LC_TIME only).
 * Text that is not a date is returned as it is.
 */
char        *hw_service_plan_format_date  (const char   *iso,
                                           gboolean      long_form);

/* Where a task stands against its target date on a given day. */
typedef enum {
  HW_DUE_NO_DATE,     /* no target date */
  HW_DUE_CLOSED,      /* done or dropped: never overdue */
  HW_DUE_OVERDUE,     /* target date before today, still open */
  HW_DUE_THIS_WEEK,   /* target date today or within the next 6 days */
  HW_DUE_LATER,       /* target date a week or more away */
} HwDueState;

/**
 * hw_service_plan_due_state:
 * @status: a task status id (not-started, in-progress, done, dropped)
 * @target_date: 'YYYY-MM-DD' or "" / NULL
 * @today: the day to judge against; tests pass a fixed date, the app
 *   passes the local date
 *
 * "Due this week" means within seven days from @today (today included), so
 * that a task due next Monday shows up on a Thursday meeting.
 */
HwDueState   hw_service_plan_due_state    (const char   *status,
                                           const char   *target_date,
                                           const GDate  *today);
/* "overdue", "due-this-week", "later", "no-date", "closed" */
const char  *hw_due_state_to_string       (HwDueState    state);
/* translated, for a badge: "Overdue", "Due this week", ... ("" for later) */
const char  *hw_due_state_label           (HwDueState    state);

/* Writing ------------------------------------------------------------------ */

/**
 * hw_service_plan_validate:
 * @record: a record of one of the service plan tables. For an update
 *   (id != 0) only the columns set are checked, against the stored row.
 *
 * Checks @record without writing. Fills in nothing.
 */
gboolean     hw_service_plan_validate     (HwStore      *store,
                                           HwRecord     *record,
                                           GError      **error);

/**
 * hw_service_plan_save:
 * @label: (nullable): the edit's label; NULL picks a plain one such as
 *   "Add task" or "Change task". Never put names in it.
 * @record: a record of needs, goals, tasks, progress_notes,
 *   aftercare_supports, readiness_reviews or readiness_ratings. With id 0
 *   it is inserted (at the end of its list: position is set for you) and
 *   its id is set; otherwise the columns it holds are updated.
 *
 * Validates, then writes in one edit (or inside the caller's open edit).
 *
 * Returns: the row's id, or 0 with @error set and nothing written
 */
gint64       hw_service_plan_save         (HwStore      *store,
                                           const char   *label,
                                           HwRecord     *record,
                                           GError      **error);
/* Deletes a row of a service plan table; goals, tasks, notes and ratings
 * below it go with it (and come back with undo). */
gboolean     hw_service_plan_delete       (HwStore      *store,
                                           const char   *label,
                                           const char   *table,
                                           gint64        id,
                                           GError      **error);
/* Moves a need, goal, task or aftercare support one place up (-1) or down
 * (+1) among its siblings. Moving past either end is a no-op. */
gboolean     hw_service_plan_move         (HwStore      *store,
                                           const char   *table,
                                           gint64        id,
                                           int           delta,
                                           GError      **error);

/* Shortcuts for the common edits; each is one undoable edit. */
gint64       hw_service_plan_add_need     (HwStore      *store,
                                           gint64        case_id,
                                           const char   *domain,
                                           const char   *family_words,
                                           const char   *strengths,
                                           GError      **error);
gint64       hw_service_plan_add_goal     (HwStore      *store,
                                           gint64        need_id,
                                           const char   *text,
                                           const char   *target_date,
                                           GError      **error);
/* @responsible_person_id 0 and @responsible_agency FALSE: nobody yet */
gint64       hw_service_plan_add_task     (HwStore      *store,
                                           gint64        goal_id,
                                           const char   *description,
                                           gint64        provider_org_id,
                                           gint64        responsible_person_id,
                                           gboolean      responsible_agency,
                                           const char   *frequency,
                                           const char   *start_date,
                                           const char   *target_date,
                                           GError      **error);
gboolean     hw_service_plan_set_task_status (HwStore   *store,
                                           gint64        task_id,
                                           const char   *status,
                                           GError      **error);
/**
 * hw_service_plan_mark_task_done:
 * @date: the day of the note, "YYYY-MM-DD"
 * @author: (nullable): who marked it (the note's author); NULL: the
 *   store's author
 * @note: (nullable): what they want to say about it; NULL or blank adds
 *   no progress note
 *
 * One edit, "Mark task done": the task's status becomes done and, with a
 * note, a progress note is added to it. A task already done, or dropped,
 * is refused (HW_STORE_ERROR_INVALID) and nothing changes.
 */
gboolean     hw_service_plan_mark_task_done (HwStore    *store,
                                           gint64        task_id,
                                           const char   *date,
                                           const char   *author,
                                           const char   *note,
                                           GError      **error);
gboolean     hw_service_plan_set_achievement (HwStore   *store,
                                           gint64        goal_id,
                                           const char   *achievement,
                                           GError      **error);
/* @author NULL: the store's author */
gint64       hw_service_plan_add_note     (HwStore      *store,
                                           gint64        task_id,
                                           const char   *date,
                                           const char   *author,
                                           const char   *text,
                                           GError      **error);
gint64       hw_service_plan_add_aftercare (HwStore     *store,
                                           gint64        case_id,
                                           const char   *component,
                                           const char   *description,
                                           gint64        provider_person_id,
                                           gint64        provider_org_id,
                                           const char   *checkin_schedule,
                                           const char   *start_date,
                                           const char   *end_date,
                                           GError      **error);
gint64       hw_service_plan_add_review   (HwStore      *store,
                                           gint64        case_id,
                                           const char   *date,
                                           const char   *notes,
                                           GError      **error);
/* Sets (or replaces) the rating of @domain in a review: -3 ... +2 */
gboolean     hw_service_plan_set_rating   (HwStore      *store,
                                           gint64        review_id,
                                           const char   *domain,
                                           int           rating,
                                           GError      **error);

/* Barriers are stored as a comma separated set of ids (cost, transport,
 * wait-list, language). Validates and normalises (sorted, no repeats). */
gboolean     hw_service_plan_normalise_barriers (const char *barriers,
                                           char        **normalised,
                                           GError      **error);

/* Reading ------------------------------------------------------------------ */

typedef enum {
  HW_TASK_SORT_PLAN,         /* domain, need, goal, task order as planned */
  HW_TASK_SORT_DUE,          /* target date, undated last */
  HW_TASK_SORT_STATUS,       /* open before done/dropped, then due date */
  HW_TASK_SORT_RESPONSIBLE,  /* by responsible party, then due date */
} HwTaskSort;

typedef struct {
  const char *domain;        /* NULL: all domains */
  const char *status;        /* NULL: any status */
  gboolean    open_only;     /* hide done and dropped */
  gboolean    by_person;     /* only tasks of responsible_person_id ... */
  gint64      person_id;     /* ... (0 with by_person = the agency's) */
  gboolean    due_soon_only; /* only overdue and due this week */
  const char *text;          /* NULL: any; else a case-insensitive word in
                                the need, goal or task text */
} HwTaskFilter;

/**
 * hw_service_plan_list_tasks:
 * @recipient: (nullable): who will see the list; tasks under a need
 *   withheld from them are absent. NULL: the agency.
 * @filter: (nullable): NULL shows everything
 * @today: the day used for the due state
 *
 * The tasks of a case as "tasks" records, with these extra columns:
 * need_id, domain, need_position, family_words, strengths, goal_text,
 * goal_target_date, achievement, goal_position, provider_name,
 * responsible_name ("" if none; the agency's name is "Agency"),
 * note_count, due_state (see hw_due_state_to_string).
 *
 * Returns: (transfer full) (element-type HwRecord)
 */
GPtrArray   *hw_service_plan_list_tasks   (HwStore            *store,
                                           gint64              case_id,
                                           const HwRecipient  *recipient,
                                           const HwTaskFilter *filter,
                                           HwTaskSort          sort,
                                           const GDate        *today,
                                           GError            **error);
/* Needs of a case in plan order (domain order, then position) that
 * @recipient may see. Returns: (transfer full) (element-type HwRecord) */
GPtrArray   *hw_service_plan_list_needs   (HwStore            *store,
                                           gint64              case_id,
                                           const HwRecipient  *recipient,
                                           GError            **error);
/* Goals of a need in order, with an extra column task_count. */
GPtrArray   *hw_service_plan_list_goals   (HwStore            *store,
                                           gint64              need_id,
                                           GError            **error);
/* Progress notes of a task, oldest first, that @recipient may see. */
GPtrArray   *hw_service_plan_list_notes   (HwStore            *store,
                                           gint64              task_id,
                                           const HwRecipient  *recipient,
                                           GError            **error);

/**
 * hw_service_plan_list_timeline:
 *
 * Every dated item to follow, by date: open tasks by target date, goals
 * by target date and the next check-in due of each support after going
 * home (hw_aftercare_list_due()), as records of table "timeline" with
 * columns kind ("task", "goal" or "checkin"), id (of the task, goal or
 * support), date, text, domain, responsible_name, person_id (the
 * responsible person or the support's provider, 0 none), agency (1: the
 * agency's task), status, due_state. Done and dropped tasks are left out.
 */
GPtrArray   *hw_service_plan_list_timeline (HwStore           *store,
                                           gint64              case_id,
                                           const HwRecipient  *recipient,
                                           const GDate        *today,
                                           GError            **error);

/* People of a case that have at least one task, for "what I need to do":
 * "people" records (id, name, role) plus open_count, overdue_count. */
GPtrArray   *hw_service_plan_list_responsible (HwStore         *store,
                                           gint64              case_id,
                                           const HwRecipient  *recipient,
                                           const GDate        *today,
                                           GError            **error);

/* Aftercare supports in component order, with provider_name (a provider
 * withheld from @recipient is left out of it). */
GPtrArray   *hw_service_plan_list_aftercare (HwStore          *store,
                                           gint64              case_id,
                                           const HwRecipient  *recipient,
                                           GError            **error);
/* Reviews by date; ratings of one review. */
GPtrArray   *hw_service_plan_list_reviews (HwStore            *store,
                                           gint64              case_id,
                                           GError            **error);
GPtrArray   *hw_service_plan_list_ratings (HwStore            *store,
                                           gint64              review_id,
                                           GError            **error);

/* Export -------------------------------------------------------------------- */

/**
 * hw_service_plan_export:
 *
 * `homeward export --what service-plan --format pdf|json|csv`. The copy is
 * made for opts->recipient: needs and notes withheld from them are absent.
 *  - csv: one row per task (UTF-8, RFC 4180 quoting, a header row)
 *  - json: the whole plan, aftercare and readiness reviews
 *  - pdf: the printed plan through the shared document renderer
 */
gboolean     hw_service_plan_export       (HwStore                *store,
                                           const HwExportOptions  *opts,
                                           GError                **error);

/* The PDF of the export (the shared document renderer). */
gboolean     hw_service_plan_export_pdf   (HwStore                *store,
                                           const HwExportOptions  *opts,
                                           GError                **error);

/* The CSV / JSON text of the plan, as written by the export. */
char        *hw_service_plan_to_csv       (HwStore                *store,
                                           gint64                  case_id,
                                           const HwRecipient      *recipient,
                                           GError                **error);
char        *hw_service_plan_to_json      (HwStore                *store,
                                           gint64                  case_id,
                                           const HwRecipient      *recipient,
                                           GError                **error);

G_END_DECLS
