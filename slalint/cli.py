"""The `slalint` command line: a thin dispatcher to one module per sub-command.

Each module in `slalint.commands` exposes `HELP` (one line), `add_arguments(parser)` and
`run(args) -> int`. Exit codes: 0 clean, 1 findings reached --fail-on, 2 usage or read
errors. Diagnostics go to stderr; results to stdout.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from slalint import __version__

COMMANDS = ("check", "outline", "review", "annotate", "report", "rules", "rule", "init")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="slalint",
        description="Lint service agreements (SLA, MSA, SOW) against a managed-services checklist.",
    )
    parser.add_argument("--version", action="version", version=f"slalint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"slalint.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"slalint.commands.{name}":
                continue  # command not built yet
            raise
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("slalint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
