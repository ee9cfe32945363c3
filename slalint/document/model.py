"""The document model: an agreement as its drafter laid it out.

An agreement is a tree of numbered sections ("4.2", "12.3(b)", "Schedule 2", "Article IV"),
each holding blocks: paragraphs, list items and tables (SLA response-time matrices live in
tables). Every paragraph carries an :class:`Anchor` (which part of the file, which
paragraph, which characters) so a finding can point at the exact words and later be written
back as a Word comment on those words.

This module is pure Python and imports nothing else of slalint's: readers build it, the
analysis and the rule engine read it, reporters and the TUI show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

BODY = "body"
"""Part name of the main text. Others: "header1", "footer2", "footnotes", "endnotes"."""


@dataclass(frozen=True)
class Anchor:
    """Where words live in the source file.

    ``part`` names the story ("body", "header1", "footnotes", ...). ``paragraph`` is, for
    DOCX, the ordinal of the ``w:p`` element among all ``w:p`` elements of that part's XML
    in document order (``part_root.iter(w:p)``, so paragraphs in tables, content controls
    and tracked insertions count); for Markdown and text it is the 0-based index of the
    source line where the paragraph starts. ``start``/``end`` are character offsets into
    :attr:`Paragraph.text` (the text without its list label); ``end=None`` means "to the
    end of the paragraph". ``line`` is the 1-based source line (text formats only).
    """

    part: str = BODY
    paragraph: int = 0
    start: int = 0
    end: int | None = None
    line: int | None = None

    def span(self, start: int, end: int) -> "Anchor":
        """The same paragraph, narrowed to characters ``start:end`` of its text."""
        return Anchor(self.part, self.paragraph, start, end, self.line)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"part": self.part, "paragraph": self.paragraph, "start": self.start, "end": self.end}
        if self.line is not None:
            d["line"] = self.line
        return d


@dataclass(frozen=True)
class Mark:
    """A formatting fact about characters ``start:end`` of a paragraph.

    Kinds: "bold" (bold-only defined terms, pseudo-headings), "highlight" (highlighted
    blanks left by a drafter), "inserted" (tracked insertion), "field" (a field result such
    as a REF cross-reference), "hyperlink".
    """

    start: int
    end: int
    kind: str
    value: str | None = None


BlockKind = Literal["paragraph", "list_item", "heading"]


@dataclass
class Paragraph:
    """One paragraph of text: body text, a list item, or a heading.

    ``text`` excludes the automatic or typed number; that is ``label`` ("4.2", "(b)", a
    bullet "•"). ``level`` is the list/outline level (0-based) when known.
    """

    text: str
    anchor: Anchor
    kind: BlockKind = "paragraph"
    label: str | None = None
    level: int | None = None
    style: str | None = None
    marks: tuple[Mark, ...] = ()

    @property
    def display(self) -> str:
        """The paragraph as a reader sees it, label included."""
        return f"{self.label} {self.text}" if self.label else self.text

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.kind, "text": self.text, "anchor": self.anchor.to_dict()}
        if self.label is not None:
            d["label"] = self.label
        if self.level is not None:
            d["level"] = self.level
        if self.style:
            d["style"] = self.style
        if self.marks:
            d["marks"] = [{"start": m.start, "end": m.end, "kind": m.kind, **({"value": m.value} if m.value else {})} for m in self.marks]
        return d


@dataclass
class Cell:
    """A table cell: its paragraphs (a cell may hold several)."""

    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.display for p in self.paragraphs)


@dataclass
class Row:
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    """A table with its row/cell structure kept (response-time matrices, order forms)."""

    rows: list[Row] = field(default_factory=list)
    anchor: Anchor = field(default_factory=Anchor)
    kind: Literal["table"] = "table"

    def paragraphs(self) -> Iterator[Paragraph]:
        for row in self.rows:
            for cell in row.cells:
                yield from cell.paragraphs

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "table",
            "anchor": self.anchor.to_dict(),
            "rows": [[[p.to_dict() for p in c.paragraphs] for c in r.cells] for r in self.rows],
        }


Block = Paragraph | Table


@dataclass
class Section:
    """A numbered or titled division of the agreement, with its blocks and sub-sections.

    ``label`` is the number as printed ("4.2", "(b)", "Schedule 2", "Article IV"), or None
    for an unnumbered heading. ``ref`` is the full reference a cross-reference would use
    ("12.3(b)" for an item printed "(b)" under clause 12.3); readers fill it, falling back
    to ``label``. ``title`` is the heading text without the label ("" for a numbered clause
    that has no heading of its own). ``level`` is 1 for top-level sections; the document's
    root section has level 0. ``anchor`` is the heading paragraph's anchor.
    """

    label: str | None = None
    title: str = ""
    level: int = 0
    blocks: list[Block] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    anchor: Anchor | None = None
    ref: str | None = None
    heading: Paragraph | None = None

    @property
    def name(self) -> str:
        """How a reviewer names this section: "4.2 Termination", "Schedule A", "Preamble"."""
        ref = self.ref or self.label
        if ref and self.title:
            return f"{ref} {self.title}"
        return ref or self.title or ("Preamble" if self.level == 0 else "(untitled)")

    def walk(self) -> Iterator["Section"]:
        """This section and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def iter_paragraphs(self, recursive: bool = True) -> Iterator[Paragraph]:
        """Every paragraph in this section (tables flattened), in document order."""
        if self.heading is not None:
            yield self.heading
        for block in self.blocks:
            if isinstance(block, Table):
                yield from block.paragraphs()
            else:
                yield block
        if recursive:
            for child in self.children:
                yield from child.iter_paragraphs()

    def text(self, recursive: bool = True) -> str:
        return "\n".join(p.display for p in self.iter_paragraphs(recursive))

    def block_count(self) -> int:
        return len(self.blocks)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "ref": self.ref, "title": self.title, "level": self.level}
        if self.anchor is not None:
            d["anchor"] = self.anchor.to_dict()
        d["blocks"] = [b.to_dict() for b in self.blocks]
        d["children"] = [c.to_dict() for c in self.children]
        return d


