/* hw-ical.h: iCalendar (RFC 5545) export and import of visits, with
 * libical. The public entry points are declared in hw-visits.h
 * (hw_visits_export, hw_visits_to_ics, hw_visits_import_ics); this header
 * holds what the tests need besides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-visits.h"

G_BEGIN_DECLS

#define HW_ICAL_PRODID "-//Homeward//Family time//EN"

/* Runs libical's restriction check (RFC 5546, METHOD:PUBLISH) on @ics;
 * FALSE with the problems in @error. */
gboolean hw_ical_check (const char  *ics,
                        GError     **error);

G_END_DECLS
