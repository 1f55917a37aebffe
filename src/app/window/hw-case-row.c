/* hw-case-row.c: a family in the list of families: its name, its case
 * number and status, and the tag of the sample family.
 *
 * The search fills the same rows again with other families after each
 * letter, and GTK 4.8's list view keeps up to 200 rows, shown or not,
 * measuring each after a change. A row's size does not depend on its
 * text (one line each, cut short with "…"), so the labels are measured
 * once for all rows (again when the font, text scaling or the tag
 * changes) and each row places them itself: a label is laid out only
 * when it is drawn. Its natural width is that of a name of
 * HW_LONG_TEXT_NAME_CHARS characters, the most a label asks for,
 * whatever names are shown: the sidebar does not change width as one
 * types.
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

/* What the labels measured, with or without the tag, for the font and
 * resolution (text scaling) of the list: kept by each row and, for rows
 * made later, by all of them. Each widening of the search makes up to
 * 200 new rows, and measuring their labels was a third of a search's
 * work. The key is read from the list's Pango context, made once, not
 * from the labels' (each label's would be made for it: a fifth of a
 * search, for rows that mostly are not shown). */
typedef struct {
  PangoFontDescription *font;
  double                resolution;
  gboolean              sample;
  Size                  size[2];        /* by GtkOrientation */
  int                   heights[3];     /* title, subtitle, tag */
} Measured;

struct _HwCaseRow
{
  GtkWidget             parent_instance;

  GtkWidget            *title;
  GtkWidget            *subtitle;
  GtkWidget            *tag;

  Measured              measured;
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

static Measured last_measured;

static void
measured_clear (Measured *m)
{
  g_clear_pointer (&m->font, pango_font_description_free);
  m->size[0].valid = m->size[1].valid = FALSE;
}

static void
measured_copy (Measured       *to,
               const Measured *from)
{
  measured_clear (to);
  *to = *from;
  to->font = from->font != NULL ? pango_font_description_copy (from->font) : NULL;
}

/* whether @m was measured for @context's font and resolution, and @sample */
static gboolean
measured_for (const Measured *m,
              PangoContext   *context,
              gboolean        sample)
{
  return m->size[0].valid && m->sample == sample && m->font != NULL
         && m->resolution == pango_cairo_context_get_resolution (context)
         && pango_font_description_equal (m->font, pango_context_get_font_description (context));
}

/* Measures the labels again if the font, text scaling or the tag changed. */
static void
update_sizes (HwCaseRow *self)
{
  GtkWidget *labels[] = { self->title, self->subtitle, self->tag };
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_VIEW);
  PangoContext *key = gtk_widget_get_pango_context (list != NULL ? list : GTK_WIDGET (self));
  gboolean sample = self->tag != NULL && gtk_widget_get_visible (self->tag);
  PangoContext *context;
  PangoFontMetrics *metrics;
  Size width, height;
  int char_width;

  g_assert (HW_IS_CASE_ROW (self));

  if (measured_for (&self->measured, key, sample))
    return;
  if (measured_for (&last_measured, key, sample))
    {
      measured_copy (&self->measured, &last_measured);
      return;
    }

  measured_clear (&self->measured);
  width = (Size) { TRUE, 0, 0 };
  height = (Size) { TRUE, 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int min, nat;

      self->measured.heights[i] = 0;
      if (labels[i] == NULL || !gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      width.min = MAX (width.min, min);
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      self->measured.heights[i] = nat;
      if (i > 0)
        {
          height.min += SPACING;
          height.nat += SPACING;
        }
      height.min += min;
      height.nat += nat;
    }

  /* as GtkLabel counts max-width-chars */
  context = gtk_widget_get_pango_context (self->title);
  metrics = pango_context_get_metrics (context, pango_context_get_font_description (context), NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  width.nat = MAX (width.min, PANGO_PIXELS_CEIL (char_width * HW_LONG_TEXT_NAME_CHARS));
  self->measured.font = pango_font_description_copy (pango_context_get_font_description (key));
  self->measured.resolution = pango_cairo_context_get_resolution (key);
  self->measured.sample = sample;
  self->measured.size[GTK_ORIENTATION_HORIZONTAL] = width;
  self->measured.size[GTK_ORIENTATION_VERTICAL] = height;
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
      if (labels[i] == NULL || !gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_size_allocate (labels[i], &(GtkAllocation) { 0, y, width, self->measured.heights[i] }, -1);
      y += self->measured.heights[i] + SPACING;
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

  measured_clear (&self->measured);

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
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  gtk_widget_set_parent (self->subtitle, GTK_WIDGET (self));
}
