"""Bad input and bad output paths across the commands (check, outline, annotate, report,
review, rules, init), as a user meets them: each costs one line on stderr naming the path
and the cause, exit code 2, no traceback; the other files are still processed; inputs stay
byte-identical; a failed write leaves no partial or temporary file behind.

The tests run with a one-rule pack and the built-in packs off, so they pin the commands'
behaviour, not the rule packs'."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import docx
import pytest

from slalint.cli import main

AGREEMENT = """# Managed Services Agreement

# 1. Services
1.1 The Provider shall provide the managed IT services described in Schedule 1.

# 2. Term
2.1 This Agreement renews automatically for successive one-year terms.
"""

RULE = """code: ACME001
name: auto-renewal-without-notice
summary: Evergreen terms need a notice window.
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


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_heading("Managed Services Agreement", 0)
    d.add_heading("1. Term", 1)
    d.add_paragraph("1.1 This Agreement renews automatically for successive one-year terms.")
    d.add_paragraph("1.2 Either party may terminate this Agreement for material breach.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    pack = tmp_path / "playbook" / "acme"
    pack.mkdir(parents=True)
    (pack / "ACME001.yaml").write_text(RULE)
    (tmp_path / ".slalint.yaml").write_text("rule_folders: [playbook]\nbuiltin_rules: false\n")
    (tmp_path / "good.md").write_text(AGREEMENT)
    real = _docx_bytes()
    (tmp_path / "real.docx").write_bytes(real)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.md").write_text("")
    (bad / "text.docx").write_text("just text, not a zip\n")
    (bad / "truncated.docx").write_bytes(real[:2000])
    (bad / "encrypted.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    (tmp_path / "no agreements").mkdir()
    (tmp_path / "no agreements" / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "a file").write_text("not a folder\n")
    return tmp_path


BAD = ["missing.docx", "bad/empty.md", "bad/text.docx", "bad/truncated.docx", "bad/encrypted.docx"]


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def _no_temp_files(root: Path) -> None:
    left = [p.name for p in root.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".tmp-")]
    assert not left, left


def _run(capsys, *argv: str) -> tuple[int, str, list[str]]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err.splitlines()


def _one_line_about(err: list[str], path: str) -> str:
    assert not any("Traceback" in line for line in err), err
    lines = [line for line in err if path in line]
    assert len(lines) == 1, err
    assert lines[0].startswith("slalint: ")
    return lines[0]


# --- unreadable inputs, every command -------------------------------------------------


@pytest.mark.parametrize("bad", BAD)
def test_check_bad_input_one_line_others_processed(tree, capsys, bad):
    before = _hashes(tree)
    rc, out, err = _run(capsys, "check", bad, "good.md", "--no-cache")
    assert rc == 2
    _one_line_about(err, bad)
    assert "good.md" in out and "ACME001" in out
    assert _hashes(tree) == before


@pytest.mark.parametrize("bad", BAD)
def test_outline_bad_input_one_line_others_processed(tree, capsys, bad):
    before = _hashes(tree)
    rc, out, err = _run(capsys, "outline", bad, "good.md")
    assert rc == 2
    _one_line_about(err, bad)
    assert "good.md" in out and "Term" in out
    assert _hashes(tree) == before


@pytest.mark.parametrize("bad", [b for b in BAD if b.endswith(".docx")])
def test_annotate_bad_input_writes_nothing(tree, capsys, bad):
    before = _hashes(tree)
    rc, _, err = _run(capsys, "annotate", bad, "-o", "out.docx")
    assert rc == 2
    _one_line_about(err, bad)
    assert not (tree / "out.docx").exists()
    assert _hashes(tree) == before
    _no_temp_files(tree)


@pytest.mark.parametrize("bad", BAD)
def test_report_bad_input_listed_once_with_its_cause(tree, capsys, bad):
    before = _hashes(tree)
    rc, _, err = _run(capsys, "report", bad, "good.md", "-o", "audit.md", "--no-progress")
    assert rc == 2
    line = _one_line_about([e for e in err if not e.startswith("slalint: wrote")], bad)
    cause = line.split(f"{bad}: ", 1)[1]
    text = (tree / "audit.md").read_text()
    assert "good.md" in text
    # the errors section names the file once, then the cause (not "path: path: cause")
    assert f"- {bad}: {cause}" in text
    assert f"{bad}: {bad}:" not in text
    assert {k: v for k, v in _hashes(tree).items() if k != "audit.md"} == before


def test_folder_with_no_agreements_is_an_error_for_every_batch_command(tree, capsys):
    for argv in (["check", "no agreements"], ["report", "no agreements", "-o", "audit.html"],
                 ["review", "no agreements"]):
        rc, out, err = _run(capsys, *argv)
        assert rc == 2, argv
        assert len(err) == 1 and "no agreements" in err[0], (argv, err)
        assert "Traceback" not in out
    assert not (tree / "audit.html").exists()


def test_review_expands_a_quoted_glob_instead_of_calling_it_missing(tree, capsys):
    rc, _, err = _run(capsys, "review", "*.md")
    # Under pytest there is no terminal: the glob got past the path checks to the TTY check.
    assert rc == 2
    assert len(err) == 1 and "interactive terminal" in err[0]
    rc, _, err = _run(capsys, "review", "nothing-here/*.md")
    assert rc == 2 and "no agreements" in err[0]


def test_annotate_folder_as_input(tree, capsys):
    rc, _, err = _run(capsys, "annotate", "no agreements", "-o", "out.docx")
    assert rc == 2
    assert "is a folder" in _one_line_about(err, "no agreements")


# --- outputs that cannot be written ------------------------------------------------------


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_check_output_is_a_folder_or_under_a_file(tree, capsys, option):
    for target, cause in (("no agreements", "is a folder"), ("a file/report.json", "is a file, not a folder")):
        rc, _, err = _run(capsys, "check", "good.md", "--no-cache", option, target)
        assert rc == 2
        assert cause in _one_line_about(err, target)
    assert (tree / "a file").read_text() == "not a folder\n"


def test_check_write_error_is_one_line_and_leaves_no_temp_file(tree, capsys, monkeypatch):
    import slalint.atomicio as atomicio

    def full_disk(tmp: Path) -> None:
        raise OSError(28, "No space left on device")

    real = atomicio.write_text_atomic
    monkeypatch.setattr("slalint.commands.check.write_text_atomic",
                        lambda path, text: real(path, text, _before_replace=full_disk))
    rc, _, err = _run(capsys, "check", "good.md", "--no-cache", "--format", "json", "-o", "report.json")
    assert rc == 2
    assert "No space left on device" in _one_line_about(err, "report.json")
    assert not (tree / "report.json").exists()
    _no_temp_files(tree)


def test_check_baseline_write_error_is_one_line(tree, capsys, monkeypatch):
    def fail(run, path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("slalint.engine.baseline.write_baseline", fail)
    rc, _, err = _run(capsys, "check", "good.md", "--no-cache", "--write-baseline", "base.json")
    assert rc == 2
    assert "Permission denied" in _one_line_about(err, "base.json")


def test_check_missing_baseline_fails_before_linting(tree, capsys, monkeypatch):
    def no_lint(*a, **k):
        raise AssertionError("linted although the baseline is missing")

    monkeypatch.setattr("slalint.engine.lint.lint_paths", no_lint)
    rc, _, err = _run(capsys, "check", "good.md", "--baseline", "nope.json")
    assert rc == 2
    assert "not found" in _one_line_about(err, "nope.json")


def test_annotate_output_under_a_file_or_unwritable(tree, capsys, monkeypatch):
    before = _hashes(tree)
    rc, _, err = _run(capsys, "annotate", "real.docx", "-o", "a file/copy.docx")
    assert rc == 2
    assert "is a file, not a folder" in _one_line_about(err, "a file/copy.docx")

    def full_disk(dest, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("slalint.annotate.writer.write_atomic", full_disk)
    rc, _, err = _run(capsys, "annotate", "real.docx", "-o", "copy.docx")
    assert rc == 2
    assert "No space left on device" in _one_line_about(err, "copy.docx")
    assert not (tree / "copy.docx").exists()
    assert _hashes(tree) == before
    _no_temp_files(tree)


def test_report_output_under_a_file_or_a_folder(tree, capsys):
    rc, _, err = _run(capsys, "report", "good.md", "-o", "a file/audit.html")
    assert rc == 2
    assert "is a file, not a folder" in _one_line_about(err, "a file/audit.html")
    rc, _, err = _run(capsys, "report", "good.md", "-o", "bad")
    assert rc == 2
    assert "is a folder, not a file" in _one_line_about(err, "bad")


# --- rules and init ----------------------------------------------------------------------


def test_rules_unknown_pack_is_a_usage_error(tree, capsys):
    rc, out, err = _run(capsys, "rules", "--pack", "nope")
    assert rc == 2 and out == ""
    assert "acme" in _one_line_about(err, "nope")
    rc, out, _ = _run(capsys, "rules", "--pack", "acme")
    assert rc == 0 and "ACME001" in out and "1 rule in 1 pack." in out


def test_init_on_a_file(tree, capsys):
    rc, _, err = _run(capsys, "init", "a file")
    assert rc == 2
    assert "is a file, not a folder" in _one_line_about(err, "a file")
    assert (tree / "a file").read_text() == "not a folder\n"


def test_review_dir_that_is_a_file_is_refused_before_the_app_opens(tree, capsys):
    rc, _, err = _run(capsys, "review", "good.md", "--review-dir", "a file")
    assert rc == 2
    assert "is a file, not a folder" in _one_line_about(err, "a file")


def test_check_does_not_lint_its_own_report_on_the_next_run(tree, capsys):
    (tree / "contracts").mkdir()
    (tree / "contracts" / "msa.md").write_text(AGREEMENT)
    for _ in range(2):
        rc, _, err = _run(capsys, "check", "contracts", "--no-cache", "-o", "contracts/findings.txt")
        assert rc == 1, err
    text = (tree / "contracts" / "findings.txt").read_text()
    assert "msa.md" in text and "ACME001" in text
    assert "findings.txt" not in text
