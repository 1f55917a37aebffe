/* hw-aftercare-checkins.c: logging the check-ins of the supports after
 * going home, and the next one due.
 *
 * The writes go through hw_service_plan_save() so that a check-in is
 * checked, labelled, undone and audited like every other row of the
 * service plan (its rules are validate_checkin in hw-service-plan.c). The
 * next check-in due is never stored: it follows from the last check-in,
 * the support's rhythm and the return home, so undoing a check-in or
 * changing the return home moves it at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-aftercare-checkins"

#include <string.h>

#include "hw-i18n.h"

#include "hw-aftercare-checkins.h"
#include "hw-case-dates.h"
#include "hw-date.h"
#include "hw-service-plan.h"

static const char * const ways[] = {
  "home-visit", "phone", "video", "text", "office", "other", NULL
};

static const char * const frequencies[] = {
  "", "weekly", "every-2-weeks", "monthly", "every-3-months", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (ways) == HW_CHECKIN_N_WAYS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (frequencies) == HW_CHECKIN_N_FREQUENCIES + 1);

const char * const *
hw_checkin_ways (void)
{
  return ways;
}

const char *
hw_checkin_way_label (const char *way)
{
  if (g_strcmp0 (way, "home-visit") == 0)
    return _("Visit at home");
  if (g_strcmp0 (way, "phone") == 0)
    return _("Phone call");
  if (g_strcmp0 (way, "video") == 0)
    return _("Video call");
  if (g_strcmp0 (way, "text") == 0)
    return _("Text message");
  if (g_strcmp0 (way, "office") == 0)
    return _("At the office");
  if (g_strcmp0 (way, "other") == 0)
    return _("Another way");
  return way != NULL ? way : "";
}

const char * const *
hw_checkin_frequencies (void)
{
  return frequencies;
}

const char *
hw_checkin_frequency_label (const char *every)
{
  if (every == NULL || every[0] == '\0')
    return _("No set rhythm");
  if (g_str_equal (every, "weekly"))
    return _("Every week");
  if (g_str_equal (every, "every-2-weeks"))
    return _("Every two weeks");
  if (g_str_equal (every, "monthly"))
    return _("Every month");
  if (g_str_equal (every, "every-3-months"))
    return _("Every three months");
  return every;
}

/* Writing ------------------------------------------------------------------ */

static HwRecord *
record_of (const HwCheckin *checkin)
{
  HwRecord *record = hw_record_new ("aftercare_checkins");
  const char *withheld = checkin->withheld_from != NULL ? checkin->withheld_from : "";

  hw_record_set_string (record, "date", checkin->date != NULL ? checkin->date : "");
  hw_record_set_ref (record, "person_id", checkin->person_id);
  hw_record_set_string (record, "how", checkin->how != NULL ? checkin->how : "");
  hw_record_set_string (record, "with_whom", checkin->with_whom ? checkin->with_whom : "");
  hw_record_set_string (record, "what_came_up",
                        checkin->what_came_up ? checkin->what_came_up : "");
  hw_record_set_string (record, "follow_up", checkin->follow_up ? checkin->follow_up : "");
  /* confidential follows the set: kept from someone means confidential */
  hw_record_set_int (record, "confidential", withheld[0] != '\0');
  hw_record_set_string (record, "withheld_from", withheld);
  return record;
}

gint64
hw_aftercare_log_checkin (HwStore          *store,
                          gint64            support_id,
                          const HwCheckin  *checkin,
                          GError          **error)
{
  g_autoptr(HwRecord) record = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (checkin != NULL, 0);

  record = record_of (checkin);
  hw_record_set_int (record, "support_id", support_id);
  return hw_service_plan_save (store, NULL, record, error);
}

gboolean
hw_aftercare_change_checkin_at (HwStore          *store,
                                gint64            checkin_id,
                                gint64            version,
                                const HwCheckin  *checkin,
                                GError          **error)
{
  g_autoptr(HwRecord) record = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);

  if (checkin_id <= 0 ||
      hw_store_query_int (store, 0, "SELECT count(*) FROM aftercare_checkins WHERE id = ?",
                          G_TYPE_INT64, checkin_id, G_TYPE_INVALID) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This check-in does not exist (any more)."));
      return FALSE;
    }
  record = record_of (checkin);
  hw_record_set_id (record, checkin_id);
  hw_record_set_version (record, version);
  return hw_service_plan_save (store, NULL, record, error) != 0;
}

gboolean
hw_aftercare_change_checkin (HwStore          *store,
                             gint64            checkin_id,
                             const HwCheckin  *checkin,
                             GError          **error)
{
  return hw_aftercare_change_checkin_at (store, checkin_id, 0, checkin, error);
}

gboolean
hw_aftercare_delete_checkin (HwStore  *store,
                             gint64    checkin_id,
                             GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  return hw_service_plan_delete (store, NULL, "aftercare_checkins", checkin_id, error);
}

/* Reading ------------------------------------------------------------------ */

static HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };

