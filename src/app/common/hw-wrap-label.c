/* hw-wrap-label.c: a label that wraps to a few lines, then ends in "…"
 *
 * GTK 4.8's GtkLabel, when it wraps, lays its text out again (itemizing
 * and shaping it with HarfBuzz) for every width its parents ask about,
 * and a row in a boxed list is asked about many: the scrolled window,
 * the clamp, the list and the row's own boxes each ask for their own
 * widths. Opening a family spent two thirds of its time there, for the
 * people page's rows, and three quarters for the service plan's (issue
 * 18).
 *
 * This label measures its text once, unwrapped. Text of one paragraph
 * (the usual case) is then shown so at any width at least that wide, and
 * its height is known. At a narrower width it wraps, and shows at most
 * `lines` lines (the last ending in "…" when they are too few). With
 * `lines` 1 or 2, a row's title's case, the height is one or two lines,
 * each no taller than the one unwrapped line (which holds every glyph of
 * the text), so it is known without laying the text out again. With more
 * lines, or all of them (`lines` 0), or more than one paragraph, the text
 * is laid out at that width, and the last few such layouts are kept: a
 * row is asked about the same few widths again and again, and the layout
 * for the width it is given is the one it draws. A layout also answers
 * for every width between its widest line and its own width, where the
 * lines break at the same places.
 *
 * Like GtkLabel's max-width-chars, `max-width-chars` bounds the width it
 * asks for: the text's width when wrapped at that many characters.
 *
 * Its CSS name is "label", so the theme's
 * rules for labels (a row's subtitle is smaller and dimmed) apply as they
 * do to a GtkLabel; for screen readers it is a label whose name is its
 * text. With `whole-text-tooltip` its tooltip is the whole text, when
 * the text is cut short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-wrap-label"

#include "hw-wrap-label.h"

#include <pango/pangocairo.h>

/* the layouts kept for widths narrower than the text */
#define N_WRAPPED 6

typedef struct
{
  int          width;           /* Pango units, or -1: none */
  int          widest;          /* Pango units: its widest line */
  int          height;          /* pixels */
  PangoLayout *layout;
} Wrapped;

struct _HwWrapLabel
{
  GtkWidget    parent_instance;

  char        *text;
  int          lines;           /* at most; 0: all */
  int          max_width_chars; /* or -1 */
  gboolean     whole_text_tooltip;

  PangoLayout *layout;          /* the text unwrapped */
  /* the sizes below were measured with the widget's Pango context at
   * this serial (the font, its size and the resolution come from it) */
  guint        serial;
  gboolean     measured;
  int          unwrapped_width; /* Pango units: the text unwrapped */
  int          most_width;      /* Pango units: max-width-chars, or -1 */
  int          natural_width;   /* Pango units: that, or wrapped at most */
  int          minimum_width;   /* Pango units: "…" */
  int          line_height;     /* pixels: the text unwrapped */
  gboolean     one_line;        /* which is one line (one paragraph) */
  int          two_lines;       /* pixels: two such lines */
  Wrapped      wrapped[N_WRAPPED];
  guint        next_wrapped;    /* the one to replace next */
};

G_DEFINE_FINAL_TYPE (HwWrapLabel, hw_wrap_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  PROP_MAX_WIDTH_CHARS,
  PROP_WHOLE_TEXT_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_wrapped (HwWrapLabel *self)
{
  for (guint i = 0; i < N_WRAPPED; i++)
    {
      self->wrapped[i].width = -1;
      g_clear_object (&self->wrapped[i].layout);
    }
  self->next_wrapped = 0;
}

static void
forget_sizes (HwWrapLabel *self)
{
  self->measured = FALSE;
  forget_wrapped (self);
}

static void
set_up_layout (HwWrapLabel *self,
               PangoLayout *layout)
{
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (self->lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -self->lines);
    }
  else
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, -1);
    }
}

/* The text laid out at @width Pango units, narrower than it unwrapped.
 * With @exact FALSE, for its height: a layout of another width may do. */
