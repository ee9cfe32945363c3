"""Structural hygiene (pack `drafting`): cross-references, numbering, headings, brackets,
signature block.

An agreement is navigated by its numbers: "Section 9.4" must exist, Schedule A must be
attached, 4.2 must be followed by 4.3, two clauses under one heading must not carry the
same caption, and every parenthesis opened must be closed, or the reader cannot tell where
an exception ends.
"""

from __future__ import annotations

import re
from typing import Iterator

from slalint.analysis.facts import CrossRef
from slalint.analysis.xrefs import roman_to_int
from slalint.document import Paragraph, Section, Table, normalise_ref
from slalint.engine.checks import check
from slalint.engine.context import Hit, RuleContext

from slalint.checks.drafting_terms import paragraph_for, sentence_quote

_ATTACHMENTS = ("schedule", "exhibit", "annex", "appendix", "attachment")


def _section_detail(ctx: RuleContext, ref: CrossRef) -> str:
    """ "(Section 9 has 9.1-9.3)" when the parent of a missing sub-section exists."""
    target = ref.target
    m = re.match(r"^(.*\d)\.(\d+)$", target)
    if not m:
        return ""
    parent = ctx.document.find_section(m.group(1))
    if parent is None or not parent.children:
        return ""
    kids = [c.ref or c.label or "" for c in parent.children if (c.ref or c.label)]
    kids = [k for k in kids if re.match(r"^[\d.]+$", k)]
    if not kids:
        return ""
    # consecutive runs, so a gap shows: "14.1-14.7, 14.9-14.20" when 14.8 is the one missing
    runs: list[list[str]] = []
    last = None
    for k in kids:
        tail = k.rsplit(".", 1)[-1]
        n = int(tail) if tail.isdigit() else None
        if runs and n is not None and last is not None and n == last + 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
        last = n
    span = ", ".join(a if a == b else f"{a}-{b}" for a, b in runs)
    return f" (Section {m.group(1)} has {span})"


_OTHER_DOC_AFTER = re.compile(r"^[\s,]*(?:of|under|in|to)\s+(?:the\s+)?(?!this\b|these\b|that\b|(?:Schedule|Exhibit|Annex|Appendix|Attachment|Part|Article|Section|Clause|Paragraph)s?\b)(?:[A-Z][\w.-]*|EU|UK|US)")
_STATUTE_BEFORE = re.compile(r"\b(?:Act|Regulations?|Directive|Code|GDPR|Convention|Treaty|Rules|U\.S\.C\.|C\.F\.R\.)\s*(?:(?:No\.?\s*)?[\d/]+)?\s*[,(]?\s*(?:\u00a7{1,2}\s*)?$")


_EDIT_INSTRUCTION = re.compile(
    r"\b(?:replace|delete|insert|add|amend|restate|renumber)(?:s|d|ed|ing)?\b[^.]{0,80}\b(?:Sections?|Clauses?|Paragraphs?)\s+\d|"
    r"\b(?:Sections?|Clauses?)\s+[\d.()a-z]+\s+(?:of\s+the\s+[A-Z][\w\s]{0,40})?is\s+(?:hereby\s+)?(?:amended|deleted|replaced)\b",
    re.I,
)


def _sentence_of(ctx: RuleContext, ref: CrossRef) -> str:
    return sentence_quote(ctx, ref.evidence)


_CHAINED_REFS = re.compile(r"^(?:\s*(?:,|and|or|to|through)\s*(?:(?:Clauses?|Sections?|Articles?|Paragraphs?)\s+)?(?:\d[\d.]*|[A-Z]\b)(?:\([\w]{1,4}\))*)+")


_WITHIN_ATTACHMENT_BEFORE = re.compile(
    r"\b(?:Schedule|Annex|Appendix|Exhibit|Attachment)\s+[\w.-]{1,6}(?:\s*\([^()]{1,60}\))?\s*,?\s*$", re.I
)


