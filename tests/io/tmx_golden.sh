#!/usr/bin/env bash
# Golden test of `tilmash tmx …` and the TMX writer, as CTest `io.tmx_golden`:
#   tmx_golden.sh TILMASH GOLDEN_DIR DTD [XMLLINT] [--update]
# Each GOLDEN_DIR/<case>/ holds `args` (the tilmash arguments, run inside a scratch copy of
# the case folder), its inputs, and expected/ (every file the run must produce, byte for byte).
# Also checks: every produced .tmx passes `xmllint --dtdvalid` (TMX-NOTES §5.7), and reading it
# back and writing it again gives the same bytes (lossless round trip). --update rewrites
# expected/ from the current binary; review the diff in the commit.
set -uo pipefail
tilmash=$(realpath "$1") golden=$2 dtd=$3 xmllint=${4:-} update=${5:-}
export SOURCE_DATE_EPOCH=1735732800   # 2025-01-01T12:00:00Z: byte-stable dates
status=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for case_dir in "$golden"/*/; do
  name=$(basename "$case_dir")
  work="$scratch/$name"
  mkdir -p "$work"
  find "$case_dir" -maxdepth 1 -type f ! -name args -exec cp {} "$work/" \;
  read -r -a args < "$case_dir/args"
  (cd "$work" && "$tilmash" "${args[@]}" >stdout.txt 2>stderr.txt)
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL $name: tilmash ${args[*]} exited $rc"; cat "$work/stderr.txt"; status=1; continue
  fi
  if [ "$update" = --update ]; then
    rm -rf "$case_dir/expected"; mkdir -p "$case_dir/expected"
    for f in "$work"/*; do
      [ -e "$case_dir/$(basename "$f")" ] || [ "$(basename "$f")" = stderr.txt ] || cp "$f" "$case_dir/expected/"
    done
    echo "updated $name"; continue
  fi
  for exp in "$case_dir"/expected/*; do
    got="$work/$(basename "$exp")"
    if ! diff -u "$exp" "$got"; then echo "FAIL $name: $(basename "$exp") differs"; status=1; fi
  done
  for tmx in "$work"/*.tmx; do
    [ -e "$case_dir/$(basename "$tmx")" ] && continue   # an input, not an output
    if [ -n "$xmllint" ] && ! "$xmllint" --noout --dtdvalid "$dtd" "$tmx"; then
      echo "FAIL $name: $(basename "$tmx") is not valid against tmx14.dtd"; status=1
    fi
    if ! "$tilmash" tmx merge "$tmx" -o "$tmx.again" --keep-duplicates 2>/dev/null \
        || ! cmp -s "$tmx" "$tmx.again"; then
      echo "FAIL $name: $(basename "$tmx") does not survive read -> write unchanged"
      diff -u "$tmx" "$tmx.again" | head -20; status=1
    fi
  done
  [ $status -eq 0 ] && echo "ok $name"
done
if [ $status -eq 0 ] && [ -z "$xmllint" ]; then
  echo "SKIP: xmllint not installed (apt-get install libxml2-utils); outputs matched golden"; exit 77
fi
exit $status
