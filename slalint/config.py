"""Project configuration: `.slalint.yaml`, or `[tool.slalint]` in `pyproject.toml`.

Found by walking up from each agreement's folder (the nearest wins; `--config FILE`
overrides). It says which rules run (select/ignore by code, code prefix, name, group or
pack; most specific wins), severity overrides, per-file ignores, extra rule folders (a
firm's own playbook rules), the vocabulary of accepted terms, external glossaries (the MSA
whose definitions an SOW relies on), party-role hints and where review files live.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from slalint.engine.spec import SEVERITIES
from slalint.engine.validate import did_you_mean
from slalint.errors import ConfigError

CONFIG_NAMES = (".slalint.yaml", ".slalint.yml")
CONFIG_KEYS = ("select", "ignore", "extend_select", "severity", "rules", "per_file_ignores", "rule_folders",
               "builtin_rules", "vocabulary", "external_glossaries", "party_hints", "review_dir", "fail_on", "cache_dir")
FAIL_ON = ("error", "warning", "info", "none")
ROLES = ("provider", "customer")
TERM_LIST_SUFFIXES = (".yaml", ".yml", ".json", ".terms", ".lst")


@dataclass
class Config:
    """Settings for linting the files under one config file (or defaults)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rule_folders: list[Path] = field(default_factory=list)
    builtin_rules: bool = True
    vocabulary: list[str] = field(default_factory=list)
    external_glossaries: list[Path] = field(default_factory=list)
    party_hints: dict[str, str] = field(default_factory=dict)
    review_dir: Path | None = None
    fail_on: str = "error"
    cache_dir: Path | None = None
    cache: bool = True

    def digest(self) -> str:
        """A hash of every setting that changes findings (part of the cache key)."""
        data = {
            "select": self.select, "ignore": self.ignore, "extend_select": self.extend_select,
            "severity": self.severity, "rules": self.rules, "per_file_ignores": self.per_file_ignores,
            "rule_folders": [str(p) for p in self.rule_folders], "builtin_rules": self.builtin_rules,
            "vocabulary": self.vocabulary, "external_glossaries": [str(p) for p in self.external_glossaries],
            "party_hints": self.party_hints, "root": str(self.root) if self.path else "",
        }
        h = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode())
        for g in self.external_glossaries:
            for p in sorted(g.rglob("*")) if g.is_dir() else [g]:
                try:
                    st = p.stat()
                    h.update(f"{p}:{st.st_size}:{st.st_mtime_ns}".encode())
                except OSError:
                    pass
        return h.hexdigest()

    def relative(self, path: str | Path) -> str:
        p = Path(path).resolve()
        try:
            return p.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def ignored_for(self, path: str | Path) -> list[str]:
        """Selectors ignored for one file by `per_file_ignores`."""
        if not self.per_file_ignores:
            return []
        rel = self.relative(path)
        name = Path(path).name
        out: list[str] = []
        for pattern, sels in self.per_file_ignores.items():
            if glob_match(rel, pattern) or glob_match(name, pattern):
                out.extend(sels)
        return out


def glob_match(path: str, pattern: str) -> bool:
    """Glob with `**` (any folders), `*` (within a folder) and `?`."""
    rx = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            rx += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            rx += ".*"
            i += 2
        elif pattern[i] == "*":
            rx += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            rx += "[^/]"
            i += 1
        else:
            rx += re.escape(pattern[i])
            i += 1
    return re.fullmatch(rx, path) is not None or fnmatch.fnmatchcase(path, pattern)


# -- reading ---------------------------------------------------------------------------
def _line_of(path: Path, key: str) -> str:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(rf"\s*{re.escape(key)}\s*[:=]", line):
                return f"{path}:{n}"
    except OSError:
        pass
    return str(path)


def _strings(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key}: expected a list of strings")
    return list(value)


