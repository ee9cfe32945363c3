"""Checklist topics: which provisions each heading, paragraph and table row makes.

An agreement covers a checklist topic (``spec/topics.md``) when it makes a provision on it:
a clause, a table row, a schedule. Headings say so most of the time, but not always: EDGAR
text has no styled headings, order forms are tables, and a heading can mislead ("Service
Level Agreement" as a document title, "Effect of Termination"). So every unit is read twice:

* its *heading* (a section title, a run-in heading "Governing Law. This Agreement ...", or
  the label cell of a table row "Governing Law | Delaware") is matched against the topic's
  heading patterns;
* its *body* sentences are matched against provision language ("may terminate this
  Agreement ... upon thirty days' notice"), unless the sentence only mentions the topic
  ("subject to the Service Levels").

The patterns are data (``models/patterns/topics.yaml``). Each hit carries a weight: 1.0 is
enough on its own to call the topic present, lower weights need corroboration
(:mod:`slalint.analysis.coverage` adds them up). A heading that lists several topics
("Uptime, Security, and Privacy") counts fully only for those its body takes up.

Speed: every body pattern needs some literal words, read from the pattern itself
(:mod:`slalint.analysis.prefilter`); one scan of a sentence tells which patterns can match
at all, so a sentence meets a handful of regular expressions instead of a few hundred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Pattern

from slalint.analysis.context import AnalysisContext, Unit
from slalint.analysis.facts import TOPIC_IDS, TopicHit
from slalint.analysis.prefilter import ANCHOR, Guarded, LiteralIndex, accelerate, required_clauses
from slalint.analysis.statements import body_offset, sentence_spans
from slalint.document import Table

PATTERN_FILE = "patterns/topics.yaml"

DEFINITION_WEIGHT = 0.34
"""Weight of one formal definition for the "definitions" topic (three make it present)."""
DEFINITION_FACTOR = 0.5
"""Body hits inside a definition ("Service Credit" means ...) count half: a definition
alone rarely makes the provision."""
DELEGATION_FACTOR = 0.5
"""Body hits in a sentence that sends the reader elsewhere ("as set out in the Order
Form") count half."""

_FORMAL_DEFINITION = re.compile(
    r"""(?:^|[\s(])[“"'‘]?(?P<term>[A-Z][\w’'&/-]*(?:\s+[\w’'&/()-]+){0,7}?)[”"'’]?\s*(?:\(\w+\)\s*)?"""
    r"""(?:[:,]\s*)?(?:means|shall\s+mean|will\s+mean|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|"""
    r"""is\s+defined\s+(?:as|in)|refers\s+to)\b""",
)
_QUOTED_DEFINITION = re.compile(
    r"""[“"][^”"]{1,60}[”"]\s*(?:\(\w+\)\s*)?(?:[:,]\s*)?(?:means|shall\s+mean|will\s+mean|has\s+the\s+meaning|"""
    r"""shall\s+have\s+the\s+meaning|is\s+defined|refers\s+to)\b""",
)
_DEFINING_VERB = Guarded(re.compile(r"means|mean|meaning|defined|refers", re.I))
"""Both definition patterns need one of these words: sentences without any skip them."""
_RUN_IN_HEADING = re.compile(r"^\s*(?P<title>[A-Z][^.:;!?\n]{1,70}?)(?:\.|:|\s[-–—])\s+(?=\S)")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with without under upon its".split())


@dataclass(frozen=True)
class BodyPattern:
    regex: Pattern[str]
    weight: float
    key: int | None = None
    """Id of the most selective literal clause a match needs (see :class:`LiteralIndex`):
    the pattern is looked at only in sentences that satisfy it. None: always."""
    rest: tuple[tuple[str, ...], ...] = ()
    """The other literal clauses a match needs (each: one of these strings)."""

    def possible(self, lowered: str) -> bool:
        """Do the other clauses hold too (given that the key clause does)?"""
        for clause in self.rest:
            for s in clause:
                if s in lowered:
                    break
            else:
                return False
        return True


@dataclass(frozen=True)
class TopicPatterns:
    """The compiled patterns of one checklist topic."""

    topic: str
    heading: tuple[Pattern[str], ...]
    heading_not: tuple[Pattern[str], ...]
    body: tuple[BodyPattern, ...]
    mention: tuple[Pattern[str], ...]
    trigger: Pattern[str] | None = None
    definition_factor: float = 0.5
    triggers: tuple[str, ...] = ()
    mention_guards: tuple[Guarded, ...] = ()

    def triggered(self, lowered: str) -> bool:
        """Cheap pre-check: does the (lower-cased) sentence hold one of the trigger words?"""
        return self.trigger is None or self.trigger.search(lowered) is not None

    def heading_match(self, title: str) -> re.Match[str] | None:
        for p in self.heading:
            m = p.search(title)
            if m:
                return None if any(n.search(title) for n in self.heading_not) else m
        return None

    def body_match(
        self,
        sentence: str,
        lowered: str,
        candidates: Iterable[BodyPattern] | None = None,
        use_triggers: bool = False,
    ) -> tuple[float, re.Match[str]] | None:
        """The strongest provision pattern in ``sentence`` (the first to match, strongest
        first), or None when nothing matches, when ``use_triggers`` and none of the
        topic's trigger words is in the sentence, or when the sentence only mentions the
        topic. ``candidates`` (default: all body patterns) may leave out patterns that
        cannot match the sentence."""
        best: tuple[float, re.Match[str]] | None = None
        for bp in self.body if candidates is None else candidates:
            m = bp.regex.search(sentence)
            if m:
                best = (bp.weight, m)
                break
        if best is None:
            return None
        if use_triggers and self.triggers and not any(w in lowered for w in self.triggers):
            return None
        for g in self.mention_guards:
            if g.search(sentence, lowered):
                return None
        return best


@dataclass(frozen=True, eq=False)
class TopicModel:
    """All topic patterns, in spec order, plus the delegation patterns."""

    topics: tuple[TopicPatterns, ...]
    delegation: tuple[Pattern[str], ...]
    trigger_index: tuple[tuple[str, frozenset[str]], ...] | None = None
    literals: LiteralIndex = field(default_factory=LiteralIndex)
    delegation_guards: tuple[Guarded, ...] = ()
    by_key: dict[int | None, tuple[int, ...]] = field(default_factory=dict)
    """Literal clause id -> the body patterns keyed on it (key None: patterns that need
    no literal), as indexes into ``patterns``."""
    patterns: tuple[tuple[int, BodyPattern], ...] = ()
    """Every body pattern with its topic's index, topic by topic, strongest first."""

    def triggered_topics(self, lowered: str) -> frozenset[str] | None:
        """The topics whose trigger words occur in ``lowered``; None when there is no
        trigger index (then every topic is tried)."""
        if self.trigger_index is None:
            return None
        found: set[str] = set()
        for word, topics in self.trigger_index:
            if word in lowered:
                found |= topics
        return frozenset(found)

    def candidates(self, sentence: str, lowered: str) -> dict[int, list[BodyPattern]]:
        """Topic index -> its body patterns that can match ``sentence``, strongest first."""
        satisfied = self.literals.scan(sentence, lowered)
        special = satisfied is self.literals.all_ids
        by_key = self.by_key
        picked: set[int] = set(by_key.get(None, ()))
        for cid in satisfied:
            found = by_key.get(cid)
            if found:
                picked.update(found)
        out: dict[int, list[BodyPattern]] = {}
        patterns = self.patterns
        for gid in sorted(picked):
            ti, bp = patterns[gid]
            if special or bp.possible(lowered):
                if ti in out:
                    out[ti].append(bp)
                else:
                    out[ti] = [bp]
        return out

    def delegates(self, sentence: str, lowered: str) -> bool:
        """Does ``sentence`` send the reader elsewhere ("as set out in the Order Form")?"""
        return any(g.search(sentence, lowered) for g in self.delegation_guards)

    def headings_for(self, title: str) -> list[str]:
        return _headings_for(self, title)

    def get(self, topic: str) -> TopicPatterns:
        for t in self.topics:
            if t.topic == topic:
                return t
        raise KeyError(topic)


def _compile(pattern: str, where: str) -> Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where}: bad regular expression {pattern!r}: {exc}") from None


