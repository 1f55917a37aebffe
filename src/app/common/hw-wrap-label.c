/* hw-wrap-label.c: a label that wraps to a few lines, then ends in "…"
 *
 * GTK 4.8's GtkLabel, when it wraps, lays its text out again (itemizing
 * and shaping it with HarfBuzz) for every width its parents ask about,
 * and a row in a boxed list is asked about many: the scrolled window,
 * the clamp, the list and the row's own boxes each ask for their own
 * widths. Opening a family spent two thirds of its time there, for the
 * people page's rows (issue 18).
 *
 * This label measures its text once, on one line. At any width at least
 * that wide the text fits on one line, and its height is that line's. At
 * a narrower width it needs two lines or more, and shows at most `lines`
 * (the last ending in "…" when they are too few): with `lines` 2, the
 * row's case, that is two lines, each no taller than the one line (which
 * holds every glyph of the text), so the height is known without laying
 * the text out again. Only with more lines is the text laid out at that
 * width, and the last such width's height kept. Text of one paragraph
 * only: line breaks in it show as spaces.
 *
 * Its CSS name is "label", so the theme's rules for labels (a row's
 * subtitle is smaller and dimmed) apply as they do to a GtkLabel; for
 * screen readers it is a label whose name is its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-wrap-label"

#include "hw-wrap-label.h"

struct _HwWrapLabel
{
  GtkWidget    parent_instance;

  char        *text;
  int          lines;

  PangoLayout *layout;
  /* the sizes below were measured with the widget's Pango context at
   * this serial (the font, its size and the resolution come from it) */
  guint        serial;
  gboolean     measured;
  int          natural_width;   /* Pango units: the text on one line */
  int          minimum_width;   /* Pango units: "…" */
  int          line_height;     /* pixels: one line */
  int          two_lines;       /* pixels: two of them */
  int          cached_width;    /* pixels: the last width narrower than */
  int          cached_height;   /* the text, and its height wrapped */
};

G_DEFINE_FINAL_TYPE (HwWrapLabel, hw_wrap_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ensure_measured (HwWrapLabel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  guint serial = pango_context_get_serial (context);
  PangoRectangle logical;

  if (self->measured && self->serial == serial)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_height (self->layout, -self->lines);
  pango_layout_set_width (self->layout, -1);
  pango_layout_get_extents (self->layout, NULL, &logical);
  self->natural_width = logical.width;
  self->line_height = PANGO_PIXELS_CEIL (logical.height);
  self->two_lines = PANGO_PIXELS_CEIL (2 * logical.height);

  /* the narrowest it can be: the ellipsis alone */
  {
    g_autoptr(PangoLayout) ellipsis = pango_layout_new (context);

    pango_layout_set_text (ellipsis, "…", -1);
    pango_layout_get_extents (ellipsis, NULL, &logical);
    self->minimum_width = MIN (logical.width, self->natural_width);
  }

  self->serial = serial;
  self->measured = TRUE;
  self->cached_width = -1;
}

/* The height at @width pixels (or at the text's own width, if -1). */
static int
height_for_width (HwWrapLabel *self,
                  int          width)
{
  PangoRectangle logical;

  ensure_measured (self);
  if (width < 0 || (gint64) width * PANGO_SCALE >= self->natural_width)
    return self->line_height;
  if (self->lines == 1)
    return self->line_height;
  if (self->lines == 2)
    return self->two_lines;
  if (width != self->cached_width)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      pango_layout_get_extents (self->layout, NULL, &logical);
      self->cached_width = width;
      self->cached_height = PANGO_PIXELS_CEIL (logical.height);
    }
  return self->cached_height;
}

