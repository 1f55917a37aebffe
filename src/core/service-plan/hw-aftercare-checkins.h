/* hw-aftercare-checkins.h: the check-ins of the supports after going home
 * (issue 15): each is logged with its day, who checked in, how, with whom,
 * what came up and the follow-up; each support says how often it is
 * checked on (aftercare_supports.checkin_every), and the next check-in due
 * is worked out from the last one, inside the twelve months of aftercare.
 *
 * Rows are aftercare_checkins (see hw-schema.c). Every write is one store
 * edit (undoable, in the audit trail) through hw_service_plan_save(),
 * which checks the row first (hw-service-plan.c, validate_checkin):
 *  - the day is a real date, not in the future (a check-in is logged once
 *    it happened; the next one due is worked out, not written down);
 *  - not before the return home (hw_case_dates_return_home()), nor before
 *    the support's start. A case whose return home is not recorded yet
 *    takes check-ins from the support's start: a trial home visit or a
 *    return home not entered yet must not make a real contact unloggable,
 *    and the key dates can be filled in afterwards;
 *  - who checked in is a person of the support's case;
 *  - how is one of hw_checkin_ways().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-recipient.h"
#include "hw-record.h"
#include "hw-store.h"

G_BEGIN_DECLS

/* How a check-in was made: home-visit, phone, video, text, office, other. */
#define HW_CHECKIN_N_WAYS 6
const char * const *hw_checkin_ways            (void);
/* Translated ("Phone call"), or the id if unknown. */
const char         *hw_checkin_way_label       (const char *way);

/* How often a support is checked on: "" (no set rhythm), weekly,
 * every-2-weeks, monthly, every-3-months. */
#define HW_CHECKIN_N_FREQUENCIES 5
const char * const *hw_checkin_frequencies     (void);
/* Translated ("Every two weeks"; "No set rhythm" for ""), or the id. */
const char         *hw_checkin_frequency_label (const char *every);

typedef struct {
  const char *date;           /* YYYY-MM-DD */
  gint64      person_id;      /* who checked in: a person of the case */
  const char *how;            /* a way id */
  const char *with_whom;      /* may be NULL */
  const char *what_came_up;   /* may be NULL */
  const char *follow_up;      /* may be NULL */
  const char *withheld_from;  /* recipients it is kept from, may be NULL */
} HwCheckin;

/**
 * hw_aftercare_log_checkin:
 *
 * Checks @checkin (see the top of this file) and adds it to support
 * @support_id as one edit labelled "Log check-in" (or inside the caller's
 * open edit).
 *
 * Returns: the new row's id, or 0 with @error set (%HW_STORE_ERROR_INVALID
 *   for a refused value) and nothing written
 */
gint64      hw_aftercare_log_checkin    (HwStore          *store,
                                         gint64            support_id,
                                         const HwCheckin  *checkin,
                                         GError          **error);
/* Replaces check-in @checkin_id with @checkin, checked the same way. */
gboolean    hw_aftercare_change_checkin (HwStore          *store,
                                         gint64            checkin_id,
                                         const HwCheckin  *checkin,
                                         GError          **error);
/* The same, saved only over @version of the check-in (the one shown, see
 * hw_record_get_version()): when someone else changed it since, refused
 * with %HW_STORE_ERROR_CONFLICT and nothing written. */
gboolean    hw_aftercare_change_checkin_at (HwStore          *store,
                                            gint64            checkin_id,
                                            gint64            version,
                                            const HwCheckin  *checkin,
                                            GError          **error);
gboolean    hw_aftercare_delete_checkin (HwStore          *store,
                                         gint64            checkin_id,
                                         GError          **error);

/**
 * hw_aftercare_list_checkins:
 * @recipient: (nullable): who sees the list (NULL: the agency); check-ins
 *   withheld from them are left out, and the name of a person withheld
 *   from them is "" (person_name)
 *
 * Returns: (transfer full) (element-type HwRecord): the check-ins of
 *   @support_id, newest first, with an extra column person_name; NULL
 *   with @error set
 */
GPtrArray  *hw_aftercare_list_checkins  (HwStore            *store,
                                         gint64              support_id,
                                         const HwRecipient  *recipient,
                                         GError            **error);

/**
 * hw_aftercare_next_due:
 * @every: a frequency id
 * @last_checkin: (nullable): the day of the latest check-in
 * @start: (nullable): the support's start day
 * @end: (nullable): the support's end day
 * @return_home: (nullable): the return home; when NULL the support's start
 *   stands for it (a return home not recorded yet)
 * @out: the day due, "YYYY-MM-DD"
 *
 * The next check-in: the latest check-in (or, before the first, the later
 * of the support's start and the return home) plus @every, weekly and
 * every two weeks in days, monthly in calendar months (31 January plus a
 * month is the last day of February). Nothing is due without a rhythm,
 * without a day to count from, after the support's end or after the last
 * day of the twelve months after the return home.
 *
 * Returns: TRUE and @out set when a check-in is due
 */
gboolean    hw_aftercare_next_due       (const char  *every,
                                         const char  *last_checkin,
                                         const char  *start,
                                         const char  *end,
                                         const char  *return_home,
                                         char         out[11]);

/**
 * hw_aftercare_list_due:
 * @today: the day the due states are judged against
 *
 * The next check-in due of each support of @case_id that has one, as
 * "timeline" records (the rows of hw_service_plan_list_timeline()): kind
 * "checkin", id (the support's), date, text (the support's description),
 * domain "", responsible_name (who provides it, "" if withheld from
 * @recipient), person_id (who provides it, 0 none), status "in-progress",
 * due_state, last_checkin ("" none).
 *
 * Returns: (transfer full) (element-type HwRecord), NULL with @error set
 */
GPtrArray  *hw_aftercare_list_due       (HwStore            *store,
                                         gint64              case_id,
                                         const HwRecipient  *recipient,
                                         const GDate        *today,
                                         GError            **error);

G_END_DECLS
