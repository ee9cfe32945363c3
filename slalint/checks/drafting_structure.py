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

from slalint.analysis.contents import contents_entries
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




_EDIT_INSTRUCTION = re.compile(
    r"\b(?:replace|delete|insert|add|amend|restate|renumber)(?:s|d|ed|ing)?\b[^.]{0,80}\b(?:Sections?|Clauses?|Paragraphs?)\s+\d|"
    r"\b(?:Sections?|Clauses?)\s+[\d.()a-z]+\s+(?:of\s+the\s+[A-Z][\w\s]{0,40})?is\s+(?:hereby\s+)?(?:amended|deleted|replaced)\b",
    re.I,
)


def _sentence_of(ctx: RuleContext, ref: CrossRef) -> str:
    return sentence_quote(ctx, ref.evidence)


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
_FILING_FORM = re.compile(r"\bitem\s+601\b|\bForm\s+(?:N-1A|10-K|10-Q|8-K|S-1|F-1|20-F)\b|\bRegulation\s+S-K\b", re.I)


def _filing_or_contents_line(text: str, ref: CrossRef) -> bool:
    """An attachment "reference" that is no reference: the paragraph is nothing but the
    label ("Exhibit 10(xiv)", "Exhibit 10.17(b) ----": the filing's exhibit number as a
    heading), it cites the SEC form the exhibit is filed under ("Exhibit 99 under item
    601"), or it is a contents line whose number is a page ("1.5 Exhibits 11")."""
    start, end = ref.evidence.anchor.start, ref.evidence.anchor.end
    if end is None:
        return False
    rest = re.sub(r"[\s\-_.:;,*=]+", "", text[:start] + text[end:])
    if not rest:
        return True
    if ref.kind == "exhibit" and (_FILING_FORM.search(text) or "(" in ref.target and len(text.strip()) < 40):
        return True  # "Exhibit 4(b)(ii).3": an exhibit number in the SEC's style, as a heading
    word = ref.text.split()[0].lower() if ref.text.split() else ""
    return word.endswith("s") and re.fullmatch(r"\d{1,3}", ref.target.split()[-1]) is not None \
        and not text[end:].strip() and len(text) < 60


_SELF_REFERENCE = re.compile(r"\bth(?:is|ese)\s*$", re.I)

TEXT_UNRESOLVED_LIMIT = 0.25
"""In plain text (EDGAR filings), when at least this share of section references resolve
nowhere, the reader did not reconstruct the numbering reliably: keep the strict case only."""


def _self_reference_ok(ctx: RuleContext, ref: CrossRef) -> bool:
    """"this Section 12" names the clause it sits in. It is broken only when the clause it
    sits in is numbered, and numbered differently; when the reader found no numbered
    ancestor for it, the document's numbering was lost, not the reference. "this
    Subsection (b)(i)" names the item it sits in."""
    info = paragraph_for(ctx, ref.evidence)
    if info is None:
        return False
    before = info.paragraph.text[max(0, ref.evidence.anchor.start - 12):ref.evidence.anchor.start]
    if not _SELF_REFERENCE.search(before):
        return False
    if ref.target.startswith("("):
        return True  # "this Subsection (b)(i)": the item it sits in, however the reader nested it
    refs = [normalise_ref(a.ref or a.label or "") for a in ctx.index.ancestors(info.section) if (a.ref or a.label)]
    refs = [r for r in refs if re.match(r"^\d", r)]
    target = normalise_ref(ref.target)
    return not refs or any(r == target or r.startswith(target + ".") or target.startswith(r) for r in refs)


_HEADING_BEFORE = re.compile(r"^[^a-z]{0,80}$")
_SENTENCE_AFTER = re.compile(r"^\.?\s+(?:The|This|Each|Either|Any|All|In|If|Subject|Except|Notwithstanding|Upon|During|No|Neither|[A-Z][a-z]+\s+(?:shall|will|may|must|agrees?|acknowledges?|represents?|warrants?))\b")


