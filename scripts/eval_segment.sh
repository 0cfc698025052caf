#!/usr/bin/env bash
# Sentence-segmentation quality on the shared corpus: runs `tilmash segment --lang L FILE` on
# every NNN.L.txt and scores it against NNN.L.sent (exact-sentence P/R/F1 per language, then
# the mismatching sentences). The acceptance bar is F1 >= 0.99 for each of en, kk and ru.
#   scripts/eval_segment.sh                  # uses build/tilmash
#   TILMASH=path/to/binary CORPUS=dir scripts/eval_segment.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tilmash=${TILMASH:-build/tilmash}
corpus=${CORPUS:-../shared/corpus}
if [ ! -x "$tilmash" ]; then
  echo "eval_segment.sh: $tilmash not found; build it first (or set TILMASH=...)" >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=()
for lang in en kk ru; do
  for txt in "$corpus"/*."$lang".txt; do
    base=$(basename "$txt" .txt)
    "$tilmash" segment --lang "$lang" "$txt" > "$out/$base.sent"
    args+=("$lang:$out/$base.sent:$corpus/$base.sent")
  done
done
python3 scripts/score_segment.py "${args[@]}"
