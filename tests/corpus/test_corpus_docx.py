"""The DOCX reader over the real agreements in ../shared/corpus/docx.

Every file must read without error and yield sections, with anchors that point back at
the same words. For documents of different origins (Common Paper, UK Crown Commercial
Service in two generations, an Australian DTA order form made of tables, a student SLA,
an IT-policy style template) a handful of labels and titles are asserted; each was checked
against a LibreOffice rendering of the document (soffice --convert-to pdf, pdftoppm/pdftotext).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from slalint.readers.docx import iter_part_runs, read_docx

pytestmark = pytest.mark.corpus


def docx_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "docx").glob("*.docx"))


def _corpus_ids():
    from tests._paths import CORPUS  # the shared fixture's location, for parametrisation

    return [p.name for p in docx_files(CORPUS)] if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def read(corpus_dir):
    cache: dict[str, object] = {}

    def _read(name: str):
        if name not in cache:
            cache[name] = read_docx(corpus_dir / "docx" / name)
        return cache[name]

    return _read


@pytest.mark.parametrize("name", _corpus_ids())
def test_every_docx_reads_with_sections_and_true_anchors(corpus_dir, read, name):
    path = corpus_dir / "docx" / name
    before = path.stat().st_mtime_ns
    doc = read(name)
    assert path.stat().st_mtime_ns == before
    assert doc.metadata.source_format == "docx" and len(doc.metadata.sha256) == 64
    assert doc.metadata.word_count > 100
    sections = list(doc.sections())
    assert sections, f"no sections found in {name}"
    assert all(s.name for s in sections)
    # Anchors: each paragraph's text is the tail of the visible text of the w:p it names.
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    raw = {index: text for index, text, _runs in iter_part_runs(root)}
    for para in doc.paragraphs():
        assert para.anchor.part == "body"
        assert raw[para.anchor.paragraph].rstrip().endswith(para.text), (name, para.anchor, para.text[:60])


def titles(doc, refs):
    out = {}
    for ref in refs:
        section = doc.find_section(ref)
        out[ref] = None if section is None else section.title
    return out


def test_common_paper_cloud_service_agreement_with_sla(read):
    doc = read("common-paper-csa-with-sla.docx")
    assert doc.title == "Cloud Service Agreement"
    assert titles(doc, ["1", "1.1", "5.3", "8", "9.1", "11", "12.1"]) == {
        "1": "Service",
        "1.1": "Access and Use",
        "5.3": "Termination",
        "8": "Limitation of Liability",
        "9.1": "Protection by Provider",
        "11": "Reservation of Rights",
        "12.1": "Entire Agreement",
    }
    termination = doc.find_section("5.3")
    assert [c.ref for c in termination.children] == ["5.3(a)", "5.3(b)"]
    assert termination.heading is None and termination.blocks[0].text.startswith("Termination.")
    # the SLA standard terms restart their own numbering after the agreement
    assert [s.name for s in doc.root.children][-4:] == ["1 Uptime", "2 Response Time", "3 Remedies", "4 Definitions"]


def test_ccs_core_terms_typed_numbers_and_bullets(read):
    doc = read("ccs-fm-da-2020-core-terms-v3-0-2.docx")
    assert doc.title == "Core Terms"
    assert titles(doc, ["3", "3.1", "3.2", "3.3"]) == {
        "3": "What needs to be delivered",
        "3.1": "All deliverables",
        "3.2": "Goods clauses",
        "3.3": "Services clauses",
    }
    clause = doc.find_section("3.1.1")
    assert clause.blocks[0].text == "The Supplier must provide Deliverables:"
    assert [b.kind for b in clause.blocks[1:]] == ["list_item"] * 7
    assert clause.blocks[1].text.startswith("that comply with the Specification")
    assert [c.ref for c in doc.find_section("3.2").children][-1] == "3.2.12"


def test_ccs_call_off_schedule_custom_numbered_styles(read):
    doc = read("ccs-fm-da-2020-call-off-schedule-4-facilities-management.docx")
    assert titles(doc, ["1", "1.1", "2", "4"]) == {
        "1": "BUYER REMEDIES FOR DEFAULT",
        "1.1": "Remedies",
        # the clause-heading style sets w:caps: Word shows capitals, the title keeps the
        # text as stored (as the Markdown twin of a document would have it)
        "2": "payments DUE on TERMINATION",
        "4": "Accessed Contracts",
    }
    remedies = doc.find_section("1.1.1")
    assert [c.label for c in remedies.children] == ["(a)", "(b)", "(c)"]
    assert [c.ref for c in doc.find_section("1.1.1(c)").children] == ["1.1.1(c)(i)", "1.1.1(c)(ii)", "1.1.1(c)(iii)"]
    assert doc.find_section("1.1.1(c)(ii)").blocks[0].text.startswith("suspend this Call-Off Contract")


def test_order_form_made_of_tables(read):
    doc = read("au-dta-digital-service-professionals-order-template.docx")
    assert doc.title == "ORDER FOR DIGITAL SERVICE PROFESSIONALS"
    assert titles(doc, ["1", "2", "5", "11"]) == {
        "1": "Specialist Services Deed SON Number",
        "2": "Agency reference number",
        "5": "Services Start Date",
        "11": "Deliverables to be provided as part of the Services",
    }
    item = doc.find_section("1")
    (table,) = item.blocks
    assert [c.text for c in table.rows[0].cells] == ["1.", "Specialist Services Deed SON Number", "SON3364729"]


def test_student_service_desk_sla(read):
    doc = read("student-it-outsourcing-service-desk-sla.docx")
    assert titles(doc, ["1", "2", "2.1", "3.1", "6.1"]) == {
        "1": "ABOUT THIS SLA",
        "2": "SCOPE OVERVIEW",
        "2.1": "Responsibility matrix",
        "3.1": "Call registration and logging",
        "6.1": "Reserved words",
    }
    assert [c.ref for c in doc.find_section("2").children] == ["2.1"]
    # list items drafted in a heading style stay items of their clause
    assert [c.ref for c in doc.find_section("3.1.2").children] == ["3.1.2(a)", "3.1.2(b)", "3.1.2(c)", "3.1.2(d)"]
    assert doc.find_section("3.1.2(a)").blocks[0].text.startswith("answer the call Immediately")


def test_it_policy_template_bold_captions(read):
    doc = read("it-policy-style-sla-template.docx")
    assert doc.title == "SERVICE LEVEL AGREEMENT"
    top = [s.title for s in doc.root.children]
    assert top[:3] == ["OBJECTIVE", "SCOPE", "ROLES AND RESONSIBILTIES"]
    roles = doc.root.children[2]
    assert roles.children[0].title == "Service Provider"
    assert doc.root.children[0].blocks[0].text.startswith("[Company Name] is committed")


def test_existing_comments_and_tracked_changes_in_ccs_schedule(read):
    doc = read("ccs-fm-2017-call-off-schedule-13-exit-management.docx")
    assert doc.metadata.has_tracked_changes
    assert doc.metadata.has_comments and doc.comments
    for comment in doc.comments:
        assert comment.anchor.part == "body"
        assert comment.text


def test_kpis_schedule_part_a_restart_continues_through_the_style_list(read):
    # Part A's first heading is given "Restart numbering" (a num with startOverride on the
    # abstract numbering its clause styles use); Word, like LibreOffice's rendering of the
    # file, then prints "1. KPIS", "1.1", "1.2.1" ... "2. KPI CREDITS" - not "3.3" under "1".
    doc = read("ccs-fm-2017-call-off-schedule-10-kpis.docx")
    assert doc.metadata.has_tracked_changes
    part_a = [s for s in doc.sections() if s.title == "KPIS"]
    assert [s.label for s in part_a] == ["1"]
    assert [c.ref for c in part_a[0].children] == ["1.1", "1.2"]
    assert [c.ref for c in part_a[0].children[1].children] == ["1.2.1", "1.2.2", "1.2.3", "1.2.4"]
    credits = [s for s in doc.sections() if s.title == "KPI CREDITS"]
    assert [(s.label, [c.ref for c in s.children]) for s in credits] == [("2", ["2.1", "2.2"])]
    # tracked changes accepted: the inserted word is read, the deleted one left out
    assert any(s.title == "Persistent KPI FAILURE" for s in doc.sections())
