/* hw-demo-ecomap.c: the sample family's support network: ties at intake
 * and now, an "Intake" snapshot, and the safety network's roles.
 *
 * Sample data is data: made up, and kept out of the ecomap code, which it
 * uses only through its public API (hw-ecomap.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <glib/gi18n-lib.h>

#include "hw-demo.h"
#include "hw-demo-private.h"
#include "hw-ecomap.h"

static gint64
node_of_person (HwStore    *store,
                gint64      case_id,
                const char *name)
{
  return hw_store_query_int (store, 0,
                             "SELECT n.id FROM ecomap_nodes n JOIN people p ON p.id = n.person_id "
                             "WHERE n.case_id = ? AND p.name = ?",
                             G_TYPE_INT64, case_id, G_TYPE_STRING, name, G_TYPE_INVALID);
}

static gint64
node_of_org (HwStore    *store,
             gint64      case_id,
             const char *name)
{
  return hw_store_query_int (store, 0,
                             "SELECT n.id FROM ecomap_nodes n JOIN organisations o ON o.id = n.org_id "
                             "WHERE n.case_id = ? AND o.name = ?",
                             G_TYPE_INT64, case_id, G_TYPE_STRING, name, G_TYPE_INVALID);
}

typedef struct {
  const char *name;
  gboolean    org;
  const char *strength;
  gboolean    stressful;
  const char *flow;      /* a = household, b = them */
  const char *support;
  const char *frequency;
  const char *note;
} DemoTie;

