#!/bin/sh
# End to end: where the children live in the command line's copies. The
# agency's safety plan shows each child's placement history (the foster
# home's address included, and that relatives were considered first); the
# family's copy shows where the children live but never the foster home's
# confidential address, in English and in Spanish. The case file carries
# the placements and the people's workers, and imports back.
set -eu

HOMEWARD="${HOMEWARD_BUILD_ROOT:?}/src/homeward"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/h.db"

fail () { echo "FAIL: $*" >&2; exit 1; }

"$HOMEWARD" demo --database "$db" >/dev/null

export_plan () {   # what recipient language output
  "$HOMEWARD" export --database "$db" --case 1 --what "$1" --recipient "$2" \
      --language "$3" --format pdf --output "$4" || fail "export $1 $2 $3"
  pdftotext -enc UTF-8 -layout "$4" "$4.txt"
  # a table cell may wrap: the words of a cell, in reading order, on one line
  pdftotext -enc UTF-8 "$4" - | tr -s ' \n' '  ' > "$4.flat"
}

export_plan safety-plan agency en "$dir/agency.pdf"
export_plan safety-plan family en "$dir/family.pdf"
export_plan safety-plan family es "$dir/family-es.pdf"
export_plan reunification-plan family en "$dir/r-family.pdf"

grep -q "Where the children live" "$dir/agency.pdf.txt" || fail "the agency copy has no placements"
grep -q "Juniper" "$dir/agency.pdf.txt" || fail "the agency copy lacks the foster home's address"
grep -q "Birch" "$dir/agency.pdf.txt" || fail "the agency copy lacks the grandmother's address"
grep -q "Relatives were" "$dir/agency.pdf.txt" || fail "the agency copy does not say relatives were considered"
for who in "Sofía" "Mateo" "Lucía"; do
  grep -q "$who Morales" "$dir/agency.pdf.flat" || fail "the agency copy lacks $who's placements"
done
grep -q "Foster family" "$dir/agency.pdf.txt" || fail "the agency copy lacks the foster placement"
grep -q "Relative (kin)" "$dir/agency.pdf.txt" || fail "the agency copy lacks the kin placement"

grep -q "Where the children live" "$dir/family.pdf.txt" || fail "the family copy has no placements"
grep -q "Birch" "$dir/family.pdf.txt" || fail "the family copy lacks the grandmother's address"
grep -q "Dónde viven los niños" "$dir/family-es.pdf.txt" || fail "the Spanish family copy has no placements"
for f in family family-es r-family; do
  ! grep -q "Juniper" "$dir/$f.pdf.txt" || fail "the $f copy shows the confidential address"
  ! grep -q "Juniper" "$dir/$f.pdf.flat" || fail "the $f copy shows the confidential address"
done

# the case file: placements and workers, back in another database
"$HOMEWARD" export --database "$db" --case 1 --format json --output "$dir/case.json" \
  || fail "export json"
grep -q '"placements"' "$dir/case.json" || fail "the case file has no placements"
grep -q '"worker_id" : [0-9]' "$dir/case.json" || fail "the case file has no workers"
"$HOMEWARD" import --database "$dir/other.db" "$dir/case.json" >/dev/null || fail "import"
"$HOMEWARD" export --database "$dir/other.db" --case 1 --format json --output "$dir/again.json" \
  || fail "export again"
cmp -s "$dir/case.json" "$dir/again.json" || fail "the case file changed on its way through"

echo "ok"
