/* hw-document.c: the paged document renderer.
 *
 * How it works: blocks keep their content as given; pagination builds the
 * pango layouts (they depend on the page width), measures every line,
 * table row and figure, and cuts them into placements: "lines 3-17 of
 * block 5 at y on page 2". Drawing a page only draws its placements, so
 * preview, print and export share one pagination and always agree.
 *
 * Text that continues on the next page is drawn line by line: drawing a
 * whole layout and clipping it would leave the hidden lines in the PDF's
 * text layer, and pdftotext (or a screen reader) would find them twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-document"

#include <string.h>
#include <math.h>

#include <pango/pangocairo.h>
#include <cairo-pdf.h>

#include "hw-export.h"
#include "hw-document.h"
/* Words the renderer adds are in the document's language, which a
 * builder selects with hw_language_push() (see hw-i18n.h). */
#include "hw-i18n.h"

G_DEFINE_QUARK (hw-document-error-quark, hw_document_error)

#define BODY_FONT     "Sans 10"
#define NOTE_FONT     "Sans 8.5"
#define SMALL_FONT    "Sans 7.5"
#define SAMPLE_FONT   "Sans Bold 8"
#define SAMPLE_PAD    4.0
#define MARKER_WIDTH  16.0   /* room for a bullet or a check box */
#define CELL_PAD      4.0
#define SIGNATURE_GAP 26.0   /* room to sign above a line */

typedef enum {
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_BULLET,
  BLOCK_NOTE,
  BLOCK_CHECKBOX,
  BLOCK_TABLE,
  BLOCK_FIGURE,
  BLOCK_SIGNATURE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct {
  double top;       /* of the line's logical box, from the layout's top */
  double height;
  double baseline;  /* from the layout's top */
  double x;         /* where the line starts, from the layout's left */
} LineInfo;

typedef struct {
  BlockKind   kind;
  int         level;
  char       *markup;        /* text blocks (always escaped) */
  char       *plain;         /* for hw_document_get_text() */
  gboolean    checked;

  guint       n_columns;
  double     *widths;        /* fractions of the text width */
  GPtrArray  *rows;          /* (char **) strv per row; rows[0] = header */
  int         group_column;  /* -1, or a column whose empty cell repeats the one above */
  gboolean    labelled;      /* a paragraph "Label: text" */
  gboolean    keep_next;     /* pagination: kept on a page with what follows */

  double              aspect;
  HwDocumentHeightFunc height_for_width;  /* a figure that keeps the text's width */
  HwDocumentDrawFunc  draw;
  gpointer            user_data;
  GDestroyNotify      destroy;

  /* signature: the name line, the relationship, and translated labels */
  char       *sig_name;
  char       *sig_relationship;
  char       *sig_signature;
  char       *sig_date;
  char       *sig_refused;

  /* built by paginate () */
  PangoLayout *layout;       /* text, figure caption, signature name line */
  PangoLayout *marker;       /* bullet or check box glyph */
  GArray      *lines;        /* LineInfo of layout */
  GPtrArray   *cells;        /* table: PangoLayout per cell, row-major */
  double      *row_heights;
  double      *col_widths;   /* table: points, each at least its longest word if it can */
  /* table with a group column: a row that starts a page shows its group's
   * label again; NULL where the row's own cell is not empty */
  GPtrArray   *group_cells;  /* PangoLayout or NULL per row */
  double      *cont_heights; /* the row's height when it starts a page */
  PangoLayout *sig_layouts[4]; /* relationship, signature, date, refused */
  double       height;       /* signature block */
  double       x;            /* left of the layout */
} Block;

typedef struct {
  Block   *block;
  guint    first;            /* first line / row */
  guint    last;             /* one past the last line / row */
  gboolean with_header;      /* table: header row drawn first */
  double   y;
  double   height;
  double   fig_w;
  double   fig_h;
} Placement;

struct _HwDocument
{
  GObject       parent_instance;

  double        page_w;
  double        page_h;
  double        margin_top;
  double        margin_right;
  double        margin_bottom;
  double        margin_left;
  char         *language;

  char         *case_name;
  char         *case_number;
  char         *sample_line;  /* "Sample — not a real family", translated */
  char         *confidentiality;
  char         *recipient_line;
  char         *date_line;
  char         *title;
  char         *author;
  char         *subject;
  char         *date;
  char         *page_format;  /* "Page %d of %d", translated */

  GPtrArray    *blocks;       /* Block */
  PangoContext *context;
  GPtrArray    *pages;        /* GArray of Placement; NULL = not paginated */
};

G_DEFINE_FINAL_TYPE (HwDocument, hw_document, G_TYPE_OBJECT)

static void
block_clear_layouts (Block *b)
{
  g_clear_object (&b->layout);
  g_clear_object (&b->marker);
  g_clear_pointer (&b->lines, g_array_unref);
  g_clear_pointer (&b->cells, g_ptr_array_unref);
  g_clear_pointer (&b->row_heights, g_free);
  g_clear_pointer (&b->col_widths, g_free);
  g_clear_pointer (&b->group_cells, g_ptr_array_unref);
  g_clear_pointer (&b->cont_heights, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (b->sig_layouts); i++)
    g_clear_object (&b->sig_layouts[i]);
}

static void
block_free (gpointer data)
{
  Block *b = data;

  block_clear_layouts (b);
  g_free (b->markup);
  g_free (b->plain);
  g_free (b->widths);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  if (b->destroy != NULL)
    b->destroy (b->user_data);
  g_free (b->sig_name);
  g_free (b->sig_relationship);
  g_free (b->sig_signature);
  g_free (b->sig_date);
  g_free (b->sig_refused);
  g_free (b);
}

static void
invalidate (HwDocument *self)
{
  g_assert (HW_IS_DOCUMENT (self));

  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

static void
hw_document_finalize (GObject *object)
{
  HwDocument *self = HW_DOCUMENT (object);

  invalidate (self);
  g_ptr_array_unref (self->blocks);
  g_clear_object (&self->context);
  g_free (self->language);
  g_free (self->case_name);
  g_free (self->case_number);
  g_free (self->sample_line);
  g_free (self->confidentiality);
  g_free (self->recipient_line);
  g_free (self->date_line);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->date);
  g_free (self->page_format);

  G_OBJECT_CLASS (hw_document_parent_class)->finalize (object);
}

static void
hw_document_class_init (HwDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_document_finalize;
}

/* The translated "Page %d of %d" must hold exactly two %d and nothing
 * else that printf would read; a broken translation falls back to the
 * English text rather than crash. */
static gboolean
page_format_is_safe (const char *fmt)
{
  guint n_d = 0;

  for (const char *p = fmt; *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      if (p[1] == '%')
        {
          p++;
          continue;
        }
      if (p[1] != 'd')
        return FALSE;
      n_d++;
      p++;
    }
  return n_d == 2;
}

static void
hw_document_init (HwDocument *self)
{
  cairo_font_options_t *options;
  const char *fmt;

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->page_w = 595.276;   /* A4 */
  self->page_h = 841.89;
  self->margin_top = 64;
  self->margin_bottom = 64;
  self->margin_left = 56;
  self->margin_right = 56;

  /* Layout is done once at 72 dpi without hinting, so that the same
   * layout measures the same on a PDF, a printer and a preview. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  /* A document is in the language its builder made it in: remember it,
   * so that figures drawn later (on the screen, when printing) draw their
   * words in it too. */
  self->language = g_strdup (hw_language_get_current ());
  if (self->language != NULL)
    pango_context_set_language (self->context, pango_language_from_string (self->language));

  /* Translators: the footer of every printed page */
  fmt = _("Page %d of %d");
  self->page_format = g_strdup (page_format_is_safe (fmt) ? fmt : "Page %d of %d");
}

/**
 * hw_document_new:
 *
 * Returns: (transfer full): an empty A4 document
 */
HwDocument *
hw_document_new (void)
{
  return g_object_new (HW_TYPE_DOCUMENT, NULL);
}

/* Page setup ------------------------------------------------------------ */

void
hw_document_set_paper (HwDocument *self,
                       HwPaper     paper)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));

  if (paper == HW_PAPER_LETTER)
    {
      self->page_w = 612;
      self->page_h = 792;
    }
  else
    {
      self->page_w = 595.276;
      self->page_h = 841.89;
    }
  invalidate (self);
}

