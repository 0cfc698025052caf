#!/usr/bin/env bash
# Regenerates the expected outputs of the end-to-end cases (tests/e2e/cases/*/expected_stdout
# and expected_files/) by running the current binary, like kenlm's generate.sh. Exit codes and
# stderr patterns are not touched: they are the contract, written by hand.
#
#   scripts/update_golden.sh [BUILD_DIR] [CASE…]     (default build/, every case)
#
# Review `git diff tests/e2e/cases` before committing: a golden change is a behaviour change.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
tilmash=$build/tilmash
if [[ ! -x $tilmash ]]; then
  echo "update_golden: $tilmash not found; build first (scripts/setup.sh)" >&2
  exit 2
fi
cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  for dir in tests/e2e/cases/*/; do cases+=("$(basename "$dir")"); done
fi
failed=()
for c in "${cases[@]}"; do
  # --update still checks exit status, stderr and leftover files, so a case that now fails
  # differently is reported instead of being silently re-recorded.
  tests/e2e/run_case.sh --update "$tilmash" "tests/e2e/cases/$c" || failed+=("$c")
done
git --no-pager diff --stat -- tests/e2e/cases || true
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "update_golden: these cases fail for other reasons than their golden output: ${failed[*]}" >&2
  exit 1
fi
