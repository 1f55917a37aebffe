/* hw-demo-meeting.c: the sample family's two family meetings, an earlier
 * and a recent one, with scores that changed.
 *
 * Sample data is data: made up, and kept out of the meeting code, which it
 * uses only through its public API (hw-meeting.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <glib/gi18n-lib.h>

#include "hw-demo.h"
#include "hw-meeting.h"

/* The Morales family of hw-demo.c: who is invited, in order. Marco, the
 * person alleged to have caused harm, is not (a protective order is in
 * place); the domestic-violence advocate is, and being confidential she
 * shows on the screen only as "Participant". Sample text is data, like
 * the rest of the demo, so it is not translated. */
static const char * const demo_roles[] = {
  "mother", "kin-caregiver", "relative", "foster-parent", "caseworker",
  "guardian-ad-litem", "professional", "facilitator", NULL,
};

static gboolean
add_demo_meeting (HwStore     *store,
                  gint64       case_id,
                  GPtrArray   *people,
                  const char  *kind,
                  GDateTime   *when,
                  GDateTime   *next,
                  gboolean     recent,
                  GError     **error)
{
  static const char * const strengths[] = {
    "Elena has come to every family time visit since June, on time.",
    "Rosa takes Sofía and Mateo to school every day and they are happy with her.",
    "Sofía says she feels safe at Grandma Rosa’s house.",
    "Elena goes to her support group every week and has a written safety plan.",
  };
  static const char * const worries[] = {
    "The agency is worried that if Marco comes to Elena’s home while the children are there, they could see violence again or be hurt.",
    "Mateo has missed speech therapy when no one could take him.",
  };
  static const char * const goals[] = {
    "The children are always with an adult who keeps Marco away, and everyone in the network knows what to do if he comes.",
  };
  static const char * const ideas[] = {
    "Carmen has weekend visits at her home.",
    "Joseph drives Elena and Mateo to speech therapy on Tuesdays.",
  };
  /* earlier and recent scores per scorer for worry 1, worry 2, the goal */
  static const int early[][3] = { { 5, 4, 4 }, { 4, 4, 3 }, { 4, 5, 4 }, { 3, 4, 3 }, { 2, 3, 2 }, { 2, 4, 3 }, { 3, 4, 3 } };
  static const int late[][3]  = { { 8, 7, 7 }, { 7, 8, 7 }, { 7, 7, 6 }, { 6, 7, 6 }, { 6, 6, 5 }, { 5, 7, 5 }, { 6, 7, 6 } };
  /* in the order of demo_roles: Elena, Rosa, Carmen, Karen, Priya,
   * Margaret, the advocate */
  static const char * const early_reasons[] = {
    "I have done everything they asked, but I still see Marco in town.",
    "Elena is trying hard; I worry about the evenings.",
    "The plan is new and has not been tried yet.",
    "Lucía is settled with us; it is too soon to say.",
    "The protective order is new and has not been tested.",
    "Sofía still talks about the night the police came.",
    "Elena has started safety planning.",
  };
  static const char * const late_reasons[] = {
    "Weekend visits have gone well and I know who to call.",
    "I am there on Saturday nights and it has been calm.",
    "Every weekend visit at my home went well.",
    "Lucía comes back happy from her visits.",
    "No contact from Marco reported in six weeks; the network is in place.",
    "Sofía says she is not scared at her mum’s flat.",
    "Elena used her safety plan when Marco called.",
  };
  g_autofree char *starts = g_date_time_format (when, "%Y-%m-%dT10:00:00");
  g_autoptr(GArray) scored = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HwRecord) details = hw_record_new ("meetings");
  gint64 meeting_id, caseworker = 0, mother = 0, grandmother = 0, aunt = 0;
  gint64 item;

  meeting_id = hw_meeting_create (store, case_id, kind, starts, error);
  if (meeting_id == 0)
    return FALSE;

  hw_record_set_id (details, meeting_id);
  hw_record_set_string (details, "place", "Family room, County Children and Family Services, 1 Civic Center");
  hw_record_set_string (details, "video_link", recent ? "https://meet.example.org/morales-ftm" : "");
  hw_record_set_string (details, "facilitator", "Tom Becker");
  hw_record_set_string (details, "interpreter", "Ana Castillo");
  hw_record_set_string (details, "language", "es");
  hw_record_set_boolean (details, "confidentiality_acknowledged", TRUE);
  hw_record_set_string (details, "current_phase", recent ? "scaling" : "next-meeting");
  if (next != NULL)
    {
      g_autofree char *n = g_date_time_format (next, "%Y-%m-%dT10:00:00");
      hw_record_set_string (details, "next_meeting", n);
    }
  if (!hw_meeting_update (store, details, error))
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      HwRecord *person = g_ptr_array_index (people, i);
      const char *role = hw_record_get_string (person, "role");
      gint64 id = hw_record_get_id (person);
      /* the foster mother joins the recent meeting by video */
      const char *attendance = recent && g_strcmp0 (role, "foster-parent") == 0 ? "remote" : "present";

      if (hw_meeting_add_attendee (store, meeting_id, id, hw_record_get_string (person, "relationship"),
                                   attendance, error) == 0)
        return FALSE;
      if (g_strcmp0 (role, "facilitator") != 0 && scored->len < G_N_ELEMENTS (early))
        g_array_append_val (scored, id);
      if (g_strcmp0 (role, "caseworker") == 0)
        caseworker = id;
      else if (g_strcmp0 (role, "mother") == 0)
        mother = id;
      else if (g_strcmp0 (role, "kin-caregiver") == 0)
        grandmother = id;
      else if (g_strcmp0 (role, "relative") == 0)
        aunt = id;
    }

  if (!hw_meeting_add_item (store, meeting_id, "ground-rules", "One person talks at a time, and we listen.", error) ||
      !hw_meeting_add_item (store, meeting_id, "ground-rules", "What is said about other people stays in this room.", error) ||
      !hw_meeting_add_item (store, meeting_id, "purpose",
                            recent ? "Decide whether Sofía and Mateo can start staying overnight with Elena."
                                   : "Agree on a plan so the children can spend more time with Elena.", error) ||
      !hw_meeting_add_item (store, meeting_id, "story",
                            "Elena moved to a new flat in the spring and lives on her own.", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (strengths) - (recent ? 0 : 1); i++)
    if (!hw_meeting_add_item (store, meeting_id, "strengths", strengths[i], error))
      return FALSE;
  if (!hw_meeting_add_item (store, meeting_id, "complicating",
                            "Elena’s new flat is two bus rides from the school.", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ideas); i++)
    if (!hw_meeting_add_item (store, meeting_id, "ideas", ideas[i], error))
      return FALSE;

  /* the statements, each scaled by everyone taking part; the same text
   * at both meetings, so the later one shows the change */
  for (guint w = 0; w < G_N_ELEMENTS (worries) + G_N_ELEMENTS (goals); w++)
    {
      gboolean is_goal = w >= G_N_ELEMENTS (worries);
      const char *text = is_goal ? goals[w - G_N_ELEMENTS (worries)] : worries[w];

      item = hw_meeting_add_item (store, meeting_id, is_goal ? "safety-goals" : "worries", text, error);
      if (item == 0)
        return FALSE;
      for (guint a = 0; a < scored->len; a++)
        {
          int score = recent ? late[a][w] : early[a][w];
          const char *reason = recent ? late_reasons[a] : early_reasons[a];

          if (hw_meeting_set_score (store, item, g_array_index (scored, gint64, a), score, reason, error) == 0)
            return FALSE;
        }
    }

  /* A note the agency keeps off the screen and out of the family's copy. */
  item = hw_meeting_add_item (store, meeting_id, "complicating",
                              "Agency only: the advocate reports that Marco called Elena again last month.", error);
  if (item == 0 || !hw_meeting_set_item_confidential (store, item, TRUE, "family,support,screen", error))
    return FALSE;

  if (recent)
    {
      if (!hw_meeting_add_decision (store, meeting_id,
                                    "Sofía and Mateo start staying with Elena on Saturday nights, with Rosa there.",
                                    TRUE, NULL, error) ||
          !hw_meeting_add_decision (store, meeting_id, "Family time with Lucía moves from supervised to monitored.",
                                    FALSE, "The children’s advocate wants to wait one more month.", error))
        return FALSE;
    }
  else if (!hw_meeting_add_decision (store, meeting_id, "Rosa and Carmen become part of the safety network.",
                                     TRUE, NULL, error))
    return FALSE;

  {
    g_autoptr(GDateTime) due1 = g_date_time_add_days (when, 14);
    g_autoptr(GDateTime) due2 = g_date_time_add_days (when, 21);
    g_autofree char *d1 = g_date_time_format (due1, "%Y-%m-%d");
    g_autofree char *d2 = g_date_time_format (due2, "%Y-%m-%d");

    if (!hw_meeting_add_action (store, meeting_id,
                                recent ? "Write down the Saturday night plan and give everyone a copy in Spanish and English."
                                       : "Sign up for the Bright Start parenting group.",
                                recent ? caseworker : mother, recent ? mother : caseworker, d1, error) ||
        !hw_meeting_add_action (store, meeting_id,
                                recent ? "Ask Lincoln Elementary about the breakfast club."
                                       : "Make a list of who can take Mateo to speech therapy.",
                                recent ? grandmother : aunt, caseworker, d2, error))
      return FALSE;
  }

  if (!hw_meeting_add_item (store, meeting_id, "plan-b",
                            "If Marco comes to the door, Elena does not open it, calls 911, then calls Rosa.", error))
    return FALSE;

  return TRUE;
}

