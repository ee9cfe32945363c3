"""Cross-references resolved against the section tree.

A reference resolves when the section it names exists exactly: "Section 9.4" is broken
when only 9.1-9.3 exist, even though 9 exists. "Clause 9.3(b)" resolves to a section
"9.3(b)" or to item "(b)" inside clause 9.3; "paragraph (c)" is read relative to the clause
it sits in; an item may also be written inline in the clause's text ("that: (a) ...; (b)
..."). A range ("Sections 12 to 18", "Sections 12-18") is checked at both ends.
Schedules, exhibits, annexes and appendices resolve when a section or heading
with that label is in the document ("attached"). References into another document
("Section 3 of the Master Agreement", "Section 230 of the Communications Decency Act",
"Call-Off Schedule 5", "Regulation 2016/679, Article 9(1)") are external and never
counted as broken.
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
_OTHER_DOC_AFTER = re.compile(r"^[\s,]*(?:of|under|in|to)\s+(?:the\s+)?(?!this\b|these\b|that\b|(?:Schedule|Exhibit|Annex|Appendix|Attachment|Part|Article|Section|Clause|Paragraph)s?\b)(?:[A-Z][\w.-]*|EU|UK|US)")
_STATUTE_BEFORE = re.compile(r"\b(?:Act|Regulations?|Directive|Code|GDPR|Convention|Treaty|Rules|U\.S\.C\.|C\.F\.R\.)\s*(?:(?:No\.?\s*)?[\d/]+)?\s*[,(]?\s*(?:\u00a7{1,2}\s*)?$")
_CHAINED_REFS = re.compile(r"^(?:\s*(?:,|and|or|to|through)\s*(?:(?:Clauses?|Sections?|Articles?|Paragraphs?)\s+)?(?:\d[\d.]*|[A-Z]\b)(?:\([\w]{1,4}\))*)+")
_WITHIN_ATTACHMENT_BEFORE = re.compile(
    r"\b(?:Schedule|Annex|Appendix|Exhibit|Attachment)\s+[\w.-]{1,6}(?:\s*\([^()]{1,60}\))?\s*,?\s*$", re.I
)


_HYPHENATED_STATUTE = re.compile(r"^\d+-\d{3,}$")
""""Section 5-1401" (of the New York General Obligations Law): a statute's numbering."""


def _points_elsewhere(text: str, start: int, end: int, kind: str) -> bool:
    """The paragraph around a reference names another document: "Article 9(1) of the GDPR",
    "Sections 4 and 5 of the Code", "Courts Act 2003 Section 1(1)", a regulation's number
    ("§ 60-741.4"), or a paragraph inside a named schedule ("Schedule 6 (TUPE Surcharge)
    paragraph 2.1.1")."""
    if kind not in _ATTACHMENT_KINDS and _WITHIN_ATTACHMENT_BEFORE.search(text[max(0, start - 80):start]):
        return True
    if kind not in _ATTACHMENT_KINDS and re.match(r"-\s?\d", text[end:end + 3]):
        return True  # "§ 60-741.4": a regulation's hyphenated number runs on
    after = _CHAINED_REFS.sub("", text[end:end + 120], count=1)
    return bool(_OTHER_DOC_AFTER.match(after[:60]) or _STATUTE_BEFORE.search(text[max(0, start - 40):start]))
_BACK_REFERENCE = re.compile(r"\b(?:that|such)\s+$", re.I)


