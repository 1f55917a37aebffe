/* hw-enums.h: the fixed choices of the model (roles, statuses, levels...)
 * with their translatable labels. The id is what the database stores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *id;
  const char *label;   /* untranslated (N_()); use hw_choice_label() */
} HwChoice;

typedef enum {
  HW_CHOICES_CASE_STATUS,
  HW_CHOICES_PERMANENCY_GOAL,
  HW_CHOICES_PERSON_ROLE,
  HW_CHOICES_ORG_KIND,
  HW_CHOICES_ECOMAP_CATEGORY,
  HW_CHOICES_TIE_STRENGTH,
  HW_CHOICES_TIE_FLOW,
  HW_CHOICES_SUPPORT_TYPE,
  HW_CHOICES_NETWORK_ROLE,
  HW_CHOICES_MEETING_KIND,
  HW_CHOICES_MEETING_PHASE,
  HW_CHOICES_ATTENDANCE,
  HW_CHOICES_NEED_DOMAIN,
  HW_CHOICES_TASK_STATUS,
  HW_CHOICES_ACHIEVEMENT,
  HW_CHOICES_BARRIER,
  HW_CHOICES_AFTERCARE_COMPONENT,
  HW_CHOICES_READINESS_DOMAIN,
  HW_CHOICES_VISIT_LEVEL,
  HW_CHOICES_VISIT_STATUS,
  HW_CHOICES_PLAN_SECTION_SAFETY,
  HW_CHOICES_PLAN_SECTION_REUNIFICATION,
  HW_CHOICES_LANGUAGE,
  HW_N_CHOICES
} HwChoices;

const HwChoice *hw_choices_get   (HwChoices   which,
                                  guint      *n_choices);
/* TRUE if @id is one of @which */
gboolean        hw_choices_valid (HwChoices   which,
                                  const char *id);
/* index of @id in @which, or -1 */
int             hw_choices_index (HwChoices   which,
                                  const char *id);
/* The translated label of @id (in the UI language), or @id itself if unknown. */
const char     *hw_choice_label  (HwChoices   which,
                                  const char *id);

G_END_DECLS
