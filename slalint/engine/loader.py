"""Load rule packs and the clause library, validating every file.

A pack is a folder of `<CODE>.yaml` rule files (cases files `<CODE>.cases.yaml` beside
them). The built-in packs live in `rules/` (`slalint.resources.rules_dir()`); users add
their own folders through config (`rule_folders`). Every mistake is reported as
`file:line: what is wrong`, all files at once, as a :class:`RuleSetError`.
"""

from __future__ import annotations

import hashlib
import os
import re
import string
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from slalint.analysis.facts import TOPIC_IDS
from slalint.engine.checks import resolve_check
from slalint.engine.conditions import DOCUMENT_KINDS, compile_condition
from slalint.engine.kinds import COMMON_PLACEHOLDERS, KINDS
from slalint.engine.spec import OPTION_TYPES, SEVERITIES, STATUSES, ClauseSpec, OptionSpec, RuleSpec, option_type_ok
from slalint.engine.validate import Checker, did_you_mean
from slalint.engine.yamlsrc import Located, load_located
from slalint.errors import RuleDefinitionError, SlalintError

RULE_KEYS = ("code", "name", "summary", "severity", "groups", "topics", "applies_to", "when", "kind", "params",
             "check", "options", "message", "suggestion", "status", "link", "since", "docs")
REQUIRED_KEYS = ("code", "name", "summary", "severity", "kind", "message", "docs")
DOC_KEYS = ("why", "example_fail", "example_pass", "references", "known_problems")
REQUIRED_DOC_KEYS = ("why", "example_fail", "example_pass", "references")
CLAUSE_KEYS = ("id", "topic", "title", "preferred", "fallbacks", "notes")
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
CLAUSE_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SKIP_FILES = {"pack.yaml", "pack.yml"}


