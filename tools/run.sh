#!/bin/bash
# run.sh: install what is needed, build, and start Homeward from the build
# directory with the schema and translations of the build. On first run the
# database is empty and the app shows its welcome page: "Try the Sample
# Family" adds the made-up Morales family in one click (nothing is added
# without that click).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash tools/setup.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

export GSETTINGS_SCHEMA_DIR="$root/build/data"
export HOMEWARD_LOCALEDIR="$root/build/po"
exec build/src/homeward "$@"
