/* hw-demo-placements.c: where the sample family's children have lived,
 * in line with its key dates (hw-demo-keydates.c): on the day of the
 * removal all three went to the Whitfields' emergency foster home (their
 * grandmother was considered first, but her home had to be checked); six
 * days later, after the shelter hearing, Sofía and Mateo moved to their
 * grandmother Rosa. Lucía stays with the Whitfields. The foster home's
 * address is kept from the family, as the Whitfields' own address is.
 *
 * And whose worker is who: the caseworker Priya Shah for Elena, Rosa and
 * the children; Sofía's therapist for Sofía.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <glib/gi18n-lib.h>

#include "hw-date.h"
#include "hw-demo.h"
#include "hw-demo-private.h"
#include "hw-people.h"
#include "hw-placements.h"

typedef struct {
  const char *child;
  int         days;          /* from today */
  const char *setting;
  const char *caregiver;
  const char *address;
  const char *address_withheld_from;
  const char *reason;
  gboolean    kin_considered;
  const char *kin_not_chosen_reason;
} DemoPlacement;

#define FOSTER_REASON "Removed after a report from school; no relative’s home could be " \
                      "checked that night."
#define FOSTER_NOT_KIN "Their grandmother Rosa asked to take them; her home had to be " \
                       "checked first. Aunt Carmen works nights."

static const DemoPlacement placements[] = {
  { "Sofía Morales", -276, "foster-family", "Karen Whitfield", "9 Juniper Lane, Oakdale",
    "family,support,screen", FOSTER_REASON, TRUE, FOSTER_NOT_KIN },
  { "Mateo Morales", -276, "foster-family", "Karen Whitfield", "9 Juniper Lane, Oakdale",
    "family,support,screen", FOSTER_REASON, TRUE, FOSTER_NOT_KIN },
  { "Lucía Morales", -276, "foster-family", "Karen Whitfield", "9 Juniper Lane, Oakdale",
    "family,support,screen", FOSTER_REASON, TRUE,
    "Their grandmother cannot care for a baby as well as Sofía and Mateo. Aunt Carmen works "
    "nights." },
  { "Sofía Morales", -270, "kin", "Rosa Morales", "112 Birch Street, Riverside", "",
    "Her grandmother’s home was approved, as the court asked at the shelter hearing.",
    FALSE, NULL },
  { "Mateo Morales", -270, "kin", "Rosa Morales", "112 Birch Street, Riverside", "",
    "His grandmother’s home was approved, as the court asked at the shelter hearing.",
    FALSE, NULL },
};

static const struct {
  const char *person;
  const char *worker;
} workers[] = {
  { "Elena Morales", "Priya Shah" },
  { "Rosa Morales", "Priya Shah" },
  { "Sofía Morales", "Dr. Nia Thompson" },
  { "Mateo Morales", "Priya Shah" },
  { "Lucía Morales", "Priya Shah" },
};

gboolean
hw_placements_add_demo (HwStore  *store,
                        gint64    case_id,
                        GError  **error)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (placements); i++)
    {
      const DemoPlacement *d = &placements[i];
      GDate day = today;
      g_autofree char *iso = NULL;
      HwPlacement p = {
        .child_id = hw_demo_find_person_named (store, case_id, d->child),
        .setting = d->setting,
        .caregiver_id = hw_demo_find_person_named (store, case_id, d->caregiver),
        .address = d->address,
        .address_withheld_from = d->address_withheld_from,
        .reason = d->reason,
        .kin_considered = d->kin_considered,
        .kin_not_chosen_reason = d->kin_not_chosen_reason,
      };

      g_date_subtract_days (&day, -d->days);
      iso = hw_date_to_iso (&day);
      p.start_date = iso;
      if (hw_placements_add (store, case_id, &p, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    if (!hw_people_set_worker (store, hw_demo_find_person_named (store, case_id, workers[i].person),
                               hw_demo_find_person_named (store, case_id, workers[i].worker),
                               error))
      return FALSE;
  return TRUE;
}
