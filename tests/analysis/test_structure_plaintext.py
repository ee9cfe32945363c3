"""numbering-gap and broken-cross-reference on plain text (SEC EDGAR filings): numbers the
text reader could not open as sections are not the drafter's gaps or broken references."""

from __future__ import annotations

from pathlib import Path

import pytest

from slalint.config import Config
from slalint.engine.lint import lint_document
from slalint.engine.loader import load_ruleset
from slalint.readers import read_document


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset()


def _findings(tmp_path: Path, ruleset, code: str, text: str):
    path = tmp_path / "agreement.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    result = lint_document(doc, Config(), triage=False, rules=[ruleset.get(code)], ruleset=ruleset)
    return [f for f in result.findings if f.code == code]


_CLAUSES = "\n\n".join(
    f"{n}. HEADING {n}\n\n{n}.1 The Operator shall perform the obligations of clause {n} with due care and skill."
    for n in range(1, 8)
)


def test_sub_clause_number_glued_to_its_text_is_no_gap(tmp_path, ruleset):
    text = _CLAUSES + (
        "\n\n8. PERFORMANCE\n\n8.1 Datec will:\n\n8.1.1monitor and report on the performance of the network;"
        "\n\n8.1.2 improve its performance of the Services;\n\n8.1.3 recommend changes to improve performance;\n"
    )
    found = _findings(tmp_path, ruleset, "DRF007", text)
    assert not [f for f in found if "8.1.1" in f.message], [f.message for f in found]


def test_real_gap_in_plain_text_is_still_found(tmp_path, ruleset):
    text = _CLAUSES + (
        "\n\n8. PERFORMANCE\n\n8.1 Datec will monitor the network.\n\n8.2 Datec will improve the Services."
        "\n\n8.4 Datec will recommend changes.\n"
    )
    found = _findings(tmp_path, ruleset, "DRF007", text)
    assert [f for f in found if "8.3 is missing" in f.message], [f.message for f in found]


def test_schedule_headed_inside_a_spaced_paragraph_is_attached(tmp_path, ruleset):
    text = (
        "RESELLER AGREEMENT\n\n1. PRODUCTS\n\n1.1 Reseller may sell the products listed in Schedule 2 within the territory."
        "\n\n1.2 Reseller shall pay the prices in Schedule 2.\n\n"
        "2. TERM\n\n2.1 This Agreement continues for one year.\n\n"
        "Schedule 1  Reseller Information    Name of the Reseller and its address.\n\n"
        "The parties sign below.    Schedule 2  Products    Unless otherwise agreed, the products are the Wallet and the Vault.\n"
    )
    gaps = _findings(tmp_path, ruleset, "DRF007", text)
    assert not [f for f in gaps if "Schedule" in f.message], [f.message for f in gaps]


def test_unattached_schedule_in_plain_text_is_still_broken(tmp_path, ruleset):
    text = (
        "SERVICES AGREEMENT\n\n1. SERVICES\n\n1.1 Provider will provide the services described in Schedule 4 hereto."
        "\n\n1.2 Customer will pay the fees.\n\n2. TERM\n\n2.1 This Agreement continues for one year.\n"
    )
    found = _findings(tmp_path, ruleset, "DRF006", text)
    assert [f for f in found if "Schedule 4 is referenced but not attached" in f.message], [f.message for f in found]
