"""Building the section tree: headings, numbered clauses, typed numbers, pseudo-headings,
plus document metadata and existing Word comments."""

from __future__ import annotations

import hashlib

import docx
from docx_factory import level, make_docx, numbering_xml, p, r, styles_xml

from slalint.readers.docx import read_docx


def tree(doc) -> list[tuple[int, str | None, str | None, str]]:
    return [(s.level, s.label, s.ref, s.title) for s in doc.sections()]


def test_heading_styles_custom_styles_and_outline_levels(tmp_path):
    extra = (
        '<w:style w:type="paragraph" w:styleId="ClauseHeading"><w:name w:val="Clause Heading"/><w:basedOn w:val="Heading2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/></w:style>'
    )
    body = (
        p("Managed Services Agreement", style="Title")
        + p("Services", style="Heading1")
        + p("Scope", style="ClauseHeading")
        + p("The Provider will monitor the Customer's servers.", style="Body")
        + p("Escalation", extra_ppr='<w:outlineLvl w:val="2"/>')
        + p("Fees", style="Heading1")
    )
    doc = read_docx(make_docx(tmp_path / "h.docx", body, styles=styles_xml(extra)))
    assert doc.title == "Managed Services Agreement"
    assert tree(doc) == [(1, None, None, "Services"), (2, None, None, "Scope"), (3, None, None, "Escalation"), (1, None, None, "Fees")]
    scope = doc.sections().__next__().children[0]
    assert [b.text for b in scope.blocks] == ["The Provider will monitor the Customer's servers."]
    assert scope.heading.kind == "heading" and scope.heading.style == "Clause Heading"


def test_numbered_clause_title_is_bold_lead_in(tmp_path):
    levels = level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") + level(2, "lowerLetter", "(%3)")
    body = (
        p("Term and Termination", num=(1, 0))
        + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
        + r("Termination.", bold=True) + r(" Either party may terminate this Agreement:") + "</w:p>"
        + p("for material breach; or", num=(1, 2))
        + p("on insolvency.", num=(1, 2))
        + p("The Customer may terminate for convenience on 30 days' notice.", num=(1, 1))
    )
    doc = read_docx(make_docx(tmp_path / "c.docx", body, numbering=numbering_xml({1: levels}, {1: 1})))
    assert tree(doc) == [
        (1, "1", "1", "Term and Termination"),  # Word's "%1." prints "1.": the label drops the full stop
        (2, "1.1", "1.1", "Termination"),
        (3, "(a)", "1.1(a)", ""),
        (3, "(b)", "1.1(b)", ""),
        (2, "1.2", "1.2", ""),
    ]
    clause = doc.find_section("Section 1.1")
    assert clause is not None and clause.heading is None and clause.blocks[0].text.startswith("Termination. Either party")
    assert doc.find_section("1.1(b)").blocks[0].text == "on insolvency."


def test_typed_numbers_articles_schedules_and_roman_items(tmp_path):
    body = (
        p("ARTICLE I - DEFINITIONS", bold=True)
        + p("1.1 Agreement means this agreement.")
        + p("ARTICLE II - SERVICES", bold=True)
        + p("2.1 Support. The Provider will:")
        + p("(a) answer calls;")
        + p("(h) keep records;")
        + p("(i) report monthly;")
        + p("(j) review quarterly.")
        + p("2.2 Incidents. Priority 1 incidents:")
        + p("(i) are answered in 15 minutes;")
        + p("(ii) are resolved in 4 hours.")
        + p("Schedule A \u2013 Service Levels", bold=True)
        + p("1. Availability. The Service will be available 99.9% of the time.")
    )
    doc = read_docx(make_docx(tmp_path / "typed.docx", body))
    assert tree(doc) == [
        (1, "Article I", "Article I", "DEFINITIONS"),
        (2, "1.1", "1.1", ""),
        (1, "Article II", "Article II", "SERVICES"),
        (2, "2.1", "2.1", "Support"),
        (3, "(a)", "2.1(a)", ""),
        (3, "(h)", "2.1(h)", ""),
        (3, "(i)", "2.1(i)", ""),
        (3, "(j)", "2.1(j)", ""),
        (2, "2.2", "2.2", "Incidents"),
        (3, "(i)", "2.2(i)", ""),
        (3, "(ii)", "2.2(ii)", ""),
        (1, "Schedule A", "Schedule A", "Service Levels"),
        (2, "1", "1", "Availability"),
    ]
    first = doc.find_section("2.1")
    assert first.blocks[0].text == "Support. The Provider will:" and first.blocks[0].label == "2.1"


