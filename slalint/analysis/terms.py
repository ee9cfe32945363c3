"""The glossary of defined terms, their uses, and capitalised terms that are never defined.

A defined term is a promise: wherever the capitalised words appear, they carry the
definition. The glossary records, for each term, its definition and where it is made, and
every use (plural, possessive and case variants), flagging uses before the definition,
uses inside another term's definition and lowercase uses. Definitions come from
``slalint_defined_terms`` (quoted terms) plus what needs the document's layout: bold-only
terms and "Term: ..." paragraphs in a definitions section, and definitions tables.

Undefined-term candidates are capitalised words used as if defined ("the Critical
Incident", "minus Downtime") that no definition, party name, proper noun or the project
vocabulary accounts for. Peer tools ship this check switched off because it is noisy;
here every source of noise is removed on purpose: sentence-opening runs (often a heading
run into its sentence: "Customer Care IBM will provide"), headings and short table labels,
all-caps text, quoted titles, placeholders, references ("Schedule 2"), statutes ("... Act"),
organisations, funds, places, people, months, products, names of policies and pages,
pieces of a longer known phrase ("Pre-Existing Materials", "Central or South America"),
and runs holding a verb ("Source Code Is"). A single word needs more: not written in
lower case as often in the same document ("the Hardware" beside "any hardware"), not only
a label on a lower-case noun ("Next business day"), not a head noun pointing back to a
longer term ("such Index"), not one word of a name ("Center for Excellence", "Workers'
Compensation", "Galacticomm, Inc."). What remains must presuppose a definition:
used at least twice, or once where that one use is telling (it extends a defined term,
"Critical Incident" with "Incident" defined; it sits in another term's definition; it is a
confidentiality role, "Recipient", in a document whose parties are called something else).
At most `MAX_CANDIDATES` are reported, the best-evidenced first.

Documents that say their capitalised terms are defined elsewhere (`external_glossaries`)
are handled by `external_scope`:

* ``"glossary"``: the other document defines everything (the Agreement an addendum
  belongs to, the Standard Terms, a master agreement, CCS's Joint Schedule 1, the contract
  a numbered schedule is attached to, the terms an amendment modifies). Nothing is
  reported unless the caller supplies that document's terms (``external_terms``), in which
  case the document is checked as if self-standing against them.
* ``"variables"``: a Cover Page, Order Form or Key Terms fills in the variables (or the
  document only mentions companion terms without saying its capitals are defined there).
  Variables are Title-case phrases ("Notice Address", "Subscription Period"), so only
  single words are reported, minus the commercial nouns such a companion fills in
  (``models/vocabulary/variables.txt``: Fees, Deliverables, Users...). This keeps real
  slips visible ("Recipient" and "Discloser" in an agreement between "Company" and
  "Contractor").

A list of terms "that mean the same as in the base terms" defines each listed term as
``how="external"``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from slalint.analysis.components.defined_terms import DefinitionMatch, clean_term
from slalint.analysis.contents import runs_into_contents
from slalint.analysis.context import AnalysisContext, Unit
from slalint.analysis.extensions import raw
from slalint.analysis.facts import DefinedTerm, Evidence, Party, TermUse, UndefinedTerm
from slalint.analysis.vocabulary import known_names, word_list
from slalint.document import Section

if TYPE_CHECKING:
    from spacy.language import Language

DEFINITIONS_TITLE = re.compile(r"\b(?:definitions?|interpretation|glossary|defined\s+terms|meaning\s+of\s+terms)\b", re.I)
_TABLE_HEADER = re.compile(r"^\s*(?:defined\s+)?(?:terms?|definitions?|expressions?|words?|meaning|phrase)\s*$", re.I)
_COLON_DEF = re.compile(r"^\s*[\"\u201c]?(?P<term>[A-Z][\w'\u2019&/()-]*(?:\s+[\w'\u2019&/()-]+){0,6}?)[\"\u201d]?\s*(?::|\s[\u2013\u2014-])\s+\S")
_MEANS_AFTER = re.compile(r"^\s*[\"\u201d]?\s*(?:[:,\u2013\u2014-]\s*)?(?:means|shall\s+mean|will\s+mean|has\s+the\s+meaning|refers\s+to)\b|^\s*[:\u2013\u2014]", re.I)
_INCORPORATED = re.compile(
    r"(?:(?i:capitali[sz]ed|defined)\s+(?:terms?|words?)|\bVariables)\b[^.]{0,160}?\b(?:have|has|shall\s+have|will\s+have|bear|are\s+given|are\s+defined)\b"
    r"[^.]{0,80}?\b(?:meanings?|defined)\s+(?:(?:or\s+descriptions?\s+)?(?:given|ascribed|assigned|attributed|set\s+(?:forth|out)|provided|specified|defined|as)\s+)?"
    r"(?:(?:to\s+(?:them|it|such\s+terms?)|thereto|therefor)\s+)?(?:(?:as\s+)?(?:set\s+(?:forth|out)\s+)?)?(?:in|under|by|on)\s+"
    r"(?:the\s+|our\s+|any\s+|an?\s+|each\s+)?(?P<doc>[A-Z{\[][\w{}\[\]-]*(?:\s+[A-Z{\[][\w{}\[\]-]*){0,5})"
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|[A-Za-z]|\d[\d.,]*|\S")
_TITLE_WORD = re.compile(r"^[A-Z][a-z][a-z'\u2019-]*$|^[A-Z][a-z]$")
_INITIAL_PREFIX = re.compile(
    r"^[\s\W_]*(?:(?:\(?[a-z0-9]{1,4}[.)]|\([ivxlc]{1,5}\)|[\[(]\s*[x\u2713\u2714\u2612\u2610]?\s*[\])]|\u2022|-|(?-i:o)(?=\s))[\s\W_]*)?$", re.I
)
_AFTER_BREAK = re.compile(
    r"(?:[:;](?:\s*(?:and|or))?|\([a-z0-9]{1,4}\)|\([ivxlc]{1,5}\)|[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043\u27a2*]|(?<![\w'\u2019])(?-i:o)(?=\s)|\s-\s|\u2013|\u2014)[\s\"\u201c(]*$",
    re.I,
)
"""Right after a break inside a sentence: a colon or semicolon, a list marker ("(a)",
"\u2022", and the "o" bullet EDGAR text uses for sub-lists), a dash."""
_STATUTE_WORDS = frozenset(
    "act acts regulation regulations directive directives code codes convention treaty ordinance statute statutes law laws rules standard standards framework".split()
)
_ORG_WORDS = frozenset(
    "inc incorporated ltd limited llc llp plc corp corporation co company gmbh ag university college bank council department ministry agency "
    "commission association institute foundation holdings trust court tribunal board committee fund funds portfolio".split()
)
_ORG_SUFFIX_AFTER = re.compile(r"^\s*,?\s*(?:Inc|Ltd|Limited|LLC|L\.L\.C|LLP|PLC|Corp|Corporation|Co|GmbH|AG|S\.A|B\.V|N\.V|P\.C|Pty)\b\.?")
_REFERENCE_AFTER = re.compile(r"^\s*(?:No\.?\s*)?(?:\d|[IVX]+\b|[A-Z]\b|\()")
_CONNECTORS = frozenset({"of"})
_WINDOW = 300
"""How far before a candidate to look for an opening quote, bracket or parenthesis: a
bounded window keeps the scan linear on very long paragraphs."""
_STATUTE_ANYWHERE = frozenset("act convention treaty directive regulation regulations".split())
_ORG_ANYWHERE = frozenset("department ministry university college bank agency commission institute foundation court tribunal".split())
_STATUTE_TAIL = re.compile(
    r"^\s+(?:(?:and|&)\s+)?(?:(?:[A-Z][\w'\u2019-]*|and|&|for|of|on|in|the)\s+){0,6}(?:Act|Regulations?|Directive|Code|Rules|[A-Z][\w]*-[\w-]+\s+Law)\b"
)
"""The run is the first words of a statute's name: "Children's Online Privacy Protection
Act", "Gramm-Leach-Bliley and ... Act"."""
_OWNER_IN_PARENS = re.compile(r"^(?:['\u2019]s)?\s*\((?:[A-Z][\w&.-]*\s*){1,4}(?:FZLLC|FZ-LLC|Inc|Ltd|LLC|GmbH|Corp|Limited|plc|PLC|S\.A|B\.V)\.?\)")
_SECTION_TITLE_BEFORE = re.compile(r"\b(?:Section|Clause|Schedule|Part|Annex|Appendix|Article)\s+[\w.]+\s*[:\u2013\u2014-]\s*$")
_ADDRESS_WORDS = frozenset(
    "road street st avenue ave lane drive boulevard blvd way house estate park building floor suite square place court county counties "
    "parkway highway plaza centre center tower".split()
) - {"center", "centre"}
_ADDRESS_AFTER = re.compile(
    r"^(?:,?\s+[A-Z][\w.'-]*){0,3},\s+(?:[A-Z][\w.'-]*\s*){1,3}(?:,\s*)?(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|[A-Z]{2}\s+\d{5}\b|\d{5}(?:-\d{4})?\b)"
    r"|^,\s+(?:[A-Z][\w.'-]*\s*){1,3},\s+(?:[A-Z][\w.'-]*\s*){1,3}(?:,|$)"
)
"""After a run: the rest of a postal address (town, county, postcode or ZIP code)."""
_DOCUMENT_WORDS = frozenset(
    "policy policies guidelines guideline terms agreement agreements addendum statement program programme page settings portal repository website site "
    "rider riders packet appendix appendices exhibit schedule annex annexure attachment amendment amendments".split()
)
_BRAND_BEFORE = re.compile(r"(?:\b[A-Za-z]*[a-z][A-Z][\w]*|\b[\w-]+\.(?:com|org|net|io|co)\b)(?:['\u2019]s)?\s+$")
_ACRONYM_AFTER = re.compile(r"^\s*\((?:the\s+|an?\s+)?[\"\u201c]?[A-Z][A-Za-z]*[A-Z]['\u2019]?s?[\"\u201d]?\)")
_UI_NOUN_AFTER = re.compile(
    r"^\s+(?:page|pages|policy|policies|settings|section|tab|feature|features|program|portal|app|application|website|site|"
    r"plugin|button|menu|link|repository|license|licence|product|products|team|dashboard|tool|screen|form|guide|"
    r"documentation|platform)\b"
)
_CITED_TITLE = re.compile(r"(?:\d[\w.]*|\))\s*\($|\($")
_NOT_A_NOUN = re.compile(r"(?:ing|ed|ly)$")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion".split()
)
_SIGNATURE_TEXT = re.compile(r"\b(?:By|Name|Title|Its|Signature|Signed)\s*:|/s/")
_PREV_WORD = re.compile(r"([A-Za-z][\w&.-]*?)(?:['\u2019]s)?\s+$")
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}(?:['\u2019]s)?\s+$")


@dataclass
class _Def:
    term: str
    how: str
    unit: Unit
    start: int
    end: int
    def_start: int
    def_end: int
    alternates: tuple[str, ...] = ()
    source: str | None = None
    extra_units: list[int] = field(default_factory=list)
    """Further paragraphs (sub-items, a definitions-table cell) that belong to the definition."""

    @property
    def order(self) -> tuple[int, int]:
        return (self.unit.index, self.start)


# -- where definitions are ----------------------------------------------------------------

def is_title(unit: Unit) -> bool:
    """A heading unit that holds only its section's title ("4.2 Termination"), as opposed
    to a numbered clause whose paragraph is both the heading and the body text."""
    if not unit.is_heading:
        return False
    title = (unit.section.title or "").strip().rstrip(".:")
    text = unit.text.strip().rstrip(".:")
    if not title:
        return False
    return text == title or len(text) <= len(title) + 2 or (unit.paragraph.kind == "heading" and len(text) < 100)


def title_end(unit: Unit) -> int:
    """Where the run-in title of a numbered clause ends ("Fees.  All Fees ..." -> 5)."""
    title = (unit.section.title or "").strip()
    if unit.is_heading and title and unit.text.lstrip().startswith(title):
        return unit.text.index(title) + len(title)
    return 0


_ANNOUNCES_DEFINITIONS = re.compile(
    r"\bthe\s+following\s+(?:(?:additional|further|other|supplementary)\s+)?definitions\b[^.;]{0,60}?\b(?:apply|applies|shall\s+apply|will\s+apply|are\s+used|have\s+effect)\b"
    r"|\b(?:terms|words|expressions|phrases)\b[^.;]{0,80}?\b(?:have|has|shall\s+have|will\s+have|bear|are\s+given)\s+the\s+"
    r"(?:following\s+)?meanings?\b(?![^.;]{0,40}?\b(?:given|set\s+(?:out|forth)|ascribed|assigned|defined)\b)",
    re.I,
)
"""A clause that opens a list of definitions without being titled so: "The following
definitions shall apply to this Schedule:", "In this Schedule the following words have
the following meanings:" (but not "Capitalised terms have the meanings given in the
Master Agreement", which points elsewhere)."""


def is_definitions_section(section: Section) -> bool:
    """A definitions/interpretation section: titled so ("Definitions", "Liability
    Definitions", "Interpretation"), or a clause whose opening words announce the list
    of definitions its sub-clauses hold."""
    if DEFINITIONS_TITLE.search(section.title or ""):
        return True
    lead = section.heading if section.heading is not None else (section.blocks[0] if section.blocks else None)
    text = getattr(lead, "text", None)
    return bool(text) and len(text) < 300 and bool(_ANNOUNCES_DEFINITIONS.search(text))


def definition_sections(ctx: AnalysisContext) -> set[int]:
    """ids of the sections that are (or sit inside) a definitions/interpretation section."""
    out: set[int] = set()

    def visit(section: Section, inside: bool) -> None:
        here = inside or is_definitions_section(section)
        if here:
            out.add(id(section))
        for child in section.children:
            visit(child, here)

    visit(ctx.document.root, False)
    return out


def _in_definitions(unit: Unit, def_sections: set[int]) -> bool:
    style = unit.paragraph.style or ""
    return id(unit.section) in def_sections or "definition" in style.lower()


_STRUCTURAL_TERM = re.compile(
    r"^(?:section|clause|schedule|part|annex|appendix|exhibit|article|paragraph|table|step|phase)s?\s+(?:[\dIVX]|[A-Z]\b)"
    r"|^(?:section|clause|schedule|annex|appendix|exhibit|attachment|article)s?$",
    re.I,
)


def layout_term_ok(term: str) -> bool:
    """A term found from layout alone (bold, a table's first column, "Term:") must look
    like a term: short, capitalised, not a clause label ("Section 1: Context") nor a
    sentence ("Urgent: There is ...")."""
    return bool(term) and term[0].isupper() and len(term.split()) <= 8 and ":" not in term and not _STRUCTURAL_TERM.match(term) and not term.endswith(".")


_DOT_LEADERS = re.compile(r"(?:\.\s?){5,}\s*(?:Page\s*)?\d{1,3}\b")
"""Dot leaders running to a page number: a line of a table of contents."""


def find_definitions(ctx: AnalysisContext) -> list[_Def]:
    """Every definition in the document, in document order."""
    def_sections = definition_sections(ctx)
    defs: list[_Def] = []
    for unit in ctx.units:
        if is_title(unit) or _DOT_LEADERS.search(unit.text):
            continue  # a heading, or a table-of-contents line ("24.0 I/T SERVICES ("I/T") ...... Page 37")
        found: list[DefinitionMatch] = list(raw(unit.doc, "slalint_definitions") or []) if unit.doc is not None else []
        for d in found:
            defs.append(_Def(d.term, d.how, unit, d.start, d.end, d.def_start, d.def_end, d.alternates, d.source))
        if found or unit.in_table:
            continue
        in_defs = _in_definitions(unit, def_sections)
        bold = _bold_definition(unit, in_defs)
        if bold is not None:
            defs.append(bold)
        elif in_defs:
            m = _COLON_DEF.match(unit.text)
            if m and len(m.group("term").split()) <= 6 and layout_term_ok(clean_term(m.group("term"))):
                term = clean_term(m.group("term"))
                defs.append(_Def(term, "means", unit, m.start("term"), m.start("term") + len(term), m.end() - 1, len(unit.text)))
    defs.extend(_imported_lists(ctx))
    defs = [d for d in defs if d.how not in ("bold", "table") or layout_term_ok(d.term)]
    defs.extend(d for d in _table_definitions(ctx, def_sections) if layout_term_ok(d.term))
    _attach_sub_items(ctx, defs, def_sections)
    defs.sort(key=lambda d: d.order)
    return defs


_IMPORT_LIST = re.compile(
    r"\b(?:terms?|words?)\b[^.:]{0,40}?\b(?:mean|means|have|has|bear)\s+the\s+same(?:\s+meanings?)?\b[^.:]{0,60}"
    r"\b(?:in|under)\s+(?:the\s+)?(?P<doc>[^:.]{1,60}?)\s*:\s*",
    re.I,
)


def _imported_lists(ctx: AnalysisContext) -> list[_Def]:
    """"The following terms mean the same in this add-on as in the base terms: Billing
    Period, Customer, Fees ...": each listed term is defined in that other document."""
    out: list[_Def] = []
    for unit in ctx.units:
        m = _IMPORT_LIST.search(unit.text)
        if not m:
            continue
        source = m.group("doc").strip()
        for item in re.finditer(r"[^,;]+", unit.text[m.end():]):
            raw = re.sub(r"^\s*(?:and|or)\s+", "", item.group(0)).strip(" .*_\"\u201c\u201d")
            term = clean_term(raw)
            if term and term[0].isupper() and len(term.split()) <= 6:
                start = unit.text.find(term, m.end() + item.start())
                out.append(_Def(term, "external", unit, start, start + len(term), start, start + len(term), source=source))
    return out


def _bold_definition(unit: Unit, in_defs: bool) -> _Def | None:
    text = unit.text
    for mark in unit.paragraph.marks:
        if mark.kind != "bold":
            continue
        if text[:mark.start].strip(" \"\u201c\t") != "":
            return None
        end = mark.end if mark.end is not None else len(text)
        if end >= len(text.rstrip()) - 1:
            return None  # the whole paragraph is bold: a pseudo-heading
        term = clean_term(text[mark.start:end].strip(" \"\u201c\u201d"))
        if not term or not term[0].isupper() or len(term.split()) > 8:
            return None
        after = text[end:]
        if not in_defs and not _MEANS_AFTER.match(after):
            return None
        start = text.index(term, mark.start)
        m = re.match(r"^[\s\"\u201d:,\u2013\u2014-]*(?:(?:means|shall\s+mean|will\s+mean)\b)?\s*", after, re.I)
        def_start = end + (m.end() if m else 0)
        return _Def(term, "bold", unit, start, start + len(term), def_start, len(text))
    return None


def _table_definitions(ctx: AnalysisContext, def_sections: set[int]) -> list[_Def]:
    rows: dict[tuple[int, int, int], dict[int, list[Unit]]] = defaultdict(lambda: defaultdict(list))
    for unit in ctx.units:
        if unit.in_table and unit.table_pos is not None:
            t, r, c = unit.table_pos
            rows[(id(unit.section), t, r)][c].append(unit)
    tables: dict[tuple[int, int], list[tuple[int, dict[int, list[Unit]]]]] = defaultdict(list)
    for (sid, t, r), cells in rows.items():
        tables[(sid, t)].append((r, cells))
    out: list[_Def] = []
    for (sid, t), table_rows in tables.items():
        table_rows.sort(key=lambda x: x[0])
        first_unit = next(iter(table_rows[0][1].values()))[0]
        header = table_rows[0][1].get(0, [])
        has_header = bool(header) and bool(_TABLE_HEADER.match(header[0].text))
        means_rows = sum(
            1 for _, cells in table_rows if cells.get(1) and re.match(r"^\s*(?:means|shall mean)\b", cells[1][0].text, re.I)
        )
        in_defs = _in_definitions(first_unit, def_sections)
        label_rows = sum(1 for _, cells in table_rows if cells.get(0) and cells.get(1) and _is_label(cells[0][0]))
        key_terms = label_rows >= 3 and label_rows >= 0.6 * len(table_rows)
        if not (has_header or in_defs or key_terms or means_rows >= max(2, len(table_rows) // 2)):
            continue
        for r, cells in table_rows:
            if (r == table_rows[0][0] and has_header) or 0 not in cells or 1 not in cells:
                continue
            if any(u.doc is not None and raw(u.doc, "slalint_definitions") for u in cells[0] + cells[1]):
                continue  # quoted definitions inside the table were found already
            head = cells[0][0]
            term = clean_term(head.text.strip(" \"\u201c\u201d"))
            if not term or not term[0].isupper() or len(term.split()) > 10:
                continue
            start = head.text.find(term)
            body = cells[1]
            m = re.match(r"^\s*(?:means|shall mean)\s*", body[0].text, re.I)
            d = _Def(term, "table", head, start, start + len(term), m.end() if m else 0, len(body[0].text))
            d.extra_units = [u.index for u in body]
            out.append(d)
    return out


def _is_label(unit: Unit) -> bool:
    """A key-terms table's label cell: a short Title-case phrase set entirely in bold
    ("Subscription Period" | "12 months"): an order form defining its variables."""
    text = unit.text.strip()
    words = text.split()
    return (
        0 < len(words) <= 6
        and text[:1].isupper()
        and not text.endswith((".", ":"))
        and any(m.kind == "bold" and m.start == 0 and (m.end is None or m.end >= len(unit.text.rstrip())) for m in unit.paragraph.marks)
    )


def _attach_sub_items(ctx: AnalysisContext, defs: list[_Def], def_sections: set[int]) -> None:
    """In a definitions section, list items that follow a definition belong to it."""
    by_unit = {d.unit.index: d for d in defs if d.how != "table"}
    current: _Def | None = None
    for unit in ctx.units:
        if unit.index in by_unit:
            current = by_unit[unit.index]
            continue
        if is_title(unit) or unit.in_table:
            current = None
            continue
        if current is None or not _in_definitions(unit, def_sections):
            current = None
            continue
        if unit.paragraph.kind == "list_item" or (unit.paragraph.label or "").startswith("(") or re.match(r"^\s*\(?[a-z0-9ivx]{1,4}\)", unit.text):
            current.extra_units.append(unit.index)
        else:
            current = None


# -- the glossary -------------------------------------------------------------------------

def variants(term: str) -> set[str]:
    """The written forms a use of ``term`` may take: itself and its plural (the possessive
    is a separate token after tokenisation)."""
    out = {term}
    words = term.split()
    last = words[-1] if words else term
    if last.isupper() or not last[-1:].isalpha():
        out.add(term + "s")
        return out
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    out.add(" ".join(words[:-1] + [plural]))
    if last.endswith("ies"):
        out.add(" ".join(words[:-1] + [last[:-3] + "y"]))
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        out.add(" ".join(words[:-1] + [last[:-1]]))
    return out


def build_glossary(ctx: AnalysisContext, nlp: "Language", defs: list[_Def] | None = None) -> dict[str, DefinedTerm]:
    """The glossary: one entry per term (first definition wins; later ones are duplicates),
    with every use found by a ``PhraseMatcher`` over the paragraphs' tokens (case-insensitive)."""
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    defs = find_definitions(ctx) if defs is None else defs
    glossary: dict[str, DefinedTerm] = {}
    key_of: dict[str, str] = {}
    first_def: dict[str, _Def] = {}
    for d in defs:
        key = key_of.get(d.term.lower())
        ev = d.unit.evidence(d.start, d.end)
        if key is not None:
            entry = glossary[key]
            if d.order != first_def[key].order:
                entry.duplicates.append(ev)
            new_alts = tuple(a for a in d.alternates if a not in entry.alternates and a != entry.term)
            entry.alternates += new_alts
            for a in new_alts:
                key_of.setdefault(a.lower(), key)
            continue
        definition = d.unit.text[d.def_start:d.def_end].strip()
        if d.how == "table" and d.extra_units:
            definition = " ".join(ctx.units[i].text for i in d.extra_units).strip()
        glossary[d.term] = DefinedTerm(d.term, definition, ev, d.how, tuple(d.alternates), d.source)
        first_def[d.term] = d
        key_of[d.term.lower()] = d.term
        for a in d.alternates:
            key_of.setdefault(a.lower(), d.term)
    if not glossary:
        return glossary

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, entry in glossary.items():
        forms: set[str] = set()
        for t in (entry.term, *entry.alternates):
            forms |= variants(t)
        matcher.add(key, list(nlp.tokenizer.pipe(sorted(forms))))

    # definition ranges: (unit index) -> [(start, end, term)]
    ranges: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    sites: set[tuple[int, int]] = set()
    for d in defs:
        owner = key_of.get(d.term.lower(), d.term)
        ranges[d.unit.index].append((d.def_start, d.def_end, owner))
        for i in d.extra_units:
            ranges[i].append((0, len(ctx.units[i].text), owner))
        sites.add((d.unit.index, d.start))
        # the alternates' own quoted sites
        for a in d.alternates:
            pos = d.unit.text.find(a, d.end)
            if pos >= 0:
                sites.add((d.unit.index, pos))

    for unit in ctx.units:
        if is_title(unit) or unit.doc is None:
            continue
        spans = filter_spans(matcher(unit.doc, as_spans=True))
        for span in spans:
            key = span.label_
            start = span.start_char
            if (unit.index, start) in sites:
                continue
            entry = glossary[key]
            in_def = None
            for a, b, owner in ranges.get(unit.index, ()):
                if a <= start < b and owner != key:
                    in_def = owner
                    break
            lowercase = span.text[:1].islower() and entry.term[:1].isupper()
            before = (unit.index, start) < first_def[key].order
            entry.uses.append(TermUse(span.text, unit.evidence(start, span.end_char), in_def, before, lowercase))
    return glossary


_IMPORTS_DEFINITIONS = (
    _INCORPORATED,
    re.compile(r"\b[Ii]nterpret(?:ed)?\s+(?:this|these|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:using|in\s+accordance\s+with|by\s+reference\s+to)\s+(?:the\s+)?(?P<doc>[A-Z][\w-]*(?:\s+[\w-]+){0,4})"),
    re.compile(r"\bsupplement\s+(?:the\s+)?(?P<doc>[A-Z][\w-]*(?:\s+[\w-]+){0,4})\s*\(\s*Definitions\s*\)"),
    # an amendment or a set of additional terms: "modifications of the Bonterms Cloud
    # Terms", "Amendment No. 2 to the Master Services Agreement"
    re.compile(
        r"(?:^|(?<=[.:;]\s))\s*(?:(?:The|These)\s+(?:following\s+)?)?(?:[Mm]odifications?|[Aa]dditions?|[Aa]mendments?)(?:\s+No\.\s*\d+)?\s+(?:(?:to|of)\s+(?:or\s+(?:modifications?\s+)?(?:to|of)\s+)?)(?:the\s+)?"
        r"(?P<doc>(?:[A-Z][\w-]*\s+){1,4}(?:Terms|Agreement))\b"
    ),
)


_SUBORDINATE_TITLE = re.compile(
    r"\b(?:schedule|exhibit|annex|appendix|addendum|attachment|order\s+form|statement\s+of\s+work|sow|specification|call-off)\b", re.I
)
_NUMBERED_ATTACHMENT = re.compile(
    r"^\s*(?:[A-Za-z-]+\s+){0,2}(?:schedule|exhibit|annex|annexure|appendix|attachment)\s+(?:[A-Z]{1,2}|\d{1,2}[A-Z]?)\b"
    r"(?![.(]\s*[\dA-Za-z])(?!\s+(?:of|to)\s+th[ie]s?\b)(?!.*\b(?:Form|under\s+item)\b)",
    re.I,
)
"""A numbered attachment's title ("CALL-OFF SCHEDULE 4", "Exhibit B"), not an SEC filing's
exhibit number ("EXHIBIT 10.27", "Exhibit 4(b)")."""
_SELF_AS_PART = re.compile(r"\bthis\s+(?:(?:Framework|Call-Off|Joint)\s+)?(?:Schedule|Exhibit|Annex|Appendix|Addendum|Attachment|Order\s+Form|Statement\s+of\s+Work|SOW)\b")
_PARENT_DOCUMENT = re.compile(
    r"\b(?:Core\s+Terms|Joint\s+Schedule\s+\d+|Call-Off\s+Contract|Framework\s+Agreement|Framework\s+Terms|Master\s+(?:Services?\s+|Subscription\s+)?Agreement|MSA|"
    r"General\s+Terms(?:\s+and\s+Conditions)?|Standard\s+Terms|Key\s+Terms|Terms\s+and\s+Conditions|Principal\s+Agreement|Main\s+Agreement|"
    r"Order\s+Form|Cover\s+Page)\b"
)


def parent_document(ctx: AnalysisContext) -> Evidence | None:
    """Evidence that the document is one part of a larger contract (a schedule, exhibit,
    order form or SOW that names the main terms it belongs to), whose definitions it uses
    without repeating them; None for a self-standing agreement. Computed once per context."""
    memo = ctx.__dict__.get("_slalint_parent_document", _UNSET)
    if memo is _UNSET:
        memo = ctx.__dict__["_slalint_parent_document"] = _parent_document(ctx)
    return memo  # type: ignore[return-value]


_UNSET = object()


def _parent_document(ctx: AnalysisContext) -> Evidence | None:
    for unit in ctx.units[:8]:
        shown = unit.paragraph.display
        if len(shown) < 80 and _NUMBERED_ATTACHMENT.match(shown):
            return unit.evidence()  # "CALL-OFF SCHEDULE 4", "Exhibit B": an attachment
    first = next((u.text for u in ctx.units if u.is_heading), "")
    title = ctx.document.title or first
    is_part = bool(_SUBORDINATE_TITLE.search(title)) and len(title) < 150
    if not is_part:
        is_part = any(_SELF_AS_PART.search(u.text) for u in ctx.units)
    headings = " ".join(u.text for u in ctx.units if is_title(u) or u.paragraph.kind == "heading" or _all_bold(u)).lower()
    headings += " " + (ctx.document.title or "").lower()
    mentions: dict[str, list[Evidence]] = defaultdict(list)
    for unit in ctx.units:
        for m in _PARENT_DOCUMENT.finditer(unit.text):
            name = " ".join(m.group(0).lower().split())
            if re.search(r"\b(?:this|these|our)\s+$", unit.text[max(0, m.start() - 12):m.start()], re.I):
                continue  # "these Terms and Conditions": the document itself
            if name not in headings:  # the main terms are not part of this same file
                mentions[name].append(unit.evidence(m.start(), m.end()))
    if not mentions:
        return None
    if is_part:
        return next(iter(mentions.values()))[0]
    # a self-standing document that keeps referring to terms held elsewhere ("as set out in
    # the Order Form", "the Key Terms") is one part of a multi-document contract
    name, evs = max(mentions.items(), key=lambda kv: len(kv[1]))
    return evs[0] if len(evs) >= 2 else None


def _all_bold(unit: Unit) -> bool:
    """A short paragraph set entirely in bold: a pseudo-heading."""
    text = unit.text.rstrip()
    return len(text) < 80 and any(m.kind == "bold" and m.start == 0 and (m.end is None or m.end >= len(text)) for m in unit.paragraph.marks)


def external_glossaries(ctx: AnalysisContext) -> list[Evidence]:
    """Sentences saying that capitalised terms not defined here are defined elsewhere
    ("Capitalised terms used but not defined have the meanings given in the Master
    Agreement", "Interpret this Contract using Joint Schedule 1 (Definitions)"), or, for a
    schedule / order form / SOW that names the main terms it belongs to, that mention:
    such a document's undefined capitals are the other document's terms."""
    out = []
    for unit in ctx.units:
        for rx in _IMPORTS_DEFINITIONS:
            m = rx.search(unit.text)
            if m and not re.match(r"(?:this|these|section|clause|article|paragraph|part)\b", m.group("doc"), re.I):
                out.append(unit.evidence(m.start(), m.end()))
                break
    if not out:
        parent = parent_document(ctx)
        if parent is not None:
            out.append(parent)
    return out


_VARIABLE_HOLDER = re.compile(r"\b(?:Cover\s+Page|Order\s+Form|Key\s+Terms|Variables)\b")


def external_scope(ctx: AnalysisContext, imported: list[Evidence]) -> str | None:
    """How much of the document's vocabulary another document defines, from the evidence
    of `external_glossaries`: None (nothing: a self-standing agreement), ``"variables"``
    (a cover page, order form or key terms fills in the variables: short Title-case
    phrases such as "Notice Address" or "Subscription Period"; or the document only
    mentions companion terms without saying its capitals are defined there) or
    ``"glossary"`` (a master agreement, the standard terms or a definitions schedule
    defines everything: "Interpret this Contract using Joint Schedule 1 (Definitions)",
    and numbered attachments such as "CALL-OFF SCHEDULE 4")."""
    if not imported:
        return None
    explicit = []
    for unit in ctx.units:
        for rx in _IMPORTS_DEFINITIONS:
            m = rx.search(unit.text)
            if m and not re.match(r"(?:this|these|section|clause|article|paragraph|part)\b", m.group("doc"), re.I):
                explicit.append(m.group("doc"))
                break
    if explicit:
        return "variables" if all(_VARIABLE_HOLDER.search(d) or d.startswith("Variables") for d in explicit) else "glossary"
    parent = imported[0].quote
    if _NUMBERED_ATTACHMENT.match(parent) or _MAIN_CONTRACT.search(parent):
        return "glossary"
    return "variables"


_MAIN_CONTRACT = re.compile(
    r"\b(?:Core\s+Terms|Joint\s+Schedule|Call-?\s*Off\s+Contract|Framework\s+(?:Agreement|Terms|Contract)|Master\b|MSA|"
    r"Principal\s+Agreement|Main\s+Agreement|General\s+Terms)",
    re.I,
)
"""Main contracts that hold the definitions their schedules and order forms use."""


# -- undefined-term candidates ------------------------------------------------------------

class _Known:
    """Phrases that account for capitalised words: defined terms, party names and aliases,
    the project vocabulary, external terms and the built-in word lists."""

    def __init__(self, phrases: Iterable[str]):
        self.phrases: set[str] = set()
        self.comma_free: set[str] = set()
        """Known phrases holding a comma, written without it (a run stops at a comma)."""
        self.max_len = 1
        for p in phrases:
            p = _norm(p)
            if p:
                self.phrases.add(p)
                self.phrases.add(_singular_phrase(p))
                self.max_len = max(self.max_len, len(p.split()))

    def add(self, phrase: str) -> None:
        p = _norm(phrase)
        if p:
            self.phrases.add(p)
            self.phrases.add(_singular_phrase(p))
            self.max_len = max(self.max_len, len(p.split()))
            if "-" in p:  # "Vert-Non-Renewal Election" is "Vert Non-Renewal Election" written loosely
                self.phrases.add(_singular_phrase(p.replace("-", " ")))
            if p.endswith("ses") or p.endswith("zes"):
                self.phrases.add(p[:-2])  # "Viruses" defined, "a Virus" used
            if "," in p:  # "Deployment, Hosting and Maintenance Specifications"
                self.comma_free.add(" ".join(p.replace(",", " ").split()))
            for variant in _spellings(p):  # "Licence Fee" defined, "License Fee" used
                self.phrases.add(variant)
                self.phrases.add(_singular_phrase(variant))

    def covered(self, words: list[str]) -> list[bool]:
        """Per word: is it part of a known phrase (greedy longest match from the left)?"""
        low = [_norm(w) for w in words]
        cov = [False] * len(words)
        i = 0
        while i < len(words):
            for n in range(min(self.max_len, len(words) - i), 0, -1):
                cand = " ".join(low[i:i + n])
                if cand in self.phrases or (n == 1 and _singular(cand) in self.phrases):
                    for k in range(i, i + n):
                        cov[k] = True
                    i += n
                    break
                if _singular_phrase(cand) in self.phrases:
                    for k in range(i, i + n):
                        cov[k] = True
                    i += n
                    break
            else:
                if low[i] in _CONNECTORS:
                    cov[i] = True
                i += 1
        return cov


_SPELLING = (("licence", "license"), ("centre", "center"), ("programme", "program"), ("isation", "ization"), ("ise ", "ize "), ("ised ", "ized "))


def _spellings(phrase: str) -> set[str]:
    """The British and American spellings of a phrase ("licence fee", "license fee")."""
    out = set()
    for uk, us in _SPELLING:
        if uk in phrase:
            out.add(phrase.replace(uk, us))
        if us in phrase:
            out.add(phrase.replace(us, uk))
    return out


@lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").strip().lower()
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    return " ".join(s.split())


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _singular_phrase(phrase: str) -> str:
    words = phrase.split()
    return " ".join(words[:-1] + [_singular(words[-1])]) if words else phrase


def _in_cited_title(text: str, pos: int) -> bool:
    """Is ``pos`` inside the parenthesised title after a cited number ("Section 6
    (Representations & Warranties)")?"""
    open_at = text.rfind("(", 0, pos)
    if open_at < 0 or ")" in text[open_at:pos]:
        return False
    return bool(re.search(r"\d[\w.]*\)?\s*$", text[max(0, open_at - 40):open_at]))


def _BRANDS() -> frozenset[str]:  # noqa: N802 - a cached constant
    return word_list("organisations") | word_list("products") | word_list("places")


def _glued(text: str, start: int, end: int) -> bool:
    """Is the run glued to a neighbour by ".", "/" or "_" (a domain, a path, "Happy.Tools",
a spreadsheet label "Fee_per_Port")?"""
    return (start > 0 and text[start - 1] in "./_") or (end < len(text) - 1 and text[end] in "./_" and text[end + 1].isalnum())


def _inside_quotes(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation (a defined term being defined, or a quoted title)?"""
    before = text[:pos]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1


def _open_bracket(text: str, pos: int) -> bool:
    """Is ``pos`` inside [square brackets] or {braces} (drafting notes, placeholders)?"""
    before = text[:pos]
    return before.count("[") > before.count("]") or before.count("{") > before.count("}")


_LETTER = re.compile(r"[^\W\d_]+")


def _is_shouting(text: str) -> bool:
    letters = "".join(_LETTER.findall(text))
    return len(letters) >= 12 and sum(map(str.isupper, letters)) / len(letters) > 0.6


def _is_title_like(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", text)
    if not words or len(words) > 14:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL)
    return caps / len(words) >= 0.8 and not text.rstrip().endswith((".", ";"))


_CONFIDENTIALITY_ROLES = frozenset({"recipient", "discloser", "receiving party", "disclosing party"})
"""Roles a confidentiality clause gives the parties: accepted as names unless the
document's parties are known by other aliases ("Company", "Contractor"), where a stray
"Recipient" is a drafting slip."""

_SMALL = frozenset("a an and as at by for from in of on or the to with".split())

_NAME = r"[A-Z][\w'\u2019&/-]*(?:\s+(?:(?:of|and|&|for|the|in|to)\s+)?[A-Z0-9][\w'\u2019&/-]*){0,6}"
_QUOTED_NAME = re.compile(r"[\"\u201c\u2018]\s*(?P<t>" + _NAME + r")\s*(?:\((?:s|es|S|ES)\))?[,.]?\s*[\"\u201d\u2019]")
_PAREN_NAME = re.compile(
    r"\(\s*(?:(?:the|an?|each|collectively|together|hereinafter|hereafter|individually|jointly)[\s,]+){0,3}"
    r"[\"\u201c'\u2018]?(?P<t>" + _NAME + r")(?:\((?:s|es|S|ES)\))?[\"\u201d'\u2019]?\s*\)"
)
_CALLED = re.compile(
    r"\b(?:known|referred\s+to|called)\s+(?:herein\s+|hereinafter\s+|collectively\s+)?as\s+(?:the\s+|an?\s+)?"
    r"[\"\u201c]?(?P<t>" + _NAME + r")"
)
_RUN_IN_DEFINITION = re.compile(r"(?:^\s*(?:(?:\d[\d.]*[.)]?|\(?[a-zA-Z]{1,3}[.)]|\([ivxlc]{1,5}\))\s+)?|(?<=[a-z0-9)]\.\s)|(?<=[a-z0-9)]\.\s\s))(?P<t>[A-Z][\w'\u2019&/-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w'\u2019&/-]*){0,5})\.\s+[A-Z\"\u201c(]")
"""A glossary written as run-in headings: "Due Period. The monthly, quarterly ... periods"."""
_ACRONYM_TOKEN = re.compile(r"\b[A-Z]{2,6}\b")
_LABEL_ALONE = re.compile(r"^\s*(?P<t>[A-Z][\w'\u2019&/-]*(?:\s+[A-Z][\w'\u2019&/-]*){0,3})\s*:\s*$")
"""A glossary entry whose term stands alone with a colon and whose meaning is the next
paragraph ("System:" / "Combination of third party hardware ...")."""
_UNPUNCTUATED_ENTRY = re.compile(
    r"^\s*(?P<t>[A-Z][\w'\u2019&/-]*(?:\s+[A-Z][\w'\u2019&/-]*){0,3})(?:\s+or\s+(?P<alt>[A-Z][\w'\u2019&/-]*(?:\s+[A-Z][\w'\u2019&/-]*){0,3}))?"
    r"(?(alt)\s+[a-z]|\s+(?:an?|the|any|all|each|one|those|that)\s+[a-z])"
)
"""In a definitions section, an entry whose dash or colon was lost in conversion:
"Representative an employee, officer, director, or agent of a Party", "Product or Products
equipment, Software, firmware ..."."""


def _implicit_definitions(ctx: AnalysisContext) -> tuple[set[str], set[str]]:
    """(phrases the document gives a meaning to without a formal definition, the
    document's acronyms). Drafters name things in many ways the glossary does not
    record: any quoted Title-case phrase ("Extended Term(s)", a "Prohibited Customer"),
    a short name in parentheses without quotes ("a Group pension plan (the Plan)"),
    "is known as Application Integration", and glossaries of run-in headings ("Due
    Period. The monthly ... periods") in a definitions section. A capitalised use of such
    a phrase is a defined term used, not an undefined one."""
    phrases: set[str] = set()
    acronyms: set[str] = set()
    def_sections = definition_sections(ctx)
    units = ctx.units
    for i, unit in enumerate(units):
        text = unit.text
        if not text:
            continue
        for rx in (_QUOTED_NAME, _PAREN_NAME, _CALLED):
            for m in rx.finditer(text):
                phrases.add(m.group("t").rstrip("'\u2019"))
        label = _LABEL_ALONE.match(text)
        if label and i + 1 < len(units) and len(units[i + 1].text.split()) >= 3:
            phrases.add(label.group("t"))  # "System:" on its own line, its meaning on the next
        if id(unit.section) in def_sections:
            for m in _RUN_IN_DEFINITION.finditer(text):
                phrases.add(m.group("t"))
            m = _UNPUNCTUATED_ENTRY.match(text)
            if m and m.group("t").split()[0].lower() not in word_list("stopwords"):
                phrases.add(m.group("t"))
                if m.group("alt"):
                    phrases.add(m.group("alt"))
        acronyms.update(_ACRONYM_TOKEN.findall(text))
    return phrases, acronyms


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _SMALL).upper()


_NAME_CONTINUES = re.compile(r"^\s+((?:(?:for|of|and|to|on|in|&)\s+)?(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)")


def _expands_acronym(words: list[str], after: str, acronyms: set[str]) -> bool:
    """Is the run (with the Title-case words right after it: "Request | for Information")
    the expansion of an acronym the document uses ("Engineering Change Order", ECO;
    "Request for Information", RFI; "Dairy Crest", DCL for Dairy Crest Limited)?"""
    forms = [words]
    more = _NAME_CONTINUES.match(after[:80])
    if more:
        forms.append(words + more.group(1).split())
    for form in forms:
        if len(form) < 2:
            continue
        for initials in {_initials(form), "".join(w[0] for w in form).upper()}:  # RFI keeps the "for"
            if len(initials) >= 2 and any(initials + x in acronyms for x in ("", "L", "I", "C", "PLC", "LLC")):
                return True
    return False


_DEFINED_ELSEWHERE_AFTER = re.compile(
    r"^(?:\s+(?:or|and|and/or)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?\s*[(,]?\s*(?:(?:each\s+)?as\s+(?:such\s+terms?\s+(?:is|are)\s+|(?:is|are)\s+)?)?"
    r"(?:hereinafter\s+|hereafter\s+|herein\s+)?defined\b",
    re.I,
)
"""After a use: "(as defined below)", "(hereinafter defined)", ", as such term is defined in
the Indenture", "Updates or Upgrades (as defined below)": the term says where its meaning is."""
_SHORT_NAME_AFTER = re.compile(
    r"^\s*\(\s*(?:(?:the|an?|each|collectively|together|hereinafter|hereafter|individually)[\s,]+){0,3}[\"\u201c](?P<short>[^\"\u201d)]{1,40})[\"\u201d]"
)
"""After a use: ("the "Plan""): the run is the full name a short name is given to."""
_DRAWING = re.compile(r"-{4,}|_{4,}|={4,}|\+-{2,}|(?:\|[^|\n]{0,40}){3,}")
"""A line drawing or a table flattened into text (an ASCII flowchart, "| Response |")."""
_ORG_DESCRIPTION_AFTER = re.compile(
    r"^\s*,?\s+(?:an?|the)\s+(?:[A-Z][\w.-]*\s+){0,3}(?:(?:general|limited|limited\s+liability|public\s+limited)\s+)?"
    r"(?:corporation|company|partnership|bank|banking\s+corporation|association|trust|organi[sz]ation|body\s+corporate|LLC|corp\.)\b"
)
"""After a run: "Centrack International, a Florida corporation", "Sagebrush, a California
general partnership": an organisation introduced by its description."""
_PAGE_FURNITURE_AFTER = re.compile(r"^(?:\s+[\w'\u2019]+){0,5}\s+Page\s+\d")
"""A running header or footer: "Commercial in Confidence Page 7", "Proprietary to Bank of
America Page 5"."""
_FORM_REFERENCE_AFTER = re.compile(r"^\s+(?:[A-Z]{1,3}-\d|(?:No|no|NO)\.?\s*\d|(?:[B-HJ-Z]|[IVX]{2,4})(?=[\s,.;:)]|$))")
"""A numbered or lettered form, order or part: "Form S-1", "Order no. 8062",
"Subchapter M of the Code", "Type II Materials"."""
_NAMED_BEFORE = re.compile(r"\b(?:entitled|titled|called|named|styled|known\s+as)\s+(?:the\s+)?[\"\u201c]?$", re.I)
"""Before a run: "The Code is entitled Guide to ...": a title or a name given, not a term."""
_OPTIONAL_PLURAL = re.compile(r"^\((?:e?s|E?S)\)\s+(?:of\s+)?[A-Z]")
_AFTER_OPTIONAL_PLURAL = re.compile(r"\((?:e?s|E?S)\)\s+(?:of\s+)?$")
_NAME_NEIGHBOUR_BEFORE = re.compile(r"(?:\b[A-Z][\w'\u2019-]*|\b[A-Z]{2,})(?:\s+(?:of|for|and|or|&|the|in|der|de|la))*\s*,?\s+$|[A-Z][\w'\u2019-]*\s*,\s+$")
_LOWERCASE_HEAD = (
    r"^\s+(?!(?:and|or|nor|to|in|of|for|by|with|at|on|is|are|was|were|be|been|shall|will|may|must|as|that|which|who|the|an?|from|than|"
    r"under|during|per|if|when|where|unless|until|after|before|has|have|had|does|do|not|can|could|would|should|within|into|over|"
    r"between|including|excluding|except|other|such|each|any|all|only|also|so|but|then|there|their|its|his|her|this|these|those)\b)"
    r"[a-z][a-z-]*\b(?!\s*[.;:])"
)
"""After a capitalised word: a lower-case noun it modifies ("Digital ad", "Call waiting")."""
_NAME_NEIGHBOUR_AFTER = re.compile(
    r"^\s*,?\s+(?:(?:of|for|and|or|&|the|in|der|de)\s+)*[A-Z][\w'\u2019-]*|^\s+(?:[Nn]o\.|\d)|" + _LOWERCASE_HEAD
)


_STAFF_WORDS = frozenset(
    "manager managers representative representatives coordinator contact contacts lead officer officers director directors "
    "personnel staff team teams department accounting administrator administrators engineer engineers analyst analysts "
    "executive executives sponsor liaison".split()
)
"""Job titles and teams: after a party's name they name that party's person or team."""
_PLACE_AFTER = re.compile(r"^\s*,\s+((?:[A-Z][\w.'-]*\s?){1,4})")
_POSTAL_AFTER = re.compile(r"^\s*,?\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?(?=\s*(?:[,.;)]|$)))")
"""After a town: a UK postcode ("Surrey KT10 9PN") or a US state code ("Rancho Cordova, CA")."""


def _place_after(after: str, known: "_Known") -> bool:
    """Is the run followed by ", <a known place>" (a town before its state or country:
    "Minot, North Dakota", "Bubendorf, Switzerland")?"""
    if _POSTAL_AFTER.match(after[:40]):
        return True
    m = _PLACE_AFTER.match(after[:60])
    if not m:
        return False
    words = [w.strip(".,;:'") for w in m.group(1).split()]
    places = word_list("places")
    return any(_norm(" ".join(words[:n])) in places for n in range(len(words), 0, -1))


def _gives_short_name(words: list[str], after: str) -> bool:
    """Is the run the full name that the parenthesis after it shortens ("Services
    Continuity Plan (the "Plan")", "Network Access Point ("NAP")")? The short name must
    come from the run (one of its words or its initials), not name something else."""
    m = _SHORT_NAME_AFTER.match(after)
    if not m:
        return False
    short = [_singular(_norm(w)) for w in re.findall(r"[A-Za-z][\w'-]*", m.group("short"))]
    mine = {_singular(_norm(w)) for w in words}
    return bool(short) and (any(w in mine for w in short) or m.group("short").strip().upper() == _initials(words))




def _bare_word_in_definition(before: str, after: str) -> bool:
    """Does a single capitalised word inside a definition read as a term the definition
    presupposes ("... not affected by Downtime.")? Not when it is one piece of a name
    ("Findings, Opinion and Order No.", "Earnings and Pensions", "Fellow of the
    Institute", "Milwaukee, Waukesha, Ozaukee and Racine Counties"), or a capitalised
    modifier of a lower-case noun ("any Digital ad", "the Sybase and Focus software")."""
    return not (_NAME_NEIGHBOUR_BEFORE.search(before[-40:]) or _NAME_NEIGHBOUR_AFTER.match(after[:60]))


_CAPTION_COLON = re.compile(r"^[\s\W]*(?:\d[\d.]*\s+)?(?P<caption>[A-Z][^:.;\n]{2,80}?):\s+\S")
"""A caption run into its paragraph before a colon: "22 Responsibility of and
Indemnification by Agency: Contractor agrees ..." (checked to be title-like)."""
_DOCUMENT_CODE_AFTER = re.compile(r"^\s+[A-Z]{2,}(?:[-/][A-Z0-9]+)*[-/]\d")
"""After a name: an alphanumeric document number ("Bellcore TR-TSY-000181", "EIA/TIA-464")."""
_MODIFIER_AFTER = re.compile(r"^\s+(?![a-z-]*(?:ed|[^s]s)\b)" + _LOWERCASE_HEAD[len(r"^\s+"):])
"""After a capitalised word: a lower-case noun it labels ("Next business day", "Actual
system efficiency"); not a verb ("Software includes ...", "... Error occurred")."""
_NUMBER_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Za-z]+)?)\s+$")
_PREV_TOKEN = re.compile(r"\b([A-Za-z][\w&-]*)(?:['\u2019]s)?\s+$")
_PLURAL_POSSESSIVE_AFTER = re.compile(r"^['\u2019]\s+[A-Z]")
_ANAPHORA_BEFORE = re.compile(r"\b(?:[Ss]uch|[Ss]aid)\s+$")
_NAME_JOINER_AFTER = re.compile(r"^\s+(?:for|&)\s+([A-Z][\w-]*)(?!\s+[A-Z]|\s+of\s+[A-Z])")
_NAME_JOINER_BEFORE = re.compile(r"\b([A-Z][\w-]*)\s+(?:for|&)\s+$")
"""A two-word name joined by "for" or "&": "Center for Excellence", "Notice & Access"
(not "the Product for the Designated Support Contact")."""
_OFFICE_OF_ACRONYM = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z]{2,}\b(?!\s+[A-Z])")
_OFFICE_WORD = re.compile(r"(?:person|man|woman|er|or|ent|ary|ist)$")
_NAME_LIST_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|\b[A-Za-z]*[a-z][A-Z]\w*),\s+(?:(?:and|or)\s+)?$")
_NAME_LIST_AFTER = re.compile(r"^,\s+(?:(?:and|or)\s+)?(?:[A-Z]{2,}|[A-Za-z]*[a-z][A-Z]\w*)\b")
_LOWER_BEFORE = frozenset(
    "the a an any all such each its their his her our your this these those other no of and or for to with by in on".split()
)