def _labels_its_clause(text: str, ref: CrossRef) -> bool:
    """"DUTIES OF THE FUND Section 2.1 The Fund agrees ...": a clause number written with its
    word, opening the clause (after at most a heading in capitals), which the reader did
    not open as a section. It names the clause it opens; it refers to nothing."""
    start, end = ref.evidence.anchor.start, ref.evidence.anchor.end
    if end is None or ref.kind not in ("section", "clause", "article", "paragraph"):
        return False
    return bool(_HEADING_BEFORE.match(text[:start]) and _SENTENCE_AFTER.match(text[end:end + 40]))


_REDACTION = re.compile(r"\[\s*\*[\s*]*\]|(?<![\w*])\*\s?\*\s?\*(?![\w*])|\[(?:redacted|omitted)\]", re.I)


def _redacted_parent(ctx: RuleContext, target: str) -> bool:
    """"Section 10.1" when Article 10 reads "[***]": the filing omitted the clause
    (confidential treatment); it is not missing from the agreement."""
    parts = normalise_ref(target).split(".")
    for n in range(len(parts) - 1, 0, -1):
        key = ".".join(parts[:n])
        parent = ctx.document.find_section(key) or ctx.document.find_section(f"Article {key}")
        if parent is not None:
            return not parent.children and bool(_REDACTION.search(parent.text()))
    return False


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
    labelled = set()  # clause numbers written with their word at the start of the clause
    for ref in ctx.analysis.cross_refs:
        if not ref.resolved and not ref.external and ref.kind not in _ATTACHMENTS:
            info = paragraph_for(ctx, ref.evidence)
            if info is not None and _labels_its_clause(info.paragraph.text, ref):
                labelled.add(normalise_ref(ref.target))
    for ref in ctx.analysis.cross_refs:
        if ref.resolved or ref.external:
            continue
        if _resolves_inline(ctx, ref):
            continue
        info = paragraph_for(ctx, ref.evidence)
        if info is not None and contents_entries(info.paragraph.text) >= 3:
            continue  # a table of contents flattened into one paragraph, not a reference
        if ref.kind in _ATTACHMENTS:
            if part_of_larger:
                continue
            if ref.kind == "exhibit" and _FILING_EXHIBIT_NUMBER.match(ref.target):
                continue
            if info is not None and _filing_or_contents_line(info.paragraph.text, ref):
                continue
            if re.search(r"(?:^|\s)\(", ref.target):
                continue  # "Schedule 11L, (a) none of ...": an item after a schedule, not "Schedule (a)"
            what = "is referenced but not attached"
            detail = ""
        else:
            if _self_reference_ok(ctx, ref):
                continue
            what = "is referenced but there is no such section"
            detail = _section_detail(ctx, ref)
            if plain_text and _typed_somewhere(ctx, normalise_ref(ref.target), typed_cache):
                continue  # the clause is there, typed; the reader did not open it as a section
            if normalise_ref(ref.target) in labelled:
                continue  # "Section 4.1 The Fund authorizes ...": the clause is there
            if _redacted_parent(ctx, ref.target):
                continue
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
        if _roman_run(raw):
            return [roman_to_int(v) for v in raw]  # "Article I1" (a typo) is no number: None
        return [_letter_value(v) if v.isalpha() else None for v in raw]
    romans = [roman_to_int(v) for v in raw]
    letters = [_letter_value(v) for v in raw]

    def gaps(vals: list[int | None]) -> int:
        return sum(1 for a, b in zip(vals, vals[1:]) if a is None or b is None or b != a + 1)

    if raw and raw[0].lower() == "i" and all(r is not None for r in romans) and gaps(romans) <= gaps(letters):
        return romans
    return letters


def _roman_run(raw: list[str]) -> bool:
    """Whether "Article" labels are roman numerals: the run starts at I, or most of it reads
    as roman numerals with at least one of more than one letter (II, IV, XII)."""
    if not raw or any(v.isdigit() for v in raw):
        return False
    romans = [roman_to_int(v) for v in raw]
    if raw[0].upper() == "I" and sum(r is not None for r in romans) * 2 >= len(raw):
        return True
    return any(len(v) > 1 and r for v, r in zip(raw, romans)) and sum(r is not None for r in romans) * 2 > len(raw)


