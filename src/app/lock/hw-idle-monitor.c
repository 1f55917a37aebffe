/* hw-idle-monitor.c: emits ::idle after the set time without input.
 *
 * Input is watched with capture-phase controllers, so that every key,
 * click, pointer move and scroll is seen before any widget handles (and
 * perhaps stops) it. The controllers go on the window and on every other
 * window of the application (dialogs): while a modal dialog is open the
 * main window gets no input, yet the facilitator is there. (Homeward has
 * one main window, so any input anywhere counts.)
 *
 * Input only stores a time stamp; one timer waits for the moment the
 * interval would be over and then checks, so a moving pointer costs
 * nothing but a clock read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-idle-monitor"

#include "hw-idle-monitor.h"

struct _HwIdleMonitor
{
  GObject    parent_instance;

  GtkWindow *window;        /* weak */
  GSettings *settings;
  GListModel *toplevels;
  guint      interval;      /* seconds, 0 = never */
  gint64     last_input;    /* monotonic, µs */
  gboolean   fired;         /* ::idle emitted since the last input */
  guint      timeout_id;
  /* the name of our controller on each window: unique for the program's
   * life (an address would be taken again by a later monitor, which then
   * found an earlier one's controller, long freed, under it) */
  char      *key;
};

G_DEFINE_FINAL_TYPE (HwIdleMonitor, hw_idle_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule (HwIdleMonitor *self);

static gboolean
timeout_cb (gpointer user_data)
{
  HwIdleMonitor *self = user_data;

  g_assert (HW_IS_IDLE_MONITOR (self));

  self->timeout_id = 0;
  if (!hw_idle_monitor_check (self, g_get_monotonic_time ()))
    schedule (self);
  return G_SOURCE_REMOVE;
}

/* One timer, due when the interval since the last input is over. */
static void
schedule (HwIdleMonitor *self)
{
  gint64 due, now;
  guint wait_s;

  g_assert (HW_IS_IDLE_MONITOR (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->interval == 0 || self->fired)
    return;

  now = g_get_monotonic_time ();
  due = self->last_input + (gint64) self->interval * G_USEC_PER_SEC;
  wait_s = due > now ? (guint) ((due - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
  self->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, MAX (wait_s, 1),
                                                 timeout_cb, self, NULL);
}

gboolean
hw_idle_monitor_check (HwIdleMonitor *self,
                       gint64         now_us)
{
  g_return_val_if_fail (HW_IS_IDLE_MONITOR (self), FALSE);

  if (self->interval == 0 || self->fired)
    return FALSE;
  if (now_us - self->last_input < (gint64) self->interval * G_USEC_PER_SEC)
    return FALSE;

  /* Once per quiet spell: the next input arms it again. */
  self->fired = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_signal_emit (self, signals[IDLE], 0);
  return TRUE;
}

void
hw_idle_monitor_reset (HwIdleMonitor *self)
{
  g_return_if_fail (HW_IS_IDLE_MONITOR (self));

  self->last_input = g_get_monotonic_time ();
  if (self->fired || (self->timeout_id == 0 && self->interval != 0))
    {
      self->fired = FALSE;
      schedule (self);
    }
  /* otherwise the running timer finds the new time stamp when it fires */
}

void
hw_idle_monitor_set_interval (HwIdleMonitor *self,
                              guint          seconds)
{
  g_return_if_fail (HW_IS_IDLE_MONITOR (self));

  if (self->interval == seconds)
    return;
  self->interval = seconds;
  self->fired = FALSE;
  schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

guint
hw_idle_monitor_get_interval (HwIdleMonitor *self)
{
  g_return_val_if_fail (HW_IS_IDLE_MONITOR (self), 0);
  return self->interval;
}

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          HwIdleMonitor            *self)
{
  g_assert (HW_IS_IDLE_MONITOR (self));

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      hw_idle_monitor_reset (self);
      break;
    default:
      break;
    }
  /* only watching: every event goes on to the widgets */
  return GDK_EVENT_PROPAGATE;
}

static void
watch_window (HwIdleMonitor *self,
              GtkWindow     *window)
{
  GtkEventController *controller;

  g_assert (HW_IS_IDLE_MONITOR (self));

  if (g_object_get_data (G_OBJECT (window), self->key) != NULL)
    return;

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_static_name (controller, "hw-idle-monitor");
  g_signal_connect_object (controller, "event", G_CALLBACK (input_cb), self, 0);
  /* the window's data holds a reference: the controller it names is
   * never freed before the name is dropped */
  g_object_set_data_full (G_OBJECT (window), self->key, g_object_ref (controller),
                          g_object_unref);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

/* Dialogs come and go: watch each new window of the application. */
static void
toplevels_changed_cb (HwIdleMonitor *self,
                      guint          position,
                      guint          removed,
                      guint          added)
{
  g_assert (HW_IS_IDLE_MONITOR (self));

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (self->toplevels, i);

      /* Every window, not only those transient for ours: a dialog is
       * added to this list before its transient parent is set. */
      watch_window (self, window);
    }
}

static void
settings_changed_cb (HwIdleMonitor *self)
{
  g_assert (HW_IS_IDLE_MONITOR (self));

  hw_idle_monitor_set_interval (self, (guint) MAX (g_settings_get_int (self->settings, "lock-after-minutes"), 0) * 60);
}

HwIdleMonitor *
hw_idle_monitor_new (GtkWindow *window,
                     GSettings *settings)
{
  HwIdleMonitor *self;
  guint n;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HW_TYPE_IDLE_MONITOR, NULL);
  g_set_weak_pointer (&self->window, window);
  watch_window (self, window);

  self->toplevels = g_object_ref (gtk_window_get_toplevels ());
  g_signal_connect_object (self->toplevels, "items-changed",
                           G_CALLBACK (toplevels_changed_cb), self, G_CONNECT_SWAPPED);
  n = g_list_model_get_n_items (self->toplevels);
  toplevels_changed_cb (self, 0, 0, n);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::lock-after-minutes",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
      settings_changed_cb (self);
    }
  return self;
}

