"""The intermediate form shared by the Markdown and plain-text readers.

Both lexers cut the source into :class:`RawBlock` items (a heading line, a paragraph, a list
item, a table, a comment) that still know their source line; the section builder then
decides which of them open numbered sections. Keeping the lexers apart from the builder
lets each format worry only about its own syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from slalint.document.model import Mark


@dataclass
class RawCell:
    text: str
    marks: tuple[Mark, ...] = ()


@dataclass
class RawBlock:
    """One block of source text, before section structure is known.

    ``kind``: "heading" (Markdown ATX/setext), "paragraph", "list_item", "table" or
    "comment". ``line`` is the 0-based source line where the block starts. ``depth`` is
    the heading depth (1-6) for headings and the 0-based nesting for list items and for
    paragraphs indented inside a list. ``marker`` is a list item's marker as printed
    ("1.", "-"); ``number`` the number a Markdown renderer shows for an ordered item.
    ``standalone`` (plain text) says the paragraph stood alone on one short line, so it
    may be a heading. ``page_break`` says a page header/footer was removed just before it.
    """

    kind: str
    text: str = ""
    line: int = 0
    marks: tuple[Mark, ...] = ()
    depth: int = 0
    marker: str | None = None
    ordered: bool = False
    number: int | None = None
    in_list: bool = False
    rows: list[list[RawCell]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    inline_comments: list[str] = field(default_factory=list)
    standalone: bool = False
    page_break: bool = False
    paragraph: int | None = None
    """The block's ``Anchor.paragraph`` when it differs from ``line`` (a second paragraph
    split off the same source line): see :func:`assign_paragraph_indices`."""


def assign_paragraph_indices(blocks: list[RawBlock], line_count: int) -> None:
    """Give every block that shares its start line with an earlier block its own paragraph
    index, so that no two paragraphs of a text document share ``Anchor.paragraph``.

    ``Anchor.paragraph`` is the 0-based source line where a paragraph starts, and it is
    what identifies a paragraph (annotations, triage, the engine's per-paragraph lookups).
    Plain-text extraction sometimes puts several paragraphs on one line ("... as agreed.
    4.2 Fees. ..."), which the lexer splits; the second and later pieces then need an
    index of their own. Each gets the first line index after its line, and before the
    next block's start line, that no block starts on (a wrapped continuation line or a
    blank line: free, and it keeps document order). When there is no such gap it gets a
    virtual index past the end of the file (``line_count``, ``line_count + 1``, ...), which
    names the paragraph uniquely but is not a line: ``Anchor.line`` stays the true line
    in every case, and positions shown to users come from ``line``.
    """
    used: set[int] = set()
    for b in blocks:
        if b.kind == "comment":
            continue
        used.add(b.line)
        used.update(b.row_lines)
    seen: set[int] = set()
    virtual = line_count
    for i, b in enumerate(blocks):
        if b.kind in ("comment", "table"):
            continue
        if b.line not in seen:
            seen.add(b.line)
            continue
        limit = next((o.line for o in blocks[i + 1:] if o.kind != "comment" and o.line > b.line), line_count)
        free = next((k for k in range(b.line + 1, limit) if k not in used), None)
        if free is None:
            free = virtual
            virtual += 1
        used.add(free)
        b.paragraph = free
