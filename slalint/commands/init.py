"""`slalint init`: write a starter `.slalint.yaml` (never overwrites an existing file)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HELP = "Write a starter .slalint.yaml in the current (or given) folder."

TEMPLATE = """\
# slalint configuration. Docs: docs/rule-format.md (section 8) and `slalint rules`.
# Selectors are rule codes (SLA016), code prefixes (SLA0), rule names
# (auto-renewal-without-notice), groups (renewal) or packs (sla, drafting, fairness).

# Which rules run (default: all). The most specific selector wins.
# select: [sla, drafting, fairness]
ignore: []

# Severity overrides: selector -> info | warning | error
severity: {}

# Lowest severity that makes `slalint check` exit 1: error | warning | info | none
fail_on: error

# Rules switched off for some files (globs relative to this file)
per_file_ignores:
  # "sows/**": [missing-termination, missing-limitation-of-liability]

# Your own rule packs (folders of <CODE>.yaml rules)
rule_folders: []

# Terms your agreements use without defining them (a list, or a file with one per line)
vocabulary: []

# Agreements (or term lists) whose definitions your SOWs and order forms rely on
external_glossaries: []
  # - master/Master-Services-Agreement.docx

# Party name -> role, when the agreement does not make it clear
party_hints: {}
  # "Acme Managed Services Ltd": provider
  # "Globex Corporation": customer

# Where triage (review) decisions are stored; default: beside each agreement
# review_dir: reviews
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", nargs="?", default=".", help="where to write .slalint.yaml (default: here)")


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        why = "is a file, not a folder" if folder.exists() else "no such folder"
        print(f"slalint: {folder}: {why}", file=sys.stderr)
        return 2
    target = folder / ".slalint.yaml"
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        print(f"slalint: {target}: already exists; not overwriting it", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"slalint: {target}: cannot write: {exc.strerror}", file=sys.stderr)
        return 2
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(TEMPLATE)
    print(f"Wrote {target}", file=sys.stderr)
    return 0
