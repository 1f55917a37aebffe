/* hw-recipient.h: who a document, an export or a screen is made for, and
 * what must be withheld from them.
 *
 * Rows that can be confidential carry `confidential` (0/1) and
 * `withheld_from`, a comma separated set of recipient kinds:
 *   family   the family's copy
 *   agency   the agency / court copy
 *   support  any support person's copy
 *   screen   the projected screen in a meeting
 * People also have `address_withheld_from` for a protected address.
 *
 * Rules (see hw_recipient_may_see):
 *  - a kind listed in withheld_from never sees the row;
 *  - confidential = 1 with an empty set hides the row from everyone but
 *    the agency;
 *  - the projected screen never shows anything confidential or withheld
 *    from anyone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-record.h"

G_BEGIN_DECLS

typedef enum {
  HW_RECIPIENT_FAMILY,
  HW_RECIPIENT_AGENCY,
  HW_RECIPIENT_SUPPORT,
  HW_RECIPIENT_SCREEN,
} HwRecipientKind;

typedef struct {
  HwRecipientKind kind;
  gint64          person_id;  /* for HW_RECIPIENT_SUPPORT: who; else 0 */
} HwRecipient;

/* "family", "agency", "screen" or "person:ID" */
gboolean    hw_recipient_parse            (const char        *text,
                                           HwRecipient       *out,
                                           GError           **error);
char       *hw_recipient_to_string        (const HwRecipient *self);
const char *hw_recipient_kind_to_string   (HwRecipientKind    kind);
/* translated, for a document's footer: "Copy for the family" */
char       *hw_recipient_describe         (const HwRecipient *self,
                                           const char        *person_name);

gboolean    hw_recipient_may_see          (const HwRecipient *self,
                                           gboolean           confidential,
                                           const char        *withheld_from);
/* Uses the record's `confidential` and `withheld_from` columns. */
gboolean    hw_recipient_may_see_record   (const HwRecipient *self,
                                           HwRecord          *record);
/* Uses a person record's `address_withheld_from` (and the person rule). */
gboolean    hw_recipient_may_see_address  (const HwRecipient *self,
                                           HwRecord          *person);

/* Validates and normalises a withheld_from set ("family, screen" ->
 * "family,screen"); FALSE with an error for unknown kinds. */
gboolean    hw_recipient_normalise_set    (const char        *set,
                                           char             **normalised,
                                           GError           **error);

G_END_DECLS
