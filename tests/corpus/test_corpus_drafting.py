"""Pack `drafting` on the real corpus (../shared/corpus): the expectations reviewed by hand.

The professionally drafted agreements (Common Paper, Bonterms, CCS, GitHub) must come out
nearly clean: `undefined-term` is on by default and has to stay usable there; placeholders
are reported on the templates that really hold them and never on signature lines; the
peer tool's misses are covered. Plus DOCX-only behaviour of the pack (highlighted blanks,
signature tables) on documents built in code.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX

from slalint.engine.findings import Finding
from tests._paths import CORPUS
from tests.corpus._lint import pack_findings


COMMON_PAPER = [
    "docx/common-paper-csa-with-sla.docx",
    "docx/common-paper-cloud-service-agreement.docx",
    "docx/common-paper-professional-services-agreement.docx",
    "text/common-paper-cloud-service-agreement.md",
    "text/common-paper-professional-services-agreement.md",
    "text/common-paper-sla.md",
]
CCS = [
    "docx/ccs-fm-2017-core-terms-v1-4.docx",
    "docx/ccs-fm-da-2020-core-terms-v3-0-2.docx",
    "docx/ccs-fm-2017-call-off-schedule-10-kpis.docx",
    "docx/ccs-fm-da-2020-call-off-schedule-9-security.docx",
    "docx/ccs-fm-da-2020-joint-schedule-1-definitions.docx",
]
OTHER_PROFESSIONAL = [
    "text/bonterms-cloud-terms.md",
    "text/bonterms-professional-services-agreement-v1-2.md",
    "text/bonterms-service-level-agreement.md",
    "text/github-corporate-terms-of-service.md",
    "text/github-marketplace-developer-agreement.md",
]


def corpus_findings(rel: str, pack: str = "drafting") -> tuple[Finding, ...]:
    return pack_findings(CORPUS / rel, pack)


def named(findings, name: str) -> list[Finding]:
    return [f for f in findings if f.name == name]


@pytest.mark.corpus
@pytest.mark.parametrize("rel", COMMON_PAPER + CCS)
def test_undefined_term_is_usable_on_common_paper_and_ccs(rel):
    """Issue 5: at most a handful of undefined-term findings on these agreements."""
    found = named(corpus_findings(rel), "undefined-term")
    assert len(found) <= 3, [f.message for f in found]


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [r for r in COMMON_PAPER if r.endswith(".md")] + OTHER_PROFESSIONAL[:3])
def test_no_error_severity_drafting_finding_on_clean_professional_text(rel):
    """The Markdown versions carry no template fields: nothing of severity error remains
    (statute references such as "Regulation 2016/679, Article 9(1)" are not broken, nor
    "Section 6.3(c)" where 6.3 lists (a)-(d) inline)."""
    errors = [f for f in corpus_findings(rel) if f.severity == "error"]
    assert errors == [], [(f.name, f.location.section, f.message) for f in errors]


@pytest.mark.corpus
@pytest.mark.parametrize("rel", COMMON_PAPER + CCS + OTHER_PROFESSIONAL)
def test_few_drafting_warnings_on_professional_agreements(rel):
    warnings = [f for f in corpus_findings(rel) if f.severity == "warning"]
    assert len(warnings) <= 6, [(f.name, f.location.section, f.message) for f in warnings]


@pytest.mark.corpus
def test_common_paper_template_fields_are_placeholders_but_signature_lines_are_not():
    found = named(corpus_findings("docx/common-paper-csa-with-sla.docx"), "placeholder-left")
    shown = [f.message for f in found]
    assert any("{provider_name}" in m for m in shown)
    assert any("Drafting note" in m for m in shown)
    assert not any("____" in f.message and f.quote.lstrip().lower().startswith(("by:", "name:", "title:", "date:")) for f in found)


@pytest.mark.corpus
def test_amendment_playbook_uses_the_base_terms_numbers_and_terms():
    """The Bonterms playbook edits the Cloud Terms ("Replace the first sentence of Section
    2 ..."): its section numbers and capitalised terms are those of the base agreement."""
    found = corpus_findings("docx/bonterms-cloud-terms-and-sla-additional-terms-playbook.docx")
    assert named(found, "broken-cross-reference") == []
    assert named(found, "undefined-term") == []
    assert named(found, "placeholder-left")  # "[__] days", "$__million": real blanks


@pytest.mark.corpus
def test_statute_and_inline_item_references_are_not_broken():
    assert named(corpus_findings("text/bonterms-cloud-terms.md"), "broken-cross-reference") == []
    assert named(corpus_findings("text/common-paper-professional-services-agreement.md"), "broken-cross-reference") == []


@pytest.mark.corpus
def test_words_and_digits_mismatch_found_in_an_edgar_filing():
    found = named(corpus_findings("cuad/bnlfinancialcorp-03-30-2007-ex-10-8-outsourcing-agreement.txt"), "number-mismatch")
    assert any("three (2) days" in f.message for f in found)


@pytest.mark.corpus
def test_page_numbers_before_dates_are_not_impossible_dates():
    found = named(corpus_findings("cuad/elandiainternationalinc-04-25-2007-ex-10-21-outsourcing-agreement.txt"), "impossible-date")
    assert found == []


@pytest.mark.corpus
def test_ccs_schedule_parts_continue_numbering_without_gaps():
    """CCS Part B continues Part A's numbering after its own "1. DEFINITIONS": not a gap."""
    found = named(corpus_findings("docx/ccs-fm-da-2020-call-off-schedule-9-security.docx"), "numbering-gap")
    assert found == []


@pytest.mark.corpus
def test_template_placeholders_are_reported_once_each_with_a_count():
    """A template lists each field once (first occurrence, "(N occurrences)"), never one
    finding per occurrence."""
    found = named(corpus_findings("docx/common-paper-csa-with-sla.docx"), "placeholder-left")
    shown = [f.message.split(": ", 1)[1].split(" (")[0] for f in found]
    assert len(shown) == len(set(shown)), sorted(shown)
    assert any("occurrences)" in f.message and len(f.evidence) > 1 for f in found)


@pytest.mark.corpus
def test_edgar_bracketed_captions_and_blank_page_notes_are_not_placeholders():
    found = named(corpus_findings("cuad/deltathreeinc-19991102-s-1a-ex-10-19-6227850-ex-10-19-co-branding-agreement-service-agreement.txt"),
                  "placeholder-left")
    assert len(found) <= 3, [f.message for f in found]
    found = named(corpus_findings("cuad/blackstonegsolong-shortcreditincomefund-05-11-2020-ex-99-k-1-service-agreement.txt"),
                  "placeholder-left")
    assert not any("remainder of this page" in f.message for f in found)


@pytest.mark.corpus
def test_edgar_restated_numbers_toc_leaders_and_form_attachments_are_not_placeholders():
    """Reviewed CUAD false positives: "one hundred eighty [180] days", a table of contents'
    dot leaders, the "Form of Standby Letter of Credit" exhibit; the unfilled effective date
    of another filing stays reported."""
    shown = lambda rel: " ".join(f.message for f in named(corpus_findings(rel), "placeholder-left"))  # noqa: E731
    assert "[180]" not in shown("cuad/cardlyticsinc-20180112-s-1-ex-10-16-11002987-ex-10-16-maintenance-agreement1.txt")
    assert not shown("cuad/imagewaresystemsinc-12-20-1999-ex-10-22-maintenance-agreement.txt")
    azul = shown("cuad/azulsa-20170303-f-1a-ex-10-3-9943903-ex-10-3-maintenance-agreement1.txt")
    assert "[AZUL NAME]" not in azul and "import declarations" not in azul
    assert "____" in shown("cuad/xacct-technologies-inc-support-and-maintenance-agreement.txt")


@pytest.mark.corpus
def test_edgar_redactions_and_quoted_enumerators_are_not_unbalanced_brackets():
    found = named(corpus_findings("cuad/manufacturersservicesltd-06-05-2000-ex-10-14-outsourcing-agreement.txt"), "unbalanced-brackets")
    assert not any(f.quote.startswith('"') and f.quote[2:3] == ")" for f in found), [f.quote[:60] for f in found]
    assert any("Comply full)" in (f.quote or "") for f in found)  # a real typo stays
    found = named(corpus_findings("cuad/azulsa-20170303-f-1a-ex-10-3-9943903-ex-10-3-maintenance-agreement1.txt"), "unbalanced-brackets")
    assert not any("[*****]" in (f.quote or "") and "closed but never opened" in f.message for f in found)


@pytest.mark.corpus
def test_missing_appendices_of_an_edgar_filing_are_reported_once_each():
    """The NICE filing omits its appendices: each is reported once, with its count, and the
    filing's own exhibit number ("Exhibit 4.5") is no reference."""
    found = named(corpus_findings("cuad/niceltd-06-26-2003-ex-4-5-outsourcing-agreement.txt"), "broken-cross-reference")
    refs = [f.message.split(" is referenced")[0] for f in found]
    assert len(refs) == len(set(refs)), refs
    assert "Appendix C" in refs
    assert not any(r.startswith("Exhibit 4.5") for r in refs)
    assert len(found) <= 16


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [
    "cuad/theravancebiopharma-inc-05-08-2020-ex-10-2-service-agreement.txt",
    "cuad/tricitybanksharescorp-05-15-1998-ex-10-outsourcing-agreement.txt",
    "cuad/manufacturersservicesltd-06-05-2000-ex-10-14-outsourcing-agreement.txt",
])
def test_numbering_lost_in_edgar_text_is_not_a_gap(rel):
    """Clause numbers glued to headings or a contents page on one line: the reader lost
    them, the agreement did not skip them."""
    assert len(named(corpus_findings(rel), "numbering-gap")) <= 2


