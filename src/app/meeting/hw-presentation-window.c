/* hw-presentation-window.c: the projected screen of a family meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-presentation-window"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hw-enums.h"
#include "hw-meeting.h"
#include "hw-meeting-render.h"
#include "hw-presentation-window.h"
#include "hw-qr-code.h"

struct _HwPresentationWindow
{
  GtkWindow       parent_instance;

  HwStore        *store;
  gint64          meeting_id;
  HwPresentation *model;        /* only what the screen may show */
  gint64          live_seconds;
  guint           first_scale;
  gboolean        elsewhere;    /* fullscreen on another monitor */
  GdkMonitor     *monitor;      /* that monitor, while elsewhere */
  GtkWindow      *editor;       /* weak: gets the keyboard back once */
  GtkWidget      *area;
};

G_DEFINE_FINAL_TYPE (HwPresentationWindow, hw_presentation_window, GTK_TYPE_WINDOW)

/* The person whose short link is shown over the step. Kept in the
 * window's data, not in its struct: with two more fields in the struct,
 * test-two-screens crashed when the meeting editor was destroyed
 * (a widget's controller list held a freed controller) — only with
 * GLib's slice allocator, never with G_SLICE=always-malloc and never
 * under AddressSanitizer or valgrind; the cause is not found yet. */
typedef struct {
  char *name;
  char *url;
} Invite;

static void
invite_free (Invite *invite)
{
  g_free (invite->name);
  g_free (invite->url);
  g_free (invite);
}

static Invite *
get_invite (HwPresentationWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "hw-presentation-invite");
}

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One line of @text centred in @max_width from @y, @px tall; returns its
 * height. */
static double
draw_line (cairo_t    *cr,
           const char *text,
           const char *family,
           double      px,
           double      centre_x,
           double      y,
           double      max_width,
           gboolean    wrap)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (family);
  int w, h;

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  /* a name may be cut short; a link never is: it wraps */
  if (wrap)
    pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, centre_x - max_width / 2, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  return h;
}

/* A person's short link over the step: their name, the QR code and the
 * link to type, black on white, as large as the screen allows. */
static void
draw_invite (HwPresentationWindow *self,
             cairo_t              *cr,
             int                   width,
             int                   height)
{
  double card_w, card_h, y, qr, name_px, link_px;

  g_assert (HW_IS_PRESENTATION_WINDOW (self));

  /* the step dimmed behind it */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  cairo_paint (cr);

  card_h = height * 0.94;
  name_px = MAX (16.0, height * 0.055);
  /* the whole link on one line if it can be (a monospace letter is about
   * 0.6 of its height wide) */
  link_px = MAX (14.0, MIN (height * 0.07, width * 0.9 / (0.62 * strlen (get_invite (self)->url))));
  qr = MIN (card_h - name_px * 1.5 - link_px * 2.8 - height * 0.05, width * 0.8);
  card_w = MIN (width * 0.96, MAX (qr, link_px * 0.62 * strlen (get_invite (self)->url)) + 40);
  y = (height - card_h) / 2;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, (width - card_w) / 2, y, card_w, card_h);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += height * 0.02;
  y += draw_line (cr, get_invite (self)->name, "Sans", name_px, width / 2.0, y, card_w - 20, FALSE);
  hw_qr_code_draw (cr, get_invite (self)->url, (width - qr) / 2, y, qr);
  y += qr;
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_line (cr, get_invite (self)->url, "Monospace", link_px, width / 2.0, y, card_w - 20, TRUE);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  HwPresentationWindow *self = user_data;

  if (self->model == NULL)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      return;
    }
  self->model->phase_seconds += self->live_seconds;
  self->model->first_scale = self->first_scale;
  hw_meeting_render_presentation (cr, self->model, width, height);
  self->model->phase_seconds -= self->live_seconds;
  if (get_invite (self)->url != NULL)
    draw_invite (self, cr, width, height);
}

