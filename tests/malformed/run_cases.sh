#!/usr/bin/env bash
# Runs every case of tests/malformed/cases.tsv through the real binary: the exit status, the
# "FILE:LINE:COL: error:" the message must start with, a fragment of the message, and that a
# refused import left the TM and the glossary as they were.
# usage: run_cases.sh path/to/tilmash
set -uo pipefail
TILMASH=$1
HERE=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache

# Generated fixtures: too big to commit.
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
        'datatype="plaintext"/>\n<body>\n')
n = 200000
open(w + '/deep200k.tmx', 'w').write(head + '<tu><tuv xml:lang="en"><seg>' + '<hi>' * n + 'x'
                                      + '</hi>' * n + '</seg></tuv><tuv xml:lang="kk"><seg>y'
                                      '</seg></tuv></tu>\n</body>\n</tmx>\n')
open(w + '/deep64k.html', 'w').write('<html><body>' + '<div>' * 65536 + 'x' + '</div>' * 65536
                                      + '</body></html>')
open(w + '/deep200k.html', 'w').write('<html><body><p>' + '<span>' * 200000 + 'x')
PY
good_tmx=$HERE/tmx/utf16le_bom.tmx
cat > "$work/base.tbx" <<'TBX'
<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
<conceptEntry id="base1"><langSec xml:lang="en"><termSec><term>river</term></termSec></langSec>
<langSec xml:lang="kk"><termSec><term>өзен</term></termSec></langSec></conceptEntry>
</body></text></tbx>
TBX

units() { "$TILMASH" tm export --db "$1" -o - 2>/dev/null | grep -c '<tu '; }

fails=0 n=0
while IFS=$'\t' read -r fixture cmd want pos fragment; do
  [[ -z "$fixture" || "$fixture" == \#* ]] && continue
  n=$((n + 1))
  if [[ "$fixture" == @* ]]; then file=$work/${fixture#@}; else file=$HERE/$fixture; fi
  out=$work/out err=$work/err
  note=""
  case $cmd in
    validate) "$TILMASH" tmx validate "$file" >"$out" 2>"$err" ;;
    import)
      rm -f "$work/tm.db"
      "$TILMASH" tm import --db "$work/tm.db" "$good_tmx" >/dev/null 2>&1
      "$TILMASH" tm import --db "$work/tm.db" "$file" >"$out" 2>"$err"
      ;;
    lookup) "$TILMASH" glossary lookup --no-cache -g "$file" camp >"$out" 2>"$err" ;;
    gimport)
      cp "$work/base.tbx" "$work/g.tbx"
      "$TILMASH" glossary import -g "$work/g.tbx" "$file" >"$out" 2>"$err"
      ;;
    segment) "$TILMASH" segment --lang en "$file" >"$out" 2>"$err" ;;
    check) "$TILMASH" check --no-terms "$file" >"$out" 2>"$err" ;;
    *) echo "unknown command $cmd"; exit 2 ;;
  esac
  got=$?
  if [ "$got" != "$want" ]; then note+=" exit $got (want $want);"; fi
  if [ "$pos" != "-" ] && ! grep -qF "$file:$pos: error: " "$err" "$out"; then
    note+=" no '$(basename "$file"):$pos: error:';"
  fi
  if [ "$fragment" != "-" ] && ! grep -qF -- "$fragment" "$err" "$out"; then
    note+=" message lacks '$fragment';"
  fi
  if [ "$cmd" = import ] && [ "$want" != 0 ] && [ "$(units "$work/tm.db")" != 1 ]; then
    note+=" the TM changed;"
  fi
  if [ "$cmd" = gimport ] && [ "$want" != 0 ] && ! cmp -s "$work/base.tbx" "$work/g.tbx"; then
    note+=" the glossary changed;"
  fi
  if [ -n "$note" ]; then
    fails=$((fails + 1))
    echo "FAIL $fixture $cmd:$note"
    head -c 600 "$err"
  fi
done < "$HERE/cases.tsv"
echo "$((n - fails)) of $n malformed-input cases pass"
[ "$fails" = 0 ]