GPtrArray *
hw_aftercare_list_checkins (HwStore            *store,
                            gint64              support_id,
                            const HwRecipient  *recipient,
                            GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (recipient == NULL)
    recipient = &agency;
  rows = hw_store_select (store, "aftercare_checkins", error,
                          "SELECT c.*, p.name AS person_name,"
                          "  p.confidential AS person_confidential,"
                          "  p.withheld_from AS person_withheld_from"
                          " FROM aftercare_checkins c LEFT JOIN people p ON p.id = c.person_id"
                          " WHERE c.support_id = ? ORDER BY c.date DESC, c.id DESC",
                          G_TYPE_INT64, support_id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);

      /* a check-in kept from the recipient is left out, not blanked */
      if (!hw_recipient_may_see_record (recipient, row))
        continue;
      if (!hw_recipient_may_see (recipient, hw_record_get_int (row, "person_confidential") != 0,
                                 hw_record_get_string (row, "person_withheld_from")))
        hw_record_set_string (row, "person_name", "");
      hw_record_set_string (row, "person_withheld_from", "");
      g_ptr_array_add (out, g_object_ref (row));
    }
  return g_steal_pointer (&out);
}

gboolean
hw_aftercare_next_due (const char *every,
                       const char *last_checkin,
                       const char *start,
                       const char *end,
                       const char *return_home,
                       char        out[11])
{
  GDate from, due, window_end, support_end;
  const char *anchor = NULL;
  g_autofree char *iso = NULL;

  out[0] = '\0';
  if (every == NULL || every[0] == '\0' || !g_strv_contains (frequencies, every))
    return FALSE;
  /* the twelve months count from the return home, or the support's start
   * while the return home is not recorded */
  if (return_home != NULL && hw_date_parse (return_home, &window_end))
    anchor = return_home;
  else if (start != NULL && hw_date_parse (start, &window_end))
    anchor = start;
  else
    return FALSE;
  g_date_add_months (&window_end, 12);
  g_date_subtract_days (&window_end, 1);

  if (last_checkin != NULL && hw_date_parse (last_checkin, &from))
    ;
  else if (start != NULL && hw_date_parse (start, &from))
    {
      /* before the first check-in: from the later of start and return home */
      if (strcmp (start, anchor) < 0)
        hw_date_parse (anchor, &from);
    }
  else if (!hw_date_parse (anchor, &from))
    return FALSE;

  due = from;
  if (g_str_equal (every, "weekly"))
    g_date_add_days (&due, 7);
  else if (g_str_equal (every, "every-2-weeks"))
    g_date_add_days (&due, 14);
  else if (g_str_equal (every, "monthly"))
    g_date_add_months (&due, 1);
  else
    g_date_add_months (&due, 3);

  if (g_date_compare (&due, &window_end) > 0)
    return FALSE;
  if (end != NULL && hw_date_parse (end, &support_end) && g_date_compare (&due, &support_end) > 0)
    return FALSE;
  iso = hw_date_to_iso (&due);
  g_strlcpy (out, iso, 11);
  return TRUE;
}

GPtrArray *
hw_aftercare_list_due (HwStore            *store,
                       gint64              case_id,
                       const HwRecipient  *recipient,
                       const GDate        *today,
                       GError            **error)
{
  g_autoptr(GPtrArray) supports = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *home = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (recipient == NULL)
    recipient = &agency;
  supports = hw_service_plan_list_aftercare (store, case_id, recipient, error);
  if (supports == NULL)
    return NULL;
  home = hw_case_dates_return_home (store, case_id);

  for (guint i = 0; i < supports->len; i++)
    {
      HwRecord *support = g_ptr_array_index (supports, i);
      g_autoptr(GPtrArray) checkins = NULL;
      const char *last = NULL;
      char due[11];
      HwRecord *item;
      HwDueState state;

      /* every check-in counts for the next one due, even one kept from
       * this recipient: only its date is used, never shown */
      checkins = hw_aftercare_list_checkins (store, hw_record_get_id (support), NULL, error);
      if (checkins == NULL)
        return NULL;
      if (checkins->len > 0)
        last = hw_record_get_string (g_ptr_array_index (checkins, 0), "date");
      if (!hw_aftercare_next_due (hw_record_get_string (support, "checkin_every"), last,
                                  hw_record_get_string (support, "start_date"),
                                  hw_record_get_string (support, "end_date"), home, due))
        continue;

      state = hw_service_plan_due_state ("in-progress", due, today);
      item = hw_record_new ("timeline");
      hw_record_set_id (item, hw_record_get_id (support));
      hw_record_set_string (item, "kind", "checkin");
      hw_record_set_string (item, "date", due);
      hw_record_set_string (item, "text", hw_record_get_string (support, "description"));
      hw_record_set_string (item, "domain", "");
      /* the provider's name, unless it is withheld from @recipient */
      hw_record_set_string (
          item, "responsible_name",
          hw_recipient_may_see (recipient, hw_record_get_int (support, "person_confidential") != 0,
                                hw_record_get_string (support, "person_withheld_from"))
              ? hw_record_get_string (support, "provider_person_name")
              : "");
      hw_record_set_int (item, "person_id", hw_record_get_int (support, "provider_person_id"));
      hw_record_set_int (item, "agency", 0);
      hw_record_set_string (item, "status", "in-progress");
      hw_record_set_string (item, "due_state", hw_due_state_to_string (state));
      hw_record_set_string (item, "last_checkin", last != NULL ? last : "");
      g_ptr_array_add (out, item);
    }
  return g_steal_pointer (&out);
}
