"""Word automatic numbering rendered as Word prints it (numbering.xml -> "4.2", "(b)")."""

from __future__ import annotations

import pytest
from docx_factory import level, make_docx, numbering_xml, p, styles_xml

from slalint.readers.docx import read_docx
from slalint.readers.docx.numbering import format_number

LEGAL = level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") + level(2, "lowerLetter", "(%3)") + level(3, "lowerRoman", "(%4)")


def labels(doc) -> list[str]:
    return [p.label for p in doc.paragraphs() if p.label]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (4, "decimal", "4"),
        (3, "decimalZero", "03"),
        (12, "decimalZero", "12"),
        (2, "lowerLetter", "b"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (2, "ordinal", "2nd"),
        (13, "ordinal", "13th"),
        (3, "cardinalText", "Three"),
        (7, "someFutureFormat", "7"),
    ],
)
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_multilevel_labels_restart_deeper_levels(tmp_path):
    body = "".join(
        [
            p("Services", num=(1, 0)),
            p("Scope", num=(1, 1)),
            p("Support", num=(1, 1)),
            p("first item", num=(1, 2)),
            p("second item", num=(1, 2)),
            p("sub item", num=(1, 3)),
            p("Fees", num=(1, 0)),
            p("Invoices", num=(1, 1)),
            p("item again", num=(1, 2)),
        ]
    )
    doc = read_docx(make_docx(tmp_path / "a.docx", body, styles=styles_xml(), numbering=numbering_xml({1: LEGAL}, {1: 1})))
    assert labels(doc) == ["1.", "1.1", "1.2", "(a)", "(b)", "(i)", "2.", "2.1", "(a)"]
    # the label is not part of the text
    assert [p.text for p in doc.paragraphs()][:2] == ["Services", "Scope"]


def test_start_values_and_start_override(tmp_path):
    levels = level(0, "upperRoman", "ARTICLE %1", start=3) + level(1, "decimal", "%1.%2", start=5)
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    body = p("First", num=(1, 0)) + p("x", num=(1, 1)) + p("y", num=(1, 1)) + p("Restarted", num=(2, 0)) + p("Next", num=(2, 0))
    doc = read_docx(make_docx(tmp_path / "s.docx", body, numbering=numbering_xml({7: levels}, {1: 7, 2: (7, override)})))
    assert labels(doc) == ["ARTICLE III", "III.5", "III.6", "ARTICLE I", "ARTICLE II"]


def test_nums_sharing_an_abstract_continue_one_list(tmp_path):
    body = p("one", num=(1, 0)) + p("two", num=(1, 0)) + p("three", num=(2, 0))
    doc = read_docx(make_docx(tmp_path / "c.docx", body, numbering=numbering_xml({1: level(0, "decimal", "%1.")}, {1: 1, 2: 1})))
    assert labels(doc) == ["1.", "2.", "3."]


def test_restart_on_one_num_carries_into_the_nums_sharing_its_abstract(tmp_path):
    # Word keeps the counters on the abstract numbering: a heading given "Restart
    # numbering" (a second num with startOverride) restarts the shared list, and clauses
    # still numbered through the first num continue from the restart ("1.1", not "3.1").
    levels = level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2")
    restart = "".join(f'<w:lvlOverride w:ilvl="{n}"><w:startOverride w:val="1"/></w:lvlOverride>' for n in range(2))
    body = (
        p("Services", num=(1, 0)) + p("Scope", num=(1, 1)) + p("Fees", num=(1, 0))
        + p("KPIs", num=(2, 0)) + p("Measures", num=(1, 1)) + p("Credits", num=(1, 0)) + p("Cap", num=(1, 1))
    )
    doc = read_docx(make_docx(tmp_path / "restart.docx", body, numbering=numbering_xml({1: levels}, {1: 1, 2: (1, restart)})))
    assert labels(doc) == ["1.", "1.1", "2.", "1.", "1.1", "2.", "2.1"]


def test_lvl_restart_zero_never_restarts(tmp_path):
    levels = level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)", extra='<w:lvlRestart w:val="0"/>')
    body = p("A", num=(1, 0)) + p("a", num=(1, 1)) + p("B", num=(1, 0)) + p("b", num=(1, 1))
    doc = read_docx(make_docx(tmp_path / "r.docx", body, numbering=numbering_xml({1: levels}, {1: 1})))
    assert labels(doc) == ["1.", "(a)", "2.", "(b)"]


