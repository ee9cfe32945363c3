"""The Markdown and plain-text readers: numbered clauses, headings, lists, tables, comments,
page furniture of EDGAR text, and bad input."""

from __future__ import annotations

import hashlib

import pytest

from slalint.document.model import Table
from slalint.errors import DocumentReadError
from slalint.readers import read_document
from slalint.readers.markdown_inline import render_inline
from slalint.readers.numbering_patterns import match_label, roman_to_int
from slalint.readers.text import read_markdown, read_plain_text


def outline(doc):
    return [(s.level, s.label, s.ref, s.title) for s in doc.sections()]


# --- rule-case snippets ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# 12. Limitation of liability\n12.1 The Supplier's aggregate liability shall not exceed £1,000,000.\n",
        "# 12. Limitation of liability\n\n12.1 The Supplier's aggregate liability shall not exceed £1,000,000.\n",
    ],
)
def test_snippet_heading_and_clause(text):
    doc = read_markdown(text)
    assert outline(doc) == [(1, "12", "12", "Limitation of liability"), (2, "12.1", "12.1", "")]
    clause = doc.find_section("12.1")
    para = clause.blocks[0]
    assert para.label == "12.1"
    assert para.text == "The Supplier's aggregate liability shall not exceed £1,000,000."
    assert para.anchor.paragraph == text.split("\n").index(next(l for l in text.split("\n") if l.startswith("12.1")))
    assert para.anchor.line == para.anchor.paragraph + 1


def test_single_numbered_clause():
    doc = read_markdown("4.2 The Provider shall respond within four (4) hours.")
    [sec] = list(doc.sections())
    assert (sec.label, sec.ref, sec.level, sec.title) == ("4.2", "4.2", 1, "")
    assert sec.blocks[0].text == "The Provider shall respond within four (4) hours."
    assert sec.blocks[0].display == "4.2 The Provider shall respond within four (4) hours."


def test_heading_plus_two_paragraphs():
    doc = read_markdown("## Termination\n\nEither party may terminate.\n\nNotice must be written.\n")
    [sec] = list(doc.sections())
    assert (sec.label, sec.title, sec.level) == (None, "Termination", 1)
    assert [p.text for p in sec.blocks] == ["Either party may terminate.", "Notice must be written."]
    assert [p.anchor.line for p in sec.blocks] == [3, 5]
    assert sec.heading.kind == "heading"


def test_consecutive_numbered_lines_are_separate_clauses():
    doc = read_markdown("12.1 The Supplier shall pay.\n12.2 The Customer shall pay.\n12.3 Neither shall pay.\n")
    assert [s.label for s in doc.sections()] == ["12.1", "12.2", "12.3"]


def test_wrapped_cross_reference_is_not_a_clause():
    text = "4.1 The Customer may terminate as set out in Section\n4.2 of this Agreement and in clause\n7.3.\n"
    doc = read_markdown(text)
    assert [s.label for s in doc.sections()] == ["4.1"]
    assert doc.find_section("4.1").blocks[0].text.endswith("in clause 7.3.")


# --- numbering ---------------------------------------------------------------------------


def test_sub_items_get_full_references():
    text = (
        "4.2 Service Credits. The Provider shall pay credits:\n\n"
        "(a) for availability below 99.9%;\n\n"
        "(b) for late responses, where:\n\n"
        "(i) the incident was Priority 1; and\n\n"
        "(ii) it was reported by phone.\n\n"
        "4.3 Exclusions. None.\n"
    )
    doc = read_markdown(text)
    refs = [(s.ref, s.level) for s in doc.sections()]
    assert refs == [("4.2", 1), ("4.2(a)", 2), ("4.2(b)", 2), ("4.2(b)(i)", 3), ("4.2(b)(ii)", 3), ("4.3", 1)]
    assert doc.find_section("4.2").title == "Service Credits"
    assert doc.find_section("4.2(b)(ii)").label == "(ii)"


def test_letter_i_after_h_is_a_letter_not_a_roman_numeral():
    items = "".join(f"({c}) item {c};\n\n" for c in "abcdefghij")
    doc = read_markdown("7.1 Customer shall:\n\n" + items)
    labels = [s.ref for s in doc.sections()]
    assert labels[-3:] == ["7.1(h)", "7.1(i)", "7.1(j)"]
    assert all(s.level == 2 for s in list(doc.sections())[1:])


