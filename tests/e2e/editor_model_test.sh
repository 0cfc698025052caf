#!/usr/bin/env bash
# Runs editor_model_test.js in node (Debian nodejs). Exit 77 (skip) without node, unless
# TILMASH_REQUIRE_BROWSER is set (.ci/run): then a missing node is a failure.
here=$(cd "$(dirname "$0")" && pwd)
node=$(command -v node || command -v nodejs || true)
if [[ -z $node ]]; then
  if [[ -n ${TILMASH_REQUIRE_BROWSER:-} ]]; then
    echo "FAIL: node is not installed, and TILMASH_REQUIRE_BROWSER is set (CI)" >&2; exit 1
  fi
  echo "SKIP: node is not installed (apt-get install nodejs)"; exit 77
fi
exec "$node" "$here/editor_model_test.js"