gboolean
hw_document_set_paper_name (HwDocument  *self,
                            const char  *name,
                            GError     **error)
{
  g_return_val_if_fail (HW_IS_DOCUMENT (self), FALSE);

  if (name == NULL || g_ascii_strcasecmp (name, "a4") == 0)
    hw_document_set_paper (self, HW_PAPER_A4);
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    hw_document_set_paper (self, HW_PAPER_LETTER);
  else
    {
      g_set_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID,
                   _("Unknown paper size “%s”: use a4 or letter."), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
hw_document_set_margins (HwDocument  *self,
                         double       top,
                         double       right,
                         double       bottom,
                         double       left,
                         GError     **error)
{
  g_return_val_if_fail (HW_IS_DOCUMENT (self), FALSE);

  /* Keep room for the header and footer and at least a few lines. */
  if (!(top >= 36 && bottom >= 48 && left >= 0 && right >= 0) ||
      !isfinite (top + right + bottom + left) ||
      self->page_w - left - right < 144 ||
      self->page_h - top - bottom < 144)
    {
      g_set_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID,
                   _("These margins leave no room for the text of the page."));
      return FALSE;
    }
  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  invalidate (self);
  return TRUE;
}

void
hw_document_get_page_size (HwDocument *self,
                           double     *width,
                           double     *height)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));

  if (width != NULL)
    *width = self->page_w;
  if (height != NULL)
    *height = self->page_h;
}

void
hw_document_set_language (HwDocument *self,
                          const char *language)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));

  g_free (self->language);
  self->language = g_strdup (language);
  pango_context_set_language (self->context,
                              language != NULL && *language != '\0'
                                ? pango_language_from_string (language)
                                : pango_language_get_default ());
  invalidate (self);
}

/* Header, footer, metadata ---------------------------------------------- */

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

void
hw_document_set_case (HwDocument *self,
                      const char *case_name,
                      const char *case_number)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  replace (&self->case_name, case_name);
  replace (&self->case_number, case_number);
}

void
hw_document_set_sample (HwDocument *self,
                        gboolean    sample)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  /* Translated now, like every word the document adds itself, so that a
   * builder that switched to the family's language gets it in that
   * language. */
  /* Translators: on every page printed for the made-up sample family */
  replace (&self->sample_line, sample ? _("Sample — not a real family") : NULL);
}

gboolean
hw_document_get_sample (HwDocument *self)
{
  g_return_val_if_fail (HW_IS_DOCUMENT (self), FALSE);
  return self->sample_line != NULL;
}

void
hw_document_set_confidentiality (HwDocument *self,
                                 const char *line)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  replace (&self->confidentiality, line);
}

void
hw_document_set_recipient_line (HwDocument *self,
                                const char *line)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  replace (&self->recipient_line, line);
}

void
hw_document_set_date_line (HwDocument *self,
                           const char *line)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  replace (&self->date_line, line);
}

void
hw_document_set_metadata (HwDocument *self,
                          const char *title,
                          const char *author,
                          const char *subject,
                          const char *date)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  replace (&self->title, title);
  replace (&self->author, author);
  replace (&self->subject, subject);
  replace (&self->date, date);
}

/**
 * hw_document_get_file_name:
 * @self: a document
 * @extension: the file's extension, without the dot ("pdf")
 *
 * A name for a file of this document, from its title ("Safety plan for
 * the Morales family.pdf"), without characters a file name cannot hold.
 *
 * Returns: (transfer full): the name
 */
char *
hw_document_get_file_name (HwDocument *self,
                           const char *extension)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (HW_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  base = g_strdup (self->title != NULL && *self->title != '\0' ? self->title : "Homeward");
  /* '/' separates folders; the others are refused on memory sticks (FAT) */
  g_strdelimit (base, "/\\:*?\"<>|", '-');
  g_strstrip (base);
  return g_strdup_printf ("%s.%s", base, extension);
}

/* Blocks ---------------------------------------------------------------- */

static Block *
add_block (HwDocument *self,
           BlockKind   kind)
{
  Block *b = g_new0 (Block, 1);

  g_assert (HW_IS_DOCUMENT (self));

  b->kind = kind;
  g_ptr_array_add (self->blocks, b);
  invalidate (self);
  return b;
}

static void
add_text (HwDocument *self,
          BlockKind   kind,
          const char *text)
{
  Block *b = add_block (self, kind);

  g_assert (HW_IS_DOCUMENT (self));

  if (text == NULL)
    text = "";
  b->markup = g_markup_escape_text (text, -1);
  b->plain = g_strdup (text);
}

void
hw_document_add_heading (HwDocument *self,
                         int         level,
                         const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));

  add_text (self, BLOCK_HEADING, text);
  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->level = CLAMP (level, 1, 3);
}

void
hw_document_add_paragraph (HwDocument *self,
                           const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_text (self, BLOCK_PARAGRAPH, text);
}

void
hw_document_add_labelled (HwDocument *self,
                          const char *label,
                          const char *text)
{
  Block *b;

  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (label != NULL);

  if (text == NULL)
    text = "";
  b = add_block (self, BLOCK_PARAGRAPH);
  b->labelled = TRUE;
  /* Translators: a label and its value in a printed plan, "Review date: 1 May" */
  b->plain = g_strdup_printf (_("%s: %s"), label, text);
  {
    g_autofree char *l = g_markup_escape_text (label, -1);
    g_autofree char *t = g_markup_escape_text (text, -1);
    g_autofree char *bold = g_strdup_printf ("<b>%s</b>", l);

    b->markup = g_strdup_printf (_("%s: %s"), bold, t);
  }
}

void
hw_document_add_bullet (HwDocument *self,
                        const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_text (self, BLOCK_BULLET, text);
}

void
hw_document_add_note (HwDocument *self,
                      const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_text (self, BLOCK_NOTE, text);
}

void
hw_document_add_checkbox (HwDocument *self,
                          gboolean    checked,
                          const char *text)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));

  add_text (self, BLOCK_CHECKBOX, text);
  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->checked = !!checked;
}

