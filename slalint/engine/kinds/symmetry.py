"""`symmetry`: a right granted to one party must be granted to the other (termination for
cause or convenience, liability cap, indemnity). Reads the analysis's statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from slalint.engine.context import Hit, RuleContext
from slalint.engine.validate import Checker
from slalint.engine.yamlsrc import Path_

ACTIONS = ("terminate", "terminate_for_cause", "terminate_for_convenience", "suspend", "renew", "modify",
           "indemnify", "limit_liability", "audit", "pay", "provide", "notify", "other")
MODALITIES = ("right", "obligation", "prohibition")
PARAMS = ("actions", "modality", "roles", "report")
PLACEHOLDERS = frozenset({"action", "holder", "other"})


@dataclass
class Compiled:
    actions: list[str]
    modalities: list[str] = field(default_factory=lambda: ["right"])
    roles: list[str] = field(default_factory=lambda: ["provider", "customer"])
    report: str = "each_action"
    requires: frozenset[str] = frozenset({"statements", "parties"})


def compile(ck: Checker, params: Any, kp: Path_) -> Compiled | None:
    if not ck.expect(params, dict, kp, "a mapping with 'actions'"):
        return None
    ck.unknown_keys(params, PARAMS, kp)
    if "actions" not in params:
        ck.error(kp, "symmetry needs 'actions'")
        return None
    actions = ck.string_list(params["actions"], kp + ("actions",))
    ok = all(ck.choice(a, ACTIONS, kp + ("actions", i)) for i, a in enumerate(actions))
    out = Compiled(actions)
    if "modality" in params:
        mods = ck.string_list(params["modality"], kp + ("modality",))
        ok = all(ck.choice(m, MODALITIES, kp + ("modality",)) for m in mods) and ok
        out.modalities = mods
    if "roles" in params:
        roles = ck.string_list(params["roles"], kp + ("roles",))
        if len(roles) != 2:
            ck.error(kp + ("roles",), "expected exactly two roles")
            ok = False
        out.roles = roles
    if "report" in params:
        ok = ck.choice(params["report"], ("each_action", "once"), kp + ("report",)) and ok
        out.report = params.get("report", "each_action")
    return out if ok and actions else None


def _role_name(ctx: RuleContext, role: str) -> str:
    for p in ctx.analysis.parties:
        if p.role == role:
            return p.aliases[0] if p.aliases else p.name
    return role.capitalize()


def run(ctx: RuleContext) -> Iterator[Hit]:
    c: Compiled = ctx.compiled
    reported = False
    for action in c.actions:
        held: dict[str, list[Any]] = {r: [] for r in c.roles}
        for st in ctx.analysis.statements:
            if st.action != action or st.modality not in c.modalities or not st.bearer:
                continue
            bearers = list(c.roles) if st.bearer == "both" else [st.bearer]
            for b in bearers:
                if b in held:
                    held[b].append(st)
        holders = [r for r in c.roles if held[r]]
        if len(holders) != 1:
            continue
        holder = holders[0]
        other = next(r for r in c.roles if r != holder)
        first = held[holder][0]
        yield Hit(first.evidence, {
            "action": action.replace("_", " "),
            "holder": _role_name(ctx, holder),
            "other": _role_name(ctx, other),
        }, extra_evidence=[s.evidence for s in held[holder][1:4]])
        reported = True
        if c.report == "once" and reported:
            return
