/* hw-demo.c: the Morales family, a made-up but realistic case.
 *
 * Sofía (9) and Mateo (6) live with their grandmother Rosa (after a few
 * days in an emergency foster home); baby Lucía (2) is with the Whitfield
 * foster family. Their mother Elena is working
 * towards reunification; Lucía's father Marco is the person alleged to
 * have caused harm (domestic violence), so Elena's new address is kept
 * from support people and from the shared screen, and the foster family's
 * address from the family. A domestic-violence advocate takes part but is
 * confidential to everyone except the agency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-demo"

#include <glib/gi18n-lib.h>

#include "hw-demo.h"
#include "hw-demo-private.h"

typedef struct {
  const char *name;
  const char *role;
  const char *relationship;
  const char *phone;
  const char *email;
  const char *address;
  const char *address_withheld_from;
  const char *pronouns;
  const char *language;
  const char *birth_date;
  gboolean    in_household;
  gboolean    alleged_harm_source;
  const char *withheld_from;     /* non-NULL: confidential */
  const char *notes;
} DemoPerson;

static const DemoPerson people[] = {
  { "Elena Morales", "mother", "Mother of Sofía, Mateo and Lucía", "(555) 201-4410", "elena.morales@example.org",
    "48 Alder Court, Apt 3, Riverside", "support,screen", "she/her", "es", "", TRUE, FALSE, NULL,
    "Prefers to speak Spanish in meetings; reads English well." },
  { "Sofía Morales", "child", "Daughter", "", "", "", "", "she/her", "es", "2017-03-14", TRUE, FALSE, NULL,
    "Third grade at Lincoln Elementary. Loves drawing." },
  { "Mateo Morales", "child", "Son", "", "", "", "", "he/him", "es", "2020-06-02", TRUE, FALSE, NULL,
    "Kindergarten. Speech therapy twice a week." },
  { "Lucía Morales", "child", "Daughter", "", "", "", "", "she/her", "es", "2024-01-20", TRUE, FALSE, NULL,
    "Placed with the Whitfield family." },
  { "Marco Reyes", "father", "Father of Lucía", "(555) 201-7788", "", "", "", "he/him", "es", "", FALSE, TRUE, NULL,
    "Protective order in place. Contact only as the court allows." },
  { "Rosa Morales", "kin-caregiver", "Grandmother (Elena’s mother)", "(555) 201-3321", "rosa.m@example.org",
    "112 Birch Street, Riverside", "", "she/her", "es", "", FALSE, FALSE, NULL,
    "Sofía and Mateo live with her." },
  { "Karen Whitfield", "foster-parent", "Foster mother of Lucía", "(555) 330-1190", "kwhitfield@example.org",
    "9 Juniper Lane, Oakdale", "family,support,screen", "she/her", "en", "", FALSE, FALSE, NULL, "" },
  { "James Whitfield", "foster-parent", "Foster father of Lucía", "(555) 330-1191", "",
    "9 Juniper Lane, Oakdale", "family,support,screen", "he/him", "en", "", FALSE, FALSE, NULL, "" },
  { "Carmen Ortiz", "relative", "Aunt (Elena’s sister)", "(555) 201-9902", "carmen.ortiz@example.org",
    "77 Cedar Road, Riverside", "", "she/her", "es", "", FALSE, FALSE, NULL,
    "Supervises weekend visits." },
  { "Joseph Baker", "neighbour", "Neighbour and friend", "(555) 201-5567", "", "", "", "he/him", "en", "", FALSE, FALSE, NULL,
    "Drives Elena to appointments." },
  { "Rev. Samuel Green", "faith", "Pastor, St. Anne’s", "(555) 440-2200", "pastor@stannes.example.org", "", "", "he/him", "en", "", FALSE, FALSE, NULL, "" },
  { "Priya Shah", "caseworker", "Caseworker, County Children and Family Services", "(555) 600-1234", "priya.shah@county.example.gov",
    "", "", "she/her", "en", "", FALSE, FALSE, NULL, "" },
  { "Tom Becker", "facilitator", "Family meeting facilitator", "(555) 600-1250", "tom.becker@county.example.gov", "", "", "he/him", "en", "", FALSE, FALSE, NULL, "" },
  { "Dr. Nia Thompson", "therapist", "Sofía’s therapist", "(555) 710-4500", "", "", "", "she/her", "en", "", FALSE, FALSE, NULL, "" },
  { "Margaret Liu", "guardian-ad-litem", "Children’s advocate (CASA)", "(555) 820-3030", "", "", "", "she/her", "en", "", FALSE, FALSE, NULL, "" },
  { "Alicia Brooks", "professional", "Domestic violence advocate", "(555) 900-7000", "", "", "", "she/her", "en", "", FALSE, FALSE,
    "family,support,screen", "Works with Elena on safety planning. Do not share her name outside the agency." },
  { "Ana Castillo", "interpreter", "Spanish interpreter", "(555) 600-1299", "", "", "", "she/her", "es", "", FALSE, FALSE, NULL, "" },
};

typedef struct {
  const char *name;
  const char *kind;
  const char *contact;
  const char *phone;
  const char *address;
} DemoOrganisation;

