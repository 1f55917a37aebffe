/* hw-demo-service-plan.c: the sample family's service plan: needs, goals,
 * tasks and notes, a year of aftercare with the point person's first
 * check-ins, three readiness reviews.
 *
 * Sample data is data: made up, and kept out of the service plan code, which it
 * uses only through its public API (hw-service-plan.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <time.h>

#include <glib/gi18n-lib.h>

#include "hw-aftercare-checkins.h"
#include "hw-demo.h"
#include "hw-service-plan.h"

typedef struct {
  HwStore  *store;
  gint64    case_id;
  GDate     today;
  GError  **error;
  gboolean  failed;
  char      dates[8][11];
  guint     next_date;
} Demo;

/* A date @days from today, as text; a small ring of buffers keeps it valid
 * for the few calls that use it. */
static const char *
demo_date (Demo *demo,
           int   days)
{
  GDate date = demo->today;
  char *buf = demo->dates[demo->next_date++ % G_N_ELEMENTS (demo->dates)];

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return buf;
}

static gint64
demo_find (Demo       *demo,
           const char *table,
           const char *column,
           const char *values)
{
  g_autofree char *sql = NULL;

  /* values is a literal list written in this file, never user input */
  sql = g_strdup_printf ("SELECT id FROM %s WHERE case_id = ? AND %s IN (%s) ORDER BY id LIMIT 1",
                         table, column, values);
  return hw_store_query_int (demo->store, 0, sql, G_TYPE_INT64, demo->case_id, G_TYPE_INVALID);
}

static gint64
demo_need (Demo       *demo,
           const char *domain,
           const char *words,
           const char *strengths)
{
  gint64 id;

  if (demo->failed)
    return 0;
  id = hw_service_plan_add_need (demo->store, demo->case_id, domain, words, strengths, demo->error);
  demo->failed = id == 0;
  return id;
}

static gint64
demo_goal (Demo       *demo,
           gint64      need_id,
           const char *text,
           int         target,
           const char *achievement)
{
  g_autoptr(HwRecord) record = hw_record_new ("goals");
  gint64 id;

  if (demo->failed)
    return 0;
  hw_record_set_int (record, "need_id", need_id);
  hw_record_set_string (record, "text", text);
  hw_record_set_string (record, "target_date", demo_date (demo, target));
  hw_record_set_string (record, "achievement", achievement);
  id = hw_service_plan_save (demo->store, NULL, record, demo->error);
  demo->failed = id == 0;
  return id;
}

static gint64
demo_task (Demo       *demo,
           gint64      goal_id,
           const char *description,
           gint64      org_id,
           gint64      person_id,
           gboolean    agency,
           const char *frequency,
           int         start,
           int         target,
           const char *status,
           const char *barriers)
{
  g_autoptr(HwRecord) record = hw_record_new ("tasks");
  gint64 id;

  if (demo->failed)
    return 0;
  hw_record_set_int (record, "goal_id", goal_id);
  hw_record_set_string (record, "description", description);
  hw_record_set_ref (record, "provider_org_id", org_id);
  hw_record_set_ref (record, "responsible_person_id", agency ? 0 : person_id);
  hw_record_set_int (record, "responsible_agency", agency ? 1 : 0);
  hw_record_set_string (record, "frequency", frequency);
  hw_record_set_string (record, "start_date", demo_date (demo, start));
  hw_record_set_string (record, "target_date", demo_date (demo, target));
  hw_record_set_string (record, "status", status);
  hw_record_set_string (record, "barriers", barriers);
  id = hw_service_plan_save (demo->store, NULL, record, demo->error);
  demo->failed = id == 0;
  return id;
}

static void
demo_note (Demo       *demo,
           gint64      task_id,
           int         day,
           const char *author,
           const char *text,
           const char *withheld_from)
{
  g_autoptr(HwRecord) record = hw_record_new ("progress_notes");

  if (demo->failed)
    return;
  hw_record_set_int (record, "task_id", task_id);
  hw_record_set_string (record, "date", demo_date (demo, day));
  hw_record_set_string (record, "author", author);
  hw_record_set_string (record, "text", text);
  if (withheld_from != NULL)
    {
      hw_record_set_int (record, "confidential", 1);
      hw_record_set_string (record, "withheld_from", withheld_from);
    }
  demo->failed = hw_service_plan_save (demo->store, NULL, record, demo->error) == 0;
}

