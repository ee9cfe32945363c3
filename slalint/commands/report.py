"""`slalint report PATH... -o report.html`: a portfolio audit of many agreements.

One page (HTML, self-contained and offline; or Markdown with ``.md``) with each
agreement's score and findings by severity, the checklist coverage matrix, the rights
matrix, renewal facts and the most frequent findings. Folders are searched recursively for
.docx, .md and .txt; the report file itself is never read as an agreement.

Files that cannot be read are listed in the report's errors section and on stderr; the
report is still written. Exit codes: 0 when every file was read and the report written;
2 when some file could not be read (the report lists it), when no agreement was found, or
when the report could not be written. Findings never change the exit code: the report is
an audit, `slalint check` is the gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from slalint.commands.annotate import add_selection_arguments, selection

HELP = "Write a portfolio audit (HTML or Markdown) of many agreements: scores, coverage, rights, renewal."

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Unreadable files are listed in the report and on stderr; the report is still written. "
                     "Exit codes: 0 every file read; 2 some file unreadable, no agreement found, or report not written. "
                     "Findings never change the exit code (use `slalint check` as a gate).")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="agreements or folders (searched recursively) or globs")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="report file (.html or .md)")
    parser.add_argument("--format", choices=("html", "md"), help="report format (default: from the output's extension)")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="lint N files in parallel (default: 1)")
    parser.add_argument("--title", default="Agreement portfolio audit", help="the report's title")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    add_selection_arguments(parser)


class ProgressBar:
    """A one-line progress bar on a terminal (redrawn with \\r); silent when the stream is
    not a TTY, so logs and CI output stay clean."""

    def __init__(self, stream: TextIO, total: int, enabled: bool = True) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 0 and stream.isatty()
        self.start = time.monotonic()
        self.width = 28
        self(0, total, "starting\u2026")

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled:
            return
        total = total or self.total
        filled = int(self.width * done / total) if total else self.width
        elapsed = time.monotonic() - self.start
        name = os.path.basename(path)
        if len(name) > 32:
            name = name[:31] + "\u2026"
        line = f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {elapsed:5.1f}s {name}"
        self.stream.write(line.ljust(80))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


def _format_of(args: argparse.Namespace) -> str | None:
    ext = Path(args.output).suffix.lower()
    if args.format:
        return args.format
    return FORMATS.get(ext)


def _generated() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    return when.strftime("%Y-%m-%d %H:%M UTC")


def _cause(error: dict) -> str:
    """The cause of a read error without the leading "<path>: "."""
    text, prefix = str(error.get("error", "")), f"{error.get('path', '')}: "
    return text[len(prefix):] if error.get("path") and text.startswith(prefix) else text


def run(args: argparse.Namespace) -> int:
    from slalint import __version__
    from slalint.annotate import write_atomic
    from slalint.engine.lint import collect_files, lint_paths
    from slalint.errors import SlalintError
    from slalint.portfolio import build_portfolio, render_html, render_markdown, summarise

    out = Path(args.output)
    if out.is_dir():
        print(f"slalint: {out}: is a folder, not a file", file=sys.stderr)
        return 2
    fmt = _format_of(args)
    if fmt is None:
        print(f"slalint: {args.output}: cannot tell the report format from the extension; use .html or .md, or --format", file=sys.stderr)
        return 2
    if not out.parent.exists():
        print(f"slalint: {out}: folder {out.parent} does not exist", file=sys.stderr)
        return 2
    if not out.parent.is_dir():
        print(f"slalint: {out}: {out.parent} is a file, not a folder", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("slalint: --jobs must be at least 1", file=sys.stderr)
        return 2
    out_key = os.path.normcase(os.path.abspath(out))
    files = [str(f) for f in collect_files(args.paths) if os.path.normcase(os.path.abspath(f)) != out_key]
    if not files:
        print(f"slalint: no agreements (.docx, .md, .txt) found in {' '.join(args.paths)}", file=sys.stderr)
        return 2
    bar = ProgressBar(sys.stderr, len(files), enabled=not args.no_progress)
    try:
        config, overrides, _ = selection(args, files[0])
        # No result cache: cached results drop the analysis, which the rights matrix reads.
        run_result = lint_paths(files, config, jobs=args.jobs, progress=bar, keep_documents=True, overrides=overrides)
    except SlalintError as exc:
        for line in str(exc).splitlines():
            print(f"slalint: {line}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    rows = [summarise(r) for r in run_result.documents]
    for err in run_result.errors:
        print(f"slalint: {err['error']}", file=sys.stderr)
    # The report shows each unreadable file's path beside its cause: drop the path prefix
    # the engine puts in front of the cause so it is not printed twice.
    errors = [{**e, "error": _cause(e)} for e in run_result.errors]
    portfolio = build_portfolio(rows, errors, generated=_generated(), version=__version__)
    text = render_html(portfolio, args.title) if fmt == "html" else render_markdown(portfolio, args.title)
    try:
        write_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        print(f"slalint: {out}: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return 2
    totals = portfolio.totals
    print(
        f"slalint: wrote {out}: {len(rows)} agreement{'s' if len(rows) != 1 else ''}, "
        f"{totals['error']} errors, {totals['warning']} warnings, {totals['info']} info"
        + (f"; {len(run_result.errors)} unreadable" if run_result.errors else ""),
        file=sys.stderr,
    )
    return 2 if run_result.errors else 0
