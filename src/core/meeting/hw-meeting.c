/* hw-meeting.c: family meetings as kept in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-date.h"
#include "hw-enums.h"
#include "hw-invalid.h"
#include "hw-language.h"
#include "hw-meeting.h"

#define MAX_TEXT 4000

/* Errors ------------------------------------------------------------------ */

/* Dates ------------------------------------------------------------------- */

/* Meetings are dated from 1900 to 2200: a year outside is a typing slip. */
static gboolean
in_meeting_years (const GDate *date)
{
  return g_date_get_year (date) >= 1900 && g_date_get_year (date) <= 2200;
}

gboolean
hw_meeting_valid_date (const char *text)
{
  GDate date;

  return hw_date_parse (text, &date) && in_meeting_years (&date);
}

char *
hw_meeting_normalise_datetime (const char *text)
{
  GDate date;
  guint h, mi, s;

  if (!hw_date_time_parse (text, &date, &h, &mi, &s) || !in_meeting_years (&date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:%02u", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date),
                          h, mi, s);
}

/* "" stays "", a date stays a date, a date-time is normalised. */
static gboolean
normalise_next_meeting (const char  *text,
                        char       **out,
                        GError     **error)
{
  g_autofree char *dt = NULL;

  if (text == NULL || *text == '\0')
    {
      *out = g_strdup ("");
      return TRUE;
    }
  if (hw_meeting_valid_date (text))
    {
      *out = g_strdup (text);
      return TRUE;
    }
  dt = hw_meeting_normalise_datetime (text);
  if (dt == NULL)
    return hw_invalid (error, _("“%s” is not a possible date for the next meeting. Use YYYY-MM-DD or YYYY-MM-DD HH:MM."),
                    text);
  *out = g_steal_pointer (&dt);
  return TRUE;
}

/* Lookups ----------------------------------------------------------------- */

static HwRecord *
get_meeting (HwStore     *store,
             gint64       meeting_id,
             GError     **error)
{
  HwRecord *meeting = NULL;
  g_autoptr(GError) local = NULL;

  if (meeting_id > 0)
    meeting = hw_store_get (store, "meetings", meeting_id, &local);
  if (meeting == NULL)
    g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                 _("This meeting does not exist (any more)."));
  return meeting;
}

static HwRecord *
get_item (HwStore     *store,
          gint64       item_id,
          GError     **error)
{
  HwRecord *item = NULL;
  g_autoptr(GError) local = NULL;

  if (item_id > 0)
    item = hw_store_get (store, "meeting_items", item_id, &local);
  if (item == NULL)
    g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                 _("This item of the meeting does not exist (any more)."));
  return item;
}

static gint64
case_of_meeting (HwStore *store,
                 gint64   meeting_id)
{
  return hw_store_query_int (store, 0, "SELECT case_id FROM meetings WHERE id = ?",
                             G_TYPE_INT64, meeting_id, G_TYPE_INVALID);
}

static gboolean
check_person_in_case (HwStore     *store,
                      gint64       person_id,
                      gint64       case_id,
                      const char  *what,
                      GError     **error)
{
  if (hw_store_query_int (store, 0, "SELECT count(*) FROM people WHERE id = ? AND case_id = ?",
                          G_TYPE_INT64, person_id, G_TYPE_INT64, case_id, G_TYPE_INVALID) == 1)
    return TRUE;
  /* TRANSLATORS: %s is e.g. "The person who does it" */
  return hw_invalid (error, _("%s is not one of the people of this case."), what);
}

/* Trims @text into @out; refuses empty or overlong text. */
static gboolean
clean_text (const char  *text,
            char       **out,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    return hw_invalid (error, _("Please write something first."));
  if (!g_utf8_validate (copy, -1, NULL))
    return hw_invalid (error, _("The text is not valid UTF-8."));
  if (g_utf8_strlen (copy, -1) > MAX_TEXT)
    return hw_invalid (error, _("The text is too long (at most %d characters)."), MAX_TEXT);
  *out = g_steal_pointer (&copy);
  return TRUE;
}

static gboolean
check_phase (const char  *phase,
             GError     **error)
{
  if (hw_choices_valid (HW_CHOICES_MEETING_PHASE, phase))
    return TRUE;
  return hw_invalid (error, _("“%s” is not a step of the meeting agenda."), phase ? phase : "");
}

static gboolean
is_scorable_phase (const char *phase)
{
  return g_strcmp0 (phase, "worries") == 0 || g_strcmp0 (phase, "safety-goals") == 0;
}

/* Meetings ---------------------------------------------------------------- */

gint64
hw_meeting_create (HwStore     *store,
                   gint64       case_id,
                   const char  *kind,
                   const char  *starts_at,
                   GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), 0);

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) != 1)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND, _("This case does not exist (any more)."));
      return 0;
    }
  if (!hw_choices_valid (HW_CHOICES_MEETING_KIND, kind))
    {
      hw_invalid (error, _("“%s” is not a kind of meeting."), kind ? kind : "");
      return 0;
    }
  when = hw_meeting_normalise_datetime (starts_at);
  if (when == NULL)
    {
      hw_invalid (error, _("“%s” is not a possible date and time. Use YYYY-MM-DD HH:MM."),
               starts_at ? starts_at : "");
      return 0;
    }

  meeting = hw_record_new ("meetings");
  hw_record_set_int (meeting, "case_id", case_id);
  hw_record_set_string (meeting, "kind", kind);
  hw_record_set_string (meeting, "starts_at", when);
  return hw_store_insert (store, N_("Add a meeting"), meeting, error);
}

gboolean
hw_meeting_update (HwStore     *store,
                   HwRecord    *meeting,
                   GError     **error)
{
  static const char * const text_columns[] = {
    "place", "video_link", "facilitator", "interpreter", NULL,
  };
  g_autoptr(HwRecord) current = NULL;
  g_autoptr(HwRecord) clean = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (HW_IS_RECORD (meeting), FALSE);
  g_return_val_if_fail (g_strcmp0 (hw_record_get_table (meeting), "meetings") == 0, FALSE);

  current = get_meeting (store, hw_record_get_id (meeting), error);
  if (current == NULL)
    return FALSE;

  clean = hw_record_new ("meetings");
  hw_record_set_id (clean, hw_record_get_id (meeting));

  for (guint i = 0; i < hw_record_get_n_columns (meeting); i++)
    {
      const char *column = hw_record_get_column (meeting, i);
      const char *value = hw_record_get_string (meeting, column);

      if (g_strcmp0 (column, "kind") == 0)
        {
          if (!hw_choices_valid (HW_CHOICES_MEETING_KIND, value))
            return hw_invalid (error, _("“%s” is not a kind of meeting."), value);
          hw_record_set_string (clean, column, value);
        }
      else if (g_strcmp0 (column, "starts_at") == 0)
        {
          g_autofree char *when = hw_meeting_normalise_datetime (value);

          if (when == NULL)
            return hw_invalid (error, _("“%s” is not a possible date and time. Use YYYY-MM-DD HH:MM."), value);
          hw_record_set_string (clean, column, when);
        }
      else if (g_strcmp0 (column, "next_meeting") == 0)
        {
          g_autofree char *next = NULL;

          if (!normalise_next_meeting (value, &next, error))
            return FALSE;
          hw_record_set_string (clean, column, next);
        }
      else if (g_strcmp0 (column, "current_phase") == 0)
        {
          if (!check_phase (value, error))
            return FALSE;
          hw_record_set_string (clean, column, value);
        }
      else if (g_strcmp0 (column, "language") == 0)
        {
          if (*value != '\0' && !hw_choices_valid (HW_CHOICES_LANGUAGE, value))
            return hw_invalid (error, _("“%s” is not a known language."), value);
          hw_record_set_string (clean, column, value);
        }
      else if (g_strcmp0 (column, "confidentiality_acknowledged") == 0)
        hw_record_set_boolean (clean, column, hw_record_get_boolean (meeting, column));
      else if (g_strcmp0 (column, "version") == 0)
        /* the version the change was made on (hw-store.h) */
        hw_record_set_version (clean, hw_record_get_version (meeting));
      else if (g_strv_contains (text_columns, column))
        {
          g_autofree char *v = g_strstrip (g_strdup (value));

          if (!g_utf8_validate (v, -1, NULL) || g_utf8_strlen (v, -1) > MAX_TEXT)
            return hw_invalid (error, _("The text is too long or not valid."));
          hw_record_set_string (clean, column, v);
        }
      else
        return hw_invalid (error, _("A meeting has no field “%s” that can be changed."), column);
    }

  if (!hw_store_update (store, N_("Change the meeting details"), clean, error))
    return FALSE;
  if (hw_record_get_version (meeting) > 0)
    hw_record_set_version (meeting, hw_record_get_version (clean));
  return TRUE;
}