/* Sets the layout's width for drawing at the widget's width. */
static void
fit_layout (HwWrapLabel *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  ensure_measured (self);
  if ((gint64) width * PANGO_SCALE >= self->natural_width)
    pango_layout_set_width (self->layout, -1);
  else
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_set_alignment (self->layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static GtkSizeRequestMode
hw_wrap_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hw_wrap_label_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  HwWrapLabel *self = HW_WRAP_LABEL (widget);

  ensure_measured (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (self->minimum_width);
      *natural = PANGO_PIXELS_CEIL (self->natural_width);
    }
  else
    *minimum = *natural = height_for_width (self, for_size);
}

static void
hw_wrap_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HwWrapLabel *self = HW_WRAP_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;
  double x = 0;

  if (self->text[0] == '\0' || width <= 0)
    return;

  fit_layout (self);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  /* one line, unwrapped: against the end the widget reads from */
  if (pango_layout_get_width (self->layout) < 0 &&
      gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = width - logical.width;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - logical.height) / 2.0));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* GObject --------------------------------------------------------------- */

static void
hw_wrap_label_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HwWrapLabel *self = HW_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LINES:
      g_value_set_int (value, self->lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_wrap_label_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HwWrapLabel *self = HW_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      hw_wrap_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_LINES:
      hw_wrap_label_set_lines (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_wrap_label_dispose (GObject *object)
{
  HwWrapLabel *self = HW_WRAP_LABEL (object);

  g_clear_object (&self->layout);
  G_OBJECT_CLASS (hw_wrap_label_parent_class)->dispose (object);
}

static void
hw_wrap_label_finalize (GObject *object)
{
  HwWrapLabel *self = HW_WRAP_LABEL (object);

  g_free (self->text);
  G_OBJECT_CLASS (hw_wrap_label_parent_class)->finalize (object);
}

static void
hw_wrap_label_class_init (HwWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_wrap_label_get_property;
  object_class->set_property = hw_wrap_label_set_property;
  object_class->dispose = hw_wrap_label_dispose;
  object_class->finalize = hw_wrap_label_finalize;

  widget_class->get_request_mode = hw_wrap_label_get_request_mode;
  widget_class->measure = hw_wrap_label_measure;
  widget_class->snapshot = hw_wrap_label_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_int ("lines", NULL, NULL, 1, 100, 2,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
hw_wrap_label_init (HwWrapLabel *self)
{
  self->text = g_strdup ("");
  self->lines = 2;
  self->cached_width = -1;
}

GtkWidget *
hw_wrap_label_new (const char *text)
{
  return g_object_new (HW_TYPE_WRAP_LABEL, "text", text, NULL);
}

const char *
hw_wrap_label_get_text (HwWrapLabel *self)
{
  g_return_val_if_fail (HW_IS_WRAP_LABEL (self), NULL);
  return self->text;
}

/* Sets the text: one paragraph (line breaks become spaces). */
void
hw_wrap_label_set_text (HwWrapLabel *self,
                        const char  *text)
{
  g_autofree char *flat = NULL;

  g_return_if_fail (HW_IS_WRAP_LABEL (self));

  flat = g_strdelimit (g_strdup (text != NULL ? text : ""), "\r\n", ' ');
  if (g_strcmp0 (flat, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&flat);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  self->measured = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
hw_wrap_label_get_lines (HwWrapLabel *self)
{
  g_return_val_if_fail (HW_IS_WRAP_LABEL (self), 0);
  return self->lines;
}

/* At most @lines lines; the last ends in "…" when the text needs more. */
void
hw_wrap_label_set_lines (HwWrapLabel *self,
                         int          lines)
{
  g_return_if_fail (HW_IS_WRAP_LABEL (self));
  g_return_if_fail (lines >= 1);

  if (lines == self->lines)
    return;
  self->lines = lines;
  self->measured = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}

/* Whether the text, at the label's width, ends in "…" (is not whole). */
gboolean
hw_wrap_label_is_cut (HwWrapLabel *self)
{
  g_return_val_if_fail (HW_IS_WRAP_LABEL (self), FALSE);

  if (self->text[0] == '\0')
    return FALSE;
  fit_layout (self);
  return pango_layout_is_ellipsized (self->layout);
}
