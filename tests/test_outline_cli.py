"""`slalint outline`: the section tree as text, the full model as JSON, and bad files
reported one line each without stopping the run."""

from __future__ import annotations

import json
import subprocess
import sys

from slalint import __version__
from slalint.cli import main

AGREEMENT = """# Managed Services Agreement

## 1. Services

1.1 Scope. The Provider shall provide the Services.

(a) Monitoring of the Customer's servers.

## 2. Fees

The Customer shall pay monthly.
"""


def _write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_text_outline(tmp_path, capsys):
    path = _write(tmp_path, "msa.md", AGREEMENT)
    assert main(["outline", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}  (markdown, 4 sections")
    assert "  Title: Managed Services Agreement" in lines
    assert lines[-4:] == [
        "  1 Services  [0 blocks]",
        "    1.1 Scope  [1 block]",
        "      (a)  [1 block]",
        "  2 Fees  [1 block]",
    ]


def test_json_outline_single_file(tmp_path, capsys):
    path = _write(tmp_path, "msa.md", AGREEMENT)
    assert main(["outline", "--format", "json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == __version__
    assert data["path"] == str(path)
    assert data["metadata"]["source_format"] == "markdown"
    top = data["root"]["children"]
    assert [c["label"] for c in top] == ["1", "2"]
    assert top[0]["children"][0]["children"][0]["ref"] == "1.1(a)"


def test_bad_files_do_not_stop_the_run(tmp_path):
    good1 = _write(tmp_path, "a.md", AGREEMENT)
    empty = _write(tmp_path, "empty.md", "")
    binary = _write(tmp_path, "renamed.txt", b"PK\x03\x04\x14\x00\x00\x00binary\x00junk")
    good2 = _write(tmp_path, "b.txt", "1. Term. One year.\n\n2. Fees. Monthly.\n")
    missing = tmp_path / "missing.md"
    before = {p: p.read_bytes() for p in (good1, empty, binary, good2)}
    proc = subprocess.run(
        [sys.executable, "-m", "slalint", "outline", "--format", "json", str(good1), str(missing), str(empty), str(binary), str(good2)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    err_lines = proc.stderr.splitlines()
    assert err_lines == [
        f"slalint: {missing}: no such file",
        f"slalint: {empty}: empty document: no text",
        f"slalint: {binary}: binary file: a ZIP archive (a Word .docx?), not text",
    ]
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == __version__
    assert [d["path"] for d in data["documents"]] == [str(good1), str(good2)]
    assert [c["label"] for c in data["documents"][1]["root"]["children"]] == ["1", "2"]
    assert {p: p.read_bytes() for p in before} == before


def test_text_mode_errors_and_results(tmp_path, capsys):
    good = _write(tmp_path, "a.txt", "1. Term. One year.\n")
    assert main(["outline", str(tmp_path / "nope.txt"), str(good), str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "1 Term  [1 block]" in out
    # a folder is searched for agreements like `check` does (a.txt, already named, once)
    assert err.splitlines() == [f"slalint: {tmp_path / 'nope.txt'}: no such file"]
    assert out.count("a.txt") == 1
