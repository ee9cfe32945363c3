"""One-sided termination: who may end the agreement, read from the rights matrix.

A right to terminate for cause (breach, non-payment, insolvency) or for convenience that
only one party holds leaves the other bound: a customer that cannot leave a provider in
breach, or a provider that cannot leave a customer who stopped paying. Termination rights
without a stated cause ("may terminate ... if the other party breaches") count as rights
for cause; an "either party may terminate" statement gives the right to both.

A customer-only right to terminate for convenience is a common, deliberate concession to
the customer (public-sector and enterprise terms); it is reported only when the option
`report_customer_only_convenience` is on.
"""

from __future__ import annotations

import re
from typing import Iterator

from slalint.analysis.facts import Statement
from slalint.checks.sla_common import relies_on_master
from slalint.engine.checks import check
from slalint.engine.context import Hit, RuleContext

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("for convenience", ("terminate_for_convenience",)),
    ("for cause", ("terminate", "terminate_for_cause")),
)
ROLES = ("provider", "customer")
FOR_CAUSE_WORDS = re.compile(
    r"\b(?:comply|compliance|laws?|legal|regulat\w+|sanctions?|court|government\w*|breach\w*|insolven\w+|"
    r"bankrupt\w*|fails?\s+to|failure|default)\b", re.I)
CONVENIENCE_WORDS = re.compile(r"\bconvenience\b|\bany\s+(?:or\s+no\s+)?reason\b|\bno\s+reason\b|\bwithout\s+(?:cause|reason)\b", re.I)


GRANT = re.compile(
    r"\b(?:may|can|shall\s+(?:have|be\s+entitled)|will\s+have|has|have|is\s+entitled|reserves?)\b[^.;]{0,80}\bterminat", re.I)
"""A real grant of a termination right ("may terminate", "shall be entitled to terminate"),
not a mention ("unless terminated earlier under Section 3.2")."""
JOINT = re.compile(r"\b(?:the\s+)?[A-Z][\w.&-]*\s+or\s+(?:the\s+)?[A-Z][\w.&-]*\s+may\b[^.;]{0,60}\bterminat")
""""Customer or Changepoint may terminate": both parties hold the right."""


def _bearers(st: Statement) -> tuple[str, ...]:
    if st.bearer == "both" or JOINT.search(st.evidence.quote):
        return ROLES
    return (st.bearer,) if st.bearer else ()


def _action(st: Statement) -> str:
    """A "convenience" right conditioned on law, breach or insolvency is a right for cause."""
    if st.action == "terminate_for_convenience" and FOR_CAUSE_WORDS.search(st.evidence.quote) \
            and not CONVENIENCE_WORDS.search(st.evidence.quote):
        return "terminate_for_cause"
    return st.action


def _role_name(ctx: RuleContext, role: str) -> str:
    for p in ctx.analysis.parties:
        if p.role == role:
            return p.aliases[0] if p.aliases else p.name
    return role.capitalize()


@check(requires=("statements", "parties"), placeholders=("action", "holder", "other"))
def one_sided_termination(ctx: RuleContext) -> Iterator[Hit]:
    if relies_on_master(ctx):
        return
    held: dict[str, dict[str, list[Statement]]] = {g: {r: [] for r in ROLES} for g, _ in GROUPS}
    for st in ctx.analysis.statements:
        if st.modality != "right" or not st.bearer or not GRANT.search(st.evidence.quote):
            continue
        for group, actions in GROUPS:
            if _action(st) in actions:
                for b in _bearers(st):
                    if b in held[group]:
                        held[group][b].append(st)
    # Any termination right of a party counts for "for cause": a party that may terminate
    # for convenience can also leave a party in breach.
    for r in ROLES:
        if held["for convenience"][r] and not held["for cause"][r]:
            held["for cause"][r] = list(held["for convenience"][r])
    customer_only_conv = bool(ctx.options.get("report_customer_only_convenience", False))
    for group, _ in GROUPS:
        holders = [r for r in ROLES if held[group][r]]
        if len(holders) != 1:
            continue
        holder = holders[0]
        if group == "for convenience" and holder == "customer" and not customer_only_conv:
            continue
        other = next(r for r in ROLES if r != holder)
        sts = held[group][holder]
        if group == "for cause" and sts and all(_action(s) == "terminate_for_convenience" for s in sts):
            continue  # already reported as the convenience right
        yield Hit(sts[0].evidence, {"action": f"terminate {group}", "holder": _role_name(ctx, holder),
                                    "other": _role_name(ctx, other)},
                  extra_evidence=[s.evidence for s in sts[1:4]])
