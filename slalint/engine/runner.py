"""Run rules over one analysed document and turn their hits into findings.

A rule that raises becomes one `internal-error` finding (LINT001) for that document and the
run goes on; KeyboardInterrupt is never swallowed. Suppressions written in the document
are applied here, and unused or unknown ones reported.
"""

from __future__ import annotations

import logging
import os
import string
import traceback
from typing import Any, Iterable

from slalint.analysis.facts import Analysis
from slalint.document import Document
from slalint.engine import builtin_rules
from slalint.engine.context import DocIndex, Hit, RuleContext, anchor_key
from slalint.engine.findings import SEVERITY_ORDER, Finding, Location
from slalint.engine.fingerprint import document_fingerprint, text_fingerprint
from slalint.engine.kinds import KINDS
from slalint.engine.loader import RuleSet
from slalint.engine.spec import RuleSpec
from slalint.engine.suppressions import parse_suppressions

log = logging.getLogger("slalint.engine")


class _Values(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


class _Formatter(string.Formatter):
    def get_value(self, key: Any, args: Any, kwargs: Any) -> Any:
        if isinstance(key, str):
            v = kwargs[key]
            return "?" if v is None else v
        return "?"


def format_message(template: str, values: dict[str, Any]) -> str:
    try:
        return _Formatter().vformat(template, (), _Values(values))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return template


def make_finding(rule: RuleSpec, hit: Hit, document: Document, analysis: Analysis, index: DocIndex, ruleset: RuleSet | None) -> Finding:
    ev = hit.evidence
    section = index.section_of(ev.anchor) if ev else None
    values: dict[str, Any] = {
        "code": rule.code, "name": rule.name, "kind": analysis.kind,
        "section": (ev.section or "") if ev else "", "title": ev.title if ev else "",
        "quote": (hit.quote if hit.quote is not None else ev.quote) if ev else (hit.quote or ""),
        "topic": hit.topic or (rule.topics[0] if rule.topics else ""),
    }
    values.update(hit.values)
    quote = (hit.quote if hit.quote is not None else ev.quote) if ev else (hit.quote or "")
    if ev is not None:
        loc = Location(file=document.path, section=ev.section, title=ev.title, anchor=ev.anchor,
                       section_path=index.section_path(section))
        fp = text_fingerprint(rule.code, index.title_path(section), quote or ev.quote)
    else:
        loc = Location(file=document.path)
        fp = document_fingerprint(rule.code, analysis.kind, hit.topic or (rule.topics[0] if rule.topics else None))
    clause = ruleset.clauses.get(rule.suggestion) if (ruleset and rule.suggestion) else None
    return Finding(
        code=rule.code, name=rule.name, severity=rule.severity,  # type: ignore[arg-type]
        message=format_message(rule.message, values), location=loc, topics=rule.topics,
        quote=quote, evidence=([ev] if ev else []) + list(hit.extra_evidence),
        suggestion=clause.preferred if clause else None, suggestion_id=rule.suggestion,
        fingerprint=fp, pack=rule.pack,
    )


def internal_error(rule: RuleSpec, document: Document, analysis: Analysis, exc: BaseException) -> Finding:
    name = type(exc).__name__
    detail = str(exc).splitlines()[0] if str(exc) else ""
    error = f"{name}: {detail}" if detail else name
    log.warning("slalint: %s: rule %s (%s) failed: %s", document.path, rule.code, rule.name, error)
    if os.environ.get("SLALINT_DEBUG"):
        log.warning("%s", "".join(traceback.format_exception(exc)))
    meta = builtin_rules.engine_rules()[0]
    return Finding(
        code=meta.code, name=meta.name, severity="error",
        message=format_message(meta.message, {"rule": rule.code, "rule_name": rule.name, "error": error}),
        location=Location(file=document.path), fingerprint=document_fingerprint(meta.code, analysis.kind, rule.code),
        pack=meta.pack,
    )


def run_rule(rule: RuleSpec, document: Document, analysis: Analysis, index: DocIndex, ruleset: RuleSet | None = None) -> list[Finding]:
    """Run one rule; its failure becomes one internal-error finding."""
    if not rule.applies(analysis.kind):
        return []
    ctx = RuleContext(document=document, analysis=analysis, index=index, rule=rule, params=rule.params,
                      options=dict(rule.option_values), compiled=rule.compiled)
    try:
        if rule.when is not None and not rule.when.evaluate(ctx).ok:
            return []
        hits: list[Hit] = list(KINDS[rule.kind].run(ctx)) if rule.kind in KINDS else []
        if rule.check is not None:
            ctx.hits = hits
            hits = list(rule.check.function(ctx) or ())
        return [make_finding(rule, h, document, analysis, index, ruleset) for h in hits]
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # noqa: BLE001 - contain a failing rule
        return [internal_error(rule, document, analysis, exc)]


def _position(index: DocIndex) -> dict[tuple[str, int], int]:
    return {anchor_key(p.paragraph.anchor): n for n, p in enumerate(index.paragraphs)}


def sort_findings(findings: list[Finding], index: DocIndex) -> list[Finding]:
    pos = _position(index)

    def key(f: Finding) -> tuple[Any, ...]:
        a = f.location.anchor
        if a is None:
            return (0, 0, 0, f.code)
        return (1, pos.get(anchor_key(a), 10**9), a.start, f.code)

    return sorted(findings, key=key)


def run_rules(document: Document, analysis: Analysis, rules: Iterable[RuleSpec], ruleset: RuleSet | None = None,
              index: DocIndex | None = None, suppress: bool = True, report_engine: Iterable[str] | None = None) -> list[Finding]:
    """Every selected rule's findings for one document, suppressions applied, in document
    order. ``report_engine``: which engine codes (LINT002/LINT003) may be reported
    (default: all)."""
    index = index or DocIndex(document)
    rules = list(rules)
    findings: list[Finding] = []
    for rule in rules:
        if rule.kind == "engine":
            continue
        findings.extend(run_rule(rule, document, analysis, index, ruleset))
    if suppress:
        findings = apply_suppressions(findings, document, analysis, index, rules, ruleset, report_engine)
    return sort_findings(findings, index)


def apply_suppressions(findings: list[Finding], document: Document, analysis: Analysis, index: DocIndex,
                       rules: list[RuleSpec], ruleset: RuleSet | None, report_engine: Iterable[str] | None = None) -> list[Finding]:
    sups = parse_suppressions(document, index)
    if not sups:
        return findings
    allowed = set(report_engine) if report_engine is not None else set(builtin_rules.ENGINE_CODES)
    names = {r.code: r.name for r in rules}
    ran = {r.code.lower() for r in rules if r.kind != "engine" and r.applies(analysis.kind)} | {r.name.lower() for r in rules if r.kind != "engine" and r.applies(analysis.kind)}
    kept: list[Finding] = []
    for f in findings:
        hit = False
        for s in sups:
            targets = s.covers(f, index, names)
            if targets:
                s.used.update(t.lower() for t in targets)
                hit = True
        if not hit:
            kept.append(f)
    meta = {r.code: r for r in builtin_rules.engine_rules()}
    for s in sups:
        sec = index.section_of(s.comment.anchor)
        ev = index.paragraph_of(s.comment.anchor)
        for t in s.targets:
            tl = t.lower()
            known = ruleset.get(t) is not None if ruleset else tl in ran
            code = None
            if not known:
                code = builtin_rules.UNKNOWN_SUPPRESSION
            elif tl not in s.used and (tl in ran):
                code = builtin_rules.UNUSED_SUPPRESSION
            if code is None or code not in allowed:
                continue
            rule = meta[code]
            if ev is not None:
                evidence = index.evidence(ev.paragraph, ev.section, 0, None)
                loc = Location(file=document.path, section=evidence.section, title=evidence.title,
                               anchor=s.comment.anchor, section_path=index.section_path(sec))
            else:
                loc = Location(file=document.path, anchor=s.comment.anchor)
            kept.append(Finding(
                code=rule.code, name=rule.name, severity=rule.severity,  # type: ignore[arg-type]
                message=format_message(rule.message, {"target": t}), location=loc,
                quote=s.comment.text.strip(), fingerprint=text_fingerprint(rule.code, index.title_path(sec), s.comment.text),
                pack=rule.pack,
            ))
    return kept


def worst(findings: Iterable[Finding]) -> int:
    return max((SEVERITY_ORDER[f.severity] for f in findings), default=-1)
