"""Triage decisions: saved atomically beside the agreement, re-attached by fingerprint."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from slalint.analysis.facts import Evidence
from slalint.document import Anchor
from slalint.engine.findings import DocumentResult, Finding, Location
from slalint.triage import (
    REVIEW_SUFFIX,
    Review,
    ReviewFileError,
    apply_review,
    atomic_write_text,
    current_reviewer,
    fails_check,
    load_review,
    render_markdown_report,
    review_path_for,
)

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _reviewer(monkeypatch):
    monkeypatch.setenv("SLALINT_REVIEWER", "Test Reviewer")
    monkeypatch.delenv("SLALINT_REVIEW_DIR", raising=False)


def _finding(code: str, fp: str, section: str = "12.2", quote: str = "may terminate") -> Finding:
    return Finding(
        code=code,
        name=f"rule-{code.lower()}",
        severity="error",
        message=f"message of {code}",
        location=Location(file="x", section=section, title="Termination", anchor=Anchor("body", 3, 0, 5)),
        quote=quote,
        evidence=[Evidence(section, "Termination", Anchor("body", 3, 0, 5), quote)],
        fingerprint=fp,
    )


def _result(path: Path, *findings: Finding) -> DocumentResult:
    return DocumentResult(path=str(path), sha256="abc", format="docx", findings=list(findings))


def test_review_file_sits_beside_agreement_or_in_configured_folder(tmp_path):
    doc = tmp_path / "deals" / "contract.docx"
    assert review_path_for(doc) == tmp_path / "deals" / ("contract.docx" + REVIEW_SUFFIX)
    assert review_path_for(doc, tmp_path / "reviews") == tmp_path / "reviews" / "contract.docx.slalint-review.json"
    assert review_path_for(doc, None, tmp_path / "one.json") == tmp_path / "one.json"


def test_decision_saved_and_reloaded_with_reviewer_and_date(tmp_path):
    doc = tmp_path / "contract.docx"
    f1, f2 = _finding("SLA001", "fp-one"), _finding("DRF002", "fp-two", section="4.1")
    result = _result(doc, f1, f2)
    review = load_review(result)
    review.decide(f1, "accepted-risk", "  Customer agreed in negotiation ", when=WHEN)
    review.save()
    assert f1.status == "accepted-risk" and f1.note == "Customer agreed in negotiation"

    data = json.loads(review.path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["document"] == {"path": "contract.docx", "sha256": "abc"}
    entry = data["decisions"]["fp-one"]
    assert entry["status"] == "accepted-risk"
    assert entry["reviewer"] == "Test Reviewer"
    assert entry["date"] == "2026-03-02T09:30:00+00:00"
    assert (entry["code"], entry["section"], entry["quote"]) == ("SLA001", "12.2", "may terminate")

    fresh = _result(doc, _finding("SLA001", "fp-one"), _finding("DRF002", "fp-two", section="4.1"))
    assert apply_review(fresh) is not None
    assert [f.status for f in fresh.findings] == ["accepted-risk", "open"]
    assert fresh.findings[0].note == "Customer agreed in negotiation"


def test_reopen_removes_decision(tmp_path):
    f1 = _finding("SLA001", "fp-one")
    review = load_review(_result(tmp_path / "c.docx", f1))
    review.decide(f1, "to-fix", when=WHEN)
    review.decide(f1, "open")
    assert f1.status == "open" and review.decisions == {}
    with pytest.raises(ValueError):
        review.decide(f1, "maybe")


def test_decisions_survive_relint_and_stale_ones_are_kept(tmp_path):
    doc = tmp_path / "contract.docx"
    kept, gone = _finding("SLA001", "fp-kept"), _finding("DRF009", "fp-gone")
    review = load_review(_result(doc, kept, gone))
    review.decide(kept, "false-positive", "heading only", when=WHEN)
    review.decide(gone, "to-fix", when=WHEN)
    review.save()

    # The document changed: clause renumbered (same fingerprint), one finding fixed.
    renumbered = _finding("SLA001", "fp-kept", section="13.2")
    relinted = _result(doc, renumbered, _finding("SLA004", "fp-new"))
    again = apply_review(relinted)
    assert renumbered.status == "false-positive"
    assert relinted.findings[1].status == "open"
    assert [d.fingerprint for d in again.stale()] == ["fp-gone"]
    again.save()
    data = json.loads(again.path.read_text(encoding="utf-8"))
    assert data["decisions"]["fp-gone"]["stale"] is True
    assert data["decisions"]["fp-gone"]["status"] == "to-fix"

    # The finding comes back: the decision is live again.
    back = _result(doc, _finding("DRF009", "fp-gone"))
    apply_review(back)
    assert back.findings[0].status == "to-fix"


def test_accepted_and_false_positive_stop_failing_check(tmp_path):
    findings = [_finding("A", "fa"), _finding("B", "fb"), _finding("C", "fc"), _finding("D", "fd")]
    review = load_review(_result(tmp_path / "c.md", *findings))
    for f, status in zip(findings, ("accepted-risk", "false-positive", "to-fix", "needs-counsel")):
        review.decide(f, status, when=WHEN)
    assert [fails_check(f) for f in findings] == [False, False, True, True]


def test_apply_review_without_file_is_none(tmp_path):
    result = _result(tmp_path / "c.docx", _finding("A", "fa"))
    assert apply_review(result) is None
    assert result.findings[0].status == "open"


def test_apply_review_honours_review_dir_and_env(tmp_path, monkeypatch):
    f = _finding("A", "fa")
    review = load_review(_result(tmp_path / "c.docx", f), review_dir=tmp_path / "rv")
    review.decide(f, "accepted-risk", when=WHEN)
    review.save()
    assert review.path == tmp_path / "rv" / "c.docx.slalint-review.json"
    res = _result(tmp_path / "c.docx", _finding("A", "fa"))
    assert apply_review(res) is None  # not beside the agreement
    monkeypatch.setenv("SLALINT_REVIEW_DIR", str(tmp_path / "rv"))
    assert apply_review(res) is not None and res.findings[0].status == "accepted-risk"
    res2 = _result(tmp_path / "c.docx", _finding("A", "fa"))
    monkeypatch.delenv("SLALINT_REVIEW_DIR")
    assert apply_review(res2, config={"review_dir": str(tmp_path / "rv")}) is not None


@pytest.mark.parametrize(
    "content, cause",
    [
        ('{"version": 1, "decisions": {"fp": {"status": "accep', "not valid JSON"),
        ("[1, 2]", "not a slalint review file"),
        ('{"version": 1, "decisions": {"fp": {"status": "maybe"}}}', "unknown status"),
        ('{"version": 99, "decisions": {}}', "newer than this slalint"),
        (b"\xff\xfe\x00garbage", "cannot read review file"),
    ],
)
def test_corrupt_review_file_is_one_line_error(tmp_path, content, cause):
    doc = tmp_path / "contract.docx"
    path = review_path_for(doc)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ReviewFileError) as info:
        apply_review(_result(doc, _finding("A", "fp")))
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path)) and cause in message


def test_failed_save_never_replaces_good_file(tmp_path):
    doc = tmp_path / "contract.docx"
    f = _finding("A", "fa")
    review = load_review(_result(doc, f))
    review.decide(f, "accepted-risk", "first", when=WHEN)
    review.save()
    good = review.path.read_bytes()

    def crash(tmp: Path) -> None:
        assert tmp.parent == review.path.parent  # temp file in the same folder
        raise KeyboardInterrupt  # killed between write and rename

    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(review.path, "{ torn", _before_replace=crash)
    assert review.path.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == [review.path.name]  # temp removed


def test_leftover_partial_temp_file_is_ignored(tmp_path):
    doc = tmp_path / "contract.docx"
    f = _finding("A", "fa")
    review = load_review(_result(doc, f))
    review.decide(f, "needs-counsel", when=WHEN)
    review.save()
    # A process killed mid-write leaves only its temp file behind.
    (tmp_path / f".{review.path.name}.abc123.tmp").write_text('{"decisions": {"fa": {"sta', encoding="utf-8")
    res = _result(doc, _finding("A", "fa"))
    apply_review(res)
    assert res.findings[0].status == "needs-counsel"


def test_save_failure_is_review_file_error(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    f = _finding("A", "fa")
    review = Review(path=blocker / "c.json", document=str(tmp_path / "c.docx"))
    review.decide(f, "to-fix", when=WHEN)
    with pytest.raises(ReviewFileError):
        review.save()


def test_reviewer_from_environment(monkeypatch):
    monkeypatch.setenv("SLALINT_REVIEWER", "Jane Counsel")
    assert current_reviewer() == "Jane Counsel"


def test_markdown_report_lists_decisions_and_stale(tmp_path):
    doc = tmp_path / "contract.docx"
    a, b = _finding("SLA001", "fa"), _finding("DRF002", "fb", section="4.1")
    result = _result(doc, a, b)
    review = load_review(result)
    review.decide(a, "accepted-risk", "agreed | signed off", when=WHEN)
    review.decide(_finding("OLD1", "gone"), "to-fix", when=WHEN)
    review.apply(result.findings)
    text = render_markdown_report([result], {result.path: review}, generated="2026-03-02")
    assert text.startswith("# slalint triage report")
    assert "2 findings: 1 open, 1 accepted risk." in text
    assert "agreed \\| signed off" in text and "Test Reviewer" in text
    assert "OLD1 rule-old1 in section 12.2: to fix" in text
    # open findings come before accepted ones
    assert text.index("DRF002") < text.index("SLA001 rule-sla001")


def test_triage_module_does_not_import_textual():
    import subprocess
    import sys

    code = "import sys, slalint.triage; assert 'textual' not in sys.modules and 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ})


@pytest.mark.slow
def test_check_honours_decisions_end_to_end(tmp_path, samples_dir):
    """`slalint check` fails on the findings, passes once each is accepted or a false
    positive, and reports a corrupt review file in one line (exit 2)."""
    import shutil
    import subprocess
    import sys

    source = samples_dir / "legacy-msp-agreement.md"
    if not source.exists():
        pytest.skip("samples not built")
    doc = tmp_path / "legacy.md"
    shutil.copy(source, doc)
    cmd = [sys.executable, "-m", "slalint", "check", "--fail-on", "info", "--format", "json", "--no-cache", str(doc)]
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 1, first.stderr
    findings = json.loads(first.stdout)["documents"][0]["findings"]
    assert findings

    class _F:  # the JSON finding, as much of a Finding as triage needs
        def __init__(self, d):
            self.code, self.name, self.fingerprint = d["code"], d["name"], d["fingerprint"]
            self.quote, self.status, self.note = d.get("quote", ""), "open", ""
            self.location = Location(file=str(doc), section=d["location"]["section"])

    review = Review.load(review_path_for(doc), document=str(doc))
    for i, d in enumerate(findings):
        review.decide(_F(d), "accepted-risk" if i % 2 else "false-positive", "reviewed", when=WHEN)
    review.save()
    second = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    statuses = {f["status"] for f in json.loads(second.stdout)["documents"][0]["findings"]}
    assert statuses <= {"accepted-risk", "false-positive"}

    review.path.write_text("{ not json", encoding="utf-8")
    third = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    assert third.returncode == 2
    assert "not valid JSON" in third.stderr and third.stderr.strip().count("\n") == 0