void
hw_document_add_table (HwDocument          *self,
                       guint                n_columns,
                       const char * const  *headers,
                       const double        *widths)
{
  Block *b;
  double total = 0;
  char **header;

  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (n_columns >= 1);
  g_return_if_fail (headers != NULL);

  b = add_block (self, BLOCK_TABLE);
  b->n_columns = n_columns;
  b->group_column = -1;
  b->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      double w = widths != NULL ? widths[i] : 1.0;

      b->widths[i] = (isfinite (w) && w > 0) ? w : 1.0;
      total += b->widths[i];
    }
  for (guint i = 0; i < n_columns; i++)
    b->widths[i] /= total;

  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  header = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    header[i] = g_strdup (headers[i] != NULL ? headers[i] : "");
  g_ptr_array_add (b->rows, header);
}

void
hw_document_add_table_row (HwDocument         *self,
                           const char * const *cells)
{
  Block *b;
  char **row;

  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (cells != NULL);
  g_return_if_fail (self->blocks->len > 0);

  b = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  g_return_if_fail (b->kind == BLOCK_TABLE);

  row = g_new0 (char *, b->n_columns + 1);
  for (guint i = 0; i < b->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (b->rows, row);
  invalidate (self);
}

void
hw_document_set_table_group_column (HwDocument *self,
                                    guint       column)
{
  Block *b;

  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (self->blocks->len > 0);

  b = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  g_return_if_fail (b->kind == BLOCK_TABLE);
  g_return_if_fail (column < b->n_columns);

  b->group_column = (int) column;
  invalidate (self);
}

void
hw_document_add_figure (HwDocument        *self,
                        double             aspect,
                        HwDocumentDrawFunc draw,
                        gpointer           user_data,
                        GDestroyNotify     destroy,
                        const char        *caption)
{
  Block *b;

  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (draw != NULL);

  b = add_block (self, BLOCK_FIGURE);
  b->aspect = (isfinite (aspect) && aspect > 0.05 && aspect < 20) ? aspect : 1.0;
  b->draw = draw;
  b->user_data = user_data;
  b->destroy = destroy;
  if (caption != NULL && *caption != '\0')
    {
      b->plain = g_strdup (caption);
      b->markup = g_markup_printf_escaped ("<i>%s</i>", caption);
    }
}

void
hw_document_add_wide_figure (HwDocument          *self,
                             HwDocumentHeightFunc height_for_width,
                             HwDocumentDrawFunc   draw,
                             gpointer             user_data,
                             GDestroyNotify       destroy,
                             const char          *caption)
{
  Block *b;

  g_return_if_fail (HW_IS_DOCUMENT (self));
  g_return_if_fail (height_for_width != NULL);

  hw_document_add_figure (self, 1.0, draw, user_data, destroy, caption);
  b = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  b->height_for_width = height_for_width;
}

void
hw_document_add_signature (HwDocument *self,
                           const char *name,
                           const char *relationship)
{
  Block *b;

  g_return_if_fail (HW_IS_DOCUMENT (self));

  b = add_block (self, BLOCK_SIGNATURE);
  b->sig_name = g_strdup (name != NULL ? name : "");
  b->sig_relationship = g_strdup (relationship != NULL ? relationship : "");
  b->sig_signature = g_strdup (_("Signature"));
  b->sig_date = g_strdup (_("Date"));
  b->sig_refused = g_strdup (_("Did not sign. Reason:"));
  b->plain = g_strdup_printf ("%s — %s", b->sig_name, b->sig_relationship);
}

void
hw_document_add_page_break (HwDocument *self)
{
  g_return_if_fail (HW_IS_DOCUMENT (self));
  add_block (self, BLOCK_PAGE_BREAK);
}

/* Pagination ------------------------------------------------------------ */

static double
content_width (HwDocument *self)
{
  g_assert (HW_IS_DOCUMENT (self));

  return self->page_w - self->margin_left - self->margin_right;
}

static PangoLayout *
make_layout (HwDocument *self,
             const char *font,
             const char *markup,
             double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  g_assert (HW_IS_DOCUMENT (self));

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      LineInfo info;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.top = (double) logical.y / PANGO_SCALE;
      info.height = (double) logical.height / PANGO_SCALE;
      info.x = (double) logical.x / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (lines, info);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

static const char *
heading_font (int level)
{
  switch (level)
    {
    case 1: return "Sans Bold 16";
    case 2: return "Sans Bold 13";
    default: return "Sans Bold 11";
    }
}

static void
object_unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* A table cell's layout (bold in the header row), @col_w points wide. */
static PangoLayout *
make_cell (HwDocument *self,
           const char *text,
           gboolean    header,
           double      col_w)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  g_assert (HW_IS_DOCUMENT (self));

  if (header)
    {
      g_autofree char *bold = g_strdup_printf ("<b>%s</b>", markup);
      return make_layout (self, BODY_FONT, bold, MAX (col_w - 2 * CELL_PAD, 8));
    }
  return make_layout (self, BODY_FONT, markup, MAX (col_w - 2 * CELL_PAD, 8));
}

/* The width of the widest word of a cell: laid out one word a line
 * (pango breaks where a line may break, and at no other place). */
static double
longest_word (HwDocument *self,
              const char *text,
              gboolean    header)
{
  g_autoptr(PangoLayout) layout = make_cell (self, text, header, 2 * CELL_PAD + 8);
  int w;

  g_assert (HW_IS_DOCUMENT (self));

  pango_layout_set_width (layout, PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

/* Column widths in points: the builder's shares of @width, except that
 * no column is narrower than its longest word (header or cell), so that
 * words break between words, never inside one ("seguimien-to"). The room
 * a column needs more is taken from the others in proportion to their
 * shares. Only when the longest words together are wider than the page
 * do the words that cannot fit break, in the columns that need the most. */
static double *
table_column_widths (HwDocument *self,
                     Block      *b,
                     double      width)
{
  guint n = b->n_columns;
  double *w = g_new0 (double, n);
  g_autofree double *need = g_new0 (double, n);
  g_autofree gboolean *pinned = g_new0 (gboolean, n);
  double total_need = 0;

  g_assert (HW_IS_DOCUMENT (self));

  for (guint r = 0; r < b->rows->len; r++)
    {
      char **row = g_ptr_array_index (b->rows, r);

      for (guint c = 0; c < n; c++)
        if (row[c][0] != '\0')
          need[c] = MAX (need[c], longest_word (self, row[c], r == 0) + 2 * CELL_PAD + 0.5);
    }
  for (guint c = 0; c < n; c++)
    total_need += need[c];

  if (total_need > width)
    {
      /* Some word is wider than its column could be: every column whose
       * longest word fits in an equal share of what is left gets it; the
       * too wide ones share the rest equally, and only their words break. */
      for (guint round = 0; round <= n; round++)
        {
          double left = width;
          guint k = 0;
          gboolean changed = FALSE;

          for (guint c = 0; c < n; c++)
            if (pinned[c])
              left -= need[c];
            else
              k++;
          if (k == 0)
            break;
          for (guint c = 0; c < n; c++)
            if (!pinned[c] && need[c] <= left / k)
              {
                pinned[c] = TRUE;
                changed = TRUE;
              }
          if (!changed)
            {
              for (guint c = 0; c < n; c++)
                w[c] = pinned[c] ? need[c] : left / k;
              break;
            }
        }
      return w;
    }

  /* Pin every column that its share leaves too narrow at what it needs,
   * share the rest out again, until every column has room. */
  for (guint round = 0; round <= n; round++)
    {
      double left = width, shares = 0;
      gboolean changed = FALSE;

      for (guint c = 0; c < n; c++)
        {
          if (pinned[c])
            left -= need[c];
          else
            shares += b->widths[c];
        }
      for (guint c = 0; c < n; c++)
        w[c] = pinned[c] ? need[c] : (shares > 0 ? left * b->widths[c] / shares : 0);
      for (guint c = 0; c < n; c++)
        if (!pinned[c] && w[c] < need[c])
          {
            pinned[c] = TRUE;
            changed = TRUE;
          }
      if (!changed)
        break;
    }
  return w;
}

static void
build_layouts (HwDocument *self,
               Block      *b)
{
  double width = content_width (self);

  g_assert (HW_IS_DOCUMENT (self));

  block_clear_layouts (b);
  b->x = self->margin_left;

  switch (b->kind)
    {
    case BLOCK_HEADING:
      b->layout = make_layout (self, heading_font (b->level), b->markup, width);
      break;
    case BLOCK_PARAGRAPH:
      b->layout = make_layout (self, BODY_FONT, b->markup, width);
      break;
    case BLOCK_NOTE:
      b->layout = make_layout (self, NOTE_FONT, b->markup, width);
      break;
    case BLOCK_BULLET:
    case BLOCK_CHECKBOX:
      b->x = self->margin_left + MARKER_WIDTH;
      b->layout = make_layout (self, BODY_FONT, b->markup, width - MARKER_WIDTH);
      /* The marker is text too, so a reader of the PDF text layer sees
       * which boxes are ticked. */
      b->marker = make_layout (self, BODY_FONT,
                               b->kind == BLOCK_BULLET ? "•" : (b->checked ? "☒" : "☐"),
                               -1);
      break;
    case BLOCK_TABLE:
      {
        guint n_rows = b->rows->len;

        b->col_widths = table_column_widths (self, b, width);
        b->cells = g_ptr_array_new_with_free_func (g_object_unref);
        b->row_heights = g_new0 (double, n_rows);
        for (guint r = 0; r < n_rows; r++)
          {
            char **row = g_ptr_array_index (b->rows, r);

            for (guint c = 0; c < b->n_columns; c++)
              {
                PangoLayout *cell = make_cell (self, row[c], r == 0, b->col_widths[c]);

                b->row_heights[r] = MAX (b->row_heights[r], layout_height (cell) + 2 * CELL_PAD);
                g_ptr_array_add (b->cells, cell);
              }
          }

        /* A row that continues a group ("Kind of support" said once for
         * its rows) says the group's label again when it starts a page. */
        b->cont_heights = g_memdup2 (b->row_heights, n_rows * sizeof (double));
        if (b->group_column >= 0 && (guint) b->group_column < b->n_columns)
          {
            guint g = b->group_column;
            const char *label = "";

            b->group_cells = g_ptr_array_new_full (n_rows, object_unref_nullable);
            for (guint r = 0; r < n_rows; r++)
              {
                char **row = g_ptr_array_index (b->rows, r);
                PangoLayout *cell = NULL;

                if (r > 0 && row[g][0] == '\0' && label[0] != '\0')
                  {
                    cell = make_cell (self, label, FALSE, b->col_widths[g]);
                    b->cont_heights[r] = MAX (b->row_heights[r],
                                              layout_height (cell) + 2 * CELL_PAD);
                  }
                else if (r > 0)
                  label = row[g];
                g_ptr_array_add (b->group_cells, cell);
              }
          }
      }
      return;
    case BLOCK_FIGURE:
      if (b->markup != NULL)
        {
          b->layout = make_layout (self, NOTE_FONT, b->markup, width);
          pango_layout_set_alignment (b->layout, PANGO_ALIGN_CENTER);
        }
      break;
    case BLOCK_SIGNATURE:
      {
        double half = width / 2 - 6;
        g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", b->sig_name);
        g_autofree char *rel = g_markup_escape_text (b->sig_relationship, -1);
        g_autofree char *sig = g_markup_escape_text (b->sig_signature, -1);
        g_autofree char *date = g_markup_escape_text (b->sig_date, -1);
        g_autofree char *refused = g_markup_escape_text (b->sig_refused, -1);
        double top_h;

        b->layout = make_layout (self, BODY_FONT, name, half);
        b->sig_layouts[0] = make_layout (self, BODY_FONT, rel, half);
        b->sig_layouts[1] = make_layout (self, SMALL_FONT, sig, half);
        b->sig_layouts[2] = make_layout (self, SMALL_FONT, date, half);
        b->sig_layouts[3] = make_layout (self, SMALL_FONT, refused, -1);
        top_h = MAX (layout_height (b->layout), layout_height (b->sig_layouts[0]));
        b->height = top_h + SIGNATURE_GAP + layout_height (b->sig_layouts[1])
                    + 14 + layout_height (b->sig_layouts[3]) + 4;
      }
      return;
    case BLOCK_PAGE_BREAK:
    default:
      return;
    }

  if (b->layout != NULL)
    b->lines = measure_lines (b->layout);
}

static double
space_before (Block *b)
{
  switch (b->kind)
    {
    case BLOCK_HEADING: return b->level == 1 ? 14 : (b->level == 2 ? 10 : 8);
    case BLOCK_TABLE:
    case BLOCK_FIGURE: return 6;
    case BLOCK_SIGNATURE: return 14;
    default: return 0;
    }
}

static double
space_after (Block *b)
{
  switch (b->kind)
    {
    case BLOCK_HEADING: return 4;
    case BLOCK_BULLET:
    case BLOCK_CHECKBOX: return 3;
    case BLOCK_TABLE:
    case BLOCK_FIGURE: return 8;
    default: return 6;
    }
}

static double figure_height (HwDocument *self, Block *b);

/* The least that must follow a heading on the same page. */
static double
min_height (HwDocument *self,
            Block      *b)
{
  g_assert (HW_IS_DOCUMENT (self));

  if (b == NULL)
    return 0;
  switch (b->kind)
    {
    case BLOCK_TABLE:
      /* the header and two rows: no row alone at the foot of a page */
      return b->row_heights[0] + (b->rows->len > 1 ? b->row_heights[1] : 0)
             + (b->rows->len > 3 ? b->row_heights[2] : 0);
    case BLOCK_SIGNATURE:
      return b->height;
    case BLOCK_FIGURE:
      /* what paginate_figure () accepts before moving to the next page
       * (all of a wide figure: it never shrinks) */
      if (b->height_for_width != NULL)
        return figure_height (self, b)
               + (b->layout != NULL ? layout_height (b->layout) + 4 : 0);
      return MAX (0.7 * figure_height (self, b), 72)
             + (b->layout != NULL ? layout_height (b->layout) + 4 : 0);
    case BLOCK_PAGE_BREAK:
      return 0;
    default:
      if (b->lines != NULL && b->lines->len > 0)
        {
          LineInfo *l = &g_array_index (b->lines, LineInfo, MIN (b->lines->len, 2) - 1);
          return l->top + l->height;
        }
      return 0;
    }
}

typedef struct {
  HwDocument *self;
  GArray     *page;
  double      y;
  double      top;
  double      bottom;
} Cursor;

static void
new_page (Cursor *c)
{
  c->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_ptr_array_add (c->self->pages, c->page);
  c->y = c->top;
}

static gboolean
page_is_empty (Cursor *c)
{
  return c->page->len == 0;
}

static void
place (Cursor    *c,
       Placement *p)
{
  g_array_append_val (c->page, *p);
  c->y = p->y + p->height;
}

static void
paginate_text (Cursor *c,
               Block  *b)
{
  GArray *lines = b->lines;
  guint first = 0;

  if (!page_is_empty (c))
    c->y += space_before (b);

  while (first < lines->len)
    {
      LineInfo *f = &g_array_index (lines, LineInfo, first);
      guint last = first;
      Placement p = { 0 };

      while (last < lines->len)
        {
          LineInfo *l = &g_array_index (lines, LineInfo, last);

          if (c->y + (l->top + l->height - f->top) > c->bottom + 0.01)
            break;
          last++;
        }

      /* Nothing fits: go on to the next page, unless this page is empty
       * (a line taller than a page is drawn anyway). A first line alone at
       * the foot of a page also moves on with the rest. */
      if (last == first ||
          (first == 0 && last == 1 && lines->len > 1))
        {
          if (!page_is_empty (c))
            {
              new_page (c);
              continue;
            }
          if (last == first)
            last = first + 1;
        }

      p.block = b;
      p.first = first;
      p.last = last;
      p.y = c->y;
      {
        LineInfo *l = &g_array_index (lines, LineInfo, last - 1);
        p.height = l->top + l->height - f->top;
      }
      place (c, &p);
      first = last;
      if (first < lines->len)
        new_page (c);
    }
  c->y += space_after (b);
}

/* Rows from @first on a page from @y with the header: how many fit. */
static guint
rows_that_fit (Cursor *c,
               Block  *b,
               guint   first,
               double *height)
{
  double h = b->row_heights[0];
  guint last = first;

  while (last < b->rows->len)
    {
      double rh = (last == first && first > 1) ? b->cont_heights[last] : b->row_heights[last];

      if (c->y + h + rh > c->bottom + 0.01)
        break;
      h += rh;
      last++;
    }
  *height = h;
  return last;
}

/* A table is cut between rows, with its header row again on the next
 * page, and never so that one row stands alone on either side of a cut
 * (unless the table has fewer rows than that, or a row is taller than a
 * page). */
static void
paginate_table (Cursor *c,
                Block  *b)
{
  guint n_rows = b->rows->len;
  guint first = 1;

  if (!page_is_empty (c))
    c->y += space_before (b);
  if (c->y + min_height (c->self, b) > c->bottom && !page_is_empty (c))
    new_page (c);

  for (;;)
    {
      Placement p = { 0 };
      double height;
      guint last = rows_that_fit (c, b, first, &height);

      if (last < n_rows)
        {
          if (last == first || (last - first < 2 && n_rows - first > 1))
            {
              /* nothing, or one row alone, at the foot of a page: the
               * rows go on to the next page (a row taller than a page on
               * a page of its own, however) */
              if (!page_is_empty (c))
                {
                  new_page (c);
                  continue;
                }
              if (last == first)
                last = first + 1;
            }
          else if (n_rows - last < 2)
            {
              /* leave the next page two rows, not one */
              last = MAX (first + 2, n_rows - 2);
              if (last >= n_rows - 1 && !page_is_empty (c) && first == 1)
                {
                  new_page (c);
                  continue;
                }
            }
          /* the height of the rows kept on this page */
          height = b->row_heights[0];
          for (guint r = first; r < last; r++)
            height += (r == first && first > 1) ? b->cont_heights[r] : b->row_heights[r];
        }

      p.block = b;
      p.with_header = TRUE;
      p.first = first;
      p.last = last;
      p.y = c->y;
      p.height = height;
      place (c, &p);
      if (last >= n_rows)
        break;
      new_page (c);
      first = last;
    }
  c->y += space_after (b);
}

/* The figure's height at full width, or less to fit on a page. */
static double
figure_height (HwDocument *self,
               Block      *b)
{
  double caption_h = b->layout != NULL ? layout_height (b->layout) + 4 : 0;
  double max_h = (self->page_h - self->margin_top - self->margin_bottom) - caption_h;

  g_assert (HW_IS_DOCUMENT (self));

  if (b->height_for_width != NULL)
    {
      double h = b->height_for_width (content_width (self), b->user_data);

      /* room is left for a heading above it on the same page */
      return MIN (isfinite (h) && h > 1 ? h : content_width (self), max_h - 48);
    }
  return MIN (content_width (self) / b->aspect, max_h);
}

static void
paginate_figure (Cursor *c,
                 Block  *b)
{
  HwDocument *self = c->self;
  double caption_h = b->layout != NULL ? layout_height (b->layout) + 4 : 0;
  double h = figure_height (self, b);
  double w = b->height_for_width != NULL ? content_width (self) : h * b->aspect;
  double room;
  Placement p = { 0 };

  if (!page_is_empty (c))
    c->y += space_before (b);
  room = c->bottom - c->y - caption_h;
  /* a wide figure keeps the text's width: the next page, never smaller */
  if (h > room && !page_is_empty (c) && b->height_for_width != NULL)
    new_page (c);
  else if (h > room && !page_is_empty (c))
    {
      /* Shrink a little rather than leave most of a page empty. */
      if (room >= 0.7 * h && room >= 72)
        {
          h = room;
          w = h * b->aspect;
        }
      else
        new_page (c);
    }

  p.block = b;
  p.y = c->y;
  p.fig_w = w;
  p.fig_h = h;
  p.height = h + caption_h;
  place (c, &p);
  c->y += space_after (b);
}

static gboolean
is_signature (Block *b)
{
  return b != NULL && b->kind == BLOCK_SIGNATURE;
}

static gboolean
is_item (Block *b)
{
  return b != NULL && (b->kind == BLOCK_BULLET || b->kind == BLOCK_CHECKBOX);
}

/* Which blocks stay on a page with the block after them: headings; a
 * short paragraph right under a heading, and the short labelled lines
 * under it ("By when: …"), which belong to what the heading introduces;
 * a line that introduces a list; and in a list, the first item with the
 * second and the last but one with the last, so that no item of a longer
 * list stands alone at the foot or the top of a page. */
static void
mark_keep_next (HwDocument *self)
{
  g_assert (HW_IS_DOCUMENT (self));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      Block *prev = i > 0 ? g_ptr_array_index (self->blocks, i - 1) : NULL;
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
      Block *after = i + 2 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 2) : NULL;

      switch (b->kind)
        {
        case BLOCK_HEADING:
          b->keep_next = TRUE;
          break;
        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          /* a lead-in under a heading, or a one-line "Progress notes:"
           * that introduces a list */
          b->keep_next = (b->kind == BLOCK_PARAGRAPH && b->lines != NULL && b->lines->len <= 3 &&
                          prev != NULL && prev->keep_next &&
                          (prev->kind == BLOCK_HEADING ||
                           (b->labelled && prev->kind == BLOCK_PARAGRAPH))) ||
                         (b->lines != NULL && b->lines->len == 1 && is_item (next));
          break;
        case BLOCK_BULLET:
        case BLOCK_CHECKBOX:
          b->keep_next = is_item (next) &&
                         (!is_item (prev) || !is_item (after));
          break;
        case BLOCK_SIGNATURE:
          /* signatures as a list's items: none alone on a page, above all
           * not the last one on a page of its own, cut off from the
           * agreement it signs */
          b->keep_next = is_signature (next) &&
                         (!is_signature (prev) || !is_signature (after));
          break;
        default:
          b->keep_next = FALSE;
          break;
        }
    }
}

/* The whole height of a text block with the room around it. */
static double
text_height (Block *b)
{
  LineInfo *l;

  if (b->kind == BLOCK_SIGNATURE)
    return space_before (b) + b->height + space_after (b);
  if (b->lines == NULL || b->lines->len == 0)
    return 0;
  l = &g_array_index (b->lines, LineInfo, b->lines->len - 1);
  return space_before (b) + l->top + l->height + space_after (b);
}

/* The room block @i needs at the foot of a page: itself and the blocks it
 * is kept with (up to the next heading of its level), and the first lines
 * or rows of the block after them. A
 * chain of more than a third of a page is not kept whole (a long lead-in
 * is better split than moved with a half-empty page left behind): then
 * only the block and the start of the next one are. */
static double
keep_height (HwDocument *self,
             guint       i)
{
  Block *b = g_ptr_array_index (self->blocks, i);
  Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
  double limit = (self->page_h - self->margin_top - self->margin_bottom) / 3;
  double need = text_height (b);
  double before_subheading = -1;
  guint j = i + 1;

  g_assert (HW_IS_DOCUMENT (self));

  while (j < self->blocks->len)
    {
      Block *n = g_ptr_array_index (self->blocks, j);

      /* a heading of the same level or higher starts a section of its own */
      if (n->kind == BLOCK_HEADING && (b->kind != BLOCK_HEADING || n->level <= b->level))
        break;
      /* a lower heading goes on the chain (a goal under its need), but if
       * all of it is too much, the chain up to it is kept */
      if (n->kind == BLOCK_HEADING && before_subheading < 0 && j > i + 1)
        before_subheading = need;
      if (!n->keep_next || need + text_height (n) > limit)
        break;
      need += text_height (n);
      j++;
    }
  if (j < self->blocks->len)
    {
      Block *n = g_ptr_array_index (self->blocks, j);

      /* a figure after a section's lines is not part of them: the lines
       * stay together, the figure finds its own room */
      if (n->kind == BLOCK_FIGURE && (j > i + 1 || b->kind != BLOCK_HEADING) && need <= limit)
        return need;
      need += space_before (n) + min_height (self, n);
    }
  if (need <= limit)
    return need;
  if (before_subheading > 0 && before_subheading <= limit)
    return before_subheading;
  return text_height (b) + (next != NULL ? space_before (next) + min_height (self, next) : 0);
}

static void
paginate (HwDocument *self)
{
  Cursor c = { self, NULL, 0, self->margin_top, self->page_h - self->margin_bottom };
  g_autoptr(HwLanguageSwitch) language = NULL;

  g_assert (HW_IS_DOCUMENT (self));

  if (self->pages != NULL)
    return;

  /* a wide figure measures its words (the ecomap's key) in the language
   * it will be drawn in */
  language = hw_language_push (self->language);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  new_page (&c);

  for (guint i = 0; i < self->blocks->len; i++)
    build_layouts (self, g_ptr_array_index (self->blocks, i));
  mark_keep_next (self);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      switch (b->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!page_is_empty (&c))
            new_page (&c);
          break;
        case BLOCK_HEADING:
          {
            /* Keep a heading with what follows it: all of its short
             * lead-in ("In the family's words", "By when") and the first
             * lines or rows of what comes after. */
            double need = keep_height (self, i);

            if (c.y + need > c.bottom && !page_is_empty (&c))
              new_page (&c);
            paginate_text (&c, b);
          }
          break;
        case BLOCK_TABLE:
          paginate_table (&c, b);
          break;
        case BLOCK_FIGURE:
          paginate_figure (&c, b);
          break;
        case BLOCK_SIGNATURE:
          {
            Placement p = { 0 };

            double need = b->height;

            if (!page_is_empty (&c))
              c.y += space_before (b);
            if (b->keep_next)
              {
                Block *next = g_ptr_array_index (self->blocks, i + 1);

                need += space_after (b) + space_before (next) + next->height;
              }
            if (c.y + need > c.bottom && !page_is_empty (&c))
              new_page (&c);
            p.block = b;
            p.y = c.y;
            p.height = b->height;
            place (&c, &p);
            c.y += space_after (b);
          }
          break;
        default:
          /* a lead-in kept with its heading's block, and the first two and
           * the last two items of a list kept together */
          if (b->keep_next && !page_is_empty (&c) && c.y + keep_height (self, i) > c.bottom)
            new_page (&c);
          paginate_text (&c, b);
          break;
        }
    }

  /* A page break at the very end leaves no empty last page. */
  if (self->pages->len > 1 && page_is_empty (&c))
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

