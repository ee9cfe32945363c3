"""`--statistics`: how many findings each rule produced, most frequent first (ruff style)."""

from __future__ import annotations

from slalint.engine.findings import RunResult
from slalint.reporters.base import ReportContext, rule_counts

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _c(ctx: ReportContext, style: str, text: str) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if ctx.color else text


def render_statistics(run: RunResult, ctx: ReportContext) -> str:
    rows = rule_counts(run)
    if not rows:
        return "No findings.\n"
    w = max(len(str(k)) for *_, k in rows)
    wc = max(len(c) for c, *_ in rows)
    out = [f"{k:>{w}}  {c:<{wc}}  {_c(ctx, s, f'{s:<7}')}  {n}" for c, n, s, k in rows]
    return "\n".join(out) + "\n"
