#!/usr/bin/env bash
# Benchmarks, separate from the tests: `scripts/bench.sh NAME` runs scripts/bench/NAME.sh
# against a Release build in build/. Each prints ratios against a baseline measured in the
# same run, never absolute thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ ! -f "scripts/bench/$1.sh" ]; then
  echo "usage: scripts/bench.sh NAME   (NAME: $(ls scripts/bench | sed 's/\.sh$//' | tr '\n' ' '))" >&2
  exit 2
fi
name=$1; shift
[ -x build/tilmash ] || scripts/setup.sh
exec bash "scripts/bench/$name.sh" "$@"
