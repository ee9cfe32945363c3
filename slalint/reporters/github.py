"""GitHub Actions workflow commands: one `::error file=...,line=...,title=...::message`
line per finding (info findings become `::notice`)."""

from __future__ import annotations

from slalint.engine.findings import RunResult
from slalint.reporters.base import ReportContext, all_findings, display_path, where

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(run: RunResult, ctx: ReportContext) -> str:
    lines = []
    for path, f in all_findings(run):
        props = [f"file={_prop(display_path(path, ctx.cwd))}"]
        if f.location.anchor is not None and f.location.anchor.line:
            props.append(f"line={f.location.anchor.line}")
        props.append(f"title={_prop(f'{f.code} {f.name}')}")
        text = f"{where(f)}: {f.message}"
        lines.append(f"::{COMMANDS[f.severity]} {','.join(props)}::{_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")
