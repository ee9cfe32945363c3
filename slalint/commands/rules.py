"""`slalint rules`: the table of every rule (code, name, severity, pack, summary)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from slalint.errors import SlalintError

HELP = "List every rule: code, name, default severity, pack and summary."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--config", metavar="FILE", help="include the extra rule folders of this config")
    p.add_argument("--pack", help="only rules of this pack")


def run(args: argparse.Namespace) -> int:
    from slalint.config import Config, config_for, load_config_file
    from slalint.engine.loader import load_ruleset

    try:
        cfg: Config = load_config_file(args.config) if args.config else config_for(".")
        rs = load_ruleset(cfg.rule_folders, cfg.builtin_rules)
    except SlalintError as exc:
        for line in str(exc).splitlines():
            print(f"slalint: {line}", file=sys.stderr)
        return 2
    packs = sorted({r.pack for r in rs.rules})
    if args.pack and args.pack not in packs:
        print(f"slalint: unknown pack {args.pack!r} (packs: {', '.join(packs)})", file=sys.stderr)
        return 2
    rules = [r for r in rs.rules if not args.pack or r.pack == args.pack]
    if args.format == "json":
        data = [{"code": r.code, "name": r.name, "severity": r.severity, "pack": r.pack, "groups": list(r.groups),
                 "topics": list(r.topics), "kind": r.kind, "summary": r.summary, "status": r.status,
                 "suggestion": r.suggestion} for r in rules]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not rules:
        print("No rules.")
        return 0
    width = shutil.get_terminal_size((120, 20)).columns
    wc = max(len(r.code) for r in rules)
    wn = max(len(r.name) for r in rules)
    wp = max(len(r.pack) for r in rules)
    head = f"{'CODE':<{wc}}  {'NAME':<{wn}}  {'SEVERITY':<8}  {'PACK':<{wp}}  SUMMARY"
    out = [head]
    for r in rules:
        line = f"{r.code:<{wc}}  {r.name:<{wn}}  {r.severity:<8}  {r.pack:<{wp}}  {r.summary}"
        if sys.stdout.isatty() and len(line) > width:
            line = line[: width - 1] + "…"
        out.append(line)
    n, k = len(rules), len({r.pack for r in rules})
    out.append(f"\n{n} rule{'s' if n != 1 else ''} in {k} pack{'s' if k != 1 else ''}. `slalint rule CODE` shows one rule's documentation.")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
