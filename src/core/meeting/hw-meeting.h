/* hw-meeting.h: family meetings (family team meeting, team decision-making,
 * Signs of Safety mapping...) as kept in the store.
 *
 * A meeting belongs to a case. Its attendees are people of that case. What
 * is said is kept as meeting items, one per strength, worry, idea,
 * decision, action..., tagged with the phase of the guided agenda
 * (HW_CHOICES_MEETING_PHASE) and ordered by `position` within the phase.
 * Worries and safety goals can be scaled 0-10 by each attendee, with a
 * reason. Actions carry an owner, a checker and a due date and can become
 * tasks of the service plan.
 *
 * Every function that writes is one edit of the store (undoable, audited,
 * labelled in plain words without names). Called inside an edit that the
 * caller opened, it joins that edit instead. Input is validated before
 * anything is written: bad input fails with HW_STORE_ERROR_INVALID (or
 * _NOT_FOUND) and nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-store.h"
#include "hw-recipient.h"
#include "hw-export.h"

G_BEGIN_DECLS

/* Meetings ---------------------------------------------------------------- */

/**
 * hw_meeting_create:
 * @case_id: the case
 * @kind: a HW_CHOICES_MEETING_KIND id
 * @starts_at: local date and time, "YYYY-MM-DDTHH:MM" or with ":SS"
 *
 * Returns: the new meeting's id, or 0 with @error set
 */
gint64    hw_meeting_create            (HwStore     *store,
                                        gint64       case_id,
                                        const char  *kind,
                                        const char  *starts_at,
                                        GError     **error);
/**
 * hw_meeting_update:
 * @meeting: a record of table "meetings" with its id and the columns to
 *   change (kind, starts_at, place, video_link, facilitator, interpreter,
 *   language, confidentiality_acknowledged, current_phase, next_meeting)
 *
 * Validates every column present (kind, phase, dates) and writes them.
 * A @meeting with a version (the one read, hw_record_set_version()) is
 * saved only over that version: someone else's change since refuses it
 * with %HW_STORE_ERROR_CONFLICT; on success its version is the new one.
 */
gboolean  hw_meeting_update            (HwStore     *store,
                                        HwRecord    *meeting,
                                        GError     **error);
gboolean  hw_meeting_set_phase         (HwStore     *store,
                                        gint64       meeting_id,
                                        const char  *phase,
                                        GError     **error);
/* The same, made only over @version of the meeting (the one shown,
 * hw_record_get_version()): when someone else moved the step (or changed
 * the meeting) since, refused with %HW_STORE_ERROR_CONFLICT and the step
 * stays where they put it, so two facilitators pressing Next at once do
 * not skip a step. 0 only where nothing was read. */
gboolean  hw_meeting_set_phase_at      (HwStore     *store,
                                        gint64       meeting_id,
                                        gint64       version,
                                        const char  *phase,
                                        GError     **error);
/* Deletes the meeting with its attendees, items, scores and times. */
gboolean  hw_meeting_delete            (HwStore     *store,
                                        gint64       meeting_id,
                                        GError     **error);
/* The latest meeting of the same case that starts before @meeting_id, or 0. */
gint64    hw_meeting_get_previous      (HwStore     *store,
                                        gint64       meeting_id);

/* Attendees --------------------------------------------------------------- */

/**
 * hw_meeting_add_attendee:
 * @person_id: a person of the meeting's case
 * @role: free text, e.g. "Mother", "Facilitator" (may be empty)
 * @attendance: a HW_CHOICES_ATTENDANCE id: present, remote, absent, declined
 *
 * Returns: the attendee row id, or 0 with @error set
 */
gint64    hw_meeting_add_attendee      (HwStore     *store,
                                        gint64       meeting_id,
                                        gint64       person_id,
                                        const char  *role,
                                        const char  *attendance,
                                        GError     **error);
