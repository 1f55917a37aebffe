/* hw-form.h: small helpers shared by the edit dialogs (not a widget).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-enums.h"

G_BEGIN_DECLS

/* Fills @row with the translated labels of @which; with @none_label, an
 * extra first entry stands for "" (nothing chosen). */
void        hw_form_combo_setup       (AdwComboRow  *row,
                                       HwChoices     which,
                                       const char   *none_label);
/* The id of the chosen entry ("" for the none entry). */
const char *hw_form_combo_get_id      (AdwComboRow  *row);
/* Chooses @id ("" is the none entry, or the choices' own "" entry); an
 * unknown id chooses the first entry. */
void        hw_form_combo_set_id      (AdwComboRow  *row,
                                       const char   *id);

/* The text of an entry row without leading and trailing blanks. */
char       *hw_form_get_text          (AdwEntryRow  *row);

/* Checks an ISO date YYYY-MM-DD (empty is allowed): FALSE with a message
 * for an impossible date such as 2024-02-30. @what names the field. */
gboolean    hw_form_check_date        (const char   *text,
                                       const char   *what,
                                       GError      **error);

/* A recipient set ("family,support,screen") from three check buttons,
 * and back. Any of the buttons may be NULL. */
char       *hw_form_get_recipients    (GtkCheckButton *family,
                                       GtkCheckButton *support,
                                       GtkCheckButton *screen);
void        hw_form_set_recipients    (const char     *set,
                                       GtkCheckButton *family,
                                       GtkCheckButton *support,
                                       GtkCheckButton *screen);

/* Shows @message in @label (or hides it for NULL) and marks @row. */
void        hw_form_show_error        (GtkLabel     *label,
                                       GtkWidget    *row,
                                       const char   *message);

G_END_DECLS
