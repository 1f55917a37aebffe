/* hw-case-row.c: a family in the list of families: its name, its case
 * number and status, and the tag of the sample family.
 *
 * The search fills the same rows again with other families after each
 * letter, and GTK 4.8's list view keeps up to 200 rows, shown or not,
 * measuring each after a change. A row's size does not depend on its
 * text (one line each, cut short with "…"), so the row measures its
 * labels once (again when the font or the tag changes) and places them
 * itself: a label is laid out only when it is drawn. Its natural width is
 * that of a name of HW_LONG_TEXT_NAME_CHARS characters, the most a label
 * asks for, whatever names are shown: the sidebar does not change width
 * as one types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-case-row"

#include <glib/gi18n.h>

#include "hw-case-row.h"
#include "hw-enums.h"
#include "hw-long-text.h"

#define SPACING 2

typedef struct {
  gboolean valid;
  int      min, nat;
} Size;

struct _HwCaseRow
{
  GtkWidget             parent_instance;

  GtkWidget            *title;
  GtkWidget            *subtitle;
  GtkWidget            *tag;

  /* the sizes measured, for this font and tag */
  PangoFontDescription *font;
  gboolean              sample;
  Size                  size[2];        /* by GtkOrientation */
  int                   heights[3];     /* title, subtitle, tag */
};

G_DEFINE_FINAL_TYPE (HwCaseRow, hw_case_row, GTK_TYPE_WIDGET)

/* The whole name or number when the row shows it cut short. Asked for
 * when the pointer rests on it: setting a tooltip's text makes GTK 4.8
 * ask the display where the pointer is at once, a round trip to the X
 * server for each label of each row shown after every letter typed. */
static gboolean
label_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));

  if (layout == NULL || !pango_layout_is_ellipsized (layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (GTK_LABEL (label)));
  return TRUE;
}

/* hw_label_ellipsize_long() without its tooltip binding (see above) */
static GtkWidget *
label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), HW_LONG_TEXT_NAME_CHARS);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
  return label;
}

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
  gtk_label_set_text (GTK_LABEL (self->title), family);
  gtk_label_set_text (GTK_LABEL (self->subtitle), detail);
  gtk_widget_set_visible (self->tag, sample);

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

/* Measures the labels again if the font or the tag changed. */
static void
update_sizes (HwCaseRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (self->title);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  gboolean sample = gtk_widget_get_visible (self->tag);
  GtkWidget *labels[] = { self->title, self->subtitle, self->tag };
  PangoFontMetrics *metrics;
  Size width, height;
  int char_width;

  g_assert (HW_IS_CASE_ROW (self));

  if (self->font != NULL && self->size[0].valid && sample == self->sample
      && pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  self->sample = sample;

  width = (Size) { TRUE, 0, 0 };
  height = (Size) { TRUE, 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int min, nat;

      self->heights[i] = 0;
      if (!gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      width.min = MAX (width.min, min);
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      self->heights[i] = nat;
      if (i > 0)
        {
          height.min += SPACING;
          height.nat += SPACING;
        }
      height.min += min;
      height.nat += nat;
    }

  /* as GtkLabel counts max-width-chars */
  metrics = pango_context_get_metrics (context, font, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  width.nat = MAX (width.min, PANGO_PIXELS_CEIL (char_width * HW_LONG_TEXT_NAME_CHARS));
  self->size[GTK_ORIENTATION_HORIZONTAL] = width;
  self->size[GTK_ORIENTATION_VERTICAL] = height;
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
  *minimum = self->size[orientation].min;
  *natural = self->size[orientation].nat;
}

static void
hw_case_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  HwCaseRow *self = HW_CASE_ROW (widget);
  GtkWidget *labels[] = { self->title, self->subtitle, self->tag };
  int y = 0;

  update_sizes (self);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (!gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_size_allocate (labels[i], &(GtkAllocation) { 0, y, width, self->heights[i] }, -1);
      y += self->heights[i] + SPACING;
    }
}

static void
hw_case_row_dispose (GObject *object)
{
  HwCaseRow *self = HW_CASE_ROW (object);

  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->subtitle, gtk_widget_unparent);
  g_clear_pointer (&self->tag, gtk_widget_unparent);

  G_OBJECT_CLASS (hw_case_row_parent_class)->dispose (object);
}

static void
hw_case_row_finalize (GObject *object)
{
  HwCaseRow *self = HW_CASE_ROW (object);

  g_clear_pointer (&self->font, pango_font_description_free);

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
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
hw_case_row_init (HwCaseRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "case-row");
  self->title = label_new ();
  gtk_widget_add_css_class (self->title, "case-row-title");
  self->subtitle = label_new ();
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_widget_add_css_class (self->subtitle, "caption");
  /* Translators: the tag of the made-up sample family in the list of families */
  self->tag = gtk_label_new (_("Sample — not a real family"));
  gtk_widget_set_halign (self->tag, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (self->tag), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->tag, "sample-tag");
  gtk_widget_set_visible (self->tag, FALSE);
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  gtk_widget_set_parent (self->subtitle, GTK_WIDGET (self));
  gtk_widget_set_parent (self->tag, GTK_WIDGET (self));
}