def config_from_mapping(data: Any, path: Path | None, root: Path | None = None) -> Config:
    """Validate a config mapping; errors are ConfigError `file:line: key: what`."""
    where = str(path) if path else "<config>"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of settings")
    root = root or (path.parent if path else Path.cwd())
    cfg = Config(path=path, root=root)
    data = {k: v for k, v in data.items() if v is not None}  # "key:" with only comments = unset
    for key in data:
        if key not in CONFIG_KEYS:
            raise ConfigError(f"{_line_of(path, key) if path else where}: unknown setting '{key}'{did_you_mean(key, CONFIG_KEYS)}")

    def at(key: str) -> str:
        return _line_of(path, key) if path else where

    if "select" in data:
        cfg.select = _strings(data["select"], at("select"), "select")
    if "extend_select" in data:
        cfg.extend_select = _strings(data["extend_select"], at("extend_select"), "extend_select")
    if "ignore" in data:
        cfg.ignore = _strings(data["ignore"], at("ignore"), "ignore")
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict):
            raise ConfigError(f"{at('severity')}: severity: expected a mapping selector -> info|warning|error")
        for k, v in sev.items():
            if v not in SEVERITIES:
                raise ConfigError(f"{at('severity')}: severity.{k}: expected info, warning or error, got {v!r}")
        cfg.severity = {str(k): v for k, v in sev.items()}
    if "rules" in data:
        rules = data["rules"]
        if not isinstance(rules, dict):
            raise ConfigError(f"{at('rules')}: rules: expected a mapping rule -> {{options: {{...}}}}")
        for k, v in rules.items():
            if not isinstance(v, dict) or set(v) - {"options", "severity"}:
                raise ConfigError(f"{at('rules')}: rules.{k}: expected {{options: {{...}}, severity: ...}}")
            if "options" in v and not isinstance(v["options"], dict):
                raise ConfigError(f"{at('rules')}: rules.{k}.options: expected a mapping")
            if "severity" in v:
                if v["severity"] not in SEVERITIES:
                    raise ConfigError(f"{at('rules')}: rules.{k}.severity: expected info, warning or error")
                cfg.severity[str(k)] = v["severity"]
        cfg.rules = {str(k): dict(v) for k, v in rules.items()}
    if "per_file_ignores" in data:
        pfi = data["per_file_ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{at('per_file_ignores')}: per_file_ignores: expected a mapping glob -> [rules]")
        cfg.per_file_ignores = {str(k): _strings(v, at("per_file_ignores"), f"per_file_ignores.{k}") for k, v in pfi.items()}
    if "rule_folders" in data:
        cfg.rule_folders = [(root / p) for p in _strings(data["rule_folders"], at("rule_folders"), "rule_folders")]
        for p in cfg.rule_folders:
            if not p.is_dir():
                raise ConfigError(f"{at('rule_folders')}: rule_folders: folder not found: {p}")
    if "builtin_rules" in data:
        if not isinstance(data["builtin_rules"], bool):
            raise ConfigError(f"{at('builtin_rules')}: builtin_rules: expected true or false")
        cfg.builtin_rules = data["builtin_rules"]
    if "vocabulary" in data:
        voc = data["vocabulary"]
        if isinstance(voc, str):
            cfg.vocabulary = read_term_list(root / voc, at("vocabulary"))
        else:
            cfg.vocabulary = _strings(voc, at("vocabulary"), "vocabulary")
    if "external_glossaries" in data:
        cfg.external_glossaries = [root / p for p in _strings(data["external_glossaries"], at("external_glossaries"), "external_glossaries")]
        for p in cfg.external_glossaries:
            if not p.exists():
                raise ConfigError(f"{at('external_glossaries')}: external_glossaries: not found: {p}")
    if "party_hints" in data:
        ph = data["party_hints"]
        if not isinstance(ph, dict) or any(v not in ROLES for v in ph.values()):
            raise ConfigError(f"{at('party_hints')}: party_hints: expected a mapping party name -> provider|customer")
        cfg.party_hints = {str(k): v for k, v in ph.items()}
    if "review_dir" in data:
        cfg.review_dir = root / str(data["review_dir"])
    if "cache_dir" in data:
        cfg.cache_dir = root / str(data["cache_dir"])
    if "fail_on" in data:
        if data["fail_on"] not in FAIL_ON:
            raise ConfigError(f"{at('fail_on')}: fail_on: expected one of {', '.join(FAIL_ON)}")
        cfg.fail_on = data["fail_on"]
    return cfg


def read_term_list(path: Path, where: str = "") -> list[str]:
    """A list of terms: YAML/JSON list, or one term per line (# comments allowed)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where or path}: cannot read term list {path}: {exc}") from None
    if path.suffix in (".yaml", ".yml", ".json"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: invalid YAML: {exc}") from None
        if isinstance(data, dict) and "terms" in data:
            data = data["terms"]
        if not isinstance(data, list):
            raise ConfigError(f"{path}: expected a list of terms")
        return [str(t).strip() for t in data if str(t).strip()]
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def load_config_file(path: str | Path) -> Config:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        section = data.get("tool", {}).get("slalint")
        return config_from_mapping(section or {}, path)
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise ConfigError(f"{path}:{line}: invalid YAML: {exc.problem}") from None
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return config_from_mapping(data, path)


def _has_tool_section(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\[tool\.slalint(\.|\])", text, re.M) is not None


def find_config_file(start: str | Path) -> Path | None:
    """The nearest `.slalint.yaml` or `pyproject.toml` with `[tool.slalint]`, walking up."""
    p = Path(start).resolve()
    folder = p if p.is_dir() else p.parent
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
        if (d / "pyproject.toml").is_file() and _has_tool_section(d / "pyproject.toml"):
            return d / "pyproject.toml"
    return None


_RESOLVED: dict[Path | None, Config] = {}


def config_for(path: str | Path) -> Config:
    """The config that governs ``path`` (discovered; defaults when there is none)."""
    found = find_config_file(path)
    if found not in _RESOLVED:
        _RESOLVED[found] = load_config_file(found) if found else Config()
    return _RESOLVED[found]


def merged(cfg: Config, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
           extend_select: Iterable[str] | None = None) -> Config:
    """A copy with command-line selection applied: --select replaces, --ignore extends."""
    from dataclasses import replace

    out = replace(cfg)
    if select:
        out.select = list(select)
    if extend_select:
        out.extend_select = out.extend_select + list(extend_select)
    if ignore:
        out.ignore = out.ignore + list(ignore)
    return out


def default_cache_dir(cfg: Config) -> Path:
    if cfg.cache_dir is not None:
        return cfg.cache_dir
    if cfg.path is not None:
        return cfg.path.parent / ".slalint_cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "slalint"
