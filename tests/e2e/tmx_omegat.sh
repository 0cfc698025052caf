#!/usr/bin/env bash
# Real-client check of tilmash's TMX (issue 4): OmegaT 3.6 must pre-translate from a TMX that
# tilmash aligned itself as many segments as from a TMX built from the gold alignment (minus at
# most one), and Translate Toolkit must read the languages right.
#   tests/e2e/tmx_omegat.sh TILMASH [CORPUS_DIR] [DOC]      (defaults: ../shared/corpus 000)
# Needs: omegat, translate-toolkit (python3-translate), libxml2-utils. Exit 77 (skip) without
# OmegaT. Prints one line per language pair: "en-kk: gold N of M, aligned K of M".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tilmash=$(realpath "$1")
corpus=${2:-$root/../shared/corpus}
doc=${3:-000}
pretranslate=$root/../shared/scripts/omegat-pretranslate.sh
dtd=$root/../shared/formats/tmx14.dtd
if [ ! -r /usr/share/omegat/OmegaT.jar ] && ! command -v omegat >/dev/null; then
  echo "SKIP: OmegaT not installed (apt-get install omegat translate-toolkit libxml2-utils)"; exit 77
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1735732800
status=0

# TSV "confidence<TAB>en<TAB>tgt" -> a raw TMX; tilmash then rewrites it (trim, NFC, tuids,
# codes, duplicates), so what OmegaT loads is the writer's output.
tsv_to_tmx() {  # TSV TGT OUT
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import sys
from xml.sax.saxutils import escape
tsv, tgt, out = sys.argv[1:]
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="e2e" '
            'creationtoolversion="1" segtype="sentence" o-tmf="e2e" adminlang="en" srclang="en" '
            'datatype="plaintext"/><body>\n')
    for n, line in enumerate(open(tsv, encoding="utf-8")):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 3 or not cols[1].strip() or not cols[2].strip():
            continue
        f.write('<tu><prop type="x-tilmash-confidence">%s</prop><tuv xml:lang="en"><seg>%s</seg></tuv>'
                '<tuv xml:lang="%s"><seg>%s</seg></tuv></tu>\n' % (escape(cols[0]), escape(cols[1]), tgt, escape(cols[2])))
    f.write("</body></tmx>\n")
PY
}

for tgt in kk ru; do
  case $tgt in kk) code=kk-KZ;; ru) code=ru-RU;; esac
  # Gold: sentence files + gold beads ("0,1:2" = en 0,1 <-> tgt 2) as TSV.
  /usr/bin/python3 - "$corpus/$doc.en.sent" "$corpus/$doc.$tgt.sent" "$corpus/$doc.en-$tgt.gold" \
      > "$work/gold.$tgt.tsv" <<'PY'
import sys
en = open(sys.argv[1], encoding="utf-8").read().split("\n")
tg = open(sys.argv[2], encoding="utf-8").read().split("\n")
for line in open(sys.argv[3], encoding="utf-8"):
    line = line.strip()
    if not line or ":" not in line:
        continue
    a, b = line.split(":", 1)
    ia = [int(x) for x in a.split(",") if x]
    ib = [int(x) for x in b.split(",") if x]
    print("1\t%s\t%s" % (" ".join(en[i] for i in ia), " ".join(tg[i] for i in ib)))
PY
  "$tilmash" align --langs en,$tgt "$corpus/$doc.en.txt" "$corpus/$doc.$tgt.txt" --format tsv \
      -o "$work/align.$tgt.tsv" || { echo "FAIL: tilmash align"; exit 1; }
  for kind in gold align; do
    tsv_to_tmx "$work/$kind.$tgt.tsv" "$tgt" "$work/$kind.raw.tmx"
    "$tilmash" tmx split "$work/$kind.raw.tmx" --pair en-$tgt --lang-code $tgt=$code \
        -o "$work/$kind" 2>/dev/null || { echo "FAIL: tmx split ($kind)"; status=1; continue; }
    out=$work/$kind-en-$tgt.tmx
    if command -v xmllint >/dev/null && ! xmllint --noout --dtdvalid "$dtd" "$out"; then
      echo "FAIL: $kind en-$tgt TMX is not DTD-valid"; status=1
    fi
    "$tilmash" tmx validate "$out" || { echo "FAIL: tmx validate found problems"; status=1; }
    # Translate Toolkit: source = 1st <tuv>, target = 2nd, whatever their language.
    /usr/bin/python3 - "$out" "$code" <<'PY' || status=1
import sys
from translate.storage import tmx
store = tmx.tmxfile(open(sys.argv[1], "rb"))
units = [u for u in store.units]
bad = 0
for u in units:
    langs = [n.get("{http://www.w3.org/XML/1998/namespace}lang") for n in u.getlanguageNodes()]
    if langs != ["en", sys.argv[2]] or not u.source or not u.target:
        bad += 1
if bad or not units:
    print("FAIL: Translate Toolkit read %d of %d units with wrong languages" % (bad, len(units)))
    sys.exit(1)
PY
    count=$(bash "$pretranslate" "$out" "$corpus/$doc.en.txt" en-US $code 2>/dev/null | tail -1)
    eval "${kind}_count=\"\$count\""
  done
  g=$(sed -E 's/pretranslated ([0-9]+) of ([0-9]+).*/\1/' <<<"$gold_count")
  a=$(sed -E 's/pretranslated ([0-9]+) of ([0-9]+).*/\1/' <<<"$align_count")
  m=$(sed -E 's/pretranslated ([0-9]+) of ([0-9]+).*/\2/' <<<"$gold_count")
  echo "en-$tgt: gold ${g:-?} of ${m:-?}, aligned ${a:-?} of ${m:-?} segments pre-translated by OmegaT"
  if ! [[ $g =~ ^[0-9]+$ && $a =~ ^[0-9]+$ ]] || [ "$a" -lt $((g - 1)) ] || [ "$g" -eq 0 ]; then
    echo "FAIL: en-$tgt: aligned TMX pre-translates fewer than gold - 1"; status=1
  fi
done
exit $status