gboolean
hw_meeting_set_phase_at (HwStore     *store,
                         gint64       meeting_id,
                         gint64       version,
                         const char  *phase,
                         GError     **error)
{
  g_autoptr(HwRecord) meeting = hw_record_new ("meetings");

  hw_record_set_id (meeting, meeting_id);
  hw_record_set_string (meeting, "current_phase", phase);
  hw_record_set_version (meeting, version);
  return hw_meeting_update (store, meeting, error);
}

gboolean
hw_meeting_set_phase (HwStore     *store,
                      gint64       meeting_id,
                      const char  *phase,
                      GError     **error)
{
  return hw_meeting_set_phase_at (store, meeting_id, 0, phase, error);
}

gboolean
hw_meeting_delete (HwStore     *store,
                   gint64       meeting_id,
                   GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autofree char *sql = NULL;
  gboolean owned, ok;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (!hw_store_join_edit (store, N_("Delete a meeting"), &owned, error))
    return FALSE;

  /* Children first and explicitly, so that the undo journal holds every
   * row and undo brings the whole meeting back. */
  sql = g_strdup_printf ("DELETE FROM family_plans WHERE meeting_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM meeting_scores WHERE meeting_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM meeting_phase_times WHERE meeting_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM meeting_items WHERE meeting_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM meeting_attendees WHERE meeting_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM meetings WHERE id = %" G_GINT64_FORMAT ";",
                         meeting_id, meeting_id, meeting_id, meeting_id, meeting_id, meeting_id);
  ok = hw_store_exec (store, sql, error);
  return hw_store_leave_edit (store, owned, ok, error);
}

gint64
hw_meeting_get_previous (HwStore *store,
                         gint64   meeting_id)
{
  return hw_store_query_int (store, 0,
                             "SELECT p.id FROM meetings m JOIN meetings p"
                             "  ON p.case_id = m.case_id AND p.id <> m.id"
                             "  AND (p.starts_at < m.starts_at OR (p.starts_at = m.starts_at AND p.id < m.id))"
                             " WHERE m.id = ? ORDER BY p.starts_at DESC, p.id DESC LIMIT 1",
                             G_TYPE_INT64, meeting_id, G_TYPE_INVALID);
}

/* Attendees --------------------------------------------------------------- */

gint64
hw_meeting_add_attendee (HwStore     *store,
                         gint64       meeting_id,
                         gint64       person_id,
                         const char  *role,
                         const char  *attendance,
                         GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean_role = g_strstrip (g_strdup (role ? role : ""));

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return 0;
  if (attendance == NULL)
    attendance = "present";
  if (!hw_choices_valid (HW_CHOICES_ATTENDANCE, attendance))
    {
      hw_invalid (error, _("“%s” is not a kind of attendance."), attendance);
      return 0;
    }
  if (!check_person_in_case (store, person_id, hw_record_get_int (meeting, "case_id"),
                             _("The attendee"), error))
    return 0;
  if (hw_store_query_int (store, 0, "SELECT count(*) FROM meeting_attendees WHERE meeting_id = ? AND person_id = ?",
                          G_TYPE_INT64, meeting_id, G_TYPE_INT64, person_id, G_TYPE_INVALID) > 0)
    {
      hw_invalid (error, _("This person is already on the list of attendees."));
      return 0;
    }
  if (g_utf8_strlen (clean_role, -1) > 200)
    {
      hw_invalid (error, _("The role is too long."));
      return 0;
    }

  row = hw_record_new ("meeting_attendees");
  hw_record_set_int (row, "meeting_id", meeting_id);
  hw_record_set_int (row, "person_id", person_id);
  hw_record_set_string (row, "role", clean_role);
  hw_record_set_string (row, "attendance", attendance);
  return hw_store_insert (store, N_("Add an attendee"), row, error);
}

gboolean
hw_meeting_set_attendee (HwStore     *store,
                         gint64       attendee_id,
                         gint64       version,
                         const char  *role,
                         const char  *attendance,
                         GError     **error)
{
  g_autoptr(HwRecord) row = NULL;
  g_autoptr(GError) local = NULL;

  if (attendee_id <= 0 || !(row = hw_store_get (store, "meeting_attendees", attendee_id, &local)))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND, _("This attendee is not on the list (any more)."));
      return FALSE;
    }
  g_clear_object (&row);
  row = hw_record_new ("meeting_attendees");
  hw_record_set_id (row, attendee_id);
  if (attendance != NULL)
    {
      if (!hw_choices_valid (HW_CHOICES_ATTENDANCE, attendance))
        return hw_invalid (error, _("“%s” is not a kind of attendance."), attendance);
      hw_record_set_string (row, "attendance", attendance);
    }
  if (role != NULL)
    {
      g_autofree char *clean_role = g_strstrip (g_strdup (role));

      if (g_utf8_strlen (clean_role, -1) > 200)
        return hw_invalid (error, _("The role is too long."));
      hw_record_set_string (row, "role", clean_role);
    }
  hw_record_set_version (row, version);
  return hw_store_update (store, N_("Change an attendee"), row, error);
}

gboolean
hw_meeting_remove_attendee (HwStore     *store,
                            gint64       attendee_id,
                            GError     **error)
{
  g_autoptr(HwRecord) row = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *sql = NULL;
  gboolean owned, ok;

  if (attendee_id <= 0 || !(row = hw_store_get (store, "meeting_attendees", attendee_id, &local)))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND, _("This attendee is not on the list (any more)."));
      return FALSE;
    }
  if (!hw_store_join_edit (store, N_("Remove an attendee"), &owned, error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM meeting_scores WHERE meeting_id = %" G_GINT64_FORMAT
                         " AND person_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM meeting_attendees WHERE id = %" G_GINT64_FORMAT ";",
                         hw_record_get_int (row, "meeting_id"), hw_record_get_int (row, "person_id"),
                         attendee_id);
  ok = hw_store_exec (store, sql, error);
  return hw_store_leave_edit (store, owned, ok, error);
}

/* Items ------------------------------------------------------------------- */

static gint64
insert_item (HwStore     *store,
             const char  *label,
             gint64       meeting_id,
             const char  *phase,
             HwRecord    *row,
             GError     **error)
{
  gint64 position = hw_store_query_int (store, 0,
                                        "SELECT coalesce(max(position), -1) + 1 FROM meeting_items"
                                        " WHERE meeting_id = ? AND phase = ?",
                                        G_TYPE_INT64, meeting_id, G_TYPE_STRING, phase, G_TYPE_INVALID);

  hw_record_set_int (row, "meeting_id", meeting_id);
  hw_record_set_string (row, "phase", phase);
  hw_record_set_int (row, "position", position);
  return hw_store_insert (store, label, row, error);
}

gint64
hw_meeting_add_item (HwStore     *store,
                     gint64       meeting_id,
                     const char  *phase,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean = NULL;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return 0;
  if (!check_phase (phase, error) || !clean_text (text, &clean, error))
    return 0;

  row = hw_record_new ("meeting_items");
  hw_record_set_string (row, "text", clean);
  return insert_item (store, N_("Add an item to the meeting"), meeting_id, phase, row, error);
}

