#!/usr/bin/env bash
# Installs the Debian packages tilmash needs (non-interactive, idempotent: apt-get runs only
# when something is missing) and builds Release into build/ (binary: build/tilmash).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ pkg-config python3
  libicu-dev            # segmentation, normalization, case folding, transliteration
  libpugixml-dev        # TMX / TBX
  libgumbo-dev          # HTML5 parser for .html documents (pugixml cannot read real HTML)
  libzip-dev            # DOCX/ODT are zips: libzip is maintained, reads from memory
                        # (zip_source_buffer), gives each entry's sizes and methods before
                        # inflating (zip-bomb limits); minizip needs I/O callbacks for memory
                        # and its Debian package trails zlib's lightly kept contrib/
  zlib1g-dev            # FreeDict's dictd dictionaries are dictzip (gzip) files (io/dictd.cc)
  dict-freedict-eng-rus # align: FreeDict's en-ru word pairs teach the lexical model (for de-fr,
                        # dict-freedict-deu-fra and -fra-deu; FreeDict has no Kazakh)
  libboost-program-options-dev
  libsqlite3-dev        # translation memory store
  libpq-dev             # the team TM on PostgreSQL (store/postgres_*): libpq, the server's own
                        # small C client library
  libstemmer-dev        # Snowball stemmers (en, ru) for term matching
  libhunspell-dev       # check --spelling: links libhunspell (src/spell only)
  hunspell-kk hunspell-ru  # check --spelling: the kk and ru dictionaries (/usr/share/hunspell)
  googletest libgtest-dev libgmock-dev
  libbenchmark-dev
  libxml2-utils         # xmllint: every TMX the tests write is validated against the DTD
  chromium              # headless browser test of the HTML review page (e2e.review_chromium)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake --preset release >/dev/null
cmake --build --preset release
test -x build/tilmash
echo "setup: built build/tilmash" >&2
