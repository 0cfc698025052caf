#!/usr/bin/env bash
# The review page's alignment editor at scale (issue 20): a 10,000-bead page in headless
# chromium (chromium-driver, python3-selenium), each edit timed against a 100-bead page in the
# same run and against the issue's 100 ms budget (tests/e2e/editor_bench.py says what is timed).
#   scripts/bench.sh editor            BEADS=10000 REPS=15 scripts/bench/editor.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
cmake --build "$build" --target tilmash >/dev/null
exec /usr/bin/python3 tests/e2e/editor_bench.py "$build/tilmash" "${BEADS:-10000}" "${REPS:-15}"