static gboolean
check_taking_part (HwStore     *store,
                   gint64       meeting_id,
                   gint64       person_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) att = NULL;
  const char *attendance;

  att = hw_store_select (store, "meeting_attendees", NULL,
                         "SELECT id, attendance FROM meeting_attendees WHERE meeting_id = ? AND person_id = ?",
                         G_TYPE_INT64, meeting_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  if (att == NULL || att->len == 0)
    return hw_invalid (error, _("Only someone on the list of attendees can add to the meeting."));
  attendance = hw_record_get_string (g_ptr_array_index (att, 0), "attendance");
  if (g_strcmp0 (attendance, "present") != 0 && g_strcmp0 (attendance, "remote") != 0)
    return hw_invalid (error, _("Only someone taking part (in the room, by phone or video) can add to the meeting."));
  return TRUE;
}

gint64
hw_meeting_add_contribution (HwStore     *store,
                             gint64       meeting_id,
                             gint64       author_person_id,
                             const char  *contribution,
                             const char  *text,
                             GError     **error)
{
  static const char * const kinds[] = { "strength", "worry", "idea", "question", NULL };
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean = NULL;
  const char *phase;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return 0;
  if (contribution == NULL || !g_strv_contains (kinds, contribution))
    {
      hw_invalid (error, _("Choose whether it is a strength, a worry, an idea or a question."));
      return 0;
    }
  if (!check_taking_part (store, meeting_id, author_person_id, error))
    return 0;
  if (!clean_text (text, &clean, error))
    return 0;
  phase = hw_record_get_string (meeting, "current_phase");
  if (!check_phase (phase, error))
    return 0;

  row = hw_record_new ("meeting_items");
  hw_record_set_string (row, "text", clean);
  hw_record_set_int (row, "author_person_id", author_person_id);
  hw_record_set_string (row, "contribution", contribution);
  hw_record_set_boolean (row, "hidden", TRUE);
  return insert_item (store, N_("Add an item sent from a phone"), meeting_id, phase, row, error);
}

gboolean
hw_meeting_set_item_hidden (HwStore     *store,
                            gint64       item_id,
                            gboolean     hidden,
                            GError     **error)
{
  return hw_meeting_set_item_hidden_at (store, item_id, 0, hidden, error);
}

gboolean
hw_meeting_set_item_hidden_at (HwStore     *store,
                               gint64       item_id,
                               gint64       version,
                               gboolean     hidden,
                               GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwRecord) row = NULL;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return FALSE;
  row = hw_record_new ("meeting_items");
  hw_record_set_id (row, item_id);
  hw_record_set_boolean (row, "hidden", hidden);
  hw_record_set_version (row, version);
  return hw_store_update (store, hidden ? N_("Hide an item from the screen")
                                        : N_("Show an item on the screen"), row, error);
}

gboolean
hw_meeting_set_scores_revealed (HwStore     *store,
                                gint64       meeting_id,
                                gboolean     revealed,
                                GError     **error)
{
  return hw_meeting_set_scores_revealed_at (store, meeting_id, 0, revealed, error);
}

gboolean
hw_meeting_set_scores_revealed_at (HwStore     *store,
                                   gint64       meeting_id,
                                   gint64       version,
                                   gboolean     revealed,
                                   GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) row = NULL;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  row = hw_record_new ("meetings");
  hw_record_set_id (row, meeting_id);
  hw_record_set_boolean (row, "scores_revealed", revealed);
  hw_record_set_version (row, version);
  return hw_store_update (store, revealed ? N_("Reveal the scores") : N_("Hide the scores again"),
                          row, error);
}

gboolean
hw_meeting_edit_item_at (HwStore     *store,
                         gint64       item_id,
                         gint64       version,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean = NULL;

  item = get_item (store, item_id, error);
  if (item == NULL || !clean_text (text, &clean, error))
    return FALSE;

  row = hw_record_new ("meeting_items");
  hw_record_set_id (row, item_id);
  hw_record_set_string (row, "text", clean);
  hw_record_set_version (row, version);
  return hw_store_update (store, N_("Change an item of the meeting"), row, error);
}

gboolean
hw_meeting_edit_item (HwStore     *store,
                      gint64       item_id,
                      const char  *text,
                      GError     **error)
{
  return hw_meeting_edit_item_at (store, item_id, 0, text, error);
}

gboolean
hw_meeting_set_item_confidential (HwStore     *store,
                                  gint64       item_id,
                                  gboolean     confidential,
                                  const char  *withheld_from,
                                  GError     **error)
{
  return hw_meeting_set_item_confidential_at (store, item_id, 0, confidential, withheld_from,
                                              error);
}

gboolean
hw_meeting_set_item_confidential_at (HwStore     *store,
                                     gint64       item_id,
                                     gint64       version,
                                     gboolean     confidential,
                                     const char  *withheld_from,
                                     GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *set = NULL;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return FALSE;
  {
    g_autoptr(GError) local = NULL;

    /* reported as invalid input, like every other refusal here */
    if (!hw_recipient_normalise_set (withheld_from ? withheld_from : "", &set, &local))
      return hw_invalid (error, "%s", local->message);
  }

  row = hw_record_new ("meeting_items");
  hw_record_set_id (row, item_id);
  hw_record_set_boolean (row, "confidential", confidential);
  hw_record_set_string (row, "withheld_from", set);
  hw_record_set_version (row, version);
  return hw_store_update (store, N_("Change who may see an item"), row, error);
}

/* Gives the items of a phase positions 0, 1, 2... in @ids' order. */
static gboolean
write_positions (HwStore       *store,
                 const gint64  *ids,
                 guint          n,
                 GError       **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HwRecord) row = hw_record_new ("meeting_items");

      if (hw_store_query_int (store, -1, "SELECT position FROM meeting_items WHERE id = ?",
                              G_TYPE_INT64, ids[i], G_TYPE_INVALID) == (gint64) i)
        continue;
      hw_record_set_id (row, ids[i]);
      hw_record_set_int (row, "position", i);
      if (!hw_store_update (store, NULL, row, error))
        return FALSE;
    }
  return TRUE;
}

