"""Walking a WordprocessingML story (body, header, footer, notes) in document order.

What a reader of the printed agreement sees is not what ``python-docx``'s
``Document.paragraphs`` returns: text inside content controls (``w:sdt``) and tracked
insertions (``w:ins``) is missing there, deleted text (``w:del``) must be left out, a
cross-reference shows its field *result* ("clause 9.3"), not its field code
(``REF _Ref123 \\h``), and clause numbers come from the numbering definitions. This module
walks the XML itself and produces, for each ``w:p``, the visible text, the character
segments of each run (so a Word comment can later be anchored on exactly those words),
and formatting marks (bold, highlight, inserted, field, hyperlink).

Paragraph numbering (Anchor.paragraph) is the ordinal of the ``w:p`` element among all
``w:p`` elements of the part in document order (``root.iter(w:p)``). Text boxes (drawings
and VML shapes anchored in a paragraph) hold paragraphs of their own: the walk reports
them right after that paragraph, with their own ordinals, once (a box stored both as
``mc:Choice`` and ``mc:Fallback`` is read from the choice), flagged ``in_text_box`` (text
of the part, never a section heading) and numbered apart from the body's clauses.

Speed: the walk touches each element of the body once from Python (lxml creates a proxy
and a tag string per element visited, the dominant cost); plain iteration with one
dictionary or set look-up per tag measured faster here than ``iterchildren(tag=...)``,
compiled XPath or an XSLT pre-pass, and runs that carry no formatting of interest cost no
mark computation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from slalint.document.model import Mark
from slalint.readers.docx.numbering import Label, NumberingCounter
from slalint.readers.docx.styles import StyleInfo, StyleSheet
from slalint.readers.docx.xml import _OFF, M_NS, MC_NS, W

W_P = f"{W}p"
W_R = f"{W}r"
W_T = f"{W}t"
W_TAB = f"{W}tab"
W_PTAB = f"{W}ptab"
W_BR = f"{W}br"
W_CR = f"{W}cr"
W_SYM = f"{W}sym"
W_NBH = f"{W}noBreakHyphen"
W_FLDCHAR = f"{W}fldChar"
W_INSTR = f"{W}instrText"
W_RPR = f"{W}rPr"
W_PSTYLE = f"{W}pStyle"
W_NUMPR = f"{W}numPr"
W_NUMID = f"{W}numId"
W_ILVL = f"{W}ilvl"
W_OUTLINELVL = f"{W}outlineLvl"
W_SECTPR = f"{W}sectPr"
W_PPRCHANGE = f"{W}pPrChange"
W_TRPR = f"{W}trPr"
W_RPRCHANGE = f"{W}rPrChange"
W_PPR = f"{W}pPr"
W_TBL = f"{W}tbl"
W_TR = f"{W}tr"
W_TC = f"{W}tc"
W_SDT = f"{W}sdt"
W_SDTCONTENT = f"{W}sdtContent"
W_INS = f"{W}ins"
W_DEL = f"{W}del"
W_MOVETO = f"{W}moveTo"
W_MOVEFROM = f"{W}moveFrom"
W_HYPERLINK = f"{W}hyperlink"
W_SMARTTAG = f"{W}smartTag"
W_CUSTOMXML = f"{W}customXml"
W_DIR = f"{W}dir"
W_BDO = f"{W}bdo"
W_FLDSIMPLE = f"{W}fldSimple"
W_CRS = f"{W}commentRangeStart"
W_CRE = f"{W}commentRangeEnd"
W_CREF = f"{W}commentReference"
W_B = f"{W}b"
W_VANISH = f"{W}vanish"
W_HIGHLIGHT = f"{W}highlight"
W_U = f"{W}u"
W_RSTYLE = f"{W}rStyle"
W_VAL = f"{W}val"
W_ID = f"{W}id"
M_OMATH = f"{{{M_NS}}}oMath"
M_OMATHPARA = f"{{{M_NS}}}oMathPara"
M_T = f"{{{M_NS}}}t"
MC_ALT = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
W_TXBX = f"{W}txbxContent"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

_MARK_REVISIONS = frozenset({f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo", f"{W}rPrChange"})
_EMBEDS = frozenset({f"{W}drawing", f"{W}pict", f"{W}object", MC_ALT})
_CONTAINERS = frozenset({W_HYPERLINK, W_SMARTTAG, W_CUSTOMXML, W_DIR, W_BDO, W_FLDSIMPLE, W_INS, W_MOVETO})
_SKIPPED = frozenset({W_DEL, W_MOVEFROM})
TRACKED = frozenset({W_INS, W_DEL, W_MOVETO, W_MOVEFROM})
_INLINE_KIND = {tag: 1 for tag in _CONTAINERS}
_INLINE_KIND.update({W_DEL: 2, W_MOVEFROM: 2, W_SDT: 3, W_CRS: 4, W_CRE: 4, MC_ALT: 5, M_OMATHPARA: 6, M_OMATH: 6})
"""What an inline child of a paragraph is, for one dict look-up instead of a chain of tests."""
_RPR_INTEREST = frozenset({W_B, W_VANISH, W_HIGHLIGHT, W_U, W_RPRCHANGE, W_RSTYLE})
_PPR_INTEREST = frozenset({W_PSTYLE, W_NUMPR, W_OUTLINELVL, W_SECTPR, W_RPR, W_PPRCHANGE})


# --------------------------------------------------------------------------- labels

_KEYWORDS = r"(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|EXHIBIT|Exhibit|ATTACHMENT|Attachment|PART|Part)"
_TYPED_KEYWORD = re.compile(_KEYWORDS + r"\s+(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,7}|[A-Z]{1,2}(?:\d{1,2})?)(?![\w.])")
_TYPED_NUM = re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.(?!\d)")
_TYPED_NUM_TAB = re.compile(r"\d{1,3}(?=\t)")
_TYPED_PAREN = re.compile(r"\((?:[a-z]{1,3}|[A-Z]{1,2}|\d{1,3})\)")
_TYPED_HALF = re.compile(r"(?:[a-z]{1,2}|[ivx]{1,5}|[A-Z]|\d{1,3})\)")
_TYPED_LETTER_DOT = re.compile(r"(?:[A-Za-z]|[ivx]{2,5}|[IVX]{2,5})\.(?=[ \t\u00a0])")
_SEP = re.compile(r"[ \t\u00a0]*(?:[.:\u2013\u2014\-][ \t\u00a0]+)?")


def split_typed_label(raw: str) -> tuple[str | None, int]:
    """Find a manually typed clause number at the start of ``raw``.

    Returns ``(label, offset)`` where ``offset`` is where :attr:`Paragraph.text` starts in
    ``raw`` (after leading white space, the label and its separator). Recognised: "4.2",
    "4.", "4<tab>", "(b)", "b)", "A.", "ARTICLE IV", "Schedule 2", "Section 4.2". Keyword
    labels only count when they read as a heading (short, or set off by punctuation or a
    tab), so "Section 4.2 applies to ..." stays a sentence.
    """
    n = len(raw)
    i = 0
    while i < n and raw[i] in " \t\u00a0":
        i += 1
    if i >= n:
        return None, i
    ch = raw[i]
    m = None
    kind = ""
    if ch.isdigit():
        m = _TYPED_NUM.match(raw, i)
        kind = "num"
        if m is None:
            m = _TYPED_NUM_TAB.match(raw, i)
            kind = "tab"
    elif ch == "(":
        m = _TYPED_PAREN.match(raw, i)
        kind = "paren"
    elif ch.isalpha():
        m = _TYPED_KEYWORD.match(raw, i)
        kind = "kw"
        if m is None:
            m = _TYPED_HALF.match(raw, i)
            kind = "half"
        if m is None:
            m = _TYPED_LETTER_DOT.match(raw, i)
            kind = "dot"
    if m is None:
        return None, i
    end = m.end()
    rest = raw[end:]
    if rest and rest[0] not in " \t\u00a0.:\u2013\u2014-":
        if kind not in ("paren", "half") or not rest[0].isalnum():
            return None, i
    sep = _SEP.match(raw, end)
    text_start = sep.end() if sep else end
    sep_text = raw[end:text_start]
    remainder = raw[text_start:].strip()
    if kind == "num":
        if remainder and remainder[0].islower() and "\t" not in sep_text:
            return None, i
        if "." not in m.group(0).rstrip(".") and not m.group(0).endswith("."):
            return None, i
    if kind == "kw":
        word_count = len(remainder.split())
        if remainder and word_count > 14 and "\t" not in sep_text and not any(c in sep_text for c in ".:\u2013\u2014-"):
            return None, i
        if remainder and remainder[0].islower() and "\t" not in sep_text:
            return None, i
    if kind == "dot":
        if remainder and remainder[0].islower() and m.group(0)[0].isupper():
            return None, i
        if not remainder:
            return None, i
    if kind != "kw" and not remainder:
        return None, i  # a bare "4.2" or "(b)" (e.g. alone in a table cell) stays text
    return raw[i:end].strip(), text_start


# --------------------------------------------------------------------------- paragraphs


@dataclass(slots=True)
class RawParagraph:
    """A paragraph as walked, before the outline builder decides what it is."""

    index: int
    text: str
    label: str | None
    label_source: str | None  # "auto", "typed" or None
    number: Label | None
    style: StyleInfo
    heading_level: int | None
    marks: tuple[Mark, ...]
    bold_fraction: float
    underlined_lead: tuple[int, int] | None = None
    """Span of underlined text the paragraph opens with (an underlined run-in heading)."""
    in_table: bool = False
    text_offset: int = 0
    raw_text: str = ""
    in_text_box: bool = False
    """Inside a text box: read as text of the part, never a section heading."""


@dataclass(slots=True)
class RawCell:
    paragraphs: list[RawParagraph] = field(default_factory=list)


@dataclass(slots=True)
class RawTable:
    index: int  # ordinal of the first w:p inside the table
    rows: list[list[RawCell]] = field(default_factory=list)


@dataclass(slots=True)
class CommentAnchor:
    start: tuple[int, int] | None = None  # (paragraph index, raw offset)
    end: tuple[int, int] | None = None


class PartWalker:
    """Walks one story part. Field state (complex fields such as a TOC span paragraphs)
    and comment ranges are carried across paragraphs."""

    def __init__(self, root, styles: StyleSheet, counter: NumberingCounter | None, rels: dict | None = None,
                 numbering=None) -> None:
        self.root = root
        self.styles = styles
        self.counter = counter
        self.numbering = numbering
        self.rels = rels or {}
        self.index: dict = {}  # optional explicit w:p -> ordinal map (paragraph_runs helpers)
        self.next_index = 0  # ordinal the next w:p met in document order gets
        self._current = -1
        self.fields: list[list] = []  # [instr, phase] per open complex field
        self.tracked = False
        self.comments: dict[str, CommentAnchor] = {}
        self.texts: dict[int, RawParagraph] = {}
        self._boxes: list | None = None  # [(drawing element, ordinal of its first w:p)] met in the current paragraph
        self._pos = 0
        self._rich = False
        self._box_counter: NumberingCounter | None = None
        self._box_depth = 0

    # ---- text of one paragraph ------------------------------------------------------

    def segments(self, p) -> tuple[str, list]:
        """Visible text of ``p`` and its segments, one per ``w:r`` (plus math zones):
        ``(start, end, run, bold, highlight, inserted, hyperlink, field_instr)`` where
        ``bold`` is None when the run does not set it (the paragraph style decides)."""
        buf: list[str] = []
        segs: list = []
        self._pos = 0
        self._rich = False
        self._inline(p, buf, segs, None, False, p)
        return "".join(buf), segs

    def _inline(self, el, buf, segs, link, inserted, p) -> None:
        for child in el:
            tag = child.tag
            if tag == W_R:
                self._run(child, buf, segs, link, inserted, p)
                continue
            kind = _INLINE_KIND.get(tag)
            if kind is None:
                continue  # proofErr, bookmarks, permissions...: nothing printed
            if kind == 1:  # containers
                if tag == W_HYPERLINK:
                    rid = child.get(R_ID)
                    target = self.rels.get(rid, (None, None, None))[1] if rid else None
                    anchor = child.get(f"{W}anchor")
                    self._inline(child, buf, segs, target or (f"#{anchor}" if anchor else "") or link, inserted, p)
                elif tag == W_INS or tag == W_MOVETO:
                    self.tracked = True
                    self._inline(child, buf, segs, link, True, p)
                elif tag == W_FLDSIMPLE:
                    self.fields.append([child.get(f"{W}instr", "").strip(), "result"])
                    self._inline(child, buf, segs, link, inserted, p)
                    self.fields.pop()
                else:
                    self._inline(child, buf, segs, link, inserted, p)
            elif kind == 2:  # deleted / moved-away text
                self.tracked = True
                if len(child):
                    self.next_index += _count_p(child)
            elif kind == 3:  # content control
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self._inline(content, buf, segs, link, inserted, p)
            elif kind == 4:  # comment range start/end
                cid = child.get(W_ID)
                if cid is not None:
                    ca = self.comments.setdefault(cid, CommentAnchor())
                    where = (self.index.get(p, self._current), self._pos)
                    if tag == W_CRS:
                        ca.start = where
                    else:
                        ca.end = where
            elif kind == 5:  # mc:AlternateContent (text boxes)
                self._embed(child)
            else:  # math
                text = "".join(t.text or "" for t in child.iter(M_T))
                if text and self._visible():
                    start = self._pos
                    buf.append(text)
                    self._pos += len(text)
                    segs.append((start, self._pos, None, None, None, "", None, ""))

    def _visible(self) -> bool:
        for f in self.fields:
            if f[1] != "result":
                return False
        return True

    def _run(self, r, buf, segs, link, inserted, p) -> None:
        bold = None
        highlight = None
        underline = False
        fields = self.fields
        # whether text shows here: outside any field, or in the result of every open
        # field; only a w:fldChar changes it
        vis = not fields or self._visible()
        pieces: list[str] = []
        field_instr = ""
        for child in r:
            tag = child.tag
            if tag == W_T:
                text = child.text
                if text and vis:
                    pieces.append(text)
                    if fields:
                        field_instr = fields[-1][0]
            elif tag == W_RPR:
                for prop in child:  # (plain iteration beats find()/iterchildren(tags) here)
                    ptag = prop.tag
                    if ptag not in _RPR_INTEREST:
                        continue
                    if ptag == W_B:
                        val = prop.get(W_VAL)
                        bold = val is None or val.lower() not in _OFF
                    elif ptag == W_VANISH:
                        val = prop.get(W_VAL)
                        if val is None or val.lower() not in _OFF:
                            # Hidden text is not printed; a field code may still hide in
                            # it, so keep tracking fldChar state.
                            for fc in r.iter(W_FLDCHAR):
                                self._fldchar(fc)
                            self.next_index += _count_p(r)
                            return
                    elif ptag == W_HIGHLIGHT:
                        val = prop.get(W_VAL, "none")
                        if val != "none":
                            highlight = val
                    elif ptag == W_U:
                        underline = prop.get(W_VAL, "single") not in ("none", "0")
                    elif ptag == W_RPRCHANGE:
                        self.tracked = True
                    else:  # W_RSTYLE
                        cs = self.styles.character.get(prop.get(W_VAL, ""))
                        if cs is not None:
                            if cs.vanish:
                                self.next_index += _count_p(r)
                                return
                            if bold is None:
                                bold = cs.bold
            elif tag == W_TAB or tag == W_PTAB:
                if vis:
                    pieces.append("\t")
            elif tag == W_BR or tag == W_CR:
                if vis:
                    pieces.append("\n")
            elif tag == W_FLDCHAR:
                self._fldchar(child)
                vis = not fields or self._visible()
            elif tag in _EMBEDS:
                self._embed(child)
            elif tag == W_INSTR:
                if fields and fields[-1][1] == "instr":
                    fields[-1][0] += child.text or ""
            elif tag == W_NBH:
                if vis:
                    pieces.append("-")
            elif tag == W_SYM:
                code = child.get(f"{W}char", "")
                try:
                    c = int(code, 16)
                except ValueError:
                    continue
                if 0xF000 <= c <= 0xF0FF:
                    c -= 0xF000
                if 32 <= c < 0xD800 and vis:
                    pieces.append(chr(c))
        start = self._pos
        if not pieces:
            # a run that shows nothing is kept as a zero-length segment, so code that
            # anchors on runs can still find it
            segs.append((start, start, r, bold, highlight, "", link, ""))
            return
        text = pieces[0] if len(pieces) == 1 else "".join(pieces)
        buf.append(text)
        self._pos = end = start + len(text)
        if inserted or underline:
            flags = ("i" if inserted else "") + ("u" if underline else "")
        else:
            flags = ""
        if bold or highlight or flags or link or field_instr:
            self._rich = True  # the paragraph has marks to compute
        segs.append((start, end, r, bold, highlight, flags, link, field_instr.strip() if field_instr else ""))

    def _embed(self, el) -> None:
        """A drawing or VML shape inside a paragraph. Its text boxes hold paragraphs of
        their own: not part of this paragraph's text, but they count in the part's w:p
        ordinals, and the story walk reports them after the paragraph."""
        n = _count_p(el)
        if n and self._boxes is not None:
            self._boxes.append((el, self.next_index))
        self.next_index += n

    def _text_boxes(self, in_table: bool) -> Iterator[RawParagraph | RawTable]:
        """The blocks of the text boxes met in the paragraph just walked, with their own
        ordinals; a text box stored twice (``mc:Choice`` and its ``mc:Fallback``) is
        reported once."""
        pending, self._boxes = self._boxes, []
        resume = self.next_index
        # A list in a text box (a cover-page callout) does not move the body's clause
        # numbers: its paragraphs are numbered on a counter of their own.
        body_counter = self.counter
        if body_counter is not None and self._box_counter is None:
            self._box_counter = NumberingCounter(body_counter.numbering)
        self._box_depth += 1
        try:
            self.counter = self._box_counter if body_counter is not None else None
            for embed, start in pending:
                positions = None
                for box in _top_text_boxes(embed):
                    first = next(box.iter(W_P), None)
                    if first is None:
                        continue
                    if positions is None:
                        positions = {p: i for i, p in enumerate(embed.iter(W_P))}
                    self.next_index = start + positions[first]
                    yield from self._blocks(box, in_table)
        finally:
            self._box_depth -= 1
            self.counter = body_counter
            self.next_index = resume

    def _fldchar(self, fc) -> None:
        kind = fc.get(f"{W}fldCharType")
        if kind == "begin":
            self.fields.append(["", "instr"])
        elif kind == "separate":
            if self.fields:
                self.fields[-1][1] = "result"
        elif kind == "end":
            if self.fields:
                self.fields.pop()

    # ---- the story ----------------------------------------------------------------------

    def walk(self, body, start: int | None = None) -> Iterator[RawParagraph | RawTable]:
        """Blocks of the story in document order: paragraphs and tables (content controls
        and custom XML wrappers are looked through). Paragraph ordinals are counted as the
        walk goes (``start``: ordinal of the first ``w:p`` under ``body``), including
        the ``w:p`` elements the walk does not report (text boxes, skipped wrappers), so
        they equal positions in ``part_root.iter(w:p)``."""
        if start is not None:
            self.next_index = start
        self._boxes = []
        yield from self._blocks(body, False)

    def _blocks(self, el, in_table: bool) -> Iterator[RawParagraph | RawTable]:
        for child in el:
            tag = child.tag
            if tag == W_P:
                yield self.paragraph(child, in_table)
                if self._boxes:
                    yield from self._text_boxes(in_table)
            elif tag == W_TBL:
                yield self.table(child)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    yield from self._blocks(content, in_table)
            elif tag == W_CUSTOMXML or tag == W_INS or tag == W_MOVETO:
                if tag != W_CUSTOMXML:
                    self.tracked = True
                yield from self._blocks(child, in_table)
            else:
                if tag in _SKIPPED:
                    self.tracked = True
                if len(child):
                    self.next_index += _count_p(child)

    def table(self, tbl) -> RawTable:
        table = RawTable(self.next_index)
        for tr in self._rows(tbl):
            row: list[RawCell] = []
            for tc in self._cells(tr):
                cell = RawCell()
                for block in self._blocks(tc, True):
                    if isinstance(block, RawParagraph):
                        cell.paragraphs.append(block)
                    else:  # nested table: flatten its paragraphs into the cell
                        for nrow in block.rows:
                            for ncell in nrow:
                                cell.paragraphs.extend(ncell.paragraphs)
                row.append(cell)
            table.rows.append(row)
        return table

    def _rows(self, tbl):
        for child in tbl:
            if child.tag == W_TR:
                deleted = False
                for trpr in child:
                    if trpr.tag == W_TRPR:
                        for mark in trpr:
                            if mark.tag == W_INS:
                                self.tracked = True
                            elif mark.tag == W_DEL:
                                self.tracked = deleted = True
                        break
                if deleted:
                    # a row deleted with tracked changes on is not in the agreement
                    self.next_index += _count_p(child)
                    continue
                yield child
            elif child.tag in (W_SDT, W_CUSTOMXML):
                content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
                if content is not None:
                    yield from self._rows(content)

    def _cells(self, tr):
        for child in tr:
            if child.tag == W_TC:
                yield child
            elif child.tag in (W_SDT, W_CUSTOMXML):
                content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
                if content is not None:
                    yield from self._cells(content)

    def paragraph(self, p, in_table: bool = False) -> RawParagraph:
        idx = self.next_index
        self.next_index = idx + 1
        self._current = idx
        style = self.styles.default_paragraph
        num_id = ilvl = None
        outline = None
        section_break = False
        mark_deleted = False
        for ppr in p:
            if ppr.tag != W_PPR:
                break
            for prop in ppr:
                tag = prop.tag
                if tag not in _PPR_INTEREST:
                    continue
                if tag == W_PSTYLE:
                    style = self.styles.para(prop.get(W_VAL))
                elif tag == W_NUMPR:
                    for np_ in prop:
                        if np_.tag == W_NUMID:
                            num_id = np_.get(W_VAL)
                        elif np_.tag == W_ILVL:
                            try:
                                ilvl = int(np_.get(W_VAL, "0"))
                            except ValueError:
                                ilvl = 0
                elif tag == W_OUTLINELVL:
                    try:
                        outline = int(prop.get(W_VAL, "9"))
                    except ValueError:
                        outline = None
                elif tag == W_SECTPR:
                    section_break = True
                elif tag == W_RPR:
                    # the paragraph mark itself inserted/deleted, or its formatting changed
                    for mark in prop:
                        if mark.tag in _MARK_REVISIONS:
                            self.tracked = True
                            if mark.tag == W_DEL:
                                mark_deleted = True
                elif tag == W_PPRCHANGE:
                    self.tracked = True
            break
        raw, segs = self.segments(p)
        label = None
        source = None
        number = None
        if num_id is None:
            num_id = style.num_id
        if num_id and num_id != "0" and self.counter is not None and not ((section_break or mark_deleted) and not raw.strip()):
            # (an empty paragraph that only carries a section break shows no number, nor
            # does a paragraph deleted with tracked changes on)
            if ilvl is None:
                ilvl = style.ilvl if style.ilvl is not None and num_id == style.num_id else None
                if ilvl is None and self.numbering is not None and style.id:
                    ilvl = self.numbering.ilvl_for_style(num_id, style.id)
                if ilvl is None:
                    ilvl = 0
            number = self.counter.next_label(num_id, ilvl)
            if number is not None and number.text:
                label = number.text
                source = "auto"
        heading = style.heading_level
        if outline is not None:
            heading = outline + 1 if outline < 9 else None
        offset = 0
        if label is None:
            if raw:
                typed, offset = split_typed_label(raw)
                if typed is not None:
                    label, source = typed, "typed"
        else:
            while offset < len(raw) and raw[offset] in " \t\u00a0":
                offset += 1
        text = raw[offset:].rstrip()
        end = offset + len(text)
        marks: list[Mark] = []
        bold_chars = 0
        visible_chars = 0
        underlined_lead = None
        style_bold = bool(style.bold)
        # (a paragraph of plain runs in a style that is not bold has no marks: skip the loop)
        for s, e, _r, bold, highlight, flags, link, instr in segs if self._rich or style_bold else ():
            if e <= s:
                continue
            if s < offset or e > end:
                s2, e2 = max(s, offset) - offset, min(e, end) - offset
                if e2 <= s2:
                    continue
            else:
                s2, e2 = s - offset, e - offset
            length = e2 - s2
            visible_chars += length
            if bold or (bold is None and style_bold):
                bold_chars += length
                _add_mark(marks, s2, e2, "bold", None)
            if highlight or flags or link or instr:
                if highlight:
                    _add_mark(marks, s2, e2, "highlight", highlight)
                if "i" in flags:
                    _add_mark(marks, s2, e2, "inserted", None)
                if "u" in flags and (underlined_lead is None and s2 == 0 or underlined_lead and underlined_lead[1] == s2):
                    underlined_lead = (0, e2)
                if link:
                    _add_mark(marks, s2, e2, "hyperlink", link)
                if instr:
                    _add_mark(marks, s2, e2, "field", instr)
        rp = RawParagraph(
            idx, text, label, source, number, style, heading, tuple(marks) if marks else (),
            (bold_chars / visible_chars) if visible_chars else 0.0, underlined_lead, in_table, offset, raw,
            self._box_depth > 0,
        )
        self.texts[idx] = rp
        return rp


def _top_text_boxes(embed) -> Iterator:
    """The outermost ``w:txbxContent`` elements of a drawing (for ``mc:AlternateContent``,
    those of the ``mc:Choice`` Word shows, else of the fallback)."""
    roots = [embed]
    if embed.tag == MC_ALT:
        choices = [c for c in embed if c.tag == MC_CHOICE and next(c.iter(W_TXBX), None) is not None]
        roots = choices[:1] or [c for c in embed if c.tag == MC_FALLBACK][:1]
    for root in roots:
        for box in root.iter(W_TXBX):
            parent = box.getparent()
            while parent is not None and parent is not root and parent.tag != W_TXBX:
                parent = parent.getparent()
            if parent is None or parent is root or parent.tag != W_TXBX:
                yield box


def _count_p(el) -> int:
    """How many w:p elements ``el`` holds (itself included)."""
    n = 0
    for _ in el.iter(W_P):
        n += 1
    return n


def _add_mark(marks: list[Mark], start: int, end: int, kind: str, value: str | None) -> None:
    """Append a mark, merging it with an earlier mark of the same kind and value that it
    touches (Word splits one bold phrase over many runs)."""
    for j in range(len(marks) - 1, max(-1, len(marks) - 6), -1):
        m = marks[j]
        if m.end == start and m.kind == kind and m.value == value:
            marks[j] = Mark(m.start, end, kind, value)
            return
    marks.append(Mark(start, end, kind, value))


# --------------------------------------------------------------------------- public helper


def paragraph_runs(p, text: str | None = None, styles: StyleSheet | None = None) -> list[tuple[int, int, object]]:
    """The runs of one ``w:p`` element with the character span each contributes.

    Returns ``[(start, end, w:r element), ...]`` in document order, using exactly the
    text rules of the reader (tracked deletions, moved-from text, hidden text and field
    codes left out; tabs and breaks one character each). Offsets index into the
    paragraph's full visible text; pass ``text`` (the model's :attr:`Paragraph.text`) to
    get offsets into that instead, i.e. shifted past the list label the reader split off.
    Runs contributing no text are included with ``start == end``; segments that fall
    entirely inside the split-off label get negative-clipped to 0-length at 0.

    The helper assumes no complex field is open when the paragraph starts; for a whole
    part use :func:`iter_part_runs`, which carries field state across paragraphs exactly
    as the reader does. Pass ``styles`` (e.g. ``StyleSheet(python_docx_doc.styles.element)``)
    so runs hidden through a character style are left out as the reader leaves them out.

    Example (python-docx): ``paragraph_runs(doc.paragraphs[3]._p, model_paragraph.text)``.
    """
    walker = PartWalker(p, styles or StyleSheet(), None)
    raw, segs = walker.segments(p)
    return _shift(raw, segs, text)


def iter_part_runs(root, styles: StyleSheet | None = None) -> Iterator[tuple[int, str, list[tuple[int, int, object]]]]:
    """For every ``w:p`` of a part (in ``root.iter(w:p)`` order): ``(paragraph index,
    full visible text, runs)``, with ``runs`` as in :func:`paragraph_runs` (offsets into
    the full visible text)."""
    walker = PartWalker(root, styles or StyleSheet(), None)
    for i, p in enumerate(root.iter(W_P)):
        walker.index[p] = i
        raw, segs = walker.segments(p)
        yield i, raw, _shift(raw, segs, None)


def _shift(raw: str, segs: list, text: str | None) -> list[tuple[int, int, object]]:
    offset = 0
    if text is not None:
        stripped = raw.rstrip()
        offset = len(stripped) - len(text)
        if offset < 0 or stripped[offset:] != text:
            found = raw.find(text)
            offset = found if found >= 0 else 0
    out = []
    for seg in segs:
        if seg[2] is None:
            continue
        s, e = seg[0] - offset, seg[1] - offset
        out.append((max(s, 0), max(e, 0), seg[2]))
    return out
