"""Writing findings into a copy of a Word agreement as native comments.

The copy is the agreement as its author left it: every part we do not touch (styles,
numbering, headers, footnotes, images) is carried over as is, existing comments keep their
ids (new ids continue after the highest one), tracked changes stay tracked. In the body we
only split runs at the quoted words and add the comment range markers and reference runs.
The input file is read once into memory and never opened for writing; the copy is written
to a temporary file beside the destination and moved into place, so a crash never leaves
half a file.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from lxml import etree

from slalint.annotate.placement import Target, candidate_targets, locate
from slalint.annotate.runs import W, Segment, TextWalk, isolate, segments_text
from slalint.atomicio import write_bytes_atomic
from slalint.annotate.text import AUTHOR, INITIALS, comment_paragraphs, comment_plain_text
from slalint.errors import SlalintError

NEIGHBOURHOOD = 3
"""How many paragraphs either side of the anchor to search when the quote is not found at
the paragraph the finding names (files edited since they were linted)."""

_CLIMB_OUT_OF = {f"{W}ins", f"{W}moveTo", f"{W}fldSimple", f"{W}del", f"{W}moveFrom"}


class AnnotateError(SlalintError):
    """The annotated copy cannot be written: the destination exists (without ``force``),
    is the input itself, or the input is not a Word document python-docx can open."""


@dataclass
class PlacedComment:
    """One comment written: the finding, its comment id, where it went and the words it covers."""

    finding: Any
    comment_id: int
    target: Target
    anchored_text: str
    text: str


@dataclass
class AnnotateResult:
    """What :func:`annotate_docx` wrote."""

    source: str
    dest: str
    placed: list[PlacedComment] = field(default_factory=list)
    unplaced: list[Any] = field(default_factory=list)
    existing_comments: int = 0


def _ref_run(like: Any, comment_id: int) -> Any:
    r = like.makeelement(f"{W}r", {})
    rpr = r.makeelement(f"{W}rPr", {})
    rpr.append(r.makeelement(f"{W}rStyle", {f"{W}val": "CommentReference"}))
    r.append(rpr)
    r.append(r.makeelement(f"{W}commentReference", {f"{W}id": str(comment_id)}))
    return r


def mark_range(first_run: Any, last_run: Any, comment_id: int) -> None:
    """Put ``w:commentRangeStart`` before ``first_run``, ``w:commentRangeEnd`` after
    ``last_run`` and the reference run after that, outside any tracked insertion or simple
    field (so accepting or updating them leaves the comment alone)."""
    start = first_run.makeelement(f"{W}commentRangeStart", {f"{W}id": str(comment_id)})
    first_run.addprevious(start)
    end = last_run.makeelement(f"{W}commentRangeEnd", {f"{W}id": str(comment_id)})
    last_run.addnext(end)
    anchor = end
    while anchor.getparent() is not None and anchor.getparent().tag in _CLIMB_OUT_OF:
        anchor = anchor.getparent()
    anchor.addnext(_ref_run(last_run, comment_id))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _resolve(target: Target, paragraphs: list[Any], walk: Callable[[Any], list[Segment]]) -> tuple[int, int, int] | None:
    """(paragraph ordinal, start, end) of the words ``target`` means in this file, or None."""
    n = len(paragraphs)
    if not 0 <= target.paragraph < n:
        return None
    text = segments_text(walk(paragraphs[target.paragraph]))
    if target.how == "quote":
        end = target.end if target.end is not None else len(text)
        if text[target.start:end] == target.quote and target.quote.strip():
            s, e = _trim(text, target.start, end)
            return target.paragraph, s, e
        span = locate(text, target.quote, target.start)
        if span:
            return (target.paragraph, *_trim(text, *span))
        for delta in range(1, NEIGHBOURHOOD + 1):
            for k in (target.paragraph - delta, target.paragraph + delta):
                if 0 <= k < n:
                    other = segments_text(walk(paragraphs[k]))
                    span = locate(other, target.quote, target.start)
                    if span:
                        return (k, *_trim(other, *span))
        return None
    if target.quote:
        span = locate(text, target.quote.strip(), target.start)
        if span:
            return (target.paragraph, *_trim(text, *span))
    s, e = _trim(text, 0, len(text))
    if e <= s:
        return None
    if target.how == "paragraph":
        end = target.end if target.end is not None else len(text)
        ps, pe = _trim(text, max(0, min(target.start, len(text))), max(0, min(end, len(text))))
        if pe > ps:
            return target.paragraph, ps, pe
    return target.paragraph, s, e


def _fixed_date() -> dt.datetime | None:
    """The comment date from SOURCE_DATE_EPOCH, for reproducible output; else None (now)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None


