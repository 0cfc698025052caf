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
    # --- XML 1.0 well-formedness that pugixml does not enforce (io::check_xml; issue 15)
    "attr_lt.tmx": doc('<tu tuid="a<b">\n  <tuv xml:lang="en"><seg>a</seg></tuv>\n</tu>\n'),
    "cdata_end_in_text.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>a ]]> b</seg></tuv>\n</tu>\n'),
    "duplicate_attr.tmx": doc('<tu>\n  <tuv xml:lang="en" xml:lang="kk"><seg>a</seg></tuv>\n</tu>\n'),
    "comment_double_dash.tmx": doc('<tu>\n  <!-- a -- b -->\n  <tuv xml:lang="en"><seg>a</seg></tuv>\n</tu>\n'),
    "comment_between_units.tmx": doc(TU + '<!-- one -- two -->\n' + TU),
    "undeclared_entity.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>a&nbsp;b</seg></tuv>\n</tu>\n'),
    "bad_element_name.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>a <1hi>b</1hi></seg></tuv>\n</tu>\n'),
    "bad_attr_name.tmx": doc('<tu>\n  <tuv xml:lang="en" -x="1"><seg>a</seg></tuv>\n</tu>\n'),
    "attr_no_space.tmx": doc('<tu>\n  <tuv xml:lang="en"creationid="x"><seg>a</seg></tuv>\n</tu>\n'),
    "attr_unquoted.tmx": doc('<tu tuid=1>\n  <tuv xml:lang="en"><seg>a</seg></tuv>\n</tu>\n'),
    "xml_decl_not_first.tmx": '\n' + HEAD + TU + TAIL,
    "pi_named_xml.tmx": doc('<tu>\n  <?xml version="1.0"?>\n  <tuv xml:lang="en"><seg>a</seg></tuv>\n</tu>\n'),
    "bad_xml_decl.tmx": HEAD.replace('version="1.0"', 'version="one"') + TU + TAIL,
    "whitespace_only.tmx": "   \n\t\n  \n",
    "deep_nesting.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>' + '<hi>' * 300 + 'deep' + '</hi>' * 300
                            + '</seg></tuv>\n</tu>\n'),
    "lt_in_text.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>1 < 2</seg></tuv>\n</tu>\n'),
    "declared_utf16_is_utf8.tmx": doc(TU).replace('encoding="UTF-8"', 'encoding="UTF-16"'),
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
    "pdf_bytes.tmx": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "utf32le_bom.tmx": b"\xff\xfe\x00\x00" + doc(TU).replace('encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32-le"),
    "utf16le_no_bom.tmx": doc(TU).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
    "utf16_bom_declared_latin1.tmx": b"\xff\xfe" + doc(TU).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-16-le"),
    "declared_cp1251.tmx": doc('<tu>\n  <tuv xml:lang="en"><seg>Human rights.</seg></tuv>\n'
                               '  <tuv xml:lang="ru"><seg>Права человека.</seg></tuv>\n</tu>\n')
                           .replace('encoding="UTF-8"', 'encoding="windows-1251"').encode("cp1251"),
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
