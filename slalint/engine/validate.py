"""Small validation helpers shared by the rule, kind, condition and clause loaders.

Every problem is collected as a `RuleDefinitionError` (`file:line: what is wrong`) so that
one load reports every mistake in every file, not just the first.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

from slalint.engine.yamlsrc import Located, Path_
from slalint.errors import RuleDefinitionError


def dotted(key_path: Path_) -> str:
    parts: list[str] = []
    for k in key_path:
        if isinstance(k, int):
            parts.append(f"[{k}]")
        else:
            parts.append(("." if parts else "") + str(k))
    return "".join(parts)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Checker:
    """Collects errors about one located YAML document."""

    def __init__(self, src: Located) -> None:
        self.src = src
        self.errors: list[RuleDefinitionError] = []

    def error(self, key_path: Path_, message: str) -> None:
        where = dotted(key_path)
        self.errors.append(self.src.error(key_path, f"{where}: {message}" if where else message))

    def unknown_keys(self, mapping: dict[str, Any], allowed: Iterable[str], key_path: Path_) -> None:
        allowed = list(allowed)
        for key in mapping:
            if key not in allowed:
                self.errors.append(
                    self.src.error(key_path + (key,), f"unknown key '{key}'{' in ' + dotted(key_path) if key_path else ''}{did_you_mean(key, allowed)}")
                )

    def type_name(self, value: Any) -> str:
        if value is None:
            return "nothing"
        if isinstance(value, bool):
            return "a boolean"
        if isinstance(value, int):
            return "an integer"
        if isinstance(value, float):
            return "a number"
        if isinstance(value, str):
            return f"'{value}'" if len(value) < 40 else "a string"
        if isinstance(value, list):
            return "a list"
        if isinstance(value, dict):
            return "a mapping"
        return type(value).__name__

    def expect(self, value: Any, types: type | tuple[type, ...], key_path: Path_, what: str) -> bool:
        ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in _as_tuple(types))
        if not ok:
            self.error(key_path, f"expected {what}, got {self.type_name(value)}")
        return ok

    def choice(self, value: Any, choices: Iterable[str], key_path: Path_) -> bool:
        choices = list(choices)
        if value not in choices:
            hint = did_you_mean(value, choices) if isinstance(value, str) else ""
            self.error(key_path, f"expected one of {', '.join(map(str, choices))}, got {self.type_name(value)}{hint}")
            return False
        return True

    def string_list(self, value: Any, key_path: Path_, what: str = "a list of strings") -> list[str]:
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self.error(key_path, f"expected {what}, got {self.type_name(value)}")
            return []
        bad = [i for i, v in enumerate(value) if not isinstance(v, str)]
        for i in bad:
            hint = " (quote it: a ': ' inside an unquoted item makes a mapping)" if isinstance(value[i], dict) else ""
            self.error(key_path + (i,), f"expected a string, got {self.type_name(value[i])}{hint}")
        return [] if bad else list(value)

    def regex(self, value: Any, key_path: Path_, flags: int = 0) -> re.Pattern[str] | None:
        if not isinstance(value, str):
            self.error(key_path, f"expected a regular expression (string), got {self.type_name(value)}")
            return None
        try:
            return re.compile(value, flags)
        except re.error as exc:
            self.error(key_path, f"bad regular expression: {exc}")
            return None


def _as_tuple(t: type | tuple[type, ...]) -> tuple[type, ...]:
    return t if isinstance(t, tuple) else (t,)