static GArray *
phase_ids (HwStore    *store,
           gint64      meeting_id,
           const char *phase)
{
  g_autoptr(GPtrArray) rows = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  rows = hw_store_select (store, "meeting_items", NULL,
                          "SELECT id FROM meeting_items WHERE meeting_id = ? AND phase = ?"
                          " ORDER BY position, id",
                          G_TYPE_INT64, meeting_id, G_TYPE_STRING, phase, G_TYPE_INVALID);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      gint64 id = hw_record_get_id (g_ptr_array_index (rows, i));
      g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
hw_meeting_delete_item (HwStore     *store,
                        gint64       item_id,
                        GError     **error)
{
  return hw_meeting_delete_item_at (store, item_id, 0, error);
}

gboolean
hw_meeting_delete_item_at (HwStore     *store,
                           gint64       item_id,
                           gint64       version,
                           GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sql = NULL;
  gboolean owned, ok;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return FALSE;

  /* changed since it was shown: nothing is removed, its scores neither
   * (the item's delete below checks again, inside the edit) */
  if (version > 0 && hw_record_get_version (item) != version)
    {
      hw_store_set_conflict (error, TRUE);
      return FALSE;
    }
  if (!hw_store_join_edit (store, N_("Delete an item of the meeting"), &owned, error))
    return FALSE;

  sql = g_strdup_printf ("DELETE FROM meeting_scores WHERE item_id = %" G_GINT64_FORMAT ";",
                         item_id);
  ok = hw_store_exec (store, sql, error) &&
       hw_store_delete_at (store, NULL, "meeting_items", item_id, version, error);
  if (ok)
    {
      ids = phase_ids (store, hw_record_get_int (item, "meeting_id"), hw_record_get_string (item, "phase"));
      ok = write_positions (store, (const gint64 *) ids->data, ids->len, error);
    }
  return hw_store_leave_edit (store, owned, ok, error);
}

/* "A" and "B" as two sentences: "A. B" ("A B" if A already ends one);
 * only A when both are the same words. */
static char *
join_texts (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  gunichar last;

  if (g_strcmp0 (fa, fb) == 0)
    return g_strdup (a);
  last = g_utf8_get_char (g_utf8_prev_char (a + strlen (a)));
  if (g_unichar_ispunct (last))
    return g_strconcat (a, " ", b, NULL);
  return g_strconcat (a, ". ", b, NULL);
}

/* Adds @person (0: nobody) to the two authors @first, @second; FALSE if
 * there is no room left. */
static gboolean
add_author (gint64 *first,
            gint64 *second,
            gint64  person)
{
  if (person == 0 || person == *first || person == *second)
    return TRUE;
  if (*first == 0)
    *first = person;
  else if (*second == 0)
    *second = person;
  else
    return FALSE;
  return TRUE;
}

gboolean
hw_meeting_merge_items (HwStore     *store,
                        gint64       keep_id,
                        gint64       other_id,
                        GError     **error)
{
  g_autoptr(HwRecord) keep = NULL;
  g_autoptr(HwRecord) other = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *withheld = NULL;
  g_autofree char *withheld_set = NULL;
  g_autofree char *sql = NULL;
  gint64 first = 0, second = 0;
  gboolean owned, ok;

  keep = get_item (store, keep_id, error);
  if (keep == NULL)
    return FALSE;
  other = get_item (store, other_id, error);
  if (other == NULL)
    return FALSE;
  if (keep_id == other_id)
    return hw_invalid (error, _("Choose two different items to merge."));
  if (hw_record_get_int (keep, "meeting_id") != hw_record_get_int (other, "meeting_id"))
    return hw_invalid (error, _("Only items of the same meeting can be merged."));
  if (g_strcmp0 (hw_record_get_string (keep, "phase"), hw_record_get_string (other, "phase")) != 0)
    return hw_invalid (error, _("Only items of the same step can be merged."));
  if (hw_store_query_int (store, 0,
                          "SELECT count(*) FROM meeting_scores a JOIN meeting_scores b"
                          " ON a.person_id = b.person_id WHERE a.item_id = ? AND b.item_id = ?",
                          G_TYPE_INT64, keep_id, G_TYPE_INT64, other_id, G_TYPE_INVALID) > 0)
    return hw_invalid (error, _("Someone gave a score to both items. Delete one of those scores "
                                "first, so that no score is lost."));

  add_author (&first, &second, hw_record_get_int (keep, "author_person_id"));
  add_author (&first, &second, hw_record_get_int (keep, "coauthor_person_id"));
  if (!add_author (&first, &second, hw_record_get_int (other, "author_person_id")) ||
      !add_author (&first, &second, hw_record_get_int (other, "coauthor_person_id")))
    return hw_invalid (error, _("An item can name at most two people who wrote it; these items "
                                "were written by more."));

  joined = join_texts (hw_record_get_string (keep, "text"), hw_record_get_string (other, "text"));
  if (!clean_text (joined, &clean, error))
    {
      g_clear_error (error);
      return hw_invalid (error, _("Together the two items are too long (at most %d characters). "
                                  "Shorten one of them first."), MAX_TEXT);
    }
  withheld = g_strjoin (",", hw_record_get_string (keep, "withheld_from"),
                        hw_record_get_string (other, "withheld_from"), NULL);
  {
    g_autoptr(GError) local = NULL;

    if (!hw_recipient_normalise_set (withheld, &withheld_set, &local))
      return hw_invalid (error, "%s", local->message);
  }

  if (!hw_store_join_edit (store, N_("Merge two items of the meeting"), &owned, error))
    return FALSE;

  row = hw_record_new ("meeting_items");
  hw_record_set_id (row, keep_id);
  hw_record_set_string (row, "text", clean);
  if (first != 0)
    hw_record_set_int (row, "author_person_id", first);
  if (second != 0)
    hw_record_set_int (row, "coauthor_person_id", second);
  if (*hw_record_get_string (keep, "contribution") == '\0')
    hw_record_set_string (row, "contribution", hw_record_get_string (other, "contribution"));
  hw_record_set_boolean (row, "confidential", hw_record_get_boolean (keep, "confidential") ||
                                              hw_record_get_boolean (other, "confidential"));
  hw_record_set_string (row, "withheld_from", withheld_set);
  hw_record_set_boolean (row, "hidden", hw_record_get_boolean (keep, "hidden") ||
                                        hw_record_get_boolean (other, "hidden"));
  ok = hw_store_update (store, NULL, row, error);
  if (ok)
    {
      sql = g_strdup_printf ("UPDATE meeting_scores SET item_id = %" G_GINT64_FORMAT
                             " WHERE item_id = %" G_GINT64_FORMAT ";"
                             "DELETE FROM meeting_items WHERE id = %" G_GINT64_FORMAT ";",
                             keep_id, other_id, other_id);
      ok = hw_store_exec (store, sql, error);
    }
  if (ok)
    {
      ids = phase_ids (store, hw_record_get_int (keep, "meeting_id"), hw_record_get_string (keep, "phase"));
      ok = write_positions (store, (const gint64 *) ids->data, ids->len, error);
    }
  return hw_store_leave_edit (store, owned, ok, error);
}

gboolean
hw_meeting_reorder_items (HwStore       *store,
                          const gint64  *item_ids,
                          guint          n_items,
                          GError       **error)
{
  g_autoptr(HwRecord) first = NULL;
  g_autoptr(GArray) current = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *phase;
  gint64 meeting_id;
  gboolean owned, ok;

  if (n_items == 0)
    return hw_invalid (error, _("There is nothing to put in order."));
  first = get_item (store, item_ids[0], error);
  if (first == NULL)
    return FALSE;
  meeting_id = hw_record_get_int (first, "meeting_id");
  phase = hw_record_get_string (first, "phase");

  /* The new order must be a permutation of exactly the phase's items. */
  current = phase_ids (store, meeting_id, phase);
  if (current->len != n_items)
    return hw_invalid (error, _("The new order must list every item of this step once."));
  for (guint i = 0; i < n_items; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < current->len && !found; j++)
        found = g_array_index (current, gint64, j) == item_ids[i];
      if (!found || g_hash_table_contains (seen, &item_ids[i]))
        return hw_invalid (error, _("The new order must list every item of this step once."));
      g_hash_table_add (seen, (gpointer) &item_ids[i]);
    }

  if (!hw_store_join_edit (store, N_("Change the order of items"), &owned, error))
    return FALSE;
  ok = write_positions (store, item_ids, n_items, error);
  return hw_store_leave_edit (store, owned, ok, error);
}

gboolean
hw_meeting_move_item (HwStore     *store,
                      gint64       item_id,
                      int          delta,
                      GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(GArray) ids = NULL;
  guint from = G_MAXUINT;
  int to;
  gint64 moved;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return FALSE;
  ids = phase_ids (store, hw_record_get_int (item, "meeting_id"), hw_record_get_string (item, "phase"));
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == item_id)
      from = i;
  g_assert (from != G_MAXUINT);

  to = (int) from + delta;
  if (delta == 0 || to < 0 || to >= (int) ids->len)
    return hw_invalid (error, delta < 0 ? _("This item is already at the top.") : _("This item is already at the bottom."));

  moved = g_array_index (ids, gint64, from);
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, to, moved);
  return hw_meeting_reorder_items (store, (const gint64 *) ids->data, ids->len, error);
}

