"""Defined-term hygiene (pack `drafting`): undefined, unused, duplicated, late and lowercase terms.

A defined term is a promise that the capitalised words carry one meaning everywhere. The
analysis builds the glossary (every definition and every use) and the list of capitalised
terms nobody defines; these checks turn that into findings a drafter can act on, with the
detail that makes a finding convincing: "Critical Incident" is undefined *although*
"Incident" is defined; "Downtime" is used only *inside* the definition of "Uptime".
"""

from __future__ import annotations

import re
from typing import Iterator

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
    names, run-in headings): there only the strong candidates are reported."""
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
    for term, detail, strong in found:
        if not strong and max_weak >= 0 and weak > max_weak:
            continue  # a document that capitalises freely (product names, run-in headings)
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
    m = re.match(r"^(.*?)\s*\(([^()]{1,40})\)\s*$", term)
    if not m:
        return False
    base, inner = m.group(1).strip(), m.group(2).strip()
    forms = [base] if inner.lower() == "s" else [base, inner]
    forms = [f for f in forms if len(f) >= 2]
    if not forms:
        return False
    rx = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?:s|S)?\b")
    for info in ctx.iter_paragraphs("all"):
        if _same_paragraph(ctx.evidence_for(info.paragraph), defined_at):
            continue
        if rx.search(info.paragraph.text):
            return True
    return False


def _is_abbreviation(term: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]{1,6}", term)) and sum(c.isupper() for c in term) >= 2


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
            if _attachment_of(ctx, dup) != first_part:
                continue  # an attached form (notice, certificate, order) is its own instrument
            if entry.how == "party" and not _seen_numbered_before(ctx, dup):
                continue  # the cover page and the preamble both name the party
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
        if in_definitions_section(ctx, entry.evidence):
            continue
        def_section = ctx.index.section_of(entry.evidence.anchor)
        early: list[TermUse] = [u for u in entry.uses if u.before_definition and not u.in_definition_of and not u.lowercase]
        early = [u for u in early if not in_definitions_section(ctx, u.evidence)
                 and ctx.index.section_of(u.evidence.anchor) is not def_section and not _in_title(ctx, u.evidence)
                 and not _announced_forward(ctx, u.evidence) and not _in_contents(ctx, u.evidence)
                 and not (len(entry.term.split()) == 1 and _tail_of_a_name(ctx, u.evidence))]
        if not early:
            continue
        yield Hit(early[0].evidence, {"term": entry.term, "def_section": entry.evidence.section or "the preamble",
                                      "uses": len(early)},
                  quote=sentence_quote(ctx, early[0].evidence), extra_evidence=[entry.evidence])


_FORWARD_NOTE = re.compile(
    r"^\W{0,3}(?:\(?\s*(?:as\s+)?(?:hereinafter|hereafter|below|later)\s+defined|\(?\s*(?:as\s+)?defined\s+(?:below|hereinafter|herein)|"
    r"\(?\s*(?:as\s+)?(?:defined|described|set\s+(?:forth|out))\s+(?:in\s+)?(?:this\s+)?(?:Section|Clause|Article|Schedule|Exhibit|Annex|paragraph)s?\s+[\w.()]+)",
    re.I,
)
_CONTENTS_ENTRY = re.compile(r"(?:\b\d+(?:\.\d+)*\.?\s*[A-Z][^.;:]{2,70}?\s+\d{1,3}\b)")


def _announced_forward(ctx: RuleContext, ev: Evidence) -> bool:
    """"NAI Goods (hereinafter defined)", "Support Training as described in Section 3.3
    below": the drafter points the reader to the definition that follows."""
    info = paragraph_for(ctx, ev)
    if info is None:
        return False
    end = ev.anchor.end if ev.anchor.end is not None else len(info.paragraph.text)
    return bool(_FORWARD_NOTE.match(info.paragraph.text[end:end + 80]))


_WORD_BEFORE = re.compile(r"([A-Z][\w'\u2019&-]*)\s+$")
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
    return not _SENTENCE_START.search(head[:m.start()])


def _in_contents(ctx: RuleContext, ev: Evidence) -> bool:
    """A table of contents flattened into a paragraph ("Section 9.1 Financing Statements 39
    Section 9.2 No Transfer ... 40"): headings listed with page numbers, not uses."""
    info = paragraph_for(ctx, ev)
    return info is not None and len(_CONTENTS_ENTRY.findall(info.paragraph.text)) >= 4


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
    m = re.match(r"^\s*([^.]{1,60})\.\s", text)
    return bool(m and ev.anchor.start < m.end(1) and len(m.group(1).split()) <= 6
                and all(w[:1].isupper() or w.lower() in ("of", "and", "or", "to", "for", "the", "in", "on") for w in m.group(1).split()))


_ORDINARY_CONTEXT = re.compile(r"\b(?:a|an|any|such|other|some|no)\s+$", re.I)


@check(requires=("terms",), placeholders=("term", "used", "count"))
def lowercase_defined_term(ctx: RuleContext) -> Iterator[Hit]:
    """A multi-word defined term written in lower case ("the effective date" for "Effective
    Date"): the reader cannot tell whether the definition applies. Single-word terms
    ("Services" / "services") are left out unless ``single_words`` is set: their lowercase
    form is usually the ordinary English word."""
    single = bool(ctx.params.get("single_words", False))
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
        keep = []
        for u in low:
            info = paragraph_for(ctx, u.evidence)
            if info is None:
                continue
            before = info.paragraph.text[:u.evidence.anchor.start]
            if before.count("[") > before.count("]"):
                continue  # inside a bracketed drafting note

            if len(entry.term.split()) < 2 and _ORDINARY_CONTEXT.search(before):
                continue
            keep.append(u)
        if keep:
            yield Hit(keep[0].evidence, {"term": entry.term, "used": keep[0].text, "count": len(keep)},
                      quote=sentence_quote(ctx, keep[0].evidence), extra_evidence=[u.evidence for u in keep[1:4]])