class RuleSetError(SlalintError):
    """One or more rule or clause files are invalid; ``errors`` holds every problem."""

    def __init__(self, errors: list[RuleDefinitionError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def display_path(path: str | Path) -> str:
    """A path relative to the working directory when it is inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


# -- clause library --------------------------------------------------------------------
def parse_clause_file(src: Located) -> tuple[list[ClauseSpec], list[RuleDefinitionError]]:
    ck = Checker(src)
    out: list[ClauseSpec] = []
    data = src.data
    if not isinstance(data, list):
        ck.error((), f"a clause file is a list of clauses, got {ck.type_name(data)}")
        return out, ck.errors
    for i, item in enumerate(data):
        kp = (i,)
        if not ck.expect(item, dict, kp, "a clause mapping (id, topic, title, preferred, fallbacks, notes)"):
            continue
        ck.unknown_keys(item, CLAUSE_KEYS, kp)
        missing = [k for k in ("id", "topic", "title", "preferred", "fallbacks") if k not in item]
        if missing:
            ck.error(kp, f"missing {', '.join(missing)}")
            continue
        ok = ck.expect(item["id"], str, kp + ("id",), "a clause id")
        if ok and not CLAUSE_ID_RE.match(item["id"]):
            ck.error(kp + ("id",), f"clause id '{item['id']}' must be kebab-case")
            ok = False
        ok = ck.choice(item["topic"], TOPIC_IDS, kp + ("topic",)) and ok
        for key in ("title", "preferred"):
            ok = ck.expect(item[key], str, kp + (key,), "text") and ok
        fb = item["fallbacks"]
        if not isinstance(fb, list) or not fb or not all(isinstance(f, str) for f in fb):
            ck.error(kp + ("fallbacks",), "expected a non-empty list of clause texts")
            ok = False
        if "notes" in item:
            ok = ck.expect(item["notes"], str, kp + ("notes",), "text") and ok
        if ok:
            out.append(ClauseSpec(item["id"], item["topic"], item["title"].strip(), item["preferred"].strip(),
                                  tuple(f.strip() for f in fb), str(item.get("notes", "")).strip(), src.path, src.line(kp)))
    for kp, line in src.duplicates:
        ck.errors.append(RuleDefinitionError(src.path, line, f"duplicate key '{kp[-1]}'"))
    return out, ck.errors


def load_clauses(folders: Iterable[Path]) -> tuple[dict[str, ClauseSpec], list[RuleDefinitionError]]:
    clauses: dict[str, ClauseSpec] = {}
    errors: list[RuleDefinitionError] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
            try:
                src = load_located(display_path(path))
            except RuleDefinitionError as exc:
                errors.append(exc)
                continue
            items, errs = parse_clause_file(src)
            errors += errs
            for c in items:
                if c.id in clauses:
                    first = clauses[c.id]
                    errors.append(RuleDefinitionError(c.path, c.line, f"duplicate clause id '{c.id}' (first in {first.path}:{first.line})"))
                else:
                    clauses[c.id] = c
    return clauses, errors


# -- rules -----------------------------------------------------------------------------
def _resolve_options(value: Any, options: dict[str, Any], ck: Checker, kp: tuple[Any, ...]) -> Any:
    if isinstance(value, dict):
        if set(value) == {"option"}:
            name = value["option"]
            if name not in options:
                ck.error(kp, f"unknown option '{name}'{did_you_mean(str(name), options)}")
                return None
            return options[name]
        return {k: _resolve_options(v, options, ck, kp + (k,)) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve_options(v, options, ck, kp + (i,)) for i, v in enumerate(value)]
    return value


def _placeholders(ck: Checker, message: str) -> set[str]:
    names: set[str] = set()
    try:
        for _, field_name, _, _ in string.Formatter().parse(message):
            if field_name is not None:
                base = re.split(r"[.\[]", field_name, maxsplit=1)[0]
                if not base:
                    ck.error(("message",), "positional placeholders '{}' are not allowed; name them")
                names.add(base)
    except ValueError as exc:
        ck.error(("message",), f"bad message template: {exc} (write '{{{{' and '}}}}' for literal braces)")
    return names


def parse_rule(src: Located, pack: str, builtin: bool = True, option_overrides: dict[str, Any] | None = None) -> tuple[RuleSpec | None, list[RuleDefinitionError]]:
    """Validate one rule file; returns the spec (None when invalid) and every error."""
    ck = Checker(src)
    d = src.data
    if not isinstance(d, dict):
        ck.error((), f"a rule file is a mapping (code, name, kind, ...), got {ck.type_name(d)}")
        return None, ck.errors
    for kp, line in src.duplicates:
        ck.errors.append(RuleDefinitionError(src.path, line, f"duplicate key '{kp[-1]}'"))
    ck.unknown_keys(d, RULE_KEYS, ())
    missing = [k for k in REQUIRED_KEYS if k not in d]
    if missing:
        ck.error((), f"missing required key{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    stem = Path(src.path).name.rsplit(".", 1)[0]
    code = d.get("code")
    if "code" in d and ck.expect(code, str, ("code",), "a rule code like SLA014"):
        if not CODE_RE.match(code):
            ck.error(("code",), f"code '{code}' must be letters then digits ending in three digits, like SLA014")
        if code != stem:
            ck.error(("code",), f"code '{code}' does not match the file name '{stem}'")
    name = d.get("name")
    if "name" in d and ck.expect(name, str, ("name",), "a kebab-case name") and not NAME_RE.match(name):
        ck.error(("name",), f"name '{name}' must be kebab-case (lowercase words joined by '-')")
    for key in ("summary", "message"):
        if key in d:
            ck.expect(d[key], str, (key,), "text")
    if "severity" in d:
        ck.choice(d["severity"], SEVERITIES, ("severity",))
    if "status" in d:
        ck.choice(d["status"], STATUSES, ("status",))
    for key in ("link", "since"):
        if key in d:
            ck.expect(d[key], str, (key,), "a string")
    groups = ck.string_list(d.get("groups", []), ("groups",))
    topics = ck.string_list(d.get("topics", []), ("topics",))
    for i, t in enumerate(topics):
        ck.choice(t, TOPIC_IDS, ("topics", i))
    applies_to: tuple[str, ...] | None = None
    applies_except: tuple[str, ...] = ()
    if "applies_to" in d:
        at = d["applies_to"]
        if isinstance(at, dict):
            ck.unknown_keys(at, ("except",), ("applies_to",))
            kinds = ck.string_list(at.get("except", []), ("applies_to", "except"))
            for i, k in enumerate(kinds):
                ck.choice(k, DOCUMENT_KINDS, ("applies_to", "except", i))
            applies_except = tuple(kinds)
        else:
            kinds = ck.string_list(at, ("applies_to",), "a list of document kinds or {except: [kinds]}")
            for i, k in enumerate(kinds):
                ck.choice(k, DOCUMENT_KINDS, ("applies_to", i))
            applies_to = tuple(kinds)
    # options
    options: dict[str, OptionSpec] = {}
    if "options" in d and ck.expect(d["options"], dict, ("options",), "a mapping of option name -> {type, default, help}"):
        for oname, ospec in d["options"].items():
            okp = ("options", oname)
            if not ck.expect(ospec, dict, okp, "{type, default, help}"):
                continue
            ck.unknown_keys(ospec, ("type", "default", "help"), okp)
            if "type" not in ospec or "default" not in ospec:
                ck.error(okp, "an option needs 'type' and 'default'")
                continue
            if not ck.choice(ospec["type"], OPTION_TYPES, okp + ("type",)):
                continue
            if not option_type_ok(ospec["type"], ospec["default"]):
                ck.error(okp + ("default",), f"default must be of type {ospec['type']}, got {ck.type_name(ospec['default'])}")
                continue
            options[oname] = OptionSpec(oname, ospec["type"], ospec["default"], str(ospec.get("help", "")))
    values = {n: o.default for n, o in options.items()}
    for oname, ovalue in (option_overrides or {}).items():
        if oname not in options:
            ck.error(("options",), f"config sets unknown option '{oname}'{did_you_mean(oname, options)}")
        elif not option_type_ok(options[oname].type, ovalue):
            ck.error(("options", oname), f"config value for option '{oname}' must be of type {options[oname].type}, got {ck.type_name(ovalue)}")
        else:
            values[oname] = ovalue
    # kind and params
    kind = d.get("kind")
    compiled = None
    params: dict[str, Any] = {}
    kind_mod = None
    if "kind" in d:
        if isinstance(kind, str) and kind in KINDS:
            kind_mod = KINDS[kind]
        else:
            ck.error(("kind",), f"unknown kind {ck.type_name(kind)}{did_you_mean(str(kind), KINDS)}; kinds: {', '.join(KINDS)}")
    if kind_mod is not None:
        raw = d.get("params", {} if kind == "python" else None)
        if raw is None:
            ck.error((), f"kind '{kind}' needs 'params'")
        else:
            resolved = _resolve_options(raw, values, ck, ("params",))
            params = resolved if isinstance(resolved, dict) else {}
            compiled = kind_mod.compile(ck, resolved, ("params",))
    when = None
    if "when" in d:
        when = compile_condition(ck, _resolve_options(d["when"], values, ck, ("when",)), ("when",))
    check = None
    if "check" in d:
        try:
            check = resolve_check(d["check"])
        except ValueError as exc:
            ck.error(("check",), str(exc))
    elif kind == "python":
        ck.error(("kind",), "kind 'python' needs 'check: module.path:function'")
    # message placeholders
    if isinstance(d.get("message"), str):
        names = _placeholders(ck, d["message"])
        if kind_mod is not None and kind != "python" and check is None:
            allowed = COMMON_PLACEHOLDERS | kind_mod.PLACEHOLDERS
            for n in sorted(names - allowed):
                ck.error(("message",), f"unknown placeholder '{{{n}}}' for kind '{kind}'{did_you_mean(n, allowed)}; available: {', '.join(sorted(allowed))}")
    # docs
    docs: dict[str, Any] = {}
    if "docs" in d and ck.expect(d["docs"], dict, ("docs",), "a mapping (why, example_fail, example_pass, references)"):
        docs = d["docs"]
        ck.unknown_keys(docs, DOC_KEYS, ("docs",))
        for key in REQUIRED_DOC_KEYS:
            if key not in docs:
                ck.error(("docs",), f"missing docs.{key}")
        for key in ("why", "example_fail", "example_pass", "known_problems"):
            if key in docs and ck.expect(docs[key], str, ("docs", key), "text") and not docs[key].strip():
                ck.error(("docs", key), "is empty")
        if "references" in docs:
            ck.string_list(docs["references"], ("docs", "references"))
    suggestion = d.get("suggestion")
    if suggestion is not None:
        ck.expect(suggestion, str, ("suggestion",), "a clause id")
    if ck.errors:
        return None, ck.errors
    spec = RuleSpec(
        code=code, name=name, summary=d["summary"].strip(), severity=d["severity"], kind=kind,
        message=d["message"].strip(), pack=pack, path=src.path, groups=tuple(groups), topics=tuple(topics),
        applies_to=applies_to, applies_except=applies_except, when=when, params=params, compiled=compiled,
        check=check, options=options, option_values=values, suggestion=suggestion, status=d.get("status", "stable"),
        link=d.get("link"), since=d.get("since"), docs={k: docs[k] for k in DOC_KEYS if k in docs},
        line=src.line(("code",)), builtin=builtin,
    )
    return spec, []


@dataclass
class RuleSet:
    """Every loaded rule (by code and name) and the clause library."""

    rules: list[RuleSpec] = field(default_factory=list)
    clauses: dict[str, ClauseSpec] = field(default_factory=dict)
    sources: dict[str, Located] = field(default_factory=dict)
    digest: str = ""
    """sha256 over every rule and clause file's bytes (part of the cache key)."""

    def __post_init__(self) -> None:
        self.by_code = {r.code: r for r in self.rules}
        self.by_name = {r.name: r for r in self.rules}

    def get(self, code_or_name: str) -> RuleSpec | None:
        return self.by_code.get(code_or_name) or self.by_code.get(code_or_name.upper()) or self.by_name.get(code_or_name.lower())

    def packs(self) -> list[str]:
        return sorted({r.pack for r in self.rules})

    def groups(self) -> set[str]:
        return {g for r in self.rules for g in r.all_groups()}

    def with_options(self, rule: RuleSpec, overrides: dict[str, Any]) -> RuleSpec:
        """The rule recompiled with config option overrides; raises RuleSetError."""
        src = self.sources[rule.code]
        spec, errors = parse_rule(src, rule.pack, rule.builtin, overrides)
        if errors or spec is None:
            raise RuleSetError(errors)
        return replace(spec, severity=rule.severity)


def pack_folders(folder: Path) -> list[tuple[str, Path]]:
    """(pack name, folder) for a folder of packs, or for one pack folder."""
    if not folder.is_dir():
        return []
    if any(p.suffix in (".yaml", ".yml") and not p.name.endswith((".cases.yaml", ".cases.yml")) and p.name not in SKIP_FILES
           for p in folder.iterdir()) and folder.name != "clauses":
        return [(folder.name, folder)]
    return [(sub.name, sub) for sub in sorted(folder.iterdir())
            if sub.is_dir() and sub.name != "clauses" and not sub.name.startswith((".", "_"))]


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.suffix in (".yaml", ".yml") and not p.name.endswith((".cases.yaml", ".cases.yml"))
                  and p.name not in SKIP_FILES)


_CACHE: dict[tuple[str, ...], RuleSet] = {}


def _stamp(folders: Iterable[Path]) -> tuple[str, ...]:
    """Name, size and mtime of every YAML file under the folders: an edited rule reloads."""
    out: list[str] = []
    for folder in folders:
        if folder.is_dir():
            for root, _, files in sorted(os.walk(folder)):
                for name in sorted(files):
                    if name.endswith((".yaml", ".yml")) and not name.endswith((".cases.yaml", ".cases.yml")):
                        try:
                            st = os.stat(os.path.join(root, name))
                        except OSError:
                            continue
                        out.append(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return tuple(out)


def load_ruleset(extra_folders: Iterable[str | Path] = (), builtin: bool = True) -> RuleSet:
    """Load the built-in packs (unless ``builtin`` is False) and ``extra_folders``; raise
    RuleSetError listing every problem. Cached per process by folder list."""
    from slalint.resources import rules_dir

    folders: list[tuple[Path, bool]] = ([(rules_dir(), True)] if builtin else []) + [(Path(f), False) for f in extra_folders]
    key = tuple(f"{p.resolve()}:{b}" for p, b in folders) + _stamp(p for p, _ in folders)
    if key in _CACHE:
        return _CACHE[key]
    errors: list[RuleDefinitionError] = []
    for p, _ in folders:
        if not p.is_dir():
            errors.append(RuleDefinitionError(display_path(p), None, "rule folder not found"))
    clauses, cerrs = load_clauses([p / "clauses" for p, _ in folders])
    errors += cerrs
    digest = hashlib.sha256()
    rules: list[RuleSpec] = []
    sources: dict[str, Located] = {}
    seen_names: dict[str, RuleSpec] = {}
    for base, is_builtin in folders:
        for pack, folder in pack_folders(base):
            for path in rule_files(folder):
                shown = display_path(path)
                try:
                    raw = path.read_bytes()
                    digest.update(shown.encode() + b"\0" + raw)
                    src = load_located(shown, raw.decode("utf-8"))
                except (OSError, UnicodeDecodeError) as exc:
                    errors.append(RuleDefinitionError(shown, None, f"cannot read: {exc}"))
                    continue
                except RuleDefinitionError as exc:
                    errors.append(exc)
                    continue
                spec, errs = parse_rule(src, pack, is_builtin)
                errors += errs
                if spec is None:
                    continue
                if spec.suggestion and spec.suggestion not in clauses:
                    errors.append(src.error(("suggestion",), f"suggestion: unknown clause id '{spec.suggestion}'{did_you_mean(spec.suggestion, clauses)}"))
                if spec.code in sources:
                    errors.append(src.error(("code",), f"code: duplicate code '{spec.code}' (also {sources[spec.code].path})"))
                    continue
                if spec.name in seen_names:
                    errors.append(src.error(("name",), f"name: duplicate name '{spec.name}' (also {seen_names[spec.name].path})"))
                    continue
                sources[spec.code] = src
                seen_names[spec.name] = spec
                rules.append(spec)
    for p, _ in folders:
        cdir = p / "clauses"
        if cdir.is_dir():
            for path in sorted(cdir.glob("*.y*ml")):
                digest.update(path.read_bytes())
    if errors:
        raise RuleSetError(errors)
    from slalint.engine import builtin_rules

    rules = builtin_rules.engine_rules() + rules
    rs = RuleSet(rules=rules, clauses=clauses, sources=sources, digest=digest.hexdigest())
    _CACHE[key] = rs
    return rs
