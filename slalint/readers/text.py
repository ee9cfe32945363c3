"""Markdown and plain-text agreements -> the document model.

Two kinds of text agreement matter: Markdown published by standard-form projects (Common
Paper, Bonterms, GitHub site policy, 18F) and the flat text of agreements filed on SEC
EDGAR. Both become the same :class:`~slalint.document.model.Document` the DOCX reader
produces: numbered sections ("4.2", "4.2(a)", "Article IV", "Schedule A"), paragraphs,
list items and tables. The rule engine's test cases are short agreement snippets in this
Markdown form, so a single numbered clause or a heading with two paragraphs reads too.

Anchors: ``Anchor.paragraph`` is the 0-based index of the source line where a paragraph
starts and ``Anchor.line`` the 1-based line; offsets are into ``Paragraph.text`` (the
rendered text, without the typed number and without Markdown markup). HTML comments,
``<!-- slalint: ignore CODE reason -->`` included, become :class:`Comment` objects
anchored on the block that follows them (or the block that contains them).

Entry points: :func:`read_markdown_file`, :func:`read_text_file` (used by
``slalint.readers.read_document``), and :func:`read_markdown` / :func:`read_plain_text`
for strings.
"""

from __future__ import annotations

import hashlib
import os

from slalint.document.model import Document, Metadata
from slalint.errors import DocumentReadError
from slalint.readers.source import read_source_bytes
from slalint.readers.markdown_blocks import lex_markdown
from slalint.readers.plaintext_blocks import lex_text
from slalint.readers.raw_blocks import assign_paragraph_indices
from slalint.readers.section_builder import SectionBuilder

MAX_TEXT_BYTES = 50 * 1024 * 1024
"""Text agreements above 50 MB are refused: no agreement is that long."""

_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (a Word .docx?), not text"),
    (b"%PDF", "a PDF file, not text"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc?), not text"),
    (b"{\\rtf", "an RTF file, not plain text"),
)


def decode_text(data: bytes, path: str) -> str:
    """Bytes of a text agreement -> str: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else Windows-1252, else Latin-1. Binary files are refused with a one-line cause."""
    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            raise DocumentReadError(path, f"binary file: {what}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentReadError(path, f"cannot decode UTF-16 text: {exc.reason}") from None
    if b"\x00" in data[:65536]:
        raise DocumentReadError(path, "binary file: contains NUL bytes, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:65536]) // 100):
        raise DocumentReadError(path, "binary file: too many control characters, not text")
    return text


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u00ad", "")


def _build(text: str, path: str, fmt: str, sha256: str) -> Document:
    text = _normalise(text)
    if not text.strip():
        raise DocumentReadError(path, "empty document: no text")
    if fmt == "markdown":
        blocks, front_title = lex_markdown(text)
    else:
        blocks, front_title = lex_text(text), None
    assign_paragraph_indices(blocks, text.count("\n") + 1)
    builder = SectionBuilder(fmt)
    root = builder.build(blocks, front_title)
    if not any(True for _ in root.iter_paragraphs()):
        raise DocumentReadError(path, "empty document: no text")
    word_count = sum(len(p.display.split()) for p in root.iter_paragraphs())
    metadata = Metadata(
        source_format="markdown" if fmt == "markdown" else "text",
        sha256=sha256,
        title=builder.title,
        has_comments=bool(builder.comments),
        word_count=word_count,
    )
    return Document(path=path, metadata=metadata, root=root, comments=builder.comments)


def read_markdown(text: str, path: str = "<text>") -> Document:
    """A Markdown agreement given as a string (rule test cases, samples)."""
    return _build(text, path, "markdown", hashlib.sha256(text.encode("utf-8")).hexdigest())


def read_plain_text(text: str, path: str = "<text>") -> Document:
    """A plain-text agreement given as a string."""
    return _build(text, path, "text", hashlib.sha256(text.encode("utf-8")).hexdigest())


def _read_bytes(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    return read_source_bytes(path, MAX_TEXT_BYTES, "text agreement"), str(path)


def read_markdown_file(path: str | os.PathLike[str]) -> Document:
    """Read a .md agreement (opened read-only; never modified)."""
    data, name = _read_bytes(path)
    if not data.strip():
        raise DocumentReadError(name, "empty document: no text")
    return _build(decode_text(data, name), name, "markdown", hashlib.sha256(data).hexdigest())


def read_text_file(path: str | os.PathLike[str]) -> Document:
    """Read a .txt agreement (opened read-only; never modified)."""
    data, name = _read_bytes(path)
    if not data.strip():
        raise DocumentReadError(name, "empty document: no text")
    return _build(decode_text(data, name), name, "text", hashlib.sha256(data).hexdigest())
