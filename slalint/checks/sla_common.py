"""Shared helpers of the managed-services checklist (pack `sla`).

Two ideas recur across the pack. A statement of work or a service level schedule often
*relies on a master agreement* for its legal terms (warranties, liability, termination), so
several checks first ask whether the document names one. And a checklist topic counts as
*provided* only when the agreement makes a provision on it in its text: a line item of a
fee table ("Firewall management ... $300") prices a service, it does not promise security.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from slalint.analysis.facts import Evidence
from slalint.engine.checks import check
from slalint.engine.context import Hit, ParaInfo, RuleContext

MASTER_REF = re.compile(
    r"\b(?:master|framework|umbrella|main|principal|underlying|governing)\s+(?:[\w-]+\s+){0,2}"
    r"(?:agreement|contract|terms)\b"
    r"|\b(?:under|pursuant\s+to|subject\s+to|governed\s+by|"
    r"incorporat\w+(?:\s+(?:in(?:to)?|by\s+reference(?:\s+in(?:to)?)?))?|"
    r"(?:forms?\s+)?(?:a\s+)?part\s+of|issued\s+under|entered\s+into\s+under|supplements?|attached\s+to|"
    r"(?:attachment|addendum|schedule|exhibit|appendix|annex)\s+to|meanings?\s+(?:given|set\s+out|ascribed)\s+(?:to\s+them\s+)?in)"
    r"\s+(?:(?:the|that|an?|each|your|our)\s+)?(?:(?!this\b|these\b|its\b)[\w-]+\s+){0,4}"
    r"(?:agreement|terms\s+and\s+conditions|terms\s+of\s+service|contract|general\s+terms|standard\s+terms|"
    r"cloud\s+terms|core\s+terms)\b",
    re.I,
)
"""Words by which a SOW, order form or SLA schedule names the agreement that governs it."""


DEPENDENT_REF = re.compile(
    r"\b(?:the|an?|each|any|applicable)\s+(?:order\s+form|cover\s+page|call-?off\s+contract|base\s+terms|"
    r"performance\s+work\s+statement)\b|\bmeans?\s+the\s+same\b.{0,40}\bas\s+in\s+the\b", re.I)
"""An SLA or schedule whose values live in an order form or cover page is part of a larger
contract, even when it does not name the master agreement."""


def relies_on_master(ctx: RuleContext) -> bool:
    """A schedule, SLA, SOW or order form that names the agreement governing it (a master
    agreement is never "relying on" itself: documents the analysis calls an MSA are not)."""
    if ctx.kind == "msa":
        return False
    if master_agreement_reference(ctx) is not None:
        return True
    return ctx.kind in ("sla", "schedule") and first_match(ctx, DEPENDENT_REF) is not None


@check(requires=())
def unless_relies_on_master(ctx: RuleContext) -> Iterator[Hit]:
    """Filter for a declarative rule: keep its hits unless the document is an SLA, SOW,
    order form or schedule that names the master agreement governing it."""
    if relies_on_master(ctx):
        return
    yield from ctx.hits


def first_match(ctx: RuleContext, rx: re.Pattern[str], where: str = "all") -> tuple[ParaInfo, re.Match[str]] | None:
    """The first paragraph (document order) matching ``rx``, with the match."""
    for info in ctx.iter_paragraphs(where):
        m = rx.search(info.paragraph.text)
        if m:
            return info, m
    return None


def master_agreement_reference(ctx: RuleContext) -> Evidence | None:
    """Evidence of the sentence naming a governing master agreement, or None."""
    found = first_match(ctx, MASTER_REF)
    if found is None:
        return None
    info, m = found
    return ctx.sentence_evidence(info, m.start(), m.end())


def provided_evidence(ctx: RuleContext, topic: str, ignore_sources: Iterable[str] = ("table",),
                      min_weight: float = 0.0) -> list[Evidence]:
    """Topic hits that show a provision, leaving out hits of the ignored sources (table
    cells by default: a priced line item is not a clause)."""
    skip = set(ignore_sources)
    return [h.evidence for h in ctx.analysis.topic_hits
            if h.topic == topic and h.source not in skip and h.weight >= min_weight]


def topic_status(ctx: RuleContext, topic: str) -> str:
    cov = ctx.analysis.coverage.get(topic)
    return cov.status if cov else "unknown"
