"""Builds small DOCX packages from WordprocessingML snippets for the DOCX reader tests.

Writing the XML directly (rather than through python-docx) lets a test state exactly the
markup Word produces: numbering definitions, content controls, tracked changes, fields.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{RT}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""


def p(text: str = "", style: str | None = None, num: tuple[int, int] | None = None, bold: bool = False, extra_ppr: str = "") -> str:
    """One paragraph with a single run."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += extra_ppr
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}</w:p>"


def r(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def styles_xml(extra: str = "") -> str:
    """Word's built-in headings and Title, plus ``extra`` style definitions."""
    headings = "".join(
        f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/><w:basedOn w:val="Normal"/>'
        f'<w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        for n in range(1, 4)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS_DECL}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'
        f"{headings}{extra}</w:styles>"
    )


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numbering_xml(abstracts: dict[int, str], nums: dict[int, int | tuple[int, str]]) -> str:
    """``abstracts``: abstractNumId -> levels XML; ``nums``: numId -> abstractNumId, or
    (abstractNumId, override XML)."""
    body = "".join(f'<w:abstractNum w:abstractNumId="{aid}">{lv}</w:abstractNum>' for aid, lv in abstracts.items())
    for nid, spec in nums.items():
        aid, extra = (spec, "") if isinstance(spec, int) else spec
        body += f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{extra}</w:num>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS_DECL}>{body}</w:numbering>'


def make_docx(
    path: Path,
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    comments: str | None = None,
    footnotes: str | None = None,
    headers: dict[str, str] | None = None,
    core: dict[str, str] | None = None,
    hyperlinks: dict[str, str] | None = None,
    raw_document: bytes | None = None,
) -> Path:
    """Write a DOCX package whose body is ``body`` (a sequence of w:p / w:tbl XML)."""
    rels = []
    files: dict[str, bytes | str] = {}
    if styles is not None:
        rels.append(("styles", "styles.xml"))
        files["word/styles.xml"] = styles
    if numbering is not None:
        rels.append(("numbering", "numbering.xml"))
        files["word/numbering.xml"] = numbering
    if comments is not None:
        rels.append(("comments", "comments.xml"))
        files["word/comments.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:comments {NS_DECL}>{comments}</w:comments>'
    if footnotes is not None:
        rels.append(("footnotes", "footnotes.xml"))
        files["word/footnotes.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {NS_DECL}>{footnotes}</w:footnotes>'
    for name, xml in (headers or {}).items():
        kind = "header" if name.startswith("header") else "footer"
        tag = "hdr" if kind == "header" else "ftr"
        rels.append((kind, f"{name}.xml"))
        files[f"word/{name}.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:{tag} {NS_DECL}>{xml}</w:{tag}>'
    rel_xml = "".join(f'<Relationship Id="rId{i + 10}" Type="{RT}/{kind}" Target="{target}"/>' for i, (kind, target) in enumerate(rels))
    for rid, url in (hyperlinks or {}).items():
        rel_xml += f'<Relationship Id="{rid}" Type="{RT}/hyperlink" Target="{url}" TargetMode="External"/>'
    files["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel_xml}</Relationships>'
    )
    files["word/document.xml"] = raw_document if raw_document is not None else (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS_DECL}><w:body>{body}</w:body></w:document>'
    )
    core = core or {}
    core_body = "".join(
        f"<{k}>{v}</{k}>" for k, v in (("dc:" + key if key in ("title", "subject", "creator") else "cp:" + key, val) for key, val in core.items())
    )
    files["docProps/core.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        f"{core_body}</cp:coreProperties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        for name, data in files.items():
            zf.writestr(name, data)
    return path
