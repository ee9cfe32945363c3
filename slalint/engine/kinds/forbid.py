"""`forbid`: a pattern must not appear (optionally only in sections of a topic), unless a
saving condition holds in the same sentence, paragraph or section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from slalint.engine.conditions import Condition, PatternCond, compile_condition
from slalint.engine.context import Hit, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

PARAMS = ("pattern", "terms", "within", "case_sensitive", "in", "unless", "unless_scope", "once_per")
PLACEHOLDERS = frozenset({"match"})


@dataclass
class Compiled:
    search: PatternCond
    unless: Condition | None = None
    unless_scope: str = "sentence"
    once_per: str = "match"

    @property
    def requires(self) -> frozenset[str]:
        return self.search.requires | (self.unless.requires if self.unless else frozenset())


def compile(ck: Checker, params: Any, kp: Path_) -> Compiled | None:
    if not ck.expect(params, dict, kp, "a mapping"):
        return None
    ck.unknown_keys(params, PARAMS, kp)
    if ("pattern" in params) == ("terms" in params):
        ck.error(kp, "forbid needs exactly one of 'pattern' or 'terms'")
        return None
    search_keys = {k: v for k, v in params.items() if k in ("pattern", "terms", "within", "case_sensitive", "in")}
    search = compile_condition(ck, search_keys, kp)
    if not isinstance(search, PatternCond):
        return None
    out = Compiled(search)
    if "unless" in params:
        out.unless = compile_condition(ck, params["unless"], kp + ("unless",))
    if "unless_scope" in params and ck.choice(params["unless_scope"], ("sentence", "paragraph", "section"), kp + ("unless_scope",)):
        out.unless_scope = params["unless_scope"]
    if "once_per" in params and ck.choice(params["once_per"], ("match", "section", "document"), kp + ("once_per",)):
        out.once_per = params["once_per"]
    return out


def run(ctx: RuleContext) -> Iterator[Hit]:
    c: Compiled = ctx.compiled
    seen: set[Any] = set()
    for info, m in c.search.matches(ctx):
        s, e = ctx.index.sentence_around(info.paragraph, m.start(), m.end())
        if c.unless is not None:
            if c.unless_scope == "sentence":
                text = info.paragraph.text[s:e]
            elif c.unless_scope == "paragraph":
                text = info.paragraph.text
            else:
                text = info.section.text(recursive=True)
            if c.unless.evaluate(ctx, text=text).ok:
                continue
        key: Any = (id(info.paragraph), s) if c.once_per == "match" else id(info.section) if c.once_per == "section" else 0
        if key in seen:
            continue
        seen.add(key)
        yield Hit(ctx.index.evidence(info.paragraph, info.section, s, e), {"match": m.group(0)})
