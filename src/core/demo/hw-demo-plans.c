/* hw-demo-plans.c: the sample family's safety plan and plan for after
 * going home.
 *
 * Sample data is data: made up, and kept out of the plans code, which it
 * uses only through its public API (hw-plan.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hw-demo.h"
#include "hw-demo-private.h"
#include "hw-plan.h"

typedef struct {
  const char *section;
  const char *text;
  const char *who_role;
  const char *when_text;
  const char *how_often;
  const char *how_checked;
  const char *phone;
  const char *withheld_from;
} DemoItem;

static const DemoItem demo_safety[] = {
  { "danger", "We are worried that {father} may come to the home and hurt {mother} or the children, as happened "
              "before, and that the children will be hurt or very frightened if he does." },
  { "danger", "We are worried that when {mother} is very stressed and alone, the children miss school and meals." },
  { "safety-goal", "The children live at home with {mother}, safe, fed and at school every day." },
  { "safety-goal", "{father} sees the children only as the court allows, always with a safe adult present." },
  { "rule", "{father} does not come to the home. If he does, {mother} does not open the door and calls 911.",
    "mother", "Any time", "Always", "{mother} tells the caseworker the same day" },
  { "rule", "Visits with {father} happen only at the agency, supervised by staff.",
    "caseworker", "As the court orders", "Weekly", "Visit notes from the agency" },
  { "rule", "If {mother} cannot get the children ready, she calls {kin}, who comes over or takes them to school.",
    "kin-caregiver", "School mornings", "As needed", "{kin} and the school tell the caseworker about missed days" },
  { "rule", "{relative} supervises the weekend visits at her home.",
    "relative", "Saturdays", "Weekly", "{relative} writes a short note after each visit" },
  { "rule", "{neighbour} drives {mother} to her appointments and checks in with her on the way.",
    "neighbour", "Appointment days", "Twice a week", "Reviewed at each family meeting" },
  { "rule", "{mother} meets her own advocate every week to keep her personal safety plan up to date.",
    "mother", "Wednesdays", "Weekly", "The advocate confirms to the caseworker", NULL, "support,screen" },
  { "network", "Helps every school morning; the children can call her any time.", "kin-caregiver" },
  { "network", "Supervises weekend visits.", "relative" },
  { "network", "Drives {mother} to appointments.", "neighbour" },
  { "trigger", "{father} calls, texts or is seen near the home or the school.", NULL, NULL, NULL,
    "{mother} calls 911 if he is there, then the caseworker; the school does not release the children to him." },
  { "trigger", "{mother} stops answering calls from {kin} for a day.", NULL, NULL, NULL,
    "{kin} goes to the house that evening and calls the caseworker." },
  { "if-not-followed", "Anyone in the safety network who sees a rule broken tells the caseworker the same day; "
                       "the network meets within a week to change the plan." },
  { "emergency", "Emergency (police, ambulance)", NULL, NULL, NULL, NULL, "911" },
  { "emergency", "988 Suicide & Crisis Lifeline", NULL, NULL, NULL, NULL, "988" },
  { "emergency", "National Domestic Violence Hotline", NULL, NULL, NULL, NULL, "1-800-799-7233" },
  { "emergency", "Caseworker (weekdays)", "caseworker", NULL, NULL, NULL, NULL },
  { "child-version", "Mum, Grandma {kin} and Aunt {relative} are all helping to keep us safe." },
  { "child-version", "We see Dad at the agency, and a grown-up from the agency is always there." },
  { "child-version", "If we feel scared, we can call Grandma {kin} or tell our teacher." },
  { NULL }
};

static const DemoItem demo_reunification[] = {
  { "need", "Steady rent and help with the electricity bill for the first three months." },
  { "need", "Child care after school while {mother} works afternoons." },
  { "need", "Counselling for the children, who still have nightmares." },
  { "worry", "{mother} worries that she will feel overwhelmed once the visits from the agency stop." },
  { "worry", "{kin} worries about {father} turning up at the house." },
  { "support", "Parenting group for {mother}", "mother", "Thursdays", "Weekly" },
  { "checkin", "Caseworker home visit", "caseworker", "Month 1", "Weekly", "Visit notes" },
  { "checkin", "Caseworker home visit", "caseworker", "Months 2–6", "Every two weeks", "Visit notes" },
  { "checkin", "Phone check-in with the point person", "caseworker", "Months 7–12", "Monthly", "Call log" },
  { "respite", "The children spend one weekend a month with Grandma {kin}.", "kin-caregiver", "First weekend", "Monthly" },
  { "respite", "The children keep in touch with their foster family by video call and a visit in the holidays.",
    "foster-parent", "Sundays", "Every two weeks" },
  { "warning-sign", "The children miss school two days in a row.", NULL, NULL, NULL,
    "The school calls {mother} and the point person; {kin} helps with mornings." },
  { "warning-sign", "{mother} stops going to counselling.", NULL, NULL, NULL,
    "The point person calls {mother} the same week and the team meets." },
  { "exit", "The case is closed when the family has managed for 12 months with the supports above and "
            "the team agrees the children are safe." },
  { "exit", "Before closing, the family and the network meet to agree on who they will call if things get hard." },
  { NULL }
};

/* The demo text names people by role ({mother}, {kin}...): they are
 * replaced by the first name of that person of the demo case, so the plan
 * fits whatever family the demo holds. */
