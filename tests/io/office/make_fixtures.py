#!/usr/bin/python3
"""DOCX and ODT fixtures for tests/io/office_test.cc and the twin test (office_twin.sh).

  make_fixtures.py              rewrites the committed fixtures next to this script:
      writer.docx   python3-docx (Debian): headings, split runs, hidden run, tab, break,
                    no-break space, a table, header and footer
      writer.odt    python3-odf (Debian): headings, spans, text:s, tab, line break, a list,
                    a table, a footnote, a text box, header and footer
      tricky.docx   hand-written WordprocessingML for what python3-docx cannot write: tracked
                    insertions/deletions and a deleted paragraph mark, moves, complex and
                    simple fields (nested), hidden text, runs split mid-word, a text box in
                    mc:AlternateContent (DrawingML choice + VML fallback), footnotes with
                    separator notes, an endnote, no-break and soft hyphens, sdt, hyperlink
      tricky.odt    hand-written ODF: tracked changes (deletion stored in
                    text:tracked-changes, insertion in the body), notes, text box, soft page
                    break, hidden text, annotation, covered table cell
  make_fixtures.py twin IN.txt OUT.docx OUT.odt [SEED]
                    the plain-text document IN.txt (one paragraph per line) as DOCX and ODT,
                    each paragraph's runs/spans cut at random places (mid-word), with hidden
                    runs, bookmarks and proofing marks thrown in: what a reader sees is IN.txt.

Deterministic: fixed timestamps in the zips, seeded randomness.
"""
import io
import os
import random
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2024, 1, 1, 0, 0, 0)


def write_zip(path, entries):
    """entries: [(name, text or bytes, stored?)] written with fixed timestamps."""
    with zipfile.ZipFile(path, 'w') as z:
        for name, data, stored in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data)


