/* test-two-screens.c: the room's screen on a laptop with a projector.
 *
 * Runs under tests/run-with-two-screens.sh: a real Wayland compositor
 * (mutter or weston) with two 1920x1080 monitors. The meeting screen must open
 * fullscreen on the monitor the editor is not on, the editor must stay
 * where it is (not fullscreen), the room's screen must follow the
 * editor's step, and Esc on the room's screen ends the presentation
 * without touching the editor. Under mutter the projector is also
 * unplugged in the middle (through mutter's display configuration): the
 * room's screen must then become an ordinary window, not cover the
 * editor; and plugged in after Present was pressed: the room's screen
 * must then move to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "hw-case-view.h"
#include "hw-enums.h"
#include "hw-meeting.h"
#include "hw-meeting-view.h"
#include "hw-presentation-window.h"
#include "hw-test-store.h"
#include "hw-window.h"

/* mutter (not weston) can take a monitor away and give it back */
static gboolean
on_mutter (void)
{
  return g_strcmp0 (g_getenv ("HOMEWARD_COMPOSITOR"), "mutter") == 0;
}

typedef struct {
  char     *dir;
  HwStore  *store;
  gint64    case_id;
  gint64    meeting_id;
  HwWindow *window;
} Fixture;

/* Runs the main loop until @done (a hang guard of 20 s, not a timing:
 * the compositor answers in a few frames). */
static gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* a few more frames so that enter/leave events have arrived */
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (surface == NULL)
    return NULL;
  return gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)), surface);
}

static gboolean
is_mapped_cb (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = hw_test_store_new_demo ("homeward-test-two-screens-XXXXXX", &f->dir, &f->case_id);
  f->meeting_id = hw_store_query_int (f->store, 0,
                                      "SELECT max(id) FROM meetings WHERE case_id = ?",
                                      G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_cmpint (f->meeting_id, >, 0);

  f->window = hw_window_new (NULL, f->store);
  /* a small laptop's window (not maximized, nor nearly screen-wide:
   * weston then places it on the other monitor) */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (is_mapped_cb, f->window));
}

static void     set_monitors    (const char * const *connectors);
static gboolean two_monitors_cb (gpointer            data);

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* a test that took the projector away gives it back to the next one */
  if (on_mutter ())
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (f->window)));

      set_monitors (NULL);
      g_assert_true (wait_until (two_monitors_cb, monitors));
    }
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (f->window);
  hw_test_store_free (f->store, f->dir);
}

static HwMeetingView *
meeting_view (Fixture *f)
{
  GtkWidget *view = hw_window_get_case_view (f->window);
  GtkWidget *page;

  g_assert_true (HW_IS_CASE_VIEW (view));
  adw_view_stack_set_visible_child_name (hw_case_view_get_stack (HW_CASE_VIEW (view)), "meeting");
  page = hw_case_view_get_page (HW_CASE_VIEW (view), "meeting");
  g_assert_true (HW_IS_MEETING_VIEW (page));
  hw_meeting_view_open_meeting (HW_MEETING_VIEW (page), f->meeting_id);
  return HW_MEETING_VIEW (page);
}