def _trigger_regex(words: list[str]) -> Pattern[str] | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(str(w).lower()) for w in sorted(words, key=len, reverse=True)))


def load_topic_model(path: str | Path | None = None) -> TopicModel:
    """Load and validate the topic patterns (default: the packaged models/ file)."""
    if path is None:
        return _default_model()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_model() -> TopicModel:
    from slalint.resources import models_dir

    return _load(models_dir() / PATTERN_FILE)


def _load(path: Path) -> TopicModel:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw = data.get("topics") or {}
    unknown = sorted(set(raw) - set(TOPIC_IDS))
    if unknown:
        raise ValueError(f"{path}: unknown topic id(s) {', '.join(unknown)}")
    topics = []
    literals = LiteralIndex()
    for topic in TOPIC_IDS:
        spec = raw.get(topic) or {}
        where = f"{path.name}: {topic}"
        triggers = tuple(str(w).lower() for w in spec.get("triggers") or [])
        body = []
        for item in spec.get("body") or []:
            if isinstance(item, str):
                item = {"pattern": item}
            regex = _compile(item["pattern"], where)
            clauses = required_clauses(regex.pattern, regex.flags)
            key = literals.register(clauses[0]) if clauses else None
            rest = tuple(tuple(sorted({s.lstrip(ANCHOR) for s in c}, key=len)) for c in clauses[1:])
            body.append(BodyPattern(accelerate(regex), float(item.get("weight", 1.0)), key, rest))
        body.sort(key=lambda b: -b.weight)
        mention = tuple(accelerate(_compile(p, where)) for p in spec.get("mention") or [])
        topics.append(
            TopicPatterns(
                topic=topic,
                heading=tuple(_compile(p, where) for p in spec.get("heading") or []),
                heading_not=tuple(_compile(p, where) for p in spec.get("heading_not") or []),
                body=tuple(body),
                mention=mention,
                trigger=_trigger_regex(list(triggers)),
                definition_factor=float(spec.get("definition_factor", DEFINITION_FACTOR)),
                triggers=triggers,
                mention_guards=tuple(Guarded(p) for p in mention),
            )
        )
    delegation = tuple(accelerate(_compile(p, f"{path.name}: delegation")) for p in data.get("delegation") or [])
    by_key: dict[int | None, list[int]] = {}
    patterns = [(ti, bp) for ti, tp in enumerate(topics) for bp in tp.body]
    for gid, (_, bp) in enumerate(patterns):
        by_key.setdefault(bp.key, []).append(gid)
    return TopicModel(
        tuple(topics),
        delegation,
        _trigger_index(raw),
        literals,
        tuple(Guarded(p) for p in delegation),
        {k: tuple(v) for k, v in by_key.items()},
        tuple(patterns),
    )


