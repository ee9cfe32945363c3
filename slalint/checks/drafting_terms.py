"""Defined-term hygiene (pack `drafting`): undefined, unused, duplicated, late and lowercase terms.

A defined term is a promise that the capitalised words carry one meaning everywhere. The
analysis builds the glossary (every definition and every use) and the list of capitalised
terms nobody defines; these checks turn that into findings a drafter can act on, with the
detail that makes a finding convincing: "Critical Incident" is undefined *although*
"Incident" is defined; "Downtime" is used only *inside* the definition of "Uptime".
"""

from __future__ import annotations

import difflib
import re
from typing import Iterator

from slalint.analysis.contents import contents_entries
from slalint.analysis.facts import DefinedTerm, Evidence, TermUse, UndefinedTerm
from slalint.analysis.terms import is_definitions_section, variants
from slalint.engine.checks import check
from slalint.engine.context import Hit, RuleContext

_NOT_A_USE_HOW = ("party", "external", "reference")
"""Kinds of definition that are not a drafter's defined term in the ordinary sense: a
party's short name, a term defined in another document, "has the meaning in Section X"."""


def _same_paragraph(a: Evidence, b: Evidence) -> bool:
    return a.anchor.part == b.anchor.part and a.anchor.paragraph == b.anchor.paragraph


def _inside_definition(ev: Evidence, glossary: dict[str, DefinedTerm]) -> str | None:
    """The defined term whose definition holds ``ev`` (same paragraph, after the term)."""
    for entry in glossary.values():
        site = entry.evidence
        if entry.how not in ("means", "bold", "table"):
            continue  # a parenthetical definition follows the words it defines
        if _same_paragraph(site, ev) and ev.anchor.start > site.anchor.start:
            return entry.term
    return None


def _contained_defined(term: str, glossary: dict[str, DefinedTerm]) -> str | None:
    """The longest defined term whose words appear inside ``term`` ("Incident" in
    "Critical Incidents"): the drafter probably meant a new term built on a defined one."""
    words = [w.lower().rstrip("s") for w in term.split()]
    best: str | None = None
    for entry in glossary.values():
        if entry.how == "party":
            continue  # "Sales Telnet": a run-in heading followed by a party's name, not a new term
        for t in (entry.term, *entry.alternates):
            tw = [w.lower().rstrip("s") for w in t.split()]
            n = len(tw)
            if not n or n >= len(words):
                continue
            if any(words[i:i + n] == tw for i in range(len(words) - n + 1)):
                if best is None or len(t) > len(best):
                    best = t
    return best


def paragraph_for(ctx: RuleContext, ev: Evidence):  # type: ignore[no-untyped-def]
    """The ParaInfo holding the evidence. Several paragraphs may share an anchor key (a
    heading split from its clause on one source line of a text file): the one whose text
    holds the quoted words wins."""
    cache = getattr(ctx, "_drafting_paras", None)
    if cache is None:
        cache = {}
        for info in ctx.index.paragraphs:
            cache.setdefault((info.paragraph.anchor.part, info.paragraph.anchor.paragraph), []).append(info)
        ctx._drafting_paras = cache  # type: ignore[attr-defined]
    infos = cache.get((ev.anchor.part, ev.anchor.paragraph), [])
    if len(infos) <= 1:
        return infos[0] if infos else None
    end = ev.anchor.end if ev.anchor.end is not None else ev.anchor.start + len(ev.quote)
    for info in infos:
        if info.paragraph.text[ev.anchor.start:end] == ev.quote:
            return info
    return infos[0]


def sentence_quote(ctx: RuleContext, ev: Evidence) -> str:
    """The sentence holding the evidence (the finding keeps its anchor on the words)."""
    info = paragraph_for(ctx, ev)
    if info is None:
        return ev.quote
    end = ev.anchor.end if ev.anchor.end is not None else len(info.paragraph.text)
    s, e = ctx.sentence_around(info.paragraph, ev.anchor.start, end)
    return info.paragraph.text[s:e] or ev.quote


_EDIT = re.compile(
    r"^\s*(?:Replace|Delete|Insert|Add|Amend|Restate)\b[^.]{0,80}\b(?:Sections?|Clauses?|Paragraphs?)\s+\d"
    r"|\b(?:Sections?|Clauses?)\s+[\d.()a-z]+\s+(?:of\s+the\s+[A-Z][\w\s]{0,40})?is\s+(?:hereby\s+)?(?:amended|deleted|replaced)\b",
    re.I,
)


def amends_another_document(ctx: RuleContext) -> bool:
    """An amendment, rider or playbook of edits ("Replace the first sentence of Section 2
    with the following: ..."): its terms and numbers are those of the base agreement."""
    return sum(1 for i in ctx.iter_paragraphs("all") if _EDIT.search(i.paragraph.text)) >= 2


def in_definitions_section(ctx: RuleContext, ev: Evidence) -> bool:
    """Is the evidence inside a definitions / interpretation section (or schedule)?"""
    section = ctx.index.section_of(ev.anchor)
    if section is None:
        return False
    return any(is_definitions_section(s) for s in ctx.index.ancestors(section))


_MEANS_PARAGRAPH = re.compile(r"^\W{0,4}[\"\u201c][^\"\u201d]{1,80}[\"\u201d]\s*(?:\([^()]{1,40}\)\s*)?[,:]?\s*(?:means|shall\s+mean|has\s+the\s+meaning|refers\s+to)\b", re.I)


_DEFINITION_PIECE = re.compile(
    r"^[^\"\u201c]{0,30}[\"\u201c][^\"\u201d]{1,80}[\"\u201d]\s*(?:$|\(|or\b|stands\b|means\b|shall\s+mean\b)|^\s*(?:means|mean|shall\s+mean)\b",
    re.I,
)
"""A definition split over lines ("Taxe(s)"" / "mean any and all ..."), as EDGAR text lays some out."""


