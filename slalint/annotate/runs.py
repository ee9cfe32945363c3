"""Isolating exact words of a Word paragraph as whole runs, so a comment can cover them.

A Word comment is anchored on run boundaries: ``w:commentRangeStart`` before the first run
and ``w:commentRangeEnd`` after the last. A finding quotes words that usually start and end
inside runs ("...shall not exceed *the fees paid in the prior month*..."), so the runs at
both ends are split in two, each half keeping a copy of the run's properties (``w:rPr``):
bold stays bold, the tracked insertion that holds the run still holds both halves.

Character offsets come from the DOCX reader's own text walk
(:func:`slalint.readers.docx.body.paragraph_runs`), so a finding's anchor means the same
characters here as it did when the reader built ``Paragraph.text``. New elements are made
with ``makeelement`` of the element they join, so they belong to the same document (and
python-docx's element classes).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Callable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_SIMPLE = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
_SKIP_CONTAINERS = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}txbxContent"}


@dataclass
class Segment:
    """Characters ``start:end`` of a paragraph's text, produced by ``element`` (a ``w:t``,
    ``w:tab``...) inside the run ``run``; ``element`` is None when the run can only be
    taken whole."""

    start: int
    end: int
    text: str
    run: Any
    element: Any


def _child_text(child: Any) -> str:
    """The characters one child of a ``w:r`` prints, by the reader's rules."""
    tag = child.tag
    if tag == f"{W}t":
        return child.text or ""
    if tag in _SIMPLE:
        return _SIMPLE[tag]
    if tag == f"{W}sym":
        try:
            c = int(child.get(f"{W}char", ""), 16)
        except ValueError:
            return ""
        if 0xF000 <= c <= 0xF0FF:
            c -= 0xF000
        return chr(c) if 32 <= c < 0xD800 else ""
    return ""


def _run_segments(r: Any, start: int, end: int) -> list[Segment]:
    """Split one run's span (as the reader measured it) into per-child segments, or keep
    it whole when the run's children do not add up to the span (field codes, hidden text)."""
    pieces = [(c, _child_text(c)) for c in r if c.tag != f"{W}rPr"]
    if sum(len(t) for _, t in pieces) == end - start:
        out = []
        pos = start
        for c, t in pieces:
            if t:
                out.append(Segment(pos, pos + len(t), t, r, c))
                pos += len(t)
        return out
    return [Segment(start, end, "\x00" * (end - start), r, None)]


def _fallback_segments(p: Any) -> list[Segment]:
    """Text walk of one ``w:p`` used only when the DOCX reader is not installed: runs in
    document order, through hyperlinks, content controls, smart tags and tracked
    insertions, leaving out deleted text and nested text boxes."""
    out: list[Segment] = []
    pos = 0

    def walk(el: Any) -> None:
        nonlocal pos
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_CONTAINERS or tag == f"{W}p":
                continue
            if tag == f"{W}r":
                for rc in child:
                    text = _child_text(rc)
                    if text:
                        out.append(Segment(pos, pos + len(text), text, child, rc))
                        pos += len(text)
            else:
                walk(child)

    walk(p)
    return out


class TextWalk:
    """Paragraph text segments by the DOCX reader's rules
    (:func:`slalint.readers.docx.body.paragraph_runs`), with the document's styles so that
    runs in hidden character styles are left out exactly as the reader leaves them out."""

    def __init__(self, styles_root: Any = None) -> None:
        try:
            from slalint.readers.docx.body import paragraph_runs
            from slalint.readers.docx.styles import StyleSheet
        except ImportError:  # pragma: no cover - the reader ships with slalint
            self._runs = None
            return
        self._runs = paragraph_runs
        self._styles = StyleSheet(styles_root) if styles_root is not None else StyleSheet()

    def __call__(self, p: Any) -> list[Segment]:
        if self._runs is None:
            return _fallback_segments(p)
        out: list[Segment] = []
        for start, end, r in self._runs(p, None, self._styles):
            if end > start and r is not None:
                out.extend(_run_segments(r, start, end))
        return out


_DEFAULT_WALK: TextWalk | None = None


def paragraph_segments(p: Any) -> list[Segment]:
    """The text segments of one ``w:p`` (reader rules, default styles)."""
    global _DEFAULT_WALK
    if _DEFAULT_WALK is None:
        _DEFAULT_WALK = TextWalk()
    return _DEFAULT_WALK(p)


def segments_text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments)


def _run_content(r: Any) -> list[Any]:
    return [c for c in r if c.tag != f"{W}rPr"]


def _new_run_like(r: Any) -> Any:
    """An empty run carrying a copy of ``r``'s attributes and run properties."""
    new = r.makeelement(r.tag, dict(r.attrib))
    rpr = r.find(f"{W}rPr")
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    return new


def _set_text(t: Any, text: str) -> None:
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(XML_SPACE, "preserve")


def split_run_at(seg: Segment, offset: int) -> Any:
    """Split ``seg.run`` so that a new run starts at paragraph offset ``offset``, which lies
    in ``seg`` (``seg.start <= offset < seg.end``). Returns the run holding ``offset``.
    The first half keeps the original element (and its identity); the second is a sibling
    with a copy of the run properties."""
    r = seg.run
    content = _run_content(r)
    el = seg.element
    k = offset - seg.start
    if el is None or el not in content:
        return r
    idx = content.index(el)
    if k == 0 and idx == 0:
        return r  # already a run boundary
    new = _new_run_like(r)
    moving: list[Any] = []
    if k > 0:
        if el.tag != f"{W}t":
            return r  # a one-character element cannot be split
        head, tail = seg.text[:k], seg.text[k:]
        tail_t = new.makeelement(f"{W}t", {})
        new.append(tail_t)
        _set_text(tail_t, tail)
        _set_text(el, head)
        moving = content[idx + 1:]
    else:
        moving = content[idx:]
    for c in moving:
        new.append(c)  # lxml moves the element
    r.addnext(new)
    return new


def isolate(p: Any, start: int, end: int, segments_of: Callable[[Any], list[Segment]] = paragraph_segments) -> tuple[Any, Any] | None:
    """Split runs of ``p`` so that characters ``start:end`` are exactly a sequence of whole
    runs; return (first run, last run), or None when the span holds no text."""
    if end <= start:
        return None
    for cut in (start, end):
        segs = segments_of(p)
        for seg in segs:
            if seg.start < cut < seg.end or (seg.start == cut and seg.run is not None):
                if seg.start == cut:
                    # cut falls between segments: a boundary only if it starts the run
                    content = _run_content(seg.run)
                    if seg.element is not None and seg.element in content and content.index(seg.element) == 0:
                        break
                split_run_at(seg, cut)
                break
    segs = [s for s in segments_of(p) if s.start < end and s.end > start]
    if not segs:
        return None
    return segs[0].run, segs[-1].run