GPtrArray *
hw_meeting_list_items (HwStore           *store,
                       gint64             meeting_id,
                       const char        *phase,
                       const HwRecipient *recipient,
                       GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *out;
  const HwChoice *phases;
  guint n_phases;

  if (phase != NULL && !check_phase (phase, error))
    return NULL;

  /* with a recipient, the items sent from phones that wait for the
   * facilitator are not even read: during a meeting they pile up, and
   * every phone's page asks for its step (bench-join-phones) */
  rows = hw_store_select (store, "meeting_items", error,
                          "SELECT * FROM meeting_items WHERE meeting_id = ?"
                          " AND (CAST(?2 AS TEXT) IS NULL OR phase = ?2) AND (?3 = 0 OR hidden = 0)"
                          " ORDER BY position, id",
                          G_TYPE_INT64, meeting_id, G_TYPE_STRING, phase,
                          G_TYPE_INT64, (gint64) (recipient != NULL), G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;

  /* In agenda order, then by position; only what the recipient may see. */
  out = g_ptr_array_new_with_free_func (g_object_unref);
  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n_phases);
  for (guint p = 0; p < n_phases; p++)
    for (guint i = 0; i < rows->len; i++)
      {
        HwRecord *row = g_ptr_array_index (rows, i);

        if (g_strcmp0 (hw_record_get_string (row, "phase"), phases[p].id) != 0)
          continue;
        if (recipient != NULL && !hw_recipient_may_see_record (recipient, row))
          continue;
        /* sent from a phone and not yet let through by the facilitator:
         * in no copy and not on the room's screen */
        if (recipient != NULL && hw_record_get_boolean (row, "hidden"))
          continue;
        g_ptr_array_add (out, g_object_ref (row));
      }
  return out;
}

/* Decisions and actions --------------------------------------------------- */

static gboolean
check_decision (gboolean     consensus,
                const char  *dissent,
                char       **clean_dissent,
                GError     **error)
{
  g_autofree char *d = g_strstrip (g_strdup (dissent ? dissent : ""));

  if (!consensus && *d == '\0')
    return hw_invalid (error, _("Without agreement, write down who disagreed and why."));
  if (g_utf8_strlen (d, -1) > MAX_TEXT)
    return hw_invalid (error, _("The text is too long (at most %d characters)."), MAX_TEXT);
  /* With everyone agreeing there is no dissent to keep. */
  *clean_dissent = consensus ? g_strdup ("") : g_steal_pointer (&d);
  return TRUE;
}

gint64
hw_meeting_add_decision (HwStore     *store,
                         gint64       meeting_id,
                         const char  *text,
                         gboolean     consensus,
                         const char  *dissent,
                         GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *clean_dissent = NULL;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL || !clean_text (text, &clean, error) ||
      !check_decision (consensus, dissent, &clean_dissent, error))
    return 0;

  row = hw_record_new ("meeting_items");
  hw_record_set_string (row, "text", clean);
  hw_record_set_boolean (row, "consensus", consensus);
  hw_record_set_string (row, "dissent", clean_dissent);
  return insert_item (store, N_("Add a decision"), meeting_id, "decisions", row, error);
}

gboolean
hw_meeting_set_decision (HwStore     *store,
                         gint64       item_id,
                         gint64       version,
                         gboolean     consensus,
                         const char  *dissent,
                         GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean_dissent = NULL;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return FALSE;
  if (g_strcmp0 (hw_record_get_string (item, "phase"), "decisions") != 0)
    return hw_invalid (error, _("Only a decision can be agreed or disagreed with."));
  if (!check_decision (consensus, dissent, &clean_dissent, error))
    return FALSE;

  row = hw_record_new ("meeting_items");
  hw_record_set_id (row, item_id);
  hw_record_set_boolean (row, "consensus", consensus);
  hw_record_set_string (row, "dissent", clean_dissent);
  hw_record_set_version (row, version);
  return hw_store_update (store, N_("Change a decision"), row, error);
}

static gboolean
check_action (HwStore     *store,
              gint64       case_id,
              gint64       owner,
              gint64       checker,
              const char  *due_date,
              GError     **error)
{
  if (owner < 0 || checker < 0)
    return hw_invalid (error, _("Unknown person."));
  if (owner > 0 && !check_person_in_case (store, owner, case_id, _("The person who does it"), error))
    return FALSE;
  if (checker > 0 && !check_person_in_case (store, checker, case_id, _("The person who checks it"), error))
    return FALSE;
  if (due_date != NULL && *due_date != '\0' && !hw_meeting_valid_date (due_date))
    return hw_invalid (error, _("“%s” is not a possible date. Use YYYY-MM-DD, for example 2026-05-31."), due_date);
  return TRUE;
}

static void
set_action_columns (HwRecord    *row,
                    gint64       owner,
                    gint64       checker,
                    const char  *due_date)
{
  hw_record_set_ref (row, "owner_person_id", owner);
  hw_record_set_ref (row, "checker_person_id", checker);
  hw_record_set_string (row, "due_date", due_date ? due_date : "");
}

gint64
hw_meeting_add_action (HwStore     *store,
                       gint64       meeting_id,
                       const char  *text,
                       gint64       owner_person_id,
                       gint64       checker_person_id,
                       const char  *due_date,
                       GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean = NULL;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL || !clean_text (text, &clean, error) ||
      !check_action (store, hw_record_get_int (meeting, "case_id"),
                     owner_person_id, checker_person_id, due_date, error))
    return 0;

  row = hw_record_new ("meeting_items");
  hw_record_set_string (row, "text", clean);
  set_action_columns (row, owner_person_id, checker_person_id, due_date);
  return insert_item (store, N_("Add a next step"), meeting_id, "actions", row, error);
}

gboolean
hw_meeting_set_action (HwStore     *store,
                       gint64       item_id,
                       gint64       version,
                       gint64       owner_person_id,
                       gint64       checker_person_id,
                       const char  *due_date,
                       GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwRecord) row = NULL;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return FALSE;
  if (g_strcmp0 (hw_record_get_string (item, "phase"), "actions") != 0)
    return hw_invalid (error, _("Only a next step has someone who does it and a date."));
  if (!check_action (store, case_of_meeting (store, hw_record_get_int (item, "meeting_id")),
                     owner_person_id, checker_person_id, due_date, error))
    return FALSE;

  row = hw_record_new ("meeting_items");
  hw_record_set_id (row, item_id);
  set_action_columns (row, owner_person_id, checker_person_id, due_date);
  hw_record_set_version (row, version);
  return hw_store_update (store, N_("Change a next step"), row, error);
}

/* Finds or makes the goal that collects the actions of a meeting:
 * need "child-safety" of the case > goal "Actions from the family meeting
 * of <date>". */
