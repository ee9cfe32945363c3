"""The pre-commit hook (`.pre-commit-hooks.yaml`), run for real through `pre-commit try-repo`.

The hook repository is a snapshot of this working tree (tracked and untracked, non-ignored
files) committed into a temporary git repository, so the test checks what is on disk, not
the last commit. pre-commit installs slalint from that local path into its own virtualenv
(pip may fetch dependencies from the package index). The contracts repository has one
agreement with an error-level finding and one clean, and its own rule pack (built-in packs
off, so the test pins the hook, not the rule packs); the hook must fail on the first,
print the finding, and leave every file untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
FLAWED = "# Managed Services Agreement\n\n# 1. Services\n1.1 The Provider shall provide the managed services.\n\n# 2. Term\n2.1 This Agreement renews automatically for successive one-year terms.\n"
RULE = """code: ACME001
name: auto-renewal
summary: Evergreen terms need sign-off.
severity: error
kind: forbid
params:
  pattern: 'renews automatically'
message: "Automatic renewal: '{match}'"
docs:
  why: Firm policy.
  example_fail: x
  example_pass: y
  references: []
"""
CLEAN = "# Managed Services Agreement\n\n# 1. Services\n1.1 The Provider shall provide the managed services.\n\n# 2. Exclusions\n2.1 Hardware repairs are out of scope.\n"


def test_hook_manifest():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    [hook] = hooks
    assert hook["id"] == "slalint" and hook["language"] == "python"
    assert hook["entry"].startswith("slalint check")
    assert hook["files"] == r"\.(docx|md|txt)$"


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.mark.slow
@pytest.mark.external
def test_try_repo_runs_the_hook_on_a_contracts_repository(tmp_path):
    if not shutil.which("git") or not shutil.which("pre-commit"):
        pytest.skip("git and pre-commit are needed")
    snapshot = tmp_path / "hook-repo"
    files = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in filter(None, files):
        src = REPO / rel
        if src.is_file():
            dst = snapshot / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-qm", "snapshot")

    contracts = tmp_path / "contracts"
    contracts.mkdir()
    (contracts / "flawed.md").write_text(FLAWED)
    (contracts / "clean.md").write_text(CLEAN)
    (contracts / "playbook" / "acme").mkdir(parents=True)
    (contracts / "playbook" / "acme" / "ACME001.yaml").write_text(RULE)
    (contracts / ".slalint.yaml").write_text("rule_folders: [playbook]\nbuiltin_rules: false\n")
    git(contracts, "init", "-q")
    git(contracts, "add", "-A")
    git(contracts, "commit", "-qm", "contracts")
    before = {p.name: p.read_bytes() for p in contracts.iterdir() if p.is_file()}
    assert set(before) >= {"flawed.md", "clean.md"}

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    proc = subprocess.run(["pre-commit", "try-repo", str(snapshot), "slalint", "--all-files"], cwd=contracts,
                          capture_output=True, text=True, env=env, timeout=1500)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "ACME001" in out and "flawed.md" in out and "Failed" in out and "clean.md" not in out

    (contracts / "flawed.md").unlink()
    git(contracts, "add", "-A")
    git(contracts, "commit", "-qm", "fix")
    proc = subprocess.run(["pre-commit", "try-repo", str(snapshot), "slalint", "--all-files"], cwd=contracts,
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (contracts / "clean.md").read_bytes() == before["clean.md"]
    assert git(contracts, "status", "--porcelain") == ""
