#!/bin/sh
# Runs a test with a display and a D-Bus session bus: under its own Xvfb
# when there is no display, so that `meson test` works the same on a
# desktop and in CI. Python scripts run with Debian's python3 (python3-gi,
# pyatspi, dogtail).
#
# Xvfb picks a free display number itself and tells it on a file
# descriptor (-displayfd), so that several tests can start their own
# X servers at the same moment (xvfb-run -a guesses a free number from
# the lock files and two tests starting together can take the same one).
set -e
case "$1" in
  *.py) set -- /usr/bin/python3 "$@" ;;
  *.sh) set -- /bin/sh "$@" ;;
esac
if [ -z "$DISPLAY" ] && [ -z "$WAYLAND_DISPLAY" ] || [ -n "$HOMEWARD_FORCE_XVFB" ]; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/homeward-xvfb-XXXXXX")
  # -noreset: an X server resets when its last client leaves (the
  # accessibility bus launcher, a first app), and drops whoever connects
  # during the reset: the next app then fails to open the display.
  # -nolisten tcp: only this computer's own clients, through the socket.
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -noreset -nolisten tcp \
    3> "$tmp/display" > "$tmp/xvfb.log" 2>&1 &
  xvfb=$!
  stop_xvfb() {
    kill "$xvfb" 2> /dev/null || true
    wait "$xvfb" 2> /dev/null || true
    rm -rf "$tmp"
  }
  trap stop_xvfb EXIT
  trap 'exit 143' TERM INT
  # Xvfb writes the number once it accepts clients (up to 30 s on a busy
  # machine)
  n=0
  while ! grep -q '^[0-9][0-9]*$' "$tmp/display" 2> /dev/null; do
    if ! kill -0 "$xvfb" 2> /dev/null || [ $n -ge 300 ]; then
      echo "run-with-display.sh: Xvfb did not start:" >&2
      cat "$tmp/xvfb.log" >&2
      exit 1
    fi
    sleep 0.1
    n=$((n + 1))
  done
  DISPLAY=:$(cat "$tmp/display")
  export DISPLAY
  unset WAYLAND_DISPLAY
  rc=0
  dbus-run-session -- "$@" || rc=$?
  exit $rc
fi
if [ -z "$DBUS_SESSION_BUS_ADDRESS" ]; then
  exec dbus-run-session -- "$@"
fi
exec "$@"
