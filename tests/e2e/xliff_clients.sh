#!/usr/bin/env bash
# Real clients of `align --format xliff` and the XLIFF round trips of issue 19, on the shared
# corpus (every document, en-kk, en-ru and en-kk-ru):
#  1. the XLIFF passes structural checks of XLIFF 1.2 (no Debian package ships the XLIFF 1.2
#     schema, so xmllint cannot validate it: checked here instead);
#  2. Translate Toolkit reads it (its xliff storage: ids, sources, targets as written) and
#     xliff2po converts it;
#  3. OmegaT 3.6 loads it with its XLIFF filter (document 000): as many segments as trans-units
#     with a source, and writes the target file;
#  4. `check --json` finds in it what it finds in `align --format tmx` of the same documents, and
#     in an XLIFF 2.0 version of it (two languages) what it finds in the 1.2 one;
#  5. `tm import` of the XLIFF 1.2 and of the 2.0 version gives the TM that `tm import` of the TMX
#     gives (compared through `tm export`, tuids and dates aside).
#   tests/e2e/xliff_clients.sh TILMASH [CORPUS_DIR]     (default: $TILMASH_SHARED/corpus, else
#                                                        ../shared/corpus beside the repository)
# Exit 77 (skip) when Translate Toolkit or OmegaT is absent (.ci/run installs both).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tilmash=$(realpath "$1")
corpus=${2:-${TILMASH_SHARED:-$root/../shared}/corpus}
py=/usr/bin/python3
if ! "$py" -c 'import translate.storage.xliff' 2>/dev/null || ! command -v xliff2po >/dev/null; then
  echo "SKIP: Translate Toolkit not installed (apt-get install translate-toolkit)"; exit 77
fi
if [ ! -r /usr/share/omegat/OmegaT.jar ] && ! command -v omegat >/dev/null; then
  echo "SKIP: OmegaT not installed (apt-get install omegat)"; exit 77
