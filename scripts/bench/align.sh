#!/usr/bin/env bash
# Alignment speed and memory through the CLI: the 7 Text+Berg test documents concatenated
# 1x (~1k sentences per side), 10x (~10k, the target of issue 16: <= 1.2 s CPU on one core,
# <= 100 MB) and 100x (~100k, growth). Baseline in the same run: the length-only DP (Gale &
# Church, beads up to 2-2, no second pass). Prints wall and CPU (user+sys) seconds, sentences
# per CPU second, peak RSS and the ratio to the baseline. CPU time is the figure to trust on a
# shared machine. The full run reads the FreeDict de-fr dictionaries when they are installed
# (dict-freedict-deu-fra, -fra-deu; stderr says so): NODICT=1 runs it with --no-dictionary.
# usage: scripts/bench/align.sh [MAX_REPEAT]   (default 100; TILMASH=path to use another binary)
set -euo pipefail
cd "$(dirname "$0")/../.."
TILMASH=${TILMASH:-build/tilmash}
TB=${SHARED:-../shared}/bench/textberg
max=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # run OUT_PREFIX FILES... [flags]: prints "wall cpu rss_mb"
  local tag=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/$tag.time" \
    "$TILMASH" align --langs de,fr --segmented "$@" --format beads -o /dev/null
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/$tag.time"
}

printf "%-7s %9s %9s %9s %9s %12s %8s | %9s %8s %8s\n" repeat sentences wall_s cpu_s rss_MB \
  sent_per_cpu_s x_base base_cpu base_MB base_sps
for r in 1 10 100; do
  [ "$r" -le "$max" ] || break
  : > "$work/de"; : > "$work/fr"
  for _ in $(seq "$r"); do
    for k in 0 1 2 3 4 5 6; do cat "$TB/test$k.de" >> "$work/de"; cat "$TB/test$k.fr" >> "$work/fr"; done
  done
  n=$(( $(wc -l < "$work/de") + $(wc -l < "$work/fr") ))
  read -r bw bc bm < <(run base "$work/de" "$work/fr" --no-anchors --no-cognates --no-lexical --no-dictionary --max-side 2)
  read -r fw fc fm < <(run full "$work/de" "$work/fr" ${NODICT:+--no-dictionary})
  awk -v r="$r" -v n="$n" -v fw="$fw" -v fc="$fc" -v fm="$fm" -v bc="$bc" -v bm="$bm" 'BEGIN {
    printf "%-7s %9d %9.2f %9.2f %9d %12.0f %8.1f | %9.2f %8d %8.0f\n", r "x", n, fw, fc, fm,
      n / (fc > 0 ? fc : 0.01), fc / (bc > 0 ? bc : 0.01), bc, bm, n / (bc > 0 ? bc : 0.01) }'
done