guint
hw_document_get_n_pages (HwDocument *self)
{
  g_return_val_if_fail (HW_IS_DOCUMENT (self), 0);

  paginate (self);
  return self->pages->len;
}

/* Drawing --------------------------------------------------------------- */

static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            GArray      *lines,
            double       x,
            double       y,
            guint        first,
            guint        last)
{
  double origin = y - g_array_index (lines, LineInfo, first).top;

  for (guint i = first; i < last; i++)
    {
      LineInfo *l = &g_array_index (lines, LineInfo, i);

      cairo_move_to (cr, x + l->x, origin + l->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (layout, i));
    }
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_text (HwDocument *self,
           cairo_t    *cr,
           Placement  *p)
{
  Block *b = p->block;
  const char *tag = "P";

  g_assert (HW_IS_DOCUMENT (self));

  if (b->kind == BLOCK_HEADING)
    tag = b->level == 1 ? "H1" : (b->level == 2 ? "H2" : "H3");

  cairo_tag_begin (cr, tag, NULL);
  if (b->kind == BLOCK_NOTE)
    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  if (b->marker != NULL && p->first == 0)
    {
      LineInfo *l = &g_array_index (b->lines, LineInfo, 0);
      PangoLayoutIter *iter = pango_layout_get_iter (b->marker);
      double base = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      pango_layout_iter_free (iter);
      show_layout_at (cr, b->marker, self->margin_left, p->y + l->baseline - l->top - base);
    }
  draw_lines (cr, b->layout, b->lines, b->x, p->y, p->first, p->last);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_tag_end (cr, tag);
}

static void
draw_row (HwDocument *self,
          cairo_t    *cr,
          Block      *b,
          guint       r,
          double      y,
          gboolean    starts_page)
{
  double width = content_width (self);
  double x = self->margin_left;
  double h = starts_page ? b->cont_heights[r] : b->row_heights[r];
  const char *cell_tag = r == 0 ? "TH" : "TD";

  g_assert (HW_IS_DOCUMENT (self));

  if (r == 0)
    {
      cairo_set_source_rgb (cr, 0.90, 0.90, 0.90);
      cairo_rectangle (cr, x, y, width, h);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  cairo_tag_begin (cr, "TR", NULL);
  for (guint c = 0; c < b->n_columns; c++)
    {
      double cw = b->col_widths[c];
      PangoLayout *cell = g_ptr_array_index (b->cells, r * b->n_columns + c);

      if (starts_page && b->group_cells != NULL && (int) c == b->group_column &&
          g_ptr_array_index (b->group_cells, r) != NULL)
        cell = g_ptr_array_index (b->group_cells, r);
      cairo_tag_begin (cr, cell_tag, NULL);
      show_layout_at (cr, cell, x + CELL_PAD, y + CELL_PAD);
      cairo_tag_end (cr, cell_tag);

      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x, y, cw, h);
      cairo_stroke (cr);
      x += cw;
    }
  cairo_tag_end (cr, "TR");
}

static void
draw_table (HwDocument *self,
            cairo_t    *cr,
            Placement  *p)
{
  Block *b = p->block;
  double y = p->y;

  g_assert (HW_IS_DOCUMENT (self));

  cairo_tag_begin (cr, "Table", NULL);
  if (p->with_header)
    {
      draw_row (self, cr, b, 0, y, FALSE);
      y += b->row_heights[0];
    }
  for (guint r = p->first; r < p->last; r++)
    {
      /* the first row of a page the table continues on */
      gboolean starts_page = r == p->first && r > 1;

      draw_row (self, cr, b, r, y, starts_page);
      y += starts_page ? b->cont_heights[r] : b->row_heights[r];
    }
  cairo_tag_end (cr, "Table");
}

static void
draw_figure (HwDocument *self,
             cairo_t    *cr,
             Placement  *p)
{
  Block *b = p->block;
  double x = self->margin_left + (content_width (self) - p->fig_w) / 2;

  g_assert (HW_IS_DOCUMENT (self));

  cairo_tag_begin (cr, "Figure", NULL);
  cairo_save (cr);
  cairo_translate (cr, x, p->y);
  cairo_rectangle (cr, 0, 0, p->fig_w, p->fig_h);
  cairo_clip (cr);
  cairo_new_path (cr);
  b->draw (cr, p->fig_w, p->fig_h, b->user_data);
  cairo_restore (cr);
  cairo_tag_end (cr, "Figure");

  if (b->layout != NULL)
    {
      cairo_tag_begin (cr, "Caption", NULL);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_layout_at (cr, b->layout, self->margin_left, p->y + p->fig_h + 4);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_tag_end (cr, "Caption");
    }
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y)
{
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_signature (HwDocument *self,
                cairo_t    *cr,
                Placement  *p)
{
  Block *b = p->block;
  double width = content_width (self);
  double x = self->margin_left;
  double half = width / 2 + 6;
  double y = p->y;
  double top_h = MAX (layout_height (b->layout), layout_height (b->sig_layouts[0]));
  double label_h = layout_height (b->sig_layouts[1]);
  double refused_w;
  int w;

  g_assert (HW_IS_DOCUMENT (self));

  cairo_tag_begin (cr, "Div", NULL);
  cairo_tag_begin (cr, "P", NULL);
  show_layout_at (cr, b->layout, x, y);
  show_layout_at (cr, b->sig_layouts[0], x + half, y);
  cairo_tag_end (cr, "P");

  y += top_h + SIGNATURE_GAP;
  cairo_set_line_width (cr, 0.7);
  hline (cr, x, x + width * 0.62, y);
  hline (cr, x + width * 0.68, x + width, y);
  cairo_tag_begin (cr, "P", NULL);
  show_layout_at (cr, b->sig_layouts[1], x, y + 2);
  show_layout_at (cr, b->sig_layouts[2], x + width * 0.68, y + 2);
  cairo_tag_end (cr, "P");

  y += label_h + 14;
  /* an empty box to tick, the words, and a line to write the reason */
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, x, y + 1, 7, 7);
  cairo_stroke (cr);
  cairo_tag_begin (cr, "P", NULL);
  show_layout_at (cr, b->sig_layouts[3], x + 11, y);
  cairo_tag_end (cr, "P");
  pango_layout_get_size (b->sig_layouts[3], &w, NULL);
  refused_w = (double) w / PANGO_SCALE;
  hline (cr, x + 11 + refused_w + 4, x + width, y + layout_height (b->sig_layouts[3]));
  cairo_tag_end (cr, "Div");
}

/* The width of a layout's text on one line. */
static double
natural_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static PangoLayout *
small_layout (HwDocument *self,
              const char *text,
              gboolean    bold,
              double      width)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *markup = bold ? g_strdup_printf ("<b>%s</b>", escaped) : g_steal_pointer (&escaped);

  g_assert (HW_IS_DOCUMENT (self));

  return make_layout (self, SMALL_FONT, markup, width);
}