def roman_to_int(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


_GLUED_ATTACHMENT_HEADING = re.compile(
    r"^\s*(?:(?:SCHEDULE|EXHIBIT|ANNEX|ANNEXURE|APPENDIX|ATTACHMENT)\s+[A-Z0-9]{1,4}\b(?![.,;]?\s+[a-z(])"
    r"|(?:Schedule|Exhibit|Annex|Annexure|Appendix|Attachment)\s+[A-Z0-9]{1,4}(?:\s*[:\u2013\u2014-]|\s+[A-Z][A-Za-z/&,'-]+\b(?<!\bThe)(?<!\bThis)))"
)
_ATTACHMENT_TITLE_LINE = re.compile(
    r"\b(?:SCHEDULE|EXHIBIT|ANNEX|ANNEXURE|APPENDIX|ATTACHMENT)\s+[A-Z0-9]{1,4}\s+(?:TO|To)\s+(?!the\b|this\b)[A-Z][A-Z]+"
)
"""An attachment's title line inside a paragraph of page furniture: "- 48 - TELKOM CONTRACT
NO. 076C/01 ANNEXURE 1 To AGREEMENT between ..." ("Schedule 1 to the Agreement" in a
sentence is a reference)."""
"""An attachment's heading that plain text glued to its first lines ("APPENDIX B FUND/SERV
PROCESSING PROCEDURES ...", "EXHIBIT D CONSTRUCTION SCHEDULE National Youth ..."): the
attachment is there, whatever the paragraph's length. A sentence opening with a
reference ("Schedule A lists the equipment") is not a heading."""


class SectionIndex:
    """Lookup of sections by normalised reference, label and "Kind X" heading."""

    def __init__(self, ctx: AnalysisContext):
        self.by_ref: dict[str, Section] = {}
        self.same_ref: dict[str, list[Section]] = {}
        """Keys that several sections share (a schedule restarting its numbering at 1)."""
        self.attachments: dict[str, Section] = {}
        self.parents: dict[int, Section] = {}
        for section in ctx.document.root.walk():
            for child in section.children:
                self.parents[id(child)] = section
            if section is ctx.document.root:
                continue
            for key in (section.ref, section.label):
                if key:
                    low = normalise_ref(key)
                    first = self.by_ref.setdefault(low, section)
                    if first is not section:
                        self.same_ref.setdefault(low, [first]).append(section)
                    m = re.match(r"^(?:article|part)\s+(\S+)$", low)
                    if m:
                        self.by_ref.setdefault(m.group(1), section)
        title = ctx.document.title
        for unit in ctx.units:
            text = unit.paragraph.display
            if not (unit.is_heading or unit.index < 3 or unit.paragraph.kind == "heading" or len(unit.text) < 80
                    or _GLUED_ATTACHMENT_HEADING.match(text)):
                for m in _ATTACHMENT_TITLE_LINE.finditer(text):
                    self._attachment_heading(m.group(0), unit.section)
                continue
            self._attachment_heading(text, unit.section)
        if title:
            self._attachment_heading(title, ctx.document.root)

    def _attachment_heading(self, text: str, section: Section) -> None:
        m = re.match(r"^\s*(schedule|exhibit|annex|annexure|appendix|attachment)\s+([A-Za-z0-9]{1,4})\b", text, re.I)
        if m:
            kind = "annex" if m.group(1).lower() == "annexure" else m.group(1).lower()
            self.attachments.setdefault(f"{kind} {m.group(2).lower()}", section)

    def find(self, ref: str) -> Section | None:
        return self.by_ref.get(normalise_ref(ref))

    def find_all(self, ref: str) -> list[Section]:
        """Every section numbered ``ref``, first first."""
        key = normalise_ref(ref)
        if key in self.same_ref:
            return list({id(sec): sec for sec in self.same_ref[key]}.values())
        sec = self.by_ref.get(key)
        return [sec] if sec is not None else []


def _expand(targets: tuple[str, ...], is_range: bool) -> list[str]:
    """The targets to check: a range ("Sections 12 to 18") is checked at both ends; a
    number in between that is missing (a deleted clause) is not the reference's fault."""
    return list(targets)


def _inherit_base(targets: list[str]) -> list[tuple[str, str | None]]:
    """In "Section 15(a), (b) and (c)" or "clauses 1(a) to (i)" the bare items belong to
    the clause named first: ("15(b)", "(b)"), ("15(c)", "(c)"), ("1(i)", "(i)"); the bare
    item is kept as a fallback. Other targets come with None."""
    out: list[tuple[str, str | None]] = []
    previous = ""
    for t in targets:
        bare = None
        if t.startswith("(") and previous:
            # "4.1(a)(ii) and (b)(iii)": the bare part replaces as many levels as it has
            levels = len(re.findall(r"\([A-Za-z0-9]+\)", t))
            m = re.match(rf"^(.*?[^(]+?)(?:\([A-Za-z0-9]+\)){{{levels}}}$", previous)
            if m:
                t, bare = m.group(1) + t, t
        previous = t
        out.append((t, bare))
    return out


def _int_to_roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def _item_key(label: str) -> str:
    """"(b)", "b" and "b." name the same item; so do "(5)" and "5"."""
    return normalise_ref(label).strip("(). ")


def _child_item(section: Section, label: str) -> Section | None:
    """The sub-section printed ``label``: "(5)" finds the item numbered "5" of a lettered
    section ("Section B(5)")."""
    key = _item_key(label)
    return next((c for c in section.children if c.label and _item_key(c.label) == key), None)


_INLINE_ITEM = re.compile(r"(?<![\w)])\((?P<label>[a-z]{1,4}|\d{1,2})\)(?=\s)", re.I)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:sub-?)?(?:sections?|paragraphs?|clauses?|items?|subparagraphs?|subclauses?|subsections?)\s*[\w.]*\s*$", re.I
)
_SERIES_START = frozenset({"a", "i", "1"})