def _fmt(style: str, prefix: str, n: int, example: str, roman: bool = False) -> str:
    if style.startswith("dotted"):
        width = len(example.rsplit(".", 1)[-1]) if example.rsplit(".", 1)[-1].startswith("0") else 1
        return f"{prefix}{n:0{width}d}"  # "9.02" between "9.01" and "9.03"
    if style.startswith("kind:"):
        if roman:
            return f"{style[5:].capitalize()} {_to_roman(n).upper()}"
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
            seen: set[int] | None = None, quiet: set[int] | None = None) -> Iterator[tuple[object, str, str]]:
    """(item, its label, what is missing) for every jump in a run of sibling labels.
    ``seen`` holds the values of this style and prefix met earlier in the document: a list
    that continues one interrupted elsewhere (Word's "continue numbering") is no gap.
    Once the run has restarted at 1 it holds several lists, whose numbers repeat by design:
    no number is "used twice" after that. Items in ``quiet`` (lines of a table of contents)
    hold their number but no gap is reported at them or right after them."""
    quiet = quiet or set()
    raw = [v for v, _ in run]
    vals = _values(style, raw)
    roman = style.startswith("kind:") and _roman_run(raw)
    prev: int | None = None
    prev_raw = ""
    prev_obj: object = None
    restarted = False
    seen = seen if seen is not None else set()
    for (v, obj), val in zip(run, vals):
        if val is None:
            prev = None
            continue
        if id(obj) in quiet or id(prev_obj) in quiet:
            seen.add(val)
            prev, prev_raw, prev_obj = val, f"{prefix}{v}", obj
            continue
        continues = val - 1 in seen
        seen.add(val)
        if continues and prev is not None and val > prev + 1:
            prev, prev_raw, prev_obj = val, f"{prefix}{v}", obj
            continue
        if prev is None:
            # a dotted run under its parent should start at .1 ("3.2" first under "3")
            if style == "dotted" and parent_ref and prefix and normalise_ref(prefix.rstrip(".")) == normalise_ref(parent_ref) and val > 1 and val <= 3:
                yield obj, f"{prefix}{v}", f"{prefix}1" + ("" if val == 2 else f"-{prefix}{val - 1}")
        elif val == 1 or val <= prev - 1 and val <= 2:
            restarted = True  # a new list restarts the count
        elif val == prev:
            if not restarted and not _not_a_repeat(style, prev_obj, obj, v):
                yield obj, f"{prefix}{v}", "duplicate"
        elif val > prev + 1 and val - prev <= 5:
            missing = [_fmt(style, prefix, n, prev_raw, roman) for n in range(prev + 1, val)]
            if style.startswith("item"):
                missing = []
            yield obj, f"{prefix}{v}", ", ".join(m for m in missing if m) or f"a number between {prev_raw} and {v}"
        prev, prev_raw, prev_obj = val, f"{prefix}{v}", obj


_ATTACHMENT_STYLES = tuple(f"kind:{k}" for k in _ATTACHMENTS + ("part",))



def _text_of(obj: object) -> str:
    if isinstance(obj, Section):
        return " ".join(p.text for p in obj.iter_paragraphs(recursive=False))
    return getattr(obj, "text", "") or ""


def _not_a_repeat(style: str, first: object, second: object, value: str = "") -> bool:
    """Two siblings with one number that are not a number used twice:

    - an attachment heading repeated as a running page header in a filing ("Appendix B"
      on every page of Appendix B: no title, or the same title again), or a sub-attachment
      whose letter the reader read as the title ("EXHIBIT 4.A" after "EXHIBIT 4");
    - a list item whose predecessor restarted the list inline ("(iii) ... b. Entering a
      request (i) Access the portal (ii) ... (iii)").
    """
    if style in _ATTACHMENT_STYLES and isinstance(first, Section) and isinstance(second, Section):
        a, b = _norm_title(first.title or ""), _norm_title(second.title or "")
        if not a or not b or a.startswith(b) or b.startswith(a) or len(a) <= 2 or len(b) <= 2:
            return True
    if _label_only(first) or _label_only(second):
        return True
    if first is not None and style.startswith(("item", "num")):
        v = value.strip("().").lower()
        starts = "1" if v.isdigit() else ("i" if roman_to_int(v) and (len(v) > 1 or v == "i") else "a")
        starts += "|a" if v in ("v", "x") else ""  # (v) and (x) may be letters too
        if re.search(r"(?:^|\s)\(?(?:" + starts + r")\)\s", _text_of(first)[3:], re.I):
            return True  # the list restarted inline: "(iii) ... b. Entering (i) Access ..."
    return False


