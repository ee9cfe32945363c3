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
