"""The flawed sample's complete findings, all packs together, match a golden file exactly.

`samples/legacy-msp-agreement.docx` carries the planted defects listed in samples/README.md.
What changes in tests/golden/legacy-msp-agreement.findings.json is a change to what users see
on that agreement and should be read in the diff. Regenerate deliberately with
`SLALINT_UPDATE_GOLDEN=1 python -m pytest tests/test_sample_golden.py`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from slalint.config import Config
from slalint.engine.lint import lint_document
from slalint.readers import read_document

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "legacy-msp-agreement.docx"
GOLDEN = REPO / "tests" / "golden" / "legacy-msp-agreement.findings.json"


def _findings(path: Path) -> list[dict]:
    result = lint_document(read_document(path), Config(), triage=False)
    out = []
    for f in result.findings:
        a = f.location.anchor
        out.append({
            "code": f.code,
            "name": f.name,
            "severity": f.severity,
            "section": f.location.section,
            "message": f.message,
            "quote": f.quote,
            "span": [a.part, a.paragraph, a.start, a.end] if a else None,
            "suggestion_id": f.suggestion_id,
            "fingerprint": f.fingerprint,
        })
    return out


def test_flawed_sample_findings_match_golden():
    got = _findings(SAMPLE)
    if os.environ.get("SLALINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == want


def test_markdown_twin_finds_the_same_defects():
    """The Markdown twin of the flawed sample yields the same rules at the same sections."""
    docx = sorted((f["code"], f["section"] or "") for f in _findings(SAMPLE))
    md = sorted((f["code"], f["section"] or "") for f in _findings(SAMPLE.with_suffix(".md")))
    assert md == docx


def test_well_drafted_samples_have_no_error():
    for name in ("msp-managed-services-agreement", "sow-network-refresh"):
        for suffix in (".docx", ".md"):
            errors = [f for f in _findings(REPO / "samples" / f"{name}{suffix}") if f["severity"] == "error"]
            assert errors == [], (name, suffix, errors)