@dataclass
class Comment:
    """A reviewer's note already in the source: a Word comment, or a Markdown
    ``<!-- ... -->`` comment (``author`` None), anchored on the words it covers."""

    text: str
    anchor: Anchor
    author: str | None = None
    quote: str = ""
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "author": self.author, "text": self.text, "quote": self.quote, "anchor": self.anchor.to_dict()}


@dataclass
class Metadata:
    """Facts about the file itself."""

    source_format: Literal["docx", "markdown", "text"]
    sha256: str
    title: str | None = None
    core_properties: dict[str, str] = field(default_factory=dict)
    has_tracked_changes: bool = False
    has_comments: bool = False
    word_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_format": self.source_format,
            "sha256": self.sha256,
            "title": self.title,
            "core_properties": dict(self.core_properties),
            "has_tracked_changes": self.has_tracked_changes,
            "has_comments": self.has_comments,
            "word_count": self.word_count,
        }


@dataclass
class Document:
    """An agreement: its body as a section tree, plus the parts kept apart from the body
    (headers, footers, footnotes, endnotes) and the comments already in it."""

    path: str
    metadata: Metadata
    root: Section
    parts: dict[str, list[Block]] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @property
    def format(self) -> str:
        return self.metadata.source_format

    @property
    def title(self) -> str:
        return self.metadata.title or self.root.title or ""

    def sections(self) -> Iterator[Section]:
        """Every section below the root, in document order."""
        for child in self.root.children:
            yield from child.walk()

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every body paragraph (headings and table cells included), in document order."""
        return self.root.iter_paragraphs()

    def section_paragraphs(self) -> Iterator[tuple[Section, Paragraph]]:
        """Each body paragraph with the innermost section that holds it."""
        for section in self.root.walk():
            for p in section.iter_paragraphs(recursive=False):
                yield section, p

    def find_section(self, ref: str) -> Section | None:
        """The section whose ``ref`` (or ``label``) equals ``ref``, compared loosely
        (case, trailing dots and spaces ignored)."""
        key = normalise_ref(ref)
        for s in self.sections():
            if normalise_ref(s.ref or s.label or "") == key:
                return s
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "metadata": self.metadata.to_dict(),
            "root": self.root.to_dict(),
            "parts": {name: [b.to_dict() for b in blocks] for name, blocks in self.parts.items()},
            "comments": [c.to_dict() for c in self.comments],
        }


def normalise_ref(ref: str) -> str:
    """Canonical form of a section reference: "Section 4.2." -> "4.2", "SCHEDULE a" -> "schedule a"."""
    r = " ".join(ref.split()).strip().rstrip(".").lower()
    for prefix in ("section ", "clause ", "paragraph ", "§"):
        if r.startswith(prefix):
            r = r[len(prefix):].strip()
    return r
