#!/bin/sh
# Runs a test with a display and a D-Bus session bus: under Xvfb when there
# is no display, so that `meson test` works the same on a desktop and in CI.
# Python scripts run with Debian's python3 (python3-gi, pyatspi, dogtail).
set -e
case "$1" in
  *.py) set -- /usr/bin/python3 "$@" ;;
  *.sh) set -- /bin/sh "$@" ;;
esac
if [ -z "$DISPLAY" ] && [ -z "$WAYLAND_DISPLAY" ] || [ -n "$HOMEWARD_FORCE_XVFB" ]; then
  # -noreset: an X server resets when its last client leaves (the
  # accessibility bus launcher, a first app), and drops whoever connects
  # during the reset: the next app then fails to open the display.
  exec xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" dbus-run-session -- "$@"
fi
if [ -z "$DBUS_SESSION_BUS_ADDRESS" ]; then
  exec dbus-run-session -- "$@"
fi
exec "$@"