def _in_definitions_run(ctx: RuleContext, ev: Evidence) -> bool:
    """Is the evidence in a run of "X" means ... paragraphs (a list of definitions that
    carries no "Definitions" heading, common in EDGAR text): such a list, like a
    definitions section, applies throughout."""
    info = paragraph_for(ctx, ev)
    if info is None:
        return False
    paras = ctx.index.paragraphs
    n = _position(ctx, info)
    if n < 0 or not _MEANS_PARAGRAPH.match(info.paragraph.text):
        return False
    near = [p for p in paras[max(0, n - 3):n] + paras[n + 1:n + 4] if p.paragraph.text.strip()]
    return sum(1 for p in near if _MEANS_PARAGRAPH.match(p.paragraph.text) or _DEFINITION_PIECE.match(p.paragraph.text)) >= 2


_ADDRESS_AFTER = re.compile(r"^\s*,\s*(?:[A-Z][A-Za-z.]+\s*){1,3},?\s*(?:\d{4,5}\b|[A-Z]{2}\b)|^\s*,\s*(?:[A-Z][A-Za-z.]+\s*){1,3}\d{4,5}\b")
_PLACE_WORDS = frozenset("county city town village street road avenue lane borough parish district province state".split())
_TIME_BEFORE = re.compile(r"\d\s*(?:[ap]\.?\s?m\.?|o['\u2019]clock)\s*,?\s*$", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\(\w{1,4}\)\s*)[\"\u201c(]?$")


def _explained(ctx: RuleContext, term: UndefinedTerm) -> bool:
    """Narrow reasons a candidate is not an undefined term after all, checked on its uses:
    a place in an address ("Troy, New York 12180", "Albany County"), a time zone after a
    time ("6:00 p.m. Eastern Time"), a word glued to an acronym of a name ("Managed IT
    Services"), the tail of a hyphenated term ("Out-of-Scope Work"), a term that is
    quoted (being defined) somewhere, or a defined term with a sentence-initial word in
    front ("Outside Business Hours, ...")."""
    words = term.term.split()
    if words and words[-1].lower() in _PLACE_WORDS:
        return True
    texts = []
    for ev in term.uses:
        info = paragraph_for(ctx, ev)
        if info is None:
            return False
        end = ev.anchor.end if ev.anchor.end is not None else len(info.paragraph.text)
        texts.append((info.paragraph.text, ev.anchor.start, end))
    glossary_lower = {t.lower() for e in ctx.analysis.glossary.values() for t in (e.term, *e.alternates)}

    if any(_ADDRESS_AFTER.match(t[b:]) or _TIME_BEFORE.search(t[:a]) for t, a, b in texts):
        return True  # a place (used once in an address) or a time zone (after a time)

    captions = []
    for ev in term.uses:
        info = paragraph_for(ctx, ev)
        marks = info.paragraph.marks if info is not None else ()
        captions.append(any(m.kind == "bold" and m.start <= 2 and ev.anchor.start >= m.start
                            and (m.end is None or (ev.anchor.end or 0) <= m.end) for m in marks))
    if captions and all(captions):
        return True  # a bold run-in caption ("**Payment Based on Plan** For monthly ...")

    def explained_use(text: str, a: int, b: int) -> bool:
        before, after = text[:a], text[b:]
        lead = re.search(r"((?:[\w'\u2019-]+\s+){1,3})$", before)
        if lead:
            toks = lead.group(1).split()
            for k in range(1, len(toks) + 1):
                if " ".join(toks[-k:] + words).lower() in glossary_lower:
                    return True  # the tail of a defined term ("Out-of-Scope Work")
        if re.match(r"^\s+[A-Z]{2,}\b", after) or re.search(r"\b[A-Z]{2,}\s+$", before) and len(words) == 1:
            return True
        if before.endswith("-"):
            return True
        rest = " ".join(words[1:]).lower()
        if len(words) > 1 and _SENTENCE_START.search(before) and (rest in glossary_lower or rest.rstrip("s") in glossary_lower):
            return True
        return False

    if all(explained_use(*t) for t in texts):
        return True
    quoted = re.compile(r"[\"\u201c](?:[Tt]he\s+)?" + re.escape(term.term) + r"s?[,.]?[\"\u201d]")
    return any(quoted.search(i.paragraph.text) for i in ctx.iter_paragraphs("all"))


@check(requires=("terms",), placeholders=("term", "uses", "detail"))
def undefined_term(ctx: RuleContext) -> Iterator[Hit]:
    """Capitalised terms used as if defined, defined nowhere (one finding per term, at its
    first use; the message says why it looks like a term).

    A candidate is *strong* when it is built on a defined term ("Critical Incident"), is
    used only inside another term's definition, or is used at least twice. A document with
    more than ``max_weak`` weak (single, unrelated) candidates capitalises freely (product
    names, run-in headings): there only the strong candidates are reported. A document
    with more than ``max_weak`` single-use candidates of any kind is the same habit seen
    through tables and lists run into the text: there only terms used twice or more are."""
    min_uses = int(ctx.params.get("min_uses", 1))
    max_weak = int(ctx.params.get("max_weak", 3))
    if amends_another_document(ctx):
        return  # its capitalised terms are those of the agreement it amends
    glossary = ctx.analysis.glossary
    found: list[tuple[object, str, bool]] = []
    for term in ctx.analysis.undefined_terms:
        if not term.uses or len(term.uses) < min_uses:
            continue
        details = []
        contained = _contained_defined(term.term, glossary)
        if contained:
            details.append(f'only "{contained}" is defined')
        owners = {_inside_definition(u, glossary) for u in term.uses}
        if len(owners) == 1 and None not in owners:
            details.append(f'used only inside the definition of "{owners.pop()}"')
        strong = bool(details) or len(term.uses) >= 2
        found.append((term, f" ({'; '.join(details)})" if details else "", strong))
    found = [f for f in found if not _explained(ctx, f[0])]  # type: ignore[arg-type]
    weak = sum(1 for _, _, strong in found if not strong)
    single = sum(1 for term, _, _ in found if len(term.uses) < 2)  # type: ignore[attr-defined]
    for term, detail, strong in found:
        if not strong and max_weak >= 0 and weak > max_weak:
            continue  # a document that capitalises freely (product names, run-in headings)
        if len(term.uses) < 2 and max_weak >= 0 and single > max_weak:  # type: ignore[attr-defined]
            continue  # ... and there even a telling single use is more likely a name or a
            # table label run into the text ("Commencement Date Termination") than a term
        first = term.uses[0]  # type: ignore[attr-defined]
        yield Hit(first, {"term": term.term, "uses": len(term.uses), "detail": detail},  # type: ignore[attr-defined]
                  quote=sentence_quote(ctx, first), extra_evidence=list(term.uses[1:4]))  # type: ignore[attr-defined]


