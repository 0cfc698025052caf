#!/usr/bin/env bash
# The test command: set up if needed, run every CTest test on the Release build, then the same
# tests in an ASan+UBSan build (build/asan). Warnings are errors in both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== tests (release) ==" >&2
ctest --preset release
echo "== tests (asan+ubsan) ==" >&2
cmake --preset asan >/dev/null
cmake --build --preset asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --preset asan
echo "test.sh: all tests passed (release and asan+ubsan)" >&2
