/* hw-demo-visits.c: the sample family's family time: three series of
 * visits (supervised, monitored, unsupervised) and what happened at them.
 *
 * Sample data is data: made up, and kept out of the visits code, which it
 * uses only through its public API (hw-visits.h, hw-recurrence.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hw-demo.h"
#include "hw-recurrence.h"
#include "hw-visits.h"

static GArray *
people_with_roles (HwStore *store, gint64 case_id, const char *roles_sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* a person alleged to have harmed the children is never in the demo's
   * visits (DOMAIN.md: never the protector; contact only as a court allows) */
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM people WHERE case_id = ? AND role IN (%s)"
                                          " AND alleged_harm_source = 0 AND confidential = 0 ORDER BY id",
                                          roles_sql);
  g_autoptr(GPtrArray) rows = hw_store_select (store, "people", NULL, sql,
                                               G_TYPE_INT64, case_id, G_TYPE_INVALID);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      gint64 id = hw_record_get_id (g_ptr_array_index (rows, i));
      g_array_append_val (ids, id);
    }
  return ids;
}

/* Wall-clock seconds of a series' local time "YYYY-MM-DDTHH:MM:SS" (read
 * as floating, no zone), as the visits area counts them; 0 if not one. */
static gint64
wall_of (const char *local)
{
  gint64 wall = 0;

  if (!hw_recurrence_local_to_utc (NULL, local, &wall, NULL))
    return 0;
  return wall;
}

/* the date @weeks weeks before (negative: after) today's week's @weekday
 * (1 = Monday), as "YYYY-MM-DDT" + @time */
static char *
demo_date (int weeks_ago, int weekday, const char *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
  g_autoptr(GDateTime) d = g_date_time_add_days (monday, weekday - 1 - 7 * weeks_ago);

  return g_strdup_printf ("%04d-%02d-%02dT%s", g_date_time_get_year (d), g_date_time_get_month (d),
                          g_date_time_get_day_of_month (d), time);
}

static gboolean
demo_record (HwStore *store, gint64 series_id, const char *key, const char *status,
             const char *observations, const char *recommendation, GError **error)
{
  g_autoptr(HwRecord) rec = hw_record_new ("visit_records");
  char arrival[HW_LOCAL_TIME_LEN] = "", departure[HW_LOCAL_TIME_LEN] = "";

  if (strcmp (status, "happened") == 0)
    {
      g_autoptr(HwRecurrence) r = hw_visits_get_recurrence (store, series_id, NULL);
      gint64 w = wall_of (key);
      g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (w + 5 * 60);
      g_autoptr(GDateTime) d = g_date_time_new_from_unix_utc (w + (r ? hw_recurrence_get_duration (r) : 120) * 60);
      g_autofree char *as = g_date_time_format (a, "%Y-%m-%dT%H:%M:%S");
      g_autofree char *ds = g_date_time_format (d, "%Y-%m-%dT%H:%M:%S");

      g_strlcpy (arrival, as, sizeof arrival);
      g_strlcpy (departure, ds, sizeof departure);
    }
  hw_record_set_int (rec, "series_id", series_id);
  hw_record_set_string (rec, "occurrence_start", key);
  hw_record_set_string (rec, "status", status);
  hw_record_set_string (rec, "arrival", arrival);
  hw_record_set_string (rec, "departure", departure);
  hw_record_set_string (rec, "observations", observations ? observations : "");
  hw_record_set_string (rec, "recommendation", recommendation ? recommendation : "");
  return hw_store_insert (store, NULL, rec, error) != 0;
}

