"""The document model (pure Python; imports nothing else of slalint's)."""

from slalint.document.model import (
    BODY,
    Anchor,
    Block,
    Cell,
    Comment,
    Document,
    Mark,
    Metadata,
    Paragraph,
    Row,
    Section,
    Table,
    normalise_ref,
)

__all__ = [
    "BODY", "Anchor", "Block", "Cell", "Comment", "Document", "Mark", "Metadata",
    "Paragraph", "Row", "Section", "Table", "normalise_ref",
]
