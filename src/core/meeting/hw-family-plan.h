/* hw-family-plan.h: the family's own plan, written during private family
 * time (issue 16).
 *
 * In the private family time of a meeting the professionals leave the
 * room and the family writes its own plan (on a phone's page, src/core/
 * join). It is the family's: a family member of the case (a person whose
 * role is a family or network role, hw_family_plan_role_is_family()) sees
 * it always; anyone else, the facilitator's editor, the room's screen and
 * every printed copy only once the family has shared it with the team.
 * One plan per meeting (table family_plans).
 *
 * Every function that writes is one edit of the store (undoable, in the
 * audit trail); bad input fails with HW_STORE_ERROR_INVALID (or
 * _NOT_FOUND) and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* The longest plan, in characters */
#define HW_FAMILY_PLAN_MAX_TEXT 4000

/* Whether a person of @role (a HW_CHOICES_PERSON_ROLE id) is of the family
 * and its own network (parents, children, relatives, friends, neighbours,
 * faith community), who stay in the room during private family time;
 * workers, lawyers, teachers, foster parents, interpreters and other
 * professionals are not. */
gboolean  hw_family_plan_role_is_family (const char *role);

/* The row of family_plans of @meeting_id, or NULL (no error) while
 * nothing has been written. For code that decides itself who sees it:
 * to show it, use hw_family_plan_text_for() or hw_family_plan_shared_text(). */
HwRecord *hw_family_plan_get            (HwStore     *store,
                                         gint64       meeting_id,
                                         GError     **error);
gboolean  hw_family_plan_is_shared      (HwStore     *store,
                                         gint64       meeting_id);

/**
 * hw_family_plan_save:
 * @person_id: who writes it: a family member of the meeting's case taking
 *   part in it (present or remote)
 * @text: the whole plan (blanks around it removed; may be empty), at most
 *   HW_FAMILY_PLAN_MAX_TEXT characters of valid UTF-8
 *
 * Writes the plan, only while the meeting is in its private family time.
 * A plan already shared stays shared: the team sees the new words.
 */
gboolean  hw_family_plan_save           (HwStore     *store,
                                         gint64       meeting_id,
                                         gint64       person_id,
                                         const char  *text,
                                         GError     **error);
/**
 * hw_family_plan_share:
 * @person_id: as for hw_family_plan_save()
 *
 * Shares the plan with the team: from now on everyone sees it. Refused
 * when nothing is written yet or it is shared already.
 */
gboolean  hw_family_plan_share          (HwStore     *store,
                                         gint64       meeting_id,
                                         gint64       person_id,
                                         GError     **error);

/* The plan's text as @viewer_person_id may see it: for a family member of
 * the meeting's case always, for anyone else only once shared. NULL when
 * they may not see it or nothing is written. */
char     *hw_family_plan_text_for       (HwStore     *store,
                                         gint64       meeting_id,
                                         gint64       viewer_person_id);
/* The text once shared (for the editor, the screen, printed copies),
 * else NULL. */
char     *hw_family_plan_shared_text    (HwStore     *store,
                                         gint64       meeting_id);

G_END_DECLS
