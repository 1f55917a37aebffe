#!/bin/bash
# fuzz.sh [SECONDS]: build the libFuzzer harnesses in build-fuzz/ and run them
# all at once, each for SECONDS (default 60). Fails on a crash, sanitizer
# report, leak or timeout in any; the input that did it is saved in
# build-fuzz/artifacts/. With HOMEWARD_BUILD_ONLY=1 it only builds them.
#
# A long run (hours, both cores):
#   bash tools/fuzz.sh 14400
# Reproduce a crash:
#   build-fuzz/tests/fuzz/fuzz-import-json build-fuzz/artifacts/crash-<hash>
# New interesting inputs collect in build-fuzz/corpus-*/; copy the small
# ones worth keeping into tests/fuzz/corpus-*/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
dir=build-fuzz

if ! command -v clang > /dev/null; then
  echo "fuzz.sh: clang is not installed; skipping" >&2
  exit 0
fi

if [ ! -f $dir/build.ninja ]; then
  # fuzzer-no-link instruments the core library for coverage so that
  # libFuzzer can find its way into the parsers.
  CC=clang meson setup $dir -Dfuzzing=true -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
else
  # a harness is configured only once the function it calls exists
  meson setup --reconfigure $dir > /dev/null
fi

harnesses=()
for name in fuzz-import-json fuzz-import-ics; do
  if meson introspect $dir --targets | grep -q "\"name\": \"$name\""; then
    harnesses+=("$name")
  else
    echo "fuzz.sh: $name is not built (the function it calls is not in the tree yet)" >&2
  fi
done
if [ ${#harnesses[@]} -eq 0 ]; then
  echo "fuzz.sh: nothing to fuzz yet"
  exit 0
fi
ninja -C $dir $(printf 'tests/fuzz/%s ' "${harnesses[@]}")

export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_DEBUG=fatal-criticals
mkdir -p $dir/artifacts
if [ "${HOMEWARD_BUILD_ONLY:-0}" = 1 ]; then
  exit 0
fi

# Each harness on a core of its own, at the same time; each fails alone.
run_harness() {
  local name=$1 kind=${1#fuzz-import-}
  local log=$dir/$name.log
  mkdir -p $dir/corpus-$kind
  # corpus-$kind in the build dir collects new inputs; the seeds stay as
  # they are in the source tree.
  # The fuzzer's own chatter (libical's parser warnings on every input)
  # goes to a log; its end is printed when the fuzzer fails.
  $dir/tests/fuzz/$name -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 \
    -artifact_prefix=$dir/artifacts/ \
    $dir/corpus-$kind tests/fuzz/corpus-$kind < /dev/null > "$log" 2>&1
}
pids=()
for name in "${harnesses[@]}"; do
  echo "fuzz.sh: $name for $seconds s"
  run_harness "$name" &
  pids+=($!)
done
failed=()
for i in "${!harnesses[@]}"; do
  name=${harnesses[$i]}
  log=$dir/$name.log
  if ! wait "${pids[$i]}"; then
    grep -v 'icalparser.c' "$log" | tail -n 60 >&2
    echo "fuzz.sh: $name failed; whole output in $log" >&2
    failed+=("$name")
    continue
  fi
  echo "fuzz.sh: $name:"
  grep -E '^(Done|stat::number_of_executed_units)' "$log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  exit 1
fi
echo "fuzz.sh: no crash in ${harnesses[*]}"