static void
draw_header_footer (HwDocument *self,
                    cairo_t    *cr,
                    guint       page)
{
  double width = content_width (self);
  double x = self->margin_left;
  double right_w = width * 0.3;
  double left_w = width - right_w - 12;
  double y;
  g_autofree char *page_text = NULL;

  g_assert (HW_IS_DOCUMENT (self));

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, 0.5);

  /* Header: case name and number over a thin rule; for the made-up
   * sample family, "Sample — not a real family" in a box between them,
   * so that no page of it can pass for a real family's. */
  if (self->case_name != NULL || self->case_number != NULL || self->sample_line != NULL)
    {
      double rule = self->margin_top - 14;
      g_autoptr(PangoLayout) name = NULL;
      g_autoptr(PangoLayout) number = NULL;

      if (self->sample_line != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (self->sample_line, -1);
          g_autoptr(PangoLayout) mark = make_layout (self, SAMPLE_FONT, escaped, width * 0.44);
          PangoRectangle ink, logical;
          double box_w, box_h;

          pango_layout_get_extents (mark, &ink, &logical);
          box_w = (double) logical.width / PANGO_SCALE + 2 * SAMPLE_PAD;
          box_h = layout_height (mark) + SAMPLE_PAD;
          right_w = left_w = (width - box_w) / 2 - 8;

          cairo_save (cr);
          cairo_rectangle (cr, x + (width - box_w) / 2, rule - 3 - box_h, box_w, box_h);
          cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_line_width (cr, 0.75);
          cairo_stroke (cr);
          show_layout_at (cr, mark, x + (width - box_w) / 2 + SAMPLE_PAD - (double) logical.x / PANGO_SCALE,
                          rule - 3 - box_h + SAMPLE_PAD / 2);
          cairo_restore (cr);
        }

      name = small_layout (self, self->case_name ? self->case_name : "", TRUE, left_w);
      number = small_layout (self, self->case_number ? self->case_number : "", FALSE, right_w);
      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      show_layout_at (cr, name, x, rule - 2 - layout_height (name));
      show_layout_at (cr, number, x + width - right_w, rule - 2 - layout_height (number));
      hline (cr, x, x + width, rule);
    }

  /* Footer: rule; confidentiality and recipient on the left; page x of y
   * and the date on the right. The right column is as wide as its longer
   * line, so that a date ("Borrador impreso el 3 de diciembre de 2026")
   * stays on one line; the left column has the rest. */
  y = self->page_h - self->margin_bottom + 12;
  hline (cr, x, x + width, y);
  y += 3;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  /* page_format was checked by page_format_is_safe () */
  page_text = g_strdup_printf (self->page_format, (int) page + 1, (int) self->pages->len);