static const DemoOrganisation organisations[] = {
  { "Lincoln Elementary School", "school", "Ms. Patel, school counsellor", "(555) 300-1000", "200 School Street, Riverside" },
  { "Riverside Head Start", "school", "Front desk", "(555) 300-2000", "15 Park Avenue, Riverside" },
  { "St. Anne’s Church", "church", "Rev. Samuel Green", "(555) 440-2200", "3 Church Lane, Riverside" },
  { "Harbor Counseling Center", "provider", "Intake", "(555) 710-4500", "500 Harbor Way, Riverside" },
  { "Hope Recovery Services", "provider", "Outpatient program", "(555) 710-8800", "" },
  { "Bright Start Parenting Program", "provider", "Group coordinator", "(555) 710-6100", "" },
  { "Sunrise Housing Partnership", "services", "Housing navigator", "(555) 500-7700", "" },
  { "County Children and Family Services", "agency", "Priya Shah", "(555) 600-1234", "1 Civic Center, Riverside" },
  { "Family Court, Department 3", "court", "Clerk", "(555) 800-3000", "10 Justice Plaza, Riverside" },
  { "Riverside Community Clinic", "health", "Pediatrics", "(555) 720-0100", "" },
  { "Fresh Market", "employer", "Store manager", "(555) 250-4000", "" },
};

typedef gboolean (*DemoHook) (HwStore *store, gint64 case_id, GError **error);

/* Each area adds its own sample data (ecomap ties, meetings, service plan,
 * visits, plans: hw-demo-<area>.c) inside the same edit. */
static const DemoHook hooks[] = {
  hw_ecomap_add_demo,
  hw_service_plan_add_demo,
  hw_meeting_add_demo,
  hw_visits_add_demo,
  hw_plan_add_demo,
  hw_case_dates_add_demo,
  hw_placements_add_demo,
  NULL
};

gint64
hw_demo_find_person (HwStore    *store,
                     gint64      case_id,
                     const char *role)
{
  return hw_store_query_int (store, 0,
                             "SELECT id FROM people WHERE case_id = ? AND role = ? ORDER BY id LIMIT 1",
                             G_TYPE_INT64, case_id, G_TYPE_STRING, role, G_TYPE_INVALID);
}

gint64
hw_demo_find_person_named (HwStore    *store,
                           gint64      case_id,
                           const char *name)
{
  return hw_store_query_int (store, 0, "SELECT id FROM people WHERE case_id = ? AND name = ?",
                             G_TYPE_INT64, case_id, G_TYPE_STRING, name, G_TYPE_INVALID);
}

gint64
hw_demo_find_safe_person (HwStore    *store,
                          gint64      case_id,
                          const char *role)
{
  return hw_store_query_int (store, 0,
                             "SELECT id FROM people WHERE case_id = ? AND role = ? "
                             "AND alleged_harm_source = 0 ORDER BY id LIMIT 1",
                             G_TYPE_INT64, case_id, G_TYPE_STRING, role, G_TYPE_INVALID);
}

gint64
hw_demo_create (HwStore  *store,
                GError  **error)
{
  g_autoptr(HwRecord) family = hw_record_new ("cases");
  gint64 case_id;

  g_return_val_if_fail (HW_IS_STORE (store), 0);

  if (!hw_store_begin_edit (store, N_("Add sample family"), error))
    return 0;

  hw_record_set_string (family, "family_name", "Morales");
  hw_record_set_string (family, "case_number", "FC-2026-0142");
  hw_record_set_string (family, "status", "in-care");
  hw_record_set_string (family, "permanency_goal", "reunification");
  hw_record_set_string (family, "concurrent_goal", "kinship");
  hw_record_set_string (family, "primary_language", "es");
  hw_record_set_boolean (family, "interpreter_needed", TRUE);
  hw_record_set_boolean (family, "sample", TRUE);
  hw_record_set_string (family, "notes",
                        "Sample family created by Homeward so that you can try every part of the program. "
                        "Every name, address and phone number is made up.");
  case_id = hw_store_insert (store, NULL, family, error);
  if (case_id == 0)
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const DemoPerson *p = &people[i];
      g_autoptr(HwRecord) rec = hw_record_new ("people");

      hw_record_set_int (rec, "case_id", case_id);
      hw_record_set_string (rec, "name", p->name);
      hw_record_set_string (rec, "role", p->role);
      hw_record_set_string (rec, "relationship", p->relationship);
      hw_record_set_string (rec, "phone", p->phone);
      hw_record_set_string (rec, "email", p->email);
      hw_record_set_string (rec, "address", p->address);
      hw_record_set_string (rec, "address_withheld_from", p->address_withheld_from);
      hw_record_set_string (rec, "pronouns", p->pronouns);
      hw_record_set_string (rec, "language", p->language);
      hw_record_set_string (rec, "birth_date", p->birth_date);
      hw_record_set_boolean (rec, "in_household", p->in_household);
      hw_record_set_boolean (rec, "alleged_harm_source", p->alleged_harm_source);
      hw_record_set_boolean (rec, "confidential", p->withheld_from != NULL);
      hw_record_set_string (rec, "withheld_from", p->withheld_from ? p->withheld_from : "");
      hw_record_set_string (rec, "notes", p->notes);
      if (hw_store_insert (store, NULL, rec, error) == 0)
        goto fail;
    }

  for (guint i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      const DemoOrganisation *o = &organisations[i];
      g_autoptr(HwRecord) rec = hw_record_new ("organisations");

      hw_record_set_int (rec, "case_id", case_id);
      hw_record_set_string (rec, "name", o->name);
      hw_record_set_string (rec, "kind", o->kind);
      hw_record_set_string (rec, "contact", o->contact);
      hw_record_set_string (rec, "phone", o->phone);
      hw_record_set_string (rec, "address", o->address);
      if (hw_store_insert (store, NULL, rec, error) == 0)
        goto fail;
    }

  for (guint i = 0; hooks[i] != NULL; i++)
    if (!hooks[i] (store, case_id, error))
      goto fail;

  if (!hw_store_commit_edit (store, error))
    return 0;
  return case_id;

fail:
  hw_store_rollback_edit (store);
  return 0;
}