static Wrapped *
wrapped_at (HwWrapLabel *self,
            int          width,
            gboolean     exact)
{
  Wrapped *wrapped;
  PangoRectangle logical;

  for (guint i = 0; i < N_WRAPPED; i++)
    if (self->wrapped[i].width == width)
      return &self->wrapped[i];
  /* between its widest line and its width, the lines break at the same
   * places (a last line cut short is cut elsewhere, but still the last) */
  if (!exact)
    for (guint i = 0; i < N_WRAPPED; i++)
      if (self->wrapped[i].width > width && self->wrapped[i].widest <= width)
        return &self->wrapped[i];

  wrapped = &self->wrapped[self->next_wrapped];
  self->next_wrapped = (self->next_wrapped + 1) % N_WRAPPED;
  if (wrapped->layout == NULL)
    {
      wrapped->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      set_up_layout (self, wrapped->layout);
    }
  pango_layout_set_width (wrapped->layout, width);
  pango_layout_get_extents (wrapped->layout, NULL, &logical);
  wrapped->width = width;
  wrapped->widest = logical.width;
  wrapped->height = PANGO_PIXELS_CEIL (logical.height);
  return wrapped;
}

/* What a label measures of its font alone, whatever its text. */
typedef struct
{
  int char_width;       /* GtkLabel's width of a character, for max-width-chars */
  int ellipsis_width;   /* "…" */
} FontWidths;

/* The font's widths, worked out once for each font, size, language and
 * resolution: Pango works the character's out afresh each time (a fifth
 * of measuring a label), and "…" is a layout of its own. */
static const FontWidths *
font_widths (PangoContext *context)
{
  static GHashTable *known;
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  g_autofree char *key = g_strdup_printf ("%p %s %g %s", (gpointer) pango_context_get_font_map (context),
                                          pango_language_to_string (pango_context_get_language (context)),
                                          pango_cairo_context_get_resolution (context), font);
  g_autoptr(PangoLayout) ellipsis = NULL;
  PangoFontMetrics *metrics;
  PangoRectangle logical;
  FontWidths *widths;

  if (known == NULL)
    known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((widths = g_hash_table_lookup (known, key)) != NULL)
    return widths;

  widths = g_new0 (FontWidths, 1);
  metrics = pango_context_get_metrics (context, NULL, NULL);
  widths->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  ellipsis = pango_layout_new (context);
  pango_layout_set_text (ellipsis, "…", -1);
  pango_layout_get_extents (ellipsis, NULL, &logical);
  widths->ellipsis_width = logical.width;
  g_hash_table_insert (known, g_steal_pointer (&key), widths);
  return widths;
}

static void
ensure_measured (HwWrapLabel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  guint serial = pango_context_get_serial (context);
  const FontWidths *widths;
  PangoRectangle logical;

  if (self->measured && self->serial == serial)
    return;

  forget_wrapped (self);
  if (self->layout == NULL)
    self->layout = gtk_widget_create_pango_layout (widget, self->text);
  else
    pango_layout_context_changed (self->layout);
  set_up_layout (self, self->layout);
  pango_layout_set_width (self->layout, -1);
  pango_layout_get_extents (self->layout, NULL, &logical);
  self->unwrapped_width = logical.width;
  self->natural_width = logical.width;
  self->line_height = PANGO_PIXELS_CEIL (logical.height);
  self->one_line = pango_layout_get_line_count (self->layout) == 1;
  self->two_lines = PANGO_PIXELS_CEIL (2 * logical.height);

  /* the narrowest it can be: the ellipsis alone */
  widths = font_widths (context);
  self->minimum_width = MIN (widths->ellipsis_width, self->unwrapped_width);

  self->serial = serial;
  self->measured = TRUE;

  /* the widest it asks to be: wrapped at that many characters */
  self->most_width = -1;
  if (self->max_width_chars >= 0)
    {
      self->most_width = self->max_width_chars * widths->char_width;
      if (!self->one_line || self->most_width < self->unwrapped_width)
        self->natural_width = MAX (wrapped_at (self, self->most_width, TRUE)->widest,
                                   self->minimum_width);
    }
}

/* The height at @width Pango units (-1: unwrapped). */
static int
height_for_width (HwWrapLabel *self,
                  int          width)
{
  ensure_measured (self);
  if (width < 0)
    return self->line_height;
  if (self->one_line)
    {
      if (width >= self->unwrapped_width || self->lines == 1)
        return self->line_height;
      if (self->lines == 2)
        return self->two_lines;
    }
  return wrapped_at (self, width, FALSE)->height;
}

/* The layout to draw at the widget's width (NULL if it has no width). */
static PangoLayout *
fit_layout (HwWrapLabel *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  PangoLayout *layout;

  ensure_measured (self);
  if (width <= 0)
    return NULL;
  if (self->one_line && (gint64) width * PANGO_SCALE >= self->unwrapped_width)
    layout = self->layout;
  else
    layout = wrapped_at (self, width * PANGO_SCALE, TRUE)->layout;
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  return layout;
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
  else if (for_size < 0)
    {
      /* as GtkLabel: unwrapped at the least, at most max-width-chars wide */
      *minimum = self->line_height;
      *natural = height_for_width (self, self->most_width);
    }
  else
    *minimum = *natural = height_for_width (self, MIN (for_size, G_MAXINT / PANGO_SCALE) * PANGO_SCALE);
}

