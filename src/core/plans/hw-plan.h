/* hw-plan.h: the safety plan and the post-reunification plan of a case.
 *
 * A case has at most one plan of each kind (table `plans`). The plan's
 * entries are `plan_items`, grouped by section (the ids below). The items
 * are always the working draft; "agree and print" freezes a *version*
 * (table `plan_versions`): a JSON snapshot of everything the printed plan
 * needs (names and phone numbers as they were that day, the signatories,
 * the date). A version is never changed: later edits only change the
 * draft, and a version prints the same text for ever.
 *
 * Sections (plan_items.section):
 *   safety:        danger, safety-goal, rule, network, trigger,
 *                  if-not-followed, emergency, child-version
 *   reunification: need, worry, support, checkin, respite, warning-sign,
 *                  exit
 * Columns used per section: text (always); who_person_id (rule: who
 * makes sure; network, checkin, respite, support: who); when_text,
 * how_often, how_checked (rule: how it is checked; trigger and
 * warning-sign: what to do); phone (network, emergency).
 *
 * The protector rule: in a safety plan, nobody marked as the alleged
 * source of harm (people.alleged_harm_source = 1) can be named as who
 * makes sure of a rule or as a member of the safety network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hw-store.h"
#include "hw-record.h"

G_BEGIN_DECLS

#define HW_PLAN_ERROR (hw_plan_error_quark ())

typedef enum {
  HW_PLAN_ERROR_PROTECTOR,   /* the alleged harm source named as protector */
  HW_PLAN_ERROR_INVALID,     /* empty text, unknown section, bad date... */
  HW_PLAN_ERROR_NOT_FOUND,   /* no such plan, item, person or version */
  HW_PLAN_ERROR_SNAPSHOT,    /* a frozen version that cannot be read */
} HwPlanError;

GQuark hw_plan_error_quark (void);

typedef enum {
  HW_PLAN_SAFETY,
  HW_PLAN_REUNIFICATION,
} HwPlanKind;

typedef struct {
  const char *id;
  const char *label;   /* N_(): translate with g_dgettext / _() */
} HwPlanSection;

/* "safety" / "reunification" */
const char  *hw_plan_kind_to_string      (HwPlanKind   kind);
/* Accepts "safety", "safety-plan", "reunification", "reunification-plan". */
gboolean     hw_plan_kind_from_string    (const char  *text,
                                          HwPlanKind  *kind,
                                          GError     **error);
const HwPlanSection *hw_plan_get_sections (HwPlanKind  kind,
                                          guint       *n_sections);
gboolean     hw_plan_section_valid       (HwPlanKind   kind,
                                          const char  *section);
/* TRUE if @text is an existing date written YYYY-MM-DD (or empty, when
 * @allow_empty), as hw_date_parse() reads it. */
gboolean     hw_plan_date_valid          (const char  *text,
                                          gboolean     allow_empty);

/* Plans ----------------------------------------------------------------- */

/* The plan's id, or 0 if the case has none of this kind. */
gint64       hw_plan_find                (HwStore     *store,
                                          gint64       case_id,
                                          HwPlanKind   kind);
/* The plan's id, created (as one edit) if missing. 0 on error. */
gint64       hw_plan_ensure              (HwStore     *store,
                                          gint64       case_id,
                                          HwPlanKind   kind,
                                          GError     **error);
gboolean     hw_plan_get_kind            (HwStore     *store,
                                          gint64       plan_id,
                                          HwPlanKind  *kind,
                                          GError     **error);
/* Review date (safety) and projected closing date (reunification):
 * YYYY-MM-DD or "" to clear; NULL leaves a date as it is.
 *
 * @version (inout, nullable): the plan's version as read (hw-store.h,
 * "Row versions"): if someone else changed the plan since, nothing is
 * saved and the error is %HW_STORE_ERROR_CONFLICT; on success it becomes
 * the plan's new version. NULL only where nothing was read (the demo). */
gboolean     hw_plan_set_dates           (HwStore     *store,
                                          gint64       plan_id,
                                          gint64      *version,
                                          const char  *review_date,
                                          const char  *closing_date,
                                          GError     **error);
/* The one person to call after reunification; 0 = nobody. @version as
 * for hw_plan_set_dates(). */
gboolean     hw_plan_set_point_person    (HwStore     *store,
                                          gint64       plan_id,
                                          gint64      *version,
                                          gint64       person_id,
                                          GError     **error);

