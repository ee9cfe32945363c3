"""Walking the body XML: what a reader of the printed agreement sees, with stable anchors."""

from __future__ import annotations

import zipfile

import pytest
from docx_factory import make_docx, p, r, styles_xml
from lxml import etree

from slalint.readers.docx import iter_part_runs, paragraph_runs, read_docx, split_typed_label
from slalint.readers.docx.xml import qn


def only_paragraph(doc):
    (para,) = [x for x in doc.paragraphs()]
    return para


def test_content_controls_and_insertions_are_read_deletions_left_out(tmp_path):
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="Provider"/></w:sdtPr><w:sdtContent>'
        f"<w:p>{r('The Provider ')}"
        f'<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">{r("shall ")}</w:ins>'
        '<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>may </w:delText></w:r></w:del>'
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:delText>moved </w:delText></w:r></w:moveFrom>'
        '<w:sdt><w:sdtContent><w:r><w:t>respond within 4 hours.</w:t></w:r></w:sdtContent></w:sdt>'
        "</w:p></w:sdtContent></w:sdt>"
    )
    doc = read_docx(make_docx(tmp_path / "t.docx", body))
    para = only_paragraph(doc)
    assert para.text == "The Provider shall respond within 4 hours."
    inserted = [m for m in para.marks if m.kind == "inserted"]
    assert [para.text[m.start:m.end] for m in inserted] == ["shall "]
    assert doc.metadata.has_tracked_changes


