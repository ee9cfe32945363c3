"""Small agreements built in code for the statement, topic and coverage tests.

``make_document`` takes sections as (number, title, blocks) where each block is a
paragraph string or a table (a list of rows, each a list of cell strings); a title of
None makes a numbered clause without a heading. Nested sections are given as a list of
such tuples in place of a block.
"""

from __future__ import annotations

from typing import Any, Sequence

from slalint.analysis.context import AnalysisContext
from slalint.analysis.facts import Party
from slalint.document.model import Anchor, Cell, Document, Metadata, Paragraph, Row, Section, Table

SectionSpec = tuple[str | None, str | None, Sequence[Any]]


class _Builder:
    def __init__(self) -> None:
        self.n = 0

    def para(self, text: str, kind: str = "paragraph", label: str | None = None) -> Paragraph:
        p = Paragraph(text, Anchor("body", self.n), kind=kind, label=label)  # type: ignore[arg-type]
        self.n += 1
        return p

    def section(self, spec: SectionSpec, level: int) -> Section:
        label, title, blocks = spec
        heading = self.para(title, kind="heading", label=label) if title else None
        s = Section(label=label, title=title or "", level=level, ref=label, heading=heading,
                    anchor=heading.anchor if heading else None)
        for block in blocks:
            if isinstance(block, str):
                s.blocks.append(self.para(block))
            elif isinstance(block, tuple):
                s.children.append(self.section(block, level + 1))
            else:  # a table: list of rows of cell texts
                rows = [Row([Cell([self.para(c)]) for c in row]) for row in block]
                s.blocks.append(Table(rows, Anchor("body", self.n)))
    
        return s


def make_document(*sections: SectionSpec, preamble: Sequence[str] = (), title: str | None = None) -> Document:
    b = _Builder()
    root = Section(level=0)
    for text in preamble:
        root.blocks.append(b.para(text))
    for spec in sections:
        root.children.append(b.section(spec, 1))
    return Document("test.docx", Metadata("docx", "0" * 64, title=title), root)


def make_context(*sections: SectionSpec, preamble: Sequence[str] = (), title: str | None = None) -> AnalysisContext:
    return AnalysisContext.from_document(make_document(*sections, preamble=preamble, title=title))


def sentence_context(*sentences: str) -> AnalysisContext:
    """One untitled clause per sentence."""
    return make_context(*[(str(i + 1), None, [s]) for i, s in enumerate(sentences)])


PARTIES = [
    Party("Acme Hosting Ltd.", role="provider", aliases=("Provider", "Acme")),
    Party("Globex Corporation", role="customer", aliases=("Customer", "Globex")),
]
