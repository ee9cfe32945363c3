"""`consistency`: the same thing must be stated the same way everywhere (a notice period,
a cap, a value extracted by a regex). Each value differing from the first is a finding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from slalint.engine.conditions import WHERE, QuantitySelector, Within, compile_selector, compile_within, paragraphs_in, quantity_hours_or_value
from slalint.engine.context import Hit, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

PARAMS = ("quantity", "extract", "within", "in", "normalize", "case_sensitive")
PLACEHOLDERS = frozenset({"value", "first_value", "first_section"})


@dataclass
class Compiled:
    quantity: QuantitySelector | None = None
    extract: re.Pattern[str] | None = None
    within: Within | None = None
    where: str = "all"
    normalize: str = "lower"

    @property
    def requires(self) -> frozenset[str]:
        req = self.quantity.requires if self.quantity else frozenset()
        return req | (self.within.requires if self.within else frozenset())


def compile(ck: Checker, params: Any, kp: Path_) -> Compiled | None:
    if not ck.expect(params, dict, kp, "a mapping with 'quantity' or 'extract'"):
        return None
    ck.unknown_keys(params, PARAMS, kp)
    if ("quantity" in params) == ("extract" in params):
        ck.error(kp, "consistency needs exactly one of 'quantity' or 'extract'")
        return None
    out = Compiled()
    if "quantity" in params:
        out.quantity = compile_selector(ck, params["quantity"], kp + ("quantity",))
        for k in ("within", "in", "normalize", "case_sensitive"):
            if k in params:
                ck.error(kp + (k,), f"'{k}' goes with 'extract' (put 'within' inside the quantity selector)")
        return out if out.quantity else None
    flags = 0 if params.get("case_sensitive") is True else re.I
    rx = ck.regex(params["extract"], kp + ("extract",), flags)
    if rx is None:
        return None
    if rx.groups == 0:
        ck.error(kp + ("extract",), "the regex needs a group: (?P<value>...) or (...)")
        return None
    out.extract = rx
    if "within" in params:
        out.within = compile_within(ck, params["within"], kp + ("within",))
    if "in" in params and ck.choice(params["in"], WHERE, kp + ("in",)):
        out.where = params["in"]
    if "normalize" in params and ck.choice(params["normalize"], ("lower", "none"), kp + ("normalize",)):
        out.normalize = params["normalize"]
    return out


def run(ctx: RuleContext) -> Iterator[Hit]:
    c: Compiled = ctx.compiled
    values: list[tuple[Any, str, Any]] = []  # (key, shown, evidence)
    if c.quantity is not None:
        for q in c.quantity.select(ctx):
            v = quantity_hours_or_value(q)
            if v is not None:
                values.append(((q.kind, round(v, 6)), q.text, q.evidence))
    else:
        assert c.extract is not None
        for info in paragraphs_in(ctx, c.within, c.where):
            for m in c.extract.finditer(info.paragraph.text):
                raw = m.group("value") if "value" in c.extract.groupindex else m.group(1)
                if raw is None:
                    continue
                key = " ".join(raw.split())
                key = key.lower() if c.normalize == "lower" else key
                s, e = ctx.index.sentence_around(info.paragraph, m.start(), m.end())
                values.append((key, raw, ctx.index.evidence(info.paragraph, info.section, s, e)))
    if len(values) < 2:
        return
    first_key, first_shown, first_ev = values[0]
    for key, shown, ev in values[1:]:
        if key != first_key:
            yield Hit(ev, {"value": shown, "first_value": first_shown, "first_section": first_ev.section or "the preamble"},
                      extra_evidence=[first_ev])