static gint64
meeting_goal (HwStore     *store,
              HwRecord    *meeting,
              GError     **error)
{
  gint64 case_id = hw_record_get_int (meeting, "case_id");
  g_autofree char *date = g_strndup (hw_record_get_string (meeting, "starts_at"), 10);
  g_autofree char *text = g_strdup_printf (_("Actions from the family meeting of %s"), date);
  gint64 need_id, goal_id;

  need_id = hw_store_query_int (store, 0,
                                "SELECT id FROM needs WHERE case_id = ? AND domain = 'child-safety'"
                                " ORDER BY position, id LIMIT 1",
                                G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (need_id == 0)
    {
      g_autoptr(HwRecord) need = hw_record_new ("needs");

      hw_record_set_int (need, "case_id", case_id);
      hw_record_set_string (need, "domain", "child-safety");
      hw_record_set_int (need, "position",
                         hw_store_query_int (store, 0, "SELECT coalesce(max(position), -1) + 1 FROM needs WHERE case_id = ?",
                                             G_TYPE_INT64, case_id, G_TYPE_INVALID));
      need_id = hw_store_insert (store, NULL, need, error);
      if (need_id == 0)
        return 0;
    }

  goal_id = hw_store_query_int (store, 0, "SELECT id FROM goals WHERE need_id = ? AND text = ? LIMIT 1",
                                G_TYPE_INT64, need_id, G_TYPE_STRING, text, G_TYPE_INVALID);
  if (goal_id == 0)
    {
      g_autoptr(HwRecord) goal = hw_record_new ("goals");

      hw_record_set_int (goal, "need_id", need_id);
      hw_record_set_string (goal, "text", text);
      hw_record_set_int (goal, "position",
                         hw_store_query_int (store, 0, "SELECT coalesce(max(position), -1) + 1 FROM goals WHERE need_id = ?",
                                             G_TYPE_INT64, need_id, G_TYPE_INVALID));
      goal_id = hw_store_insert (store, NULL, goal, error);
    }
  return goal_id;
}

gint64
hw_meeting_action_to_task (HwStore     *store,
                           gint64       item_id,
                           gint64       goal_id,
                           GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) task = NULL;
  g_autoptr(HwRecord) link = NULL;
  gint64 case_id, task_id = 0;
  gboolean owned, ok = FALSE;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return 0;
  if (g_strcmp0 (hw_record_get_string (item, "phase"), "actions") != 0)
    {
      hw_invalid (error, _("Only a next step can become a task of the service plan."));
      return 0;
    }
  if (!hw_record_is_null (item, "task_id") &&
      hw_store_query_int (store, 0, "SELECT count(*) FROM tasks WHERE id = ?",
                          G_TYPE_INT64, hw_record_get_int (item, "task_id"), G_TYPE_INVALID) > 0)
    {
      hw_invalid (error, _("This next step is already a task of the service plan."));
      return 0;
    }
  meeting = get_meeting (store, hw_record_get_int (item, "meeting_id"), error);
  if (meeting == NULL)
    return 0;
  case_id = hw_record_get_int (meeting, "case_id");
  if (goal_id != 0 &&
      hw_store_query_int (store, 0, "SELECT count(*) FROM goals g JOIN needs n ON n.id = g.need_id"
                          " WHERE g.id = ? AND n.case_id = ?",
                          G_TYPE_INT64, goal_id, G_TYPE_INT64, case_id, G_TYPE_INVALID) != 1)
    {
      hw_invalid (error, _("This goal is not part of this family’s service plan."));
      return 0;
    }

  if (!hw_store_join_edit (store, N_("Make a next step a task of the service plan"), &owned, error))
    return 0;

  if (goal_id == 0)
    goal_id = meeting_goal (store, meeting, error);
  if (goal_id != 0)
    {
      task = hw_record_new ("tasks");
      hw_record_set_int (task, "goal_id", goal_id);
      hw_record_set_string (task, "description", hw_record_get_string (item, "text"));
      hw_record_set_ref (task, "responsible_person_id", hw_record_get_int (item, "owner_person_id"));
      {
        /* the step was agreed on the day of the meeting */
        g_autofree char *agreed = g_strndup (hw_record_get_string (meeting, "starts_at"), 10);
        hw_record_set_string (task, "start_date", agreed);
      }
      hw_record_set_string (task, "target_date", hw_record_get_string (item, "due_date"));
      hw_record_set_string (task, "status", "not-started");
      hw_record_set_int (task, "position",
                         hw_store_query_int (store, 0, "SELECT coalesce(max(position), -1) + 1 FROM tasks WHERE goal_id = ?",
                                             G_TYPE_INT64, goal_id, G_TYPE_INVALID));
      task_id = hw_store_insert (store, NULL, task, error);
    }
  if (task_id != 0)
    {
      link = hw_record_new ("meeting_items");
      hw_record_set_id (link, item_id);
      hw_record_set_int (link, "task_id", task_id);
      ok = hw_store_update (store, NULL, link, error);
    }
  if (!hw_store_leave_edit (store, owned, ok, error))
    return 0;
  return task_id;
}

/* Scores ------------------------------------------------------------------ */

static gint64 set_score (HwStore *store, gint64 item_id, gint64 person_id, gboolean check,
                         gint64 version, int score, const char *reason, GError **error);

gint64
hw_meeting_set_score (HwStore     *store,
                      gint64       item_id,
                      gint64       person_id,
                      int          score,
                      const char  *reason,
                      GError     **error)
{
  return set_score (store, item_id, person_id, FALSE, 0, score, reason, error);
}

gint64
hw_meeting_set_score_at (HwStore     *store,
                         gint64       item_id,
                         gint64       person_id,
                         gint64       version,
                         int          score,
                         const char  *reason,
                         GError     **error)
{
  return set_score (store, item_id, person_id, TRUE, version, score, reason, error);
}

/* @check: saved only over the score row at @version (0: there was none) */
static gint64
set_score (HwStore     *store,
           gint64       item_id,
           gint64       person_id,
           gboolean     check,
           gint64       version,
           int          score,
           const char  *reason,
           GError     **error)
{
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *clean_reason = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *attendance = NULL;
  g_autoptr(GPtrArray) att = NULL;
  gint64 meeting_id, existing;

  item = get_item (store, item_id, error);
  if (item == NULL)
    return 0;
  if (!is_scorable_phase (hw_record_get_string (item, "phase")))
    {
      hw_invalid (error, _("Only a worry or a safety goal can be scaled from 0 to 10."));
      return 0;
    }
  if (score < 0 || score > 10)
    {
      hw_invalid (error, _("A score goes from 0 to 10, not %d."), score);
      return 0;
    }
  if (g_utf8_strlen (clean_reason, -1) > MAX_TEXT)
    {
      hw_invalid (error, _("The text is too long (at most %d characters)."), MAX_TEXT);
      return 0;
    }
  meeting_id = hw_record_get_int (item, "meeting_id");
  att = hw_store_select (store, "meeting_attendees", NULL,
                         "SELECT id, attendance FROM meeting_attendees WHERE meeting_id = ? AND person_id = ?",
                         G_TYPE_INT64, meeting_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  if (att == NULL || att->len == 0)
    {
      hw_invalid (error, _("Only someone on the list of attendees can give a score."));
      return 0;
    }
  attendance = g_strdup (hw_record_get_string (g_ptr_array_index (att, 0), "attendance"));
  if (g_strcmp0 (attendance, "present") != 0 && g_strcmp0 (attendance, "remote") != 0)
    {
      hw_invalid (error, _("Only someone taking part (in the room, by phone or video) can give a score."));
      return 0;
    }

  row = hw_record_new ("meeting_scores");
  existing = hw_store_query_int (store, 0, "SELECT id FROM meeting_scores WHERE item_id = ? AND person_id = ?",
                                 G_TYPE_INT64, item_id, G_TYPE_INT64, person_id, G_TYPE_INVALID);
  hw_record_set_int (row, "score", score);
  hw_record_set_string (row, "reason", clean_reason);
  /* someone else scored it since "not scored yet" was shown */
  if (check && version == 0 && existing != 0)
    {
      hw_store_set_conflict (error, FALSE);
      return 0;
    }
  if (existing != 0)
    {
      hw_record_set_id (row, existing);
      if (check)
        hw_record_set_version (row, version);
      if (!hw_store_update (store, N_("Change a score"), row, error))
        return 0;
      return existing;
    }
  hw_record_set_int (row, "meeting_id", meeting_id);
  hw_record_set_int (row, "item_id", item_id);
  hw_record_set_int (row, "person_id", person_id);
  return hw_store_insert (store, N_("Add a score"), row, error);
}

gboolean
hw_meeting_delete_score (HwStore     *store,
                         gint64       score_id,
                         GError     **error)
{
  return hw_meeting_delete_score_at (store, score_id, 0, error);
}

gboolean
hw_meeting_delete_score_at (HwStore     *store,
                            gint64       score_id,
                            gint64       version,
                            GError     **error)
{
  return hw_store_delete_at (store, N_("Delete a score"), "meeting_scores", score_id, version,
                             error);
}

void
hw_score_change_free (HwScoreChange *change)
{
  if (change == NULL)
    return;
  g_free (change->statement);
  g_free (change);
}

static char *
statement_key (gint64      person_id,
               const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT);

  return g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", person_id, normal ? normal : folded);
}

static const char scores_sql[] =
  "SELECT s.id, s.person_id, s.score, i.text, i.phase, i.position FROM meeting_scores s"
  " JOIN meeting_items i ON i.id = s.item_id WHERE s.meeting_id = ?"
  " ORDER BY i.phase = 'safety-goals', i.position, i.id, s.person_id";

