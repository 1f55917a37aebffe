/* hw-enums.c: fixed choices and their labels.
 *
 * Labels are written for parents as much as for professionals: plain
 * words, no jargon where a plain word exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-enums"

#include <libintl.h>
#include <glib/gi18n-lib.h>

#include "hw-enums.h"

static const HwChoice case_status[] = {
  { "in-care", N_("Children in care") },
  { "trial-home-visit", N_("Trial home visit") },
  { "reunified", N_("Home again (reunified)") },
  { "closed", N_("Case closed") },
  { NULL, NULL }
};

static const HwChoice permanency_goal[] = {
  { "reunification", N_("Return home (reunification)") },
  { "guardianship", N_("Guardianship") },
  { "adoption", N_("Adoption") },
  { "kinship", N_("Permanent home with relatives") },
  { "appla", N_("Another planned permanent living arrangement") },
  { "", N_("None") },
  { NULL, NULL }
};

static const HwChoice person_role[] = {
  { "child", N_("Child") },
  { "mother", N_("Mother") },
  { "father", N_("Father") },
  { "parent", N_("Parent") },
  { "stepparent", N_("Stepparent") },
  { "kin-caregiver", N_("Relative caring for the children") },
  { "foster-parent", N_("Foster parent") },
  { "sibling", N_("Brother or sister") },
  { "grandparent", N_("Grandparent") },
  { "relative", N_("Relative") },
  { "friend", N_("Friend") },
  { "neighbour", N_("Neighbour") },
  { "faith", N_("Faith community member") },
  { "caseworker", N_("Caseworker") },
  { "facilitator", N_("Facilitator") },
  { "therapist", N_("Therapist or counsellor") },
  { "teacher", N_("Teacher") },
  { "attorney", N_("Lawyer") },
  { "guardian-ad-litem", N_("Child’s advocate (guardian ad litem / CASA)") },
  /* peers and coaches who walk beside the family */
  { "parent-partner", N_("Parent partner (a parent who has been through the system)") },
  { "youth-partner", N_("Youth partner (a young person who has been in care)") },
  { "recovery-coach", N_("Recovery coach") },
  { "success-coach", N_("Success coach") },
  { "mentor", N_("Mentor") },
  { "professional", N_("Other professional") },
  { "interpreter", N_("Interpreter") },
  { "tribal-representative", N_("Tribal representative") },
  { NULL, NULL }
};

static const HwChoice org_kind[] = {
  { "school", N_("School") },
  { "church", N_("Church or faith community") },
  { "employer", N_("Work") },
  { "provider", N_("Service provider") },
  { "health", N_("Health care") },
  { "court", N_("Court") },
  { "agency", N_("Child welfare agency") },
  { "community", N_("Community group") },
  { "tribe", N_("Tribe") },
  { "services", N_("Other services") },
  { NULL, NULL }
};

static const HwChoice ecomap_category[] = {
  { "family", N_("Family") },
  { "kin", N_("Relatives") },
  { "friends", N_("Friends") },
  { "school", N_("School") },
  { "work", N_("Work") },
  { "health", N_("Health") },
  { "services", N_("Services") },
  { "faith", N_("Faith") },
  { "legal", N_("Legal") },
  { "community", N_("Community") },
  { NULL, NULL }
};

static const HwChoice tie_strength[] = {
  { "strong", N_("Strong") },
  { "moderate", N_("Moderate") },
  { "tenuous", N_("Weak") },
  { "broken", N_("Broken or cut off") },
  { NULL, NULL }
};

static const HwChoice tie_flow[] = {
  { "none", N_("No direction") },
  { "a-to-b", N_("Support goes one way") },
  { "b-to-a", N_("Support goes the other way") },
  { "both", N_("Support goes both ways") },
  { NULL, NULL }
};

static const HwChoice support_type[] = {
  { "emotional", N_("Emotional") },
  { "practical", N_("Practical help") },
  { "respite", N_("Respite (a break)") },
  { "transport", N_("Transport") },
  { "child-care", N_("Child care") },
  { "financial", N_("Money") },
  { "information", N_("Information and advice") },
  { "spiritual", N_("Spiritual") },
  { NULL, NULL }
};

static const HwChoice network_role[] = {
  { "supervises-contact", N_("Supervises contact") },
  { "checks-in", N_("Checks in") },
  { "respite", N_("Gives respite") },
  { "transport", N_("Drives") },
  { "mentor", N_("Mentor") },
  { "emergency-contact", N_("Emergency contact") },
  { NULL, NULL }
};

