"""`slalint rule CODE|NAME`: one rule's documentation page (ruff's outline: what it
checks, why it matters, failing and passing examples, known problems, options, references,
suggested clause)."""

from __future__ import annotations

import argparse
import sys
import textwrap

from slalint.errors import SlalintError

HELP = "Show the documentation of one rule (by code or name)."


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", metavar="CODE|NAME", help="rule code (SLA016) or name (auto-renewal-without-notice)")
    p.add_argument("--config", metavar="FILE", help="include the extra rule folders of this config")


def _indent(text: str) -> str:
    return textwrap.indent(text.rstrip(), "    ")


def render_rule(rule, clauses) -> str:  # type: ignore[no-untyped-def]
    docs = rule.docs or {}
    out = [f"# {rule.name} ({rule.code})", "", rule.summary, ""]
    meta = [f"Severity: {rule.severity}", f"Pack: {rule.pack}"]
    if rule.groups:
        meta.append(f"Groups: {', '.join(rule.groups)}")
    if rule.topics:
        meta.append(f"Topics: {', '.join(rule.topics)}")
    if rule.applies_to:
        meta.append(f"Applies to: {', '.join(rule.applies_to)}")
    elif rule.applies_except:
        meta.append(f"Applies to: all documents except {', '.join(rule.applies_except)}")
    meta.append(f"Kind: {rule.kind}" + (f" + check {rule.check.path}" if rule.check else ""))
    if rule.status != "stable":
        meta.append(f"Status: {rule.status}")
    out += meta + [""]
    if docs.get("why"):
        out += ["## Why it matters", "", docs["why"].strip(), ""]
    if docs.get("example_fail"):
        out += ["## Example that fails", "", _indent(docs["example_fail"]), ""]
    if docs.get("example_pass"):
        out += ["## Example that passes", "", _indent(docs["example_pass"]), ""]
    if docs.get("known_problems"):
        out += ["## Known problems", "", docs["known_problems"].strip(), ""]
    if rule.options:
        out += ["## Options", ""]
        for o in rule.options.values():
            out.append(f"- `{o.name}` ({o.type}, default {o.default!r}): {o.help}".rstrip(": "))
        out.append("")
    clause = clauses.get(rule.suggestion) if rule.suggestion else None
    if clause is not None:
        out += [f"## Suggested clause: {clause.title} ({clause.id})", "", _indent(clause.preferred), ""]
    refs = docs.get("references") or []
    if refs:
        out += ["## References", ""] + [f"- {r}" for r in refs] + [""]
    if rule.link:
        out += [f"More: {rule.link}", ""]
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from slalint.config import config_for, load_config_file
    from slalint.engine.loader import load_ruleset
    from slalint.engine.validate import did_you_mean

    try:
        cfg = load_config_file(args.config) if args.config else config_for(".")
        rs = load_ruleset(cfg.rule_folders, cfg.builtin_rules)
    except SlalintError as exc:
        for line in str(exc).splitlines():
            print(f"slalint: {line}", file=sys.stderr)
        return 2
    rule = rs.get(args.rule)
    if rule is None:
        names = [r.code for r in rs.rules] + [r.name for r in rs.rules]
        print(f"slalint: unknown rule '{args.rule}'{did_you_mean(args.rule, names)}", file=sys.stderr)
        return 2
    sys.stdout.write(render_rule(rule, rs.clauses))
    return 0
