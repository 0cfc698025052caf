#!/usr/bin/env bash
# TMX reading, measured in one run (medians of RUNS, interleaved):
#  - io::TmxReader over the 200k-unit synthetic TMX vs a bare pugixml DOM parse of the same
#    file: ratio = pugixml seconds / reader seconds, which must stay >= 0.5 (exit 1 otherwise);
#  - Translate Toolkit 3.8 loading the same file (Debian python3-translate), as a ratio;
#  - peak RSS (/usr/bin/time -v) of the reader for 200k and 1M units, and of pugixml for 200k,
#    each against the file size (the reader must stay <= 1.5x; pugixml's DOM takes ~2.2x).
# The synthetic files are generated once into .cache/bench/ from Debian's gettext catalogs:
# ../shared/bench/debian-po/README.md lists the apt packages (gettext and *-common/*-data).
#   scripts/bench.sh tmx          BUILD=build RUNS=3 SKIP_1M=1 SKIP_TT=1 scripts/bench/tmx.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
runs=${RUNS:-3}
cache=.cache/bench
po=../shared/bench/debian-po
mkdir -p "$cache"
cmake --build "$build" --target tmx_bench >/dev/null
bench=$build/tests/io/tmx_bench
[ -x "$bench" ] || { echo "tmx.sh: $bench missing (configure with TILMASH_TESTS=ON)" >&2; exit 2; }

if [ ! -s "$cache/debian-po.tmx" ]; then
  echo "tmx.sh: building $cache/debian-po.tmx (needs the packages in $po/README.md)" >&2
  /usr/bin/python3 "$po/build_po_tmx.py" -o "$cache/debian-po.tmx" >&2
fi
for n in 200000 1000000; do
  name=$cache/synth-$((n / 1000))k.tmx
  [ "$n" = 1000000 ] && name=$cache/synth-1m.tmx
  [ "$n" = 1000000 ] && [ "${SKIP_1M:-0}" = 1 ] && continue
  [ -s "$name" ] || /usr/bin/python3 "$po/gen_synth_tmx.py" "$n" "$name" --src "$cache/debian-po.tmx" --seed 1 >&2
done
f200=$cache/synth-200k.tmx
f1m=$cache/synth-1m.tmx

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { "$bench" "$1" "$2" | sed -E 's/.*seconds=([0-9.]+).*/\1/'; }

reader=() pugi=()
for _ in $(seq "$runs"); do
  pugi+=("$(secs pugixml "$f200")")
  reader+=("$(secs reader "$f200")")
done
r=$(printf '%s\n' "${reader[@]}" | median)
p=$(printf '%s\n' "${pugi[@]}" | median)
mb=$(awk -v b="$(stat -c %s "$f200")" 'BEGIN {printf "%.0f", b / 1e6}')
echo "200k units (${mb} MB): reader ${r} s, bare pugixml ${p} s, ratio pugixml/reader $(awk -v p="$p" -v r="$r" 'BEGIN {printf "%.2f", p / r}') (must be >= 0.5)"
ok=$(awk -v p="$p" -v r="$r" 'BEGIN {print (p / r >= 0.5) ? 1 : 0}')

if [ "${SKIP_TT:-0}" != 1 ] && /usr/bin/python3 -c 'import translate' 2>/dev/null; then
  tt=$( { /usr/bin/time -f '%e %M' /usr/bin/python3 -c \
      'import sys; from translate.storage import tmx; print(len(tmx.tmxfile(open(sys.argv[1], "rb")).units))' \
      "$f200" >/dev/null; } 2>&1 | tail -1)
  echo "Translate Toolkit load: ${tt% *} s, $(( ${tt#* } / 1024 )) MB peak; reader is $(awk -v t="${tt% *}" -v r="$r" 'BEGIN {printf "%.1f", t / r}')x faster"
fi

rss() {  # MODE FILE -> "peak_MB ratio_to_file"
  local kb; kb=$( { /usr/bin/time -v "$bench" "$1" "$2" >/dev/null; } 2>&1 | awk '/Maximum resident/ {print $NF}')
  awk -v kb="$kb" -v b="$(stat -c %s "$2")" 'BEGIN {printf "%.0f MB peak RSS, %.3fx the file", kb / 1024, kb * 1024 / b}'
}
echo "reader 200k: $(rss reader "$f200")"
echo "pugixml 200k: $(rss pugixml "$f200")"
if [ -s "$f1m" ] && [ "${SKIP_1M:-0}" != 1 ]; then
  echo "reader 1M ($(awk -v b="$(stat -c %s "$f1m")" 'BEGIN {printf "%.0f", b / 1e6}') MB): $(rss reader "$f1m"), $(secs reader "$f1m") s"
fi
[ "$ok" = 1 ] || { echo "tmx.sh: reader slower than half of bare pugixml" >&2; exit 1; }
