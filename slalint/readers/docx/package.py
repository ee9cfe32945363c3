"""Safe loading of a DOCX package: the zip container and the XML parts inside it.

A .docx is a zip archive (OPC package) of XML parts. Before trusting one we check what
the file really is (a legacy Word 97-2003 .doc and a password-protected .docx are both OLE
compound files; other files get renamed to .docx too), that the archive is intact, that
no part would unpack to an absurd size (zip bomb), and we parse XML with entity
resolution, DTD loading and network access switched off, rejecting any DOCTYPE (the
carrier of "billion laughs" entity expansion and external entities).

Every failure raises :class:`slalint.errors.DocumentReadError` with a short cause.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from lxml import etree

from slalint.errors import DocumentReadError
from slalint.readers.source import read_source_bytes

MAX_PART_BYTES = 200 * 1024 * 1024
"""Largest uncompressed size accepted for one part."""
MAX_TOTAL_BYTES = 400 * 1024 * 1024
"""Largest uncompressed size accepted for all the parts we read together."""
MAX_RATIO = 200
"""Compression ratio above which a large member is treated as a zip bomb (real Word XML
compresses about 5-20x)."""
RATIO_MIN_BYTES = 20 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_blank_text=False,
)


def _human(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def sniff_non_zip(data: bytes) -> str:
    """Say what a file that is not a zip archive most likely is."""
    if not data:
        return "empty file (0 bytes), not a DOCX document"
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            return "password-protected (encrypted) document; remove the password in Word and save again"
        if "WordDocument".encode("utf-16-le") in data:
            return "not a DOCX file: it is a legacy Word 97-2003 .doc (OLE) file; save it as .docx"
        return "not a DOCX file: it is an OLE compound file (legacy Office format)"
    head = data[:1024].lstrip()
    if head.startswith(b"{\\rtf"):
        return "not a DOCX file: it is an RTF document; save it as .docx"
    if head.startswith(b"%PDF"):
        return "not a DOCX file: it is a PDF"
    if head[:5].lower() in (b"<?xml", b"<html", b"<!doc") or head[:2] == b"<w":
        return "not a DOCX file: it is an XML/HTML text file"
    return "not a DOCX file (not a zip archive)"


def parse_xml(data: bytes, name: str, path: str) -> etree._Element:
    """Parse one XML part safely; refuse DOCTYPE declarations outright."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise DocumentReadError(path, f"unsafe XML in {name}: DOCTYPE/entity declarations are not allowed")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        msg = str(exc).split("\n")[0]
        raise DocumentReadError(path, f"corrupt XML in {name}: {msg}") from None
    if root is None:
        raise DocumentReadError(path, f"corrupt XML in {name}: no root element")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise DocumentReadError(path, f"unsafe XML in {name}: DOCTYPE/entity declarations are not allowed")
    return root


@dataclass
class Package:
    """An opened, checked DOCX zip: read parts by name, follow relationships."""

    path: str
    data: bytes
    zip: zipfile.ZipFile
    main_part: str = "word/document.xml"
    _budget: int = MAX_TOTAL_BYTES
    _infos: dict[str, zipfile.ZipInfo] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The bytes of one member, refusing oversize members (sizes checked twice: the
        declared size before reading, and the actual size while reading)."""
        info = self._infos.get(name)
        if info is None:
            raise DocumentReadError(self.path, f"missing part {name}")
        self._check_size(name, info)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise DocumentReadError(self.path, f"corrupt or truncated zip archive ({name}: {exc})") from None
        except RuntimeError as exc:  # encrypted zip member
            raise DocumentReadError(self.path, f"cannot read {name}: {exc}") from None
        if len(data) > MAX_PART_BYTES:
            raise DocumentReadError(self.path, f"zip bomb: {name} would unpack to more than {_human(MAX_PART_BYTES)}")
        self._budget -= len(data)
        if self._budget < 0:
            raise DocumentReadError(self.path, f"zip bomb: parts would unpack to more than {_human(MAX_TOTAL_BYTES)}")
        return data

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), name, self.path)

    def _check_size(self, name: str, info: zipfile.ZipInfo) -> None:
        if info.file_size > MAX_PART_BYTES:
            raise DocumentReadError(self.path, f"zip bomb: {name} would unpack to {_human(info.file_size)}")
        if info.file_size > RATIO_MIN_BYTES and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            ratio = info.file_size // max(info.compress_size, 1)
            raise DocumentReadError(self.path, f"zip bomb: {name} would unpack to {_human(info.file_size)} (ratio {ratio}:1)")

    def rels(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationships of ``part``: rId -> (type, target part name or URL, target mode)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        out: dict[str, tuple[str, str, str]] = {}
        if not self.has(rels_name):
            return out
        root = self.xml(rels_name)
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rid, rtype, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target", "")
            mode = rel.get("TargetMode", "Internal")
            if not rid:
                continue
            if mode != "External":
                if target.startswith("/"):
                    target = target.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
            out[rid] = (rtype, target, mode)
        return out


def open_package(path: Path) -> Package:
    """Read the file (read-only) and check it is a sane DOCX package."""
    name = str(path)
    data = read_source_bytes(path)
    if not data.startswith(b"PK"):
        raise DocumentReadError(name, sniff_non_zip(data))
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        infos = {i.filename: i for i in zf.infolist()}
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        raise DocumentReadError(name, "corrupt or truncated zip archive") from None
    total = sum(i.file_size for i in infos.values())
    pkg = Package(name, data, zf, _infos=infos)
    main = None
    if "_rels/.rels" in infos:
        for rtype, target, _mode in pkg.rels("").values():
            if rtype in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT):
                main = target
                break
    if main is None or main not in infos:
        main = "word/document.xml" if "word/document.xml" in infos else None
    if main is None:
        if "xl/workbook.xml" in infos:
            raise DocumentReadError(name, "not a DOCX file: it is an Excel workbook")
        if "ppt/presentation.xml" in infos:
            raise DocumentReadError(name, "not a DOCX file: it is a PowerPoint presentation")
        if "content.xml" in infos and "mimetype" in infos:
            raise DocumentReadError(name, "not a DOCX file: it is an OpenDocument file; save it as .docx")
        raise DocumentReadError(name, "not a DOCX file: zip archive has no Word document part")
    pkg.main_part = main
    # A declared total beyond the budget is a bomb even when each part is under the cap.
    if total > MAX_TOTAL_BYTES * 4:
        raise DocumentReadError(name, f"zip bomb: archive would unpack to {_human(total)}")
    pkg._check_size(main, infos[main])
    return pkg
