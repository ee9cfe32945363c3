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
    assert got == [("4", True), ("5", True), ("6", True), ("4", True), ("7", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Customer's rights under Section 3 of the Master Agreement survive.",
        "Processing is governed by Section 2.1 of the DPA.",
        "Nothing limits immunity under Section 230 of the Communications Decency Act.",
        "Reports follow 15 U.S.C. \u00a7 1681.",
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
