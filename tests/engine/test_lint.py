"""lint_file / lint_paths / collect_files: files in, results out, errors contained."""

from __future__ import annotations

import os

import pytest
from engine_helpers import rule_yaml, write_pack

from slalint.analysis.facts import FACT_KEYS, TOPIC_IDS
from slalint.config import Config, config_from_mapping
from slalint.engine import lint as lint_mod
from slalint.engine.baseline import apply_baseline, write_baseline
from slalint.engine.lint import collect_files, lint_file, lint_paths

AGREEMENT = """# Managed Services Agreement

# 1. Services
1.1 The Provider shall provide the managed IT services described in Schedule 1.

# 2. Term
2.1 This Agreement renews automatically for successive one-year terms.
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.md").write_text(AGREEMENT)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(AGREEMENT.replace("#", "").replace("renews automatically", "ends"))
    (tmp_path / "sub" / "~$lock.docx").write_bytes(b"lock")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.md").write_text(AGREEMENT)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    return tmp_path


def test_collect_files_walks_folders_and_globs(folder):
    assert [p.name for p in collect_files([folder])] == ["a.md", "b.txt"]
    assert [p.name for p in collect_files([str(folder / "**" / "*.txt")])] == ["b.txt"]
    explicit = collect_files([folder / "notes.pdf", folder / "missing.docx", folder / "a.md", folder])
    assert [p.name for p in explicit] == ["notes.pdf", "missing.docx", "a.md", "b.txt"]


def test_lint_file_fills_coverage_facts_and_keeps_the_document(folder):
    r = lint_file(folder / "a.md", Config(root=folder))
    assert r.error is None and r.format == "markdown" and len(r.sha256) == 64
    assert list(r.coverage) == list(TOPIC_IDS)
    assert set(FACT_KEYS) <= set(r.facts)
    assert r.document is not None and r.analysis is not None
    assert "SLA016" in {f.code for f in r.findings}


def test_read_errors_never_raise(folder):
    (folder / "broken.docx").write_bytes(b"not a zip")
    r = lint_file(folder / "broken.docx", Config(root=folder))
    assert r.error and r.error.startswith(str(folder / "broken.docx") + ": ")
    run = lint_paths([folder / "broken.docx", folder / "a.md"], Config(root=folder))
    assert [d.path for d in run.documents] == [str(folder / "a.md")]
    assert run.errors[0]["path"] == str(folder / "broken.docx")


def test_lint_paths_keeps_input_order_with_a_process_pool(folder):
    for n in range(4):
        (folder / f"z{n}.md").write_text(AGREEMENT)
    seen = []
    run = lint_paths([folder], Config(root=folder), jobs=2, progress=lambda d, t, p: seen.append((d, t)), keep_documents=False)
    names = [os.path.basename(d.path) for d in run.documents]
    assert names == ["a.md", "z0.md", "z1.md", "z2.md", "z3.md", "b.txt"]
    assert seen[-1] == (6, 6) and len(seen) == 6
    serial = lint_paths([folder], Config(root=folder), jobs=1, keep_documents=False)
    assert [[f.fingerprint for f in d.findings] for d in run.documents] == [[f.fingerprint for f in d.findings] for d in serial.documents]


def test_cache_hit_skips_reading(folder, monkeypatch):
    cfg = Config(root=folder, cache_dir=folder / "cache")
    first = lint_file(folder / "a.md", cfg, keep_documents=False, use_cache=True)
    assert any((folder / "cache").rglob("*.pickle"))

    def no_read(path):
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr("slalint.readers.read_document", no_read)
    again = lint_file(folder / "a.md", cfg, keep_documents=False, use_cache=True)
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in first.findings]
    (folder / "a.md").write_text(AGREEMENT + "\n# 3. Exclusions\n3.1 Hardware is out of scope.\n")
    monkeypatch.undo()
    changed = lint_file(folder / "a.md", cfg, keep_documents=False, use_cache=True)
    assert "SLA002" not in {f.code for f in changed.findings}


def test_triage_hook_sets_status(folder, monkeypatch):
    class FakeTriage:
        @staticmethod
        def apply_review(result, config=None):
            for f in result.findings:
                f.status = "accepted-risk"

    monkeypatch.setattr(lint_mod, "_triage_module", lambda: FakeTriage)
    r = lint_file(folder / "a.md", Config(root=folder))
    assert r.findings and all(f.status == "accepted-risk" for f in r.findings)


def test_user_rule_folder_through_config(folder, tmp_path_factory):
    rules = tmp_path_factory.mktemp("playbook")
    write_pack(rules, {"ACME001": rule_yaml(code="ACME001", name="evergreen-clause", kind="forbid",
                                            params="pattern: 'renews automatically'", message="Evergreen: {match}")}, pack="acme")
    cfg = config_from_mapping({"rule_folders": [str(rules)], "select": ["acme"]}, folder / ".slalint.yaml")
    r = lint_file(folder / "a.md", cfg)
    assert [(f.code, f.message, f.pack) for f in r.findings] == [("ACME001", "Evergreen: renews automatically", "acme")]


def test_baseline_hides_known_findings_and_survives_renumbering(folder):
    cfg = Config(root=folder)
    run = lint_paths([folder / "a.md"], cfg)
    n = len(run.documents[0].findings)
    assert n >= 2
    base = folder / "baseline.json"
    assert write_baseline(run, base) == n
    (folder / "a.md").write_text(AGREEMENT.replace("# 2. Term", "# 1A. Preliminaries\nText.\n\n# 3. Term").replace("2.1 This", "3.1 This"))
    again = lint_paths([folder / "a.md"], cfg)
    assert apply_baseline(again, base) == n and again.documents[0].findings == []
    # an accepted deviation keeps its reason when the baseline is rewritten
    import json
    data = json.loads(base.read_text())
    data["entries"][0]["reason"] = "accepted by counsel"
    data["entries"][0]["reviewer"] = "J. Doe"
    base.write_text(json.dumps(data))
    fresh = lint_paths([folder / "a.md"], cfg)
    write_baseline(fresh, base)
    kept = json.loads(base.read_text())["entries"]
    assert any(e.get("reason") == "accepted by counsel" and e.get("reviewer") == "J. Doe" for e in kept)


def test_collect_files_skips_repository_housekeeping_files(tmp_path):
    """README.md, CHANGELOG.md, LICENSE.txt in a contracts folder are not agreements; a
    contract whose name merely starts like one is kept, and an explicit path is kept."""
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "msa.md", "security-schedule.md", "readme-first.md"):
        (tmp_path / name).write_text("# 1. Services\n1.1 The Provider shall provide the services.\n")
    assert [p.name for p in collect_files([tmp_path])] == ["msa.md", "readme-first.md", "security-schedule.md"]
    assert [p.name for p in collect_files([tmp_path / "README.md"])] == ["README.md"]


def test_precommit_hook_excludes_housekeeping_files():
    import re
    from pathlib import Path

    import yaml

    hook = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text())[0]
    exclude = re.compile(hook["exclude"])
    assert exclude.search("README.md") and exclude.search("docs/CHANGELOG.md") and exclude.search("~$msa.docx")
    assert not exclude.search("contracts/msa.docx") and not exclude.search("contracts/security-schedule.docx")