def test_typed_item_label_and_nested_decimal():
    doc = read_markdown("4.2(a) The Provider shall keep records.\n\n4.2.1 Records are kept for two years.\n")
    secs = list(doc.sections())
    assert [s.label for s in secs] == ["4.2(a)", "4.2.1"]
    assert secs[0].ref == "4.2(a)"


def test_section_keyword_label_is_the_number():
    doc = read_plain_text("Section 4. Term\n\nThis Agreement starts on the Effective Date.\n\nSection 5. Fees\n\nFees are due.\n")
    secs = list(doc.sections())
    assert [(s.label, s.title) for s in secs] == [("4", "Term"), ("5", "Fees")]
    assert doc.find_section("Section 4") is secs[0]
    assert [p.text for p in secs[0].blocks] == ["This Agreement starts on the Effective Date."]


def test_article_with_title_on_next_line_and_sections_under_it():
    text = "ARTICLE IV\n\nTERM AND TERMINATION\n\n4.1 Term. This Agreement lasts three years.\n\nARTICLE V\n\nFEES\n\n5.1 Fees. Fees are due monthly.\n"
    doc = read_plain_text(text)
    assert outline(doc) == [
        (1, "Article IV", "Article IV", "TERM AND TERMINATION"),
        (2, "4.1", "4.1", "Term"),
        (1, "Article V", "Article V", "FEES"),
        (2, "5.1", "5.1", "Fees"),
    ]


def test_schedule_heading_versus_schedule_in_a_sentence():
    text = "1. Services. The Provider shall provide the Services.\n\nExhibit A lists the fees.\n\nSCHEDULE A - SERVICE LEVELS\n\n1. Availability. 99.9% each month.\n"
    doc = read_plain_text(text)
    assert outline(doc) == [
        (1, "1", "1", "Services"),
        (1, "Schedule A", "Schedule A", "SERVICE LEVELS"),
        (2, "1", "1", "Availability"),
    ]
    assert doc.find_section("1").blocks[1].text == "Exhibit A lists the fees."


@pytest.mark.parametrize(
    "line",
    ["2005 and ending February 28, 2006.", "30 days after notice.", "$1,000 per month.", "1.5% per month of late fees.",
     "12/31/2020 is the end date.", "Exhibit 10.3", "Page 3 of 10"],
)
def test_not_clause_numbers(line):
    lm = match_label(line)
    assert lm is None or lm.family == "annex" and "." not in lm.label


@pytest.mark.parametrize(
    ("text", "label", "family"),
    [("4.2 The", "4.2", "decimal"), ("4.2. The", "4.2", "decimal"), ("(a) the", "(a)", "alpha"), ("(iv) the", "(iv)", "roman"),
     ("a. For", "a.", "alpha"), ("Section 7.1 Fees", "7.1", "decimal"), ("ARTICLE IV DEFINITIONS", "Article IV", "article"),
     ("Schedule B", "Schedule B", "annex"), ("Annex 1 – Pricing", "Annex 1", "annex"), ("(i) the", "(i)", "alpha_or_roman")],
)
def test_match_label(text, label, family):
    lm = match_label(text)
    assert lm is not None and (lm.label, lm.family) == (label, family)


def test_roman_numerals():
    assert [roman_to_int(t) for t in ("i", "iv", "IX", "xiv", "abc", "")] == [1, 4, 9, 14, None, None]


# --- Markdown constructs -----------------------------------------------------------------


def test_atx_setext_and_front_matter_title():
    text = "---\ntitle: Hosting Terms\nversions: x\n---\nIntro words here.\n\nFees\n----\n\nPay monthly.\n\n## Term\n\nOne year.\n"
    doc = read_markdown(text)
    assert doc.metadata.title == "Hosting Terms"
    assert [(s.title, s.level) for s in doc.sections()] == [("Fees", 1), ("Term", 1)]
    assert doc.root.blocks[0].anchor.line == 5


def test_first_h1_is_the_title():
    doc = read_markdown("# Managed Services Agreement\n\n## 1. Services\n\nText.\n\n## 2. Fees\n\nMore.\n")
    assert doc.metadata.title == "Managed Services Agreement"
    assert doc.root.title == "Managed Services Agreement"
    assert [(s.label, s.title, s.level) for s in doc.sections()] == [("1", "Services", 1), ("2", "Fees", 1)]


