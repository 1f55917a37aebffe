/* hw-case-row.c: a family in the list of families: its name, its case
 * number and status, and the tag of the sample family.
 *
 * The search fills the same rows again with other families after each
 * letter, and GTK 4.8's list view keeps up to 200 rows, shown or not:
 * erasing a search that found a few families makes up to 200 new rows at
 * once, and their making, measuring and styling was most of that
 * letter's time. So a row is light:
 * - its size does not depend on its text (one line each, cut short with
 *   "…"): it is measured once for all rows (again when the font, text
 *   scaling or the tag changes). Its natural width is that of a name of
 *   HW_LONG_TEXT_NAME_CHARS characters whatever names are shown: the
 *   sidebar does not change width as one types;
 * - the name and the case number are not labels: the row draws them
 *   itself, laid out when first drawn (the 20 rows or so on screen), as
 *   a GtkLabel would (two labels were two fifths of a row's making and a
 *   third of its styling). The name is in the list's font, semi-bold;
 *   the case number in libadwaita's caption (9 pt), dimmed as its
 *   dim-label (0.55; 0.9 in high contrast), in the row's colour;
 * - the sample's tag, in one row at most, is a label.
 * Screen readers read the row by the name given to the list's row
 * (hw_case_row_set_record()); the whole name or number is a tooltip
 * where it is cut short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-case-row"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hw-case-row.h"
#include "hw-enums.h"
#include "hw-long-text.h"

#define SPACING 2

/* libadwaita 1.2's .caption and .dim-label */
#define CAPTION_POINTS       9
#define DIM_OPACITY          0.55
#define DIM_OPACITY_CONTRAST 0.9

enum { TITLE, SUBTITLE, TAG, N_PARTS };

typedef struct {
  int min, nat;
} Size;

/* What the row measured for the font and resolution (text scaling) of
 * the list, with or without the tag: kept by each row and, for rows made
 * later, by all of them. The key is read from the list's Pango context,
 * made once; the texts are laid out in that context too (a context of
 * each row's own was a fifth of a search). */
typedef struct {
  gboolean              valid;
  PangoFontDescription *font;
  double                resolution;
  gboolean              sample;
  PangoFontDescription *fonts[2];       /* title, subtitle */
  Size                  size[2];        /* by GtkOrientation */
  int                   heights[N_PARTS];
} Measured;

struct _HwCaseRow
{
  GtkWidget             parent_instance;

  char                 *texts[2];       /* title, subtitle */
  PangoLayout          *layouts[2];     /* made when first drawn */
  GtkWidget            *tag;

  Measured              measured;
};

G_DEFINE_FINAL_TYPE (HwCaseRow, hw_case_row, GTK_TYPE_WIDGET)

/**
 * hw_case_row_new:
 *
 * Returns: (transfer floating): an empty row
 */
GtkWidget *
hw_case_row_new (void)
{
  return g_object_new (HW_TYPE_CASE_ROW, NULL);
}

/* The sample's tag, made for the first sample shown in this row (one
 * family at most is the sample: the other rows make no tag) */
static GtkWidget *
ensure_tag (HwCaseRow *self)
{
  if (self->tag == NULL)
    {
      /* Translators: the tag of the made-up sample family in the list of families */
      self->tag = gtk_label_new (_("Sample — not a real family"));
      gtk_widget_set_halign (self->tag, GTK_ALIGN_START);
      gtk_label_set_ellipsize (GTK_LABEL (self->tag), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->tag, "sample-tag");
      gtk_widget_set_parent (self->tag, GTK_WIDGET (self));
    }
  return self->tag;
}