/* Changes role and attendance of an attendee row; NULL leaves a value. */
/* @version: the attendee row's version as read; someone else's change
 * since refuses it (%HW_STORE_ERROR_CONFLICT). 0 only where nothing was
 * read. */
gboolean  hw_meeting_set_attendee      (HwStore     *store,
                                        gint64       attendee_id,
                                        gint64       version,
                                        const char  *role,
                                        const char  *attendance,
                                        GError     **error);
/* Also removes that person's scores in this meeting. */
gboolean  hw_meeting_remove_attendee   (HwStore     *store,
                                        gint64       attendee_id,
                                        GError     **error);

/* Items ------------------------------------------------------------------- */

/**
 * hw_meeting_add_item:
 * @phase: a HW_CHOICES_MEETING_PHASE id
 * @text: what was said; leading and trailing blanks are removed and it
 *   must not be empty
 *
 * Adds the item at the end of its phase.
 * Returns: the item id, or 0 with @error set
 */
gint64    hw_meeting_add_item          (HwStore     *store,
                                        gint64       meeting_id,
                                        const char  *phase,
                                        const char  *text,
                                        GError     **error);
/**
 * hw_meeting_add_contribution:
 * @author_person_id: who wrote it: an attendee taking part (present or
 *   remote)
 * @contribution: "strength", "worry", "idea" or "question"
 * @text: as for hw_meeting_add_item()
 *
 * What someone adds from their phone (src/core/join): an item of the
 * meeting's current step, with its real author, kept hidden
 * (hidden = 1) until the facilitator lets it through with
 * hw_meeting_set_item_hidden(): until then it is in no copy and not on
 * the room's screen (hw_meeting_list_items() with a recipient leaves it
 * out), only in the editor and on its author's own page.
 * Returns: the item id, or 0 with @error set
 */
gint64    hw_meeting_add_contribution  (HwStore     *store,
                                        gint64       meeting_id,
                                        gint64       author_person_id,
                                        const char  *contribution,
                                        const char  *text,
                                        GError     **error);
/* Keeps an item off the room's screen and out of every copy (TRUE), or
 * lets it through (FALSE). */
gboolean  hw_meeting_set_item_hidden   (HwStore     *store,
                                        gint64       item_id,
                                        gboolean     hidden,
                                        GError     **error);
/* The same, made only over @version of the item (the one shown): when
 * someone else changed the item since, refused with
 * %HW_STORE_ERROR_CONFLICT and nothing written. Likewise for the other
 * _at() functions below (for a meeting: the meeting row's version). */
gboolean  hw_meeting_set_item_hidden_at (HwStore    *store,
                                         gint64      item_id,
                                         gint64      version,
                                         gboolean    hidden,
                                         GError    **error);
/* Whether the attendees see each other's scores on their phones
 * (meetings.scores_revealed; until then each sees only their own). */
gboolean  hw_meeting_set_scores_revealed (HwStore   *store,
                                          gint64     meeting_id,
                                          gboolean   revealed,
                                          GError   **error);
gboolean  hw_meeting_set_scores_revealed_at (HwStore   *store,
                                             gint64     meeting_id,
                                             gint64     version,
                                             gboolean   revealed,
                                             GError   **error);
gboolean  hw_meeting_edit_item         (HwStore     *store,
                                        gint64       item_id,
                                        const char  *text,
                                        GError     **error);
/* The same, saved only over @version of the item (the one shown, see
 * hw_record_get_version()): when someone else changed it since, refused
 * with %HW_STORE_ERROR_CONFLICT and nothing written. */
gboolean  hw_meeting_edit_item_at      (HwStore     *store,
                                        gint64       item_id,
                                        gint64       version,
                                        const char  *text,
                                        GError     **error);