def _single_word_not_a_term(word: str, before: str, after: str, known: "_Known", head_words: set[str]) -> bool:
    """Is this use of a single capitalised word explained by its neighbours? It refers
    back to a longer term or name by its head noun ("such Index" after "Retail Price
    Index"); it is one word of a name joined by "for" or "&" whose other word nothing
    accounts for ("Center for Excellence", "Notice & Access"); it is an office of an
    organisation named by its acronym ("the Chairperson of AFSA"); it follows an amount
    written out ("Twenty-Four Hour"); or it sits in a list of brand names written in
    capitals ("VISA, MasterCard, AMEX, Discover")."""
    key = _singular(_norm(word))
    number = _NUMBER_BEFORE.search(before[-30:])
    if number and number.group(1).lower().split("-")[-1] in _NUMBER_WORDS:
        return True  # "Twenty-Four Hour Help Desk", "Thirty Day notice": an amount written out
    if _ANAPHORA_BEFORE.search(before[-12:]) and key in head_words:
        return True
    for m in (_NAME_JOINER_AFTER.match(after[:60]), _NAME_JOINER_BEFORE.search(before[-60:])):
        if m and not any(known.covered([word, m.group(1)])) and m.group(1).lower() not in _SMALL:
            return True
    if _OFFICE_OF_ACRONYM.match(after[:40]) and _OFFICE_WORD.search(key):
        return True
    return bool(_NAME_LIST_BEFORE.search(before[-40:]) or _NAME_LIST_AFTER.match(after[:40]))