static void
set_text (HwCaseRow  *self,
          guint       part,
          const char *text)
{
  if (g_strcmp0 (self->texts[part], text) == 0)
    return;
  g_free (self->texts[part]);
  self->texts[part] = g_strdup (text);
  if (self->layouts[part] != NULL)
    pango_layout_set_text (self->layouts[part], text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * hw_case_row_set_record:
 * @record: (nullable): the family (a row of cases)
 *
 * Shows @record, and names the row's parent (the list's row) for screen
 * readers: "Morales, FC-1 · In care".
 */
void
hw_case_row_set_record (HwCaseRow *self,
                        HwRecord  *record)
{
  g_return_if_fail (HW_IS_CASE_ROW (self));

  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  const char *family, *number, *status;
  gboolean sample;
  g_autofree char *detail = NULL;
  g_autofree char *name = NULL;

  if (record == NULL)
    return;
  family = hw_record_get_string (record, "family_name");
  number = hw_record_get_string (record, "case_number");
  status = hw_choice_label (HW_CHOICES_CASE_STATUS, hw_record_get_string (record, "status"));
  sample = hw_record_get_boolean (record, "sample");

  if (*number != '\0')
    /* TRANSLATORS: case number · case status, in the list of families */
    detail = g_strdup_printf (_("%s · %s"), number, status);
  else
    detail = g_strdup (status);
  set_text (self, TITLE, family);
  set_text (self, SUBTITLE, detail);
  if (sample)
    gtk_widget_set_visible (ensure_tag (self), TRUE);
  else if (self->tag != NULL)
    gtk_widget_set_visible (self->tag, FALSE);

  /* GTK 4.8 has no API to name a list item: name the row widget that holds
   * this one */
  if (parent == NULL)
    return;
  if (sample)
    /* TRANSLATORS: what a screen reader says of a row of the list of
     * families: family name, case number · status, and the sample tag */
    name = g_strdup_printf (_("%s, %s, %s"), family, detail,
                            gtk_label_get_text (GTK_LABEL (self->tag)));
  else
    name = g_strdup_printf ("%s, %s", family, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * hw_case_row_get_title:
 *
 * Returns: the family's name, as the row shows it
 */
const char *
hw_case_row_get_title (HwCaseRow *self)
{
  g_return_val_if_fail (HW_IS_CASE_ROW (self), NULL);

  return self->texts[TITLE] != NULL ? self->texts[TITLE] : "";
}

/**
 * hw_case_row_get_subtitle:
 *
 * Returns: the case number and status, as the row shows them
 */
const char *
hw_case_row_get_subtitle (HwCaseRow *self)
{
  g_return_val_if_fail (HW_IS_CASE_ROW (self), NULL);

  return self->texts[SUBTITLE] != NULL ? self->texts[SUBTITLE] : "";
}

static Measured last_measured;

static void
measured_clear (Measured *m)
{
  g_clear_pointer (&m->font, pango_font_description_free);
  g_clear_pointer (&m->fonts[TITLE], pango_font_description_free);
  g_clear_pointer (&m->fonts[SUBTITLE], pango_font_description_free);
  m->valid = FALSE;
}

static void
measured_copy (Measured       *to,
               const Measured *from)
{
  measured_clear (to);
  *to = *from;
  to->font = pango_font_description_copy (from->font);
  to->fonts[TITLE] = pango_font_description_copy (from->fonts[TITLE]);
  to->fonts[SUBTITLE] = pango_font_description_copy (from->fonts[SUBTITLE]);
}

/* whether @m was measured for @context's font and resolution, and @sample */
static gboolean
measured_for (const Measured *m,
              PangoContext   *context,
              gboolean        sample)
{
  return m->valid && m->sample == sample
         && m->resolution == pango_cairo_context_get_resolution (context)
         && pango_font_description_equal (m->font, pango_context_get_font_description (context));
}

/* The context the row lays its texts out in: the list's */
static PangoContext *
get_context (HwCaseRow *self)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);

  return gtk_widget_get_pango_context (list != NULL ? list : GTK_WIDGET (self));
}

/* A layout of @text in @font, one line cut short at the end, aligned as
 * a GtkLabel's at the start of the row's direction */
static PangoLayout *
layout_new (HwCaseRow                  *self,
            PangoContext               *context,
            const PangoFontDescription *font,
            const char                 *text)
{
  PangoLayout *layout = pango_layout_new (context);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Measures again if the font, text scaling or the tag changed (the
 * texts are laid out again then). */
static void
update_sizes (HwCaseRow *self)
{
  PangoContext *context = get_context (self);
  gboolean sample = self->tag != NULL && gtk_widget_get_visible (self->tag);
  PangoFontMetrics *metrics;
  Size width = { 0, 0 }, height = { 0, 0 };
  int char_width;

  g_assert (HW_IS_CASE_ROW (self));

  if (measured_for (&self->measured, context, sample))
    return;
  g_clear_object (&self->layouts[TITLE]);
  g_clear_object (&self->layouts[SUBTITLE]);
  if (measured_for (&last_measured, context, sample))
    {
      measured_copy (&self->measured, &last_measured);
      return;
    }

  measured_clear (&self->measured);
  self->measured.font = pango_font_description_copy (pango_context_get_font_description (context));
  self->measured.fonts[TITLE] = pango_font_description_copy (self->measured.font);
  pango_font_description_set_weight (self->measured.fonts[TITLE], PANGO_WEIGHT_SEMIBOLD);
  self->measured.fonts[SUBTITLE] = pango_font_description_copy (self->measured.font);
  pango_font_description_set_weight (self->measured.fonts[SUBTITLE], PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (self->measured.fonts[SUBTITLE], CAPTION_POINTS * PANGO_SCALE);

  /* as GtkLabel measures one line of text cut short: at least "…" wide,
   * as tall as the line */
  for (guint i = TITLE; i <= SUBTITLE; i++)
    {
      g_autoptr(PangoLayout) layout = layout_new (self, context, self->measured.fonts[i], "…");
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      width.min = MAX (width.min, w);
      self->measured.heights[i] = h;
      height.min += h + (i > 0 ? SPACING : 0);
    }
  self->measured.heights[TAG] = 0;
  if (sample)
    {
      int min, nat;

      gtk_widget_measure (self->tag, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      width.min = MAX (width.min, min);
      gtk_widget_measure (self->tag, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      self->measured.heights[TAG] = nat;
      height.min += SPACING + nat;
    }
  height.nat = height.min;

  /* as GtkLabel counts max-width-chars */
  metrics = pango_context_get_metrics (context, self->measured.fonts[TITLE], NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  width.nat = MAX (width.min, PANGO_PIXELS_CEIL (char_width * HW_LONG_TEXT_NAME_CHARS));

  self->measured.resolution = pango_cairo_context_get_resolution (context);
  self->measured.sample = sample;
  self->measured.size[GTK_ORIENTATION_HORIZONTAL] = width;
  self->measured.size[GTK_ORIENTATION_VERTICAL] = height;
  self->measured.valid = TRUE;
  measured_copy (&last_measured, &self->measured);
}

static GtkSizeRequestMode
hw_case_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
hw_case_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  HwCaseRow *self = HW_CASE_ROW (widget);

  update_sizes (self);
  *minimum = self->measured.size[orientation].min;
  *natural = self->measured.size[orientation].nat;
}

/* where the texts and the tag are: one under the other */
static int
part_y (HwCaseRow *self,
        guint      part)
{
  int y = 0;

  for (guint i = 0; i < part; i++)
    y += self->measured.heights[i] + SPACING;
  return y;
}

static void
hw_case_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  HwCaseRow *self = HW_CASE_ROW (widget);

  update_sizes (self);
  for (guint i = TITLE; i <= SUBTITLE; i++)
    if (self->layouts[i] != NULL)
      pango_layout_set_width (self->layouts[i], width * PANGO_SCALE);
  if (self->tag != NULL && gtk_widget_get_visible (self->tag))
    gtk_widget_size_allocate (self->tag,
                              &(GtkAllocation) { 0, part_y (self, TAG), width, self->measured.heights[TAG] },
                              -1);
}

/* The layout of a text, made when first needed, as wide as the row */
static PangoLayout *
ensure_layout (HwCaseRow *self,
               guint      part)
{
  update_sizes (self);
  if (self->layouts[part] == NULL)
    {
      self->layouts[part] = layout_new (self, get_context (self), self->measured.fonts[part], self->texts[part]);
      pango_layout_set_width (self->layouts[part], gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE);
    }
  return self->layouts[part];
}

static gboolean
high_contrast (void)
{
  return adw_is_initialized () && adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

static void
hw_case_row_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  HwCaseRow *self = HW_CASE_ROW (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  for (guint i = TITLE; i <= SUBTITLE; i++)
    {
      PangoLayout *layout;
      PangoRectangle logical;
      GdkRGBA ink = color;
      int x, y;

      if (self->texts[i] == NULL || *self->texts[i] == '\0')
        continue;
      layout = ensure_layout (self, i);
      if (i == SUBTITLE)
        ink.alpha *= high_contrast () ? DIM_OPACITY_CONTRAST : DIM_OPACITY;

      /* where GtkLabel puts its layout (xalign 0, yalign 0.5) */
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        x = width - logical.width - logical.x;
      else
        x = -logical.x;
      y = part_y (self, i) + (self->measured.heights[i] - logical.height) / 2;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, layout, &ink);
      gtk_snapshot_restore (snapshot);
    }

  if (self->tag != NULL && gtk_widget_get_visible (self->tag))
    gtk_widget_snapshot_child (widget, self->tag, snapshot);
}

/* The whole name or number when the row shows it cut short, asked for
 * when the pointer rests on it */
static gboolean
hw_case_row_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  HwCaseRow *self = HW_CASE_ROW (widget);

  for (guint i = TITLE; i <= SUBTITLE; i++)
    {
      if (!keyboard && (y < part_y (self, i) || y >= part_y (self, i) + self->measured.heights[i]))
        continue;
      if (self->texts[i] == NULL || !pango_layout_is_ellipsized (ensure_layout (self, i)))
        continue;
      gtk_tooltip_set_text (tooltip, self->texts[i]);
      return TRUE;
    }
  return FALSE;
}

static void
hw_case_row_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  HwCaseRow *self = HW_CASE_ROW (widget);

  g_clear_object (&self->layouts[TITLE]);
  g_clear_object (&self->layouts[SUBTITLE]);
  GTK_WIDGET_CLASS (hw_case_row_parent_class)->direction_changed (widget, previous);
}

static void
hw_case_row_dispose (GObject *object)
{
  HwCaseRow *self = HW_CASE_ROW (object);

  g_clear_pointer (&self->tag, gtk_widget_unparent);
  g_clear_object (&self->layouts[TITLE]);
  g_clear_object (&self->layouts[SUBTITLE]);

  G_OBJECT_CLASS (hw_case_row_parent_class)->dispose (object);
}

static void
hw_case_row_finalize (GObject *object)
{
  HwCaseRow *self = HW_CASE_ROW (object);

  measured_clear (&self->measured);
  g_free (self->texts[TITLE]);
  g_free (self->texts[SUBTITLE]);

  G_OBJECT_CLASS (hw_case_row_parent_class)->finalize (object);
}

static void
hw_case_row_class_init (HwCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hw_case_row_dispose;
  object_class->finalize = hw_case_row_finalize;
  widget_class->get_request_mode = hw_case_row_get_request_mode;
  widget_class->measure = hw_case_row_measure;
  widget_class->size_allocate = hw_case_row_size_allocate;
  widget_class->snapshot = hw_case_row_snapshot;
  widget_class->query_tooltip = hw_case_row_query_tooltip;
  widget_class->direction_changed = hw_case_row_direction_changed;
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
hw_case_row_init (HwCaseRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "case-row");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
