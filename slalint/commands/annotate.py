"""`slalint annotate IN.docx -o OUT.docx`: the agreement with each finding as a Word comment.

The copy opens in Word (or LibreOffice) with one comment per finding, by "slalint",
anchored on the quoted words, or on the relevant heading when the finding is about a
missing provision. Findings a reviewer marked accepted-risk or false-positive are left out.
The input file is never modified; an existing OUT is refused unless ``--force``.

Exit codes: 0 when the copy was written; 2 when it was not (input unreadable or not a
DOCX, OUT exists without --force, bad options).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "Write a copy of a .docx agreement with each finding as a Word comment on the quoted words."

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2}
SKIPPED_STATUSES = ("accepted-risk", "false-positive")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """--select, --extend-select, --ignore and --config, exactly as `slalint check` has them."""
    parser.add_argument("--select", type=_csv, action="append", metavar="RULES",
                        help="run only these rules: codes, code prefixes, names, groups or packs (comma-separated)")
    parser.add_argument("--extend-select", type=_csv, action="append", metavar="RULES", help="add rules to the selection")
    parser.add_argument("--ignore", type=_csv, action="append", metavar="RULES", help="skip these rules")
    parser.add_argument("--config", metavar="FILE", help="use this .slalint.yaml / pyproject.toml instead of discovering one")


def selection(args: argparse.Namespace, first_path: str):
    """(config or None, overrides, effective config of ``first_path``) from the command
    line, as `slalint check` builds them; rule and config errors surface here, before any
    file is linted (raises SlalintError)."""
    from slalint.config import load_config_file
    from slalint.engine.lint import effective_config, rules_for

    def flat(v):
        return tuple(x for group in (v or []) for x in group)

    overrides = tuple((k, v) for k, v in (("select", flat(args.select)), ("ignore", flat(args.ignore)),
                                          ("extend_select", flat(args.extend_select))) if v)
    config = load_config_file(args.config) if args.config else None
    first = effective_config(first_path, config, overrides)
    rules_for(first, first_path)
    return config, overrides, first


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("Findings marked accepted-risk or false-positive get no comment. "
                     "Exit codes: 0 copy written; 2 not written (unreadable input, OUT exists without --force, bad options).")
    parser.add_argument("input", metavar="IN.docx", help="the agreement (.docx); it is never modified")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="where to write the annotated copy")
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    parser.add_argument("--min-severity", choices=("info", "warning", "error"), default="info",
                        help="comment only findings at least this severe (default: info, i.e. all)")
    add_selection_arguments(parser)


def why_lookup(cfg, path: str):
    """Rule code -> its "why it matters" text, from the loaded rule packs."""
    try:
        from slalint.engine.lint import rules_for

        ruleset, _ = rules_for(cfg, path)
    except Exception:  # noqa: BLE001 - the comment is still useful without the why
        return None

    def why(code: str) -> str | None:
        rule = ruleset.get(code)
        docs = getattr(rule, "docs", None) or {}
        text = docs.get("why") if isinstance(docs, dict) else None
        return str(text).strip() if text else None

    return why


def run(args: argparse.Namespace) -> int:
    from slalint.annotate import AnnotateError, annotate_docx, check_destination
    from slalint.commands.check import output_problem
    from slalint.errors import SlalintError
    from slalint.readers import DOCX_SUFFIXES

    src, dst = args.input, args.output
    if Path(src).is_dir():
        print(f"slalint: {src}: is a folder; annotate takes one .docx file", file=sys.stderr)
        return 2
    problem = output_problem(dst)
    if problem:
        print(f"slalint: {dst}: cannot write the annotated copy here: {problem}", file=sys.stderr)
        return 2
    if Path(src).suffix.lower() not in DOCX_SUFFIXES - {".dotx"}:
        print(f"slalint: {src}: annotate writes Word comments and needs a .docx file", file=sys.stderr)
        return 2
    if Path(dst).suffix.lower() != Path(src).suffix.lower():
        print(f"slalint: {dst}: the annotated copy must have the input's extension ({Path(src).suffix})", file=sys.stderr)
        return 2
    try:
        check_destination(src, dst, args.force)
        if not Path(src).is_file():
            print(f"slalint: {src}: no such file", file=sys.stderr)
            return 2
        from slalint.engine.lint import lint_file

        config, overrides, cfg = selection(args, src)
        result = lint_file(src, config, overrides=overrides)
        if result.error:
            print(f"slalint: {result.error}", file=sys.stderr)
            return 2
        threshold = SEVERITY_ORDER[args.min_severity]
        findings = [
            f for f in result.findings
            if SEVERITY_ORDER.get(f.severity, 0) >= threshold and (f.status or "open") not in SKIPPED_STATUSES
        ]
        written = annotate_docx(src, dst, findings, document=result.document, coverage=result.coverage, analysis=result.analysis,
                                why=why_lookup(cfg, src), force=args.force)
    except (AnnotateError, SlalintError) as exc:
        print(f"slalint: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"slalint: {dst}: cannot write the annotated copy: {exc.strerror or exc}", file=sys.stderr)
        return 2
    on_words = sum(1 for p in written.placed if p.target.how in ("quote", "paragraph"))
    headings = len(written.placed) - on_words
    note = f" ({headings} on a heading or the title)" if headings else ""
    print(f"slalint: wrote {dst}: {len(written.placed)} comment{'s' if len(written.placed) != 1 else ''}{note}", file=sys.stderr)
    for f in written.unplaced:
        where = f.location.section or "document"
        print(f"slalint: {src}: could not place {f.code} {f.name} ({where}) in the copy", file=sys.stderr)
    return 0
