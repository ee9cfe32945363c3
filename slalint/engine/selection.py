"""Which rules run on a file, at which severity, with which options.

Selectors are codes ("SLA014"), code prefixes ("SLA0", "DRF"), rule names
("auto-renewal-without-notice"), groups ("renewal") or packs ("sla"), or "ALL". When a rule
is matched by both `select` and `ignore`, the more specific selector wins (code > name >
code prefix > group > pack > ALL); on a tie, ignore wins.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from slalint.config import Config
from slalint.engine.loader import RuleSet, RuleSetError
from slalint.engine.spec import RuleSpec
from slalint.engine.validate import did_you_mean
from slalint.errors import ConfigError


def specificity(selector: str, rule: RuleSpec) -> float | None:
    s = selector.strip()
    if s.upper() == "ALL":
        return 0.0
    if s == rule.code or s.upper() == rule.code:
        return 5.0
    if s.lower() == rule.name:
        return 4.0
    if s.upper() != rule.code and rule.code.startswith(s.upper()) and s[:1].isalpha() and s[:1].isupper():
        return 3.0 + len(s) / 100
    if s in rule.groups:
        return 2.0
    if s == rule.pack:
        return 1.0
    return None


def best(selectors: Iterable[str], rule: RuleSpec) -> float | None:
    scores = [x for x in (specificity(s, rule) for s in selectors) if x is not None]
    return max(scores) if scores else None


def check_selectors(ruleset: RuleSet, selectors: Iterable[str], where: str) -> None:
    """Unknown selectors are configuration errors (a typo would silently select nothing)."""
    vocab = [r.code for r in ruleset.rules] + [r.name for r in ruleset.rules] + sorted(ruleset.groups())
    for s in selectors:
        if s.upper() == "ALL":
            continue
        if not any(specificity(s, r) is not None for r in ruleset.rules):
            raise ConfigError(f"{where}: unknown rule selector '{s}'{did_you_mean(s, vocab)}")


def is_enabled(rule: RuleSpec, select: list[str], ignore: list[str]) -> bool:
    sel = best(select or ["ALL"], rule)
    ign = best(ignore, rule)
    return sel is not None and (ign is None or sel > ign)


def severity_for(rule: RuleSpec, overrides: dict[str, str]) -> str:
    scored = [(specificity(k, rule), v) for k, v in overrides.items()]
    scored = [(s, v) for s, v in scored if s is not None]
    return max(scored, key=lambda sv: sv[0])[1] if scored else rule.severity


def select_rules(ruleset: RuleSet, config: Config, path: str | None = None) -> list[RuleSpec]:
    """The enabled rules for one file (per-file ignores applied), severities and options
    from config applied. Raises ConfigError for unknown selectors or bad options."""
    where = str(config.path) if config.path else "command line"
    check_selectors(ruleset, list(config.select) + list(config.ignore) + list(config.extend_select) + list(config.severity), where)
    ignore = list(config.ignore) + (config.ignored_for(path) if path else [])
    select = list(config.select) + list(config.extend_select) if config.select else (["ALL"] + list(config.extend_select))
    out: list[RuleSpec] = []
    for rule in ruleset.rules:
        if not is_enabled(rule, select, ignore):
            continue
        opts = None
        for key, value in config.rules.items():
            if specificity(key, rule) in (4.0, 5.0) and "options" in value:
                opts = value["options"]
        if opts:
            try:
                rule = ruleset.with_options(rule, opts)
            except RuleSetError as exc:
                raise ConfigError(f"{where}: rules.{rule.code}.options: " + "; ".join(e.detail for e in exc.errors)) from None
        sev = severity_for(rule, config.severity)
        out.append(replace(rule, severity=sev) if sev != rule.severity else rule)
    return out