def _points_elsewhere(ctx: RuleContext, ref: CrossRef) -> bool:
    """A reference into another document that the analysis did not mark external:
    "Article 9(1) of the GDPR", "Courts Act 2003 Section 1(1)"."""
    info = paragraph_for(ctx, ref.evidence)
    if info is None:
        return False
    text = info.paragraph.text
    end = ref.evidence.anchor.end if ref.evidence.anchor.end is not None else len(text)
    after = _CHAINED_REFS.sub("", text[end:end + 120], count=1)
    before = text[max(0, ref.evidence.anchor.start - 80):ref.evidence.anchor.start]
    if ref.kind not in _ATTACHMENTS and _WITHIN_ATTACHMENT_BEFORE.search(before):
        return True  # "Schedule 6 (TUPE Surcharge) paragraph 2.1.1": numbered inside that schedule
    return bool(_OTHER_DOC_AFTER.match(after[:60]) or _STATUTE_BEFORE.search(text[max(0, ref.evidence.anchor.start - 40):ref.evidence.anchor.start]))


def _resolves_inline(ctx: RuleContext, ref: CrossRef) -> bool:
    """References the section tree cannot resolve but the text can: "Section 6.3(c)" where
    6.3 lists (a)-(d) inline in one paragraph, "Section B(5)" for the fifth clause of part
    B, "Sections 12-18" as a range, "subsection (b)" of the clause it sits in."""
    target = ref.target
    m = re.match(r"^(\d+)\s*[-\u2013]\s*(\d+)$", target)
    if m:
        return ctx.document.find_section(m.group(1)) is not None and ctx.document.find_section(m.group(2)) is not None
    m = re.match(r"^(.*?)((?:\([A-Za-z0-9]{1,5}\))+)$", target)
    if not m:
        return False
    items = re.findall(r"\(([A-Za-z0-9]{1,5})\)", m.group(2))
    if m.group(1):
        base = ctx.document.find_section(m.group(1))
    else:
        base = ctx.index.section_of(ref.evidence.anchor)
        parents = ctx.index.ancestors(base) if base is not None else []
        base = parents[1] if len(parents) > 1 and not base.children else base  # type: ignore[union-attr]
    if base is None:
        return False
    if items and any(re.sub(r"[.\s]", "", c.label or "") in (items[0], f"({items[0]})") for c in base.children):
        return True  # "B(5)" for clause "5." of part "B"
    text = base.text()
    return all(re.search(r"(?:^|[\s;:,])\(" + re.escape(i) + r"\)\s", text) for i in items)


_FILING_EXHIBIT_NUMBER = re.compile(r"^(?:ex(?:hibit)?[\s.-]*)?\d{1,3}\.\d{1,3}[A-Z]?$", re.I)
"""An SEC filing's own exhibit number ("EXHIBIT 10.26" at the top of an EDGAR filing): the
number under which the agreement was filed, not an attachment it refers to."""
_STATUTE_NUMBER = re.compile(r"^\d+-\d{3,}$")
""""Section 5-1401" (of the New York General Obligations Law): a statute's numbering."""
_SELF_REFERENCE = re.compile(r"\bth(?:is|ese)\s*$", re.I)

TEXT_UNRESOLVED_LIMIT = 0.25
"""In plain text (EDGAR filings), when at least this share of section references resolve
nowhere, the reader did not reconstruct the numbering reliably: keep the strict case only."""


def _self_reference_ok(ctx: RuleContext, ref: CrossRef) -> bool:
    """"this Section 12" names the clause it sits in. It is broken only when the clause it
    sits in is numbered, and numbered differently; when the reader found no numbered
    ancestor for it, the document's numbering was lost, not the reference."""
    info = paragraph_for(ctx, ref.evidence)
    if info is None:
        return False
    before = info.paragraph.text[max(0, ref.evidence.anchor.start - 12):ref.evidence.anchor.start]
    if not _SELF_REFERENCE.search(before):
        return False
    refs = [normalise_ref(a.ref or a.label or "") for a in ctx.index.ancestors(info.section) if (a.ref or a.label)]
    refs = [r for r in refs if re.match(r"^\d", r)]
    target = normalise_ref(ref.target)
    return not refs or any(r == target or r.startswith(target + ".") or target.startswith(r) for r in refs)