def test_bullets_and_ordered_list_inside_a_section_are_list_items():
    text = "## Exclusions\n\nDowntime excludes:\n\n1. scheduled maintenance;\n2. force majeure; and\n   - floods\n   - strikes\n3. customer faults.\n"
    doc = read_markdown(text)
    [sec] = list(doc.sections())
    kinds = [(p.kind, p.label, p.level) for p in sec.blocks]
    assert kinds == [("paragraph", None, None), ("list_item", "1.", 0), ("list_item", "2.", 0), ("list_item", "•", 1),
                     ("list_item", "•", 1), ("list_item", "3.", 0)]
    assert sec.blocks[2].text == "force majeure; and"


def test_top_level_ordered_lists_are_section_numbering():
    text = (
        "# Service Level Agreement\n\n"
        "1. <span class=\"header_2\">Remedies</span>\n"
        "    1. <span class=\"header_3\">Service Credit.</span>  Customer is eligible for credits.\n"
        "    2. <span class=\"header_3\">Requesting A Service Credit.</span>  Customer must notify Provider.\n"
        "        a. For Uptime Credit, Customer must include dates.\n"
        "        b. For Response Time Credit, Customer must include tickets.\n\n"
        "2. <span class=\"header_2\">Definitions</span>\n"
        "    1. **\"SLA\"** means these terms.\n"
    )
    doc = read_markdown(text)
    assert outline(doc) == [
        (1, "1", "1", "Remedies"),
        (2, "1.1", "1.1", "Service Credit"),
        (2, "1.2", "1.2", "Requesting A Service Credit"),
        (3, "a.", "1.2(a)", ""),
        (3, "b.", "1.2(b)", ""),
        (1, "2", "2", "Definitions"),
        (2, "2.1", "2.1", ""),
    ]
    para = doc.find_section("2.1").blocks[0]
    assert para.text == "\"SLA\" means these terms."
    bold = [m for m in para.marks if m.kind == "bold"]
    assert [para.text[m.start:m.end] for m in bold] == ['"SLA"']


def test_bold_numbered_clauses():
    text = (
        "**1. The Agreement**. These terms govern use.\n\n"
        "**2. Data**.\n\n"
        "**2.1.** Use of Customer Data. Provider will use Customer Data only to provide the service.\n"
    )
    doc = read_markdown(text)
    assert [(s.label, s.title, s.level) for s in doc.sections()] == [
        ("1", "The Agreement", 1), ("2", "Data", 1), ("2.1", "Use of Customer Data", 2)]
    assert doc.find_section("1").blocks[0].text == "The Agreement. These terms govern use."


def test_bold_pseudo_headings():
    text = (
        "## Fees\n\n"
        "**Termination**\n\n"
        "Either party may end the plan.\n\n"
        "**Fees for Paid Services.** Some services cost money.\n\n"
        "**“Affiliate”** means an entity under common control.\n\n"
        "**Effective Date:** March 17, 2026\n"
    )
    doc = read_markdown(text)
    assert [(s.label, s.title, s.level) for s in doc.sections()] == [
        (None, "Fees", 1), (None, "Termination", 2), (None, "Fees for Paid Services", 2)]
    last = list(doc.sections())[-1]
    assert [p.text[:11] for p in last.blocks] == ["Fees for Pa", "“Affiliate”", "Effective D"]


def test_pipe_table():
    text = "## Response times\n\n| Priority | Response |\n| :--- | ---: |\n| P1 | 1 hour |\n| P2 \\| P3 | **4** hours |\n"
    doc = read_markdown(text)
    [sec] = list(doc.sections())
    [table] = sec.blocks
    assert isinstance(table, Table)
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [["Priority", "Response"], ["P1", "1 hour"], ["P2 | P3", "4 hours"]]
    assert table.anchor.line == 3
    assert table.rows[2].cells[0].paragraphs[0].anchor.line == 6


def test_comments_are_anchored_on_the_next_block():
    text = "## Liability\n\n<!-- slalint: ignore SLA-LIAB-001 negotiated cap -->\n12.1 The cap is the fees paid.\n\nText <!-- inline note --> here.\n"
    doc = read_markdown(text)
    assert doc.metadata.has_comments
    c1, c2 = doc.comments
    assert c1.text == "slalint: ignore SLA-LIAB-001 negotiated cap" and c1.author is None
    assert c1.anchor.line == 4
    assert c2.text == "inline note" and c2.anchor.line == 6
    assert "<!--" not in doc.root.text()