#pragma GCC diagnostic pop

  {
    g_autoptr(PangoLayout) pages = small_layout (self, page_text, FALSE, -1);
    g_autoptr(PangoLayout) date = NULL;
    double foot_right = natural_width (pages);
    double foot_left;
    double ly = y;

    if (self->date_line != NULL)
      {
        date = small_layout (self, self->date_line, FALSE, -1);
        foot_right = MAX (foot_right, natural_width (date));
      }
    /* the left column keeps at least 40% of the width: a date longer than
     * that wraps rather than push the confidentiality line off */
    foot_right = MIN (ceil (foot_right) + 1, width * 0.6 - 12);
    foot_left = width - foot_right - 12;

    pango_layout_set_width (pages, (int) (foot_right * PANGO_SCALE));
    pango_layout_set_wrap (pages, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment (pages, PANGO_ALIGN_RIGHT);
    show_layout_at (cr, pages, x + width - foot_right, y);
    if (date != NULL)
      {
        pango_layout_set_width (date, (int) (foot_right * PANGO_SCALE));
        pango_layout_set_wrap (date, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment (date, PANGO_ALIGN_RIGHT);
        show_layout_at (cr, date, x + width - foot_right, y + layout_height (pages));
      }

    if (self->confidentiality != NULL)
      {
        g_autoptr(PangoLayout) conf = small_layout (self, self->confidentiality, TRUE, foot_left);

        show_layout_at (cr, conf, x, ly);
        ly += layout_height (conf);
      }
    if (self->recipient_line != NULL)
      {
        g_autoptr(PangoLayout) rec = small_layout (self, self->recipient_line, FALSE, foot_left);

        show_layout_at (cr, rec, x, ly);
      }
  }
  cairo_set_source_rgb (cr, 0, 0, 0);
}

gboolean
hw_document_draw_page (HwDocument  *self,
                       cairo_t     *cr,
                       guint        page,
                       GError     **error)
{
  g_autoptr(HwLanguageSwitch) language = NULL;
  GArray *placements;

  g_return_val_if_fail (HW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  /* figures (the ecomap's legend, chart axes) translate their words when
   * they are drawn, which may be long after the document was built */
  language = hw_language_push (self->language);
  paginate (self);
  if (page >= self->pages->len)
    {
      g_set_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID,
                   _("There is no page %u in this document."), page + 1);
      return FALSE;
    }

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  placements = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);

      switch (p->block->kind)
        {
        case BLOCK_TABLE:
          draw_table (self, cr, p);
          break;
        case BLOCK_FIGURE:
          draw_figure (self, cr, p);
          break;
        case BLOCK_SIGNATURE:
          draw_signature (self, cr, p);
          break;
        case BLOCK_PAGE_BREAK:
          break;
        default:
          draw_text (self, cr, p);
          break;
        }
    }
  draw_header_footer (self, cr, page);
  cairo_restore (cr);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_RENDER,
                   _("Could not draw the page: %s"), cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}

