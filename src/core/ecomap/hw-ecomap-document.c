/* hw-ecomap-document.c: the ecomap as an HwDocument.
 *
 * The paper copy of the ecomap, the same from the window (print dialog,
 * preview, Save as PDF) and from `homeward export --what ecomap --format
 * pdf`; only the PNG and SVG pictures are drawn as a landscape page of
 * their own (hw_ecomap_draw_page). The map is loaded for the recipient
 * (hw_ecomap_load), so what is withheld from them is never drawn, and the
 * figure is drawn in the document's language. The figure is the one the
 * plans print: as wide as the text, every word at least 8 points on paper
 * (names on the map when they fit, otherwise numbers and a key), the
 * legend compact under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-ecomap-document"

#include "hw-date.h"
#include "hw-ecomap-document.h"
#include "hw-ecomap-render.h"
#include "hw-i18n.h"
#include "hw-language.h"

static const HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };

static double
map_height_cb (double   width,
               gpointer user_data)
{
  return hw_ecomap_figure_height (user_data, width);
}

static void
draw_map_cb (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  hw_ecomap_draw_document_figure (user_data, cr, width, height);
}

HwDocument *
hw_ecomap_build_document (HwStore           *store,
                          gint64             case_id,
                          const HwRecipient *recipient,
                          const char        *paper,
                          GError           **error)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autoptr(HwRecord) kase = NULL;
  g_autoptr(HwRecord) person = NULL;
  g_autofree char *recipient_line = NULL;
  g_autofree char *iso = hw_date_today_iso ();
  HwEcomapMap *map;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (recipient == NULL)
    recipient = &agency;
  if (!hw_document_set_paper_name (doc, paper, error))
    return NULL;
  kase = hw_store_get (store, "cases", case_id, error);
  if (kase == NULL)
    return NULL;
  map = hw_ecomap_load (store, case_id, recipient, error);
  if (map == NULL)
    return NULL;

  /* a support person's copy names them only if they are not withheld */
  if (recipient->kind == HW_RECIPIENT_SUPPORT)
    person = hw_store_get (store, "people", recipient->person_id, NULL);
  recipient_line = hw_recipient_describe (recipient,
                                          person != NULL && hw_recipient_may_see_record (recipient, person)
                                          ? hw_record_get_string (person, "name") : NULL);
  hw_document_set_case (doc, hw_record_get_string (kase, "family_name"),
                        hw_record_get_string (kase, "case_number"));
  hw_document_set_sample (doc, hw_record_get_boolean (kase, "sample"));
  hw_document_set_confidentiality (doc, _("Confidential: for the family and the people who support them."));
  hw_document_set_recipient_line (doc, recipient_line);
  {
    g_autofree char *printed = hw_language_format_today (HW_DATE_LONG);
    /* Translators: footer of a printed document */
    g_autofree char *line = g_strdup_printf (_("Printed on %s"), printed);

    hw_document_set_date_line (doc, line);
  }
  hw_document_set_metadata (doc, map->title, hw_store_get_author (store),
                            _("The family’s support network"), iso);

  hw_document_add_heading (doc, 1, map->title);
  hw_document_add_wide_figure (doc, map_height_cb, draw_map_cb, map,
                               (GDestroyNotify) hw_ecomap_map_free, NULL);
  return g_steal_pointer (&doc);
}
