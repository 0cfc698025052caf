#!/usr/bin/env python3
"""Writes a trilingual (en, kk, ru) TMX of distinct units FIRST..FIRST+COUNT-1 for the store's
script tests (kill_import.sh, pg_concurrency.sh) and scripts/tsan.sh. Unit i has tuid i and an
English text of 7 + EXTRA words ending in i, so ranges that overlap share exactly their common
units.

usage: gen_tmx.py PATH FIRST COUNT [EXTRA]
"""
import sys


def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__)
        return 2
    path, first, count = argv[1], int(argv[2]), int(argv[3])
    extra = int(argv[4]) if len(argv) > 4 else 0
    words = "file open close save window page user system network folder print copy".split()
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
                'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
                'datatype="plaintext"/><body>\n')
        for i in range(first, first + count):
            en = " ".join(words[(i * k) % len(words)] for k in range(1, 8 + extra)) + f" {i}"
            f.write(f'<tu tuid="{i}"><tuv xml:lang="en"><seg>{en}</seg></tuv>'
                    f'<tuv xml:lang="kk"><seg>файл {i} ашу</seg></tuv>'
                    f'<tuv xml:lang="ru"><seg>открыть файл {i}</seg></tuv></tu>\n')
        f.write('</body></tmx>\n')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
