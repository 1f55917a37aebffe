#!/bin/bash
# compare-screenshots.sh BEFORE AFTER: compares two sets of pictures made by
# tools/screenshots.sh (see there for how to use both in a refactor).
#
# For every picture in either folder (and their es/ folders), one line:
#   same      NAME 0
#   DIFFERENT NAME PIXELS   (and AFTER-diff/NAME: the differing pixels in red)
#   missing   NAME -        (in only one of the two folders)
# then "N same, N different, N missing". Exit status 1 if any picture
# differs or is missing, 2 for bad usage.
#
# Pixels are compared exactly (ImageMagick `compare -metric AE`, fuzz 0);
# COMPARE_FUZZ=1% lets each channel differ by that much.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

if [ $# -ne 2 ] || [ ! -d "$1" ] || [ ! -d "$2" ]; then
  echo "usage: $0 BEFORE AFTER   (two folders made by tools/screenshots.sh)" >&2
  exit 2
fi
before=${1%/}
after=${2%/}
diffs=$after-diff
fuzz=${COMPARE_FUZZ:-0}
rm -rf "$diffs"

same=0
different=0
missing=0
names=$( { (cd "$before" && find . -name '*.png'); (cd "$after" && find . -name '*.png'); } |
         sed 's|^\./||' | sort -u)
for name in $names; do
  if [ ! -f "$before/$name" ] || [ ! -f "$after/$name" ]; then
    echo "missing $name -"
    missing=$((missing + 1))
    continue
  fi
  mkdir -p "$(dirname "$diffs/$name")"
  # compare prints the count on stderr and exits 1 when the pictures
  # differ, 2 when it cannot compare them (e.g. not the same size)
  set +e
  pixels=$(compare -metric AE -fuzz "$fuzz" "$before/$name" "$after/$name" "$diffs/$name" 2>&1)
  rc=$?
  set -e
  if [ $rc -eq 0 ] && [ "$pixels" = 0 ]; then
    echo "same $name 0"
    same=$((same + 1))
    rm -f "$diffs/$name"
  else
    [ $rc -le 1 ] || pixels="? (${pixels//$'\n'/ })"
    echo "DIFFERENT $name $pixels"
    different=$((different + 1))
  fi
done
find "$diffs" -type d -empty -delete 2>/dev/null || true
echo "$same same, $different different, $missing missing"
if [ $different -gt 0 ]; then
  echo "the differing pixels are red in $diffs/" >&2
fi
[ $different -eq 0 ] && [ $missing -eq 0 ]