GPtrArray *
hw_meeting_score_changes (HwStore     *store,
                          gint64       earlier_id,
                          gint64       later_id,
                          GError     **error)
{
  g_autoptr(HwRecord) earlier = NULL;
  g_autoptr(HwRecord) later = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out;

  earlier = get_meeting (store, earlier_id, error);
  if (earlier == NULL)
    return NULL;
  later = get_meeting (store, later_id, error);
  if (later == NULL)
    return NULL;
  if (hw_record_get_int (earlier, "case_id") != hw_record_get_int (later, "case_id"))
    {
      hw_invalid (error, _("The two meetings are not about the same family."));
      return NULL;
    }

  before = hw_store_select (store, "meeting_scores", error, scores_sql, G_TYPE_INT64, earlier_id, G_TYPE_INVALID);
  if (before == NULL)
    return NULL;
  after = hw_store_select (store, "meeting_scores", error, scores_sql, G_TYPE_INT64, later_id, G_TYPE_INVALID);
  if (after == NULL)
    return NULL;

  for (guint i = 0; i < before->len; i++)
    {
      HwRecord *r = g_ptr_array_index (before, i);

      g_hash_table_insert (map, statement_key (hw_record_get_int (r, "person_id"), hw_record_get_string (r, "text")),
                           GINT_TO_POINTER (hw_record_get_int (r, "score") + 1));
    }

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_score_change_free);
  for (guint i = 0; i < after->len; i++)
    {
      HwRecord *r = g_ptr_array_index (after, i);
      g_autofree char *key = statement_key (hw_record_get_int (r, "person_id"), hw_record_get_string (r, "text"));
      HwScoreChange *change = g_new0 (HwScoreChange, 1);

      change->statement = g_strdup (hw_record_get_string (r, "text"));
      change->person_id = hw_record_get_int (r, "person_id");
      change->after = hw_record_get_int (r, "score");
      change->before = GPOINTER_TO_INT (g_hash_table_lookup (map, key)) - 1;
      g_ptr_array_add (out, change);
    }
  return out;
}

/* Phase timer ------------------------------------------------------------- */

gboolean
hw_meeting_add_phase_time (HwStore     *store,
                           gint64       meeting_id,
                           const char  *phase,
                           gint64       seconds,
                           GError     **error)
{
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(HwRecord) row = hw_record_new ("meeting_phase_times");
  gint64 existing;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL || !check_phase (phase, error))
    return FALSE;
  /* A day is far more than any meeting: anything else is a clock error. */
  if (seconds <= 0 || seconds > 24 * 3600)
    return hw_invalid (error, _("The time to add must be between 1 second and 24 hours."));

  existing = hw_store_query_int (store, 0, "SELECT id FROM meeting_phase_times WHERE meeting_id = ? AND phase = ?",
                                 G_TYPE_INT64, meeting_id, G_TYPE_STRING, phase, G_TYPE_INVALID);
  if (existing != 0)
    {
      hw_record_set_id (row, existing);
      hw_record_set_int (row, "seconds", hw_meeting_get_phase_time (store, meeting_id, phase) + seconds);
      return hw_store_update (store, N_("Record the time of a step"), row, error);
    }
  hw_record_set_int (row, "meeting_id", meeting_id);
  hw_record_set_string (row, "phase", phase);
  hw_record_set_int (row, "seconds", seconds);
  return hw_store_insert (store, N_("Record the time of a step"), row, error) != 0;
}

gint64
hw_meeting_get_phase_time (HwStore     *store,
                           gint64       meeting_id,
                           const char  *phase)
{
  return hw_store_query_int (store, 0, "SELECT seconds FROM meeting_phase_times WHERE meeting_id = ? AND phase = ?",
                             G_TYPE_INT64, meeting_id, G_TYPE_STRING, phase, G_TYPE_INVALID);
}

/* Presentation model ------------------------------------------------------ */

static void
presentation_item_free (gpointer data)
{
  HwPresentationItem *item = data;

  g_free (item->text);
  g_free (item->detail);
  g_free (item->due);
  g_free (item);
}

static void
presentation_mark_free (gpointer data)
{
  HwPresentationMark *mark = data;

  g_free (mark->label);
  g_free (mark);
}

static void
presentation_scale_free (gpointer data)
{
  HwPresentationScale *scale = data;

  g_free (scale->statement);
  g_free (scale->phase);
  g_clear_pointer (&scale->marks, g_ptr_array_unref);
  g_free (scale);
}

void
hw_presentation_free (HwPresentation *self)
{
  if (self == NULL)
    return;
  g_free (self->meeting_title);
  g_free (self->when);
  g_free (self->phase);
  g_free (self->phase_title);
  g_free (self->next_meeting);
  g_clear_pointer (&self->phase_items, g_ptr_array_unref);
  g_clear_pointer (&self->strengths, g_ptr_array_unref);
  g_clear_pointer (&self->worries, g_ptr_array_unref);
  g_clear_pointer (&self->next_steps, g_ptr_array_unref);
  g_clear_pointer (&self->scales, g_ptr_array_unref);
  g_free (self);
}

/* What the screen may call a person: the name, unless the person is
 * confidential or withheld from anyone. */
static char *
screen_name (GHashTable *people,
             gint64      person_id)
{
  static const HwRecipient screen = { HW_RECIPIENT_SCREEN, 0 };
  HwRecord *person = g_hash_table_lookup (people, &person_id);

  if (person == NULL || !hw_recipient_may_see_record (&screen, person))
    return g_strdup (_("Participant"));
  return g_strdup (hw_record_get_string (person, "name"));
}

static HwPresentationItem *
screen_item (HwRecord   *row,
             GHashTable *people)
{
  HwPresentationItem *item = g_new0 (HwPresentationItem, 1);
  const char *phase = hw_record_get_string (row, "phase");

  item->text = g_strdup (hw_record_get_string (row, "text"));
  if (g_strcmp0 (phase, "actions") == 0)
    {
      const char *due = hw_record_get_string (row, "due_date");

      if (!hw_record_is_null (row, "owner_person_id"))
        item->detail = screen_name (people, hw_record_get_int (row, "owner_person_id"));
      /* its own line on the screen, so that a long name never cuts it */
      if (*due != '\0')
        {
          /* in words, as on the phones' page: "by 31 May 2026" */
          g_autofree char *date = hw_language_format_iso (due, HW_DATE_LONG, FALSE);

          /* TRANSLATORS: a due date, e.g. "by 31 May 2026" */
          item->due = g_strdup_printf (_("by %s"), date);
        }
    }
  else if (g_strcmp0 (phase, "decisions") == 0)
    item->detail = g_strdup (hw_record_get_boolean (row, "consensus")
                             ? _("Everyone agreed") : _("Not everyone agreed"));
  return item;
}

static void
person_free (gpointer data)
{
  g_object_unref (data);
}

