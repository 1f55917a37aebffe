#!/bin/sh
# check-dates-in-language.sh: no day or month name comes from the C
# library's locale. g_date_time_format ("%B"), strftime ("%A") and the
# like name days and months in the locale's LC_TIME: in English on a
# computer whose formats are English while Homeward speaks Spanish, and
# without the "de" Spanish needs ("sábado 1 marzo"). Homeward's own dates
# (hw_language_format_date () and hw_language_format_iso (), src/core/
# documents/hw-language.h) follow its catalog, on the screen as on paper.
# Fails listing each line that formats a day's or month's name, or a
# date or time the locale's way (%c %x %X %p), with the C library.
#
# Usage: check-dates-in-language.sh SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
root=${1:-$(dirname "$0")/..}
cd "$root"

hits=$(grep -rnE \
  -e '(g_date_time_format|g_date_strftime|strftime) *\([^;]*"[^"]*%[-_0^#]?[aAbBhcxXpP]' \
  --include='*.c' --include='*.h' src || true)

if [ -n "$hits" ]; then
  echo "Day or month names from the C library's locale (use hw_language_format_date ()):"
  echo "$hits"
  n=$(printf '%s\n' "$hits" | wc -l)
  echo "0 passed, $n failed"
  exit 1
fi
echo "1 passed, 0 failed"