def test_inline_markup_is_removed_with_marks():
    text, marks, comments = render_inline('See [the SLA](https://x.test/sla) and **Service Credits** \\(as `defined`\\) &amp; more.')
    assert text == "See the SLA and Service Credits (as defined) & more."
    assert [(text[m.start:m.end], m.kind, m.value) for m in marks] == [
        ("the SLA", "hyperlink", "https://x.test/sla"), ("Service Credits", "bold", None)]
    assert comments == []
    assert render_inline("snake_case_name and 2 * 3 * 4")[0] == "snake_case_name and 2 * 3 * 4"


def test_all_caps_heading_in_markdown_paragraph():
    doc = read_markdown("INTRODUCTION\n\nThis plan evaluates the contractor.\n\nSTANDARD\n\nThe contractor is responsible.\n")
    assert [s.title for s in doc.sections()] == ["INTRODUCTION", "STANDARD"]


# --- plain text (EDGAR) ------------------------------------------------------------------

EDGAR = """EXHIBIT 10.3

HOSTING AGREEMENT

This Hosting Agreement is made between Acme Hosting, Inc. and Beta Corp.

1. Definitions. Capitalised terms have the meanings below.

2. Services. Acme shall host the Customer Site and shall use commercially reasonable efforts to keep it available, subject to the

7

Source: BETA CORP, 10-K, 3/1/2001





scheduled maintenance windows described in Exhibit A.

2.1 Support. Acme shall answer calls.

Page 2 of 3

Source: BETA CORP, 10-K, 3/1/2001





3. Fees. Customer shall pay $500 per month.

EXHIBIT A

SERVICE LEVELS

Availability will be 99.5%.

Source: BETA CORP, 10-K, 3/1/2001
"""


def test_edgar_text_page_furniture_and_split_paragraph():
    doc = read_plain_text(EDGAR, "x.txt")
    assert doc.metadata.title == "HOSTING AGREEMENT"
    assert outline(doc) == [
        (1, "1", "1", "Definitions"),
        (1, "2", "2", "Services"),
        (2, "2.1", "2.1", "Support"),
        (1, "3", "3", "Fees"),
        (1, "Exhibit A", "Exhibit A", "SERVICE LEVELS"),
    ]
    services = doc.find_section("2").blocks[0]
    assert services.text.endswith("subject to the scheduled maintenance windows described in Exhibit A.")
    assert services.anchor.line == 9
    all_text = doc.root.text()
    assert "Source:" not in all_text and "Page 2 of 3" not in all_text
    assert "EXHIBIT 10.3" in all_text  # the filing's exhibit number stays text, not a section


def test_run_together_paragraphs_are_split():
    line = ("1. SERVICES   1.1 Grant of License. Provider grants Licensee a licence to use the Services for its business.   "
            "1.2 Support. Provider shall provide support by e-mail during business hours on Business Days.   "
            "2. FEES   2.1 Payment. Licensee shall pay the fees within thirty (30) days of invoice.")
    doc = read_plain_text(line)
    assert [(s.label, s.title, s.level) for s in doc.sections()] == [
        ("1", "SERVICES", 1), ("1.1", "Grant of License", 2), ("1.2", "Support", 2), ("2", "FEES", 1), ("2.1", "Payment", 2)]


def test_table_of_contents_is_not_sections():
    text = ("MASTER SERVICES AGREEMENT\n\nTABLE OF CONTENTS\n\nARTICLE I DEFINITIONS 1\n\nARTICLE II SERVICES 4\n\n"
            "This Master Services Agreement is entered into by Provider and Customer as of the Effective Date.\n\n"
            "ARTICLE I DEFINITIONS\n\n1.1 Defined Terms. Words have meanings.\n\nARTICLE II SERVICES\n\n2.1 Scope. Provider performs.\n")
    doc = read_plain_text(text)
    assert [s.ref for s in doc.sections()] == ["Article I", "1.1", "Article II", "2.1"]


def test_hard_wrapped_text_is_joined():
    text = ("1. Term. This Agreement starts on the Effective Date and continues for\n"
            "one year, and renews for further one-year periods unless either party gives\n"
            "notice of non-renewal.\n"
            "2. Fees. The Customer pays monthly.\n")
    doc = read_plain_text(text)
    assert [s.label for s in doc.sections()] == ["1", "2"]
    assert doc.find_section("1").blocks[0].text == (
        "Term. This Agreement starts on the Effective Date and continues for one year, and renews for further "
        "one-year periods unless either party gives notice of non-renewal.")


