"""Plain text -> :class:`RawBlock` paragraphs, undoing what text extraction did to them.

Agreements filed on SEC EDGAR (and most .txt agreements) are text pulled out of a printed
page: each page ends with a page number, a running header or a "Source: ..." line, and a
paragraph that runs over a page break is cut in two. Some extractions lost their line
breaks and put whole pages on one line, with three spaces where a paragraph ended.
This lexer removes page furniture, splits run-together paragraphs, joins hard-wrapped
lines and page-split paragraphs, and hands the builder one block per paragraph, as a
reader of the printed agreement sees them.
"""

from __future__ import annotations

import re
from collections import Counter

from slalint.readers.numbering_patterns import is_caps_heading, is_title_line, match_label
from slalint.readers.raw_blocks import RawBlock

_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-–—]*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s+of\s+\d{1,4})?[\s\-–—]*$"
    r"|^.{0,60}?\s[-–—]\s?\d{1,4}\s?[-–—]\s*$"
    r"|^[\s\-–—]*page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\b.{0,60}$"
    r"|^[A-Z]{1,3}-\d{1,3}$",
    re.I,
)
_SOURCE_RE = re.compile(r"^Source:\s.{2,120},\s*(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4})\s*$")
_RUN_SPLIT_RE = re.compile(r"[ \t\u00a0]{3,}")
_TERMINAL = (".", ":", ";", "!", "?", ".”", ".\"", "”", "\"", ")", ".)", "]")
_CONNECTIVE_END = re.compile(
    r"(?:\b(?:Section|Sections|Clause|Clauses|Article|Schedule|Exhibit|Annex|Appendix|paragraph|of|and|or|to|in|under|the|a|an|"
    r"than|per|by|with|for|at|from|on|as|that|which|its|their|this|such|any|no|not|be|is|are|shall|will|may)|[,\-–—(])$"
)


_LIST_ITEM_END = re.compile(r";\s*(?:and|or|and/or)$")


def _digits_normalised(s: str) -> str:
    return re.sub(r"\d+", "#", " ".join(s.split())).lower()


_INLINE_CLAUSE_RE = re.compile(
    r"[.:;!?][ \t\u00a0]+(?="
    r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\([a-z]{1,4}\)|\([A-Z]\)|\(\d{1,2}\))[ \t\u00a0]+[A-Z\"“(]"
    r"|(?:ARTICLE|SECTION|Section|SCHEDULE|EXHIBIT|ANNEX|APPENDIX)[ \t\u00a0]+[0-9IVXA-Z]{1,5}\b"
    r"|[A-Z][A-Z/&' -]{3,40}:[ \t\u00a0]+[A-Z])"
)


def _inline_split(piece: str) -> list[str]:
    """Split a long run-together paragraph before clause numbers that follow a sentence end."""
    out: list[str] = []
    start = 0
    for m in _INLINE_CLAUSE_RE.finditer(piece):
        out.append(piece[start:m.start() + 1])
        start = m.end()
    out.append(piece[start:])
    return [p for p in out if p]


_LEADING_PAGE_RE = re.compile(r"^[ \t]*(\d{1,3})[ \t\u00a0]{4,}(?=\S)")
_CAPS_THEN_CLAUSE_RE = re.compile(r"(?<=[A-Z&)]{2})[ \t\u00a0]+(?=\d{1,2}\.\d{1,2}\.?[ \t\u00a0]+[A-Z])")
_TRAILING_PAGE_RE = re.compile(r"[ \t\u00a0]+Page \d{1,4} of \d{1,4}[ \t\u00a0]*$")
LONG_LINE = 250
"""A line this long probably holds several paragraphs whose breaks extraction lost."""


