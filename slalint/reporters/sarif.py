"""SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers.

Rule metadata (summary, why, help, default level), one result per finding with a physical
location (file, line for text formats) and a logical location (the section path, e.g.
"4 Term and Termination/4.2 Renewal"), and ``partialFingerprints`` so a viewer tracks a
finding across renumbering.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote
from typing import Any

from slalint.engine.findings import RunResult
from slalint.reporters.base import ReportContext, all_findings, display_path

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/slalint/slalint"


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    docs = rule.docs or {}
    help_md = [f"**{rule.summary}**", ""]
    if docs.get("why"):
        help_md += ["## Why it matters", docs["why"].strip(), ""]
    if docs.get("known_problems"):
        help_md += ["## Known problems", docs["known_problems"].strip(), ""]
    d: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": (docs.get("why") or rule.summary).strip()},
        "help": {"text": (docs.get("why") or rule.summary).strip(), "markdown": "\n".join(help_md).strip()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": list(rule.all_groups()), "topics": list(rule.topics)},
    }
    if rule.link:
        d["helpUri"] = rule.link
    return d


def _uri(path: str, ctx: ReportContext) -> str:
    """A relative URI reference (percent-encoded: spaces and accents are common in
    agreement file names)."""
    return quote(Path(display_path(path, ctx.cwd)).as_posix(), safe="/")


def render(run: RunResult, ctx: ReportContext) -> str:
    used = sorted({f.code for _, f in all_findings(run)})
    codes = [c for c in used if c in ctx.rules] + [c for c in used if c not in ctx.rules]
    index = {c: i for i, c in enumerate(codes)}
    descriptors = []
    for c in codes:
        rule = ctx.rules.get(c)
        if rule is not None:
            descriptors.append(_rule_descriptor(rule))
        else:
            descriptors.append({"id": c, "shortDescription": {"text": c}})
    results = []
    for path, f in all_findings(run):
        loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(path, ctx)},
                                                    "region": {"startLine": (f.location.anchor.line if f.location.anchor and f.location.anchor.line else 1)}}}
        if f.quote:
            loc["physicalLocation"]["region"]["snippet"] = {"text": f.quote}
        if f.location.section_path:
            loc["logicalLocations"] = [{
                "name": f.location.section_path[-1],
                "fullyQualifiedName": "/".join(f.location.section_path),
                "kind": "section",
            }]
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [loc],
            "partialFingerprints": {"slalintFingerprint/v1": f.fingerprint},
            "properties": {"name": f.name, "topics": list(f.topics), "status": f.status,
                           "section": f.location.section, "anchor": f.location.anchor.to_dict() if f.location.anchor else None},
        }
        if f.suggestion:
            result["properties"]["suggestion"] = f.suggestion
            result["properties"]["suggestionId"] = f.suggestion_id
        if f.status in ("accepted-risk", "false-positive"):
            result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.note or f.status}]
        results.append(result)
    notifications = [{"level": "error", "message": {"text": e["error"]},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e["path"], ctx)}}}]}
                     for e in run.errors]
    sarif = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "slalint", "version": ctx.version, "semanticVersion": ctx.version,
                                "informationUri": INFO_URI, "rules": descriptors}},
            "invocations": [{"executionSuccessful": not run.errors, "toolExecutionNotifications": notifications}],
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
