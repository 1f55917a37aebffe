/* hw-print-dialog.h: the one dialog every document of the window is
 * printed or saved through: who the copy is for (the family, the agency
 * and the court, one person), its language (the family's first) and its
 * paper, then Print… (the print dialog, with a preview) or Save as PDF….
 *
 * The dialog knows nothing of the document: the view gives it a function
 * that builds the HwDocument for the chosen recipient, language and paper.
 * A view with more to ask (the plans: the date of the agreement, who
 * signs) adds its own groups under the dialog's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hw-document.h"
#include "hw-recipient.h"
#include "hw-store.h"

G_BEGIN_DECLS

#define HW_TYPE_PRINT_DIALOG (hw_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HwPrintDialog, hw_print_dialog, HW, PRINT_DIALOG, AdwWindow)

/**
 * HwPrintDialogBuildFunc:
 * @dialog: the dialog
 * @recipient: who the copy is for
 * @language: the language chosen ("es"); the dialog has switched gettext
 *   to it (hw_language_push()) for the time of the call
 * @paper: "a4" or "letter"
 * @for_real: FALSE when only the document's title is wanted (for the name
 *   of the file offered): then do nothing that lasts
 * @user_data: the data given with the function
 * @error: where to say why the document cannot be made
 *
 * Returns: (transfer full): the document, or NULL with @error set
 */
typedef HwDocument *(*HwPrintDialogBuildFunc) (HwPrintDialog     *dialog,
                                               const HwRecipient *recipient,
                                               const char        *language,
                                               const char        *paper,
                                               gboolean           for_real,
                                               gpointer           user_data,
                                               GError           **error);

/**
 * HwPrintDialogSaveFunc:
 * @dialog: the dialog
 * @recipient: who the copy is for
 * @language: the language chosen; gettext is switched to it for the call
 * @path: the file chosen
 * @user_data: the data given with the function
 * @error: where to say why the file could not be written
 *
 * Writes a file that is not a printed document (a calendar) for the
 * chosen recipient and language.
 */
typedef gboolean (*HwPrintDialogSaveFunc) (HwPrintDialog     *dialog,
                                           const HwRecipient *recipient,
                                           const char        *language,
                                           const char        *path,
                                           gpointer           user_data,
                                           GError           **error);

/* @case_id: the family (its people are the recipients offered, its
 * language is chosen first); @title: the window's title ("Print the
 * Plan"); @save_title: the title of the Save as PDF chooser. */
HwPrintDialog *hw_print_dialog_new            (HwStore                *store,
                                               gint64                  case_id,
                                               const char             *title,
                                               const char             *save_title);
gpointer       hw_print_dialog_get_build_data (HwPrintDialog          *self,
                                               HwPrintDialogBuildFunc  func);
void           hw_print_dialog_set_build_func (HwPrintDialog          *self,
                                               HwPrintDialogBuildFunc  func,
                                               gpointer                user_data,
                                               GDestroyNotify          destroy);
/* Makes the dialog save a file that is not printed (a calendar): no
 * paper and no Print…; the save button reads @button_label ("_Save
 * Calendar…") and offers @file_name, an untranslated N_() string that is
 * translated into the copy's language when Save is pressed, and
 * @func writes the file for the chosen recipient and language. */
void           hw_print_dialog_set_save_func  (HwPrintDialog          *self,
                                               const char             *button_label,
                                               const char             *file_name,
                                               HwPrintDialogSaveFunc   func,
                                               gpointer                user_data,
                                               GDestroyNotify          destroy);
/* Adds @group (a widget, usually an AdwPreferencesGroup) under the
 * dialog's own choices. */
void           hw_print_dialog_add_group      (HwPrintDialog          *self,
                                               GtkWidget              *group);

/* Shows the dialog over the window @widget is in. */
void           hw_print_dialog_present        (HwPrintDialog          *self,
                                               GtkWidget              *widget);

/* Selects the recipient ("family", "agency", "person:ID") and the
 * language ("es"); either may be NULL to keep the current choice.
 * Returns FALSE if the recipient is not offered. */
gboolean       hw_print_dialog_select         (HwPrintDialog          *self,
                                               const char             *recipient,
                                               const char             *language);
/* (transfer full): the recipients offered, in order, as
 * hw_recipient_parse() reads them. */
GStrv          hw_print_dialog_list_recipients (HwPrintDialog         *self);
/* (transfer full): the chosen recipient ("family"...). */
char          *hw_print_dialog_get_recipient  (HwPrintDialog          *self);
/* The chosen language ("es"). */
const char    *hw_print_dialog_get_language   (HwPrintDialog          *self);
/* Builds the document for the choices (what Print… and Save as PDF… do
 * first), with @for_real as the build function takes it. */
HwDocument    *hw_print_dialog_build_document (HwPrintDialog          *self,
                                               gboolean                for_real,
                                               GError                **error);
/* What Save does with a save function: writes @path for the choices. */
gboolean       hw_print_dialog_save_file      (HwPrintDialog          *self,
                                               const char             *path,
                                               GError                **error);

G_END_DECLS
