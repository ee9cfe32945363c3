"""`slalint review PATH...`: walk an agreement's findings in a terminal app and decide.

Opens the Textual review app at once and lints in the background (files or folders,
.docx .md .txt). Decisions are saved beside each agreement in
``<file>.slalint-review.json`` (or ``--review-dir``) and honoured by ``slalint check``.
Textual is imported only when the command runs, never when the CLI starts.
"""

from __future__ import annotations

import argparse
import glob
import sys
from pathlib import Path

HELP = "Review findings in a terminal app and record triage decisions (accepted risk, false positive, ...)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="agreements or folders to review (.docx, .md, .txt)")
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: .slalint.yaml found by walking up)")
    parser.add_argument("--review-dir", metavar="DIR",
                        help="folder for review files (default: beside each agreement, or review_dir in the config)")


def run(args: argparse.Namespace) -> int:
    from slalint.engine.lint import collect_files
    from slalint.errors import SlalintError

    # Globs are expanded as `slalint check` does; a folder or glob with no agreement in it
    # is an error here too, not an empty app.
    missing = [p for p in args.paths if not Path(p).exists() and not glob.has_magic(p)]
    for p in missing:
        print(f"slalint: {p}: no such file or folder", file=sys.stderr)
    paths = [p for p in args.paths if p not in missing]
    if not paths:
        return 2
    if args.review_dir and Path(args.review_dir).exists() and not Path(args.review_dir).is_dir():
        print(f"slalint: {args.review_dir}: --review-dir is a file, not a folder", file=sys.stderr)
        return 2
    if not [f for f in collect_files(paths) if f.exists()]:
        print(f"slalint: no agreements (.docx, .md, .txt) found in {' '.join(paths)}", file=sys.stderr)
        return 2
    config = None
    if args.config:
        from slalint.config import load_config_file

        try:
            config = load_config_file(args.config)
        except SlalintError as exc:
            print(f"slalint: {exc}", file=sys.stderr)
            return 2
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        print("slalint: review needs an interactive terminal (use `slalint check` in scripts and CI)", file=sys.stderr)
        return 2
    from slalint.tui import make_app

    app = make_app(paths=paths, config=config, review_dir=args.review_dir)
    app.run()
    return 2 if missing else 0