def test_bold_pseudo_headings_when_no_heading_styles(tmp_path):
    body = (
        p("SERVICE LEVEL AGREEMENT", bold=True)
        + p("This agreement sets out the service levels.")
        + p("Response Times", bold=True)
        + p("Priority 1 incidents are answered within one hour.")
        + p("EXCLUSIONS")
        + p("Scheduled maintenance is excluded.")
    )
    doc = read_docx(make_docx(tmp_path / "pseudo.docx", body))
    assert doc.title == "SERVICE LEVEL AGREEMENT"
    assert tree(doc) == [(1, None, None, "Response Times"), (1, None, None, "EXCLUSIONS")]
    assert [b.text for b in doc.root.blocks] == ["SERVICE LEVEL AGREEMENT", "This agreement sets out the service levels."]


def test_metadata_core_properties_and_hash(tmp_path):
    path = make_docx(
        tmp_path / "meta.docx",
        p("Fees", style="Heading1") + p("The Customer pays monthly in advance."),
        styles=styles_xml(),
        core={"title": "MSP Agreement", "creator": "Jane Counsel", "lastModifiedBy": "Bob"},
    )
    before = path.read_bytes()
    doc = read_docx(path)
    assert path.read_bytes() == before  # input never modified
    md = doc.metadata
    assert md.source_format == "docx"
    assert md.sha256 == hashlib.sha256(before).hexdigest()
    assert md.title == "MSP Agreement" and doc.title == "MSP Agreement"
    assert md.core_properties["creator"] == "Jane Counsel" and md.core_properties["lastModifiedBy"] == "Bob"
    assert md.word_count == 7
    assert not md.has_tracked_changes and not md.has_comments


def test_existing_word_comments_are_anchored(tmp_path):
    comments = (
        '<w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>slalint: ignore SLA-CREDIT-001</w:t></w:r></w:p></w:comment>'
        '<w:comment w:id="1" w:author="Counsel"><w:p><w:r><w:t>Check this.</w:t></w:r></w:p></w:comment>'
    )
    body = (
        p("Preamble text.")
        + "<w:p>" + r("1.1 ") + r("Credits are ") + '<w:commentRangeStart w:id="0"/>' + r("capped at 10%")
        + '<w:commentRangeEnd w:id="0"/>' + r(" of fees.") + '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
        + '<w:p><w:commentRangeStart w:id="1"/>' + r("First line") + "</w:p>"
        + "<w:p>" + r("second line") + '<w:commentRangeEnd w:id="1"/></w:p>'
    )
    doc = read_docx(make_docx(tmp_path / "comments.docx", body, comments=comments))
    assert doc.metadata.has_comments
    c0, c1 = doc.comments
    assert (c0.author, c0.text, c0.quote) == ("Reviewer", "slalint: ignore SLA-CREDIT-001", "capped at 10%")
    assert c0.anchor.paragraph == 1
    para = next(p for p in doc.paragraphs() if p.anchor.paragraph == 1)
    assert para.label == "1.1" and para.text[c0.anchor.start:c0.anchor.end] == "capped at 10%"
    assert (c1.anchor.paragraph, c1.quote) == (2, "First line\nsecond line")