def _trigger_index(raw: dict) -> tuple[tuple[str, frozenset[str]], ...] | None:
    words = {t: [str(w).lower() for w in (raw.get(t) or {}).get("triggers") or []] for t in TOPIC_IDS}
    if not all(words[t] for t in TOPIC_IDS if (raw.get(t) or {}).get("body")):
        return None
    every = sorted({w for ws in words.values() for w in ws})
    return tuple((w, frozenset(t for t, ws in words.items() if w in ws)) for w in every)


@lru_cache(maxsize=4096)
def _headings_for(model: "TopicModel", title: str) -> list[str]:
    return [tp.topic for tp in model.topics if tp.heading_match(title)]


# --------------------------------------------------------------------------- tagging


def tag_topics(ctx: AnalysisContext, model: TopicModel | None = None) -> list[TopicHit]:
    """Tag every heading, paragraph and table row of the agreement with the checklist
    topics it makes a provision on, each hit with its evidence and weight."""
    model = model or load_topic_model()
    hits: list[TopicHit] = []
    total_units = max(len(ctx.units), 1)
    section_units = _units_per_section(ctx)
    sentences: dict[int, list[tuple[int, int]]] = {}
    for unit, start, end in sentence_spans(ctx):
        sentences.setdefault(unit.index, []).append((start, end))

    glossary_sections = _definition_sections(ctx, model)
    context = ""  # the last specific heading, for generic ones ("Responsibilities")
    last_section = None
    listed: list[tuple[int, object]] = []  # heading hits from titles that list topics
    body_topics: dict[int, set[str]] = {}  # section id -> topics its own body sentences hit
    for unit in ctx.units:
        if unit.section is not last_section and not unit.is_heading:
            # a section without a heading paragraph (run-in or table-row titles)
            last_section = unit.section
            if unit.section.title and not _GENERIC_TITLE.match(unit.section.title):
                context = unit.section.title
        if unit.is_heading:
            last_section = unit.section
            found = _heading_hits(model, unit, section_units, total_units, context)
            if len({h.topic for h in found}) > 1 and _LIST_TITLE.search(unit.section.title):
                listed.extend((len(hits) + i, unit.section) for i in range(len(found)))
            hits.extend(found)
            if unit.section.title and not _GENERIC_TITLE.match(unit.section.title):
                context = unit.section.title
        offset = body_offset(unit)
        if offset is None:
            continue
        line_item = unit.in_table and _line_item_row(unit)
        first_hit = len(hits)
        if unit.in_table:
            if id(unit.section) in glossary_sections:
                if unit.table_pos is not None and unit.table_pos[2] == 0 and _row_has_other_content(unit, ctx):
                    hits.append(TopicHit("definitions", unit.evidence(), source="definition", weight=DEFINITION_WEIGHT))
                    continue  # a term of the glossary, not a provision on its topic
            else:
                hits.extend(_table_label_hits(model, unit, ctx))
        elif offset == 0:
            if _looks_like_title(unit.text.strip()) and not re.search(r"[.;,]\s*$", unit.text.strip()):
                # An unstyled heading line (EDGAR text): "Included Monthly Services".
                hits.extend(TopicHit(t, unit.evidence(), source="heading", weight=0.8) for t in model.headings_for(unit.text.strip().rstrip(":")))
                continue
            hits.extend(_run_in_heading_hits(model, unit, context))
        for start, end in sentences.get(unit.index, [(0, len(unit.text))]):
            start = max(start, offset)
            if end - start > 2 and not _is_drafting_note(unit.text[start:end]):
                glossary = unit.in_table and id(unit.section) in glossary_sections
                found = _sentence_hits(model, unit, start, end, in_glossary=glossary)
                if found:
                    body_topics.setdefault(id(unit.section), set()).update(h.topic for h in found)
                hits.extend(found)
        if line_item and len(hits) > first_hit:
            hits[first_hit:] = [h for h in hits[first_hit:] if h.topic == "fees"]
    if listed:
        _weigh_listed_headings(hits, listed, body_topics)
    return hits


