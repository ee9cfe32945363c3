"""Summarising lint results into portfolio rows."""

from __future__ import annotations

import pytest
from portfolio_builders import duration, portfolio_results, result, stmt

from slalint.analysis.facts import TOPIC_IDS
from slalint.portfolio import build_portfolio, score, stated_period, summarise


def test_score_is_100_when_clean_and_falls_with_severity():
    assert score({}) == 100
    assert score({"error": 1}) == 90
    assert score({"error": 1}) < score({"warning": 1}) < score({"info": 1}) < 100
    assert score({"error": 5}) == 59
    assert score({"error": 200}) == 0


@pytest.mark.parametrize(
    "text,expected",
    [
        ("at least sixty (60) days' notice of non-renewal", "60 days"),
        ("an initial term of three (3) years", "3 years"),
        ("not less than 90 calendar days before the end", "90 calendar days"),
        ("for a term of one year", "one year"),
        ("renews for successive 12-month periods", "12 months"),
        ("no period here", ""),
    ],
)
def test_stated_period(text, expected):
    assert stated_period(text) == expected


def test_row_counts_coverage_rights_and_renewal():
    good, legacy, _ = portfolio_results()
    row = summarise(legacy)
    assert row.counts == {"error": 2, "warning": 1, "info": 1}
    assert row.score == score(row.counts)
    assert [f.severity for f in row.findings] == ["error", "error", "warning", "info"]
    assert row.coverage["service_levels"] == "present" and row.coverage["remedies"] == "absent"
    assert row.coverage["insurance"] == "unknown"
    assert set(row.coverage) == set(TOPIC_IDS)
    assert row.rights["terminate_for_cause"] == {"provider"}
    assert row.rights["terminate_for_convenience"] == frozenset()
    assert row.rights["suspend"] == {"provider"} and row.rights["amend"] == {"provider"}
    assert row.rights["liability_capped"] == frozenset()
    assert row.renewal["auto_renews"] is True and row.renewal["notice"] == ""
    assert row.parties == [("provider", "Acme IT Ltd"), ("customer", "Widget <Co>")]
    g = summarise(good)
    assert g.rights["terminate_for_cause"] == {"provider", "customer"}
    assert g.rights["liability_capped"] == {"provider", "customer"}
    assert g.renewal == {"auto_renews": True, "notice_stated": True, "notice": "60 days", "term": "3 years"}


def test_rights_unknown_without_facts_or_analysis():
    r = result("x.docx", present=("scope",))
    r.analysis = None
    row = summarise(r)
    assert all(v is None for v in row.rights.values())


def test_period_prefers_the_analysis_quantities():
    r = result("x.docx", present=("term",), quantities=[duration("twenty-four (24) months", 0)])
    assert summarise(r).renewal["term"] == "24 months"


def test_triaged_findings_do_not_count():
    _, legacy, _ = portfolio_results()
    legacy.findings[0].status = "accepted-risk"
    legacy.findings[1].status = "false-positive"
    row = summarise(legacy)
    assert row.counts == {"error": 0, "warning": 1, "info": 1}


def test_portfolio_sorts_worst_first_names_relative_and_ranks_frequent_findings():
    rows = [summarise(r) for r in portfolio_results()]
    p = build_portfolio(rows, errors=[{"path": "/contracts/acme/broken.docx", "error": "corrupt zip"}])
    assert [r.score for r in p.rows] == sorted(r.score for r in p.rows)
    assert {r.name for r in p.rows} >= {"good-msa.docx", "legacy/old-sla.docx"}
    top = p.frequent[0]
    assert (top.code, top.documents, top.findings) == ("DRAFT-001", 2, 2)
    assert p.totals == {"error": 2, "warning": 2, "info": 2}
    assert p.errors == [{"path": "/contracts/acme/broken.docx", "error": "corrupt zip"}]
    assert p.topic_presence()["scope"] == 3


def test_statement_prohibitions_are_not_rights():
    r = result("x.docx", statements=[stmt("customer", "suspend", "prohibition")])
    assert summarise(r).rights["suspend"] == frozenset()


def test_parties_skip_role_words_and_put_roles_first():
    from slalint.portfolio.model import parties_of

    facts = [{"name": "FABRICAM CLINIC, LLC", "role": None}, {"name": "Provider", "role": "provider"},
             {"name": "Northwind Ltd", "role": "provider"}, {"name": "northwind ltd", "role": "provider"}, {"role": "customer"}]
    assert parties_of(facts) == [("provider", "Northwind Ltd"), ("", "FABRICAM CLINIC, LLC")]
    assert parties_of(None) == []
