#!/usr/bin/env bash
# End-to-end checks of `tilmash align` on bad and odd input: exit codes (docs/CLI.md: 2 usage,
# 3 bad input, 4 I/O), no output file left behind on failure, TMX and --pairs files.
# usage: tests/align/cli_test.sh path/to/tilmash
set -uo pipefail
TILMASH=${1:?usage: cli_test.sh path/to/tilmash}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fails=0

# expect NAME CODE [STDERR_REGEX] -- COMMAND...: runs COMMAND, checks its exit code and stderr.
expect() {
  local name=$1 code=$2 regex=""
  shift 2
  if [ "$1" != "--" ]; then regex=$1; shift; fi
  shift
  timeout 60 "$@" > out.txt 2> err.txt
  local got=$?
  if [ "$got" != "$code" ]; then
    echo "FAIL $name: exit $got, expected $code; stderr: $(head -c 300 err.txt)"; fails=$((fails + 1))
  elif [ -n "$regex" ] && ! grep -Eq "$regex" err.txt; then
    echo "FAIL $name: stderr does not match /$regex/: $(head -c 300 err.txt)"; fails=$((fails + 1))
  else
    echo "ok   $name"
  fi
}
# check NAME CONDITION...: a plain assertion.
check() {
  local name=$1; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}

printf '%s\n' 'Sairagul Sauytbay fled Xinjiang in April 2018.' \
  'She crossed into Kazakhstan with forged documents.' 'The court released her on August 1.' > en.txt
printf '%s\n' 'Сайрагүл Сауытбай 2018 жылдың сәуірінде Шыңжаңнан қашып кетті.' \
  'Ол Қазақстанға жалған құжаттармен өтті.' 'Сот оны 1 тамызда босатты.' > kk.txt
printf '%s\n' 'Сайрагуль Сауытбай бежала из Синьцзяна в апреле 2018 года.' \
  'Она пересекла границу Казахстана с поддельными документами.' 'Суд освободил её 1 августа.' > ru.txt
: > empty.txt
printf 'Hello \377 world.\n' > bad.txt

expect langs_more_than_files 2 'langs.*3 languages.*2 files' -- "$TILMASH" align --langs en,kk,ru en.txt kk.txt
expect files_more_than_langs 2 'langs' -- "$TILMASH" align --langs en,kk en.txt kk.txt ru.txt
expect one_language 2 'langs' -- "$TILMASH" align --langs en en.txt
expect unknown_format 2 'format' -- "$TILMASH" align --langs en,kk --format xml en.txt kk.txt
expect pairs_to_stdout 2 'pairs' -- "$TILMASH" align --langs en,kk --format tmx --pairs en.txt kk.txt

expect bad_utf8 3 'bad\.txt:1:7: error' -- "$TILMASH" align --langs en,kk bad.txt kk.txt -o bad.tsv
check bad_utf8_leaves_no_output test ! -e bad.tsv
expect bad_utf8_segmented 3 'bad\.txt:1' -- "$TILMASH" align --langs en,kk --segmented bad.txt kk.txt
printf 'china\tҚытай\nbad \377\tx\n' > bad_dict.tsv
expect bad_utf8_dictionary 3 'bad_dict\.tsv:2:5: error' -- "$TILMASH" align --langs en,kk \
  --dictionary bad_dict.tsv en.txt kk.txt
expect missing_file 4 'nope\.txt' -- "$TILMASH" align --langs en,kk nope.txt kk.txt

expect empty_source 0 -- "$TILMASH" align --langs en,kk --format beads empty.txt kk.txt
check empty_source_gives_0-1_beads test "$(cat out.txt)" = "$(printf ':0\n:1\n:2')"
expect empty_target 0 -- "$TILMASH" align --langs en,kk --format beads en.txt empty.txt
check empty_target_gives_1-0_beads test "$(cat out.txt)" = "$(printf '0:\n1:\n2:')"
expect both_empty 0 -- "$TILMASH" align --langs en,kk --format beads empty.txt empty.txt
check both_empty_gives_nothing test ! -s out.txt

cp en.txt en2.txt
expect same_text_twice 0 -- "$TILMASH" align --langs en,en --format beads en.txt en2.txt
check same_text_is_one_to_one test "$(cat out.txt)" = "$(printf '0:0\n1:1\n2:2')"
expect same_path_twice 0 -- "$TILMASH" align --langs en,kk --format beads en.txt en.txt
check same_path_is_one_to_one test "$(cat out.txt)" = "$(printf '0:0\n1:1\n2:2')"

# A 10,000-character sentence and a summary-sized translation: a result, quickly.
{ printf 'Word'; for _ in $(seq 2000); do printf ' word'; done; printf '.\n'; cat en.txt; } > long.txt
expect long_sentence 0 -- "$TILMASH" align --langs en,kk --format beads long.txt kk.txt
check long_sentence_covers_all test "$(tr ',:' '\n\n' < out.txt | grep -c .)" -ge 7