@check(requires=("terms",), placeholders=("term", "how"))
def unused_definition(ctx: RuleContext) -> Iterator[Hit]:
    """Defined terms never used after their definition (party names and terms imported
    from another document are left out: a party's short name need not be reused)."""
    glossary = ctx.analysis.glossary
    for entry in glossary.values():
        if entry.how in _NOT_A_USE_HOW or entry.how == "table" or entry.uses:
            continue  # (a table's first column may be field labels of a cover page, not terms)
        if _is_abbreviation(entry.term):
            continue  # "Quality Management System ("QMS")" said once: clutter at most
        forms = {v.lower() for v in variants(entry.term)}
        if any(other is not entry and other.uses and (other.term.lower() in forms or any(f" {f} " in f" {other.term.lower()} " for f in forms))
               for other in glossary.values()):
            continue  # its plural is the term in use, or a longer term built on it is used
        compound = re.compile(r"\b[A-Z][\w-]*\s+" + re.escape(entry.term) + r"s?\b")
        if any(compound.search(i.paragraph.text) for i in ctx.iter_paragraphs("all")):
            continue  # built into longer names ("Provider Covered Claims", "Customer Covered Claims")
        if _is_caption(_para_text(ctx, entry.evidence), entry.evidence):
            continue  # Exhibit 3 ("Main Elements covered ..."): a referenced part's caption, not a definition
        if len(entry.term.split()) > 8 or re.search(r"[.;)]\s", entry.term):
            continue  # not a term: words caught between two quotation marks
        if _used_in_another_form(ctx, entry.term, entry.evidence):
            continue
        yield Hit(entry.evidence, {"term": entry.term, "how": entry.how}, quote=sentence_quote(ctx, entry.evidence))


def _used_in_another_form(ctx: RuleContext, term: str, defined_at: Evidence) -> bool:
    """"Request(s)" used as "Request"; "Actual Available Minutes (AAM)" used as "AAM" or as
    "Actual Available Minutes": forms the glossary does not list, searched in the text."""
    m = re.match(r"^(.*?)\s*\(([^()]{1,40})\)\s*$", term) or re.match(r"^(.*?)/(S|s|es|ES)$", term)
    info = paragraph_for(ctx, defined_at)
    after = info.paragraph.text[defined_at.anchor.end or defined_at.anchor.start:] if info is not None else ""
    acronym = re.match(r"^[\"\u201d\u2019']?\s*\(\s*([A-Z][A-Z0-9&/-]{1,9})\s*\)", after)
    if m:
        base, inner = m.group(1).strip(), m.group(2).strip()
        forms = [base] if inner.lower() == "s" else [base, inner]
    elif acronym:
        forms = [acronym.group(1)]  # ""End of Life" (EOL)": the acronym is what the text uses
    elif re.search(r"\w-\s+\w", term):
        forms = [re.sub(r"-\s+", "-", term)]  # "One- Month ...": a hyphen split by a line break
    else:
        return False
    forms = [f for f in forms if len(f) >= 2]
    if not forms:
        return False
    rx = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?:s|S)?\b",
                    re.I if all(f.isupper() and len(f) > 4 for f in forms) else 0)  # "UPDATE(S)" used as "Updates"
    if rx.search(after[acronym.end():] if acronym else after):
        return True  # used later in the sentence that defines it
    for info in ctx.iter_paragraphs("all"):
        if _same_paragraph(ctx.evidence_for(info.paragraph), defined_at):
            continue
        if rx.search(info.paragraph.text):
            return True
    return False


def _is_abbreviation(term: str) -> bool:
    """"QMS", "SaaS", "UK GDPR", "N-1", "RPQ's": a short label, not a defined phrase."""
    term = re.sub(r"['\u2019]?s$", "", term) if re.search(r"[A-Z]{2}['\u2019]?s$", term) else term
    if re.fullmatch(r"[A-Z][A-Za-z]{1,6}", term) and sum(c.isupper() for c in term) >= 2:
        return True
    return len(term) <= 10 and bool(re.fullmatch(r"[A-Z][A-Z0-9]*(?:[ -][A-Z0-9]+)*", term))