static void
hw_idle_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HwIdleMonitor *self = HW_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_idle_monitor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HwIdleMonitor *self = HW_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      hw_idle_monitor_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_idle_monitor_dispose (GObject *object)
{
  HwIdleMonitor *self = HW_IDLE_MONITOR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->window);
  /* leave no controller of ours behind on windows that stay */
  if (self->toplevels != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (self->toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (self->toplevels, i);
          GtkEventController *controller = g_object_get_data (G_OBJECT (window), self->key);

          if (controller != NULL)
            {
              if (gtk_event_controller_get_widget (controller) == window)
                gtk_widget_remove_controller (window, controller);
              g_object_set_data (G_OBJECT (window), self->key, NULL);
            }
        }
    }
  g_clear_object (&self->toplevels);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hw_idle_monitor_parent_class)->dispose (object);
}

static void
hw_idle_monitor_finalize (GObject *object)
{
  HwIdleMonitor *self = HW_IDLE_MONITOR (object);

  g_free (self->key);

  G_OBJECT_CLASS (hw_idle_monitor_parent_class)->finalize (object);
}

static void
hw_idle_monitor_class_init (HwIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hw_idle_monitor_get_property;
  object_class->set_property = hw_idle_monitor_set_property;
  object_class->dispose = hw_idle_monitor_dispose;
  object_class->finalize = hw_idle_monitor_finalize;

  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT / 2, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwIdleMonitor::idle:
   *
   * Nobody used the window (or its dialogs) for the interval.
   */
  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hw_idle_monitor_init (HwIdleMonitor *self)
{
  static guint n_monitors;

  self->key = g_strdup_printf ("hw-idle-monitor-%u", ++n_monitors);
  self->last_input = g_get_monotonic_time ();
}
