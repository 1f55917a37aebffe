/* hw-service-plan-queries.h: the named queries the service plan view asks
 * for: one live list per tab, and the readiness ratings of a review.
 *
 * The lists of the tabs are flat: the rows of a tab in the order they are
 * shown, each a record of its own table (needs, goals, tasks, people,
 * timeline, aftercare_supports, readiness_reviews) or one of these:
 *  - "heading": a section title; column section ("overdue", "this-week",
 *    "later") in the due dates
 *  - "aftercare_component": a kind of support; column component
 *  - "empty": nothing to show here; column reason: "no-needs", "filtered"
 *    (nothing passes the filters), "nobody" (nobody has a task), "no-dates",
 *    "nothing-planned" (no support of this kind), "nothing-due" (nothing
 *    due this week for the person chosen)
 * The view words them; the core says what there is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-record-list.h"
#include "hw-service-plan.h"

G_BEGIN_DECLS

/**
 * hw_service_plan_select_outline:
 * @recipient: (nullable): who sees the list (NULL: the agency)
 * @filter: (nullable): NULL shows everything
 * @sort: the order of the tasks under each goal
 * @today: the day the due states are judged against
 *
 * The plan by area: each need, then each of its goals followed by the
 * goal's tasks (see hw_service_plan_list_tasks() for their columns).
 * Unfiltered, every need and goal is there (so tasks can be added to
 * them); filtered, only those with a task that passes. "empty" rows say
 * why nothing is there ("no-needs", "filtered").
 *
 * Returns: (transfer full) (element-type HwRecord): the rows, or %NULL
 *   with @error set
 */
GPtrArray    *hw_service_plan_select_outline     (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const HwTaskFilter *filter,
                                                  HwTaskSort          sort,
                                                  const GDate        *today,
                                                  GError            **error);
/**
 * hw_service_plan_select_by_person:
 *
 * What each person has to do: each responsible party (a "people" record
 * of hw_service_plan_list_responsible(), the agency last), then their
 * tasks that pass @filter, or an "empty" row ("filtered"). With nobody
 * responsible for anything, one "empty" row ("nobody").
 *
 * Returns: (transfer full) (element-type HwRecord)
 */
GPtrArray    *hw_service_plan_select_by_person   (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const HwTaskFilter *filter,
                                                  HwTaskSort          sort,
                                                  const GDate        *today,
                                                  GError            **error);
/**
 * hw_service_plan_select_due_dates:
 *
 * hw_service_plan_list_timeline() with a "heading" row before each
 * section (overdue, this week, later), or one "empty" row ("no-dates").
 *
 * Returns: (transfer full) (element-type HwRecord)
 */
GPtrArray    *hw_service_plan_select_due_dates   (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const GDate        *today,
                                                  GError            **error);
/**
 * hw_service_plan_select_due_week:
 * @person_id: whose week: the items of this person (tasks they are
 *   responsible for, check-ins of the supports they provide); 0 for
 *   everyone's
 *
 * What is due in the seven days from @today (today included) and what is
 * overdue, as in hw_service_plan_select_due_dates() (sections "overdue"
 * and "this-week"), or one "empty" row ("nothing-due").
 *
 * Returns: (transfer full) (element-type HwRecord)
 */
GPtrArray    *hw_service_plan_select_due_week    (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  gint64              person_id,
                                                  const GDate        *today,
                                                  GError            **error);
/**
 * hw_service_plan_select_aftercare_outline:
 *
 * Every kind of support after going home, in order: an
 * "aftercare_component" row, then its supports (as in
 * hw_service_plan_list_aftercare(), with next_due, "YYYY-MM-DD" or "",
 * and next_due_state, see hw_aftercare_list_due()), each followed by its
 * check-ins that @recipient may see, newest first (rows of
 * aftercare_checkins as hw_aftercare_list_checkins() gives them); or an
 * "empty" row ("nothing-planned").
 * @today: (nullable): the day the next check-ins are judged against;
 *   NULL for the local date
 *
 * Returns: (transfer full) (element-type HwRecord)
 */
GPtrArray    *hw_service_plan_select_aftercare_outline (HwStore           *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const GDate        *today,
                                                  GError            **error);

/* The same lists, live: they follow every edit, undo and redo of the
 * tables they are made of. @filter and @recipient are copied. */
HwRecordList *hw_service_plan_outline_list_new   (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const HwTaskFilter *filter,
                                                  HwTaskSort          sort,
                                                  const GDate        *today);
HwRecordList *hw_service_plan_by_person_list_new (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const HwTaskFilter *filter,
                                                  HwTaskSort          sort,
                                                  const GDate        *today);
HwRecordList *hw_service_plan_due_dates_list_new (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const GDate        *today);
HwRecordList *hw_service_plan_due_week_list_new  (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  gint64              person_id,
                                                  const GDate        *today);
HwRecordList *hw_service_plan_aftercare_list_new (HwStore            *store,
                                                  gint64              case_id,
                                                  const HwRecipient  *recipient,
                                                  const GDate        *today);
/* The readiness reviews of a case by date (as hw_service_plan_list_reviews()). */
HwRecordList *hw_service_plan_reviews_list_new   (HwStore            *store,
                                                  gint64              case_id);

/**
 * hw_service_plan_get_rating:
 * @review_id: a readiness review
 * @domain: a readiness domain id
 *
 * Returns: the rating of @domain in the review (-3 ... +2), or
 *   %HW_READINESS_UNRATED when it has none (or on error, with @error set)
 */
int           hw_service_plan_get_rating         (HwStore            *store,
                                                  gint64              review_id,
                                                  const char         *domain,
                                                  GError            **error);
/**
 * hw_service_plan_clear_rating:
 *
 * Takes the rating of @domain out of the review, if it has one (one
 * undoable edit, or part of the caller's open edit).
 *
 * Returns: %FALSE with @error set if it could not be deleted
 */
gboolean      hw_service_plan_clear_rating       (HwStore            *store,
                                                  gint64              review_id,
                                                  const char         *domain,
                                                  GError            **error);

G_END_DECLS
