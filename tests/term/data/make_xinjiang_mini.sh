#!/usr/bin/env bash
# Regenerates xinjiang_mini.tbx: the shipped glossaries/xinjiang.tbx cut down to the entries the
# glossary e2e cases look up (tests/e2e/cases/glossary_*), with `tilmash glossary remove`, so
# their golden output does not change whenever an unrelated entry is reviewed.
# usage: tests/term/data/make_xinjiang_mini.sh [TILMASH]
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=$(realpath "${1:-build/tilmash}")
keep=" oralman kandas kairylman reeducation-camp internment-camp atajurt xinjiang "
out=tests/term/data/xinjiang_mini.tbx
cp glossaries/xinjiang.tbx "$out.tmp"
mapfile -t drop < <(grep -o '<conceptEntry id="[^"]*"' glossaries/xinjiang.tbx | sed 's/.*id="//; s/"$//' \
  | while read -r id; do [[ $keep == *" $id "* ]] || echo "$id"; done)
"$bin" glossary remove "${drop[@]}" -g "$out.tmp"
mv "$out.tmp" "$out"
