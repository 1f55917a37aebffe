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

G_END_DECLS
