#!/bin/bash
# suite-targets.sh DIR SUITE...: the test programs (ninja targets, relative
# to DIR) of the given meson suites, so that a build for valgrind compiles
# only what it runs.
set -euo pipefail
dir=$1; shift
meson introspect "$dir" --tests | /usr/bin/python3 -c '
import json, os, sys
top, suites = os.path.abspath(sys.argv[1]), set(sys.argv[2:])
for t in json.load(sys.stdin):
    if any(s.split(":")[-1] in suites for s in t["suite"]):
        program = os.path.abspath(t["cmd"][0])
        if program.startswith(top + os.sep):
            print(os.path.relpath(program, top))
' "$dir" "$@" | sort -u