_LIST_TITLE = re.compile(r",")
LISTED_HEADING_WEIGHT = 0.6
"""A heading that lists several topics ("Uptime, Security, and Privacy") speaks for each
one only as far as the text under it does: a listed topic the body never touches counts
as a mention."""


def _weigh_listed_headings(hits: list[TopicHit], listed: list[tuple[int, object]], body_topics: dict[int, set[str]]) -> None:
    for index, section in listed:
        h = hits[index]
        if h.weight < 1.0:
            continue
        below: set[str] = set()
        for s in section.walk():  # type: ignore[attr-defined]
            below |= body_topics.get(id(s), set())
        if h.topic not in below:
            hits[index] = TopicHit(h.topic, h.evidence, h.source, LISTED_HEADING_WEIGHT)


_DRAFTING_NOTE = re.compile(
    r"^\W*(?:drafting|guidance|editor[’']?s|explanatory|instructions?|how\s+to\s+use)\s*(?:note)?s?\s*[:\]]"
    r"|^\W*\[\s*(?:specify|insert|describe|select|enter|fill\s+in|identify|choose|delete|list|add)\b",
    re.I,
)
_PLACEHOLDER = re.compile(r"\s*(?:(?:\[[^\[\]]*\]|\{[^{}]*\})\s*)+")
"""A cell that only holds a bracketed placeholder or instruction ("[specify]", "{fees}")."""


