"""Building the section tree of an agreement from its walked paragraphs.

Drafters mark structure in several ways, often mixed in one document: heading styles
(possibly numbered through the style), automatic list numbering ("4.2", "(b)"), numbers
typed by hand ("4.2 Termination.", "ARTICLE IV", "Schedule A") and short bold lines used
as headings. Each section-opening paragraph gets a *family* that says how it nests:

- ``("h", n)``: a heading of outline level n;
- ``("container", rank)``: Schedule/Annex/Exhibit (0), Part (1), Article (2): they close
  everything below them;
- ``("num", depth)``: dotted numbers, "4" < "4.2" < "4.2.1";
- ``("list", kind, wrap)``: item labels such as "(a)", "(iv)", "A.", "(1)": an item is a
  sibling of the nearest open item of the same family, else it nests under the current one;
- ``("pseudo", rank)``: an unnumbered ALL-CAPS (rank 0) or bold (rank 1) caption.

Bullet items are list-item blocks, never sections; numbered clause paragraphs are
sections (so a cross-reference to "Section 9.3" resolves to them) whose title is the
lead-in ("Termination" in "4.2 Termination. Either party may ...") or "". A paragraph that
is all heading becomes ``Section.heading``; a clause paragraph becomes the section's first
block (``Section.heading`` None, ``Section.anchor`` pointing at it).

Labels and titles follow the convention of the Markdown/text reader
(:mod:`slalint.readers.numbering_patterns`), so a Word agreement and its Markdown twin give
the same tree: ``Section.label`` is the number as printed except that a decimal number
drops its closing full stop (Word's "%1." prints "1." -> "1"), keyword numbers are
title-cased ("ARTICLE IV" -> "Article IV") and "Section"/"Clause" is dropped; the
paragraph's own ``label`` stays exactly as Word prints it. Titles are the text as stored,
not as ``w:caps`` displays it. Captions above the title line (a cover page's "Version
Control" and change log, the parties' names) are not sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from slalint.document.model import Anchor, Cell, Paragraph, Row, Section, Table
from slalint.readers.docx.body import RawParagraph, RawTable
from slalint.readers.numbering_patterns import split_run_in_title

_CONTAINER_WORDS = {
    "schedule": 0, "annex": 0, "appendix": 0, "exhibit": 0, "attachment": 0,
    "part": 1, "article": 2,
}
_KEYWORD_LABEL = re.compile(r"(?i)^(article|section|clause|schedule|annex|appendix|exhibit|attachment|part)\s+(\S+?)\.?$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "&", "vs", "per", "under", "upon"}
_ROMAN_LOWER = re.compile(r"^[ivxlc]+$")
_ROMAN_UPPER = re.compile(r"^[IVXLC]+$")
_FMT_KIND = {
    "lowerLetter": "alpha", "upperLetter": "ALPHA", "lowerRoman": "roman", "upperRoman": "ROMAN",
    "decimal": "digit", "decimalZero": "digit", "ordinal": "digit", "cardinalText": "word", "ordinalText": "word",
}
_PSEUDO_STOP = {"and", "between", "by", "to", "or", "of", "dated", "where", "whereas", "between:", "and:"}


@dataclass(slots=True)
class _Open:
    section: Section
    family: tuple
    numdepth: int | None


def _wrap(label: str) -> str:
    if label.startswith("(") and label.endswith(")"):
        return "()"
    if label.endswith(")"):
        return ")"
    if label.endswith("."):
        return "."
    return ""


_DEPTH_CACHE: dict[str, int | None] = {}
_ITEM_INNER = re.compile(r"[A-Za-z]{1,5}|\d{1,3}")
_ROW_LABEL = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z])[.)]?")


def numeric_depth(label: str | None) -> int | None:
    """Depth of a dotted numeric label: "4" -> 1, "4.2." -> 2, "Section 4.2" -> 2."""
    if not label:
        return None
    try:
        return _DEPTH_CACHE[label]
    except KeyError:
        pass
    depth = _numeric_depth(label)
    if len(_DEPTH_CACHE) < 10000:
        _DEPTH_CACHE[label] = depth
    return depth


_SECTION_LABEL_CACHE: dict[str, str] = {}
_DECIMAL_DOT = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.$")


def section_label(label: str | None) -> str | None:
    """A section's label by the convention shared with the Markdown/text reader
    (:mod:`slalint.readers.numbering_patterns`): the number as printed, except that a
    decimal number drops its closing full stop ("4.2." and Word's "%1." -> "4.2", "1"),
    keyword numbers are title-cased ("ARTICLE IV" -> "Article IV", "SCHEDULE A" ->
    "Schedule A") and "Section"/"Clause" is dropped ("Section 4.2" -> "4.2"). Item labels
    ("(a)", "a.", "(iv)") stay as printed."""
    if not label:
        return label
    try:
        return _SECTION_LABEL_CACHE[label]
    except KeyError:
        pass
    clean = label.strip()
    m = _KEYWORD_LABEL.match(clean)
    if m:
        word, ident = m.group(1).lower(), m.group(2).rstrip(".")
        clean = ident if word in ("section", "clause") else f"{word.capitalize()} {ident}"
    elif _DECIMAL_DOT.match(clean):
        clean = clean[:-1]
    if len(_SECTION_LABEL_CACHE) < 10000:
        _SECTION_LABEL_CACHE[label] = clean
    return clean


def _numeric_depth(label: str) -> int | None:
    core = label.strip().rstrip(".")
    m = _KEYWORD_LABEL.match(label.strip())
    if m and m.group(1).lower() in ("section", "clause"):
        core = m.group(2).rstrip(".")
    if _DOTTED.match(core):
        return core.count(".") + 1
    return None


_FAMILY_CACHE: dict[tuple, tuple] = {}


def label_family(rp: RawParagraph, stack: list[_Open]) -> tuple:
    """The nesting family of a labelled paragraph (see the module docstring)."""
    number = rp.number
    auto = rp.label_source == "auto" and number is not None
    key = (rp.label, number.fmt if auto else None, auto and number.ilvl > 0)
    family = _FAMILY_CACHE.get(key)
    if family is None:
        family = _label_family(*key)
        if len(_FAMILY_CACHE) < 10000:
            _FAMILY_CACHE[key] = family
    if family[0] != "?":
        return family
    # "(i)" after "(h)" is a letter; otherwise a roman numeral
    _, letter_kind, roman_kind, wrap, inner = family
    for entry in reversed(stack):
        fam = entry.family
        if fam == ("list", letter_kind, wrap):
            prev = (entry.section.label or "").strip("().")
            if len(prev) == 1 and ord(prev) == ord(inner) - 1:
                return ("list", letter_kind, wrap)
            break
        if fam[0] != "list":
            break
    return ("list", roman_kind, wrap)


def _label_family(raw_label: str | None, auto_fmt: str | None, deeper: bool) -> tuple:
    """The family of a label on its own; ``("?", letter kind, roman kind, wrap, inner)``
    when only the open items can tell a letter from a roman numeral ("(i)")."""
    label = (raw_label or "").strip()
    m = _KEYWORD_LABEL.match(label)
    if m:
        word = m.group(1).lower()
        if word in _CONTAINER_WORDS:
            return ("container", _CONTAINER_WORDS[word])
    depth = numeric_depth(label)
    if depth is not None and not (auto_fmt is not None and depth == 1 and deeper):
        return ("num", depth)
    wrap = _wrap(label)
    inner = label.strip("().")
    if auto_fmt is not None:
        kind = _FMT_KIND.get(auto_fmt, auto_fmt)
        if kind in ("alpha", "roman", "ALPHA", "ROMAN", "digit"):
            return ("list", kind, wrap)
    if inner.isdigit():
        return ("list", "digit", wrap)
    if inner.isalpha():
        lower = inner.islower()
        roman = bool(_ROMAN_LOWER.match(inner) if lower else _ROMAN_UPPER.match(inner))
        letter_kind = "alpha" if lower else "ALPHA"
        roman_kind = "roman" if lower else "ROMAN"
        if not roman:
            return ("list", letter_kind, wrap)
        if len(inner) == 1:
            if inner.lower() in "cdlm":
                return ("list", letter_kind, wrap)
            return ("?", letter_kind, roman_kind, wrap, inner)
        return ("list", roman_kind, wrap)
    shape = re.sub(r"\d+", "9", re.sub(r"[A-Za-z]+", "a", label))
    return ("other", shape)


def _title_case(words: list[str]) -> bool:
    for i, w in enumerate(words):
        w = w.strip("“”\"'()[]")
        if not w:
            continue
        if w[0].isalpha() and not w[0].isupper() and (i == 0 or w.lower() not in _SMALL_WORDS):
            return False
    return True


def lead_in(rp: RawParagraph) -> str:
    """The short heading a clause paragraph opens with: a bold or underlined run ending in
    "." or ":" ("**Termination.** Either party may ..."), a bold parenthesised caption
    ("(Purpose) This SLA ..."), or a run-in heading typed plainly ("Fees. Customer will
    pay ..."). What reads as a heading follows the Markdown/text reader
    (:func:`~slalint.readers.numbering_patterns.looks_like_title`,
    :func:`~slalint.readers.numbering_patterns.split_run_in_title`), so a DOCX agreement
    and its Markdown twin get the same section titles."""
    text = rp.text
    if not text:
        return ""
    for mark in rp.marks:
        if mark.kind != "bold":
            continue
        if text[: mark.start].strip():
            break
        if mark.end >= len(text.rstrip()):
            break
        title = _emphasised_lead(text, mark.end)
        if title:
            return title
        break
    if rp.underlined_lead is not None:
        end = rp.underlined_lead[1]
        if end < len(text.rstrip()):
            title = _emphasised_lead(text, end)
            if title:
                return title
    if text.startswith("(") and any(m.kind == "bold" and m.start <= 1 for m in rp.marks[:2]):
        close = text.find(")")
        if 0 < close <= 80 and text[close + 1:].strip():
            inner = text[1:close].strip()
            if 1 <= len(inner.split()) <= 10:
                return inner
    if text[0].isupper() or text[0].isdigit():
        run_in = split_run_in_title(text)
        if run_in is not None:
            return run_in[0]
    return ""


def _emphasised_lead(text: str, end: int) -> str:
    """The title of a bold or underlined lead-in ``text[:end]`` ended by "." or ":" (inside
    or right after the emphasis), or ""."""
    cand = text[:end].strip()
    following = text[end:].lstrip()[:1]
    if not (cand.endswith((".", ":", "\u2014", "\u2013")) or following in (".", ":")):
        return ""
    title = cand.rstrip(".:\u2014\u2013- ").strip()
    if not title or len(title) > 100 or title[0] in "\"“'‘" or len(title.split()) > 12:
        return ""
    # (the emphasis itself marks a caption, so a sentence-case one such as "Service credit
    # regime." counts, as UK drafting writes them)
    rest = text[end:].lstrip().lstrip(".:\u2014\u2013- ")
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“'‘(_*[" or rest[1:2].isupper()):
        # "Monitoring: continuous monitoring of servers ...": an item of a colon list,
        # not a captioned clause (the Markdown reader reads it the same way)
        return ""
    return title


def _is_sentence(text: str) -> bool:
    words = text.split()
    return len(words) >= 6 and text.rstrip().endswith((".", ";", ",", ":")) or len(words) > 20 or len(text) > 160


def section_title(rp: RawParagraph, heading_style: bool) -> tuple[str, bool]:
    """``(title, whole)``: the section title and whether the whole paragraph is the title."""
    text = rp.text.strip()
    if not text:
        return "", True
    lead = lead_in(rp)
    if lead and len(lead) < len(text.rstrip(".: ")) - 1:
        return lead, False
    if heading_style and not _is_sentence(text):
        return text.rstrip(":").rstrip(".").strip() if not text.endswith("...") else text, True
    words = text.split()
    if ";" in text or text.lower().endswith((" and", " or", " but")):
        return "", False  # a list item ("Benchmarking; and"), not a caption
    if len(words) <= 12 and len(text) <= 100 and not text.endswith((",", ";", ":")) and not _is_sentence(text):
        letters = [c for c in text if c.isalpha()]
        caps = bool(letters) and all(c.isupper() for c in letters)
        if rp.bold_fraction >= 0.9 or caps or (heading_style) or (_title_case(words) and not text.endswith(".")):
            return text.rstrip(".").strip(), True
    return "", False


def is_pseudo_heading(rp: RawParagraph) -> bool:
    """A short unnumbered line set in bold or ALL CAPS that reads as a caption."""
    text = rp.text.strip()
    if not text or rp.in_table or rp.label:
        return False
    words = text.split()
    if len(words) > 12 or len(text) > 100:
        return False
    if text[-1] in ",;" or text[0] in "[{(\"“" or "{" in text or "_" * 3 in text:
        return False
    if text.endswith(".") and len(words) > 5:
        return False
    colon = text.find(":")
    if 0 <= colon < len(text) - 1:
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or text.lower().strip(":") in _PSEUDO_STOP:
        return False
    if rp.bold_fraction >= 0.95:
        return True
    if all(c.isupper() for c in letters) and len(letters) >= 4:
        return True
    return False


_REF_CACHE: dict[str, tuple[str | None, str | None, str]] = {}


def make_ref(label: str | None, parent: Section | None, parents: dict[int, Section] | None = None) -> str | None:
    """The full reference of a section: "(b)" under "12.3" -> "12.3(b)". ``parents`` maps
    ``id(section)`` to its parent, to look further up past unnumbered headings."""
    if not label:
        return None
    kind = _REF_CACHE.get(label)
    if kind is None:
        clean = label.strip().rstrip(".").strip()
        absolute = section_label(label) if _KEYWORD_LABEL.match(clean) or _DOTTED.match(clean) else None
        inner = clean.strip("()")
        kind = (absolute, inner if _ITEM_INNER.fullmatch(inner) else None, clean)
        if len(_REF_CACHE) < 10000:
            _REF_CACHE[label] = kind
    absolute, inner, clean = kind
    if absolute is not None:
        return absolute
    if inner is None:
        return clean
    base = None
    node = parent
    while node is not None:
        if node.ref:
            base = node.ref
            break
        node = parents.get(id(node)) if parents else None
    return f"{base}({inner})" if base else (clean if clean.startswith("(") else f"({inner})")


def to_paragraph(rp: RawParagraph, part: str, kind: str = "paragraph") -> Paragraph:
    level = None
    if rp.number is not None:
        level = rp.number.ilvl
    elif rp.heading_level is not None:
        level = rp.heading_level - 1
    if kind == "paragraph" and rp.label_source == "auto":
        kind = "list_item"
    return Paragraph(
        text=rp.text,
        anchor=Anchor(part, rp.index, 0, None),
        kind=kind,  # type: ignore[arg-type]
        label=rp.label,
        level=level,
        style=rp.style.name if rp.style.id and not rp.style.is_default else None,
        marks=rp.marks,
    )


def to_table(rt: RawTable, part: str) -> Table:
    rows = []
    for raw_row in rt.rows:
        cells = []
        for raw_cell in raw_row:
            cells.append(Cell([to_paragraph(p, part) for p in raw_cell.paragraphs if p.text or p.label]))
        rows.append(Row(cells))
    return Table(rows=rows, anchor=Anchor(part, max(rt.index, 0), 0, None))


def flat_blocks(items, part: str) -> list:
    """Blocks of a story kept apart from the body (headers, footers, notes)."""
    out = []
    for item in items:
        if isinstance(item, RawTable):
            out.append(to_table(item, part))
        elif item.text or item.label:
            kind = "list_item" if item.number is not None else "paragraph"
            out.append(to_paragraph(item, part, kind))
    return out


def row_heading(row) -> tuple[str | None, str] | None:
    """``(label, title)`` when a table row reads as one item of an order form or key-terms
    table: a first cell holding only a number ("5.") followed by a caption, or a short
    bold/Title-Case caption cell followed by the value."""
    cells = [c for c in row if any(p.text or p.label for p in c.paragraphs)]
    if len(cells) < 2:
        return None
    first = [p for p in cells[0].paragraphs if p.text or p.label]
    ftext = " ".join((f"{p.label} {p.text}" if p.label else p.text) for p in first).strip()
    if _ROW_LABEL.fullmatch(ftext):
        second = [p for p in cells[1].paragraphs if p.text]
        title = second[0].text.strip() if second else ""
        if len(title.split()) > 12:
            title = ""
        return ftext, title.rstrip(":").strip()
    if len(first) == 1 and not first[0].label:
        p = first[0]
        words = ftext.split()
        if 1 <= len(words) <= 8 and ftext[0] not in "[{(" and "{" not in ftext and (
            p.bold_fraction >= 0.9 or (_title_case(words) and not ftext.endswith("."))
        ):
            return None, ftext.rstrip(":").strip()
    return None


def _split_table(rt: RawTable, part: str):
    """Yield ``(heading or None, Table)`` chunks of a key-terms table, one per item row."""
    current_head = None
    rows: list = []
    first_index = rt.index
    for raw_row in rt.rows:
        head = row_heading(raw_row)
        if head is not None and rows:
            yield current_head, to_table(RawTable(first_index, rows), part)
            rows = []
        if head is not None:
            current_head = (head, raw_row)
            first_index = next((p.index for c in raw_row for p in c.paragraphs), rt.index)
        rows.append(raw_row)
    if rows:
        yield current_head, to_table(RawTable(first_index, rows), part)


def build_tree(items, part: str, title_index: int | None, pseudo: bool, table_items: bool = False) -> Section:
    """The section tree of the body. ``title_index`` is the w:p ordinal of the paragraph
    used as the document title (kept as a heading block of the root, not a section).
    With ``table_items`` (used for documents that are mostly tables, such as order forms)
    each item row of a key-terms table becomes a section holding that row."""
    root = Section(level=0)
    stack: list[_Open] = [_Open(root, ("root",), None)]
    parents: dict[int, Section] = {}

    def top() -> _Open:
        return stack[-1]

    for item in items:
        if isinstance(item, RawTable):
            if not table_items:
                top().section.blocks.append(to_table(item, part))
                continue
            for head, table in _split_table(item, part):
                if head is None:
                    top().section.blocks.append(table)
                    continue
                (label, title), _row = head
                family = ("list", "row", "")
                _close(stack, family, None)
                parent = top().section
                section = Section(label=section_label(label), title=title, level=parent.level + 1, anchor=table.anchor)
                parents[id(section)] = parent
                section.ref = make_ref(label, parent, parents)
                section.blocks.append(table)
                parent.children.append(section)
                stack.append(_Open(section, family, None))
            continue
        rp = item
        if not rp.text and not rp.label:
            continue
        if rp.index == title_index:
            top().section.blocks.append(to_paragraph(rp, part, "heading"))
            continue
        if rp.in_text_box:
            top().section.blocks.append(to_paragraph(rp, part, "list_item" if rp.number is not None else "paragraph"))
            continue
        family = None
        heading_style = False
        if rp.style.is_title:
            top().section.blocks.append(to_paragraph(rp, part, "heading"))
            continue
        if rp.number is not None and rp.number.is_bullet:
            top().section.blocks.append(to_paragraph(rp, part, "list_item"))
            continue
        direct_list = (
            rp.label_source == "auto" and rp.number is not None and rp.style.num_id is not None
            and rp.number.num_id != rp.style.num_id and numeric_depth(rp.label) is None
        )
        sibling_attachment = None
        if rp.heading_level is not None and rp.label and rp.text:
            # "ANNEX B" given an outline level while "Annex A" (set in a plain annex style)
            # is open: a sibling attachment, not a heading inside Annex A
            fam = label_family(rp, stack)
            if fam[0] == "container" and any(e.family == fam for e in stack):
                sibling_attachment = fam
        if sibling_attachment is not None:
            family = sibling_attachment
        elif rp.heading_level is not None and rp.text and not rp.style.is_toc and not direct_list:
            # (a heading style whose own numbering is overridden by a direct "a." list is a
            # list item drafted in the wrong style, not a heading)
            level = rp.heading_level
            if rp.label_source == "auto" and rp.number is not None:
                # a numbered heading nests as its numbering level shows ("1.4" is a
                # sub-clause even when styled Heading 1)
                level = max(level, rp.number.ilvl + 1)
            family = ("h", level)
            heading_style = True
        elif rp.label and not rp.style.is_toc and rp.text:
            family = label_family(rp, stack)
        elif pseudo and not rp.style.is_toc and not (title_index is not None and rp.index < title_index) and is_pseudo_heading(rp):
            # (captions above the title line are cover-page material - "Version Control",
            # the parties' names, the framework's name - not sections of the agreement)
            letters = [c for c in rp.text if c.isalpha()]
            # ALL-CAPS captions outrank mixed-case ones ("ROLES" > "Service Provider:")
            family = ("pseudo", 0 if all(c.isupper() for c in letters) or rp.style.caps else 1)
        if family is None:
            top().section.blocks.append(to_paragraph(rp, part))
            continue
        numdepth = numeric_depth(rp.label)
        _close(stack, family, numdepth, rp.label)
        parent = top().section
        title, whole = section_title(rp, heading_style)
        if family[0] == "pseudo":
            title, whole = rp.text.strip().rstrip(".:").strip(), True
        para = to_paragraph(rp, part, "heading" if whole else "paragraph")
        # A paragraph that is only a heading is the section's heading; a clause paragraph
        # ("4.2 Termination. Either party may ...") is its first block of content.
        section = Section(
            label=section_label(rp.label),
            title=title,
            level=parent.level + 1,
            anchor=para.anchor,
            heading=para if whole else None,
            blocks=[] if whole else [para],
        )
        parents[id(section)] = parent
        section.ref = make_ref(rp.label, parent, parents)
        parent.children.append(section)
        stack.append(_Open(section, family, numdepth))
    return root


def _close(stack: list[_Open], family: tuple, numdepth: int | None, label: str | None = None) -> None:
    """Pop the open sections the new one does not belong to."""
    label_core = (label or "").strip().rstrip(".") if numdepth is not None and numdepth > 1 else ""
    kind = family[0]
    if kind == "h":
        level = family[1]
        while len(stack) > 1:
            e = stack[-1]
            f = e.family
            if (f[0] == "h" and f[1] < level) or f[0] == "container":
                break
            if label_core and e.numdepth is not None and label_core.startswith((e.section.label or "").strip().rstrip(".") + "."):
                break  # "2.1" styled as a heading stays under the clause "2" it numbers into
            stack.pop()
    elif kind == "container":
        rank = family[1]
        while len(stack) > 1:
            f = stack[-1].family
            if f[0] == "container" and f[1] < rank:
                break
            stack.pop()
    elif kind == "pseudo":
        while len(stack) > 1:
            f = stack[-1].family
            if f[0] in ("h", "container") or (f[0] == "pseudo" and f[1] < family[1]):
                break
            stack.pop()
    elif kind == "num":
        depth = family[1]
        while len(stack) > 1:
            e = stack[-1]
            if e.family[0] in ("list", "other") or (e.numdepth is not None and e.numdepth >= depth and e.family[0] != "h"):
                stack.pop()
                continue
            if e.family[0] == "h" and e.numdepth is not None and e.numdepth >= depth:
                # a numbered heading "4 Fees" followed by a typed "5." sibling clause
                stack.pop()
                continue
            break
    else:
        for pos in range(len(stack) - 1, 0, -1):
            f = stack[pos].family
            if f == family:
                del stack[pos:]
                return
            if f[0] not in ("list", "other"):
                return