/* Output ---------------------------------------------------------------- */

static void
set_pdf_metadata (HwDocument      *self,
                  cairo_surface_t *surface)
{
  g_assert (HW_IS_DOCUMENT (self));

  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Homeward " PACKAGE_VERSION);
  if (self->date != NULL)
    {
      /* cairo wants "YYYY-MM-DDThh:mm:ss"; a bare date means midnight. */
      g_autofree char *iso = strlen (self->date) == 10
                               ? g_strconcat (self->date, "T00:00:00", NULL)
                               : g_strdup (self->date);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }
}

static void
add_outline (HwDocument      *self,
             cairo_surface_t *surface,
             guint            page)
{
  GArray *placements = g_ptr_array_index (self->pages, page);

  g_assert (HW_IS_DOCUMENT (self));

  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);
      g_autofree char *link = NULL;
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      if (p->block->kind != BLOCK_HEADING || p->block->level != 1 || p->first != 0)
        continue;
      g_ascii_dtostr (x, sizeof x, self->margin_left);
      g_ascii_dtostr (y, sizeof y, p->y);
      link = g_strdup_printf ("page=%u pos=[%s %s]", page + 1, x, y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                     p->block->plain, link, 0);
    }
}

gboolean
hw_document_write_pdf (HwDocument     *self,
                       GOutputStream  *stream,
                       GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok = TRUE;

  g_return_val_if_fail (HW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  paginate (self);

  surface = cairo_pdf_surface_create_for_stream (hw_export_cairo_write, stream,
                                                 self->page_w, self->page_h);
  set_pdf_metadata (self, surface);
  cr = cairo_create (surface);

  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; ok && page < self->pages->len; page++)
    {
      ok = hw_document_draw_page (self, cr, page, error);
      add_outline (self, surface, page);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_RENDER,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Drops a file made by hw_export_create_file () without putting it in
 * place: a GOutputStream closes itself when finalized, and a plain close
 * would move the half-written file over the old one. Closing with a
 * cancelled cancellable removes the temporary file instead. */
static void
abort_file (GOutputStream *out)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  g_cancellable_cancel (cancel);
  g_output_stream_close (out, cancel, NULL);
}

gboolean
hw_document_export_pdf (HwDocument  *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;

  g_return_val_if_fail (HW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  out = hw_export_create_file (path, error);
  if (out == NULL)
    return FALSE;
  /* cairo writes in small pieces: one system call each without a buffer */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  if (!hw_document_write_pdf (self, buffered, error) ||
      !g_output_stream_close (buffered, NULL, error))
    {
      abort_file (G_OUTPUT_STREAM (out));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

cairo_surface_t *
hw_document_render_page (HwDocument  *self,
                         guint        page,
                         double       scale,
                         GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (HW_IS_DOCUMENT (self), NULL);

  if (!(scale > 0.05 && scale <= 8))
    {
      g_set_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_INVALID,
                   _("A preview scale must be between 0.05 and 8."));
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (self->page_w * scale),
                                        (int) ceil (self->page_h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  ok = hw_document_draw_page (self, cr, page, error);
  cairo_destroy (cr);
  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

gboolean
hw_document_export_png (HwDocument  *self,
                        guint        page,
                        double       scale,
                        const char  *path,
                        GError     **error)
{
  cairo_surface_t *surface;
  g_autoptr(GFileOutputStream) out = NULL;
  cairo_status_t status;

  surface = hw_document_render_page (self, page, scale, error);
  if (surface == NULL)
    return FALSE;
  out = hw_export_create_file (path, error);
  if (out == NULL)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = cairo_surface_write_to_png_stream (surface, hw_export_cairo_write, out);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      abort_file (G_OUTPUT_STREAM (out));
      g_set_error (error, HW_DOCUMENT_ERROR, HW_DOCUMENT_ERROR_RENDER,
                   _("Could not write the PNG: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

char *
hw_document_get_text (HwDocument *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (HW_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (b->kind == BLOCK_TABLE)
        {
          for (guint r = 0; r < b->rows->len; r++)
            {
              g_autofree char *row = g_strjoinv ("\t", g_ptr_array_index (b->rows, r));

              g_string_append (s, row);
              g_string_append_c (s, '\n');
            }
        }
      else if (b->plain != NULL)
        {
          g_string_append (s, b->plain);
          g_string_append_c (s, '\n');
        }
    }
  return g_string_free (s, FALSE);
}
