"""Cross-references resolved against the section tree."""

from __future__ import annotations

import pytest

from tests.analysis._docs import analyze_md

DOC = """
# Master Services Agreement

## 1. Services

1.1 Provider shall provide the Services described in Schedule A.

1.2 Provider shall (a) monitor the Services; (b) report monthly; and (c) fix faults.

## 4. Fees

4.1 Fees are payable monthly.

4.2 Late payment is subject to Section 4.1 and paragraph (b) of Section 1.2.

## 9. Term

9.1 This Agreement starts on signature.

9.2 Either party may terminate under Section 9.4 or Clause 9.3.

9.3 Termination for cause.

## Article IV

Miscellaneous provisions apply; see Article IV.

## Schedule A - Service Description

The service desk is open 24/7.
"""


def refs(text: str = DOC):  # noqa: ANN201
    return analyze_md(text, aspects={"xrefs"}).cross_refs


def find(target: str, text: str = DOC):  # noqa: ANN201
    return [r for r in refs(text) if r.target == target]


@pytest.mark.parametrize(("target", "resolved"), [("4.1", True), ("9.3", True), ("9.4", False), ("Schedule A", True), ("IV", True)])
def test_xrefs_resolution(target: str, resolved: bool) -> None:
    found = find(target)
    assert found and all(r.resolved is resolved for r in found)


def test_xrefs_strict_missing_subsection_is_broken_even_if_parent_exists() -> None:
    (r,) = find("9.4")
    assert not r.resolved and not r.external and r.text == "Section 9.4"


def test_xrefs_unattached_exhibit_is_unresolved() -> None:
    (r,) = find("Exhibit B", "# A\n\n## 1. Scope\n\nThe services are listed in Exhibit B.\n")
    assert r.kind == "exhibit" and not r.resolved


def test_xrefs_ranges_and_lists() -> None:
    text = "# A\n\n## 4. One\n\nText.\n\n## 5. Two\n\nText.\n\n## 6. Three\n\nSections 4 to 6 and Sections 4 and 7 apply.\n"
    got = [(r.target, r.resolved) for r in refs(text)]
    assert got == [("4", True), ("6", True), ("4", True), ("7", False)]  # a range is checked at both ends


@pytest.mark.parametrize(
    "sentence",
    [
        "Customer's rights under Section 3 of the Master Agreement survive.",
        "Processing is governed by Section 2.1 of the DPA.",
        "Nothing limits immunity under Section 230 of the Communications Decency Act.",
        "Reports follow 15 U.S.C. \u00a7 1681.",
        "Special categories of data enumerated in European Union Regulation 2016/679, Article 9(1) are excluded.",
        "A court within the meaning of the Courts Act 2003 Section 1 (1) may hear the claim.",
        "Directive 95/46/EC, Article 2 applies.",
        "This is governed by New York General Obligations Law Section 5-1401.",
        "A security entitlement within the meaning of Section 8-102 of the UCC.",
        "Nothing restricts your rights under sections 39 to 43 (inclusive) of the Patents Act 1977.",
    ],
)
def test_xrefs_external_not_broken(sentence: str) -> None:
    rs = refs(f"# A\n\n## 1. Scope\n\n{sentence}\n")
    assert rs and all(r.external and not r.resolved for r in rs)


def test_xrefs_this_agreement_is_internal() -> None:
    (r,) = refs("# A\n\n## 1. Scope\n\nAs set out in Section 5 of this Agreement.\n")
    assert not r.external and not r.resolved


def test_xrefs_clause_item_resolves_to_list_item() -> None:
    text = "# A\n\n## 9. Term\n\n9.3 Provider may terminate if:\n\n(a) Customer fails to pay; or\n\n(b) Customer breaches.\n\n## 10. Other\n\nSee Clause 9.3(b) and Clause 9.3(d).\n"
    got = {r.target: r.resolved for r in refs(text)}
    assert got == {"9.3(b)": True, "9.3(d)": False}


def test_xrefs_evidence_points_at_words() -> None:
    (r,) = find("4.1")
    assert r.evidence.quote == "Section 4.1" and r.evidence.section == "4.2"
    assert r.target_section == "4.1"


def test_xrefs_paragraph_relative_to_current_clause() -> None:
    text = (
        "# A\n\n## 7. Suspension\n\n7.1 Provider may suspend if:\n\n(a) Customer fails to pay;\n\n"
        "(b) Customer breaches, unless paragraph (a) applies; paragraph (d) does not exist.\n"
    )
    got = {r.target: r.resolved for r in refs(text) if r.kind == "paragraph"}
    assert got == {"(a)": True, "(d)": False}


@pytest.mark.parametrize("sep", ["-", "\u2013", " to ", " through "])
def test_xrefs_range_is_checked_at_both_ends(sep: str) -> None:
    sections = "".join(f"## {n}. Clause {n}\n\nText.\n\n" for n in (12, 13, 14, 16, 17, 18))
    got = [(r.target, r.resolved) for r in refs(f"# A\n\n{sections}## 19. Survival\n\nSections 12{sep}18 survive; Sections 17{sep}20 too.\n")]
    assert got == [("12", True), ("18", True), ("17", True), ("20", False)]


def test_xrefs_singular_hyphenated_number_is_one_clause() -> None:
    (r,) = refs("# A\n\n## 2. One\n\nText.\n\n## 3. Two\n\nSee Section 2-3.\n")
    assert r.target == "2-3" and not r.resolved


def test_xrefs_item_enumerated_inline_in_the_clause_text() -> None:
    text = (
        "# A\n\n## 6. Warranties\n\n6.3 Provider warrants that: (a) it will perform the Services competently; "
        "(b) the Deliverables do not infringe; and (c) the Deliverables conform to the SOW.\n\n"
        "6.4 If Provider breaches Section 6.3(c), Provider will reperform; Section 6.3(e) does not exist.\n"
    )
    got = {r.target: r.resolved for r in refs(text)}
    assert got == {"6.3(c)": True, "6.3(e)": False}


