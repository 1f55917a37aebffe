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
