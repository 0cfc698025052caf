#!/usr/bin/env bash
# The test command: set up if needed, run every CTest test on the Release build, then the same
# tests in an ASan+UBSan build (build/asan). Warnings are errors in both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The PostgreSQL backend's tests need a server (TILMASH_TEST_PG, a libpq URI). Without one we
# try a throwaway cluster of our own (scripts/pg-test-server.sh, stopped on exit); when that
# fails too, those tests skip with a message, unless TILMASH_REQUIRE_PG=1 (.ci/run).
if [ -z "${TILMASH_TEST_PG:-}" ]; then
  export PG_TEST_DIR=/tmp/tilmash-pg-test.$$
  trap 'scripts/pg-test-server.sh stop || true' EXIT
  if TILMASH_TEST_PG=$(scripts/pg-test-server.sh start 2>/tmp/tilmash-pg-test.$$.err); then
    export TILMASH_TEST_PG
    echo "test.sh: PostgreSQL tests against a throwaway server: $TILMASH_TEST_PG" >&2
  else
    echo "test.sh: no PostgreSQL server for the tests ($(tail -n 1 /tmp/tilmash-pg-test.$$.err));" \
         "they skip (set TILMASH_TEST_PG to a server's URI to run them)" >&2
    unset TILMASH_TEST_PG
  fi
  rm -f /tmp/tilmash-pg-test.$$.err
fi
echo "== tests (release) ==" >&2
ctest --preset release
echo "== tests (asan+ubsan) ==" >&2
cmake --preset asan >/dev/null
cmake --build --preset asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --preset asan
echo "test.sh: all tests passed (release and asan+ubsan)" >&2
