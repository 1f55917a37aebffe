#!/bin/sh
# `homeward export --language`: a copy asked for in a language is in that
# language, and when its translation cannot be loaded (the build tree
# without HOMEWARD_LOCALEDIR, a folder without the catalog) the command
# refuses with a clear message, a non-zero status, and writes nothing.
# Needs no display.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
CATALOGS="${HOMEWARD_LOCALEDIR:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/h.db"

fail () { echo "FAIL: $*" >&2; exit 1; }

"$HOMEWARD" demo --database "$db" >/dev/null

# run_refused LABEL ARGS...: must fail, say why, write nothing
run_refused () {
  label=$1; shift
  out="$dir/refused.out"
  rm -f "$out"
  if "$HOMEWARD" export --database "$db" --case 1 --output "$out" "$@" 2>"$dir/err"; then
    fail "$label: exported although the translation cannot be loaded"
  fi
  grep -q "cannot be loaded\|can be printed in English (en) or Spanish (es)" "$dir/err" ||
    fail "$label: no clear message: $(cat "$dir/err")"
  [ ! -e "$out" ] || fail "$label: wrote $out"
}

empty="$dir/no-translations"
mkdir "$empty"
for what in "safety-plan pdf" "reunification-plan pdf" "service-plan pdf" "service-plan csv" \
            "visits pdf" "visits ics" "ecomap pdf" "ecomap png" "ecomap svg" "meeting pdf"; do
  set -- $what
  extra=""
  [ "$1" = meeting ] && extra="--meeting 1"
  HOMEWARD_LOCALEDIR="$empty" run_refused "$1 $2 --language es" --what "$1" --format "$2" \
      --language es $extra
  # nor is the family's Spanish (the default) silently printed in English
  HOMEWARD_LOCALEDIR="$empty" run_refused "$1 $2 (family's language)" --what "$1" --format "$2" $extra
done
# the message says what to do
HOMEWARD_LOCALEDIR="$empty" "$HOMEWARD" export --database "$db" --case 1 --what visits \
    --format pdf --language es --output "$dir/x.pdf" 2>"$dir/err" && fail "visits exported"
grep -q "HOMEWARD_LOCALEDIR" "$dir/err" || fail "the message does not say where to look"

# From the build tree without HOMEWARD_LOCALEDIR (unless Homeward is
# installed, the catalog is then not found)
if ! env -u HOMEWARD_LOCALEDIR "$HOMEWARD" export --database "$db" --case 1 --what safety-plan \
       --language es --output "$dir/installed.pdf" 2>/dev/null; then
  [ ! -e "$dir/installed.pdf" ] || fail "a refused export left a file"
fi

# an unknown language
run_refused "--language xx" --what safety-plan --language xx

# English needs no catalog
HOMEWARD_LOCALEDIR="$empty" "$HOMEWARD" export --database "$db" --case 1 --what visits \
    --format pdf --language en --recipient family --output "$dir/en.pdf" || fail "English refused"
pdftotext -enc UTF-8 "$dir/en.pdf" "$dir/en.txt"
grep -q "Printed on" "$dir/en.txt" || fail "English copy without its footer"

# With the catalog: wholly Spanish, dates included
HOMEWARD_LOCALEDIR="$CATALOGS" "$HOMEWARD" export --database "$db" --case 1 --what visits \
    --format pdf --language es --recipient family --output "$dir/es.pdf" || fail "Spanish refused"
pdftotext -enc UTF-8 "$dir/es.pdf" "$dir/es.txt"
# the footer wraps: read the text as one line
tr '\n' ' ' < "$dir/es.txt" > "$dir/es-line.txt"
grep -q "Impreso el \(lunes\|martes\|miércoles\|jueves\|viernes\|sábado\|domingo\) [0-9]* de [a-z]* de [0-9]*" \
    "$dir/es-line.txt" || fail "the Spanish footer's date is not in Spanish: $(grep Impreso "$dir/es.txt")"
grep -q "Tiempo en familia: Supervisada" "$dir/es.txt" || fail "no Spanish heading of the visits"
for word in "Family time" Printed Page Supervised Monday Tuesday Wednesday Thursday Friday \
            Saturday Sunday December; do
  if grep -qw "$word" "$dir/es.txt"; then
    fail "the Spanish copy says “$word”: $(grep -w "$word" "$dir/es.txt" | head -3)"
  fi
done
echo "ok"
