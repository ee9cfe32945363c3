"""``analyze()``: aspects, their dependencies, and the result."""

from __future__ import annotations

import pytest

import slalint.analysis.analyze as analyze_mod
from slalint.analysis.analyze import resolve_aspects
from tests.analysis._docs import PLANTED_SLA, analyze_md


def test_analyze_resolve_aspects_dependencies() -> None:
    assert resolve_aspects({"statements"}) == {"statements", "parties"}
    assert resolve_aspects({"topics"}) == {"topics", "terms", "parties", "statements", "quantities"}
    assert resolve_aspects(None) == set(analyze_mod.ASPECTS)


def test_analyze_unknown_aspect() -> None:
    with pytest.raises(ValueError, match="unknown analysis aspect"):
        resolve_aspects({"vibes"})


def test_analyze_only_asked_aspects_filled() -> None:
    a = analyze_md(PLANTED_SLA, aspects={"xrefs"})
    assert a.cross_refs and not a.glossary and not a.quantities and not a.parties and not a.sentences


def test_analyze_all_aspects_planted_sla() -> None:
    a = analyze_md(PLANTED_SLA)
    assert {"Availability", "Incident", "Services", "Provider", "Customer", "Party"} <= set(a.glossary)
    assert {u.term for u in a.undefined_terms} >= {"Critical Incident", "Downtime"}
    assert {p.role for p in a.parties} == {"provider", "customer"}
    assert [r.target for r in a.cross_refs if not r.resolved and not r.external] == ["Schedule A", "9.4"]
    assert [q.text for q in a.quantities if q.mismatch] == ["thirty (45) days"]
    assert any(s.text.startswith("Provider shall respond to each Critical Incident") for s in a.sentences)


def test_analyze_optional_module_missing_is_skipped() -> None:
    assert analyze_mod._optional("slalint.analysis.no_such_module", "anything") is None


def test_analyze_optional_module_broken_import_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    def broken(name: str):  # noqa: ANN202
        raise ModuleNotFoundError("No module named 'yaml_missing'", name="yaml_missing")

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        analyze_mod._optional("slalint.analysis.statements", "extract_statements")


def test_analyze_empty_document() -> None:
    a = analyze_md("# Title\n")
    assert a.glossary == {} and a.undefined_terms == [] and a.cross_refs == []


def test_analyze_sentences_of_numbered_clauses_without_their_run_in_title() -> None:
    a = analyze_md("# A\n\n## 1. Fees\n\n1.1 Payment. Customer shall pay monthly. Late fees apply.\n", aspects={"sentences"})
    texts = [s.text for s in a.sentences]
    assert "Customer shall pay monthly." in texts and "Late fees apply." in texts
    assert "Fees" not in texts
