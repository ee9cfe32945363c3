"""Checklist-topic coverage on real agreements against the hand-checked key
(tests/corpus/topic_key.yaml): CUAD EDGAR text, CCS and Common Paper DOCX, Markdown
from Common Paper, Bonterms, GitHub, 18F, SaaS Passport, and a student-written SLA."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from slalint.analysis.analyze import analyze
from slalint.analysis.facts import TOPIC_IDS, Analysis
from slalint.readers import read_document

KEY_FILE = Path(__file__).with_name("topic_key.yaml")
KEY: dict[str, dict] = yaml.safe_load(KEY_FILE.read_text(encoding="utf-8"))["documents"]


@lru_cache(maxsize=None)
def _analysis(corpus: Path, rel: str) -> Analysis:
    return analyze(read_document(corpus / rel), aspects={"topics"})


def _scored(corpus: Path, rel: str) -> tuple[set[str], set[str], set[str]]:
    """(true positives, false positives, false negatives) for one document."""
    entry = KEY[rel]
    a = _analysis(corpus, rel)
    unsure = set(entry.get("unsure", ()))
    predicted = {t for t in TOPIC_IDS if a.coverage[t].status == "present"} - unsure
    truth = set(entry["present"]) - unsure
    return predicted & truth, predicted - truth, truth - predicted


def test_corpus_topic_key_is_well_formed():  # type: ignore[no-untyped-def]
    assert len(KEY) >= 12
    origins = {rel.split("/")[0] for rel in KEY}
    assert {"cuad", "docx", "text"} <= origins
    for rel, entry in KEY.items():
        assert set(entry["present"]) <= set(TOPIC_IDS), rel
        assert set(entry.get("unsure", ())) <= set(TOPIC_IDS), rel
        assert not set(entry["present"]) & set(entry.get("unsure", ())), rel


@pytest.mark.corpus
@pytest.mark.parametrize("rel", sorted(KEY))
def test_corpus_topics_per_document(corpus_dir, rel):  # type: ignore[no-untyped-def]
    tp, fp, fn = _scored(corpus_dir, rel)
    # At most one false "present" per document, and most provisions found.
    assert len(fp) <= 1, f"false present: {sorted(fp)}"
    assert len(tp) >= 0.6 * (len(tp) + len(fn)), f"missed: {sorted(fn)}"


@pytest.mark.corpus
def test_corpus_topics_micro_precision_and_recall(corpus_dir):  # type: ignore[no-untyped-def]
    TP = FP = FN = 0
    for rel in KEY:
        tp, fp, fn = _scored(corpus_dir, rel)
        TP, FP, FN = TP + len(tp), FP + len(fp), FN + len(fn)
    assert TP / (TP + FP) >= 0.9
    assert TP / (TP + FN) >= 0.85


@pytest.mark.corpus
def test_corpus_document_kinds(corpus_dir):  # type: ignore[no-untyped-def]
    right = sum(_analysis(corpus_dir, rel).kind == entry["kind"] for rel, entry in KEY.items())
    assert right >= len(KEY) - 2


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rel, facts",
    [
        ("cuad/webhelpcominc-03-22-2000-ex-10-8-hosting-agreement.txt",
         {"termination_for_cause_by": "both", "auto_renews": True, "renewal_notice_stated": True}),
        ("text/github-corporate-terms-of-service.md",
         {"termination_for_convenience_by": "both", "termination_for_cause_by": "both", "auto_renews": False}),
        ("text/bonterms-service-level-agreement.md", {"service_levels_have_remedy": True}),
        ("docx/ccs-fm-2017-joint-schedule-1-definitions.docx", {"service_levels_have_remedy": "not applicable"}),
    ],
)
def test_corpus_document_facts(corpus_dir, rel, facts):  # type: ignore[no-untyped-def]
    got = _analysis(corpus_dir, rel).facts
    assert {k: got[k] for k in facts} == facts
