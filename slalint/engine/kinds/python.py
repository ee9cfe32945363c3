"""`python`: the rule's registered check function does all the work (params are free-form
and passed to it as ``ctx.params``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from slalint.engine.context import Hit, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

PARAMS: tuple[str, ...] = ()
PLACEHOLDERS = frozenset()


@dataclass
class Compiled:
    params: dict[str, Any]
    requires: frozenset[str] = frozenset()


def compile(ck: Checker, params: Any, kp: Path_) -> Compiled | None:
    if params is None:
        return Compiled({})
    if not ck.expect(params, dict, kp, "a mapping"):
        return None
    return Compiled(dict(params))


def run(ctx: RuleContext) -> Iterator[Hit]:
    return iter(())  # the check function runs after the kind (see runner)