gboolean
hw_visits_add_demo (HwStore  *store,
                    gint64    case_id,
                    GError  **error)
{
  g_autoptr(GArray) children = people_with_roles (store, case_id, "'child'");
  g_autoptr(GArray) parents = people_with_roles (store, case_id, "'mother','father','parent','stepparent'");
  g_autoptr(GArray) workers = people_with_roles (store, case_id, "'caseworker','therapist','professional'");
  g_autoptr(GArray) carers = people_with_roles (store, case_id, "'kin-caregiver','foster-parent'");
  g_autoptr(GArray) relatives = people_with_roles (store, case_id, "'relative','grandparent'");
  /* observations in behaviour-specific language (DOMAIN.md) */
  static const char *const notes[] = {
    N_("Arrived on time with a snack for the children. Read two books with them and helped with homework."),
    N_("Greeted the children with a hug. Set a limit calmly when the youngest threw a toy; the child settled within a minute."),
    N_("Played a board game with both children and took turns fairly. Said goodbye warmly and told them when the next visit is."),
    N_("Brought lunch and fed the youngest. Changed a diaper without help. Asked the supervisor about the school meeting."),
  };
  const char *tz = "America/New_York";
  g_autofree char *s1 = demo_date (22, 2, "16:00:00");   /* Tuesdays */
  g_autofree char *s2 = demo_date (12, 2, "16:00:00");   /* Tuesdays and Thursdays */
  g_autofree char *s3 = demo_date (6, 6, "10:00:00");    /* Saturdays, ongoing */
  HwVisitPlan plan = { 0 };
  gint64 sup = workers->len ? g_array_index (workers, gint64, 0) : 0;
  gint64 drv = carers->len ? g_array_index (carers, gint64, 0) : 0;
  gint64 id1, id2, id3;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (hw_store_in_edit (store), FALSE);

  plan.case_id = case_id;
  plan.tzid = tz;
  plan.visitors = (const gint64 *) (gpointer) parents->data;
  plan.n_visitors = parents->len;
  plan.children = (const gint64 *) (gpointer) children->data;
  plan.n_children = children->len;
  plan.supervisor_person_id = sup;
  plan.supervisor = sup ? "" : _("Visit coach, County Family Services");
  plan.transport_person_id = drv;
  plan.transport = drv ? "" : _("Agency driver");

  /* 1. ten weeks of supervised visits at the agency */
  plan.title = _("Family time");
  plan.place = _("Family visit room, County Family Services, 2nd floor");
  plan.dtstart = s1;
  plan.duration_minutes = 120;
  plan.rrule = "FREQ=WEEKLY;COUNT=10";
  plan.level = "supervised";
  plan.notes = _("Bring homework folders. Supervisor writes notes after each visit.");
  id1 = hw_visits_create_series (store, &plan, error);
  if (id1 == 0)
    return FALSE;

  /* 2. six weeks of monitored visits twice a week at the library */
  plan.place = _("Riverside Public Library, children's room");
  plan.dtstart = s2;
  plan.duration_minutes = 120;
  plan.rrule = "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12";
  plan.level = "monitored";
  plan.notes = _("The supervisor checks in at the start and the end.");
  /* a relative of the safety network checks in, when there is one */
  if (relatives->len > 0)
    {
      plan.supervisor_person_id = g_array_index (relatives, gint64, 0);
      plan.supervisor = "";
    }
  id2 = hw_visits_create_series (store, &plan, error);
  if (id2 == 0)
    return FALSE;

  /* 3. unsupervised Saturdays at the family home, no end set */
  plan.place = _("Family home");
  plan.dtstart = s3;
  plan.duration_minutes = 240;
  plan.rrule = "FREQ=WEEKLY;BYDAY=SA";
  plan.level = "unsupervised";
  plan.supervisor_person_id = 0;
  plan.supervisor = "";
  plan.notes = _("Caseworker phones the family on Saturday afternoon.");
  id3 = hw_visits_create_series (store, &plan, error);
  if (id3 == 0)
    return FALSE;
  /* the step up to unsupervised visits, with the reason the team wrote
   * down (a step made today would go through hw_visits_step_level, which
   * only starts changes from today on: this one is history) */
  {
    g_autoptr(HwRecord) step = hw_record_new ("visit_series");
    g_autofree char *day3 = g_strndup (s3, 10);

    hw_record_set_id (step, id3);
    hw_record_set_ref (step, "follows_id", id2);
    hw_record_set_string (step, "change_date", day3);
    hw_record_set_string (
        step, "change_reason",
        _("Twelve monitored visits at the library went well: on time, warm and calm, "
           "the supervisor had no concerns. The family team meeting agreed to "
           "unsupervised visits at home on Saturdays."));
    if (!hw_store_update (store, NULL, step, error))
      return FALSE;
  }

  /* what happened at the past visits */
  for (guint pass = 0; pass < 3; pass++)
    {
      gint64 sid = pass == 0 ? id1 : pass == 1 ? id2 : id3;
      g_autoptr(HwRecurrence) r = hw_visits_get_recurrence (store, sid, error);
      g_autoptr(GArray) occ = NULL;

      if (r == NULL)
        return FALSE;
      occ = hw_recurrence_expand_all (r, now);
      for (guint i = 0; i < occ->len; i++)
        {
          HwOccurrence *o = &g_array_index (occ, HwOccurrence, i);
          const char *status = "happened";
          const char *rec = NULL;
          guint n = pass * 100 + i;

          if (o->end_utc > now)
            break;
          if (pass == 0 && i == 2)
            status = "cancelled-parent";
          else if (pass == 0 && i == 5)
            status = "cancelled-caregiver";
          else if (pass == 1 && i == 3)
            status = "no-show";
          else if (pass == 1 && i == 8)
            status = "cancelled-agency";
          if (pass == 0 && i == 9)
            rec = "monitored";
          else if (pass == 1 && i == 11)
            rec = "unsupervised";
          if (!demo_record (store, sid, o->key, status,
                            strcmp (status, "happened") == 0 ? _(notes[n % G_N_ELEMENTS (notes)]) : "",
                            rec, error))
            return FALSE;
          if (pass == 0 && i == 5)
            {
              gint64 rid = hw_store_query_int (store, 0,
                                               "SELECT id FROM visit_records WHERE series_id = ? AND occurrence_start = ?",
                                               G_TYPE_INT64, sid, G_TYPE_STRING, o->key, G_TYPE_INVALID);
              g_autoptr(GDateTime) friday = g_date_time_new_from_unix_utc (wall_of (o->key) + 3 * 86400);
              g_autofree char *when = g_date_time_format (friday, "%Y-%m-%dT%H:%M:%S");
              HwVisitOutcome done = { "happened", "", "", _(notes[0]), "" };
              gint64 ms;

              /* made up on the Friday of the same week */
              ms = hw_visits_schedule_makeup (store, rid, when, error);
              if (ms == 0)
                return FALSE;
              if (wall_of (when) + 86400 < now
                  && hw_visits_record_outcome (store, ms, when, &done, error) == 0)
                return FALSE;
            }
        }
    }
  return TRUE;
}