static char *
demo_text (HwStore    *store,
           gint64      case_id,
           const char *text)
{
  static const struct { const char *key; const char *role; const char *fallback; } keys[] = {
    { "{mother}", "mother", "Mum" },
    { "{father}", "father", "Dad" },
    { "{kin}", "kin-caregiver", "Rosa" },
    { "{relative}", "relative", "Carmen" },
    { "{neighbour}", "neighbour", "a neighbour" },
    { "{child}", "child", "the children" },
  };
  g_autoptr(GString) s = g_string_new (text);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *name = NULL;
      gint64 id;

      if (strstr (s->str, keys[k].key) == NULL)
        continue;
      id = hw_demo_find_person (store, case_id, keys[k].role);
      if (id != 0)
        {
          g_autoptr(HwRecord) person = hw_store_get (store, "people", id, NULL);

          if (person != NULL)
            {
              g_auto(GStrv) words = g_strsplit (hw_record_get_string (person, "name"), " ", 2);

              name = g_strdup (words[0]);
            }
        }
      g_string_replace (s, keys[k].key, name != NULL ? name : keys[k].fallback, 0);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
add_demo_items (HwStore        *store,
                gint64          case_id,
                gint64          plan_id,
                const DemoItem *items,
                GError        **error)
{
  for (guint i = 0; items[i].section != NULL; i++)
    {
      g_autoptr(HwRecord) item = hw_record_new ("plan_items");
      const DemoItem *d = &items[i];

      g_autofree char *text = demo_text (store, case_id, d->text);

      hw_record_set_string (item, "section", d->section);
      hw_record_set_string (item, "text", text);
      if (d->who_role != NULL)
        hw_record_set_ref (item, "who_person_id", hw_demo_find_safe_person (store, case_id, d->who_role));
      if (d->when_text != NULL)
        hw_record_set_string (item, "when_text", d->when_text);
      if (d->how_often != NULL)
        hw_record_set_string (item, "how_often", d->how_often);
      if (d->how_checked != NULL)
        {
          g_autofree char *checked = demo_text (store, case_id, d->how_checked);

          hw_record_set_string (item, "how_checked", checked);
        }
      if (d->phone != NULL)
        hw_record_set_string (item, "phone", d->phone);
      if (d->withheld_from != NULL)
        {
          hw_record_set_boolean (item, "confidential", TRUE);
          hw_record_set_string (item, "withheld_from", d->withheld_from);
        }
      if (hw_plan_add_item (store, plan_id, item, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
hw_plan_add_demo (HwStore     *store,
                  gint64       case_id,
                  GError     **error)
{
  gint64 safety, reunification;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) review = g_date_time_add_months (now, 3);
  g_autoptr(GDateTime) closing = g_date_time_add_months (now, 12);
  g_autofree char *review_date = g_date_time_format (review, "%Y-%m-%d");
  g_autofree char *closing_date = g_date_time_format (closing, "%Y-%m-%d");
  gint64 point;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  safety = hw_plan_ensure (store, case_id, HW_PLAN_SAFETY, error);
  if (safety == 0 ||
      !hw_plan_set_dates (store, safety, NULL, review_date, NULL, error) ||
      !add_demo_items (store, case_id, safety, demo_safety, error))
    return FALSE;

  reunification = hw_plan_ensure (store, case_id, HW_PLAN_REUNIFICATION, error);
  if (reunification == 0 ||
      !hw_plan_set_dates (store, reunification, NULL, NULL, closing_date, error) ||
      !add_demo_items (store, case_id, reunification, demo_reunification, error))
    return FALSE;

  point = hw_demo_find_safe_person (store, case_id, "caseworker");
  if (point != 0 && !hw_plan_set_point_person (store, reunification, NULL, point, error))
    return FALSE;
  return TRUE;
}
