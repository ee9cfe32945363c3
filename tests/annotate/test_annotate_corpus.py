"""On real Word agreements, a comment lands on exactly the words the reader's anchor names.

For every corpus DOCX we take spans from the document model the reader built (a few words
from the middle of paragraphs: body text, list items, table cells, headings), turn each
into a finding, annotate, and read the anchored text back. This checks that the writer's
run splitting agrees with the reader's text walk (labels split off, fields, tracked
changes, content controls) independent of which rules exist."""

from __future__ import annotations

import docx
import pytest
from docx_builders import anchored_text, finding, sha256

from slalint.annotate import annotate_docx
from slalint.readers import read_document

pytestmark = pytest.mark.corpus


def _spans(document, every: int = 7, limit: int = 60):
    out = []
    for i, p in enumerate(document.paragraphs()):
        if p.anchor.part != "body" or i % every:
            continue
        words = p.text.split(" ")
        if len(words) < 4:
            continue
        a = len(" ".join(words[: len(words) // 3])) + 1
        b = len(" ".join(words[: 2 * len(words) // 3]))
        quote = p.text[a:b]
        if not quote.strip() or quote != quote.strip():
            continue
        out.append(finding(code=f"T{i}", paragraph=p.anchor.paragraph, start=p.anchor.start + a, end=p.anchor.start + b, quote=quote))
        if len(out) >= limit:
            break
    return out


def test_comments_land_on_the_readers_words(corpus_dir, tmp_path):
    files = sorted((corpus_dir / "docx").glob("*.docx"))
    assert files
    checked = 0
    misplaced = []
    for path in files:
        document = read_document(path)
        findings = _spans(document)
        if not findings:
            continue
        before = sha256(path)
        out = tmp_path / path.name
        result = annotate_docx(path, out, findings, document=document)
        assert sha256(path) == before
        word = docx.Document(str(out))
        for placed in result.placed:
            got = anchored_text(word, placed.comment_id)
            checked += 1
            if got != placed.finding.quote:
                misplaced.append((path.name, placed.finding.quote, got))
        misplaced.extend((path.name, f.quote, None) for f in result.unplaced)
    assert checked > 300
    assert misplaced == [], "\n".join(map(repr, misplaced))


@pytest.mark.slow
def test_real_findings_on_corpus_docx_are_anchored_on_their_quotes(corpus_dir, tmp_path):
    """The whole chain (reader, analysis, rules, annotate) on real Word agreements: every
    finding gets a comment, and a finding that quotes words gets them exactly."""
    from slalint.engine.lint import lint_file

    files = [f for f in sorted((corpus_dir / "docx").glob("*.docx")) if f.stat().st_size < 400_000]
    placed = quoted = 0
    wrong = []
    for path in files:
        result = lint_file(str(path))
        if result.error or not result.findings:
            continue
        out = tmp_path / path.name
        written = annotate_docx(path, out, result.findings, document=result.document, coverage=result.coverage,
                                analysis=result.analysis)
        assert not written.unplaced, [(f.code, f.quote) for f in written.unplaced]
        word = docx.Document(str(out))
        assert len([c for c in word.comments if c.author == "slalint"]) == len(result.findings)
        for p in written.placed:
            placed += 1
            if p.finding.quote and p.target.how == "quote":
                quoted += 1
                got = anchored_text(word, p.comment_id)
                # the same words; a quote built from label + text has a space where the file has a tab
                if " ".join(got.split()) != " ".join(p.finding.quote.split()):
                    wrong.append((path.name, p.finding.code, p.finding.quote, got))
    assert placed > 0
    assert wrong == [], "\n".join(map(repr, wrong))
