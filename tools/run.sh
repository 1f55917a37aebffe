#!/bin/bash
# run.sh: install what is needed, build, and start Homeward from the build
# directory with the schema and translations of the build. On first run the
# app opens the demo family by itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash tools/setup.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

export GSETTINGS_SCHEMA_DIR="$root/build/data"
export HOMEWARD_LOCALEDIR="$root/build/po"
exec build/src/homeward "$@"
