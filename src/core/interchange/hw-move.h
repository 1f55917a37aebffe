/* hw-move.h: every family of one database moved into another (a laptop's
 * file to the agency's server, and back): `homeward move`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hw-store.h"

G_BEGIN_DECLS

/* Called for each family once it is written and checked in @to. */
typedef void (*HwMoveFunc) (const char *family_name,
                            const char *case_number,
                            gint64      from_id,
                            gint64      to_id,
                            gpointer    user_data);

/**
 * hw_move_cases:
 * @from: the database the families are read from; never changed
 * @to: the database they are written to
 * @into_non_empty: also move into a database that already holds other families
 * @moved: (out) (optional): how many families were moved
 *
 * Each case of @from is exported (the interchange format), imported into
 * @to and the case's export from @to is compared with the one from @from,
 * ids given back to those of the file (an import keeps them where free).
 * It is all one edit in @to: any failure (a refused row, an export that
 * differs, a lost connection) rolls everything back, nothing is moved.
 *
 * Refused before anything is written: @to holds a family with the same
 * family name and case number as one in @from (moved already?), or any
 * family at all unless @into_non_empty. The settings that are the
 * database's, not the computer's (the undo history's bounds, school
 * hours), are copied when @to has none of its own; the screen-lock
 * passphrase is not.
 */
gboolean    hw_move_cases (HwStore    *from,
                           HwStore    *to,
                           gboolean    into_non_empty,
                           HwMoveFunc  func,
                           gpointer    user_data,
                           guint      *moved,
                           GError    **error);

G_END_DECLS