_REFERENCE_DEF = re.compile(
    r"\b(?:has|have|shall\s+have|will\s+have|bears?|is\s+given)\s+the\s+meaning|\b(?:is|are)\s+defined\s+in\b|"
    r"\bas\s+defined\s+(?:in|under)\b|\bmeanings?\s+(?:given|set\s+out|ascribed|assigned)\b|"
    r"\bso\s+defined\b|\bmeans?\s+the\s+\w+(?:\s+\w+)?\s+(?:set\s+(?:forth|out)|specified|stated|identified)\s+(?:on|in)\s+(?:the\s+)?(?:first\s+page|preamble|cover)",
    re.I,
)
_CAPTION_AFTER_REFERENCE = re.compile(
    r"(?:\b(?:Exhibits?|Schedules?|Annex(?:es)?|Appendix|Appendices|Attachments?|Clauses?|Sections?|Articles?|Paragraphs?)"
    r"\s+[\w.]{1,8}|(?:,|\band|\bor)\s+[\w.]{1,6})\s*\(\s*[\"\u201c]?\s*$",
    re.I,
)
"""Exhibit 6 ("LRUs covered by repair ..."), Clause 6 ("Deliveries"), "Exhibits 8 (...), 9
(...)": the caption of a referenced part quoted in passing, not a definition."""
_PARENTHETICAL_BEFORE = re.compile(
    r"\(\s*(?:(?:each|each,|the|a|an|together|collectively|hereinafter|individually|such)\b[^()]{0,40})?[\"\u201c]?\s*$", re.I
)


def _para_text(ctx: RuleContext, ev: Evidence) -> str:
    info = paragraph_for(ctx, ev)
    return info.paragraph.text if info else ev.quote


def _is_caption(text: str, ev: Evidence) -> bool:
    return bool(_CAPTION_AFTER_REFERENCE.search(text[:ev.anchor.start]))


_ATTACHMENT_LABEL = re.compile(r"^\s*(?:Schedule|Exhibit|Annex|Appendix|Attachment|Addendum)\b", re.I)


def _attachment_of(ctx: RuleContext, ev: Evidence) -> int | None:
    """id of the outermost schedule/exhibit/annex section holding the evidence, or None
    for the body of the agreement."""
    section = ctx.index.section_of(ev.anchor)
    if section is None:
        return None
    found = None
    for s in ctx.index.ancestors(section):
        if _ATTACHMENT_LABEL.match(s.label or "") or _ATTACHMENT_LABEL.match(s.title or ""):
            found = id(s)
    return found


def _seen_numbered_before(ctx: RuleContext, ev: Evidence) -> bool:
    """Whether a numbered clause opens before the evidence (it is past the title block and
    preamble)."""
    section = ctx.index.section_of(ev.anchor)
    return section is not None and any(s.label for s in ctx.index.ancestors(section))


_SCOPED_REDEFINITION = re.compile(
    r"\b(?:for|solely\s+for)\s+(?:the\s+)?purposes?\s+of\s+this\s+(?:Section|Clause|Article|paragraph|sub-?section|sub-?clause|sub-?paragraph)\b"
    r"(?:[^.;]|\.(?=\d))*$",
    re.I,
)
_SELF_REFERENCE = re.compile(r"^[\"\u201d\s]*(?:,\s*)?(?:means|shall\s+mean|refers\s+to|is)\s+this\s", re.I)
"""The document naming itself: ""Agreement" means this Channel Partner Reseller Agreement"."""


def _same_wording(a: str, b: str) -> bool:
    """Two definitions worded (nearly) alike, with the same figures: repeated, not
    conflicting ("8:00 a.m. to 6:00 p.m." against "9:00 a.m. to 5:00 p.m." conflicts)."""
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return False
    return difflib.SequenceMatcher(None, a[:400], b[:400], autojunk=False).ratio() >= 0.85


def _names_party_again(entry: DefinedTerm, text: str, dup: Evidence) -> bool:
    """A party's short name given again with its legal name ("MARSHALL & ILSLEY CORPORATION
    ("M&I")" in the notices clause) or restated by its role (""Client" refers to the
    Client Party"): the same party, not a second definition."""
    name = re.findall(r"[A-Za-z][\w&'-]*", entry.definition)[:2]
    before = text[max(0, dup.anchor.start - 150):dup.anchor.start].lower()
    if name and " ".join(name).lower() in " ".join(re.findall(r"[a-z][\w&'-]*", before)):
        return True
    after = text[dup.anchor.end or dup.anchor.start:][:60]
    return bool(re.search(r"\b(?:" + re.escape(entry.term) + r"\s+)?Party\b|\bnamed\s+above\b", after))


@check(requires=("terms",), placeholders=("term", "first_section", "count"))
def duplicate_definition(ctx: RuleContext) -> Iterator[Hit]:
    """A term defined more than once: one finding on each later definition."""
    for entry in ctx.analysis.glossary.values():
        first = entry.evidence.section or "the preamble"
        if entry.how in ("table", "reference", "external"):
            continue  # a cover-page field table, or "has the meaning given in Section X"
        if _is_abbreviation(entry.term):
            continue  # an abbreviation introduced again ("QMS"): redundant, not conflicting
        first_text = _para_text(ctx, entry.evidence)
        if _is_caption(first_text, entry.evidence):
            continue  # the "first definition" only quotes a referenced part's caption
        first_in_defs = in_definitions_section(ctx, entry.evidence)
        first_part = _attachment_of(ctx, entry.evidence)
        reported: list[Evidence] = []
        for dup in entry.duplicates:
            if _same_paragraph(dup, entry.evidence) or any(_same_paragraph(dup, r) for r in reported):
                continue  # the same definition read twice (e.g. quoted and bold, "Party" and "Parties")
            text = _para_text(ctx, dup)
            if text.strip(" \"\u201c\u201d:.") == entry.term:
                continue  # a heading or a table label, not a definition
            if _REFERENCE_DEF.search(text) or _REFERENCE_DEF.search(first_text):
                continue  # one of the two only points to the other
            if first_in_defs and _PARENTHETICAL_BEFORE.search(text[:dup.anchor.start]):
                continue  # restated in passing where the mechanism is described (CCS, Bonterms style)
            if _is_caption(text, dup):
                continue
            if _attachment_of(ctx, dup) != first_part or _ATTACHMENT_LABEL.match(text):
                continue  # an attached form (notice, certificate, order) is its own instrument
            opened = _instrument_opened_before(ctx, dup)
            if opened is not None and opened > _order(ctx, entry.evidence):
                continue  # an exhibit filed with its own preamble or recitals defines its terms for itself
            if entry.how == "party" and (not _seen_numbered_before(ctx, dup) or _names_party_again(entry, text, dup)):
                continue  # the cover page and the preamble both name the party; a notice block names it again
            if _SCOPED_REDEFINITION.search(text[max(0, dup.anchor.start - 200):dup.anchor.start]):
                continue  # "For purposes of this Section 6.3, the term "Party" means ...": deliberately local
            if _SELF_REFERENCE.match(text[dup.anchor.end or dup.anchor.start:]) or _EDIT.search(text):
                continue  # "Agreement" means this agreement; or an amendment quoting the base text
            if _same_wording(sentence_quote(ctx, dup), sentence_quote(ctx, entry.evidence)):
                continue  # the same definition repeated in a parallel part (two sets of representations): no conflict
            reported.append(dup)
            yield Hit(dup, {"term": entry.term, "first_section": first, "count": len(entry.duplicates) + 1},
                      quote=sentence_quote(ctx, dup), extra_evidence=[entry.evidence])


