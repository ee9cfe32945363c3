"""Raw text blocks -> the section tree of :mod:`slalint.document.model`.

A reader of an agreement nests "(a)" under "4.2", "4.2" under "4" or "ARTICLE IV", and
starts afresh at "Schedule A". The builder does the same with a stack of open sections,
each with a *kind* of numbering (Markdown heading depth, article, decimal depth, letter
style, roman style...) and a rank: a new number whose kind is already open closes
everything below that kind and becomes its sibling; a new kind closes the open sections
of a lower rank (a decimal clause closes an open "(a)") and nests under the rest.
Letters and roman numerals ("(a)", "(iv)") are relative: they always nest under the
current clause, and their reference is composed from it ("(a)" under 4.2 -> "4.2(a)").

Conventions (see also :mod:`slalint.readers.numbering_patterns`):

- A clause with only a number and a short title ("10. Term and Termination.", "## 4. Term")
  becomes the section's ``heading`` paragraph (kind "heading"); a numbered clause with body
  text ("4.2 Fees. The Customer shall ...") becomes the first block of its section, with
  its run-in title ("Fees") as the section title and the number as the paragraph label.
- Unnumbered headings (Markdown headings, ALL-CAPS lines, bold pseudo-headings such as
  "**Termination.**") open sections with ``label=None``.
- Markdown ordered lists are section numbering (Common Paper style "1." > "1." > "a.",
  referenced as "3.2(a)") only when they are the document's top-level structure, that is
  not inside a heading's section; otherwise they are list items.
- A document title (first H1, or the title line of a plain-text exhibit) is not a section:
  it sets the root's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from slalint.document.model import Anchor, Cell, Comment, Mark, Paragraph, Row, Section, Table
from slalint.readers.numbering_patterns import (
    LabelMatch,
    is_caps_heading,
    is_title_line,
    looks_like_title,
    match_label,
    roman_to_int,
    split_run_in_title,
)
from slalint.readers.raw_blocks import RawBlock

RANK_ANNEX = 0
RANK_ARTICLE = 10
RANK_HEADING = 20  # + Markdown heading depth
RANK_CAPS = 30
RANK_DECIMAL = 40  # + decimal depth
RANK_BOLD = 50
RANK_RELATIVE = 60

_TITLE_WORDS = re.compile(
    r"\b(agreement|contract|terms|addendum|amendment|statement of work|schedule|order form|licen[cs]e|plan|policy|"
    r"sla|msa|sow|conditions|memorandum|deed)\b",
    re.I,
)
_TOC_TITLE = re.compile(r"^(table of contents?|contents|index)\b", re.I)
_DOT_LEADER = re.compile(r"(\.{4,}|…{2,}|\. \. \. )\s*(?:page\s+)?\S{0,6}\d+\s*$|\.{8,}\s*$", re.I)
"""A contents entry: a dot leader to a page number ("... Page 5"), or to nowhere."""
_NOT_HEADING_WORDS = {"between", "and", "among", "by and between", "by and among", "and between", "&", "or", "by", "with",
                      "witnesseth", "witnesseth:", "in witness whereof", "signature page follows", "[signature page follows]"}
_FILING_EXHIBIT = re.compile(r"^exhibit\s+\d{1,3}(?:\.\d+|\s*\(|\b)", re.I)


_CAPS_RUN_IN = re.compile(r"^([A-Z][A-Z0-9/&'’ -]{2,60}?)[:.][ \t]+(?=[A-Z\"“(])")
_NOT_RUN_IN = {"whereas", "now therefore", "now, therefore", "in witness whereof", "note", "provided", "recitals", "witnesseth", "now"}


_TOC_REF = re.compile(r"\b(?:Section|SECTION|Article|ARTICLE|Schedule|SCHEDULE|Exhibit|EXHIBIT|Appendix|APPENDIX)\s+[\dIVXA-Z]")
_PAGE_AT_END = re.compile(r"\s(?:[A-Z]{1,2}-)?\d{1,3}\s*$")


def _is_toc_entry(text: str) -> bool:
    """A table-of-contents line (section names with page numbers, dot leaders, several
    section names run together, or a bare heading), as opposed to the prose that follows
    the table of contents."""
    if _DOT_LEADER.search(text[-40:]) or _PAGE_AT_END.search(text[-12:]) or len(_TOC_REF.findall(text)) >= 2:
        return True
    words = text.split()
    if len(words) < 8:
        return True
    lower = sum(1 for w in words if w[:1].islower())
    return lower < 0.3 * len(words)


@dataclass
class _Open:
    section: Section
    kind: tuple
    rank: int
    relative: bool
    value: int = 0
    numbering_list: bool = False


def _anchor(line: int, paragraph: int | None = None) -> Anchor:
    """``paragraph`` is the source line, unless the lexer gave the block a distinct index
    (a second paragraph split off one line: see ``raw_blocks.assign_paragraph_indices``)."""
    return Anchor(paragraph=line if paragraph is None else paragraph, line=line + 1)


def _shift_marks(marks: tuple[Mark, ...], offset: int, length: int) -> tuple[Mark, ...]:
    out = []
    for m in marks:
        s, e = max(0, m.start - offset), min(length, m.end - offset)
        if e > s:
            out.append(Mark(s, e, m.kind, m.value))
    return tuple(out)


class SectionBuilder:
    """Builds the root section from raw blocks (``mode`` "markdown" or "text")."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.root = Section(level=0)
        self.stack: list[_Open] = []
        self.comments: list[Comment] = []
        self._pending: list[tuple[str, int]] = []
        self.title: str | None = None
        self._awaiting_title: Section | None = None
        self._numbering_list = False
        self._in_toc = False
        self._seen_section = False
        self._in_signatures = False

    # --- the stack -------------------------------------------------------------------------
    @property
    def current(self) -> Section:
        return self.stack[-1].section if self.stack else self.root

    def _find(self, kind: tuple) -> int | None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].kind == kind:
                return i
        return None

    def _open(self, kind: tuple, rank: int, relative: bool, *, label: str | None, title: str, anchor: Anchor,
              heading: Paragraph | None, value: int = 0, ref: str | None = None, numbering_list: bool = False) -> Section:
        idx = self._find(kind)
        if idx is not None:
            if relative and value == 1 and idx != len(self.stack) - 1 and self.stack[idx].value >= 1:
                pass  # "(a)" restarting under a deeper item: a new list, nested
            else:
                del self.stack[idx:]
        elif not relative:
            while self.stack and self.stack[-1].rank >= rank:
                self.stack.pop()
        parent = self.current
        if relative and label is not None and ref is None:
            base = parent.ref or parent.label
            token = label.strip("().")
            ref = f"{base}({token})" if base else f"({token})"
        parent_ref = (parent.ref or parent.label or "").rstrip(".")
        if not relative and ref is None and label is not None and label.isdigit() and len(parent_ref) == 1 and parent_ref.isupper():
            ref = f"{parent_ref}.{label}"  # GitHub's "Section O.1": clause 1 under heading "O."
        section = Section(label=label, title=title, level=parent.level + 1, anchor=anchor, ref=ref or label, heading=heading)
        parent.children.append(section)
        self.stack.append(_Open(section, kind, rank, relative, value, numbering_list))
        self._seen_section = True
        return section

    # --- blocks ----------------------------------------------------------------------------
    def _add_block(self, block: Paragraph | Table) -> None:
        self.current.blocks.append(block)

    def _attach_comments(self, anchor: Anchor, inline: list[str] | None = None) -> None:
        for text, _line in self._pending:
            self.comments.append(Comment(text=text, anchor=anchor, id=str(len(self.comments) + 1)))
        self._pending.clear()
        for text in inline or ():
            self.comments.append(Comment(text=text, anchor=anchor, id=str(len(self.comments) + 1)))

    def build(self, blocks: list[RawBlock], front_title: str | None = None) -> Section:
        title_index = self._find_title(blocks)
        if title_index is None and front_title:
            self.title = front_title
        subtitles: set[int] = set()
        if title_index is not None and self.mode == "markdown":
            # "# The General Services Administration" / "# and" / "# {{ agency }}": a title
            # typed over several H1 lines is still the title, not a row of empty sections
            j = title_index + 1
            while j < len(blocks) and (blocks[j].kind == "comment" or (blocks[j].kind == "heading" and blocks[j].depth == 1)):
                if blocks[j].kind == "heading":
                    subtitles.add(j)
                j += 1
            if j >= len(blocks):
                subtitles.clear()
        n = len(blocks)
        for i, b in enumerate(blocks):
            if b.kind == "comment":
                self._pending.append((b.text, b.line))
                continue
            anchor = _anchor(b.line, b.paragraph)
            self._attach_comments(anchor, b.inline_comments)
            if i == title_index:
                self._add_title(b, anchor)
                continue
            if i in subtitles:
                self.root.blocks.append(Paragraph(text=b.text, anchor=anchor, kind="heading", marks=b.marks))
                continue
            if b.kind == "table":
                self._add_table(b)
                self._awaiting_title = None
                continue
            if self._awaiting_title is not None:
                sec = self._awaiting_title
                self._awaiting_title = None
                if self._is_title_for_label(b):
                    sec.title = b.text.rstrip(".:").strip()
                    if sec.heading is not None:
                        sec.heading.text = f"{sec.heading.text} {b.text}".strip()
                    continue
            if b.kind == "heading":
                self._heading(b, anchor)
            elif b.kind == "list_item":
                self._list_item(b, anchor)
            else:
                self._paragraph(b, anchor, blocks[i + 1] if i + 1 < n else None, blocks[i - 1] if i else None)
        if self._pending:
            self._attach_comments(_anchor(self._pending[-1][1]))
        return self.root

    # --- title -----------------------------------------------------------------------------
    def _find_title(self, blocks: list[RawBlock]) -> int | None:
        if self.mode == "markdown":
            first = next((i for i, b in enumerate(blocks) if b.kind != "comment"), None)
            if first is None:
                return None
            b = blocks[first]
            if b.kind != "heading" or not b.text:
                return None
            if b.depth != 1:
                # no H1 at all ("Terms of Service\n----" opening WordPress's terms): the
                # first heading is the title when it names the document
                top = min(x.depth for x in blocks if x.kind == "heading")
                if b.depth == top and match_label(b.text) is None and _TITLE_WORDS.search(b.text):
                    return first
                return None
            if match_label(b.text) is not None:
                return None  # "# 12. Liability", "# Schedule 1 - Definitions": a section, not the title
            h1s = sum(1 for x in blocks if x.kind == "heading" and x.depth == 1)
            deeper = any(x.kind == "heading" and x.depth > 1 for x in blocks)
            follows_h1 = first + 1 < len(blocks) and blocks[first + 1].kind == "heading" and blocks[first + 1].depth == 1
            if (h1s == 1 and deeper) or follows_h1 or _TITLE_WORDS.search(b.text):
                return first
            return None
        # plain text: a title line near the top, before the first numbered clause
        candidates = []
        for i, b in enumerate(blocks[:30]):
            if b.kind != "paragraph":
                continue
            lm = match_label(b.text)
            if lm is not None and lm.family != "annex":
                break
            if not b.standalone or len(b.text) > 120 or _FILING_EXHIBIT.match(b.text):
                continue
            if len(b.text.split()) > 16:
                if candidates:
                    break
                continue
            if _TITLE_WORDS.search(b.text) and (is_caps_heading(b.text) or looks_like_title(b.text, max_words=14)):
                return i
            if is_caps_heading(b.text) and b.text.lower() not in _NOT_HEADING_WORDS:
                candidates.append(i)
        return candidates[0] if candidates else None

    def _add_title(self, b: RawBlock, anchor: Anchor) -> None:
        para = Paragraph(text=b.text, anchor=anchor, kind="heading", marks=b.marks)
        self.title = b.text
        self.root.title = b.text
        if not self.root.blocks and self.root.heading is None and not self.root.children:
            self.root.heading = para
            self.root.anchor = anchor
        else:
            self.root.blocks.append(para)

    def _is_title_for_label(self, b: RawBlock) -> bool:
        if b.kind not in ("paragraph", "heading") or not b.text or len(b.text) > 100:
            return False
        if match_label(b.text) is not None:
            return False
        return is_caps_heading(b.text) or (looks_like_title(b.text.rstrip(".:"), max_words=10) and len(b.text.split()) <= 10)

    # --- headings ----------------------------------------------------------------------------
    def _heading(self, b: RawBlock, anchor: Anchor) -> None:
        self._numbering_list = False
        self._in_signatures = False
        self._in_toc = bool(_TOC_TITLE.match(b.text)) and self.mode == "text"
        lm = match_label(b.text)
        label = ref = None
        title = b.text
        marks = b.marks
        text = b.text
        if lm is not None:
            label = lm.label
            text = b.text[lm.end:].strip()
            marks = _shift_marks(b.marks, lm.end, len(text))
            title = text
        title = title.rstrip(".:").strip()
        para = Paragraph(text=text, anchor=anchor, kind="heading", label=label, marks=marks)
        relative = lm is not None and not lm.absolute
        sec = self._open(("h", b.depth), RANK_HEADING + b.depth, False, label=label, title=title, anchor=anchor,
                         heading=para, ref=ref)
        if relative and label is not None:
            parent = self._parent_of(sec)
            base = (parent.ref or parent.label) if parent is not None else None
            sec.ref = f"{base}({label.strip('().')})" if base else label.rstrip(".")
        para.level = sec.level - 1
        if label is not None and not title:
            self._awaiting_title = sec

    def _parent_of(self, sec: Section) -> Section | None:
        for i, o in enumerate(self.stack):
            if o.section is sec:
                return self.stack[i - 1].section if i else self.root
        return None

    # --- list items ----------------------------------------------------------------------------
    def _list_item(self, b: RawBlock, anchor: Anchor) -> None:
        if b.ordered and b.depth == 0 and not self._numbering_list:
            self._numbering_list = not any(o.kind[0] in ("h", "caps", "bold", "article", "annex") for o in self.stack) and (
                self.mode == "markdown"
            )
        if self._numbering_list and b.ordered:
            number = b.number if b.number is not None else 1
            depth = b.depth + 1
            label = str(number)
            if depth > 1:
                idx = self._find(("decimal", depth - 1))
                if idx is None:
                    self._plain_list_item(b, anchor)
                    return
                parent_label = self.stack[idx].section.label or ""
                label = f"{parent_label}.{number}"
            self._numbered(b, anchor, ("decimal", depth), RANK_DECIMAL + depth, False, label, 0, b.text, b.marks,
                           numbering_list=True)
            return
        self._plain_list_item(b, anchor)

    def _plain_list_item(self, b: RawBlock, anchor: Anchor) -> None:
        marker = b.marker or "•"
        if b.ordered and b.number is not None:
            marker = f"{b.number}{marker[-1]}"
        self._add_block(Paragraph(text=b.text, anchor=anchor, kind="list_item", label=marker, level=b.depth, marks=b.marks))

    # --- paragraphs ----------------------------------------------------------------------------
    def _paragraph(self, b: RawBlock, anchor: Anchor, nxt: RawBlock | None, prev: RawBlock | None) -> None:
        text = b.text
        if not text:
            return
        if self.mode == "text":
            if _TOC_TITLE.match(text) and len(text.split()) <= 4:
                self._in_toc = True
                self._add_block(Paragraph(text=text, anchor=anchor, kind="heading"))
                return
            if _TOC_TITLE.match(text):
                self._add_block(Paragraph(text=text, anchor=anchor))
                self._in_toc = True
                return
            if self._in_toc:
                if not _is_toc_entry(text):
                    self._in_toc = False
                else:
                    self._add_block(Paragraph(text=text, anchor=anchor))
                    return
        if _DOT_LEADER.search(text[-40:]):
            self._add_block(Paragraph(text=text, anchor=anchor))
            return
        lm = match_label(text)
        if lm is not None and self.mode == "text" and not self._seen_section and lm.family == "annex" and _FILING_EXHIBIT.match(text):
            lm = None
        if lm is not None and lm.family == "annex" and not self._annex_heading_ok(text, lm, b):
            lm = None
        if lm is not None:
            kind, rank, relative, value = self._kind_of(lm)
            if self._in_signatures and not relative:
                self._in_signatures = False
            self._numbered(b, anchor, kind, rank, relative, lm.label, lm.end, text, b.marks, value=value, lm=lm)
            return
        # unnumbered headings
        if self._is_bold_heading(b):
            title = text.rstrip(".:").strip()
            para = Paragraph(text=text, anchor=anchor, kind="heading", marks=b.marks)
            sec = self._open(("bold",), RANK_BOLD, False, label=None, title=title, anchor=anchor, heading=para)
            para.level = sec.level - 1
            return
        run_in = self._bold_run_in(b) or self._caps_run_in(b)
        if run_in is not None:
            sec = self._open(("bold",), RANK_BOLD, False, label=None, title=run_in, anchor=anchor, heading=None)
            self._add_block(Paragraph(text=text, anchor=anchor, marks=b.marks, level=sec.level - 1))
            return
        if text[:17].upper() == "IN WITNESS WHEREO":
            self._in_signatures = True  # names and titles of signatories follow, not headings
        elif not self._in_signatures and (self._is_caps_heading_block(b, nxt) or self._is_text_title_line(b, nxt, prev)) \
                and not self._is_title_block_line(text):
            title = text.rstrip(".:").strip()
            para = Paragraph(text=text, anchor=anchor, kind="heading", marks=b.marks)
            sec = self._open(("caps",), RANK_CAPS, False, label=None, title=title, anchor=anchor, heading=para)
            para.level = sec.level - 1
            return
        self._add_block(Paragraph(text=text, anchor=anchor, marks=b.marks, level=b.depth if b.in_list else None))

    def _is_title_block_line(self, text: str) -> bool:
        """A repeat of the title ("OUTSOURCING AGREEMENT" after a cover page), or a title
        line before the first clause: part of the title block, not a section."""
        core = text.strip().rstrip(".:").lower()
        if self.title and core == self.title.strip().lower():
            return True
        return not self._seen_section and bool(_TITLE_WORDS.search(text)) and self.mode == "text"

    def _annex_heading_ok(self, text: str, lm: LabelMatch, b: RawBlock) -> bool:
        """"Schedule A" opens an annex only as a heading line, not as a sentence
        ("Exhibit A lists the fees")."""
        rest = text[lm.end:].strip()
        if not rest:
            return True
        if len(text) > 140:
            return False
        core = rest.rstrip(".:")
        return is_caps_heading(core) or looks_like_title(core, max_words=12)

    def _kind_of(self, lm: LabelMatch) -> tuple[tuple, int, bool, int]:
        fam = lm.family
        if fam == "annex":
            return ("annex",), RANK_ANNEX, False, lm.value
        if fam == "article":
            return ("article", lm.keyword), RANK_ARTICLE, False, lm.value
        if fam in ("decimal", "decimal_item"):
            parts = list(lm.parts)
            while len(parts) > 1 and parts[-1] == 0:
                parts.pop()  # "6.0 Operational Requirements" is a top-level clause
            depth = len(parts) + lm.label.count("(")
            return ("decimal", depth), RANK_DECIMAL + depth, False, lm.value
        if fam == "paren_number":
            return ("pnum", lm.style), RANK_RELATIVE, True, lm.value
        token = re.match(r"\(?([A-Za-z0-9]+)", lm.label).group(1).lower()
        if fam == "alpha_or_roman":
            fam = self._alpha_or_roman(token, lm)
        if fam == "roman":
            return ("roman", lm.style, lm.upper), RANK_RELATIVE, True, roman_to_int(token) or 0
        return ("alpha", lm.style, lm.upper), RANK_RELATIVE, True, lm.value

    def _alpha_or_roman(self, token: str, lm: LabelMatch) -> str:
        alpha_kind = ("alpha", lm.style, lm.upper)
        roman_kind = ("roman", lm.style, lm.upper)
        ai, ri = self._find(alpha_kind), self._find(roman_kind)
        letter_value = ord(token) - 96
        roman_value = roman_to_int(token) or 0
        if ai is not None and self.stack[ai].value == letter_value - 1 and (ri is None or ri < ai):
            return "alpha"
        if ri is not None and self.stack[ri].value == roman_value - 1:
            return "roman"
        if token == "i":
            return "roman"
        if token in ("v", "x") and ri is not None:
            return "roman"
        return "alpha"

    def _numbered(self, b: RawBlock, anchor: Anchor, kind: tuple, rank: int, relative: bool, label: str, end: int,
                  text: str, marks: tuple[Mark, ...], *, value: int = 0, lm: LabelMatch | None = None,
                  numbering_list: bool = False) -> None:
        body = text[end:].strip()
        lead = len(text[end:]) - len(text[end:].lstrip())
        body_marks = _shift_marks(marks, end + lead, len(body))
        title, heading_only = self._title_of(body, body_marks, strict=relative)
        ref = None
        if lm is not None and lm.family == "decimal_item":
            ref = label
        if heading_only:
            para = Paragraph(text=body, anchor=anchor, kind="heading", label=label, marks=body_marks)
            sec = self._open(kind, rank, relative, label=label, title=title, anchor=anchor, heading=para, value=value, ref=ref,
                             numbering_list=numbering_list)
            para.level = sec.level - 1
            if not title:
                self._awaiting_title = sec
        else:
            sec = self._open(kind, rank, relative, label=label, title=title, anchor=anchor, heading=None, value=value, ref=ref,
                             numbering_list=numbering_list)
            self._add_block(Paragraph(text=body, anchor=anchor, kind="paragraph", label=label, level=sec.level - 1,
                                      marks=body_marks))

    def _title_of(self, body: str, marks: tuple[Mark, ...], strict: bool = False) -> tuple[str, bool]:
        """A clause's title and whether the clause is only a heading."""
        if not body:
            return "", True
        bold = next((m for m in marks if m.kind == "bold" and m.start == 0), None)
        if bold is not None:
            bold_text = body[: bold.end].strip()
            after = body[bold.end:].lstrip()
            candidate = bold_text.rstrip(".: ").strip()
            if candidate and candidate[0] not in "\"“'‘" and looks_like_title(candidate, max_words=12) and (
                not after or after[0] in ".:" or bold_text.endswith((".", ":"))
            ):
                rest = after.lstrip(".: ")
                return candidate, not rest
        words = body.split()
        if len(words) <= 12 and not body.endswith((",", ";")):
            core = body.rstrip(".:").strip()
            if is_caps_heading(core) or (looks_like_title(core, max_words=12, strict=strict) and not re.search(r"[.;:!?]\s", core)):
                return core, True
        run_in = split_run_in_title(body)
        if run_in is not None:
            return run_in[0], False
        return "", False

    def _is_bold_heading(self, b: RawBlock) -> bool:
        if self.mode != "markdown" or not b.marks:
            return False
        text = b.text
        covered = sum(m.end - m.start for m in b.marks if m.kind == "bold")
        if covered < len(text.rstrip(".: ")) or len(text.split()) > 12:
            return False
        core = text.rstrip(".:").strip()
        return bool(core) and core[0] not in "\"“'‘" and (looks_like_title(core, max_words=12) or is_caps_heading(core))

    def _bold_run_in(self, b: RawBlock) -> str | None:
        if self.mode != "markdown" or not b.marks:
            return None
        bold = next((m for m in b.marks if m.kind == "bold" and m.start == 0), None)
        if bold is None:
            return None
        bold_text = b.text[: bold.end].strip()
        after = b.text[bold.end:].lstrip()
        if after.startswith("."):
            bold_text += "."
            after = after[1:].lstrip()
        if not bold_text.endswith(".") or not after or not (after[0].isupper() or after[0] in "\"“("):
            return None
        core = bold_text.rstrip(". ").strip()
        if not core or core[0] in "\"“'‘" or not looks_like_title(core, max_words=9):
            return None
        return core

    def _caps_run_in(self, b: RawBlock) -> str | None:
        """"SERVICES: Kubient shall provide ..." — a capitals run-in heading."""
        m = _CAPS_RUN_IN.match(b.text) if self.mode == "text" else None
        if not m:
            return None
        core = m.group(1).strip()
        if core.lower() in _NOT_RUN_IN or len(core.split()) > 6 or not is_caps_heading(core):
            return None
        return core

    def _is_caps_heading_block(self, b: RawBlock, nxt: RawBlock | None) -> bool:
        if self.mode == "text" and not b.standalone:
            return False
        if self.mode == "markdown" and (b.in_list or "\n" in b.text):
            return False
        text = b.text.strip()
        if text.lower().rstrip(":") in _NOT_HEADING_WORDS or text.lower() in _NOT_HEADING_WORDS:
            return False
        core = text.rstrip(".:").strip()
        if _FILING_EXHIBIT.match(core):
            return False
        return is_caps_heading(core) and len(core.split()) <= 10

    def _is_text_title_line(self, b: RawBlock, nxt: RawBlock | None, prev: RawBlock | None) -> bool:
        if not b.standalone or b.in_list or nxt is None or nxt.kind != "paragraph":
            return False
        if self.mode == "markdown" and not self._seen_section:
            return False  # "*Master Terms*" under the title: a subtitle; Markdown marks its headings
        if "," in b.text or not is_title_line(b.text):
            return False
        if len(nxt.text.split()) < 8 or is_title_line(nxt.text):
            return False
        if prev is not None and prev.kind == "paragraph" and not prev.text.rstrip().endswith((".", ":", ";", "!", "?", ")", "”", "\"")) \
                and not prev.standalone:
            return False
        return True

    # --- tables ----------------------------------------------------------------------------
    def _add_table(self, b: RawBlock) -> None:
        rows = []
        for cells, line in zip(b.rows, b.row_lines):
            row = Row()
            for c in cells:
                cell = Cell()
                if c.text:
                    cell.paragraphs.append(Paragraph(text=c.text, anchor=_anchor(line), marks=c.marks))
                row.cells.append(cell)
            rows.append(row)
        self._add_block(Table(rows=rows, anchor=_anchor(b.line)))