def test_xrefs_subsection_relative_to_the_current_clause() -> None:
    text = (
        "# A\n\n## 6. Return of Information\n\nThe Recipient will: (a) cease using Confidential Information; "
        "(b) destroy it; and (c) confirm in writing. As an exception to subsection (b), the Recipient may keep backups; "
        "subsection (d) does not exist.\n"
    )
    got = {r.target: r.resolved for r in refs(text)}
    assert got == {"(b)": True, "(d)": False}


def test_xrefs_lettered_sections_with_numbered_items() -> None:
    text = (
        "# Terms\n\n## A. Definitions\n\nWords have meanings; see Section B(5) and Section B(7).\n\n"
        "## B. Account Terms\n\n### 1. Account Controls\n\nText.\n\n### 5. Additional Terms\n\nText.\n"
    )
    got = {r.target: r.resolved for r in refs(text)}
    assert got == {"B(5)": True, "B(7)": False}


def test_xrefs_bare_items_in_a_list_belong_to_the_clause_named_first() -> None:
    text = (
        "# A\n\n## 8. Termination\n\n8.1 Either party may terminate if:\n\n(a) the other breaches;\n\n(b) the other is insolvent.\n\n"
        "## 9. Effect\n\n9.1 Termination under Section 8.1(a) or (b) ends the licences; Section 8.1(a) and (c) too.\n"
    )
    got = [(r.target, r.resolved) for r in refs(text)]
    assert got == [("8.1(a)", True), ("8.1(b)", True), ("8.1(a)", True), ("8.1(c)", False)]


def test_xrefs_repeated_numbering_finds_the_clause_with_the_item() -> None:
    text = (
        "# A\n\n## 4. Place of Work\n\n4.1 The Executive works in London.\n\n## Schedule 2\n\n"
        "4.1 If the Executive: (a) commits fraud; (b) breaches; (c) resigns; or (d) retires, the award lapses.\n\n"
        "4.2 Clauses 4.1(a) to 4.1(d) apply; clause 4.1(e) does not exist.\n"
    )
    got = {r.target: r.resolved for r in refs(text) if r.target.startswith("4.1(")}
    assert got == {"4.1(a)": True, "4.1(d)": True, "4.1(e)": False}


def test_xrefs_number_glued_to_the_next_word_keeps_the_number() -> None:
    # "sub-clauses 4.1to 4.5of" (a missing space in EDGAR text) names clause 4.1, not "4.1t"
    (r, *_) = refs("# A\n\n## 4. Awards\n\n4.1 Text.\n\n4.2 Under sub-clauses 4.1to 4.5of this Schedule.\n")
    assert r.target == "4.1" and r.resolved


def test_xrefs_label_glued_to_a_word_is_not_a_further_target() -> None:
    (r,) = [r for r in refs("# A\n\n## 1. Servers\n\nIBM manages the servers listed in Attachment B, 24x7 every day.\n")]
    assert r.target == "Attachment B"


def test_xrefs_part_of_an_attachment_is_one_label_resolved_by_the_attachment() -> None:
    text = (
        "# A\n\n## 1. Supply\n\nSupply is made in the form of Exhibit C-1 or Exhibit C-2.\n\n"
        "# Exhibit C Forms of Agreements\n\nThe forms.\n"
    )
    got = {r.target: r.resolved for r in refs(text)}
    assert got == {"Exhibit C-1": True, "Exhibit C-2": True}


def test_xrefs_back_reference_to_another_documents_section_is_external() -> None:
    text = (
        "# A\n\n## 1. Payments\n\nThe payment is made as provided in Section 2.2.1 of the Marketing Agent Agreement, "
        "under the plan described in that Section 2.2.1 and in Section 1.\n"
    )
    got = [(r.target, r.external) for r in refs(text)]
    assert got == [("2.2.1", True), ("2.2.1", True), ("1", False)]


def test_xrefs_capitalised_reference_into_a_statute_is_external() -> None:
    (r,) = refs("# A\n\n## 1. Credits\n\nTHE FACILITY QUALIFIES FOR CREDITS UNDER SECTION 48 OF THE INTERNAL REVENUE CODE.\n")
    assert r.external


def test_xrefs_clause_item_written_without_brackets() -> None:
    text = (
        "# A\n\n## 8. Covenants\n\n### (a)\n\nComply with laws.\n\n### (b)\n\nNo misrepresentation.\n\n"
        "## 13. Term\n\nTermination for breach of Sections 8a and 8b; Section 8d does not exist.\n"
    )
    got = {r.target: r.resolved for r in refs(text)}
    assert got == {"8a": True, "8b": True, "8d": False}


def test_references_into_laws_and_named_schedules_are_external():
    a = analyze_md(
        """
        # 1. Data

        1.1 Special category data has the meaning in Article 9(1) of the GDPR.

        1.2 Service of documents follows Courts Act 2003 Section 1(1).

        1.3 The surcharge follows Schedule 6 (TUPE Surcharge) paragraph 2.1.1.

        1.4 The fees are payable as set out in Clause 7.2.

        1.5 The choice of law is valid under Section 5-1401, and the affirmative action duties under § 60-741.4 apply.
        """,
        aspects={"xrefs"},
    )
    external = {r.text: r.external for r in a.cross_refs}
    assert external["Article 9(1)"] and external["Section 1(1)"] and external["paragraph 2.1.1"]
    assert external["Section 5-1401"] and external["\u00a7 60-741.4"]
    assert external["Clause 7.2"] is False  # still an internal reference (and broken)
