"""Which section of an agreement each finding and each piece of evidence sits in.

The outline shows finding counts per section and the clause view highlights the words a
finding quotes; both need to go from an :class:`Anchor` (part, paragraph ordinal) to the
innermost :class:`Section` that holds that paragraph. Built once per document in O(paragraphs).
Pure Python: no Textual here, so it is tested without an app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from slalint.document import Anchor
from slalint.document.model import Document, Section
from slalint.engine.findings import SEVERITY_ORDER, DocumentResult, Finding

ParagraphKey = tuple[str, int]
"""A paragraph's identity: (part, ordinal)."""


def paragraph_key(anchor: Anchor) -> ParagraphKey:
    """The paragraph an anchor points into."""
    return (anchor.part, anchor.paragraph)


@dataclass
class SectionStats:
    """Findings in a section and all its sub-sections."""

    count: int = 0
    worst: int = -1
    """Highest severity rank (SEVERITY_ORDER) among them, -1 when none."""

    def add(self, finding: Finding) -> None:
        self.count += 1
        self.worst = max(self.worst, SEVERITY_ORDER.get(finding.severity, 0))


@dataclass
class DocumentIndex:
    """Sections by paragraph, parents, and finding statistics for one linted document."""

    result: DocumentResult
    section_of_paragraph: dict[ParagraphKey, Section] = field(default_factory=dict)
    parent: dict[int, Section] = field(default_factory=dict)
    """Parent section of each section, keyed by id(section)."""
    stats: dict[int, SectionStats] = field(default_factory=dict)
    """Aggregated findings per section, keyed by id(section)."""
    document_level: list[Finding] = field(default_factory=list)
    """Findings about the document as a whole (no anchor, e.g. a missing clause)."""

    @classmethod
    def build(cls, result: DocumentResult) -> "DocumentIndex":
        index = cls(result)
        doc: Document | None = result.document
        if doc is None:
            index.document_level = list(result.findings)
            return index
        for section in doc.root.walk():
            for child in section.children:
                index.parent[id(child)] = section
            for p in section.iter_paragraphs(recursive=False):
                index.section_of_paragraph.setdefault(paragraph_key(p.anchor), section)
        for f in result.findings:
            section = index.section_of(f)
            if section is None:
                index.document_level.append(f)
                continue
            for s in index.ancestors(section, include_self=True):
                index.stats.setdefault(id(s), SectionStats()).add(f)
        return index

    @property
    def document(self) -> Document | None:
        return self.result.document

    def section_of(self, finding: Finding) -> Section | None:
        """The innermost section holding the finding's anchor, else the section its
        reference names, else None (a document-level finding)."""
        anchor = finding.location.anchor
        if anchor is not None:
            section = self.section_of_paragraph.get(paragraph_key(anchor))
            if section is not None:
                return section
        ref = finding.location.section
        if ref and self.document is not None:
            return self.document.find_section(ref)
        return None

    def section_of_anchor(self, anchor: Anchor | None, ref: str | None = None) -> Section | None:
        """The section holding an anchor (evidence), falling back to the reference."""
        if anchor is not None:
            section = self.section_of_paragraph.get(paragraph_key(anchor))
            if section is not None:
                return section
        if ref and self.document is not None:
            return self.document.find_section(ref)
        return None

    def ancestors(self, section: Section, include_self: bool = False) -> list[Section]:
        """The section's ancestors, innermost first (the root included)."""
        out = [section] if include_self else []
        cur = self.parent.get(id(section))
        while cur is not None:
            out.append(cur)
            cur = self.parent.get(id(cur))
        return out

    def context_section(self, section: Section, max_paragraphs: int = 80) -> Section:
        """The section to show around ``section``: its top-level ancestor (so a one-line
        clause is read with its siblings), unless that is too long to read at once."""
        chain = self.ancestors(section, include_self=True)
        top_level = [s for s in chain if s.level >= 1]
        for candidate in reversed(top_level):
            if _paragraph_count(candidate, max_paragraphs + 1) <= max_paragraphs:
                return candidate
        return section

    def contains(self, outer: Section, inner: Section) -> bool:
        """Whether ``inner`` is ``outer`` or one of its descendants."""
        return any(s is outer for s in self.ancestors(inner, include_self=True))

    def displays(self, shown: Section, section: Section) -> bool:
        """Whether the clause view showing ``shown`` shows ``section``'s text: the root
        (preamble) shows only its own paragraphs; any other section its whole subtree."""
        return shown is section or (shown.level >= 1 and self.contains(shown, section))

    def findings_in(self, section: Section) -> list[Finding]:
        """The findings whose words the clause view shows with ``section``: anchored in it
        or its sub-sections (for the root, in the preamble only), in document order."""
        return [f for f in self.result.findings
                if (s := self.section_of(f)) is not None and self.displays(section, s)]

    def stats_for(self, section: Section) -> SectionStats:
        return self.stats.get(id(section), SectionStats())


def _paragraph_count(section: Section, stop: int) -> int:
    n = 0
    for _ in section.iter_paragraphs():
        n += 1
        if n >= stop:
            break
    return n


def worst_severity(findings: list[Finding]) -> str | None:
    """The most serious severity among findings (None when there are none)."""
    if not findings:
        return None
    return max(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 0)).severity


def display_path(path: str, others: list[str] | None = None) -> str:
    """A short name for a document: its file name, with its folder when two documents
    share a name."""
    from pathlib import PurePath

    name = PurePath(path).name
    if others and sum(1 for o in others if PurePath(o).name == name) > 1:
        parent = PurePath(path).parent.name
        return f"{parent}/{name}" if parent else name
    return name


def describe(value: Any) -> str:
    """A fact value as a reviewer reads it."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value is None:
        return "n/a"
    if isinstance(value, (list, tuple)):
        return ", ".join(describe(v) for v in value) or "none"
    return str(value)
