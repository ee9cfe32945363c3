"""Readers turn a file into the document model.

`read_document(path)` picks the reader by file type (.docx, .md/.markdown, .txt) and raises
:class:`slalint.errors.DocumentReadError` with a one-line cause for anything it cannot
read. Inputs are opened read-only and never modified; nothing touches the network.
"""

from __future__ import annotations

import os
from pathlib import Path

from slalint.document import Document
from slalint.errors import DocumentReadError

DOCX_SUFFIXES = {".docx", ".docm", ".dotx"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text"}
SUPPORTED_SUFFIXES = DOCX_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read one agreement into the document model."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise DocumentReadError(name, "no such file")
    if p.is_dir():
        raise DocumentReadError(name, "is a folder, not a file")
    suffix = p.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from slalint.readers.docx import read_docx

        return read_docx(p)
    if suffix in MARKDOWN_SUFFIXES:
        from slalint.readers.text import read_markdown_file

        return read_markdown_file(p)
    if suffix in TEXT_SUFFIXES:
        from slalint.readers.text import read_text_file

        return read_text_file(p)
    if suffix == ".doc":
        raise DocumentReadError(name, "legacy Word .doc format is not supported; save it as .docx")
    raise DocumentReadError(name, f"unsupported file type '{suffix or '(none)'}' (expected .docx, .md or .txt)")