/* Both screens as one PNG, for a person to look at (not compared). */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("HOMEWARD_SCREENSHOT_DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *file;
  char *argv[] = { (char *) "weston-screenshooter", NULL };

  if (dir == NULL)
    return;
  /* let both windows settle after the last change (only for the picture) */
  for (int i = 0; i < 100; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_mkdir_with_parents (dir, 0755);
  if (!g_spawn_sync (dir, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error))
    {
      g_test_message ("no screenshot: %s", error->message);
      return;
    }
  /* weston names it by the time: give it ours */
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (file = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (file, "wayland-screenshot-"))
      {
        g_autofree char *from = g_build_filename (dir, file, NULL);
        g_autofree char *to = g_build_filename (dir, name, NULL);

        g_rename (from, to);
        break;
      }
}

typedef struct {
  GtkWindow  *window;
  GdkMonitor *avoid;
} Placed;

/* The room's screen is up: fullscreen, drawn, on a monitor other than
 * the editor's, and as large as that monitor. */
static gboolean
placed_cb (gpointer data)
{
  Placed *p = data;
  GdkMonitor *monitor;
  GdkRectangle area;

  if (!gtk_widget_get_mapped (GTK_WIDGET (p->window)) || !gtk_window_is_fullscreen (p->window))
    return FALSE;
  monitor = monitor_of (p->window);
  if (monitor == NULL || monitor == p->avoid)
    return FALSE;
  gdk_monitor_get_geometry (monitor, &area);
  return gtk_widget_get_width (GTK_WIDGET (p->window)) == area.width &&
         gtk_widget_get_height (GTK_WIDGET (p->window)) == area.height;
}

typedef struct {
  HwPresentationWindow *window;
  const char           *title;
} Showing;

static gboolean
shows_phase_cb (gpointer data)
{
  Showing *s = data;

  return g_strcmp0 (hw_presentation_window_get_phase_title (s->window), s->title) == 0;
}

static gboolean
closed_cb (gpointer data)
{
  return hw_meeting_view_get_presentation (HW_MEETING_VIEW (data)) == NULL;
}

static void
test_second_monitor (Fixture       *f,
                     gconstpointer  data)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (f->window));
  GListModel *monitors = gdk_display_get_monitors (display);
  HwMeetingView *view;
  GtkWindow *room;
  GdkMonitor *editor_monitor;
  GdkRectangle editor_area, room_area;
  g_autoptr(GError) error = NULL;
  Placed placed;
  Showing showing;

  /* what run-with-two-screens.sh gives; anything else is a broken set-up */
  g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 2);

  view = meeting_view (f);
  editor_monitor = monitor_of (GTK_WINDOW (f->window));
  g_assert_nonnull (editor_monitor);
  gdk_monitor_get_geometry (editor_monitor, &editor_area);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.present", NULL));
  room = hw_meeting_view_get_presentation (view);
  g_assert_nonnull (room);

  placed = (Placed) { room, editor_monitor };
  g_assert_true (wait_until (placed_cb, &placed));
  gdk_monitor_get_geometry (monitor_of (room), &room_area);
  g_test_message ("editor on %s (%d,%d %dx%d), room on %s (%d,%d %dx%d)",
                  gdk_monitor_get_connector (editor_monitor), editor_area.x, editor_area.y,
                  editor_area.width, editor_area.height, gdk_monitor_get_connector (monitor_of (room)),
                  room_area.x, room_area.y, room_area.width, room_area.height);
  g_assert_false (gdk_rectangle_equal (&room_area, &editor_area));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (room)), ==, 1920);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (room)), ==, 1080);

  /* the editor stays on the laptop, as it was */
  g_assert_true (monitor_of (GTK_WINDOW (f->window)) == editor_monitor);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  g_assert_true (hw_presentation_window_get_monitor (HW_PRESENTATION_WINDOW (room)) == monitor_of (room));

  /* the room follows the step the facilitator picks in the editor */
  g_assert_true (hw_meeting_set_phase (f->store, f->meeting_id, "strengths", &error));
  g_assert_no_error (error);
  showing = (Showing) { HW_PRESENTATION_WINDOW (room), hw_choice_label (HW_CHOICES_MEETING_PHASE, "strengths") };
  g_assert_true (wait_until (shows_phase_cb, &showing));
  g_assert_true (placed_cb (&placed));
  screenshot ("two-screens-presenting.png");

  /* Esc on the room's own screen ends the presentation at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room), "presentation.leave", NULL));
  g_assert_true (wait_until (closed_cb, view));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  g_assert_true (monitor_of (GTK_WINDOW (f->window)) == editor_monitor);
}

/* Turns on exactly the monitors named in @connectors (NULL: all there
 * are), side by side from the left, and turns off the others, as plugging
 * a projector in or pulling its cable out would (mutter's
 * org.gnome.Mutter.DisplayConfig, on the session bus). */
