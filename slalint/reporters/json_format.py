"""Machine-readable output; the layout is published as schemas/report.schema.json:
{"version", "documents": [{"path", "sha256", "format", "kind", "facts", "coverage",
"findings"}], "summary", "errors"}."""

from __future__ import annotations

import json
from typing import Any

from slalint.engine.findings import RunResult
from slalint.reporters.base import ReportContext, rule_counts, summary


def report_dict(run: RunResult, ctx: ReportContext) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": ctx.version,
        "documents": [d.to_dict() for d in run.documents],
        "summary": summary(run, ctx),
        "errors": [{"path": e["path"], "error": e["error"]} for e in run.errors],
    }
    if ctx.statistics:
        data["statistics"] = [{"code": c, "name": n, "severity": s, "count": k} for c, n, s, k in rule_counts(run)]
    return data


def render(run: RunResult, ctx: ReportContext) -> str:
    return json.dumps(report_dict(run, ctx), indent=2, ensure_ascii=False, default=str) + "\n"