@check(requires=("terms",), placeholders=("term", "def_section", "uses"))
def defined_after_use(ctx: RuleContext) -> Iterator[Hit]:
    """A term defined in the running text ("... (the "Go-Live Date")") but used before that
    point. Terms of a definitions section apply throughout the agreement and are left out,
    as are uses inside headings and inside other definitions."""
    for entry in ctx.analysis.glossary.values():
        if entry.how in _NOT_A_USE_HOW or entry.how == "table" or len(entry.term) <= 2:
            continue  # a definitions table, like a definitions section, applies throughout
        if in_definitions_section(ctx, entry.evidence) or _in_definitions_run(ctx, entry.evidence):
            continue
        if _glued_instrument(ctx, entry.evidence):
            continue  # "Exhibit A Media Services The following describes ... (the "Notes")": an exhibit glued to a clause
        def_section = ctx.index.section_of(entry.evidence.anchor)
        opened = _instrument_opened_before(ctx, entry.evidence)
        early: list[TermUse] = [u for u in entry.uses if u.before_definition and not u.in_definition_of and not u.lowercase]
        pointer = next((i for i, u in enumerate(early) if _announced_forward(ctx, u.evidence)), len(early))
        early = early[:pointer]  # once the drafter has pointed to the definition ("(as hereinafter defined)"), later uses are fine
        clause = [def_section, *(ctx.index.ancestors(def_section)[1:2] if def_section is not None else [])]
        # (a use in the clause whose sub-clause defines the term: "{TMC = [*]}, where: (i) TMC means ...")
        early = [u for u in early if not in_definitions_section(ctx, u.evidence)
                 and not any(ctx.index.section_of(u.evidence.anchor) is c for c in clause) and not _in_title(ctx, u.evidence)
                 and not _in_contents(ctx, u.evidence)
                 and not (len(entry.term.split()) == 1 and _tail_of_a_name(ctx, u.evidence))
                 and (opened is None or _order(ctx, u.evidence) >= opened)
                 and not _not_a_use(ctx, entry.term, u)]
        if not early:
            continue
        yield Hit(early[0].evidence, {"term": entry.term, "def_section": entry.evidence.section or "the preamble",
                                      "uses": len(early)},
                  quote=sentence_quote(ctx, early[0].evidence), extra_evidence=[entry.evidence])


_PRONOUNS = frozenset("You Your We Us Our They Them".split())
_CAPTION_OPEN = re.compile(
    r"\b(?:Schedules?|Exhibits?|Annex(?:es)?|Appendix|Attachments?|Parts?)\s+[\w.]{1,6}\s*"
    r"(?:\([^()]*|[:\u2013\u2014-]\s+(?:[A-Z][\w'\u2019&/-]*\s+(?:(?:and|of|or|the|for|to|in|on)\s+)*)*)$"
)
"""Inside the caption of a referenced part: "Schedule 6 (Order Form Template, SOW Template",
"Attachment 2: Employee list"."""


def _not_a_use(ctx: RuleContext, term: str, u: TermUse) -> bool:
    """Capitalised words that match a term without using it: a quoted name ("the "E-Path FX
    Trading Platform""), an amendment instruction quoting the base text ("Delete Section 2.0
    Term, SECTION I - Wedge Products"), an ALL-CAPS heading or contents line ("WARRANTIES
    22"), the caption of a referenced part ("Framework Schedule 6 (Order Form Template, SOW
    Template ...)"), "Terms and Conditions" for a term "Term", a label ("Party A:"), a
    party's legal name before its short name ("Mobimagic Co., Ltd."), words capitalised
    otherwise than the term ("Level 2 support"), or a pronoun term opening a sentence ("You
    can grab a copy ...")."""
    info = paragraph_for(ctx, u.evidence)
    if info is None:
        return False
    text = info.paragraph.text
    a = u.evidence.anchor.start
    b = u.evidence.anchor.end if u.evidence.anchor.end is not None else a + len(u.text)
    before, after = text[:a], text[b:]
    if _QUOTE_OPENS.search(before) and _QUOTE_CLOSES.match(after):
        return True
    if _EDIT.search(text) or _CAPTION_OPEN.search(before):
        return True
    if u.text.isupper() and not term.isupper():
        return True
    if re.match(r"^\s+(?:and|&)\s+Conditions\b|^\s+[A-Z](?:\s*[:,)]|\s+(?:and|or)\b)", after):
        return True  # "Terms and Conditions"; "Party A:", a label
    if _LEGAL_SUFFIX_AFTER.match(after):
        return True  # "Mobimagic Co., Ltd., a company incorporated ... ("Mobimagic")": the legal name
    used_caps, term_caps = [w[:1].isupper() for w in u.text.split()], [w[:1].isupper() for w in term.split()]
    if len(used_caps) == len(term_caps) and used_caps != term_caps:
        return True  # "Level 2 support" is not written as the term "Level 2 Support"
    return term in _PRONOUNS and bool(_SENTENCE_START.search(before))


