"""Validated rule and clause definitions (what a rule YAML file means once loaded)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from slalint.engine.checks import CheckInfo
from slalint.engine.conditions import Condition

SEVERITIES = ("info", "warning", "error")
STATUSES = ("preview", "stable", "deprecated")
OPTION_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,), "float": (int, float), "bool": (bool,), "str": (str,), "list": (list,),
}


def option_type_ok(type_name: str, value: Any) -> bool:
    types = OPTION_TYPES[type_name]
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


@dataclass(frozen=True)
class OptionSpec:
    name: str
    type: str
    default: Any
    help: str = ""


@dataclass(frozen=True)
class ClauseSpec:
    """A model clause of the library: preferred wording and fallbacks for one topic."""

    id: str
    topic: str
    title: str
    preferred: str
    fallbacks: tuple[str, ...] = ()
    notes: str = ""
    path: str = ""
    line: int | None = None


@dataclass(frozen=True)
class RuleSpec:
    """One rule, validated. ``compiled`` is the kind's compiled params (options applied)."""

    code: str
    name: str
    summary: str
    severity: str
    kind: str
    message: str
    pack: str
    path: str
    groups: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    applies_to: tuple[str, ...] | None = None
    applies_except: tuple[str, ...] = ()
    when: Condition | None = None
    params: dict[str, Any] = field(default_factory=dict)
    compiled: Any = None
    check: CheckInfo | None = None
    options: dict[str, OptionSpec] = field(default_factory=dict)
    option_values: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    status: str = "stable"
    link: str | None = None
    since: str | None = None
    docs: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    builtin: bool = True

    @property
    def requires(self) -> frozenset[str]:
        req = frozenset(getattr(self.compiled, "requires", frozenset()))
        if self.when is not None:
            req |= self.when.requires
        if self.check is not None:
            req |= self.check.requires
        return req

    def applies(self, kind: str) -> bool:
        if self.applies_to is not None and kind not in self.applies_to:
            return False
        return kind not in self.applies_except

    def with_severity(self, severity: str) -> "RuleSpec":
        return replace(self, severity=severity)

    def all_groups(self) -> tuple[str, ...]:
        return (self.pack,) + tuple(g for g in self.groups if g != self.pack)
