"""`slalint check`, `rules`, `rule`, `init` end to end: exit codes, streams, formats.

The tests run in a folder with its own rule pack (`playbook/acme`) and a `.slalint.yaml`
that turns the built-in packs off, so they pin the CLI's behaviour, not the rule packs'."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from slalint.cli import main

AGREEMENT = """# Managed Services Agreement

# 1. Services
1.1 The Provider shall provide the managed IT services described in Schedule 1.

# 2. Term
2.1 This Agreement renews automatically for successive one-year terms.
"""
CLEAN = AGREEMENT.replace("renews automatically for successive one-year terms",
                          "ends three years after the Effective Date") + "\n# 3. Exclusions\n3.1 Hardware repairs are out of scope.\n"


RULE = """code: {code}
name: {name}
summary: {summary}
severity: warning
kind: {kind}
params:
  {params}
message: "{message}"
docs:
  why: Firm policy.
  example_fail: x
  example_pass: y
  references: []
"""
CONFIG = "rule_folders: [playbook]\nbuiltin_rules: false\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    pack = tmp_path / "playbook" / "acme"
    pack.mkdir(parents=True)
    (pack / "ACME001.yaml").write_text(RULE.format(
        code="ACME001", name="auto-renewal-without-notice", summary="Evergreen terms need a notice window.",
        kind="forbid", params="pattern: 'renews automatically'", message="Automatic renewal: '{match}'"))
    (pack / "ACME002.yaml").write_text(RULE.format(
        code="ACME002", name="missing-exclusions", summary="Exclusions must be stated.",
        kind="require", params="pattern: 'out of scope'", message="No exclusions stated"))
    (tmp_path / ".slalint.yaml").write_text(CONFIG)
    (tmp_path / "flawed.md").write_text(AGREEMENT)
    (tmp_path / "clean.md").write_text(CLEAN)
    return tmp_path


def test_warnings_do_not_fail_by_default_but_fail_on_warning(tree, capsys):
    assert main(["check", "flawed.md"]) == 0
    out = capsys.readouterr().out
    assert "ACME001" in out and "ACME002" in out and "flawed.md" in out
    assert main(["check", "flawed.md", "--fail-on", "warning"]) == 1
    assert main(["check", "clean.md", "--fail-on", "info"]) == 0


def test_config_severity_and_fail_on(tree, capsys):
    (tree / ".slalint.yaml").write_text(CONFIG + "severity: {auto-renewal-without-notice: error}\n")
    assert main(["check", "flawed.md"]) == 1
    assert main(["check", "flawed.md", "--ignore", "ACME001"]) == 0
    assert main(["check", "flawed.md", "--select", "ACME00", "--ignore", "auto-renewal-without-notice"]) == 0
    (tree / ".slalint.yaml").write_text(CONFIG + "fail_on: warning\n")
    assert main(["check", "flawed.md"]) == 1
    assert main(["check", "flawed.md", "--fail-on", "none"]) == 0


def test_read_error_is_one_stderr_line_and_exit_2(tree, capsys):
    (tree / "broken.docx").write_bytes(b"garbage")
    rc = main(["check", "broken.docx", "clean.md", "--format", "json"])
    captured = capsys.readouterr()
    assert rc == 2
    assert captured.err.strip().splitlines() == ["slalint: broken.docx: not a DOCX file (not a zip archive)"] or \
        captured.err.startswith("slalint: broken.docx: ")
    assert "Traceback" not in captured.err
    data = json.loads(captured.out)
    assert [d["path"] for d in data["documents"]] == ["clean.md"] and data["errors"][0]["path"] == "broken.docx"


def test_usage_errors_exit_2(tree, capsys):
    assert main(["check", "--select", "no-such-rule", "flawed.md"]) == 2
    assert "unknown rule selector 'no-such-rule'" in capsys.readouterr().err
    assert main(["check", str(tree / "empty-folder-that-does-not-exist" / "*.docx")]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "pdf", "flawed.md"])
    assert exc.value.code == 2


def test_output_file_and_sarif(tree):
    assert main(["check", ".", "--format", "sarif", "-o", "out/report.sarif"]) == 0
    data = json.loads((tree / "out" / "report.sarif").read_text())
    assert data["version"] == "2.1.0" and data["runs"][0]["results"]


def test_baseline_round_trip(tree, capsys):
    assert main(["check", ".", "--write-baseline", "baseline.json"]) == 0
    capsys.readouterr()
    assert main(["check", ".", "--baseline", "baseline.json", "--fail-on", "info"]) == 0
    out = capsys.readouterr().out
    assert "No findings" in out and "hidden by the baseline" in out


def test_statistics(tree, capsys):
    main(["check", ".", "--statistics"])
    out = capsys.readouterr().out
    assert "ACME001" in out and "auto-renewal-without-notice" in out


def test_rules_rule_and_init(tree, capsys):
    assert main(["rules"]) == 0
    assert "auto-renewal-without-notice" in capsys.readouterr().out
    assert main(["rule", "auto-renewal-without-notice"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("# auto-renewal-without-notice (ACME001)") and "## Why it matters" in page
    assert main(["rule", "auto-renewal-without-notis"]) == 2
    assert "did you mean 'auto-renewal-without-notice'" in capsys.readouterr().err
    (tree / ".slalint.yaml").unlink()
    assert main(["init"]) == 0 and (tree / ".slalint.yaml").exists()
    before = (tree / ".slalint.yaml").read_text()
    assert main(["init"]) == 2 and "already exists" in capsys.readouterr().err
    assert (tree / ".slalint.yaml").read_text() == before
    assert main(["check", "clean.md", "--fail-on", "none"]) == 0  # the starter config is valid


def test_streams_in_a_subprocess_and_inputs_untouched(tree):
    before = (tree / "flawed.md").read_bytes()
    proc = subprocess.run([sys.executable, "-m", "slalint", "check", "flawed.md", "--format", "json", "--no-cache"],
                          capture_output=True, text=True, cwd=tree)
    assert proc.returncode == 0 and proc.stderr == ""
    json.loads(proc.stdout)
    assert (tree / "flawed.md").read_bytes() == before


def test_jobs_and_cache(tree, capsys):
    for n in range(3):
        (tree / f"copy{n}.md").write_text(AGREEMENT)
    assert main(["check", ".", "--jobs", "2", "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["check", ".", "--jobs", "2", "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert first == second and any((tree / ".slalint_cache").rglob("*.pickle"))


def test_progress_bar_draws_and_clears():
    import io

    from slalint.commands.check import Progress

    buf = io.StringIO()
    p = Progress(buf)
    p(1, 4, "/x/first agreement with a very long file name indeed.docx")
    p(4, 4, "/x/b.md")
    p.close()
    out = buf.getvalue()
    assert "[#######" in out and "1/4" in out and "4/4 b.md" in out and "..." in out
    assert out.endswith("\r")


def test_user_rule_folder_and_glob_through_the_cli(tree, capsys):
    (tree / ".slalint.yaml").write_text(CONFIG + "select: [acme]\nseverity: {ACME001: error}\n")
    assert main(["check", "*.md"]) == 1
    out = capsys.readouterr().out
    assert "Automatic renewal: 'renews automatically'" in out and "clean.md" not in out
    rule = tree / "playbook" / "acme" / "ACME001.yaml"
    rule.write_text(rule.read_text().replace("kind: forbid", "kind: forbidd"))
    assert main(["check", "flawed.md"]) == 2
    err = capsys.readouterr().err
    assert "ACME001.yaml:5: kind: unknown kind 'forbidd' (did you mean 'forbid'?)" in err