_LEGAL_SUFFIX_AFTER = re.compile(
    r"^,?\s+(?:Co\.|Company\b|Ltd\b|Limited\b|Inc\b|Incorporated\b|LLC\b|L\.L\.C\.|Corp\b|Corporation\b|GmbH\b|S\.A\.|plc\b|PLC\b|LLP\b|AG\b|B\.V\.|N\.V\.)"
)


def _glued_instrument(ctx: RuleContext, ev: Evidence) -> bool:
    """Is the evidence in an exhibit whose label was glued to a clause by the EDGAR text
    conversion, and which either is a definitions exhibit ("EXHIBIT A DEFINITIONS "Access
    Point" means ...") or names the parties again ("Exhibit A ... provided by Redwater LLC
    ("Contractor") to Twin Cities Power ("Company"))": the instrument's own terms."""
    text = _para_text(ctx, ev)
    if not (_ATTACHMENT_LABEL.match(text) and _seen_numbered_before(ctx, ev)):
        return False
    if re.match(r"^\W*\w+\s+[\w.-]{1,6}\s+(?:\w+\s+){0,2}definitions\b", text, re.I):
        return True
    return any(e.how == "party" and any(_same_paragraph(d, ev) for d in e.duplicates) for e in ctx.analysis.glossary.values())


_OPENS_INSTRUMENT = re.compile(
    r"^\W{0,3}(?:(?:[A-Z0-9][A-Z0-9 '\"\u201c\u201d.,:#-]{0,60}\s)?(?:THIS|This)\b[^.]{0,200}?\b(?:by\s+and\s+(?:between|among)|(?:is|are)\s+(?:made\s+and\s+)?entered\s+into|is\s+made)\b"
    r"|WHEREAS\b|Between\s*:|Reference\s+is\s+(?:hereby\s+)?made\s+to\b"
    r"|.{0,150}?\bThe\s+purpose\s+of\s+this\s+(?:document|amendment|letter)\s+is\s+to\s+amend\b)"
)
"""A paragraph that opens an instrument: a preamble ("THIS STATEMENT OF WORK ... is made
and entered into ... by and between"), recitals ("WHEREAS, ..."), a party block
("Between: ... and: ..."), a side letter ("Reference is made to the Service Agreement")."""


def _position(ctx: RuleContext, info) -> int:  # type: ignore[no-untyped-def]
    cache = getattr(ctx, "_drafting_positions", None)
    if cache is None:
        cache = {id(i): n for n, i in enumerate(ctx.index.paragraphs)}
        ctx._drafting_positions = cache  # type: ignore[attr-defined]
    return cache.get(id(info), -1)


def _order(ctx: RuleContext, ev: Evidence) -> tuple[int, int]:
    """Where the evidence stands in reading order (the order uses are compared in)."""
    info = paragraph_for(ctx, ev)
    return (_position(ctx, info) if info is not None else -1, ev.anchor.start)


def _instrument_opened_before(ctx: RuleContext, ev: Evidence) -> tuple[int, int] | None:
    """Where the last instrument opened before ``ev`` starts, when that is not the
    agreement's own opening: an agreement filed with its exhibits (a licence agreement,
    a statement of work, a distribution addendum, each with its own preamble or recitals)
    defines its terms for itself; the main agreement's earlier uses of the same words are
    not uses of that later definition."""
    starts = getattr(ctx, "_drafting_instruments", None)
    if starts is None:
        starts = []
        last = None
        for n, info in enumerate(ctx.index.paragraphs):
            para = info.paragraph
            if para.anchor.part != "body" or not _OPENS_INSTRUMENT.match(para.text):
                continue
            if last is None or n - last > 5:
                starts.append((n, 0))  # a new cluster of opening paragraphs (preamble + recitals)
            last = n
        starts = starts[1:]  # the first opens the agreement itself
        ctx._drafting_instruments = starts  # type: ignore[attr-defined]
    pos = _order(ctx, ev)
    before = [s for s in starts if s <= pos]
    return before[-1] if before else None


_FORWARD_NOTE = re.compile(
    r"^\W{0,3}(?:\(?\s*(?:as\s+)?(?:hereinafter|hereafter|below|later)\s+defined|\(?\s*(?:as\s+)?defined\s+(?:below|hereinafter|herein)|"
    r"\(?\s*(?:as\s+)?(?:(?:further|more\s+(?:fully|particularly|specifically)|fully)\s+)?(?:defined|described|set\s+(?:forth|out))\s+(?:in\s+)?(?:this\s+)?"
    r"(?:Section|Clause|Article|Schedule|Exhibit|Annex|Appendix|Attachment|Part|paragraph)s?\s+[\w.()]+"
    r"|\(?\s*(?:in\s+accordance\s+with|under|pursuant\s+to)\s+(?:Section|Clause|Article|paragraph)\s+[\w.()]+\s+below)",
    re.I,
)


def _announced_forward(ctx: RuleContext, ev: Evidence) -> bool:
    """"NAI Goods (hereinafter defined)", "Support Training as described in Section 3.3
    below": the drafter points the reader to the definition that follows."""
    info = paragraph_for(ctx, ev)
    if info is None:
        return False
    end = ev.anchor.end if ev.anchor.end is not None else len(info.paragraph.text)
    return bool(_FORWARD_NOTE.match(info.paragraph.text[end:end + 80]))