static void
set_monitors (const char * const *connectors)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GVariant) monitors = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder logical;
  guint32 serial;
  int x = 0;

  g_assert_no_error (error);
  state = g_dbus_connection_call_sync (bus, "org.gnome.Mutter.DisplayConfig", "/org/gnome/Mutter/DisplayConfig",
                                       "org.gnome.Mutter.DisplayConfig", "GetCurrentState", NULL,
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get_child (state, 0, "u", &serial);
  monitors = g_variant_get_child_value (state, 1);
  if (connectors == NULL)
    {
      for (gsize m = 0; m < g_variant_n_children (monitors); m++)
        {
          g_autoptr(GVariant) monitor = g_variant_get_child_value (monitors, m);
          g_autoptr(GVariant) spec = g_variant_get_child_value (monitor, 0);
          char *connector;

          g_variant_get_child (spec, 0, "s", &connector);
          g_ptr_array_add (all, connector);
        }
      g_ptr_array_add (all, NULL);
      connectors = (const char * const *) all->pdata;
    }

  g_variant_builder_init (&logical, G_VARIANT_TYPE ("a(iiduba(ssa{sv}))"));
  for (guint c = 0; connectors[c] != NULL; c++)
    {
      g_autofree char *mode = NULL;
      int width = 0;

      /* the monitor's first mode (a virtual monitor has one) */
      for (gsize m = 0; mode == NULL && m < g_variant_n_children (monitors); m++)
        {
          g_autoptr(GVariant) monitor = g_variant_get_child_value (monitors, m);
          g_autoptr(GVariant) spec = g_variant_get_child_value (monitor, 0);
          g_autoptr(GVariant) modes = g_variant_get_child_value (monitor, 1);
          const char *connector;

          g_variant_get_child (spec, 0, "&s", &connector);
          if (g_str_equal (connector, connectors[c]) && g_variant_n_children (modes) > 0)
            g_variant_get_child (modes, 0, "(siiddada{sv})", &mode, &width, NULL, NULL, NULL, NULL, NULL);
        }
      g_assert_nonnull (mode);

      g_variant_builder_open (&logical, G_VARIANT_TYPE ("(iiduba(ssa{sv}))"));
      g_variant_builder_add (&logical, "i", x);
      g_variant_builder_add (&logical, "i", 0);
      g_variant_builder_add (&logical, "d", 1.0);
      g_variant_builder_add (&logical, "u", 0);
      g_variant_builder_add (&logical, "b", c == 0);
      g_variant_builder_open (&logical, G_VARIANT_TYPE ("a(ssa{sv})"));
      g_variant_builder_add (&logical, "(ss@a{sv})", connectors[c], mode,
                             g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
      g_variant_builder_close (&logical);
      g_variant_builder_close (&logical);
      x += width;
    }
  /* method 1: temporary, as a cable plugged in or pulled out */
  reply = g_dbus_connection_call_sync (bus, "org.gnome.Mutter.DisplayConfig", "/org/gnome/Mutter/DisplayConfig",
                                       "org.gnome.Mutter.DisplayConfig", "ApplyMonitorsConfig",
                                       g_variant_new ("(uua(iiduba(ssa{sv}))a{sv})", serial, 1, &logical, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* The connector of the monitor that is not @monitor. */
static const char *
other_connector (GListModel *monitors,
                 GdkMonitor *monitor)
{
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) other = g_list_model_get_item (monitors, i);

      if (other != monitor)
        return gdk_monitor_get_connector (other);
    }
  g_assert_not_reached ();
}

static gboolean
two_monitors_cb (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 2;
}

static gboolean
one_monitor_cb (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 1;
}

static gboolean
windowed_cb (gpointer data)
{
  GtkWindow *room = data;

  return !gtk_window_is_fullscreen (room) &&
         hw_presentation_window_get_monitor (HW_PRESENTATION_WINDOW (room)) == NULL;
}

static void
test_projector_unplugged (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (f->window)));
  HwMeetingView *view = meeting_view (f);
  GdkMonitor *editor_monitor = monitor_of (GTK_WINDOW (f->window));
  GtkWindow *room;
  Placed placed;

  g_assert_nonnull (editor_monitor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.present", NULL));
  room = hw_meeting_view_get_presentation (view);
  placed = (Placed) { room, editor_monitor };
  g_assert_true (wait_until (placed_cb, &placed));

  {
    const char *laptop[] = { gdk_monitor_get_connector (editor_monitor), NULL };

    set_monitors (laptop);
  }
  g_assert_true (wait_until (one_monitor_cb, monitors));

  /* the room's screen is still there, as an ordinary window, and the
   * editor is not covered by a fullscreen window */
  g_assert_true (wait_until (windowed_cb, room));
  g_assert_true (hw_meeting_view_get_presentation (view) == room);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (room)));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));

  /* a windowed room's screen: F5 makes it fullscreen here, Esc gives the
   * editor back first, the next Esc closes it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room), "presentation.fullscreen", NULL));
  g_assert_true (wait_until ((gboolean (*) (gpointer)) gtk_window_is_fullscreen, room));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room), "presentation.leave", NULL));
  g_assert_true (wait_until (windowed_cb, room));
  g_assert_true (hw_meeting_view_get_presentation (view) == room);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room), "presentation.leave", NULL));
  g_assert_true (wait_until (closed_cb, view));
}

/* Present pressed before the projector is plugged in: the room's screen
 * opens on the laptop as an ordinary window, then moves to the projector
 * as soon as it is there. */