TEXT_GAP_SHARE = 0.05
"""In plain text, more gaps than this share of the numbered sections (and more than three)
means the reader could not rebuild the numbering: the document's gaps are not reported."""

_REF_WORD_BEFORE = re.compile(r"\b(?:Sections?|Clauses?|Articles?|Paragraphs?|sub-?clauses?|sub-?sections?|para|paras|s\.)\s*$", re.I)


def _typed_somewhere(ctx: RuleContext, missing: str, cache: dict[str, str]) -> bool:
    """Whether a "missing" number is written in the document as a clause number anyway
    ("23. MONITORING 23.1 The Company ...": the reader glued 23.1 to its heading, or a table
    of contents on one line; "2.11.1monitor" with the space lost; "3.9 [* * *]" redacted),
    or an attachment is headed in the text ("EXHIBIT D CONSTRUCTION SCHEDULE ..." opening a
    paragraph), or (plain text) a clause "10" shows by its sub-clause "10.2" that the reader
    misplaced it.
    A reference ("Section 23.1") does not count."""
    if "text" not in cache:
        paras = list(ctx.document.root.iter_paragraphs())
        cache["text"] = "\n".join(p.display for p in paras)
        cache["titles"] = "\n".join(s.name for s in ctx.document.sections() if s.label)
        # plain text only: there the reader misplaces clauses; elsewhere a schedule's own "3.1"
        # must not hide a missing clause 3 of the main terms
        cache["refs"] = "\n".join(normalise_ref(s.ref or s.label or "") for s in ctx.document.sections()
                                  if (s.ref or s.label) and ctx.document.metadata.source_format == "text")
    text = cache["text"]
    for label in (m.strip() for m in missing.split(",")):
        core = label.strip("()").rstrip(".")
        kind = re.fullmatch(r"(schedule|exhibit|annex|appendix|attachment|article|part|section|clause)\s+([\w.-]{1,6})", core, re.I)
        if kind:
            if not _attachment_typed(kind.group(1), kind.group(2), text + "\n" + cache["titles"]):
                return False
            continue
        if not core or " " in core:
            return False
        if re.fullmatch(r"[\d.]+", core):
            if re.search(r"(?m)^" + re.escape(normalise_ref(core)) + r"\.", cache["refs"]):
                continue  # "10.2" is there: clause 10 is, misplaced by the reader
            glued = r"|[A-Za-z]" if "." in core else ""
            rx = re.compile(r"(?<![\w.])" + re.escape(core) + r"\.?(?=\s+[\w\"\u201c(\[]" + glued + ")")
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


def _attachment_typed(kind: str, value: str, text: str) -> bool:
    """An attachment (or article) headed in the text: "EXHIBIT G" anywhere in capitals, or
    "Appendix C" opening a line and not opening a sentence about it ("Schedule 2 lists ...")."""
    caps = re.compile(r"(?<![\w-])" + re.escape(kind.upper()) + r"\s+" + re.escape(value.upper()) + r"(?![\w-])")
    if caps.search(text):
        return True
    start = re.compile(r"(?im)^[^\w\n]*(?:&\w+;\s*)*" + re.escape(kind) + r"\s+" + re.escape(value) + r"(?![\w-])(?!\s+(?-i:[a-z]))")
    # an EDGAR page laid out with runs of spaces: "...this Agreement.   Schedule 2  Products   Unless ..."
    spaced = re.compile(r"(?:^|\s{3,})" + re.escape(kind) + r"\s+" + re.escape(value) + r"\s{2,}[A-Z]", re.I)
    return bool(start.search(text) or spaced.search(text))