@check(requires=("xrefs",), placeholders=("ref", "target", "detail"))
def broken_cross_reference(ctx: RuleContext) -> Iterator[Hit]:
    """Internal references that resolve to nothing: a missing clause (exactly: 9.4 is
    missing even when 9 exists) or a schedule, exhibit or annex that is not attached.
    References into other documents are external and never broken. In a document that is
    itself one part of a larger contract (its terms are defined elsewhere), a missing
    schedule is assumed to be a sibling document and left out.

    One finding per missing target and document, at its first reference; the message says
    how many references there are and the further ones are attached as evidence."""
    part_of_larger = bool(ctx.analysis.external_glossaries)
    internal = [r for r in ctx.analysis.cross_refs if not r.external and r.kind not in _ATTACHMENTS]
    broken = [r for r in internal if not r.resolved]
    # most references unresolved: the numbers belong to another document (an amendment or
    # a playbook of edits to base terms); only the strict case (9.4 next to 9.1-9.3) stays.
    # Plain text is held to a lower share: there the reader may have lost the numbering.
    plain_text = ctx.document.metadata.source_format == "text"
    limit = TEXT_UNRESOLVED_LIMIT if plain_text else 0.6
    elsewhere = len(internal) >= (4 if plain_text else 5) and len(broken) > limit * len(internal)
    groups: dict[str, list[Hit]] = {}
    typed_cache: dict[str, str] = {}
    for ref in ctx.analysis.cross_refs:
        if ref.resolved or ref.external:
            continue
        if _points_elsewhere(ctx, ref) or _resolves_inline(ctx, ref):
            continue
        info = paragraph_for(ctx, ref.evidence)
        if info is not None and len(_CONTENTS_ENTRY.findall(info.paragraph.text)) >= 3:
            continue  # a table of contents flattened into one paragraph, not a reference
        if ref.kind in _ATTACHMENTS:
            if part_of_larger:
                continue
            if ref.kind == "exhibit" and _FILING_EXHIBIT_NUMBER.match(ref.target):
                continue
            if re.search(r"(?:^|\s)\(", ref.target):
                continue  # "Schedule 11L, (a) none of ...": an item after a schedule, not "Schedule (a)"
            what = "is referenced but not attached"
            detail = ""
        else:
            if _STATUTE_NUMBER.match(ref.target) or _self_reference_ok(ctx, ref):
                continue
            if info is not None and ref.evidence.anchor.end is not None and \
                    re.match(r"-\s?\d", info.paragraph.text[ref.evidence.anchor.end:ref.evidence.anchor.end + 3]):
                continue  # "§ 60-741.4": a regulation's hyphenated number
            what = "is referenced but there is no such section"
            detail = _section_detail(ctx, ref)
            if plain_text and _typed_somewhere(ctx, normalise_ref(ref.target), typed_cache):
                continue  # the clause is there, typed; the reader did not open it as a section
            if (elsewhere and not detail) or _EDIT_INSTRUCTION.search(_sentence_of(ctx, ref)):
                continue
        label = ref.target if ref.kind in _ATTACHMENTS else f"{ref.kind.capitalize()} {ref.target}"
        key = normalise_ref(label).lower()
        groups.setdefault(key, []).append(Hit(ref.evidence, {"ref": label, "target": ref.target, "what": what, "more": detail},
                                              quote=sentence_quote(ctx, ref.evidence)))
    for hits in groups.values():
        first = hits[0]
        n = len(hits)
        count = f" ({n} references)" if n > 1 else ""
        first.values["detail"] = f"{first.values.pop('what')}{first.values.pop('more')}{count}"
        first.extra_evidence = [h.evidence for h in hits[1:26] if h.evidence is not None]
        yield first


# -- numbering -------------------------------------------------------------------------