HwPresentation *
hw_meeting_presentation (HwStore     *store,
                         gint64       meeting_id,
                         GError     **error)
{
  static const HwRecipient screen = { HW_RECIPIENT_SCREEN, 0 };
  g_autoptr(HwRecord) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) people_rows = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) previous = NULL;
  g_autoptr(HwPresentation) p = NULL;
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (presentation_item_free);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (presentation_item_free);
  const char *phase;
  gint64 previous_id;
  guint n_phases;
  guint n_taking_part = 0;

  meeting = get_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;

  people_rows = hw_store_select (store, "people", error,
                                 "SELECT id, name, confidential, withheld_from FROM people WHERE case_id = ?",
                                 G_TYPE_INT64, hw_record_get_int (meeting, "case_id"), G_TYPE_INVALID);
  if (people_rows == NULL)
    return NULL;
  people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_free);
  for (guint i = 0; i < people_rows->len; i++)
    {
      HwRecord *person = g_ptr_array_index (people_rows, i);
      gint64 *key = g_new (gint64, 1);

      *key = hw_record_get_id (person);
      g_hash_table_insert (people, key, g_object_ref (person));
    }

  /* Only what the screen may see ever enters the model. */
  items = hw_meeting_list_items (store, meeting_id, NULL, &screen, error);
  if (items == NULL)
    return NULL;

  phase = hw_record_get_string (meeting, "current_phase");
  if (!hw_choices_valid (HW_CHOICES_MEETING_PHASE, phase))
    phase = "welcome";

  p = g_new0 (HwPresentation, 1);
  p->meeting_title = g_strdup (hw_choice_label (HW_CHOICES_MEETING_KIND, hw_record_get_string (meeting, "kind")));
  /* For the room's screen, in words a parent reads on the wall and in the
   * window's language. The top line: "2 May 2026, 10:00", short, without
   * the day of the week. */
  p->when = hw_language_format_iso (hw_record_get_string (meeting, "starts_at"), HW_DATE_LONG, TRUE);
  p->phase = g_strdup (phase);
  p->version = hw_record_get_version (meeting);
  p->phase_title = g_strdup (hw_choice_label (HW_CHOICES_MEETING_PHASE, phase));
  hw_choices_get (HW_CHOICES_MEETING_PHASE, &n_phases);
  p->n_phases = n_phases;
  p->phase_number = hw_choices_index (HW_CHOICES_MEETING_PHASE, phase) + 1;
  p->phase_seconds = hw_meeting_get_phase_time (store, meeting_id, phase);
  /* a day to come, its day of the week helps: "Tuesday 2 June 2026,
   * 09:30" ("" when not set) */
  p->next_meeting = hw_language_format_iso (hw_record_get_string (meeting, "next_meeting"),
                                            HW_DATE_WEEKDAY, TRUE);
  p->phase_items = g_ptr_array_new_with_free_func (presentation_item_free);
  p->strengths = g_ptr_array_new_with_free_func (presentation_item_free);
  p->worries = g_ptr_array_new_with_free_func (presentation_item_free);
  p->next_steps = g_ptr_array_new_with_free_func (presentation_item_free);
  p->scales = g_ptr_array_new_with_free_func (presentation_scale_free);

  attendees = hw_store_select (store, "meeting_attendees", error,
                               "SELECT id, person_id, role, attendance FROM meeting_attendees"
                               " WHERE meeting_id = ? ORDER BY id",
                               G_TYPE_INT64, meeting_id, G_TYPE_INVALID);
  if (attendees == NULL)
    return NULL;

  /* Welcome and roles: who is here. A confidential person is left out
   * altogether rather than shown as "Participant". */
  if (g_strcmp0 (phase, "welcome") == 0)
    for (guint i = 0; i < attendees->len; i++)
      {
        HwRecord *a = g_ptr_array_index (attendees, i);
        gint64 person_id = hw_record_get_int (a, "person_id");
        HwRecord *person = g_hash_table_lookup (people, &person_id);
        HwPresentationItem *item;
        const char *role = hw_record_get_string (a, "role");
        const char *attendance = hw_record_get_string (a, "attendance");

        if (person == NULL || !hw_recipient_may_see_record (&screen, person))
          continue;
        item = g_new0 (HwPresentationItem, 1);
        item->text = *role ? g_strdup_printf ("%s — %s", hw_record_get_string (person, "name"), role)
                           : g_strdup (hw_record_get_string (person, "name"));
        if (g_strcmp0 (attendance, "present") != 0)
          item->detail = g_strdup (hw_choice_label (HW_CHOICES_ATTENDANCE, attendance));
        g_ptr_array_add (p->phase_items, item);
      }

  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *row = g_ptr_array_index (items, i);
      const char *item_phase = hw_record_get_string (row, "phase");

      if (g_strcmp0 (item_phase, phase) == 0)
        g_ptr_array_add (p->phase_items, screen_item (row, people));
      if (g_strcmp0 (item_phase, "strengths") == 0)
        g_ptr_array_add (p->strengths, screen_item (row, people));
      else if (g_strcmp0 (item_phase, "worries") == 0)
        g_ptr_array_add (p->worries, screen_item (row, people));
      else if (g_strcmp0 (item_phase, "safety-goals") == 0)
        g_ptr_array_add (goals, screen_item (row, people));
      else if (g_strcmp0 (item_phase, "actions") == 0)
        g_ptr_array_add (actions, screen_item (row, people));
    }

  /* Next steps: the kind being worked on comes last, where the screen's
   * column shows the newest items when it is full ("+N earlier" above):
   * the safety goals until the decisions, the actions from then on. */
  {
    gboolean late = hw_choices_index (HW_CHOICES_MEETING_PHASE, phase) >=
                    hw_choices_index (HW_CHOICES_MEETING_PHASE, "decisions");
    GPtrArray *first = late ? goals : actions;
    GPtrArray *second = late ? actions : goals;

    for (guint i = 0; i < first->len; i++)
      g_ptr_array_add (p->next_steps, g_ptr_array_steal_index (first, i--));
    for (guint i = 0; i < second->len; i++)
      g_ptr_array_add (p->next_steps, g_ptr_array_steal_index (second, i--));
  }

  /* Scales: every visible worry and safety goal with the marks given. */
  previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  previous_id = hw_meeting_get_previous (store, meeting_id);
  if (previous_id != 0)
    {
      g_autoptr(GPtrArray) changes = hw_meeting_score_changes (store, previous_id, meeting_id, NULL);

      for (guint i = 0; changes != NULL && i < changes->len; i++)
        {
          HwScoreChange *c = g_ptr_array_index (changes, i);

          if (c->before >= 0)
            g_hash_table_insert (previous, statement_key (c->person_id, c->statement),
                                 GINT_TO_POINTER (c->before + 1));
        }
    }

  scores = hw_store_select (store, "meeting_scores", error,
                            "SELECT s.id, s.item_id, s.person_id, s.score FROM meeting_scores s"
                            " LEFT JOIN meeting_attendees a ON a.meeting_id = s.meeting_id AND a.person_id = s.person_id"
                            " WHERE s.meeting_id = ? ORDER BY a.id, s.id",
                            G_TYPE_INT64, meeting_id, G_TYPE_INVALID);
  if (scores == NULL)
    return NULL;

  /* Scores given privately stay off the screen until the facilitator
   * reveals them, so nobody in the room is swayed: until then not even
   * a number or a name goes into the model, only how many have scored. */
  p->scores_revealed = hw_record_get_boolean (meeting, "scores_revealed");
  for (guint i = 0; i < attendees->len; i++)
    {
      const char *attendance = hw_record_get_string (g_ptr_array_index (attendees, i), "attendance");

      if (g_strcmp0 (attendance, "present") == 0 || g_strcmp0 (attendance, "remote") == 0)
        n_taking_part++;
    }

  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *row = g_ptr_array_index (items, i);
      HwPresentationScale *scale;

      if (!is_scorable_phase (hw_record_get_string (row, "phase")))
        continue;
      scale = g_new0 (HwPresentationScale, 1);
      scale->statement = g_strdup (hw_record_get_string (row, "text"));
      scale->phase = g_strdup (hw_record_get_string (row, "phase"));
      scale->marks = g_ptr_array_new_with_free_func (presentation_mark_free);
      for (guint j = 0; j < scores->len; j++)
        {
          HwRecord *s = g_ptr_array_index (scores, j);
          HwPresentationMark *mark;
          g_autofree char *key = NULL;

          if (hw_record_get_int (s, "item_id") != hw_record_get_id (row))
            continue;
          scale->n_scored++;
          if (!p->scores_revealed)
            continue;
          mark = g_new0 (HwPresentationMark, 1);
          mark->label = screen_name (people, hw_record_get_int (s, "person_id"));
          mark->score = hw_record_get_int (s, "score");
          key = statement_key (hw_record_get_int (s, "person_id"), scale->statement);
          mark->previous = GPOINTER_TO_INT (g_hash_table_lookup (previous, key)) - 1;
          g_ptr_array_add (scale->marks, mark);
        }
      /* someone who scored and has since left is still counted */
      scale->n_people = MAX (n_taking_part, scale->n_scored);
      /* kept even without marks: the room sees what is being scaled */
      g_ptr_array_add (p->scales, scale);
    }

  return g_steal_pointer (&p);
}