def _is_contents_entry(section: Section) -> bool:
    """A section opened by a table-of-contents line flattened into text ("Article VI
    CONDITIONS 25 Section 6.01 Conditions of ... 25"): not a clause of the agreement."""
    para = section.heading or next((b for b in section.blocks if isinstance(b, Paragraph)), None)
    if para is None:
        return False
    return contents_entries(para.display[:400]) >= 2


def _item_candidates(style: str, prev_raw: str, label: str) -> str:
    """The labels between two list items ("(xviii)" between "(xvii)" and "(xix)")."""
    a, b = prev_raw.strip("().").lower(), label.strip("().").lower()
    ra, rb = roman_to_int(a), roman_to_int(b)
    out: list[str] = []
    if ra and rb and rb - ra <= 5 and (len(a) > 1 or len(b) > 1 or a in "ivx"):
        out = [_to_roman(n) for n in range(ra + 1, rb)]
    elif len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha():
        out = [chr(c) for c in range(ord(a) + 1, ord(b))]
    elif len(a) == len(b) > 1 and len(set(a)) == len(set(b)) == 1 and a.isalpha() and b.isalpha() and ord(b[0]) - ord(a[0]) <= 5:
        out = [chr(c) * len(a) for c in range(ord(a[0]) + 1, ord(b[0]))]  # "(jj)" between "(ii)" and "(kk)"
    if prev_raw.strip().isupper() or label.strip().isupper():
        out = [o.upper() for o in out]
    return ", ".join(out)


def _to_roman(n: int) -> str:
    vals = ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
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


_LISTED_ATTACHMENT = re.compile(r"^(?:exhibit|schedule|annex(?:ure)?|appendix|attachment|article|section|part)\s+[\w.-]{1,6}\b", re.I)
"""The title of a contents line whose number the reader took for a clause number: in
"74 EXHIBIT 9 - SPARE PARTS" the 74 is the page the exhibit starts on."""


def _contents_line(section: Section) -> bool:
    if _is_contents_entry(section):
        return True
    return bool(section.label and re.fullmatch(r"\d+\.?", section.label.strip()) and _LISTED_ATTACHMENT.match(section.title or ""))


def _label_only(obj: object) -> bool:
    """A list item with no words of its own ("b) c) d) e)": a form's column of boxes)."""
    return isinstance(obj, Paragraph) and not re.search(r"[A-Za-z]{3,}", obj.text)


def _numbering_hits(ctx: RuleContext) -> Iterator[Hit]:
    seen: dict[tuple[str, str], set[int]] = {}
    cache: dict[str, str] = {}

    def still_missing(missing: str, label: str, style: str) -> str | None:
        """The missing numbers the document does not type anywhere (None: none)."""
        if missing == "duplicate":
            return missing
        if missing.startswith("a number between"):
            m = re.match(r"a number between (\S+) and (\S+)$", missing)
            shown = _item_candidates(style, m.group(1), m.group(2)) if m else ""
            if not shown:
                return missing
            return None if _typed_somewhere(ctx, shown, cache) else missing
        labels = [x.strip() for x in missing.split(",")]
        r = re.fullmatch(r"((?:\d+\.)+)(\d+)-\1(\d+)", missing)
        if r:  # "11.4.1-11.4.2"
            labels = [f"{r.group(1)}{n}" for n in range(int(r.group(2)), int(r.group(3)) + 1)]
        left = [x for x in labels if not _typed_somewhere(ctx, x, cache)]
        if not left:
            return None
        if r and len(left) == len(labels):
            return missing
        return ", ".join(left)

    for section in ctx.document.root.walk():
        kids = [(c.label, c) for c in section.children if c.label and c.label.strip(". ") != "0"]
        contents = {id(c) for _, c in kids if _contents_line(c)}
        parent_ref = (section.ref or section.label) if section is not ctx.document.root else None
        for style, prefix, run in _runs(kids):  # type: ignore[arg-type]
            # a contents line fills its number but is no clause of its own
            for obj, label, missing in _gaps_in(style, prefix, run, parent_ref, seen.setdefault((style, prefix), set()), contents):
                left = still_missing(missing, label, style)
                if left is not None:
                    yield _numbering_hit(ctx, obj, label, left)
        paras = [(b.label, b) for b in section.blocks if isinstance(b, Paragraph) and b.label and b.label not in ("\u2022", "-", "*")]
        for style, prefix, run in _runs(paras):  # type: ignore[arg-type]
            if style.startswith("dotted"):
                continue  # typed clause numbers of flat text are sections, checked above
            for obj, label, missing in _gaps_in(style, prefix, run, None):
                left = still_missing(missing, label, style)
                if left is not None:
                    yield _numbering_hit(ctx, obj, label, left)


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