static void
test_projector_plugged_in (Fixture       *f,
                           gconstpointer  data)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (f->window)));
  HwMeetingView *view = meeting_view (f);
  GdkMonitor *editor_monitor = monitor_of (GTK_WINDOW (f->window));
  g_autofree char *laptop = NULL;
  g_autofree char *projector = NULL;
  GtkWindow *room;
  Placed placed;

  g_assert_nonnull (editor_monitor);
  laptop = g_strdup (gdk_monitor_get_connector (editor_monitor));
  projector = g_strdup (other_connector (monitors, editor_monitor));
  {
    const char *only_laptop[] = { laptop, NULL };

    set_monitors (only_laptop);
  }
  g_assert_true (wait_until (one_monitor_cb, monitors));
  editor_monitor = monitor_of (GTK_WINDOW (f->window));
  g_assert_nonnull (editor_monitor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "meeting.present", NULL));
  room = hw_meeting_view_get_presentation (view);
  g_assert_true (wait_until (is_mapped_cb, room));
  g_assert_true (windowed_cb (room));

  {
    const char *both[] = { laptop, projector, NULL };

    set_monitors (both);
  }
  g_assert_true (wait_until (two_monitors_cb, monitors));
  placed = (Placed) { room, monitor_of (GTK_WINDOW (f->window)) };
  g_assert_true (wait_until (placed_cb, &placed));
  g_assert_cmpstr (gdk_monitor_get_connector (monitor_of (room)), ==, projector);
  g_assert_true (hw_presentation_window_get_monitor (HW_PRESENTATION_WINDOW (room)) == monitor_of (room));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));

  /* Esc on the projector ends it at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (room), "presentation.leave", NULL));
  g_assert_true (wait_until (closed_cb, view));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the app's own look (AdwApplication loads it; here there is none), so
   * that the screenshots show what a facilitator sees */
  gtk_css_provider_load_from_resource (css, "/app/homeward/Homeward/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/two-screens/second-monitor", Fixture, NULL,
              fixture_set_up, test_second_monitor, fixture_tear_down);
  if (on_mutter ())
    {
      g_test_add ("/two-screens/projector-unplugged", Fixture, NULL,
                  fixture_set_up, test_projector_unplugged, fixture_tear_down);
      g_test_add ("/two-screens/projector-plugged-in", Fixture, NULL,
                  fixture_set_up, test_projector_plugged_in, fixture_tear_down);
    }

  return g_test_run ();
}
