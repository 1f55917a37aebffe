/* hw-placements.h: where each child of a case lives, since when, with
 * whom, and why it changed; whether relatives were considered first.
 *
 * The rows are placements (one per stay). A child's placements form a
 * history: each ends the day the next one starts (the day of the move),
 * unless it has an end date of its own (the last one, ended when the case
 * closed, or a gap). Every add, change, end and delete is one store edit
 * (undoable, audited), checked against the child's whole history: the
 * child is a child of the case, the dates are real and in order, no two
 * placements of one child start on the same day, and an explicit end is
 * not after the next placement starts.
 *
 * Confidentiality: the address of a placement can be withheld from some
 * recipients (address_withheld_from, as a person's address is), and so can
 * a caregiver named in words (caregiver_withheld_from); a caregiver linked
 * to a person of the case is shown only to who may see that person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-recipient.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* Settings, from home to institution: parent, kin, fictive-kin,
 * foster-family, group-care, other. */
#define HW_PLACEMENT_N_SETTINGS 6
const char * const *hw_placement_settings        (void);
/* Translated label ("Foster family"), or the id if unknown. */
const char         *hw_placement_setting_label   (const char *setting);
/* TRUE for the settings that are family: parent, kin and fictive kin
 * (where "kin considered first" has nothing to ask). */
gboolean            hw_placement_setting_is_kin  (const char *setting);

typedef struct {
  gint64      child_id;          /* a person of the case with the role "child" */
  const char *setting;           /* one of hw_placement_settings() */
  gint64      caregiver_id;      /* a person of the case, or 0 */
  const char *caregiver_name;    /* in words, may be NULL */
  const char *caregiver_withheld_from;  /* recipient set, may be NULL */
  const char *address;           /* may be NULL */
  const char *address_withheld_from;    /* recipient set, may be NULL */
  const char *start_date;        /* YYYY-MM-DD */
  const char *end_date;          /* YYYY-MM-DD, or NULL / "": ends when the next starts */
  const char *reason;            /* why the child moved here; may be NULL */
  gboolean    kin_considered;    /* relatives were identified and considered first */
  const char *kin_not_chosen_reason;    /* why not a relative; may be NULL */
  const char *notes;             /* may be NULL */
} HwPlacement;

/**
 * hw_placements_add:
 * @placement: the placement
 *
 * Checks @placement and the history of its child it makes (see the top of
 * this file) and adds it as one edit labelled "Add placement" (or joins
 * an open edit).
 *
 * Returns: the new row's id, or 0 with @error set (%HW_STORE_ERROR_INVALID
 *   for a refused placement) and nothing written
 */
gint64      hw_placements_add            (HwStore            *store,
                                          gint64              case_id,
                                          const HwPlacement  *placement,
                                          GError            **error);
/* Replaces placement @placement_id with @placement (its case stays),
 * checked as by hw_placements_add(). */
gboolean    hw_placements_change         (HwStore            *store,
                                          gint64              placement_id,
                                          const HwPlacement  *placement,
                                          GError            **error);
/* Ends placement @placement_id on @end_date (YYYY-MM-DD), checked: not
 * before it started, not after the next placement of the child starts. */
gboolean    hw_placements_end            (HwStore            *store,
                                          gint64              placement_id,
                                          const char         *end_date,
                                          GError            **error);
/* hw_placements_change() and hw_placements_end(), saved only over
 * @version of the placement (the one shown, see hw_record_get_version()):
 * when someone else changed it since, refused with
 * %HW_STORE_ERROR_CONFLICT and nothing written. */
gboolean    hw_placements_change_at      (HwStore            *store,
                                          gint64              placement_id,
                                          gint64              version,
                                          const HwPlacement  *placement,
                                          GError            **error);
gboolean    hw_placements_end_at         (HwStore            *store,
                                          gint64              placement_id,
                                          gint64              version,
                                          const char         *end_date,
                                          GError            **error);
gboolean    hw_placements_delete         (HwStore            *store,
                                          gint64              placement_id,
                                          GError            **error);

/**
 * hw_placements_list:
 * @child_id: a child, or 0 for every child of the case
 *
 * Returns: (transfer full) (element-type HwRecord): the placements of
 *   @case_id (of @child_id only, if given), by child (in the order the
 *   children were added) then by start date, each with every column of
 *   placements plus `child_name`, `caregiver_person_name` (the linked
 *   person's name, or "") and `ends` (the end date: the explicit one, or
 *   the start of the next placement of the child, or "" while it lasts);
 *   NULL with @error set when the question could not be asked
 */
GPtrArray  *hw_placements_list           (HwStore            *store,
                                          gint64              case_id,
                                          gint64              child_id,
                                          GError            **error);

/**
 * hw_placements_current:
 * @today: (nullable): "YYYY-MM-DD"; NULL for today
 *
 * Returns: (transfer full) (element-type HwRecord): for each child of
 *   @case_id who has a placement on @today, that placement (rows as
 *   hw_placements_list() gives them), in the order of the children
 */
GPtrArray  *hw_placements_current        (HwStore            *store,
                                          gint64              case_id,
                                          const char         *today,
                                          GError            **error);

/* The name of the caregiver of @placement (a row of hw_placements_list())
 * as @recipient may see it: the linked person's name if they may see that
 * person, else the name in words unless it is withheld from them; NULL
 * when there is nothing they may see. */
char       *hw_placement_caregiver_for   (HwRecord           *placement,
                                          HwStore            *store,
                                          const HwRecipient  *recipient);
/* TRUE when @recipient may see the address of @placement. */
gboolean    hw_placement_may_see_address (HwRecord           *placement,
                                          const HwRecipient  *recipient);

/**
 * hw_placements_summary:
 * @today: (nullable): "YYYY-MM-DD"; NULL for today
 *
 * One line for the case header, in the current gettext language:
 * "Sofía and Mateo live with Rosa Morales (relative) · Lucía with a foster
 * family". Every name is as the agency sees it (the window is the agency's).
 *
 * Returns: (transfer full): the line, "" when no child has a placement
 */
char       *hw_placements_summary        (HwStore            *store,
                                          gint64              case_id,
                                          const char         *today);

/**
 * hw_placements_check_case:
 *
 * Checks every child's placement history of @case_id as the edits do
 * (used after an import, which writes rows as they come).
 */
gboolean    hw_placements_check_case     (HwStore            *store,
                                          gint64              case_id,
                                          GError            **error);

G_END_DECLS
