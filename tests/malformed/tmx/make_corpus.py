#!/usr/bin/env python3
"""Writes the malformed-TMX corpus in this folder (one file per case; see README.md).
Run from anywhere: python3 tests/malformed/tmx/make_corpus.py. Output is deterministic."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" '
        'adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n')
TAIL = '</body>\n</tmx>\n'
TU = ('<tu tuid="1">\n  <tuv xml:lang="en"><seg>The river rose.</seg></tuv>\n'
      '  <tuv xml:lang="kk"><seg>Өзен деңгейі көтерілді.</seg></tuv>\n</tu>\n')


def doc(body):
    return HEAD + body + TAIL


CASES = {
    # --- errors: the reader must stop with path:line:col and a clear message
    "empty.tmx": "",
    "not_xml.tmx": "tuid\ten\tkk\n1\tThe river rose.\tӨзен деңгейі көтерілді.\n",
    "wrong_root.tmx": '<?xml version="1.0"?>\n<html><body><p>hi</p></body></html>\n',
    "no_header.tmx": '<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n' + TU + TAIL,
    "truncated_in_unit.tmx": (HEAD + TU + TU)[:-40],
    "truncated_after_unit.tmx": HEAD + TU,
    "tuv_without_lang.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>a</seg></tuv>\n'
                                '  <tuv><seg>б</seg></tuv>\n</tu>\n'),
    "missing_seg.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>a</seg></tuv>\n'
                           '  <tuv xml:lang="kk"><note>no seg</note></tuv>\n</tu>\n'),
    "bad_char_ref.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>bell&#x1;here</seg></tuv>\n'
                            '  <tuv xml:lang="kk"><seg>б</seg></tuv>\n</tu>\n'),
    "raw_control_char.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>tab\x0bvertical</seg></tuv>\n'
                                '  <tuv xml:lang="kk"><seg>б</seg></tuv>\n</tu>\n'),
    "billion_laughs.tmx": ('<?xml version="1.0"?>\n<!DOCTYPE tmx [\n  <!ENTITY lol "lol">\n'
                           + "".join('  <!ENTITY lol%d "%s">\n' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10)
                                     for i in range(1, 10))
                           + ']>\n' + HEAD.split("\n", 1)[1]
                           + '<tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv>'
                             '<tuv xml:lang="kk"><seg>б</seg></tuv></tu>\n' + TAIL),
    "xxe.tmx": ('<?xml version="1.0"?>\n<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
                + HEAD.split("\n", 1)[1]
                + '<tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv>'
                  '<tuv xml:lang="kk"><seg>б</seg></tuv></tu>\n' + TAIL),
    "mismatched_tags.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>a</tuv></seg>\n</tu>\n'),
    "text_in_body.tmx": doc(TU + "stray text\n" + TU),
    "content_after_root.tmx": doc(TU) + "<tmx/>\n",
    "bad_lang_code.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>a</seg></tuv>\n'
                             '  <tuv xml:lang="k k"><seg>б</seg></tuv>\n</tu>\n'),
    # --- valid inputs that must read correctly
    "tmx11_lang.tmx": ('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n<tmx version="1.1">\n'
                       '<header creationtool="old" creationtoolversion="1" segtype="sentence" '
                       'o-tmf="x" adminlang="EN-US" srclang="EN-US" datatype="plaintext"></header>\n'
                       '<body>\n<tu>\n  <tuv lang="EN-US"><seg>The river rose.</seg></tuv>\n'
                       '  <tuv lang="kk_KZ"><seg>Өзен деңгейі көтерілді.</seg></tuv>\n</tu>\n' + TAIL),
}
BINARY = {
    "invalid_utf8.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>caf\xe9</seg></tuv>\n'
                            '  <tuv xml:lang="kk"><seg>б</seg></tuv>\n</tu>\n').encode("utf-8").replace(b"\xc3\xa9", b"\xe9"),
    "utf16le_bom.tmx": b"\xff\xfe" + doc(TU).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
    "utf16be_bom.tmx": b"\xfe\xff" + doc(TU).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"),
    "utf8_bom_crlf.tmx": b"\xef\xbb\xbf" + doc('<tu>\n  <tuv xml:lang="en"><seg>Line one\ncontinues.</seg></tuv>\n'
                                              '  <tuv xml:lang="kk"><seg>б</seg></tuv>\n</tu>\n').replace("\n", "\r\n").encode("utf-8"),
}

for name, text in CASES.items():
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
for name, data in BINARY.items():
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
print("wrote %d files" % (len(CASES) + len(BINARY)))
