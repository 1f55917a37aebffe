/* hw-meeting-queries.c: the named queries of the meeting editor
 *
 * Each answers one question a view asks, with the columns that view shows,
 * so that the same question has the same answer everywhere and a second
 * store backend has one place to answer it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-queries"

#include "hw-dialect.h"
#include "hw-enums.h"
#include "hw-meeting-queries.h"

/**
 * hw_meetings_list_new:
 * @store: the store
 * @case_id: the family
 *
 * Returns: (transfer full): the family's meetings as a live list (id,
 *   kind, starts_at), the latest first
 */
HwRecordList *
hw_meetings_list_new (HwStore *store,
                      gint64   case_id)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT id, kind, starts_at FROM meetings"
                         " WHERE case_id = %" G_GINT64_FORMAT
                         " ORDER BY starts_at DESC, id DESC", case_id);
  return hw_record_list_new (store, "meetings", sql);
}

/**
 * hw_meeting_attendance_list_new:
 * @store: the store
 * @meeting_id: the meeting
 *
 * Every adult of the meeting's family, and every child who is
 * HW_MEETING_CHILD_AGE or older on the day of the meeting, with
 * whether and how they take part: the person's id, name, relationship,
 * confidential and withheld_from, then attendee_id (NULL if not taking
 * part), attendance and attendee_version (the attendee row's version, for
 * hw_meeting_set_attendee()). Those taking part come first, in the order they
 * were added, then the others in the order they were added to the family.
 *
 * Returns: (transfer full): a live list, also following the attendees
 */
/* SQL: p's age in whole years on day D (an SQL expression giving
 * "YYYY-MM-DD…" text): the years between, less one if the birthday has
 * not come yet that year (someone born on 29 February turns a year older
 * on 1 March when the year has no 29 February). Dates are compared as
 * text, which works on both backends; p.birth_date must not be "". */
#define AGE_ON(D) \
  "(CAST(substr(" D ", 1, 4) AS INTEGER) - CAST(substr(p.birth_date, 1, 4) AS INTEGER)" \
  " - CASE WHEN substr(" D ", 6, 5) < substr(p.birth_date, 6, 5) THEN 1 ELSE 0 END)"

/* SQL: p, a child, is old enough to take part in meeting m: their birth
 * date known and HW_MEETING_CHILD_AGE years before the meeting's day. A
 * child whose birth date is not known is not counted in (the facilitator
 * can add it on their page). */
#define CHILD_OLD_ENOUGH \
  "(p.birth_date <> '' AND " AGE_ON ("m.starts_at") " >= " G_STRINGIFY (HW_MEETING_CHILD_AGE) ")"

HwRecordList *
hw_meeting_attendance_list_new (HwStore *store,
                                gint64   meeting_id)
{
  g_autofree char *sql = NULL;
  HwRecordList *list;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT p.id, p.name, p.relationship, p.confidential, p.withheld_from,"
                         " a.id AS attendee_id, a.attendance, a.version AS attendee_version FROM people p"
                         " JOIN meetings m ON m.id = %" G_GINT64_FORMAT
                         " LEFT JOIN meeting_attendees a ON a.person_id = p.id AND a.meeting_id = m.id"
                         " WHERE p.case_id = m.case_id"
                         " AND (p.role <> 'child' OR " CHILD_OLD_ENOUGH ")"
                         " ORDER BY a.id IS NULL, a.id, p.id",
                         meeting_id);
  list = hw_record_list_new (store, "people", sql);
  hw_record_list_watch (list, "meeting_attendees");
  return list;
}

/**
 * hw_meeting_uninvited_select:
 * @store: the store
 * @meeting_id: the meeting
 * @error: where a failed query is reported
 *
 * The people who should be asked to a family meeting and are not on its
 * list yet: the children's fathers and every child HW_MEETING_CHILD_AGE
 * or older on the day (fathers and older children are the ones most often
 * left out). Someone who was asked and said no (attendance "declined") or
 * did not come ("absent") is on the list. Each record: id, name, role,
 * birth_date and age (on the meeting's day; NULL without a birth date).
 *
 * Returns: (transfer full) (element-type HwRecord): records of "people"
 *   (maybe none), or %NULL with @error
 */
GPtrArray *
hw_meeting_uninvited_select (HwStore  *store,
                             gint64    meeting_id,
                             GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT p.id, p.name, p.role, p.birth_date,"
                         " CASE WHEN p.birth_date = '' THEN NULL ELSE " AGE_ON ("m.starts_at")
                         " END AS age"
                         " FROM people p JOIN meetings m ON m.id = %" G_GINT64_FORMAT
                         " WHERE p.case_id = m.case_id"
                         " AND (p.role = 'father' OR (p.role = 'child' AND " CHILD_OLD_ENOUGH "))"
                         " AND NOT EXISTS (SELECT 1 FROM meeting_attendees a"
                         "   WHERE a.meeting_id = %" G_GINT64_FORMAT " AND a.person_id = p.id)"
                         " ORDER BY p.role = 'child', p.id",
                         meeting_id, meeting_id);
  return hw_store_select (store, "people", error, sql, G_TYPE_INVALID);
}

/**
 * hw_meeting_items_list_new:
 * @store: the store
 * @meeting_id: the meeting
 * @phase: a HW_CHOICES_MEETING_PHASE id
 *
 * The items of one step, in their order: every column of meeting_items,
 * with task_exists (1 when the action's service-plan task is still there),
 * author_name (who sent it from their phone; NULL if it was not sent from a
 * phone), coauthor_name (the second person, once two items were merged;
 * NULL if none) and scores_text ("Elena 7, Rosa 5": the scores given to it, "" or NULL
 * if none).
 *
 * Returns: (transfer full): a live list, also following scores, tasks and
 *   people's names; %NULL if @phase is not a step
 */