/**
 * hw_meeting_merge_items:
 * @keep_id: the item that stays (its place in the step, its id)
 * @other_id: the item merged into it, then removed; of the same meeting
 *   and step
 *
 * Two items that say the same thing (typically sent from two phones)
 * become one, in one edit (one undo brings both back as they were). The
 * kept item's text is both texts, as two sentences ("A. B", or only one
 * when they are the same words); refused if that is longer than an item
 * may be. Both people who wrote them are kept: author_person_id and
 * coauthor_person_id; refused if that would be more than two people. The
 * scores of the other item move to the kept one; refused if someone
 * scored both (delete one of those scores first), so no score is lost.
 * The kept item is at least as private as the stricter of the two:
 * confidential if either is, withheld from everyone either is withheld
 * from, and not on the room's screen if either is not yet.
 */
gboolean  hw_meeting_merge_items       (HwStore     *store,
                                        gint64       keep_id,
                                        gint64       other_id,
                                        GError     **error);
/**
 * hw_meeting_set_item_confidential:
 * @withheld_from: recipient kinds ("family,support"); "" or NULL = none.
 *   A confidential item is never shown on the projected screen.
 */
gboolean  hw_meeting_set_item_confidential (HwStore    *store,
                                            gint64      item_id,
                                            gboolean    confidential,
                                            const char *withheld_from,
                                            GError    **error);
gboolean  hw_meeting_set_item_confidential_at (HwStore    *store,
                                               gint64      item_id,
                                               gint64      version,
                                               gboolean    confidential,
                                               const char *withheld_from,
                                               GError    **error);
/* Deletes the item (and its scores); the phase is renumbered. */
gboolean  hw_meeting_delete_item       (HwStore     *store,
                                        gint64       item_id,
                                        GError     **error);
/* The same, only if the item is still at @version (the one shown): else
 * %HW_STORE_ERROR_CONFLICT and nothing is removed, its scores neither. */
gboolean  hw_meeting_delete_item_at    (HwStore     *store,
                                        gint64       item_id,
                                        gint64       version,
                                        GError     **error);
/**
 * hw_meeting_reorder_items:
 * @item_ids: every item of one phase of one meeting, in the new order
 *
 * Rewrites the positions of the phase in one edit.
 */
gboolean  hw_meeting_reorder_items     (HwStore      *store,
                                        const gint64 *item_ids,
                                        guint         n_items,
                                        GError      **error);
/* Moves an item @delta places up (negative) or down within its phase;
 * moving past either end is refused (HW_STORE_ERROR_INVALID). */
gboolean  hw_meeting_move_item         (HwStore     *store,
                                        gint64       item_id,
                                        int          delta,
                                        GError     **error);
/* Items of one phase (NULL = all phases, in agenda order) that @recipient
 * may see (NULL = everything, hidden items too; with a recipient, hidden
 * items are left out), ordered by position.
 * Returns: (transfer full) (element-type HwRecord) */
GPtrArray *hw_meeting_list_items       (HwStore           *store,
                                        gint64             meeting_id,
                                        const char        *phase,
                                        const HwRecipient *recipient,
                                        GError           **error);

/* Decisions and actions --------------------------------------------------- */

/**
 * hw_meeting_add_decision:
 * @consensus: TRUE if everyone agreed
 * @dissent: who disagreed and why; required (non-empty) without consensus
 */
gint64    hw_meeting_add_decision      (HwStore     *store,
                                        gint64       meeting_id,
                                        const char  *text,
                                        gboolean     consensus,
                                        const char  *dissent,
                                        GError     **error);
/* @version: the item's version as read (hw_record_get_version()): if
 * someone else changed the item since, nothing is saved and the error is
 * %HW_STORE_ERROR_CONFLICT. 0 only where nothing was read. Likewise for
 * hw_meeting_set_action(). */
gboolean  hw_meeting_set_decision      (HwStore     *store,
                                        gint64       item_id,
                                        gint64       version,
                                        gboolean     consensus,
                                        const char  *dissent,
                                        GError     **error);
