/* hw-document.h: a paged document (safety plan, post-reunification plan,
 * any printable report) drawn with cairo + pango on any cairo_t: the
 * print preview, a GtkPrintOperation, a PDF file or a PNG preview.
 *
 * A document is a list of blocks (headings, paragraphs, tables, check
 * boxes, figures, signature blocks, page breaks) plus a page setup and the
 * running header and footer. Pagination is computed once, on first use,
 * and again only after a change. All text is laid out by pango (any script
 * pango and the installed fonts support; right-to-left paragraphs are
 * detected by pango).
 *
 * Translatable words that the renderer adds itself ("Page %d of %d",
 * "Signature", "Date"...) are translated when the document is created or
 * the block is added, so a builder that switches the gettext language
 * around its calls gets them in the document's language. Figures are
 * drawn in the document's language too, whenever they are drawn.
 *
 * Units are PDF points (1/72 inch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

#define HW_DOCUMENT_ERROR (hw_document_error_quark ())

typedef enum {
  HW_DOCUMENT_ERROR_INVALID,   /* a bad page setup, page number, paper name */
  HW_DOCUMENT_ERROR_RENDER,    /* cairo failed to produce the output */
} HwDocumentError;

GQuark hw_document_error_quark (void);

typedef enum {
  HW_PAPER_A4,
  HW_PAPER_LETTER,
} HwPaper;

/* Draws a figure into the box (0, 0, @width, @height) of @cr. */
typedef void (*HwDocumentDrawFunc) (cairo_t  *cr,
                                    double    width,
                                    double    height,
                                    gpointer  user_data);

/* The height a figure needs when it is @width wide. */
typedef double (*HwDocumentHeightFunc) (double    width,
                                        gpointer  user_data);

#define HW_TYPE_DOCUMENT (hw_document_get_type ())
G_DECLARE_FINAL_TYPE (HwDocument, hw_document, HW, DOCUMENT, GObject)

HwDocument *hw_document_new               (void);

/* Page setup ------------------------------------------------------------ */

void        hw_document_set_paper         (HwDocument  *self,
                                           HwPaper      paper);
/* "a4" or "letter" (NULL = a4); FALSE with an error for anything else */
gboolean    hw_document_set_paper_name    (HwDocument  *self,
                                           const char  *name,
                                           GError     **error);
/* Margins in points; FALSE with an error if they leave no room. */
gboolean    hw_document_set_margins       (HwDocument  *self,
                                           double       top,
                                           double       right,
                                           double       bottom,
                                           double       left,
                                           GError     **error);
void        hw_document_get_page_size     (HwDocument  *self,
                                           double      *width,
                                           double      *height);
/* An ISO 639 code ("es", "ar"...) for pango's line breaking and shaping,
 * and the language figures are drawn in (hw_document_draw_page() pushes
 * it). A new document takes the language of the hw_language_push() in
 * effect when it is created; set another only if the document's words
 * are in it. */
void        hw_document_set_language      (HwDocument  *self,
                                           const char  *language);

/* Header, footer and metadata ------------------------------------------- */

/* Header: "@case_name" on the left, "@case_number" on the right. */
void        hw_document_set_case          (HwDocument  *self,
                                           const char  *case_name,
                                           const char  *case_number);
/* @sample: the document is about the made-up sample family (cases.sample):
 * every page then says "Sample — not a real family" in its header, in the
 * gettext language of the moment of the call (call it where the builder
 * has switched to the document's language). */
void        hw_document_set_sample        (HwDocument  *self,
                                           gboolean     sample);
gboolean    hw_document_get_sample        (HwDocument  *self);
/* Footer lines. Each may be NULL. */
void        hw_document_set_confidentiality (HwDocument *self,
                                           const char  *line);
void        hw_document_set_recipient_line (HwDocument *self,
                                           const char  *line);
void        hw_document_set_date_line     (HwDocument  *self,
                                           const char  *line);
/* PDF metadata. @date is ISO 8601 ("2026-11-24" or with a time); it is
 * written as the creation date so that a reprint is the same document. */
void        hw_document_set_metadata      (HwDocument  *self,
                                           const char  *title,
                                           const char  *author,
                                           const char  *subject,
                                           const char  *date);

/* Blocks ---------------------------------------------------------------- */

/* @level 1..3 */
char       *hw_document_get_file_name     (HwDocument  *self,
                                           const char  *extension);
void        hw_document_add_heading       (HwDocument  *self,
                                           int          level,
                                           const char  *text);
/* Plain text (never parsed as markup). Newlines start new lines. */
void        hw_document_add_paragraph     (HwDocument  *self,
                                           const char  *text);