def normalize_zip(path):
    """Rewrites a zip made by a library with fixed timestamps (reproducible fixtures)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename), i.compress_type == zipfile.ZIP_STORED)
                   for i in z.infolist()]
    write_zip(path, entries)


# ---------------------------------------------------------------- python3-docx

def writer_docx(path):
    import docx
    from docx.enum.text import WD_BREAK
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = 'Amnesty briefing — header'
    d.sections[0].footer.paragraphs[0].text = 'Page footer'
    d.add_heading('Detention in Xinjiang', level=1)
    p = d.add_paragraph()
    for piece in ['The detai', 'nees were ', 'held without ', 'tri', 'al.']:
        p.add_run(piece)
    hidden = p.add_run(' HIDDEN NOTE')
    hidden.font.hidden = True
    p.add_run(' They were released.')
    p = d.add_paragraph('Column A')
    p.add_run().add_tab()
    p.add_run('Column B')
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run('second line\u00a0with no-break space.')
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = 'Cell one.'
    t.cell(0, 1).text = 'Cell two.'
    t.cell(1, 0).text = 'Cell three.'
    t.cell(1, 1).paragraphs[0].text = 'Cell four, first.'
    t.cell(1, 1).add_paragraph('Cell four, second.')
    d.add_paragraph('Адам құқықтары туралы.')
    d.add_paragraph('')
    d.add_paragraph('Права человека.')
    d.save(path)
    normalize_zip(path)


# ---------------------------------------------------------------- python3-odf

def writer_odt(path):
    from odf.opendocument import OpenDocumentText
    from odf import style, text, table, draw
    doc = OpenDocumentText()
    frame_style = style.Style(name='fr1', family='graphic')
    doc.automaticstyles.addElement(frame_style)
    layout = style.PageLayout(name='pm1')
    doc.automaticstyles.addElement(layout)
    master = style.MasterPage(name='Standard', pagelayoutname=layout)
    header = style.Header()
    header.addElement(text.P(text='Report header'))
    master.addElement(header)
    footer = style.Footer()
    footer.addElement(text.P(text='Report footer'))
    master.addElement(footer)
    doc.masterstyles.addElement(master)

    doc.text.addElement(text.H(outlinelevel=1, text='Detention in Xinjiang'))
    p = text.P(text='The detai')
    p.addElement(text.Span(text='nees were'))
    p.addElement(text.S(c=3))
    p.addText('held')
    p.addElement(text.Tab())
    p.addText('without trial.')
    p.addElement(text.LineBreak())
    p.addText('Second line.')
    note = text.Note(id='ftn1', noteclass='footnote')
    note.addElement(text.NoteCitation(text='1'))
    body = text.NoteBody()
    body.addElement(text.P(text='Source: interviews, 2019.'))
    note.addElement(body)
    p.addElement(note)
    doc.text.addElement(p)

    lst = text.List()
    item = text.ListItem()
    item.addElement(text.P(text='First item.'))
    lst.addElement(item)
    doc.text.addElement(lst)

    t = table.Table(name='T1')
    t.addElement(table.TableColumn(numbercolumnsrepeated=2))
    for row in [['Cell one.', 'Cell two.'], ['Cell three.', 'Cell four.']]:
        tr = table.TableRow()
        for cell in row:
            tc = table.TableCell()
            tc.addElement(text.P(text=cell))
            tr.addElement(tc)
        t.addElement(tr)
    doc.text.addElement(t)

    p = text.P(text='Anchor paragraph.')
    frame = draw.Frame(stylename=frame_style, width='5cm', height='2cm', anchortype='paragraph')
    box = draw.TextBox()
    box.addElement(text.P(text='Text box content.'))
    frame.addElement(box)
    p.addElement(frame)
    doc.text.addElement(p)
    doc.text.addElement(text.P(text='Адам құқықтары туралы.'))
    doc.save(path)
    normalize_zip(path)


# ---------------------------------------------------------------- hand-written DOCX

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'mc:Ignorable="wps"')

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''


def r(t, props=''):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        '<w:rPr>%s</w:rPr>' % props if props else '', t)


def tricky_document():
    body = []
    # 1. Runs split mid-word, proofing and bookmark marks between them.
    body.append('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>' + r('Deten')
                + '<w:proofErr w:type="spellStart"/>' + r('tion') + '<w:bookmarkStart w:id="0" w:name="a"/>'
                + r(' cen') + '<w:bookmarkEnd w:id="0"/>' + r('tres exist.') + '</w:p>')
    # 2. Tracked changes: an insertion kept, a deletion dropped, a move.
    body.append('<w:p>' + r('The camps ')
                + '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">were </w:t></w:r></w:ins>'
                + '<w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">are not </w:delText></w:r></w:del>'
                + r('documented')
                + '<w:moveFrom w:id="3" w:author="A"><w:r><w:t> twice</w:t></w:r></w:moveFrom>'
                + '<w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> by satellite</w:t></w:r></w:moveTo>'
                + r('.') + '</w:p>')
    # 3. A paragraph whose mark is deleted joins the next one.
    body.append('<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr>'
                + r('Joined ') + '</w:p>')
    body.append('<w:p>' + r('paragraph.') + '</w:p>')
    # 4. A paragraph deleted entirely disappears.
    body.append('<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="A"/></w:rPr></w:pPr>'
                '<w:del w:id="7" w:author="A"><w:r><w:delText>Gone entirely.</w:delText></w:r></w:del></w:p>')
    # 5. Fields: complex field (code dropped, result kept), nested, fldSimple, a field without
    #    result, hidden text.
    body.append('<w:p>' + r('See page ')
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                + '<w:r><w:instrText xml:space="preserve"> PAGEREF _Ref1 \\h </w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NESTED</w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>NESTEDRESULT</w:t></w:r>'
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + r('12') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                + r(' and ') + '<w:fldSimple w:instr=" DATE "><w:r><w:t>1 May 2024</w:t></w:r></w:fldSimple>'
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TC "x" </w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                + r(' secret', '<w:vanish/>') + r(' shown', '<w:vanish w:val="0"/>')
                + r('.') + '</w:p>')
    # 6. Breaks, tabs, hyphens, a symbol, in a hyperlink and an sdt.
    body.append('<w:p><w:hyperlink r:id="rId9"><w:r><w:t>Line</w:t><w:br/><w:t>two</w:t><w:tab/>'
                '<w:t>tab</w:t><w:cr/><w:t>cr non</w:t><w:noBreakHyphen/><w:t>breaking co</w:t>'
                '<w:softHyphen/><w:t>operation</w:t><w:sym w:font="Symbol" w:char="F0B7"/>'
                '<w:t>.</w:t></w:r></w:hyperlink></w:p>')
    body.append('<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p>'
                + r('In a content control.') + '</w:p></w:sdtContent></w:sdt>')
    # 7. A text box in mc:AlternateContent: one branch only, after its anchor paragraph.
    box = '<w:txbxContent><w:p>' + r('Text box %s.') + '</w:p></w:txbxContent>'
    body.append('<w:p>' + r('Anchor ') + '<w:r><mc:AlternateContent>'
                '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
                '<wps:wsp><wps:txbx>' + box % 'content' + '</wps:txbx></wps:wsp>'
                '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
                '<mc:Fallback><w:pict><v:shape><v:textbox>' + box % 'FALLBACK'
                + '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
                + r('paragraph.') + '</w:p>')
    # 8. A table: cell by cell, row by row, a nested table, a footnote reference.
    cell = lambda t: '<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr><w:p>' + r(t) + '</w:p></w:tc>'
    nested = ('<w:tc><w:tbl><w:tr>' + cell('Nested one.') + cell('Nested two.') + '</w:tr></w:tbl>'
              '<w:p/></w:tc>')
    body.append('<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
                '<w:tr>' + cell('A1.') + cell('B1.') + '</w:tr>'
                '<w:tr>' + nested + cell('B2.') + '</w:tr></w:tbl>')
    body.append('<w:p>' + r('Noted') + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                '<w:footnoteReference w:id="2"/></w:r>' + r(' here.')
                + '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>')
    body.append('<w:p/><w:p>' + r('   ') + '</w:p>')
    body.append('<w:sectPr><w:headerReference w:type="default" r:id="rId5"/></w:sectPr>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
            '</w:body></w:document>' % (W_NS, '\n'.join(body)))


def notes(kind):
    sep = ('<w:%s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:%s>'
           '<w:%s w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
           '</w:r></w:p></w:%s>') % (kind, kind, kind, kind)
    text = {'footnote': ['Footnote one.', 'Footnote two, first.', 'Footnote two, second.'],
            'endnote': ['Endnote one.']}[kind]
    ref = '<w:r><w:%sRef/></w:r>' % kind
    if kind == 'footnote':
        body = ('<w:footnote w:id="1"><w:p>%s%s</w:p></w:footnote>'
                '<w:footnote w:id="2"><w:p>%s%s</w:p><w:p>%s</w:p></w:footnote>'
                % (ref, r(' ' + text[0]), ref, r(' ' + text[1]), r(text[2])))
    else:
        body = '<w:endnote w:id="1"><w:p>%s%s</w:p></w:endnote>' % (ref, r(' ' + text[0]))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:%ss %s>%s%s</w:%ss>'
            % (kind, W_NS, sep, body, kind))


def furniture(kind, words):
    tag = {'header': 'hdr', 'footer': 'ftr'}[kind]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:%s %s><w:p>%s</w:p></w:%s>'
            % (tag, W_NS, r(words), tag))


def tricky_docx(path):
    write_zip(path, [('[Content_Types].xml', CONTENT_TYPES, False), ('_rels/.rels', RELS, False),
                     ('word/document.xml', tricky_document(), False),
                     ('word/footnotes.xml', notes('footnote'), False),
                     ('word/endnotes.xml', notes('endnote'), False),
                     ('word/header1.xml', furniture('header', 'Header one.'), False),
                     ('word/header2.xml', furniture('header', 'Header two.'), False),
                     ('word/footer1.xml', furniture('footer', 'Footer one.'), False)])


def prefixes_docx(path):
    """WordprocessingML under the default namespace and under prefix 'x', while 'w' names
    another namespace: names are matched by namespace, never by prefix."""
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:w="urn:example:not-word"><body>'
           '<p><r><t>Default namespace.</t></r><w:r><w:t>NOT WORD</w:t></w:r></p>'
           '<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<x:r><x:t>Prefix x</x:t></x:r><x:r><x:rPr><x:vanish/></x:rPr><x:t>HIDDEN</x:t></x:r>'
           '<x:r><x:t>.</x:t></x:r></x:p>'
           '<w:p><w:r><w:t>NOT WORD EITHER</w:t></w:r></w:p>'
           '<p xmlns="urn:example:other"><r><t>OTHER</t></r></p>'
           '</body></document>')
    write_zip(path, [('word/document.xml', doc, False)])


# ---------------------------------------------------------------- hand-written ODT

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3"')

MANIFEST = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>'''


def tricky_content():
    b = []
    b.append('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
             '<office:change-info><dc:creator>A</dc:creator></office:change-info>'
             '<text:p>DELETED TEXT</text:p></text:deletion></text:changed-region>'
             '<text:changed-region text:id="c2"><text:insertion><office:change-info>'
             '<dc:creator>A</dc:creator></office:change-info></text:insertion>'
             '</text:changed-region></text:tracked-changes>')
    b.append('<text:sequence-decls><text:sequence-decl text:display-outline-level="0" '
             'text:name="Table"/></text:sequence-decls>')
    b.append('<text:h text:outline-level="1">Deten<text:span text:style-name="T1">tion</text:span>'
             ' centres</text:h>')
    b.append('<text:p>The camps <text:change text:change-id="c1"/><text:change-start '
             'text:change-id="c2"/>were <text:change-end text:change-id="c2"/>documented'
             '<text:s text:c="1000000000"/>by<text:tab/>satellite<text:line-break/>imagery.</text:p>')
    b.append('<text:p>Split <text:soft-page-break/>across pages'
             '<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
             '<text:note-body><text:p>Footnote one.</text:p></text:note-body></text:note>'
             '<text:note text:id="n2" text:note-class="endnote"><text:note-citation>i</text:note-citation>'
             '<text:note-body><text:p>Endnote one.</text:p></text:note-body></text:note>'
             '.<office:annotation><dc:creator>A</dc:creator><text:p>A COMMENT</text:p></office:annotation>'
             '<text:hidden-text text:condition="ooow:1" text:string-value="HIDDEN" text:is-hidden="true">HIDDEN</text:hidden-text>'
             '</text:p>')
    b.append('<text:p>Anchor <draw:frame draw:name="f1"><draw:text-box><text:p>Text box content.'
             '</text:p></draw:text-box><svg:desc>ALT TEXT</svg:desc></draw:frame>paragraph.</text:p>')
    b.append('<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>'
             '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Merged.</text:p>'
             '</table:table-cell><table:covered-table-cell><text:p>COVERED</text:p></table:covered-table-cell>'
             '</table:table-row><table:table-row><table:table-cell><text:p>A2.</text:p></table:table-cell>'
             '<table:table-cell><text:p>B2.</text:p></table:table-cell></table:table-row></table:table>')
    b.append('<text:list><text:list-item><text:p>Item <text:a xlink:href="http://x" '
             'xmlns:xlink="http://www.w3.org/1999/xlink">with link</text:a>.</text:p></text:list-item></text:list>')
    b.append('<text:p/><text:p>   </text:p>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body>'
            '<office:text>%s</office:text></office:body></office:document-content>'
            % (ODF_NS, '\n'.join(b)))


def tricky_odt(path, mimetype='application/vnd.oasis.opendocument.text'):
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s>'
              '<office:master-styles><style:master-page style:name="Standard">'
              '<style:header><text:p>Header one.</text:p></style:header>'
              '<style:footer><text:p>Footer one.</text:p></style:footer>'
              '</style:master-page></office:master-styles></office:document-styles>' % ODF_NS)
    write_zip(path, [('mimetype', mimetype, True), ('content.xml', tricky_content(), False),
                     ('styles.xml', styles, False), ('META-INF/manifest.xml', MANIFEST, False)])


# ---------------------------------------------------------------- twins

def twin(txt_path, docx_path, odt_path, seed):
    import docx
    from odf.opendocument import OpenDocumentText
    from odf import text
    rng = random.Random(seed)
    lines = [l.rstrip('\n') for l in open(txt_path, encoding='utf-8')]

    def cuts(s):
        k = rng.randint(0, min(3, len(s)))
        at = sorted(rng.sample(range(1, len(s)), k)) if len(s) > 1 and k else []
        pieces, last = [], 0
        for a in at + [len(s)]:
            pieces.append(s[last:a])
            last = a
        return [p for p in pieces if p]

    d = docx.Document()
    o = OpenDocumentText()
    for line in lines:
        if not line.strip():
            continue  # a blank line separates paragraphs in text; here paragraphs do
        p = d.add_paragraph()
        op = text.P()
        for i, piece in enumerate(cuts(line)):
            p.add_run(piece)
            if rng.random() < 0.3:
                p.add_run('HIDDEN').font.hidden = True
            if i % 2:
                op.addElement(text.Span(text=piece))
            else:
                op.addText(piece)
        d_paragraph = p
        o.text.addElement(op)
    d.save(docx_path)
    o.save(odt_path)


def main():
    if len(sys.argv) >= 5 and sys.argv[1] == 'twin':
        twin(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 1)
        return
    writer_docx(os.path.join(HERE, 'writer.docx'))
    writer_odt(os.path.join(HERE, 'writer.odt'))
    tricky_docx(os.path.join(HERE, 'tricky.docx'))
    prefixes_docx(os.path.join(HERE, 'prefixes.docx'))
    tricky_odt(os.path.join(HERE, 'tricky.odt'))


if __name__ == '__main__':
    main()