def _split_runs(line: str) -> list[str]:
    """Split a line that holds several paragraphs run together (3+ spaces between them,
    or a whole page on one line with clause numbers after sentence ends)."""
    if "Page" in line[-20:]:
        line = _TRAILING_PAGE_RE.sub("", line)
    m = _LEADING_PAGE_RE.match(line)
    if m:
        # "1          Exhibit 10.2": a page number printed in the margin of the first line
        return [m.group(1), *_split_runs(line[m.end():])]
    if len(line) < 80:
        return [line]
    if not _RUN_SPLIT_RE.search(line.strip()):
        pieces = [line.strip()]
    else:
        pieces = _RUN_SPLIT_RE.split(line.strip())
    if len(line) >= LONG_LINE:
        pieces = [q for p in pieces for q in (_inline_split(p) if len(p) >= LONG_LINE else [p])]
        pieces = [q for p in pieces for q in _split_caps_then_clause(p)]
    if len(pieces) == 1:
        return pieces
    out = [pieces[0]]
    for piece in pieces[1:]:
        prev = out[-1]
        lm = match_label(piece, strict=True)
        label_start = lm is not None and lm.family != "annex" and (prev.endswith(_TERMINAL) or is_caps_heading(prev) or len(prev) > 40)
        sentence_break = prev.endswith((".", ":", ";", "!", "?", ".”", ".\"")) and len(prev) > 25 and piece[:1].isupper()
        heading_break = is_caps_heading(prev) and len(prev) <= 60 and (piece[:1].isupper() or piece[:1] in "\"“(")
        if label_start or sentence_break or heading_break:
            out.append(piece)
        else:
            out[-1] = prev + " " + piece
    return out


def lex_text(text: str) -> list[RawBlock]:
    """Cut plain text into paragraphs (see the module docstring)."""
    raw_lines = text.split("\n")
    # 1. Segments: (line index, text); blank lines are kept as None.
    segments: list[tuple[int, str | None]] = []
    for idx, line in enumerate(raw_lines):
        s = line.replace("\f", " ").rstrip()
        if not s.strip():
            segments.append((idx, None))
            continue
        for piece in _split_runs(s):
            segments.append((idx, piece.strip()))
    # 2. Page furniture: page numbers, "Source:" lines, running headers repeated on pages
    #    (also when extraction glued the header onto the page's first paragraph).
    segments = _strip_repeated_prefixes(segments)
    keys = [_digits_normalised(t) if t is not None and len(t) <= 160 else None for _, t in segments]
    counts = Counter(k for k in keys if k is not None)
    seen_first: set[str] = set()
    nonblank_seen = 0
    cleaned: list[tuple[int, str | None, bool]] = []  # (line, text, is_noise)
    for (idx, t), key in zip(segments, keys):
        if t is None:
            cleaned.append((idx, None, False))
            continue
        nonblank_seen += 1
        noise = bool(_PAGE_NUMBER_RE.match(t) or _SOURCE_RE.match(t))
        if not noise and key is not None and counts[key] >= 3 and not match_label(t):
            if key not in seen_first and nonblank_seen <= 12:
                seen_first.add(key)  # the first showing near the top is the title, not a header
            else:
                noise = True
        cleaned.append((idx, t, noise))
    # 3. Paragraphs: runs of non-blank lines; inside a run, decide where a new paragraph starts.
    blocks: list[RawBlock] = []
    run: list[tuple[int, str]] = []
    blank_count = 0
    page_break = False
    pending_break = False

    def flush_run() -> None:
        nonlocal run, pending_break
        if not run:
            return
        width = max(len(t) for _, t in run)
        current: list[tuple[int, str]] = [run[0]]
        paras: list[list[tuple[int, str]]] = [current]
        for k in range(1, len(run)):
            prev = current[-1][1]
            ln, t = run[k]
            if _starts_paragraph(prev, t, width):
                current = [run[k]]
                paras.append(current)
            else:
                current.append(run[k])
        for j, p in enumerate(paras):
            text_parts: list[str] = []
            for _, t in p:
                if text_parts and text_parts[-1].endswith("-") and t[:1].islower() and not text_parts[-1].endswith(" -"):
                    text_parts[-1] = text_parts[-1][:-1] + t
                else:
                    text_parts.append(t)
            joined = " ".join(" ".join(text_parts).split())
            block = RawBlock("paragraph", text=joined, line=p[0][0], standalone=len(p) == 1 and len(joined) <= 100,
                             page_break=pending_break and j == 0)
            blocks.append(block)
        pending_break = False
        run = []

    for idx, t, noise in cleaned:
        if t is None:
            flush_run()
            blank_count += 1
            if blank_count >= 3:
                page_break = True
            continue
        if noise:
            flush_run()
            page_break = True
            continue
        if blank_count or page_break:
            flush_run()
            if page_break:
                pending_break = True
        blank_count = 0
        page_break = False
        run.append((idx, t))
    flush_run()
    return _join_split_paragraphs(blocks)


