"""The review app's pure helpers: the findings filter, the section index, rule docs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures"))

from review_fixture import build_msa  # noqa: E402

from slalint.tui.filters import FindingFilter, sort_key  # noqa: E402
from slalint.tui.index import DocumentIndex, display_path  # noqa: E402
from slalint.tui.ruledocs import RuleDocs  # noqa: E402
from slalint.tui.widgets.finding_detail import reflow  # noqa: E402


def test_filter_parses_keys_prefixes_and_words():
    flt = FindingFilter.parse("sev:warning+ pack:fair topic:term status:op notice")
    assert flt.severity == {"warning", "error"}
    assert flt.pack == {"fair"} and flt.topic == {"term"} and flt.status == {"op"}
    assert flt.words == ["notice"]
    result = build_msa()
    kept = [f.code for f in result.findings if flt.matches(f)]
    assert kept == ["FAIR006"]  # suspension-without-notice, on the termination topic


def test_filter_reports_what_it_did_not_understand():
    flt = FindingFilter.parse("sev:bogus liability")
    assert flt.errors == ["sev:bogus"] and flt.words == ["liability"]
    assert FindingFilter.parse("").empty


def test_sort_by_severity_then_position():
    result = build_msa()
    items = sorted(((0, f) for f in result.findings), key=sort_key("severity"))
    ranks = [{"error": 0, "warning": 1, "info": 2}[f.severity] for _, f in items]
    assert ranks == sorted(ranks)
    errors = [f.location.anchor.paragraph for _, f in items if f.severity == "error"]
    assert errors == sorted(errors)


def test_index_maps_findings_to_sections_and_counts_them():
    result = build_msa()
    index = DocumentIndex.build(result)
    doc = result.document
    termination = doc.find_section("6")
    assert index.stats_for(termination).count == 4
    assert index.stats_for(termination).worst == 2  # an error among them
    assert index.stats_for(doc.root).count == 12  # every anchored finding
    assert [f.name for f in index.document_level] == ["missing-exclusions", "missing-service-review"]
    clause = doc.find_section("6.3")
    assert index.section_of(next(f for f in result.findings if f.code == "FAIR006")) is clause
    assert index.context_section(clause) is termination
    assert index.contains(termination, clause) and not index.contains(clause, termination)


def test_index_of_unreadable_document_is_document_level_only():
    from slalint.engine.findings import DocumentResult

    index = DocumentIndex.build(DocumentResult(path="x.doc", error="x.doc: legacy"))
    assert index.document is None and index.document_level == []


def test_display_path_adds_folder_only_for_clashing_names():
    assert display_path("a/contract.docx", ["a/contract.docx", "b/other.docx"]) == "contract.docx"
    assert display_path("a/contract.docx", ["a/contract.docx", "b/contract.docx"]) == "a/contract.docx"


def test_reflow_joins_yaml_lines_and_keeps_paragraphs():
    assert reflow("one\ntwo\n\nthree\n- item\n- item two") == "one two\n\nthree\n- item\n- item two"


def test_rule_docs_from_table_and_fallback():
    docs = RuleDocs(table={"one-sided-termination": {"why": "Because."}})
    finding = build_msa().findings[0]
    assert docs.get(finding) == {"why": "Because."}
    assert docs.why("nothing") is None


def test_rule_docs_come_from_the_engine_rule_packs():
    from slalint.engine.findings import Finding, Location

    try:
        from slalint.engine.loader import load_ruleset

        rule = next(iter(load_ruleset().rules))
    except Exception as exc:  # pragma: no cover - engine not available
        pytest.skip(f"rule packs not loadable: {exc}")
    docs = RuleDocs()
    found = docs.get(Finding(rule.code, rule.name, "warning", "m", Location("x")))
    assert found is not None and (found.get("why") or found.get("summary"))


@pytest.mark.slow
def test_process_linter_lints_in_a_child_and_stops(tmp_path):
    """Linting runs in a child process (the window stays responsive); close() ends it."""
    import os

    from slalint.tui.linting import ProcessLinter

    doc = tmp_path / "a.md"
    doc.write_text("# Services Agreement\n\n## 1. Services\n\nProvider shall provide the services.\n", encoding="utf-8")
    linter = ProcessLinter()
    linter.start()
    try:
        result = linter(str(doc), None)
        assert result.error is None and result.document is not None
        assert not linter.in_process
        pids = [p.pid for p in getattr(linter._pool, "_processes", {}).values()]
        assert pids and os.getpid() not in pids
    finally:
        linter.close()
    with pytest.raises(Exception):
        linter(str(doc), None)  # closed: lints nothing more
