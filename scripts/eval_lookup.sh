#!/usr/bin/env bash
# First-hit rate of `tilmash glossary lookup` on forms written or generated for this purpose, not
# taken from ../shared/corpus: tests/term/data/lookup_eval.generated.tsv (Kazakh inflections of
# the shipped glossary's terms, made by ../shared/terminology/kk_term_match.py through
# tests/term/data/make_lookup_eval.py) and tests/term/data/lookup_eval.tsv (hand-written Russian
# and English inflections, spelling variants, descriptive renderings of names). A form counts
# when its entry is the first hit. Forms that occur in the corpus texts are dropped first.
#
#   [SHARED=../shared] scripts/eval_lookup.sh [TILMASH] [-v]   (-v lists every miss)
# Prints the rate per group and overall; the issue's goal for lookups is >= 0.98.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tilmash=${1:-$here/build/tilmash}
shared=${SHARED:-$here/../shared}
python3 - "$tilmash" "$shared" "$here/tests/term/data" "${2:-}" <<'PY'
import collections, glob, json, os, subprocess, sys
tilmash, shared, data, verbose = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "-v"
corpus = " ".join(open(f, encoding="utf-8").read().lower()
                  for f in glob.glob(os.path.join(shared, "corpus", "*.sent")))
rows = []
for name in ("lookup_eval.generated.tsv", "lookup_eval.tsv"):
    for line in open(os.path.join(data, name), encoding="utf-8"):
        if line.startswith("#") or not line.strip(): continue
        form, lang, want, how = line.rstrip("\n").split("\t")
        rows.append((form, lang, want, how))
dropped = [r for r in rows if r[0].lower() in corpus]
rows = [r for r in rows if r[0].lower() not in corpus]
stats = collections.defaultdict(lambda: [0, 0])
misses = []
for form, lang, want, how in rows:
    out = subprocess.run([tilmash, "glossary", "lookup", "--no-cache", "--json", form],
                         check=True, capture_output=True, text=True).stdout
    hits = json.loads(out)
    got = hits[0]["id"] if hits else None
    group = ("kk generated" if how.startswith("generated") else
             "descriptive" if how == "descriptive" else f"{lang} hand-written")
    for g in (group, "all"):
        stats[g][0] += got == want
        stats[g][1] += 1
    if got != want:
        misses.append(f"{group}: {form!r}: want {want}, got {got}"
                      + (f" ({hits[0]['match']})" if hits else ""))
for g in ("kk generated", "ru hand-written", "en hand-written", "descriptive", "all"):
    ok, n = stats[g]
    if n: print(f"{g:16} {ok}/{n} first = {ok / n:.3f}")
if dropped: print(f"(dropped {len(dropped)} forms found in the corpus texts)")
for m in misses if verbose or len(misses) <= 20 else misses[:20]:
    print("  miss:", m)
PY
