"""The analysis context: the agreement flattened into units of text that spaCy reads.

A unit is one paragraph (a heading, a body paragraph, a list item or a table-cell
paragraph) with the section that holds it. The analysis runs spaCy over all units with
``nlp.pipe`` once, then each aspect (defined terms, parties, statements, cross-references,
quantities, topics) reads the units and their ``Doc``s and returns facts with evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from slalint.analysis.facts import Evidence
from slalint.document import Document, Paragraph, Section, Table


@dataclass
class Unit:
    """One paragraph of the agreement with its section; ``doc`` is its spaCy Doc once
    the pipeline has run (None when no NLP was needed)."""

    section: Section
    paragraph: Paragraph
    index: int
    in_table: bool = False
    is_heading: bool = False
    table_pos: tuple[int, int, int] | None = None
    """(table ordinal in the section, row, cell) for table-cell paragraphs."""
    doc: Any = None
    sentence_offsets: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    """(start, end) of each sentence, computed once from ``doc`` by ``AnalysisContext.sentences``."""

    @property
    def text(self) -> str:
        return self.paragraph.text

    def evidence(self, start: int = 0, end: int | None = None) -> Evidence:
        """Evidence pointing at characters ``start:end`` of this paragraph."""
        text = self.paragraph.text
        stop = len(text) if end is None else end
        return Evidence(
            section=self.section.ref or self.section.label,
            title=self.section.title,
            anchor=self.paragraph.anchor.span(start, stop),
            quote=text[start:stop],
        )


@dataclass
class AnalysisContext:
    """Everything an aspect needs: the document, its units in document order, options."""

    document: Document
    units: list[Unit] = field(default_factory=list)
    vocabulary: frozenset[str] = frozenset()
    """Accepted terms from the project vocabulary file (never reported as undefined)."""
    external_terms: frozenset[str] = frozenset()
    """Terms defined in another document (an MSA that this SOW relies on)."""
    party_hints: dict[str, str] = field(default_factory=dict)
    """Config hints: party name or alias -> role ("provider" / "customer")."""

    @classmethod
    def from_document(cls, document: Document, **options: Any) -> "AnalysisContext":
        ctx = cls(document=document, **options)
        for section in document.root.walk():
            if section.heading is not None:
                ctx._add(section, section.heading, is_heading=True)
            tables = 0
            for block in section.blocks:
                if isinstance(block, Table):
                    for r, row in enumerate(block.rows):
                        for c, cell in enumerate(row.cells):
                            for p in cell.paragraphs:
                                ctx._add(section, p, in_table=True, table_pos=(tables, r, c))
                    tables += 1
                else:
                    ctx._add(section, block)
        return ctx

    def _add(self, section: Section, paragraph: Paragraph, **kw: Any) -> None:
        if paragraph.text.strip():
            self.units.append(Unit(section, paragraph, len(self.units), **kw))

    def sentences(self) -> Iterator[tuple[Unit, int, int]]:
        """(unit, start_char, end_char) of every sentence; a whole paragraph when the
        sentence splitter has not run."""
        for unit in self.units:
            if unit.sentence_offsets is None and unit.doc is not None and unit.doc.has_annotation("SENT_START"):
                unit.sentence_offsets = [(sent.start_char, sent.end_char) for sent in unit.doc.sents]
            if unit.sentence_offsets is not None:
                for start, end in unit.sentence_offsets:
                    yield unit, start, end
            else:
                yield unit, 0, len(unit.text)