fi
[ -d "$corpus" ] || { echo "FAIL: no corpus at $corpus"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1735732800 XDG_CACHE_HOME=$work/cache
status=0
fail() { echo "FAIL: $*"; status=1; }

# XLIFF 1.2 rules a schema would check, for tilmash's output.
structure() {  # FILE
  "$py" - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
X = "{urn:oasis:names:tc:xliff:document:1.2}"
STATES = {"new", "needs-translation", "needs-l10n", "needs-adaptation", "translated",
          "needs-review-translation", "needs-review-l10n", "needs-review-adaptation",
          "signed-off", "final"}
bad = []
root = ET.parse(sys.argv[1]).getroot()
if root.tag != X + "xliff" or root.get("version") != "1.2":
    bad.append("root is not <xliff version=1.2> in the XLIFF 1.2 namespace")
files = root.findall(X + "file")
if not files:
    bad.append("no <file>")
for f in files:
    for a in ("original", "source-language", "datatype"):
        if not f.get(a):
            bad.append("<file> without %s" % a)
    if len(f.findall(X + "body")) != 1:
        bad.append("<file> without exactly one <body>")
    ids = set()
    for el in f.iter():
        if not el.tag.startswith(X):
            bad.append("element %s outside the XLIFF namespace" % el.tag)
        for name in el.attrib:
            if name.startswith("{") and not name.startswith(("{urn:tilmash:xliff:1}",
                                                             "{http://www.w3.org/XML/1998/namespace}")):
                bad.append("attribute %s of an unknown namespace" % name)
    for tu in f.iter(X + "trans-unit"):
        i = tu.get("id")
        if not i or i in ids:
            bad.append("trans-unit id %r missing or repeated" % i)
        ids.add(i)
        kids = [c.tag[len(X):] for c in tu]
        if kids.count("source") != 1 or kids.count("target") > 1 or kids[0] != "source":
            bad.append("trans-unit %s: children %s" % (i, kids))
        t = tu.find(X + "target")
        if t is not None and t.get("state") not in STATES:
            bad.append("trans-unit %s: state %r" % (i, t.get("state")))
        if tu.get("translate") not in (None, "yes", "no"):
            bad.append("trans-unit %s: translate %r" % (i, tu.get("translate")))
if bad:
    print("\n".join(bad[:10]))
    sys.exit(1)
PY
}

# Translate Toolkit's view: the trans-units with their ids, sources and targets as written.
toolkit() {  # FILE
  "$py" - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
from translate.storage import xliff
X = "{urn:oasis:names:tc:xliff:document:1.2}"
want = [(tu.get("id"), "".join(tu.find(X + "source").itertext()),
         "".join(tu.find(X + "target").itertext()) if tu.find(X + "target") is not None else "")
        for tu in ET.parse(sys.argv[1]).getroot().iter(X + "trans-unit")]
store = xliff.xlifffile(open(sys.argv[1], "rb"))
got = [(u.getid().split("\x04")[-1], str(u.source or ""), str(u.target or "")) for u in store.units
       if not u.isheader()]
if got != want:
    diff = [(a, b) for a, b in zip(want, got) if a != b][:3]
    print("Translate Toolkit reads %d units, %d written; first differences: %s" % (len(got), len(want), diff))
    sys.exit(1)
PY
}

# XLIFF 1.2 from tilmash -> XLIFF 2.0 with the same ids, texts, states and tilmash attributes.
to_xliff2() {  # IN OUT
  "$py" - "$1" "$2" <<'PY'
import sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr
X = "{urn:oasis:names:tc:xliff:document:1.2}"
T = "{urn:tilmash:xliff:1}"
root = ET.parse(sys.argv[1]).getroot()
files = root.findall(X + "file")
out = ['<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
       'xmlns:tilmash="urn:tilmash:xliff:1" version="2.0" srcLang=%s trgLang=%s>'
       % (quoteattr(files[0].get("source-language")), quoteattr(files[0].get("target-language")))]
for n, f in enumerate(files):
    out.append('<file id="f%d" original=%s>' % (n + 1, quoteattr(f.get("original"))))
    for tu in f.iter(X + "trans-unit"):
        attrs = "".join(' tilmash:%s=%s' % (k[len(T):], quoteattr(v)) for k, v in tu.attrib.items() if k.startswith(T))
        src = "".join(tu.find(X + "source").itertext())
        tgt = tu.find(X + "target")
        seg = '<segment state="translated">' if tgt is not None else "<segment>"
        out.append('<unit id=%s%s>%s<source>%s</source>%s</segment></unit>'
                   % (quoteattr(tu.get("id")), attrs, seg, escape(src),
                      "<target>%s</target>" % escape("".join(tgt.itertext())) if tgt is not None else ""))
    out.append("</file>")
out.append("</xliff>\n")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
PY
}

# Findings without tuids (bead number in XLIFF, tuN in TMX), the neighbours' included.
findings() {
  "$py" -c '
import json, sys
def strip(x):
    return {k: strip(v) for k, v in x.items() if k != "tuid"} if isinstance(x, dict) else x
for f in json.load(open(sys.argv[1])):
    print(json.dumps(strip(f), ensure_ascii=False))' "$1"
}
# A TM's units without tuids and dates, in export order.
tm_units() {  # DB
  "$tilmash" tm export --db "$1" -o - 2>/dev/null | sed -E 's/ tuid="[^"]*"//; s/ (creation|change)date="[^"]*"//g' | grep -v '<header'
}

docs=$(ls "$corpus"/*.en.txt | sed -E 's#.*/([^/]*)\.en\.txt#\1#')
n_docs=0
for doc in $docs; do
  for tgts in kk ru kk,ru; do
    langs=en,$tgts
    files=("$corpus/$doc.en.txt")
    for t in ${tgts//,/ }; do files+=("$corpus/$doc.$t.txt"); done
    for f in "${files[@]}"; do [ -f "$f" ] || continue 2; done
    n_docs=$((n_docs + 1))
    name="$doc ${langs//,/-}"
    base=$work/$doc.${langs//,/-}
    "$tilmash" align --langs $langs "${files[@]}" --format xliff -o "$base.xlf" 2>/dev/null \
        || { fail "$name: align --format xliff"; continue; }
    "$tilmash" align --langs $langs "${files[@]}" --format tmx -o "$base.tmx" 2>/dev/null \
        || { fail "$name: align --format tmx"; continue; }
    out=$(structure "$base.xlf") || fail "$name: XLIFF structure: $out"
    out=$(toolkit "$base.xlf") || fail "$name: $out"
    xliff2po -i "$base.xlf" -o "$base.po" >/dev/null 2>&1 && [ -s "$base.po" ] \
        || fail "$name: xliff2po failed"
    "$tilmash" check --json "$base.xlf" >"$base.x.json" 2>/dev/null
    "$tilmash" check --json "$base.tmx" >"$base.t.json" 2>/dev/null
    cmp -s <(findings "$base.x.json") <(findings "$base.t.json") \
        || { fail "$name: check findings differ between XLIFF and TMX"; diff <(findings "$base.x.json") <(findings "$base.t.json") | head -5; }
    kinds="xlf tmx"
    if [ "$tgts" != kk,ru ]; then  # XLIFF 2.0 has one target language per document
      to_xliff2 "$base.xlf" "$base.2.xlf"
      "$tilmash" check --json "$base.2.xlf" >"$base.2.json" 2>/dev/null
      cmp -s "$base.x.json" "$base.2.json" \
          || { fail "$name: check findings differ between XLIFF 1.2 and 2.0"; diff "$base.x.json" "$base.2.json" | head -5; }
      kinds="xlf 2.xlf tmx"
    fi
    for kind in $kinds; do
      "$tilmash" tm import --db "$base.$kind.db" "$base.$kind" >/dev/null 2>&1 \
          || fail "$name: tm import of the $kind"
    done
    for kind in $kinds; do
      [ $kind = tmx ] && continue
      cmp -s <(tm_units "$base.$kind.db") <(tm_units "$base.tmx.db") \
          || { fail "$name: the TM from the $kind differs from the TM from TMX"; diff <(tm_units "$base.$kind.db") <(tm_units "$base.tmx.db") | head -6; }
    done
    units=$(grep -c '<tu ' <("$tilmash" tm export --db "$base.tmx.db" -o - 2>/dev/null))
    [ "$units" -gt 0 ] || fail "$name: the TM is empty (nothing compared)"
  done
done
[ "$n_docs" -gt 0 ] || fail "no documents in $corpus"
echo "XLIFF structure, Translate Toolkit, xliff2po, check (1.2 = 2.0 = TMX), tm import (1.2 = 2.0 = TMX): $n_docs alignments (en-kk, en-ru, en-kk-ru)"

# OmegaT: a project whose source is the XLIFF of document 000 (en-kk). Its XLIFF filter must
# load every trans-unit with a source as a segment and write the target file.
doc=$(echo $docs | cut -d' ' -f1)
xlf=$work/$doc.en-kk.xlf  # written by the loop above
P=$work/omegat/proj
mkdir -p "$P/source" "$P/target" "$P/tm/auto" "$P/glossary" "$P/dictionary" "$P/omegat" "$work/omegat/config"
cp "$xlf" "$P/source/doc.xlf"
cat >"$P/omegat.project" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>en</source_lang>
        <target_lang>kk</target_lang>
        <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
EOF
if [ -r /usr/share/omegat/OmegaT.jar ] && command -v java >/dev/null; then
  omegat=(java -Djava.awt.headless=true -jar /usr/share/omegat/OmegaT.jar)
else
  omegat=(omegat)
fi
timeout 600 "${omegat[@]}" --mode=console-translate --config-dir="$work/omegat/config" --quiet \
    --no-team --disable-project-locking "$P" >"$work/omegat.log" 2>&1 || fail "OmegaT exited $?"
want=$(grep -c '<trans-unit ' "$xlf")
want_src=$(grep -c '<source>[^<]' "$xlf")
total=$(awk '$1=="Total:"{print $2; exit}' "$P/omegat/project_stats.txt" 2>/dev/null)
echo "OmegaT: ${total:-?} segments from $want trans-units ($want_src with a source)"
[ "${total:-0}" = "$want_src" ] || fail "OmegaT's XLIFF filter loaded ${total:-no} segments, expected $want_src"
[ -s "$P/target/doc.xlf" ] && "$py" -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$P/target/doc.xlf" \
    || fail "OmegaT wrote no well-formed target XLIFF"
if grep -E -i 'exception|TF_.*ERROR' "$work/omegat.log" | grep -v PLUGIN_LOAD_OK | head -3 | grep -q .; then
  fail "OmegaT logged errors"; grep -E -i 'exception|TF_.*ERROR' "$work/omegat.log" | head -3
fi
exit $status
