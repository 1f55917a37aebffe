#!/bin/bash
# valgrind.sh: runs the core test suite under valgrind memcheck. A test
# fails on any memory error and on any *definite* leak (blocks no pointer
# reaches any more); GLib's one-time allocations are "still reachable" or
# covered by GLib's own suppression file and do not count.
#
# Usage: bash tools/valgrind.sh [extra meson test arguments, e.g. a test name]
# (with HOMEWARD_BUILD_ONLY=1 it only builds what the run needs)
# tools/test.sh (CI) runs it; its results are in
# build-valgrind/meson-logs/testlog-valgrind.json.
# Uses build-valgrind/ (a plain debug build: sanitizers and valgrind do not
# mix; and without optimisation: at -O2 the children that the crash, lock
# and bad-database tests fork leak what their parent made, as far as
# valgrind can tell, so build/ will not do).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dir=build-valgrind
[ -f $dir/build.ninja ] || meson setup $dir -Dbuildtype=debug
# only the core tests (and what they link): the app is not run here
targets=$(bash tools/suite-targets.sh $dir core)
[ -n "$targets" ] || { echo "valgrind.sh: no core tests in $dir" >&2; exit 1; }
# and the Spanish catalog (the core tests check Spanish documents) and the
# compiled settings schema (the core tests of the key "database" read it)
# shellcheck disable=SC2086
ninja -C $dir $targets homeward-gmo data/gschemas.compiled
if [ "${HOMEWARD_BUILD_ONLY:-0}" = 1 ]; then
  exit 0
fi

supp=()
[ -f /usr/share/glib-2.0/valgrind/glib.supp ] && supp+=(--suppressions=/usr/share/glib-2.0/valgrind/glib.supp)
supp+=(--suppressions="$root/tests/valgrind.supp")

# GSlice keeps its own pools unless told to use malloc, which hides leaks.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
# Fewer kills than CI (the normal build kills 200 times, ASan 20): every
# child runs under valgrind too, and the .ci/run must stay under 45 minutes.
export HOMEWARD_CRASH_KILLS=${HOMEWARD_CRASH_KILLS:-5}
# Tests that sweep sizes or every combination of options take every code
# path but not every case (tests/hw-test-valgrind.h).
export HOMEWARD_TEST_UNDER_VALGRIND=1

wrapper="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 --num-callers=30 ${supp[*]}"
meson test -C $dir --no-rebuild --suite core --timeout-multiplier 10 --print-errorlogs \
  --wrapper "$wrapper" "$@"
