"""Output formats for lint results, one module each, behind one interface:
``render(run: RunResult, ctx: ReportContext) -> str``. Findings go to stdout (or
--output); diagnostics never appear in a report."""

from __future__ import annotations

import importlib
from typing import Callable

from slalint.engine.findings import RunResult
from slalint.reporters.base import ReportContext

FORMATS = ("text", "json", "sarif", "github", "junit")


def get_reporter(fmt: str) -> Callable[[RunResult, ReportContext], str]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"slalint.reporters.{fmt}_format" if fmt in ("json",) else f"slalint.reporters.{fmt}")
    return module.render
