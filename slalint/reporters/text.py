"""Concise human output, grouped by file (colour on a TTY unless NO_COLOR is set)."""

from __future__ import annotations

from slalint.engine.findings import RunResult
from slalint.reporters.base import ReportContext, display_path, summary, where
from slalint.reporters.statistics import render_statistics

_COLORS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2"}


def _c(ctx: ReportContext, style: str, text: str) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if ctx.color else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(run: RunResult, ctx: ReportContext) -> str:
    if ctx.statistics:
        return render_statistics(run, ctx)
    lines: list[str] = []
    for doc in run.documents:
        if not doc.findings:
            continue
        lines.append(_c(ctx, "bold", display_path(doc.path, ctx.cwd)))
        width = max(len(where(f)) for f in doc.findings)
        for f in doc.findings:
            status = f" ({f.status})" if f.status not in ("open", "") else ""
            lines.append(f"  {where(f):<{width}}  {_c(ctx, f.severity, f'{f.severity:<7}')}  "
                         f"{_c(ctx, 'bold', f.code)}  {f.message}{status}  {_c(ctx, 'dim', '[' + f.name + ']')}")
        lines.append("")
    s = summary(run, ctx)
    sev = s["by_severity"]
    if s["findings"]:
        parts = [f"{sev[k]} {k}{'s' if k != 'info' and sev[k] != 1 else ''}" for k in ("error", "warning", "info") if sev[k]]
        lines.append(f"Found {_plural(s['findings'], 'finding')} ({', '.join(parts)}) in {_plural(s['documents'], 'document')}.")
    else:
        lines.append(f"No findings in {_plural(s['documents'], 'document')}.")
    if ctx.baselined:
        lines.append(f"{_plural(ctx.baselined, 'finding')} hidden by the baseline.")
    if run.errors:
        lines.append(f"{_plural(len(run.errors), 'file')} could not be read (see messages above).")
    return "\n".join(lines) + "\n"
