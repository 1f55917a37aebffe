/* hw-areas.c: the one table of the case view's pages.
 *
 * To plug in an area view, include its header and put its
 * hw_xxx_view_new in place of NULL: the case view does the rest. An area
 * whose view_new is NULL shows a page saying plainly that it is not ready.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-areas"

#include <glib/gi18n.h>

#include "hw-areas.h"
#include "hw-people-page.h"
#include "hw-meeting-view.h"
#include "hw-ecomap-view.h"
#include "hw-service-plan-view.h"
#include "hw-visits-view.h"
#include "hw-plans-view.h"
#include "hw-key-dates-page.h"
#include "hw-placements-page.h"

static const HwArea areas[] = {
  { "people",       N_("People"),       "x-office-address-book-symbolic", hw_people_page_new },
  { "meeting",      N_("Meeting"),      "system-users-symbolic",          hw_meeting_view_new },
  { "ecomap",       N_("Ecomap"),       "network-workgroup-symbolic",     hw_ecomap_view_new },
  { "service-plan", N_("Service plan"), "view-list-bullet-symbolic",      hw_service_plan_view_new },
  { "family-time",  N_("Family time"),  "x-office-calendar-symbolic",     hw_visits_view_new },
  { "plans",        N_("Plans"),        "x-office-document-symbolic",     hw_plans_view_new },
  { "key-dates",    N_("Key dates"),    "alarm-symbolic",                 hw_key_dates_page_new },
  { "placements",   N_("Placements"),   "go-home-symbolic",               hw_placements_page_new },
};

const HwArea *
hw_areas_get (guint *n_areas)
{
  *n_areas = G_N_ELEMENTS (areas);
  return areas;
}
