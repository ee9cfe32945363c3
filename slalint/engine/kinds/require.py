"""`require`: a topic or pattern must be present, in the document or in each section of a topic."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from slalint.engine.conditions import Condition, PatternCond, compile_condition
from slalint.engine.context import Hit, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

PARAMS = ("per",)
PLACEHOLDERS = frozenset()


@dataclass
class Compiled:
    condition: Condition
    per: str = "document"

    @property
    def requires(self) -> frozenset[str]:
        return self.condition.requires


def compile(ck: Checker, params: Any, kp: Path_) -> Compiled | None:
    cond = compile_condition(ck, params, kp, extra_allowed=PARAMS)
    if cond is None:
        return None
    per = params.get("per", "document")
    if not ck.choice(per, ("document", "section"), kp + ("per",)):
        return None
    if per == "section" and not (isinstance(cond, PatternCond) and cond.within is not None):
        ck.error(kp + ("per",), "'per: section' needs a pattern or terms search with 'within'")
        return None
    return Compiled(cond, per)


def _topic_of(cond: Condition) -> str | None:
    return getattr(cond, "topic", None) or (getattr(getattr(cond, "within", None), "topic", None))


def run(ctx: RuleContext) -> Iterator[Hit]:
    c: Compiled = ctx.compiled
    topic = _topic_of(c.condition) or (ctx.rule.topics[0] if ctx.rule.topics else None)
    if c.per == "document":
        within = getattr(c.condition, "within", None)
        if within is not None and not within.sections(ctx):
            return  # nothing to search: the rule does not apply
        r = c.condition.evaluate(ctx)
        if not r.ok:
            yield Hit(None, {"topic": topic or ""}, topic=topic)
        return
    cond: PatternCond = c.condition  # type: ignore[assignment]
    assert cond.within is not None
    sections = cond.within.sections(ctx)
    roots = [s for s in sections if not any(o is not s and ctx.index.is_within(s, [o]) for o in sections)]
    for sec in roots:
        paras = [p for p in ctx.iter_paragraphs(cond.where) if ctx.index.is_within(p.section, [sec])]
        found = sum(1 for p in paras for rx in cond.regexes for _ in rx.finditer(p.paragraph.text))
        if found >= cond.min_count or not paras:
            continue
        ev = None
        if cond.within.topic:
            ev = next((e for e in ctx.topic_evidence(cond.within.topic) if ctx.index.is_within(ctx.section_of(e.anchor), [sec])), None)
        if ev is None:
            first = paras[0]
            ev = ctx.sentence_evidence(first, 0, min(len(first.paragraph.text), 1))
        yield Hit(ev, {"topic": topic or ""}, topic=topic)