/* Items ----------------------------------------------------------------- */

/* FALSE with HW_PLAN_ERROR_PROTECTOR if @person_id may not protect in a
 * safety plan (alleged source of harm), HW_PLAN_ERROR_NOT_FOUND if the
 * person is not in the plan's case. 0 is always fine. */
gboolean     hw_plan_check_person        (HwStore     *store,
                                          gint64       plan_id,
                                          const char  *section,
                                          gint64       person_id,
                                          GError     **error);
/**
 * hw_plan_add_item:
 * @item: a record of table "plan_items" with at least `section` and
 *   `text`; `plan_id` and `position` are set by this function
 *
 * Checks everything (section, text, people, the protector rule) before
 * writing; on error nothing is written. One edit.
 *
 * Returns: the new item's id, or 0
 */
gint64       hw_plan_add_item            (HwStore     *store,
                                          gint64       plan_id,
                                          HwRecord    *item,
                                          GError     **error);
/* Updates the columns set in @item (its id selects the row), with the
 * same checks. An @item with a version (hw_record_set_version(): the
 * one read) is saved only over that version, else the error is
 * %HW_STORE_ERROR_CONFLICT and nothing changes. */
gboolean     hw_plan_update_item         (HwStore     *store,
                                          HwRecord    *item,
                                          GError     **error);
gboolean     hw_plan_delete_item         (HwStore     *store,
                                          gint64       item_id,
                                          GError     **error);
/* The same, only at @version of the entry (the one shown): when someone
 * else changed it since, refused with %HW_STORE_ERROR_CONFLICT and
 * nothing removed. */
gboolean     hw_plan_delete_item_at      (HwStore     *store,
                                          gint64       item_id,
                                          gint64       version,
                                          GError     **error);
/* Moves an item up (@delta < 0) or down within its section. */
gboolean     hw_plan_move_item           (HwStore     *store,
                                          gint64       item_id,
                                          int          delta,
                                          GError     **error);
/* The same, only from @version of the entry (the one shown): when
 * someone else changed or moved it since, refused with
 * %HW_STORE_ERROR_CONFLICT and nothing moved. */
gboolean     hw_plan_move_item_at        (HwStore     *store,
                                          gint64       item_id,
                                          gint64       version,
                                          int          delta,
                                          GError     **error);

/* Versions -------------------------------------------------------------- */

typedef struct {
  gint64      person_id;      /* 0 for someone who is not in the case */
  const char *name;           /* NULL: the person's name */
  const char *relationship;   /* NULL: the person's relationship or role */
} HwPlanSignatory;

/**
 * hw_plan_snapshot:
 *
 * Everything a printed copy of the plan's current draft needs, as JSON:
 * the case, the plan's dates, the items, the people they name (with
 * their confidentiality), the safety network, the aftercare supports.
 * Nothing is filtered: the document builder removes what a recipient
 * may not see.
 *
 * Returns: (transfer full): a JSON object node, or NULL
 */
JsonNode    *hw_plan_snapshot            (HwStore     *store,
                                          gint64       plan_id,
                                          GError     **error);
/**
 * hw_plan_freeze:
 * @agreed_on: (nullable): YYYY-MM-DD, NULL = today
 * @signatories: the people who agreed (and sign the printed copy)
 *
 * "Agree and print": stores the draft's snapshot as the next version.
 * One edit ("Agree on the plan").
 *
 * Returns: the version number (1, 2, ...), or 0
 */
gint64       hw_plan_freeze              (HwStore               *store,
                                          gint64                 plan_id,
                                          const char            *agreed_on,
                                          const HwPlanSignatory *signatories,
                                          guint                  n_signatories,
                                          GError               **error);
/* The number of the latest version, 0 if none. */
gint64       hw_plan_get_latest_version  (HwStore     *store,
                                          gint64       plan_id);
/* (transfer full): the snapshot of version @number, or NULL */
JsonNode    *hw_plan_load_version        (HwStore     *store,
                                          gint64       plan_id,
                                          gint64       number,
                                          GError     **error);
/* TRUE if the draft differs from the latest version (or there is none):
 * printing it would print a new draft, not the agreed plan. */
gboolean     hw_plan_draft_changed       (HwStore     *store,
                                          gint64       plan_id);

G_END_DECLS