static const HwChoice meeting_kind[] = {
  { "icebreaker", N_("Icebreaker (parents and foster parents meet)") },
  { "family-team-meeting", N_("Family team meeting") },
  { "team-decision-making", N_("Team decision-making") },
  { "permanency-planning", N_("Permanency planning") },
  { "reunification-readiness", N_("Ready to go home? (reunification readiness)") },
  { "post-reunification-review", N_("After going home (post-reunification review)") },
  { NULL, NULL }
};

static const HwChoice meeting_phase[] = {
  { "welcome", N_("Welcome and roles") },
  { "ground-rules", N_("Ground rules") },
  { "purpose", N_("Why we are here") },
  { "story", N_("The family’s story") },
  { "strengths", N_("What is working well") },
  { "worries", N_("What we are worried about") },
  { "complicating", N_("What makes it harder") },
  { "safety-goals", N_("Safety goals") },
  { "scaling", N_("How safe, from 0 to 10") },
  { "ideas", N_("Ideas") },
  { "family-time", N_("Private family time") },
  { "decisions", N_("Decisions") },
  { "actions", N_("Next steps: who does what, by when") },
  { "plan-b", N_("What if it goes wrong? (plan B)") },
  { "next-meeting", N_("Next meeting") },
  { NULL, NULL }
};

static const HwChoice attendance[] = {
  { "present", N_("Present") },
  { "remote", N_("By phone or video") },
  { "absent", N_("Absent") },
  { "declined", N_("Declined") },
  { NULL, NULL }
};

static const HwChoice need_domain[] = {
  { "housing", N_("Housing") },
  { "employment-income", N_("Work and income") },
  { "basic-needs", N_("Basic needs") },
  { "parenting", N_("Parenting") },
  { "child-safety", N_("Child safety") },
  { "substance-use", N_("Alcohol and drug use") },
  { "mental-health-parent", N_("Mental health (parent)") },
  { "mental-health-child", N_("Mental health (child)") },
  { "domestic-violence", N_("Domestic violence") },
  { "physical-health", N_("Physical health") },
  { "education", N_("Education") },
  { "legal", N_("Legal") },
  { "transportation", N_("Transport") },
  { "child-care", N_("Child care") },
  { NULL, NULL }
};

static const HwChoice task_status[] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "dropped", N_("Dropped") },
  { NULL, NULL }
};

static const HwChoice achievement[] = {
  { "none", N_("No progress yet") },
  { "some", N_("Some progress") },
  { "moderate", N_("Good progress") },
  { "major", N_("Great progress") },
  { NULL, NULL }
};

static const HwChoice barrier[] = {
  { "cost", N_("Cost") },
  { "transport", N_("Transport") },
  { "wait-list", N_("Wait list") },
  { "language", N_("Language") },
  { NULL, NULL }
};

static const HwChoice aftercare_component[] = {
  { "basic-resources", N_("Basic resources: housing, work, income") },
  { "safety-practices", N_("Keeping children safe") },
  { "trauma-informed", N_("Understanding trauma") },
  { "child-clinical", N_("Support for the children’s health and feelings") },
  { "caregiver-supports", N_("Support for parents and caregivers") },
  { "support-networks", N_("Support networks and breaks") },
  { "navigation", N_("One person to call (point person)") },
  { NULL, NULL }
};

static const HwChoice readiness_domain[] = {
  { "environment", N_("Home and surroundings") },
  { "parenting-skills", N_("Parenting skills") },
  { "family-relationships", N_("How the family gets along") },
  { "family-safety", N_("Safety at home") },
  { "child-wellbeing", N_("How the children are doing") },
  { "caregiver-commitment", N_("Commitment to the plan") },
  { "readiness", N_("Ready to live together again") },
  { NULL, NULL }
};

static const HwChoice visit_level[] = {
  { "therapeutic", N_("Therapeutic (with a therapist)") },
  { "supervised", N_("Supervised") },
  { "monitored", N_("Monitored (checked in on)") },
  { "unsupervised", N_("Unsupervised") },
  { "overnight", N_("Overnight or weekend") },
  { "extended", N_("Extended stay") },
  { "trial-home-visit", N_("Trial home visit") },
  { NULL, NULL }
};

static const HwChoice visit_status[] = {
  { "scheduled", N_("Planned") },
  { "happened", N_("Happened") },
  { "cancelled-parent", N_("Cancelled by the parent") },
  { "cancelled-caregiver", N_("Cancelled by the caregiver") },
  { "cancelled-agency", N_("Cancelled by the agency") },
  { "cancelled-provider", N_("Cancelled by the provider") },
  { "no-show", N_("Parent did not come") },
  { NULL, NULL }
};

