"""Test helpers for rule packs, ours and third parties' (sqlfluff's `utils.testing.rules`).

A pack keeps `<CODE>.cases.yaml` beside each rule. `load_rule_cases(folder)` reads them
(validated, `file:line` errors), `check_rule_case(case)` runs one: only the rule under test,
on the case's short Markdown agreement, and asserts the outcome. `assert_rule_fails` and
`assert_rule_passes` test a rule on a text directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from slalint.config import Config
from slalint.engine.builtin_rules import INTERNAL_ERROR
from slalint.engine.conditions import DOCUMENT_KINDS
from slalint.engine.findings import Finding
from slalint.engine.loader import RuleSet, load_ruleset
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import load_located
from slalint.errors import RuleDefinitionError

CASE_KEYS = ("fail", "pass", "violations", "options", "document_kind", "config", "description")
VIOLATION_KEYS = ("section", "message_contains", "quote_contains", "title")
CASE_CONFIG_KEYS = ("vocabulary", "external_terms", "party_hints")
CASE_NAME = re.compile(r"^[a-z0-9_]+$")


@dataclass
class RuleCase:
    """One test case of one rule: a short agreement that must fail or pass."""

    code: str
    name: str
    expect: str
    text: str
    violations: list[dict[str, Any]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    document_kind: str | None = None
    config: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    line: int | None = None

    @property
    def id(self) -> str:
        return f"{self.code}_{self.name}"


def parse_cases_file(path: str | Path) -> list[RuleCase]:
    """Read one `<CODE>.cases.yaml`; raises RuleDefinitionError for the first problem."""
    src = load_located(path)
    ck = Checker(src)
    data = src.data
    out: list[RuleCase] = []
    if not isinstance(data, dict) or "rule" not in data:
        raise src.error((), "a cases file is a mapping with 'rule: CODE' and one key per case")
    code = data["rule"]
    stem = Path(path).name.split(".")[0]
    if code != stem:
        ck.error(("rule",), f"rule '{code}' does not match the file name '{stem}'")
    for kp, line in src.duplicates:
        ck.errors.append(RuleDefinitionError(src.path, line, f"duplicate case '{kp[-1]}'"))
    for name, case in data.items():
        if name == "rule":
            continue
        kp = (name,)
        if not CASE_NAME.match(str(name)):
            ck.error(kp, f"case name '{name}' must be lowercase letters, digits and '_'")
        if not ck.expect(case, dict, kp, "a case mapping with 'fail' or 'pass'"):
            continue
        ck.unknown_keys(case, CASE_KEYS, kp)
        if ("fail" in case) == ("pass" in case):
            ck.error(kp, "a case has exactly one of 'fail' or 'pass'")
            continue
        expect = "fail" if "fail" in case else "pass"
        if not ck.expect(case[expect], str, kp + (expect,), "agreement text (Markdown)"):
            continue
        violations = case.get("violations", [])
        if expect == "pass" and violations:
            ck.error(kp + ("violations",), "a pass case has no violations")
        if not isinstance(violations, list):
            ck.error(kp + ("violations",), "expected a list")
            violations = []
        for i, v in enumerate(violations):
            if ck.expect(v, dict, kp + ("violations", i), "a mapping (section, message_contains, quote_contains)"):
                ck.unknown_keys(v, VIOLATION_KEYS, kp + ("violations", i))
        if "document_kind" in case:
            ck.choice(case["document_kind"], DOCUMENT_KINDS, kp + ("document_kind",))
        cfg = case.get("config", {})
        if ck.expect(cfg, dict, kp + ("config",), "a mapping"):
            ck.unknown_keys(cfg, CASE_CONFIG_KEYS, kp + ("config",))
        opts = case.get("options", {})
        ck.expect(opts, dict, kp + ("options",), "a mapping of option values")
        out.append(RuleCase(code=str(code), name=str(name), expect=expect, text=case[expect],
                            violations=[v for v in violations if isinstance(v, dict)],
                            options=dict(opts) if isinstance(opts, dict) else {},
                            document_kind=case.get("document_kind"), config=cfg if isinstance(cfg, dict) else {},
                            path=src.path, line=src.line(kp)))
    if ck.errors:
        raise ck.errors[0]
    return out


def cases_files(folder: str | Path) -> list[Path]:
    return sorted(Path(folder).rglob("*.cases.yaml")) + sorted(Path(folder).rglob("*.cases.yml"))


def load_rule_cases(folder: str | Path) -> list[RuleCase]:
    """Every case of every `*.cases.yaml` under ``folder`` (a pack or a folder of packs)."""
    out: list[RuleCase] = []
    for f in cases_files(folder):
        out.extend(parse_cases_file(f))
    return out


def run_rule_text(code: str, text: str, ruleset: RuleSet | None = None, *, options: dict[str, Any] | None = None,
                  document_kind: str | None = None, config: dict[str, Any] | None = None,
                  path: str = "case.md") -> list[Finding]:
    """Findings of one rule (only) on a Markdown agreement text."""
    from slalint.engine.lint import lint_document
    from slalint.readers.text import read_markdown

    ruleset = ruleset or load_ruleset()
    rule = ruleset.get(code)
    if rule is None:
        raise AssertionError(f"no rule '{code}' in the rule set")
    if options:
        rule = ruleset.with_options(rule, options)
    config = config or {}
    cfg = Config(vocabulary=list(config.get("vocabulary", [])), party_hints=dict(config.get("party_hints", {})))
    doc = read_markdown(text, path=path)
    result = lint_document(doc, cfg, triage=False, rules=[rule], document_kind=document_kind,
                           external=config.get("external_terms", ()), ruleset=ruleset)
    return result.findings


def _describe(findings: Iterable[Finding]) -> str:
    return "\n".join(f"  {f.code} [{f.location.section or '-'}] {f.message} | quote: {f.quote[:80]!r}" for f in findings) or "  (none)"


def check_rule_case(case: RuleCase, ruleset: RuleSet | None = None) -> list[Finding]:
    """Run one case and assert its expectation; returns the rule's findings."""
    findings = run_rule_text(case.code, case.text, ruleset, options=case.options, document_kind=case.document_kind,
                             config=case.config, path=f"{case.id}.md")
    where = f"{case.path}:{case.line}" if case.line else case.path
    crashes = [f for f in findings if f.code == INTERNAL_ERROR]
    if crashes:
        raise AssertionError(f"{where}: {case.id}: the rule crashed:\n{_describe(crashes)}")
    mine = [f for f in findings if f.code == case.code]
    if case.expect == "pass":
        if mine:
            raise AssertionError(f"{where}: {case.id}: expected no finding, got:\n{_describe(mine)}")
        return mine
    if not mine:
        raise AssertionError(f"{where}: {case.id}: expected a {case.code} finding, got none")
    if case.violations:
        if len(mine) != len(case.violations):
            raise AssertionError(f"{where}: {case.id}: expected {len(case.violations)} finding(s), got {len(mine)}:\n{_describe(mine)}")
        for v in case.violations:
            if not any(_matches(f, v) for f in mine):
                raise AssertionError(f"{where}: {case.id}: no finding matches {v}; got:\n{_describe(mine)}")
    return mine


def _matches(f: Finding, v: dict[str, Any]) -> bool:
    if "section" in v and str(v["section"]) != (f.location.section or ""):
        return False
    if "title" in v and str(v["title"]).lower() != (f.location.title or "").lower():
        return False
    if "message_contains" in v and str(v["message_contains"]).lower() not in f.message.lower():
        return False
    if "quote_contains" in v and str(v["quote_contains"]).lower() not in (f.quote or "").lower():
        return False
    return True


def assert_rule_fails(code: str, text: str, ruleset: RuleSet | None = None, **kw: Any) -> list[Finding]:
    """Assert that rule ``code`` reports at least one finding on ``text``; return them."""
    case = RuleCase(code=code, name="inline", expect="fail", text=text, **kw)
    return check_rule_case(case, ruleset)


def assert_rule_passes(code: str, text: str, ruleset: RuleSet | None = None, **kw: Any) -> None:
    """Assert that rule ``code`` reports nothing on ``text``."""
    check_rule_case(RuleCase(code=code, name="inline", expect="pass", text=text, **kw), ruleset)
