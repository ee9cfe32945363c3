"""The DOCX reader: a Word agreement -> :class:`slalint.document.Document`.

``read_docx(path)`` opens the file read-only, checks it is a sane DOCX package (see
:mod:`.package`), resolves styles and numbering once, walks the body XML in document order
(:mod:`.body`) and builds the section tree (:mod:`.outline`). Headers, footers, footnotes and
endnotes are kept apart from the body in ``Document.parts``; existing Word comments become
``Document.comments``.

For code that writes back into the same file (Word comments on exact words),
:func:`paragraph_runs` and :func:`iter_part_runs` map a paragraph's text offsets to its
``w:r`` elements with the same rules the reader used.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
from pathlib import Path

from slalint.document.model import BODY, Anchor, Comment, Document, Metadata
from slalint.errors import DocumentReadError
from slalint.readers.docx.body import PartWalker, RawParagraph, RawTable, iter_part_runs, paragraph_runs, split_typed_label
from slalint.readers.docx.numbering import Numbering, NumberingCounter
from slalint.readers.docx.outline import build_tree, flat_blocks, is_pseudo_heading
from slalint.readers.docx.package import Package, open_package, parse_xml
from slalint.readers.docx.styles import StyleSheet
from slalint.readers.docx.xml import W

__all__ = ["read_docx", "paragraph_runs", "iter_part_runs", "split_typed_label"]

_TITLE_WORDS = re.compile(
    r"(?i)\b(agreement|terms|contract|schedule|order|addendum|nda|statement of work|sla|service levels?|conditions|"
    r"licen[cs]e|polic(y|ies)|specification|requirements|annex|deed|memorandum)\b"
)
_NOT_TITLE = re.compile(r"(?i)^\s*(how to|examples?|instructions?|guidance|interpreting|note|drafting note)\b")
_SCHEDULE_TITLE = re.compile(r"(?i)\b(schedule|annex|appendix|exhibit|attachment)\s+[0-9A-Z]")
_GENERIC_TITLES = re.compile(r"(?i)^(document\d*|microsoft word.*|template|untitled|title|slide \d+|\s*)$")


def _rel_targets(rels: dict, kind: str) -> list[str]:
    return [target for rtype, target, mode in rels.values() if mode != "External" and rtype.rsplit("/", 1)[-1] == kind]


def _core_properties(pkg: Package) -> dict[str, str]:
    out: dict[str, str] = {}
    core_name = None
    for rtype, target, _mode in pkg.rels("").values():
        if rtype.endswith("/core-properties"):
            core_name = target
    if core_name is None and pkg.has("docProps/core.xml"):
        core_name = "docProps/core.xml"
    if core_name is None or not pkg.has(core_name):
        return out
    try:
        root = pkg.xml(core_name)
    except DocumentReadError:
        return out  # broken metadata never blocks reading the agreement
    for el in root:
        if not isinstance(el.tag, str):
            continue
        local = el.tag.rsplit("}", 1)[-1]
        text = (el.text or "").strip()
        if text:
            out[local] = text
    return out


def _comments(pkg: Package, target: str | None) -> dict[str, tuple[str | None, str]]:
    if not target or not pkg.has(target):
        return {}
    root = pkg.xml(target)
    out = {}
    for c in root.iter(f"{W}comment"):
        cid = c.get(f"{W}id")
        if cid is None:
            continue
        walker = PartWalker(c, StyleSheet(), None)
        texts = [walker.segments(p)[0].strip() for p in c.iter(f"{W}p")]
        out[cid] = (c.get(f"{W}author"), "\n".join(t for t in texts if t))
    return out


def read_docx(path: str | os.PathLike[str]) -> Document:
    """Read a Word agreement into the document model. Raises DocumentReadError."""
    p = Path(path)
    name = str(path)
    pkg = open_package(p)
    # The reader allocates many small objects and no reference cycles of its own: pausing
    # the cyclic garbage collector meanwhile saves about a tenth of the time.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read(pkg, name)
    except DocumentReadError:
        raise
    except RecursionError:
        raise DocumentReadError(name, "document structure is nested too deeply") from None
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:  # defensive: malformed parts
        raise DocumentReadError(name, f"malformed DOCX content ({type(exc).__name__}: {exc})") from None
    finally:
        if gc_was_enabled:
            gc.enable()


def _read(pkg: Package, name: str) -> Document:
    main = pkg.main_part
    doc_bytes = pkg.read(main)
    root = parse_xml(doc_bytes, main, name)
    rels = pkg.rels(main)
    styles_t = _rel_targets(rels, "styles")
    numbering_t = _rel_targets(rels, "numbering")
    styles = StyleSheet(pkg.xml(styles_t[0]) if styles_t and pkg.has(styles_t[0]) else None)
    numbering = Numbering(pkg.xml(numbering_t[0]) if numbering_t and pkg.has(numbering_t[0]) else None, styles)

    if isinstance(root.tag, str) and root.tag.startswith("{http://purl.oclc.org/ooxml/"):
        raise DocumentReadError(name, "Strict Open XML documents are not supported; save it as a standard Word document (.docx)")
    body = next(root.iterchildren(f"{W}body"), None)
    if body is None:
        raise DocumentReadError(name, f"not a Word document: {main} has no w:body")
    walker = PartWalker(root, styles, NumberingCounter(numbering), rels, numbering)
    items = list(walker.walk(body))

    core = _core_properties(pkg)
    title_index, title = _find_title(items, core)
    heading_paras = sum(1 for it in items if isinstance(it, RawParagraph) and it.heading_level is not None and it.text and not it.style.is_toc)
    tree = build_tree(items, BODY, title_index, pseudo=heading_paras < 3)
    if not tree.children and any(isinstance(it, RawTable) for it in items):
        # an order form made of tables: its numbered or captioned rows are the sections
        tree = build_tree(items, BODY, title_index, pseudo=True, table_items=True)
    tree.title = title or ""

    parts: dict[str, list] = {}
    for kind in ("header", "footer"):
        targets = sorted(_rel_targets(rels, kind), key=_part_sort_key)
        for target in targets:
            if not pkg.has(target):
                continue
            part_root = pkg.xml(target)
            part_name = Path(target).stem
            pw = PartWalker(part_root, styles, NumberingCounter(numbering), pkg.rels(target), numbering)
            parts[part_name] = flat_blocks(pw.walk(part_root), part_name)
    for kind, item_tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        for target in _rel_targets(rels, kind)[:1]:
            if not pkg.has(target):
                continue
            part_root = pkg.xml(target)
            pw = PartWalker(part_root, styles, NumberingCounter(numbering), pkg.rels(target), numbering)
            blocks = []
            start = 0
            for note in part_root.iter(f"{W}{item_tag}"):
                if note.get(f"{W}type") not in ("separator", "continuationSeparator", "continuationNotice"):
                    blocks.extend(flat_blocks(pw.walk(note, start), kind))
                start += sum(1 for _ in note.iter(f"{W}p"))
            if blocks:
                parts[kind] = blocks

    comments_t = _rel_targets(rels, "comments")
    comment_texts = _comments(pkg, comments_t[0] if comments_t else None)
    comments = _anchor_comments(comment_texts, walker)

    doc = Document(
        path=name,
        metadata=Metadata(
            source_format="docx",
            sha256=hashlib.sha256(pkg.data).hexdigest(),
            title=title,
            core_properties=core,
            has_tracked_changes=walker.tracked,
            has_comments=bool(comment_texts),
        ),
        root=tree,
        parts=parts,
        comments=comments,
    )
    doc.metadata.word_count = words = _word_count(items)
    if words == 0:
        raise DocumentReadError(name, "empty document: no text")
    return doc


def _word_count(items) -> int:
    """Words of the body as printed (labels included), tables included."""
    words = 0
    for it in items:
        paras = [rp for row in it.rows for cell in row for rp in cell.paragraphs] if isinstance(it, RawTable) else (it,)
        for rp in paras:
            words += len(rp.text.split())
            if rp.label:
                words += len(rp.label.split())
    return words


def _part_sort_key(target: str) -> tuple[str, int]:
    stem = Path(target).stem
    m = re.match(r"([a-z]+)(\d*)$", stem)
    if m:
        return m.group(1), int(m.group(2) or 0)
    return stem, 0


def _find_title(items, core: dict[str, str]) -> tuple[int | None, str | None]:
    """The document title: a Title-style paragraph, else the core-properties title, else a
    short caption line that opens the document. Returns (w:p index to keep out of the
    section tree, title)."""
    for it in items:
        if isinstance(it, RawParagraph) and it.style.is_title and it.text and not it.in_table and not it.in_text_box:
            return it.index, it.text.strip()
    # A caption naming the kind of agreement ("... Services Agreement", "Core Terms"), on
    # the cover page: before the first numbered clause or heading.
    # A caption naming the kind of agreement ("... Services Agreement", "Core Terms",
    # "Call-Off Schedule 4"), on the cover page: before the first numbered clause or
    # heading. A schedule's own name beats the framework agreement it belongs to.
    found = None
    for it in items[:120]:
        if not isinstance(it, RawParagraph) or it.in_table or it.in_text_box or not it.text:
            continue
        candidate = (
            not it.label and _TITLE_WORDS.search(it.text) and len(it.text.split()) <= 14
            and it.text.strip()[-1:] not in ".,;:" and not _NOT_TITLE.match(it.text)
            and (is_pseudo_heading(it) or (it.heading_level == 1 and it.number is None))
        )
        if candidate:
            if found is None or (_SCHEDULE_TITLE.search(it.text) and not _SCHEDULE_TITLE.search(found.text)):
                found = it
        if (it.label and not (it.number is not None and it.number.is_bullet)) or it.heading_level is not None:
            break
    if found is not None:
        return found.index, " ".join(found.text.split())
    first = None
    for it in items[:40]:
        if isinstance(it, RawTable):
            break
        if it.text and not it.in_text_box:
            first = it
            break
    if first is not None and _NOT_TITLE.match(first.text):
        first = None
    first_is_caption = (
        first is not None and not first.label and first.heading_level is None and is_pseudo_heading(first)
    )
    core_title = core.get("title", "").strip()
    if core_title and not _GENERIC_TITLES.match(core_title):
        if first_is_caption and first.text.strip().lower() == core_title.lower():
            return first.index, core_title
        return None, core_title
    if first_is_caption:
        return first.index, first.text.strip()
    if first is not None and not first.label and first.heading_level is None:
        text = first.text.strip()
        words = text.split()
        if 1 <= len(words) <= 10 and text[-1:] not in ".,;:" and text[:1].isupper() and "{" not in text and sum(
            1 for w in words if w[:1].isupper() or not w[:1].isalpha()
        ) >= len(words) * 0.6:
            return first.index, text
    return None, None


def _anchor_comments(texts: dict[str, tuple[str | None, str]], walker: PartWalker) -> list[Comment]:
    out = []
    for cid, (author, text) in texts.items():
        ca = walker.comments.get(cid)
        if ca is None or ca.start is None:
            continue
        (sp, so) = ca.start
        (ep, eo) = ca.end if ca.end is not None else ca.start
        start_rp = walker.texts.get(sp)
        if start_rp is None:
            # the range starts in a paragraph the reader does not keep (e.g. in a text box)
            continue
        s = max(0, min(so - start_rp.text_offset, len(start_rp.text)))
        if ep == sp:
            e = max(s, min(eo - start_rp.text_offset, len(start_rp.text)))
            quote = start_rp.text[s:e]
            anchor = Anchor(BODY, sp, s, e)
        else:
            pieces = [start_rp.text[s:]]
            for idx in range(sp + 1, ep + 1):
                rp = walker.texts.get(idx)
                if rp is None:
                    continue
                if idx == ep:
                    pieces.append(rp.text[: max(0, eo - rp.text_offset)])
                else:
                    pieces.append(rp.text)
            quote = "\n".join(pieces)
            anchor = Anchor(BODY, sp, s, None)
        out.append(Comment(text=text, anchor=anchor, author=author, quote=quote, id=cid))
    return out