_WORD_BEFORE = re.compile(r"([A-Z][\w'\u2019&-]*)\s+(?:of\s+)?$")
"""The capitalised word in front of a use, directly or across "of" ("Bill of Material")."""
_DETERMINERS = frozenset("The This That These Those Each Any All Such Every No A An Its Their Our Your".split())


def _tail_of_a_name(ctx: RuleContext, ev: Evidence) -> bool:
    """"the GitHub Data Protection Addendum" is the name of a document, not a use of the
    one-word term "Addendum" that the addendum defines for itself later: the use follows
    a capitalised word that does not open the sentence."""
    info = paragraph_for(ctx, ev)
    if info is None:
        return False
    head = info.paragraph.text[:ev.anchor.start]
    m = _WORD_BEFORE.search(head)
    if not m or m.group(1) in _DETERMINERS:
        return False
    if head[m.end(1):].strip():
        return True  # "Bill of Material", "Statement of Work": one name, wherever it stands
    return not _SENTENCE_START.search(head[:m.start()])


def _in_contents(ctx: RuleContext, ev: Evidence) -> bool:
    """A table of contents flattened into a paragraph ("Section 9.1 Financing Statements 39
    Section 9.2 No Transfer ... 40"): headings listed with page numbers, not uses."""
    info = paragraph_for(ctx, ev)
    return info is not None and contents_entries(info.paragraph.text) >= 4


def _in_title(ctx: RuleContext, ev: Evidence) -> bool:
    """Is the use part of a heading, a run-in caption ("Taxes. Customer will pay ..."), a
    title-like short line, or a bracketed drafting note?"""
    info = paragraph_for(ctx, ev)
    if info is None:
        return False
    if info.is_heading:
        return True
    text = info.paragraph.text
    title = (info.section.title or "").strip()
    if title and text.lstrip().startswith(title) and ev.anchor.start < text.index(title) + len(title):
        return True
    head = text[:ev.anchor.start]
    if head.count("[") > head.count("]"):
        return True
    words = text.split()
    if len(words) <= 10 and not text.rstrip().endswith((".", ";", ":")):
        return True
    small = ("of", "and", "or", "to", "for", "the", "in", "on")
    named = [w for w in words if re.search(r"[A-Za-z]", w)]
    numbers = sum(1 for w in words if re.fullmatch(r"\d+(?:\.\d+)*\.?", w))
    if (named and (len(words) <= 8 or numbers >= 2 and len(words) <= 40)
            and all(w[:1].isupper() or w.lower() in small for w in named)):
        return True  # a Title Case line ("Optional Acquisition of Receivables;", "11.4 Termination Assistance 12."): a caption or contents
    m = re.match(r"^\s*([^.]{1,60})\.\s", text)
    return bool(m and ev.anchor.start < m.end(1) and len(m.group(1).split()) <= 6
                and all(w[:1].isupper() or w.lower() in ("of", "and", "or", "to", "for", "the", "in", "on") for w in m.group(1).split()))


_QUOTE_OPENS = re.compile(r"(?:^|[\s(\[])(?:[\"\u201c][^\"\u201c\u201d]{0,80}|\u2018[^\u2018\u2019\"\u201c\u201d]{0,40})$")
_QUOTE_CLOSES = re.compile(r"^[^\"\u201c\u201d]{0,80}?(?:[.,]?[\"\u201d\u2019]|\s*$)")
_DATE_OF_ANOTHER = re.compile(
    r"^\s+of\s+(?!(?:this|the)\s+(?:Agreement|Contract)\b|\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)",
    re.I,
)
"""After a lower-case "... date": "of termination", "of such notice", "of the Receivable" (the
date of another event), not "of this Agreement" nor "of November 5, 2007" (the date itself)."""
_DATE_QUALIFIED = re.compile(
    r"(?:\b(?!(?:the|a|an|any|such|this|that|each|its|their|his|her|our|your|no|every|all|of|on|from|after|before|until|by|to|as|at|"
    r"following|prior|preceding|following|than|in|upon|and|or|with|which|is|be|was|shall|will)\b)[A-Za-z][\w'\u2019-]*|/)\s*$",
    re.I,
)
"""A lower-case "... date" with a word of its own in front ("the projected
implementation/effective date", "Engineering Change Orders effective dates"): the date of
something else, not the agreement's defined date."""
_OTHER_OWNER_BEFORE = re.compile(r"\b(?:third[- ]part(?:y|ies)|former\s+employers?|successor['\u2019]?s?)['\u2019]?s?\s+(?:own\s+)?$", re.I)
_OTHER_OWNER_AFTER = re.compile(
    r"^\s+(?:of|relating\s+to|belonging\s+to|owned\s+by|received\s+from)\s+(?:(?:any|a|an|such|the|its|his|her|their)\s+)?"
    r"(?:third[- ]part|former\s|previous\s|prior\s+employer|successor)",
    re.I,
)
"""A lower-case phrase that belongs to someone outside the agreement ("a third party's
intellectual property rights", "the corporate trust office of any successor Indenture
Trustee"): the ordinary meaning, not the defined term."""


