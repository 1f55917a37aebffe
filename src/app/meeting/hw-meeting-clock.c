/* hw-meeting-clock.c: the clock of the step a meeting is at.
 *
 * While it runs it counts seconds (::tick every second) and writes them
 * to the step they were spent in when it is paused, when the step or the
 * meeting changes, and when it is flushed; the time of each step is kept
 * in the store (hw_meeting_add_phase_time), so it adds up over pauses and
 * is the same on the room's screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-clock"

#include "hw-meeting.h"
#include "hw-meeting-clock.h"

struct _HwMeetingClock
{
  GObject   parent_instance;

  HwStore  *store;
  gint64    meeting_id;
  char     *phase;
  guint     tick_id;
  gint64    started;   /* monotonic µs of the first second not written */
};

G_DEFINE_FINAL_TYPE (HwMeetingClock, hw_meeting_clock, G_TYPE_OBJECT)

enum {
  TICK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
tick_cb (gpointer user_data)
{
  g_signal_emit (user_data, signals[TICK], 0);
  return G_SOURCE_CONTINUE;
}

static void
hw_meeting_clock_dispose (GObject *object)
{
  HwMeetingClock *self = HW_MEETING_CLOCK (object);

  if (self->store != NULL)
    hw_meeting_clock_flush (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_clock_parent_class)->dispose (object);
}

static void
hw_meeting_clock_finalize (GObject *object)
{
  HwMeetingClock *self = HW_MEETING_CLOCK (object);

  g_free (self->phase);

  G_OBJECT_CLASS (hw_meeting_clock_parent_class)->finalize (object);
}

static void
hw_meeting_clock_class_init (HwMeetingClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hw_meeting_clock_dispose;
  object_class->finalize = hw_meeting_clock_finalize;

  /**
   * HwMeetingClock::tick:
   *
   * Every second while the clock runs.
   */
  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hw_meeting_clock_init (HwMeetingClock *self)
{
}

/**
 * hw_meeting_clock_new:
 * @store: where the time of each step is kept
 *
 * Returns: (transfer full): a clock, stopped, on no step
 */
HwMeetingClock *
hw_meeting_clock_new (HwStore *store)
{
  HwMeetingClock *self;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  self = g_object_new (HW_TYPE_MEETING_CLOCK, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * hw_meeting_clock_set_step:
 * @self: the clock
 * @meeting_id: the meeting, or 0
 * @phase: (nullable): the step it is at
 *
 * Writes the seconds counted so far to the step they were spent in, then
 * counts for @phase of @meeting_id.
 */
void
hw_meeting_clock_set_step (HwMeetingClock *self,
                           gint64          meeting_id,
                           const char     *phase)
{
  g_return_if_fail (HW_IS_MEETING_CLOCK (self));

  hw_meeting_clock_flush (self);
  self->meeting_id = meeting_id;
  g_free (self->phase);
  self->phase = g_strdup (phase);
}

/**
 * hw_meeting_clock_get_phase:
 * @self: the clock
 *
 * Returns: (nullable): the step it counts for
 */
const char *
hw_meeting_clock_get_phase (HwMeetingClock *self)
{
  g_return_val_if_fail (HW_IS_MEETING_CLOCK (self), NULL);

  return self->phase;
}

/**
 * hw_meeting_clock_set_running:
 * @self: the clock
 * @running: start (%TRUE) or pause (%FALSE)
 *
 * Pausing writes the seconds counted.
 */
void
hw_meeting_clock_set_running (HwMeetingClock *self,
                              gboolean        running)
{
  g_return_if_fail (HW_IS_MEETING_CLOCK (self));

  if (running && self->tick_id == 0)
    {
      self->started = g_get_monotonic_time ();
      self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
    }
  else if (!running && self->tick_id != 0)
    {
      hw_meeting_clock_flush (self);
      g_clear_handle_id (&self->tick_id, g_source_remove);
    }
}

/**
 * hw_meeting_clock_get_pending:
 * @self: the clock
 *
 * Returns: the whole seconds counted and not written yet (0 when stopped)
 */
gint64
hw_meeting_clock_get_pending (HwMeetingClock *self)
{
  g_return_val_if_fail (HW_IS_MEETING_CLOCK (self), 0);

  if (self->tick_id == 0)
    return 0;
  return (g_get_monotonic_time () - self->started) / G_USEC_PER_SEC;
}

/**
 * hw_meeting_clock_get_seconds:
 * @self: the clock
 *
 * Returns: the time spent in the step: written, and counted since
 */
gint64
hw_meeting_clock_get_seconds (HwMeetingClock *self)
{
  gint64 stored = 0;

  g_return_val_if_fail (HW_IS_MEETING_CLOCK (self), 0);

  if (self->meeting_id != 0 && self->phase != NULL)
    stored = hw_meeting_get_phase_time (self->store, self->meeting_id, self->phase);
  return stored + hw_meeting_clock_get_pending (self);
}

/**
 * hw_meeting_clock_flush:
 * @self: the clock
 *
 * Writes the seconds counted so far to the step they were spent in.
 */
void
hw_meeting_clock_flush (HwMeetingClock *self)
{
  g_autoptr(GError) error = NULL;
  gint64 pending;

  g_return_if_fail (HW_IS_MEETING_CLOCK (self));

  pending = hw_meeting_clock_get_pending (self);
  if (pending <= 0 || self->meeting_id == 0 || self->phase == NULL)
    return;
  self->started += pending * G_USEC_PER_SEC;
  if (!hw_meeting_add_phase_time (self->store, self->meeting_id, self->phase, pending, &error))
    g_warning ("Could not record the time: %s", error->message);
}