/* Says to a screen reader what the room sees. */
static void
update_label (HwPresentationWindow *self)
{
  g_autofree char *label = NULL;

  g_assert (HW_IS_PRESENTATION_WINDOW (self));

  if (self->model == NULL)
    return;
  if (get_invite (self)->url != NULL)
    label = g_strdup_printf (_("Meeting screen: %s. Link for %s: %s"), self->model->phase_title,
                             get_invite (self)->name, get_invite (self)->url);
  else
    label = g_strdup_printf (_("Meeting screen: %s"), self->model->phase_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
hw_presentation_window_show_invite (HwPresentationWindow *self,
                                    const char           *name,
                                    const char           *short_url)
{
  g_return_if_fail (HW_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (name != NULL && short_url != NULL);

  g_free (get_invite (self)->name);
  g_free (get_invite (self)->url);
  get_invite (self)->name = g_strdup (name);
  get_invite (self)->url = g_strdup (short_url);
  update_label (self);
  gtk_widget_queue_draw (self->area);
}

void
hw_presentation_window_hide_invite (HwPresentationWindow *self)
{
  g_return_if_fail (HW_IS_PRESENTATION_WINDOW (self));

  if (get_invite (self)->url == NULL)
    return;
  g_clear_pointer (&get_invite (self)->name, g_free);
  g_clear_pointer (&get_invite (self)->url, g_free);
  update_label (self);
  gtk_widget_queue_draw (self->area);
}

const char *
hw_presentation_window_get_invite (HwPresentationWindow *self)
{
  g_return_val_if_fail (HW_IS_PRESENTATION_WINDOW (self), NULL);
  return get_invite (self)->url;
}

/* Reads the meeting again (after any committed edit, undo or redo). */
static void
reload (HwPresentationWindow *self)
{
  g_autoptr(GError) error = NULL;
  HwPresentation *model;

  model = hw_meeting_presentation (self->store, self->meeting_id, &error);
  if (model == NULL)
    {
      /* the meeting is gone (deleted, or its creation undone) */
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->model == NULL || g_strcmp0 (self->model->phase, model->phase) != 0)
    self->first_scale = 0;
  g_clear_pointer (&self->model, hw_presentation_free);
  self->model = model;

  /* a screen reader hears what the room sees */
  update_label (self);
  gtk_widget_queue_draw (self->area);
}

static void
store_changed_cb (HwPresentationWindow *self,
                  const char           *table)
{
  if (g_str_has_prefix (table, "meeting") || g_strcmp0 (table, "people") == 0)
    reload (self);
}

void
hw_presentation_window_set_live_seconds (HwPresentationWindow *self,
                                         gint64                seconds)
{
  g_return_if_fail (HW_IS_PRESENTATION_WINDOW (self));

  if (self->live_seconds == seconds)
    return;
  self->live_seconds = seconds;
  gtk_widget_queue_draw (self->area);
}

const char *
hw_presentation_window_get_phase_title (HwPresentationWindow *self)
{
  g_return_val_if_fail (HW_IS_PRESENTATION_WINDOW (self), NULL);
  return self->model ? self->model->phase_title : NULL;
}

gboolean
hw_presentation_window_get_scores_revealed (HwPresentationWindow *self)
{
  g_return_val_if_fail (HW_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->model != NULL && self->model->scores_revealed;
}

static GdkMonitor *
other_monitor (GtkWindow *editor)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (editor));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (editor));
  g_autoptr(GdkMonitor) mine = NULL;
  guint n = g_list_model_get_n_items (monitors);

  if (n < 2)
    return NULL;
  if (surface != NULL)
    mine = g_object_ref (gdk_display_get_monitor_at_surface (display, surface));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != mine)
        return g_steal_pointer (&monitor);
    }
  return NULL;
}

/* The room's screen is up on the projector: the facilitator goes on
 * typing on the laptop, so the editor asks for the keyboard back (once: a
 * click on the room's screen later is the facilitator's own choice).
 * A Wayland compositor may refuse it (weston 10 has no xdg-activation;
 * mutter wants a recent input event): then the facilitator clicks the
 * editor. Not checked by the tests for that reason. */
static void
is_active_cb (HwPresentationWindow *self)
{
  GtkWindow *editor = self->editor;

  if (editor == NULL || !gtk_window_is_active (GTK_WINDOW (self)))
    return;
  g_clear_weak_pointer (&self->editor);
  gtk_window_present (editor);
}

/* The projector was unplugged: the compositor would move the room's
 * screen over the editor, so it becomes an ordinary window instead. */
static void
monitor_invalidate_cb (HwPresentationWindow *self,
                       GdkMonitor           *monitor)
{
  /* a monitor it was on before and has left since */
  if (monitor != self->monitor)
    return;
  g_clear_object (&self->monitor);
  self->elsewhere = FALSE;
  gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* Fullscreen on @monitor, which is not the editor's. */
static void
go_elsewhere (HwPresentationWindow *self,
              GdkMonitor           *monitor)
{
  g_set_object (&self->monitor, monitor);
  g_signal_connect_object (monitor, "invalidate", G_CALLBACK (monitor_invalidate_cb), self,
                           G_CONNECT_SWAPPED);
  self->elsewhere = TRUE;
  gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
}

/* A projector plugged in while the room's screen shares the editor's
 * monitor (or after it was unplugged): the room's screen goes there. */
static void
monitors_changed_cb (HwPresentationWindow *self)
{
  g_autoptr(GdkMonitor) monitor = NULL;

  if (self->elsewhere)
    return;
  /* not elsewhere: the room's screen is on the editor's monitor */
  monitor = other_monitor (GTK_WINDOW (self));
  if (monitor != NULL)
    go_elsewhere (self, monitor);
}

gboolean
hw_presentation_window_show (HwPresentationWindow *self,
                             GtkWindow            *editor)
{
  g_autoptr(GdkMonitor) monitor = NULL;

  g_return_val_if_fail (HW_IS_PRESENTATION_WINDOW (self), FALSE);

  if (editor != NULL)
    monitor = other_monitor (editor);
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  if (monitor != NULL)
    {
      /* the editor stays on its screen, the room sees the other one */
      g_set_weak_pointer (&self->editor, editor);
      go_elsewhere (self, monitor);
    }
  g_signal_connect_object (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))),
                           "items-changed", G_CALLBACK (monitors_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
  return self->elsewhere;
}