# --- files, metadata, bad input ------------------------------------------------------------


def test_file_metadata(tmp_path):
    path = tmp_path / "sla.md"
    data = "# Service Level Agreement\n\n## 1. Uptime\n\nThe Provider targets 99.9% uptime.\n".encode()
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.metadata.source_format == "markdown"
    assert doc.metadata.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.metadata.title == "Service Level Agreement"
    assert doc.metadata.word_count == len("Service Level Agreement 1 Uptime The Provider targets 99.9% uptime.".split())
    assert not doc.metadata.has_comments
    assert path.read_bytes() == data


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", b"<!-- only a comment -->\n"])
def test_empty_documents(tmp_path, content):
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    with pytest.raises(DocumentReadError) as err:
        read_document(path)
    assert err.value.reason == "empty document: no text"


@pytest.mark.parametrize(
    ("content", "needle"),
    [(b"PK\x03\x04\x14\x00rest", "ZIP"), (b"%PDF-1.7\n", "PDF"), (b"abc\x00\x01\x02def", "NUL")],
)
def test_binary_files_are_refused(tmp_path, content, needle):
    path = tmp_path / "contract.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentReadError) as err:
        read_document(path)
    assert needle in err.value.reason


def test_legacy_encodings(tmp_path):
    cp = tmp_path / "cp1252.txt"
    cp.write_bytes("1. Fees. The fee is \u20ac100 \u2013 payable \u201cmonthly\u201d.\n".encode("cp1252"))
    assert read_document(cp).find_section("1").blocks[0].text == "Fees. The fee is \u20ac100 \u2013 payable \u201cmonthly\u201d."
    u16 = tmp_path / "utf16.txt"
    u16.write_bytes("1. Term. One year.\n".encode("utf-16"))
    assert read_document(u16).find_section("1").title == "Term"


def test_missing_file():
    with pytest.raises(DocumentReadError) as err:
        read_document("/nonexistent/agreement.md")
    assert err.value.reason == "no such file"


def test_clauses_under_letter_headings_are_referenced_with_the_letter():
    doc = read_markdown("## N. Disclaimer\n\nAs is.\n\n## O. Defense of Claims\n\n### 1. By GitHub\n\nGitHub defends.\n")
    s = doc.find_section("O.1")
    assert s is not None and (s.label, s.title, s.level) == ("1", "By GitHub", 2)


def test_unnumbered_plain_text_headings():
    text = ("Premium Managed Hosting Agreement\n\nThis is a managed hosting agreement between Acme and Beta for twelve months.\n\n"
            "System Administration\n\nManagement of SMTP, IMAP, DNS and HTTP server software for the customer domain and site.\n\n"
            "SERVICES: Acme shall host the site.\n\n"
            "IN WITNESS WHEREOF, the parties have signed this Agreement.\n\nACME HOSTING\n\nChief Executive Officer\n")
    doc = read_plain_text(text)
    assert doc.metadata.title == "Premium Managed Hosting Agreement"
    assert [(s.label, s.title) for s in doc.sections()] == [(None, "System Administration"), (None, "SERVICES")]


def test_dot_leader_contents_lines_are_not_clauses():
    text = "1. Definitions ........ 3\n\n2. Services .......... 5\n\n1. Definitions. Words mean things.\n\n2. Services. Acme hosts.\n"
    doc = read_plain_text(text)
    assert [(s.label, s.title, s.anchor.line) for s in doc.sections()] == [("1", "Definitions", 5), ("2", "Services", 7)]


WRAPPED = """                    MANAGED SERVICES AGREEMENT

This Managed Services Agreement is made on 1 March 2024 between Acme IT
Ltd ("Provider") and Beta Foods Ltd ("Customer").

1. DEFINITIONS
1.1 "Business Day" means a day other than a Saturday, Sunday or public
holiday in England.

2. SERVICES
2.2 The Provider shall not be liable for any failure caused by:
(a) the Customer's breach of this Agreement;
(b) a Force Majeure Event; or
(c) scheduled maintenance notified under clause
4.3 of this Agreement.

SCHEDULE 1
SERVICES
Service desk, monitoring and patching.
"""


