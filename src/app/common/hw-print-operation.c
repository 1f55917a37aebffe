/* hw-print-operation.c
 *
 * Pages are drawn by hw_document_draw_page(), the code that writes the
 * PDF export, so a printout, its preview and `homeward export` show the
 * same pages. If the printer's paper differs from the document's, each
 * page is scaled down to fit and centred rather than paginated again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-print-operation"

#include <glib/gi18n.h>

#include "hw-print-operation.h"
#include "hw-save-file.h"

struct _HwPrintOperation
{
  GtkPrintOperation parent_instance;

  HwDocument       *document;
};

G_DEFINE_FINAL_TYPE (HwPrintOperation, hw_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hw_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, hw_document_get_n_pages (self->document));
}

static void
hw_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_w, page_h, scale;
  g_autoptr(GError) error = NULL;

  hw_document_get_page_size (self->document, &page_w, &page_h);
  scale = MIN (width / page_w, height / page_h);

  cairo_save (cr);
  cairo_translate (cr, (width - page_w * scale) / 2, (height - page_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (!hw_document_draw_page (self->document, cr, page_nr, &error))
    g_warning ("Could not print page %d: %s", page_nr + 1, error->message);
  cairo_restore (cr);
}

static GtkPageSetup *
page_setup_for (HwDocument *document)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *paper;
  double w, h;

  hw_document_get_page_size (document, &w, &h);
  paper = gtk_paper_size_new (w < 600 ? GTK_PAPER_NAME_A4 : GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_paper_size_free (paper);
  return setup;
}

static void
hw_print_operation_constructed (GObject *object)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (object);
  g_autoptr(GtkPageSetup) setup = NULL;

  G_OBJECT_CLASS (hw_print_operation_parent_class)->constructed (object);

  g_return_if_fail (HW_IS_DOCUMENT (self->document));

  setup = page_setup_for (self->document);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  /* the document has its own margins, header and footer */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Homeward document"));
}

static void
hw_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_print_operation_finalize (GObject *object)
{
  HwPrintOperation *self = HW_PRINT_OPERATION (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (hw_print_operation_parent_class)->finalize (object);
}

static void
hw_print_operation_class_init (HwPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = hw_print_operation_constructed;
  object_class->get_property = hw_print_operation_get_property;
  object_class->set_property = hw_print_operation_set_property;
  object_class->finalize = hw_print_operation_finalize;

  print_class->begin_print = hw_print_operation_begin_print;
  print_class->draw_page = hw_print_operation_draw_page;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, HW_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hw_print_operation_init (HwPrintOperation *self)
{
}

HwPrintOperation *
hw_print_operation_new (HwDocument *document)
{
  g_return_val_if_fail (HW_IS_DOCUMENT (document), NULL);

  return g_object_new (HW_TYPE_PRINT_OPERATION, "document", document, NULL);
}

HwDocument *
hw_print_operation_get_document (HwPrintOperation *self)
{
  g_return_val_if_fail (HW_IS_PRINT_OPERATION (self), NULL);
  return self->document;
}

/**
 * hw_print_operation_set_file_name:
 * @self: the operation
 * @file_name: a name for the file ("Safety plan - Morales.pdf")
 *
 * Where "Print to File" saves unless the person changes it: @file_name in
 * the Documents folder (not the program's working folder, which is
 * usually the database's), as PDF.
 */
void
hw_print_operation_set_file_name (HwPrintOperation *self,
                                  const char       *file_name)
{
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  GtkPrintSettings *current;

  g_return_if_fail (HW_IS_PRINT_OPERATION (self));
  g_return_if_fail (file_name != NULL);

  current = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  settings = current != NULL ? gtk_print_settings_copy (current) : gtk_print_settings_new ();
  folder = hw_save_file_default_folder ();
  file = g_file_get_child_for_display_name (folder, file_name, NULL);
  if (file == NULL)
    file = g_file_get_child (folder, "homeward.pdf");
  uri = g_file_get_uri (file);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
}

/* The file "Print to File" wrote during this run, if it did: the output
 * URI of the settings the person confirmed, changed since @started. */
static GFile *
printed_file (HwPrintOperation *self,
              gint64            started)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  const char *uri = settings != NULL ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI)
                                     : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  if (uri == NULL)
    return NULL;
  file = g_file_new_for_uri (uri);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return NULL;
  modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL || g_date_time_to_unix (modified) * G_USEC_PER_SEC
                          + g_date_time_get_microsecond (modified) < started)
    return NULL;
  return g_steal_pointer (&file);
}

/**
 * hw_print_operation_run_dialog:
 * @self: the operation
 * @parent: the window the print dialog belongs to
 * @toast_widget: (nullable): a widget of the window that stays open, for
 *   the toast that confirms a file was saved
 * @error: where a failed print is reported
 *
 * Shows the print dialog and prints. When the person chose "Print to
 * File", the saved file is confirmed with a toast that opens its folder.
 *
 * Returns: the result of gtk_print_operation_run()
 */
GtkPrintOperationResult
hw_print_operation_run_dialog (HwPrintOperation  *self,
                               GtkWindow         *parent,
                               GtkWidget         *toast_widget,
                               GError           **error)
{
  GtkPrintOperationResult result;
  g_autoptr(GFile) file = NULL;
  /* whole seconds: some file systems keep no more */
  gint64 started = (g_get_real_time () / G_USEC_PER_SEC) * G_USEC_PER_SEC;

  g_return_val_if_fail (HW_IS_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && toast_widget != NULL
      && (file = printed_file (self, started)) != NULL)
    hw_save_file_show_saved (toast_widget, file);
  return result;
}