_HEADING_KIND = re.compile(r"^(article|part|schedule|exhibit|annex|appendix|attachment|clause|section)\s+([A-Za-z0-9]+)", re.I)


def _heading_key(label: str, title: str) -> tuple[str, str]:
    """Siblings compared by heading: same kind of label ("Article", "Appendix", a dotted
    prefix "7.") and same caption."""
    label = label.strip().rstrip(".")
    m = _HEADING_KIND.match(label)
    if m:  # "Appendix 2.1" and "Appendix 3.1" are in different appendices
        return (m.group(1).lower() + " " + re.sub(r"[^.]*$", "", label[m.end(1):].strip()), title)
    return (re.sub(r"[^.]*$", "", label), title)


def _variant_of(a: str, b: str) -> bool:
    """"Exhibit C-1" and "Exhibit C-2": parts of one attachment, each with its own copy of
    the caption."""
    base = re.compile(r"^(.*\S)(?:-\s?[A-Za-z0-9]{1,2}|\.[A-Za-z])$")
    ma, mb = base.match(a.strip()), base.match(b.strip())
    return bool(ma and mb and normalise_ref(ma.group(1)) == normalise_ref(mb.group(1)))


@check(placeholders=("title", "first", "detail"))
def duplicate_heading(ctx: RuleContext) -> Iterator[Hit]:
    """Two sibling sections with the same heading ("7.2 Termination" and "7.5 Termination"):
    a cross-reference by heading becomes ambiguous and one of them is usually misnamed.
    Headings repeated in different parts (a "Definitions" in each schedule) are fine, and
    so are two items of different lists that the reader put under one parent (numbering
    restarted at 1 between them), parts of one attachment ("Exhibit C-1", "Exhibit C-2"),
    and an attachment's "to the Agreement" line."""
    for section in ctx.document.root.walk():
        seen: dict[tuple[str, str], Section] = {}
        for child in section.children:
            lab = (child.label or "").strip().strip("().")
            if lab.lower() in ("1", "a", "i") and not _HEADING_KIND.match(lab):
                seen = {k: v for k, v in seen.items() if k[0]}  # a new list of plain numbers or letters
            title = _norm_title(child.title or "")
            if not title or len(title) < 3 or not child.label or _GENERIC_HEADING.match(title) or title.startswith("to "):
                continue  # unnumbered sub-headings repeat by design; each part has its "Definitions"
            if _contents_line(child):
                continue
            label = child.ref or child.label or ""
            key = _heading_key(label, title)
            if key in seen and normalise_ref(seen[key].ref or seen[key].label or "") == normalise_ref(label):
                continue  # the same number and heading again: a running page header, or a number used twice (numbering-gap)
            if key in seen and _variant_of(seen[key].ref or seen[key].label or "", label):
                continue
            if key in seen:
                first = seen[key]
                para = child.heading or next((b for b in child.blocks if isinstance(b, Paragraph)), None)
                ev = ctx.evidence_for(para) if para is not None else None
                yield Hit(ev, {"title": child.title, "first": first.ref or first.label or first.title,
                               "detail": ""}, quote=child.name)
            else:
                seen[key] = child


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
