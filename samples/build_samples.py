#!/usr/bin/env python3
"""Build slalint's bundled sample agreements (DOCX + Markdown twin) from one source.

Each agreement is written once below as a list of blocks (headings, numbered clauses,
sub-clauses, tables, schedules, a signature block). From that single source the script
writes:

* ``<name>.docx``: a Word document that numbers itself the way a drafter's template does,
  with Word automatic numbering from ``word/numbering.xml`` (never typed numbers): a
  multi-level list ("1.", "1.1", "(a)") attached to the Heading 1, Clause and Clause Sub
  styles through the style's ``w:numPr`` (Heading 2 paragraphs join level 2 of the same
  list through their own ``w:numPr``), and schedules whose paragraphs carry their own
  ``w:numPr`` pointing at list instances that restart at 1 (``w:lvlOverride`` /
  ``w:startOverride``), exactly what Word writes for "Restart numbering";
* ``<name>.md``: the same text with the numbers typed ("## 4. Term", "4.2 ...", "(a) ...").

Cross-references are written as ``{ref:key}`` and resolved to the number the clause will
show, so correct references stay correct when clauses move; the flawed legacy sample types
its broken reference literally.

Output is deterministic: fixed core-property dates, fixed list ids, and zip entries written
in a fixed order with a fixed timestamp, so re-running the script reproduces the committed
files. Usage::

    python samples/build_samples.py            # rewrite the files next to this script
    python samples/build_samples.py --out DIR  # write them somewhere else
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

HERE = Path(__file__).resolve().parent
AUTHOR = "slalint samples"
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)

# ---------------------------------------------------------------------------------------
# Source model
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One unit of an agreement.

    kind: title | subtitle | para | h1 | h2 | clause | sub | table | schedule | closing |
    signature.
    ``lead`` is a bold lead-in ("Renewal.", a defined term) printed before ``text``.
    ``key`` names the block for ``{ref:key}`` cross-references.
    """

    kind: str
    text: str = ""
    lead: str = ""
    key: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()


def Title(text):  # noqa: N802 - these read like a tiny drafting language
    return Block("title", text)


def Subtitle(text):  # noqa: N802
    return Block("subtitle", text)


def P(text):  # noqa: N802
    """An unnumbered body paragraph (preamble, or text under a Heading 2)."""
    return Block("para", text)


def Closing(text):  # noqa: N802
    """The testimonium ("IN WITNESS WHEREOF...") before the signature block."""
    return Block("closing", text)


def H1(text, key=None):  # noqa: N802
    return Block("h1", text, key=key)


def H2(text, key=None):  # noqa: N802
    return Block("h2", text, key=key)


def C(lead, text="", key=None):  # noqa: N802
    """A numbered clause ("4.2"). ``lead`` may be "" for a clause without a caption."""
    return Block("clause", text, lead=lead, key=key)


def S(text, lead="", key=None):  # noqa: N802
    """A numbered sub-clause ("(a)")."""
    return Block("sub", text, lead=lead, key=key)


def T(header, *rows, widths=()):  # noqa: N802
    return Block("table", rows=(tuple(header),) + tuple(tuple(r) for r in rows), widths=tuple(widths))


def Schedule(text, key=None):  # noqa: N802
    """Start a schedule: its own heading and its own list that restarts at 1."""
    return Block("schedule", text, key=key)


def Signature(*names):  # noqa: N802
    rows = [tuple(n.upper() for n in names)]
    for label in ("By:", "Name:", "Title:", "Date:"):
        blank = "______________________________" if label == "By:" else ""
        rows.append(tuple(f"{label} {blank}".rstrip() for _ in names))
    return Block("signature", rows=tuple(rows))


@dataclass
class Sample:
    name: str
    title: str
    subject: str
    keywords: str
    created: dt.datetime
    footer: str
    blocks: list[Block] = field(default_factory=list)
    description: str = ""
    font_size: float = 10.5


# ---------------------------------------------------------------------------------------
# Numbering: the one computation both outputs share
# ---------------------------------------------------------------------------------------

