"""What every reporter receives besides the results: rule metadata and presentation settings."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from slalint import __version__
from slalint.engine.findings import Finding, RunResult


@dataclass
class ReportContext:
    """Rule metadata (code -> RuleSpec), colour, and run-level facts for the summary."""

    rules: dict[str, Any] = field(default_factory=dict)
    color: bool = False
    baselined: int = 0
    version: str = __version__
    statistics: bool = False
    cwd: Path = field(default_factory=Path.cwd)


def all_findings(run: RunResult) -> Iterable[tuple[str, Finding]]:
    for doc in run.documents:
        for f in doc.findings:
            yield doc.path, f


def summary(run: RunResult, ctx: ReportContext) -> dict[str, Any]:
    sev = Counter(f.severity for _, f in all_findings(run))
    status = Counter(f.status for _, f in all_findings(run))
    return {
        "documents": len(run.documents),
        "findings": sum(sev.values()),
        "by_severity": {k: sev.get(k, 0) for k in ("error", "warning", "info")},
        "by_status": dict(sorted(status.items())),
        "baselined": ctx.baselined,
        "errors": len(run.errors),
    }


def rule_counts(run: RunResult) -> list[tuple[str, str, str, int]]:
    """(code, name, severity, count) per rule, most frequent first."""
    counts: Counter[tuple[str, str, str]] = Counter((f.code, f.name, f.severity) for _, f in all_findings(run))
    return sorted(((c, n, s, k) for (c, n, s), k in counts.items()), key=lambda t: (-t[3], t[0]))


def display_path(path: str, cwd: Path | None = None) -> str:
    try:
        rel = os.path.relpath(path, cwd or Path.cwd())
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def where(f: Finding) -> str:
    """"§4.2", "line 12" or "document": how a reader finds the finding."""
    loc = f.location
    if loc.section:
        return f"§{loc.section}"
    if loc.anchor is not None and loc.anchor.line:
        return f"line {loc.anchor.line}"
    if loc.anchor is not None:
        title = " ".join((loc.title or "").split())
        if not title:
            return "preamble"
        return title if len(title) <= 24 else title[:23] + "…"
    return "document"
