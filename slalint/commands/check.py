"""`slalint check PATH...`: lint agreements and report findings (exit 0 clean, 1 findings at
or above --fail-on, 2 usage or read errors)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from slalint.atomicio import write_text_atomic
from slalint.errors import SlalintError

HELP = "Check agreements against the rules and report findings."
FAIL_ON = ("error", "warning", "info", "none")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (recursive) or globs (.docx .md .txt)")
    p.add_argument("--format", choices=("text", "json", "sarif", "github", "junit"), default="text",
                   help="output format (default: text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    p.add_argument("--fail-on", choices=FAIL_ON, default=None,
                   help="lowest severity that makes the exit code 1 (default: error, or fail_on from config)")
    p.add_argument("--select", type=_csv, action="append", metavar="RULES",
                   help="run only these rules: codes, code prefixes, names, groups or packs (comma-separated)")
    p.add_argument("--extend-select", type=_csv, action="append", metavar="RULES", help="add rules to the selection")
    p.add_argument("--ignore", type=_csv, action="append", metavar="RULES", help="skip these rules")
    p.add_argument("--config", metavar="FILE", help="use this .slalint.yaml / pyproject.toml instead of discovering one")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="lint N files in parallel (default 1)")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    p.add_argument("--baseline", metavar="FILE", help="hide findings recorded in this baseline file")
    p.add_argument("--write-baseline", metavar="FILE", help="record all current findings as the baseline and exit 0")
    p.add_argument("--statistics", action="store_true", help="show the number of findings per rule")
    p.add_argument("--no-progress", action="store_true", help="never show the progress bar")


def _flat(v: list[list[str]] | None) -> list[str]:
    return [x for group in (v or []) for x in group]


class Progress:
    """A one-line progress bar on stderr (only on a TTY, only for batches)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, done: int, total: int, path: str) -> None:
        width = 28
        filled = int(width * done / total) if total else width
        name = os.path.basename(path)
        if len(name) > 30:
            name = name[:27] + "..."
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<30}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 75 + "\r")
            self.stream.flush()


def _write_output(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text)


def output_problem(output: str) -> str | None:
    """Why ``output`` cannot be written as a report file (checked before any linting, so a
    long run does not end in a write error), or None. A missing parent folder is fine:
    it is created."""
    target = Path(output)
    if target.is_dir():
        return "is a folder, not a file"
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"{parent} is a file, not a folder"
            break
    return None


def use_color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def run(args: argparse.Namespace) -> int:
    from slalint.config import load_config_file
    from slalint.engine.baseline import apply_baseline, write_baseline
    from slalint.engine.findings import SEVERITY_ORDER
    from slalint.engine.lint import collect_files, effective_config, lint_paths, rules_for
    from slalint.reporters import get_reporter
    from slalint.reporters.base import ReportContext

    select, ignore, extend = _flat(args.select), _flat(args.ignore), _flat(args.extend_select)
    if args.jobs < 1:
        print("slalint: --jobs must be at least 1", file=sys.stderr)
        return 2
    overrides = tuple((k, tuple(v)) for k, v in (("select", select), ("ignore", ignore), ("extend_select", extend)) if v)
    for option, value in (("-o", args.output), ("--write-baseline", args.write_baseline)):
        problem = output_problem(value) if value else None
        if problem:
            print(f"slalint: {value}: cannot write {option} here: {problem}", file=sys.stderr)
            return 2
    if args.baseline and not Path(args.baseline).is_file():
        why = "is a folder, not a file" if Path(args.baseline).is_dir() else "baseline file not found (create it with --write-baseline)"
        print(f"slalint: {args.baseline}: {why}", file=sys.stderr)
        return 2
    try:
        config = load_config_file(args.config) if args.config else None
        # The report file itself (say `-o findings.txt` inside the folder checked) is not an
        # agreement: skip it, as `slalint report` does.
        own = {os.path.normcase(os.path.abspath(o)) for o in (args.output, args.write_baseline) if o}
        files = [f for f in collect_files(args.paths) if os.path.normcase(os.path.abspath(f)) not in own]
        if not files:
            print("slalint: no agreements found (.docx, .md, .txt) in the given paths", file=sys.stderr)
            return 2
        first = effective_config(str(files[0]), config, overrides)
        rules_for(first)  # report configuration and rule errors before any work
        fail_on = args.fail_on or first.fail_on
        progress = None
        if not args.no_progress and len(files) > 1 and sys.stderr.isatty():
            progress = Progress(sys.stderr)
        try:
            run_result = lint_paths([str(f) for f in files], config, jobs=args.jobs, progress=progress,
                                    keep_documents=False, use_cache=not args.no_cache, overrides=overrides)
        finally:
            if progress:
                progress.close()
        for e in run_result.errors:
            print(f"slalint: {e['error']}", file=sys.stderr)
        if args.write_baseline:
            try:
                n = write_baseline(run_result, args.write_baseline)
            except OSError as exc:
                print(f"slalint: {args.write_baseline}: cannot write the baseline: {exc.strerror or exc}", file=sys.stderr)
                return 2
            print(f"slalint: wrote {n} baseline entr{'y' if n == 1 else 'ies'} to {args.write_baseline}", file=sys.stderr)
            return 2 if run_result.errors else 0
        baselined = apply_baseline(run_result, args.baseline) if args.baseline else 0
        ruleset, _ = rules_for(first)
        ctx = ReportContext(rules=dict(ruleset.by_code), color=use_color(sys.stdout) and not args.output,
                            baselined=baselined, statistics=args.statistics)
        try:
            _write_output(get_reporter(args.format)(run_result, ctx), args.output)
        except OSError as exc:
            if not args.output:
                raise
            print(f"slalint: {args.output}: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
            return 2
    except SlalintError as exc:
        for line in str(exc).splitlines():
            print(f"slalint: {line}", file=sys.stderr)
        return 2
    if run_result.errors:
        return 2
    if fail_on == "none":
        return 0
    threshold = SEVERITY_ORDER[fail_on]
    for doc in run_result.documents:
        for f in doc.findings:
            if f.status in ("accepted-risk", "false-positive"):
                continue
            if SEVERITY_ORDER[f.severity] >= threshold:
                return 1
    return 0
