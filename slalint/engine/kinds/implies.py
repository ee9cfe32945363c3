"""`implies`: if A holds then B must hold (auto_renewal -> renewal_notice, service_levels ->
remedies). The finding points at the first evidence of A."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from slalint.engine.conditions import Condition, compile_condition
from slalint.engine.context import Hit, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

PARAMS = ("if", "then")
PLACEHOLDERS = frozenset({"if_section", "if_title", "if_quote", "match"})


@dataclass
class Compiled:
    if_: Condition
    then: Condition

    @property
    def requires(self) -> frozenset[str]:
        return self.if_.requires | self.then.requires


def compile(ck: Checker, params: Any, kp: Path_) -> Compiled | None:
    if not ck.expect(params, dict, kp, "a mapping with 'if' and 'then'"):
        return None
    ck.unknown_keys(params, PARAMS, kp)
    missing = [k for k in PARAMS if k not in params]
    if missing:
        ck.error(kp, f"implies needs {' and '.join(repr(k) for k in missing)}")
        return None
    a = compile_condition(ck, params["if"], kp + ("if",))
    b = compile_condition(ck, params["then"], kp + ("then",))
    return Compiled(a, b) if a and b else None


def run(ctx: RuleContext) -> Iterator[Hit]:
    c: Compiled = ctx.compiled
    a = c.if_.evaluate(ctx)
    if not a.ok:
        return
    if c.then.evaluate(ctx).ok:
        return
    ev = a.evidence
    values = dict(a.values)
    values.update(
        if_section=(ev.section or "") if ev else "",
        if_title=ev.title if ev else "",
        if_quote=ev.quote if ev else "",
    )
    yield Hit(ev, values, topic=getattr(c.if_, "topic", None))