static const HwChoice plan_section_safety[] = {
  { "danger", N_("What we are worried about") },
  { "safety-goal", N_("Safety goals") },
  { "rule", N_("Safety rules") },
  { "network", N_("Safety network") },
  { "trigger", N_("Triggers and warning signs") },
  { "if-not-followed", N_("If the plan is not followed") },
  { "emergency", N_("Emergency contacts and crisis lines") },
  { "child-version", N_("The plan in the children’s words") },
  { NULL, NULL }
};

static const HwChoice plan_section_reunification[] = {
  { "need", N_("Needs now and later") },
  { "worry", N_("The family’s worries") },
  { "support", N_("Supports for the next 12 months") },
  { "checkin", N_("Check-ins") },
  { "respite", N_("Breaks and contact with the foster family") },
  { "warning-sign", N_("Warning signs and what to do") },
  { "exit", N_("Closing the case") },
  { NULL, NULL }
};

static const HwChoice language[] = {
  { "en", N_("English") },
  { "es", N_("Spanish") },
  { "fr", N_("French") },
  { "pt", N_("Portuguese") },
  { "ht", N_("Haitian Creole") },
  { "vi", N_("Vietnamese") },
  { "zh", N_("Chinese") },
  { "ar", N_("Arabic") },
  { "so", N_("Somali") },
  { "nv", N_("Navajo") },
  { "asl", N_("American Sign Language") },
  { NULL, NULL }
};

static const HwChoice *all[HW_N_CHOICES] = {
  [HW_CHOICES_CASE_STATUS] = case_status,
  [HW_CHOICES_PERMANENCY_GOAL] = permanency_goal,
  [HW_CHOICES_PERSON_ROLE] = person_role,
  [HW_CHOICES_ORG_KIND] = org_kind,
  [HW_CHOICES_ECOMAP_CATEGORY] = ecomap_category,
  [HW_CHOICES_TIE_STRENGTH] = tie_strength,
  [HW_CHOICES_TIE_FLOW] = tie_flow,
  [HW_CHOICES_SUPPORT_TYPE] = support_type,
  [HW_CHOICES_NETWORK_ROLE] = network_role,
  [HW_CHOICES_MEETING_KIND] = meeting_kind,
  [HW_CHOICES_MEETING_PHASE] = meeting_phase,
  [HW_CHOICES_ATTENDANCE] = attendance,
  [HW_CHOICES_NEED_DOMAIN] = need_domain,
  [HW_CHOICES_TASK_STATUS] = task_status,
  [HW_CHOICES_ACHIEVEMENT] = achievement,
  [HW_CHOICES_BARRIER] = barrier,
  [HW_CHOICES_AFTERCARE_COMPONENT] = aftercare_component,
  [HW_CHOICES_READINESS_DOMAIN] = readiness_domain,
  [HW_CHOICES_VISIT_LEVEL] = visit_level,
  [HW_CHOICES_VISIT_STATUS] = visit_status,
  [HW_CHOICES_PLAN_SECTION_SAFETY] = plan_section_safety,
  [HW_CHOICES_PLAN_SECTION_REUNIFICATION] = plan_section_reunification,
  [HW_CHOICES_LANGUAGE] = language,
};

const HwChoice *
hw_choices_get (HwChoices  which,
                guint     *n_choices)
{
  const HwChoice *choices;
  guint n = 0;

  g_return_val_if_fail (which < HW_N_CHOICES, NULL);

  choices = all[which];
  while (choices[n].id != NULL)
    n++;
  if (n_choices)
    *n_choices = n;
  return choices;
}

int
hw_choices_index (HwChoices   which,
                  const char *id)
{
  const HwChoice *choices;

  g_return_val_if_fail (which < HW_N_CHOICES, -1);

  if (id == NULL)
    return -1;
  choices = all[which];
  for (int i = 0; choices[i].id != NULL; i++)
    if (g_str_equal (choices[i].id, id))
      return i;
  return -1;
}

gboolean
hw_choices_valid (HwChoices   which,
                  const char *id)
{
  return hw_choices_index (which, id) >= 0;
}

const char *
hw_choice_label (HwChoices   which,
                 const char *id)
{
  int i = hw_choices_index (which, id);

  if (i < 0)
    return id ? id : "";
  /* dgettext, not g_dgettext: printed documents switch the language with
   * hw_language_push(), which g_dgettext() may not follow */
  return dgettext (GETTEXT_PACKAGE, all[which][i].label);
}
