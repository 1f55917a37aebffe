/* hw-plan-import.h: bringing what a family meeting recorded into the
 * safety plan, and low readiness ratings into needs of the service plan,
 * so that nothing is typed twice.
 *
 * Both are a reviewed step: a *proposal* first (what would be added, read
 * only), then the person keeps the entries they want and *applies* them in
 * one edit of the store (one Undo).
 *
 * Safety plan, from one meeting of the same family:
 *   worries        -> "What we are worried about" (danger)
 *   safety goals   -> "Safety goals" (safety-goal)
 *   decisions      -> "Safety rules" (rule): what was decided must happen
 *   next steps     -> "Safety rules" (rule), with who makes sure (the
 *                     action's owner, never the person alleged to have
 *                     harmed the children) and when (its due date)
 * A confidential meeting item stays confidential in the plan, withheld
 * from the same people. An entry already in the plan (the same section and
 * the same words, ignoring case and spacing) is not proposed again: the
 * words are what ties an entry to the meeting, so no column was added to
 * the schema (and an entry reworded in the plan is the plan's own).
 *
 * Service plan, from the latest readiness review of the family: every
 * domain rated at or below a threshold proposes a need in the matching
 * service plan domain, unless the family has a need in that domain
 * already. The need's own words are left for the family to give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-store.h"

G_BEGIN_DECLS

/* Ratings at or below this (on +2 ... -3) are "low". */
#define HW_PLAN_IMPORT_LOW_RATING (-1)

typedef struct {
  char     *section;        /* plan section id, or need domain id */
  char     *text;           /* the entry's words ("" for a need) */
  gint64    who_person_id;  /* rule: who makes sure; 0 = nobody yet */
  char     *who_name;       /* the action's owner, to show in the review */
  gboolean  who_refused;    /* the owner may not protect: who_person_id 0 */
  char     *when_text;      /* rule: the action's due date, or "" */
  gboolean  confidential;
  char     *withheld_from;  /* "family,support..." or "" */
  gint64    source_id;      /* the meeting item, or the readiness rating */
  char     *source;         /* the meeting phase, or the readiness domains
                               ("environment,readiness") */
  int       rating;         /* needs: the lowest rating that proposed it */
} HwPlanImportItem;

void       hw_plan_import_item_free    (HwPlanImportItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwPlanImportItem, hw_plan_import_item_free)

/**
 * hw_plan_import_meetings:
 *
 * The meetings of @case_id, latest first (records of "meetings" with id,
 * kind, starts_at).
 *
 * Returns: (transfer full) (element-type HwRecord): or NULL with @error
 */
GPtrArray *hw_plan_import_meetings     (HwStore     *store,
                                        gint64       case_id,
                                        GError     **error);

/**
 * hw_plan_import_propose:
 * @plan_id: a safety plan
 * @meeting_id: a meeting of the same family
 * @n_already: (out) (optional): how many of the meeting's entries are in
 *   the plan already (and so not proposed)
 *
 * Reads only. Ordered by section (as the plan shows them), then as the
 * meeting had them.
 *
 * Returns: (transfer full) (element-type HwPlanImportItem): the entries
 *   that would be added (maybe none), or NULL with @error (no such plan or
 *   meeting, a meeting of another family, a plan that is not a safety plan)
 */
GPtrArray *hw_plan_import_propose      (HwStore     *store,
                                        gint64       plan_id,
                                        gint64       meeting_id,
                                        guint       *n_already,
                                        GError     **error);

/**
 * hw_plan_import_apply:
 * @items: (element-type HwPlanImportItem): the proposed entries to add
 * @n_added: (out) (optional): how many were added
 *
 * Adds @items to the plan in one edit ("Bring in from the meeting"),
 * checking each as hw_plan_add_item() does; one that is in the plan by now
 * is skipped. On an error nothing is added.
 */
gboolean   hw_plan_import_apply        (HwStore     *store,
                                        gint64       plan_id,
                                        GPtrArray   *items,
                                        guint       *n_added,
                                        GError     **error);

/**
 * hw_plan_import_propose_needs:
 * @threshold: the highest rating that counts as low, e.g.
 *   %HW_PLAN_IMPORT_LOW_RATING
 * @review_id: (out) (optional): the review read, 0 if the family has none
 *
 * Returns: (transfer full) (element-type HwPlanImportItem): one need per
 *   service plan domain (section = the need domain), or NULL with @error
 */
GPtrArray *hw_plan_import_propose_needs (HwStore    *store,
                                        gint64       case_id,
                                        int          threshold,
                                        gint64      *review_id,
                                        GError     **error);

/* Adds the needs in one edit ("Add needs from the readiness review"); a
 * domain that has a need by now is skipped. */
gboolean   hw_plan_import_apply_needs  (HwStore     *store,
                                        gint64       case_id,
                                        GPtrArray   *items,
                                        guint       *n_added,
                                        GError     **error);

G_END_DECLS
