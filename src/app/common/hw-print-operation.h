/* hw-print-operation.h: prints an HwDocument (print dialog, print
 * preview, export) with the same pagination as the PDF export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hw-document.h"

G_BEGIN_DECLS

#define HW_TYPE_PRINT_OPERATION (hw_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (HwPrintOperation, hw_print_operation, HW, PRINT_OPERATION, GtkPrintOperation)

/* The operation's default page setup is the document's paper, without
 * margins: the document draws its own. */
HwPrintOperation *hw_print_operation_new          (HwDocument       *document);
HwDocument       *hw_print_operation_get_document (HwPrintOperation *self);
void              hw_print_operation_set_file_name (HwPrintOperation *self,
                                                    const char       *file_name);
GtkPrintOperationResult
                  hw_print_operation_run_dialog   (HwPrintOperation *self,
                                                   GtkWindow        *parent,
                                                   GtkWidget        *toast_widget,
                                                   GError          **error);

G_END_DECLS