def _inline_items(section: Section) -> list[str]:
    """Labels of the items enumerated inside the section's own text ("... that: (a) it
    will ...; (b) the Deliverables ...; (c) ..."), in order; references to items
    ("subsection (b)") are not items."""
    out: list[str] = []
    for p in section.iter_paragraphs(recursive=False):
        for m in _INLINE_ITEM.finditer(p.text):
            if not _REFERENCE_BEFORE.search(p.text[max(0, m.start() - 30):m.start()]):
                out.append(m.group("label").lower())
    return out


def _has_item(section: Section, label: str) -> bool:
    """Does the section hold a sub-section or list item printed ``label`` ("(b)"), or an
    item enumerated inline in its text (a series that starts at (a), (i) or (1))?"""
    key = _item_key(label)
    if _child_item(section, label) is not None:
        return True
    for p in section.iter_paragraphs(recursive=False):
        if p.label and _item_key(p.label) == key:
            return True
    items = _inline_items(section)
    if key in items and bool(_SERIES_START & set(items[: items.index(key) + 1])):
        return True
    # "a. providing notice; and b. paying the charges": plain text glued item b. into item
    # a.'s paragraph; an item of the same list shape is there, and b. is in its text
    if not re.fullmatch(r"[a-z]{1,3}|\d{1,2}", key):
        return False
    shape = _LETTER_LABEL if key.isalpha() else _NUMBER_LABEL
    listed = [p for c in section.children if c.label and shape.fullmatch(c.label.strip())
              for p in c.iter_paragraphs(recursive=False)]
    listed += [p for p in section.iter_paragraphs(recursive=False) if p.label and shape.fullmatch(p.label.strip())]
    rx = re.compile(r"(?:^|\s)\(?" + re.escape(key) + r"[.)]\s", re.I)
    for p in listed:
        for m in rx.finditer(p.text):
            if not _REFERENCE_BEFORE.search(p.text[max(0, m.start() - 30):m.start() + 1]):
                return True
    return False


_LETTER_LABEL = re.compile(r"\(?[A-Za-z]{1,3}[.)]")
_NUMBER_LABEL = re.compile(r"\(?\d{1,2}[.)]")


