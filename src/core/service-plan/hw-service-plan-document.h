/* hw-service-plan-document.h: the service plan as a printable document of
 * the shared renderer, for the PDF export and the app's print operation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-document.h"
#include "hw-service-plan.h"

G_BEGIN_DECLS

/**
 * hw_service_plan_build_document:
 * @recipient: (nullable): who the copy is for (NULL: the agency); what is
 *   withheld from them is left out of the document
 * @paper: (nullable): "a4" or "letter" (NULL: a4)
 *
 * Builds the printed plan in the current gettext language (wrap it in
 * hw_language_push() for the family's language).
 *
 * Returns: (transfer full): the document, or NULL with @error set
 */
HwDocument *hw_service_plan_build_document (HwStore           *store,
                                            gint64             case_id,
                                            const HwRecipient *recipient,
                                            const char        *paper,
                                            GError           **error);

G_END_DECLS