def _lowercase_uses(ctx: AnalysisContext, keys: list[str]) -> dict[str, int]:
    """How often each word is written in lower case after a determiner or preposition
    ("the hardware", "of any innovation"), perhaps with one adjective between: the same
    word used as an ordinary noun."""
    forms: dict[str, str] = {}
    for k in keys:
        for f in (k, k + "s", k + "es", k[:-1] + "ies" if k.endswith("y") else k):
            forms[f] = k
    rx = re.compile(r"\b([a-z]+)\s+(?:([a-z]+)\s+)?(" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b")
    counts: dict[str, int] = defaultdict(int)
    for unit in ctx.units:
        if unit.text.lower() == unit.text.upper():  # empty, or no letters
            continue
        for m in rx.finditer(unit.text):
            if m.group(1) in _LOWER_BEFORE or (m.group(2) and m.group(2) in _LOWER_BEFORE):
                counts[forms[m.group(3)]] += 1
    return counts


def find_undefined(
    ctx: AnalysisContext,
    glossary: dict[str, DefinedTerm],
    parties: list[Party],
    *,
    skip_units: set[int] | None = None,
    scope: str | None = None,
) -> list[UndefinedTerm]:
    """Capitalised terms used as defined terms that nothing accounts for, with every use.

    A candidate must carry evidence that it presupposes a definition: it is used at least
    twice, or its one use extends a defined term ("Critical Incident" with "Incident"
    defined), is a single word read as a term inside another term's definition ("not
    affected by Downtime"; not a piece of a name listed there: "Milwaukee, Waukesha and
    Ozaukee Counties", "Consumer Price Index"), or names a confidentiality role
    ("Recipient", "Discloser") in a document whose parties go by other names. ``scope``
    is `external_scope`'s verdict: under ``"variables"`` only single words are reported
    (the other document's variables are Title-case phrases), under ``"glossary"`` none
    (call with ``external_terms`` to check against that glossary instead)."""
    if scope == "glossary" and not ctx.external_terms:
        return []
    if ctx.external_terms:
        scope = None
    glossary_known = _Known(())
    for entry in glossary.values():
        for t in (entry.term, *entry.alternates):
            for v in variants(t):
                glossary_known.add(v)
    # where definitions' bodies are: (paragraph) -> offset after the defined term
    def_bodies: dict[int, int] = {}
    for entry in glossary.values():
        if entry.how in ("means", "bold", "table"):
            a = entry.evidence.anchor
            def_bodies[a.paragraph] = min(def_bodies.get(a.paragraph, 1 << 30), a.end if a.end is not None else 0)
    party_aliases = {_norm(a) for p in parties for a in p.aliases}
    known = _Known(known_names())
    if scope == "variables":
        for w in word_list("variables"):
            known.add(w)
    roles_known = not party_aliases or bool(party_aliases & _CONFIDENTIALITY_ROLES)
    if roles_known:
        for r in _CONFIDENTIALITY_ROLES:
            known.add(r)
    for entry in glossary.values():
        for t in (entry.term, *entry.alternates):
            for v in variants(t):
                known.add(v)
    for p in parties:
        known.add(p.name)
        for w in re.findall(r"[A-Za-z][\w'-]*", p.name):
            known.add(w)
        for a in p.aliases:
            for v in variants(a):
                known.add(v)
    from slalint.analysis.components.parties import party_patterns

    for role_word in party_patterns():
        for v in variants(role_word):
            known.add(v)  # "Customer" used as a name: the party, defined here or in the MSA
    for t in (*ctx.vocabulary, *ctx.external_terms):
        for v in variants(t):
            known.add(v)
    for unit in ctx.units:
        if unit.is_heading and unit.section.title:
            known.add(unit.section.title.strip().rstrip(".:"))
    if ctx.document.title:
        known.add(ctx.document.title)
    implicit, acronyms = _implicit_definitions(ctx)
    for t in implicit:
        for v in variants(t):
            known.add(v)
    roles = {_norm(r) for r in party_patterns()}
    # a company's own name in front of a noun is its thing ("Cardlytics Software",
    # "Datec Help Desk"), not a new term; a role word ("Customer Data") is not a name
    party_name_words = {_norm(w) for p in parties for w in re.findall(r"[A-Z][\w'-]*", p.name)} - roles - {_norm(w) for w in word_list("stopwords")}
    stop = word_list("stopwords")
    starters = {_norm(a) for p in parties for a in p.aliases} | {_norm(r) for r in party_patterns()}
    # a party's name after a run ends a heading run into its first sentence: "Disputes
    # Galaxy shall ...", "Customer Care IBM will provide ..."
    starters |= {_norm(w) for p in parties for w in re.findall(r"[A-Z][\w'-]*", p.name)[:1]}

    found: dict[str, UndefinedTerm] = {}
    heads: set[str] = set()
    party_words = party_name_words | roles | party_aliases | {_norm(w) for p in parties for a in p.aliases for w in a.split()}
    # the head nouns of multi-word terms and names: "such Index" after "Retail Price Index"
    head_words = {_singular(p.split()[-1]) for p in glossary_known.phrases | {_norm(t) for t in implicit} if " " in p}
    strong: set[str] = set()
    organisations: set[str] = set()
    forms: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for unit, s, e in ctx.sentences():
        if is_title(unit) or (skip_units and unit.index in skip_units):
            continue
        if s + len(unit.text[s:e].rstrip()) <= title_end(unit) + 1:
            continue  # the run-in title of a numbered clause
        text = unit.text
        if unit.in_table and len(text.split()) <= 6:
            continue
        caption = _CAPTION_COLON.match(text)
        caption_end = caption.end("caption") if caption and _is_title_like(caption.group("caption")) else -1
        sentence = text[s:e]
        runs = list(_runs(sentence))
        if not runs or (len(runs) == 1 and runs[0][1][0] == 0 and len(runs[0][0]) == 1):
            continue  # no Title-case words past a capitalised first word: nothing to check
        if _is_shouting(sentence) or _is_title_like(sentence) or "@" in sentence or _SIGNATURE_TEXT.search(sentence):
            continue
        if _DRAWING.search(sentence) or runs_into_contents(sentence):
            continue  # a line drawing, a flattened table or table of contents: labels, not prose
        if _INITIAL_PREFIX.match(text[:s]) and _is_title_like(sentence.rstrip().rstrip(".:")):
            continue  # a run-in heading: "Reservation of Rights. Except for ..."
        for run in runs:
            words, starts = run
            lead = sentence[max(0, starts[0] - _WINDOW):starts[0]]
            opens = starts[0] == 0 or (starts[0] <= 24 and bool(_INITIAL_PREFIX.match(sentence[:starts[0]])))
            initial = (starts[0] <= 24 and bool(_INITIAL_PREFIX.match(sentence[:starts[0]]))) or bool(_AFTER_BREAK.search(lead[-24:]))
            # trim function words ("The", "If", "Each") wherever they lead the run
            while words and words[0].lower() in stop:
                words, starts = words[1:], starts[1:]
                initial = True
                opens = False  # "Each Critical Incident ...": the determiner presupposes a term
            if not words:
                continue
            if initial and len(words) == 1:
                continue
            if opens:
                continue  # opens the sentence: often a heading run into it ("Customer Care IBM
                # will ..."); a real term is also used mid-sentence, where it is counted
            if all(known.covered(words)):
                continue  # defined terms, party names, vocabulary (the commonest case: first)
            if any(w.lower() in stop or _norm(w) in starters for w in words[1:]):
                continue  # a run-in heading glued to the next sentence: "Taxes Customer shall ..."
            if len(words) == 1 and _NOT_A_NOUN.search(words[0]):
                continue  # "Preparing", "Committed", "Indirectly": not a term
            if any(_norm(w).split("-")[0] in _NUMBER_WORDS for w in words):
                continue  # "Thirty-six", "Two Million Dollars": an amount written out
            while words and words[-1].lower() in _CONNECTORS:
                words, starts = words[:-1], starts[:-1]
            end = starts[-1] + len(words[-1])
            before = sentence[max(0, starts[0] - _WINDOW):starts[0]]
            after = sentence[end:end + _WINDOW]
            abs_run = s + starts[0]
            if _open_bracket(text[max(0, abs_run - 2 * _WINDOW):abs_run], 2 * _WINDOW):
                continue  # drafting note, placeholder or bracketed option
            if abs_run < caption_end:
                continue  # a caption run in before a colon: "Responsibility of and Indemnification by Agency: ..."
            if _OWNER_IN_PARENS.match(sentence[end:end + 60]):
                organisations.add(_singular_phrase(_norm(re.sub(r"['\u2019]s?$", "", " ".join(words)))))
                continue  # "Titan's (Flock FZLLC) policies": a company, wherever it is named
            if _SECTION_TITLE_BEFORE.search(before[-40:]):
                continue  # "Section 3: Service Specification": a cited title
            if _CITED_TITLE.search(before[-40:]) or _ACRONYM_BEFORE.search(before[-40:]) or _in_cited_title(before, len(before)):
                continue  # "Section 6.3 (Representations & Warranties)", "(Withdrawal) Act", "OFAC's Specially ..."
            if before.endswith(("[", "{", "<")) or re.search(r"[\"\u201c\u2018]\s*$", before) and re.match(r"^\s*[\"\u201d\u2019]", after):
                continue  # placeholder or a quoted title
            low_words = [w.lower().rstrip("'\u2019s") if w.endswith(("'s", "\u2019s")) else w.lower() for w in words]
            if _REFERENCE_AFTER.match(after) and len(after.strip()) > 0 and after.lstrip()[:1].isdigit():
                continue  # "Phase 2", "Release 3", "Schedule 4"
            if _DOCUMENT_CODE_AFTER.match(after):
                organisations.add(_singular_phrase(_norm(" ".join(words))))
                continue  # "Bellcore TR-TSY-000181": a standards body or publisher before its document number
            if _FORM_REFERENCE_AFTER.match(after) or _PAGE_FURNITURE_AFTER.match(after):
                continue  # "Form S-1", "Order no. 8062", a page footer
            if _OPTIONAL_PLURAL.match(after) or _AFTER_OPTIONAL_PLURAL.search(before[-12:]):
                continue  # a piece of a term written with an optional plural: "Event(s) of Default"
            if _NAMED_BEFORE.search(before[-30:]):
                organisations.add(_singular_phrase(_norm(re.sub(r"['\u2019]s?$", "", " ".join(words)))))
                continue  # "entitled Guide to Maintaining Roadworthiness", "known as Desert Winds"
            if _ORG_DESCRIPTION_AFTER.match(after) or _place_after(after, known):
                # an organisation by its description, a town before its state: a name
                # wherever else it is used ("Minot, North Dakota" -> "our Minot office")
                organisations.add(_singular_phrase(_norm(re.sub(r"['\u2019]s?$", "", " ".join(words)))))
                continue
            if _gives_short_name(words, after) or _DEFINED_ELSEWHERE_AFTER.match(after):
                # the full name a short name is given to ("Services Continuity Plan (the
                # "Plan")"), or a term that says where it is defined ("(as defined below)")
                organisations.add(_singular_phrase(_norm(re.sub(r"['\u2019]s?$", "", " ".join(words)))))
                continue
            if _expands_acronym(words, after, acronyms):
                continue  # the expansion of an acronym the document uses ("Engineering Change
                # Order", ECO; "Dairy Crest", DCL for Dairy Crest Limited)
            if len(words) > 1 and _norm(words[0]).split("-")[0] in party_name_words and not glossary_known.covered(words[:1])[0]:
                continue  # a party's own name before a noun: "Cardlytics Software", "Datec Help Desk"
            if len(words) > 1 and _norm(words[-1]) in _STAFF_WORDS and (_norm(words[0]) in party_name_words or _norm(words[0]) in roles or _norm(words[0]) in party_aliases):
                continue  # a party's person or team: "Supplier Project Manager", "Converge Relationship Manager"
            if _ADDRESS_AFTER.search(sentence[end:end + 80]) or low_words[-1] in _ADDRESS_WORDS:
                # an address: "Claygate House, Littleworth Road, Esher, Surrey KT10 9BX"; a town
                # named in an address is a place wherever else it is named ("our Albany office")
                organisations.add(_singular_phrase(_norm(" ".join(words))))
                continue
            if low_words[-1] in _STATUTE_WORDS or low_words[-1] in _ORG_WORDS or low_words[-1] in _DOCUMENT_WORDS:
                continue  # "... Act", "... Bank", "Privacy Policy", "Community Guidelines"
            if _BRAND_BEFORE.search(before) or _glued(sentence, starts[0], end):
                continue  # "GitHub Mobile", "WordPress.com Courses", "Happy.Tools"
            prev = _PREV_WORD.search(before[-60:])
            if prev and _norm(prev.group(1)) in known_names() and prev.group(1)[:1].isupper():
                continue  # "Titan's Customer Terms", "Microsoft Teams": a named owner's product
            if re.match(r"^\s*,\s*\d", after) or re.search(r"\d+(?:st|nd|rd|th)?\s+$", before):
                continue  # an address: "25 Herbert Pl, Dublin", "28th Floor"
            if len(words) > 1 and _norm(words[0]) in _BRANDS():
                continue  # "Google Ad Manager": an organisation's or product's own name
            if _inside_quotes(before, len(before)):
                continue
            if _UI_NOUN_AFTER.match(after):
                continue  # "our Cancellation policy", "your Billing settings": a named page or feature
            if _ACRONYM_AFTER.match(after):
                continue  # "Project Manager (PM)": the expansion of an abbreviation
            if _STATUTE_ANYWHERE.intersection(low_words) or _ORG_ANYWHERE.intersection(low_words) or _STATUTE_TAIL.match(after):
                continue
            if _ORG_SUFFIX_AFTER.match(after):
                organisations.add(_singular_phrase(_norm(re.sub(r"['\u2019]s?$", "", " ".join(words)))))
                continue  # "Galacticomm, Inc.": a company, wherever else it is named
            if low_words[0] in word_list("people"):
                continue
            if _part_of_known(before, words, after, known):
                continue  # "Pre-Existing Materials", "Commercial AI System", "Central or South America"
            if len(words) == 1 and len(words[0]) <= 2:
                continue
            if len(words) == 1 and _single_word_not_a_term(words[0], before, after, known, head_words):
                continue
            if len(words) == 1 and _norm(words[0]) in _STAFF_WORDS:
                owner = _PREV_TOKEN.search(before[-40:])
                if owner and _norm(owner.group(1)) in party_words:
                    continue  # "BSP Personnel", "Datec Personnel": a party's staff
            if len(words) == 1 and words[0].endswith("s") and _PLURAL_POSSESSIVE_AFTER.match(after):
                continue  # "Workers' Compensation": one word of a name with a plural possessive
            if scope == "variables" and len(words) > 1:
                continue  # a cover page's / order form's variable ("Notice Address")
            term = re.sub(r"['\u2019]s?$", "", " ".join(words))
            key = _singular_phrase(_norm(term))
            entry = found.get(key)
            if entry is None:
                entry = found[key] = UndefinedTerm(term)
            abs_start = s + starts[0]
            ev = unit.evidence(abs_start, s + end)
            entry.uses.append(ev)
            if not _MODIFIER_AFTER.match(after[:40]):
                heads.add(key)  # used at least once as a noun, not only as a label on a lower-case one
            forms[key][term] += 1
            if key not in strong:
                part = glossary_known.covered(words)
                if (
                    (any(part) and not all(part) and len(words) > 1)
                    or (
                        len(words) == 1
                        and (ev.anchor.start or 0) >= def_bodies.get(ev.anchor.paragraph, 1 << 30)
                        and _bare_word_in_definition(sentence[:starts[0]], after)
                    )
                    or (not roles_known and key in _CONFIDENTIALITY_ROLES)
                ):
                    strong.add(key)
    out = []
    single_words = [k for k, e in found.items() if " " not in k and k not in organisations and (len(e.uses) >= 2 or k in strong)]
    lower = _lowercase_uses(ctx, single_words) if single_words else {}
    for key, entry in found.items():
        if key in organisations or (len(entry.uses) < 2 and key not in strong):
            continue  # one capitalised use with nothing presupposing a definition
        if " " not in key and key not in strong and (key not in heads or lower.get(key, 0) >= len(entry.uses)):
            continue  # a capitalised label on a lower-case noun ("Next business day"), or a word
            # the document writes in lower case as often, in the same place in a phrase ("the
            # hardware"): capitals for emphasis or from a caption, not a term (a word with a
            # stated reason, such as a bare word inside a definition, is still reported)
        written = forms[key]
        singular = [f for f in written if _singular_phrase(_norm(f)) == _norm(f)]
        entry.term = max(singular or written, key=lambda f: (written[f], -len(f)))
        out.append(entry)
    if len(out) > MAX_CANDIDATES:
        # the strongest first: a stated reason, then the most uses
        out.sort(key=lambda u: (_singular_phrase(_norm(u.term)) not in strong, -len(u.uses)))
        del out[MAX_CANDIDATES:]
    out.sort(key=lambda u: (u.uses[0].anchor.paragraph, u.uses[0].anchor.start))
    return out


MAX_CANDIDATES = 15
"""At most this many candidates per document, the best-evidenced ones. A document with
more has a systemic habit (title-case product and service names, headings run into the
text) that the first fifteen show; listing a hundred would bury them."""


_TITLE_TOKEN = re.compile(
    r"(?<![A-Za-z])(?<![A-Za-z]['\u2019-])[A-Z][a-z](?:[a-z'\u2019-]*[a-z])?(?![A-Za-z'\u2019-]*[A-Za-z])"
)
"""A Title-case word as a whole token ("Service", "Provider's"; not "Service-Level",
"eService" or "SaaS")."""


_NEIGHBOUR_LEFT2 = re.compile(r"(?:([\w][\w'\u2019&-]*)\s+)?([\w][\w'\u2019&-]*)\s+$")
_NEIGHBOUR_RIGHT = re.compile(r"^\s+([\w][\w'\u2019&-]*)(?:\s+([\w][\w'\u2019&-]*))?(?:\s+([\w][\w'\u2019&-]*))?")
_COORDINATED = re.compile(r"^\s+(?:or|and|&)\s+(?:[A-Z][\w-]*\s+){0,2}([A-Z][\w-]*)")
_POSSESSIVE_BEFORE = re.compile(r"\b([A-Z][\w&-]*)['\u2019]s\s+$")
_SHARED_TAIL = re.compile(
    r"^(?:\s*,\s*[A-Z][\w]*)*\s*,?\s+(?:or|and|and/or)\s+[A-Z][\w]*(?P<tail>-[A-Za-z][\w-]*(?:\s+[A-Z][\w-]*){0,4})"
)
"""After a word: the rest of a list whose last item carries the shared tail ("Minority,
Woman or Disabled-Owned Business Enterprise": a Minority-Owned Business Enterprise)."""


def _part_of_known(before: str, words: list[str], after: str, known: "_Known") -> bool:
    """Is the run one piece of a longer known phrase whose other words the Title-case
    scan does not see: a hyphenated or all-caps neighbour ("Pre-Existing Materials",
    "Commercial AI System"), or a coordinated modifier ("Central or South America")?"""
    phrase = " ".join(words)
    lefts = []
    left = _NEIGHBOUR_LEFT2.search(before[-60:])
    if left:
        lefts.append(left.group(2) + " ")
        if left.group(1):
            lefts.append(left.group(1) + " " + left.group(2) + " ")  # "Trials and | Betas"
    right = _NEIGHBOUR_RIGHT.match(after[:80])
    rights = [""]
    if right:
        tail = ""
        for g in right.groups():
            if not g:
                break
            tail += " " + g
            rights.append(tail)
    for lw in lefts + [""]:
        for rw in rights:
            if (lw or rw) and _norm(lw + phrase + rw) in known.phrases:
                return True
            if "-" in lw and _singular_phrase(_norm(lw + phrase + rw).replace("-", " ")) in known.phrases:
                return True
            if (lw or rw) and _singular_phrase(_norm(lw + phrase + rw)) in known.phrases:
                return True
    coord = _COORDINATED.match(after[:60])
    if coord and _norm(f"{phrase} {coord.group(1)}") in known.phrases:
        return True
    poss = _POSSESSIVE_BEFORE.search(before[-60:])
    if poss and _singular_phrase(_norm(f"{poss.group(1)} {phrase}")) in known.phrases:
        return True  # "Licensee's Product" with "Licensee Product" defined
    shared = _SHARED_TAIL.match(after[:120])
    if shared and len(words) == 1:
        tail = re.sub(r"\s+", " ", shared.group("tail"))
        if _singular_phrase(_norm(phrase + tail)) in known.phrases:
            return True  # "a Minority, Woman or Disabled-Owned Business Enterprise"
    if known.comma_free:
        left_words = re.findall(r"[\w'\u2019&-]+", before[-60:])[-3:]
        right_words = re.findall(r"[\w'\u2019&-]+", after[:120])[:8]
        for k in range(len(left_words) + 1):
            lw = left_words[len(left_words) - k:]
            for n in range(len(right_words) + 1):
                if _norm(" ".join(lw + words + right_words[:n])) in known.comma_free:
                    return True  # "Deployment, Hosting and Maintenance Specifications"
    return False


def _runs(sentence: str) -> Iterable[tuple[list[str], list[int]]]:
    """Runs of Title-case words separated by single spaces, joined over "of" when a
    Title-case word follows ("Statement of Work"); a possessive ends its run. Only the
    Title-case words are visited (a regular expression finds them), not every token."""
    words: list[str] = []
    starts: list[int] = []
    prev_end = -1
    for m in _TITLE_TOKEN.finditer(sentence):
        tok = m.group(0)
        if words:
            gap = sentence[prev_end:m.start()]
            if gap == " of ":
                words.append("of")
                starts.append(prev_end + 1)
            elif gap != " ":
                yield words, starts
                words, starts = [], []
        words.append(tok)
        starts.append(m.start())
        prev_end = m.end()
        if tok.endswith(("'s", "\u2019s")):  # "Provider's Downtime": the possessive closes the run
            yield words, starts
            words, starts = [], []
    if words:
        yield words, starts


def analyze_terms(
    ctx: AnalysisContext, nlp: "Language", parties: list[Party]
) -> tuple[dict[str, DefinedTerm], list[UndefinedTerm], list[Evidence]]:
    """(glossary, undefined-term candidates, evidence that another document's definitions
    apply). When they do, the undefined capitals are that document's terms: candidates are
    reported only when the caller knows that document's terms (``external_terms``)."""
    glossary = build_glossary(ctx, nlp)
    imported = external_glossaries(ctx)
    undefined = [] if imported and not ctx.external_terms else find_undefined(ctx, glossary, parties)
    return glossary, undefined, imported


__all__ = ["analyze_terms", "build_glossary", "is_definitions_section", "find_definitions", "find_undefined", "external_glossaries", "variants"]

