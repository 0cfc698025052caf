#!/usr/bin/env python3
"""Writes the well-formedness fixtures of this folder (issue 15); the older files here were
written by hand. Run: python3 tests/malformed/tbx/make_corpus.py. Output is deterministic."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en">\n<text>\n<body>\n'
TAIL = '</body>\n</text>\n</tbx>\n'


def entry(en='camp', kk='лагерь', attrs=''):
    return ('<conceptEntry id="c1"%s>\n  <langSec xml:lang="en"><termSec><term>%s</term></termSec></langSec>\n'
            '  <langSec xml:lang="kk"><termSec><term>%s</term></termSec></langSec>\n</conceptEntry>\n'
            % (attrs, en, kk))


def doc(body):
    return HEAD + body + TAIL


CASES = {
    "attr_lt.tbx": doc(entry(attrs=' note="a<b"')),
    "duplicate_attr.tbx": doc(entry(attrs=' id="c2"')),
    "cdata_end_in_text.tbx": doc(entry(en='camp ]]> x')),
    "comment_double_dash.tbx": doc('<!-- a -- b -->\n' + entry()),
    "undeclared_entity.tbx": doc(entry(en='camp&nbsp;x')),
    "char_ref_nonchar.tbx": doc(entry(en='camp&#1;')),
    "bad_element_name.tbx": doc(entry(en='camp <1hi>x</1hi>')),
    "deep_nesting.tbx": doc(entry(en='<hi>' * 300 + 'camp' + '</hi>' * 300)),
    "mismatched_tags.tbx": doc(entry(en='<hi>camp</term></hi>')),
    "second_root.tbx": doc(entry()) + '<tbx/>\n',
    "text_after_root.tbx": doc(entry()) + 'garbage\n',
    "xml_decl_not_first.tbx": '\n' + doc(entry()),
    "whitespace_only.tbx": "  \n\n\t\n",
    "declared_utf16_is_utf8.tbx": doc(entry()).replace('encoding="UTF-8"', 'encoding="UTF-16"'),
}
BINARY = {
    "pdf_bytes.tbx": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "utf32le_bom.tbx": b"\xff\xfe\x00\x00" + doc(entry()).replace('encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32-le"),
    "utf16be_no_bom.tbx": doc(entry()).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"),
    "declared_cp1251.tbx": doc(entry(en='camp', kk='лагерь')).replace('xml:lang="kk"', 'xml:lang="ru"')
                           .replace('encoding="UTF-8"', 'encoding="windows-1251"').encode("cp1251"),
}

for name, text in CASES.items():
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
for name, data in BINARY.items():
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
print("wrote %d files" % (len(CASES) + len(BINARY)))