/* @every: how often it is checked on (hw_checkin_frequencies()) */
static gint64
demo_aftercare (Demo       *demo,
                const char *component,
                const char *description,
                gint64      person_id,
                gint64      org_id,
                const char *schedule,
                const char *every)
{
  gint64 id;
  g_autoptr(HwRecord) change = NULL;

  if (demo->failed)
    return 0;
  /* twelve months from the planned return home, a month from now */
  id = hw_service_plan_add_aftercare (demo->store, demo->case_id, component, description,
                                      person_id, org_id, schedule,
                                      demo_date (demo, 30), demo_date (demo, 30 + 365),
                                      demo->error);
  demo->failed = id == 0;
  if (demo->failed)
    return 0;
  change = hw_record_new ("aftercare_supports");
  hw_record_set_id (change, id);
  hw_record_set_string (change, "checkin_every", every);
  demo->failed = hw_service_plan_save (demo->store, NULL, change, demo->error) == 0;
  return demo->failed ? 0 : id;
}

static void
demo_checkin (Demo       *demo,
              gint64      support_id,
              int         day,
              gint64      person_id,
              const char *how,
              const char *with_whom,
              const char *what_came_up,
              const char *follow_up,
              const char *withheld_from)
{
  HwCheckin checkin = { NULL, person_id, how, with_whom, what_came_up, follow_up, withheld_from };

  if (demo->failed || support_id == 0 || person_id == 0)
    return;
  checkin.date = demo_date (demo, day);
  demo->failed = hw_aftercare_log_checkin (demo->store, support_id, &checkin, demo->error) == 0;
}

static void
demo_review (Demo       *demo,
             int         day,
             const char *notes,
             const int   ratings[7])
{
  static const char * const domains[7] = {
    "environment", "parenting-skills", "family-relationships", "family-safety",
    "child-wellbeing", "caregiver-commitment", "readiness",
  };
  gint64 id;

  if (demo->failed)
    return;
  id = hw_service_plan_add_review (demo->store, demo->case_id, demo_date (demo, day), notes, demo->error);
  demo->failed = id == 0;
  for (guint i = 0; i < G_N_ELEMENTS (domains) && !demo->failed; i++)
    demo->failed = !hw_service_plan_set_rating (demo->store, id, domains[i], ratings[i], demo->error);
}

/* The first organisation whose name matches @like (a literal of this
 * file), else the first of one of @kinds, else 0. */
static gint64
demo_org (Demo       *demo,
          const char *like,
          const char *kinds)
{
  gint64 id = 0;

  if (like != NULL)
    id = hw_store_query_int (demo->store, 0,
                             "SELECT id FROM organisations WHERE case_id = ? AND lower(name) LIKE lower(CAST(? AS TEXT))"
                             " ORDER BY id LIMIT 1",
                             G_TYPE_INT64, demo->case_id, G_TYPE_STRING, like, G_TYPE_INVALID);
  if (id == 0 && kinds != NULL)
    id = demo_find (demo, "organisations", "kind", kinds);
  return id;
}

/* Never someone alleged to have harmed the child: the demo must not make
 * them responsible for the children's safety. */
static gint64
demo_person (Demo       *demo,
             const char *roles)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT id FROM people WHERE case_id = ? AND role IN (%s)"
                         " AND alleged_harm_source = 0 ORDER BY id LIMIT 1", roles);
  return hw_store_query_int (demo->store, 0, sql, G_TYPE_INT64, demo->case_id, G_TYPE_INVALID);
}

