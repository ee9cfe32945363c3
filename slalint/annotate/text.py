"""What a slalint comment says, in the order a reviewer reads it: which rule and how
serious, what is wrong here, why it matters, and the clause we suggest instead."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

AUTHOR = "slalint"
INITIALS = "SL"


@dataclass(frozen=True)
class CommentParagraph:
    """One paragraph of a comment; ``label`` is printed in bold before ``text``."""

    text: str
    label: str = ""


def comment_paragraphs(finding: Any, why: str | None = None, note: str | None = None) -> list[CommentParagraph]:
    """The paragraphs of the comment for ``finding``. ``why`` is the rule's "why it matters"
    text; ``note`` says where the comment is anchored when it could not be on the quoted
    words (a missing provision, or words we could not find in the file)."""
    paras = [CommentParagraph(f" ({finding.code}, {finding.severity})", label=finding.name)]
    paras.append(CommentParagraph(_one_line(finding.message)))
    if note:
        paras.append(CommentParagraph(note))
    if why:
        paras.append(CommentParagraph(_one_line(why), label="Why it matters: "))
    status = getattr(finding, "status", "open") or "open"
    if status != "open":
        note_text = _one_line(getattr(finding, "note", "") or "")
        paras.append(CommentParagraph(status + (f" \u2014 {note_text}" if note_text else ""), label="Triage: "))
    if finding.suggestion:
        lines = [ln.strip() for ln in str(finding.suggestion).strip().splitlines()]
        blocks: list[str] = []
        current: list[str] = []
        for ln in lines:
            if ln:
                current.append(ln)
            elif current:
                blocks.append(" ".join(current))
                current = []
        if current:
            blocks.append(" ".join(current))
        if blocks:
            paras.append(CommentParagraph("", label="Suggested clause:"))
            paras.extend(CommentParagraph(b) for b in blocks)
    return paras


def comment_plain_text(paras: list[CommentParagraph]) -> str:
    """The comment as plain text, one line per paragraph (for tests and logs)."""
    return "\n".join(p.label + p.text for p in paras)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