HwRecordList *
hw_meeting_items_list_new (HwStore    *store,
                           gint64      meeting_id,
                           const char *phase)
{
  g_autofree char *sql = NULL;
  g_autofree char *scores = NULL;
  HwRecordList *list;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  /* formatted into the SQL: only a known step id may go there */
  g_return_val_if_fail (hw_choices_valid (HW_CHOICES_MEETING_PHASE, phase), NULL);

  scores = hw_dialect_string_agg (hw_store_get_connection (store), "p.name || ' ' || s.score", ", ");
  sql = g_strdup_printf ("SELECT i.*,"
                         " (SELECT count(*) FROM tasks t WHERE t.id = i.task_id) AS task_exists,"
                         " (SELECT a.name FROM people a WHERE a.id = i.author_person_id)"
                         "   AS author_name,"
                         " (SELECT c.name FROM people c WHERE c.id = i.coauthor_person_id)"
                         "   AS coauthor_name,"
                         " (SELECT %s"
                         "    FROM meeting_scores s JOIN people p ON p.id = s.person_id"
                         "    WHERE s.item_id = i.id) AS scores_text"
                         " FROM meeting_items i"
                         " WHERE i.meeting_id = %" G_GINT64_FORMAT " AND i.phase = '%s'"
                         " ORDER BY i.position, i.id",
                         scores, meeting_id, phase);
  list = hw_record_list_new (store, "meeting_items", sql);
  hw_record_list_watch (list, "meeting_scores");
  hw_record_list_watch (list, "tasks");
  hw_record_list_watch (list, "people");
  return list;
}

/**
 * hw_meeting_statements_list_new:
 * @store: the store
 * @meeting_id: the meeting
 *
 * The statements to scale: the worries, then the safety goals, each in
 * its order (id, text, phase, confidential, withheld_from, and scores: a
 * summary of the scores given that changes whenever one does).
 *
 * Returns: (transfer full): a live list, also following the scores and
 *   who takes part
 */
HwRecordList *
hw_meeting_statements_list_new (HwStore *store,
                                gint64   meeting_id)
{
  g_autofree char *sql = NULL;
  g_autofree char *scores = NULL;
  HwRecordList *list;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  scores = hw_dialect_string_agg (hw_store_get_connection (store),
                                  "s.person_id || ':' || s.score || ':' || s.reason", "|");
  sql = g_strdup_printf ("SELECT i.id, i.text, i.phase, i.confidential, i.withheld_from,"
                         " (SELECT %s"
                         "    FROM meeting_scores s WHERE s.item_id = i.id) AS scores"
                         " FROM meeting_items i WHERE i.meeting_id = %" G_GINT64_FORMAT
                         " AND i.phase IN ('worries','safety-goals')"
                         " ORDER BY i.phase = 'safety-goals', i.position, i.id",
                         scores, meeting_id);
  list = hw_record_list_new (store, "meeting_items", sql);
  hw_record_list_watch (list, "meeting_scores");
  hw_record_list_watch (list, "meeting_attendees");
  return list;
}

/**
 * hw_meeting_scorers_select:
 * @store: the store
 * @item_id: a statement (a worry or a safety goal)
 * @error: where a failed query is reported
 *
 * Who scales the statement: the people taking part in its meeting in the
 * room or from afar (not the absent), in the order they were added, each
 * with their score (NULL if not given yet) and reason.
 *
 * Returns: (transfer full) (element-type HwRecord): records of table
 *   "people" (id = the person, name, score, reason), or %NULL with @error
 */
GPtrArray *
hw_meeting_scorers_select (HwStore  *store,
                           gint64    item_id,
                           GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "people", error,
                          "SELECT p.id, p.name, s.score, s.reason, s.version AS score_version FROM meeting_attendees a"
                          " JOIN people p ON p.id = a.person_id"
                          " LEFT JOIN meeting_scores s"
                          "   ON s.item_id = ?1 AND s.person_id = a.person_id"
                          " WHERE a.meeting_id = (SELECT meeting_id FROM meeting_items"
                          "   WHERE id = ?1)"
                          " AND a.attendance IN ('present','remote') ORDER BY a.id",
                          G_TYPE_INT64, item_id, G_TYPE_INVALID);
}

/**
 * hw_meeting_has_score:
 * @store: the store
 * @item_id: a statement
 * @person_id: a person taking part
 * @score: 0 to 10
 * @reason: what makes it that number
 *
 * Whether that exact score and reason are already stored: a view asked
 * twice for the same write (Enter, then the new value) writes it once.
 *
 * Returns: %TRUE if stored as given
 */
gboolean
hw_meeting_has_score (HwStore    *store,
                      gint64      item_id,
                      gint64      person_id,
                      int         score,
                      const char *reason)
{
  g_autoptr(GPtrArray) same = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  same = hw_store_select (store, "meeting_scores", NULL,
                          "SELECT id FROM meeting_scores WHERE item_id = ? AND person_id = ?"
                          " AND score = ? AND reason = ?",
                          G_TYPE_INT64, item_id, G_TYPE_INT64, person_id,
                          G_TYPE_INT64, (gint64) score, G_TYPE_STRING, reason, G_TYPE_INVALID);
  return same != NULL && same->len > 0;
}
