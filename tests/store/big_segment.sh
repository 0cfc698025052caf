#!/usr/bin/env bash
# A single <seg> of 20 MB (Kazakh and English words, an inline <ph> code every few hundred
# bytes): `tmx validate` accepts it and `tm import` stores it whole, its text and inline
# codes exported unchanged and its words in the fuzzy index. Timing and memory are measured
# by `scripts/bench.sh hostile`, not here.
# usage: big_segment.sh TILMASH
set -euo pipefail
tilmash=$1
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$dir/big.tmx" "$dir/seg.txt" <<'PY'
import random, sys
tmx, seg_out = sys.argv[1], sys.argv[2]
rng = random.Random(15)
words = ("Адам құқықтары туралы декларация әрбір адамның бостандығы "
         "the universal declaration of human rights everyone freedom").split()
parts, size, i = [], 0, 0
while size < 20 * 1024 * 1024:
    text = " ".join(rng.choice(words) for _ in range(40))
    part = f'{text} <ph x="{i}">&lt;br/&gt;</ph> '
    parts.append(part)
    size += len(part.encode())
    i += 1
seg = "".join(parts).rstrip()
with open(tmx, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="t" '
            'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
            'datatype="plaintext"/>\n<body>\n<tu tuid="big"><tuv xml:lang="en"><seg>' + seg
            + '</seg></tuv><tuv xml:lang="kk"><seg>қысқа</seg></tuv></tu>\n</body>\n</tmx>\n')
with open(seg_out, "w", encoding="utf-8") as f:
    f.write(seg)
PY

"$tilmash" tmx validate "$dir/big.tmx"
"$tilmash" tm import --db "$dir/tm.db" "$dir/big.tmx" 2>"$dir/import.log"
grep -q "1 units read, 1 added" "$dir/import.log" || { cat "$dir/import.log"; exit 1; }
"$tilmash" tm export --db "$dir/tm.db" -o "$dir/out.tmx"
python3 - "$dir/out.tmx" "$dir/seg.txt" "$dir/tm.db" <<'PY'
import re, sqlite3, sys
out = open(sys.argv[1], encoding="utf-8").read()
seg = open(sys.argv[2], encoding="utf-8").read()
m = re.search(r'<tuv xml:lang="en"[^>]*>\s*<seg>(.*?)</seg>', out, re.S)
assert m, "no English <seg> in the export"
assert m.group(1) == seg, "the 20 MB segment changed on the way through the TM"
db = sqlite3.connect(sys.argv[3])
# The variant's token list holds every word of the text between the codes.
(toks,) = db.execute("SELECT toks FROM variants WHERE lang = 'en'").fetchone()
count = sum(1 for b in toks if b < 0x80)  # varints, one token id per word: last bytes < 0x80
expected = len(re.sub(r'<ph[^>]*>.*?</ph>', ' ', seg).split())
assert count == expected, f"{count} words indexed, {expected} in the segment"
print(f"ok: {len(seg.encode())} bytes, {expected} words")
PY
