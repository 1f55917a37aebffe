/* hw-demo-keydates.c: the sample family's key dates: the removal about
 * nine months ago, the shelter and disposition hearings with what the
 * court ordered, the review hearing six weeks from now and a trial home
 * visit planned after it.
 *
 * The dates count from today, as the other sample areas do (meetings six
 * weeks and one week ago, visits stepped up to unsupervised weeks ago),
 * so the history keeps reading the same whatever day the family is made:
 * the hearings and the visit levels line up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <glib/gi18n-lib.h>

#include "hw-case-dates.h"
#include "hw-date.h"
#include "hw-demo.h"

typedef struct {
  const char *kind;
  int         days;          /* from today */
  const char *hearing_kind;
  const char *ordered;
  const char *notes;
} DemoKeyDate;

static const DemoKeyDate key_dates[] = {
  { "removal", -276, NULL, NULL,
    "The children were placed in an emergency foster home after a report from school." },
  { "hearing", -274, "shelter",
    "Sofía and Mateo to move to their grandmother once her home is approved; Lucía stays "
    "with the foster family. Supervised visits with their mother twice a week. Elena to "
    "start a substance use assessment.",
    "" },
  { "hearing", -218, "disposition",
    "The plan is reunification, with placement with relatives as the concurrent plan. "
    "Elena to complete the parenting program and outpatient treatment. "
    "Visits may step up when the agency agrees.",
    "" },
  { "hearing", 42, "review", NULL,
    "The agency will ask the judge for a trial home visit." },
  { "trial-home-visit", 49, NULL, NULL,
    "Planned, if the judge agrees at the review hearing." },
};

gboolean
hw_case_dates_add_demo (HwStore  *store,
                        gint64    case_id,
                        GError  **error)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (key_dates); i++)
    {
      const DemoKeyDate *k = &key_dates[i];
      GDate day = today;
      g_autofree char *iso = NULL;
      HwCaseEvent event = { k->kind, NULL, k->hearing_kind, k->ordered, k->notes };

      if (k->days >= 0)
        g_date_add_days (&day, k->days);
      else
        g_date_subtract_days (&day, -k->days);
      iso = hw_date_to_iso (&day);
      event.date = iso;
      if (hw_case_dates_add (store, case_id, &event, error) == 0)
        return FALSE;
    }
  return TRUE;
}