def _anchored_text(paragraph: Any, comment_id: int) -> str:
    """The text between this comment's range markers in one paragraph."""
    inside = False
    out: list[str] = []
    sid = str(comment_id)
    for el in paragraph.iter():
        if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == sid:
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == sid:
            break
        elif inside and el.tag == f"{W}t":
            parent = el.getparent()
            if parent is not None and parent.getparent() is not None and parent.getparent().tag != f"{W}del":
                out.append(el.text or "")
    return "".join(out)


def check_destination(source: str | os.PathLike[str], dest: str | os.PathLike[str], force: bool = False) -> None:
    """Refuse a destination that is the input itself, or that exists without ``force``."""
    src, dst = Path(source), Path(dest)
    if dst.exists():
        if src.exists() and os.path.samefile(src, dst):
            raise AnnotateError(f"{dest}: is the input file; the annotated copy must be a new file")
        if not force:
            raise AnnotateError(f"{dest}: already exists (use --force to overwrite it)")
        if dst.is_dir():
            raise AnnotateError(f"{dest}: is a folder, not a file")
    if not dst.parent.exists():
        raise AnnotateError(f"{dest}: folder {dst.parent} does not exist")


def annotate_docx(
    source: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    findings: Iterable[Any],
    *,
    document: Any = None,
    coverage: Mapping[str, Any] | None = None,
    analysis: Any = None,
    why: Callable[[str], str | None] | Mapping[str, str] | None = None,
    force: bool = False,
) -> AnnotateResult:
    """Write a copy of ``source`` to ``dest`` with one Word comment per finding.

    ``document`` (the slalint document model of ``source``), ``coverage`` and ``analysis``
    (for the topic headings) let findings about missing provisions be anchored on the
    relevant section heading or the title;
    ``why`` maps a rule code to its "why it matters" text. Raises :class:`AnnotateError`.
    """
    import docx  # python-docx: imported here so importing slalint stays light
    from docx.opc.exceptions import PackageNotFoundError

    check_destination(source, dest, force)
    data = Path(source).read_bytes()
    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile) as exc:
        raise AnnotateError(f"{source}: cannot open as a Word document ({type(exc).__name__})") from None
    why_of: Callable[[str], str | None]
    if why is None:
        why_of = lambda code: None  # noqa: E731
    elif callable(why):
        why_of = why
    else:
        why_of = why.get

    comments = word.comments
    result = AnnotateResult(str(source), str(dest), existing_comments=len(comments))
    body = word.element
    paragraphs = list(body.iter(f"{W}p"))
    walk = TextWalk(word.styles.element)
    body_ids = {
        int(el.get(f"{W}id")) for tag in ("commentRangeStart", "commentRangeEnd", "commentReference")
        for el in body.iter(f"{W}{tag}") if (el.get(f"{W}id") or "").isdigit()
    }
    date = _fixed_date()
    for finding in findings:
        placed = False
        for target in candidate_targets(finding, document, coverage, analysis):
            where = _resolve(target, paragraphs, walk)
            if where is None:
                continue
            pidx, start, end = where
            p = paragraphs[pidx]
            runs = isolate(p, start, end, walk)
            if runs is None:
                continue
            note = None
            if finding.quote and target.how not in ("quote",):
                note = f"Concerns the words \u201c{_short(finding.quote)}\u201d" + (
                    f" in {finding.location.anchor.part}." if finding.location.anchor is not None and finding.location.anchor.part != "body" else ", which could not be found in this copy."
                )
            paras = comment_paragraphs(finding, why_of(finding.code), note)
            comment = comments.add_comment(text="", author=AUTHOR, initials=INITIALS)
            if comment.comment_id in body_ids:
                # the body holds range markers whose comment is missing from comments.xml
                comment._comment_elm.set(f"{W}id", str(max(body_ids) + 1))
            body_ids.add(comment.comment_id)
            if date is not None:
                comment._comment_elm.date = date
            first = comment.paragraphs[0]
            for i, cp in enumerate(paras):
                para = first if i == 0 else comment.add_paragraph()
                if cp.label:
                    para.add_run(cp.label).bold = True
                if cp.text:
                    para.add_run(cp.text)
            mark_range(runs[0], runs[1], comment.comment_id)
            result.placed.append(
                PlacedComment(finding, comment.comment_id, target, _anchored_text(p, comment.comment_id), comment_plain_text(paras))
            )
            placed = True
            break
        if not placed:
            result.unplaced.append(finding)

    buf = io.BytesIO()
    word.save(buf)
    write_atomic(Path(dest), buf.getvalue())
    return result


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def write_atomic(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` atomically (see slalint.atomicio)."""
    write_bytes_atomic(dest, data)