_DOTTED = re.compile(r"^(?P<prefix>(?:\d+\.)*)(?P<n>\d+)\.?$")
_ITEM = re.compile(r"^(?P<open>\(?)(?P<v>[a-z]{1,4}|\d{1,3})(?P<close>[.)])?$", re.I)
_KIND_NUM = re.compile(r"^(?P<kind>article|part|schedule|exhibit|annex|appendix|clause|section)\s+(?P<v>[A-Z0-9]{1,6})\.?$", re.I)


def _letter_value(v: str) -> int | None:
    v = v.lower()
    if len(v) == 1:
        return ord(v) - 96
    if len(set(v)) == 1:  # (aa), (bb): the second round of letters
        return 26 * (len(v) - 1) + ord(v[0]) - 96
    return None


def _parse(label: str) -> tuple[str, str, str] | None:
    """(style, prefix, value) of a label: ("dotted", "4.", "2") for "4.2"."""
    lab = label.strip()
    m = _DOTTED.match(lab)
    if m:
        return ("dotted", m.group("prefix"), m.group("n"))
    m = _KIND_NUM.match(lab)
    if m:
        return ("kind:" + m.group("kind").lower(), "", m.group("v"))
    m = _ITEM.match(lab)
    if m and not m.group("v").isdigit():
        shape = f"{m.group('open')}x{m.group('close') or ''}"
        case = "upper" if m.group("v").isupper() else "lower"
        return (f"item{shape}{case}", "", m.group("v"))
    if m:
        return (f"num{m.group('open')}x{m.group('close') or ''}", "", m.group("v"))
    return None


def _values(style: str, raw: list[str]) -> list[int | None]:
    """Numeric values of a run of labels; letters or roman numerals, whichever fits."""
    if style.startswith("dotted") or style.startswith("num"):
        return [int(v) for v in raw]
    if style.startswith("kind:"):
        if all(v.isdigit() for v in raw):
            return [int(v) for v in raw]
        if raw and raw[0].upper() == "I" and all(roman_to_int(v) for v in raw):
            return [roman_to_int(v) for v in raw]
        return [_letter_value(v) if v.isalpha() else None for v in raw]
    romans = [roman_to_int(v) for v in raw]
    letters = [_letter_value(v) for v in raw]

    def gaps(vals: list[int | None]) -> int:
        return sum(1 for a, b in zip(vals, vals[1:]) if a is None or b is None or b != a + 1)

    if raw and raw[0].lower() == "i" and all(r is not None for r in romans) and gaps(romans) <= gaps(letters):
        return romans
    return letters


def _fmt(style: str, prefix: str, n: int, example: str) -> str:
    if style.startswith("dotted"):
        return f"{prefix}{n}"
    if style.startswith("kind:"):
        shown = str(n) if re.search(r"\d", example) else (chr(64 + n) if 0 < n <= 26 else str(n))
        return f"{style[5:].capitalize()} {shown}"
    if style.startswith("num"):
        return example.replace(re.sub(r"[^\d]", "", example), str(n)) if re.search(r"\d", example) else str(n)
    return ""


def _runs(items: list[tuple[str, object]]) -> Iterator[tuple[str, str, list[tuple[str, object]]]]:
    """Group labelled items into runs of one style and prefix; a label with value 1 / a / i
    restarts the run (a new list)."""
    groups: dict[tuple[str, str], list[tuple[str, object]]] = {}
    order: list[tuple[str, str]] = []
    for label, obj in items:
        p = _parse(label)
        if p is None:
            continue
        key = (p[0], p[1])
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((p[2], obj))
    for key in order:
        yield key[0], key[1], groups[key]


