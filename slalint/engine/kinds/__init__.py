"""Declarative rule kinds, one module each (Vale's extension points).

Each module exposes ``PARAMS`` (allowed parameter keys), ``PLACEHOLDERS`` (message
placeholders it fills), ``compile(checker, params, key_path) -> compiled | None`` (validates
at load; the compiled object has ``requires``, the analysis aspects it reads) and
``run(ctx) -> Iterable[Hit]`` (``ctx.compiled`` is the compiled params).
"""

from __future__ import annotations

from types import ModuleType

from slalint.engine.kinds import consistency, forbid, implies, numeric, python, require, symmetry

KINDS: dict[str, ModuleType] = {
    "require": require,
    "forbid": forbid,
    "implies": implies,
    "symmetry": symmetry,
    "numeric": numeric,
    "consistency": consistency,
    "python": python,
}

COMMON_PLACEHOLDERS = frozenset({"code", "name", "kind", "section", "title", "quote", "topic"})