def _split_caps_then_clause(piece: str) -> list[str]:
    """"SUPPLY OF PRODUCTS 1.1 Sale of Products. ..." -> the heading, then clause 1.1
    (not after "SECTION"/"ARTICLE", where the number is a reference)."""
    out: list[str] = []
    start = 0
    for m in _CAPS_THEN_CLAUSE_RE.finditer(piece):
        before = piece[start:m.start()]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        if last_word.upper() in ("SECTION", "SECTIONS", "ARTICLE", "CLAUSE", "PARAGRAPH") or not before.strip():
            continue
        tail = before.split()[-3:]
        if not all(w.isupper() or not any(c.isalpha() for c in w) for w in tail):
            continue
        out.append(before.strip())
        start = m.end()
    out.append(piece[start:].strip())
    return [p for p in out if p]


_FIRST_SENTENCE_RE = re.compile(r"^(.{20,240}?[.\"”])\s+(?=\S)")


def _strip_repeated_prefixes(segments: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    firsts: Counter[str] = Counter()
    for _, t in segments:
        if t is not None:
            m = _FIRST_SENTENCE_RE.match(t)
            if m:
                firsts[m.group(1)] += 1
    repeated = {k for k, c in firsts.items() if c >= 3}
    if not repeated:
        return segments
    out: list[tuple[int, str | None]] = []
    for idx, t in segments:
        if t is not None:
            m = _FIRST_SENTENCE_RE.match(t)
            if m and m.group(1) in repeated:
                out.append((idx, m.group(1)))  # the header alone: removed as repeated below
                t = t[m.end():]
        out.append((idx, t))
    return out


def _starts_paragraph(prev: str, line: str, width: int) -> bool:
    """Inside a run of non-blank lines: does ``line`` begin a new paragraph?"""
    if _LIST_ITEM_END.search(prev[-12:]) and match_label(line, strict=True) is not None:
        return True  # "(b) a Force Majeure Event; or" / "(c) ..."
    if _CONNECTIVE_END.search(prev[-24:]):
        return False
    prev_ends = prev.endswith(_TERMINAL)
    lm = match_label(line, strict=True)
    if lm is not None and (prev_ends or is_caps_heading(prev) or len(prev) < width * 0.6):
        return True
    if is_caps_heading(prev) and len(prev) < width * 0.8:
        return True
    if is_caps_heading(line) and prev_ends:
        return True
    if prev_ends and len(prev) < width * 0.6 and line[:1].isupper():
        return True
    return False


def _join_split_paragraphs(blocks: list[RawBlock]) -> list[RawBlock]:
    """Re-join a paragraph cut by a page break, or a line broken mid-sentence."""
    out: list[RawBlock] = []
    for b in blocks:
        if out:
            prev = out[-1]
            p = prev.text
            headingish = is_caps_heading(p) or (match_label(p) is not None and len(p) < 60) or len(p) < 25
            if not headingish and not p.endswith(_TERMINAL) and b.text:
                first = b.text[0]
                if first.islower() or (b.page_break and not is_caps_heading(b.text) and len(p.split()) >= 6 and
                                       not (b.standalone and is_title_line(b.text)) and
                                       (match_label(b.text) is None or _CONNECTIVE_END.search(p[-24:]))):
                    prev.text = p + " " + b.text
                    prev.standalone = False
                    continue
        out.append(b)
    return out