def test_field_results_kept_and_field_codes_dropped(tmp_path):
    body = (
        "<w:p>"
        + r("See clause ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\r \\h </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("9.3")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + r(" and page ")
        + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>4</w:t></w:r></w:fldSimple>'
        + r(".")
        + "</w:p>"
    )
    para = only_paragraph(read_docx(make_docx(tmp_path / "f.docx", body)))
    assert para.text == "See clause 9.3 and page 4."
    fields = {para.text[m.start:m.end]: m.value for m in para.marks if m.kind == "field"}
    assert fields == {"9.3": "REF _Ref1 \\r \\h", "4": "PAGE"}


def test_field_without_result_and_nested_fields(tmp_path):
    body = (
        "<w:p>"
        + r("A")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD x</w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("hidden-inner")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("B")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>XE "x"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + r("C")
        + "</w:p>"
    )
    para = only_paragraph(read_docx(make_docx(tmp_path / "n.docx", body)))
    assert para.text == "ABC"


def test_hyperlinks_smart_tags_tabs_breaks_and_hidden_text(tmp_path):
    body = (
        '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>status page</w:t></w:r></w:hyperlink>'
        '<w:smartTag w:uri="x" w:element="place"><w:r><w:t xml:space="preserve"> London</w:t></w:r></w:smartTag>'
        '<w:r><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET</w:t></w:r>'
        "</w:p>"
    )
    para = only_paragraph(read_docx(make_docx(tmp_path / "h.docx", body, hyperlinks={"rIdLink": "https://status.example.com"})))
    assert para.text == "status page London\tx\ny"
    (link,) = [m for m in para.marks if m.kind == "hyperlink"]
    assert (para.text[link.start:link.end], link.value) == ("status page", "https://status.example.com")


def test_bold_and_highlight_marks_merge_across_runs(tmp_path):
    body = '<w:p>' + r("Service ", bold=True) + r("Credits", bold=True) + r(" means ") + '<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>[X]</w:t></w:r></w:p>'
    para = only_paragraph(read_docx(make_docx(tmp_path / "m.docx", body)))
    bold = [para.text[m.start:m.end] for m in para.marks if m.kind == "bold"]
    assert bold == ["Service Credits"]
    (hl,) = [m for m in para.marks if m.kind == "highlight"]
    assert para.text[hl.start:hl.end] == "[X]" and hl.value == "yellow"


def test_tables_keep_rows_and_cells(tmp_path):
    def cell(*texts):
        return "<w:tc>" + "".join(p(t) for t in texts) + "</w:tc>"

    body = (
        p("Priority matrix", style="Heading1")
        + "<w:tbl><w:tr>" + cell("Priority") + cell("Response") + "</w:tr>"
        + "<w:tr>" + cell("P1") + cell("15 minutes", "24x7") + "</w:tr></w:tbl>"
        + p("After the table.")
    )
    doc = read_docx(make_docx(tmp_path / "tbl.docx", body, styles=styles_xml()))
    (section,) = doc.sections()
    table, after = section.blocks
    assert [[c.text for c in row.cells] for row in table.rows] == [["Priority", "Response"], ["P1", "15 minutes\n24x7"]]
    assert table.anchor.paragraph == 1
    assert [p.anchor.paragraph for p in table.paragraphs()] == [1, 2, 3, 4, 5]
    assert after.anchor.paragraph == 6 and after.text == "After the table."


def test_anchor_is_ordinal_among_all_w_p_elements(tmp_path):
    body = p("first") + p("") + "<w:sdt><w:sdtContent>" + p("in control") + "</w:sdtContent></w:sdt>" + p("last")
    path = make_docx(tmp_path / "o.docx", body)
    doc = read_docx(path)
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    all_p = list(root.iter(qn("w:p")))
    for para in doc.paragraphs():
        element = all_p[para.anchor.paragraph]
        assert "".join(t.text for t in element.iter(qn("w:t"))) == para.text


def test_text_box_paragraphs_are_read_once_with_their_own_ordinals(tmp_path):
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent>" + p("box text") + "</w:txbxContent>"
    body = (
        p("before")
        + f'<w:p><w:r><w:t>with box </w:t></w:r><w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps">'
        + f"<w:drawing>{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        + "</mc:AlternateContent></w:r></w:p>"
        + f'<w:p><w:del w:id="1" w:author="A"><w:r><w:pict>{box}</w:pict></w:r></w:del><w:r><w:t>after deletion</w:t></w:r></w:p>'
        + "<w:tbl><w:tr><w:tc>" + p("cell") + "</w:tc></w:tr></w:tbl>"
        + p("last")
    )
    path = make_docx(tmp_path / "box.docx", body)
    doc = read_docx(path)
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    all_p = list(root.iter(qn("w:p")))
    got = [(p.text, p.anchor.paragraph) for p in doc.paragraphs()]
    # the box follows the paragraph it is anchored in; its mc:Fallback copy (ordinal 3) and
    # the box inside deleted text (ordinal 5) are not read
    assert got == [("before", 0), ("with box", 1), ("box text", 2), ("after deletion", 4), ("cell", 6), ("last", 7)]
    for text, ordinal in got:
        assert text in "".join(t.text for t in all_p[ordinal].iter(qn("w:t")))
    assert all_p[7].findtext(f"{qn('w:r')}/{qn('w:t')}") == "last"


def test_text_boxes_in_headers_and_nested_boxes(tmp_path):
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    inner = "<w:txbxContent>" + p("inner box") + "</w:txbxContent>"
    outer = (
        "<w:txbxContent>" + p("outer box")
        + f"<w:p><w:r><w:t>holds </w:t></w:r><w:r><w:pict>{inner}</w:pict></w:r></w:p>"
        + "</w:txbxContent>"
    )
    body = p("Services") + f"<w:p><w:r><w:drawing>{outer}</w:drawing></w:r></w:p>" + p("after")
    header = (
        f'<w:p><w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps"><w:drawing>'
        + "<w:txbxContent>" + p("Crown Copyright 2021") + "</w:txbxContent>"
        + "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" + p("Crown Copyright 2021")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    path = make_docx(tmp_path / "nested.docx", body, headers={"header1": header})
    doc = read_docx(path)
    got = [(p.text, p.anchor.paragraph) for p in doc.paragraphs()]
    assert got == [("Services", 0), ("outer box", 2), ("holds", 3), ("inner box", 4), ("after", 5)]
    assert [(b.text, b.anchor.paragraph) for b in doc.parts["header1"]] == [("Crown Copyright 2021", 1)]
    assert doc.metadata.word_count == 7


@pytest.mark.parametrize(
    ("raw", "label", "text"),
    [
        ("4.2 Termination. Either party may", "4.2", "Termination. Either party may"),
        ("4.2\tTermination", "4.2", "Termination"),
        ("12.\tFees", "12.", "Fees"),
        ("3\tPricing and payments", "3", "Pricing and payments"),
        ("(b) the Supplier shall", "(b)", "the Supplier shall"),
        ("(iv)\tnotify the Buyer", "(iv)", "notify the Buyer"),
        ("b) any other costs", "b)", "any other costs"),
        ("A. Definitions", "A.", "Definitions"),
        ("ARTICLE IV", "ARTICLE IV", ""),
        ("ARTICLE IV - TERM AND TERMINATION", "ARTICLE IV", "TERM AND TERMINATION"),
        ("Schedule A \u2013 Service Levels", "Schedule A", "Service Levels"),
        ("Section 4.2 applies to every Service Credit claimed under this Agreement and its schedules.", None, None),
        ("30 days after notice", None, None),
        ("1.5 million users may", None, None),
        ("I. Introduction", "I.", "Introduction"),
        ("The Supplier shall", None, None),
        ("4.2", None, None),
        ("(b)", None, None),
    ],
)
def test_split_typed_label(raw, label, text):
    got, offset = split_typed_label(raw)
    assert got == label
    if label is not None:
        assert raw[offset:].rstrip() == text


def test_typed_label_is_split_from_text_and_runs_follow(tmp_path):
    body = "<w:p>" + r("4.2") + "<w:r><w:tab/></w:r>" + r("Termination.", bold=True) + r(" Either party may terminate.") + "</w:p>"
    path = make_docx(tmp_path / "runs.docx", body)
    para = only_paragraph(read_docx(path))
    assert (para.label, para.text) == ("4.2", "Termination. Either party may terminate.")
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    p_el = next(root.iter(qn("w:p")))
    runs = paragraph_runs(p_el, para.text)
    texts = ["".join(t.text for t in run.iter(qn("w:t"))) for _s, _e, run in runs]
    assert texts == ["4.2", "", "Termination.", " Either party may terminate."]
    for start, end, run in runs[2:]:
        assert para.text[start:end] == "".join(t.text for t in run.iter(qn("w:t")))
    # without the model text, offsets index the full visible text
    full = paragraph_runs(p_el)
    assert [(s, e) for s, e, _ in full][:2] == [(0, 3), (3, 4)]
    (index, raw, part_runs), = list(iter_part_runs(root))
    assert index == 0 and raw == "4.2\tTermination. Either party may terminate."
    assert [(s, e) for s, e, _ in part_runs] == [(s, e) for s, e, _ in full]


def test_paragraph_runs_skip_deleted_text(tmp_path):
    xml = (
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:r><w:t>keep </w:t></w:r><w:del><w:r><w:delText>gone </w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t>new</w:t></w:r></w:ins></w:p>'
    )
    p_el = etree.fromstring(xml)
    runs = paragraph_runs(p_el)
    assert [(s, e) for s, e, _ in runs] == [(0, 5), (5, 8)]


def test_headers_footers_and_footnotes_are_separate_parts(tmp_path):
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Measured monthly.</w:t></w:r></w:p></w:footnote>'
    )
    body = '<w:p><w:r><w:t>Uptime is 99.9%.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    doc = read_docx(
        make_docx(
            tmp_path / "parts.docx",
            body,
            footnotes=footnotes,
            headers={"header1": p("CONFIDENTIAL"), "footer1": p("Page footer")},
        )
    )
    assert [p.text for p in doc.paragraphs()] == ["Uptime is 99.9%."]
    assert doc.parts["header1"][0].text == "CONFIDENTIAL"
    assert doc.parts["footer1"][0].text == "Page footer"
    (note,) = doc.parts["footnotes"]
    assert note.text == "Measured monthly." and note.anchor.part == "footnotes" and note.anchor.paragraph == 1