_OTHER_OR_OWN = re.compile(r"\b(?:other|own)\s+(?:[a-z][\w-]*(?:,|\s+(?:and|or|and/or))\s+)?$", re.I)
_COORDINATED_BEFORE = re.compile(r"\b[a-z][a-z-]*(?:ary|al|ive|ic|ed|ble|ful|ous)\s+(?:and|or|and/or)\s+$")
"""An adjective coordinated with the first word ("proprietary or confidential information"):
the phrase describes a kind of thing in ordinary words."""
_FILING_LEGEND = re.compile(
    r"\b(?:omitted|redacted)\b.{0,160}\b(?:filed\s+separately|Securities\s+and\s+Exchange\s+Commission|confidential\s+treatment)\b"
    r"|\bconfidential\s+treatment\s+(?:request|has\s+been\s+requested)|\[\s*\*+\s*\]\s*=|\bmarked\s+by\s+brackets\b",
    re.I | re.S,
)
"""The legend an SEC filer adds where it redacted text: not words of the agreement."""


def _starts_longer_term(used: str, after: str, forms: set[str]) -> bool:
    """Whether the capitalised tail of a mixed-case match runs on into another defined
    term ("new Service" + "Levels" = "Service Levels")."""
    words = used.split()
    tail = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        tail.insert(0, w)
    if not tail or len(tail) == len(words):
        return False
    follow = re.match(r"^\s+((?:[A-Z][\w'\u2019-]*\s*){1,3})", after)
    if not follow:
        return False
    nxt = follow.group(1).split()
    return any(" ".join(tail + nxt[:k]).lower() in forms for k in range(1, len(nxt) + 1))


def _restated_unquoted(term: str) -> re.Pattern[str]:
    """The term named again in parentheses without quotation marks ("a settlement agreement
    and a separation agreement (together the Settlement Agreements)")."""
    return re.compile(
        r"\(\s*(?:(?:together|collectively|each|individually|jointly|hereinafter(?:\s+(?:referred\s+to\s+as|called))?)[\s,]+)?"
        r"(?:the\s+|a\s+|an\s+)?" + re.escape(term) + r"s?\s*\)"
    )


_ORDINARY_CONTEXT = re.compile(r"\b(?:a|an|any|such|other|some|no)\s+$", re.I)


@check(requires=("terms",), placeholders=("term", "used", "count"))
def lowercase_defined_term(ctx: RuleContext) -> Iterator[Hit]:
    """A multi-word defined term written in lower case ("the effective date" for "Effective
    Date"): the reader cannot tell whether the definition applies. Single-word terms
    ("Services" / "services") are left out unless ``single_words`` is set: their lowercase
    form is usually the ordinary English word."""
    single = bool(ctx.params.get("single_words", False))
    glossary_forms: set[str] | None = None
    for entry in ctx.analysis.glossary.values():
        if entry.how in _NOT_A_USE_HOW:
            continue
        if len(entry.term.split()) < 2 and not single:
            continue
        def_info = paragraph_for(ctx, entry.evidence)
        def_row = def_info.row if def_info is not None else None
        low = [u for u in entry.uses if u.lowercase and not u.in_definition_of
               and (single or len(u.text.split()) >= 2)
               and not any(_same_paragraph(u.evidence, d) for d in (entry.evidence, *entry.duplicates))
               and not (def_row is not None and getattr(paragraph_for(ctx, u.evidence), "row", None) == def_row)]
        opened = _instrument_opened_before(ctx, entry.evidence)
        def_section = ctx.index.section_of(entry.evidence.anchor)
        restated = _restated_unquoted(entry.term)
        if glossary_forms is None:
            glossary_forms = {v.lower() for e in ctx.analysis.glossary.values() for t in (e.term, *e.alternates) for v in variants(t)}
        keep = []
        for u in low:
            info = paragraph_for(ctx, u.evidence)
            if info is None:
                continue
            text = info.paragraph.text
            before = text[:u.evidence.anchor.start]
            after = text[u.evidence.anchor.end if u.evidence.anchor.end is not None else len(text):]
            if before.count("[") > before.count("]"):
                continue  # inside a bracketed drafting note
            if opened is not None and _order(ctx, u.evidence) < opened:
                continue  # defined only in a later instrument filed with the agreement (its own exhibit)
            if _QUOTE_OPENS.search(before) and _QUOTE_CLOSES.match(after):
                continue  # a quoted phrase: a term of a statute or a new coinage, mentioned not used
            if entry.term.lower().endswith(" date") and (_DATE_OF_ANOTHER.match(after) or _DATE_QUALIFIED.search(before)
                                                         or re.search(r"\bsuch\s+$", before, re.I)):
                continue  # "the effective date of termination", "the ECO's effective dates": the date of another event
            if _OTHER_OR_OWN.search(before) or _COORDINATED_BEFORE.search(before) or re.match(r"^\s*,?\s*(?:and|or)\s+other\b", after):
                continue  # "other material adverse changes", "proprietary or confidential information", "... and other information"
            if _FILING_LEGEND.search(sentence_quote(ctx, u.evidence)):
                continue  # "[***] = Certain confidential information ... has been omitted": the filer's legend
            if _starts_longer_term(u.text, after, glossary_forms):
                continue  # "add new Service Levels": "Service Levels" is the term used, "new" its adjective
            if u.before_definition and (not _seen_numbered_before(ctx, u.evidence)
                                        or ctx.index.section_of(u.evidence.anchor) is def_section):
                continue  # the preamble, recitals or the clause's lead-in describe in ordinary words what is named later
            if _OTHER_OWNER_BEFORE.search(before) or _OTHER_OWNER_AFTER.match(after):
                continue  # "confidential information relating to any former employer": someone else's
            if restated.search(text):
                continue  # the paragraph restates the definition without quotes ("(together the Settlement Agreements)")

            if len(entry.term.split()) < 2 and _ORDINARY_CONTEXT.search(before):
                continue
            keep.append(u)
        if keep:
            yield Hit(keep[0].evidence, {"term": entry.term, "used": keep[0].text, "count": len(keep)},
                      quote=sentence_quote(ctx, keep[0].evidence), extra_evidence=[u.evidence for u in keep[1:4]])
