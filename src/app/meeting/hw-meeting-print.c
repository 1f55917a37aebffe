/* hw-meeting-print.c: prints a paged HwDocument with GtkPrintOperation.
 *
 * The document lays itself out in points on its own paper; the print
 * context is set to points on the full page, so each page is drawn the
 * same as in the PDF export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-print"

#include <glib/gi18n.h>

#include "hw-meeting-print.h"
#include "hw-meeting-summary.h"

struct _HwMeetingPrint
{
  GtkPrintOperation  parent_instance;

  HwDocument        *document;
};

G_DEFINE_FINAL_TYPE (HwMeetingPrint, hw_meeting_print, GTK_TYPE_PRINT_OPERATION)

static void
hw_meeting_print_begin_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  HwMeetingPrint *self = HW_MEETING_PRINT (operation);

  gtk_print_operation_set_n_pages (operation, hw_document_get_n_pages (self->document));
}

static void
hw_meeting_print_draw_page (GtkPrintOperation *operation,
                            GtkPrintContext   *context,
                            int                page_nr)
{
  HwMeetingPrint *self = HW_MEETING_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(GError) error = NULL;

  if (!hw_document_draw_page (self->document, cr, page_nr, &error))
    g_warning ("Could not print page %d: %s", page_nr + 1, error->message);
}

static void
hw_meeting_print_finalize (GObject *object)
{
  HwMeetingPrint *self = HW_MEETING_PRINT (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (hw_meeting_print_parent_class)->finalize (object);
}

static void
hw_meeting_print_class_init (HwMeetingPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = hw_meeting_print_finalize;
  print_class->begin_print = hw_meeting_print_begin_print;
  print_class->draw_page = hw_meeting_print_draw_page;
}

static void
hw_meeting_print_init (HwMeetingPrint *self)
{
}

HwMeetingPrint *
hw_meeting_print_new (HwDocument *document,
                      const char *job_name)
{
  HwMeetingPrint *self;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height;

  g_return_val_if_fail (HW_IS_DOCUMENT (document), NULL);

  self = g_object_new (HW_TYPE_MEETING_PRINT, NULL);
  self->document = g_object_ref (document);

  /* the paper the document was laid out for */
  hw_document_get_page_size (document, &width, &height);
  paper = gtk_paper_size_new_custom ("homeward", _("Document"), width, height, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
  if (job_name != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
  return self;
}

/**
 * hw_meeting_print_summary:
 * @store: the store
 * @meeting_id: the meeting
 * @recipient: who the copy is for, as hw_recipient_parse() reads it
 *   ("family", "agency"...): what is withheld from them is left out
 * @parent: (nullable): the window the print dialog belongs to
 * @error: where a bad recipient, a summary that cannot be made or a
 *   failed print is reported
 *
 * Makes the meeting summary for @recipient and prints it through the
 * print dialog.
 *
 * Returns: %FALSE with @error set on failure (a print cancelled is not)
 */
gboolean
hw_meeting_print_summary (HwStore     *store,
                          gint64       meeting_id,
                          const char  *recipient,
                          GtkWindow   *parent,
                          GError     **error)
{
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(HwMeetingPrint) print = NULL;
  HwRecipient who = { HW_RECIPIENT_AGENCY, 0 };

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (!hw_recipient_parse (recipient, &who, error))
    return FALSE;
  doc = hw_meeting_summary_build (store, meeting_id, &who, NULL, error);
  if (doc == NULL)
    return FALSE;
  print = hw_meeting_print_new (doc, _("Meeting summary"));
  return gtk_print_operation_run (GTK_PRINT_OPERATION (print),
                                  GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parent, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