/* "@label: @text" with the label in bold; both plain text. */
void        hw_document_add_labelled      (HwDocument  *self,
                                           const char  *label,
                                           const char  *text);
/* A paragraph with a bullet and a hanging indent. */
void        hw_document_add_bullet        (HwDocument  *self,
                                           const char  *text);
/* A paragraph in small grey type (notes, "nothing recorded"). */
void        hw_document_add_note          (HwDocument  *self,
                                           const char  *text);
void        hw_document_add_checkbox      (HwDocument  *self,
                                           gboolean     checked,
                                           const char  *text);
/**
 * hw_document_add_table:
 * @n_columns: number of columns (>= 1)
 * @headers: @n_columns header cells (plain text); repeated at the top of
 *   every page the table continues on
 * @widths: (nullable): @n_columns relative column widths; NULL = equal
 *
 * Starts a table; add its rows with hw_document_add_table_row().
 */
void        hw_document_add_table         (HwDocument  *self,
                                           guint        n_columns,
                                           const char * const *headers,
                                           const double *widths);
/* Adds a row to the last table; @cells holds n_columns strings (NULL = ""). */
void        hw_document_add_table_row     (HwDocument  *self,
                                           const char * const *cells);
/**
 * hw_document_set_table_group_column:
 * @column: a column of the last table
 *
 * Rows of the last table are in groups named in @column once, on the
 * group's first row, with the cell left empty on the rows after it. A row
 * of a group that starts a new page shows the group's name again, so that
 * no row on a page is without it.
 */
void        hw_document_set_table_group_column (HwDocument *self,
                                           guint        column);
/**
 * hw_document_add_figure:
 * @aspect: width / height of the drawing
 * @draw: draws the figure into the box it is given
 * @caption: (nullable): plain text under the figure
 *
 * The figure is as wide as the text, or smaller so that it fits on a page.
 */
void        hw_document_add_figure        (HwDocument        *self,
                                           double             aspect,
                                           HwDocumentDrawFunc draw,
                                           gpointer           user_data,
                                           GDestroyNotify     destroy,
                                           const char        *caption);
/**
 * hw_document_add_wide_figure:
 * @height_for_width: the height the figure needs at the text's width
 * @draw: draws the figure into the box it is given
 * @caption: (nullable): plain text under the figure
 *
 * A figure that is always as wide as the text (a map whose words must keep
 * their size on paper): it goes to the next page rather than shrink, and
 * one taller than a page gets a page-high box.
 */
void        hw_document_add_wide_figure   (HwDocument          *self,
                                           HwDocumentHeightFunc height_for_width,
                                           HwDocumentDrawFunc   draw,
                                           gpointer             user_data,
                                           GDestroyNotify       destroy,
                                           const char          *caption);
/* Name, relationship, a signature line, a date line and a line to record
 * a refusal to sign. Never split across pages. */
void        hw_document_add_signature     (HwDocument  *self,
                                           const char  *name,
                                           const char  *relationship);
void        hw_document_add_page_break    (HwDocument  *self);

/* Output ---------------------------------------------------------------- */

guint       hw_document_get_n_pages       (HwDocument  *self);
/**
 * hw_document_draw_page:
 * @page: 0-based page number
 *
 * Draws page @page with its top left corner at the origin of @cr, in
 * points. Structure tags (cairo_tag_begin) are emitted; surfaces other
 * than PDF ignore them. Does not call cairo_show_page().
 */
gboolean    hw_document_draw_page         (HwDocument  *self,
                                           cairo_t     *cr,
                                           guint        page,
                                           GError     **error);
/* A tagged PDF with metadata and an outline of the level 1 headings. */
gboolean    hw_document_write_pdf         (HwDocument    *self,
                                           GOutputStream *stream,
                                           GError       **error);
/* Writes a PDF to @path privately and atomically (hw_export_create_file). */
gboolean    hw_document_export_pdf        (HwDocument  *self,
                                           const char  *path,
                                           GError     **error);
/* (transfer full): page @page as an image, @scale pixels per point. */
cairo_surface_t *hw_document_render_page  (HwDocument  *self,
                                           guint        page,
                                           double       scale,
                                           GError     **error);
gboolean    hw_document_export_png        (HwDocument  *self,
                                           guint        page,
                                           double       scale,
                                           const char  *path,
                                           GError     **error);
/* All the text of the document's blocks, one block per line (for tests
 * and for searching what a document contains before it is drawn). */
char       *hw_document_get_text          (HwDocument  *self);

G_END_DECLS