/**
 * hw_meeting_add_action:
 * @text: the task
 * @owner_person_id: who does it (a person of the case), 0 = not decided
 * @checker_person_id: who checks it is done, 0 = not decided
 * @due_date: "YYYY-MM-DD" (a real date) or "" / NULL
 */
gint64    hw_meeting_add_action        (HwStore     *store,
                                        gint64       meeting_id,
                                        const char  *text,
                                        gint64       owner_person_id,
                                        gint64       checker_person_id,
                                        const char  *due_date,
                                        GError     **error);
gboolean  hw_meeting_set_action        (HwStore     *store,
                                        gint64       item_id,
                                        gint64       version,
                                        gint64       owner_person_id,
                                        gint64       checker_person_id,
                                        const char  *due_date,
                                        GError     **error);
/**
 * hw_meeting_action_to_task:
 * @item_id: an action item
 * @goal_id: the service-plan goal to put the task under (a goal of the
 *   same case), or 0: then the task goes under the goal "Actions from the
 *   family meeting of <date>" of a "child-safety" need of the case, both
 *   created if missing (and reused by later calls for the same meeting).
 *
 * Creates a task (description = the action, responsible person = owner,
 * target date = due date, status not-started) and links the action to it.
 * An action that already has a task is refused.
 * Returns: the task id, or 0 with @error set
 */
gint64    hw_meeting_action_to_task    (HwStore     *store,
                                        gint64       item_id,
                                        gint64       goal_id,
                                        GError     **error);

/* Scores ------------------------------------------------------------------ */

/**
 * hw_meeting_set_score:
 * @item_id: the statement scored: a worry or safety-goal item
 * @person_id: an attendee of the item's meeting
 * @score: 0 to 10
 * @reason: what makes it that number (may be empty)
 *
 * Sets (or replaces) that person's score for that statement.
 * Returns: the score row id, or 0 with @error set
 */
gint64    hw_meeting_set_score         (HwStore     *store,
                                        gint64       item_id,
                                        gint64       person_id,
                                        int          score,
                                        const char  *reason,
                                        GError     **error);
/* The same, saved only over the score as it was shown: @version is the
 * score row's (score_version of hw_meeting_scorers_select()), 0 when it
 * showed "not scored yet". Someone else's score since is refused with
 * %HW_STORE_ERROR_CONFLICT and nothing is written. */
gint64    hw_meeting_set_score_at      (HwStore     *store,
                                        gint64       item_id,
                                        gint64       person_id,
                                        gint64       version,
                                        int          score,
                                        const char  *reason,
                                        GError     **error);
gboolean  hw_meeting_delete_score      (HwStore     *store,
                                        gint64       score_id,
                                        GError     **error);
/* Only if the score is still at @version (score_version as shown): a
 * score someone else changed since is kept (%HW_STORE_ERROR_CONFLICT). */
gboolean  hw_meeting_delete_score_at   (HwStore     *store,
                                        gint64       score_id,
                                        gint64       version,
                                        GError     **error);

typedef struct {
  char   *statement;   /* the item text of the later meeting */
  gint64  person_id;
  int     before;      /* -1: not scored at the earlier meeting */
  int     after;
} HwScoreChange;

void      hw_score_change_free         (HwScoreChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwScoreChange, hw_score_change_free)

/**
 * hw_meeting_score_changes:
 * @earlier_id: a meeting of the case
 * @later_id: a later meeting of the same case
 *
 * Pairs the scores of @later_id with those given by the same person at
 * @earlier_id to a statement with the same text (ignoring case and
 * surrounding blanks).
 * Returns: (transfer full) (element-type HwScoreChange): one per score of
 *   the later meeting, ordered by statement then person
 */
GPtrArray *hw_meeting_score_changes    (HwStore     *store,
                                        gint64       earlier_id,
                                        gint64       later_id,
                                        GError     **error);

/* Phase timer ------------------------------------------------------------- */

