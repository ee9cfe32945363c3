"""Which files in the paths a user gives are agreements to read.

Files named explicitly are kept whatever their type (the reader then says why it cannot
read them) and so are missing paths (reported as such); folders are searched recursively
and globs expanded, keeping .docx .md .markdown .txt and skipping Word lock files
(`~$x.docx`), hidden folders and repository housekeeping files (README, CHANGELOG, LICENSE).
"""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path
from typing import Iterable

SUPPORTED_SUFFIXES = (".docx", ".md", ".markdown", ".txt")
NOT_AGREEMENTS = re.compile(
    r"^(?:readme|changelog|changes|contributing|code_of_conduct|license|licence|copying"
    r"|authors)(?:\.[a-z0-9]+)?$",
    re.I,
)
"""Repository housekeeping files (README.md, CHANGELOG.md, LICENSE.txt...) found in a folder
of contracts are not agreements; they are skipped when a folder or glob is scanned (a file
named explicitly is still read)."""


def _wanted(p: Path) -> bool:
    return (
        p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.startswith(("~$", "."))
        and not NOT_AGREEMENTS.match(p.name)
    )


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to lint: files as given, folders recursively, globs expanded (`**` too).

    Inside folders and globs only .docx .md .markdown .txt count; Word lock files (`~$x.docx`),
    hidden folders and repository housekeeping files (README, CHANGELOG, LICENSE...) are
    skipped. A file named explicitly is kept whatever its type (the
    reader then says why it cannot be read), and so is a missing path.
    """
    out: list[Path] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = os.path.normcase(os.path.abspath(p))
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        s = os.fspath(raw)
        p = Path(s)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
                for name in sorted(files):
                    f = Path(root) / name
                    if _wanted(f):
                        add(f)
        elif p.exists():
            add(p)
        elif glob.has_magic(s):
            for m in sorted(glob.glob(s, recursive=True)):
                mp = Path(m)
                if mp.is_file() and _wanted(mp):
                    add(mp)
                elif mp.is_dir():
                    for f in collect_files([mp]):
                        add(f)
        else:
            add(p)
    return out
