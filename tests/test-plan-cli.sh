#!/bin/sh
# End to end: `homeward export --what safety-plan|reunification-plan` for
# every kind of recipient, checked with qpdf, pdffonts, pdfinfo and
# pdftotext; withheld details of the sample family never appear.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/h.db"

fail () { echo "FAIL: $*" >&2; exit 1; }

"$HOMEWARD" demo --database "$db" >/dev/null
case_id=1
rosa=$(sqlite3 "$db" "SELECT id FROM people WHERE role = 'kin-caregiver' LIMIT 1" 2>/dev/null || echo 6)

check_pdf () {
  qpdf --check "$1" >/dev/null || fail "qpdf --check $1"
  pdffonts "$1" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' || fail "fonts not embedded in $1"
  pdfinfo "$1" | grep -q '^Tagged: *yes' || fail "$1 is not tagged"
}

export_plan () {   # what recipient language output
  "$HOMEWARD" export --database "$db" --case "$case_id" --what "$1" --recipient "$2" \
      --language "$3" --format pdf --output "$4" || fail "export $1 $2 $3"
  check_pdf "$4"
  [ "$(stat -c %a "$4")" = 600 ] || fail "$4 is not private (0600)"
  pdftotext -enc UTF-8 "$4" "$4.txt"
  pdfinfo "$4" >> "$4.txt"
}

export_plan safety-plan family en "$dir/family.pdf"
export_plan safety-plan agency en "$dir/agency.pdf"
export_plan safety-plan "person:$rosa" en "$dir/rosa.pdf"
export_plan reunification-plan family en "$dir/r-family.pdf"

for heading in "Safety plan" "What we are worried about" "Safety rules" "Safety network" \
               "Triggers and warning signs" "If the plan is not followed" \
               "Emergency contacts and crisis lines" "The plan in the children" \
               "Our support network" "Review date" "Signatures" "Page 1 of"; do
  grep -q "$heading" "$dir/family.pdf.txt" || fail "family copy lacks “$heading”"
done
for heading in "Needs now and later" "Supports for the next 12 months" "Check-ins" \
               "Warning signs and what to do" "Point person" "Projected closing date"; do
  grep -q "$heading" "$dir/r-family.pdf.txt" || fail "reunification plan lacks “$heading”"
done

# withheld: the foster family's address and the advocate (from the family),
# the mother's address and other people's rules (from a support person)
for secret in "Juniper" "Alicia"; do
  ! grep -q "$secret" "$dir/family.pdf.txt" || fail "family copy shows “$secret”"
  ! grep -q "$secret" "$dir/r-family.pdf.txt" || fail "reunification family copy shows “$secret”"
done
for secret in "Alder Court" "Juniper" "Alicia" "own advocate" "What we are worried about"; do
  ! grep -q "$secret" "$dir/rosa.pdf.txt" || fail "Rosa's copy shows “$secret”"
done
grep -q "own advocate" "$dir/agency.pdf.txt" || fail "the agency copy lacks an entry withheld from others"
grep -q "Your part of the safety plan" "$dir/rosa.pdf.txt" || fail "Rosa's copy is not her part"

# bad requests: a clear message, no file
if "$HOMEWARD" export --database "$db" --case "$case_id" --what safety-plan --version 7 \
     --format pdf --output "$dir/none.pdf" 2>"$dir/err"; then
  fail "a missing version was exported"
fi
grep -q "version" "$dir/err" || fail "no message for a missing version"
[ ! -e "$dir/none.pdf" ] || fail "a refused export left a file"

echo "ok"