gboolean
hw_meeting_add_demo (HwStore     *store,
                     gint64       case_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 10, 0, 0);
  g_autoptr(GDateTime) earlier = g_date_time_add_days (today, -42);
  g_autoptr(GDateTime) recent = g_date_time_add_days (today, -7);
  g_autoptr(GDateTime) next = g_date_time_add_days (today, 21);
  gboolean owned, ok;

  all = hw_store_select (store, "people", error,
                         "SELECT id, name, role, relationship FROM people"
                         " WHERE case_id = ? AND alleged_harm_source = 0 ORDER BY id",
                         G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (all == NULL)
    return FALSE;
  /* the first person of each role, in the order of demo_roles */
  for (guint r = 0; demo_roles[r] != NULL; r++)
    for (guint i = 0; i < all->len; i++)
      if (g_strcmp0 (hw_record_get_string (g_ptr_array_index (all, i), "role"), demo_roles[r]) == 0)
        {
          g_ptr_array_add (people, g_object_ref (g_ptr_array_index (all, i)));
          break;
        }

  if (!hw_store_join_edit (store, N_("Add sample meetings"), &owned, error))
    return FALSE;
  ok = add_demo_meeting (store, case_id, people, "family-team-meeting", earlier, recent, FALSE, error) &&
       add_demo_meeting (store, case_id, people, "reunification-readiness", recent, next, TRUE, error);
  return hw_store_leave_edit (store, owned, ok, error);
}
