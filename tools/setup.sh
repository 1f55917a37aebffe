#!/bin/bash
# setup.sh: install every Debian 12 package Homeward needs to build, test,
# validate and fuzz. A second run is quick: apt is skipped when everything
# is already installed. Uses sudo only when not root.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext git libcrypt-dev
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev libical-dev
  libcairo2-dev libpango1.0-dev libglib2.0-bin gsettings-desktop-schemas zlib1g-dev
  # the join server (families join the meeting from their phones' browsers):
  # libsoup 3 serves the pages, libqrencode draws the room screen's QR code
  libsoup-3.0-dev libqrencode-dev
  # the join page over HTTPS: a certificate made for this computer
  libgnutls28-dev glib-networking
  # reads the QR codes back in test-meeting-invite (skipped without it)
  zbar-tools
  # validators used by the tests
  desktop-file-utils appstream qpdf poppler-utils sqlite3 jq
  # widget and end-to-end tests: a virtual display, D-Bus, accessibility
  xvfb xauth dbus dbus-x11 at-spi2-core
  # two monitors (laptop + projector): Wayland compositors for the test
  mutter weston
  python3-gi python3-pyatspi gir1.2-atspi-2.0 gir1.2-gtk-4.0 gir1.2-adw-1
  python3-dogtail python3-icalendar imagemagick graphviz
  # the join page in a real browser: screenshots at phone size and the
  # end-to-end tests (headless, through its DevTools protocol, from
  # Debian's python3 with python3-websocket: tests/cdp.py); curl for
  # the command line's `homeward serve` test
  chromium curl python3-websocket openssl
  # sanitizers, fuzzing (libFuzzer runtime) and leak checks
  clang libclang-rt-14-dev valgrind
  # the agency server: PostgreSQL 15 (tests start their own cluster with
  # the binaries in /usr/lib/postgresql/15/bin) and libpq to talk to it
  postgresql libpq-dev
  # what the app draws with
  fonts-dejavu-core fonts-cantarell fonts-wqy-microhei adwaita-icon-theme librsvg2-common
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  if [ "$status" != installed ]; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
else
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