@pytest.mark.parametrize(
    "markup",
    [
        '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="A"><w:rPr/></w:rPrChange></w:rPr><w:t>Fees</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t>Fees</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:jc w:val="center"/><w:pPrChange w:id="1" w:author="A"><w:pPr/></w:pPrChange></w:pPr><w:r><w:t>Fees</w:t></w:r></w:p>',
        '<w:tbl><w:tr><w:trPr><w:ins w:id="1" w:author="A"/></w:trPr><w:tc><w:p><w:r><w:t>Fees</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    ],
)
def test_formatting_and_paragraph_mark_revisions_count_as_tracked_changes(tmp_path, markup):
    doc = read_docx(make_docx(tmp_path / "rev.docx", markup))
    assert doc.metadata.has_tracked_changes


def test_no_tracked_changes(tmp_path):
    assert not read_docx(make_docx(tmp_path / "clean.docx", p("Fees are due monthly."))).metadata.has_tracked_changes


def test_table_row_deleted_with_tracked_changes_is_left_out(tmp_path):
    body = (
        "<w:tbl><w:tr><w:tc>" + p("P1") + "</w:tc></w:tr>"
        '<w:tr><w:trPr><w:del w:id="1" w:author="A"/></w:trPr><w:tc>' + p("P9") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p("P2") + "</w:tc></w:tr></w:tbl>"
    )
    doc = read_docx(make_docx(tmp_path / "rows.docx", body))
    (table,) = doc.root.blocks
    assert [[c.text for c in row.cells] for row in table.rows] == [["P1"], ["P2"]]
    assert [p.anchor.paragraph for p in table.paragraphs()] == [0, 2]


def test_paragraph_runs_on_python_docx_elements_with_styles(tmp_path):
    import docx

    from slalint.readers.docx.styles import StyleSheet

    d = docx.Document()
    para = d.add_paragraph()
    para.add_run("Uptime is ")
    para.add_run("99.9%").bold = True
    para.add_run(" monthly.")
    path = tmp_path / "pd.docx"
    d.save(path)
    model = next(read_docx(path).paragraphs())
    reopened = docx.Document(path)
    runs = paragraph_runs(reopened.paragraphs[0]._p, model.text, StyleSheet(reopened.styles.element))
    assert [model.text[s:e] for s, e, _r in runs] == ["Uptime is ", "99.9%", " monthly."]
    assert [docx.text.run.Run(r, None).text for _s, _e, r in runs] == ["Uptime is ", "99.9%", " monthly."]


def test_numbered_paragraph_in_a_text_box_does_not_move_clause_numbers(tmp_path):
    from docx_factory import level, numbering_xml

    box = "<w:txbxContent>" + p("Callout item", num=(1, 0)) + "</w:txbxContent>"
    body = (
        p("Services", num=(1, 0))
        + f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{r("Fees")}<w:r><w:drawing>{box}</w:drawing></w:r></w:p>'
        + p("Term", num=(1, 0))
    )
    doc = read_docx(make_docx(tmp_path / "numbox.docx", body, numbering=numbering_xml({1: level(0, "decimal", "%1.")}, {1: 1})))
    assert [(s.label, s.title) for s in doc.sections()] == [("1", "Services"), ("2", "Fees"), ("3", "Term")]
    callout = [b for b in doc.paragraphs() if b.text == "Callout item"]
    assert len(callout) == 1 and callout[0].anchor.paragraph == 2