def test_python_docx_document_with_builtin_styles(tmp_path):
    d = docx.Document()
    d.add_paragraph("Master Services Agreement", style="Title")
    d.add_heading("Definitions", level=1)
    d.add_paragraph("In this Agreement the following terms apply.")
    d.add_heading("Service Levels", level=1)
    d.add_heading("Availability", level=2)
    d.add_paragraph("Monthly uptime", style="List Bullet")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Priority", "Response"
    table.cell(1, 0).text, table.cell(1, 1).text = "P1", "1 hour"
    path = tmp_path / "pd.docx"
    d.save(path)
    doc = read_docx(path)
    assert doc.title == "Master Services Agreement"
    assert [(s.level, s.title) for s in doc.sections()] == [(1, "Definitions"), (1, "Service Levels"), (2, "Availability")]
    availability = doc.find_section("Availability") or list(doc.sections())[-1]
    kinds = [getattr(b, "kind", None) for b in availability.blocks]
    assert kinds == ["list_item", "table"]
    assert availability.blocks[0].label == "•"
    assert availability.blocks[1].rows[1].cells[1].text == "1 hour"


def test_underlined_lead_in_is_the_clause_title(tmp_path):
    body = (
        "<w:p>" + r("7.3 ") + '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>Service credit regime and exclusive remedies</w:t></w:r>'
        + r(". The credits in Schedule 2 are the Customer's sole remedy.") + "</w:p>"
    )
    doc = read_docx(make_docx(tmp_path / "u.docx", body))
    (section,) = doc.sections()
    assert (section.ref, section.title) == ("7.3", "Service credit regime and exclusive remedies")


def test_cover_page_captions_and_change_log_above_the_title_are_not_sections(tmp_path):
    def row(*cells):
        return "<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in cells) + "</w:tr>"

    change_log = "<w:tbl>" + row("Version", "Date", "Comments") + row("v1.0", "28/10/17", "Baseline") + "</w:tbl>"
    body = (
        p("Version Control", bold=True) + change_log
        + p("ACME MANAGED IT LIMITED", bold=True) + p("and", bold=True) + p("NORTHWIND LIMITED", bold=True)
        + p("Managed Services Agreement", bold=True)
        + p("DEFINITIONS", bold=True) + p("Terms defined in the Order have the same meaning here.")
        + p("SERVICE LEVELS", bold=True) + p("The Provider will meet the Service Levels in the table below.")
    )
    doc = read_docx(make_docx(tmp_path / "cover.docx", body))
    assert doc.title == "Managed Services Agreement"
    assert tree(doc) == [(1, None, None, "DEFINITIONS"), (1, None, None, "SERVICE LEVELS")]
    # the cover page stays in the document, as blocks before the first section
    cover = [getattr(b, "text", None) for b in doc.root.blocks]
    assert cover[:2] == ["Version Control", None] and "ACME MANAGED IT LIMITED" in cover


def test_annex_given_an_outline_level_is_a_sibling_of_the_open_annex(tmp_path):
    # CCS service requirements: Annexes A, C, D are typed in an annex style, Annex B alone
    # carries an outline level; Word's reader still sees four sibling annexes.
    body = (
        p("Facilities Management Service Requirements", style="Title")
        + p("Services", style="Heading1")
        + p("The Supplier will provide the Services.")
        + p("Annex A – Service Standards", bold=True)
        + p("The standards apply to every building.")
        + p("ANNEX B LEGISLATIVE STANDARDS", bold=True, extra_ppr='<w:outlineLvl w:val="0"/>')
        + p("The Supplier will comply with the legislation listed below.")
        + p("ANNEX C WASTE DISPOSAL", bold=True)
        + p("Waste is classified as set out below.")
    )
    doc = read_docx(make_docx(tmp_path / "annex.docx", body, styles=styles_xml()))
    top = [(s.label, s.title) for s in doc.root.children]
    assert top == [(None, "Services"), ("Annex A", "Service Standards"), ("Annex B", "LEGISLATIVE STANDARDS"), ("Annex C", "WASTE DISPOSAL")]
