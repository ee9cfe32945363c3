"""`slalint annotate` end to end: real reader, engine and rules on a generated agreement."""

from __future__ import annotations

import docx
import pytest
from docx_builders import anchored_text, flawed_agreement, sha256

from slalint.cli import main
from slalint.engine.lint import lint_file

SEV = {"info": 0, "warning": 1, "error": 2}


@pytest.fixture
def flawed(tmp_path):
    path = tmp_path / "legacy.docx"
    flawed_agreement().save(path)
    return path


def _expected(path, minimum="info"):
    r = lint_file(str(path))
    return [f for f in r.findings if SEV[f.severity] >= SEV[minimum] and f.status not in ("accepted-risk", "false-positive")]


@pytest.mark.parametrize("minimum", ["info", "warning", "error"])
def test_annotate_writes_one_comment_per_finding_on_its_words(flawed, tmp_path, capsys, minimum):
    before = sha256(flawed)
    out = tmp_path / "legacy.annotated.docx"
    assert main(["annotate", str(flawed), "-o", str(out), "--min-severity", minimum]) == 0
    assert sha256(flawed) == before
    expected = _expected(flawed, minimum)
    word = docx.Document(str(out))
    comments = [c for c in word.comments if c.author == "slalint"]
    assert len(comments) == len(expected)
    assert all(c.initials == "SL" for c in comments)
    by_first_line = {}
    for c in comments:
        by_first_line.setdefault(c.text.splitlines()[0], []).append(c)
    for f in expected:
        key = f"{f.name} ({f.code}, {f.severity})"
        assert key in by_first_line, key
        if f.quote and f.location.anchor is not None:
            assert f.quote.strip() in {anchored_text(word, c.comment_id) for c in by_first_line[key]}
    err = capsys.readouterr().err
    assert f"wrote {out}" in err


def test_annotate_refuses_existing_output_without_force(flawed, tmp_path, capsys):
    out = tmp_path / "out.docx"
    out.write_bytes(b"precious")
    assert main(["annotate", str(flawed), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert out.read_bytes() == b"precious"
    assert main(["annotate", str(flawed), "-o", str(out), "--force"]) == 0
    docx.Document(str(out))


@pytest.mark.parametrize(
    "content,cause",
    [(b"PK\x03\x04 truncated zip", "legacy.docx"), (b"", "empty"), (b"just text", "not a DOCX")],
)
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, capsys, content, cause):
    src = tmp_path / "legacy.docx"
    src.write_bytes(content)
    out = tmp_path / "out.docx"
    assert main(["annotate", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and cause in err and "Traceback" not in err
    assert not out.exists()
    assert src.read_bytes() == content


def test_non_docx_and_missing_inputs(tmp_path, capsys):
    md = tmp_path / "a.md"
    md.write_text("# Terms\n\n1. The Provider may terminate.\n")
    assert main(["annotate", str(md), "-o", str(tmp_path / "a.out.md")]) == 2
    assert "needs a .docx" in capsys.readouterr().err
    assert main(["annotate", str(tmp_path / "missing.docx"), "-o", str(tmp_path / "o.docx")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_output_must_keep_the_docx_extension(flawed, tmp_path, capsys):
    assert main(["annotate", str(flawed), "-o", str(tmp_path / "out.pdf")]) == 2
    assert "extension" in capsys.readouterr().err


def test_select_and_ignore_work_as_in_check(flawed, tmp_path, capsys):
    findings = _expected(flawed)
    assert findings, "the flawed agreement should trigger rules"
    code = findings[0].code
    out = tmp_path / "ignored.docx"
    assert main(["annotate", str(flawed), "-o", str(out), "--ignore", code]) == 0
    texts = [c.text for c in docx.Document(str(out)).comments]
    assert not any(f"({code}," in t for t in texts)
    assert len(texts) == len([f for f in findings if f.code != code])
    out = tmp_path / "selected.docx"
    assert main(["annotate", str(flawed), "-o", str(out), "--select", code]) == 0
    texts = [c.text for c in docx.Document(str(out)).comments]
    assert texts and all(f"({code}," in t for t in texts)


def test_unknown_selector_is_a_usage_error(flawed, tmp_path, capsys):
    out = tmp_path / "out.docx"
    assert main(["annotate", str(flawed), "-o", str(out), "--select", "NO-SUCH-RULE-XYZ"]) == 2
    err = capsys.readouterr().err
    assert "NO-SUCH-RULE-XYZ" in err and "Traceback" not in err
    assert not out.exists()
