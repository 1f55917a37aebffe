/* hw-ecomap-document.h: the ecomap as a printable document of the shared
 * renderer, so that the window prints it, with a preview, through the same
 * print dialog and operation as every other document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-document.h"
#include "hw-ecomap.h"

G_BEGIN_DECLS

/**
 * hw_ecomap_build_document:
 * @recipient: (nullable): who the copy is for (NULL: the agency); people
 *   and ties withheld from them are not on the map
 * @paper: (nullable): "a4" or "letter" (NULL: a4)
 *
 * A page with the title, the map and its legend as wide as the text, and
 * the document's header and footer (family, case number, whose copy,
 * date). Built in the current gettext language (see hw_language_push()).
 *
 * Returns: (transfer full): the document, or NULL with @error set
 */
HwDocument *hw_ecomap_build_document (HwStore           *store,
                                      gint64             case_id,
                                      const HwRecipient *recipient,
                                      const char        *paper,
                                      GError           **error);

G_END_DECLS
