"""Quantities as facts: every stated period, percentage, amount and count, with evidence.

``slalint_quantities`` finds them in each paragraph; this module attaches the evidence and
flags a words-vs-digits disagreement ("thirty (45) days"), which in a notice period or a
cure period is a real drafting error.
"""

from __future__ import annotations

from slalint.analysis.context import AnalysisContext
from slalint.analysis.facts import Quantity


def find_quantities(ctx: AnalysisContext) -> list[Quantity]:
    from slalint.analysis.extensions import raw

    out: list[Quantity] = []
    for unit in ctx.units:
        if unit.doc is None:
            continue
        for q in raw(unit.doc, "slalint_quantities") or ():
            mismatch = q.words_value is not None and q.digits_value is not None and abs(q.words_value - q.digits_value) > 1e-9
            out.append(
                Quantity(q.kind, q.text, q.value, q.unit, unit.evidence(q.start, q.end), q.words_value, q.digits_value, mismatch)
            )
    return out