gboolean
hw_ecomap_add_demo (HwStore  *store,
                    gint64    case_id,
                    GError  **error)
{
  /* At intake: a thin network, the father's tie stressful. */
  static const DemoTie intake[] = {
    { "Rosa Morales", FALSE, "strong", FALSE, "b-to-a", "child-care,emotional,practical", "every day", "" },
    { "Marco Reyes", FALSE, "moderate", TRUE, "none", "", "", "" },
    { "Carmen Ortiz", FALSE, "tenuous", FALSE, "none", "", "a few times a year", "" },
    { "Lincoln Elementary School", TRUE, "moderate", FALSE, "b-to-a", "information", "", "" },
    { "Priya Shah", FALSE, "moderate", TRUE, "b-to-a", "information", "every week", "" },
    { "Family Court, Department 3", TRUE, "moderate", TRUE, "none", "", "", "" },
    { "Fresh Market", TRUE, "tenuous", FALSE, "b-to-a", "financial", "", "" },
  };
  /* Now: more support, the father cut off by the protective order. */
  static const DemoTie now[] = {
    { "Rosa Morales", FALSE, "strong", FALSE, "both", "child-care,emotional,practical", "every day",
      "Sofía and Mateo live with her; Elena visits her daily." },
    { "Marco Reyes", FALSE, "broken", TRUE, "none", "", "", "Protective order; no contact." },
    { "Carmen Ortiz", FALSE, "strong", FALSE, "b-to-a", "respite,child-care,emotional", "every weekend",
      "Supervises weekend visits." },
    { "Karen Whitfield", FALSE, "moderate", FALSE, "b-to-a", "child-care,information", "twice a week",
      "Lucía’s foster mother; shares photos and notes after visits." },
    { "James Whitfield", FALSE, "tenuous", FALSE, "none", "", "", "" },
    { "Joseph Baker", FALSE, "moderate", FALSE, "b-to-a", "transport,practical", "every week",
      "Drives Elena to appointments." },
    { "Rev. Samuel Green", FALSE, "moderate", FALSE, "b-to-a", "spiritual,emotional", "every Sunday", "" },
    { "Priya Shah", FALSE, "moderate", FALSE, "both", "information,practical", "every week", "" },
    { "Dr. Nia Thompson", FALSE, "moderate", FALSE, "b-to-a", "emotional", "every week", "Sofía’s therapist." },
    { "Margaret Liu", FALSE, "tenuous", FALSE, "b-to-a", "information", "every month", "" },
    { "Alicia Brooks", FALSE, "strong", FALSE, "b-to-a", "emotional,information", "every week",
      "Safety planning with Elena." },
    { "Lincoln Elementary School", TRUE, "strong", FALSE, "b-to-a", "information,emotional", "school days", "" },
    { "Riverside Head Start", TRUE, "moderate", FALSE, "b-to-a", "child-care", "school days", "" },
    { "St. Anne’s Church", TRUE, "moderate", FALSE, "b-to-a", "spiritual,practical", "every week", "" },
    { "Harbor Counseling Center", TRUE, "moderate", FALSE, "b-to-a", "emotional", "every week", "" },
    { "Hope Recovery Services", TRUE, "moderate", TRUE, "b-to-a", "emotional,information", "twice a week",
      "Outpatient program; Elena finds the group hard but keeps going." },
    { "Bright Start Parenting Program", TRUE, "moderate", FALSE, "b-to-a", "information", "every week", "" },
    { "Sunrise Housing Partnership", TRUE, "tenuous", FALSE, "b-to-a", "practical,financial", "", "On the waiting list." },
    { "Family Court, Department 3", TRUE, "moderate", TRUE, "none", "", "every three months", "" },
    { "Riverside Community Clinic", TRUE, "tenuous", FALSE, "b-to-a", "practical", "", "" },
    { "Fresh Market", TRUE, "moderate", FALSE, "b-to-a", "financial", "", "Elena works four days a week." },
  };
  static const struct { const char *person, *role; } roles[] = {
    { "Rosa Morales", "checks-in" }, { "Rosa Morales", "emergency-contact" },
    { "Carmen Ortiz", "supervises-contact" }, { "Carmen Ortiz", "respite" },
    { "Joseph Baker", "transport" }, { "Rev. Samuel Green", "mentor" },
  };
  gint64 household;

  g_return_val_if_fail (hw_store_in_edit (store), FALSE);

  if (!hw_ecomap_ensure_nodes (store, case_id, error))
    return FALSE;
  household = hw_ecomap_household_node (store, case_id);

  for (int pass = 0; pass < 2; pass++)
    {
      const DemoTie *ties = pass == 0 ? intake : now;
      guint n = pass == 0 ? G_N_ELEMENTS (intake) : G_N_ELEMENTS (now);

      if (pass == 1)
        {
          /* the intake snapshot holds the first state; then start over */
          if (hw_ecomap_save_snapshot (store, case_id, _("Intake"), error) == 0)
            return FALSE;
          g_autofree char *sql = g_strdup_printf ("DELETE FROM ties WHERE case_id = %" G_GINT64_FORMAT,
                                                  case_id);

          if (!hw_store_exec (store, sql, error))
            return FALSE;
        }
      for (guint i = 0; i < n; i++)
        {
          const DemoTie *d = &ties[i];
          gint64 node = d->org ? node_of_org (store, case_id, d->name)
                               : node_of_person (store, case_id, d->name);
          HwEcomapTieFields fields = { d->strength, d->stressful, d->flow, d->support,
                                       d->frequency, d->note };
          gint64 tie;

          if (node == 0)
            continue;   /* the demo family changed: skip, do not fail */
          tie = hw_ecomap_add_tie (store, household, node, d->strength, error);
          if (tie == 0 || !hw_ecomap_update_tie (store, tie, &fields, error))
            return FALSE;
        }
    }

  /* a tie between two outer nodes: grandmother and aunt */
  {
    gint64 rosa = node_of_person (store, case_id, "Rosa Morales");
    gint64 carmen = node_of_person (store, case_id, "Carmen Ortiz");

    if (rosa != 0 && carmen != 0)
      {
        HwEcomapTieFields fields = { "moderate", TRUE, "both", "emotional", "every week",
                                     "Close, but they argue about Elena." };
        gint64 tie = hw_ecomap_add_tie (store, rosa, carmen, "moderate", error);

        if (tie == 0 || !hw_ecomap_update_tie (store, tie, &fields, error))
          return FALSE;
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      gint64 id = hw_demo_find_person_named (store, case_id, roles[i].person);

      if (id != 0 && !hw_ecomap_set_network_role (store, id, roles[i].role, TRUE, error))
        return FALSE;
    }
  return TRUE;
}