def _is_drafting_note(sentence: str) -> bool:
    """Guidance for the drafter ("[Drafting note: ...]") is not a provision."""
    return bool(_DRAFTING_NOTE.match(sentence))


def _definition_sections(ctx: AnalysisContext, model: TopicModel) -> set[int]:
    """ids of the sections inside a definitions section or glossary."""
    out: set[int] = set()
    definitions = model.get("definitions")

    def walk(section, inside: bool) -> None:  # type: ignore[no-untyped-def]
        if section.title:  # a titled sub-section leaves the glossary ("1. Service Commitment")
            inside = bool(definitions.heading_match(section.title))
        if inside:
            out.add(id(section))
        for child in section.children:
            walk(child, inside)

    walk(ctx.document.root, False)
    return out


def _units_per_section(ctx: AnalysisContext) -> dict[int, int]:
    """Number of non-heading units below each section (recursively), keyed by id()."""
    own: dict[int, int] = {}
    for unit in ctx.units:
        if body_offset(unit) is not None:
            own[id(unit.section)] = own.get(id(unit.section), 0) + 1
    total: dict[int, int] = {}

    def count(section) -> int:  # type: ignore[no-untyped-def]
        n = own.get(id(section), 0) + sum(count(c) for c in section.children)
        total[id(section)] = n
        return n

    count(ctx.document.root)
    return total


_GENERIC_TITLE = re.compile(r"^\W*(?:responsibilities|obligations|duties|dependencies|requirements|rights|general|exclusions?|exceptions?)\W*$", re.I)


def _heading_hits(
    model: TopicModel, unit: Unit, section_units: dict[int, int], total_units: int, context: str = ""
) -> list[TopicHit]:
    title = unit.section.title
    if not title.strip():
        return []
    if context and _GENERIC_TITLE.match(title):
        title = f"{context.strip().rstrip(':').strip()} {title}"  # "Customer" / "Responsibilities:"
    below = section_units.get(id(unit.section), 0)
    if below == 0:
        weight = 0.3  # a heading with nothing under it
    elif total_units > 20 and below > 0.6 * total_units:
        weight = 0.4  # a document title heading over (nearly) everything
    else:
        weight = 1.0
        off = body_offset(unit)
        own = [unit.text[off:]] if off is not None else []
        own += [b.text for b in unit.section.blocks if isinstance(getattr(b, "text", None), str)]
        own_text = " ".join(own)
        if own_text and len(own_text.split()) < 60 and not unit.section.children:
            if model.delegates(own_text, own_text.lower()):
                weight = 0.5  # "Service Levels. As set out in the Order Form."
            elif re.fullmatch(r"\W*(?:\[?reserved\]?|intentionally\s+(?:left\s+)?(?:blank|omitted)|not\s+used|n/?a)\W*", own_text, re.I):
                weight = 0.1
    return [TopicHit(topic, unit.evidence(), source="heading", weight=weight) for topic in model.headings_for(title)]


