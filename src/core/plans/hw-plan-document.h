/* hw-plan-document.h: the printed safety plan and post-reunification plan.
 *
 * A printed plan is built from a plan snapshot (hw_plan_snapshot() for the
 * draft, hw_plan_load_version() for an agreed version) for one recipient
 * and in one language:
 *  - family and agency/court copies hold the whole plan minus what is
 *    withheld from that recipient (items, people, protected addresses);
 *  - a support person's copy (person:ID) holds only their own part: the
 *    rules and tasks they look after, their own contact line, the
 *    emergency numbers (safety plan) or the point person (after going
 *    home), and their own signature block;
 *  - withheld data is never given to the renderer, so it is in neither
 *    the text layer nor the metadata;
 *  - the language is the family's (or the one asked for), whatever the
 *    language of the screen.
 * The same snapshot, recipient and language always give the same text, so
 * an agreed version reprints exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hw-document.h"
#include "hw-export.h"
#include "hw-recipient.h"
#include "hw-store.h"

G_BEGIN_DECLS

/**
 * hw_plan_document_new:
 * @snapshot: a plan snapshot (JSON object)
 * @recipient: who the copy is for
 * @language: (nullable): "es", "en"...; NULL = the case's language
 * @figure: (nullable): draws the support network (the ecomap) for this
 *   recipient; NULL draws a labelled placeholder box
 *
 * Returns: (transfer full): the document, or NULL with @error set (e.g.
 *   a support person who is not in the case)
 */
HwDocument *hw_plan_document_new (JsonNode           *snapshot,
                                  const HwRecipient  *recipient,
                                  const char         *language,
                                  HwDocumentDrawFunc  figure,
                                  gpointer            figure_data,
                                  GDestroyNotify      figure_destroy,
                                  GError            **error);

/**
 * hw_plan_document_new_full:
 * @figure_height: (nullable): the height the figure needs at the text's
 *   width; with it the figure always has the text's width (a figure too
 *   tall for what is left of a page starts the next one). NULL: a 4:3
 *   figure, made smaller to fit if need be.
 *
 * As hw_plan_document_new().
 */
HwDocument *hw_plan_document_new_full (JsonNode             *snapshot,
                                       const HwRecipient    *recipient,
                                       const char           *language,
                                       HwDocumentHeightFunc  figure_height,
                                       HwDocumentDrawFunc    figure,
                                       gpointer              figure_data,
                                       GDestroyNotify        figure_destroy,
                                       GError              **error);

/**
 * hw_plan_document_new_for_store:
 *
 * As hw_plan_document_new(), with the support network figure of the
 * safety plan drawn from @store: for an agreed version, the ecomap as it
 * was frozen with it; for the draft, today's ecomap. Either way only what
 * @recipient may see.
 */
HwDocument *hw_plan_document_new_for_store (HwStore            *store,
                                            JsonNode           *snapshot,
                                            const HwRecipient  *recipient,
                                            const char         *language,
                                            GError            **error);

/**
 * hw_plan_export:
 *
 * `homeward export --what safety-plan|reunification-plan --recipient ...
 * --language es|en --format pdf --output FILE [--version N] [--paper letter]`.
 * Writes the PDF privately and atomically.
 */
gboolean    hw_plan_export       (HwStore                *store,
                                  const HwExportOptions  *opts,
                                  GError                **error);

G_END_DECLS
