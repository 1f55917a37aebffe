/* hw-family-plan.c: the family's own plan of private family time
 * (hw-family-plan.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-family-plan"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-family-plan.h"
#include "hw-invalid.h"

/* The family and the network it brings; everyone else is there for their
 * work (a foster parent is part of the care system, as on the ecomap). */
static const char * const family_roles[] = {
  "child", "mother", "father", "parent", "stepparent", "kin-caregiver", "sibling",
  "grandparent", "relative", "friend", "neighbour", "faith", NULL
};

gboolean
hw_family_plan_role_is_family (const char *role)
{
  return role != NULL && g_strv_contains (family_roles, role);
}

HwRecord *
hw_family_plan_get (HwStore     *store,
                    gint64       meeting_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  rows = hw_store_select (store, "family_plans", error,
                          "SELECT * FROM family_plans WHERE meeting_id = ?",
                          G_TYPE_INT64, meeting_id, G_TYPE_INVALID);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

gboolean
hw_family_plan_is_shared (HwStore *store,
                          gint64   meeting_id)
{
  g_autoptr(HwRecord) plan = hw_family_plan_get (store, meeting_id, NULL);

  return plan != NULL && *hw_record_get_string (plan, "shared_at") != '\0';
}

/* Whether @person_id is a family member of the case of @meeting_id. */
static gboolean
is_family_of_meeting (HwStore *store,
                      gint64   meeting_id,
                      gint64   person_id)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = hw_store_select (store, "people", NULL,
                          "SELECT p.id, p.role FROM people p JOIN meetings m ON m.case_id = p.case_id"
                          " WHERE m.id = ? AND p.id = ?",
                          G_TYPE_INT64, meeting_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  return rows != NULL && rows->len == 1
         && hw_family_plan_role_is_family (hw_record_get_string (g_ptr_array_index (rows, 0), "role"));
}

/* The meeting exists, and @person_id is a family member taking part. */
static gboolean
check_writer (HwStore     *store,
              gint64       meeting_id,
              gint64       person_id,
              HwRecord   **meeting_out,
              GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(GError) local = NULL;
  gint64 n;

  if (meeting_id > 0)
    meeting = hw_store_get (store, "meetings", meeting_id, &local);
  if (meeting == NULL)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This meeting does not exist (any more)."));
      return FALSE;
    }
  if (!is_family_of_meeting (store, meeting_id, person_id))
    return hw_invalid (error, _("Only the family writes the family’s plan."));
  n = hw_store_query_int (store, 0,
                          "SELECT count(*) FROM meeting_attendees WHERE meeting_id = ? AND person_id = ?"
                          " AND attendance IN ('present','remote')",
                          G_TYPE_INT64, meeting_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  if (n != 1)
    return hw_invalid (error, _("Only someone taking part (in the room, by phone or video) can write the family’s plan."));
  if (meeting_out != NULL)
    *meeting_out = g_steal_pointer (&meeting);
  return TRUE;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

gboolean
hw_family_plan_save (HwStore     *store,
                     gint64       meeting_id,
                     gint64       person_id,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (!check_writer (store, meeting_id, person_id, &meeting, error))
    return FALSE;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return hw_invalid (error, _("The text is not valid UTF-8."));
  clean = g_strstrip (g_strdup (text));
  if (g_utf8_strlen (clean, -1) > HW_FAMILY_PLAN_MAX_TEXT)
    return hw_invalid (error, _("The plan is too long (at most %d characters)."), HW_FAMILY_PLAN_MAX_TEXT);
  if (g_strcmp0 (hw_record_get_string (meeting, "current_phase"), "family-time") != 0)
    return hw_invalid (error, _("The family’s plan is written during private family time."));

  plan = hw_family_plan_get (store, meeting_id, NULL);
  now = now_text ();
  row = hw_record_new ("family_plans");
  hw_record_set_string (row, "text", clean);
  hw_record_set_int (row, "updated_by_person_id", person_id);
  hw_record_set_string (row, "updated_at", now);
  if (plan != NULL)
    {
      hw_record_set_id (row, hw_record_get_id (plan));
      return hw_store_update (store, N_("Save the family’s plan"), row, error);
    }
  hw_record_set_int (row, "meeting_id", meeting_id);
  return hw_store_insert (store, N_("Save the family’s plan"), row, error) != 0;
}

gboolean
hw_family_plan_share (HwStore     *store,
                      gint64       meeting_id,
                      gint64       person_id,
                      GError     **error)
{
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (!check_writer (store, meeting_id, person_id, NULL, error))
    return FALSE;
  plan = hw_family_plan_get (store, meeting_id, NULL);
  if (plan == NULL || *hw_record_get_string (plan, "text") == '\0')
    return hw_invalid (error, _("Write the plan and save it before sharing it."));
  if (*hw_record_get_string (plan, "shared_at") != '\0')
    return hw_invalid (error, _("The family’s plan is already shared with the team."));

  now = now_text ();
  row = hw_record_new ("family_plans");
  hw_record_set_id (row, hw_record_get_id (plan));
  hw_record_set_string (row, "shared_at", now);
  return hw_store_update (store, N_("Share the family’s plan with the team"), row, error);
}

char *
hw_family_plan_text_for (HwStore *store,
                         gint64   meeting_id,
                         gint64   viewer_person_id)
{
  g_autoptr(HwRecord) plan = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  plan = hw_family_plan_get (store, meeting_id, NULL);
  if (plan == NULL || *hw_record_get_string (plan, "text") == '\0')
    return NULL;
  if (*hw_record_get_string (plan, "shared_at") == '\0'
      && !is_family_of_meeting (store, meeting_id, viewer_person_id))
    return NULL;
  return g_strdup (hw_record_get_string (plan, "text"));
}

char *
hw_family_plan_shared_text (HwStore *store,
                            gint64   meeting_id)
{
  g_autoptr(HwRecord) plan = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  plan = hw_family_plan_get (store, meeting_id, NULL);
  if (plan == NULL || *hw_record_get_string (plan, "shared_at") == '\0'
      || *hw_record_get_string (plan, "text") == '\0')
    return NULL;
  return g_strdup (hw_record_get_string (plan, "text"));
}
