"""Builders for small Word agreements and fixed findings, and readers of the comments
slalint writes (independent of the writer's own code)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
from lxml import etree

from slalint.analysis.facts import Coverage, Evidence
from slalint.document.model import Anchor, Document, Metadata, Paragraph, Section
from slalint.engine.findings import Finding, Location

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def body_paragraphs(word) -> list:
    """All w:p of the body in document order: the Anchor.paragraph ordinals."""
    return list(word.element.iter(f"{W}p"))


_CHARS = {f"{W}t": "", f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def anchored_text(word, comment_id: int) -> str:
    """Text (w:t, tabs, breaks; not deleted) between commentRangeStart and commentRangeEnd of one id."""
    inside = False
    out = []
    for el in word.element.iter():
        if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == str(comment_id):
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == str(comment_id):
            return "".join(out)
        elif inside and el.tag in _CHARS:
            if not any(a.tag in (f"{W}del", f"{W}moveFrom") for a in el.iterancestors()):
                out.append(el.text or "" if el.tag == f"{W}t" else _CHARS[el.tag])
    raise AssertionError(f"no complete range for comment {comment_id}")


def has_reference(word, comment_id: int) -> bool:
    return any(el.get(f"{W}id") == str(comment_id) for el in word.element.iter(f"{W}commentReference"))


def finding(code="SLA-T-001", name="test-rule", severity="warning", message="Something is wrong.", paragraph=0,
            start=0, end=None, quote="", section=None, topics=(), suggestion=None, anchor=True) -> Finding:
    a = Anchor("body", paragraph, start, end) if anchor else None
    return Finding(code=code, name=name, severity=severity, message=message,
                   location=Location(file="x.docx", section=section, anchor=a), topics=tuple(topics), quote=quote,
                   suggestion=suggestion, fingerprint=f"{code}:{paragraph}:{start}")


def span_finding(word, paragraph: int, quote: str, **kw) -> Finding:
    """A finding on the first occurrence of ``quote`` in body paragraph ``paragraph``."""
    text = "".join(t.text or "" for t in body_paragraphs(word)[paragraph].iter(f"{W}t")
                   if not any(a.tag == f"{W}del" for a in t.iterancestors()))
    start = text.index(quote)
    return finding(paragraph=paragraph, start=start, end=start + len(quote), quote=quote, **kw)


def model_of(word, path: str = "x.docx") -> Document:
    """A document model of a python-docx document whose Heading-styled paragraphs open
    top-level sections (enough for heading-anchoring tests)."""
    root = Section(level=0)
    current = root
    for i, p in enumerate(body_paragraphs(word)):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(f"{W}val") if style is not None else ""
        para = Paragraph(text=text, anchor=Anchor("body", i, 0, len(text)))
        if sid == "Title":
            root.heading = para
            root.title = text
        elif sid.startswith("Heading"):
            current = Section(label=None, title=text, level=1, anchor=para.anchor, heading=para)
            root.children.append(current)
        else:
            current.blocks.append(para)
    return Document(path=path, metadata=Metadata(source_format="docx", sha256=""), root=root)


def present(word, paragraph: int, quote: str) -> Coverage:
    text = "".join(t.text or "" for t in body_paragraphs(word)[paragraph].iter(f"{W}t"))
    s = text.index(quote)
    return Coverage("present", [Evidence(None, "", Anchor("body", paragraph, s, s + len(quote)), quote)])


def heading_evidence(word, paragraph: int) -> Evidence:
    text = "".join(t.text or "" for t in body_paragraphs(word)[paragraph].iter(f"{W}t"))
    return Evidence(None, text, Anchor("body", paragraph, 0, len(text)), text)


def xml_equal(a: bytes, b: bytes) -> bool:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(a, parser), method="c14n") == etree.tostring(etree.fromstring(b, parser), method="c14n")


def new_agreement() -> docx.Document:
    """A short services agreement with headings, mixed formatting and a list."""
    d = docx.Document()
    d.add_paragraph("Managed Services Agreement", style="Title")
    d.add_paragraph("Service Levels", style="Heading 1")
    p = d.add_paragraph("The Provider shall use ")
    p.add_run("commercially reasonable efforts").bold = True
    p.add_run(" to make the Services available 99.5% of the time, measured monthly.")
    d.add_paragraph("Term and Renewal", style="Heading 1")
    d.add_paragraph("This Agreement renews automatically for successive one-year terms.")
    d.add_paragraph("Suspension", style="Heading 1")
    p = d.add_paragraph("The Provider may ")
    r = p.add_run("suspend the Services at any time")
    r.italic = True
    r.font.name = "Courier New"
    p.add_run(" without notice.")
    d.add_paragraph("Either party may terminate for material breach.", style="List Number")
    return d


def flawed_agreement() -> docx.Document:
    """A legacy-style managed-services agreement with classic defects for end-to-end runs."""
    d = docx.Document()
    d.add_paragraph("IT Support Services Agreement", style="Title")
    d.add_paragraph("This Agreement is made between Acme IT Ltd (\"Provider\") and Widget Co (\"Customer\").")
    d.add_paragraph("Services", style="Heading 1")
    d.add_paragraph("The Provider shall provide the Managed Services described in Schedule B.")
    d.add_paragraph("Service Levels", style="Heading 1")
    p = d.add_paragraph("The Provider will target ")
    p.add_run("99.5% availability").bold = True
    p.add_run(" of the Network each month, as measured by the Monitoring Tool.")
    d.add_paragraph("Term", style="Heading 1")
    d.add_paragraph("This Agreement renews automatically for successive twelve (12) month terms.")
    d.add_paragraph("Fees are payable within thirty (45) days of invoice. [INSERT RATE]")
    d.add_paragraph("Termination", style="Heading 1")
    d.add_paragraph("The Provider may terminate this Agreement at any time for any reason.")
    d.add_paragraph("The Provider may suspend the Services at any time without notice.")
    d.add_paragraph("The Provider may amend this Agreement at any time in its sole discretion.")
    return d