@pytest.mark.corpus
def test_captions_of_referenced_exhibits_are_not_duplicate_definitions():
    """Azul's maintenance agreement quotes exhibit captions ("Exhibit 6 ("LRUs covered by
    repair ...")") dozens of times: they are not definitions."""
    found = named(corpus_findings("cuad/azulsa-20170303-f-1a-ex-10-3-9943903-ex-10-3-maintenance-agreement1.txt"), "duplicate-definition")
    assert len(found) <= 3, [f.message for f in found]


@pytest.mark.corpus
def test_definitions_applying_to_a_schedule_and_an_exhibit_of_definitions_are_not_late():
    """WPP's Schedule 3 ends with "the following additional definitions shall apply"; iPass
    files its definitions as "EXHIBIT A DEFINITIONS", glued to the last clause: neither
    definition comes "after" the clauses that use it. iPass's filing legend ("Certain
    confidential information contained in this document ...") is no lower-case use."""
    wpp = named(corpus_findings("cuad/wppplc-04-30-2020-ex-4-28-service-agreement.txt"), "defined-after-use")
    assert not [f for f in wpp if "Restricted" in f.message or "Relevant" in f.message], [f.message for f in wpp]
    ipass = corpus_findings("cuad/ipassinc-20181203-8-k-ex-99-1-11445874-ex-99-1-reseller-agreement.txt")
    assert not [f for f in named(ipass, "defined-after-use") if '"Confidential Information"' in f.message]
    assert not [f for f in named(ipass, "lowercase-defined-term") if "confidential information" in f.message]


