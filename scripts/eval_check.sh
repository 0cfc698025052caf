#!/usr/bin/env bash
# Measures `tilmash check` on three sets, each with recall of planted errors and false flags:
#  corpus  ../shared/corpus: one trilingual TMX per article from the GOLD alignment (NNN.en-kk.gold,
#          NNN.en-ru.gold and the .sent files; not from `tilmash align`), planted errors from
#          errors.tsv. Units: the gold beads of en-kk and en-ru joined on the English sentences.
#  udhr    tmx/udhr.en-kk-ru.tmx (scripts/demo.sh) with errors planted here, deterministically:
#          an approved term swapped for a deprecated one, a key term dropped, an article number
#          changed; checked with the shipped glossary plus tests/qa/term_check_udhr.tbx (UDHR key
#          terms with the official texts' renderings).
#  debian  a sample of Debian's kk+ru gettext translations (../shared/bench/debian-po; needs the
#          catalogs under /usr/share/locale, else skipped): every 2nd unit with both kk and ru, at
#          most 2000. No planted errors.
#
#   [SHARED=../shared] scripts/eval_check.sh [TILMASH] [CORPUS_DIR] [-- extra check options, e.g. --glossary G]
#
# A planted error counts as found when an error-severity finding has its unit and language. A
# false flag is any other finding that is not a notice (errors and warnings: what a translator
# must read), unless tests/qa/eval_check_known.tsv lists it as a real error a person verified in
# the data (printed as "known real error", counted apart). Prints per set: recall, false flags per 100 units (the bar is <= 1), by kind.
# Exit 0 when every planted error is found and every set meets the bar, 1 otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tilmash=${1:-$here/build/tilmash}
shared=${SHARED:-$here/../shared}   # SHARED=/path/to/shared when the repository is not beside it
corpus=${2:-$shared/corpus}
shift $(( $# >= 2 ? 2 : $# )) || true
[[ ${1:-} == -- ]] && shift
work=$(mktemp -d "${TMPDIR:-/tmp}/tilmash-eval-check.XXXXXX")
[[ -n ${TILMASH_EVAL_KEEP:-} ]] || trap 'rm -rf "$work"' EXIT  # TILMASH_EVAL_KEEP=1 keeps the files

python3 - "$corpus" "$work" <<'PY'
import sys, os, html, json
corpus, work = sys.argv[1], sys.argv[2]
def sents(f, l):
    with open(os.path.join(corpus, f"{f}.{l}.sent"), encoding="utf-8") as fh:
        return [s.rstrip("\n") for s in fh]
def beads(f, l):
    out = []
    with open(os.path.join(corpus, f"{f}.en-{l}.gold"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line: continue
            a, b = line.split(":")
            out.append(([int(x) for x in a.split(",") if x], [int(x) for x in b.split(",") if x]))
    return out
files = sorted({n[:3] for n in os.listdir(corpus) if n.endswith(".en.sent")})
where = {}   # (file, lang, sent) -> tuid
units = 0
for f in files:
    en = sents(f, "en")
    groups = []   # list of sets of en indices, merged when a bead of either pair spans them
    parent = list(range(len(en)))
    def find(x):
        while parent[x] != x: x = parent[x]
        return x
    pair_beads = {l: beads(f, l) for l in ("kk", "ru")}
    for l, bs in pair_beads.items():
        for a, _ in bs:
            for x in a[1:]: parent[find(x)] = find(a[0])
    root_of = [find(i) for i in range(len(en))]
    order = []
    for i in range(len(en)):
        if root_of[i] not in order: order.append(root_of[i])
    tgt = {l: {r: [] for r in order} for l in pair_beads}
    orphans = []
    for l, bs in pair_beads.items():
        last = order[0]
        for a, b in bs:
            if a: last = root_of[a[0]]
            tgt[l][last].extend(b)   # a 0-n bead joins the unit before it
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
           f'<header creationtool="eval_check" creationtoolversion="1" segtype="sentence" '
           f'o-tmf="gold" adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n']
    tl = {l: sents(f, l) for l in pair_beads}
    for r in order:
        idx = [i for i in range(len(en)) if root_of[i] == r]
        tuid = f"{f}-{idx[0]}"
        units += 1
        out.append(f'<tu tuid="{tuid}">\n')
        out.append(f'<tuv xml:lang="en"><seg>{html.escape(" ".join(en[i] for i in idx), quote=False)}</seg></tuv>\n')
        for i in idx: where[(f, "en", i)] = tuid
        for l in ("kk", "ru"):
            ts = sorted(tgt[l][r])
            for t in ts: where[(f, l, t)] = tuid
            if ts:
                out.append(f'<tuv xml:lang="{l}"><seg>{html.escape(" ".join(tl[l][t] for t in ts), quote=False)}</seg></tuv>\n')
        out.append("</tu>\n")
    out.append("</body>\n</tmx>\n")
    with open(os.path.join(work, f"{f}.tmx"), "w", encoding="utf-8") as fh:
        fh.write("".join(out))
planted = []
with open(os.path.join(corpus, "errors.tsv"), encoding="utf-8") as fh:
    next(fh)
    for line in fh:
        f, l, s, approved, used = line.rstrip("\n").split("\t")
        planted.append({"tuid": where[(f, l, int(s))], "lang": l,
                        "what": f"{used} (approved {approved})"})
json.dump({"units": units, "planted": planted, "files": files}, open(os.path.join(work, "meta.json"), "w"))
PY

score() {  # score NAME DIR: DIR holds meta.json (units, planted, files) and FILE.json findings
python3 - "$1" "$2" "$here/tests/qa/eval_check_known.tsv" <<'PY'
import sys, os, json, collections
name, work, known_path = sys.argv[1], sys.argv[2], sys.argv[3]
# Findings a person verified as real errors in the data itself (not planted by us): listed with
# the reason in tests/qa/eval_check_known.tsv, printed, and not counted as false flags.
# Each is named by its language, kind and a piece of the finding's message, not by its unit's
# tuid, which moves when the aligner groups a sentence differently.
known = []
for line in open(known_path, encoding="utf-8"):
    if line.startswith("#") or not line.strip(): continue
    kset, klang, kkind, kmatch = line.rstrip("\n").split("\t")[:4]
    if kset == name: known.append((klang, kkind, kmatch))
def is_known(x):
    return any(x["lang"] == l and x["kind"] == k and m in x["message"] for l, k, m in known)
meta = json.load(open(os.path.join(work, "meta.json")))
findings = []
for f in meta["files"]:
    findings += json.load(open(os.path.join(work, f + ".json"), encoding="utf-8"))
found = 0
for p in meta["planted"]:
    hits = [x for x in findings if x["tuid"] == p["tuid"] and x["lang"] == p["lang"]
            and x.get("severity", "error") == "error"]
    found += bool(hits)
    kinds = ",".join(sorted({h["kind"] for h in hits})) or "MISSED"
    print(f'{name}: planted {p["tuid"]} {p["lang"]} {p["what"]}: {kinds}')
keys = {(p["tuid"], p["lang"]) for p in meta["planted"]}
unplanted = [x for x in findings if (x["tuid"], x["lang"]) not in keys and x.get("severity", "error") != "notice"]
real = [x for x in unplanted if is_known(x)]
false = [x for x in unplanted if not is_known(x)]
notices = sum(1 for x in findings if x.get("severity") == "notice")
for x in real:
    print(f'{name}: known real error {x["tuid"]} {x["lang"]} {x.get("severity", "-")} {x["kind"]}: {x["message"]}')
for x in false:
    print(f'{name}: false flag {x["tuid"]} {x["lang"]} {x.get("severity", "-")} {x["kind"]}: {x["message"]}')
units = meta["units"]
rate = 100.0 * len(false) / units if units else 0.0
by_kind = collections.Counter(x["kind"] for x in false)
planted = len(meta["planted"])
recall = f'{found}/{planted} = {100.0 * found / planted:.0f} %' if planted else 'n/a (none planted)'
print(f'{name}: recall {recall}  false flags {len(false)} in {units} units = {rate:.2f} per 100 '
      f'units (bar <= 1)  by kind: {dict(by_kind) or "-"}  notices: {notices}')
ok = found == planted and rate <= 1.0
with open(os.path.join(work, "..", "summary.txt"), "a") as fh:
    fh.write(f'{name:7} recall {recall:>22}   false flags per 100 units {rate:6.2f}   '
             f'({len(false)} in {units} units; terms {sum(v for k, v in by_kind.items() if k != "number-mismatch")}, '
             f'numbers {by_kind.get("number-mismatch", 0)}; known real errors not counted: {len(real)})\n')
sys.exit(0 if ok else 1)
PY
}

run_check() {  # run_check DIR [options]: checks DIR/*.tmx into DIR/*.json
  local dir=$1 f rc
  shift
  for f in "$dir"/*.tmx; do
    rc=0
    "$tilmash" check "$@" --json "$f" > "${f%.tmx}.json" 2>/dev/null || rc=$?
    if [[ $rc -gt 1 ]]; then echo "eval_check: tilmash check $f exited $rc" >&2; exit 2; fi
  done
}

status=0
mkdir -p "$work/corpus"
mv "$work"/*.tmx "$work/meta.json" "$work/corpus/"
run_check "$work/corpus" "$@"
score corpus "$work/corpus" || status=1

# --- UDHR with planted errors ---
udhr_tmx=$here/tmx/udhr.en-kk-ru.tmx
mkdir -p "$work/udhr"
python3 - "$udhr_tmx" "$work/udhr" <<'PY'
import sys, os, re, json, html
src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
tus = list(re.finditer(r'<tu tuid="([^"]+)".*?</tu>', text, re.S))
def seg_re(lang):
    return re.compile(r'(<tuv xml:lang="%s"><seg>)(.*?)(</seg>)' % lang, re.S)
planted, edits = [], {}
def plant(i, lang, fn, what):
    tu = tus[i].group(0) if i not in edits else edits[i]
    m = seg_re(lang).search(tu)
    if not m: return False
    new = fn(html.unescape(m.group(2)))
    if new is None or new == html.unescape(m.group(2)): return False
    edits[i] = tu[:m.start(2)] + html.escape(new, quote=False) + tu[m.end(2):]
    planted.append({"tuid": tus[i].group(1), "lang": lang, "what": what})
    return True
taken = set()
def each(pattern_en, lang, fn, what, limit, every=1):
    n = seen = 0
    for i, m in enumerate(tus):
        if n >= limit: break
        en = seg_re("en").search(m.group(0))
        if (i, lang) in taken or not en or not re.search(pattern_en, html.unescape(en.group(2))): continue
        seen += 1
        if (seen - 1) % every: continue
        if plant(i, lang, fn, what):
            taken.add((i, lang)); n += 1
# 1. an approved term swapped for a deprecated one (the fixture glossary's)
each(r'(?i)human rights', "ru", lambda t: re.sub(r'(?i)(прав\w*) человека', r'\1 людей', t, count=1),
     "deprecated 'права людей' for 'права человека'", 3)
each(r'(?i)human rights', "kk", lambda t: re.sub(r'(?i)адам (құқық)', r'адамдар \1', t, count=1),
     "deprecated 'адамдар құқықтары' for 'адам құқықтары'", 3)
# 2. a key term dropped (its modifier deleted: the rest no longer renders the term)
each(r'(?i)fundamental freedoms', "ru", lambda t: re.sub(r'(?i)основн\w+ (свобод)', r'\1', t, count=1),
     "dropped 'основные' of 'основные свободы'", 1)
each(r'(?i)fundamental freedoms', "kk", lambda t: re.sub(r'(?i)негізгі (бостанд)', r'\1', t, count=1),
     "dropped 'негізгі' of 'негізгі бостандықтар'", 1)
# 3. an article number changed
def bump(t):
    m = re.search(r'\d+', t)
    return None if not m else t[:m.start()] + str(int(m.group()) + 1) + t[m.end():]
each(r'^Article \d+$', "kk", bump, "article number + 1", 3, every=10)
each(r'^Article \d+$', "ru", bump, "article number + 1", 3, every=10)
body = text
for i in sorted(edits, reverse=True):
    body = body[:tus[i].start()] + edits[i] + body[tus[i].end():]
open(os.path.join(out, "udhr.tmx"), "w", encoding="utf-8").write(body)
json.dump({"units": len(tus), "planted": planted, "files": ["udhr"]},
          open(os.path.join(out, "meta.json"), "w"))
PY
udhr_glossaries=()
for g in "$here"/glossaries/*.tbx "$here/tests/qa/term_check_udhr.tbx"; do udhr_glossaries+=(--glossary "$g"); done
run_check "$work/udhr" "${udhr_glossaries[@]}" "$@"
score udhr "$work/udhr" || status=1

# --- a sample of Debian's translations ---
if compgen -G "/usr/share/locale/kk/LC_MESSAGES/*.mo" >/dev/null && command -v msgunfmt >/dev/null; then
  mkdir -p "$work/debian"
  python3 "$shared/bench/debian-po/build_po_tmx.py" -o "$work/debian/all.tmx.full" >/dev/null
  python3 - "$work/debian" <<'PY'
import sys, os, re, json
d = sys.argv[1]
s = open(os.path.join(d, "all.tmx.full"), encoding="utf-8").read()
head = s[:s.index("<body>") + len("<body>")]
tus = re.findall(r'<tu[ >].*?</tu>', s, re.S)
both = [t for t in tus if 'xml:lang="kk"' in t and 'xml:lang="ru"' in t]
sample = both[::2][:2000]
open(os.path.join(d, "debian.tmx"), "w", encoding="utf-8").write(
    head + "\n" + "\n".join(sample) + "\n</body>\n</tmx>\n")
json.dump({"units": len(sample), "planted": [], "files": ["debian"]},
          open(os.path.join(d, "meta.json"), "w"))
PY
  rm -f "$work/debian/all.tmx.full"
  run_check "$work/debian" "$@"
  score debian "$work/debian" || status=1
else
  echo "debian: skipped (no kk gettext catalogs under /usr/share/locale; see ../shared/bench/debian-po/README.md)" \
    | tee -a "$work/summary.txt"
fi

echo
echo "== summary (false flags: every finding that is not a notice and not a planted error) =="
cat "$work/summary.txt"
exit $status