def _letter(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


@dataclass
class Numbered:
    block: Block
    label: str | None  # as printed: "4.", "4.2", "(a)"
    ref: str | None  # as cited: "4", "4.2", "4.2(a)"
    list_no: int  # 0 = main body, k = k-th schedule


def number_blocks(blocks: list[Block]) -> list[Numbered]:
    out: list[Numbered] = []
    counters = [0, 0, 0]
    list_no = 0
    for b in blocks:
        label = ref = None
        if b.kind == "schedule":
            list_no += 1
            counters = [0, 0, 0]
        elif b.kind == "h1":
            counters = [counters[0] + 1, 0, 0]
            label, ref = f"{counters[0]}.", f"{counters[0]}"
        elif b.kind in ("h2", "clause"):
            if counters[0] == 0:
                raise ValueError(f"{b.kind} before any heading: {b.text[:40]!r}")
            counters[1] += 1
            counters[2] = 0
            label = ref = f"{counters[0]}.{counters[1]}"
        elif b.kind == "sub":
            if counters[1] == 0:
                raise ValueError(f"sub-clause outside a clause: {b.text[:40]!r}")
            counters[2] += 1
            label = f"({_letter(counters[2])})"
            ref = f"{counters[0]}.{counters[1]}{label}"
        out.append(Numbered(b, label, ref, list_no))
    return out


_REF = re.compile(r"\{ref:([a-z0-9-]+)\}")


def resolve_refs(numbered: list[Numbered]) -> dict[str, str]:
    refs: dict[str, str] = {}
    for n in numbered:
        if n.block.key:
            if n.block.key in refs:
                raise ValueError(f"duplicate key {n.block.key}")
            refs[n.block.key] = n.ref or n.block.text
    return refs


def render_text(text: str, refs: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        if m.group(1) not in refs:
            raise KeyError(f"unknown cross-reference {{ref:{m.group(1)}}}")
        return refs[m.group(1)]

    return _REF.sub(sub, text)


def full_text(b: Block, refs: dict[str, str]) -> str:
    parts = [p for p in (b.lead, b.text) if p]
    return render_text(" ".join(parts), refs)


# ---------------------------------------------------------------------------------------
# Markdown twin
# ---------------------------------------------------------------------------------------


def _md_table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    def line(cells):
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [line(rows[0]), "| " + " | ".join("---" for _ in rows[0]) + " |"] + [line(r) for r in rows[1:]]


def to_markdown(sample: Sample) -> str:
    numbered = number_blocks(sample.blocks)
    refs = resolve_refs(numbered)
    out: list[str] = []
    for n in numbered:
        b = n.block
        text = full_text(b, refs)
        if b.kind == "title":
            out.append(f"# {text}")
        elif b.kind == "subtitle":
            out.append(f"*{text}*")
        elif b.kind in ("para", "closing"):
            out.append(text)
        elif b.kind == "schedule":
            out.append(f"## {text}")
        elif b.kind == "h1":
            out.append(f"{'###' if n.list_no else '##'} {n.label} {text}")
        elif b.kind == "h2":
            out.append(f"{'####' if n.list_no else '###'} {n.label} {text}")
        elif b.kind in ("clause", "sub"):
            out.append(f"{n.label} {text}")
        elif b.kind in ("table", "signature"):
            rows = tuple(tuple(render_text(c, refs) for c in r) for r in b.rows)
            out.append("\n".join(_md_table(rows)))
        else:  # pragma: no cover - guarded by the constructors
            raise ValueError(b.kind)
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------
# Word document
# ---------------------------------------------------------------------------------------

# List ids chosen above those of python-docx's default template (abstractNum 0-8, num 1-9).
ABS_MAIN, ABS_SCHEDULE = 20, 21
NUM_MAIN = 20  # the body outline, attached to Heading 1 / Clause / Clause Sub
NUM_SCHEDULE_BASE = 21  # schedule k uses NUM_SCHEDULE_BASE + k - 1


def _el(tag: str, **attrs) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


def _lvl(ilvl, fmt, text, left, hanging, pstyle=None, bold=False):
    lvl = _el("w:lvl", ilvl=ilvl)
    lvl.append(_el("w:start", val=1))
    lvl.append(_el("w:numFmt", val=fmt))
    if pstyle:
        lvl.append(_el("w:pStyle", val=pstyle))
    lvl.append(_el("w:lvlText", val=text))
    lvl.append(_el("w:lvlJc", val="left"))
    ppr = _el("w:pPr")
    tabs = _el("w:tabs")
    tabs.append(_el("w:tab", val="num", pos=left))
    ppr.append(tabs)
    ppr.append(_el("w:ind", left=left, hanging=hanging))
    lvl.append(ppr)
    if bold:
        rpr = _el("w:rPr")
        rpr.append(_el("w:b"))
        lvl.append(rpr)
    return lvl


def _abstract(abs_id, nsid, name, styles=(None, None, None)):
    a = _el("w:abstractNum", abstractNumId=abs_id)
    a.append(_el("w:nsid", val=nsid))
    a.append(_el("w:multiLevelType", val="multilevel"))
    a.append(_el("w:tmpl", val=nsid.replace("1", "9")))
    a.append(_el("w:name", val=name))
    a.append(_lvl(0, "decimal", "%1.", 720, 720, styles[0], bold=True))
    a.append(_lvl(1, "decimal", "%1.%2", 720, 720, styles[1]))
    a.append(_lvl(2, "lowerLetter", "(%3)", 1440, 720, styles[2]))
    a.append(_lvl(3, "lowerRoman", "(%4)", 2160, 720))
    for i in range(4, 9):
        a.append(_lvl(i, "decimal", f"%{i + 1}.", 720 * (i - 1), 720))
    return a


def _num(num_id, abs_id, restart=False):
    n = _el("w:num", numId=num_id)
    n.append(_el("w:abstractNumId", val=abs_id))
    if restart:
        o = _el("w:lvlOverride", ilvl=0)
        o.append(_el("w:startOverride", val=1))
        n.append(o)
    return n


def install_numbering(document, schedules: int) -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(
        _abstract(ABS_MAIN, "1A2B3C01", "Agreement Outline", ("Heading1", "Clause", "ClauseSub"))
    )
    if schedules:
        first_num.addprevious(_abstract(ABS_SCHEDULE, "1A2B3C02", "Schedule Outline"))
    numbering.append(_num(NUM_MAIN, ABS_MAIN))
    for k in range(schedules):
        # Schedule 1 starts its own list; every later schedule restarts it at 1.
        numbering.append(_num(NUM_SCHEDULE_BASE + k, ABS_SCHEDULE, restart=k > 0))


def _set_numpr(ppr, num_id: int, ilvl: int) -> None:
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num_id


def _set_style_font(style, size, bold=None, caps=False, color=RGBColor(0, 0, 0)):
    font = style.font
    font.name = "Calibri"
    font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.all_caps = caps
    font.color.rgb = color
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts is not None and fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    if fonts is not None:
        fonts.set(qn("w:cs"), "Calibri")


def setup_styles(document, size: float = 10.5) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _set_style_font(normal, size)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.0

    title = styles["Title"]
    for bdr in title.element.pPr.findall(qn("w:pBdr")):
        title.element.pPr.remove(bdr)
    _set_style_font(title, 16, bold=True, caps=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(4)

    subtitle = styles["Subtitle"]
    _set_style_font(subtitle, 11, bold=False)
    subtitle.font.italic = True
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(18)

    h1 = styles["Heading 1"]
    _set_style_font(h1, size, bold=True, caps=True)
    h1.paragraph_format.space_before = Pt(12)
    h1.paragraph_format.space_after = Pt(6)
    _set_numpr(h1.element.get_or_add_pPr(), NUM_MAIN, 0)

    h2 = styles["Heading 2"]
    _set_style_font(h2, size, bold=True)
    h2.paragraph_format.space_before = Pt(8)
    h2.paragraph_format.space_after = Pt(4)

    clause = styles.add_style("Clause", WD_STYLE_TYPE.PARAGRAPH)
    clause.base_style = normal
    clause.quick_style = True
    clause.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _set_numpr(clause.element.get_or_add_pPr(), NUM_MAIN, 1)

    sub = styles.add_style("Clause Sub", WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = clause
    sub.quick_style = True
    sub.paragraph_format.space_after = Pt(3)
    _set_numpr(sub.element.get_or_add_pPr(), NUM_MAIN, 2)

    body = styles.add_style("Clause Body", WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.quick_style = True
    body.paragraph_format.left_indent = Inches(0.5)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    # A schedule heading is a custom style based on Heading 1 with numbering switched off
    # (numId 0), the way Word stores "None" numbering on a derived heading style.
    sched = styles.add_style("Schedule Heading", WD_STYLE_TYPE.PARAGRAPH)
    sched.base_style = h1
    sched.quick_style = True
    sched.next_paragraph_style = normal
    sched.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sched.paragraph_format.page_break_before = True
    sched.paragraph_format.space_after = Pt(12)
    _set_numpr(sched.element.get_or_add_pPr(), 0, 0)
    sched.font.size = Pt(13)

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0


def _add_runs(paragraph, b: Block, refs):
    lead = render_text(b.lead, refs)
    text = render_text(b.text, refs)
    if lead:
        paragraph.add_run(lead).bold = True
        if text:
            paragraph.add_run(" " + text)
    elif text:
        paragraph.add_run(text)


def _shade(cell, fill):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = _el("w:shd", val="clear", color="auto", fill=fill)
    tcpr.append(shd)


def _add_table(document, b: Block, refs, signature=False):
    rows = b.rows
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Normal Table" if signature else "Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = 6.5
    widths = b.widths or tuple(total / len(rows[0]) for _ in rows[0])
    for r, row in enumerate(rows):
        tr = table.rows[r]
        trpr = tr._tr.get_or_add_trPr()
        trpr.append(_el("w:cantSplit"))
        if r == 0 and not signature:
            trpr.append(_el("w:tblHeader"))
        for c, value in enumerate(row):
            cell = tr.cells[c]
            if r == 0:
                table.columns[c].width = Inches(widths[c])
            cell.width = Inches(widths[c])
            p = cell.paragraphs[0]
            p.style = document.styles["Table Text"]
            run = p.add_run(render_text(value, refs))
            if r == 0:
                run.bold = True
                if not signature:
                    _shade(cell, "D9D9D9")
            if signature and r > 0:
                p.paragraph_format.space_before = Pt(10)
            if signature and r < len(rows) - 1:
                p.paragraph_format.keep_with_next = True  # never split a signature block
    return table


def _add_footer(section, text):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(f"{text}  |  Page ")
    run.font.size = Pt(8)
    fld = _el("w:fldSimple", instr=" PAGE ")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = _el("w:sz", val=16)
    rpr.append(sz)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def to_docx(sample: Sample):
    numbered = number_blocks(sample.blocks)
    refs = resolve_refs(numbered)
    document = docx.Document()
    schedules = sum(1 for b in sample.blocks if b.kind == "schedule")
    install_numbering(document, schedules)
    setup_styles(document, sample.font_size)

    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    _add_footer(section, sample.footer)

    # python-docx's template starts with one empty paragraph; drop it.
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    in_preamble = True  # body paragraphs before the first heading are not indented
    for n in numbered:
        b = n.block
        in_preamble = in_preamble and b.kind not in ("h1", "schedule")
        sched_num = NUM_SCHEDULE_BASE + n.list_no - 1
        if b.kind == "title":
            document.add_paragraph(render_text(b.text, refs), style="Title")
        elif b.kind == "subtitle":
            document.add_paragraph(render_text(b.text, refs), style="Subtitle")
        elif b.kind == "closing":
            p = document.add_paragraph(style="Normal")
            p.paragraph_format.space_before = Pt(12)
            p.paragraph_format.keep_with_next = True
            _add_runs(p, b, refs)
        elif b.kind == "para":
            style = "Normal" if in_preamble else "Clause Body"
            p = document.add_paragraph(style=style)
            _add_runs(p, b, refs)
            if style == "Normal":
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif b.kind == "schedule":
            document.add_paragraph(render_text(b.text, refs), style="Schedule Heading")
        elif b.kind == "h1":
            if n.list_no:
                p = document.add_paragraph(render_text(b.text, refs), style="Heading 2")
                _set_numpr(p._p.get_or_add_pPr(), sched_num, 0)
            else:
                document.add_paragraph(render_text(b.text, refs), style="Heading 1")
        elif b.kind == "h2":
            if n.list_no:
                raise ValueError("schedules use h1 and clauses only")
            # Heading 2 shares level 2 of the outline with the Clause style (which owns that
            # level through w:pStyle), so it joins the list through its own w:numPr.
            p = document.add_paragraph(render_text(b.text, refs), style="Heading 2")
            _set_numpr(p._p.get_or_add_pPr(), NUM_MAIN, 1)
        elif b.kind in ("clause", "sub"):
            p = document.add_paragraph(style="Clause" if b.kind == "clause" else "Clause Sub")
            _add_runs(p, b, refs)
            if n.list_no:
                _set_numpr(p._p.get_or_add_pPr(), sched_num, 1 if b.kind == "clause" else 2)
        elif b.kind == "table":
            _add_table(document, b, refs)
            document.add_paragraph(style="Normal").paragraph_format.space_after = Pt(0)
        elif b.kind == "signature":
            _add_table(document, b, refs, signature=True)
        else:  # pragma: no cover
            raise ValueError(b.kind)

    # The body must end with sectPr; python-docx appended paragraphs before it already.
    cp = document.core_properties
    cp.title = sample.title
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.subject = sample.subject
    cp.keywords = sample.keywords
    cp.comments = sample.description
    cp.category = "Sample agreement"
    cp.created = sample.created
    cp.modified = sample.created
    cp.last_printed = sample.created
    cp.revision = 1
    return document


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a .docx zip with a fixed timestamp and a fixed member order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    order = ["[Content_Types].xml"] + sorted(n for n in names if n != "[Content_Types].xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def build(out_dir: Path | str = HERE, samples=None) -> list[Path]:
    """Write every sample's .docx and .md into ``out_dir``; return the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in samples or SAMPLES:
        buf = io.BytesIO()
        to_docx(sample).save(buf)
        docx_path = out_dir / f"{sample.name}.docx"
        _write_atomic(docx_path, _deterministic_zip(buf.getvalue()))
        md_path = out_dir / f"{sample.name}.md"
        _write_atomic(md_path, to_markdown(sample).encode("utf-8"))
        written += [docx_path, md_path]
    return written


# ---------------------------------------------------------------------------------------
# The agreements
# ---------------------------------------------------------------------------------------

PROVIDER = "Northwind Managed IT Ltd."
CUSTOMER = "Contoso Dental Group, P.C."

MSA = Sample(
    name="msp-managed-services-agreement",
    title="Managed Services Agreement",
    subject="Managed IT services: master terms with a service catalogue and an SLA schedule",
    keywords="MSA; SLA; managed services; sample",
    created=dt.datetime(2025, 2, 20, 9, 0, 0, tzinfo=dt.timezone.utc),
    footer="Northwind Managed IT / Contoso Dental Group - Managed Services Agreement",
    description="A well-drafted managed-services agreement (master terms) with a service "
    "catalogue and a service level agreement schedule. Fictional parties.",
    blocks=[
        Title("Managed Services Agreement"),
        Subtitle("Master Terms"),
        P(
            'This Managed Services Agreement (this "Agreement") is entered into as of March 1, 2025 '
            '(the "Effective Date") between Northwind Managed IT Ltd., a New York corporation with its '
            "principal office at 410 Harbor Street, Suite 300, Albany, New York 12207 "
            '("Provider"), and Contoso Dental Group, P.C., a New York professional corporation with '
            "its principal office at 88 Linden Avenue, Rochester, New York 14607 "
            '("Customer").'
        ),
        P(
            "Customer operates four dental practices and wishes to outsource the day-to-day "
            "management, monitoring and support of its information technology to Provider. "
            "The parties therefore agree as follows."
        ),
        # 1 ------------------------------------------------------------------------------
        H1("Definitions", key="defs"),
        C("", "In this Agreement, the following capitalized terms have the meanings set out below. "
          "Other terms are defined where they first appear."),
        C('"Business Day"', "means Monday to Friday, excluding public holidays in the State of New York."),
        C('"Business Hours"', "means 8:00 a.m. to 6:00 p.m. Eastern Time on Business Days."),
        C('"Change Request"', "means a written request to change the Services, the Service Catalogue or "
          "the Supported Environment, made and approved under Section {ref:change}."),
        C('"Confidential Information"', "means all non-public information that one party discloses to "
          "the other in connection with this Agreement and that is marked as confidential or that a "
          "reasonable person would understand to be confidential, including Customer Data."),
        C('"Customer Data"', "means all data, including Protected Health Information, that Customer or "
          "its personnel provide to Provider or that Provider stores or processes on Customer's behalf."),
        C('"Fees"', "means the charges payable by Customer under Section {ref:fees}, Schedule 1 and any "
          "Statement of Work."),
        C('"Incident"', "means an unplanned interruption to, or a reduction in the quality of, a "
          "Managed Service, or a failure of a component of the Supported Environment that has not yet "
          "affected a Managed Service."),
        C('"Managed Services"', "means the recurring services described in Section {ref:scope} and "
          "listed in the Service Catalogue."),
        C('"Out-of-Scope Work"', "means any work that is not part of the Managed Services, including "
          "the work listed in Section {ref:exclusions}."),
        C('"Priority Level"', "means the priority assigned to an Incident under paragraph "
          "{ref:sla-priorities} of Schedule 2."),
        C('"Professional Services"', "means project, consulting and other labor services described in a "
          "Statement of Work or performed as Out-of-Scope Work."),
        C('"Protected Health Information"', "has the meaning given to it in 45 C.F.R. \u00a7 160.103."),
        C('"Scheduled Maintenance"', "means maintenance performed within the Maintenance Window, or at "
          "another time agreed in writing, after notice given under Section {ref:upgrades}."),
        C('"Security Incident"', "means any actual or reasonably suspected unauthorized access to, or "
          "use, disclosure, alteration or loss of, Customer Data in Provider's possession or control."),
        C('"Service Catalogue"', "means the list of Managed Services, quantities and monthly Fees set "
          "out in Schedule 1, as updated by Change Requests."),
        C('"Service Credit"', "means a credit against the Fees calculated under Schedule 2."),
        C('"Service Levels"', "means the availability, response and resolution targets set out in "
          "Schedule 2."),
        C('"Services"', "means the Managed Services and the Professional Services."),
        C('"Statement of Work"', "means a document describing Professional Services that refers to this "
          "Agreement and is signed by both parties."),
        C('"Supported Environment"', "means the workstations, servers, network devices and cloud "
          "services of Customer that are listed in the Service Catalogue."),
        # 2 ------------------------------------------------------------------------------
        H1("Structure of this Agreement"),
        C("Documents and Precedence.", "This Agreement consists of these master terms, Schedule 1 "
          "(Service Catalogue and Fees), Schedule 2 (Service Level Agreement) and each Statement of Work "
          "signed under it. If they conflict, they apply in this order: (i) Schedule 2, "
          "for the Service Levels and Service Credits; (ii) these master terms; (iii) Schedule 1; and "
          "(iv) a Statement of Work, unless the Statement of Work expressly states that it overrides a "
          "named Section of these master terms for that Statement of Work only."),
        # 3 ------------------------------------------------------------------------------
        H1("Services", key="scope"),
        H2("Managed Services"),
        P("From the Effective Date, Provider will provide the following Managed Services for the "
          "Supported Environment in accordance with this Agreement, the Service Catalogue and the "
          "Service Levels:"),
        S("remote user support and Microsoft 365 administration through the service desk described in "
          "Section {ref:support-hours};", lead="Service desk:"),
        S("continuous monitoring of servers, network devices and internet connections;",
          lead="Monitoring:"),
        S("operating system, application and firmware updates under Section {ref:upgrades};",
          lead="Patch management:"),
        S("daily backup with offsite replication and a test restore each quarter;",
          lead="Backup and recovery:"),
        S("managed endpoint detection and response on workstations and servers; and",
          lead="Endpoint security:"),
        S("handling Incidents with Customer's internet, software and hardware vendors.",
          lead="Vendor management:"),
        H2("Service Catalogue"),
        P("Schedule 1 lists each Managed Service, the number of users, devices or sites covered and the "
          "monthly Fee. Customer may add or remove users, devices or sites by Change Request, and the "
          "Fees will be adjusted from the first day of the following month at the unit prices in the "
          "Service Catalogue."),
        H2("Support Hours and Channels", key="support-hours"),
        P("The service desk is staffed during Business Hours and can be reached by telephone on "
          "(518) 555-0140, by email at support@northwind-it.example and through Provider's client portal. "
          "Outside Business Hours, an on-call engineer handles P1 and P2 Incidents reported by telephone, "
          "24 hours a day, 7 days a week."),
        H2("Exclusions", key="exclusions"),
        P("Unless added to the Service Catalogue by Change Request or ordered under a Statement of Work, "
          "the following are Out-of-Scope Work and are not included in the Managed Services or in the "
          "monthly Fees:"),
        S("hardware, software licenses, replacement parts and vendor support contracts;"),
        S("projects, including migrations, office moves, new sites and the deployment of new systems or "
          "applications;"),
        S("support for devices, software or services that are not in the Supported Environment, or that "
          "are no longer supported by their manufacturer;"),
        S("repairing damage caused by Customer's breach of this Agreement, by misuse, or by changes made "
          "by Customer or its other contractors without Provider's approval;"),
        S("user training, other than brief guidance given while resolving an Incident; and"),
        S("development or customization of software, websites or scripts."),
        P("Events excluded from the measurement of the Service Levels are set out in paragraph "
          "{ref:sla-exclusions} of Schedule 2."),
        # 4 ------------------------------------------------------------------------------
        H1("Professional Services and Labor", key="labor"),
        C("Statements of Work.", "Provider will perform Professional Services as described in a "
          "Statement of Work. Each Statement of Work will state the scope, deliverables, assumptions, "
          "estimated hours or fixed price, milestones and acceptance criteria."),
        C("Labor Rates.", "Unless a Statement of Work states otherwise, Professional Services and "
          "Out-of-Scope Work are charged on a time-and-materials basis at the hourly rates in paragraph "
          "{ref:rates} of Schedule 1, in increments of fifteen (15) minutes, with a minimum charge of "
          "one (1) hour for each on-site visit.", key="labor-rates"),
        C("Remote and On-Site Work.", "Provider will work remotely wherever practicable and will attend "
          "Customer's sites when an Incident cannot be resolved remotely or a Statement of Work requires "
          "it. Travel within fifty (50) miles of Provider's Albany office is not charged; beyond that, "
          "travel time is charged at fifty percent (50%) of the hourly rate, plus reasonable expenses at "
          "cost."),
        C("Out-of-Scope Work.", "Provider will not perform Out-of-Scope Work without Customer's written "
          "approval of a written estimate of the hours and cost, except that during a P1 Incident Provider "
          "may perform up to four (4) hours of it to restore service, notifying Customer within one (1) "
          "Business Day."),
        C("After-Hours Work.", "Professional Services that Customer asks to be performed outside Business "
          "Hours are charged at one and one-half (1.5) times the applicable hourly rate. Scheduled "
          "Maintenance and work on P1 and P2 Incidents are not charged as after-hours work.",
          key="after-hours"),
        C("Personnel.", "Provider will assign suitably qualified personnel and will name a service "
          "delivery manager as Customer's primary contact. Provider is responsible for its "
          "subcontractors as for itself."),
        # 5 ------------------------------------------------------------------------------
        H1("Customer Obligations", key="customer"),
        C("Cooperation.", "Customer will:", key="customer-duties"),
        S("appoint a primary contact with authority to approve Change Requests and Out-of-Scope Work;"),
        S("give Provider timely remote and physical access to the Supported Environment, including "
          "administrator credentials and access to Customer's sites during Business Hours;"),
        S("keep valid licenses and vendor support in place for the software and hardware in the "
          "Supported Environment;"),
        S("report Incidents through the service desk and provide the information Provider reasonably "
          "requests to diagnose them;"),
        S("not change the configuration of the Supported Environment, nor allow another contractor to do "
          "so, without first notifying Provider; and"),
        S("comply with Provider's reasonable security requirements notified in writing, including "
          "multi-factor authentication for all administrator accounts."),
        C("Dependencies.", "Provider is not responsible for failing to perform its obligations, including "
          "the Service Levels, to the extent the failure is caused by Customer's failure to perform "
          "Section {ref:customer-duties}, provided that Provider promptly notifies Customer of that "
          "failure and uses reasonable efforts to perform despite it."),
        # 6 ------------------------------------------------------------------------------
        H1("Fees and Payment", key="fees"),
        C("Fees.", "Customer will pay the monthly Fees for the Managed Services set out in Schedule 1 and "
          "the Fees for Professional Services and Out-of-Scope Work under Section {ref:labor} and the "
          "applicable Statement of Work."),
        C("Invoicing and Payment.", "Provider will invoice the monthly Fees in advance and time-and-"
          "materials charges monthly in arrears, with a breakdown of hours by engineer, date and task. "
          "Customer will pay each undisputed invoice within thirty (30) days after the invoice date."),
        C("Disputed Invoices.", "Customer may withhold any amount it disputes in good faith by notifying "
          "Provider of the disputed amount and the reasons before the payment due date. Customer will "
          "pay the undisputed part on time, and the parties will resolve the dispute under Section "
          "{ref:disputes}."),
        C("Late Payment.", "Undisputed amounts not paid when due bear interest at the lesser of one "
          "percent (1%) per month and the highest rate permitted by law, from the due date until paid."),
        C("Fee Adjustments.", "Provider may increase the Fees from the start of a Renewal Term by at most "
          "three percent (3%), by giving Customer at least ninety (90) days' written notice.",
          key="fee-adjustments"),
        C("Taxes.", "The Fees exclude sales, use and similar taxes, which Customer will pay, other than "
          "taxes on Provider's income."),
        # 7 ------------------------------------------------------------------------------
        H1("Term, Renewal and Termination", key="term"),
        C("Initial Term.", 'This Agreement starts on the Effective Date and continues for thirty-six (36) '
          'months (the "Initial Term").'),
        C("Renewal.", 'This Agreement then renews automatically for successive periods of twelve (12) '
          'months (each a "Renewal Term" and, together with the Initial Term, the "Term") unless either '
          "party gives the other written notice of non-renewal at least sixty (60) days before the end of "
          "the Initial Term or the then-current Renewal Term. Provider will remind Customer in writing of "
          "the renewal date and the notice deadline at least thirty (30) days before that deadline.",
          key="renewal"),
        C("Termination for Cause.", "Either party may terminate this Agreement, or any Statement of Work, "
          "by written notice to the other party if the other party:", key="for-cause"),
        S("materially breaches this Agreement and fails to cure the breach within thirty (30) days after "
          "receiving written notice describing it; or"),
        S("becomes insolvent, makes a general assignment for the benefit of its creditors, or becomes the "
          "subject of a bankruptcy or similar proceeding that is not dismissed within sixty (60) days."),
        C("Termination for Convenience.", "Either party may terminate this Agreement for convenience by "
          "giving the other party at least ninety (90) days' written notice. If Customer terminates under "
          "this Section during the Initial Term, Customer will pay an early-termination fee equal to "
          "fifty percent (50%) of the monthly Fees for the Managed Services for each month remaining in "
          "the Initial Term, up to a maximum of three (3) months of those Fees.", key="convenience"),
        C("Termination for Service Level Failure.", "Customer may terminate this Agreement on thirty (30) "
          "days' written notice, without paying any early-termination fee, in the circumstances set out "
          "in paragraph {ref:sla-chronic} of Schedule 2.", key="sla-termination"),
        C("Effect of Termination.", "On termination or expiry of this Agreement:"),
        S("Customer will pay the Fees for Services performed up to the date of termination;"),
        S("Provider will refund any Fees paid in advance for the period after that date; and"),
        S("Sections {ref:exit}, {ref:conf}, {ref:liability}, {ref:indemnity} and {ref:general}, and any "
          "other provision that by its nature is intended to survive, survive termination."),
        # 8 ------------------------------------------------------------------------------
        H1("Exit and Transition Assistance", key="exit"),
        C("Transition Assistance.", "After either party gives notice of termination or non-renewal, and "
          'for up to ninety (90) days after the end of the Term (the "Transition Period"), Provider will '
          "give Customer reasonable assistance to transfer the Services to Customer or to a replacement "
          "provider, including:"),
        S("an exit plan, delivered within ten (10) Business Days after the notice;"),
        S("handover of documentation, configurations, license records and administrator credentials;"),
        S("continuing the Managed Services during the Transition Period at the then-current Fees; and"),
        S("up to eight (8) hours of knowledge transfer without charge, and further help at the rates in "
          "Schedule 1."),
        C("Return and Deletion of Data.", "Within thirty (30) days after the end of the Transition Period, "
          "Provider will return all Customer Data to Customer in a commonly used, machine-readable format, "
          "and will then securely delete it from its systems and certify the deletion in writing, except "
          "for copies it must keep by law, which remain subject to Section {ref:conf}."),
        # 9 ------------------------------------------------------------------------------
        H1("Service Management"),
        C("Monthly Service Reports.", "Within ten (10) Business Days after the end of each month, Provider "
          'will deliver a report (a "Monthly Service Report") showing:', key="reports"),
        S("performance against the Service Levels and the Service Credits due;"),
        S("Incidents by Priority Level, patches deployed and outstanding, and backup results; and"),
        S("hours of Professional Services and Out-of-Scope Work used."),
        C("Quarterly Service Reviews.", "The parties will hold a service review meeting each calendar "
          "quarter, in person or by video conference, to review the Monthly Service Reports, recurring "
          "Incidents, planned changes, security matters and Customer's technology roadmap. Provider will "
          "circulate minutes and agreed actions within five (5) Business Days after each meeting.",
          key="review"),
        C("Escalation.", "If an Incident or any other service issue is not progressing to Customer's "
          "satisfaction, Customer may escalate it in the following order:", key="escalation"),
        T(("Level", "Provider contact", "Escalate when"),
          ("1", "Service desk team lead", "A response or resolution target is at risk"),
          ("2", "Service delivery manager", "A target is missed, or a P1 Incident is unresolved after 2 hours"),
          ("3", "Director of operations", "A target is missed twice in a month, or a P1 Incident is "
           "unresolved after 4 hours"),
          ("4", "Provider's chief executive", "The issue is unresolved 2 Business Days after level 3"),
          widths=(0.7, 2.0, 3.8)),
        C("Upgrades, Patching and Maintenance.", "Provider will:", key="upgrades"),
        S("deploy security patches that the vendor rates as critical within fourteen (14) days after "
          "release, and other patches within thirty (30) days after release, after testing them on a "
          "pilot group of devices;"),
        S("keep the firmware of network and security devices at versions supported by the vendor;"),
        S('perform Scheduled Maintenance only between 10:00 p.m. on Sunday and 4:00 a.m. on Monday, '
          'Eastern Time (the "Maintenance Window"), giving at least five (5) Business Days\' notice of '
          "any maintenance expected to interrupt a Managed Service; and"),
        S("tell Customer at least six (6) months before any component of the Supported Environment "
          "reaches the end of its vendor support, with a recommendation for its replacement."),
        C("Change Management.", "Each change to the Supported Environment that may affect a Managed "
          "Service is recorded, assessed for risk, approved by Customer's primary contact (emergency "
          "changes during a P1 Incident are notified within one (1) Business Day) and scheduled within the "
          "Maintenance Window where practicable. A Change Request binds the parties only when signed by "
          "both.", key="change"),
        # 10 -----------------------------------------------------------------------------
        H1("Security and Data Protection"),
        C("Security Program.", "Provider will maintain a written information security program with "
          "safeguards appropriate to the nature of Customer Data, including role-based access control, "
          "multi-factor authentication for every Provider account with access to the Supported "
          "Environment, encryption of Customer Data in transit and in backups, background checks for "
          "administrators, and logging of administrative access."),
        C("Security Incidents.", "Provider will notify Customer without undue delay, and in any event within "
          "twenty-four (24) hours, after becoming aware of a Security Incident, and will:", key="security"),
        S("give Customer the information it reasonably needs to meet its own notification obligations;"),
        S("take reasonable steps to contain, investigate and remediate the Security Incident; and"),
        S("deliver a written report on the Security Incident within ten (10) Business Days after "
          "containment."),
        C("Protected Health Information.", "Provider will have access to Protected Health Information as "
          "Customer's business associate under the Health Insurance Portability and Accountability Act "
          'of 1996. The parties have signed a business associate agreement dated the Effective Date (the '
          '"Business Associate Agreement"), which prevails over this Agreement for Protected Health '
          "Information."),
        C("Processing of Customer Data.", "Provider will process Customer Data only to provide the "
          "Services and in accordance with Customer's documented instructions, will not sell Customer "
          "Data, and will store Customer Data only in data centers located in the United States.",
          key="data"),
        # 11 -----------------------------------------------------------------------------
        H1("Confidentiality", key="conf"),
        C("Obligations.", "Each party receiving Confidential Information will use it only to perform or "
          "receive the Services, will disclose it only to its employees, contractors and professional "
          "advisers who need to know it and are bound by confidentiality obligations at least as "
          "protective as this Section, and will protect it with at least reasonable care."),
        C("Exceptions.", "These obligations do not apply to information that: (i) is or becomes public "
          "other than through a breach of this Agreement; (ii) the receiving party knew without "
          "restriction before receiving it; (iii) the receiving party develops independently; or (iv) "
          "the receiving party receives from a third party without a duty of confidentiality. These "
          "exceptions do not apply to Protected Health Information."),
        C("Duration.", "This Section applies during the Term and for five (5) years afterwards, and to "
          "Customer Data for as long as it is held by Provider."),
        # 12 -----------------------------------------------------------------------------
        H1("Warranties"),
        C("Service Warranty.", "Provider warrants that:", key="warranty"),
        S("the Services will be performed in a professional and workmanlike manner by appropriately "
          "skilled personnel, in line with generally accepted industry standards for managed IT "
          "services;"),
        S("the Services will conform in all material respects to the Service Catalogue and the "
          "applicable Statement of Work; and"),
        S("Provider will not knowingly introduce malicious code into the Supported Environment."),
        C("Warranty Remedy.", "If Customer reports a breach of Section {ref:warranty} within ninety (90) "
          "days after the Services concerned were performed, Provider will re-perform them at no charge "
          "or, if it cannot, refund the Fees paid for them."),
        C("Authority.", "Each party warrants that it has full power and authority to enter into and "
          "perform this Agreement."),
        C("Disclaimer.", "EXCEPT AS EXPRESSLY SET OUT IN THIS AGREEMENT, NEITHER PARTY MAKES ANY OTHER "
          "WARRANTY, EXPRESS OR IMPLIED, AND EACH PARTY DISCLAIMS ALL IMPLIED WARRANTIES, INCLUDING "
          "WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NON-INFRINGEMENT. PROVIDER "
          "DOES NOT WARRANT THAT THE SERVICES WILL PREVENT EVERY SECURITY INCIDENT OR THAT THIRD-PARTY "
          "PRODUCTS WILL OPERATE WITHOUT ERROR."),
        # 13 -----------------------------------------------------------------------------
        H1("Limitation of Liability", key="liability"),
        C("Excluded Damages.", "EXCEPT AS SET OUT IN SECTION {ref:liability-exceptions}, NEITHER PARTY IS "
          "LIABLE TO THE OTHER FOR ANY INDIRECT, INCIDENTAL, SPECIAL, CONSEQUENTIAL OR PUNITIVE DAMAGES, "
          "OR FOR LOST PROFITS OR REVENUE, EVEN IF ADVISED OF THEIR POSSIBILITY."),
        C("Liability Cap.", "EXCEPT AS SET OUT IN SECTION {ref:liability-exceptions}, EACH PARTY'S TOTAL "
          "LIABILITY ARISING OUT OF OR RELATING TO THIS AGREEMENT WILL NOT EXCEED THE FEES PAID AND "
          "PAYABLE BY CUSTOMER UNDER THIS AGREEMENT IN THE TWELVE (12) MONTHS BEFORE THE EVENT GIVING "
          "RISE TO THE LIABILITY.", key="cap"),
        C("Exceptions.", "Sections {ref:liability}.1 and {ref:cap} do not apply to: (i) a party's "
          "obligations under Section {ref:indemnity}; (ii) a party's gross negligence, willful misconduct "
          "or fraud; or (iii) Customer's obligation to pay the Fees. A party's total liability for breach "
          "of Section {ref:conf} or for a Security Incident will not exceed three (3) times the amount in "
          "Section {ref:cap}.", key="liability-exceptions"),
        C("Service Credits.", "Service Credits are a price adjustment, not a penalty. They do not limit "
          "Customer's right to terminate under Section {ref:sla-termination} or to claim damages for a "
          "material breach, but damages are reduced by Service Credits paid for the same failure."),
        # 14 -----------------------------------------------------------------------------
        H1("Indemnification", key="indemnity"),
        C("By Provider.", "Provider will defend Customer against any claim by a third party arising from: "
          "(i) an allegation that the Services or any deliverable infringe that third party's "
          "intellectual property rights; (ii) a Security Incident caused by Provider's breach of this "
          "Agreement; or (iii) bodily injury or damage to property caused by the negligence of Provider's "
          "personnel at Customer's sites, and will pay the damages and costs finally awarded or agreed in "
          "settlement."),
        C("By Customer.", "Customer will defend Provider against any claim by a third party arising from: "
          "(i) an allegation that Customer Data, or Provider's use of it in accordance with this "
          "Agreement, infringes that third party's rights; or (ii) Customer's use of the Services in "
          "breach of law, and will pay the damages and costs finally awarded or agreed in settlement."),
        C("Procedure.", "The defended party will notify the other party promptly of the claim, let it "
          "control the defense and settlement, and cooperate reasonably at its expense."),
        # 15 -----------------------------------------------------------------------------
        H1("Insurance"),
        C("", "During the Term and for one (1) year afterwards, Provider will maintain, with insurers of "
          "good financial standing, at least the following insurance, and will provide certificates of "
          "insurance on request:"),
        S("commercial general liability insurance of $1,000,000 per occurrence and $2,000,000 in the "
          "aggregate;"),
        S("technology errors and omissions insurance of $2,000,000 per claim;"),
        S("cyber liability insurance, covering network security and privacy claims, of $2,000,000 per "
          "claim; and"),
        S("workers' compensation insurance as required by law."),
        # 16 -----------------------------------------------------------------------------
        H1("Records and Audit"),
        C("", "Provider will keep accurate records of the Services, time charges and Service Level "
          "measurements for three (3) years. Once in any twelve (12) month period, on thirty (30) days' "
          "written notice, Customer or an independent auditor bound by confidentiality obligations may "
          "audit those records and Provider's security controls relating to the Services. Provider will "
          "refund any overcharge within thirty (30) days."),
        # 17 -----------------------------------------------------------------------------
        H1("Force Majeure"),
        C("Excused Performance.", "Neither party is liable for a failure or delay in performing its "
          "obligations, other than payment, caused by events beyond its reasonable control, such as "
          "natural disaster, fire, flood, epidemic, war, terrorism, failure of public utilities or of the "
          'public internet, or acts of government (a "Force Majeure Event"), provided that it promptly '
          "notifies the other party and uses reasonable efforts to mitigate the effects. A Force Majeure "
          "Event does not excuse Provider's backup and recovery obligations."),
        C("Prolonged Events.", "If a Force Majeure Event prevents the performance of a material part of the "
          "Services for more than thirty (30) consecutive days, either party may terminate the affected "
          "Services on written notice."),
        # 18 -----------------------------------------------------------------------------
        H1("General", key="general"),
        C("Assignment.", "Neither party may assign or transfer this Agreement without the other party's "
          "prior written consent, which will not be unreasonably withheld, except that either party may "
          "assign it on notice to a successor in a merger, acquisition or sale of substantially all of "
          "its assets that assumes this Agreement in writing. Any other purported assignment is void."),
        C("Subcontracting.", "Provider may subcontract any part of the Services with Customer's prior "
          "written consent, which will not be unreasonably withheld."),
        C("Governing Law.", "This Agreement is governed by the laws of the State of New York, without regard "
          "to its conflict-of-laws rules."),
        C("Dispute Resolution.", "The parties will first refer any dispute to a senior executive of each "
          "party, who will meet within ten (10) Business Days. If the dispute is not resolved within "
          "thirty (30) days after referral, either party may refer it to non-binding mediation in Albany, "
          "New York, and after a further sixty (60) days the state and federal courts in Albany County, "
          "New York have exclusive jurisdiction. Either party may seek urgent injunctive relief at any "
          "time.",
          key="disputes"),
        C("Notices.", "Notices under this Agreement must be in writing and delivered by hand, by a "
          "nationally recognized courier or by email with a confirmation copy sent by courier, to the "
          "addresses in the preamble or to any other address a party gives by notice. A notice of breach, "
          "termination or non-renewal may not be given by email alone. Notices take effect on receipt."),
        C("Entire Agreement and Amendment.", "This Agreement, its schedules, the Business Associate "
          "Agreement and each Statement of Work form the entire agreement between the parties on their "
          "subject matter. This Agreement may be amended only by a written amendment or Change Request "
          "signed by both parties."),
        C("Miscellaneous.", "The parties are independent contractors. If any provision is held "
          "unenforceable, the rest of this Agreement remains in effect. This Agreement may be signed in "
          "counterparts and by electronic signature."),
        Closing("IN WITNESS WHEREOF, the parties have signed this Agreement as of the Effective Date."),
        Signature(PROVIDER, CUSTOMER),
        # Schedule 1 ---------------------------------------------------------------------
        Schedule("Schedule 1 \u2013 Service Catalogue and Fees"),
        H1("Managed Services"),
        C("", "The Managed Services and monthly Fees from the Effective Date are:"),
        T(("Service", "Description", "Unit", "Qty", "Unit price (USD/month)", "Monthly fee (USD)"),
          ("Managed user support", "Service desk, remote support, Microsoft 365 administration", "User",
           "45", "65.00", "2,925.00"),
          ("Managed server", "Monitoring, patching and backup of on-premises servers", "Server", "3",
           "175.00", "525.00"),
          ("Managed network", "Firewall, switches and wireless access points", "Site", "4", "150.00",
           "600.00"),
          ("Endpoint detection and response", "Managed EDR agent on workstations and servers", "Device",
           "60", "9.00", "540.00"),
          ("Backup and recovery", "Daily backup, offsite replication, quarterly test restore", "TB",
           "4", "120.00", "480.00"),
          ("Total", "", "", "", "", "5,070.00"),
          widths=(1.45, 2.15, 0.6, 0.45, 0.9, 0.95)),
        C("", "Each month includes four (4) hours of on-site attendance by a systems engineer at no "
          "additional charge. Unused hours do not carry over to the following month."),
        H1("Professional Services Rates"),
        C("", "Professional Services and Out-of-Scope Work are charged at the following hourly rates:",
          key="rates"),
        T(("Role", "Remote (USD/hour)", "On-site (USD/hour)"),
          ("Service desk technician", "95", "110"),
          ("Systems engineer", "150", "165"),
          ("Network and security engineer", "175", "190"),
          ("Project manager", "140", "140"),
          widths=(3.1, 1.7, 1.7)),
        C("", "The rates are fixed during the Initial Term and may then be adjusted only under Section "
          "{ref:fee-adjustments} of the master terms."),
        # Schedule 2 ---------------------------------------------------------------------
        Schedule("Schedule 2 \u2013 Service Level Agreement"),
        H1("Availability"),
        C("Availability Target.", 'In this Schedule, "Critical Systems" means the managed servers and the '
          'managed network devices listed in Schedule 1, and a Critical System is "Available" when it is '
          "powered on, reachable from Customer's network and performing its function. Provider will "
          'ensure that each Critical System is Available at least 99.9% of the time in each calendar '
          'month (the "Availability Target").', key="sla-target"),
        C("Measurement.", "Availability is measured for each Critical System over each calendar month by "
          'Provider\'s monitoring tools, once a minute. Any period in which a Critical System is not '
          'Available is "Downtime". Availability = (minutes in the month - minutes of Downtime not '
          "excluded under paragraph {ref:sla-exclusions}) / minutes in the month x 100."),
        H1("Incident Priorities, Response and Resolution"),
        C("Priority Levels.", "Provider will assign each Incident a Priority Level when it is logged, using "
          "the table below. Customer may ask Provider to change the Priority Level of an Incident, and "
          "Provider will not unreasonably refuse.", key="sla-priorities"),
        T(("Priority", "Description", "Response time", "Resolution target", "Coverage"),
          ("P1 - Critical", "A Critical System is down, a Security Incident is in progress, or a site "
           "cannot treat patients", "30 minutes", "4 hours", "24x7"),
          ("P2 - High", "A Critical System is degraded, or several users cannot work, with no workaround",
           "1 hour", "8 hours", "24x7"),
          ("P3 - Medium", "One user or a non-critical function is affected, or a workaround exists",
           "4 Business Hours", "2 Business Days", "Business Hours"),
          ("P4 - Low", "A service request, question or cosmetic issue", "1 Business Day",
           "5 Business Days", "Business Hours"),
          widths=(1.0, 2.6, 0.95, 1.0, 0.95)),
        C("Measurement.", "A response occurs when an engineer has acknowledged the Incident to Customer and "
          "started work on it; an Incident is resolved when service is restored, permanently or by an "
          "acceptable workaround. Times run from when the Incident is logged in Provider's ticketing "
          "system, and the resolution clock stops while Provider waits for a third-party vendor to which "
          "it has escalated the Incident."),
        C("Response Target.", "Provider will meet the response time for at least ninety-five percent (95%) "
          'of the Incidents at each Priority Level in each calendar month (the "Response Target"), and '
          "will meet the response time for every P1 Incident."),
        H1("Exclusions", key="sla-exclusions-h"),
        C("", "Downtime and delays caused by the following are excluded when measuring the Availability "
          "Target and the Response Target:", key="sla-exclusions"),
        S("Scheduled Maintenance carried out in accordance with Section {ref:upgrades} of the master terms;"),
        S("a Force Majeure Event;"),
        S("acts or omissions of Customer, including a failure to perform Section {ref:customer} of the "
          "master terms, changes made by Customer or its other contractors without Provider's approval, "
          "and Customer's requests to postpone work;"),
        S("failures of internet access, power supply or third-party services that are outside Provider's "
          "control and are not part of the Supported Environment; and"),
        S("emergency maintenance needed to address an active security threat, provided that Provider "
          "notifies Customer as soon as practicable and limits the work to what is necessary."),
        H1("Service Credits"),
        C("Credits.", "If Provider misses the Availability Target or the Response Target in a calendar month, "
          "Customer is entitled to the following Service Credits, calculated as a percentage of the "
          "monthly Fees for the affected Managed Service:", key="sla-credits"),
        T(("Service Level", "Achieved in the month", "Service Credit"),
          ("Availability of a Critical System", "99.5% to less than 99.9%", "5%"),
          ("Availability of a Critical System", "99.0% to less than 99.5%", "10%"),
          ("Availability of a Critical System", "Less than 99.0%", "20%"),
          ("Response Target (P1)", "Any P1 response time missed", "5% per Incident"),
          ("Response Target (P2 to P4)", "Less than 95% of Incidents", "5%"),
          widths=(2.4, 2.4, 1.7)),
        C("Credit Cap.", "The total Service Credits for any calendar month will not exceed twenty-five "
          "percent (25%) of the total monthly Fees for the Managed Services for that month."),
        C("Claim Procedure.", "Provider will apply the Service Credits shown in a Monthly Service Report to "
          "the next invoice. Customer may claim any other Service Credit by written notice within thirty "
          "(30) days after receiving the Monthly Service Report for the month concerned, identifying the "
          "Service Level missed. Provider will respond within ten (10) Business Days; disputed claims are "
          "resolved under Section {ref:disputes} of the master terms."),
        C("Chronic Failure.", "If Provider misses the Availability Target for the same Critical System in "
          "three (3) consecutive months, or in any four (4) months in a rolling twelve (12) month period, "
          "Customer may terminate this Agreement under Section {ref:sla-termination} of the master terms "
          "by notice given within sixty (60) days after the last such failure.", key="sla-chronic"),
        H1("Reporting and Review"),
        C("Service Level Reporting.", "Each Monthly Service Report will show, for each Critical System, the "
          "availability achieved, each period of Downtime with its cause and any excluded periods, the "
          "response and resolution times of Incidents at each Priority Level, and the Service Credits "
          "accrued. Provider will give Customer read-only access to its monitoring dashboard."),
        C("Review of Service Levels.", "The parties will review the Service Levels at each quarterly service "
          "review under Section {ref:review} of the master terms. The Service Levels may be changed only "
          "by a Change Request signed by both parties."),
    ],
)

# Section numbers of the master agreement, for the statement of work that cites it.
MSA_REFS = resolve_refs(number_blocks(MSA.blocks))

# The legacy agreement's planted defects are listed in samples/README.md and checked by
# tests/test_samples.py; keep the three in step when editing.
LEGACY = Sample(
    name="legacy-msp-agreement",
    title="Managed IT Services Agreement",
    subject="Legacy managed IT services agreement (flawed on purpose)",
    keywords="MSA; legacy; flawed sample",
    created=dt.datetime(2019, 1, 10, 15, 30, 0, tzinfo=dt.timezone.utc),
    footer="Northwind Computer Services - Managed IT Services Agreement",
    font_size=11.5,
    description="A flawed legacy managed-services agreement with classic defects planted on "
    "purpose (see samples/README.md). Fictional parties.",
    blocks=[
        Title("Managed IT Services Agreement"),
        P('This Managed IT Services Agreement is made as of January 15, 2019 (the "Effective Date") by '
          "and between Northwind Computer Services LLC, a New York limited liability company with its "
          'offices at 12 Mill Road, Troy, New York 12180 ("Provider"), and Fabrikam Veterinary Clinic, '
          'LLC, with its principal place of business at [CUSTOMER ADDRESS] ("Customer").'),
        H1("Definitions"),
        C('"Agreement"', "means this Managed IT Services Agreement and any schedules to it."),
        C('"Covered Equipment"', "means the computers, servers, printers and network devices listed in "
          "Schedule A."),
        C('"Customer Data"', "means all data stored on the Covered Equipment."),
        C('"Fees"', "means the monthly fees set out in Section {ref:legacy-fee}."),
        C('"Incident"', "means any failure of the Covered Equipment or the Services that is reported by "
          "Customer to Provider."),
        C('"Services"', "means the managed IT services described in Section {ref:legacy-services}."),
        C('"Uptime"', "means the percentage of time in a calendar month during which the Covered Equipment "
          "is operational and not affected by Downtime."),
        H1("Services", key="legacy-services"),
        C("", "Provider will provide the following Services for the Covered Equipment:"),
        S("remote monitoring of servers and network devices;"),
        S("help desk support by telephone and by email to help@northwind-cs.example during normal "
          "business hours;"),
        S("installation and management of antivirus software;"),
        S("nightly backup of Customer's main server; and"),
        S("on-site support when Provider considers it necessary."),
        C("", "Provider may, in its sole discretion, determine whether any request from Customer falls "
          "within the Services."),
        C("", "Additional work requested by Customer will be billed at Provider's standard hourly rates as "
          "set out in Schedule A."),
        C("", "Provider may use subcontractors to perform any part of the Services."),
        H1("Service Levels"),
        C("", "Provider will use commercially reasonable efforts to maintain Uptime of 99.9% for the "
          "Covered Equipment."),
        C("", "Provider will use commercially reasonable efforts to respond to Incidents within four (4) "
          "hours during normal business hours."),
        C("", "Customer shall report all Critical Incidents to Provider by telephone. Critical Incidents "
          "will be handled before other Incidents."),
        H1("Customer Responsibilities"),
        C("", "Customer shall give Provider access to the Covered Equipment and to Customer's premises "
          "during normal business hours, and shall provide a contact person for all communications about "
          "the Services."),
        C("", "Customer is responsible for obtaining and maintaining licenses for all software installed on "
          "the Covered Equipment."),
        C("", "Customer shall not move, modify or add equipment connected to its network without first "
          "informing Provider."),
        H1("Fees and Payment"),
        C("", "Customer shall pay Provider Fees of $1,850.00 per month, invoiced monthly in advance, made "
          "up as follows:", key="legacy-fee"),
        T(("Item", "Quantity", "Monthly charge"),
          ("Managed workstations", "12", "$900.00"),
          ("Managed servers", "2", "$400.00"),
          ("Firewall management", "1", "$300.00"),
          ("Server backup", "1", "$250.00"),
          ("Total", "", "$1,850.00"),
          widths=(3.3, 1.2, 1.5)),
        C("", "Invoices are due within thirty (45) days of the invoice date."),
        C("", "Late payments bear interest at one and one-half percent (1.5%) per month."),
        C("", "Provider may suspend the Services immediately and without notice if any invoice remains "
          "unpaid."),
        H1("Term and Termination"),
        C("", "This Agreement begins on the Effective Date and continues for an initial term of one (1) "
          "year. Thereafter, this Agreement shall automatically renew for successive one (1) year terms."),
        C("", "Provider may terminate this Agreement at any time for any reason by giving Customer thirty "
          "(30) days' written notice."),
        C("", "Provider may terminate this Agreement immediately if Customer fails to pay any amount when "
          "due."),
        C("", "Upon termination, Customer shall pay all Fees due through the end of the then-current term."),
        H1("Confidentiality"),
        C("", "Each party shall keep confidential the non-public business information of the other party "
          "and shall not disclose it to any third party except as needed to perform this Agreement."),
        C("", "Provider will not access Customer Data except as needed to perform the Services."),
        H1("Non-Solicitation"),
        C("", "During the term of this Agreement and for twelve (12) months afterwards, Customer shall not "
          "hire or engage any employee of Provider who performed the Services. If Customer does so, "
          "Customer shall pay Provider a placement fee equal to the employee's annual salary."),
        H1("Limitation of Liability and Indemnity"),
        C("", "THE SERVICES ARE PROVIDED \"AS IS\". PROVIDER DISCLAIMS ALL WARRANTIES, EXPRESS OR IMPLIED, "
          "INCLUDING ANY IMPLIED WARRANTIES OF MERCHANTABILITY OR FITNESS FOR A PARTICULAR PURPOSE, AND "
          "DOES NOT GUARANTEE THAT THE SERVICES WILL BE UNINTERRUPTED OR THAT CUSTOMER DATA WILL NOT BE "
          "LOST."),
        C("", "IN NO EVENT SHALL PROVIDER BE LIABLE FOR ANY INDIRECT, INCIDENTAL OR CONSEQUENTIAL DAMAGES, "
          "INCLUDING LOSS OF DATA OR LOST PROFITS. PROVIDER'S TOTAL LIABILITY UNDER THIS AGREEMENT SHALL "
          "NOT EXCEED THE FEES PAID BY CUSTOMER IN THE THREE (3) MONTHS BEFORE THE CLAIM."),
        C("", "Customer shall indemnify, defend and hold harmless Provider from any claims, losses or "
          "expenses arising from Customer's use of the Services or the Covered Equipment."),
        H1("Hardware and Software"),
        C("", "Customer may purchase hardware and software through Provider. Provider will invoice "
          "purchases at Provider's then-current prices plus a handling charge of ten percent (10%), "
          "payable in advance."),
        C("", "Title to equipment passes to Customer upon payment in full. Manufacturer warranties are "
          "passed through to Customer, and Provider gives no warranty of its own for third-party "
          "products."),
        C("", "Provider may install remote monitoring software on the Covered Equipment, which Customer "
          "shall not remove or disable while this Agreement is in effect."),
        H1("General"),
        C("Amendments.", "Provider may modify this Agreement at any time by posting the revised terms on its "
          "website. Customer's continued use of the Services after such posting constitutes acceptance of "
          "the modified terms."),
        C("Governing Law.", "This Agreement is governed by the laws of the State of New York. Any dispute "
          "arising under this Agreement shall be brought in the state courts of Rensselaer County, New "
          "York."),
        C("Claims Period.", "Except as set out in Section 9.4, no claim may be brought by Customer under "
          "this Agreement more than six (6) months after it arises."),
        C("Assignment.", "Provider may assign this Agreement without Customer's consent. Customer may not "
          "assign this Agreement without Provider's prior written consent."),
        C("Notices.", "Notices shall be in writing and sent to the addresses set out above."),
        C("Independent Contractor.", "Provider is an independent contractor, and nothing in this "
          "Agreement makes either party the agent or partner of the other."),
        C("Severability.", "If any provision of this Agreement is found to be invalid, the remaining "
          "provisions shall continue in full force and effect."),
        C("Entire Agreement.", "This Agreement, together with Schedule A, is the entire agreement between "
          "the parties and supersedes all prior discussions."),
        Closing("IN WITNESS WHEREOF, the parties have executed this Agreement as of the Effective Date."),
        Signature("Northwind Computer Services LLC", "Fabrikam Veterinary Clinic, LLC"),
    ],
)

SOW = Sample(
    name="sow-network-refresh",
    title="Statement of Work No. 3 - Network Refresh",
    subject="Statement of work under a managed services master agreement",
    keywords="SOW; statement of work; project; sample",
    created=dt.datetime(2025, 9, 10, 14, 0, 0, tzinfo=dt.timezone.utc),
    footer="Northwind Managed IT / Contoso Dental Group - SOW No. 3 (Network Refresh)",
    description="A statement of work for a network refresh project under the sample managed "
    "services agreement. Fictional parties.",
    blocks=[
        Title("Statement of Work No. 3"),
        Subtitle("Network Refresh"),
        P('This Statement of Work No. 3 (this "SOW") is entered into on September 15, 2025 (the "SOW '
          'Effective Date") under the Managed Services Agreement dated March 1, 2025 (the "Master '
          'Agreement") between Northwind Managed IT Ltd. ("Provider") and Contoso Dental Group, P.C. '
          '("Customer"). This SOW is governed by the Master Agreement. Capitalized terms used but not '
          "defined in this SOW have the meanings given in the Master Agreement. If this SOW conflicts "
          "with the Master Agreement, the Master Agreement prevails unless this SOW expressly states "
          "otherwise."),
        H1("Background and Objectives"),
        C("", "Customer's firewalls, switches and wireless access points at its four practices "
          "(Rochester, Pittsford, Webster and Greece) reach the end of vendor support on March 31, 2026. "
          "Customer has asked Provider to replace them and to manage the four sites from a single cloud "
          "console."),
        C("", "The objectives of the project are to:"),
        S("replace the network equipment at all four sites before vendor support ends;"),
        S("separate clinical imaging, office and guest traffic into their own network segments; and"),
        S("complete every cut-over outside patient hours, without loss of practice-management or "
          "imaging data."),
        H1("Scope of Work", key="sow-scope"),
        C("Discovery and Design.", "Provider will survey each site, produce a wireless coverage survey, "
          "and deliver a network design document with an IP addressing plan, firewall rule set, cut-over "
          "plan and test plan."),
        C("Procurement and Staging.", "Provider will prepare the bill of materials, order the equipment on "
          "Customer's behalf once Customer approves the quote, and configure and test all equipment in "
          "Provider's staging lab."),
        C("Deployment and Cut-Over.", "Provider will install the equipment at each site, migrate the "
          "existing connections, test clinical imaging, practice-management and telephone traffic against "
          "the test plan, and remove and label the old equipment for disposal by Customer."),
        C("Documentation and Handover.", "Provider will deliver as-built network diagrams, configuration "
          "backups and an operations runbook, hold one (1) handover session for Customer's office "
          "managers, and add the new equipment to the Supported Environment."),
        C("Post-Deployment Support.", "For thirty (30) days after the last site cut-over, Provider will "
          "correct configuration defects in the new equipment at no additional charge."),
        H1("Deliverables and Milestones", key="sow-milestones"),
        C("", "Provider will deliver the project in the following milestones. Target dates assume that "
          "Customer meets its responsibilities under Section {ref:sow-customer}."),
        T(("Milestone", "Deliverables", "Target date", "Payment"),
          ("M1 - Design approved", "Site surveys, wireless survey, network design document, cut-over and "
           "test plans", "October 17, 2025", "20%"),
          ("M2 - Equipment staged", "Equipment configured and tested in the staging lab; staging test "
           "report", "November 14, 2025", "30%"),
          ("M3 - Sites cut over", "All four sites running on the new equipment; site test reports",
           "January 30, 2026", "30%"),
          ("M4 - Project closed", "As-built documentation, runbook, handover session, closure report",
           "February 27, 2026", "20%"),
          widths=(1.5, 3.0, 1.2, 0.8)),
        H1("Assumptions"),
        C("", "The Fees and dates in this SOW are based on the following assumptions. If an assumption proves "
          "wrong, either party may raise a Change Request under Section {ref:sow-change}."),
        S("the existing structured cabling at each site is Category 6 or better and in working order;"),
        S("Provider can work at each site after 6:00 p.m. on weekdays and all day on Saturdays;"),
        S("the new internet circuits ordered by Customer are live at every site by December 1, 2025;"),
        S("each site needs no more than two (2) cut-over visits; and"),
        S("Customer's imaging and practice-management vendors are available to re-point their systems "
          "during the cut-over windows."),
        H1("Out of Scope"),
        C("", "The following are not included in this SOW and, if requested, will be handled as a Change "
          "Request or as Out-of-Scope Work under the Master Agreement:"),
        S("structured cabling, electrical work and building alterations;"),
        S("changes to the telephone system other than network re-addressing;"),
        S("configuration of imaging devices beyond changing their network addresses;"),
        S("the purchase price of equipment, licenses and vendor support, which Customer pays directly; "
          "and"),
        S("repair of equipment that is not supplied under this SOW."),
        H1("Customer Responsibilities", key="sow-customer"),
        C("", "Customer will:"),
        S("name a project sponsor who can approve deliverables and Change Requests;"),
        S("give Provider access to each site and to the existing equipment during the agreed windows;"),
        S("approve or comment on the network design document within five (5) Business Days after "
          "receiving it;"),
        S("arrange the attendance of its imaging and practice-management vendors at cut-over; and"),
        S("tell its staff about the cut-over windows and any expected interruption."),
        H1("Fees and Labor"),
        C("Fixed Price.", key="sow-fixed", text="The Fees for the work described in Section "
          "{ref:sow-scope} are a fixed price of US$37,850, invoiced on acceptance of each milestone in the percentages shown in Section "
          "{ref:sow-milestones}. The fixed price is based on the following estimate:"),
        T(("Role", "Hourly rate (USD)", "Estimated hours", "Amount (USD)"),
          ("Project manager", "140", "40", "5,600"),
          ("Network and security engineer", "175", "150", "26,250"),
          ("Systems engineer", "150", "40", "6,000"),
          ("Total", "", "230", "37,850"),
          widths=(2.6, 1.3, 1.3, 1.3)),
        C("After-Hours and On-Site Work.", "The fixed price includes all on-site and after-hours work needed "
          "for the cut-overs. This Section overrides Section " + MSA_REFS["after-hours"] + " of the "
          "Master Agreement for this SOW only."),
        C("Additional Work.", "Work outside this SOW that Customer approves under Section {ref:sow-change} "
          "is charged on a time-and-materials basis at the rates in the table above, in increments of "
          "fifteen (15) minutes."),
        C("Expenses.", "Travel to Customer's sites is included in the fixed price. Equipment is invoiced "
          "to Customer directly by the reseller."),
        H1("Acceptance"),
        C("", "When Provider completes a milestone, it will give Customer an acceptance notice with evidence "
          "that the deliverables meet the acceptance criteria in the test plan approved at milestone M1."),
        C("", "Within five (5) Business Days after receiving an acceptance notice, Customer will either "
          "accept the milestone or reject it by written notice describing each failure to meet the "
          "acceptance criteria. Provider will correct the failures and give a new acceptance notice.",
          key="sow-acceptance-window"),
        C("", "A milestone is accepted when Customer accepts it in writing or when Customer does not reject "
          "it within the period in Section {ref:sow-acceptance-window}.", key="sow-accepted"),
        H1("Change Control", key="sow-change"),
        C("", "Either party may request a change to this SOW by Change Request describing the change and "
          "the reason for it. Within three (3) Business Days, Provider will assess its effect on the "
          "scope, deliverables, dates and Fees."),
        C("", "A change takes effect only when both project sponsors have signed the Change Request. Until "
          "then, Provider will continue to perform this SOW unchanged."),
        H1("Project Term"),
        C("", "This SOW starts on the SOW Effective Date and ends when milestone M4 is accepted, unless "
          "terminated earlier under the Master Agreement. The parties expect to complete the project by "
          "February 27, 2026. This SOW does not renew."),
        C("", "If Customer terminates this SOW for convenience, Customer will pay for the milestones "
          "accepted and, at the rates in Section {ref:sow-fixed}, for the work performed toward the "
          "next milestone."),
        H1("Project Contacts"),
        T(("Role", "Provider", "Customer"),
          ("Project sponsor", "Marcus Ellery, Director of Operations", "Dr. Priya Raman, Managing Partner"),
          ("Project manager", "Dana Whitfield", "Leah Okafor, Practice Operations Manager"),
          ("Technical lead", "Tomas Novak, Network Engineer", "Not applicable"),
          widths=(1.6, 2.45, 2.45)),
        Closing("IN WITNESS WHEREOF, the parties have signed this SOW as of the SOW Effective Date."),
        Signature(PROVIDER, CUSTOMER),
    ],
)

SAMPLES = [MSA, LEGACY, SOW]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