def _gaps_in(style: str, prefix: str, run: list[tuple[str, object]], parent_ref: str | None,
            seen: set[int] | None = None) -> Iterator[tuple[object, str, str]]:
    """(item, its label, what is missing) for every jump in a run of sibling labels.
    ``seen`` holds the values of this style and prefix met earlier in the document: a list
    that continues one interrupted elsewhere (Word's "continue numbering") is no gap."""
    raw = [v for v, _ in run]
    vals = _values(style, raw)
    prev: int | None = None
    prev_raw = ""
    seen = seen if seen is not None else set()
    for (v, obj), val in zip(run, vals):
        if val is None:
            prev = None
            continue
        continues = val - 1 in seen
        seen.add(val)
        if continues and prev is not None and val > prev + 1:
            prev, prev_raw = val, f"{prefix}{v}"
            continue
        if prev is None:
            # a dotted run under its parent should start at .1 ("3.2" first under "3")
            if style == "dotted" and parent_ref and prefix and normalise_ref(prefix.rstrip(".")) == normalise_ref(parent_ref) and val > 1 and val <= 3:
                yield obj, f"{prefix}{v}", f"{prefix}1" + ("" if val == 2 else f"-{prefix}{val - 1}")
        elif val == 1 or val <= prev - 1 and val <= 2:
            pass  # a new list restarts the count
        elif val == prev:
            yield obj, f"{prefix}{v}", "duplicate"
        elif val > prev + 1 and val - prev <= 5:
            missing = [_fmt(style, prefix, n, prev_raw) for n in range(prev + 1, val)]
            if style.startswith("item"):
                missing = []
            yield obj, f"{prefix}{v}", ", ".join(m for m in missing if m) or f"a number between {prev_raw} and {v}"
        prev, prev_raw = val, f"{prefix}{v}"


TEXT_GAP_SHARE = 0.05
"""In plain text, more gaps than this share of the numbered sections (and more than three)
means the reader could not rebuild the numbering: the document's gaps are not reported."""

_REF_WORD_BEFORE = re.compile(r"\b(?:Sections?|Clauses?|Articles?|Paragraphs?|sub-?clauses?|sub-?sections?|para|paras|s\.)\s*$", re.I)


def _typed_somewhere(ctx: RuleContext, missing: str, cache: dict[str, str]) -> bool:
    """Whether a "missing" number is written in the document as a clause number anyway
    ("23. MONITORING 23.1 The Company ...": the reader glued 23.1 to its heading, or a table
    of contents on one line). A reference ("Section 23.1") does not count."""
    if "text" not in cache:
        cache["text"] = "\n".join(p.display for p in ctx.document.root.iter_paragraphs())
    text = cache["text"]
    for label in (m.strip() for m in missing.split(",")):
        core = label.strip("()").rstrip(".")
        if not core or " " in core:
            return False
        if re.fullmatch(r"[\d.]+", core):
            rx = re.compile(r"(?<![\w.])" + re.escape(core) + r"\.?(?=\s+[\w\"\u201c(])")
        else:
            rx = re.compile(r"(?:(?<![\w(])\(" + re.escape(core) + r"\)|(?<![\w(.])" + re.escape(core) + r"[.)])(?=\s)")
        found = False
        for m in rx.finditer(text):
            if not _REF_WORD_BEFORE.search(text[max(0, m.start() - 14):m.start()]):
                found = True
                break
        if not found:
            return False
    return True


_CONTENTS_ENTRY = re.compile(r"\b\d+(?:\.\d+)*\.?\s*[A-Z][^.;:]{2,70}?\s+\d{1,3}\b")


def _is_contents_entry(section: Section) -> bool:
    """A section opened by a table-of-contents line flattened into text ("Article VI
    CONDITIONS 25 Section 6.01 Conditions of ... 25"): not a clause of the agreement."""
    para = section.heading or next((b for b in section.blocks if isinstance(b, Paragraph)), None)
    if para is None:
        return False
    return len(_CONTENTS_ENTRY.findall(para.display[:400])) >= 2


def _item_candidates(style: str, prev_raw: str, label: str) -> str:
    """The labels between two list items ("(xviii)" between "(xvii)" and "(xix)")."""
    a, b = prev_raw.strip("().").lower(), label.strip("().").lower()
    ra, rb = roman_to_int(a), roman_to_int(b)
    out: list[str] = []
    if ra and rb and rb - ra <= 5 and (len(a) > 1 or len(b) > 1 or a in "ivx"):
        out = [_to_roman(n) for n in range(ra + 1, rb)]
    elif len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha():
        out = [chr(c) for c in range(ord(a) + 1, ord(b))]
    if prev_raw.strip().isupper() or label.strip().isupper():
        out = [o.upper() for o in out]
    return ", ".join(out)


