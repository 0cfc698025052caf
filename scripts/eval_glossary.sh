#!/usr/bin/env bash
# Acceptance eval of `tilmash glossary lookup` (issue 5): for every row of the shared corpus's
# terms.tsv (planted errors of errors.tsv excluded), look up the Russian form, the Kazakh form
# and the English surface form (found with check_gold.py's EN_PATTERNS) and count how often the
# entry of en_term comes first. en_term's entry is the first English hit for en_term itself.
# Then the seed variants and typos of the issue, and held-out real forms
# (tests/term/data/heldout_forms.tsv, reported, no bar). Bar: >= 98 % per language.
# usage: scripts/eval_glossary.sh [TILMASH] [CORPUS_DIR]   (-v lists every miss)
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=0
if [ "${1:-}" = "-v" ]; then verbose=1; shift; fi
bin=${1:-build/tilmash}
corpus=${2:-../shared/corpus}
[ -x "$bin" ] || { echo "eval_glossary: no $bin (run scripts/setup.sh)" >&2; exit 2; }
VERBOSE=$verbose python3 - "$bin" "$corpus" <<'PY'
import csv, json, os, re, subprocess, sys
bin_, corpus = sys.argv[1], sys.argv[2]
sys.path.insert(0, corpus)
from check_gold import EN_PATTERNS  # the corpus's own definition of an English occurrence

def lookup(text, lang=None):
    cmd = [bin_, 'glossary', 'lookup', text, '--json']
    if lang: cmd += ['--lang', lang]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)

def first_id(text, lang=None):
    hits = lookup(text, lang)
    return hits[0]['id'] if hits else None

rows = list(csv.DictReader(open(os.path.join(corpus, 'terms.tsv'), encoding='utf-8'), delimiter='\t'))
errors = {(r['file'], r['lang'], r['sent'], r['used'])
          for r in csv.DictReader(open(os.path.join(corpus, 'errors.tsv'), encoding='utf-8'), delimiter='\t')}
expected = {t: first_id(t, 'en') for t in sorted({r['en_term'] for r in rows})}
print('en_term -> entry:', ', '.join(f'{k} -> {v}' for k, v in expected.items()))

sents = {}
def sent(doc, lang, i):
    key = (doc, lang)
    if key not in sents:
        sents[key] = open(os.path.join(corpus, f'{doc}.{lang}.sent'), encoding='utf-8').read().split('\n')
    return sents[key][int(i)]

stats = {l: [0, 0] for l in ('ru', 'kk', 'en')}
misses = []
seen_en = {}
for r in rows:
    want = expected[r['en_term']]
    forms = []
    for lang in ('ru', 'kk'):
        form = r[f'{lang}_form']
        if form and (r['file'], lang, r[f'{lang}_sent'], form) not in errors:
            forms.append((lang, form))
    # The k-th row of a term in an English sentence is its k-th match there.
    k = (r['file'], r['en_sent'], r['en_term'])
    seen_en[k] = seen_en.get(k, 0) + 1
    found = re.findall(EN_PATTERNS[r['en_term']], sent(r['file'], 'en', r['en_sent']))
    if len(found) >= seen_en[k]:
        forms.append(('en', found[seen_en[k] - 1]))
    for lang, form in forms:
        got = first_id(form)
        stats[lang][1] += 1
        if got == want:
            stats[lang][0] += 1
        else:
            misses.append(f'{r["file"]} {lang} {form!r}: want {want}, got {got}')

variants = [('Atajurt', 'atajurt'), ('Atazhurt', 'atajurt'), ('kairilman', 'kairylman'),
            ('kairlymans', 'kairylman'), ('re-education camps', 'reeducation-camp'),
            ('Uighurs', 'uyghur'), ('Sairagul Sauytbay', 'sauytbay'), ('Serikjan Bilash', 'bilash'),
            ('oralmen', 'oralman'), ('reeducation camp', 'reeducation-camp')]
def count_first(pairs, label):
    """How many (text, entry id) pairs have that entry first; misses are noted."""
    ok = 0
    for text, want in pairs:
        got = first_id(text)
        ok += got == want
        if got != want:
            misses.append(f'{label} {text!r}: want {want}, got {got}')
    return ok

ok_var = count_first(variants, 'variant')

# Held-out real forms (TERMS.md grammar notes, not in terms.tsv; never used for tuning).
held = []
with open('tests/term/data/heldout_forms.tsv', encoding='utf-8') as fh:
    for line in fh:
        if line.startswith('#') or not line.strip(): continue
        form, want = line.rstrip('\n').split('\t')
        held.append((form, want))
ok_held = count_first(held, 'held-out')

bar = 98.0
fail = False
for lang, (ok, n) in stats.items():
    pct = 100.0 * ok / n if n else 0.0
    fail |= pct < bar
    print(f'{lang}: {ok}/{n} first = {pct:.1f} %')
print(f'variants/typos: {ok_var}/{len(variants)}')
print(f'held-out forms: {ok_held}/{len(held)} first = {100.0 * ok_held / max(1, len(held)):.1f} %')
if os.environ.get('VERBOSE') == '1' or misses:
    for m in misses: print('  miss:', m)
sys.exit(1 if fail or ok_var < len(variants) else 0)
PY
