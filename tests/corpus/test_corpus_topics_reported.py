"""Regressions for topic, kind and cross-reference bugs reported by the rule-pack authors
on real agreements (each fixed in a general way; these documents are where they showed)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from slalint.analysis.analyze import analyze
from slalint.analysis.facts import Analysis
from slalint.readers import read_document


@lru_cache(maxsize=None)
def _analysis(path: Path, aspects: frozenset[str] = frozenset({"topics"})) -> Analysis:
    return analyze(read_document(path), aspects=set(aspects))


def _status(corpus: Path, rel: str, topic: str) -> str:
    return _analysis(corpus / rel).coverage[topic].status


def test_price_table_rows_do_not_make_security_present(samples_dir: Path) -> None:
    # "Firewall management | 1 | $300.00" in the fee table is a billed item
    assert _analysis(samples_dir / "legacy-msp-agreement.docx").coverage["security"].status != "present"


def test_chronic_service_level_failure_termination_is_for_cause(samples_dir: Path) -> None:
    a = _analysis(samples_dir / "msp-managed-services-agreement.docx")
    assert a.facts["termination_for_cause_by"] == "both"
    assert not [s for s in a.statements if s.evidence.section == "7.5" and s.action == "terminate_for_convenience"]


@pytest.mark.corpus
@pytest.mark.parametrize("rel", ["docx/common-paper-independent-contractor-agreement.docx", "text/automattic-us-contractor-agreement.md"])
def test_contractor_agreements_are_other(corpus_dir: Path, rel: str) -> None:
    assert _analysis(corpus_dir / rel).kind == "other"


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rel, topic, present",
    [
        ("docx/ccs-fm-2017-core-terms-v1-4.docx", "response_times", False),  # "Rectification Plan within 10 Working Days"
        ("docx/ccs-fm-da-2020-core-terms-v3-0-2.docx", "response_times", False),
        ("cuad/beyondcomcorp-08-03-2000-ex-10-2-co-hosting-agreement.txt", "service_levels", False),  # "10% of the impressions available"
        ("cuad/nexstarfinanceholdingsinc-03-27-2002-ex-10-26-outsourcing-agreement.txt", "auto_renewal", False),  # deadline extended
        ("cuad/reynoldsconsumerproductsinc-20200121-s-1a-ex-10-22-11948918-ex-10-22-service-agreement.txt", "auto_renewal", False),  # "Evergreen Packaging"
        ("cuad/verticalnetinc-04-01-2002-ex-10-19-maintenance-and-support-agreement.txt", "customer_obligations", True),  # "Converge shall provide"
    ],
)
def test_reported_topic_statuses(corpus_dir: Path, rel: str, topic: str, present: bool) -> None:
    assert (_status(corpus_dir, rel, topic) == "present") is present


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rel, quote, target, expect",
    [
        ("text/github-terms-of-service.md", "Section B(5)", "B(5)", "resolved"),
        ("docx/common-paper-professional-services-agreement.docx", "Section 6.3(c)", "6.3(c)", "resolved"),
        ("docx/common-paper-one-way-nda.docx", "subsection (b)", "(b)", "resolved"),
        ("text/github-marketplace-developer-agreement.md", "12-18", "18", "resolved"),
        ("text/bonterms-cloud-terms.md", "Article 9(1)", "9(1)", "external"),
        ("docx/ccs-fm-da-2020-service-requirements-and-standards.docx", "Section 1 (1)", "1(1)", "external"),
    ],
)
def test_reported_cross_references(corpus_dir: Path, rel: str, quote: str, target: str, expect: str) -> None:
    refs = [r for r in _analysis(corpus_dir / rel, frozenset({"xrefs"})).cross_refs if quote in r.text and r.target == target]
    assert refs and all(getattr(r, expect) for r in refs)
