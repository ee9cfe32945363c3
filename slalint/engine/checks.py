"""The registry of Python check functions a rule may name (`check: module:function`).

A check is registered with the `@check(requires=(...))` decorator, which records the
analysis aspects it reads. A rule names it by import path; the loader imports the module
and refuses functions that were not registered (a typo must not silently run nothing).
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from slalint.engine.context import Hit, RuleContext

CheckFn = Callable[[RuleContext], Iterable[Hit]]
ASPECTS = ("topics", "terms", "parties", "statements", "xrefs", "quantities", "sentences")
"""Analysis aspects a kind or check may require (see slalint.analysis.analyze)."""


@dataclass(frozen=True)
class CheckInfo:
    path: str
    function: CheckFn
    requires: frozenset[str]
    placeholders: tuple[str, ...] = ()


_REGISTRY: dict[str, CheckInfo] = {}


def check(requires: Iterable[str] = (), placeholders: Iterable[str] = ()) -> Callable[[CheckFn], CheckFn]:
    """Register a check function; ``requires`` names the analysis aspects it reads."""
    req = frozenset(requires)
    unknown = req - set(ASPECTS)
    if unknown:
        raise ValueError(f"unknown analysis aspect(s) {sorted(unknown)}; known: {', '.join(ASPECTS)}")

    def deco(fn: CheckFn) -> CheckFn:
        path = f"{fn.__module__}:{fn.__name__}"
        info = CheckInfo(path, fn, req, tuple(placeholders))
        _REGISTRY[path] = info
        fn.__slalint_check__ = info  # type: ignore[attr-defined]
        return fn

    return deco


class _LazyCheck:
    """Imports the check's module on first call (so listing rules never loads spaCy)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._fn: CheckFn | None = None

    def __call__(self, ctx: RuleContext) -> Iterable[Hit]:
        if self._fn is None:
            self._fn = _import_check(self.path).function
        return self._fn(ctx)


def _import_check(path: str) -> CheckInfo:
    module_name, func = path.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise ValueError(f"unknown check '{path}': module '{exc.name}' not found") from None
    except Exception as exc:  # noqa: BLE001 - a broken user module is a rule error
        raise ValueError(f"unknown check '{path}': importing '{module_name}' failed: {exc}") from None
    fn: Any = getattr(module, func, None)
    if fn is None:
        names = sorted(i.path.split(":")[1] for i in _REGISTRY.values() if i.path.startswith(module_name + ":"))
        hint = f" (registered there: {', '.join(names)})" if names else ""
        raise ValueError(f"unknown check '{path}': no function '{func}' in {module_name}{hint}")
    info = getattr(fn, "__slalint_check__", None)
    if info is None:
        raise ValueError(f"'{path}' is not a registered check (decorate it with @slalint.engine.checks.check)")
    return info


def _is_check_decorator(node: ast.expr) -> ast.Call | ast.expr | None:
    target = node.func if isinstance(node, ast.Call) else node
    name = target.attr if isinstance(target, ast.Attribute) else target.id if isinstance(target, ast.Name) else None
    return node if name == "check" else None


def _static_check(path: str) -> CheckInfo | None:
    """Find ``module:function`` and its @check decorator in the module's source without
    importing it; None when the source cannot be read (then we import)."""
    module_name, func = path.split(":")
    try:
        spec = importlib.util.find_spec(module_name)
    except (ModuleNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown check '{path}': module '{getattr(exc, 'name', module_name) or module_name}' not found") from None
    if spec is None:
        raise ValueError(f"unknown check '{path}': module '{module_name}' not found")
    origin = spec.origin
    if not origin or not origin.endswith(".py"):
        return None
    try:
        with open(origin, encoding="utf-8") as fh:
            tree = ast.parse(fh.read(), origin)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    node = defs.get(func)
    if node is None:
        registered = sorted(n for n, d in defs.items() if any(_is_check_decorator(x) is not None for x in d.decorator_list))
        hint = f" (registered there: {', '.join(registered)})" if registered else ""
        raise ValueError(f"unknown check '{path}': no function '{func}' in {module_name}{hint}")
    deco = next((d for d in node.decorator_list if _is_check_decorator(d) is not None), None)
    if deco is None:
        raise ValueError(f"'{path}' is not a registered check (decorate it with @slalint.engine.checks.check)")
    requires: frozenset[str] = frozenset()
    placeholders: tuple[str, ...] = ()
    if isinstance(deco, ast.Call):
        for kw in deco.keywords:
            try:
                value = ast.literal_eval(kw.value)
            except ValueError:
                return None  # computed arguments: import to find out
            if kw.arg == "requires":
                requires = frozenset(value)
            elif kw.arg == "placeholders":
                placeholders = tuple(value)
        if deco.args:
            try:
                requires = frozenset(ast.literal_eval(deco.args[0]))
            except ValueError:
                return None
    unknown = requires - set(ASPECTS)
    if unknown:
        raise ValueError(f"check '{path}' requires unknown analysis aspect(s) {sorted(unknown)}; known: {', '.join(ASPECTS)}")
    return CheckInfo(path, _LazyCheck(path), requires, placeholders)


def resolve_check(path: str) -> CheckInfo:
    """The registration of ``module:function``; ValueError says why there is none.

    The module's source is read, not imported (its imports may be heavy, e.g. spaCy); the
    function is imported on first call. Modules without readable source are imported.
    """
    if not isinstance(path, str) or path.count(":") != 1:
        raise ValueError(f"expected 'module.path:function', got {path!r}")
    if path in _REGISTRY:
        return _REGISTRY[path]
    info = _static_check(path)
    return info if info is not None else _import_check(path)


def registered_checks() -> dict[str, CheckInfo]:
    return dict(_REGISTRY)
