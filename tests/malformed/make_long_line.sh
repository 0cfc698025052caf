#!/usr/bin/env bash
# Writes a 10 MiB (or $2 MiB) document of one line, no final newline, to $1: a Kazakh and
# Russian phrase repeated whole (never cut inside a UTF-8 sequence). Same shape as the one
# DocumentTest.TenMegabyteLineIsOneParagraph generates in memory.
set -euo pipefail
out=${1:?usage: make_long_line.sh OUT [MIB]}
mib=${2:-10}
phrase='Әр адам өмір сүруге құқылы, Каждый человек имеет право. '
bytes=$(printf '%s' "$phrase" | LC_ALL=C wc -c)
{ yes "$phrase" || true; } | head -n $(( (mib << 20) / bytes )) | tr -d '\n' > "$out"
