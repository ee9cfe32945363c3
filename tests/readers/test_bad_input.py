"""Bad DOCX input never crashes: each case raises DocumentReadError with a short cause,
and the input file is left untouched."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from pathlib import Path

import pytest
from docx_factory import NS_DECL, make_docx, p

from slalint.errors import DocumentReadError
from slalint.readers import read_document
from slalint.readers.docx import package, read_docx


def ole_file(stream_names: list[str]) -> bytes:
    """A minimal OLE compound file header followed by directory entry names (UTF-16LE),
    which is what the reader sniffs for."""
    header = package.OLE_MAGIC + b"\x00" * 16 + struct.pack("<HH", 0x3E, 3) + b"\x00" * (512 - 28)
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in stream_names)
    return header + entries


def read_error(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    with pytest.raises(DocumentReadError) as info:
        read_document(path)
    if digest is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, "input was modified"
    err = info.value
    assert err.path == str(path)
    assert "\n" not in str(err)
    return err.reason


def test_corrupt_zip(tmp_path):
    path = tmp_path / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 50)
    assert read_error(path) == "corrupt or truncated zip archive"


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx", p("The Provider shall respond."))
    data = good.read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "corrupt or truncated zip archive" in read_error(path)


def test_encrypted_docx(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(ole_file(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    assert "password-protected (encrypted)" in read_error(path)


def test_legacy_doc_renamed(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(ole_file(["Root Entry", "WordDocument", "1Table"]))
    assert "legacy Word 97-2003 .doc" in read_error(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.7\n...", "it is a PDF"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"Just some plain text, renamed.", "not a zip archive"),
        (b"", "empty file"),
    ],
)
def test_other_files_renamed_to_docx(tmp_path, content, expected):
    path = tmp_path / "renamed.docx"
    path.write_bytes(content)
    assert expected in read_error(path)


def test_zip_without_word_document(tmp_path):
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel workbook" in read_error(path)


def test_empty_document(tmp_path):
    path = make_docx(tmp_path / "empty.docx", p("") + p("   "))
    assert read_error(path) == "empty document: no text"


def test_missing_path(tmp_path):
    assert read_error(tmp_path / "nope.docx") == "no such file"
    with pytest.raises(DocumentReadError, match="no such file"):
        read_docx(tmp_path / "nope.docx")


def test_zip_bomb_by_declared_size(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_PART_BYTES", 1024 * 1024)
    body = p("x" * 2_000_000)
    path = make_docx(tmp_path / "bomb.docx", body)
    reason = read_error(path)
    assert reason.startswith("zip bomb: word/document.xml would unpack to 1.9 MB")


def test_zip_bomb_by_ratio(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "RATIO_MIN_BYTES", 1024 * 1024)
    path = make_docx(tmp_path / "ratio.docx", p("a" * 3_000_000))
    assert "zip bomb" in read_error(path) and "ratio" in read_error(path)


def test_zip_bomb_lying_header_is_caught_while_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_PART_BYTES", 100_000)
    path = make_docx(tmp_path / "liar.docx", p("y" * 300_000))
    buf = io.BytesIO(path.read_bytes())
    # Forge the declared size of the member to look small: the reader still stops.
    zf = zipfile.ZipFile(buf)
    info = zf.getinfo("word/document.xml")
    info.file_size = 10
    opened = package.Package(str(path), path.read_bytes(), zf, _infos={"word/document.xml": info})
    # zipfile stops at the declared size and reports a CRC error: refused either way
    with pytest.raises(DocumentReadError, match="zip bomb|corrupt or truncated"):
        opened.read("word/document.xml")


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    f'<w:document {NS_DECL}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f'<w:document {NS_DECL}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_expansion_and_external_entities_rejected(tmp_path, xml):
    path = make_docx(tmp_path / "xxe.docx", "", raw_document=xml.encode())
    assert read_error(path) == "unsafe XML in word/document.xml: DOCTYPE/entity declarations are not allowed"


def test_doctype_hidden_after_long_prolog_rejected(tmp_path):
    xml = '<?xml version="1.0"?>' + "<!--" + " " * 5000 + "-->" + EXTERNAL_ENTITY.split("?>", 1)[1]
    path = make_docx(tmp_path / "xxe2.docx", "", raw_document=xml.encode())
    assert "unsafe XML" in read_error(path)


def test_malformed_xml(tmp_path):
    path = make_docx(tmp_path / "bad.docx", "", raw_document=b"<w:document><w:body><w:p>")
    assert read_error(path).startswith("corrupt XML in word/document.xml")


def test_other_files_still_read_after_a_bad_one(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    good = make_docx(tmp_path / "good.docx", p("The Provider shall respond."))
    results = []
    for path in (bad, good):
        try:
            results.append(read_document(path).metadata.word_count)
        except DocumentReadError as exc:
            results.append(exc.reason)
    assert results == ["not a DOCX file (not a zip archive)", 4]


def test_mangled_xml_never_escapes_as_a_traceback(tmp_path):
    """Deterministic mini-fuzz: cut and splice the document XML at many places; every
    outcome is a document or a DocumentReadError, never another exception."""
    import random

    from docx_factory import level, numbering_xml, styles_xml

    body = (
        p("Services", style="Heading1", num=(1, 0))
        + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF x</w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1.1</w:t></w:r></w:p>'
        + "<w:tbl><w:tr><w:tc>" + p("P1", num=(1, 1)) + "</w:tc></w:tr></w:tbl>"
        + p("4.2 Termination. Either party may terminate.")
    )
    xml = f'<?xml version="1.0"?><w:document {NS_DECL}><w:body>{body}</w:body></w:document>'
    rng = random.Random(7)
    outcomes = set()
    for i in range(40):
        a, b = sorted(rng.randrange(len(xml)) for _ in range(2))
        mangled = xml[:a] + xml[b:] if i % 2 else xml[:a] + xml[a:b][::-1] + xml[b:]
        path = make_docx(
            tmp_path / f"m{i}.docx", "", raw_document=mangled.encode(), styles=styles_xml(),
            numbering=numbering_xml({1: level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2")}, {1: 1}),
        )
        try:
            read_docx(path)
            outcomes.add("ok")
        except DocumentReadError:
            outcomes.add("error")
    assert "error" in outcomes


def test_strict_ooxml_and_missing_body(tmp_path):
    strict = b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    assert "Strict Open XML" in read_error(make_docx(tmp_path / "strict.docx", "", raw_document=strict))
    nobody = f"<w:document {NS_DECL}/>".encode()
    assert read_error(make_docx(tmp_path / "nobody.docx", "", raw_document=nobody)) == "not a Word document: word/document.xml has no w:body"