class Resolver:
    def __init__(self, ctx: AnalysisContext):
        self.ctx = ctx
        self.index = SectionIndex(ctx)

    def resolve(self, kind: str, target: str, unit: Unit) -> Section | None:
        if kind in _ATTACHMENT_KINDS:
            sec = self.index.find(f"{kind} {target}")
            sec = sec or self.index.attachments.get(f"{kind} {target.lower()}")
            part = re.fullmatch(r"([A-Za-z]{1,2})-\d{1,3}", target)
            if sec is None and part:  # "Appendix A-1": page 1 (or part 1) of Appendix A
                sec = self.index.find(f"{kind} {part.group(1)}") or self.index.attachments.get(f"{kind} {part.group(1).lower()}")
            return sec
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
        glued = re.fullmatch(r"(\d+(?:\.\d+)*)([a-zA-Z])", target)
        if glued:  # "Sections 8a - 8c": items (a)-(c) of clause 8
            target = f"{glued.group(1)}({glued.group(2)})"
        m = re.match(r"^(.+?)((?:\([A-Za-z0-9]+\))+)$", target)
        if m:
            items = re.findall(r"\([A-Za-z0-9]+\)", m.group(2))
            for base in self.index.find_all(m.group(1)):  # "4.1(d)": the 4.1 that has a (d)
                found = self._item_of(base, items)
                if found is not None:
                    return found
        return None

    @staticmethod
    def _item_of(base: Section, items: list[str]) -> Section | None:
        cur = base
        for item in items:
            nxt = _child_item(cur, item)
            if nxt is None:
                return cur if _has_item(cur, item) and item == items[-1] else None
            cur = nxt
        return cur

    def _relative(self, label: str, unit: Unit) -> Section | None:
        """"paragraph (c)": an item of the current clause, of its parent, or of the parent's parent."""
        section: Section | None = unit.section
        for _ in range(3):
            if section is None:
                return None
            child = _child_item(section, label)
            if child is not None:
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
    elsewhere: set[tuple[str, tuple[str, ...]]] = set()  # references seen pointing into another document
    for unit in ctx.units:
        if unit.doc is None or unit.is_heading:
            continue
        for m in raw(unit.doc, "slalint_xrefs") or ():
            external = m.external or bool(
                m.kind in _ATTACHMENT_KINDS and _OTHER_DOC_BEFORE.search(unit.text[max(0, m.start - 30):m.start])
            ) or _points_elsewhere(unit.text, m.start, m.end, m.kind)
            if external:
                elsewhere.add((m.kind, m.targets))
            elif (m.kind, m.targets) in elsewhere and _BACK_REFERENCE.search(unit.text[max(0, m.start - 6):m.start]):
                external = True  # "as described in that Section 2.2.1": the other document's, named before
            ev = unit.evidence(m.start, m.end)
            for target, bare in _inherit_base(_expand(m.targets, m.is_range)):
                label = f"{m.kind.capitalize()} {target}" if m.kind in _ATTACHMENT_KINDS else target
                if external or (m.kind not in _ATTACHMENT_KINDS and _HYPHENATED_STATUTE.match(target)):
                    out.append(CrossRef(m.text, m.kind, label, False, ev, None, True))
                    continue
                sec = resolver.resolve(m.kind, target, unit)
                if sec is None and bare:
                    # "Section 8.2(e) or (v)": the bare item may be one of the clause it sits in
                    sec = resolver.resolve(m.kind, bare, unit)
                    label = bare if sec is not None else label
                ext = m.ambiguous_owner and sec is None
                if sec is None and part_of_larger and m.kind in ("section", "clause", "article"):
                    top = re.match(r"^[0-9IVXLCDM]+", target)
                    ext = ext or (top is not None and resolver.index.find(top.group(0)) is None)
                out.append(CrossRef(m.text, m.kind, label, sec is not None, ev, (sec.ref or sec.label or sec.title) if sec else None, ext))
    return out


def broken(refs: Iterable[CrossRef]) -> list[CrossRef]:
    """The internal references that do not resolve."""
    return [r for r in refs if not r.resolved and not r.external]