@pytest.mark.corpus
def test_restated_and_parallel_definitions_are_not_duplicates_but_conflicts_are():
    """Nexstar repeats its representations' definitions word for word for each station;
    Bicycle Therapeutics defines "Termination Date" twice with different words."""
    nexstar = named(corpus_findings("cuad/nexstarfinanceholdingsinc-03-27-2002-ex-10-26-outsourcing-agreement.txt"), "duplicate-definition")
    assert not nexstar, [f.message for f in nexstar]
    bicycle = named(corpus_findings("cuad/bicycletherapeuticsplc-03-10-2020-ex-10-11-service-agreement.txt"), "duplicate-definition")
    assert any('"Termination Date"' in f.message for f in bicycle)


# -- DOCX-only behaviour, on documents built in code --------------------------------------

def _docx(build) -> str:
    d = DocxDocument()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _lint_docx(tmp_path: Path, build, name: str = "agreement.docx") -> tuple[Finding, ...]:
    path = tmp_path / name
    path.write_bytes(_docx(build))
    return pack_findings(path, "drafting")


def test_highlighted_blank_is_a_placeholder_but_a_signature_line_is_not(tmp_path):
    def build(d):
        d.add_heading("Managed Services Agreement", 0)
        p = d.add_paragraph('This Agreement is made between Northwind Managed IT Ltd. ("Provider") and ')
        run = p.add_run("          ")
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        p.add_run(' ("Customer").')
        d.add_heading("1. Fees", 1)
        d.add_paragraph("Customer shall pay the monthly fee of $________ within thirty (30) days.")
        d.add_paragraph("IN WITNESS WHEREOF, the parties have signed this Agreement.")
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "By: ______________________"
        table.cell(0, 1).text = "By: ______________________"
        table.cell(1, 0).text = "Date: ____________"
        table.cell(1, 1).text = "Date: ____________"

    found = named(_lint_docx(tmp_path, build), "placeholder-left")
    whats = sorted(f.message for f in found)
    assert any("highlighted blank" in m for m in whats)
    assert any("blank to fill in: ________" in m for m in whats)
    assert not any("By:" in f.quote or "Date:" in f.quote for f in found)
    assert len(found) == 2


def test_angle_bracket_field_in_docx_is_a_placeholder(tmp_path):
    def build(d):
        d.add_heading("1. Services", 1)
        d.add_paragraph("Provider will provide the services described in <SERVICE DESCRIPTION> from <START DATE>.")

    found = named(_lint_docx(tmp_path, build), "placeholder-left")
    assert sorted(f.message.split(": ", 1)[1] for f in found) == ["<SERVICE DESCRIPTION>", "<START DATE>"]