static void
hw_wrap_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HwWrapLabel *self = HW_WRAP_LABEL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  double x = 0;

  if (self->text[0] == '\0' || (layout = fit_layout (self)) == NULL)
    return;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  /* unwrapped: against the end the widget reads from */
  if (pango_layout_get_width (layout) < 0 &&
      gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = width - logical.width;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - logical.height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
hw_wrap_label_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  HwWrapLabel *self = HW_WRAP_LABEL (widget);

  if (self->whole_text_tooltip && hw_wrap_label_is_cut (self))
    {
      gtk_tooltip_set_text (tooltip, self->text);
      return TRUE;
    }
  return GTK_WIDGET_CLASS (hw_wrap_label_parent_class)->query_tooltip (widget, x, y,
                                                                       keyboard_tooltip, tooltip);
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
    case PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, self->max_width_chars);
      break;
    case PROP_WHOLE_TEXT_TOOLTIP:
      g_value_set_boolean (value, self->whole_text_tooltip);
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
    case PROP_MAX_WIDTH_CHARS:
      hw_wrap_label_set_max_width_chars (self, g_value_get_int (value));
      break;
    case PROP_WHOLE_TEXT_TOOLTIP:
      hw_wrap_label_set_whole_text_tooltip (self, g_value_get_boolean (value));
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
  forget_wrapped (self);
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
  widget_class->query_tooltip = hw_wrap_label_query_tooltip;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_int ("lines", NULL, NULL, 0, 100, 2,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL, -1, G_MAXINT / 4096, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_TEXT_TOOLTIP] =
    g_param_spec_boolean ("whole-text-tooltip", NULL, NULL, FALSE,
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
  self->max_width_chars = -1;
  for (guint i = 0; i < N_WRAPPED; i++)
    self->wrapped[i].width = -1;
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

void
hw_wrap_label_set_text (HwWrapLabel *self,
                        const char  *text)
{
  g_return_if_fail (HW_IS_WRAP_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  forget_sizes (self);
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

/* At most @lines lines (of each paragraph), the last ending in "…" when
 * the text needs more; or, with 0, all the lines the text needs. */
void
hw_wrap_label_set_lines (HwWrapLabel *self,
                         int          lines)
{
  g_return_if_fail (HW_IS_WRAP_LABEL (self));
  g_return_if_fail (lines >= 0);

  if (lines == self->lines)
    return;
  self->lines = lines;
  forget_sizes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}

int
hw_wrap_label_get_max_width_chars (HwWrapLabel *self)
{
  g_return_val_if_fail (HW_IS_WRAP_LABEL (self), -1);
  return self->max_width_chars;
}

/* Asks for no more width than the text wrapped at @chars characters
 * (as GtkLabel's max-width-chars); -1: the text's whole width. */
void
hw_wrap_label_set_max_width_chars (HwWrapLabel *self,
                                   int          chars)
{
  g_return_if_fail (HW_IS_WRAP_LABEL (self));
  g_return_if_fail (chars >= -1);

  if (chars == self->max_width_chars)
    return;
  self->max_width_chars = chars;
  forget_sizes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WIDTH_CHARS]);
}

gboolean
hw_wrap_label_get_whole_text_tooltip (HwWrapLabel *self)
{
  g_return_val_if_fail (HW_IS_WRAP_LABEL (self), FALSE);
  return self->whole_text_tooltip;
}

/* Whether the tooltip is the whole text when it is cut short. */
void
hw_wrap_label_set_whole_text_tooltip (HwWrapLabel *self,
                                      gboolean     whole)
{
  g_return_if_fail (HW_IS_WRAP_LABEL (self));

  whole = !!whole;
  if (whole == self->whole_text_tooltip)
    return;
  self->whole_text_tooltip = whole;
  if (whole)
    gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHOLE_TEXT_TOOLTIP]);
}

/* Whether the text, at the label's width, ends in "…" (is not whole). */
gboolean
hw_wrap_label_is_cut (HwWrapLabel *self)
{
  PangoLayout *layout;

  g_return_val_if_fail (HW_IS_WRAP_LABEL (self), FALSE);

  if (self->text[0] == '\0' || (layout = fit_layout (self)) == NULL)
    return FALSE;
  return pango_layout_is_ellipsized (layout);
}