def _to_roman(n: int) -> str:
    vals = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for v, r in vals:
        while n >= v:
            out += r
            n -= v
    return out


@check(placeholders=("label", "missing", "detail"))
def numbering_gap(ctx: RuleContext) -> Iterator[Hit]:
    """Sibling clauses or list items whose numbers skip (4.2 then 4.4; (a), (b), (d)) or
    repeat. Schedules restarting at 1 and new lists starting at (a) are not gaps.

    A "missing" number that is typed in the document as a clause number anyway is a
    number the reader lost, not a gap. In plain text, a document with many gaps is one whose
    numbering the reader could not rebuild (``TEXT_GAP_SHARE``): nothing is reported."""
    hits = list(_numbering_hits(ctx))
    if ctx.document.metadata.source_format == "text":
        numbered = sum(1 for s in ctx.document.sections() if s.label)
        if len(hits) > max(3, TEXT_GAP_SHARE * numbered):
            return
    yield from hits


def _numbering_hits(ctx: RuleContext) -> Iterator[Hit]:
    seen: dict[tuple[str, str], set[int]] = {}
    cache: dict[str, str] = {}

    def keep(missing: str, label: str, style: str) -> bool:
        if missing == "duplicate":
            return True
        shown = missing
        if missing.startswith("a number between"):
            m = re.match(r"a number between (\S+) and (\S+)$", missing)
            shown = _item_candidates(style, m.group(1), m.group(2)) if m else ""
            if not shown:
                return True
        elif "-" in missing:
            return True
        return not _typed_somewhere(ctx, shown, cache)

    for section in ctx.document.root.walk():
        kids = [(c.label, c) for c in section.children if c.label and not _is_contents_entry(c) and c.label.strip(". ") != "0"]
        parent_ref = (section.ref or section.label) if section is not ctx.document.root else None
        for style, prefix, run in _runs(kids):  # type: ignore[arg-type]
            for obj, label, missing in _gaps_in(style, prefix, run, parent_ref, seen.setdefault((style, prefix), set())):
                if keep(missing, label, style):
                    yield _numbering_hit(ctx, obj, label, missing)
        paras = [(b.label, b) for b in section.blocks if isinstance(b, Paragraph) and b.label and b.label not in ("•", "-", "*")]
        for style, prefix, run in _runs(paras):  # type: ignore[arg-type]
            if style.startswith("dotted"):
                continue  # typed clause numbers of flat text are sections, checked above
            for obj, label, missing in _gaps_in(style, prefix, run, None):
                if keep(missing, label, style):
                    yield _numbering_hit(ctx, obj, label, missing)


def _numbering_hit(ctx: RuleContext, obj: object, label: str, missing: str) -> Hit:
    if isinstance(obj, Section):
        para = obj.heading or next((b for b in obj.blocks if isinstance(b, Paragraph)), None)
        shown = obj.ref or obj.label or label
    else:
        para = obj  # type: ignore[assignment]
        shown = label
    if missing == "duplicate":
        detail = f"the number {shown} is used twice"
    else:
        verb = "are" if "," in missing or "-" in missing else "is"
        detail = f"{shown} follows its previous sibling but {missing} {verb} missing"
    ev = ctx.evidence_for(para) if isinstance(para, Paragraph) else None
    return Hit(ev, {"label": shown, "missing": missing, "detail": detail},
               quote=(para.display[:200] if isinstance(para, Paragraph) else shown))


# -- headings --------------------------------------------------------------------------

_GENERIC_HEADING = re.compile(r"^(?:definitions?|interpretation|definitions and interpretation|general|miscellaneous|introduction|purpose|scope|background|overview)$")


