"""`slalint outline FILE...`: show how slalint understood each agreement.

Text output is the section tree, one section a line, indented by level: the number as
printed, the title, and how many blocks (paragraphs, list items, tables) the section holds
directly. ``--format json`` prints the full document model instead: for one file the
document's ``to_dict()`` with a top-level ``"version"``; for several files
``{"version": ..., "documents": [...]}``.

A file that cannot be read costs one line on stderr (``slalint: <path>: <cause>``); the
other files are still shown and the exit code is 2 at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from slalint import __version__
from slalint.document.model import Document, Section
from slalint.errors import DocumentReadError

HELP = "Print the section tree slalint reads from each agreement (--format json: the full model)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="agreements to read (.docx, .md, .txt)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")


def _section_line(section: Section) -> str:
    parts = []
    if section.label:
        parts.append(section.label)
    if section.title:
        parts.append(section.title)
    name = " ".join(parts) or "(untitled)"
    if len(name) > 100:
        name = name[:99] + "…"
    n = section.block_count()
    return f"{'  ' * section.level}{name}  [{n} block{'s' if n != 1 else ''}]"


def render_text(doc: Document, out: TextIO) -> None:
    """Write one document's outline."""
    sections = list(doc.sections())
    meta = doc.metadata
    out.write(f"{doc.path}  ({meta.source_format}, {len(sections)} sections, {meta.word_count} words)\n")
    if doc.title:
        out.write(f"  Title: {doc.title}\n")
    if doc.root.blocks:
        n = len(doc.root.blocks)
        out.write(f"  (preamble)  [{n} block{'s' if n != 1 else ''}]\n")
    for section in sections:
        out.write(_section_line(section) + "\n")
    if doc.comments:
        out.write(f"  ({len(doc.comments)} comment{'s' if len(doc.comments) != 1 else ''})\n")


def _read(path: str) -> Document:
    from slalint.readers import read_document

    return read_document(path)


def run(args: argparse.Namespace) -> int:
    failed = False
    docs: list[Document] = []
    out = sys.stdout
    from slalint.readers.discover import collect_files

    files = [str(p) for p in collect_files(args.files)]
    if not files:
        print("slalint: no agreements (.docx, .md, .txt) found in " + " ".join(args.files), file=sys.stderr)
        return 2
    for index, path in enumerate(files):
        try:
            doc = _read(path)
        except DocumentReadError as exc:
            print(f"slalint: {exc.path}: {exc.reason}", file=sys.stderr)
            failed = True
            continue
        except Exception as exc:  # a reader bug must not stop the other files
            print(f"slalint: {path}: internal error while reading: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed = True
            continue
        if args.format == "json":
            docs.append(doc)
        else:
            if index and (docs or failed):
                out.write("\n")
            render_text(doc, out)
            docs.append(doc)
    if args.format == "json":
        if len(files) == 1:
            payload: dict = {"version": __version__, **docs[0].to_dict()} if docs else {"version": __version__, "documents": []}
        else:
            payload = {"version": __version__, "documents": [d.to_dict() for d in docs]}
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    out.flush()
    return 2 if failed else 0
