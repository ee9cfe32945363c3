"""Cross-references resolved against the section tree.

A reference resolves when the section it names exists exactly: "Section 9.4" is broken
when only 9.1-9.3 exist, even though 9 exists. "Clause 9.3(b)" resolves to a section
"9.3(b)" or to item "(b)" inside clause 9.3; "paragraph (c)" is read relative to the clause
it sits in. Schedules, exhibits, annexes and appendices resolve when a section or heading
with that label is in the document ("attached"). References into another document
("Section 3 of the Master Agreement", "Section 230 of the Communications Decency Act",
"Call-Off Schedule 5") are external and never counted as broken.
"""

from __future__ import annotations

import re
from typing import Iterable

from slalint.analysis.context import AnalysisContext, Unit
from slalint.analysis.facts import CrossRef
from slalint.document import Section, normalise_ref

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_OTHER_DOC_BEFORE = re.compile(r"\b(?:Call[- ]Off|Joint|Framework|Order\s+Form|Master\s+Agreement|MSA)\s*$", re.I)
_ATTACHMENT_KINDS = ("schedule", "exhibit", "annex", "appendix", "attachment")


def roman_to_int(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


class SectionIndex:
    """Lookup of sections by normalised reference, label and "Kind X" heading."""

    def __init__(self, ctx: AnalysisContext):
        self.by_ref: dict[str, Section] = {}
        self.attachments: dict[str, Section] = {}
        self.parents: dict[int, Section] = {}
        for section in ctx.document.root.walk():
            for child in section.children:
                self.parents[id(child)] = section
            if section is ctx.document.root:
                continue
            for key in (section.ref, section.label):
                if key:
                    self.by_ref.setdefault(normalise_ref(key), section)
                    low = normalise_ref(key)
                    m = re.match(r"^(?:article|part)\s+(\S+)$", low)
                    if m:
                        self.by_ref.setdefault(m.group(1), section)
        title = ctx.document.title
        for unit in ctx.units:
            if not (unit.is_heading or unit.index < 3 or unit.paragraph.kind == "heading" or len(unit.text) < 80):
                continue
            self._attachment_heading(unit.paragraph.display, unit.section)
        if title:
            self._attachment_heading(title, ctx.document.root)

    def _attachment_heading(self, text: str, section: Section) -> None:
        m = re.match(r"^\s*(schedule|exhibit|annex|annexure|appendix|attachment)\s+([A-Za-z0-9]{1,4})\b", text, re.I)
        if m:
            kind = "annex" if m.group(1).lower() == "annexure" else m.group(1).lower()
            self.attachments.setdefault(f"{kind} {m.group(2).lower()}", section)

    def find(self, ref: str) -> Section | None:
        return self.by_ref.get(normalise_ref(ref))


def _expand(targets: tuple[str, ...], is_range: bool) -> list[str]:
    if not is_range or len(targets) != 2:
        return list(targets)
    a, b = targets
    ma, mb = re.match(r"^(.*?)(\d+)$", a), re.match(r"^(.*?)(\d+)$", b)
    if ma and mb and ma.group(1) == mb.group(1):
        lo, hi = int(ma.group(2)), int(mb.group(2))
        if 0 < hi - lo <= 30:
            return [f"{ma.group(1)}{n}" for n in range(lo, hi + 1)]
    ra, rb = roman_to_int(a), roman_to_int(b)
    if ra and rb and 0 < rb - ra <= 30 and a.isupper():
        return [_int_to_roman(n) for n in range(ra, rb + 1)]
    return list(targets)


def _int_to_roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def _has_item(section: Section, label: str) -> bool:
    """Does the section hold a sub-section or list item printed ``label`` ("(b)")?"""
    key = normalise_ref(label)
    for child in section.children:
        if normalise_ref(child.label or "") == key:
            return True
    for p in section.iter_paragraphs(recursive=False):
        if p.label and normalise_ref(p.label) == key:
            return True
    return False


class Resolver:
    def __init__(self, ctx: AnalysisContext):
        self.ctx = ctx
        self.index = SectionIndex(ctx)

    def resolve(self, kind: str, target: str, unit: Unit) -> Section | None:
        if kind in _ATTACHMENT_KINDS:
            sec = self.index.find(f"{kind} {target}")
            return sec or self.index.attachments.get(f"{kind} {target.lower()}")
        if kind == "article":
            for key in (f"article {target}", target):
                sec = self.index.find(key)
                if sec:
                    return sec
            n = roman_to_int(target)
            if n:
                return self.index.find(str(n)) or self.index.find(f"article {n}")
            if target.isdigit():
                return self.index.find(f"article {_int_to_roman(int(target))}") or self.index.find(_int_to_roman(int(target)))
            return None
        if target.startswith("("):
            return self._relative(target, unit)
        sec = self.index.find(target)
        if sec:
            return sec
        m = re.match(r"^(.+?)((?:\([A-Za-z0-9]+\))+)$", target)
        if m:
            base = self.index.find(m.group(1))
            items = re.findall(r"\([A-Za-z0-9]+\)", m.group(2))
            if base is not None:
                cur: Section | None = base
                for item in items:
                    nxt = next((c for c in cur.children if normalise_ref(c.label or "") == item.lower()), None) if cur else None
                    if nxt is None:
                        return base if cur is not None and _has_item(cur, item) and item == items[-1] else None
                    cur = nxt
                return cur
        return None

    def _relative(self, label: str, unit: Unit) -> Section | None:
        """"paragraph (c)": an item of the current clause, of its parent, or of the parent's parent."""
        section: Section | None = unit.section
        for _ in range(3):
            if section is None:
                return None
            for child in section.children:
                if normalise_ref(child.label or "") == label.lower():
                    return child
            if _has_item(section, label):
                return section
            section = self.index.parents.get(id(section))
        return None


def find_xrefs(ctx: AnalysisContext) -> list[CrossRef]:
    """Every cross-reference with its resolution. In a document that is one part of a
    larger contract (an order form, SOW or schedule naming the main terms), a reference to
    a clause whose top-level number does not exist here points into the main terms and is
    external; "9.4" with a clause 9 present stays broken."""
    from slalint.analysis.extensions import raw
    from slalint.analysis.terms import parent_document

    resolver = Resolver(ctx)
    part_of_larger = parent_document(ctx) is not None
    out: list[CrossRef] = []
    for unit in ctx.units:
        if unit.doc is None or unit.is_heading:
            continue
        for m in raw(unit.doc, "slalint_xrefs") or ():
            external = m.external or bool(
                m.kind in _ATTACHMENT_KINDS and _OTHER_DOC_BEFORE.search(unit.text[max(0, m.start - 30):m.start])
            )
            ev = unit.evidence(m.start, m.end)
            for target in _expand(m.targets, m.is_range):
                label = f"{m.kind.capitalize()} {target}" if m.kind in _ATTACHMENT_KINDS else target
                if external:
                    out.append(CrossRef(m.text, m.kind, label, False, ev, None, True))
                    continue
                sec = resolver.resolve(m.kind, target, unit)
                ext = m.ambiguous_owner and sec is None
                if sec is None and part_of_larger and m.kind in ("section", "clause", "article"):
                    top = re.match(r"^[0-9IVXLCDM]+", target)
                    ext = ext or (top is not None and resolver.index.find(top.group(0)) is None)
                out.append(CrossRef(m.text, m.kind, label, sec is not None, ev, (sec.ref or sec.label or sec.title) if sec else None, ext))
    return out


def broken(refs: Iterable[CrossRef]) -> list[CrossRef]:
    """The internal references that do not resolve."""
    return [r for r in refs if not r.resolved and not r.external]
