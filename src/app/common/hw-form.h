/* hw-form.h: small helpers shared by the edit dialogs (not a widget).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-enums.h"
#include "hw-store.h"

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

/* An edit dialog's title and the label of its save button ("_Add" when
 * @adding, else "_Done"). The titles are translated already. */
void        hw_form_set_mode          (GtkWindow    *dialog,
                                       GtkLabel     *save_label,
                                       gboolean      adding,
                                       const char   *add_title,
                                       const char   *edit_title);

/* Row @id of @table for @dialog to show. When it cannot be read (deleted
 * meanwhile) NULL, with the reason in @error_label and the dialog's
 * "dialog.save" action disabled, so nothing can be written. @dialog
 * remembers the row's version: hw_form_write_record() saves over that
 * version only (hw-store.h, "Row versions"). */
HwRecord   *hw_form_load_record       (GtkWidget    *dialog,
                                       GtkLabel     *error_label,
                                       HwStore      *store,
                                       const char   *table,
                                       gint64        id);

/* Shows @column of @record in @row, and puts the trimmed text of @row
 * into @column. */
void        hw_form_set_text          (AdwEntryRow  *row,
                                       HwRecord     *record,
                                       const char   *column);
void        hw_form_record_set_text   (HwRecord     *record,
                                       const char   *column,
                                       AdwEntryRow  *row);

/* Writes @record as one edit: a new row when *@id is 0 (*@id becomes
 * its id), else an update of row *@id, refused with
 * %HW_STORE_ERROR_CONFLICT when someone else changed the row since
 * hw_form_load_record() read it for @dialog (the dialog then loads the
 * row again, to show their text, and shows the message). The labels are
 * given untranslated, marked with N_: they go into the audit trail,
 * translated when shown. */
gboolean    hw_form_write_record      (GtkWidget    *dialog,
                                       HwStore      *store,
                                       HwRecord     *record,
                                       gint64       *id,
                                       const char   *add_label,
                                       const char   *edit_label,
                                       GError      **error);

G_END_DECLS
