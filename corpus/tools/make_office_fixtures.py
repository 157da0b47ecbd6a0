#!/usr/bin/env python3
"""Writes the small Office fixtures in this folder: customers.xlsx, letter.docx and deck.pptx.

The XML is written by hand the way Excel, Word and PowerPoint write it (namespaces,
relationships, styles, shared strings stored after the sheets), with clearly synthetic values
that the built-in identifiers accept (taken from corpus/identifiers/*.cases). The zips are
deterministic: running the script again gives the same bytes. Standard library only.

    python3 corpus/tools/make_office_fixtures.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "formats")
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DML = "http://schemas.openxmlformats.org/drawingml/2006/main"
PML = "http://schemas.openxmlformats.org/presentationml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def write_zip(name, parts):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w") as archive:
        for part_name, text in parts:
            info = zipfile.ZipInfo(part_name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    print("wrote", path, os.path.getsize(path), "bytes")


def relationships(*rels):
    body = "".join(
        '<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % (rid, REL, kind, target)
        for rid, kind, target in rels)
    return DECL + '<Relationships xmlns="%s">%s</Relationships>' % (PKG_REL, body)


def content_types(overrides):
    body = ('<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>')
    body += "".join('<Override PartName="%s" ContentType="%s"/>' % item for item in overrides)
    return DECL + '<Types xmlns="%s">%s</Types>' % (CT, body)


CORE = (DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<dc:title>Synthetic fixture</dc:title><dc:creator>tamis corpus</dc:creator>'
        '</cp:coreProperties>')
ROOT_RELS = relationships(("rId1", "officeDocument", "%s"),
                          ("rId2", "metadata/core-properties", "docProps/core.xml"))


# ---- customers.xlsx ------------------------------------------------------------------------

def column_letters(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def make_xlsx():
    strings = []

    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def sheet(rows):
        xml_rows = []
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, value in enumerate(row, start=1):
                ref = column_letters(c) + str(r)
                style = ' s="1"' if r == 1 else ""
                if value is None:
                    continue
                if isinstance(value, (int, float)):
                    cells.append('<c r="%s"%s><v>%s</v></c>' % (ref, style, value))
                else:
                    cells.append('<c r="%s"%s t="s"><v>%d</v></c>' % (ref, style, shared(value)))
            xml_rows.append('<row r="%d" spans="1:%d">%s</row>' % (r, len(row), "".join(cells)))
        return (DECL + '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1:%s%d"/>'
                '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
                '<sheetFormatPr defaultRowHeight="15"/><sheetData>%s</sheetData>'
                '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
                'footer="0.3"/></worksheet>'
                % (SML, REL, column_letters(len(rows[0])), len(rows), "".join(xml_rows)))

    customers = sheet([
        ["Name", "SSN", "Email", "Card number", "IBAN", "Balance"],
        ["Jane Sample", "536-22-1849", "jane.sample@example.com", "4329 0669 6704 9377",
         "GB59 UODD 7622 6374 5149 62", 1520.75],
        ["John Example", "601-83-2017", "john.example@example.org", "5356-0886-1683-7344",
         None, 87],
    ])
    keys = sheet([
        ["Service", "AWS access key id", "AWS secret access key"],
        ["billing-export", "AKIAWX6NKXXG52QQLRR7", "rhTuvqCdmPG0tmKXPDZpAemm1za7v0fHhvjwdbT2"],
    ])
    shared_strings = (DECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
                      % (SML, len(strings), len(strings),
                         "".join("<si><t>%s</t></si>" % escape(s) for s in strings)))
    workbook = (DECL + '<workbook xmlns="%s" xmlns:r="%s"><bookViews><workbookView/></bookViews>'
                '<sheets><sheet name="Customers" sheetId="1" r:id="rId1"/>'
                '<sheet name="Access keys" sheetId="2" r:id="rId2"/></sheets></workbook>'
                % (SML, REL))
    styles = (DECL + '<styleSheet xmlns="%s"><fonts count="2"><font><sz val="11"/></font>'
              '<font><b/><sz val="11"/></font></fonts><cellXfs count="2"><xf fontId="0"/>'
              '<xf fontId="1" applyFont="1"/></cellXfs></styleSheet>' % SML)
    sheet_type = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    write_zip("customers.xlsx", [
        ("[Content_Types].xml", content_types([
            ("/xl/workbook.xml", sheet_type + "sheet.main+xml"),
            ("/xl/worksheets/sheet1.xml", sheet_type + "worksheet+xml"),
            ("/xl/worksheets/sheet2.xml", sheet_type + "worksheet+xml"),
            ("/xl/styles.xml", sheet_type + "styles+xml"),
            ("/xl/sharedStrings.xml", sheet_type + "sharedStrings+xml")])),
        ("_rels/.rels", ROOT_RELS % "xl/workbook.xml"),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", relationships(
            ("rId1", "worksheet", "worksheets/sheet1.xml"),
            ("rId2", "worksheet", "worksheets/sheet2.xml"),
            ("rId3", "styles", "styles.xml"),
            ("rId4", "sharedStrings", "sharedStrings.xml"))),
        ("xl/worksheets/sheet1.xml", customers),
        ("xl/worksheets/sheet2.xml", keys),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", shared_strings),  # after the sheets, as Excel stores it
        ("docProps/core.xml", CORE),
    ])


# ---- letter.docx ---------------------------------------------------------------------------

def word(root, body):
    return (DECL + '<w:%s xmlns:w="%s" xmlns:r="%s" xmlns:mc="%s" mc:Ignorable="">%s</w:%s>'
            % (root, WML, REL, MC, body, root))


def paragraph(*runs):
    return "<w:p>%s</w:p>" % "".join(
        '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(run) for run in runs)


def make_docx():
    cell = lambda text: '<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>%s</w:tc>' % (
        paragraph(text))
    table = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>'
             '<w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
             '<w:tr>%s%s</w:tr><w:tr>%s%s</w:tr><w:tr>%s%s</w:tr></w:tbl>'
             % (cell("Employee"), cell("Jane Sample"), cell("SSN"), cell("536-22-1849"),
                cell("Card number:"), cell("4329 0669 6704 9377")))
    body = ("<w:body>" + paragraph("Dear Ms Sample,") +
            # A number split across runs by formatting, as Word does.
            paragraph("Your reimbursement goes to IBAN ", "GB59 UODD ", "7622 6374 5149 62",
                      ".") + table +
            '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Regards, Payroll</w:t></w:r>'
            '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
            '<w:sectPr><w:headerReference w:type="default" r:id="rId2"/></w:sectPr></w:body>')
    comment = ('<w:comment w:id="0" w:author="Ops" w:date="2024-01-01T00:00:00Z" w:initials="O">'
               + paragraph("Upload with aws_secret_access_key = "
                           "rhTuvqCdmPG0tmKXPDZpAemm1za7v0fHhvjwdbT2") + "</w:comment>")
    word_type = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    write_zip("letter.docx", [
        ("[Content_Types].xml", content_types([
            ("/word/document.xml", word_type + "document.main+xml"),
            ("/word/header1.xml", word_type + "header+xml"),
            ("/word/comments.xml", word_type + "comments+xml")])),
        ("_rels/.rels", ROOT_RELS % "word/document.xml"),
        ("word/document.xml", word("document", body)),
        ("word/_rels/document.xml.rels", relationships(
            ("rId1", "comments", "comments.xml"), ("rId2", "header", "header1.xml"))),
        ("word/header1.xml", word("hdr", paragraph("Acme Payroll, confidential"))),
        ("word/comments.xml", word("comments", comment)),
        ("docProps/core.xml", CORE),
    ])


# ---- deck.pptx -----------------------------------------------------------------------------

def slide(root, *paragraphs):
    text = "".join("<a:p><a:r><a:rPr lang=\"en-US\"/><a:t>%s</a:t></a:r></a:p>" % escape(p)
                   for p in paragraphs)
    return (DECL + '<p:%s xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:cSld><p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Content"/><p:cNvSpPr/><p:nvPr/>'
            '</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>%s</p:txBody></p:sp>'
            '</p:spTree></p:cSld></p:%s>' % (root, DML, REL, PML, text, root))


def make_pptx():
    deck_type = "application/vnd.openxmlformats-officedocument.presentationml."
    presentation = (DECL + '<p:presentation xmlns:p="%s" xmlns:r="%s"><p:sldIdLst>'
                    '<p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst>'
                    '<p:sldSz cx="12192000" cy="6858000"/></p:presentation>' % (PML, REL))
    write_zip("deck.pptx", [
        ("[Content_Types].xml", content_types([
            ("/ppt/presentation.xml", deck_type + "presentation.main+xml"),
            ("/ppt/slides/slide1.xml", deck_type + "slide+xml"),
            ("/ppt/slides/slide2.xml", deck_type + "slide+xml")])),
        ("_rels/.rels", ROOT_RELS % "ppt/presentation.xml"),
        ("ppt/presentation.xml", presentation),
        ("ppt/_rels/presentation.xml.rels", relationships(
            ("rId2", "slide", "slides/slide1.xml"), ("rId3", "slide", "slides/slide2.xml"))),
        ("ppt/slides/slide1.xml", slide("sld", "Quarterly review", "Payroll migration status")),
        ("ppt/slides/slide2.xml", slide("sld", "Vendor payment details",
                                        "IBAN GB59 UODD 7622 6374 5149 62",
                                        "Card number: 5356-0886-1683-7344")),
        ("docProps/core.xml", CORE),
    ])


if __name__ == "__main__":
    make_xlsx()
    make_docx()
    make_pptx()