def _looks_like_title(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 9:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    small = sum(1 for w in words if w.lower() in _SMALL_WORDS)
    return caps + small >= len(words) and caps >= 1


def _run_in_heading_hits(model: TopicModel, unit: Unit, context: str = "") -> list[TopicHit]:
    """"Governing Law. This Agreement is governed by ..." - a heading inside the paragraph.
    A generic one ("Exclusions.") is read with the heading before it ("Confidentiality")."""
    m = _RUN_IN_HEADING.match(unit.text)
    if not m:
        return []
    title = m.group("title").strip()
    rest = unit.text[m.end():]
    if not _looks_like_title(title) or len(rest.split()) < 3:
        return []
    if context and _GENERIC_TITLE.match(title) and context.strip().rstrip(":").strip() != title:
        title = f"{context.strip().rstrip(':').strip()} {title}"
    topics = model.headings_for(title)
    if not topics:
        return []
    weight = 0.5 if len(rest.split()) < 40 and model.delegates(rest, rest.lower()) else 1.0
    return [TopicHit(t, unit.evidence(m.start("title"), m.end("title")), source="heading", weight=weight) for t in topics]


def _table_label_hits(model: TopicModel, unit: Unit, ctx: AnalysisContext) -> list[TopicHit]:
    """The label cell of a table row ("Governing Law" | "Delaware"), when another cell of
    the row holds content."""
    text = unit.text.strip().rstrip(":").strip()
    if not text or len(text.split()) > 8 or unit.table_pos is None:
        return []
    if unit.table_pos[2] != 0 and not (unit.table_pos[2] == 1 and _numbered_row(unit, ctx)):
        return []
    if re.search(r"\d|%|\$", text):
        return []  # a value ("5% of monthly fees"), not a label
    if _SIGNATURE_LABEL.match(text):
        return [TopicHit("signature", unit.evidence(), source="table", weight=1.0)]  # blanks to sign on
    if not _row_has_other_content(unit, ctx):
        return []
    return [TopicHit(topic, unit.evidence(), source="table", weight=0.8) for topic in model.headings_for(text)]


_AMOUNT_CELL = re.compile(
    r"^\W*(?:(?:[$£€¥]|usd|gbp|eur|aud|cad)\s*)?\d[\d,]*(?:\.\d+)?\s*(?:k|m|usd|gbp|eur|aud|cad)?"
    r"(?:\s*(?:/|per)\s*[a-z]+(?:\s+[a-z]+)?)?\W*$",
    re.I,
)
_CURRENCY = re.compile(r"[$£€¥]|\b(?:usd|gbp|eur|aud|cad)\b", re.I)


def _line_item_row(unit: Unit) -> bool:
    """Is this cell in a row of a price list ("Firewall management | 1 | $300.00")? The
    other cells hold only amounts, one of them money: the row names a billed item, and
    says nothing on the item's topic except what it costs."""
    if unit.table_pos is None:
        return False
    table_no, row_no, cell_no = unit.table_pos
    tables = [b for b in unit.section.blocks if isinstance(b, Table)]
    if table_no >= len(tables) or row_no >= len(tables[table_no].rows):
        return False
    others = [c.text.strip() for i, c in enumerate(tables[table_no].rows[row_no].cells) if i != cell_no]
    others = [t for t in others if t]
    return bool(others) and all(_AMOUNT_CELL.match(t) for t in others) and any(_CURRENCY.search(t) for t in others)


_ROW_NUMBER = re.compile(r"^\W*(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)\W*$", re.I)


def _numbered_row(unit: Unit, ctx: AnalysisContext) -> bool:
    """Is the first cell of this row only a number ("15." | "Specified Personnel" | ...)?
    Then the second cell is the row's label."""
    for other in _row_units(ctx, unit):
        if other.table_pos is not None and other.table_pos[2] == 0:
            return bool(_ROW_NUMBER.match(other.text))
    return False


_SIGNATURE_LABEL = re.compile(r"^(?:signature|signed|authori[sz]ed\s+signature|signed\s+by)\W*$", re.I)


def _row_has_other_content(unit: Unit, ctx: AnalysisContext) -> bool:
    table_no, row, cell = unit.table_pos  # type: ignore[misc]
    for other in _row_units(ctx, unit):
        if other.table_pos is not None and other.table_pos[2] != cell:
            t = other.text.strip()
            if t and not re.fullmatch(r"[\[{(]?\s*(?:insert|tbd|to\s+be\s+confirmed|n/?a)?[^\w]*[\]})]?", t, re.I) \
                    and not (other.table_pos[2] < cell and _ROW_NUMBER.match(t)) and not _PLACEHOLDER.fullmatch(t):
                return True
    return False


def _row_units(ctx: AnalysisContext, unit: Unit) -> Iterable[Unit]:
    # Units of one table row are adjacent in document order: look around this one.
    lo, hi = max(0, unit.index - 12), min(len(ctx.units), unit.index + 13)
    table_no, row, _ = unit.table_pos  # type: ignore[misc]
    for other in ctx.units[lo:hi]:
        if other is unit or other.section is not unit.section or other.table_pos is None:
            continue
        if other.table_pos[0] == table_no and other.table_pos[1] == row:
            yield other


def is_formal_definition(sentence: str, lowered: str | None = None) -> bool:
    """'"Service Credit" means ...' or 'Service Credit: means ...' at the start of a
    sentence, or a quoted term followed by "means" anywhere."""
    head = sentence[:120]
    low = (lowered if lowered is not None else sentence.lower())[:120]
    if not _DEFINING_VERB.possible(head, low):
        return False
    if _QUOTED_DEFINITION.search(head):
        return True
    m = _FORMAL_DEFINITION.match(head)
    if not m or m.start("term") >= 4:
        return False
    # Unquoted terms: "Business Day means ..." - but not "The Supplier means to ...".
    return not re.match(r"(?:the|this|that|a|an|each|such|any|it|which)\b", m.group("term"), re.I)


def _sentence_hits(
    model: TopicModel, unit: Unit, start: int, end: int, use_triggers: bool = True, in_glossary: bool = False
) -> list[TopicHit]:
    sentence = unit.text[start:end]
    if len(sentence.strip()) < 3:
        return []
    lowered = sentence.lower()
    use_triggers = use_triggers and model.trigger_index is not None
    definition = in_glossary or is_formal_definition(sentence, lowered)
    delegated: bool | None = None
    source = "table" if unit.in_table else "body"
    out: list[TopicHit] = []
    if definition and not in_glossary:
        out.append(TopicHit("definitions", unit.evidence(start, end), source="definition", weight=DEFINITION_WEIGHT))
        # '(i) the term "beneficial ownership" shall have the meaning ..., (ii) the term
        # "affiliate" means ...': each further quoted definition counts too.
        for extra in list(_QUOTED_DEFINITION.finditer(sentence))[1:]:
            out.append(
                TopicHit("definitions", unit.evidence(start + extra.start(), end), source="definition", weight=DEFINITION_WEIGHT)
            )
    for ti, candidates in model.candidates(sentence, lowered).items():
        tp = model.topics[ti]
        found = tp.body_match(sentence, lowered, candidates, use_triggers)
        if found is None:
            continue
        weight, m = found
        if definition:
            weight *= tp.definition_factor
        if delegated is None:
            delegated = model.delegates(sentence, lowered)
        if delegated:
            weight *= DELEGATION_FACTOR
        out.append(
            TopicHit(
                tp.topic,
                unit.evidence(start, end),
                source="definition" if definition else source,
                weight=round(weight, 3),
            )
        )
    return out