def test_is_lgl_shows_legal_decimal_numbers(tmp_path):
    levels = level(0, "upperRoman", "Article %1") + level(1, "decimal", "%1.%2", extra="<w:isLgl/>")
    body = p("Definitions", num=(1, 0)) + p("Terms", num=(1, 0)) + p("Meaning", num=(1, 1))
    doc = read_docx(make_docx(tmp_path / "l.docx", body, numbering=numbering_xml({1: levels}, {1: 1})))
    assert labels(doc) == ["Article I", "Article II", "2.1"]


def test_level_override_replaces_level_definition(tmp_path):
    override = f'<w:lvlOverride w:ilvl="0">{level(0, "upperLetter", "%1)", start=2)}</w:lvlOverride>'
    body = p("x", num=(1, 0)) + p("y", num=(1, 0))
    doc = read_docx(make_docx(tmp_path / "o.docx", body, numbering=numbering_xml({1: level(0, "decimal", "%1.")}, {1: (1, override)})))
    assert labels(doc) == ["B)", "C)"]


def test_numbering_attached_through_style(tmp_path):
    extra = (
        '<w:style w:type="paragraph" w:styleId="ClauseL1"><w:name w:val="Clause L1"/><w:basedOn w:val="Heading1"/>'
        '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ClauseL2"><w:name w:val="Clause L2"/>'
        '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    )
    levels = level(0, "decimal", "%1", extra='<w:pStyle w:val="ClauseL1"/>') + level(1, "decimal", "%1.%2", extra='<w:pStyle w:val="ClauseL2"/>')
    body = p("Term", style="ClauseL1") + p("This Agreement starts on the Effective Date.", style="ClauseL2") + p("Fees", style="ClauseL1")
    doc = read_docx(make_docx(tmp_path / "st.docx", body, styles=styles_xml(extra), numbering=numbering_xml({4: levels}, {3: 4})))
    assert labels(doc) == ["1", "1.1", "2"]
    sections = list(doc.sections())
    assert [(s.ref, s.title, s.level) for s in sections] == [("1", "Term", 1), ("1.1", "", 2), ("2", "Fees", 1)]


def test_num_style_link_follows_numbering_style(tmp_path):
    extra = (
        '<w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
    )
    numbering = numbering_xml(
        {1: '<w:numStyleLink w:val="LegalList"/>', 2: level(0, "lowerRoman", "(%1)") + '<w:styleLink w:val="LegalList"/>'},
        {4: 1, 5: 2},
    )
    body = p("alpha", num=(4, 0)) + p("beta", num=(4, 0))
    doc = read_docx(make_docx(tmp_path / "link.docx", body, styles=styles_xml(extra), numbering=numbering))
    assert labels(doc) == ["(i)", "(ii)"]


def test_bullets_are_list_items_not_sections(tmp_path):
    levels = '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
    body = p("Uptime", style="Heading1") + p("99.9% monthly", num=(1, 0)) + p("measured per calendar month", num=(1, 0))
    doc = read_docx(make_docx(tmp_path / "b.docx", body, styles=styles_xml(), numbering=numbering_xml({1: levels}, {1: 1})))
    (section,) = doc.sections()
    assert section.title == "Uptime"
    assert [b.kind for b in section.blocks] == ["list_item", "list_item"]
    assert [b.label for b in section.blocks] == ["•", "•"]


def test_num_id_zero_removes_style_numbering(tmp_path):
    extra = '<w:style w:type="paragraph" w:styleId="Num"><w:name w:val="Num"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    body = p("numbered", style="Num") + p("not numbered", style="Num", num=(0, 0)) + p("numbered again", style="Num")
    doc = read_docx(make_docx(tmp_path / "z.docx", body, styles=styles_xml(extra), numbering=numbering_xml({1: level(0, "decimal", "%1.")}, {1: 1})))
    assert [p.label for p in doc.paragraphs()] == ["1.", None, "2."]


def test_paragraph_deleted_with_tracked_changes_is_not_numbered(tmp_path):
    deleted = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
        '<w:rPr><w:del w:id="9" w:author="A"/></w:rPr></w:pPr>'
        '<w:del w:id="10" w:author="A"><w:r><w:delText>Old clause</w:delText></w:r></w:del></w:p>'
    )
    body = p("Scope", num=(1, 0)) + deleted + p("Fees", num=(1, 0))
    doc = read_docx(make_docx(tmp_path / "del.docx", body, numbering=numbering_xml({1: level(0, "decimal", "%1.")}, {1: 1})))
    assert [(s.label, s.title) for s in doc.sections()] == [("1", "Scope"), ("2", "Fees")]
    assert doc.metadata.has_tracked_changes
