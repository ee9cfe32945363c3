"""`numeric`: compare stated quantities with a limit (renewal notice <= 90 days) or with each
other pairwise (response time <= resolution time, per table row); or require one to be
stated at all (a service-credit cap)."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from slalint.engine.conditions import DURATION_UNITS, HOURS_PER, QuantitySelector, compile_selector, quantity_hours_or_value
from slalint.engine.context import Hit, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

PARAMS = ("quantity", "must_be", "value", "unit", "other", "pair", "missing")
PLACEHOLDERS = frozenset({"value", "limit", "unit"})
OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}


@dataclass
class Compiled:
    quantity: QuantitySelector
    must_be: str | None = None
    value: float | None = None
    unit: str | None = None
    other: QuantitySelector | None = None
    pair: str = "row"
    missing: str = "ignore"

    @property
    def requires(self) -> frozenset[str]:
        return self.quantity.requires | (self.other.requires if self.other else frozenset())


def compile(ck: Checker, params: Any, kp: Path_) -> Compiled | None:
    if not ck.expect(params, dict, kp, "a mapping with 'quantity'"):
        return None
    ck.unknown_keys(params, PARAMS, kp)
    if "quantity" not in params:
        ck.error(kp, "numeric needs 'quantity' (a quantity selector)")
        return None
    sel = compile_selector(ck, params["quantity"], kp + ("quantity",))
    if sel is None:
        return None
    out = Compiled(sel)
    if "value" in params and "other" in params:
        ck.error(kp, "give 'value' or 'other', not both")
        return None
    if "value" in params or "other" in params:
        if "must_be" not in params:
            ck.error(kp, "a comparison needs 'must_be' (one of < <= > >= == !=)")
            return None
        if not ck.choice(params["must_be"], OPS, kp + ("must_be",)):
            return None
        out.must_be = params["must_be"]
    if "value" in params:
        if not ck.expect(params["value"], (int, float), kp + ("value",), "a number"):
            return None
        out.value = float(params["value"])
        if sel.kind == "duration":
            if "unit" not in params:
                ck.error(kp, "a duration limit needs 'unit' (" + ", ".join(DURATION_UNITS) + ")")
                return None
            if not ck.choice(params["unit"], DURATION_UNITS, kp + ("unit",)):
                return None
        out.unit = params.get("unit")
    if "other" in params:
        out.other = compile_selector(ck, params["other"], kp + ("other",))
        if out.other is None:
            return None
    if "pair" in params and ck.choice(params["pair"], ("row", "paragraph", "section"), kp + ("pair",)):
        out.pair = params["pair"]
    if "missing" in params and ck.choice(params["missing"], ("ignore", "report"), kp + ("missing",)):
        out.missing = params["missing"]
    if out.must_be is None and out.missing != "report":
        ck.error(kp, "nothing to check: give 'must_be' with 'value' or 'other', or 'missing: report'")
        return None
    return out


def _sentence_ev(ctx: RuleContext, q: Any) -> Any:
    info = ctx.index.info_for(q.evidence)
    if info is None:
        return q.evidence
    end = q.evidence.anchor.end if q.evidence.anchor.end is not None else len(info.paragraph.text)
    return ctx.sentence_evidence(info, q.evidence.anchor.start, end)


def _group(ctx: RuleContext, q: Any, pair: str) -> Any:
    info = ctx.index.info_for(q.evidence)
    if info is None:
        return ("anchor", q.evidence.anchor.part, q.evidence.anchor.paragraph)
    if pair == "row" and info.row is not None:
        return ("row",) + info.row
    if pair == "section":
        return ("section", id(info.section))
    return ("para", q.evidence.anchor.part, q.evidence.anchor.paragraph)


def run(ctx: RuleContext) -> Iterator[Hit]:
    c: Compiled = ctx.compiled
    left = c.quantity.select(ctx)
    if not left:
        if c.missing == "report":
            topic = c.quantity.within.topic if c.quantity.within else None
            yield Hit(None, {"topic": topic or ""}, topic=topic or c.quantity.kind)
        return
    if c.must_be is None:
        return
    op = OPS[c.must_be]
    if c.value is not None:
        limit = c.value * HOURS_PER[c.unit] if c.quantity.kind == "duration" and c.unit else c.value
        shown = f"{c.value:g} {c.unit}" if c.unit else f"{c.value:g}"
        for q in left:
            v = quantity_hours_or_value(q)
            if v is not None and not op(v, limit):
                yield Hit(_sentence_ev(ctx, q), {"value": q.text, "limit": shown, "unit": c.unit or ""})
        return
    assert c.other is not None
    right = c.other.select(ctx)
    groups: dict[Any, list[Any]] = {}
    for q in right:
        groups.setdefault(_group(ctx, q, c.pair), []).append(q)
    for q in left:
        v = quantity_hours_or_value(q)
        if v is None:
            continue
        for r in groups.get(_group(ctx, q, c.pair), []):
            if r is q:
                continue
            w = quantity_hours_or_value(r)
            if w is not None and not op(v, w):
                yield Hit(_sentence_ev(ctx, q), {"value": q.text, "limit": r.text, "unit": ""})
                break
