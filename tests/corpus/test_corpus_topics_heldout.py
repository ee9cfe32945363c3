"""Checklist-topic coverage against the held-out key (tests/corpus/topic_key_heldout.yaml):
twelve more agreements (CUAD EDGAR text, CCS schedules, Common Paper order forms, pilot and
DPA, SaaS Passport, Basecamp, 18F, easylegaldocs, an Australian order template), judged by
reading them before slalint's output was looked at.

The assertions are thresholds, not equality: a small regression shows as a failing
document, while the key stays an honest reading rather than a copy of the output."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from slalint.analysis.analyze import analyze
from slalint.analysis.facts import TOPIC_IDS, Analysis
from slalint.readers import read_document

KEY_FILE = Path(__file__).with_name("topic_key_heldout.yaml")
KEY: dict[str, dict] = yaml.safe_load(KEY_FILE.read_text(encoding="utf-8"))["documents"]
FIRST_KEY: dict[str, dict] = yaml.safe_load(Path(__file__).with_name("topic_key.yaml").read_text(encoding="utf-8"))["documents"]


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


def test_heldout_key_is_well_formed_and_separate():  # type: ignore[no-untyped-def]
    assert len(KEY) >= 10
    assert not set(KEY) & set(FIRST_KEY), "the held-out documents must not be in the first key"
    assert {rel.split("/")[0] for rel in KEY} >= {"cuad", "docx", "text"}
    for rel, entry in KEY.items():
        assert set(entry["present"]) <= set(TOPIC_IDS), rel
        assert set(entry.get("unsure", ())) <= set(TOPIC_IDS), rel
        assert not set(entry["present"]) & set(entry.get("unsure", ())), rel
    covered = {t for entry in KEY.values() for t in entry["present"]}
    assert {"exit_transition", "insurance", "audit_rights"} <= covered


@pytest.mark.corpus
@pytest.mark.parametrize("rel", sorted(KEY))
def test_heldout_topics_per_document(corpus_dir, rel):  # type: ignore[no-untyped-def]
    tp, fp, fn = _scored(corpus_dir, rel)
    decided = len(TOPIC_IDS) - len(KEY[rel].get("unsure", ()))
    agree = decided - len(fp) - len(fn)
    assert agree >= 0.9 * decided, f"false present: {sorted(fp)}; missed: {sorted(fn)}"
    assert len(fp) <= 1, f"false present: {sorted(fp)}"


@pytest.mark.corpus
def test_heldout_micro_precision_and_recall(corpus_dir):  # type: ignore[no-untyped-def]
    TP = FP = FN = 0
    for rel in KEY:
        tp, fp, fn = _scored(corpus_dir, rel)
        TP, FP, FN = TP + len(tp), FP + len(fp), FN + len(fn)
    assert TP / (TP + FP) >= 0.9
    assert TP / (TP + FN) >= 0.88


@pytest.mark.corpus
def test_heldout_document_kinds(corpus_dir):  # type: ignore[no-untyped-def]
    right = sum(_analysis(corpus_dir, rel).kind == entry["kind"] for rel, entry in KEY.items())
    assert right >= len(KEY) - 2


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rel, facts",
    [
        ("cuad/xacct-technologies-inc-support-and-maintenance-agreement.txt",
         {"auto_renews": True, "renewal_notice_stated": True, "termination_for_cause_by": "provider"}),
        ("text/easylegaldocs-consultancy-agreement.md",
         {"termination_for_convenience_by": "customer", "termination_for_cause_by": "both"}),
        ("docx/common-paper-order-form-with-sla.docx", {"service_levels_have_remedy": True}),
        ("text/basecamp-terms-of-service.md", {"service_levels_have_remedy": "not applicable"}),
    ],
)
def test_heldout_document_facts(corpus_dir, rel, facts):  # type: ignore[no-untyped-def]
    got = _analysis(corpus_dir, rel).facts
    assert {k: got[k] for k in facts} == facts
