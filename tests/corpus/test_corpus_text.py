"""The Markdown and plain-text readers over real agreements in ../shared/corpus.

Every Markdown agreement and every CUAD EDGAR exhibit must read without error and yield
sections. For documents of different origins, section numbers, titles and source lines
are asserted as a reader of the source sees them (checked against the files with sed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slalint.readers import read_document

pytestmark = pytest.mark.corpus

# Exhibits with no headings or clause numbers at all: a one-page letter agreement (Netzee)
# and a six-paragraph web-hosting letter (Galacticomm). Nothing to find; still must read.
UNSTRUCTURED = {
    "galacticommtechnologiesinc-11-07-1997-ex-10-46-web-hosting-agreement.txt",
    "netzeeinc-11-14-2002-ex-10-3-maintenance-agreement.txt",
}


def _files(corpus: Path, sub: str, pattern: str) -> list[Path]:
    return sorted((corpus / sub).glob(pattern))


def test_every_markdown_agreement_has_sections(corpus_dir):
    files = _files(corpus_dir, "text", "*.md")
    assert len(files) >= 20
    for path in files:
        doc = read_document(path)
        sections = list(doc.sections())
        assert sections, path.name
        assert doc.metadata.source_format == "markdown"
        assert doc.metadata.word_count > 100, path.name
        for s in sections:
            assert s.anchor is not None and s.anchor.line is not None, (path.name, s.name)


def test_every_cuad_exhibit_reads(corpus_dir):
    files = _files(corpus_dir, "cuad", "*.txt")
    assert len(files) >= 80
    empty = []
    for path in files:
        doc = read_document(path)
        sections = list(doc.sections())
        if not sections:
            empty.append(path.name)
        assert not any(p.text.startswith("Source: ") for p in doc.paragraphs()), path.name  # page footers removed
    assert set(empty) <= UNSTRUCTURED, empty


SIGNATORY_TITLES = {"SEVP & CFO", "SVP & CFO", "PRESIDENT", "VICE PRESIDENT", "CHIEF EXECUTIVE OFFICER", "CHIEF FINANCIAL OFFICER"}


def test_signatory_titles_are_not_sections(corpus_dir):
    # (Netzee's only "section" used to be the signatory's "SEVP & CFO")
    for path in _files(corpus_dir, "cuad", "*.txt"):
        titles = {s.title.strip().upper() for s in read_document(path).sections()}
        assert not titles & SIGNATORY_TITLES, (path.name, titles & SIGNATORY_TITLES)


def _section(doc, ref):
    s = doc.find_section(ref)
    assert s is not None, f"{doc.path}: no section {ref!r} in {[x.ref for x in doc.sections()][:40]}"
    return s


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Common Paper: nested ordered lists are the clause numbering (cross-references say
        # "Section 3.2"), the first "1." level holds only a heading.
        ("common-paper-sla.md", [("1", "Uptime", 1, 3), ("1.1", "Target Uptime", 2, 4), ("3.2", "Requesting A Service Credit", 2, 13),
                                 ("3.2(a)", "", 3, 14), ("3.5", "Exclusive Remedy", 2, 18), ("4", "Definitions", 1, 20)]),
        # Bonterms: bold typed numbers, run-in titles, "(a)" items under 8.1.
        ("bonterms-cloud-terms.md", [("5", "Data", 1, 11), ("5.1", "Use of Customer Data", 2, 13), ("7.2", "SLA", 2, 27),
                                     ("8.1", "Mutual Warranties", 2, 31), ("8.1(a)", "", 3, 33)]),
        # GitHub site policy: "## 1. Definitions", "### 2.2 ...", bold "(a) Grant." sub-clauses.
        ("github-secret-scanning-partner-program-agreement.md", [("1", "Definitions", 1, 10), ("2.2", "Token Patterns License", 2, 48),
                                                                 ("2.2(a)", "Grant", 3, 50)]),
        # GitHub Corporate Terms: "## O. Defense of Claims; Release" then "### 1. By GitHub",
        # cited in the terms themselves as "Section O.1".
        ("github-corporate-terms-of-service.md", [("O", "Defense of Claims; Release", 1, 294), ("O.1", "By GitHub", 2, 298)]),
        # 18F: "## 5.0 Tasks" and four-level "#### 6.1.1." headings.
        ("18f-agile-bpa-performance-work-statement.md", [("5.0", "Tasks", 1, 45), ("6.1.1", "Skills and Knowledge", 3, 65)]),
        # A support SLA with escaped "1\\(b\\)." headings and a response-time table.
        ("4ire-labs-support-sla.md", [("1(b)", "SERVICE COMMITMENT: Channels", 2, 33), ("5", "SLA EXCLUSIONS", 1, 84)]),
    ],
)
def test_markdown_sections_as_a_reader_sees_them(corpus_dir, name, expected):
    doc = read_document(corpus_dir / "text" / name)
    for ref, title, level, line in expected:
        s = _section(doc, ref)
        assert (s.title, s.level, s.anchor.line) == (title, level, line), ref


def test_markdown_titles_and_tables(corpus_dir):
    sla = read_document(corpus_dir / "text" / "common-paper-sla.md")
    assert sla.metadata.title == "Service Level Agreement"
    four = read_document(corpus_dir / "text" / "4ire-labs-support-sla.md")
    tables = [b for s in four.sections() for b in s.blocks if b.kind == "table"]
    response = next(t for t in tables if t.rows[0].cells[0].text == "Severity Level")
    assert [c.text for c in response.rows[0].cells] == ["Severity Level", "Definition", "Response Time"]
    assert [c.text for c in response.rows[1].cells][::2] == ["System Down", "2 hours"]
    gh = read_document(corpus_dir / "text" / "github-terms-of-service.md")
    assert gh.metadata.title == "GitHub Terms of Service"  # from the YAML front matter
    assert gh.metadata.has_comments and gh.comments[0].text.startswith("markdownlint-disable")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Verizon: a table of contents (skipped), ARTICLE headings, "Section 2.1" clauses,
        # "(a)"/"(i)"/"(A)" sub-clauses and schedules after the signature pages.
        ("verizonabsllc-20200123-8-k-ex-10-4-11952335-ex-10-4-service-agreement.txt", [
            ("Article II", "TRANSFER AND ACQUISITION OF DEPOSITOR TRANSFERRED PROPERTY; REPRESENTATIONS AND WARRANTIES", 1, 87),
            ("2.1", "Transfers of Depositor Transferred Property", 2, 89),
            ("2.1(d)(iii)", "Depositor's Certifications", 4, 111),
            ("Schedule A", "Schedule of Initial Receivables", 1, None),
        ]),
        # eGain hosting agreement: "2. Provision of Services.", "a)" items, running headers.
        ("webhelpcominc-03-22-2000-ex-10-8-hosting-agreement.txt", [
            ("2", "Provision of Services", 1, 9), ("2.1", "Customer Support", 2, 11), ("6.1(a)", "", 3, 27),
            ("10.2", "Effect of Termination", 2, 69),
        ]),
        # Votocast: whole pages on one line, paragraphs separated by three spaces.
        ("vitalibisinc-20180316-8-k-ex-10-2-11100168-ex-10-2-hosting-agreement.txt", [
            ("2.6", "Response Time", 2, None), ("11.8", "Force Majeure", 2, None), ("Exhibit C", "SERVICE LEVELS", 1, None),
        ]),
    ],
)
def test_cuad_sections_as_a_reader_sees_them(corpus_dir, name, expected):
    doc = read_document(corpus_dir / "cuad" / name)
    for ref, title, level, line in expected:
        s = _section(doc, ref)
        assert (s.title, s.level) == (title, level), ref
        if line is not None:
            assert s.anchor.line == line, ref


def test_cuad_page_split_paragraph_is_joined(corpus_dir):
    doc = read_document(corpus_dir / "cuad" / "verizonabsllc-20200123-8-k-ex-10-4-11952335-ex-10-4-service-agreement.txt")
    clause_c = _section(doc, "2.1(d)(iii)(C)")
    text = clause_c.blocks[0].text
    # the clause runs over a page break ("2", "Source: ...") and continues on the next page
    assert "Originators to the Depositor under Section 2.1(d) of the Originator Receivables Transfer Agreement" in text
    assert "Source:" not in text