/* Adds @seconds (> 0) to the time spent in @phase. */
gboolean  hw_meeting_add_phase_time    (HwStore     *store,
                                        gint64       meeting_id,
                                        const char  *phase,
                                        gint64       seconds,
                                        GError     **error);
gint64    hw_meeting_get_phase_time    (HwStore     *store,
                                        gint64       meeting_id,
                                        const char  *phase);

/* Presentation model ------------------------------------------------------ */

typedef struct {
  char *text;
  char *detail;       /* who does it, or whether everyone agreed; NULL if none */
  char *due;          /* "by 2026-05-12" (translated); NULL if none */
} HwPresentationItem;

typedef struct {
  char *label;        /* the person's name, or "Participant" if withheld */
  int   score;        /* 0-10 */
  int   previous;     /* the same person's score at the previous meeting, -1 */
} HwPresentationMark;

typedef struct {
  char      *statement;
  char      *phase;   /* "worries" or "safety-goals" */
  GPtrArray *marks;   /* HwPresentationMark, ordered by attendee; empty
                         until the facilitator reveals the scores */
  guint      n_scored;  /* how many people have given a score */
  guint      n_people;  /* how many scale it: those taking part (never
                           fewer than n_scored) */
} HwPresentationScale;

/**
 * HwPresentation:
 *
 * Everything the projected screen may show, and nothing else: built with
 * hw_recipient_may_see for HW_RECIPIENT_SCREEN, so confidential items are
 * left out and the names of confidential people are never copied in.
 * The renderer draws from this alone.
 */
typedef struct {
  char      *meeting_title;   /* "Family team meeting" (translated) */
  char      *when;            /* "2 May 2026, 10:00", in the window's language */
  char      *phase;           /* current phase id */
  char      *phase_title;     /* translated */
  guint      phase_number;    /* 1-based */
  guint      n_phases;
  gint64     phase_seconds;   /* time recorded for the current phase */
  char      *next_meeting;    /* "Tuesday 2 June 2026, 10:00"; "" if not set */
  GPtrArray *phase_items;     /* HwPresentationItem: the current phase's */
  GPtrArray *strengths;       /* HwPresentationItem */
  GPtrArray *worries;         /* HwPresentationItem */
  GPtrArray *next_steps;      /* HwPresentationItem: safety goals, actions */
  GPtrArray *scales;          /* HwPresentationScale */
  guint      first_scale;     /* the first statement drawn on the scaling
                                 screen: the presenter pages with it */
  gboolean   scores_revealed; /* meetings.scores_revealed: until then no
                                 score or scorer is copied in, only counts */
  gint64     version;         /* the meeting's, as read: the step shown is
                                 moved from it (hw_meeting_set_phase_at()) */
} HwPresentation;

HwPresentation *hw_meeting_presentation (HwStore     *store,
                                         gint64       meeting_id,
                                         GError     **error);
void            hw_presentation_free    (HwPresentation *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwPresentation, hw_presentation_free)

/* Export ------------------------------------------------------------------ */

/**
 * hw_meeting_export:
 *
 * The meeting summary (opts->meeting_id) as a PDF for opts->recipient:
 * attendees, each phase's content, decisions, actions with owners and
 * dates, next meeting. What is withheld from the recipient is absent.
 * In opts->language, else the language the meeting was held in, else the
 * family's; a language whose catalog cannot be loaded is refused.
 * `homeward export --what meeting --meeting ID --format pdf`
 */
gboolean  hw_meeting_export            (HwStore                *store,
                                        const HwExportOptions  *opts,
                                        GError                **error);

/* Date helpers used by the meeting code (exported for the views). */
gboolean  hw_meeting_valid_date        (const char  *text);
/* Accepts "YYYY-MM-DDTHH:MM[:SS]" (or a space for T) and returns the
 * normalised "YYYY-MM-DDTHH:MM:SS", or NULL if impossible. */
char     *hw_meeting_normalise_datetime (const char *text);

G_END_DECLS
