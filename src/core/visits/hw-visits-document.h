/* hw-visits-document.h: the family-time plan and the monthly report as
 * documents of the shared renderer (PDF export, print).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-document.h"
#include "hw-recipient.h"
#include "hw-visits.h"

G_BEGIN_DECLS

/**
 * hw_visits_build_document:
 * @recipient: (nullable): who the copy is for (NULL: the agency); people
 *   and protected addresses withheld from them are left out
 * @person_id: 0, or only the plans this person takes part in
 * @year: @month: the month of the monthly report (0: the current month)
 * @paper: (nullable): "a4" or "letter"
 *
 * The plan (each series: when, where, who, supervision, driver), the
 * level history, then the report of the month: counts, the month grid,
 * each visit with what happened, and the last six months' chart. Built
 * in the current gettext language (see hw_language_push()).
 */
HwDocument *hw_visits_build_document (HwStore           *store,
                                      gint64             case_id,
                                      const HwRecipient *recipient,
                                      gint64             person_id,
                                      int                year,
                                      int                month,
                                      const char        *paper,
                                      GError           **error);

/* FALSE when @place names an address of the case that @recipient may not
 * see (a protected address): then it is not written in their copy. */
gboolean    hw_visits_place_may_show (HwStore           *store,
                                      gint64             case_id,
                                      const HwRecipient *recipient,
                                      const char        *place);

/* A series' name as a document shows it: the default name ("Family time")
 * in the current gettext language, any other name as written. */
const char *hw_visits_display_title  (const char *title);

/* `homeward export --what visits --format pdf`, in the family's language
 * (or opts->language); a language that cannot be loaded is refused. */
gboolean    hw_visits_export_pdf     (HwStore                *store,
                                      const HwExportOptions  *opts,
                                      GError                **error);

G_END_DECLS
