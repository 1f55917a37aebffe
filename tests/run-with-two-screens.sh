#!/bin/sh
# Runs a test on a Wayland desktop with two 1920x1080 monitors side by
# side, like a facilitator's laptop with a projector plugged in, and a D-Bus
# session bus. The test gets WAYLAND_DISPLAY, GDK_BACKEND=wayland and
# HOMEWARD_COMPOSITOR (mutter or weston).
#
#   run-with-two-screens.sh [--mutter|--weston] PROGRAM [ARGS...]
#
# --mutter (the default): GNOME's own compositor, headless with two virtual
#   monitors (what a GNOME laptop runs; it lets a window hand the keyboard
#   back to another through xdg-activation).
# --weston: weston with the pixman renderer and the X11 backend (two
#   outputs) in a private Xvfb. It runs with --debug so that a test can
#   save both screens as one PNG with weston-screenshooter.
set -eu
compositor=mutter
case "${1:-}" in
  --mutter) compositor=mutter; shift ;;
  --weston) compositor=weston; shift ;;
esac
case "$1" in
  *.py) set -- /usr/bin/python3 "$@" ;;
esac
if [ $compositor = weston ] && [ -z "${HOMEWARD_IN_XVFB:-}" ]; then
  # weston's X11 backend opens one X window per output
  HOMEWARD_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 3840x1080x24 -noreset" "$0" --weston "$@"
fi
if [ -z "${HOMEWARD_IN_DBUS:-}" ]; then
  # mutter and the test share one session bus (mutter's display config)
  HOMEWARD_IN_DBUS=1 exec dbus-run-session -- "$0" --$compositor "$@"
fi

runtime=$(mktemp -d "${TMPDIR:-/tmp}/homeward-two-screens-XXXXXX")
chmod 700 "$runtime"
socket=homeward-test
# The compositor is not under test: the tests' G_DEBUG=fatal-criticals
# must not make mutter abort on one of its own warnings.
if [ $compositor = weston ]; then
  env -u G_DEBUG XDG_RUNTIME_DIR=$runtime weston --no-config --backend=x11-backend.so --use-pixman \
    --output-count=2 --width=1920 --height=1080 --idle-time=0 --debug \
    --socket=$socket > "$runtime/compositor.log" 2>&1 &
else
  env -u G_DEBUG XDG_RUNTIME_DIR=$runtime mutter --headless --wayland --no-x11 --wayland-display=$socket \
    --virtual-monitor 1920x1080 --virtual-monitor 1920x1080 > "$runtime/compositor.log" 2>&1 &
fi
server=$!
cleanup() {
  kill "$server" 2> /dev/null || true
  wait "$server" 2> /dev/null || true
  rm -rf "$runtime"
}
trap cleanup EXIT INT TERM

# the desktop is ready when its socket is there (a hang guard, not a timing)
i=0
while [ ! -S "$runtime/$socket" ]; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 "$server" 2> /dev/null; then
    echo "run-with-two-screens: $compositor did not start:" >&2
    cat "$runtime/compositor.log" >&2
    exit 1
  fi
  sleep 0.1
done

status=0
XDG_RUNTIME_DIR=$runtime WAYLAND_DISPLAY=$socket GDK_BACKEND=wayland \
  HOMEWARD_COMPOSITOR=$compositor "$@" || status=$?
if [ $status -ne 0 ]; then
  echo "run-with-two-screens: $compositor's log:" >&2
  tail -n 30 "$runtime/compositor.log" >&2
fi
exit $status
