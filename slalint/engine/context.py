"""What a rule sees when it runs: the document, its analysis, and helpers to point at words.

`DocIndex` maps every paragraph anchor to the section that holds it (and that section's
ancestors), so a rule can say "in the sections on termination" and a finding can name the
clause. `Hit` is what a kind or a Python check reports; the runner turns hits into findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from slalint.analysis.facts import Analysis, Evidence
from slalint.document import Anchor, Document, Paragraph, Section, Table

AnchorKey = tuple[str, int]


def anchor_key(anchor: Anchor) -> AnchorKey:
    return (anchor.part, anchor.paragraph)


_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|etc|inc|ltd|llc|l\.l\.c|co|corp|no|nos|vs|cf|u\.s|u\.k|st|mr|ms|mrs|dr|art|sec|para|approx|incl|p\.a|s\.a|n\.a|b\.v|n\.v)\.)$", re.I)
_BOUNDARY = re.compile(r"(?<=[.!?;])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9(])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph (a cheap splitter that knows legal abbreviations)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[max(start, m.start() - 16) : m.start()]
        if _ABBREV.search(head):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()] or [(0, len(text))]


@dataclass
class ParaInfo:
    """A body paragraph, where it sits, and whether it is a heading or a table cell."""

    paragraph: Paragraph
    section: Section
    is_heading: bool = False
    row: tuple[int, int] | None = None
    """(table ordinal in the document, row index) for table-cell paragraphs."""
    col: int | None = None


class DocIndex:
    """Paragraph anchors -> sections; section ancestry; sentences; built once per document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.paragraphs: list[ParaInfo] = []
        self.by_key: dict[AnchorKey, ParaInfo] = {}
        self.all_by_key: dict[AnchorKey, list[ParaInfo]] = {}
        """Markdown table cells of one row share their source line, hence their anchor key."""
        self.parent: dict[int, Section | None] = {id(document.root): None}
        self.order: dict[int, int] = {}
        self.memo: dict[object, object] = {}
        """Per-document derived data shared by every rule (sentence spans, quantity groups)."""
        self.headers: dict[tuple[int, int], str] = {}
        """(table ordinal, column) -> text of the table's first row in that column."""
        self.row_headers: dict[tuple[int, int], str] = {}
        """(table ordinal, row) -> text of the row's first cell."""
        tables = 0
        for n, section in enumerate(document.root.walk()):
            self.order[id(section)] = n
            for child in section.children:
                self.parent[id(child)] = section
            if section.heading is not None:
                self._add(ParaInfo(section.heading, section, is_heading=True))
            for block in section.blocks:
                if isinstance(block, Table):
                    for r, row in enumerate(block.rows):
                        for c, cell in enumerate(row.cells):
                            if r == 0:
                                self.headers[(tables, c)] = cell.text
                            if c == 0:
                                self.row_headers[(tables, r)] = cell.text
                            for p in cell.paragraphs:
                                self._add(ParaInfo(p, section, row=(tables, r), col=c))
                    tables += 1
                else:
                    self._add(ParaInfo(block, section, is_heading=block.kind == "heading"))

    def _add(self, info: ParaInfo) -> None:
        self.paragraphs.append(info)
        key = anchor_key(info.paragraph.anchor)
        self.by_key.setdefault(key, info)
        self.all_by_key.setdefault(key, []).append(info)

    # -- sections ---------------------------------------------------------------------
    def section_of(self, anchor: Anchor | None) -> Section | None:
        if anchor is None:
            return None
        info = self.by_key.get(anchor_key(anchor))
        return info.section if info else None

    def ancestors(self, section: Section) -> list[Section]:
        """The section and its ancestors up to (excluding) the document root, innermost first."""
        out: list[Section] = []
        s: Section | None = section
        while s is not None and s is not self.document.root:
            out.append(s)
            s = self.parent.get(id(s))
        return out

    def is_within(self, section: Section | None, containers: list[Section]) -> bool:
        if section is None:
            return False
        ids = {id(c) for c in containers}
        if id(self.document.root) in ids:
            return True
        return any(id(s) in ids for s in self.ancestors(section))

    def section_path(self, section: Section | None) -> tuple[str, ...]:
        """Names of the section and its ancestors, outermost first ("4 Term", "4.2 ...")."""
        if section is None:
            return ()
        return tuple(s.name for s in reversed(self.ancestors(section)))

    def title_path(self, section: Section | None) -> tuple[str, ...]:
        """Section titles (numbers left out) outermost first: what survives renumbering."""
        if section is None:
            return ()
        return tuple((s.title or "").strip().lower() for s in reversed(self.ancestors(section)))

    # -- text -------------------------------------------------------------------------
    def evidence(self, paragraph: Paragraph, section: Section | None, start: int = 0, end: int | None = None) -> Evidence:
        text = paragraph.text
        stop = len(text) if end is None else end
        return Evidence(
            section=(section.ref or section.label) if section is not None and section is not self.document.root else None,
            title=section.title if section is not None else "",
            anchor=paragraph.anchor.span(start, stop),
            quote=text[start:stop],
        )

    def sentence_around(self, paragraph: Paragraph, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence(s) of ``paragraph`` that hold characters start:end."""
        spans = self.sentences(paragraph)
        s0 = next((s for s, e in spans if s <= start < e or (start == e and s <= start)), 0)
        e0 = next((e for s, e in spans if s < end <= e), len(paragraph.text))
        if e0 < s0:
            e0 = len(paragraph.text)
        text = paragraph.text
        while s0 < e0 and text[s0].isspace():
            s0 += 1
        while e0 > s0 and text[e0 - 1].isspace():
            e0 -= 1
        return s0, e0

    def sentences(self, paragraph: Paragraph) -> list[tuple[int, int]]:
        """Sentence spans of a paragraph, computed once per document (shared by rules)."""
        key = ("sentences", id(paragraph))
        spans = self.memo.get(key)
        if spans is None:
            spans = self.memo[key] = split_sentences(paragraph.text)
        return spans  # type: ignore[return-value]

    def paragraph_of(self, anchor: Anchor) -> ParaInfo | None:
        return self.by_key.get(anchor_key(anchor))

    def info_for(self, evidence: Evidence) -> ParaInfo | None:
        """The paragraph an evidence points at; when several share the anchor (cells of a
        Markdown table row), the one whose text at the anchor's span is the quote."""
        infos = self.all_by_key.get(anchor_key(evidence.anchor))
        if not infos:
            return None
        if len(infos) > 1 and evidence.quote:
            a = evidence.anchor
            for info in infos:
                text = info.paragraph.text
                if text[a.start : a.end if a.end is not None else len(text)] == evidence.quote:
                    return info
        return infos[0]


@dataclass
class Hit:
    """What a kind or check found: where (None = the document as a whole) and the values
    that fill the message template."""

    evidence: Evidence | None = None
    values: dict[str, Any] = field(default_factory=dict)
    quote: str | None = None
    topic: str | None = None
    extra_evidence: list[Evidence] = field(default_factory=list)


@dataclass
class RuleContext:
    """Everything a rule (kind or check) may read while it runs on one document."""

    document: Document
    analysis: Analysis
    index: DocIndex
    rule: Any
    params: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    compiled: Any = None
    _topic_sections: dict[str, list[Section]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.analysis.kind

    def section_of(self, anchor: Anchor | None) -> Section | None:
        return self.index.section_of(anchor)

    def topic_present(self, topic: str) -> bool:
        cov = self.analysis.coverage.get(topic)
        return cov is not None and cov.status == "present"

    def topic_evidence(self, topic: str) -> list[Evidence]:
        """Evidence of a topic: the coverage evidence, then other topic hits, document order."""
        seen: set[tuple[str, int, int]] = set()
        out: list[Evidence] = []
        cov = self.analysis.coverage.get(topic)
        pool = list(cov.evidence) if cov else []
        pool += [h.evidence for h in self.analysis.topic_hits if h.topic == topic]
        for ev in pool:
            key = (ev.anchor.part, ev.anchor.paragraph, ev.anchor.start)
            if key not in seen:
                seen.add(key)
                out.append(ev)
        return out

    def sections_of_topic(self, topic: str) -> list[Section]:
        """Sections holding evidence of ``topic`` (their sub-sections are implied)."""
        if topic not in self._topic_sections:
            secs: list[Section] = []
            for ev in self.topic_evidence(topic):
                s = self.index.section_of(ev.anchor)
                if s is not None and all(s is not x for x in secs):
                    secs.append(s)
            secs.sort(key=lambda s: self.index.order.get(id(s), 0))
            self._topic_sections[topic] = secs
        return self._topic_sections[topic]

    def evidence_for(self, paragraph: Paragraph, start: int = 0, end: int | None = None) -> Evidence:
        info = self.index.paragraph_of(paragraph.anchor)
        return self.index.evidence(paragraph, info.section if info else None, start, end)

    def sentence_around(self, paragraph: Paragraph, start: int, end: int) -> tuple[int, int]:
        return self.index.sentence_around(paragraph, start, end)

    def sentence_evidence(self, info: ParaInfo, start: int, end: int) -> Evidence:
        s, e = self.index.sentence_around(info.paragraph, start, end)
        return self.index.evidence(info.paragraph, info.section, s, e)

    def iter_paragraphs(self, where: str = "all") -> Iterator[ParaInfo]:
        for info in self.index.paragraphs:
            if where == "body" and (info.is_heading or info.row is not None):
                continue
            if where == "headings" and not info.is_heading:
                continue
            if where == "tables" and info.row is None:
                continue
            yield info