def test_hard_wrapped_plain_text_agreement():
    doc = read_plain_text(WRAPPED)
    assert doc.metadata.title == "MANAGED SERVICES AGREEMENT"
    assert [(s.ref, s.title, s.level) for s in doc.sections()] == [
        ("1", "DEFINITIONS", 1), ("1.1", "", 2), ("2", "SERVICES", 1), ("2.2", "", 2),
        ("2.2(a)", "", 3), ("2.2(b)", "", 3), ("2.2(c)", "", 3), ("Schedule 1", "SERVICES", 1)]
    assert doc.find_section("1.1").blocks[0].text == '"Business Day" means a day other than a Saturday, Sunday or public holiday in England.'
    assert doc.find_section("2.2(c)").blocks[0].text == "scheduled maintenance notified under clause 4.3 of this Agreement."
    assert doc.find_section("2.2(c)").anchor.line == 14
    assert [p.text for p in doc.find_section("Schedule 1").blocks] == ["Service desk, monitoring and patching."]


def test_crlf_and_bom(tmp_path):
    path = tmp_path / "win.md"
    path.write_bytes("\ufeff# Support Agreement\r\n\r\n## 1.\tSupport\r\n\r\n1.1\tThe Provider answers calls.\r\n".encode("utf-8"))
    doc = read_document(path)
    assert doc.metadata.title == "Support Agreement"
    assert [(s.ref, s.title) for s in doc.sections()] == [("1", "Support"), ("1.1", "")]
    assert doc.find_section("1.1").blocks[0].text == "The Provider answers calls."
    assert doc.find_section("1.1").anchor.line == 5


# --- template fields survive Markdown rendering; split paragraphs get their own anchors ----


def test_underscore_blanks_are_text_not_emphasis():
    text, marks, _ = render_inline("Customer shall pay $__________ per month and __bold__ terms.")
    assert "$__________ per month" in text
    assert [text[m.start:m.end] for m in marks if m.kind == "bold"] == ["bold"]


@pytest.mark.parametrize("source,kept", [
    ("The fee is <MONTHLY FEE> per month.", "<MONTHLY FEE>"),
    ("Send notices to <Customer Name> at <ADDRESS>.", "<Customer Name> at <ADDRESS>"),
])
def test_angle_bracket_fields_are_kept_but_html_tags_are_stripped(source, kept):
    assert kept in render_inline(source)[0]


def test_real_html_tags_are_stripped():
    text = render_inline('The <span class="term">Services</span> start<br/>on <b>Monday</b>.')[0]
    assert text == "The Services start on Monday."


def test_paragraphs_split_from_one_line_have_distinct_anchors():
    line = ("1.1 The Provider shall supply the Services described in the Order Form to the Customer. "
            "   1.2 The Customer shall pay the fees set out in the Order Form within thirty days of invoice.")
    doc = read_plain_text("SERVICES AGREEMENT\n\n" + line + "\n1.3 Either party may terminate on notice.\n\n")
    paras = [p for p in doc.root.iter_paragraphs() if p.text.startswith(("The Provider", "The Customer", "Either"))]
    assert len(paras) == 3
    assert paras[0].anchor.line == paras[1].anchor.line == 3  # the true line, for both
    assert len({p.anchor.paragraph for p in doc.root.iter_paragraphs()}) == len(list(doc.root.iter_paragraphs()))
    assert paras[0].anchor.paragraph == 2
    assert paras[1].anchor.paragraph not in (2, 3)  # line 3 (0-based) starts 1.3


@pytest.mark.parametrize(
    "body, title",
    [
        ("**16.5.** Liability Definitions.The following definitions apply unless modified.", "Liability Definitions"),
        ("**16.5.** Liability Definitions. The following definitions apply unless modified.", "Liability Definitions"),
        # a glued period inside an abbreviation or a sentence is not a run-in title
        ("**16.5.** The U.S.Government may audit the Services.", ""),
        ("**16.5.** Provider will pay the fees.Customer will pay the taxes.", ""),
    ],
)
def test_run_in_title_glued_to_its_sentence(body, title):
    doc = read_markdown("# 16. Limitations\n\n" + body + "\n")
    assert doc.find_section("16.5").title == title


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("SEVP & CFO", False), ("PRESIDENT", False), ("CHIEF EXECUTIVE OFFICER", False),
        ("EXECUTIVE VICE PRESIDENT", False), ("PRESIDENT AND CEO", False),
        ("SERVICE LEVELS", True), ("DIRECTORS AND OFFICERS INSURANCE", True), ("TERM AND TERMINATION", True),
    ],
)
def test_signatory_titles_are_not_caps_headings(line, heading):
    from slalint.readers.numbering_patterns import is_caps_heading

    assert is_caps_heading(line) is heading
