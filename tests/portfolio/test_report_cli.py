"""`slalint report` end to end on a small folder of generated agreements."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import lxml.html
import pytest

from slalint.cli import main
from slalint.commands.report import ProgressBar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "annotate"))
from docx_builders import flawed_agreement, new_agreement  # noqa: E402

MD = """# Support Services Agreement

## 1. Services
1.1 The Supplier shall provide the support services described in this Agreement.

## 2. Term
2.1 This Agreement starts on the Effective Date and continues for an initial term of two (2) years.
2.2 It renews automatically for successive one-year terms unless either party gives ninety (90) days' notice.

## 3. Termination
3.1 Either party may terminate this Agreement for material breach on thirty (30) days' notice.
"""


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "contracts"
    (d / "legacy").mkdir(parents=True)
    flawed_agreement().save(d / "legacy" / "it-support.docx")
    new_agreement().save(d / "msa.docx")
    (d / "support.md").write_text(MD, encoding="utf-8")
    return d


def _rows(page: str, section: str) -> list[str]:
    tree = lxml.html.fromstring(page)
    return [tr.text_content() for tr in tree.xpath(f"//section[@id='{section}']//tbody/tr")]


def test_report_html_over_a_folder(folder, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(folder), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    rows = _rows(page, "scores")
    assert len(rows) == 3
    assert any("legacy/it-support.docx" in r for r in rows)
    coverage = _rows(page, "coverage")
    assert len(coverage) == 3
    err = capsys.readouterr().err
    assert f"wrote {out}: 3 agreements" in err


def test_unreadable_files_are_listed_report_still_written_exit_2(folder, tmp_path, capsys):
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "old.doc").write_bytes(b"ignored: not a supported extension inside a folder")
    out = tmp_path / "report.md"
    assert main(["report", str(folder), "-o", str(out), "--jobs", "2", "--no-progress"]) == 2
    md = out.read_text(encoding="utf-8")
    assert "## Files that could not be read (1)" in md
    assert "broken.docx" in md
    err = capsys.readouterr().err
    assert "broken.docx" in err and "Traceback" not in err
    assert "3 agreements" in err and "1 unreadable" in err


def test_jobs_give_the_same_report(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    assert main(["report", str(folder), "-o", str(one)]) == 0
    assert main(["report", str(folder), "-o", str(two), "--jobs", "2"]) == 0
    assert one.read_text() == two.read_text()


def test_report_inside_the_scanned_folder_is_not_read_as_an_agreement(folder, capsys):
    out = folder / "audit.md"
    assert main(["report", str(folder), "-o", str(out)]) == 0
    assert main(["report", str(folder), "-o", str(out)]) == 0
    assert "audit.md" not in out.read_text()
    assert capsys.readouterr().err.count("3 agreements") == 2


@pytest.mark.parametrize(
    "argv,message",
    [
        (["-o", "{tmp}/report.pdf"], "report format"),
        (["-o", "{tmp}/missing-folder/report.html"], "does not exist"),
        (["-o", "{tmp}/r.html", "--jobs", "0"], "--jobs"),
    ],
)
def test_usage_errors(folder, tmp_path, capsys, argv, message):
    argv = [a.format(tmp=tmp_path) for a in argv]
    assert main(["report", str(folder), *argv]) == 2
    assert message in capsys.readouterr().err


def test_nothing_to_report(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "-o", str(tmp_path / "r.html")]) == 2
    assert "no agreements" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_draws_on_a_tty_only():
    tty = _Tty()
    bar = ProgressBar(tty, 4)
    for i in range(1, 5):
        bar(i, 4, f"/x/contract-{i}.docx")
    bar.close()
    text = tty.getvalue()
    assert "[#######.....................] 1/4" in text and "4/4" in text and "contract-4.docx" in text
    assert text.endswith("\r")
    pipe = io.StringIO()
    bar = ProgressBar(pipe, 4)
    bar(1, 4, "a.docx")
    bar.close()
    assert pipe.getvalue() == ""


def test_report_honours_ignore(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    full, less = tmp_path / "full.md", tmp_path / "less.md"
    assert main(["report", str(folder), "-o", str(full)]) == 0
    codes = set(re.findall(r"\| `([A-Z]+[0-9]+)` \|", full.read_text()))
    assert codes
    code = sorted(codes)[0]
    assert main(["report", str(folder), "-o", str(less), "--ignore", code]) == 0
    assert f"`{code}`" not in less.read_text()