expect tmx_three_languages 0 -- env SOURCE_DATE_EPOCH=0 "$TILMASH" align --langs en,kk,ru \
  --format tmx --pairs -o out.tmx en.txt kk.txt ru.txt
check tmx_files_written test -s out.tmx -a -s out-en-kk.tmx -a -s out-en-ru.tmx
check tmx_units_have_every_language test "$(grep -c '<tu ' out.tmx)" = 3 -a \
  "$(grep -c '<tuv ' out.tmx)" = 9
check tmx_confidence_prop test "$(grep -c 'x-tilmash-confidence' out.tmx)" = 3
check tmx_pair_has_two_languages test "$(grep -c '<tuv ' out-en-kk.tmx)" = 6 -a \
  "$(grep -c 'xml:lang="ru"' out-en-kk.tmx)" = 0
expect beads_pairs 0 -- "$TILMASH" align --langs en,kk,ru --format beads --pairs -o out.beads \
  en.txt kk.txt ru.txt
check beads_pair_files test -s out-en-kk.beads -a -s out-en-ru.beads
check beads_pair_two_sides test "$(grep -c '^[0-9,]*:[0-9,]*$' out-en-kk.beads)" = \
  "$(wc -l < out-en-kk.beads)"
expect no_glossary 0 -- "$TILMASH" align --langs en,kk --no-glossary --format beads en.txt kk.txt
expect missing_glossary 4 'nope\.tbx' -- "$TILMASH" align --langs en,kk --glossary nope.tbx en.txt kk.txt
# The lexicon: a file that is not there, or not TMX, names itself; the shipped one is used by
# default and --no-lexicon leaves it out (both align).
expect missing_lexicon 4 'nope\.tmx' -- "$TILMASH" align --langs en,kk --lexicon nope.tmx en.txt kk.txt
expect bad_lexicon 3 'kk\.txt:1:1: error' -- "$TILMASH" align --langs en,kk --lexicon kk.txt \
  -o lex.tsv en.txt kk.txt
check bad_lexicon_leaves_no_output test ! -e lex.tsv
expect shipped_lexicon 0 -- "$TILMASH" align --langs en,kk --format beads en.txt kk.txt
expect no_lexicon 0 -- "$TILMASH" align --langs en,kk --no-lexicon --format beads en.txt kk.txt
expect lexicon_from_env 4 'env_lex\.tmx' -- env TILMASH_LEXICON=env_lex.tmx "$TILMASH" align \
  --langs en,kk en.txt kk.txt
# FreeDict dictionaries of the pair ($TILMASH_DICTD_DIR, else /usr/share/dictd): found and named on
# stderr, left out with --no-dictionary, replaced by --dictionary; a broken one fails naming its
# index, and nothing is written. (A dictd index: headword TAB base-64 offset TAB length.)
mkdir -p dictd
printf 'court /kort/\nсуд\n' > dictd/freedict-eng-rus.dict  # 20 bytes: U in base 64
printf 'court\tA\tU\n' > dictd/freedict-eng-rus.index
expect freedict_found 0 'tilmash align: 1 word pairs of dictd/freedict-eng-rus\.index train' -- \
  env TILMASH_DICTD_DIR=dictd "$TILMASH" align --langs en,ru --format beads en.txt ru.txt
expect freedict_off 0 -- env TILMASH_DICTD_DIR=dictd "$TILMASH" align --langs en,ru \
  --no-dictionary --format beads en.txt ru.txt
check freedict_off_says_nothing test ! -s err.txt
printf 'court\tсуд\n' > words.tsv
expect dictionary_given 0 -- env TILMASH_DICTD_DIR=dictd "$TILMASH" align --langs en,ru \
  --dictionary words.tsv --format beads en.txt ru.txt
check dictionary_given_says_nothing test ! -s err.txt
printf 'court\tA\t//\n' > dictd/freedict-eng-rus.index
expect freedict_broken 3 'freedict-eng-rus\.index:1: error: .*outside the data' -- \
  env TILMASH_DICTD_DIR=dictd "$TILMASH" align --langs en,ru -o dict.tsv en.txt ru.txt
check freedict_broken_leaves_no_output test ! -e dict.tsv
expect dictionary_missing 4 'nope\.index: error: no such file' -- "$TILMASH" align --langs en,ru \
  --dictionary nope.index en.txt ru.txt
if command -v xmllint > /dev/null; then
  check tmx_well_formed xmllint --noout out.tmx out-en-kk.tmx out-en-ru.tmx
fi

[ "$fails" = 0 ] && echo "all align CLI checks passed" || echo "$fails align CLI check(s) failed"
[ "$fails" = 0 ]
