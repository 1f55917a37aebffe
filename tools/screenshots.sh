#!/bin/bash
# screenshots.sh OUTDIR: a picture of every area and state of Homeward, to
# prove that a change meant to change nothing on screen (a refactor) did
# not change anything.
#
# How to use it for a refactor:
#
#   git switch main && meson compile -C build
#   bash tools/screenshots.sh /tmp/before        # the reference
#   git switch my-refactor && meson compile -C build
#   bash tools/screenshots.sh /tmp/after
#   bash tools/compare-screenshots.sh /tmp/before /tmp/after
#
# The compare prints "same", "DIFFERENT" or "missing" for each picture,
# writes AFTER-diff/ pictures for the different ones (red where pixels
# differ) and exits 1 unless all are the same. Look at a DIFFERENT pair
# and its diff before deciding: a pixel moved is a behaviour change.
# Take both sets on the same machine (fonts, themes, the Spanish locale).
# `meson compile -C build screenshots` writes build/screenshots.
#
# What it does: from the build folder (build/ by default, HOMEWARD_BUILD
# to use another), it starts the app under Xvfb (1400x900x24, the window
# 1400x900, GSK_RENDERER=cairo, a fresh HOME and XDG folders in a temp
# folder, no cursor blink, the clock frozen at 2025-03-03 10:00 UTC with
# libfaketime since the sample family's dates are counted from today),
# first on an empty database (the welcome page), then with the sample
# family (`homeward demo`) in a fresh database, and drives it through its
# accessibility tree (tools/screenshots.py, with tests/e2e_common.py):
# OUTDIR/NN-area-state.png for each area, tab, dialog and window. It does
# all of that again in Spanish (LANGUAGE=es; LANG=es_ES.UTF-8 too when
# that locale is installed) into OUTDIR/es/. Each picture is taken once
# the screen has stopped changing; two runs on the same build give the
# same pixels (the PNG files are byte-identical). The list of pictures is
# tour() in tools/screenshots.py; HOMEWARD_SHOTS_NOW="YYYY-MM-DD hh:mm:ss"
# freezes the clock at another time. HOMEWARD_SHOTS_LANGUAGES="en" takes
# only the English set (quicker while working; compare like with like).
# Both languages take about 8 minutes on a 2-core machine.
#
# Exit status: 0 when every picture was taken; 1 when some could not be
# (each is named on stderr, e.g. a button that was renamed: that picture
# is then missing from OUTDIR and the compare says so); 2 for bad usage or
# a build or tool that is not there.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ne 1 ] || [ "${1#-}" != "$1" ]; then
  echo "usage: $0 OUTDIR   (the build is build/, or HOMEWARD_BUILD)" >&2
  exit 2
fi
out=$1
build=${HOMEWARD_BUILD:-$root/build}
if [ ! -x "$build/src/homeward" ]; then
  echo "screenshots: no $build/src/homeward: build first (meson compile -C ${build})" >&2
  exit 2
fi
build=$(cd "$build" && pwd)

# what it needs beyond tools/setup.sh: libfaketime for the frozen clock,
# xdotool to make the window narrow
missing=()
if ! compgen -G '/usr/lib/*/faketime/libfaketime.so.1' >/dev/null &&
   [ ! -e /usr/lib/faketime/libfaketime.so.1 ]; then
  missing+=(faketime)
fi
command -v xdotool >/dev/null || missing+=(xdotool)
if [ ${#missing[@]} -gt 0 ]; then
  echo "screenshots: installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y "${missing[@]}" >&2
  else
    sudo apt-get install -y "${missing[@]}" >&2
  fi
fi
for tool in xvfb-run dbus-run-session import convert gsettings; do
  if ! command -v "$tool" >/dev/null; then
    echo "screenshots: $tool is missing: run bash tools/setup.sh" >&2
    exit 2
  fi
done

mkdir -p "$out/es"
out=$(cd "$out" && pwd)
# only our own pictures go: a stale one would hide a missing one
rm -f "$out"/[0-9][0-9]-*.png "$out"/es/[0-9][0-9]-*.png

es_locale=
if locale -a 2>/dev/null | grep -qix 'es_ES\.utf-\?8'; then
  es_locale=es_ES.UTF-8
fi
{
  echo "build: $build"
  echo "commit: $(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "spanish locale: ${es_locale:-none (LANGUAGE=es with LANG=C.UTF-8)}"
} > "$out/screenshots-info.txt"

unset WAYLAND_DISPLAY DISPLAY
status=0
for lang in ${HOMEWARD_SHOTS_LANGUAGES:-en es}; do
  dir=$out
  [ "$lang" = es ] && dir=$out/es
  echo "screenshots: $lang into $dir" >&2
  HOMEWARD_BUILD_ROOT=$build HOMEWARD_SHOTS_ES_LOCALE=$es_locale \
    xvfb-run -a -s "-screen 0 1400x900x24 -noreset" \
    dbus-run-session -- /usr/bin/python3 "$root/tools/screenshots.py" "$dir" "$lang" || status=1
done
echo "screenshots: $(ls "$out"/*.png "$out"/es/*.png 2>/dev/null | wc -l) pictures in $out" >&2
exit $status