def _norm_title(t: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", t.lower()).split())


@check(placeholders=("title", "first", "detail"))
def duplicate_heading(ctx: RuleContext) -> Iterator[Hit]:
    """Two sibling sections with the same heading ("7.2 Termination" and "7.5 Termination"):
    a cross-reference by heading becomes ambiguous and one of them is usually misnamed.
    Headings repeated in different parts (a "Definitions" in each schedule) are fine."""
    for section in ctx.document.root.walk():
        seen: dict[tuple[str, str], Section] = {}
        for child in section.children:
            title = _norm_title(child.title or "")
            if not title or len(title) < 3 or not child.label or _GENERIC_HEADING.match(title):
                continue  # unnumbered sub-headings repeat by design; each part has its "Definitions"
            label = child.ref or child.label or ""
            key = (re.sub(r"[^.]*$", "", label.strip().rstrip(".")), title)
            if key in seen and normalise_ref(seen[key].ref or seen[key].label or "") == normalise_ref(label):
                continue  # the same number and heading again: a running page header, or a number used twice (numbering-gap)
            if key in seen:
                first = seen[key]
                para = child.heading or next((b for b in child.blocks if isinstance(b, Paragraph)), None)
                ev = ctx.evidence_for(para) if para is not None else None
                yield Hit(ev, {"title": child.title, "first": first.ref or first.label or first.title,
                               "detail": ""}, quote=child.name)
            else:
                seen[key] = child


# -- brackets --------------------------------------------------------------------------

_PAIRS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_ENUMERATOR_CLOSE = re.compile(r"(?:^|[\s;:,])(?:[a-z]{1,2}|[ivxlc]{1,5}|\d{1,2}|[A-Z])\)$|\d\.[a-z]\)$")
_EXECUTION_BLOCK = re.compile(r"\b(?:SIGNED|EXECUTED)\s+(?:as\s+a\s+deed\s+)?(?:by|for)\b|\bin\s+the\s+presence\s+of\b|\bduly\s+authori[sz]ed\b[^.]{0,40}\)", re.I)
"""A UK-style execution block ("SIGNED by JOHN ROGERS ) ... )"): its ")" marks are a brace
drawn down the page, not parentheses."""
_SMILEY = re.compile(r"[:;]-?$")


def _unmatched(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(unclosed openers, unopened closers) of a paragraph; enumerators written "a)" or
    "1)" and emoticons are not brackets."""
    stack: list[tuple[str, int]] = []
    stray: list[tuple[str, int]] = []
    unclosed: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            soft = ch == "(" and (i == 0 or text[i - 1].isspace()) and (i + 1 == len(text) or text[i + 1].isspace())
            stack.append((ch, i) if not soft else ("(soft", i))  # a lone "(": "( ICT Services)" or a form's box
        elif ch in _CLOSERS:
            if ch == ")" and _SMILEY.search(text[:i]):
                continue  # an emoticon ":)"
            if stack and (stack[-1][0] == _CLOSERS[ch] or (ch == ")" and stack[-1][0] == "(soft")):
                stack.pop()
                continue
            if ch == ")" and _ENUMERATOR_CLOSE.search(text[:i + 1]):
                continue
            if ch == ")" and (i == 0 or text[i - 1].isspace()) and (i + 1 == len(text) or text[i + 1].isspace()):
                continue  # a lone ")" between spaces: the brace of an execution block or a form
            if stack and any(o == _CLOSERS[ch] for o, _ in stack):
                # mismatched nesting "( [ )": the inner opener was never closed
                while stack and stack[-1][0] != _CLOSERS[ch]:
                    unclosed.append(stack.pop())
                if stack:
                    stack.pop()
                continue
            stray.append((ch, i))
    left = [(o, i) for o, i in stack + unclosed if o != "(soft"]  # a lone "(" never closed: a form's field box ("Name ( Mobile")
    return sorted(left, key=lambda x: x[1]), stray


@check(placeholders=("bracket", "detail"))
def unbalanced_brackets(ctx: RuleContext) -> Iterator[Hit]:
    """Parentheses, square brackets or braces opened and never closed (or closed and never
    opened) in a paragraph. A parenthesis opened in a lead-in and closed a few list items
    later is balanced; enumerators such as "a)" are not brackets."""
    infos = [i for i in ctx.iter_paragraphs("all") if not i.is_heading
             and not (_EXECUTION_BLOCK.search(i.paragraph.text) and re.search(r"\s\)(?:\s|$)", i.paragraph.text))]
    pending: list[tuple[object, str, int, int]] = []  # (info, char, pos, n) openers waiting for a later closer
    for n, info in enumerate(infos):
        text = info.paragraph.text
        opened, stray = _unmatched(text)
        for ch, pos in stray:
            match = next((p for p in reversed(pending) if p[1] == _CLOSERS[ch]), None)
            if match is not None:
                pending.remove(match)
                continue
            yield _bracket_hit(ctx, info, ch, pos, "closed but never opened")
        # openers still pending from a paragraph more than 12 paragraphs back, or from
        # another section, are reported now
        keep = []
        for p in pending:
            pinfo = p[0]
            if p[3] < n - 12 or pinfo.section is not info.section and not ctx.index.is_within(info.section, [pinfo.section]):  # type: ignore[attr-defined]
                yield _bracket_hit(ctx, pinfo, p[1], p[2], "opened but never closed")
            else:
                keep.append(p)
        pending = keep + [(info, ch, pos, n) for ch, pos in opened]
    for pinfo, ch, pos, _ in pending:
        yield _bracket_hit(ctx, pinfo, ch, pos, "opened but never closed")


def _bracket_hit(ctx: RuleContext, info: object, ch: str, pos: int, what: str) -> Hit:
    para = info.paragraph  # type: ignore[attr-defined]
    ev = ctx.index.evidence(para, info.section, pos, pos + 1)  # type: ignore[attr-defined]
    s, e = ctx.sentence_around(para, pos, pos + 1)
    return Hit(ev, {"bracket": ch, "detail": f'"{ch}" {what}'}, quote=para.text[s:e])


# -- signature block -------------------------------------------------------------------

SIGNATURE = re.compile(
    r"\bIN\s+WITNESS\s+WHEREOF\b|\b(?:signed|executed)\s+(?:for\s+and\s+)?(?:on\s+behalf\s+of|by)\b|"
    r"^\s*(?:By|Signature|Signed|Authori[sz]ed\s+signatory)\s*:|\bsignature\s+(?:block|page)\b|"
    r"\b(?:duly\s+)?authori[sz]ed\s+(?:representatives?|signatory|signatories)\b[^.]{0,60}\b(?:sign|execut)|"
    r"\bexecuted\s+(?:this|the)\s+(?:Agreement|Contract)\b|\bsign(?:ed|ing)\s+(?:below|this)\b|"
    r"\belectronic(?:ally)?\s+(?:sign|signature)|\bcounterparts?\b[^.]{0,80}\bsign",
    re.I | re.M,
)


def _part_of_master(ctx: RuleContext) -> bool:
    try:
        from slalint.checks.sla_common import relies_on_master
    except ImportError:  # pragma: no cover - the sla pack is optional
        return False
    return relies_on_master(ctx)


@check(requires=("topics", "terms"))
def missing_signature_block(ctx: RuleContext) -> Iterator[Hit]:
    """No place for the parties to sign: no signature block, execution clause, "By:" line
    or e-signature statement anywhere in the document (tables included)."""
    cov = ctx.analysis.coverage.get("signature")
    if cov is not None and cov.status == "present":
        return
    if ctx.analysis.external_glossaries or _part_of_master(ctx):
        return  # a schedule, SLA or order form signed with (or under) its master agreement
    for info in ctx.iter_paragraphs("all"):
        if SIGNATURE.search(info.paragraph.text):
            return
    for blocks in ctx.document.parts.values():
        for b in blocks:
            paras = b.paragraphs() if isinstance(b, Table) else [b]
            for p in paras:
                if SIGNATURE.search(p.text):
                    return
    yield Hit(None, {}, topic="signature")
