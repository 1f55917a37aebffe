/* hw-demo.h: a realistic sample family, for the first run and for tests.
 *
 * All the made-up data lives in this folder, one file per area
 * (hw-demo-<area>.c); the areas themselves hold none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* Creates the Morales family with every area filled in, as one edit.
 * Returns the case id, or 0 with @error set (nothing written). */
gint64 hw_demo_create (HwStore  *store,
                       GError  **error);

/* The id of the first person of @case_id with @role, or 0. */
gint64 hw_demo_find_person (HwStore    *store,
                            gint64      case_id,
                            const char *role);

/* One area at a time, for tests: each writes the sample data of its area
 * for @case_id, using the people and organisations already in the case
 * (a missing one is left out rather than invented). */

/* Sample ties, network roles and an "Intake" snapshot (hw-demo-ecomap.c);
 * writes rows inside the caller's open edit. */
gboolean hw_ecomap_add_demo       (HwStore  *store,
                                   gint64    case_id,
                                   GError  **error);

/**
 * hw_meeting_add_demo:
 *
 * Writes two meetings for the demo family (an earlier and a recent one,
 * with scores that changed), using the case's people (hw-demo-meeting.c).
 * Joins the caller's edit, or makes its own.
 */
gboolean hw_meeting_add_demo      (HwStore  *store,
                                   gint64    case_id,
                                   GError  **error);

/* Fills a realistic safety plan and post-reunification plan for the demo
 * case (hw-demo-plans.c): writes rows only (the caller holds an open
 * edit). */
gboolean hw_plan_add_demo         (HwStore  *store,
                                   gint64    case_id,
                                   GError  **error);

/**
 * hw_service_plan_add_demo:
 *
 * Writes a realistic plan for the demo family @case_id
 * (hw-demo-service-plan.c): needs in several domains, goals, tasks (some
 * overdue, some done), progress notes, twelve months of aftercare
 * supports and three readiness reviews that show improvement. Call it
 * inside an open edit: it only writes rows.
 */
gboolean hw_service_plan_add_demo (HwStore  *store,
                                   gint64    case_id,
                                   GError  **error);

/* Realistic visits for the demo family of @case_id (hw-demo-visits.c; its
 * people must exist). Called inside an open edit: only writes rows. */
gboolean hw_visits_add_demo       (HwStore  *store,
                                   gint64    case_id,
                                   GError  **error);

/* The demo family's key dates (hw-demo-keydates.c): removal, two hearings
 * with what was ordered, the next review hearing and a planned trial home
 * visit. Called inside an open edit: only writes rows. */
gboolean hw_case_dates_add_demo   (HwStore  *store,
                                   gint64    case_id,
                                   GError  **error);

/* The demo family's placements and workers (hw-demo-placements.c): the
 * removal to a foster family, Sofía and Mateo then with their grandmother
 * (relatives considered first); the caseworker as the worker of the
 * mother, the grandmother and the children. Inside an open edit. */
gboolean hw_placements_add_demo   (HwStore  *store,
                                   gint64    case_id,
                                   GError  **error);

G_END_DECLS