/* The monitor the room's screen is fullscreen on, or NULL when it shares
 * the editor's (for tests). */
GdkMonitor *
hw_presentation_window_get_monitor (HwPresentationWindow *self)
{
  g_return_val_if_fail (HW_IS_PRESENTATION_WINDOW (self), NULL);
  return self->monitor;
}

static void
move_phase (HwPresentationWindow *self,
            int                   delta)
{
  g_autoptr(GError) error = NULL;
  const HwChoice *phases;
  guint n;
  int i;

  if (self->model == NULL)
    return;
  phases = hw_choices_get (HW_CHOICES_MEETING_PHASE, &n);
  i = hw_choices_index (HW_CHOICES_MEETING_PHASE, self->model->phase) + delta;
  if (i < 0 || i >= (int) n)
    return;
  /* from the step the room sees only: when the other facilitator moved
   * the meeting on since, their step stays (none is skipped) and shows */
  if (!hw_meeting_set_phase_at (self->store, self->meeting_id, self->model->version, phases[i].id,
                                &error))
    {
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_debug ("Not moved: %s", error->message);
          reload (self);
        }
      else
        g_warning ("Could not move to the next step: %s", error->message);
    }
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_phase (HW_PRESENTATION_WINDOW (widget), +1);
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_phase (HW_PRESENTATION_WINDOW (widget), -1);
}

static void
page_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwPresentationWindow *self = HW_PRESENTATION_WINDOW (widget);
  int delta = g_variant_get_int32 (parameter);

  if (self->model == NULL || self->model->scales->len == 0)
    return;
  if (delta < 0 && self->first_scale == 0)
    return;
  self->first_scale = MIN ((int) self->first_scale + delta, (int) self->model->scales->len - 1);
  gtk_widget_queue_draw (self->area);
}

static void
fullscreen_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HwPresentationWindow *self = HW_PRESENTATION_WINDOW (widget);

  /* On the room's own monitor Esc ends the presentation; on the only
   * monitor it first gives the editor back. */
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)) && !self->elsewhere)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  else
    gtk_window_close (GTK_WINDOW (self));
}

HwPresentationWindow *
hw_presentation_window_new (HwStore *store,
                            gint64   meeting_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PRESENTATION_WINDOW,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}

static void
hw_presentation_window_constructed (GObject *object)
{
  HwPresentationWindow *self = HW_PRESENTATION_WINDOW (object);

  G_OBJECT_CLASS (hw_presentation_window_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
hw_presentation_window_dispose (GObject *object)
{
  HwPresentationWindow *self = HW_PRESENTATION_WINDOW (object);

  g_clear_pointer (&self->model, hw_presentation_free);
  g_clear_object (&self->store);
  g_clear_object (&self->monitor);
  g_clear_weak_pointer (&self->editor);
  g_clear_pointer (&get_invite (self)->name, g_free);
  g_clear_pointer (&get_invite (self)->url, g_free);

  G_OBJECT_CLASS (hw_presentation_window_parent_class)->dispose (object);
}

static void
hw_presentation_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HwPresentationWindow *self = HW_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_presentation_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HwPresentationWindow *self = HW_PRESENTATION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_presentation_window_class_init (HwPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_presentation_window_constructed;
  object_class->dispose = hw_presentation_window_dispose;
  object_class->get_property = hw_presentation_window_get_property;
  object_class->set_property = hw_presentation_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.page", "i", page_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.fullscreen", NULL, fullscreen_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "presentation.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "presentation.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presentation.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "presentation.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "presentation.previous", NULL);
  /* The arrow keys: see add_arrow_keys() */
}

static void
add_arrow_key (GtkShortcutController *controller,
               guint                  keyval,
               const char            *action,
               GVariant              *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* GtkWindow binds the arrow keys to moving the focus, and a class's own
 * bindings come after its parent's: bound like Page Up/Down, the arrows
 * never reached the screen. They are taken in the capture phase instead,
 * before the window moves the focus (nothing on this window needs them). */
static void
add_arrow_keys (HwPresentationWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_assert (HW_IS_PRESENTATION_WINDOW (self));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "presentation-arrow-keys");
  add_arrow_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "presentation.next", NULL);
  add_arrow_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "presentation.previous", NULL);
  add_arrow_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Down, "presentation.page",
                 g_variant_new_int32 (1));
  add_arrow_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Up, "presentation.page",
                 g_variant_new_int32 (-1));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
hw_presentation_window_init (HwPresentationWindow *self)
{
  g_object_set_data_full (G_OBJECT (self), "hw-presentation-invite", g_new0 (Invite, 1),
                          (GDestroyNotify) invite_free);
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("What the room sees. Right arrow: next step. Left arrow: previous step. "
                                    "F5: full screen. Esc: leave."),
                                  -1);
  gtk_window_set_child (GTK_WINDOW (self), self->area);
  gtk_window_set_title (GTK_WINDOW (self), _("Meeting screen"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "hw-presentation");
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  add_arrow_keys (self);
}
