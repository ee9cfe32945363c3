"""Conditions: the small language rules use to say "the document has X".

A condition is a YAML mapping with one test key (`topic`, `pattern`, `terms`, `fact`,
`quantity`, `document_kind`, `defined`, `any`, `all`, `not`) and modifiers (`within`,
`min_count`, `case_sensitive`, `in`). Compiled once at load (regexes checked there), then
evaluated per document, returning the first evidence so findings can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from slalint.analysis.facts import TOPIC_IDS, Evidence, Quantity
from slalint.document import Section
from slalint.engine.context import ParaInfo, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

DOCUMENT_KINDS = ("msa", "sla", "sow", "order_form", "definitions", "schedule", "nda", "dpa", "terms", "other")
QUANTITY_KINDS = ("duration", "percentage", "money", "count")
DURATION_UNITS = ("minute", "hour", "business_hour", "day", "business_day", "calendar_day", "week", "month", "year")
HOURS_PER = {"minute": 1 / 60, "hour": 1.0, "business_hour": 1.0, "day": 24.0, "business_day": 24.0,
             "calendar_day": 24.0, "week": 168.0, "month": 730.0, "year": 8760.0}
WHERE = ("all", "body", "headings", "tables")
TESTS = ("topic", "topic_absent", "pattern", "terms", "fact", "quantity", "document_kind", "defined", "any", "all", "not")
MODIFIERS = ("within", "min_count", "case_sensitive", "in", "equals", "one_of")
FACT_ASPECTS = frozenset({"topics", "statements", "parties", "quantities"})


@dataclass
class CondResult:
    ok: bool
    evidence: Evidence | None = None
    values: dict[str, Any] = field(default_factory=dict)


class Condition:
    requires: frozenset[str] = frozenset()

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:  # pragma: no cover
        raise NotImplementedError


# -- within ---------------------------------------------------------------------------
@dataclass
class Within:
    """Restricts a search to sections of a topic, or sections whose heading matches."""

    topic: str | None = None
    heading: re.Pattern[str] | None = None

    @property
    def requires(self) -> frozenset[str]:
        return frozenset({"topics"}) if self.topic else frozenset()

    def sections(self, ctx: RuleContext) -> list[Section]:
        if self.topic:
            return ctx.sections_of_topic(self.topic)
        assert self.heading is not None
        return [s for s in ctx.document.sections() if s.title and self.heading.search(s.title)]

    def describe(self) -> str:
        return self.topic or (self.heading.pattern if self.heading else "")


def compile_within(ck: Checker, value: Any, kp: Path_) -> Within | None:
    if not ck.expect(value, dict, kp, "a mapping {topic: ID} or {heading: REGEX}"):
        return None
    ck.unknown_keys(value, ("topic", "heading"), kp)
    if ("topic" in value) == ("heading" in value):
        ck.error(kp, "give exactly one of 'topic' or 'heading'")
        return None
    if "topic" in value:
        if ck.choice(value["topic"], TOPIC_IDS, kp + ("topic",)):
            return Within(topic=value["topic"])
        return None
    rx = ck.regex(value["heading"], kp + ("heading",), re.I)
    return Within(heading=rx) if rx else None


def paragraphs_in(ctx: RuleContext, within: Within | None, where: str = "all") -> list[ParaInfo]:
    paras = list(ctx.iter_paragraphs(where))
    if within is None:
        return paras
    secs = within.sections(ctx)
    if not secs:
        return []
    return [p for p in paras if ctx.index.is_within(p.section, secs)]


# -- tests ----------------------------------------------------------------------------
@dataclass
class TopicCond(Condition):
    topic: str
    absent: bool = False
    requires: frozenset[str] = frozenset({"topics"})

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:
        cov = ctx.analysis.coverage.get(self.topic)
        status = cov.status if cov else "unknown"
        if self.absent:
            return CondResult(status == "absent", values={"topic": self.topic})
        if status != "present":
            return CondResult(False, values={"topic": self.topic})
        evs = ctx.topic_evidence(self.topic)
        return CondResult(True, evs[0] if evs else None, {"topic": self.topic})


@dataclass
class PatternCond(Condition):
    regexes: list[re.Pattern[str]]
    within: Within | None = None
    min_count: int = 1
    where: str = "all"

    @property
    def requires(self) -> frozenset[str]:  # type: ignore[override]
        return self.within.requires if self.within else frozenset()

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:
        if text is not None:
            n = sum(1 for rx in self.regexes for _ in rx.finditer(text))
            return CondResult(n >= self.min_count)
        count = 0
        first: CondResult | None = None
        for info in paragraphs_in(ctx, self.within, self.where):
            for rx in self.regexes:
                for m in rx.finditer(info.paragraph.text):
                    count += 1
                    if first is None:
                        first = CondResult(True, ctx.sentence_evidence(info, m.start(), m.end()), {"match": m.group(0)})
                    if count >= self.min_count:
                        return first
        return CondResult(False, values={"count": count})

    def matches(self, ctx: RuleContext) -> list[tuple[ParaInfo, re.Match[str]]]:
        out: list[tuple[int, ParaInfo, re.Match[str]]] = []
        for n, info in enumerate(paragraphs_in(ctx, self.within, self.where)):
            for rx in self.regexes:
                out.extend((n, info, m) for m in rx.finditer(info.paragraph.text))
        out.sort(key=lambda t: (t[0], t[2].start()))
        return [(info, m) for _, info, m in out]


@dataclass
class FactCond(Condition):
    key: str
    values_: list[Any]
    requires: frozenset[str] = FACT_ASPECTS

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:
        value = ctx.analysis.facts.get(self.key)
        return CondResult(value in self.values_, values={"fact": self.key, "fact_value": value})


@dataclass
class KindCond(Condition):
    kinds: list[str]

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:
        return CondResult(ctx.kind in self.kinds)


@dataclass
class DefinedCond(Condition):
    term: str
    requires: frozenset[str] = frozenset({"terms"})

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:
        key = self.term.lower()
        for name, d in ctx.analysis.glossary.items():
            if name.lower() == key or key in (a.lower() for a in d.alternates):
                return CondResult(True, d.evidence, {"term": d.term})
        return CondResult(False, values={"term": self.term})


@dataclass
class QuantityCond(Condition):
    selector: "QuantitySelector"

    @property
    def requires(self) -> frozenset[str]:  # type: ignore[override]
        return self.selector.requires

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:
        found = self.selector.select(ctx)
        if not found:
            return CondResult(False)
        q = found[0]
        return CondResult(True, q.evidence, {"value": q.text})


@dataclass
class BoolCond(Condition):
    op: str
    parts: list[Condition]

    @property
    def requires(self) -> frozenset[str]:  # type: ignore[override]
        out: frozenset[str] = frozenset()
        for p in self.parts:
            out |= p.requires
        return out

    def evaluate(self, ctx: RuleContext, text: str | None = None) -> CondResult:
        if self.op == "not":
            r = self.parts[0].evaluate(ctx, text)
            return CondResult(not r.ok)
        results = []
        for p in self.parts:
            r = p.evaluate(ctx, text)
            if self.op == "any" and r.ok:
                return r
            if self.op == "all" and not r.ok:
                return r
            results.append(r)
        if self.op == "any":
            return CondResult(False)
        first = next((r for r in results if r.evidence is not None), results[0] if results else CondResult(True))
        merged: dict[str, Any] = {}
        for r in results:
            merged.update(r.values)
        return CondResult(True, first.evidence, merged)


# -- quantity selectors -----------------------------------------------------------------
@dataclass
class QuantitySelector:
    """Picks stated quantities: kind, units, sections, and a word that must be near."""

    kind: str
    within: Within | None = None
    near: re.Pattern[str] | None = None
    units: list[str] = field(default_factory=list)

    @property
    def requires(self) -> frozenset[str]:
        return frozenset({"quantities"}) | (self.within.requires if self.within else frozenset())

    def select(self, ctx: RuleContext) -> list[Quantity]:
        secs = self.within.sections(ctx) if self.within else None
        if secs is not None and not secs:
            return []
        out = []
        for q in ctx.analysis.quantities:
            if q.kind != self.kind or (self.units and q.unit not in self.units):
                continue
            info = ctx.index.info_for(q.evidence)
            if secs is not None and not (info and ctx.index.is_within(info.section, secs)):
                continue
            if self.near is not None and not self._is_near(ctx, q, info):
                continue
            out.append(q)
        return out

    def _is_near(self, ctx: RuleContext, q: Quantity, info: ParaInfo | None) -> bool:
        """The `near` regex must match the words that belong to this quantity: within its
        sentence, between the previous and the next quantity; in a table, the column
        header counts too ("Response time" over a cell that says "4 hours")."""
        assert self.near is not None
        if info is None:
            return False
        text = info.paragraph.text
        start = q.evidence.anchor.start
        end = q.evidence.anchor.end if q.evidence.anchor.end is not None else len(text)
        s, e = ctx.index.sentence_around(info.paragraph, start, end)
        groups = ctx.index.memo.get("quantities_by_paragraph")
        if groups is None:
            groups = {}
            for other in ctx.analysis.quantities:
                groups.setdefault(id(ctx.index.info_for(other.evidence)), []).append(other)
            ctx.index.memo["quantities_by_paragraph"] = groups
        for other in groups.get(id(info), ()):  # type: ignore[union-attr]
            a = other.evidence.anchor
            if other is q:
                continue
            o_end = a.end if a.end is not None else len(text)
            if s <= o_end <= start:
                s = max(s, o_end)
            if end <= a.start <= e:
                e = min(e, a.start)
        if self.near.search(text[s:e]):
            return True
        if info.row is not None and info.col is not None:
            # A matrix cell: its column header ("Response time") or its row header.
            header = ctx.index.headers.get((info.row[0], info.col), "") if info.row[1] > 0 else ""
            row_head = ctx.index.row_headers.get(info.row, "") if info.col > 0 else ""
            return bool(self.near.search(header) or self.near.search(row_head))
        return False


def quantity_hours_or_value(q: Quantity) -> float | None:
    """Comparable value: durations in hours, other kinds as stated."""
    if q.value is None:
        return None
    if q.kind == "duration":
        factor = HOURS_PER.get(q.unit or "")
        return None if factor is None else q.value * factor
    return q.value


def compile_selector(ck: Checker, value: Any, kp: Path_) -> QuantitySelector | None:
    if not ck.expect(value, dict, kp, "a quantity selector mapping (kind, within, near, unit)"):
        return None
    ck.unknown_keys(value, ("kind", "within", "near", "unit"), kp)
    if "kind" not in value:
        ck.error(kp, "missing 'kind' (one of duration, percentage, money, count)")
        return None
    if not ck.choice(value["kind"], QUANTITY_KINDS, kp + ("kind",)):
        return None
    sel = QuantitySelector(kind=value["kind"])
    if "within" in value:
        sel.within = compile_within(ck, value["within"], kp + ("within",))
    if "near" in value:
        sel.near = ck.regex(value["near"], kp + ("near",), re.I)
    if "unit" in value:
        sel.units = ck.string_list(value["unit"], kp + ("unit",))
    return sel


# -- compile ----------------------------------------------------------------------------
def terms_regex(phrases: list[str], case_sensitive: bool) -> re.Pattern[str]:
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in phrases if p.strip()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", 0 if case_sensitive else re.I)


def compile_condition(ck: Checker, value: Any, kp: Path_, extra_allowed: tuple[str, ...] = ()) -> Condition | None:
    """Compile a condition mapping; errors go to ``ck``. ``extra_allowed`` are keys the
    caller handles itself (e.g. `per` for require)."""
    if not ck.expect(value, dict, kp, "a condition mapping (topic, pattern, terms, fact, any, all, not, ...)"):
        return None
    ck.unknown_keys(value, TESTS + MODIFIERS + extra_allowed, kp)
    tests = [k for k in TESTS if k in value]
    if len(tests) != 1:
        if not tests:
            ck.error(kp, f"a condition needs one of {', '.join(TESTS)}")
        else:
            ck.error(kp, f"a condition takes exactly one test, got {', '.join(tests)} (combine them with any/all)")
        return None
    test = tests[0]
    v = value[test]
    tkp = kp + (test,)
    if test not in ("pattern", "terms") and any(m in value for m in ("within", "min_count", "case_sensitive", "in")):
        ck.error(kp, f"'within', 'min_count', 'case_sensitive' and 'in' apply to pattern/terms, not to '{test}'")
    for key in ("equals", "one_of"):
        if test != "fact" and key in value:
            ck.error(kp + (key,), f"'{key}' goes with 'fact'")
    if test in ("topic", "topic_absent"):
        if ck.choice(v, TOPIC_IDS, tkp):
            return TopicCond(v, absent=test == "topic_absent")
        return None
    if test in ("pattern", "terms"):
        cs = value.get("case_sensitive", False)
        if not ck.expect(cs, bool, kp + ("case_sensitive",), "true or false"):
            cs = False
        flags = 0 if cs else re.I
        items = v if isinstance(v, list) else [v]
        if not items or not all(isinstance(i, str) for i in items):
            ck.error(tkp, f"expected a string or a list of strings, got {ck.type_name(v)}")
            return None
        if test == "pattern":
            rxs = [ck.regex(p, tkp + ((i,) if isinstance(v, list) else ()), flags) for i, p in enumerate(items)]
            if any(r is None for r in rxs):
                return None
            regexes = [r for r in rxs if r is not None]
        else:
            regexes = [terms_regex(items, cs)]
        cond = PatternCond(regexes)
        if "within" in value:
            cond.within = compile_within(ck, value["within"], kp + ("within",))
        if "min_count" in value:
            mc = value["min_count"]
            if ck.expect(mc, int, kp + ("min_count",), "a positive integer") and mc >= 1:
                cond.min_count = mc
            elif isinstance(mc, int):
                ck.error(kp + ("min_count",), "expected a positive integer")
        if "in" in value and ck.choice(value["in"], WHERE, kp + ("in",)):
            cond.where = value["in"]
        return cond
    if test == "fact":
        if not ck.expect(v, str, tkp, "a fact key"):
            return None
        if "equals" in value:
            return FactCond(v, [value["equals"]])
        if "one_of" in value and ck.expect(value["one_of"], list, kp + ("one_of",), "a list of values"):
            return FactCond(v, list(value["one_of"]))
        ck.error(kp, "'fact' needs 'equals: VALUE' or 'one_of: [VALUES]'")
        return None
    if test == "quantity":
        sel = compile_selector(ck, v, tkp)
        return QuantityCond(sel) if sel else None
    if test == "document_kind":
        kinds = ck.string_list(v, tkp)
        for i, k in enumerate(kinds):
            ck.choice(k, DOCUMENT_KINDS, tkp + (i,))
        return KindCond(kinds)
    if test == "defined":
        return DefinedCond(v) if ck.expect(v, str, tkp, "a term") else None
    # any / all / not
    if test == "not":
        inner = compile_condition(ck, v, tkp)
        return BoolCond("not", [inner]) if inner else None
    if not isinstance(v, list) or not v:
        ck.error(tkp, f"expected a non-empty list of conditions, got {ck.type_name(v)}")
        return None
    parts = [compile_condition(ck, item, tkp + (i,)) for i, item in enumerate(v)]
    if any(p is None for p in parts):
        return None
    return BoolCond(test, [p for p in parts if p is not None])