gboolean
hw_service_plan_add_demo (HwStore  *store,
                          gint64    case_id,
                          GError  **error)
{
  Demo demo = { 0 };
  gint64 parent, grandmother, driver, aunt, worker, foster, advocate;
  gint64 housing_org, recovery, parenting_org, counselling, school, employer;
  gint64 need, goal, task, support;
  const char *worker_name = "Caseworker";
  g_autoptr(HwRecord) worker_record = NULL;
  g_autoptr(HwRecord) dv_need = NULL;
  static const int review1[7] = { -2, -2, -1, -2, -1, 0, -3 };
  static const int review2[7] = { -1, -1, 0, -1, -1, 1, -1 };
  static const int review3[7] = { 1, 1, 1, 1, 0, 2, 1 };

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  demo.store = store;
  demo.case_id = case_id;
  demo.error = error;
  g_date_clear (&demo.today, 1);
  g_date_set_time_t (&demo.today, time (NULL));

  if (hw_store_query_int (store, 0, "SELECT id FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                           _("The family’s case this belongs to does not exist (any more)."));
      return FALSE;
    }

  /* Whoever the demo family has (the Morales family of hw-demo.c): a
   * missing person or organisation leaves "nobody yet" rather than
   * inventing one. */
  parent = demo_person (&demo, "'mother','father','parent'");
  grandmother = demo_person (&demo, "'kin-caregiver','grandparent'");
  driver = demo_person (&demo, "'neighbour','friend'");
  if (driver == 0)
    driver = demo_person (&demo, "'relative'");
  aunt = demo_person (&demo, "'relative','kin-caregiver'");
  worker = demo_person (&demo, "'caseworker'");
  foster = demo_person (&demo, "'foster-parent'");
  advocate = hw_store_query_int (store, 0,
                                 "SELECT id FROM people WHERE case_id = ? AND role = 'professional'"
                                 " AND lower(relationship) LIKE '%violence%' ORDER BY id LIMIT 1",
                                 G_TYPE_INT64, case_id, G_TYPE_INVALID);
  housing_org = demo_org (&demo, "%Housing%", "'services'");
  recovery = demo_org (&demo, "%Recovery%", "'provider','health'");
  parenting_org = demo_org (&demo, "%Parenting%", "'provider'");
  counselling = demo_org (&demo, "%Counsel%", "'provider','health'");
  school = demo_org (&demo, "%Elementary%", "'school'");
  employer = demo_org (&demo, NULL, "'employer'");
  if (worker != 0)
    {
      worker_record = hw_store_get (store, "people", worker, NULL);
      if (worker_record != NULL)
        worker_name = hw_record_get_string (worker_record, "name");
    }

  /* Housing */
  need = demo_need (&demo, "housing",
                    "We need a place with two bedrooms so all three children can come home.",
                    "Rent has been paid on time for eight months.");
  goal = demo_goal (&demo, need, "The family lives in a safe two-bedroom home with a lease in Elena’s name.",
                    60, "some");
  task = demo_task (&demo, goal, "Apply for the housing voucher", housing_org, parent, FALSE,
                    "Once", -60, -20, "done", "");
  demo_note (&demo, task, -25, worker_name, "Application handed in with all papers; waiting for the letter.", NULL);
  demo_note (&demo, task, -21, worker_name, "Voucher approved.", NULL);
  task = demo_task (&demo, goal, "Visit three apartments with the housing navigator", housing_org, parent, FALSE,
                    "Weekly", -14, 3, "in-progress", "transport");
  demo_note (&demo, task, -6, worker_name, "Saw the first apartment; too far from Sofía’s school.", NULL);

  /* Parenting */
  need = demo_need (&demo, "parenting",
                    "I want to handle Mateo’s tantrums without yelling.",
                    "Loving and playful at every visit; the children run to greet her.");
  goal = demo_goal (&demo, need, "Bedtime and tantrums are handled with calm routines, seen at family time.",
                    90, "moderate");
  task = demo_task (&demo, goal, "Go to the parenting class (12 sessions)", parenting_org, parent, FALSE,
                    "Weekly, Tuesday evenings", -70, 14, "in-progress", "");
  demo_note (&demo, task, -35, worker_name, "Six of twelve sessions attended; uses the ‘calm-down corner’ at visits.", NULL);
  demo_task (&demo, goal, "Practise the bedtime routine during family time", 0, parent, FALSE,
             "Every visit", -30, 30, "in-progress", "");

  /* Alcohol and drug use */
  need = demo_need (&demo, "substance-use",
                    "I have been sober since March and I want to keep it that way.",
                    "Goes to meetings every week and has a sponsor.");
  goal = demo_goal (&demo, need, "Stays sober, shown by clean tests for six months in a row.", 120, "moderate");
  task = demo_task (&demo, goal, "Finish the outpatient treatment programme", recovery, parent, FALSE,
                    "Three times a week", -120, -30, "done", "");
  demo_note (&demo, task, -30, worker_name, "Programme completed; certificate in the file.", NULL);
  task = demo_task (&demo, goal, "Random drug tests", recovery, parent, FALSE,
                    "Twice a month", -90, 90, "in-progress", "cost");
  demo_note (&demo, task, -10, worker_name, "All tests clean so far.", NULL);
  demo_note (&demo, task, -9, worker_name,
             "The lab reported one diluted sample; the retest was clean.",
             "screen,support");

  /* Safety from violence: not for support people or the meeting screen */
  if (!demo.failed)
    {
      dv_need = hw_record_new ("needs");
      hw_record_set_int (dv_need, "case_id", case_id);
      hw_record_set_string (dv_need, "domain", "domestic-violence");
      hw_record_set_string (dv_need, "family_words", "I need to know we are safe if Marco comes to the house.");
      hw_record_set_string (dv_need, "strengths", "Asked for the protective order herself and keeps a copy.");
      hw_record_set_int (dv_need, "confidential", 1);
      hw_record_set_string (dv_need, "withheld_from", "support,screen");
      need = hw_service_plan_save (store, NULL, dv_need, error);
      demo.failed = need == 0;
    }
  goal = demo_goal (&demo, need, "Elena has a safety plan she can use and knows whom to call.", 21, "moderate");
  task = demo_task (&demo, goal, "Meet the advocate for safety planning", 0, parent, FALSE,
                    "Every two weeks", -50, 20, "in-progress", "");
  demo_note (&demo, task, -14, worker_name, "Safety plan written; copy kept at Rosa’s house.", NULL);

  /* The children's feelings */
  need = demo_need (&demo, "mental-health-child",
                    "Sofía has bad dreams since she moved to her grandmother’s.",
                    "Talks to her grandmother when she is scared; loves drawing.");
  goal = demo_goal (&demo, need, "Sofía sleeps through the night most nights.", 75, "some");
  demo_task (&demo, goal, "Weekly therapy for Sofía", counselling, grandmother, grandmother == 0,
             "Weekly", -45, 75, "in-progress", "");
  task = demo_task (&demo, goal, "Find a family therapist who speaks Spanish", 0, 0, TRUE,
                    "Once", -21, -5, "not-started", "language,wait-list");
  demo_note (&demo, task, -7, worker_name, "Two clinics called; both have a wait list of six weeks.", NULL);

  /* Transport */
  need = demo_need (&demo, "transportation",
                    "The bus takes two hours to get to Lucía’s visits.",
                    "Has not missed a visit in two months.");
  goal = demo_goal (&demo, need, "Elena gets to every visit and appointment on time.", 30, "some");
  demo_task (&demo, goal, "Get a monthly bus pass", 0, 0, TRUE, "Monthly", -14, -3, "not-started", "cost");
  task = demo_task (&demo, goal, "Ask about rides on Saturdays", 0, driver != 0 ? driver : parent, FALSE,
                    "Saturdays", -20, -10, "done", "");
  demo_note (&demo, task, -10, worker_name, "Rides agreed for Saturday visits.", NULL);

  /* Work and income */
  need = demo_need (&demo, "employment-income",
                    "I want steady day hours so I can pay the rent.",
                    "Worked at the same bakery for three years before.");
  goal = demo_goal (&demo, need, "Has a day job with at least 30 hours a week.", 90, "none");
  task = demo_task (&demo, goal, "Apply for the warehouse night shift", 0, parent, FALSE,
                    "Once", -40, -20, "dropped", "");
  demo_note (&demo, task, -22, worker_name, "Night shifts would clash with bedtime; chose day work instead.", NULL);
  demo_task (&demo, goal, "Ask for more day shifts", employer, parent, FALSE,
             "Once", -7, 21, "not-started", "");

  /* Education */
  need = demo_need (&demo, "education",
                    "We want Sofía to stay at her own school.",
                    "Good reader; her teacher says she is kind to others.");
  goal = demo_goal (&demo, need, "Sofía stays at the same school after going home, with no days missed for moves.",
                    45, "moderate");
  demo_task (&demo, goal, "Arrange the school bus from the new address", school, 0, TRUE,
             "Once", 0, 6, "in-progress", "");

  /* Twelve months of aftercare, at least one row per component. */
  demo_aftercare (&demo, "basic-resources",
                  "Keep the housing voucher; help with rent if work hours are cut.",
                  0, housing_org, "Monthly for 12 months", "monthly");
  demo_aftercare (&demo, "safety-practices",
                  "Safety plan reviewed with the safety network; house rules checked at home visits.",
                  worker, 0, "Weekly in month 1, then monthly", "weekly");
  if (advocate != 0)
    demo_aftercare (&demo, "safety-practices",
                    "Safety planning around the protective order continues.",
                    advocate, 0, "Every two weeks for 3 months, then as needed", "every-2-weeks");
  demo_aftercare (&demo, "trauma-informed",
                  "Learn how fear and loss show in the children’s behaviour, and how to respond calmly.",
                  0, parenting_org, "Every two weeks for 3 months", "every-2-weeks");
  demo_aftercare (&demo, "child-clinical",
                  "Sofía keeps her therapist after going home; Mateo keeps speech therapy.",
                  0, counselling, "Weekly for 6 months, then every two weeks", "weekly");
  demo_aftercare (&demo, "caregiver-supports",
                  "Relapse prevention group and sponsor; child care on group nights.",
                  0, recovery, "Weekly", "weekly");
  demo_aftercare (&demo, "support-networks",
                  "A respite weekend with Aunt Carmen once a month; Lucía keeps in touch with the Whitfields.",
                  aunt != 0 ? aunt : foster, 0, "Monthly", "monthly");
  support = demo_aftercare (&demo, "navigation",
                            "One point person to call about anything, who also checks in.",
                            worker, 0,
                            "Weekly calls in month 1, every two weeks in months 2 to 6, "
                            "then monthly",
                            "weekly");
  /* The point person's weekly calls began three weeks ago, to get ready
   * for going home: the support starts then, and its check-ins so far
   * are logged (the return home is not recorded yet, so they count from
   * the support's start; see hw-aftercare-checkins.h). The next one is
   * due today. */
  if (support != 0 && !demo.failed)
    {
      g_autoptr(HwRecord) change = hw_record_new ("aftercare_supports");

      hw_record_set_id (change, support);
      hw_record_set_string (change, "start_date", demo_date (&demo, -21));
      demo.failed = hw_service_plan_save (store, NULL, change, error) == 0;
    }
  demo_checkin (&demo, support, -14, worker, "phone", "Elena",
                "Talked through the move home. Elena is worried about the deposit for a new "
                "apartment.",
                "Ask Sunrise Housing about help with the deposit.", NULL);
  demo_checkin (&demo, support, -10, worker, "phone", "Elena and her advocate",
                "Safety planning around the protective order; the new address stays private.",
                "", "support");
  demo_checkin (&demo, support, -7, worker, "video", "Elena, Sofía and Mateo",
                "Bedtime routine is going better; Sofía asked when she can sleep at home.",
                "Bring the bedtime chart to the next family time.", NULL);

  /* Three readiness reviews over six months, showing progress. */
  demo_review (&demo, -180, "At removal: many worries, strong love for the children.", review1);
  demo_review (&demo, -90, "Treatment going well; visits are longer.", review2);
  demo_review (&demo, -7, "Ready for a trial home visit once housing is found.", review3);

  return !demo.failed;
}
